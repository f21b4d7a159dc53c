// Folders credit-sim writes in: the ones a user names, made as `mkdir -p` would, and the ones it names
// itself, never a link followed.

import { AsyncLocalStorage } from "node:async_hooks";
import { lstatSync, mkdirSync, rmdirSync, statSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { InputError } from "./errors.js";
import { errnoOf, fileError } from "./file-errors.js";
import { guard, release, undoOnExit } from "./signal-guard.js";

/**
 * Makes `dir` and the folders missing above it, one level at a time (as `mkdir -p`), for the reports a
 * user names (`--html out/r.html`). Not Node's recursive mkdir: on some paths (`/proc/x/y`) it never
 * returns. A level that cannot be made is reported, with the name the user gave.
 */
export function makeFolders(dir: string, shown: string = dir): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) break;
      throw new InputError("cannot write there: a part of the path is not a folder", { file: shown });
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (errnoOf(e) !== "ENOENT") throw fileError(e, shown);
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  // a signal from here on removes what was made (signal-guard.ts)
  if (missing.length > 0) guard();
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
      made().push(folder);
    } catch (e) {
      if (errnoOf(e) === "EEXIST") continue;
      // nothing made, nothing to guard (what was made above it stays held)
      release();
      throw fileError(e, shown);
    }
  }
}

/** The folders makeFolders made, in the order made (one found made meanwhile is not ours): each command's
 *  own (ownFoldersOf), so two run at once in one process (runCli called twice by a library user) never
 *  remove, nor keep, each other's; outside one, the process's. */
const commands = new AsyncLocalStorage<string[]>();
const outside: string[] = [];
/** every list that may hold folders: a signal removes them all */
const lists = new Set<string[]>([outside]);
const made = (): string[] => commands.getStore() ?? outside;

/** Runs one command with a list of made folders of its own (see `made`); what it leaves empty is removed
 *  when it ends (removeEmptyFolders in its own context). */
export async function ownFoldersOf<T>(work: () => Promise<T>): Promise<T> {
  const list: string[] = [];
  lists.add(list);
  try {
    return await commands.run(list, work);
  } finally {
    lists.delete(list);
  }
}

/**
 * Removes the folders makeFolders made that hold nothing, innermost first: at a command's end, or a
 * signal's. A command whose output was refused or stopped (`--csv reports/2024/r.csv` beside a full
 * `--html`, Ctrl-C during the run) left them behind, empty. One that holds anything is kept — an output,
 * or a file put there meanwhile: rmdir removes only an empty folder.
 */
export function removeEmptyFolders(): void {
  removeEmpty(made());
  release();
}

function removeEmpty(list: string[]): void {
  for (const folder of list.splice(0).reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // not empty, or gone: kept as it is
    }
  }
}

/** `dir` now holds an output: it and the folders above it are no longer to be removed, nor guarded — a
 *  signal after the outputs are in place ends the command as it would have (a watch's Ctrl-C: exit 0). */
export function holdsOutput(dir: string): void {
  const at = resolve(dir);
  const list = made();
  for (let i = list.length - 1; i >= 0; i--) {
    const folder = list[i]!;
    if (at === folder || at.startsWith(folder + sep)) list.splice(i, 1);
  }
  release();
}

// after the files built aside, which may be in them; a signal ends every command the process runs
undoOnExit({
  order: 1,
  undo: () => {
    for (const list of lists) removeEmpty(list);
  },
  holds: () => [...lists].some((list) => list.length > 0),
});

/** Makes a folder whose name credit-sim chose, inside one that exists (or finds it made): never a link
 *  followed — a folder planted as a link to elsewhere would carry what is written there out of it.
 *  `removedIfLeftEmpty`: made for an output, it is removed as makeFolders' are when none is put in it. */
export function ownFolder(path: string, shown: string = path, removedIfLeftEmpty = false): void {
  try {
    // a signal from here on removes it, while nothing is put in it (see makeFolders)
    if (removedIfLeftEmpty) guard();
    mkdirSync(path);
    if (removedIfLeftEmpty) made().push(path);
    return;
  } catch (e) {
    // not made: nothing to guard
    if (removedIfLeftEmpty) release();
    if (errnoOf(e) !== "EEXIST") throw fileError(e, shown);
  }
  checkOwnFolder(path, shown);
}

/** Refuses what stands at the name of a folder credit-sim makes (see ownFolder) and is not a folder:
 *  a link, even to one, or a file. Nothing there is no refusal: the folder is made when written in. */
export function checkOwnFolder(path: string, shown: string = path): void {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return;
    throw fileError(e, shown);
  }
  if (st.isDirectory()) return;
  throw new InputError(
    st.isSymbolicLink()
      ? "cannot write into it: it is a symbolic link"
      : "cannot write into it: not a folder",
    {
      file: shown,
      hint: "remove it, or write to another folder: credit-sim never writes through a link it did not make",
    },
  );
}

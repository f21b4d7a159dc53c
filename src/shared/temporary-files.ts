// What is built aside — a temporary file beside its target, a hidden folder inside an export's — and the
// guard that removes it on an error, an exit or SIGINT, SIGTERM or SIGHUP (the signal then delivered
// again, so the process ends as it would have).

import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "./errors.js";
import { errnoOf, fileError } from "./file-errors.js";
import { holdsOutput, makeFolders } from "./folders.js";
import { guard, release, undoOnExit } from "./signal-guard.js";

/** The temporary file beside `path`: hidden, named after the target, and no longer than the target's own
 *  name when that is long — a file system takes a name of at most 255 bytes (fewer on some), and a
 *  target whose name is near that must still be writable. */
export function temporaryPath(path: string): string {
  const name = basename(path);
  const suffix = `.${process.pid}.${tmpCounter++}.tmp`;
  const room = Math.max(32, Buffer.byteLength(name) - 1 - suffix.length);
  let kept = "";
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > room) break;
    kept += ch;
  }
  return join(dirname(path), `.${kept}${suffix}`);
}

let tmpCounter = 0;
export const live = new Set<string>();
/** folders being built aside (stagedFolder): removed whole by a signal or an exit */
const liveFolders = new Set<string>();

function removeLive(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const folder of liveFolders) rmSync(folder, { recursive: true, force: true });
  liveFolders.clear();
}

undoOnExit({ order: 0, undo: removeLive, holds: () => live.size > 0 || liveFolders.size > 0 });

/** Before a temporary file is made: a signal or an exit removes it first (signal-guard.ts). */
export const guardSignals = guard;

export function forget(tmp: string): void {
  live.delete(tmp);
  liveFolders.delete(tmp);
  release();
}

/**
 * Files built in a hidden folder inside `target` (made if missing) and moved into it at the end
 * (`commit`): an interrupted or failed export leaves nothing half-written there. `target` itself is never
 * replaced, so a mount point, a folder in a read-only parent, its mode and owner all stay as they are.
 * Until then a signal, an exit or `abandon` removes the hidden folder. `commit(accept)` is told what else
 * stands in `target` by then and says whether it may be removed (an earlier export under --force), or
 * returns the error that stops the commit (files that appeared during the run, without --force).
 */
export function stagedFolder(
  target: string,
  shown: string = target,
): {
  path: string;
  commit(accept: (others: readonly string[]) => InputError | null): void;
  abandon(): void;
} {
  makeFolders(target, shown);
  // never through a link: one put in the folder's place while a run went on would carry the export (and,
  // replacing an earlier one, its removals) elsewhere
  const notLink = () => {
    if (lstatSync(target).isSymbolicLink())
      throw new InputError("cannot write into it: it is a symbolic link", {
        file: shown,
        hint: "give a folder of its own: credit-sim never writes through a link",
      });
  };
  notLink();
  // what a run that was killed left behind (its process gone) is removed, not mistaken for content — one
  // under this process's own id too, unless this run is building it: a killed run's id is the next
  // one's in every container (PID 1), where its folder was kept as if alive, and its name then refused
  // the export ("cannot write: it exists")
  for (const e of readdirSync(target)) {
    const pid = /^\.credit-sim-(\d+)-\d+$/.exec(e)?.[1];
    if (pid === undefined) continue;
    const gone = Number(pid) === process.pid ? !liveFolders.has(join(target, e)) : !alive(Number(pid));
    if (gone) rmSync(join(target, e), { recursive: true, force: true });
  }
  const path = join(target, `.credit-sim-${process.pid}-${++tmpCounter}`);
  guard();
  try {
    mkdirSync(path);
  } catch (e) {
    release();
    throw fileError(e, shown);
  }
  liveFolders.add(path);
  const abandon = () => {
    rmSync(path, { recursive: true, force: true });
    forget(path);
  };
  return {
    path,
    commit(accept) {
      try {
        notLink();
        // another run's hidden folder is not ours to judge or remove
        const others = readdirSync(target).filter((e) => !e.startsWith(".credit-sim-"));
        const refused = accept(others);
        if (refused) throw refused;
        for (const e of others) rmSync(join(target, e), { recursive: true, force: true });
        for (const e of readdirSync(path)) renameSync(join(path, e), join(target, e));
        holdsOutput(target);
      } catch (e) {
        throw e instanceof InputError ? e : fileError(e, shown);
      } finally {
        abandon();
      }
    },
    abandon,
  };
}

/** Whether a process with this id runs (signal 0 asks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user
    return errnoOf(e) === "EPERM";
  }
}

/** Temporary files alive now (tests). */
export function liveTemporaryFiles(): string[] {
  return [...live];
}

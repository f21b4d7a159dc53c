// Where golden traces live — `<folder>/__snapshots__/<file>.trace` beside each scenario file — the obsolete
// ones (no scenario file of that name any more), and how they are read. A scenario folder may come from a
// pull request, so a golden trace is only ever a regular file in a real `__snapshots__` folder: never read,
// written or removed through a symbolic link (one could point at any file, to print it in a diff or to
// overwrite it), never a device or a pipe, never bigger than a trace can be. No heavy imports: the main
// thread uses this.

import type { Dirent } from "node:fs";
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { GOLDEN_TRACE_FOLDER } from "../scenario/builtin.js";
import { InputError } from "../shared/errors.js";
import { systemReadReason } from "../shared/file-errors.js";
import { ownFolder } from "../shared/folders.js";
import { occupied } from "../shared/write-plan.js";

const SNAPSHOT_EXT = ".trace";
/** How every golden trace credit-sim writes begins (its first line goes on to name the format). */
export const TRACE_HEADER = "# credit-sim golden trace";
/** A trace is a line a step: the largest scenario file (5 MB) makes one of a few MB. */
export const MAX_TRACE_BYTES = 32 * 1024 * 1024;

export function snapshotPathFor(scenarioFile: string): string {
  return join(dirname(scenarioFile), GOLDEN_TRACE_FOLDER, `${basename(scenarioFile)}${SNAPSHOT_EXT}`);
}

/**
 * Whether a scenario named as `scenarioFile` has a golden trace: a regular file has (a link to one
 * too), one read from a pipe or a device — `/dev/stdin`, `<(…)`, a named pipe — has none: its folder may be
 * /dev or /dev/fd, where no trace belongs (or can be made), and it holds whatever was fed to it last.
 */
export function hasGoldenTrace(scenarioFile: string): boolean {
  try {
    return statSync(scenarioFile).isFile();
  } catch {
    // gone since it was read: the trace's own checks say what is wrong
    return true;
  }
}

const FIX = "remove it: `credit-sim test -u` writes the golden trace as a file of its own";

/** Whether `dir` is a real folder (false: nothing there). Throws when something else is at the path. */
function realFolder(dir: string, shown: string): boolean {
  try {
    const st = lstatSync(dir);
    if (st.isSymbolicLink())
      throw new InputError("the golden traces' folder is a symbolic link: not followed", {
        file: shown,
        hint: FIX,
      });
    if (!st.isDirectory())
      throw new InputError("the golden traces' folder is not a folder", { file: shown, hint: FIX });
    return true;
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new InputError(`cannot read the golden traces' folder (${(e as NodeJS.ErrnoException).code})`, {
      file: shown,
      hint: FIX,
    });
  }
}

/** Makes the golden traces' folder of `scenarioFile` if need be: a real folder, never a link followed. */
export function makeSnapshotFolder(scenarioFile: string, shown: string): void {
  if (!realFolder(dirname(snapshotPathFor(scenarioFile)), dirname(shown)))
    // a trace that cannot be written then (a name too long, a full disk) leaves no empty folder behind
    ownFolder(dirname(snapshotPathFor(scenarioFile)), dirname(shown), true);
}

/** The golden trace of `scenarioFile` (null: none yet), read only as a regular file. */
export function readSnapshot(scenarioFile: string, shown: string): string | null {
  const file = snapshotPathFor(scenarioFile);
  if (!realFolder(dirname(file), dirname(shown))) return null;
  let fd: number;
  try {
    // O_NOFOLLOW: a link is refused at the open, not followed; O_NONBLOCK: a pipe does not hang the open
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP")
      throw new InputError("the golden trace is a symbolic link: not followed", { file: shown, hint: FIX });
    // nothing there to remove: the trace's name, the scenario's with `.trace` added, is past the system's
    if (code === "ENAMETOOLONG")
      throw new InputError("the golden trace's name is too long for the system", {
        file: shown,
        hint: "shorten the scenario file's name: its golden trace is named after it, with .trace added",
      });
    throw new InputError(
      `cannot read the golden trace (${code === undefined ? String(e) : systemReadReason(code)})`,
      {
        file: shown,
        hint: FIX,
      },
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new InputError(
        st.isDirectory() ? "the golden trace is a folder" : "the golden trace is not a regular file",
        { file: shown, hint: FIX },
      );
    // a hard link is another file under this name too (a diff would print its lines): as a symbolic link,
    // not read; `-u` writes the trace anew, by rename, as a file of its own
    if (st.nlink > 1)
      throw new InputError("the golden trace has other names (hard links): not read", {
        file: shown,
        hint: FIX,
      });
    if (st.size > MAX_TRACE_BYTES)
      throw new InputError("the golden trace is too large", {
        file: shown,
        expected: `at most ${MAX_TRACE_BYTES} bytes`,
        found: `${st.size} bytes`,
        hint: FIX,
      });
    const bytes = Buffer.alloc(st.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const text = bytes.subarray(0, read).toString("utf8");
    // an editor's byte-order mark is no change to the trace (a diff of it would show two equal lines)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

/** Golden traces in the real `__snapshots__` folders of these folders whose scenario file is gone. */
export function findObsolete(folders: Iterable<string>): string[] {
  const found: string[] = [];
  // sorted: the list is the same whatever order the folders were met in (a folder's listing has none)
  for (const folder of [...new Set(folders)].sort()) {
    const dir = join(folder, GOLDEN_TRACE_FOLDER);
    let entries: Dirent[];
    try {
      // a linked folder is never listed (nor its files removed): the run has reported it already
      if (lstatSync(dir).isSymbolicLink()) continue;
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    // files and links only: a folder named like a trace is nothing `-u` could remove
    const names = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
    for (const name of names.sort()) {
      if (!name.endsWith(SNAPSHOT_EXT)) continue;
      const file = join(dir, name);
      if (!occupied(join(folder, name.slice(0, -SNAPSHOT_EXT.length))) && isGoldenTrace(file))
        found.push(file);
    }
  }
  return found;
}

/** Whether `file` is a golden trace credit-sim wrote: a regular file of its own that begins with the
 *  header. Anything else under a trace's name — a policy file a scenario names, a link — is not removed
 *  as obsolete: -u removes only what it writes. */
export function isGoldenTrace(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.nlink > 1) return false;
    const head = Buffer.alloc(Buffer.byteLength(TRACE_HEADER));
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString("utf8") === TRACE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export function removeSnapshot(file: string): void {
  try {
    // unlink removes a link itself, never what it points at
    unlinkSync(file);
  } catch (e) {
    // another shard may have removed it first
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

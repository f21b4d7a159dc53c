// A file written whole or not at all: a temporary file beside it, then a rename — or, for a file that
// must be new, a hard link that never replaces what appeared meanwhile.

import {
  closeSync,
  fchmodSync,
  fstatSync,
  linkSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { dirname } from "node:path";
import { errnoOf, fileError } from "./file-errors.js";
import { holdsOutput } from "./folders.js";
import type { Output } from "./output.js";
import { forget, guardSignals, live, temporaryPath } from "./temporary-files.js";
import { occupied } from "./write-plan.js";
import { writeAll } from "./write-through.js";

/** How many names a temporary file tries when the one before is taken. */
const NAME_TRIES = 100;

export function replacing(target: string, path: string, noClobber = false): Output {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // a new file: the usual mode (0666 less the umask)
  }
  let tmp = "";
  let fd = -1;
  for (let tries = 1; fd < 0; tries++) {
    tmp = temporaryPath(path);
    // guarded before it exists: a signal that comes between creating the file and guarding it would
    // otherwise end the process with the file left behind
    live.add(tmp);
    guardSignals();
    try {
      // made with no more permission than the file it replaces has: a private file's new content is
      // never open to others while it is written (nor in what a SIGKILL leaves); its exact mode is set
      // once written (the umask may have taken bits the file had, and a write clears set-user-ID)
      fd = openSync(tmp, "wx", mode === undefined ? 0o666 : mode & 0o777);
    } catch (e) {
      forget(tmp);
      // a name taken — a killed run's file, left by a process with this one's id (PID 1 in every
      // container) — is another's: the next name is tried, and the file is left alone
      if (errnoOf(e) === "EEXIST" && tries < NAME_TRIES) continue;
      // the temporary file is beside the target: its folder's problems are the target's
      throw fileError(e, target);
    }
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  const discard = () => {
    try {
      close();
    } catch {
      // closing a file that failed to write may fail again: it is removed all the same
    }
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    forget(tmp);
  };
  return {
    target,
    write: (text) => {
      try {
        writeAll(fd, text);
      } catch (e) {
        discard();
        throw fileError(e, target);
      }
    },
    finish: () => {
      if (!open) return;
      try {
        if (mode !== undefined && (fstatSync(fd).mode & 0o7777) !== mode) fchmodSync(fd, mode);
        close();
      } catch (e) {
        discard();
        throw fileError(e, target);
      }
    },
    commit: () => {
      try {
        if (open) {
          if (mode !== undefined && (fstatSync(fd).mode & 0o7777) !== mode) fchmodSync(fd, mode);
          close();
        }
        if (noClobber) putInPlace(tmp, path);
        else renameSync(tmp, path);
      } catch (e) {
        discard();
        throw fileError(e, target);
      }
      holdsOutput(dirname(path));
      forget(tmp);
    },
    abort: discard,
  };
}

/** Moves `tmp` to `path` only if nothing is there: a hard link fails when the name is taken (by anything,
 *  a link included), unlike rename, which replaces. Where hard links are not supported, a last look
 *  and a rename. */
function putInPlace(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = errnoOf(e);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    if (occupied(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(tmp, path);
    return;
  }
  unlinkSync(tmp);
}

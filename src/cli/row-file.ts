// A file written row by row that appears whole or not at all: rows go to a temporary file beside it,
// renamed over the target on commit, removed on abort (simulate --csv).

import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../shared/errors.js";

export interface RowFile {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

/** `file` as the user named it (messages say so); `path` where it goes. */
export function openRowFile(file: string, path: string): RowFile {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, "w");
  } catch {
    throw new UsageError(`cannot write ${file}`, "check that the folder exists and is writable");
  }
  return {
    write: (text) => {
      writeSync(fd, text);
    },
    commit: () => {
      closeSync(fd);
      renameSync(tmp, path);
    },
    abort: () => {
      closeSync(fd);
      unlinkSync(tmp);
    },
  };
}

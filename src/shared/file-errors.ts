// An operating system's error on a path in words, as the user's to fix (exit 2): `cannot write: the name is
// too long`, with the path and a hint; a reader that went away (EPIPE) as BrokenPipe, a quiet end.

import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError, shownFile } from "./errors.js";
import { backThroughNonFolder } from "./paths.js";
import { quoted } from "./text.js";

/** A path that takes `..` after what is no folder — a file (`z.yaml/../x.yaml`) or nothing
 *  (`nope/../x.yaml`) — refused as the system refuses to open it (not a directory; no such file): `resolve`
 *  takes both off, and read or wrote x.yaml. `what`: the path as the message names it ("the output"); `path` as
 *  typed, from `cwd`. Undefined when every `..` follows a folder. */
export function throughNonFolder(what: string, path: string, cwd: string): InputError | undefined {
  const through = backThroughNonFolder(cwd, path);
  if (through?.what === "file")
    return new InputError(`${what} goes through a file as a folder (".." after it)`, {
      file: path,
      hint: "write the path without going through the file (the system refuses it too: not a directory)",
    });
  if (through?.what === "nothing")
    return new InputError(
      `${what} goes through ${quoted(shownFile(through.path, cwd))}, which does not exist (".." after it)`,
      {
        file: path,
        // (not "the system refuses it": opening such a path does, `mkdir -p` makes it — taken so here, a typo
        // would write somewhere the user did not look)
        hint: `write the path without it, or make ${quoted(shownFile(through.path, cwd))} first`,
      },
    );
  return undefined;
}

/** Thrown when the reader of an output went away (EPIPE): the command ends quietly, exit 0. */
export class BrokenPipe extends Error {
  constructor() {
    super("the reader of the output went away");
    this.name = "BrokenPipe";
  }
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EFBIG: "the file is too large for the file system",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EEXIST: "it exists",
  EBUSY: "the file is busy",
  ETXTBSY: "the file is a running program",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "an input/output error",
  ENXIO: "no reader or device at that path",
  EINVAL: "the path cannot be written this way",
  EXDEV: "the file is on another device",
};

/** What to do about a path the system refuses as too long (ENAMETOOLONG), whichever command was given it. */
export const LONG_PATH_HINT = "shorten the path: a file's name, or the folders it is in";

/** An operating-system error code in words: `the name is too long` for ENAMETOOLONG. */
export const systemReason = (code: string): string => REASONS[code] ?? `the system refused (${code})`;

/** The same for an error met reading a file: EINVAL there is the file's refusal of the read (a /proc file
 *  read in pieces it does not take), not a path that cannot be written. */
export const systemReadReason = (code: string): string =>
  code === "EINVAL" ? "the system refuses to read it this way" : systemReason(code);

export function errnoOf(e: unknown): string | undefined {
  if (e === null || typeof e !== "object" || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

/** An operating-system error on `target` as the user's problem (exit 2); EPIPE as BrokenPipe. */
export function fileError(e: unknown, target: string): Error {
  if (e instanceof InputError || e instanceof BrokenPipe) return e;
  const code = errnoOf(e);
  if (code === "EPIPE") return new BrokenPipe();
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  // no such file in a folder that is there: a folder no file can be made in (/proc, /sys)
  const inFolder = code === "ENOENT" && folderExists(dirname(resolve(target)));
  const reason = inFolder ? "no file can be made in this folder" : systemReason(code);
  return new InputError(`cannot write: ${reason}`, {
    file: target,
    ...(code === "ENOENT"
      ? { hint: inFolder ? "write the file somewhere else" : "create the folder first" }
      : {}),
    ...(code === "EISDIR" ? { hint: "give a file name, not a folder" } : {}),
    ...(code === "ENAMETOOLONG" ? { hint: LONG_PATH_HINT } : {}),
    ...(code === "EEXIST" ? { hint: "choose another name, or remove what is there" } : {}),
    ...(code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? { hint: "write somewhere you may, or change the permissions" }
      : {}),
  });
}

function folderExists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

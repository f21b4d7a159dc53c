// Reading a user's file, with the checks that come before parsing: exists, is a file, not empty, not huge.

import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  statSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError, shownFile, suggest } from "../shared/errors.js";
import { LONG_PATH_HINT, systemReadReason, throughNonFolder } from "../shared/file-errors.js";
import { kindAt, namesAFolder, withoutFolderEnding } from "../shared/paths.js";
import { noteRead } from "../shared/standard-error-input.js";
import { quoted } from "../shared/text.js";
import { looksLikePolicy } from "./kinds.js";
import { misnamedFirst, parseText } from "./parse.js";

/** Scenario and policy files are small; anything bigger is a mistake or an attack. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What a file read as input holds: its noun in what is said of it ("the policy file may not be read"). */
export type InputKind = "scenario" | "policy" | "persona" | "result";

/** `namedBy`: the files whose text names this one (never suggested for it when it is missing); `cwd`: the
 *  folder the user works in, where a missing file's hint is told from (the process's by default). */
export function readInputFile(
  file: string,
  kind: Exclude<InputKind, "result">,
  namedBy: readonly string[] = [],
  cwd?: string,
): string {
  let size: number;
  let fifo = false;
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      throw new InputError(`is a directory, not a ${kind} file`, {
        file,
        hint:
          kind === "scenario"
            ? "`credit-sim test DIR` runs a folder; `run` takes files"
            : `give a ${kind} file`,
      });
    }
    if (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket()) {
      throw new InputError(`is ${st.isSocket() ? "a socket" : "a device"}, not a ${kind} file`, {
        file,
        hint: `give the path of a ${kind} file`,
      });
    }
    size = st.size;
    fifo = st.isFIFO();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw unreadable(err, file, kind, cwd, namedBy);
  }
  if (size > MAX_FILE_BYTES) throw tooLarge(file, `${size} bytes`, kind);
  // read at most one byte past the limit: a pipe or a file still being written reports no honest size
  let bytes: Buffer;
  try {
    bytes = fifo ? readPipe(file, MAX_FILE_BYTES + 1, kind) : readCapped(file, MAX_FILE_BYTES + 1);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // stat needs only the folder's permission; opening needs the file's own
    throw unreadable(err, file, kind, cwd, namedBy);
  }
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(file, `more than ${MAX_FILE_BYTES} bytes`, kind);
  const text = decodeUtf8(bytes, file, kind);
  if (text.trim() === "")
    throw new InputError("the file is empty", {
      file,
      expected: `a ${kind} (YAML or JSON)`,
      // `run s.yaml > s.yaml`: the shell emptied it before the command ran, and nothing can undo that
      ...(isStandardOutput(file)
        ? {
            found: "standard output is this file: `>` emptied it before credit-sim ran",
            hint: "restore it (from version control or a copy), and redirect the output to another file",
          }
        : {}),
    });
  return text;
}

/** Whether `file` is the regular file standard output was redirected to (the same device and inode). */
function isStandardOutput(file: string): boolean {
  try {
    const out = fstatSync(1, { bigint: true });
    if (!out.isFile()) return false;
    const st = statSync(file, { bigint: true });
    return st.dev === out.dev && st.ino === out.ino;
  } catch {
    return false;
  }
}

/** A path not found that is an option's spelling (`--json`, `-o`), as typed or made absolute from `cwd`:
 *  said as what let it through as a file — `--`, after which every word is a file argument (`run -- FILE
 *  --json`) — else undefined. */
export function optionLikeHint(path: string, cwd = process.cwd()): string | undefined {
  const typed = isAbsolute(path) ? relative(cwd, path) : path;
  if (!/^--?[A-Za-z][\w-]*(?:=.*)?$/.test(typed)) return undefined;
  return `${typed} looks like an option, but every word after \`--\` is a file argument: put options before \`--\``;
}

/** Why a file named as input could not be stat'ed or opened, in words (never an internal error). `cwd`:
 *  where a relative `file` was read from (its folder is where a near name is looked for). */
export function unreadable(
  err: unknown,
  file: string,
  kind: InputKind,
  cwd?: string,
  namedBy: readonly string[] = [],
): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  // not the file system's: a bug, which must not pass for bad input
  if (typeof code !== "string") throw err;
  if (code === "ELOOP")
    return new InputError(`the path of the ${kind} file loops through symbolic links`, {
      file,
      hint: "give the path of the file itself",
    });
  if (code === "EACCES" || code === "EPERM")
    return new InputError(`the ${kind} file may not be read (permission denied)`, {
      file,
      hint: "change its permissions, or copy it somewhere you may read",
    });
  // a name that is not UTF-8 was listed with U+FFFD in place of its bytes: no file has that name
  if (code === "ENOENT" && file.includes("\uFFFD"))
    return new InputError(
      `the ${kind} file's name is not valid UTF-8 (shown with \uFFFD): it cannot be opened by that name`,
      {
        file,
        hint: "rename it in UTF-8",
      },
    );
  // a file argument that looks like an option (`run -- FILE --json`): only `--` lets one through as a
  // file (a policy's name is an option's value, which may begin with a dash)
  const option = kind === "policy" ? undefined : optionLikeHint(file, cwd);
  if (code === "ENOENT" && option !== undefined)
    return new InputError(`${kind} file not found`, { file, hint: option });
  const leadsTo = code === "ENOENT" ? danglingLink(file, cwd) : undefined;
  if (leadsTo !== undefined)
    return new InputError(`the ${kind} file is a symbolic link to ${quoted(leadsTo)}, which does not exist`, {
      file,
      hint: "put the file back where the link leads, or give the path of the file itself",
    });
  const asFolder =
    code === "ENOTDIR" || code === "ENOENT" ? fileAsFolder(`the ${kind} file's path`, file, cwd) : undefined;
  if (asFolder !== undefined) return asFolder;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new InputError(`${kind} file not found`, {
      file,
      hint:
        nearPathHint(
          file,
          cwd,
          "file",
          kind === "policy" ? (near) => isPolicyNear(near, namedBy) : undefined,
        ) ?? checkPathHint(file, cwd),
    });
  if (code === "ENAMETOOLONG")
    return new InputError(`the ${kind} file's path is too long for the system`, {
      file,
      hint: LONG_PATH_HINT,
    });
  // in words, as a golden trace's and a folder's read errors are: a bare code tells a user nothing
  return new InputError(`the ${kind} file cannot be read (${systemReadReason(code)})`, {
    file,
    hint: "check that it is a plain file you may read",
  });
}

/** A path the system refused (not a directory; no such file) that takes what is no folder for one: a file
 *  named as a folder (`z.yaml/`), a file or nothing walked back out of (`z.yaml/../x.yaml`,
 *  `nope/../x.yaml`) — `resolve` would have read a file by dropping either. */
export function fileAsFolder(what: string, path: string, cwd = process.cwd()): InputError | undefined {
  if (fileNamedAsFolder(path, cwd))
    return new InputError(`${what} ends in "/", which names a folder, and it is a file`, {
      file: path,
      hint: 'drop the trailing "/" (the system refuses it too: not a directory)',
    });
  return throughNonFolder(what, path, cwd);
}

/** Whether `path` names a folder (a trailing "/") where a file is: what the system refuses as not a
 *  directory (`cat z.yaml/`). */
function fileNamedAsFolder(path: string, cwd = process.cwd()): boolean {
  return namesAFolder(path) && kindAt(resolve(cwd, withoutFolderEnding(path))) === "file";
}

/** The last word on a path not found: where it leads from the current folder. One outside it (absolute,
 *  or typed `../x.yaml`) was said to be "relative to the current folder" too, sending the user to compare
 *  a path outside with the folder they were in: told from where it leads, however it was typed. */
export function checkPathHint(path: string, cwd = process.cwd()): string {
  return isAbsolute(shownFile(resolve(cwd, path), cwd))
    ? "check the path (it is outside the current folder)"
    : "check the path (it is relative to the current folder)";
}

/** Where `file` leads when it is a symbolic link to nothing (`ls` lists it: "not found" sent the user
 *  looking for a typo); undefined otherwise. Through a chain of links, where the chain ends: the link on
 *  the way exists, and was said not to. */
export function danglingLink(file: string, cwd: string | undefined): string | undefined {
  let path = cwd === undefined ? file : resolve(cwd, file);
  const from = dirname(resolve(path));
  let leadsTo: string | undefined;
  // a loop is ELOOP, not a link to nothing; the bound only keeps a changing folder from spinning
  for (let hops = 0; hops < LINK_HOPS; hops++) {
    try {
      if (!lstatSync(path).isSymbolicLink()) return undefined;
      const target = readlinkSync(path);
      path = resolve(dirname(path), target);
      // one link as it is written; the end of a chain from the first link's folder, as that one is read
      leadsTo = hops === 0 ? target : shownFile(path, from);
    } catch {
      return leadsTo;
    }
  }
  return undefined;
}

/** How many links are followed: Linux's own limit. */
const LINK_HOPS = 40;

/**
 * "did you mean" for a path that does not exist: the nearest name in the folder the path names (its names
 * only, never what a file holds), else the same name one folder down (oneFolderDown; no other folder is
 * searched). `cwd`: where a relative path starts. What
 * may be suggested: a YAML or JSON file (what a scenario, policy or persona file is — a folder or a `.txt`
 * beside it would only be refused in turn), and a folder too where one is taken (`test`'s paths).
 * Undefined when the folder cannot be listed or nothing in it is near.
 */
export function nearPathHint(
  path: string,
  cwd = process.cwd(),
  take: "file" | "file or folder" = "file",
  fits: (file: string) => boolean = () => true,
): string | undefined {
  const trimmed = path.replace(/[/\\]+$/, "");
  const name = basename(trimmed);
  if (name === "" || name === "." || name === "..") return undefined;
  const folder = resolve(cwd, dirname(trimmed));
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  if (take === "file") names = names.filter((n) => INPUT_FILE_NAME.test(n));
  // a name is looked at (stat'ed) only once it is the nearest: one of another kind is passed over
  const taken = (n: string) => {
    try {
      const st = statSync(join(folder, n));
      return (
        (st.isFile() && INPUT_FILE_NAME.test(n) && fits(join(folder, n))) ||
        (take === "file or folder" && st.isDirectory())
      );
    } catch {
      return false;
    }
  };
  for (;;) {
    const guess = suggest(name, names);
    if (guess === undefined || guess === name) break;
    if (taken(guess)) return `did you mean "${guess}"?`;
    names = names.filter((n) => n !== guess);
  }
  const below = oneFolderDown(folder, name, take, fits);
  if (below.length === 0) return undefined;
  // as the path was typed: from its folder, or (a path made absolute before it was read) from the
  // current folder, as a file is shown
  const typed = (sub: string) =>
    isAbsolute(trimmed)
      ? shownFile(join(folder, sub), cwd)
      : join(dirname(trimmed), sub).split(sep).join("/");
  return `did you mean ${below.map((sub) => `"${typed(sub)}"`).join(" or ")}?`;
}

/** How many entries of a folder are looked into for a missing name one folder down, and how many finds said. */
const FOLDERS_LOOKED_INTO = 500;
const FOUND_BELOW_SAID = 3;

/**
 * A missing name found one folder down, as `sub/name` (`run zhang-ming.yaml` in the project's folder:
 * `scenarios/zhang-ming.yaml`): the name exactly, or with its YAML or JSON extension (or none) as
 * another of them; a file of the kind taken (or a folder, where one is). Hidden folders and node_modules are not
 * looked into, and a folder with many entries only in part: names are stat'ed, never listed or read.
 */
function oneFolderDown(
  folder: string,
  name: string,
  take: "file" | "file or folder",
  fits: (file: string) => boolean,
): string[] {
  let subs: string[];
  try {
    subs = readdirSync(folder)
      .filter((n) => !n.startsWith(".") && n !== "node_modules")
      .sort()
      .slice(0, FOLDERS_LOOKED_INTO);
  } catch {
    return [];
  }
  const stem = name.replace(INPUT_FILE_NAME, "");
  const names = [...new Set([name, `${stem}.yaml`, `${stem}.yml`, `${stem}.json`])];
  const found: string[] = [];
  for (const sub of subs) {
    for (const n of names) {
      const path = join(folder, sub, n);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (
        (st.isFile() && INPUT_FILE_NAME.test(n) && fits(path)) ||
        (take === "file or folder" && st.isDirectory())
      ) {
        found.push(join(sub, n));
        break;
      }
    }
    if (found.length === FOUND_BELOW_SAID) break;
  }
  return found;
}

/**
 * Whether a file near a missing policy's name may be suggested for it: one that reads as a policy (valid
 * or not), and none of the files that name the missing one — never the scenario itself, a persona or a
 * policy extending itself. It is read (as an input is, within its bounds) and never quoted.
 */
function isPolicyNear(file: string, namedBy: readonly string[]): boolean {
  if (namedBy.some((f) => resolve(f) === file)) return false;
  try {
    return looksLikePolicy(parseText(readInputFile(file, "policy"), file, { keyProblems: "keep" }).data);
  } catch (e) {
    if (e instanceof InputError) return false;
    throw e;
  }
}

/** The names a scenario, policy or persona file has: YAML or JSON. */
const INPUT_FILE_NAME = /\.(?:ya?ml|json)$/i;

function tooLarge(file: string, found: string, kind: Exclude<InputKind, "result">): InputError {
  return new InputError("file too large", {
    file,
    expected: `at most ${MAX_FILE_BYTES} bytes`,
    found,
    // only a scenario has a timeline to split: a policy or a persona is a few parameters
    hint:
      kind === "scenario"
        ? "split the timeline into several scenarios"
        : `a ${kind} file holds a name and its parameters, a few KB: check that this is the ${kind} file meant`,
  });
}

/** How long a named pipe may keep a reader waiting before any writer has opened it: an input is read or
 *  refused in about two seconds (PIPE_WAIT_MS), never hangs on a pipe nobody writes to. */
const PIPE_WAIT_MS = 2000;

/**
 * At most `cap` bytes of a named pipe (`<(command)`, a FIFO). Opened without blocking — a pipe nobody
 * writes to would otherwise hang the open. Until a writer shows itself (data, or "nothing yet" instead of
 * the end), the wait is bounded by PIPE_WAIT_MS; from then on it waits as a blocking read would, for a
 * slow writer, until the writer closes the pipe. Idle waits start at 1 ms and back off to 20 ms.
 */
export function readPipe(file: string, cap: number, kind: InputKind, shown: string = file): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let waited = 0;
    let pause = 1;
    let writerSeen = false;
    while (total < cap) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, cap - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        // a writer has the pipe open and has written nothing more yet
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
        n = -1;
      }
      if (n > 0) {
        chunks.push(chunk.subarray(0, n));
        total += n;
        writerSeen = true;
        pause = 1;
        continue;
      }
      // the end: its writer closed it (before any writer, the end is what a pipe nobody opened reads)
      if (n === 0 && writerSeen) break;
      if (n === -1) writerSeen = true;
      if (!writerSeen && waited >= PIPE_WAIT_MS)
        throw new InputError(`nothing was written to the ${kind} pipe`, {
          file: shown,
          hint: `give a ${kind} file, or a pipe its writer fills and closes`,
        });
      Atomics.wait(sleeper, 0, 0, pause);
      waited += pause;
      pause = Math.min(20, pause * 2);
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** At most `cap` bytes of a file: a pipe, a device or a file still growing reports no honest size. */
function readCapped(file: string, cap: number): Buffer {
  const fd = openSync(file, "r");
  try {
    noteRead(fd, file);
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < cap) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, cap - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** Whether the first bytes (up to 16, in whole units of `size`) are zero exactly where ASCII text in that
 *  encoding has them (`zero(i)`: the byte at `i` within its unit). A picture or a video may begin with
 *  zero bytes too (an icon's 00 00 01 00, a video's 00 00 00 18 ftyp), but not in this pattern. */
function asciiIn(b: Buffer, size: number, zero: (i: number) => boolean): boolean {
  const n = Math.min(b.length - (b.length % size), 16);
  if (n < size) return false;
  for (let i = 0; i < n; i++) if ((b[i] === 0) !== zero(i % size)) return false;
  return true;
}

/**
 * The encoding the first bytes of a file say it is in when it is not UTF-8: YAML's own detection (YAML 1.2,
 * 5.2) — a byte-order mark, or the zero bytes ASCII text has in UTF-16 or UTF-32 (`n\0a\0…`). Text has no
 * NUL, so a UTF-8 file never starts as these do. UTF-32 first: its little-endian mark begins as UTF-16's.
 */
function foreignEncoding(b: Buffer): "UTF-16 text" | "UTF-32 text" | undefined {
  const starts = (...mark: number[]) => b.length >= mark.length && mark.every((m, i) => b[i] === m);
  if (starts(0, 0, 0xfe, 0xff) || starts(0xff, 0xfe, 0, 0)) return "UTF-32 text";
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) return "UTF-16 text";
  if (asciiIn(b, 4, (i) => i < 3) || asciiIn(b, 4, (i) => i > 0)) return "UTF-32 text";
  if (asciiIn(b, 2, (i) => i === 0) || asciiIn(b, 2, (i) => i === 1)) return "UTF-16 text";
  return utf16Text(b) ? "UTF-16 text" : undefined;
}

/** How much of a file's head is read for UTF-16 text that begins outside ASCII. */
const UTF16_HEAD = 1024;

/**
 * Whether the head reads as UTF-16 text although a letter outside ASCII (`# 张明…`, `name: 张明`) breaks
 * the zero bytes' pattern: it holds a zero byte (UTF-8 text has none), decodes in one byte order with no
 * control character and no half of a surrogate pair, and a quarter of it at least is ASCII — YAML's own
 * keys, colons, spaces and line breaks. A UTF-8 file with a NUL pairs its ASCII letters into other
 * characters; a picture's zero bytes make controls.
 */
function utf16Text(b: Buffer): boolean {
  const head = Buffer.from(b.subarray(0, Math.min(b.length, UTF16_HEAD) & ~1));
  if (head.length < 2 || !head.includes(0)) return false;
  const reads = (bytes: Buffer) => {
    let text: string;
    try {
      text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes, { stream: bytes.length < b.length });
    } catch {
      return false;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls no text file holds
    if (/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return false;
    const ascii = text.replace(/[^\t\n\r\x20-\x7e]/g, "").length;
    return ascii * 4 >= text.length;
  };
  return reads(head) || reads(head.swap16());
}

/** The text of a file read as input: UTF-8, its byte-order mark taken off (TextDecoder's own default), or
 *  refused as not UTF-8 — named UTF-16 or UTF-32 when it begins as those do (a mark, or the zero bytes of
 *  ASCII in them: told "holds control characters" before, UTF-32's mark "UTF-16"). `partial`: the head of
 *  a longer file, which may end within a character. */
export function decodeUtf8(bytes: Buffer, file: string, kind: InputKind, partial = false): string {
  const foreign = foreignEncoding(bytes);
  try {
    if (foreign !== undefined) throw new Error(foreign);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    // a picture or an archive given by mistake is not to be saved as UTF-8: its name says so first
    throw new InputError("the file is not UTF-8 text", {
      file,
      ...(foreign !== undefined ? { found: foreign } : {}),
      hint:
        kind === "result"
          ? "save it as UTF-8 (a result of `simulate --json` is JSON text)"
          : misnamedFirst(file, "save it as UTF-8 (scenario and policy files are YAML or JSON text)"),
    });
  }
}

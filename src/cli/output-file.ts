// Writing a report to a file a user named: `-` is standard output (the command's own stream); anything
// else goes through shared/write-file (whole or not at all), its folder made when missing.

import {
  type BigIntStats,
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isatty } from "node:tty";
import { GENERATOR_META } from "../render/html/page.js";
import { InputError } from "../shared/errors.js";
import { fileError, throughNonFolder } from "../shared/file-errors.js";
import { makeFolders } from "../shared/folders.js";
import { refuseFolderLeadingOut } from "../shared/link-refusals.js";
import type { OutputSet } from "../shared/output-set.js";
import { isWithin, resolveAsSystem } from "../shared/paths.js";
import { checkOutput, writeOutput } from "../shared/write-file.js";
import { occupied } from "../shared/write-plan.js";
import { type CliIo, streamPieces } from "./io.js";

/** How a report is written: `named`, credit-sim chose the name (`report.<name>.html`): never through a
 *  link, a regular file replaced. */
const reportOptions = (io: CliIo, named: boolean) => ({
  cwd: io.cwd,
  ...(named ? { existing: "regular" as const } : {}),
});

/** Reports a command will write, checked together before the first is written: a link planted at a
 *  derived name is found before any page is written, not after some are. */
export function checkReports(io: CliIo, files: readonly string[], named: (index: number) => boolean): void {
  const problems: InputError[] = [];
  files.forEach((file, i) => {
    try {
      checkOutput(file, reportOptions(io, named(i)));
      if (named(i) && !replaceable(resolveAsSystem(io.cwd, file), PAGE))
        throw new InputError("cannot write: a file that is not a credit-sim page is there", {
          file,
          hint: "this name was derived from a scenario's, not given: move the file, or give --html another name",
        });
    } catch (e) {
      const error = fileError(e, file);
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
    }
  });
  if (problems.length > 0) throw InputError.all(problems);
}

/** Writes `text` to `file` (relative to the working folder) or, for `-`, to stdout; returns where. With
 *  `set`, the file is held there and put in place with the command's other outputs. Text in pieces (a
 *  page of 100,000 rows) is written as it is made, never held whole: to a file aside, put in place as
 *  the rest; to stdout at once. */
export function writeReport(
  io: CliIo,
  file: string,
  text: string | Iterable<string>,
  named = false,
  set?: OutputSet,
): string {
  if (file === "-") {
    // with other outputs, printed once they are all in place (a refusal at a commit prints nothing)
    if (typeof text !== "string") streamPieces(io.stdout, text);
    else if (set) set.later(() => io.stdout.write(text));
    else io.stdout.write(text);
    return "standard output";
  }
  makeFolders(dirname(resolveAsSystem(io.cwd, file)), file);
  if (set) set.write(file, text, reportOptions(io, named));
  else writeOutput(file, text, reportOptions(io, named));
  return file;
}

/** With several inputs, one report per input: `report.html` gets the first, `report.<name>.html` the rest
 *  — `report.<name>-2.html`, … when inputs in different folders share a name, so no page replaces another. */
export function perInputFiles(file: string, names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    if (index === 0 || file === "-") {
      taken.add(file);
      return file;
    }
    const slug = name.replace(/\.(ya?ml|json)$/i, "").replace(/[^A-Za-z0-9_-]+/g, "-");
    const dot = file.lastIndexOf(".");
    const named = (s: string) =>
      dot > file.lastIndexOf("/") ? `${file.slice(0, dot)}.${s}${file.slice(dot)}` : `${file}.${s}`;
    let candidate = named(slug);
    for (let n = 2; taken.has(candidate); n++) candidate = named(`${slug}-${n}`);
    taken.add(candidate);
    return candidate;
  });
}

/** The longest path Linux opens (macOS: 1,024 bytes). */
const PATH_MAX = 4096;

/** One file, however it is named: links followed, a new file by its folder's real path. */
function identity(cwd: string, file: string): string {
  // the nearest part of the path that exists, links resolved, and the rest as named: two spellings of a
  // file in folders still to be made (`link/new/o.csv`, `real/new/o.csv`) are one file — a link that
  // leads nowhere yet (`lnk` → `zz`) is followed by what it says, as writing would follow it
  let path = resolveAsSystem(cwd, file);
  // a path longer than any system opens is refused when written: walked up a folder at a time, a path
  // of 100 KB on the command line took half a minute (each step resolves the whole path again)
  if (Buffer.byteLength(path) > PATH_MAX) return path;
  for (let hops = 0; hops < 40; hops++) {
    const rest: string[] = [];
    let head = path;
    let link: string | null = null;
    for (;;) {
      try {
        return join(realpathSync(head), ...rest);
      } catch {
        if (isLink(head)) {
          link = resolve(dirname(head), readlinkSync(head));
          break;
        }
        if (dirname(head) === head) return path;
        rest.unshift(basename(head));
        head = dirname(head);
      }
    }
    path = join(link, ...rest);
  }
  return path;
}

/** Whether `path` is a symbolic link (false for anything that cannot be looked at: a path through a
 *  file is said when the output is written). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}

/** An output a command was asked for: the flag that names it and the file as typed (`-`: standard
 *  output); `folder`: a folder the command fills with files of its own naming (`simulate --flips`). */
export interface NamedOutput {
  flag: string;
  file: string;
  folder?: boolean;
  /** what the file will hold: a file there already is replaced when credit-sim wrote it (an earlier run's
   *  of this kind, known by its content) or is empty, and otherwise only with --force */
  kind?: OutputKind;
}

/** A report credit-sim knows again by its content (`made`, given the file's first and last 1,024 bytes —
 *  the whole of a small file in both): a page by the generator mark in its head, simulate's CSV by its
 *  header line, test's text report by its first line and its summary at the end. */
export interface OutputKind {
  /** what it is, for the refusal: "a credit-sim page" */
  what: string;
  made: (head: string, tail: string) => boolean;
}

export const PAGE: OutputKind = {
  what: "a credit-sim page",
  made: (head) => /^<!doctype html>/i.test(head) && head.includes(GENERATOR_META),
};

/** Whether the file at `path` may be replaced by an output of `kind` without --force: nothing there, an
 *  empty file (what `mktemp` made), one that is no regular file (a device, a pipe: written through, said
 *  by the write), or a report of that kind credit-sim wrote. Links are followed, as the write follows
 *  them. */
function replaceable(path: string, kind: OutputKind): boolean {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    // not looked at (a path through a file): the write says why
    return true;
  }
  if (st === undefined || !st.isFile() || st.size === 0) return true;
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    // not readable: the write says why, if it cannot replace it either
    return true;
  }
  try {
    const read = (at: number) => {
      const bytes = Buffer.alloc(1024);
      return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, at)).toString("utf8");
    };
    return kind.made(read(0), read(Math.max(0, Number(st.size) - 1024)));
  } finally {
    closeSync(fd);
  }
}

/**
 * A name given with bytes that are not UTF-8 reaches the program with U+FFFD in their place (`--html
 * 报告.html` typed under a GBK locale is `����.html`): written, the output would be made under a name the
 * user never typed. It is refused, as such a name is as an input (`is not valid UTF-8`) — unless what
 * would be made is there already by that very name: only what is still to be made is looked at. The
 * working folder's own name reaches it so too (a user in `w\x9b` is in `w\uFFFD` to the program, a folder
 * that is not there): a name read from it (`--html r.html`) would be written into a folder made beside it.
 */
export function undecodedName(cwd: string, file: string, flag?: string, folder = false): InputError | null {
  if (file === "-") return null; // standard output
  const path = resolveAsSystem(cwd, file);
  if (!path.includes("\uFFFD")) return null;
  let there = path;
  while (!occupied(there) && dirname(there) !== there) there = dirname(there);
  if (!relative(there, path).includes("\uFFFD")) return null;
  const field = flag === undefined ? {} : { field: flag };
  if (file.includes("\uFFFD"))
    return new InputError(
      `the output ${folder ? "folder" : "file"}'s name is not valid UTF-8 (shown with \uFFFD): it would be written under another name`,
      { file, ...field, hint: "name it in UTF-8" },
    );
  return new InputError(
    "the working folder's name is not valid UTF-8 (shown with \uFFFD): the output would be written into a folder of another name",
    {
      file,
      ...field,
      found: path,
      hint: "run it from a folder named in UTF-8, or name the output by a path that is",
    },
  );
}

/** Whether `path` is the file standard output writes to (the same device and inode as file descriptor 1). */
export function isStandardOutput(path: string): boolean {
  // a file, a pipe or a terminal: where output is kept or read. /dev/null (and other devices) take any
  // number of writers, and `> /dev/null` with `--csv /dev/null` means what it says
  return isOpenOn(1, path, (out) => out.isFile() || out.isFIFO() || (out.isCharacterDevice() && isatty(1)));
}

/** Whether `path` is the regular file standard error was redirected to (`2> e.txt`). Such an output is
 *  refused, not written: the page would be renamed over the file the command's messages go to (the
 *  "wrote" line, warnings, errors), and there is no `-` for standard error to write it there instead. */
function isStandardErrorFile(path: string): boolean {
  return isOpenOn(2, path, (err) => err.isFile());
}

/** Whether `path` is what file descriptor `fd` has open (the same device and inode), when that is a kind
 *  `kept` accepts; false for anything that cannot be looked at. */
function isOpenOn(fd: number, path: string, kept: (open: BigIntStats) => boolean): boolean {
  try {
    const open = fstatSync(fd, { bigint: true });
    if (!kept(open)) return false;
    // as bigints: as numbers, two files' IDs past 2^53 (NTFS's) can read alike
    const st = statSync(path, { bigint: true });
    return st.dev === open.dev && st.ino === open.ino;
  } catch {
    return false;
  }
}

/**
 * Standard output redirected to a file the command reads (`run s.yaml >> s.yaml`): what it printed would
 * be added to the user's scenario — refused, as cat refuses `cat f >> f`. `inputs`: the inputs by their
 * device and inode (inodeOf), each as the user would name it. (`> s.yaml` has emptied the file before the
 * command runs: it is then refused as empty.)
 */
function standardOutputInput(inputs: ReadonlyMap<string, string>): InputError | undefined {
  const input = inputs.get(standardOutputFile() ?? "");
  if (input === undefined) return undefined;
  return new InputError("standard output is a file this command reads", {
    found: `the input ${input}`,
    hint: "redirect the output to another file (> out.txt): what it prints would be added to the input",
  });
}

/** The device and inode of the regular file standard output writes to (a redirection), else undefined. */
function standardOutputFile(): string | undefined {
  try {
    const out = fstatSync(1, { bigint: true });
    return out.isFile() ? `${out.dev}:${out.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** An input as the user would name it: below the working folder, relative to it. */
function asNamed(cwd: string, f: string): string {
  const rel = relative(cwd, resolveAsSystem(cwd, f));
  return isAbsolute(f) && rel !== "" && rel.split(sep)[0] !== ".." && !isAbsolute(rel) ? rel : f;
}

/** Refuses standard output redirected to one of `inputs` (paths from `cwd`): for a command that writes no
 *  file of its own (explain), as checkOutputs refuses it for the others. */
export function checkStandardOutput(cwd: string, inputs: Iterable<string>): void {
  const inodes = new Map<string, string>();
  for (const f of inputs) {
    const inode = inodeOf(resolveAsSystem(cwd, f));
    if (inode !== undefined && !inodes.has(inode)) inodes.set(inode, asNamed(cwd, f));
  }
  const problem = standardOutputInput(inodes);
  if (problem !== undefined) throw problem;
}

/** A regular file's device and inode (links followed), or undefined for anything else or nothing. */
function inodeOf(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true, throwIfNoEntry: false });
    return st?.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a file, however it is named (`./a.yaml`, `s//a.yaml`, a link to it, a hard link: the same
 *  device and inode), is one of `inputs` (paths from `cwd`). */
export function isOneOf(cwd: string, inputs: Iterable<string>): (file: string) => boolean {
  const ids = new Set<string>();
  const inodes = new Set<string>();
  for (const f of inputs) {
    ids.add(identity(cwd, f));
    const inode = inodeOf(resolveAsSystem(cwd, f));
    if (inode !== undefined) inodes.add(inode);
  }
  return (file) => ids.has(identity(cwd, file)) || inodes.has(inodeOf(resolveAsSystem(cwd, file)) ?? "");
}

/**
 * What one command writes never lands on what it reads, nor two of its outputs on one file or both on
 * standard output (the later would silently replace or mix into the earlier). Every clash is reported at
 * once, before anything is written. `inputs`: every file the command reads — scenario, policy (with what
 * they extend), persona files, golden traces; `stdout`: what already writes to standard output (`--json`),
 * if anything must.
 */
export function checkOutputs(
  cwd: string,
  outputs: readonly NamedOutput[],
  inputs: Iterable<string>,
  stdout: string | null = null,
  force = false,
): void {
  const shown = (f: string) => asNamed(cwd, f);
  const read = new Map<string, string>();
  // a hard link is the same file under another name, which no path resolves to: inputs by inode too
  const readInodes = new Map<string, string>();
  for (const f of inputs) {
    read.set(identity(cwd, f), shown(f));
    const inode = inodeOf(resolveAsSystem(cwd, f));
    if (inode !== undefined && !readInodes.has(inode)) readInodes.set(inode, shown(f));
  }
  const written = new Map<string, string>();
  const typed = new Map<string, string>();
  const folders: Array<{ id: string; flag: string }> = [];
  const problems: InputError[] = [];
  const onInput = standardOutputInput(readInodes);
  if (onInput !== undefined) problems.push(onInput);
  let onStdout = stdout;
  for (const { flag, file, folder, kind } of outputs) {
    const undecoded = undecodedName(cwd, file, flag, folder);
    if (undecoded) {
      problems.push(undecoded);
      continue;
    }
    // `/dev/stdout`, `/dev/fd/1`, a link to the terminal: standard output by another name (opening it
    // truncates what `>` redirected, so what the other output wrote there would be lost)
    if (file === "-" || (!folder && isStandardOutput(resolveAsSystem(cwd, file)))) {
      if (onStdout !== null)
        problems.push(
          new InputError("two outputs write to standard output", {
            field: flag,
            found: `also ${onStdout}`,
            hint: "give one of them a file",
          }),
        );
      onStdout ??= flag;
      continue;
    }
    if (!folder && isStandardErrorFile(resolveAsSystem(cwd, file))) {
      problems.push(
        new InputError("the output is the file standard error goes to", {
          file,
          field: flag,
          hint: "give the output another file, or send standard error elsewhere (2> another file): the command's messages would be lost under it",
        }),
      );
      continue;
    }
    const id = identity(cwd, file);
    const input = folder
      ? [...read].find(([path]) => isWithin(path, id))?.[1]
      : (read.get(id) ?? readInodes.get(inodeOf(resolveAsSystem(cwd, file)) ?? ""));
    const other = written.get(id);
    const holder = folders.find((f) => isWithin(id, f.id))?.flag;
    if (input !== undefined)
      problems.push(
        new InputError(
          folder
            ? "the output folder holds a file this command reads"
            : "the output would replace a file this command reads",
          {
            file,
            field: flag,
            found: input === file ? "an input of this command" : `the input ${input}`,
            hint: "write it somewhere else",
          },
        ),
      );
    else if (other !== undefined)
      problems.push(
        new InputError("two outputs name the same file", {
          file,
          field: flag,
          found: `also the file of ${other}`,
          hint: "give each output its own file",
        }),
      );
    else if (holder !== undefined)
      problems.push(
        new InputError("an output lies inside the folder of another", {
          file,
          field: flag,
          found: `inside the folder of ${holder}`,
          hint: "give each output its own place",
        }),
      );
    else if (folder) {
      const within = [...written].find(([path]) => isWithin(path, id));
      if (within)
        problems.push(
          new InputError("an output lies inside the folder of another", {
            file: typed.get(within[0]) ?? within[0],
            field: within[1],
            found: `inside the folder of ${flag}`,
            hint: "give each output its own place",
          }),
        );
      folders.push({ id, flag });
      // a file output is refused so by checkOutput, below
      const through = throughNonFolder("the output folder", file, cwd);
      if (through) problems.push(through);
      // a folder made or written in is taken out of the working folder by no link on its way
      try {
        refuseFolderLeadingOut(file, resolveAsSystem(cwd, file), cwd);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(e);
      }
    } else {
      written.set(id, flag);
      typed.set(id, file);
      // a file that cannot be written (a folder, a link that leads to one) fails now, before an earlier
      // output is written or replaced
      try {
        checkOutput(file, { cwd });
        // a report replaces an earlier report of its kind, never a user's file unasked
        if (kind !== undefined && !force && !replaceable(resolveAsSystem(cwd, file), kind))
          problems.push(
            new InputError(`cannot write: a file that is not ${kind.what} is there`, {
              file,
              field: flag,
              hint: `give ${flag} another name, or add --force to replace the file`,
            }),
          );
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(e);
      }
    }
  }
  if (problems.length > 0) throw InputError.all(problems);
}

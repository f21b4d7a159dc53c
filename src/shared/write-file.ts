// Every file credit-sim writes goes through here, so every output is safe in the same ways:
// - `-` is standard output (for paths a user types: `--csv -`, `--output -`);
// - a regular file, or a path that does not exist yet, is written whole or not at all: a temporary file
//   beside it, then a rename (a link to a regular file keeps the link: its target is replaced — when the
//   target is in the link's folder or the working folder, or below them: a link planted in a repository,
//   `report.xml -> ../../victim`, must not make a CI job's report replace a file elsewhere; a descriptor
//   the shell opened, `/dev/fd/3` of `3> page.html`, is the user's own);
// - anything else — a device, a pipe, a link to one — is written through, never replaced;
// - every error of the operating system on a path is the user's to fix (exit 2), told with the path and
//   the reason in words; a reader that goes away (EPIPE) ends the run quietly;
// - a file the program names itself (init's starter, a what-if variant) may be written as `new` — refused
//   when anything is at the path, a dangling link included, and put in place without replacing what
//   appeared meanwhile — or as `regular` — a regular file replaced, never a link followed or a device
//   written;
// - no temporary file outlives its write: an error removes it, and so does SIGINT, SIGTERM or SIGHUP
//   (the signal is then delivered again, so the process ends as it would have).
//
// The pieces: write-plan.ts (what is at the path, and so how it is written), link-refusals.ts (links never
// followed), atomic-write.ts (whole or not at all), write-through.ts (devices and pipes), temporary-files.ts
// (what an error or a signal removes), output-set.ts (many files put in place together), folders.ts,
// file-errors.ts (the system's errors in words).

import { accessSync, constants, existsSync } from "node:fs";
import { dirname } from "node:path";
import { replacing } from "./atomic-write.js";
import { fileError, throughNonFolder } from "./file-errors.js";
import type { Output } from "./output.js";
import { resolveAsSystem } from "./paths.js";
import { writeContent } from "./pieces.js";
import { plan, planStrict, refuseFolderName } from "./write-plan.js";
import { through } from "./write-through.js";

export interface OutputOptions {
  /** `-` means standard output (paths a user typed); otherwise `-` is a file named `-` */
  dashIsStdout?: boolean;
  /** where a relative target is, when not the process's working folder (messages name the target) */
  cwd?: string;
  /** where standard output goes (tests); default process.stdout */
  stdout?: (text: string) => void;
  /** what may be at the path: `any` (the rules above, the default); `regular` — nothing or a regular
   *  file, which is replaced (a symbolic link, a device or a pipe is refused, never followed); `new` —
   *  nothing: anything there, even a dangling link, is refused, and a file that appears while this one
   *  is written is not replaced */
  existing?: "any" | "regular" | "new";
}

/** Writes `content` to `target` whole (see the rules above); content in pieces is written as they come. */
export function writeOutput(
  target: string,
  content: string | Iterable<string>,
  options: OutputOptions = {},
): void {
  const out = openOutput(target, options);
  try {
    writeContent((text) => out.write(text), content);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

/** Whether `target` could be opened under these rules now, without writing anything: throws the error
 *  `openOutput` would (a command writing several files checks them all before writing the first). */
export function checkOutput(target: string, options: OutputOptions = {}): void {
  if (target === "-" && options.dashIsStdout !== false) return;
  refuseThroughNonFolder(target, options.cwd);
  const path = options.cwd === undefined ? target : resolveAsSystem(options.cwd, target);
  refuseFolderName(target, path);
  const existing = options.existing ?? "any";
  const how = existing === "any" ? plan(target, path, options.cwd) : planStrict(target, path, existing);
  // a file made or replaced goes through a temporary file beside it: the folder must take one (its nearest
  // existing ancestor, for a report whose folders are made on the way)
  if (how.kind === "replace") {
    let folder = dirname(how.path);
    while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    try {
      accessSync(folder, constants.W_OK);
    } catch (e) {
      throw fileError(e, target);
    }
  }
}

/** Opens an output for writing in chunks (see the rules above). */
export function openOutput(target: string, options: OutputOptions = {}): Output {
  if (target === "-" && options.dashIsStdout !== false) return stdoutOutput(options.stdout);
  refuseThroughNonFolder(target, options.cwd);
  const path = options.cwd === undefined ? target : resolveAsSystem(options.cwd, target);
  refuseFolderName(target, path);
  const existing = options.existing ?? "any";
  const how = existing === "any" ? plan(target, path, options.cwd) : planStrict(target, path, existing);
  return how.kind === "replace" ? replacing(target, how.path, existing === "new") : through(target, path);
}

/** An output's path walking back out of a file or of nothing (`z.yaml/../o.html`) is refused, as the
 *  system refuses it and as such an input is: `resolve` takes the `..` off, and o.html was written. */
function refuseThroughNonFolder(target: string, cwd: string | undefined): void {
  const refused = throughNonFolder("the output", target, cwd ?? process.cwd());
  if (refused !== undefined) throw refused;
}

function stdoutOutput(stdout?: (text: string) => void): Output {
  const write = stdout ?? ((text: string) => void process.stdout.write(text));
  return { target: "-", write, commit: () => {}, abort: () => {} };
}

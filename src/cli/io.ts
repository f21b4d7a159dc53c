// What a command may touch of the outside world, passed in rather than read from globals: the two output
// streams, whether stdin is a terminal, the environment and the working folder. `processIo()` is the real
// thing (bin/credit-sim); tests pass their own and read what was written.

import { fstatSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import type { ChalkInstance, ColorSupportLevel } from "chalk";
import { type Roots, rootsIn } from "../scenario/builtin.js";
import { InputError } from "../shared/errors.js";
import { BrokenPipe, fileError } from "../shared/file-errors.js";
import { writePieces } from "../shared/pieces.js";
import { standardErrorInput } from "../shared/standard-error-input.js";
import { detectedColour, makeChalk } from "../shared/terminal.js";
import { printable } from "../shared/text.js";

/** An output stream: anything with `write`. `isTTY` and `columns` are what a terminal adds. */
export interface Writer {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  /** the width human text is fitted to (a terminal, without --wide): a renderer may lay a table out for it */
  readonly fitTo?: number;
  /** what failed a write, once one has (a Node stream sets it at once, and tells its listeners a tick later) */
  readonly errored?: Error | null;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** stdin is a terminal (the interactive what-if session needs one) */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** where relative paths start: test discovery, personas, policies given to simulate, files written */
  cwd: string;
  /** the colour levels chalk detects for the process's streams (processIo); absent: a stream that says
   *  it is a terminal gets basic colour (tests) */
  colour?: { stdout: ColorSupportLevel; stderr: ColorSupportLevel };
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: processStderr(),
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    colour: { stdout: detectedColour("stdout"), stderr: detectedColour("stderr") },
  };
}

let diverted = false;
let silent = false;

/** Whether file descriptors `a` and `b` have the same file open. */
function sameFile(a: number, b: number): boolean {
  try {
    const x = fstatSync(a, { bigint: true });
    const y = fstatSync(b, { bigint: true });
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** The process's standard error — unless it is appended to a file the command reads (`run s.yaml 2>>
 *  s.yaml`, standardErrorInput): its messages would be added to the user's file. They are said on
 *  standard output instead, led once by why, and the command ends with exit 2 (divertedStderr). */
function processStderr(): Writer {
  let file = false;
  try {
    file = fstatSync(2).isFile();
  } catch {
    // not a file: written as it is
  }
  if (!file) return process.stderr;
  return {
    isTTY: false,
    write(text: string) {
      const input = standardErrorInput();
      if (input === undefined) return process.stderr.write(text);
      // both appended to it (`>> s.yaml 2>&1`): there is nowhere to say anything; only exit 2 says it
      if (!diverted && sameFile(1, 2)) silent = true;
      if (silent) {
        diverted = true;
        return true;
      }
      if (!diverted) {
        diverted = true;
        const why = new InputError("standard error is a file this command reads", {
          found: `the input ${named(input)}`,
          hint: "redirect standard error to another file (2> errors.txt): what it says would be added to the input; it is said here instead",
        });
        process.stdout.write(`${why.format("credit-sim: ")}\n`);
      }
      return process.stdout.write(text);
    },
  };
}

/** A path as the user would name it: below the working folder, relative to it. */
function named(path: string): string {
  const rel = relative(process.cwd(), path);
  return isAbsolute(path) && rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** Whether standard error's messages were said on standard output, as processStderr says them: the
 *  command then ends with exit 2 at least. */
export const divertedStderr = (): boolean => diverted;

/** The folders besides a file's own that its references may lead into: CREDIT_SIM_ROOT in this CLI's
 *  environment, relative ones from its working folder. */
export const rootsOf = (io: CliIo): Roots => rootsIn(io.env, io.cwd);

/** Colour on stdout as chalk detects it; off with NO_COLOR, or `enabled` false (`--no-color`). */
export function stdoutColour(io: CliIo, enabled = true): ChalkInstance {
  return makeChalk(io.colour?.stdout ?? (io.stdout.isTTY === true ? 1 : 0), enabled, io.env);
}

/** The same for stderr (a report that goes there when stdout carries a file: `--csv -`). */
export function stderrColour(io: CliIo, enabled = true): ChalkInstance {
  return makeChalk(io.colour?.stderr ?? (io.stderr.isTTY === true ? 1 : 0), enabled, io.env);
}

/** A real terminal stream (what a progress bar draws on), not just something that says it is one. */
export function isTerminalStream(w: Writer): w is NodeJS.WriteStream {
  return w.isTTY === true && typeof (w as Partial<NodeJS.WriteStream>).cursorTo === "function";
}

/** The deprecations of loaded files, one line each on stderr (what a file still holds that does nothing). */
export function warnDeprecations(
  loaded: ReadonlyArray<{ warnings?: string[] | undefined }>,
  io: CliIo,
): void {
  for (const l of loaded)
    for (const w of l.warnings ?? []) writeErr(io, `credit-sim: warning: ${printable(w)}`);
}

type Fit = typeof import("../render/fit.js");
/** The fitting to a terminal's width (render/fit.ts), once `loadFit` has loaded it: its packages
 *  (string-width, wrap-ansi, cli-truncate, two Intl.Segmenters) take tens of milliseconds to load, which
 *  a pipe or a file — a script, CI — never needs. */
let fit: Fit | undefined;

/** Loads the fitting when a stream of `io` is a terminal (runCli, before anything is written). */
export async function loadFit(io: CliIo): Promise<Fit | undefined> {
  if (io.stdout.isTTY === true || io.stderr.isTTY === true) fit ??= await import("../render/fit.js");
  return fit;
}

/** Human text fitted to a terminal: stdout is a terminal of known width and the output is for people
 *  (not --json, not --wide). */
export const fitsTerminal = (io: CliIo, options: { wide?: boolean; json?: boolean }): boolean =>
  !options.wide && !options.json && io.stdout.isTTY === true && (io.stdout.columns ?? 0) > 0;

/** The product contract's `--seed` on a command that runs a scenario: accepted so scripts written to it
 *  still run, and said to change nothing — nothing in a scenario is random. */
export function warnSeedIgnored(io: CliIo): void {
  writeErr(
    io,
    "credit-sim: warning: --seed: ignored: a scenario is deterministic, so no seed changes its run (simulate --seed seeds a population)",
  );
}

/** Writes an error line (a newline added when missing). On a terminal of known width it is wrapped at
 *  word boundaries as the reports are (a terminal breaks a line mid-word); a pipe or file gets it whole. */
export function writeErr(io: CliIo, text: string): void {
  const columns = io.stderr.isTTY === true ? io.stderr.columns : undefined;
  const shown = columns && fit ? fit.fitted(text.replace(/\n$/, ""), columns).text : text;
  io.stderr.write(shown.endsWith("\n") ? shown : `${shown}\n`);
}

/** Writes a document made in pieces to a stream as they come (see shared/pieces). A stream that failed
 *  (its reader went away, a full disk) is destroyed at once: the rest is not made — the stream's own
 *  error says what happened. */
export function streamPieces(stream: Writer, pieces: Iterable<string>): void {
  writePieces((text) => {
    stream.write(text);
    if ((stream as { destroyed?: boolean }).destroyed === true) throw new BrokenPipe();
  }, pieces);
}

/** The failures of standard output a command has already said (writeWhole): the stream's own error event,
 *  a tick later, ends the process without saying them again (main.ts onStdoutError). */
const said = new WeakSet<object>();
export const alreadySaid = (e: unknown): boolean => typeof e === "object" && e !== null && said.has(e);

/** Writes text that a message after it says was written (`saved to standard output`). A stream that
 *  failed at it (a full disk) throws its failure in words now: the command ends with it, exit 2, before
 *  anything claims the text was written. */
export function writeWhole(stream: Writer, text: string): void {
  stream.write(text);
  const failed = stream.errored;
  if (failed === undefined || failed === null) return;
  const problem = fileError(failed, "standard output");
  // a reader that went away ends the command quietly (BrokenPipe), as the event would have
  if (problem instanceof InputError) said.add(failed);
  throw problem;
}

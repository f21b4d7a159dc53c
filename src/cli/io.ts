// What a command may touch of the outside world, passed in rather than read from globals: the two output
// streams, whether stdin is a terminal, the environment and the working folder. `processIo()` is the real
// thing (bin/credit-sim); tests pass their own and read what was written.

import type { ChalkInstance } from "chalk";
import { makeChalk } from "../shared/terminal.js";

/** An output stream: anything with `write`. `isTTY` and `columns` are what a terminal adds. */
export interface Writer {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** stdin is a terminal (the interactive what-if session needs one) */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** where relative paths start: test discovery, personas, policies given to simulate, files written */
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour on stdout when it is a terminal and NO_COLOR is unset; FORCE_COLOR wins; `enabled` false: never. */
export function stdoutColour(io: CliIo, enabled = true): ChalkInstance {
  return makeChalk({ isTTY: io.stdout.isTTY === true }, enabled, io.env);
}

/** A real terminal stream (what a progress bar draws on), not just something that says it is one. */
export function isTerminalStream(w: Writer): w is NodeJS.WriteStream {
  return w.isTTY === true && typeof (w as Partial<NodeJS.WriteStream>).cursorTo === "function";
}

/** Writes an error line (a newline added when missing). */
export function writeErr(io: CliIo, text: string): void {
  io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

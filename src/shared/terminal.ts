// The terminal: the colour decision, the two output streams, and the exit code a finished command reports.

import { Chalk, type ChalkInstance } from "chalk";

/** Colour when stdout is a terminal and NO_COLOR is unset (https://no-color.org); FORCE_COLOR wins. */
export function makeChalk(stream: NodeJS.WriteStream = process.stdout, enabled = true): ChalkInstance {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false")
    return new Chalk({ level: 1 });
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return new Chalk({ level: enabled && !noColor && stream.isTTY ? 1 : 0 });
}

export function out(text: string): void {
  process.stdout.write(text);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Thrown by commands that finished but must report a non-zero exit (e.g. failed expectations). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

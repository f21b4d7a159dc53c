// The terminal: the colour decision, and the exit code a finished command reports.

import { Chalk, type ChalkInstance } from "chalk";

/** Colour when the stream is a terminal and NO_COLOR is unset (https://no-color.org); FORCE_COLOR wins. */
export function makeChalk(
  stream: { readonly isTTY?: boolean } = process.stdout,
  enabled = true,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ChalkInstance {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false")
    return new Chalk({ level: 1 });
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return new Chalk({ level: enabled && !noColor && stream.isTTY ? 1 : 0 });
}

/** Thrown by commands that finished but must report a non-zero exit (e.g. failed expectations). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

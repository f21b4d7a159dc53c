// The terminal: the colour decision, and the exit code a finished command reports.

import { Chalk, type ChalkInstance, type ColorSupportLevel, supportsColor, supportsColorStderr } from "chalk";

/** The colour level chalk detects for this process's stdout or stderr: a terminal, FORCE_COLOR (where
 *  FORCE_COLOR=0 is off), TERM=dumb, CI. Nothing here second-guesses it. */
export function detectedColour(stream: "stdout" | "stderr"): ColorSupportLevel {
  const detected = stream === "stderr" ? supportsColorStderr : supportsColor;
  return detected ? detected.level : 0;
}

/** A Chalk at `level`, turned off by `--no-color` (`enabled` false) or NO_COLOR (https://no-color.org). */
export function makeChalk(
  level: ColorSupportLevel,
  enabled = true,
  env: Readonly<Record<string, string | undefined>>,
): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return new Chalk({ level: enabled && !noColor ? level : 0 });
}

/** Thrown by commands that finished but must report a non-zero exit (e.g. failed expectations). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Whether the process runs under CI, read as CI systems set it: `CI=false`, `CI=0` and an empty CI are not
 *  (one reading for the test command's defaults, the progress bar and what-if's session). */
export function isCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.CI;
  return v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
}

/** A terminal that cannot move its cursor (TERM=dumb: an editor's shell, a serial console): the escapes that
 *  would move it are printed as text. What redraws in place — a progress bar, the watch's cleared screen,
 *  what-if's prompts — is left out there; colour is chalk's own reading of TERM. */
export function isDumbTerminal(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.TERM === "dumb";
}

// The process's entry (bin/credit-sim calls it): the CLI with the real streams, environment and folder.
// Returns the exit code; bin/credit-sim, the one place that ends the process, sets it.

import { InputError } from "../shared/errors.js";
import { fileError, systemReason } from "../shared/file-errors.js";
import { holdingOutputs } from "../shared/output-set.js";
import { alreadySaid, type CliIo, divertedStderr, processIo } from "./io.js";
import { runCli } from "./run-cli.js";

export async function main(args: readonly string[]): Promise<number> {
  let io: CliIo;
  try {
    io = processIo();
  } catch (e) {
    // the folder the shell is in was removed (or moved) after the shell entered it: every relative path
    // would start nowhere, and Node's own error is a stack trace
    process.stderr.write(`${workingFolderError(e).format("credit-sim: ")}\n`);
    return 2;
  }
  const code = await runCli(args, io);
  // standard error appended to an input: its messages were said on standard output instead (processIo)
  return divertedStderr() ? Math.max(code, 2) : code;
}

/** Why the working folder cannot be known, in words (process.cwd() fails). */
export function workingFolderError(e: unknown): InputError {
  const code = e !== null && typeof e === "object" && "code" in e ? String(e.code) : undefined;
  return new InputError(
    code === "ENOENT"
      ? "the current folder no longer exists (it was removed or moved)"
      : `the current folder cannot be read (${code === undefined ? String(e) : systemReason(code)})`,
    { hint: "cd to a folder that exists, then run the command again" },
  );
}

/** What a failing stdout means: a reader that went away (EPIPE) ends the run quietly — or, while the
 *  command holds files it was asked for (`run … --html r.html | head`), only its text: null, the command
 *  goes on to put them in place; anything else (a full disk: `run … > /dev/full`) is the user's to fix,
 *  said in words, exit 2. Returns the exit code to end with, or null to go on. */
export function onStdoutError(e: unknown, exitCodeSoFar: number): number | null {
  if (alreadySaid(e)) return Math.max(exitCodeSoFar, 2);
  if (e !== null && typeof e === "object" && "code" in e && e.code === "EPIPE")
    return holdingOutputs() ? null : exitCodeSoFar;
  const problem = fileError(e, "standard output");
  const text =
    problem instanceof InputError ? problem.format("credit-sim: ") : `credit-sim: ${problem.message}`;
  process.stderr.write(`${text}\n`);
  return 2;
}

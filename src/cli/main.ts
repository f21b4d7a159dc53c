// The process's entry (bin/credit-sim calls it): the CLI with the real streams, environment and folder.
// Returns the exit code; bin/credit-sim, the one place that ends the process, sets it.

import { InputError } from "../shared/errors.js";
import { fileError } from "../shared/write-file.js";
import { processIo } from "./io.js";
import { runCli } from "./run-cli.js";

export function main(args: readonly string[]): Promise<number> {
  return runCli(args, processIo());
}

/** What a failing stdout means: a reader that went away (EPIPE) ends the run quietly; anything else (a
 *  full disk: `run … > /dev/full`) is the user's to fix, said in words, exit 2. Returns the exit code. */
export function onStdoutError(e: unknown, exitCodeSoFar: number): number {
  if (e !== null && typeof e === "object" && "code" in e && e.code === "EPIPE") return exitCodeSoFar;
  const problem = fileError(e, "standard output");
  const text =
    problem instanceof InputError ? problem.format("credit-sim: ") : `credit-sim: ${problem.message}`;
  process.stderr.write(`${text}\n`);
  return 2;
}

// The process's entry (bin/credit-sim calls it): the CLI with the real streams, environment and folder.
// Returns the exit code; bin/credit-sim, the one place that ends the process, sets it.

import { processIo } from "./io.js";
import { runCli } from "./run-cli.js";

export function main(args: readonly string[]): Promise<number> {
  return runCli(args, processIo());
}

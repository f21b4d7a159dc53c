// Entry point: the option table, lazy command loading, and the one place that sets the exit code.
// Commands throw InputError/UsageError for the user's mistakes (exit 2); anything else is a bug.

import { Command, CommanderError } from "commander";
import { InputError } from "../scenario/errors.js";
import { ExitCode, err } from "./io.js";
import { VERSION } from "./version.js";

const int = (name: string) => (value: string) => {
  if (!/^-?\d+$/.test(value)) throw new InputError(`${name} must be a whole number`, { found: JSON.stringify(value) });
  return Number(value);
};

const collect = (value: string, previous: string[]) => [...previous, value];

export function buildProgram(): Command {
  const program = new Command()
    .name("credit-sim")
    .description("Explainable consumer-credit simulator: scenario timelines → scores, decisions and reasons")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

  program
    .command("run")
    .description("simulate scenario files and print every step with its decision and reasons")
    .argument("<files...>", "scenario files (YAML or JSON)")
    .option("--json", "NDJSON: one object per step")
    .option("--explain", "show the scorecard breakdown at every decision")
    .option("--policy <name|file>", "run under this policy instead of the file's")
    .option("--seed <n>", "override the seed", int("--seed"))
    .option("--until <day>", "override the last simulated day", int("--until"))
    .option("--no-chart", "leave out the score chart")
    .option("--no-color", "no colour (also NO_COLOR=1 or a pipe)")
    .addHelpText("after", "\nExamples:\n  credit-sim run scenarios/zhang-ming.yaml\n  credit-sim run scenarios/*.yaml --json | jq .decision")
    .action(async (files: string[], opts) => (await import("./commands/run.js")).runCommand(files, opts));

  program
    .command("test")
    .description("run scenarios with expectations; exit 1 when any fails")
    .argument("[paths...]", "files, folders or globs (default: scenarios/)")
    // --reporter and --output-file repeat (not variadic), so `--reporter junit scenarios/` keeps its path
    .option(
      "--reporter <name>",
      "pretty, json or junit; repeat or comma-separate for several (default: pretty)",
      collect,
      [],
    )
    .option(
      "--output-file <reporter=file>",
      "write a reporter's output to a file, e.g. junit=report.xml (repeatable)",
      collect,
      [],
    )
    .option("--output <file>", "write the (single) reporter's output to a file")
    .option(
      "-u, --update-snapshots",
      "write new and changed golden traces (__snapshots__/*.trace), remove obsolete ones",
    )
    .option("--no-snapshots", "check expectations only, no golden traces")
    .option("--grep <pattern>", "only scenarios whose name or file matches (regular expression, any case)")
    .option("--shard <i/n>", "run shard i of n (deterministic partition of the sorted files)")
    .option("--bail", "stop after the first failing scenario")
    .option(
      "--workers <n>",
      "at most n worker threads (default: cores; small suites run in one thread)",
      int("--workers"),
    )
    .option("--no-color", "no colour")
    .addHelpText(
      "after",
      "\nGolden traces live in __snapshots__/ beside each scenario; a missing one is written, except under CI=true\n(where it fails). Exit codes: 0 all passed, 1 a failure, 2 bad usage or a file with bad input.\n\nExamples:\n  credit-sim test\n  credit-sim test scenarios/ --reporter pretty --reporter junit --output-file junit=junit.xml\n  credit-sim test 'scenarios/**/*.yaml' --shard 2/4 --grep suspension\n  credit-sim test -u scenarios/zhang-ming.yaml",
    )
    .action(async (paths: string[], opts) => (await import("./commands/test.js")).testCommand(paths, opts));

  program
    .command("reasons")
    .description("the reason-code catalogue")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  credit-sim reasons")
    .action(async (opts) => (await import("./commands/catalogue.js")).reasonsCommand(opts));

  program
    .command("policies")
    .description("the built-in policies and their parameters")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  credit-sim policies")
    .action(async (opts) => (await import("./commands/catalogue.js")).policiesCommand(opts));

  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editors)")
    .addHelpText("after", "\nExample:\n  credit-sim schema > scenario.schema.json")
    .action(async () => (await import("./commands/catalogue.js")).schemaCommand());

  return program;
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // help and version are not errors; everything else commander rejects is bad usage
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
    if (e.exitCode === 0) return 0;
    return 2;
  }
  if (e instanceof InputError) {
    err(`credit-sim: ${e.format()}`);
    return e.exitCode;
  }
  if (e instanceof ExitCode) return e.code;
  const message = e instanceof Error ? e.message : String(e);
  err(`credit-sim: internal error: ${message}\n  this is a bug in credit-sim; set CREDIT_SIM_DEBUG=1 for details`);
  if (process.env.CREDIT_SIM_DEBUG && e instanceof Error) err(e.stack ?? "");
  return 70;
}

// Entry point: the option table, lazy command loading, and the one place that sets the exit code.
// Commands throw InputError/UsageError for the user's mistakes (exit 2); anything else is a bug.

import { Command, CommanderError } from "commander";
import { InputError } from "../shared/errors.js";
import { ExitCode, err } from "../shared/terminal.js";
import { VERSION } from "./version.js";

const int = (name: string) => (value: string) => {
  if (!/^-?\d+$/.test(value))
    throw new InputError(`${name} must be a whole number`, { found: JSON.stringify(value) });
  return Number(value);
};

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function buildProgram(): Command {
  const program = new Command()
    .name("credit-sim")
    .description("Explainable consumer-credit simulator: scenario timelines → scores, decisions and reasons")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride()
    .addHelpText(
      "after",
      "\nExamples:\n  credit-sim run scenarios/zhang-ming.yaml\n  credit-sim test scenarios/\n  credit-sim whatif scenarios/zhang-ming.yaml --avoid suspended\n  credit-sim simulate --accounts 10000 --challenger tightened",
    );

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
    .addHelpText(
      "after",
      "\nExamples:\n  credit-sim run scenarios/zhang-ming.yaml\n  credit-sim run scenarios/*.yaml --json | jq .decision",
    )
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
    )
    .option(
      "--output-file <reporter=file>",
      "write a reporter's output to a file, e.g. junit=report.xml (repeatable)",
      collect,
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

  // what-if edits are applied in the order given, across flags: each parser appends to one list
  const whatifEdits: Array<{ flag: "remove" | "add" | "edit" | "set" | "seed" | "policy"; value: string }> =
    [];
  const editFlag = (flag: (typeof whatifEdits)[number]["flag"]) => (value: string) => {
    whatifEdits.push({ flag, value });
    return whatifEdits;
  };
  program
    .command("whatif")
    .description("what if: edit a scenario's events, policy or seed and compare the decisions side by side")
    .argument("<file>", "scenario file (YAML or JSON)")
    .option(
      "--remove <events>",
      'remove events: 7 | 7,9 | 10-12 | "type=apply,product=increase,day>=80"',
      editFlag("remove"),
    )
    .option("--add <event>", "add an event: '{day: 60, type: repay, amount: full}'", editFlag("add"))
    .option("--edit <n:changes>", "edit event n: '7:day=65' | '7:{amount: full}'", editFlag("edit"))
    .option("--set <param=value>", "set policy parameters from day 0: minScore=620", editFlag("set"))
    .option("--seed <n>", "change the seed", editFlag("seed"))
    .option("--policy <name|file>", "switch the scenario's policy", editFlag("policy"))
    .option("--avoid <outcome>", "find the smallest change that avoids: suspended | declined")
    .option("--reach <outcome>", "find the smallest change that reaches sooner: restored")
    .option("--max-edits <n>", "counterfactual: at most this many changes (default 3)", int("--max-edits"))
    .option("--budget <n>", "counterfactual: at most this many runs (default 2000)", int("--budget"))
    .option("--list", "list the events with their numbers and decisions")
    .option("--json", "the comparison (or counterfactual) as JSON")
    .option("--save <file>", "save the variant as a new scenario file")
    .option("--force", "let --save replace an existing file")
    .option("--no-chart", "leave out the score chart")
    .option("--no-color", "no colour (also NO_COLOR=1 or a pipe)")
    .addHelpText(
      "after",
      [
        "",
        "In a terminal without edit flags, an interactive session opens. Event numbers are 1-based, in file",
        "order (see --list); they stay the same whatever else is edited. Edit flags apply in the order given.",
        "",
        "Examples:",
        "  credit-sim whatif scenarios/zhang-ming.yaml",
        "  credit-sim whatif scenarios/zhang-ming.yaml --list",
        '  credit-sim whatif scenarios/zhang-ming.yaml --remove "type=apply,product=increase,day>=80" --save zm-fewer-applications.yaml',
        "  credit-sim whatif scenarios/zhang-ming.yaml --edit 14:day=100 --set minScore=620 --json",
        "  credit-sim whatif scenarios/zhang-ming.yaml --avoid suspended",
      ].join("\n"),
    )
    .action(async (file: string, opts) => {
      const { seed: _seed, remove: _r, add: _a, edit: _e, set: _s, policy: _p, ...rest } = opts;
      return (await import("./commands/whatif.js")).whatifCommand(file, { ...rest, edits: whatifEdits });
    });

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

  program
    .command("simulate")
    .description(
      "a seeded population of synthetic accounts from personas: outcome rates, scores, champion/challenger",
    )
    .argument("[personas...]", "persona names or files (default: every shipped persona, by share)")
    .option("--accounts <n>", "accounts in the population (default 1000)", int("--accounts"))
    .option("--days <n>", "simulated days per account (default 365)", int("--days"))
    .option("--seed <n>", "population seed (default 1)", int("--seed"))
    .option("--start <date>", "calendar date of day 0 (default 2024-01-01)")
    .option("--policy <name|file>", "the (champion) policy (default: default)")
    .option("--challenger <name|file>", "run the same accounts under this policy too and compare")
    .option(
      "--challenger-from <day>",
      "the challenger takes over on this day (a policy change)",
      int("--challenger-from"),
    )
    .option(
      "--challenger-set <name=value...>",
      "challenger policy parameters (on --challenger, or on --policy), e.g. minScore=650",
    )
    .option(
      "--workers <n>",
      "worker threads (default: cores; 1 below 4 M account-days, both policies counted, where threads cost more than they save)",
      int("--workers"),
    )
    .option("--shard <i/n>", "simulate only shard i of n (combine the --json outputs with `merge`)")
    .option("--json", "the mergeable result document as JSON")
    .option("--csv <file>", "one row per account")
    .option("--export-account <n>", "print account n as a scenario file instead", int("--export-account"))
    .option("--arm <champion|challenger>", "with --export-account: which policy arm")
    .option("-o, --output <file>", "with --export-account: write to this file")
    .option("--flips <dir>", "export the sample of flipped accounts as scenario files")
    .option("--no-progress", "no progress bar (it shows only on a terminal)")
    .option("--no-chart", "leave out the score chart")
    .option("--no-color", "no colour")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  credit-sim simulate --accounts 10000",
        "  credit-sim simulate stretched over-applier --accounts 5000 --challenger tightened --challenger-from 180",
        "  credit-sim simulate --accounts 20000 --challenger-set minScore=650 --challenger-from 90   # a regulator's new minimum",
        "  credit-sim simulate --accounts 100000 --shard 1/3 --json > s1.json   # then: credit-sim merge s*.json",
        "  credit-sim simulate --export-account 42 -o account-42.yaml && credit-sim run account-42.yaml",
      ].join("\n"),
    )
    .action(async (personas: string[], opts) =>
      (await import("./commands/simulate.js")).simulateCommand(personas, opts),
    );

  program
    .command("personas")
    .description("the shipped behaviour personas and their shares")
    .option("--json", "as JSON")
    .option("--schema", "print the JSON Schema of persona files")
    .option("--no-color", "no colour")
    .addHelpText(
      "after",
      "\nExamples:\n  credit-sim personas\n  credit-sim personas --schema > persona.schema.json",
    )
    .action(async (opts) => (await import("./commands/simulate.js")).personasCommand(opts));

  program
    .command("merge")
    .description("merge `simulate --shard I/N --json` outputs into the report of the whole population")
    .argument("<files...>", "shard result files (JSON)")
    .option("--json", "the merged result document")
    .option("--no-chart", "leave out the score chart")
    .option("--no-color", "no colour")
    .addHelpText(
      "after",
      "\nExample:\n  for i in 1 2 3; do credit-sim simulate --accounts 30000 --shard $i/3 --json > s$i.json; done\n  credit-sim merge s1.json s2.json s3.json",
    )
    .action(async (files: string[], opts) =>
      (await import("./commands/simulate.js")).mergeCommand(files, opts),
    );

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
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return 0;
    if (e.exitCode === 0) return 0;
    return 2;
  }
  if (e instanceof InputError) {
    err(`credit-sim: ${e.format()}`);
    return e.exitCode;
  }
  if (e instanceof ExitCode) return e.code;
  const message = e instanceof Error ? e.message : String(e);
  err(
    `credit-sim: internal error: ${message}\n  this is a bug in credit-sim; set CREDIT_SIM_DEBUG=1 for details`,
  );
  if (process.env.CREDIT_SIM_DEBUG && e instanceof Error) err(e.stack ?? "");
  return 70;
}

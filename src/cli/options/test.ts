// `credit-sim test [PATH…]`: its option table; the checks live with the test runner (testing/options.ts).

import { workersHelp } from "../../shared/workers.js";
import { parseTestOptions, type TestOptions } from "../../testing/options.js";
import { type CommandSpec, helpText, list } from "./command.js";
import { flag, noColor, outputPath, repeatable, text, wholeNumber } from "./table.js";

export interface TestInvocation {
  command: "test";
  paths: string[];
  options: TestOptions & {
    /** re-run what a change affects until interrupted */
    watch: boolean;
    wide: boolean;
  };
}

const options = () => ({
  // --reporter and --output-file repeat (not variadic), so `--reporter junit scenarios/` keeps its path
  reporter: repeatable(
    "--reporter <name>",
    "pretty, json, junit, github or html; repeat or comma-separate for several (default: pretty)",
  ),
  outputFile: repeatable(
    "--output-file <reporter=file>",
    "write a reporter's output to a file, e.g. junit=report.xml; repeat or comma-separate for several (json=r.json,junit=r.xml)",
  ),
  output: outputPath(
    "--output <file>",
    "write the (single) reporter's output to a file (- for standard output)",
  ),
  force: flag("--force", "let a report file replace a file already there that credit-sim did not write"),
  updateSnapshots: flag(
    "-u, --update-snapshots",
    "write new and changed golden traces (__snapshots__/*.trace), remove obsolete ones",
  ),
  snapshots: flag("--no-snapshots", "check expectations only, no golden traces"),
  grep: text("--grep <pattern>", "only scenarios whose name or file matches (regular expression, any case)"),
  shard: text("--shard <i/n>", "run shard i of n (deterministic partition of the sorted files)"),
  bail: flag("--bail", "stop after the first failing scenario"),
  workers: wholeNumber(
    "--workers <n>",
    `at most n worker threads (default: cores; small suites run in one thread); ${workersHelp()}`,
    { min: 1 },
  ),
  color: noColor(),
  watch: flag(
    "--watch",
    "run, then re-run the scenarios a changed scenario or policy file affects (Ctrl-C ends; under CI, runs once)",
  ),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
});

export const TEST: CommandSpec<ReturnType<typeof options>, TestInvocation> = {
  name: "test",
  description: "run scenarios with expectations; exit 1 when any fails",
  arguments: [["[paths...]", "files, folders or globs (default: scenarios/)"]],
  options,
  help: helpText(
    "Golden traces live in __snapshots__/ beside each scenario; a missing one is written, except under CI=true",
    "(where it fails). Exit codes: 0 all passed, 1 a failure, 2 bad usage or a file with bad input.",
    "",
    "Examples:",
    "  credit-sim test",
    "  credit-sim test scenarios/ --reporter pretty --reporter junit --output-file junit=junit.xml",
    "  credit-sim test 'scenarios/**/*.yaml' --grep suspension",
    "  credit-sim test --shard 2/4                         # the second of four CI jobs",
    "  credit-sim test -u scenarios/zhang-ming.yaml",
    "  credit-sim test --reporter pretty,github            # annotations in GitHub Actions",
    "  credit-sim test --reporter html --output-file html=report.html",
    "  credit-sim test scenarios/ --watch",
  ),
  read: ([paths], raw, ctx) => ({
    command: "test",
    paths: list(paths),
    options: { ...parseTestOptions(raw, ctx.env), watch: raw.watch === true, wide: raw.wide === true },
  }),
};

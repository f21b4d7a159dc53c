// `credit-sim run FILE…`: its options, typed.

import { MAX_DAY } from "../../scenario/shape.js";
import { UsageError } from "../../shared/errors.js";
import { type CommandSpec, helpText, list } from "./command.js";
import { type DayAsked, dayOrDate, flag, noColor, outputPath, policyRef, wholeNumber } from "./table.js";

export interface RunOptions {
  /** NDJSON, one object per step */
  json: boolean;
  explain: boolean;
  /** a policy name or file to run under instead of each file's */
  policy: string | undefined;
  /** the last simulated day: its number or its date (made a day with each file's start) */
  until: DayAsked | undefined;
  /** The product contract's `--seed`: accepted so scripts written to it still run; nothing in a scenario is random */
  seed: number | undefined;
  chart: boolean;
  color: boolean;
  /** write the report as a self-contained HTML page here (`-`: stdout) */
  html: string | undefined;
  /** no fitting to the terminal's width */
  wide: boolean;
  /** --html may replace a file credit-sim did not write */
  force: boolean;
}

export interface RunInvocation {
  command: "run";
  files: string[];
  options: RunOptions;
}

const options = () => ({
  json: flag("--json", "NDJSON: one object per step, then an `end` record with the summary"),
  explain: flag("--explain", "show the scorecard breakdown at every decision (with --json: in the records)"),
  html: outputPath(
    "--html <file>",
    "also write the run as a self-contained HTML page (- for standard output)",
  ),
  force: flag("--force", "let --html replace a file already there that credit-sim did not write"),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
  policy: policyRef("--policy <name|file>", "run under this policy instead of the file's"),
  until: dayOrDate(
    "--until <n|date>",
    "override the last simulated day, its number (from the scenario's start) or its date (events after it are left out)",
    MAX_DAY,
  ),
  seed: wholeNumber(
    "--seed <n>",
    "accepted and ignored: a scenario is deterministic, so no seed changes it (simulate --seed seeds a population)",
    { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  ),
  chart: flag("--no-chart", "leave out the score chart"),
  color: noColor(),
});

export const RUN: CommandSpec<ReturnType<typeof options>, RunInvocation> = {
  name: "run",
  description: "simulate scenario files and print every step with its decision and reasons",
  arguments: [["<files...>", "scenario files (YAML or JSON)"]],
  options,
  help: helpText(
    "Examples:",
    "  credit-sim run scenarios/zhang-ming.yaml",
    "  credit-sim run scenarios/zhang-ming.yaml --until 2024-06-30",
    "  credit-sim run scenarios/*.yaml --json | jq -c 'select(.decision == \"suspended\")'",
    "  credit-sim run scenarios/zhang-ming.yaml --html zhang-ming.html",
  ),
  read: ([files], raw) => {
    const all = list(files);
    // pages one after another are not a page
    if (raw.html === "-" && all.length > 1)
      throw new UsageError(
        `--html - writes one page to standard output, but ${all.length} scenarios would each have one`,
        "give one scenario, or a file name: --html report.html writes report.html, report.<name>.html, …",
      );
    if (raw.force === true && (raw.html === undefined || raw.html === "-"))
      throw new UsageError("--force goes with --html FILE", "it lets --html replace a file already there");
    return {
      command: "run",
      files: all,
      options: {
        force: raw.force === true,
        json: raw.json === true,
        explain: raw.explain === true,
        policy: raw.policy,
        until: raw.until,
        seed: raw.seed,
        chart: raw.chart !== false,
        color: raw.color !== false,
        html: raw.html,
        wide: raw.wide === true,
      },
    };
  },
};

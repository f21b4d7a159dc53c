// `credit-sim run FILE…`: its options, typed.

import { type CommandSpec, helpText, list } from "./command.js";
import { flag, text, wholeNumber } from "./table.js";

export interface RunOptions {
  /** NDJSON, one object per step */
  json: boolean;
  explain: boolean;
  /** a policy name or file to run under instead of each file's */
  policy: string | undefined;
  until: number | undefined;
  chart: boolean;
  color: boolean;
}

export interface RunInvocation {
  command: "run";
  files: string[];
  options: RunOptions;
}

const options = () => ({
  json: flag("--json", "NDJSON: one object per step"),
  explain: flag("--explain", "show the scorecard breakdown at every decision"),
  policy: text("--policy <name|file>", "run under this policy instead of the file's"),
  until: wholeNumber("--until <day>", "override the last simulated day (events after it are left out)"),
  chart: flag("--no-chart", "leave out the score chart"),
  color: flag("--no-color", "no colour (also NO_COLOR=1 or a pipe)"),
});

export const RUN: CommandSpec<ReturnType<typeof options>, RunInvocation> = {
  name: "run",
  description: "simulate scenario files and print every step with its decision and reasons",
  arguments: [["<files...>", "scenario files (YAML or JSON)"]],
  options,
  help: helpText(
    "Examples:",
    "  credit-sim run scenarios/zhang-ming.yaml",
    "  credit-sim run scenarios/*.yaml --json | jq .decision",
  ),
  read: ([files], raw) => ({
    command: "run",
    files: list(files),
    options: {
      json: raw.json === true,
      explain: raw.explain === true,
      policy: raw.policy,
      until: raw.until,
      chart: raw.chart !== false,
      color: raw.color !== false,
    },
  }),
};

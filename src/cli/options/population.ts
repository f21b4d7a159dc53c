// `credit-sim personas` and `credit-sim merge FILE…`: their options, typed.

import { UsageError } from "../../shared/errors.js";
import { type CommandSpec, helpText, list } from "./command.js";
import { flag, noColor, outputPath } from "./table.js";

export interface PersonasInvocation {
  command: "personas";
  options: { json: boolean; schema: boolean; color: boolean; wide: boolean };
}

export interface MergeInvocation {
  command: "merge";
  files: string[];
  options: {
    json: boolean;
    chart: boolean;
    color: boolean;
    wide: boolean;
    /** the whole population's report as a self-contained HTML page, as `simulate --html` (`-`: stdout) */
    html: string | undefined;
    /** --html may replace a file credit-sim did not write */
    force: boolean;
  };
}

const personasOptions = () => ({
  json: flag("--json", "as JSON"),
  schema: flag("--schema", "print the JSON Schema of persona files"),
  color: noColor(),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
});

export const PERSONAS: CommandSpec<ReturnType<typeof personasOptions>, PersonasInvocation> = {
  name: "personas",
  description: "the shipped behaviour personas and their shares",
  arguments: [],
  options: personasOptions,
  help: helpText(
    "Examples:",
    "  credit-sim personas",
    "  credit-sim personas --schema > persona.schema.json",
  ),
  read: (_, raw) => ({
    command: "personas",
    options: {
      json: raw.json === true,
      schema: raw.schema === true,
      color: raw.color !== false,
      wide: raw.wide === true,
    },
  }),
};

const mergeOptions = () => ({
  json: flag("--json", "the merged result document"),
  chart: flag(
    "--no-chart",
    "leave out the charts (the score over time, a sweep's approval against bad rate)",
  ),
  color: noColor(),
  html: outputPath(
    "--html <file>",
    "also write the report as a self-contained HTML page, the unsharded run's (- for standard output)",
  ),
  force: flag("--force", "let --html replace a file already there that credit-sim did not write"),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
});

export const MERGE: CommandSpec<ReturnType<typeof mergeOptions>, MergeInvocation> = {
  name: "merge",
  description: "merge `simulate --shard I/N --json` outputs into the report of the whole population",
  arguments: [["<files...>", "shard result files (JSON)"]],
  options: mergeOptions,
  help: helpText(
    "Examples:",
    "  for i in 1 2 3; do credit-sim simulate --accounts 30000 --shard $i/3 --json > shard-$i.json; done",
    "  credit-sim merge shard-1.json shard-2.json shard-3.json",
    "  credit-sim merge shard-*.json --html population.html",
  ),
  read: ([files], raw) => {
    if (raw.force === true && (raw.html === undefined || raw.html === "-"))
      throw new UsageError("--force goes with --html FILE", "it lets --html replace a file already there");
    return {
      command: "merge",
      files: list(files),
      options: {
        json: raw.json === true,
        chart: raw.chart !== false,
        color: raw.color !== false,
        wide: raw.wide === true,
        html: raw.html,
        force: raw.force === true,
      },
    };
  },
};

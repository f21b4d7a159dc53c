// `explain`, `init` and `completion`: the newcomer's commands and their options, typed.

import { InputError, UsageError } from "../../shared/errors.js";
import { quoted, shellPath } from "../../shared/text.js";
import { type CommandSpec, helpText, one } from "./command.js";
import { type DayAsked, dayOrDate, flag, noColor, policyRef, presentationAccepted } from "./table.js";
import { wordHint } from "./words.js";

export interface ExplainInvocation {
  command: "explain";
  file: string;
  options: {
    day: DayAsked;
    json: boolean;
    policy: string | undefined;
    color: boolean;
    wide: boolean;
  };
}

export interface InitInvocation {
  command: "init";
  dir: string;
  options: { force: boolean };
}

export interface CompletionInvocation {
  command: "completion";
  shell: "bash" | "zsh";
}

const explainOptions = () => ({
  // no upper bound here: the command says a day past the horizon together with the file's own problems
  day: dayOrDate("--day <n|date>", "the day to explain: its number (from the scenario's start) or its date"),
  json: flag("--json", "the explanation as JSON"),
  policy: policyRef("--policy <name|file>", "run under this policy instead of the file's"),
  color: noColor(),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
});

export const EXPLAIN: CommandSpec<ReturnType<typeof explainOptions>, ExplainInvocation> = {
  name: "explain",
  description: "why? one day of a scenario: its decisions, the values behind each reason, what to do",
  arguments: [["<file>", "scenario file (YAML or JSON)"]],
  options: explainOptions,
  help: helpText(
    "Examples:",
    "  credit-sim explain scenarios/zhang-ming.yaml --day 227",
    "  credit-sim explain scenarios/zhang-ming.yaml --day 2024-08-15",
    "  credit-sim explain scenarios/zhang-ming.yaml --day 230 --json",
  ),
  read: ([file], raw, ctx) => {
    // a --day whose value was refused is told as such, not as missing
    if (raw.day === undefined && ctx.refused?.has("day") !== true) {
      // the file given, not the README's: its days are the ones its trace shows
      const f = shellPath(one(file));
      throw new UsageError(
        "explain needs --day N",
        `credit-sim explain ${f} --day N, N a day its trace shows or its date (credit-sim run ${f})`,
      );
    }
    return {
      command: "explain",
      file: one(file),
      options: {
        // (a refused --day: the command line is refused with its problem; this is never run)
        day: raw.day ?? { day: 0 },
        json: raw.json === true,
        policy: raw.policy,
        color: raw.color !== false,
        wide: raw.wide === true,
      },
    };
  },
};

const initOptions = () => ({
  force: flag("--force", "replace an existing starter file"),
  ...presentationAccepted("what it prints"),
});

export const INIT: CommandSpec<ReturnType<typeof initOptions>, InitInvocation> = {
  name: "init",
  description: "write a commented starter scenario that passes `credit-sim test`",
  arguments: [["[dir]", "the folder to write it in (default: the current folder)"]],
  options: initOptions,
  help: helpText("Examples:", "  credit-sim init my-scenarios", "  credit-sim test my-scenarios"),
  read: ([dir], raw) => ({
    command: "init",
    dir: typeof dir === "string" ? dir : ".",
    options: { force: raw.force === true },
  }),
};

const completionOptions = () => presentationAccepted("the script");

export const COMPLETION: CommandSpec<ReturnType<typeof completionOptions>, CompletionInvocation> = {
  name: "completion",
  description: "print a shell completion script (bash or zsh)",
  arguments: [["<shell>", "bash or zsh"]],
  options: completionOptions,
  help: helpText(
    "Examples:",
    "  source <(credit-sim completion bash)               # in ~/.bashrc",
    "  credit-sim completion zsh > ~/.zfunc/_credit-sim   # a folder on $fpath",
  ),
  read: ([shell]) => {
    const s = one(shell);
    if (s !== "bash" && s !== "zsh")
      throw new InputError(`completion: unknown shell ${quoted(s)}`, {
        expected: "bash or zsh",
        found: quoted(s),
        ...wordHint(s, ["bash", "zsh"]),
      });
    return { command: "completion", shell: s };
  },
};

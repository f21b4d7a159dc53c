// `credit-sim completion bash|zsh`: the completion spec read off the commander program itself, so every
// command and flag that exists completes, and nothing that does not. Values that have a known set
// (reporters, policies, personas) are listed; paths complete as files.

import type { Command } from "commander";
import { builtinPersonaNames } from "../population/persona.js";
import type { CompletionCommand, CompletionOption, CompletionSpec } from "../render/completion.js";
import { builtinPolicyNames } from "../scenario/load-policy.js";

/** What a flag's value is, by its long name; anything else with a value takes free text. */
function flagValue(long: string): CompletionOption["value"] {
  switch (long) {
    case "--reporter":
      return ["pretty", "json", "junit", "github", "html"];
    case "--policy":
    case "--challenger":
      return [...builtinPolicyNames()];
    case "--arm":
      return ["champion", "challenger"];
    case "--avoid":
      return ["suspended", "declined"];
    case "--reach":
      return ["restored"];
    case "--html":
    case "--output":
    case "-o":
    case "--csv":
    case "--save":
      return "file";
    case "--flips":
      return "dir";
    default:
      return "any";
  }
}

const ARGS: Record<string, CompletionCommand["args"]> = {
  run: "files",
  explain: "files",
  test: "files",
  whatif: "files",
  merge: "files",
  init: "dirs",
};

export function completionSpec(program: Command): CompletionSpec {
  return {
    program: program.name(),
    commands: program.commands.map((cmd) => ({
      name: cmd.name(),
      aliases: cmd.aliases(),
      description: cmd.description(),
      options: cmd.options.map((o) => ({
        flags: [o.short, o.long].filter((f): f is string => typeof f === "string"),
        description: o.description,
        value: o.required || o.optional ? flagValue(o.long ?? o.short ?? "") : null,
      })),
      args:
        cmd.name() === "simulate"
          ? [...builtinPersonaNames()]
          : cmd.name() === "completion"
            ? ["bash", "zsh"]
            : (ARGS[cmd.name()] ?? "none"),
    })),
  };
}

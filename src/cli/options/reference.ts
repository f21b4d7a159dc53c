// `reasons`, `policies` and `schema`: the reference commands and their (few) options.

import type { CommandSpec } from "./command.js";
import { flag, noColor, presentationAccepted } from "./table.js";

export interface ReasonsInvocation {
  command: "reasons";
  options: { json: boolean; color: boolean; wide: boolean };
}
export interface PoliciesInvocation {
  command: "policies";
  options: { json: boolean; color: boolean; wide: boolean };
}
export interface SchemaInvocation {
  command: "schema";
}

const jsonOnly = () => ({
  json: flag("--json", "as JSON"),
  color: noColor(),
  wide: flag("--wide", "do not fit the table to the terminal's width"),
});

export const REASONS: CommandSpec<ReturnType<typeof jsonOnly>, ReasonsInvocation> = {
  name: "reasons",
  description: "the reason-code catalogue",
  arguments: [],
  options: jsonOnly,
  help: "\nExample:\n  credit-sim reasons",
  read: (_, raw) => ({
    command: "reasons",
    options: { json: raw.json === true, color: raw.color !== false, wide: raw.wide === true },
  }),
};

export const POLICIES: CommandSpec<ReturnType<typeof jsonOnly>, PoliciesInvocation> = {
  name: "policies",
  description: "the built-in policies, their parameters and what each means",
  arguments: [],
  options: jsonOnly,
  help: "\nExample:\n  credit-sim policies",
  read: (_, raw) => ({
    command: "policies",
    options: { json: raw.json === true, color: raw.color !== false, wide: raw.wide === true },
  }),
};

const schemaOptions = () => presentationAccepted("the schema (JSON)");

export const SCHEMA: CommandSpec<ReturnType<typeof schemaOptions>, SchemaInvocation> = {
  name: "schema",
  description: "print the JSON Schema of scenario files (for editors)",
  arguments: [],
  options: schemaOptions,
  help: "\nExample:\n  credit-sim schema > scenario.schema.json",
  read: () => ({ command: "schema" }),
};

// `reasons`, `policies` and `schema`: the reference commands and their (few) options.

import { isReasonCode, REASON_CODES, type ReasonCode } from "../../engine/index.js";
import { InputError, suggest } from "../../shared/errors.js";
import { quoted } from "../../shared/text.js";
import type { CommandSpec, Positional } from "./command.js";
import { flag, noColor, presentationAccepted } from "./table.js";

export interface ReasonsInvocation {
  command: "reasons";
  /** the codes asked for, in the catalogue's spelling; empty: the whole catalogue */
  codes: ReasonCode[];
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
  description: "the reason-code catalogue, or the codes named",
  arguments: [["[codes...]", "reason codes to show, as a trace prints them (default: every code)"]],
  options: jsonOnly,
  help: "\nExamples:\n  credit-sim reasons\n  credit-sim reasons PAST_DUE_AT_REVIEW OVERDUE_TOO_RECENT",
  read: ([given], raw) => ({
    command: "reasons",
    codes: reasonCodes(given),
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

/** How many codes a word's prefix lists by name; past them, how many more. */
const PREFIX_SHOWN = 6;

/** The code (or codes) a word not in the catalogue may mean: the codes it begins (`LIMIT`: LIMIT_AT_SCORE_CAP,
 *  LIMIT_AT_INCOME_CAP, …) or the one nearest in spelling (`OVERDUE_NWO`); else undefined. */
function codeMeant(word: string): string | undefined {
  const code = word.trim().toUpperCase().replaceAll("-", "_");
  const starting = code.length < 2 ? [] : REASON_CODES.filter((c) => c.startsWith(code));
  if (starting.length === 1) return `did you mean ${starting[0]}?`;
  if (starting.length > 1) {
    const more = starting.length - PREFIX_SHOWN;
    return `codes that start with ${code}: ${starting.slice(0, PREFIX_SHOWN).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  }
  const near = suggest(code, REASON_CODES);
  return near === undefined ? undefined : `did you mean ${near}?`;
}

/** The codes named on the command line (any case: `past_due_at_review` is the code a trace prints); every
 *  one not in the catalogue told at once, with the code it may mean. */
function reasonCodes(given: Positional): ReasonCode[] {
  const words = given === undefined ? [] : typeof given === "string" ? [given] : given;
  const codes = words.map((w) => w.trim().toUpperCase().replaceAll("-", "_"));
  const unknown = words.filter((_, i) => !isReasonCode(codes[i]!));
  if (unknown.length > 0)
    throw new InputError(`reasons: no reason code ${unknown.map(quoted).join(", ")}`, {
      expected: "a code of the catalogue, as a trace prints it (credit-sim reasons lists them)",
      found: unknown.map(quoted).join(", "),
      hint:
        unknown
          .map(codeMeant)
          .filter((s) => s !== undefined)
          .join("; ") || undefined,
    });
  return [...new Set(codes as ReasonCode[])];
}

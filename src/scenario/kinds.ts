// The kinds of file credit-sim reads — scenario, policy, persona — told apart by their top-level keys:
// a file given where another kind belongs is named for what it is (`a scenario file, not a policy file`),
// not listed key by key as unknown fields whose "remove it" would leave nothing.

import { suggest } from "../shared/errors.js";
import { PolicyFile, policyParamsShape, ScenarioSchema } from "./schema.js";

export interface OtherKind {
  noun: string;
  /** top-level keys that only this kind has */
  keys: readonly string[];
  /** every top-level key this kind may have */
  all: readonly string[];
  /** where a file of this kind goes instead */
  hint: string;
}

const scenarioKeys = Object.keys(ScenarioSchema.shape);
const policyKeys = Object.keys(PolicyFile.shape);

/** A scenario file where another kind was expected (validate's `otherKinds`). */
export const SCENARIO_KIND: OtherKind = {
  noun: "scenario",
  // a persona has a profile too; a seed is deprecated
  keys: scenarioKeys.filter((k) => !policyKeys.includes(k)).filter((k) => k !== "profile" && k !== "seed"),
  all: scenarioKeys,
  hint: "a scenario is what `run`, `explain`, `whatif` and `test` take; --policy, `policy:` and `extends` name a policy file",
};

/** A policy file where another kind was expected (validate's `otherKinds`). */
export const POLICY_KIND: OtherKind = {
  noun: "policy",
  keys: policyKeys.filter((k) => !scenarioKeys.includes(k)),
  all: policyKeys,
  hint: "name a policy file with --policy FILE, or in a scenario's `policy:` (or a `policy` event's `use:`)",
};

/** A persona file's top-level keys (population/persona-schema.ts's PersonaSchema: a layer above this one,
 *  so written out here; test/population/persona.test.ts holds the two the same). */
export const PERSONA_KEYS: readonly string[] = [
  "$schema",
  "name",
  "description",
  "share",
  "profile",
  "open",
  "spending",
  "repayment",
  "increases",
  "externalInquiries",
  "externalDebt",
  "profileChanges",
  "income",
  "support",
  "hardship",
  "jiebei",
  "reactions",
];

/** A persona file where another kind was expected (validate's `otherKinds`): a scenario or a policy given
 *  a persona was "events: missing required field", or "none of its keys … is a policy field". */
export const PERSONA_KIND: OtherKind = {
  noun: "persona",
  keys: PERSONA_KEYS.filter((k) => !scenarioKeys.includes(k) && !policyKeys.includes(k)),
  all: PERSONA_KEYS,
  hint: "a persona is what `simulate` takes (credit-sim simulate FILE…); `run`, `explain`, `whatif` and `test` take a scenario",
};

/** The top-level keys of a scenario file that a policy file does not have. */
const SCENARIO_ONLY = scenarioKeys.filter((k) => !policyKeys.includes(k));

/**
 * Whether parsed data reads as a policy, valid or not: a mapping with `extends` or a policy parameter, and
 * no key only scenarios have nor one a scenario's misspelt (`evnts`) — that makes it a scenario, broken
 * or not, whose problems are a scenario's.
 */
export function looksLikePolicy(data: unknown): boolean {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  if (!keys.some((k) => k === "extends" || k in policyParamsShape)) return false;
  return !keys.some(
    (k) => SCENARIO_ONLY.includes(k) || (!policyKeys.includes(k) && suggest(k, SCENARIO_ONLY) !== undefined),
  );
}

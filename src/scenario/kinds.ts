// The kinds of file credit-sim reads — scenario, policy, persona — told apart by their top-level keys:
// a file given where another kind belongs is named for what it is (`a scenario file, not a policy file`),
// not listed key by key as unknown fields whose "remove it" would leave nothing.

import { PolicyFile, ScenarioSchema } from "./schema.js";

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

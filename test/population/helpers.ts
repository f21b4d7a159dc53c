// Shared by the population tests: the policies, the shipped personas, two fixture personas (one tiny, one
// at every edge a scenario accepts), settings and meta builders, and an account's outcome.

import { join } from "node:path";
import { expect } from "vitest";
import { run } from "../../src/engine/index.js";
import { OutcomeRecorder } from "../../src/population/aggregate.js";
import { scenarioYaml } from "../../src/population/export.js";
import {
  challengerScenario,
  generateAccount,
  generationContext,
  type PopulationSettings,
} from "../../src/population/generate.js";
import {
  loadPersonaFile,
  loadPersonas,
  loadPersonaText,
  type Persona,
} from "../../src/population/persona.js";
import type { PopulationMeta } from "../../src/population/result.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { ROOT } from "../helpers/cli.js";

export const FIXTURES = join(ROOT, "test/fixtures/population");
export const policy = loadPolicy("default", ROOT);
export const tightened = loadPolicy("tightened", ROOT);
export const shipped = loadPersonas([]);
export const tiny = loadPersonaFile(join(FIXTURES, "tiny.yaml"));
// every amount at the edge of what a scenario file accepts, bursts far too long: the generator keeps
// each account exportable
export const extreme = loadPersonaText(
  [
    "name: extreme",
    "share: 1",
    "profile:",
    "  monthlyIncome: { median: 900000000, sigma: 5 }",
    "  externalDebt: { median: 900000000, sigma: 5 }",
    "open: { amount: { median: 900000000, sigma: 5 } }",
    "spending: { perMonth: 5, amount: { median: 900000000, sigma: 5 } }",
    "repayment: { full: 1 }",
    "increases:",
    "  perMonth: 1",
    "  amount: { median: 900000000, sigma: 5 }",
    "  bursts: { perYear: 2, count: 100000000, withinDays: 5 }",
    "externalDebt: { perYear: 3, amount: { median: 900000000, sigma: 5 } }",
    "income: { perYear: 20, change: { min: 0, max: 1000 } }",
  ].join("\n"),
  "extreme.yaml",
);

export const settings = (over: Partial<PopulationSettings> = {}): PopulationSettings => ({
  seed: 7,
  days: 365,
  start: "2024-01-01",
  policy,
  challenger: null,
  challengerFrom: 0,
  ...over,
});

export function meta(
  s: PopulationSettings,
  personas: Persona[],
  accounts: number,
  range: [number, number],
): PopulationMeta {
  return {
    seed: s.seed,
    days: s.days,
    start: s.start,
    accounts,
    range,
    personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: "0000000a" })),
    policy: { name: s.policy.name, ref: s.policy.name, fingerprint: "0000000b" },
    challenger: s.challenger
      ? { name: s.challenger.name, ref: s.challenger.name, fingerprint: "0000000c", set: {} }
      : null,
    challengerFrom: s.challengerFrom,
  };
}

export function outcomeOf(scenario: Parameters<typeof run>[0]) {
  const rec = new OutcomeRecorder();
  rec.reset(scenario.until);
  run(scenario, rec);
  return rec.finish();
}

/** Exports the first 12 accounts of every persona (shipped, tiny; the first 4 of extreme, whose accounts
 *  hold ~2,000 events each, which took two thirds of the time at 12) under one arm, loads each file back
 *  and checks it replays to the account's outcome. */
export function expectExportsReplay(s: PopulationSettings, arm: "champion" | "challenger"): void {
  const ctx = generationContext(s);
  for (const persona of [...shipped, tiny, extreme]) {
    for (let i = 0; i < (persona === extreme ? 4 : 12); i++) {
      let scenario = generateAccount(ctx, persona, i);
      if (arm === "challenger") scenario = challengerScenario(ctx, scenario);
      const expected = outcomeOf(scenario);
      const text = scenarioYaml(scenario, { policyRef: (n) => n, header: ["test"], outcome: expected });
      const loaded = loadScenarioText(text, join(ROOT, "exported.yaml"));
      expect(loaded.scenario.events).toEqual(scenario.events);
      // the file as written (no sample days observed) ends the same way…
      expect({ ...outcomeOf(loaded.scenario), scores: [] }).toEqual({ ...expected, scores: [] });
      // …and observed on the population's sample days, it is the same account in every respect
      expect(outcomeOf({ ...loaded.scenario, observe: scenario.observe })).toEqual(expected);
    }
  }
}

// Shared by the population tests: the policies, the shipped personas, two fixture personas (one tiny, one
// at every edge a scenario accepts), settings and meta builders, and the round trip of an export.

import { join } from "node:path";
import { expect } from "vitest";
import { type Policy, type PolicyParamName, type PolicyParams, simulate } from "../../src/engine/index.js";
import { scenarioYaml } from "../../src/population/export.js";
import { accountScenario } from "../../src/population/export-account.js";
import {
  loadPersonaFile,
  loadPersonas,
  loadPersonaText,
  type Persona,
} from "../../src/population/persona.js";
import { fromRange, type PopulationMeta } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import type { ArmSettings, PopulationSettings } from "../../src/population/settings.js";
import { type Population, preparePopulation, withSet } from "../../src/population/setup.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { ROOT } from "../helpers/cli.js";
import { populationRequest } from "../helpers/population-request.js";

export const FIXTURES = join(ROOT, "test/fixtures/population");
export const policy = loadPolicy("default", ROOT);
export const tightened = loadPolicy("tightened", ROOT);
export const shipped = loadPersonas([]);
export const tiny = loadPersonaFile(join(FIXTURES, "tiny.yaml"));
// every amount at the edge of what a scenario file accepts, bursts far too long: the agent keeps each
// account exportable
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
    "jiebei:",
    "  open: { p: 1, day: 5, amount: { median: 900000000, sigma: 5 } }",
    "  borrow: { perYear: 12, amount: { median: 900000000, sigma: 5 } }",
    "reactions:",
    "  declined: { elsewhere: 1, retry: { p: 1, after: 1, amount: 0.9 } }",
  ].join("\n"),
  "extreme.yaml",
);

/** An arm that runs `p` (with `set` on top) from `from` on. */
export const arm = (p: Policy, set: Partial<PolicyParams> = {}, champion = policy): ArmSettings => ({
  policy: withSet(p, set),
  use: p === champion ? null : p,
  set,
});

export const settings = (over: Partial<PopulationSettings> = {}): PopulationSettings => ({
  seed: 7,
  days: 365,
  start: "2024-01-01",
  policy,
  arms: [],
  from: 0,
  compare: over.arms?.length === 1 ? [[0, 1]] : [],
  bad: "ever90",
  scoreDay: 0,
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
    challenger:
      s.arms.length === 1
        ? { name: s.arms[0]!.policy.name, ref: s.arms[0]!.policy.name, fingerprint: "0000000c", set: {} }
        : null,
    challengerFrom: s.from,
    sweep: null,
    bad: s.bad,
    scoreDay: s.scoreDay,
    costOfFunds: 0.035,
    stress: s.stress?.day ?? null,
  };
}

/** A population of given personas and settings, as `preparePopulation` makes one (policies by name). */
export function population(s: PopulationSettings, personas: Persona[]): Population {
  return {
    personas,
    settings: s,
    meta: meta(s, personas, 1000, [0, 1000]),
    policyRefs: new Map([
      [policy.name, policy.name],
      [tightened.name, tightened.name],
    ]),
    files: [],
    cwd: process.cwd(),
    warnings: [],
  };
}

/**
 * Exports the first accounts of every persona (shipped, tiny; fewer of extreme, whose accounts hold
 * thousands of events) under one arm, loads each file back and runs it: the engine decides what the
 * population decided for that account, and ends it the same way. Four of each: a file that drops an
 * instalment plan, a Jiebei repayment's or review's line, an application's line, a drawdown's term, a
 * repayment's kind or an arm's parameters fails by the third account of some persona under every arm
 * these tests export (eight did not catch more).
 */
export function expectExportsReplay(s: PopulationSettings, armIndex: number, perPersona = 4): void {
  for (const persona of [...shipped, tiny, extreme]) {
    const pop = population(s, [persona]);
    for (let i = 0; i < (persona === extreme ? 2 : perPersona); i++) expectAccountReplays(pop, i, armIndex);
  }
}

/** Account `i` of a population under one arm, exported, loaded back and run: the same events, the same end. */
export function expectAccountReplays(pop: Population, i: number, armIndex: number): void {
  const { scenario, outcome } = accountScenario(pop, i, armIndex);
  const text = scenarioYaml(scenario, {
    policyRef: (n) => n.replace(/\*$/, ""),
    header: ["test"],
    outcome,
  });
  const loaded = loadScenarioText(text, join(ROOT, "exported.yaml"));
  expect(loaded.scenario.events.map((e) => ({ ...e, use: undefined }))).toEqual(
    scenario.events.map((e) => ({ ...e, use: undefined })),
  );
  const trace = simulate(loaded.scenario);
  expect({
    status: trace.final.status,
    score: trace.final.score,
    limit: trace.final.limit,
    balance: trace.final.balance,
  }).toEqual({
    status: outcome.finalStatus,
    score: outcome.finalScore,
    limit: outcome.finalLimit,
    balance: outcome.balance,
  });
}

/** A sweep over `values` of one parameter on the first `accounts` of a shipped persona, from day 0. */
export function sweepResult(
  persona: string,
  accounts: number,
  days: number,
  param: PolicyParamName,
  values: number[],
  scoreDay = 0,
) {
  const {
    personas,
    settings: sweep,
    meta: m,
  } = preparePopulation(
    { ...populationRequest([persona], accounts, days), sweep: [{ param, values }], scoreDay },
    ROOT,
  );
  return fromRange(m, runRange(sweep, personas, 0, accounts, {}));
}

// What the door checked for shape only, checked deep: an Agent's reactions, a population's stress settings,
// a comparison's outcomes, a search's `bySize`, a step's `facts` and `moves` — a value no run makes (NaN,
// 2^53, a word of no list) refused as an InputError naming its field, never handed to the engine (an
// Agent's `leave: NaN` drew no departure and no error; `comparisonToJson` wrote a score of NaN as null).

import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { inputErrorOf } from "./helpers/input-error.js";
import { populationRequest } from "./helpers/population-request.js";

const loaded = lib.loadScenario("scenarios/default-charge-off.yaml");
const trace = lib.simulate(loaded.scenario);
const variant = lib.baseVariant(loaded);
const vrun = lib.runVariant(variant);
const comparison = lib.compareRuns(vrun, vrun);
const start = { ...vrun, policy: loaded.scenario.policy };
const search = lib.searchCounterfactual("avoid-declined", start, (v) => lib.runVariant(v).trace, {
  budget: 2,
});
const population = lib.preparePopulation(populationRequest(["steady-payer"]), ".");
const ctx = lib.populationContext(population.settings);
const persona = population.personas[0]!;
const plan = lib.makePlan(ctx, persona, 0);
const reactions = lib.reactionsOf(persona);
const schedule = { day: [], habit: [], statement: [] };

/** the field an InputError of `f` names first, and the whole of its message */
function refused(f: () => unknown): { field: string | undefined; message: string } {
  const e = inputErrorOf(f);
  const first = e.problems[0] ?? e;
  return { field: first.details.field, message: e.message };
}

const agent = (r: unknown) => () =>
  new lib.Agent(plan, ctx, r as ReturnType<typeof lib.reactionsOf>, schedule as never);

describe("an Agent's reactions are checked deep", () => {
  const cases: Array<[string, unknown, string]> = [
    ["leave NaN", { ...reactions, leave: Number.NaN }, "reactions.leave"],
    ["resume 2", { ...reactions, resume: 2 }, "reactions.resume"],
    ["elsewhere.p 2^53", { ...reactions, elsewhere: { p: 2 ** 53, after: 3 } }, "reactions.elsewhere.p"],
    [
      "retry.after.min NaN",
      { ...reactions, retry: { p: 0.5, after: { min: Number.NaN, max: 3 }, amount: 0.5 } },
      "reactions.retry.after",
    ],
    ["spendLess text", { ...reactions, spendLess: "less" }, "reactions.spendLess"],
    [
      "identity.after a getter that throws",
      {
        ...reactions,
        identity: Object.defineProperty({ p: 0.5 }, "after", {
          enumerable: true,
          get() {
            throw new Error("boom");
          },
        }),
      },
      "reactions.identity.after",
    ],
  ];
  it.each(cases)("%s", (_, r, field) => {
    expect(refused(agent(r)).field).toMatch(new RegExp(`^${field.replace(/[.[\]]/g, "\\$&")}`));
  });
  it("good reactions, frozen, run; the argument is not written to", () => {
    const frozen = Object.freeze(structuredClone(reactions));
    expect(() => agent(frozen)()).not.toThrow();
    expect(frozen).toEqual(reactions);
  });
});

describe("a population's stress settings are checked deep", () => {
  const settings = (stress: unknown) => ({ ...population.settings, stress });
  it.each([
    ["a day of NaN", { day: Number.NaN }],
    ["a day of 2^53", { day: 2 ** 53 }],
    ["no day", {}],
    ["an unknown field", { day: 10, days: 10 }],
  ])("%s: refused", (_, stress) => {
    expect(refused(() => lib.populationContext(settings(stress) as never)).field).toMatch(
      /^settings\.stress/,
    );
    expect(refused(() => lib.runRange(settings(stress) as never, population.personas, 0, 1)).field).toMatch(
      /^settings\.stress/,
    );
  });
  it("a shock day is taken", () => {
    expect(lib.populationContext(settings({ day: 10 }) as never).settings.stress).toEqual({ day: 10 });
  });
});

describe("a comparison's outcomes are checked deep", () => {
  it.each([
    [
      "base.score NaN",
      { ...comparison, base: { ...comparison.base, score: Number.NaN } },
      "comparison.base.score",
    ],
    [
      "variant.status a word of no list",
      { ...comparison, variant: { ...comparison.variant, status: "gone" } },
      "comparison.variant.status",
    ],
    [
      "base.limit 2^53",
      { ...comparison, base: { ...comparison.base, limit: 2 ** 53 } },
      "comparison.base.limit",
    ],
    [
      "variant.jiebei.balance 1.5",
      { ...comparison, variant: { ...comparison.variant, jiebei: { ...baseJiebei(), balance: 1.5 } } },
      "comparison.variant.jiebei.balance",
    ],
  ])("%s", (_, c, field) => {
    expect(refused(() => lib.comparisonToJson(c as never)).field).toBe(field);
  });
});

function baseJiebei() {
  return { status: "active", cause: null, limit: 0, balance: 0, charges: 0 };
}

describe("a search's bySize is checked deep", () => {
  it.each([
    ["size NaN", [{ size: Number.NaN, tried: 1, complete: true }], "result.bySize[0].size"],
    ["complete text", [{ size: 1, tried: 1, complete: "yes" }], "result.bySize[0].complete"],
    ["tried -1", [{ size: 1, tried: -1, complete: true }], "result.bySize[0].tried"],
  ])("%s", (_, bySize, field) => {
    expect(refused(() => lib.counterfactualToJson({ ...search, bySize } as never)).field).toBe(field);
  });
});

describe("a step's facts and moves are checked deep", () => {
  const i = trace.steps.findIndex((s) => s.facts.length > 0);
  const j = trace.steps.findIndex((s) => s.moves.length > 0);
  const withStep = (k: number, change: Record<string, unknown>) => ({
    ...trace,
    steps: trace.steps.map((s, n) => (n === k ? { ...s, ...change } : s)),
  });
  it("the scenario has steps with both", () => {
    expect(i).toBeGreaterThanOrEqual(0);
    expect(j).toBeGreaterThanOrEqual(0);
  });
  it.each([
    ["a fact's code of no catalogue", () => ({ facts: [{ code: "NOPE" }] }), "facts[0].code"],
    [
      "a fact's threshold NaN",
      () => ({ facts: [{ ...trace.steps[i]!.facts[0]!, threshold: Number.NaN }] }),
      "facts[0].threshold",
    ],
    [
      "a fact's parameter unknown",
      () => ({ facts: [{ ...trace.steps[i]!.facts[0]!, parameter: "x" }] }),
      "facts[0].parameter",
    ],
    [
      "a move's characteristic unknown",
      () => ({ moves: [{ characteristic: "x", from: 1, to: 2 }] }),
      "moves[0].characteristic",
    ],
    [
      "a move's from NaN",
      () => ({ moves: [{ ...trace.steps[j]!.moves[0]!, from: Number.NaN }] }),
      "moves[0].from",
    ],
    ["byTime's moves", () => ({ byTime: { since: 0, delta: 1, moves: [null] } }), "byTime.moves[0]"],
  ])("%s", (_, change, field) => {
    const bad = withStep(i, change());
    expect(refused(() => lib.checkAll(bad as never, [])).field).toBe(`trace.steps[${i}].${field}`);
    expect(refused(() => lib.goldenTrace(loaded.scenario, bad.steps as never)).field).toBe(
      `steps[${i}].${field}`,
    );
  });
});

describe("a population request's stress, score day and cost of funds are checked", () => {
  const request = populationRequest(["steady-payer"]);
  it.each([
    ["stress NaN", { stress: Number.NaN }, "request.stress"],
    ["stress { day: 3 } (the settings' shape, not the request's)", { stress: { day: 3 } }, "request.stress"],
    ["scoreDay 2^53", { scoreDay: 2 ** 53 }, "request.scoreDay"],
    ["costOfFunds Infinity", { costOfFunds: Number.POSITIVE_INFINITY }, "request.costOfFunds"],
  ])("%s", (_, change, field) => {
    expect(refused(() => lib.preparePopulation({ ...request, ...change } as never, ".")).field).toBe(field);
  });
});

describe("a -0 is read as 0", () => {
  it("deep inside an argument, and as an argument itself", () => {
    const o = lib.outcome({ ...trace, final: { ...trace.final, balance: -0 } });
    expect(Object.is(o.balance, 0)).toBe(true);
    expect(Object.is(lib.yuanToFen(-0), 0)).toBe(true);
  });
});

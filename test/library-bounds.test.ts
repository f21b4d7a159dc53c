// The library's simulate/run/runScenario take a scenario built by hand: one its file would have been
// refused for is refused (a RangeError naming the field), not run into numbers no rule could make — an
// ask of ¥4,050.50 granted as asked, an age of -5 approved, an age of NaN scored.

import { describe, expect, it } from "vitest";
import type { Scenario, ScoreInputs } from "../src/engine/index.js";
import {
  band,
  explain,
  InputError,
  loadPersonaFile,
  loadPersonas,
  loadPolicy,
  loadScenario,
  loadScenarioText,
  probabilityOfDefault,
  run,
  runScenario,
  score,
  simulate,
} from "../src/index.js";
import { on, scenario, testPolicy } from "./engine/builders.js";
import { inputErrorOf } from "./helpers/input-error.js";

// the tests' policy within the bounds a policy file has (its debt-to-income of 1000 is past them)
const policy = testPolicy({ maxDebtToIncome: 100, jiebeiMaxDebtToIncome: 100 });
const base = scenario([on.open(0, 5_000), on.purchase(3, 1_200), on.repay(40, "full")], {
  until: 60,
  policy,
});
const withEvent = (i: number, patch: Record<string, unknown>): Scenario => ({
  ...base,
  events: base.events.map((e, j) => (j === i ? ({ ...e, ...patch } as typeof e) : e)),
});
const withProfile = (patch: Record<string, unknown>): Scenario => ({
  ...base,
  profile: { ...base.profile, ...patch },
});

describe("the library refuses a hand-built scenario its file would have been refused for", () => {
  it.each([
    ["not whole hundreds of yuan", 405_050],
    ["a single fen", 1],
    ["zero", 0],
  ])("a limit asked for %s", (_, amount) => {
    expect(() => simulate(withEvent(0, { amount }))).toThrow(
      /^events\[0\]\.amount: expected whole hundreds of yuan: a positive multiple of 10000 fen, found /,
    );
  });

  it("an amount of nothing", () => {
    expect(() => simulate(withEvent(1, { amount: 0 }))).toThrow(
      /^events\[1\]\.amount: expected whole fen from 1 /,
    );
    expect(() => simulate(withEvent(2, { amount: { kind: "amount", fen: 0 } }))).toThrow(
      /^events\[2\]\.amount: /,
    );
  });

  it.each([
    ["age", -5],
    ["age", 17],
    ["age", Number.NaN],
    ["age", 30.5],
    ["creditHistoryMonths", -1],
    ["creditHistoryMonths", Number.NaN],
    ["verified", "yes"],
  ])("a profile's %s of %s", (field, value) => {
    expect(() => simulate(withProfile({ [field]: value }))).toThrow(
      new RegExp(`^profile\\.${field}: expected `),
    );
  });

  it("a word from no list: an event type, a line, a repayment keyword", () => {
    expect(() => simulate(withEvent(1, { type: "purchse" }))).toThrow(
      /^events\[1\]\.type: expected one of "apply", /,
    );
    expect(() => simulate(withEvent(0, { line: "alipay" }))).toThrow(
      /^events\[0\]\.line: expected one of "huabei", "jiebei", found "alipay"$/,
    );
    expect(() => simulate(withEvent(2, { amount: { kind: "all" } }))).toThrow(/^events\[2\]\.amount\.kind: /);
  });

  it("run and runScenario check it too", () => {
    const bad = withProfile({ age: -5 });
    expect(() => run(bad, {})).toThrow(/^profile\.age: /);
    const loaded = { file: "built.yaml", scenario: bad } as unknown as Parameters<typeof runScenario>[0];
    expect(() => runScenario(loaded)).toThrow(/^profile\.age: /);
  });

  it("a bad scenario and a bad recorder or options are told at once, as every argument's problems are", () => {
    const bad = withProfile({ age: -5 });
    // the recorder's problem alone was told, and the scenario's only once it was fixed
    const both = inputErrorOf(() => run(bad, undefined as never));
    expect(both.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^profile\.age: /),
      expect.stringMatching(/^rec: expected a recorder/),
    ]);
    const withOptions = inputErrorOf(() => simulate(bad, { until: -1 } as never));
    expect(withOptions.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^profile\.age: /),
      expect.stringMatching(/^options\.until: /),
    ]);
  });

  it("a valid scenario runs as the engine runs it", () => {
    expect(
      simulate(base)
        .steps.map((s) => s.decision)
        .filter(Boolean),
    ).toEqual(["approved", "approved"]);
  });
});

// The policy the library is handed is checked as a policy file is (loadPolicy's checks, its messages):
// `minScore: NaN` ran (no score is below NaN: every one "met" it), `null` was a TypeError deep in the
// engine. What is checked is a copy, each field read once, and the copy is what runs.
describe("the library refuses a hostile object, as an InputError naming the field", () => {
  const withPolicy = (patch: Record<string, unknown>): Scenario =>
    ({ ...base, policy: { ...policy, ...patch } }) as Scenario;
  const refusal = (f: () => unknown) => inputErrorOf(f);

  it.each([
    ["minScore", Number.NaN, /^policy\.minScore: wrong type: expected a finite number, found NaN$/],
    ["minScore", Number.POSITIVE_INFINITY, /^policy\.minScore: /],
    ["revolvingRatePerDay", -0.0005, /^policy\.revolvingRatePerDay: value out of range: expected at least 0/],
    ["minScore", "600", /^policy\.minScore: wrong type: expected a number, found "600"/],
    ["limitBands", "x", /^policy\.limitBands: wrong type: expected a list/],
    ["requireVerified", 1, /^policy\.requireVerified: /],
  ])("a policy's %s of %s", (field, value, message) => {
    const e = refusal(() => simulate(withPolicy({ [field]: value })));
    expect(e.message).toMatch(message);
    expect(e.details.field).toBe(`policy.${field}`);
    // told as the CLI tells it, the field named once
    expect(e.format().split("\n")[0]).toBe(e.message);
  });

  it("a policy that is not one: null, a parameter missing, a key it has no use for", () => {
    expect(refusal(() => simulate({ ...base, policy: null } as unknown as Scenario)).message).toMatch(
      /^policy: wrong type: expected a mapping/,
    );
    const { minScore: _, ...without } = policy;
    expect(refusal(() => simulate({ ...base, policy: without } as Scenario)).message).toMatch(
      /^policy\.minScore: missing required field/,
    );
    expect(refusal(() => simulate(withPolicy({ minScroe: 600 }))).message).toMatch(
      /^policy\.minScroe: unknown field "minScroe": expected one of minOpenScore, .*… \(did you mean "minScore"\?\)$/,
    );
  });

  it("parameters each valid that make no policy together (a band that never applies)", () => {
    const limitBands = [
      { minScore: 600, maxLimit: 10_000 },
      { minScore: 700, maxLimit: 5_000 },
    ];
    expect(refusal(() => simulate(withPolicy({ limitBands }))).message).toMatch(
      /^policy\.limitBands\[1\]: a limit band that never applies/,
    );
  });

  it("a policy event's `use` and `set` as the policy", () => {
    const events = [...base.events, { type: "policy", day: 50, index: 3, use: null, set: { minScore: -1 } }];
    expect(refusal(() => simulate({ ...base, events } as Scenario)).message).toMatch(
      /^events\[3\]\.set\.minScore: value out of range/,
    );
    events[3] = { type: "policy", day: 50, index: 3, use: { ...policy, graceDays: Number.NaN }, set: {} };
    expect(refusal(() => simulate({ ...base, events } as Scenario)).message).toMatch(
      /^events\[3\]\.use\.graceDays: wrong type/,
    );
  });

  it("__proto__ and constructor keys are keys, refused, and pollute nothing", () => {
    const hostile = JSON.parse(
      JSON.stringify(policy).replace(
        /^\{/,
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
      ),
    );
    const e = refusal(() => simulate({ ...base, policy: hostile }));
    expect(e.problems.map((p) => p.details.field)).toEqual(["policy.__proto__", "policy.constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a getter that throws is told; one read twice is read once, and the value checked is the one run", () => {
    const throwing = Object.defineProperty({ ...policy }, "minScore", {
      enumerable: true,
      get: () => {
        throw new Error("no score today");
      },
    });
    expect(refusal(() => simulate({ ...base, policy: throwing })).message).toBe(
      "policy.minScore: could not be read: expected a value, found its getter threw Error: no score today",
    );
    let reads = 0;
    const shifting = Object.defineProperty({ ...base.profile }, "age", {
      enumerable: true,
      get: () => (reads++ === 0 ? 30 : Number.NaN),
    });
    expect(simulate({ ...base, profile: shifting }).steps.length).toBe(simulate(base).steps.length);
    expect(reads).toBe(1);
  });

  it("an object inside itself, and a scenario that is no object", () => {
    const profile: Record<string, unknown> = { ...base.profile };
    profile.self = profile;
    expect(refusal(() => simulate({ ...base, profile } as unknown as Scenario)).message).toMatch(
      /^profile\.self: holds itself/,
    );
    for (const bad of [null, 7, "scenario.yaml", []])
      expect(refusal(() => simulate(bad as unknown as Scenario)).message).toMatch(
        /^\(the scenario\): expected /,
      );
  });

  it("a frozen scenario runs as its unfrozen twin", () => {
    const frozen = structuredClone(base);
    const freeze = (o: unknown): unknown => {
      if (typeof o === "object" && o !== null) for (const v of Object.values(Object.freeze(o))) freeze(v);
      return o;
    };
    freeze(frozen);
    expect(simulate(frozen)).toEqual(simulate(base));
  });

  it("huge lists are refused by their length, not walked", () => {
    const many = Array.from({ length: 100_001 }, () => base.events[1]!);
    expect(refusal(() => simulate({ ...base, events: many })).message).toMatch(
      /^events: expected at most 100000 events, found a list of 100001$/,
    );
    const vast = new Array(2 ** 32 - 1);
    expect(refusal(() => simulate({ ...base, observe: vast })).message).toMatch(/^observe: too long: /);
  });

  it("every problem at once, the engine's own checks with them", () => {
    const e = refusal(() =>
      simulate({ ...withProfile({ age: -5 }), until: Number.POSITIVE_INFINITY, start: "2024-02-30" }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["start", "profile.age", "until"]);
    expect(e.problems.every((p) => p instanceof InputError)).toBe(true);
  });
});

// The scorecard's inputs built by hand: `score({})` was 350 (nothing found scored its lowest), `band(NaN)`
// "excellent" (no comparison with NaN said otherwise) — answers no file could make.
describe("the library's scorecard refuses inputs no account could have", () => {
  const inputs = simulate(base).steps.at(-1)!.inputs;
  const refused = (f: () => unknown) => inputErrorOf(f);

  it("every input of a run is taken, and scores as the engine scored it", () => {
    expect(score(inputs).score).toBe(simulate(base).steps.at(-1)!.score);
    expect(explain(inputs).length).toBe(score(inputs).points.length);
  });

  it.each([
    ["nothing", {}],
    ["NaN", { ...inputs, debtToIncome: Number.NaN }],
    ["Infinity", { ...inputs, age: Number.POSITIVE_INFINITY }],
    ["a negative count", { ...inputs, inquiries30d: -1 }],
    ["a string", { ...inputs, historyMonths: "12" }],
    ["a flag as a number", { ...inputs, verified: 1 }],
  ])("inputs of %s", (_, bad) => {
    for (const f of [score, explain])
      expect(refused(() => f(bad as unknown as ScoreInputs)).message).toMatch(/^inputs\.\w+: expected /);
  });

  it("every problem at once; no object at all", () => {
    expect(refused(() => score({} as ScoreInputs)).problems).toHaveLength(17);
    expect(refused(() => score(null as unknown as ScoreInputs)).message).toMatch(/^inputs: expected /);
  });

  it("a score that is no number has no band and no odds", () => {
    // and one the scorecard never gives: band(7) was "poor", gini(1.5) a Gini of 2
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, "700", 7, 349, 951, -1]) {
      expect(refused(() => band(value as number)).message).toMatch(
        /^score: expected a score: a number from 350 to 950, found /,
      );
      expect(refused(() => probabilityOfDefault(value as number)).message).toMatch(/^score: expected /);
    }
    expect(band(700)).toBe("excellent");
    expect([band(350), band(950)]).toEqual(["poor", "excellent"]);
  });
});

// An argument that is not the text a reader takes was a TypeError inside it (`Cannot read properties of
// null (reading 'trim')`) or the system's code (`ERR_INVALID_ARG_TYPE`): bad input naming the argument.
describe("the library's readers refuse an argument that is no path or text", () => {
  const said = (f: () => unknown): string => inputErrorOf(f).message;

  it.each([null, undefined, 7, {}, ["a.yaml"]])("%s", (bad) => {
    const x = bad as unknown as string;
    expect(said(() => loadScenario(x))).toMatch(/^file: expected a scenario file's path, found /);
    expect(said(() => loadScenarioText(x, "a.yaml"))).toMatch(
      /^text: expected a scenario's YAML or JSON text/,
    );
    expect(said(() => loadScenarioText("name: a\nevents: []\n", x))).toMatch(
      /^file: expected the file's name/,
    );
    expect(said(() => loadPolicy(x, "."))).toMatch(
      /^ref: expected a built-in policy's name or a policy file's path/,
    );
    expect(said(() => loadPolicy("default", x))).toMatch(/^baseDir: expected the folder a path starts from/);
    expect(said(() => loadPersonaFile(x))).toMatch(/^file: expected a persona file's path, found /);
    if (!Array.isArray(bad))
      expect(said(() => loadPersonas(x as unknown as string[]))).toMatch(/^refs: expected a list/);
    expect(said(() => loadPersonas([x]))).toMatch(
      /^refs\[0\]: expected a persona's name or a persona file's path/,
    );
  });

  it("runScenario of no path and no loaded scenario", () => {
    for (const bad of [null, undefined, 7, true])
      expect(said(() => runScenario(bad as unknown as string))).toMatch(
        /^source: expected a scenario file's path or a loaded scenario, found /,
      );
  });
});

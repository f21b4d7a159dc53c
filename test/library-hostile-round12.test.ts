// The twelfth hostile-input pass over the library: numbers at a double's edges, and the methods of the
// classes it exports (their constructors were checked; what a caller calls on them next was not).

import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { AccountRunner as RawAccountRunner } from "../src/population/account.js";
import { inputErrorOf } from "./helpers/input-error.js";
import { populationRequest } from "./helpers/population-request.js";

describe("histograms at a double's edges", () => {
  // counts a double holds, whose total it does not: the sums became Infinity and the figures NaN
  it.each([
    ["auc", lib.auc],
    ["ks", lib.ks],
    ["psi", lib.psi],
    ["scorePsi", lib.scorePsi],
  ])("%s refuses a histogram whose counts add up past 2^53 − 1", (_, f) => {
    const e = inputErrorOf(() => f([1e308, 1e308], [1, 1]));
    expect(e.message).toMatch(/^good|^expected|^reference/);
    expect(e.message).toMatch(
      /: expected counts that add up to at most 9007199254740991 \(2\^53 − 1; these add up to Infinity\), found \[1e308, 1e308\]$/,
    );
    expect(inputErrorOf(() => f([1, 1], [2 ** 53, 1])).details.field).toMatch(/^(bad|actual)$/);
  });

  it("auc of counts whose totals multiply past a double's range is the chance it is, not NaN", () => {
    expect(lib.auc([2 ** 52, 0], [0, 2 ** 52])).toBe(0);
    expect(lib.auc([0, 2 ** 52], [2 ** 52, 0])).toBe(1);
    // shares so small that their product is below the smallest double
    expect(lib.auc([1e-200], [1e-200])).toBe(0.5);
    expect(lib.auc([0, 1e-200], [1e-200, 0])).toBe(1);
    // products in the subnormal range, where a double keeps few digits: 0.5 and 0.4938 were given
    expect(lib.auc([1e-162, 1e-162], [1e-162, 3e-162])).toBeCloseTo(lib.auc([1, 1], [1, 3])!, 12);
    expect(lib.auc([1e-161, 1e-161], [1e-161, 1e-161])).toBeCloseTo(0.5, 12);
  });

  it("the figures of ordinary counts are unchanged", () => {
    expect(lib.auc([1, 2, 3], [3, 2, 1])).toBe((1 * 1.5 + 2 * (3 + 1) + 3 * (5 + 0.5)) / 36);
  });
});

describe("the exported classes' methods check what they are handed, as their constructors do", () => {
  const population = lib.preparePopulation(populationRequest(["steady-payer"]), ".");
  const ctx = lib.populationContext(population.settings);
  const persona = population.personas[0]!;
  const reactions = lib.reactionsOf(persona);
  const runner = new lib.AccountRunner(ctx, {});

  it("AccountRunner.run answers a good call as before", () => {
    const raw = new RawAccountRunner(lib.populationContext(population.settings), {});
    expect(runner.run(persona, reactions, 1)).toEqual(raw.run(persona, reactions, 1));
  });

  it.each([
    // a TypeError from inside
    ["no persona", [null, reactions, 0], /^persona: expected a persona: loadPersonas\(\)'s, found null$/],
    ["no reactions", [persona, undefined, 0], /^reactions: expected /],
    // each ran an account no population has, as if it were one
    ["an index of NaN", [persona, reactions, Number.NaN], /^index: expected a whole number from 0 to /],
    ["an index of -1", [persona, reactions, -1], /^index: expected a whole number from 0 to /],
    ["an index of 1.5", [persona, reactions, 1.5], /^index: expected a whole number from 0 to /],
    // an arm the population does not have ran none, and answered nothing
    [
      "an arm of 1 in a population of one arm",
      [persona, reactions, 0, 1],
      /^only: expected a whole number from 0 to 0, found 1$/,
    ],
  ])("AccountRunner.run refuses %s", (_, args, message) => {
    const e = inputErrorOf(() => (runner.run as (...a: unknown[]) => unknown)(...args));
    expect(e.message).toMatch(message);
  });

  it("AccountRunner.run checks a persona changed since its last call anew: refused when bad, run as it now is", () => {
    // a persona and reactions given again unchanged are not checked anew (their copy is kept): one changed
    // in between must not run as it was
    const own = structuredClone(persona);
    const raw = new RawAccountRunner(lib.populationContext(population.settings), {});
    expect(runner.run(own, reactions, 2)).toEqual(raw.run(own, reactions, 2));
    own.spending.perMonth = -1;
    expect(inputErrorOf(() => runner.run(own, reactions, 2)).message).toMatch(
      /^persona\.spending\.perMonth: /,
    );
    own.spending.perMonth = persona.spending.perMonth * 4;
    const busier = runner.run(own, reactions, 2);
    expect(busier).toEqual(raw.run(own, reactions, 2));
    expect(busier).not.toEqual(runner.run(persona, reactions, 2));
  });

  it("AccountRunner.run tells every problem at once", () => {
    const e = inputErrorOf(() => (runner.run as (...a: unknown[]) => unknown)(null, null, -1));
    expect(e.problems.map((p) => p.details.field)).toEqual(["persona", "reactions", "index"]);
  });
});

it("fenToYuan's refusal of 2^53 names a range 2^53 is outside of", () => {
  // it said "an integer from -2^53 to 2^53, found 9007199254740992": 2^53 itself, refused
  const e = inputErrorOf(() => lib.fenToYuan(2 ** 53));
  expect(e.message).toBe(
    "fen: expected whole fen: an integer from -(2^53 − 1) to 2^53 − 1, found 9007199254740992",
  );
  expect(lib.fenToYuan(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
});

describe("a hand-built scenario's free text is held to its file's lengths", () => {
  const loaded = lib.loadScenario("scenarios/zhang-ming.yaml");
  const sc = loaded.scenario;
  const purchase = sc.events.findIndex((e) => e.type === "purchase");
  const withEvent = (i: number, patch: Record<string, unknown>) => ({
    ...sc,
    events: sc.events.map((e, j) => (j === i ? { ...e, ...patch } : e)),
  });
  const note = { day: sc.events.at(-1)!.day, index: sc.events.length, type: "note" };

  // a file's merchant of 201 characters is refused; a hand-built one of a million ran into every trace line
  it.each([
    ["simulate", (s: unknown) => lib.simulate(s as never)],
    ["run", (s: unknown) => lib.run(s as never, {})],
    ["runScenario", (s: unknown) => lib.runScenario({ ...loaded, scenario: s } as never)],
  ])("%s refuses a merchant or a note past its file's length", (_, f) => {
    const merchant = inputErrorOf(() => f(withEvent(purchase, { merchant: "m".repeat(201) })));
    expect(merchant.message).toMatch(
      new RegExp(
        `^events\\[${purchase}\\]\\.merchant: expected text of at most 200 characters, or null, found "m+…`,
      ),
    );
    const text = inputErrorOf(() =>
      f({ ...sc, events: [...sc.events, { ...note, text: "n".repeat(2001) }] }),
    );
    expect(text.message).toMatch(/\.text: expected text of at most 2000 characters, found "n+…/);
  });

  it("the longest its file takes runs", () => {
    expect(() => lib.simulate(withEvent(purchase, { merchant: "m".repeat(200) }) as never)).not.toThrow();
    expect(() =>
      lib.simulate({ ...sc, events: [...sc.events, { ...note, text: "n".repeat(2000) }] } as never),
    ).not.toThrow();
  });
});

describe("loadPersonaFile's horizon is checked as loadPersonas' is", () => {
  const file = "personas/revolver.yaml";
  // Infinity searched for the longest horizon that fits without end; NaN was told as "about NaN events in
  // NaN days"; -1, 0 and 1.5 were taken (a horizon no population has)
  it.each([
    ["Infinity", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
    ["-1", -1],
    ["0", 0],
    ["1.5", 1.5],
    ["1e308", 1e308],
    ["text", "365"],
  ])("days of %s refused, naming days", (_, days) => {
    const e = inputErrorOf(() => lib.loadPersonaFile(file, days as number));
    expect(e.message).toMatch(/^days: expected a whole number from 1 to 36500, found /);
  });

  it("a good horizon, or none, loads it", () => {
    expect(lib.loadPersonaFile(file, 365).name).toBe("revolver");
    expect(lib.loadPersonaFile(file).name).toBe("revolver");
    expect(inputErrorOf(() => lib.loadPersonaFile(42 as never)).message).toMatch(/^file: /);
  });
});

describe("runScenario's load options are checked as loadScenario's are", () => {
  const file = "scenarios/zhang-ming.yaml";
  const loaded = lib.loadScenario(file);
  it.each([
    // a TypeError from inside
    ["null", null, /^options: expected load options, found null$/],
    // taken and ignored, where loadScenario refuses it
    ["a misspelt option", { unitl: 5 }, /^options\.unitl: unknown field "unitl" of load options$/],
    // "value out of range", no field named
    ["an until of NaN", { until: Number.NaN }, /^options\.until: expected the last day: /],
  ])("options of %s refused, for a path and a loaded scenario alike", (_, options, message) => {
    expect(inputErrorOf(() => lib.runScenario(file, options as never)).message).toMatch(message);
    expect(inputErrorOf(() => lib.runScenario(loaded, options as never)).message).toMatch(message);
  });

  it("good options run", () => {
    expect(lib.runScenario(file, { until: 5 }).trace.until).toBe(5);
    expect(lib.runScenario(file).passed).toBe(true);
  });
});

it("runScenario refuses load options with a scenario already loaded, where they were taken and ignored", () => {
  const loaded = lib.loadScenario("scenarios/zhang-ming.yaml");
  // until: 5 ran the whole 400 days: the options are loadScenario's, and it had been called
  const e = inputErrorOf(() => lib.runScenario(loaded, { until: 5, policy: "tightened" }));
  // in the options' own order (policy, until, …), as every other refusal of them
  expect(e.problems.map((p) => p.message)).toEqual([
    'options.policy: expected no policy or until with a scenario already loaded (give them to loadScenario), found "tightened"',
    "options.until: expected no policy or until with a scenario already loaded (give them to loadScenario), found 5",
  ]);
  expect(lib.runScenario(loaded, {}).trace.until).toBe(400);
  expect(lib.runScenario(loaded).passed).toBe(true);
  // what changes no run is taken, as with a path: the seed (read and ignored), a cache a loop shares over
  // paths and loaded scenarios alike
  const policyCache = new Map();
  expect(lib.runScenario("scenarios/zhang-ming.yaml", { seed: 1, policyCache }).passed).toBe(true);
  expect(lib.runScenario(loaded, { seed: 1, policyCache }).passed).toBe(true);
});

describe("a population's ranges and runners, as the rest of the library's arguments", () => {
  const population = lib.preparePopulation(populationRequest(["steady-payer"]), ".");
  const ctx = lib.populationContext(population.settings);

  it("runRange refuses a range that runs backwards, where it answered the totals of no account", () => {
    const e = inputErrorOf(() => lib.runRange(population.settings, population.personas, 5, 1));
    expect(e.message).toBe("to: expected a whole number from 5 (from) to 100000000, found 1");
    expect(lib.runRange(population.settings, population.personas, 1, 1).to).toBe(1);
  });

  it("AccountRunner refuses an option it does not have, as every options argument does ('recrod' was ignored)", () => {
    const e = inputErrorOf(() => new lib.AccountRunner(ctx, { recrod: true } as never));
    expect(e.message).toMatch(/^options\.recrod: unknown field "recrod" of options$/);
  });
});

it("preparePopulation refuses a request's misspelt field, where the population ran without it", () => {
  // stres: 30 ran no stress, challengr: "tightened" no challenger — each taken and ignored
  const e = inputErrorOf(() =>
    lib.preparePopulation(
      { ...populationRequest(["steady-payer"]), stres: 30, challengr: "x" } as never,
      ".",
    ),
  );
  expect(e.problems.map((p) => p.details.field)).toEqual(["request.stres", "request.challengr"]);
  expect(e.message).toMatch(/^request\.stres: unknown field "stres" of a population request$/);
  expect(lib.preparePopulation(populationRequest(["steady-payer"]), ".").personas).toHaveLength(1);
});

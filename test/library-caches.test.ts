// What the door let through unchecked: loadScenario's and loadScenarioText's options, loadPolicy's reading
// and `from`, compareTraces' `ids` (its callbacks' answers, its Sets), and the class instances a caller
// hands in — a policy cache (the loader's own memory: the caller's Map, taken only as the loader leaves
// it) and makePlan's random stream (a Stream, set aside for a new one: a plan is the same whatever stream
// draws it).

import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { Stream } from "../src/population/random.js";
import { inputErrorOf } from "./helpers/input-error.js";
import { populationRequest } from "./helpers/population-request.js";

const FILE = "scenarios/default-charge-off.yaml";
const TEXT = "name: x\nstart: 2024-01-01\nuntil: 10\npolicy: default\nevents: []\n";

const fieldOf = (f: () => unknown): string | undefined => {
  const e = inputErrorOf(f);
  return (e.problems[0] ?? e).details.field;
};

describe("loadScenario's and loadScenarioText's options are checked at the door", () => {
  it.each([
    ["policy a number", { policy: 5 }, "options.policy"],
    ["until NaN", { until: Number.NaN }, "options.until"],
    ["until { date } not a date", { until: { date: "soon" } }, "options.until"],
    ["roots not a list", { roots: "." }, "options.roots"],
    ["an unknown field", { polcy: "default" }, "options.polcy"],
    ["a cache of no Map", { policyCache: {} }, "options.policyCache"],
  ])("%s", (_, options, field) => {
    expect(fieldOf(() => lib.loadScenario(FILE, options as never))).toBe(field);
    expect(fieldOf(() => lib.loadScenarioText(TEXT, "x.yaml", options as never))).toBe(field);
  });
  it("good options are taken; the path is still the loader's to check", () => {
    expect(lib.loadScenario(FILE, { until: 20, roots: [] }).scenario.until).toBe(20);
    expect(fieldOf(() => lib.loadScenario(5 as never))).toBe("file");
  });
});

describe("a policy cache is the caller's Map, taken as the loader leaves it", () => {
  it("filled by one call, read by the next (the same Map)", () => {
    const policyCache = new Map();
    const policyOutcomes = new Map();
    lib.loadScenario(FILE, { policyCache, policyOutcomes });
    expect(policyCache.size).toBeGreaterThan(0);
    expect(policyOutcomes.size).toBeGreaterThan(0);
    const again = lib.loadScenario(FILE, { policyCache, policyOutcomes });
    expect(again.scenario.policy).toBe([...policyCache.values()][0]);
    expect(
      lib.loadPolicy("default", ".", { cache: policyCache, roots: [], outcomes: policyOutcomes }).name,
    ).toBe("default");
  });
  it("a policy made by hand (a copy of one read) is refused at its key", () => {
    const policyCache = new Map();
    lib.loadScenario(FILE, { policyCache });
    const [key, read] = [...policyCache.entries()][0]!;
    const handMade = new Map([[key, { ...read }]]);
    expect(fieldOf(() => lib.loadScenario(FILE, { policyCache: handMade }))).toMatch(/^options\.policyCache/);
  });
  it("a policy read is frozen through: no getter or value of the caller's can be put in it later", () => {
    const policyCache = new Map();
    lib.loadScenario(FILE, { policyCache });
    const cached = [...policyCache.values()][0]!;
    // a getter answering a good value to the door's check and NaN to the loader's read after it
    let n = 0;
    const getter = { get: () => (n++ ? Number.NaN : 450) };
    expect(() => Object.defineProperty(cached, "minScore", getter)).toThrow(TypeError);
    expect(() => Object.defineProperty(cached.limitBands[0]!, "minScore", getter)).toThrow(TypeError);
    expect(() => {
      cached.limitBands = [];
    }).toThrow(TypeError);
    // every object in it, however deep (its lists are not: the review reads them on every decision)
    const open: unknown[] = [];
    const walk = (v: unknown) => {
      if (typeof v !== "object" || v === null) return;
      if (!Array.isArray(v) && !Object.isFrozen(v)) open.push(v);
      for (const x of Object.values(v)) walk(x);
    };
    walk(cached);
    expect(open).toEqual([]);
    const again = lib.loadScenario(FILE, { policyCache });
    expect(again.scenario.policy).toBe(cached);
    expect(again.scenario.policy.minScore).toBeGreaterThanOrEqual(350);
    expect(n).toBe(0);
  });
  it("a list of a cached policy changed — a getter at an index, an object of the caller's, a proxy — is refused, its getter never called", () => {
    let n = 0;
    const getter = {
      get: () => (n++ ? { minScore: 700, maxLimit: Number.NaN } : { minScore: 700, maxLimit: 5000 }),
    };
    const changes: Array<(bands: Array<{ minScore: number; maxLimit: number }>) => void> = [
      (bands) => Object.defineProperty(bands, 0, getter),
      (bands) =>
        bands.push(
          Object.freeze(Object.defineProperty({ minScore: 700 }, "maxLimit", { get: () => n++ })) as never,
        ),
      (bands) => bands.push({ minScore: 700, maxLimit: 5000 }),
      (bands) => bands.push(new Proxy(Object.freeze({ minScore: 700, maxLimit: 5000 }), {})),
    ];
    for (const change of changes) {
      const policyCache = new Map();
      lib.loadScenario(FILE, { policyCache });
      const cached = [...policyCache.values()][0]!;
      change(cached.jiebeiLimitBands as never);
      expect(fieldOf(() => lib.loadScenario(FILE, { policyCache }))).toMatch(/^options\.policyCache/);
    }
    expect(n).toBe(0);
    // a band of plain values, frozen as the loader's are, is data like any other: its values checked
    const policyCache = new Map();
    lib.loadScenario(FILE, { policyCache });
    const cached = [...policyCache.values()][0]!;
    (cached.jiebeiLimitBands as unknown as unknown[]).push(
      Object.freeze({ minScore: 350, maxLimit: Number.NaN }),
    );
    expect(fieldOf(() => lib.loadScenario(FILE, { policyCache }))).toMatch(/^options\.policyCache/);
  });
  it("what a policy file came to is frozen as well: its result cannot be made a getter later", () => {
    const policyOutcomes = new Map();
    lib.loadScenario(FILE, { policyOutcomes });
    const outcome = [...policyOutcomes.values()][0]!;
    const good = outcome.result;
    let n = 0;
    // the door reads result twice; a getter answering the read policy to it and NaN to the loader after
    const getter = { get: () => (n++ < 2 ? good : { ...good, minScore: Number.NaN }) };
    expect(() => Object.defineProperty(outcome, "result", getter)).toThrow(TypeError);
    expect(() => {
      outcome.folder = "/elsewhere";
    }).toThrow(TypeError);
    expect(lib.loadScenario(FILE, { policyOutcomes }).scenario.policy).toBe(good);
    expect(n).toBe(0);
  });
  it("a proxy of a Map, a subclass, a Map with a method of its own: refused, never called", () => {
    class Sub extends Map {}
    const own = new Map();
    Object.defineProperty(own, "get", { value: () => ({}) });
    for (const m of [new Proxy(new Map(), {}), new Sub(), own]) {
      expect(fieldOf(() => lib.loadScenario(FILE, { policyCache: m as never }))).toBe("options.policyCache");
      expect(fieldOf(() => lib.loadPolicy("default", ".", { cache: m as never, roots: [] }))).toBe(
        "reading.cache",
      );
      expect(
        fieldOf(() => lib.loadVariant(lib.baseVariant(lib.loadScenario(FILE)), { policyCache: m as never })),
      ).toBe("options.policyCache");
    }
  });
  it("an outcome made by hand is refused", () => {
    const outcomes = new Map([["/x", { result: { name: "x" }, folder: null }]]);
    expect(
      fieldOf(() =>
        lib.loadPolicy("default", ".", { cache: new Map(), roots: [], outcomes: outcomes as never }),
      ),
    ).toMatch(/^reading\.outcomes/);
  });
});

describe("loadPolicy's reading and from are checked at the door", () => {
  it.each([
    ["roots text", [{ cache: new Map(), roots: "." }], "reading.roots"],
    ["no cache", [{ roots: [] }], "reading.cache"],
    ["from a number", [undefined, 5], "from"],
  ])("%s", (_, rest, field) => {
    expect(fieldOf(() => (lib.loadPolicy as (...a: unknown[]) => unknown)("default", ".", ...rest))).toBe(
      field,
    );
  });
});

describe("compareTraces' ids: its callbacks' answers and its Sets checked", () => {
  const trace = lib.simulate(lib.loadScenario(FILE).scenario);
  const one = () => 1;
  it.each([
    ["base answering NaN", { base: () => Number.NaN, variant: one }, "ids.base's answer"],
    ["variant answering text", { base: one, variant: () => "1" }, "ids.variant's answer"],
    ["removed a list", { base: one, variant: one, removed: [1] }, "ids.removed"],
    ["added a Set of text", { base: one, variant: one, added: new Set(["a"]) }, "ids.added[0]"],
  ])("%s", (_, ids, field) => {
    expect(fieldOf(() => lib.compareTraces(trace, trace, ids as never))).toBe(field);
  });
  it("a Set of event numbers is taken", () => {
    expect(
      lib.compareTraces(trace, trace, { base: one, variant: one, removed: new Set([1]) }).differences,
    ).toEqual([]);
  });
});

describe("makePlan's random stream: a Stream, set aside for a new one", () => {
  const population = lib.preparePopulation(populationRequest(["steady-payer"], 1), ".");
  const ctx = lib.populationContext(population.settings);
  const persona = population.personas[0]!;
  it("an object with at and random of its own is refused", () => {
    const fake = {
      at() {
        return this;
      },
      random: () => Number.NaN,
    };
    expect(fieldOf(() => lib.makePlan(ctx, persona, 0, fake as never))).toBe("rng");
  });
  it("a Stream whose random was written over draws the same plan", () => {
    const s = new Stream();
    Object.defineProperty(s, "random", { value: () => Number.NaN });
    expect(lib.makePlan(ctx, persona, 0, s)).toEqual(lib.makePlan(ctx, persona, 0));
  });
});

describe("searchCounterfactual reads of each run's trace what the search reads; a solution's, whole", () => {
  const loaded = lib.loadScenario(FILE);
  const vrun = lib.runVariant(lib.baseVariant(loaded));
  const start = { ...vrun, policy: loaded.scenario.policy };
  /** `trace` with its snapshots, final and grid read through getters that count their reads */
  const counted = (trace: lib.Trace, reads: { n: number }, final: unknown = trace.final) => {
    const t: Record<string, unknown> = { ...trace };
    for (const k of ["snapshots", "final", "grid"]) {
      const value = k === "final" ? final : t[k];
      Object.defineProperty(t, k, {
        enumerable: true,
        get: () => {
          reads.n++;
          return value;
        },
      });
    }
    return t as unknown as lib.Trace;
  };
  it("the fields no search reads are read of its solutions alone, and they leave whole", () => {
    const reads = { n: 0 };
    let runs = 0;
    const result = lib.searchCounterfactual("avoid-suspended", start, (v) => {
      runs++;
      return counted(lib.runVariant(v).trace, reads);
    });
    expect(result.status).toBe("solved");
    expect(runs).toBeGreaterThan(result.solutions.length);
    expect(reads.n).toBeLessThanOrEqual(3 * result.solutions.length);
    for (const s of result.solutions) {
      expect(s.trace).toEqual(lib.runVariant(s.variant).trace);
      expect(s.trace.snapshots).toBeInstanceOf(Map);
    }
  });
  it("a solution's trace bad where the search did not read it is refused as evaluate's answer", () => {
    const e = inputErrorOf(() =>
      lib.searchCounterfactual("avoid-suspended", start, (v) =>
        counted(lib.runVariant(v).trace, { n: 0 }, { ...vrun.trace.final, score: Number.NaN }),
      ),
    );
    expect((e.problems[0] ?? e).details.field).toBe("evaluate's answer.final.score");
  });
});

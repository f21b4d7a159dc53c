// Every function the library exports, handed hostile arguments — NaN, Infinity, a negative, text where a
// number goes, `__proto__` and `constructor` keys, a getter that throws, one that answers a good value and
// then a bad one, an object inside itself, a frozen one, a list of 2³² − 1, a field deep inside corrupted:
// each ends in an InputError (or, where the value is one the function takes, an answer), never a
// TypeError, a RangeError or a hang.

import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { fromRange } from "../src/population/result.js";
import { InputError } from "../src/shared/errors.js";
import { populationRequest } from "./helpers/population-request.js";

const loaded = lib.loadScenario("scenarios/default-charge-off.yaml");
const trace = lib.simulate(loaded.scenario);
const variant = lib.baseVariant(loaded);
const vrun = lib.runVariant(variant);
const request = populationRequest(["steady-payer"]);
const population = lib.preparePopulation(request, ".");
const ctx = lib.populationContext(population.settings);
const persona = population.personas[0]!;
const plan = lib.makePlan(ctx, persona, 0);
const result = fromRange(population.meta, lib.runRange(population.settings, population.personas, 0, 2));
const inputs = trace.final.inputs ?? trace.steps[0]!.inputs;
const scoring = lib.score(inputs);
const comparison = lib.compareRuns(vrun, lib.runVariant(variant));
const start = { ...vrun, policy: loaded.scenario.policy };
const search = lib.searchCounterfactual("avoid-declined", start, (v) => lib.runVariant(v).trace, {
  budget: 2,
});
// each run's trace the same good one: the door checks every answer as it checks a real run's, and a call
// answered runs no simulation (a run of the search simulated the whole file, hundreds of times a file)
const evaluate = () => vrun.trace;
const candidate = { day: 5, change: { kind: "skip-purchase" } };
const histogram = [1, 2, 3, 4];
const opts = { policyRef: (n: string) => n, header: ["h"] };

/** each exported function and a call of it that is good: its arguments */
const GOOD: Record<string, () => unknown[]> = {
  AccountRunner: () => [ctx, {}],
  Agent: () => [plan, ctx, lib.reactionsOf(persona), { day: [], habit: [], statement: [] }],
  InputError: () => ["a problem", { field: "x" }],
  OutcomeRecorder: () => [{}, ctx],
  adviceText: () => [search, search.solutions[0] ?? { candidates: [candidate] }],
  applyEdit: () => [variant, { kind: "remove", ids: [1] }],
  auc: () => [histogram, histogram],
  band: () => [700],
  baseVariant: () => [loaded],
  builtinPolicyNames: () => [],
  checkAll: () => [trace, loaded.expectations],
  checkExpectation: () => [trace, loaded.expectations[0]],
  clauseText: () => [candidate],
  compareRuns: () => [vrun, vrun],
  compareTraces: () => [trace, trace, { base: () => 1, variant: () => 1 }],
  comparisonToJson: () => [comparison],
  counterfactualToJson: () => [search],
  decisionsById: () => [vrun],
  documentText: () => [result],
  editOf: () => [candidate],
  explain: () => [inputs],
  fenToYuan: () => [150],
  fromDocument: () => [JSON.parse(lib.documentText(result)), "a.json"],
  gini: () => [0.75],
  goldenTrace: () => [loaded.scenario, trace.steps],
  keyText: () => [{ kind: "event", id: 1 }],
  ks: () => [histogram, histogram],
  loadPersonaFile: () => ["personas/steady-payer.yaml"],
  loadPersonas: () => [["steady-payer"], "."],
  loadPolicy: () => ["default", "."],
  loadScenario: () => ["scenarios/default-charge-off.yaml"],
  loadScenarioText: () => ["name: x\nstart: 2024-01-01\nuntil: 10\npolicy: default\nevents: []\n", "x.yaml"],
  loadVariant: () => [variant],
  makePlan: () => [ctx, persona, 1],
  mergeResults: () => [[{ result, file: "a.json" }]],
  outcome: () => [trace],
  personaJsonSchema: () => [],
  populationContext: () => [population.settings],
  preparePopulation: () => [request, "."],
  probabilityOfDefault: () => [700],
  problemText: () => [search],
  psi: () => [histogram, histogram],
  reactionsOf: () => [persona],
  run: () => [loaded.scenario, { end: () => undefined }],
  runRange: () => [population.settings, population.personas, 0, 1],
  runScenario: () => [loaded],
  runVariant: () => [variant],
  scenarioJsonSchema: () => [],
  scenarioYaml: () => [loaded.scenario, opts],
  score: () => [inputs],
  scorePsi: () => [histogram, histogram],
  scoreReasons: () => [{ ...scoring, inputs }],
  searchCounterfactual: () => ["avoid-declined", start, evaluate, { budget: 2 }],
  simulate: () => [loaded.scenario],
  summarise: () => [result],
  variantYaml: () => [variant, "out.yaml"],
  yuanToFen: () => [1.5],
};

const CLASSES = new Set(["AccountRunner", "Agent", "InputError", "OutcomeRecorder"]);

/** `name` called with `args` (a class constructed) */
function call(name: string, args: readonly unknown[]): unknown {
  const f = (lib as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
  return CLASSES.has(name) ? new (f as unknown as new (...a: unknown[]) => unknown)(...args) : f(...args);
}

/** what a call ends in: "ok", "refused" (an InputError), or the error it should never be */
function ending(name: string, args: readonly unknown[]): "ok" | "refused" | Error {
  try {
    call(name, args);
    return "ok";
  } catch (e) {
    if (e instanceof InputError) return "refused";
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** an error's first line and where it came from (what a failure shows) */
const shown = (e: Error) => `${e.name}: ${e.message} ${e.stack?.split("\n")[1]?.trim() ?? ""}`;

const cyclic = (): unknown => {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
};
const throwing = (): unknown =>
  Object.defineProperty({}, "kind", {
    enumerable: true,
    get() {
      throw new Error("boom");
    },
  });
const revoked = (): unknown => {
  const p = Proxy.revocable({}, {});
  p.revoke();
  return p.proxy;
};
const huge = (): unknown => new Array(2 ** 32 - 1);
const protoKeys = (): unknown =>
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}');

/** values no argument takes: each must be refused */
const HOSTILE: Record<string, () => unknown> = {
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  "a symbol": () => Symbol("x"),
  "an object inside itself": cyclic,
  "a getter that throws": throwing,
  "a revoked proxy": revoked,
  "a list of 2^32 - 1": huge,
  "__proto__ and constructor keys": protoKeys,
};
/** values some arguments take: refused or answered, never a TypeError */
const ODD: Record<string, () => unknown> = {
  "-1": () => -1,
  "1.5": () => 1.5,
  text: () => "x",
  null: () => null,
  "an empty object": () => ({}),
  "an empty list": () => [],
  "a function": () => () => undefined,
  "a frozen object": () => Object.freeze({ kind: "event", id: 1 }),
};

/** what a field deep inside is corrupted to */
const CORRUPT: Record<string, () => unknown> = {
  NaN: HOSTILE.NaN!,
  "a symbol": HOSTILE["a symbol"]!,
  "an object inside itself": cyclic,
  "a getter that throws": throwing,
  "-1": ODD["-1"]!,
  text: ODD.text!,
  null: ODD.null!,
  "an empty object": ODD["an empty object"]!,
  "a function": ODD["a function"]!,
};

const NAMES = Object.keys(GOOD);

it("the table holds every function the library exports", () => {
  const exported = Object.entries(lib)
    .filter(([, v]) => typeof v === "function")
    .map(([k]) => k)
    .sort();
  expect(NAMES.slice().sort()).toEqual(exported);
});

describe.each(NAMES)("%s", (name) => {
  const good = GOOD[name]!();

  it("the good call is answered", () => {
    const e = ending(name, good);
    expect(e === "ok" ? e : e === "refused" ? "refused" : shown(e)).toBe("ok");
  });

  it("each argument hostile: refused as an InputError", () => {
    // the error's own constructor defines what it is given (`new InputError(null)` says "null")
    const want = name === "InputError" ? "ok" : "refused";
    const wrong: string[] = [];
    good.forEach((_, i) => {
      for (const [what, make] of Object.entries(HOSTILE)) {
        // run's recorder is the caller's own object, its methods called on it: one with none (an object
        // inside itself, one of odd keys) records nothing — what `run(s, {})` has always been
        if (
          name === "run" &&
          i === 1 &&
          ["an object inside itself", "__proto__ and constructor keys"].includes(what)
        )
          continue;
        const args = [...good];
        args[i] = make();
        const e = ending(name, args);
        if (e !== want)
          wrong.push(
            `argument ${i} ${what}: ${e === "ok" ? "answered" : e === "refused" ? "refused" : shown(e)}`,
          );
      }
      for (const [what, make] of Object.entries(ODD)) {
        const args = [...good];
        args[i] = make();
        const e = ending(name, args);
        if (e instanceof Error) wrong.push(`argument ${i} ${what}: ${shown(e)}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it("a field deep inside corrupted: refused or answered, never a TypeError", () => {
    const wrong: string[] = [];
    good.forEach((arg, i) => {
      for (const path of samplePaths(arg, 5)) {
        for (const [what, make] of Object.entries(CORRUPT)) {
          const args = [...good];
          args[i] = replaced(arg, path, make());
          const e = ending(name, args);
          if (e instanceof Error) wrong.push(`argument ${i} at ${path.join(".")} ${what}: ${shown(e)}`);
        }
      }
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("a getter that answers a good value, then a bad one: the good one is what runs", () => {
    const wrong: string[] = [];
    good.forEach((arg, i) => {
      if (typeof arg !== "object" || arg === null || Array.isArray(arg) || arg instanceof Map) return;
      const args = [...good];
      args[i] = changing(arg as Record<string, unknown>);
      const e = ending(name, args);
      if (e !== "ok") wrong.push(`argument ${i}: ${e === "refused" ? "refused" : shown(e)}`);
    });
    expect(wrong).toEqual([]);
  });

  it("frozen arguments: answered as the same unfrozen (never written to)", () => {
    if (name === "OutcomeRecorder") return; // the object it fills is the one argument written to
    const e = ending(name, good.map(deepFrozen));
    expect(e === "ok" ? e : e === "refused" ? "refused" : shown(e)).toBe("ok");
  });
});

it("a `__proto__` key pollutes nothing", () => {
  for (const name of NAMES) {
    const good = GOOD[name]!();
    good.forEach((_, i) => {
      const args = [...good];
      args[i] = protoKeys();
      ending(name, args);
    });
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

// --- helpers ---

/** up to `n` paths into `value`'s data (objects and lists), spread over it, leaves and inner objects */
function samplePaths(value: unknown, n: number): PropertyKey[][] {
  const all: PropertyKey[][] = [];
  const walk = (v: unknown, path: PropertyKey[], depth: number) => {
    if (all.length > 5000 || depth > 8) return;
    if (v instanceof Map) {
      const first = v.keys().next();
      if (!first.done) walk(v.get(first.value), [...path, first.value as PropertyKey], depth + 1);
      return;
    }
    if (typeof v !== "object" || v === null || ArrayBuffer.isView(v)) return;
    const keys = Array.isArray(v)
      ? [0, v.length - 1].filter((k, j, a) => k >= 0 && a.indexOf(k) === j)
      : Object.keys(v);
    for (const k of keys) {
      all.push([...path, k]);
      walk((v as Record<PropertyKey, unknown>)[k], [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  if (all.length <= n) return all;
  const step = all.length / n;
  return Array.from({ length: n }, (_, j) => all[Math.floor(j * step)]!);
}

/** `value` with the field at `path` set to `to` (a copy along the path; the rest shared) */
function replaced(value: unknown, path: readonly PropertyKey[], to: unknown): unknown {
  if (path.length === 0) return to;
  const [key, ...rest] = path;
  if (value instanceof Map) {
    const m = new Map(value);
    m.set(key, replaced(value.get(key), rest, to));
    return m;
  }
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<PropertyKey, unknown>;
  Object.defineProperty(copy, key!, {
    value: replaced((value as Record<PropertyKey, unknown>)[key!], rest, to),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** `o` with each of its fields a getter that answers the field's value once, then null */
function changing(o: Record<string, unknown>): Record<string, unknown> {
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    let reads = 0;
    Object.defineProperty(out, k, { enumerable: true, get: () => (reads++ === 0 ? v : null) });
  }
  return out;
}

/** a copy of `value` frozen through (plain objects and lists; a Map, a typed array, a class's instance kept) */
function deepFrozen<T>(value: T): T {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value) || value instanceof Map)
    return value;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  const copy = Array.isArray(value)
    ? value.map(deepFrozen)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepFrozen(v)]));
  return Object.freeze(copy) as T;
}

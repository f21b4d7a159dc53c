// @module-tag property
// Random timelines written as a scenario file, loaded, saved by what-if and loaded again run to the same
// trace: the written shape (yuan, days, policy references, any text) loses nothing the engine reads.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { expect, it } from "vitest";
import { applyPolicyEvent } from "../../src/engine/index.js";
import { simulate } from "../../src/engine/simulate.js";
import type { Scenario, ScenarioEvent, Trace } from "../../src/engine/types.js";
import { scenarioYaml } from "../../src/population/export.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { conflictsWritten } from "../../src/scenario/policy-sense.js";
import { policyParamsShape } from "../../src/scenario/schema.js";
import { InputError } from "../../src/shared/errors.js";
import { variantYaml } from "../../src/whatif/save.js";
import { baseVariant } from "../../src/whatif/variant.js";
import { scenarioArb } from "../engine/arbitraries.js";
import { DEFAULT_POLICY, TIGHTENED_POLICY } from "../engine/builders.js";
import { propertyRuns } from "../helpers/property-seed.js";

const RUNS = propertyRuns(15);
const FILE = join(fileURLToPath(new URL("../..", import.meta.url)), "scenarios", "roundtrip.yaml");

const text = fc.string({ unit: "grapheme" });

/** Timelines: shipped policies by name, a policy event that says something, parameters as `digits` of
 *  significant digits make them, and any text in names and notes. */
const timelines = (digits: number): fc.Arbitrary<Scenario> =>
  fc
    .record({
      sc: scenarioArb,
      policy: fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
      name: text,
      description: text,
      note: text,
    })
    .map(({ sc, policy, name, description, note }) => ({
      ...sc,
      name: name.trim() === "" ? "x" : name,
      description,
      policy,
      events: sc.events
        .filter((e) => e.type !== "policy" || e.use !== null || Object.keys(e.set).length > 0)
        .map((e) => {
          if (e.type === "note") return { ...e, text: e.text + note };
          if (e.type !== "policy") return e;
          // to `digits` significant digits where the parameter's bounds still hold (graceDays 27 to one
          // digit is 30, past its 27: a value no file may hold, which is not what this property is about)
          const rounded = (k: string, v: number) => {
            const r = Number(v.toPrecision(digits));
            const shape = policyParamsShape[k as keyof typeof policyParamsShape];
            return shape === undefined || shape.safeParse(r).success ? r : v;
          };
          const set = Object.fromEntries(
            Object.entries(e.set).map(([k, v]) => [k, typeof v === "number" ? rounded(k, v) : v]),
          );
          const use = e.use === null ? null : e.use.name === "tightened" ? TIGHTENED_POLICY : DEFAULT_POLICY;
          return { ...e, use, set };
        }),
    }));

/** What a file can hold: parameters of at most 15 significant digits (the loader keeps no more), and no
 *  `set` of parameters that make no policy with the rest (a bill due on or after the next statement: the
 *  loader refuses it, test/scenario/bad-input.test.ts) — such a `set` leaves those parameters out. */
const writable = timelines(12).map(holdable);

function holdable(sc: Scenario): Scenario {
  let current = sc.policy;
  const kept = new Map<ScenarioEvent, ScenarioEvent>();
  for (const e of [...sc.events].sort((a, b) => a.day - b.day || a.index - b.index)) {
    if (e.type !== "policy") continue;
    const set: Record<string, unknown> = { ...e.set };
    for (const c of conflictsWritten(applyPolicyEvent(current, e.use, set), Object.keys(set), ""))
      for (const name of c.params) delete set[name];
    current = applyPolicyEvent(current, e.use, set);
    kept.set(e, { ...e, set });
  }
  const events = sc.events
    .map((e) => kept.get(e) ?? e)
    .filter((e) => e.type !== "policy" || e.use !== null || Object.keys(e.set).length > 0);
  return { ...sc, events };
}

/** The steps without event indices: a file numbers its events in the order it lists them. */
const steps = (t: Trace): unknown =>
  JSON.parse(JSON.stringify(t.steps, (k, v) => (k === "index" ? undefined : v)));

it("a timeline written out, loaded, saved by what-if and loaded again runs to the same trace", () => {
  fc.assert(
    fc.property(writable, (sc) => {
      const written = scenarioYaml(sc, { policyRef: (name) => name, header: ["round trip"] });
      const loaded = loadScenarioText(written, FILE);
      const trace = steps(simulate(sc));
      expect(steps(simulate(loaded.scenario)), written).toEqual(trace);
      const saved = variantYaml(baseVariant(loaded), FILE);
      expect(steps(simulate(loadScenarioText(saved, FILE).scenario)), saved).toEqual(trace);
    }),
    { numRuns: RUNS },
  );
});

/** The same with parameters of up to 17 significant digits: every double, 0.1 + 0.2 included. */
const anyNumbers = fc.integer({ min: 1, max: 17 }).chain(timelines).map(holdable);

it("load(write(x)) is x for what a file can keep, and what it cannot is refused at the write, naming the field", () => {
  fc.assert(
    fc.property(anyNumbers, (sc) => {
      let written: string;
      try {
        written = scenarioYaml(sc, { policyRef: (name) => name, header: ["round trip"] });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        const { field, found } = (e as InputError).details;
        expect(field).toMatch(/^events\[\d+\]\.set\.\w+$/);
        expect(
          String(found)
            .replace(/^-|\.|e.*$/g, "")
            .replace(/^0+/, "").length,
        ).toBeGreaterThan(15);
        return;
      }
      // a file numbers its events in the order it lists them; the days observed follow its expectations
      const plain = (x: unknown): unknown =>
        JSON.parse(JSON.stringify(x, (k, v) => (k === "index" || k === "observe" ? undefined : v)));
      const loaded = loadScenarioText(written, FILE);
      // a description is one paragraph (normalise.ts): what a file keeps of it, its ends trimmed and its
      // line breaks folded to a space — the trace's one-line header shows no more
      const kept = { ...sc, description: sc.description.trim().replace(/\s*[\r\n]+\s*/g, " ") };
      expect(plain(loaded.scenario), written).toEqual(plain(kept));
      const saved = loadScenarioText(variantYaml(baseVariant(loaded), FILE), FILE);
      expect(plain(saved.scenario.events), written).toEqual(plain(sc.events));
    }),
    {
      numRuns: RUNS,
      // a description of a space alone loaded as none (PROPERTY_SEED=292804960): a file keeps one paragraph,
      // trimmed, which the property compared with the description drawn as it was drawn
      examples: [[{ ...fc.sample(anyNumbers, { numRuns: 1, seed: 1 })[0]!, description: " " }]],
    },
  );
});

it("0.1 + 0.2 set by a policy event is refused when written, by its field, not written for the loader to refuse", () => {
  const sc = fc.sample(writable, { numRuns: 1, seed: 1 })[0]!;
  const policy = {
    index: 0,
    day: 0,
    type: "policy" as const,
    use: null,
    set: { maxDebtToIncome: 0.1 + 0.2 },
  };
  const write = () => scenarioYaml({ ...sc, events: [policy] }, { policyRef: (name) => name, header: [] });
  expect(write).toThrow(InputError);
  expect(write).toThrow("events[0].set.maxDebtToIncome: 0.30000000000000004 cannot be written exactly");
});

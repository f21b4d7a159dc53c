// Random timelines written as a scenario file, loaded, saved by what-if and loaded again run to the same
// trace: the written shape (yuan, days, policy references, any text) loses nothing the engine reads.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { Scenario, Trace } from "../../src/engine/types.js";
import { scenarioYaml } from "../../src/population/export.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { variantYaml } from "../../src/whatif/save.js";
import { baseVariant } from "../../src/whatif/variant.js";
import { scenarioArb } from "../engine/arbitraries.js";
import { DEFAULT_POLICY, TIGHTENED_POLICY } from "../engine/builders.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 0) || 15;
const FILE = join(fileURLToPath(new URL("../..", import.meta.url)), "scenarios", "roundtrip.yaml");

const text = fc.string({ unit: "grapheme" });

/** Timelines a file can hold: shipped policies by name, a policy event that says something, parameters of
 *  at most 15 significant digits (the loader keeps no more), and any text in names and notes. */
const writable: fc.Arbitrary<Scenario> = fc
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
        const set = Object.fromEntries(
          Object.entries(e.set).map(([k, v]) => [k, typeof v === "number" ? Number(v.toPrecision(12)) : v]),
        );
        const use = e.use === null ? null : e.use.name === "tightened" ? TIGHTENED_POLICY : DEFAULT_POLICY;
        return { ...e, use, set };
      }),
  }));

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

// Mends of the library's door: a hand-built scenario's misspelt field refused as its file's would be.

import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { inputErrorOf } from "./helpers/input-error.js";

describe("a hand-built scenario's field that no scenario has is refused, as its file's would be", () => {
  const loaded = lib.loadScenario("scenarios/zhang-ming.yaml");
  const sc = loaded.scenario;
  const purchase = sc.events.findIndex((e) => e.type === "purchase");
  const withEvent = (patch: Record<string, unknown>) => ({
    ...sc,
    events: sc.events.map((e, j) => (j === purchase ? { ...e, ...patch } : e)),
  });

  // each was taken and ignored: `evnets` ran a scenario of no events as the one written
  it.each([
    ["simulate", (s: unknown) => lib.simulate(s as never)],
    ["run", (s: unknown) => lib.run(s as never, {})],
    ["runScenario", (s: unknown) => lib.runScenario({ ...loaded, scenario: s } as never)],
  ])("%s refuses a misspelt field of the scenario, its profile and an event", (_, f) => {
    const top = inputErrorOf(() => f({ ...sc, evnets: [] }));
    expect(top.message).toBe(
      'evnets: unknown field "evnets": expected one of name, description, start, until, seed, policy, profile, events, observe (did you mean "events"?)',
    );
    expect(top.details.field).toBe("evnets");
    expect(inputErrorOf(() => f({ ...sc, profile: { ...sc.profile, agee: 30 } })).message).toMatch(
      /^profile\.agee: unknown field "agee": expected one of age, monthlyIncome, .* \(did you mean "age"\?\)$/,
    );
    expect(inputErrorOf(() => f(withEvent({ merchnat: "x" }))).message).toBe(
      `events[${purchase}].merchnat: unknown field "merchnat": expected one of day, index, type, amount, merchant, instalments (did you mean "merchant"?)`,
    );
    // a word near no field is told to be removed
    expect(inputErrorOf(() => f(withEvent({ zzz: 1 }))).message).toMatch(
      /\.zzz: unknown field "zzz": .* \(remove it\)$/,
    );
  });

  it("every shipped scenario, as loaded, runs as before", () => {
    for (const file of ["zhang-ming", "default-charge-off"])
      expect(lib.simulate(lib.loadScenario(`scenarios/${file}.yaml`).scenario).steps.length).toBeGreaterThan(
        0,
      );
  });
});

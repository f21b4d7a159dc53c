// The library's simulate/run/runScenario take a scenario built by hand: one its file would have been
// refused for is refused (a RangeError naming the field), not run into numbers no rule could make — an
// ask of ¥4,050.50 granted as asked, an age of -5 approved, an age of NaN scored.

import { describe, expect, it } from "vitest";
import type { Scenario } from "../src/engine/index.js";
import { run, runScenario, simulate } from "../src/index.js";
import { on, scenario } from "./engine/builders.js";

const base = scenario([on.open(0, 5_000), on.purchase(3, 1_200), on.repay(40, "full")], { until: 60 });
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

  it("a valid scenario runs as the engine runs it", () => {
    expect(
      simulate(base)
        .steps.map((s) => s.decision)
        .filter(Boolean),
    ).toEqual(["approved", "approved"]);
  });
});

// The engine takes a validated scenario; a library caller may hand it one built by hand. What the driver's
// loop relies on to end — the last day and event days whole days within the century a file may reach,
// the events in day order — and the money it adds up (whole fen) are checked before the first day: a
// RangeError naming the field, never a loop that does not end nor a trace that silently leaves events out.

import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/engine/index.js";
import { simulate } from "../../src/engine/index.js";
import { on, scenario } from "./builders.js";

const base = scenario([on.open(0, 5_000), on.purchase(3, 1_200), on.repay(40, "full")], { until: 60 });
const withEvent = (i: number, patch: Record<string, unknown>): Scenario => ({
  ...base,
  events: base.events.map((e, j) => (j === i ? ({ ...e, ...patch } as typeof e) : e)),
});

describe("simulate refuses a scenario its loop cannot run, naming the field", () => {
  it.each([
    ["Infinity", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
    ["past a century", 10_000_000],
    ["a fraction", 60.5],
    ["negative", -1],
  ])("until %s", (_, until) => {
    expect(() => simulate({ ...base, until })).toThrow(/^until: /);
  });

  it.each([
    ["NaN", Number.NaN],
    ["a fraction", 3.5],
    ["negative", -5],
    ["past a century", 36_501],
  ])("an event's day %s", (_, day) => {
    expect(() => simulate(withEvent(1, { day }))).toThrow(/^events\[1\]\.day: /);
  });

  it("events out of day order", () => {
    expect(() => simulate({ ...base, events: [...base.events].reverse() })).toThrow(
      /^events\[1\]\.day: expected no earlier than the event before it \(day 40\), found 3$/,
    );
  });

  it.each([
    ["NaN", Number.NaN],
    ["a fraction of a fen", 0.5],
    ["negative", -100_000],
  ])("an amount %s", (_, amount) => {
    expect(() => simulate(withEvent(1, { amount }))).toThrow(/^events\[1\]\.amount: /);
  });

  it("a repayment's amount in fen", () => {
    expect(() => simulate(withEvent(2, { amount: { kind: "amount", fen: Number.NaN } }))).toThrow(
      /^events\[2\]\.amount: expected whole fen/,
    );
  });

  it("an observed day that is not a whole day", () => {
    expect(() => simulate({ ...base, observe: [Number.NaN] })).toThrow(/^observe\[0\]: /);
  });

  it("a valid scenario runs as before", () => {
    expect(
      simulate(base)
        .steps.map((s) => s.decision)
        .filter(Boolean),
    ).toEqual(["approved", "approved"]);
  });
});

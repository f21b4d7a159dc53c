// Stories of an eighth round, told from the article and the format alone (test/fixtures/scenarios): each
// fixture's expectations are replayed with the rest; here, what a customer reads in them, step by step.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explain, type Step } from "../src/engine/index.js";
import { runScenario } from "../src/run-scenario.js";
import { describeFact } from "../src/scenario/format.js";
import { ROOT } from "./helpers/cli.js";

const fixture = (name: string) => join(ROOT, "test/fixtures/scenarios", name);
const at = (steps: readonly Step[], type: string, day: number) =>
  steps.find((s) => s.event.type === type && s.day === day)!;
/** A characteristic's value on a step's score inputs, by the reason code it is cited as. */
const characteristicValue = (s: Step, reason: string) =>
  explain(s.inputs).find((f) => f.characteristic.reason === reason)!.value;

describe("stories of an eighth round (test/fixtures/scenarios)", () => {
  it("张明, his limit cut first: the review cuts to the score's band, customer service names the day an increase can be made, and that day's application gives it back", () => {
    const run = runScenario(fixture("zhang-ming-cut-in-chinese.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // cut, not suspended: nothing was past due at the review
    expect(steps.filter((s) => s.status !== "active")).toEqual([]);
    const cut = at(steps, "review", 74);
    expect(cut).toMatchObject({ decision: "limit_reduced", limit: 300_000 });
    expect(cut.facts[0]).toMatchObject({ code: "SCORE_BELOW_LIMIT_BAND", threshold: 300_000 });
    // the way back, as customer service says it: an increase from 2024-09-11 (day 254)
    const call = at(steps, "contact_support", 76);
    expect(call.remedies).toContainEqual(
      expect.objectContaining({
        kind: "limit_cut",
        from: 1_000_000,
        to: 300_000,
        increase: expect.objectContaining({ day: 254 }),
      }),
    );
    expect(at(steps, "apply", 250)).toMatchObject({ decision: "declined" });
    expect(at(steps, "apply", 260)).toMatchObject({ decision: "approved", limit: 1_000_000 });
  });

  it("a Jiebei loan declined on instalment-to-income names the term and the amount that fit; the longer term is lent", () => {
    const run = runScenario(fixture("jiebei-over-a-longer-term.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const declined = at(run.trace.steps, "borrow", 2);
    expect(describeFact(declined.facts[0]!)).toBe(
      "0.87 vs jiebeiMaxInstalmentToIncome 0.50; the same amount over 6 months would be lent, or up to ¥8,600.00 over the same term",
    );
    expect(at(run.trace.steps, "borrow", 3).decision).toBe("approved");
  });

  it("a policy adjustment reversed before she verifies: the next review restores the line for the current policy, with no request and no clean period", () => {
    const run = runScenario(fixture("policy-reversed-a-month-later.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const restored = run.trace.steps.filter((s) => s.decision === "restored");
    expect(restored.map((s) => [s.day, s.event.type, s.reasons])).toEqual([
      [105, "review", ["MEETS_CURRENT_POLICY"]],
    ]);
  });

  it("two short overdues ten months apart: each missed due date weighs 12 months, the worst delinquency 24", () => {
    const run = runScenario(fixture("two-overdues-ten-months-apart.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.some((s) => s.decision === "suspended")).toBe(false);
    const seen = [400, 520, 640, 690].map((day) => {
      const s = at(steps, "purchase", day);
      return [day, characteristicValue(s, "OVERDUE_RECENT"), characteristicValue(s, "DELINQUENCY_LEVEL")];
    });
    // 4 Feb 2025: both (the first, due 10 Feb 2024, until 10 Feb 2025); June and October: the second
    // alone; 21 Nov 2025: none — and the worst, five days past due, on file all along
    expect(seen).toEqual([
      [400, 2, 5],
      [520, 1, 5],
      [640, 1, 5],
      [690, 0, 5],
    ]);
  });
});

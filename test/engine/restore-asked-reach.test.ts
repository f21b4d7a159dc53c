// One rule decides whether a restoration is within reach, for the step towards it and for the answer: a
// score step the answer would ask above the scorecard's highest (the restoration score raised by what the
// line restored and used costs, as the points add) is no step — the answer says no review restores the
// line under the policy (scoreBars: while Huabei is open, when Huabei read active is the cost, as with a
// suspended Huabei the same review restores; else as things stand, with that cost), and promises none.
// Held over a table of Jiebei minimum scores raised while Jiebei was late.

import { describe, expect, it } from "vitest";
import { SCORE_MAX } from "../../src/engine/scorecard.js";
import type { Remedy } from "../../src/engine/types.js";
import { DEFAULT_POLICY, on, run, stepOn } from "./builders.js";

/** Huabei used and repaid, a ¥20,000 Jiebei with ¥5,000 borrowed and left unpaid until day 125 (both lines
 *  suspended for it), the Jiebei minimum raised to `min` on day 100; customer service asked on day 130. */
const answer = (min: number) =>
  stepOn(
    run(
      [
        on.open(0, 8_000),
        on.purchase(3, 1_000),
        on.repay(35, "full"),
        on.open(40, 20_000, "jiebei"),
        on.borrow(41, 5_000, 6),
        on.policy(100, { set: { jiebeiMinScore: min } }),
        on.repay(125, "full"),
        on.repay(125, "full", "jiebei"),
        on.support(130),
      ],
      {
        until: 140,
        policy: DEFAULT_POLICY,
        profile: { age: 33, monthlyIncome: 12_000, verified: true, creditHistoryMonths: 48 },
      },
    ),
    "contact_support",
    130,
  ).remedies ?? [];

describe("a restoration's reach, one rule for the step and the answer", () => {
  for (const min of [820, 860, 880, 900, 920]) {
    it(`jiebeiMinScore ${min}: no step asks a score above ${SCORE_MAX}, and a bar is said as one`, () => {
      const own = answer(min).filter((r) => r.line === "jiebei");
      for (const r of own) if (r.kind === "raise_score") expect(r.needed).toBeLessThanOrEqual(SCORE_MAX);
      const wait = own.find(
        (r): r is Extract<Remedy, { kind: "wait_for_review" }> => r.kind === "wait_for_review",
      );
      expect(wait).toBeDefined();
      const bars = wait!.scoreBars;
      if (bars !== undefined) {
        // barred: no step towards it, no early review, and the numbers add up
        expect(own.some((r) => r.kind === "raise_score")).toBe(false);
        expect(wait!.early).toBeNull();
        expect(bars.best).toBeLessThan(bars.threshold);
        if (bars.cost !== undefined) expect(bars.best).toBe(SCORE_MAX - bars.cost);
      }
    });
  }

  it("the reproducer (jiebeiMinScore 900): barred while Huabei, restored by the same review, is open", () => {
    // Huabei suspended too, restored by the review that could restore Jiebei: that review reads it active,
    // counted used beside Jiebei — the 70 points the step's 970 held, which closing Huabei takes away
    const own = answer(900).filter((r) => r.line === "jiebei");
    expect(own.find((r) => r.kind === "wait_for_review")).toMatchObject({
      early: null,
      scoreBars: { parameter: "jiebeiMinScore", threshold: 900, onceUsed: true, whileOpen: "huabei" },
    });
    expect(own.some((r) => r.kind === "raise_score")).toBe(false);
  });
});

// Customer service warns of what the next periodic review does to an active line: a suspension
// (review_suspends), a closure of a line left unused (unused_closure_due) — and a limit cut (review_cuts).
// A good customer whose ¥20,000 line a tightened policy was about to cut to ¥15,000 asked four days before
// that review and was told only of the score's characteristics.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, on, run, stepOn, stepsOf, TIGHTENED_POLICY } from "./builders.js";

const remedy = <K extends Remedy["kind"]>(remedies: readonly Remedy[], kind: K) =>
  remedies.find((r): r is Extract<Remedy, { kind: K }> => r.kind === kind);

const good = { age: 35, monthlyIncome: 10_000, verified: true, creditHistoryMonths: 60, externalDebt: 0 };
const used = [on.open(0, 20_000), on.purchase(5, 500), on.repay(38, "full")];

describe("the next review's limit cut, said before it", () => {
  it("a tightened policy's cut: dated, from and to, POLICY_CHANGE first, and the review does what it said", () => {
    const t = run([...used, on.policy(100, { use: TIGHTENED_POLICY }), on.support(101)], {
      policy: DEFAULT_POLICY,
      profile: good,
      until: 106,
    });
    const s = stepOn(t, "contact_support", 101);
    const warning = remedy(s.remedies, "review_cuts");
    expect(warning).toMatchObject({
      line: "huabei",
      day: 105,
      date: "2024-04-15",
      from: 20_000 * 100,
      to: 15_000 * 100,
    });
    expect(warning!.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "INCOME_BELOW_LIMIT"]);
    // the cap that cuts it is among the answer's reasons, with its numbers
    expect(s.reasons[0]).toBe("INCOME_BELOW_LIMIT");
    expect(s.facts).toContainEqual(
      expect.objectContaining({ code: "INCOME_BELOW_LIMIT", threshold: 15_000 * 100, value: 20_000 * 100 }),
    );
    expect(describeRemedy(warning!)).toMatch(
      /^as things stand, the periodic review on 2024-04-15 \(day 105\) cuts the limit from ¥20,000\.00 to ¥15,000\.00: /,
    );
    const review = stepsOf(t, "review").find((x) => x.day === 105)!;
    expect(review).toMatchObject({ decision: "limit_reduced", limit: 15_000 * 100 });
    expect(review.reasons).toEqual(warning!.reasons);
  });

  it("an income fallen below the limit's cap: warned of with the income's reasons", () => {
    const t = run([...used, on.income(60, 6_000), on.support(61)], {
      policy: DEFAULT_POLICY,
      profile: good,
      until: 75,
    });
    const warning = remedy(stepOn(t, "contact_support", 61).remedies, "review_cuts");
    expect(warning).toMatchObject({ day: 74, from: 20_000 * 100, to: 12_000 * 100 });
    expect(warning!.reasons[0]).toBe("INCOME_BELOW_LIMIT");
    const review = stepsOf(t, "review").find((x) => x.day === 74)!;
    expect(review).toMatchObject({ decision: "limit_reduced", limit: 12_000 * 100 });
  });

  it("no warning where the review keeps the limit, nor once the cut is made", () => {
    const kept = run([...used, on.support(61)], { policy: DEFAULT_POLICY, profile: good, until: 75 });
    expect(remedy(stepOn(kept, "contact_support", 61).remedies, "review_cuts")).toBeUndefined();
    const after = run([...used, on.income(60, 6_000), on.support(80)], {
      policy: DEFAULT_POLICY,
      profile: good,
      until: 81,
    });
    expect(remedy(stepOn(after, "contact_support", 80).remedies, "review_cuts")).toBeUndefined();
  });
});

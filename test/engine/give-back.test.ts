// A limit cut for a constraint that no longer binds is given back by a later periodic review, up to the
// limit before the cut (review/give-back.ts): never above it, never while anything blocks an increase (an
// amount past due, the cooldown after the cut), and not after a cut to the score's band.

import { describe, expect, it } from "vitest";
import { REASONS } from "../../src/engine/reasons.js";
import type { Step, Trace } from "../../src/engine/types.js";
import { describeFact, describeRemedy } from "../../src/scenario/format.js";
import { applicationsElsewhere, baselineScore, on, run, stateOn, stepOn, testPolicy } from "./builders.js";

// the review on the 15th: days 14, 45, 74, 105, 135, 166 of 2024
// (a review that decides nothing is no step: decision null)
const reviewOf = (t: Trace, day: number) =>
  t.steps.find((s) => s.event.type === "review" && s.line === "huabei" && s.day === day) ?? {
    decision: null,
  };

const profile = { monthlyIncome: 3_000, creditHistoryMonths: 36, verified: true };

describe("a limit given back", () => {
  it("is told, in the catalogue, for every constraint whose cut it undoes — the thin file's and the product maximum's were left out", () => {
    // each cut but the score band's (the customer's own worsening) is given back: apply-verdict's noteCut
    const constraints = {
      INCOME_BELOW_LIMIT: "the income",
      THIN_FILE_BELOW_LIMIT: "a thin file",
      LIMIT_ABOVE_PRODUCT_MAXIMUM: "the product's largest limit",
    } as const;
    for (const [code, words] of Object.entries(constraints)) {
      expect(Object.hasOwn(REASONS, code), code).toBe(true);
      expect(REASONS.LIMIT_GIVEN_BACK.text, code).toContain(words);
    }
    expect(REASONS.LIMIT_GIVEN_BACK.text).toContain("the limit kept once used");
  });

  it("cut by the income, given back as the income rises — in part, then whole, never above the limit before the cut", () => {
    // ¥5,000 on ¥3,000 a month (twice the income); ¥1,500 a month cuts it to ¥3,000 on day 45
    const policy = testPolicy({ maxLimitIncomeMultiple: 2 });
    const t = run([on.open(0, 5_000), on.income(20, 1_500), on.income(50, 2_000), on.income(80, 9_000)], {
      policy,
      profile,
      until: 140,
    });
    expect(reviewOf(t, 45)).toMatchObject({ decision: "limit_reduced", limit: 300_000 });
    // ¥2,000 a month: ¥4,000 of it back, the income's cap
    expect(reviewOf(t, 74)).toMatchObject({
      decision: "limit_restored",
      limit: 400_000,
      reasons: ["LIMIT_GIVEN_BACK"],
      facts: [
        {
          code: "LIMIT_GIVEN_BACK",
          threshold: 500_000,
          value: 400_000,
          from: 300_000,
          cleared: ["INCOME_BELOW_LIMIT"],
        },
      ],
    });
    // ¥9,000 a month: the rest, to the ¥5,000 before the cut (not the ¥18,000 the income allows)
    expect(reviewOf(t, 105)).toMatchObject({ decision: "limit_restored", limit: 500_000 });
    expect(reviewOf(t, 135).decision).toBeNull();
    expect(stateOn(t, 140).limit).toBe(500_000);
    expect(t.steps.filter((s) => s.decision === "limit_restored")).toHaveLength(2);
  });

  it("not within the cooldown after the cut (increaseCooldownDays), nor while a repayment is past due", () => {
    const policy = testPolicy({ maxLimitIncomeMultiple: 2, increaseCooldownDays: 60 });
    // cut on day 45; income back on day 50; the bill of a day-65 purchase (due day 100) repaid on day 110
    const t = run(
      [
        on.open(0, 5_000),
        on.income(20, 1_500),
        on.income(50, 3_000),
        on.purchase(65, 100),
        on.repay(110, "full"),
      ],
      { policy, profile, until: 170 },
    );
    expect(reviewOf(t, 45)).toMatchObject({ decision: "limit_reduced", limit: 300_000 });
    // 29 days after the cut
    expect(reviewOf(t, 74).decision).toBeNull();
    // 60 days after it, but past due
    expect(stateOn(t, 104).overdue).toBeGreaterThan(0);
    expect(reviewOf(t, 105).decision).toBeNull();
    expect(reviewOf(t, 135)).toMatchObject({ decision: "limit_restored", limit: 500_000 });
  });

  it("a limit given back is a raise: the increase cooldown runs from it, for an increase asked and the next give-back", () => {
    // cut on day 45; ¥2,000 a month gives ¥4,000 back on day 105 (day 74 within the 31 days after the cut);
    // ¥9,000 a month from day 110 would give the rest back, but not within 31 days of the give-back
    const policy = testPolicy({ maxLimitIncomeMultiple: 2, increaseCooldownDays: 31 });
    const t = run(
      [
        on.open(0, 5_000),
        on.income(20, 1_500),
        on.income(50, 2_000),
        on.income(110, 9_000),
        on.increase(120, 1_000),
      ],
      { policy, profile, until: 170 },
    );
    expect(reviewOf(t, 45)).toMatchObject({ decision: "limit_reduced", limit: 300_000 });
    expect(reviewOf(t, 74).decision).toBeNull();
    expect(reviewOf(t, 105)).toMatchObject({ decision: "limit_restored", limit: 400_000 });
    // 15 days after the give-back (75 after the cut): too soon
    expect(stepOn(t, "apply", 120)).toMatchObject({
      decision: "declined",
      reasons: ["INCREASE_TOO_SOON"],
      facts: [{ code: "INCREASE_TOO_SOON", parameter: "increaseCooldownDays", threshold: 31, value: 15 }],
    });
    // 30 days after the give-back: nothing; 61 days after it, the rest
    expect(reviewOf(t, 135).decision).toBeNull();
    expect(reviewOf(t, 166)).toMatchObject({ decision: "limit_restored", limit: 500_000 });
  });

  it("two cuts for different constraints, given back together: every constraint cleared is named", () => {
    // ¥2,000 a month cuts ¥5,000 to ¥4,000 (the income, day 45); the product's largest limit lowered to
    // ¥3,000 cuts it again (day 74); both lifted, the review of day 105 gives the ¥5,000 back
    const policy = testPolicy({ maxLimitIncomeMultiple: 2 });
    const t = run(
      [
        on.open(0, 5_000),
        on.income(20, 2_000),
        on.policy(60, { set: { limitBands: [{ minScore: 350, maxLimit: 3_000 }] } }),
        on.policy(80, { set: { limitBands: [{ minScore: 350, maxLimit: 100_000 }] } }),
        on.income(80, 9_000),
      ],
      { policy, profile, until: 110 },
    );
    expect(reviewOf(t, 45)).toMatchObject({ decision: "limit_reduced", limit: 400_000 });
    expect(reviewOf(t, 74)).toMatchObject({
      decision: "limit_reduced",
      limit: 300_000,
      reasons: expect.arrayContaining(["LIMIT_ABOVE_PRODUCT_MAXIMUM"]),
    });
    const back = reviewOf(t, 105) as Step;
    expect(back).toMatchObject({
      decision: "limit_restored",
      limit: 500_000,
      facts: [
        {
          code: "LIMIT_GIVEN_BACK",
          threshold: 500_000,
          from: 300_000,
          cleared: ["INCOME_BELOW_LIMIT", "LIMIT_ABOVE_PRODUCT_MAXIMUM"],
        },
      ],
    });
    expect(describeFact(back.facts[0]!)).toBe(
      "¥3,000.00 → ¥5,000.00, of the ¥5,000.00 before the cut (cut for INCOME_BELOW_LIMIT and LIMIT_ABOVE_PRODUCT_MAXIMUM, which no longer bind)",
    );
  });

  it("customer service says how much the review named gives back as things stand — in part, whole, or nothing yet", () => {
    const policy = testPolicy({ maxLimitIncomeMultiple: 2 });
    const events = [on.open(0, 5_000), on.income(20, 1_500), on.income(50, 2_000)];
    const said = (day: number) =>
      stepOn(
        run([...events, on.support(day)], { policy, profile, until: day }),
        "contact_support",
        day,
      ).remedies.find((r) => r.kind === "limit_cut")!;
    // ¥1,500 a month on day 48: the income still binds, nothing given back yet
    expect(said(48)).toMatchObject({ givenBack: { limit: 500_000, day: 74 } });
    expect(said(48)).not.toHaveProperty("givenBack.gives");
    // ¥2,000 a month on day 60: the review of day 74 gives back ¥4,000 of it
    expect(said(60)).toMatchObject({ givenBack: { limit: 500_000, day: 74, gives: 400_000 } });
    expect(describeRemedy(said(60))).toContain("— as things stand, that review gives back ¥4,000.00");
  });

  it("customer service says the review that can give the limit back, and that review does", () => {
    const policy = testPolicy({ maxLimitIncomeMultiple: 2, increaseCooldownDays: 60 });
    const t = run([on.open(0, 5_000), on.income(20, 1_500), on.income(60, 3_000), on.support(70)], {
      policy,
      profile,
      until: 140,
    });
    const said = stepOn(t, "contact_support", 70).remedies.find((r) => r.kind === "limit_cut")!;
    expect(said).toMatchObject({
      from: 500_000,
      to: 300_000,
      givenBack: { limit: 500_000, day: 105, gives: 500_000 },
    });
    const text = describeRemedy(said);
    expect(text).toContain("A cut limit comes back through an application for an increase");
    expect(text).toContain(
      "it also comes back unasked: a periodic review gives back up to ¥5,000.00 once what cut it no longer holds and nothing blocks an increase — the review on 2024-04-15 (day 105) at the earliest",
    );
    const back = reviewOf(t, 105);
    expect(back).toMatchObject({ decision: "limit_restored", limit: 500_000 });
    expect(describeFact((back as Step).facts[0]!)).toBe(
      "¥3,000.00 → ¥5,000.00, of the ¥5,000.00 before the cut (cut for INCOME_BELOW_LIMIT, which no longer binds)",
    );
  });

  it("a cut to the score's band, the customer's own worsening, is not given back: an increase asked is the way back", () => {
    // ¥5,000 from a score a little below the customer's own, ¥2,000 below it; applications elsewhere in
    // January lower the score for a while, and the review cuts the line to the lower band
    const at = baselineScore({ profile }) - 20;
    const policy = testPolicy({
      reduceLimitScore: at,
      limitBands: [
        { minScore: 350, maxLimit: 2_000 },
        { minScore: at, maxLimit: 5_000 },
      ],
    });
    const t = run([on.open(0, 5_000), ...applicationsElsewhere(3), on.note(250)], {
      policy,
      profile,
      until: 260,
    });
    const cut = t.steps.find((s) => s.decision === "limit_reduced")!;
    expect(cut).toMatchObject({
      limit: 200_000,
      reasons: expect.arrayContaining(["SCORE_BELOW_LIMIT_BAND"]),
    });
    // the score back above the band's later, the line stays at ¥2,000
    expect(stateOn(t, 260).score).toBeGreaterThanOrEqual(at);
    expect(t.steps.filter((s) => s.decision === "limit_restored")).toEqual([]);
    expect(stateOn(t, 260).limit).toBe(200_000);
  });

  it("a cut to the income's cap where the score's band cut too is given back no higher than the band held", () => {
    // the same band cut as the test above, an income of ¥500 a month (a ¥1,000 cap) binding lower: the income
    // back, the review gives back the ¥2,000 the band held at the cut — not the ¥5,000 before it, which a cut
    // to the band alone (its own worsening) would never have given back
    const at = baselineScore({ profile }) - 20;
    const policy = testPolicy({
      reduceLimitScore: at,
      maxLimitIncomeMultiple: 2,
      limitBands: [
        { minScore: 350, maxLimit: 2_000 },
        { minScore: at, maxLimit: 5_000 },
      ],
    });
    const t = run([on.open(0, 5_000), ...applicationsElsewhere(3), on.income(5, 500), on.income(50, 9_000)], {
      policy,
      profile,
      until: 260,
    });
    const cut = t.steps.find((s) => s.decision === "limit_reduced")!;
    expect(cut).toMatchObject({ limit: 100_000, reasons: expect.arrayContaining(["INCOME_BELOW_LIMIT"]) });
    const back = t.steps.filter((s) => s.decision === "limit_restored");
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({
      limit: 200_000,
      facts: [{ code: "LIMIT_GIVEN_BACK", threshold: 200_000, value: 200_000, from: 100_000 }],
    });
    expect(stateOn(t, 260).score).toBeGreaterThanOrEqual(at);
    expect(stateOn(t, 260).limit).toBe(200_000);
  });
});

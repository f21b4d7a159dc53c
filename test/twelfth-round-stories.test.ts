// Stories of a twelfth round, a credit-risk reviewer's (test/fixtures/scenarios): each fixture's
// expectations are replayed with the rest; here, what a lender signs off on in them — an instalment plan
// through a suspension, debt moved from one line to the other, two overdues close together or apart, more
// credit asked for the day after a restoration, a policy that loosens, a minimum payer's increase, and a
// cash loan's day count.

import { describe, expect, it } from "vitest";
import type { Step, Trace } from "../src/engine/index.js";
import { describeFact } from "../src/scenario/format.js";
import { at, fixture, passing, twinOf } from "./helpers/stories.js";

const twin = (name: string, ...edits: ReadonlyArray<readonly [string, string]>) =>
  twinOf(fixture(name), ...edits);
const grid = (trace: Trace, line: "huabei" | "jiebei" = "huabei") =>
  trace.grid[line]!.map((m) => m.code).join("");
const decided = (steps: readonly Step[], decision: string) =>
  steps.filter((s) => s.decision === decision).map((s) => [s.day, s.line]);
const remedy = (s: Step, kind: string) => s.remedies.find((r) => r.kind === kind);
/** The score at the end of each listed day (its last step). */
const scoresOn = (steps: readonly Step[], days: readonly number[]) =>
  days.map((day) => steps.filter((s) => s.day <= day).at(-1)!.score);

describe("stories of a twelfth round (test/fixtures/scenarios)", () => {
  it("an instalment plan through a suspension: only the missed instalment is overdue, the plan is not called in, each instalment billed and paid while suspended", () => {
    const trace = passing("instalment-plan-then-overdue.yaml");
    const { steps } = trace;
    // ¥6,000 over 12: ¥500 of principal and ¥44 of the 8.8 % fee (¥528) each month
    expect(at(steps, "statement", 31).event).toMatchObject({
      instalments: 50_000,
      fees: 4_400,
      minimum: 54_400,
    });
    // the penalty runs on the missed instalment's ¥500 of principal, not the fee nor the plan: ¥0.25 a day
    expect(at(steps, "overdue", 73).event).toMatchObject({ overdue: 54_475 });
    const suspended = at(steps, "overdue", 99);
    expect(suspended).toMatchObject({ decision: "suspended", cause: "credit" });
    // suspended, not accelerated: the balance still the plan's principal left, the next instalment billed as planned
    expect(suspended.balance).toBe(559_525);
    expect(at(steps, "statement", 121).event).toMatchObject({ instalments: 50_000, minimum: 54_400 });
    // the warning names what the plan would be called in for — at charge-off, not at suspension
    expect(remedy(at(steps, "contact_support", 101), "pay_overdue")).toMatchObject({
      amount: 55_175,
      chargeOffCallsIn: { day: 253, amount: 254_400 },
    });
    // 32 days at ¥0.25 (11 March – 11 April) and nine months' fees; nothing else
    expect(trace.final.penalties).toBe(800);
    expect(trace.final.charges - trace.final.penalties).toBe(9 * 4_400);
    // March one stage past due, April two (32 days), every month after it met while suspended
    expect(grid(trace)).toBe("*N12NNNNN");
    expect(decided(steps, "restored")).toEqual([[196, "huabei"]]);
    expect(at(steps, "review", 196).limit).toBe(800_000);
  });

  it("debt moved from Huabei to a Jiebei loan: the debt ratio still counts it, the utilisation no longer does — above a revolver, below one who paid from his own pocket", () => {
    const shuffled = passing("jiebei-pays-the-huabei-bill.yaml");
    const [ownFunds, revolver] = [
      twin(
        "jiebei-pays-the-huabei-bill.yaml",
        ["  - { day: 38, type: borrow, amount: 9000, term: 12 }\n", ""],
        ...[67, 98, 128].map(
          (d) => [`  - { day: ${d}, type: repay, line: jiebei, amount: minimum }\n`, ""] as const,
        ),
      ),
      twin(
        "jiebei-pays-the-huabei-bill.yaml",
        ["  - { day: 38, type: borrow, amount: 9000, term: 12 }\n", ""],
        ["{ day: 38, type: repay, amount: full }", "{ day: 38, type: repay, amount: minimum }"],
        ...[67, 98, 128].map(
          (d) =>
            [
              `  - { day: ${d}, type: repay, line: jiebei, amount: minimum }`,
              `  - { day: ${d}, type: repay, amount: minimum }`,
            ] as const,
        ),
      ),
    ];
    const [s, own, rev] = [shuffled, ownFunds, revolver].map((t) => at(t.steps, "contact_support", 130));
    // the same debt, a different line: the shuffle's Jiebei balance is the bill it paid, less the
    // principal repaid since (¥750 a month), and two days' interest; his record is the own-funds payer's
    expect(s!.jiebei.balance).toBe(675_540);
    expect(grid(shuffled)).toBe(grid(ownFunds));
    // Huabei's utilisation reads the shuffle as a repayment: the score rises 56 points the next month end
    expect(at(shuffled.steps, "due", 67, "jiebei").scoreDelta).toBe(56);
    // the debt ratio does not: ten points below the customer who paid the bill from his own pocket, and
    // seventy above the one who carried it on Huabei at its minimum
    expect([s!.score, own!.score, rev!.score]).toEqual([875, 885, 805]);
    expect(s!.reasons).toContain("HIGH_DEBT_BURDEN");
    expect(own!.reasons).not.toContain("HIGH_DEBT_BURDEN");
    // and the line raised the next day, for each of the three
    for (const t of [shuffled, ownFunds, revolver]) expect(t.final.limit).toBe(1_500_000);
  });

  it("two short overdues in one quarter cost more at the time and leave the file sooner than two ten months apart", () => {
    const together = passing("two-overdues-in-one-quarter.yaml").steps;
    const apart = passing("two-overdues-ten-months-apart.yaml").steps;
    expect(together.filter((s) => s.decision === "suspended")).toEqual([]);
    const worst = (steps: readonly Step[]) => Math.min(...steps.filter((s) => s.day > 0).map((s) => s.score));
    // at the second overdue: two bills not paid in full within six months, the other's first long paid
    expect([worst(together), worst(apart)]).toEqual([763, 773]);
    // February 2025: two missed due dates within 12 months each, but his November bill is within the six
    // months of bills not paid in full; June: both of hers have left the 12-month window, his November one weighs
    expect(scoresOn(together, [400, 520, 690])).toEqual([837, 875, 875]);
    expect(scoresOn(apart, [400, 520, 690])).toEqual([825, 845, 875]);
    // from March 2025, when her second leaves the window, she is never below him
    const days = Array.from({ length: 700 - 436 }, (_, i) => 436 + i);
    const mine = scoresOn(together, days);
    const his = scoresOn(apart, days);
    expect(days.filter((_, i) => mine[i]! < his[i]!)).toEqual([]);
  });

  it("restored, then an increase asked the next morning: declined for the restoration's cooldown and the recent missed payment, its inquiry costing points, and the day named is the first that passes", () => {
    const { steps } = passing("restored-then-asks-for-more.yaml");
    const asked = at(steps, "apply", 167);
    expect(asked.reasons.slice(0, 2)).toEqual(["INCREASE_TOO_SOON", "RECENT_MISSED_PAYMENT"]);
    // the cooldown counted from the restoration (day 166, round 16); the clean record from the day the
    // arrears were cleared (day 72), not the missed due date (day 40)
    expect(asked.facts.slice(0, 2).map(describeFact)).toEqual([
      "1 day vs increaseCooldownDays 90 days",
      "95 days vs increaseCleanDays 180 days",
    ]);
    expect(asked.scoreDelta).toBe(-30);
    // the restoration's limit is what she keeps: nothing cut for asking
    expect(asked.limit).toBe(500_000);
    const told = remedy(at(steps, "contact_support", 168), "increase_from");
    expect(told).toMatchObject({ day: 256 });
    const on = (day: number) =>
      at(
        twin("restored-then-asks-for-more.yaml", [
          "{ date: 2024-06-16, type: apply, product: increase, amount: 5000 }",
          `{ day: ${day}, type: apply, product: increase, amount: 5000 }`,
        ]).steps,
        "apply",
        day,
      );
    expect(on(255).reasons[0]).toBe("INCREASE_TOO_SOON");
    expect(on(256)).toMatchObject({ decision: "approved", limit: 1_000_000 });
  });

  it("a debt cap loosened while the line is suspended for it: restored at the next review for the current policy, at what the score keeps once used", () => {
    const { steps } = passing("debt-cap-loosened.yaml");
    expect(describeFact(at(steps, "review", 74).facts[0]!)).toBe("2.39 vs maxDebtToIncome 2.00");
    // the advice before the change: ¥200,500 counted against a cap of 2 × ¥84,000
    expect(remedy(at(steps, "contact_support", 76), "reduce_debt")).toMatchObject({
      income: 8_355,
      repay: [expect.objectContaining({ amount: 3_250_000 })],
    });
    const review = at(steps, "review", 105);
    expect(review).toMatchObject({ decision: "restored", limit: 300_000, status: "active" });
    // no clean period, no request: the rule that held it is the policy's to loosen
    expect(review.reasons[0]).toBe("MEETS_CURRENT_POLICY");
    expect(review.reasons).toContain("LIMIT_KEPT_ONCE_USED");
    // and nothing else restores him: without the change the line stays suspended
    const unchanged = twin("debt-cap-loosened.yaml", [
      "  - { day: 90, type: policy, set: { maxDebtToIncome: 3 } }\n",
      "",
    ]);
    expect(decided(unchanged.steps, "restored")).toEqual([]);
    expect(unchanged.final.status).toBe("suspended");
  });

  it("a year of minimums, then an increase: nothing overdue, more paid in principal than in interest, and the limit raised to the income's cap", () => {
    const trace = twin("minimum-for-a-year.yaml", [
      "  - { date: 2025-01-20, type: contact_support }\n",
      "  - { date: 2025-01-20, type: contact_support }\n  - { date: 2025-01-21, type: apply, product: increase, amount: 5000 }\n",
    ]);
    const { steps } = trace;
    expect(grid(trace)).toBe("*NNNNNNNNNNNN");
    expect(trace.final.penalties).toBe(0);
    const repaid = steps
      .filter((s) => s.event.type === "repay")
      .reduce((sum, s) => sum + (s.applied ?? 0), 0);
    // not in persistent debt as the UK regulator defines it (more interest and fees than principal): of the
    // year's repayments, interest is an eighth
    expect(trace.final.charges).toBeLessThan((repaid - trace.final.charges) / 7);
    const raised = at(steps, "apply", 386);
    expect(raised).toMatchObject({ decision: "approved_lower", limit: 1_400_000 });
    expect(describeFact(raised.facts[0]!)).toBe(
      "¥15,000.00 asked vs cap ¥14,000.00 by maxLimitIncomeMultiple",
    );
  });

  it("a Jiebei loan repaid the morning it is drawn costs nothing; repaid the next day, one day's interest", () => {
    const trace = passing("jiebei-drawn-and-repaid-the-same-day.yaml");
    expect(at(trace.steps, "repay", 9, "jiebei").applied).toBe(600_000);
    expect(at(trace.steps, "repay", 21, "jiebei").applied).toBe(600_240);
    expect(trace.final.jiebei).toMatchObject({ charges: 240, balance: 0 });
  });

  it("Jiebei declined for the debt cap before any cash is drawn: the smallest loan the line lends said to be counted, not a line counted as used in silence", () => {
    const { steps } = passing("jiebei-declined-for-the-burden.yaml");
    const declined = at(steps, "apply", 40, "jiebei");
    expect(describeFact(declined.facts[0]!)).toBe(
      "1.18 vs jiebeiMaxDebtToIncome 1.00, once a ¥1,000.00 line is used: ¥70,506.20 of debt counted — ¥60,000.00 elsewhere, Huabei's unused ¥10,000.00 counted as used, Jiebei's smallest loan counted drawn, ¥500.00 and ¥6.20 of a 31-day month's interest",
    );
    // customer service counts the same debt: ¥10,506.20 repaid elsewhere brings it to the cap, as would
    // ¥5,876 a month (¥70,512 a year)
    expect(remedy(at(steps, "contact_support", 41), "open_line")).toMatchObject({
      debt: { repay: 1_050_620, income: 5_876 },
    });
  });
  it("Jiebei opened lends its smallest loan: the opening counts the ¥500 and its month's interest, so customer service's repayment opens a line that lends, and ¥10,000 opens none", () => {
    const name = "jiebei-opened-lends-its-smallest-loan.yaml";
    const { steps } = passing(name);
    // ¥60,000 elsewhere, Huabei's ¥10,000 and the ¥500 loan with 31 days at ¥0.20: ¥10,506.20 over the cap
    expect(remedy(at(steps, "contact_support", 41), "open_line")).toMatchObject({
      debt: { repay: 1_050_620, income: 5_876 },
    });
    expect(at(steps, "borrow", 76, "jiebei").decision).toBe("approved");
    // ¥10,000 repaid, as the advice said before: no line opened that refuses every loan
    const short = twin(name, ["amount: 10506.20", "amount: 10000"]).steps;
    const declined = at(short, "apply", 75, "jiebei");
    expect(declined.reasons[0]).toBe("DEBT_TO_INCOME_TOO_HIGH");
    expect(describeFact(declined.facts[0]!)).toBe(
      "1.01 vs jiebeiMaxDebtToIncome 1.00, once a ¥1,000.00 line is used: ¥60,506.20 of debt counted — ¥50,000.00 elsewhere, Huabei's unused ¥10,000.00 counted as used, Jiebei's smallest loan counted drawn, ¥500.00 and ¥6.20 of a 31-day month's interest",
    );
  });
  it("Jiebei asked for on the morning of the restoring review: declined for the suspended line, its inquiry costing the restoration; asked the next day, it costs nothing of it", () => {
    const name = "restoration-lost-to-an-inquiry.yaml";
    const jiebeiOn = (day: number) =>
      twin(name, [
        "  - { day: 166, type: external_inquiry }\n",
        `  - { day: ${day}, type: apply, line: jiebei, product: open, amount: 5000 }\n`,
      ]).steps;
    const morning = jiebeiOn(166);
    const asked = at(morning, "apply", 166, "jiebei");
    expect(asked.decision).toBe("declined");
    expect(asked.reasons[0]).toBe("OTHER_LINE_SUSPENDED");
    // assessed, not refused on the lender's books: the inquiry is on the file the review reads after it
    expect(asked.scoreDelta).toBeLessThan(0);
    expect(at(morning, "review", 166).decision).toBeNull();
    expect(decided(morning, "restored")).toEqual([[196, "huabei"]]);
    // the review first, the application a day later: restored, and Jiebei judged beside an active Huabei
    const nextDay = jiebeiOn(167);
    expect(decided(nextDay, "restored")).toEqual([[166, "huabei"]]);
    expect(at(nextDay, "apply", 167, "jiebei").reasons).not.toContain("OTHER_LINE_SUSPENDED");
  });
});

// Stories of a tenth round, a credit-risk reviewer's variations on the article's (test/fixtures/scenarios):
// each fixture's expectations are replayed with the rest; here, what a lender checks in them — the
// boundaries a day or a fen either side, and that the better-behaved twin never ends worse.

import { describe, expect, it } from "vitest";
import type { Step, Trace } from "../src/engine/index.js";
import { describeFact } from "../src/scenario/format.js";
import { at, fixture, passing, twinOf } from "./helpers/stories.js";

/** The fixture with one line of its text replaced: the twin a reviewer compares it with. */
const twin = (name: string, from: string, to: string) => twinOf(fixture(name), [from, to]);
/** The score a trace's series holds on a day: its last point on or before it. */
const scoreOn = (trace: Trace, day: number) => trace.scoreSeries.filter((p) => p.day <= day).at(-1)!.score;
const overdueDays = (steps: readonly Step[]) =>
  steps.filter((s) => s.event.type === "overdue").map((s) => s.day);

describe("stories of a tenth round (test/fixtures/scenarios)", () => {
  it("a minimum repaid ¥10.01 short is overdue, ¥10.00 short is not; the penalty costs what the interest would", () => {
    const short = passing("a-fen-past-the-tolerance.yaml");
    const within = twin("a-fen-past-the-tolerance.yaml", "amount: 289.99", "amount: 290.00");
    expect(overdueDays(short.steps)).toEqual([44]);
    expect(overdueDays(within.steps)).toEqual([]);
    // the same daily rate on the same unpaid principal: the fen is all the charges differ by
    expect(short.final.charges).toBe(within.final.charges);
    expect(short.final.penalties).toBeGreaterThan(0);
    expect(within.final.penalties).toBe(0);
    // the customer who paid the fen more never scores less, at any month end
    const days = [...short.scoreSeries, ...within.scoreSeries].map((p) => p.day);
    for (const day of days) expect(scoreOn(within, day)).toBeGreaterThanOrEqual(scoreOn(short, day));
    expect(scoreOn(within, 59) - scoreOn(short, 59)).toBe(102);
  });

  it("a Jiebei instalment left ¥10.01 short is missed; its principal bears the 0.06 % penalty from the day after the due day", () => {
    const { steps } = passing("jiebei-instalment-a-fen-short.yaml");
    const due = at(steps, "due", 32, "jiebei");
    expect(due.event).toMatchObject({ due: 1_001, minimumUnpaid: 1_001 });
    const overdue = steps.find((s) => s.event.type === "overdue")!;
    expect(overdue).toMatchObject({ day: 36, line: "jiebei" });
    expect(overdue.jiebei.overdueDays).toBe(4);
    const within = twin("jiebei-instalment-a-fen-short.yaml", "amount: 1027.19", "amount: 1027.20");
    expect(within.steps.filter((s) => s.event.type === "overdue")).toEqual([]);
  });

  it("an application exactly 30 days old is out of the window: the third in it is assessed, a day sooner it is the fourth", () => {
    const { steps } = passing("applications-a-day-past-the-window.yaml");
    expect(at(steps, "apply", 180, "jiebei")).toMatchObject({ decision: "approved", line: "jiebei" });
    const sooner = twin(
      "applications-a-day-past-the-window.yaml",
      "{ day: 180, type: apply, line: jiebei",
      "{ day: 179, type: apply, line: jiebei",
    );
    const refused = at(sooner.steps, "apply", 179, "jiebei");
    expect(refused).toMatchObject({ decision: "declined" });
    expect(refused.reasons[0]).toBe("TOO_MANY_APPLICATIONS");
    expect(describeFact(refused.facts[0]!)).toBe("4 vs maxApplications30d 3");
  });

  it("restoreScore raised while suspended: once the clean period has run, the line is held for the policy alone, then restored for it", () => {
    const { steps } = passing("restore-score-raised-while-suspended.yaml");
    const held = at(steps, "review", 196);
    expect(held).toMatchObject({ decision: "suspended", status: "suspended", cause: "policy", score: 793 });
    const fact = held.facts.find((f) => f.code === "SCORE_BELOW_RESTORE")!;
    expect(describeFact(fact)).toBe("793 vs restoreScore 800, 660 before the policy change");
    // the clean period first: no review before it cites the policy
    for (const day of [105, 135, 166]) {
      const review = at(steps, "review", day);
      expect(review.reasons).toContain("OVERDUE_TOO_RECENT");
      expect(review.cause).toBe("credit");
    }
    expect(at(steps, "review", 227)).toMatchObject({
      decision: "restored",
      status: "active",
      limit: 300_000,
    });
  });

  it("debt between Jiebei's cap and Huabei's suspends Jiebei alone; Huabei goes on lending, and a repayment elsewhere restores Jiebei", () => {
    const { steps } = passing("debt-between-the-two-caps.yaml");
    const suspended = at(steps, "review", 45, "jiebei");
    expect(suspended.line).toBe("jiebei");
    expect(describeFact(suspended.facts[0]!)).toBe("1.14 vs jiebeiMaxDebtToIncome 1.00");
    // Huabei's own review keeps it: within maxDebtToIncome 2
    expect(steps.filter((s) => s.line === "huabei" && s.decision === "suspended")).toEqual([]);
    expect(steps.filter((s) => s.event.type === "overdue")).toEqual([]);
    const restored = at(steps, "review", 105, "jiebei");
    expect(restored).toMatchObject({ decision: "restored", line: "jiebei" });
    expect(restored.jiebei.limit).toBe(2_000_000);
  });

  it("a line cut below its balance declines purchases, charges nothing for being over the limit, and is given back once the income returns", () => {
    const { steps, final } = passing("cut-below-the-balance.yaml");
    const cut = at(steps, "review", 45);
    expect(cut.balance).toBeGreaterThan(cut.limit);
    expect(at(steps, "purchase", 46).facts[0]).toMatchObject({ code: "OVER_LIMIT" });
    // minimums met, no suspension, no penalty: interest on what revolves is the only charge
    expect(steps.filter((s) => s.status !== "active")).toEqual([]);
    expect(overdueDays(steps)).toEqual([]);
    expect(final.penalties).toBe(0);
    expect(final.fees).toBe(0);
    const call = at(steps, "contact_support", 47);
    expect(call.remedies).toContainEqual(
      expect.objectContaining({ kind: "limit_cut", from: 800_000, to: 400_000 }),
    );
  });

  it("restorable on the review its suspension's time is up: restored, not closed", () => {
    const { steps } = passing("restored-as-its-time-runs-out.yaml");
    const review = at(steps, "review", 227);
    expect(review.decision).toBe("restored");
    expect(steps.some((s) => s.decision === "closed")).toBe(false);
    // asked on day 200, customer service said so ahead: the clean period to keep until that review, which
    // closes the line only if it cannot restore it then (not a closure certain)
    expect(at(steps, "contact_support", 200).remedies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "keep_clean_until", day: 227 }),
        expect.objectContaining({ kind: "wait_for_review", day: 227 }),
        expect.objectContaining({ kind: "closure_due", day: 227, certain: false }),
      ]),
    );
    // the clean period ran to the day: 156 days from the repayment on day 71
    expect(at(steps, "review", 196).facts.find((f) => f.code === "OVERDUE_TOO_RECENT")).toMatchObject({
      value: 125,
      threshold: 156,
    });
    // the lender's edge: repaid a day later, the clean period ends a day after the review, and the line,
    // 182 days suspended, is closed there
    const later = twin(
      "restored-as-its-time-runs-out.yaml",
      "{ day: 71, type: repay",
      "{ day: 72, type: repay",
    );
    expect(at(later.steps, "review", 227)).toMatchObject({
      decision: "closed",
      reasons: expect.arrayContaining(["LONG_SUSPENSION"]),
    });
  });

  it("the suspension trigger lowered mid-overdue: suspended for policy at the new 20 days, the new penalty rate from the next statement", () => {
    const { steps } = passing("trigger-lowered-mid-overdue.yaml");
    const suspended = steps.find((s) => s.decision === "suspended")!;
    expect(suspended).toMatchObject({ day: 60, cause: "policy", overdueDays: 20 });
    expect(describeFact(suspended.facts.find((f) => f.code === "OVERDUE_TOO_LONG")!)).toBe(
      "20 days vs suspendOverdueDays 20 days, 30 days before the policy change",
    );
    // ¥1.00 a day to the statement (19 days from 11 February), ¥2.00 a day after it (days 60 and 61)
    expect(at(steps, "statement", 60).balance).toBe(201_900);
    expect(at(steps, "repay", 62).applied).toBe(202_300);
    // the same customer under the old trigger is never suspended: she repaid at 22 days
    const kept = twin("trigger-lowered-mid-overdue.yaml", "suspendOverdueDays: 20, ", "");
    expect(kept.steps.filter((s) => s.decision === "suspended")).toEqual([]);
  });

  it("a security hold over Jiebei arrears: verifying lifts it on both lines, the arrears still stop purchases and, after them, cash for 30 days", () => {
    const { steps } = passing("hold-over-jiebei-arrears.yaml");
    const lifted = steps.filter((s) => s.day === 48 && s.decision === "restored");
    expect(lifted.map((s) => s.line)).toEqual(["huabei", "jiebei"]);
    expect(lifted[0]!.jiebei.overdueDays).toBe(15);
    expect(at(steps, "purchase", 49).facts[0]).toMatchObject({ code: "OVERDUE_OUTSTANDING" });
    const early = at(steps, "borrow", 79, "jiebei");
    expect(early.reasons[0]).toBe("RECENT_MISSED_PAYMENT");
  });

  it("an early review on the 89th clean day is declined and starts the month's cooldown; the periodic review restores", () => {
    const { steps } = passing("early-review-a-day-early.yaml");
    const first = at(steps, "request_review", 160);
    expect(describeFact(first.facts.find((f) => f.code === "OVERDUE_TOO_RECENT")!)).toBe(
      "89 days vs restoreCleanDays 90 days",
    );
    const again = at(steps, "request_review", 161);
    expect(again.remedies).toContainEqual(
      expect.objectContaining({ kind: "wait_for_review", day: 166, ready: true }),
    );
    expect(at(steps, "review", 166).decision).toBe("restored");
  });
});

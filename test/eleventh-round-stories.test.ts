// Stories of an eleventh round, a credit-risk reviewer's (test/fixtures/scenarios): each fixture's
// expectations are replayed with the rest; here, what a lender signs off on in them — each line's record
// and charges at the sourced rates, customer service's numbers taken at their word, and the twin that
// did what the answer said.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Step, Trace } from "../src/engine/index.js";
import { describeFact } from "../src/scenario/format.js";
import { ROOT } from "./helpers/cli.js";
import { at, fixture, passing, twinOf } from "./helpers/stories.js";

const twin = (name: string, ...edits: ReadonlyArray<readonly [string, string]>) =>
  twinOf(fixture(name), ...edits);
const grid = (trace: Trace, line: "huabei" | "jiebei") => trace.grid[line]!.map((m) => m.code).join("");
const decided = (steps: readonly Step[], decision: string) =>
  steps.filter((s) => s.decision === decision).map((s) => [s.day, s.line]);
const remedy = (s: Step, kind: string, line: "huabei" | "jiebei" = "huabei") =>
  s.remedies.find((r) => r.kind === kind && r.line === line);

describe("stories of an eleventh round (test/fixtures/scenarios)", () => {
  it("both lines overdue: each charges its own rate, customer service asks for what is still owed, each line's record keeps its own months", () => {
    const trace = passing("both-lines-overdue.yaml");
    const { steps } = trace;
    // the same due date, the same day overdue, on each line
    expect(steps.filter((s) => s.event.type === "overdue").map((s) => [s.day, s.line])).toEqual([
      [44, "huabei"],
      [44, "jiebei"],
    ]);
    // Huabei: 0.05 % a day on the ¥2,000 bill from the day after the due day (days 41–61: 21 days)
    expect(at(steps, "overdue", 44).balance).toBe(200_300);
    expect(at(steps, "repay", 62).applied).toBe(202_100);
    expect(trace.final.penalties).toBe(2_100);
    // Jiebei: ¥1,074.40 fell due (¥1,000 and 31 days at ¥2.40); its principal bears 0.06 % (¥0.60) a day
    expect(at(steps, "due", 40, "jiebei").event).toMatchObject({ due: 107_440 });
    const jiebeiOverdue = at(steps, "overdue", 44, "jiebei");
    expect(jiebeiOverdue.jiebei.overdue).toBe(107_660); // + day 40's interest ¥0.40 and 3 days at ¥0.60
    // asked with Jiebei repaid, customer service asks for the Huabei bill alone, and the day both lines go
    const call = at(steps, "contact_support", 53);
    expect(call.remedies.filter((r) => r.kind === "pay_overdue")).toEqual([
      expect.objectContaining({ line: "huabei", amount: 201_200, by: expect.objectContaining({ day: 70 }) }),
    ]);
    // nothing suspended: both repaid before 30 days past due
    expect(decided(steps, "suspended")).toEqual([]);
    // cash again a month after the later cure (Huabei's, day 62), not the earlier (Jiebei's, day 52)
    expect(remedy(at(steps, "contact_support", 63), "wait_to_draw", "jiebei")).toMatchObject({ day: 92 });
    expect(describeFact(at(steps, "borrow", 91, "jiebei").facts[0]!)).toBe(
      "29 days vs jiebeiDrawCleanDays 30 days, on Huabei",
    );
    // each line's record: Huabei past due in February and March (repaid 3 March), Jiebei in February only
    expect(grid(trace, "huabei")).toBe("*11**");
    expect(grid(trace, "jiebei")).toBe("*1NNN");
  });

  it("an increase granted on the morning the bands fall is cut by the next review for the policy; the policy first, it is offered the same limit", () => {
    const { steps } = passing("increase-on-the-day-bands-fall.yaml");
    const cut = at(steps, "review", 105);
    expect(describeFact(cut.facts.find((f) => f.code === "LIMIT_ABOVE_PRODUCT_MAXIMUM")!)).toBe(
      "¥15,000.00 vs cap ¥10,000.00 by limitBands, ¥50,000.00 before the policy change",
    );
    expect(cut.cause).toBeNull();
    // a cut, not a suspension: the ¥9,000 he spent is within the new limit
    expect(steps.filter((s) => s.status !== "active")).toEqual([]);
    const policyFirst = twin(
      "increase-on-the-day-bands-fall.yaml",
      ["  - { day: 100, type: apply, product: increase, amount: 7000 }\n", ""],
      [
        "  - { day: 101, type: purchase",
        "  - { day: 100, type: apply, product: increase, amount: 7000 }\n  - { day: 101, type: purchase",
      ],
    );
    const offered = at(policyFirst.steps, "apply", 100);
    expect(offered).toMatchObject({ decision: "approved_lower", limit: 1_000_000 });
    expect(offered.reasons).toEqual(["LIMIT_CAPPED_PRODUCT_MAXIMUM"]);
    // the rule he applied under, not a change: nothing of the policy change cited to him
    expect(policyFirst.steps.filter((s) => s.reasons.includes("POLICY_CHANGE"))).toEqual([]);
    expect(policyFirst.final.limit).toBe(1_000_000);
  });

  it("a Jiebei loan repaid before its first due day costs its days' interest and nothing else; a day later costs one day more", () => {
    const trace = passing("jiebei-repaid-within-the-month.yaml");
    // 15 days (10–24 January) at 0.04 % of ¥6,000
    expect(at(trace.steps, "repay", 24, "jiebei").applied).toBe(603_600);
    expect(trace.final.jiebei).toMatchObject({ charges: 3_600, penalties: 0, fees: 0, balance: 0 });
    // the instalment it would have asked in February repaid ahead: a month met, as a bureau reports it
    expect(grid(trace, "jiebei")).toBe("*N*");
    const later = twin("jiebei-repaid-within-the-month.yaml", [
      "{ day: 24, type: repay",
      "{ day: 25, type: repay",
    ]);
    expect(later.final.jiebei.charges - trace.final.jiebei.charges).toBe(240);
    expect(later.final.score).toBe(trace.final.score);
  });

  it("income falls with the debt unchanged: suspended for the burden, and the income or repayment customer service names is exactly enough", () => {
    const { steps } = passing("income-falls-debt-stays.yaml");
    const suspended = at(steps, "review", 74);
    expect(describeFact(suspended.facts[0]!)).toBe("2.22 vs maxDebtToIncome 2.00");
    expect(steps.filter((s) => s.event.type === "overdue")).toEqual([]);
    const advice = remedy(at(steps, "contact_support", 76), "reduce_debt");
    expect(advice).toMatchObject({ income: 7_750, repay: [expect.objectContaining({ amount: 1_800_000 })] });
    expect(advice).toMatchObject({ review: expect.objectContaining({ day: 105 }) });
    // taken at its word the day after: each restores at that review, a yuan or a fen less does not
    const reported = (line: string) =>
      at(
        twin("income-falls-debt-stays.yaml", [
          "  - { day: 95, type: repay",
          `  - ${line}\n  - { day: 95, type: repay`,
        ]).steps,
        "review",
        105,
      ).decision;
    expect(reported("{ day: 77, type: income, monthlyIncome: 7750 }")).toBe("restored");
    expect(reported("{ day: 77, type: income, monthlyIncome: 7749 }")).toBeNull();
    expect(reported("{ day: 77, type: external_repayment, amount: 18000 }")).toBe("restored");
    expect(reported("{ day: 77, type: external_repayment, amount: 17999.99 }")).toBeNull();
    // the income falling only that far in the first place suspends nothing
    const lesserFall = twin("income-falls-debt-stays.yaml", ["monthlyIncome: 7000", "monthlyIncome: 7750"]);
    expect(lesserFall.steps.filter((s) => s.decision === "suspended")).toEqual([]);
  });

  it("asked before repaying, customer service dates the restoration from a repayment that day; paid ten days later, it comes a review later", () => {
    const { steps } = passing("calls-before-repaying.yaml");
    const before = at(steps, "contact_support", 71);
    expect(remedy(before, "pay_overdue")).toMatchObject({
      amount: 304_500,
      by: { day: 74, what: "review" },
      cuts: [expect.objectContaining({ from: 500_000, to: 300_000 })],
    });
    expect(remedy(before, "keep_clean_until")).toMatchObject({ day: 161, afterPaying: true });
    expect(remedy(before, "wait_for_review")).toMatchObject({ day: 166 });
    const after = at(steps, "contact_support", 82);
    expect(remedy(after, "keep_clean_until")).toMatchObject({ day: 171, afterPaying: false });
    expect(decided(steps, "restored")).toEqual([[196, "huabei"]]);
    // paid as he called, the review named restores the line, and the cut the answer warned of never comes
    const paidAtOnce = twin("calls-before-repaying.yaml", [
      "{ day: 81, type: repay",
      "{ day: 71, type: repay",
    ]);
    expect(decided(paidAtOnce.steps, "restored")).toEqual([[166, "huabei"]]);
    expect(decided(paidAtOnce.steps, "limit_reduced")).toEqual([]);
    expect(paidAtOnce.final.limit).toBe(500_000);
  });

  it("applications on the morning of the restoring review: the increase refused unassessed, Jiebei assessed and declined, the line restored", () => {
    const { steps } = passing("restored-on-an-application-day.yaml");
    const increase = at(steps, "apply", 166);
    expect(increase.reasons).toEqual(["ACCOUNT_SUSPENDED"]);
    expect(increase.scoreDelta).toBe(0);
    const jiebei = at(steps, "apply", 166, "jiebei");
    expect(jiebei.scoreDelta).toBeLessThan(0);
    const review = at(steps, "review", 166);
    expect(review.decision).toBe("restored");
    expect(review.score).toBe(jiebei.score);
    // never below what restoration needs: SCORE_RECOVERED is not claimed of a score that never fell short
    expect(Math.min(...steps.filter((s) => s.day >= 70).map((s) => s.score))).toBeGreaterThanOrEqual(660);
    expect(review.reasons).not.toContain("SCORE_RECOVERED");
  });

  it("an application elsewhere on the morning of the restoring review: the score still above restoreScore, but not once the line is used — restored a month later", () => {
    const { steps } = passing("restoration-lost-to-an-inquiry.yaml");
    expect(at(steps, "contact_support", 160).score).toBe(721);
    const review = at(steps, "review", 166);
    expect(review.decision).toBeNull();
    expect(describeFact(review.facts.find((f) => f.code === "SCORE_BELOW_MINIMUM")!)).toBe(
      "611 vs minScore 620, once a ¥500.00 line is used",
    );
    expect(decided(steps, "restored")).toEqual([[196, "huabei"]]);
    const noApplication = twin("restoration-lost-to-an-inquiry.yaml", [
      "  - { day: 166, type: external_inquiry }\n",
      "",
    ]);
    expect(decided(noApplication.steps, "restored")).toEqual([[166, "huabei"]]);
  });

  it("Zhang Ming, what if he had not applied so often? Still suspended, two points short; without the inquiry elsewhere too, never", () => {
    const zhang = join(ROOT, "scenarios/zhang-ming.yaml");
    const noIncreases: Array<readonly [string, string]> = [200, 206, 212, 219].map((day) => {
      const line = readFileSync(zhang, "utf8")
        .split("\n")
        .find((l) => l.startsWith(`  - { day: ${day}, type: apply`))!;
      return [`${line}\n`, ""] as const;
    });
    const fewer = twinOf(zhang, ...noIncreases);
    const review = at(fewer.steps, "review", 227);
    expect(review).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(describeFact(review.facts[0]!)).toBe("678 vs delinquentMinScore 680");
    // the applications are not what the review cites now: the overdue and the record are
    expect(review.reasons).not.toContain("INQUIRIES_30D");
    const none = twinOf(zhang, ...noIncreases, ["  - { day: 220, type: external_inquiry }\n", ""]);
    expect(none.steps.filter((s) => s.decision === "suspended")).toEqual([]);
    expect(at(none.steps, "overdue", 226).score).toBeGreaterThanOrEqual(680);
  });
});

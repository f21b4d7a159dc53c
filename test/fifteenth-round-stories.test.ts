// Stories of a fifteenth round, a credit-risk reviewer's (test/fixtures/scenarios): lines at the edge of
// each threshold — an income a fen under a band, a score exactly at a policy's minimum, days past due
// exactly at each trigger and said so, a limit, a minimum or a repayment exactly what a policy's ratio
// makes it — a customer back after a charge-off or after closing a line herself, a dormant line used the
// day before its closure, the statement day moved mid-cycle, an income reported and then corrected, six
// short lates against one long one, and customer service asked every day of a suspension.

import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { REASONS, type Step, simulate, type Trace } from "../src/engine/index.js";
import { explainDay } from "../src/render/explain-day.js";
import { renderExplanation } from "../src/render/explain-text.js";
import { describeFact, reasonText } from "../src/scenario/format.js";
import { loadScenario } from "../src/scenario/load.js";
import { ROOT } from "./helpers/cli.js";
import { at, fixture, lastStep, passing, twin, twinOf, worseOff } from "./helpers/stories.js";

const score = (t: Trace, day: number) => lastStep(t, day).score;
/** The credit-report applications a step's score moves read (an application assessed moves them). */
const inquiryMoves = (s: Step) => s.moves.filter((m) => m.characteristic.startsWith("inquiries"));

describe("stories of a fifteenth round (test/fixtures/scenarios)", () => {
  it("an income a fen under a band's edge is in the band below: ¥5,999.50 a month scores as ¥5,999 does, 10 points under ¥6,000", () => {
    const t = passing("income-fen-under-a-band.yaml");
    const just = twin("income-fen-under-a-band.yaml", ["monthlyIncome: 5999.50", "monthlyIncome: 5999"]);
    const over = twin("income-fen-under-a-band.yaml", ["monthlyIncome: 5999.50", "monthlyIncome: 6000"]);
    expect(score(t, 60)).toBe(score(just, 60));
    expect(score(over, 60) - score(t, 60)).toBe(10);
    // and explain reads it as the income it is, grouped as ¥5,999 is: not "5999.50", a ratio's digits
    const { scenario } = loadScenario(fixture("income-fen-under-a-band.yaml"));
    const text = renderExplanation(explainDay(scenario, t, 0), new Chalk({ level: 0 }));
    expect(text).toMatch(/Monthly income +¥5,999\.50 +¥3,000–¥5,999 /);
  });

  it("a score exactly at the minimum keeps the line; a minimum a point above it suspends for the policy change, saying both numbers", () => {
    const kept = passing("score-at-the-minimum.yaml");
    expect(kept.steps.filter((s) => s.day === 74 && s.decision !== null)).toEqual([]);
    expect(lastStep(kept, 74)).toMatchObject({
      score: 895,
      status: "active",
    });
    const above = twin("score-at-the-minimum.yaml", ["minScore: 895,", "minScore: 896,"]).steps;
    const review = at(above, "review", 74);
    expect(review).toMatchObject({ decision: "suspended", score: 895, status: "suspended", cause: "policy" });
    expect(review.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_MINIMUM"]);
    expect(describeFact(review.facts.find((f) => f.code === "SCORE_BELOW_MINIMUM")!)).toBe(
      "895 vs minScore 896, 620 before the policy change",
    );
  });

  it("back after a charge-off: suspended at exactly 30 days past due, charged off at exactly 180, and every application after — before the repayment and after, Huabei and Jiebei — refused on the lender's own books, costing no inquiry", () => {
    const t = passing("back-after-a-charge-off.yaml");
    const { steps } = t;
    expect(describeFact(at(steps, "overdue", 70).facts[0]!)).toBe("30 days vs suspendOverdueDays 30 days");
    expect(lastStep(t, 69).status).toBe("active");
    const chargedOff = steps.find((s) => s.decision === "charged_off")!;
    expect(chargedOff.day).toBe(220);
    expect(describeFact(chargedOff.facts[0]!)).toBe("180 days vs chargeOffDays 180 days");
    // written off: the ¥1,000 and ¥89.50 of penalty, the balance still owed until repaid on day 300
    expect(chargedOff).toMatchObject({
      writtenOff: 108_950,
      balance: 108_950,
      purchases: 100_000,
      charges: 8_950,
    });
    for (const [day, line] of [
      [250, "huabei"],
      [310, "huabei"],
      [311, "jiebei"],
    ] as const) {
      const refused = at(steps, "apply", day, line);
      expect(refused.reasons).toEqual(["DEBT_WRITTEN_OFF"]);
      expect(inquiryMoves(refused)).toEqual([]);
    }
    // repaid in full, still charged off: nothing overdue is asked for after it, and no line comes back
    expect(lastStep(t, 300)).toMatchObject({ balance: 0, repayments: 108_950, status: "charged_off" });
    expect(at(steps, "contact_support", 301).remedies.map((r) => r.kind)).not.toContain("pay_overdue");
  });

  it("a dormant line used the day before the review that would close it is kept; used the day after, it is closed and the purchase declined", () => {
    const kept = passing("dormant-used-the-day-before.yaml");
    expect(kept.steps.filter((s) => s.day === 380)).toEqual([]);
    expect(lastStep(kept, 380).status).toBe("active");
    const late = twin("dormant-used-the-day-before.yaml", [
      "{ day: 379, type: purchase",
      "{ day: 381, type: purchase",
    ]).steps;
    expect(at(late, "review", 380)).toMatchObject({
      decision: "closed",
      status: "closed",
      reasons: ["DORMANT_ACCOUNT"],
    });
    expect(at(late, "purchase", 381).decision).toBe("declined");
  });

  it("closed by the customer and back: Huabei reopened the next day at no more than its last limit; Jiebei closed while suspended for its own overdue reopens only after the clean period, at its last limit", () => {
    const { steps } = passing("closed-by-her-then-back.yaml");
    expect(at(steps, "apply", 39).reasons).toEqual(["INCREASE_TOO_SOON"]);
    expect(describeFact(at(steps, "apply", 39).facts[0]!)).toBe("39 days vs increaseCooldownDays 90 days");
    const early = at(steps, "apply", 140, "jiebei");
    expect(describeFact(early.facts.find((f) => f.code === "OVERDUE_TOO_RECENT")!)).toBe(
      "40 days vs restoreCleanDays 90 days",
    );
    expect(at(steps, "apply", 200, "jiebei").jiebei.limit).toBe(2_000_000);
  });

  it("the statement day moved mid-cycle: the purchase billed once, on the new day, due on the new due day; nothing charged for the longer cycle, and customer service names the new dates", () => {
    const t = passing("statement-day-moved.yaml");
    const statements = t.steps.filter((s) => s.event.type === "statement");
    expect(statements.map((s) => [s.day, s.event])).toMatchObject([
      [50, { billed: 300_000, dueDay: 64 }],
      [79, { billed: 30_000, dueDay: 95 }],
    ]);
    expect(lastStep(t, 150).charges).toBe(0);
    expect(at(t.steps, "contact_support", 40).remedies.find((r) => r.kind === "next_due")).toMatchObject({
      day: 64,
    });
  });

  it("Zhang Ming asks customer service every day of his suspension: from the day he repays, every answer names the review of day 319, and that review restores him", () => {
    const file = join(ROOT, "scenarios/zhang-ming.yaml");
    const daily = Array.from({ length: 90 }, (_, i) => `  - { day: ${229 + i}, type: contact_support }`).join(
      "\n",
    );
    const { steps } = twinOf(
      file,
      ["  - { day: 230, type: contact_support }\n", ""],
      ["  - { day: 262, type: contact_support }\n", ""],
      ["events:\n", `events:\n${daily}\n`],
    );
    const answers = steps.filter((s) => s.event.type === "contact_support" && s.day >= 229 && s.day <= 318);
    expect(answers).toHaveLength(90);
    for (const a of answers)
      expect(a.remedies.find((r) => r.kind === "wait_for_review")).toMatchObject({ day: 319 });
    expect(at(steps, "review", 319)).toMatchObject({ decision: "restored", status: "active" });
  });

  it("a trigger reached exactly is said as reached, not as passed: 30 days past due on a trigger of 30, a year unused on 365, 180 days suspended on 180 — none is 'longer than the policy allows'", () => {
    const overdue = at(passing("back-after-a-charge-off.yaml").steps, "overdue", 70);
    expect(describeFact(overdue.facts[0]!)).toBe("30 days vs suspendOverdueDays 30 days");
    // a line opened on 15 January 2023 and never used: closed by the review 365 days on, exactly the policy's
    const dormant = twin(
      "dormant-used-the-day-before.yaml",
      ["start: 2024-01-01", "start: 2023-01-15"],
      ["  - { day: 379, type: purchase, amount: 10, merchant: Hema }\n", ""],
      ["  - { day: 406, type: repay, amount: full }\n", ""],
    );
    const closed = at(dormant.steps, "review", 365);
    expect(closed).toMatchObject({ decision: "closed", reasons: ["DORMANT_ACCOUNT"] });
    expect(describeFact(closed.facts[0]!)).toBe("365 days vs dormantCloseDays 365 days");
    // and the long suspension's closure on the review closeAfterSuspendedDays after it, its words alike
    for (const code of ["OVERDUE_TOO_LONG", "DORMANT_ACCOUNT", "LONG_SUSPENSION"] as const)
      expect(reasonText(code)).not.toMatch(/longer than/);
    expect(REASONS.DORMANT_ACCOUNT.recorded).not.toMatch(/longer than/);
    expect(reasonText("OVERDUE_TOO_LONG")).toBe(
      "A repayment has been overdue for the policy's limit of days or more",
    );
  });

  it("an increase asked a fen over the utilisation cap is declined with its number said over the cap — 90.1 %, not '90 % vs 90 %' — and the repayment named is that fen; exactly at the cap, it is raised", () => {
    const declined = at(passing("increase-a-fen-over-the-cap.yaml").steps, "apply", 102);
    expect(describeFact(declined.facts[0]!)).toBe("90.1 % vs maxIncreaseUtilisation 90 %");
    expect(declined.facts[0]).toMatchObject({ amount: 1 });
    const at90 = twin("increase-a-fen-over-the-cap.yaml", ["amount: 4500.01", "amount: 4500"]).steps;
    expect(at(at90, "apply", 102)).toMatchObject({ decision: "approved", limit: 1_000_000 });
  });

  it("six short lates against one long one: each suspended by its own rule, and from the sixth late on the habit scores no higher than the one 60-day delinquency — six missed due dates against three", () => {
    const short = passing("six-short-lates.yaml");
    const long = passing("one-long-late.yaml");
    expect(short.steps.map((s) => s.overdueDays).reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(6);
    // due on day 40, repaid on day 100: 53 days past due at its last step before the repayment (day 93)
    expect(long.steps.map((s) => s.overdueDays).reduce((a, b) => Math.max(a, b))).toBe(53);
    // the day the habit is suspended for and every day after, to the year's end: the long late never lower
    expect(worseOff(long, short).filter((d) => Number.parseInt(d, 10) >= 196)).toEqual([]);
    expect(score(long, 300) - score(short, 300)).toBeGreaterThan(100);
  });

  it("a limit asked at exactly what the income multiple allows is granted: 1.4 × ¥5,500 is ¥7,700, not ¥7,600 for a product a hair short in binary", () => {
    const { steps } = passing("income-multiple-exactly.yaml");
    expect(at(steps, "apply", 1)).toMatchObject({ decision: "approved", limit: 770_000 });
    // a fen less of income is under it: the cap is ¥7,600 then
    const less = twin("income-multiple-exactly.yaml", [
      "monthlyIncome: 5500",
      "monthlyIncome: 5499.99",
    ]).steps;
    expect(at(less, "apply", 1)).toMatchObject({ decision: "approved_lower", limit: 760_000 });
  });

  it("a cap the income multiple sets at exactly the product's maximum ties: the band, named first, is said — no income lifts it", () => {
    // 1.4 × ¥5,500 is 7,699.999… in binary: compared before rounding it was below the ¥7,700 band and named
    // (LIMIT_CAPPED_BY_INCOME, "report a higher income"), though the product's maximum caps it the same
    const { steps } = twin(
      "income-multiple-exactly.yaml",
      [
        "set: { maxLimitIncomeMultiple: 1.4 }",
        "set: { maxLimitIncomeMultiple: 1.4, limitBands: [{ minScore: 620, maxLimit: 3000 }, { minScore: 680, maxLimit: 7700 }] }",
      ],
      ["amount: 7700 }", "amount: 9000 }"],
    );
    expect(at(steps, "apply", 1)).toMatchObject({
      decision: "approved_lower",
      limit: 770_000,
      reasons: ["LIMIT_CAPPED_PRODUCT_MAXIMUM"],
    });
  });

  it("an increase refused at a 70 % utilisation cap names the least repayment to the fen: ¥70.00 of ¥700.00 owed on ¥900, which paid lets the increase through", () => {
    const { steps } = passing("increase-cap-at-seventy-percent.yaml");
    expect(at(steps, "apply", 3).facts[0]).toMatchObject({ code: "UTILISATION_TOO_HIGH", amount: 7_000 });
    expect(at(steps, "apply", 5)).toMatchObject({ decision: "approved", limit: 140_000 });
  });

  it("an income reported and then corrected: the cash line cut to the real income at once, the loan kept to its terms, suspended at the review customer service named — and the repayment it named, to the fen, keeps the line", () => {
    const file = "income-reported-then-corrected.yaml";
    const { steps } = passing(file);
    const told = at(steps, "contact_support", 46).remedies;
    expect(told.find((r) => r.kind === "review_suspends")).toMatchObject({ day: 74 });
    expect(told.find((r) => r.kind === "reduce_debt")).toMatchObject({
      repay: [{ debt: "jiebei", amount: 472_000 }],
    });
    expect(describeFact(at(steps, "review", 74, "jiebei").facts[0]!)).toBe(
      "1.05 vs jiebeiMaxDebtToIncome 1.00",
    );
    const repaid = (amount: string) =>
      twin(file, [
        "  - { day: 46, type: contact_support }\n",
        `  - { day: 46, type: contact_support }\n  - { day: 50, type: repay, line: jiebei, amount: ${amount} }\n`,
      ]);
    const followed = repaid("4720");
    expect(at(followed.steps, "review", 74, "jiebei")).toBeUndefined();
    expect(lastStep(followed, 74).jiebei.status).toBe("active");
    expect(at(repaid("4719.99").steps, "review", 74, "jiebei")).toMatchObject({ decision: "suspended" });
  });

  it("a minimum of 7 % of a ¥1,000.00 bill is ¥70.00, not a fen more for a product a hair over in binary", () => {
    const { steps } = passing("minimum-at-seven-percent.yaml");
    expect(at(steps, "statement", 31).event).toMatchObject({ billed: 100_000, minimum: 7_000 });
    expect(at(steps, "repay", 38)).toMatchObject({ applied: 7_000, balance: 93_000 });
  });

  it("explain says the chance of default with its article: six short lates a year on score 705, 'an 11 % chance', not 'a 11 %'", () => {
    // as `explain --day 400` reads it: the day observed, its end what time did after the last step too
    const { scenario } = loadScenario(fixture("six-short-lates.yaml"));
    const day = explainDay(scenario, simulate({ ...scenario, observe: [399, 400] }), 400);
    const text = renderExplanation(day, new Chalk({ level: 0 }));
    expect(text).toContain("(excellent; an 11 % chance of default within a year");
    expect(text).not.toContain(" a 11 %");
  });
});

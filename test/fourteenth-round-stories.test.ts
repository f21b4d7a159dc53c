// Stories of a fourteenth round, a credit-risk reviewer's (test/fixtures/scenarios): what a lender signs
// off on — a line the lender suspended not held against its customer as left unused, debt moved from the
// revolving line to a cash loan, twins who behave strictly better on paths the property tests do not
// generate, money to the fen across a suspension, every score change explained, and a policy tightened
// mid-way: who is cut, who is suspended, and what they are told.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Step } from "../src/engine/index.js";
import { CHARACTERISTICS, SCORE_MAX, SCORE_MIN } from "../src/engine/scorecard.js";
import { explainDay } from "../src/render/explain-day.js";
import { runScenario } from "../src/run-scenario.js";
import { describeFact, describeRemedy } from "../src/scenario/format.js";
import { ROOT } from "./helpers/cli.js";
import { at, fixture, passing, twin, twinOf, worseOff } from "./helpers/stories.js";

const remedy = (s: Step, kind: string) => s.remedies.find((r) => r.kind === kind)!;
/** The review of `line` on `day` (a review step names its line). */
const reviewOf = (steps: readonly Step[], day: number, line: "huabei" | "jiebei") =>
  steps.find((s) => s.event.type === "review" && s.day === day && s.line === line)!;

describe("stories of a fourteenth round (test/fixtures/scenarios)", () => {
  it("a line the lender suspended is not a line left unused: the days it was kept suspended do not count against an increase, the days it was open do", () => {
    const { steps } = passing("suspended-is-not-unused.yaml");
    // 210 days since the repayment of day 40, 122 of them suspended for the policy: 88 open, granted
    expect(at(steps, "apply", 250)).toMatchObject({ decision: "approved", limit: 1_000_000 });
    // left unused 198 days once restored (320 since the use, less the 122 suspended): declined, and the
    // number said is the days the line was open to her, not the days since
    const later = at(
      twin("suspended-is-not-unused.yaml", [
        "{ day: 250, type: apply, product: increase, amount: 5000 }",
        "{ day: 360, type: apply, product: increase, amount: 5000 }",
      ]).steps,
      "apply",
      360,
    );
    expect(later.reasons[0]).toBe("LINE_NOT_IN_USE");
    expect(describeFact(later.facts[0]!)).toBe("198 days vs increaseUsedWithinDays 180 days");
  });

  it("customer service's way back to a cut limit does not count the days the line was kept suspended as unused: the increase it names after an early review is approved as it says", () => {
    const { steps } = passing("cut-then-suspended-increase-told.yaml");
    const told = remedy(at(steps, "contact_support", 310), "limit_cut");
    // used on day 110, suspended from day 196: 86 days unused before the lender's suspension, not 190
    // what stands in the way is the identity the policy asks (the verify step listed beside it), nothing else
    expect(told).toMatchObject({
      increase: { day: 310, restored: true, blocked: { code: "IDENTITY_REQUIRED" } },
    });
    expect(JSON.stringify(told)).not.toContain("LINE_NOT_IN_USE");
    expect(at(steps, "apply", 312)).toMatchObject({ decision: "approved", limit: 1_400_000 });
  });

  it("customer service's day to apply from is not before the review it names: the applications leave the 30-day count on day 68, the restoring review on day 196 reads six months of them", () => {
    const file = fixture("applications-age-before-the-review.yaml");
    const { steps } = passing("applications-age-before-the-review.yaml");
    const wait = remedy(at(steps, "contact_support", 50), "wait_for_inquiries");
    expect(wait).toMatchObject({ day: 68, review: { day: 196 } });
    expect(describeRemedy(wait)).toContain("do not apply before that review");
    expect(remedy(at(steps, "contact_support", 50), "wait_for_review")).toMatchObject({ day: 196 });
    // one application after day 68, as the 30-day date read alone allowed, keeps the line from that review
    const applied = twinOf(file, [
      "  - { day: 50, type: contact_support }",
      "  - { day: 50, type: contact_support }\n  - { day: 70, type: external_inquiry }",
    ]).steps;
    expect(at(applied, "review", 196).decision).not.toBe("restored");
  });

  it("a line the lender closed after a long suspension is reopened above its last limit: the days it was kept suspended before the closure are not days it went unused", () => {
    const { steps } = passing("closed-for-a-policy-reopened.yaml");
    expect(at(steps, "review", 258)).toMatchObject({
      decision: "closed",
      reasons: ["LONG_SUSPENSION", "POLICY_CHANGE", "IDENTITY_REQUIRED"],
    });
    // reopened at the ¥8,000 asked, not held to its last ¥5,000 for 218 days unused (day 40 to 258)
    expect(at(steps, "apply", 290)).toMatchObject({
      decision: "approved",
      limit: 800_000,
      reasons: ["MEETS_POLICY"],
    });
    // the policy changed in August instead: 187 days open and unused before the suspension are hers, and
    // the reopening is held to the last limit for them — the count stops at the suspension, not the closure
    const late = twin(
      "closed-for-a-policy-reopened.yaml",
      ["2024-02-20, type: policy", "2024-08-01, type: policy"],
      ["{ day: 280, type: verify_identity }", "{ day: 420, type: verify_identity }"],
      [
        "{ day: 290, type: apply, product: open, amount: 8000 }",
        "{ day: 430, type: apply, product: open, amount: 8000 }",
      ],
      ["until: 300", "until: 450"],
    ).steps;
    expect(at(late, "review", 411)).toMatchObject({
      decision: "closed",
      reasons: ["LONG_SUSPENSION", "POLICY_CHANGE", "IDENTITY_REQUIRED"],
    });
    const held = at(late, "apply", 430);
    expect(held).toMatchObject({ decision: "approved_lower", limit: 500_000, reasons: ["LINE_NOT_IN_USE"] });
    expect(describeFact(held.facts[0]!)).toBe("187 days vs increaseUsedWithinDays 180 days");
  });

  it("a policy tightened mid-way: Huabei cut to the new income cap, Jiebei suspended for its new debt cap — each citing the policy change and the number before it; the repayment customer service names restores Jiebei at the review it names", () => {
    const { steps } = passing("tightened-both-lines.yaml");
    // no notice and no suspension on the day of the change: the next periodic review judges the lines
    expect(
      steps.filter((s) => s.day >= 60 && s.day < 74 && s.decision !== null).map((s) => s.decision),
    ).toEqual([]);
    const cut = reviewOf(steps, 74, "huabei");
    expect(cut).toMatchObject({ decision: "limit_reduced", limit: 1_200_000, status: "active" });
    expect(cut.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "INCOME_BELOW_LIMIT"]);
    expect(describeFact(cut.facts[0]!)).toContain("¥16,000.00 before the policy change");
    const suspended = reviewOf(steps, 74, "jiebei");
    expect(suspended.decision).toBe("suspended");
    expect(suspended.jiebei).toMatchObject({ status: "suspended", cause: "policy" });
    expect(suspended.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "DEBT_TO_INCOME_TOO_HIGH"]);
    expect(describeFact(suspended.facts[0]!)).toBe(
      "0.64 vs jiebeiMaxDebtToIncome 0.60, 1.00 before the policy change",
    );
    // the same score (855) on both days: the score did not move, the rules did
    expect([at(steps, "policy", 60).score, suspended.score]).toEqual([855, 855]);
    // customer service names the repayment; its words say what the number counted: Huabei at its limit,
    // Jiebei at its smallest loan (¥500 and ¥6.20 of interest), the debt cap leaving no more to be drawn —
    // not "the ¥1,000.00 smallest line …, used in full", which would have asked ¥493.80 more
    const told = at(steps, "contact_support", 75);
    const advice = remedy(told, "reduce_debt");
    expect(advice).toMatchObject({ repay: [{ debt: "elsewhere", amount: 1_490_620 }], review: { day: 105 } });
    expect(told.facts[0]).toMatchObject({
      debtCounted: 7_250_620,
      jiebeiCounted: 50_620,
      jiebeiLeast: 50_000,
    });
    const words = describeRemedy(advice);
    expect(words).not.toContain("smallest line it would be restored at, used in full");
    expect(words).toContain(
      "Jiebei at what it owes and what its debt cap still lets be drawn within the ¥1,000.00 smallest line it would be restored at, its smallest loan at least",
    );
    // followed to the fen, restored at the review named, at its own limit, at 0.60 exactly; a fen less, not
    expect(reviewOf(steps, 105, "jiebei")).toMatchObject({
      decision: "restored",
      reasons: ["DEBT_BURDEN_REDUCED", "MEETS_CURRENT_POLICY"],
    });
    expect(reviewOf(steps, 105, "jiebei").jiebei.limit).toBe(1_000_000);
    const short = twin("tightened-both-lines.yaml", ["amount: 14906.20", "amount: 14906.19"]).steps;
    expect(reviewOf(short, 105, "jiebei").decision).toBe(null);
    expect(reviewOf(short, 105, "jiebei").reasons[0]).toBe("NOT_RESTORED_YET");
    // the twins a policy change meets better placed — ¥5,000 less owed elsewhere, or ¥1,000 more a month:
    // Jiebei never suspended, and neither ends a day lower, cut deeper or more suspended
    const base = passing("tightened-both-lines.yaml");
    const owesLess = twin("tightened-both-lines.yaml", ["externalDebt: 60000", "externalDebt: 55000"]);
    const earnsMore = twin("tightened-both-lines.yaml", ["monthlyIncome: 8000", "monthlyIncome: 9000"]);
    for (const better of [owesLess, earnsMore]) {
      expect(better.steps.filter((s) => s.decision === "suspended")).toEqual([]);
      expect(worseOff(better, base)).toEqual([]);
    }
  });

  it("arrears paid down in three parts while suspended: each part pays the penalty first, the penalty falls with the principal, ¥64.00 in all; restored mid-cycle, the next purchase billed whole and free", () => {
    const trace = passing("arrears-paid-down-while-suspended.yaml");
    const { steps } = trace;
    // ¥2,000 at 0.05 % is ¥1.00 a day from 11 February (day 41): 39 days by the first part on day 80,
    // which pays them and ¥500; ¥1,500 bears ¥0.75 for 20 days, ¥1,000 ¥0.50 for 20
    expect(at(steps, "overdue", 70)).toMatchObject({ decision: "suspended", balance: 202_900 });
    expect(at(steps, "repay", 80)).toMatchObject({ applied: 53_900, balance: 150_000 });
    expect(at(steps, "statement", 91).balance).toBe(150_825);
    expect(at(steps, "repay", 100)).toMatchObject({ applied: 51_500, balance: 100_000 });
    expect(at(steps, "repay", 120)).toMatchObject({ applied: 101_000, balance: 0 });
    expect(trace.final).toMatchObject({ penalties: 6_400, charges: 6_400, balance: 0 });
    // the penalty's rate is the same suspended or not: nothing else was charged in 80 days in arrears
    const f = trace.final;
    expect(f.purchases - f.repayments + f.charges - f.waived).toBe(f.balance);
    // restored at the review of 15 August, 107 days after the arrears were cleared (the review after the
    // 90th clean day), at the ¥3,000 the score's band cut it to while suspended
    expect(at(steps, "review", 227)).toMatchObject({ decision: "restored", limit: 300_000 });
    expect(at(steps, "statement", 244).event).toMatchObject({ minimum: 3_000 });
    // a customer who paid ¥1,000 more in the first part is cleared on day 100 (the ¥515 takes the ¥5.00
    // penalty and the last ¥500, the day-120 repayment finds nothing owed), pays ¥44.00 and is never worse off
    const sooner = twin("arrears-paid-down-while-suspended.yaml", [
      "{ day: 80, type: repay, amount: 539 }",
      "{ day: 80, type: repay, amount: 1539 }",
    ]);
    expect(sooner.final.penalties).toBe(4_400);
    expect(at(sooner.steps, "repay", 100).applied).toBe(50_500);
    expect(at(sooner.steps, "repay", 120).applied).toBe(0);
    expect(worseOff(sooner, trace)).toEqual([]);
  });

  it("a second product's twins: who borrows less on Jiebei, pays its instalment on the due day, or repays the loan in its third month never ends a day lower, cut or suspended", () => {
    const name = "jiebei-instalment-late-twins.yaml";
    const base = passing(name);
    // six days late on the second instalment: past its grace, the month's grid code 1 and 90 points
    expect(base.grid.jiebei!.map((m) => m.code).join("")).toBe("*N1NNNN**");
    expect(at(base.steps, "overdue", 83, "jiebei").scoreDelta).toBe(-90);
    const twins = {
      less: twin(name, [
        "{ day: 19, type: borrow, amount: 8000, term: 6 }",
        "{ day: 19, type: borrow, amount: 5000, term: 6 }",
      ]),
      onTime: twin(name, [
        "{ day: 85, type: repay, line: jiebei, amount: minimum }",
        "{ day: 79, type: repay, line: jiebei, amount: minimum }",
      ]),
      early: twin(name, [
        "{ day: 109, type: repay, line: jiebei, amount: minimum }",
        "{ day: 109, type: repay, line: jiebei, amount: full }",
      ]),
    };
    for (const [which, t] of Object.entries(twins)) expect([which, worseOff(t, base)]).toEqual([which, []]);
    // each is better somewhere, not only never worse: less interest, or no missed due date
    expect(twins.less.final.jiebei.charges).toBeLessThan(base.final.jiebei.charges);
    expect(twins.onTime.grid.jiebei!.map((m) => m.code).join("")).toBe("*NNNNNN**");
    expect(twins.early.final.jiebei.charges).toBeLessThan(base.final.jiebei.charges);
  });

  it("every day of this round's stories and Zhang Ming's is explained to the point: explain's characteristics add up to the score, each step's moves to its change, and each adverse decision cites at most four reasons, a rule's first", () => {
    const files = [
      join(ROOT, "scenarios/zhang-ming.yaml"),
      ...[
        "suspended-is-not-unused.yaml",
        "tightened-both-lines.yaml",
        "arrears-paid-down-while-suspended.yaml",
        "jiebei-instalment-late-twins.yaml",
        "held-with-a-loan-running.yaml",
      ].map(fixture),
    ];
    const factors = new Set(CHARACTERISTICS.map((c) => c.reason));
    let days = 0;
    for (const file of files) {
      const { loaded, trace } = runScenario(file);
      for (const day of new Set(trace.steps.map((s) => s.day))) {
        const { score } = explainDay(loaded.scenario, trace, day);
        const points = score.factors.reduce((a, f) => a + f.points, 0);
        expect([file, day, Math.min(SCORE_MAX, Math.max(SCORE_MIN, SCORE_MIN + points))]).toEqual([
          file,
          day,
          score.value,
        ]);
        days++;
      }
      for (const s of trace.steps) {
        const moved = s.moves.reduce((a, m) => a + m.to - m.from, 0);
        // the floor and the ceiling absorb what goes past them; nothing else is unexplained
        if (s.score > SCORE_MIN && s.score < SCORE_MAX)
          expect([file, s.day, moved]).toEqual([file, s.day, s.scoreDelta]);
        if (["declined", "suspended", "limit_reduced", "closed"].includes(s.decision ?? "")) {
          expect(s.reasons.length).toBeLessThanOrEqual(4);
          // the cause first, never a characteristic of the score that only adds to it
          expect([file, s.day, factors.has(s.reasons[0]!)]).toEqual([file, s.day, false]);
        }
      }
    }
    expect(days).toBe(141);
  });

  it("a security hold with a Jiebei loan running: both lines held on the third change, the instalment paid while held costs its interest alone, verifying lifts both that day; one change fewer or verifying at once is never worse", () => {
    const name = "held-with-a-loan-running.yaml";
    const held = passing(name);
    const { steps } = held;
    const holds = steps.filter((s) => s.day === 64 && s.decision === "suspended");
    expect(holds.map((s) => [s.line, s.reasons[0]])).toEqual([
      ["huabei", "SECURITY_PROFILE_CHANGES"],
      ["jiebei", "SECURITY_PROFILE_CHANGES"],
    ]);
    expect(describeFact(holds[0]!.facts[0]!)).toContain("3 vs securityMaxChanges 2 within 30 days");
    // a purchase asked while held is declined for the hold, not judged
    expect(at(steps, "purchase", 65)).toMatchObject({
      decision: "declined",
      reasons: ["ACCOUNT_SUSPENDED"],
    });
    // ¥1,000 of principal and 29 days at ¥2.00 on the ¥5,000 owed: what it would have cost unheld
    expect(at(steps, "repay", 69, "jiebei")).toMatchObject({ applied: 105_800 });
    expect(
      steps.filter((s) => s.day === 76 && s.decision === "restored").map((s) => [s.line, s.reasons]),
    ).toEqual([
      ["huabei", ["IDENTITY_VERIFIED"]],
      ["jiebei", ["IDENTITY_VERIFIED"]],
    ]);
    // the twins: the third change never made, or verified the same day
    const fewer = twin(name, ["  - { day: 64, type: change_profile, field: phone }\n", ""]);
    const atOnce = twin(
      name,
      [
        "{ day: 64, type: change_profile, field: phone }",
        "{ day: 64, type: change_profile, field: phone }\n  - { day: 64, type: verify_identity }",
      ],
      ["  - { day: 76, type: verify_identity }\n", ""],
    );
    expect(fewer.steps.filter((s) => s.decision === "suspended")).toEqual([]);
    expect(atOnce.steps.filter((s) => s.day > 64 && s.decision === "declined")).toEqual([]);
    for (const better of [fewer, atOnce]) {
      expect(worseOff(better, held)).toEqual([]);
      // the same loan repaid on the same days: the hold cost not a fen of interest or penalty
      expect(better.final.jiebei.charges).toBe(held.final.jiebei.charges);
    }
  });
});

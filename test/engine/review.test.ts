// The review engine's rules, through small scenarios. Thresholds are set by the test (testPolicy), so the
// calibration of the shipped scorecard and policies does not change what these tests mean.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REASONS, type ReasonCode } from "../../src/engine/reasons.js";
import { simulate } from "../../src/engine/simulate.js";
import type { Step } from "../../src/engine/types.js";
import { describeFact } from "../../src/scenario/format/fact-text.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import {
  applicationsElsewhere,
  baselineScore,
  DEFAULT_POLICY,
  type EventInput,
  on,
  run,
  scoreFallsAfterOpening,
  stateOn,
  stepOn,
  stepsOf,
  testPolicy,
} from "./builders.js";

// 2024 calendar with the test policy: statements on the 1st (days 0, 31, 60, 91…), due on the 10th (40, 69,
// 100…), reviews on the 15th (14, 45, 74, 105, 135, 166…).
const REVIEW_DAYS = [14, 45, 74, 105, 135, 166, 196, 227];

const decisions = (steps: readonly Step[]) => steps.map((s) => s.decision);

/**
 * A customer who falls behind and then clears it, under a policy change they cannot meet: a bill left
 * unpaid until day 80 (30 days past due on day 70: suspended for credit), then every statement paid, with
 * ¥1,200 in 12 instalments running; from `policyDay` the policy requires the verified identity this
 * customer lacks. Restoration needs 30 clean days.
 */
function clearedUnderChange(policyDay: number) {
  const events: EventInput[] = [
    on.open(0, 5_000),
    on.purchase(3, 1_000),
    on.purchase(4, 1_200, null, 12),
    on.repay(80, "full"),
    on.policy(policyDay, { set: { requireVerified: true } }),
    ...[97, 128, 158, 189, 220, 250, 281, 311].map((d) => on.repay(d, "statement")),
  ];
  const options = {
    policy: testPolicy({ requireVerified: false, restoreCleanDays: 30 }),
    profile: { verified: false },
    until: 330,
  };
  return { events, options };
}

describe("applications to open", () => {
  it("approve the amount asked when the score and income support it", () => {
    const t = run([on.open(0, 5_000)]);
    const s = stepOn(t, "apply", 0);
    expect(s.decision).toBe("approved");
    expect(s.reasons).toEqual(["MEETS_POLICY"]);
    expect(s.limit).toBe(500_000);
    expect(s.status).toBe("active");
    expect(s.available).toBe(500_000);
  });

  it("decline a second account with ACCOUNT_EXISTS and keep the limit", () => {
    const t = run([on.open(0, 5_000), on.open(3, 9_000)]);
    const s = stepOn(t, "apply", 3);
    expect(s.decision).toBe("declined");
    expect(s.reasons).toEqual(["ACCOUNT_EXISTS"]);
    expect(s.limit).toBe(500_000);
  });

  it("an application refused before any assessment is no inquiry: no points lost, not counted as an application", () => {
    // ACCOUNT_EXISTS, NO_ACCOUNT, ACCOUNT_SUSPENDED, ACCOUNT_CLOSED and DEBT_WRITTEN_OFF are decided on the
    // lender's books: no credit report is pulled for them
    const policy = testPolicy({ maxApplications30d: 2 });
    const t = run(
      [
        on.open(0, 5_000),
        on.open(1, 5_000),
        on.increase(2, 1_000, "jiebei"),
        on.open(3, 5_000),
        on.open(4, 5_000, "jiebei"),
      ],
      { policy },
    );
    for (const [day, code] of [
      [1, "ACCOUNT_EXISTS"],
      [2, "NO_ACCOUNT"],
      [3, "ACCOUNT_EXISTS"],
    ] as const) {
      const s = stepOn(t, "apply", day);
      expect(s.reasons).toEqual([code]);
      expect(s.scoreDelta).toBe(0);
      expect(s.inputs.inquiries30d).toBe(1);
    }
    // Jiebei's is the second assessed application in 30 days (its own counted), within maxApplications30d
    const jiebei = stepOn(t, "apply", 4);
    expect(jiebei.decision).toBe("approved");
    expect(jiebei.inputs.inquiries30d).toBe(2);
  });

  it("decline with TOO_MANY_APPLICATIONS above maxApplications30d, counting own and external inquiries", () => {
    const policy = testPolicy({ maxApplications30d: 2 });
    const over = run([on.externalInquiry(0), on.externalInquiry(1), on.open(2, 5_000)], { policy });
    expect(stepOn(over, "apply", 2).decision).toBe("declined");
    expect(stepOn(over, "apply", 2).reasons[0]).toBe("TOO_MANY_APPLICATIONS");
    const atLimit = run([on.externalInquiry(1), on.open(2, 5_000)], { policy });
    expect(stepOn(atLimit, "apply", 2).decision).toBe("approved");
    // the window is 30 days: inquiries on day 0 no longer count on day 30
    const later = run([on.externalInquiry(0), on.externalInquiry(0), on.open(30, 5_000)], { policy });
    expect(stepOn(later, "apply", 30).decision).toBe("approved");
  });

  it("decline below minOpenScore, judged on the score before the application's own inquiry", () => {
    const before = baselineScore();
    const at = run([on.open(0, 5_000)], { policy: testPolicy({ minOpenScore: before }) });
    expect(stepOn(at, "apply", 0).decision).toBe("approved");
    const above = run([on.open(0, 5_000)], { policy: testPolicy({ minOpenScore: before + 1 }) });
    const s = stepOn(above, "apply", 0);
    expect(s.decision).toBe("declined");
    expect(s.reasons[0]).toBe("SCORE_BELOW_OPEN_MINIMUM");
    // the scorecard's own reasons follow the rule's code
    expect(s.reasons.length).toBeGreaterThan(1);
    expect(s.status).toBe("none");
    expect(s.limit).toBe(0);
  });

  it("decline when the policy's eligibility rules fail (verified identity, debt to income)", () => {
    const unverified = run([on.open(0, 5_000)], {
      policy: testPolicy({ requireVerified: true }),
      profile: { verified: false },
    });
    expect(stepOn(unverified, "apply", 0).reasons[0]).toBe("IDENTITY_REQUIRED");
    const indebted = run([on.open(0, 5_000)], {
      policy: testPolicy({ maxDebtToIncome: 0.5 }),
      profile: { monthlyIncome: 10_000, externalDebt: 60_001 * 100 },
    });
    expect(stepOn(indebted, "apply", 0).decision).toBe("declined");
    expect(stepOn(indebted, "apply", 0).reasons[0]).toBe("DEBT_TO_INCOME_TOO_HIGH");
    // within the cap with the line used in full: ¥55,000 elsewhere and the ¥5,000 line make ¥60,000
    const justUnder = run([on.open(0, 5_000)], {
      policy: testPolicy({ maxDebtToIncome: 0.5 }),
      profile: { monthlyIncome: 10_000, externalDebt: 55_000 * 100 },
    });
    expect(stepOn(justUnder, "apply", 0).decision).toBe("approved");
  });

  it("approve lower, naming the cap that bound: the score's band, the income, the thin-file cap", () => {
    const band = run([on.open(0, 5_000)], {
      policy: testPolicy({
        limitBands: [
          { minScore: 350, maxLimit: 3_000 },
          { minScore: 950, maxLimit: 9_000 },
        ],
      }),
    });
    expect(stepOn(band, "apply", 0)).toMatchObject({
      decision: "approved_lower",
      facts: [{ code: "LIMIT_CAPPED_BY_SCORE", parameter: "limitBands", threshold: 300_000 }],
      limit: 300_000,
      status: "active",
    });
    // the score's band is a score decision: the characteristics follow (its own test below)
    // a counteroffer's reasons are why less was granted (Regulation B 1002.9), MEETS_POLICY not among them
    expect(stepOn(band, "apply", 0).reasons[0]).toBe("LIMIT_CAPPED_BY_SCORE");
    const top = run([on.open(0, 5_000)], {
      policy: testPolicy({ limitBands: [{ minScore: 350, maxLimit: 3_000 }] }),
    });
    expect(stepOn(top, "apply", 0).reasons).toEqual(["LIMIT_CAPPED_PRODUCT_MAXIMUM"]);
    const income = run([on.open(0, 5_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 2 }),
      profile: { monthlyIncome: 1_234 },
    });
    // two months of income, in whole hundreds of yuan
    expect(stepOn(income, "apply", 0)).toMatchObject({
      decision: "approved_lower",
      limit: 240_000,
      reasons: ["LIMIT_CAPPED_BY_INCOME", "LOW_INCOME"],
    });
    const thin = run([on.open(0, 5_000)], {
      policy: testPolicy({ thinFileMaxLimit: 1_500 }),
      profile: { creditHistoryMonths: 0 },
    });
    expect(stepOn(thin, "apply", 0)).toMatchObject({
      limit: 150_000,
      reasons: ["LIMIT_CAPPED_THIN_FILE", "NO_REPAYMENT_RECORD", "SHORT_HISTORY"],
    });
  });

  it("a limit held to the score's band names what holds the score down, as a cut to the band does", () => {
    // unverified, with debt elsewhere: the two characteristics furthest below their maximum
    const profile = { verified: false, externalDebt: 60_000 * 100, monthlyIncome: 10_000 };
    const policy = testPolicy({
      limitBands: [
        { minScore: 350, maxLimit: 3_000 },
        { minScore: 950, maxLimit: 9_000 },
      ],
    });
    // a counteroffer (approved lower) is an adverse action: Regulation B wants its principal reasons
    const lower = stepOn(run([on.open(0, 5_000)], { policy, profile }), "apply", 0);
    expect(lower.decision).toBe("approved_lower");
    expect(lower.reasons[0]).toBe("LIMIT_CAPPED_BY_SCORE");
    expect(lower.reasons).not.toContain("MEETS_POLICY");
    expect(lower.reasons).toContain("HIGH_DEBT_BURDEN");
    expect(lower.reasons).toContain("IDENTITY_NOT_VERIFIED");
    expect(lower.reasons.length).toBeLessThanOrEqual(4);
    // an increase declined at the band's cap: the same characteristics, not "the score" alone
    const atCap = stepOn(run([on.open(0, 3_000), on.increase(40, 2_000)], { policy, profile }), "apply", 40);
    expect(atCap.decision).toBe("declined");
    expect(atCap.reasons[0]).toBe("LIMIT_AT_SCORE_CAP");
    expect(atCap.reasons).toContain("HIGH_DEBT_BURDEN");
    expect(atCap.reasons).toContain("IDENTITY_NOT_VERIFIED");
    expect(atCap.reasons.length).toBeLessThanOrEqual(4);
    // a cap that is not the score's (income) cites what it is about, as a cut to it does
    // (INCOME_BELOW_LIMIT), and nothing unrelated
    const income = stepOn(
      run([on.open(0, 5_000)], {
        policy: testPolicy({ maxLimitIncomeMultiple: 2 }),
        profile: { ...profile, monthlyIncome: 1_234 },
      }),
      "apply",
      0,
    );
    expect(income.reasons).toEqual(["LIMIT_CAPPED_BY_INCOME", "LOW_INCOME"]);
  });

  it("decline when the caps support less than the smallest line, naming the minimum", () => {
    const t = run([on.open(0, 5_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 2, minLimit: 500 }),
      profile: { monthlyIncome: 200 },
    });
    expect(stepOn(t, "apply", 0)).toMatchObject({ decision: "declined", status: "none" });
    expect(stepOn(t, "apply", 0).reasons[0]).toBe("INCOME_BELOW_SMALLEST_LINE");
    expect(stepOn(t, "apply", 0).facts[0]).toMatchObject({
      parameter: "minLimit",
      threshold: 50_000,
      value: 40_000,
    });
  });

  it("quotes the smallest line the engine offers, not a minLimit below it (¥100 at least, whole hundreds)", () => {
    for (const [minLimit, floor] of [
      [0, 10_000],
      [50, 10_000],
      [150, 20_000],
    ] as const) {
      const t = run([on.open(0, 5_000)], {
        policy: testPolicy({ maxLimitIncomeMultiple: 2, minLimit }),
        profile: { monthlyIncome: 10 },
      });
      const step = stepOn(t, "apply", 0);
      expect(step.reasons[0]).toBe("INCOME_BELOW_SMALLEST_LINE");
      expect(step.facts[0]).toMatchObject({ parameter: "minLimit", threshold: floor, value: 0 });
    }
  });

  // an opening asked below the floor was granted as asked (¥50 on minLimit 0, ¥160 where the smallest line is ¥200)
  it("never opens a line below the smallest line the engine offers, however low minLimit is", () => {
    for (const [minLimit, asked, floor] of [
      [0, 50, 10_000],
      [150, 160, 20_000],
    ] as const) {
      const t = run([on.open(0, asked)], {
        policy: testPolicy({ minLimit }),
        profile: { monthlyIncome: 12_000 },
      });
      const step = stepOn(t, "apply", 0);
      expect(step.decision).toBe("declined");
      expect(step.facts.find((f) => f.code === "AMOUNT_BELOW_MINIMUM")).toMatchObject({
        parameter: "minLimit",
        threshold: floor,
        value: asked * 100,
      });
    }
  });
});

describe("applications to increase", () => {
  it("need an account", () => {
    const t = run([on.increase(0, 1_000)]);
    expect(stepOn(t, "apply", 0)).toMatchObject({ decision: "declined", reasons: ["NO_ACCOUNT"] });
  });

  it("raise the limit by the amount asked", () => {
    const t = run([on.open(0, 5_000), on.increase(40, 2_000)]);
    expect(stepOn(t, "apply", 40)).toMatchObject({ decision: "approved", limit: 700_000 });
  });

  it("decline below minIncreaseScore and at the supported maximum", () => {
    const low = run([on.open(0, 5_000), on.increase(40, 2_000)], {
      policy: testPolicy({ minIncreaseScore: 950 }),
    });
    expect(stepOn(low, "apply", 40).reasons[0]).toBe("SCORE_BELOW_INCREASE_MINIMUM");
    expect(stepOn(low, "apply", 40).limit).toBe(500_000);
    const capped = run([on.open(0, 5_000), on.increase(40, 2_000)], {
      policy: testPolicy({ limitBands: [{ minScore: 350, maxLimit: 5_000 }] }),
    });
    expect(stepOn(capped, "apply", 40).reasons[0]).toBe("LIMIT_AT_PRODUCT_MAXIMUM");
    const income = run([on.open(0, 5_000), on.increase(40, 2_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 0.5 }),
    });
    expect(stepOn(income, "apply", 40).reasons[0]).toBe("LIMIT_AT_INCOME_CAP");
  });

  it("respect a cooldown from the opening and after an approved increase, and need a clean recent record", () => {
    const policy = testPolicy({ increaseCooldownDays: 90, increaseCleanDays: 180 });
    const t = run(
      [
        on.open(0, 5_000),
        on.increase(10, 1_000),
        on.increase(95, 1_000),
        on.increase(184, 1_000),
        on.increase(185, 1_000),
      ],
      { policy },
    );
    expect(stepOn(t, "apply", 10)).toMatchObject({ decision: "declined", reasons: ["INCREASE_TOO_SOON"] });
    expect(stepOn(t, "apply", 95).decision).toBe("approved");
    expect(stepOn(t, "apply", 184)).toMatchObject({ decision: "declined", reasons: ["INCREASE_TOO_SOON"] });
    expect(stepOn(t, "apply", 184).facts[0]).toMatchObject({ threshold: 90, value: 89 });
    expect(stepOn(t, "apply", 185).decision).toBe("approved");
    // a bill missed (due day 40) and repaid on day 48: no increase until 180 days after the repayment
    const late = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 100),
        on.repay(48, "full"),
        on.increase(227, 500),
        on.increase(228, 500),
      ],
      { policy },
    );
    expect(stepOn(late, "apply", 227).reasons[0]).toBe("RECENT_MISSED_PAYMENT");
    expect(stepOn(late, "apply", 227).facts[0]).toMatchObject({ parameter: "increaseCleanDays", value: 179 });
    expect(stepOn(late, "apply", 228).decision).toBe("approved");
  });

  it("count the clean record from the cure when it came after the missed due date: paying later never raises sooner", () => {
    // the same bill, due on day 40, missed by both: one repays on day 46, the other on day 66; counted from
    // the due date alone both could raise on day 220, the late payer 20 days after the cure's 180 began
    const policy = testPolicy({ increaseCooldownDays: 90, increaseCleanDays: 180 });
    const raisedFrom = (repaid: number) => {
      const days = [220, 226, 246];
      const t = run(
        [
          on.open(0, 5_000),
          on.purchase(1, 100),
          on.repay(repaid, "full"),
          ...days.map((d) => on.increase(d, 500)),
        ],
        { policy },
      );
      return days.find((d) => stepOn(t, "apply", d).decision === "approved");
    };
    expect(raisedFrom(46)).toBe(226);
    expect(raisedFrom(66)).toBe(246);
  });

  it("cite every rule an application fails, four reasons at most", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 100),
        on.increase(45, 500),
        on.externalInquiry(46),
        on.externalInquiry(46),
        on.increase(47, 500),
      ],
      { policy: testPolicy({ maxApplications30d: 2, increaseCooldownDays: 90, minIncreaseScore: 900 }) },
    );
    const s = stepOn(t, "apply", 47);
    expect(s.decision).toBe("declined");
    // four rules fail, the cooldown from the opening among them: no room for a score characteristic
    expect(s.reasons).toEqual([
      "TOO_MANY_APPLICATIONS",
      "OVERDUE_OUTSTANDING",
      "INCREASE_TOO_SOON",
      "SCORE_BELOW_INCREASE_MINIMUM",
    ]);
    expect(s.reasons.length).toBeLessThanOrEqual(4);
  });

  it("decline while an amount is overdue", () => {
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000), on.increase(50, 1_000)]);
    expect(stepOn(t, "apply", 50).reasons[0]).toBe("OVERDUE_OUTSTANDING");
  });
});

describe("purchase authorisation", () => {
  it("declines without an account", () => {
    const t = run([on.purchase(0, 10)]);
    expect(stepOn(t, "purchase", 0)).toMatchObject({
      decision: "declined",
      reasons: ["NO_ACCOUNT"],
      applied: 0,
    });
  });

  it("approves up to the available credit and declines OVER_LIMIT beyond it", () => {
    const t = run([on.open(0, 1_000), on.purchase(1, 600), on.purchase(2, 400.01), on.purchase(3, 400)]);
    expect(stepOn(t, "purchase", 1)).toMatchObject({
      decision: "approved",
      applied: 60_000,
      balance: 60_000,
    });
    expect(stepOn(t, "purchase", 2)).toMatchObject({
      decision: "declined",
      reasons: ["OVER_LIMIT"],
      applied: 0,
      balance: 60_000,
      purchases: 60_000,
    });
    expect(stepOn(t, "purchase", 3)).toMatchObject({ decision: "approved", balance: 100_000, available: 0 });
  });

  it("names the available credit as the line shows it: none, not a negative amount, once the balance runs past the limit", () => {
    // ¥1,000 drawn at a ¥1,000 Jiebei limit on day 1: a day's interest (¥0.40) takes the balance past the
    // limit, and a drawdown on day 2 was declined "vs available −¥0.40" while the line showed ¥0.00 (the
    // interest uses no limit since: the principal owed is the limit, nothing is left)
    const t = run([on.open(0, 1_000, "jiebei"), on.borrow(1, 1_000, 3), on.borrow(2, 500, 3)]);
    const declined = stepOn(t, "borrow", 2);
    expect(declined.jiebei?.available).toBe(0);
    expect(declined.facts).toEqual([{ code: "OVER_LIMIT", threshold: 0, value: 50_000 }]);
  });

  it("declines while suspended with ACCOUNT_SUSPENDED alone (the suspension's reasons are on record)", () => {
    const policy = testPolicy({ securityMaxChanges: 0 });
    const t = run([on.open(0, 1_000), on.change(1), on.purchase(2, 10)], { policy });
    const s = stepOn(t, "purchase", 2);
    expect(s.decision).toBe("declined");
    expect(s.reasons).toEqual(["ACCOUNT_SUSPENDED"]);
    expect(s.balance).toBe(0);
  });

  it("declines while anything is past due, and allows again the day the arrears are cleared", () => {
    // the January bill (due day 40) is missed: past due from day 44
    const t = run([
      on.open(0, 5_000),
      on.purchase(1, 100),
      on.purchase(45, 10),
      on.repay(46, "minimum"),
      on.purchase(46, 10),
    ]);
    expect(stepOn(t, "purchase", 45)).toMatchObject({
      decision: "declined",
      reasons: ["OVERDUE_OUTSTANDING", "OVERDUE_NOW"],
    });
    expect(stepOn(t, "purchase", 46).decision).toBe("approved");
  });
});

describe("real-time triggers", () => {
  it.each([10, 30])("overdue %d days suspends an active account at once (cause credit)", (days) => {
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000)], {
      policy: testPolicy({ suspendOverdueDays: days }),
      until: 120,
    });
    const dueDay = stepsOf(t, "statement")[0]!.event.dueDay;
    const suspended = t.steps.filter((s) => s.decision === "suspended");
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({ day: dueDay + days, status: "suspended", cause: "credit" });
    expect(suspended[0]!.event.type).toBe("overdue");
    expect(suspended[0]!.reasons[0]).toBe("OVERDUE_TOO_LONG");
    expect(suspended[0]!.overdueDays).toBe(days);
    expect(stateOn(t, dueDay + days - 1).status).toBe("active");
  });

  it("a change that lowers the trigger below the days already past due suspends for the change, saying both thresholds", async () => {
    const { describeFact } = await import("../../src/scenario/format.js");
    // the bill due on day 40 unpaid: 20 days past due on day 60, when the trigger drops from 30 days to 15
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.policy(60, { set: { suspendOverdueDays: 15 } }),
        on.support(61),
      ],
      {
        policy: testPolicy({ suspendOverdueDays: 30 }),
        until: 73,
      },
    );
    const suspended = t.steps.filter((x) => x.decision === "suspended");
    expect(suspended.map((x) => x.day)).toEqual([60, 70]);
    // under the policy before the change the customer had 10 days left: the change is what suspends
    const first = suspended[0]!;
    expect(first).toMatchObject({ status: "suspended", cause: "policy" });
    expect(first.reasons).toEqual(["POLICY_CHANGE", "OVERDUE_TOO_LONG", "OVERDUE_NOW"]);
    const fact = first.facts.find((f) => f.code === "OVERDUE_TOO_LONG")!;
    expect(fact).toMatchObject({ parameter: "suspendOverdueDays", threshold: 15, before: 30, value: 20 });
    expect(describeFact(fact)).toBe(
      "20 days vs suspendOverdueDays 15 days, 30 days before the policy change",
    );
    // …until the old policy's 30 days are reached too: the delinquency is the customer's from then on — as
    // customer service says of the overdue meanwhile
    const pay = stepOn(t, "contact_support", 61).remedies.find((r) => r.kind === "pay_overdue");
    expect(pay).toMatchObject({ by: { day: 70, what: "suspension" } });
    const second = suspended[1]!;
    expect(second).toMatchObject({ cause: "credit", overdueDays: 30 });
    expect(second.reasons).toEqual(["OVERDUE_TOO_LONG", "OVERDUE_NOW"]);
  });

  it("a suspension for a lowered trigger, recorded for credit once repaid too recently, is restored for the arrears cleared", () => {
    // 20 days past due on day 60, when the trigger drops from 30 days to 15: suspended for the change; repaid on
    // day 65, the review of day 74 finds the overdue repaid too recently under either policy — the customer's
    // own delinquency, recorded for credit — and the review once the clean period is over restores the line
    // for the arrears cleared, not for a policy that met it (the policy is the one it was suspended under)
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.policy(60, { set: { suspendOverdueDays: 15 } }),
        on.repay(65, "full"),
      ],
      { policy: testPolicy({ suspendOverdueDays: 30, restoreCleanDays: 30 }), until: 110 },
    );
    const review = stepOn(t, "review", 74);
    expect(review).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(review.reasons[0]).toBe("OVERDUE_TOO_RECENT");
    const restored = t.steps.filter((x) => x.decision === "restored");
    expect(restored.map((x) => x.day)).toEqual([105]);
    expect(restored[0]!.reasons).toContain("ARREARS_CLEARED");
    expect(restored[0]!.reasons).not.toContain("MEETS_CURRENT_POLICY");
  });

  it("a repayment within the grace days avoids overdue and suspension", () => {
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(42, "minimum")], {
      policy: testPolicy({ suspendOverdueDays: 1 }),
      until: 60,
    });
    expect(stepsOf(t, "overdue")).toEqual([]);
    expect(t.final.status).toBe("active");
  });

  it("more profile changes than securityMaxChanges within the window: security suspension", () => {
    const policy = testPolicy({ securityMaxChanges: 2, securityWindowDays: 30 });
    const t = run(
      [on.open(0, 1_000), on.change(1, "phone"), on.change(2, "device"), on.change(3, "address")],
      {
        policy,
      },
    );
    expect(stepOn(t, "change_profile", 2).decision).toBeNull();
    expect(stepOn(t, "change_profile", 3)).toMatchObject({
      decision: "suspended",
      status: "suspended",
      cause: "security",
    });
    expect(stepOn(t, "change_profile", 3).reasons).toContain("SECURITY_PROFILE_CHANGES");
    const spread = run([on.open(0, 1_000), on.change(1), on.change(31), on.change(61)], { policy });
    expect(spread.steps.some((s) => s.decision === "suspended")).toBe(false);
    // without an account there is nothing to suspend
    const noAccount = run([on.change(1), on.change(2), on.change(3)], { policy });
    expect(noAccount.final.status).toBe("none");
  });

  it("the security suspension's fact carries its window, and the day one more change stops being too many", () => {
    const policy = testPolicy({ securityMaxChanges: 2, securityWindowDays: 30 });
    const t = run([on.open(0, 1_000), on.change(5), on.change(9), on.change(12)], { policy });
    const fact = stepOn(t, "change_profile", 12).facts.find((f) => f.code === "SECURITY_PROFILE_CHANGES");
    // day 9's change leaves the window on day 39: then day 12's and one more are 2, not more than 2
    expect(fact).toMatchObject({ value: 3, threshold: 2, window: 30, windowClearsOn: 39 });
    expect(describeFact(fact!)).toBe(
      "3 vs securityMaxChanges 2 within 30 days; another change before day 39 is one too many, unless the identity is verified first",
    );
    // when every change is too many there is no such day
    const none = run([on.open(0, 1_000), on.change(5)], { policy: testPolicy({ securityMaxChanges: 0 }) });
    const only = stepOn(none, "change_profile", 5).facts.find((f) => f.code === "SECURITY_PROFILE_CHANGES");
    expect(only).toMatchObject({ window: policy.securityWindowDays });
    expect(only?.windowClearsOn).toBeUndefined();
  });

  it("verify_identity lifts a security suspension, keeps the limit, and resets the change count", () => {
    const policy = testPolicy({ securityMaxChanges: 2, securityWindowDays: 30 });
    const t = run(
      [
        on.open(0, 1_000),
        on.change(1),
        on.change(2),
        on.change(3),
        on.verify(20),
        on.change(21),
        on.change(22),
        on.purchase(23, 10),
      ],
      { policy },
    );
    // the monthly review does not lift a security hold
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: null, status: "suspended", cause: "security" });
    expect(stepOn(t, "verify_identity", 20)).toMatchObject({
      decision: "restored",
      reasons: ["IDENTITY_VERIFIED"],
      status: "active",
      cause: null,
      limit: 100_000,
    });
    expect(stepOn(t, "change_profile", 22).decision).toBeNull();
    expect(stepOn(t, "purchase", 23).decision).toBe("approved");
  });

  it("a repayment on the day a line reaches the overdue or charge-off threshold is posted before the check", () => {
    const policy = testPolicy({ suspendOverdueDays: 30, chargeOffDays: 180 });
    // the January bill is due on day 40: 30 days past due on day 70, 180 on day 220
    const at = (day: number) =>
      run([on.open(0, 5_000), on.purchase(1, 3_000), on.repay(day, "full")], { policy, until: 240 });
    const on30 = at(70);
    expect(on30.steps.some((s) => s.decision === "suspended")).toBe(false);
    expect(on30.final.status).toBe("active");
    // a day later is too late: the check at the end of day 70 suspended the line
    const after30 = at(71);
    expect(after30.steps.find((s) => s.decision === "suspended")?.day).toBe(70);
    const late = run([on.open(0, 5_000), on.purchase(1, 3_000), on.repay(220, "full")], {
      policy: testPolicy({ suspendOverdueDays: 400, chargeOffDays: 180 }),
      until: 240,
    });
    expect(late.steps.some((s) => s.decision === "charged_off")).toBe(false);
    const lost = run([on.open(0, 5_000), on.purchase(1, 3_000), on.repay(221, "full")], {
      policy: testPolicy({ suspendOverdueDays: 400, chargeOffDays: 180 }),
      until: 240,
    });
    expect(lost.steps.find((s) => s.decision === "charged_off")?.day).toBe(220);
  });

  it("a verification confirms every change made before it, earlier that day too", () => {
    const policy = testPolicy({ securityMaxChanges: 2, securityWindowDays: 30 });
    // phone and address changed and verified on day 10, the device changed on day 11 (or later on day 10):
    // one change since the verification, as when verifying on day 11 before changing the device
    const sameDay = run(
      [on.open(0, 1_000), on.change(10), on.change(10, "address"), on.verify(10), on.change(11, "device")],
      { policy },
    );
    const nextDay = run(
      [on.open(0, 1_000), on.change(10), on.change(10, "address"), on.verify(11), on.change(11, "device")],
      { policy },
    );
    const laterThatDay = run(
      [on.open(0, 1_000), on.change(10), on.change(10, "address"), on.verify(10), on.change(10, "device")],
      { policy },
    );
    for (const t of [sameDay, nextDay, laterThatDay]) {
      expect(t.steps.some((s) => s.decision === "suspended")).toBe(false);
      expect(t.final.status).toBe("active");
    }
    // a change after the verification still counts: three of them within the window suspend
    const after = run(
      [on.open(0, 1_000), on.change(10), on.verify(10), on.change(10), on.change(11), on.change(12)],
      { policy },
    );
    expect(stepOn(after, "change_profile", 12)).toMatchObject({ decision: "suspended", cause: "security" });
  });

  it("verify_identity does not lift a credit suspension", () => {
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000), on.verify(60)], {
      policy: testPolicy({ suspendOverdueDays: 10 }),
    });
    expect(stepOn(t, "verify_identity", 60)).toMatchObject({
      decision: null,
      status: "suspended",
      cause: "credit",
    });
  });
});

describe("a policy that keeps lines above the score it opens or raises them at", () => {
  // what an active line must keep at a review binds an opening and an increase too: granted below it, the
  // line would be suspended at the next review
  const keeps = testPolicy({ minScore: 949, jiebeiMinScore: 949 });

  it("declines an opening below the score a line must keep, naming that threshold", () => {
    for (const line of ["huabei", "jiebei"] as const) {
      const t = run([on.open(0, 5_000, line)], { policy: keeps, until: 20 });
      const s = stepOn(t, "apply", 0);
      expect(s.decision).toBe("declined");
      expect(s.facts).toContainEqual(
        expect.objectContaining({
          code: "SCORE_BELOW_OPEN_MINIMUM",
          parameter: line === "huabei" ? "minScore" : "jiebeiMinScore",
          threshold: 949,
        }),
      );
    }
  });

  it("declines an increase below it too", () => {
    const t = run([on.open(0, 1_000), on.policy(1, { set: { minScore: 949 } }), on.increase(2, 1_000)], {
      until: 10,
    });
    const s = stepOn(t, "apply", 2);
    expect(s.decision).toBe("declined");
    expect(s.facts).toContainEqual(
      expect.objectContaining({
        code: "SCORE_BELOW_INCREASE_MINIMUM",
        parameter: "minScore",
        threshold: 949,
      }),
    );
  });
});

describe("the periodic review", () => {
  it("runs on reviewDayOfMonth and suspends an active account below minScore (cause credit)", () => {
    const t = run([on.open(0, 1_000), ...applicationsElsewhere(1)], { policy: scoreFallsAfterOpening() });
    const review = stepOn(t, "review", 14);
    expect(review.date).toBe("2024-01-15");
    expect(review).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(review.reasons[0]).toBe("SCORE_BELOW_MINIMUM");
    expect(review.reasons).not.toContain("POLICY_CHANGE");
  });

  it("leaves a passing account alone and shows no review step", () => {
    const t = run([on.open(0, 1_000)], { until: 100 });
    expect(stepsOf(t, "review")).toEqual([]);
  });

  it("suspends with cause policy when the account still passes the policy in force before the change", () => {
    const t = run([on.open(0, 1_000), on.policy(5, { set: { minScore: 950 } })]);
    const review = stepOn(t, "review", 14);
    expect(review).toMatchObject({ decision: "suspended", cause: "policy", policy: "test*" });
    expect(review.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_MINIMUM"]);
  });

  it("a change's suspension at the review says each threshold it moved, and what it was before, as the trigger's does", async () => {
    const { describeFact } = await import("../../src/scenario/format.js");
    const { traceToNdjson } = await import("../../src/render/json.js");
    // ¥180,000 elsewhere on ¥10,000 a month: 1.5, within the cap of 2 the line opened under, over the 1 a
    // change sets on day 5 — the review of day 14 suspends for the change
    const t = run(
      [
        on.open(0, 1_000),
        on.externalDebt(1, 180_000),
        on.policy(5, { set: { maxDebtToIncome: 1 } }),
        on.support(20),
        on.requestReview(50),
      ],
      { policy: testPolicy({ maxDebtToIncome: 2 }), profile: { monthlyIncome: 10_000 } },
    );
    const review = stepOn(t, "review", 14);
    expect(review).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(review.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "DEBT_TO_INCOME_TOO_HIGH"]);
    const fact = { code: "DEBT_TO_INCOME_TOO_HIGH", parameter: "maxDebtToIncome", threshold: 1, before: 2 };
    expect(review.facts).toContainEqual(expect.objectContaining(fact));
    expect(describeFact(review.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")!)).toBe(
      "1.50 vs maxDebtToIncome 1.00, 2.00 before the policy change",
    );
    // and so does every answer and review while the change holds the line: customer service, an early
    // review, the JSON
    for (const s of [stepOn(t, "contact_support", 20), stepOn(t, "request_review", 50)]) {
      expect(s.reasons).toContain("POLICY_CHANGE");
      expect(s.facts).toContainEqual(expect.objectContaining(fact));
    }
    const json = traceToNdjson("policy", [review]);
    expect(json).toContain('"threshold":1,"value":1.5,"before":2');
  });

  it("`use` switches to another policy; failing it cites the policy change", () => {
    const strict = testPolicy({ minScore: 950 }, "strict");
    const t = run([on.open(0, 1_000), on.policy(5, { use: strict })]);
    expect(stepOn(t, "policy", 5).policy).toBe("strict");
    expect(stepOn(t, "review", 14)).toMatchObject({
      decision: "suspended",
      cause: "policy",
      policy: "strict",
    });
  });

  it("cites credit, not policy, when the previous policy would fail the account too", () => {
    // the opening's inquiry took the score below the minimum it had: the old policy fails it already
    const t = run(
      [on.open(0, 1_000), ...applicationsElsewhere(1), on.policy(5, { set: { minScore: 950 } })],
      {
        policy: scoreFallsAfterOpening(),
      },
    );
    const review = stepOn(t, "review", 14);
    expect(review).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(review.reasons).not.toContain("POLICY_CHANGE");
  });

  it("compares with the policy before the first of several changes, and only at the first review after", () => {
    const t = run(
      [
        on.open(0, 1_000),
        on.policy(5, { set: { requireVerified: true } }),
        on.policy(6, { set: { maxApplications30d: 2 } }),
        on.verify(20),
        on.requestReview(21),
        on.externalDebt(100, 300_000),
      ],
      { profile: { verified: false, monthlyIncome: 10_000 }, policy: testPolicy({ maxDebtToIncome: 1 }) },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(stepOn(t, "review", 14).reasons).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
    // months later a new debt fails the policy: the customer's own doing, a credit cause
    expect(stepOn(t, "review", 105)).toMatchObject({ decision: "suspended", cause: "credit" });
  });

  it("a policy failure of eligibility (debt to income) suspends too", () => {
    const t = run([on.open(0, 1_000), on.externalDebt(3, 200_000)], {
      policy: testPolicy({ maxDebtToIncome: 1 }),
      profile: { monthlyIncome: 10_000 },
    });
    const review = stepOn(t, "review", 14);
    expect(review).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(review.reasons[0]).toBe("DEBT_TO_INCOME_TOO_HIGH");
  });

  // The rule changed in 6215a07: the limit is cut to what the score supports even below the balance;
  // available credit is then 0 (never negative) until the balance is repaid.
  it("reduces the limit below reduceLimitScore to what the score supports; available never goes negative", () => {
    // the score's band (a higher one exists: not the product's largest limit)
    const cut = {
      reduceLimitScore: 950,
      limitBands: [
        { minScore: 350, maxLimit: 1_000 },
        { minScore: 950, maxLimit: 50_000 },
      ],
    };
    const small = run([on.open(0, 5_000), on.purchase(1, 200), on.policy(5, { set: cut })]);
    const r1 = stepOn(small, "review", 14);
    expect(r1).toMatchObject({
      decision: "limit_reduced",
      status: "active",
      limit: 100_000,
      available: 80_000,
    });
    // the lender's new bands made the cut (the policy before would not have): said first
    expect(r1.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_LIMIT_BAND"]);

    const big = run([
      on.open(0, 5_000),
      on.purchase(1, 3_456.78),
      on.policy(5, { set: cut }),
      on.purchase(20, 1),
    ]);
    const r2 = stepOn(big, "review", 14);
    expect(r2).toMatchObject({ decision: "limit_reduced", limit: 100_000, balance: 345_678, available: 0 });
    expect(stepOn(big, "purchase", 20).reasons).toEqual(["OVER_LIMIT"]);

    // nothing to cut when the limit is already at the supported maximum
    const atCap = run([on.open(0, 1_000), on.purchase(1, 1_000), on.policy(5, { set: cut })]);
    expect(stepsOf(atCap, "review", 14)).toEqual([]);
    expect(atCap.final.limit).toBe(100_000);
  });

  it("a cut the customer's own change brought on names no policy change", () => {
    // income falls under the income multiple: the policy is the same before and after
    const t = run([on.open(0, 5_000), on.income(5, 1_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 2 }),
      profile: { monthlyIncome: 10_000 },
    });
    const r = stepOn(t, "review", 14);
    expect(r.decision).toBe("limit_reduced");
    expect(r.reasons[0]).toBe("INCOME_BELOW_LIMIT");
    expect(r.reasons).not.toContain("POLICY_CHANGE");
  });

  it("the income cap cuts at every review, even where the score's band is lower (and not applied)", () => {
    // opened in the upper band; the application's own inquiry drops the score into the lower one (1,000),
    // still above reduceLimitScore: the band does not cut, the income cap (2 × 1,500) does
    const base = baselineScore();
    const policy = testPolicy({
      reduceLimitScore: 350,
      maxLimitIncomeMultiple: 2,
      limitBands: [
        { minScore: 350, maxLimit: 1_000 },
        { minScore: base - 5, maxLimit: 50_000 },
      ],
    });
    const t = run([on.open(0, 5_000), on.income(5, 1_500)], { policy, profile: { monthlyIncome: 10_000 } });
    expect(stepOn(t, "apply", 0).limit).toBe(500_000);
    const r = stepOn(t, "review", 14);
    expect(r.score).toBeLessThan(base - 5);
    expect(r).toMatchObject({ decision: "limit_reduced", limit: 300_000 });
    expect(r.reasons[0]).toBe("INCOME_BELOW_LIMIT");
  });

  it("a policy lowering the product's largest limit cuts lines above it, whatever the score", () => {
    const t = run([
      on.open(0, 5_000),
      on.policy(5, { set: { limitBands: [{ minScore: 350, maxLimit: 2_000 }] } }),
    ]);
    const r = stepOn(t, "review", 14);
    expect(r).toMatchObject({ decision: "limit_reduced", limit: 200_000 });
    expect(r.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "LIMIT_ABOVE_PRODUCT_MAXIMUM"]);
  });

  it("a score below every band suspends with the lowest band's cut: a worse score never keeps more credit", () => {
    const base = baselineScore();
    // one band starting just below the customer's score (cut inside it) or just above (below every band)
    const bands = (minScore: number) => ({
      reduceLimitScore: 950,
      limitBands: [{ minScore, maxLimit: 2_000 }],
    });
    const inBand = run([on.open(0, 5_000), on.policy(5, { set: bands(base - 50) })]);
    const below = run([on.open(0, 5_000), on.policy(5, { set: bands(base + 50) })]);
    expect(stepOn(inBand, "review", 14)).toMatchObject({ decision: "limit_reduced", limit: 200_000 });
    const r = stepOn(below, "review", 14);
    // the change's: the bands before it had a line for this score
    expect(r).toMatchObject({ decision: "suspended", cause: "policy", limit: 200_000 });
    expect(r.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_LIMIT_BANDS"]);
    // the cut's fact is always there (its code too when the reasons have room)
    expect(r.facts.map((f) => f.code)).toEqual(["SCORE_BELOW_LIMIT_BANDS", "SCORE_BELOW_LIMIT_BAND"]);
    expect(below.final.limit).toBeLessThanOrEqual(inBand.final.limit);
  });
});

describe("a line the policy holds suspended", () => {
  // suspended for policy at the review on day 14 (identity now required); closed after 30 days suspended
  const policy = testPolicy({ closeAfterSuspendedDays: 30 });
  const held = (extra: Parameters<typeof run>[0] = []) =>
    run([on.open(0, 1_000), ...extra, on.policy(5, { set: { requireVerified: true } }), on.support(20)], {
      profile: { verified: false },
      policy,
    });

  it("cites the policy change on every decision and answer while the policy is what holds it", () => {
    const t = held();
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(stepOn(t, "contact_support", 20).reasons).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", cause: "policy" });
    expect(closed.reasons).toEqual(["LONG_SUSPENSION", "POLICY_CHANGE", "IDENTITY_REQUIRED"]);
    expect(closed.facts.map((f) => f.code)).toEqual(["LONG_SUSPENSION", "IDENTITY_REQUIRED"]);
  });

  it("a change reverted leaves a due date missed while suspended to its clean period (decided: docs/model/decisions/review.md, a change reverted)", () => {
    // identity required from day 50: suspended for the change on day 74. The bill stated on day 91 (a purchase
    // on day 72, before the suspension) is due on day 100, 4 days late on day 104 and repaid that day. The
    // policy goes back on day 110: nothing the change asked stands, but the missed due date is the customer's —
    // recorded for credit at the review of day 105 and restored 90 days after the repayment, at the review of
    // day 196, as a line suspended for anything else would be; never suspended, the line would have stayed
    // active, as the day-44 overdue of the test below leaves it
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(72, 1_000),
        on.policy(50, { set: { requireVerified: true } }),
        on.repay(104, "full"),
        on.policy(110, { set: { requireVerified: false } }),
      ],
      { policy: testPolicy({ restoreCleanDays: 90 }), profile: { verified: false }, until: 200 },
    );
    expect(stepOn(t, "review", 74)).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(t.steps.some((x) => x.event.type === "overdue" && x.day === 104)).toBe(true);
    expect(stepOn(t, "review", 105)).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(stepOn(t, "review", 135).reasons).toContain("OVERDUE_TOO_RECENT");
    expect(t.steps.filter((x) => x.decision === "restored").map((x) => x.day)).toEqual([196]);
  });

  it("an overdue repaid before the change suspended the line asks no clean period: the change's part met, the next review restores it", () => {
    // a bill 4 days late, repaid on day 44: the review of day 45 keeps the line active (an active line is held
    // to no clean period). Identity required from day 50: suspended for the change on day 74; verified on day
    // 80. Once the change no longer holds it, that overdue is no reason to keep it suspended — it was once
    // recorded for credit on day 105 (OVERDUE_TOO_RECENT) and restored only on day 135, 90 days after the
    // repayment, as if the overdue had suspended it
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.repay(44, "full"),
        on.policy(50, { set: { requireVerified: true } }),
        on.verify(80),
        on.support(81),
      ],
      { policy: testPolicy({ restoreCleanDays: 90 }), profile: { verified: false }, until: 140 },
    );
    expect(t.steps.some((x) => x.event.type === "overdue" && x.day <= 44)).toBe(true);
    expect(t.steps.filter((x) => x.decision === "suspended").map((x) => x.day)).toEqual([74]);
    expect(stepOn(t, "review", 74)).toMatchObject({ decision: "suspended", cause: "policy" });
    const restored = t.steps.filter((x) => x.decision === "restored");
    expect(restored.map((x) => x.day)).toEqual([105]);
    expect(t.steps.some((x) => x.cause === "credit")).toBe(false);
    // and customer service says so: no clean period to wait for, the next review restores it
    const answer = stepOn(t, "contact_support", 81);
    expect(answer.remedies.map((r) => r.kind)).not.toContain("keep_clean_until");
    expect(answer.reasons).toEqual(["READY_TO_RESTORE"]);
  });

  it("the monthly review and an early one cite it too", () => {
    const t = run(
      [on.open(0, 1_000), on.policy(5, { set: { requireVerified: true } }), on.requestReview(30)],
      { profile: { verified: false } },
    );
    expect(stepOn(t, "request_review", 30).reasons).toEqual([
      "NOT_RESTORED_YET",
      "POLICY_CHANGE",
      "IDENTITY_REQUIRED",
    ]);
    expect(stepOn(t, "review", 45).reasons).toEqual([
      "NOT_RESTORED_YET",
      "POLICY_CHANGE",
      "IDENTITY_REQUIRED",
    ]);
  });

  it("a closure for policy lets Jiebei's loans run to term, instalment by instalment", () => {
    // a loan drawn on day 1 (due days 32, 61, 92…); Jiebei closed for policy at the review on day 45
    const t = run(
      [
        on.open(0, 30_000, "jiebei"),
        on.borrow(1, 6_000, 12),
        on.policy(5, { set: { requireVerified: true } }),
        on.repay(32, "minimum", "jiebei"),
        on.repay(61, "minimum", "jiebei"),
        on.repay(92, "minimum", "jiebei"),
      ],
      { profile: { verified: false }, policy, until: 100 },
    );
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", line: "jiebei" });
    expect(closed.jiebei.cause).toBe("policy");
    // the instalment due on day 61 is one month's, not the whole loan
    const paid = stepOn(t, "repay", 61);
    expect(paid.applied).toBeLessThan(100_000);
    expect(paid.jiebei.balance).toBeGreaterThan(400_000);
    expect(stepsOf(t, "overdue")).toEqual([]);
  });

  it("loans left to run to term by a closure for policy call nothing in: the other line may still be opened", () => {
    const events = [
      on.open(0, 30_000, "jiebei"),
      on.borrow(1, 6_000, 12),
      on.policy(5, { set: { requireVerified: true } }),
      on.repay(32, "minimum", "jiebei"),
      on.verify(50),
      on.open(55, 3_000),
    ];
    const t = run(events, { profile: { verified: false }, policy, until: 70 });
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: "closed", line: "jiebei" });
    const opened = stepOn(t, "apply", 55);
    expect(opened.reasons).not.toContain("OTHER_LINE_CLOSED_OWING");
    expect(opened.decision).toMatch(/^approved/);
  });

  // ¥600 in 6 instalments (¥100 a month, billed on days 31, 60, 91, 121, 152, 182) and ¥100 revolving, its
  // minimum paid on day 38; suspended for policy on day 14, closed for it on day 45
  const planned = (until: number, after: Parameters<typeof run>[0] = []) =>
    run(
      [
        on.open(0, 5_000),
        on.purchase(2, 600, null, 6),
        on.purchase(3, 100),
        on.policy(5, { set: { requireVerified: true } }),
        on.repay(38, "minimum"),
        ...after,
      ],
      { profile: { verified: false, creditHistoryMonths: 24 }, policy, until },
    );

  it("a closure for policy lets Huabei's instalment plans run to term: its closing statement calls in the rest", () => {
    const t = planned(200, [
      on.open(50, 3_000, "jiebei"),
      on.support(50),
      on.repay(66, "statement"),
      on.verify(67),
      on.open(70, 3_000, "jiebei"),
      ...[97, 128, 158, 188].map((d) => on.repay(d, "statement")),
    ]);
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", status: "closed", cause: "policy" });
    // the closing statement calls in the revolving balance, due in full; the plan's five instalments left
    // are not billed on it
    const [closing] = stepsOf(t, "statement", 45);
    expect(closing!.event).toMatchObject({ closing: true, instalments: 0, toTerm: 50_000 });
    expect(closing!.event.minimum).toBe(closed.balance - 50_000);
    // each statement after it bills one instalment with its fee, and is no closing statement
    const after = stepsOf(t, "statement").filter((x) => x.day > 45);
    expect(after.map((x) => x.day)).toEqual([60, 91, 121, 152, 182]);
    for (const st of after) {
      expect(st.event).toMatchObject({ closing: false, instalments: 10_000 });
      expect(st.event.fees).toBeGreaterThan(0);
    }
    // paid month by month, nothing falls overdue, and the plan ends on its own last due day
    expect(stepsOf(t, "overdue")).toEqual([]);
    expect(t.final.balance).toBe(0);
    // customer service says what falls due when: the closing statement's balance with the instalment
    // billed on day 60, both due on day 69 (with the interest the revolving part bears until then: what
    // that day's due notice asks when nothing more is repaid); the last instalment's due day is day 191
    const asked = stepOn(t, "contact_support", 50).remedies.find((r) => r.kind === "pay_balance");
    expect(asked).toMatchObject({ line: "huabei", toTerm: { day: 69, lastDay: 191 } });
    const march = after[0]!.event;
    const both = closing!.event.minimum + march.instalments + march.fees;
    const said = asked?.kind === "pay_balance" ? (asked.toTerm?.amount ?? 0) : 0;
    expect(said - both).toBeGreaterThan(0);
    const unpaid = planned(70, [on.open(50, 3_000, "jiebei"), on.support(50)]);
    expect(stepsOf(unpaid, "due", 69)[0]!.event.due).toBe(said);
    // only what the closure called in holds the other line back: the plan running to term does not
    const before = stepOn(t, "apply", 50);
    expect(before.reasons).toContain("OTHER_LINE_CLOSED_OWING");
    // (the closing statement's balance, with its interest since: not the plan's ¥500 left to run)
    const called = before.facts.find((f) => f.code === "OTHER_LINE_CLOSED_OWING")?.value ?? 0;
    expect(called - closing!.event.minimum).toBeGreaterThanOrEqual(0);
    expect(called - closing!.event.minimum).toBeLessThan(100);
    // …and its advice asks for that, not for the whole balance in full
    expect(REASONS.OTHER_LINE_CLOSED_OWING.advice).not.toMatch(/in full/);
    expect(REASONS.OTHER_LINE_CLOSED_OWING.advice).toMatch(/called in/);
    const opened = stepOn(t, "apply", 70);
    expect(opened.reasons).not.toContain("OTHER_LINE_CLOSED_OWING");
    expect(opened.decision).toMatch(/^approved/);
  });

  it("a month's instalment due with the closing statement makes one due date: missed, it is missed once", () => {
    // closed for policy on day 45: the closing statement (due day 69) and the March statement of day 60,
    // billing the plan's instalment, fall due the same day; nothing is repaid after the minimum of day 38
    const t = planned(80);
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: "closed", cause: "policy" });
    expect(stepsOf(t, "statement", 60)[0]!.event).toMatchObject({ instalments: 10_000, dueDay: 69 });
    const before = stateOn(t, 72).inputs.missedDues12m ?? 0;
    expect(stateOn(t, 74).inputs.missedDues12m).toBe(before + 1);
  });

  it("a closure for credit still calls in Huabei's instalment plans, on its one closing statement", () => {
    // the same plan, but a bill left unpaid: the closure on day 45 is for credit
    const t = held([on.purchase(1, 100), on.purchase(2, 600, null, 6)]);
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", cause: "credit" });
    const [closing] = stepsOf(t, "statement", 45);
    expect(closing!.event).toMatchObject({ closing: true, toTerm: 0 });
    expect(closing!.event.minimum).toBe(closed.balance);
  });

  it("customer service tells a closure for policy's balance as it falls due, not as all due now", async () => {
    const { describeRemedy } = await import("../../src/scenario/format.js");
    const t = run(
      [
        on.open(0, 30_000, "jiebei"),
        on.borrow(1, 6_000, 12),
        on.policy(5, { set: { requireVerified: true } }),
        on.repay(32, "minimum", "jiebei"),
        on.support(50),
      ],
      { profile: { verified: false }, policy, until: 70 },
    );
    const asked = stepOn(t, "contact_support", 50).remedies.find((r) => r.kind === "pay_balance");
    // the next instalment is the one the due day on day 61 asks; the loan's last is its twelfth month
    const due = stepsOf(t, "due").find((s) => s.day === 61)!;
    expect(asked).toMatchObject({
      line: "jiebei",
      toTerm: { day: 61, amount: due.event.due, lastDay: 367 },
    });
    expect(describeRemedy(asked!)).toMatch(
      /^Jiebei: the ¥[\d,.]+ owed falls due as the loans run to term, instalment by instalment: the next ¥[\d,.]+ on 2024-03-02 \(day 61\), the last on 2025-01-02 \(day 367\); repaying sooner is optional, but the line reopens only once nothing is owed on it: to open it again, repay all ¥[\d,.]+ first$/,
    );
  });

  it("a closure for policy's next instalment is the first still to pay: one paid ahead is not 'the next ¥0.00'", () => {
    const t = run(
      [
        on.open(0, 30_000, "jiebei"),
        on.borrow(1, 6_000, 12),
        on.policy(5, { set: { requireVerified: true } }),
        on.repay(32, "minimum", "jiebei"),
        // after the closure on day 45: the minimum pays the instalment due on day 61 ahead
        on.repay(50, "minimum", "jiebei"),
        on.support(51),
      ],
      { profile: { verified: false }, policy, until: 100 },
    );
    const asked = stepOn(t, "contact_support", 51).remedies.find((r) => r.kind === "pay_balance");
    // day 61 asks nothing more; the instalment due on day 92 is the one to pay, and the amount it asks
    const due = stepsOf(t, "due").find((s) => s.day === 92)!;
    expect(asked).toMatchObject({ toTerm: { day: 92, amount: due.event.due, lastDay: 367 } });
  });

  it("once the policy before the change would not restore the line either, names what would, not the policy", () => {
    // a bill left unpaid: overdue from day 44, 5 days past due at the closing review — the old policy
    // would not restore the line either, so the closure is for credit
    const t = held([on.purchase(1, 100)]);
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", cause: "credit" });
    expect(closed.reasons).not.toContain("POLICY_CHANGE");
    expect(closed.reasons.slice(0, 2)).toEqual(["LONG_SUSPENSION", "OVERDUE_OUTSTANDING"]);
  });

  it("the review that finds something else holding the line records the suspension for it: standing and reasons agree", () => {
    // overdue from day 44: the review on day 45 finds the overdue, not the policy, holding the line
    const t = run(
      [
        on.open(0, 1_000),
        on.purchase(1, 100),
        on.policy(5, { set: { requireVerified: true } }),
        on.support(50),
        on.repay(60, "full"),
        on.support(80),
      ],
      { profile: { verified: false }, until: 110 },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    const found = stepOn(t, "review", 45);
    expect(found).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(found.reasons.slice(0, 2)).toEqual(["OVERDUE_OUTSTANDING", "IDENTITY_REQUIRED"]);
    expect(found.facts.map((f) => f.code)).toEqual(["OVERDUE_OUTSTANDING", "IDENTITY_REQUIRED"]);
    // the first suspension's clock, and the answer's on-record line, are the credit suspension's now
    expect(stateOn(t, 50)).toMatchObject({ status: "suspended", cause: "credit" });
    const onRecord = stepOn(t, "contact_support", 50).remedies.find((r) => r.kind === "on_record");
    expect(onRecord).toMatchObject({ cause: "credit", since: 14, day: 45 });
    // once repaid (day 60), the policy alone holds it again: the next review records the suspension for
    // the change again (the customer cleared their own part), and the answers say so first
    expect(stepOn(t, "review", 74)).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(stepOn(t, "review", 74).reasons[0]).toBe("POLICY_CHANGE");
    expect(stepOn(t, "contact_support", 80).reasons.slice(0, 2)).toEqual([
      "POLICY_CHANGE",
      "IDENTITY_REQUIRED",
    ]);
    expect(stepOn(t, "review", 105)).toMatchObject({ decision: null, cause: "policy" });
    // a line the policy holds is not recorded again: its reviews decide nothing new
    const still = run([on.open(0, 1_000), on.policy(5, { set: { requireVerified: true } })], {
      profile: { verified: false },
      until: 80,
    });
    expect(stepOn(still, "review", 45)).toMatchObject({ decision: null, cause: "policy" });
    expect(stepOn(still, "review", 74)).toMatchObject({ decision: null, cause: "policy" });
  });

  it("an early review that finds something else holding the line records it for credit, as a periodic one does", () => {
    // overdue from day 44 (a bill left unpaid); the customer asks for an early review on day 44, before the
    // periodic review of day 45 would find it
    const t = run(
      [
        on.open(0, 1_000),
        on.purchase(1, 100),
        on.policy(5, { set: { requireVerified: true } }),
        on.requestReview(44),
        on.support(44),
      ],
      { profile: { verified: false }, until: 50 },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    const early = stepOn(t, "request_review", 44);
    // one rule for every review: what the periodic review would record, the early one records
    expect(early).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(early.reasons.slice(0, 2)).toEqual(["OVERDUE_OUTSTANDING", "IDENTITY_REQUIRED"]);
    expect(early.remedies.map((r) => r.kind)).toContain("pay_overdue");
    // the clock stays the first suspension's; the answer's on-record line is the credit suspension's
    const onRecord = stepOn(t, "contact_support", 44).remedies.find((r) => r.kind === "on_record");
    expect(onRecord).toMatchObject({ cause: "credit", since: 14, day: 44 });
    // the periodic review after it has nothing more to record
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: null, cause: "credit" });
    // an early review makes no line-management cut the periodic one would
    expect(early.limit).toBe(stepOn(t, "review", 14).limit);
    // beneath a security hold too: the suspension under the hold is recorded for credit
    const held = run(
      [
        on.open(0, 1_000),
        on.purchase(1, 100),
        on.policy(5, { set: { requireVerified: true } }),
        on.change(20),
        on.change(21, "address"),
        on.change(22, "device"),
        on.requestReview(44),
      ],
      { profile: { verified: false }, until: 50 },
    );
    expect(stepOn(held, "request_review", 44)).toMatchObject({
      decision: "suspended",
      cause: "security",
      beneath: "credit",
    });
  });

  it("beneath a security hold, the suspension under it is recorded for what holds it", () => {
    const t = run(
      [
        on.open(0, 1_000),
        on.purchase(1, 100),
        on.policy(5, { set: { requireVerified: true } }),
        on.change(20),
        on.change(21, "address"),
        on.change(22, "device"),
      ],
      { profile: { verified: false }, until: 60 },
    );
    expect(stepOn(t, "change_profile", 22)).toMatchObject({ cause: "security" });
    const found = stepOn(t, "review", 45);
    expect(found).toMatchObject({ decision: "suspended", cause: "security", beneath: "credit" });
    expect(found.reasons[0]).toBe("OVERDUE_OUTSTANDING");
  });
});

describe("a closure for credit that answers no default", () => {
  // a ¥6,000 Jiebei loan over 12 months drawn on day 1 (due days 32, 61, 92…); debt elsewhere from day 5
  // puts the burden over Jiebei's cap: suspended for credit at the review on day 14, never a payment
  // missed, closed at the review on day 45 (31 days suspended)
  const policy = testPolicy({ closeAfterSuspendedDays: 30, jiebeiMaxDebtToIncome: 0.5 });
  const burdened = (extra: Parameters<typeof run>[0] = [], until = 100) =>
    run(
      [
        on.open(0, 30_000, "jiebei"),
        on.borrow(1, 6_000, 12),
        on.externalDebt(5, 100_000),
        on.repay(32, "minimum", "jiebei"),
        ...extra,
      ],
      { policy, until },
    );

  it("lets a performing loan run to term, instalment by instalment, as a closure for policy does", () => {
    const t = burdened([on.repay(61, "minimum", "jiebei"), on.repay(92, "minimum", "jiebei")]);
    const suspended = stepOn(t, "review", 14);
    expect(suspended).toMatchObject({
      decision: "suspended",
      reasons: ["DEBT_TO_INCOME_TOO_HIGH", "HIGH_DEBT_BURDEN"],
    });
    expect(suspended.jiebei.cause).toBe("credit");
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", line: "jiebei" });
    expect(closed.jiebei.cause).toBe("credit");
    // the instalment due on day 61 is one month's, not the whole loan
    const paid = stepOn(t, "repay", 61);
    expect(paid.applied).toBeLessThan(100_000);
    expect(paid.jiebei.balance).toBeGreaterThan(400_000);
    expect(stepsOf(t, "overdue")).toEqual([]);
  });

  it("customer service tells the instalments as they fall due, not the balance as all due now", () => {
    const t = burdened([on.support(50)], 70);
    const asked = stepOn(t, "contact_support", 50).remedies.find((r) => r.kind === "pay_balance");
    const due = stepsOf(t, "due").find((s) => s.day === 61)!;
    expect(asked).toMatchObject({ line: "jiebei", toTerm: { day: 61, amount: due.event.due, lastDay: 367 } });
  });

  it("lets Huabei's instalment plans run to term too: its closing statement calls in the rest", () => {
    // ¥600 in 6 instalments, its first minimum paid: the score below minScore suspends Huabei for credit
    // on day 14, and it is closed on day 45 with nothing past due
    const t = run(
      [
        on.open(0, 5_000),
        ...applicationsElsewhere(1),
        on.purchase(2, 600, null, 6),
        on.purchase(3, 100),
        on.repay(38, "minimum"),
      ],
      {
        policy: scoreFallsAfterOpening({ restoreScore: 950, closeAfterSuspendedDays: 31 }),
        until: 70,
      },
    );
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: "closed", cause: "credit" });
    const [closing] = stepsOf(t, "statement", 45);
    expect(closing!.event).toMatchObject({ closing: true, instalments: 0, toTerm: 50_000 });
    expect(stepsOf(t, "statement", 60)[0]!.event).toMatchObject({ closing: false, instalments: 10_000 });
  });

  it("calls in a loan paid as agreed when a debt was written off on the other line", () => {
    // Huabei's bill due on day 40 never paid: both lines suspended at 30 days past due (day 70), Huabei
    // charged off at 60 (day 100); Jiebei's ¥6,000 loan (due on the 3rd: days 33, 62, 93, 123, 154…) paid
    // every month, and Jiebei closed at the review on day 135, 65 days suspended
    const policy = testPolicy({ chargeOffDays: 60, closeAfterSuspendedDays: 45 });
    const t = run(
      [
        on.open(0, 5_000),
        on.open(0, 30_000, "jiebei"),
        on.purchase(1, 1_000),
        on.borrow(2, 6_000, 12),
        ...[33, 62, 93, 123].map((d) => on.repay(d, "minimum", "jiebei")),
      ],
      { policy, until: 160 },
    );
    expect(stepOn(t, "charge_off", 100).decision).toBe("charged_off");
    const closed = t.steps.find((x) => x.line === "jiebei" && x.decision === "closed")!;
    expect(closed.day).toBe(135);
    expect(stateOn(t, 135).jiebei.overdue).toBe(0);
    // the whole ¥4,000 of principal left falls due on the next instalment day
    const due = stepsOf(t, "due").find((x) => x.day === 154)!;
    expect(due.event.due).toBeGreaterThanOrEqual(400_000);
  });

  it("calls in a loan paid as agreed when the closure cites an overdue on the other line (cross-default)", () => {
    // as above, but Huabei's bill, unpaid since day 44, is not charged off before Jiebei's closing review
    // on day 135: that review cites Huabei's overdue — a default to the same lender, which calls in the loan
    const policy = testPolicy({ closeAfterSuspendedDays: 45 });
    const t = run(
      [
        on.open(0, 5_000),
        on.open(0, 30_000, "jiebei"),
        on.purchase(1, 1_000),
        on.borrow(2, 6_000, 12),
        ...[33, 62, 93, 123].map((d) => on.repay(d, "minimum", "jiebei")),
        on.support(140),
      ],
      { policy, until: 160 },
    );
    const closed = t.steps.find((x) => x.line === "jiebei" && x.decision === "closed")!;
    expect(closed.day).toBe(135);
    expect(closed.reasons).toContain("OVERDUE_OUTSTANDING");
    expect(closed.facts).toContainEqual(
      expect.objectContaining({ code: "OVERDUE_OUTSTANDING", line: "huabei" }),
    );
    expect(stateOn(t, 135)).toMatchObject({ status: "closed", jiebei: { overdue: 0 } });
    expect(stepsOf(t, "charge_off")).toEqual([]);
    // the whole ¥4,000 of principal left falls due on the next instalment day
    const due = stepsOf(t, "due").find((x) => x.day === 154 && x.line === "jiebei")!;
    expect(due.event.due).toBeGreaterThanOrEqual(400_000);
    // and customer service asks for the balance, not the instalments as they would fall due
    const pay = stepOn(t, "contact_support", 140).remedies.find(
      (r) => r.kind === "pay_balance" && r.line === "jiebei",
    );
    expect(pay).toBeDefined();
    expect(pay).not.toHaveProperty("toTerm");
  });

  it("calls in a loan in default at the closure: its next instalment is its last", () => {
    // the instalment due on day 32 left unpaid: overdue from day 36, past due at the closing review
    const t = run([on.open(0, 30_000, "jiebei"), on.borrow(1, 6_000, 12), on.externalDebt(5, 100_000)], {
      policy,
      until: 70,
    });
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: "closed", line: "jiebei" });
    // the ¥500 instalment of day 32 is in arrears; the ¥5,500 of principal left falls due on day 61
    const due = stepsOf(t, "due").find((s) => s.day === 61)!;
    expect(due.event.due).toBeGreaterThan(550_000);
  });
});

describe("a loan called in and left unpaid", () => {
  // a ¥6,000 Jiebei loan over 12 months drawn on day 1 (due days 32, 61, 92, 122, 153…), never repaid; debt
  // elsewhere from day 5 suspends Jiebei for credit at the review on day 14. Closed at the review on day 45
  // (31 days suspended) with the instalment of day 32 past due, the loan is called in: all of it falls due
  // on day 61. Left to run (no closure), it misses an instalment a month.
  const unpaid = (closeAfterSuspendedDays: number, extra: Parameters<typeof run>[0] = []) =>
    run([on.open(0, 30_000, "jiebei"), on.borrow(1, 6_000, 12), on.externalDebt(5, 100_000), ...extra], {
      policy: testPolicy({ closeAfterSuspendedDays, jiebeiMaxDebtToIncome: 0.5 }),
      until: 160,
      observe: [160],
    });
  const overdueDays = (t: ReturnType<typeof run>) =>
    stepsOf(t, "overdue")
      .filter((s) => s.event.line === "jiebei")
      .map((s) => s.day);
  const missedOn = (t: ReturnType<typeof run>, day: number) => t.snapshots.get(day)!.inputs!.missedDues12m;

  it("keeps missing a due date a month, on the days its instalments would have fallen due", () => {
    const calledIn = unpaid(30);
    const leftToRun = unpaid(1_000);
    expect(stepOn(calledIn, "review", 45)).toMatchObject({ decision: "closed", line: "jiebei" });
    expect(leftToRun.steps.some((s) => s.decision === "closed")).toBe(false);
    // each due day's grace ends 4 days after it: the one called in is past due from day 65 and stays so,
    // reported again on days 92, 122 and 153 as the loan left to run misses its instalments
    expect(overdueDays(leftToRun)).toEqual([36, 65, 96, 126, 157]);
    expect(overdueDays(calledIn)).toEqual([36, 65, 96, 126, 157]);
    expect(missedOn(calledIn, 160)).toBe(5);
    expect(missedOn(leftToRun, 160)).toBe(5);
    // owing all of it in arrears since day 65, never less than the loan left to run
    expect(calledIn.final.score).toBeLessThanOrEqual(leftToRun.final.score);
  });

  it("adds none once repaid within the grace days of one of those days", () => {
    // repaid in full on day 94, within the grace of day 92: nothing is past due when it ends
    const calledIn = unpaid(30, [on.repay(94, "full", "jiebei")]);
    expect(calledIn.final.jiebei.balance).toBe(0);
    expect(overdueDays(calledIn)).toEqual([36, 65]);
    expect(missedOn(calledIn, 160)).toBe(2);
    expect(missedOn(unpaid(1_000, [on.repay(94, "full", "jiebei")]), 160)).toBe(2);
  });
});

describe("restoration and closure", () => {
  // overdue from day 44 (bill due day 40 + 3 grace days), suspended on day 45 after 5 days overdue
  const suspendedOn45 = (
    overrides: Parameters<typeof testPolicy>[0],
    extra: Parameters<typeof run>[0] = [],
  ) =>
    run([on.open(0, 5_000), on.purchase(1, 1_000), ...extra], {
      policy: testPolicy({ suspendOverdueDays: 5, ...overrides }),
      until: 240,
    });

  it("a suspended account with arrears is not restored; the review says why", () => {
    const t = suspendedOn45({});
    expect(stateOn(t, 45)).toMatchObject({ status: "suspended", cause: "credit" });
    const review = stepOn(t, "review", 74);
    expect(review.decision).toBeNull();
    expect(review.reasons.slice(0, 2)).toEqual(["NOT_RESTORED_YET", "OVERDUE_OUTSTANDING"]);
  });

  it("is restored at the first review after the clean period since the arrears were repaid", () => {
    const clean = 40;
    const t = suspendedOn45({ restoreCleanDays: clean }, [on.repay(50, "full")]);
    const reviews = stepsOf(t, "review").filter((s) => s.day > 50);
    const restoredAt = reviews.findIndex((s) => s.decision === "restored");
    expect(restoredAt).toBeGreaterThanOrEqual(0);
    for (const r of reviews.slice(0, restoredAt)) {
      expect(r.day - 50).toBeLessThan(clean);
      expect(r.decision).toBeNull();
      expect(r.reasons).toContain("OVERDUE_TOO_RECENT");
    }
    const restored = reviews[restoredAt]!;
    expect(restored.day - 50).toBeGreaterThanOrEqual(clean);
    expect(restored.day).toBe(REVIEW_DAYS.find((d) => d - 50 >= clean));
    expect(restored).toMatchObject({ status: "active", cause: null, limit: 500_000 });
    expect(restored.reasons).toContain("ARREARS_CLEARED");
  });

  it("a score suspension is restored once the score reaches restoreScore, citing SCORE_RECOVERED", () => {
    const t = run(
      [on.open(0, 1_000), ...applicationsElsewhere(1), on.policy(20, { set: { minScore: 350 } })],
      {
        policy: scoreFallsAfterOpening({ restoreScore: 950 }),
        until: 80,
      },
    );
    expect(stepOn(t, "review", 14).decision).toBe("suspended");
    // restoreScore is still out of reach: the February review keeps the suspension
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: null, status: "suspended" });
    // lowered to a point above the score on record: the score rising to it is what restores the line
    const needed = stepOn(t, "review", 14).score + 1;
    const lowered = run(
      [
        on.open(0, 1_000),
        ...applicationsElsewhere(1),
        on.policy(20, { set: { minScore: 350, restoreScore: needed } }),
      ],
      { policy: scoreFallsAfterOpening({ restoreScore: 950 }), until: 80 },
    );
    const restored = stepOn(lowered, "review", 45);
    expect(restored).toMatchObject({ decision: "restored", status: "active", limit: 100_000 });
    expect(restored.reasons).toContain("SCORE_RECOVERED");
    // with its numbers, as a suspension's reasons carry theirs
    expect(restored.facts).toContainEqual({
      code: "SCORE_RECOVERED",
      parameter: "restoreScore",
      threshold: needed,
      value: restored.score,
    });
  });

  it("a review of both lines shows each step with the other line as it stood then", () => {
    const { scenario: sc } = loadScenario(join(ROOT, "scenarios", "two-lines.yaml"));
    const t = simulate(sc);
    const [huabei, jiebei] = stepsOf(t, "review", 105);
    expect(huabei!.line).toBe("huabei");
    expect(jiebei!.line).toBe("jiebei");
    // Jiebei is suspended by its own review, the step after Huabei's: not before it
    expect(huabei!.jiebei.status).toBe("active");
    expect(jiebei!.jiebei.status).toBe("suspended");
    expect(jiebei!.limit).toBe(huabei!.limit);
  });

  it("each line's early review has its own cooldown: both suspended lines can be reviewed the same day", () => {
    const t = run(
      [
        on.open(0, 10_000),
        on.open(0, 20_000, "jiebei"),
        on.borrow(5, 3_000, 3),
        on.purchase(10, 500),
        on.repay(38, "full"),
        on.repay(70, "full", "jiebei"),
        on.support(160),
        on.requestReview(160, "huabei"),
        on.requestReview(160, "jiebei"),
      ],
      { policy: DEFAULT_POLICY, profile: { monthlyIncome: 20_000, creditHistoryMonths: 60 }, until: 200 },
    );
    // customer service promised an early review today for each line: both are honoured
    const answer = stepOn(t, "contact_support", 160);
    expect(answer.remedies.filter((r) => r.kind === "wait_for_review" && r.early?.now)).toHaveLength(2);
    expect(stepsOf(t, "request_review", 160).map((s) => [s.line, s.decision])).toEqual([
      ["huabei", "restored"],
      ["jiebei", "restored"],
    ]);
  });

  it("an early review asked without a line, with none suspended, is about the line the customer has", () => {
    // a Jiebei-only customer, nothing suspended: not "there is no open account" about a Huabei never
    // opened, but the truth about the line they have — nothing to restore
    const t = run([on.open(0, 20_000, "jiebei"), on.requestReview(30)], {
      policy: DEFAULT_POLICY,
      profile: { monthlyIncome: 20_000, creditHistoryMonths: 60 },
    });
    expect(stepOn(t, "request_review", 30)).toMatchObject({
      line: "jiebei",
      decision: "info",
      reasons: ["NOTHING_TO_REVIEW"],
    });
    // with no line at all, there is none to review
    const none = run([on.requestReview(3)], { policy: DEFAULT_POLICY });
    expect(stepOn(none, "request_review", 3)).toMatchObject({ line: "huabei", reasons: ["NO_ACCOUNT"] });
  });

  it("a minScore raised above restoreScore is what a restoration needs: no month-by-month flip", () => {
    const t = run([on.open(0, 1_000), on.policy(20, { set: { minScore: 900 } })], {
      policy: testPolicy({ restoreScore: 350 }),
      until: 200,
    });
    const reviews = stepsOf(t, "review").filter((s) => s.day > 20);
    expect(reviews[0]).toMatchObject({ decision: "suspended" });
    // below 900 every later review keeps it suspended, naming the standard it must meet
    for (const r of reviews.slice(1)) {
      if (r.score >= 900) continue;
      expect(r.decision, `day ${r.day}`).toBeNull();
      expect(r.facts).toContainEqual(
        expect.objectContaining({ code: "SCORE_BELOW_RESTORE", parameter: "minScore", threshold: 900 }),
      );
    }
    expect(reviews.filter((r) => r.decision === "suspended")).toHaveLength(1);
  });

  it("a debt-burden restoration cites the ratio it came back to", () => {
    const t = run(
      [
        on.open(0, 1_000),
        on.externalDebt(3, 200_000),
        on.externalRepayment(20, 100_000),
        on.requestReview(20),
      ],
      { policy: testPolicy({ maxDebtToIncome: 1 }), profile: { monthlyIncome: 10_000 } },
    );
    const restored = stepOn(t, "request_review", 20);
    expect(restored.decision).toBe("restored");
    expect(restored.facts).toContainEqual(
      expect.objectContaining({ code: "DEBT_BURDEN_REDUCED", parameter: "maxDebtToIncome", threshold: 1 }),
    );
  });

  it("a debt-burden restoration the ratio alone would not have earned also cites the loosened policy", () => {
    // suspended for its ratio (1.67 against 1); repaid to 1.17, still above the 1 on record; the policy
    // then allows 1.5: the fall is cited, and so is the policy that did the rest
    const events = [on.open(0, 1_000), on.externalDebt(3, 200_000), on.externalRepayment(20, 60_000)];
    const opts = { profile: { monthlyIncome: 10_000 }, until: 60 };
    const loosened = run([...events, on.policy(30, { set: { maxDebtToIncome: 1.5 } })], {
      ...opts,
      policy: testPolicy({ maxDebtToIncome: 1 }),
    });
    expect(stepOn(loosened, "review", 14)).toMatchObject({ decision: "suspended", cause: "credit" });
    const r = loosened.steps.find((x) => x.decision === "restored")!;
    expect(r.reasons).toEqual(["DEBT_BURDEN_REDUCED", "MEETS_CURRENT_POLICY"]);
    // repaid below the threshold on record: the customer's doing alone
    const repaid = run(
      [...events, on.externalRepayment(25, 50_000), on.policy(30, { set: { maxDebtToIncome: 1.5 } })],
      {
        ...opts,
        policy: testPolicy({ maxDebtToIncome: 1 }),
      },
    );
    expect(repaid.steps.find((x) => x.decision === "restored")!.reasons).toEqual(["DEBT_BURDEN_REDUCED"]);
  });

  it("a score restoration below the minimum on record also cites the policy that lowered it", () => {
    // a debt elsewhere keeps the score below the minimum the opening met (no debt-to-income rule here)
    const minimum = scoreFallsAfterOpening().minScore;
    const t = run(
      [
        on.open(0, 1_000),
        on.externalDebt(1, 300_000),
        on.policy(30, { set: { minScore: 400, restoreScore: 400 } }),
      ],
      { policy: testPolicy({ minScore: minimum, restoreScore: 900 }), until: 60 },
    );
    const suspended = stepOn(t, "review", 14);
    expect(suspended).toMatchObject({ decision: "suspended", cause: "credit" });
    const r = t.steps.find((x) => x.decision === "restored")!;
    expect(r.score).toBeLessThan(minimum);
    expect(r.reasons).toContain("MEETS_CURRENT_POLICY");
  });

  it("restored because the policy loosened: a rise the old score did not need now is not claimed", () => {
    // suspended for policy below a minimum of 900; the score then rises a few points (the opening's
    // inquiry ages) but nowhere near 900; the policy goes back to 400, which the score on record met
    const events = (restore: number) =>
      run(
        [
          on.open(0, 1_000),
          on.policy(5, { set: { minScore: 900 } }),
          on.policy(60, { set: { minScore: restore, restoreScore: restore } }),
        ],
        { policy: testPolicy({ minOpenScore: 400, minScore: 400, restoreScore: 400 }), until: 80 },
      );
    const t = events(400);
    const suspended = stepOn(t, "review", 14);
    expect(suspended).toMatchObject({ decision: "suspended", cause: "policy" });
    const r = stepOn(t, "review", 74);
    expect(r.decision).toBe("restored");
    expect(r.score).toBeGreaterThan(suspended.score);
    expect(r.reasons).toEqual(["MEETS_CURRENT_POLICY"]);
    // the score on record short of what restores the line now (a policy suspension needs back what the
    // policy keeps a line at, minScore): the rise is part of why, and is cited
    const needed = events(suspended.score + 1);
    const again = stepOn(needed, "review", 74);
    expect(again.decision).toBe("restored");
    expect(again.reasons).toEqual(["SCORE_RECOVERED", "MEETS_CURRENT_POLICY"]);
  });

  it("restored because the policy loosened: a fall in the ratio the old one did not need now is not claimed", () => {
    // suspended for its ratio (1.67 against 1); repaid to 1.17; the policy then allows 2, which 1.67 met
    const events = [on.open(0, 1_000), on.externalDebt(3, 200_000), on.externalRepayment(20, 60_000)];
    const t = run([...events, on.policy(30, { set: { maxDebtToIncome: 2 } })], {
      profile: { monthlyIncome: 10_000 },
      until: 60,
      policy: testPolicy({ maxDebtToIncome: 1 }),
    });
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(t.steps.find((x) => x.decision === "restored")!.reasons).toEqual(["MEETS_CURRENT_POLICY"]);
  });

  it("is not restored while the score is below restoreScore", () => {
    const t = suspendedOn45({ restoreScore: 950, closeAfterSuspendedDays: 1000 }, [on.repay(50, "full")]);
    const reviews = stepsOf(t, "review").filter((s) => s.day > 50);
    expect(reviews.length).toBeGreaterThan(3);
    for (const r of reviews) {
      expect(r.status).toBe("suspended");
      expect(r.reasons).toContain("SCORE_BELOW_RESTORE");
    }
  });

  it("is closed at the first review after closeAfterSuspendedDays", () => {
    const t = suspendedOn45({ restoreScore: 950, closeAfterSuspendedDays: 60 }, [
      on.repay(50, "full"),
      on.purchase(200, 10),
      on.increase(201, 10),
    ]);
    const closed = t.steps.filter((s) => s.decision === "closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]!.day).toBe(REVIEW_DAYS.find((d) => d - 45 >= 60));
    expect(closed[0]).toMatchObject({ status: "closed", cause: "credit", available: 0, limit: 0 });
    expect(closed[0]!.reasons[0]).toBe("LONG_SUSPENSION");
    expect(decisions(stepsOf(t, "review").filter((s) => s.day < closed[0]!.day))).not.toContain("closed");
    expect(stepOn(t, "purchase", 200).reasons).toEqual(["ACCOUNT_CLOSED"]);
    expect(stepOn(t, "apply", 201).reasons).toEqual(["ACCOUNT_CLOSED"]);
  });

  it("a line the lender closed is not reopened while its closing balance is owed (BALANCE_OUTSTANDING)", () => {
    const t = suspendedOn45({ restoreScore: 950, closeAfterSuspendedDays: 60 }, [
      on.open(110, 5_000),
      on.repay(120, "full"),
      on.open(130, 5_000),
    ]);
    expect(stateOn(t, 109)).toMatchObject({ status: "closed", cause: "credit" });
    const owing = stepOn(t, "apply", 110);
    expect(owing).toMatchObject({ decision: "declined", reasons: ["BALANCE_OUTSTANDING"], status: "closed" });
    expect(owing.facts).toEqual([{ code: "BALANCE_OUTSTANDING", value: owing.balance }]);
    expect(owing.balance).toBeGreaterThan(0);
    // refused on the lender's books: no inquiry
    expect(owing.scoreDelta).toBe(0);
    expect(stepOn(t, "apply", 130)).toMatchObject({ decision: "approved", status: "active" });
  });

  it("while a line the lender closed still owes, the other line is neither opened nor raised (OTHER_LINE_CLOSED_OWING)", () => {
    const t = suspendedOn45({ restoreScore: 950, closeAfterSuspendedDays: 60 }, [
      on.open(110, 5_000, "jiebei"),
      on.repay(120, "full"),
      on.open(130, 5_000, "jiebei"),
    ]);
    expect(stateOn(t, 109)).toMatchObject({ status: "closed", cause: "credit" });
    const owing = stepOn(t, "apply", 110);
    expect(owing).toMatchObject({
      decision: "declined",
      reasons: ["OTHER_LINE_CLOSED_OWING"],
      line: "jiebei",
    });
    expect(owing.facts).toEqual([{ code: "OTHER_LINE_CLOSED_OWING", value: owing.balance, line: "huabei" }]);
    expect(owing.balance).toBeGreaterThan(0);
    // refused on the lender's books: no inquiry
    expect(owing.scoreDelta).toBe(0);
    expect(stepOn(t, "apply", 130)).toMatchObject({ decision: "approved", line: "jiebei" });
  });

  it("request_review runs an early review, at most once per cooldown", () => {
    const t = suspendedOn45({ restoreCleanDays: 30, reviewRequestCooldownDays: 30 }, [
      on.repay(50, "full"),
      on.requestReview(51),
      on.requestReview(52),
      on.requestReview(81),
    ]);
    const first = stepOn(t, "request_review", 51);
    expect(first.decision).toBe("declined");
    expect(first.reasons).toEqual(expect.arrayContaining(["NOT_RESTORED_YET", "OVERDUE_TOO_RECENT"]));
    expect(first.remedies.some((r) => r.kind === "keep_clean_until")).toBe(true);
    expect(stepOn(t, "request_review", 52)).toMatchObject({
      decision: "declined",
      reasons: ["REVIEW_TOO_SOON"],
    });
    // 30 days after the honoured request (the refused one does not restart the cooldown)
    expect(stepOn(t, "request_review", 81)).toMatchObject({ decision: "restored", status: "active" });
  });

  it("request_review on an active account is only information", () => {
    const t = run([on.open(0, 1_000), on.requestReview(3)]);
    expect(stepOn(t, "request_review", 3)).toMatchObject({ decision: "info", status: "active" });
  });

  it("a request that reviewed nothing (the line active) does not start the cooldown", () => {
    // asked on day 40 while active (NOTHING_TO_REVIEW), suspended for a policy on day 45, the policy relaxed:
    // the early review asked on day 47 is the first, and restores the line — it was refused as asked "7 days
    // ago", and customer service offered none before day 70
    const t = run(
      [
        on.open(0, 1_000),
        on.requestReview(40),
        on.policy(41, { set: { minScore: 950 } }),
        on.policy(46, { set: { minScore: 350 } }),
        on.requestReview(47),
      ],
      { policy: testPolicy({ reviewRequestCooldownDays: 30 }) },
    );
    expect(stepOn(t, "request_review", 40)).toMatchObject({
      decision: "info",
      reasons: ["NOTHING_TO_REVIEW"],
    });
    expect(stepOn(t, "review", 45)).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(stepOn(t, "request_review", 47)).toMatchObject({ decision: "restored", status: "active" });
  });
});

describe("fixes from review", () => {
  it("a policy event before the account opens is not a policy change for it", () => {
    // the account opens under the stricter policy and fails it: that is credit, not a change of policy
    const minScore = scoreFallsAfterOpening().minScore;
    const t = run([on.policy(0, { set: { minScore } }), on.open(0, 1_000), ...applicationsElsewhere(1)]);
    const review = stepOn(t, "review", 14);
    expect(review).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(review.reasons).not.toContain("POLICY_CHANGE");
  });

  it("verify_identity does not reactivate an account that fell overdue too long meanwhile", () => {
    const policy = testPolicy({ securityMaxChanges: 0, suspendOverdueDays: 5 });
    const t = run(
      [on.open(0, 5_000), on.purchase(1, 1_000), on.change(35), on.verify(60), on.purchase(61, 10)],
      {
        policy,
      },
    );
    expect(stepOn(t, "change_profile", 35)).toMatchObject({ decision: "suspended", cause: "security" });
    // 5 days past due on day 45: a credit suspension recorded beneath the hold, which stays
    const beneath = stepOn(t, "overdue", 45);
    expect(beneath).toMatchObject({ decision: "suspended", status: "suspended", cause: "security" });
    expect(beneath.reasons).toContain("OVERDUE_TOO_LONG");
    const verified = stepOn(t, "verify_identity", 60);
    expect(verified).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(verified.reasons).toContain("OVERDUE_OUTSTANDING");
    // the verification is not a reason for a suspension
    expect(verified.reasons).not.toContain("IDENTITY_VERIFIED");
    expect(stepOn(t, "purchase", 61).decision).toBe("declined");
  });

  it("a security hold over a credit suspension: verifying lifts the hold, not the clean period", () => {
    // overdue from day 44, suspended for credit on day 45 (5 days), repaid on day 50; then three changes
    const policy = testPolicy({ securityMaxChanges: 2, suspendOverdueDays: 5, restoreCleanDays: 90 });
    const events = [on.open(0, 5_000), on.purchase(1, 1_000), on.repay(50, "full")];
    const changes = [on.change(52), on.change(53, "address"), on.change(54, "device")];
    const held = run([...events, ...changes, on.verify(56), on.support(57)], { policy, until: 240 });
    const clean = run(events, { policy, until: 240 });
    expect(stepOn(held, "change_profile", 54)).toMatchObject({ decision: "suspended", cause: "security" });
    const verified = stepOn(held, "verify_identity", 56);
    expect(verified).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(verified.reasons[0]).toBe("OVERDUE_TOO_RECENT");
    // restored no earlier than the same customer without the changes: at the review after 90 clean days,
    // for the same reasons (the suspension's record survives the hold and the early verification)
    const restoredOn = (t: typeof held) => t.steps.find((x) => x.decision === "restored");
    expect(restoredOn(clean)?.day).toBe(166);
    expect(restoredOn(held)?.day).toBe(166);
    expect(restoredOn(held)?.reasons).toEqual(restoredOn(clean)?.reasons);
    expect(restoredOn(held)?.reasons).toContain("ARREARS_CLEARED");
  });

  it("a security hold over a policy suspension: after verifying, still a policy suspension", () => {
    const policy = testPolicy({ securityMaxChanges: 2, requireVerified: false });
    const t = run(
      [
        on.open(0, 5_000),
        on.policy(5, { set: { requireVerified: true } }),
        on.change(20),
        on.change(21, "address"),
        on.change(22, "device"),
        on.verify(25),
      ],
      { policy, profile: { verified: false } },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(stepOn(t, "change_profile", 22)).toMatchObject({ cause: "security" });
    // verified now meets the policy that suspended it: the hold is lifted, and the review restores it, as
    // it does the same customer without the changes (a hold is no early review)
    const v = stepOn(t, "verify_identity", 25);
    expect(v).toMatchObject({ decision: "suspended", status: "suspended", cause: "policy" });
    expect(v.reasons).toEqual(["RESTORED_AT_REVIEW"]);
    const r = stepOn(t, "review", 45);
    expect(r).toMatchObject({ decision: "restored", status: "active" });
    expect(r.reasons).toEqual(["IDENTITY_VERIFIED", "MEETS_CURRENT_POLICY"]);
    const twin = run([on.open(0, 5_000), on.policy(5, { set: { requireVerified: true } }), on.verify(25)], {
      policy,
      profile: { verified: false },
    });
    expect(stepOn(twin, "review", 45)).toMatchObject({ decision: "restored", reasons: r.reasons });
  });

  it("more changes of bound details never restore sooner: a hold over a suspension ready to end waits for the review", () => {
    // a bill left unpaid until day 75 suspends for credit; 20 clean days by day 95; a hold laid on days
    // 96-98 and lifted on day 100 — the same customer without the hold is restored at the review of day 105
    const policy = testPolicy({ securityMaxChanges: 2, restoreCleanDays: 20, closeAfterSuspendedDays: 1000 });
    const base = [on.open(0, 5_000), on.purchase(1, 1_000), on.repay(75, "full")];
    const clean = run(base, { policy, until: 200 });
    const changes = [
      on.change(96),
      on.change(97, "address"),
      on.change(98, "device"),
      on.support(99),
      on.verify(100),
    ];
    const held = run([...base, ...changes], { policy, until: 200 });
    const restoredOn = (t: typeof held) => t.steps.find((x) => x.decision === "restored");
    expect(clean.steps.find((x) => x.decision === "suspended")).toMatchObject({ cause: "credit" });
    expect(stepOn(held, "change_profile", 98)).toMatchObject({ cause: "security" });
    expect(stepOn(held, "verify_identity", 100)).toMatchObject({
      decision: "suspended",
      cause: "credit",
      reasons: ["RESTORED_AT_REVIEW"],
    });
    // customer service says so under the hold: verify, then the review of day 105
    const kinds = stepOn(held, "contact_support", 99).remedies.map((r) => [
      r.kind,
      "day" in r ? r.day : null,
    ]);
    expect(kinds).toContainEqual(["verify_identity", null]);
    expect(kinds).toContainEqual(["wait_for_review", 105]);
    expect(restoredOn(clean)?.day).toBe(105);
    expect(restoredOn(held)?.day).toBe(105);
    expect(restoredOn(held)?.reasons).toEqual(restoredOn(clean)?.reasons);
  });

  it("a verification lifting a hold says when the suspension beneath ends: an early review only when it may be had", () => {
    // as above: clean by day 95, a hold on days 96-98, verified on day 100; the review of day 105 restores
    const policy = testPolicy({ securityMaxChanges: 2, restoreCleanDays: 20, closeAfterSuspendedDays: 1000 });
    const held = [
      on.open(0, 5_000),
      on.purchase(1, 1_000),
      on.repay(75, "full"),
      on.change(96),
      on.change(97, "address"),
      on.change(98, "device"),
    ];
    const advice = (t: ReturnType<typeof run>) =>
      stepOn(t, "verify_identity", 100).remedies.map((r) =>
        r.kind === "wait_for_review" ? r.early : r.kind,
      );
    // nothing asked before: an early review today
    expect(advice(run([...held, on.verify(100)], { policy, until: 200 }))).toContainEqual(
      expect.objectContaining({ day: 100, now: true }),
    );
    // an early review asked under the hold (and declined) on day 99: its cooldown runs, so none is offered
    const asked = run([...held, on.requestReview(99), on.verify(100), on.requestReview(100)], {
      policy,
      until: 200,
    });
    expect(stepOn(asked, "request_review", 100).reasons).toContain("REVIEW_TOO_SOON");
    expect(advice(asked)).toContainEqual(null);
    expect(advice(asked)).not.toContainEqual(expect.objectContaining({ now: true }));
  });

  it("restored because the policy loosened: no improvement the numbers do not show is claimed", () => {
    const burden = (events: Parameters<typeof run>[0]) =>
      run(
        [
          on.open(0, 5_000),
          on.externalDebt(2, 60_000),
          on.policy(5, { set: { maxDebtToIncome: 0.4 } }),
          ...events,
        ],
        {
          policy: testPolicy({ maxDebtToIncome: 1 }),
          profile: { monthlyIncome: 10_000 },
        },
      );
    const loosened = burden([on.policy(60, { set: { maxDebtToIncome: 1 } })]);
    expect(stepOn(loosened, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    const r = stepOn(loosened, "review", 74);
    expect(r.decision).toBe("restored");
    expect(r.reasons).toEqual(["MEETS_CURRENT_POLICY"]);
    // the debt repaid: that is cited
    const repaid = burden([on.externalRepayment(60, 50_000)]);
    expect(stepOn(repaid, "review", 74).reasons).toContain("DEBT_BURDEN_REDUCED");
    // income, not the score, brought a line back within reach: SCORE_RECOVERED is not claimed
    const income = run([on.open(0, 5_000), on.income(5, 0), on.income(20, 10_000)], { until: 60 });
    const cut = stepOn(income, "review", 14);
    expect(cut).toMatchObject({ decision: "suspended" });
    expect(cut.reasons[0]).toBe("INCOME_BELOW_SMALLEST_LINE");
    expect(stepOn(income, "review", 45).reasons).not.toContain("SCORE_RECOVERED");
  });

  describe("no line for a cap the score does not set: the cap that falls short is cited, not the score", () => {
    const scoreCodes = (codes: readonly string[]) =>
      codes.filter((c) => REASONS[c as ReasonCode].kind === "score");

    it("the product's largest limit below the smallest line", () => {
      // a custom policy whose only band offers ¥1,000 and whose smallest line is ¥2,000: no score reaches more
      const policy = testPolicy({ minLimit: 2_000, limitBands: [{ minScore: 350, maxLimit: 1_000 }] });
      const t = run([on.open(0, 3_000)], { policy, profile: { creditHistoryMonths: 12 } });
      const declined = stepOn(t, "apply", 0);
      expect(declined.decision).toBe("declined");
      expect(declined.reasons).toEqual(["PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE"]);
      expect(declined.facts[0]).toMatchObject({ parameter: "minLimit", threshold: 200_000, value: 100_000 });
      // …and a review suspends an open line for it, the policy change that made it first
      const r = run(
        [
          on.open(0, 3_000),
          on.policy(5, { set: { minLimit: 2_000, limitBands: [{ minScore: 350, maxLimit: 1_000 }] } }),
        ],
        { profile: { creditHistoryMonths: 12 }, until: 20 },
      );
      // …and holds it to the smallest line, as any cap below it does (a score below the only band is held
      // to it too, so one in the band must not keep more): the suspension's reasons, then the cut's code
      const review = stepOn(r, "review", 14);
      expect(review).toMatchObject({ decision: "suspended", cause: "policy", limit: 200_000 });
      expect(review.reasons).toEqual([
        "POLICY_CHANGE",
        "PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE",
        "LIMIT_ABOVE_PRODUCT_MAXIMUM",
      ]);
      expect(review.facts[0]).toMatchObject({ parameter: "minLimit", threshold: 200_000, value: 100_000 });
    });

    it("the thin-file cap below the smallest line", () => {
      const policy = testPolicy({ minLimit: 2_000, thinFileMaxLimit: 1_000 });
      const t = run([on.open(0, 3_000)], { policy, profile: { creditHistoryMonths: 0 } });
      const declined = stepOn(t, "apply", 0);
      expect(declined.decision).toBe("declined");
      expect(declined.reasons[0]).toBe("THIN_FILE_BELOW_SMALLEST_LINE");
      expect(declined.facts[0]).toMatchObject({ parameter: "minLimit", threshold: 200_000, value: 100_000 });
      // only what the cap is about: the missing record (and the short history), no other characteristic —
      // and the missing record itself, which the characteristics it costs cite under their own codes
      expect(declined.reasons).toContain("NO_REPAYMENT_RECORD");
      for (const code of scoreCodes(declined.reasons))
        expect(["NO_REPAYMENT_RECORD", "SHORT_HISTORY"]).toContain(code);
    });

    it("a last limit below a smallest line raised since the closure", () => {
      // closed by the customer at ¥1,000; the smallest line is raised to ¥2,000; reopened within the
      // increase cooldown, the line comes back at no more than ¥1,000 — which is no line
      const t = run(
        [on.open(0, 1_000), on.close(3), on.policy(5, { set: { minLimit: 2_000 } }), on.open(20, 3_000)],
        { policy: testPolicy({ increaseCooldownDays: 90 }), profile: { creditHistoryMonths: 12 } },
      );
      const declined = stepOn(t, "apply", 20);
      expect(declined.decision).toBe("declined");
      expect(declined.reasons).toEqual(["LAST_LIMIT_BELOW_SMALLEST_LINE", "INCREASE_TOO_SOON"]);
      expect(declined.facts[0]).toMatchObject({ parameter: "minLimit", threshold: 200_000, value: 100_000 });
    });
  });

  it("a line whose income supports no line is suspended for its income, citing what that rule is about", () => {
    // an excellent score, an income gone: the income multiple's cap is below the smallest line. The score
    // binds nothing, so its characteristics (the history's length, the applications) are no reasons for it
    const t = run([on.open(0, 5_000), on.income(5, 0)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 2, minLimit: 500 }),
      profile: { creditHistoryMonths: 12 },
      until: 20,
    });
    const review = stepOn(t, "review", 14);
    // held to the smallest line, as a score below every band is held to the lowest band's: the suspension's
    // reasons first, then the cut's code (a decision of its own: the limit on record is cut)
    expect(review).toMatchObject({ decision: "suspended", cause: "credit", limit: 50_000 });
    expect(review.reasons).toEqual(["INCOME_BELOW_SMALLEST_LINE", "LOW_INCOME", "INCOME_BELOW_LIMIT"]);
    expect(review.facts[0]).toMatchObject({ parameter: "minLimit", threshold: 50_000, value: 0 });
    // the cut's fact: the multiple's own cap (¥0), below the ¥500 smallest line the limit is held to
    expect(review.facts[1]).toMatchObject({
      code: "INCOME_BELOW_LIMIT",
      threshold: 0,
      value: 500_000,
      smallest: 50_000,
      smallestParameter: "minLimit",
    });
    // an application the income allows no line for is declined for the income too
    const declined = run([on.open(0, 5_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 2, minLimit: 500 }),
      profile: { monthlyIncome: 200 },
    });
    expect(stepOn(declined, "apply", 0).reasons[0]).toBe("INCOME_BELOW_SMALLEST_LINE");
  });

  it("a line suspended for policy that falls too far past due is suspended for credit: the delinquency is on record", () => {
    // suspended for its debt ratio on day 14 (a policy change on day 5); a bill due on day 40 left unpaid
    // until day 100, 30 days past due on day 70; the policy loosened back on day 60
    const t = run(
      [
        on.open(0, 5_000),
        on.externalDebt(2, 60_000),
        on.purchase(3, 1_000),
        on.policy(5, { set: { maxDebtToIncome: 0.4 } }),
        on.policy(60, { set: { maxDebtToIncome: 1 } }),
        on.repay(100, "full"),
      ],
      {
        policy: testPolicy({ maxDebtToIncome: 1, restoreCleanDays: 30 }),
        profile: { monthlyIncome: 10_000 },
        until: 200,
      },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    // the delinquency is the customer's doing, not the lender's: the review that finds it holding the line
    // records the suspension for credit (the clock stays), before it is 30 days past due
    expect(stepOn(t, "review", 45)).toMatchObject({
      decision: "suspended",
      status: "suspended",
      cause: "credit",
    });
    expect(stepOn(t, "review", 45).reasons[0]).toBe("OVERDUE_OUTSTANDING");
    expect(stateOn(t, 70)).toMatchObject({ status: "suspended", cause: "credit" });
    // restored once the arrears are cleared and clean long enough, saying so (not only the policy's loosening)
    const restored = t.steps.find((x) => x.decision === "restored")!;
    expect(restored.day).toBeGreaterThanOrEqual(130);
    expect(restored.reasons).toContain("ARREARS_CLEARED");
    expect(restored.reasons).not.toContain("POLICY_CHANGE");
    // the same beneath a security hold laid over the policy suspension: verifying leaves it for credit
    const held = run(
      [
        on.open(0, 5_000),
        on.externalDebt(2, 60_000),
        on.purchase(3, 1_000),
        on.policy(5, { set: { maxDebtToIncome: 0.4 } }),
        on.change(20),
        on.change(21, "address"),
        on.change(22, "device"),
        on.policy(60, { set: { maxDebtToIncome: 1 } }),
        on.verify(75),
      ],
      { policy: testPolicy({ maxDebtToIncome: 1 }), profile: { monthlyIncome: 10_000 }, until: 80 },
    );
    expect(stepOn(held, "change_profile", 22)).toMatchObject({ cause: "security" });
    const verified = stepOn(held, "verify_identity", 75);
    expect(verified).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(verified.reasons).not.toContain("POLICY_CHANGE");
  });

  it("a suspension for credit the customer has cleared, held now only by a policy change made since, becomes the change's", () => {
    // suspended for credit on day 70; the policy changes on day 85; clean for 30 days by day 110
    const { events, options } = clearedUnderChange(85);
    const t = run(events, options);
    expect(stepOn(t, "overdue", 70)).toMatchObject({ decision: "suspended", cause: "credit" });
    // day 105: still the customer's own (clean only 25 days), the policy named beside it
    expect(stepOn(t, "review", 105)).toMatchObject({ status: "suspended", cause: "credit" });
    expect(stepOn(t, "review", 105).reasons).toContain("OVERDUE_TOO_RECENT");
    // day 135: the policy before the change would restore it, today's does not: recorded for the change
    const moved = stepOn(t, "review", 135);
    expect(moved).toMatchObject({ decision: "suspended", status: "suspended", cause: "policy" });
    expect(moved.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
    // an early review in between says the same
    const asked = run([...events, on.requestReview(140)], options);
    expect(stepOn(asked, "request_review", 140).reasons).toContain("POLICY_CHANGE");
    // the closing review closes it for the change: the instalment plan runs to term, nothing is called in
    const closed = t.steps.find((x) => x.decision === "closed")!;
    expect(closed).toMatchObject({ cause: "policy", status: "closed" });
    expect(closed.reasons).toContain("POLICY_CHANGE");
    expect(t.steps.filter((x) => x.day > closed.day && x.event.type === "overdue")).toEqual([]);
    // without the change, the same customer is restored at that review
    const unchanged = run(
      events.filter((e) => e.type !== "policy"),
      options,
    );
    expect(stepOn(unchanged, "review", 135)).toMatchObject({ decision: "restored", status: "active" });
  });

  describe("a change that loosens one rule and adds another", () => {
    // ¥267,600 owed elsewhere on ¥10,000 a month: a debt ratio of 2.23, over a cap of 2
    const policy = testPolicy({ maxDebtToIncome: 2, closeAfterSuspendedDays: 60 });
    const options = { policy, profile: { verified: false, monthlyIncome: 10_000 }, until: 80 };
    const mixed = (cap: number) => on.policy(20, { set: { maxDebtToIncome: cap, requireVerified: true } });

    it("holds a line suspended for a debt the new cap allows by the rule it adds: the change's, told and closed so", () => {
      const t = run([on.open(0, 1_000), on.externalDebt(2, 267_600), mixed(3), on.support(30)], options);
      expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "credit" });
      expect(stepOn(t, "review", 14).reasons[0]).toBe("DEBT_TO_INCOME_TOO_HIGH");
      // the old policy would still block on the debt, but today's allows it: only the new rule holds it
      expect(stepOn(t, "contact_support", 30).reasons).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
      const moved = stepOn(t, "review", 45);
      expect(moved).toMatchObject({ decision: "suspended", status: "suspended", cause: "policy" });
      expect(moved.reasons).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
      expect(stepOn(t, "review", 74)).toMatchObject({ decision: "closed", cause: "policy" });
      // a new cap the debt still exceeds leaves the customer's own part: credit, the change not named
      const over = run([on.open(0, 1_000), on.externalDebt(2, 267_600), mixed(2.1), on.support(30)], options);
      expect(stepOn(over, "contact_support", 30).reasons).not.toContain("POLICY_CHANGE");
      expect(stepOn(over, "review", 45)).toMatchObject({ decision: null, cause: "credit" });
      expect(stepOn(over, "review", 74)).toMatchObject({ decision: "closed", cause: "credit" });
    });

    it("holds a line suspended for credit at the first review after the change, once only the rule it adds is left", () => {
      // the debt comes after the review on day 14: suspended on day 45, over both caps; ¥16,000 repaid
      // brings it within the new cap only (2.10 > 2.097 > 2), as a line suspended before the change above
      const t = run(
        [on.open(0, 1_000), on.externalDebt(16, 267_600), mixed(2.1), on.externalRepayment(50, 16_000)],
        { ...options, until: 110 },
      );
      expect(stepOn(t, "review", 45)).toMatchObject({ decision: "suspended", cause: "credit" });
      const moved = stepOn(t, "review", 74);
      expect(moved).toMatchObject({ decision: "suspended", cause: "policy" });
      expect(moved.reasons).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
      expect(stepOn(t, "review", 105)).toMatchObject({ decision: "closed", cause: "policy" });
    });

    it("the change's text is true of such a line: it never met the previous policy (its debt failed it)", () => {
      const t = run([on.open(0, 1_000), on.externalDebt(2, 267_600), mixed(3)], options);
      expect(stepOn(t, "review", 45).reasons[0]).toBe("POLICY_CHANGE");
      expect(REASONS.POLICY_CHANGE.text).not.toMatch(/met the previous policy/);
      expect(REASONS.POLICY_CHANGE.text).toMatch(/falls short only where the current policy asks more/);
    });

    it("suspends an active line for the change when it fails only the rule the change adds", () => {
      // the debt comes after the review on day 14; the first review after the change is on day 45
      const t = run([on.open(0, 1_000), on.externalDebt(16, 267_600), mixed(3)], options);
      const review = stepOn(t, "review", 45);
      expect(review).toMatchObject({ decision: "suspended", cause: "policy" });
      expect(review.reasons).toEqual(["POLICY_CHANGE", "IDENTITY_REQUIRED"]);
    });

    it("keeps a policy suspension the change's when a debt rises past the old cap but within the new", () => {
      const t = run(
        [
          on.open(0, 1_000),
          on.policy(5, { set: { maxDebtToIncome: 3, requireVerified: true } }),
          on.externalDebt(20, 267_600),
        ],
        options,
      );
      expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
      expect(stepOn(t, "review", 45)).toMatchObject({ decision: null, cause: "policy" });
      expect(stepOn(t, "review", 45).reasons.slice(0, 2)).toEqual(["NOT_RESTORED_YET", "POLICY_CHANGE"]);
    });

    it("a score short of both policies is the customer's, whichever threshold each names", () => {
      // suspended for the score under a policy that restores at base + 100; the change restores at 350
      // but gives no line below base + 100: the old names the restoration score, the new the bands
      const high = baselineScore() + 100;
      const t = run(
        [
          on.open(0, 1_000),
          ...applicationsElsewhere(1),
          on.policy(20, {
            set: { minScore: 350, restoreScore: 350, limitBands: [{ minScore: high, maxLimit: 100_000 }] },
          }),
        ],
        { policy: scoreFallsAfterOpening({ restoreScore: high }), until: 50 },
      );
      expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "credit" });
      const review = stepOn(t, "review", 45);
      expect(review).toMatchObject({ decision: null, cause: "credit" });
      expect(review.reasons).toContain("SCORE_BELOW_LIMIT_BANDS");
      expect(review.reasons).not.toContain("POLICY_CHANGE");
    });
  });

  describe("a review after a change: the change's alone or the customer's own", () => {
    it("suspends an active line for the change when only the new policy has no line for it (a smallest line raised)", () => {
      // the product's largest line lowered below the line and a smallest line above it: none for anyone
      // (the smallest line raised alone keeps a line every cap holds: nineteenth-round stories)
      const limitBands = [{ minScore: 350, maxLimit: 500 }];
      const t = run([on.open(0, 1_000), on.policy(20, { set: { minLimit: 150_000, limitBands } })], {
        until: 50,
      });
      const review = stepOn(t, "review", 45);
      expect(review).toMatchObject({ decision: "suspended", cause: "policy" });
      expect(review.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE"]);
    });

    it("a score short of the old minimum and, past due, of the unchanged delinquent minimum is the customer's own", () => {
      // the old policy's minScore fails the score first (its delinquent rule is not asked then); the change
      // lowers minScore alone, so the same delinquentMinScore fails it now: the change asks no more of it
      const unpaid = [on.open(0, 1_000), on.purchase(1, 100)];
      const score = stateOn(run(unpaid, { until: 50 }), 45).score;
      const t = run([...unpaid, on.policy(20, { set: { minScore: 300 } })], {
        policy: testPolicy({ minScore: score + 1, delinquentMinScore: score + 1 }),
        until: 50,
      });
      const review = stepOn(t, "review", 45);
      expect(review).toMatchObject({ decision: "suspended", cause: "credit" });
      expect(review.reasons[0]).toBe("PAST_DUE_AT_REVIEW");
      expect(review.reasons).not.toContain("POLICY_CHANGE");
    });
  });

  it("an early review that records the suspension anew gives steps that name the new record, not the one it replaced", () => {
    // suspended for credit on day 70 (a bill left unpaid until day 80); the policy requires a verified
    // identity from day 85; clean for 30 days by day 110, the early review of day 112 records it for policy
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(3, 1_000),
        on.repay(80, "full"),
        on.policy(85, { set: { requireVerified: true } }),
        on.requestReview(112),
        on.support(113),
      ],
      {
        policy: testPolicy({ requireVerified: false, restoreCleanDays: 30 }),
        profile: { verified: false },
        until: 120,
      },
    );
    const early = stepOn(t, "request_review", 112);
    expect(early).toMatchObject({ decision: "suspended", status: "suspended", cause: "policy" });
    const onRecord = (s: Step) => s.remedies.find((r) => r.kind === "on_record");
    // the early review's own answer and the next day's agree: the policy record of day 112
    expect(onRecord(early)).toMatchObject({ cause: "policy", since: 70, day: 112 });
    expect(onRecord(stepOn(t, "contact_support", 113))).toMatchObject({
      cause: "policy",
      since: 70,
      day: 112,
    });
  });

  it("a restoration cites what a review since the suspension named as blocking and has since been cleared", () => {
    // suspended for credit on day 70 (a bill left unpaid until day 80); the policy requires a verified
    // identity from day 85; the review of day 105 names it beside the clean period; verified on day 106
    const events = [
      on.open(0, 5_000),
      on.purchase(3, 1_000),
      on.repay(80, "full"),
      on.policy(85, { set: { requireVerified: true } }),
    ];
    const options = {
      policy: testPolicy({ requireVerified: false, restoreCleanDays: 30 }),
      profile: { verified: false },
      until: 140,
    };
    const t = run([...events, on.verify(106)], options);
    expect(stepOn(t, "review", 105).reasons).toContain("IDENTITY_REQUIRED");
    expect(stepOn(t, "review", 105)).toMatchObject({ decision: null, cause: "credit" });
    // the suspension's own reasons did not name the identity; the review did, and it is cleared
    expect(stepOn(t, "review", 135)).toMatchObject({
      decision: "restored",
      reasons: ["ARREARS_CLEARED", "IDENTITY_VERIFIED"],
    });
    // verified before any review asked for it: nothing named it, nothing is claimed
    const early = run([...events, on.verify(86)], options);
    expect(stepOn(early, "review", 135)).toMatchObject({
      decision: "restored",
      reasons: ["ARREARS_CLEARED"],
    });
  });

  it("a restoration cites what was asked since the line was first suspended, though a review recorded the suspension anew", () => {
    // suspended for policy on day 45 (the identity the change of day 40 requires), verified on day 50; a bill
    // left unpaid: the early review of day 73 records the suspension anew for credit (the overdue alone).
    // The identity was asked for in this suspension and verified since: the restoration cites it
    const events = (verifyDay: number) => [
      on.open(0, 5_000),
      on.purchase(3, 1_000),
      on.repay(20, "full"),
      on.purchase(35, 500),
      on.policy(40, { set: { requireVerified: true } }),
      on.verify(verifyDay),
      on.requestReview(73),
      on.repay(100, "full"),
    ];
    const options = {
      policy: testPolicy({ requireVerified: false, restoreCleanDays: 30 }),
      profile: { verified: false },
      until: 140,
    };
    const t = run(events(50), options);
    expect(stepOn(t, "review", 45)).toMatchObject({
      decision: "suspended",
      cause: "policy",
      reasons: ["POLICY_CHANGE", "IDENTITY_REQUIRED"],
    });
    const early = stepOn(t, "request_review", 73);
    expect(early).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(early.reasons).not.toContain("IDENTITY_REQUIRED");
    expect(stepOn(t, "review", 135)).toMatchObject({
      decision: "restored",
      reasons: ["ARREARS_CLEARED", "IDENTITY_VERIFIED"],
    });
    // verified before the change asked for it: no review asked, nothing is claimed
    const before = run(events(39), options);
    expect(stepOn(before, "review", 135)).toMatchObject({
      decision: "restored",
      reasons: ["ARREARS_CLEARED"],
    });
  });

  it("a verification lifting a hold over a cleared credit suspension that a change now holds leaves it suspended for the change", () => {
    // suspended for credit on day 70 (a bill left unpaid until day 80), held from day 92, the policy asks for
    // a score no one has from day 95; clean for 30 days by day 110, verified on day 112, before any review
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(3, 1_000),
        on.repay(80, "full"),
        on.change(90),
        on.change(91, "address"),
        on.change(92, "device"),
        on.policy(95, { set: { restoreScore: 950 } }),
        on.verify(112),
      ],
      { policy: testPolicy({ restoreCleanDays: 30 }), until: 120 },
    );
    expect(stateOn(t, 100)).toMatchObject({ status: "suspended", cause: "security" });
    const verified = stepOn(t, "verify_identity", 112);
    // its standing says what its reasons cite, as the review that found it would record it
    expect(verified).toMatchObject({ decision: "suspended", status: "suspended", cause: "policy" });
    expect(verified.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_RESTORE"]);
  });

  it("a score a review named below the restoration score, risen past it since, is cited as recovered", () => {
    // suspended for credit on day 70 (a bill left unpaid until day 80): the review of day 74 finds the score
    // below restoreScore too; repaid, it is back above it when the clean period ends
    const t = run([on.open(0, 5_000), on.purchase(3, 1_000), on.repay(80, "full")], {
      policy: testPolicy({ restoreCleanDays: 30, restoreScore: 750 }),
      until: 140,
    });
    expect(stepOn(t, "review", 74).reasons).toContain("SCORE_BELOW_RESTORE");
    const restored = stepOn(t, "review", 135);
    expect(restored).toMatchObject({ decision: "restored", reasons: ["ARREARS_CLEARED", "SCORE_RECOVERED"] });
    expect(restored.facts).toContainEqual(
      expect.objectContaining({ code: "SCORE_RECOVERED", threshold: 750 }),
    );
  });

  it("a score below the restoration score at a review that also cuts the limit is cited as recovered too", () => {
    // the same customer, with a band that cuts the limit of a line whose score fell below 700: the review of
    // day 74 cuts it (line management reaches suspended lines) and finds the score below restoreScore as the
    // review without a cut does — the cut is that review's decision, not all it found
    const t = run([on.open(0, 5_000), on.purchase(3, 1_000), on.repay(80, "full")], {
      policy: testPolicy({
        restoreCleanDays: 30,
        restoreScore: 750,
        reduceLimitScore: 700,
        limitBands: [
          { minScore: 350, maxLimit: 2_000 },
          { minScore: 700, maxLimit: 100_000 },
        ],
      }),
      until: 140,
    });
    expect(stepOn(t, "review", 74)).toMatchObject({ decision: "limit_reduced", limit: 200_000 });
    const restored = stepOn(t, "review", 135);
    expect(restored).toMatchObject({ decision: "restored", reasons: ["ARREARS_CLEARED", "SCORE_RECOVERED"] });
    expect(restored.facts).toContainEqual(
      expect.objectContaining({ code: "SCORE_RECOVERED", threshold: 750 }),
    );
  });

  it("a review that cuts a suspended line's limit says why the line stays suspended too; the cut's record keeps its own", () => {
    // the customer above: the review of day 74 cuts the limit (score below reduceLimitScore's band) of a line
    // it leaves suspended (the bill still unpaid, the score below restoreScore) — the customer told "limit
    // reduced" is told why the line is not restored too, as a review that cuts nothing would say it
    const policy = testPolicy({
      restoreCleanDays: 30,
      restoreScore: 750,
      reduceLimitScore: 700,
      limitBands: [
        { minScore: 350, maxLimit: 2_000 },
        { minScore: 700, maxLimit: 100_000 },
      ],
    });
    const events = [on.open(0, 5_000), on.purchase(3, 1_000), on.repay(80, "full"), on.support(140)];
    const t = run(events, { policy, until: 140 });
    const cut = stepOn(t, "review", 74);
    expect(cut).toMatchObject({ decision: "limit_reduced", limit: 200_000, status: "suspended" });
    // the cut's rule first (the decision's), then the not-restored reasons in a plain review's order
    expect(cut.reasons).toEqual([
      "SCORE_BELOW_LIMIT_BAND",
      "NOT_RESTORED_YET",
      "OVERDUE_OUTSTANDING",
      "SCORE_BELOW_RESTORE",
    ]);
    expect(cut.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "SCORE_BELOW_LIMIT_BAND" }),
        expect.objectContaining({ code: "OVERDUE_OUTSTANDING" }),
        expect.objectContaining({ code: "SCORE_BELOW_RESTORE", threshold: 750 }),
      ]),
    );
    // restored on day 135 at the cut limit: the cut on record is the cut's alone, not why it stayed suspended
    expect(stepOn(t, "review", 135)).toMatchObject({ decision: "restored", limit: 200_000 });
    const record = stepOn(t, "contact_support", 140).remedies.find((r) => r.kind === "limit_cut");
    expect(record).toMatchObject({ day: 74, from: 500_000, to: 200_000 });
    expect(record?.kind === "limit_cut" && record.reasons[0]).toBe("SCORE_BELOW_LIMIT_BAND");
    expect(record?.kind === "limit_cut" && record.reasons).not.toContain("NOT_RESTORED_YET");
  });

  it("a credit suspension on a line active since a change not yet reviewed (the overdue trigger) keeps the policy before it", () => {
    // the policy changes on day 50, while the line is active; the overdue trigger suspends it for credit
    // on day 70, before the first review under the change (day 74)
    const { events, options } = clearedUnderChange(50);
    const t = run(events, options);
    expect(stepOn(t, "overdue", 70)).toMatchObject({ decision: "suspended", cause: "credit" });
    // once clean, only the change holds it: recorded for the change, closed for it, the plan runs to term
    expect(stepOn(t, "review", 135)).toMatchObject({ decision: "suspended", cause: "policy" });
    const closed = t.steps.find((x) => x.decision === "closed")!;
    expect(closed).toMatchObject({ cause: "policy" });
    expect(closed.reasons).toContain("POLICY_CHANGE");
  });

  it("restored because the policy stopped requiring identity: IDENTITY_VERIFIED is not claimed", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.policy(5, { set: { requireVerified: true } }),
        on.policy(60, { set: { requireVerified: false } }),
      ],
      { policy: testPolicy({ requireVerified: false }), profile: { verified: false } },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "suspended", cause: "policy" });
    const r = stepOn(t, "review", 74);
    expect(r.decision).toBe("restored");
    expect(r.reasons).not.toContain("IDENTITY_VERIFIED");
    expect(r.reasons).toContain("MEETS_CURRENT_POLICY");
  });

  it("a delinquency under a security hold is no shortcut: the same restoration as without the hold", () => {
    // a bill unpaid until day 100; three changes of bound details on days 20-22 (a hold from day 22)
    const policy = testPolicy({ securityMaxChanges: 2, suspendOverdueDays: 30, restoreCleanDays: 90 });
    const events = [on.open(0, 5_000), on.purchase(1, 3_000), on.repay(100, "full")];
    const changes = [on.change(20), on.change(21, "address"), on.change(22, "device"), on.verify(102)];
    const clean = run(events, { policy, until: 300 });
    const held = run([...events, ...changes], { policy, until: 300 });
    const restored = (t: typeof clean) => t.steps.find((x) => x.decision === "restored" && x.day > 30);
    // found on the day it happens, as without the hold (30 days past due: day 70), and recorded beneath it
    const suspendedOn = (t: typeof clean) => t.steps.find((x) => x.decision === "suspended" && x.day > 30);
    expect(suspendedOn(held)).toMatchObject({
      day: suspendedOn(clean)!.day,
      beneath: "credit",
      cause: "security",
    });
    expect(stepOn(held, "verify_identity", 102)).toMatchObject({ status: "suspended", cause: "credit" });
    expect(restored(held)?.day).toBe(restored(clean)?.day);
    expect(restored(held)?.reasons).toEqual(restored(clean)?.reasons);
  });

  it("a held line closed for its long suspension names what lies beneath the hold", () => {
    const policy = testPolicy({
      securityMaxChanges: 2,
      suspendOverdueDays: 30,
      restoreCleanDays: 90,
      closeAfterSuspendedDays: 100,
    });
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 3_000),
        on.change(20),
        on.change(21, "address"),
        on.change(22, "device"),
        on.repay(100, "full"),
      ],
      { policy, until: 200 },
    );
    const closed = t.steps.find((x) => x.decision === "closed")!;
    expect(closed).toMatchObject({ cause: "credit" });
    expect(closed.reasons).toContain("OVERDUE_TOO_RECENT");
  });

  it("a policy change under a security hold: verifying leaves a policy suspension, citing the change", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.change(20),
        on.change(21, "address"),
        on.change(22, "device"),
        on.policy(30, { set: { maxDebtToIncome: 0.1 } }),
        on.externalDebt(2, 20_000),
        on.verify(60),
      ],
      { policy: testPolicy({ securityMaxChanges: 2 }), profile: { monthlyIncome: 10_000 } },
    );
    const review = stepOn(t, "review", 45);
    expect(review).toMatchObject({ decision: "suspended", cause: "security" });
    expect(review.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "DEBT_TO_INCOME_TOO_HIGH"]);
    const v = stepOn(t, "verify_identity", 60);
    expect(v).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(v.reasons[0]).toBe("POLICY_CHANGE");
  });

  it("a suspended account below restoreScore (but above minScore) cites the restoration threshold", () => {
    const t = run([
      on.open(0, 1_000),
      on.policy(5, { set: { minScore: 950, restoreScore: 950 } }),
      on.requestReview(40),
    ]);
    expect(stepOn(t, "request_review", 40).reasons).toContain("SCORE_BELOW_RESTORE");
  });
});

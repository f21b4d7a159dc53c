// Findings of an independent model validation, each held by a test: the rule a risk reviewer asked for,
// checked on the smallest timeline that broke it.

import { describe, expect, it } from "vitest";
import {
  applicationsElsewhere,
  DEFAULT_POLICY,
  on,
  run,
  scoreFallsAfterOpening,
  stepOn,
  stepsOf,
  testPolicy,
} from "./builders.js";

describe("Jiebei: paying what is due", () => {
  it("meets every loan's coming instalment, not one loan's principal first", () => {
    const t = run(
      [
        on.open(0, 50_000, "jiebei"),
        on.borrow(10, 6_000, 6),
        on.borrow(12, 3_000, 3),
        on.repay(37, "minimum", "jiebei"),
        on.repay(68, "statement", "jiebei"),
      ],
      { until: 95 },
    );
    expect(stepsOf(t, "overdue")).toEqual([]);
    expect(t.grid.jiebei?.map((g) => g.code)).toEqual(["*", "N", "N"]);
  });
});

describe("days past due", () => {
  it("count from the oldest amount unpaid: a customer one instalment behind is never 90 days past due", () => {
    // ¥3,600 in 12 instalments; the first is missed, and from then on one instalment a month is repaid
    const repays = [79, 110, 140, 171, 201, 232, 263, 293].map((d) => on.repay(d, 335));
    const t = run([on.open(0, 5_000), on.purchase(3, 3_600, null, 12), ...repays], {
      policy: testPolicy({ suspendOverdueDays: 400 }),
      until: 330,
    });
    const codes = t.grid.huabei!.map((g) => g.code).join("");
    expect(codes).toMatch(/^\*1+2*$/);
    expect(t.steps.at(-1)!.inputs.seriousDelinquency60m).toBe(0);
    expect(Math.max(...t.steps.map((s) => s.overdueDays))).toBeLessThan(60);
  });
});

describe("reopening a line", () => {
  it("is not a way round a security hold", () => {
    const t = run([on.open(0, 5_000), on.change(1), on.change(2, "device"), on.close(3), on.open(4, 5_000)], {
      policy: testPolicy({ securityMaxChanges: 1 }),
    });
    expect(stepOn(t, "change_profile", 2)).toMatchObject({ decision: "suspended", cause: "security" });
    expect(stepOn(t, "close", 3)).toMatchObject({ decision: "closed", cause: "customer" });
    expect(stepOn(t, "apply", 4)).toMatchObject({ decision: "declined" });
    expect(stepOn(t, "apply", 4).reasons[0]).toBe("SECURITY_PROFILE_CHANGES");
  });

  it("is not a way round a recent delinquency", () => {
    const t = run(
      [on.open(0, 5_000), on.purchase(1, 100), on.repay(75, "full"), on.close(76), on.open(77, 6_000)],
      {
        policy: testPolicy({ restoreCleanDays: 90 }),
      },
    );
    expect(stepOn(t, "apply", 77).reasons).toContain("OVERDUE_TOO_RECENT");
  });

  it("is not a way round the increase cooldown: it runs from the reopening, as from a first opening", () => {
    const t = run(
      [
        on.open(0, 3_000),
        on.close(100),
        on.open(140, 5_000),
        on.increase(141, 2_000),
        on.increase(230, 2_000),
      ],
      { policy: testPolicy({ increaseCooldownDays: 90 }), until: 240 },
    );
    expect(stepOn(t, "apply", 140)).toMatchObject({ decision: "approved", limit: 500_000 });
    const early = stepOn(t, "apply", 141);
    expect(early).toMatchObject({ decision: "declined", limit: 500_000 });
    expect(early.reasons[0]).toBe("INCREASE_TOO_SOON");
    // 90 days after the reopening the cooldown is over
    expect(stepOn(t, "apply", 230)).toMatchObject({ decision: "approved", limit: 700_000 });
  });

  it("never reopens below the smallest line: a last limit under today's minimum is declined, not granted", () => {
    const t = run(
      [
        on.open(0, 3_000),
        on.purchase(5, 1_000),
        on.repay(45, "full"),
        on.close(50),
        on.policy(60, { set: { minLimit: 5_000 } }),
        on.open(140, 20_000),
      ],
      { policy: testPolicy({ increaseCleanDays: 180 }), until: 150 },
    );
    const reopened = stepOn(t, "apply", 140);
    expect(reopened.decision).toBe("declined");
    expect(reopened.reasons[0]).toBe("LAST_LIMIT_BELOW_SMALLEST_LINE");
    expect(reopened.reasons).toContain("RECENT_MISSED_PAYMENT");
    expect(reopened.status).toBe("closed");
  });

  it("is not a way round an increase's standards: above the limit it ended, the customer's own closure too", () => {
    const policy = testPolicy({ increaseCleanDays: 180 });
    // a due date missed (repaid after the grace), then the customer closes and reopens for more
    const late = run(
      [on.open(0, 3_000), on.purchase(5, 1_000), on.repay(45, "full"), on.close(50), on.open(140, 20_000)],
      { policy, until: 150 },
    );
    expect(stepOn(late, "close", 50)).toMatchObject({ decision: "closed", cause: "customer" });
    const reopened = stepOn(late, "apply", 140);
    expect(reopened).toMatchObject({ decision: "approved_lower", limit: 300_000 });
    expect(reopened.reasons).toContain("RECENT_MISSED_PAYMENT");
    // the same customer paying on time reopens for what the rules allow, above the old limit
    const clean = run(
      [on.open(0, 3_000), on.purchase(5, 1_000), on.repay(38, "full"), on.close(50), on.open(140, 20_000)],
      { policy, until: 150 },
    );
    expect(stepOn(clean, "apply", 140).decision).toMatch(/^approved/);
    expect(stepOn(clean, "apply", 140).limit).toBeGreaterThan(300_000);
  });
});

describe("thin files", () => {
  it("a 19-year-old on ¥3,000 with no record is never 'excellent' before the record exists", () => {
    const t = run([on.open(0, 2_000), on.purchase(5, 100), on.repay(35, "full")], {
      policy: DEFAULT_POLICY,
      profile: { age: 19, monthlyIncome: 3_000, creditHistoryMonths: 0, externalDebt: 0 },
      until: 150,
    });
    for (const s of t.steps) expect(s.score, `day ${s.day}`).toBeLessThan(700);
  });

  it("a first missed payment costs a thin file as much as it tells", () => {
    const t = run([on.open(0, 2_000), on.purchase(5, 100)], {
      policy: testPolicy(),
      profile: { creditHistoryMonths: 0 },
      until: 50,
    });
    const overdue = stepsOf(t, "overdue")[0]!;
    expect(overdue.scoreDelta).toBeLessThanOrEqual(-30);
  });
});

describe("limits and amounts", () => {
  it("no line opens below the smallest line, and no loan below the smallest loan", () => {
    const t = run([on.open(0, 100), on.open(0, 20_000, "jiebei"), on.borrow(1, 100, 3)], {
      policy: testPolicy({ minLimit: 500, jiebeiMinDrawdown: 500 }),
    });
    expect(stepsOf(t, "apply", 0)[0]!.reasons).toContain("AMOUNT_BELOW_MINIMUM");
    expect(stepOn(t, "borrow", 1)).toMatchObject({ decision: "declined", reasons: ["AMOUNT_BELOW_MINIMUM"] });
  });

  it("a cash loan may not take the debt burden past Jiebei's cap", () => {
    const t = run([on.open(0, 100_000, "jiebei"), on.borrow(10, 50_000, 12)], {
      policy: testPolicy({ jiebeiMaxDebtToIncome: 1 }),
      profile: { monthlyIncome: 4_000, externalDebt: 0 },
    });
    const s = stepOn(t, "borrow", 10);
    expect(s).toMatchObject({ decision: "declined" });
    expect(s.facts[0]).toMatchObject({ code: "DEBT_TO_INCOME_TOO_HIGH", parameter: "jiebeiMaxDebtToIncome" });
  });

  it("a cash loan the lender grants is never what takes the debt burden past the cap at the next review", () => {
    // ¥200,000 elsewhere on ¥240,000 a year: today's balances leave exactly ¥40,000 within the cap of 1, but
    // the month-end report the review reads adds the loan's interest (¥40,000 on 2024-01-12, 20 days to
    // the 31st): lending all of it would suspend the line it was lent on, 34 days later, for the loan itself
    const events = [
      on.open(0, 100_000, "jiebei"),
      on.borrow(11, 40_000, 12),
      on.repay(42, "minimum", "jiebei"),
    ];
    const options = {
      policy: testPolicy({ jiebeiMaxDebtToIncome: 1 }),
      profile: { monthlyIncome: 20_000, externalDebt: 20_000_000 },
      until: 80,
    };
    const t = run(events, options);
    expect(stepOn(t, "borrow", 11).decision).toBe("declined");
    expect(stepOn(t, "borrow", 11).reasons[0]).toBe("DEBT_TO_INCOME_TOO_HIGH");
    // what the report will show, with the loan's interest: above the cap
    expect(stepOn(t, "borrow", 11).facts[0]).toMatchObject({ value: 1.01, threshold: 1 });
    // a loan within the cap with its interest is granted, and the review keeps the line
    const smaller = run(
      [on.open(0, 100_000, "jiebei"), on.borrow(11, 39_000, 12), on.repay(42, "minimum", "jiebei")],
      options,
    );
    expect(stepOn(smaller, "borrow", 11).decision).toBe("approved");
    expect(smaller.steps.filter((s) => s.line === "jiebei" && s.decision === "suspended")).toEqual([]);
  });

  it("the shipped policies have a limit band at each line's minimum score (no score that can only suspend)", () => {
    for (const p of [DEFAULT_POLICY]) {
      expect(Math.min(...p.limitBands.map((b) => b.minScore))).toBeLessThanOrEqual(p.minScore);
      expect(Math.min(...p.jiebeiLimitBands.map((b) => b.minScore))).toBeLessThanOrEqual(p.jiebeiMinScore);
    }
  });
});

describe("closed and written-off lines", () => {
  it("a closed line is billed in full every month while anything is owed, then shows C", () => {
    const t = run(
      [
        on.open(0, 5_000),
        ...applicationsElsewhere(1),
        on.purchase(1, 1_000),
        on.repay(38, "minimum"),
        on.repay(60, "minimum"),
        on.repay(100, "full"),
      ],
      { policy: scoreFallsAfterOpening({ restoreScore: 950, closeAfterSuspendedDays: 31 }), until: 160 },
    );
    expect(stepOn(t, "review", 45).decision).toBe("closed");
    expect(t.final.balance).toBe(0);
    expect(t.grid.huabei?.at(-1)?.code).toBe("C");
  });

  it("a charge-off makes the instalments not yet billed due too", () => {
    const t = run([on.open(0, 6_000), on.purchase(3, 6_000, null, 12)], {
      policy: testPolicy({ chargeOffDays: 60 }),
      until: 140,
    });
    const off = stepsOf(t, "charge_off")[0]!;
    const closing = stepsOf(t, "statement", off.day);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.event).toMatchObject({ closing: true });
    expect(closing[0]!.event.minimum).toBe(off.balance);
  });

  it("a written-off line is not offered for reopening by customer service", () => {
    const t = run([on.open(0, 5_000), on.purchase(1, 100), on.repay(80, "full"), on.support(81)], {
      policy: testPolicy({ chargeOffDays: 30, suspendOverdueDays: 400 }),
    });
    expect(stepOn(t, "contact_support", 81).remedies.map((r) => r.kind)).not.toContain("reapply");
  });
});

describe("scores tied to the customer's conduct", () => {
  it("purchases tried while past due do not add to activity", () => {
    const tries = [50, 51, 52, 53, 54, 55].map((d) => on.purchase(d, 10));
    const t = run([on.open(0, 5_000), on.purchase(1, 100), ...tries], { policy: testPolicy() });
    for (const s of stepsOf(t, "purchase").filter((x) => x.day >= 50))
      expect(s.scoreDelta).toBeLessThanOrEqual(0);
  });

  it("the lender's closure of a line that owes nothing does not lower the score", () => {
    const t = run(
      [on.open(0, 5_000), on.purchase(1, 100), on.repay(35, "full"), on.change(40), on.change(41, "device")],
      {
        policy: testPolicy({ securityMaxChanges: 1, closeAfterSuspendedDays: 31 }),
        until: 120,
      },
    );
    const closed = t.steps.find((s) => s.decision === "closed")!;
    expect(closed).toBeDefined();
    expect(closed.scoreDelta).toBeGreaterThanOrEqual(0);
    const after = t.steps.filter((s) => s.day > closed.day);
    for (const s of after) expect(s.score).toBeGreaterThanOrEqual(closed.score - 5);
  });

  it("a Jiebei-only applicant is not told about a Huabei balance", () => {
    const t = run([on.open(0, 20_000, "jiebei")], {
      policy: testPolicy({ jiebeiMinOpenScore: 950 }),
    });
    const s = stepOn(t, "apply", 0);
    expect(s.decision).toBe("declined");
    expect(s.reasons).not.toContain("HIGH_UTILISATION");
    expect(s.reasons).not.toContain("LOW_ACTIVITY");
  });
});

describe("security", () => {
  it("a takeover while suspended for credit turns the suspension into a security hold", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 100),
        on.repay(75, "full"),
        on.change(80),
        on.change(81, "device"),
        on.change(82, "address"),
        on.purchase(200, 10),
      ],
      { policy: testPolicy({ suspendOverdueDays: 30, restoreCleanDays: 0 }), until: 220 },
    );
    expect(stepOn(t, "change_profile", 82)).toMatchObject({ decision: "suspended", cause: "security" });
    expect(t.steps.filter((s) => s.decision === "restored")).toEqual([]);
    expect(stepOn(t, "purchase", 200).decision).toBe("declined");
  });
});

describe("the repayment grid", () => {
  it("records N for a due date in a month's last days", () => {
    // drawn on the 30th: due on the 30th (or the month's last day) of each month
    const t = run(
      [
        on.open(0, 20_000, "jiebei"),
        on.borrow(29, 6_000, 3),
        ...[59, 89, 120].map((d) => on.repay(d, "minimum", "jiebei")),
      ],
      {
        until: 130,
      },
    );
    expect(t.grid.jiebei?.map((g) => g.code)).toEqual(["*", "N", "N", "N"]);
  });
});

describe("penalty", () => {
  it("replaces the interest of the grace days when a revolving bill later misses its minimum", () => {
    const policy = testPolicy({ revolvingRatePerDay: 0.0005, penaltyRatePerDay: 0.001 });
    // ¥1,000 billed 2024-02-01; its minimum met, it revolves; the March minimum is missed
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(38, "minimum")], { policy, until: 75 });
    const missed = stepsOf(t, "overdue")[0]!;
    expect(missed.day).toBe(73);
    // the grace days after the March due day (70, 71, 72) at the penalty: the interest already charged
    // for them is topped up to it
    const before = t.steps.filter((s) => s.day < 73).at(-1)!;
    expect(missed.penalties - before.penalties).toBeGreaterThan(0);
  });
});

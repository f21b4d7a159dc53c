// The credit model as a risk reviewer would probe it: closure, charge-off, serious delinquency in the score,
// thin files, scores that follow the customer's own conduct, limits that stay sane, the repayment grid.

import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/scorecard.js";
import { run as runEngine } from "../../src/engine/simulate.js";
import type { EngineState } from "../../src/engine/state.js";
import type { Trace } from "../../src/engine/types.js";
import { delinquency } from "../../src/engine/view.js";
import {
  applicationsElsewhere,
  baselineScore,
  DEFAULT_POLICY,
  type EventInput,
  on,
  run,
  scenario,
  scoreFallsAfterOpening,
  stateOn,
  stepOn,
  stepsOf,
  testPolicy,
} from "./builders.js";

describe("closure", () => {
  it("a lender's closure puts everything owed on a closing statement, due in full, and bills no minimums after", () => {
    // the first bill left unpaid: past due at the closure, which answers a default and calls the plan in too
    const t = run(
      [on.open(0, 5_000), ...applicationsElsewhere(1), on.purchase(1, 1_000), on.purchase(2, 600, null, 6)],
      {
        policy: scoreFallsAfterOpening({ restoreScore: 950, closeAfterSuspendedDays: 31 }),
        until: 200,
      },
    );
    const closed = stepOn(t, "review", 45);
    expect(closed).toMatchObject({ decision: "closed", status: "closed", cause: "credit" });
    const closing = stepsOf(t, "statement", 45);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.event).toMatchObject({ closing: true, fees: 0 });
    expect(closing[0]!.event.minimum).toBe(closed.balance);
    // after it, no minimums: every statement bills everything still owed, in full — a month's statement,
    // not the closure's (one closing statement per closure)
    const after = stepsOf(t, "statement").filter((x) => x.day > 45);
    expect(after.length).toBeGreaterThan(0);
    for (const st of after) {
      expect(st.event.closing).toBe(false);
      expect(st.event.minimum).toBe(st.balance);
    }
  });

  it("a closure on the eve of the statement day makes one closing statement, not one each day", () => {
    // due on day 40 (10 February), 172 days past due on day 212: charged off on 31 July
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000)], {
      policy: testPolicy({ chargeOffDays: 172 }),
      until: 250,
    });
    expect(stepOn(t, "charge_off", 212).decision).toBe("charged_off");
    const dueAugust10 = 222;
    const closing = stepsOf(t, "statement").filter((s) => s.day >= 212 && s.event.dueDay === dueAugust10);
    expect(closing.map((s) => s.day)).toEqual([212]);
    // the due date it sets is one due date: missed once, not once for each statement naming it
    const missedBefore = stateOn(t, 221).inputs.missedDues12m;
    expect(stateOn(t, 230).inputs.missedDues12m).toBe((missedBefore ?? 0) + 1);
  });

  it("a line the lender closed reopens at its last limit unless an increase's standards are met", () => {
    const policy = testPolicy({
      suspendOverdueDays: 5,
      closeAfterSuspendedDays: 31,
      restoreCleanDays: 50,
      minIncreaseScore: 700,
      increaseCleanDays: 180,
    });
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(60, "full"), on.open(120, 8_000)], {
      policy,
      until: 130,
    });
    const closed = stepsOf(t, "review").find((s) => s.decision === "closed")!;
    expect(closed.day).toBeLessThan(120);
    const reopened = stepOn(t, "apply", 120);
    // a missed due date in the last 180 days: no more than the ¥5,000 the closure ended
    expect(reopened).toMatchObject({ decision: "approved_lower", limit: 500_000 });
    expect(reopened.reasons).toContain("RECENT_MISSED_PAYMENT");
  });

  it("a line closed under a security hold never verified is not reopened, nor the other opened, until a verification", () => {
    // phone, address and device changed in three days: both lines held; never verified, they are closed
    // for security at the first review 31 days on. The changes are long out of the 30-day window by day 120,
    // but the hold they laid was lifted by nothing: reopening is no way round the verification a
    // restoration would have needed
    const policy = testPolicy({ closeAfterSuspendedDays: 31 });
    const held = [
      on.open(0, 5_000),
      on.open(0, 5_000, "jiebei"),
      on.change(1, "phone"),
      on.change(2, "address"),
      on.change(3, "device"),
    ];
    const t = run([...held, on.support(100), on.open(120, 5_000)], { policy, until: 130 });
    expect(stateOn(t, 100)).toMatchObject({ status: "closed", cause: "security" });
    const reopened = stepOn(t, "apply", 120);
    expect(reopened.decision).toBe("declined");
    expect(reopened.reasons[0]).toBe("SECURITY_PROFILE_CHANGES");
    expect(reopened.facts).toContainEqual(
      expect.objectContaining({
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        value: 3,
      }),
    );
    // customer service does not say it would be approved, and asks for the verification
    const answer = stepOn(t, "contact_support", 100);
    const reapply = answer.remedies.find((r) => r.kind === "reapply");
    expect(reapply).toMatchObject({
      blockers: [expect.objectContaining({ code: "SECURITY_PROFILE_CHANGES" })],
    });
    expect(answer.remedies).toContainEqual({ line: "huabei", kind: "verify_identity" });
    // verified, the line reopens
    const verified = run([...held, on.verify(110), on.open(120, 5_000)], { policy, until: 130 });
    expect(stepOn(verified, "apply", 120).decision).toBe("approved");
    // nor is the other line opened meanwhile: the hold is on the customer's bound details
    const huabeiOnly = [
      on.open(0, 5_000),
      on.change(1, "phone"),
      on.change(2, "address"),
      on.change(3, "device"),
    ];
    const other = run([...huabeiOnly, on.open(120, 5_000, "jiebei")], { policy, until: 130 });
    expect(stateOn(other, 119)).toMatchObject({ status: "closed", cause: "security" });
    expect(stepOn(other, "apply", 120)).toMatchObject({ decision: "declined" });
    expect(stepOn(other, "apply", 120).reasons[0]).toBe("SECURITY_PROFILE_CHANGES");
    // a line closed for something else, the changes verified before: no hold stands
    const cleared = run([...held, on.verify(4), on.close(5), on.open(120, 5_000)], { policy, until: 130 });
    expect(stepOn(cleared, "apply", 120).decision).toBe("approved");
  });

  it("closing a line and reopening it larger waits the increase cooldown, as an increase would", () => {
    const policy = testPolicy({ increaseCooldownDays: 90 });
    const reopenOn = (day: number) =>
      stepOn(
        run([on.open(0, 5_000), on.close(5), on.open(day, 8_000)], { policy, until: day + 1 }),
        "apply",
        day,
      );
    // 20 days after the opening an increase is refused: the reopening keeps the ¥5,000 the closure ended
    const soon = reopenOn(20);
    expect(soon).toMatchObject({ decision: "approved_lower", limit: 500_000 });
    expect(soon.reasons).toContain("INCREASE_TOO_SOON");
    // once the cooldown since the opening has passed, the larger line is granted
    expect(reopenOn(90)).toMatchObject({ decision: "approved", limit: 800_000 });
  });

  it("a reopening held to its last limit and by today's cap below it names both", () => {
    // income ¥2,000 a month supports ¥4,000 (two months); the ¥5,000 line closed, reopened too soon for more
    const policy = testPolicy({ increaseCooldownDays: 90, maxLimitIncomeMultiple: 2 });
    const t = run([on.open(0, 5_000), on.close(5), on.income(6, 2_000), on.open(20, 8_000)], {
      policy,
      until: 21,
    });
    const reopened = stepOn(t, "apply", 20);
    expect(reopened.decision).toBe("approved_lower");
    expect(reopened.limit).toBeLessThan(500_000);
    expect(reopened.reasons).toContain("INCREASE_TOO_SOON");
    expect(reopened.reasons).toContain("LIMIT_CAPPED_BY_INCOME");
    expect(reopened.facts).toContainEqual(expect.objectContaining({ code: "LIMIT_CAPPED_BY_INCOME" }));
  });

  it("a customer's close is refused while anything is owed and granted once it is repaid", () => {
    const t = run([
      on.open(0, 5_000),
      on.purchase(1, 100),
      on.close(2),
      on.repay(3, "full"),
      on.close(4),
      on.purchase(5, 10),
    ]);
    expect(stepOn(t, "close", 2)).toMatchObject({ decision: "declined", reasons: ["BALANCE_OUTSTANDING"] });
    expect(stepOn(t, "close", 4)).toMatchObject({ decision: "closed", status: "closed", cause: "customer" });
    expect(stepOn(t, "purchase", 5).reasons).toEqual(["ACCOUNT_CLOSED"]);
  });
});

describe("charge-off", () => {
  it("at chargeOffDays past due the line is charged off: the debt written off, still owed, accruing no more", () => {
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(300, "full")], {
      until: 320,
      policy: testPolicy({ chargeOffDays: 180 }),
    });
    // the January bill, due day 40, is past due from day 44: 180 days after the due day is day 220
    const off = stepsOf(t, "charge_off");
    expect(off).toHaveLength(1);
    expect(off[0]!.day).toBe(220);
    expect(off[0]).toMatchObject({
      decision: "charged_off",
      status: "charged_off",
      cause: "credit",
      limit: 0,
    });
    expect(off[0]!.writtenOff).toBe(off[0]!.balance);
    expect(stateOn(t, 299).charges).toBe(off[0]!.charges);
    // a recovery after the write-off clears the debt; the record of the write-off stays: the months before
    // keep their stages and G, the month it is repaid in full on is settled (C), as a bureau reports a bad
    // debt repaid
    expect(t.final.balance).toBe(0);
    expect(t.final.status).toBe("charged_off");
    expect(t.grid.huabei?.map((g) => g.code).join("")).toMatch(/^\*N?1234567?G+C$/);
  });

  it("a written-off debt repaid only in part stays G; repaid in full, C from that month on — never a good month", () => {
    const events = [on.open(0, 5_000), on.purchase(1, 1_000), on.repay(300, 500)];
    const policy = testPolicy({ chargeOffDays: 180 });
    const part = run(events, { until: 380, policy });
    expect(part.final.balance).toBeGreaterThan(0);
    expect(part.grid.huabei?.map((g) => g.code).join("")).toMatch(/^\*N?1234567?G{4,}$/);
    const full = run([...events, on.repay(330, "full")], { until: 380, policy });
    const codes = full.grid.huabei?.map((g) => `${g.month}:${g.code}`);
    // day 330 is 26 Nov 2024: October still owed (G), November and December settled
    expect(codes?.slice(-3)).toEqual(["2024-10:G", "2024-11:C", "2024-12:C"]);
    // a settled bad debt is no good record: the score's good months do not grow after it
    const good = (t: typeof full) => t.steps.at(-1)!.inputs.goodMonths24m;
    expect(good(full)).toBe(good(part));
  });

  it("after a write-off on one line no line opens, the debt repaid or not; the decline cites what was written off", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.repay(230, "full"),
        on.open(240, 5_000),
        on.open(241, 20_000, "jiebei"),
        on.open(242, 1_000, "huabei"),
      ],
      { until: 260, policy: testPolicy({ chargeOffDays: 180 }) },
    );
    const off = stepsOf(t, "charge_off")[0]!;
    const jiebei = stepOn(t, "apply", 241);
    expect(jiebei).toMatchObject({ decision: "declined", reasons: ["DEBT_WRITTEN_OFF"] });
    expect(jiebei.facts).toEqual([{ code: "DEBT_WRITTEN_OFF", value: off.writtenOff, line: "huabei" }]);
    const huabei = stepOn(t, "apply", 242);
    expect(huabei.facts).toEqual([{ code: "DEBT_WRITTEN_OFF", value: off.writtenOff }]);
    expect(off.writtenOff).toBeGreaterThan(0);
    expect(stateOn(t, 242).balance).toBe(0);
  });

  it("a write-off on one line keeps the other from being restored or raised, and nobody is told to reapply", () => {
    // Jiebei drawn and never repaid (charged off); Huabei suspended meanwhile, then everything repaid
    const policy = testPolicy({ chargeOffDays: 120, closeAfterSuspendedDays: 2000, restoreCleanDays: 30 });
    const t = run(
      [
        on.open(0, 5_000),
        on.open(0, 20_000, "jiebei"),
        on.borrow(3, 3_000, 3),
        on.repay(200, "full", "jiebei"),
        on.increase(210, 6_000),
        on.support(400),
      ],
      { policy, until: 420 },
    );
    expect(stepsOf(t, "charge_off")[0]?.line).toBe("jiebei");
    expect(t.steps.filter((x) => x.decision === "restored" && x.day > 150)).toEqual([]);
    const review = stepsOf(t, "review")
      .filter((x) => x.day > 300 && x.line === "huabei")
      .at(-1)!;
    expect(review.reasons).toContain("DEBT_WRITTEN_OFF");
    // the suspended line is barred for good: no review promised, the closure certain when it comes
    const answer = stepOn(t, "contact_support", 400).remedies.map((r) => r.kind);
    expect(answer).not.toContain("wait_for_review");
    expect(answer).not.toContain("keep_clean_until");
  });

  it("a suspended line barred by a write-off is reviewed and closed citing the write-off alone", () => {
    // Jiebei drawn and never repaid: charged off on day 154; Huabei, suspended meanwhile, has a score below
    // a restoration score of 900 and the Jiebei arrears in its way too — but nothing restores it any more,
    // so nothing else is a reason (asked to raise its score, the customer would work towards nothing)
    const policy = testPolicy({ chargeOffDays: 120, closeAfterSuspendedDays: 180, restoreScore: 900 });
    const t = run([on.open(0, 5_000), on.open(0, 20_000, "jiebei"), on.borrow(3, 3_000, 3)], {
      policy,
      until: 260,
    });
    const off = stepsOf(t, "charge_off")[0]!;
    expect(off.line).toBe("jiebei");
    const review = stepsOf(t, "review").find((x) => x.day > off.day && x.line === "huabei")!;
    expect(review).toMatchObject({ decision: null, reasons: ["NOT_RESTORED_YET", "DEBT_WRITTEN_OFF"] });
    expect(review.facts).toEqual([
      { code: "DEBT_WRITTEN_OFF", value: off.jiebei.writtenOff, line: "jiebei" },
    ]);
    const closed = t.steps.find((x) => x.decision === "closed" && x.line === "huabei")!;
    expect(closed.reasons).toEqual(["LONG_SUSPENSION", "DEBT_WRITTEN_OFF"]);
  });

  it("after a write-off on one line the other, active, is not raised, and a closed one is not to be reopened", () => {
    // Huabei charged off; Jiebei opened before, kept clean (repaid), raised later; then closed by the customer
    const policy = testPolicy({ chargeOffDays: 60, suspendOverdueDays: 400 });
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.open(2, 20_000, "jiebei"),
        on.increase(150, 30_000, "jiebei"),
        on.close(151, "jiebei"),
        on.support(152),
      ],
      { policy, until: 160 },
    );
    expect(stepsOf(t, "charge_off")[0]?.line).toBe("huabei");
    const raise = t.steps.find((x) => x.event.type === "apply" && x.day === 150)!;
    expect(raise).toMatchObject({ decision: "declined", reasons: ["DEBT_WRITTEN_OFF"] });
    expect(stepOn(t, "close", 151)).toMatchObject({ decision: "closed" });
    expect(stepOn(t, "contact_support", 152).remedies.map((r) => r.kind)).not.toContain("reapply");
  });

  it("no new or larger line while the other line is suspended; the same application once it is restored", () => {
    // Huabei's bill due day 40 goes unpaid: suspended past suspendOverdueDays, repaid on day 75 and restored
    // at a later review; Jiebei applied for while Huabei is suspended, and again after
    const policy = testPolicy({ suspendOverdueDays: 20, restoreCleanDays: 30 });
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.open(70, 10_000, "jiebei"),
        on.repay(75, "full"),
        on.open(160, 10_000, "jiebei"),
      ],
      { policy, until: 170 },
    );
    const suspended = t.steps.find((x) => x.decision === "suspended")!;
    expect(suspended.day).toBeLessThan(70);
    const during = stepOn(t, "apply", 70);
    // every rule it fails: the suspended line first, then what is overdue
    expect(during.decision).toBe("declined");
    expect(during.reasons[0]).toBe("OTHER_LINE_SUSPENDED");
    expect(during.reasons).toContain("OVERDUE_OUTSTANDING");
    expect(during.facts).toContainEqual({ code: "OTHER_LINE_SUSPENDED", line: "huabei" });
    expect(t.steps.some((x) => x.decision === "restored" && x.day < 160)).toBe(true);
    expect(stepOn(t, "apply", 160).decision).toBe("approved");
  });

  it("no cash loan while Huabei alone is suspended for credit, and no day promised for one; a Huabei purchase while Jiebei alone is", () => {
    // debt elsewhere on day 20 past Huabei's cap, not Jiebei's: the review on day 14+31 (the 15th of
    // February) suspends Huabei for credit and keeps Jiebei
    const burden = testPolicy({ maxDebtToIncome: 1 });
    const events = [
      on.open(0, 5_000),
      on.open(0, 10_000, "jiebei"),
      on.externalDebt(20, 200_000),
      on.borrow(50, 1_000, 3),
    ];
    const t = run(events, { until: 60, policy: burden });
    const suspended = t.steps.find((x) => x.decision === "suspended")!;
    expect(suspended).toMatchObject({ line: "huabei", cause: "credit" });
    expect(suspended.day).toBeLessThan(50);
    expect(t.steps.at(-1)!.jiebei.status).toBe("active");
    const borrow = stepOn(t, "borrow", 50);
    expect(borrow).toMatchObject({ decision: "declined", reasons: ["OTHER_LINE_SUSPENDED"] });
    expect(borrow.facts).toContainEqual({ code: "OTHER_LINE_SUSPENDED", line: "huabei" });
    // nor does customer service promise a day for cash: a bill due on day 40 repaid late on day 46 would
    // have it lent again from day 106, but Huabei, suspended on day 74, has to be restored first
    const late = (change: boolean) =>
      run(
        [
          on.open(0, 5_000),
          on.open(0, 10_000, "jiebei"),
          on.purchase(1, 1_000),
          on.repay(46, "full"),
          change
            ? on.policy(50, { set: { minScore: 949, restoreScore: 949 } })
            : on.externalDebt(50, 200_000),
          on.support(75),
        ],
        { policy: testPolicy({ jiebeiDrawCleanDays: 60, maxDebtToIncome: 1 }), until: 80 },
      );
    const credit = stepOn(late(false), "contact_support", 75);
    expect(credit.status).toBe("suspended");
    expect(credit.jiebei.status).toBe("active");
    expect(credit.remedies.map((r) => r.kind)).not.toContain("wait_to_draw");
    // Huabei suspended by a policy change alone (its minimum score raised on day 20, Jiebei's kept): the
    // customer's record is clean and Jiebei, kept by the same policy's review, lends by its own rules — the
    // cash is lent, and customer service names the day the wait after the late bill ends
    const changed = run(
      [
        on.open(0, 5_000),
        on.open(0, 10_000, "jiebei"),
        on.policy(20, { set: { minScore: 949, restoreScore: 949 } }),
        on.borrow(50, 1_000, 3),
      ],
      { until: 60 },
    );
    expect(changed.steps.find((x) => x.decision === "suspended")).toMatchObject({
      line: "huabei",
      cause: "policy",
    });
    expect(stepOn(changed, "borrow", 50).decision).toBe("approved");
    const policy = stepOn(late(true), "contact_support", 75);
    expect(policy).toMatchObject({ status: "suspended", cause: "policy" });
    expect(policy.remedies).toContainEqual(
      expect.objectContaining({ line: "jiebei", kind: "wait_to_draw", day: 106 }),
    );
    // the other way round: Jiebei suspended alone (its own minimum score raised), Huabei still buys
    const other = run(
      [
        on.open(0, 5_000),
        on.open(0, 10_000, "jiebei"),
        on.policy(20, { set: { jiebeiMinScore: 949, jiebeiRestoreScore: 949 } }),
        on.purchase(50, 100),
      ],
      { until: 60 },
    );
    expect(other.steps.find((x) => x.decision === "suspended")).toMatchObject({ line: "jiebei" });
    expect(stepOn(other, "purchase", 50).decision).toBe("approved");
  });

  it("an early review of a closed line while the other is written off cites the write-off; attempts there earn nothing", () => {
    // Huabei closed by the customer on day 10; Jiebei drawn and never repaid (charged off)
    const policy = testPolicy({ chargeOffDays: 120, suspendOverdueDays: 400 });
    const t = run(
      [
        on.open(0, 5_000),
        on.open(0, 20_000, "jiebei"),
        on.close(10),
        on.borrow(11, 3_000, 3),
        on.requestReview(260),
        on.repay(261, "full", "jiebei"),
        on.purchase(262, 10),
      ],
      { policy, until: 300 },
    );
    expect(stepsOf(t, "charge_off")[0]?.line).toBe("jiebei");
    expect(stepOn(t, "request_review", 260)).toMatchObject({
      decision: "info",
      reasons: ["DEBT_WRITTEN_OFF"],
    });
    const tried = stepOn(t, "purchase", 262);
    expect(tried).toMatchObject({ decision: "declined", reasons: ["DEBT_WRITTEN_OFF"] });
    expect(tried.inputs.purchases90d).toBe(stepOn(t, "repay", 261).inputs.purchases90d);
  });

  it("a written-off line refuses purchases, increases, closing and early reviews for the write-off, not as a closed line", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 3_000),
        on.purchase(225, 10),
        on.increase(226, 2_000),
        on.close(227),
        on.requestReview(228),
        on.support(229),
      ],
      { until: 240, policy: testPolicy({ chargeOffDays: 180 }) },
    );
    const off = stepsOf(t, "charge_off")[0]!;
    expect(off.day).toBe(220);
    const barred = [{ code: "DEBT_WRITTEN_OFF", value: off.writtenOff }];
    for (const [type, day] of [
      ["purchase", 225],
      ["apply", 226],
      ["close", 227],
    ] as const)
      expect(stepOn(t, type, day)).toMatchObject({
        decision: "declined",
        reasons: ["DEBT_WRITTEN_OFF"],
        facts: barred,
      });
    expect(stepOn(t, "request_review", 228)).toMatchObject({
      decision: "info",
      reasons: ["DEBT_WRITTEN_OFF"],
    });
    // nothing here tells the customer to apply again (ACCOUNT_CLOSED's advice): the application would be declined
    for (const s of t.steps.filter((x) => x.day > 220)) expect(s.reasons).not.toContain("ACCOUNT_CLOSED");
    expect(stepOn(t, "contact_support", 229).remedies.map((r) => r.kind)).not.toContain("reapply");
  });

  it("90 days past due cannot sit in the top two bands, whatever else the file holds", () => {
    // (¥1,000: its unpaid minimum is beyond the tolerance service's ¥10)
    const t = run([on.open(0, 5_000), on.purchase(1, 1_000)], {
      profile: { monthlyIncome: 50_000, creditHistoryMonths: 240 },
      policy: testPolicy({ suspendOverdueDays: 400 }),
      until: 200,
    });
    const at90 = t.steps.filter((s) => s.overdueDays > 90);
    expect(at90.length).toBeGreaterThan(0);
    for (const s of at90) expect(s.score).toBeLessThan(650);
  });

  it("one boundary for 'over 90': a repayment on the 90th day past due is not a serious delinquency, on the 91st it is", () => {
    const policy = testPolicy({ suspendOverdueDays: 400 });
    const unpaid = run([on.open(0, 5_000), on.purchase(1, 1_000)], { policy, until: 200 });
    const late = unpaid.steps.find((s) => s.overdueDays > 90)!;
    const day90 = late.day - (late.overdueDays - 90);
    const repaidOn = (day: number) =>
      run([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(day, "full")], { policy, until: day + 40 });
    const on90 = repaidOn(day90);
    const on91 = repaidOn(day90 + 1);
    // the worst-days bins put 90 in "61–90"; the serious-delinquency count agrees
    expect(stepOn(on90, "repay", day90).inputs.worstDaysPastDue24m).toBe(90);
    expect(stepOn(on90, "repay", day90).inputs.seriousDelinquency60m).toBe(0);
    expect(stepOn(on90, "repay", day90).score).toBeGreaterThanOrEqual(650);
    expect(stepOn(on91, "repay", day90 + 1).inputs.worstDaysPastDue24m).toBe(91);
    expect(stepOn(on91, "repay", day90 + 1).inputs.seriousDelinquency60m).toBe(1);
    // and the population's `ever90` bad flag reads it the same way
    const endOf = (day: number) => {
      let end: EngineState | null = null;
      runEngine(
        scenario([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(day, "full")], {
          policy,
          until: day + 40,
        }),
        {
          end: (st) => {
            end = st;
          },
        },
      );
      return end!;
    };
    expect(delinquency(endOf(day90), "huabei", 90).reached).toBeNull();
    expect(delinquency(endOf(day90 + 1), "huabei", 90).reached).toBe(day90 + 1);
  });

  it("the day a line went 90+ is counted from the amount unpaid then, not from the episode's first due day", () => {
    // two bills missed (¥1,000 due first, ¥3,000 a month later); ¥1,200 on day 80 clears the first, and the
    // days past due count from the second's due day from then on: 90+ is reached 91 days after it
    const events = [on.open(0, 5_000), on.purchase(1, 1_000), on.purchase(35, 3_000), on.repay(80, 1_200)];
    const t = run(events, { until: 200 });
    const dues = stepsOf(t, "due").map((s) => s.day);
    expect(dues.length).toBeGreaterThanOrEqual(2);
    const [first, second] = dues as [number, number];
    let end: EngineState | null = null;
    runEngine(scenario(events, { until: 200 }), {
      end: (st) => {
        end = st;
      },
    });
    const d = delinquency(end!, "huabei", 90);
    expect(d.reached).toBe(second + 91);
    expect(d.reached).toBeGreaterThan(first + 91);
    // the 30+ crossing came under the first bill, before the repayment moved it
    expect(delinquency(end!, "huabei", 30).reached).toBe(first + 31);
  });

  it("a serious delinquency ages out 5 years after it ends (repaid), the worst days past due 2 years after; unpaid, never", () => {
    // China's Regulation on the Administration of the Credit Investigation Industry (2013), art. 16: adverse
    // information is kept 5 years from the day the adverse behaviour ends — a debt still owed has not ended
    // (the January bill, due day 40, charged off on day 220; repaid in full on day 300 or never)
    const policy = testPolicy({ chargeOffDays: 180 });
    const repaidOn = 300;
    const days = [repaidOn + 730, repaidOn + 731, repaidOn + 1825, repaidOn + 1826];
    const notes = days.map((d) => on.note(d));
    const repaid = run([on.open(0, 5_000), on.purchase(1, 1_000), on.repay(repaidOn, "full"), ...notes], {
      policy,
      until: repaidOn + 1830,
    });
    const never = run([on.open(0, 5_000), on.purchase(1, 1_000), ...notes], {
      policy,
      until: repaidOn + 1830,
    });
    expect(stepsOf(repaid, "charge_off").map((s) => s.day)).toEqual([220]);
    const at = (t: Trace, day: number) => stepOn(t, "note", day).inputs;
    // over 90 days past due, and the charge-off: two, for 5 years (1,825 days) from the repayment
    expect(at(repaid, repaidOn + 730).worstDaysPastDue24m).toBeGreaterThan(180);
    expect(at(repaid, repaidOn + 731).worstDaysPastDue24m).toBe(0);
    expect(at(repaid, repaidOn + 1825).seriousDelinquency60m).toBe(2);
    expect(at(repaid, repaidOn + 1826).seriousDelinquency60m).toBe(0);
    // and how long the latest stays on file: all 1,826 days on the day it ends, the last on day 1,825
    expect(at(repaid, repaidOn + 730).seriousDelinquencyDaysLeft).toBe(1826 - 730);
    expect(at(repaid, repaidOn + 1825).seriousDelinquencyDaysLeft).toBe(1);
    expect(at(repaid, repaidOn + 1826).seriousDelinquencyDaysLeft).toBe(0);
    expect(stepOn(repaid, "note", repaidOn + 1826).score).toBeGreaterThan(
      stepOn(repaid, "note", repaidOn + 1825).score,
    );
    // never repaid, it is still a serious delinquency (and still past due) more than 6 years on
    for (const d of days) expect(at(never, d).seriousDelinquency60m).toBe(2);
    // not ended, it has all its days on file still
    for (const d of days) expect(at(never, d).seriousDelinquencyDaysLeft).toBe(1826);
    expect(at(never, repaidOn + 1826).worstDaysPastDue24m).toBeGreaterThan(180);
  });

  it("closing a defaulted line never raises the score", () => {
    const t = run([on.open(0, 5_000), on.purchase(1, 3_000)], {
      policy: testPolicy({ minScore: 700, closeAfterSuspendedDays: 60, suspendOverdueDays: 30 }),
      until: 400,
    });
    for (const s of t.steps) {
      if (s.decision === "closed" || s.decision === "charged_off")
        expect(s.scoreDelta, `day ${s.day}`).toBeLessThanOrEqual(0);
    }
    expect(stepsOf(t, "review").some((s) => s.decision === "closed")).toBe(true);
  });
});

describe("thin files", () => {
  it("no repayment record scores below a clean record, is limited by the thin-file cap, and builds up", () => {
    const thin = { creditHistoryMonths: 0, age: 19, monthlyIncome: 3_000 };
    const policy = testPolicy({ thinFileMaxLimit: 1_000 });
    const t = run([on.open(0, 5_000), ...monthlyUse(8)], { profile: thin, policy, until: 260 });
    const clean = run([on.open(0, 5_000), ...monthlyUse(8)], {
      profile: { ...thin, creditHistoryMonths: 24 },
      policy,
      until: 260,
    });
    const opened = stepOn(t, "apply", 0);
    expect(opened).toMatchObject({
      decision: "approved_lower",
      limit: 100_000,
      reasons: ["LIMIT_CAPPED_THIN_FILE", "NO_REPAYMENT_RECORD", "SHORT_HISTORY"],
    });
    expect(opened.inputs.goodMonths24m).toBeNull();
    expect(opened.score).toBeLessThan(stepOn(clean, "apply", 0).score);
    // not "excellent" on opening
    expect(opened.score).toBeLessThan(700);
    // each due date met builds the record: the score rises with it
    expect(t.final.score).toBeGreaterThan(opened.score + 40);
    expect(t.steps.at(-1)!.inputs.goodMonths24m).toBeGreaterThan(0);
  });

  it("months of history elsewhere count towards the six a record needs, with ours: one month is still thin", () => {
    // one month of history elsewhere once made a full record at once: 772 against 683 with none, ¥8,000
    // against the ¥2,000 thin-file cap, and a Jiebei cash line (by invitation: for a record to judge)
    const profile = { age: 30, monthlyIncome: 9_000 };
    const policy = testPolicy({ thinFileMaxLimit: 2_000 });
    const opening = (months: number) =>
      run([on.open(0, 8_000), on.open(0, 8_000, "jiebei"), ...monthlyUse(4)], {
        profile: { ...profile, creditHistoryMonths: months },
        policy,
        until: 125,
      });
    for (const months of [1, 5]) {
      const t = opening(months);
      const [huabei, jiebei] = stepsOf(t, "apply", 0);
      expect(huabei, `${months} months elsewhere`).toMatchObject({
        decision: "approved_lower",
        limit: 200_000,
      });
      // a counteroffer's reasons: the cap, and what it is about (as a cut by the review would say)
      expect(huabei!.reasons.slice(0, 2)).toEqual(["LIMIT_CAPPED_THIN_FILE", "NO_REPAYMENT_RECORD"]);
      expect(huabei!.inputs.goodMonths24m).toBeNull();
      expect(jiebei!.decision).toBe("declined");
      expect(jiebei!.reasons).toContain("REPAYMENT_RECORD_REQUIRED");
    }
    // six months elsewhere are a record, as six month ends of ours are
    expect(stepsOf(opening(6), "apply", 0)[0]).toMatchObject({ decision: "approved", limit: 800_000 });
    // two months elsewhere and four month ends of record with us (31 January … 30 April) make six
    const two = opening(2);
    expect(stateOn(two, 110).inputs.goodMonths24m).toBeNull();
    expect(stateOn(two, 125).inputs.goodMonths24m).not.toBeNull();
  });
});

/** A purchase early each month and its statement repaid in full on the 5th of the next. */
function monthlyUse(months: number) {
  const out = [];
  for (let m = 0; m < months; m++) {
    const start = Math.round((Date.UTC(2024, m, 1) - Date.UTC(2024, 0, 1)) / 86_400_000);
    const next = Math.round((Date.UTC(2024, m + 1, 5) - Date.UTC(2024, 0, 1)) / 86_400_000);
    out.push(on.purchase(start + 2, 300), on.repay(next, "statement"));
  }
  return out;
}

describe("scores tied to facts", () => {
  it("a due date missed on Jiebei is one due date missed, however many loans fall due on it", () => {
    // ¥1,000 drawn on day 2 as one loan or as two of ¥500: both fall due on day 33 and are missed (day 37);
    // the customer missed one due date either way (forty ¥500 loans once counted as six or more: −170)
    const one = run([on.open(0, 20_000, "jiebei"), on.borrow(2, 1_000, 3)], { until: 50 });
    const two = run([on.open(0, 20_000, "jiebei"), on.borrow(2, 500, 3), on.borrow(2, 500, 3)], {
      until: 50,
    });
    expect(stateOn(one, 50).inputs.missedDues12m).toBe(1);
    expect(stateOn(two, 50).inputs.missedDues12m).toBe(1);
    expect(stateOn(two, 50).score).toBe(stateOn(one, 50).score);
  });

  it("a customer who repays in full every month does not swing with each repayment", () => {
    const t = run([on.open(0, 5_000), ...monthlyUse(8)], { until: 250 });
    const months = t.steps.filter((s) => s.day > 60);
    const scores = months.map((s) => s.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThanOrEqual(15);
    for (const s of stepsOf(t, "repay")) expect(s.scoreDelta, `repayment on day ${s.day}`).toBe(0);
  });

  it("activity counts the days with a purchase of at least ¥10: pennies buy no points, nor does splitting", () => {
    const activity = (purchases: EventInput[]) => {
      const t = run([on.open(0, 5_000), ...purchases], { until: 20 });
      const last = t.steps.at(-1)!;
      return { count: last.inputs.purchases90d, score: last.score };
    };
    const none = activity([]);
    // seven ¥0.01 purchases in a day once scored "6 or more" (+20 points for 7 fen): none of them counts
    const pennies = activity(Array.from({ length: 7 }, () => on.purchase(3, 0.01)));
    expect(pennies).toEqual(none);
    expect(activity([on.purchase(3, 9.99)])).toEqual(none);
    // a shopping day is one day of use however many purchases it holds
    const oneDay = activity(Array.from({ length: 7 }, () => on.purchase(3, 20)));
    expect(oneDay.count).toBe(1);
    expect(activity([on.purchase(3, 10)]).count).toBe(1);
    // seven days of ¥20 purchases are seven days: the top bin
    const sevenDays = activity(Array.from({ length: 7 }, (_, i) => on.purchase(3 + i, 20)));
    expect(sevenDays.count).toBe(7);
    expect(sevenDays.score).toBeGreaterThan(oneDay.score);
    expect(oneDay.score).toBeGreaterThan(none.score);
  });

  it("a suspension does not cost activity points, and trying to spend on the suspended line adds none", () => {
    // suspended for security on day 20 with one purchase on record: the count is held at 1 while it lasts
    // — past day 91, when that purchase leaves the 90 days, too — and declined attempts add nothing (five
    // declined ¥10 attempts once raised a suspended customer's score enough to restore the line)
    const events = [
      on.open(0, 5_000),
      on.purchase(1, 10),
      on.change(20),
      on.repay(35, "full"),
      on.purchase(60, 10),
      on.purchase(61, 10),
      on.support(150),
      on.verify(200),
      on.support(269),
      on.support(270),
    ];
    const t = run(events, { policy: testPolicy({ securityMaxChanges: 0 }), until: 300 });
    expect(stepOn(t, "purchase", 61)).toMatchObject({ decision: "declined", scoreDelta: 0 });
    expect(stepOn(t, "purchase", 61).inputs.purchases90d).toBe(1);
    expect(stepOn(t, "contact_support", 150).inputs.purchases90d).toBe(1);
    // once the line is back, the window reaches back past the suspension's days: day 1's purchase counts
    // on the day of the restoration, as it did the day before the suspension, and leaves once 90 usable days
    // have passed: days 1–20, then 200–269
    expect(stepOn(t, "verify_identity", 200)).toMatchObject({ decision: "restored" });
    expect(stepOn(t, "verify_identity", 200).inputs.purchases90d).toBe(1);
    expect(stepOn(t, "contact_support", 269).inputs.purchases90d).toBe(1);
    expect(stepOn(t, "contact_support", 270).inputs.purchases90d).toBe(0);
  });

  it("the lender's closure costs no activity either: its days are skipped until the line is reopened", () => {
    // suspended for security on day 20 with one purchase on record, closed for it at the review after 60
    // days suspended: the count stays held at 1 through the closure (it fell to 0 there, −10 points for a
    // line owing nothing that the lender closed); verified and reopened on day 200, the window reaches back
    // past the days the lender took away, suspended and closed alike: days 1–20, then 200–269
    const events = [
      on.open(0, 5_000),
      on.purchase(1, 10),
      on.change(20),
      on.repay(35, "full"),
      on.support(150),
      on.verify(199),
      on.open(200, 5_000),
      on.support(269),
      on.support(270),
    ];
    const t = run(events, {
      policy: testPolicy({ securityMaxChanges: 0, closeAfterSuspendedDays: 60 }),
      until: 300,
    });
    const closed = stepsOf(t, "review").find((s) => s.decision === "closed")!;
    expect(closed).toMatchObject({ cause: "security" });
    expect(closed.inputs.purchases90d).toBe(1);
    expect(closed.scoreDelta).toBe(0);
    expect(stepOn(t, "contact_support", 150).inputs.purchases90d).toBe(1);
    expect(stepOn(t, "apply", 200)).toMatchObject({ decision: "approved" });
    expect(stepOn(t, "contact_support", 269).inputs.purchases90d).toBe(1);
    expect(stepOn(t, "contact_support", 270).inputs.purchases90d).toBe(0);
  });

  it("the activity window's exception to monotonicity: a month suspended keeps a purchase 30 days longer", () => {
    // the same start — opened, ¥0.10 spent on day 1, the bill repaid in full — and one customer also takes
    // ¥70,000 of debt elsewhere on day 10 (over maxDebtToIncome 0.5 of ¥120,000 a year): suspended at the
    // review of day 14, repaid on day 30, restored at the review of day 45. The days the lender kept Huabei
    // from purchases are skipped (no suspension costs activity), so day 1's purchase counts until day 120
    // there and until day 90 for the customer who never had the debt: from day 91 to day 120 the worse
    // customer scores higher by the bin's 10 points ("1–5" against "none"), and by nothing else
    const start = [on.open(0, 5_000), on.purchase(1, 10), on.repay(40, "full")];
    const options = { policy: testPolicy({ maxDebtToIncome: 0.5 }), until: 130, observe: [90, 91, 120, 121] };
    const never = run(start, options);
    const suspended = run([...start, on.externalDebt(10, 70_000), on.externalRepayment(30, 70_000)], options);
    expect(stepOn(suspended, "review", 14)).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(stepOn(suspended, "review", 45)).toMatchObject({ decision: "restored" });
    expect(never.steps.every((s) => s.status === "active")).toBe(true);
    const points = (t: typeof never, day: number) =>
      Object.fromEntries(explain(t.snapshots.get(day)!.inputs!).map((f) => [f.characteristic.id, f.points]));
    for (const day of [90, 91, 120, 121]) {
      const [a, b] = [points(never, day), points(suspended, day)];
      const gap = day > 90 && day <= 120 ? 10 : 0;
      expect(b.purchases90d! - a.purchases90d!, `day ${day}`).toBe(gap);
      expect({ ...b, purchases90d: 0 }, `day ${day}`).toEqual({ ...a, purchases90d: 0 });
      expect(suspended.snapshots.get(day)!.score - never.snapshots.get(day)!.score, `day ${day}`).toBe(gap);
    }
    expect(points(suspended, 120).purchases90d).toBe(20);
    expect(points(never, 120).purchases90d).toBe(10);
  });

  it("a closure by the customer ends the days the lender took away: from it, the days count", () => {
    // suspended for security on day 20, closed by the customer on day 50: days 1–20 and 50–119 are the 90
    const events = [
      on.open(0, 5_000),
      on.purchase(1, 10),
      on.change(20),
      on.repay(35, "full"),
      on.close(50),
      on.support(119),
      on.support(120),
    ];
    const t = run(events, { policy: testPolicy({ securityMaxChanges: 0 }), until: 150 });
    expect(stepOn(t, "close", 50)).toMatchObject({ decision: "closed", cause: "customer" });
    expect(stepOn(t, "contact_support", 119).inputs.purchases90d).toBe(1);
    expect(stepOn(t, "contact_support", 120).inputs.purchases90d).toBe(0);
  });

  it("what time moved before a step is told apart: a step is never credited with it", () => {
    // unpaid from day 44: by day 132 time alone has taken it past 90 days; a repayment of ¥0.01 elsewhere
    // that day moves nothing
    const t = run([on.open(0, 8_000), on.purchase(5, 1_000), on.externalRepayment(132, 0.01)], {
      policy: testPolicy({ suspendOverdueDays: 400 }),
      until: 140,
    });
    const s = stepOn(t, "external_repayment", 132);
    expect(s.byTime).toBeDefined();
    expect(s.byTime!.since).toBeLessThan(132);
    expect(s.byTime!.delta).toBe(s.scoreDelta);
    expect(s.byTime!.moves.map((m) => m.characteristic)).toContain("seriousDelinquency60m");
    // the whole change is time's; the day's first step carries it, later ones that day do not
    for (const step of t.steps) {
      if (!step.byTime) continue;
      expect(t.steps.find((x) => x.day === step.day)).toBe(step);
      expect(step.byTime.since).toBe(t.steps[t.steps.indexOf(step) - 1]!.day);
    }
  });
});

describe("limits", () => {
  it("the review applies the income cap and names it", () => {
    const t = run([on.open(0, 10_000), on.income(20, 3_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 2, minLimit: 500 }),
      profile: { monthlyIncome: 18_000 },
    });
    const cut = stepOn(t, "review", 45);
    expect(cut).toMatchObject({ decision: "limit_reduced", limit: 600_000 });
    expect(cut.reasons[0]).toBe("INCOME_BELOW_LIMIT");
    expect(cut.facts[0]).toMatchObject({ parameter: "maxLimitIncomeMultiple", threshold: 600_000 });
  });

  it("a cut never leaves an active line below the minimum limit: it suspends with the reason instead", () => {
    const t = run(
      [on.open(0, 1_000), on.policy(20, { set: { limitBands: [{ minScore: 940, maxLimit: 5_000 }] } })],
      {
        policy: testPolicy({ minLimit: 500 }),
      },
    );
    const s = stepOn(t, "review", 45);
    expect(s).toMatchObject({ decision: "suspended", status: "suspended" });
    // the bands before the change had a line for this score: the change's
    expect(s.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_LIMIT_BANDS"]);
    expect(s.facts[0]).toMatchObject({ parameter: "limitBands", threshold: 940 });
    for (const step of t.steps)
      if (step.status === "active") expect(step.limit).toBeGreaterThanOrEqual(50_000);
  });
});

describe("limits: a cap below the smallest line holds the line to it", () => {
  it("an income too low for any line cuts the suspended line to the smallest, as one just enough for it does", () => {
    // ¥1,500 reported at the month end; the income falls on day 20 and is back to ¥3,000 on day 80. At ¥250
    // the cap (¥500) cuts the line on day 45 and the cut stays; at ¥0 no line is left, the line was
    // suspended at ¥2,000, kept it, and came back at ¥2,000 — more credit for the lower income
    const policy = testPolicy({ maxLimitIncomeMultiple: 2, minLimit: 500, maxDebtToIncome: 2 });
    const at = (income: number) =>
      run(
        [
          on.open(0, 2_000),
          on.purchase(5, 1_500),
          on.income(20, income),
          on.repay(35, "full"),
          on.income(80, 3_000),
        ],
        { policy, until: 200, profile: { monthlyIncome: 3_000 } },
      );
    const none = at(0);
    const some = at(250);
    expect(stepOn(some, "review", 45)).toMatchObject({ decision: "limit_reduced", limit: 50_000 });
    expect(stepOn(none, "review", 45)).toMatchObject({ decision: "suspended", limit: 50_000 });
    expect(none.final.limit).toBeLessThanOrEqual(some.final.limit);
  });

  it("a score in a band below the smallest line is held to the smallest line, as one in a higher band is cut", () => {
    // bands of ¥300 (below the ¥500 smallest line) and ¥3,000, the customer's score just above or just below
    // the second: in it, the line is cut to ¥3,000; below it, suspended (LIMIT_BELOW_MINIMUM) — and kept
    // ¥5,000 for a restoration, more credit for the lower score, until the cap was held to the smallest line
    const base = baselineScore();
    const bands = (upper: number) => ({
      minLimit: 500,
      reduceLimitScore: 950,
      limitBands: [
        { minScore: 350, maxLimit: 300 },
        { minScore: upper, maxLimit: 3_000 },
      ],
    });
    const inBand = run([on.open(0, 5_000), on.policy(5, { set: bands(base - 50) })], { until: 100 });
    const below = run([on.open(0, 5_000), on.policy(5, { set: bands(base + 50) })], { until: 100 });
    expect(stepOn(inBand, "review", 14)).toMatchObject({ decision: "limit_reduced", limit: 300_000 });
    const r = stepOn(below, "review", 14);
    expect(r).toMatchObject({ decision: "suspended", limit: 50_000 });
    expect(r.facts.map((f) => f.code)).toEqual(["LIMIT_BELOW_MINIMUM", "SCORE_BELOW_LIMIT_BAND"]);
    expect(below.final.limit).toBeLessThanOrEqual(inBand.final.limit);
  });

  it("Jiebei's income cap below its smallest line holds Jiebei to it, as Huabei's", () => {
    const policy = testPolicy({ jiebeiMaxLimitIncomeMultiple: 2, jiebeiMinLimit: 1_000 });
    const at = (income: number) =>
      run([on.open(0, 2_000), on.open(0, 5_000, "jiebei"), on.income(20, income), on.income(80, 3_000)], {
        policy,
        until: 200,
        profile: { monthlyIncome: 3_000 },
      });
    const none = at(0);
    const some = at(600);
    // the review of day 45: ¥1,200 on ¥600 a month; on none, the ¥1,000 smallest line (suspended)
    const cutOn45 = (t: Trace) => t.steps.find((s) => s.day === 45 && s.line === "jiebei")!.jiebei.limit;
    expect(cutOn45(some)).toBe(120_000);
    expect(cutOn45(none)).toBe(100_000);
    // the income back on day 80, either is given its ¥5,000 back by a later review (review/give-back.ts)
    expect(some.final.jiebei.limit).toBe(500_000);
    expect(none.final.jiebei.limit).toBe(500_000);
  });
});

describe("the repayment grid", () => {
  it("codes each month end: * nothing due, N paid as due, 1 a month with a late repayment", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 1_000),
        on.repay(50, "full"),
        on.purchase(62, 500),
        on.repay(95, "full"),
      ],
      {
        until: 130,
      },
    );
    // Jan: nothing due; Feb: due on the 10th, repaid on day 50 (10 days late); Mar: nothing billed (Feb had no
    // purchases); Apr: due on the 10th and repaid on the 5th
    expect(t.grid.huabei?.map((g) => `${g.month}:${g.code}`)).toEqual([
      "2024-01:*",
      "2024-02:1",
      "2024-03:*",
      "2024-04:N",
    ]);
    expect(t.grid.jiebei).toBeUndefined();
  });

  // a loan drawn on day 6 over 3 months falls due on days 36, 66 and 97 (7 Feb, 7 Mar, 7 Apr)
  const paidOff = (day: number) =>
    run(
      [
        on.open(0, 5_000),
        on.open(1, 10_000, "jiebei"),
        on.borrow(6, 3_000, 3),
        on.repay(36, "statement", "jiebei"),
        on.repay(66, "statement", "jiebei"),
        on.repay(day, "full", "jiebei"),
      ],
      { until: 160 },
    ).grid.jiebei?.map((g) => `${g.month}:${g.code}`);

  it("a loan paid off before its instalment falls due: that month's instalment was repaid, N, not * (nothing due)", () => {
    // settled the day before the last instalment, or earlier in its cycle: April's instalment repaid early
    for (const day of [96, 80])
      expect(paidOff(day), `paid off on day ${day}`).toEqual([
        "2024-01:*",
        "2024-02:N",
        "2024-03:N",
        "2024-04:N",
        "2024-05:*",
      ]);
    // a loan repaid before its first instalment: the month it would have fallen due in, repaid ahead
    const early = run(
      [
        on.open(0, 5_000),
        on.open(1, 10_000, "jiebei"),
        on.borrow(6, 3_000, 3),
        on.repay(20, "full", "jiebei"),
      ],
      { until: 100 },
    );
    expect(early.grid.jiebei?.map((g) => g.code).join("")).toBe("*N*");
    // nothing more is recorded: no month after the settled loan's reports anything due
    expect(early.steps.filter((s) => s.event.type === "due" && s.line === "jiebei")).toEqual([]);
  });
});

describe("the tolerance service", () => {
  // ¥2,000 billed on day 31, due day 40; ¥1,999 repaid: ¥1 left, never paid
  const events = [on.open(0, 10_000), on.purchase(5, 2_000), on.repay(40, 1_999)];

  it("a remainder within the tolerance counts as repaid in full: no overdue, no revolving record, no write-off", () => {
    const t = run(events, { until: 260, policy: testPolicy({ toleranceAmount: 10 }) });
    expect(stepsOf(t, "overdue")).toEqual([]);
    expect(t.steps.some((s) => s.decision === "suspended" || s.decision === "charged_off")).toBe(false);
    expect(t.final.status).toBe("active");
    // still owed, and it still bears its interest: the tolerance forgives the delinquency, not the debt
    expect(t.final.balance).toBeGreaterThan(100);
    const last = t.steps.at(-1)!;
    expect(last.day).toBeGreaterThan(200);
    expect(last.inputs.revolvingDues6m).toBe(0);
    expect(last.inputs.missedDues12m).toBe(0);
    expect(t.grid.huabei?.every((g) => g.code === "N" || g.code === "*")).toBe(true);
  });

  it("without it (toleranceAmount 0) the same yuan is overdue, suspends the line and is written off", () => {
    const t = run(events, { until: 260, policy: testPolicy({ toleranceAmount: 0 }) });
    expect(stepsOf(t, "overdue").length).toBeGreaterThan(0);
    expect(t.final.status).toBe("charged_off");
  });

  it("is applied once a statement, to the minimum shown: bills of one statement do not get ¥10 each", () => {
    // ¥60 billed on day 31 (minimum ¥6, tolerated), then ¥60 more: the next statement's minimum is both
    // bills' (¥12.57), never paid — overdue, as one ¥120 bill would be
    const two = run([on.open(0, 3_000), on.purchase(5, 60), on.purchase(35, 60)], {
      until: 110,
      policy: testPolicy({ toleranceAmount: 10 }),
    });
    const one = run([on.open(0, 3_000), on.purchase(35, 120)], {
      until: 110,
      policy: testPolicy({ toleranceAmount: 10 }),
    });
    expect(stepsOf(two, "overdue").length).toBeGreaterThan(0);
    expect(stepsOf(one, "overdue").length).toBeGreaterThan(0);
    expect(two.final.status).toBe(one.final.status);
  });

  it("a bill repaid in full a day late, its penalty paid first, leaves only the penalty's worth: not overdue", () => {
    // ¥2,000 due on day 40, grace to day 43: ¥2,000 on day 44 pays ¥4.00 of penalty first, ¥4.00 left
    const late = [on.open(0, 10_000), on.purchase(5, 2_000), on.repay(44, 2_000)];
    const t = run(late, { until: 300, policy: testPolicy({ toleranceAmount: 10 }) });
    const after = t.steps.filter((s) => s.day > 44);
    expect(after.length).toBeGreaterThan(5);
    expect(after.every((s) => s.overdue === 0)).toBe(true);
    expect(t.steps.some((s) => s.decision === "suspended" || s.decision === "charged_off")).toBe(false);
    // the late repayment stays on the record, and the remainder is still owed
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(1);
    expect(t.final.balance).toBeGreaterThan(0);
    // without the tolerance the same remainder is written off in the end
    const strict = run(late, { until: 300, policy: testPolicy({ toleranceAmount: 0 }) });
    expect(strict.final.status).toBe("charged_off");
  });

  it("after a charge-off a repayment that leaves it does not end the overdue: a recovery, as on Jiebei", () => {
    // ¥2,000 due on day 40, never paid: charged off on day 220; a repayment on day 250 leaves ¥5.00. It
    // once ended the overdue on a written-off line — days past due back to none (+48 points) and a
    // charged-off line billed a ¥5.00 minimum each month — where Jiebei's ¥5.00 after a charge-off stays
    const policy = testPolicy({ toleranceAmount: 10 });
    const never = [on.open(0, 10_000), on.purchase(5, 2_000)];
    const written = run(never, { until: 249, policy });
    expect(stepsOf(written, "charge_off").map((s) => s.day)).toEqual([220]);
    const owed = written.final.balance;
    const t = run([...never, on.repay(250, (owed - 500) / 100)], { until: 340, policy });
    const repaid = stepOn(t, "repay", 250);
    expect([repaid.overdue, t.final.balance, t.final.status]).toEqual([500, 500, "charged_off"]);
    const after = t.steps.filter((s) => s.day > 250);
    expect(after.length).toBeGreaterThan(2);
    expect(after.every((s) => s.overdue === 500 && (s.inputs.daysPastDueNow ?? 0) > 180)).toBe(true);
    // a recovery: nothing waived, no new minimum billed on the written-off line
    expect(t.final.waived).toBe(0);
    expect(stepsOf(t, "statement").filter((s) => s.day > 250 && s.event.overdue === 0)).toEqual([]);
  });

  it("after a charge-off a bill's shortfall within it is missed: no minimum billed on a written-off line", () => {
    // ¥6,000 over 12 instalments, nothing repaid: charged off on day 220, its closing statement due on day
    // 222; a repayment on day 221 pays the arrears and all but ¥5.00 of it. That ¥5.00 once counted as met
    // when the grace ended, and the written-off line was billed a ¥5.00 minimum each month, never overdue
    const policy = testPolicy({ toleranceAmount: 10 });
    const plan = [on.open(0, 8_000), on.purchase(5, 6_000, null, 12)];
    const written = run(plan, { until: 220, policy });
    expect(stepsOf(written, "charge_off").map((s) => s.day)).toEqual([220]);
    const owed = written.final.balance;
    const t = run([...plan, on.repay(221, (owed - 500) / 100)], { until: 340, policy });
    expect(stepOn(t, "repay", 221).overdue).toBe(0);
    const missed = stepsOf(t, "overdue").filter((s) => s.day > 221);
    expect(missed.map((s) => [s.day, s.overdue])[0]).toEqual([226, 500]);
    expect(t.final.overdue).toBe(500);
    expect(stepsOf(t, "statement").filter((s) => s.day > 221 && s.event.overdue === 0)).toEqual([]);
    // customer service, asked in its grace days, asks for the ¥5.00 by the last of them, as what falls into
    // arrears unpaid (it once read the tolerance as the engine once did, and asked for nothing due)
    const asked = stepOn(
      run([...plan, on.repay(221, (owed - 500) / 100), on.support(223)], { until: 230, policy }),
      "contact_support",
      223,
    );
    expect(asked.remedies).toContainEqual(
      expect.objectContaining({
        kind: "pay_due",
        line: "huabei",
        amount: 500,
        by: { day: 225, date: "2024-08-13", today: false },
      }),
    );
  });

  it("at its edge, to the fen, under the default policy: ¥10.00 unpaid is within it, ¥10.01 is not — and the unpaid part bears 0.05 % a day from the day after the due day, as interest or as the penalty", () => {
    // docs/model/huabei.md: the minimum is 10 % of the bill, the rest revolves at 0.05 % a day from the day after the
    // due date, and the overdue penalty is 0.05 % a day on the overdue amount; the tolerance service
    // (toleranceAmount ¥10) judges what is left unpaid. A bill stated on day 31, due day 40, grace to 43.
    const policy = DEFAULT_POLICY;
    const small = (yuan: number) => run([on.open(0, 6_000), on.purchase(4, yuan)], { until: 61, policy });
    for (const [yuan, revolved] of [
      [10, 0],
      [10.01, 1],
    ] as const) {
      const t = small(yuan);
      // nothing repaid: the minimum's shortfall (¥1.00, ¥1.01) is within the tolerance — not overdue
      expect(stepsOf(t, "overdue")).toEqual([]);
      // the remainder: ¥10.00 counts as repaid in full (no revolving record), ¥10.01 revolves
      expect(stepOn(t, "statement", 60).inputs.revolvingDues6m).toBe(revolved);
      // either still owed, at interest from day 41: 19 days to the statement of day 60 (¥0.095, ¥0.0951)
      expect(stepOn(t, "statement", 60).event).toMatchObject({ carried: yuan * 100, carriedCharges: 9 });
    }
    // a partial repayment on the due day of a ¥150.00 bill (minimum ¥15.00): ¥5.00 leaves ¥10.00 of the
    // minimum unpaid, within the tolerance — it revolves; ¥4.99 leaves ¥10.01, beyond it — overdue from day
    // 44, the penalty on the ¥145.01 unpaid charged back to day 41 (3 days at 0.05 %: ¥0.2175)
    const partial = (yuan: number) =>
      run([on.open(0, 6_000), on.purchase(4, 150), on.repay(40, yuan)], { until: 59, policy });
    // a bill whose minimum grows beyond it: ¥99.00 never repaid (minimum ¥9.90, within it) is overdue at
    // the next due date (day 69, minimum ¥10.84: 10 % of ¥99.00 and the ¥0.94 of interest stated)
    const grows = run([on.open(0, 6_000), on.purchase(4, 99)], { until: 75, policy });
    expect(stepOn(grows, "due", 69).event).toMatchObject({ minimumUnpaid: 1_084 });
    expect(stepsOf(grows, "overdue").map((s) => s.day)).toEqual([73]);
    expect(stepsOf(partial(5), "overdue")).toEqual([]);
    expect(stepsOf(partial(4.99), "overdue").map((s) => [s.day, s.event.overdue])[0]).toEqual([44, 14_522]);
  });

  it("a shortfall beyond it is overdue as before", () => {
    // the minimum of ¥2,000 is ¥200: ¥150 paid leaves ¥50 of it unpaid
    const t = run([on.open(0, 10_000), on.purchase(5, 2_000), on.repay(40, 150)], {
      until: 80,
      policy: testPolicy({ toleranceAmount: 10 }),
    });
    expect(stepsOf(t, "overdue").length).toBeGreaterThan(0);
  });
});

describe("a grace changed between a statement and its due day", () => {
  // Huabei's ¥1,000 stated on day 31, due day 40; Jiebei's first instalment due on day 41 (drawn on day
  // 10); the grace (3 days) changed on day 35: Huabei's bill keeps the grace its statement stated, Jiebei's
  // instalment gets the one in force on its due day, the day it is billed
  const events = [
    on.open(0, 4_000),
    on.open(0, 5_000, "jiebei"),
    on.purchase(5, 1_000),
    on.borrow(10, 3_000, 3),
  ];
  const overdueDays = (graceDays: number) => {
    const t = run([...events, on.policy(35, { set: { graceDays } })], { until: 70 });
    const first = (line: string) => stepsOf(t, "overdue").find((s) => s.event.line === line)?.day;
    return [first("huabei"), first("jiebei")];
  };

  it("cut to none: Huabei's bill is overdue after the 3 days stated, Jiebei's instalment the day after its due day", () => {
    expect(overdueDays(0)).toEqual([44, 42]);
  });

  it("raised to 10: Huabei's bill keeps the 3 days stated, Jiebei's instalment gets the 10", () => {
    expect(overdueDays(10)).toEqual([44, 52]);
  });
});

describe("a Huabei rate changed between statements", () => {
  // ¥1,000 stated on day 31, due day 40, met at its ¥100 minimum on day 38: ¥900 revolves from day 41 at
  // 0.05 % a day (¥0.45). The rate raised (or cut) on day 45 applies from the next statement (day 60), as a
  // grace changed after a statement does: the bill keeps the rates its statement stated (a change of terms
  // needs notice ahead), and the statement of day 60 states the new ones. Its ¥98.55 minimum met on day 66
  // (the charges first), the statement of day 91 carries the interest since
  const events = [on.open(0, 4_000), on.purchase(5, 1_000), on.repay(38, "minimum"), on.repay(66, "minimum")];
  const charges = (revolvingRatePerDay: number) => {
    const t = run([...events, on.policy(45, { set: { revolvingRatePerDay } })], { until: 95 });
    return stepsOf(t, "statement").map((s) => [s.day, s.event.carriedCharges]);
  };

  it("raised: the bill bears the rate its statement stated until the next one, the new rate from it", () => {
    // day 60: 19 days × ¥0.45 = ¥8.55 (the raise once took it to 4 × ¥0.45 + 15 × ¥0.90 = ¥15.30 at once);
    // day 66: 6 days × ¥0.90 = ¥5.40, ¥98.55 pays ¥13.95 of charges and ¥84.60: ¥815.40 left;
    // day 91: 25 days × ¥0.8154 = ¥20.385 → ¥20.38
    expect(charges(0.001)).toEqual([
      [31, 0],
      [60, 855],
      [91, 2038],
    ]);
  });

  it("cut: the same, the other way", () => {
    // day 60: ¥8.55; day 66: 6 × ¥0.225 = ¥1.35, ¥98.55 pays ¥9.90 of charges and ¥88.65: ¥811.35 left;
    // day 91: 25 × ¥0.2028375 = ¥5.07
    expect(charges(0.00025)).toEqual([
      [31, 0],
      [60, 855],
      [91, 507],
    ]);
  });

  it("a penalty rate raised in a bill's grace: the bill missed bears the penalty it was stated with until the next statement", () => {
    // nothing repaid: the ¥1,000 bill's grace ends on day 44, its penalty (0.05 %, ¥0.50 a day) charged back
    // to day 41; raised to 0.2 % on day 42, it bears ¥0.50 a day to the statement of day 60, ¥2.00 from it
    // (the raise once charged ¥2.00 a day back to day 41: ¥38.00 on day 60)
    const t = run(
      [on.open(0, 4_000), on.purchase(5, 1_000), on.policy(42, { set: { penaltyRatePerDay: 0.002 } })],
      { until: 95 },
    );
    // day 60: ¥1,000 + 19 days (41–59) × ¥0.50 = ¥1,009.50; day 91: + 31 days × ¥2.00 = ¥1,071.50
    expect(stepsOf(t, "statement").map((s) => [s.day, s.event.overdue])).toEqual([
      [31, 0],
      [60, 100_950],
      [91, 107_150],
    ]);
  });

  it("customer service tells the penalty the bill due bears: the rate its statement stated", () => {
    // stated on day 31 at 0.05 %, raised to 0.2 % on day 35: missed, the bill due on day 40 bears 0.05 % to
    // the next statement (it once told 0.2 %, the policy's, where the bill then bore 0.05 %)
    const t = run(
      [
        on.open(0, 4_000),
        on.purchase(5, 1_000),
        on.policy(35, { set: { penaltyRatePerDay: 0.002 } }),
        on.support(36),
      ],
      { until: 40 },
    );
    const next = stepOn(t, "contact_support", 36).remedies.find((r) => r.kind === "next_due");
    expect(next).toMatchObject({ line: "huabei", day: 40, penalty: 0.0005 });
  });
});

describe("a Jiebei rate changed after a loan is drawn", () => {
  // ¥10,000 over 12 months drawn on day 1 at 0.04 % a day (¥4.00): its first instalment, due on day 32, is
  // ¥833.33 + 31 days of interest. The rates raised on day 10 apply to loans drawn after the change: a
  // loan's rates are agreed when it is drawn, a term of its contract (they once applied to it from day 10:
  // 9 × ¥4.00 + 22 × ¥10.00, ¥1,089.33)
  const t = run(
    [
      on.open(0, 20_000, "jiebei"),
      on.borrow(1, 10_000, 12),
      on.policy(10, { set: { jiebeiRatePerDay: 0.001, jiebeiPenaltyRatePerDay: 0.0015 } }),
      on.borrow(20, 1_000, 3),
    ],
    { until: 70 },
  );
  const dues = stepsOf(t, "due")
    .filter((s) => s.event.line === "jiebei")
    .map((s) => [s.day, s.event.due]);

  it("the loan drawn before bears its own rate; the loan drawn after, the new one", () => {
    // day 32: ¥833.33 + 31 × ¥4.00 = ¥957.33; day 51: the ¥1,000 loan's ¥333.33 + 31 × ¥1.00 = ¥364.33
    expect(dues.slice(0, 2)).toEqual([
      [32, 95_733],
      [51, 36_433],
    ]);
  });

  it("missed, the loan drawn before bears the penalty it was drawn with", () => {
    // the day-32 instalment missed (its grace ends on day 35): its ¥833.33 bears interest (¥0.3333 a day) on
    // days 32–35 and the penalty's excess over it, charged back over the grace days 33–35, at the 0.06 % it
    // was drawn with (¥0.1667 a day), not the new 0.15 % (¥0.9167: ¥961.41)
    const overdue = stepsOf(t, "overdue").find((s) => s.event.line === "jiebei" && s.day === 36);
    // ¥957.33 + 4 × ¥0.3333 + 3 × ¥0.1667 = ¥959.16
    expect(overdue?.event.overdue).toBe(95_916);
  });

  it("customer service tells the penalty the instalment due bears: its loan's", () => {
    const asked = run(
      [
        on.open(0, 20_000, "jiebei"),
        on.borrow(1, 10_000, 12),
        on.policy(10, { set: { jiebeiPenaltyRatePerDay: 0.0015 } }),
        on.support(12),
      ],
      { until: 12 },
    );
    const next = stepOn(asked, "contact_support", 12).remedies.find((r) => r.kind === "next_due");
    expect(next).toMatchObject({ line: "jiebei", day: 32, penalty: 0.0006 });
  });
});

describe("the tolerance service on a Jiebei instalment", () => {
  // ¥3,000 over 3 months drawn on day 10: instalments due on days 41, 70 and 101 (the 11th), the first
  // ¥1,000 + 31 days of interest at 0.04 % = ¥1,037.20
  const loan = [on.open(0, 20_000, "jiebei"), on.borrow(10, 3_000, 3)];
  const tolerant = testPolicy({ toleranceAmount: 10 });
  const jiebeiOverdues = (t: ReturnType<typeof run>) =>
    stepsOf(t, "overdue").filter((s) => s.event.line === "jiebei");

  it("an instalment repaid but a few fen is not missed: the remainder falls due with those to come", () => {
    const short = [
      ...loan,
      on.repay(41, 1_037.17, "jiebei"),
      on.repay(70, "minimum", "jiebei"),
      on.repay(101, "minimum", "jiebei"),
    ];
    const t = run(short, { until: 140, policy: tolerant });
    expect(jiebeiOverdues(t)).toEqual([]);
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(0);
    expect(t.grid.jiebei?.every((g) => g.code === "N" || g.code === "*")).toBe(true);
    // still owed: the ¥0.03 rejoins the principal not yet due, shared by the two instalments left (¥1,000.01
    // + ¥23.20 of interest on day 70, not ¥1,023.20), and meeting them repays it all
    const due70 = stepsOf(t, "due", 70).find((s) => s.event.line === "jiebei")!;
    expect(due70.event.due).toBe(102_321);
    expect(stepOn(t, "repay", 70).jiebei.balance).toBe(100_002);
    expect(t.final.jiebei.balance).toBe(0);
    // without the tolerance the same three fen are a missed instalment
    const strict = run(short, { until: 140, policy: testPolicy({ toleranceAmount: 0 }) });
    expect(jiebeiOverdues(strict).length).toBeGreaterThan(0);
  });

  it("customer service does not ask for a remainder the grace's end will carry", () => {
    const ask = (policy: ReturnType<typeof testPolicy>) =>
      stepOn(
        run([...loan, on.repay(41, 1_037.17, "jiebei"), on.support(42)], { until: 42, policy }),
        "contact_support",
        42,
      ).remedies.filter((r) => r.kind === "pay_due");
    expect(ask(tolerant)).toEqual([]);
    // without the tolerance the three fen fall into arrears: customer service asks for them
    expect(ask(testPolicy({ toleranceAmount: 0 })).map((r) => r.line)).toEqual(["jiebei"]);
  });

  it("the last instalment repaid but a few fen falls due a month later, not into arrears", () => {
    // the last instalment, ¥1,000 + ¥12.40, repaid ¥0.05 short on its due day (11 April)
    const t = run(
      [
        ...loan,
        on.repay(41, "minimum", "jiebei"),
        on.repay(70, "minimum", "jiebei"),
        on.repay(101, 1_012.35, "jiebei"),
        on.repay(131, "minimum", "jiebei"),
      ],
      { until: 170, policy: tolerant },
    );
    expect(jiebeiOverdues(t)).toEqual([]);
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(0);
    // due on 11 May (day 131), with its interest since: asked and repaid then
    const due = stepsOf(t, "due", 131).filter((s) => s.event.line === "jiebei");
    expect(due.map((s) => s.event.due)).toEqual([5]);
    expect(t.final.jiebei.balance).toBe(0);
  });

  it("an instalment within the tolerance left wholly unpaid is not missed: an unpaid part within it counts as repaid", () => {
    // ¥2,998 repaid on day 20 leaves instalments of a few yuan; the first is paid from what is held, the
    // second (day 70) and the third (day 101) are not paid at all: each carried, then, a month after the
    // last (day 131), unpaid still, waived when that grace ends (day 135) — no missed due date
    const t = run([...loan, on.repay(20, 3_006, "jiebei")], { until: 170, policy: tolerant });
    expect(jiebeiOverdues(t)).toEqual([]);
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(0);
    const waivers = stepsOf(t, "waiver");
    expect(waivers.map((s) => [s.day, s.reasons])).toEqual([[135, ["SMALL_BALANCE_WAIVED"]]]);
    const waived = waivers[0]!.event.waived;
    expect(waived).toBeGreaterThan(0);
    expect(waived).toBeLessThanOrEqual(1_000);
    // off the balance, and nothing lost: drawn − repaid + charges − waived
    const j = t.final.jiebei;
    expect(j.balance).toBe(0);
    expect(j.waived).toBe(waived);
    expect(j.purchases - j.repayments + j.charges - j.waived).toBe(0);
    // a remainder beyond the tolerance is missed, wholly unpaid or not: the same loan, ¥2,970 repaid
    const more = run([...loan, on.repay(20, 2_970, "jiebei")], { until: 80, policy: tolerant });
    expect(jiebeiOverdues(more).map((s) => s.day)).toEqual([74]);
  });

  it("a remainder short again on the loan's spare due day, by a fen, is waived there: not missed, not written off", () => {
    // the last instalment (day 101) ¥0.05 short falls due on day 131 with its interest (¥0.05); ¥0.04 paid
    const t = run(
      [
        ...loan,
        on.repay(41, "minimum", "jiebei"),
        on.repay(70, "minimum", "jiebei"),
        on.repay(101, 1_012.35, "jiebei"),
        on.repay(131, 0.04, "jiebei"),
      ],
      { until: 340, policy: tolerant },
    );
    expect(jiebeiOverdues(t)).toEqual([]);
    expect(stepsOf(t, "charge_off")).toEqual([]);
    expect(t.final.jiebei.status).toBe("active");
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(0);
    expect(stepsOf(t, "waiver").map((s) => [s.day, s.event.waived])).toEqual([[135, 1]]);
    expect(t.final.jiebei.balance).toBe(0);
    expect(t.final.jiebei.waived).toBe(1);
  });

  it("customer service tells when a remainder with no due day after its own is waived, unpaid", () => {
    const events = [
      ...loan,
      on.repay(41, "minimum", "jiebei"),
      on.repay(70, "minimum", "jiebei"),
      on.repay(101, 1_012.35, "jiebei"),
      on.support(125),
      on.repay(131, 0.04, "jiebei"),
      on.support(133),
    ];
    const t = run(events, { until: 170, policy: tolerant });
    const told = (day: number) =>
      stepOn(t, "contact_support", day).remedies.filter((r) => r.kind === "waived_unless_paid");
    // carried to the spare due day (131): ¥0.05 falls due then, waived when its grace ends (day 135) unpaid
    expect(told(125)).toEqual([expect.objectContaining({ line: "jiebei", amount: 5, day: 135 })]);
    // in that grace, ¥0.04 paid: the fen left
    expect(told(133)).toEqual([expect.objectContaining({ line: "jiebei", amount: 1, day: 135 })]);
    // and not reminded of as what falls due, with a penalty and a suspension for missing it: missing it
    // costs nothing
    expect(stepOn(t, "contact_support", 125).remedies.map((r) => r.kind)).not.toContain("next_due");
    expect(stepsOf(t, "waiver").map((s) => s.day)).toEqual([135]);
    // no tolerance, nothing waived: nothing told (the fen is asked, as what is due)
    const strict = run(events, { until: 170, policy: testPolicy({ toleranceAmount: 0 }) });
    expect(stepOn(strict, "contact_support", 133).remedies.map((r) => r.kind)).not.toContain(
      "waived_unless_paid",
    );
  });

  it("the waiver told is what the grace's end waives, to the fen: its grace days' interest counted", () => {
    // the last instalment (day 101) ¥7.00 or ¥9.00 short: carried to the spare due day (131), it bears
    // interest to it and in its grace days (to day 135), when it is waived unpaid — told before the spare
    // day and in its grace, the amount is the one waived, not today's (¥7.08 told, ¥7.09 waived)
    for (const short of [7, 9]) {
      const events = [
        ...loan,
        on.repay(41, "minimum", "jiebei"),
        on.repay(70, "minimum", "jiebei"),
        on.repay(101, 1_012.4 - short, "jiebei"),
        on.support(125),
        on.support(132),
        on.support(134),
      ];
      const t = run(events, { until: 170, policy: tolerant });
      const waived = stepsOf(t, "waiver").map((s) => [s.day, s.event.waived]);
      expect(waived).toHaveLength(1);
      for (const day of [125, 132, 134]) {
        const told = stepOn(t, "contact_support", day).remedies.filter(
          (r) => r.kind === "waived_unless_paid",
        );
        expect(
          told.map((r) => [r.day, r.kind === "waived_unless_paid" && r.amount]),
          `¥${short} short, asked on day ${day}`,
        ).toEqual(waived);
      }
    }
  });

  it("the waiver is never more than the tolerance: the fen the grace's fractions make counts before it", () => {
    // the last instalment (day 101) ¥9.90 short falls due on the spare due day (131) as ¥10.01; ¥0.02 paid
    // leaves ¥9.99, which the grace days take to ¥10.00 and their fractions of a fen to ¥10.01 — a fen over
    // the tolerance: missed, as ¥10.01 unpaid is, never waived; customer service asks for it in its grace
    const events = [
      ...loan,
      on.repay(41, "minimum", "jiebei"),
      on.repay(70, "minimum", "jiebei"),
      on.repay(101, 1_002.5, "jiebei"),
      on.repay(131, 0.02, "jiebei"),
      on.support(132),
    ];
    const t = run(events, { until: 140, policy: tolerant });
    expect(stepsOf(t, "waiver")).toEqual([]);
    expect(jiebeiOverdues(t).map((s) => [s.day, s.event.overdue])).toEqual([[135, 1_001]]);
    const told = stepOn(t, "contact_support", 132).remedies.filter((r) => r.line === "jiebei");
    expect(told.map((r) => r.kind)).toEqual(["pay_due"]);
    // a fen more paid: ¥10.00 at the grace's end, within the tolerance, waived and told so
    const paid = run(
      events.map((e) => (e.day === 131 ? on.repay(131, 0.03, "jiebei") : e)),
      {
        until: 140,
        policy: tolerant,
      },
    );
    expect(stepsOf(paid, "waiver").map((s) => [s.day, s.event.waived])).toEqual([[135, 1_000]]);
    expect(
      stepOn(paid, "contact_support", 132).remedies.filter((r) => r.kind === "waived_unless_paid"),
    ).toEqual([expect.objectContaining({ amount: 1_000, day: 135 })]);
    // ¥9.89 short, nothing paid after: carried to the spare due day, where it falls due as ¥10.00 and its
    // grace days take it past the tolerance — customer service told before it is not told it is waived
    const carried = run(
      [
        ...loan,
        on.repay(41, "minimum", "jiebei"),
        on.repay(70, "minimum", "jiebei"),
        on.repay(101, 1_002.51, "jiebei"),
        on.support(125),
      ],
      { until: 140, policy: tolerant },
    );
    expect(stepsOf(carried, "waiver")).toEqual([]);
    expect(jiebeiOverdues(carried).map((s) => s.day)).toEqual([135]);
    expect(stepOn(carried, "contact_support", 125).remedies.map((r) => r.kind)).not.toContain(
      "waived_unless_paid",
    );
  });

  it("customer service asks for a last instalment's remainder that its grace days take past the tolerance", () => {
    // the last instalment (day 101, ¥1,012.40) repaid ¥10.00 short: its ¥10.00 of principal bears interest in
    // the grace days, asked with it, so the grace's end (day 105) asks ¥10.01 and finds the due date missed —
    // customer service on day 102 must ask for it by the grace's last day, not leave it as within the tolerance
    const events = [
      ...loan,
      on.repay(41, "minimum", "jiebei"),
      on.repay(70, "minimum", "jiebei"),
      on.repay(101, 1_002.4, "jiebei"),
      on.support(102),
    ];
    const t = run(events, { until: 110, policy: tolerant });
    expect(jiebeiOverdues(t).map((s) => s.day)).toEqual([105]);
    const asked = stepOn(t, "contact_support", 102).remedies.filter(
      (r) => r.kind === "pay_due" && r.line === "jiebei",
    );
    expect(asked).toEqual([
      expect.objectContaining({ amount: 1_000, by: expect.objectContaining({ day: 104 }) }),
    ]);
    // paid as asked that day, the due date is not missed (what the grace days bore after is carried)
    const followed = run([...events, on.repay(102, 10, "jiebei")], { until: 170, policy: tolerant });
    expect(jiebeiOverdues(followed)).toEqual([]);
    expect(followed.final.jiebei.balance).toBe(0);
  });

  it("the reminder before a last instalment falls due reads the tolerance as its grace's end will: ¥10.00 left then is asked by a day", () => {
    // the last instalment (day 101, ¥1,012.40) repaid ahead all but ¥10.00: its grace days add interest, so the
    // grace's end asks ¥10.01 and finds it missed — the reminder on day 100 must name the day to pay it by
    const events = [
      ...loan,
      on.repay(41, "minimum", "jiebei"),
      on.repay(70, "minimum", "jiebei"),
      on.repay(99, 1_002.4, "jiebei"),
      on.support(100),
    ];
    const t = run(events, { until: 110, policy: tolerant });
    expect(jiebeiOverdues(t).map((s) => s.day)).toEqual([105]);
    const told = stepOn(t, "contact_support", 100).remedies.filter(
      (r) => r.kind === "next_due" && r.line === "jiebei",
    );
    expect(told).toEqual([expect.objectContaining({ day: 101, by: expect.objectContaining({ day: 104 }) })]);
  });

  it("the tolerance's edge: ¥10.00 unpaid of an instalment is not missed, ¥10.01 is — paying a fen more never ends worse", () => {
    // the first instalment, ¥1,037.20, paid ¥10.00 or ¥10.01 short on its due day
    const short = (yuan: number) =>
      run(
        [
          ...loan,
          on.repay(41, yuan, "jiebei"),
          on.repay(70, "minimum", "jiebei"),
          on.repay(101, "minimum", "jiebei"),
        ],
        { until: 140, policy: tolerant },
      );
    const within = short(1_027.2);
    const beyond = short(1_027.19);
    expect(jiebeiOverdues(within)).toEqual([]);
    expect(jiebeiOverdues(beyond).map((s) => s.day)).toEqual([45]);
    expect(within.steps.at(-1)!.inputs.missedDues12m).toBe(0);
    expect(beyond.steps.at(-1)!.inputs.missedDues12m).toBe(1);
    expect(within.final.score).toBeGreaterThan(beyond.final.score);
  });
  it("paying what is asked ends the loan: no fen is left that no due day asks", () => {
    // the fractions of a fen the last instalment's principal bore in its grace days make a whole fen when
    // its grace ends (joinCarry): ¥113.89 over 3 months drawn on day 5, the first instalment (day 36) ¥10
    // short (carried), the rest repaid as asked two days into each grace — the fen once stayed owed for
    // ever, on no due day; now it falls due on the loan's spare due day (day 127), asked and repaid
    const monthly = (from: number, n: number) =>
      Array.from({ length: n }, (_, m) => ({
        day: from + 31 * (m + 1),
        type: "repay" as const,
        line: "jiebei" as const,
        amount: { kind: "minimum" as const },
      }));
    const open = on.open(0, 100_000, "jiebei");
    const paid = run([open, on.borrow(5, 113.89, 3), on.repay(36, 29.37, "jiebei"), ...monthly(36, 7)], {
      until: 400,
      policy: tolerant,
    });
    expect(paid.final.jiebei.balance).toBe(0);
    expect(jiebeiOverdues(paid)).toEqual([]);
    // and on a last instalment missed (due day 187, repaid on day 191 as the grace ended): the fen is in
    // arrears with it, repaid with them — it once stayed owed when the arrears were repaid
    const late = run([open, on.borrow(5, 115.16, 6), on.repay(36, 10.61, "jiebei"), ...monthly(36, 7)], {
      until: 400,
      policy: tolerant,
    });
    expect(jiebeiOverdues(late).map((s) => s.day)).toEqual([191]);
    expect(late.final.jiebei.balance).toBe(0);
  });

  it("a missed instalment repaid late but its penalty's worth ends the overdue, as Huabei's bill does", () => {
    // due day 41, missed at the grace's end (day 45): ¥1,037.20 repaid that day, the ¥2.20 of charges
    // (interest on ¥1,000 on day 41, 0.04 %, and the penalty for days 42–44, 3 × 0.06 %) left unpaid
    const late = [on.open(0, 5_000), ...loan, on.repay(45, 1_037.2, "jiebei"), on.purchase(50, 100)];
    const t = run(late, { until: 69, policy: tolerant });
    expect(stepOn(t, "repay", 45).jiebei.overdue).toBe(0);
    expect(stepOn(t, "purchase", 50).decision).toBe("approved");
    // the late month stays on the record, the remainder is still owed
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(1);
    expect(t.final.jiebei.balance).toBeGreaterThan(200_000 + 220);
    const strict = run(late, { until: 69, policy: testPolicy({ toleranceAmount: 0 }) });
    expect(stepOn(strict, "repay", 45).jiebei.overdue).toBe(220);
    expect(stepOn(strict, "purchase", 50).decision).toBe("declined");
  });

  it("a repayment split in two on that day leaves what the whole one does", () => {
    const whole = run([...loan, on.repay(45, 1_537.2, "jiebei")], { until: 130, policy: tolerant });
    const split = run([...loan, on.repay(45, 1_037.2, "jiebei"), on.repay(45, 500, "jiebei")], {
      until: 130,
      policy: tolerant,
    });
    const dues = (t: ReturnType<typeof run>) =>
      stepsOf(t, "due").map((s) => [s.day, s.event.due, s.jiebei.balance]);
    expect(dues(split)).toEqual(dues(whole));
    expect(split.final.jiebei).toEqual(whole.final.jiebei);
  });
});

describe("Jiebei's principal due bears interest until repaid, its grace days too", () => {
  // ¥3,000 over 3 months drawn on day 10: instalments due on days 41, 70 and 101, the first ¥1,000 + 31
  // days × ¥0.40 = ¥1,037.20; the grace waives lateness (no penalty, no missed due date), not the interest
  const loan = [on.open(0, 20_000, "jiebei"), on.borrow(10, 3_000, 3)];
  const jiebeiOverdues = (t: ReturnType<typeof run>) =>
    stepsOf(t, "overdue").filter((s) => s.event.line === "jiebei");
  const dueOn = (t: ReturnType<typeof run>, day: number) =>
    stepsOf(t, "due", day)
      .filter((s) => s.event.line === "jiebei")
      .map((s) => s.event.due);

  it("an instalment repaid on its last grace day costs its late days' interest, due with the next", () => {
    const onTime = run([...loan, on.repay(41, "minimum", "jiebei")], { until: 73 });
    const late = run([...loan, on.repay(44, "minimum", "jiebei")], { until: 73 });
    // the instalment as it fell due is what `minimum` pays, and it is not missed
    expect(stepOn(late, "repay", 44).applied).toBe(103_720);
    expect(jiebeiOverdues(late)).toEqual([]);
    expect(late.steps.at(-1)!.inputs.missedDues12m).toBe(0);
    // day 70: ¥1,000 + 29 days × ¥0.80 on the ¥2,000 not yet due; paid three days late, the ¥1,000 due
    // bore 3 days × ¥0.40 more (days 41, 42 and 43)
    expect(dueOn(onTime, 70)).toEqual([102_320]);
    expect(dueOn(late, 70)).toEqual([102_320 + 120]);
  });

  it("a missed instalment bears interest on its due day and the penalty from the day after", () => {
    const t = run([...loan, on.support(46)], { until: 46 });
    // ¥1,037.20, 1 day × ¥0.40 interest (day 41) and 3 days × ¥0.60 penalty (days 42–44) when the grace
    // ends on day 45; then ¥0.60 a day (day 45)
    expect(stepOn(t, "contact_support", 46).jiebei.overdue).toBe(103_720 + 40 + 3 * 60 + 60);
  });

  it("the last instalment in its grace days asks their interest with it; repaid without it, a month later", () => {
    const paid = [...loan, on.repay(41, "minimum", "jiebei"), on.repay(70, "minimum", "jiebei")];
    // the last, ¥1,000 + 31 days × ¥0.40 due on day 101: by day 103 its ¥1,000 bore 2 days × ¥0.40 (days
    // 101 and 102), which no instalment after it would ask: what is due now, and paying it ends the loan
    const minimum = run([...paid, on.repay(103, "minimum", "jiebei")], { until: 140 });
    expect(stepOn(minimum, "repay", 103).applied).toBe(100_000 + 1_240 + 80);
    expect(minimum.final.jiebei.balance).toBe(0);
    // repaid at the amount it fell due, it is paid, not missed: the ¥0.80 is asked on 11 May (day 131)
    const asFell = run([...paid, on.repay(103, 1_012.4, "jiebei"), on.repay(131, "minimum", "jiebei")], {
      until: 140,
    });
    expect(stepOn(asFell, "repay", 103).jiebei.balance).toBe(80);
    expect(dueOn(asFell, 131)).toEqual([80]);
    expect(jiebeiOverdues(asFell)).toEqual([]);
    expect(asFell.final.jiebei.balance).toBe(0);
  });
});

// Jiebei arrears within the tolerance after a loan's last due day (docs/model/jiebei.md): an unpaid part of
// at most the tolerance after the due date counts as repaid — with no due day left to carry it to, the
// day's end waives it: the overdue ends (no penalty after, no charge-off), the missed due date stays on
// the record.

import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { type EventInput, on, run, scenario, stepOn, stepsOf, testPolicy } from "./builders.js";

// ¥3,000 over 3 months drawn on day 10: instalments due on days 41, 70 and 101 (¥1,012.40), the spare due
// day a month after the last on day 131, graces of 3 days; the last instalment missed (day 105)
const loan = [
  on.open(0, 20_000, "jiebei"),
  on.borrow(10, 3_000, 3),
  on.repay(41, "minimum", "jiebei"),
  on.repay(70, "minimum", "jiebei"),
];
const tolerant = testPolicy({ toleranceAmount: 10 });

type Trace = ReturnType<typeof run>;
const jiebeiSteps = (t: Trace, type: "overdue" | "charge_off" | "review", from: number) =>
  stepsOf(t, type).filter((s) => s.day > from && s.line === "jiebei");

/** What the arrears are as day `day` opens, unpaid since the last instalment was missed (in fen). */
function arrearsOn(day: number, events: readonly EventInput[] = loan, policy = tolerant): number {
  return run(events, { until: day - 1, policy }).final.jiebei.overdue;
}

/** The story's loan with `fen` of its arrears repaid on `day` (after the spare due day). */
const repaidBut = (left: number, day = 140): EventInput[] => [
  ...loan,
  on.repay(day, (arrearsOn(day) - left) / 100, "jiebei"),
];

describe("Jiebei arrears within the tolerance after a loan's last due day", () => {
  it("are waived at the end of the day a repayment leaves them: the overdue ends, nothing charged off", () => {
    // ¥5.00 left on day 140, after the spare due day (131): once kept in arrears, its penalty accruing,
    // charged off on day 281 with a serious delinquency on record
    const t = run(repaidBut(500), { until: 340, policy: tolerant });
    const waivers = stepsOf(t, "waiver");
    expect(waivers.map((s) => [s.day, s.event.waived, s.reasons])).toEqual([
      [140, 500, ["SMALL_BALANCE_WAIVED"]],
    ]);
    expect(waivers[0]!.facts).toEqual([
      { code: "SMALL_BALANCE_WAIVED", parameter: "toleranceAmount", threshold: 1_000, value: 500 },
    ]);
    // the repayment posts first, then the day's end waives: no longer overdue, no further suspension, no
    // charge-off, nothing owed, and the ledger keeps it as waived
    expect(stepOn(t, "repay", 140).jiebei.overdue).toBe(500);
    expect(waivers[0]!.jiebei.overdue).toBe(0);
    expect(waivers[0]!.jiebei.overdueDays).toBe(0);
    expect(jiebeiSteps(t, "overdue", 140)).toEqual([]);
    expect(jiebeiSteps(t, "charge_off", 0)).toEqual([]);
    const j = t.final.jiebei;
    expect([j.balance, j.waived, j.writtenOff]).toEqual([0, 500, 0]);
    expect(j.purchases - j.repayments + j.charges - j.waived).toBe(0);
    // the record keeps the missed due date (the waiver is not a repayment on time)
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(1);
  });

  it("end the overdue as a repayment of them would: the same reviews, the line restored as paid in full", () => {
    const waived = run(repaidBut(500), { until: 340, policy: tolerant });
    const paid = run(repaidBut(0), { until: 340, policy: tolerant });
    expect(stepsOf(paid, "waiver")).toEqual([]);
    const reviews = (t: Trace) =>
      jiebeiSteps(t, "review", 140).map((s) => [
        s.day,
        s.decision,
        s.reasons,
        s.jiebei.status,
        s.jiebei.limit,
      ]);
    expect(reviews(waived)).toEqual(reviews(paid));
    expect(reviews(waived).some(([, decision]) => decision === "restored")).toBe(true);
    expect(waived.final.jiebei.status).toBe(paid.final.jiebei.status);
    expect(waived.steps.at(-1)!.score).toBe(paid.steps.at(-1)!.score);
  });

  it("¥10.00 left is within the tolerance, waived; ¥10.01 is not: still overdue, charged off", () => {
    const ten = run(repaidBut(1_000), { until: 340, policy: tolerant });
    expect(stepsOf(ten, "waiver").map((s) => [s.day, s.event.waived])).toEqual([[140, 1_000]]);
    expect(jiebeiSteps(ten, "charge_off", 0)).toEqual([]);
    const over = run(repaidBut(1_001), { until: 340, policy: tolerant });
    expect(stepsOf(over, "waiver")).toEqual([]);
    expect(jiebeiSteps(over, "charge_off", 0).map((s) => s.day)).toEqual([281]);
    expect(over.final.jiebei.waived).toBe(0);
  });

  it("a repayment on the spare due day itself leaves them with no due day to carry them to: waived that day", () => {
    const t = run(repaidBut(500, 131), { until: 200, policy: tolerant });
    expect(stepsOf(t, "waiver").map((s) => [s.day, s.event.waived])).toEqual([[131, 500]]);
    expect(t.final.jiebei.balance).toBe(0);
  });

  it("are summed over the loans, as a due date's and a repayment's are: two loans within it each but not together stay overdue", () => {
    // two ¥24 loans drawn together: their last instalments (day 101, about ¥8 each) are one due date, ¥16
    // unpaid, missed; past the spare due day (131) each loan's arrears are within ¥10, both together not
    const policy = testPolicy({ toleranceAmount: 10, jiebeiMinDrawdown: 10 });
    const two = [
      on.open(0, 20_000, "jiebei"),
      on.borrow(10, 24, 3),
      on.borrow(10, 24, 3),
      on.repay(41, "minimum", "jiebei"),
      on.repay(70, "minimum", "jiebei"),
    ];
    const owed = arrearsOn(140, two, policy);
    expect(owed).toBeGreaterThan(1_000);
    expect(owed).toBeLessThan(2 * 1_000);
    const unpaid = run(two, { until: 340, policy });
    expect(stepsOf(unpaid, "waiver")).toEqual([]);
    expect(jiebeiSteps(unpaid, "charge_off", 0).map((s) => s.day)).toEqual([281]);
    // ¥7 repaid on day 140: the older loan's arrears are repaid first, all but a few fen, the other's
    // untouched — both loans still in arrears, together within the tolerance: both waived that day
    const repaid = run([...two, on.repay(140, 7, "jiebei")], { until: 340, policy });
    expect(stepsOf(repaid, "waiver").map((s) => [s.day, s.event.waived])).toEqual([[140, owed - 700]]);
    expect(jiebeiSteps(repaid, "charge_off", 0)).toEqual([]);
    expect(repaid.final.jiebei.balance).toBe(0);
  });

  it("after a charge-off nothing is waived: the remainder stays owed, written off (a recovery, not a cure)", () => {
    // charged off on day 281 (180 days past due); a repayment on day 290 leaves ¥5.00
    const owed = arrearsOn(290);
    const t = run([...loan, on.repay(290, (owed - 500) / 100, "jiebei")], { until: 340, policy: tolerant });
    expect(jiebeiSteps(t, "charge_off", 0).map((s) => s.day)).toEqual([281]);
    expect(stepsOf(t, "waiver")).toEqual([]);
    expect(t.final.jiebei.status).toBe("charged_off");
    expect([t.final.jiebei.balance, t.final.jiebei.waived]).toEqual([500, 0]);
  });

  it("after a charge-off a due date's tolerance carries nothing and waives nothing: the shortfall is missed", () => {
    // ¥12,000 over 12 months drawn on day 30 (31 January), never repaid: charged off on day 239, its
    // called-in instalment due on day 243 (31 August); a repayment on day 241 pays the arrears and leaves
    // ¥5.00 of it. It once counted as repaid when that grace ended (nothing missed), was carried month
    // after month and waived on day 428 (SMALL_BALANCE_WAIVED) on a line written off
    const drawn = [on.open(0, 30_000, "jiebei"), on.borrow(30, 12_000, 12)];
    const written = run(drawn, { until: 240, policy: tolerant });
    expect(jiebeiSteps(written, "charge_off", 0).map((s) => s.day)).toEqual([239]);
    const owed = written.final.jiebei.balance;
    const t = run([...drawn, on.repay(241, (owed - 500) / 100, "jiebei")], { until: 500, policy: tolerant });
    expect(stepsOf(t, "waiver")).toEqual([]);
    const missed = jiebeiSteps(t, "overdue", 241);
    expect(missed.length).toBeGreaterThan(0);
    expect(missed[0]!.day).toBe(247);
    expect(missed[0]!.jiebei.overdue).toBe(500);
    const j = t.final.jiebei;
    expect([j.status, j.balance, j.overdue, j.waived]).toEqual(["charged_off", 500, 500, 0]);
  });

  it("the tolerance raised over them is a waiver on the first day no due day is left: the spare due day, visited", () => {
    // ¥15.00 left on day 120 (the spare due day, 131, still ahead: beyond ¥10, not carried to it); the
    // tolerance raised to ¥20 on day 125: on day 131 no due day is left to carry them to — waived then,
    // whether the engine visits every day or only its own (no other of its days falls on day 131: the
    // overdue trigger, 30 days past the missed due date 101, would — it is moved to 60 here)
    const policy = testPolicy({ toleranceAmount: 10, suspendOverdueDays: 60 });
    const events = [...repaidBut(1_500, 120), on.policy(125, { set: { toleranceAmount: 20 } })];
    const sc = scenario(events, { until: 200, policy });
    const waivers = (everyDay: boolean) =>
      simulate(sc, { everyDay })
        .steps.filter((s) => s.event.type === "waiver")
        .map((s) => [s.day, s.event.type === "waiver" && s.event.waived]);
    // (with the penalty of the days since day 120)
    const [first, ...rest] = waivers(false);
    expect(rest).toEqual([]);
    expect(first![0]).toBe(131);
    expect(first![1]).toBeGreaterThan(1_500);
    expect(first![1]).toBeLessThanOrEqual(2_000);
    expect(waivers(true)).toEqual(waivers(false));
  });

  it("customer service does not ask for them, and tells what the day's end waives, to the fen", () => {
    const t = run([...repaidBut(500), on.support(140)], { until: 150, policy: tolerant });
    const told = stepOn(t, "contact_support", 140).remedies.filter((r) => r.line === "jiebei");
    expect(told.map((r) => r.kind)).not.toContain("pay_overdue");
    expect(told.filter((r) => r.kind === "waived_unless_paid")).toEqual([
      expect.objectContaining({ amount: 500, day: 140, overdue: true }),
    ]);
    expect(stepsOf(t, "waiver").map((s) => [s.day, s.event.waived])).toEqual([[140, 500]]);
    // said as arrears: the overdue ends, the missed due date stays on the record ("not missed" it is not)
    const words = told.filter((r) => r.kind === "waived_unless_paid").map((r) => describeRemedy(r));
    expect(words).toEqual([expect.stringContaining("waived at the end of 2024-05-20 (day 140)")]);
    expect(words[0]).toContain("the missed due date stays on the record");
    expect(words[0]).not.toContain("not missed");
    // ¥10.01 left is asked for
    const over = run([...repaidBut(1_001), on.support(140)], { until: 150, policy: tolerant });
    const asked = stepOn(over, "contact_support", 140).remedies.filter((r) => r.line === "jiebei");
    expect(asked.filter((r) => r.kind === "pay_overdue")).toEqual([
      expect.objectContaining({ amount: 1_001 }),
    ]);
    expect(asked.map((r) => r.kind)).not.toContain("waived_unless_paid");
  });

  it("customer service tells the arrears a loan's last grace leaves with its remainder, waived at that day's end too", () => {
    // ¥94.52 and ¥1.00 over 3 months drawn on day 0 (1990-01-01), due on days 31, 59 and 90, a ¥50
    // tolerance, nothing repaid until day 120: the first due date within it (carried), the second missed
    // into arrears, the last within it, carried to the spare due day (120) — when all the arrears but 1 fen
    // (the ¥1.00 loan's) are repaid. That day's grace end (day 124) waives both loans' remainders (within
    // ¥50 together), and that day's end the 1 fen of arrears (no due day left): customer service once told
    // the ¥94.52 loan's remainder alone (¥48.49), skipping the loan in arrears
    const policy = testPolicy({ toleranceAmount: 50 });
    const drawn: EventInput[] = [on.open(0, 100_000, "jiebei"), on.borrow(0, 94.52, 3), on.borrow(0, 1, 3)];
    const options = { start: "1990-01-01", policy };
    const owed = run(drawn, { ...options, until: 119 }).final.jiebei.overdue;
    const t = run([...drawn, on.repay(120, (owed - 1) / 100, "jiebei"), on.support(120)], {
      ...options,
      until: 200,
    });
    expect(stepOn(t, "repay", 120).jiebei.overdue).toBe(1);
    const waivers = stepsOf(t, "waiver").map((s) => [s.day, s.event.waived]);
    expect(waivers).toEqual([
      [124, 4_900],
      [124, 1],
    ]);
    const told = stepOn(t, "contact_support", 120).remedies.filter((r) => r.kind === "waived_unless_paid");
    expect(told).toEqual([expect.objectContaining({ day: 124, amount: 4_901 })]);
  });
});

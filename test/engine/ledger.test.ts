import { describe, expect, it } from "vitest";
import {
  accrue,
  balance,
  closeStatement,
  type Ledger,
  markOverdue,
  minimumDue,
  newLedger,
  nextLedgerDay,
  overdueAmount,
  overdueDays,
  passDueDays,
  purchase,
  repay,
  statementBalance,
} from "../../src/engine/ledger.js";
import { on, run, stepsOf, testPolicy } from "./builders.js";

const policy = testPolicy({
  graceDays: 3,
  penaltyRatePerDay: 0.0005,
  revolvingRatePerDay: 0.0004,
  minRepaymentRate: 0.1,
});

/** balance = purchases − repayments + charges, the ledger's own invariant */
function expectBalanced(l: Ledger): void {
  expect(balance(l)).toBe(l.purchases - l.repayments + l.charges);
}

/** One bill of `fen` closed on day 0 and due on day 9 (overdue from day 13 with 3 grace days). */
function oneBill(fen: number): Ledger {
  const l = newLedger(-1);
  purchase(l, fen);
  closeStatement(l, 0, 9, policy);
  return l;
}

describe("statements", () => {
  it("closes nothing when nothing was bought", () => {
    const l = newLedger(-1);
    expect(closeStatement(l, 0, 9, policy)).toBeNull();
    expect(l.bills).toHaveLength(0);
  });

  it("turns unbilled purchases into a bill with a minimum of 10 % rounded up", () => {
    const l = newLedger(-1);
    purchase(l, 600);
    purchase(l, 401);
    const bill = closeStatement(l, 0, 9, policy)!;
    expect(bill).toMatchObject({
      statementDay: 0,
      dueDay: 9,
      overdueFrom: 13,
      principal: 1001,
      minimum: 101,
    });
    expect(l.unbilled).toBe(0);
    expect(balance(l)).toBe(1001);
    expect(statementBalance(l)).toBe(1001);
    expect(minimumDue(l)).toBe(101);
    // an exact 10 % is not rounded up
    purchase(l, 1000);
    expect(closeStatement(l, 30, 40, policy)!.minimum).toBe(100);
    expectBalanced(l);
  });

  it("keeps purchases after the statement unbilled", () => {
    const l = oneBill(10_000);
    purchase(l, 2_500);
    expect(balance(l)).toBe(12_500);
    expect(statementBalance(l)).toBe(10_000);
  });
});

describe("repayments", () => {
  it("settle the oldest debt first: a bill's charges, then its principal, then newer bills, then unbilled", () => {
    const l = oneBill(10_000);
    markOverdue(l, 13, policy); // three grace days of penalty charged back
    const charges = 3 * 10_000 * policy.penaltyRatePerDay;
    expect(l.bills[0]!.charges).toBe(charges);
    purchase(l, 5_000);
    closeStatement(l, 31, 40, policy);
    purchase(l, 700);

    repay(l, charges - 1, 14);
    expect(l.bills[0]!.chargesPaid).toBe(charges - 1);
    expect(l.bills[0]!.principalPaid).toBe(0);

    repay(l, 1 + 4_000, 14);
    expect(l.bills[0]!.chargesPaid).toBe(charges);
    expect(l.bills[0]!.principalPaid).toBe(4_000);
    expect(l.bills[1]!.principalPaid).toBe(0);

    repay(l, 6_000 + 1_000, 14);
    expect(l.bills[0]!.settledDay).toBe(14);
    expect(l.bills[1]!.principalPaid).toBe(1_000);
    expect(l.unbilled).toBe(700);

    repay(l, 4_000 + 200, 15);
    expect(l.bills[1]!.settledDay).toBe(15);
    expect(l.unbilled).toBe(500);
    expectBalanced(l);
  });

  it("are capped at the balance", () => {
    const l = oneBill(10_000);
    purchase(l, 300);
    const applied = repay(l, 1_000_000, 5);
    expect(applied).toBe(10_300);
    expect(balance(l)).toBe(0);
    expect(l.repayments).toBe(10_300);
    expect(repay(l, 500, 6)).toBe(0);
    expect(l.repayments).toBe(10_300);
    expectBalanced(l);
  });

  it("a full repayment by the due day settles the bill on time", () => {
    const l = oneBill(10_000);
    repay(l, 10_000, 9);
    passDueDays(l, 10);
    expect(l.bills[0]).toMatchObject({ settledDay: 9, settledByDue: true });
    expect(markOverdue(l, 13, policy)).toEqual([]);
    expect(l.delinquencies).toEqual([]);
  });
});

describe("overdue", () => {
  it("marks a bill overdue on the first day after due + grace when its minimum is unpaid", () => {
    const l = oneBill(10_000);
    passDueDays(l, 10);
    expect(l.bills[0]!.settledByDue).toBe(false);
    expect(markOverdue(l, 12, policy)).toEqual([]);
    expect(overdueAmount(l)).toBe(0);
    const turned = markOverdue(l, 13, policy);
    expect(turned).toHaveLength(1);
    expect(l.bills[0]!.overdue).toBe(true);
    expect(l.delinquencies).toEqual([{ dueDay: 9, curedDay: null }]);
    expect(overdueDays(l, 13)).toBe(4);
    expect(overdueAmount(l)).toBe(balance(l));
    // once overdue, the whole remaining bill is what must be paid now
    expect(minimumDue(l)).toBe(balance(l));
    expectBalanced(l);
  });

  it("keeps fractions of a fen: ¥10.00 overdue costs 0.5 fen a day, not a rounded fen", () => {
    const l = oneBill(1_000);
    markOverdue(l, 13, policy); // 3 grace days charged back: 1.5 fen → 1 fen, 0.5 carried
    expect(l.charges).toBe(1);
    accrue(l, 22, policy); // days 13…22: 0.5 carried + 10 × 0.5 = 5.5 → 5 fen more
    expect(l.charges).toBe(6);
    expectBalanced(l);
  });

  it("charges the penalty back to the day after the due date", () => {
    const l = oneBill(10_000);
    const daily = 10_000 * policy.penaltyRatePerDay;
    accrue(l, 12, policy);
    expect(l.charges).toBe(0); // grace: nothing yet
    markOverdue(l, 13, policy);
    accrue(l, 20, policy);
    // days 10…20 after the due day 9
    expect(l.charges).toBe((20 - 9) * daily);
    expect(l.bills[0]!.charges).toBe(l.charges);
    expectBalanced(l);
  });

  it("a minimum paid within the grace days is not overdue, and the remainder accrues revolving interest", () => {
    const l = oneBill(10_000);
    accrue(l, 11, policy);
    repay(l, 1_000, 12);
    passDueDays(l, 12);
    expect(markOverdue(l, 13, policy)).toEqual([]);
    expect(l.bills[0]!.overdue).toBe(false);
    expect(l.charges).toBe(0);
    accrue(l, 20, policy);
    // 4.5 fen a day, fractions carried: whole fen of the total so far
    expect(l.charges).toBe(Math.floor((20 - 12 + 1) * 9_000 * policy.revolvingRatePerDay));
    expect(l.charges).toBeGreaterThan(0);
    expectBalanced(l);
  });

  it("a bill repaid in full accrues nothing", () => {
    const l = oneBill(10_000);
    repay(l, 10_000, 5);
    accrue(l, 100, policy);
    markOverdue(l, 100, policy);
    expect(l.charges).toBe(0);
  });

  it("a partial repayment of an overdue bill does not cure it; a full one does", () => {
    const l = oneBill(10_000);
    markOverdue(l, 13, policy);
    accrue(l, 15, policy);
    repay(l, 5_000, 16);
    expect(l.delinquencies[0]!.curedDay).toBeNull();
    expect(overdueDays(l, 16)).toBe(7);
    accrue(l, 17, policy);
    repay(l, balance(l), 18);
    expect(l.delinquencies).toEqual([{ dueDay: 9, curedDay: 18 }]);
    expect(overdueAmount(l)).toBe(0);
    expect(overdueDays(l, 18)).toBe(0);
    expect(balance(l)).toBe(0);
    expectBalanced(l);
  });

  it("counts overdue days from the oldest overdue bill", () => {
    const l = oneBill(10_000);
    purchase(l, 2_000);
    closeStatement(l, 31, 40, policy);
    markOverdue(l, 44, policy);
    expect(overdueDays(l, 50)).toBe(50 - 9);
    repay(l, balance(l) - 2_000 + (l.bills[1]!.charges - l.bills[1]!.chargesPaid), 50);
    expect(l.bills[0]!.settledDay).toBe(50);
    expect(overdueDays(l, 50)).toBe(50 - 40);
  });

  it("names the next day a bill changes by itself", () => {
    const l = oneBill(10_000);
    expect(nextLedgerDay(l, 0)).toBe(10); // the day after the due day
    passDueDays(l, 10);
    expect(nextLedgerDay(l, 10)).toBe(13); // the first overdue day
    markOverdue(l, 13, policy);
    expect(nextLedgerDay(l, 13)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("the ledger in a simulation", () => {
  it("bills a month's purchases, marks the unpaid bill overdue after grace and keeps the books balanced", () => {
    const trace = run([on.open(0, 5_000), on.purchase(3, 1_200.5), on.purchase(12, 860)], { until: 70 });
    const [statement] = stepsOf(trace, "statement");
    expect(statement).toBeDefined();
    expect(statement!.date).toBe("2024-02-01");
    expect(statement!.event).toMatchObject({ billed: 206_050, minimum: 20_605 });
    expect(trace.steps.find((s) => s.event.type === "due")?.date).toBe("2024-02-10");
    const overdue = stepsOf(trace, "overdue")[0]!;
    expect(overdue.date).toBe("2024-02-14"); // due 10th + 3 grace days
    expect(overdue.overdueDays).toBe(4);
    for (const s of trace.steps) expect(s.balance).toBe(s.purchases - s.repayments + s.charges);
    expect(trace.final.charges).toBeGreaterThan(0);
  });

  it("a repayment of `full` clears the balance, `minimum` pays only the minimum due", () => {
    const full = run([on.open(0, 5_000), on.purchase(3, 1_000), on.purchase(35, 200), on.repay(36, "full")]);
    expect(stepsOf(full, "repay")[0]!.balance).toBe(0);
    const min = run([on.open(0, 5_000), on.purchase(3, 1_000), on.repay(36, "minimum")], { until: 59 });
    const repayStep = stepsOf(min, "repay")[0]!;
    expect(repayStep.applied).toBe(10_000);
    expect(stepsOf(min, "overdue")).toEqual([]);
    expect(stepsOf(min, "due")[0]!.event.minimumUnpaid).toBe(0);
    // revolving interest on the remainder after the due day
    expect(min.final.charges).toBeGreaterThan(0);
    const statement = run([
      on.open(0, 5_000),
      on.purchase(3, 1_000),
      on.purchase(35, 200),
      on.repay(36, "statement"),
    ]);
    expect(stepsOf(statement, "repay")[0]!.balance).toBe(20_000);
  });
});

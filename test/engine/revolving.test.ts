// The Huabei ledger by hand: statements, minimums, the repayment order, revolving interest without a
// holiday, arrears and their penalty, instalment plans, closure and write-off. Every figure is worked out
// in the comment beside it.

import { describe, expect, it } from "vitest";
import {
  accrue,
  balance,
  charges,
  closeStatement,
  decideCycles,
  dueBy,
  minimumDue,
  newRevolving,
  nextLedgerDay,
  oldestArrears,
  overdueAmount,
  owedAhead,
  purchase,
  type Revolving,
  repay,
  runningToTerm,
  statedBy,
  statementBalance,
  writeOff,
} from "../../src/engine/revolving.js";
import { on, run, stepsOf, testPolicy } from "./builders.js";

const rates = { revolvingRatePerDay: 0.0005, penaltyRatePerDay: 0.0005 };
const policy = { minRepaymentRate: 0.1, graceDays: 3, ...rates };

/** balance = purchases − repayments + charges, the ledger's own invariant */
function expectBalanced(l: Revolving): void {
  expect(balance(l)).toBe(l.purchases - l.repayments + charges(l));
}

/** Time passes to `day`: charges through the day before, then the cycles whose grace ended. */
function openDay(l: Revolving, day: number) {
  accrue(l, day - 1);
  return decideCycles(l, day, {});
}

/** One bill of `fen` stated on day 0, due on day 9 (its grace ends after day 12). */
function oneBill(fen: number): Revolving {
  const l = newRevolving();
  purchase(l, fen, 0, null);
  closeStatement(l, 0, 9, policy);
  return l;
}

describe("statements", () => {
  it("state nothing when nothing is owed", () => {
    const l = newRevolving();
    expect(closeStatement(l, 0, 9, policy)).toBeNull();
    expect(l.bills).toHaveLength(0);
  });

  it("bill unbilled purchases with a minimum of 10 % rounded up", () => {
    const l = newRevolving();
    purchase(l, 600, 0, null);
    purchase(l, 401, 0, null);
    expect(closeStatement(l, 0, 9, policy)).toEqual({
      billed: 1001,
      instalments: 0,
      fees: 0,
      carried: 0,
      carriedCharges: 0,
      overdue: 0,
      minimum: 101,
      toTerm: 0,
    });
    expect(l.bills[0]).toMatchObject({ dueDay: 9, overdueFrom: 13, principal: 1001, cycleMinimum: 101 });
    expect(balance(l)).toBe(1001);
    expect(statementBalance(l)).toBe(1001);
    expect(minimumDue(l)).toBe(101);
    purchase(l, 2_500, 3, null);
    expect(balance(l)).toBe(3_501);
    expect(statementBalance(l)).toBe(1001);
    expectBalanced(l);
  });
});

describe("what a statement says is owed", () => {
  const parts = (b: NonNullable<ReturnType<typeof closeStatement>>) =>
    b.billed + b.fees + b.carried + b.carriedCharges + b.overdue;

  it("adds up to the statement balance: interest carried on a revolving bill is a part of its own", () => {
    const l = oneBill(100_000);
    repay(l, 10_000, 5);
    openDay(l, 13);
    accrue(l, 29);
    purchase(l, 20_000, 20, null);
    const bill = closeStatement(l, 30, 39, policy)!;
    expect(bill.carriedCharges).toBe(45 * 20); // days 10…29 on ¥900
    expect(parts(bill)).toBe(statementBalance(l));
  });

  it("on closing, names a bill still in its first cycle as carried", () => {
    // stated on day 0, due day 9, closed on day 5 before it: the closing statement bills it again
    const l = oneBill(100_000);
    const bill = closeStatement(l, 5, 9, policy, true)!;
    expect(bill).toMatchObject({ billed: 0, carried: 100_000, minimum: 100_000 });
    expect(parts(bill)).toBe(statementBalance(l));
  });
});

describe("what a due date asks", () => {
  it("only the bills due by then: a statement closed on the due day itself is due later", () => {
    const l = oneBill(1_000); // due day 9, minimum 100
    purchase(l, 500, 5, null);
    closeStatement(l, 9, 40, policy); // a calendar whose statement falls on the due day: 500, minimum 50
    expect(dueBy(l, 9)).toEqual({ due: 1_000, minimum: 100 });
    // the first bill's next cycle, queued behind the one due today, is asked on day 40 with the new bill
    expect(minimumDue(l)).toBe(250);
    repay(l, 100, 9);
    expect(dueBy(l, 9)).toEqual({ due: 900, minimum: 0 });
    expect(dueBy(l, 40)).toEqual({ due: 1_400, minimum: 150 });
  });
});

describe("a bill repaid in full by its due day", () => {
  it("costs nothing and is recorded as paid", () => {
    const l = oneBill(100_000);
    repay(l, 100_000, 9);
    expect(openDay(l, 13)).toEqual([{ dueDay: 9, outcome: "paid" }]);
    accrue(l, 100);
    expect(charges(l)).toBe(0);
  });
});

describe("a statement while in arrears", () => {
  it("says what is already overdue, so a statement with nothing new still says why it asks", () => {
    const l = oneBill(100_000);
    openDay(l, 13); // the ¥100 minimum missed: the whole bill is overdue
    accrue(l, 29);
    const overdue = overdueAmount(l);
    expect(overdue).toBeGreaterThan(100_000);
    const bill = closeStatement(l, 30, 39, policy)!;
    expect(bill).toMatchObject({ billed: 0, carried: 0, overdue });
    expect(bill.minimum).toBe(overdue);
  });
});

describe("revolving after a minimum repayment", () => {
  it("charges interest every day from the day after the due date, across statements, until repaid", () => {
    // ¥1,000 billed, due day 9; the ¥100 minimum paid on day 5 leaves ¥900 at 0.05 % a day = 45 fen a day
    const l = oneBill(100_000);
    repay(l, 10_000, 5);
    expect(openDay(l, 13)).toEqual([{ dueDay: 9, outcome: "revolved" }]);
    // the grace days (10, 11, 12) are charged when the cycle is decided: 3 × 45
    expect(l.interest).toBe(135);
    // the next statement (day 30) carries the ¥900 at interest with a new minimum: 10 % + the interest owed
    accrue(l, 29);
    expect(l.interest).toBe(45 * (29 - 9)); // days 10…29
    expect(closeStatement(l, 30, 39, policy)).toEqual({
      billed: 0,
      instalments: 0,
      fees: 0,
      carried: 90_000,
      carriedCharges: 900,
      overdue: 0,
      minimum: 9_000 + 900,
      toTerm: 0,
    });
    // no holiday between the statement and the next due day: interest runs on through day 39 and after
    accrue(l, 39);
    expect(l.interest).toBe(45 * (39 - 9));
    expectBalanced(l);
  });

  it("over 18 months of minimum repayments charges what a day-by-day reference charges", () => {
    // ¥10,000 bought on day 1; every statement's minimum repaid on its due day; interest 0.05 % a day
    const t = run(
      [on.open(0, 20_000), on.purchase(1, 10_000), ...dueDays().map((d) => on.repay(d, "minimum"))],
      {
        until: 560,
        policy: testPolicy({ revolvingRatePerDay: 0.0005 }),
      },
    );
    // reference: principal and unpaid interest day by day, repayments to interest first, then principal
    let principal = 1_000_000;
    let interest = 0;
    let carry = 0;
    let charged = 0;
    const repaid = new Map(stepsOf(t, "repay").map((s) => [s.day, s.applied]));
    for (let day = 0; day <= 560; day++) {
      const paid = repaid.get(day) ?? 0;
      const toInterest = Math.min(paid, interest);
      interest -= toInterest;
      principal -= paid - toInterest;
      // interest from the day after the first due day (day 40)
      if (day >= 41) {
        const milli = carry + Math.round(principal * 0.0005 * 1000);
        carry = milli % 1000;
        interest += Math.floor(milli / 1000);
        charged += Math.floor(milli / 1000);
      }
    }
    expect(t.final.charges).toBeGreaterThan(0);
    // equal within a fen a month (the ledger charges each bill's share with its own carried fraction)
    expect(Math.abs(t.final.charges - charged)).toBeLessThanOrEqual(18);
  });
});

/** The 10th of each month of 2024–2025 after January, as scenario days from 2024-01-01. */
function dueDays(): number[] {
  const days: number[] = [];
  for (let m = 1; m <= 18; m++) {
    const date = new Date(Date.UTC(2024, m, 10));
    days.push(Math.round((date.getTime() - Date.UTC(2024, 0, 1)) / 86_400_000));
  }
  return days;
}

describe("arrears", () => {
  it("a missed minimum puts the whole bill in arrears, with the penalty charged back to the due date", () => {
    const l = oneBill(100_000);
    expect(openDay(l, 12)).toEqual([]);
    expect(overdueAmount(l)).toBe(0);
    const [decided] = openDay(l, 13);
    expect(decided).toMatchObject({ dueDay: 9, outcome: "missed" });
    // 0.05 % of ¥1,000 = 50 fen a day for days 10, 11, 12
    expect(l.penalties).toBe(150);
    expect(oldestArrears(l)).toBe(9);
    expect(overdueAmount(l)).toBe(balance(l));
    expect(minimumDue(l)).toBe(balance(l));
    accrue(l, 20);
    expect(l.penalties).toBe(50 * (20 - 9));
    expectBalanced(l);
  });

  it("keeps fractions of a fen: ¥10.00 in arrears costs 0.5 fen a day, not a rounded fen", () => {
    const l = oneBill(1_000);
    openDay(l, 13); // 3 grace days: 1.5 fen → 1 fen charged, 0.5 carried
    expect(l.penalties).toBe(1);
    accrue(l, 22); // 0.5 + 10 × 0.5 = 5.5 → 5 fen more
    expect(l.penalties).toBe(6);
  });

  it("a partial repayment does not clear the arrears; repaying them all does", () => {
    const l = oneBill(100_000);
    openDay(l, 13);
    repay(l, 50_000, 16);
    expect(oldestArrears(l)).toBe(9);
    repay(l, overdueAmount(l), 18);
    expect(oldestArrears(l)).toBeNull();
    expect(balance(l)).toBe(0);
    expectBalanced(l);
  });
});

describe("a calendar whose grace runs into the next statement", () => {
  // statements on days 0, 20 and 31, each due 9 days later with 3 days' grace: the day-31 statement
  // comes while the cycle due on day 29 is still in its grace (it ends after day 32)
  function revolvingIntoOverlap(): Revolving {
    const l = oneBill(100_000);
    repay(l, minimumDue(l), 5);
    openDay(l, 13);
    closeStatement(l, 20, 29, policy);
    return l;
  }

  it("a minimum missed in that grace still falls into arrears: the statement does not erase it", () => {
    const l = revolvingIntoOverlap();
    expect(closeStatement(l, 31, 40, policy)).not.toBeNull();
    expect(openDay(l, 32)).toEqual([]);
    expect(openDay(l, 33)).toEqual([{ dueDay: 29, outcome: "missed" }]);
    expect(oldestArrears(l)).toBe(29);
    expectBalanced(l);
  });

  it("the minimum stated by the statement in that grace, paid there, meets the queued cycle too", () => {
    const l = revolvingIntoOverlap();
    repay(l, minimumDue(l), 29);
    const stated = closeStatement(l, 31, 40, policy)!.minimum;
    expect(minimumDue(l)).toBe(stated);
    repay(l, minimumDue(l), 31);
    expect(openDay(l, 33)).toEqual([{ dueDay: 29, outcome: "revolved" }]);
    expect(dueBy(l, 40).minimum).toBe(0);
    expect(openDay(l, 44)).toEqual([{ dueDay: 40, outcome: "revolved" }]);
    expect(oldestArrears(l)).toBeNull();
    expectBalanced(l);
  });

  it("asks no more than the bill owes, though both its cycles are a share of the same principal", () => {
    // a 60 % minimum: ¥1,000 stated on day 0, due day 9; ¥600 paid leaves ¥400 revolving, whose cycle
    // due on day 29 asks ¥240 and more; the day-31 statement queues another 60 % of the same ¥400
    const high = { minRepaymentRate: 0.6, graceDays: 3, ...rates };
    const l = newRevolving();
    purchase(l, 100_000, 0, null);
    closeStatement(l, 0, 9, high);
    repay(l, minimumDue(l), 5);
    openDay(l, 13);
    closeStatement(l, 20, 29, high);
    openDay(l, 31);
    const owed = balance(l);
    expect(closeStatement(l, 31, 40, high)!.minimum).toBe(owed);
    expect(dueBy(l, 40).minimum).toBe(owed);
    // and paying it, in the grace of the cycle due on day 29, repays the bill
    repay(l, minimumDue(l), 31);
    expect(openDay(l, 33)).toEqual([{ dueDay: 29, outcome: "paid" }]);
    expect(balance(l)).toBe(0);
    expectBalanced(l);
  });

  it("a minimum met in that grace starts the queued cycle: its own minimum, due on its own day", () => {
    const l = revolvingIntoOverlap();
    repay(l, minimumDue(l), 29);
    // the statement states the queued cycle's minimum, and that is what the cycle asks once it starts
    const stated = closeStatement(l, 31, 40, policy)!.minimum;
    expect(stated).toBeGreaterThan(0);
    expect(openDay(l, 33)).toEqual([{ dueDay: 29, outcome: "revolved" }]);
    expect(dueBy(l, 40).minimum).toBe(stated);
    expect(nextLedgerDay(l, 33)).toBe(44);
    expect(openDay(l, 44)).toEqual([{ dueDay: 40, outcome: "missed" }]);
    expect(oldestArrears(l)).toBe(40);
    expectBalanced(l);
  });
  it("a closed line's statement in that grace keeps the closing bill's due day: unpaid, it is missed there", () => {
    // closed on day 20: everything due in full on day 29; the closed line's statement on day 31 comes in
    // that grace and states it again, due on day 40 — the day-29 due date stands
    const l = oneBill(100_000);
    repay(l, minimumDue(l), 5);
    openDay(l, 13);
    closeStatement(l, 20, 29, policy, true);
    openDay(l, 31);
    expect(closeStatement(l, 31, 40, policy, true)).not.toBeNull();
    expect(dueBy(l, 31).due).toBe(balance(l));
    expect(openDay(l, 33)).toEqual([{ dueDay: 29, outcome: "missed" }]);
    expect(oldestArrears(l)).toBe(29);
    expectBalanced(l);
  });

  it("a closure in that grace calls the bill in behind the minimum still in it", () => {
    // the minimum due on day 29 missed: arrears from day 29, though the closure states it all due on day 40
    const missed = revolvingIntoOverlap();
    closeStatement(missed, 31, 40, policy, true);
    expect(openDay(missed, 33)).toEqual([{ dueDay: 29, outcome: "missed" }]);
    expect(oldestArrears(missed)).toBe(29);
    // met: the bill revolves, and the rest is due in full on day 40 — missed there when left unpaid
    const met = revolvingIntoOverlap();
    repay(met, minimumDue(met), 29);
    const owed = balance(met);
    expect(closeStatement(met, 31, 40, policy, true)!.minimum).toBe(owed);
    expect(openDay(met, 33)).toEqual([{ dueDay: 29, outcome: "revolved" }]);
    expect(dueBy(met, 40).minimum).toBe(owed);
    expect(openDay(met, 44)).toEqual([{ dueDay: 40, outcome: "missed" }]);
    expect(oldestArrears(met)).toBe(40);
    expectBalanced(met);
  });

  it("through the engine: a closed line's bill unpaid by its last grace day is missed there, not a month on", () => {
    // statement on the 1st, due on the 28th, 5 grace days; suspended for a policy change on 17 April,
    // closed on 17 May: the ¥720 left is called in, due on 28 May (day 148) — the closed line's statement
    // on 1 June comes in its grace days
    const t = run(
      [
        on.open(0, 4_000),
        on.purchase(95, 800),
        on.policy(100, { set: { requireVerified: true } }),
        on.repay(125, "minimum"),
      ],
      {
        until: 200,
        profile: { verified: false },
        policy: testPolicy({
          dueDayOfMonth: 28,
          reviewDayOfMonth: 17,
          graceDays: 5,
          closeAfterSuspendedDays: 28,
        }),
      },
    );
    expect(t.steps.find((x) => x.day === 137 && x.decision !== null)?.decision).toBe("closed");
    expect(stepsOf(t, "statement", 137)[0]?.event).toMatchObject({ closing: true, minimum: 72_000 });
    expect(stepsOf(t, "statement", 152)).toHaveLength(1);
    const overdue = stepsOf(t, "overdue");
    expect(overdue[0]).toMatchObject({ day: 154, event: { line: "huabei", overdueDays: 6 } });
  });

  it("what was paid beyond the minimum in that grace counts once towards the queued cycle", () => {
    // a 60 % minimum: ¥1,000 stated on day 0, due day 9, met with ¥600; the day-11 statement queues 60 %
    // of the ¥400 left (¥240, due day 20); ¥200 more paid in the grace leaves ¥40 of that minimum to pay
    const high = { minRepaymentRate: 0.6, graceDays: 3, ...rates };
    const l = newRevolving();
    purchase(l, 100_000, 0, null);
    closeStatement(l, 0, 9, high);
    repay(l, 60_000, 5);
    expect(closeStatement(l, 11, 20, high)!.minimum).toBe(24_000);
    repay(l, 20_000, 11);
    expect(minimumDue(l)).toBe(4_000);
    expect(openDay(l, 13)).toEqual([{ dueDay: 9, outcome: "revolved" }]);
    // the cycle started asks the same: not its minimum capped at what is owed, less the ¥200 again
    expect(minimumDue(l)).toBe(4_000);
    expect(dueBy(l, 20).minimum).toBe(4_000);
    repay(l, 3_999, 18);
    expect(openDay(l, 24)).toEqual([{ dueDay: 20, outcome: "missed" }]);
    expectBalanced(l);
  });
});

describe("the repayment order", () => {
  it("pays arrears first, then each cycle's minimum, then the rest oldest first, then unbilled, then instalments", () => {
    const l = oneBill(100_000); // bill A, due 9
    openDay(l, 13); // A in arrears: 100,000 + 150 penalty
    purchase(l, 50_000, 20, null);
    accrue(l, 29);
    closeStatement(l, 30, 39, policy); // bill B: 50,000, minimum 5,000
    purchase(l, 7_000, 31, null); // unbilled
    purchase(l, 30_000, 31, { term: 3, fee: 750 }); // an instalment plan, nothing billed yet
    const [a, b] = l.bills;
    const arrears = overdueAmount(l);
    repay(l, arrears + 4_000, 32);
    expect(a!.state).toBe("settled");
    expect(b!.principalPaid).toBe(4_000);
    // the minimum of B before the rest of B: 1,000 more meets it, then 45,000 settles it, then unbilled
    repay(l, 1_000 + 45_000 + 2_000, 33);
    expect(b!.state).toBe("settled");
    expect(l.unbilled).toBe(5_000);
    expect(l.plans[0]!.unbilled).toBe(30_000);
    // an early settlement of the plan: its fees not yet billed are not charged
    expect(repay(l, 1_000_000, 34)).toBe(5_000 + 30_000);
    expect(l.plans).toEqual([]);
    expect(balance(l)).toBe(0);
    expectBalanced(l);
  });

  it("keeps a bill in arrears at the start of the day first all day, though a repayment left it within the tolerance", () => {
    // bill A (due 9) in arrears since day 13; bill B stated on day 30, due 39, minimum ¥50.00; tolerance ¥10
    const tolerance = 1_000;
    const ledger = (): Revolving => {
      const l = oneBill(100_000);
      openDay(l, 13);
      purchase(l, 50_000, 20, null);
      accrue(l, 29);
      closeStatement(l, 30, 39, policy);
      accrue(l, 31);
      return l;
    };
    const arrears = overdueAmount(ledger());
    // in one: ¥5.00 left of A, within the tolerance; nothing of B's minimum paid
    const one = ledger();
    repay(one, arrears - 500, 32, tolerance);
    // in two: the first leaves ¥10.00 of A, within the tolerance; the second still goes to A, not to B
    const two = ledger();
    repay(two, arrears - 1_000, 32, tolerance);
    repay(two, 500, 32, tolerance);
    expect(two).toEqual(one);
    const [a, b] = two.bills;
    expect(a!.principal + a!.charges - a!.principalPaid - a!.chargesPaid).toBe(500);
    expect(b!.principalPaid).toBe(0);
    // B's minimum, unpaid, is missed when its grace ends, either way
    expect(openDay(two, 43)).toEqual([{ dueDay: 39, outcome: "missed" }]);
    // the next day the tolerated bill is one among the others: B's minimum before A's rest
    repay(one, 2_000, 33, tolerance);
    expect(one.bills[1]!.principalPaid).toBe(2_000);
  });

  it("is capped at the balance", () => {
    const l = oneBill(10_000);
    purchase(l, 300, 1, null);
    expect(repay(l, 1_000_000, 5)).toBe(10_300);
    expect(repay(l, 500, 6)).toBe(0);
    expect(l.repayments).toBe(10_300);
  });
});

describe("instalment plans (分期)", () => {
  it("bill one instalment and its fee a statement, due in full; a missed one is overdue on its own", () => {
    // ¥1,200 in 3 instalments at a 2.5 % fee (¥30): ¥400 + ¥10 fee a statement
    const l = newRevolving();
    purchase(l, 120_000, 0, { term: 3, fee: 3_000 });
    expect(balance(l)).toBe(120_000);
    expect(closeStatement(l, 0, 9, policy)).toEqual({
      billed: 40_000,
      instalments: 40_000,
      fees: 1_000,
      carried: 0,
      carriedCharges: 0,
      overdue: 0,
      minimum: 41_000,
      toTerm: 0,
    });
    expect(balance(l)).toBe(121_000);
    // the instalment is missed: only it is overdue, the ¥800 not yet billed is not
    openDay(l, 13);
    expect(overdueAmount(l)).toBe(41_000 + 60);
    expect(l.plans[0]!.unbilled).toBe(80_000);
    repay(l, overdueAmount(l), 14);
    accrue(l, 29);
    expect(closeStatement(l, 30, 39, policy)?.instalments).toBe(40_000);
    expect(closeStatement(l, 60, 69, policy)).toMatchObject({ instalments: 40_000, fees: 1_000 });
    expect(l.plans).toEqual([]);
    expect(l.fees).toBe(3_000);
    expectBalanced(l);
  });
});

describe("closure and write-off", () => {
  /** A line about to close on day 20: a revolving bill of ¥900, ¥200 bought outright and ¥300 in 6
   *  instalments, charged through day 19. */
  const closingLine = () => {
    const l = oneBill(100_000);
    repay(l, 10_000, 5);
    openDay(l, 13); // revolving ¥900
    purchase(l, 20_000, 14, null);
    purchase(l, 30_000, 14, { term: 6, fee: 1_350 });
    accrue(l, 19);
    return l;
  };

  it("a closing statement bills everything owed, due in full", () => {
    const l = closingLine();
    const owed = balance(l);
    const bill = closeStatement(l, 20, 39, policy, true)!;
    expect(bill).toMatchObject({ billed: 20_000 + 30_000, instalments: 30_000, fees: 0 });
    expect(bill.minimum).toBe(owed);
    expect(minimumDue(l)).toBe(owed);
  });

  it("a closure for policy leaves the plans to run to term: called in, what is billed; then one instalment a month", () => {
    const l = closingLine();
    const owed = balance(l);
    // the closing statement: the purchases and the revolving bill, due in full; no instalment billed
    const closing = closeStatement(l, 20, 39, policy, true, "none")!;
    expect(closing).toMatchObject({ billed: 20_000, instalments: 0, fees: 0, toTerm: 30_000 });
    expect(closing.minimum).toBe(owed - 30_000);
    expect(statedBy(l, 20)).toBe(owed - 30_000);
    // what it billed falls due on its due day; the plans, not yet billed, on the next statement's
    expect(owedAhead(l, 20)).toEqual({ first: 39, last: 39, unstated: true, unbilled: true, rest: null });
    expect(runningToTerm(l)).toEqual({ instalment: 5_000 + 225, statements: 6 });
    repay(l, closing.minimum, 30);
    // the next statement of the closed line: one instalment and its fee, due in full
    const month = closeStatement(l, 31, 39 + 29, policy, true, "instalment")!;
    expect(month).toMatchObject({ billed: 5_000, instalments: 5_000, fees: 225, toTerm: 25_000 });
    expect(month.minimum).toBe(5_225);
    // what the closure stated is repaid: nothing it called in is owed, though the plan is
    expect(statedBy(l, 20)).toBe(0);
    expect(runningToTerm(l).statements).toBe(5);
    expectBalanced(l);
  });

  it("a bill in its grace days met at its minimum: what it still owes the next statement bills", () => {
    // ¥1,000 due on day 9 (grace to day 12), its ¥100 minimum met on day 5: on day 10 the ¥900 left is
    // neither due ahead nor past due — it revolves, and the next statement bills it
    const l = oneBill(100_000);
    repay(l, 10_000, 5);
    openDay(l, 10);
    expect(minimumDue(l)).toBe(0);
    // billed once already: the rest of the bill due on day 9, not a purchase not yet billed
    expect(owedAhead(l, 10)).toEqual({ first: null, last: null, unstated: true, unbilled: false, rest: 9 });
    // all of it due in its grace days (a closing bill, nothing paid): nothing beyond it is left to bill
    const closing = newRevolving();
    purchase(closing, 100_000, 0, null);
    closeStatement(closing, 0, 9, policy, true);
    openDay(closing, 10);
    expect(owedAhead(closing, 10)).toEqual({
      first: null,
      last: null,
      unstated: false,
      unbilled: false,
      rest: null,
    });
  });

  it("a write-off books the balance as a loss, stops the charges, and leaves the debt owed", () => {
    const l = oneBill(100_000);
    openDay(l, 13);
    accrue(l, 200);
    const owed = balance(l);
    expect(writeOff(l)).toBe(owed);
    expect(l.writtenOff).toBe(owed);
    accrue(l, 400);
    expect(balance(l)).toBe(owed);
    expect(repay(l, 10_000, 401)).toBe(10_000);
    expectBalanced(l);
  });
});

describe("nextLedgerDay", () => {
  it("names the day a cycle's grace ends", () => {
    const l = oneBill(10_000);
    expect(nextLedgerDay(l, 0)).toBe(13);
    openDay(l, 13);
    expect(nextLedgerDay(l, 13)).toBe(Number.POSITIVE_INFINITY);
  });
});

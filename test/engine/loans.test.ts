// The Jiebei ledger by hand: equal-principal instalments with daily interest, paying ahead, a missed
// instalment on its own, early repayment in part and in full, acceleration. Worked figures in comments.

import { describe, expect, it } from "vitest";
import {
  accelerate,
  accrue,
  amountDue,
  balance,
  charges,
  decideInstalments,
  draw,
  dueInGrace,
  fallDue,
  type LoanBook,
  newLoanBook,
  nextLoanDay,
  oldestArrears,
  overdueAmount,
  repay,
} from "../../src/engine/loans.js";
import type { StepEvent } from "../../src/engine/types.js";
import { DEFAULT_POLICY, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

const RATE = 0.0004; // 0.04 % a day
const PENALTY = 0.0006; // 1.5 × the rate
const rates = { interest: RATE, penalty: PENALTY };
const GRACE = 3;

// ¥3,000 over 3 months drawn on day 14 (2024-01-15): due on days 45, 74 and 105 (the 15th of Feb–Apr)
const DUE = [45, 74, 105];

function loan(): LoanBook {
  const b = newLoanBook();
  draw(b, 14, 300_000, 3, [...DUE], rates);
  b.chargedThrough = 13;
  return b;
}

function expectBalanced(b: LoanBook): void {
  expect(balance(b)).toBe(b.drawn - b.repayments + charges(b) - b.waived);
}

/** Time passes to `day`: interest through the day before, instalments falling due, graces ending. */
function openDay(b: LoanBook, day: number) {
  accrue(b, day - 1);
  const dues = fallDue(b, day, GRACE);
  return { dues, decided: decideInstalments(b, day, { tolerance: 0 }) };
}

describe("instalments", () => {
  it("repay the principal in equal parts with the interest accrued since the last due day", () => {
    const b = loan();
    // days 14…44: 31 days × ¥3,000 × 0.04 % = 31 × 120 fen = 3,720 fen
    const { dues } = openDay(b, 45);
    expect(dues).toEqual([{ dueDay: 45, due: 100_000 + 3_720 }]);
    expect(amountDue(b, 45, 74)).toBe(103_720);
    repay(b, 103_720, 45);
    expect(openDay(b, 49).decided).toEqual([{ dueDay: 45, outcome: "paid", waived: 0 }]);
    // days 45…73 on ¥2,000: 29 × 80 fen
    expect(openDay(b, 74).dues).toEqual([{ dueDay: 74, due: 100_000 + 29 * 80 }]);
    expectBalanced(b);
  });

  it("a repayment made before the due day is held for the instalment and pays it on the day", () => {
    const b = loan();
    accrue(b, 39);
    // on day 40: ¥1,000 + interest to day 44 (31 days × 120 fen), all of it held
    const due = amountDue(b, 40, 69);
    expect(due).toBe(100_000 + 3_720);
    repay(b, due, 40);
    expect(b.loans[0]!.held).toBe(100_000 + 3_720 - 26 * 120); // interest to day 39 paid at once
    const { dues } = openDay(b, 45);
    expect(dues).toEqual([{ dueDay: 45, due: 0 }]);
    expect(openDay(b, 49).decided).toEqual([{ dueDay: 45, outcome: "paid", waived: 0 }]);
    expect(b.penalties).toBe(0);
    expectBalanced(b);
  });

  it("an instalment's principal bears interest in its grace days: with the next, or asked with the last", () => {
    const b = loan();
    openDay(b, 45);
    // repaid on day 48, its last grace day, at the amount it fell due: paid; its ¥1,000 bore days 45…47
    expect(openDay(b, 48).decided).toEqual([]);
    repay(b, 103_720, 48);
    expect(openDay(b, 49).decided).toEqual([{ dueDay: 45, outcome: "paid", waived: 0 }]);
    expect(openDay(b, 74).dues).toEqual([{ dueDay: 74, due: 100_000 + 29 * 80 + 3 * 40 }]);
    repay(b, 102_440, 74);
    // the last (days 74…104 on ¥1,000), with no due day after it to carry anything to: what it bears in its
    // grace is asked with it, and paying what is due ends the loan
    expect(openDay(b, 105).dues).toEqual([{ dueDay: 105, due: 100_000 + 31 * 40 }]);
    openDay(b, 108);
    expect(dueInGrace(b)).toBe(100_000 + 31 * 40 + 3 * 40);
    expect(amountDue(b, 108, 138)).toBe(dueInGrace(b));
    // it is part of that instalment: repaid at the amount it fell due, the ¥1.20 left is a remainder with
    // no due day to go to, missed as any would be (a loan drawn in the engine has one, a month later)
    const short = structuredClone(b);
    repay(short, 101_240, 108);
    expect(openDay(short, 109).decided).toEqual([{ dueDay: 105, outcome: "missed", waived: 0 }]);
    repay(b, dueInGrace(b), 108);
    expect(openDay(b, 109).decided).toEqual([{ dueDay: 105, outcome: "paid", waived: 0 }]);
    expect(b.loans).toEqual([]);
    expectBalanced(b);
  });

  it("a missed instalment goes into arrears on its own, at the penalty rate charged back to the day after the due day", () => {
    const b = loan();
    openDay(b, 45);
    expect(openDay(b, 48).decided).toEqual([]);
    expect(openDay(b, 49).decided).toEqual([{ dueDay: 45, outcome: "missed", waived: 0 }]);
    expect(oldestArrears(b)).toBe(45);
    // the instalment (¥1,000 + ¥37.20 interest), the interest its ¥1,000 bore until the grace ended (days
    // 45…48, 4 × 40 fen), and from the day after the due day the penalty instead: its excess over the
    // interest, 3 grace days × ¥1,000 × (0.06 − 0.04) %
    expect(overdueAmount(b)).toBe(103_720 + 4 * 40 + 3 * 20);
    // the later instalments are not due: the outstanding ¥2,000 bears interest, not the penalty
    expect(b.loans[0]!.outstanding).toBe(200_000);
    accrue(b, 59);
    // days 46…59 at 0.06 % in all: the excess for 46…48, the penalty itself for 49…59
    expect(b.penalties).toBe(3 * 20 + 60 * (59 - 48));
    // repaying the arrears clears them; the next instalment falls due as scheduled
    repay(b, overdueAmount(b), 60);
    expect(oldestArrears(b)).toBeNull();
    expect(openDay(b, 74).dues[0]!.dueDay).toBe(74);
    expectBalanced(b);
  });

  it("days past due count from the oldest missed instalment still unpaid: repaid, the next one missed dates them", () => {
    const b = loan();
    openDay(b, 45);
    expect(openDay(b, 49).decided).toEqual([{ dueDay: 45, outcome: "missed", waived: 0 }]);
    openDay(b, 74);
    expect(openDay(b, 78).decided).toEqual([{ dueDay: 74, outcome: "missed", waived: 0 }]);
    expect(oldestArrears(b)).toBe(45);
    // one instalment behind: all the charges and the first missed instalment's ¥1,000 repaid, the second's
    // ¥1,000 still owed — overdue since its due day, 74, not since 45 (charges are paid first, so what is
    // left is the later principal)
    repay(b, overdueAmount(b) - 100_000, 78);
    expect(overdueAmount(b)).toBe(100_000);
    expect(oldestArrears(b)).toBe(74);
    // part of the oldest principal repaid moves nothing; the charges it bears first are repaid first
    const part = loan();
    openDay(part, 45);
    openDay(part, 49);
    openDay(part, 74);
    openDay(part, 78);
    repay(part, overdueAmount(part) - 150_000, 78);
    expect(oldestArrears(part)).toBe(45);
    repay(part, 150_000, 78);
    expect(oldestArrears(part)).toBeNull();
    expectBalanced(b);
  });

  it("an early repayment in part lowers the instalments to come; in full it ends the loan", () => {
    const b = loan();
    accrue(b, 19);
    // on day 20: interest to date 6 × 120 = 720; then the coming instalment is held — as it will fall due
    // once this repayment has lowered the principal — and the rest repays principal at once
    repay(b, 200_000, 20);
    const l = b.loans[0]!;
    // principal left P and held H with H = ⌊P / 3⌋ + 25 days' interest on P (days 20…44) and
    // P = 300,000 − (199,280 − H): P = 153,379 fen, H = 51,126 + 1,533 = 52,659 fen. Holding the
    // instalment of the ¥3,000 before the repayment (¥1,030.00) would keep ¥330.57 more than falls due
    // waiting, and bearing interest, until day 45.
    expect(l.outstanding).toBe(153_379);
    expect(l.held).toBe(52_659);
    expect(l.held).toBe(Math.floor(l.outstanding / 3) + 1_533);
    const { dues } = openDay(b, 45);
    expect(dues[0]!.due).toBe(0);
    // the instalment took what was held, and nothing was held beyond it
    expect(b.loans[0]!.held).toBe(0);
    expect(b.loans[0]!.outstanding).toBe(153_379 - 51_126);
    expect(charges(b)).toBe(720 + 1_533);
    // what is left is spread over the two instalments left
    const left = b.loans[0]!.outstanding;
    expect(openDay(b, 74).dues[0]!.due).toBeGreaterThanOrEqual(Math.floor(left / 2));
    repay(b, balance(b), 75);
    expect(balance(b)).toBe(0);
    // the instalment of day 74 is recorded as paid when its grace ends; then the loan is done
    expect(openDay(b, 78).decided).toEqual([{ dueDay: 74, outcome: "paid", waived: 0 }]);
    expect(b.loans).toEqual([]);
    expect(nextLoanDay(b, 78)).toBe(Number.POSITIVE_INFINITY);
    expectBalanced(b);
  });

  it("acceleration makes the next instalment the last: all the principal falls due then", () => {
    const b = loan();
    openDay(b, 20);
    accelerate(b);
    const { dues } = openDay(b, 45);
    expect(dues[0]!.due).toBe(300_000 + 31 * 120);
    expect(nextLoanDay(b, 45)).toBe(49);
  });

  it("a loan called in and left unpaid misses a due date on each day an instalment would have fallen due", () => {
    const b = loan();
    openDay(b, 20);
    accelerate(b);
    expect(openDay(b, 45).dues).toHaveLength(1);
    expect(openDay(b, 49).decided).toEqual([{ dueDay: 45, outcome: "missed", waived: 0 }]);
    // called in again (a charge-off after the closure): the days of the first calling-in are kept
    accelerate(b);
    // the days its instalments would have had, 74 and 105, are visited, and each one's grace end: in
    // arrears then, a due date missed, as the instalment left to run would have been
    expect(nextLoanDay(b, 49)).toBe(74);
    expect(openDay(b, 74).dues).toEqual([]);
    expect(nextLoanDay(b, 74)).toBe(78);
    expect(openDay(b, 78).decided).toEqual([{ dueDay: 74, outcome: "missed", waived: 0 }]);
    expect(nextLoanDay(b, 78)).toBe(105);
    openDay(b, 105);
    // repaid within the grace of day 105: the loan is gone, nothing more to record
    repay(b, balance(b), 107);
    expect(b.loans).toEqual([]);
    expect(openDay(b, 109).decided).toEqual([]);
    expect(nextLoanDay(b, 109)).toBe(Number.POSITIVE_INFINITY);
    expectBalanced(b);
  });

  it("money held for a loan's last instalment that covers its principal settles it: a repayment split in two is the same", () => {
    // two loans, every instalment paid on its due day, until only the last of each is left: the second
    // loan's due on day 91, the first's on day 105
    const twoLoans = (): LoanBook => {
      const b = newLoanBook();
      draw(b, 0, 60_000, 3, [45, 74, 105], rates);
      draw(b, 0, 30_000, 3, [31, 60, 91], rates);
      b.chargedThrough = -1;
      for (const day of [31, 35, 45, 49, 60, 64, 74, 78]) {
        openDay(b, day);
        if (dueInGrace(b) > 0) repay(b, dueInGrace(b), day);
      }
      accrue(b, 84);
      return b;
    };
    const whole = twoLoans();
    const owed = balance(whole);
    repay(whole, owed, 85);
    expect(whole.loans).toEqual([]);
    // the first part meets the second loan's interest so far and its principal, not the interest it would
    // bear until day 91: held for that instalment, it covers all the loan's principal — settled at once, as
    // the whole repayment settles it, and the second part repays the rest
    const split = twoLoans();
    const second = split.loans[1]!;
    const first = second.interest + second.outstanding;
    repay(split, first, 85);
    expect(split.loans).toHaveLength(1);
    repay(split, owed - first, 85);
    expect(split.loans).toEqual([]);
    expect(split.repayments).toBe(whole.repayments);
    expect(split.interest).toBe(whole.interest);
    // nothing falls due on day 91, nothing is missed when its grace ends
    expect(openDay(split, 91).dues).toEqual([]);
    expect(openDay(split, 95).decided).toEqual([]);
    expectBalanced(split);
  });
});

describe("the tolerance at a due date", () => {
  const TOLERANCE = 1_000;
  /** `n` loans of `fen` each over 3 months, drawn together: one due date of the line, days 45, 74, 105. */
  function loans(n: number, fen: number): LoanBook {
    const b = newLoanBook();
    for (let i = 0; i < n; i++) draw(b, 14, fen, 3, [...DUE], rates, 134);
    b.chargedThrough = 13;
    return b;
  }
  const decide = (b: LoanBook, day: number) => {
    accrue(b, day - 1);
    fallDue(b, day, GRACE);
    return decideInstalments(b, day, { tolerance: TOLERANCE });
  };

  it("is of the due date, not of each loan: loans drawn together are not a tolerance each", () => {
    // three loans of ¥15.00: instalments of ¥5.00 and a few fen each, wholly unpaid — each within ¥10,
    // together ¥15 and more: the due date is missed
    const three = loans(3, 1_500);
    expect(decide(three, 49)).toEqual([{ dueDay: 45, outcome: "missed", waived: 0 }]);
    expect(overdueAmount(three)).toBeGreaterThan(TOLERANCE);
    // one of them alone: its ¥5.00 and a few fen, wholly unpaid, is not missed but carried to day 74
    const one = loans(1, 1_500);
    expect(decide(one, 49)).toEqual([{ dueDay: 45, outcome: "paid", waived: 0 }]);
    expect(overdueAmount(one)).toBe(0);
    expect(balance(one)).toBeGreaterThan(1_500);
    expectBalanced(one);
  });

  it("unpaid still after the spare due day, the remainder is waived: off the balance, each fen accounted for", () => {
    // ¥9.00: instalments of ¥3.00 and a few fen, each carried to the next, the whole within ¥10
    const b = loans(1, 900);
    for (const day of [49, 78, 109]) expect(decide(b, day)[0]?.outcome).toBe("paid");
    // everything carried to the spare due day (134), unpaid when its grace ends (day 138): waived
    const owed = balance(b);
    expect(owed).toBeGreaterThan(900);
    expect(nextLoanDay(b, 109)).toBe(134);
    const decided = decide(b, 138);
    expect(decided).toEqual([{ dueDay: 134, outcome: "paid", waived: expect.any(Number) }]);
    expect(decided[0]!.waived).toBeGreaterThanOrEqual(owed);
    expect(b.waived).toBe(decided[0]!.waived);
    expect(b.loans).toEqual([]);
    expect(balance(b)).toBe(0);
    expectBalanced(b);
  });
});

describe("Jiebei in a simulation", () => {
  it("a loan repaid in full owes nothing after: the fractions of a fen its interest left are not a fen later", () => {
    // ¥2,000 over 3 months drawn on day 40, due on day 69; repaid in full on day 70, in that instalment's
    // grace, and the line closed the next day. The fractions of a fen the instalment's ¥666.67 bore in its
    // grace (26.667 fen a day) and the rest's once made a fen at the grace's end: ¥0.01 owed on a line
    // closed "with nothing owed", called in, blocking a reopening (BALANCE_OUTSTANDING), waived months on
    const t = run(
      [
        on.open(1, 10_000, "jiebei"),
        on.borrow(40, 2_000, 3),
        on.repay(70, "full", "jiebei"),
        on.close(71, "jiebei"),
        on.open(100, 10_000, "jiebei"),
      ],
      { until: 170 },
    );
    expect(stepOn(t, "repay", 70).jiebei.balance).toBe(0);
    expect(stepOn(t, "close", 71)).toMatchObject({ decision: "closed", line: "jiebei" });
    for (const s of t.steps.filter((s) => s.day >= 70)) expect(s.jiebei.balance).toBe(0);
    expect(stepsOf(t, "waiver")).toEqual([]);
    expect(stepOn(t, "apply", 100)).toMatchObject({ decision: "approved", line: "jiebei" });
  });

  it("a drawdown, its instalments and a repayment of what is due keep the books", () => {
    const t = run([
      on.open(0, 10_000, "jiebei"),
      on.borrow(14, 3_000, 3),
      on.repay(44, "minimum", "jiebei"),
      on.repay(73, "minimum", "jiebei"),
      on.repay(104, "minimum", "jiebei"),
    ]);
    expect(stepOn(t, "borrow", 14)).toMatchObject({ decision: "approved", line: "jiebei" });
    expect(stepsOf(t, "overdue")).toEqual([]);
    expect(t.final.jiebei.balance).toBe(0);
    // 31 days on ¥3,000, 29 on ¥2,000; the last repayment (day 104) settles the loan a day early: 30 on ¥1,000
    expect(t.final.jiebei.charges).toBe(31 * 120 + 29 * 80 + 30 * 40);
    for (const s of t.steps)
      expect(s.jiebei.balance).toBe(s.jiebei.purchases - s.jiebei.repayments + s.jiebei.charges);
  });

  it("interest accrued since a prepayment is paid from it, not twice: 'minimum' every time is never late", () => {
    const t = run(
      [
        on.open(0, 50_000, "jiebei"),
        on.borrow(10, 6_000, 3),
        on.borrow(20, 12_000, 12),
        on.repay(41, "minimum", "jiebei"),
        on.repay(70, "minimum", "jiebei"),
        on.repay(72, "minimum", "jiebei"),
        on.repay(85, "minimum", "jiebei"),
      ],
      { policy: DEFAULT_POLICY, profile: { monthlyIncome: 30_000, creditHistoryMonths: 60 }, until: 130 },
    );
    expect(stepsOf(t, "overdue")).toEqual([]);
    for (const s of t.steps)
      expect(s.jiebei.balance, `day ${s.day}`).toBe(
        s.jiebei.purchases - s.jiebei.repayments + s.jiebei.charges,
      );
  });

  it("a prepayment made in an instalment's grace holds the fen its grace's fractions make: nothing is left to fall due", () => {
    // ¥1,000 over 12 months drawn on day 2: the first instalment falls due on day 33 and is paid in its grace
    // (day 35), the next prepaid the same day with a second 'minimum'. The interest the principal due bore
    // in the grace days leaves a fraction of a fen that, joined to the loan's own at the grace's end, made a
    // fen of the next instalment's interest: held short of it, ¥0.01 fell due on day 62 and, with no
    // tolerance, was missed — an overdue of one fen for a customer who paid every amount asked
    const events = [
      on.open(0, 30_000, "jiebei"),
      on.borrow(2, 1_000, 12),
      on.repay(35, "minimum", "jiebei"),
      on.repay(35, "minimum", "jiebei"),
    ];
    const t = run(events, { policy: testPolicy({ toleranceAmount: 0 }), until: 92 });
    expect(stepsOf(t, "due").map((s) => [s.day, s.event.due])).toEqual([[33, 9573]]);
    expect(stepsOf(t, "overdue")).toEqual([]);
  });

  it("'minimum' pays what falls due within the month, not an instalment due after it", () => {
    // drawn on 31 January (day 30): due on 29 February (day 59), then 31 March (day 90)
    const events = [on.open(0, 30_000, "jiebei"), on.borrow(30, 3_000, 3), on.repay(59, "minimum", "jiebei")];
    const options = { policy: DEFAULT_POLICY, profile: { monthlyIncome: 20_000 }, until: 62 };
    const once = run(events, options);
    const first = stepOn(once, "repay", 59);
    expect(first.applied).toBeGreaterThan(0);
    // a second 'minimum' on the due day: 31 March is after 29 March, the cycle's end — nothing is due
    const twice = run([...events, on.repay(59, "minimum", "jiebei")], options);
    expect(stepsOf(twice, "repay", 59).map((s) => s.applied)).toEqual([first.applied, 0]);
    // from 1 March the March instalment falls due within the month
    const later = run([...events, on.repay(60, "minimum", "jiebei")], options);
    expect(stepOn(later, "repay", 60).applied).toBeGreaterThan(0);
  });

  it("with two loans, money held for coming instalments meets the nearest due day first", () => {
    // loan 1 falls due on the 6th (days 36, 65, 96), loan 2 on the 21st (days 51, 80, 111)
    const base = [
      on.open(0, 10_000),
      on.open(0, 30_000, "jiebei"),
      on.borrow(5, 3_000, 3),
      on.borrow(20, 6_000, 3),
    ];
    const policy = DEFAULT_POLICY;
    const profile = { monthlyIncome: 20_000, creditHistoryMonths: 60 };
    // "minimum" on loan 1's due day is what is due: loan 1's instalment and loan 2's coming one
    const minimum = run([...base, on.repay(36, "minimum", "jiebei")], { policy, profile, until: 64 });
    expect(stepsOf(minimum, "overdue")).toEqual([]);
    // loan 2's instalment paid six days early, to the fen: it goes to loan 2 (day 51), not loan 1 (day 65)
    const exact = run([...base, on.repay(36, 1_037.2, "jiebei"), on.repay(51, 2_074.4, "jiebei")], {
      policy,
      profile,
      until: 64,
    });
    expect(stepsOf(exact, "overdue")).toEqual([]);
    const early = run([...base, on.repay(36, 1_037.2, "jiebei"), on.repay(45, 2_074.4, "jiebei")], {
      policy,
      profile,
      until: 64,
    });
    expect(stepsOf(early, "overdue")).toEqual([]);
    expect(early.final.score).toBeGreaterThanOrEqual(exact.final.score);
  });

  it("a suspension for the other line's overdue names that line's amount and its own days past due", () => {
    // Huabei's bill (due day 40) is a day further behind than Jiebei's instalment (due day 41)
    const t = run(
      [on.open(0, 8_000), on.open(0, 30_000, "jiebei"), on.borrow(10, 12_000, 6), on.purchase(12, 1_000)],
      { policy: DEFAULT_POLICY, until: 75 },
    );
    const overdue = stepsOf(t, "overdue").filter((s) => s.decision === "suspended");
    expect(overdue.map((s) => s.line).sort()).toEqual(["huabei", "jiebei"]);
    for (const s of overdue) {
      const e = s.event as Extract<StepEvent, { type: "overdue" }>;
      // both rows cite Huabei, the line that reached the trigger: its amount with its days, never mixed
      expect(e.line).toBe("huabei");
      expect(e.overdue).toBe(s.overdue);
      expect(e.overdueDays).toBe(s.overdueDays);
      expect(s.jiebei.overdueDays).toBe(e.overdueDays - 1);
    }
  });

  it("an overdue Huabei bill blocks a Jiebei drawdown, naming the other line", () => {
    const t = run(
      [on.open(0, 5_000), on.open(0, 10_000, "jiebei"), on.purchase(1, 100), on.borrow(45, 1_000, 3)],
      {
        policy: testPolicy(),
      },
    );
    const s = stepOn(t, "borrow", 45);
    expect(s.decision).toBe("declined");
    expect(s.reasons[0]).toBe("OVERDUE_OUTSTANDING");
    expect(s.facts[0]).toMatchObject({ code: "OVERDUE_OUTSTANDING", line: "huabei" });
  });

  it("no cash is lent for jiebeiDrawCleanDays after a missed due date, counted from its arrears paid", () => {
    // Huabei's bill due on day 40 is missed and repaid on day 46
    const events = [
      on.open(0, 5_000),
      on.open(0, 10_000, "jiebei"),
      on.purchase(1, 1_000),
      on.repay(46, "full"),
      on.borrow(47, 5_000, 3),
      on.borrow(75, 5_000, 3),
      on.borrow(76, 5_000, 3),
    ];
    const t = run(events, { policy: testPolicy({ jiebeiDrawCleanDays: 30 }) });
    expect(stepOn(t, "borrow", 47).decision).toBe("declined");
    expect(stepOn(t, "borrow", 47).reasons[0]).toBe("RECENT_MISSED_PAYMENT");
    expect(stepOn(t, "borrow", 47).facts[0]).toMatchObject({
      parameter: "jiebeiDrawCleanDays",
      threshold: 30,
      value: 1,
    });
    expect(stepOn(t, "borrow", 75).decision).toBe("declined");
    expect(stepOn(t, "borrow", 76).decision).toBe("approved");
    // customer service says when cash is lent again
    const asked = run([...events.slice(0, 5), on.support(48)], {
      policy: testPolicy({ jiebeiDrawCleanDays: 30 }),
    });
    expect(stepOn(asked, "contact_support", 48).remedies).toContainEqual(
      expect.objectContaining({ line: "jiebei", kind: "wait_to_draw", day: 76, wait: 30 }),
    );
    // a policy without the wait lends at once
    expect(
      stepOn(run(events, { policy: testPolicy({ jiebeiDrawCleanDays: 0 }) }), "borrow", 47).decision,
    ).toBe("approved");
  });

  it("a customer who clears the arrears later never draws cash sooner than one who cleared them early", () => {
    // the same bill, due on day 40, missed by both: one pays it on day 46, the other on day 66, 26 days
    // past due; counted from the due date alone the late payer could draw the line out on day 70
    const policy = testPolicy({ jiebeiDrawCleanDays: 30 });
    const drawFrom = (repaid: number) => {
      const events = [
        on.open(0, 5_000),
        on.open(0, 10_000, "jiebei"),
        on.purchase(1, 1_000),
        on.repay(repaid, "full"),
      ];
      const days = [70, 75, 76, 95, 96];
      const t = run([...events, ...days.map((d) => on.borrow(d, 500, 3))], { policy });
      return days.find((d) => stepOn(t, "borrow", d).decision === "approved");
    };
    expect(drawFrom(46)).toBe(76);
    expect(drawFrom(66)).toBe(96);
  });
});

describe("Jiebei's available credit", () => {
  it("is the limit less the principal owed: interest accrued does not use the limit, as on Jiebei's own page", () => {
    // ¥9,500 of a ¥10,000 line drawn on day 1; by day 20, 19 days of interest (¥3.80 a day) are owed.
    // The ¥500 left is a loan of its own (jiebeiMinDrawdown ¥500): it once read ¥427.80 and declined it
    const t = run(
      [
        on.open(0, 10_000, "jiebei"),
        on.borrow(1, 9_500, 3),
        on.borrow(20, 500, 3),
        on.repay(25, 1_000, "jiebei"),
        on.borrow(26, 1_000, 3),
      ],
      { policy: DEFAULT_POLICY, profile: { monthlyIncome: 20_000, creditHistoryMonths: 60 }, until: 30 },
    );
    const first = stepOn(t, "borrow", 1);
    expect(first.jiebei.available).toBe(50_000);
    const second = stepOn(t, "borrow", 20);
    expect(second).toMatchObject({ decision: "approved", line: "jiebei" });
    expect(second.jiebei.balance).toBe(1_000_000 + 19 * 380);
    expect(second.jiebei.available).toBe(0);
    // ¥1,000 paid ahead is held for the older loan's coming instalment: its interest so far (24 days) first,
    // the rest its principal — that much of the limit is free again
    const repaid = stepOn(t, "repay", 25);
    expect(repaid.jiebei.available).toBe(100_000 - 24 * 380);
    expect(stepOn(t, "borrow", 26)).toMatchObject({ decision: "declined", reasons: ["OVER_LIMIT"] });
    // the money kept: balance = drawn − repaid + charges, whatever available reads
    for (const s of t.steps)
      expect(s.jiebei.balance).toBe(
        s.jiebei.purchases - s.jiebei.repayments + s.jiebei.charges - s.jiebei.waived,
      );
  });
});

// Seen ahead, on a day before it comes: the instalments still to come, and the remainders within the
// tolerance a grace's end will waive — read on copies of the loans, the book never changed.

import { chargesAhead, dailyCharges } from "../accrual.js";
import type { Fen } from "../types.js";
import { arrearsWaived } from "./arrears-waiver.js";
import { type Loan, type LoanBook, loanBalance } from "./book.js";
import { carriedTo, carryRemainder, joinCarry, waive } from "./carry.js";
import { dueNow, nextAsking, projectedInstalment } from "./instalment.js";
import { tolerated } from "./tolerance.js";

/** The instalments still to come after `day`, as they stand: the next due day that asks something, what
 *  falls due on it (every loan's instalment then, less what is held for it), and the last due day. Null
 *  when none is to come. With a `tolerance`, an instalment in its grace repaid but a remainder within it is
 *  read as the end of its grace leaves it (asCarried): the remainder falls due later, and is part of what
 *  is to come — with the next instalment, or after the last on a due day of its own. */
export function comingInstalments(
  b: LoanBook,
  day: number,
  accrues: boolean,
  tolerance: Fen = 0,
): { day: number; amount: Fen; lastDay: number } | null {
  let last = Number.NEGATIVE_INFINITY;
  const asking: { day: number; amount: Fen }[] = [];
  for (const loan of b.loans) {
    const carried = asCarried(b, loan, day, accrues, tolerance);
    const l = carried?.loan ?? loan;
    // no principal left may still leave interest to ask on a due day of its own (what the last instalment
    // bore in its grace days, repaid at the amount it fell due)
    if (l.outstanding + l.interest + l.graceInterest === 0) continue;
    last = Math.max(last, l.dueDays[l.dueDays.length - 1] ?? Number.NEGATIVE_INFINITY);
    const n = nextAsking(l, carried?.from ?? day, accrues);
    if (n !== null) asking.push(n);
  }
  if (asking.length === 0) return null;
  const next = Math.min(...asking.map((a) => a.day));
  const amount = asking.reduce((sum, a) => sum + (a.day === next ? a.amount : 0), 0);
  return { day: next, amount, lastDay: last };
}

/** Each loan's next instalment still to come after `day` (read as comingInstalments reads them): its due
 *  days in order, each with how many loans' instalments fall due on it. */
export function comingDueDays(
  b: LoanBook,
  day: number,
  accrues: boolean,
  tolerance: Fen = 0,
): { day: number; loans: number }[] {
  const days = new Map<number, number>();
  for (const loan of b.loans) {
    const carried = asCarried(b, loan, day, accrues, tolerance);
    const l = carried?.loan ?? loan;
    if (l.outstanding + l.interest + l.graceInterest === 0) continue;
    const n = nextAsking(l, carried?.from ?? day, accrues);
    if (n !== null) days.set(n.day, (days.get(n.day) ?? 0) + 1);
  }
  return [...days].map(([d, loans]) => ({ day: d, loans })).sort((x, y) => x.day - y.day);
}

/** The remainders within the tolerance waived when a grace ends unless paid first (decideInstalment): the
 *  first day that happens, and what is owed then — loans with no due day after the one they wait for (their
 *  last, the spare one used), in arrears or not (that grace's end waives what a loan owes beyond its
 *  arrears), and all the loans of that due date asking at most `tolerance`: one in its grace, as it stands
 *  (nothing more falls due on it); one whose remainder was carried to that due day, as it will fall due
 *  (with its interest until then, at its loan's rate). With them, the arrears that day's end then waives
 *  (arrearsAfterGraces: their penalties to that day at their loans' rates); before them, arrears this day's end
 *  waives (arrearsWaived): today, what they owe. Null: none. */
export function waiverAhead(
  b: LoanBook,
  day: number,
  graceDays: number,
  tolerance: Fen,
): { day: number; amount: Fen } | null {
  if (tolerance <= 0) return null;
  // arrears within it that no due day is left to carry: this day's end waives them (waiveArrears)
  const arrears = arrearsWaived(b, day, tolerance);
  let first: { day: number; amount: Fen } | null = arrears > 0 ? { day, amount: arrears } : null;
  // the loans whose remainders the first day's grace ends waive
  let graces: Loan[] = [];
  for (const l of b.loans) {
    let on: number;
    let amount: Fen;
    if (l.dueDay !== null && l.overdueFrom !== null) {
      if (carriedTo(l, l.overdueFrom) !== null || !tolerated(b, l.dueDay, tolerance, { day, accrues: true }))
        continue;
      on = l.overdueFrom;
      amount = waivedAtGraceEnd(b, l, day);
    } else {
      // carried to a due day of its own after the last instalment, the spare one used
      if (
        l.dueDay !== null ||
        l.next !== l.dueDays.length - 1 ||
        l.spareDue !== null ||
        l.calledDays.length > 0
      )
        continue;
      on = l.dueDays[l.next]! + graceDays + 1;
      amount = waivedAtGraceEnd(b, fallenDue(b, l, day, on), l.dueDays[l.next]!);
      // what that grace's end will find unpaid of its due date: this remainder as it waives it (its grace
      // days' interest and the fen their fractions make counted), the other loans' instalments then as they
      // fall due
      let asked = amount;
      for (const k of b.loans)
        if (k !== l && k.dueDays[k.next] === l.dueDays[l.next]) asked += projectedInstalment(k, day, true);
      if (amount <= 0 || asked > tolerance) continue;
    }
    if (first === null || on < first.day) {
      first = { day: on, amount };
      graces = [l];
    } else if (on === first.day) {
      first.amount += amount;
      graces.push(l);
    }
  }
  if (first !== null && first.day > day)
    first.amount += arrearsAfterGraces(b, day, first.day, graces, tolerance);
  return first;
}

/** What the end of day `on` (after `day`, the first a grace's end waives remainders: those of `graces`,
 *  waiverAhead) then waives of arrears (waiveArrears), seen on `day`: every loan in arrears then with no due
 *  day left to carry them to — one of `graces` (its grace's end waived all it owes beyond its arrears), or
 *  one past its last due day already, with no instalment in its grace — and all they owe together then at
 *  most `tolerance`: their arrears with the penalty their principal bears until then (its loan's; the day's
 *  own charges are accrued at its close, after), and, one not of `graces`, the rest it owes (loanBalance).
 *  0: none, or a loan in arrears with a due day still to come or a grace not ended. */
function arrearsAfterGraces(
  b: LoanBook,
  day: number,
  on: number,
  graces: readonly Loan[],
  tolerance: Fen,
): Fen {
  if (!b.accruing) return 0;
  let total = 0;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    if (graces.includes(l)) total += l.arrearsPrincipal + l.arrearsCharges;
    else if (l.dueDay === null && l.next >= l.dueDays.length && carriedTo(l, on) === null)
      total += loanBalance(l);
    else return 0;
    total += chargesAhead(l.penaltyCarry, l.arrearsPrincipal, l.penaltyRate, on - day);
  }
  return total <= tolerance ? total : 0;
}

/** What the end of the grace of `l`'s instalment now due finds it owing with no due day left to carry it to
 *  — what it waives (waive) — seen on `day` (before its close): the interest the grace days still to come
 *  add (accrue), and a fen the fractions of its grace make (joinCarry), counted. */
function waivedAtGraceEnd(b: LoanBook, l: Loan, day: number): Fen {
  const c: Loan = { ...l, carry: { ...l.carry }, dueCarry: { ...l.dueCarry } };
  const r = b.accruing ? l.rate : 0;
  const days = Math.max(0, (c.overdueFrom ?? day) - day);
  c.interest += dailyCharges(c.carry, c.outstanding, r, days);
  c.dueInterest += dailyCharges(c.dueCarry, c.duePrincipal, r, days);
  joinCarry(c, b.accruing);
  return c.duePrincipal + c.dueInterest + c.graceInterest + c.interest;
}

/** `l`'s last instalment as it falls due on its due day, seen on `day` before it (fallDue): the interest to
 *  that day accrued, the principal and interest due, what is held for them taken; its grace's end from
 *  `graceEnd`. */
function fallenDue(b: LoanBook, l: Loan, day: number, graceEnd: number): Loan {
  const c: Loan = { ...l, carry: { ...l.carry }, dueCarry: { ...l.dueCarry } };
  const due = c.dueDays[c.next]!;
  c.interest += dailyCharges(c.carry, c.outstanding, b.accruing ? l.rate : 0, due - day);
  c.duePrincipal += c.outstanding;
  c.outstanding = 0;
  c.dueInterest += c.interest;
  c.interest = 0;
  const fromHeld = (owed: Fen): Fen => {
    const part = Math.min(c.held, owed);
    c.held -= part;
    return part;
  };
  c.dueInterest -= fromHeld(c.dueInterest);
  c.duePrincipal -= fromHeld(c.duePrincipal);
  c.next++;
  c.dueDay = due;
  c.overdueFrom = graceEnd;
  return c;
}

/** `l` as the end of its instalment's grace leaves it when that instalment is repaid but a remainder within
 *  `tolerance` (tolerated): a copy with the grace days still to come charged (`day`: today, its charges
 *  not yet accrued — a day's accrue at its close) and the remainder carried, as decideInstalment does
 *  (joinCarry, carryRemainder) — not due now, nor missed, but owed with what falls due next; `from`: the
 *  day it stands on, the grace's end. Null: no such remainder. */
function asCarried(
  b: LoanBook,
  l: Loan,
  day: number,
  accrues: boolean,
  tolerance: Fen,
): { loan: Loan; from: number } | null {
  const end = l.overdueFrom;
  if (
    end === null ||
    l.dueDay === null ||
    dueNow(l) === 0 ||
    !tolerated(b, l.dueDay, tolerance, { day, accrues })
  )
    return null;
  const c: Loan = { ...l, carry: { ...l.carry }, dueCarry: { ...l.dueCarry } };
  const r = b.accruing && accrues ? l.rate : 0;
  const days = Math.max(0, end - day);
  c.interest += dailyCharges(c.carry, c.outstanding, r, days);
  c.graceInterest += dailyCharges(c.dueCarry, c.duePrincipal, r, days);
  joinCarry(c, b.accruing);
  // carryRemainder sets the copy's own fields (a new dueDays list, never the original's); with no due day
  // to carry it to, the remainder is waived
  if (carriedTo(c, end) === null) waive(c);
  else carryRemainder(c, end);
  return { loan: c, from: end };
}

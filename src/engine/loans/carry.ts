// What a grace's end carries: a remainder within the tolerance to a later due day (carriedTo, carryTo), or
// waived when none is left; and a loan's fractions of a fen joined or dropped.

import type { Fen } from "../types.js";
import type { Loan } from "./book.js";

/** A settled loan's fractions of a fen, dropped (repay). */
export function endCarries(l: Loan): void {
  l.carry.milli = 0;
  l.dueCarry.milli = 0;
  l.penaltyCarry.milli = 0;
}

/** The fraction of a fen the principal due bore in its grace joins the loan's interest carry (a whole fen
 *  made of the two is the loan's interest, due with its next instalment): the loan is charged its rate on
 *  all the principal it was lent, not a fraction short each grace. Returns the fen added to the loan's
 *  interest (none on a book not `accruing`), for the book's total: a copy's (asCarried) is not counted. */
export function joinCarry(l: Loan, accruing: boolean): Fen {
  const milli = l.carry.milli + l.dueCarry.milli;
  l.dueCarry.milli = 0;
  l.carry.milli = milli % 1000;
  if (milli < 1000 || !accruing) return 0;
  l.interest += 1;
  return 1;
}

/** What `l` still owes beyond its arrears once no due day is left to carry it to — the remainder of the
 *  instalment now due, with the interest it bore (its principal is all due: none is left to come) — is
 *  waived. Returns the amount, off the loan's balance. */
export function waive(l: Loan): Fen {
  const amount = l.duePrincipal + l.dueInterest + l.graceInterest + l.interest;
  l.duePrincipal = 0;
  l.dueInterest = 0;
  l.graceInterest = 0;
  l.interest = 0;
  return amount;
}

/** The due day a remainder within the tolerance falls due on: the loan's next instalment's — after the
 *  last, the next day a called-in loan's would have fallen due, or the spare due day a month later; none
 *  after `day`, null (then it is missed, as any remainder is). */
export function carriedTo(l: Loan, day: number): number | null {
  // each read on every call, as the day's accrual it is inlined in makes it (docs/performance.md,
  // "optimised once")
  const called = l.calledDays[0];
  const spare = l.spareDue;
  const to = l.next < l.dueDays.length ? l.dueDays[l.next]! : (called ?? spare);
  return to !== null && to > day ? to : null;
}

/** What is carried falls due on `to`: after the loan's last instalment, a due day of its own. */
export function carryTo(l: Loan, to: number): void {
  if (l.next < l.dueDays.length) return;
  l.dueDays = [...l.dueDays, to];
  if (to === l.spareDue) l.spareDue = null;
}

/** The remainder of an instalment repaid within the tolerance stays owed, not due: its principal (which
 *  bore interest in the grace days, as all principal not repaid does) is principal not yet due again, and
 *  its interest falls due with the loan's next instalment (after the last, both on the day `carriedTo`
 *  names). */
export function carryRemainder(l: Loan, day: number): void {
  carryTo(l, carriedTo(l, day)!);
  l.outstanding += l.duePrincipal;
  l.interest += l.dueInterest + l.graceInterest;
  l.duePrincipal = 0;
  l.dueInterest = 0;
  l.graceInterest = 0;
}

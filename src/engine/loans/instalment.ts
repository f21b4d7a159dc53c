// A loan's instalment as it stands: what is due now, its next due day, and the coming instalment projected
// to its due day (equal principal, interest to the day).

import { chargesAhead, chargesAheadFrom, newCarry } from "../accrual.js";
import type { Fen } from "../types.js";
import type { Loan } from "./book.js";

/** The instalment now due, unpaid — and, when no instalment falls due after it (its loan's last, or one
 *  called in), the interest its principal bore since its due day: nothing after it would ask that, so
 *  paying what is due settles the loan. (Repaid at the amount it fell due, it is not missed for it: that
 *  interest falls due on a due day of its own, as a remainder does.) */
export function dueNow(l: Loan): Fen {
  return l.duePrincipal + l.dueInterest + (l.next >= l.dueDays.length ? l.graceInterest : 0);
}

/** A loan's next due day not yet reached (none left: never). */
export const nextDue = (l: Loan): number =>
  l.next < l.dueDays.length ? l.dueDays[l.next]! : Number.POSITIVE_INFINITY;

/** The coming instalment of a loan as it stands on `day`: principal part and interest to its due day — the
 *  fen the fractions of an instalment's grace make when that grace ends before it (joinCarry) counted: it
 *  is the loan's interest then, asked with this instalment (held short of it, a prepayment left that fen to
 *  fall due, and to be missed). The principal now due is read as repaid today (a repayment meets it before
 *  it holds anything; customer service asks it paid beside what is to come): its fraction grows no more. */
export function projectedInstalment(l: Loan, day: number, accrues: boolean): Fen {
  const rate = accrues ? l.rate : 0;
  const due = l.dueDays[l.next];
  if (due === undefined) return 0;
  const left = l.dueDays.length - l.next;
  const principal = left <= 1 ? l.outstanding : Math.floor(l.outstanding / left);
  const joins = l.overdueFrom !== null && l.overdueFrom < due;
  const milli = joins ? l.carry.milli + l.dueCarry.milli : l.carry.milli;
  return principal + l.interest + l.graceInterest + chargesAheadFrom(milli, l.outstanding, rate, due - day);
}

/** A loan's first instalment still asking something on `day`, as it stands: its due day and amount. One
 *  paid ahead in full asks nothing, so the one after it is the loan's next ("the next ¥0.00" is no date
 *  to pay by): its principal part and the interest on what is left from the coming due day to its own. */
export function nextAsking(l: Loan, day: number, accrues: boolean): { day: number; amount: Fen } | null {
  const due = l.dueDays[l.next];
  if (due === undefined) return null;
  const coming = projectedInstalment(l, day, accrues) - l.held;
  if (coming > 0) return { day: due, amount: coming };
  const after = l.dueDays[l.next + 1];
  if (after === undefined) return null;
  const left = l.dueDays.length - l.next;
  const outstanding = l.outstanding - Math.floor(l.outstanding / left);
  const principal = left - 1 <= 1 ? outstanding : Math.floor(outstanding / (left - 1));
  return {
    day: after,
    amount: principal + chargesAhead(newCarry(), outstanding, accrues ? l.rate : 0, after - due),
  };
}

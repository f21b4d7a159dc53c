// What the book asks and when: what falls due on a day, what is due in its grace, Jiebei's minimum, and the
// next day anything falls due or a grace ends.

import type { Fen } from "../types.js";
import type { LoanBook } from "./book.js";
import { dueNow, nextDue, projectedInstalment } from "./instalment.js";
import { type Ahead, tolerated } from "./tolerance.js";

/** The instalments falling due on `day` (its due day reached: what the scheduler made due), principal and
 *  interest unpaid — what that day's due notice asks. */
export function dueOn(b: LoanBook, day: number): Fen {
  let total = 0;
  for (const l of b.loans) if (l.dueDay === day) total += l.duePrincipal + l.dueInterest;
  return total;
}

/** Of what falls due on `day` (dueOn), the interest: the instalments' interest since the previous due day,
 *  unpaid. */
export function dueInterestOn(b: LoanBook, day: number): Fen {
  let total = 0;
  for (const l of b.loans) if (l.dueDay === day) total += l.dueInterest;
  return total;
}

/** Instalments past their due day and still in their grace: principal and interest unpaid (a loan's last
 *  with the interest it bore since: `dueNow`) — but, with a `tolerance`, none of a due date whose unpaid
 *  amount the end of its grace will carry or waive rather than find missed. */
export function dueInGrace(b: LoanBook, tolerance: Fen = 0, ahead: Ahead | null = null): Fen {
  let total = 0;
  for (const l of b.loans)
    if (l.dueDay !== null && !tolerated(b, l.dueDay, tolerance, ahead)) total += dueNow(l);
  return total;
}

/** The last day a repayment of the instalments due in their grace days (as `dueInGrace` counts them)
 *  still counts as on time: the earliest end of grace among them; null when none is due. */
export function graceLastDay(
  b: LoanBook,
  day: number,
  tolerance: Fen = 0,
  accrues = false,
  only: number | null = null,
): number | null {
  let last: number | null = null;
  for (const l of b.loans) {
    // `only`: the instalments due on that day alone (the earlier ones read paid by their own last day)
    if (only !== null && l.dueDay !== only) continue;
    if (l.dueDay === null || l.overdueFrom === null || l.overdueFrom <= day) continue;
    if (tolerated(b, l.dueDay, tolerance, { day, accrues }) || dueNow(l) <= 0) continue;
    if (last === null || l.overdueFrom - 1 < last) last = l.overdueFrom - 1;
  }
  return last;
}

/** The due day of the instalment whose grace `graceLastDay` ends (the earliest end of grace among those
 *  due in their grace days): what its days past due count from, once missed; null when none is due. */
export function graceDueDay(b: LoanBook, day: number, tolerance: Fen = 0, accrues = false): number | null {
  let last: number | null = null;
  let due: number | null = null;
  for (const l of b.loans) {
    if (l.dueDay === null || l.overdueFrom === null || l.overdueFrom <= day) continue;
    if (tolerated(b, l.dueDay, tolerance, { day, accrues }) || dueNow(l) <= 0) continue;
    if (last === null || l.overdueFrom - 1 < last) {
      last = l.overdueFrom - 1;
      due = l.dueDay;
    }
  }
  return due;
}

/** Whether a repayment on `next` pays an instalment falling due that day before one now due on `day`: a loan
 *  falling due on `next` comes, in the book's order (oldest first, the repayment order), before a loan owing
 *  an instalment due on `day`. A younger loan's due day takes nothing from an older one's instalment. */
export function fallsDueFirst(b: LoanBook, day: number, next: number): boolean {
  let nextSeen = false;
  for (const l of b.loans) {
    if (nextSeen && l.dueDay === day && l.duePrincipal + l.dueInterest > 0) return true;
    if (nextDue(l) === next) nextSeen = true;
  }
  return false;
}

/**
 * What is due now (Jiebei's minimum): arrears, instalments within their grace, and each loan's coming
 * instalment not yet covered when it falls due in the current cycle — before `cycleEnd`, the same day
 * next month. An instalment due later is not due yet, as a card's next bill is not part of its minimum.
 */
export function amountDue(b: LoanBook, day: number, cycleEnd: number): Fen {
  let total = 0;
  for (const l of b.loans) {
    total += l.arrearsPrincipal + l.arrearsCharges + dueNow(l);
    // the due day compared only when there is one (a loan past its last as infinitely far, a number no
    // small integer, was met only after this was optimised: docs/performance.md, "optimised once")
    if (l.duePrincipal + l.dueInterest === 0 && l.next < l.dueDays.length && l.dueDays[l.next]! < cycleEnd)
      total += Math.max(0, projectedInstalment(l, day, true) - l.held);
  }
  return total;
}

/** The next day after `day` on which an instalment falls due or its grace ends — or, on a loan called in,
 *  one of its instalments would have, or that day's grace ends; or, on a loan in arrears past its last due
 *  day, its spare due day (from its end no due day is left to carry them to: waiveArrears). */
export function nextLoanDay(b: LoanBook, day: number): number {
  let next = Infinity;
  for (const l of b.loans) {
    // (read within the list, as fallDue does)
    if (l.next < l.dueDays.length && l.dueDays[l.next]! > day) next = Math.min(next, l.dueDays[l.next]!);
    if (l.overdueFrom !== null && l.overdueFrom > day) next = Math.min(next, l.overdueFrom);
    const called = l.calledDays[0];
    if (called !== undefined && called > day) next = Math.min(next, called);
    if (l.calledFrom !== null && l.calledFrom > day) next = Math.min(next, l.calledFrom);
    // arrears past the last due day: the spare one is the last a repayment could carry them to; from its
    // end none is left, and within the tolerance they are waived then (arrearsWaived)
    const spare = l.spareDue;
    if (
      spare !== null &&
      spare > day &&
      l.next >= l.dueDays.length && // no due day left in its list
      called === undefined &&
      l.arrearsSince !== null
    )
      next = Math.min(next, spare);
  }
  return next;
}

// Whether a due date of the line is within the tolerance: what the end of its grace finds unpaid, seen now
// or ahead.

import { chargesAhead, dailyCharges } from "../accrual.js";
import type { Fen } from "../types.js";
import type { Loan, LoanBook } from "./book.js";
import { carriedTo } from "./carry.js";
import { dueNow } from "./instalment.js";

/** The due date `dueDay` of the line (every loan falling due that day, as one due date) has something
 *  unpaid, but within the tolerance: as the convention has it, an unpaid part of at most the tolerance after
 *  the due date counts as repaid in full — whether or not anything was paid toward it (as a Huabei bill
 *  whose unpaid minimum is within it is not overdue). Measured on what is asked now (`dueNow`) — with
 *  `ahead`, as the end of the grace will ask it; the instalments of a due date are summed, so a draw split
 *  into many small loans is not many tolerances. None on a book written off: a charge-off is final, what
 *  is repaid after it a recovery, and a shortfall of a due date after it (a called-in instalment's) is
 *  missed, as arrears within the tolerance stay in arrears (tolerateArrears, arrearsWaived). */
export function tolerated(b: LoanBook, dueDay: number, tolerance: Fen, ahead: Ahead | null = null): boolean {
  if (!b.accruing) return false;
  let unpaid = 0;
  for (const l of b.loans) if (l.dueDay === dueDay) unpaid += askedAtGraceEnd(b, l, ahead);
  return unpaid > 0 && unpaid <= tolerance;
}

/** What the end of the grace of `l`'s instalment now due finds unpaid of it: what is asked now (`dueNow`),
 *  with `ahead` the interest the grace days still to come add (graceAhead) — and, when no due day is left
 *  to carry it to, everything else the loan still owes beyond its arrears, which that end waives or puts in
 *  arrears with it: its interest not yet due and the fen the fractions of its grace make (joinCarry). Every
 *  fen it will owe is counted before the tolerance is: a waiver is never more than the tolerance. */
function askedAtGraceEnd(b: LoanBook, l: Loan, ahead: Ahead | null): Fen {
  const asked = dueNow(l) + graceAhead(b, l, ahead);
  if (l.overdueFrom === null || carriedTo(l, l.overdueFrom) !== null) return asked;
  return asked + l.interest + fenJoined(b, l, ahead);
}

/** The fen the fractions of `l`'s grace will make when it ends (joinCarry), seen `ahead` or as they stand. */
function fenJoined(b: LoanBook, l: Loan, ahead: Ahead | null): Fen {
  if (!b.accruing) return 0;
  const due = { ...l.dueCarry };
  if (ahead !== null && l.overdueFrom !== null)
    dailyCharges(due, l.duePrincipal, ahead.accrues ? l.rate : 0, l.overdueFrom - ahead.day);
  return l.carry.milli + due.milli >= 1000 ? 1 : 0;
}

/** Seen on `day` (before its close), the loans bearing their interest (`accrues`) or none: what is asked is
 *  read as the end of the grace will ask it. */
export interface Ahead {
  day: number;
  accrues: boolean;
}

/** The interest `l`'s principal due will bear in the grace days still to come from `ahead.day` that its
 *  instalment asks with itself (its loan's last, or one with no due day after it to carry it to: accrue) —
 *  what the end of the grace reads as unpaid beyond today's `dueNow`, so a remainder today within the
 *  tolerance that those days take past it is not told as carried (the grace's end finds it missed). */
function graceAhead(b: LoanBook, l: Loan, ahead: Ahead | null): Fen {
  if (ahead === null || !b.accruing || l.overdueFrom === null) return 0;
  if (l.next < l.dueDays.length && carriedTo(l, ahead.day) !== null) return 0;
  return chargesAhead(l.dueCarry, l.duePrincipal, ahead.accrues ? l.rate : 0, l.overdueFrom - ahead.day);
}

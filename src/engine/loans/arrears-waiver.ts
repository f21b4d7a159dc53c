// Arrears within the tolerance with no due day left to carry them to, waived at the day's end.

import type { Fen } from "../types.js";
import { done, type LoanBook, loanBalance } from "./book.js";
import { carriedTo, endCarries } from "./carry.js";

/** What the day's end (`day`, before its charges) waives of arrears within the tolerance that no due day is
 *  left to carry (waiveArrears): every loan in arrears past its last due day (its spare one too, and any a
 *  called-in loan would have had), with no instalment in its grace (that grace's end decides it first), and
 *  all they owe together — arrears, and the interest not yet due beside them — at most `tolerance`: summed,
 *  as the tolerance is of a due date's loans together and a repayment's of the book's arrears, never one
 *  tolerance a loan. 0: nothing (none in arrears; one with a due day left, which a repayment carries to;
 *  more than the tolerance; no tolerance; a book written off, whose charge-off is final). */
export function arrearsWaived(b: LoanBook, day: number, tolerance: Fen): Fen {
  if (tolerance <= 0 || !b.accruing) return 0;
  let total = 0;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    if (l.dueDay !== null || carriedTo(l, day) !== null) return 0;
    total += loanBalance(l);
  }
  return total <= tolerance ? total : 0;
}

/**
 * Arrears within the tolerance with no due day left to carry them to are waived at the day's end
 * (arrearsWaived): as the convention has it, an unpaid part of at most the tolerance after the due date
 * counts as repaid, and after a loan's last due day nothing would ever ask it again but a collector. The
 * loans close; the fractions of a fen their charges left end with them, as a payoff's do. Returns the
 * amount, off the balance (`waived`, as a remainder's waiver).
 */
export function waiveArrears(b: LoanBook, day: number, tolerance: Fen): Fen {
  const amount = arrearsWaived(b, day, tolerance);
  if (amount === 0) return 0;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    // all it owes (loanBalance): its arrears, and the interest not yet due beside them
    l.arrearsPrincipal = 0;
    l.arrearsCharges = 0;
    l.arrearsSince = null;
    l.missed = [];
    l.outstanding = 0;
    l.interest = 0;
    l.duePrincipal = 0;
    l.dueInterest = 0;
    l.graceInterest = 0;
    l.held = 0;
    endCarries(l);
  }
  b.waived += amount;
  b.loans = b.loans.filter((l) => !done(l));
  return amount;
}

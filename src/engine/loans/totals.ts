// What the book owes, summed over its loans: balance, charges, principal, arrears, and what it will owe by a
// later day.

import { chargesAhead, newCarry } from "../accrual.js";
import type { Fen } from "../types.js";
import { type LoanBook, loanBalance } from "./book.js";

export const charges = (b: LoanBook): Fen => b.interest + b.penalties;

/** The charges (interest, penalties) accrued and not yet repaid: interest not yet due beyond what is held
 *  for it (a prepayment pays it first), interest due and unpaid, and the charges in arrears. */
export function chargesUnpaid(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans)
    total += Math.max(0, l.interest - l.held) + l.dueInterest + l.graceInterest + l.arrearsCharges;
  return total;
}

export function balance(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans) total += loanBalance(l);
  return total;
}

/** The principal owed — drawn and not yet repaid, what of it is due or in arrears too, less what a
 *  prepayment holds beyond the coming instalment's interest (it repays principal on the due day): the credit
 *  the loans use of the line's limit. Interest and penalties are owed, not credit drawn (availableCredit). */
export function principalOwed(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans)
    total += l.outstanding + l.duePrincipal + l.arrearsPrincipal - Math.max(0, l.held - l.interest);
  return total;
}

export function overdueAmount(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans) total += l.arrearsPrincipal + l.arrearsCharges;
  return total;
}

/** What the book will owe at the end of day `through` with a loan of `drawn` taken today and nothing repaid
 *  meanwhile: today's balance, the new loan, and the interest every loan's principal (the new one's too, at
 *  `rate`, the others at their own) bears until then — the balance a month-end report on `through` shows. */
export function owedThrough(b: LoanBook, drawn: Fen, through: number, rate: number): Fen {
  const days = through - b.chargedThrough;
  let total = balance(b) + drawn;
  if (!b.accruing) return total;
  for (const l of b.loans)
    total +=
      chargesAhead(l.carry, l.outstanding, l.rate, days) +
      chargesAhead(l.dueCarry, l.duePrincipal, l.rate, days);
  return total + chargesAhead(newCarry(), drawn, rate, days);
}

/** The penalty rate an instalment falling due on `dueDay` bears if it is missed: its loan's, agreed when
 *  it was drawn (the highest of the loans falling due then); `otherwise` when none falls due then. */
export function penaltyRateDue(b: LoanBook, dueDay: number, otherwise: number): number {
  let rate: number | null = null;
  for (const l of b.loans)
    if (l.dueDays[l.next] === dueDay || l.dueDay === dueDay) rate = Math.max(rate ?? 0, l.penaltyRate);
  return rate ?? otherwise;
}

export function oldestArrears(b: LoanBook): number | null {
  // compared on every loan in arrears, not only a second one: an operation first met after the code it is
  // inlined in was optimised throws that code away, and this is inlined in most of the day's functions
  // (docs/performance.md, "optimised once")
  let oldest = Number.POSITIVE_INFINITY;
  for (const l of b.loans) if (l.arrearsSince !== null && l.arrearsSince < oldest) oldest = l.arrearsSince;
  return oldest === Number.POSITIVE_INFINITY ? null : oldest;
}

// The Jiebei ledger's records (see ../loans.ts for its rules): a loan, as drawn and as it stands, and the book of
// a customer's loans with its running totals; a new book, a deep copy, and a loan's own balance.

import { type Carry, copyCarry } from "../accrual.js";
import type { Fen } from "../types.js";
import type { LoanTerm } from "../vocabulary.js";

export interface Loan {
  day: number;
  term: LoanTerm;
  principal: Fen;
  /** every instalment's due day; the next one not yet reached is `dueDays[next]` */
  dueDays: number[];
  next: number;
  /** principal not yet due */
  outstanding: Fen;
  /** interest accrued and not yet due */
  interest: Fen;
  /** paid ahead, applied to the coming instalment on its due day */
  held: Fen;
  /** the instalment now due, within its grace: principal and interest unpaid, and its due day */
  duePrincipal: Fen;
  dueInterest: Fen;
  /** interest the principal now due has borne since its due day (it bears interest until repaid), not
   *  yet due: with the next instalment when this one is paid, in arrears with it when it is missed */
  graceInterest: Fen;
  /** its fraction of a fen (one carry per interest-bearing bucket: a day's charges are the same visited
   *  day by day or at once); joins the loan's interest carry when the grace ends */
  dueCarry: Carry;
  dueDay: number | null;
  overdueFrom: number | null;
  /** the due day a month after the last instalment's, for a remainder within the tolerance of the last
   *  (null: none, or used) */
  spareDue: number | null;
  /** arrears a repayment left within the tolerance on day `carriedOn`, carried to principal not yet due and
   *  interest (what of them is still owed): a later repayment that day pays them first, as it would have */
  carriedOn: number | null;
  carriedPrincipal: Fen;
  carriedCharges: Fen;
  /** missed instalments: principal (penalty-bearing) and charges */
  arrearsPrincipal: Fen;
  arrearsCharges: Fen;
  /** the due day of the oldest missed instalment not yet repaid */
  arrearsSince: number | null;
  /** the principal of each missed instalment still unpaid, with its due day, oldest first: a repayment of
   *  the oldest moves the day `arrearsSince` counts from to the next (charges are repaid first, so what is
   *  left is principal). Replaced, never changed in place (copies of a loan share it) */
  missed: readonly { dueDay: number; principal: Fen }[];
  /** called in: the due days its instalments would have had after its last (`accelerate`), not yet reached */
  calledDays: number[];
  /** the last of those reached, and the day its grace ends: still in arrears then, a due date missed */
  calledDay: number | null;
  calledFrom: number | null;
  carry: Carry;
  penaltyCarry: Carry;
  /** the daily rates agreed when it was drawn (LoanRates): interest, and the penalty on missed principal */
  rate: number;
  penaltyRate: number;
}

/** A loan's daily rates, agreed when it is drawn and kept to its end: a policy's new rates apply to loans
 *  drawn after it (a loan's rate is a term of its contract; a change of terms needs notice ahead). */
export interface LoanRates {
  interest: number;
  penalty: number;
}

export interface LoanBook {
  loans: Loan[];
  chargedThrough: number;
  accruing: boolean;
  drawn: Fen;
  repayments: Fen;
  interest: Fen;
  penalties: Fen;
  writtenOff: Fen;
  /** remainders within the tolerance still unpaid when the loan's last due day (its spare one) passed, and
   *  arrears within it with no due day left to carry them to: waived, off the balance (a small-balance
   *  waiver, not a loss on a default) */
  waived: Fen;
}

export const newLoanBook = (): LoanBook => ({
  loans: [],
  chargedThrough: -1,
  accruing: true,
  drawn: 0,
  repayments: 0,
  interest: 0,
  penalties: 0,
  writtenOff: 0,
  waived: 0,
});

/** A deep copy, onto a new book (its hidden class: forkCustomer). */
export function forkLoanBook(b: LoanBook): LoanBook {
  // a literal in the order a drawdown makes a loan, in an array filled by push, as a fork's bills are
  // (revolving.copied): copies made by spreads and `map` had hidden classes of their own
  const copies: Loan[] = [];
  for (const l of b.loans)
    copies.push({
      day: l.day,
      term: l.term,
      principal: l.principal,
      dueDays: [...l.dueDays],
      next: l.next,
      outstanding: l.outstanding,
      interest: l.interest,
      held: l.held,
      duePrincipal: l.duePrincipal,
      dueInterest: l.dueInterest,
      graceInterest: l.graceInterest,
      dueCarry: copyCarry(l.dueCarry),
      dueDay: l.dueDay,
      overdueFrom: l.overdueFrom,
      spareDue: l.spareDue,
      carriedOn: l.carriedOn,
      carriedPrincipal: l.carriedPrincipal,
      carriedCharges: l.carriedCharges,
      arrearsPrincipal: l.arrearsPrincipal,
      arrearsCharges: l.arrearsCharges,
      arrearsSince: l.arrearsSince,
      missed: l.missed,
      calledDays: [...l.calledDays],
      calledDay: l.calledDay,
      calledFrom: l.calledFrom,
      carry: copyCarry(l.carry),
      penaltyCarry: copyCarry(l.penaltyCarry),
      rate: l.rate,
      penaltyRate: l.penaltyRate,
    });
  return Object.assign(newLoanBook(), b, { loans: copies });
}

export function loanBalance(l: Loan): Fen {
  return (
    l.outstanding +
    l.interest +
    l.duePrincipal +
    l.dueInterest +
    l.graceInterest +
    l.arrearsPrincipal +
    l.arrearsCharges -
    l.held
  );
}

/** Repaid, and nothing waits for a decision. */
export const done = (l: Loan): boolean =>
  loanBalance(l) === 0 && l.outstanding === 0 && l.overdueFrom === null;

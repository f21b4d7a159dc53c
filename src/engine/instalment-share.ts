// A Jiebei drawdown against the instalment cap (jiebeiMaxInstalmentToIncome): the share of the monthly
// income a month's instalments would take with the new loan, and — declined — what the same customer could
// borrow instead: the same amount over the shortest longer term that fits, or the most over the same term.

import { chargesAhead, newCarry } from "./accrual.js";
import type { Customer } from "./customer.js";
import * as loans from "./loans.js";
import { FEN_PER_YUAN, wholeFen } from "./money.js";
import type { Fen } from "./types.js";
import { LOAN_TERMS } from "./vocabulary.js";

/** A drawdown's loan as the instalment cap reads it: its term (months) and its first due day. */
export interface DrawnLoan {
  term: number;
  firstDue: number;
}

/** A month's Jiebei instalments if `amount` is lent today over `loan`, as a share of the monthly income:
 *  each loan owed at its coming instalment, and the new one at its first — equal principal, the interest
 *  on all of it to the first due day, its largest. */
export function instalmentToIncomeAfterDraw(c: Customer, amount: Fen, loan: DrawnLoan, day: number): number {
  const rate = c.policy.jiebeiRatePerDay;
  let monthly = Math.floor(amount / loan.term) + chargesAhead(newCarry(), amount, rate, loan.firstDue - day);
  for (const l of c.jiebei.book.loans) monthly += loans.projectedInstalment(l, day, true);
  const income = Math.round(c.profile.monthlyIncome * FEN_PER_YUAN);
  if (income <= 0) return monthly > 0 ? Number.POSITIVE_INFINITY : 0;
  return monthly / income;
}

/** Yuan in whole hundreds, as the fen they are: what a customer is told she may borrow. */
const HUNDRED_YUAN = 100 * FEN_PER_YUAN;

/**
 * A drawdown over the instalment cap, borrowed otherwise: the shortest term longer than the one asked over
 * which the same amount fits (`term`), and the most, in whole hundreds of yuan and at least the smallest
 * drawdown, that fits over the term asked (`amount`) — each absent when none does. "Borrow less or over more
 * months" said with its numbers: the rules judged before the cap (the debt cap, the smallest drawdown, the
 * wait after a missed due date) read neither the term nor a smaller amount against it, so either is lent.
 */
export function fitsInstalmentCap(
  c: Customer,
  amount: Fen,
  loan: DrawnLoan,
  day: number,
): { fitsTerm?: number; fitsAmount?: Fen } {
  const cap = c.policy.jiebeiMaxInstalmentToIncome;
  const fits = (a: Fen, term: number) => instalmentToIncomeAfterDraw(c, a, { ...loan, term }, day) <= cap;
  const term = LOAN_TERMS.find((t) => t > loan.term && fits(amount, t));
  const least = Math.ceil(wholeFen(c.policy.jiebeiMinDrawdown) / HUNDRED_YUAN) * HUNDRED_YUAN;
  // the share grows with the amount: the largest number of hundreds that fits, by halving (lo moves only
  // to a count that fits, so a count above 0 fits)
  let lo = 0;
  let hi = Math.floor((amount - 1) / HUNDRED_YUAN);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid * HUNDRED_YUAN, loan.term)) lo = mid;
    else hi = mid - 1;
  }
  const most = lo * HUNDRED_YUAN;
  return {
    ...(term === undefined ? {} : { fitsTerm: term }),
    ...(most >= least && most > 0 ? { fitsAmount: most } : {}),
  };
}

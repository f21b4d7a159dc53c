// A drawdown: a new loan on the book, its due days and its rates agreed.

import { newCarry } from "../accrual.js";
import type { Fen } from "../types.js";
import type { LoanTerm } from "../vocabulary.js";
import type { LoanBook, LoanRates } from "./book.js";

/** Draws a loan: `dueDays` are its instalments' due days (one per month of the term), `spareDue` the
 *  month's after the last (where a remainder within the tolerance of the last falls due). */
export function draw(
  b: LoanBook,
  day: number,
  amount: Fen,
  term: LoanTerm,
  dueDays: number[],
  rates: LoanRates,
  spareDue: number | null = null,
): void {
  b.drawn += amount;
  b.loans.push({
    day,
    term,
    principal: amount,
    dueDays,
    next: 0,
    outstanding: amount,
    interest: 0,
    held: 0,
    duePrincipal: 0,
    dueInterest: 0,
    graceInterest: 0,
    dueCarry: newCarry(),
    dueDay: null,
    overdueFrom: null,
    spareDue,
    carriedOn: null,
    carriedPrincipal: 0,
    carriedCharges: 0,
    arrearsPrincipal: 0,
    arrearsCharges: 0,
    arrearsSince: null,
    missed: [],
    calledDays: [],
    calledDay: null,
    calledFrom: null,
    carry: newCarry(),
    penaltyCarry: newCarry(),
    rate: rates.interest,
    penaltyRate: rates.penalty,
  });
}

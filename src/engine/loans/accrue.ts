// The daily charges: interest on principal not yet due and on principal due in its grace, the penalty on
// missed principal, each at its loan's own rates.

import { dailyCharges } from "../accrual.js";
import type { LoanBook } from "./book.js";
import { carriedTo } from "./carry.js";

/** Adds the daily charges for days (chargedThrough, through], at each loan's own rates. */
export function accrue(b: LoanBook, through: number): void {
  const from = b.chargedThrough + 1;
  if (through < from) return;
  b.chargedThrough = through;
  if (!b.accruing) return;
  const days = through - from + 1;
  for (const l of b.loans) {
    const i = dailyCharges(l.carry, l.outstanding, l.rate, days);
    l.interest += i;
    b.interest += i;
    // the principal now due bears interest until repaid, its grace days too (the grace waives lateness, not
    // the price of money still borrowed): the next instalment's — asked with this one when no due day
    // follows it to carry it to
    const g = dailyCharges(l.dueCarry, l.duePrincipal, l.rate, days);
    // both written, one with nothing: a branch taken only in a last instalment's grace was met only after
    // the day's functions this is inlined in were optimised (docs/performance.md, "optimised once")
    const dueNow = carriedTo(l, through) === null;
    l.dueInterest += dueNow ? g : 0;
    l.graceInterest += dueNow ? 0 : g;
    b.interest += g;
    const p = dailyCharges(l.penaltyCarry, l.arrearsPrincipal, l.penaltyRate, days);
    l.arrearsCharges += p;
    b.penalties += p;
  }
}

// The month-end report ahead: the balances a coming month end will report if the customer does nothing
// more before it. The reviews read the balances of the last report (score-inputs.ts), so this is what a
// coming review counts: the rest of today's engine inputs and every day up to the month end are run on a
// copy, with the interest, penalties, fees and cycles the engine itself would add or decide.

import { repayLine } from "./apply-verdict.js";
import type { Calendar } from "./calendar.js";
import { type Customer, forkCustomer, lineOf } from "./customer.js";
import { dayCloses, dayOpens } from "./scheduled.js";
import { type EngineState, monthEndAfter, reviewOnOrAfter } from "./state.js";
import type { DebtRepayment, Fen } from "./types.js";
import type { LineId } from "./vocabulary.js";

/** The balances the report on `monthEnd` (a month end on or after `day`) shows, taken during `day`'s
 *  customer events, with nothing more done by the customer until then than `repay` on the lines now. */
export function reportAhead(
  c: Customer,
  day: number,
  calendar: Calendar,
  monthEnd: number,
  repay: readonly DebtRepayment[] = [],
): Record<LineId, Fen> {
  const copy = ranTo(c, day, calendar, monthEnd, repay);
  return { huabei: copy.huabei.reportedBalance, jiebei: copy.jiebei.reportedBalance };
}

/**
 * The customer as the periodic review on or after `day` reads the lines: when a month ends before it, a
 * copy whose lines carry that month end's report as reportAhead projects it (balance, limit) — the debt
 * burden and utilisation the review reads — and the rest of the file as it stands today; otherwise `c`
 * itself (the review reads the report on record).
 */
export function asNextReviewReads(c: Customer, day: number, calendar: Calendar): Customer {
  const monthEnd = monthEndAfter(calendar, day);
  if (monthEnd >= reviewOnOrAfter(calendar, day, c.policy)) return c;
  const ahead = ranTo(c, day, calendar, monthEnd);
  const read = forkCustomer(c);
  for (const id of ["huabei", "jiebei"] as const) {
    const from = lineOf(ahead, id);
    const to = lineOf(read, id);
    to.reportedBalance = from.reportedBalance;
    to.reportedLimit = from.reportedLimit;
    to.reported = from.reported;
  }
  return read;
}

/** A copy of the customer run to the end of `monthEnd`: the rest of today's engine inputs and every day up
 *  to it, with `repay` made on the lines now and nothing else done by the customer. */
function ranTo(
  c: Customer,
  day: number,
  calendar: Calendar,
  monthEnd: number,
  repay: readonly DebtRepayment[] = [],
): Customer {
  const p = c.policy;
  const s: EngineState = {
    calendar,
    customer: forkCustomer(c),
    day,
    // today's statement closed before the customer's events; today's review and month end come after them
    nextStatement: calendar.nextDayOfMonth(day, p.statementDayOfMonth),
    nextReview: reviewOnOrAfter(calendar, day, p),
    nextMonthEnd: monthEndAfter(calendar, day),
    notices: false,
    lane: null,
  };
  const copy = s.customer;
  for (const r of repay) if (r.debt !== "elsewhere") repayLine(copy, lineOf(copy, r.debt), r.amount, day);
  dayCloses(s, ignore);
  for (let d = day + 1; d <= monthEnd; d++) {
    dayOpens(s, d, ignore);
    dayCloses(s, ignore);
  }
  return copy;
}

const ignore = (): void => {};

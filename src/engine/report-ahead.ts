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
  return { huabei: copy.huabei.reportedBalance, jiebei: copy.jiebei.reportedBalance };
}

const ignore = (): void => {};

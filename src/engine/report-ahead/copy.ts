// The engine's state for a copy of the customer, and running its days: what every read ahead starts from
// (see ../report-ahead.ts).

import type { Calendar } from "../calendar.js";
import { type Customer, forkCustomer } from "../customer.js";
import { dayCloses, dayOpens } from "../scheduled.js";
import { type EngineState, monthEndAfter, reviewOnOrAfter } from "../state.js";

/** `s` (its day closed) run to the morning of `until` (opened, not closed), nothing repaid. */
export function toMorningOf(s: EngineState, until: number): void {
  for (let d = s.day + 1; d <= until; d++) {
    dayOpens(s, d, ignore);
    if (d < until) dayCloses(s, ignore);
  }
}

/** An engine state's copy, its customer forked. */
export const forkState = (s: EngineState): EngineState => ({ ...s, customer: forkCustomer(s.customer) });

/** The engine's state for a copy of the customer during `day`'s customer events. */
export function stateOf(c: Customer, day: number, calendar: Calendar): EngineState {
  const p = c.policy;
  return {
    calendar,
    customer: forkCustomer(c),
    day,
    // today's statement closed before the customer's events; today's review and month end come after them
    nextStatement: calendar.nextDayOfMonth(day, p.statementDayOfMonth),
    nextReview: reviewOnOrAfter(calendar, day, p),
    nextMonthEnd: monthEndAfter(calendar, day),
    notices: false,
    answers: false,
    approvals: false,
    answered: null,
    answersWorked: 0,
    lastWorked: null,
    lane: null,
  };
}

export const ignore = (): void => {};

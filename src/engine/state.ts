// The engine's state between two inputs: one customer, the calendar and what is scheduled. Plain data the
// caller owns: `step` changes it in place (a population run steps millions of account-days and cannot copy
// a ledger per input), and `fork` copies it for a caller that wants to keep the state it had (what-if,
// policy variants run in lockstep, the pure `transition`).

import { Calendar } from "./calendar.js";
import { type Customer, forkCustomer, newCustomer } from "./customer.js";
import type { Policy, Profile } from "./types.js";

export interface EngineState {
  readonly calendar: Calendar;
  customer: Customer;
  /** the day inputs are being taken for; −1 before the first day opens */
  day: number;
  /** the next Huabei statement day and periodic review day (they move when a policy event changes them) */
  nextStatement: number;
  nextReview: number;
  /**
   * Report notices, the steps that decide nothing (statement, due, a repayment turning overdue). A trace
   * shows them; a population run, which keeps decisions only, leaves them out and allocates nothing.
   */
  readonly notices: boolean;
}

export interface StateOptions {
  notices?: boolean;
}

export function initialState(
  start: string,
  profile: Profile,
  policy: Policy,
  options: StateOptions = {},
): EngineState {
  const calendar = new Calendar(start);
  return {
    calendar,
    customer: newCustomer(profile, policy),
    day: -1,
    nextStatement: calendar.nextDayOfMonth(-1, policy.statementDayOfMonth),
    nextReview: calendar.nextDayOfMonth(-1, policy.reviewDayOfMonth),
    notices: options.notices ?? true,
  };
}

/** A deep copy: stepping the copy leaves the original as it was. Policies are immutable and shared. */
export function fork(s: EngineState): EngineState {
  return { ...s, customer: forkCustomer(s.customer) };
}

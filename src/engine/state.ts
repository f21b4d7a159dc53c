// The engine's state between two inputs: one customer, the calendar and what is scheduled. Plain data the
// caller owns: `step` changes it in place (a population run steps millions of account-days and cannot copy
// a ledger per input), and `fork` copies it for a caller that wants to keep the state it had (what-if,
// policy variants run in lockstep, the pure `transition`).

import type { StepOutcome } from "./apply-verdict.js";
import { type Calendar, calendarFrom } from "./calendar.js";
import { type Customer, forkCustomer, newCustomer } from "./customer.js";
import type { LoanBook } from "./loans.js";
import * as loans from "./loans.js";
import type { Fen, Policy, Profile, Remedy } from "./types.js";
import type { Verdict } from "./verdict.js";

export interface EngineState {
  readonly calendar: Calendar;
  customer: Customer;
  /** the day inputs are being taken for; −1 before the first day opens */
  day: number;
  /** the next Huabei statement day and periodic review day (they move when a policy event changes them) */
  nextStatement: number;
  nextReview: number;
  /** the next last day of a month (the bureau's month-end snapshot) */
  nextMonthEnd: number;
  /**
   * Report notices, the steps that decide nothing (statement, due, a repayment turning overdue). A trace
   * shows them; a population run, which keeps decisions only, leaves them out and allocates nothing.
   */
  readonly notices: boolean;
  /**
   * Customer service's answers: the reasons, facts and remedies of a `contact_support` step, and the steps
   * a declined early review or a lifted hold comes with. A trace shows them; a population run leaves them
   * out (its agent reacts to decisions alone, its flips compare the lender's) — working one out runs the
   * account ahead to its next report, the dearest thing a customer event does, and a lane would do it once
   * for each of its policies. Without them a call decides nothing, under every policy of a lane alike.
   */
  readonly answers: boolean;
  /**
   * The last `contact_support` answer worked out on this state, and for which customer and day: a call taken
   * with nothing changed since — the same customer (a copy is another), the same day, no other input taken
   * in between (`step` forgets it on any other, and the day's close on its own) — is given that answer
   * again rather than worked out anew, each of which runs the account ahead. Null when there is none to
   * give again.
   */
  answered: { customer: Customer; day: number; verdict: Verdict; remedies: readonly Remedy[] } | null;
  /** the answers worked out so far in this run, and the day of the last (null: none yet): past
   *  SUPPORT_ANSWERS_BOUND, an answer is given without its steps worked out ahead (support/bounded.ts) */
  answersWorked: number;
  lastWorked: number | null;
  /**
   * Approved purchases as steps. A trace shows each one; a population run's agent and recorder read none
   * (a purchase approved changes the line's balance, never its standing or limit), so one that keeps no
   * decision notes takes an approved purchase without making a step of it — most of its steps, each an
   * outcome and a list to allocate and report.
   */
  readonly approvals: boolean;
  /** several policies stepped as this one state while they decide alike (population sweeps, lanes.ts);
   *  null for a state of one policy */
  lane: Lane | null;
}

/**
 * Policies that share one state: they differ in decision rules only (the same ledger mechanics, lanes.ts)
 * and have decided alike so far. Slot 0 is the state's own policy (`customer.policy`); `members` are the
 * caller's names for what each slot stands for (a sweep's variant numbers), carried along unread.
 */
export interface Lane {
  policies: Policy[];
  members: number[][];
  /** states split off during the input being taken: one per group of slots that decided otherwise, with
   *  that input's steps as the group took it */
  splits: Array<{ state: EngineState; steps: readonly StepOutcome[] }>;
}

export interface StateOptions {
  notices?: boolean;
  answers?: boolean;
  approvals?: boolean;
}

export function initialState(
  start: string,
  profile: Profile,
  policy: Policy,
  options: StateOptions = {},
): EngineState {
  const calendar = calendarFrom(start);
  return {
    calendar,
    customer: newCustomer(profile, policy),
    day: -1,
    nextStatement: calendar.nextDayOfMonth(-1, policy.statementDayOfMonth),
    nextReview: calendar.nextDayOfMonth(-1, policy.reviewDayOfMonth),
    nextMonthEnd:
      calendar.nextDayOfMonth(-1, 1) - 1 >= 0
        ? calendar.nextDayOfMonth(-1, 1) - 1
        : monthEndAfter(calendar, 0),
    notices: options.notices ?? true,
    answers: options.answers ?? true,
    approvals: options.approvals ?? true,
    answered: null,
    answersWorked: 0,
    lastWorked: null,
    lane: null,
  };
}

/** What Jiebei asks today (its `minimum` and `statement` alike): the arrears, and the instalments falling
 *  due before the same day next month. */
export const jiebeiDue = (s: EngineState, book: LoanBook): Fen =>
  loans.amountDue(book, s.day, s.calendar.monthAfter(s.day));

/** The last day of a month on or after `day`. */
export function monthEndAfter(calendar: Calendar, day: number): number {
  const first = calendar.nextDayOfMonth(day, 1);
  return first - 1 >= day ? first - 1 : calendar.nextDayOfMonth(first, 1) - 1;
}

/** A loan's due days, `months` of them: monthly on the day of the month it was drawn (clamped to short
 *  months). */
export function loanDueDays(calendar: Calendar, day: number, months: number): number[] {
  const { year, month, day: dom } = calendar.civil(day);
  const out: number[] = [];
  for (let k = 1; k <= months; k++) {
    const m = month - 1 + k;
    out.push(calendar.dayOfMonthIn(year + Math.floor(m / 12), (m % 12) + 1, dom));
  }
  return out;
}

/** The first periodic review on or after `day`: a review comes after the customer's events of its day. */
export const reviewOnOrAfter = (calendar: Calendar, day: number, p: Policy): number =>
  calendar.isDayOfMonth(day, p.reviewDayOfMonth) ? day : calendar.nextDayOfMonth(day, p.reviewDayOfMonth);

/** A deep copy: stepping the copy leaves the original as it was. Policies are immutable and shared; the
 *  copy is a state of its own policy (no lane). */
export function fork(s: EngineState): EngineState {
  return { ...s, customer: forkCustomer(s.customer), lane: null };
}

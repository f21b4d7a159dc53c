// The engine's state between two inputs: one customer's account, the calendar and what is scheduled.
// Plain data the caller owns: `step` changes it in place (a population run steps millions of
// account-days and cannot copy a ledger per input), and `fork` copies it for a caller that wants to keep
// the state it had (what-if, policy variants run in lockstep, the pure `transition`).

import { type Account, newAccount } from "./account.js";
import { Calendar } from "./calendar.js";
import type { Ledger } from "./ledger.js";
import type { Policy, Profile } from "./types.js";

export interface EngineState {
  readonly calendar: Calendar;
  account: Account;
  /** the day inputs are being taken for; −1 before the first day opens */
  day: number;
  /** the next statement day and periodic review day (they move when a policy event changes the calendar) */
  nextStatement: number;
  nextReview: number;
  /**
   * Report notices, the steps that decide nothing (statement, due, a bill turning overdue). A trace shows
   * them; a population run, which keeps decisions only, leaves them out and allocates nothing for them.
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
    account: newAccount(profile, policy),
    day: -1,
    nextStatement: calendar.nextDayOfMonth(-1, policy.statementDayOfMonth),
    nextReview: calendar.nextDayOfMonth(-1, policy.reviewDayOfMonth),
    notices: options.notices ?? true,
  };
}

/** A deep copy: stepping the copy leaves the original as it was. Policies are immutable and shared. */
export function fork(s: EngineState): EngineState {
  const a = s.account;
  return {
    ...s,
    account: {
      ...a,
      ledger: forkLedger(a.ledger),
      profile: { ...a.profile },
      inquiries: [...a.inquiries],
      profileChanges: [...a.profileChanges],
      purchaseDays: [...a.purchaseDays],
      reasonsOnRecord: [...a.reasonsOnRecord],
    },
  };
}

function forkLedger(l: Ledger): Ledger {
  return {
    ...l,
    bills: l.bills.map((b) => ({ ...b })),
    delinquencies: l.delinquencies.map((d) => ({ ...d })),
  };
}

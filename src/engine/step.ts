// The transition: (state, input) → what the input decided. Inputs are the customer's events (a scenario's
// lines) and the engine's own (a day opening, a statement, a due date, the overdue trigger, the periodic
// review, a day closing). Each input is handled on its own, so each rule can be tested by stepping a
// state built for it; `schedule.ts` says which inputs a day takes and which day comes next.
//
// `step` changes the state in place and returns the steps to record; `transition` is the same on a copy.

import type { Account } from "./account.js";
import { scoreOn } from "./account.js";
import {
  accrue,
  balance,
  closeStatement,
  markOverdue,
  minimumDue,
  overdueAmount,
  overdueDays,
  passDueDays,
  purchase,
  repay,
  statementBalance,
} from "./ledger.js";
import {
  authorise,
  decideApplication,
  liftSecurityHold,
  overdueTrigger,
  periodicReview,
  requestedReview,
  securityTrigger,
  type Verdict,
} from "./review.js";
import { type EngineState, fork } from "./state.js";
import { answerSupport } from "./support.js";
import type { Fen, Policy, Remedy, RepayAmount, ScenarioEvent, StepEvent } from "./types.js";

/** The engine's own inputs, in the order a day takes them (customer events come between the two groups). */
export type ScheduledInput =
  /** time moves on to `day`: charges accrue up to it, due dates pass, bills whose grace ended turn overdue */
  | { type: "open_day"; day: number }
  /** on the statement day: the cycle closes into a bill */
  | { type: "close_statement" }
  /** on a bill's due date: a reminder of what is due (a notice) */
  | { type: "due_notice" }
  /** the real-time trigger: overdue too long suspends at once */
  | { type: "overdue_check" }
  /** on the review day: the monthly periodic review */
  | { type: "periodic_review" }
  /** the day's charges accrue */
  | { type: "close_day" };

export type EngineInput = ScenarioEvent | ScheduledInput;

/** One thing that happened: the event the trace shows, and the decision (already applied to the state). */
export interface StepOutcome {
  day: number;
  event: StepEvent;
  verdict: Verdict | null;
  /** a purchase approved, a repayment capped: the amount the step actually applied */
  applied: Fen;
  /** what the customer can do (support answers, adverse decisions) */
  remedies: Remedy[];
}

const NOTHING: readonly StepOutcome[] = Object.freeze([]);

/**
 * Takes one input on `state.day` (or, for `open_day`, moves to a later day) and returns its steps.
 * Scheduled inputs whose time has not come do nothing: a `close_statement` off the statement day bills
 * nothing. Customer events must be for the open day.
 */
export function step(s: EngineState, input: EngineInput): readonly StepOutcome[] {
  switch (input.type) {
    case "open_day":
      return openDay(s, input.day);
    case "close_statement":
      return closeCycle(s);
    case "due_notice":
      return dueNotice(s);
    case "overdue_check":
      return overdueCheck(s);
    case "periodic_review":
      return review(s);
    case "close_day":
      accrue(s.account.ledger, s.day, s.account.policy);
      return NOTHING;
    default:
      if (input.day !== s.day) throw new RangeError(`event for day ${input.day} taken on day ${s.day}`);
      return customerEvent(s, input);
  }
}

/** `step` without touching `state`: the next state and the steps, as xstate's `transition` returns them. */
export function transition(
  state: EngineState,
  input: EngineInput,
): { state: EngineState; steps: readonly StepOutcome[] } {
  const next = fork(state);
  const steps = step(next, input);
  return { state: next, steps };
}

function one(
  s: EngineState,
  event: StepEvent,
  verdict: Verdict | null,
  applied: Fen = 0,
  remedies: Remedy[] = [],
): readonly StepOutcome[] {
  if (verdict) applyVerdict(s.account, s.day, verdict);
  return [{ day: s.day, event, verdict, applied, remedies }];
}

function openDay(s: EngineState, day: number): readonly StepOutcome[] {
  if (day <= s.day) throw new RangeError(`day ${day} opened after day ${s.day}`);
  s.day = day;
  const a = s.account;
  const l = a.ledger;
  accrue(l, day - 1, a.policy);
  passDueDays(l, day);
  const turned = markOverdue(l, day, a.policy);
  if (!s.notices || turned.length === 0) return NOTHING;
  return turned.map((bill) => ({
    day,
    event: {
      type: "overdue",
      overdue: overdueAmount(l),
      overdueDays: Math.max(overdueDays(l, day), day - bill.dueDay),
    },
    verdict: null,
    applied: 0,
    remedies: [],
  }));
}

function closeCycle(s: EngineState): readonly StepOutcome[] {
  const { day, calendar } = s;
  if (day !== s.nextStatement) return NOTHING;
  const a = s.account;
  const dueDay = calendar.nextDayOfMonth(day, a.policy.dueDayOfMonth);
  const bill = closeStatement(a.ledger, day, dueDay, a.policy);
  a.reportedBalance = balance(a.ledger);
  s.nextStatement = calendar.nextDayOfMonth(day, a.policy.statementDayOfMonth);
  if (!bill || !s.notices) return NOTHING;
  return one(
    s,
    { type: "statement", billed: bill.principal, carried: bill.carried, minimum: bill.minimum, dueDay },
    null,
  );
}

function dueNotice(s: EngineState): readonly StepOutcome[] {
  if (!s.notices) return NOTHING;
  const l = s.account.ledger;
  for (const b of l.bills) {
    if (b.dueDay === s.day && b.settledDay === null) {
      return one(s, { type: "due", due: statementBalance(l), minimumUnpaid: minimumDue(l) }, null);
    }
  }
  return NOTHING;
}

function overdueCheck(s: EngineState): readonly StepOutcome[] {
  const a = s.account;
  const v = overdueTrigger(a, s.day);
  if (!v) return NOTHING;
  return one(
    s,
    { type: "overdue", overdue: overdueAmount(a.ledger), overdueDays: overdueDays(a.ledger, s.day) },
    v,
  );
}

function review(s: EngineState): readonly StepOutcome[] {
  const { day, calendar } = s;
  if (day !== s.nextReview) return NOTHING;
  const a = s.account;
  s.nextReview = calendar.nextDayOfMonth(day, a.policy.reviewDayOfMonth);
  if (a.status !== "active" && a.status !== "suspended") return NOTHING;
  const v = periodicReview(a, day, scoreOn(a, day));
  // a suspended account's review is always shown: it says what still blocks restoration
  if (v.decision === null && a.status !== "suspended") return NOTHING;
  return one(s, { type: "review", requested: false }, v);
}

function customerEvent(s: EngineState, e: ScenarioEvent): readonly StepOutcome[] {
  const { day, calendar } = s;
  const a = s.account;
  const l = a.ledger;
  switch (e.type) {
    case "apply": {
      const before = scoreOn(a, day);
      a.inquiries.push(day);
      return one(s, e, decideApplication(a, day, e.product, e.amount, before));
    }
    case "purchase": {
      const v = authorise(a, e.amount, balance(l));
      const approved = v.decision === "approved";
      if (approved) {
        purchase(l, e.amount);
        a.purchaseDays.push(day);
      }
      return one(s, e, v, approved ? e.amount : 0);
    }
    case "repay": {
      const applied = repay(l, repayAmount(a, e.amount), day);
      a.reportedBalance = Math.min(a.reportedBalance, balance(l));
      return one(s, e, null, applied);
    }
    case "change_profile":
      a.profileChanges.push(day);
      return one(s, e, securityTrigger(a, day));
    case "external_debt":
      a.profile.externalDebt += e.amount;
      return one(s, e, null);
    case "external_inquiry":
      a.inquiries.push(day);
      return one(s, e, null);
    case "income":
      a.profile.monthlyIncome = e.monthlyIncome;
      return one(s, e, null);
    case "policy": {
      // a policy cause needs an account that lived under the previous policy
      a.previousPolicy = a.status === "active" || a.status === "suspended" ? a.policy : null;
      a.policy = applyPolicyEvent(a.policy, e.use, e.set);
      // the calendar of the new policy: a statement or review day later today still happens today
      s.nextStatement = calendar.nextDayOfMonth(day - 1, a.policy.statementDayOfMonth);
      if (s.nextStatement === day)
        s.nextStatement = calendar.nextDayOfMonth(day, a.policy.statementDayOfMonth);
      s.nextReview = calendar.nextDayOfMonth(day - 1, a.policy.reviewDayOfMonth);
      return one(s, e, null);
    }
    case "contact_support": {
      const answer = answerSupport(a, day, scoreOn(a, day), calendar);
      return one(s, e, { decision: "info", reasons: answer.reasons }, 0, answer.remedies);
    }
    case "verify_identity": {
      a.profile.verified = true;
      a.verifiedDay = day;
      const lifted = a.status === "suspended" && a.cause === "security";
      return one(s, e, lifted ? liftSecurityHold(a, day, scoreOn(a, day)) : null);
    }
    case "request_review": {
      const v = requestedReview(a, day, scoreOn(a, day));
      if (v.decision !== "declined" || !v.reasons.includes("REVIEW_TOO_SOON")) a.lastReviewRequest = day;
      const remedies =
        v.decision === "restored" ? [] : answerSupport(a, day, scoreOn(a, day), calendar).remedies;
      return one(s, e, v, 0, remedies);
    }
    case "note":
      return one(s, e, null);
    default: {
      const never: never = e;
      throw new Error(`unhandled event ${JSON.stringify(never)}`);
    }
  }
}

function repayAmount(a: Account, amount: RepayAmount): Fen {
  switch (amount.kind) {
    case "amount":
      return amount.fen;
    case "full":
      return balance(a.ledger);
    case "statement":
      return statementBalance(a.ledger);
    case "minimum":
      return minimumDue(a.ledger);
  }
}

/** Merges a `policy` event into the policy in force. */
function applyPolicyEvent(current: Policy, use: Policy | null, set: Partial<Policy>): Policy {
  const base = use ?? current;
  const overridden = Object.keys(set).length > 0;
  return { ...base, ...set, name: overridden ? `${base.name}*` : base.name };
}

/** A verdict's effect on the account: the rules decide, this is the one place that acts on a decision. */
function applyVerdict(a: Account, day: number, v: Verdict): void {
  switch (v.decision) {
    case "approved":
    case "approved_lower":
      if (a.status !== "active") {
        a.status = "active";
        a.cause = null;
        a.openedDay ??= day;
        a.reasonsOnRecord = [];
        // opened under the current policy: no earlier policy to compare with
        a.previousPolicy = null;
      }
      if (v.limit !== undefined) a.limit = v.limit;
      return;
    case "suspended":
      a.status = "suspended";
      a.cause = v.cause ?? "credit";
      a.suspendedDay = day;
      a.reasonsOnRecord = v.reasons;
      return;
    case "limit_reduced":
      if (v.limit !== undefined) a.limit = v.limit;
      a.reasonsOnRecord = v.reasons;
      return;
    case "restored":
      a.status = "active";
      a.cause = null;
      a.suspendedDay = null;
      if (v.limit !== undefined) a.limit = v.limit;
      a.reasonsOnRecord = [];
      return;
    case "closed":
      a.status = "closed";
      a.cause = null;
      a.suspendedDay = day; // the day the reasons on record (now the closure's) were recorded
      a.limit = 0; // a closed line lends nothing; what is owed stays owed
      a.reasonsOnRecord = v.reasons;
      return;
    case "declined":
    case "info":
    case null:
      return;
  }
}

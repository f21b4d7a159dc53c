// The scheduler: which inputs a day takes, in which order, and which day comes next. Days on which nothing
// can change are skipped (charges are added in bulk when the next day opens), so a year costs a few dozen
// visits rather than 365 — and visiting every day instead gives the same steps (a property test holds it).

import type { StepOutcome } from "./apply-verdict.js";
import { daysPastDue, type Line } from "./customer.js";
import * as loans from "./loans.js";
import { dormantNoticeDay } from "./review/dormant.js";
import * as revolving from "./revolving.js";
import { dayCloses, dayOpens, quietDayCloses, quietDayOpens, type ScheduledInput } from "./scheduled.js";
import type { EngineState } from "./state.js";
import { step } from "./step.js";
import { overdueWatches } from "./triggers.js";
import type { ScenarioEvent } from "./types.js";

/** The engine's own inputs before the customer's events of a day (after `open_day`)… */
export const START_OF_DAY: readonly ScheduledInput[] = Object.freeze([
  { type: "close_statement" },
  { type: "due_notice" },
]);

/** …and after them: the day's repayments are posted before the delinquency checks run (a repayment on the
 *  day a line reaches the overdue or charge-off threshold counts, as lenders post the day's payments
 *  before their end-of-day batch), then the review. */
export const END_OF_DAY: readonly ScheduledInput[] = Object.freeze([
  { type: "overdue_check" },
  { type: "periodic_review" },
  { type: "close_day" },
  { type: "month_end" },
]);

/**
 * One day: opens it, takes the engine's start-of-day inputs, the customer's `events` (all dated `day`, in
 * order), then the end-of-day inputs. `onStep` sees each step right after it is taken, with the state as
 * the step left it.
 */
export function runDay(
  s: EngineState,
  day: number,
  events: readonly ScenarioEvent[],
  onStep: (o: StepOutcome) => void,
): void {
  dayOpens(s, day, onStep);
  for (let i = 0; i < events.length; i++) {
    const steps = step(s, events[i]!);
    for (let k = 0; k < steps.length; k++) onStep(steps[k]!);
  }
  dayCloses(s, onStep);
}

/**
 * `runDay` on a day before the engine's next (`nextEngineDay`, asked when nothing but approved purchases has
 * changed the state since) whose events are purchases and repayments alone: the engine's own inputs, which
 * can do nothing before that day, are left out (but the waiver of Jiebei arrears a repayment left within the
 * tolerance: quietDayCloses) — the same steps and the same state as `runDay` (a property test holds it). Neither event moves a line's days past due on, so no trigger is reached by the day's end;
 * one that decides anything (a decline, a burst's hold, a repayment) may move the engine's next day: ask
 * for it again before taking another.
 */
export function runQuietDay(
  s: EngineState,
  day: number,
  events: readonly ScenarioEvent[],
  onStep: (o: StepOutcome) => void,
): void {
  quietDayOpens(s, day);
  for (let i = 0; i < events.length; i++) {
    const steps = step(s, events[i]!);
    for (let k = 0; k < steps.length; k++) onStep(steps[k]!);
  }
  quietDayCloses(s, onStep);
}

/**
 * The first day after `s.day` on which the engine itself may change something: a statement, a review, a
 * month end, a grace ending, a Jiebei instalment falling due, the overdue or charge-off trigger firing
 * (and, for notices, a due date). Never later than `horizon`.
 */
export function nextEngineDay(s: EngineState, horizon: number): number {
  const day = s.day;
  const c = s.customer;
  const h = c.huabei.ledger;
  let next = Math.min(
    s.nextStatement,
    s.nextReview,
    s.nextMonthEnd,
    revolving.nextLedgerDay(h, day),
    loans.nextLoanDay(c.jiebei.book, day),
    horizon,
  );
  if (s.notices) {
    for (let i = h.firstOpen; i < h.bills.length; i++) {
      const b = h.bills[i]!;
      if (!b.cycleDecided && b.dueDay > day) next = Math.min(next, b.dueDay);
    }
    next = noticeDay(s, next);
  }
  // the triggers: the day the worst line reaches the overdue or charge-off threshold — under every policy
  // of a shared state (lanes.ts), whose thresholds may differ
  next = Math.min(next, triggerDay(s, c.huabei), triggerDay(s, c.jiebei));
  const lane = s.lane;
  if (lane !== null && next > day + 1) {
    const own = c.policy;
    for (let i = 1; i < lane.policies.length; i++) {
      c.policy = lane.policies[i]!;
      next = Math.min(next, triggerDay(s, c.huabei), triggerDay(s, c.jiebei));
    }
    c.policy = own;
  }
  return next > day ? next : day + 1;
}

/** `next`, or an unused line's notice day (review/dormant.ts) when nearer — under every policy of a shared
 *  state (lanes.ts), whose dormantCloseDays and dormantNoticeDays may differ. */
function noticeDay(s: EngineState, next: number): number {
  const c = s.customer;
  const own = c.policy;
  const policies = s.lane === null ? 1 : s.lane.policies.length;
  for (let i = 0; i < policies; i++) {
    if (i > 0) c.policy = s.lane!.policies[i]!;
    // the notice given by tomorrow: one given anew the day after a review it named comes then
    const h = dormantNoticeDay(c, c.huabei, s.day + 1, s.calendar);
    if (h !== null && h > s.day && h < next) next = h;
    const j = dormantNoticeDay(c, c.jiebei, s.day + 1, s.calendar);
    if (j !== null && j > s.day && j < next) next = j;
  }
  c.policy = own;
  return next;
}

function triggerDay(s: EngineState, line: Line): number {
  const dpd = daysPastDue(line, s.day);
  if (dpd === 0) return Number.POSITIVE_INFINITY;
  const c = s.customer;
  const p = c.policy;
  const since = s.day - dpd;
  // the next day at the earliest: a threshold reached today was checked at today's end (after the day's
  // events, a policy event that lowered it included). (No closure for it: a closure over `s` made V8
  // allocate this function's context on every call, two calls a visited day.)
  const tomorrow = s.day + 1;
  let next = Number.POSITIVE_INFINITY;
  // the lines the overdue trigger acts on (beneath a security hold too)
  if (overdueWatches(c.huabei) || overdueWatches(c.jiebei))
    next = Math.max(since + p.suspendOverdueDays, tomorrow);
  if (line.status !== "charged_off") next = Math.min(next, Math.max(since + p.chargeOffDays, tomorrow));
  return next;
}

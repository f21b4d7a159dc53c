// The scheduler: which inputs a day takes, in which order, and which day comes next. Days on which nothing
// can change are skipped (charges are added in bulk when the next day opens), so a year costs a few dozen
// visits rather than 365 — and visiting every day instead gives the same steps (a property test holds it).

import { nextLedgerDay } from "./ledger.js";
import type { EngineState } from "./state.js";
import { type ScheduledInput, type StepOutcome, step } from "./step.js";
import type { ScenarioEvent } from "./types.js";

/** The engine's own inputs before the customer's events of a day (after `open_day`)… */
export const START_OF_DAY: readonly ScheduledInput[] = Object.freeze([
  { type: "close_statement" },
  { type: "due_notice" },
  { type: "overdue_check" },
]);

/** …and after them. */
export const END_OF_DAY: readonly ScheduledInput[] = Object.freeze([
  { type: "periodic_review" },
  { type: "close_day" },
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
  take(s, { type: "open_day", day }, onStep);
  for (const input of START_OF_DAY) take(s, input, onStep);
  for (const e of events) take(s, e, onStep);
  for (const input of END_OF_DAY) take(s, input, onStep);
}

function take(s: EngineState, input: Parameters<typeof step>[1], onStep: (o: StepOutcome) => void): void {
  const steps = step(s, input);
  for (let i = 0; i < steps.length; i++) onStep(steps[i]!);
}

/**
 * The first day after `s.day` on which the engine itself may change something: a statement, a review, a
 * bill passing its due date or turning overdue, the overdue trigger firing. Never later than `horizon`.
 */
export function nextEngineDay(s: EngineState, horizon: number): number {
  const day = s.day;
  const a = s.account;
  let next = Math.min(s.nextStatement, s.nextReview, nextLedgerDay(a.ledger, day), horizon);
  for (const b of a.ledger.bills) {
    if (b.settledDay !== null) continue;
    if (b.dueDay > day) next = Math.min(next, b.dueDay);
    if (b.overdue && a.status === "active") {
      const trigger = b.dueDay + a.policy.suspendOverdueDays;
      if (trigger > day) next = Math.min(next, trigger);
    }
  }
  return next > day ? next : day + 1;
}

// The transition: (state, input) → what the input decided. Inputs are the customer's events (a scenario's
// lines) and the engine's own (a day opening, a Huabei statement, due dates, the overdue and charge-off
// triggers, the periodic review, a day closing, a month end). Each input is handled on its own, so each
// rule can be tested by stepping a state built for it; `schedule.ts` says which inputs a day takes and
// which day comes next.
//
// `step` changes the state in place and returns the steps to record; `transition` is the same on a copy.

import { NOTHING, type StepOutcome } from "./apply-verdict.js";
import { customerEvent } from "./customer-events.js";
import {
  accrueAll,
  closeCycle,
  dueNotices,
  monthEnd,
  openDay,
  review,
  type ScheduledInput,
  triggers,
} from "./scheduled.js";
import { type EngineState, fork } from "./state.js";
import type { ScenarioEvent } from "./types.js";

export type EngineInput = ScenarioEvent | ScheduledInput;

/**
 * Takes one input on `state.day` (or, for `open_day`, moves to a later day) and returns its steps.
 * Scheduled inputs whose time has not come do nothing: a `close_statement` off the statement day bills
 * nothing. Customer events must be for the open day.
 */
export function step(s: EngineState, input: EngineInput): readonly StepOutcome[] {
  // an answer given is given again only to a call with nothing taken in between (state.ts: `answered`)
  if (input.type !== "contact_support") s.answered = null;
  switch (input.type) {
    case "open_day":
      return openDay(s, input.day);
    case "close_statement":
      return closeCycle(s);
    case "due_notice":
      return dueNotices(s);
    case "overdue_check":
      return triggers(s);
    case "periodic_review":
      return review(s);
    case "close_day":
      accrueAll(s.customer, s.day);
      return NOTHING;
    case "month_end":
      monthEnd(s);
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

// The periodic review scores the customer once for both lines while neither line's review has decided
// anything (scheduled.ts, reviewFrom): the same steps and state as each open line reviewed in turn with its
// own score worked out afresh. Held here over generated timelines, on every review day.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, lineAt, noteReviewed, type StepOutcome } from "../../src/engine/apply-verdict.js";
import { isOpen } from "../../src/engine/customer.js";
import { periodicReview } from "../../src/engine/review.js";
import { runDay } from "../../src/engine/schedule.js";
import { dayCloses, dayOpens, review, triggers } from "../../src/engine/scheduled.js";
import { scoreOn } from "../../src/engine/score-inputs.js";
import { type EngineState, fork, initialState } from "../../src/engine/state.js";
import { step } from "../../src/engine/step.js";
import type { Scenario, ScenarioEvent } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { activeScenarioArb, scenarioArb } from "./arbitraries.js";

const RUNS = propertyRuns(25);

/** The review as it read before the score was shared: each open line with a score of its own. */
function reviewEachScored(s: EngineState): StepOutcome[] {
  const c = s.customer;
  s.nextReview = s.calendar.nextDayOfMonth(s.day, c.policy.reviewDayOfMonth);
  const out: StepOutcome[] = [];
  for (let i = 0; i < 2; i++) {
    const line = lineAt(c, i);
    if (!isOpen(line)) continue;
    const v = periodicReview(c, line, s.day, scoreOn(c, s.day), false, true, s.calendar);
    if (v.decision !== null || line.status === "suspended")
      out.push(...decide(s, { type: "review", line: line.id, requested: false }, line, v));
    noteReviewed(line);
  }
  return out;
}

interface Met {
  both: number;
  decided: number;
  rescored: number;
}

/** Every day of `sc` in turn; on each review day, the review taken both ways from the state the day's
 *  events and triggers left, and compared. */
function compare(sc: Scenario, notices: boolean, met: Met): void {
  const s = initialState(sc.start, sc.profile, sc.policy, { notices });
  let ei = 0;
  for (let day = 0; day <= sc.until; day++) {
    const today: ScenarioEvent[] = [];
    while (ei < sc.events.length && sc.events[ei]!.day === day) today.push(sc.events[ei++]!);
    if (day !== s.nextReview) {
      runDay(s, day, today, () => {});
      continue;
    }
    dayOpens(s, day, () => {});
    for (const e of today) step(s, e);
    const shared = fork(s);
    const each = fork(s);
    triggers(shared);
    triggers(each);
    const sharedSteps = review(shared);
    const eachSteps = reviewEachScored(each);
    expect(sharedSteps, `review of day ${day}`).toEqual(eachSteps);
    expect(shared, `review of day ${day}`).toEqual(each);
    if (isOpen(each.customer.huabei) && isOpen(each.customer.jiebei)) met.both++;
    if (eachSteps.some((o) => o.verdict !== null && o.verdict.decision !== null)) met.decided++;
    // Huabei's review decided, then Jiebei's was taken: the score worked out again
    if (
      isOpen(each.customer.jiebei) &&
      eachSteps.some((o) => o.line === "huabei" && o.verdict?.decision != null)
    )
      met.rescored++;
    dayCloses(s, () => {});
  }
}

describe("the periodic review's one score for both lines", () => {
  it("reviews as each open line scored afresh does: the same steps, the same state", () => {
    const met: Met = { both: 0, decided: 0, rescored: 0 };
    fc.assert(
      fc.property(fc.oneof(scenarioArb, activeScenarioArb), fc.boolean(), (sc, notices) => {
        compare(sc, notices, met);
      }),
      { numRuns: RUNS },
    );
    // the timelines met reviews of both lines open, reviews that decided, and Jiebei reviewed after a
    // decision on Huabei (PROPERTY_SEED unset drew 106, 16 and 7 for 25 timelines)
    expect(met.both).toBeGreaterThan(0);
    expect(met.decided).toBeGreaterThan(0);
    expect(met.rescored).toBeGreaterThan(0);
  });
});

// @module-tag property
// A day before the engine's next (`nextEngineDay`) whose events are purchases and repayments alone is taken
// without the engine's own inputs (`runQuietDay`, what a population's account driver does on most of its
// visits): the same steps and the same state as `runDay`. Held here over generated timelines, every such
// day taken both ways from one state — declined purchases, bursts, repayments of a line in arrears, notices
// kept or not among them.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StepOutcome } from "../../src/engine/apply-verdict.js";
import { nextEngineDay, runDay, runQuietDay } from "../../src/engine/schedule.js";
import { type EngineState, fork, initialState } from "../../src/engine/state.js";
import type { Scenario, ScenarioEvent } from "../../src/engine/types.js";
import { expectEqual } from "../helpers/deep-equal.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { activeScenarioArb, scenarioArb } from "./arbitraries.js";
import { on, scenario } from "./builders.js";

const RUNS = propertyRuns(25);

interface Met {
  quiet: number;
  repaid: number;
  decided: number;
  pastDue: number;
}

/** Every day of `sc` in turn; each one before the engine's next with purchases and repayments alone, both
 *  ways (every visited day's steps collected either way) and compared. */
function compare(sc: Scenario, notices: boolean, met: Met): void {
  let s: EngineState = initialState(sc.start, sc.profile, sc.policy, { notices });
  let next = 0;
  let ei = 0;
  for (let day = 0; day <= sc.until; day++) {
    const today: ScenarioEvent[] = [];
    while (ei < sc.events.length && sc.events[ei]!.day === day) today.push(sc.events[ei++]!);
    const quiet = day < next && today.every((e) => e.type === "purchase" || e.type === "repay");
    if (quiet) {
      const full = fork(s);
      const fullSteps: StepOutcome[] = [];
      runDay(full, day, today, (o) => fullSteps.push(o));
      const cheap = fork(s);
      const cheapSteps: StepOutcome[] = [];
      runQuietDay(cheap, day, today, (o) => cheapSteps.push(o));
      expectEqual(cheapSteps, fullSteps, `day ${day}`);
      // the whole state on each day of events and on every seventh day without (the days between only
      // accrue, and a difference stays in the state)
      if (today.length > 0 || day % 7 === 0) expectEqual(cheap, full, `day ${day}`);
      met.quiet++;
      if (today.some((e) => e.type === "repay")) met.repaid++;
      if (fullSteps.some((o) => o.verdict !== null && o.verdict.decision !== "approved")) met.decided++;
      if (full.customer.huabei.ledger.bills.some((b) => b.state === "arrears")) met.pastDue++;
      s = full;
    } else runDay(s, day, today, () => {});
    next = nextEngineDay(s, sc.until);
  }
}

describe("a quiet day (runQuietDay)", () => {
  it("takes purchases and repayments before the engine's next day as runDay does: the same steps, the same state", () => {
    const met: Met = { quiet: 0, repaid: 0, decided: 0, pastDue: 0 };
    fc.assert(
      fc.property(fc.oneof(scenarioArb, activeScenarioArb), fc.boolean(), (sc, notices) => {
        compare(sc, notices, met);
      }),
      {
        numRuns: RUNS,
        // purchases over the limit on quiet days, declined: decisions other than an approval whatever the
        // draw (PROPERTY_SEED=65537 drew 5 for 25 timelines, short of the count asked below)
        examples: [
          [
            scenario([on.open(0, 1_000), ...[2, 3, 5, 8, 13, 17, 19, 23].map((d) => on.purchase(d, 5_000))], {
              until: 40,
            }),
            false,
          ],
          // a bill left unpaid: Huabei in arrears from day 44 on every quiet day to the end, a repayment in
          // part and purchases declined among them — lines in arrears whatever the draw (PROPERTY_SEED=9030
          // drew 13 such days for 25 timelines, PROPERTY_SEED=9032 23, short of the count asked below)
          [
            scenario(
              [
                on.open(0, 5_000),
                on.purchase(1, 1_000),
                on.purchase(50, 20),
                on.repay(52, 10),
                on.purchase(58, 30),
              ],
              { until: 120 },
            ),
            true,
          ],
          // repayments on eight quiet days, in part and in full: days repaid whatever the draw
          // (PROPERTY_SEED=9112 drew 12 for 25 timelines, short of the count asked below)
          [
            scenario(
              [
                on.open(0, 5_000),
                on.purchase(1, 2_000),
                ...[3, 5, 8, 11, 14, 17, 20].map((d) => on.repay(d, 100)),
                on.repay(23, "full"),
              ],
              { until: 30 },
            ),
            false,
          ],
        ],
      },
    );
    // the timelines met such days, repayments, decisions other than an approval, and lines in arrears
    expect(met.quiet).toBeGreaterThan(RUNS * 20);
    expect(met.repaid).toBeGreaterThan(RUNS / 2);
    expect(met.decided).toBeGreaterThan(RUNS / 4);
    expect(met.pastDue).toBeGreaterThan(RUNS);
  });
});

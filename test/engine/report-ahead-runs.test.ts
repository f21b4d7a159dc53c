// @module-tag property
// The runs ahead customer service's searches share: the opening of a review day and the report of the month
// end before it worked out from one run (openingWithReport), and a run until a repayment on a later day
// shared by the runs a search makes (`runs`), are exactly what openingOn and asReportReads work out each on
// its own — on random timelines, on any day (a month end among them: its report is taken as it closes), for
// any repayment on the lines, made today or on the month end.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/engine/customer.js";
import { asReportReads, openingOn, openingWithReport, type Runs } from "../../src/engine/report-ahead.js";
import { runDay } from "../../src/engine/schedule.js";
import { dayOpens } from "../../src/engine/scheduled.js";
import { initialState, monthEndAfter, reviewOnOrAfter } from "../../src/engine/state.js";
import { monthEndBefore } from "../../src/engine/support/read-ahead.js";
import type { DebtRepayment, ScenarioEvent } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { customerEvents } from "./arbitraries.js";
import { scenario } from "./builders.js";

const RUNS = propertyRuns(60);

/** The customer during the customer events of `day` (the events before it taken), and its calendar. */
function customerOn(events: Parameters<typeof scenario>[0], day: number) {
  const sc = scenario(events);
  const s = initialState(sc.start, sc.profile, sc.policy, { notices: false });
  for (let d = 0; d < day; d++) {
    const today: ScenarioEvent[] = sc.events.filter((e) => e.day === d);
    runDay(s, d, today, () => {});
  }
  dayOpens(s, day, () => {});
  return { c: s.customer, calendar: s.calendar };
}

const repayOf = (c: Customer, parts: readonly number[]): DebtRepayment[] =>
  [c.huabei, c.jiebei]
    .map((l, i) => {
      const owed = l.status === "none" ? 0 : Math.floor(((parts[i] ?? 0) * (l.reportedBalance + 1)) / 4);
      return { debt: l.id, amount: owed, all: false };
    })
    .filter((r) => r.amount > 0);

describe("runs ahead shared by customer service's searches", () => {
  it("openingWithReport, with runs shared or not, is openingOn beside asReportReads", () => {
    fc.assert(
      fc.property(
        fc.array(customerEvents(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 800_000 })), {
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 90 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 2 }),
        fc.boolean(),
        (events, at, atMonthEnd, later, parts, others, late) => {
          const first = customerOn(events, 0).calendar;
          // a month end itself, often: its report is the one its own close takes
          const day = atMonthEnd ? monthEndAfter(first, at) : at;
          const { c, calendar } = customerOn(events, day);
          let to = reviewOnOrAfter(calendar, day + 1, c.policy);
          for (let i = 0; i < later; i++) to = reviewOnOrAfter(calendar, to + 1, c.policy);
          const monthEnd = monthEndBefore(calendar, day, to);
          if (monthEnd === null) return;
          const on = late ? monthEnd : day;
          const runs: Runs = new Map();
          for (const repay of [repayOf(c, parts), repayOf(c, others), repayOf(c, parts)]) {
            const alone = {
              opening: openingOn(c, day, calendar, to, repay, on),
              report: asReportReads(c, day, calendar, repay, on !== day, monthEnd),
            };
            expect(openingWithReport(c, day, calendar, to, repay, on, monthEnd)).toEqual(alone);
            expect(openingWithReport(c, day, calendar, to, repay, on, monthEnd, runs)).toEqual(alone);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

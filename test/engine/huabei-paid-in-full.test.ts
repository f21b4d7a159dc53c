// @module-tag property
// Huabei's interest-free period, on any billing calendar: a customer who repays the statement balance on
// every due day is never overdue and pays no interest and no penalty — nothing but the instalment fees of
// the plans bought, each plan's fee (its rate × the amount) in full once the plan has run to term.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Calendar } from "../../src/engine/calendar.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { type EventInput, run, testPolicy } from "./builders.js";

const RUNS = propertyRuns(40);

describe("a Huabei customer who repays the statement on every due day", () => {
  it("is never overdue and is charged nothing but the instalment fees, each plan's in full", () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.constantFrom("2024-01-31", "2023-12-31", "2024-02-29", "2023-02-01", "2025-07-15"),
          // the statement and due days of the month: the default's, a due day in the next month, a due day
          // before the statement day of the month, month ends clamped
          cycle: fc.constantFrom<[number, number]>([1, 10], [28, 9], [5, 25], [20, 15], [31, 10], [1, 31]),
          purchases: fc.array(
            fc.record({
              day: fc.integer({ min: 0, max: 90 }),
              amount: fc.integer({ min: 100, max: 500_000 }),
              instalments: fc.constantFrom(null, null, 3 as const, 6 as const, 9 as const, 12 as const),
            }),
            { minLength: 1, maxLength: 10 },
          ),
          graceDays: fc.constantFrom(0, 3),
          toleranceAmount: fc.constantFrom(0, 1_000),
        }),
        ({ start, cycle: [statementDayOfMonth, dueDayOfMonth], purchases, graceDays, toleranceAmount }) => {
          const calendar = new Calendar(start);
          const last = Math.max(...purchases.map((p) => p.day));
          // every due day until one at least 13 months after the last purchase: every plan billed and repaid
          const dueDays: number[] = [];
          for (let d = 0; dueDays.length === 0 || dueDays.at(-1)! < last + 420; d++)
            if (calendar.isDayOfMonth(d, dueDayOfMonth)) dueDays.push(d);
          const events: EventInput[] = [
            { day: 0, type: "apply", line: "huabei", product: "open", amount: 10_000_000 },
            ...purchases.map((p): EventInput => ({ ...p, type: "purchase", merchant: null })),
            ...dueDays.map(
              (day): EventInput => ({ day, type: "repay", line: "huabei", amount: { kind: "statement" } }),
            ),
          ];
          const policy = testPolicy({ statementDayOfMonth, dueDayOfMonth, graceDays, toleranceAmount });
          const rate = {
            3: policy.instalmentFee3,
            6: policy.instalmentFee6,
            9: policy.instalmentFee9,
            12: policy.instalmentFee12,
          };
          const t = run(events, {
            start,
            until: dueDays.at(-1)! + 1,
            policy,
            profile: { monthlyIncome: 100_000 },
          });
          const where = `${start}, statement on the ${statementDayOfMonth}, due on the ${dueDayOfMonth}`;
          const bought = t.steps.filter((s) => s.event.type === "purchase" && s.decision === "approved");
          expect(bought.length, where).toBeGreaterThan(0);
          const fees = bought.reduce((n, s) => {
            const e = s.event as Extract<EventInput, { type: "purchase" }>;
            return n + (e.instalments === null ? 0 : Math.round(e.amount * rate[e.instalments]));
          }, 0);
          expect(
            t.steps.filter((s) => s.event.type === "overdue").map((s) => s.day),
            where,
          ).toEqual([]);
          expect(t.final.penalties, where).toBe(0);
          expect(t.final.charges - t.final.fees - t.final.penalties, `${where}: interest`).toBe(0);
          expect(t.final.fees, where).toBe(fees);
          expect(t.final.balance, where).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

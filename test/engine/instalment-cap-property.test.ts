// @module-tag property
// Jiebei's instalment-to-income cap, monotone in the income (applications.ts): from the same start, a
// higher monthly income never declines a drawdown the lower one lent, and where both are declined for the
// cap, the higher income's share is no larger — over loans already owed, their terms and the cap's value,
// under the shipped policies and one whose other rules do not bind.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { Step } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { DEFAULT_POLICY, type EventInput, scenario, TIGHTENED_POLICY, testPolicy } from "./builders.js";

const RUNS = propertyRuns(80);

const event: fc.Arbitrary<EventInput> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      day: fc.integer({ min: 1, max: 200 }),
      type: fc.constant("borrow" as const),
      amount: fc.integer({ min: 50_000, max: 6_000_000 }),
      term: fc.constantFrom(3 as const, 6 as const, 12 as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      day: fc.integer({ min: 1, max: 200 }),
      type: fc.constant("repay" as const),
      line: fc.constant("jiebei" as const),
      amount: fc.constantFrom({ kind: "statement" as const }, { kind: "full" as const }),
    }),
  },
);

const capArb = fc.record({
  events: fc.array(event, { minLength: 1, maxLength: 12 }),
  income: fc.integer({ min: 500, max: 40_000 }),
  more: fc.integer({ min: 1, max: 20_000 }),
  policy: fc.oneof(
    fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
    fc.double({ min: 0.05, max: 1.5, noNaN: true }).map((cap) =>
      testPolicy({
        jiebeiMaxInstalmentToIncome: cap,
        jiebeiLimitBands: [{ minScore: 350, maxLimit: 1_000_000 }],
      }),
    ),
  ),
});

const borrows = (steps: readonly Step[]) => steps.filter((s) => s.event.type === "borrow");
const lent = (s: Step) => s.decision === "approved";
const share = (s: Step) => s.facts.find((f) => f.code === "INSTALMENT_TO_INCOME_TOO_HIGH")?.value;

describe("Jiebei's instalment-to-income cap", () => {
  it("a higher income never declines a drawdown the lower one lent, nor reads a larger share of it", () => {
    const seen = { byCap: 0, differ: 0 };
    fc.assert(
      fc.property(capArb, ({ events, income, more, policy }) => {
        const run = (monthlyIncome: number) =>
          borrows(
            simulate(
              scenario(
                [{ day: 0, type: "apply", line: "jiebei", product: "open", amount: 10_000_000 }, ...events],
                {
                  policy,
                  until: 220,
                  profile: { monthlyIncome, creditHistoryMonths: 36 },
                },
              ),
            ).steps,
          );
        const [worse, better] = [run(income), run(income + more)];
        // compared up to the first drawdown decided otherwise: after it, the loans owed differ
        for (let i = 0; i < worse.length; i++) {
          const [w, b] = [worse[i]!, better[i]!];
          const where = `drawdown on day ${w.day} (¥${w.event.type === "borrow" ? w.event.amount / 100 : 0})`;
          if (w.reasons.includes("INSTALMENT_TO_INCOME_TOO_HIGH")) seen.byCap++;
          if (share(w) !== undefined && share(b) !== undefined)
            expect(share(b)!, `${where}: the share`).toBeLessThanOrEqual(share(w)!);
          if (lent(w)) expect(b.decision, `${where}: ${b.reasons.join(", ")}`).toBe("approved");
          if (lent(w) !== lent(b)) {
            seen.differ++;
            break;
          }
        }
      }),
      { numRuns: RUNS },
    );
    // not vacuous: drawdowns declined for the cap, and some lent only to the higher income
    expect(seen.byCap, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen.differ, JSON.stringify(seen)).toBeGreaterThan(0);
  });
});

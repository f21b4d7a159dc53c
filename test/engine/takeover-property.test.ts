// @module-tag property
// The takeover trigger over random timelines (triggers.ts: takeoverTrigger): changes of bound details of
// every kind, verifications, purchases and drawdowns of any size, under the default policy (its takeover,
// burst and change-count rules all on). Better behaviour never brings a security hold: one change fewer, or
// one transaction asked smaller, never ends with more of them.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { Trace } from "../../src/engine/types.js";
import { PROFILE_FIELDS } from "../../src/engine/vocabulary.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { DEFAULT_POLICY, type EventInput, on, scenario } from "./builders.js";

const RUNS = propertyRuns(80);

// ten days, so that changes and transactions fall on the same day often
const day = fc.integer({ min: 1, max: 10 });
const change = fc.record({
  day,
  type: fc.constant("change_profile" as const),
  field: fc.constantFrom(...PROFILE_FIELDS),
});
const verify = fc.record({ day, type: fc.constant("verify_identity" as const) });
// in fen: from everyday spending to more than both limits
const purchase = fc.record({
  day,
  type: fc.constant("purchase" as const),
  amount: fc.integer({ min: 1_000, max: 3_000_000 }),
  merchant: fc.constant(null),
  instalments: fc.constant(null),
});
const borrow = fc.record({
  day,
  type: fc.constant("borrow" as const),
  amount: fc.integer({ min: 100_000, max: 2_000_000 }),
  term: fc.constant(12 as const),
});
const transactions = fc.array(fc.oneof(purchase, borrow), { minLength: 1, maxLength: 8 });
const OPEN: EventInput[] = [on.open(0, 10_000), on.open(0, 10_000, "jiebei")];
const options = {
  policy: DEFAULT_POLICY,
  until: 60,
  profile: { monthlyIncome: 30_000, creditHistoryMonths: 60, verified: true },
};

/** The security holds laid: suspensions for security, each line's. */
const holds = (t: Trace) =>
  t.steps.filter((s) => s.decision === "suspended" && s.cause === "security").length;
const run = (events: readonly EventInput[]) => simulate(scenario([...OPEN, ...events], options));

describe("the takeover hold is monotone", () => {
  it("one change of bound details fewer never ends with more security holds", () => {
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 1, maxLength: 4 }),
        fc.array(verify, { maxLength: 2 }),
        transactions,
        fc.nat(),
        (changes, verifications, txs, pick) => {
          const fewer = changes.filter((_, i) => i !== pick % changes.length);
          const base = run([...changes, ...verifications, ...txs]);
          const better = run([...fewer, ...verifications, ...txs]);
          expect(holds(better)).toBeLessThanOrEqual(holds(base));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("one purchase or drawdown asked smaller never ends with more security holds", () => {
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 1, maxLength: 4 }),
        fc.array(verify, { maxLength: 2 }),
        transactions,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (changes, verifications, txs, pick, share) => {
          const i = pick % txs.length;
          const smaller = txs.map((t, j) =>
            j === i
              ? { ...t, amount: Math.max(t.type === "borrow" ? 100_000 : 1, Math.floor(t.amount * share)) }
              : t,
          );
          const base = run([...changes, ...verifications, ...txs]);
          const better = run([...changes, ...verifications, ...smaller]);
          expect(holds(better)).toBeLessThanOrEqual(holds(base));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the timelines lay takeover holds: the property is not vacuous", () => {
    const sample = fc.sample(fc.tuple(fc.array(change, { minLength: 1, maxLength: 4 }), transactions), {
      numRuns: 60,
      seed: 1,
    });
    const held = sample.filter(([changes, txs]) =>
      run([...changes, ...txs]).steps.some((s) => s.reasons[0] === "LARGE_TRANSACTION_AFTER_CHANGE"),
    );
    expect(held.length).toBeGreaterThan(10);
  });
});

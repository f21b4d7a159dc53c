// The customer's lists of days (purchases, applications, bound-detail changes) are counted over windows at
// every step: a count must cost the log of the list, not the list — one day of 100,000 purchases made a
// run of a scenario file take minutes, as every step after it counted them one by one.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countUpTo, countWithin, newCustomer } from "../../src/engine/customer.js";
import { recentProfileChanges } from "../../src/engine/triggers.js";
import { testPolicy } from "./builders.js";

/** `days`, with every element read counted. */
function counted(days: number[]): { list: number[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(days, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

const ascending = fc
  .array(fc.integer({ min: 0, max: 400 }), { maxLength: 60 })
  .map((a) => a.sort((x, y) => x - y));

describe("counting days within a window", () => {
  it("counts what a walk over the list counts", () => {
    fc.assert(
      fc.property(
        ascending,
        fc.integer({ min: -10, max: 420 }),
        fc.integer({ min: 1, max: 200 }),
        fc.nat({ max: 70 }),
        (days, day, window, from) => {
          const walked = days.filter((d, i) => i >= from && d <= day && day - d < window).length;
          expect(countWithin(days, day, window, from)).toBe(walked);
          expect(countUpTo(days, day)).toBe(days.filter((d) => d <= day).length);
        },
      ),
    );
  });

  it("reads a few of 100,000 days, not all of them", () => {
    const { list, reads } = counted(Array<number>(100_000).fill(5));
    expect(countWithin(list, 5, 90)).toBe(100_000);
    expect(countWithin(list, 200, 90)).toBe(0);
    expect(reads()).toBeLessThan(100);
  });

  it("the security trigger's count of bound-detail changes too", () => {
    const c = newCustomer(
      { age: 30, monthlyIncome: 10_000, verified: true, creditHistoryMonths: 36, externalDebt: 0 },
      testPolicy(),
    );
    const { list, reads } = counted(Array<number>(100_000).fill(5));
    c.profileChanges = list;
    c.verifiedChanges = 40_000;
    expect(recentProfileChanges(c, 6)).toBe(60_000);
    expect(reads()).toBeLessThan(100);
  });
});

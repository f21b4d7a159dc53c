// @module-tag property
// The whole-number searches customer service's amounts are found by: the least number a monotone test
// passes, whatever the threshold and wherever the bracket starts.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leastAbove, leastFrom } from "../../src/engine/search.js";
import { propertyRuns } from "../helpers/property-seed.js";

describe("leastAbove and leastFrom", () => {
  it("find the threshold of a monotone test, never testing outside the bracket", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (lo, width, step) => {
          const hi = lo + width;
          // any threshold in (lo, hi]: false at lo, true at hi
          const threshold = lo + 1 + ((lo * 7 + width * 13) % width);
          const seen: number[] = [];
          const ok = (x: number) => {
            seen.push(x);
            return x >= threshold;
          };
          expect(leastAbove(lo, hi, ok)).toBe(threshold);
          expect(seen.every((x) => x > lo && x < hi)).toBe(true);
          seen.length = 0;
          expect(leastFrom(lo, hi, step, ok)).toBe(threshold);
          expect(seen.every((x) => x > lo && x < hi)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });

  it("leastFrom tests few numbers when the answer is near where it starts", () => {
    let tests = 0;
    const ok = (x: number) => {
      tests++;
      return x >= 1_003;
    };
    expect(leastFrom(1_000, 10_000_000, 2, ok)).toBe(1_003);
    expect(tests).toBeLessThan(6);
  });
});

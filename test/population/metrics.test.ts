// The PSI as docs/populations.md defines it, checked against sums done by hand: the champion's score
// deciles as bins (accounts sharing a score stay in one), an empty bin's share taken as 0.0001.

import { describe, expect, it } from "vitest";
import { psi, scorePsi } from "../../src/population/metrics.js";

describe("PSI", () => {
  it("is Σ (a − e)·ln(a / e) over the bins' shares", () => {
    // shares 0.5/0.5 against 0.3/0.7: (−0.2)·ln 0.6 + 0.2·ln 1.4
    expect(psi([50, 50], [30, 70])).toBeCloseTo(0.2 * Math.log(1.4) - 0.2 * Math.log(0.6), 12);
    expect(psi([50, 50], [0, 0])).toBeNull();
  });

  it("bins the scores at the reference's deciles and floors an empty bin's share at 0.0001", () => {
    // ten reference accounts on ten scores: ten bins of 0.1; every other account on the first score
    const reference = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const piled = [7, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const byHand = (1 - 0.1) * Math.log(1 / 0.1) + 9 * (0.0001 - 0.1) * Math.log(0.0001 / 0.1);
    expect(scorePsi(reference, piled)).toBeCloseTo(byHand, 12);
    // the same shares on the scores of each decile: no drift
    expect(scorePsi(reference, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(0);
  });

  it("keeps accounts that share a score in one bin, and the scores above the reference's in one more", () => {
    // the reference piled on one score: that score and below are one bin, above it another (empty in it)
    expect(scorePsi([0, 10, 0, 0], [5, 0, 0, 0])).toBe(0);
    expect(scorePsi([0, 10, 0, 0], [0, 0, 0, 5])).toBeCloseTo(2 * (1 - 0.0001) * Math.log(1 / 0.0001), 12);
    // half the reference on one score, the rest spread: that score is one bin (of 0.5), not five deciles
    const reference = [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const actual = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const e = [0.5, ...new Array<number>(10).fill(0.05)];
    const a = [0.0001, ...new Array<number>(10).fill(0.1)];
    const byHand = e.reduce((t, x, i) => t + (a[i]! - x) * Math.log(a[i]! / x), 0);
    expect(scorePsi(reference, actual)).toBeCloseTo(byHand, 12);
  });
});

// The PSI as docs/populations.md defines it, checked against sums done by hand: the champion's score
// deciles as bins (accounts sharing a score stay in one), an empty bin's share taken as 0.0001.

import { describe, expect, it } from "vitest";
import { emptyArm } from "../../src/population/aggregate.js";
import { psi, scorePsi } from "../../src/population/metrics.js";
import type { PopulationResult } from "../../src/population/result.js";
import { summarise } from "../../src/population/stats.js";
import { arm, meta, settings, shipped, tightened } from "./helpers.js";

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

describe("PSI of the booked", () => {
  it("reads the booked accounts alone: declined applicants added to an arm move the PSI of all, not the booked's", () => {
    const s = settings({ days: 30, arms: [arm(tightened)] });
    const r: PopulationResult = {
      meta: meta(s, [shipped[0]!], 200, [0, 200]),
      champion: [emptyArm(30, 0, 1)],
      challenger: [emptyArm(30, 0, 1)],
      variants: null,
      paired: null,
      flips: [],
      decisionFlips: [],
    };
    // both arms book 100 accounts on the same scores, 600 … 699; the challenger declines 100 more, who
    // end at 450
    for (const [k, a] of [r.champion[0]!, r.challenger![0]!].entries()) {
      for (let score = 600; score < 700; score++) {
        a.finalScore[score - 350]!++;
        a.bookedScore[score - 350]!++;
      }
      a.finalScore[450 - 350]! += k === 0 ? 0 : 100;
    }
    const g = summarise(r).groups[0]!;
    expect(g.psiBooked).toBe(0);
    // the declined fall in the champion's lowest decile (scores up to 609): 0.55 of the challenger's
    // accounts there against 0.1, 0.05 in each of the nine others
    expect(g.psi).toBeCloseTo(0.45 * Math.log(5.5) + 9 * (0.05 - 0.1) * Math.log(0.5), 4);
  });
});

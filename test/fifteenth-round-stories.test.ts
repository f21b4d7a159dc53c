// Stories of a fifteenth round, a credit-risk reviewer's (test/fixtures/scenarios): lines at the edge of
// each threshold — an income a fen under a band, a score exactly at a policy's minimum, days past due
// exactly at each stage — a customer back after a charge-off, a dormant line used the day before its
// closure, a policy changed mid-cycle, an income reported and then corrected, and customer service asked
// every day.

import { describe, expect, it } from "vitest";
import { lastStep, passing, twin } from "./helpers/stories.js";

describe("stories of a fifteenth round (test/fixtures/scenarios)", () => {
  it("an income a fen under a band's edge is in the band below: ¥5,999.50 a month scores as ¥5,999 does, 10 points under ¥6,000", () => {
    const t = passing("income-fen-under-a-band.yaml");
    const just = twin("income-fen-under-a-band.yaml", ["monthlyIncome: 5999.50", "monthlyIncome: 5999"]);
    const over = twin("income-fen-under-a-band.yaml", ["monthlyIncome: 5999.50", "monthlyIncome: 6000"]);
    const score = (x: typeof t) => lastStep(x, 60).score;
    expect(score(t)).toBe(score(just));
    expect(score(over) - score(t)).toBe(10);
  });
});

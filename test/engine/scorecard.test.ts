// The scorecard's rules, checked against its own tables: points and thresholds are being calibrated, so
// nothing here names a particular number of points — only how bins, the range and reasons behave.

import { describe, expect, it } from "vitest";
import { REASONS } from "../../src/engine/reasons.js";
import {
  CHARACTERISTICS,
  type Characteristic,
  DIMENSIONS,
  explain,
  SCORE_MAX,
  SCORE_MIN,
  type ScoreInputs,
  score,
  scoreReasons,
} from "../../src/engine/scorecard.js";
import { run } from "./builders.js";

/** Real inputs from the engine, so the value types (number, boolean, null) are the engine's. */
const TEMPLATE: ScoreInputs = run([{ day: 0, type: "note", text: "x" }]).steps[0]!.inputs;

const isBoolean = (c: Characteristic) => typeof TEMPLATE[c.id] === "boolean";

/** A value that falls in bin `i` of a characteristic (its upper bound, or just past the previous one). */
function valueInBin(c: Characteristic, i: number): number | boolean {
  const bin = c.bins[i]!;
  const value = Number.isFinite(bin.upTo) ? bin.upTo : (c.bins[i - 1]?.upTo ?? 0) + 1;
  return isBoolean(c) ? value >= 1 : value;
}

function inputs(pick: (c: Characteristic) => number | boolean | null): ScoreInputs {
  const out: Record<string, number | boolean | null> = { ...TEMPLATE };
  for (const c of CHARACTERISTICS) out[c.id] = pick(c);
  return out as unknown as ScoreInputs;
}

const bestBin = (c: Characteristic) =>
  c.bins.findIndex((b) => b.points === Math.max(...c.bins.map((x) => x.points)));
const worstBin = (c: Characteristic) =>
  c.bins.findIndex((b) => b.points === Math.min(...c.bins.map((x) => x.points)));

const ALL_MAX = inputs((c) => valueInBin(c, bestBin(c)));
const ALL_MIN = inputs((c) => valueInBin(c, worstBin(c)));

describe("scorecard tables", () => {
  it.each(CHARACTERISTICS.map((c) => [c.id, c] as const))(
    "%s: max is its best bin, bins ascend to Infinity",
    (_, c) => {
      const points = [...c.bins.map((b) => b.points), ...(c.missing ? [c.missing.points] : [])];
      expect(c.max).toBe(Math.max(...points));
      // only serious delinquency (now, or in the last five years) scores below zero
      if (c.reason !== "OVERDUE_NOW" && c.reason !== "SERIOUS_DELINQUENCY")
        expect(Math.min(...points)).toBeGreaterThanOrEqual(0);
      for (let i = 1; i < c.bins.length; i++) expect(c.bins[i]!.upTo).toBeGreaterThan(c.bins[i - 1]!.upTo);
      expect(c.bins.at(-1)!.upTo).toBe(Number.POSITIVE_INFINITY);
      expect(REASONS[c.reason].kind).toBe("score");
      expect(Object.keys(DIMENSIONS)).toContain(c.dimension);
    },
  );

  it("the maxima add up to the 600 points between 350 and 950, split by the dimension weights", () => {
    const total = CHARACTERISTICS.reduce((n, c) => n + c.max, 0);
    expect(total).toBe(SCORE_MAX - SCORE_MIN);
    for (const [dimension, { weight }] of Object.entries(DIMENSIONS)) {
      const sum = CHARACTERISTICS.filter((c) => c.dimension === dimension).reduce((n, c) => n + c.max, 0);
      expect(sum / total, dimension).toBeCloseTo(weight, 2);
    }
  });

  it("every characteristic has its own reason code", () => {
    const reasons = CHARACTERISTICS.map((c) => c.reason);
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});

describe("score", () => {
  it("is 950 when every characteristic is at its best", () => {
    expect(SCORE_MIN).toBe(350);
    expect(SCORE_MAX).toBe(950);
    expect(score(ALL_MAX).score).toBe(950);
    expect(scoreReasons({ points: score(ALL_MAX).points, inputs: ALL_MAX })).toEqual([]);
    expect(score(ALL_MIN).score).toBeGreaterThanOrEqual(350);
  });

  it("is 350 when every characteristic is at its worst", () => {
    expect(score(ALL_MIN).score).toBe(350);
  });

  it.each(
    CHARACTERISTICS.flatMap((c, ci) =>
      c.bins.slice(0, -1).map((bin, bi) => [c.id, bin.upTo, ci, bi] as [string, number, number, number]),
    ),
  )("%s: a value of %d is in its bin, a hair above is in the next", (_, upTo, ci, bi) => {
    const c = CHARACTERISTICS[ci]!;
    const at = inputs((x) => (x === c ? valueInBin(c, bi) : valueInBin(x, bestBin(x))));
    expect(score(at).points[ci]).toBe(c.bins[bi]!.points);
    if (!isBoolean(c)) {
      const above = inputs((x) => (x === c ? upTo + 1e-9 : valueInBin(x, bestBin(x))));
      expect(score(above).points[ci]).toBe(c.bins[bi + 1]!.points);
      const below = inputs((x) => (x === c ? upTo - 1e-9 : valueInBin(x, bestBin(x))));
      expect(score(below).points[ci]).toBe(c.bins[bi]!.points);
    }
  });

  it("scores missing data with the characteristic's `missing` points", () => {
    for (const [ci, c] of CHARACTERISTICS.entries()) {
      if (!c.missing) continue;
      const s = score(inputs((x) => (x === c ? null : valueInBin(x, bestBin(x)))));
      expect(s.points[ci]).toBe(c.missing.points);
      expect(s.score).toBe(950 - (c.max - c.missing.points));
    }
  });

  it("a thin file's clean record never scores below a bad one: 'no record yet' ≥ every bin but the best", () => {
    // the characteristics a thin file reads as missing while clean, and by their bins once something
    // went wrong (score-inputs.ts: "a thin file's good news waits for a record; its bad news counts at once")
    const badNewsAtOnce = [
      "daysPastDueNow",
      "worstDaysPastDue24m",
      "missedDues12m",
      "seriousDelinquency60m",
      "revolvingDues6m",
    ];
    for (const id of badNewsAtOnce) {
      const c = CHARACTERISTICS.find((x) => x.id === id)!;
      for (const b of c.bins.slice(1))
        expect(c.missing!.points, `${id} ${b.label}`).toBeGreaterThanOrEqual(b.points);
    }
  });

  it("is 350 plus the points of every bin, and explain() shows the same points", () => {
    const mixed = inputs((c) => valueInBin(c, Math.floor(c.bins.length / 2)));
    const s = score(mixed);
    expect(s.points).toHaveLength(CHARACTERISTICS.length);
    expect(s.score).toBe(350 + s.points.reduce((a, b) => a + b, 0));
    expect(explain(mixed).map((f) => f.points)).toEqual(s.points);
    expect(s.score).toBeGreaterThan(350);
    expect(s.score).toBeLessThan(950);
  });
});

describe("reason codes", () => {
  const maxPoints = () => CHARACTERISTICS.map((c) => c.max);
  /** points with every input known (no characteristic missing) */
  const known = (points: number[], max?: number) => scoreReasons({ points, inputs: ALL_MAX }, max);

  it("name the characteristics furthest below their maximum, largest shortfall first", () => {
    const points = maxPoints();
    points[1] = CHARACTERISTICS[1]!.max - 5;
    points[4] = CHARACTERISTICS[4]!.max - 20;
    expect(known(points)).toEqual([CHARACTERISTICS[4]!.reason, CHARACTERISTICS[1]!.reason]);
  });

  it("keep scorecard order on ties", () => {
    const points = maxPoints();
    for (const i of [6, 2, 9]) points[i] = CHARACTERISTICS[i]!.max - 3;
    expect(known(points)).toEqual([2, 6, 9].map((i) => CHARACTERISTICS[i]!.reason));
  });

  it("are at most four", () => {
    const points = CHARACTERISTICS.map(() => 0);
    const reasons = known(points);
    expect(reasons).toHaveLength(4);
    // the four characteristics with the largest maxima (ties in scorecard order)
    const expected = CHARACTERISTICS.map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.max - a.c.max || a.i - b.i)
      .slice(0, 4)
      .map((x) => x.c.reason);
    expect(reasons).toEqual(expected);
    expect(known(points, 2)).toEqual(expected.slice(0, 2));
  });

  it("cite nothing at the maximum", () => {
    expect(known(maxPoints())).toEqual([]);
  });

  it("cite a characteristic without information by its missing bin's reason, once, or not at all", () => {
    const thin = inputs((c) => (c.missing ? null : valueInBin(c, bestBin(c))));
    const reasons = scoreReasons({ points: score(thin).points, inputs: thin });
    // the repayment record's gaps are one reason; utilisation and activity without a line are none
    expect(reasons).toEqual(["NO_REPAYMENT_RECORD"]);
    expect(reasons).not.toContain("HIGH_UTILISATION");
  });
});

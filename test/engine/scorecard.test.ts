// @module-tag property
// The scorecard's rules, checked against its own tables: points and thresholds are being calibrated, so
// nothing here names a particular number of points — only how bins, the range and reasons behave.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REASONS, type ReasonCode, type ReasonInfo } from "../../src/engine/reasons.js";
import { SCORED_INCOME_FLOOR } from "../../src/engine/score-inputs.js";
import {
  addScoreReasons,
  band,
  CHARACTERISTICS,
  type Characteristic,
  DIMENSIONS,
  explain,
  ODDS_SCALING,
  probabilityOfDefault,
  SCORE_MAX,
  SCORE_MIN,
  type ScoreInputs,
  score,
  scoreReasons,
  scoreValue,
} from "../../src/engine/scorecard.js";
import { reasonTextIn } from "../../src/scenario/format/reason-words.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { type EventInput, on, run } from "./builders.js";

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

/** The characteristics whose worst bins are below zero: what a dimension can lose beyond its maximum. */
const BELOW_ZERO: ReadonlyArray<keyof ScoreInputs> = [
  "daysPastDueNow",
  "seriousDelinquency60m",
  "seriousDelinquencyDaysLeft",
  "missedDues12m",
  "debtToIncome",
];

/** A middling file: every characteristic in its middle bin, those that go below zero in their first bin
 *  short of the best (their middle bins alone take a file below 350) — a score clamped at neither end. */
const MIDDLING = inputs((c) => valueInBin(c, BELOW_ZERO.includes(c.id) ? 1 : Math.floor(c.bins.length / 2)));

/** The characteristics where more is worse (days past due, counts of bad events, ratios, applications,
 *  changes); in every other one more is better (good months, income, history, activity, identity, age). */
const MORE_IS_WORSE: ReadonlyArray<keyof ScoreInputs> = [
  "daysPastDueNow",
  "worstDaysPastDue24m",
  "missedDues12m",
  "seriousDelinquency60m",
  "seriousDelinquencyDaysLeft",
  "utilisation",
  "debtToIncome",
  "revolvingDues6m",
  "inquiries30d",
  "inquiries180d",
  "profileChanges90d",
];

describe("scorecard tables", () => {
  it.each(CHARACTERISTICS.map((c) => [c.id, c] as const))(
    "%s: max is its best bin, bins ascend to Infinity",
    (_, c) => {
      const points = [...c.bins.map((b) => b.points), ...(c.missing ? [c.missing.points] : [])];
      expect(c.max).toBe(Math.max(...points));
      // only serious delinquency (now, or in the last five years), habitual lateness and extreme debt
      // score below zero
      if (!BELOW_ZERO.includes(c.id)) expect(Math.min(...points)).toBeGreaterThanOrEqual(0);
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

  it.each(CHARACTERISTICS.map((c) => [c.id, c] as const))(
    "%s is monotone: a worse value never scores more, a better one never less",
    (_, c) => {
      const sign = MORE_IS_WORSE.includes(c.id) ? -1 : 1;
      for (let i = 1; i < c.bins.length; i++)
        expect(sign * (c.bins[i]!.points - c.bins[i - 1]!.points), c.bins[i]!.label).toBeGreaterThanOrEqual(
          0,
        );
      // and the score with it, on a middling file (clamped at neither end)
      const base = MIDDLING;
      const scores = c.bins.map(
        (_, i) => score(inputs((x) => (x === c ? valueInBin(c, i) : base[x.id]))).score,
      );
      for (let i = 1; i < scores.length; i++)
        expect(sign * (scores[i]! - scores[i - 1]!)).toBeGreaterThanOrEqual(0);
    },
  );

  it("every characteristic has its own reason code, but the two that read the one serious-delinquency record", () => {
    // how many serious delinquencies are on file and how long the latest stays there are one fact to the
    // customer (SERIOUS_DELINQUENCY), whose shortfalls the ranking sums
    const reasons = CHARACTERISTICS.map((c) => c.reason);
    expect(new Set(reasons).size).toBe(reasons.length - 1);
    expect(CHARACTERISTICS.filter((c) => c.reason === "SERIOUS_DELINQUENCY").map((c) => c.id)).toEqual([
      "seriousDelinquency60m",
      "seriousDelinquencyDaysLeft",
    ]);
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
    const mixed = MIDDLING;
    const s = score(mixed);
    expect(s.points).toHaveLength(CHARACTERISTICS.length);
    expect(s.score).toBe(350 + s.points.reduce((a, b) => a + b, 0));
    expect(explain(mixed).map((f) => f.points)).toEqual(s.points);
    expect(s.score).toBeGreaterThan(350);
    expect(s.score).toBeLessThan(950);
  });

  it("scoreValue, the number alone, is score's number: every bin of every characteristic, and missing data", () => {
    const cases: ScoreInputs[] = [MIDDLING];
    for (const c of CHARACTERISTICS) {
      for (let i = 0; i < c.bins.length; i++)
        cases.push(inputs((x) => (x === c ? valueInBin(x, i) : valueInBin(x, bestBin(x)))));
      if (c.missing) cases.push(inputs((x) => (x === c ? null : valueInBin(x, worstBin(x)))));
    }
    for (const i of cases) expect(scoreValue(i)).toBe(score(i).score);
    // the cases reach both ends of the range and every point total between, not one score throughout
    expect(new Set(cases.map(scoreValue)).size).toBeGreaterThan(CHARACTERISTICS.length);
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

  it("rank a reason several characteristics cite by their shortfalls summed, ties to the first cited", () => {
    // no repayment record (days past due now and revolving dues missing: 20 and 12 points short) is 32
    // short, ahead of a debt burden 25 short and level with a history 32 short, which it comes before
    const [now, debt, revolving, history, age] = (
      ["daysPastDueNow", "debtToIncome", "revolvingDues6m", "historyMonths", "age"] as const
    ).map((id) => CHARACTERISTICS.find((c) => c.id === id)!);
    expect(now!.missing?.reason).toBe("NO_REPAYMENT_RECORD");
    expect(revolving!.missing?.reason).toBe("NO_REPAYMENT_RECORD");
    const thin = { ...ALL_MAX, [now!.id]: null, [revolving!.id]: null };
    const points = maxPoints();
    const short = (c: Characteristic, by: number) => {
      points[CHARACTERISTICS.indexOf(c)] = c.max - by;
    };
    short(now!, 20);
    short(revolving!, 12);
    short(debt!, 25);
    short(history!, 32);
    short(age!, 5);
    const reasons = (max?: number, among?: ReasonCode[]) =>
      scoreReasons({ points, inputs: thin }, max, among);
    expect(reasons()).toEqual(["NO_REPAYMENT_RECORD", history!.reason, debt!.reason, age!.reason]);
    expect(reasons(2)).toEqual(["NO_REPAYMENT_RECORD", history!.reason]);
    expect(reasons(0)).toEqual([]);
    expect(reasons(4, [age!.reason, debt!.reason])).toEqual([debt!.reason, age!.reason]);
    // at or above its maximum a characteristic is cited by neither code, missing or not
    short(now!, 0);
    short(revolving!, -1);
    expect(reasons()).toEqual([history!.reason, debt!.reason, age!.reason]);
  });

  it("follow a rule's codes, ranked, each not already cited, while there is room", () => {
    // ranked: 0 (by 40), 1 (30), 2 (20), 3 (10), 4 (5)
    const points = maxPoints();
    const ranked = [40, 30, 20, 10, 5].map((by, i) => {
      points[i] = CHARACTERISTICS[i]!.max - by;
      return CHARACTERISTICS[i]!.reason;
    });
    const rule: ReasonCode = "DEBT_TO_INCOME_TOO_HIGH";
    const following = (out: ReasonCode[]) => addScoreReasons(out, { points, inputs: ALL_MAX }, 4);
    expect(following([ranked[1]!])).toEqual([ranked[1], ranked[0], ranked[2], ranked[3]]);
    expect(following([rule, ranked[2]!])).toEqual([rule, ranked[2], ranked[0], ranked[1]]);
    expect(following([rule])).toEqual([rule, ranked[0], ranked[1], ranked[2]]);
    expect(following([])).toEqual(known(points));
  });

  it("cite a characteristic without information by its missing bin's reason, once, or not at all", () => {
    const thin = inputs((c) => (c.missing ? null : valueInBin(c, bestBin(c))));
    const reasons = scoreReasons({ points: score(thin).points, inputs: thin });
    // the repayment record's gaps are one reason; utilisation and activity without a line are none
    expect(reasons).toEqual(["NO_REPAYMENT_RECORD"]);
    expect(reasons).not.toContain("HIGH_UTILISATION");
  });
});

/**
 * A customer with a typical good file (36, ¥15,000 a month, five years of credit elsewhere, a little debt
 * elsewhere) who buys on Huabei once a month for a year and repays each statement: on time, or `late`
 * days after the due day on the months listed (1 = the bill due in February), each time in full.
 */
function customer(lateMonths: readonly number[], late = 4, extra: readonly EventInput[] = []) {
  const day = (month: number, date: number) =>
    Math.round((Date.UTC(2024, month, date) - Date.UTC(2024, 0, 1)) / 864e5);
  const events: EventInput[] = [on.open(0, 8000), ...extra];
  for (let m = 0; m < 12; m++) {
    events.push(on.purchase(day(m, 5), 1500));
    const due = day(m + 1, 10);
    events.push(on.repay(lateMonths.includes(m + 1) ? due + late : due - 2, "statement"));
  }
  const trace = run(events, {
    until: day(12, 25),
    profile: { age: 35, monthlyIncome: 15_000, creditHistoryMonths: 60, externalDebt: 10_000 },
  });
  const end = trace.steps.at(-1)!;
  const { points } = score(end.inputs);
  return { score: end.score, inputs: end.inputs, reasons: scoreReasons({ points, inputs: end.inputs }) };
}

describe("habitual lateness and extreme debt", () => {
  it("six due dates missed in a year, each by a few days and cured, is no 'excellent' file", () => {
    const onTime = customer([]);
    expect(band(onTime.score)).toBe("excellent");
    const habitual = customer([2, 4, 6, 8, 10, 12]);
    expect(habitual.inputs.missedDues12m).toBe(6);
    expect(habitual.inputs.worstDaysPastDue24m).toBeLessThanOrEqual(7);
    expect(band(habitual.score)).not.toBe("excellent");
    // the habit is what the score cites first
    expect(habitual.reasons[0]).toBe("OVERDUE_RECENT");
  });

  it("each further missed due date costs points: 0 … 6 lates score in order", () => {
    const months = [2, 4, 6, 8, 10, 12];
    const scores = months.map((_, n) => customer(months.slice(0, n)).score);
    scores.push(customer(months).score);
    for (let n = 1; n < scores.length; n++) expect(scores[n], `${n} lates`).toBeLessThan(scores[n - 1]!);
  });

  it("debt twice a year's income is no 'excellent' file", () => {
    // ¥15,000 a month is ¥180,000 a year: ¥366,000 more elsewhere makes ¥376,000, 2.09 times it
    const indebted = customer([], 4, [on.externalDebt(100, 366_000)]);
    expect(indebted.inputs.debtToIncome).toBeGreaterThan(2);
    expect(band(customer([]).score)).toBe("excellent");
    expect(band(indebted.score)).not.toBe("excellent");
    expect(indebted.reasons[0]).toBe("HIGH_DEBT_BURDEN");
  });

  it("debt over three times a year's income (or any debt with no income) is never 'excellent'", () => {
    for (const debtToIncome of [3 + 1e-9, 10, Number.POSITIVE_INFINITY]) {
      const s = score({ ...ALL_MAX, debtToIncome });
      expect(s.score, String(debtToIncome)).toBeLessThan(700);
      expect(band(s.score)).not.toBe("excellent");
    }
  });
});

describe("a serious delinquency on file", () => {
  // a charge-off, or any delinquency over 90 days past due, stays on file 5 years from its end (1,826
  // days, the day it ends counted): the heaviest derogatory a scorecard knows
  const onFile = (count: number, daysLeft: number) =>
    score({ ...ALL_MAX, seriousDelinquency60m: count, seriousDelinquencyDaysLeft: daysLeft });

  it("keeps any file below 'excellent' for every day it is on file, and weighs nothing once it leaves", () => {
    for (const count of [1, 2, 3])
      for (let daysLeft = 1; daysLeft <= 1826; daysLeft++)
        expect(onFile(count, daysLeft).score, `${count} on file, ${daysLeft} days left`).toBeLessThan(700);
    // the day it leaves: nothing on file, nothing taken
    expect(onFile(0, 0).score).toBe(950);
  });

  it("fades as it ages: fewer days left on file never cost more, and the last year costs less than the first", () => {
    const points = (daysLeft: number) => {
      const i = CHARACTERISTICS.findIndex((c) => c.id === "seriousDelinquencyDaysLeft");
      return onFile(1, daysLeft).points[i]!;
    };
    for (let daysLeft = 2; daysLeft <= 1826; daysLeft++)
      expect(points(daysLeft - 1), `${daysLeft} days left`).toBeGreaterThanOrEqual(points(daysLeft));
    expect(points(1)).toBeGreaterThan(points(1826));
    expect(points(1826)).toBeLessThan(0);
    expect(points(0)).toBe(0);
  });

  it("is cited as SERIOUS_DELINQUENCY, first, on an otherwise perfect file", () => {
    const i = { ...ALL_MAX, seriousDelinquency60m: 2, seriousDelinquencyDaysLeft: 400 };
    expect(scoreReasons({ points: score(i).points, inputs: i })).toEqual(["SERIOUS_DELINQUENCY"]);
  });

  it("is told as the record keeps it: 5 years from the day it is repaid, not 5 years whether repaid or not", () => {
    // one written off and never repaid never leaves the file (all 1,826 days left while it has not ended)
    const { advice, settled } = REASONS.SERIOUS_DELINQUENCY;
    expect(advice).toMatch(/5 years from the day it is repaid/);
    expect(settled).toMatch(/5 years from the day it was repaid/);
    expect(`${advice} ${settled}`).not.toMatch(/repaid or not/);
  });
});

describe("debt with no income", () => {
  // debt elsewhere, and the score customer service reads after the month end
  const scored = (monthlyIncome: number, debt: number) => {
    const trace = run([...(debt > 0 ? [on.externalDebt(5, debt)] : []), on.support(35)], {
      until: 40,
      profile: { age: 35, monthlyIncome, creditHistoryMonths: 60 },
    });
    return trace.steps.at(-1)!;
  };

  it("a small debt costs a customer with no income nothing: the ratio divides by at least SCORED_INCOME_FLOOR", () => {
    // with nothing to divide by, ¥50 read as beyond every ratio and cost 260 points
    expect(scored(0, 50).score).toBe(scored(0, 0).score);
    expect(scored(0, 50).inputs.debtToIncome).toBeCloseTo(50 / (12 * SCORED_INCOME_FLOOR), 9);
    // three times ¥12,000 a year is still no "excellent" file
    expect(band(score({ ...ALL_MAX, debtToIncome: scored(0, 36_001).inputs.debtToIncome }).score)).not.toBe(
      "excellent",
    );
  });

  it("never scores lower as the income rises, whatever the debt", () => {
    for (const debt of [50, 5_000, 30_000, 200_000]) {
      const scores = [0, 500, 999, 1_000, 1_001, 3_000, 8_000].map((income) => scored(income, debt).score);
      for (let i = 1; i < scores.length; i++)
        expect(scores[i], `¥${debt}`).toBeGreaterThanOrEqual(scores[i - 1]!);
    }
  });
});

describe("the default probability", () => {
  const odds = (p: number) => (1 - p) / p;

  it("reads the anchor's odds at the anchor's score, and doubles them every pointsToDouble", () => {
    const { score: anchor, odds: anchorOdds, pointsToDouble } = ODDS_SCALING;
    expect(odds(probabilityOfDefault(anchor))).toBeCloseTo(anchorOdds, 6);
    for (const s of [SCORE_MIN, 600, anchor, 800, SCORE_MAX - pointsToDouble])
      expect(odds(probabilityOfDefault(s + pointsToDouble)) / odds(probabilityOfDefault(s))).toBeCloseTo(
        2,
        9,
      );
  });

  it("falls as the score rises, and reads the bands as the simulated population's accounts turn out", () => {
    for (let s = SCORE_MIN; s < SCORE_MAX; s++)
      expect(probabilityOfDefault(s + 1)).toBeLessThan(probabilityOfDefault(s));
    // the top of the scale is not a millionth, its bottom a likely default; the bands as docs/model/score.md
    // measures them (test/population/calibration.test.ts holds the scale to the accounts)
    expect(probabilityOfDefault(SCORE_MAX)).toBeGreaterThan(1e-4);
    expect(probabilityOfDefault(SCORE_MIN)).toBeGreaterThan(0.9);
    // excellent (700–749): 5–9 % measured; good (600–649): 28–43 %
    expect(probabilityOfDefault(725)).toBeGreaterThan(0.05);
    expect(probabilityOfDefault(725)).toBeLessThan(0.12);
    expect(probabilityOfDefault(625)).toBeGreaterThan(0.25);
    expect(probabilityOfDefault(625)).toBeLessThan(0.45);
  });
});

describe("the score over any file", () => {
  /** Any value a characteristic can take: a count or ratio anywhere in its bins and past them (an infinite
   *  ratio too: debt with no income), a boolean for a yes/no one, and no information where it has a bin
   *  for that. */
  const anyValue = (c: Characteristic): fc.Arbitrary<number | boolean | null> => {
    if (isBoolean(c)) return fc.boolean();
    const top = c.bins.at(-2)!.upTo;
    const value = Number.isInteger(top)
      ? fc.integer({ min: 0, max: Math.ceil(top * 2) + 2 })
      : fc.oneof(
          fc.double({ min: 0, max: top * 2, noNaN: true }),
          fc.constantFrom(...c.bins.slice(0, -1).map((b) => b.upTo), Number.POSITIVE_INFINITY),
        );
    return c.missing ? fc.option(value, { freq: 5 }) : value;
  };
  const file = fc
    .tuple(...CHARACTERISTICS.map(anyValue))
    .map((values) => inputs((c) => values[CHARACTERISTICS.indexOf(c)]!));

  it("is monotone in each characteristic on every file, and is 350 + its points kept within 350–950", () => {
    fc.assert(
      fc.property(
        file,
        fc.nat({ max: CHARACTERISTICS.length - 1 }),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        (i, k, [u, v]) => {
          const s = score(i);
          const sum = SCORE_MIN + s.points.reduce((a, b) => a + b, 0);
          expect(s.score).toBe(Math.min(SCORE_MAX, Math.max(SCORE_MIN, sum)));
          expect(scoreValue(i)).toBe(s.score);
          expect(explain(i).map((f) => f.points)).toEqual(s.points);
          // characteristic k at two values (a boolean one read as no and yes): the better never scores less
          const c = CHARACTERISTICS[k]!;
          if (isBoolean(c)) {
            const no = score(inputs((x) => (x === c ? false : i[x.id]))).score;
            const yes = score(inputs((x) => (x === c ? true : i[x.id]))).score;
            expect(yes).toBeGreaterThanOrEqual(no);
            return;
          }
          const top = c.bins.at(-2)!.upTo * 2 + 1;
          const [low, high] = [Math.min(u, v) * top, Math.max(u, v) * top];
          const at = (value: number) => score(inputs((x) => (x === c ? value : i[x.id]))).score;
          const [worse, better] = MORE_IS_WORSE.includes(c.id) ? [high, low] : [low, high];
          expect(at(better), `${c.id}: ${better} against ${worse}`).toBeGreaterThanOrEqual(at(worse));
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe("serious delinquency texts", () => {
  // the rule: on file 5 years from the day it ends (repaid, or cured), and for as long as it is unpaid —
  // not a window of the last 60 months / 5 years before the day scored
  const texts = [
    CHARACTERISTICS.find((c) => c.reason === "SERIOUS_DELINQUENCY" && c.max > 0)?.title ?? "",
    REASONS.SERIOUS_DELINQUENCY.text,
  ];
  it.each(texts)("%s: says how long it stays on file", (text) => {
    expect(text).toMatch(/5 years from repayment/);
    expect(text).toMatch(/as long as unpaid/);
    expect(text).not.toMatch(/last (60 months|5 years)/);
  });
});

describe("the applications' reasons say what they count", () => {
  // "Too many credit applications in the last 6 months" was told of two in six months: no lender calls
  // that too many (the policy's own TOO_MANY_APPLICATIONS reads more than maxApplications30d in 30 days;
  // myFICO's and Chinese lenders' rules of thumb, six or so in six months). A count's full words are the
  // count from which the scorecard cites it so, a fact true of every count it is said of.
  const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  const counted = (id: keyof ScoreInputs, n: number) =>
    inputs((c) => (c.id === id ? n : valueInBin(c, bestBin(c))));
  it.each([
    ["inquiries30d", "INQUIRIES_30D"],
    ["inquiries180d", "INQUIRIES_180D"],
  ] as const)(
    "%s: its full words name the least count they are said of, and never 'too many'",
    (id, code) => {
      const text = REASONS[code].text;
      expect(text).not.toMatch(/too many/i);
      const least = WORDS.indexOf((text.split(" ", 1)[0] ?? "").toLowerCase());
      expect(least, text).toBeGreaterThan(0);
      for (let n = 0; n <= 12; n++) {
        const i = counted(id, n);
        const said = scoreReasons({ points: score(i).points, inputs: i }).includes(code)
          ? reasonTextIn(code, i)
          : null;
        // below the count named: not cited, or cited in its milder words; from it: the full words
        expect({ n, full: said === text }).toEqual({ n, full: n >= least });
      }
    },
  );
});

describe("a score reason's milder words", () => {
  // said when every characteristic citing the code kept half its points or more (reasonTextIn): words no
  // bin can reach are a catalogue entry (docs/reference/reason-codes.md) no customer is ever told
  it.each(
    (Object.keys(REASONS) as ReasonCode[]).filter((code) => (REASONS[code] as ReasonInfo).mild !== undefined),
  )("%s: some bin below its characteristic's maximum keeps half its points or more", (code) => {
    const near = CHARACTERISTICS.flatMap((c) =>
      [
        ...(c.reason === code ? c.bins.map((b) => b.points) : []),
        ...(c.missing?.reason === code ? [c.missing.points] : []),
      ].filter((points) => points < c.max && points * 2 >= c.max),
    );
    expect(near.length).toBeGreaterThan(0);
  });
});

describe("a Jiebei drawdown is no application", () => {
  it("draws on a line already assessed: no inquiry, in either window, however many are drawn", () => {
    // the opening is the one inquiry; three drawdowns in a month after it leave the count where it was
    const t = run([
      on.open(0, 20_000, "jiebei"),
      on.borrow(3, 1_000, 3),
      on.borrow(5, 1_000, 3),
      on.borrow(7, 1_000, 3),
    ]);
    const borrows = t.steps.filter((s) => s.event.type === "borrow");
    expect(borrows.map((s) => s.decision)).toEqual(["approved", "approved", "approved"]);
    const opened = t.steps.find((s) => s.event.type === "apply")!;
    for (const s of borrows) {
      expect(s.inputs.inquiries30d).toBe(opened.inputs.inquiries30d);
      expect(s.inputs.inquiries180d).toBe(opened.inputs.inquiries180d);
    }
    expect(opened.inputs.inquiries30d).toBe(1);
  });
});

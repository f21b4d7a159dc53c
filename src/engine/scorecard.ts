// The scorecard: five dimensions of binned characteristics. Score = 350 + the points of every bin hit,
// so the range is 350–950 (600 points in all, split by the published FICO weights 35/30/15/10/10).
// Every number here is an assumption of credit-sim's, documented in the README; reason codes are the
// characteristics furthest below their maximum, the "points below maximum" convention of DOMAIN.md.

import type { ReasonCode } from "./reasons.js";

export const SCORE_MIN = 350;
export const SCORE_MAX = 950;

export type Dimension = "repayment" | "burden" | "history" | "applications" | "identity";

export const DIMENSIONS: Record<Dimension, { label: string; weight: number }> = {
  repayment: { label: "Repayment history", weight: 0.35 },
  burden: { label: "Credit burden", weight: 0.3 },
  history: { label: "History length & behaviour", weight: 0.15 },
  applications: { label: "New applications", weight: 0.1 },
  identity: { label: "Identity & stability", weight: 0.1 },
};

/** The facts the scorecard reads; the engine derives them from its state on the day. */
export interface ScoreInputs {
  overdueDaysNow: number;
  overdueEpisodes180d: number;
  worstOverdueDays365d: number;
  onTimeBills24m: number;
  /** yuan per month */
  monthlyIncome: number;
  /** balance / limit; null without an open account */
  utilisation: number | null;
  /** (external debt + balance) / annual income; null without income */
  debtToIncome: number | null;
  revolvingBills180d: number;
  historyMonths: number;
  purchases90d: number;
  inquiries30d: number;
  inquiries180d: number;
  verified: boolean;
  profileChanges90d: number;
  age: number;
}

/** A bin: applies when the value is ≤ `upTo` (bins are checked in order; the last has upTo Infinity). */
interface Bin {
  upTo: number;
  points: number;
  label: string;
}

export interface Characteristic {
  id: keyof ScoreInputs;
  dimension: Dimension;
  title: string;
  reason: ReasonCode;
  max: number;
  /** points when the value is null (no data) */
  missing?: { points: number; label: string };
  bins: readonly Bin[];
}

const bins = (...rows: Array<[number, number, string]>): Bin[] =>
  rows.map(([upTo, points, label]) => ({ upTo, points, label }));

export const CHARACTERISTICS: readonly Characteristic[] = [
  {
    id: "overdueDaysNow",
    dimension: "repayment",
    title: "Days overdue now",
    reason: "OVERDUE_NOW",
    max: 40,
    bins: bins([0, 40, "none"], [7, 5, "1–7"], [Infinity, 0, "over 7"]),
  },
  {
    id: "overdueEpisodes180d",
    dimension: "repayment",
    title: "Overdue bills, last 180 days",
    reason: "OVERDUE_RECENT",
    max: 50,
    bins: bins([0, 50, "none"], [1, 10, "1"], [Infinity, 0, "2 or more"]),
  },
  {
    id: "worstOverdueDays365d",
    dimension: "repayment",
    title: "Worst days overdue, last 12 months",
    reason: "DELINQUENCY_LEVEL",
    max: 30,
    bins: bins([0, 30, "never overdue"], [7, 8, "1–7"], [30, 2, "8–30"], [Infinity, 0, "over 30"]),
  },
  {
    id: "onTimeBills24m",
    dimension: "repayment",
    title: "Bills repaid on time, last 24 months",
    reason: "SHORT_REPAYMENT_RECORD",
    max: 90,
    bins: bins(
      [0, 0, "none"],
      [3, 15, "1–3"],
      [7, 35, "4–7"],
      [11, 50, "8–11"],
      [17, 65, "12–17"],
      [23, 80, "18–23"],
      [Infinity, 90, "24 or more"],
    ),
  },
  {
    id: "utilisation",
    dimension: "burden",
    title: "Reported balance / limit",
    reason: "HIGH_UTILISATION",
    max: 60,
    missing: { points: 20, label: "no account" },
    bins: bins(
      [0.1, 60, "≤ 10 %"],
      [0.3, 48, "≤ 30 %"],
      [0.5, 30, "≤ 50 %"],
      [0.75, 12, "≤ 75 %"],
      [0.9, 4, "≤ 90 %"],
      [Infinity, 0, "over 90 %"],
    ),
  },
  {
    id: "debtToIncome",
    dimension: "burden",
    title: "Total debt / annual income",
    reason: "HIGH_DEBT_BURDEN",
    max: 50,
    missing: { points: 0, label: "no income" },
    bins: bins(
      [0.05, 50, "≤ 5 %"],
      [0.2, 40, "≤ 20 %"],
      [0.4, 25, "≤ 40 %"],
      [0.7, 10, "≤ 70 %"],
      [1, 3, "≤ 100 %"],
      [Infinity, 0, "over 100 %"],
    ),
  },
  {
    id: "revolvingBills180d",
    dimension: "burden",
    title: "Bills repaid at the minimum, last 180 days",
    reason: "REVOLVING_BALANCE",
    max: 30,
    bins: bins([0, 30, "none"], [1, 18, "1"], [3, 8, "2–3"], [Infinity, 0, "4 or more"]),
  },
  {
    id: "monthlyIncome",
    dimension: "burden",
    title: "Monthly income (capacity to pay)",
    reason: "LOW_INCOME",
    max: 40,
    bins: bins(
      [2999, 0, "under 3,000"],
      [5999, 10, "3,000–5,999"],
      [9999, 20, "6,000–9,999"],
      [19999, 30, "10,000–19,999"],
      [Infinity, 40, "20,000 or more"],
    ),
  },
  {
    id: "historyMonths",
    dimension: "history",
    title: "Months of credit history",
    reason: "SHORT_HISTORY",
    max: 60,
    bins: bins(
      [5, 0, "under 6"],
      [23, 20, "6–23"],
      [59, 35, "24–59"],
      [119, 50, "60–119"],
      [Infinity, 60, "120 or more"],
    ),
  },
  {
    id: "purchases90d",
    dimension: "history",
    title: "Purchases, last 90 days",
    reason: "LOW_ACTIVITY",
    max: 30,
    bins: bins([0, 0, "none"], [5, 15, "1–5"], [Infinity, 30, "6 or more"]),
  },
  {
    id: "inquiries30d",
    dimension: "applications",
    title: "Credit applications, last 30 days",
    reason: "INQUIRIES_30D",
    max: 35,
    bins: bins([0, 35, "none"], [1, 20, "1"], [2, 8, "2"], [Infinity, 0, "3 or more"]),
  },
  {
    id: "inquiries180d",
    dimension: "applications",
    title: "Credit applications, last 180 days",
    reason: "INQUIRIES_180D",
    max: 25,
    bins: bins([1, 25, "0–1"], [3, 10, "2–3"], [5, 3, "4–5"], [Infinity, 0, "6 or more"]),
  },
  {
    id: "verified",
    dimension: "identity",
    title: "Identity verified",
    reason: "IDENTITY_NOT_VERIFIED",
    max: 30,
    // booleans are read as 0 (no) / 1 (yes)
    bins: bins([0, 0, "no"], [Infinity, 30, "yes"]),
  },
  {
    id: "profileChanges90d",
    dimension: "identity",
    title: "Profile changes, last 90 days",
    reason: "FREQUENT_PROFILE_CHANGES",
    max: 20,
    bins: bins([0, 20, "none"], [1, 12, "1"], [2, 4, "2"], [Infinity, 0, "3 or more"]),
  },
  {
    id: "age",
    dimension: "identity",
    title: "Applicant age band",
    reason: "YOUNG_CREDIT_PROFILE",
    max: 10,
    bins: bins([21, 0, "18–21"], [25, 5, "22–25"], [Infinity, 10, "26 or more"]),
  },
];

export interface Factor {
  characteristic: Characteristic;
  value: number | boolean | null;
  bin: string;
  points: number;
}

export interface ScoreResult {
  score: number;
  /** points per characteristic, in CHARACTERISTICS order */
  points: number[];
}

function binFor(c: Characteristic, raw: number | boolean | null): { points: number; label: string } {
  if (raw === null) return c.missing ?? { points: 0, label: "no data" };
  const value = typeof raw === "boolean" ? (raw ? 1 : 0) : raw;
  for (const bin of c.bins) if (value <= bin.upTo) return bin;
  // unreachable: the last bin is Infinity
  return { points: 0, label: "?" };
}

/** The score and the points per characteristic. Hot path: no allocation beyond the points array. */
export function score(inputs: ScoreInputs): ScoreResult {
  const points: number[] = new Array(CHARACTERISTICS.length);
  let total = SCORE_MIN;
  for (let i = 0; i < CHARACTERISTICS.length; i++) {
    const c = CHARACTERISTICS[i]!;
    const p = binFor(c, inputs[c.id]).points;
    points[i] = p;
    total += p;
  }
  return { score: total, points };
}

/** Every characteristic with its value, bin and points: the `--explain` breakdown. */
export function explain(inputs: ScoreInputs): Factor[] {
  return CHARACTERISTICS.map((c) => {
    const value = inputs[c.id];
    const bin = binFor(c, value);
    return { characteristic: c, value, bin: bin.label, points: bin.points };
  });
}

/**
 * Reason codes: the characteristics with the most points below their maximum, at most `max`
 * (4, as adverse-action practice does); ties keep scorecard order so the output is stable.
 */
export function scoreReasons(points: readonly number[], max = 4): ReasonCode[] {
  return appendScoreReasons(points, [], max);
}

// scratch for the top-k selection: the engine is single-threaded, and nothing here re-enters
const topIndex: number[] = [];
const topGap: number[] = [];

/**
 * Appends the scorecard's reasons to `out` (skipping codes already there) until it holds `limit` codes;
 * the allocation-free form of `scoreReasons`, for the review rules.
 */
export function appendScoreReasons(
  points: readonly number[],
  out: ReasonCode[],
  limit: number,
): ReasonCode[] {
  let n = 0;
  // top-k by insertion into a short list: no sort, no temporaries
  for (let i = 0; i < CHARACTERISTICS.length; i++) {
    const g = CHARACTERISTICS[i]!.max - (points[i] ?? 0);
    if (g <= 0) continue;
    let at = n;
    while (at > 0 && topGap[at - 1]! < g) at--; // strictly less: earlier characteristics win ties
    if (at >= 4) continue;
    for (let k = Math.min(n, 3); k > at; k--) {
      topIndex[k] = topIndex[k - 1]!;
      topGap[k] = topGap[k - 1]!;
    }
    topIndex[at] = i;
    topGap[at] = g;
    if (n < 4) n++;
  }
  const want = out.length + Math.min(n, limit - out.length);
  for (let k = 0; k < n && out.length < want; k++) {
    const code = CHARACTERISTICS[topIndex[k]!]!.reason;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** Sesame-style band names (DOMAIN.md). */
export function band(scoreValue: number): string {
  if (scoreValue < 550) return "poor";
  if (scoreValue < 600) return "fair";
  if (scoreValue < 650) return "good";
  if (scoreValue < 700) return "very good";
  return "excellent";
}

/**
 * Probability of default implied by the score under the DOMAIN.md scaling
 * (600 points at 50:1 good:bad odds, 20 points to double the odds).
 */
export function probabilityOfDefault(scoreValue: number): number {
  const factor = 20 / Math.LN2;
  const offset = 600 - factor * Math.log(50);
  const odds = Math.exp((scoreValue - offset) / factor);
  return 1 / (1 + odds);
}

/** Which characteristics moved between two point vectors. */
export function movedCharacteristics(
  before: readonly number[],
  after: readonly number[],
): Array<{ characteristic: string; from: number; to: number }> {
  const moves: Array<{ characteristic: string; from: number; to: number }> = [];
  for (let i = 0; i < CHARACTERISTICS.length; i++) {
    const from = before[i] ?? 0;
    const to = after[i] ?? 0;
    if (from !== to) moves.push({ characteristic: CHARACTERISTICS[i]!.id, from, to });
  }
  return moves;
}

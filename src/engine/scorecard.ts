// The scorecard: five dimensions of binned characteristics. Score = 350 + the points of every bin hit, kept
// within 350–950; the maxima add up to 600, split by the published FICO weights 35/30/15/10/10. Serious
// delinquency scores below zero (a 90-days-past-due account cannot stay in the top two Sesame bands, as
// published FICO examples take 100+ points off a high score for it), and so do habitual lateness (three
// or more due dates missed in a year) and extreme debt (more than a year's income): the maxima are what a
// dimension can earn, not all it can lose. Every number is credit-sim's own assumption, listed in
// docs/model/score.md; reasons are the characteristics furthest below their maximum.

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

/**
 * The least purchase (fen) Huabei's activity counts, and it counts days, not purchases: a day with one
 * such purchase (made or tried) is one day of use. Seven ¥0.01 purchases in a day once took the count from
 * none to "6 or more", 20 points for 7 fen — a characteristic a customer can buy is one a risk reviewer
 * rejects; and one shopping trip split into seven purchases is one day's use, not seven. ¥10 is the amount
 * China's bank-card tolerance service treats as negligible (`toleranceAmount`'s default) (**assumption**,
 * docs/model/score.md). More purchases never lower the count.
 */
export const ACTIVITY_MIN_PURCHASE = 1_000;
/** ACTIVITY_MIN_PURCHASE as the texts say it ("a purchase of at least ¥10"): whole yuan. */
export const ACTIVITY_MIN_PURCHASE_TEXT = `¥${ACTIVITY_MIN_PURCHASE / 100}`;

/**
 * The facts the scorecard reads; `scoreInputs` (score-inputs.ts) derives them from the customer on a day.
 * `null` means "no information": no repayment record yet (a thin file), no reported revolving line, no
 * usable line, no income. Each characteristic that needs history has its own bin for it, worth less than
 * a clean record and more than a bad one.
 */
export interface ScoreInputs {
  /** days past due now, worst line */
  daysPastDueNow: number | null;
  /** the worst days past due reached in the last 24 months (a charge-off counts as its charge-off day) */
  worstDaysPastDue24m: number | null;
  /** due dates missed in the last 12 months, both lines */
  missedDues12m: number | null;
  /** month ends of record in good standing in the last 24 months (no line overdue that month, and credit
   *  extended on a line within the year before: a line left unused is no record), plus a month for each
   *  month of history elsewhere */
  goodMonths24m: number | null;
  /** episodes more than 90 days past due, plus charge-offs, on file: 5 years from the day each ended
   *  (repaid, or cured), and for as long as one has not */
  seriousDelinquency60m: number | null;
  /** the days the most recent of those stays on file: 5 years (1,826 days, the day it ends counted)
   *  from the day it ended — repaid, or cured — less the days since; one not ended yet (still past due, a
   *  debt written off and never repaid) has all 1,826 left; 0 with none on file */
  seriousDelinquencyDaysLeft: number;
  /** Huabei balance / limit as last reported at a month end; null without a reported line */
  utilisation: number | null;
  /** (external debt + what is owed on both lines) / annual income, the income counted as at least
   *  SCORED_INCOME_FLOOR a month (score-inputs.ts) */
  debtToIncome: number;
  /** Huabei bills not paid in full by their due date (paid at the minimum, or missed), last 6 months */
  revolvingDues6m: number | null;
  /** yuan per month */
  monthlyIncome: number;
  historyMonths: number;
  /** days with a Huabei purchase (made or tried) of at least ACTIVITY_MIN_PURCHASE in the last 90 days the
   *  line was usable (score-inputs.ts); null without a line */
  purchases90d: number | null;
  inquiries30d: number;
  inquiries180d: number;
  verified: boolean;
  profileChanges90d: number;
  age: number;
}

/** A characteristic, by the fact it reads: what a step's score moves name. */
export type CharacteristicId = keyof ScoreInputs;

/** A bin: applies when the value is ≤ `upTo` (bins are checked in order; the last has upTo Infinity). */
interface Bin {
  upTo: number;
  points: number;
  label: string;
}

export interface Characteristic {
  id: CharacteristicId;
  dimension: Dimension;
  title: string;
  reason: ReasonCode;
  max: number;
  /** points when the value is null (no information), and the reason cited for it (none: not cited) */
  missing?: { points: number; label: string; reason?: ReasonCode };
  bins: readonly Bin[];
  /** its value is an amount in yuan: the texts say it, and its bins' edges, with ¥ */
  money?: true;
}

const bins = (...rows: Array<[number, number, string]>): Bin[] =>
  rows.map(([upTo, points, label]) => ({ upTo, points, label }));

const NO_RECORD = "no repayment record yet";
/** a thin file's missing record is one reason, whichever characteristic it costs */
const NO_RECORD_REASON: ReasonCode = "NO_REPAYMENT_RECORD";

export const CHARACTERISTICS: readonly Characteristic[] = [
  {
    id: "daysPastDueNow",
    dimension: "repayment",
    title: "Days past due now",
    reason: "OVERDUE_NOW",
    max: 50,
    missing: { points: 30, label: NO_RECORD, reason: NO_RECORD_REASON },
    // negative points: a serious delinquency outweighs any good elsewhere (90+ days: below "very good")
    bins: bins(
      [0, 50, "none"],
      [30, 10, "1–30"],
      [60, -60, "31–60"],
      [90, -100, "61–90"],
      [Infinity, -150, "over 90"],
    ),
  },
  {
    id: "worstDaysPastDue24m",
    dimension: "repayment",
    title: "Worst days past due, last 24 months",
    reason: "DELINQUENCY_LEVEL",
    max: 50,
    missing: { points: 30, label: NO_RECORD, reason: NO_RECORD_REASON },
    bins: bins(
      [0, 50, "never past due"],
      [7, 30, "1–7"],
      [30, 18, "8–30"],
      [60, 8, "31–60"],
      [90, 3, "61–90"],
      [Infinity, 0, "over 90"],
    ),
  },
  {
    id: "missedDues12m",
    dimension: "repayment",
    title: "Due dates missed, last 12 months",
    reason: "OVERDUE_RECENT",
    max: 40,
    missing: { points: 25, label: NO_RECORD, reason: NO_RECORD_REASON },
    // below zero from the third: how often is the habit, as worst days past due is the depth — six short
    // lates in a year (each cured within days) cost about as much as a serious delinquency, and a typical
    // file leaves "excellent" for them (docs/model/score.md)
    bins: bins(
      [0, 40, "none"],
      [1, 10, "1"],
      [2, 2, "2"],
      [3, -30, "3"],
      [5, -75, "4–5"],
      [Infinity, -130, "6 or more"],
    ),
  },
  {
    id: "goodMonths24m",
    dimension: "repayment",
    title: "Months in good standing, last 24 (and months of history elsewhere)",
    reason: "SHORT_REPAYMENT_RECORD",
    max: 40,
    missing: { points: 5, label: NO_RECORD, reason: NO_RECORD_REASON },
    bins: bins(
      [0, 0, "none"],
      [3, 12, "1–3"],
      [7, 22, "4–7"],
      [11, 30, "8–11"],
      [17, 35, "12–17"],
      [Infinity, 40, "18 or more"],
    ),
  },
  {
    id: "seriousDelinquency60m",
    dimension: "repayment",
    title: "Over 90 days past due, and charge-offs, on file (5 years from repayment, for as long as unpaid)",
    reason: "SERIOUS_DELINQUENCY",
    max: 30,
    missing: { points: 15, label: NO_RECORD, reason: NO_RECORD_REASON },
    // below zero: a serious delinquency weighs for years after it is repaid (a charge-off counts twice)
    bins: bins([0, 30, "none"], [1, -80, "1"], [Infinity, -130, "2 or more"]),
  },
  {
    id: "seriousDelinquencyDaysLeft",
    dimension: "repayment",
    title: "Days the most recent serious delinquency stays on file (5 years from its end)",
    reason: "SERIOUS_DELINQUENCY",
    // it earns nothing (max 0) and takes away while the record is on file, fading as it ages, as published
    // scorecards' "time since most recent serious delinquency": with the count above (1: 110 below its
    // best) no file scores "excellent" (700) with one on file, whatever else it holds (950 − 110 − 145 =
    // 695), and none keeps its weight once the record leaves the file (docs/model/score.md)
    max: 0,
    bins: bins(
      [0, 0, "none on file"],
      [365, -145, "leaves within a year"],
      [730, -150, "leaves in 1–2 years"],
      [1095, -155, "leaves in 2–3 years"],
      [1460, -170, "leaves in 3–4 years"],
      [Infinity, -200, "leaves in 4–5 years, or not ended"],
    ),
  },
  {
    id: "utilisation",
    dimension: "burden",
    title: "Huabei balance / limit, as last reported",
    reason: "HIGH_UTILISATION",
    max: 60,
    missing: { points: 25, label: "no line reported yet" },
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
    // below zero past a year's income: debt twice a year's income and more is a burden a typical file
    // does not stay "excellent" under (docs/model/score.md)
    bins: bins(
      [0.05, 50, "≤ 5 %"],
      [0.2, 40, "≤ 20 %"],
      [0.4, 25, "≤ 40 %"],
      [0.7, 10, "≤ 70 %"],
      [1, 3, "≤ 100 %"],
      [1.25, -15, "≤ 125 %"],
      [1.5, -35, "≤ 150 %"],
      [1.75, -60, "≤ 175 %"],
      [2, -110, "≤ 200 %"],
      [3, -180, "≤ 300 %"],
      [Infinity, -210, "over 300 %"],
    ),
  },
  {
    id: "revolvingDues6m",
    dimension: "burden",
    title: "Huabei bills not paid in full, last 6 months",
    reason: "REVOLVING_BALANCE",
    max: 30,
    // no lower than one bill revolved: a thin file paying in full never scores below one paying the minimum
    missing: { points: 18, label: NO_RECORD, reason: NO_RECORD_REASON },
    bins: bins([0, 30, "none"], [1, 18, "1"], [3, 8, "2–3"], [Infinity, 0, "4 or more"]),
  },
  {
    id: "monthlyIncome",
    dimension: "burden",
    title: "Monthly income (capacity to pay)",
    reason: "LOW_INCOME",
    max: 40,
    money: true,
    // the income is yuan to the fen: "under 3,000" is every fen below it, ¥2,999.50 too (an edge of 2999
    // read ¥2,999.50 as "3,000–5,999")
    bins: bins(
      [2999.99, 0, "under 3,000"],
      [5999.99, 10, "3,000–5,999"],
      [9999.99, 20, "6,000–9,999"],
      [19999.99, 30, "10,000–19,999"],
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
    title: `Days with a Huabei purchase of ¥${ACTIVITY_MIN_PURCHASE / 100} or more made or tried, last 90 days`,
    reason: "LOW_ACTIVITY",
    max: 30,
    missing: { points: 10, label: "no line" },
    bins: bins([0, 10, "none"], [5, 20, "1–5"], [Infinity, 30, "6 or more"]),
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

/** The least count of characteristic `id` (a count: applications, changes) whose bin keeps less than half its
 *  points — from which its reason is said in its full words, not its milder ones (the scenario formatter's
 *  reasonTextIn): the count a reason's text names, so text and bins agree however the bins are tuned. */
function fullWordsFrom(id: CharacteristicId): number {
  const c = CHARACTERISTICS.find((x) => x.id === id)!;
  let from = 0;
  for (const bin of c.bins) {
    if (bin.points * 2 < c.max) return from;
    from = bin.upTo + 1;
  }
  return from;
}

const COUNT_WORDS = ["None", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

/** `fullWordsFrom(id)` as a reason's text starts with it: "Two or more". */
export const fullWordsCount = (id: CharacteristicId): string => {
  const n = fullWordsFrom(id);
  return `${COUNT_WORDS[n] ?? n} or more`;
};

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

/** A characteristic's bins as the hot path reads them: two flat arrays. The same table as CHARACTERISTICS;
 *  `binFor` stays the reference (`explain` uses it). */
interface FastCharacteristic {
  upTo: Float64Array;
  points: Int32Array;
  missing: number;
}

const FAST: readonly FastCharacteristic[] = CHARACTERISTICS.map((c) => ({
  upTo: Float64Array.from(c.bins.map((b) => b.upTo)),
  points: Int32Array.from(c.bins.map((b) => b.points)),
  missing: (c.missing ?? { points: 0 }).points,
}));

/** Where a characteristic stands in CHARACTERISTICS (and in a score's points). */
const indexOf = (id: CharacteristicId): number => CHARACTERISTICS.findIndex((c) => c.id === id);

/** Every characteristic's index, by name (its type says none is missing). */
const AT = {
  daysPastDueNow: indexOf("daysPastDueNow"),
  worstDaysPastDue24m: indexOf("worstDaysPastDue24m"),
  missedDues12m: indexOf("missedDues12m"),
  goodMonths24m: indexOf("goodMonths24m"),
  seriousDelinquency60m: indexOf("seriousDelinquency60m"),
  seriousDelinquencyDaysLeft: indexOf("seriousDelinquencyDaysLeft"),
  utilisation: indexOf("utilisation"),
  debtToIncome: indexOf("debtToIncome"),
  revolvingDues6m: indexOf("revolvingDues6m"),
  monthlyIncome: indexOf("monthlyIncome"),
  historyMonths: indexOf("historyMonths"),
  purchases90d: indexOf("purchases90d"),
  inquiries30d: indexOf("inquiries30d"),
  inquiries180d: indexOf("inquiries180d"),
  verified: indexOf("verified"),
  profileChanges90d: indexOf("profileChanges90d"),
  age: indexOf("age"),
} as const satisfies Record<CharacteristicId, number>;

/** The points of characteristic `k` for its input `raw` (null: its missing bin; a boolean read as 0 or 1),
 *  written to `out` when one is given. Called once per characteristic with a constant `k`, each call site
 *  sees one input type: no scratch arrays to fill and read back, no loop over a megamorphic reader. */
function binned(k: number, raw: number | boolean | null, out: number[] | null): number {
  const f = FAST[k]!;
  let p = f.missing;
  if (raw !== null) {
    const value = typeof raw === "boolean" ? (raw ? 1 : 0) : raw;
    const upTo = f.upTo;
    p = 0;
    for (let b = 0; b < upTo.length; b++)
      if (value <= upTo[b]!) {
        p = f.points[b]!;
        break;
      }
  }
  if (out !== null) out[k] = p;
  return p;
}

/**
 * The points of every characteristic added up, each written to `out` when one is given: what
 * `binFor(c, value).points` gives, characteristic by characteristic. Each input by a load of its own name:
 * a reader function per characteristic, called from one loop, made that call megamorphic (sixteen targets,
 * none inlined) on every score — tens an account-year in a population.
 */
function pointsOf(i: ScoreInputs, out: number[] | null): number {
  return (
    binned(AT.daysPastDueNow, i.daysPastDueNow, out) +
    binned(AT.worstDaysPastDue24m, i.worstDaysPastDue24m, out) +
    binned(AT.missedDues12m, i.missedDues12m, out) +
    binned(AT.goodMonths24m, i.goodMonths24m, out) +
    binned(AT.seriousDelinquency60m, i.seriousDelinquency60m, out) +
    binned(AT.seriousDelinquencyDaysLeft, i.seriousDelinquencyDaysLeft, out) +
    binned(AT.utilisation, i.utilisation, out) +
    binned(AT.debtToIncome, i.debtToIncome, out) +
    binned(AT.revolvingDues6m, i.revolvingDues6m, out) +
    binned(AT.monthlyIncome, i.monthlyIncome, out) +
    binned(AT.historyMonths, i.historyMonths, out) +
    binned(AT.purchases90d, i.purchases90d, out) +
    binned(AT.inquiries30d, i.inquiries30d, out) +
    binned(AT.inquiries180d, i.inquiries180d, out) +
    binned(AT.verified, i.verified, out) +
    binned(AT.profileChanges90d, i.profileChanges90d, out) +
    binned(AT.age, i.age, out)
  );
}

const clampScore = (total: number): number => Math.min(SCORE_MAX, Math.max(SCORE_MIN, total));

/** The score (350 + the points, kept within 350–950) and the points per characteristic. Hot path: no
 *  allocation beyond the points array. */
export function score(inputs: ScoreInputs): ScoreResult {
  const points: number[] = new Array(FAST.length);
  return { score: clampScore(SCORE_MIN + pointsOf(inputs, points)), points };
}

/** `score(inputs).score` without the points: what a reader of the number alone (a population's sampled
 *  scores) needs, allocating nothing. */
export const scoreValue = (inputs: ScoreInputs): number => clampScore(SCORE_MIN + pointsOf(inputs, null));

/** The highest score there is with the characteristics in `pinned` at the values given (null: their
 *  missing bin) and every other at its maximum: the most a file can score whose pinned facts nothing
 *  changes (a line counted used, a suspended line's activity held). */
export function highestScore(pinned: Partial<Record<CharacteristicId, number | null>>): number {
  let total = SCORE_MIN;
  for (const c of CHARACTERISTICS) total += c.id in pinned ? binFor(c, pinned[c.id] ?? null).points : c.max;
  return clampScore(total);
}

/** Every characteristic with its value, bin and points: the `--explain` breakdown. */
export function explain(inputs: ScoreInputs): Factor[] {
  return CHARACTERISTICS.map((c) => {
    const value = inputs[c.id];
    const bin = binFor(c, value);
    return { characteristic: c, value, bin: bin.label, points: bin.points };
  });
}

/** What the scorecard's reasons read: each characteristic's points, and the inputs (a characteristic with
 *  no information is cited by its `missing.reason`, or not at all). */
export interface Scoring {
  points: readonly number[];
  inputs: ScoreInputs;
}

/**
 * Score reasons: the characteristics furthest below their maximum ("points below maximum", the industry's
 * way of ranking adverse-action reasons), largest shortfall first, ties in scorecard order, at most `max`.
 * Only characteristics that cost points are cited; `among` narrows them to the codes a rule is about. A
 * characteristic without information is not described as if it had some: it is cited by its missing bin's
 * reason (a thin file's "no repayment record yet"), once, or left out.
 */
export function scoreReasons(s: Scoring, max = 4, among?: readonly ReasonCode[]): ReasonCode[] {
  return addScoreReasons([], s, max, among);
}

/**
 * The score reasons (scoreReasons: the first `max` of the ranking) after the codes in `out`, each not
 * already there while `out` holds fewer than `max` — what an adverse decision's reasons add after its
 * rules' codes, with no list of their own. Returns `out`.
 */
export function addScoreReasons(
  out: ReasonCode[],
  s: Scoring,
  max: number,
  among?: readonly ReasonCode[],
): ReasonCode[] {
  // each code once, its shortfalls summed, in the order first met (scorecard order), in this module's
  // scratch (filled and read within one call): every adverse decision ranks them
  let n = 0;
  for (let i = 0; i < CHARACTERISTICS.length; i++) {
    const c = CHARACTERISTICS[i]!;
    const gap = c.max - (s.points[i] ?? 0);
    if (gap <= 0) continue;
    // the code the characteristic cites is what a rule's related reasons are matched against: a thin
    // file's missing record (NO_REPAYMENT_RECORD), not the characteristic's own code
    const code = s.inputs[c.id] === null ? c.missing?.reason : c.reason;
    if (code === undefined || (among !== undefined && !among.includes(code))) continue;
    let at = 0;
    while (at < n && RANKED_CODES[at] !== code) at++;
    if (at === n) {
      RANKED_CODES[n] = code;
      RANKED_GAPS[n++] = gap;
    } else RANKED_GAPS[at] = RANKED_GAPS[at]! + gap;
  }
  // the largest shortfall first, ties to the first met; each taken is set to 0 (every gap is above it)
  for (let picked = 0; picked < max && out.length < max; picked++) {
    let best = -1;
    for (let j = 0; j < n; j++)
      if (RANKED_GAPS[j]! > 0 && (best < 0 || RANKED_GAPS[j]! > RANKED_GAPS[best]!)) best = j;
    if (best < 0) break;
    const code = RANKED_CODES[best]!;
    if (!out.includes(code)) out.push(code);
    RANKED_GAPS[best] = 0;
  }
  return out;
}

/** scoreReasons' scratch: the codes met and their summed shortfalls, at most one per characteristic. */
const RANKED_CODES: ReasonCode[] = CHARACTERISTICS.map((c) => c.reason);
const RANKED_GAPS = new Float64Array(CHARACTERISTICS.length);

/** Sesame-style band names (docs/model/sources.md). */
export function band(scoreValue: number): string {
  if (scoreValue < 550) return "poor";
  if (scoreValue < 600) return "fair";
  if (scoreValue < 650) return "good";
  if (scoreValue < 700) return "very good";
  return "excellent";
}

/**
 * The scaling that reads a score as odds (docs/model/score.md): 50:1 good:bad at 810 and 40 points to double
 * the odds — fitted (maximum likelihood, log-odds linear in the score) to the shipped personas' simulated
 * accounts: the score of day 365 against bad (more than 90 days past due, or charged off) in the year after,
 * about 15,000 accounts over seeds 1–3, gave 810 and 40.6 after the personas' re-tune of 6 December (819
 * and 40.1 before it); `node scripts/fit-odds.mjs` runs the fit (test/population/calibration.test.ts holds
 * it). The population is synthetic, so this is the simulator's own calibration, not a real lender's. The
 * 40 points were first an assumption (the 600 points span about 15 doublings); the anchor, first 50:1 at
 * 700, read the simulated accounts 4 to 12 times safer than they turned out.
 */
export const ODDS_SCALING = { score: 810, odds: 50, pointsToDouble: 40 } as const;

/**
 * A probability of default within a year: 1 / (1 + odds), the odds the score implies under ODDS_SCALING —
 * calibrated on the simulated population, not on real customers.
 */
export function probabilityOfDefault(scoreValue: number): number {
  const { score: anchor, odds, pointsToDouble } = ODDS_SCALING;
  return 1 / (1 + odds * 2 ** ((scoreValue - anchor) / pointsToDouble));
}

/** Which characteristics moved between two point vectors. */
export function movedCharacteristics(
  before: readonly number[],
  after: readonly number[],
): Array<{ characteristic: CharacteristicId; from: number; to: number }> {
  const moves: Array<{ characteristic: CharacteristicId; from: number; to: number }> = [];
  for (let i = 0; i < CHARACTERISTICS.length; i++) {
    const from = before[i] ?? 0;
    const to = after[i] ?? 0;
    if (from !== to) moves.push({ characteristic: CHARACTERISTICS[i]!.id, from, to });
  }
  return moves;
}

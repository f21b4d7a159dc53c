// Outcomes fold into fixed-size aggregates: counts, sums (money in fen) and fixed-bin histograms, per
// persona and arm, and within them per line (Huabei, Jiebei). Whole numbers only, so merging is exact
// and order-free: worker results and shard outputs combine to the same bytes as a single run, and
// memory stays flat whatever the number of accounts.

import { CAUSES, EVENT_TYPES, SCORE_MAX, SCORE_MIN, STATUSES } from "../engine/index.js";
import { InputError } from "../shared/errors.js";
import { MONTH_END_MEASURES, type MonthEndMeasure, type Outcome } from "./outcome.js";
import { SAMPLE_EVERY } from "./settings.js";
import {
  emptyVintage,
  VINTAGE_MONTHS,
  type VintageAggregate,
  type VintageClock,
  vintageContradiction,
} from "./vintage.js";

export { CAUSES, SAMPLE_EVERY, SCORE_MIN, STATUSES };
/** one point per bin, 350 … 950: medians are exact */
export const SCORE_BINS = SCORE_MAX - SCORE_MIN + 1;
/** a limit is whole hundreds of yuan (a cap rounds down to them): the first limit's quantiles are exact */
export const LIMIT_BIN_YUAN = 100;
const LIMIT_BINS = 501; // 0 … 50,000 yuan by 100; the last bin holds everything above
const RESTORE_WITHIN = 180;

/** One line (product) of one arm of one persona. Money in fen. */
export interface LineAggregate {
  /** accounts that applied to open the line, and whose line was opened */
  applicants: number;
  booked: number;
  /** applications decided (open or increase) and approved */
  applications: number;
  approvals: number;
  /** booked accounts bad on this line within the horizon (the population's bad definition) */
  bad: number;
  limitEnd: number;
  balanceEnd: number;
  writtenOff: number;
  recoveries: number;
  /** remainders within the tolerance waived (outcome.ts): not a loss */
  waived: number;
  interest: number;
  fees: number;
  penalties: number;
  /** of those, not repaid on lines on non-accrual at the end (outcome.ts): not revenue */
  nonAccrual: number;
  /** month-end portfolio series: each reporter's sum at each month end (outcome.ts) */
  monthEnd: Record<MonthEndMeasure, number[]>;
  /** the score on the score day of accounts booked on or before it and not bad by then: good to the end,
   *  or bad later */
  scoreGood: number[];
  scoreBad: number[];
}

/** One policy arm of one persona: everything additive. */
export interface ArmAggregate {
  accounts: number;
  opened: number;
  openLimit: number[];
  suspended: number;
  /** accounts ever suspended, per cause (CAUSES order) */
  suspendedByCause: number[];
  suspensions: number;
  restored: number;
  restoredWithin: number;
  /** 1-day bins: days from suspension to restoration */
  restoreDays: number[];
  limitReduced: number;
  /** limit cuts, increases granted, restorations and limits given back (decisions, on either line) */
  limitCuts: number;
  limitIncreases: number;
  restorations: number;
  limitsGivenBack: number;
  /** accounts whose first suspension for credit came after a limit cut: the cut warned first */
  cutBeforeCreditSuspension: number;
  closed: number;
  /** of `closed`: closed as left unused (cause `dormant`) */
  closedUnused: number;
  /** the exposure and events of the annual portfolio rates (stats.ts): account-months open at month
   *  ends, spells of suspension, accounts with a line charged off */
  openMonths: number;
  suspensionSpells: number;
  chargedOff: number;
  /** STATUSES order */
  finalStatus: number[];
  finalScore: number[];
  /** the end score of the accounts with a line booked: the booked population's drift (PSI) between arms,
   *  apart from the declined, whose scores a policy moves little */
  bookedScore: number[];
  /** samples × SCORE_BINS, row-major */
  monthlyScore: number[];
  /** fen */
  charges: number;
  /** fen: the penalty part of the charges (penalty income) */
  penalties: number;
  overdueEnd: number;
  overdueAccountsEnd: number;
  balanceEnd: number;
  /** accounts that applied to open a line (either), with a line booked, and bad on any line */
  applicants: number;
  booked: number;
  bad: number;
  /** as the lines', for the account (any line) */
  scoreGood: number[];
  scoreBad: number[];
  /** events the customers made, by type (EVENT_TYPES order) */
  events: number[];
  /** the booked accounts by booking quarter, and the bad among them by months on book (vintage.ts) */
  vintage: VintageAggregate;
  /** Huabei, Jiebei */
  lines: LineAggregate[];
}

/** How many score samples a horizon of `days` days holds (days 0, 30, 60, …). */
const sampleCount = (days: number) => Math.floor((days - 1) / SAMPLE_EVERY) + 1;

/** The bins of one arm, in bytes on a 64-bit heap (8 a number): what a worker's heap must make room for
 *  beside its working set. Long horizons are dominated by the score-over-time histogram. */
export function armBytes(days: number): number {
  const months = Math.ceil(days / 28);
  const line = 2 * SCORE_BINS + MONTH_END_MEASURES.length * months + 12;
  const bins = LIMIT_BINS + CAUSES.length + days + STATUSES.length + 4 * SCORE_BINS + EVENT_TYPES.length;
  // a quarter is at least 90 days: a horizon touches at most ceil(days / 90) + 1 of them
  const vintage = (Math.ceil(days / 90) + 1) * (1 + 2 * VINTAGE_MONTHS.length);
  return 8 * (bins + vintage + sampleCount(days) * SCORE_BINS + 2 * line);
}

/** The most the totals of one run may take, every persona under every policy arm: what `merge` reads of a
 *  `--json` document (256 MB), which takes about what its bins do. Past it, a century's sweep of 100
 *  variants kept gigabytes of histograms and ran out of memory, or wrote a document too long for a string. */
const MAX_TOTALS_BYTES = 256 * 1024 * 1024;

/** Refuses, before anything runs, a population whose totals would pass MAX_TOTALS_BYTES. */
export function checkTotalsSize(personas: number, arms: number, days: number): void {
  const bytes = personas * arms * armBytes(days);
  if (bytes > MAX_TOTALS_BYTES)
    throw new InputError("the population's totals would be too large", {
      expected: `at most ${MAX_TOTALS_BYTES / 2 ** 20} MB of histograms and sums`,
      found: `${Math.ceil(bytes / 2 ** 20)} MB: ${personas} persona${personas === 1 ? "" : "s"} × ${arms} policy arm${arms === 1 ? "" : "s"} × ${days} days`,
      hint: "simulate fewer days, sweep values or personas (the score histogram is kept for every 30 days of each)",
    });
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

function emptyLine(months: number): LineAggregate {
  return {
    applicants: 0,
    booked: 0,
    applications: 0,
    approvals: 0,
    bad: 0,
    limitEnd: 0,
    balanceEnd: 0,
    writtenOff: 0,
    recoveries: 0,
    waived: 0,
    interest: 0,
    fees: 0,
    penalties: 0,
    nonAccrual: 0,
    monthEnd: Object.fromEntries(MONTH_END_MEASURES.map((k) => [k, zeros(months)])) as Record<
      MonthEndMeasure,
      number[]
    >,
    scoreGood: zeros(SCORE_BINS),
    scoreBad: zeros(SCORE_BINS),
  };
}

/** An arm with nothing added: `months` month ends, `quarters` booking quarters (settings.ts, vintage.ts). */
export function emptyArm(days: number, months: number, quarters: number): ArmAggregate {
  return {
    accounts: 0,
    opened: 0,
    openLimit: zeros(LIMIT_BINS),
    suspended: 0,
    suspendedByCause: zeros(CAUSES.length),
    suspensions: 0,
    restored: 0,
    restoredWithin: 0,
    restoreDays: zeros(days),
    limitReduced: 0,
    limitCuts: 0,
    limitIncreases: 0,
    restorations: 0,
    limitsGivenBack: 0,
    cutBeforeCreditSuspension: 0,
    closed: 0,
    closedUnused: 0,
    openMonths: 0,
    suspensionSpells: 0,
    chargedOff: 0,
    finalStatus: zeros(STATUSES.length),
    finalScore: zeros(SCORE_BINS),
    bookedScore: zeros(SCORE_BINS),
    monthlyScore: zeros(sampleCount(days) * SCORE_BINS),
    charges: 0,
    penalties: 0,
    overdueEnd: 0,
    overdueAccountsEnd: 0,
    balanceEnd: 0,
    applicants: 0,
    booked: 0,
    bad: 0,
    scoreGood: zeros(SCORE_BINS),
    scoreBad: zeros(SCORE_BINS),
    events: zeros(EVENT_TYPES.length),
    vintage: emptyVintage(quarters),
    lines: [emptyLine(months), emptyLine(months)],
  };
}

const scoreBin = (s: number) => Math.min(SCORE_BINS - 1, Math.max(0, Math.round(s) - SCORE_MIN));

/** Adds a score to the good or bad histogram when the account was scored on the score day — booked on or
 *  before it (a line opened later had no score that day: reading one would look ahead) — and not yet bad
 *  then; `openDay`, `badDay` −1: never. */
function addScore(
  good: number[],
  bad: number[],
  score: number,
  openDay: number,
  badDay: number,
  scoreDay: number,
): void {
  if (!inScoreSample(openDay, badDay, scoreDay)) return;
  (badDay >= 0 ? bad : good)[scoreBin(score)]!++;
}

/** Whether the Gini and KS read an account (or a line) opened on `openDay` and first bad on `badDay` (−1:
 *  never): booked by the score day and not yet bad on it — the CSV's score-day score says the same. */
export const inScoreSample = (openDay: number, badDay: number, scoreDay: number): boolean =>
  openDay >= 0 && openDay <= scoreDay && (badDay < 0 || badDay > scoreDay);

export function addOutcome(a: ArmAggregate, o: Outcome, scoreDay: number, vintage: VintageClock): void {
  a.accounts++;
  if (o.opened) {
    a.opened++;
    a.openLimit[Math.min(LIMIT_BINS - 1, Math.floor(o.openLimit / 100 / LIMIT_BIN_YUAN))]!++;
  }
  if (o.suspensions > 0) a.suspended++;
  for (let i = 0; i < CAUSES.length; i++) if (o.causes & (1 << i)) a.suspendedByCause[i]!++;
  a.suspensions += o.suspensions;
  if (o.restoreDays >= 0) {
    a.restored++;
    if (o.restoreDays <= RESTORE_WITHIN) a.restoredWithin++;
    a.restoreDays[Math.min(a.restoreDays.length - 1, o.restoreDays)]!++;
  }
  if (o.limitReduced) a.limitReduced++;
  a.limitCuts += o.limitCuts;
  a.limitIncreases += o.limitIncreases;
  a.restorations += o.restorations;
  a.limitsGivenBack += o.limitsGivenBack;
  if (o.cutBeforeCreditSuspension) a.cutBeforeCreditSuspension++;
  if (o.closed) a.closed++;
  if (o.closedUnused) a.closedUnused++;
  a.openMonths += o.openMonths;
  a.suspensionSpells += o.suspensionSpells;
  if (o.chargedOff) a.chargedOff++;
  a.finalStatus[STATUSES.indexOf(o.finalStatus)]!++;
  a.finalScore[scoreBin(o.finalScore)]!++;
  const samples = a.monthlyScore.length / SCORE_BINS;
  for (let m = 0; m < samples && m < o.scores.length; m++)
    a.monthlyScore[m * SCORE_BINS + scoreBin(o.scores[m]!)]!++;
  a.charges += o.charges;
  a.penalties += o.penalties;
  a.overdueEnd += o.overdue;
  if (o.overdue > 0) a.overdueAccountsEnd++;
  a.balanceEnd += o.balance;
  for (let i = 0; i < a.events.length; i++) a.events[i]! += o.events[i]!;
  let booked = false;
  let badDay = -1;
  let openDay = -1;
  for (let i = 0; i < 2; i++) {
    const l = o.lines[i as 0 | 1];
    const agg = a.lines[i]!;
    if (l.applied) agg.applicants++;
    agg.applications += l.applications;
    agg.approvals += l.approvals;
    if (!l.opened) continue;
    booked = true;
    agg.booked++;
    openDay = openDay < 0 ? l.openDay : Math.min(openDay, l.openDay);
    if (l.badDay >= 0) {
      agg.bad++;
      badDay = badDay < 0 ? l.badDay : Math.min(badDay, l.badDay);
    }
    agg.limitEnd += l.limitEnd;
    agg.balanceEnd += l.balanceEnd;
    agg.writtenOff += l.writtenOff;
    agg.recoveries += l.recoveries;
    agg.waived += l.waived;
    agg.interest += l.interest;
    agg.fees += l.fees;
    agg.penalties += l.penalties;
    agg.nonAccrual += l.nonAccrual;
    for (const k of MONTH_END_MEASURES) {
      const into = agg.monthEnd[k];
      const from = l.monthEnd[k];
      for (let m = 0; m < into.length; m++) into[m]! += from[m] ?? 0;
    }
    addScore(agg.scoreGood, agg.scoreBad, o.scoreAtDay, l.openDay, l.badDay, scoreDay);
  }
  if (o.lines[0].applied || o.lines[1].applied) a.applicants++;
  if (booked) {
    a.booked++;
    a.bookedScore[scoreBin(o.finalScore)]!++;
    vintage.add(a.vintage, openDay, badDay);
    if (badDay >= 0) a.bad++;
    addScore(a.scoreGood, a.scoreBad, o.scoreAtDay, openDay, badDay, scoreDay);
  }
}

/** a += b, field by field, down through lines and series (exact: whole numbers). */
export function mergeArm(a: ArmAggregate, b: ArmAggregate): void {
  mergeInto(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, "arm");
}

function mergeInto(a: Record<string, unknown>, b: Record<string, unknown>, at: string): void {
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (typeof x === "number" && typeof y === "number") a[key] = x + y;
    else if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length)
        throw new Error(`cannot merge ${at}.${key}: ${x.length} vs ${y.length} bins`);
      for (let i = 0; i < x.length; i++) {
        const u = x[i];
        const v = y[i];
        if (typeof u === "number") x[i] = u + (v as number);
        else mergeInto(u as Record<string, unknown>, v as Record<string, unknown>, `${at}.${key}[${i}]`);
      }
    } else if (typeof x === "object" && x !== null && typeof y === "object" && y !== null)
      mergeInto(x as Record<string, unknown>, y as Record<string, unknown>, `${at}.${key}`);
    else throw new Error(`cannot merge ${at}.${key}`);
  }
}

/** More customer events a day than any persona makes (a few at most): a count beyond accounts × days × this
 *  is no count of accounts. */
const MAX_EVENTS_A_DAY = 50;

const total = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/**
 * The first way an arm's totals contradict each other — a count beyond the accounts it counts among, a
 * histogram that does not add up to what it spreads, a sum no account could reach — as [field, what it
 * must be]; null when they agree. What `simulate` writes always agrees: a merge refuses a file that does
 * not, rather than print a restored rate of 75,000 %.
 */
export function armContradiction(a: ArmAggregate, days: number): [string, string] | null {
  const n = a.accounts;
  // months an account can be open in the horizon (a month end at most every 28 days, and the last)
  const months = Math.floor(days / 28) + 1;
  const counts: Array<[string, number, number, string]> = [
    ["opened", a.opened, n, "accounts"],
    ["suspended", a.suspended, n, "accounts"],
    ["restored", a.restored, a.suspended, "suspended"],
    ["restoredWithin", a.restoredWithin, a.restored, "restored"],
    ["limitReduced", a.limitReduced, n, "accounts"],
    ["limitReduced", a.limitReduced, a.limitCuts, "limitCuts"],
    ["cutBeforeCreditSuspension", a.cutBeforeCreditSuspension, a.limitReduced, "limitReduced"],
    [
      "cutBeforeCreditSuspension",
      a.cutBeforeCreditSuspension,
      a.suspendedByCause[CAUSES.indexOf("credit")] ?? 0,
      "suspendedByCause[credit]",
    ],
    // each restoration ends a suspension, each increase is an approved application
    ["restorations", a.restorations, a.suspensions, "suspensions"],
    // a limit is given back only after a cut
    ["limitsGivenBack", a.limitsGivenBack, a.limitCuts, "limitCuts"],
    [
      "limitIncreases",
      a.limitIncreases,
      a.lines.reduce((s, l) => s + l.approvals, 0),
      "the lines' approvals",
    ],
    ["limitCuts", a.limitCuts, n * days * MAX_EVENTS_A_DAY, `${MAX_EVENTS_A_DAY} a day an account`],
    ["closed", a.closed, n, "accounts"],
    ["closedUnused", a.closedUnused, a.closed, "closed"],
    ["chargedOff", a.chargedOff, n, "accounts"],
    ["overdueAccountsEnd", a.overdueAccountsEnd, n, "accounts"],
    ["applicants", a.applicants, n, "accounts"],
    ["booked", a.booked, n, "accounts"],
    ["bad", a.bad, a.booked, "booked"],
    ["suspended", a.suspended, a.suspensions, "suspensions"],
    ...a.suspendedByCause.map((c, i): [string, number, number, string] => [
      `suspendedByCause[${i}]`,
      c,
      a.suspended,
      "suspended",
    ]),
    ["scoreBad", total(a.scoreBad), a.bad, "bad"],
    ["scoreGood", total(a.scoreGood) + total(a.scoreBad), a.booked, "booked"],
    ["openMonths", a.openMonths, n * months, `the accounts' months in ${days} days`],
    ["suspensionSpells", a.suspensionSpells, n * months, `the accounts' months in ${days} days`],
    ...a.events.map((c, i): [string, number, number, string] => [
      `events[${i}]`,
      c,
      n * days * MAX_EVENTS_A_DAY,
      `${MAX_EVENTS_A_DAY} a day an account`,
    ]),
  ];
  for (const [field, value, most, what] of counts)
    if (value > most) return [field, `at most ${what} (${most})`];
  const sums: Array<[string, number, number, string]> = [
    ["openLimit", total(a.openLimit), a.opened, "opened"],
    ["finalStatus", total(a.finalStatus), n, "accounts"],
    ["finalScore", total(a.finalScore), n, "accounts"],
    ["bookedScore", total(a.bookedScore), a.booked, "booked"],
    ["restoreDays", total(a.restoreDays), a.restored, "restored"],
  ];
  for (const [field, value, want, what] of sums)
    if (value !== want) return [field, `counts adding up to ${what} (${want})`];
  const vintage = vintageContradiction(a.vintage, a.booked, a.bad);
  if (vintage) return vintage;
  for (let m = 0; m * SCORE_BINS < a.monthlyScore.length; m++)
    if (total(a.monthlyScore.slice(m * SCORE_BINS, (m + 1) * SCORE_BINS)) > n)
      return ["monthlyScore", `at most the accounts (${n}) in each month`];
  for (let i = 0; i < a.lines.length; i++) {
    const l = a.lines[i]!;
    const at = `lines[${i}]`;
    const lineCounts: Array<[string, number, number, string]> = [
      ["applicants", l.applicants, n, "accounts"],
      ["booked", l.booked, l.applicants, "applicants"],
      ["bad", l.bad, l.booked, "booked"],
      ["approvals", l.approvals, l.applications, "applications"],
      ["scoreBad", total(l.scoreBad), l.bad, "bad"],
      ["scoreGood", total(l.scoreGood) + total(l.scoreBad), l.booked, "booked"],
    ];
    for (const [field, value, most, what] of lineCounts)
      if (value > most) return [`${at}.${field}`, `at most ${what} (${most})`];
    // what comes back after a write-off is part of it; the delinquent balance is part of the balance
    if (l.recoveries > l.writtenOff) return [`${at}.recoveries`, `at most writtenOff (${l.writtenOff})`];
    // what is on non-accrual is charges not repaid
    const charged = l.interest + l.fees + l.penalties;
    if (l.nonAccrual > charged) return [`${at}.nonAccrual`, `at most the charges (${charged})`];
    const { balance, dpd30, dpd90 } = l.monthEnd;
    for (let m = 0; m < balance.length; m++) {
      if ((dpd30[m] ?? 0) > balance[m]!) return [`${at}.monthEnd.dpd30`, "at most the balance of its month"];
      if ((dpd90[m] ?? 0) > (dpd30[m] ?? 0))
        return [`${at}.monthEnd.dpd90`, "at most the 30+ balance of its month"];
    }
  }
  return null;
}

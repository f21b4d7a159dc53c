// The facts the scorecard reads, derived from the customer on a day. Every input is a fact about the
// customer's own conduct or circumstances, never about the lender's action: activity counts the purchases
// the customer made or tried to make (declined ones too); balances are what was reported at the last month
// end (a bureau's monthly snapshot), so a repayment moves utilisation and the debt burden at the next
// report, not within the week. A thin file's missing record is its own bin ("no repayment record yet").

import {
  type Customer,
  countUpTo,
  countWithin,
  customerDaysPastDue,
  daysPastDue,
  type HuabeiLine,
  lineOf,
  thinFile,
} from "./customer.js";
import { FEN_PER_YUAN } from "./money.js";
import { episodeWorst } from "./record.js";
import { type ScoreInputs, score, scoreValue } from "./scorecard.js";
import type { Fen } from "./types.js";

const MONTH = 30;
/** Days past due beyond which a delinquency is serious: the scorecard's "over 90" bins (and the book's
 *  90+), so a payment on the 90th day counts in "61–90" everywhere. */
const SERIOUS_DAYS = 90;
/** The days adverse information stays on file from the day the adverse behaviour ends, that day counted:
 *  5 years (China's Regulation on the Administration of the Credit Investigation Industry, 2013, art. 16) —
 *  one repaid on day 300 counts until day 2,125 and not on day 2,126. */
const ON_FILE_DAYS = 1826;

/**
 * (external debt + what was owed on both lines at the last month end) / annual income: balances as a
 * bureau reports them, so a pay-in-full customer's score does not move with every purchase and repayment.
 * Without income, any debt is beyond every ratio (Infinity) and no debt is none (0).
 */
export function debtToIncome(c: Customer): number {
  return ratio(c, debtCounted(c));
}

/**
 * The least monthly income (yuan) the scorecard's debt ratio divides by: a customer with less, or none, is
 * read as earning this. With nothing to divide by, a ¥50 balance was "beyond every ratio" and cost as much
 * as owing millions (260 points, a cliff a few yuan decided); the income's own characteristic (`LOW_INCOME`)
 * and the policy's income cap already answer a missing income. More income still never reads as a higher
 * ratio. The policy's rules (the debt cap) read the real ratio: any debt with no income is beyond them.
 * (**assumption**, docs/model/score.md)
 */
export const SCORED_INCOME_FLOOR = 1_000;

/** The debt ratio the scorecard reads: `debtToIncome`'s, the income counted as at least SCORED_INCOME_FLOOR. */
function scoredDebtToIncome(c: Customer): number {
  return debtCounted(c) / annualFen(Math.max(c.profile.monthlyIncome, SCORED_INCOME_FLOOR));
}

/** The debt (fen) the ratio counts: external debt and both lines' balances as last reported. */
export function debtCounted(c: Customer): number {
  return c.profile.externalDebt + c.huabei.reportedBalance + c.jiebei.reportedBalance;
}

/** The same ratio on today's balances plus `extra` fen: an affordability check before new debt. */
export function debtToIncomeWith(c: Customer, owedNow: number, extra: number): number {
  return ratio(c, c.profile.externalDebt + owedNow + extra);
}

function ratio(c: Customer, debt: number): number {
  const annualIncome = annualFen(c.profile.monthlyIncome);
  if (annualIncome <= 0) return debt > 0 ? Number.POSITIVE_INFINITY : 0;
  return debt / annualIncome;
}

/** A year's income in whole fen: ¥17,292.92 a month is 20,751,504 fen, where 17,292.92 × 12 × 100 in
 *  binary is 20,751,503.999999996 and a debt of exactly 1.5 times it would read as over a cap of 1.5. */
const annualFen = (monthlyIncome: number): number => Math.round(monthlyIncome * FEN_PER_YUAN) * 12;

/** The most debt (fen) whose ratio to the customer's income is within `max`, to the fen as the rules
 *  compare it (the product `max` × income can land either side of it in binary: 0.8 × 7,200,000 is
 *  5,760,000.000000001); null without an income (any debt is beyond every ratio). */
export function debtWithin(c: Customer, max: number): Fen | null {
  const annualIncome = annualFen(c.profile.monthlyIncome);
  if (annualIncome <= 0) return null;
  let debt = Math.max(0, Math.floor(max * annualIncome));
  // past 2^53 a fen more is the same double (the loops below would never end): more debt than any
  // account holds is within the ratio
  if (!Number.isSafeInteger(debt)) return Number.MAX_SAFE_INTEGER;
  while (debt > 0 && debt / annualIncome > max) debt--;
  // the product can round to just below 2^53 while 2^53 itself is within the ratio: stop at the last safe fen
  while (debt < Number.MAX_SAFE_INTEGER && (debt + 1) / annualIncome <= max) debt++;
  return debt;
}

/** The least monthly income (whole yuan) at which `debt` (fen) is within `max` of it, as the rules compare
 *  it; null when none is (a cap of 0 with any debt). */
export function incomeAllowing(debt: Fen, max: number): number | null {
  if (debt <= 0) return 0;
  if (!(max > 0)) return null;
  let income = Math.max(1, Math.ceil(debt / max / (12 * FEN_PER_YUAN)));
  // an income past 2^53 yuan is none anyone reports (and a yuan more would be the same double)
  if (!Number.isSafeInteger(income * 12 * FEN_PER_YUAN)) return null;
  while (income > 1 && debt / annualFen(income - 1) <= max) income--;
  while (debt / annualFen(income) > max) income++;
  return income;
}

/** Purchases the customer made or tried to make on Huabei in the last 90 days the line could be used
 *  (attempts made while nothing was past due, on an active line: one declined over the limit still shows
 *  the habit). The days the lender took the line away — suspended, then perhaps closed or written off —
 *  do not count: until it is open again the count is the one it had when they began, and once it is
 *  (restored, reopened) the window reaches back past them — so neither a suspension nor the lender's
 *  closure costs activity (a line owing nothing closed for policy lost 10 points at the closure), and
 *  trying to spend on the suspended line, declined, adds none (five declined ¥10 attempts once raised a
 *  suspended customer's score enough to restore the line). */
function activity(h: HuabeiLine, day: number): number | null {
  if (h.status === "none" && h.purchaseDays.length === 0) return null;
  const days = h.purchaseDays;
  // the usable days, latest first: from `top` down, each stretch ending where the line was open again, the
  // days before it the lender took away skipped (from `pauses[i]`, open again on `pauses[i + 1]`)
  let top = h.shutSince ?? day;
  let left = 90;
  let count = 0;
  for (let i = h.pauses.length - 2; i >= 0 && left > 0; i -= 2) {
    const restored = h.pauses[i + 1]!;
    if (restored > top) continue;
    const stretch = top - restored + 1;
    if (stretch >= left) break;
    count += countUpTo(days, top) - countUpTo(days, restored - 1);
    left -= stretch;
    top = h.pauses[i]!;
  }
  return count + countWithin(days, top, left);
}

/** Huabei's balance / limit at the last month end. A closed line keeps reporting its balance against its
 *  last limit, as a bureau keeps it on file: closing a line neither hides a debt nor costs a customer who
 *  owed nothing. */
function utilisation(c: Customer): number | null {
  const h = c.huabei;
  if (!h.reported || h.reportedLimit <= 0) return null;
  return h.reportedBalance / h.reportedLimit;
}

function scoreInputs(c: Customer, day: number): ScoreInputs {
  const thin = thinFile(c);
  let worst = 0;
  let serious = 0;
  // the day the most recent serious delinquency on file ended (today while it has not)
  let seriousEnd = Number.NEGATIVE_INFINITY;
  for (const e of c.episodes) {
    const end = e.curedDay ?? day;
    const reached = episodeWorst(e, daysPastDue(lineOf(c, e.line), day));
    const depth = e.chargedOff ? Math.max(reached, c.policy.chargeOffDays) : reached;
    if (end >= day - 730) worst = Math.max(worst, depth);
    if (end >= day - ON_FILE_DAYS + 1 && (depth > SERIOUS_DAYS || e.chargedOff)) {
      serious += (depth > SERIOUS_DAYS ? 1 : 0) + (e.chargedOff ? 1 : 0);
      seriousEnd = Math.max(seriousEnd, end);
    }
  }
  let missed = 0;
  let revolved = 0;
  for (const r of c.records) {
    const age = day - r.dueDay;
    if (r.outcome === "missed" && age <= 365) missed++;
    // a Huabei bill not paid in full: revolved at the minimum, or missed — a missed bill never counts
    // for less than one paid at the minimum (paying the minimum on time never scores below missing it)
    if (r.outcome !== "paid" && r.line === "huabei" && age <= 180) revolved++;
  }
  let good = 0;
  // the last 24 month ends: one a month from the first opening, without a gap (a closed line still
  // reports), so 24 entries are the 24 months — counted in days, 730 back took a 25th on a month end's
  // own day, and left only 23 before that day's was recorded when the two years held a 29 February
  for (let i = c.monthEnds.length - 1; i >= 0 && i >= c.monthEnds.length - 24; i--) {
    const m = c.monthEnds[i]!;
    // a month of record alone: a month with nothing due and nothing owed tells nothing of repayment
    if (m.good && m.record) good++;
  }
  // history elsewhere: a clean record, a month at a time (it runs on beside ours)
  const elsewhere =
    c.profile.creditHistoryMonths > 0 ? c.profile.creditHistoryMonths + Math.floor(day / MONTH) : 0;
  const ownMonths = c.huabei.openedDay === null ? 0 : Math.floor((day - c.huabei.openedDay) / MONTH);
  const jiebeiMonths = c.jiebei.openedDay === null ? 0 : Math.floor((day - c.jiebei.openedDay) / MONTH);
  return {
    daysPastDueNow: badNews(thin, customerDaysPastDue(c, day)),
    worstDaysPastDue24m: badNews(thin, worst),
    missedDues12m: badNews(thin, missed),
    goodMonths24m: thin ? null : good + Math.min(24, elsewhere),
    seriousDelinquency60m: badNews(thin, serious),
    seriousDelinquencyDaysLeft: serious > 0 ? seriousEnd + ON_FILE_DAYS - day : 0,
    utilisation: thin ? null : utilisation(c),
    debtToIncome: scoredDebtToIncome(c),
    revolvingDues6m: badNews(thin, revolved),
    monthlyIncome: c.profile.monthlyIncome,
    historyMonths: Math.max(elsewhere, ownMonths, jiebeiMonths),
    purchases90d: activity(c.huabei, day),
    inquiries30d: countWithin(c.inquiries, day, 30),
    inquiries180d: countWithin(c.inquiries, day, 180),
    verified: c.profile.verified,
    profileChanges90d: countWithin(c.profileChanges, day, 90),
    age: c.profile.age + Math.floor(day / 365),
  };
}

/** A count on a thin file: its good news (none) waits for a record, its bad news counts at once. (A
 *  function of its own, not a closure over `thin`: scoreInputs runs tens of times an account-year.) */
const badNews = (thin: boolean, n: number): number | null => (thin && n === 0 ? null : n);

export interface Scored {
  score: number;
  points: number[];
  inputs: ScoreInputs;
}

export function scoreOn(c: Customer, day: number): Scored {
  const inputs = scoreInputs(c, day);
  const r = score(inputs);
  return { score: r.score, points: r.points, inputs };
}

/** A customer and its score on the day it is read (`scoreOn(c, day)`: the caller's word). */
export interface ScoredFile {
  c: Customer;
  s: Scored;
}

/**
 * The score of `c` on `day` (scoreOn) read from `was`, a file scored that day of which `c` is a copy that
 * may differ from it only in its lines' reports, limits and statuses and in the inquiries — the file once
 * used (grant.ts): the inputs those decide are read from `c` again, the others are `was`'s, and every input
 * is binned as scoreOn bins it. When any other source the inputs read is not `was`'s own (sameRecord), or
 * there is no `was`, the whole file is read.
 */
export function scoreOnCopy(c: Customer, day: number, was: ScoredFile | null): Scored {
  if (was === null || !sameRecord(was.c, c)) return scoreOn(c, day);
  const before = was.s.inputs;
  const thin = thinFile(c);
  // the same fields in scoreInputs' order: one kind of inputs object
  const inputs: ScoreInputs = {
    daysPastDueNow: before.daysPastDueNow,
    worstDaysPastDue24m: before.worstDaysPastDue24m,
    missedDues12m: before.missedDues12m,
    goodMonths24m: before.goodMonths24m,
    seriousDelinquency60m: before.seriousDelinquency60m,
    seriousDelinquencyDaysLeft: before.seriousDelinquencyDaysLeft,
    utilisation: thin ? null : utilisation(c),
    debtToIncome: scoredDebtToIncome(c),
    revolvingDues6m: before.revolvingDues6m,
    monthlyIncome: before.monthlyIncome,
    historyMonths: before.historyMonths,
    // a count, once there is one (activity), reads the purchase days and pauses alone: only a status
    // that may make it none is read again
    purchases90d:
      before.purchases90d !== null && c.huabei.status !== "none"
        ? before.purchases90d
        : activity(c.huabei, day),
    inquiries30d: c.inquiries === was.c.inquiries ? before.inquiries30d : countWithin(c.inquiries, day, 30),
    inquiries180d:
      c.inquiries === was.c.inquiries ? before.inquiries180d : countWithin(c.inquiries, day, 180),
    verified: before.verified,
    profileChanges90d: before.profileChanges90d,
    age: before.age,
  };
  const r = score(inputs);
  return { score: r.score, points: r.points, inputs };
}

/** Whether every source of scoreInputs other than the lines' reports, limits and statuses and the inquiries
 *  is the same in `a` and `b` — the same objects (a copy's), and the one policy number the record is read
 *  with (a write-off's depth: chargeOffDays). */
const sameRecord = (a: Customer, b: Customer): boolean =>
  a.profile === b.profile &&
  a.episodes === b.episodes &&
  a.records === b.records &&
  a.monthEnds === b.monthEnds &&
  a.profileChanges === b.profileChanges &&
  a.policy.chargeOffDays === b.policy.chargeOffDays &&
  a.huabei.ledger === b.huabei.ledger &&
  a.huabei.openedDay === b.huabei.openedDay &&
  a.huabei.purchaseDays === b.huabei.purchaseDays &&
  a.huabei.pauses === b.huabei.pauses &&
  a.huabei.shutSince === b.huabei.shutSince &&
  a.jiebei.book === b.jiebei.book &&
  a.jiebei.openedDay === b.jiebei.openedDay;

/** The score alone (`scoreOn(c, day).score`): no points or result objects for a caller that reads the
 *  number only (a population's sampled and final scores). */
export const scoreNumberOn = (c: Customer, day: number): number => scoreValue(scoreInputs(c, day));

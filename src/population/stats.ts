// From aggregates to the figures a policy owner and a risk team read: rates, medians, distributions,
// the risk outcomes per line (approval, exposure, bad rate, loss, revenue, profit, Gini and KS), and for
// champion/challenger the paired difference of every rate with a 95 % interval. Derived only from the
// whole-number aggregates, so the same aggregates always give the same figures. Definitions:
// docs/populations.md.

import { Calendar, EVENT_TYPES, type EventType } from "../engine/index.js";
import {
  type ArmAggregate,
  CAUSES,
  emptyArm,
  LIMIT_BIN_YUAN,
  type LineAggregate,
  mergeArm,
  SAMPLE_EVERY,
  SCORE_BINS,
  SCORE_MIN,
  STATUSES,
} from "./aggregate.js";
import { type Difference, differences } from "./differences.js";
import { balanceDays, type FundingDays, fundingCost, fundingDays } from "./funding.js";
import { auc, gini, ks, scorePsi } from "./metrics.js";
import { lineRevenue } from "./outcome.js";
import { emptyPaired, mergePaired, type Paired } from "./paired.js";
import type { PopulationResult } from "./result.js";
import { nullable, rate, yuan } from "./rounding.js";
import { monthEndDays } from "./settings.js";
import { VintageClock, type VintageRow, vintageRows } from "./vintage.js";

/** The risk outcomes of one line, or of the account (either line). Money in yuan. */
export interface ProductSummary {
  /** accounts that applied to open it, and that had it opened */
  applicants: number;
  booked: number;
  /** booked / applicants (null: no applicants; every rate below is null with nothing to divide by) */
  approvalRate: number | null;
  /** booked accounts that went bad within the horizon */
  bad: number;
  /** bad / booked */
  badRate: number | null;
  /** exposure at the end: limits granted, balances on the book */
  limitEnd: number;
  balanceEnd: number;
  /** the month-end balance on the book, averaged over the horizon's month ends (summed over accounts); null:
   *  the horizon holds no month end */
  averageBalance: number | null;
  writtenOff: number;
  recoveries: number;
  /** written off − recovered */
  loss: number;
  /** remainders within the tolerance waived (a small-balance waiver on Jiebei): forgiven, not lost to a
   *  default — in neither loss nor revenue */
  waived: number;
  interest: number;
  fees: number;
  penalties: number;
  /** of those, not repaid on lines 90 or more days past due at the end and not charged off (NON_ACCRUAL_DAYS):
   *  on non-accrual, not income */
  nonAccrual: number;
  /** interest + fees + penalties − nonAccrual */
  revenue: number;
  /** the cost-of-funds rate on the balance of every day of the horizon (a year's rate / 365 a day; see
   *  `FundingDays`) */
  costOfFunds: number;
  /** revenue − loss − cost of funds */
  profit: number;
  /** the score on the score day against bad later (accounts booked on or before it and not bad by
   *  then); null: no goods or no bads */
  auc: number | null;
  gini: number | null;
  ks: number | null;
  /** the accounts those were read on (booked by the score day, not bad by then), and of them the bads:
   *  below a few dozen bads, noise */
  rankedAccounts: number;
  rankedBads: number;
}

export interface RiskSummary {
  all: ProductSummary;
  huabei: ProductSummary;
  jiebei: ProductSummary;
}

/**
 * The book as a lender reports it (docs/populations.md): the share of the outstanding balance (Huabei and
 * Jiebei together; written-off balances have left the book) more than 30 and 90 days past due, at each
 * month end and at the last one; and suspensions, closures by the lender and charge-offs per account-year
 * open. Money in yuan.
 */
export interface PortfolioSummary {
  /** the last month end of the horizon (null: the horizon holds none) */
  day: number | null;
  /** on the book at that month end, and of it more than 30 and 90 days past due */
  balance: number;
  dpd30Balance: number;
  dpd90Balance: number;
  /** dpd30Balance / balance, dpd90Balance / balance (null on an empty book, or with no month end) */
  dpd30Rate: number | null;
  dpd90Rate: number | null;
  /** the same over the last 12 month ends (or as many as the horizon holds): Σ past due ÷ Σ book — a
   *  year's average, steadier than one month end on a small population; with the sums (yuan) */
  trailing12: {
    dpd30Rate: number | null;
    dpd90Rate: number | null;
    balance: number;
    dpd30Balance: number;
    dpd90Balance: number;
  };
  /** account-years open: the accounts with a line active or suspended at the average month end × the
   *  horizon's years (days ÷ 365); null: no month end to count them at */
  accountYears: number | null;
  /** per account-year open: spells of suspension, accounts closed by the lender, accounts charged off
   *  (null: no account-years) */
  suspensionsPerYear: number | null;
  closuresPerYear: number | null;
  chargeOffsPerYear: number | null;
  /** net charge-off rate: written off less recovered, per year, ÷ the average month-end balance (null: no
   *  balance at any month end) */
  lossRate: number | null;
  /** every month end: the day, the balance on the book, of it 30+ and 90+, and their shares of it */
  monthEnd: Array<{
    day: number;
    balance: number;
    dpd30Balance: number;
    dpd90Balance: number;
    dpd30Rate: number | null;
    dpd90Rate: number | null;
  }>;
}

/** The counts an arm's rates are shares of, numerators and bases: a report prints a rate from them,
 *  rounded once (the fractions beside them are already rounded to four decimals). */
interface ArmCounts {
  /** accounts whose Huabei opened (of `accounts`) */
  opened: number;
  /** accounts ever suspended (of `accounts`), and per cause */
  suspended: number;
  suspendedByCause: Record<string, number>;
  /** of the suspended: restored after the first suspension, and within 180 days */
  restored: number;
  restoredWithin180: number;
  /** accounts closed by the lender (of `accounts`) */
  closed: number;
  /** of `closed`: closed as left unused (cause `dormant`) */
  closedUnused: number;
  /** decisions on either line: limit cuts, increases granted, restorations, limits given back */
  limitCuts: number;
  limitIncreases: number;
  restorations: number;
  limitsGivenBack: number;
  /** accounts whose limit was cut (of `accounts`), and of the accounts suspended for credit those whose
   *  first such suspension came after a cut: how often a cut warned first */
  limitReduced: number;
  cutBeforeCreditSuspension: number;
}

export interface ArmSummary {
  accounts: number;
  counts: ArmCounts;
  /** of `accounts`, as every share below but the restorations (null: no accounts) */
  approvalRate: number | null;
  openLimit: { p10: number; median: number; p90: number } | null;
  suspensionRate: number | null;
  suspensionRateByCause: Record<string, number | null>;
  suspensions: number;
  /** of the suspended accounts */
  restorationRate: number | null;
  restoredWithin180Rate: number | null;
  medianDaysToRestore: number | null;
  limitReducedRate: number | null;
  closureRate: number | null;
  finalStatus: Record<string, number | null>;
  score: { p25: number; median: number; p75: number } | null;
  medianScoreOverTime: Array<{ day: number; score: number }>;
  /** yuan */
  chargesTotal: number;
  /** penalty income: the overdue penalties among the charges (yuan) */
  penaltiesTotal: number;
  chargesPerAccount: number | null;
  overdueAtEndTotal: number;
  overdueAtEndAccounts: number;
  balanceAtEndTotal: number;
  risk: RiskSummary;
  portfolio: PortfolioSummary;
  /** per booking quarter that booked anyone: the cumulative bad rate at 3, 6, 9, 12, 18 and 24 months on book, of
   *  the accounts seen that long (vintage.ts) */
  vintage: VintageRow[];
  /** the customers' events by type */
  events: Record<EventType, number>;
}

export interface GroupSummary {
  persona: string;
  champion: ArmSummary;
  challenger: ArmSummary | null;
  differences: Difference[] | null;
  flipped: number | null;
  flips: Record<string, number> | null;
  /** the challenger's end-of-horizon score distribution against the champion's (PSI), of all accounts */
  psi: number | null;
  /** the same of the booked accounts only (each arm's `risk.all.booked`): the book a risk team monitors,
   *  without the declined */
  psiBooked: number | null;
  /** a sweep's variants, in grid order, each with its PSIs against the champion */
  variants: Array<ArmSummary & { psi: number | null; psiBooked: number | null }> | null;
}

export interface PopulationSummary {
  groups: GroupSummary[];
}

/** The value at quantile q of a histogram (bin index), or null when empty. */
export function quantileBin(
  bins: readonly number[],
  q: number,
  offset = 0,
  length = bins.length,
): number | null {
  let total = 0;
  for (let i = 0; i < length; i++) total += bins[offset + i]!;
  if (total === 0) return null;
  const target = Math.max(1, Math.ceil(q * total));
  let acc = 0;
  for (let i = 0; i < length; i++) {
    acc += bins[offset + i]!;
    if (acc >= target) return i;
  }
  return length - 1;
}

interface Money {
  limitEnd: number;
  balanceEnd: number;
  monthEndBalance: number;
  /** Σ balance × the days it stands for (FundingDays) */
  balanceDays: number;
  months: number;
  writtenOff: number;
  recoveries: number;
  waived: number;
  interest: number;
  fees: number;
  penalties: number;
  nonAccrual: number;
}

function money(lines: readonly LineAggregate[], funded?: FundingDays): Money {
  const m: Money = {
    limitEnd: 0,
    balanceEnd: 0,
    monthEndBalance: 0,
    balanceDays: 0,
    months: 0,
    writtenOff: 0,
    recoveries: 0,
    waived: 0,
    interest: 0,
    fees: 0,
    penalties: 0,
    nonAccrual: 0,
  };
  for (const l of lines) {
    m.limitEnd += l.limitEnd;
    m.balanceEnd += l.balanceEnd;
    for (const b of l.monthEnd.balance) m.monthEndBalance += b;
    m.balanceDays += balanceDays(l.monthEnd.balance, l.balanceEnd, funded);
    m.months = l.monthEnd.balance.length;
    m.writtenOff += l.writtenOff;
    m.recoveries += l.recoveries;
    m.waived += l.waived;
    m.interest += l.interest;
    m.fees += l.fees;
    m.penalties += l.penalties;
    m.nonAccrual += l.nonAccrual;
  }
  return m;
}

/** a line is suspended for credit, security or policy; a closure alone is the customer's own or for disuse */
const suspends = (c: string) => c !== "customer" && c !== "dormant";

const count = (bins: readonly number[]) => bins.reduce((t, n) => t + n, 0);

function product(
  counts: { applicants: number; booked: number; bad: number },
  m: Money,
  scores: { scoreGood: number[]; scoreBad: number[] },
  costOfFunds: number,
): ProductSummary {
  const revenue = lineRevenue(m);
  const loss = m.writtenOff - m.recoveries;
  const cost = fundingCost(m.balanceDays, costOfFunds);
  const a = auc(scores.scoreGood, scores.scoreBad);
  return {
    applicants: counts.applicants,
    booked: counts.booked,
    approvalRate: rate(counts.booked, counts.applicants),
    bad: counts.bad,
    badRate: rate(counts.bad, counts.booked),
    limitEnd: yuan(m.limitEnd),
    balanceEnd: yuan(m.balanceEnd),
    averageBalance: rate(m.monthEndBalance / 100, m.months, 2),
    writtenOff: yuan(m.writtenOff),
    recoveries: yuan(m.recoveries),
    loss: yuan(loss),
    waived: yuan(m.waived),
    interest: yuan(m.interest),
    fees: yuan(m.fees),
    penalties: yuan(m.penalties),
    nonAccrual: yuan(m.nonAccrual),
    revenue: yuan(revenue),
    costOfFunds: yuan(cost),
    profit: yuan(revenue - loss - cost),
    auc: nullable(a),
    gini: nullable(gini(a)),
    ks: nullable(ks(scores.scoreGood, scores.scoreBad)),
    rankedAccounts: count(scores.scoreGood) + count(scores.scoreBad),
    rankedBads: count(scores.scoreBad),
  };
}

export function riskOf(a: ArmAggregate, costOfFunds: number, funded: FundingDays): RiskSummary {
  const [h, j] = a.lines as [LineAggregate, LineAggregate];
  return {
    all: product(a, money(a.lines, funded), a, costOfFunds),
    huabei: product(h, money([h], funded), h, costOfFunds),
    jiebei: product(j, money([j], funded), j, costOfFunds),
  };
}

/** Portfolio rates are small fractions (a 30+ rate of 1.08 % is 0.0108): one more digit than the rest.
 *  A report prints them from the balances beside them (yuan, whole fen), rounded once: printed to two
 *  decimals of a per cent, the five-digit fraction rounded twice (0.0112496 → 0.01125 → 1.13 %, where it is 1.12 %). */
const PORTFOLIO_DIGITS = 5;

export function portfolioOf(a: ArmAggregate, monthEnds: readonly number[], days: number): PortfolioSummary {
  const sum = (k: "balance" | "dpd30" | "dpd90", m: number) =>
    a.lines.reduce((t, l) => t + (l.monthEnd[k][m] ?? 0), 0);
  const share = (n: number, d: number) => rate(n, d, PORTFOLIO_DIGITS);
  const series = monthEnds.map((day, m) => {
    const balance = sum("balance", m);
    const [dpd30, dpd90] = [sum("dpd30", m), sum("dpd90", m)];
    return {
      day,
      balance: yuan(balance),
      dpd30Balance: yuan(dpd30),
      dpd90Balance: yuan(dpd90),
      dpd30Rate: share(dpd30, balance),
      dpd90Rate: share(dpd90, balance),
    };
  });
  const last = monthEnds.length - 1;
  const balance = last >= 0 ? sum("balance", last) : 0;
  const dpd30 = last >= 0 ? sum("dpd30", last) : 0;
  const dpd90 = last >= 0 ? sum("dpd90", last) : 0;
  let book = 0;
  let late30 = 0;
  let late90 = 0;
  for (let k = Math.max(0, monthEnds.length - 12); k < monthEnds.length; k++) {
    book += sum("balance", k);
    late30 += sum("dpd30", k);
    late90 += sum("dpd90", k);
  }
  // the month ends sample what is open and on the book; the horizon's days say how many years the events and
  // losses came in (a year from January 1st holds 11 month ends, not 12: counting each as a twelfth of a
  // year made every annual rate 12/11 too high, and a 180-day one 12/5 ÷ 365/180 too high)
  const horizonYears = days / 365;
  const months = monthEnds.length;
  const years = months > 0 ? (a.openMonths / months) * horizonYears : null;
  const perYear = (n: number) => (years === null ? null : rate(n, years));
  const m = money(a.lines);
  // a year's loss over the average month-end book
  const lossRate =
    months > 0 ? rate((m.writtenOff - m.recoveries) / horizonYears, m.monthEndBalance / months) : null;
  return {
    day: last >= 0 ? monthEnds[last]! : null,
    balance: yuan(balance),
    dpd30Balance: yuan(dpd30),
    dpd90Balance: yuan(dpd90),
    dpd30Rate: share(dpd30, balance),
    dpd90Rate: share(dpd90, balance),
    trailing12: {
      dpd30Rate: share(late30, book),
      dpd90Rate: share(late90, book),
      balance: yuan(book),
      dpd30Balance: yuan(late30),
      dpd90Balance: yuan(late90),
    },
    accountYears: nullable(years, 2),
    suspensionsPerYear: perYear(a.suspensionSpells),
    closuresPerYear: perYear(a.closed),
    chargeOffsPerYear: perYear(a.chargedOff),
    lossRate,
    monthEnd: series,
  };
}

function summariseArm(
  a: ArmAggregate,
  days: number,
  costOfFunds: number,
  monthEnds: readonly number[],
  quarters: readonly string[],
): ArmSummary {
  const limitQ = (q: number) => (quantileBin(a.openLimit, q) ?? 0) * LIMIT_BIN_YUAN;
  const scoreQ = (q: number) => (quantileBin(a.finalScore, q) ?? 0) + SCORE_MIN;
  const samples = a.monthlyScore.length / SCORE_BINS;
  const over: Array<{ day: number; score: number }> = [];
  for (let m = 0; m < samples; m++) {
    const bin = quantileBin(a.monthlyScore, 0.5, m * SCORE_BINS, SCORE_BINS);
    if (bin !== null) over.push({ day: Math.min(m * SAMPLE_EVERY, days - 1), score: bin + SCORE_MIN });
  }
  const restoreMedian = quantileBin(a.restoreDays, 0.5);
  return {
    accounts: a.accounts,
    counts: {
      opened: a.opened,
      suspended: a.suspended,
      suspendedByCause: Object.fromEntries(
        CAUSES.flatMap((c, i) => (suspends(c) ? [[c, a.suspendedByCause[i]!]] : [])),
      ),
      restored: a.restored,
      restoredWithin180: a.restoredWithin,
      closed: a.closed,
      closedUnused: a.closedUnused,
      limitCuts: a.limitCuts,
      limitIncreases: a.limitIncreases,
      restorations: a.restorations,
      limitsGivenBack: a.limitsGivenBack,
      limitReduced: a.limitReduced,
      cutBeforeCreditSuspension: a.cutBeforeCreditSuspension,
    },
    approvalRate: rate(a.opened, a.accounts),
    openLimit: a.opened > 0 ? { p10: limitQ(0.1), median: limitQ(0.5), p90: limitQ(0.9) } : null,
    suspensionRate: rate(a.suspended, a.accounts),
    suspensionRateByCause: Object.fromEntries(
      CAUSES.flatMap((c, i) => (suspends(c) ? [[c, rate(a.suspendedByCause[i]!, a.accounts)]] : [])),
    ),
    suspensions: a.suspensions,
    restorationRate: a.suspended > 0 ? rate(a.restored, a.suspended) : null,
    restoredWithin180Rate: a.suspended > 0 ? rate(a.restoredWithin, a.suspended) : null,
    medianDaysToRestore: restoreMedian,
    limitReducedRate: rate(a.limitReduced, a.accounts),
    closureRate: rate(a.closed, a.accounts),
    finalStatus: Object.fromEntries(STATUSES.map((s, i) => [s, rate(a.finalStatus[i]!, a.accounts)])),
    score: a.accounts > 0 ? { p25: scoreQ(0.25), median: scoreQ(0.5), p75: scoreQ(0.75) } : null,
    medianScoreOverTime: over,
    chargesTotal: a.charges / 100,
    penaltiesTotal: a.penalties / 100,
    chargesPerAccount: rate(a.charges / 100, a.accounts, 2),
    overdueAtEndTotal: a.overdueEnd / 100,
    overdueAtEndAccounts: a.overdueAccountsEnd,
    balanceAtEndTotal: a.balanceEnd / 100,
    risk: riskOf(a, costOfFunds, fundingDays(monthEnds, days)),
    portfolio: portfolioOf(a, monthEnds, days),
    vintage: vintageRows(a.vintage, quarters, rate),
    events: Object.fromEntries(EVENT_TYPES.map((t, i) => [t, a.events[i]!])) as Record<EventType, number>,
  };
}

export const OVERALL = "(all)";

const psiOf = (a: ArmAggregate, b: ArmAggregate) => nullable(scorePsi(a.finalScore, b.finalScore));
/** On the champion's booked deciles: each arm's own book, whatever share of applicants it booked. */
const bookedPsiOf = (a: ArmAggregate, b: ArmAggregate) => nullable(scorePsi(a.bookedScore, b.bookedScore));

export function summarise(r: PopulationResult): PopulationSummary {
  const { days, costOfFunds } = r.meta;
  const calendar = new Calendar(r.meta.start);
  const monthEnds = monthEndDays(calendar, days);
  const quarters = new VintageClock(calendar, days).quarters;
  const groups: GroupSummary[] = [];
  const group = (
    name: string,
    a: ArmAggregate,
    b: ArmAggregate | null,
    p: Paired | null,
    variants: ArmAggregate[] | null,
  ): GroupSummary => ({
    persona: name,
    champion: summariseArm(a, days, costOfFunds, monthEnds, quarters),
    challenger: b ? summariseArm(b, days, costOfFunds, monthEnds, quarters) : null,
    differences: b && p ? differences(a, b, p) : null,
    flipped: p ? p.flipped : null,
    flips: p ? Object.fromEntries(Object.entries(p.flips).sort(([x], [y]) => (x < y ? -1 : 1))) : null,
    psi: b ? psiOf(a, b) : null,
    psiBooked: b ? bookedPsiOf(a, b) : null,
    variants: variants
      ? variants.map((v) => ({
          ...summariseArm(v, days, costOfFunds, monthEnds, quarters),
          psi: psiOf(a, v),
          psiBooked: bookedPsiOf(a, v),
        }))
      : null,
  });
  r.meta.personas.forEach((persona, i) => {
    groups.push(
      group(
        persona.name,
        r.champion[i]!,
        r.challenger?.[i] ?? null,
        r.paired?.[i] ?? null,
        r.variants ? r.variants.map((v) => v[i]!) : null,
      ),
    );
  });
  const all = overall(r);
  groups.push(group(OVERALL, all.champion, all.challenger, all.paired, all.variants));
  return { groups };
}

/** Every persona of one arm merged. */
function mergedArm(
  arm: readonly ArmAggregate[],
  days: number,
  months: number,
  quarters: number,
): ArmAggregate {
  const total = emptyArm(days, months, quarters);
  for (const a of arm) mergeArm(total, a);
  return total;
}

/** Every persona merged. */
export function overall(r: PopulationResult): {
  champion: ArmAggregate;
  challenger: ArmAggregate | null;
  paired: Paired | null;
  variants: ArmAggregate[] | null;
} {
  const months = r.champion[0]?.lines[0]?.monthEnd.balance.length ?? 0;
  const quarters = r.champion[0]?.vintage.booked.length ?? 0;
  const merged = (arm: readonly ArmAggregate[]) => mergedArm(arm, r.meta.days, months, quarters);
  let paired: Paired | null = null;
  if (r.paired) {
    paired = emptyPaired();
    for (const p of r.paired) mergePaired(paired, p);
  }
  return {
    champion: merged(r.champion),
    challenger: r.challenger ? merged(r.challenger) : null,
    paired,
    variants: r.variants ? r.variants.map(merged) : null,
  };
}

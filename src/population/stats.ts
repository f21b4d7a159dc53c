// From aggregates to the figures a policy owner reads: rates, medians, distributions, and for
// champion/challenger the paired difference of every rate with a 95 % interval. Derived only from the
// whole-number aggregates, so the same aggregates always give the same figures.

import {
  type ArmAggregate,
  CAUSES,
  emptyArm,
  LIMIT_BIN_YUAN,
  mergeArm,
  SAMPLE_EVERY,
  SCORE_BINS,
  SCORE_MIN,
  STATUSES,
} from "./aggregate.js";
import {
  BINARY_METRICS,
  type BinaryMetric,
  CONTINUOUS_METRICS,
  type ContinuousMetric,
  emptyPaired,
  mergePaired,
  type Paired,
} from "./paired.js";
import type { PopulationResult } from "./result.js";

export interface ArmSummary {
  accounts: number;
  approvalRate: number;
  openLimit: { p10: number; median: number; p90: number } | null;
  suspensionRate: number;
  suspensionRateByCause: Record<string, number>;
  suspensions: number;
  /** of the suspended accounts */
  restorationRate: number | null;
  restoredWithin180Rate: number | null;
  medianDaysToRestore: number | null;
  limitReducedRate: number;
  closureRate: number;
  finalStatus: Record<string, number>;
  score: { p25: number; median: number; p75: number } | null;
  medianScoreOverTime: Array<{ day: number; score: number }>;
  /** yuan */
  chargesTotal: number;
  /** penalty income: the overdue penalties among the charges (yuan) */
  penaltiesTotal: number;
  chargesPerAccount: number;
  overdueAtEndTotal: number;
  overdueAtEndAccounts: number;
  balanceAtEndTotal: number;
}

export interface Difference {
  metric: string;
  champion: number | null;
  challenger: number | null;
  difference: number;
  ci95: [number, number];
}

export interface GroupSummary {
  persona: string;
  champion: ArmSummary;
  challenger: ArmSummary | null;
  differences: Difference[] | null;
  flipped: number | null;
  flips: Record<string, number> | null;
}

export interface PopulationSummary {
  groups: GroupSummary[];
}

const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const rate = (n: number, d: number) => (d > 0 ? round(n / d) : 0);

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

function summariseArm(a: ArmAggregate, days: number): ArmSummary {
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
    approvalRate: rate(a.opened, a.accounts),
    openLimit: a.opened > 0 ? { p10: limitQ(0.1), median: limitQ(0.5), p90: limitQ(0.9) } : null,
    suspensionRate: rate(a.suspended, a.accounts),
    suspensionRateByCause: Object.fromEntries(
      CAUSES.map((c, i) => [c, rate(a.suspendedByCause[i]!, a.accounts)]),
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
    chargesPerAccount: a.accounts > 0 ? round(a.charges / 100 / a.accounts, 2) : 0,
    overdueAtEndTotal: a.overdueEnd / 100,
    overdueAtEndAccounts: a.overdueAccountsEnd,
    balanceAtEndTotal: a.balanceEnd / 100,
  };
}

const Z95 = 1.959963984540054;

/** Paired difference of a 0/1 outcome: mean of d ∈ {−1, 0, 1} with its normal 95 % interval. */
export function pairedBinary(
  n: number,
  up: number,
  down: number,
): { difference: number; ci95: [number, number] } {
  if (n === 0) return { difference: 0, ci95: [0, 0] };
  const mean = (up - down) / n;
  const variance = n > 1 ? (((up + down) / n - mean * mean) * n) / (n - 1) : 0;
  const half = Z95 * Math.sqrt(Math.max(0, variance) / n);
  return { difference: round(mean), ci95: [round(mean - half), round(mean + half)] };
}

function pairedMean(
  n: number,
  sum: number,
  sumSq: bigint,
  scale = 1,
): { difference: number; ci95: [number, number] } {
  if (n === 0) return { difference: 0, ci95: [0, 0] };
  const mean = sum / n;
  const variance = n > 1 ? ((Number(sumSq) / n - mean * mean) * n) / (n - 1) : 0;
  const half = Z95 * Math.sqrt(Math.max(0, variance) / n);
  return {
    difference: round(mean / scale, 2),
    ci95: [round((mean - half) / scale, 2), round((mean + half) / scale, 2)],
  };
}

/** The share of all accounts with a 0/1 outcome, from an arm's counts. */
function armRate(a: ArmAggregate, m: BinaryMetric): number {
  const count = {
    opened: a.opened,
    suspended: a.suspended,
    suspendedCredit: a.suspendedByCause[0]!,
    suspendedSecurity: a.suspendedByCause[1]!,
    suspendedPolicy: a.suspendedByCause[2]!,
    restored: a.restored,
    closed: a.closed,
    overdueAtEnd: a.overdueAccountsEnd,
  }[m];
  return rate(count, a.accounts);
}

const CONTINUOUS_SCALE: Record<ContinuousMetric, number> = {
  finalScore: 1,
  finalLimit: 100,
  charges: 100,
  overdueEnd: 100,
};

export const METRIC_LABELS: Record<BinaryMetric | ContinuousMetric, string> = {
  opened: "approval rate",
  suspended: "suspended (any cause)",
  suspendedCredit: "suspended: credit",
  suspendedSecurity: "suspended: security",
  suspendedPolicy: "suspended: policy",
  restored: "restored (share of all accounts)",
  closed: "closed",
  overdueAtEnd: "overdue at the end",
  finalScore: "final score (mean, points)",
  finalLimit: "final limit (mean, yuan)",
  charges: "penalties + interest (mean, yuan)",
  overdueEnd: "overdue at the end (mean, yuan)",
};

function differences(a: ArmAggregate, b: ArmAggregate, p: Paired): Difference[] {
  const out: Difference[] = [];
  for (const m of BINARY_METRICS) {
    const [up, down] = p.binary[m];
    out.push({
      metric: m,
      champion: armRate(a, m),
      challenger: armRate(b, m),
      ...pairedBinary(p.accounts, up, down),
    });
  }
  for (const m of CONTINUOUS_METRICS) {
    const c = p.continuous[m];
    out.push({
      metric: m,
      champion: null,
      challenger: null,
      ...pairedMean(p.accounts, c.sum, BigInt(c.sumSq), CONTINUOUS_SCALE[m]),
    });
  }
  return out;
}

export const OVERALL = "(all)";

export function summarise(r: PopulationResult): PopulationSummary {
  const { days } = r.meta;
  const groups: GroupSummary[] = [];
  const group = (name: string, a: ArmAggregate, b: ArmAggregate | null, p: Paired | null): GroupSummary => ({
    persona: name,
    champion: summariseArm(a, days),
    challenger: b ? summariseArm(b, days) : null,
    differences: b && p ? differences(a, b, p) : null,
    flipped: p ? p.flipped : null,
    flips: p ? Object.fromEntries(Object.entries(p.flips).sort(([x], [y]) => (x < y ? -1 : 1))) : null,
  });
  r.meta.personas.forEach((persona, i) => {
    groups.push(group(persona.name, r.champion[i]!, r.challenger?.[i] ?? null, r.paired?.[i] ?? null));
  });
  const all = overall(r);
  groups.push(group(OVERALL, all.champion, all.challenger, all.paired));
  return { groups };
}

/** Every persona merged. */
export function overall(r: PopulationResult): {
  champion: ArmAggregate;
  challenger: ArmAggregate | null;
  paired: Paired | null;
} {
  const champion = emptyArm(r.meta.days);
  for (const a of r.champion) mergeArm(champion, a);
  let challenger: ArmAggregate | null = null;
  if (r.challenger) {
    challenger = emptyArm(r.meta.days);
    for (const a of r.challenger) mergeArm(challenger, a);
  }
  let paired: Paired | null = null;
  if (r.paired) {
    paired = emptyPaired();
    for (const p of r.paired) mergePaired(paired, p);
  }
  return { champion, challenger, paired };
}

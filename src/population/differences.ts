import type { ArmAggregate } from "./aggregate.js";
import {
  BINARY_METRICS,
  type BinaryMetric,
  CONTINUOUS_METRICS,
  type ContinuousMetric,
  type Paired,
} from "./paired.js";
import { rate, round } from "./rounding.js";

/** One metric, champion against challenger: the values, their difference and its 95 % interval. */
export interface Difference {
  metric: string;
  champion: number | null;
  challenger: number | null;
  difference: number;
  ci95: [number, number];
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
    bad: a.bad,
  }[m];
  return rate(count, a.accounts);
}

const CONTINUOUS_SCALE: Record<ContinuousMetric, number> = {
  finalScore: 1,
  finalLimit: 100,
  charges: 100,
  overdueEnd: 100,
  revenue: 100,
  loss: 100,
};

export const METRIC_LABELS: Record<BinaryMetric | ContinuousMetric, string> = {
  opened: "approval rate",
  suspended: "suspended (any cause)",
  suspendedCredit: "suspended: credit",
  suspendedSecurity: "suspended: security",
  suspendedPolicy: "suspended: policy",
  restored: "restored (share of all accounts)",
  closed: "closed by the lender",
  overdueAtEnd: "overdue at the end",
  bad: "bad (share of all accounts)",
  finalScore: "final score (mean, points)",
  finalLimit: "final limit (mean, yuan)",
  charges: "Huabei charges (mean, yuan)",
  overdueEnd: "overdue at the end (mean, yuan)",
  revenue: "revenue (mean, yuan)",
  loss: "loss (mean, yuan)",
};

export function differences(a: ArmAggregate, b: ArmAggregate, p: Paired): Difference[] {
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

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
  /** a share's value per arm (null: no accounts); an amount's none (its mean difference alone) */
  champion: number | null;
  challenger: number | null;
  /** null: no account to compare on */
  difference: number | null;
  /** null: no account, or (an amount) one account: no spread to estimate an interval from */
  ci95: [number, number] | null;
}

const Z95 = 1.959963984540054;

/**
 * Paired difference of a 0/1 outcome: the mean of d ∈ {−1, 0, 1}, with the Agresti–Min 95 % interval
 * (Agresti & Min 2005, "Simple improved confidence intervals for comparing matched proportions",
 * Statistics in Medicine 24:729–740: the Wald interval after adding ½ to each cell of the 2×2 table; none without accounts). The
 * plain Wald interval has zero width when every changed account moved the same way — one account that
 * flipped read as a certain difference — and undercovers when few accounts change.
 */
export function pairedBinary(
  n: number,
  up: number,
  down: number,
): { difference: number | null; ci95: [number, number] | null } {
  if (n === 0) return { difference: null, ci95: null };
  const m = n + 2;
  const pu = (up + 0.5) / m;
  const pd = (down + 0.5) / m;
  const centre = pu - pd;
  const half = Z95 * Math.sqrt(Math.max(0, pu + pd - centre * centre) / m);
  const clamp = (x: number) => Math.min(1, Math.max(-1, x));
  return {
    difference: round((up - down) / n),
    ci95: [round(clamp(centre - half)), round(clamp(centre + half))],
  };
}

/** Whether a difference is of a share of accounts (read in % and pp), not of an amount. */
export const isShare = (d: Pick<Difference, "metric">): boolean =>
  (BINARY_METRICS as readonly string[]).includes(d.metric);

/** Whether a difference's interval excludes 0 (never, without an interval). */
export const significant = (d: Difference): boolean => d.ci95 !== null && (d.ci95[0] > 0 || d.ci95[1] < 0);

/** What a renderer shows for a missing interval. */
export const NO_INTERVAL = "none (too few accounts differ)";

/** Student's t two-sided 95 % quantile for df = 1…30 (any table; e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t quantile beyond the table: the Cornish–Fisher expansion in 1/df (within 0.001 from df 30). */
export function t95(df: number): number {
  const tabled = T95[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z95;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Paired difference of an amount: the mean with its t interval; a single account has no spread to
 *  estimate one from, and gets none (null), as no account at all — nor do accounts that all differ alike
 *  (most often by nothing: no account's loss moved). Their t interval had zero width, a certainty read
 *  off a sample in which no account told the arms apart: 1,000 accounts, none of whose loss moved, read
 *  '+¥0.00 [¥0.00, ¥0.00]' where 40,000 put the difference at −¥1.58 an account (a loss moves on a few
 *  accounts in a thousand), and 8 of 20 seeds' intervals missed it. */
function pairedMean(
  n: number,
  sum: number,
  sumSq: bigint,
  scale = 1,
): { difference: number | null; ci95: [number, number] | null } {
  if (n === 0) return { difference: null, ci95: null };
  const mean = sum / n;
  // no spread: n·Σd² = (Σd)² exactly when every d is the same (whole numbers: fen, points)
  if (n === 1 || BigInt(n) * sumSq === BigInt(sum) ** 2n)
    return { difference: round(mean / scale, 2), ci95: null };
  const variance = ((Number(sumSq) / n - mean * mean) * n) / (n - 1);
  const half = t95(n - 1) * Math.sqrt(Math.max(0, variance) / n);
  return {
    difference: round(mean / scale, 2),
    ci95: [round((mean - half) / scale, 2), round((mean + half) / scale, 2)],
  };
}

/** The share of all accounts with a 0/1 outcome, from an arm's counts. */
function armRate(a: ArmAggregate, m: BinaryMetric): number | null {
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
  opened: "Huabei opened (share of all accounts)",
  suspended: "suspended (any cause)",
  suspendedCredit: "suspended: credit",
  suspendedSecurity: "suspended: security",
  suspendedPolicy: "suspended: policy",
  restored: "restored (share of all accounts)",
  closed: "closed by the lender",
  overdueAtEnd: "Huabei overdue at the end",
  bad: "bad (share of all accounts)",
  finalScore: "final score (mean, points)",
  finalLimit: "final limit (mean, yuan)",
  charges: "Huabei charges (mean, yuan)",
  overdueEnd: "Huabei overdue at the end (mean, yuan)",
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

// How well a score ranks risk, and how far two score distributions drift apart — the measures
// scorecard-monitoring tools report (optbinning's ScorecardMonitoring, the R scorecard package's
// perf_eva and perf_psi). Computed from histograms over the same score bins, so they are exact functions
// of the whole-number aggregates: the same aggregates always give the same figures.

const sum = (bins: readonly number[]): number => {
  let n = 0;
  for (const c of bins) n += c;
  return n;
};

/**
 * AUC: the chance that a good account scores above a bad one (ties count half) — a score that ranks risk
 * well scores the good high. Null without goods or without bads.
 */
export function auc(good: readonly number[], bad: readonly number[]): number | null {
  const [goods, bads] = [sum(good), sum(bad)];
  if (goods === 0 || bads === 0) return null;
  // for each bin: the goods in it beat every bad below it and tie with the bads in it
  let below = 0;
  let wins = 0;
  for (let i = 0; i < good.length; i++) {
    wins += good[i]! * (below + bad[i]! / 2);
    below += bad[i]!;
  }
  const pairs = goods * bads;
  // (whole counts always come here)
  if (pairs >= 1) return wins / pairs;
  // totals whose product is below one: it and the wins may fall into a double's subnormal range, or below
  // it, where they lose their digits — the same chance, on shares
  let share = 0;
  let belowShare = 0;
  for (let i = 0; i < good.length; i++) {
    share += (good[i]! / goods) * (belowShare + bad[i]! / bads / 2);
    belowShare += bad[i]! / bads;
  }
  return share;
}

/** Gini (accuracy ratio) = 2 AUC − 1: 0 ranks no better than chance, 1 ranks every good above every bad. */
export const gini = (a: number | null): number | null => (a === null ? null : 2 * a - 1);

/**
 * KS: the largest gap between the cumulative shares of bads and of goods up to a score (0 … 1): where a
 * cut-off separates them best. Null without goods or without bads.
 */
export function ks(good: readonly number[], bad: readonly number[]): number | null {
  const [goods, bads] = [sum(good), sum(bad)];
  if (goods === 0 || bads === 0) return null;
  let g = 0;
  let b = 0;
  let best = 0;
  for (let i = 0; i < good.length; i++) {
    g += good[i]!;
    b += bad[i]!;
    best = Math.max(best, Math.abs(b / bads - g / goods));
  }
  return best;
}

/** A share of zero in a PSI bin is taken as this (the log would be infinite). */
const PSI_FLOOR = 0.0001;

/**
 * Population stability index of `actual` against `expected`, over bins already formed:
 * Σ (a − e) · ln(a / e) on each bin's share (a share of 0 counts as PSI_FLOOR). Under 0.1 is usually read
 * as stable, 0.1–0.25 as a shift worth a look, over 0.25 as a different population.
 */
export function psi(expected: readonly number[], actual: readonly number[]): number | null {
  const e = expected.reduce((x, y) => x + y, 0);
  const a = actual.reduce((x, y) => x + y, 0);
  if (e === 0 || a === 0) return null;
  let total = 0;
  for (let i = 0; i < expected.length; i++) {
    const pe = Math.max(PSI_FLOOR, expected[i]! / e);
    const pa = Math.max(PSI_FLOOR, (actual[i] ?? 0) / a);
    total += (pa - pe) * Math.log(pa / pe);
  }
  return total;
}

/**
 * The bins of a PSI: the deciles of the reference histogram — each bin starts at the first score bin
 * where the reference's cumulative share reaches k/10 (ties in the reference merge bins). Returns the
 * starting bin index of each bin after the first.
 */
function decileCuts(reference: readonly number[], bins = 10): number[] {
  const total = reference.reduce((x, y) => x + y, 0);
  const cuts: number[] = [];
  if (total === 0) return cuts;
  let acc = 0;
  let k = 1;
  for (let i = 0; i < reference.length && k < bins; i++) {
    acc += reference[i]!;
    while (k < bins && acc >= (k * total) / bins) {
      const at = i + 1;
      if (at < reference.length && cuts[cuts.length - 1] !== at) cuts.push(at);
      k++;
    }
  }
  return cuts;
}

/** A histogram regrouped into the bins `cuts` make (decileCuts). */
function regroup(hist: readonly number[], cuts: readonly number[]): number[] {
  const out = new Array<number>(cuts.length + 1).fill(0);
  let bin = 0;
  for (let i = 0; i < hist.length; i++) {
    while (bin < cuts.length && i >= cuts[bin]!) bin++;
    out[bin]! += hist[i]!;
  }
  return out;
}

/** The PSI of `actual` against `reference` score histograms, on the reference's deciles. */
export function scorePsi(reference: readonly number[], actual: readonly number[]): number | null {
  const cuts = decileCuts(reference);
  return psi(regroup(reference, cuts), regroup(actual, cuts));
}

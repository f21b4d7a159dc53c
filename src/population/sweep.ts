// Sweeps (Mesa's batch_run): named policy parameters, each over a range, expanded into the cartesian grid
// of variants, every variant run on the same accounts as the champion (lanes make that cost what
// diverges). The frontier says which variants are worth a look: a variant is dominated when another
// approves at least as many, with a bad rate no higher and a profit no lower, and is better in one.

import type { PolicyParamName } from "../engine/index.js";
import type { RiskSummary } from "./stats.js";

/** The most variants one sweep runs (a grid's product). */
export const MAX_VARIANTS = 100;

export interface SweepAxis {
  param: PolicyParamName;
  values: number[];
}

/** FROM, FROM+STEP, … up to TO (inclusive), without floating-point drift (0.1 + 0.2 is 0.3 here). */
export function rangeValues(from: number, to: number, step: number): number[] {
  const decimals = Math.max(decimalsOf(from), decimalsOf(step), decimalsOf(to));
  const f = 10 ** decimals;
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = from + i * step;
    // rounded to the decimals written (0.1 + 0.2 is 0.3); past a double's range (a step of 1e-320) as is
    const r = Math.round(x * f) / f;
    out.push(Number.isFinite(r) ? r : x);
  }
  return out;
}

function decimalsOf(x: number): number {
  const text = String(x);
  const e = /e-(\d+)$/.exec(text);
  if (e) return Number(e[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The grid's variants, in order: the first axis varies slowest (as itertools.product). */
export function gridPoints(axes: readonly SweepAxis[]): Array<Record<string, number>> {
  let points: Array<Record<string, number>> = [{}];
  for (const axis of axes)
    points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.param]: v })));
  return axes.length === 0 ? [] : points;
}

/** Variant pairs one step apart along one axis (indices into gridPoints), in grid order. */
export function neighbours(axes: readonly SweepAxis[]): Array<[number, number]> {
  const sizes = axes.map((a) => a.values.length);
  const total = sizes.reduce((a, b) => a * b, axes.length === 0 ? 0 : 1);
  const out: Array<[number, number]> = [];
  // the stride of each axis in the flat grid (the last axis varies fastest)
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, b) => a * b, 1));
  for (let v = 0; v < total; v++) {
    for (let k = 0; k < axes.length; k++) {
      const at = Math.floor(v / strides[k]!) % sizes[k]!;
      if (at + 1 < sizes[k]!) out.push([v, v + strides[k]!]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** What a sweep reports per variant (the JSON document's `variants[].metrics`): rates as fractions,
 *  money in yuan, both lines together, the score's ranking on the account. */
export interface VariantMetrics {
  approvalRate: number;
  badRate: number;
  loss: number;
  revenue: number;
  profit: number;
  gini: number | null;
  ks: number | null;
}

export function variantMetrics(r: RiskSummary): VariantMetrics {
  const a = r.all;
  return {
    approvalRate: a.approvalRate,
    badRate: a.badRate,
    loss: a.loss,
    revenue: a.revenue,
    profit: a.profit,
    gini: a.gini,
    ks: a.ks,
  };
}

/** For each variant, whether another dominates it (approval ↑, bad rate ↓, profit ↑). */
export function dominated(metrics: readonly VariantMetrics[]): boolean[] {
  return metrics.map((m, i) =>
    metrics.some(
      (o, j) =>
        j !== i &&
        o.approvalRate >= m.approvalRate &&
        o.badRate <= m.badRate &&
        o.profit >= m.profit &&
        (o.approvalRate > m.approvalRate || o.badRate < m.badRate || o.profit > m.profit),
    ),
  );
}

/** A variant's parameters as text: "minScore=640, maxApplications30d=2". */
export const paramsText = (params: Record<string, number>): string =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");

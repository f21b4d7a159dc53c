// Sweeps (Mesa's batch_run): named policy parameters, each over a range, expanded into the cartesian grid
// of variants, every variant run on the same accounts as the champion (lanes make that cost what
// diverges). The frontier says which variants are worth a look: a variant is dominated when another
// approves at least as many, with a bad rate no higher and a profit no lower, and is better in one.

import { type LineId, POLICY_PARAM_NAMES, type PolicyParamName } from "../engine/index.js";
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
  /** of the accounts that applied for either line, those booked on either (null: no applicants) */
  approvalRate: number | null;
  /** each line's own: of the accounts that applied to open it, those it was opened for — what a parameter
   *  of one line moves, where the rate of both hides it (a Jiebei threshold, with Huabei booking nearly
   *  every applicant) */
  huabeiApprovalRate: number | null;
  jiebeiApprovalRate: number | null;
  badRate: number | null;
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
    huabeiApprovalRate: r.huabei.approvalRate,
    jiebeiApprovalRate: r.jiebei.approvalRate,
    badRate: a.badRate,
    loss: a.loss,
    revenue: a.revenue,
    profit: a.profit,
    gini: a.gini,
    ks: a.ks,
  };
}

/** What dominance compares: the counts behind the rates and the profit. A rate rounded to four decimals
 *  ties variants whose bads differ by up to 1 in 20,000 booked — 20 at the 400,000 accounts of a sharded
 *  sweep — and a tie let a variant with more bads and more profit dominate one with fewer. */
export interface FrontierPoint {
  applicants: number;
  booked: number;
  bad: number;
  /** yuan, to the fen */
  profit: number;
}

/** n1/d1 against n2/d2, exactly (whole counts): negative, zero or positive. A rate of nothing is 0. */
function compareRates(n1: number, d1: number, n2: number, d2: number): number {
  const [a, b] = d1 > 0 ? [n1, d1] : [0, 1];
  const [c, d] = d2 > 0 ? [n2, d2] : [0, 1];
  return a * d - c * b;
}

/** For each variant, whether another dominates it (approval ↑, bad rate ↓, profit ↑). Approval is both
 *  lines' and, for each line in `lines` (the lines whose own parameters are swept: sweptLines), that line's
 *  own: a stricter Jiebei threshold hardly moves both lines' rate, Huabei booking nearly every applicant, so
 *  on that alone its lower bad rate would dominate the looser variants that book more Jiebei. */
export function dominated(
  points: ReadonlyArray<
    { all: FrontierPoint } & Partial<Record<LineId, Pick<FrontierPoint, "applicants" | "booked">>>
  >,
  lines: readonly LineId[] = [],
): boolean[] {
  return points.map((m, i) =>
    points.some((o, j) => {
      if (j === i) return false;
      const approvals = [
        compareRates(o.all.booked, o.all.applicants, m.all.booked, m.all.applicants),
        ...lines.map((l) =>
          compareRates(o[l]?.booked ?? 0, o[l]?.applicants ?? 0, m[l]?.booked ?? 0, m[l]?.applicants ?? 0),
        ),
      ];
      const bad = compareRates(o.all.bad, o.all.booked, m.all.bad, m.all.booked);
      const profit = Math.round(o.all.profit * 100) - Math.round(m.all.profit * 100);
      return (
        approvals.every((a) => a >= 0) &&
        bad <= 0 &&
        profit >= 0 &&
        (approvals.some((a) => a > 0) || bad < 0 || profit > 0)
      );
    }),
  );
}

/** The line whose own approval rate a sweep's chart plots against the bad rate: the line every swept
 *  parameter is the own of (a Jiebei threshold moves Jiebei's approval, and both lines' hardly); null for
 *  both lines' (a grid with a parameter both lines read, or over both lines' own). */
export function chartedLine(axes: ReadonlyArray<Pick<SweepAxis, "param">>): LineId | null {
  const lines = new Set(axes.map((a) => parameterLine(a.param)));
  const [line, more] = [...lines];
  return more === undefined && line !== undefined ? line : null;
}

/** A variant's approval rate of `line` (null: both lines'). */
export function approvalOf(m: VariantMetrics, line: LineId | null): number | null {
  if (line === "huabei") return m.huabeiApprovalRate;
  if (line === "jiebei") return m.jiebeiApprovalRate;
  return m.approvalRate;
}

/** The line a policy parameter sets a rule of alone: Jiebei for its own (`jiebeiMinOpenScore`), Huabei for
 *  one Jiebei has its own of (`minOpenScore`, beside `jiebeiMinOpenScore`); null for one both lines read
 *  (`maxApplications30d`) or neither decides by alone. */
function parameterLine(param: string): LineId | null {
  const names: readonly string[] = POLICY_PARAM_NAMES;
  if (/^jiebei[A-Z]/.test(param) && names.includes(param)) return "jiebei";
  const own = `jiebei${param.charAt(0).toUpperCase()}${param.slice(1)}`;
  return names.includes(own) ? "huabei" : null;
}

/** The lines whose own approval rate a sweep's frontier shows beside both lines': those a swept parameter
 *  belongs to, Huabei first. */
export function sweptLines(axes: ReadonlyArray<Pick<SweepAxis, "param">>): LineId[] {
  const lines = new Set(axes.map((a) => parameterLine(a.param)));
  return (["huabei", "jiebei"] as const).filter((l) => lines.has(l));
}

/** A variant's parameters as text: "minScore=640, maxApplications30d=2". */
export const paramsText = (params: Record<string, number>): string =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");

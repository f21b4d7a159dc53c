// Champion vs challenger, account by account: the paired differences of each metric (counts of 0→1 and
// 1→0 changes, sums of differences and of their squares) and the outcome flips. Whole numbers only (the
// squares as decimal strings), so paired results merge exactly, like the arm aggregates.

import { lineRevenue, type Outcome, outcomeClass } from "./outcome.js";

export const BINARY_METRICS = [
  "opened",
  "suspended",
  "suspendedCredit",
  "suspendedSecurity",
  "suspendedPolicy",
  "restored",
  "closed",
  "overdueAtEnd",
  "bad",
] as const;
export type BinaryMetric = (typeof BINARY_METRICS)[number];
export const CONTINUOUS_METRICS = [
  "finalScore",
  "finalLimit",
  "charges",
  "overdueEnd",
  "revenue",
  "loss",
] as const;
export type ContinuousMetric = (typeof CONTINUOUS_METRICS)[number];

function binaryValue(o: Outcome, m: BinaryMetric): number {
  switch (m) {
    case "opened":
      return o.opened ? 1 : 0;
    case "suspended":
      return o.suspensions > 0 ? 1 : 0;
    case "suspendedCredit":
      return o.causes & 1 ? 1 : 0;
    case "suspendedSecurity":
      return o.causes & 2 ? 1 : 0;
    case "suspendedPolicy":
      return o.causes & 4 ? 1 : 0;
    case "restored":
      return o.restoreDays >= 0 ? 1 : 0;
    case "closed":
      return o.closed ? 1 : 0;
    case "overdueAtEnd":
      return o.overdue > 0 ? 1 : 0;
    case "bad":
      return (o.lines[0].opened && o.lines[0].badDay >= 0) || (o.lines[1].opened && o.lines[1].badDay >= 0)
        ? 1
        : 0;
  }
}

function continuousValue(o: Outcome, m: ContinuousMetric): number {
  switch (m) {
    case "finalScore":
      return o.finalScore;
    case "finalLimit":
      return o.finalLimit;
    case "charges":
      return o.charges;
    case "overdueEnd":
      return o.overdue;
    case "revenue":
      return lineRevenue(o.lines[0]) + lineRevenue(o.lines[1]);
    case "loss":
      return o.lines[0].writtenOff - o.lines[0].recoveries + o.lines[1].writtenOff - o.lines[1].recoveries;
  }
}

export interface Paired {
  accounts: number;
  /** per binary metric: [accounts 0→1, accounts 1→0] (champion → challenger) */
  binary: Record<BinaryMetric, [number, number]>;
  /** per continuous metric: Σd and Σd² of d = challenger − champion (Σd² as a decimal string: it can
   *  pass 2^53 for money, and must stay exact to merge byte-identically) */
  continuous: Record<ContinuousMetric, { sum: number; sumSq: string }>;
  flipped: number;
  /** "champion class → challenger class": accounts */
  flips: Record<string, number>;
}

export function emptyPaired(): Paired {
  return {
    accounts: 0,
    binary: Object.fromEntries(BINARY_METRICS.map((m) => [m, [0, 0]])) as Paired["binary"],
    continuous: Object.fromEntries(
      CONTINUOUS_METRICS.map((m) => [m, { sum: 0, sumSq: "0" }]),
    ) as Paired["continuous"],
    flipped: 0,
    flips: {},
  };
}

/** Paired accumulation with BigInt squares, written into `Paired` by `result()`. */
export class PairedAccumulator {
  readonly p = emptyPaired();
  private readonly sq = new Map<ContinuousMetric, bigint>(CONTINUOUS_METRICS.map((m) => [m, 0n]));

  add(a: Outcome, b: Outcome): boolean {
    const p = this.p;
    p.accounts++;
    for (const m of BINARY_METRICS) {
      const d = binaryValue(b, m) - binaryValue(a, m);
      if (d > 0) p.binary[m][0]++;
      else if (d < 0) p.binary[m][1]++;
    }
    for (const m of CONTINUOUS_METRICS) {
      const d = continuousValue(b, m) - continuousValue(a, m);
      if (d !== 0) {
        p.continuous[m].sum += d;
        const big = BigInt(d);
        this.sq.set(m, this.sq.get(m)! + big * big);
      }
    }
    const from = outcomeClass(a);
    const to = outcomeClass(b);
    if (from === to) return false;
    p.flipped++;
    const key = `${from} → ${to}`;
    p.flips[key] = (p.flips[key] ?? 0) + 1;
    return true;
  }

  result(): Paired {
    for (const m of CONTINUOUS_METRICS) this.p.continuous[m].sumSq = this.sq.get(m)!.toString();
    return this.p;
  }
}

export function mergePaired(a: Paired, b: Paired): void {
  a.accounts += b.accounts;
  for (const m of BINARY_METRICS) {
    a.binary[m][0] += b.binary[m][0];
    a.binary[m][1] += b.binary[m][1];
  }
  for (const m of CONTINUOUS_METRICS) {
    a.continuous[m].sum += b.continuous[m].sum;
    a.continuous[m].sumSq = (BigInt(a.continuous[m].sumSq) + BigInt(b.continuous[m].sumSq)).toString();
  }
  a.flipped += b.flipped;
  for (const [k, v] of Object.entries(b.flips)) a.flips[k] = (a.flips[k] ?? 0) + v;
}

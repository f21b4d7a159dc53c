// Base vs variant: which decisions differ, and how the account ends. Pure: two traces in, data out.
//
// Steps are aligned by identity, not by position: a user's event by its stable number (#7 stays #7 when
// it is moved to another day), an engine step (statement, due, overdue, review) by its type, day and
// occurrence on that day.

import type { Cause, Decision, Status, Step, Trace } from "../engine/index.js";
import { REASONS, type ReasonCode } from "../engine/index.js";

export interface SideDecision {
  day: number;
  date: string;
  decision: Decision | null;
  reasons: ReasonCode[];
  /** the step's event type (apply, review, …) */
  event: string;
  /** the step as a whole, for renderers */
  step: Step;
}

export interface DecisionDifference {
  /** alignment key: `#7` for a user's event, `review@121` for an engine step */
  key: string;
  /** the user's event number, or null for an engine step */
  id: number | null;
  /** null: the step is not in that run (a removed event, or a review that had nothing to say) */
  base: SideDecision | null;
  variant: SideDecision | null;
  /** "decision": the decisions differ; "reasons": same decision, other rule reasons */
  kind: "decision" | "reasons";
  /** the event was removed in the variant (vs. present but without a decision) */
  removed: boolean;
  added: boolean;
}

export interface Outcome {
  status: Status;
  cause: Cause | null;
  score: number;
  /** fen */
  limit: number;
  balance: number;
  charges: number;
  suspensions: number;
  firstSuspendedDay: number | null;
  /** days spent suspended within the simulated span */
  daysSuspended: number;
  declines: number;
}

export interface Comparison {
  differences: DecisionDifference[];
  base: Outcome;
  variant: Outcome;
  /** differences counted by kind */
  counts: { decision: number; reasons: number };
}

type Keyed = Map<string, SideDecision>;

function keyed(trace: Trace, idOf: (index: number) => number): { map: Keyed; order: string[] } {
  const map: Keyed = new Map();
  const order: string[] = [];
  const seen = new Map<string, number>();
  for (const step of trace.steps) {
    const e = step.event;
    let key: string;
    if ("index" in e) key = `#${idOf(e.index)}`;
    else {
      const k = `${e.type}@${step.day}`;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      key = n === 0 ? k : `${k}.${n}`;
    }
    // an event may produce several steps (a verification that also re-checks overdue): keep the first decision
    if (map.has(key) && map.get(key)!.decision !== null) continue;
    map.set(key, {
      day: step.day,
      date: step.date,
      decision: step.decision,
      reasons: step.reasons,
      event: e.type,
      step,
    });
    if (!order.includes(key)) order.push(key);
  }
  return { map, order };
}

/** The decision rules' own reasons: the scorecard's reasons move with every score change, so they are
 *  not compared (they still show beside a decision that differs). */
const ruleReasons = (codes: readonly ReasonCode[]) =>
  codes
    .filter((r) => REASONS[r].kind !== "score")
    .sort()
    .join();
const sameReasons = (a: readonly ReasonCode[], b: readonly ReasonCode[]) => ruleReasons(a) === ruleReasons(b);

export function outcome(trace: Trace): Outcome {
  let suspensions = 0;
  let first: number | null = null;
  let since: number | null = null;
  let days = 0;
  let declines = 0;
  for (const s of trace.steps) {
    if (s.decision === "declined") declines++;
    if (s.decision === "suspended") {
      suspensions++;
      first ??= s.day;
      since ??= s.day;
    } else if ((s.decision === "restored" || s.decision === "closed") && since !== null) {
      days += s.day - since;
      since = null;
    }
  }
  if (since !== null) days += trace.until - since;
  const f = trace.final;
  return {
    status: f.status,
    cause: f.cause,
    score: f.score,
    limit: f.limit,
    balance: f.balance,
    charges: f.charges,
    suspensions,
    firstSuspendedDay: first,
    daysSuspended: days,
    declines,
  };
}

export interface CompareIds {
  /** base trace step `event.index` → stable event number */
  base: (index: number) => number;
  variant: (index: number) => number;
  /** event numbers that the variant removed / added */
  removed?: ReadonlySet<number>;
  added?: ReadonlySet<number>;
}

/** Aligns two traces and lists the decisions that differ, in day order. */
export function compareTraces(base: Trace, variant: Trace, ids: CompareIds): Comparison {
  const b = keyed(base, ids.base);
  const v = keyed(variant, ids.variant);
  const keys = [...b.order, ...v.order.filter((k) => !b.map.has(k))];
  const differences: DecisionDifference[] = [];
  for (const key of keys) {
    const x = b.map.get(key) ?? null;
    const y = v.map.get(key) ?? null;
    const dx = x?.decision ?? null;
    const dy = y?.decision ?? null;
    if (dx === null && dy === null) continue;
    const id = key.startsWith("#") ? Number(key.slice(1)) : null;
    const common = {
      key,
      id,
      base: x,
      variant: y,
      removed: id !== null && (ids.removed?.has(id) ?? false),
      added: id !== null && (ids.added?.has(id) ?? false),
    };
    if (dx !== dy) differences.push({ ...common, kind: "decision" });
    else if (!sameReasons(x?.reasons ?? [], y?.reasons ?? []))
      differences.push({ ...common, kind: "reasons" });
  }
  const dayOf = (d: DecisionDifference) => Math.min(d.base?.day ?? Infinity, d.variant?.day ?? Infinity);
  // stable sort by day: same-day steps keep the base's order
  const sorted = differences.map((d, i) => ({ d, i })).sort((p, q) => dayOf(p.d) - dayOf(q.d) || p.i - q.i);
  const list = sorted.map((p) => p.d);
  return {
    differences: list,
    base: outcome(base),
    variant: outcome(variant),
    counts: {
      decision: list.filter((d) => d.kind === "decision").length,
      reasons: list.filter((d) => d.kind === "reasons").length,
    },
  };
}

/** The comparison as plain JSON (money in yuan), for `--json`. */
export function comparisonToJson(c: Comparison): Record<string, unknown> {
  const side = (s: SideDecision | null) =>
    s === null
      ? null
      : { day: s.day, date: s.date, event: s.event, decision: s.decision, reasons: s.reasons };
  const out = (o: Outcome) => ({
    status: o.status,
    cause: o.cause,
    score: o.score,
    limit: o.limit / 100,
    balance: o.balance / 100,
    charges: o.charges / 100,
    suspensions: o.suspensions,
    firstSuspendedDay: o.firstSuspendedDay,
    daysSuspended: o.daysSuspended,
    declines: o.declines,
  });
  return {
    differences: c.differences.map((d) => ({
      key: d.key,
      event: d.id,
      kind: d.kind,
      removed: d.removed,
      added: d.added,
      base: side(d.base),
      variant: side(d.variant),
    })),
    base: out(c.base),
    variant: out(c.variant),
    change: {
      status:
        c.base.status === c.variant.status && c.base.cause === c.variant.cause
          ? null
          : { from: c.base.status, to: c.variant.status },
      score: c.variant.score - c.base.score,
      limit: (c.variant.limit - c.base.limit) / 100,
      balance: (c.variant.balance - c.base.balance) / 100,
      suspensions: c.variant.suspensions - c.base.suspensions,
      daysSuspended: c.variant.daysSuspended - c.base.daysSuspended,
    },
  };
}

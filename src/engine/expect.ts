// Expectations (`expect:` in a scenario) checked against a trace. Pure: the `test` command renders.

import { fenToYuan } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import type { Cause, Decision, Fen, LineId, LineSnapshot, Status, Step, Trace } from "./types.js";
import { lineName } from "./vocabulary.js";

export interface Range {
  min?: number;
  max?: number;
}

export interface Expectation {
  /** position in the file's `expect` list */
  index: number;
  day: number;
  end: boolean;
  /** whose status, cause, limit and balance are read; decisions and reasons are read on this line's steps
   *  and on steps about the customer as a whole */
  line: LineId;
  decision?: Decision;
  status?: Status;
  cause?: Cause | null;
  reasons?: ReasonCode[];
  limit?: Fen;
  score?: Range;
  balance?: { min?: Fen; max?: Fen };
}

export interface Check {
  field: "decision" | "status" | "cause" | "reasons" | "limit" | "score" | "balance";
  expected: string;
  actual: string;
  ok: boolean;
}

export interface ExpectationResult {
  expectation: Expectation;
  ok: boolean;
  checks: Check[];
  /** the steps of that day (what happened), for failure reports */
  steps: Step[];
  /** the nearest step on or before the day when the day had none */
  nearest: Step | null;
}

const inRange = (v: number, r: { min?: number; max?: number }) =>
  (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);

function showRange(r: { min?: number; max?: number }, fmt: (n: number) => string): string {
  if (r.min !== undefined && r.min === r.max) return fmt(r.min);
  const parts: string[] = [];
  if (r.min !== undefined) parts.push(`≥ ${fmt(r.min)}`);
  if (r.max !== undefined) parts.push(`≤ ${fmt(r.max)}`);
  return parts.join(" and ") || "any";
}

/** "; restored on day 195": the day nearest `day` (the earlier on a tie) when `line` made `decision`. */
function madeOn(trace: Trace, line: LineId, decision: Decision, day: number): string {
  let best: number | undefined;
  for (const s of trace.steps) {
    if (s.decision !== decision || (s.line !== null && s.line !== line)) continue;
    if (best === undefined || Math.abs(s.day - day) < Math.abs(best - day)) best = s.day;
  }
  return best === undefined ? "" : `; ${decision} on day ${best}`;
}

export function checkExpectation(trace: Trace, e: Expectation): ExpectationResult {
  const day = trace.snapshots.get(e.day);
  const snap: LineSnapshot | undefined = day && (e.line === "jiebei" ? day.jiebei : day);
  const steps = trace.steps.filter((s) => s.day === e.day && (s.line === null || s.line === e.line));
  // the other line's decisions that day: an expectation that forgot `line: jiebei` is told where they are
  const other: LineId = e.line === "huabei" ? "jiebei" : "huabei";
  const otherMade = [
    ...new Set(
      trace.steps
        .filter((s) => s.day === e.day && s.line === other && s.decision !== null)
        .map((s) => s.decision),
    ),
  ];
  const elsewhere = otherMade.length
    ? ` (${lineName(other)} ${otherMade.join(", ")}: say \`line: ${other}\` to read that line)`
    : "";
  const checks: Check[] = [];
  if (e.decision !== undefined) {
    const made = steps.map((s) => s.decision).filter((d) => d !== null);
    const ok = made.includes(e.decision);
    checks.push({
      field: "decision",
      expected: e.decision,
      // failed, and the other line decided that day: said, in case the check meant that line; and the
      // day nearest it that this line made the decision, in case the check is on the wrong day
      actual: `${made.length ? [...new Set(made)].join(", ") : `no ${lineName(e.line)} decision that day`}${
        ok ? "" : `${elsewhere}${madeOn(trace, e.line, e.decision, e.day)}`
      }`,
      ok,
    });
  }
  if (e.reasons !== undefined) {
    const cited = new Set(steps.flatMap((s) => s.reasons));
    const missing = e.reasons.filter((r) => !cited.has(r));
    checks.push({
      field: "reasons",
      expected: e.reasons.join(", "),
      actual: cited.size
        ? `${[...cited].join(", ")}${missing.length === 0 ? "" : elsewhere}`
        : `no ${lineName(e.line)} reasons cited that day${elsewhere}`,
      ok: missing.length === 0,
    });
  }
  if (snap) {
    if (e.status !== undefined)
      checks.push({ field: "status", expected: e.status, actual: snap.status, ok: snap.status === e.status });
    if (e.cause !== undefined) {
      checks.push({
        field: "cause",
        // no cause (an active line) reads "none", not null
        expected: e.cause ?? "none",
        actual: snap.cause ?? "none",
        ok: snap.cause === e.cause,
      });
    }
    if (e.limit !== undefined) {
      checks.push({
        field: "limit",
        expected: fenToYuan(e.limit),
        actual: fenToYuan(snap.limit),
        ok: snap.limit === e.limit,
      });
    }
    if (e.score !== undefined) {
      checks.push({
        field: "score",
        expected: showRange(e.score, String),
        actual: String(day?.score),
        ok: day !== undefined && inRange(day.score, e.score),
      });
    }
    if (e.balance !== undefined) {
      checks.push({
        field: "balance",
        expected: showRange(e.balance, fenToYuan),
        actual: fenToYuan(snap.balance),
        ok: inRange(snap.balance, e.balance),
      });
    }
  }
  const nearest = steps.length
    ? null
    : ([...trace.steps].reverse().find((s) => s.day < e.day && (s.line === null || s.line === e.line)) ??
      null);
  return { expectation: e, ok: checks.every((c) => c.ok), checks, steps, nearest };
}

export function checkAll(trace: Trace, expectations: readonly Expectation[]): ExpectationResult[] {
  return expectations.map((e) => checkExpectation(trace, e));
}

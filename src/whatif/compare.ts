// Base vs variant: which decisions differ, and how the account ends. Pure: two traces in, data out.
//
// Steps are aligned by identity, not by position: a user's event by its stable number (#7 stays #7 when
// it is moved to another day), an engine step (statement, due, overdue, review) by its type, day and
// occurrence on that day. The alignment key is data (`AlignKey`); its text (`#7`, `review@121`) is only
// ever written, never read back.

import type {
  Cause,
  Decision,
  EngineEvent,
  LineId,
  LineSnapshot,
  ReasonCode,
  Status,
  Step,
  StepEvent,
  Trace,
} from "../engine/index.js";
import { REASONS } from "../engine/index.js";
import { daysSuspended, suspensionStarts } from "./goal.js";

/** Where a step sits in both runs. */
export type AlignKey =
  /** a user's event, by its stable number (0: the day-0 policy event that carries `set` overrides) */
  | { kind: "event"; id: number }
  /** an engine step: its type, its day, and which of that type on that day (0 for the first) */
  | { kind: "engine"; type: EngineEvent["type"]; day: number; occurrence: number; line: LineId | null }
  /** a further step of a user's event, on another line (a profile change that suspends both lines) */
  | { kind: "also"; id: number; line: LineId };

/** `#7`, `review@121`, `review@121.1`, `review@121/jiebei`: the key as the JSON output and the map of
 *  steps name it (Jiebei's steps carry the line, Huabei's, the default line, do not). */
export function keyText(key: AlignKey): string {
  switch (key.kind) {
    case "event":
      return `#${key.id}`;
    case "engine":
      return `${key.type}@${key.day}${key.occurrence === 0 ? "" : `.${key.occurrence}`}${key.line === "jiebei" ? "/jiebei" : ""}`;
    case "also":
      return `#${key.id}/${key.line}`;
    default: {
      const never: never = key;
      throw new Error(`unknown alignment key ${JSON.stringify(never)}`);
    }
  }
}

/** The user's event number behind a key, or null for an engine step. */
export function keyEventNumber(key: AlignKey): number | null {
  return key.kind === "engine" ? null : key.id;
}

/** A step as one run took it. */
interface StepSide {
  day: number;
  date: string;
  /** the step's event type (apply, review, …) */
  event: StepEvent["type"];
  reasons: ReasonCode[];
  /** the step as a whole, for renderers */
  step: Step;
}

/** Why a run has no step for a key. */
export type Absence =
  /** the variant removed the user's event */
  | "removed"
  /** the variant added the event, so the base never had it */
  | "added"
  /** the run simply had no such step (an engine step that did not happen, a review with nothing to say) */
  | "not-run";

/** One run's side of an aligned step, keyed on `decision`: a decision, none, or no step at all. */
export type Verdict =
  | (StepSide & { decision: Decision })
  | (StepSide & { decision: null })
  | { decision: "absent"; why: Absence };

/** The decision a side stands for: null when the step decided nothing or did not happen. */
function decisionOf(v: Verdict): Decision | null {
  return v.decision === "absent" ? null : v.decision;
}

/** The reason codes on a side (none when there is no step). */
export function reasonsOf(v: Verdict): readonly ReasonCode[] {
  return v.decision === "absent" ? [] : v.reasons;
}

/** The side's day, if it had a step. */
export function dayOfVerdict(v: Verdict): number | undefined {
  return v.decision === "absent" ? undefined : v.day;
}

export interface DecisionDifference {
  key: AlignKey;
  base: Verdict;
  variant: Verdict;
  /** "decision": the decisions differ; "reasons": same decision, other rule reasons */
  kind: "decision" | "reasons";
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
  /** Jiebei's end, when the run opened or asked for it (status … charges above are Huabei's; the counts
   *  are both lines') */
  jiebei: LineEnd | null;
}

/** A line's end: its standing and money (fen), as the engine's snapshot has them. */
export type LineEnd = Pick<LineSnapshot, "status" | "cause" | "limit" | "balance" | "charges">;

export interface Comparison {
  differences: DecisionDifference[];
  base: Outcome;
  variant: Outcome;
  /** differences counted by kind */
  counts: { decision: number; reasons: number };
}

type Present = Exclude<Verdict, { decision: "absent" }>;

interface Keyed {
  byKey: Map<string, { key: AlignKey; side: Present }>;
  order: string[];
}

function keyOf(step: Step, eventNumber: (index: number) => number, seen: Map<string, number>): AlignKey {
  const e = step.event;
  const line = step.line;
  if ("index" in e) {
    const id = eventNumber(e.index);
    // an event's first step is the event; a further one on another line has a key of its own
    const first = `#${id}`;
    if (!seen.has(first) || line === null) {
      seen.set(first, 1);
      return { kind: "event", id };
    }
    return { kind: "also", id, line };
  }
  const sameDay = `${e.type}@${step.day}/${line}`;
  const occurrence = seen.get(sameDay) ?? 0;
  seen.set(sameDay, occurrence + 1);
  return { kind: "engine", type: e.type, day: step.day, occurrence, line };
}

function keyed(trace: Trace, eventNumber: (index: number) => number): Keyed {
  const byKey = new Map<string, { key: AlignKey; side: Present }>();
  const order: string[] = [];
  const seen = new Map<string, number>();
  for (const step of trace.steps) {
    const key = keyOf(step, eventNumber, seen);
    const text = keyText(key);
    // an event may produce several steps (a verification that also re-checks overdue): keep the first decision
    const had = byKey.get(text);
    if (had !== undefined && had.side.decision !== null) continue;
    const common = { day: step.day, date: step.date, event: step.event.type, reasons: step.reasons, step };
    const side: Present =
      step.decision === null ? { ...common, decision: null } : { ...common, decision: step.decision };
    byKey.set(text, { key, side });
    if (had === undefined) order.push(text);
  }
  return { byKey, order };
}

/** Adverse decisions: their principal reasons are what the customer is told (verdict.ts). */
const ADVERSE: ReadonlySet<Decision | null> = new Set<Decision>([
  "approved_lower",
  "declined",
  "suspended",
  "limit_reduced",
  "closed",
  "charged_off",
]);

/** The reasons compared. An adverse decision's are all of its principal reasons, the score's
 *  characteristics among them: they are what the customer is told, and a what-if that drops the
 *  applications still suspends for the overdue but no longer cites them. Elsewhere the decision rules' own
 *  alone: the scorecard's reasons move with every score change (they still show beside a decision that
 *  differs). */
const comparedReasons = (decision: Decision | null, codes: readonly ReasonCode[]) =>
  codes
    .filter((r) => ADVERSE.has(decision) || REASONS[r].kind !== "score")
    .sort()
    .join();
const sameReasons = (decision: Decision | null, a: readonly ReasonCode[], b: readonly ReasonCode[]) =>
  comparedReasons(decision, a) === comparedReasons(decision, b);

export function outcome(trace: Trace): Outcome {
  let first: number | null = null;
  let declines = 0;
  for (const s of trace.steps) {
    if (s.decision === "declined") declines++;
    if (s.decision === "suspended") first ??= s.day;
  }
  // a suspended line's change of cause is the same suspension (goal.ts); a closure or a write-off ends it
  // as a restoration does, and a day either line was suspended counts once (as the HTML run page counts it)
  const suspensions = suspensionStarts(trace.steps).length;
  const days = daysSuspended(trace.steps, trace.until);
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
    jiebei:
      f.jiebei.status === "none"
        ? null
        : {
            status: f.jiebei.status,
            cause: f.jiebei.cause,
            limit: f.jiebei.limit,
            balance: f.jiebei.balance,
            charges: f.jiebei.charges,
          },
  };
}

export interface CompareIds {
  /** trace step `event.index` → stable event number */
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
  const texts = [...b.order, ...v.order.filter((k) => !b.byKey.has(k))];
  const differences: DecisionDifference[] = [];
  for (const text of texts) {
    const x = b.byKey.get(text);
    const y = v.byKey.get(text);
    const key = (x ?? y)!.key;
    const id = keyEventNumber(key);
    const absent = (why: Absence): Verdict => ({ decision: "absent", why });
    const baseSide = x?.side ?? absent(id !== null && ids.added?.has(id) ? "added" : "not-run");
    const variantSide = y?.side ?? absent(id !== null && ids.removed?.has(id) ? "removed" : "not-run");
    const dx = decisionOf(baseSide);
    const dy = decisionOf(variantSide);
    if (dx === null && dy === null) continue;
    const common = { key, base: baseSide, variant: variantSide };
    if (dx !== dy) differences.push({ ...common, kind: "decision" });
    else if (!sameReasons(dx, reasonsOf(baseSide), reasonsOf(variantSide)))
      differences.push({ ...common, kind: "reasons" });
  }
  const dayOf = (d: DecisionDifference) =>
    Math.min(dayOfVerdict(d.base) ?? Infinity, dayOfVerdict(d.variant) ?? Infinity);
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

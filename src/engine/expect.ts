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
  /** a failed score or balance check on a day with steps, when the day's end left the value otherwise
   *  than its last step did (the day's interest and penalties, the month-end report, come after the
   *  steps): the value after the last step — what the trace's row shows — as `actual` writes it */
  lastStep?: string;
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

/** The trace's steps as expectations read them, found by day without a pass over every step for each
 *  expectation: 60,000 expectations of a day of 40,000 steps each filtered the whole trace (and copied it
 *  to find a step before a day with none). Steps are in day order, as the engine makes them. */
interface StepIndex {
  /** a line's steps of a day — its own and the customer's — in order (one list for every expectation) */
  on(day: number, line: LineId): Step[];
  /** the decisions the line made that day on its own (not the customer's), each once, in order */
  decidedBy(day: number, line: LineId): Decision[];
  /** the last step of a line (or the customer's) before a day */
  before(day: number, line: LineId): Step | null;
  /** the last step of a day, whatever it is about (each carries both lines' values); null: none */
  last(day: number): Step | null;
  /** the step nearest `day` (the earlier on a tie) in which `line` (or the customer) made `decision`; of
   *  steps of one kind (`stepKind`) when `kind` is given */
  madeOn(line: LineId, decision: Decision, day: number, kind?: string): Step | undefined;
}

/** The first index of `days` (ascending) whose day is at least `day`. */
function firstFrom(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Steps kept with their days, for a search by day. */
class DayList {
  readonly steps: Step[] = [];
  readonly days: number[] = [];
  add(s: Step): void {
    this.steps.push(s);
    this.days.push(s.day);
  }
  /** the steps of `day` */
  of(day: number): Step[] {
    return this.steps.slice(firstFrom(this.days, day), firstFrom(this.days, day + 1));
  }
}

function indexSteps(trace: Trace): StepIndex {
  const lines: LineId[] = ["huabei", "jiebei"];
  // a line's steps with the customer's; a line's own alone; a decision's, per line
  const read = new Map(lines.map((l) => [l, new DayList()]));
  const own = new Map(lines.map((l) => [l, new DayList()]));
  const made = new Map<string, DayList>();
  const all = new DayList();
  for (const s of trace.steps) {
    all.add(s);
    for (const l of lines) {
      if (s.line !== null && s.line !== l) continue;
      read.get(l)!.add(s);
      if (s.decision === null) continue;
      for (const key of [`${l} ${s.decision}`, `${l} ${s.decision} ${stepKind(s)}`]) {
        if (!made.has(key)) made.set(key, new DayList());
        made.get(key)!.add(s);
      }
    }
    if (s.line !== null) own.get(s.line)!.add(s);
  }
  const onCache = new Map<string, Step[]>();
  return {
    on(day, line) {
      const key = `${day} ${line}`;
      let steps = onCache.get(key);
      if (steps === undefined) {
        steps = read.get(line)!.of(day);
        onCache.set(key, steps);
      }
      return steps;
    },
    decidedBy(day, line) {
      return [
        ...new Set(
          own
            .get(line)!
            .of(day)
            .flatMap((s) => (s.decision === null ? [] : [s.decision])),
        ),
      ];
    },
    before(day, line) {
      const list = read.get(line)!;
      const i = firstFrom(list.days, day);
      return i > 0 ? list.steps[i - 1]! : null;
    },
    last(day) {
      const i = firstFrom(all.days, day + 1);
      return i > 0 && all.days[i - 1] === day ? all.steps[i - 1]! : null;
    },
    madeOn(line, decision, day, kind) {
      const list = made.get(kind === undefined ? `${line} ${decision}` : `${line} ${decision} ${kind}`);
      if (list === undefined) return undefined;
      const i = firstFrom(list.days, day);
      // the last step of the day below, the first of the day above
      const below = i > 0 ? list.steps[i - 1] : undefined;
      const above = list.steps[i];
      if (below === undefined) return above;
      if (above === undefined) return below;
      return day - below.day <= above.day - day ? below : above;
    },
  };
}

/** A step's kind as a scenario file words it: its event's type, an application's with its product
 *  (`apply increase`), as an expectation on an application's day asks about an application. */
const stepKind = (s: Step): string => (s.event.type === "apply" ? `apply ${s.event.product}` : s.event.type);

/** "; restored on day 195 (review)": the step nearest `day` (the earlier on a tie) in which `line` made
 *  `decision`, named by its kind. Of the kinds the check read that day (`kinds`: an application's
 *  `approved` is looked for among applications, not found in the purchase after it) where one was
 *  made; else of any kind. */
function madeOn(
  index: StepIndex,
  line: LineId,
  decision: Decision,
  day: number,
  kinds: readonly string[],
): string {
  const nearest = (steps: ReadonlyArray<Step | undefined>) =>
    steps.reduce<Step | undefined>((best, s) => {
      if (s === undefined) return best;
      if (best === undefined) return s;
      const d = Math.abs(s.day - day);
      const b = Math.abs(best.day - day);
      return d < b || (d === b && s.day < best.day) ? s : best;
    }, undefined);
  const best =
    nearest(kinds.map((k) => index.madeOn(line, decision, day, k))) ?? index.madeOn(line, decision, day);
  return best === undefined ? "" : `; ${decision} on day ${best.day} (${stepKind(best)})`;
}

export function checkExpectation(trace: Trace, e: Expectation): ExpectationResult {
  return checkIndexed(trace, indexSteps(trace), e);
}

function checkIndexed(trace: Trace, index: StepIndex, e: Expectation): ExpectationResult {
  const day = trace.snapshots.get(e.day);
  const snap: LineSnapshot | undefined = day && (e.line === "jiebei" ? day.jiebei : day);
  const steps = index.on(e.day, e.line);
  // the other line's decisions that day: an expectation that forgot `line: jiebei` is told where they are
  const other: LineId = e.line === "huabei" ? "jiebei" : "huabei";
  const otherMade = index.decidedBy(e.day, other);
  const elsewhere = otherMade.length
    ? ` (${lineName(other)} ${otherMade.join(", ")}: say \`line: ${other}\` to read that line)`
    : "";
  const checks: Check[] = [];
  if (e.decision !== undefined) {
    const made = steps.map((s) => s.decision).filter((d) => d !== null);
    // the kinds of step that decided that day: what the check is about
    const kinds = [...new Set(steps.filter((s) => s.decision !== null).map(stepKind))];
    const ok = made.includes(e.decision);
    checks.push({
      field: "decision",
      expected: e.decision,
      // failed, and the other line decided that day: said, in case the check meant that line; and the
      // day nearest it that this line made the decision, in case the check is on the wrong day
      actual: `${made.length ? [...new Set(made)].join(", ") : `no ${lineName(e.line)} decision that day`}${
        ok ? "" : `${elsewhere}${madeOn(index, e.line, e.decision, e.day, kinds)}`
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
  // the day's last step: a failed score or balance check says its value too where the day's end moved it
  const last = index.last(e.day);
  const lastStep = (ok: boolean, now: number, then: number | undefined, show: (n: number) => string) =>
    ok || then === undefined || then === now ? {} : { lastStep: show(then) };
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
      const ok = day !== undefined && inRange(day.score, e.score);
      checks.push({
        field: "score",
        expected: showRange(e.score, String),
        actual: String(day?.score),
        ok,
        ...(day !== undefined && lastStep(ok, day.score, last?.score, String)),
      });
    }
    if (e.balance !== undefined) {
      const ok = inRange(snap.balance, e.balance);
      const then = last === null ? undefined : e.line === "jiebei" ? last.jiebei.balance : last.balance;
      checks.push({
        field: "balance",
        expected: showRange(e.balance, fenToYuan),
        actual: fenToYuan(snap.balance),
        ok,
        ...lastStep(ok, snap.balance, then, fenToYuan),
      });
    }
  }
  const nearest = steps.length ? null : index.before(e.day, e.line);
  return { expectation: e, ok: checks.every((c) => c.ok), checks, steps, nearest };
}

export function checkAll(trace: Trace, expectations: readonly Expectation[]): ExpectationResult[] {
  const index = indexSteps(trace);
  return expectations.map((e) => checkIndexed(trace, index, e));
}

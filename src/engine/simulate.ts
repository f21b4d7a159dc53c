// The driver: (scenario) → trace, a short loop over the step function. It opens each day the scheduler
// names, feeds the scenario's events of that day, and hands every step to a recorder. Pure: no I/O, clock
// or randomness; the same scenario gives the same trace everywhere.

import type { StepOutcome } from "./apply-verdict.js";
import { MAX_DAY } from "./calendar.js";
import { type Customer, lineOf } from "./customer.js";
import { FEN_PER_YUAN, MAX_YUAN } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import { GRID_MONTHS } from "./record.js";
import { nextEngineDay, runDay } from "./schedule.js";
import { type Scored, scoreOn } from "./score-inputs.js";
import { movedCharacteristics } from "./scorecard.js";
import { lineSnapshot, snapshot } from "./snapshot.js";
import { type EngineState, initialState } from "./state.js";
import { answerSupport } from "./support/answer.js";
import type {
  Cause,
  Decision,
  Fen,
  GridMonth,
  LineId,
  Remedy,
  RuleFact,
  Scenario,
  ScenarioEvent,
  Snapshot,
  Status,
  Step,
  StepEvent,
  TimeMoves,
  Trace,
} from "./types.js";
import type { Verdict } from "./verdict.js";

/** A decision without the rest of the step: what a population run needs, at a fraction of the cost. */
export interface DecisionNote {
  day: number;
  event: StepEvent;
  /** the line decided on (null: support answers about the customer) */
  line: LineId | null;
  decision: Decision;
  reasons: readonly ReasonCode[];
  /** the numbers behind the decision's rule codes (parameter, threshold, value) */
  facts: readonly RuleFact[];
  status: Status;
  cause: Cause | null;
  limit: Fen;
  /** a suspension recorded beneath a security hold (the line's status and cause stay the hold's): its
   *  cause */
  beneath?: "credit" | "policy";
}

/**
 * Receives what a run produces; every method is optional and costs nothing when absent.
 * `simulate` collects whole steps; population runs take decision notes and end-of-day snapshots.
 */
export interface Recorder {
  /** every step, with its score, score movements and snapshot (the expensive part of a run) */
  step?(step: Step): void;
  /** every decision (including those `step` reports), cheaply */
  decision?(note: DecisionNote): void;
  /** the state at the end of every day the engine visits (days on which something can change) */
  endOfDay?(snap: Snapshot, observed: boolean): void;
  /** once, after the last day: the state the run ended in */
  end?(state: EngineState): void;
  /** call `endOfDay` only for the scenario's `observe` days and the last day (a snapshot costs a score) */
  readonly observedOnly?: boolean;
}

export interface RunOptions {
  /** visit every day instead of only the days on which something can change (same steps, slower) */
  everyDay?: boolean;
  /** work out customer service's answers (default true): a `contact_support` step's reasons, facts and
   *  remedies, and the steps a declined early review or a lifted hold comes with. Without them the same
   *  decisions are taken and a call decides nothing (state.ts, `answers`): for a caller that reads the
   *  lender's decisions alone, as a what-if search does — an answer runs the account ahead, thousands of
   *  times what any other step costs. */
  answers?: boolean;
}

export function simulate(scenario: Scenario, options: RunOptions = {}): Trace {
  const steps: Step[] = [];
  const snapshots = new Map<number, Snapshot>();
  const scoreSeries: Array<{ day: number; score: number }> = [];
  let final: Snapshot | null = null;
  const grid: Partial<Record<LineId, GridMonth[]>> = {};
  run(
    scenario,
    {
      step: (s) => steps.push(s),
      end: (state) => {
        for (const line of [state.customer.huabei, state.customer.jiebei]) {
          if (line.openedDay !== null) grid[line.id] = line.grid.slice(-GRID_MONTHS);
        }
      },
      endOfDay: (snap, observed) => {
        if (observed) snapshots.set(snap.day, snap);
        const last = scoreSeries[scoreSeries.length - 1];
        if (last === undefined || last.score !== snap.score || snap.day === scenario.until) {
          scoreSeries.push({ day: snap.day, score: snap.score });
        }
        final = snap;
      },
    },
    options,
  );
  if (final === null) throw new Error("simulation visited no day");
  snapshots.set(scenario.until, final);
  return {
    scenario: scenario.name,
    start: scenario.start,
    until: scenario.until,
    steps,
    snapshots,
    scoreSeries,
    final,
    grid,
  };
}

/** The state a scenario starts from. */
export function startState(scenario: Scenario, notices: boolean, answers = true): EngineState {
  return initialState(scenario.start, scenario.profile, scenario.policy, { notices, answers });
}

/**
 * What the driver's loop relies on, checked before the first day: a scenario is validated when a file is
 * loaded, but the library takes one built by hand too. The last day and every event's day whole numbers
 * within MAX_DAY, the events in day order (else the loop never ends: `until: Infinity`; or an event is
 * never reached and every later one is silently left out: a day of NaN; an event after `until` is left
 * out, as `--until` does), whole observed days, and the money the ledger adds up in whole fen (`amount`,
 * the profile's debt) and finite yuan (incomes). A RangeError naming the field otherwise (each told to
 * `refuse` instead when given: the library's door tells every problem at once).
 */
export function checkRunnable(
  scenario: Scenario,
  refuse: (field: string, expected: string, found: unknown) => void = (field, expected, found) => {
    throw new RangeError(`${field}: expected ${expected}, found ${String(found)}`);
  },
): void {
  const whole = (x: unknown, max: number): boolean =>
    Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;
  const { until } = scenario;
  if (!whole(until, MAX_DAY)) refuse("until", `a whole number of days from 0 to ${MAX_DAY}`, until);
  const maxFen = MAX_YUAN * FEN_PER_YUAN;
  const fen = (field: string, x: unknown) => {
    if (!whole(x, maxFen)) refuse(field, `whole fen from 0 to ${maxFen}`, x);
  };
  const yuan = (field: string, x: unknown) => {
    if (!(typeof x === "number" && x >= 0 && x <= MAX_YUAN)) refuse(field, `yuan from 0 to ${MAX_YUAN}`, x);
  };
  fen("profile.externalDebt", scenario.profile.externalDebt);
  yuan("profile.monthlyIncome", scenario.profile.monthlyIncome);
  let previous = 0;
  scenario.events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (!whole(e.day, MAX_DAY)) refuse(`${at}.day`, `a whole number of days from 0 to ${MAX_DAY}`, e.day);
    if (e.day < previous) refuse(`${at}.day`, `no earlier than the event before it (day ${previous})`, e.day);
    previous = e.day;
    if (e.type === "repay") {
      if (e.amount?.kind === "amount") fen(`${at}.amount`, e.amount.fen);
    } else if ("amount" in e) fen(`${at}.amount`, e.amount);
    if (e.type === "income") yuan(`${at}.monthlyIncome`, e.monthlyIncome);
  });
  scenario.observe.forEach((d, i) => {
    if (!whole(d, MAX_DAY)) refuse(`observe[${i}]`, `a whole number of days from 0 to ${MAX_DAY}`, d);
  });
}

export function run(scenario: Scenario, rec: Recorder, options: RunOptions = {}): void {
  checkRunnable(scenario);
  // notices (statement, due, overdue) decide nothing: built only for a recorder that keeps steps
  const s = startState(scenario, rec.step !== undefined, options.answers ?? true);
  const steps = stepRecorder(s, rec);
  const { events, until } = scenario;
  // observed days ascending, with a cursor: each visit looks at the next one only
  const observe = [...new Set(scenario.observe)].sort((x, y) => x - y);
  let oi = 0;
  let ei = 0;
  const today: ScenarioEvent[] = [];
  for (let day = 0; day <= until; ) {
    today.length = 0;
    while (ei < events.length && events[ei]!.day === day) today.push(events[ei++]!);
    steps.open(day);
    runDay(s, day, today, steps.onStep);
    if (rec.endOfDay) {
      while (oi < observe.length && observe[oi]! < day) oi++;
      const observed = observe[oi] === day;
      if (observed || day === until || !rec.observedOnly) {
        const scored = scoreOn(s.customer, day);
        const snap = snapshot(s.customer, day, scored.score);
        // an observed day's end keeps what its score is made of (a month-end report may have moved it
        // after the day's last step)
        rec.endOfDay(observed ? Object.assign(snap, { inputs: scored.inputs }) : snap, observed);
      }
    }
    let next = options.everyDay ? day + 1 : nextEngineDay(s, until);
    if (ei < events.length) next = Math.min(next, events[ei]!.day);
    while (oi < observe.length && observe[oi]! <= day) oi++;
    if (oi < observe.length && observe[oi]! < next) next = observe[oi]!;
    day = next;
  }
  rec.end?.(s);
}

/**
 * What customer service would answer at the end of `day`, after its end-of-day checks and review: the
 * steps a customer has left once the day is over (an answer given earlier that day may speak of a review
 * that has since decided).
 */
export function answerAtEndOf(scenario: Scenario, day: number): readonly Remedy[] {
  let remedies: readonly Remedy[] = [];
  run(
    { ...scenario, until: day, observe: [] },
    {
      end: (s) => {
        remedies = answerSupport(s.customer, day, scoreOn(s.customer, day), s.calendar).remedies;
      },
    },
  );
  return remedies;
}

/** The note of a step that decided something — the decision and its line's state after it; null for a
 *  step that decided nothing. */
export function decisionNote(c: Customer, o: StepOutcome): DecisionNote | null {
  const v = o.verdict;
  if (v === null || v.decision === null) return null;
  const line = o.line === null ? null : lineOf(c, o.line);
  return {
    day: o.day,
    event: o.event,
    line: o.line,
    decision: v.decision,
    reasons: v.reasons,
    facts: v.facts,
    status: line?.status ?? c.huabei.status,
    cause: line?.cause ?? c.huabei.cause,
    limit: line?.limit ?? c.huabei.limit,
    ...beneathOf(v),
  };
}

/** `{ beneath: cause }` for a suspension recorded beneath a security hold; nothing otherwise. */
const beneathOf = (v: Verdict | null): { beneath?: "credit" | "policy" } =>
  v?.decision === "suspended" && v.beneath && (v.cause === "credit" || v.cause === "policy")
    ? { beneath: v.cause }
    : {};

/**
 * Turns step outcomes into what the recorder wants: decision notes, and whole steps with their score.
 * `open(day)`, before a day's inputs, scores the state as the last visit left it on the new day: what time
 * and month-end reports moved since the last step, told apart on the day's first step (`byTime`).
 */
function stepRecorder(
  s: EngineState,
  rec: Recorder,
): { open: (day: number) => void; onStep: (o: StepOutcome) => void } {
  const c = s.customer;
  let last = scoreOn(c, 0);
  let lastDay = 0;
  let opening: Scored | null = null;
  const open = (day: number) => {
    opening = rec.step && day > 0 ? scoreOn(c, day) : null;
  };
  const onStep = (o: StepOutcome) => {
    const v = o.verdict;
    if (rec.decision) {
      const note = decisionNote(c, o);
      if (note) rec.decision(note);
    }
    if (!rec.step) return;
    const now = scoreOn(c, o.day);
    const byTime: TimeMoves | null =
      opening === null
        ? null
        : {
            since: lastDay,
            delta: opening.score - last.score,
            moves: movedCharacteristics(last.points, opening.points),
          };
    opening = null;
    // the lines as the step left them (a later step of the same input may have changed the other line)
    const [huabei, jiebei] = o.lines ?? [lineSnapshot(c.huabei, o.day), lineSnapshot(c.jiebei, o.day)];
    // one literal, not a snapshot with the step's fields assigned onto it: an object given a dozen
    // properties after it was made becomes a hash table (V8's dictionary mode), about 2.4 KB a step —
    // 200 MB of a 5 MB file's 80,000 steps, against 1 KB as a literal
    rec.step({
      day: o.day,
      score: now.score,
      ...huabei,
      jiebei,
      date: s.calendar.date(o.day),
      event: o.event,
      line: o.line,
      decision: v?.decision ?? null,
      reasons: v?.reasons ?? [],
      facts: v?.facts ?? [],
      scoreDelta: now.score - last.score,
      moves: movedCharacteristics(last.points, now.points),
      inputs: now.inputs,
      ...(o.judged !== undefined ? { judged: o.judged } : {}),
      policy: c.policy.name,
      applied: o.applied,
      remedies: o.remedies,
      ...beneathOf(v),
      ...(byTime !== null && byTime.moves.length > 0 ? { byTime } : {}),
    });
    last = now;
    lastDay = o.day;
  };
  return { open, onStep };
}

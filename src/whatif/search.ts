// The counterfactual search: the smallest set of candidate changes (candidates.ts) that meets a goal
// (goal.ts). Breadth-first by the number of changes (1, then 2, then 3), in a fixed candidate order, up to
// a hard budget of simulations, so the same scenario always gives the same answer. Among the sets of the
// smallest size that work, the least change wins (the sum of the candidates' costs), and a repayment moved
// earlier is then moved as little as possible. The result is data; advice.ts puts it into words.
//
// Pure given `evaluate` (variant → trace): no I/O here.

import type { Trace } from "../engine/index.js";
import { InputError, refuseArgument } from "../shared/errors.js";
import {
  type Candidate,
  type CandidateScope,
  candidates,
  editOf,
  type PolicyTiming,
  targetOf,
} from "./candidates.js";
import { distance, type Goal, hasProblem, isAdverse, meetsGoal, restoredIn } from "./goal.js";
import { applyEdit, eventNumberAt, type Variant } from "./variant.js";

export interface Solution {
  /** the changes, as data: each `{ day, change }` */
  candidates: Candidate[];
  cost: number;
  /** the first restoration (reach-restored) */
  restoredDay: number | null;
  variant: Variant;
  trace: Trace;
}

export interface CounterfactualResult {
  goal: Goal;
  /** "solved", "none" (nothing within the bound), or "nothing-to-do" (the base already meets the goal) */
  status: "solved" | "none" | "nothing-to-do";
  /** the trace the search started from: what the goal's problem is read from */
  base: Trace;
  solutions: Solution[];
  tried: number;
  /** how many sets of each size were tried, and whether every one of that size was */
  bySize: Array<{ size: number; tried: number; complete: boolean }>;
  candidates: number;
  maxEdits: number;
  budget: number;
  /** the bound was reached before every set up to maxEdits was tried */
  budgetExhausted: boolean;
  /** the simulated steps the counted runs took (each run: its trace's steps and month ends) */
  work: number;
  /** the most simulated steps the search may take, whatever its run budget */
  maxWork: number;
  /** which bound stopped it: the runs (`budget`) or the work (`maxWork`); null when none did */
  stoppedBy: "runs" | "work" | null;
}

export interface SearchOptions {
  maxEdits?: number;
  /** at most this many simulations in all (refinement included) */
  budget?: number;
  /** at most this many simulated steps in all (refinement included); MAX_SEARCH_WORK by default */
  maxWork?: number;
  /** at most this many solutions reported */
  solutions?: number;
  /** how many sets of a level keep their trace (memory against re-simulation; the answer is the same) */
  keptTraces?: number;
}

export interface SearchStart {
  variant: Variant;
  trace: Trace;
  policy: PolicyTiming;
}

type Evaluate = (v: Variant) => Trace;
type Run = { variant: Variant; trace: Trace };

/**
 * The most events a search takes: it is about one person's timeline (a few hundred events over years).
 * Every run of a search simulates the whole file and a few runs keep their traces, so a file of 100,000
 * events would need gigabytes; it is refused with words instead.
 */
export const MAX_SEARCH_EVENTS = 2000;

/** The most runs a search may be given, and the most changes it may combine: bounds that keep a question
 *  asked by mistake to a minute or so — the search's cost grows with both (each run is a simulation, and
 *  the sets of k changes it weighs grow as the timeline's events to the k; assumption: a 50,000-run
 *  budget took 129 s and 720 MB on a 250-day timeline). `--budget` and `--max-edits` are checked against
 *  them, and so are a library caller's options. */
export const MAX_BUDGET = 20_000;
export const MAX_EDITS = 6;

/** The most simulated steps a search takes, whatever its run budget: what a run costs is its steps
 *  (each event, bill, review and month end the engine visits), so runs alone do not bound the time — 84
 *  runs of a 36,500-day file of 2,000 events took 43 s, and `--budget 20000` would have taken hours. A
 *  step costs about 7–25 µs here (assumption: measured on a 2-core machine, zhang-ming to a century of
 *  2,000 events, 5,585 steps a run), so the worst search stays within a few seconds. Counted from each run's own trace:
 *  deterministic, never a clock. */
export const MAX_SEARCH_WORK = 150_000;

/** What a run costs the search: the steps of its trace and its month ends (one score each). */
export const workOf = (t: Trace): number => t.steps.length + t.scoreSeries.length;

/** An option of the search, a whole number within [min, max]: a budget of NaN would never stop it
 *  (`tried >= NaN` is false) and maxEdits of NaN would try nothing and answer "none". */
function bounded(name: string, value: number, min: number, max: number): number {
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  // bad input, as the CLI tells it (a RangeError was no InputError: a library caller's budget of -1)
  refuseArgument(name, `a whole number from ${min} to ${max}`, value);
}

/** A variant too long for the search is refused, from its events alone: before anything runs. */
export function checkSearchSize(variant: {
  readonly events: readonly unknown[];
  readonly file: string;
}): void {
  const events = variant.events.length;
  if (events > MAX_SEARCH_EVENTS)
    throw new InputError("too many events for a search of the smallest change", {
      file: variant.file,
      expected: `at most ${MAX_SEARCH_EVENTS} events (one person's timeline)`,
      found: `${events} events`,
      hint: "search a shorter timeline: --remove the events that do not matter, or split the file",
    });
}

/** The search. `base` is the variant to start from (usually the unedited scenario) and its trace. */
export function searchCounterfactual(
  goal: Goal,
  base: SearchStart,
  evaluate: Evaluate,
  options: SearchOptions = {},
): CounterfactualResult {
  checkSearchSize(base.variant);
  const maxEdits = bounded("maxEdits", options.maxEdits ?? 3, 1, MAX_EDITS);
  const budget = bounded(
    "budget",
    options.budget ?? defaultBudget(base.variant.events.length, base.trace.steps.length),
    1,
    MAX_BUDGET,
  );
  const maxWork = bounded("maxWork", options.maxWork ?? MAX_SEARCH_WORK, 1, MAX_SEARCH_WORK);
  const kept = bounded("keptTraces", options.keptTraces ?? KEPT_TRACES, 0, Number.MAX_SAFE_INTEGER);
  const wanted = bounded("solutions", options.solutions ?? 3, 1, Number.MAX_SAFE_INTEGER);
  const result: CounterfactualResult = {
    goal,
    status: "none",
    base: base.trace,
    solutions: [],
    tried: 0,
    bySize: [],
    candidates: 0,
    maxEdits,
    budget,
    budgetExhausted: false,
    work: 0,
    maxWork,
    stoppedBy: null,
  };
  if (!hasProblem(goal, base.trace)) return { ...result, status: "nothing-to-do" };

  // the base's own declines stay protected in every variant: leaving them out is not avoiding them
  const scope: CandidateScope = {
    protectedIds: new Set(
      base.trace.steps
        .filter((s) => isAdverse(goal, s) && goal === "avoid-declined")
        .flatMap((s) => ("index" in s.event ? [eventNumberAt(base.variant, s.event.index) ?? -1] : [])),
    ),
    firstAddedId: base.variant.nextId,
  };
  const pool = candidates(goal, base.variant, base.trace, base.policy, scope);
  result.candidates = pool.length;
  const tryEdits = (chosen: readonly Candidate[]): Run | null => {
    result.tried++;
    let v = base.variant;
    try {
      for (const c of chosen) v = applyEdit(v, editOf(c));
    } catch (e) {
      if (e instanceof InputError) return null;
      throw e;
    }
    const trace = evaluate(v);
    result.work += workOf(trace);
    return { variant: v, trace };
  };

  // Breadth-first by size. A set of k+1 changes extends a set of k that did not work, with a candidate
  // from the base or one its own variant calls for (e.g. a bill it leaves unpaid); the most promising
  // sets (closest to the goal) are extended first.
  // Memory stays bounded whatever the budget: a trace is kept only for the few most promising sets of
  // a level (those extended first) and for none of the sets that work; any other is simulated again
  // when needed (deterministic, so the answer is the same; not counted as tried).
  interface Node {
    chosen: Candidate[];
    variant: Variant;
    trace: Trace | null;
    distance: number;
    order: number;
  }
  type Found = Omit<Solution, "trace">;
  const traceOf = (n: { variant: Variant; trace: Trace | null }): Trace => n.trace ?? evaluate(n.variant);
  const found: Found[] = [];
  const seen = new Set<string>();
  let frontier: Node[] = [{ chosen: [], variant: base.variant, trace: base.trace, distance: 0, order: 0 }];
  for (let k = 1; k <= maxEdits && found.length === 0 && !result.budgetExhausted; k++) {
    const size = { size: k, tried: 0, complete: true };
    result.bySize.push(size);
    const next: Node[] = [];
    let holding: Node[] = [];
    const hold = (n: Node) => {
      holding.push(n);
      if (holding.length < 2 * kept + 1) return;
      holding.sort(closest);
      for (const dropped of holding.slice(kept)) dropped.trace = null;
      holding = holding.slice(0, kept);
    };
    for (const node of frontier) {
      const own = k === 1 ? [] : candidates(goal, node.variant, traceOf(node), base.policy, scope);
      const extensions = dedupe([...pool, ...own]).sort((a, b) => a.cost - b.cost);
      for (const c of extensions) {
        const target = targetOf(c);
        if (target !== null && node.chosen.some((o) => targetOf(o) === target)) continue;
        const added = additionKey(c);
        if (added !== null && node.chosen.some((o) => additionKey(o) === added)) continue;
        const chosen = [...node.chosen, c];
        const key = chosen.map(editKey).sort().join("|");
        if (seen.has(key)) continue;
        if (result.tried >= budget || result.work >= maxWork) {
          result.budgetExhausted = true;
          result.stoppedBy = result.work >= maxWork ? "work" : "runs";
          size.complete = false;
          break;
        }
        seen.add(key);
        size.tried++;
        const run = tryEdits(chosen);
        if (run === null) continue;
        if (meetsGoal(goal, run.trace, base.trace)) {
          found.push({
            candidates: chosen,
            cost: totalCost(chosen),
            restoredDay: restoredIn(run.trace, base.trace),
            variant: run.variant,
          });
        } else {
          const n: Node = {
            chosen,
            ...run,
            distance: distance(goal, run.trace, base.trace),
            order: next.length,
          };
          next.push(n);
          hold(n);
        }
      }
      if (result.budgetExhausted) break;
    }
    // stable: equally close sets keep the order they were tried in
    frontier = next.sort(closest);
  }
  if (found.length === 0) return result;

  found.sort((a, b) => (a.restoredDay ?? Infinity) - (b.restoredDay ?? Infinity) || a.cost - b.cost);
  // refine the best few, then keep one solution per kind of change (two reviews a day apart are one idea)
  const shapes = new Set<string>();
  for (const s of found) {
    if (result.solutions.length >= wanted) break;
    const signature = s.candidates.map(shape).sort().join("+");
    if (shapes.has(signature)) continue;
    shapes.add(signature);
    const solution = { ...s, trace: evaluate(s.variant) };
    // refinement may go a tenth past the budget (at most 200 runs): never more than the search itself
    const allowance = budget + Math.min(200, Math.ceil(budget / 10));
    const more = () => result.tried < allowance && result.work < maxWork;
    result.solutions.push(refine(goal, solution, base.trace, tryEdits, more));
  }
  result.status = "solved";
  return result;
}

const totalCost = (chosen: readonly Candidate[]) => chosen.reduce((n, o) => n + o.cost, 0);

/** How many sets of a level keep their trace (the most promising: extended first). */
const KEPT_TRACES = 16;

/** Closest to the goal first; equally close in the order they were tried. */
const closest = (a: { distance: number; order: number }, b: { distance: number; order: number }) =>
  a.distance - b.distance || a.order - b.order;

/**
 * The default bound on simulations: 2,000 for a scenario of up to 100 events (and 500 steps), fewer for a
 * longer one, so that a search costs about the same whatever the file, down to 50. A run's cost grows with
 * its events and, more slowly, with the steps it takes (a century of monthly bills on an unpaid debt is
 * thousands of steps from a handful of events): the larger of the events and a fifth of the steps.
 * `--budget` sets it outright.
 */
export function defaultBudget(events: number, steps = 0): number {
  return Math.max(50, Math.min(2000, Math.floor(200_000 / Math.max(1, events, steps / 5))));
}

const editKey = (c: Candidate) => JSON.stringify(editOf(c));

/** An added event's kind, line and day: two of them are one change made twice (two paydowns on one day
 *  are one bigger paydown, which is a candidate of its own), never a pair worth trying. */
function additionKey(c: Candidate): string | null {
  const edit = editOf(c);
  if (edit.kind !== "add") return null;
  const line = "line" in edit.event ? edit.event.line : undefined;
  return `${edit.event.type}|${line ?? ""}|${edit.event.day}`;
}

function dedupe(list: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = editKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What a change is, regardless of the exact day: "remove #5", "move #7", "add request_review". */
function shape(c: Candidate): string {
  const e = editOf(c);
  if (e.kind === "add")
    return `add ${e.event.type}${e.event.type === "repay" ? ` ${JSON.stringify(e.event.day)}` : ""}`;
  if (e.kind === "edit") return `edit #${e.id} ${Object.keys(e.patch).sort().join(",")}`;
  return `${e.kind} ${JSON.stringify(e)}`;
}

/** Less change for the same effect: a moved repayment as late as still works; a review as early as helps. */
function refine(
  goal: Goal,
  s: Solution,
  base: Trace,
  tryEdits: (c: readonly Candidate[]) => Run | null,
  more: () => boolean,
): Solution {
  let current = s;
  current.candidates.forEach((c, i) => {
    const change = c.change;
    const replaced = (other: Candidate) => current.candidates.map((o, j) => (j === i ? other : o));
    if (change.kind === "repay-earlier") {
      for (let x = c.day - 1; x > change.to && more(); x--) {
        const moved: Candidate = {
          day: c.day,
          change: { ...change, to: x, inFull: change.refineInFull },
          cost: c.cost - (change.to - x) / 30,
        };
        const chosen = replaced(moved);
        const run = tryEdits(chosen);
        if (run && meetsGoal(goal, run.trace, base) && sameOrBetter(run.trace, current, base)) {
          current = {
            ...current,
            candidates: chosen,
            cost: totalCost(chosen),
            restoredDay: restoredIn(run.trace, base),
            ...run,
          };
          break;
        }
      }
    }
    if (change.kind === "request-review") {
      for (let x = c.day - 6; x < c.day && more(); x++) {
        const chosen = replaced({ ...c, day: x });
        const run = tryEdits(chosen);
        const r = run ? restoredIn(run.trace, base) : null;
        if (run && r !== null && meetsGoal(goal, run.trace, base) && r < (current.restoredDay ?? Infinity)) {
          current = { ...current, candidates: chosen, restoredDay: r, ...run };
          break;
        }
      }
    }
  });
  return current;
}

function sameOrBetter(trace: Trace, current: { restoredDay: number | null }, base: Trace): boolean {
  const r = restoredIn(trace, base);
  return current.restoredDay === null || (r !== null && r <= current.restoredDay);
}

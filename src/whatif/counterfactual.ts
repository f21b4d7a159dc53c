// Counterfactuals: the smallest set of changes to the user's own events that changes the outcome.
//
// Candidates are single edits a person could have made: not applying (limit increases, credit elsewhere),
// not changing a bound detail, not taking on debt elsewhere, not making a purchase, repaying in full,
// repaying earlier (by the due day, by the end of the grace days, before the suspension trigger),
// repaying a bill on its due day, verifying identity, asking for an early review. The search is
// breadth-first by the number of edits (1, then 2, then 3), in a fixed candidate order, and stops at a
// hard budget of simulations, so the same scenario always gives the same advice. Among the sets of the
// smallest size that work, the least change wins (see `cost`), and a repayment moved earlier is then
// moved as little as possible.
//
// Pure given `evaluate` (variant → trace): no I/O here.

import type { PolicyParams, Step, Trace } from "../engine/index.js";
import type { WrittenEvent } from "../scenario/schema.js";
import { InputError } from "../shared/errors.js";
import { outcome } from "./compare.js";
import { applyEdit, dayOf, type Edit, type Variant, yuanText } from "./variant.js";

export type Goal = "avoid-suspended" | "avoid-declined" | "reach-restored";

export interface Candidate {
  edit: Edit;
  /** the event it changes (two edits on one event never combine); null for an added event */
  target: number | null;
  /** "how much change": lower is a smaller change to what the person did */
  cost: number;
  /** the clause after "had": "you not applied for a +¥2,000.00 limit on day 24" */
  clause: string;
  /** for refinement: a repayment moved earlier (from → to), or a review asked for on `to` */
  move?: { id: number; from: number; to: number; full: boolean };
  review?: { day: number };
}

export interface Solution {
  candidates: Candidate[];
  cost: number;
  /** the first restoration (reach-restored) */
  restoredDay: number | null;
  advice: string;
  variant: Variant;
  trace: Trace;
}

export interface CounterfactualResult {
  goal: Goal;
  /** "solved", "none" (nothing within the bound), or "nothing-to-do" (the base already meets the goal) */
  status: "solved" | "none" | "nothing-to-do";
  /** what the base did that the goal is about, in plain words */
  problem: string;
  solutions: Solution[];
  tried: number;
  /** how many variants of each size were tried, and how many there were */
  /** how many sets of each size were tried, and whether every one of that size was */
  bySize: Array<{ size: number; tried: number; complete: boolean }>;
  candidates: number;
  maxEdits: number;
  budget: number;
  /** the bound was reached before every set up to maxEdits was tried */
  budgetExhausted: boolean;
}

export interface SearchOptions {
  maxEdits?: number;
  /** at most this many simulations in all (refinement included) */
  budget?: number;
  /** at most this many solutions reported */
  solutions?: number;
}

type Evaluate = (v: Variant) => Trace;

/** The policy timings that place "earlier" repayments: the grace days and the suspension trigger. */
export type PolicyTiming = Pick<PolicyParams, "graceDays" | "suspendOverdueDays">;

const isAdverse = (goal: Goal, s: Step) =>
  goal === "avoid-suspended"
    ? s.decision === "suspended"
    : goal === "avoid-declined" && s.decision === "declined";

/**
 * The suspension `--reach restored` is about: the one still in force at the end (a restoration that never
 * came), or else the first one.
 */
function restoreTarget(trace: Trace): Step | undefined {
  const suspensions = trace.steps.filter((s) => s.decision === "suspended");
  const open = suspensions.filter((s) => firstRestoredAfter(trace, s.day) === null).at(-1);
  return open ?? suspensions[0];
}

function firstRestoredAfter(trace: Trace, day: number): number | null {
  return trace.steps.find((s) => s.decision === "restored" && s.day >= day)?.day ?? null;
}

/** Whether a variant's trace meets the goal (relative to the base's). */
function meetsGoal(goal: Goal, trace: Trace, base: Trace): boolean {
  if (goal !== "reach-restored") return !trace.steps.some((s) => isAdverse(goal, s));
  const suspended = restoreTarget(base);
  if (!suspended) return false;
  // the same suspension, restored sooner: a change that avoids the suspension answers another question
  if (!trace.steps.some((s) => s.decision === "suspended" && s.day === suspended.day)) return false;
  const was = firstRestoredAfter(base, suspended.day);
  const now = firstRestoredAfter(trace, suspended.day);
  return now !== null && (was === null || now < was);
}

const money = yuanText;

/** The single edits worth trying, in a fixed order. */
function candidates(
  goal: Goal,
  v: Variant,
  base: Trace,
  policy: PolicyTiming,
  keep: { protectedIds?: ReadonlySet<number>; firstAddedId?: number } = {},
): Candidate[] {
  const start = v.original.start;
  const out: Candidate[] = [];
  const adverse = base.steps.filter((s) => isAdverse(goal, s));
  const firstSuspension = (goal === "reach-restored" ? restoreTarget(base) : undefined) ?? null;
  // the events that can matter: before the last adverse step (avoid), or from the suspension on (reach)
  const from = goal === "reach-restored" ? (firstSuspension?.day ?? 0) : 0;
  const to =
    goal === "reach-restored"
      ? (firstRestoredAfter(base, from) ?? base.until)
      : Math.max(0, ...adverse.map((s) => s.day));
  // the steps that were themselves declined are not "avoided" by leaving them out
  const protectedIds = new Set<number>(keep.protectedIds ?? []);
  if (goal === "avoid-declined") {
    for (const s of adverse) if ("index" in s.event) protectedIds.add(indexToIdOf(v, s.event.index));
  }
  const dueDays = base.steps.filter((s) => s.event.type === "due").map((s) => s.day);
  const overdueDueDays = new Set(
    base.steps
      .filter((s) => s.event.type === "overdue")
      .map((s) => dueDays.filter((d) => d <= s.day).at(-1))
      .filter((d): d is number => d !== undefined),
  );
  const grace = policy.graceDays;
  const trigger = policy.suspendOverdueDays;

  for (const { id, event } of v.events) {
    const day = dayOf(event, start);
    // a repayment after the adverse step can still be moved before it
    if (day < from || (day > to && event.type !== "repay") || protectedIds.has(id)) continue;
    // events the search itself added are not the person's own
    if (keep.firstAddedId !== undefined && id >= keep.firstAddedId) continue;
    const remove = (cost: number, clause: string) =>
      out.push({ edit: { kind: "remove", ids: [id] }, target: id, cost, clause: `${clause} on day ${day}` });
    switch (event.type) {
      case "apply":
        if (event.product === "increase") remove(1.5, `you not applied for a +${money(event.amount)} limit`);
        break;
      case "external_inquiry":
        remove(1.5, "you not applied for credit elsewhere");
        break;
      case "change_profile":
        remove(1.5, `you not changed your bound ${event.field}`);
        out.push({
          edit: { kind: "add", event: { day, type: "verify_identity" } },
          target: null,
          cost: 1.2,
          clause: `you verified your identity right after changing your ${event.field} on day ${day}`,
        });
        break;
      case "external_debt":
        remove(2, `you not taken on ${money(event.amount)} of debt elsewhere`);
        break;
      case "purchase":
        remove(
          3,
          `you not made the ${money(event.amount)} purchase${event.merchant ? ` at ${event.merchant}` : ""}`,
        );
        break;
      case "repay":
        out.push(...repayCandidates(id, event, day, dueDays, grace, trigger, from, to));
        break;
      default:
        break;
    }
  }
  // repaying a bill on its due day, where the base let it go overdue
  for (const d of [...overdueDueDays].sort((a, b) => a - b)) {
    if (d < from || d > to) continue;
    out.push({
      edit: { kind: "add", event: { day: d, type: "repay", amount: "full" } },
      target: null,
      cost: 2,
      clause: `you repaid the bill due on day ${d} in full that day`,
    });
  }
  if (goal === "reach-restored" && firstSuspension) {
    const s = firstSuspension.day;
    if (firstSuspension.cause === "security") {
      out.push({
        edit: { kind: "add", event: { day: s, type: "verify_identity" } },
        target: null,
        cost: 1,
        clause: `you verified your identity on day ${s}`,
      });
    }
    // on the day (after an overdue trigger) or the day after (a review suspends after the day's events)
    for (const d of [s, s + 1]) {
      out.push({
        edit: { kind: "add", event: { day: d, type: "repay", amount: "full" } },
        target: null,
        cost: 2 + (d - s) / 30,
        clause: `you repaid everything on day ${d} (${d === s ? "the day of the suspension" : "the day after the suspension"})`,
      });
    }
    // a repayment made later than that, moved to right after the suspension
    for (const { id, event } of v.events) {
      const day = dayOf(event, start);
      if (
        event.type !== "repay" ||
        day <= s + 1 ||
        day > to ||
        (keep.firstAddedId !== undefined && id >= keep.firstAddedId)
      )
        continue;
      out.push({
        edit: { kind: "edit", id, patch: { day: s + 1 } },
        target: id,
        cost: 1 + (day - s - 1) / 30,
        clause: `the repayment of day ${day} been made by day ${s + 1}`,
        move: { id, from: day, to: s + 1, full: event.amount === "full" },
      });
    }
    for (let d = s + 7; d < to && d <= base.until; d += 7) {
      out.push({
        edit: { kind: "add", event: { day: d, type: "request_review" } },
        target: null,
        cost: 0.5,
        clause: `you asked for an early review on day ${d}`,
        review: { day: d },
      });
    }
  }
  // stable: equal costs keep timeline order
  return out.sort((a, b) => a.cost - b.cost);
}

function indexToIdOf(v: Variant, index: number): number {
  const offset = Object.keys(v.set).length > 0 ? 1 : 0;
  return v.events[index - offset]?.id ?? -1;
}

function repayCandidates(
  id: number,
  event: Extract<WrittenEvent, { type: "repay" }>,
  day: number,
  dueDays: number[],
  grace: number,
  trigger: number,
  from: number,
  to: number,
): Candidate[] {
  const out: Candidate[] = [];
  const full = event.amount === "full";
  if (!full && day <= to) {
    out.push({
      edit: { kind: "edit", id, patch: { amount: "full" } },
      target: id,
      cost: 1,
      clause: `the repayment of day ${day} been in full`,
    });
  }
  const earlier = new Set<number>();
  for (const due of dueDays) {
    if (due >= day || day - due > 62) continue;
    for (const x of [due, due + grace, due + trigger - 1])
      if (x < day && x >= Math.max(0, from) && x <= to) earlier.add(x);
  }
  for (const x of [...earlier].sort((a, b) => b - a)) {
    out.push({
      edit: { kind: "edit", id, patch: { day: x } },
      target: id,
      cost: 1 + (day - x) / 30,
      clause: `the repayment of day ${day} been made by day ${x}`,
      move: { id, from: day, to: x, full: false },
    });
    if (!full) {
      out.push({
        edit: { kind: "edit", id, patch: { day: x, amount: "full" } },
        target: id,
        cost: 1.5 + (day - x) / 30,
        clause: `the repayment of day ${day} been made in full by day ${x}`,
        move: { id, from: day, to: x, full: true },
      });
    }
  }
  return out;
}

/** Progress of a (failing) trace towards the goal: lower is closer. Orders candidates for pairs and triples. */
function distance(goal: Goal, trace: Trace, base: Trace): number {
  if (goal === "reach-restored") {
    const s = restoreTarget(base)?.day ?? 0;
    return firstRestoredAfter(trace, s) ?? base.until + 1;
  }
  const bad = trace.steps.filter((x) => isAdverse(goal, x));
  return bad.length * 100_000 - (bad[0]?.day ?? 0);
}

function describeProblem(goal: Goal, base: Trace): string {
  const o = outcome(base);
  if (goal === "avoid-suspended") {
    return o.suspensions === 0
      ? "the account is never suspended"
      : `suspended ${o.suspensions === 1 ? "once" : `${o.suspensions} times`}, first on day ${o.firstSuspendedDay}, ${o.daysSuspended} days in all`;
  }
  if (goal === "avoid-declined") {
    const first = base.steps.find((s) => s.decision === "declined");
    return o.declines === 0 ? "nothing is declined" : `${o.declines} declined, first on day ${first?.day}`;
  }
  const s = restoreTarget(base);
  if (!s) return "the account is never suspended, so there is nothing to restore";
  const r = firstRestoredAfter(base, s.day);
  return r === null
    ? `suspended on day ${s.day} and never restored`
    : `suspended on day ${s.day}, restored on day ${r}`;
}

function outcomeText(goal: Goal, trace: Trace, base: Trace): string {
  if (goal === "avoid-suspended") {
    const d = base.steps.find((s) => s.decision === "suspended")?.day;
    return `the account would not have been suspended (it was on day ${d})`;
  }
  if (goal === "avoid-declined") return "nothing would have been declined";
  const s = restoreTarget(base)!.day;
  const was = firstRestoredAfter(base, s);
  const now = firstRestoredAfter(trace, s);
  return was === null
    ? `the account would have been restored on day ${now} (it never was)`
    : `the account would have been restored on day ${now} instead of day ${was}`;
}

function adviceText(goal: Goal, chosen: readonly Candidate[], trace: Trace, base: Trace): string {
  const clauses = [...chosen].sort((a, b) => clauseDay(a) - clauseDay(b)).map((c) => `had ${c.clause}`);
  const joined =
    clauses.length <= 1 ? clauses.join("") : `${clauses.slice(0, -1).join(", ")} and ${clauses.at(-1)}`;
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}, ${outcomeText(goal, trace, base)}.`;
}

function clauseDay(c: Candidate): number {
  const m = /day (\d+)/.exec(c.clause);
  return m ? Number(m[1]) : 0;
}

/** The search. `base` is the variant to start from (usually the unedited scenario) and its trace. */
export function searchCounterfactual(
  goal: Goal,
  base: { variant: Variant; trace: Trace; policy: PolicyTiming },
  evaluate: Evaluate,
  options: SearchOptions = {},
): CounterfactualResult {
  const maxEdits = options.maxEdits ?? 3;
  const budget = options.budget ?? 2000;
  const wanted = options.solutions ?? 3;
  const problem = describeProblem(goal, base.trace);
  const result: CounterfactualResult = {
    goal,
    status: "none",
    problem,
    solutions: [],
    tried: 0,
    bySize: [],
    candidates: 0,
    maxEdits,
    budget,
    budgetExhausted: false,
  };
  const noProblem =
    goal === "reach-restored"
      ? !base.trace.steps.some((s) => s.decision === "suspended")
      : !base.trace.steps.some((s) => isAdverse(goal, s));
  if (noProblem) return { ...result, status: "nothing-to-do" };

  // the base's own declines stay protected in every variant: leaving them out is not avoiding them
  const keep = {
    protectedIds: new Set(
      goal === "avoid-declined"
        ? base.trace.steps
            .filter((s) => isAdverse(goal, s) && "index" in s.event)
            .map((s) => indexToIdOf(base.variant, (s.event as { index: number }).index))
        : [],
    ),
    firstAddedId: base.variant.nextId,
  };
  const pool = candidates(goal, base.variant, base.trace, base.policy, keep);
  result.candidates = pool.length;
  const tryEdits = (chosen: readonly Candidate[]): { variant: Variant; trace: Trace } | null => {
    result.tried++;
    let v = base.variant;
    try {
      for (const c of chosen) v = applyEdit(v, c.edit);
    } catch (e) {
      if (e instanceof InputError) return null;
      throw e;
    }
    return { variant: v, trace: evaluate(v) };
  };

  // Breadth-first by size. A set of k+1 changes extends a set of k that did not work, with a candidate
  // from the base or one its own variant calls for (e.g. a bill it leaves unpaid); the most promising
  // sets (closest to the goal) are extended first.
  interface Node {
    chosen: Candidate[];
    variant: Variant;
    trace: Trace;
    distance: number;
  }
  const found: Array<Omit<Solution, "advice">> = [];
  const seen = new Set<string>();
  let frontier: Node[] = [{ chosen: [], variant: base.variant, trace: base.trace, distance: 0 }];
  for (let k = 1; k <= maxEdits && found.length === 0 && !result.budgetExhausted; k++) {
    const size = { size: k, tried: 0, complete: true };
    result.bySize.push(size);
    const next: Node[] = [];
    for (const node of frontier) {
      const own = k === 1 ? [] : candidates(goal, node.variant, node.trace, base.policy, keep);
      const extensions = dedupe([...pool, ...own]).sort((a, b) => a.cost - b.cost);
      for (const c of extensions) {
        if (c.target !== null && node.chosen.some((o) => o.target === c.target)) continue;
        const chosen = [...node.chosen, c];
        const key = chosen.map(editKey).sort().join("|");
        if (seen.has(key)) continue;
        if (result.tried >= budget) {
          result.budgetExhausted = true;
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
            cost: chosen.reduce((n, o) => n + o.cost, 0),
            restoredDay: restoredIn(run.trace, base.trace),
            ...run,
          });
        } else next.push({ chosen, ...run, distance: distance(goal, run.trace, base.trace) });
      }
      if (result.budgetExhausted) break;
    }
    // stable: equally close sets keep the order they were tried in
    frontier = next
      .map((n, i) => ({ n, i }))
      .sort((a, b) => a.n.distance - b.n.distance || a.i - b.i)
      .map((x) => x.n);
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
    const r = refine(goal, s, base, tryEdits, () => result.tried < budget + 200);
    result.solutions.push({ ...r, advice: adviceText(goal, r.candidates, r.trace, base.trace) });
  }
  result.status = "solved";
  return result;
}

const editKey = (c: Candidate) => JSON.stringify(c.edit);

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
  const e = c.edit;
  if (e.kind === "add")
    return `add ${e.event.type}${e.event.type === "repay" ? ` ${JSON.stringify(e.event.day)}` : ""}`;
  if (e.kind === "edit") return `edit #${e.id} ${Object.keys(e.patch).sort().join(",")}`;
  return `${e.kind} ${JSON.stringify(e)}`;
}

function restoredIn(trace: Trace, base: Trace): number | null {
  const s = restoreTarget(base);
  return s ? firstRestoredAfter(trace, s.day) : null;
}

/** Less change for the same effect: a moved repayment as late as still works; a review as early as helps. */
function refine(
  goal: Goal,
  s: Omit<Solution, "advice">,
  base: { variant: Variant; trace: Trace },
  tryEdits: (c: readonly Candidate[]) => { variant: Variant; trace: Trace } | null,
  more: () => boolean,
): Omit<Solution, "advice"> {
  let current = s;
  current.candidates.forEach((c, i) => {
    if (c.move) {
      const { id, from, to, full } = c.move;
      for (let x = from - 1; x > to && more(); x--) {
        const moved: Candidate = {
          ...c,
          edit: { kind: "edit", id, patch: full ? { day: x, amount: "full" } : { day: x } },
          cost: c.cost - (to - x) / 30,
          clause: `the repayment of day ${from} been made${full ? " in full" : ""} by day ${x}`,
          move: { id, from, to: x, full },
        };
        const chosen = current.candidates.map((o, j) => (j === i ? moved : o));
        const run = tryEdits(chosen);
        if (run && meetsGoal(goal, run.trace, base.trace) && sameOrBetter(run.trace, current, base.trace)) {
          current = {
            ...current,
            candidates: chosen,
            cost: chosen.reduce((n, o) => n + o.cost, 0),
            restoredDay: restoredIn(run.trace, base.trace),
            ...run,
          };
          break;
        }
      }
    }
    if (c.review) {
      const day = c.review.day;
      for (let x = day - 6; x < day && more(); x++) {
        const earlier: Candidate = {
          ...c,
          edit: { kind: "add", event: { day: x, type: "request_review" } },
          clause: `you asked for an early review on day ${x}`,
          review: { day: x },
        };
        const chosen = current.candidates.map((o, j) => (j === i ? earlier : o));
        const run = tryEdits(chosen);
        const r = run ? restoredIn(run.trace, base.trace) : null;
        if (
          run &&
          r !== null &&
          meetsGoal(goal, run.trace, base.trace) &&
          r < (current.restoredDay ?? Infinity)
        ) {
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

/** The result as plain JSON, for `--json`. */
export function counterfactualToJson(r: CounterfactualResult): Record<string, unknown> {
  return {
    goal: r.goal,
    status: r.status,
    problem: r.problem,
    solutions: r.solutions.map((s) => ({
      advice: s.advice,
      edits: s.candidates.map((c) => c.edit),
      restoredDay: s.restoredDay,
    })),
    search: {
      tried: r.tried,
      bySize: r.bySize,
      candidates: r.candidates,
      maxEdits: r.maxEdits,
      budget: r.budget,
      budgetExhausted: r.budgetExhausted,
    },
  };
}

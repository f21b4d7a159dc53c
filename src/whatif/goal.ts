// What a counterfactual search is after, read off traces: which steps are the problem, whether a variant
// solves it, and how close a variant that does not solve it comes. Pure.

import type { Step, Trace } from "../engine/index.js";

export const GOALS = ["avoid-suspended", "avoid-declined", "reach-restored"] as const;
export type Goal = (typeof GOALS)[number];

/** A step the goal wants gone (avoid-suspended, avoid-declined); reach-restored has none. */
export function isAdverse(goal: Goal, s: Step): boolean {
  switch (goal) {
    case "avoid-suspended":
      return s.decision === "suspended";
    case "avoid-declined":
      return s.decision === "declined";
    case "reach-restored":
      return false;
    default: {
      const never: never = goal;
      throw new Error(`unknown goal ${String(never)}`);
    }
  }
}

/** The line a step is about (a step about the customer: Huabei, the line every account has first). */
const lineOf = (s: { line: string | null }) => s.line ?? "huabei";

/** The day `suspension`'s line is next restored, on or after the suspension; null: never. */
export function firstRestoredAfter(
  trace: Trace,
  suspension: { day: number; line: string | null },
): number | null {
  const line = lineOf(suspension);
  return (
    trace.steps.find((s) => s.decision === "restored" && s.day >= suspension.day && lineOf(s) === line)
      ?.day ?? null
  );
}

/**
 * The steps that suspend a line that was not suspended: one a suspension. A suspended line suspended again
 * (a security hold on a credit suspension, lifted onto the credit suspension again) changes its cause, not
 * its suspension; a restoration, a closure or a charge-off ends one.
 */
export function suspensionStarts<S extends { decision: string | null; line: string | null }>(
  steps: readonly S[],
): S[] {
  const suspended = new Set<string>();
  const starts: S[] = [];
  for (const s of steps) {
    const line = s.line ?? "huabei";
    if (s.decision === "suspended") {
      if (!suspended.has(line)) starts.push(s);
      suspended.add(line);
    } else if (s.decision === "restored" || s.decision === "closed" || s.decision === "charged_off")
      suspended.delete(line);
  }
  return starts;
}

/**
 * The days on which a line was suspended, up to `until`: a day counts once, whichever lines were suspended
 * on it — both lines suspended the same day for the same overdue counted it twice on the run page (338
 * days in a 420-day story), and what-if stopped counting at the first line's charge-off while the other
 * stayed suspended (150 for the same story, whose Huabei was suspended for 188).
 */
export function daysSuspended<S extends { decision: string | null; line: string | null; day: number }>(
  steps: readonly S[],
  until: number,
): number {
  const suspended = new Set<string>();
  let since: number | null = null;
  let days = 0;
  for (const s of steps) {
    // the engine's line ("jiebei"; null: the customer's Huabei) or as a page names it ("Jiebei")
    const line = (s.line ?? "huabei").toLowerCase();
    if (s.decision === "suspended") suspended.add(line);
    else if (s.decision === "restored" || s.decision === "closed" || s.decision === "charged_off")
      suspended.delete(line);
    else continue;
    if (suspended.size > 0) since ??= s.day;
    else if (since !== null) {
      days += s.day - since;
      since = null;
    }
  }
  return since === null ? days : days + until - since;
}

/**
 * The suspension `--reach restored` is about: the one still in force at the end (a restoration that never
 * came), or else the first one.
 */
export function restoreTarget(trace: Trace): Step | undefined {
  const suspensions = suspensionStarts(trace.steps);
  const open = suspensions.filter((s) => firstRestoredAfter(trace, s) === null).at(-1);
  return open ?? suspensions[0];
}

/** Whether the base has anything for the goal to change. */
export function hasProblem(goal: Goal, base: Trace): boolean {
  return goal === "reach-restored"
    ? base.steps.some((s) => s.decision === "suspended")
    : base.steps.some((s) => isAdverse(goal, s));
}

/** Whether a variant's trace meets the goal (relative to the base's). */
export function meetsGoal(goal: Goal, trace: Trace, base: Trace): boolean {
  if (goal !== "reach-restored") return !trace.steps.some((s) => isAdverse(goal, s));
  const suspended = restoreTarget(base);
  if (!suspended) return false;
  // the same suspension, restored sooner: a change that avoids the suspension answers another question
  if (
    !trace.steps.some(
      (s) => s.decision === "suspended" && s.day === suspended.day && lineOf(s) === lineOf(suspended),
    )
  )
    return false;
  const was = firstRestoredAfter(base, suspended);
  const now = firstRestoredAfter(trace, suspended);
  if (now === null || (was !== null && now >= was)) return false;
  // restored sooner and kept: a line suspended again before the base's restoration (a hold lifted by
  // verifying early, the delinquency it stood over found afterwards) was not restored sooner
  const until = was ?? base.until + 1;
  return !suspensionStarts(trace.steps).some(
    (x) => x.day > now && x.day < until && lineOf(x) === lineOf(suspended),
  );
}

/** The first restoration after the base's target suspension, in a variant's trace. */
export function restoredIn(trace: Trace, base: Trace): number | null {
  const s = restoreTarget(base);
  return s ? firstRestoredAfter(trace, s) : null;
}

/** Progress of a (failing) trace towards the goal: lower is closer. Orders candidates for pairs and triples. */
export function distance(goal: Goal, trace: Trace, base: Trace): number {
  if (goal === "reach-restored") {
    const s = restoreTarget(base);
    return (s ? firstRestoredAfter(trace, s) : null) ?? base.until + 1;
  }
  const bad = trace.steps.filter((x) => isAdverse(goal, x));
  return bad.length * 100_000 - (bad[0]?.day ?? 0);
}

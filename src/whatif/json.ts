// The what-if documents `--json` prints: a comparison, a counterfactual search. Plain JSON, money in yuan.

import { adviceText, problemText } from "./advice.js";
import { editOf } from "./candidates.js";
import { type Comparison, keyEventNumber, keyText, type Outcome, type Verdict } from "./compare.js";
import { listingOf, type VariantRun } from "./run.js";
import type { CounterfactualResult } from "./search.js";

function side(v: Verdict) {
  return v.decision === "absent"
    ? null
    : { day: v.day, date: v.date, event: v.event, decision: v.decision, reasons: v.reasons };
}

function outcomeJson(o: Outcome) {
  return {
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
  };
}

/** The comparison as plain JSON (money in yuan), for `--json`. */
export function comparisonToJson(c: Comparison): Record<string, unknown> {
  return {
    differences: c.differences.map((d) => ({
      key: keyText(d.key),
      event: keyEventNumber(d.key),
      kind: d.kind,
      removed: d.variant.decision === "absent" && d.variant.why === "removed",
      added: d.base.decision === "absent" && d.base.why === "added",
      base: side(d.base),
      variant: side(d.variant),
    })),
    base: outcomeJson(c.base),
    variant: outcomeJson(c.variant),
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

/** The search result as plain JSON, for `--json`. */
export function counterfactualToJson(r: CounterfactualResult): Record<string, unknown> {
  return {
    goal: r.goal,
    status: r.status,
    problem: problemText(r),
    solutions: r.solutions.map((s) => ({
      advice: adviceText(r, s),
      edits: s.candidates.map(editOf),
      restoredDay: s.restoredDay,
    })),
    search: {
      tried: r.tried,
      bySize: r.bySize,
      candidates: r.candidates,
      maxEdits: r.maxEdits,
      budget: r.budget,
      budgetExhausted: r.budgetExhausted,
      work: r.work,
      maxWork: r.maxWork,
      stoppedBy: r.stoppedBy,
    },
  };
}

/**
 * What `--list` shows, as plain JSON: each of the user's events by number, as written, with the decision
 * its step got and every reason given (`decision: null` when it decided nothing); and the engine's own
 * decisions between them (`engine`: a review, the overdue trigger), each with its day, date and line.
 */
export function listingToJson(run: VariantRun): Record<string, unknown> {
  const rows = listingOf(run);
  return {
    scenario: run.loaded.scenario.name,
    events: rows
      .flatMap((r) => (r.kind === "event" ? [r] : []))
      .sort((a, b) => a.entry.id - b.entry.id)
      .map((r) => ({ number: r.entry.id, ...r.entry.event, decision: r.decision, reasons: r.reasons })),
    engine: rows.flatMap((r) =>
      r.kind === "engine"
        ? [
            {
              day: r.day,
              date: r.date,
              event: r.step.event.type,
              line: r.step.line,
              decision: r.decision,
              reasons: r.reasons,
            },
          ]
        : [],
    ),
  };
}

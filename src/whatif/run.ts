// Running a variant against its base: simulate both, compare. Shared by the flag form, the interactive
// session and the counterfactual search.

import type { Decision, ReasonCode, Step, Trace } from "../engine/index.js";
import { Calendar, simulate } from "../engine/index.js";
import type { LoadedScenario } from "../scenario/load.js";
import { type Comparison, compareTraces } from "./compare.js";
import {
  dayOf,
  eventNumberAt,
  loadVariant,
  stepEventNumber,
  type Variant,
  type VariantEvent,
} from "./variant.js";

export interface VariantRun {
  variant: Variant;
  loaded: LoadedScenario;
  trace: Trace;
}

export function runVariant(v: Variant): VariantRun {
  const loaded = loadVariant(v);
  return { variant: v, loaded, trace: simulate(loaded.scenario) };
}

/**
 * A variant's trace as a counterfactual search reads it: the lender's decisions, without customer
 * service's answers (the engine's `answers: false`) — the search weighs suspensions, declines and
 * restorations, never what an answer says, and an answer runs the account ahead to its next report: a
 * timeline of 1,000 calls took 51 s a run, and a search's runs, counted by their steps, went on for far
 * longer than its bound on simulated steps promises. The suggestion shown is run again whole (runVariant).
 */
export function searchTrace(v: Variant): Trace {
  return simulate(loadVariant(v).scenario, { answers: false });
}

/** Compares two runs; event numbers align the user's events. */
export function compareRuns(base: VariantRun, variant: VariantRun): Comparison {
  const baseNumbers = new Set(base.variant.events.map((e) => e.id));
  const variantNumbers = new Set(variant.variant.events.map((e) => e.id));
  return compareTraces(base.trace, variant.trace, {
    base: (i) => eventNumberAt(base.variant, i) ?? -1,
    variant: (i) => eventNumberAt(variant.variant, i) ?? -1,
    removed: new Set([...baseNumbers].filter((id) => !variantNumbers.has(id))),
    added: new Set([...variantNumbers].filter((id) => !baseNumbers.has(id))),
  });
}

/** The step each user event got in a run (its first, when it made several), by event number. */
export function decisionsById(run: Pick<VariantRun, "variant" | "trace">): Map<number, Step> {
  const out = new Map<number, Step>();
  for (const s of run.trace.steps) {
    const id = stepEventNumber(run.variant, s);
    if (id !== undefined && !out.has(id)) out.set(id, s);
  }
  return out;
}

/** A row of `--list`: one of the user's events with the decision its step got (none: null, and no
 *  reasons), or one of the engine's own decisions (a review, a suspension) between them. */
export type ListingRow = {
  day: number;
  date: string;
  decision: Decision | null;
  reasons: readonly ReasonCode[];
} & ({ kind: "event"; entry: VariantEvent } | { kind: "engine"; step: Step });

/**
 * What `--list` shows, text and JSON alike: the user's events and the engine's own decisions, in day
 * order — the user's in timeline order, the engine's after the day's events.
 */
export function listingOf(run: VariantRun): ListingRow[] {
  const start = run.variant.original.start;
  const calendar = new Calendar(start);
  const steps = decisionsById(run);
  const events: ListingRow[] = run.variant.events
    .map((entry, order) => ({ entry, order, day: dayOf(entry.event, start) }))
    .sort((a, b) => a.day - b.day || a.order - b.order)
    .map(({ entry, day }) => {
      const step = steps.get(entry.id);
      const decision = step?.decision ?? null;
      return {
        kind: "event",
        entry,
        day,
        date: calendar.date(day),
        decision,
        reasons: decision && step ? step.reasons : [],
      };
    });
  const engine: ListingRow[] = run.trace.steps
    .filter((s) => !("index" in s.event) && s.decision !== null)
    .map((step) => ({
      kind: "engine",
      step,
      day: step.day,
      date: step.date,
      decision: step.decision,
      reasons: step.reasons,
    }));
  // stable: the user's events keep their order; the engine's decisions follow the day's events
  return [...events, ...engine]
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.day - b.row.day || a.i - b.i)
    .map((x) => x.row);
}

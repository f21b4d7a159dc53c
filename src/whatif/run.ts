// Running a variant against its base: simulate both, compare. Shared by the flag form, the interactive
// session and the counterfactual search.

import type { Step, Trace } from "../engine/index.js";
import { simulate } from "../engine/index.js";
import type { LoadedScenario } from "../scenario/load.js";
import { type Comparison, compareTraces } from "./compare.js";
import { eventNumberAt, loadVariant, stepEventNumber, type Variant } from "./variant.js";

export interface VariantRun {
  variant: Variant;
  loaded: LoadedScenario;
  trace: Trace;
}

export function runVariant(v: Variant): VariantRun {
  const loaded = loadVariant(v);
  return { variant: v, loaded, trace: simulate(loaded.scenario) };
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

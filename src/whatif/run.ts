// Running a variant against its base: simulate both, compare. Shared by the flag form, the interactive
// session and the counterfactual search.

import type { Trace } from "../engine/index.js";
import { simulate } from "../engine/index.js";
import type { LoadedScenario } from "../scenario/load.js";
import { type Comparison, compareTraces } from "./compare.js";
import { indexToId, loadVariant, type Variant } from "./variant.js";

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
  const bIds = indexToId(base.variant);
  const vIds = indexToId(variant.variant);
  const baseNumbers = new Set(base.variant.events.map((e) => e.id));
  const variantNumbers = new Set(variant.variant.events.map((e) => e.id));
  return compareTraces(base.trace, variant.trace, {
    base: (i) => bIds[i] ?? -1,
    variant: (i) => vIds[i] ?? -1,
    removed: new Set([...baseNumbers].filter((id) => !variantNumbers.has(id))),
    added: new Set([...variantNumbers].filter((id) => !baseNumbers.has(id))),
  });
}

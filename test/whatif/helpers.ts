// Shared by the what-if unit tests: the fixtures, a variant from a file, a flag applied as an edit.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenario } from "../../src/scenario/load.js";
import { InputError } from "../../src/shared/errors.js";
import { flagToEdit } from "../../src/whatif/flags.js";
import type { Goal } from "../../src/whatif/goal.js";
import { searchTrace, type VariantRun } from "../../src/whatif/run.js";
import { searchCounterfactual } from "../../src/whatif/search.js";
import { applyEdit, baseVariant, type Variant } from "../../src/whatif/variant.js";

export const LATE = "test/fixtures/whatif/late-payer.yaml";
export const PHONE = "test/fixtures/whatif/phone-changes.yaml";

export const base = (file: string) => baseVariant(loadScenario(file));

export const apply = (v: Variant, flag: Parameters<typeof flagToEdit>[1]["flag"], value: string) =>
  applyEdit(v, flagToEdit(v, { flag, value }), `--${flag}`);

/** The InputError `f` throws (anything else is rethrown). */
export const inputError = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
};

/** A scenario written from its lines into a folder of its own under the system's temporary folder: its
 *  path. (A folder per call: test files may share this module, and one file's clean-up must not remove
 *  another's scenario.) */
export function scenarioFile(name: string, lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "credit-sim-whatif-")), name);
  writeFileSync(file, [...lines, ""].join("\n"));
  return file;
}

/** The counterfactual search for `goal` from a variant's run, each variant run as the CLI runs it. */
export const searchOn = (goal: Goal, run: VariantRun) =>
  searchCounterfactual(
    goal,
    { variant: run.variant, trace: run.trace, policy: run.loaded.scenario.policy },
    searchTrace,
  );

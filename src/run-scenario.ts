// Load + simulate + check expectations in one call: what a team's own test suite wants.

import type { Trace } from "./engine/index.js";
import { checkAll, type ExpectationResult } from "./engine/index.js";
import { checkArguments, expectation, list } from "./library-checked.js";
import { simulate } from "./library-engine.js";
import { type LoadedScenario, type LoadOptions, loadScenario } from "./scenario/load.js";
import { InputError, refuseArgument } from "./shared/errors.js";

export interface ScenarioRun {
  loaded: LoadedScenario;
  trace: Trace;
  results: ExpectationResult[];
  /** true when every expectation holds (and there is at least one) */
  passed: boolean;
}

/** Runs a scenario file (or an already loaded scenario) and checks its `expect` block. */
export function runScenario(source: string | LoadedScenario, options: LoadOptions = {}): ScenarioRun {
  if (typeof source !== "string" && (typeof source !== "object" || source === null))
    refuseArgument("source", "a scenario file's path or a loaded scenario", source);
  const loaded = typeof source === "string" ? loadScenario(source, options) : source;
  // the scenario and the expectations a caller built by hand, checked together (every problem at once)
  const [trace] = InputError.every<[Trace, unknown]>([
    () => simulate(loaded.scenario),
    () =>
      checkArguments([
        [
          typeof source === "string" ? "expectations" : "source.expectations",
          loaded.expectations,
          list(expectation, "a list of expectations"),
        ],
      ]),
  ]);
  const results = checkAll(trace, loaded.expectations);
  return { loaded, trace, results, passed: results.length > 0 && results.every((r) => r.ok) };
}

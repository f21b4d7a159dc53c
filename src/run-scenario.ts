// Load + simulate + check expectations in one call: what a team's own test suite wants.

import type { Expectation, Trace } from "./engine/index.js";
import { checkAll, type ExpectationResult } from "./engine/index.js";
import { expectation, loadedScenario } from "./library-checked.js";
import { checkArguments, list } from "./library-door.js";
import { simulate } from "./library-engine.js";
import { loadOptions } from "./library-load.js";
import { type LoadedScenario, type LoadOptions, loadScenario } from "./scenario/load.js";
import { describeValue, InputError } from "./shared/errors.js";

export interface ScenarioRun {
  loaded: LoadedScenario;
  trace: Trace;
  results: ExpectationResult[];
  /** true when every expectation holds (and there is at least one) */
  passed: boolean;
}

/** Runs a scenario file (or an already loaded scenario) and checks its `expect` block. */
export function runScenario(source: string | LoadedScenario, options: LoadOptions = {}): ScenarioRun {
  // the options checked as loadScenario's, for a loaded scenario too (null was a TypeError from inside, a
  // misspelt one taken and ignored); a loaded scenario built by hand is read once into a copy (a getter, a
  // proxy: told here), the copy run
  const [checked] = checkArguments([options], [["options", loadOptions, "caches"]]) as [LoadOptions];
  if (typeof source !== "string") refuseOptionsOfLoaded(checked);
  const loaded =
    typeof source === "string"
      ? loadScenario(source, checked)
      : (checkArguments([source], [["source", loadedScenario]])[0] as LoadedScenario);
  // the scenario and the expectations a caller built by hand, checked together (every problem at once)
  const [trace, expectations] = InputError.every<[Trace, Expectation[]]>([
    () => simulate(loaded.scenario),
    () =>
      checkArguments(
        [loaded.expectations],
        [
          [
            typeof source === "string" ? "expectations" : "source.expectations",
            list(expectation, "a list of expectations"),
          ],
        ],
      )[0] as Expectation[],
  ]);
  const results = checkAll(trace, expectations);
  return { loaded, trace, results, passed: results.length > 0 && results.every((r) => r.ok) };
}

/** The load options that change what runs: with a scenario already loaded they would be taken and
 *  ignored. The others change nothing for any file (seed: read and ignored) or only how files are read
 *  (the caches, roots): a loop that shares a cache over paths and loaded scenarios alike may pass them. */
const CHANGES_THE_RUN: ReadonlySet<string> = new Set<keyof LoadOptions>(["policy", "until"]);

/** A scenario already loaded is run as loaded: a load option that changes the run would be taken and
 *  ignored with it (until: 5 ran the whole file), so each one given is refused, naming where it belongs. */
function refuseOptionsOfLoaded(options: LoadOptions): void {
  const expected = "no policy or until with a scenario already loaded (give them to loadScenario)";
  const given = Object.entries(options ?? {}).filter(([k, v]) => v !== undefined && CHANGES_THE_RUN.has(k));
  if (given.length === 0) return;
  throw InputError.all(
    given.map(([key, v]) => {
      const field = `options.${key}`;
      const found = describeValue(v);
      return new InputError(`${field}: expected ${expected}, found ${found}`, { field, expected, found });
    }),
  );
}

// The engine's drivers as the library hands them out: a scenario built by hand is checked against the
// bounds its file would have had, its policy as a policy file's (checkBuilt), and the copy checked is the
// one the engine runs (a loaded one passes: a copy and a few comparisons an event). The scenario's
// problems and the other arguments' are told at once.

import * as z from "zod";
import { run as engineRun, simulate as engineSimulate } from "./engine/index.js";
import { recorder, runOptions } from "./library-checked.js";
import { checkArguments } from "./library-door.js";
import { checkBuilt } from "./scenario/built.js";
import { InputError } from "./shared/errors.js";

/** simulate(): the trace of a scenario (loadScenario's, or one built by hand: checked first, an
 *  InputError naming each field its file would have been refused for). */
export const simulate: typeof engineSimulate = (scenario, options) => {
  const [checkedScenario, [, o]] = InputError.every([
    () => checkBuilt(scenario),
    () =>
      checkArguments(
        [scenario, options],
        [
          ["scenario", z.unknown(), false],
          ["options", runOptions],
        ],
      ),
  ]);
  return engineSimulate(checkedScenario, o as typeof options);
};

/** run(): the engine's driver with a recorder, the scenario checked as simulate() checks it. */
export const run: typeof engineRun = (scenario, rec, options) => {
  const [checkedScenario, [, , o]] = InputError.every([
    () => checkBuilt(scenario),
    () =>
      checkArguments(
        [scenario, rec, options],
        [
          ["scenario", z.unknown(), false],
          ["rec", recorder, false],
          ["options", runOptions],
        ],
      ),
  ]);
  engineRun(checkedScenario, rec, o as typeof options);
};

// The engine's drivers as the library hands them out: a scenario built by hand is checked against the
// bounds its file would have had (checkBuilt) before the engine runs it (a loaded one passes: a few
// comparisons an event).

import { run as engineRun, simulate as engineSimulate } from "./engine/index.js";
import { checkBuilt } from "./scenario/built.js";

/** simulate(): the trace of a scenario (loadScenario's, or one built by hand: checked first, a RangeError
 *  naming the field when its file would have been refused). */
export const simulate: typeof engineSimulate = (scenario, options) => {
  checkBuilt(scenario);
  return engineSimulate(scenario, options);
};

/** run(): the engine's driver with a recorder, the scenario checked as simulate() checks it. */
export const run: typeof engineRun = (scenario, rec, options) => {
  checkBuilt(scenario);
  engineRun(scenario, rec, options);
};

// The engine's drivers as the library hands them out: a scenario built by hand is checked against the
// bounds its file would have had, its policy as a policy file's (checkBuilt), and the copy checked is the
// one the engine runs (a loaded one passes: a copy and a few comparisons an event).

import { run as engineRun, simulate as engineSimulate } from "./engine/index.js";
import { checkBuilt } from "./scenario/built.js";

/** simulate(): the trace of a scenario (loadScenario's, or one built by hand: checked first, an
 *  InputError naming each field its file would have been refused for). */
export const simulate: typeof engineSimulate = (scenario, options) =>
  engineSimulate(checkBuilt(scenario), options);

/** run(): the engine's driver with a recorder, the scenario checked as simulate() checks it. */
export const run: typeof engineRun = (scenario, rec, options) => {
  engineRun(checkBuilt(scenario), rec, options);
};

// The library API: `import { loadScenario, runScenario, simulate } from "credit-sim"`.
// The engine (simulate, checkAll, the scorecard) is pure; loadScenario reads files.

export type * from "./engine/index.js";
export {
  CHARACTERISTICS,
  type Check,
  checkAll,
  checkExpectation,
  DIMENSIONS,
  type Expectation,
  type ExpectationResult,
  fenToYuan,
  REASON_CODES,
  REASONS,
  REMEDIES,
  type ReasonCode,
  type ReasonInfo,
  type Recorder,
  type ScoreInputs,
  scoreReasons,
  yuanToFen,
} from "./engine/index.js";
export { run, simulate } from "./library-engine.js";
export { band, explain, probabilityOfDefault, score } from "./library-score.js";
export { AccountRunner, type LaneResult } from "./population/account.js";
export { Agent, reactionsOf } from "./population/agent.js";
export { scenarioYaml } from "./population/export.js";
export { auc, gini, ks, psi, scorePsi } from "./population/metrics.js";
export { type Outcome as AccountOutcome, OutcomeRecorder } from "./population/outcome.js";
export { loadPersonaFile, loadPersonas, type Persona } from "./population/persona.js";
export { personaJsonSchema } from "./population/persona-schema.js";
export { makePlan, type Plan } from "./population/plan.js";
export { documentText, fromDocument, mergeResults, type PopulationResult } from "./population/result.js";
export { type RangeResult, runRange } from "./population/runner.js";
export { type PopulationSettings, populationContext } from "./population/settings.js";
export { preparePopulation } from "./population/setup.js";
export { summarise } from "./population/stats.js";
export { runScenario, type ScenarioRun } from "./run-scenario.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { type LoadedScenario, type LoadOptions, loadScenario, loadScenarioText } from "./scenario/load.js";
export { builtinPolicyNames, loadPolicy } from "./scenario/load-policy.js";
export { InputError } from "./shared/errors.js";
export { goldenTrace } from "./testing/golden-trace.js";
// what-if: edit a loaded scenario, compare two runs, search for the smallest change that alters the outcome
export { adviceText, clauseText, problemText } from "./whatif/advice.js";
export { type Candidate, type Change, editOf } from "./whatif/candidates.js";
export {
  type AlignKey,
  type Comparison,
  compareTraces,
  type DecisionDifference,
  keyText,
  type Outcome,
  outcome,
  type Verdict,
} from "./whatif/compare.js";
export { GOALS, type Goal } from "./whatif/goal.js";
export { comparisonToJson, counterfactualToJson } from "./whatif/json.js";
export { compareRuns, decisionsById, runVariant, type VariantRun } from "./whatif/run.js";
export { variantYaml } from "./whatif/save.js";
export {
  type CounterfactualResult,
  type SearchOptions,
  type Solution,
  searchCounterfactual,
} from "./whatif/search.js";
export { applyEdit, baseVariant, type Edit, loadVariant, type Variant } from "./whatif/variant.js";

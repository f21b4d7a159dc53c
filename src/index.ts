// The library API: `import { loadScenario, runScenario, simulate } from "credit-sim"`.
// The engine (simulate, checkAll, the scorecard) is pure; loadScenario reads files.

export type * from "./engine/index.js";
export {
  CHARACTERISTICS,
  type Check,
  DIMENSIONS,
  type Expectation,
  type ExpectationResult,
  REASON_CODES,
  REASONS,
  REMEDIES,
  type ReasonCode,
  type ReasonInfo,
  type Recorder,
  type ScoreInputs,
} from "./engine/index.js";
// every function a caller builds arguments for by hand, its arguments checked at the door (an InputError
// naming the argument, never a TypeError from inside)
export {
  AccountRunner,
  Agent,
  adviceText,
  applyEdit,
  auc,
  baseVariant,
  checkAll,
  checkExpectation,
  clauseText,
  compareRuns,
  compareTraces,
  comparisonToJson,
  counterfactualToJson,
  decisionsById,
  documentText,
  editOf,
  fenToYuan,
  fromDocument,
  gini,
  goldenTrace,
  keyText,
  ks,
  loadPersonaFile,
  loadPersonas,
  loadVariant,
  makePlan,
  mergeResults,
  OutcomeRecorder,
  outcome,
  populationContext,
  preparePopulation,
  problemText,
  psi,
  reactionsOf,
  runRange,
  runVariant,
  scenarioYaml,
  scorePsi,
  scoreReasons,
  searchCounterfactual,
  summarise,
  variantYaml,
  yuanToFen,
} from "./library-checked.js";
export { run, simulate } from "./library-engine.js";
export { loadPolicy, loadScenario, loadScenarioText } from "./library-load.js";
export { band, explain, probabilityOfDefault, score } from "./library-score.js";
export type { LaneResult } from "./population/account.js";
export type { Outcome as AccountOutcome } from "./population/outcome.js";
export type { Persona } from "./population/persona.js";
export { personaJsonSchema } from "./population/persona-schema.js";
export type { Plan } from "./population/plan.js";
export type { PopulationResult } from "./population/result.js";
export type { RangeResult } from "./population/runner.js";
export type { PopulationSettings } from "./population/settings.js";
export { runScenario, type ScenarioRun } from "./run-scenario.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export type { LoadedScenario, LoadOptions } from "./scenario/load.js";
export { builtinPolicyNames } from "./scenario/load-policy.js";
export { InputError } from "./shared/errors.js";
// what-if: edit a loaded scenario, compare two runs, search for the smallest change that alters the outcome
export type { Candidate, Change } from "./whatif/candidates.js";
export type {
  AlignKey,
  Comparison,
  DecisionDifference,
  Outcome,
  Verdict,
} from "./whatif/compare.js";
export { GOALS, type Goal } from "./whatif/goal.js";
export type { VariantRun } from "./whatif/run.js";
export type {
  CounterfactualResult,
  SearchOptions,
  Solution,
} from "./whatif/search.js";
export type { Edit, Variant } from "./whatif/variant.js";

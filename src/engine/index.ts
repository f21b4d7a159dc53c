// The engine's only public face: every module outside src/engine imports from here (a lint rule holds it).
// Pure: nothing here reads files, the clock, the terminal or an unseeded random source.

export type { StepOutcome } from "./apply-verdict.js";
export { Calendar, civilFromDays, formatIsoDate, MAX_DAY, parseIsoDate } from "./calendar.js";
export { applyPolicyEvent } from "./customer-events.js";
export { dtiShown, LIMIT_CAP_CODES } from "./eligibility.js";
export {
  type Check,
  checkAll,
  checkExpectation,
  type Expectation,
  type ExpectationResult,
  type Range,
} from "./expect.js";
export {
  type LaneSwitch,
  MECHANICS,
  runSharedDay,
  type SharedDayHooks,
  sameMechanics,
  shareState,
  switchLane,
} from "./lanes.js";
export { FEN_PER_YUAN, fenToYuan, MAX_YUAN, wholeFen, yuanToFen } from "./money.js";
export {
  adviceListed,
  isReasonCode,
  otherWordings,
  REASON_CODES,
  REASONS,
  type ReasonCode,
  type ReasonInfo,
} from "./reasons.js";
export {
  OVERDUE_ACTIONS,
  type OverdueAction,
  REMEDIES,
  type RemedyField,
  type RemedyInfo,
  VERIFY_SUSPENDS_CAUSES,
  type VerifySuspendsCause,
} from "./remedies.js";
export { END_OF_DAY, nextEngineDay, runDay, runQuietDay, START_OF_DAY } from "./schedule.js";
export type { ScheduledInput } from "./scheduled.js";
export {
  ACTIVITY_MIN_PURCHASE_TEXT,
  band,
  CHARACTERISTICS,
  type Characteristic,
  type CharacteristicId,
  DIMENSIONS,
  type Dimension,
  explain,
  type Factor,
  movedCharacteristics,
  probabilityOfDefault,
  SCORE_MAX,
  SCORE_MIN,
  type ScoreInputs,
  score,
  scoreReasons,
} from "./scorecard.js";
export { leastAbove } from "./search.js";
export {
  answerAtEndOf,
  checkRunnable,
  type DecisionNote,
  decisionNote,
  type Recorder,
  type RunOptions,
  run,
  simulate,
  startState,
} from "./simulate.js";
export { type EngineState, fork, initialState, type Lane, loanDueDays, type StateOptions } from "./state.js";
export { type EngineInput, step, transition } from "./step.js";
export type * from "./types.js";
export {
  type Burden,
  burdenOf,
  type Delinquency,
  delinquency,
  dueOn,
  externalDebtOf,
  type LineStanding,
  lineStanding,
  lineStatus,
  lineTotals,
  owedOn,
  reasonInputs,
  scoreToday,
  unpaidCharges,
} from "./view.js";
export * from "./vocabulary.js";

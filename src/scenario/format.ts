// Text formatting shared by every renderer and by the golden trace: money, events, remedies. Locale-
// independent on purpose (toLocaleString varies with ICU data), so output is byte-identical on every
// machine. It lives below testing and render because both use it (the golden trace's event column).
//
// Its modules (src/scenario/format/), one concept each: money, reason-words (reasons, statuses, decisions),
// lines (the lines held, named), event-text, remedy-text (customer service's steps; overdue-text and
// debt-text say what an overdue left unpaid does and the debt advice, next-due-text what falls due next,
// rule-steps the rules an application would be declined for, score-bars-text a score out of reach,
// asking-events the events a step asks for), fact-text (a rule's facts), advice. This module is their one
// face.

import { lineName } from "../engine/index.js";

export { adviceOf, heldAdvice, nothingToDo, reasonAdvice, undatedReasons } from "./format/advice.js";
export {
  describeEvent,
  type EventWords,
  eventWords,
  nothingRepaid,
} from "./format/event-text.js";
export {
  describeFact,
  factInYuan,
  factsOf,
  jsonValue,
  ratioText,
} from "./format/fact-text.js";
export { forLines, linesHeld } from "./format/lines.js";
export { money, signed, wholeYuanText, yuanText } from "./format/money.js";
export {
  decisionText,
  reasonText,
  reasonTextIn,
  recalledInSentence,
  statusText,
} from "./format/reason-words.js";
export { describeRemedy, remedyText } from "./format/remedy-text.js";

/** Huabei / Jiebei, as the trace names the lines. */
// a line as people call it (the engine names lines in expectations too)
export { lineName };

// A score no file of the customer's reaches, in words: what the policy needs and the most the file can read.

import type { ScoreBars } from "../../engine/index.js";

/** A score no file of the customer's reaches (`scoreBars`): the parameter and its value, on the file the
 *  decision reads or once `what` (the line restored, granted) is used, and the highest that file scores. */
export const scoreBarsText = (b: ScoreBars, what: string): string =>
  b.onceUsed
    ? `once ${what} is used (its credit counted used, as grantUsedFraction has it), the next review keeps it only at ${b.parameter} ${b.threshold}, and the highest score that file can read is ${b.best} — income, debt, repayments and time included`
    : `it needs ${b.parameter} ${b.threshold}, and the highest score the customer's file can read is ${b.best} — income, debt, repayments and time included`;

// The rules an application would be declined for, in words, each with its numbers and its step.

import { type LineId, lineName, REASONS, type ReasonInfo, type RuleFact } from "../../engine/index.js";
import { describeFact, describeProbedFact } from "./fact-text.js";
import { forLines, reasonForLines } from "./lines.js";
import { money } from "./money.js";
import { inSentence } from "./reason-words.js";

/** The rules an application would be declined for, each with its numbers and its step — several numbered,
 *  so that each step reads on its own (joined by "; and", four rules made one sentence of 1,500 characters).
 *  `probed`: an application played ahead, not one the customer made — an amount asked is said as the
 *  smallest increase probed (quoted as "asked", it named an amount the customer never asked for).
 *  `step`: a step the caller knows more of than the rule's advice (its own numbers), or undefined.
 *  `on`: the later day a probed application is judged on (its facts' balances are that day's). */
export const withSteps = (
  facts: readonly RuleFact[],
  lines: readonly LineId[],
  probed = false,
  step: (f: RuleFact) => string | undefined = () => undefined,
  on?: number,
): string =>
  facts
    .map((f, i) => {
      const numbers = probed ? describeProbedFact(f, on) : describeFact(f);
      const n = facts.length > 1 ? `(${i + 1}) ` : "";
      return `${n}${reasonForLines(inSentence(f.code), lines)}${numbers ? ` (${numbers})` : ""} — ${step(f) ?? stepOf(f, lines)}`;
    })
    .join("; ");

/** A rule's step: its advice — with the amount to repay where the fact has it (a balance too high for an
 *  increase: the least repayment, on the balance as it stands today, that brings it within the threshold);
 *  for a rule the larger line once used would fail (`onceUsed`), its advice for an application — an active
 *  line has no restoration threshold to raise the score to (an increase declined for the score Jiebei
 *  would read once a ¥5,100 Huabei line is used was told to "raise the score to the restoration
 *  threshold"). */
function stepOf(f: RuleFact, lines: readonly LineId[]): string {
  if (f.code === "UTILISATION_TOO_HIGH" && f.amount !== undefined && f.threshold !== undefined) {
    const line = f.line === undefined ? "the line's" : `${lineName(f.line)}'s`;
    return `repay at least ${money(f.amount)} of ${line} balance (as it stands today: interest accrues until then) to bring it to at most ${Number((Math.min(f.threshold, 1) * 100).toFixed(1))} % of its limit, then apply`;
  }
  const info: ReasonInfo = REASONS[f.code];
  return forLines(
    f.onceUsed !== undefined && info.onceUsed !== undefined ? info.onceUsed : info.advice,
    lines,
  );
}

// The answer customer service gives (`contact_support`): its reasons, the facts behind them and its steps —
// and how the steps' reasons and facts are cited in it.

import type { ReasonCode } from "../reasons.js";
import type { Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";

export interface SupportAnswer {
  reasons: ReasonCode[];
  /** the numbers behind the reasons that have them (a blocker's value against its parameter) */
  facts: RuleFact[];
  remedies: Remedy[];
}

/** Cites each of `codes` in the answer once, in the order given. */
export function cite(answer: SupportAnswer, codes: readonly ReasonCode[]): void {
  for (const code of codes) if (!answer.reasons.includes(code)) answer.reasons.push(code);
}

/** Adds the facts among `facts` that have numbers, each naming its line (`line`, unless it names one) when
 *  two lines are open (`both`): the answer is about the customer, and the same rule may hold on both. */
export function citeFacts(
  answer: SupportAnswer,
  facts: readonly RuleFact[],
  line: LineId,
  both: boolean,
): void {
  for (const f of facts)
    if (f.value !== undefined) answer.facts.push(both ? { ...f, line: f.line ?? line } : f);
}

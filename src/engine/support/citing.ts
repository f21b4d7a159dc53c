// The answer customer service gives (`contact_support`): its reasons, the facts behind them and its steps —
// and how the steps' reasons and facts are cited in it.

import type { ReasonCode } from "../reasons.js";
import type { Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";

export interface SupportAnswer {
  reasons: ReasonCode[];
  /** the numbers behind the reasons that have them (a blocker's value against its parameter) */
  facts: RuleFact[];
  remedies: Remedy[];
}

// What a line can do about the standard for keeping credit it fails (an active line before the review that
// would suspend it, a held line on verifying): verify, pay down debt, report an income, raise the score.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, rulesFor } from "../customer.js";
import type { Scored } from "../score-inputs.js";
import type { Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import { debtAdvice } from "./debt-advice.js";
import { reportIncome } from "./income-advice.js";
import { scoreWithLine } from "./restoring-score.js";
import { forReach, reachBy } from "./review-in-reach.js";
import { raiseScore } from "./score-advice.js";

/** What an active line can do about the standard it fails before the review suspends it (the facts of
 *  that suspension): verify, pay down debt, report an income that allows the smallest line, raise the
 *  score to what the review asks. A score below the past-due minimum is not among them: paying the
 *  overdue lifts that rule, and pay_overdue says so. The score step for the review on `review` (an active
 *  line's, the next) names what moves the score by then, each characteristic read at what it can be on
 *  that day (reachBy): the applications of last week are no step for a review next week — and none when
 *  time alone brings it there. */
export function standardRemedies(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  failures: readonly RuleFact[],
  remedies: Remedy[],
  review: number | null = null,
) {
  const rules = rulesFor(c.policy, line.id);
  // read ahead only for a score step: most warnings fail no score rule (Huabei's purchases are a step
  // while it is active, for either line's score)
  let reach: ReturnType<ReturnType<typeof reachBy>> | undefined;
  const score = (needed: number) => {
    const step = raiseScore(c, line, s, needed);
    if (review !== null)
      reach ??= reachBy(c, day, calendar)(review, c.huabei.status === "active" ? day : null);
    const told = reach === undefined ? step : forReach(step, reach);
    if (told !== null) remedies.push(told);
  };
  // an income too low for the smallest line, whether or not it is what the review cites first: the review
  // judges the line's cap only once it passes the rest (a debt ratio over the cap for want of any income
  // hides it), and an income that only meets the debt advice would leave the line suspended all the same
  const income = reportIncome(c, line, s);
  for (const f of failures) {
    switch (f.code) {
      case "IDENTITY_REQUIRED":
        remedies.push({ line: line.id, kind: "verify_identity" });
        break;
      case "DEBT_TO_INCOME_TOO_HIGH": {
        const debt = debtAdvice(c, line, rules.maxDebtToIncome, day, calendar, income, null);
        if (debt !== null) remedies.push(debt);
        break;
      }
      case "SCORE_BELOW_MINIMUM":
      case "SCORE_BELOW_LIMIT_BANDS":
        if (f.threshold !== undefined) score(f.threshold);
        break;
      // the score's band below the smallest line (a score rule: its threshold is the smallest line, not a
      // score): the score of the first band with a line, no lower than what the line must keep
      case "LIMIT_BELOW_MINIMUM": {
        const needed = scoreWithLine(c, line.id, Math.max(s.score, rules.minScore));
        if (Number.isFinite(needed)) score(needed);
        break;
      }
    }
  }
  if (income !== null) remedies.push(income);
}

// The income steps: the income the smallest line needs, the least income that restores a line (its debt
// ratio and its score), and whether an income asked for still waits for a coming report.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, rulesFor } from "../customer.js";
import { eligibilityFailures, managedCap } from "../eligibility.js";
import { applicationDebt } from "../grant.js";
import { capByRule, incomeForSmallestLine, noLineAt, smallestLine } from "../limits.js";
import { FEN_PER_YUAN, MAX_YUAN } from "../money.js";
import type { DueRecord } from "../record.js";
import { asNextReviewReads } from "../report-ahead.js";
import { debtCounted, incomeAllowing, type Scored } from "../score-inputs.js";
import { leastAbove } from "../search.js";
import type { Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { limitJudged } from "./caps-below.js";
import { withProfile } from "./read-ahead.js";
import { scoreRestores } from "./restoring-score.js";

/** Whether the income the answer asks for (`report_income`), reported, still leaves the debt ratio on the
 *  report on record over the line's cap: the debt advice counts on the coming report then (debtAdvice),
 *  which an early review before it does not read. */
export function incomeAwaitsReport(c: Customer, line: Line, remedies: readonly Remedy[]): boolean {
  const income = remedies.find((r) => r.line === line.id && r.kind === "report_income");
  if (income?.kind !== "report_income") return false;
  const asked = withProfile(c, { monthlyIncome: income.income });
  // as restoring reads it: the line at its smallest, used (applicationDebt)
  const debt = applicationDebt(asked, line, false);
  return eligibilityFailures(asked, rulesFor(c.policy, line.id), c.policy, [], debt).some(
    (f) => f.code === "DEBT_TO_INCOME_TOO_HIGH",
  );
}

/** The least monthly income (whole yuan) from `from` on that `kept` accepts (it accepts every income above
 *  one it accepts); null when none a file can state does. */
export function keptIncome(from: number, kept: (income: number) => boolean): number | null {
  if (kept(from)) return from;
  let lo = from;
  let hi = Math.max(1, from * 2);
  while (!kept(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_YUAN) return null;
  }
  return leastAbove(lo, hi, kept);
}

/** An income too low for the line (the income multiple's cap leaving no line at the limit it is judged
 *  at, limitJudged: an opening's smallest line, or a held line's own below it, which the review keeps and
 *  restores at while every cap holds it, so an income for it is all it needs; noLineAt): the income that
 *  allows it; null when the income's own cap does not (something else caps the line). A score below every
 *  band is judged at the lowest
 *  band, as line management judges it (`managedCap`): raising the score, its own step, still leaves no
 *  line to an income too low for one — and an income of nothing, whose debt ratio is what takes the score
 *  below the bands, needs the income the smallest line asks, not just any income that meets the ratio. */
export function reportIncome(c: Customer, line: Line, s: Scored): Remedy | null {
  const rules = rulesFor(c.policy, line.id);
  const smallest = smallestLine(rules);
  const at = limitJudged(line, rules);
  const cap = managedCap(c, line.id, s);
  // the income's own cap, whichever binds: another cap as low (named first on a tie) or lower leaves the
  // income's its own step beside that one's (withEveryCapBelow)
  if (cap === null || !noLineAt(cap, at)) return null;
  const own = capByRule("income", s.score, c.profile.monthlyIncome, rules, null);
  if (own === null || own >= at) return null;
  // no income the customer can report makes a line: the policy bars it (`wait_for_review.policyBars`)
  const income = incomeForSmallestLine(at / FEN_PER_YUAN, rules.maxLimitIncomeMultiple);
  if (income === null) return null;
  return {
    line: line.id,
    kind: "report_income",
    income,
    minLimit: smallest,
    ...(at < smallest ? { limit: at } : {}),
  };
}

/** The least monthly income (whole yuan) at which the review on `review` reads the debt ratio within the
 *  cap and the score restoring line `id` needs, with nothing repaid; null when no income does. */
export function incomeRestoring(
  c: Customer,
  dues: readonly DueRecord[],
  id: LineId,
  day: number,
  calendar: Calendar,
  review: number,
  extra: Fen,
): number | null {
  const read = asNextReviewReads(c, day, calendar);
  const max = rulesFor(c.policy, id).maxDebtToIncome;
  const from = incomeAllowing(debtCounted(read) + extra, max);
  if (from === null) return null;
  const met = (income: number) =>
    scoreRestores(withProfile(read, { monthlyIncome: income }), dues, id, review);
  if (met(from)) return from;
  // the score rises with the income (its own points, and the debt ratio's): double until it is enough
  let lo = from;
  let hi = Math.max(1, from * 2);
  while (!met(hi)) {
    lo = hi;
    hi *= 2;
    if (!Number.isSafeInteger(hi * 12 * 100)) return null;
  }
  return leastAbove(lo, hi, met);
}

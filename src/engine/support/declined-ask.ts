// A purchase, drawdown or application declined, customer service asked after it: the same request judged
// again on the day asked — its reasons and their facts, a drawdown over the instalment cap's with what would
// be lent instead (the same amount over more months, or up to an amount over the same term), true that day.
// An answer of score reasons alone left the customer with neither the decline nor its way forward.
//
// Only a decline of the last DECLINE_ASKED_DAYS is what a customer calling about "my declined purchase"
// (or application) means: one a month old and more is not named, whatever it would meet today.

import { authorise, decideApplication } from "../applications.js";
import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import { REASONS } from "../reasons.js";
import type { Scored } from "../score-inputs.js";
import { loanDueDays, monthEndAfter } from "../state.js";
import { applicationOn, askedAbout, tooManyApplications } from "./applying.js";
import { cite, citeFacts, type SupportAnswer } from "./citing.js";
import { openLine } from "./no-account.js";

/** Each line's latest declined purchase or drawdown (an active line), and its latest declined application —
 *  to raise the limit of an active line, or to open a line not opened — of the last DECLINE_ASKED_DAYS,
 *  judged again on `day`: still declined, its reasons and facts join the answer (a line not active says its
 *  own on record; a closed line's reopening is told with its way back). An application's reasons are its
 *  rules: the score's characteristics are ranked for the answer as a decision's are. */
export function declinedAsks(
  c: Customer,
  lines: readonly Line[],
  day: number,
  s: Scored,
  calendar: Calendar,
  answer: SupportAnswer,
): void {
  for (const line of [c.huabei, c.jiebei]) {
    // a line not opened is named in the answer beside the customer's open one
    const named = lines.length > 1 || !lines.includes(line);
    const ask = line.declinedAsk;
    if (ask !== null && line.status === "active" && askedAbout(ask.day, day)) {
      const loan = ask.term === null ? null : { term: ask.term, firstDue: loanDueDays(calendar, day, 1)[0]! };
      const v = authorise(c, line, ask.amount, day, monthEndAfter(calendar, day), loan);
      if (v.decision !== "approved") {
        cite(answer, v.reasons);
        citeFacts(answer, v.facts, line.id, named);
      }
    }
    const applied = line.declinedApplication;
    if (applied === null || !askedAbout(applied.day, day)) continue;
    if (applied.product === "increase" ? line.status !== "active" : line.status !== "none") continue;
    // as it would be decided if made again today: its own inquiry counted
    const v = decideApplication(c, line, day, applied.product, applied.amount, s, 1);
    if (v.decision !== "declined") continue;
    const rules = v.reasons.filter((code) => REASONS[code].kind !== "score");
    cite(answer, rules.length > 0 ? rules : v.reasons);
    citeFacts(answer, v.facts, line.id, named);
    // declined for the debt ratio: how much to repay, or the income — told only "pay down debt (here or
    // elsewhere) or report a higher income", a customer refused Jiebei at 1.09 against 1.00 had no amount.
    // Said as the opening judged today, every rule that declines it with its step
    // — the opening's own (no-account.ts): on the day the applications allow it, and no debt step when no
    // step can open the line
    // — and declined for no repayment record, the day the customer's own month ends bring it
    if (applied.product === "open") {
      const { step } = openLine(c, line, day, s, calendar);
      if (
        (v.reasons.includes("DEBT_TO_INCOME_TOO_HIGH") && step.debt !== undefined) ||
        (v.reasons.includes("REPAYMENT_RECORD_REQUIRED") && step.record !== undefined)
      )
        answer.remedies.push(step);
    }
    // declined for the applications of the last 30 days: the day they allow it, not "wait" alone — told
    // only "wait until older applications are over 30 days old", a customer with Huabei open whose Jiebei
    // opening was declined (5 vs 3) had no day to apply on
    if (v.reasons.includes("TOO_MANY_APPLICATIONS")) {
      const from = applicationOn(c, day, day, s).day;
      const fact = tooManyApplications(c, from);
      if (from > day && fact.value !== undefined && fact.threshold !== undefined)
        answer.remedies.push({
          line: line.id,
          kind: "applications_allow",
          product: applied.product,
          day: from,
          date: calendar.date(from),
          count: fact.value,
          max: fact.threshold,
        });
    }
  }
}

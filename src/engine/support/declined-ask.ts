// A purchase or drawdown declined, customer service asked after it: the same request judged again on the
// day asked — its reasons and their facts, a drawdown over the instalment cap's with what would be lent
// instead (the same amount over more months, or up to an amount over the same term), true that day. An
// answer of score reasons alone left the customer with neither the decline nor its way forward.

import { authorise } from "../applications.js";
import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import { loanDueDays, monthEndAfter } from "../state.js";
import { cite, citeFacts, type SupportAnswer } from "./citing.js";

/** Each active line's latest declined purchase or drawdown, judged again on `day`: still declined, its
 *  reasons and facts join the answer (a line not active says its own on record). */
export function declinedAsks(
  c: Customer,
  lines: readonly Line[],
  day: number,
  calendar: Calendar,
  answer: SupportAnswer,
): void {
  for (const line of lines) {
    const ask = line.declinedAsk;
    if (ask === null || line.status !== "active") continue;
    const loan = ask.term === null ? null : { term: ask.term, firstDue: loanDueDays(calendar, day, 1)[0]! };
    const v = authorise(c, line, ask.amount, day, monthEndAfter(calendar, day), loan);
    if (v.decision === "approved") continue;
    cite(answer, v.reasons);
    citeFacts(answer, v.facts, line.id, lines.length > 1);
  }
}

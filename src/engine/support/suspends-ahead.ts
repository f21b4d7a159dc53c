// A cut line that a review ahead suspends: its increase waits for the restoration, and the answer says that
// restoration as the customer will be told it once suspended — the same wait and conditions, read off the
// answer given the day after that review (as things stand until then), not worked out a second way.

import type { Calendar } from "../calendar.js";
import type { Customer } from "../customer.js";
import { openingOn } from "../report-ahead.js";
import type { Remedy } from "../types.js";
import type { SupportAnswer } from "./citing.js";
import { withOverduePaid } from "./read-ahead.js";

/** The steps of a suspended line's way back (suspended-line.ts): what restores it, the review that can, and
 *  the closure that comes unless one does. */
const RESTORING: readonly Remedy["kind"][] = [
  "verify_identity",
  "verify_suspends",
  "keep_clean_until",
  "report_income",
  "reduce_debt",
  "raise_score",
  "repay_in_full",
  "wait_for_inquiries",
  "wait_for_review",
  "closure_due",
  "unused_closure_due",
];

/** Each limit cut in `remedies` whose increase a review ahead refuses for the suspension it brings
 *  (`increase.suspends`): with the steps a customer asking the day after that review is told restore the
 *  line, and the increase as that answer names it — the day once restored, and what would decline it then.
 *  Told only "the account is suspended — ask customer service", Li Na asking on day 115 learnt nothing of
 *  what brings the line back, nor when. `answerOn`: customer service's answer (answer.ts, passed in: it
 *  calls this). */
export function restorationsAhead(
  c: Customer,
  day: number,
  calendar: Calendar,
  remedies: Remedy[],
  answerOn: (then: Customer, on: number) => SupportAnswer,
): void {
  for (const [i, r] of remedies.entries()) {
    if (r.kind !== "limit_cut" || r.increase.suspends === undefined) continue;
    const suspends = r.increase.suspends;
    // the day after: that day's events come before its review (as limit-cut.ts reads it, the overdue paid)
    const on = suspends.day + 1;
    const told = answerOn(openingOn(withOverduePaid(c, day), day, calendar, on), on).remedies.filter(
      (x) => x.line === r.line,
    );
    const steps = told.filter((x) => RESTORING.includes(x.kind));
    const then = told.find((x): x is Extract<Remedy, { kind: "limit_cut" }> => x.kind === "limit_cut");
    // (none when no review restores it, or the closure ahead is certain: the steps say so, and the
    // increase stays refused for the suspension)
    const { blocked, besides, ...increase } = r.increase;
    remedies[i] = {
      ...r,
      increase:
        then === undefined
          ? { ...r.increase, suspends: { ...suspends, steps } }
          : {
              ...increase,
              day: then.increase.day,
              date: then.increase.date,
              now: false,
              restored: true,
              suspends: { ...suspends, steps },
              ...(then.increase.blocked !== undefined && { blocked: then.increase.blocked }),
              ...(then.increase.besides !== undefined && { besides: then.increase.besides }),
              ...(then.increase.income !== undefined && { income: then.increase.income }),
              ...(then.increase.incomeCap !== undefined && { incomeCap: then.increase.incomeCap }),
            },
    };
  }
}

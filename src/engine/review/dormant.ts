// A line left unused: the days it has gone unused, and the review's closure of it.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, owed } from "../customer.js";
import { writeOffFact } from "../eligibility.js";
import type { Policy } from "../types.js";
import type { Verdict } from "../verdict.js";
import { cleanUntil } from "./blockers.js";

/**
 * The days an open line (active or suspended) has gone unused by `day` (since usedDay: its last purchase of
 * at least ¥10, cash loan or day with something owed, or its opening or reopening — not a restoration: the
 * days a suspension took are the customer's own), when the policy's `dormantCloseDays`
 * (0: never) have passed and nothing is owed on it; else null. As a card issuer may close an account
 * inactive for a while — no credit extended and no balance outstanding (docs/model/decisions/review.md) — never one owing.
 */
export function unusedDays(c: Customer, line: Line, day: number, calendar: Calendar | null): number | null {
  const days = c.policy.dormantCloseDays;
  if (days <= 0 || line.usedDay === null) return null;
  const unused = day - line.usedDay;
  // what is owed is summed last: nearly every line reviewed was used within the days
  if (unused < days || (line.status !== "active" && line.status !== "suspended") || owed(line) > 0)
    return null;
  // never sooner than dormantNoticeDays after its notice (dormantClosesFrom)
  return day < dormantClosesFrom(c, line, day, calendar) ? null : unused;
}

/** The first day an open line unused since its usedDay may be closed as unused: when its unused days reach
 *  dormantCloseDays, and dormantNoticeDays after its notice (dormantNoticeDay) — later when the notice is
 *  longer than the days that close the line, or came late, after a change of the terms, or anew after a
 *  review it named that kept the line open. No line is closed as unused sooner after its notice than the
 *  policy says: the rule the notice keeps. `day`: the day asked about (the notice given by then). */
function dormantClosesFrom(c: Customer, line: Line, day: number, calendar: Calendar | null): number {
  const closes = line.usedDay! + c.policy.dormantCloseDays;
  const notice = dormantNoticeDay(c, line, day, calendar);
  return notice === null ? closes : Math.max(closes, notice + c.policy.dormantNoticeDays);
}

/** The periodic review's closure of a line left unused (unusedDays): its own cause (`dormant` — no default,
 *  no credit failure, no change of policy) and code (DORMANT_ACCOUNT); null when the line is in use. An active line the
 *  review suspends for its standard is suspended first (keptStandard): that is what the customer must hear
 *  of; told anew the day after (dormantNoticeDay), a later review closes it as unused, suspended. */
export function dormantClosure(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar | null,
): Verdict | null {
  const unused = unusedDays(c, line, day, calendar);
  if (unused === null) return null;
  return {
    decision: "closed",
    cause: "dormant",
    reasons: ["DORMANT_ACCOUNT"],
    facts: [
      {
        code: "DORMANT_ACCOUNT",
        parameter: "dormantCloseDays",
        threshold: c.policy.dormantCloseDays,
        value: unused,
      },
    ],
  };
}

/** Whether a change of policy from `before` to `after` changes what an unused line's notice reads — the
 *  unused-line terms (dormantCloseDays, dormantNoticeDays) or the review's day of the month (the day a
 *  notice names): a `policy` event that does sets each line's unusedTermsDay (customer-events.ts), so
 *  policies of a lane for which a switch does and does not cannot share the state after it (lanes.ts). */
export function changesUnusedTerms(before: Policy, after: Policy): boolean {
  return (
    after.dormantCloseDays !== before.dormantCloseDays ||
    after.dormantNoticeDays !== before.dormantNoticeDays ||
    after.reviewDayOfMonth !== before.reviewDayOfMonth
  );
}

/** The day an open line unused since its usedDay is told the review will close it: when its unused days reach
 *  dormantCloseDays − dormantNoticeDays (at least one day after it was last used) — or, when a `policy`
 *  event changed those terms or the review's day of the month on or after that day (unusedTermsDay), the
 *  day after it: the notice under the policy before, if any, named another review or none; null when no notice is given (either parameter 0, a
 *  line never used). A use before then moves usedDay, and with it this day.
 *
 *  The notice given by `day`: a line still open after the review a notice named was kept open by it —
 *  an active line suspended for its standard there (keptStandard comes first: what the customer must hear
 *  of), a long suspension restored — and is told anew the day after that review, the review closing it its
 *  notice days on again, as after a change of the terms: told on day 90 that 15 May closes it, suspended
 *  that day for its income, it is told on 16 May that 15 June does (it was closed on 15 June, told only
 *  of 15 May). Without the scenario's `calendar` (a reader with none: the review bench's cases),
 *  the first notice alone. */
export function dormantNoticeDay(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar | null,
): number | null {
  const close = c.policy.dormantCloseDays;
  const notice = c.policy.dormantNoticeDays;
  if (close <= 0 || notice <= 0 || line.usedDay === null) return null;
  const due = line.usedDay + Math.max(1, close - notice);
  const changed = line.unusedTermsDay;
  let told = changed !== null && changed >= due ? changed + 1 : due;
  if (calendar === null) return told;
  const closes = line.usedDay + close;
  for (;;) {
    // the review this notice names (dormantNotice), passed before `day` with the line open: told anew
    const from = Math.max(closes, told + notice);
    if (from >= day) return told;
    const named = calendar.nextDayOfMonth(from - 1, c.policy.reviewDayOfMonth);
    if (named >= day) return told;
    told = named + 1;
  }
}

/** The dormant notice of `line` on `day` (dormantNoticeDay): an open line — active, or suspended (its idleness
 *  counts: unusedDays; `suspended`, it takes a purchase only once restored) — with nothing owed; the review
 *  that closes it is the first on or after the day its unused days reach dormantCloseDays. Null on any other
 *  day: the notice is given once (and once more after each review it named that kept the line open). So no line is closed as unused without it, suspended on its day or not. */
export function dormantNotice(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
): {
  closeDay: number;
  closeDate: string;
  unused: number;
  suspended: boolean;
  excluded: boolean;
  cleanUntil: number | null;
} | null {
  if (dormantNoticeDay(c, line, day, calendar) !== day) return null;
  const closeDay = dormantClosingReview(c, line, day, calendar);
  if (closeDay === null) return null;
  const suspended = line.status === "suspended";
  // "unless restored and used first" only when some review before the closure can restore the line:
  // suspended after a write-off on either line, none does, nor a verification (DEBT_WRITTEN_OFF); else
  // none can while its clean period runs — an early review restores it from the day that ends, the closing
  // review's own day at the latest (before its periodic review, then used). A hold alone ends with a
  // verification, any day. As customer service's certain closure reads it (closureAhead).
  const hold = line.cause === "security" && line.heldOver === null;
  const clean = suspended && !hold ? cleanUntil(c, line, line.heldOver?.cause ?? line.cause, day) : null;
  const late = clean !== null && clean > closeDay ? clean : null;
  return {
    closeDay,
    closeDate: calendar.date(closeDay),
    unused: day - line.usedDay!,
    suspended,
    excluded: suspended && (writeOffFact(c, line) !== null || late !== null),
    cleanUntil: suspended && writeOffFact(c, line) === null ? late : null,
  };
}

/** The periodic review that closes `line` as unused if nothing changes — no use, nothing owed: the first on
 *  or after the day dormantClosesFrom allows (the notice given by `day`); null for a line not open, owing
 *  something, never used, or under a policy that closes no unused line. A suspended line's too: at that
 *  review the closure comes before any restoration (periodicReview), unless its suspension's own time is up
 *  first. */
export function dormantClosingReview(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
): number | null {
  if (c.policy.dormantCloseDays <= 0 || line.usedDay === null) return null;
  if ((line.status !== "active" && line.status !== "suspended") || owed(line) > 0) return null;
  return calendar.nextDayOfMonth(dormantClosesFrom(c, line, day, calendar) - 1, c.policy.reviewDayOfMonth);
}

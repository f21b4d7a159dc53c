// A line left unused: the days it has gone unused, and the review's closure of it.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, owed } from "../customer.js";
import { writeOffFact } from "../eligibility.js";
import type { Verdict } from "../verdict.js";

/**
 * The days an open line (active or suspended) has gone unused by `day` (since usedDay: its last purchase of
 * at least ¥10, cash loan or day with something owed, or its opening or reopening — not a restoration: the
 * days a suspension took are the customer's own), when the policy's `dormantCloseDays`
 * (0: never) have passed and nothing is owed on it; else null. As a card issuer may close an account
 * inactive for a while — no credit extended and no balance outstanding (docs/model/decisions/review.md) — never one owing.
 */
export function unusedDays(c: Customer, line: Line, day: number): number | null {
  const days = c.policy.dormantCloseDays;
  if (days <= 0 || line.usedDay === null) return null;
  const unused = day - line.usedDay;
  // what is owed is summed last: nearly every line reviewed was used within the days
  if (unused < days || (line.status !== "active" && line.status !== "suspended") || owed(line) > 0)
    return null;
  // never sooner than dormantNoticeDays after its notice (dormantClosesFrom)
  return day < dormantClosesFrom(c, line) ? null : unused;
}

/** The first day an open line unused since its usedDay may be closed as unused: when its unused days reach
 *  dormantCloseDays, and dormantNoticeDays after its notice (dormantNoticeDay) — later when the notice is
 *  longer than the days that close the line, or came late, after a change of the terms. No line is closed
 *  as unused sooner after its notice than the policy says: the rule the notice keeps. */
function dormantClosesFrom(c: Customer, line: Line): number {
  const closes = line.usedDay! + c.policy.dormantCloseDays;
  const notice = dormantNoticeDay(c, line);
  return notice === null ? closes : Math.max(closes, notice + c.policy.dormantNoticeDays);
}

/** The periodic review's closure of a line left unused (unusedDays): its own cause (`dormant` — no default,
 *  no credit failure, no change of policy) and code (DORMANT_ACCOUNT); null when the line is in use. An active line the
 *  review suspends for its standard is suspended first (keptStandard): that is what the customer must hear
 *  of; the next review closes it as unused, suspended. */
export function dormantClosure(c: Customer, line: Line, day: number): Verdict | null {
  const unused = unusedDays(c, line, day);
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

/** The day an open line unused since its usedDay is told the review will close it: when its unused days reach
 *  dormantCloseDays − dormantNoticeDays (at least one day after it was last used) — or, when a `policy`
 *  event changed those terms or the review's day of the month on or after that day (unusedTermsDay), the
 *  day after it: the notice under the policy before, if any, named another review or none; null when no notice is given (either parameter 0, a
 *  line never used). A use before then moves usedDay, and with it this day. */
export function dormantNoticeDay(c: Customer, line: Line): number | null {
  const close = c.policy.dormantCloseDays;
  const notice = c.policy.dormantNoticeDays;
  if (close <= 0 || notice <= 0 || line.usedDay === null) return null;
  const due = line.usedDay + Math.max(1, close - notice);
  const changed = line.unusedTermsDay;
  return changed !== null && changed >= due ? changed + 1 : due;
}

/** The dormant notice of `line` on `day` (dormantNoticeDay): an open line — active, or suspended (its idleness
 *  counts: unusedDays; `suspended`, it takes a purchase only once restored) — with nothing owed; the review
 *  that closes it is the first on or after the day its unused days reach dormantCloseDays. Null on any other
 *  day: the notice is given once. So no line is closed as unused without it, suspended on its day or not. */
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
} | null {
  if (dormantNoticeDay(c, line) !== day) return null;
  const closeDay = dormantClosingReview(c, line, calendar);
  if (closeDay === null) return null;
  return {
    closeDay,
    closeDate: calendar.date(closeDay),
    unused: day - line.usedDay!,
    suspended: line.status === "suspended",
    // suspended after a write-off on either line: no review nor verification restores it (DEBT_WRITTEN_OFF),
    // so "unless restored and used first" is a way out there is not
    excluded: line.status === "suspended" && writeOffFact(c, line) !== null,
  };
}

/** The periodic review that closes `line` as unused if nothing changes — no use, nothing owed: the first on
 *  or after the day dormantClosesFrom allows (its notice given); null for a line not open, owing something,
 *  never used, or under a policy that closes no unused line. A suspended line's too: at that review the
 *  closure comes before any restoration (periodicReview), unless its suspension's own time is up first. */
export function dormantClosingReview(c: Customer, line: Line, calendar: Calendar): number | null {
  if (c.policy.dormantCloseDays <= 0 || line.usedDay === null) return null;
  if ((line.status !== "active" && line.status !== "suspended") || owed(line) > 0) return null;
  return calendar.nextDayOfMonth(dormantClosesFrom(c, line) - 1, c.policy.reviewDayOfMonth);
}

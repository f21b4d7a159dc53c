// A line left unused: the days it has gone unused, and the review's closure of it.

import { type Customer, type Line, owed } from "../customer.js";
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
  return unused;
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

// Jiebei's unused limit trimmed so that Huabei can be restored. A restoration of Huabei is judged on the
// file once its credit and Jiebei's unused credit are drawn (grant.ts usedInFull): where that headroom
// alone holds Huabei suspended — its score once used below what keeping it needs — the lender keeps the
// line in use and trims the unused one, within Jiebei's smallest line and never below what it owes. Held
// instead, the customer who cleared arrears sooner (Jiebei back at ¥36,000, never drawn) saw Huabei closed
// as suspended too long, where the twin who paid later, Jiebei cut to its band's ¥5,000, had Huabei back.

import { type Customer, customerWith, type Line, lineCopy, owed, rulesFor } from "../customer.js";
import { keptOnceUsed } from "../grant.js";
import { smallestLine } from "../limits.js";
import { FEN_PER_YUAN } from "../money.js";
import type { Fen } from "../types.js";
import type { Verdict } from "../verdict.js";

const HUNDRED = 100 * FEN_PER_YUAN;

/** The least Jiebei's limit is trimmed to: its smallest line, and no less than it owes or last reported
 *  owing (whole hundreds of yuan). */
function trimFloor(c: Customer): Fen {
  const j = c.jiebei;
  const owes = Math.max(owed(j), j.reportedBalance);
  return Math.max(smallestLine(rulesFor(c.policy, "jiebei")), Math.ceil(owes / HUNDRED) * HUNDRED);
}

/** `c` with Jiebei's limit at `limit` (a copy of the line; the rest shared). */
function withJiebeiAt(c: Customer, limit: Fen): Customer {
  const j = lineCopy(c.jiebei);
  j.limit = limit;
  return customerWith(c, { jiebei: j });
}

/** The file a suspended Huabei's restoration is judged on once Jiebei's unused limit is trimmed as far as it
 *  may be (trimFloor); null when there is nothing to trim (Jiebei not active, or at its floor already). */
export function trimmedFile(c: Customer): Customer | null {
  if (c.jiebei.status !== "active") return null;
  const floor = trimFloor(c);
  return floor < c.jiebei.limit ? withJiebeiAt(c, floor) : null;
}

/**
 * The periodic review's trim of an active Jiebei reviewed after the same review restored Huabei, where
 * Jiebei's unused limit, drawn, would take Huabei at the limit it came back at past what the next review
 * keeps (keptOnceUsed, as the restoration judged it): Jiebei cut to the
 * largest limit, whole hundreds of yuan, at which Huabei is kept — none when Huabei is kept at Jiebei's
 * limit, or not even at its floor. Null: no trim.
 */
export function trimmedForHuabei(c: Customer, line: Line, day: number): Verdict | null {
  const h = c.huabei;
  if (line.id !== "jiebei" || h.status !== "active") return null;
  const floor = trimFloor(c);
  if (floor >= line.limit) return null;
  const keeps = (limit: Fen) => {
    const f = withJiebeiAt(c, limit);
    return keptOnceUsed(f, f.huabei, h.limit, 0, day, 0, null, true).limit === h.limit;
  };
  if (keeps(line.limit) || !keeps(floor)) return null;
  let lo = floor / HUNDRED;
  let hi = Math.ceil(line.limit / HUNDRED) - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (keeps(mid * HUNDRED)) lo = mid;
    else hi = mid - 1;
  }
  const limit = lo * HUNDRED;
  return {
    decision: "limit_reduced",
    reasons: ["UNUSED_LIMIT_TRIMMED"],
    facts: [{ code: "UNUSED_LIMIT_TRIMMED", threshold: limit, value: line.limit }],
    limit,
  };
}

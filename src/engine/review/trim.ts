// Jiebei's unused limit trimmed so that Huabei can be restored, or restored higher. A restoration of Huabei
// is judged on the file once its credit and Jiebei's unused credit are drawn (grant.ts usedInFull): where
// that headroom alone holds Huabei suspended, or to a lower limit — its score once used below what keeping
// it needs — the lender sizes the line in use first and trims the unused one, within Jiebei's smallest line
// and never below what it owes. Held instead, the customer who cleared arrears sooner (Jiebei back at
// ¥36,000, never drawn) saw Huabei closed as suspended too long, where the twin who paid later, Jiebei cut
// to its band's ¥5,000, had Huabei back; held lower, Jiebei opened at ¥13,000 brought Huabei back at
// ¥1,200 where at ¥14,000 it came back whole at ¥6,000 (test/engine/trim-gap.test.ts).
//
// A Huabei restored lower while Jiebei was suspended (nothing then to trim) is completed by its give-back
// (giveBackTrim), Jiebei trimmed then: the same sizing, the line in use first, a review or more later.
//
// One decision, made by Huabei's restoration (restorationTrim): the limit Huabei comes back at and the one
// Jiebei is trimmed to, together. The restoration carries Jiebei's (`trims`); Jiebei's review that day
// applies it (trimmedTo) and customer service reads it off the review played ahead — neither judges the
// trim again, so the two lines cannot come to disagree about it.

import { type Customer, customerWith, type Line, lineCopy, owed, rulesFor } from "../customer.js";
import { keptOnceUsed } from "../grant.js";
import { smallestLine } from "../limits.js";
import { FEN_PER_YUAN } from "../money.js";
import type { Scored } from "../score-inputs.js";
import type { Fen } from "../types.js";
import type { RuleFact, Verdict } from "../verdict.js";
import { restorationFindings } from "./blockers.js";
import type { KeptOnceUsed } from "./kept-once-used.js";

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
 *  may be (trimFloor); null when there is nothing to trim (Jiebei not active, or at or under its floor — a
 *  line kept below a smallest line raised since it was granted: a trim never raises a limit). */
export function trimmedFile(c: Customer): Customer | null {
  if (c.jiebei.status !== "active") return null;
  const floor = trimFloor(c);
  return floor < c.jiebei.limit ? withJiebeiAt(c, floor) : null;
}

/** The restoration of a suspended Huabei that trimming Jiebei's unused limit lets through: the limit kept
 *  once used (`kept`, judged with Jiebei at its floor) and the limit Jiebei is trimmed to (`jiebei`). */
export interface RestorationTrim {
  kept: KeptOnceUsed;
  jiebei: Fen;
}

/**
 * The periodic review's trim for a suspended Huabei whose restoration the kept-once-used check alone holds,
 * whole or to a lower limit (`found`: its findings on the file as it is): Huabei judged with Jiebei's active
 * limit at its floor (trimFloor) — restored at the limit kept there, when that is more — and Jiebei trimmed
 * to the largest limit, whole hundreds of yuan, at which Huabei at that limit is kept once used
 * (keptOnceUsed, as a restoration is judged), never below the floor the restoration was judged at. Null: no
 * trim (another line, something else in the way, nothing to trim, or the trimmed file restores Huabei no
 * higher).
 */
export function restorationTrim(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  found: { blockers: RuleFact[]; kept: KeptOnceUsed | null },
): RestorationTrim | null {
  const held = found.kept;
  // held by the check (its facts: not kept at the limit line management leaves, or not at all)
  if (line.id !== "huabei" || held === null || held.facts.length === 0) return null;
  // nothing else in the way: the blockers are the check's own facts alone when it holds the line whole
  // (blockers.ts withKeptOnceUsed appends them to whatever else blocks), none when it holds it lower
  if (found.blockers.length !== (held.limit === null ? held.facts.length : 0)) return null;
  const file = trimmedFile(c);
  if (file === null) return null;
  const trimmed = restorationFindings(file, line, day, s, line.cause, null);
  const limit = trimmed.kept?.limit;
  if (trimmed.blockers.length > 0 || limit === null || limit === undefined) return null;
  // trimmed only for a higher limit: Jiebei's headroom is what held Huabei lower
  if (held.limit !== null && limit <= held.limit) return null;
  return { kept: trimmed.kept!, jiebei: jiebeiKeeping(c, limit, file.jiebei.limit, day) };
}

/** The largest limit, whole hundreds of yuan, below Jiebei's own and no less than `floor` (the trimmed
 *  file's, at which Huabei at `limit` was judged kept), at which Huabei at `limit` is kept once used
 *  (keptOnceUsed, as a restoration is judged) — a search over whole hundreds: a larger limit drawn is more
 *  debt and a score no higher. */
function jiebeiKeeping(c: Customer, limit: Fen, floor: Fen, day: number): Fen {
  const keeps = (j: Fen) => {
    const f = withJiebeiAt(c, j);
    return keptOnceUsed(f, f.huabei, limit, 0, day, 0, null, true).limit === limit;
  };
  let lo = floor / HUNDRED;
  let hi = Math.ceil(c.jiebei.limit / HUNDRED) - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (keeps(mid * HUNDRED)) lo = mid;
    else hi = mid - 1;
  }
  return lo * HUNDRED;
}

/**
 * The periodic review's trim for an active Huabei whose give-back of a cut the kept-once-used check made
 * (LIMIT_KEPT_ONCE_USED among the cut's causes: a restoration held lower) that check holds, whole or to
 * less (`kept`: the limit it gives back on the file as it is, null none), up to `upper` (what line
 * management leaves the limit before the cut): the restoration completed as restorationTrim sizes one —
 * Huabei judged with Jiebei's active limit at its floor, given back to the limit kept there when that is
 * more, and Jiebei trimmed to the largest limit keeping it. Restored lower while Jiebei was suspended (its
 * headroom counted nowhere), Huabei had stayed at ¥500 for good once Jiebei's restoration took the credit
 * ahead of it: on ¥9,250 a month ¥500 beside Jiebei's ¥16,700, where on ¥9,000 ¥6,000 beside ¥10,600
 * (test/engine/trim-gap.test.ts). Null: no trim.
 */
export function giveBackTrim(
  c: Customer,
  line: Line,
  upper: Fen,
  kept: Fen | null,
  day: number,
): RestorationTrim | null {
  if (line.id !== "huabei" || !(line.cut?.causes.includes("LIMIT_KEPT_ONCE_USED") ?? false)) return null;
  const file = trimmedFile(c);
  if (file === null) return null;
  const held = Math.max(kept ?? 0, line.limit);
  const trimmed = keptOnceUsed(file, file.huabei, upper, held, day, 0, null, true);
  if (trimmed.limit === null || trimmed.limit <= held) return null;
  return {
    kept: { limit: trimmed.limit, cut: null, facts: [] },
    jiebei: jiebeiKeeping(c, trimmed.limit, file.jiebei.limit, day),
  };
}

/** Jiebei's review the day Huabei's restoration decided its trim (RestorationTrim's `jiebei`, carried on
 *  that restoration as `trims`): the cut to that limit, UNUSED_LIMIT_TRIMMED (its fact the limit kept and
 *  the one before). Null: another line, or nothing to cut. */
export function trimmedTo(line: Line, limit: Fen | null): Verdict | null {
  if (limit === null || line.id !== "jiebei" || limit >= line.limit) return null;
  return {
    decision: "limit_reduced",
    reasons: ["UNUSED_LIMIT_TRIMMED"],
    facts: [{ code: "UNUSED_LIMIT_TRIMMED", threshold: limit, value: line.limit }],
    limit,
  };
}

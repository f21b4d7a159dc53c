// A limit given back: a line cut at a restoration or a review for a constraint that no longer binds has
// its limit given back by a later periodic review, up to the limit before the cut.

import { type Customer, customerOverdue, type Line, lastCured, lastMissed, lineCopy } from "../customer.js";
import { keptOnceUsed } from "../grant.js";
import type { Scored, ScoredFile } from "../score-inputs.js";
import { lineManagement } from "../standard.js";
import type { Verdict } from "../verdict.js";
import { giveBackTrim } from "./trim.js";

/**
 * The periodic review's give-back (an assumption of the model, docs/model/decisions/review.md): a lender
 * that cut a line's limit only for a constraint of the day — the income, the debt ratio, the limit the next
 * review keeps once used, a thin file's cap — gives it back at a later periodic review once the constraint
 * no longer binds, up to the limit before the cut (the first of such cuts since the way back: the cut on
 * record's `givesBack`), never above it. Not a cut to the score's band (SCORE_BELOW_LIMIT_BAND): that is the
 * customer's own worsening, and the way back from it is an increase asked for (noteCut forgets the limit);
 * where the band cut too, less than the constraint binding, no more than the band's cap (bandHolds).
 * Never while anything blocks an increase: an amount past due on either line, a due date missed or cured
 * within `increaseCleanDays`, the cut, a limit given back in part or a restoration from a suspension for
 * credit within `increaseCooldownDays` (a lender does not raise a line it has just cut, raised or restored); the line active and kept to the standard (the review found no suspension, closure or cut
 * first). The limit given back is what line management leaves the limit before the cut, held to the
 * largest the next review keeps once used (as a restoration's is) — whole hundreds of yuan above the limit
 * held, or nothing. Null: nothing to give back.
 */
export function givenBack(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  today: ScoredFile | null = null,
): Verdict | null {
  const cut = line.cut;
  const back = cut?.givesBack ?? null;
  if (line.status !== "active" || cut === null || back === null || back <= line.limit) return null;
  const cleared = [...cut.causes];
  const p = c.policy;
  if (day - raisedOrCut(line, cut) < p.increaseCooldownDays) return null;
  if (day - Math.max(lastMissed(c), lastCured(c)) < p.increaseCleanDays) return null;
  if (customerOverdue(c) > 0) return null;
  const before = lineCopy(line);
  before.limit = back;
  const managed = lineManagement(c, before, s);
  const upper = managed?.decision === "limit_reduced" ? managed.limit : back;
  if (upper <= line.limit) return null;
  const kept = keptOnceUsed(c, line, upper, line.limit, day, 0, today, true);
  // held by Jiebei's unused limit counted drawn, a restoration held lower completed with it trimmed
  const trim = kept.limit === upper ? null : giveBackTrim(c, line, upper, kept.limit, day);
  const limit = trim?.kept.limit ?? kept.limit;
  if (limit === null || limit <= line.limit) return null;
  return {
    decision: "limit_restored",
    reasons: ["LIMIT_GIVEN_BACK"],
    facts: [{ code: "LIMIT_GIVEN_BACK", threshold: back, value: limit, from: line.limit, cleared }],
    limit,
    ...(trim === null ? {} : { trims: trim.jiebei }),
  };
}

type LimitCut = NonNullable<Line["cut"]>;

/** The day the cooldown before a give-back runs from: the cut, a limit given back in part since (the last
 *  raise by a review: an increase to what it gives back or a reopening would have ended the cut), or a
 *  restoration from a suspension for credit since — a give-back is a raise, seasoned as an increase is
 *  (applications.ts cooldownSince). Not an increase granted to less since: what the review gives back is
 *  what the lender took, not new credit, and counted from the increase, asking for ¥2,000 more on the
 *  morning of the review that was to give a ¥6,000 cut back left the customer ¥4,000 short for 91 days
 *  (docs/model/decisions/review.md). */
export const raisedOrCut = (line: Line, cut: LimitCut): number =>
  Math.max(
    cut.day,
    cut.raised?.by === "review" ? cut.raised.day : Number.NEGATIVE_INFINITY,
    line.restoredDay ?? Number.NEGATIVE_INFINITY,
  );

// The trim of Jiebei's unused limit that the review restoring Huabei makes (review/trim.ts), read ahead:
// customer service that asked the score the untrimmed file needs (751 to 790) was wrong, since that review
// restores Huabei without it. Only the periodic review trims: an early review the customer asks for gives
// back the line asked for and decides nothing else unasked, so it judges the file as it is.

import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import { reviewedOn, reviewOutcome } from "../report-ahead.js";
import { trimmedFile } from "../review.js";
import type { Fen } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";

/** Jiebei's limit before and after the trim that lets the periodic review on `review` restore Huabei. */
export interface TrimAhead {
  from: Fen;
  to: Fen;
}

/** The trim the periodic review on `review` makes of Jiebei's unused limit as it restores Huabei, played
 *  ahead as things stand (reviewedOn: each bill met at its minimum, nothing more spent) — null when that
 *  review restores no Huabei so, or when only the kept-once-used check could have held it (`blockers`:
 *  what the answer read in the way) and Jiebei has nothing to trim. */
export function trimAhead(
  c: Customer,
  day: number,
  calendar: Calendar,
  review: number,
  blockers: readonly RuleFact[],
): TrimAhead | null {
  if (c.huabei.status !== "suspended" || trimmedFile(c) === null) return null;
  if (!blockers.some((f) => f.code === "LIMIT_KEPT_ONCE_USED")) return null;
  const after = reviewedOn(c, day, calendar, review);
  const trim = after.jiebei.cut?.day === review ? after.jiebei.cut.facts[0] : undefined;
  if (after.huabei.status !== "active" || trim?.code !== "UNUSED_LIMIT_TRIMMED") return null;
  return { from: trim.value ?? c.jiebei.limit, to: after.jiebei.limit };
}

/** The cut of the customer's other line that `line`, once the periodic review on `review` restores it, makes
 *  when used, played ahead as things stand: the restoration's own OTHER_LINE_CUT_ONCE_USED, as that review
 *  decides it — that line, its limit and the one the cut takes it to; null when that review restores no
 *  line so, or names no cut. */
export function otherCutAhead(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  review: number,
): { line: LineId; from: Fen; to: Fen } | null {
  const { steps } = reviewOutcome(c, day, calendar, review);
  const restored = steps.find((o) => o.line === line.id && o.verdict?.decision === "restored");
  const f = restored?.verdict?.facts.find((x) => x.code === "OTHER_LINE_CUT_ONCE_USED");
  if (f?.line === undefined || f.value === undefined || f.threshold === undefined) return null;
  return { line: f.line, from: f.value, to: f.threshold };
}

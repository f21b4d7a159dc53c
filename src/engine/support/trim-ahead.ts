// The trim of Jiebei's unused limit that the review restoring Huabei makes (review/trim.ts), read ahead:
// customer service that asked the score the untrimmed file needs (751 to 790) was wrong, since that review
// restores Huabei without it. Only the periodic review trims: an early review the customer asks for gives
// back the line asked for and decides nothing else unasked, so it judges the file as it is.

import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import { reviewOutcome } from "../report-ahead.js";
import type { Fen, Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";

/** Jiebei's limit before and after the trim that lets the periodic review on `review` restore Huabei. */
export interface TrimAhead {
  from: Fen;
  to: Fen;
}

/** The trim the periodic review on `review` makes of Jiebei's unused limit as it restores Huabei, played
 *  ahead as things stand (trimmedAhead) for an answer that reads the kept-once-used check holding Huabei
 *  whole (`blockers`: what it read in the way) — null when nothing but that check could have held it. */
export function trimAhead(
  c: Customer,
  day: number,
  calendar: Calendar,
  review: number,
  blockers: readonly RuleFact[],
): TrimAhead | null {
  return blockers.some((f) => f.code === "LIMIT_KEPT_ONCE_USED")
    ? trimmedAhead(c, day, calendar, review)
    : null;
}

/** The trim the periodic review on `review` makes of Jiebei's unused limit as it restores Huabei, whole or
 *  higher than Jiebei's limit as it is would let it (review/trim.ts), played ahead as things stand
 *  (reviewOutcome: each bill met at its minimum, nothing more spent) — that review's own Jiebei decision,
 *  UNUSED_LIMIT_TRIMMED, read off its steps; null when it makes none. Not played ahead where that review
 *  cannot trim: Huabei not suspended or Jiebei not active today (as things stand only a review changes
 *  either). */
export function trimmedAhead(c: Customer, day: number, calendar: Calendar, review: number): TrimAhead | null {
  if (c.huabei.status !== "suspended" || c.jiebei.status !== "active") return null;
  const { steps } = reviewOutcome(c, day, calendar, review);
  const jiebei = steps.find((o) => o.line === "jiebei" && o.verdict?.decision === "limit_reduced")?.verdict;
  const f = jiebei?.facts[0];
  if (f?.code !== "UNUSED_LIMIT_TRIMMED" || f.threshold === undefined) return null;
  return { from: f.value ?? c.jiebei.limit, to: f.threshold };
}

/** Jiebei's trim by the review on `review` said as a cut ahead (review_cuts, UNUSED_LIMIT_TRIMMED) — in place
 *  of another cut of Jiebei said of that review (line management's, review-ahead.ts): the review makes one
 *  Jiebei decision, the lower, and the trim is read off it. Both were said, 'cuts the limit from ¥36,000.00
 *  to ¥30,000.00' beside 'trims it to ¥3,400.00'. */
export function sayTrim(remedies: Remedy[], review: number, calendar: Calendar, trim: TrimAhead): void {
  const other = remedies.findIndex(
    (r) => r.line === "jiebei" && r.kind === "review_cuts" && r.day === review,
  );
  if (other >= 0) remedies.splice(other, 1);
  remedies.push({
    line: "jiebei",
    kind: "review_cuts",
    day: review,
    date: calendar.date(review),
    from: trim.from,
    to: trim.to,
    reasons: ["UNUSED_LIMIT_TRIMMED"],
  });
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

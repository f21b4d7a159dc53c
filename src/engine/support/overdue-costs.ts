// What leaving an overdue unpaid costs besides the check it meets, said on the pay step: a limit the next
// review cuts for it (or cuts more), the review that suspends for it, and the instalments a closing review
// calls in while it is unpaid — with what comes after.

import type { Calendar } from "../calendar.js";
import { type Customer, daysPastDue, isOpen, type Line, lineOf } from "../customer.js";
import { asNextReviewReads, callsInAhead, chargeOffCallsIn, duesAhead, reviewedOn } from "../report-ahead.js";
import { periodicReview } from "../review.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import type { Fen, OverdueCut, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { withDues, withOverduePaid } from "./read-ahead.js";
import { nextDeadline } from "./reminders.js";
import type { NextReview } from "./review-ahead.js";

/** A limit the next review cuts for the overdue — the score it reads — which paid today it would not, or
 *  would cut less (the score paying brings still in a lower band): a line's limit, suspended or not, is
 *  what leaving it unpaid costs first (line management reaches suspended lines too). */
export function overdueCuts(
  c: Customer,
  lines: readonly Line[],
  day: number,
  calendar: Calendar,
  review: NextReview,
): OverdueCut[] {
  const { day: next, anyActive, read, dues, atReview, paid } = review;
  const cuts: OverdueCut[] = [];
  if (paid === null) return cuts;
  const whole = read !== c ? read : asNextReviewReads(c, day, calendar);
  const wholeDues = anyActive ? dues : duesAhead(c, day, calendar, next);
  // atReview read the due dates before the review only beside an active line: with none, read here
  const wholeScored =
    whole === read && dues === wholeDues ? atReview : scoreOn(withDues(whole, wholeDues), next);
  for (const line of lines) {
    if (!isOpen(line)) continue;
    const to = limitAfterReview(whole, line.id, next, wholeScored, calendar);
    if (to === null) continue;
    // paid, the review read whole, Huabei's first: a restoration of Huabei there counts it used in the
    // standard Jiebei, restored beside it, is kept to (PROPERTY_SEED=77: Jiebei restored at ¥2,900, not
    // kept at ¥5,001, Huabei restored first) — one line's review alone misses it (a review today: alone)
    const kept =
      next > day
        ? limitReviewLeaves(withOverduePaid(c, day), line, day, calendar, next)
        : limitAfterReview(paid.read, line.id, next, paid.s, calendar);
    if (kept === null) cuts.push({ line: line.id, from: line.limit, to });
    else if (kept > to) cuts.push({ line: line.id, from: line.limit, to, paid: kept });
  }
  return cuts;
}

/** The limit the periodic review on `day` leaves line `id` at, as `read` stands — a cut, alone or with a
 *  suspension or a restoration (the overdue paid, a review may restore the line at a lower limit) — or
 *  null when it cuts none. `s` may be another file's (the due dates before the review read in). */
function limitAfterReview(
  read: Customer,
  id: LineId,
  day: number,
  s: Scored,
  calendar: Calendar,
): Fen | null {
  const line = lineOf(read, id);
  const v = periodicReview(read, line, day, s, false, false, calendar);
  const cuts = v.decision === "limit_reduced" || v.decision === "suspended" || v.decision === "restored";
  return cuts && v.limit !== undefined && v.limit < line.limit ? v.limit : null;
}

/** The limit the periodic review on `review` (after `day`) leaves `line` at, the customer doing nothing
 *  more than meet each bill and instalment at its minimum (reviewedOn: both lines reviewed, Huabei first)
 *  — or null when it cuts none. */
function limitReviewLeaves(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  review: number,
): Fen | null {
  const after = lineOf(reviewedOn(c, day, calendar, review), line.id);
  return isOpen(after) && after.limit < line.limit ? after.limit : null;
}

/** The pay steps (`remedies`' pay_overdue) with the whole of what leaving the overdue unpaid brings: the
 *  instalments the review that closes a line calls in while it is unpaid (a default to the lender, on either
 *  line) that it would leave to run to term were the overdue paid today — the closing review, the next one
 *  or a later one, as the answer names it (closure_due), each line's when the two close at different
 *  reviews — and the review the pay step names: the next, when it suspends (`forOverdue`) or cuts (`cuts`)
 *  for the overdue; else the closing one, unless an end-of-day check acts before it (the pay step names
 *  that, the closure after it). */
export function whatUnpaidBrings(
  c: Customer,
  lines: readonly Line[],
  day: number,
  calendar: Calendar,
  review: NextReview,
  forOverdue: LineId[],
  cuts: OverdueCut[],
  remedies: Remedy[],
): void {
  const { day: next, deadlineFirst } = review;
  const [calledIn = null, later = null] = callsInAhead(c, day, calendar);
  const closing = calledIn?.review ?? next;
  const callsIn = {
    ...(calledIn !== null
      ? { callsIn: { day: closing, date: calendar.date(closing), lines: calledIn.lines } }
      : {}),
    ...(later !== null
      ? { callsInLater: { day: later.review, date: calendar.date(later.review), lines: later.lines } }
      : {}),
  };
  const atNext = forOverdue.length > 0 || cuts.length > 0;
  const checkFirst =
    closing === next
      ? deadlineFirst
      : lines.some((l) => {
          const d = nextDeadline(c, l, day);
          return d !== null && d.day <= closing;
        });
  const named = atNext ? next : calledIn !== null && !checkFirst ? closing : null;
  if (calledIn !== null && named === null) withClosures(c, day, calendar, callsIn, remedies);
  if (named !== null) byReview(lines, day, calendar, named, closing, forOverdue, cuts, callsIn, remedies);
}

type CallsIn = Pick<Extract<Remedy, { kind: "pay_overdue" }>, "callsIn" | "callsInLater">;

/** Each pay step with the closures after the suspension it names, and the write-off they come before or
 *  after: the whole of what leaving it unpaid brings, as when the pay step names a review. */
function withClosures(
  c: Customer,
  day: number,
  calendar: Calendar,
  callsIn: CallsIn,
  remedies: Remedy[],
): void {
  for (const [i, r] of remedies.entries()) {
    if (r.kind !== "pay_overdue") continue;
    const line = lineOf(c, r.line);
    const suspends = r.today === "suspension" || r.by?.what === "suspension";
    const chargeOff = day + Math.max(0, c.policy.chargeOffDays - daysPastDue(line, day));
    const written =
      suspends && line.status !== "charged_off"
        ? chargeOffCallsIn(c, line.id, day, calendar, chargeOff)
        : null;
    remedies[i] = {
      ...r,
      ...(suspends && line.status !== "charged_off"
        ? { afterwards: { day: chargeOff, date: calendar.date(chargeOff), what: "charge_off" as const } }
        : {}),
      ...(written !== null ? { chargeOffCallsIn: written } : {}),
      ...callsIn,
    };
  }
}

/** Each pay step naming the review `named` as what leaving it unpaid brings first (today's said as today's,
 *  unless a later one closes the line), with what that review does and what comes after it. */
function byReview(
  lines: readonly Line[],
  day: number,
  calendar: Calendar,
  named: number,
  closing: number,
  forOverdue: LineId[],
  cuts: OverdueCut[],
  callsIn: CallsIn,
  remedies: Remedy[],
): void {
  for (const [i, r] of remedies.entries()) {
    if (r.kind !== "pay_overdue") continue;
    const { by: later, today: _none, forCredit, ...rest } = r;
    // what comes after the review if it is still unpaid, unless the review's suspension is that already
    const stillActive = lines.some((l) => l.status === "active" && !forOverdue.includes(l.id));
    const after =
      later !== undefined && later.what !== "review" && (later.what === "charge_off" || stillActive)
        ? { afterwards: { day: later.day, date: later.date, what: later.what } }
        : {};
    const consequences = {
      ...(forOverdue.length > 0 ? { suspends: forOverdue } : {}),
      ...(cuts.length > 0 ? { cuts } : {}),
      ...after,
      ...(forCredit && after.afterwards?.what === "suspension" ? { forCredit } : {}),
      ...callsIn,
    };
    remedies[i] =
      named === day && closing === day
        ? { ...rest, today: "review", ...consequences }
        : { ...rest, by: { day: named, date: calendar.date(named), what: "review" }, ...consequences };
  }
}

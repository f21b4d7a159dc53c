// What a closure in a default or a charge-off calls in while an overdue stays unpaid, and the review that
// closes a suspended line.

import { repayLine } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import {
  type Customer,
  customerOverdue,
  type Line,
  lineCopy,
  lineOf,
  overdue,
  runsToTerm,
} from "../customer.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import * as revolving from "../revolving.js";
import { dayCloses, dayOpens } from "../scheduled.js";
import { type EngineState, reviewOnOrAfter } from "../state.js";
import type { CalledIn, OverdueCallIn } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { forkState, ignore, stateOf } from "./copy.js";
import { calledInDays, dated, fallingDue } from "./falling-due.js";
import { meetDue } from "./run.js";

/**
 * The lines each periodic review that closes a line — the first at which a line suspended will have been
 * suspended long enough, on or after `day`, not necessarily the next — closes in a default while every
 * overdue stays unpaid — its closure then calls in the instalments a closure in no default leaves to run to
 * term (Jiebei's loans, Huabei's instalment plans; a cross-default when the overdue is the other line's) —
 * and which, with every overdue and every minimum now due repaid today and each bill and instalment falling
 * due after today met at its minimum, it would not: closed, they would run to term; restored or still
 * suspended, nothing is called in. A line suspended today, or an active one the overdue left unpaid will
 * suspend (the overdue check, or a review finding it past due), from the day it is suspended. Each such
 * review — the two lines' own, when they close at different ones — earliest first, and for each line it
 * closes what then falls due first of what it calls in, and when, as a customer who does nothing more has
 * it. Empty when nothing is overdue or no line closes so.
 */
export function callsInAhead(
  c: Customer,
  day: number,
  calendar: Calendar,
): { review: number; lines: OverdueCallIn[] }[] {
  if (customerOverdue(c) === 0) return [];
  const p = c.policy;
  // a review closes only a line suspended long enough by then, with instalments not yet due to call in
  const closes = new Map<LineId, number>();
  const ahead = [c.huabei, c.jiebei].filter((l) => instalmentsAhead(l, day, p)).map((l) => l.id);
  for (const l of suspendedUnpaid(c, day, calendar, ahead))
    closes.set(l.id, closingReview(l, day, calendar, p));
  const reviews = [...new Set(closes.values())].sort((a, b) => a - b);
  const out: { review: number; lines: OverdueCallIn[] }[] = [];
  for (const review of reviews) {
    const closing = [c.huabei, c.jiebei].filter((l) => closes.get(l.id) === review);
    const lines = closedAt(c, day, calendar, review, closing);
    if (lines.length > 0) out.push({ review, lines });
  }
  return out;
}

/** The customer's lines among `ids` that are suspended — today, or, for an active line, on the day the
 *  overdue left unpaid suspends it (as a customer who repays nothing more has it: the overdue check at its
 *  threshold, or a review finding it past due) — each as it stands that day (its `statusDay` the
 *  suspension's); the days run until each active line is suspended, or is no longer open, or the
 *  write-off of the overdue. */
function suspendedUnpaid(c: Customer, day: number, calendar: Calendar, ids: readonly LineId[]): Line[] {
  const lines = [c.huabei, c.jiebei].filter((l) => ids.includes(l.id));
  const out = lines.filter((l) => l.status === "suspended" && l.statusDay !== null);
  const waiting = new Set(lines.filter((l) => l.status === "active").map((l) => l.id));
  if (waiting.size === 0) return out;
  const s = stateOf(c, day, calendar);
  const until = day + c.policy.chargeOffDays;
  for (let d = day; d <= until && waiting.size > 0; d++) {
    if (d > day) dayOpens(s, d, ignore);
    dayCloses(s, ignore);
    for (const id of [...waiting]) {
      const l = lineOf(s.customer, id);
      if (l.status === "active") continue;
      waiting.delete(id);
      // a copy as a literal (lineCopy), not a spread: one hidden class for every line a rule reads
      if (l.status === "suspended" && l.statusDay !== null) out.push(lineCopy(l));
    }
  }
  return out;
}

/** What the periodic review on `review` calls in on the lines among `closing` it closes in a default while
 *  every overdue stays unpaid, and would not were they paid today (callsInAhead). */
function closedAt(
  c: Customer,
  day: number,
  calendar: Calendar,
  review: number,
  closing: readonly Line[],
): OverdueCallIn[] {
  const p = c.policy;
  const closedInDefault = (l: Line) => l.status === "closed" && l.statusDay === review && !runsToTerm(l);
  const unpaid = throughReview(c, day, calendar, review, false);
  const called = closing.filter((l) => closedInDefault(lineOf(unpaid.customer, l.id)));
  if (called.length === 0) return [];
  const paid = throughReview(c, day, calendar, review, true);
  const out: OverdueCallIn[] = [];
  for (const l of called) {
    if (closedInDefault(lineOf(paid.customer, l.id))) continue;
    const due = calledInDays(lineOf(unpaid.customer, l.id), review + 1, calendar, p);
    if (due === null) continue;
    // what falls due then: the days up to it run on copies (a charge-off on the way stops the interest)
    const amount = fallingDue(forkState(unpaid), l.id, due.day);
    // …only when it asks more than falls due that day were it paid (a loan whose next instalment is its
    // last anyway, a plan's last instalment billed for it, calls nothing in)
    if (fallingDue(forkState(paid), l.id, due.day) >= amount) continue;
    out.push({ line: l.id, ...dated(calendar, due.day, amount, due.lastDay) });
  }
  return out;
}

/**
 * What becomes of a running loan (Jiebei's loans, Huabei's instalment plans) on line `id` when the periodic
 * review on `review` closes it — the closure customer service announces (closure_due) — for a customer who
 * pays every overdue and every minimum now due today and meets each bill and instalment falling due after
 * today at its minimum, as the steps ask: `calledIn` when that closure answers a default (a write-off on
 * either line, an overdue left on either), all of it falling due at once — what then falls due first, and
 * when, and the last day any of it does — or, when it leaves them to run to term, the next instalment and
 * the last (`toTerm`). A line that customer has restored by then, or closes to term with nothing paid, is
 * read with nothing paid (the overdue left unpaid keeps it suspended to the review) — only when that
 * closure leaves the instalments to term: one in default only while the overdue is unpaid is what the pay
 * step says (callsInAhead). Null when the line has no instalments still to come, or is not closed then.
 */
export function closureCallsIn(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  review: number,
): { calledIn: CalledIn } | { toTerm: CalledIn } | null {
  if (!instalmentsAhead(lineOf(c, id), day, c.policy)) return null;
  const closedThen = (s: EngineState) => {
    const l = lineOf(s.customer, id);
    return l.status === "closed" && l.statusDay === review ? l : null;
  };
  const paid = throughReview(c, day, calendar, review, true);
  let s = paid;
  let closed = closedThen(paid);
  if (closed === null && customerOverdue(c) > 0) {
    s = throughReview(c, day, calendar, review, false);
    closed = closedThen(s);
    if (closed !== null && !runsToTerm(closed)) return null;
  }
  if (closed === null) return null;
  const due = calledInDays(closed, review + 1, calendar, c.policy);
  if (due === null) return null;
  const amount = fallingDue(forkState(s), id, due.day);
  if (amount <= 0) return null;
  const at = dated(calendar, due.day, amount, due.lastDay);
  return runsToTerm(closed) ? { toTerm: at } : { calledIn: at };
}

/** The periodic review, on or after `day`, that closes suspended line `l` unless a review restores it
 *  first: the first by which it has been suspended `closeAfterSuspendedDays`. */
export function closingReview(l: Line, day: number, calendar: Calendar, p: Customer["policy"]): number {
  const next = reviewOnOrAfter(calendar, day, p);
  if (l.statusDay === null) return next;
  return Math.max(
    next,
    calendar.nextDayOfMonth(l.statusDay + p.closeAfterSuspendedDays - 1, p.reviewDayOfMonth),
  );
}

/**
 * What the end-of-day check on `chargeOff` (after or on `day`) calls in, charging line `id` off while its
 * overdue stays unpaid — the instalments not yet due that, paid today (every overdue and every minimum now
 * due, each bill and instalment falling due after today met at its minimum), would keep their days: a loan's
 * later instalments, a Huabei instalment plan not yet billed. What then falls due first of it, and when, as a
 * customer who does nothing more has it (as callsInAhead says a closing review's); null when it calls in
 * nothing more — none to call in, or called in already by a closure in default before it.
 */
export function chargeOffCallsIn(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  chargeOff: number,
): CalledIn | null {
  if (!instalmentsAhead(lineOf(c, id), day, c.policy) || customerOverdue(c) === 0) return null;
  const p = c.policy;
  const unpaid = stateOf(c, day, calendar);
  for (let d = day; d < chargeOff; d++) {
    if (d > day) dayOpens(unpaid, d, ignore);
    dayCloses(unpaid, ignore);
  }
  if (chargeOff > day) dayOpens(unpaid, chargeOff, ignore);
  // the morning of the charge-off: a line a closure called in already has nothing more to call in
  const before = lineOf(unpaid.customer, id);
  if (before.status === "closed" && !runsToTerm(before)) return null;
  if (before.status === "charged_off" || !instalmentsAhead(before, chargeOff, p)) return null;
  dayCloses(unpaid, ignore);
  const line = lineOf(unpaid.customer, id);
  if (line.status !== "charged_off") return null;
  const due = calledInDays(line, chargeOff + 1, calendar, p);
  if (due === null) return null;
  const amount = fallingDue(forkState(unpaid), id, due.day);
  // …only when it asks more than falls due that day were it paid
  const paid = throughReview(c, day, calendar, chargeOff, true);
  if (fallingDue(paid, id, due.day) >= amount) return null;
  return dated(calendar, due.day, amount, due.lastDay);
}

/** Whether a line has instalments not yet due on `day` that a closure in no default leaves to run to term:
 *  a Jiebei loan's principal (a remainder within the tolerance carried too), a Huabei instalment plan not
 *  yet billed. */
function instalmentsAhead(l: Line, day: number, p: Customer["policy"]): boolean {
  if (l.id === "jiebei")
    return loans.comingInstalments(l.book, day, false, wholeFen(p.toleranceAmount)) !== null;
  const { instalment, statements } = revolving.runningToTerm(l.ledger);
  return instalment > 0 || statements > 0;
}

/** A copy of the customer run through the periodic review on `review` (on or after `day`, its own steps
 *  included): `pay`, with every overdue and every minimum now due repaid today and each bill and instalment
 *  falling due after today met at its minimum; otherwise with nothing repaid. */
function throughReview(
  c: Customer,
  day: number,
  calendar: Calendar,
  review: number,
  pay: boolean,
): EngineState {
  const s = stateOf(c, day, calendar);
  const copy = s.customer;
  if (pay) {
    const huabei = revolving.dueBy(copy.huabei.ledger, day).minimum;
    if (huabei > 0) repayLine(copy, copy.huabei, huabei, day);
    const jiebei = overdue(copy.jiebei) + loans.dueInGrace(copy.jiebei.book);
    if (jiebei > 0) repayLine(copy, copy.jiebei, jiebei, day);
  }
  dayCloses(s, ignore);
  for (let d = day + 1; d <= review; d++) {
    dayOpens(s, d, ignore);
    if (pay) meetDue(copy, d, { huabei: true, jiebei: true });
    dayCloses(s, ignore);
  }
  return s;
}

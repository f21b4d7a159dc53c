// The month-end report ahead: the balances a coming month end will report if the customer does nothing
// more before it. The reviews read the balances of the last report (score-inputs.ts), so this is what a
// coming review counts: the rest of today's engine inputs and every day up to the month end are run on a
// copy, with the interest, penalties, fees and cycles the engine itself would add or decide. The other
// days ahead customer service reads are run the same way: the due dates a coming review counts beside
// that report (duesAhead), what its closure calls in while an overdue stays unpaid (callsInAhead), and
// when what a closed line owes falls due, and how much (calledInDue, fallsDueOn).

import { repayLine } from "./apply-verdict.js";
import type { Calendar } from "./calendar.js";
import {
  type Customer,
  customerOverdue,
  forkCustomer,
  type Line,
  lineCopy,
  lineOf,
  overdue,
  runsToTerm,
} from "./customer.js";
import * as loans from "./loans.js";
import { wholeFen } from "./money.js";
import type { DueRecord } from "./record.js";
import * as revolving from "./revolving.js";
import { dayCloses, dayOpens, review as reviewOf } from "./scheduled.js";
import { type EngineState, monthEndAfter, reviewOnOrAfter } from "./state.js";
import type { CalledIn, DebtRepayment, Fen, OverdueCallIn } from "./types.js";
import type { LineId } from "./vocabulary.js";

/** The balances the report on `monthEnd` (a month end on or after `day`) shows, taken during `day`'s
 *  customer events, with nothing more done by the customer until then than `repay` on the lines now —
 *  beside what is due today, and each bill and instalment falling due after today, met at its minimum. */
export function reportAhead(
  c: Customer,
  day: number,
  calendar: Calendar,
  monthEnd: number,
  repay: readonly DebtRepayment[] = [],
): Record<LineId, Fen> {
  const copy = ranTo(c, day, calendar, monthEnd, repay);
  return { huabei: copy.huabei.reportedBalance, jiebei: copy.jiebei.reportedBalance };
}

/** A copy of the customer as the day `to` (after `day`) opens — before its review — with nothing more done
 *  by the customer than `repay` on the lines on day `on` (today unless said, before `to`) and meet each bill
 *  and instalment falling due at its minimum (reportAhead): what is owed then (Jiebei's interest accrued
 *  since the last report included). */
export function openingOn(
  c: Customer,
  day: number,
  calendar: Calendar,
  to: number,
  repay: readonly DebtRepayment[] = [],
  on = day,
): Customer {
  return ranTo(c, day, calendar, to, repay, on, false, true);
}

/**
 * The customer as the periodic review on or after `day` reads the lines: when a month ends before it, a
 * copy whose lines carry that month end's report as reportAhead projects it (balance, limit) — the debt
 * burden and utilisation the review reads — with the month ends then on record (takeReports), and the rest
 * of the file as it stands today; otherwise `c`
 * itself (the review reads the report on record). `repay`: line repayments made now — or, `late`, on the
 * month end itself, the last day that report counts them (what is repaid bears interest until then) —
 * which that report counts (none counts for a review with no month end before it). A line with an amount
 * overdue today is left as it stands, as the file beside that report has it (duesAhead reads its due dates
 * so): nothing more is paid on it, not even a bill's minimum, which would clear the arrears first.
 */
export function asNextReviewReads(
  c: Customer,
  day: number,
  calendar: Calendar,
  repay: readonly DebtRepayment[] = [],
  late = false,
): Customer {
  const monthEnd = monthEndAfter(calendar, day);
  if (monthEnd >= reviewOnOrAfter(calendar, day, c.policy)) return c;
  return asReportReads(c, day, calendar, repay, late);
}

/** A copy of `c` whose lines carry the report of `monthEnd` (the coming month end unless said) as
 *  reportAhead projects it (balance, limit) — each bill and instalment falling due until then met at its
 *  minimum — the rest of the file as it stands today: what a review after that month end, before the
 *  next, reads; `repay` and `late` as asNextReviewReads has them, an overdue line left as it stands. */
export function asReportReads(
  c: Customer,
  day: number,
  calendar: Calendar,
  repay: readonly DebtRepayment[] = [],
  late = false,
  monthEnd = monthEndAfter(calendar, day),
): Customer {
  const ahead = ranTo(c, day, calendar, monthEnd, repay, late ? monthEnd : day, true);
  const read = forkCustomer(c);
  takeReports(read, ahead);
  return read;
}

/** openingOn(c, day, calendar, to, repay, on) beside asReportReads(c, day, calendar, repay, on !== day,
 *  monthEnd) — `on` today or the month end, the month end before `to` — from one run when they are one up
 *  to that month end: with nothing overdue today, the report's run meets what falls due on both lines as
 *  the opening's does, and the report is the one the longer run carries once that day has closed. */
export function openingWithReport(
  c: Customer,
  day: number,
  calendar: Calendar,
  to: number,
  repay: readonly DebtRepayment[],
  on: number,
  monthEnd: number,
  runs: Runs | null = null,
): { opening: Customer; report: Customer } {
  if (overdue(c.huabei) > 0 || overdue(c.jiebei) > 0 || monthEnd >= to || (on !== day && on !== monthEnd))
    return {
      opening: openingOn(c, day, calendar, to, repay, on),
      report: asReportReads(c, day, calendar, repay, on !== day, monthEnd),
    };
  const report = forkCustomer(c);
  const take = (copy: Customer) => takeReports(report, copy);
  const opening = ranTo(c, day, calendar, to, repay, on, false, true, { day: monthEnd, take }, runs);
  return { opening, report };
}

/** `to` reads the month-end reports `from` carries: each line's, and the month ends on record with them —
 *  a month of record ends a thin file and counts in good standing (PROPERTY_SEED=9150: the review after a
 *  thin file's sixth month end read as still thin, 573 where it reads 628, a suspension that never came). */
function takeReports(to: Customer, from: Customer): void {
  for (const id of ["huabei", "jiebei"] as const) takeReport(lineOf(to, id), lineOf(from, id));
  if (from.monthEnds.length !== to.monthEnds.length)
    to.monthEnds = from.monthEnds.map((m) => ({ day: m.day, good: m.good, record: m.record }));
}

/** `to` reads the month-end report `from` carries: the balance and limit reported, and whether one was. */
export function takeReport(to: Line, from: Line): void {
  to.reportedBalance = from.reportedBalance;
  to.reportedLimit = from.reportedLimit;
  to.reported = from.reported;
}

/**
 * The due dates decided from now until the morning of `until` (after today), as a customer who meets every
 * bill and instalment at its minimum, and does nothing more, would have them recorded: a Huabei bill
 * revolved unless paid in full already (paid in full, it records better), a Jiebei instalment paid — what
 * a review on `until` counts beside the record on file. On a line with an amount overdue today, left unpaid
 * as things stand, each is recorded as the engine decides it with nothing more paid: a repayment clears the
 * arrears first, so meeting a due date's minimum alone does not meet it (missed, as a called-in loan's
 * days in arrears are), and only what is paid already (held for an instalment) counts.
 */
export function duesAhead(c: Customer, day: number, calendar: Calendar, until: number): DueRecord[] {
  if (until <= day) return [];
  const s = stateOf(c, day, calendar);
  dayCloses(s, ignore);
  toMorningOf(s, until);
  const owing = { huabei: overdue(c.huabei) > 0, jiebei: overdue(c.jiebei) > 0 };
  return s.customer.records
    .slice(c.records.length)
    .map((r) =>
      owing[r.line]
        ? r
        : { ...r, outcome: r.line === "huabei" && r.outcome !== "paid" ? "revolved" : "paid" },
    );
}

/**
 * What repaying in full the Huabei bills among `dues` (duesAhead's) that revolve takes: the last of their
 * due days, and what is due on its morning — every bill due by then, with its charges until then — as a
 * customer who does nothing more until then has it; null when none revolves. Repaid by then, each is
 * recorded paid in full rather than revolved.
 */
export function billsInFull(
  c: Customer,
  day: number,
  calendar: Calendar,
  dues: readonly DueRecord[],
): { day: number; amount: Fen; grace: number | null } | null {
  const revolved = dues.filter((r) => r.line === "huabei" && r.outcome === "revolved");
  if (revolved.length === 0) return null;
  const last = Math.max(...revolved.map((r) => r.dueDay));
  const s = stateOf(c, day, calendar);
  if (last > day) {
    dayCloses(s, ignore);
    toMorningOf(s, last);
  }
  // past the due day (today in its grace days): the last day a repayment in full still counts
  let grace: number | null = null;
  if (last < day)
    for (const b of c.huabei.ledger.bills)
      if (b.dueDay === last) grace = Math.max(grace ?? day, b.overdueFrom - 1);
  return { day: last, amount: revolving.dueBy(s.customer.huabei.ledger, last).due, grace };
}

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

/** The first day, from `from` on, that something owed on `line` falls due — on Jiebei a loan's next
 *  instalment, on Huabei a bill (huabeiDueDays) — and the last such day (a loan's, due later: Jiebei's loans
 *  each fall due on their own day; on Huabei what the next statement bills). Null when none is to come. */
function calledInDays(
  line: Line,
  from: number,
  calendar: Calendar,
  p: Customer["policy"],
): { day: number; lastDay: number } | null {
  if (line.id === "jiebei") {
    const coming = loans.comingInstalments(line.book, from, false, wholeFen(p.toleranceAmount));
    return coming === null ? null : { day: coming.day, lastDay: coming.lastDay };
  }
  return huabeiDueDays(line.ledger, from - 1, calendar, p);
}

/** When what Huabei is owed, neither past due nor due in its grace days on `day`, falls due: the bills
 *  stated on their due days ahead, and what no statement has billed yet (what a bill still owes after its
 *  cycle was met, or in its grace days beyond its minimum still unpaid — the interest since its statement;
 *  instalments not yet billed) on the due day of the next statement, which bills it — the first of those
 *  days and the last; null when there are none. */
export function huabeiDueDays(
  l: revolving.Revolving,
  day: number,
  calendar: Calendar,
  p: Customer["policy"],
): { day: number; lastDay: number } | null {
  const { first, last, unstated } = revolving.owedAhead(l, day);
  const days = [first, last].filter((d): d is number => d !== null);
  if (unstated)
    days.push(calendar.nextDayOfMonth(calendar.nextDayOfMonth(day, p.statementDayOfMonth), p.dueDayOfMonth));
  return days.length === 0 ? null : { day: Math.min(...days), lastDay: Math.max(...days) };
}

const dated = (calendar: Calendar, day: number, amount: Fen, lastDay: number): CalledIn => ({
  day,
  date: calendar.date(day),
  amount,
  lastDay,
  lastDate: calendar.date(lastDay),
});

/**
 * What falls due next, after `day`, of what was called in on line `id` — by a closure that answered a
 * default (not `runsToTerm`) or a charge-off, or on Huabei by any closing statement: on Jiebei the loans'
 * next instalments, each now its last — all of a loan's principal with its interest until then — on the
 * first of their days (the last given); on Huabei what its statements billed, due in full on the first due
 * day still ahead — or what none has billed yet (the interest a bill met at its minimum still owes), on the
 * due day of the next statement, which bills it (huabeiDueDays) — what is past due already not among it —
 * as a customer who does nothing more until then has it. Null when nothing more falls due (all of it is due
 * now, in its grace days, or past due).
 */
export function calledInDue(c: Customer, id: LineId, day: number, calendar: Calendar): CalledIn | null {
  const due = calledInDays(lineOf(c, id), day + 1, calendar, c.policy);
  if (due === null) return null;
  const amount = fallsDueOn(c, id, day, calendar, due.day);
  return amount > 0 ? dated(calendar, due.day, amount, due.lastDay) : null;
}

/** What falls due on line `id` on `until` (after `day`), as its due notice says it — less, on Huabei, what is
 *  past due by then — for a customer who repays `paid` on it today and nothing more from then on. */
export function fallsDueOn(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  until: number,
  paid: Fen = 0,
): Fen {
  return fallingDue(repaidToday(c, id, day, calendar, paid), id, until);
}

/** What the due notice of line `id` asks on its due day `until` (after `day`), for a customer who repays
 *  `paid` on it today (what the steps beside it ask: the overdue, what is due in its grace days) and nothing
 *  more until then: on Huabei the bills due by then (`amount`, the statement balance) and the part that
 *  keeps them out of arrears (`minimum`); on Jiebei the instalments falling due (`amount` and `minimum`
 *  alike) and of them the interest (`interest`) — less what is past due by then — and the last day a
 *  repayment of the minimum alone still counts as on time (the end of its grace days, or the day before the
 *  next due day within them, `before`; null when nothing of it can fall into arrears: Huabei's minimum met
 *  already). */
export function noticeOn(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  until: number,
  paid: Fen = 0,
): { amount: Fen; minimum: Fen; interest: Fen; last: number | null; before: number | null } {
  const s = repaidToday(c, id, day, calendar, paid);
  toMorningOf(s, until);
  const tolerance = wholeFen(c.policy.toleranceAmount);
  if (id === "huabei") {
    const l = s.customer.huabei.ledger;
    const past = revolving.overdueAmount(l);
    const { due, minimum } = revolving.dueBy(l, until);
    return {
      amount: due - past,
      minimum: Math.max(0, minimum - past),
      interest: 0,
      ...onlyThis(revolving.graceLastDay(l, until), revolving.owedAhead(l, until).first),
    };
  }
  const b = s.customer.jiebei.book;
  const amount = loans.dueOn(b, until);
  // the tolerance read as the grace's end will read it: with the interest its days add
  const accrues = b.accruing;
  // a due day within the grace days cuts them short only when a repayment then pays its instalment first:
  // an older loan's (a younger one's waits behind this one's)
  const next = loans.comingInstalments(b, until, accrues, tolerance)?.day ?? null;
  return {
    amount,
    minimum: amount,
    interest: loans.dueInterestOn(b, until),
    ...onlyThis(
      loans.graceLastDay(b, until, tolerance, accrues),
      next !== null && loans.fallsDueFirst(b, until, next) ? next : null,
    ),
  };
}

/** The last day a repayment of what falls due on a due day alone is on time: the end of its grace days — but
 *  the day before the next due day when that comes within them (`before`: a repayment then pays what falls
 *  due that day first — another loan's instalment, the oldest loan's first: Jiebei's caller passes such a day
 *  only when an older loan falls due on it). */
function onlyThis(last: number | null, next: number | null): { last: number | null; before: number | null } {
  return last !== null && next !== null && next <= last
    ? { last: next - 1, before: next }
    : { last, before: null };
}

/** A copy of the customer on `day` who repays `paid` on line `id` today, the day then closed. */
function repaidToday(c: Customer, id: LineId, day: number, calendar: Calendar, paid: Fen): EngineState {
  const s = stateOf(c, day, calendar);
  if (paid > 0) repayLine(s.customer, lineOf(s.customer, id), paid, day);
  dayCloses(s, ignore);
  return s;
}

/** `s` (its day closed) run to the morning of `until` (opened, not closed), nothing repaid. */
function toMorningOf(s: EngineState, until: number): void {
  for (let d = s.day + 1; d <= until; d++) {
    dayOpens(s, d, ignore);
    if (d < until) dayCloses(s, ignore);
  }
}

/** `s` (its day closed) run to the morning of `until`, nothing repaid: what falls due on line `id` that
 *  day, as its due notice says it — less, on Huabei, what is past due already. */
function fallingDue(s: EngineState, id: LineId, until: number): Fen {
  toMorningOf(s, until);
  if (id === "huabei") {
    const l = s.customer.huabei.ledger;
    return revolving.dueBy(l, until).due - revolving.overdueAmount(l);
  }
  return loans.dueOn(s.customer.jiebei.book, until);
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

/** An engine state's copy, its customer forked. */
const forkState = (s: EngineState): EngineState => ({ ...s, customer: forkCustomer(s.customer) });

/** A copy of the customer run to the end of `monthEnd`: the rest of today's engine inputs and every day up
 *  to it, with `repay` made on the lines during the customer's events of day `on` (today unless said, at
 *  the latest the month end), beside what is due today (on its due day or in its grace days, on a line with
 *  nothing overdue: customer service asks it, pay_due), as a review ahead reads that due date, and each
 *  bill and instalment falling due after today met at its minimum — with `overdueLeft`, on the lines with
 *  nothing overdue today only — and nothing else done by the customer. */
function ranTo(
  c: Customer,
  day: number,
  calendar: Calendar,
  monthEnd: number,
  repay: readonly DebtRepayment[] = [],
  on = day,
  overdueLeft = false,
  openOnly = false,
  capture: Capture | null = null,
  runs: Runs | null = null,
): Customer {
  const meets = {
    huabei: !overdueLeft || overdue(c.huabei) === 0,
    jiebei: !overdueLeft || overdue(c.jiebei) === 0,
  };
  // the run until the day of a repayment after today is the same whatever is repaid: from `runs`, when
  // given, run once (a copy of it carries on) — unless what is taken from the run is taken before then
  const shared = runs !== null && on > day && on <= monthEnd && (capture === null || capture.day >= on);
  const s = shared ? forkState(runBefore(runs, c, day, calendar, on, meets)) : stateOf(c, day, calendar);
  const copy = s.customer;
  const repayOn = (d: number) => {
    if (d !== on) return;
    for (const r of repay) if (r.debt !== "elsewhere") repayLine(copy, lineOf(copy, r.debt), r.amount, d);
  };
  let d = day + 1;
  if (shared) d = on;
  else {
    // what is due today met too, as duesAhead reads its due date
    meetNow(copy, day, meets);
    repayOn(day);
    dayCloses(s, ignore);
    if (capture?.day === day) capture.take(copy);
  }
  for (; d <= monthEnd; d++) {
    dayOpens(s, d, ignore);
    meetDue(copy, d, meets);
    repayOn(d);
    // the last day only opened (`openOnly`): as its review finds the customer
    if (!openOnly || d < monthEnd) {
      dayCloses(s, ignore);
      if (capture?.day === d) capture.take(copy);
    }
  }
  return copy;
}

/** What a run ahead hands on as it goes: the copy as day `day` closes. */
interface Capture {
  day: number;
  take: (copy: Customer) => void;
}

/** The runs ahead a search shares (its caller's, made for it and dropped with it): for each customer (the
 *  same copy), the engine's state as the day before a repayment on `on` closes — today's events and each
 *  day until then as ranTo has them, nothing repaid. */
export type Runs = Map<Customer, Map<string, EngineState>>;

function runBefore(
  runs: Runs,
  c: Customer,
  day: number,
  calendar: Calendar,
  on: number,
  meets: Record<LineId, boolean>,
): EngineState {
  const key = `${day} ${on} ${meets.huabei} ${meets.jiebei}`;
  const of = runs.get(c) ?? new Map<string, EngineState>();
  runs.set(c, of);
  const known = of.get(key);
  if (known !== undefined) return known;
  const s = stateOf(c, day, calendar);
  meetNow(s.customer, day, meets);
  dayCloses(s, ignore);
  for (let d = day + 1; d < on; d++) {
    dayOpens(s, d, ignore);
    meetDue(s.customer, d, meets);
    dayCloses(s, ignore);
  }
  of.set(key, s);
  return s;
}

/** The customer meets what is due on `day` itself — a bill or an instalment on its due day or in its grace
 *  days, which customer service asks to be paid (pay_due) — at its minimum, on the lines it `meets` with
 *  nothing overdue (a repayment would clear the arrears first): a bill falling due before a review ahead is
 *  read met at its minimum (duesAhead), so its report must show it met, not left to fall into arrears. */
function meetNow(c: Customer, day: number, meets: Record<LineId, boolean>): void {
  if (meets.huabei && overdue(c.huabei) === 0) {
    const { minimum } = revolving.dueBy(c.huabei.ledger, day);
    if (minimum > 0) repayLine(c, c.huabei, minimum, day);
  }
  if (!meets.jiebei || overdue(c.jiebei) > 0) return;
  const due = loans.dueInGrace(c.jiebei.book);
  if (due > 0) repayLine(c, c.jiebei, due, day);
}

/** The customer meets what falls due on `day` at its minimum on the lines it `meets`, as the reviews ahead
 *  are read (duesAhead): a Huabei bill's minimum, a Jiebei instalment — so a report after it shows the
 *  balance less what met it, not a bill left unpaid, in arrears and at the penalty rate. */
function meetDue(c: Customer, day: number, meets: Record<LineId, boolean>): void {
  const l = c.huabei.ledger;
  if (meets.huabei && revolving.billDueOn(l, day)) {
    const { minimum } = revolving.dueBy(l, day);
    if (minimum > 0) repayLine(c, c.huabei, minimum, day);
  }
  if (!meets.jiebei) return;
  const due = loans.dueOn(c.jiebei.book, day);
  if (due > 0) repayLine(c, c.jiebei, due, day);
}

/** The engine's state for a copy of the customer during `day`'s customer events. */
export function stateOf(c: Customer, day: number, calendar: Calendar): EngineState {
  const p = c.policy;
  return {
    calendar,
    customer: forkCustomer(c),
    day,
    // today's statement closed before the customer's events; today's review and month end come after them
    nextStatement: calendar.nextDayOfMonth(day, p.statementDayOfMonth),
    nextReview: reviewOnOrAfter(calendar, day, p),
    nextMonthEnd: monthEndAfter(calendar, day),
    notices: false,
    answers: false,
    approvals: false,
    answered: null,
    answersWorked: 0,
    lastWorked: null,
    lane: null,
  };
}

const ignore = (): void => {};

/** A copy of the customer after the periodic review on `review` (after `day`, or `day` itself: that day's
 *  review comes after the customer's events, the day not yet closed), nothing more done by the customer
 *  until then than each bill and instalment falling due met at its minimum (openingOn): the lines as that
 *  review leaves them — Huabei reviewed first, Jiebei on the file Huabei's review left. */
export function reviewedOn(c: Customer, day: number, calendar: Calendar, review: number): Customer {
  const s = stateOf(review > day ? openingOn(c, day, calendar, review) : c, review, calendar);
  reviewOf(s);
  return s.customer;
}

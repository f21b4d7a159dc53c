// What falls due and when: the days what is owed (or called in) on a line falls due, Huabei's due days, and
// what falls due on a day for a customer who does nothing more.

import { repayLine } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import { type Customer, type Line, lineOf } from "../customer.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import * as revolving from "../revolving.js";
import { dayCloses } from "../scheduled.js";
import type { EngineState } from "../state.js";
import type { CalledIn, Fen } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { ignore, stateOf, toMorningOf } from "./copy.js";

/** The first day, from `from` on, that something owed on `line` falls due — on Jiebei a loan's next
 *  instalment, on Huabei a bill (huabeiDueDays) — and the last such day (a loan's, due later: Jiebei's loans
 *  each fall due on their own day; on Huabei what the next statement bills). Null when none is to come. */
export function calledInDays(
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

export const dated = (calendar: Calendar, day: number, amount: Fen, lastDay: number): CalledIn => ({
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

/** A copy of the customer on `day` who repays `paid` on line `id` today, the day then closed. */
export function repaidToday(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  paid: Fen,
): EngineState {
  const s = stateOf(c, day, calendar);
  if (paid > 0) repayLine(s.customer, lineOf(s.customer, id), paid, day);
  dayCloses(s, ignore);
  return s;
}

/** A copy of the customer on `day` who repays `paid` on line `id` on a later day `on` instead (nothing before
 *  it), that day then closed: what the steps asking it "by" that day leave when followed on their last day. */
export function repaidOn(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  paid: Fen,
  on: number,
): EngineState {
  const s = stateOf(c, day, calendar);
  dayCloses(s, ignore);
  toMorningOf(s, on);
  if (paid > 0) repayLine(s.customer, lineOf(s.customer, id), paid, on);
  dayCloses(s, ignore);
  return s;
}

/** `s` (its day closed) run to the morning of `until`, nothing repaid: what falls due on line `id` that
 *  day, as its due notice says it — less, on Huabei, what is past due already. */
export function fallingDue(s: EngineState, id: LineId, until: number): Fen {
  toMorningOf(s, until);
  if (id === "huabei") {
    const l = s.customer.huabei.ledger;
    return revolving.dueBy(l, until).due - revolving.overdueAmount(l);
  }
  return loans.dueOn(s.customer.jiebei.book, until);
}

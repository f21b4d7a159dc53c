// The month-end report ahead: the balances a coming month end will report, the customer as the next review
// reads the lines (that report taken), and a coming day's opening.

import type { Calendar } from "../calendar.js";
import { type Customer, forkCustomer, type Line, lineOf, overdue } from "../customer.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { DebtRepayment, Fen } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { type Runs, ranTo } from "./run.js";

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

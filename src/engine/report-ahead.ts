// The month-end report ahead: the balances a coming month end will report if the customer does nothing
// more before it. The reviews read the balances of the last report (score-inputs.ts), so this is what a
// coming review counts: the rest of today's engine inputs and every day up to the month end are run on a
// copy, with the interest, penalties, fees and cycles the engine itself would add or decide.

import { repayLine } from "./apply-verdict.js";
import type { Calendar } from "./calendar.js";
import { type Customer, forkCustomer, type Line, lineOf } from "./customer.js";
import type { DueRecord } from "./record.js";
import * as revolving from "./revolving.js";
import { dayCloses, dayOpens } from "./scheduled.js";
import { type EngineState, monthEndAfter, reviewOnOrAfter } from "./state.js";
import type { DebtRepayment, Fen } from "./types.js";
import type { LineId } from "./vocabulary.js";

/** The balances the report on `monthEnd` (a month end on or after `day`) shows, taken during `day`'s
 *  customer events, with nothing more done by the customer until then than `repay` on the lines now. */
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

/**
 * The customer as the periodic review on or after `day` reads the lines: when a month ends before it, a
 * copy whose lines carry that month end's report as reportAhead projects it (balance, limit) — the debt
 * burden and utilisation the review reads — and the rest of the file as it stands today; otherwise `c`
 * itself (the review reads the report on record). `repay`: line repayments made now — or, `late`, on the
 * month end itself, the last day that report counts them (what is repaid bears interest until then) —
 * which that report counts (none counts for a review with no month end before it).
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
  const ahead = ranTo(c, day, calendar, monthEnd, repay, late ? monthEnd : day);
  const read = forkCustomer(c);
  for (const id of ["huabei", "jiebei"] as const) takeReport(lineOf(read, id), lineOf(ahead, id));
  return read;
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
 * a review on `until` counts beside the record on file.
 */
export function duesAhead(c: Customer, day: number, calendar: Calendar, until: number): DueRecord[] {
  if (until <= day) return [];
  const s = stateOf(c, day, calendar);
  dayCloses(s, ignore);
  for (let d = day + 1; d <= until; d++) {
    dayOpens(s, d, ignore);
    if (d < until) dayCloses(s, ignore);
  }
  return s.customer.records
    .slice(c.records.length)
    .map((r) => ({ ...r, outcome: r.line === "huabei" && r.outcome !== "paid" ? "revolved" : "paid" }));
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
    for (let d = day + 1; d <= last; d++) {
      dayOpens(s, d, ignore);
      if (d < last) dayCloses(s, ignore);
    }
  }
  // past the due day (today in its grace days): the last day a repayment in full still counts
  let grace: number | null = null;
  if (last < day)
    for (const b of c.huabei.ledger.bills)
      if (b.dueDay === last) grace = Math.max(grace ?? day, b.overdueFrom - 1);
  return { day: last, amount: revolving.dueBy(s.customer.huabei.ledger, last).due, grace };
}

/** A copy of the customer run to the end of `monthEnd`: the rest of today's engine inputs and every day up
 *  to it, with `repay` made on the lines during the customer's events of day `on` (today unless said, at
 *  the latest the month end), each bill and instalment falling due after today met at its minimum, and
 *  nothing else done by the customer. */
function ranTo(
  c: Customer,
  day: number,
  calendar: Calendar,
  monthEnd: number,
  repay: readonly DebtRepayment[] = [],
  on = day,
): Customer {
  const s = stateOf(c, day, calendar);
  const copy = s.customer;
  const repayOn = (d: number) => {
    if (d !== on) return;
    for (const r of repay) if (r.debt !== "elsewhere") repayLine(copy, lineOf(copy, r.debt), r.amount, d);
  };
  repayOn(day);
  dayCloses(s, ignore);
  for (let d = day + 1; d <= monthEnd; d++) {
    dayOpens(s, d, ignore);
    meetDue(copy, d);
    repayOn(d);
    dayCloses(s, ignore);
  }
  return copy;
}

/** The customer meets what falls due on `day` at its minimum, as the reviews ahead are read (duesAhead): a
 *  Huabei bill's minimum, a Jiebei instalment — so a report after it shows the balance less what met it,
 *  not a bill left unpaid, in arrears and at the penalty rate. */
function meetDue(c: Customer, day: number): void {
  const l = c.huabei.ledger;
  if (l.bills.some((b) => b.dueDay === day && b.state !== "settled" && !b.cycleDecided)) {
    const { minimum } = revolving.dueBy(l, day);
    if (minimum > 0) repayLine(c, c.huabei, minimum, day);
  }
  let due = 0;
  for (const loan of c.jiebei.book.loans)
    if (loan.dueDay === day) due += loan.duePrincipal + loan.dueInterest;
  if (due > 0) repayLine(c, c.jiebei, due, day);
}

/** The engine's state for a copy of the customer during `day`'s customer events. */
function stateOf(c: Customer, day: number, calendar: Calendar): EngineState {
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
    lane: null,
  };
}

const ignore = (): void => {};

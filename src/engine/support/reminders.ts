// What is coming on a line before it comes: the end-of-day check an overdue left unpaid meets first, what
// falls due next and what missing it costs, what is due in its grace days, and a review that closes a line
// left unused.

import type { Calendar } from "../calendar.js";
import { type Customer, daysPastDue, isOpen, type Line, overdue, runsToTerm } from "../customer.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import { huabeiNoticeAfterPaid, noticeOn } from "../report-ahead.js";
import * as revolving from "../revolving.js";
import { suspendsAt } from "../triggers.js";
import type { Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";

/** The first end-of-day check that acts if this line's own overdue stays unpaid: the charge-off, or — with
 *  a line of the customer's the overdue check watches — the suspension; on `day` itself, or later. A
 *  suspension's `forCredit`: the lines it acts on that are suspended already (for a policy change, or under
 *  a security hold), whose suspension it records for credit rather than suspends. */
export function nextDeadline(
  c: Customer,
  line: Line,
  day: number,
):
  | { day: number; what: "charge_off" }
  | { day: number; what: "suspension"; forCredit: { lines: LineId[]; open: boolean } | null }
  | null {
  const p = c.policy;
  const dpd = daysPastDue(line, day);
  if (dpd === 0) return null;
  const at = Math.min(suspendsAt(c, c.huabei), suspendsAt(c, c.jiebei));
  const suspension = Number.isFinite(at) ? day + Math.max(0, at - dpd) : Infinity;
  const chargeOff = line.status !== "charged_off" ? day + Math.max(0, p.chargeOffDays - dpd) : Infinity;
  if (chargeOff <= suspension && Number.isFinite(chargeOff)) return { day: chargeOff, what: "charge_off" };
  if (!Number.isFinite(suspension)) return null;
  const acted = [c.huabei, c.jiebei].filter((l) => suspendsAt(c, l) === at);
  const lines = acted.filter((l) => l.status === "suspended").map((l) => l.id);
  const forCredit = lines.length > 0 ? { lines, open: acted.some((l) => l.status === "active") } : null;
  return { day: suspension, what: "suspension", forCredit };
}

/** The warning that the periodic review on `day` closes line `id` as left unused since `since`. */
export function unusedClosure(
  id: LineId,
  day: number,
  since: number,
  calendar: Calendar,
): Extract<Remedy, { kind: "unused_closure_due" }> {
  return {
    line: id,
    kind: "unused_closure_due",
    day,
    date: calendar.date(day),
    since,
    sinceDate: calendar.date(since),
  };
}

/** What falls due next on an active or suspended line, after `day`: Huabei's first bill stated whose due day
 *  is ahead, Jiebei's next instalment asking something — what its due notice will ask, with what the steps
 *  before it ask on the line today (the overdue, what is due in its grace days) paid first, as a repayment
 *  pays them; by when it counts as paid on time (the end of its grace days, as pay_due says it on them);
 *  and what missing it costs: the line's penalty rate, a missed due date on the record, and the overdue
 *  check's suspension of the customer's open lines, `suspendOverdueDays` past its due day. Null when no
 *  bill or instalment is ahead. */
export function nextDue(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
): Extract<Remedy, { kind: "next_due" }> | null {
  const p = c.policy;
  const tolerance = wholeFen(p.toleranceAmount);
  // Jiebei's loans with their interest but once written off (a written-off debt accrues nothing): an
  // instalment paid ahead but for its interest still asks that, and with none would read paid
  const ahead = line.id === "huabei" ? revolving.owedAhead(line.ledger, day) : null;
  // Huabei with no bill stated ahead but something the next statement bills (a purchase not yet billed):
  // that statement's due day, the statement named — told nothing, a customer under a hold who cannot spend
  // missed the bill a purchase before it left (the next statement closes after today: a statement day's
  // own closes as the day opens)
  const statement =
    ahead !== null && ahead.first === null && ahead.unstated
      ? calendar.nextDayOfMonth(day, p.statementDayOfMonth)
      : null;
  const due =
    line.id === "jiebei"
      ? (loans.comingInstalments(line.book, day, line.book.accruing, tolerance)?.day ?? null)
      : statement !== null
        ? calendar.nextDayOfMonth(statement, p.dueDayOfMonth)
        : ahead!.first;
  if (due === null || due <= day) return null;
  const asked = overdue(line) + dueInGrace(c, line, day);
  const notice = noticeOn(c, line.id, day, calendar, due, asked);
  if (notice.amount <= 0) return null;
  // what is due in its grace days (nothing overdue) is asked "by" their last day, not today: paid then, the
  // days between add interest to what falls due next — said too (under no tolerance, a customer who paid
  // each on the last day named missed the next by ¥2.00)
  const graceLast =
    overdue(line) === 0 && asked > 0
      ? line.id === "jiebei"
        ? loans.graceLastDay(line.book, day, tolerance, true)
        : revolving.graceLastDay(line.ledger, day)
      : null;
  const late =
    graceLast !== null && graceLast > day && graceLast < due
      ? noticeOn(c, line.id, day, calendar, due, asked, false, graceLast)
      : null;
  const paidLast =
    late !== null && graceLast !== null ? lastDiffers(notice, late, graceLast, calendar) : null;
  // every amount said after it too, when paying on that last day changes it (under no tolerance a fen more
  // is a missed due date): each later instalment's, the purchase behind the bill's (the day is before each)
  const lateDay = late !== null ? graceLast : null;
  const suspends = suspensionAfter(c, due, calendar);
  const at = suspends?.days ?? Infinity;
  // Jiebei: every loan's next instalment, not the first alone — each later due day with what its notice
  // asks and by when, as the first's (a customer told only of the first misses the next a day later)
  const book = line.id === "jiebei" ? line.book : null;
  const days = book !== null ? loans.comingDueDays(book, day, book.accruing, tolerance) : [];
  const count = days.find((d) => d.day === due)?.loans ?? 1;
  // and what missing it alone costs: its own loans' penalty rate (agreed when each was drawn: a policy
  // change between two draws makes them differ) and the overdue check's suspension counted from its own day
  const later = days
    .filter((d) => d.day > due)
    .map((d) => {
      const n = noticeOn(c, line.id, day, calendar, d.day, asked, true);
      const paidThen =
        lateDay !== null
          ? lastDiffers(
              n,
              noticeOn(c, line.id, day, calendar, d.day, asked, true, lateDay),
              lateDay,
              calendar,
            )
          : null;
      return {
        day: d.day,
        date: calendar.date(d.day),
        amount: n.amount,
        interest: n.interest,
        ...(d.loans > 1 ? { count: d.loans } : {}),
        ...payBy(n, calendar),
        ...(paidThen !== null ? { paidLast: paidThen } : {}),
        penalty: loans.penaltyRateDue(book!, d.day, p.jiebeiPenaltyRatePerDay),
        ...(suspends !== null ? { suspends: { day: d.day + at, date: calendar.date(d.day + at) } } : {}),
      };
    })
    .filter((l) => l.amount > 0);
  // Huabei: a purchase behind the bill stated (not on it): the statement that bills it and its due day, as
  // it states it with this bill paid in full on its due day — told of the bill alone, a customer who paid it
  // thought the line square, and the purchase fell due a month later
  const unbilled =
    line.id === "huabei" && statement === null && ahead!.unstated
      ? unbilledBehind(c, day, calendar, due, notice.amount, asked, at, suspends !== null, lateDay)
      : null;
  // the next statement's: what of it a bill stated already carries (its rest), not "not yet billed"
  const rest =
    statement !== null && ahead!.rest !== null
      ? { day: ahead!.rest, date: calendar.date(ahead!.rest), only: !ahead!.unbilled }
      : null;
  return {
    line: line.id,
    kind: "next_due",
    day: due,
    date: calendar.date(due),
    amount: notice.amount,
    minimum: notice.minimum,
    ...(line.id === "jiebei" ? { interest: notice.interest } : {}),
    ...(statement !== null
      ? {
          statement: {
            day: statement,
            date: calendar.date(statement),
            ...(rest !== null ? { rest } : {}),
          },
        }
      : {}),
    ...payBy(notice, calendar),
    // the rate the bill's statement stated, the loan's agreed when drawn (a policy's new rates apply from
    // the next statement, to loans drawn after it)
    penalty:
      line.id === "jiebei"
        ? loans.penaltyRateDue(line.book, due, p.jiebeiPenaltyRatePerDay)
        : revolving.statedPenaltyRate(line.ledger, due, p.penaltyRatePerDay),
    ...(suspends !== null ? { suspends } : {}),
    ...(asked > 0 ? { onTopOf: asked } : {}),
    ...(paidLast !== null ? { paidLast } : {}),
    ...(count > 1 ? { count } : {}),
    ...(later.length > 0 ? { later } : {}),
    ...(unbilled !== null ? { unbilled } : {}),
  };
}

/** The overdue check's suspension of the customer's open lines for what falls due on `due`, missed: its day
 *  (`suspendOverdueDays` past the due day), the days and the lines it suspends, by name ("the customer's
 *  open lines" read as both to a customer with one line); null when no open line is watched. */
export function suspensionAfter(
  c: Customer,
  due: number,
  calendar: Calendar,
): { day: number; date: string; days: number; lines: LineId[] } | null {
  const at = Math.min(suspendsAt(c, c.huabei), suspendsAt(c, c.jiebei));
  const open = [c.huabei, c.jiebei].filter((l) => l.status === "active" && suspendsAt(c, l) === at);
  return Number.isFinite(at) && open.length > 0
    ? { day: due + at, date: calendar.date(due + at), days: at, lines: open.map((l) => l.id) }
    : null;
}

/** What Huabei has not yet billed behind the bill due on `due` (`whole` its statement balance, `asked` what
 *  the steps before it ask today): the next statement after it, its due day, what its notice asks with the
 *  bill paid in full on its due day, by when, and what missing it costs (the rate the statement will state,
 *  the suspension `at` days past its due day). Null when that statement comes first, or asks nothing. */
function unbilledBehind(
  c: Customer,
  day: number,
  calendar: Calendar,
  due: number,
  whole: Fen,
  asked: Fen,
  at: number,
  suspends: boolean,
  lateDay: number | null = null,
): NonNullable<Extract<Remedy, { kind: "next_due" }>["unbilled"]> | null {
  const p = c.policy;
  const statement = calendar.nextDayOfMonth(due, p.statementDayOfMonth);
  const falls = calendar.nextDayOfMonth(statement, p.dueDayOfMonth);
  if (calendar.nextDayOfMonth(day, p.statementDayOfMonth) !== statement) return null;
  const n = huabeiNoticeAfterPaid(c, day, calendar, due, whole, falls, asked);
  if (n.amount <= 0) return null;
  // what is due in its grace days paid on their last day instead (the bill then paid in full on its due
  // day as before): the days between add interest to it too
  const paidThen =
    lateDay !== null
      ? lastDiffers(
          n,
          huabeiNoticeAfterPaid(c, day, calendar, due, whole, falls, asked, lateDay),
          lateDay,
          calendar,
        )
      : null;
  return {
    statement: { day: statement, date: calendar.date(statement) },
    day: falls,
    date: calendar.date(falls),
    amount: n.amount,
    minimum: n.minimum,
    ...payBy(n, calendar),
    ...(paidThen !== null ? { paidLast: paidThen } : {}),
    penalty: revolving.statedPenaltyRate(c.huabei.ledger, falls, p.penaltyRatePerDay),
    ...(suspends ? { suspends: { day: falls + at, date: calendar.date(falls + at) } } : {}),
  };
}

/** A notice's amounts with what is due in its grace days paid on their last day (`late`, on `on`) rather
 *  than today (`today`): that day and what it then asks, when it differs; null when it does not. */
function lastDiffers(
  today: { amount: Fen; minimum: Fen },
  late: { amount: Fen; minimum: Fen },
  on: number,
  calendar: Calendar,
): { day: number; date: string; amount: Fen; minimum: Fen } | null {
  return late.amount !== today.amount || late.minimum !== today.minimum
    ? { day: on, date: calendar.date(on), amount: late.amount, minimum: late.minimum }
    : null;
}

/** Whether what is due on a line that is no longer open is all of it, not an instalment or a minimum:
 *  on Jiebei loans a closure in default or a charge-off called in; on Huabei the bills due by `day`, which
 *  a closed line's statements bill due in full. */
export function dueInFull(line: Line, day: number): boolean {
  if (isOpen(line)) return false;
  if (line.id === "jiebei") return !runsToTerm(line);
  const { due, minimum } = revolving.dueBy(line.ledger, day);
  return due > 0 && minimum >= due;
}

/** What is due on a line in its grace days, past its due day and not yet overdue (Huabei: the minimum still
 *  unpaid — none within the tolerance service, nothing overdue — Jiebei: the instalments due, but those
 *  repaid all but a remainder within it): unpaid, it falls into arrears. */
export function dueInGrace(c: Customer, line: Line, day: number): Fen {
  // within the tolerance service, a Jiebei instalment repaid but a remainder is carried, not missed
  if (line.id === "jiebei")
    return loans.dueInGrace(line.book, wholeFen(c.policy.toleranceAmount), { day, accrues: true });
  const due = revolving.dueBy(line.ledger, day).minimum - overdue(line);
  // within the tolerance service (nothing overdue), the shortfall does not fall into arrears — but on a line
  // written off there is none: its shortfall is missed (revolving.decideCycles), as Jiebei's (loans.tolerated)
  const tolerance = line.ledger.accruing ? wholeFen(c.policy.toleranceAmount) : 0;
  return overdue(line) === 0 && due <= tolerance ? 0 : Math.max(0, due);
}

/** The last day a due notice asks its amount by (`by`), when it names one: with the day of an older
 *  instalment it comes before, as the notice names it. */
function payBy(
  n: { last: number | null; before: number | null },
  calendar: Calendar,
): { by: { day: number; date: string; before?: number } } | Record<string, never> {
  if (n.last === null) return {};
  return {
    by: { day: n.last, date: calendar.date(n.last), ...(n.before !== null ? { before: n.before } : {}) },
  };
}

// What each line asks of the customer today and next, in the order the answer says it: the overdue (and the
// end-of-day check it meets first if left unpaid), the wait before Jiebei lends again, what is due in its
// grace days, a remainder the tolerance waives, and what falls due next.

import { cleanSince, debtToIncomeAfterDraw, huabeiBarsCash } from "../applications.js";
import type { Calendar } from "../calendar.js";
import {
  availableCredit,
  type Customer,
  customerDaysPastDue,
  customerOverdue,
  type Line,
  overdue,
  rulesFor,
} from "../customer.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import { chargeOffCallsIn, openingOn } from "../report-ahead.js";
import { cleanUntil } from "../review.js";
import * as revolving from "../revolving.js";
import { scoreOn } from "../score-inputs.js";
import { monthEndAfter } from "../state.js";
import type { Remedy } from "../types.js";
import { dueInFull, dueInGrace, nextDeadline, nextDue, suspensionAfter } from "./reminders.js";

/** The steps for what `line` asks, today and next. */
export function lineDues(c: Customer, line: Line, day: number, calendar: Calendar): Remedy[] {
  const waiver = waivedUnlessPaid(c, line, day, calendar);
  const ahead = dueNext(c, line, day, calendar, waiver);
  return [
    payOverdue(c, line, day, calendar),
    waitToDraw(c, line, day, calendar),
    payDue(c, line, day, calendar),
    waiver,
    ahead,
  ].filter((r): r is Remedy => r !== null);
}

/** The overdue to pay, with what leaving it unpaid brings first: the day's repayments post before the
 *  end-of-day checks, so paid today, the threshold reached today does not act. */
function payOverdue(c: Customer, line: Line, day: number, calendar: Calendar): Remedy | null {
  if (overdue(line) <= 0) return null;
  // Jiebei arrears within the tolerance with no due day left to carry them: the day's end waives them
  // (waived_unless_paid says so), nothing to ask
  if (line.id === "jiebei" && loans.arrearsWaived(line.book, day, wholeFen(c.policy.toleranceAmount)) > 0)
    return null;
  const deadline = nextDeadline(c, line, day);
  // a write-off calls in the line's instalments still to come: what then falls due at once, and when
  const written =
    deadline?.what === "charge_off" ? chargeOffCallsIn(c, line.id, day, calendar, deadline.day) : null;
  // while anything is overdue, an active line lends nothing: said, as the customer may call because of it
  const declines = [c.huabei, c.jiebei].filter((l) => l.status === "active").map((l) => l.id);
  return {
    line: line.id,
    kind: "pay_overdue",
    amount: overdue(line),
    ...(declines.length > 0 ? { declines } : {}),
    // written off, no check acts on it any more: what paying does is what the customer is told instead
    ...(line.status === "charged_off" ? { recovery: true as const } : {}),
    ...(deadline?.day === day ? { today: deadline.what } : {}),
    ...(deadline && deadline.day > day
      ? { by: { day: deadline.day, date: calendar.date(deadline.day), what: deadline.what } }
      : {}),
    ...(deadline?.what === "suspension" && deadline.forCredit !== null
      ? { forCredit: deadline.forCredit }
      : {}),
    ...(written !== null ? { chargeOffCallsIn: written } : {}),
    ...slipUntil(c, day, calendar),
  };
}

/** While a line suspended for credit at a review on this overdue can still be restored without a clean
 *  period (it is a slip: cleanUntil asks none of a repayment today), the last day a repayment keeps it so —
 *  the day before the overdue reaches suspendOverdueDays — said with the pay step: a customer who repays
 *  a day later waits restoreCleanDays more, and was told only the write-off's day. */
function slipUntil(
  c: Customer,
  day: number,
  calendar: Calendar,
): { slip?: Extract<Remedy, { kind: "pay_overdue" }>["slip"] } {
  // (a policy of no clean period has nothing to spare)
  if (c.policy.restoreCleanDays <= 0) return {};
  const held = [c.huabei, c.jiebei].some(
    (l) => l.status === "suspended" && l.cause === "credit" && cleanUntil(c, l, "credit", day) === day,
  );
  if (!held) return {};
  const last = day + c.policy.suspendOverdueDays - 1 - customerDaysPastDue(c, day);
  if (last < day) return {};
  return { slip: { day: last, date: calendar.date(last), days: c.policy.restoreCleanDays } };
}

/** Jiebei lends no cash for a while after a missed due date or its cure (on either line): from when it does
 *  again — said only when nothing else would decline the smallest loan (the credit left, the debt burden,
 *  the score that day below Jiebei's minimum — as things stand, told on its own —, Huabei suspended: no day
 *  can be promised until a review restores it, and its own steps say what that needs). */
function waitToDraw(c: Customer, line: Line, day: number, calendar: Calendar): Remedy | null {
  if (line.id !== "jiebei" || line.status !== "active" || huabeiBarsCash(c) || customerOverdue(c) !== 0)
    return null;
  const from = cleanSince(c) + c.policy.jiebeiDrawCleanDays;
  const smallest = wholeFen(c.policy.jiebeiMinDrawdown);
  if (from <= day) return null;
  const lendable =
    availableCredit(line) >= smallest &&
    debtToIncomeAfterDraw(c, smallest, monthEndAfter(calendar, day)) <= c.policy.jiebeiMaxDebtToIncome &&
    // the score as the file opens that day: a month-end report before it counts (a balance reported
    // after today's purchase cost 60 points, and cash promised for day 68 was declined then)
    scoreOn(openingOn(c, day, calendar, from), from).score >= rulesFor(c.policy, "jiebei").minScore;
  if (!lendable) return null;
  return {
    line: "jiebei",
    kind: "wait_to_draw",
    day: from,
    date: calendar.date(from),
    wait: c.policy.jiebeiDrawCleanDays,
  };
}

/** A bill past its due day and still in its grace days: paying the overdue alone leaves new arrears — on
 *  Jiebei loans a closure or a charge-off called in, all of it at once, not an instalment; on a closed
 *  Huabei line a bill its statements made due in full (a cycle stated before the closure still asks its
 *  minimum). */
function payDue(c: Customer, line: Line, day: number, calendar: Calendar): Remedy | null {
  const due = dueInGrace(c, line, day);
  if (due <= 0) return null;
  // the last day it counts as paid on time: the end of its grace days (the due day itself without any)
  const tolerance = wholeFen(c.policy.toleranceAmount);
  const last =
    line.id === "jiebei"
      ? loans.graceLastDay(line.book, day, tolerance, true)
      : revolving.graceLastDay(line.ledger, day);
  // missed, what the overdue check then does, counted from its due day — as the next-due step says it —
  // when nothing older is overdue (the overdue's own step names the sooner one then)
  const dueDay =
    line.id === "jiebei"
      ? loans.graceDueDay(line.book, day, tolerance, true)
      : revolving.graceDueDay(line.ledger, day);
  const suspends = dueDay !== null && customerOverdue(c) === 0 ? suspensionAfter(c, dueDay, calendar) : null;
  return {
    line: line.id,
    kind: "pay_due",
    amount: due,
    ...(last !== null && { by: { day: last, date: calendar.date(last), today: last === day } }),
    ...(dueInFull(line, day) ? { calledIn: true } : {}),
    // a repayment clears the arrears first: what is due is on top of them
    ...(overdue(line) > 0 ? { onTopOf: overdue(line) } : {}),
    ...(suspends !== null ? { suspends } : {}),
  };
}

/** A Jiebei remainder within the tolerance with no due day left after the one it waits for: waived, unpaid. */
function waivedUnlessPaid(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
): Extract<Remedy, { kind: "waived_unless_paid" }> | null {
  if (line.id !== "jiebei") return null;
  const waiver = loans.waiverAhead(line.book, day, c.policy.graceDays, wholeFen(c.policy.toleranceAmount));
  if (waiver === null) return null;
  return {
    line: "jiebei",
    kind: "waived_unless_paid",
    amount: waiver.amount,
    day: waiver.day,
    date: calendar.date(waiver.day),
    // a waiver today is of arrears, at the day's end (a remainder's comes as a grace ends, a later day)
    ...(waiver.day === day ? { overdue: true as const } : {}),
  };
}

/** What falls due next on an active or suspended line, before it falls due, with what it asks and by when —
 *  but not a remainder the tolerance waives if left unpaid (`waiver` says it: missing it costs nothing; the
 *  waiver falls on the day its due date's grace ends). */
function dueNext(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  waiver: { day: number } | null,
): Remedy | null {
  const ahead =
    line.status === "active" || line.status === "suspended" ? nextDue(c, line, day, calendar) : null;
  const waived = waiver !== null && ahead !== null && ahead.day + c.policy.graceDays + 1 === waiver.day;
  return waived ? null : ahead;
}

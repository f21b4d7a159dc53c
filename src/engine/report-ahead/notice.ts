// What a coming due notice asks, and its last day on time.

import { repayLine } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import type { Customer } from "../customer.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import * as revolving from "../revolving.js";
import { dayCloses } from "../scheduled.js";
import type { Fen } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { ignore, toMorningOf } from "./copy.js";
import { repaidOn, repaidToday } from "./falling-due.js";

/** What the due notice of line `id` asks on its due day `until` (after `day`), for a customer who repays
 *  `paid` on it today (what the steps beside it ask: the overdue, what is due in its grace days) and nothing
 *  more until then: on Huabei the bills due by then (`amount`, the statement balance) and the part that
 *  keeps them out of arrears (`minimum`); on Jiebei the instalments falling due (`amount` and `minimum`
 *  alike) and of them the interest (`interest`) — less what is past due by then — and the last day a
 *  repayment of the minimum alone still counts as on time (the end of its grace days, or the day before the
 *  next due day within them, `before`; null when nothing of it can fall into arrears: Huabei's minimum met
 *  already). `own`: that last day is the due day's own instalments', the earlier ones read paid by theirs.
 *  `paidOn`: `paid` repaid on that later day instead of today (the last day the step asking it names). */
export function noticeOn(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  until: number,
  paid: Fen = 0,
  own = false,
  paidOn = day,
): { amount: Fen; minimum: Fen; interest: Fen; last: number | null; before: number | null } {
  const s =
    paidOn > day ? repaidOn(c, id, day, calendar, paid, paidOn) : repaidToday(c, id, day, calendar, paid);
  toMorningOf(s, until);
  const tolerance = wholeFen(c.policy.toleranceAmount);
  if (id === "huabei") return { ...huabeiNotice(s.customer.huabei.ledger, until), interest: 0 };
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
      loans.graceLastDay(b, until, tolerance, accrues, own ? until : null),
      next !== null && loans.fallsDueFirst(b, until, next) ? next : null,
    ),
  };
}

/** What Huabei's due notice asks on `until` (after `first`) for a customer who repays `paid` today and the
 *  `whole` of the bill due on `first` that day, nothing more: the bill of what no statement had billed on
 *  `day` (a purchase behind the bill stated), as the statement that bills it will state it. `paidOn`:
 *  `paid` repaid on that later day instead of today (before `first`), as noticeOn has it. */
export function huabeiNoticeAfterPaid(
  c: Customer,
  day: number,
  calendar: Calendar,
  first: number,
  whole: Fen,
  until: number,
  paid: Fen,
  paidOn = day,
): { amount: Fen; minimum: Fen; last: number | null; before: number | null } {
  const s =
    paidOn > day
      ? repaidOn(c, "huabei", day, calendar, paid, paidOn)
      : repaidToday(c, "huabei", day, calendar, paid);
  toMorningOf(s, first);
  if (whole > 0) repayLine(s.customer, s.customer.huabei, whole, first);
  dayCloses(s, ignore);
  toMorningOf(s, until);
  return huabeiNotice(s.customer.huabei.ledger, until);
}

/** What Huabei's due notice on `until` asks of ledger `l` as it stands that morning: what falls due then
 *  beside what is already overdue (asked apart), and the last day paying it is on time. */
function huabeiNotice(
  l: revolving.Revolving,
  until: number,
): { amount: Fen; minimum: Fen; last: number | null; before: number | null } {
  const past = revolving.overdueAmount(l);
  const { due, minimum } = revolving.dueBy(l, until);
  return {
    amount: due - past,
    minimum: Math.max(0, minimum - past),
    ...onlyThis(revolving.graceLastDay(l, until), revolving.owedAhead(l, until).first),
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

// A run ahead to a month end on a copy: the customer meets what falls due at its minimum, repays what is
// said on the day said, and does nothing more; the runs a search shares.

import { repayLine } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import { type Customer, lineOf, overdue } from "../customer.js";
import * as loans from "../loans.js";
import * as revolving from "../revolving.js";
import { dayCloses, dayOpens } from "../scheduled.js";
import type { EngineState } from "../state.js";
import type { DebtRepayment } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { forkState, ignore, stateOf } from "./copy.js";

/** A copy of the customer run to the end of `monthEnd`: the rest of today's engine inputs and every day up
 *  to it, with `repay` made on the lines during the customer's events of day `on` (today unless said, at
 *  the latest the month end), beside what is due today (on its due day or in its grace days, on a line with
 *  nothing overdue: customer service asks it, pay_due), as a review ahead reads that due date, and each
 *  bill and instalment falling due after today met at its minimum — with `overdueLeft`, on the lines with
 *  nothing overdue today only — and nothing else done by the customer. */
export function ranTo(
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
export function meetDue(c: Customer, day: number, meets: Record<LineId, boolean>): void {
  const l = c.huabei.ledger;
  if (meets.huabei && revolving.billDueOn(l, day)) {
    const { minimum } = revolving.dueBy(l, day);
    if (minimum > 0) repayLine(c, c.huabei, minimum, day);
  }
  if (!meets.jiebei) return;
  const due = loans.dueOn(c.jiebei.book, day);
  if (due > 0) repayLine(c, c.jiebei, due, day);
}

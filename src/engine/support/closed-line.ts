// What is owed on a closed or written-off line: the balance to repay, and when instalments running to term
// fall due.

import type { Calendar } from "../calendar.js";
import {
  type Customer,
  calledIn as closureCalledIn,
  type HuabeiLine,
  type Line,
  owed,
  runsToTerm,
} from "../customer.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import { calledInDue, fallsDueOn, huabeiDueDays } from "../report-ahead.js";
import * as revolving from "../revolving.js";
import type { Fen, Remedy } from "../types.js";

/** What is owed on a closed or written-off line, and — where its instalments run to term — when it falls
 *  due: asked as a balance to repay now, it reads as if the whole loan or plan were due. `asked`: what the
 *  steps beside it ask to be paid today (the overdue, what is due in its grace days) — the instalments run
 *  to term with it paid (left unpaid until a charge-off, that would call them in). */
export function payBalance(
  c: Customer,
  line: Line,
  amount: Fen,
  day: number,
  calendar: Calendar,
  asked: Fen = 0,
): Remedy {
  const coming: { day: number; amount: Fen; lastDay: number; calledIn?: Fen } | null = !runsToTerm(line)
    ? null
    : line.id === "jiebei"
      ? loans.comingInstalments(line.book, day, c.policy.jiebeiRatePerDay, wholeFen(c.policy.toleranceAmount))
      : plansComing(c, line, day, calendar, asked);
  if (coming === null) {
    // called in (by a closure that answered a default, or Huabei's balance by any closure's statement):
    // what falls due next, all of it at once, and when
    const due = calledInDue(c, line.id, day, calendar);
    return { line: line.id, kind: "pay_balance", amount, ...(due !== null ? { calledIn: due } : {}) };
  }
  const toTerm = {
    day: coming.day,
    date: calendar.date(coming.day),
    amount: coming.amount,
    lastDay: coming.lastDay,
    lastDate: calendar.date(coming.lastDay),
    ...(coming.calledIn !== undefined ? { calledIn: coming.calledIn } : {}),
  };
  return { line: line.id, kind: "pay_balance", amount, toTerm };
}

/** A Huabei line whose instalment plans run to term: what falls due next of what is neither past due nor in
 *  its grace days — a bill stated with its due day ahead, or what the next statement bills (the plans' next
 *  instalments with their fees, what a bill still owes after its cycle was met) — on its due day, as that
 *  day's due notice asks it less what is past due by then, with `paid` repaid today (what the steps beside
 *  it ask: met at its minimum, a bill in its grace days leaves its interest since the statement to the next
 *  one), and the due day of the statement that bills the plans' last instalment; and `calledIn`, what of it
 *  the closing statement called in, beyond what `paid` pays (the oldest bills first), said as what it is
 *  beside the plans' instalments (null: no plan left to run and all of it what the closing statement
 *  called in, as on a line that had only a revolving balance — a balance called in. With no plan left to
 *  bill, the plans' last instalments billed since ran to term, on their own due days). */
function plansComing(
  c: Customer,
  line: HuabeiLine,
  day: number,
  calendar: Calendar,
  paid: Fen,
): { day: number; amount: Fen; lastDay: number; calledIn?: Fen } | null {
  const p = c.policy;
  const l = line.ledger;
  const { instalment, statements } = revolving.runningToTerm(l);
  // no plan left to bill: what is owed is what the statements billed — called in, while the closing
  // statement's bill still owes; else the plans' instalments its statements since billed, to term
  // (what the steps beside it ask pays the oldest bills first: what the closure called in among them)
  const called = Math.max(0, closureCalledIn(line) - paid);
  if (instalment === 0 && statements === 0 && called >= owed(line) - paid) return null;
  const next = huabeiDueDays(l, day, calendar, p);
  if (next === null) return null;
  // the due day of the k-th statement after today (today's has been made: customer events come after it)
  let last = day;
  for (let i = 0; i < statements; i++) last = calendar.nextDayOfMonth(last, p.statementDayOfMonth);
  return {
    day: next.day,
    amount: fallsDueOn(c, "huabei", day, calendar, next.day, paid),
    lastDay: Math.max(next.lastDay, statements > 0 ? calendar.nextDayOfMonth(last, p.dueDayOfMonth) : 0),
    ...(called > 0 ? { calledIn: called } : {}),
  };
}

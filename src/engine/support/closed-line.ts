// What is owed on a closed or written-off line: the balance to repay, and when instalments running to term
// fall due.

import type { Calendar } from "../calendar.js";
import {
  type Customer,
  calledIn as closureCalledIn,
  type HuabeiLine,
  type Line,
  otherOf,
  overdue,
  owed,
  runsToTerm,
} from "../customer.js";
import { writeOffFact } from "../eligibility.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import { calledInDue, fallsDueOn, huabeiDueDays } from "../report-ahead.js";
import * as revolving from "../revolving.js";
import type { Scored } from "../score-inputs.js";
import type { Fen, Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import { applicationOn, openingBlockers, reopensLower, tooManyApplications } from "./applying.js";
import { cite, citeFacts, type SupportAnswer } from "./citing.js";
import { openingSteps } from "./no-account.js";
import { dueInGrace } from "./reminders.js";
import { openingOutOfReach } from "./restoring-score.js";

/** reopensLower, the day its hold for the use the line lacked lifts dated. */
function reopened(c: Customer, line: Line, day: number, s: Scored, calendar: Calendar) {
  const { unusedLifts, ...lower } = reopensLower(c, line, day, s);
  return unusedLifts === undefined
    ? lower
    : { ...lower, unusedLifts: { day: unusedLifts, date: calendar.date(unusedLifts) } };
}

/** What is owed on a closed or written-off line, and — where its instalments run to term — when it falls
 *  due: asked as a balance to repay now, it reads as if the whole loan or plan were due. `asked`: what the
 *  steps beside it ask to be paid today (the overdue, what is due in its grace days) — the instalments run
 *  to term with it paid (left unpaid until a charge-off, that would call them in). */
function payBalance(
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
      ? loans.comingInstalments(line.book, day, true, wholeFen(c.policy.toleranceAmount))
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

/** What a closed or written-off line asks and what stands in the way of opening it again: the rest of its
 *  balance beside the steps that ask for the overdue and what is due in its grace days (when it falls due),
 *  a verification a hold asks, an application that would reopen it (on the first day the applications of
 *  the last 30 days let it pass, with that day's score), and its reasons as they stand today. */
export function closedLineSteps(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  answer: SupportAnswer,
  both: boolean,
): void {
  const remedies = answer.remedies;
  const balance = owed(line);
  // no reapplying after a write-off on either line (no line is opened again), nor while the other line
  // is suspended (no new line meanwhile: its restoration comes first)
  const other = otherOf(c, line);
  const lost = writeOffFact(c, line);
  // instalments running to term may be left to fall due, but an application to open the line again is
  // declined while anything is owed on it (BALANCE_OUTSTANDING): the step names all of it as what
  // reopening needs, repaying sooner optional only for the debt itself
  const reopening = (r: Remedy): Remedy =>
    r.kind === "pay_balance" && r.toTerm !== undefined && line.status === "closed" && lost === null
      ? { ...r, reopen: balance }
      : r;
  // what the steps above ask for now: the overdue, and what is due in its grace days
  const asked = overdue(line) + dueInGrace(c, line, day);
  if (balance > 0 && asked === 0) remedies.push(reopening(payBalance(c, line, balance, day, calendar)));
  else if (balance > asked) {
    // beside them, the rest: what was called in and is still to fall due, or the instalments running to
    // term — when, and how much
    const rest = payBalance(c, line, balance - asked, day, calendar, asked);
    if (rest.kind === "pay_balance" && (rest.calledIn !== undefined || rest.toTerm !== undefined))
      remedies.push(reopening(rest));
  }
  const reopens = balance === 0 && line.status === "closed" && lost === null && other.status !== "suspended";
  // judged as the application would be on the first day it can pass the applications of the last 30
  // days (its own counted), with that day's score: a day named is one it passes, or what declines it then
  const on = reopens ? applicationOn(c, day, day, s) : null;
  const blockers = on !== null ? openingBlockers(c, line, on.day, on.s) : [];
  const bars = on !== null && blockers.length > 0 ? openingOutOfReach(c, line.id, on.s) : null;
  // the steps that put right what would decline it, as an opening's are: a verification first (a hold its
  // changes laid stands until one, the line closed or not), the score to reach and the income for the
  // smallest line — told only that it 'would be declined today' for a score below minOpenScore, a
  // customer closed after a long suspension learnt nothing of what to do
  if (on !== null) remedies.push(...openingSteps(c, line, blockers, on.s, bars !== null, on.day));
  if (on !== null)
    remedies.push({
      line: line.id,
      kind: "reapply",
      day: on.day,
      date: calendar.date(on.day),
      now: on.day === day,
      blockers,
      ...(blockers.length === 0 ? reopened(c, line, on.day, on.s, calendar) : {}),
      // no file the customer can have scores what it needs: said so (as an opening's)
      ...(bars !== null ? { scoreBars: bars } : {}),
    });
  // the reasons are what stands in the way today; the closure's own, recorded then, are the on-record
  // line's (cited as today's, "a repayment is past due right now" read false once it was repaid)
  const now: RuleFact[] = lost
    ? [lost]
    : balance > 0
      ? [
          ...(overdue(line) > 0 ? [{ code: "OVERDUE_NOW" as const }] : []),
          { code: "BALANCE_OUTSTANDING", value: balance },
        ]
      : other.status === "suspended"
        ? [{ code: "OTHER_LINE_SUSPENDED", line: other.id }]
        : on !== null && on.day > day
          ? [tooManyApplications(c, day), ...blockers]
          : blockers;
  cite(
    answer,
    now.map((f) => f.code),
  );
  citeFacts(answer, now, line.id, both);
}

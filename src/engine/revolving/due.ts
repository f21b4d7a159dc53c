// What the line asks and when: what is owed ahead, the minimum, what a due date asks and its last day on
// time, what is stated by a day and at what penalty rate, and the next day a bill changes by itself.

import type { Fen } from "../types.js";
import { atMostOwed, cycleShortfall, queuedShortfall, remaining } from "./bill.js";
import type { Revolving } from "./ledger.js";

/** What is owed after `day` and neither past due nor due in its grace days: the due days ahead of the
 *  bills stated (`first`, `last`: null when none is), and whether some of it no statement has billed yet
 *  (`unstated`: what a bill still owes after its cycle was met — the interest since its statement —, what
 *  a bill in its grace days owes beyond its minimum still unpaid (met at it, its cycle not yet decided:
 *  the same), or purchases and instalments not yet billed), which the next statement bills — of it, whether
 *  purchases and instalments not yet billed are (`unbilled`), and the due day of the last bill stated whose
 *  rest it states again (`rest`: null when none — billed once already, it is no purchase "not yet
 *  billed"). */
export function owedAhead(
  l: Revolving,
  day: number,
): { first: number | null; last: number | null; unstated: boolean; unbilled: boolean; rest: number | null } {
  let first: number | null = null;
  let last: number | null = null;
  // purchases and instalments no statement has billed yet
  const unbilled = l.unbilled > 0 || l.plans.some((p) => p.unbilled > 0);
  let unstated = unbilled;
  // the due day of the last bill stated whose rest (past its due day, met or in its grace days) the next
  // statement states again: stated once already, not "not yet billed"
  let rest: number | null = null;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (remaining(b) === 0 || b.state === "arrears") continue;
    // a cycle stated while the one before was still in its grace falls due on its own day
    const due = b.dueDay > day ? b.dueDay : b.queuedDueDay > day ? b.queuedDueDay : null;
    if (due !== null) {
      first = Math.min(first ?? due, due);
      last = Math.max(last ?? due, due);
      // met, or in its grace days owing more than its minimum still short (met at it, the interest since):
      // what is left the next statement bills
    } else if (b.cycleDecided || remaining(b) > atMostOwed(b, cycleShortfall(b) + queuedShortfall(b))) {
      unstated = true;
      rest = Math.max(rest ?? b.dueDay, b.dueDay);
    }
  }
  return { first, last, unstated, unbilled, rest };
}

/** What must be paid now to clear the arrears and meet every open cycle's minimum. */
export function minimumDue(l: Revolving): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    total += b.state === "arrears" ? remaining(b) : atMostOwed(b, cycleShortfall(b) + queuedShortfall(b));
  }
  return total;
}

/** Whether a bill falls due on `day` still unsettled, its cycle not yet decided: a due notice that day. */
export const billDueOn = (l: Revolving, day: number): boolean =>
  l.bills.some((b) => b.dueDay === day && b.state !== "settled" && !b.cycleDecided);

/** What a due date asks on `day`: the bills due by then, unpaid (`due`), and the part of it that must be
 *  paid to keep them out of arrears (`minimum`). A statement closed the same day is due later. */
export function dueBy(l: Revolving, day: number): { due: Fen; minimum: Fen } {
  let due = 0;
  let minimum = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    const queued = b.queuedDueDay >= 0 && b.queuedDueDay <= day ? queuedShortfall(b) : 0;
    if (b.dueDay > day) {
      minimum += atMostOwed(b, queued);
      continue;
    }
    due += remaining(b);
    minimum += b.state === "arrears" ? remaining(b) : atMostOwed(b, cycleShortfall(b) + queued);
  }
  return { due, minimum };
}

/** The last day a repayment of what is due in its grace days still counts as on time: the earliest end
 *  of grace among the bills past their due day whose cycle minimum is short (a queued cycle's waits for
 *  it); null when none is. */
export function graceLastDay(l: Revolving, day: number): number | null {
  let last: number | null = null;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.dueDay > day || b.overdueFrom <= day || cycleShortfall(b) <= 0) continue;
    if (last === null || b.overdueFrom - 1 < last) last = b.overdueFrom - 1;
  }
  return last;
}

/** The due day of the bill whose grace `graceLastDay` ends (the earliest end of grace among the bills short
 *  of their minimum in their grace days): what its days past due count from, once missed; null when none. */
export function graceDueDay(l: Revolving, day: number): number | null {
  let last: number | null = null;
  let due: number | null = null;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.dueDay > day || b.overdueFrom <= day || cycleShortfall(b) <= 0) continue;
    if (last === null || b.overdueFrom - 1 < last) {
      last = b.overdueFrom - 1;
      due = b.dueDay;
    }
  }
  return due;
}

/** What is owed on the bills stated by `day` (and purchases not yet billed): on a line closed that day
 *  in no default, what its closure called in — its instalment plans, billed later or not yet, run to term. */
export function statedBy(l: Revolving, day: number): Fen {
  let total = l.unbilled;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.statementDay <= day) total += remaining(b);
  }
  return total;
}

/** The penalty rate a bill due on `dueDay` bears if it is missed: the one its statement stated (a rate
 *  changed since applies from the next statement); `otherwise` when no bill is stated due then. */
export function statedPenaltyRate(l: Revolving, dueDay: number, otherwise: number): number {
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.state === "settled") continue;
    if (b.queuedDueDay === dueDay) return b.queuedPenaltyRate;
    if (b.dueDay === dueDay && !b.cycleDecided) return b.penaltyRate;
  }
  return otherwise;
}

/** The next day on which a bill changes state by itself (a grace ending), after `day`. */
export function nextLedgerDay(l: Revolving, day: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const c of l.pending) if (c.overdueFrom > day) next = Math.min(next, c.overdueFrom);
  for (let i = l.firstUndecided; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (!b.cycleDecided && b.overdueFrom > day) next = Math.min(next, b.overdueFrom);
  }
  return next;
}

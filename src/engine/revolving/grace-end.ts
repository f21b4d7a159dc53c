// A grace's end: each bill revolves, settles or falls into arrears (within the tolerance, a shortfall is
// none), each statement is paid, revolved or missed, and a cycle queued behind a decided one starts.

import { dailyCharges } from "../accrual.js";
import type { Fen } from "../types.js";
import { charge } from "./accrue.js";
import { clearQueue, remaining, unpaidPrincipal } from "./bill.js";
import type { Bill, Revolving } from "./ledger.js";
import { overdueAmount } from "./totals.js";

/** A statement's due date, decided when its grace ended. */
export interface CycleOutcome {
  dueDay: number;
  /** paid: everything it billed repaid in full; revolved: the minimum met, principal left at interest;
   *  missed: its minimum (which includes any arrears) not met — every month a line stays in arrears is one */
  outcome: "paid" | "revolved" | "missed";
}

/**
 * Decides the bills whose grace has ended by `day` (they revolve, settle or fall into arrears: see the
 * header), then the statements whose grace has ended. Returns one outcome per statement, oldest first.
 */
export function decideCycles(l: Revolving, day: number, rates: { tolerance?: Fen }): CycleOutcome[] {
  // the tolerance service, once a statement (the minimum the customer was shown is its bills' together):
  // a shortfall of at most this is no shortfall, a remainder of at most this counts as repaid in full
  // (what is left stays owed, and revolves) — none on a line written off: a charge-off is final, and a
  // shortfall of a bill after it is missed, as arrears a repayment leaves within it stay in arrears (repay)
  const tolerance = l.accruing ? (rates.tolerance ?? 0) : 0;
  // (most days decide nothing: the statements' totals are made only on a day that decides one)
  let shortOf: Map<number, { short: Fen; left: Fen }> | null = null;
  for (let i = l.firstUndecided; i < l.bills.length && tolerance > 0; i++) {
    const b = l.bills[i]!;
    if (b.cycleDecided || day < b.overdueFrom || b.state === "settled") continue;
    shortOf ??= new Map();
    const t = shortOf.get(b.dueDay) ?? { short: 0, left: 0 };
    t.short += Math.max(0, b.cycleMinimum - b.cyclePaid);
    t.left += remaining(b);
    shortOf.set(b.dueDay, t);
  }
  let queued = false;
  for (let i = l.firstUndecided; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.cycleDecided || day < b.overdueFrom) continue;
    b.cycleDecided = true;
    if (b.state === "settled") continue;
    const graceDays = b.overdueFrom - b.dueDay - 1;
    const statement = shortOf?.get(b.dueDay);
    if (b.cyclePaid >= b.cycleMinimum || (statement !== undefined && statement.short <= tolerance)) {
      b.tolerated = statement !== undefined && statement.left <= tolerance;
      // a first cycle: interest from the day after the due day, for the grace days now past
      if (b.state === "open" && l.accruing)
        charge(l, b, dailyCharges(b.carry, unpaidPrincipal(b), b.revolvingRate, graceDays), false);
      b.state = "revolving";
      if (b.queuedDueDay >= 0) queued = true;
    } else {
      // the penalty replaces interest from the day after the due day (a revolving bill already paid
      // interest for the grace days: the penalty's excess over it)
      if (l.accruing && b.state === "open")
        charge(l, b, dailyCharges(b.carry, unpaidPrincipal(b), b.penaltyRate, graceDays), true);
      else if (l.accruing && b.penaltyRate > b.revolvingRate)
        charge(
          l,
          b,
          dailyCharges(b.carry, unpaidPrincipal(b), b.penaltyRate - b.revolvingRate, graceDays),
          true,
        );
      b.state = "arrears";
      // an overdue bill is due in full: the cycle queued behind it has nothing left to ask
      clearQueue(b);
    }
  }
  while (l.firstUndecided < l.bills.length && l.bills[l.firstUndecided]!.cycleDecided) l.firstUndecided++;
  const out = statementOutcomes(l, day);
  // after the outcomes: a statement's outcome reads its bills' due day, which the queued cycle moves on
  if (queued)
    for (let i = l.firstOpen; i < l.bills.length; i++) {
      const b = l.bills[i]!;
      if (b.state === "revolving" && b.cycleDecided && b.queuedDueDay >= 0) startQueuedCycle(l, b, i);
    }
  return out;
}

function statementOutcomes(l: Revolving, day: number): CycleOutcome[] {
  if (l.pending.length === 0 || day < l.pending[0]!.overdueFrom) return NONE;
  const out: CycleOutcome[] = [];
  const inArrears = overdueAmount(l) > 0;
  while (l.pending.length > 0 && day >= l.pending[0]!.overdueFrom) {
    const { dueDay } = l.pending.shift()!;
    let revolving = false;
    for (let i = l.firstOpen; i < l.bills.length; i++) {
      const b = l.bills[i]!;
      if (b.state === "revolving" && b.dueDay === dueDay && !b.tolerated) revolving = true;
    }
    out.push({ dueDay, outcome: inArrears ? "missed" : revolving ? "revolved" : "paid" });
  }
  return out;
}

const NONE: CycleOutcome[] = [];

/** The cycle a statement queued behind an undecided one, with the minimum the statement stated. */
function startQueuedCycle(l: Revolving, b: Bill, index: number): void {
  b.dueDay = b.queuedDueDay;
  b.overdueFrom = b.queuedOverdueFrom;
  b.revolvingRate = b.queuedRevolvingRate;
  b.penaltyRate = b.queuedPenaltyRate;
  // what was paid towards it counts once: the minimum is at most what was owed before that was paid
  b.cycleMinimum = Math.min(b.queuedMinimum, remaining(b) + b.queuedPaid);
  b.cyclePaid = b.queuedPaid;
  b.cycleDecided = false;
  b.tolerated = false;
  clearQueue(b);
  l.firstUndecided = Math.min(l.firstUndecided, index);
}

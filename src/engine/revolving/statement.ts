// The statement: the terms it states, what it bills (purchases and the plans' instalments as a new bill) and
// the new cycle it gives every bill carried, and whether a due date was stated already.

import { newCarry } from "../accrual.js";
import { ceilWhole } from "../money.js";
import type { Fen } from "../types.js";
import { clearQueue, remaining, unpaidCharges, unpaidPrincipal } from "./bill.js";
import { minimumDue } from "./due.js";
import type { Revolving } from "./ledger.js";
import { dropRepaidPlans, nextInstalment } from "./plans.js";

/** The terms a statement states. Its rates hold for what it states until the next statement restates
 *  them: a change of rates applies to what is owed from the next statement, not to a bill already stated
 *  (a change of terms needs notice ahead: US Regulation Z, 12 CFR 1026.9(c)(2); China's 2011 rules for
 *  bank cards ask 45 days' notice of a change of interest rates; **assumption**: the statement is the notice,
 *  as for the grace days). */
export interface StatementPolicy {
  minRepaymentRate: number;
  graceDays: number;
  revolvingRatePerDay: number;
  penaltyRatePerDay: number;
}

export interface StatementResult {
  /** new principal billed: purchases since the last statement and this period's instalments */
  billed: Fen;
  /** of it, instalment principal */
  instalments: Fen;
  /** instalment fees billed */
  fees: Fen;
  /** unpaid principal of earlier bills that revolves on (on a closing statement, every earlier bill's) */
  carried: Fen;
  /** the interest and other charges still unpaid on those bills: with the rest, what the statement says is owed */
  carriedCharges: Fen;
  /** what is already in arrears (part of the minimum): a statement with nothing new still says why it asks */
  overdue: Fen;
  /** what must be paid by the due day: arrears, and every open bill's cycle minimum */
  minimum: Fen;
  /** on a closed line, instalment principal not yet billed: its plans run to term (a closure that answers
   *  no default), billed one instalment a statement; 0 otherwise */
  toTerm: Fen;
}

/** How a statement bills the instalment plans: one instalment each with its fee (an open line's, and a
 *  closed line whose plans run to term), all that is left without the fees not yet billed (a closure that
 *  calls the line in), or none (the closing statement of a closure whose plans run to term: the month's
 *  instalment was billed on its statement day, and the next is the next month's). */
export type PlanBilling = "instalment" | "all" | "none";

/**
 * Closes the cycle on a statement day: bills unbilled purchases and one instalment of each plan (with its
 * fee) as a new bill due on `dueDay`, and gives every revolving bill a new cycle minimum due then. With
 * `closing`, the line is closed: everything billed is due in full, and the plans are billed as `plans`
 * says (by default all of them: everything owed falls due). Null when nothing is owed.
 */
export function closeStatement(
  l: Revolving,
  day: number,
  dueDay: number,
  policy: StatementPolicy,
  closing = false,
  plans: PlanBilling = closing ? "all" : "instalment",
): StatementResult | null {
  let instalments = 0;
  let fees = 0;
  for (let i = 0; plans !== "none" && i < l.plans.length; i++) {
    const p = l.plans[i]!;
    const next = plans === "all" ? { part: p.unbilled, fee: 0 } : nextInstalment(p);
    p.billed++;
    p.unbilled -= next.part;
    p.feeBilled += next.fee;
    instalments += next.part;
    fees += next.fee;
  }
  dropRepaidPlans(l);
  let toTerm = 0;
  if (closing) for (const p of l.plans) toTerm += p.unbilled;
  const overdueFrom = dueDay + policy.graceDays + 1;
  let carried = 0;
  let carriedCharges = 0;
  let overdue = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.state === "arrears") {
      overdue += remaining(b);
      // arrears are stated (overdue) too, at this statement's rates
      b.revolvingRate = policy.revolvingRatePerDay;
      b.penaltyRate = policy.penaltyRatePerDay;
    }
    if (b.state !== "revolving" && b.state !== "open") continue;
    // a bill still in its first cycle is carried too: the statement states it (every part of what is owed
    // is named, so that they add up)
    carried += unpaidPrincipal(b);
    carriedCharges += unpaidCharges(b);
    // a revolving bill starts a new cycle; on closing, every bill not in arrears is due in full
    if (!b.cycleDecided && (!closing || b.dueDay <= day)) {
      // the cycle before is past its due day, still in its grace: restarting now would move a due date
      // the customer was told and erase a minimum not yet decided (a missed one would never fall into
      // arrears) — a closed line's statement too, and a closure's; the new cycle starts when that one is
      // met. (On closing, a cycle not yet due is the one the closure calls in: due in full on its day.)
      b.queuedDueDay = dueDay;
      b.queuedOverdueFrom = overdueFrom;
      b.queuedMinimum = closing
        ? remaining(b)
        : cycleMinimum(unpaidPrincipal(b), unpaidCharges(b), policy.minRepaymentRate);
      b.queuedPaid = 0;
      b.queuedRevolvingRate = policy.revolvingRatePerDay;
      b.queuedPenaltyRate = policy.penaltyRatePerDay;
      continue;
    }
    b.dueDay = dueDay;
    b.overdueFrom = overdueFrom;
    b.revolvingRate = policy.revolvingRatePerDay;
    b.penaltyRate = policy.penaltyRatePerDay;
    b.cycleMinimum = closing
      ? remaining(b)
      : cycleMinimum(unpaidPrincipal(b), unpaidCharges(b), policy.minRepaymentRate);
    b.cyclePaid = 0;
    b.cycleDecided = false;
    b.tolerated = false;
    clearQueue(b);
  }
  // the first undecided bill: the bills this statement billed again, unless decided already (a day that
  // decides nothing then leaves the cursor where it is)
  l.firstUndecided = Math.min(l.firstUndecided, l.firstOpen);
  while (l.firstUndecided < l.bills.length && l.bills[l.firstUndecided]!.cycleDecided) l.firstUndecided++;
  const principal = l.unbilled + instalments;
  if (principal > 0 || fees > 0) {
    const rest = principal - instalments;
    l.bills.push({
      statementDay: day,
      firstDueDay: dueDay,
      principal,
      instalment: instalments,
      principalPaid: 0,
      charges: fees,
      chargesPaid: 0,
      state: "open",
      dueDay,
      overdueFrom,
      cycleMinimum: closing ? principal + fees : instalments + fees + shareUp(rest, policy.minRepaymentRate),
      cyclePaid: 0,
      cycleDecided: false,
      queuedDueDay: -1,
      queuedOverdueFrom: -1,
      queuedMinimum: 0,
      queuedPaid: 0,
      tolerated: false,
      toleratedOn: -1,
      settledDay: null,
      carry: newCarry(),
      revolvingRate: policy.revolvingRatePerDay,
      penaltyRate: policy.penaltyRatePerDay,
      queuedRevolvingRate: 0,
      queuedPenaltyRate: 0,
    });
    l.fees += fees;
  }
  l.unbilled = 0;
  // a queued cycle's minimum is this statement's too (minimumDue counts it), though it starts when the
  // cycle before is met
  const minimum = minimumDue(l);
  if (principal === 0 && fees === 0 && carried === 0 && minimum === 0) return null;
  // one due date, one outcome: a closed line's month statement may fall due with its closing statement
  if (!statedFor(l, dueDay)) l.pending.push({ dueDay, overdueFrom });
  return { billed: principal, instalments, fees, carried, carriedCharges, overdue, minimum, toTerm };
}

/** Whether a statement due on `dueDay` was already made (its grace has not ended yet). */
export const statedFor = (l: Revolving, dueDay: number): boolean =>
  l.pending.some((p) => p.dueDay === dueDay);

const cycleMinimum = (principal: Fen, charges: Fen, minRepaymentRate: number): Fen =>
  charges + Math.min(principal, shareUp(principal, minRepaymentRate));

/** `rate` of `fen`, rounded up to the fen — a share that is a whole fen may come out a hair over it in
 *  binary (0.07 × 100,000 is 7,000.000…1), and a ¥1,000.00 bill's 7 % minimum was ¥70.01 (ceilWhole). */
const shareUp = (fen: Fen, rate: number): Fen => ceilWhole(fen * rate);

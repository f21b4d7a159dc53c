// The Huabei ledger's records (see ../revolving.ts for its rules): an instalment plan, a bill and its cycle,
// the line with its running totals; a new line, and a deep copy onto a new one.

import { type Carry, copyCarry } from "../accrual.js";
import type { Fen } from "../types.js";
import type { InstalmentTerm } from "../vocabulary.js";

export interface InstalmentPlan {
  day: number;
  term: InstalmentTerm;
  principal: Fen;
  fee: Fen;
  /** instalments billed so far */
  billed: number;
  /** principal not yet billed */
  unbilled: Fen;
  /** fees billed so far: never more than `fee` (the invariant tests hold it) */
  feeBilled: Fen;
}

type BillState =
  /** before its due day, or within the grace after it: not yet decided */
  | "open"
  /** minimum met, principal left: interest-bearing */
  | "revolving"
  /** a cycle minimum missed: overdue, penalty-bearing */
  | "arrears"
  | "settled";

export interface Bill {
  statementDay: number;
  /** the first due day: revolving interest runs from the day after it */
  firstDueDay: number;
  principal: Fen;
  /** of the principal, instalment principal (due in full) */
  instalment: Fen;
  principalPaid: Fen;
  charges: Fen;
  chargesPaid: Fen;
  state: BillState;
  /** the current cycle: due day, end of grace, what it requires, what was paid since it began */
  dueDay: number;
  overdueFrom: number;
  cycleMinimum: Fen;
  cyclePaid: Fen;
  /** whether the current cycle was decided (met or missed) */
  cycleDecided: boolean;
  /** a statement that came while the current cycle was still undecided (a calendar whose grace runs
   *  into the next statement): its due day and end of grace, the cycle that starts once the current one
   *  is met; −1 when none */
  queuedDueDay: number;
  queuedOverdueFrom: number;
  /** the queued cycle's minimum, as its statement stated it, and what was paid towards it (repaid beyond
   *  the current cycle's minimum since that statement) */
  queuedMinimum: Fen;
  queuedPaid: Fen;
  /** the current cycle's remainder was within the policy's tolerance: it counts as repaid in full */
  tolerated: boolean;
  /** the day a repayment left the bill's arrears within the tolerance (−1 when none did): for the rest of
   *  that day it keeps its place among the arrears, ahead of newer minimums */
  toleratedOn: number;
  /** day the bill was repaid in full, or null */
  settledDay: number | null;
  carry: Carry;
  /** the daily rates the statement that last stated the bill stated (interest on what revolves, penalty on
   *  arrears): a policy's new rates apply from its next statement, as its grace days do (StatementPolicy) */
  revolvingRate: number;
  penaltyRate: number;
  /** the queued cycle's rates, as its statement stated them (taken when that cycle starts) */
  queuedRevolvingRate: number;
  queuedPenaltyRate: number;
}

export interface Revolving {
  unbilled: Fen;
  bills: Bill[];
  plans: InstalmentPlan[];
  /** index of the oldest bill not settled: bills before it are done */
  firstOpen: number;
  /** index of the oldest bill whose cycle is not decided: bills before it wait for nothing */
  firstUndecided: number;
  /** statements whose due date's grace has not ended yet: each is recorded as paid, revolved or missed */
  pending: Array<{ dueDay: number; overdueFrom: number }>;
  /** the last day whose charges have been added */
  chargedThrough: number;
  /** false once charged off: a written-off debt accrues nothing more */
  accruing: boolean;
  purchases: Fen;
  repayments: Fen;
  interest: Fen;
  fees: Fen;
  penalties: Fen;
  writtenOff: Fen;
}

export function newRevolving(): Revolving {
  return {
    unbilled: 0,
    bills: [],
    plans: [],
    firstOpen: 0,
    firstUndecided: 0,
    pending: [],
    chargedThrough: -1,
    accruing: true,
    purchases: 0,
    repayments: 0,
    interest: 0,
    fees: 0,
    penalties: 0,
    writtenOff: 0,
  };
}

/** A deep copy, onto a new ledger (its hidden class: forkCustomer). */
export function forkRevolving(l: Revolving): Revolving {
  return Object.assign(newRevolving(), l, {
    bills: copied(l.bills, copyBill),
    plans: copied(l.plans, copyPlan),
    pending: copied(l.pending, (c) => ({ dueDay: c.dueDay, overdueFrom: c.overdueFrom })),
  });
}

/** A fork's copies are literals with the fields in the order the statement, a purchase and a statement's
 *  pending due date make them, in arrays filled by push: copies made by spreads (`{ ...b }`) and by `map`
 *  (a holey array) have hidden classes of their own, and every rule that reads both the originals and the
 *  copies (the review bench's cases are forks: docs/performance.md) met two kinds of each. A field added
 *  to a bill or a plan is a type error here until it is copied. */
export function copied<T>(from: readonly T[], copy: (x: T) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < from.length; i++) out.push(copy(from[i]!));
  return out;
}

const copyBill = (b: Bill): Bill => ({
  statementDay: b.statementDay,
  firstDueDay: b.firstDueDay,
  principal: b.principal,
  instalment: b.instalment,
  principalPaid: b.principalPaid,
  charges: b.charges,
  chargesPaid: b.chargesPaid,
  state: b.state,
  dueDay: b.dueDay,
  overdueFrom: b.overdueFrom,
  cycleMinimum: b.cycleMinimum,
  cyclePaid: b.cyclePaid,
  cycleDecided: b.cycleDecided,
  queuedDueDay: b.queuedDueDay,
  queuedOverdueFrom: b.queuedOverdueFrom,
  queuedMinimum: b.queuedMinimum,
  queuedPaid: b.queuedPaid,
  tolerated: b.tolerated,
  toleratedOn: b.toleratedOn,
  settledDay: b.settledDay,
  carry: copyCarry(b.carry),
  revolvingRate: b.revolvingRate,
  penaltyRate: b.penaltyRate,
  queuedRevolvingRate: b.queuedRevolvingRate,
  queuedPenaltyRate: b.queuedPenaltyRate,
});

const copyPlan = (p: InstalmentPlan): InstalmentPlan => ({
  day: p.day,
  term: p.term,
  principal: p.principal,
  fee: p.fee,
  billed: p.billed,
  unbilled: p.unbilled,
  feeBilled: p.feeBilled,
});

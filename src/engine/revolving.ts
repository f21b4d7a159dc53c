// The Huabei ledger: a revolving line for purchases, in integer fen. Mutable inside one engine run and
// never seen outside it (callers get snapshots). After every operation:
//   balance = purchases − repayments + charges      (charges = interest + instalment fees + penalties)
// A charge-off writes the balance off as the lender's loss (`writtenOff`) but does not change what is owed.
//
// The cycle. A statement bills the purchases since the last one (and one instalment of every instalment
// plan, with its fee) as a bill due on the due day. Each open bill has a cycle minimum: its instalment part
// in full, the policy's share of the rest, and its unpaid charges. When the grace after the due day ends:
//   - a bill repaid in full is settled; interest-free (the purchase grace period);
//   - a bill whose minimum was met revolves: interest on its unpaid principal from the day after its first
//     due day, every day, across statements, until repaid. At every later statement it gets a new cycle
//     minimum (rate × its unpaid principal + its unpaid charges) due with the new bill;
//   - a bill whose minimum was not met falls into arrears: the whole bill is overdue (Huabei's rule), and a
//     daily penalty runs on its unpaid principal instead of interest, charged back to the day after its due
//     day (the grace period forgives only a repayment made within it).
// Interest and penalties are simple daily rates on principal (actual days; no interest on interest), at
// the rates of the statement that last stated the bill: a policy's new rates apply from its next statement.
//
// Repayment order (what a repayment pays, in turn): bills in arrears, oldest first (one in arrears at the
// start of the day keeps its place all day, though a repayment left it within the tolerance); then every
// bill's unpaid cycle minimum, oldest first; then the rest of each bill, oldest first; then unbilled
// purchases; then instalment principal not yet billed (an early settlement: fees of periods not yet billed
// are not charged). Within a bill, charges (penalties, fees, interest) before principal.

import { type Carry, copyCarry, dailyCharges, newCarry } from "./accrual.js";
import type { Fen } from "./types.js";
import type { InstalmentTerm } from "./vocabulary.js";

interface InstalmentPlan {
  day: number;
  term: InstalmentTerm;
  principal: Fen;
  fee: Fen;
  /** instalments billed so far */
  billed: number;
  /** principal not yet billed */
  unbilled: Fen;
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

interface Bill {
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

const unpaidPrincipal = (b: Bill): Fen => b.principal - b.principalPaid;
const unpaidCharges = (b: Bill): Fen => b.charges - b.chargesPaid;
const remaining = (b: Bill): Fen => unpaidPrincipal(b) + unpaidCharges(b);
const cycleShortfall = (b: Bill): Fen =>
  b.state !== "arrears" && !b.cycleDecided ? Math.max(0, b.cycleMinimum - b.cyclePaid) : 0;
const queuedShortfall = (b: Bill): Fen =>
  b.queuedDueDay >= 0 ? Math.max(0, b.queuedMinimum - b.queuedPaid) : 0;

function clearQueue(b: Bill): void {
  b.queuedDueDay = -1;
  b.queuedOverdueFrom = -1;
  b.queuedMinimum = 0;
  b.queuedPaid = 0;
}

export const charges = (l: Revolving): Fen => l.interest + l.fees + l.penalties;

/** The charges (interest, instalment fees, penalties) billed or accrued and not yet repaid. */
export function chargesUnpaid(l: Revolving): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) total += unpaidCharges(l.bills[i]!);
  return total;
}

/** What the customer owes on the line (including instalments not yet billed and written-off debt). */
export function balance(l: Revolving): Fen {
  let total = l.unbilled;
  for (let i = l.firstOpen; i < l.bills.length; i++) total += remaining(l.bills[i]!);
  for (const p of l.plans) total += p.unbilled;
  return total;
}

/** What is owed after `day` and neither past due nor due in its grace days: the due days ahead of the
 *  bills stated (`first`, `last`: null when none is), and whether some of it no statement has billed yet
 *  (`unstated`: what a bill still owes after its cycle was met — the interest since its statement —, what
 *  a bill in its grace days owes beyond its minimum still unpaid (met at it, its cycle not yet decided:
 *  the same), or purchases and instalments not yet billed), which the next statement bills. */
export function owedAhead(
  l: Revolving,
  day: number,
): { first: number | null; last: number | null; unstated: boolean } {
  let first: number | null = null;
  let last: number | null = null;
  let unstated = l.unbilled > 0 || l.plans.some((p) => p.unbilled > 0);
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
    } else if (b.cycleDecided || remaining(b) > atMostOwed(b, cycleShortfall(b) + queuedShortfall(b)))
      unstated = true;
  }
  return { first, last, unstated };
}

/** Everything billed and unpaid: what a `statement` repayment pays. */
export function statementBalance(l: Revolving): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) total += remaining(l.bills[i]!);
  return total;
}

/** A bill's minimums together, never more than it owes: a cycle still in its grace and the one queued
 *  behind it are both a share (or all, on a closing bill) of the same principal, and repaying the bill
 *  meets both. */
const atMostOwed = (b: Bill, minimum: Fen): Fen => Math.min(minimum, remaining(b));

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

/** The amount overdue now: bills in arrears, principal and charges. */
export function overdueAmount(l: Revolving): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.state === "arrears") total += remaining(b);
  }
  return total;
}

/** The due day of the oldest bill in arrears (null when none is). */
export function oldestArrears(l: Revolving): number | null {
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    // read on every bill, not only one in arrears (docs/performance.md, "optimised once")
    const due = b.dueDay;
    if (b.state === "arrears") return due;
  }
  return null;
}

export function purchase(
  l: Revolving,
  amount: Fen,
  day: number,
  plan: { term: InstalmentTerm; fee: Fen } | null,
) {
  l.purchases += amount;
  if (plan === null) l.unbilled += amount;
  else
    l.plans.push({
      day,
      term: plan.term,
      principal: amount,
      fee: plan.fee,
      billed: 0,
      unbilled: amount,
      feeBilled: 0,
    });
}

/**
 * A repayment, in the order the header describes. Pays at most the balance; returns what was applied.
 * A bill in arrears left owing at most `tolerance` is no longer overdue (the tolerance service: the
 * remainder counts as repaid in full, stays owed and revolves): a bill repaid in full a day late, its
 * penalty paid first, would otherwise stay in arrears for the penalty's worth and be written off. For the
 * rest of that day it is still paid first: the tolerance judges what is left, it does not reorder the day's
 * repayments (split in two, they would go where one would not). A line written off keeps its arrears, as a
 * Jiebei book does: a charge-off is final, and what is repaid after it is a recovery.
 */
export function repay(l: Revolving, amount: Fen, day: number, tolerance: Fen = 0): Fen {
  let left = Math.min(amount, balance(l));
  const applied = left;
  const pay = (b: Bill, most: Fen): void => {
    const c = Math.min(most, unpaidCharges(b));
    const p = Math.min(most - c, unpaidPrincipal(b));
    // what goes beyond the current cycle's minimum counts towards the cycle queued behind it
    if (b.queuedDueDay >= 0) b.queuedPaid += Math.max(0, c + p - cycleShortfall(b));
    b.chargesPaid += c;
    b.principalPaid += p;
    b.cyclePaid += c + p;
    left -= c + p;
    if (remaining(b) === 0) {
      b.state = "settled";
      b.settledDay = day;
      clearQueue(b);
    }
  };
  // a bill in arrears at the start of the day keeps its place for the rest of it, though a repayment
  // earlier that day left it within the tolerance: the order does not depend on how the day's money is split
  for (let i = l.firstOpen; i < l.bills.length && left > 0; i++) {
    const b = l.bills[i]!;
    if (b.state === "arrears" || (b.toleratedOn === day && b.state !== "settled")) pay(b, left);
  }
  for (let i = l.firstOpen; i < l.bills.length && left > 0; i++) {
    const b = l.bills[i]!;
    const short = cycleShortfall(b) + queuedShortfall(b);
    if (short > 0) pay(b, Math.min(left, short));
  }
  for (let i = l.firstOpen; i < l.bills.length && left > 0; i++) {
    const b = l.bills[i]!;
    if (b.state !== "settled") pay(b, left);
  }
  const unbilled = Math.min(left, l.unbilled);
  l.unbilled -= unbilled;
  left -= unbilled;
  for (const p of l.plans) {
    const part = Math.min(left, p.unbilled);
    p.unbilled -= part;
    left -= part;
  }
  dropRepaidPlans(l);
  l.repayments += applied;
  if (applied > 0 && tolerance > 0 && l.accruing && overdueAmount(l) <= tolerance)
    for (let i = l.firstOpen; i < l.bills.length; i++) {
      const b = l.bills[i]!;
      if (b.state !== "arrears") continue;
      b.state = "revolving";
      b.tolerated = true;
      b.toleratedOn = day;
    }
  while (l.firstOpen < l.bills.length && l.bills[l.firstOpen]!.state === "settled") l.firstOpen++;
  return applied;
}

/** Drops the instalment plans with nothing left to bill — a new list only when one is dropped: statements
 *  and repayments of a population, most lines with no plan or none repaid, made an empty copy each. */
function dropRepaidPlans(l: Revolving): void {
  for (const p of l.plans)
    if (p.unbilled <= 0) {
      l.plans = l.plans.filter((x) => x.unbilled > 0);
      return;
    }
}

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

/** A plan's next instalment: its principal (a plan partly settled early bills what is left of it, never
 *  more) and its fee. */
function nextInstalment(p: InstalmentPlan): { part: Fen; fee: Fen } {
  const last = p.billed + 1 >= p.term;
  return {
    part: last ? p.unbilled : Math.min(p.unbilled, Math.floor(p.principal / p.term)),
    fee: last ? p.fee - p.feeBilled : Math.round(p.fee / p.term),
  };
}

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
      cycleMinimum: closing
        ? principal + fees
        : instalments + fees + Math.ceil(rest * policy.minRepaymentRate),
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

/**
 * On a line whose instalment plans run to term (closed in no default): the plans' next instalments with
 * their fees (billed on the next statement), and how many statements the plans still bill. (When what is
 * owed falls due, the bills stated with it: owedAhead.)
 */
export function runningToTerm(l: Revolving): { instalment: Fen; statements: number } {
  let instalment = 0;
  let statements = 0;
  for (const p of l.plans) {
    const next = nextInstalment(p);
    instalment += next.part + next.fee;
    // the instalments left keep their amount: a plan partly settled early ends sooner
    const per = Math.floor(p.principal / p.term);
    const left = p.term - p.billed;
    statements = Math.max(statements, per > 0 ? Math.min(left, Math.ceil(p.unbilled / per)) : left);
  }
  return { instalment, statements };
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

/** Whether a statement due on `dueDay` was already made (its grace has not ended yet). */
export const statedFor = (l: Revolving, dueDay: number): boolean =>
  l.pending.some((p) => p.dueDay === dueDay);

const cycleMinimum = (principal: Fen, charges: Fen, minRepaymentRate: number): Fen =>
  charges + Math.min(principal, Math.ceil(principal * minRepaymentRate));

/** Adds the daily charges for days (chargedThrough, through], the state being constant over them, at each
 *  bill's stated rates. */
export function accrue(l: Revolving, through: number): void {
  const from = l.chargedThrough + 1;
  if (through < from) return;
  l.chargedThrough = through;
  if (!l.accruing) return;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.state === "revolving")
      charge(l, b, dailyCharges(b.carry, unpaidPrincipal(b), b.revolvingRate, through - from + 1), false);
    else if (b.state === "arrears")
      charge(l, b, dailyCharges(b.carry, unpaidPrincipal(b), b.penaltyRate, through - from + 1), true);
  }
}

function charge(l: Revolving, b: Bill, amount: Fen, penalty: boolean): void {
  if (amount === 0) return;
  b.charges += amount;
  if (penalty) l.penalties += amount;
  else l.interest += amount;
}

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

/** Writes the line off: the balance becomes the lender's loss, charges stop. What is owed stays owed. */
export function writeOff(l: Revolving): Fen {
  const amount = balance(l);
  l.writtenOff += amount;
  l.accruing = false;
  return amount;
}

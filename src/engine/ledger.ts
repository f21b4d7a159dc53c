// The ledger of one credit line, in integer fen. It is mutable inside one engine run (for speed) and never
// escapes it: callers see snapshots. Invariant after every operation:
//   balance = purchases − repayments + charges,  where charges = overdue penalties + revolving interest.

import type { Fen, PolicyParams } from "./types.js";

export interface Bill {
  statementDay: number;
  dueDay: number;
  /** first day the bill counts as overdue when its minimum is unpaid (due day + grace + 1) */
  overdueFrom: number;
  /** of the principal, what was carried over from earlier revolving bills */
  carried: Fen;
  principal: Fen;
  minimum: Fen;
  principalPaid: Fen;
  charges: Fen;
  chargesPaid: Fen;
  /** set the first day after the due day: whether the bill was repaid in full by then */
  settledByDue: boolean | null;
  /** milli-fen of charges accrued but not yet a whole fen */
  carry: number;
  /** set on `overdueFrom`: whether the minimum was unpaid then */
  overdue: boolean | null;
  /** day the bill was fully repaid or rolled into a later statement, or null */
  settledDay: number | null;
  /** true when the bill's remainder moved into a later statement */
  rolledOver: boolean;
}

/** An overdue episode, kept for the scorecard after the bill is settled. */
export interface Delinquency {
  dueDay: number;
  /** day the overdue bill was repaid in full, null while it is still overdue */
  curedDay: number | null;
}

export interface Ledger {
  unbilled: Fen;
  bills: Bill[];
  /** index of the oldest bill that is not settled: bills before it are done */
  firstOpen: number;
  delinquencies: Delinquency[];
  purchases: Fen;
  repayments: Fen;
  charges: Fen;
  /** of the charges, the overdue penalties (the rest is revolving interest) */
  penalties: Fen;
  /** the last day whose charges have been added */
  chargedThrough: number;
}

export function newLedger(day: number): Ledger {
  return {
    unbilled: 0,
    bills: [],
    firstOpen: 0,
    delinquencies: [],
    purchases: 0,
    repayments: 0,
    charges: 0,
    penalties: 0,
    chargedThrough: day,
  };
}

const remaining = (b: Bill): Fen => b.principal - b.principalPaid + b.charges - b.chargesPaid;

export function balance(l: Ledger): Fen {
  let total = l.unbilled;
  for (let i = l.firstOpen; i < l.bills.length; i++) total += remaining(l.bills[i]!);
  return total;
}

/** Everything billed and unpaid (statements and their charges). */
export function statementBalance(l: Ledger): Fen {
  return balance(l) - l.unbilled;
}

/** What must be paid now to have nothing overdue and every due minimum met. */
export function minimumDue(l: Ledger): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    total += b.overdue ? remaining(b) : Math.max(0, b.minimum - b.principalPaid);
  }
  return total;
}

/** The amount of bills that are overdue now (principal and charges unpaid). */
export function overdueAmount(l: Ledger): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.overdue) total += remaining(b);
  }
  return total;
}

/** Days past the due date of the oldest overdue bill (0 when none). */
export function overdueDays(l: Ledger, day: number): number {
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.overdue) return day - b.dueDay;
  }
  return 0;
}

export function purchase(l: Ledger, amount: Fen): void {
  l.unbilled += amount;
  l.purchases += amount;
}

/** Settles oldest debt first (a bill's charges, then its principal; then newer bills; then unbilled).
 *  Pays at most the balance; returns what was applied. */
export function repay(l: Ledger, amount: Fen, day: number): Fen {
  let left = Math.min(amount, balance(l));
  const applied = left;
  for (let i = l.firstOpen; i < l.bills.length && left > 0; i++) {
    const b = l.bills[i]!;
    const charges = Math.min(left, b.charges - b.chargesPaid);
    b.chargesPaid += charges;
    left -= charges;
    const principal = Math.min(left, b.principal - b.principalPaid);
    b.principalPaid += principal;
    left -= principal;
    if (remaining(b) === 0) settle(l, b, day);
  }
  const unbilled = Math.min(left, l.unbilled);
  l.unbilled -= unbilled;
  left -= unbilled;
  l.repayments += applied;
  advanceFirstOpen(l);
  return applied;
}

function settle(l: Ledger, b: Bill, day: number): void {
  b.settledDay = day;
  if (b.overdue) {
    for (const d of l.delinquencies) if (d.dueDay === b.dueDay && d.curedDay === null) d.curedDay = day;
  }
}

function advanceFirstOpen(l: Ledger): void {
  while (l.firstOpen < l.bills.length && l.bills[l.firstOpen]!.settledDay !== null) l.firstOpen++;
}

/**
 * Closes the cycle: unbilled purchases, plus what still revolves from earlier bills whose minimum was
 * met (with its interest), become one bill due on `dueDay` — as a monthly statement carries the balance
 * over. Overdue bills stay apart: they are arrears. Returns the bill, or null when nothing is billed.
 */
export function closeStatement(l: Ledger, day: number, dueDay: number, policy: PolicyParams): Bill | null {
  let carried = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.overdue !== false || b.settledDay !== null) continue;
    carried += remaining(b);
    // rolled into the new bill: nothing is paid, the debt moves (balance and totals are unchanged)
    b.principalPaid = b.principal;
    b.chargesPaid = b.charges;
    b.settledDay = day;
    b.rolledOver = true;
  }
  advanceFirstOpen(l);
  const principal = l.unbilled + carried;
  if (principal === 0) return null;
  const bill: Bill = {
    statementDay: day,
    dueDay,
    overdueFrom: dueDay + policy.graceDays + 1,
    principal,
    carried,
    rolledOver: false,
    minimum: Math.ceil(principal * policy.minRepaymentRate),
    principalPaid: 0,
    charges: 0,
    chargesPaid: 0,
    settledByDue: null,
    carry: 0,
    overdue: null,
    settledDay: null,
  };
  l.unbilled = 0;
  l.bills.push(bill);
  return bill;
}

/** Adds the daily charges for days (chargedThrough, through], the state being constant over them. */
export function accrue(l: Ledger, through: number, policy: PolicyParams): void {
  const from = l.chargedThrough + 1;
  if (through < from) return;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    const principal = b.principal - b.principalPaid;
    if (principal <= 0) continue;
    let days = 0;
    let rate = 0;
    if (b.overdue) {
      days = through - Math.max(from, b.overdueFrom) + 1;
      rate = policy.penaltyRatePerDay;
    } else if (b.principalPaid >= b.minimum) {
      days = through - Math.max(from, b.dueDay + 1) + 1;
      rate = policy.revolvingRatePerDay;
    }
    if (days > 0) addCharge(l, b, dailyCharges(b, principal, rate, days), b.overdue === true);
  }
  l.chargedThrough = through;
}

const NONE_TURNED: Bill[] = [];

/** A milli-fen is a thousandth of a fen: daily charges are kept to it, so that small balances are charged
 *  their true 0.05 % (0.5 fen a day on ¥10) rather than a rounded fen a day. */
const MILLI = 1000;

/** `days` daily charges at `rate` on `principal`, in whole fen; the fraction of a fen carries to the next. */
function dailyCharges(b: Bill, principal: Fen, rate: number, days: number): Fen {
  const perDay = Math.round(principal * rate * MILLI);
  const total = b.carry + days * perDay;
  const fen = Math.floor(total / MILLI);
  b.carry = total - fen * MILLI;
  return fen;
}

function addCharge(l: Ledger, b: Bill, amount: Fen, penalty: boolean): void {
  b.charges += amount;
  l.charges += amount;
  if (penalty) l.penalties += amount;
}

/** Bills that passed their due day since the last look: records whether each was repaid in full. */
export function passDueDays(l: Ledger, day: number): void {
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.settledByDue === null && day > b.dueDay) b.settledByDue = false;
  }
  // settled bills (before firstOpen) were repaid in full by their settled day
  for (let i = 0; i < l.firstOpen; i++) {
    const b = l.bills[i]!;
    if (b.settledByDue === null && day > b.dueDay)
      b.settledByDue = !b.rolledOver && b.settledDay! <= b.dueDay;
  }
}

/**
 * Bills whose grace ended with the minimum unpaid become overdue. The penalty is charged back to the
 * day after the due date: the grace period forgives only a repayment made within it.
 * Returns the bills that turned overdue.
 */
export function markOverdue(l: Ledger, day: number, policy: PolicyParams): Bill[] {
  let turned: Bill[] = NONE_TURNED;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.overdue !== null || day < b.overdueFrom) continue;
    b.overdue = b.principalPaid < b.minimum;
    if (!b.overdue) continue;
    if (turned === NONE_TURNED) turned = [];
    turned.push(b);
    l.delinquencies.push({ dueDay: b.dueDay, curedDay: null });
    const graceDays = b.overdueFrom - b.dueDay - 1;
    if (graceDays > 0)
      addCharge(
        l,
        b,
        dailyCharges(b, b.principal - b.principalPaid, policy.penaltyRatePerDay, graceDays),
        true,
      );
  }
  for (let i = 0; i < l.firstOpen; i++) {
    const b = l.bills[i]!;
    if (b.overdue === null && day >= b.overdueFrom) b.overdue = false;
  }
  return turned;
}

/** The next day on which a bill changes state by itself (due passed, overdue), after `day`. */
export function nextLedgerDay(l: Ledger, day: number): number {
  let next = Infinity;
  for (let i = l.firstOpen; i < l.bills.length; i++) {
    const b = l.bills[i]!;
    if (b.settledByDue === null && b.dueDay + 1 > day) next = Math.min(next, b.dueDay + 1);
    if (b.overdue === null && b.overdueFrom > day) next = Math.min(next, b.overdueFrom);
  }
  return next;
}

// A grace ended: each instalment due is paid, its remainder within the tolerance carried (or waived), or
// missed into arrears with its penalty — one outcome per due date of the line.

import { dailyCharges } from "../accrual.js";
import type { Fen } from "../types.js";
import { done, type Loan, type LoanBook } from "./book.js";
import { carriedTo, carryRemainder, carryTo, joinCarry, waive } from "./carry.js";
import { tolerated } from "./tolerance.js";

export interface InstalmentOutcome {
  dueDay: number;
  outcome: "paid" | "missed";
  /** of a due date not missed: the remainder within the tolerance waived (the loans' last due day passed);
   *  0 when none (every outcome of one shape: docs/performance.md, "optimised once") */
  waived: Fen;
}

/** Instalments whose grace ended by `day`: paid, or missed into arrears (penalty charged back); and the
 *  days a called-in loan's instalments would have fallen due whose grace ended: missed while in arrears. */
export function decideInstalments(b: LoanBook, day: number, rates: { tolerance: Fen }): InstalmentOutcome[] {
  let out: InstalmentOutcome[] | null = null;
  // the due dates whose unpaid amount is within the tolerance, as their graces end (before any of their
  // loans is decided: a loan's remainder carried or put in arrears is no longer its due date's unpaid)
  let within: number[] | null = null;
  for (const l of b.loans) {
    if (l.overdueFrom === null || day < l.overdueFrom || l.dueDay === null) continue;
    if (!tolerated(b, l.dueDay, rates.tolerance)) continue;
    within ??= [];
    within.push(l.dueDay);
  }
  for (const l of b.loans) {
    if (l.overdueFrom !== null && day >= l.overdueFrom && l.dueDay !== null) {
      const dueDay = l.dueDay;
      const tolerate = within?.includes(dueDay) === true;
      out = decideInstalment(b, l, day, dueDay, l.overdueFrom - dueDay - 1, tolerate, rates, out ?? []);
    }
    if (l.calledFrom !== null && day >= l.calledFrom && l.calledDay !== null) {
      // still in arrears when that day's grace ends: a due date missed, as the instalment left to run would
      // have been (repaid, the loan is gone: nothing to record)
      if (l.arrearsPrincipal + l.arrearsCharges > 0) {
        out ??= [];
        out.push({ dueDay: l.calledDay, outcome: "missed", waived: 0 });
      }
      l.calledDay = null;
      l.calledFrom = null;
    }
  }
  // only a loan decided here can have become done (repayments drop the loans they settle)
  if (out === null) return NO_OUTCOMES;
  b.loans = b.loans.filter((l) => !done(l));
  return perDueDate(out);
}

/** One outcome per due date: the loans falling due on one day are one due date of the line, missed when
 *  any of them is — as a statement's bills are one (a draw split into two loans is not two dates missed). */
function perDueDate(out: InstalmentOutcome[]): InstalmentOutcome[] {
  if (out.length < 2) return out;
  const dates: InstalmentOutcome[] = [];
  for (const o of out) {
    const same = dates.find((d) => d.dueDay === o.dueDay);
    if (same === undefined) dates.push(o);
    else {
      if (o.outcome === "missed") same.outcome = "missed";
      same.waived += o.waived;
    }
  }
  return dates;
}

/** The instalment of `l` due on `dueDay`, its `graceDays` ended: paid (or, its due date's unpaid amount
 *  within the tolerance — `tolerate` —, its remainder carried to the loan's next due day, or waived when
 *  none is left), or missed into arrears. */
function decideInstalment(
  b: LoanBook,
  l: Loan,
  day: number,
  dueDay: number,
  graceDays: number,
  tolerate: boolean,
  rates: { tolerance: Fen },
  out: InstalmentOutcome[],
): InstalmentOutcome[] {
  l.overdueFrom = null;
  l.dueDay = null;
  b.interest += joinCarry(l, b.accruing);
  const unpaid = l.duePrincipal + l.dueInterest;
  if (unpaid === 0 || tolerate) {
    const to = carriedTo(l, day);
    // a remainder within the tolerance falls due later; so does what its grace days bore (with the next
    // instalment; after the last, on a due day of its own)
    if (to !== null) {
      if (unpaid > 0) carryRemainder(l, day);
      else {
        l.interest += l.graceInterest;
        l.graceInterest = 0;
        // after the last instalment, interest still owed (what the grace days bore; a fen the fractions of
        // its grace made, joinCarry) falls due on a due day of its own — nothing else would ever ask it
        if (l.interest > 0) carryTo(l, to);
      }
      out.push({ dueDay, outcome: "paid", waived: 0 });
      return out;
    }
    // no due day left to carry to (the loan's last, its spare one used): what it still owes beyond its
    // arrears — the remainder within the tolerance, with the interest it bore — is waived, as a lender
    // writes off a balance not worth collecting; the loan closes, nothing missed
    const left = unpaid + l.graceInterest + l.interest;
    let waived = 0;
    if (left > 0 && (unpaid > 0 || left <= rates.tolerance)) {
      waived = waive(l);
      b.waived += waived;
    } else {
      l.interest += l.graceInterest;
      l.graceInterest = 0;
    }
    out.push({ dueDay, outcome: "paid", waived });
    return out;
  }
  // missed: the interest its principal bore since the due day is in arrears with it, and from the day after
  // the due day the penalty replaces that interest (its excess over it, charged back over the grace days)
  l.arrearsPrincipal += l.duePrincipal;
  if (l.duePrincipal > 0) l.missed = [...l.missed, { dueDay, principal: l.duePrincipal }];
  l.arrearsCharges += l.dueInterest + l.graceInterest;
  l.graceInterest = 0;
  if (l.next >= l.dueDays.length && l.calledDays.length === 0) {
    // no instalment follows to ask the interest not yet due (a fen the fractions of its grace made,
    // joinCarry): it is in arrears with this one
    l.arrearsCharges += l.interest;
    l.interest = 0;
  }
  if (b.accruing && l.penaltyRate > l.rate) {
    const p = dailyCharges(l.penaltyCarry, l.duePrincipal, l.penaltyRate - l.rate, graceDays);
    l.arrearsCharges += p;
    b.penalties += p;
  }
  l.duePrincipal = 0;
  l.dueInterest = 0;
  l.arrearsSince ??= dueDay;
  out.push({ dueDay, outcome: "missed", waived: 0 });
  return out;
}

const NO_OUTCOMES: InstalmentOutcome[] = [];

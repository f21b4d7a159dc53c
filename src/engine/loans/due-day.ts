// A due day reached: the instalments falling due that day become due, what was held for them pays them.

import type { Fen } from "../types.js";
import type { LoanBook } from "./book.js";

export interface InstalmentDue {
  dueDay: number;
  due: Fen;
}

/** Instalments falling due on `day` (the scheduler visits every due day): they become due; what was held
 *  for them pays them, anything held beyond repays principal. A called-in loan's day an instalment would
 *  have fallen due on is reached too: what it owes in arrears is reported when that day's grace ends. */
export function fallDue(b: LoanBook, day: number, graceDays: number): InstalmentDue[] {
  let out: InstalmentDue[] | null = null;
  for (const l of b.loans) {
    const called = l.calledDays[0];
    if (called !== undefined && called <= day) {
      l.calledDays = l.calledDays.slice(1);
      l.calledDay = called;
      l.calledFrom = called + graceDays + 1;
    }
    // read within the list: a read past its end (a loan past its last instalment) was met only after this
    // was optimised (docs/performance.md, "optimised once")
    if (l.next >= l.dueDays.length) continue;
    const due = l.dueDays[l.next]!;
    if (due > day) continue;
    const left = l.dueDays.length - l.next;
    const principal = left <= 1 ? l.outstanding : Math.floor(l.outstanding / left);
    l.next++;
    l.outstanding -= principal;
    l.duePrincipal += principal;
    l.dueInterest += l.interest;
    l.interest = 0;
    l.dueDay = due;
    l.overdueFrom = due + graceDays + 1;
    const fromHeld = (owed: Fen): Fen => {
      const part = Math.min(l.held, owed);
      l.held -= part;
      return part;
    };
    l.dueInterest -= fromHeld(l.dueInterest);
    l.duePrincipal -= fromHeld(l.duePrincipal);
    l.outstanding -= fromHeld(l.outstanding);
    // both read on every instalment (docs/performance.md, "optimised once")
    const last = l.next === l.dueDays.length;
    const held = l.held > 0;
    if (last && held) {
      // paid ahead beyond the last instalment (a prepayment lowered the interest): refunded
      b.repayments -= l.held;
      l.held = 0;
    }
    out ??= [];
    out.push({ dueDay: due, due: l.duePrincipal + l.dueInterest });
  }
  return out ?? NO_DUES;
}

const NO_DUES: InstalmentDue[] = [];

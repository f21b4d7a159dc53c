// The lender ends the loans: called in (every loan's next instalment its last), or written off.

import type { Fen } from "../types.js";
import type { LoanBook } from "./book.js";
import { balance } from "./totals.js";

/** The lender closes the line: every loan's next instalment becomes its last (all principal due then). The
 *  due days after it are kept as the days the called-in debt, while in arrears, is reported past due again
 *  (a loan called in twice — closed, then charged off — keeps those of the first). */
export function accelerate(b: LoanBook): void {
  for (const l of b.loans) {
    const after = l.dueDays.slice(l.next + 1);
    if (after.length === 0) continue;
    l.calledDays = after;
    l.dueDays = l.dueDays.slice(0, l.next + 1);
  }
}

export function writeOff(b: LoanBook): Fen {
  const amount = balance(b);
  b.writtenOff += amount;
  b.accruing = false;
  return amount;
}

// What the line owes, summed over its bills: charges, balance, what is billed, what is overdue and since when.

import type { Fen } from "../types.js";
import { remaining, unpaidCharges } from "./bill.js";
import type { Revolving } from "./ledger.js";

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

/** Everything billed and unpaid: what a `statement` repayment pays. */
export function statementBalance(l: Revolving): Fen {
  let total = 0;
  for (let i = l.firstOpen; i < l.bills.length; i++) total += remaining(l.bills[i]!);
  return total;
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

// A repayment and how it is allocated (see the order in ../revolving.ts): arrears, cycle minimums, the rest
// of each bill, unbilled purchases, then instalment principal not yet billed.

import type { Fen } from "../types.js";
import {
  clearQueue,
  cycleShortfall,
  queuedShortfall,
  remaining,
  unpaidCharges,
  unpaidPrincipal,
} from "./bill.js";
import type { Bill, Revolving } from "./ledger.js";
import { dropRepaidPlans } from "./plans.js";
import { balance, overdueAmount } from "./totals.js";

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

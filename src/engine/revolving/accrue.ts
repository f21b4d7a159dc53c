// The daily charges: interest on what revolves, the penalty on arrears, at each bill's stated rates.

import { dailyCharges } from "../accrual.js";
import type { Fen } from "../types.js";
import { unpaidPrincipal } from "./bill.js";
import type { Bill, Revolving } from "./ledger.js";

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

export function charge(l: Revolving, b: Bill, amount: Fen, penalty: boolean): void {
  if (amount === 0) return;
  b.charges += amount;
  if (penalty) l.penalties += amount;
  else l.interest += amount;
}

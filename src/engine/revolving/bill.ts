// A bill's own sums: its unpaid principal and charges, what it still owes, its cycle's and its queued
// cycle's shortfalls, and its minimums at most what it owes; clearing its queued cycle.

import type { Fen } from "../types.js";
import type { Bill } from "./ledger.js";

export const unpaidPrincipal = (b: Bill): Fen => b.principal - b.principalPaid;
export const unpaidCharges = (b: Bill): Fen => b.charges - b.chargesPaid;
export const remaining = (b: Bill): Fen => unpaidPrincipal(b) + unpaidCharges(b);
export const cycleShortfall = (b: Bill): Fen =>
  b.state !== "arrears" && !b.cycleDecided ? Math.max(0, b.cycleMinimum - b.cyclePaid) : 0;
export const queuedShortfall = (b: Bill): Fen =>
  b.queuedDueDay >= 0 ? Math.max(0, b.queuedMinimum - b.queuedPaid) : 0;

export function clearQueue(b: Bill): void {
  b.queuedDueDay = -1;
  b.queuedOverdueFrom = -1;
  b.queuedMinimum = 0;
  b.queuedPaid = 0;
}

/** A bill's minimums together, never more than it owes: a cycle still in its grace and the one queued
 *  behind it are both a share (or all, on a closing bill) of the same principal, and repaying the bill
 *  meets both. */
export const atMostOwed = (b: Bill, minimum: Fen): Fen => Math.min(minimum, remaining(b));

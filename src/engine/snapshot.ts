// What callers see of the customer: plain copies of the numbers, taken at a moment.

import { type Customer, charges, daysPastDue, type Line, overdue, owed } from "./customer.js";
import type { LineSnapshot, Snapshot } from "./types.js";

export function lineSnapshot(l: Line, day: number): LineSnapshot {
  const balance = owed(l);
  const totals =
    l.id === "huabei"
      ? {
          purchases: l.ledger.purchases,
          repayments: l.ledger.repayments,
          penalties: l.ledger.penalties,
          fees: l.ledger.fees,
          writtenOff: l.ledger.writtenOff,
        }
      : {
          purchases: l.book.drawn,
          repayments: l.book.repayments,
          penalties: l.book.penalties,
          fees: 0,
          writtenOff: l.book.writtenOff,
        };
  return {
    status: l.status,
    cause: l.cause,
    limit: l.limit,
    balance,
    available: l.status === "active" ? Math.max(0, l.limit - balance) : 0,
    overdue: overdue(l),
    overdueDays: daysPastDue(l, day),
    charges: charges(l),
    ...totals,
  };
}

export function snapshot(c: Customer, day: number, score: number): Snapshot {
  return { day, score, ...lineSnapshot(c.huabei, day), jiebei: lineSnapshot(c.jiebei, day) };
}

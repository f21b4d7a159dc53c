// What callers see of the customer: plain copies of the numbers, taken at a moment.

import {
  availableCredit,
  type Customer,
  charges,
  daysPastDue,
  type Line,
  overdue,
  owed,
} from "./customer.js";
import type { LineSnapshot, Snapshot } from "./types.js";

export function lineSnapshot(l: Line, day: number): LineSnapshot {
  const balance = owed(l);
  // one literal in the fields' order, no intermediate object or spread: month ends and agents take one
  // per line per visit
  const h = l.id === "huabei" ? l.ledger : null;
  const b = l.id === "jiebei" ? l.book : null;
  return {
    status: l.status,
    cause: l.cause,
    limit: l.limit,
    balance,
    // Huabei's is its balance's, computed above; Jiebei's its principal's (availableCredit)
    available: l.status === "active" ? Math.max(0, h ? l.limit - balance : availableCredit(l)) : 0,
    overdue: overdue(l),
    overdueDays: daysPastDue(l, day),
    charges: charges(l),
    purchases: h ? h.purchases : b!.drawn,
    repayments: h ? h.repayments : b!.repayments,
    penalties: h ? h.penalties : b!.penalties,
    fees: h ? h.fees : 0,
    writtenOff: h ? h.writtenOff : b!.writtenOff,
    waived: h ? 0 : b!.waived,
  };
}

export function snapshot(c: Customer, day: number, score: number): Snapshot {
  return { day, score, ...lineSnapshot(c.huabei, day), jiebei: lineSnapshot(c.jiebei, day) };
}

// The due dates ahead as a customer who meets every minimum has them recorded, and what repaying the bills
// that revolve in full takes.

import type { Calendar } from "../calendar.js";
import { type Customer, overdue } from "../customer.js";
import type { DueRecord } from "../record.js";
import * as revolving from "../revolving.js";
import { dayCloses } from "../scheduled.js";
import type { Fen } from "../types.js";
import { ignore, stateOf, toMorningOf } from "./copy.js";

/**
 * The due dates decided from now until the morning of `until` (after today), as a customer who meets every
 * bill and instalment at its minimum, and does nothing more, would have them recorded: a Huabei bill
 * revolved unless paid in full already (paid in full, it records better), a Jiebei instalment paid — what
 * a review on `until` counts beside the record on file. On a line with an amount overdue today, left unpaid
 * as things stand, each is recorded as the engine decides it with nothing more paid: a repayment clears the
 * arrears first, so meeting a due date's minimum alone does not meet it (missed, as a called-in loan's
 * days in arrears are), and only what is paid already (held for an instalment) counts.
 */
export function duesAhead(c: Customer, day: number, calendar: Calendar, until: number): DueRecord[] {
  if (until <= day) return [];
  const s = stateOf(c, day, calendar);
  dayCloses(s, ignore);
  toMorningOf(s, until);
  const owing = { huabei: overdue(c.huabei) > 0, jiebei: overdue(c.jiebei) > 0 };
  return s.customer.records
    .slice(c.records.length)
    .map((r) =>
      owing[r.line]
        ? r
        : { ...r, outcome: r.line === "huabei" && r.outcome !== "paid" ? "revolved" : "paid" },
    );
}

/**
 * What repaying in full the Huabei bills among `dues` (duesAhead's) that revolve takes: the last of their
 * due days, and what is due on its morning — every bill due by then, with its charges until then — as a
 * customer who does nothing more until then has it; null when none revolves. Repaid by then, each is
 * recorded paid in full rather than revolved.
 */
export function billsInFull(
  c: Customer,
  day: number,
  calendar: Calendar,
  dues: readonly DueRecord[],
): { day: number; amount: Fen; grace: number | null } | null {
  const revolved = dues.filter((r) => r.line === "huabei" && r.outcome === "revolved");
  if (revolved.length === 0) return null;
  const last = Math.max(...revolved.map((r) => r.dueDay));
  const s = stateOf(c, day, calendar);
  if (last > day) {
    dayCloses(s, ignore);
    toMorningOf(s, last);
  }
  // past the due day (today in its grace days): the last day a repayment in full still counts
  let grace: number | null = null;
  if (last < day)
    for (const b of c.huabei.ledger.bills)
      if (b.dueDay === last) grace = Math.max(grace ?? day, b.overdueFrom - 1);
  return { day: last, amount: revolving.dueBy(s.customer.huabei.ledger, last).due, grace };
}

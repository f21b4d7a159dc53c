// The bound on customer service's work in one run. Working an answer out runs the account ahead to its next
// report — in a suspension thousands of times what another step costs (15–50 ms) — and a scenario file
// may hold 100,000 calls: one a day for a century, or each after an input that changes something, would
// keep a machine busy for an hour. A run works out SUPPORT_ANSWERS_BOUND answers (a call with nothing
// changed since the last one answered is given that answer again, uncounted: state.ts, `answered`); after
// them each answer says why each line stands as it does, as recorded, and that its steps were not worked out
// ahead, naming the last answer that was.

import type { Calendar } from "../calendar.js";
import type { Customer } from "../customer.js";
import type { Remedy } from "../types.js";
import { onRecord } from "./answer.js";
import type { SupportAnswer } from "./citing.js";

/** The answers one run works out: a person's timeline calls customer service a handful of times; a call a
 *  day for close to three years fits. */
export const SUPPORT_ANSWERS_BOUND = 1000;

/** The answer once the bound is spent: each open line's standing as recorded, and that its steps were not
 *  worked out ahead (`last`: the day of the last answer that was). */
export function notWorkedOut(c: Customer, day: number, calendar: Calendar, last: number): SupportAnswer {
  const remedies: Remedy[] = [];
  const lines = [c.huabei, c.jiebei].filter((l) => l.status !== "none");
  // no account yet: what it would take to open one is not worked out either (said of Huabei, the first)
  for (const line of lines.length > 0 ? lines : [c.huabei]) {
    if (line.status !== "active" && line.status !== "none") remedies.push(...onRecord(line, day, calendar));
    remedies.push({
      line: line.id,
      kind: "not_worked_out",
      limit: SUPPORT_ANSWERS_BOUND,
      day: last,
      date: calendar.date(last),
    });
  }
  return { reasons: [], facts: [], remedies };
}

// The score step behind an income step: while the income is too low for the smallest line, the answer asks
// that income first, and the score step is sized on the customer as reporting it leaves them — the line
// restored is used at that income, not today's (at none, Jiebei's smallest loan counted a cost no file
// restored has: "report at least ¥167" beside "raise the score from 855 to 960 — no score reaches 960").

import type { Calendar } from "../calendar.js";
import { type Customer, forkCustomer, incomeReported, type Line, lineOf } from "../customer.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import type { Remedy } from "../types.js";
import { restoration } from "./restoration.js";

/** The customer with the income the answer asks of a line (report_income) reported today, as the income
 *  event takes it, on a copy — and their score then. */
export interface IncomeFirst {
  c: Customer;
  s: Scored;
  /** the income asked, yuan a month */
  income: number;
}

/** The restoration's score step for `line` (raise_score) sized on the customer as the income step asked of
 *  it leaves them: replaced by the one that customer's restoration asks, or left out when it asks none (the
 *  score was short only for want of income). Returns that customer, which the bar on the score step is
 *  judged on too (one rule for the step and the answer); null when no income is asked. */
export function scoreAtIncomeAsked(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  remedies: Remedy[],
  cause: Line["cause"],
): IncomeFirst | null {
  const asked = remedies.findLast((r) => r.line === line.id && r.kind === "report_income");
  if (asked?.kind !== "report_income") return null;
  const reported = forkCustomer(c);
  incomeReported(reported, asked.income);
  const s = scoreOn(reported, day);
  // only the score step is taken from it: the rest of the answer is today's customer's, the income step
  // among it
  const steps: Remedy[] = [];
  restoration(reported, lineOf(reported, line.id), day, s, calendar, steps, cause);
  const step = steps.find((r) => r.line === line.id && r.kind === "raise_score");
  const own = remedies.findIndex((r) => r.line === line.id && r.kind === "raise_score");
  if (own >= 0) {
    if (step === undefined) remedies.splice(own, 1);
    else remedies[own] = step;
  } else if (step !== undefined) remedies.splice(remedies.indexOf(asked) + 1, 0, step);
  return { c: reported, s, income: asked.income };
}

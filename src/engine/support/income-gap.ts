// The incomes an income step would not do what it says for: one customer, one debt — an income high enough
// for the other line's own step keeps that line at the review, and a line restored or kept beside it, used,
// can take it past its cap, so the review holds this one where a lower income restored it (docs/model.md
// "Monotone"). Told "at least ¥646", a customer who reported ¥1,260 for the other line's sake lost this one.

import type { Calendar } from "../calendar.js";
import { type Customer, lineOf } from "../customer.js";
import { reviewedOn } from "../report-ahead.js";
import type { Remedy } from "../types.js";
import { keptIncome } from "./income-advice.js";
import { withProfile } from "./read-ahead.js";

type DebtStep = Extract<Remedy, { kind: "reduce_debt" }>;

/** Each debt step's income that the review it names would not honour from the income the other line's
 *  step asks (higher): the range it does not, said beside it (`notBetween`) — the review played on a copy
 *  at each income, the customer doing nothing more than meet each bill and instalment at its minimum. */
export function incomeGaps(c: Customer, day: number, calendar: Calendar, remedies: Remedy[]): void {
  const steps = remedies.filter((r): r is DebtStep => r.kind === "reduce_debt" && r.income !== null);
  if (steps.length < 2) return;
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i]!;
    if (r.kind !== "reduce_debt" || r.income === null) continue;
    const told = r.income;
    const other = steps.find((o) => o.line !== r.line && o.income !== null && o.income > told);
    if (other?.income == null) continue;
    const review = r.review.day;
    if (review <= day) continue;
    const active = (income: number) =>
      lineOf(reviewedOn(withProfile(c, { monthlyIncome: income }), day, calendar, review), r.line).status ===
      "active";
    if (!active(told) || active(other.income)) continue;
    const back = keptIncome(other.income, active);
    remedies[i] = {
      ...r,
      notBetween: { line: other.line, from: other.income, to: back === null ? null : back - 1 },
    };
  }
}

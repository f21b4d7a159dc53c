// What falls due next, in words: how much, by when it counts as paid on time, and what missing it costs.

import type { Remedy } from "../../engine/index.js";
import { money } from "./money.js";

/** What falls due next, before it falls due: how much, by when it counts as paid on time, and what
 *  missing it costs. */
export function nextDueText(r: Extract<Remedy, { kind: "next_due" }>): string {
  const jiebei = r.line === "jiebei";
  const what = jiebei
    ? `the ${money(r.amount)} instalment${r.interest !== undefined && r.interest > 0 ? ` (${money(r.interest)} of it interest)` : ""}`
    : `the ${money(r.amount)} statement balance`;
  const onTop =
    r.onTopOf === undefined
      ? ""
      : `, on top of the ${money(r.onTopOf)} asked above (a repayment pays that first)`;
  const head = `next due: ${what} falls due on ${r.date} (day ${r.day})${onTop}`;
  if (r.by === undefined) return `${head}; its minimum is met already`;
  const by =
    r.by.before !== undefined
      ? `by ${r.by.date} (day ${r.by.day}), before the next ${jiebei ? "instalment" : "bill"} falls due on day ${r.by.before} (a repayment then pays that first)`
      : r.by.day === r.day
        ? `by ${r.by.date} (day ${r.by.day}), the due day itself`
        : `by ${r.by.date} (day ${r.by.day}), the last of its grace days`;
  const pay = jiebei
    ? `pay it ${by}, and it counts as paid on time`
    : r.minimum >= r.amount
      ? `pay it ${by}, and it counts as paid on time`
      : `pay it, or at least the ${money(r.minimum)} minimum, ${by}, and it counts as paid on time`;
  const rate = `${Number((r.penalty * 100).toFixed(4))} %`;
  const missed = jiebei
    ? `missed, the instalment is overdue: its principal bears a penalty of ${rate} a day instead of interest, from the day after the due day, and a missed due date goes on the record`
    : `missed, the whole bill is overdue: its unpaid principal bears a penalty of ${rate} a day, from the day after the due day, and a missed due date goes on the record`;
  const suspends =
    r.suspends === undefined
      ? ""
      : `; still unpaid on ${r.suspends.date} (day ${r.suspends.day}), ${r.suspends.days} days past due, the customer's open lines are suspended`;
  return `${head}: ${pay}; ${missed}${suspends}`;
}

// What falls due next, in words: how much, by when it counts as paid on time, and what missing it costs.

import type { Remedy } from "../../engine/index.js";
import { money } from "./money.js";
import { linesSuspended } from "./overdue-text.js";

/** What falls due next, before it falls due: how much, by when it counts as paid on time, and what
 *  missing it costs. */
export function nextDueText(r: Extract<Remedy, { kind: "next_due" }>): string {
  const jiebei = r.line === "jiebei";
  const what = jiebei
    ? instalments(r.amount, r.interest, r.count)
    : // Huabei's amount is the due notice's, with the interest until the due day: not what a statement states
      // (a rest "stated on day 60" quoted ¥1,825.20, the statement that day ¥1,817.10)
      r.statement !== undefined
      ? `${money(r.amount)}, ${stated(r.statement)} on ${r.statement.date} (day ${r.statement.day}), falls`
      : `${money(r.amount)} of the bill stated falls`;
  // with that paid on its last day instead, as its step allows, the days between add interest: said too
  const late =
    r.paidLast === undefined
      ? ""
      : `; paid on its last day, ${r.paidLast.date} (day ${r.paidLast.day}), rather than today, this comes to ${money(r.paidLast.amount)}${r.paidLast.minimum !== r.paidLast.amount && !jiebei ? `, minimum ${money(r.paidLast.minimum)}` : ""}`;
  const onTop =
    r.onTopOf === undefined
      ? ""
      : `, on top of the ${money(r.onTopOf)} asked above (a repayment pays that first${late})`;
  const head = `next due: ${what} due on ${r.date} (day ${r.day})${onTop}`;
  if (r.by === undefined) return `${head}; its minimum is met already`;
  const by =
    r.by.before !== undefined
      ? `by ${r.by.date} (day ${r.by.day}), before the next ${jiebei ? "instalment" : "bill"} falls due on day ${r.by.before} (a repayment then pays that first)`
      : r.by.day === r.day
        ? `by ${r.by.date} (day ${r.by.day}), the due day itself`
        : `by ${r.by.date} (day ${r.by.day}), the last of its grace days`;
  const pay = jiebei
    ? (r.count ?? 1) > 1
      ? `pay them ${by}, and they count as paid on time`
      : `pay it ${by}, and it counts as paid on time`
    : r.minimum >= r.amount
      ? `pay it ${by}, and it counts as paid on time`
      : `pay it, or at least the ${money(r.minimum)} minimum, ${by}, and it counts as paid on time`;
  const rate = `${Number((r.penalty * 100).toFixed(4))} %`;
  const missed = jiebei
    ? `Missed, the instalment is overdue: its principal bears a penalty of ${rate} a day instead of interest, from the day after the due day, and a missed due date goes on the record`
    : `Missed, the whole bill is overdue: its unpaid principal bears a penalty of ${rate} a day, from the day after the due day, and a missed due date goes on the record`;
  const suspends =
    r.suspends === undefined
      ? ""
      : `; still unpaid on ${r.suspends.date} (day ${r.suspends.day}), ${r.suspends.days} days past due, ${linesSuspended(r.suspends.lines)}`;
  // the other loans' next instalments, each by its own day: the same costs if missed, counted from its due day
  const later = (r.later ?? []).map((l) => {
    const byLater =
      l.by === undefined
        ? "its amount is met already"
        : `pay ${(l.count ?? 1) > 1 ? "them" : "it"} by ${l.by.date} (day ${l.by.day})${l.by.before !== undefined ? `, before day ${l.by.before}` : ""}`;
    return `. Then ${instalments(l.amount, l.interest, l.count)} due on ${l.date} (day ${l.day}): ${byLater}${paidThen(l.paidLast, true)}`;
  });
  // what missing each later one costs, its own: its loans' penalty rate, its own suspension day
  const each = (r.later ?? []).map((l) => {
    const own = `${Number((l.penalty * 100).toFixed(4))} %`;
    const susp =
      l.suspends === undefined || r.suspends === undefined
        ? ""
        : `, and still unpaid on ${l.suspends.date} (day ${l.suspends.day}), ${linesSuspended(r.suspends.lines)}`;
    return `; day ${l.day}'s missed: its principal bears a penalty of ${own} a day instead of interest, from the day after its due day, a missed due date goes on the record${susp}`;
  });
  // a purchase behind the bill stated: the statement that bills it, when it falls due, what missing it costs
  const u = r.unbilled;
  const behind =
    u === undefined
      ? ""
      : `. Then ${money(u.amount)}, what is not yet billed (this bill paid in full), stated on ${u.statement.date} (day ${u.statement.day}), falls due on ${u.date} (day ${u.day}): ${
          u.by === undefined
            ? "its minimum is met already"
            : `pay it${u.minimum >= u.amount ? "" : `, or at least the ${money(u.minimum)} minimum,`} by ${u.by.date} (day ${u.by.day})`
        }${paidThen(u.paidLast, false)}`;
  const behindMissed =
    u === undefined || u.by === undefined
      ? ""
      : `; day ${u.day}'s missed: its unpaid principal bears a penalty of ${Number((u.penalty * 100).toFixed(4))} % a day, from the day after its due day, a missed due date goes on the record${
          u.suspends === undefined || r.suspends === undefined
            ? ""
            : `, and still unpaid on ${u.suspends.date} (day ${u.suspends.day}), ${linesSuspended(r.suspends.lines)}`
        }`;
  // each payment a sentence of its own, and what missing them costs another (one sentence of ~800
  // characters carried two payments and three costs)
  return `${head}: ${pay}${later.join("")}${behind}. ${missed}${suspends}${each.join("")}${behindMissed}`;
}

/** Jiebei's instalments falling due on one day, with their verb: how many when more than one, and of them
 *  the interest. */
function instalments(amount: number, interest: number | undefined, count: number | undefined): string {
  const of = interest !== undefined && interest > 0 ? `${money(interest)} of it interest` : "";
  return count !== undefined && count > 1
    ? `the ${count} instalments (${money(amount)} together${of === "" ? "" : `, ${of}`}) fall`
    : `the ${money(amount)} instalment${of === "" ? "" : ` (${of})`} falls`;
}

/** What the next statement states that is not a bill stated ahead: what no statement has billed yet, or the
 *  rest of a bill stated already, past its due day, which it states again (told "not yet billed", a
 *  customer in the grace days of a ¥2,000 bill read its ¥1,800 rest as a new purchase) — or both. */
function stated(s: NonNullable<Extract<Remedy, { kind: "next_due" }>["statement"]>): string {
  if (s.rest === undefined) return "what is not yet billed, stated";
  const rest = `what is left of the bill due on ${s.rest.date} (day ${s.rest.day}) with its interest`;
  return s.rest.only ? `${rest}, stated again` : `${rest} and what is not yet billed, stated`;
}

/** A later amount with what is due in its grace days paid on their last day instead of today, when that
 *  changes it (as `paidLast` says of the first): under no tolerance, a fen short of it is a missed due date. */
function paidThen(
  p: { day: number; date: string; amount: number; minimum: number } | undefined,
  jiebei: boolean,
): string {
  if (p === undefined) return "";
  const minimum = !jiebei && p.minimum !== p.amount ? `, minimum ${money(p.minimum)}` : "";
  return `; with what is asked above paid on ${p.date} (day ${p.day}) rather than today, it comes to ${money(p.amount)}${minimum}`;
}

// What leaving an overdue unpaid does, in words: the review's suspension and cuts, a closure in default
// calling instalments in, a write-off, the overdue check's suspension.

import {
  type CalledIn,
  type LineId,
  lineName,
  type OverdueAction,
  type OverdueCallIn,
  type OverdueCut,
  type Remedy,
} from "../../engine/index.js";
import { money } from "./money.js";

/** What the periodic review a pay step names does for the overdue: the lines it suspends, the limits it
 *  cuts (a suspended line's with its suspension; "the limit" is the step's own line's when it is the
 *  only one named), and what a cut
 *  paying makes smaller leaves. */
export function atReview(r: Extract<Remedy, { kind: "pay_overdue" }>): string {
  const cuts = r.cuts ?? [];
  const cut = (c: OverdueCut) =>
    `cut from ${money(c.from)} to ${money(c.to)}${c.paid === undefined ? "" : ` (to ${money(c.paid)} if it is paid)`}`;
  const clauses: string[] = [];
  const closes = closesAtReview(r);
  const suspends = r.suspends ?? (cuts.length === 0 && !closes ? [r.line] : []);
  if (suspends.length > 0) {
    const which = suspends.map(lineName).join(" and ");
    const own = suspends.length === 1 ? cuts.find((c) => c.line === suspends[0]) : undefined;
    clauses.push(
      `a repayment is past due at the review and ${which} ${suspends.length > 1 ? "are" : "is"} suspended${own ? `, its limit ${cut(own)}` : ""}`,
    );
  }
  // "the limit" is the step's own line's only where no other line's limit is named beside it: after
  // "Huabei's limit is cut …", "and the limit is cut …" read as Huabei's again
  const others = cuts.some((c) => c.line !== r.line);
  for (const c of cuts) {
    if (suspends.length === 1 && c.line === suspends[0]) continue;
    clauses.push(
      `${c.line === r.line && !others ? "the limit" : `${lineName(c.line)}'s limit`} is ${cut(c)}`,
    );
  }
  if (closes) for (const l of r.callsIn?.lines ?? []) clauses.push(callsIn(l));
  return clauses.join(", and ");
}

/** Whether the review a pay step names is the one that closes a line and calls its instalments in (not
 *  a later one, said after it). */
const closesAtReview = (r: Extract<Remedy, { kind: "pay_overdue" }>): boolean =>
  r.callsIn !== undefined &&
  (r.today === "review" || (r.by?.what === "review" && r.by.day === r.callsIn.day));

/** What a closure in a default calls in: a line's instalments, due at once rather than as they would fall
 *  due. */
function callsIn(l: OverdueCallIn): string {
  return `${lineName(l.line)} is closed in default and ${calledInAtOnce(l.line, l, "")}`;
}

/** A line's instalments called in (`are`: said on its own, not after "is closed in default and"): what
 *  then falls due at once, and when. */
function calledInAtOnce(line: LineId, l: CalledIn, are: "" | "are "): string {
  const what = line === "jiebei" ? "its loans" : "its instalment plans";
  const rest = l.lastDay === l.day ? "" : `, the rest by ${l.lastDate} (day ${l.lastDay})`;
  return `${what} ${are}called in: ${money(l.amount)} falls due at once on ${l.date} (day ${l.day})${rest}, not instalment by instalment`;
}

/** What the closure customer service announces does to a running loan on the line: called in, or left to
 *  run to term — what falls due next, and when. */
export function closureLoans(r: Extract<Remedy, { kind: "closure_due" }>): string {
  if (r.callsIn !== undefined)
    return `; the closure answers a default, so ${calledInAtOnce(r.line, r.callsIn, "are ")}`;
  if (r.toTerm === undefined) return "";
  const what = r.line === "jiebei" ? "its loans run" : "its instalment plans run";
  const last =
    r.toTerm.lastDay === r.toTerm.day ? "" : `, the last on ${r.toTerm.lastDate} (day ${r.toTerm.lastDay})`;
  return `; ${what} to term after it: ${money(r.toTerm.amount)} falls due on ${r.toTerm.date} (day ${r.toTerm.day})${last}`;
}

/** What a write-off the pay step names calls in, after what it says the write-off does. */
export const writeOffCallsIn = (r: Extract<Remedy, { kind: "pay_overdue" }>): string =>
  r.chargeOffCallsIn === undefined ? "" : `, and ${calledInAtOnce(r.line, r.chargeOffCallsIn, "are ")}`;

/** A periodic review that closes a line in default while the overdue is unpaid. */
const closesUnpaid = (c: { day: number; date: string; lines: readonly OverdueCallIn[] }): string =>
  `unpaid at the periodic review on ${c.date} (day ${c.day}), ${c.lines.map(callsIn).join(", and ")}`;

/** What comes later if the overdue stays unpaid, in the order it comes: the end-of-day check after the
 *  review the pay step names (`afterwards`), and each periodic review that closes a line in default —
 *  `callsIn`'s, unless it is the review named, and the other line's at a later one (`callsInLater`). A
 *  check acts before a review on the same day. */
export function laterCallsIn(r: Extract<Remedy, { kind: "pay_overdue" }>, afterwards = false): string {
  const ahead: { day: number; text: string }[] = [];
  if (afterwards && r.afterwards) ahead.push({ day: r.afterwards.day, text: overdueUnpaid(r.afterwards, r) });
  if (r.callsIn !== undefined && !closesAtReview(r))
    ahead.push({ day: r.callsIn.day, text: closesUnpaid(r.callsIn) });
  if (r.callsInLater !== undefined)
    ahead.push({ day: r.callsInLater.day, text: closesUnpaid(r.callsInLater) });
  return ahead
    .sort((a, b) => a.day - b.day)
    .map((a) => `; ${a.text}`)
    .join("");
}

/** The open lines the overdue check suspends: the active lines (`declines`: the check watches every one)
 *  but those the review the pay step names suspends before it (`suspends`). */
export const openSuspended = (r: Extract<Remedy, { kind: "pay_overdue" }>): LineId[] =>
  (r.declines ?? []).filter((id) => !(r.suspends ?? []).includes(id));

/** A check at the end of a day that acts on an overdue still unpaid then. */
export const overdueUnpaid = (
  w: { day: number; date: string; what: Exclude<OverdueAction, "review"> },
  r: Extract<Remedy, { kind: "pay_overdue" }>,
): string =>
  `unpaid at the end of ${w.date} (day ${w.day}), ${
    w.what === "charge_off"
      ? `the debt is written off (charged off) and no line is offered again${writeOffCallsIn(r)}`
      : tooLongPastDue(openSuspended(r), r.forCredit)
  }`;

/** What the overdue check's suspension does: the open lines suspended — and a line suspended already
 *  (`forCredit`: for a policy change, or under a security hold) suspended for credit too, which is what
 *  the customer needs to know of it: verifying identity, or the policy's change back, no longer restores
 *  it alone. (It said "…becomes one for credit, the delinquency the customer's": no customer reads that,
 *  and a security hold's status still says security that day.) */
export function tooLongPastDue(
  open: readonly LineId[],
  forCredit?: { lines: readonly LineId[]; open: boolean },
): string {
  if (forCredit === undefined) return `it is too long past due and ${linesSuspended(open)}`;
  const which = forCredit.lines.map(lineName).join(" and ");
  const credit = `${which}, suspended already, ${forCredit.lines.length > 1 ? "are" : "is"} suspended for credit too: restoring ${forCredit.lines.length > 1 ? "them" : "it"} then needs the overdue paid and a clean period after it, whatever lifts the present suspension`;
  return forCredit.open
    ? `it is too long past due: ${linesSuspended(open)}, and ${credit}`
    : `it is too long past due and ${credit}`;
}

/** The open lines the overdue check suspends, by name ("Jiebei is suspended"): "the customer's open lines"
 *  read as both lines to a customer who has only one. Without the lines, the words as they were. */
export const linesSuspended = (open: readonly LineId[]): string =>
  open.length === 0
    ? "the customer's open lines are suspended"
    : `${open.map(lineName).join(" and ")} ${open.length > 1 ? "are" : "is"} suspended`;

// An application as customer service judges it ahead: the first day the applications of the last 30 days
// let one pass, what would decline opening a line again, and the limit a reopened line would be granted.

import { decideApplication } from "../applications.js";
import { type Customer, countUpTo, countWithin, type Line, rulesFor } from "../customer.js";
import { LIMIT_CAP_CODES } from "../eligibility.js";
import { applicationDebt } from "../grant.js";
import { smallestLine } from "../limits.js";
import { REASONS } from "../reasons.js";
import { debtWithin, incomeAllowing, type Scored, scoreOn } from "../score-inputs.js";
import type { Fen } from "../types.js";
import type { RuleFact } from "../verdict.js";
import { withEveryCapBelow } from "./caps-below.js";

/** What would decline an application to open `line` again today, for the smallest line the policy gives
 *  (none: it would be approved) — so that "apply again" is never advice the next application refutes. */
export function openingBlockers(c: Customer, line: Line, day: number, s: Scored): RuleFact[] {
  // as the application would be decided: its own inquiry counts in the 30-day applications
  const smallest = smallestLine(rulesFor(c.policy, line.id));
  const v = decideApplication(c, line, day, "open", smallest, s, 1);
  if (v.decision !== "declined") return [];
  // the rules that decline it, not the score characteristics cited beside them — and every cap below the
  // smallest line, not the one that binds alone
  const rules = v.reasons.filter((code) => REASONS[code].kind !== "score");
  const facts = (rules.length > 0 ? rules : v.reasons).map(
    (code) => v.facts.find((f) => f.code === code) ?? { code },
  );
  return withEveryCapBelow(c, line, s, facts);
}

/** An opening declined for the debt ratio (among `blockers`): the debt elsewhere to repay today (null:
 *  more than is owed elsewhere, or no income) or the monthly income that brings it within the cap — the
 *  debt counted as the application counts it, the smallest line used and the other line at its limit
 *  (applicationDebt), which only a repayment elsewhere lowers. Undefined: not declined for it. */
export function openingDebt(
  c: Customer,
  line: Line,
  blockers: readonly RuleFact[],
): { repay: Fen | null; income: number | null } | undefined {
  const dti = blockers.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")?.threshold;
  if (dti === undefined) return undefined;
  const within = debtWithin(c, dti);
  const counted = applicationDebt(c, line, false);
  const repay = within === null || counted - within > c.profile.externalDebt ? null : counted - within;
  return { repay, income: incomeAllowing(counted, dti) };
}

/** An application to open `line` again for the limit its closure ended, judged as it would be on `day`:
 *  when it would be approved lower (a cap today's income or score sets below it), the limit it would be
 *  granted and the rules that hold it there — "would be approved" alone reads as the line it had; granted
 *  in full, when one for more would be held at it (more is an increase, its standards not met), that —
 *  and, held there for the use the line lacked before its closure (LINE_NOT_IN_USE), the day that hold
 *  lifts (`unusedLifts`): said without it, the hold read as one for good. */
export function reopensLower(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
): { limit: Fen; lastLimit: Fen; holds: RuleFact[]; unusedLifts?: number } | Record<string, never> {
  const last = line.lastLimit;
  if (last === null) return {};
  const v = decideApplication(c, line, day, "open", last, s, 1);
  if (v.decision === "approved_lower" && v.limit < last)
    return withLift(c, line, { limit: v.limit, lastLimit: last, holds: v.facts });
  if (v.decision !== "approved") return {};
  // granted in full, and more than it is an increase: the rules that would hold it at the last limit today.
  // Only an increase's standards: a cap that happens to equal the last limit caps more as it caps any
  // application (its fact would cite this probe's fen more as the amount asked)
  const more = decideApplication(c, line, day, "open", last + 1, s, 1);
  const holds = more.facts.filter((f) => !LIMIT_CAP_CODES.has(f.code));
  return more.decision === "approved_lower" && more.limit === last && holds.length > 0
    ? withLift(c, line, { limit: last, lastLimit: last, holds })
    : {};
}

/** A reopening's hold with, when the use the line lacked before its closure is among it, the first day it
 *  no longer holds: the application's rule holds a reopening for it only while the closure is within the
 *  days the in-use rule looks back (increaseUsedWithinDays) — the day after the last of them. */
function withLift(
  c: Customer,
  line: Line,
  held: { limit: Fen; lastLimit: Fen; holds: RuleFact[] },
): { limit: Fen; lastLimit: Fen; holds: RuleFact[]; unusedLifts?: number } {
  if (line.statusDay === null || !held.holds.some((f) => f.code === "LINE_NOT_IN_USE")) return held;
  return { ...held, unusedLifts: line.statusDay + c.policy.increaseUsedWithinDays + 1 };
}

/** The first day from `day` on which the applications of the last 30 days, an application's own inquiry
 *  counted, are within maxApplications30d (no more are made meanwhile): the day the oldest that must go
 *  has left the window; `day` itself when none must. (A policy that allows none counts the application's
 *  own: no day does, and the rule declines it on `day`, as the decision will say.) */
function applicationsAllow(c: Customer, day: number): number {
  const oldest = countUpTo(c.inquiries, day - 30);
  const recent = countUpTo(c.inquiries, day) - oldest;
  const over = recent + 1 - c.policy.maxApplications30d;
  if (over <= 0 || over > recent) return day;
  // the recent ones are oldest first: once the `over`-th has left the window, enough have
  return c.inquiries[oldest + over - 1]! + 30;
}

/** The first day from `earliest` (today or later) on which an application — to open a line, to reopen a
 *  closed one, to raise a limit — passes the applications of the last 30 days, its own inquiry counted, if
 *  no other is made meanwhile, and the score it is judged with then: that day's (`today`'s on `day`). One
 *  rule for every day customer service names for an application, so that the day named is never one the
 *  applications window declines it on. */
export function applicationOn(
  c: Customer,
  day: number,
  earliest: number,
  today: Scored,
): { day: number; s: Scored } {
  const from = applicationsAllow(c, Math.max(day, earliest));
  return { day: from, s: from === day ? today : scoreOn(c, from) };
}

/** The applications of the last 30 days on `day`, an application's own counted, against the policy's
 *  most: what declines one made today. */
export const tooManyApplications = (c: Customer, day: number): RuleFact => ({
  code: "TOO_MANY_APPLICATIONS",
  parameter: "maxApplications30d",
  threshold: c.policy.maxApplications30d,
  value: countWithin(c.inquiries, day, 30) + 1,
});

/** How many days a decline is the one a customer asks about: the last 30 — the window the applications rule
 *  counts recent applications in, and an answer's "applied within the last 30 days" (increase-day.ts) — a
 *  decline on day 5 is named by a call up to day 34, not from day 35. */
const DECLINE_ASKED_DAYS = 30;

/** Whether a decline on `asked` is recent enough on `day` to be the one the customer asks about. */
export const askedAbout = (asked: number, day: number): boolean => day - asked < DECLINE_ASKED_DAYS;

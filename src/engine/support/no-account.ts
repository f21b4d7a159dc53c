// A customer who never had a line: whether an application to open Huabei would pass, and the steps that put
// right what would decline it.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, recordShort, shallowCopy } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { monthEndAfter } from "../state.js";
import { isHoldCode } from "../triggers.js";
import type { Fen, Remedy } from "../types.js";
import { principalReasons, type RuleFact } from "../verdict.js";
import { applicationOn, askedAbout, openingBlockers, openingDebt, tooManyApplications } from "./applying.js";
import type { SupportAnswer } from "./citing.js";
import { reportIncome } from "./income-advice.js";
import { recordDay } from "./increase-day.js";
import { withProfile } from "./read-ahead.js";
import { openingOutOfReach, scoreWithLine } from "./restoring-score.js";
import { raiseScore } from "./score-advice.js";

/** A customer who never had a line: whether an application to open Huabei (Jiebei is by invitation, for a
 *  record) would pass — and, when the customer's own application to open Jiebei was declined lately (the
 *  one asked about), whether one to open Jiebei would, said first: told only of Huabei's opening, a
 *  customer refused Jiebei for too many applications heard no day for Jiebei, and one refused it for no
 *  repayment record heard neither why nor that Huabei's opening is the way to one. */
export function noAccount(c: Customer, day: number, today: Scored, calendar: Calendar): SupportAnswer {
  const asked = c.jiebei.declinedApplication;
  const jiebei =
    asked !== null && asked.product === "open" && askedAbout(asked.day, day)
      ? opening(c, c.jiebei, day, today, calendar)
      : null;
  const huabei = opening(c, c.huabei, day, today, calendar);
  if (jiebei === null) return huabei;
  const reasons = [...new Set([...jiebei.reasons, ...huabei.reasons])];
  // a fact both openings hold (the applications of the last 30 days) is the customer's, said once; one of
  // Jiebei's alone is named as its own (its own parameters: jiebeiMinOpenScore)
  const key = (f: RuleFact) => `${f.code} ${f.parameter} ${f.threshold} ${f.value}`;
  const both = new Set(huabei.facts.map(key));
  const own = jiebei.facts.filter((f) => !both.has(key(f))).map((f) => ({ ...f, line: c.jiebei.id }));
  // one verification for both
  const verify = jiebei.remedies.some((r) => r.kind === "verify_identity");
  return {
    reasons: principalReasons(reasons, today),
    facts: [...own, ...huabei.facts],
    remedies: [
      ...jiebei.remedies,
      ...huabei.remedies.filter((r) => !(verify && r.kind === "verify_identity")),
    ],
  };
}

/** Whether an application to open `line` would pass, judged as the engine would decide it on the first day
 *  it can be made — today, or once the applications within the last 30 days, its own inquiry counted, are
 *  few enough — with the score of that day: what would decline it then, and the steps that put each right
 *  (a verification, the score to reach, the income for the smallest line, the debt elsewhere to repay or
 *  the income that carries it). Told only "apply to open an account first", a customer over the debt cap
 *  was declined the next day, for that and a score below minOpenScore, and paid for the inquiry. */
function opening(c: Customer, line: Line, day: number, today: Scored, calendar: Calendar): SupportAnswer {
  const { step, from, s, blockers } = openLine(c, line, day, today, calendar);
  const remedies: Remedy[] = openingSteps(c, line, blockers, s, step.scoreBars !== undefined, from);
  // a score to raise that recent applications weigh on: the first day, as they age, an application made
  // with nothing else done would pass — told only "stop applying for a while … inquiries count for 6
  // months", a customer at 631 against 640 on day 13 heard nothing of day 30, when an application opened
  // Huabei
  const aged = remedies.some((r) => r.kind === "raise_score") ? agedOpening(c, line, day, today) : null;
  if (aged !== null)
    remedies.push({
      line: line.id,
      kind: "wait_for_inquiries",
      day: aged,
      date: calendar.date(aged),
      opens: true,
    });
  remedies.push(step);
  const reasons: ReasonCode[] = [
    "NO_ACCOUNT",
    ...(from > day ? (["TOO_MANY_APPLICATIONS"] as const) : []),
    ...blockers.map((f) => f.code),
  ];
  const facts: RuleFact[] = [
    ...(from > day ? [tooManyApplications(c, day)] : []),
    ...blockers.filter((f) => f.value !== undefined),
  ];
  return { reasons: principalReasons(reasons, today), facts, remedies };
}

/** The application to open `line` as customer service offers it, on the first day it can be made (today,
 *  or once the applications within the last 30 days allow it), judged with that day's score (`s`): what
 *  would decline it (`blockers`), the debt elsewhere to repay or the income that carries it, or that no
 *  file the customer can have scores what the line needs (`scoreBars`: no step opens it, so no debt step
 *  either). One builder for every answer that offers it: rebuilt for a declined opening asked about, it
 *  said "repay ¥X" where no step opened the line, and "declined today" to a customer with too many
 *  applications. */
export function openLine(
  c: Customer,
  line: Line,
  day: number,
  today: Scored,
  calendar: Calendar,
): { step: Extract<Remedy, { kind: "open_line" }>; from: number; s: Scored; blockers: RuleFact[] } {
  const { day: from, s } = applicationOn(c, day, day, today);
  const blockers = openingBlockers(c, line, from, s);
  // no file the customer can have scores what the opening or the line granted and used needs: no step
  // opens the line under the policy (said with the application, whatever else declines it)
  const scoreBars = blockers.length > 0 ? openingOutOfReach(c, line.id, s) : null;
  const debt = scoreBars !== null ? undefined : openingDebt(c, line, blockers);
  const record = !blockers.some((f) => f.code === "REPAYMENT_RECORD_REQUIRED")
    ? null
    : c.huabei.status === "none"
      ? recordFrom(c, from, calendar)
      : recordAhead(c, day, calendar);
  const step: Extract<Remedy, { kind: "open_line" }> = {
    line: line.id,
    kind: "open_line",
    day: from,
    date: calendar.date(from),
    now: from === day,
    blockers,
    ...(debt && { debt }),
    ...(scoreBars !== null && { scoreBars }),
    ...(record !== null && { record }),
  };
  return { step, from, s, blockers };
}

/** No line yet, an opening declined for no repayment record: the day the file holds six months of it with
 *  Huabei opened and used by the month end on or after `from`, the first day an application can be made
 *  (not before: recent applications decline Huabei's too) — each month end from then one month of record
 *  (a line used within the year before), each bill met at its minimum — the day after the month-end
 *  report that brings the sixth. Told only the reason's advice (to repay on time until the file holds six
 *  months), a customer with two months elsewhere had no date. */
function recordFrom(c: Customer, from: number, calendar: Calendar) {
  const usedBy = monthEndAfter(calendar, from);
  let end = usedBy;
  for (let short = recordShort(c); short > 1; short--) end = monthEndAfter(calendar, end + 1);
  return { day: end + 1, date: calendar.date(end + 1), usedBy, usedByDate: calendar.date(usedBy) };
}

/** Huabei opened (once: a closed line's month ends count while it was used within the year before), an
 *  opening declined for no repayment record: the day the file holds six months of it from
 *  the customer's own month ends ahead (recordDay: each counting while a line was used within the year
 *  before it, each bill met at its minimum) — or, Huabei's last use not reaching them (never used, or too
 *  long ago), with Huabei used by the coming month end (`usedBy`), as the thin-file cap's lifting day is
 *  told (customer-events). Dated from Huabei's opening (recordFrom), the record came from a line already
 *  open. */
function recordAhead(c: Customer, day: number, calendar: Calendar) {
  const ahead = recordDay(c, day, calendar, day);
  const used = c.huabei.extendedDay;
  if (ahead !== null && used !== null)
    return {
      day: ahead,
      date: calendar.date(ahead),
      open: true as const,
      usedOn: used,
      usedOnDate: calendar.date(used),
    };
  // only an active Huabei lends: no use to ask of a suspended or closed one
  if (c.huabei.status !== "active") return null;
  const usedToday = shallowCopy(c);
  usedToday.huabei.extendedDay = day;
  const then = recordDay(usedToday, day, calendar, day);
  if (then === null) return null;
  const usedBy = monthEndAfter(calendar, day);
  return {
    day: then,
    date: calendar.date(then),
    open: true as const,
    usedBy,
    usedByDate: calendar.date(usedBy),
  };
}

/**
 * The steps before an application to open `line` — a first opening, or a closed line's reopening — that
 * put right what would decline it (`blockers`, judged with score `s`): a verification for a hold its
 * changes laid or an identity the policy needs verified, the score to reach, the income for the smallest
 * line. The score and the income are left out when `barred`: no file the customer can have scores what
 * the line needs (said with the application).
 */
export function openingSteps(
  c: Customer,
  line: Line,
  blockers: readonly RuleFact[],
  s: Scored,
  barred: boolean,
  at?: number,
): Remedy[] {
  const has = (code: ReasonCode) => blockers.find((f) => f.code === code);
  const steps: Remedy[] = [];
  if (blockers.some((f) => isHoldCode(f.code)) || has("IDENTITY_REQUIRED"))
    steps.push({ line: line.id, kind: "verify_identity" });
  if (barred) return steps;
  const needed = scoreNeeded(c, line, s, blockers);
  if (needed !== null) {
    const step = raiseScore(c, line, s, needed);
    // the debt the lever: how much — told "pay down debt" and not how much, a customer at 606 against 640
    // could not know whether ¥1,000 or ¥30,000 repaid would do
    const repay =
      at !== undefined && step.drivers.includes("HIGH_DEBT_BURDEN") ? scoreRepaying(c, at, needed) : null;
    steps.push(repay === null ? step : { ...step, repayElsewhere: repay });
  }
  const income = has("INCOME_BELOW_SMALLEST_LINE") ? reportIncome(c, line, s) : null;
  if (income !== null) steps.push(income);
  return steps;
}

/** The score an opening declined by a score rule among `blockers` needs, read as the application reads it
 *  (`s`): the rule's own threshold — or, the score's band below the smallest line (LIMIT_BELOW_MINIMUM,
 *  whose threshold is the smallest line, not a score), the score of the first band with a line. Told only
 *  "a higher score reaches a band with a line", a customer had no score to aim for and no step — nor, the
 *  band judged on the file once the line is used (scoreOnceUsed), one whose file scores a band with a line
 *  today. Null when no score rule declines it, or no band has a line. */
function scoreNeeded(c: Customer, line: Line, s: Scored, blockers: readonly RuleFact[]): number | null {
  const rule = blockers.find(
    (f) => f.code === "SCORE_BELOW_OPEN_MINIMUM" || f.code === "SCORE_BELOW_LIMIT_BANDS",
  );
  if (rule?.threshold !== undefined) return rule.threshold;
  const band = blockers.find((f) => f.code === "LIMIT_BELOW_MINIMUM");
  if (band === undefined) return null;
  // a band judged on the file once the line is used is that far short of the first band with a line, and
  // the scorecard's points add: what raises the score the application reads raises that one as much — the
  // score to reach is the application's raised by the gap, as a restoration held once used is asked
  const at = band.scoreOnceUsed ?? s.score;
  const least = scoreWithLine(c, line.id, at);
  // (no score step for a score the customer has: only one above today's is a step)
  const needed = s.score + (least - at);
  return Number.isFinite(needed) && needed > s.score ? needed : null;
}

/** The first day within the next 180 on which, as the applications on file age out of their windows (30
 *  and 180 days), an application to open `line` made with nothing else done would pass, judged as it would
 *  be then (applicationOn, openingBlockers); null when none does. */
function agedOpening(c: Customer, line: Line, day: number, today: Scored): number | null {
  const days = [...new Set(c.inquiries.flatMap((i) => [i + 30, i + 180]))]
    .filter((d) => d > day && d <= day + 180)
    .sort((a, b) => a - b);
  for (const d of days) {
    const { day: at, s } = applicationOn(c, day, d, today);
    if (at === d && openingBlockers(c, line, d, s).length === 0) return d;
  }
  return null;
}

/** The least debt elsewhere (fen) that, repaid today, brings the score an application made on `at` is
 *  judged with to `needed` on its own (debt elsewhere counts the day it is repaid); null when repaying all
 *  of it does not, or there is none. */
function scoreRepaying(c: Customer, at: number, needed: number): Fen | null {
  const debt = c.profile.externalDebt;
  const meets = (x: Fen) => scoreOn(withProfile(c, { externalDebt: debt - x }), at).score >= needed;
  if (debt <= 0 || !meets(debt)) return null;
  // the score rises as the debt falls: the least amount that meets it, to the fen
  let lo = 0;
  let hi = debt;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

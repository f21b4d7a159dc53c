// A suspended line's way back: the verification a hold asks, the restoration's steps, the review that can
// restore it (early or periodic) and the closure that comes unless it does.

import type { Calendar } from "../calendar.js";
import {
  type Customer,
  forkCustomer,
  type Line,
  lineOf,
  rulesFor,
  suspendedFor,
  verifyIdentity,
} from "../customer.js";
import { writeOffFact } from "../eligibility.js";
import { incomeForSmallestLine, largestIncomeCap } from "../limits.js";
import { FEN_PER_YUAN, MAX_YUAN, wholeFen } from "../money.js";
import { REASONS, type ReasonInfo } from "../reasons.js";
import { asNextReviewReads, closingReview, closureCallsIn, duesAhead } from "../report-ahead.js";
import {
  citedFacts,
  citing,
  cleanUntil,
  dormantClosingReview,
  liftSecurityHold,
  restoredOnceUsed,
} from "../review.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";
import { limitJudged } from "./caps-below.js";
import { cite, citeFacts, type SupportAnswer } from "./citing.js";
import { incomeAwaitsReport } from "./income-advice.js";
import { type IncomeFirst, scoreAtIncomeAsked } from "./income-first.js";
import { recordDay } from "./increase-day.js";
import { unusedClosure } from "./reminders.js";
import { type Restoration, restoration } from "./restoration.js";
import { debtHoldsEarly, scoreHoldsEarly } from "./restoration-debt.js";
import {
  huabeiBack,
  keptAtRestoration,
  keptAtReviewAhead,
  restoresOnPaying,
  scoreOutOfReach,
  scoreRestores,
} from "./restoring-score.js";
import { reviewInReach } from "./review-in-reach.js";
import { standardRemedies } from "./standard-steps.js";
import { otherCutAhead, sayTrim, trimmedAhead } from "./trim-ahead.js";

const NOTHING_AHEAD = {
  ahead: null,
  reads: null,
  scored: null,
  periodic: null,
  report: null,
  trims: null,
  untilTrim: [] as RuleFact[],
} as const;

/** A suspended line's way back, as remedies (pushed on `remedies`): what stands in the way and its steps,
 *  the wait for the review that can restore it, the closure ahead; its blockers, and the score they were
 *  read with when it is the next review's rather than today's. */
function suspendedLine(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  remedies: Remedy[],
): { blockers: RuleFact[]; scored: Scored | null; untilTrim: RuleFact[] } {
  const inWay = inTheWay(c, line, day, s, calendar, remedies);
  const { found, atIncome } = inWay;
  // the thin-file cap below the smallest line: no review restores the line before the file holds six
  // months of record — told nothing of it, a thin file was offered the next review and an early review
  // today, neither of which could restore it
  const lifts = thinCapLifts(c, inWay.blockers, day, calendar);
  const blockers = lifts === null ? inWay.blockers : inWay.blockers.map((f) => withLift(f, lifts));
  // when restoration's clean period can have ended (today at the earliest, while arrears are owed) — and,
  // the thin-file cap in the way, when it lifts: no review restores the line before either
  const clean = Math.max(cleanUntil(c, line, line.heldOver?.cause ?? line.cause, day), lifts ?? day);
  // the review that closes the line unless it is restored by then: said when it is the next one, or
  // earlier when the time left cannot allow a restoration (a hold alone ends with a verification, any
  // day; a clean period does not)
  const closesOn = line.statusDay === null ? null : closingReview(line, day, calendar, c.policy);
  // …and the review that closes it as unused (nothing owed, no use — none while suspended), when that
  // comes first: no restoration at it
  const unusedOn = dormantClosingReview(c, line, day, calendar);
  // the first review that can restore the line (none named beneath a hold alone): a suspension is restored
  // by a review, beneath a hold (once verified) as without one
  const restores =
    line.cause !== "security" || line.heldOver !== null
      ? waitForReview(
          c,
          line,
          day,
          s,
          calendar,
          remedies,
          blockers,
          found ?? NOTHING_AHEAD,
          clean,
          { closesOn, unusedOn },
          atIncome,
        )
      : null;
  // the cap's lifting is what the review named waits for: said with it
  if (lifts !== null)
    for (const [i, r] of remedies.entries())
      if (r.line === line.id && r.kind === "wait_for_review" && r.day > lifts)
        remedies[i] = { ...r, thinFileLifts: { day: lifts, date: calendar.date(lifts) } };
  closureAhead(c, line, day, calendar, remedies, clean, { closesOn, unusedOn }, restores);
  const untilTrim = found?.untilTrim ?? [];
  return {
    blockers,
    scored: found?.scored ?? null,
    untilTrim: untilTrim.length > 0 ? untilTrim : heldLowerUntilTrim(c, line, day, s, remedies),
  };
}

/** What holds a Huabei that the review named restores by trimming Jiebei's unused limit where it is held
 *  lower once used (the gap: waitForReview's trimmedAhead, `trims` on its wait): the kept-once-used check
 *  on today's file — true today and of an early review, which restores it at that lower limit untrimmed.
 *  Asked on day 297 of the fixture on ¥8,000, Jiebei at ¥13,000, the answer cited READY_TO_RESTORE
 *  ("nothing stands in the way") and an early review that day restored ¥1,200. Empty: no such wait. */
function heldLowerUntilTrim(c: Customer, line: Line, day: number, s: Scored, remedies: Remedy[]): RuleFact[] {
  const trims = remedies.some((r) => r.line === line.id && r.kind === "wait_for_review" && r.trims != null);
  return trims ? restoredOnceUsed(c, line, day, s, { c, s }).facts : [];
}

/** The day the thin-file cap lifts — the file holding six months of repayment record as things stand
 *  (recordDay: each bill met at its minimum, nothing more spent) — when it stands in the way of the
 *  restoration (THIN_FILE_BELOW_SMALLEST_LINE among `blockers`) after today; null otherwise, or when no
 *  month end within reach brings it (a line unused a year adds no record). */
function thinCapLifts(
  c: Customer,
  blockers: readonly RuleFact[],
  day: number,
  calendar: Calendar,
): number | null {
  if (!blockers.some((f) => f.code === "THIN_FILE_BELOW_SMALLEST_LINE")) return null;
  const lifts = recordDay(c, day, calendar, day);
  return lifts !== null && lifts > day ? lifts : null;
}

/** The thin-file cap's fact with the day it lifts (as a decline at the cap says it). */
const withLift = (f: RuleFact, lifts: number): RuleFact =>
  f.code === "THIN_FILE_BELOW_SMALLEST_LINE" ? { ...f, liftsOn: lifts } : f;

/** What stands in the way of restoring a suspended line: beneath a security hold, the hold's rules (and on a
 *  hold alone, what verifying would fail, with its steps, first) — with the verification asked — and what
 *  the suspension's restoration finds, as the next review reads it (`found`: null beneath a hold alone) —
 *  its score step sized on the customer as the income step leaves them, when one comes first (`atIncome`:
 *  that customer). */
function inTheWay(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  remedies: Remedy[],
): { blockers: RuleFact[]; found: Restoration | null; atIncome: IncomeFirst | null } {
  const held = line.heldOver;
  const blockers: RuleFact[] = [];
  // what the restoration of the suspension (beneath a hold too) finds in its way, as the next review reads it
  let found: Restoration | null = null;
  if (line.cause === "security") {
    // only verifying lifts a hold; beneath it, a suspension still needs what its own restoration needs —
    // and a hold alone is judged on verifying as the active line it was: what that would fail, and its
    // steps, come first
    if (held === null) blockers.push(...failedOnVerifying(c, line, day, calendar, remedies));
    remedies.push({ line: line.id, kind: "verify_identity" });
    // the hold's rule, not the score characteristic recorded beside it: that one is ranked among the score's
    // reasons, after every rule that blocks the line (it would crowd out a blocker beneath the hold)
    const hold = line.reasonsOnRecord.filter((code) => REASONS[code].kind !== "score");
    blockers.unshift(...hold.map((code) => ({ code })));
    if (held !== null) found = restoration(c, line, day, s, calendar, remedies, held.cause);
  } else found = restoration(c, line, day, s, calendar, remedies, line.cause);
  if (found === null) return { blockers, found, atIncome: null };
  blockers.push(...found.blockers);
  // (the income step comes first when the income is too low for the smallest line)
  const incomeFirst = found.blockers.some((b) => b.code === "INCOME_BELOW_SMALLEST_LINE");
  const cause = held?.cause ?? line.cause;
  const atIncome = incomeFirst ? scoreAtIncomeAsked(c, line, day, calendar, remedies, cause) : null;
  return { blockers, found, atIncome };
}

/** The wait for the review that can restore a suspension (wait_for_review): the first periodic review whose
 *  clean period and debt advice allow it, the early review that can be asked for before it, and a policy
 *  under which none can — and the steps for that review put in order (the wait first when only time keeps
 *  an earlier one from restoring the line), or left out when the policy bars the line. Returns the day of
 *  that first review, and whether no review before the line closes can restore it (`never`: the score
 *  step's steps cannot reach what any restoration asks by then — no early review then either). `clean`:
 *  the day the clean period can have ended; `closes`: the review that closes the line unless it is
 *  restored by then (`closesOn`), and the one that closes it as unused (`unusedOn`). */
function waitForReview(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  remedies: Remedy[],
  blockers: readonly RuleFact[],
  found: Omit<Restoration, "blockers">,
  clean: number,
  closes: { closesOn: number | null; unusedOn: number | null },
  atIncome: IncomeFirst | null,
): { day: number; never: boolean; asThingsStand?: true } {
  const p = c.policy;
  const { closesOn, unusedOn } = closes;
  const next = reviewOnOrAfter(calendar, day, p);
  const { ahead, reads, scored, periodic, report, trims } = found;
  // the first review that can restore the line: none before its clean period ends
  const clear = clean <= next ? next : calendar.nextDayOfMonth(clean - 1, p.reviewDayOfMonth);
  // …nor before the debt advice can be met by repaying: advice for a review after the next (which reads
  // the report on record, with too little owed elsewhere to repay) leaves the reviews before it to a
  // higher income reported in time — and, when the line is closed before it, only the income can
  // restore the line
  const debt = remedies.find(
    (r): r is Extract<Remedy, { kind: "reduce_debt" }> => r.line === line.id && r.kind === "reduce_debt",
  );
  // (none when the line closes first: the advice then asks no repayment, only the income)
  const repaid = debt?.missed ? (debt.repay === null ? Number.POSITIVE_INFINITY : debt.review.day) : clear;
  const closedFirst = closesOn !== null && closesOn < repaid;
  const timely = closedFirst ? clear : Math.max(clear, repaid);
  // …nor before the score step's steps can reach what it asks, what only time moves read as it stands on
  // each review's day (the applications of day 0 counted until day 180): the first by which they can
  // — none after the line is closed, for its long suspension or as unused
  const reach = Number.isFinite(timely)
    ? reviewInReach(atIncome?.c ?? c, line, day, calendar, remedies, {
        first: timely,
        next,
        closesOn,
        unusedOn,
        huabeiBack: huabeiBack(c, next, s),
      })
    : null;
  const inReach = reach?.review ?? null;
  const never = reach?.never === true;
  const first = inReach ?? timely;
  // the score step for a later review says so: that review reads the score then, from the month-end
  // report before it — a score what is spent and repaid until then decides, which no answer today can
  // promise (each bill met at its minimum or in full, a balance revolving or not, tens of points apart);
  // today's is what there is to raise
  if (first !== next)
    for (const [i, r] of remedies.entries())
      if (r.line === line.id && r.kind === "raise_score" && r.ahead === undefined)
        remedies[i] = { ...r, review: { day: first, date: calendar.date(first) } };
  // the day recent applications leave the 30-day count is not a day to apply from when the review that can
  // restore the line comes later: it reads every application of the last 6 months in the score — one made
  // after that day, as the answer read alone allowed, kept a line from the review it named
  for (const [i, r] of remedies.entries())
    if (r.line === line.id && r.kind === "wait_for_inquiries" && r.opens !== true && r.day < first)
      remedies[i] = { ...r, review: { day: first, date: calendar.date(first) } };
  // an early review (request_review) judges as the periodic one does: from the end of the clean period
  // and of the cooldown since the last honoured request; worth saying only before the periodic one
  const cooled = line.lastReviewRequest === null ? day : line.lastReviewRequest + p.reviewRequestCooldownDays;
  // an early review reads the balances of the last report: debt advice that counts on a coming one (a
  // line repaid by then, or repayments already made) holds for a review after it — and so does the
  // income the smallest line needs, when it is what the debt advice counts on (none given: it brings the
  // ratio within the cap once the coming report counts) and the report on record is still over the cap
  // — as does a score step for the score that report brings
  // (a score read on the review's day with no month end before it reads the report on record, as an
  // early review does)
  const raisesAhead = remedies.some(
    (r) => r.line === line.id && r.kind === "raise_score" && r.ahead?.report != null,
  );
  const reported = debt?.report
    ? debt.report.day + 1
    : incomeAwaitsReport(c, line, remedies) ||
        ((ahead !== null || reads !== null) && report !== null) ||
        raisesAhead
      ? monthEndAfter(calendar, day) + 1
      : day;
  const at = Math.max(day, clean, cooled, reported);
  const policyBars = barredByPolicy(c, line, blockers);
  // …or no score the customer's file can reach restores it: the score the restoration reads, or the one
  // keeping the line restored and used needs, beyond the highest the file can score
  // — or the score the step towards it asks is (one rule for both: the step's target above the highest)
  const asked = remedies.find(
    (r): r is Extract<Remedy, { kind: "raise_score" }> => r.line === line.id && r.kind === "raise_score",
  );
  // (with too little income for the smallest line, the income step comes first and the line restored is
  // used at that income, not today's: the step and its bar are both read on the customer as it leaves them
  // — a Jiebei line restored with no income counts its smallest loan at a ratio no income reads, a cost no
  // file restored has; with no income asked, no step is read at today's income)
  const incomeFirst = blockers.some((b) => b.code === "INCOME_BELOW_SMALLEST_LINE");
  const judged = atIncome ?? { c, s };
  const bars =
    policyBars === null && blockers.length > 0
      ? scoreOutOfReach(
          judged.c,
          line.id,
          judged.s,
          incomeFirst && atIncome === null ? null : (asked?.needed ?? null),
          first,
        )
      : null;
  // (a cost read at the income asked says so: not today's)
  const scoreBars =
    bars?.cost !== undefined && atIncome !== null ? { ...bars, atIncome: atIncome.income } : bars;
  const barred = policyBars !== null || scoreBars !== null;
  // an answer that promises the restoration — nothing in its way, or only the clean period, time alone —
  // says the limit the review gives the line back at, when lower than the line's (the most it keeps once
  // used): "restores the line" alone let a ¥5,000 line come back at ¥1,000 unsaid. The next review read as
  // it reads the customer; a later one, and an early review offered instead, played ahead
  const promised = !barred && blockers.every((b) => b.code === "OVERDUE_TOO_RECENT");
  const keptNext =
    promised && blockers.length === 0 && first === next && periodic === null
      ? keptAtRestoration(c, line, day, calendar, first)
      : null;
  // …held lower once used: where it is Huabei's, held by Jiebei's unused limit counted drawn, that review
  // trims that limit for more (trim-ahead.ts) — the trim said, and the limit the review gives, not this one
  const trimmed = trims ?? (keptNext?.onceUsed === true ? trimmedAhead(c, day, calendar, first) : null);
  // debt advice sized to the score counts on the score the review named reads: an early review is offered
  // only when the score it would read meets that too — and so is one when the answer reads the customer
  // as the next review will, when no step asked changes the score: from the coming report, or — none
  // before that review — with the bills due before it (an early review reads its own day's record, the
  // bills due after it not yet counted)
  const changesScore = remedies.some(
    (r) =>
      r.line === line.id &&
      (r.kind === "reduce_debt" || r.kind === "report_income" || r.kind === "raise_score"),
  );
  // …and so is one for a later restoring review, when nothing asked changes the score but what it warns
  // of (the score a report before that review lowers, as things stand): an early review reads the last
  // report before its own day, and the bills due until then met at their minimum — with the overdue the
  // answer asks paid today, as the clean period it waits for counts (an overdue left unpaid keeps the line
  // from any review)
  const warnsOnly = !remedies.some(
    (r) =>
      r.line === line.id &&
      (r.kind === "reduce_debt" ||
        r.kind === "report_income" ||
        (r.kind === "raise_score" && r.ahead === undefined)),
  );
  // (none before the review the score step's steps first reach: time alone keeps every earlier one from it
  // — nor any, when they reach none before the line closes, or short of the score it asks by the one named:
  // an early review reads no more than that one)
  const short = asked?.reach !== undefined && asked.reach < asked.needed;
  // (the trim that lets the review restore Huabei is the periodic review's: an early one reads no trim)
  const early =
    at < first &&
    (trimmed !== null ||
      inReach !== null ||
      never ||
      short ||
      (debt?.score != null && !scoreHoldsEarly(c, line, day, calendar, debt, at)) ||
      (debt !== undefined && !debtHoldsEarly(c, line, day, calendar, debt, at)) ||
      (first !== next && warnsOnly && !restoresOnPaying(c, day, calendar, line.id, at)) ||
      ((ahead !== null || reads !== null || (scored !== null && report === null && !changesScore)) &&
        !scoreRestores(
          at > monthEndAfter(calendar, day) ? asNextReviewReads(c, day, calendar) : c,
          duesAhead(c, day, calendar, at),
          line.id,
          at,
        )))
      ? first
      : at;
  const kept = !promised
    ? null
    : blockers.length === 0 && first === next && periodic === null && trimmed === null
      ? keptNext
      : periodic === null
        ? keptAtReviewAhead(c, line, day, calendar, first, false)
        : null;
  // (Huabei held lower until that review trims: no early review offered, but one asked today restores it
  // at the lower limit, Jiebei untrimmed — said, as "would not restore it" was false)
  const earlyKept =
    promised && early < first
      ? keptAtReviewAhead(c, line, day, calendar, early, true)
      : trimmed !== null && trims === null
        ? keptAtReviewAhead(c, line, day, calendar, day, true)
        : null;
  // …and the other line's cut it makes once used, which holds nothing but comes back only when asked
  const cutsOther = promised ? otherCutAhead(c, line, day, calendar, first) : null;
  remedies.push({
    line: line.id,
    kind: "wait_for_review",
    day: first,
    date: calendar.date(first),
    later: first !== next,
    ready: blockers.length === 0,
    early: early < first && !barred ? { day: early, date: calendar.date(early), now: early === day } : null,
    withIncome: clear < repaid && debt?.income != null ? { day: clear, date: calendar.date(clear) } : null,
    ...(ahead !== null ? { score: ahead } : {}),
    ...(periodic !== null ? { periodic } : {}),
    ...(policyBars !== null ? { policyBars } : {}),
    ...(scoreBars !== null ? { scoreBars } : {}),
    // (beneath a security hold, the verification still stands in the way: not said then)
    ...(reads !== null && blockers.length === 0 ? { reads } : {}),
    ...(kept !== null ? { kept } : {}),
    ...(earlyKept !== null ? { earlyKept } : {}),
    ...(trimmed !== null ? { trims: trimmed } : {}),
    ...(cutsOther !== null ? { cutsOther } : {}),
  });
  // …and Jiebei's own answer says the trim that review makes of its limit (it was said only in Huabei's
  // wait), Huabei held whole or lower once used alike
  if (trimmed !== null) sayTrim(remedies, first, calendar, trimmed);
  // when time alone keeps the line from every review before the one named (its clean period), nothing the
  // customer does brings an earlier one: the wait is said first, then what to do by that review
  if (clear > next || inReach !== null) sayWaitFirst(remedies, line.id);
  // no review restores the line under the policy, whatever the customer does: no step towards it is one
  // (a bill in full that "then restores the line" would promise what the policy bars)
  if (barred)
    for (let i = remedies.length - 1; i >= 0; i--) {
      const r = remedies[i]!;
      if (r.line === line.id && BARRED.includes(r.kind)) remedies.splice(i, 1);
    }
  return { day: first, never, ...(never && reach?.asThingsStand && { asThingsStand: true as const }) };
}

/** A policy whose largest limit is below its smallest line has no line for anyone: no review restores the
 *  line under it, early or not, whatever the customer does — only a change of policy would. So for an
 *  income multiple that makes no line at any income a file can state (or a multiple of nothing) — for a
 *  line kept below a smallest line raised since, no line of its own limit (reportIncome's). The
 *  largest line there can be against the smallest, or null when the policy leaves a line possible. */
function barredByPolicy(
  c: Customer,
  line: Line,
  blockers: readonly RuleFact[],
): NonNullable<Extract<Remedy, { kind: "wait_for_review" }>["policyBars"]> | null {
  const product = blockers.find((f) => f.code === "PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE");
  const income = blockers.find((f) => f.code === "INCOME_BELOW_SMALLEST_LINE");
  const rules = rulesFor(c.policy, line.id);
  return product?.value !== undefined && product.threshold !== undefined
    ? { largest: product.value, smallest: product.threshold }
    : income?.threshold !== undefined &&
        incomeForSmallestLine(limitJudged(line, rules) / FEN_PER_YUAN, rules.maxLimitIncomeMultiple) === null
      ? {
          largest: largestIncomeCap(rules.maxLimitIncomeMultiple),
          // a cap in whole hundreds: with no smallest line set, ¥100 is the smallest there can be
          smallest: Math.max(income.threshold, wholeFen(100)),
          atIncome: wholeFen(MAX_YUAN),
        }
      : null;
}

/** The closure ahead (closure_due): the review that closes the line unless it is restored by then, said
 *  when it is the next one or the first that can restore it (`restores`), or earlier when it is certain —
 *  a write-off bars any restoration, the clean period cannot end in time, or the score step's steps reach
 *  what a restoration asks by no review before it (`restores.never`); the steps towards a restoration that
 *  cannot come then left out. A closure as unused (`closes.unusedOn`) before it is said likewise — and
 *  when the review named is the last before it, said as what comes unless that one restores the line. */
function closureAhead(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  remedies: Remedy[],
  clean: number,
  closes: { closesOn: number | null; unusedOn: number | null },
  restores: { day: number; never: boolean; asThingsStand?: true } | null,
): void {
  const { closesOn, unusedOn } = closes;
  const never = restores?.never === true;
  const next = reviewOnOrAfter(calendar, day, c.policy);
  const held = line.heldOver;
  // a write-off on either line bars any restoration; else the clean period may not end in time
  const barred = writeOffFact(c, line) !== null;
  const hold = line.cause === "security" && held === null;
  // …or no score the customer's file can reach restores it (the wait says why, and stays) — not one barred
  // only while Huabei is open, which the customer can close before that review
  const scoreBarred = remedies.some(
    (r) =>
      r.line === line.id &&
      r.kind === "wait_for_review" &&
      r.scoreBars !== undefined &&
      r.scoreBars.whileOpen === undefined,
  );
  // a review before the suspension's time is up that closes the line as unused (nothing owed, no use —
  // none while suspended): that closure comes first, before any restoration at it (periodicReview), and
  // the one for the long suspension never does. Certain when no review before it can restore the line
  // (then used, it would be kept), as for the long suspension's: an early review restores it any day
  // from the end of its clean period, and a hold alone ends with a verification, any day
  const unusedFirst = unusedOn !== null && (closesOn === null || unusedOn < closesOn) ? unusedOn : null;
  // a closure on `closing` comes whatever the score does: a write-off, a score barred, the clean period
  const comesAnyway = (closing: number) => barred || scoreBarred || (!hold && clean > closing);
  // …or certain only as things stand: the score step's reach alone keeps every review from restoring the
  // line, which a Jiebei loan's month of record could change (no step asks for one)
  const onlyAsIs = (closing: number) => !comesAnyway(closing) && never && restores?.asThingsStand === true;
  const unusedCertain = unusedFirst !== null && (comesAnyway(unusedFirst) || never);
  const unusedAsIs = unusedCertain && onlyAsIs(unusedFirst);
  if (unusedFirst !== null && line.usedDay !== null) {
    // the warning of it: the one the next review's steps gave, said certain — or, certain, given now; or,
    // the review named the last before it, given as what comes unless that review restores the line (and
    // it is used then)
    const i = remedies.findIndex((r) => r.line === line.id && r.kind === "unused_closure_due");
    const lastBefore =
      restores !== null &&
      restores.day < unusedFirst &&
      calendar.nextDayOfMonth(restores.day, c.policy.reviewDayOfMonth) >= unusedFirst;
    const warning = {
      ...unusedClosure(line.id, unusedFirst, line.usedDay, calendar),
      suspended: true as const,
    };
    if (unusedCertain) {
      const certainly = {
        ...warning,
        certain: true as const,
        ...(unusedAsIs && { asThingsStand: true as const }),
      };
      if (i >= 0) remedies[i] = certainly;
      else remedies.push(certainly);
    } else if (lastBefore && i < 0) remedies.push(warning);
  }
  const certain = unusedFirst === null && closesOn !== null && (comesAnyway(closesOn) || never);
  const closureAsIs = certain && onlyAsIs(closesOn);
  // a write-off due before that review comes first: the closure is not what to warn of — unless it is
  // certain, which it is even for the customer who pays the overdue as asked (the clean period counted
  // from today): paying averts the write-off, not the closure, and the answer must not leave it unsaid
  const writtenOffFirst = remedies.some(
    (r) =>
      r.line === line.id &&
      r.kind === "pay_overdue" &&
      (r.today === "charge_off" ||
        (r.by?.what === "charge_off" && closesOn !== null && r.by.day <= closesOn)),
  );
  // …the next review, or the one the answer names as the first that can restore the line: it closes the
  // line unless it does — with what becomes of a running loan on it: called in at once (a closure that
  // answers a default), or left to run to term — what falls due next, and when
  const warned =
    closesOn !== null &&
    unusedFirst === null &&
    (certain || (!writtenOffFirst && (closesOn === next || closesOn === restores?.day)));
  const loan = warned ? closureCallsIn(c, line.id, day, calendar, closesOn) : null;
  if (warned)
    remedies.push({
      line: line.id,
      kind: "closure_due",
      day: closesOn,
      date: calendar.date(closesOn),
      certain,
      ...(closureAsIs && { asThingsStand: true as const }),
      hold,
      // not the time left: after a write-off no review restores the line at all
      ...(barred ? { writtenOff: true as const } : {}),
      ...(loan !== null && "calledIn" in loan ? { callsIn: loan.calledIn } : {}),
      ...(loan !== null && "toTerm" in loan ? { toTerm: loan.toTerm } : {}),
    });
  // advice towards a restoration that cannot come is not given (none is when the score bars it) — but a
  // closure certain only as things stand keeps it: with a month of record no step asks for (a Jiebei
  // loan's), those steps are what would restore the line before it
  if ((barred || certain || unusedCertain) && !scoreBarred && !closureAsIs && !unusedAsIs)
    for (let i = remedies.length - 1; i >= 0; i--) {
      const r = remedies[i]!;
      if (r.line === line.id && UNTIMELY.includes(r.kind)) remedies.splice(i, 1);
    }
}

/** Steps that are done by the review that can restore a line, said after the wait for it when only time
 *  keeps an earlier review from restoring the line. */
const BY_THAT_REVIEW: readonly Remedy["kind"][] = [
  "reduce_debt",
  "report_income",
  "raise_score",
  "repay_in_full",
];

/** `remedies` with line `id`'s clean period and the review it waits for moved before its first step that is
 *  for that review (BY_THAT_REVIEW). */
function sayWaitFirst(remedies: Remedy[], id: LineId): void {
  const at = remedies.findIndex((r) => r.line === id && BY_THAT_REVIEW.includes(r.kind));
  if (at < 0) return;
  const wait = remedies.filter(
    (r, i) => i > at && r.line === id && (r.kind === "keep_clean_until" || r.kind === "wait_for_review"),
  );
  const rest = remedies.filter((r) => !wait.includes(r));
  rest.splice(rest.indexOf(remedies[at]!), 0, ...wait);
  remedies.splice(0, remedies.length, ...rest);
}

/** What verifying today would find on a line under a security hold alone — the hold lifted, but the line
 *  suspended when it fails the standard for keeping credit or is too long past due (for a policy change
 *  when the policy before it would keep the line): said, with its cause and the steps that change it (the
 *  overdue to pay is said already); its facts. */
function failedOnVerifying(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  remedies: Remedy[],
): RuleFact[] {
  const verified = forkCustomer(c);
  verifyIdentity(verified, day);
  const scored = scoreOn(verified, day);
  const v = liftSecurityHold(verified, lineOf(verified, line.id), day, scored);
  if (v.decision !== "suspended" || (v.cause !== "credit" && v.cause !== "policy")) return [];
  remedies.push({ line: line.id, kind: "verify_suspends", cause: v.cause, reasons: v.reasons });
  standardRemedies(c, line, day, scored, calendar, v.facts, remedies);
  return v.facts;
}

/** Steps that only lead to a restoration: none is one when the policy bars the line (`policyBars`,
 *  `scoreBars`). */
const BARRED: readonly Remedy["kind"][] = [
  "repay_in_full",
  "raise_score",
  "reduce_debt",
  "report_income",
  "keep_clean_until",
  "wait_for_inquiries",
];

/** Remedies that only lead to a restoration: not given when the line is closed before they could. */
const UNTIMELY: readonly Remedy["kind"][] = [
  "verify_identity",
  "report_income",
  "keep_clean_until",
  "raise_score",
  "wait_for_inquiries",
  "wait_for_review",
  "reduce_debt",
];

/** A suspended line in the answer: its way back's steps, and its reasons — what stands in the way as the
 *  next review reads it (nothing left but to wait for that review is said as such, READY_TO_RESTORE, not
 *  with the score's drivers as if they kept the line suspended), the policy change first while it is what
 *  holds the line, as the reviews cite it (and each threshold it moved, what it was before it). Returns the
 *  score those reasons' characteristics are that review's (null: today's). */
export function suspendedAnswer(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  answer: SupportAnswer,
  both: boolean,
): Scored | null {
  const found = suspendedLine(c, line, day, s, calendar, answer.remedies);
  const { scored } = found;
  // a score read as the next review will read it, not today's, says so: '658 vs restoreScore 660' beside
  // a trace that shows 623 read as a misprint (the review reads the applications of the last 30 days
  // aged, the coming report's balances)
  const review = reviewOnOrAfter(calendar, day, c.policy);
  const blockers =
    scored === null || scored.score === s.score
      ? found.blockers
      : found.blockers.map((f) =>
          f.value === scored.score && (REASONS[f.code] as ReasonInfo).unit === "score"
            ? { ...f, readOn: review, readOnDate: calendar.date(review) }
            : f,
        );
  // a Huabei the next review restores by trimming Jiebei's unused limit is held until then by what that
  // limit, counted drawn, does to it once used: true today, and of an early review — "nothing stands in
  // the way" was said, which only the periodic review's trim makes true
  const inWay = [...blockers, ...found.untilTrim];
  if (inWay.length === 0) cite(answer, ["READY_TO_RESTORE"]);
  const codes = citing(c, line, day, s, inWay);
  cite(answer, codes);
  citeFacts(answer, citedFacts(c, line, suspendedFor(line), codes, inWay), line.id, both);
  return scored;
}

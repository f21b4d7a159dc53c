// Acting on decisions: a step's record, a verdict applied to its line (the one place that changes a line's
// status and limit), the acceleration that follows a lender's closure, and the bookkeeping of how far past
// due a line is. The rules (applications.ts, triggers.ts, review.ts) decide; this file acts.

import {
  type Customer,
  closureAnswersDefault,
  daysPastDue,
  type Line,
  overdue,
  owed,
  runsToTerm,
  suspendedFor,
  suspensionEnds,
  usedOn,
} from "./customer.js";
import { CUT_BY } from "./eligibility.js";
import type { Loan } from "./loans/book.js";
import * as loans from "./loans.js";
import { wholeFen } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import { OVER_THRESHOLDS } from "./record.js";
import * as revolving from "./revolving.js";
import type { ScoreInputs } from "./scorecard.js";
import { lineSnapshot } from "./snapshot.js";
import type { EngineState } from "./state.js";
import type { Fen, LineSnapshot, Remedy, StepEvent } from "./types.js";
import type { RuleFact, Verdict } from "./verdict.js";
import type { Cause, LineId } from "./vocabulary.js";

/** One thing that happened: the event the trace shows, the line it is about, and the decision (already
 *  applied to the state). */
export interface StepOutcome {
  day: number;
  event: StepEvent;
  line: LineId | null;
  verdict: Verdict | null;
  /** a purchase approved, a repayment capped: the amount the step actually applied */
  applied: Fen;
  /** what the customer can do (support answers, adverse decisions) */
  remedies: Remedy[];
  /** both lines as this step left them, taken when it was decided (a trace's steps only): an input that
   *  decides both lines (a review, the triggers) shows each step with the other line as it then stood.
   *  (The step's score is read when it is recorded, after the whole input: the statuses are no input of
   *  the score, but a charge-off of the other line in the same pass already counts in it.) */
  lines?: readonly [LineSnapshot, LineSnapshot];
  /** an application's decision: the scorecard's inputs it was judged on (the file before its own inquiry) */
  judged?: ScoreInputs;
}

export const NOTHING: readonly StepOutcome[] = Object.freeze([]);

/** A step with no remedies (most steps) shares one frozen empty list: steps are never changed. */
const NO_REMEDIES = Object.freeze<Remedy[]>([]) as Remedy[];

export const outcome = (
  s: EngineState,
  event: StepEvent,
  line: LineId | null,
  verdict: Verdict | null,
  applied: Fen = 0,
  remedies: Remedy[] = NO_REMEDIES,
): StepOutcome => {
  const o: StepOutcome = { day: s.day, event, line, verdict, applied, remedies };
  if (s.notices) o.lines = linesNow(s);
  return o;
};

const linesNow = (s: EngineState): [LineSnapshot, LineSnapshot] => [
  lineSnapshot(s.customer.huabei, s.day),
  lineSnapshot(s.customer.jiebei, s.day),
];

/** Applies a verdict to its line and returns its step, followed by any step the decision causes (a
 *  closure's closing statement). */
export function decide(
  s: EngineState,
  event: StepEvent,
  line: Line,
  verdict: Verdict | null,
  applied: Fen = 0,
  remedies: Remedy[] = NO_REMEDIES,
): StepOutcome[] {
  if (!verdict) return [outcome(s, event, line.id, verdict, applied, remedies)];
  // the lines are taken once the verdict is applied (not when the step is made, before it)
  const first: StepOutcome = { day: s.day, event, line: line.id, verdict, applied, remedies };
  const out = [first];
  applyVerdict(s, line, verdict, out);
  if (s.notices) first.lines = linesNow(s);
  return out;
}

/**
 * A periodic review has judged `line`, whatever it decided: the first review after a policy change decides
 * whether the change suspends the line (a suspension for it carries the policy before it); later failures
 * are the customer's own, so the policy before the change is no longer kept. Called after the review's
 * verdict is applied: a suspension for credit at that review keeps the policy before the change
 * (suspendedUnder), as one the overdue trigger records before it does — once the customer has cleared
 * their own part, a rule the change added is what holds the line, whichever came first.
 */
export function noteReviewed(line: Line): void {
  line.previousPolicy = null;
}

/** The customer's lines in their fixed order, without building an array: 0 Huabei, 1 Jiebei. */
export const lineAt = (c: Customer, i: number): Line => (i === 0 ? c.huabei : c.jiebei);

/** Notes how far past due a line is today: the episode's worst and the month's worst keep the deepest. */
export function notePastDue(c: Customer, line: Line, day: number): void {
  const dpd = daysPastDue(line, day);
  if (dpd === 0) return;
  line.monthWorst = Math.max(line.monthWorst, dpd);
  for (const e of c.episodes) {
    if (e.line !== line.id || e.curedDay !== null) continue;
    e.worst = Math.max(e.worst, dpd);
    // the amount it is counted from has been unpaid since day − dpd (a repayment that moves it notes first)
    for (let i = 0; i < 3; i++)
      if (e.over[i]! < 0 && dpd > OVER_THRESHOLDS[i]!) e.over[i] = day - dpd + OVER_THRESHOLDS[i]! + 1;
  }
}

/** An overdue episode ends the day everything overdue on its line is repaid. */
export function cureIfClear(c: Customer, line: Line, day: number): void {
  if (overdue(line) > 0) return;
  for (const e of c.episodes) if (e.line === line.id && e.curedDay === null) e.curedDay = day;
}

/** A repayment of `amount` on a line: what it applied. The record first keeps how far past due the line
 *  got before it; an episode it clears is cured. */
export function repayLine(c: Customer, line: Line, amount: Fen, day: number): Fen {
  notePastDue(c, line, day);
  if (line.id === "huabei") {
    const applied = revolving.repay(line.ledger, amount, day, wholeFen(c.policy.toleranceAmount));
    cureIfClear(c, line, day);
    return applied;
  }
  const coming = comingDues(line.book.loans);
  const applied = loans.repay(line.book, amount, day, wholeFen(c.policy.toleranceAmount));
  if (coming !== null) recordPrepaid(c, line, coming);
  cureIfClear(c, line, day);
  return applied;
}

/** Each loan with an instalment still to fall due, and that instalment's due day: what a repayment that
 *  settles the loan pays ahead. Null when none has (no allocation on a book with nothing to come). */
function comingDues(book: readonly Loan[]): Array<[Loan, number]> | null {
  let out: Array<[Loan, number]> | null = null;
  for (const l of book) {
    if (l.next >= l.dueDays.length) continue;
    out ??= [];
    out.push([l, l.dueDays[l.next]!]);
  }
  return out;
}

/** A loan a repayment settled before its coming instalment fell due: that instalment was repaid early,
 *  which is repaying it as due — its due date is recorded paid now (it no longer falls due), so the month
 *  it falls in reports something due and met (the grid's N, as a bureau reports a month repaid ahead),
 *  never "nothing due" (docs/model.md, the repayment grid). */
function recordPrepaid(c: Customer, line: Line, coming: ReadonlyArray<[Loan, number]>): void {
  for (const [l, dueDay] of coming) {
    // settled: its due days end at the instalments already fallen due (loans/repayment.ts)
    if (l.next < l.dueDays.length) continue;
    if (c.records.some((r) => r.line === line.id && r.dueDay === dueDay)) continue;
    c.records.push({ line: line.id, dueDay, outcome: "paid" });
  }
}

/** A repayment the customer makes (a `repay` event, or one the steps ask for): `repayLine`, and a day
 *  that repaid something owed is a use of the line — nothing owed is what lets an unused line close, and
 *  an increase reads it (increaseUsedWithinDays). */
export function repayMade(c: Customer, line: Line, amount: Fen, day: number): Fen {
  const applied = repayLine(c, line, amount, day);
  if (applied > 0) usedOn(line, day);
  return applied;
}

/** The lender keeps Huabei from purchases from `day` (or from an earlier suspension it continues): the
 *  days until it is open again do not count against its activity (score-inputs). */
function shut(line: Line, day: number): void {
  if (line.id === "huabei") line.shutSince ??= day;
}

/** Huabei no longer kept from purchases by the lender from `day` (restored, reopened, or closed by the
 *  customer): the days it was are kept, for the activity window to skip. */
function reopen(line: Line, day: number): void {
  if (line.id !== "huabei" || line.shutSince === null) return;
  line.pauses.push(line.shutSince, day);
  line.shutSince = null;
}

/** A line opened, reopened or restored: active, nothing on record (no cause, no suspension's clock, none
 *  held beneath a security hold), and under the current policy — a later change is compared with this
 *  one, not with one the line lived under before. */
function activate(line: Line): void {
  line.status = "active";
  line.cause = null;
  line.statusDay = null;
  putOnRecord(line, [], [], null);
  line.heldOver = null;
  line.previousPolicy = null;
  line.policyBefore = null;
  line.suspendedUnder = null;
  line.recordedForCredit = false;
}

/** The reasons and facts on record for the line, and the day they were recorded (none: nothing on record);
 *  what earlier reviews named standing in its way goes with the record it was about. */
function putOnRecord(line: Line, reasons: ReasonCode[], facts: RuleFact[], day: number | null): void {
  line.reasonsOnRecord = reasons;
  line.factsOnRecord = facts;
  line.recordDay = day;
  line.blockersNamed = [];
}

/** A line the lender or the customer ended (closed, charged off) on `day`: it lends nothing more, the
 *  decision on record, no suspension held beneath a hold, and no policy kept to compare a change with. */
function end(line: Line, status: "closed" | "charged_off", cause: Cause, v: Verdict, day: number): void {
  suspensionEnds(line, day);
  line.status = status;
  line.cause = cause;
  line.statusDay = day;
  line.limit = 0; // what is owed stays owed
  putOnRecord(line, v.reasons, v.facts, day);
  line.heldOver = null;
  line.policyBefore = null;
  line.suspendedUnder = null;
  line.recordedForCredit = false;
  line.previousPolicy = null;
}

/** A verdict's effect on its line: the rules decide, this is the one place that acts on a decision. A
 *  lender's closure accelerates what is owed (instalments only when it answers a default): its closing
 *  statement is appended to `out`. */
function applyVerdict(s: EngineState, line: Line, v: Verdict, out: StepOutcome[]): void {
  const day = s.day;
  const c = s.customer;
  switch (v.decision) {
    case "approved":
    case "approved_lower":
      if (line.status !== "active") {
        reopen(line, day);
        activate(line);
        line.openedDay ??= day;
        line.lastOpenedDay = day;
        usedOn(line, day);
        line.lastLimit = null;
        line.cut = null;
      }
      // an increase on an active line ends the record of an earlier cut: it was the way back — to less than a
      // cut for a constraint would give back, a way back in part, as a limit given back in part is: the cut
      // stays on record, and a later review gives back the rest (asked for ¥2,000 more on the morning the
      // review was to give a ¥6,000 cut back, the line kept ¥4,000 less until another increase was asked);
      // the raise is kept with it, for customer service to name (not "given back by the review")
      if (line.status === "active" && v.limit > line.limit) {
        if (v.limit >= (line.cut?.givesBack ?? 0)) {
          putOnRecord(line, [], [], null);
          line.cut = null;
        } else if (line.cut !== null) line.cut = { ...line.cut, raised: { day, by: "increase" } };
      }
      line.limit = v.limit;
      return;
    case "suspended": {
      // what was asked of the customer earlier in this suspension, for the record made now to keep
      const asked = episodeNamed(line, v);
      // a suspension recorded for credit once keeps the restoration score it was told of until it ends,
      // whatever it is recorded for later (restorationScore); a new suspension starts without
      line.recordedForCredit =
        (line.status === "suspended" && line.recordedForCredit) || v.cause === "credit";
      if (v.limit !== undefined) noteCut(line, v, v.limit, day);
      // a policy change's suspension keeps the policy before the change, to tell while the change holds it; a
      // delinquency (or anything else the old policy would not restore either) makes it the customer's own
      // — and a suspension for credit keeps the policy before a change (one recorded again, the policy
      // before it; one on a line active since a change not yet reviewed — the overdue trigger — the policy
      // before that change), to tell when the customer has cleared their own part and only the change
      // holds the line
      if (v.policyBefore !== undefined) {
        line.policyBefore = v.policyBefore;
        line.suspendedUnder = null;
      } else if (v.cause === "credit") {
        line.suspendedUnder =
          suspendedFor(line) === null ? line.previousPolicy : (line.suspendedUnder ?? line.policyBefore);
        line.policyBefore = null;
      }
      // a suspension found while a security hold stands is recorded beneath it
      if (v.beneath) {
        if (v.cause === "credit" || v.cause === "policy") {
          line.heldOver = { cause: v.cause, reasons: v.reasons, facts: v.facts, day };
          line.blockersNamed = asked;
        }
        return;
      }
      // a second suspension (a security hold on a line suspended for credit) keeps the first one's clock
      if (line.status !== "suspended") line.statusDay = day;
      shut(line, day);
      // …and verifying identity lifts the hold, not the suspension under it: that is kept aside, and
      // comes back as it was recorded when the hold is lifted before it can end
      if (v.cause === "security" && line.status === "suspended" && line.cause !== "security") {
        if (line.cause === "credit" || line.cause === "policy")
          line.heldOver = {
            cause: line.cause,
            reasons: line.reasonsOnRecord,
            facts: line.factsOnRecord,
            day: line.recordDay ?? day,
          };
      } else if (line.cause === "security" && line.heldOver?.cause === v.cause) {
        line.status = "suspended";
        line.cause = v.cause;
        line.reasonsOnRecord = line.heldOver.reasons;
        line.factsOnRecord = line.heldOver.facts;
        line.recordDay = line.heldOver.day;
        line.heldOver = null;
        return;
      } else line.heldOver = null;
      line.status = "suspended";
      line.cause = v.cause;
      line.reasonsOnRecord = v.reasons;
      line.factsOnRecord = v.facts;
      line.recordDay = day;
      // a hold laid over a suspension leaves what the reviews named about the suspension beneath
      if (v.cause !== "security") line.blockersNamed = asked;
      return;
    }
    case "limit_reduced":
      noteCut(line, v, v.limit, day);
      // a suspended line keeps its suspension's reasons on record: they are what still stands in the way,
      // with what the review that cut it found in the way too
      if (line.status === "active") putOnRecord(line, v.reasons, v.facts, day);
      else if (v.named !== undefined) noteNamed(line, v.named);
      return;
    case "restored":
      // back from a suspension for credit (a security hold over one too): an increase's cooldown runs from
      // today — not after a hold alone, nor a policy suspension: the customer's own credit did not fall short
      if ((line.heldOver?.cause ?? line.cause) === "credit") line.restoredDay = day;
      noteCut(line, v, v.limit, day);
      suspensionEnds(line, day);
      reopen(line, day);
      activate(line);
      return;
    case "limit_restored":
      // a limit given back (review/give-back.ts): given back whole, the cut and its record end — the way
      // back, as an increase is; in part, the cut stays on record, and a later review may give back more
      if (v.limit >= (line.cut?.givesBack ?? 0)) {
        putOnRecord(line, [], [], null);
        line.cut = null;
      } else if (line.cut !== null) line.cut = { ...line.cut, raised: { day, by: "review" } };
      line.limit = v.limit;
      // a raise of the limit: the increase cooldown runs from it (for an increase asked and the next give-back)
      line.lastIncreaseDay = day;
      return;
    case "closed":
      // the limit a closure ends, the lender's or the customer's own: reopening does not raise it without
      // an increase's standards (closing and reopening is no way round them)
      line.lastLimit = line.limit;
      // the customer's own closure ends the days the lender took away: from it, the days are theirs
      if (v.cause === "customer") reopen(line, day);
      else shut(line, day);
      end(line, "closed", v.cause, v, day);
      // a lender's closure calls in what is owed — but one that answers no default (for its own policy, or
      // for credit or security with nothing past due and no debt written off on either line) lets instalments run to term
      // (runsToTerm): acceleration answers a default, not a burden, a score or a change with no payment missed
      line.toTerm = v.cause !== "customer" && !closureAnswersDefault(c, line);
      if (v.cause !== "customer") accelerate(s, line, out);
      return;
    case "charged_off":
      shut(line, day);
      end(line, "charged_off", "credit", v, day);
      if (line.id === "huabei") revolving.writeOff(line.ledger);
      else loans.writeOff(line.book);
      notePastDue(c, line, day);
      for (const e of c.episodes) if (e.line === line.id && e.curedDay === null) e.chargedOff = true;
      // everything owed falls due, instalments not yet billed included
      accelerate(s, line, out);
      return;
    case "declined":
    case "info":
    case null:
      // a review that leaves the line suspended: what it named stays with the record, so that the restoration
      // cites what has been cleared since (an identity verified after a review asked for it), not only what
      // the suspension itself named
      if (factsKept(v) === "all" && line.status === "suspended") noteNamed(line, v.facts);
      return;
  }
}

/**
 * What a suspension recorded anew on a line already suspended — the same episode: its clock stays the
 * first's — keeps of what was asked of the customer before it: the earlier record's reasons and facts (the
 * suspension's beneath a hold, when one is laid) and what the reviews since named, less what the new record
 * names itself (its numbers are the latest). A restoration cites what the customer has done since the line
 * was first suspended that a review asked for: an identity a policy suspension asked for and verified
 * before a review recorded the suspension anew for credit (an overdue alone) is cited beside
 * ARREARS_CLEARED. A line not suspended starts an episode: nothing is kept.
 */
function episodeNamed(line: Line, v: Verdict): RuleFact[] {
  if (line.status !== "suspended") return [];
  const earlier =
    line.heldOver ??
    (line.cause === "security" ? null : { reasons: line.reasonsOnRecord, facts: line.factsOnRecord });
  const asked: RuleFact[] = [];
  if (earlier !== null) {
    asked.push(...earlier.facts);
    for (const code of earlier.reasons) if (!asked.some((f) => f.code === code)) asked.push({ code });
  }
  const kept = [
    ...asked.filter((f) => !line.blockersNamed.some((g) => g.code === f.code)),
    ...line.blockersNamed,
  ];
  return kept.filter((f) => !v.reasons.includes(f.code) && !v.facts.some((g) => g.code === f.code));
}

/** What a review of a suspended line found in the way of its restoration, kept with the record (the latest
 *  numbers of each code): what a restoration may cite as cleared since. */
function noteNamed(line: Line, facts: readonly RuleFact[]): void {
  line.blockersNamed = [...line.blockersNamed.filter((f) => !facts.some((g) => g.code === f.code)), ...facts];
}

/** A verdict's new limit; a lower one is a cut, kept on record (the latest) until a way back ends it. A
 *  limit_reduced's reasons are the cut's (on a line it leaves suspended, its own: the decision's say why
 *  the line stays suspended too); beside a suspension or a restoration, the cut's own are (a policy
 *  change's cut says so there too). */
function noteCut(line: Line, v: Verdict, limit: Fen, day: number): void {
  const fact = limit < line.limit ? cutFact(v) : undefined;
  if (fact !== undefined) {
    // a cut for a constraint remembers the limit before the first such cut since the way back; one to the
    // score's band, the customer's own worsening, forgets it — and where the band cut too, less than the
    // constraint (bandHolds), no more than the band's cap is remembered: the rest was the band's
    const back =
      fact.code === "SCORE_BELOW_LIMIT_BAND"
        ? null
        : Math.min(Math.max(line.cut?.givesBack ?? 0, line.limit), v.bandHolds ?? Number.POSITIVE_INFINITY);
    const givesBack = back !== null && back > limit ? back : null;
    line.cut = {
      day,
      from: line.limit,
      to: limit,
      reasons: v.cutReasons ?? (v.decision === "limit_reduced" ? v.reasons : [fact.code]),
      facts: [fact],
      givesBack,
      // the causes since the way back: the earlier cuts' while their limit is still to give back
      causes:
        givesBack === null || (line.cut?.givesBack ?? null) === null
          ? [fact.code]
          : [...line.cut!.causes.filter((code) => code !== fact.code), fact.code],
      raised: null,
    };
  }
  line.limit = limit;
}

// a restoration held to what the next review keeps once used cuts the limit too (LIMIT_KEPT_ONCE_USED), as
// the trim of an unused limit that lets the other line be restored does (UNUSED_LIMIT_TRIMMED)
const CUT_CODES: ReadonlySet<ReasonCode> = new Set([
  ...Object.values(CUT_BY),
  "LIMIT_KEPT_ONCE_USED",
  "UNUSED_LIMIT_TRIMMED",
]);

/** The fact a limit cut is kept on record with (noteCut): the verdict's first of a cap it was cut to. */
export const cutFact = (v: Verdict): RuleFact | undefined => v.facts.find((f) => CUT_CODES.has(f.code));

/**
 * Which of a verdict's facts applying it may keep on its line's record, whatever the line (applyVerdict):
 * `all` — a suspension's (the record, or beneath a hold), a closure's and a charge-off's (the record), a
 * limit cut's (the record of an active line; of a suspended one, the cut's fact), what a review that
 * leaves a line suspended names in the way (NOT_RESTORED_YET: kept with the record); `cut` — a
 * restoration's, whose record is cleared but for the cut that may come with it (cutFact); `none` — an
 * approval's, and a decline's or an answer's that names nothing in the way. Lanes compare what is kept
 * (judge.ts): the thresholds on record are each policy's own, and a restoration reads them.
 */
export function factsKept(v: Verdict): "all" | "cut" | "none" {
  switch (v.decision) {
    case "suspended":
    case "closed":
    case "charged_off":
    case "limit_reduced":
      return "all";
    case "restored":
      return "cut";
    case "limit_restored":
    case "approved":
    case "approved_lower":
      return "none";
    case "declined":
    case "info":
    case null:
      return v.reasons[0] === "NOT_RESTORED_YET" ? "all" : "none";
  }
}

/** On the lender's closure what it calls in falls due: Huabei bills it on a closing statement due on the
 *  next due day — everything owed, or on a closure that answers no default all but the instalment plans,
 *  which run to term (billed one instalment a month, from the next statement); Jiebei loans' next
 *  instalments become their last, unless they run to term. */
function accelerate(s: EngineState, line: Line, out: StepOutcome[]): void {
  if (owed(line) === 0) return;
  const toTerm = runsToTerm(line);
  if (line.id === "jiebei") {
    if (!toTerm) loans.accelerate(line.book);
    return;
  }
  const p = s.customer.policy;
  const dueDay = s.calendar.nextDayOfMonth(s.day, p.dueDayOfMonth);
  const bill = revolving.closeStatement(line.ledger, s.day, dueDay, p, true, toTerm ? "none" : "all");
  if (bill && s.notices)
    out.push(outcome(s, { type: "statement", ...bill, dueDay, closing: true }, "huabei", null));
}

// The customer's events (a scenario's lines): applications, purchases, loans, repayments, closing a line,
// profile changes, debt elsewhere, income, a policy change, customer service, verification, a review asked
// for, a note. One that decides is decided by a rule (applications.ts, triggers.ts, review.ts; customer
// service's answer: support/answer.ts) and acted on through apply-verdict.ts.

import { authorise, decideApplication, refusedUnassessed } from "./applications.js";
import { decide, lineAt, NOTHING, outcome, repayMade, type StepOutcome } from "./apply-verdict.js";
import {
  availableCredit,
  type Customer,
  customerOverdue,
  incomeReported,
  isOpen,
  type Line,
  lineOf,
  overdue,
  owed,
  shallowCopy,
  suspendedFor,
  usedOn,
  verifyIdentity,
} from "./customer.js";
import { alone, judge } from "./judge.js";
import * as loans from "./loans.js";
import { changesUnusedTerms, closeAtRequest, liftSecurityHold, requestedReview } from "./review.js";
import * as revolving from "./revolving.js";
import { scoreOn } from "./score-inputs.js";
import { ACTIVITY_MIN_PURCHASE, type ScoreInputs } from "./scorecard.js";
import { type EngineState, jiebeiDue, loanDueDays, monthEndAfter } from "./state.js";
import { answerSupport } from "./support/answer.js";
import { notWorkedOut, SUPPORT_ANSWERS_BOUND } from "./support/bounded.js";
import type { SupportAnswer } from "./support/citing.js";
import { recordDay } from "./support/increase-day.js";
import {
  burstTrigger,
  countTransaction,
  isBurst,
  isTakeover,
  securityTrigger,
  securityTriggerAfterChange,
  TAKEOVER_FIELDS,
  takeoverTrigger,
} from "./triggers.js";
import type { Fen, Policy, Remedy, RepayAmount, ScenarioEvent } from "./types.js";
import type { Verdict } from "./verdict.js";
import type { InstalmentTerm, LineId } from "./vocabulary.js";

export function customerEvent(s: EngineState, e: ScenarioEvent): readonly StepOutcome[] {
  // purchases and repayments, most of a population's events, are taken here, in a function that makes no
  // closure: V8 gives a function whose variables a closure captures (the lane decisions below) a context
  // of its own on every call, whichever branch runs
  const day = s.day;
  const c = s.customer;
  switch (e.type) {
    case "purchase": {
      const h = c.huabei;
      // most steps of a population are purchases the line takes, whose approval nobody reads there (state.ts:
      // `approvals`): taken with no verdict made. authorise approves a Huabei purchase exactly when the line
      // is active, nothing is overdue on either line and the amount is within the credit left — the general
      // path below is the reference, and the property tests compare a run with approvals and one without
      // (nor a large one the day the bound phone or bank card changed, which a policy may decline)
      const takeover = takeoverUnderAny(s, e.amount);
      if (
        !s.approvals &&
        !takeover &&
        h.status === "active" &&
        customerOverdue(c) === 0 &&
        e.amount <= availableCredit(h)
      ) {
        asked(h, true, day, e.amount, null);
        tried(c, true, day, e.amount);
        lent(c, e, day);
        return withHold(s, e, e.amount, NOTHING);
      }
      // a purchase reads no policy but the takeover trigger's: only then may a lane's policies decide it otherwise
      if (takeover && !alone(s)) return purchaseJudged(s, e);
      return purchaseDecided(s, e, authorise(c, h, e.amount, day, s.nextMonthEnd));
    }
    case "repay": {
      const line = lineOf(c, e.line);
      const applied = repayMade(c, line, repayAmount(s, line, e.amount), day);
      return [outcome(s, e, line.id, null, applied)];
    }
    default:
      return decidedEvent(s, e);
  }
}

/** A purchase tried on Huabei, approved or declined: `usable`, the line active with nothing overdue on
 *  either line. The habit counts on a line the customer can use, declined or not (over the limit), unless
 *  the customer is behind on a repayment. Not on a suspended line: trying to spend where the lender has
 *  stopped the customer would raise the score (five declined ¥10 attempts restored a line) — the count is
 *  held at the suspension's start instead (score-inputs), so a suspension costs nothing. Days of use, by
 *  purchases of at least ACTIVITY_MIN_PURCHASE: neither pennies nor splitting buy points. */
function tried(c: Customer, usable: boolean, day: number, amount: Fen): void {
  const h = c.huabei;
  if (usable && amount >= ACTIVITY_MIN_PURCHASE && h.purchaseDays[h.purchaseDays.length - 1] !== day)
    h.purchaseDays.push(day);
  // the attempt counts towards a burst, approved or declined: one that completes it lays the hold
  countTransaction(c, day, amount);
}

/** An approved purchase lent on Huabei. */
function lent(c: Customer, e: Extract<ScenarioEvent, { type: "purchase" }>, day: number): void {
  const h = c.huabei;
  revolving.purchase(
    h.ledger,
    e.amount,
    day,
    e.instalments === null ? null : plan(c.policy, e.amount, e.instalments),
  );
  // a use of the line: an unused line's closure counts from the last (review/dormant.ts: dormantClosure)
  if (e.amount >= ACTIVITY_MIN_PURCHASE) {
    usedOn(h, day);
    h.extendedDay = day;
  }
}

/** The other customer events: those whose decision a lane's policies may take otherwise (judge). */
function decidedEvent(
  s: EngineState,
  e: Exclude<ScenarioEvent, { type: "purchase" | "repay" }>,
): readonly StepOutcome[] {
  const { day, calendar } = s;
  const c = s.customer;
  switch (e.type) {
    case "apply": {
      const line = lineOf(c, e.line);
      // refused before any assessment: no credit report pulled, so no inquiry
      const refused = refusedUnassessed(c, line, e.product, () => scoreOn(c, day));
      if (refused) return applicationDecided(s, e, refused);
      const before = scoreOn(c, day);
      c.inquiries.push(day);
      const v = alone(s)
        ? decideApplication(c, line, day, e.product, e.amount, before)
        : judge(
            s,
            () => decideApplication(c, line, day, e.product, e.amount, before),
            (f, w) => applicationDecided(f, e, w, before.inputs),
          );
      return applicationDecided(s, e, v, before.inputs);
    }
    case "borrow": {
      // a drawdown reads the policy (its minimum, the clean days after a missed due date, the debt-to-income
      // cap): policies of a lane that decide otherwise leave it, as for an application
      const j = c.jiebei;
      const loan = { term: e.term, firstDue: loanDueDays(s.calendar, day, 1)[0]! };
      const v = alone(s)
        ? authorise(c, j, e.amount, day, s.nextMonthEnd, loan)
        : judge(
            s,
            () => authorise(c, j, e.amount, day, s.nextMonthEnd, loan),
            (f, w) => borrowDecided(f, e, w),
          );
      return borrowDecided(s, e, v);
    }
    case "close": {
      const line = lineOf(c, e.line);
      return decide(
        s,
        e,
        line,
        closeAtRequest(c, line, () => scoreOn(c, day)),
      );
    }
    case "change_profile":
      c.profileChanges.push(day);
      if (TAKEOVER_FIELDS.has(e.field)) c.keyChange = { field: e.field, day };
      return securityFrom(s, e, 0, undefined, []);
    case "external_debt":
      c.profile.externalDebt += e.amount;
      return [outcome(s, e, null, null)];
    case "external_repayment": {
      const applied = Math.min(e.amount, c.profile.externalDebt);
      c.profile.externalDebt -= applied;
      return [outcome(s, e, null, null, applied)];
    }
    case "external_inquiry":
      c.inquiries.push(day);
      return [outcome(s, e, null, null)];
    case "income":
      incomeReported(c, e.monthlyIncome);
      return [outcome(s, e, null, null)];
    case "policy": {
      if (s.lane !== null && s.lane.policies.length > 1)
        throw new Error(
          "a policy event on a state shared by several policies (switch lanes with switchLane)",
        );
      return policyChanged(s, e, applyPolicyEvent(c.policy, e.use, e.set));
    }
    case "contact_support": {
      // an answer nobody reads is not worked out (state.ts: `answers`): the call decides nothing, under
      // every policy of a lane alike — none leaves it over an answer that would not be given
      if (!s.answers) return [outcome(s, e, null, null)];
      if (alone(s)) return supportAnswered(s, e);
      // the answer reads the policy (the standard a review holds a line to, what restores one): policies
      // of a lane that answer otherwise leave it, as for any decision
      const scored = scoreOn(c, day);
      judge(
        s,
        () => {
          const a = spent(s)
            ? notWorkedOut(c, day, calendar, s.lastWorked ?? day)
            : answerSupport(c, day, scored, calendar);
          return { decision: "info", reasons: a.reasons, facts: a.facts } as const;
        },
        (f) => supportAnswered(f, e),
      );
      return supportAnswered(s, e);
    }
    case "verify_identity":
      verifyIdentity(c, day);
      return verifiedFrom(s, e, 0, undefined, []);
    case "request_review": {
      // without a line: the first suspended one, else the line the customer has (a Jiebei-only customer
      // asking is told about Jiebei, not that a Huabei never opened is no account)
      const line =
        e.line === null
          ? ([c.huabei, c.jiebei].find((l) => l.status === "suspended") ??
            (c.huabei.status === "none" && c.jiebei.status !== "none" ? c.jiebei : c.huabei))
          : lineOf(c, e.line);
      const scored = scoreOn(c, day);
      const v = alone(s)
        ? requestedReview(c, line, day, scored)
        : judge(
            s,
            () => requestedReview(c, line, day, scored),
            (f, w) => reviewRequested(f, e, line.id, w),
          );
      return reviewRequested(s, e, line.id, v);
    }
    case "note":
      return [outcome(s, e, null, null)];
    default: {
      const never: never = e;
      throw new Error(`unhandled event ${JSON.stringify(never)}`);
    }
  }
}

/** Customer service's answer on `s`, under its own policy. */
function supportAnswered(
  s: EngineState,
  e: Extract<ScenarioEvent, { type: "contact_support" }>,
): StepOutcome[] {
  // the same call again, nothing changed since: the answer it was given (state.ts: `answered`)
  const last = s.answered;
  if (last !== null && last.customer === s.customer && last.day === s.day && alone(s))
    return [outcome(s, e, null, { ...last.verdict }, 0, last.remedies.slice())];
  const answer = serviceAnswer(s);
  const verdict: Verdict = { decision: "info", reasons: answer.reasons, facts: answer.facts };
  s.answered = alone(s)
    ? { customer: s.customer, day: s.day, verdict, remedies: answer.remedies.slice() }
    : null;
  return [outcome(s, e, null, verdict, 0, answer.remedies)];
}

// The rest of a customer event once its decision is known: the same code for the state that decided it
// and for a lane's state split off at that decision (judge).

function applicationDecided(
  s: EngineState,
  e: Extract<ScenarioEvent, { type: "apply" }>,
  v: Verdict,
  judged?: ScoreInputs,
): StepOutcome[] {
  const line = lineOf(s.customer, e.line);
  const granted = v.decision === "approved" || v.decision === "approved_lower";
  if (e.product === "increase" && granted) line.lastIncreaseDay = s.day;
  // kept when declined, for customer service asked after it (support/declined-ask.ts); forgotten once granted
  // (kept in a run without answers too: leaving them out changes no state, a property holds it)
  if (v.decision === "declined")
    line.declinedApplication = { day: s.day, product: e.product, amount: e.amount };
  else if (line.declinedApplication !== null) line.declinedApplication = null;
  const out = decide(s, e, line, thinCapLifts(s, v));
  thinCapGranted(s, line, out[0]!);
  // an assessed application was judged on the file before its own inquiry, which the step's score counts:
  // its reasons are ranked on that file, and are told from it (a notice ranked on one file and told from
  // another listed "30 short" before "35 short")
  if (judged !== undefined) out[0]!.judged = judged;
  return out;
}

/** An application declined at the thin-file cap: the day the cap lifts (the file's six months of record,
 *  as things stand), the day customer service names — told only "customer service names the day", the
 *  customer declined had to call to learn it. Worked out only where answers are (not in a read ahead). */
function thinCapLifts(s: EngineState, v: Verdict): Verdict {
  if (!s.answers || v.decision !== "declined") return v;
  const i = v.facts.findIndex((f) => f.code === "LIMIT_AT_THIN_FILE_CAP");
  if (i < 0) return v;
  const lifts = recordDay(s.customer, s.day, s.calendar, s.day);
  if (lifts === null) return v;
  const facts = v.facts.slice();
  facts[i] = { ...facts[i]!, liftsOn: lifts };
  return { ...v, facts };
}

/** An application approved lower at the thin-file cap: the day the cap lifts, on the line as granted — as
 *  things stand (each bill met at its minimum, nothing more spent), or, a line not used yet adding no record,
 *  once it is used by the next month end (`usedBy`) — told only "the most offered without a repayment
 *  record", the customer granted ¥2,000 of ¥5,000 learnt neither what lifts it nor when. Where answers are. */
function thinCapGranted(s: EngineState, line: Line, first: StepOutcome): void {
  const v = first.verdict;
  if (!s.answers || v === null || v.decision !== "approved_lower" || line.status !== "active") return;
  const i = v.facts.findIndex((f) => f.code === "LIMIT_CAPPED_THIN_FILE");
  if (i < 0) return;
  const c = s.customer;
  let lifts = recordDay(c, s.day, s.calendar, s.day);
  let usedBy: number | undefined;
  if (lifts === null && line.extendedDay === null) {
    // used by the next month end, every month end from it counts (a year from the use)
    const used = shallowCopy(c);
    lineOf(used, line.id).extendedDay = s.day;
    lifts = recordDay(used, s.day, s.calendar, s.day);
    usedBy = monthEndAfter(s.calendar, s.day);
  }
  if (lifts === null) return;
  const facts = v.facts.slice();
  facts[i] = { ...facts[i]!, liftsOn: lifts, ...(usedBy !== undefined ? { usedBy } : {}) };
  first.verdict = { ...v, facts };
}

/** A profile change's security trigger on each line from `from` on. */
function securityFrom(
  s: EngineState,
  e: ScenarioEvent,
  from: number,
  preset: Verdict | null | undefined,
  out: StepOutcome[],
): readonly StepOutcome[] {
  return triggerFrom(s, e, from, preset, out, securityTrigger, true);
}

/**
 * A policy event's change to `next`. On a lane's switch (lanes.ts, switchLane) the lane's other policies
 * are already its other members' new ones: the trigger the change brings (a change rule the account
 * already breaks) is judged under each, and those that decide otherwise leave the lane here, as at any
 * decision — every policy of a lane comes from the same one, so everything else the change does is the
 * same for each.
 */
export function policyChanged(s: EngineState, e: ScenarioEvent, next: Policy): readonly StepOutcome[] {
  const { day, calendar } = s;
  const c = s.customer;
  // a policy cause needs a line that lived under the previous policy (the one before the first of
  // several changes made before the line's next review)
  for (const line of [c.huabei, c.jiebei] as const) {
    line.previousPolicy = isOpen(line) ? (line.previousPolicy ?? c.policy) : null;
    if (suspendedFor(line) === "credit") line.suspendedUnder ??= c.policy;
  }
  const before = c.policy;
  c.policy = next;
  // new unused-line terms, or reviews on another day of the month (the day a notice names): a notice
  // they put on or before today comes tomorrow (review/dormant.ts)
  if (changesUnusedTerms(before, c.policy)) {
    c.huabei.unusedTermsDay = day;
    c.jiebei.unusedTermsDay = day;
  }
  // the calendar of the new policy: a statement or review day later today still happens today
  s.nextStatement = calendar.nextDayOfMonth(day - 1, c.policy.statementDayOfMonth);
  if (s.nextStatement === day) s.nextStatement = calendar.nextDayOfMonth(day, c.policy.statementDayOfMonth);
  s.nextReview = calendar.nextDayOfMonth(day - 1, c.policy.reviewDayOfMonth);
  return triggerFrom(s, e, 0, undefined, [], securityTriggerAfterChange(before), true);
}

/** A security trigger (`trigger`) on each line from `from` on, each decided after the outcomes `out`; a lane
 *  whose policies decide apart is split where they do. `nothing`: an outcome with no decision when no line
 *  is held (a profile change is a step of its own; a burst follows the attempt that completed it). */
function triggerFrom(
  s: EngineState,
  e: ScenarioEvent,
  from: number,
  preset: Verdict | null | undefined,
  out: StepOutcome[],
  trigger: (c: Customer, line: Line, day: number) => Verdict | null,
  nothing: boolean,
): readonly StepOutcome[] {
  const c = s.customer;
  const day = s.day;
  for (let i = from; i < 2; i++) {
    const line = lineAt(c, i);
    const v =
      i === from && preset !== undefined
        ? preset
        : alone(s)
          ? trigger(c, line, day)
          : judge(
              s,
              () => trigger(c, line, day),
              (f, w) => triggerFrom(f, e, i, w, out.slice(), trigger, nothing),
            );
    if (v) out.push(...decide(s, e, line, v));
  }
  return out.length > 0 || !nothing ? out : [outcome(s, e, null, null)];
}

/** A verification lifting the security hold of each line on one, from `from` on. */
function verifiedFrom(
  s: EngineState,
  e: ScenarioEvent,
  from: number,
  preset: Verdict | undefined,
  out: StepOutcome[],
): readonly StepOutcome[] {
  const c = s.customer;
  const day = s.day;
  for (let i = from; i < 2; i++) {
    const line = lineAt(c, i);
    if (!(i === from && preset !== undefined) && !(line.status === "suspended" && line.cause === "security"))
      continue;
    let v: Verdict;
    if (i === from && preset !== undefined) v = preset;
    else {
      const scored = scoreOn(c, day);
      v = alone(s)
        ? liftSecurityHold(c, line, day, scored)
        : judge(
            s,
            () => liftSecurityHold(c, line, day, scored),
            (f, w) => verifiedFrom(f, e, i, w, out.slice()),
          );
    }
    const steps = decide(s, e, line, v);
    // the hold lifted, a suspension beneath stays: what restores it and when — the review, or an early
    // one only when its cooldown allows — is customer service's answer, as after a declined early review.
    // Restored with an amount overdue on it (not yet too long past due), the line declines every purchase
    // or loan until that is paid, and a suspension for credit comes if it is not: "restored" alone told a
    // customer she could use it — the answer's steps say what still stands
    const beneath = line.status === "suspended" && line.cause !== "security";
    if (s.answers && (beneath || (v.decision === "restored" && overdue(line) > 0)))
      steps[0]!.remedies = serviceStepsFor(s, line.id);
    out.push(...steps);
  }
  return out.length > 0 ? out : [outcome(s, e, null, null)];
}

/** A purchase on a lane whose policies may decide it otherwise (the takeover trigger's parameters): those
 *  that do leave the lane, as for a drawdown. */
function purchaseJudged(
  s: EngineState,
  e: Extract<ScenarioEvent, { type: "purchase" }>,
): readonly StepOutcome[] {
  const c = s.customer;
  const authorised = () => authorise(c, c.huabei, e.amount, s.day, s.nextMonthEnd);
  return purchaseDecided(
    s,
    e,
    judge(s, authorised, (f, w) => purchaseDecided(f, e, w)),
  );
}

function purchaseDecided(
  s: EngineState,
  e: Extract<ScenarioEvent, { type: "purchase" }>,
  v: Verdict,
): readonly StepOutcome[] {
  const c = s.customer;
  const h = c.huabei;
  const approved = v.decision === "approved";
  asked(h, approved, s.day, e.amount, null);
  tried(c, h.status === "active" && customerOverdue(c) === 0, s.day, e.amount);
  if (!approved) {
    return withHold(s, e, e.amount, decide(s, e, h, v));
  }
  lent(c, e, s.day);
  // the approval is only reported: a purchase is authorised on an active line, whose limit it keeps
  // (state.ts: `approvals`)
  return withHold(s, e, e.amount, s.approvals ? decide(s, e, h, v, e.amount) : NOTHING);
}

function borrowDecided(
  s: EngineState,
  e: Extract<ScenarioEvent, { type: "borrow" }>,
  v: Verdict,
): readonly StepOutcome[] {
  const c = s.customer;
  const j = c.jiebei;
  // the attempt counts towards a burst, approved or declined: one that completes it lays the hold
  countTransaction(c, s.day, e.amount);
  asked(j, v.decision === "approved", s.day, e.amount, e.term);
  if (v.decision !== "approved") {
    return withHold(s, e, e.amount, decide(s, e, j, v));
  }
  const dueDays = loanDueDays(s.calendar, s.day, e.term + 1);
  const rates = { interest: c.policy.jiebeiRatePerDay, penalty: c.policy.jiebeiPenaltyRatePerDay };
  loans.draw(j.book, s.day, e.amount, e.term, dueDays.slice(0, e.term), rates, dueDays[e.term]!);
  usedOn(j, s.day);
  j.extendedDay = s.day;
  return withHold(s, e, e.amount, decide(s, e, j, v, e.amount));
}

/** A purchase or drawdown asked on `line`: kept when declined, for customer service asked after it
 *  (support/declined-ask.ts); forgotten once one is lent. */
function asked(line: Line, approved: boolean, day: number, amount: Fen, term: number | null): void {
  if (approved) {
    if (line.declinedAsk !== null) line.declinedAsk = null;
  } else line.declinedAsk = { day, amount, term };
}

/** Whether an attempt of `amount` is one after a change of the bound phone or bank card under the state's
 *  policy or any of its lane's (authorise declines it). */
function takeoverUnderAny(s: EngineState, amount: Fen): boolean {
  const c = s.customer;
  if (c.keyChange === null) return false;
  if (s.lane !== null) for (const p of s.lane.policies) if (isTakeover(c, s.day, amount, p)) return true;
  return isTakeover(c, s.day, amount);
}

/** Whether the day's transactions make a burst, or the attempt of `amount` is one after a change of the
 *  bound phone or bank card, under the state's policy or under any policy of its lane: when none holds,
 *  no policy decides otherwise and nothing is judged (a lane's every purchase would be). */
function heldUnderAny(s: EngineState, amount: Fen): boolean {
  // (no closure over the policies: this runs on every purchase a population makes)
  const c = s.customer;
  if (s.lane !== null) for (const p of s.lane.policies) if (isBurst(c, s.day, p)) return true;
  return isBurst(c, s.day, c.policy) || takeoverUnderAny(s, amount);
}

/** The steps of a purchase or drawdown decided, then the security hold it lays when it completes a
 *  trigger under the state's policy or any of its lane's (heldUnderAny). */
function withHold(
  s: EngineState,
  e: ScenarioEvent,
  amount: Fen,
  steps: readonly StepOutcome[],
): readonly StepOutcome[] {
  return heldUnderAny(s, amount) ? burstFrom(s, e, 0, undefined, steps.slice(), amount) : steps;
}

/** A transaction's security trigger on each line from `from` on — a burst's, else a large attempt's of
 *  `amount` soon after a change — after the attempt that completed it: a burst's last attempt is decided
 *  by the line's rules (what the hold stops is everything after it), a takeover's is declined for it
 *  (authorise), and the hold is laid at once on both lines. */
function burstFrom(
  s: EngineState,
  e: ScenarioEvent,
  from: number,
  preset: Verdict | null | undefined,
  out: StepOutcome[],
  amount: Fen,
): readonly StepOutcome[] {
  const trigger = (c: Customer, line: Line, day: number) =>
    burstTrigger(c, line, day) ?? takeoverTrigger(c, line, day, amount);
  return triggerFrom(s, e, from, preset, out, trigger, false);
}

function reviewRequested(s: EngineState, e: ScenarioEvent, id: LineId, v: Verdict): readonly StepOutcome[] {
  const c = s.customer;
  const line = lineOf(c, id);
  // the cooldown runs from a review made: not from one refused for it, nor from a request that reviewed
  // nothing (an active line, none open, one closed for good: information) — asked while active, a
  // customer suspended days later was refused the early review "already requested recently"
  if (v.decision !== "info" && !v.reasons.includes("REVIEW_TOO_SOON")) line.lastReviewRequest = s.day;
  const steps = decide(s, e, line, v);
  // the steps read the line as the review left it: one that records the suspension anew (for credit, for
  // the policy) names that record, not the one it replaced
  if (v.decision !== "restored" && s.answers) steps[0]!.remedies = serviceStepsFor(s, line.id);
  return steps;
}

/** An instalment plan's total fee under the policy (the published rate per term). */
function plan(p: Policy, amount: Fen, term: InstalmentTerm): { term: InstalmentTerm; fee: Fen } {
  const rate = { 3: p.instalmentFee3, 6: p.instalmentFee6, 9: p.instalmentFee9, 12: p.instalmentFee12 }[term];
  return { term, fee: Math.round(amount * rate) };
}

function repayAmount(s: EngineState, line: Line, amount: RepayAmount): Fen {
  if (amount.kind === "amount") return amount.fen;
  if (amount.kind === "full") return owed(line);
  if (line.id === "huabei")
    return amount.kind === "statement"
      ? revolving.statementBalance(line.ledger)
      : revolving.minimumDue(line.ledger);
  // on Jiebei, the statement and the minimum are both what is due: arrears and the instalments falling
  // due within the month
  return jiebeiDue(s, line.book);
}

/** Merges a `policy` event into the policy in force (a `set` marks its name: `default*` — once, however
 *  many `set`s changed it since it was named). */
export function applyPolicyEvent(current: Policy, use: Policy | null, set: Partial<Policy>): Policy {
  const base = use ?? current;
  const overridden = Object.keys(set).length > 0;
  const name = overridden && !base.name.endsWith("*") ? `${base.name}*` : base.name;
  return { ...base, ...set, name };
}

/** What customer service would tell the customer about one line today (the steps a declined early review
 *  or a lifted hold comes with): its answer's, what falls due next on the line among them — the restoration
 *  they wait for needs it paid on time. */
function serviceStepsFor(s: EngineState, line: LineId): Remedy[] {
  return serviceAnswer(s).remedies.filter((r) => r.line === line);
}

/** Customer service's answer on `s` today, counted: once the run has worked out SUPPORT_ANSWERS_BOUND, one
 *  without its steps worked out ahead (support/bounded.ts). */
function serviceAnswer(s: EngineState): SupportAnswer {
  if (spent(s)) return notWorkedOut(s.customer, s.day, s.calendar, s.lastWorked ?? s.day);
  s.answersWorked++;
  s.lastWorked = s.day;
  return answerSupport(s.customer, s.day, scoreOn(s.customer, s.day), s.calendar);
}

const spent = (s: EngineState): boolean => s.answersWorked >= SUPPORT_ANSWERS_BOUND;

// The day loop: (scenario) → trace. Pure: no I/O, clock or randomness; the same scenario gives the
// same trace everywhere. Days on which nothing can change are skipped (charges are added in bulk), so a
// year costs a few dozen visits rather than 365.

import { type Account, newAccount, scoreOn, snapshot } from "./account.js";
import { Calendar } from "./calendar.js";
import {
  accrue,
  type Bill,
  balance,
  closeStatement,
  markOverdue,
  minimumDue,
  nextLedgerDay,
  overdueAmount,
  overdueDays,
  passDueDays,
  purchase,
  repay,
  statementBalance,
} from "./ledger.js";
import type { ReasonCode } from "./reasons.js";
import {
  type Scored as AccountScore,
  authorise,
  decideApplication,
  liftSecurityHold,
  overdueTrigger,
  periodicReview,
  requestedReview,
  securityTrigger,
  type Verdict,
} from "./review.js";
import { movedCharacteristics } from "./scorecard.js";
import { answerSupport } from "./support.js";
import type {
  Cause,
  Decision,
  Fen,
  Policy,
  Remedy,
  RepayAmount,
  Scenario,
  ScenarioEvent,
  Snapshot,
  Status,
  Step,
  StepEvent,
  Trace,
} from "./types.js";

/** A decision without the rest of the step: what a population run needs, at a fraction of the cost. */
export interface DecisionNote {
  day: number;
  event: StepEvent;
  decision: Decision;
  reasons: readonly ReasonCode[];
  status: Status;
  cause: Cause | null;
  limit: Fen;
}

/**
 * Receives what a run produces; every method is optional and costs nothing when absent.
 * `simulate` collects whole steps; population runs take decision notes and end-of-day snapshots.
 */
export interface Recorder {
  /** every step, with its score, score movements and snapshot (the expensive part of a run) */
  step?(step: Step): void;
  /** every decision (including those `step` reports), cheaply */
  decision?(note: DecisionNote): void;
  /** the state at the end of every day the engine visits (days on which something can change) */
  endOfDay?(snap: Snapshot, observed: boolean): void;
  /** call `endOfDay` only for the scenario's `observe` days and the last day (a snapshot costs a score) */
  readonly observedOnly?: boolean;
}

export function simulate(scenario: Scenario): Trace {
  const steps: Step[] = [];
  const snapshots = new Map<number, Snapshot>();
  const scoreSeries: Array<{ day: number; score: number }> = [];
  let final: Snapshot | null = null;
  run(scenario, {
    step: (s) => steps.push(s),
    endOfDay: (snap, observed) => {
      if (observed) snapshots.set(snap.day, snap);
      const last = scoreSeries[scoreSeries.length - 1];
      if (last === undefined || last.score !== snap.score || snap.day === scenario.until) {
        scoreSeries.push({ day: snap.day, score: snap.score });
      }
      final = snap;
    },
  });
  if (final === null) throw new Error("simulation visited no day");
  snapshots.set(scenario.until, final);
  return {
    scenario: scenario.name,
    start: scenario.start,
    until: scenario.until,
    steps,
    snapshots,
    scoreSeries,
    final,
  };
}

const NO_BILLS: readonly Bill[] = [];

/** Merges a `policy` event into the policy in force. */
function applyPolicyEvent(current: Policy, use: Policy | null, set: Partial<Policy>): Policy {
  const base = use ?? current;
  const overridden = Object.keys(set).length > 0;
  return { ...base, ...set, name: overridden ? `${base.name}*` : base.name };
}

export function run(scenario: Scenario, rec: Recorder): void {
  const cal = new Calendar(scenario.start);
  const a = newAccount(scenario.profile, scenario.policy);
  const l = a.ledger;
  const events = scenario.events;
  const until = scenario.until;
  // observed days ascending, with a cursor: each visit looks at the next one only
  const observe = [...new Set(scenario.observe)].sort((x, y) => x - y);
  let oi = 0;
  let last: AccountScore = scoreOn(a, 0);
  let ei = 0;
  let nextStatement = cal.nextDayOfMonth(-1, a.policy.statementDayOfMonth);
  let nextReview = cal.nextDayOfMonth(-1, a.policy.reviewDayOfMonth);

  // engine events that decide nothing are built only for a recorder that keeps steps (population runs
  // do not: it is most of their allocation)
  const traced = rec.step !== undefined;
  const emit = (
    day: number,
    event: StepEvent,
    v: Verdict | null,
    applied: Fen = 0,
    remedies: Remedy[] = [],
  ) => {
    if (v) applyVerdict(a, day, v);
    if (v?.decision && rec.decision) {
      rec.decision({
        day,
        event,
        decision: v.decision,
        reasons: v.reasons,
        status: a.status,
        cause: a.cause,
        limit: a.limit,
      });
    }
    if (!rec.step) return;
    const now = scoreOn(a, day);
    // the snapshot object becomes the step: one object, not a copy of it
    rec.step(
      Object.assign(snapshot(a, day, now.score), {
        date: cal.date(day),
        event,
        decision: v?.decision ?? null,
        reasons: v?.reasons ?? [],
        scoreDelta: now.score - last.score,
        moves: movedCharacteristics(last.points, now.points),
        inputs: now.inputs,
        policy: a.policy.name,
        applied,
        remedies,
      }),
    );
    last = now;
  };
  // the score as the engine would see it before a step (e.g. for a decision)
  const scoreNow = (day: number): AccountScore => scoreOn(a, day);

  const checkOverdueTrigger = (day: number) => {
    const v = overdueTrigger(a, day);
    if (v) emit(day, { type: "overdue", overdue: overdueAmount(l), overdueDays: overdueDays(l, day) }, v);
  };

  for (let day = 0; day <= until; ) {
    accrue(l, day - 1, a.policy);
    passDueDays(l, day);
    for (const bill of markOverdue(l, day, a.policy)) {
      if (traced) {
        emit(
          day,
          {
            type: "overdue",
            overdue: overdueAmount(l),
            overdueDays: Math.max(overdueDays(l, day), day - bill.dueDay),
          },
          null,
        );
      }
    }
    if (day === nextStatement) {
      const dueDay = cal.nextDayOfMonth(day, a.policy.dueDayOfMonth);
      const bill = closeStatement(l, day, dueDay, a.policy);
      a.reportedBalance = balance(l);
      if (bill && traced) {
        emit(
          day,
          { type: "statement", billed: bill.principal, carried: bill.carried, minimum: bill.minimum, dueDay },
          null,
        );
      }
      nextStatement = cal.nextDayOfMonth(day, a.policy.statementDayOfMonth);
    }
    for (const b of traced ? l.bills : NO_BILLS) {
      if (b.dueDay === day && b.settledDay === null) {
        const due = statementBalance(l);
        emit(day, { type: "due", due, minimumUnpaid: minimumDue(l) }, null);
        break;
      }
    }
    checkOverdueTrigger(day);

    while (ei < events.length && events[ei]!.day === day) {
      const e = events[ei++]!;
      handleEvent(e, day);
    }

    if (day === nextReview) {
      if (a.status === "active" || a.status === "suspended") {
        const v = periodicReview(a, day, scoreNow(day));
        // a suspended account's review is always shown: it says what still blocks restoration
        if (v.decision !== null || a.status === "suspended")
          emit(day, { type: "review", requested: false }, v);
      }
      nextReview = cal.nextDayOfMonth(day, a.policy.reviewDayOfMonth);
    }

    accrue(l, day, a.policy);
    if (rec.endOfDay) {
      while (oi < observe.length && observe[oi]! < day) oi++;
      const observed = observe[oi] === day;
      if (observed || day === until || !rec.observedOnly)
        rec.endOfDay(snapshot(a, day, scoreNow(day).score), observed);
    }

    let next = Math.min(nextStatement, nextReview, nextLedgerDay(l, day), until);
    if (ei < events.length) next = Math.min(next, events[ei]!.day);
    for (const b of l.bills) {
      if (b.settledDay !== null) continue;
      if (b.dueDay > day) next = Math.min(next, b.dueDay);
      if (b.overdue && a.status === "active") {
        const trigger = b.dueDay + a.policy.suspendOverdueDays;
        if (trigger > day) next = Math.min(next, trigger);
      }
    }
    while (oi < observe.length && observe[oi]! <= day) oi++;
    if (oi < observe.length && observe[oi]! < next) next = observe[oi]!;
    day = next > day ? next : day + 1;
  }

  function handleEvent(e: ScenarioEvent, day: number): void {
    switch (e.type) {
      case "apply": {
        const before = scoreNow(day);
        a.inquiries.push(day);
        const v = decideApplication(a, day, e.product, e.amount, before);
        emit(day, e, v);
        return;
      }
      case "purchase": {
        const v = authorise(a, e.amount, balance(l));
        if (v.decision === "approved") {
          purchase(l, e.amount);
          a.purchaseDays.push(day);
        }
        emit(day, e, v, v.decision === "approved" ? e.amount : 0);
        return;
      }
      case "repay": {
        const wanted = repayAmount(e.amount);
        const applied = repay(l, wanted, day);
        a.reportedBalance = Math.min(a.reportedBalance, balance(l));
        emit(day, e, null, applied);
        return;
      }
      case "change_profile": {
        a.profileChanges.push(day);
        emit(day, e, securityTrigger(a, day));
        return;
      }
      case "external_debt":
        a.profile.externalDebt += e.amount;
        emit(day, e, null);
        return;
      case "external_inquiry":
        a.inquiries.push(day);
        emit(day, e, null);
        return;
      case "income":
        a.profile.monthlyIncome = e.monthlyIncome;
        emit(day, e, null);
        return;
      case "policy": {
        // a policy cause needs an account that lived under the previous policy
        a.previousPolicy = a.status === "active" || a.status === "suspended" ? a.policy : null;
        a.policy = applyPolicyEvent(a.policy, e.use, e.set);
        nextStatement = cal.nextDayOfMonth(day - 1, a.policy.statementDayOfMonth);
        if (nextStatement === day) nextStatement = cal.nextDayOfMonth(day, a.policy.statementDayOfMonth);
        nextReview = cal.nextDayOfMonth(day - 1, a.policy.reviewDayOfMonth);
        emit(day, e, null);
        return;
      }
      case "contact_support": {
        const answer = answerSupport(a, day, scoreNow(day), cal);
        emit(day, e, { decision: "info", reasons: answer.reasons }, 0, answer.remedies);
        return;
      }
      case "verify_identity": {
        a.profile.verified = true;
        a.verifiedDay = day;
        const lifted = a.status === "suspended" && a.cause === "security";
        emit(day, e, lifted ? liftSecurityHold(a, day, scoreNow(day)) : null);
        return;
      }
      case "request_review": {
        const v = requestedReview(a, day, scoreNow(day));
        if (v.decision !== "declined" || !v.reasons.includes("REVIEW_TOO_SOON")) a.lastReviewRequest = day;
        const answer = v.decision === "restored" ? [] : answerSupport(a, day, scoreNow(day), cal).remedies;
        emit(day, e, v, 0, answer);
        return;
      }
      case "note":
        emit(day, e, null);
        return;
      default: {
        const never: never = e;
        throw new Error(`unhandled event ${JSON.stringify(never)}`);
      }
    }
  }

  function repayAmount(amount: RepayAmount): Fen {
    switch (amount.kind) {
      case "amount":
        return amount.fen;
      case "full":
        return balance(l);
      case "statement":
        return statementBalance(l);
      case "minimum":
        return minimumDue(l);
    }
  }
}

function applyVerdict(a: Account, day: number, v: Verdict): void {
  switch (v.decision) {
    case "approved":
    case "approved_lower":
      if (a.status !== "active") {
        a.status = "active";
        a.cause = null;
        a.openedDay ??= day;
        a.reasonsOnRecord = [];
        // opened under the current policy: no earlier policy to compare with
        a.previousPolicy = null;
      }
      if (v.limit !== undefined) a.limit = v.limit;
      return;
    case "suspended":
      a.status = "suspended";
      a.cause = v.cause ?? "credit";
      a.suspendedDay = day;
      a.reasonsOnRecord = v.reasons;
      return;
    case "limit_reduced":
      if (v.limit !== undefined) a.limit = v.limit;
      a.reasonsOnRecord = v.reasons;
      return;
    case "restored":
      a.status = "active";
      a.cause = null;
      a.suspendedDay = null;
      if (v.limit !== undefined) a.limit = v.limit;
      a.reasonsOnRecord = [];
      return;
    case "closed":
      a.status = "closed";
      a.cause = null;
      a.suspendedDay = day; // the day the reasons on record (now the closure's) were recorded
      a.limit = 0; // a closed line lends nothing; what is owed stays owed
      a.reasonsOnRecord = v.reasons;
      return;
    case "declined":
    case "info":
    case null:
      return;
  }
}

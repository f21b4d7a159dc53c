// The transition: (state, input) → what the input decided. Inputs are the customer's events (a scenario's
// lines) and the engine's own (a day opening, a Huabei statement, due dates, the overdue and charge-off
// triggers, the periodic review, a day closing, a month end). Each input is handled on its own, so each
// rule can be tested by stepping a state built for it; `schedule.ts` says which inputs a day takes and
// which day comes next.
//
// `step` changes the state in place and returns the steps to record; `transition` is the same on a copy.

import type { Calendar } from "./calendar.js";
import {
  type Customer,
  customerOverdue,
  daysPastDue,
  isOpen,
  type Line,
  lineOf,
  overdue,
  owed,
} from "./customer.js";
import * as loans from "./loans.js";
import { type GridCode, type GridMonth, gridCode } from "./record.js";
import {
  authorise,
  chargeOffTrigger,
  closeAtRequest,
  decideApplication,
  liftSecurityHold,
  overdueTrigger,
  periodicReview,
  requestedReview,
  securityTrigger,
  type Verdict,
} from "./review.js";
import * as revolving from "./revolving.js";
import { scoreOn } from "./score-inputs.js";
import { type EngineState, fork, monthEndAfter } from "./state.js";
import { answerSupport } from "./support.js";
import type { Fen, Policy, Remedy, RepayAmount, ScenarioEvent, StepEvent } from "./types.js";
import type { InstalmentTerm, LineId, LoanTerm } from "./vocabulary.js";

/** The engine's own inputs, in the order a day takes them (customer events come between the two groups). */
export type ScheduledInput =
  /** time moves on to `day`: charges accrue up to it, cycles whose grace ended are decided, Jiebei
   *  instalments fall due */
  | { type: "open_day"; day: number }
  /** on the statement day: Huabei's cycle closes into a bill */
  | { type: "close_statement" }
  /** on a due date: a reminder of what is due (a notice) */
  | { type: "due_notice" }
  /** the real-time triggers: charge-off, and overdue too long suspends at once */
  | { type: "overdue_check" }
  /** on the review day: the monthly periodic review of each open line */
  | { type: "periodic_review" }
  /** the day's charges accrue */
  | { type: "close_day" }
  /** on a month's last day: what the bureau sees (balances, limits, the repayment grid) */
  | { type: "month_end" };

export type EngineInput = ScenarioEvent | ScheduledInput;

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
}

const NOTHING: readonly StepOutcome[] = Object.freeze([]);

/**
 * Takes one input on `state.day` (or, for `open_day`, moves to a later day) and returns its steps.
 * Scheduled inputs whose time has not come do nothing: a `close_statement` off the statement day bills
 * nothing. Customer events must be for the open day.
 */
export function step(s: EngineState, input: EngineInput): readonly StepOutcome[] {
  switch (input.type) {
    case "open_day":
      return openDay(s, input.day);
    case "close_statement":
      return closeCycle(s);
    case "due_notice":
      return dueNotices(s);
    case "overdue_check":
      return triggers(s);
    case "periodic_review":
      return review(s);
    case "close_day":
      accrueAll(s.customer, s.day);
      return NOTHING;
    case "month_end":
      monthEnd(s);
      return NOTHING;
    default:
      if (input.day !== s.day) throw new RangeError(`event for day ${input.day} taken on day ${s.day}`);
      return customerEvent(s, input);
  }
}

/** `step` without touching `state`: the next state and the steps, as xstate's `transition` returns them. */
export function transition(
  state: EngineState,
  input: EngineInput,
): { state: EngineState; steps: readonly StepOutcome[] } {
  const next = fork(state);
  const steps = step(next, input);
  return { state: next, steps };
}

const outcome = (
  s: EngineState,
  event: StepEvent,
  line: LineId | null,
  verdict: Verdict | null,
  applied: Fen = 0,
  remedies: Remedy[] = [],
): StepOutcome => ({ day: s.day, event, line, verdict, applied, remedies });

/** Applies a verdict to its line and returns its step, followed by any step the decision causes (a
 *  closure's closing statement). */
function decide(
  s: EngineState,
  event: StepEvent,
  line: Line,
  verdict: Verdict | null,
  applied: Fen = 0,
  remedies: Remedy[] = [],
): StepOutcome[] {
  const out = [outcome(s, event, line.id, verdict, applied, remedies)];
  if (verdict) applyVerdict(s, line, verdict, out);
  return out;
}

// The ledgers' rates, one object per policy (policies are immutable): no allocation per day.
const HUABEI_RATES = new WeakMap<Policy, { revolving: number; penalty: number }>();
const JIEBEI_RATES = new WeakMap<Policy, { interest: number; penalty: number }>();

function huabeiRates(p: Policy): { revolving: number; penalty: number } {
  let r = HUABEI_RATES.get(p);
  if (r === undefined) {
    r = { revolving: p.revolvingRatePerDay, penalty: p.penaltyRatePerDay };
    HUABEI_RATES.set(p, r);
  }
  return r;
}

function jiebeiRates(p: Policy): { interest: number; penalty: number } {
  let r = JIEBEI_RATES.get(p);
  if (r === undefined) {
    r = { interest: p.jiebeiRatePerDay, penalty: p.jiebeiPenaltyRatePerDay };
    JIEBEI_RATES.set(p, r);
  }
  return r;
}

/** The customer's lines in their fixed order, without building an array: 0 Huabei, 1 Jiebei. */
const lineAt = (c: Customer, i: number): Line => (i === 0 ? c.huabei : c.jiebei);

export function accrueAll(c: Customer, through: number): void {
  revolving.accrue(c.huabei.ledger, through, huabeiRates(c.policy));
  loans.accrue(c.jiebei.book, through, jiebeiRates(c.policy));
}

export function openDay(s: EngineState, day: number): readonly StepOutcome[] {
  if (day <= s.day) throw new RangeError(`day ${day} opened after day ${s.day}`);
  s.day = day;
  const c = s.customer;
  const p = c.policy;
  accrueAll(c, day - 1);
  let out: StepOutcome[] | null = null;
  const missed = (line: Line, dueDay: number) => {
    if (!c.episodes.some((e) => e.line === line.id && e.curedDay === null))
      c.episodes.push({ line: line.id, dueDay, curedDay: null, worst: day - dueDay, chargedOff: false });
    notePastDue(c, line, day);
    if (!s.notices) return;
    out ??= [];
    out.push(
      outcome(
        s,
        { type: "overdue", line: line.id, overdue: overdue(line), overdueDays: daysPastDue(line, day) },
        line.id,
        null,
      ),
    );
  };
  for (const o of revolving.decideCycles(c.huabei.ledger, day, huabeiRates(p))) {
    c.records.push({ line: "huabei", dueDay: o.dueDay, outcome: o.outcome });
    if (o.outcome === "missed") missed(c.huabei, o.dueDay);
  }
  loans.fallDue(c.jiebei.book, day, p.graceDays);
  for (const o of loans.decideInstalments(c.jiebei.book, day, p.jiebeiPenaltyRatePerDay)) {
    c.records.push({ line: "jiebei", dueDay: o.dueDay, outcome: o.outcome });
    if (o.outcome === "missed") missed(c.jiebei, o.dueDay);
  }
  return out ?? NOTHING;
}

export function closeCycle(s: EngineState): readonly StepOutcome[] {
  const { day, calendar } = s;
  if (day !== s.nextStatement) return NOTHING;
  const c = s.customer;
  const p = c.policy;
  s.nextStatement = calendar.nextDayOfMonth(day, p.statementDayOfMonth);
  const h = c.huabei;
  // a closed or written-off line is billed in full every month while anything is owed on it
  const closing = h.status === "closed" || h.status === "charged_off";
  if (h.status === "none" || (closing && owed(h) === 0)) return NOTHING;
  const dueDay = calendar.nextDayOfMonth(day, p.dueDayOfMonth);
  const bill = revolving.closeStatement(h.ledger, day, dueDay, p, closing);
  if (!bill || !s.notices) return NOTHING;
  return [outcome(s, { type: "statement", ...bill, dueDay, closing }, "huabei", null)];
}

export function dueNotices(s: EngineState): readonly StepOutcome[] {
  if (!s.notices) return NOTHING;
  const c = s.customer;
  let out: StepOutcome[] | null = null;
  const l = c.huabei.ledger;
  if (l.bills.some((b) => b.dueDay === s.day && b.state !== "settled" && !b.cycleDecided)) {
    out = [
      outcome(
        s,
        {
          type: "due",
          line: "huabei",
          due: revolving.statementBalance(l),
          minimumUnpaid: revolving.minimumDue(l),
        },
        "huabei",
        null,
      ),
    ];
  }
  let due = 0;
  for (const loan of c.jiebei.book.loans)
    if (loan.dueDay === s.day) due += loan.duePrincipal + loan.dueInterest;
  if (due > 0) {
    out ??= [];
    out.push(outcome(s, { type: "due", line: "jiebei", due, minimumUnpaid: due }, "jiebei", null));
  }
  return out ?? NOTHING;
}

export function triggers(s: EngineState): readonly StepOutcome[] {
  const c = s.customer;
  // both triggers need a line past due (the usual day: nothing to check)
  if (daysPastDue(c.huabei, s.day) === 0 && daysPastDue(c.jiebei, s.day) === 0) return NOTHING;
  return triggersFrom(s, 0, undefined, null);
}

/** The triggers in order — charge-off on each line, then overdue on each line — from check `from` on
 *  (`preset`: that check's verdict, already decided; `out`: the steps so far). Resumable, for lanes. */
function triggersFrom(
  s: EngineState,
  from: number,
  preset: Verdict | null | undefined,
  prefix: StepOutcome[] | null,
): readonly StepOutcome[] {
  const c = s.customer;
  const day = s.day;
  let out = prefix;
  for (let k = from; k < 4; k++) {
    const line = lineAt(c, k & 1);
    const check = k < 2 ? chargeOffTrigger : overdueTrigger;
    const v =
      k === from && preset !== undefined
        ? preset
        : s.lane === null
          ? check(c, line, day)
          : judge(
              s,
              () => check(c, line, day),
              (f, w) => triggersFrom(f, k, w, out === null ? null : out.slice()),
            );
    if (!v) continue;
    out ??= [];
    if (k < 2) {
      out.push(...decide(s, { type: "charge_off", line: line.id, writtenOff: owed(line) }, line, v));
      continue;
    }
    const dpd = Math.max(daysPastDue(c.huabei, day), daysPastDue(c.jiebei, day));
    const behind = daysPastDue(line, day) > 0 ? line : daysPastDue(c.huabei, day) > 0 ? c.huabei : c.jiebei;
    out.push(
      ...decide(s, { type: "overdue", line: behind.id, overdue: overdue(behind), overdueDays: dpd }, line, v),
    );
  }
  return out ?? NOTHING;
}

export function review(s: EngineState): readonly StepOutcome[] {
  const { day, calendar } = s;
  if (day !== s.nextReview) return NOTHING;
  s.nextReview = calendar.nextDayOfMonth(day, s.customer.policy.reviewDayOfMonth);
  return reviewFrom(s, 0, undefined, null);
}

/** The periodic review of each open line from line `from` on (resumable, as `triggersFrom`). */
function reviewFrom(
  s: EngineState,
  from: number,
  preset: Verdict | undefined,
  prefix: StepOutcome[] | null,
): readonly StepOutcome[] {
  const c = s.customer;
  const day = s.day;
  let out = prefix;
  for (let i = from; i < 2; i++) {
    const line = lineAt(c, i);
    if (!isOpen(line)) continue;
    let v: Verdict;
    if (i === from && preset !== undefined) v = preset;
    else {
      const scored = scoreOn(c, day);
      v =
        s.lane === null
          ? periodicReview(c, line, day, scored)
          : judge(
              s,
              () => periodicReview(c, line, day, scored),
              (f, w) => reviewFrom(f, i, w, out === null ? null : out.slice()),
            );
    }
    // the first review after a policy change decides whether the change suspends the line; later
    // failures are the customer's own
    line.previousPolicy = null;
    // a suspended line's review is always shown: it says what still blocks restoration
    if (v.decision === null && line.status !== "suspended") continue;
    out ??= [];
    out.push(...decide(s, { type: "review", line: line.id, requested: false }, line, v));
  }
  return out ?? NOTHING;
}

/** "YYYY-MM", made once per month a process meets (a grid month per line and month end otherwise). */
const MONTH_LABELS = new Map<number, string>();
function monthLabel(year: number, month: number): string {
  const key = year * 12 + month;
  let label = MONTH_LABELS.get(key);
  if (label === undefined) {
    label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    MONTH_LABELS.set(key, label);
  }
  return label;
}

export function monthEnd(s: EngineState): void {
  const { day, calendar } = s;
  if (day !== s.nextMonthEnd) return;
  s.nextMonthEnd = monthEndAfter(calendar, day + 1);
  const c = s.customer;
  if (c.huabei.status === "none" && c.jiebei.status === "none") return;
  const today = calendar.civil(day);
  const month = monthLabel(today.year, today.month);
  const monthStart = day - today.day + 1;
  const codes: GridCode[] = [];
  for (let i = 0; i < 2; i++) {
    const line = lineAt(c, i);
    if (line.status === "none") continue;
    line.reportedBalance = owed(line);
    if (line.limit > 0) line.reportedLimit = line.limit;
    line.reported = true;
    const dueThisMonth = dueWithin(c, line, monthStart, day);
    // the month's worst: a repayment late within the month shows even when it was made up by its end
    notePastDue(c, line, day);
    const worst = line.monthWorst;
    line.monthWorst = daysPastDue(line, day);
    const entry: GridMonth = {
      month,
      code: gridCode({
        opened: true,
        status: line.status,
        daysPastDue: worst,
        owed: owed(line),
        dueThisMonth,
      }),
    };
    line.grid.push(entry);
    codes.push(entry.code);
  }
  // the customer's standing for the month: good unless a line was overdue during it or is charged off
  if (codes.length > 0)
    c.monthEnds.push({ day, good: codes.every((g) => g === "N" || g === "*" || g === "C") });
}

export function customerEvent(s: EngineState, e: ScenarioEvent): readonly StepOutcome[] {
  const { day, calendar } = s;
  const c = s.customer;
  switch (e.type) {
    case "apply": {
      const line = lineOf(c, e.line);
      const before = scoreOn(c, day);
      c.inquiries.push(day);
      const v =
        s.lane === null
          ? decideApplication(c, line, day, e.product, e.amount, before)
          : judge(
              s,
              () => decideApplication(c, line, day, e.product, e.amount, before),
              (f, w) => applicationDecided(f, e, w),
            );
      return applicationDecided(s, e, v);
    }
    case "purchase": {
      const h = c.huabei;
      const v = authorise(c, h, e.amount, day, () => scoreOn(c, day));
      // the habit counts, declined or not, unless the customer is behind on a repayment
      if (h.status !== "none" && customerOverdue(c) === 0) h.purchaseDays.push(day);
      if (v.decision !== "approved") return decide(s, e, h, v);
      revolving.purchase(
        h.ledger,
        e.amount,
        day,
        e.instalments === null ? null : plan(c.policy, e.amount, e.instalments),
      );
      return decide(s, e, h, v, e.amount);
    }
    case "borrow": {
      const j = c.jiebei;
      const v = authorise(c, j, e.amount, day, () => scoreOn(c, day));
      if (v.decision !== "approved") return decide(s, e, j, v);
      loans.draw(j.book, day, e.amount, e.term, loanDueDays(s.calendar, day, e.term));
      return decide(s, e, j, v, e.amount);
    }
    case "repay": {
      const line = lineOf(c, e.line);
      // how far past due the line got before this repayment (the record keeps the worst)
      notePastDue(c, line, day);
      const applied =
        line.id === "huabei"
          ? revolving.repay(line.ledger, repayAmount(s, line, e.amount), day)
          : loans.repay(line.book, repayAmount(s, line, e.amount), day, c.policy.jiebeiRatePerDay);
      cureIfClear(c, line, day);
      return [outcome(s, e, line.id, null, applied)];
    }
    case "close": {
      const line = lineOf(c, e.line);
      return decide(
        s,
        e,
        line,
        closeAtRequest(line, () => scoreOn(c, day)),
      );
    }
    case "change_profile":
      c.profileChanges.push(day);
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
      c.profile.monthlyIncome = e.monthlyIncome;
      return [outcome(s, e, null, null)];
    case "policy": {
      if (s.lane !== null && s.lane.policies.length > 1)
        throw new Error(
          "a policy event on a state shared by several policies (switch lanes with switchLane)",
        );
      // a policy cause needs a line that lived under the previous policy (the one before the first of
      // several changes made before the line's next review)
      for (const line of [c.huabei, c.jiebei] as const)
        line.previousPolicy = isOpen(line) ? (line.previousPolicy ?? c.policy) : null;
      c.policy = applyPolicyEvent(c.policy, e.use, e.set);
      // the calendar of the new policy: a statement or review day later today still happens today
      s.nextStatement = calendar.nextDayOfMonth(day - 1, c.policy.statementDayOfMonth);
      if (s.nextStatement === day)
        s.nextStatement = calendar.nextDayOfMonth(day, c.policy.statementDayOfMonth);
      s.nextReview = calendar.nextDayOfMonth(day - 1, c.policy.reviewDayOfMonth);
      return [outcome(s, e, null, null)];
    }
    case "contact_support": {
      const answer = answerSupport(c, day, scoreOn(c, day), calendar);
      return [
        outcome(s, e, null, { decision: "info", reasons: answer.reasons, facts: [] }, 0, answer.remedies),
      ];
    }
    case "verify_identity":
      c.profile.verified = true;
      c.verifiedDay = day;
      return verifiedFrom(s, e, 0, undefined, []);
    case "request_review": {
      const line =
        e.line === null
          ? ([c.huabei, c.jiebei].find((l) => l.status === "suspended") ?? c.huabei)
          : lineOf(c, e.line);
      const scored = scoreOn(c, day);
      const v =
        s.lane === null
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

// The rest of a customer event once its decision is known: the same code for the state that decided it
// and for a lane's state split off at that decision (judge).

function applicationDecided(
  s: EngineState,
  e: Extract<ScenarioEvent, { type: "apply" }>,
  v: Verdict,
): StepOutcome[] {
  const line = lineOf(s.customer, e.line);
  if (e.product === "increase" && (v.decision === "approved" || v.decision === "approved_lower"))
    line.lastIncreaseDay = s.day;
  return decide(s, e, line, v);
}

/** A profile change's security trigger on each line from `from` on. */
function securityFrom(
  s: EngineState,
  e: ScenarioEvent,
  from: number,
  preset: Verdict | null | undefined,
  out: StepOutcome[],
): readonly StepOutcome[] {
  const c = s.customer;
  const day = s.day;
  for (let i = from; i < 2; i++) {
    const line = lineAt(c, i);
    const v =
      i === from && preset !== undefined
        ? preset
        : s.lane === null
          ? securityTrigger(c, line, day)
          : judge(
              s,
              () => securityTrigger(c, line, day),
              (f, w) => securityFrom(f, e, i, w, out.slice()),
            );
    if (v) out.push(...decide(s, e, line, v));
  }
  return out.length > 0 ? out : [outcome(s, e, null, null)];
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
      v =
        s.lane === null
          ? liftSecurityHold(c, line, day, scored)
          : judge(
              s,
              () => liftSecurityHold(c, line, day, scored),
              (f, w) => verifiedFrom(f, e, i, w, out.slice()),
            );
    }
    out.push(...decide(s, e, line, v));
  }
  return out.length > 0 ? out : [outcome(s, e, null, null)];
}

function reviewRequested(s: EngineState, e: ScenarioEvent, id: LineId, v: Verdict): readonly StepOutcome[] {
  const c = s.customer;
  const line = lineOf(c, id);
  if (!v.reasons.includes("REVIEW_TOO_SOON")) c.lastReviewRequest = s.day;
  const remedies =
    v.decision === "restored"
      ? []
      : answerSupport(c, s.day, scoreOn(c, s.day), s.calendar).remedies.filter((r) => r.line === line.id);
  return decide(s, e, line, v, 0, remedies);
}

/**
 * A decision on a state shared by several policies (a lane): the verdict of the state's own policy, after
 * `compute` ran once more under each other policy of the lane. Policies that decide otherwise leave the
 * lane here: each group that decided alike gets a copy of the state as it is at this decision and takes
 * the rest of the input on it with its own verdict (`rest`), and is recorded in `lane.splits`. Decisions
 * read the policy and nothing else varies between a lane's policies (lanes.ts), so a split-off state is the
 * state its policies would have had stepped alone.
 */
function judge<V extends Verdict | null>(
  s: EngineState,
  compute: () => V,
  rest: (f: EngineState, v: V) => readonly StepOutcome[],
): V {
  const v = compute();
  const lane = s.lane;
  if (lane === null || lane.policies.length < 2) return v;
  const c = s.customer;
  const own = c.policy;
  let groups: Array<{ verdict: V; slots: number[] }> | null = null;
  for (let i = 1; i < lane.policies.length; i++) {
    c.policy = lane.policies[i]!;
    let w: V;
    try {
      w = compute();
    } finally {
      c.policy = own;
    }
    if (sameVerdict(v, w)) continue;
    groups ??= [];
    const group = groups.find((g) => sameVerdict(g.verdict, w));
    if (group) group.slots.push(i);
    else groups.push({ verdict: w, slots: [i] });
  }
  if (groups === null) return v;
  const leaving = new Set(groups.flatMap((g) => g.slots));
  for (const g of groups) {
    const f = fork(s);
    f.customer.policy = lane.policies[g.slots[0]!]!;
    f.lane = {
      policies: g.slots.map((i) => lane.policies[i]!),
      members: g.slots.map((i) => lane.members[i]!),
      splits: [],
    };
    lane.splits.push({ state: f, steps: rest(f, g.verdict) });
  }
  lane.policies = lane.policies.filter((_, i) => !leaving.has(i));
  lane.members = lane.members.filter((_, i) => !leaving.has(i));
  return v;
}

/** Two verdicts that leave the customer and the record alike. Support answers and reviews that decide
 *  nothing change nothing but their text: only the decision counts there. */
function sameVerdict(a: Verdict | null, b: Verdict | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.decision !== b.decision) return false;
  if (a.decision === null || a.decision === "info") return true;
  if (a.reasons.length !== b.reasons.length) return false;
  for (let i = 0; i < a.reasons.length; i++) if (a.reasons[i] !== b.reasons[i]) return false;
  const limit = (v: Verdict) => ("limit" in v ? v.limit : undefined);
  const cause = (v: Verdict) => ("cause" in v ? v.cause : undefined);
  return limit(a) === limit(b) && cause(a) === cause(b);
}

/** An instalment plan's total fee under the policy (the published rate per term). */
function plan(p: Policy, amount: Fen, term: InstalmentTerm): { term: InstalmentTerm; fee: Fen } {
  const rate = { 3: p.instalmentFee3, 6: p.instalmentFee6, 9: p.instalmentFee9, 12: p.instalmentFee12 }[term];
  return { term, fee: Math.round(amount * rate) };
}

/** A loan's due days: monthly on the day of the month it was drawn (clamped to short months). */
export function loanDueDays(calendar: Calendar, day: number, term: LoanTerm): number[] {
  const { year, month, day: dom } = calendar.civil(day);
  const out: number[] = [];
  for (let k = 1; k <= term; k++) {
    const m = month - 1 + k;
    out.push(calendar.dayOfMonthIn(year + Math.floor(m / 12), (m % 12) + 1, dom));
  }
  return out;
}

function repayAmount(s: EngineState, line: Line, amount: RepayAmount): Fen {
  if (amount.kind === "amount") return amount.fen;
  if (amount.kind === "full") return owed(line);
  if (line.id === "huabei")
    return amount.kind === "statement"
      ? revolving.statementBalance(line.ledger)
      : revolving.minimumDue(line.ledger);
  // on Jiebei, the statement and the minimum are both what is due: arrears and the coming instalment
  return loans.amountDue(line.book, s.day, s.customer.policy.jiebeiRatePerDay);
}

/** Whether something fell due on a line between two days: a due date already decided, or one still in
 *  its grace (a due date on the month's last days is decided next month, but it fell due in this one). */
function dueWithin(c: Customer, line: Line, from: number, to: number): boolean {
  const within = (d: number) => d >= from && d <= to;
  if (c.records.some((r) => r.line === line.id && within(r.dueDay))) return true;
  if (line.id === "huabei") return line.ledger.pending.some((p) => within(p.dueDay));
  return line.book.loans.some((l) => l.dueDays.slice(0, l.next).some(within));
}

/** Notes how far past due a line is today: the episode's worst and the month's worst keep the deepest. */
function notePastDue(c: Customer, line: Line, day: number): void {
  const dpd = daysPastDue(line, day);
  if (dpd === 0) return;
  line.monthWorst = Math.max(line.monthWorst, dpd);
  for (const e of c.episodes) if (e.line === line.id && e.curedDay === null) e.worst = Math.max(e.worst, dpd);
}

/** An overdue episode ends the day everything overdue on its line is repaid. */
function cureIfClear(c: Customer, line: Line, day: number): void {
  if (overdue(line) > 0) return;
  for (const e of c.episodes) if (e.line === line.id && e.curedDay === null) e.curedDay = day;
}

/** Merges a `policy` event into the policy in force. */
function applyPolicyEvent(current: Policy, use: Policy | null, set: Partial<Policy>): Policy {
  const base = use ?? current;
  const overridden = Object.keys(set).length > 0;
  return { ...base, ...set, name: overridden ? `${base.name}*` : base.name };
}

/** A verdict's effect on its line: the rules decide, this is the one place that acts on a decision. A
 *  lender's closure accelerates what is owed: its closing statement is appended to `out`. */
function applyVerdict(s: EngineState, line: Line, v: Verdict, out: StepOutcome[]): void {
  const day = s.day;
  const c = s.customer;
  switch (v.decision) {
    case "approved":
    case "approved_lower":
      if (line.status !== "active") {
        line.status = "active";
        line.cause = null;
        line.statusDay = null;
        line.openedDay ??= day;
        line.reasonsOnRecord = [];
        // opened under the current policy: no earlier policy to compare with
        line.previousPolicy = null;
      }
      line.limit = v.limit;
      return;
    case "suspended":
      // a second suspension (a security hold on a line suspended for credit) keeps the first one's clock
      if (line.status !== "suspended") line.statusDay = day;
      line.status = "suspended";
      line.cause = v.cause;
      if (v.limit !== undefined) line.limit = v.limit;
      line.reasonsOnRecord = v.reasons;
      return;
    case "limit_reduced":
      line.limit = v.limit;
      // a suspended line keeps its suspension's reasons on record: they are what still stands in the way
      if (line.status === "active") line.reasonsOnRecord = v.reasons;
      return;
    case "restored":
      line.status = "active";
      line.cause = null;
      line.statusDay = null;
      line.limit = v.limit;
      line.reasonsOnRecord = [];
      return;
    case "closed":
      line.status = "closed";
      line.cause = v.cause;
      line.statusDay = day;
      line.limit = 0; // a closed line lends nothing; what is owed stays owed
      line.reasonsOnRecord = v.reasons;
      if (v.cause !== "customer") accelerate(s, line, out);
      return;
    case "charged_off":
      line.status = "charged_off";
      line.cause = "credit";
      line.statusDay = day;
      line.limit = 0;
      line.reasonsOnRecord = v.reasons;
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
      return;
  }
}

/** On the lender's closure everything owed on the line falls due: Huabei bills it all on a closing
 *  statement due on the next due day; Jiebei loans' next instalments become their last. */
function accelerate(s: EngineState, line: Line, out: StepOutcome[]): void {
  if (owed(line) === 0) return;
  if (line.id === "jiebei") {
    loans.accelerate(line.book);
    return;
  }
  const p = s.customer.policy;
  const dueDay = s.calendar.nextDayOfMonth(s.day, p.dueDayOfMonth);
  const bill = revolving.closeStatement(line.ledger, s.day, dueDay, p, true);
  if (bill && s.notices)
    out.push(outcome(s, { type: "statement", ...bill, dueDay, closing: true }, "huabei", null));
}

// The engine's own inputs: a day opening (charges accrue, cycles past their grace are decided, loans fall
// due), a Huabei statement, due-date notices, the real-time triggers (charge-off, overdue too long), the
// periodic review, and a month end (what the bureau sees). schedule.ts says when each comes.

import {
  cureIfClear,
  decide,
  lineAt,
  NOTHING,
  notePastDue,
  noteReviewed,
  outcome,
  type StepOutcome,
} from "./apply-verdict.js";
import { type Customer, daysPastDue, isOpen, type Line, overdue, owed, runsToTerm } from "./customer.js";
import { alone, judge } from "./judge.js";
import * as loans from "./loans.js";
import { wholeFen } from "./money.js";
import { type DueRecord, type GridMonth, gridCode, newEpisode } from "./record.js";
import { dormantNotice } from "./review/dormant.js";
import { periodicReview } from "./review.js";
import * as revolving from "./revolving.js";
import { type Scored, scoreOn } from "./score-inputs.js";
import { type EngineState, monthEndAfter } from "./state.js";
import { chargeOffTrigger, overdueTrigger } from "./triggers.js";
import type { EngineEvent, Fen, Policy } from "./types.js";
import type { Verdict } from "./verdict.js";

/** The engine's own inputs, in the order a day takes them (customer events come after the due notices). */
export type ScheduledInput =
  /** time moves on to `day`: charges accrue up to it, cycles whose grace ended are decided, Jiebei
   *  instalments fall due */
  | { type: "open_day"; day: number }
  /** on the statement day: Huabei's cycle closes into a bill */
  | { type: "close_statement" }
  /** on a due date: a reminder of what is due (a notice) */
  | { type: "due_notice" }
  /** the real-time triggers, after the day's events: charge-off, and overdue too long suspends at once */
  | { type: "overdue_check" }
  /** on the review day: the monthly periodic review of each open line */
  | { type: "periodic_review" }
  /** the day's charges accrue */
  | { type: "close_day" }
  /** on a month's last day: what the bureau sees (balances, limits, the repayment grid) */
  | { type: "month_end" };

/**
 * What a policy's ledger reads, made once per policy (policies are immutable): no allocation per day.
 * The last policy asked for is kept before the map — a run asks for one policy four times a visited day.
 */
function perPolicy<T extends object>(make: (p: Policy) => T): (p: Policy) => T {
  const made = new WeakMap<Policy, T>();
  let lastPolicy: Policy | null = null;
  let last: T | null = null;
  return (p) => {
    if (p === lastPolicy && last !== null) return last;
    let r = made.get(p);
    if (r === undefined) {
      r = make(p);
      made.set(p, r);
    }
    lastPolicy = p;
    last = r;
    return r;
  };
}

// the tolerance alone, for both lines: the rates are not the policy's of the day but each Huabei bill's, as
// its statement stated them (revolving.StatementPolicy), and each Jiebei loan's, agreed when it was drawn
// (loans.LoanRates)
const tolerances = perPolicy((p) => ({ tolerance: wholeFen(p.toleranceAmount) }));

export function accrueAll(c: Customer, through: number): void {
  revolving.accrue(c.huabei.ledger, through);
  loans.accrue(c.jiebei.book, through);
}

/** The engine's inputs of `day` before the customer's events (what `step` does for each, without those that
 *  cannot do anything today: a statement off the statement day, notices nobody keeps). */
export function dayOpens(s: EngineState, day: number, onStep: (o: StepOutcome) => void): void {
  emit(openDay(s, day), onStep);
  if (day === s.nextStatement) emit(closeCycle(s), onStep);
  if (s.notices) emit(dueNotices(s), onStep);
}

/** …and after them: the triggers, the review on its day, the day's charges, the month end on its day. */
export function dayCloses(s: EngineState, onStep: (o: StepOutcome) => void): void {
  // inputs taken: the answer kept to give a call again is forgotten, as `step` forgets it on each
  s.answered = null;
  emit(triggers(s), onStep);
  if (s.day === s.nextReview) emit(review(s), onStep);
  accrueAll(s.customer, s.day);
  if (s.day === s.nextMonthEnd) monthEnd(s);
}

/** Time moves on to `day`: the charges accrue up to the day before (what `open_day` does first). */
function moveTo(s: EngineState, day: number): void {
  if (day <= s.day) throw new RangeError(`day ${day} opened after day ${s.day}`);
  s.day = day;
  accrueAll(s.customer, day - 1);
}

/**
 * `dayOpens` on a day before the engine's next (`nextEngineDay`, asked when nothing but the customer's
 * purchases has changed the state since): time moves on and charges accrue, and nothing else can happen —
 * no grace ends and no instalment falls due or is called before that day (nor is a bill or an instalment due
 * on it, for notices), and it is not the statement day.
 */
export function quietDayOpens(s: EngineState, day: number): void {
  moveTo(s, day);
}

/** …and `dayCloses` on such a day, after purchases and repayments alone: Jiebei arrears a repayment left
 *  within the tolerance with no due day to carry them to, waived (arrearsWaiver), and the day's charges. No
 *  trigger reaches its threshold before that day (neither event moves a line's days past due on), and it is
 *  neither the review day nor a month end. */
export function quietDayCloses(s: EngineState, onStep: (o: StepOutcome) => void): void {
  s.answered = null;
  if (s.customer.jiebei.book.loans.length > 0) {
    const waived = arrearsWaiver(s);
    if (waived !== null) onStep(waived);
  }
  accrueAll(s.customer, s.day);
}

function emit(steps: readonly StepOutcome[], onStep: (o: StepOutcome) => void): void {
  for (let i = 0; i < steps.length; i++) onStep(steps[i]!);
}

export function openDay(s: EngineState, day: number): readonly StepOutcome[] {
  moveTo(s, day);
  const c = s.customer;
  const p = c.policy;
  let out: StepOutcome[] | null = null;
  const cycles = revolving.decideCycles(c.huabei.ledger, day, tolerances(p));
  for (let i = 0; i < cycles.length; i++) {
    const o = cycles[i]!;
    out = decided(s, c.huabei, o.dueDay, o.outcome, day, out);
  }
  loans.fallDue(c.jiebei.book, day, p.graceDays);
  const instalments = loans.decideInstalments(c.jiebei.book, day, tolerances(p));
  let waived = 0;
  for (let i = 0; i < instalments.length; i++) {
    const o = instalments[i]!;
    out = decided(s, c.jiebei, o.dueDay, o.outcome, day, out);
    waived += o.waived;
  }
  // the day's waivers in one step (its lines are taken once all are waived)
  if (s.notices && waived > 0) return [...(out ?? []), waiver(s, waived)];
  return out ?? NOTHING;
}

/** Jiebei arrears within the tolerance that no due day is left to carry (loans.arrearsWaived), at the day's
 *  end before its checks: waived, as a repayment of them would clear them — the overdue ends (the episode
 *  cured, how far past due it went noted first), and the missed due date stays on the record. The waiver
 *  step when notices are kept. */
function arrearsWaiver(s: EngineState): StepOutcome | null {
  const c = s.customer;
  const line = c.jiebei;
  const tolerance = tolerances(c.policy).tolerance;
  if (loans.arrearsWaived(line.book, s.day, tolerance) === 0) return null;
  notePastDue(c, line, s.day);
  const waived = loans.waiveArrears(line.book, s.day, tolerance);
  cureIfClear(c, line, s.day);
  return s.notices ? waiver(s, waived) : null;
}

/** Remainders within the tolerance waived: a step of their own, with the tolerance they were within. */
function waiver(s: EngineState, waived: Fen): StepOutcome {
  const tolerance = tolerances(s.customer.policy).tolerance;
  return outcome(s, { type: "waiver", line: "jiebei", waived }, "jiebei", {
    decision: null,
    reasons: ["SMALL_BALANCE_WAIVED"],
    facts: [
      { code: "SMALL_BALANCE_WAIVED", parameter: "toleranceAmount", threshold: tolerance, value: waived },
    ],
  });
}

/** A due date decided on `line`, recorded; missed, it is acted on (missed). Both lines' through this one
 *  call: a Jiebei due date missed, met only after the day's functions were optimised, had a call of its own
 *  (docs/performance.md, "optimised once"). */
function decided(
  s: EngineState,
  line: Line,
  dueDay: number,
  outcome: DueRecord["outcome"],
  day: number,
  out: StepOutcome[] | null,
): StepOutcome[] | null {
  s.customer.records.push({ line: line.id, dueDay, outcome });
  return outcome === "missed" ? missed(s, line, dueDay, day, out) : out;
}

/** A due date missed: an episode opens (unless one is open on the line), and a notice when kept. */
function missed(
  s: EngineState,
  line: Line,
  dueDay: number,
  day: number,
  out: StepOutcome[] | null,
): StepOutcome[] | null {
  const c = s.customer;
  let open = false;
  for (const e of c.episodes) if (e.line === line.id && e.curedDay === null) open = true;
  if (!open) c.episodes.push(newEpisode(line.id, dueDay, day));
  notePastDue(c, line, day);
  if (!s.notices) return out;
  // bills of one line missed the same day (a closing statement's and the month's) make one notice
  if (out?.some((x) => x.event.type === "overdue" && x.event.line === line.id)) return out;
  const o = out ?? [];
  o.push(
    outcome(
      s,
      { type: "overdue", line: line.id, overdue: overdue(line), overdueDays: daysPastDue(line, day) },
      line.id,
      null,
    ),
  );
  return o;
}

export function closeCycle(s: EngineState): readonly StepOutcome[] {
  const { day, calendar } = s;
  if (day !== s.nextStatement) return NOTHING;
  const c = s.customer;
  const p = c.policy;
  s.nextStatement = calendar.nextDayOfMonth(day, p.statementDayOfMonth);
  const h = c.huabei;
  // a closed or written-off line is billed in full every month while anything is owed on it — its
  // instalment plans one instalment a month when they run to term (a closure that answered no default)
  const closed = h.status === "closed" || h.status === "charged_off";
  if (h.status === "none" || (closed && owed(h) === 0)) return NOTHING;
  const dueDay = calendar.nextDayOfMonth(day, p.dueDayOfMonth);
  // a closure since the last statement day billed everything on its own closing statement, due this same
  // day (closed the day before, say): a second one would restate it, one closing statement per closure —
  // unless instalment plans run to term: this month's instalment is billed, due with it
  // (the plans read first, on every statement: docs/performance.md, "optimised once")
  if (h.ledger.plans.length === 0 && closed && revolving.statedFor(h.ledger, dueDay)) return NOTHING;
  const plans = closed && !runsToTerm(h) ? "all" : "instalment";
  const bill = revolving.closeStatement(h.ledger, day, dueDay, p, closed, plans);
  if (!bill || !s.notices) return NOTHING;
  // the closing statement is the closure's own (apply-verdict.ts): a month's after it is a statement
  return [outcome(s, { type: "statement", ...bill, dueDay, closing: false }, "huabei", null)];
}

export function dueNotices(s: EngineState): readonly StepOutcome[] {
  if (!s.notices) return NOTHING;
  const c = s.customer;
  let out: StepOutcome[] | null = null;
  const l = c.huabei.ledger;
  if (revolving.billDueOn(l, s.day)) {
    const { due, minimum } = revolving.dueBy(l, s.day);
    out = [outcome(s, { type: "due", line: "huabei", due, minimumUnpaid: minimum }, "huabei", null)];
  }
  const due = loans.dueOn(c.jiebei.book, s.day);
  if (due > 0) {
    out ??= [];
    // on a line closed in default or written off, what falls due is the loans called in, not an instalment
    const calledIn = !isOpen(c.jiebei) && !runsToTerm(c.jiebei);
    const event: EngineEvent = {
      type: "due",
      line: "jiebei",
      due,
      minimumUnpaid: due,
      ...(calledIn && { calledIn }),
    };
    out.push(outcome(s, event, "jiebei", null));
  }
  for (let i = 0; i < 2; i++) {
    const line = lineAt(c, i);
    const n = dormantNotice(c, line, s.day, s.calendar);
    if (n === null) continue;
    out ??= [];
    const event: EngineEvent = n.suspended
      ? {
          type: "dormant_notice",
          line: line.id,
          closeDay: n.closeDay,
          closeDate: n.closeDate,
          suspended: true,
          ...(n.excluded ? { excluded: true as const } : {}),
          ...(n.cleanUntil !== null
            ? { cleanUntil: { day: n.cleanUntil, date: s.calendar.date(n.cleanUntil) } }
            : {}),
        }
      : { type: "dormant_notice", line: line.id, closeDay: n.closeDay, closeDate: n.closeDate };
    const verdict: Verdict = {
      decision: null,
      reasons: ["DORMANT_NOTICE"],
      facts: [
        {
          code: "DORMANT_NOTICE",
          parameter: "dormantCloseDays",
          threshold: c.policy.dormantCloseDays,
          value: n.unused,
        },
      ],
    };
    out.push(outcome(s, event, line.id, verdict));
  }
  return out ?? NOTHING;
}

export function triggers(s: EngineState): readonly StepOutcome[] {
  const c = s.customer;
  // both triggers need a line past due (the usual day: nothing to check)
  if (daysPastDue(c.huabei, s.day) === 0 && daysPastDue(c.jiebei, s.day) === 0) return NOTHING;
  // Jiebei arrears the day's end waives are not past due for them
  const waived = daysPastDue(c.jiebei, s.day) > 0 ? arrearsWaiver(s) : null;
  return triggersFrom(s, 0, undefined, waived === null ? null : [waived]);
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
        : alone(s)
          ? check(c, line, day)
          : judgedTrigger(s, k, line, out);
    if (!v) continue;
    out ??= [];
    if (k < 2) {
      out.push(...decide(s, { type: "charge_off", line: line.id, writtenOff: owed(line) }, line, v));
      continue;
    }
    // the line furthest past due pulled the trigger (on this line, when it is as far behind): its amount
    // and its days, never one line's amount with the other's days
    const other = lineAt(c, (k & 1) ^ 1);
    const behind = daysPastDue(other, day) > daysPastDue(line, day) ? other : line;
    const dpd = daysPastDue(behind, day);
    out.push(
      ...decide(s, { type: "overdue", line: behind.id, overdue: overdue(behind), overdueDays: dpd }, line, v),
    );
  }
  return out ?? NOTHING;
}

/** Trigger `k` on a lane of several policies. Closures for `judge` live here, not in the loop: closures
 *  over the loop's variables made V8 allocate their contexts on every pass, a lane or not (as in
 *  judgedReview). */
function judgedTrigger(s: EngineState, k: number, line: Line, out: StepOutcome[] | null): Verdict | null {
  const check = k < 2 ? chargeOffTrigger : overdueTrigger;
  return judge(
    s,
    () => check(s.customer, line, s.day),
    (f, w) => triggersFrom(f, k, w, out === null ? null : out.slice()),
  );
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
      // Jiebei after Huabei restored by this review: the trim of its unused limit that restoration decided
      // (review/trim.ts)
      const trim = line.id === "jiebei" && out !== null ? trimDecided(out) : null;
      v = alone(s)
        ? periodicReview(c, line, day, scored, false, true, s.calendar, trim)
        : judgedReview(s, i, line, scored, out, trim);
    }
    // a suspended line's review is always shown: it says what still blocks restoration
    if (v.decision !== null || line.status === "suspended") {
      out ??= [];
      out.push(...decide(s, { type: "review", line: line.id, requested: false }, line, v));
    }
    noteReviewed(line);
  }
  return out ?? NOTHING;
}

/** The limit a review's restoration of Huabei, or its give-back (review/trim.ts giveBackTrim), trims
 *  Jiebei's unused limit to (its `trims`), or null. */
function trimDecided(out: readonly StepOutcome[]): Fen | null {
  for (const o of out) {
    const v = o.verdict;
    if (
      o.line === "huabei" &&
      o.event.type === "review" &&
      (v?.decision === "restored" || v?.decision === "limit_restored")
    )
      return v.trims ?? null;
  }
  return null;
}

/** The review of line `i` on a lane of several policies (its closures kept out of reviewFrom's loop). */
function judgedReview(
  s: EngineState,
  i: number,
  line: Line,
  scored: Scored,
  out: StepOutcome[] | null,
  trim: Fen | null,
): Verdict {
  return judge(
    s,
    () => periodicReview(s.customer, line, s.day, scored, false, true, s.calendar, trim),
    (f, w) => reviewFrom(f, i, w, out === null ? null : out.slice()),
  );
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

/** How long after credit is extended on a line its month ends count as repayment record: a year, as a
 *  bureau score reads an account updated within the last year (**assumption**, docs/model/score.md). */
const RECORD_DAYS = 365;

export function monthEnd(s: EngineState): void {
  const { day, calendar } = s;
  if (day !== s.nextMonthEnd) return;
  s.nextMonthEnd = monthEndAfter(calendar, day + 1);
  const c = s.customer;
  if (c.huabei.status === "none" && c.jiebei.status === "none") return;
  const today = calendar.civil(day);
  const month = monthLabel(today.year, today.month);
  const monthStart = day - today.day + 1;
  // the customer's standing for the month: good unless a line was overdue during it or is charged off
  // (no list of the month's codes: a month end of every account of a population)
  let lines = 0;
  let good = true;
  // a month of repayment record: credit extended on a line within the year before — a line left unused is
  // reported month after month with nothing due (the PBOC grid's "*": no repayment history that month) and
  // tells nothing of how its customer repays. By use, not by what was owed: a revolver's balance, carried
  // longer than a full payer's, must not earn more record (docs/model/score.md)
  let record = false;
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
    lines++;
    // a charged-off line is never a good month, its debt repaid in full (C) or not: a settled bad debt is
    // still a bad debt on file
    if (line.status === "charged_off" || (entry.code !== "N" && entry.code !== "*" && entry.code !== "C"))
      good = false;
    if (line.extendedDay !== null && day - line.extendedDay < RECORD_DAYS) record = true;
  }
  if (lines > 0) c.monthEnds.push({ day, good, record });
}

/** Whether something fell due on a line between two days: a due date already decided, or one still in
 *  its grace (a due date on the month's last days is decided next month, but it fell due in this one).
 *  Loops, not closures over the days: a month end of every account of a population. */
function dueWithin(c: Customer, line: Line, from: number, to: number): boolean {
  for (const r of c.records) if (r.line === line.id && r.dueDay >= from && r.dueDay <= to) return true;
  if (line.id === "huabei") {
    for (const p of line.ledger.pending) if (p.dueDay >= from && p.dueDay <= to) return true;
    return false;
  }
  // a loan's due days up to its next one: those already fallen due
  for (const l of line.book.loans)
    for (let i = 0; i < l.next && i < l.dueDays.length; i++)
      if (l.dueDays[i]! >= from && l.dueDays[i]! <= to) return true;
  return false;
}

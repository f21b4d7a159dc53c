// One account's run under one lane of policies, summarised: what the recorder keeps from the decisions as
// they come and from the account at month ends, sample days and the end. Plain data, copied when a lane
// splits (account.ts). The month-end portfolio figures are declared once, as named reporters (Mesa's
// DataCollector): a new month-end measure is one more entry.

import {
  CAUSES,
  type Cause,
  type DecisionNote,
  delinquency,
  type EngineState,
  LINES,
  type LineId,
  type LineStanding,
  lineStanding,
  lineStatus,
  lineTotals,
  type Status,
  unpaidCharges,
} from "../engine/index.js";
import { badThreshold, NON_ACCRUAL_DAYS, type PopulationContext, SAMPLE_EVERY } from "./settings.js";

/** an outcome's causes are a bit set in CAUSES order */
export const causeBit = (c: Cause): number => 1 << CAUSES.indexOf(c);

/** Days past due beyond which a balance counts as 30+ and 90+ delinquent. */
const DPD30 = 30;
const DPD90 = 90;

/** On the lender's book: what is owed, unless written off (written-off balances leave the book). */
const onBook = (l: LineStanding): number => (l.status === "charged_off" ? 0 : l.balance);

/**
 * The month-end portfolio, per line: each reporter's value for one account at a month end, summed over
 * accounts into a series (aggregate.ts). A line never opened reports nothing.
 */
const MONTH_END_REPORTERS = {
  /** outstanding on the lender's book: what is owed, unless written off */
  balance: (l: LineStanding) => onBook(l),
  /** the credit line granted */
  limit: (l: LineStanding) => l.limit,
  /** the balance of a line more than 30 days past due — all of it, as a book reports delinquency (the
   *  prospectus's "overdue for over 30 days"; the PBOC grid's bucket 2 onward) */
  dpd30: (l: LineStanding) => (l.overdueDays > DPD30 ? onBook(l) : 0),
  /** the balance of a line more than 90 days past due (written off at chargeOffDays: it leaves the book) */
  dpd90: (l: LineStanding) => (l.overdueDays > DPD90 ? onBook(l) : 0),
} as const satisfies Record<string, (l: LineStanding) => number>;
export type MonthEndMeasure = keyof typeof MONTH_END_REPORTERS;
export const MONTH_END_MEASURES = Object.keys(MONTH_END_REPORTERS) as MonthEndMeasure[];

/** One line of one account. Money in fen. */
export interface LineOutcome {
  /** applied to open the line */
  applied: boolean;
  opened: boolean;
  /** applications decided (to open it or raise its limit), and approved */
  applications: number;
  approvals: number;
  /** the limit it was first opened at, and the day it opened (−1: never) */
  openLimit: number;
  openDay: number;
  limitEnd: number;
  /** on the book at the end (written-off debt is not) */
  balanceEnd: number;
  writtenOff: number;
  /** repaid after the charge-off (up to what was written off) */
  recoveries: number;
  /** remainders within the tolerance waived (Jiebei, after a loan's last due day): off the balance, not a
   *  loss on a default — neither in loss nor in revenue */
  waived: number;
  interest: number;
  fees: number;
  penalties: number;
  /** of those, what was not repaid by the end of a line then NON_ACCRUAL_DAYS or more past due and not
   *  charged off: on non-accrual, not revenue */
  nonAccrual: number;
  /** the first day the line was bad (badDefinition), −1: never */
  badDay: number;
  /** per reporter, the value at each month end of the horizon */
  monthEnd: Record<MonthEndMeasure, number[]>;
}

/** One account's run, summarised. */
export interface Outcome {
  opened: boolean;
  openLimit: number;
  /** bit set of the causes the account was ever suspended for (`causeBit`) */
  causes: number;
  suspensions: number;
  /** days from the first suspension to the first restoration after it; −1 when never restored */
  restoreDays: number;
  limitReduced: boolean;
  /** limit cuts, increases granted (an application approved, lower or not), restorations and limits given
   *  back (a cut for a constraint that no longer binds, undone by a review), on either line */
  limitCuts: number;
  limitIncreases: number;
  restorations: number;
  limitsGivenBack: number;
  /** the account's first suspension for credit came after a limit cut on either line */
  cutBeforeCreditSuspension: boolean;
  /** spells of suspension: times a line was suspended while no line of the account was (a suspension of
   *  both lines at once, or a cause changing while suspended, is one spell) */
  suspensionSpells: number;
  /** closed by the lender (a customer closing a line is counted among the events) */
  closed: boolean;
  /** closed by the lender as left unused (cause `dormant`, DORMANT_ACCOUNT): among `closed` */
  closedUnused: boolean;
  /** a line charged off */
  chargedOff: boolean;
  /** month ends at which a line of the account was open (active or suspended): the exposure that the
   *  annual rates of suspension, closure and charge-off divide by */
  openMonths: number;
  finalStatus: Status;
  finalCause: Cause | null;
  finalScore: number;
  finalLimit: number;
  balance: number;
  overdue: number;
  charges: number;
  /** of the charges, overdue penalties (fen) */
  penalties: number;
  /** the score on days 0, 30, 60, … */
  scores: number[];
  /** the score at the end of the score day (settings.scoreDay) */
  scoreAtDay: number;
  lines: [LineOutcome, LineOutcome];
  /** events the customer made, by type (EVENT_TYPES order) */
  events: Int32Array;
}

// written out per measure (not built from MONTH_END_MEASURES): a line is made for every account and
// copied at every lane split, and the literal is checked complete against the reporters by its type
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

const newLine = (months: number): LineOutcome => ({
  applied: false,
  opened: false,
  applications: 0,
  approvals: 0,
  openLimit: 0,
  openDay: -1,
  limitEnd: 0,
  balanceEnd: 0,
  writtenOff: 0,
  recoveries: 0,
  waived: 0,
  interest: 0,
  fees: 0,
  penalties: 0,
  nonAccrual: 0,
  badDay: -1,
  monthEnd: {
    balance: zeros(months),
    limit: zeros(months),
    dpd30: zeros(months),
    dpd90: zeros(months),
  } satisfies Record<MonthEndMeasure, number[]>,
});

const copyLine = (l: LineOutcome): LineOutcome => ({
  ...l,
  monthEnd: {
    balance: l.monthEnd.balance.slice(),
    limit: l.monthEnd.limit.slice(),
    dpd30: l.monthEnd.dpd30.slice(),
    dpd90: l.monthEnd.dpd90.slice(),
  } satisfies Record<MonthEndMeasure, number[]>,
});

/** Keeps what an Outcome needs as a lane's steps come; `clone` for a lane split off. */
export class OutcomeRecorder {
  private suspendedAt = -1;
  /** the lines suspended now (bit 0 Huabei, bit 1 Jiebei): a spell starts when the first one is */
  private suspendedLines = 0;
  /** repayments made on each line when it was charged off (recoveries are what came after) */
  private repaidAtChargeOff: [number, number] = [-1, -1];

  constructor(
    readonly o: Outcome,
    private readonly ctx: PopulationContext,
  ) {}

  static start(ctx: PopulationContext, events: Int32Array): OutcomeRecorder {
    const months = ctx.monthEnds.length;
    return new OutcomeRecorder(
      {
        opened: false,
        openLimit: 0,
        causes: 0,
        suspensions: 0,
        restoreDays: -1,
        limitReduced: false,
        limitCuts: 0,
        limitIncreases: 0,
        restorations: 0,
        limitsGivenBack: 0,
        cutBeforeCreditSuspension: false,
        suspensionSpells: 0,
        closed: false,
        closedUnused: false,
        chargedOff: false,
        openMonths: 0,
        finalStatus: "none",
        finalCause: null,
        finalScore: 0,
        finalLimit: 0,
        balance: 0,
        overdue: 0,
        charges: 0,
        penalties: 0,
        scores: [],
        scoreAtDay: 0,
        lines: [newLine(months), newLine(months)],
        events,
      },
      ctx,
    );
  }

  clone(events: Int32Array): OutcomeRecorder {
    const o = this.o;
    const r = new OutcomeRecorder(
      { ...o, scores: o.scores.slice(), lines: [copyLine(o.lines[0]), copyLine(o.lines[1])], events },
      this.ctx,
    );
    r.suspendedAt = this.suspendedAt;
    r.suspendedLines = this.suspendedLines;
    r.repaidAtChargeOff = [...this.repaidAtChargeOff];
    return r;
  }

  decision(s: DecisionNote, state: EngineState): void {
    const o = this.o;
    const e = s.event;
    if (e.type === "apply") {
      const l = o.lines[e.line === "huabei" ? 0 : 1];
      l.applications++;
      if (e.product === "open") l.applied = true;
      if (s.decision === "approved" || s.decision === "approved_lower") {
        l.approvals++;
        if (e.product === "increase") o.limitIncreases++;
        if (e.product === "open" && !l.opened) {
          l.opened = true;
          l.openLimit = s.limit;
          l.openDay = s.day;
          if (e.line === "huabei") {
            o.opened = true;
            o.openLimit = s.limit;
          }
        }
      }
      return;
    }
    const bit = s.line === "jiebei" ? 2 : 1;
    switch (s.decision) {
      case "suspended": {
        if (this.suspendedLines === 0) o.suspensionSpells++;
        // a suspended line's change of cause is the same suspension
        if ((this.suspendedLines & bit) === 0) o.suspensions++;
        this.suspendedLines |= bit;
        const cause = s.beneath ?? s.cause ?? "credit";
        // the first suspension for credit, and whether a cut warned of it
        if (cause === "credit" && (o.causes & causeBit("credit")) === 0 && o.limitCuts > 0)
          o.cutBeforeCreditSuspension = true;
        o.causes |= causeBit(cause);
        if (this.suspendedAt < 0 && o.restoreDays < 0) this.suspendedAt = s.day;
        return;
      }
      case "restored":
        o.restorations++;
        this.suspendedLines &= ~bit;
        if (o.restoreDays < 0 && this.suspendedAt >= 0) {
          o.restoreDays = s.day - this.suspendedAt;
          this.suspendedAt = -1;
        }
        return;
      case "closed":
        this.suspendedLines &= ~bit;
        if (s.cause !== "customer") o.closed = true;
        if (s.cause === "dormant") o.closedUnused = true;
        return;
      case "limit_reduced":
        o.limitReduced = true;
        o.limitCuts++;
        return;
      case "limit_restored":
        o.limitsGivenBack++;
        return;
      case "charged_off": {
        this.suspendedLines &= ~bit;
        o.chargedOff = true;
        const i = s.line === "jiebei" ? 1 : 0;
        if (this.repaidAtChargeOff[i]! < 0)
          this.repaidAtChargeOff[i] = lineTotals(state, LINES[i]!).repayments;
        return;
      }
      default:
        return;
    }
  }

  /** The end of a visited day: month-end figures, the sampled score, the score day, the end. */
  endOfDay(state: EngineState, day: number, score: () => number): void {
    const ctx = this.ctx;
    const m = ctx.monthEndIndex[day]!;
    if (m >= 0) {
      let open = false;
      for (let i = 0; i < 2; i++) {
        const id: LineId = LINES[i]!;
        const status = lineStatus(state, id);
        if (status === "none") continue;
        if (status === "active" || status === "suspended") open = true;
        const snap = lineStanding(state, id);
        const me = this.o.lines[i as 0 | 1].monthEnd;
        for (const k of MONTH_END_MEASURES) me[k][m] = MONTH_END_REPORTERS[k](snap);
      }
      if (open) this.o.openMonths++;
    }
    if (day % SAMPLE_EVERY === 0) this.o.scores[day / SAMPLE_EVERY] = score();
    if (day === ctx.settings.scoreDay) this.o.scoreAtDay = score();
    if (day === ctx.until) this.finish(state, score());
  }

  private finish(state: EngineState, score: number): void {
    const o = this.o;
    const h = lineTotals(state, "huabei");
    o.finalStatus = h.status;
    o.finalCause = h.cause;
    o.finalScore = score;
    o.finalLimit = h.limit;
    o.balance = h.balance;
    o.overdue = h.overdue;
    o.charges = h.charges;
    o.penalties = h.penalties;
    const threshold = badThreshold(this.ctx.settings.bad);
    for (let i = 0; i < 2; i++) {
      const id = LINES[i]!;
      const l = o.lines[i as 0 | 1];
      if (!l.opened && lineStatus(state, id) === "none") continue;
      const t = i === 0 ? h : lineTotals(state, id);
      l.limitEnd = t.limit;
      l.balanceEnd = t.status === "charged_off" ? 0 : t.balance;
      l.writtenOff = t.writtenOff;
      const at = this.repaidAtChargeOff[i]!;
      l.recoveries = at < 0 ? 0 : Math.min(t.writtenOff, t.repayments - at);
      l.waived = t.waived;
      l.penalties = t.penalties;
      l.fees = t.fees;
      l.interest = t.charges - t.penalties - t.fees;
      // a charged-off line's unpaid charges are in its loss as in its revenue: they net to nothing
      l.nonAccrual =
        t.status !== "charged_off" && t.overdueDays >= NON_ACCRUAL_DAYS ? unpaidCharges(state, id) : 0;
      const d = delinquency(state, id, threshold);
      const bad = Math.min(d.reached ?? Number.POSITIVE_INFINITY, d.chargedOff ?? Number.POSITIVE_INFINITY);
      l.badDay = Number.isFinite(bad) ? bad : -1;
    }
  }
}

/** A line's revenue — or lines' summed: their interest, fees and penalties, less what is on non-accrual (fen). */
export const lineRevenue = (l: Pick<LineOutcome, "interest" | "fees" | "penalties" | "nonAccrual">): number =>
  l.interest + l.fees + l.penalties - l.nonAccrual;

/** Every outcome class (what a result document's flips may say). */
export const OUTCOME_CLASSES = [
  "not opened",
  "closed",
  "charged off",
  "suspended (credit)",
  "suspended (security)",
  "suspended (policy)",
  "restored",
  "active",
] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

/** The outcome as one word: what a champion/challenger "flip" compares. */
export function outcomeClass(o: Outcome): OutcomeClass {
  if (!o.opened) return "not opened";
  if (o.finalStatus === "closed") return "closed";
  if (o.finalStatus === "charged_off") return "charged off";
  // a suspension's cause is credit, security or policy (a customer closes, never suspends)
  if (o.finalStatus === "suspended") return `suspended (${o.finalCause ?? "credit"})` as OutcomeClass;
  if (o.suspensions > 0) return "restored";
  return "active";
}

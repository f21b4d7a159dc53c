// Population results without traces: a light Recorder reduces one account's run to an outcome summary,
// and outcomes fold into fixed-size aggregates (counts, sums and fixed-bin histograms). Aggregates hold
// whole numbers only, so merging is exact and order-free: worker results and shard outputs combine to the
// same bytes as a single run, and memory stays flat whatever the number of accounts.

import type { DecisionNote, Recorder, Snapshot } from "../engine/index.js";
import { CAUSES, type Cause, SCORE_MAX, SCORE_MIN, STATUSES, type Status } from "../engine/index.js";

export { SCORE_MIN };
/** one point per bin, 350 … 950: medians are exact */
export const SCORE_BINS = SCORE_MAX - SCORE_MIN + 1;
export const SAMPLE_EVERY = 30; // the score is sampled every 30 days for "median score over time"
export const LIMIT_BIN_YUAN = 500;
const LIMIT_BINS = 101; // 0 … 50,000 yuan by 500; the last bin holds everything above
const RESTORE_WITHIN = 180;

export { CAUSES, STATUSES };
/** an outcome's causes are a bit set in CAUSES order */
export const causeBit = (c: Cause): number => 1 << CAUSES.indexOf(c);

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
  closed: boolean;
  finalStatus: Status;
  finalCause: Cause | null;
  finalScore: number;
  finalLimit: number;
  balance: number;
  overdue: number;
  charges: number;
  /** of the charges, overdue penalties (fen) */
  penalties: number;
  /** the score on days 0, 30, 60, … (the last visited day's score when the engine skipped the day) */
  scores: number[];
}

/** A Recorder that keeps only what an Outcome needs: decision notes (no scored steps) and snapshots of
 *  the sample days only (the generator puts them in `observe`). Reused across accounts (`reset`). */
export class OutcomeRecorder implements Recorder {
  readonly observedOnly = true;
  o!: Outcome;
  private suspendedAt = -1;
  private lastScore = 0;
  private nextSample = 0;
  private until = 0;

  reset(until: number): Outcome {
    this.until = until;
    this.suspendedAt = -1;
    this.nextSample = 0;
    this.lastScore = 0;
    this.o = {
      opened: false,
      openLimit: 0,
      causes: 0,
      suspensions: 0,
      restoreDays: -1,
      limitReduced: false,
      closed: false,
      finalStatus: "none",
      finalCause: null,
      finalScore: 0,
      finalLimit: 0,
      balance: 0,
      overdue: 0,
      charges: 0,
      penalties: 0,
      scores: [],
    };
    return this.o;
  }

  decision(s: DecisionNote): void {
    const o = this.o;
    switch (s.decision) {
      case "approved":
      case "approved_lower":
        if (!o.opened && s.event.type === "apply" && s.event.product === "open") {
          o.opened = true;
          o.openLimit = s.limit;
        }
        return;
      case "suspended":
        o.suspensions++;
        o.causes |= causeBit(s.cause ?? "credit");
        if (this.suspendedAt < 0 && o.restoreDays < 0) this.suspendedAt = s.day;
        return;
      case "restored":
        if (o.restoreDays < 0 && this.suspendedAt >= 0) {
          o.restoreDays = s.day - this.suspendedAt;
          this.suspendedAt = -1;
        }
        return;
      case "closed":
        o.closed = true;
        return;
      case "limit_reduced":
        o.limitReduced = true;
        return;
      default:
        return;
    }
  }

  endOfDay(snap: Snapshot): void {
    const scores = this.o.scores;
    // a sample day the engine did not report (not expected: they are observed) keeps the last score
    while (this.nextSample < snap.day) {
      scores.push(this.lastScore);
      this.nextSample += SAMPLE_EVERY;
    }
    this.lastScore = snap.score;
    if (this.nextSample === snap.day) {
      scores.push(snap.score);
      this.nextSample += SAMPLE_EVERY;
    }
    const o = this.o;
    o.finalStatus = snap.status;
    o.finalCause = snap.cause;
    o.finalScore = snap.score;
    o.finalLimit = snap.limit;
    o.balance = snap.balance;
    o.overdue = snap.overdue;
    o.charges = snap.charges;
    o.penalties = snap.penalties;
  }

  /** Completes the score samples up to the last day. */
  finish(): Outcome {
    while (this.nextSample <= this.until) {
      this.o.scores.push(this.lastScore);
      this.nextSample += SAMPLE_EVERY;
    }
    return this.o;
  }
}

/** The days whose score the population samples: 0, 30, 60, … up to `until`. */
export function sampleDays(until: number): number[] {
  const days: number[] = [];
  for (let d = 0; d <= until; d += SAMPLE_EVERY) days.push(d);
  return days;
}

/** The outcome as one word: what a champion/challenger "flip" compares. */
export function outcomeClass(o: Outcome): string {
  if (!o.opened) return "not opened";
  if (o.finalStatus === "closed") return "closed";
  if (o.finalStatus === "suspended") return `suspended (${o.finalCause ?? "credit"})`;
  if (o.suspensions > 0) return "restored";
  return "active";
}

/** One policy arm of one persona: everything additive. */
export interface ArmAggregate {
  accounts: number;
  opened: number;
  openLimit: number[];
  suspended: number;
  /** accounts ever suspended, per cause (CAUSES order) */
  suspendedByCause: number[];
  suspensions: number;
  restored: number;
  restoredWithin: number;
  /** 1-day bins: days from suspension to restoration */
  restoreDays: number[];
  limitReduced: number;
  closed: number;
  /** STATUSES order */
  finalStatus: number[];
  finalScore: number[];
  /** samples × SCORE_BINS, row-major */
  monthlyScore: number[];
  /** fen */
  charges: number;
  /** fen: the penalty part of the charges (penalty income) */
  penalties: number;
  overdueEnd: number;
  overdueAccountsEnd: number;
  balanceEnd: number;
}

/** How many score samples a horizon of `days` days holds (days 0, 30, 60, …). */
const sampleCount = (days: number) => Math.floor((days - 1) / SAMPLE_EVERY) + 1;

/** The bins of one arm, in bytes on a 64-bit heap (8 a number): what a worker's heap must make room for
 *  beside its working set. Long horizons are dominated by the score-over-time histogram. */
export function armBytes(days: number): number {
  const bins = LIMIT_BINS + CAUSES.length + days + STATUSES.length + SCORE_BINS;
  return 8 * (bins + sampleCount(days) * SCORE_BINS);
}

export function emptyArm(days: number): ArmAggregate {
  const samples = sampleCount(days);
  return {
    accounts: 0,
    opened: 0,
    openLimit: zeros(LIMIT_BINS),
    suspended: 0,
    suspendedByCause: zeros(CAUSES.length),
    suspensions: 0,
    restored: 0,
    restoredWithin: 0,
    restoreDays: zeros(days),
    limitReduced: 0,
    closed: 0,
    finalStatus: zeros(STATUSES.length),
    finalScore: zeros(SCORE_BINS),
    monthlyScore: zeros(samples * SCORE_BINS),
    charges: 0,
    penalties: 0,
    overdueEnd: 0,
    overdueAccountsEnd: 0,
    balanceEnd: 0,
  };
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const scoreBin = (s: number) => Math.min(SCORE_BINS - 1, Math.max(0, Math.round(s) - SCORE_MIN));

export function addOutcome(a: ArmAggregate, o: Outcome): void {
  a.accounts++;
  if (o.opened) {
    a.opened++;
    a.openLimit[Math.min(LIMIT_BINS - 1, Math.floor(o.openLimit / 100 / LIMIT_BIN_YUAN))]!++;
  }
  if (o.suspensions > 0) a.suspended++;
  for (let i = 0; i < CAUSES.length; i++) if (o.causes & (1 << i)) a.suspendedByCause[i]!++;
  a.suspensions += o.suspensions;
  if (o.restoreDays >= 0) {
    a.restored++;
    if (o.restoreDays <= RESTORE_WITHIN) a.restoredWithin++;
    a.restoreDays[Math.min(a.restoreDays.length - 1, o.restoreDays)]!++;
  }
  if (o.limitReduced) a.limitReduced++;
  if (o.closed) a.closed++;
  a.finalStatus[STATUSES.indexOf(o.finalStatus)]!++;
  a.finalScore[scoreBin(o.finalScore)]!++;
  const samples = a.monthlyScore.length / SCORE_BINS;
  for (let m = 0; m < samples && m < o.scores.length; m++)
    a.monthlyScore[m * SCORE_BINS + scoreBin(o.scores[m]!)]!++;
  a.charges += o.charges;
  a.penalties += o.penalties;
  a.overdueEnd += o.overdue;
  if (o.overdue > 0) a.overdueAccountsEnd++;
  a.balanceEnd += o.balance;
}

/** a += b, field by field (exact: whole numbers). */
export function mergeArm(a: ArmAggregate, b: ArmAggregate): void {
  for (const key of Object.keys(a) as Array<keyof ArmAggregate>) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) throw new Error(`cannot merge ${key}: ${x.length} vs ${y.length} bins`);
      for (let i = 0; i < x.length; i++) x[i]! += y[i]!;
    } else (a as unknown as Record<string, number>)[key] = (x as number) + (y as number);
  }
}

// ---- champion / challenger: paired differences on the same accounts ----

// The customer's repayment record, across both lines: how each due date ended, the delinquency episodes,
// and the PBOC-style 24-month repayment grid. The scorecard reads it; a credit report shows it.

import type { Fen } from "./types.js";
import type { LineId } from "./vocabulary.js";

/** How one due date ended, decided when its grace period was over. */
export interface DueRecord {
  line: LineId;
  dueDay: number;
  /** paid in full; revolved (Huabei: the minimum met, the rest at interest); missed */
  outcome: "paid" | "revolved" | "missed";
}

/** A delinquency episode: from the due day first missed until every overdue amount of the line is repaid. */
export interface Episode {
  line: LineId;
  dueDay: number;
  curedDay: number | null;
  /** the most days past due reached so far, counted from the oldest amount still unpaid (a customer who
   *  stays one instalment behind for a year is 30-odd days past due, not 365) */
  worst: number;
  /** the episode ended in a charge-off (worst stage, whatever is repaid later) */
  chargedOff: boolean;
  /** the days it first went more than 30, 60 and 90 days past due (−1: not yet). Kept as it happens: a
   *  repayment of the oldest amount moves the day past due is counted from, so the episode's first due
   *  day alone would date the crossing too early */
  over: [number, number, number];
}

/** The bad-rate thresholds an episode dates its crossing of (`over`). */
export const OVER_THRESHOLDS = [30, 60, 90] as const;

/** An episode begun on `day` by a due day missed on `line`. */
export const newEpisode = (line: LineId, dueDay: number, day: number): Episode => ({
  line,
  dueDay,
  curedDay: null,
  worst: day - dueDay,
  chargedOff: false,
  over: [-1, -1, -1],
});

/** PBOC delinquency stage of a number of days past due: 0 current, 1 = 1–30 … 7 = over 180. */
function stage(daysPastDue: number): number {
  if (daysPastDue <= 0) return 0;
  return Math.min(7, Math.ceil(daysPastDue / 30));
}

/**
 * One month of the PBOC repayment grid (个人信用报告 24-month record), as of the month's last day:
 *   N  normal: something fell due this month and nothing is overdue
 *   *  open, nothing due this month and nothing overdue
 *   1–7 overdue at month end: 1 = 1–30 days, 2 = 31–60 … 6 = 151–180, 7 = over 180
 *   C  closed with nothing owed (settled) — a charged-off line too once its written-off debt is repaid in
 *      full (the bureau's "settled bad debt": the months before keep their 7s and G, and its 5 years on
 *      file run from the repayment)
 *   G  terminated otherwise: charged off with something still owed
 *   #  status unknown (not used by the engine; shown for months before the line opened)
 */
export type GridCode = "N" | "*" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "C" | "G" | "#";

export interface GridMonth {
  /** YYYY-MM */
  month: string;
  code: GridCode;
}

export const GRID_MONTHS = 24;

/** The grid code of a line at a month end. */
export function gridCode(facts: {
  opened: boolean;
  status: "none" | "active" | "suspended" | "closed" | "charged_off";
  daysPastDue: number;
  owed: Fen;
  dueThisMonth: boolean;
}): GridCode {
  if (!facts.opened) return "#";
  if (facts.status === "charged_off") return facts.owed === 0 ? "C" : "G";
  const s = stage(facts.daysPastDue);
  if (s > 0) return String(s) as GridCode;
  // both read on every month end (docs/performance.md, "optimised once")
  const owesNothing = facts.owed === 0;
  if (facts.status === "closed" && owesNothing) return "C";
  return facts.dueThisMonth ? "N" : "*";
}

/** The worst days past due an episode reached; `now` is its line's days past due today (an open episode
 *  may be deeper today than at its last note). */
export const episodeWorst = (e: Episode, now: number): number =>
  e.curedDay === null ? Math.max(e.worst, now) : e.worst;

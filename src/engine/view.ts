// What a caller outside the engine may read of a state between steps: the numbers a customer sees of
// their own account (a population's agents decide on them) and the record a risk team measures. Reads
// only; nothing here changes the state.

import { type Customer, customerDaysPastDue, daysPastDue, lastMissed, lineOf, owed } from "./customer.js";
import * as loans from "./loans.js";
import { FEN_PER_YUAN } from "./money.js";
import { episodeWorst, OVER_THRESHOLDS } from "./record.js";
import * as revolving from "./revolving.js";
import { SCORED_INCOME_FLOOR, scoreNumberOn } from "./score-inputs.js";
import type { ScoreInputs } from "./scorecard.js";
import { lineSnapshot } from "./snapshot.js";
import { type EngineState, jiebeiDue } from "./state.js";
import type { Fen, LineSnapshot, Step } from "./types.js";
import type { LineId, Status } from "./vocabulary.js";

/** The scorecard's inputs a step's reasons are about: an assessed application's, the file it was judged on
 *  (before its own inquiry, which the step's score counts); any other step's, the file after it. */
export const reasonInputs = (s: Pick<Step, "inputs" | "judged">): ScoreInputs => s.judged ?? s.inputs;

/** A line's numbers as of the state's day (what a snapshot holds for it). */
export const lineTotals = (s: EngineState, id: LineId): LineSnapshot =>
  lineSnapshot(lineOf(s.customer, id), s.day);

/** What a month-end report of a line reads: its standing, limit, balance and days past due. */
export type LineStanding = Pick<LineSnapshot, "status" | "limit" | "balance" | "overdueDays">;

/**
 * The customer's burden as the state stands (a population's agent reads it to decide whether a spell of
 * hardship strikes): the debt-to-income ratio on today's balances — external debt and what is owed on
 * both lines over a year's income, the income counted as at least the scorecard's floor — Huabei's
 * utilisation (what is owed over the limit; 0 without a limit), and whether a due date was missed within
 * `recentDays` or a line is past due now. Writes into `out` (no allocation: read on visits).
 */
export function burdenOf(s: EngineState, recentDays: number, out: Burden): Burden {
  const c = s.customer;
  const income = Math.max(c.profile.monthlyIncome, SCORED_INCOME_FLOOR) * 12 * FEN_PER_YUAN;
  out.debtToIncome = (c.profile.externalDebt + owed(c.huabei) + owed(c.jiebei)) / income;
  out.utilisation = c.huabei.limit > 0 ? owed(c.huabei) / c.huabei.limit : 0;
  out.missed = customerDaysPastDue(c, s.day) > 0 || lastMissed(c) >= s.day - recentDays;
  return out;
}

/** What the customer owes elsewhere (fen), as the lender has it. */
export const externalDebtOf = (s: EngineState): Fen => s.customer.profile.externalDebt;

/** What `burdenOf` reads. */
export interface Burden {
  debtToIncome: number;
  utilisation: number;
  missed: boolean;
}

/** A line's standing as of the state's day: the part of `lineTotals` a month-end series reads, without
 *  the rest of a snapshot (its amount overdue, charges and totals) — taken at every month end of every
 *  account of a population. */
export function lineStanding(s: EngineState, id: LineId): LineStanding {
  const line = lineOf(s.customer, id);
  return {
    status: line.status,
    limit: line.limit,
    balance: owed(line),
    overdueDays: daysPastDue(line, s.day),
  };
}

/** A line's standing. */
export const lineStatus = (s: EngineState, id: LineId): Status => lineOf(s.customer, id).status;

/** What is owed on a line (including written-off debt). */
export const owedOn = (s: EngineState, id: LineId): Fen => owed(lineOf(s.customer, id));

/** The charges on a line (interest, instalment fees, penalties) not yet repaid: on Huabei what its bills
 *  were charged and not paid, on Jiebei the interest accrued (not yet due, or due) and the charges in arrears
 *  — what a lender stops counting as income on a line in non-accrual. */
export function unpaidCharges(s: EngineState, id: LineId): Fen {
  const line = lineOf(s.customer, id);
  return line.id === "huabei" ? revolving.chargesUnpaid(line.ledger) : loans.chargesUnpaid(line.book);
}

/** What a `statement` repayment would pay now: on Huabei everything billed and unpaid, on Jiebei what
 *  is due (arrears and the instalments falling due within the month). */
export function dueOn(s: EngineState, id: LineId): Fen {
  const line = lineOf(s.customer, id);
  return line.id === "huabei" ? revolving.statementBalance(line.ledger) : jiebeiDue(s, line.book);
}

/** The credit score on the state's day. */
export const scoreToday = (s: EngineState): number => scoreNumberOn(s.customer, s.day);

/** How far a line has gone past due up to the state's day. */
export interface Delinquency {
  /** the most days past due reached */
  worst: number;
  /** the first day the line can have been more than `threshold` days past due (null: never got there) */
  reached: number | null;
  /** the first day a debt on the line was charged off (null: never) */
  chargedOff: number | null;
}

/** A line's delinquency record, measured against `threshold` days past due. */
export function delinquency(s: EngineState, id: LineId, threshold: number): Delinquency {
  const c: Customer = s.customer;
  const line = lineOf(c, id);
  const now = daysPastDue(line, s.day);
  let worst = 0;
  let reached: number | null = null;
  for (const e of c.episodes) {
    if (e.line !== id) continue;
    const depth = episodeWorst(e, now);
    if (depth > worst) worst = depth;
    // "more than `threshold` days past due", as the scorecard's "over 90" and the book's 90+ read it: the
    // day the episode got there, as it noted it; still open and not noted since, counted from the amount
    // unpaid today (the oldest has not moved since the last note: a repayment notes first)
    if (depth <= threshold) continue;
    const i = OVER_THRESHOLDS.indexOf(threshold as (typeof OVER_THRESHOLDS)[number]);
    const noted = i < 0 ? -1 : e.over[i]!;
    const day = noted >= 0 ? noted : i < 0 ? e.dueDay + threshold + 1 : s.day - now + threshold + 1;
    if (reached === null || day < reached) reached = day;
  }
  const chargedOff = line.status === "charged_off" ? line.statusDay : null;
  return { worst, reached, chargedOff };
}

// What every account of a population shares: the seed, the horizon, the policy arms, how outcomes are
// measured — and the calendar facts derived from them once (statement cycles, month ends, sample days).

import { Calendar, type Policy, type PolicyParams } from "../engine/index.js";
import { canonicalJson } from "./persona.js";
import type { BadDefinition } from "./vocabulary.js";

/** Days past due that make an account bad under a definition (a charge-off always does). */
export const badThreshold = (b: BadDefinition): number =>
  b === "ever30" ? 30 : b === "ever60" ? 60 : b === "ever90" ? 90 : Number.POSITIVE_INFINITY;

/**
 * Days past due from which a line is on non-accrual: its interest, fees and penalties charged and not yet
 * repaid are not income (US regulatory practice, the FFIEC Call Report's nonaccrual status at 90 days past
 * due; the Basel default definition's 90 days). Read at the end of the horizon, on a line not charged off.
 */
export const NON_ACCRUAL_DAYS = 90;

/**
 * A stress scenario (`simulate --stress`), after the 2020 epidemic: from the shock day, customers lose
 * income and fall into spells of hardship — no repayment while one lasts — more often than the persona
 * alone says. Drawn in the plan from the account's own keyed stream, so every arm sees the same shock.
 */
interface StressSettings {
  /** the day the shock begins */
  day: number;
}

/**
 * The share of charged-off customers who repay what was written off, once they can (collections'
 * recoveries). Assumption: US card issuers recover roughly 10–20 % of gross charge-offs; without this a
 * customer whose hardship ended repaid a written-off line in full, and four-fifths of every charge-off
 * came back.
 */
export const RECOVERY_SHARE = 0.15;

/**
 * The shock's size. Assumptions, set so that under the default policy the shipped mix's 30+ balance rate
 * roughly doubles within four months and eases after (Ant: 1.76 % in January 2020, 3.01 % in May, then
 * down): a share of the accounts is hit — `baseShare` plus `fragility` × the persona's own yearly
 * hardship rate (the already fragile are hit harder: about 0.8 % of steady payers, 3.3 % of the
 * stretched) — each within `within` days of the shock, for `months` months, with its income cut by
 * `incomeCut` meanwhile.
 */
export const STRESS = {
  baseShare: 0.006,
  fragility: 0.3,
  within: 60,
  months: { min: 2, max: 5 },
  incomeCut: { min: 0.2, max: 0.5 },
} as const;

/**
 * How a spell of hardship depends on the account's own burden (docs/populations.md, "Hardship and
 * burden"). Assumption, after the literature on payment shocks: a loss of income or a new expense turns
 * into default far more often for a household already carrying a high debt-service burden, using much of
 * its credit, or already missing payments (the Bank of England's Financial Stability Reports count a
 * debt-service ratio of 40 % or more as vulnerable; Gerardi, Herkenhoff, Ohanian and Willen, "Can't Pay or
 * Won't Pay?", Review of Financial Studies 2018: default follows a shock where liquidity is thin). The
 * weights are not calibrated to a source: set so each persona's bad rate stays near its calibrated level.
 * An account's rate is its persona's `hardship.perYear` times a weight, `scale` ×
 * ((DTI + `soften`) / (typical DTI + `soften`))^`debt` × (`utilBase` + utilisation) × `missed` when a due
 * date was missed within `recentDays` or a line is past due, at most `cap`. Spells are drawn in the plan at
 * `cap` × the rate, each with a number u of its own, and a spell is real when
 * u × `cap` < the weight on the first day it would stop a repayment — the same draws under every policy
 * (common random numbers), decided on the state that policy made: lending more can bring more hardship.
 */
export const HARDSHIP_BURDEN = {
  cap: 6,
  scale: 0.5,
  debt: 1.5,
  soften: 0.1,
  utilBase: 0.5,
  missed: 2,
  recentDays: 180,
} as const;

/** A spell's weight (HARDSHIP_BURDEN) for an account of this burden, given its persona's typical DTI. */
export function hardshipWeight(
  dti: number,
  typicalDti: number,
  utilisation: number,
  missed: boolean,
): number {
  const b = HARDSHIP_BURDEN;
  const debt = ((dti + b.soften) / (typicalDti + b.soften)) ** b.debt;
  const use = b.utilBase + Math.min(1, Math.max(0, utilisation));
  return Math.min(b.cap, b.scale * debt * use * (missed ? b.missed : 1));
}

/** An arm beside the champion: a challenger, or one variant of a sweep. */
export interface ArmSettings {
  /** the policy it runs from `from` on (the named policy it extends, with `set` on top) */
  policy: Policy;
  /** the named policy it extends; null: the champion's */
  use: Policy | null;
  /** parameters set on top */
  set: Partial<PolicyParams>;
}

export interface PopulationSettings {
  seed: number;
  /** simulated days: day 0 … days − 1 */
  days: number;
  /** ISO date of day 0 */
  start: string;
  /** the champion: arm 0, its policy on every day */
  policy: Policy;
  /** arms 1, 2, …: each takes over from the champion's policy on day `from` (0: from the start) */
  arms: ArmSettings[];
  from: number;
  /** pairs of arms whose differing decisions are grouped (champion/challenger; neighbouring variants) */
  compare: Array<[number, number]>;
  bad: BadDefinition;
  /** the day whose score is measured against later bad (Gini, KS) */
  scoreDay: number;
  /** a stress scenario (absent or null: none) */
  stress?: StressSettings | null;
}

export const SAMPLE_EVERY = 30;

/** Calendar facts shared by every account (computed once per population). */
export interface PopulationContext {
  settings: PopulationSettings;
  until: number;
  calendar: Calendar;
  /** month-end days within the horizon, and each day's month-end ordinal (−1: not a month end) */
  monthEnds: readonly number[];
  monthEndIndex: Int32Array;
  /** the days the score is sampled on: 0, 30, 60, … */
  samples: readonly number[];
  /** the policy of each arm before and after `from` */
  armPolicies: ReadonlyArray<{ before: Policy; after: Policy }>;
  /** arms with equal policies (content, not name) share a key: they are one slot of a lane */
  armKeys: readonly string[];
}

/** The month ends within a horizon: the last day of each calendar month among days 0 … days − 1. */
export function monthEndDays(start: string | Calendar, days: number): number[] {
  const calendar = typeof start === "string" ? new Calendar(start) : start;
  const out: number[] = [];
  for (let d = 0; d < days; d++) if (calendar.civil(d + 1).day === 1) out.push(d);
  return out;
}

export function populationContext(settings: PopulationSettings): PopulationContext {
  const calendar = new Calendar(settings.start);
  const until = settings.days - 1;
  const monthEnds = monthEndDays(calendar, settings.days);
  const monthEndIndex = new Int32Array(until + 1).fill(-1);
  monthEnds.forEach((d, m) => {
    monthEndIndex[d] = m;
  });
  const samples: number[] = [];
  for (let d = 0; d <= until; d += SAMPLE_EVERY) samples.push(d);
  const armPolicies = [
    { before: settings.policy, after: settings.policy },
    ...settings.arms.map((a) => ({
      before: settings.from > 0 ? settings.policy : a.policy,
      after: a.policy,
    })),
  ];
  return {
    settings,
    until,
    calendar,
    monthEnds,
    monthEndIndex,
    samples,
    armPolicies,
    armKeys: armPolicies.map((p) => policyKey(p.after)),
  };
}

/** A policy's rules as one string: two policies with the same key decide alike (names aside). */
export function policyKey(p: Policy): string {
  const { name: _name, description: _description, ...rules } = p;
  return canonicalJson(rules);
}

/** The statement cycles of a policy's calendar over the horizon: each statement day and its due day. */
export function statementCycles(
  ctx: PopulationContext,
  p: Policy,
): ReadonlyArray<{ statement: number; due: number }> {
  const key = `${p.statementDayOfMonth}/${p.dueDayOfMonth}`;
  let cycles = CYCLES.get(ctx)?.get(key);
  if (cycles) return cycles;
  cycles = [];
  const cal = ctx.calendar;
  for (let s = cal.nextDayOfMonth(0, p.statementDayOfMonth); s <= ctx.until; ) {
    cycles.push({ statement: s, due: cal.nextDayOfMonth(s, p.dueDayOfMonth) });
    s = cal.nextDayOfMonth(s, p.statementDayOfMonth);
  }
  if (!CYCLES.has(ctx)) CYCLES.set(ctx, new Map());
  CYCLES.get(ctx)!.set(key, cycles);
  return cycles;
}

const CYCLES = new WeakMap<PopulationContext, Map<string, Array<{ statement: number; due: number }>>>();

// An account's plan: everything about a customer that does not depend on the lender, drawn once from
// (seed, persona, account) — the profile, the purchases they would make, their repayment habit for each
// statement, the applications, debts, income changes and profile changes that come whatever the lender
// does, spells of hardship, cash they would borrow. The agent (agent.ts) acts on the plan day by day and
// adds what does depend on the lender: its reactions. Each section draws from its own keyed stream
// (random.ts), so the plan is the same under every policy arm. Pure.

import type { Fen, LoanTerm, Profile, ProfileField, ScenarioEvent } from "../engine/index.js";
import { MAX_YUAN } from "../scenario/schema.js";
import type { Persona } from "./persona.js";
import type { Dist } from "./persona-schema.js";
import {
  draw,
  drawInt,
  keyOf,
  PURPOSE,
  poisson,
  type Random,
  Stream,
  textKey,
  uniformInt,
} from "./random.js";
import { type PopulationContext, STRESS } from "./settings.js";

/** A statement's repayment habit. */
export const HABIT = { none: 0, full: 1, statement: 2, minimum: 3, late: 4 } as const;

export interface Plan {
  index: number;
  persona: Persona;
  /** the account's key: every stream of this account starts from it */
  key: number;
  profile: Profile;
  /** the application to open Huabei */
  open: { day: number; amount: Fen };
  /** purchases the customer would make, by day: amount (fen) and `keep`, a uniform number (a purchase
   *  is made when it is below the spending factor: spending less keeps the same purchases' subset) */
  purchases: { day: number[]; amount: number[]; keep: number[] };
  /** the habit for the k-th statement of the calendar, and its days (before the due day for an on-time
   *  repayment, after it for a late one) */
  habit: Uint8Array;
  habitDays: Int16Array;
  /** events that come whatever the lender decides, in day order */
  planned: ScenarioEvent[];
  /** spells of hardship: [start, end) day pairs */
  hardship: number[];
  jiebeiOpen: { day: number; amount: Fen } | null;
  borrows: { day: number[]; amount: number[]; term: LoanTerm[] };
}

const FIELDS: readonly ProfileField[] = ["phone", "address", "device", "bankcard"];
const MAX_BURST = 1000;
// A log-normal draw has no upper bound: drawn amounts stop at what a scenario file accepts, so that every
// account exports as a file that loads.
const capYuan = (yuan: number) => Math.min(MAX_YUAN, yuan);
export const yuanToWholeFen = (yuan: number, min = 1): Fen => Math.max(min, Math.round(capYuan(yuan))) * 100;
const yuanToFen2 = (yuan: number): Fen => Math.max(100, Math.round(capYuan(yuan) * 100));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The stream of one purpose (and period) of an account. */
function streamOf(rng: Stream, key: number, purpose: number, period = 0): Random {
  rng.at(keyOf(keyOf(key, purpose), period));
  return rng.random;
}

/** The account's key: (seed, persona, index). */
export const accountKey = (seed: number, persona: string, index: number): number =>
  keyOf(keyOf(keyOf(0, seed), textKey(persona)), index);

export function makePlan(ctx: PopulationContext, persona: Persona, index: number, rng = new Stream()): Plan {
  const { until } = ctx;
  const key = accountKey(ctx.settings.seed, persona.name, index);
  const profile = drawProfile(streamOf(rng, key, PURPOSE.profile), persona.profile);
  const o = streamOf(rng, key, PURPOSE.open);
  const open = {
    day: clamp(drawInt(o, persona.open.day), 0, until),
    amount: Math.max(1, Math.round(capYuan(draw(o, persona.open.amount)) / 100)) * 10000,
  };
  const planned: ScenarioEvent[] = [];
  if (persona.increases) {
    const r = streamOf(rng, key, PURPOSE.increases);
    for (const day of activityDays(r, ctx, persona.increases, 1))
      planned.push({
        index: 0,
        day,
        type: "apply",
        line: "huabei",
        product: "increase",
        amount: yuanToWholeFen(draw(r, persona.increases.amount), 100),
      });
  }
  if (persona.externalInquiries) {
    const r = streamOf(rng, key, PURPOSE.inquiries);
    for (const day of activityDays(r, ctx, persona.externalInquiries, 0))
      planned.push({ index: 0, day, type: "external_inquiry" });
  }
  if (persona.externalDebt) {
    const r = streamOf(rng, key, PURPOSE.debt);
    for (let n = poisson(r, persona.externalDebt.perYear * ctx.years); n > 0; n--)
      planned.push({
        index: 0,
        day: uniformInt(r, 0, until),
        type: "external_debt",
        amount: yuanToWholeFen(draw(r, persona.externalDebt.amount)),
      });
  }
  if (persona.profileChanges)
    profileChanges(planned, streamOf(rng, key, PURPOSE.profileChanges), ctx, persona.profileChanges);
  if (persona.income)
    incomeChanges(planned, streamOf(rng, key, PURPOSE.income), ctx, persona.income, profile.monthlyIncome);
  if (persona.support) {
    const r = streamOf(rng, key, PURPOSE.support);
    for (let n = poisson(r, persona.support.contactPerYear * ctx.years); n > 0; n--)
      planned.push({ index: 0, day: uniformInt(r, 0, until), type: "contact_support" });
    for (let n = poisson(r, persona.support.requestReviewPerYear * ctx.years); n > 0; n--)
      planned.push({ index: 0, day: uniformInt(r, 0, until), type: "request_review", line: null });
  }
  // day order, the order drafted within a day (Array.prototype.sort is stable)
  planned.sort((a, b) => a.day - b.day);

  const hardship: number[] = [];
  if (persona.hardship) {
    const r = streamOf(rng, key, PURPOSE.hardship);
    for (let n = poisson(r, persona.hardship.perYear * ctx.years); n > 0; n--) {
      const start = uniformInt(r, 0, until);
      hardship.push(start, start + Math.max(1, Math.round(draw(r, persona.hardship.months) * 30)));
    }
  }
  const stress = ctx.settings.stress;
  if (stress && stress.day <= until)
    shock(planned, hardship, streamOf(rng, key, PURPOSE.stress), ctx, stress.day, persona, profile);
  let jiebeiOpen: Plan["jiebeiOpen"] = null;
  const borrows: Plan["borrows"] = { day: [], amount: [], term: [] };
  const j = persona.jiebei;
  if (j) {
    const r = streamOf(rng, key, PURPOSE.jiebeiOpen);
    if (r() < j.open.p)
      jiebeiOpen = {
        day: clamp(drawInt(r, j.open.day), 0, until),
        amount: Math.max(1, Math.round(capYuan(draw(r, j.open.amount)) / 100)) * 10000,
      };
    if (jiebeiOpen && j.borrow) {
      const b = streamOf(rng, key, PURPOSE.borrow);
      const drafts: Array<{ day: number; amount: number; term: LoanTerm }> = [];
      for (let n = poisson(b, j.borrow.perYear * ctx.years); n > 0; n--) {
        const day = uniformInt(b, 0, until);
        const amount = yuanToWholeFen(draw(b, j.borrow.amount), 100);
        const u = b();
        const t = j.borrow.terms;
        const term: LoanTerm = u < (t[3] ?? 0) ? 3 : u < (t[3] ?? 0) + (t[6] ?? 0) ? 6 : 12;
        drafts.push({ day, amount, term });
      }
      drafts.sort((a, c) => a.day - c.day);
      for (const d of drafts) {
        borrows.day.push(d.day);
        borrows.amount.push(d.amount);
        borrows.term.push(d.term);
      }
    }
  }
  return {
    index,
    persona,
    key,
    profile,
    open,
    purchases: purchases(rng, key, ctx, persona.spending),
    ...habits(rng, key, ctx, persona.repayment),
    planned,
    hardship,
    jiebeiOpen,
    borrows,
  };
}

function drawProfile(rng: Random, pr: Persona["profile"]): Profile {
  return {
    age: clamp(drawInt(rng, pr.age), 18, 100),
    monthlyIncome: Math.max(0, Math.round(capYuan(draw(rng, pr.monthlyIncome)))),
    verified: rng() < pr.verified,
    creditHistoryMonths: clamp(drawInt(rng, pr.creditHistoryMonths), 0, 1200),
    externalDebt: Math.max(0, Math.round(capYuan(draw(rng, pr.externalDebt)))) * 100,
  };
}

/** A Poisson count of purchases per 30-day block (a stream per block), spread uniformly within it. */
function purchases(
  rng: Stream,
  key: number,
  ctx: PopulationContext,
  sp: Persona["spending"],
): Plan["purchases"] {
  const out: Plan["purchases"] = { day: [], amount: [], keep: [] };
  const { day: days, amount: amounts, keep: keeps } = out;
  for (let m = 0; m * 30 <= ctx.until; m++) {
    const from = m * 30;
    const to = Math.min(from + 29, ctx.until);
    const r = streamOf(rng, key, PURPOSE.spend, m);
    const first = days.length;
    for (let n = poisson(r, (sp.perMonth * (to - from + 1)) / 30); n > 0; n--) {
      const day = uniformInt(r, from, to);
      const amount = yuanToFen2(draw(r, sp.amount));
      const keep = r();
      // into day order within the block as drawn, ties in draw order (a stable insertion sort: the
      // block is a handful of purchases, and no object is made per purchase)
      let at = days.length;
      days.push(day);
      amounts.push(amount);
      keeps.push(keep);
      while (at > first && days[at - 1]! > day) {
        days[at] = days[at - 1]!;
        amounts[at] = amounts[at - 1]!;
        keeps[at] = keeps[at - 1]!;
        at--;
      }
      days[at] = day;
      amounts[at] = amount;
      keeps[at] = keep;
    }
  }
  return out;
}

/** One repayment habit per statement of the calendar (a stream per statement). */
function habits(
  rng: Stream,
  key: number,
  ctx: PopulationContext,
  r: Persona["repayment"],
): { habit: Uint8Array; habitDays: Int16Array } {
  // at most one statement a month: the horizon's months, and one to spare
  const count = Math.ceil((ctx.until + 1) / 28) + 1;
  const habit = new Uint8Array(count);
  const habitDays = new Int16Array(count);
  for (let k = 0; k < count; k++) {
    const s = streamOf(rng, key, PURPOSE.repay, k);
    const u = s();
    let h: number = HABIT.none;
    let days = 0;
    if (u < r.full) h = HABIT.full;
    else if (u < r.full + r.statement) h = HABIT.statement;
    else if (u < r.full + r.statement + r.minimum) h = HABIT.minimum;
    else if (r.late && u < r.full + r.statement + r.minimum + r.late.p) h = HABIT.late;
    if (h === HABIT.late && r.late) days = Math.max(1, drawInt(s, r.late.days));
    else if (h !== HABIT.none) days = Math.max(0, drawInt(s, r.daysBeforeDue));
    habit[k] = h;
    habitDays[k] = Math.min(days, 30_000);
  }
  return { habit, habitDays };
}

/**
 * The stress scenario's shock for one account (settings.ts STRESS): hit or not, when, for how long — a
 * spell of hardship with income cut meanwhile, restored at its end to what it would have been. Every
 * number drawn whether hit or not, so the stream's use does not depend on the outcome.
 */
function shock(
  planned: ScenarioEvent[],
  hardship: number[],
  rng: Random,
  ctx: PopulationContext,
  day: number,
  persona: Persona,
  profile: Profile,
): void {
  const share = Math.min(1, STRESS.baseShare + STRESS.fragility * (persona.hardship?.perYear ?? 0));
  const hit = rng() < share;
  const start = day + uniformInt(rng, 0, STRESS.within);
  const end = start + Math.max(1, Math.round(draw(rng, STRESS.months) * 30));
  const cut = draw(rng, STRESS.incomeCut);
  if (!hit || start > ctx.until) return;
  hardship.push(start, end);
  // the income the plan gives on a day: the last income change before it, or the profile's
  const incomeOn = (d: number) => {
    let income = profile.monthlyIncome;
    for (const e of planned) if (e.type === "income" && e.day <= d) income = e.monthlyIncome;
    return income;
  };
  const before = incomeOn(start);
  const after = incomeOn(end);
  planned.push({
    index: 0,
    day: start,
    type: "income",
    monthlyIncome: Math.max(0, Math.round(before * (1 - cut))),
  });
  if (end <= ctx.until) planned.push({ index: 0, day: end, type: "income", monthlyIncome: after });
  planned.sort((a, b) => a.day - b.day);
}

/** Changes of bound details, bursts included; some bursts end with the customer verifying identity. */
function profileChanges(
  planned: ScenarioEvent[],
  rng: Random,
  ctx: PopulationContext,
  pc: NonNullable<Persona["profileChanges"]>,
): void {
  const bursts: number[] = [];
  for (const day of activityDays(rng, ctx, pc, 0, bursts))
    planned.push({
      index: 0,
      day,
      type: "change_profile",
      field: FIELDS[Math.floor(rng() * FIELDS.length)]!,
    });
  for (const end of bursts) {
    if (rng() >= pc.verifyAfterBurst) continue;
    const day = end + Math.max(0, drawInt(rng, pc.verifyDelay));
    if (day <= ctx.until) planned.push({ index: 0, day, type: "verify_identity" });
  }
}

function incomeChanges(
  planned: ScenarioEvent[],
  rng: Random,
  ctx: PopulationContext,
  ic: NonNullable<Persona["income"]>,
  startIncome: number,
): void {
  const n = poisson(rng, ic.perYear * ctx.years);
  const days = Array.from({ length: n }, () => uniformInt(rng, 1, ctx.until)).sort((a, b) => a - b);
  let income = startIncome;
  for (const day of days) {
    income = Math.max(0, Math.round(capYuan(income * (1 + draw(rng, ic.change)))));
    planned.push({ index: 0, day, type: "income", monthlyIncome: income });
  }
}

/** Days of a Poisson activity (per month) plus its bursts; `burstEnds` collects each burst's last day. */
function activityDays(
  rng: Random,
  ctx: PopulationContext,
  a: { perMonth: number; bursts?: { perYear: number; count: Dist; withinDays: number } | undefined },
  from: number,
  burstEnds?: number[],
): number[] {
  const { until, years } = ctx;
  if (from > until) return [];
  const days: number[] = [];
  const n = poisson(rng, (a.perMonth * (until - from + 1)) / 30);
  for (let i = 0; i < n; i++) days.push(uniformInt(rng, from, until));
  if (a.bursts) {
    const b = a.bursts;
    for (let k = poisson(rng, b.perYear * years); k > 0; k--) {
      const start = uniformInt(rng, from, until);
      const count = clamp(drawInt(rng, b.count), 1, MAX_BURST);
      let end = start;
      for (let i = 0; i < count; i++) {
        const day = Math.min(until, start + Math.floor(rng() * b.withinDays));
        days.push(day);
        end = Math.max(end, day);
      }
      burstEnds?.push(end);
    }
  }
  return days;
}

/**
 * About how many events one account of `persona` holds over `days` days: the Poisson means of every
 * section, bursts counted at their largest, reactions allowed for. What a worker's heap must make room
 * for (parallel.ts).
 */
export function expectedEvents(persona: Persona, days: number): number {
  const months = days / 30;
  const years = days / 365;
  const activity = (a: { perMonth: number; bursts?: { perYear: number; count: Dist } | undefined }) =>
    a.perMonth * months +
    (a.bursts ? a.bursts.perYear * years * Math.min(MAX_BURST, high(a.bursts.count)) : 0);
  const { increases, externalInquiries, externalDebt, profileChanges, income, support, jiebei } = persona;
  const applications = 1 + (increases ? activity(increases) : 0) + (jiebei ? 1 : 0);
  const planned =
    1 +
    persona.spending.perMonth * months +
    months + // one repayment a statement
    (increases ? activity(increases) : 0) +
    (externalInquiries ? activity(externalInquiries) : 0) +
    (externalDebt ? externalDebt.perYear * years : 0) +
    (profileChanges ? activity(profileChanges) * 2 : 0) + // a verification may follow each burst
    (income ? income.perYear * years : 0) +
    (support ? (support.contactPerYear + support.requestReviewPerYear) * years : 0) +
    (jiebei ? 1 + (jiebei.borrow ? jiebei.borrow.perYear * years * 13 : 0) : 0);
  // reactions: to each declined application (elsewhere, one retry), and a few per suspension
  const declined = persona.reactions?.declined;
  const p = (r: number | { p: number } | undefined) =>
    r === undefined ? 0 : typeof r === "number" ? r : r.p;
  return planned * 1.5 + applications * (p(declined?.elsewhere) + p(declined?.retry));
}

/** The high end of a distribution: its maximum, or two spreads above a log-normal's median. */
function high(d: Dist): number {
  if (typeof d === "number") return d;
  if ("median" in d) return Math.min(d.max ?? Number.POSITIVE_INFINITY, d.median * Math.exp(2 * d.sigma));
  return d.max;
}

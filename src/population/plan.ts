// An account's plan: everything about a customer that does not depend on the lender, drawn once from
// (seed, persona, account) — the profile, the purchases they would make, their repayment habit for each
// statement, the applications, debts, income changes and profile changes that come whatever the lender
// does, spells of hardship, cash they would borrow. The agent (agent.ts) acts on the plan day by day and
// adds what does depend on the lender: its reactions. Each section draws from its own keyed stream
// (random.ts), so the plan is the same under every policy arm. Pure.

import type { Fen, InstalmentTerm, LoanTerm, Profile, ProfileField, ScenarioEvent } from "../engine/index.js";
import { MAX_YUAN } from "../scenario/schema.js";
import { MAX_BURST } from "./expected-events.js";
import type { Persona } from "./persona.js";
import type { Dist } from "./persona-schema.js";
import {
  draw,
  drawInt,
  keyOf,
  PURPOSE,
  poisson,
  type Random,
  Sampler,
  Stream,
  textKey,
  uniformInt,
} from "./random.js";
import { HARDSHIP_BURDEN, type PopulationContext, STRESS } from "./settings.js";

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
  /** purchases the customer would make, by day: amount (fen), `keep`, a uniform number (a purchase
   *  is made when it is below the spending factor: spending less keeps the same purchases' subset), and
   *  the instalment term it is split into (0: paid at once) */
  purchases: { day: number[]; amount: number[]; keep: number[]; term: number[] };
  /** the habit for the k-th statement of the calendar, and its days (before the due day for an on-time
   *  repayment, after it for a late one) */
  habit: Uint8Array;
  habitDays: Int16Array;
  /** events that come whatever the lender decides, in day order */
  planned: ScenarioEvent[];
  /** spells of hardship that may come: [start, end) days and a uniform number u, three numbers a spell;
   *  one is real when u × HARDSHIP_BURDEN.cap is below the account's weight then (agent.ts). A shock's
   *  spell has u = −1: real whatever the burden. */
  hardship: number[];
  /** the persona's typical debt-to-income ratio (its median external debt over its median yearly income):
   *  the burden at which a spell comes at the persona's own rate */
  typicalDti: number;
  jiebeiOpen: { day: number; amount: Fen } | null;
  borrows: { day: number[]; amount: number[]; term: LoanTerm[] };
}

const FIELDS: readonly ProfileField[] = ["phone", "address", "device", "bankcard"];
// A log-normal draw has no upper bound: drawn amounts stop at what a scenario file accepts, so that every
// account exports as a file that loads.
const capYuan = (yuan: number) => Math.min(MAX_YUAN, yuan);
const yuanToWholeFen = (yuan: number, min = 1): Fen => Math.max(min, Math.round(capYuan(yuan))) * 100;
/** A limit asked for (an opening's, an increase's), in fen: the drawn yuan to the nearest whole hundred, at
 *  least ¥100 — limits are whole hundreds of yuan, as a scenario file must ask them. */
const limitAskFen = (yuan: number): Fen => Math.max(1, Math.round(capYuan(yuan) / 100)) * 10_000;
const yuanToFen2 = (yuan: number): Fen => Math.max(100, Math.round(capYuan(yuan) * 100));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The stream of one purpose (and period) of an account. */
function streamOf(rng: Stream, key: number, purpose: number, period = 0): Random {
  rng.at(keyOf(keyOf(key, purpose), period));
  return rng.random;
}

/** Days a section draws at a time, each block from a stream of its own (the block is its period). */
const BLOCK = 365;

/**
 * A section drawn block by block — every block whole, the one the horizon ends in too — and kept within
 * the horizon by the caller: what is drawn never depends on where the horizon ends, so a run of N days is
 * the first N days of a longer one with the same seed (common random numbers across horizons). Pulling a
 * day drawn past the horizon back onto it would pile a year's events onto a short run's last day.
 */
function eachBlock(
  rng: Stream,
  key: number,
  purpose: number,
  until: number,
  fn: (r: Random, from: number, to: number) => void,
): void {
  for (let b = 0; b * BLOCK <= until; b++)
    fn(streamOf(rng, key, purpose, b), b * BLOCK, b * BLOCK + BLOCK - 1);
}

/** Years in the days from..to. */
const yearsOf = (from: number, to: number) => (to - from + 1) / 365;

/** The account's key: (seed, persona, index). */
const accountKey = (seed: number, persona: string, index: number): number =>
  keyOf(keyOf(keyOf(0, seed), textKey(persona)), index);

export function makePlan(ctx: PopulationContext, persona: Persona, index: number, rng = new Stream()): Plan {
  const { until } = ctx;
  const key = accountKey(ctx.settings.seed, persona.name, index);
  const profile = drawProfile(streamOf(rng, key, PURPOSE.profile), persona.profile);
  const o = streamOf(rng, key, PURPOSE.open);
  // an opening drawn past the horizon does not happen within it: the agent never reaches its day
  const open = {
    day: Math.max(0, drawInt(o, persona.open.day)),
    amount: limitAskFen(draw(o, persona.open.amount)),
  };
  const planned: ScenarioEvent[] = [];
  const increases = persona.increases;
  if (increases)
    eachBlock(rng, key, PURPOSE.increases, until, (r, from, to) => {
      for (const day of activityDays(r, Math.max(1, from), to, increases)) {
        const amount = limitAskFen(draw(r, increases.amount));
        if (day <= until)
          planned.push({ index: 0, day, type: "apply", line: "huabei", product: "increase", amount });
      }
    });
  const inquiries = persona.externalInquiries;
  if (inquiries)
    eachBlock(rng, key, PURPOSE.inquiries, until, (r, from, to) => {
      for (const day of activityDays(r, from, to, inquiries))
        if (day <= until) planned.push({ index: 0, day, type: "external_inquiry" });
    });
  const debt = persona.externalDebt;
  if (debt)
    eachBlock(rng, key, PURPOSE.debt, until, (r, from, to) => {
      for (let n = poisson(r, debt.perYear * yearsOf(from, to)); n > 0; n--) {
        const day = uniformInt(r, from, to);
        const amount = yuanToWholeFen(draw(r, debt.amount));
        if (day <= until) planned.push({ index: 0, day, type: "external_debt", amount });
      }
    });
  if (persona.profileChanges) profileChanges(planned, rng, key, until, persona.profileChanges);
  if (persona.income) incomeChanges(planned, rng, key, until, persona.income, profile.monthlyIncome);
  const support = persona.support;
  if (support)
    eachBlock(rng, key, PURPOSE.support, until, (r, from, to) => {
      for (let n = poisson(r, support.contactPerYear * yearsOf(from, to)); n > 0; n--) {
        const day = uniformInt(r, from, to);
        if (day <= until) planned.push({ index: 0, day, type: "contact_support" });
      }
      for (let n = poisson(r, support.requestReviewPerYear * yearsOf(from, to)); n > 0; n--) {
        const day = uniformInt(r, from, to);
        if (day <= until) planned.push({ index: 0, day, type: "request_review", line: null });
      }
    });
  // day order, the order drafted within a day (Array.prototype.sort is stable)
  planned.sort((a, b) => a.day - b.day);

  const hardship: number[] = [];
  const spells = persona.hardship;
  if (spells)
    eachBlock(rng, key, PURPOSE.hardship, until, (r, from, to) => {
      for (let n = poisson(r, spells.perYear * HARDSHIP_BURDEN.cap * yearsOf(from, to)); n > 0; n--) {
        const start = uniformInt(r, from, to);
        const end = start + Math.max(1, Math.round(draw(r, spells.months) * 30));
        const u = r();
        if (start <= until) hardship.push(start, end, u);
      }
    });
  const stress = ctx.settings.stress;
  if (stress && stress.day <= until)
    shock(planned, hardship, streamOf(rng, key, PURPOSE.stress), ctx, stress.day, persona, profile);
  let jiebeiOpen: Plan["jiebeiOpen"] = null;
  const borrows: Plan["borrows"] = { day: [], amount: [], term: [] };
  const j = persona.jiebei;
  if (j) {
    const r = streamOf(rng, key, PURPOSE.jiebeiOpen);
    if (r() < j.open.p) {
      const day = Math.max(0, drawInt(r, j.open.day));
      const amount = limitAskFen(draw(r, j.open.amount));
      if (day <= until) jiebeiOpen = { day, amount };
    }
    const borrow = j.borrow;
    if (jiebeiOpen && borrow) {
      const drafts: Array<{ day: number; amount: number; term: LoanTerm }> = [];
      eachBlock(rng, key, PURPOSE.borrow, until, (b, from, to) => {
        for (let n = poisson(b, borrow.perYear * yearsOf(from, to)); n > 0; n--) {
          const day = uniformInt(b, from, to);
          const amount = yuanToWholeFen(draw(b, borrow.amount), 100);
          const u = b();
          const t = borrow.terms;
          const term: LoanTerm = u < (t[3] ?? 0) ? 3 : u < (t[3] ?? 0) + (t[6] ?? 0) ? 6 : 12;
          if (day <= until) drafts.push({ day, amount, term });
        }
      });
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
    typicalDti:
      typical(persona.profile.externalDebt) / (12 * Math.max(1, typical(persona.profile.monthlyIncome))),
    jiebeiOpen,
    borrows,
  };
}

/** A distribution's typical value: a log-normal's median, a uniform's middle, a constant itself. */
const typical = (d: Dist): number =>
  typeof d === "number" ? d : "median" in d ? d.median : (d.min + d.max) / 2;

function drawProfile(rng: Random, pr: Persona["profile"]): Profile {
  return {
    age: clamp(drawInt(rng, pr.age), 18, 100),
    monthlyIncome: Math.max(0, Math.round(capYuan(draw(rng, pr.monthlyIncome)))),
    verified: rng() < pr.verified,
    creditHistoryMonths: clamp(drawInt(rng, pr.creditHistoryMonths), 0, 1200),
    externalDebt: Math.max(0, Math.round(capYuan(draw(rng, pr.externalDebt)))) * 100,
  };
}

/** A Poisson count of purchases per 30-day block (a stream per block), spread uniformly within it; the
 *  block the horizon ends in is drawn whole, and its days past the horizon dropped (eachBlock). */
function purchases(
  rng: Stream,
  key: number,
  ctx: PopulationContext,
  sp: Persona["spending"],
): Plan["purchases"] {
  const out: Plan["purchases"] = { day: [], amount: [], keep: [], term: [] };
  const { day: days, amount: amounts, keep: keeps, term: terms } = out;
  const split = sp.instalments;
  const amountOf = new Sampler(sp.amount);
  for (let m = 0; m * 30 <= ctx.until; m++) {
    const from = m * 30;
    const r = streamOf(rng, key, PURPOSE.spend, m);
    // a stream of their own: splitting purchases moves none of the spending draws (common random numbers
    // with a persona that never splits)
    const s = split ? INSTALMENTS.at(keyOf(keyOf(key, PURPOSE.instalments), m)).random : null;
    const first = days.length;
    for (let n = poisson(r, sp.perMonth); n > 0; n--) {
      const day = uniformInt(r, from, from + 29);
      const amount = yuanToFen2(amountOf.draw(r));
      const keep = r();
      const term = split && s ? instalmentTerm(s, split, amount) : 0;
      if (day > ctx.until) continue;
      // into day order within the block as drawn, ties in draw order (a stable insertion sort: the
      // block is a handful of purchases, and no object is made per purchase)
      let at = days.length;
      days.push(day);
      amounts.push(amount);
      keeps.push(keep);
      terms.push(term);
      while (at > first && days[at - 1]! > day) {
        days[at] = days[at - 1]!;
        amounts[at] = amounts[at - 1]!;
        keeps[at] = keeps[at - 1]!;
        terms[at] = terms[at - 1]!;
        at--;
      }
      days[at] = day;
      amounts[at] = amount;
      keeps[at] = keep;
      terms[at] = term;
    }
  }
  return out;
}

const INSTALMENTS = new Stream();

/** The term a purchase is split into, 0 for none: two draws whatever the amount, so the next purchase's
 *  draws do not depend on this one's. */
function instalmentTerm(
  s: Random,
  split: NonNullable<Persona["spending"]["instalments"]>,
  amount: Fen,
): InstalmentTerm | 0 {
  const u = s();
  const v = s();
  if (u >= split.share || amount < split.minAmount * 100) return 0;
  const t = split.terms;
  let acc = 0;
  for (const term of [3, 6, 9] as const) {
    acc += t[term] ?? 0;
    if (v < acc) return term;
  }
  return 12;
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
  const before = new Sampler(r.daysBeforeDue);
  const late = r.late ? new Sampler(r.late.days) : null;
  for (let k = 0; k < count; k++) {
    const s = streamOf(rng, key, PURPOSE.repay, k);
    const u = s();
    let h: number = HABIT.none;
    let days = 0;
    if (u < r.full) h = HABIT.full;
    else if (u < r.full + r.statement) h = HABIT.statement;
    else if (u < r.full + r.statement + r.minimum) h = HABIT.minimum;
    else if (r.late && u < r.full + r.statement + r.minimum + r.late.p) h = HABIT.late;
    if (h === HABIT.late && late) days = Math.max(1, Math.round(late.draw(s)));
    else if (h !== HABIT.none) days = Math.max(0, Math.round(before.draw(s)));
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
  hardship.push(start, end, -1);
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
  rng: Stream,
  key: number,
  until: number,
  pc: NonNullable<Persona["profileChanges"]>,
): void {
  eachBlock(rng, key, PURPOSE.profileChanges, until, (r, from, to) => {
    const bursts: number[] = [];
    for (const day of activityDays(r, from, to, pc, bursts)) {
      const field = FIELDS[Math.floor(r() * FIELDS.length)]!;
      if (day <= until) planned.push({ index: 0, day, type: "change_profile", field });
    }
    for (const end of bursts) {
      if (r() >= pc.verifyAfterBurst) continue;
      const day = end + Math.max(0, drawInt(r, pc.verifyDelay));
      if (day <= until) planned.push({ index: 0, day, type: "verify_identity" });
    }
  });
}

function incomeChanges(
  planned: ScenarioEvent[],
  rng: Stream,
  key: number,
  until: number,
  ic: NonNullable<Persona["income"]>,
  startIncome: number,
): void {
  let income = startIncome;
  eachBlock(rng, key, PURPOSE.income, until, (r, from, to) => {
    const lo = Math.max(1, from);
    const n = poisson(r, ic.perYear * yearsOf(lo, to));
    const days = Array.from({ length: n }, () => uniformInt(r, lo, to)).sort((a, b) => a - b);
    for (const day of days) {
      if (day > until) return;
      income = Math.max(0, Math.round(capYuan(income * (1 + draw(r, ic.change)))));
      planned.push({ index: 0, day, type: "income", monthlyIncome: income });
    }
  });
}

/** Days of a Poisson activity (per month) plus its bursts within from..to, in draw order, some perhaps
 *  past the horizon (the caller drops them); `burstEnds` collects each burst's last day. */
function activityDays(
  rng: Random,
  from: number,
  to: number,
  a: { perMonth: number; bursts?: { perYear: number; count: Dist; withinDays: number } | undefined },
  burstEnds?: number[],
): number[] {
  const days: number[] = [];
  const n = poisson(rng, (a.perMonth * (to - from + 1)) / 30);
  for (let i = 0; i < n; i++) days.push(uniformInt(rng, from, to));
  if (a.bursts) {
    const b = a.bursts;
    for (let k = poisson(rng, b.perYear * yearsOf(from, to)); k > 0; k--) {
      const start = uniformInt(rng, from, to);
      const count = clamp(drawInt(rng, b.count), 1, MAX_BURST);
      let end = start;
      for (let i = 0; i < count; i++) {
        const day = start + Math.floor(rng() * b.withinDays);
        days.push(day);
        end = Math.max(end, day);
      }
      burstEnds?.push(end);
    }
  }
  return days;
}

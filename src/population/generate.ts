// Persona + seed + account index → an engine Scenario, directly (no YAML on the hot path). Pure: the
// random source comes in as a value (random.ts), the calendar is the engine's, nothing is read or written.

import type {
  Fen,
  Policy,
  PolicyParams,
  Profile,
  ProfileField,
  RepayAmount,
  Scenario,
  ScenarioEvent,
} from "../engine/index.js";
import { Calendar } from "../engine/index.js";
import { MAX_YUAN } from "../scenario/schema.js";
import { sampleDays } from "./aggregate.js";
import type { Persona } from "./persona.js";
import type { Dist } from "./persona-schema.js";
import { accountRandom, draw, drawInt, poisson, type Random, uniformInt } from "./random.js";

/** What every account of a population shares: the seed, the horizon and the policies. */
export interface PopulationSettings {
  seed: number;
  /** simulated days: day 0 … days − 1 */
  days: number;
  /** ISO date of day 0 */
  start: string;
  policy: Policy;
  /** the challenger policy, for champion/challenger runs */
  challenger: Policy | null;
  /** the challenger takes over on this day (a `policy` event); 0 = the accounts start under it */
  challengerFrom: number;
  /** parameters the challenger sets on top of its policy (`--challenger-set minScore=650`) */
  challengerSet?: Partial<PolicyParams>;
}

/** Calendar facts shared by every account of a population (computed once). */
export interface GenerationContext {
  settings: PopulationSettings;
  until: number;
  /** the horizon in years (Poisson rates per year scale by it) */
  years: number;
  /** statement days after day 0, with the due day of each */
  cycles: ReadonlyArray<{ statement: number; due: number }>;
  /** first day of each 30-day month block */
  months: readonly number[];
  /** the days the population samples the score on */
  samples: readonly number[];
}

export function generationContext(settings: PopulationSettings): GenerationContext {
  const cal = new Calendar(settings.start);
  const until = settings.days - 1;
  const p = settings.policy;
  const cycles: Array<{ statement: number; due: number }> = [];
  for (let s = cal.nextDayOfMonth(0, p.statementDayOfMonth); s <= until; ) {
    cycles.push({ statement: s, due: cal.nextDayOfMonth(s, p.dueDayOfMonth) });
    s = cal.nextDayOfMonth(s, p.statementDayOfMonth);
  }
  const months: number[] = [];
  for (let d = 0; d <= until; d += 30) months.push(d);
  return { settings, until, years: (until + 1) / 365, cycles, months, samples: sampleDays(until) };
}

const FIELDS: readonly ProfileField[] = ["phone", "address", "device", "bankcard"];
/** events are drafted with index 0 and numbered once sorted */
type Draft = ScenarioEvent;

// A log-normal draw has no upper bound: drawn amounts stop at what a scenario file accepts, so that every
// generated account exports as a file that loads.
const capYuan = (yuan: number) => Math.min(MAX_YUAN, yuan);
const yuanToWholeFen = (yuan: number, min = 1): Fen => Math.max(min, Math.round(capYuan(yuan))) * 100;
const yuanToFen2 = (yuan: number): Fen => Math.max(100, Math.round(capYuan(yuan) * 100));
/** A burst of more events than this is not behaviour but a typo in a persona file. */
const MAX_BURST = 1000;

/** The champion scenario of account `index` of `persona`. */
export function generateAccount(ctx: GenerationContext, persona: Persona, index: number): Scenario {
  return generateScenario(ctx, persona, index, accountRandom(ctx.settings.seed, persona.name, index));
}

/** The same account under the challenger: the same events, another policy. A challenger from day 0
 *  without overrides is the scenario's policy; otherwise a `policy` event switches to it (and/or sets
 *  `challengerSet`) on `challengerFrom`, before that day's own events — what a written file would say. */
export function challengerScenario(ctx: GenerationContext, champion: Scenario): Scenario {
  const { challenger, challengerFrom, challengerSet } = ctx.settings;
  if (!challenger) throw new Error("no challenger policy");
  const overrides = challengerSet ?? {};
  const hasSet = Object.keys(overrides).length > 0;
  if (challengerFrom <= 0 && !hasSet) return { ...champion, policy: challenger };
  const switchEvent: ScenarioEvent = {
    day: challengerFrom,
    index: 0,
    type: "policy",
    use: challenger === champion.policy ? null : challenger,
    set: overrides,
  };
  const events = [...champion.events];
  let at = events.length;
  while (at > 0 && events[at - 1]!.day >= challengerFrom) at--;
  events.splice(at, 0, switchEvent);
  // file order = engine order, as in a written file
  return { ...champion, events: events.map((e, index) => (e.index === index ? e : { ...e, index })) };
}

function generateScenario(ctx: GenerationContext, persona: Persona, index: number, rng: Random): Scenario {
  const { until, settings } = ctx;
  // the sections draw in a fixed order: an account's timeline depends on (seed, persona, index) only
  const profile = drawProfile(rng, persona.profile);
  const drafts: Draft[] = [];
  const openDay = clamp(drawInt(rng, persona.open.day), 0, until);
  drafts.push({
    index: 0,
    day: openDay,
    type: "apply",
    line: "huabei",
    product: "open",
    amount: Math.max(1, Math.round(capYuan(draw(rng, persona.open.amount)) / 100)) * 10000,
  });
  spending(drafts, rng, ctx, persona.spending, openDay);
  repayments(drafts, rng, ctx, persona.repayment, openDay);
  if (persona.increases) increases(drafts, rng, ctx, persona.increases, openDay);
  if (persona.externalInquiries) {
    for (const day of activityDays(rng, ctx, persona.externalInquiries, 0)) {
      drafts.push({ index: 0, day, type: "external_inquiry" });
    }
  }
  if (persona.externalDebt) externalDebt(drafts, rng, ctx, persona.externalDebt);
  if (persona.profileChanges) profileChanges(drafts, rng, ctx, persona.profileChanges);
  if (persona.income) incomeChanges(drafts, rng, ctx, persona.income, profile.monthlyIncome);
  if (persona.support) supportRequests(drafts, rng, ctx, persona.support, openDay);

  // file order = day order (stable): what the written export lists, so indices round-trip
  // (Array.prototype.sort is stable: same-day events keep the order they were drafted in)
  drafts.sort(byDay);
  for (let i = 0; i < drafts.length; i++) drafts[i]!.index = i;
  return {
    name: `${persona.name}-${index}`,
    description: `account ${index} of persona ${persona.name} (seed ${settings.seed})`,
    start: settings.start,
    until,
    seed: settings.seed,
    policy: settings.policy,
    profile,
    events: drafts,
    // the score is sampled on these days (aggregate.ts): the engine snapshots observed days only
    observe: ctx.samples,
  };
}

// Each section below drafts one kind of behaviour into `drafts`; `generateScenario` calls them in a
// fixed order, which is the order of the random draws.

function drawProfile(rng: Random, pr: Persona["profile"]): Profile {
  return {
    age: clamp(drawInt(rng, pr.age), 18, 100),
    monthlyIncome: Math.max(0, Math.round(capYuan(draw(rng, pr.monthlyIncome)))),
    verified: rng() < pr.verified,
    creditHistoryMonths: clamp(drawInt(rng, pr.creditHistoryMonths), 0, 1200),
    externalDebt: Math.max(0, Math.round(capYuan(draw(rng, pr.externalDebt)))) * 100,
  };
}

/** A Poisson count of purchases per 30-day block, spread uniformly within it. */
function spending(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  sp: Persona["spending"],
  openDay: number,
): void {
  for (const m of ctx.months) {
    const from = Math.max(m, openDay + 1);
    const to = Math.min(m + 29, ctx.until);
    if (from > to) continue;
    const n = poisson(rng, (sp.perMonth * (to - from + 1)) / 30);
    for (let i = 0; i < n; i++) {
      drafts.push({
        index: 0,
        day: uniformInt(rng, from, to),
        type: "purchase",
        amount: yuanToFen2(draw(rng, sp.amount)),
        merchant: null,
        instalments: null,
      });
    }
  }
}

/** One repayment habit drawn per statement. */
function repayments(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  r: Persona["repayment"],
  openDay: number,
): void {
  for (const { statement, due } of ctx.cycles) {
    if (statement <= openDay) continue;
    const u = rng();
    let day = -1;
    let amount: RepayAmount | null = null;
    const onTime = () => Math.max(statement + 1, due - Math.max(0, drawInt(rng, r.daysBeforeDue)));
    if (u < r.full) [day, amount] = [onTime(), { kind: "full" }];
    else if (u < r.full + r.statement) [day, amount] = [onTime(), { kind: "statement" }];
    else if (u < r.full + r.statement + r.minimum) [day, amount] = [onTime(), { kind: "minimum" }];
    else if (r.late && u < r.full + r.statement + r.minimum + r.late.p)
      [day, amount] = [due + Math.max(1, drawInt(rng, r.late.days)), { kind: "full" }];
    if (amount !== null && day <= ctx.until)
      drafts.push({ index: 0, day, type: "repay", line: "huabei", amount });
  }
}

function increases(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  inc: NonNullable<Persona["increases"]>,
  openDay: number,
): void {
  for (const day of activityDays(rng, ctx, inc, openDay + 1)) {
    drafts.push({
      index: 0,
      day,
      type: "apply",
      line: "huabei",
      product: "increase",
      amount: yuanToWholeFen(draw(rng, inc.amount), 100),
    });
  }
}

function externalDebt(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  ed: NonNullable<Persona["externalDebt"]>,
): void {
  const n = poisson(rng, ed.perYear * ctx.years);
  for (let i = 0; i < n; i++) {
    drafts.push({
      index: 0,
      day: uniformInt(rng, 0, ctx.until),
      type: "external_debt",
      amount: yuanToWholeFen(draw(rng, ed.amount)),
    });
  }
}

/** Changes of bound details, bursts included; some bursts end with the customer verifying identity. */
function profileChanges(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  pc: NonNullable<Persona["profileChanges"]>,
): void {
  const bursts: number[] = [];
  for (const day of activityDays(rng, ctx, pc, 0, bursts)) {
    drafts.push({
      index: 0,
      day,
      type: "change_profile",
      field: FIELDS[Math.floor(rng() * FIELDS.length)]!,
    });
  }
  for (const end of bursts) {
    if (rng() >= pc.verifyAfterBurst) continue;
    const day = end + Math.max(0, drawInt(rng, pc.verifyDelay));
    if (day <= ctx.until) drafts.push({ index: 0, day, type: "verify_identity" });
  }
}

function incomeChanges(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  ic: NonNullable<Persona["income"]>,
  startIncome: number,
): void {
  const n = poisson(rng, ic.perYear * ctx.years);
  const days = Array.from({ length: n }, () => uniformInt(rng, 1, ctx.until)).sort((a, b) => a - b);
  let income = startIncome;
  for (const day of days) {
    income = Math.max(0, Math.round(capYuan(income * (1 + draw(rng, ic.change)))));
    drafts.push({ index: 0, day, type: "income", monthlyIncome: income });
  }
}

function supportRequests(
  drafts: Draft[],
  rng: Random,
  ctx: GenerationContext,
  s: NonNullable<Persona["support"]>,
  openDay: number,
): void {
  for (let i = poisson(rng, s.contactPerYear * ctx.years); i > 0; i--)
    drafts.push({ index: 0, day: uniformInt(rng, openDay, ctx.until), type: "contact_support" });
  for (let i = poisson(rng, s.requestReviewPerYear * ctx.years); i > 0; i--)
    drafts.push({ index: 0, day: uniformInt(rng, openDay, ctx.until), type: "request_review", line: null });
}

/**
 * About how many events one account of `persona` holds over `days` days: the Poisson means of every
 * section, bursts counted at their largest. What a worker's heap must make room for (parallel.ts).
 */
export function expectedEvents(persona: Persona, days: number): number {
  const months = days / 30;
  const years = days / 365;
  const activity = (a: { perMonth: number; bursts?: { perYear: number; count: Dist } | undefined }) =>
    a.perMonth * months +
    (a.bursts ? a.bursts.perYear * years * Math.min(MAX_BURST, high(a.bursts.count)) : 0);
  const { increases, externalInquiries, externalDebt, profileChanges, income, support } = persona;
  return (
    1 +
    persona.spending.perMonth * months +
    months + // one repayment a statement
    (increases ? activity(increases) : 0) +
    (externalInquiries ? activity(externalInquiries) : 0) +
    (externalDebt ? externalDebt.perYear * years : 0) +
    (profileChanges ? activity(profileChanges) * 2 : 0) + // a verification may follow each burst
    (income ? income.perYear * years : 0) +
    (support ? (support.contactPerYear + support.requestReviewPerYear) * years : 0)
  );
}

/** The high end of a distribution: its maximum, or two spreads above a log-normal's median. */
function high(d: Dist): number {
  if (typeof d === "number") return d;
  if ("median" in d) return Math.min(d.max ?? Number.POSITIVE_INFINITY, d.median * Math.exp(2 * d.sigma));
  return d.max;
}

/** Days of a Poisson activity (per month) plus its bursts; `burstEnds` collects each burst's last day. */
function activityDays(
  rng: Random,
  ctx: GenerationContext,
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

const byDay = (a: ScenarioEvent, b: ScenarioEvent) => a.day - b.day;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

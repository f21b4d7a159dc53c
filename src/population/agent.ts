// The customer as an agent (Mesa's agent `step`): each day it acts on its plan (plan.ts) and on what the
// lender decided so far — the state it can see of its own account (engine/view.ts) and the decisions it
// was told of (`observe`, after each step). Reactions come from the persona's `reactions`: after a
// decline, apply elsewhere or try again later for less; after a limit cut or a declined purchase, spend
// less for a while; after a suspension, stop buying on the line and perhaps contact customer service,
// repay, ask for a review, verify identity, or leave; after a restoration, resume or stay away; after a
// decision that names the debt burden, pay some of the debt elsewhere down. A reaction comes on a later
// day (the customer hears of the decision, then acts).
//
// The agent is plain data that `clone` copies: a lane of policies that decided alike shares one agent,
// and a lane split off takes a copy (account.ts). Every draw is keyed (random.ts): a reaction to the same
// decision on the same day draws the same numbers under every policy.

import {
  type Burden,
  burdenOf,
  type DecisionNote,
  dueOn,
  type EngineState,
  EVENT_TYPES,
  type EventType,
  externalDebtOf,
  FEN_PER_YUAN,
  type InstalmentTerm,
  type LineId,
  lineStatus,
  lineTotals,
  loanDueDays,
  owedOn,
  type Policy,
  type ReasonCode,
  type ScenarioEvent,
  type Status,
} from "../engine/index.js";
import type { Persona } from "./persona.js";
import type { Dist, Reaction } from "./persona-schema.js";
import { HABIT, type Plan } from "./plan.js";
import { draw, drawInt, keyOf, PURPOSE, Stream } from "./random.js";
import {
  HARDSHIP_BURDEN,
  hardshipWeight,
  type PopulationContext,
  RECOVERY_SHARE,
  statementCycles,
} from "./settings.js";

/** A spell of hardship not decided yet, real, not real (Agent.spells). */
const UNDECIDED = 0;
const REAL = 1;
const NOT_REAL = 2;
const NO_SPELLS = new Uint8Array(0);
/** Where a burden is read into (one per thread: the agent reads it at once). */
const BURDEN: Burden = { debtToIncome: 0, utilisation: 0, missed: false };

const EVENT_INDEX = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, i]));

/** ¥100 in fen: a limit asked again (a retry for less) is whole hundreds of yuan, as every limit ask is,
 *  ¥100 the least. Cash is asked as the plan drew it (whole yuan) and capped at what the line has
 *  available rounded down to whole hundreds — a customer drawing what is left asks a round sum
 *  (**assumption**: no source says Jiebei lends only whole hundreds; the engine lends any amount of at least
 *  `jiebeiMinDrawdown`) — ¥100 the least. The agent does not read the policy's smallest drawdown (one agent
 *  serves every policy of a lane until they decide apart): an ask below it is declined
 *  (`AMOUNT_BELOW_MINIMUM`), as a customer's would be — 5 of 2,544 asks, 409 of them capped by what was
 *  available, on 5,000 accounts over two years (seed 1, 6 December). */
const HUNDRED_YUAN = 10_000;

/** A reaction, normalised: its probability and delay. */
interface Timed {
  p: number;
  after: Dist;
}

const timed = (r: Reaction | undefined, after: Dist): Timed | null =>
  r === undefined ? null : typeof r === "number" ? { p: r, after } : r;

/** A persona's reactions with every default filled (made once per persona). */
export interface Reactions {
  elsewhere: Timed | null;
  retry: { p: number; after: Dist; amount: number } | null;
  spendLess: { p: number; factor: number; months: Dist } | null;
  contact: Timed | null;
  repay: Timed | null;
  review: Timed | null;
  verify: Timed | null;
  leave: number;
  resume: number;
  /** when the lender asks for a verified identity */
  identity: Timed | null;
  /** when a decision names the debt burden */
  payDown: { p: number; after: Dist; share: number } | null;
}

export function reactionsOf(p: Persona): Reactions {
  const r = p.reactions;
  return {
    elsewhere: timed(r?.declined?.elsewhere, { min: 1, max: 14 }),
    retry: r?.declined?.retry ?? null,
    spendLess: r?.cut?.spendLess ?? null,
    contact: timed(r?.suspended?.contact, { min: 1, max: 7 }),
    repay: timed(r?.suspended?.repay, { min: 1, max: 14 }),
    review: timed(r?.suspended?.review, { min: 20, max: 60 }),
    verify: timed(r?.suspended?.verify, { min: 1, max: 7 }),
    leave: r?.suspended?.leave ?? 0,
    resume: r?.restored?.resume ?? 1,
    identity: timed(r?.identity?.verify, { min: 1, max: 14 }),
    payDown: r?.burden?.payDown ?? null,
  };
}

/** Rejections that say the line cannot be used at all (a suspension is reacted to as such: Huabei's, too,
 *  for a drawdown it stops). */
const NOT_USABLE = new Set([
  "ACCOUNT_SUSPENDED",
  "OTHER_LINE_SUSPENDED",
  "NO_ACCOUNT",
  "ACCOUNT_CLOSED",
  "DEBT_WRITTEN_OFF",
]);

/** The reasons that tell the customer their debt is the trouble (a lender's adverse-action notice names
 *  it): a pay-down of debt elsewhere answers them (`reactions.burden`). */
const BURDEN_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "DEBT_TO_INCOME_TOO_HIGH",
  "HIGH_DEBT_BURDEN",
]);

export class Agent {
  // cursors into the plan
  private purchase = 0;
  private cycle = 0;
  private planned = 0;
  private borrow = 0;
  /** reactions waiting for their day, in the order they were decided */
  private pending: ScenarioEvent[] = [];
  /** Jiebei repayments: days, in order, each with a habit already drawn */
  private jiebeiRepay: number[] = [];
  private spendFactor = 1;
  private spendUntil = -1;
  /** stopped using the lender */
  left = false;
  /** Jiebei closed for going unused (DORMANT_ACCOUNT): the customer applies to open it again when next
   *  wanting cash — the way back a closure for disuse leaves */
  private jiebeiUnused = false;
  /** reactions of each purpose on the day they were last drawn: the key of the next one */
  private reactionDay = -1;
  private reactionSeq = 0;
  /** the day of the last suspension the customer reacted to, and the day it repays then (-1: none): the
   *  customer hears of both lines suspended on one day once, and decides once (to call, leave…) */
  private suspendedOn = -1;
  private repayOn = -1;
  /** the day a verification was last decided on (after a security hold, or a suspension citing
   *  IDENTITY_REQUIRED) */
  private verifyDrawnOn = -1;
  /** the day a pay-down of debt elsewhere was last decided on: once a day, however many decisions name it */
  private payDownDrawnOn = -1;
  /** the day of the last pay-down made (reacted) */
  private paidDownOn = -1;
  /** retries waiting or made ("day line product amount"): a declined retry is not retried again, or a
   *  persona that always retries would apply ever smaller amounts day after day */
  private retries: string[] = [];
  /** events issued, by type (EVENT_TYPES order) */
  readonly events: Int32Array;
  /** every event issued, in order, when kept (an export writes them out) */
  record: ScenarioEvent[] | null = null;
  private today: ScenarioEvent[] = NO_EVENTS;
  /** each spell of the plan's hardship: UNDECIDED, REAL or NOT_REAL (inHardship) */
  private spells: Uint8Array;

  constructor(
    readonly plan: Plan,
    private readonly ctx: PopulationContext,
    private readonly reactions: Reactions,
    /** the Huabei repayments of the plan on the lane's policy calendar (repaymentSchedule) */
    private schedule: RepaymentSchedule,
    events?: Int32Array,
  ) {
    this.events = events ?? new Int32Array(EVENT_TYPES.length);
    this.spells = plan.hardship.length === 0 ? NO_SPELLS : new Uint8Array(plan.hardship.length / 3);
  }

  /** A copy that goes on alone (a lane split off). */
  clone(): Agent {
    const a = new Agent(this.plan, this.ctx, this.reactions, this.schedule, this.events.slice());
    a.purchase = this.purchase;
    a.cycle = this.cycle;
    a.planned = this.planned;
    a.borrow = this.borrow;
    a.pending = this.pending.slice();
    a.jiebeiRepay = this.jiebeiRepay.slice();
    a.spendFactor = this.spendFactor;
    a.spendUntil = this.spendUntil;
    a.left = this.left;
    a.jiebeiUnused = this.jiebeiUnused;
    a.reactionDay = this.reactionDay;
    a.reactionSeq = this.reactionSeq;
    a.suspendedOn = this.suspendedOn;
    a.repayOn = this.repayOn;
    a.verifyDrawnOn = this.verifyDrawnOn;
    a.payDownDrawnOn = this.payDownDrawnOn;
    a.paidDownOn = this.paidDownOn;
    a.spells = this.spells.length === 0 ? NO_SPELLS : this.spells.slice();
    a.retries = this.retries.slice();
    a.record = this.record === null ? null : this.record.slice();
    return a;
  }

  /** The policy calendar changed on `day` (a lane switched to a policy with other statement or due days):
   *  the statements after it follow the new calendar. Those issued before it — that day's too, issued
   *  before the change — keep the due days they were issued with, as in the engine: their repayments not
   *  made yet stay as they were (not skipped when the new calendar's day for them has passed, nor made
   *  twice when it has not come). */
  useCalendarOf(policy: Policy, day: number): void {
    const old = this.schedule;
    const next = repaymentSchedule(this.plan, statementCycles(this.ctx, policy));
    const merged: RepaymentSchedule = { day: [], habit: [], statement: [] };
    for (let i = this.cycle; i < old.day.length; i++)
      if (old.statement[i]! <= day) insertRow(merged, old.day[i]!, old.habit[i]!, old.statement[i]!);
    for (let i = 0; i < next.day.length; i++)
      if (next.statement[i]! > day) insertRow(merged, next.day[i]!, next.habit[i]!, next.statement[i]!);
    this.schedule = merged;
    this.cycle = 0;
  }

  /**
   * Whether a spell of hardship stops repayment on `day`. A spell the plan drew is decided the first day
   * it is asked about (the first repayment within it), on the account as it stands (HARDSHIP_BURDEN):
   * real when its number × the cap is below the burden's weight — the same number under every policy, so
   * a policy that leaves the customer owing more brings more hardship.
   */
  private inHardship(day: number, s: EngineState): boolean {
    const h = this.plan.hardship;
    for (let i = 0, k = 0; i < h.length; i += 3, k++) {
      if (day < h[i]! || day >= h[i + 1]!) continue;
      let real = this.spells[k]!;
      if (real === UNDECIDED) {
        const u = h[i + 2]!;
        let w: number = HARDSHIP_BURDEN.cap;
        if (u >= 0) {
          const b = burdenOf(s, HARDSHIP_BURDEN.recentDays, BURDEN);
          w = hardshipWeight(b.debtToIncome, this.plan.typicalDti, b.utilisation, b.missed);
        }
        real = u * HARDSHIP_BURDEN.cap < w ? REAL : NOT_REAL;
        this.spells[k] = real;
      }
      if (real === REAL) return true;
    }
    return false;
  }

  private issue(e: ScenarioEvent): void {
    // a day's first event makes its array, of one (most days with events have one: an empty array's first
    // push would make room for sixteen)
    if (this.today.length === 0) this.today = [e];
    else this.today.push(e);
    this.record?.push(e);
    this.events[EVENT_INDEX.get(e.type)!]!++;
  }

  /**
   * The customer's step: the events of `day`, seeing the account as the lender left it (the state before
   * the day opens). The array is the agent's own, valid until its next step.
   */
  step(day: number, s: EngineState): readonly ScenarioEvent[] {
    // a fresh array only for a day with events (most visits issue none; truncating costs more)
    this.today = NO_EVENTS;
    const plan = this.plan;
    const hb = lineStatus(s, "huabei");
    const jb = lineStatus(s, "jiebei");
    // the application to open Huabei
    if (plan.open.day === day && hb === "none" && !this.left)
      this.issue({ index: 0, day, type: "apply", line: "huabei", product: "open", amount: plan.open.amount });
    // the statement's repayment
    this.repayments(day, s, hb, jb);
    // reactions due today
    if (this.pending.length > 0 && this.pending[0]!.day <= day) {
      let n = 0;
      while (n < this.pending.length && this.pending[n]!.day <= day) n++;
      for (const e of this.pending.splice(0, n)) this.reacted(e, s);
    }
    // what comes whatever the lender does
    const planned = plan.planned;
    while (this.planned < planned.length && planned[this.planned]!.day <= day) {
      const e = planned[this.planned++]!;
      if (e.day === day && this.wants(e, hb, jb)) this.issue(e);
    }
    if (plan.jiebeiOpen?.day === day && jb === "none" && !this.left)
      this.issue({
        index: 0,
        day,
        type: "apply",
        line: "jiebei",
        product: "open",
        amount: plan.jiebeiOpen.amount,
      });
    this.purchases(day, hb);
    // cash drawn on Jiebei, at most what is available
    const b = plan.borrows;
    while (this.borrow < b.day.length && b.day[this.borrow]! <= day) {
      const i = this.borrow++;
      if (b.day[i] !== day || this.left) continue;
      // the line closed unused: opened again first (for what it was first opened at), the cash asked the next
      // day, at most that limit
      if (jb === "closed" && this.jiebeiUnused && plan.jiebeiOpen !== null) {
        this.jiebeiUnused = false;
        const limit = plan.jiebeiOpen.amount;
        this.issue({ index: 0, day, type: "apply", line: "jiebei", product: "open", amount: limit });
        const amount = Math.min(b.amount[i]!, limit);
        if (day + 1 <= this.ctx.until && amount >= HUNDRED_YUAN)
          this.later({ index: 0, day: day + 1, type: "borrow", amount, term: b.term[i]! });
        continue;
      }
      if (jb !== "active") continue;
      const available = lineTotals(s, "jiebei").available;
      const amount = Math.min(b.amount[i]!, Math.floor(available / HUNDRED_YUAN) * HUNDRED_YUAN);
      if (amount >= HUNDRED_YUAN) this.issue({ index: 0, day, type: "borrow", amount, term: b.term[i]! });
    }
    // a customer who left closes each line once nothing is owed on it
    if (this.left) {
      for (const id of ["huabei", "jiebei"] as const) {
        const st = id === "huabei" ? hb : jb;
        if ((st === "active" || st === "suspended") && owedOn(s, id) === 0)
          this.issue({ index: 0, day, type: "close", line: id });
      }
    }
    return this.today;
  }

  /** The purchases of `day`: while the line is active, fewer for a while after a cut. */
  private purchases(day: number, hb: Status): void {
    const p = this.plan.purchases;
    const factor = day < this.spendUntil ? this.spendFactor : 1;
    while (this.purchase < p.day.length && p.day[this.purchase]! <= day) {
      const i = this.purchase++;
      if (p.day[i] === day && hb === "active" && !this.left && p.keep[i]! < factor)
        this.issue({
          index: 0,
          day,
          type: "purchase",
          amount: p.amount[i]!,
          merchant: null,
          instalments: (p.term[i] || null) as InstalmentTerm | null,
        });
    }
  }

  /**
   * The customer's step on a day before `quietUntil` (after `nextDay`): a day of purchases alone, on which
   * everything else `step` looks at is due later — the same events `step` would issue, read from the same
   * state (a purchase reads only whether Huabei is active). Only while nothing the lender decided was
   * observed since `nextDay`.
   */
  purchasesOn(day: number, s: EngineState): readonly ScenarioEvent[] {
    this.today = NO_EVENTS;
    this.purchases(day, lineStatus(s, "huabei"));
    return this.today;
  }

  /** The next purchase day after `day` (or `never`), once `purchasesOn(day)` took that day's. */
  nextPurchase(day: number, never: number): number {
    const p = this.plan.purchases.day;
    return this.purchase < p.length ? Math.min(never, Math.max(day + 1, p[this.purchase]!)) : never;
  }

  /** Whether a planned event still makes sense to the customer: no limit increases without a line, no
   *  calls about an account never opened, and after leaving neither applications nor reviews. */
  private wants(e: ScenarioEvent, hb: Status, jb: Status): boolean {
    switch (e.type) {
      case "apply":
        return !this.left && (hb === "active" || hb === "suspended");
      case "request_review":
        return !this.left && (hb !== "none" || jb !== "none");
      case "contact_support":
        return hb !== "none" || jb !== "none";
      default:
        return true;
    }
  }

  /** Whether the customer repays a line once it is charged off (drawn once per account and line, the same
   *  under every policy): most do not, and the debt stays written off. */
  private recovers(line: LineId): boolean {
    return (
      STREAM.at(keyOf(keyOf(this.plan.key, PURPOSE.recovery), line === "huabei" ? 0 : 1)).next() <
      RECOVERY_SHARE
    );
  }

  /** A reaction's event, on its day: a repayment only when something is owed and the customer can pay. */
  private reacted(e: ScenarioEvent, s: EngineState): void {
    if (e.type === "external_repayment") {
      // a share of what is owed elsewhere on the day, in whole yuan: nothing while in hardship, nothing
      // once the debt is gone, and one a day — two decided apart but falling on one day would both read
      // the day's opening debt (the state before the day), and pay the share twice over
      if (this.paidDownOn === e.day) return;
      const share = this.reactions.payDown?.share ?? 0;
      const amount = Math.floor((externalDebtOf(s) * share) / FEN_PER_YUAN) * FEN_PER_YUAN;
      if (amount > 0 && !this.inHardship(e.day, s)) {
        this.paidDownOn = e.day;
        this.issue({ ...e, amount });
      }
      return;
    }
    if (e.type === "repay") {
      if (this.inHardship(e.day, s) || owedOn(s, e.line) === 0) return;
      if (lineStatus(s, e.line) === "charged_off" && !this.recovers(e.line)) return;
    } else if (this.left && (e.type === "apply" || e.type === "request_review")) return;
    this.issue(e);
  }

  private repayments(day: number, s: EngineState, hb: Status, jb: Status): void {
    // Huabei: one habit per statement, on its day (before the due day, or after it when late)
    const sc = this.schedule;
    while (this.cycle < sc.day.length && sc.day[this.cycle]! <= day) {
      const k = this.cycle++;
      if (sc.day[k]! < day || hb === "none" || this.inHardship(day, s)) continue;
      if (hb === "charged_off" && !this.recovers("huabei")) continue;
      const h = sc.habit[k]!;
      const amount = h === HABIT.statement ? "statement" : h === HABIT.minimum ? "minimum" : "full";
      const owing = amount === "full" ? owedOn(s, "huabei") : dueOn(s, "huabei");
      if (owing > 0) this.issue({ index: 0, day, type: "repay", line: "huabei", amount: { kind: amount } });
    }
    // Jiebei: each instalment as its habit said
    const jr = this.jiebeiRepay;
    if (jr.length > 0 && jr[0]! <= day) {
      let n = 0;
      while (n < jr.length && jr[n]! <= day) n++;
      const due = jr[n - 1] === day;
      jr.splice(0, n);
      const pays = jb !== "charged_off" || this.recovers("jiebei");
      if (due && pays && jb !== "none" && !this.inHardship(day, s) && dueOn(s, "jiebei") > 0)
        this.issue({ index: 0, day, type: "repay", line: "jiebei", amount: { kind: "statement" } });
    }
  }

  /** The last `nextDay`'s day before which the customer does nothing but purchases (no later than the next
   *  day of anything else; after `day` + 1 when it left: it may close a line on any day it is visited). */
  quietUntil = 0;

  /** The next day after `day` the customer will do something (or `never`); sets `quietUntil`. */
  nextDay(day: number, never: number): number {
    const plan = this.plan;
    let next = never;
    if (plan.open.day > day) next = Math.min(next, plan.open.day);
    if (plan.jiebeiOpen && plan.jiebeiOpen.day > day) next = Math.min(next, plan.jiebeiOpen.day);
    const sc = this.schedule;
    if (this.cycle < sc.day.length) next = Math.min(next, Math.max(day + 1, sc.day[this.cycle]!));
    if (this.pending.length > 0) next = Math.min(next, Math.max(day + 1, this.pending[0]!.day));
    if (this.jiebeiRepay.length > 0) next = Math.min(next, Math.max(day + 1, this.jiebeiRepay[0]!));
    const pl = plan.planned;
    if (this.planned < pl.length) next = Math.min(next, Math.max(day + 1, pl[this.planned]!.day));
    const b = plan.borrows.day;
    if (this.borrow < b.length) next = Math.min(next, Math.max(day + 1, b[this.borrow]!));
    this.quietUntil = this.left ? day + 1 : next;
    return this.nextPurchase(day, next);
  }

  // ---- what the lender decided ----

  /** The stream of the next reaction drawn on `day` for `purpose`: keyed by the day and how many came
   *  before it that day, so the same decision on the same day draws alike under every policy. */
  private stream(purpose: number, day: number): Stream {
    if (this.reactionDay !== day) {
      this.reactionDay = day;
      this.reactionSeq = 0;
    }
    const seq = this.reactionSeq++;
    return STREAM.at(keyOf(keyOf(this.plan.key, purpose), day * 64 + Math.min(seq, 63)));
  }

  private later(e: ScenarioEvent): void {
    // in decision order within a day; by day across days
    let at = this.pending.length;
    while (at > 0 && this.pending[at - 1]!.day > e.day) at--;
    this.pending.splice(at, 0, e);
  }

  /** A decision of the lender's, right after the step that made it. */
  observe(note: DecisionNote): void {
    const day = note.day;
    const line: LineId = note.line ?? "huabei";
    const r = this.reactions;
    const e = note.event;
    if (r.payDown !== null && note.reasons.some((c) => BURDEN_REASONS.has(c))) this.payDown(note);
    switch (note.decision) {
      case "approved":
      case "approved_lower":
        if (e.type === "borrow") this.borrowed(day, e.term);
        else if (e.type === "apply" && this.retries.length > 0) {
          const at = this.retries.indexOf(retryKey(e));
          if (at >= 0) this.retries.splice(at, 1);
        }
        return;
      case "declined":
        if (e.type === "apply") this.declined(day, e, note.reasons);
        else if ((e.type === "purchase" || e.type === "borrow") && !NOT_USABLE.has(note.reasons[0] ?? ""))
          this.cut(day);
        return;
      case "limit_reduced":
        this.cut(day);
        return;
      case "suspended": {
        // a suspension recorded beneath a hold changes nothing the customer sees, and a hold lifted from a
        // suspension ready to end (restored at the next review) is no news to react to
        if (note.beneath || note.reasons[0] === "RESTORED_AT_REVIEW") return;
        const again = day === this.suspendedOn;
        if (again) {
          // the other line, the same day: repaid with the first, if the customer repays (leaving too)
          if (this.repayOn >= 0)
            this.later({ index: 0, day: this.repayOn, type: "repay", line, amount: { kind: "full" } });
          // …and a security hold after a suspension for credit that day still asks for a verification
          if (note.cause !== "security" || this.verifyDrawnOn === day) return;
        }
        if (this.left) return;
        const st = this.stream(PURPOSE.suspended, day);
        const when = (t: Timed | null) =>
          t !== null && st.next() < t.p ? day + Math.max(1, drawInt(st.random, t.after)) : -1;
        const firstOnly = (t: Timed | null) => (again ? -1 : when(t));
        const contact = firstOnly(r.contact);
        const repay = firstOnly(r.repay);
        const review = firstOnly(r.review);
        // a hold asks for a verification; so does a suspension citing IDENTITY_REQUIRED (a policy that
        // came to require it), which the customer hears of as a request to verify
        const asksIdentity = note.reasons.includes("IDENTITY_REQUIRED");
        const verify = note.cause === "security" ? when(r.verify) : asksIdentity ? when(r.identity) : -1;
        const leave = !again && st.next() < r.leave;
        if (contact >= 0) this.later({ index: 0, day: contact, type: "contact_support" });
        if (repay >= 0) this.later({ index: 0, day: repay, type: "repay", line, amount: { kind: "full" } });
        if (verify >= 0) this.later({ index: 0, day: verify, type: "verify_identity" });
        if (review >= 0) this.later({ index: 0, day: review, type: "request_review", line });
        if (leave) this.left = true;
        if (note.cause === "security" || asksIdentity) this.verifyDrawnOn = day;
        if (again) return;
        this.suspendedOn = day;
        this.repayOn = repay;
        return;
      }
      case "closed":
        if (line === "jiebei" && note.reasons[0] === "DORMANT_ACCOUNT") this.jiebeiUnused = true;
        return;
      case "restored": {
        if (this.left) return;
        const st = this.stream(PURPOSE.restored, day);
        if (st.next() >= r.resume) this.left = true;
        return;
      }
      default:
        return;
    }
  }

  private declined(
    day: number,
    e: Extract<ScenarioEvent, { type: "apply" }>,
    reasons: readonly string[],
  ): void {
    const r = this.reactions;
    if (this.left) return;
    const st = this.stream(PURPOSE.declined, day);
    const was = this.retries.indexOf(retryKey(e));
    if (was >= 0) {
      // a retry declined: the customer gives up on it
      this.retries.splice(was, 1);
      return;
    }
    // asked for a verified identity: the customer who verifies applies again for the same, that day —
    // instead of going elsewhere or asking for less (a stream of its own: other declines draw as before)
    if (r.identity !== null && reasons.includes("IDENTITY_REQUIRED")) {
      const id = this.stream(PURPOSE.identity, day);
      if (id.next() < r.identity.p) {
        const at = day + Math.max(1, drawInt(id.random, r.identity.after));
        if (at <= this.ctx.until) {
          this.later({ index: 0, day: at, type: "verify_identity" });
          const again = { ...e, day: at };
          this.retries.push(retryKey(again));
          this.later(again);
        }
        return;
      }
    }
    const elsewhere = r.elsewhere;
    if (elsewhere !== null && st.next() < elsewhere.p)
      this.later({
        index: 0,
        day: day + Math.max(1, drawInt(st.random, elsewhere.after)),
        type: "external_inquiry",
      });
    const retry = r.retry;
    if (retry !== null && st.next() < retry.p) {
      const at = day + Math.max(1, drawInt(st.random, retry.after));
      // a limit asked again, for less: whole hundreds of yuan, as every limit ask is
      const amount = Math.floor((e.amount * retry.amount) / HUNDRED_YUAN) * HUNDRED_YUAN;
      if (amount >= HUNDRED_YUAN && at <= this.ctx.until) {
        const again = { index: 0, day: at, type: "apply", line: e.line, product: e.product, amount } as const;
        this.retries.push(retryKey(again));
        this.later(again);
      }
    }
  }

  /** A decision that names the debt burden: perhaps a pay-down of debt elsewhere, its amount decided on its
   *  day (reacted). Only a decline of the customer's own application or request for a review (the notice
   *  that tells a suspended customer the debt holds the line back), a cut or a suspension — what the
   *  lender tells the customer as a decision against them; not a purchase or drawdown declined. */
  private payDown(note: DecisionNote): void {
    const pd = this.reactions.payDown!;
    const day = note.day;
    const t = note.event.type;
    const against =
      note.decision === "limit_reduced" ||
      (note.decision === "suspended" && !note.beneath) ||
      (note.decision === "declined" && (t === "apply" || t === "request_review"));
    if (!against || this.left || this.payDownDrawnOn === day) return;
    this.payDownDrawnOn = day;
    // keyed by the day alone (a pay-down is decided once a day), not through `stream`: its count of the
    // day's reactions would move every reaction drawn after this one
    const st = STREAM.at(keyOf(keyOf(this.plan.key, PURPOSE.burden), day));
    if (st.next() >= pd.p) return;
    const at = day + Math.max(1, drawInt(st.random, pd.after));
    // the amount is the day's (reacted): 0 until then
    if (at <= this.ctx.until) this.later({ index: 0, day: at, type: "external_repayment", amount: 0 });
  }

  private cut(day: number): void {
    const sl = this.reactions.spendLess;
    if (sl === null || this.left) return;
    const st = this.stream(PURPOSE.cut, day);
    if (st.next() >= sl.p) return;
    this.spendFactor = Math.min(day < this.spendUntil ? this.spendFactor : 1, sl.factor);
    this.spendUntil = Math.max(this.spendUntil, day + 1 + Math.round(draw(st.random, sl.months) * 30));
  }

  /** A loan drawn: each instalment's repayment as the persona's Jiebei habit says (drawn per due day). */
  private borrowed(day: number, term: 3 | 6 | 12): void {
    const j = this.plan.persona.jiebei;
    if (!j) return;
    const h = j.repayment;
    for (const due of loanDueDays(this.ctx.calendar, day, term)) {
      const st = STREAM.at(keyOf(keyOf(this.plan.key, PURPOSE.jiebeiRepay), due));
      const u = st.next();
      let at = -1;
      if (u < h.onTime) at = due - Math.max(0, drawInt(st.random, this.plan.persona.repayment.daysBeforeDue));
      else if (h.late && u < h.onTime + h.late.p) at = due + Math.max(1, drawInt(st.random, h.late.days));
      if (at <= day || at > this.ctx.until) continue;
      const jr = this.jiebeiRepay;
      let i = jr.length;
      while (i > 0 && jr[i - 1]! > at) i--;
      if (jr[i - 1] !== at) jr.splice(i, 0, at);
    }
  }
}

const retryKey = (e: Extract<ScenarioEvent, { type: "apply" }>) =>
  `${e.day} ${e.line} ${e.product} ${e.amount}`;

/** An account's Huabei repayments on a policy calendar: the day and habit of each, and the day of the
 *  statement it repays, in day order. */
export interface RepaymentSchedule {
  day: number[];
  habit: number[];
  statement: number[];
}

export function repaymentSchedule(
  plan: Plan,
  cycles: ReadonlyArray<{ statement: number; due: number }>,
): RepaymentSchedule {
  const out: RepaymentSchedule = { day: [], habit: [], statement: [] };
  for (let k = 0; k < cycles.length && k < plan.habit.length; k++) {
    const h = plan.habit[k]!;
    if (h === HABIT.none) continue;
    const { statement, due } = cycles[k]!;
    const day =
      h === HABIT.late ? due + plan.habitDays[k]! : Math.max(statement + 1, due - plan.habitDays[k]!);
    insertRow(out, day, h, statement);
  }
  return out;
}

/** Adds a repayment to a schedule, rows coming in statement order: a late repayment may come after the
 *  next statement's on-time one — day order, statement order within a day (a stable insertion: rows come
 *  nearly in order, and none is made an object of its own to be sorted). */
function insertRow(s: RepaymentSchedule, day: number, habit: number, statement: number): void {
  let at = s.day.length;
  s.day.push(day);
  s.habit.push(habit);
  s.statement.push(statement);
  while (at > 0 && s.day[at - 1]! > day) {
    s.day[at] = s.day[at - 1]!;
    s.habit[at] = s.habit[at - 1]!;
    s.statement[at] = s.statement[at - 1]!;
    at--;
  }
  s.day[at] = day;
  s.habit[at] = habit;
  s.statement[at] = statement;
}

/** A day without events (frozen: an event is never pushed onto it, `issue` makes the day's array). */
const NO_EVENTS = Object.freeze<ScenarioEvent[]>([]) as ScenarioEvent[];

/** One stream for every agent's reactions: drawn from and done with within one call. */
const STREAM = new Stream();

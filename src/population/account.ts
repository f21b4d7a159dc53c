// One account under every policy arm at once (Mesa's model step, for one agent): day by day, the
// customer's agent acts (agent.ts), the engine takes the day (engine/lanes.ts), and the agent sees what
// the lender decided. Arms run in lockstep: a lane is one engine state, one agent and one recorder for
// every arm that has decided alike so far; where the arms' decisions first differ the engine splits the
// lane, and the split-off arms go on with copies of the agent and the recorder. An account that no
// policy treats differently costs one run, however many arms there are. Pure.

import {
  type DecisionNote,
  decisionNote,
  type EngineState,
  initialState,
  nextEngineDay,
  type Policy,
  runDay,
  runQuietDay,
  runSharedDay,
  type ScenarioEvent,
  type SharedDayHooks,
  type StepOutcome,
  sameMechanics,
  scoreToday,
  shareState,
} from "../engine/index.js";
import { Agent, type Reactions, repaymentSchedule } from "./agent.js";
import type { HeldNote } from "./flips.js";
import { type Outcome, OutcomeRecorder } from "./outcome.js";
import type { Persona } from "./persona.js";
import { makePlan, type Plan } from "./plan.js";
import { Stream } from "./random.js";
import { type PopulationContext, policyKey, SAMPLE_EVERY, statementCycles } from "./settings.js";

/** How one lane ended: the arms it stood for, their common outcome, their decisions in order. */
export interface LaneResult {
  members: readonly number[];
  outcome: Outcome;
  /** the lane's decisions (kept when `notes` is asked for: flips compare them); customer service gives no
   *  answer in a population run, so a call is none of them */
  notes: readonly DecisionNote[];
  /** its steps that decided nothing but gave reasons (kept with `notes`: why it did not decide) */
  held: readonly HeldNote[];
  /** the events the customer made, in order (kept when `record` is asked for: exports) */
  issued: readonly ScenarioEvent[];
}

export interface AccountOptions {
  /** keep each lane's decisions */
  notes?: boolean;
  /** keep each lane's events */
  record?: boolean;
  /** take a day of purchases alone without looking again for the next day to visit, and a day before the
   *  engine's next without the engine's own inputs (runLane; the default): false visits every day in full —
   *  the same steps, what a test compares */
  purchaseRuns?: boolean;
}

/** A lane as the account's driver keeps it. */
class LaneRun {
  readonly notes: DecisionNote[] = [];
  readonly held: HeldNote[] = [];
  /** the steps of this lane, bound once */
  readonly onStep: (o: StepOutcome) => void;

  constructor(
    readonly state: EngineState,
    readonly agent: Agent,
    readonly rec: OutcomeRecorder,
    private readonly runner: AccountRunner,
  ) {
    this.onStep = (o) => runner.stepped(this, o);
  }

  /** The lane of `child`, split off this one: copies of everything kept so far. */
  split(child: EngineState): LaneRun {
    const agent = this.agent.clone();
    const lane = new LaneRun(child, agent, this.rec.clone(agent.events), this.runner);
    lane.notes.push(...this.notes);
    lane.held.push(...this.held);
    return lane;
  }
}

export class AccountRunner {
  private readonly rng = new Stream();
  private lanes = new Map<EngineState, LaneRun>();
  private work: Array<{ lane: LaneRun; day: number; dayDone: boolean }> = [];
  private readonly hooks: SharedDayHooks;
  private day = 0;
  private readonly keys = new WeakMap<Policy, string>();

  constructor(
    private readonly ctx: PopulationContext,
    private readonly options: AccountOptions = {},
  ) {
    this.hooks = {
      step: (state, o) => this.stepped(this.lanes.get(state)!, o),
      split: (parent, child) => {
        this.moved = true;
        const lane = this.lanes.get(parent)!.split(child);
        this.lanes.set(child, lane);
        this.work.push({ lane, day: this.day, dayDone: true });
      },
    };
  }

  private key(p: Policy): string {
    let k = this.keys.get(p);
    if (k === undefined) {
      k = policyKey(p);
      this.keys.set(p, k);
    }
    return k;
  }

  /**
   * Account `index` of `persona` under the arms (`only`: one arm alone, as an export runs it). Returns
   * one result per lane the arms ended in.
   */
  run(persona: Persona, reactions: Reactions, index: number, only?: number): LaneResult[] {
    const ctx = this.ctx;
    const plan = makePlan(ctx, persona, index, this.rng);
    this.lanes = new Map();
    this.work = [];
    const arms = ctx.armPolicies.map((_, i) => i).filter((i) => only === undefined || i === only);
    const { from } = ctx.settings;
    if (from > 0 || arms.length === 1) {
      // every arm starts under the champion's policy (or its own, alone from day 0)
      const start = from > 0 ? ctx.settings.policy : ctx.armPolicies[arms[0]!]!.before;
      this.root(plan, reactions, start, [start], [arms]);
    } else {
      // from day 0: arms with equal policies share a slot; slots of equal mechanics share a state
      const slots: Array<{ policy: Policy; members: number[] }> = [];
      for (const i of arms) {
        const p = ctx.armPolicies[i]!.after;
        const slot = slots.find((x) => this.key(x.policy) === this.key(p));
        if (slot) slot.members.push(i);
        else slots.push({ policy: p, members: [i] });
      }
      const groups: Array<typeof slots> = [];
      for (const slot of slots) {
        const g = groups.find((x) => sameMechanics(x[0]!.policy, slot.policy));
        if (g) g.push(slot);
        else groups.push([slot]);
      }
      for (const g of groups)
        this.root(
          plan,
          reactions,
          g[0]!.policy,
          g.map((x) => x.policy),
          g.map((x) => x.members),
        );
    }
    const done: LaneRun[] = [];
    while (this.work.length > 0) {
      const item = this.work.pop()!;
      this.runLane(item.lane, item.day, item.dayDone);
      done.push(item.lane);
    }
    return done.map((lane) => ({
      members: lane.state.lane!.members.flat(),
      outcome: lane.rec.o,
      notes: lane.notes,
      held: lane.held,
      issued: lane.agent.record ?? [],
    }));
  }

  private root(plan: Plan, reactions: Reactions, own: Policy, policies: Policy[], members: number[][]): void {
    // no customer service's answers: the agent reacts to decisions alone, and flips compare the lender's
    // (flips.ts: an answer decides nothing) — so a lane's policies do not leave it over an answer either;
    // approved purchases only for the decision notes that keep them (the agent and the recorder read none)
    const state = initialState(this.ctx.settings.start, plan.profile, own, {
      notices: false,
      answers: false,
      approvals: this.options.notes === true,
    });
    shareState(state, policies, members);
    const agent = new Agent(
      plan,
      this.ctx,
      reactions,
      repaymentSchedule(plan, statementCycles(this.ctx, own)),
    );
    if (this.options.record) agent.record = [];
    const lane = new LaneRun(state, agent, OutcomeRecorder.start(this.ctx, agent.events), this);
    this.lanes.set(state, lane);
    this.work.push({ lane, day: 0, dayDone: false });
  }

  private runLane(lane: LaneRun, day: number, dayDone: boolean): void {
    const { until, settings } = this.ctx;
    const from = settings.from;
    let d = day;
    const runs = this.options.purchaseRuns !== false;
    this.quiet = 0;
    this.engineDay = 0;
    if (dayDone) {
      this.endOfDay(lane, d);
      d = this.next(lane, d);
    }
    const change =
      from > 0
        ? {
            next: (m: number) => {
              const p = this.ctx.armPolicies[m]!;
              return m === 0 || this.key(p.after) === this.key(p.before) ? null : p.after;
            },
            same: (a: Policy, b: Policy) => this.key(a) === this.key(b),
          }
        : undefined;
    while (d <= until) {
      this.day = d;
      if (d < this.quiet && runs) {
        // a day of the customer's purchases alone, or of none on a sample day (next): the engine takes it
        // without its own inputs, which cannot act before its next day (runQuietDay); while its steps decide
        // nothing (approved purchases), the next day to visit is the next purchase, the recorder's next day
        // or `quiet`, without looking for the others again
        const events = lane.agent.purchasesOn(d, lane.state);
        this.moved = false;
        if (lane.state.lane!.policies.length > 1) runSharedDay(lane.state, d, events, this.hooks);
        else runQuietDay(lane.state, d, events, lane.onStep);
        if (!this.moved) {
          this.purchaseRunDays++;
          // (a month end is the engine's day: before `quiet`, the recorder reads only its own days)
          if (d === this.reads) {
            this.endOfDay(lane, d);
            this.reads = this.recorderDay(d);
          }
          d = Math.min(lane.agent.nextPurchase(d, this.quiet), this.reads);
          continue;
        }
      } else {
        const events = lane.agent.step(d, lane.state);
        const shared = lane.state.lane!.policies.length > 1;
        if (shared || (d === from && change))
          runSharedDay(lane.state, d, events, this.hooks, d === from ? change : undefined);
        // a day of the customer's before the engine's next, of purchases and repayments alone (or of nothing
        // the customer still wanted): none of the engine's own inputs can act on it (runQuietDay)
        else if (runs && d < this.engineDay && purchasesAndRepayments(events))
          runQuietDay(lane.state, d, events, lane.onStep);
        else runDay(lane.state, d, events, lane.onStep);
      }
      this.endOfDay(lane, d);
      d = this.next(lane, d);
    }
  }

  /** A step of a lane: its decision, told to the recorder and the agent. */
  stepped(lane: LaneRun, o: StepOutcome): void {
    const v = o.verdict;
    // anything but an approved purchase may move a day the lane must visit (runLane)
    if (v === null || v.decision !== "approved" || o.event.type !== "purchase") this.moved = true;
    if (v === null) return;
    if (v.decision === null) {
      // a review that left a line as it was, and said why: what a flip names when the other arm decided
      if (this.options.notes && v.reasons.length > 0)
        lane.held.push({ day: o.day, event: o.event, line: o.line, reasons: v.reasons, facts: v.facts });
      return;
    }
    // (an approved purchase, most steps, tells the recorder and the agent nothing: the state makes no step
    // of it unless notes are kept, root)
    const note = decisionNote(lane.state.customer, o);
    if (note === null) return;
    lane.rec.decision(note, lane.state);
    lane.agent.observe(note);
    if (this.options.notes) lane.notes.push(note);
  }

  // the score of the day being ended, computed at most once and only when the recorder asks (one bound
  // function for the runner, not a closure per visited day)
  private scoreState: EngineState | null = null;
  private scoreValue = -1;
  private readonly scoreOfDay = (): number => {
    if (this.scoreValue < 0) this.scoreValue = scoreToday(this.scoreState!);
    return this.scoreValue;
  };

  private endOfDay(lane: LaneRun, d: number): void {
    const state = lane.state;
    this.scoreState = state;
    this.scoreValue = -1;
    lane.rec.endOfDay(state, d, this.scoreOfDay);
    this.scoreState = null;
    // a switch of policy may move the statement calendar: the repayments follow it
    if (d === this.ctx.settings.from && d > 0) lane.agent.useCalendarOf(state.customer.policy, d);
  }

  /** days taken as purchase runs (runLane), counted: a test sees that they are taken */
  purchaseRunDays = 0;
  /** The day before which every day the lane visits is one of the customer's purchases alone (next). */
  private quiet = 0;
  /** The engine's next day (`nextEngineDay`, or the policy change) as `next` last found it (a run's approved
   *  purchases do not move it); 0 as a lane starts. */
  private engineDay = 0;
  /** the recorder's next day (recorderDay), as `next` or a purchase run found it */
  private reads = 0;
  /** a step since `moved` was cleared decided something (stepped) */
  private moved = false;

  /**
   * The next day the lane must visit: the engine's, the customer's, a sample day, the score day, the
   * policy change. Sets `quiet`: the first of these but the customer's purchases and the recorder's days.
   * A day before it is one of purchases alone (or a sample day with none), and stays so while they decide
   * nothing: the engine's next day does not move (an approved purchase is owed, not due, and changes no
   * statement, review, grace ending, loan or trigger day), nor do the customer's other days (it observed
   * nothing; one who left may close a line on any day it is visited: `quietUntil`).
   */
  private next(lane: LaneRun, d: number): number {
    const { until, settings } = this.ctx;
    if (d >= until) return until + 1;
    let n = nextEngineDay(lane.state, until);
    if (settings.from > d) n = Math.min(n, settings.from);
    const customer = lane.agent.nextDay(d, n);
    this.engineDay = n;
    this.quiet = Math.min(n, lane.agent.quietUntil);
    this.reads = this.recorderDay(d);
    return Math.min(customer, this.reads);
  }

  /** The next day after `d` the recorder reads the account on by itself: a sample day, the score day. */
  private recorderDay(d: number): number {
    const scoreDay = this.ctx.settings.scoreDay;
    const n = (Math.floor(d / SAMPLE_EVERY) + 1) * SAMPLE_EVERY;
    return scoreDay > d && scoreDay < n ? scoreDay : n;
  }
}

/** Whether a day's events are purchases and repayments alone: neither moves a line's days past due on (nor
 *  opens a bill or a loan that falls due that day), so the engine's inputs that cannot act before its next
 *  day cannot act after them either. */
function purchasesAndRepayments(events: readonly ScenarioEvent[]): boolean {
  for (let i = 0; i < events.length; i++) {
    const t = events[i]!.type;
    if (t !== "purchase" && t !== "repay") return false;
  }
  return true;
}

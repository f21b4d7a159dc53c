// Lanes: one state stepped for several policies at once while they decide alike — what makes a sweep of
// many policy variants cost what diverges rather than what is run. Policies may share a state when they
// differ in decision rules only: every ledger mechanic (rates, fees, the calendar of statements, due days
// and reviews, the grace and charge-off days) is the same, so the state can differ only through what is
// decided. At every decision the state's own policy decides; the lane's other policies decide the same
// question on the same state (step.ts, `judge`), and those that decide otherwise are split off there, each
// group on a copy of the state, to go on alone. Between decisions nothing needs checking.
//
// `runSharedDay` is `runDay` for a shared state: it reports every state's steps, and each split as it
// happens, so a caller keeping something per state (an agent, a recorder) can copy it at the split.

import type { StepOutcome } from "./apply-verdict.js";
import { policyChanged } from "./customer-events.js";
import { changesUnusedTerms } from "./review.js";
import { accrueAll, closeCycle, dueNotices, monthEnd, openDay, review, triggers } from "./scheduled.js";
import { type EngineState, fork, type Lane } from "./state.js";
import { step } from "./step.js";
import type { Policy, ScenarioEvent } from "./types.js";
import type { PolicyParamName } from "./vocabulary.js";

/** The parameters that move money or the calendar rather than decide: policies that differ in any of
 *  these cannot share a state. (`suspendOverdueDays` decides; the scheduler visits every policy's
 *  trigger day.) */
export const MECHANICS: readonly PolicyParamName[] = [
  "statementDayOfMonth",
  "dueDayOfMonth",
  "reviewDayOfMonth",
  "graceDays",
  "toleranceAmount",
  "penaltyRatePerDay",
  "revolvingRatePerDay",
  "minRepaymentRate",
  "instalmentFee3",
  "instalmentFee6",
  "instalmentFee9",
  "instalmentFee12",
  "jiebeiRatePerDay",
  "jiebeiPenaltyRatePerDay",
  "chargeOffDays",
];

export function sameMechanics(a: Policy, b: Policy): boolean {
  // a policy against itself (every account of a single-policy population shares its one state's policy
  // with itself): fifteen keyed reads of a policy object cost 1 % of such a run
  if (a === b) return true;
  for (const k of MECHANICS) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Makes `s` a state shared by `policies` (slot 0 becomes the state's own policy); `members[i]` is what the
 * caller calls slot i. Throws when the mechanics differ.
 */
export function shareState(s: EngineState, policies: readonly Policy[], members: readonly number[][]): void {
  const first = policies[0];
  if (first === undefined || policies.length !== members.length)
    throw new RangeError("a lane needs one member list per policy, and at least one policy");
  for (const p of policies)
    if (!sameMechanics(first, p))
      throw new RangeError(`policies "${first.name}" and "${p.name}" differ in mechanics`);
  s.customer.policy = first;
  s.lane = { policies: [...policies], members: members.map((m) => [...m]), splits: [] };
}

export interface SharedDayHooks {
  /** a step taken on `state` (the shared one, or one split off it) */
  step(state: EngineState, o: StepOutcome): void;
  /** `child` left `parent` during an input, before either's steps of that input are reported */
  split(parent: EngineState, child: EngineState): void;
}

/** The phase of the day's first event (after open, statement, notices): where a lane switches policy. */
const FIRST_EVENT = 3;

/** The day's inputs in order (as runDay): open, statement, notices, the events, triggers, review, close. */
function phase(
  s: EngineState,
  day: number,
  events: readonly ScenarioEvent[],
  k: number,
): readonly StepOutcome[] {
  const n = events.length;
  if (k === 0) return openDay(s, day);
  if (k === 1) return day === s.nextStatement ? closeCycle(s) : NONE;
  if (k === 2) return s.notices ? dueNotices(s) : NONE;
  if (k < FIRST_EVENT + n) return step(s, events[k - FIRST_EVENT]!);
  if (k === FIRST_EVENT + n) return triggers(s);
  if (k === 4 + n) return day === s.nextReview ? review(s) : NONE;
  accrueAll(s.customer, day);
  if (day === s.nextMonthEnd) monthEnd(s);
  return NONE;
}

const NONE: readonly StepOutcome[] = Object.freeze([]);

/** A policy change taken before the day's events, as a `policy` event first among them (switchLane). */
export interface LaneSwitch {
  next: (member: number) => Policy | null;
  same: (a: Policy, b: Policy) => boolean;
}

/**
 * One day of a shared state (as `runDay`, with `change`, if given, as the first of the day's events);
 * states split off during the day take the rest of it alone.
 */
export function runSharedDay(
  s: EngineState,
  day: number,
  events: readonly ScenarioEvent[],
  hooks: SharedDayHooks,
  change?: LaneSwitch,
): void {
  runFrom(s, day, events, 0, hooks, change);
}

function runFrom(
  s: EngineState,
  day: number,
  events: readonly ScenarioEvent[],
  from: number,
  hooks: SharedDayHooks,
  change?: LaneSwitch,
): void {
  const last = 5 + events.length;
  for (let k = from; k <= last; k++) {
    if (k === FIRST_EVENT && change !== undefined) {
      const [own, ...others] = switchLane(s, change.next, change.same);
      for (const other of others) hooks.split(s, other.state);
      // the change's own steps (a policy whose rule an account already breaks lays a hold at once) are
      // the lane's like any other: each state's told of them before it takes the rest of the day
      for (const o of own!.steps) hooks.step(s, o);
      for (const other of others) {
        for (const o of other.steps) hooks.step(other.state, o);
        runFrom(other.state, day, events, FIRST_EVENT, hooks);
      }
    }
    const steps = phase(s, day, events, k);
    const lane = s.lane;
    if (lane !== null && lane.splits.length > 0) {
      const splits = takeSplits(lane);
      for (const split of splits) hooks.split(s, split.state);
      for (const split of splits) {
        for (const o of split.steps) hooks.step(split.state, o);
        runFrom(split.state, day, events, k + 1, hooks);
      }
    }
    for (let i = 0; i < steps.length; i++) hooks.step(s, steps[i]!);
  }
}

/** The lane's splits and theirs (a state split off may split again within the same input), in order. */
function takeSplits(lane: Lane): Lane["splits"] {
  const out: Lane["splits"] = [];
  for (const split of lane.splits) {
    out.push(split);
    if (split.state.lane !== null && split.state.lane.splits.length > 0)
      out.push(...takeSplits(split.state.lane));
  }
  lane.splits = [];
  return out;
}

/**
 * A policy change for a shared state: each member takes its own new policy (`next(member)`; null: it
 * keeps the one it has), as a `policy` event using it would (the policy it leaves is its slot's).
 * Members that end up with equal policies (`same`) share a slot; slots share a state when they come from
 * one slot, all changed or all kept, and agree in mechanics and in whether the change is one of the
 * unused-line terms (changesUnusedTerms); the others go on from copies. What the change decides is judged
 * under each slot's policy (policyChanged): slots that decide otherwise leave their state there. Returns
 * the states after the change (`s` first), each with the steps its policy event took (none for a state
 * that kept its policy).
 */
export function switchLane(
  s: EngineState,
  next: (member: number) => Policy | null,
  same: (a: Policy, b: Policy) => boolean,
): Array<{ state: EngineState; steps: readonly StepOutcome[] }> {
  const lane = s.lane ?? { policies: [s.customer.policy], members: [[]], splits: [] };
  type Slot = { policy: Policy; members: number[] };
  const plan: Array<{ old: Policy; change: boolean; slots: Slot[] }> = [];
  for (const [j, old] of lane.policies.entries()) {
    const kept: number[] = [];
    const slots: Slot[] = [];
    for (const m of lane.members[j]!) {
      const p = next(m);
      if (p === null) {
        kept.push(m);
        continue;
      }
      const slot = slots.find((x) => same(x.policy, p));
      if (slot) slot.members.push(m);
      else slots.push({ policy: p, members: [m] });
    }
    if (kept.length > 0) plan.push({ old, change: false, slots: [{ policy: old, members: kept }] });
    // slots share the state the change leaves only when it leaves the same state for each: the same
    // mechanics, and the unused-line terms changed for all or for none (each line's unusedTermsDay:
    // review/dormant.ts, changesUnusedTerms) — a member whose switch changed them, sharing the state of
    // one whose switch did not, was told of its closure as if its terms had never changed. What the
    // change decides (a hold for a change rule already broken) is judged under each slot's policy on the
    // change's own step (policyChanged), and slots that decide otherwise leave there
    const groups: Slot[][] = [];
    for (const slot of slots) {
      const terms = changesUnusedTerms(old, slot.policy);
      const g = groups.find(
        (x) => sameMechanics(x[0]!.policy, slot.policy) && changesUnusedTerms(old, x[0]!.policy) === terms,
      );
      if (g) g.push(slot);
      else groups.push([slot]);
    }
    for (const g of groups) plan.push({ old, change: true, slots: g });
  }
  if (plan.length === 0) return [{ state: s, steps: NONE }];
  // every copy is taken before any state changes
  const states = plan.map((_, i) => (i === 0 ? s : fork(s)));
  const out: Array<{ state: EngineState; steps: readonly StepOutcome[] }> = [];
  const split: typeof out = [];
  for (const [i, { old, change, slots }] of plan.entries()) {
    const state = states[i]!;
    state.customer.policy = old;
    state.lane = {
      policies: slots.map((x) => x.policy),
      members: slots.map((x) => x.members),
      splits: [],
    };
    if (!change) {
      out.push({ state, steps: NONE });
      continue;
    }
    // (as `step` takes an input: an answer given is not given again across it)
    state.answered = null;
    const event = { type: "policy", day: state.day, index: -1, use: slots[0]!.policy, set: {} } as const;
    out.push({ state, steps: policyChanged(state, event, slots[0]!.policy) });
    split.push(...takeSplits(state.lane));
  }
  return [...out, ...split];
}

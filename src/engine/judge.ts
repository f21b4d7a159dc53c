// Deciding on a lane: a state stepped for several policies at once (lanes.ts) asks each policy for its
// verdict and splits off those that decide otherwise.

import type { StepOutcome } from "./apply-verdict.js";
import { type EngineState, fork } from "./state.js";
import type { RuleFact, Verdict } from "./verdict.js";

/** A state that decides for its own policy alone (no lane, or a lane of one): `judge` would only run
 *  `compute`, so callers decide directly and make no closures for it (most decisions of a population). */
export const alone = (s: EngineState): boolean => s.lane === null || s.lane.policies.length < 2;

/**
 * A decision on a state shared by several policies (a lane): the verdict of the state's own policy, after
 * `compute` ran once more under each other policy of the lane. Policies that decide otherwise leave the
 * lane here: each group that decided alike gets a copy of the state as it is at this decision and takes
 * the rest of the input on it with its own verdict (`rest`), and is recorded in `lane.splits`. Decisions
 * read the policy and nothing else varies between a lane's policies (lanes.ts), so a split-off state is the
 * state its policies would have had stepped alone.
 */
export function judge<V extends Verdict | null>(
  s: EngineState,
  compute: () => V,
  rest: (f: EngineState, v: V) => readonly StepOutcome[],
): V {
  const v = compute();
  const lane = s.lane;
  if (lane === null || lane.policies.length < 2) return v;
  const c = s.customer;
  const own = c.policy;
  let groups: Array<{ verdict: V; slots: number[] }> | null = null;
  for (let i = 1; i < lane.policies.length; i++) {
    c.policy = lane.policies[i]!;
    let w: V;
    try {
      w = compute();
    } finally {
      c.policy = own;
    }
    if (sameVerdict(v, w)) continue;
    groups ??= [];
    const group = groups.find((g) => sameVerdict(g.verdict, w));
    if (group) group.slots.push(i);
    else groups.push({ verdict: w, slots: [i] });
  }
  if (groups === null) return v;
  const leaving = new Set(groups.flatMap((g) => g.slots));
  for (const g of groups) {
    const f = fork(s);
    f.customer.policy = lane.policies[g.slots[0]!]!;
    f.lane = {
      policies: g.slots.map((i) => lane.policies[i]!),
      members: g.slots.map((i) => lane.members[i]!),
      splits: [],
    };
    lane.splits.push({ state: f, steps: rest(f, g.verdict) });
  }
  lane.policies = lane.policies.filter((_, i) => !leaving.has(i));
  lane.members = lane.members.filter((_, i) => !leaving.has(i));
  return v;
}

/** Two verdicts that leave the customer and the record alike. A review that decides nothing and names
 *  nothing changes nothing; one that names what keeps a suspended line suspended (NOT_RESTORED_YET: a
 *  periodic review, or an early one declined) keeps its facts with the record — all of them, beyond the
 *  four reasons it shows — and the restoration reads them (what was cleared since: a score below one
 *  policy's bands is no blocker under another), so its reasons and facts must be each policy's own. An
 *  answer (`info`: customer service, a review with nothing to review) is on record with its reasons, which
 *  must be each policy's own. A decision's facts are not compared: their values are the shared state's,
 *  alike under every policy, and their thresholds differ. */
function sameVerdict(a: Verdict | null, b: Verdict | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.decision !== b.decision) return false;
  if (!sameList(a.reasons, b.reasons)) return false;
  // what a review names in the way of a restoration is kept with the record (apply-verdict.ts, noteNamed)
  if (a.reasons[0] === "NOT_RESTORED_YET" && !sameFacts(a.facts, b.facts)) return false;
  if (a.decision === null) return true;
  const limit = (v: Verdict) => ("limit" in v ? v.limit : undefined);
  const cause = (v: Verdict) => ("cause" in v ? v.cause : undefined);
  const beneath = (v: Verdict) => ("beneath" in v ? v.beneath : undefined);
  const before = (v: Verdict) => ("policyBefore" in v ? v.policyBefore : undefined);
  return (
    limit(a) === limit(b) && cause(a) === cause(b) && beneath(a) === beneath(b) && before(a) === before(b)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Facts alike field by field (code, parameter, threshold, value, before, line). */
function sameFacts(a: readonly RuleFact[], b: readonly RuleFact[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]) as Set<keyof RuleFact>;
    for (const k of keys) if (x[k] !== y[k]) return false;
  }
  return true;
}

// Deciding on a lane: a state stepped for several policies at once (lanes.ts) asks each policy for its
// verdict and splits off those that decide otherwise.

import { cutFact, factsKept, type StepOutcome } from "./apply-verdict.js";
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

/** Every field a verdict may have, of any decision. */
export type VerdictField = Verdict extends infer V ? (V extends unknown ? keyof V : never) : never;

const field = <K extends VerdictField>(v: Verdict, k: K): unknown => (v as Partial<Record<K, unknown>>)[k];
const same =
  (k: VerdictField) =>
  (a: Verdict, b: Verdict): boolean =>
    field(a, k) === field(b, k);

/**
 * How two verdicts are alike in each field: the step shows the decision and its reasons, and what
 * applying a verdict keeps on its line (apply-verdict.ts) must be equal — a policy that shares another's
 * verdict shares what it leaves on record, and later decisions read it. A field the type gains is a
 * compile error here until it is said how it compares (a field kept on record compares whole).
 */
export const ALIKE: { readonly [K in VerdictField]: (a: Verdict, b: Verdict) => boolean } = {
  decision: same("decision"),
  // shown with the step, and kept as the record's (a suspension, a closure, a cut of an active line)
  reasons: (a, b) => sameList(a.reasons, b.reasons),
  // the thresholds kept differ with the policy, and a restoration reads them (MEETS_CURRENT_POLICY, what
  // was cleared since); facts not kept are the shared state's values against each policy's thresholds
  facts: (a, b) => {
    const kept = factsKept(a);
    if (kept !== factsKept(b)) return false;
    if (kept === "all") return sameFacts(a.facts, b.facts);
    return kept === "none" || sameFact(cutFact(a), cutFact(b));
  },
  // the reasons kept with a cut that comes with a suspension or a restoration (line.cut)
  cutReasons: (a, b) =>
    a.cutReasons === b.cutReasons ||
    (a.cutReasons !== undefined && b.cutReasons !== undefined && sameList(a.cutReasons, b.cutReasons)),
  // what a cut of a suspended line names in the way, kept with the record (line.blockersNamed)
  named: (a, b) =>
    a.named === b.named || (a.named !== undefined && b.named !== undefined && sameFacts(a.named, b.named)),
  // the most a cut's record gives back (line.cut.givesBack), kept with the cut
  bandHolds: same("bandHolds"),
  // the trim of Jiebei a restoration of Huabei decided, which Jiebei's review that day applies
  trims: same("trims"),
  limit: same("limit"),
  cause: same("cause"),
  beneath: same("beneath"),
  policyBefore: same("policyBefore"),
};

const FIELDS = Object.keys(ALIKE) as VerdictField[];

/** Two verdicts that leave the customer, the record and the step alike, field by field (ALIKE). */
export function sameVerdict(a: Verdict | null, b: Verdict | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  for (const k of FIELDS) if (!ALIKE[k](a, b)) return false;
  return true;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Facts alike field by field, in order. */
function sameFacts(a: readonly RuleFact[], b: readonly RuleFact[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFact(a[i], b[i])) return false;
  return true;
}

/** Every field a fact may have (a field the type gains is a compile error until it is listed). */
const FACT_FIELDS = Object.keys({
  code: 0,
  parameter: 0,
  threshold: 0,
  value: 0,
  before: 0,
  line: 0,
  transactions: 0,
  amount: 0,
  limits: 0,
  onceUsed: 0,
  scoreOnceUsed: 0,
  debtCounted: 0,
  huabeiCounted: 0,
  jiebeiCounted: 0,
  huabeiUsed: 0,
  jiebeiUsed: 0,
  huabeiOwedToday: 0,
  jiebeiOwedToday: 0,
  jiebeiLeast: 0,
  smallest: 0,
  smallestParameter: 0,
  readOn: 0,
  readOnDate: 0,
  window: 0,
  windowClearsOn: 0,
  liftsOn: 0,
  usedBy: 0,
  fitsTerm: 0,
  fitsAmount: 0,
  from: 0,
  cleared: 0,
  heldAt: 0,
  changed: 0,
  changedOn: 0,
} satisfies Record<keyof RuleFact, 0>) as (keyof RuleFact)[];

/** Two facts alike in every field (absent in both, or equal). */
function sameFact(x: RuleFact | undefined, y: RuleFact | undefined): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  for (const k of FACT_FIELDS) if (x[k] !== y[k]) return false;
  return true;
}

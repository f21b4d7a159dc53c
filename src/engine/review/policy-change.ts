// Whether a policy change is what holds a suspended line, how its decisions cite it, and what a suspension is
// to be recorded for now.

import { type Customer, customerWith, type Line, suspendedFor } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import type { Scored, ScoredFile } from "../score-inputs.js";
import { changeAlone, sinceChange } from "../standard.js";
import { isHoldCode } from "../triggers.js";
import type { Policy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import { restorationBlockers, standingBlockers, withKeptOnceUsed } from "./blockers.js";

/** The policy before the change a suspended line's `cause` is judged against (heldByPolicy): the one a
 *  policy suspension met, or the one a credit suspension was under when a change came; null: none. */
function policyBeforeChange(line: Line, cause: Line["cause"]): Policy | null {
  return cause === "policy" ? line.policyBefore : cause === "credit" ? line.suspendedUnder : null;
}

/** A suspended line's blockers (`cause`: the suspension's) with the thresholds the change holding it
 *  moved (sinceChange), when `codes` cite it (citing); else as they are. */
export function citedFacts(
  c: Customer,
  line: Line,
  cause: Line["cause"],
  codes: readonly ReasonCode[],
  facts: readonly RuleFact[],
): RuleFact[] {
  const was = codes.includes("POLICY_CHANGE") ? policyBeforeChange(line, cause) : null;
  return was === null ? [...facts] : sinceChange(facts, c.policy, was);
}

/**
 * Whether a policy change is what holds a suspended line (`cause`: the suspension's), the policy before
 * it being the one a line suspended for the change was judged against, or the one a line suspended for
 * credit was under when a change came: what keeps it suspended today is the change's alone (changeAlone)
 * — that policy would restore it, or would not only for a rule the change loosened. Once something that
 * policy would not restore either keeps it suspended (a score that fell, an overdue), that is what holds
 * it, and what is named.
 * (The review bench's rules-engine mirror, bench/review-mirror.mjs, takes this rule as a fact and must
 * agree with the decisions built on it: test/engine/review-mirror.test.ts.) `now`: what stands in the way
 * under today's policy (restorationBlockers for `cause`), when the caller has it; `today`: the file `s`
 * scores (restoredOnceUsed).
 */
export function heldByPolicy(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause: Line["cause"],
  now: readonly RuleFact[] | null = null,
  today: ScoredFile | null = null,
): boolean {
  const before = policyBeforeChange(line, cause);
  if (before === null) return false;
  const held = now ?? restorationBlockers(c, line, day, s, cause, today);
  const was = customerWith(c, { policy: before });
  const standing = standingBlockers(was, line, day, s, cause);
  // the kept-once-used check only adds to what stands in the way under the policy before: once something
  // stands in the way under both, nothing it adds makes the rest the change's alone
  if (!changeAlone(held, standing)) return false;
  return changeAlone(held, withKeptOnceUsed(was, line, day, s, cause, standing, today).blockers);
}

/**
 * What a suspension recorded for `cause` is to be recorded for now, given whether a policy change is what
 * holds the line (`byChange`): a policy suspension the change no longer holds is the customer's own
 * (credit); a credit suspension the customer has cleared, held only by a change made since, is the
 * change's (the policy before it: the one it was suspended under). Null: it stays as recorded.
 */
export function recordedFor(cause: Line["cause"], byChange: boolean, line: Line): "credit" | Policy | null {
  if (cause === "policy" && !byChange) return "credit";
  if (cause === "credit" && byChange) return line.suspendedUnder;
  return null;
}

/** A suspended line's blockers as its decisions cite them: the policy change first while it holds it
 *  (`byChange`: heldByPolicy for the suspension, when the caller has it). */
export function citing(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  blockers: readonly RuleFact[],
  byChange: boolean | null = null,
): ReasonCode[] {
  const codes = blockers.map((f) => f.code);
  // nothing in the way (ready to restore): nothing holds it
  if (codes.length === 0 || !(byChange ?? heldByPolicy(c, line, day, s, suspendedFor(line)))) return codes;
  // after the hold's own code (only a verification lifts it), the suspension beneath
  const at = isHoldCode(codes[0]) ? 1 : 0;
  return [...codes.slice(0, at), "POLICY_CHANGE", ...codes.slice(at)];
}

// Lifting a security hold (`verify_identity`): the hold alone, the suspension beneath left to its own rules.

import { type Customer, customerDaysPastDue, type Line } from "../customer.js";
import type { Scored } from "../score-inputs.js";
import { changeAlone, failsStandard, sinceChange } from "../standard.js";
import { principalReasons, type RuleFact, type Verdict } from "../verdict.js";
import { restorationBlockers } from "./blockers.js";
import { citedFacts, heldByPolicy, recordedFor } from "./policy-change.js";

/**
 * `verify_identity` on a security suspension: the hold is lifted, and nothing more. A hold laid over a
 * suspension for credit or policy leaves that suspension to its own restoration rules (verifying identity
 * is no way round a clean period or a restoration score) and to the review that restores it, as without
 * the hold — one that is ready to end (a required identity now verified too) ends at the next review, so
 * more changes of bound details never bring an earlier restoration. A line that was active under the hold
 * and meanwhile fell overdue too long or below its minimum score stays suspended, now for credit.
 */
export function liftSecurityHold(c: Customer, line: Line, day: number, s: Scored): Verdict {
  const held = line.heldOver;
  if (held !== null) {
    const blockers = restorationBlockers(c, line, day, s, held.cause);
    if (blockers.length === 0)
      return { decision: "suspended", cause: held.cause, reasons: ["RESTORED_AT_REVIEW"], facts: [] };
    const codes = blockers.map((f) => f.code);
    const policy = heldByPolicy(c, line, day, s, held.cause);
    const reasons = principalReasons(policy ? ["POLICY_CHANGE", ...codes] : codes, s);
    const facts = policy ? citedFacts(c, line, held.cause, ["POLICY_CHANGE"], blockers) : blockers;
    // left suspended for what holds the line, as the review that finds it records it (recordedFor)
    const now = recordedFor(held.cause, policy, line);
    if (now !== null && now !== "credit")
      return { decision: "suspended", cause: "policy", policyBefore: now, reasons, facts };
    return { decision: "suspended", cause: now ?? held.cause, reasons, facts };
  }
  const credit: RuleFact[] = [];
  const dpd = customerDaysPastDue(c, day);
  if (dpd >= c.policy.suspendOverdueDays)
    credit.push({
      code: "OVERDUE_TOO_LONG",
      parameter: "suspendOverdueDays",
      threshold: c.policy.suspendOverdueDays,
      value: dpd,
    });
  const failures = failsStandard(c, line.id, c.policy, s);
  credit.push(...failures);
  if (credit.length === 0)
    return { decision: "restored", reasons: ["IDENTITY_VERIFIED"], facts: [], limit: line.limit };
  // judged as the active line it was, as the review judges it (keptStandard): one whose failures are a
  // change's alone (changeAlone), and is not too long past due, is suspended for the change
  const prev = line.previousPolicy;
  if (
    credit.length === failures.length &&
    prev !== null &&
    changeAlone(failures, failsStandard(c, line.id, prev, s))
  )
    return {
      decision: "suspended",
      cause: "policy",
      policyBefore: prev,
      reasons: principalReasons(["POLICY_CHANGE", ...failures.map((f) => f.code)], s),
      facts: sinceChange(failures, c.policy, prev),
    };
  return {
    decision: "suspended",
    cause: "credit",
    reasons: principalReasons(
      credit.map((f) => f.code),
      s,
    ),
    facts: credit,
  };
}

// The review engine's rules: each takes the account, the day and the score, and returns a verdict.
// Rules decide; they never change the account (simulate.ts applies verdicts), so each is testable alone.

import { type Account, countWithin, eligibilityFailures, supportedLimit } from "./account.js";
import { overdueAmount, overdueDays } from "./ledger.js";
import type { ReasonCode } from "./reasons.js";
import { appendScoreReasons } from "./scorecard.js";
import type { Cause, Decision, Fen, Policy } from "./types.js";

export interface Verdict {
  decision: Decision | null;
  reasons: ReasonCode[];
  /** the new limit for approvals, reductions and restorations */
  limit?: Fen;
  cause?: Cause;
}

export interface Scored {
  score: number;
  points: readonly number[];
}

/** Keeps the first of each code (lists are a handful long: no Set needed). */
const uniq = (codes: ReasonCode[]): ReasonCode[] => codes.filter((c, i) => codes.indexOf(c) === i);

const SCORE_RULES = new Set<ReasonCode>([
  "SCORE_BELOW_RESTORE",
  "SCORE_BELOW_OPEN_MINIMUM",
  "SCORE_BELOW_INCREASE_MINIMUM",
  "SCORE_BELOW_MINIMUM",
  "SCORE_BELOW_LIMIT_BAND",
  // the burden rule: the scorecard's burden characteristics say what makes the debt too high
  "DEBT_TO_INCOME_TOO_HIGH",
]);

/**
 * A decision rule's own codes; when the rule is the score, the scorecard's reasons follow (the
 * characteristics that kept it low), at most 4 of them as adverse-action practice has it.
 */
function adverse(rule: ReasonCode[], s: Scored): ReasonCode[] {
  const out = uniq(rule);
  if (!rule.some((r) => SCORE_RULES.has(r))) return out;
  return appendScoreReasons(s.points, out, rule.length + 4);
}

/** Applications to open or to raise the limit. The inquiry has been recorded before this runs;
 *  the score is the one before the inquiry, as a lender pulling the file would see it. */
export function decideApplication(
  a: Account,
  day: number,
  product: "open" | "increase",
  amount: Fen,
  s: Scored,
): Verdict {
  const p = a.policy;
  const declined = (rule: ReasonCode[]): Verdict => ({ decision: "declined", reasons: adverse(rule, s) });
  if (product === "open") {
    if (a.status === "active" || a.status === "suspended") return declined(["ACCOUNT_EXISTS"]);
  } else {
    if (a.status === "none") return declined(["NO_ACCOUNT"]);
    if (a.status === "closed") return declined(["ACCOUNT_CLOSED"]);
    if (a.status === "suspended") return declined(["ACCOUNT_SUSPENDED", ...a.reasonsOnRecord]);
  }
  if (countWithin(a.inquiries, day, 30) > p.maxApplications30d) return declined(["TOO_MANY_APPLICATIONS"]);
  if (overdueAmount(a.ledger) > 0) return declined(["OVERDUE_OUTSTANDING"]);
  const minimum = product === "open" ? p.minOpenScore : p.minIncreaseScore;
  if (s.score < minimum) {
    return declined([product === "open" ? "SCORE_BELOW_OPEN_MINIMUM" : "SCORE_BELOW_INCREASE_MINIMUM"]);
  }
  const failures = eligibilityFailures(a, p);
  if (failures.length > 0) return declined(failures);
  const cap = supportedLimit(s.score, a.profile.monthlyIncome, p);
  const wanted = product === "open" ? amount : a.limit + amount;
  if (product === "increase" && cap <= a.limit) return declined(["LIMIT_AT_MAXIMUM"]);
  if (cap <= 0) return declined(["SCORE_BELOW_OPEN_MINIMUM"]);
  if (wanted <= cap) return { decision: "approved", reasons: ["MEETS_POLICY"], limit: wanted };
  return { decision: "approved_lower", reasons: ["MEETS_POLICY", "LIMIT_CAPPED"], limit: cap };
}

/** Purchase authorisation. */
export function authorise(a: Account, amount: Fen, balance: Fen): Verdict {
  if (a.status === "none") return { decision: "declined", reasons: ["NO_ACCOUNT"] };
  if (a.status === "closed") return { decision: "declined", reasons: ["ACCOUNT_CLOSED"] };
  if (a.status === "suspended") {
    return { decision: "declined", reasons: uniq(["ACCOUNT_SUSPENDED", ...a.reasonsOnRecord]).slice(0, 5) };
  }
  if (amount > a.limit - balance) return { decision: "declined", reasons: ["OVER_LIMIT"] };
  return { decision: "approved", reasons: ["WITHIN_LIMIT"] };
}

/** Real-time trigger: overdue beyond the policy's days suspends an active account at once. */
export function overdueTrigger(a: Account, day: number): Verdict | null {
  if (a.status !== "active") return null;
  if (overdueDays(a.ledger, day) < a.policy.suspendOverdueDays) return null;
  return { decision: "suspended", cause: "credit", reasons: ["OVERDUE_TOO_LONG", "OVERDUE_NOW"] };
}

/** Real-time trigger: too many bound-detail changes in the window since the last verification. */
export function securityTrigger(a: Account, day: number): Verdict | null {
  if (a.status !== "active") return null;
  const p = a.policy;
  const recent = a.profileChanges.filter((d) => d >= a.verifiedDay && day - d < p.securityWindowDays).length;
  if (recent <= p.securityMaxChanges) return null;
  return {
    decision: "suspended",
    cause: "security",
    reasons: ["SECURITY_PROFILE_CHANGES", "FREQUENT_PROFILE_CHANGES"],
  };
}

/** Why an account fails a policy's standard for keeping (or regaining) credit: empty when it passes. */
function failsStandard(
  a: Account,
  policy: Policy,
  s: Scored,
  threshold: number,
  failures?: ReasonCode[],
  code: ReasonCode = "SCORE_BELOW_MINIMUM",
): ReasonCode[] {
  const out = failures ?? [];
  if (s.score < threshold) out.push(code);
  return eligibilityFailures(a, policy, out);
}

/** What stands between a suspended account and restoration now (empty: restore). */
export function restorationBlockers(a: Account, day: number, s: Scored): ReasonCode[] {
  if (a.cause === "security") return ["SECURITY_PROFILE_CHANGES"];
  const blockers: ReasonCode[] = [];
  if (overdueAmount(a.ledger) > 0 || overdueDays(a.ledger, day) > 0) blockers.push("OVERDUE_OUTSTANDING");
  else if (day - lastCured(a) < a.policy.restoreCleanDays) blockers.push("OVERDUE_TOO_RECENT");
  return failsStandard(a, a.policy, s, a.policy.restoreScore, blockers, "SCORE_BELOW_RESTORE");
}

/**
 * `verify_identity` on a security suspension: the hold is lifted; an account that meanwhile fell overdue
 * too long or below `minScore` stays suspended, now for credit, instead of being reactivated.
 */
export function liftSecurityHold(a: Account, day: number, s: Scored): Verdict {
  const credit: ReasonCode[] = [];
  if (overdueDays(a.ledger, day) >= a.policy.suspendOverdueDays)
    credit.push("OVERDUE_TOO_LONG", "OVERDUE_NOW");
  failsStandard(a, a.policy, s, a.policy.minScore, credit);
  if (credit.length === 0) return { decision: "restored", reasons: ["IDENTITY_VERIFIED"], limit: a.limit };
  return { decision: "suspended", cause: "credit", reasons: adverse(["IDENTITY_VERIFIED", ...credit], s) };
}

/** The day the latest overdue episode was repaid (−∞ when never overdue). */
export function lastCured(a: Account): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const d of a.ledger.delinquencies) if (d.curedDay !== null && d.curedDay > last) last = d.curedDay;
  return last;
}

/** The restoration verdict for a suspended account whose blockers are gone. */
function restore(a: Account, s: Scored): Verdict {
  const onRecord = a.reasonsOnRecord;
  const reasons: ReasonCode[] = [];
  if (
    onRecord.includes("OVERDUE_NOW") ||
    onRecord.includes("OVERDUE_TOO_LONG") ||
    onRecord.includes("OVERDUE_OUTSTANDING")
  ) {
    reasons.push("ARREARS_CLEARED");
  }
  if (onRecord.includes("SCORE_BELOW_MINIMUM")) reasons.push("SCORE_RECOVERED");
  if (onRecord.includes("IDENTITY_REQUIRED")) reasons.push("IDENTITY_VERIFIED");
  if (a.cause === "policy" || reasons.length === 0) reasons.push("MEETS_CURRENT_POLICY");
  const limit = Math.min(a.limit, supportedLimit(s.score, a.profile.monthlyIncome, a.policy));
  if (limit < a.limit) reasons.push("LIMIT_CAPPED");
  return { decision: "restored", reasons, limit };
}

/** Shared by every review that decides nothing (most of them): nothing to allocate. */
const NO_DECISION: Verdict = Object.freeze({
  decision: null,
  reasons: Object.freeze([]) as unknown as ReasonCode[],
});

/** The monthly periodic review (and an early review a customer asked for, when `requested`). */
export function periodicReview(a: Account, day: number, s: Scored, requested = false): Verdict {
  const p = a.policy;
  if (a.status === "active" && !requested) {
    const failures = failsStandard(a, p, s, p.minScore);
    if (failures.length > 0) {
      // A policy cause only when the account would still pass the policy it had before the change.
      const prev = a.previousPolicy;
      const passedBefore = prev !== null && failsStandard(a, prev, s, prev.minScore).length === 0;
      return passedBefore
        ? { decision: "suspended", cause: "policy", reasons: adverse(["POLICY_CHANGE", ...failures], s) }
        : { decision: "suspended", cause: "credit", reasons: adverse(failures, s) };
    }
    if (s.score < p.reduceLimitScore) {
      // the limit may fall below the balance: available credit is then 0 until it is repaid
      const cap = supportedLimit(s.score, a.profile.monthlyIncome, p);
      if (cap < a.limit)
        return { decision: "limit_reduced", reasons: adverse(["SCORE_BELOW_LIMIT_BAND"], s), limit: cap };
    }
    return NO_DECISION;
  }
  if (a.status === "suspended") {
    const blockers = restorationBlockers(a, day, s);
    if (blockers.length === 0) return restore(a, s);
    if (!requested && a.suspendedDay !== null && day - a.suspendedDay >= p.closeAfterSuspendedDays) {
      return { decision: "closed", reasons: uniq(["LONG_SUSPENSION", ...blockers]) };
    }
    return {
      decision: requested ? "declined" : null,
      reasons: adverse(["NOT_RESTORED_YET", ...blockers], s),
    };
  }
  return requested ? { decision: "info", reasons: ["NOTHING_TO_REVIEW"] } : NO_DECISION;
}

/** `request_review`: an early restoration review, at most one per cooldown. */
export function requestedReview(a: Account, day: number, s: Scored): Verdict {
  if (a.status === "none") return { decision: "info", reasons: ["NO_ACCOUNT"] };
  if (a.status !== "suspended") return { decision: "info", reasons: ["NOTHING_TO_REVIEW"] };
  if (a.lastReviewRequest !== null && day - a.lastReviewRequest < a.policy.reviewRequestCooldownDays) {
    return { decision: "declined", reasons: ["REVIEW_TOO_SOON"] };
  }
  return periodicReview(a, day, s, true);
}

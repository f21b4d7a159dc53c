// The standard a line is kept to at the review — the suspension it fails into and line management's cuts —
// apart from the review itself (review.ts), so that a grant judged against what the next review keeps
// (grant.ts) and the review, whose restorations are held to the same (restoredOnceUsed), read one
// standard without importing each other. Rules decide and never change the customer.

import {
  type Customer,
  customerOverdue,
  type Line,
  type LineRules,
  lineOf,
  otherOf,
  overdue,
  rulesFor,
  thinFile,
} from "./customer.js";
import {
  CUT_BY,
  capFact,
  capFor,
  eligibilityFailures,
  managedCap,
  noLineFact,
  param,
  scoreFact,
  standingCap,
} from "./eligibility.js";
import { capByRule, heldCap, type LimitCap, lowestBandScore, noLineAt } from "./limits.js";
import { wholeFen } from "./money.js";
import { REASONS, type ReasonCode, type ReasonInfo } from "./reasons.js";
import type { Scored } from "./score-inputs.js";
import type { Policy } from "./types.js";
import { MAX_REASONS, principalReasons, type RuleFact, type Verdict } from "./verdict.js";
import type { LineId, PolicyParamName } from "./vocabulary.js";

/** Why a line fails a policy's standard for keeping credit: empty when it passes. */
export function failsStandard(c: Customer, line: LineId, policy: Policy, s: Scored): RuleFact[] {
  const rules = rulesFor(policy, line);
  const out: RuleFact[] = [];
  if (s.score < rules.minScore)
    out.push(scoreFact("SCORE_BELOW_MINIMUM", param(line, "minScore", "jiebeiMinScore"), rules.minScore, s));
  // the score first: it is at hand, while the overdue reads both lines' bills and loans (most reviews
  // are of a score above delinquentMinScore, and need not)
  else if (s.score < policy.delinquentMinScore && customerOverdue(c) > 0) {
    const f = scoreFact("PAST_DUE_AT_REVIEW", "delinquentMinScore", policy.delinquentMinScore, s);
    // past due on the other line alone: named, as the clean record's fact names it at the later reviews (a
    // Jiebei never late was suspended "past due at the review" without a word of Huabei's overdue)
    const own = lineOf(c, line);
    if (overdue(own) === 0) f.line = otherOf(c, own).id;
    out.push(f);
  }
  return eligibilityFailures(c, rules, policy, out);
}

/** The score's thresholds — to keep a line (past due too), to restore it, the lowest band — are one
 *  standard: a score short of one policy's and of another's falls short of both, whichever threshold each
 *  names (a policy that blocks on the restoration score does not also name the bands; one whose minScore
 *  fails the score does not ask its delinquentMinScore). */
export const SCORE_STANDARD: ReadonlySet<ReasonCode> = new Set([
  "SCORE_BELOW_MINIMUM",
  "PAST_DUE_AT_REVIEW",
  "SCORE_BELOW_RESTORE",
  "SCORE_BELOW_LIMIT_BANDS",
]);
const standardOf = (code: ReasonCode): string => (SCORE_STANDARD.has(code) ? "score" : code);

/**
 * Whether what stands in the way under today's policy (`now`) is the change's alone: something does, and
 * none of it stands in the way under the policy before the change too (`before`). A change that loosens
 * one rule and adds another holds a line whose only shortfall under the old policy was the loosened rule
 * — what is left is the lender's new rule, not the customer's failing — and one that stands in both (an
 * overdue, a debt over both caps, a score short of both) is the customer's own.
 */
export function changeAlone(now: readonly RuleFact[], before: readonly RuleFact[]): boolean {
  const old = new Set(before.map((f) => standardOf(f.code)));
  return now.length > 0 && now.every((f) => !old.has(standardOf(f.code)));
}

/** The threshold `parameter` sets under `policy`, as a fact of `code` states it (an amount in fen, the
 *  bands' lowest score); undefined for one that sets no number (a verified identity). */
function thresholdUnder(policy: Policy, parameter: PolicyParamName, code: ReasonCode): number | undefined {
  const v: unknown = policy[parameter];
  if (Array.isArray(v)) return lowestBandScore({ limitBands: v } as unknown as LineRules);
  if (typeof v !== "number") return undefined;
  const info: ReasonInfo = REASONS[code];
  return info.unit === "fen" ? wholeFen(v) : v;
}

/**
 * `facts` as a policy change's decision cites them: each threshold the change moved past the customer's
 * value says what it was under the policy before it (`before`, as the overdue trigger's fact does) — a
 * threshold the parameter it names sets under both policies; one derived otherwise is left as it is.
 */
export function sinceChange(facts: readonly RuleFact[], now: Policy, was: Policy): RuleFact[] {
  return facts.map((f) => {
    if (f.parameter === undefined || f.threshold === undefined || f.before !== undefined) return f;
    if (thresholdUnder(now, f.parameter, f.code) !== f.threshold) return f;
    const before = thresholdUnder(was, f.parameter, f.code);
    return before === undefined || before === f.threshold ? f : { ...f, before };
  });
}

/** Whether a line meets the standard for keeping credit: null, or the suspension (a policy cause when
 *  what it fails is the change's alone, as the policy before a change would judge it; below the smallest
 *  line, credit). */
export function keptStandard(c: Customer, line: Line, s: Scored): Verdict | null {
  const p = c.policy;
  const failures = failsStandard(c, line.id, p, s);
  if (failures.length > 0) {
    // the change's when what the line fails is the change's alone (changeAlone), as for a suspended line
    const prev = line.previousPolicy;
    const byChange = prev !== null && changeAlone(failures, failsStandard(c, line.id, prev, s));
    const codes: ReasonCode[] = byChange ? ["POLICY_CHANGE"] : [];
    codes.push(...failures.map((f) => f.code));
    return suspendAtReview(c, line, s, codes, failures, byChange ? prev : "credit");
  }
  const fact = noLine(c, line, p, s);
  if (fact !== null) {
    // never an active line below the smallest limit: suspended with the reason instead — the change's
    // when the policy before it had a line for this customer (a smallest line or a lowest band raised)
    const prev = line.previousPolicy;
    const before = prev === null ? null : noLine(c, line, prev, s);
    const byChange = prev !== null && changeAlone([fact], before === null ? [] : [before]);
    return suspendAtReview(
      c,
      line,
      s,
      byChange ? ["POLICY_CHANGE", fact.code] : [fact.code],
      [fact],
      byChange ? prev : "credit",
    );
  }
  return null;
}

/** Why `policy` has no line for the customer at the line's limit (noLineFact, noLineAt), or null when it
 *  has one. */
function noLine(c: Customer, line: Line, policy: Policy, s: Scored): RuleFact | null {
  const cap = capFor(c, line.id, s, policy);
  return cap === null || noLineAt(cap, line.limit)
    ? noLineFact(line.id, rulesFor(policy, line.id), cap, s, line.limit)
    : null;
}

/** A suspension at the review, for credit or for a policy change (`by`: the policy the line met before
 *  it). Line management does not wait for a restoration: a cut due today comes with it (its code follows
 *  the suspension's reasons when there is room; its fact is always there) — at a periodic review
 *  (`manage`), not an early one. */
export function suspendAtReview(
  c: Customer,
  line: Line,
  s: Scored,
  codes: ReasonCode[],
  facts: RuleFact[],
  by: "credit" | Policy,
  manage = true,
): Extract<Verdict, { decision: "suspended" }> {
  const cut = manage ? lineManagement(c, line, s) : null;
  const reasons = principalReasons(codes, s);
  const cause = by === "credit" ? { cause: by } : { cause: "policy" as const, policyBefore: by };
  // a change's suspension says what each threshold it moved was before it
  const own = by === "credit" ? facts : sinceChange(facts, c.policy, by);
  if (cut?.decision !== "limit_reduced") return { decision: "suspended", ...cause, reasons, facts: own };
  if (reasons.length < MAX_REASONS && !reasons.includes(cut.facts[0]!.code)) reasons.push(cut.facts[0]!.code);
  return {
    decision: "suspended",
    ...cause,
    reasons,
    facts: [...own, ...cut.facts],
    limit: cut.limit,
    cutReasons: cut.reasons,
    ...(cut.bandHolds === undefined ? {} : { bandHolds: cut.bandHolds }),
  };
}

/**
 * Line management at the review: the caps that hold whatever the score (income, the product's largest
 * limit, thin file) apply at every review, the score's band once the score is below reduceLimitScore (a
 * margin, so that a score moving a few points does not move the limit) — and below every band, the
 * lowest band's (managedCap), on a line suspended meanwhile too, so the limit a restoration finds is never
 * higher for a worse score. Null when the limit stands.
 */
export function lineManagement(c: Customer, line: Line, s: Scored): Verdict | null {
  const cap = cutTo(c, line, s, c.policy);
  if (cap === null) return null;
  const code = CUT_BY[cap.binding];
  // a cut the policy before a change would not have made is the lender's doing, and says so first
  const prev = line.previousPolicy;
  const byPolicy = prev !== null && cutTo(c, line, s, prev) === null;
  const fact = capFact(code, cap, line.id, line.limit);
  // the change's cut cites its cap as the new policy's: what the same rule allowed before it, as a
  // change's suspension cites each threshold it moved (sinceChange) — the income never changed
  if (byPolicy) {
    const rules = rulesFor(prev, line.id);
    const thin = thinFile(c) ? prev.thinFileMaxLimit : null;
    const was = capByRule(cap.binding, s.score, c.profile.monthlyIncome, rules, thin);
    if (was !== null && was !== fact.threshold) fact.before = was;
  }
  // the score's band cutting too, less than the cap that binds: a give-back returns no more than the band
  // holds (a score below every band is held to the lowest band's, managedCap)
  const band =
    cap.binding === "score" || s.score >= c.policy.reduceLimitScore
      ? null
      : capByRule("score", s.score, 0, rulesFor(c.policy, line.id), null);
  return {
    decision: "limit_reduced",
    reasons: principalReasons(byPolicy ? ["POLICY_CHANGE", code] : [code], s),
    facts: [fact],
    limit: cap.limit,
    ...(band !== null && band < line.limit ? { bandHolds: band } : {}),
  };
}

/** The cap `policy`'s line management cuts the line to; null when it leaves the limit as it is. */
export function cutTo(c: Customer, line: Line, s: Scored, policy: Policy): LimitCap | null {
  // at or above reduceLimitScore the score's own band does not cut (a margin, so that a score moving a
  // few points does not move the limit) — unless a policy change lowered the band at this score (the
  // first review after it); the caps that hold whatever the score always do
  const found =
    s.score >= policy.reduceLimitScore && !bandLowered(line, s, policy)
      ? standingCap(c, line.id, policy)
      : managedCap(c, line.id, s, policy);
  // one below the smallest line holds the line to the smallest (heldCap), as a score below every band
  // holds it to the lowest band's: the review suspends it for that cap, and the cut comes with it
  const cap = heldCap(found, rulesFor(policy, line.id));
  if (cap === null || cap.limit >= line.limit) return null;
  return cap;
}

/**
 * Whether a policy change lowered the score's limit band at the line's score: at the first review after
 * the change (the policy before it still kept, previousPolicy), `policy`'s band at the score is below the
 * one the policy before it gave. Then the band cuts at any score: the margin above reduceLimitScore is for a
 * score that moves a few points, not a promise to keep what an earlier policy allowed — a lender that lowers
 * its limits by score cuts the lines they reach (**assumption**; docs/model/decisions/review.md).
 */
export function bandLowered(line: Line, s: Scored, policy: Policy): boolean {
  const before = line.previousPolicy;
  if (before === null || before === policy) return false;
  const band = (p: Policy) => capByRule("score", s.score, 0, rulesFor(p, line.id), null)!;
  return band(policy) < band(before);
}

// The periodic review and what follows a suspension: whether a line still meets the policy's standard,
// what blocks restoration, lifting a security hold, line management at the review, a review the customer
// asks for, and closing at the customer's request. Rules decide and never change the customer.

import {
  type Customer,
  customerDaysPastDue,
  customerOverdue,
  type Line,
  type LineRules,
  lastCured,
  owed,
  rulesFor,
  suspendedFor,
} from "./customer.js";
import {
  CUT_BY,
  capFact,
  capFor,
  dtiShown,
  eligibilityFailures,
  endedLine,
  keptAtLeast,
  managedCap,
  noLineFact,
  otherLine,
  param,
  scoreFact,
  standingCap,
  writeOffFact,
} from "./eligibility.js";
import { heldCap, type LimitCap, lowestBandScore } from "./limits.js";
import { wholeFen } from "./money.js";
import { REASONS, type ReasonCode, type ReasonInfo } from "./reasons.js";
import { debtToIncome, type Scored } from "./score-inputs.js";
import { holdFact } from "./triggers.js";
import type { Policy } from "./types.js";
import {
  declined,
  MAX_REASONS,
  principalReasons,
  type RuleFact,
  type ScoreSource,
  type Verdict,
} from "./verdict.js";
import type { LineId, PolicyParamName } from "./vocabulary.js";

/** Why a line fails a policy's standard for keeping credit: empty when it passes. */
function failsStandard(c: Customer, line: LineId, policy: Policy, s: Scored): RuleFact[] {
  const rules = rulesFor(policy, line);
  const out: RuleFact[] = [];
  if (s.score < rules.minScore)
    out.push(scoreFact("SCORE_BELOW_MINIMUM", param(line, "minScore", "jiebeiMinScore"), rules.minScore, s));
  // the score first: it is at hand, while the overdue reads both lines' bills and loans (most reviews
  // are of a score above delinquentMinScore, and need not)
  else if (s.score < policy.delinquentMinScore && customerOverdue(c) > 0)
    out.push(scoreFact("PAST_DUE_AT_REVIEW", "delinquentMinScore", policy.delinquentMinScore, s));
  return eligibilityFailures(c, rules, policy, out);
}

/**
 * The score a suspended line needs back: `restoreScore`, and never less than `minScore` (keptAtLeast) — a
 * policy event that raised minScore above restoreScore would otherwise restore a line the next review
 * suspends again, month after month.
 */
export const restorationScore = (
  rules: LineRules,
  id: LineId,
): { score: number; parameter: PolicyParamName } =>
  keptAtLeast(rules, id, rules.restoreScore, param(id, "restoreScore", "jiebeiRestoreScore"));

/** What stands between a suspended line and restoration now (empty: restore); `cause`: the suspension's. */
export function restorationBlockers(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause = line.cause,
): RuleFact[] {
  if (cause === "security") return [holdFact(line)];
  const p = c.policy;
  const rules = rulesFor(p, line.id);
  const blockers: RuleFact[] = [];
  // a write-off on the other line bars a restoration as it bars an application — for good: nothing else
  // stands in the way then (an overdue repaid or a score regained restores nothing), so nothing else is a
  // reason, as nothing else is for the application it refuses before any assessment
  const lost = writeOffFact(c, line);
  if (lost) return [lost];
  if (customerOverdue(c) > 0)
    blockers.push({
      code: "OVERDUE_OUTSTANDING",
      value: customerDaysPastDue(c, day),
      ...otherLine(c, line, day),
    });
  else if (day - cleanPeriodFrom(c, line, cause) < p.restoreCleanDays)
    blockers.push({
      code: "OVERDUE_TOO_RECENT",
      parameter: "restoreCleanDays",
      threshold: p.restoreCleanDays,
      value: day - cleanPeriodFrom(c, line, cause),
    });
  const needed = restorationScore(rules, line.id);
  if (s.score < needed.score)
    blockers.push(scoreFact("SCORE_BELOW_RESTORE", needed.parameter, needed.score, s));
  eligibilityFailures(c, rules, p, blockers);
  // no line to restore at: always said (a customer told only of the debt ratio would fix it and still not
  // be restored), except a score below every band beside a score below the restoration score (one news)
  const cap = capFor(c, line.id, s);
  const scoreBlocks = blockers.some((b) => b.code === "SCORE_BELOW_RESTORE");
  if (cap === null ? !scoreBlocks : cap.belowMinimum) blockers.push(noLineFact(line.id, rules, cap, s));
  return blockers;
}

/**
 * The day a suspended line's clean period runs from (`cause`: the suspension's): the last overdue repaid —
 * unless the line was kept active with it, suspended for a policy change on or after that day. That
 * suspension was the change's, not the overdue's: the reviews that kept the line active had judged the
 * overdue already (an active line is held to no clean period), so its restoration asks none for it, nor is
 * a suspension the change no longer holds recorded for credit over it. An overdue repaid while the line was
 * suspended counts as for any suspension. −∞: no clean period applies.
 */
export function cleanPeriodFrom(c: Customer, line: Line, cause: Line["cause"]): number {
  const cured = lastCured(c);
  return cause === "policy" && line.statusDay !== null && cured <= line.statusDay
    ? Number.NEGATIVE_INFINITY
    : cured;
}

/** The score's thresholds — to keep a line (past due too), to restore it, the lowest band — are one
 *  standard: a score short of one policy's and of another's falls short of both, whichever threshold each
 *  names (a policy that blocks on the restoration score does not also name the bands; one whose minScore
 *  fails the score does not ask its delinquentMinScore). */
const SCORE_STANDARD: ReadonlySet<ReasonCode> = new Set([
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
function changeAlone(now: readonly RuleFact[], before: readonly RuleFact[]): boolean {
  const old = new Set(before.map((f) => standardOf(f.code)));
  return now.length > 0 && now.every((f) => !old.has(standardOf(f.code)));
}

/** The policy before the change a suspended line's `cause` is judged against (heldByPolicy): the one a
 *  policy suspension met, or the one a credit suspension was under when a change came; null: none. */
function policyBeforeChange(line: Line, cause: Line["cause"]): Policy | null {
  return cause === "policy" ? line.policyBefore : cause === "credit" ? line.suspendedUnder : null;
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
function sinceChange(facts: readonly RuleFact[], now: Policy, was: Policy): RuleFact[] {
  return facts.map((f) => {
    if (f.parameter === undefined || f.threshold === undefined || f.before !== undefined) return f;
    if (thresholdUnder(now, f.parameter, f.code) !== f.threshold) return f;
    const before = thresholdUnder(was, f.parameter, f.code);
    return before === undefined || before === f.threshold ? f : { ...f, before };
  });
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
 * agree with the decisions built on it: test/engine/review-mirror.test.ts.)
 */
export function heldByPolicy(c: Customer, line: Line, day: number, s: Scored, cause: Line["cause"]): boolean {
  const before = policyBeforeChange(line, cause);
  if (before === null) return false;
  return changeAlone(
    restorationBlockers(c, line, day, s, cause),
    restorationBlockers({ ...c, policy: before }, line, day, s, cause),
  );
}

/**
 * What a suspension recorded for `cause` is to be recorded for now, given whether a policy change is what
 * holds the line (`byChange`): a policy suspension the change no longer holds is the customer's own
 * (credit); a credit suspension the customer has cleared, held only by a change made since, is the
 * change's (the policy before it: the one it was suspended under). Null: it stays as recorded.
 */
function recordedFor(cause: Line["cause"], byChange: boolean, line: Line): "credit" | Policy | null {
  if (cause === "policy" && !byChange) return "credit";
  if (cause === "credit" && byChange) return line.suspendedUnder;
  return null;
}

/** A suspended line's blockers as its decisions cite them: the policy change first while it holds it. */
export function citing(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  blockers: readonly RuleFact[],
): ReasonCode[] {
  const codes = blockers.map((f) => f.code);
  // nothing in the way (ready to restore): nothing holds it
  if (codes.length === 0 || !heldByPolicy(c, line, day, s, suspendedFor(line))) return codes;
  // after the hold's own code (only a verification lifts it), the suspension beneath
  const at = codes[0] === "SECURITY_PROFILE_CHANGES" || codes[0] === "UNUSUAL_TRANSACTIONS" ? 1 : 0;
  return [...codes.slice(0, at), "POLICY_CHANGE", ...codes.slice(at)];
}

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

/** The restoration verdict for a suspended line whose blockers are gone: what was on record (for the
 *  suspension's cause), resolved — an improvement cited only when the numbers on record show it. */
function restore(c: Customer, line: Line, s: Scored): Verdict {
  const reasons: ReasonCode[] = [];
  // the record and what the reviews since named as blocking (an identity a review asked for, verified
  // since): a restoration cites what of either has been cleared
  const named = line.blockersNamed;
  const onRecord = [...line.reasonsOnRecord, ...named.map((f) => f.code)];
  // what was measured then — the latest review's numbers first — against now (a policy that loosened is
  // MEETS_CURRENT_POLICY)
  const recorded = (code: ReasonCode) =>
    named.find((f) => f.code === code) ?? line.factsOnRecord.find((f) => f.code === code);
  const then = (code: ReasonCode) => recorded(code)?.value;
  const lower = (code: ReasonCode, now: number) => {
    const v = then(code);
    return v === undefined || now < v;
  };
  const higher = (code: ReasonCode, now: number) => {
    const v = then(code);
    return v === undefined || now > v;
  };
  // a delinquency on record is cleared — one still owed, or one repaid too recently (a policy suspension a
  // review recorded for credit once the overdue was repaid: it cites that, not the trigger's reasons)
  if (
    onRecord.some(
      (r) =>
        r === "OVERDUE_NOW" ||
        r === "OVERDUE_TOO_LONG" ||
        r === "OVERDUE_OUTSTANDING" ||
        r === "OVERDUE_TOO_RECENT" ||
        r === "PAST_DUE_AT_REVIEW",
    )
  )
    reasons.push("ARREARS_CLEARED");
  const rules = rulesFor(c.policy, line.id);
  // an improvement is part of why only when it cleared the threshold on record, or when the number on
  // record would fail today's standard: a score that already met a since-loosened policy did not bring
  // the line back by rising a few points (843 on record, 855 now, against 900 then and 660 now)
  const neededNow = Math.max(restorationScore(rules, line.id).score, lowestBandScore(rules));
  const counts = (
    code: ReasonCode,
    cleared: (threshold: number) => boolean,
    failsNow: (then: number) => boolean,
  ) => {
    const f = recorded(code);
    if (f?.threshold === undefined || f.value === undefined) return true;
    return cleared(f.threshold) || failsNow(f.value);
  };
  if (
    (
      ["SCORE_BELOW_MINIMUM", "SCORE_BELOW_LIMIT_BANDS", "PAST_DUE_AT_REVIEW", "SCORE_BELOW_RESTORE"] as const
    ).some(
      (r) =>
        onRecord.includes(r) &&
        higher(r, s.score) &&
        counts(
          r,
          (t) => s.score >= t,
          (then) => then < neededNow,
        ),
    )
  )
    reasons.push("SCORE_RECOVERED");
  // an improvement that would not have cleared the threshold on record came back under a policy that
  // loosened since: the policy is part of why, and is said too
  const short = (code: ReasonCode, fails: (threshold: number) => boolean) => {
    const t = recorded(code)?.threshold;
    return t !== undefined && fails(t);
  };
  let policyHelped =
    reasons.includes("SCORE_RECOVERED") &&
    (["SCORE_BELOW_MINIMUM", "SCORE_BELOW_LIMIT_BANDS", "SCORE_BELOW_RESTORE"] as const).some((r) =>
      short(r, (t) => s.score < t),
    );
  // the numbers behind the improvements, as a suspension's reasons carry theirs
  const facts: RuleFact[] = [];
  if (reasons.includes("SCORE_RECOVERED")) {
    const needed = restorationScore(rules, line.id);
    facts.push(scoreFact("SCORE_RECOVERED", needed.parameter, needed.score, s));
  }
  // identity required and now verified; a policy that stopped requiring it is MEETS_CURRENT_POLICY
  if (onRecord.includes("IDENTITY_REQUIRED") && c.profile.verified) reasons.push("IDENTITY_VERIFIED");
  if (
    onRecord.includes("DEBT_TO_INCOME_TOO_HIGH") &&
    lower("DEBT_TO_INCOME_TOO_HIGH", dtiShown(debtToIncome(c))) &&
    counts(
      "DEBT_TO_INCOME_TOO_HIGH",
      (t) => dtiShown(debtToIncome(c)) <= t,
      (then) => then > rules.maxDebtToIncome,
    )
  ) {
    reasons.push("DEBT_BURDEN_REDUCED");
    if (short("DEBT_TO_INCOME_TOO_HIGH", (t) => dtiShown(debtToIncome(c)) > t)) policyHelped = true;
    facts.push({
      code: "DEBT_BURDEN_REDUCED",
      parameter: param(line.id, "maxDebtToIncome", "jiebeiMaxDebtToIncome"),
      threshold: rules.maxDebtToIncome,
      value: dtiShown(debtToIncome(c)),
    });
  }
  if (line.cause === "policy" || reasons.length === 0 || policyHelped) reasons.push("MEETS_CURRENT_POLICY");
  // the limit it is restored at: what line management would leave an active line with
  const cut = lineManagement(c, line, s);
  if (cut === null || cut.decision !== "limit_reduced")
    return { decision: "restored", reasons, facts, limit: line.limit };
  return {
    decision: "restored",
    reasons: [...reasons, cut.facts[0]!.code],
    facts: [...facts, ...cut.facts],
    limit: cut.limit,
    cutReasons: cut.reasons,
  };
}

const NO_DECISION: Verdict = Object.freeze({ decision: null, reasons: [], facts: [] }) as Verdict;

/** The monthly periodic review of one line (and an early review the customer asked for, `requested`). */
export function periodicReview(c: Customer, line: Line, day: number, s: Scored, requested = false): Verdict {
  const p = c.policy;
  if (line.status === "active" && !requested)
    return keptStandard(c, line, s) ?? lineManagement(c, line, s) ?? NO_DECISION;
  // a line under a security hold alone is judged as the active line it was (unless its time is up): what
  // it fails is recorded beneath the hold, so that verifying identity leaves it suspended for that
  const longSuspended = line.statusDay !== null && day - line.statusDay >= p.closeAfterSuspendedDays;
  if (
    line.status === "suspended" &&
    line.cause === "security" &&
    line.heldOver === null &&
    !requested &&
    !longSuspended
  ) {
    const v = keptStandard(c, line, s);
    if (v?.decision === "suspended") return { ...v, beneath: true };
  }
  if (line.status === "suspended") {
    // under a hold laid over a suspension, what stands in the way of both
    const held = line.heldOver;
    // the suspension's beneath the hold, worked out once (what its closure, readiness and record read)
    const under = held === null ? null : restorationBlockers(c, line, day, s, held.cause);
    const own = restorationBlockers(c, line, day, s);
    const blockers = under === null ? own : [...own, ...under];
    if (blockers.length === 0) return restore(c, line, s);
    const codes = citing(c, line, day, s, blockers);
    // a suspension beneath a hold with nothing left in its way (its clean period over, the policy that made
    // it loosened since) is ready to end: the hold alone keeps the line suspended — a verification would
    // restore it at the next review (RESTORED_AT_REVIEW) — so there is nothing beneath to record or close for
    const ready = under !== null && under.length === 0;
    if (!requested && longSuspended && line.statusDay !== null) {
      // the suspension beneath a hold is what a verification would have left: it names the closure — for
      // policy while a policy change is what holds the line (whatever the suspension was first for: the
      // customer cleared their own part), else for credit; for security when it would have left nothing
      const beneath = ready ? "security" : (held?.cause ?? line.cause ?? "credit");
      const heldByChange = codes.includes("POLICY_CHANGE");
      return {
        decision: "closed",
        cause: heldByChange ? "policy" : beneath === "policy" ? "credit" : beneath,
        reasons: principalReasons(["LONG_SUSPENSION", ...codes], s),
        facts: [
          {
            code: "LONG_SUSPENSION",
            parameter: "closeAfterSuspendedDays",
            threshold: p.closeAfterSuspendedDays,
            value: day - line.statusDay,
          },
          ...citedFacts(c, line, suspendedFor(line), codes, blockers),
        ],
      };
    }
    // a suspension held by something other than what it was recorded for (recordedFor) is recorded anew
    // by the review that finds it — periodic or early, one rule for every review — with what holds the line
    // now, so that its standing says what its reasons cite (the clock stays the first's): a policy
    // suspension for credit, a cleared credit suspension for the change that holds it, so that it is told,
    // closed and run to term as the change's. An early review cuts no limit: line management is the
    // periodic review's
    const now = ready ? null : recordedFor(held?.cause ?? line.cause, codes.includes("POLICY_CHANGE"), line);
    if (now !== null) {
      const beneath = under ?? blockers;
      const v = suspendAtReview(c, line, s, citing(c, line, day, s, beneath), beneath, now, !requested);
      return held === null ? v : { ...v, beneath: true };
    }
    const facts = citedFacts(c, line, suspendedFor(line), codes, blockers);
    // line management reaches suspended lines too: the limit a restoration finds is the one kept all along.
    // The cut is the decision, its rules first; then why the line stays suspended, as a review that cuts
    // nothing says it (NOT_RESTORED_YET, then what stands in the way) — the cut's own reasons kept apart
    const cut = requested ? null : lineManagement(c, line, s);
    if (cut?.decision === "limit_reduced") {
      const rules = cut.reasons.filter((r) => REASONS[r].kind !== "score");
      return {
        ...cut,
        reasons: principalReasons([...rules, "NOT_RESTORED_YET", ...codes], s),
        facts: [...cut.facts, ...facts],
        cutReasons: cut.reasons,
        named: blockers,
      };
    }
    return {
      decision: requested ? "declined" : null,
      reasons: principalReasons(["NOT_RESTORED_YET", ...codes], s),
      facts,
    };
  }
  return requested ? { decision: "info", reasons: ["NOTHING_TO_REVIEW"], facts: [] } : NO_DECISION;
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
  const fact = noLine(c, line.id, p, s);
  if (fact !== null) {
    // never an active line below the smallest limit: suspended with the reason instead — the change's
    // when the policy before it had a line for this customer (a smallest line or a lowest band raised)
    const prev = line.previousPolicy;
    const before = prev === null ? null : noLine(c, line.id, prev, s);
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

/** Why `policy` has no line for the customer (noLineFact), or null when it has one. */
function noLine(c: Customer, id: LineId, policy: Policy, s: Scored): RuleFact | null {
  const cap = capFor(c, id, s, policy);
  return cap === null || cap.belowMinimum ? noLineFact(id, rulesFor(policy, id), cap, s) : null;
}

/** A suspension at the review, for credit or for a policy change (`by`: the policy the line met before
 *  it). Line management does not wait for a restoration: a cut due today comes with it (its code follows
 *  the suspension's reasons when there is room; its fact is always there) — at a periodic review
 *  (`manage`), not an early one. */
function suspendAtReview(
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
  return {
    decision: "limit_reduced",
    reasons: principalReasons(byPolicy ? ["POLICY_CHANGE", code] : [code], s),
    facts: [capFact(code, cap, line.id, line.limit)],
    limit: cap.limit,
  };
}

/** The cap `policy`'s line management cuts the line to; null when it leaves the limit as it is. */
export function cutTo(c: Customer, line: Line, s: Scored, policy: Policy): LimitCap | null {
  // at or above reduceLimitScore the score's own band does not cut (a margin, so that a score moving a
  // few points does not move the limit); the caps that hold whatever the score always do
  const found =
    s.score >= policy.reduceLimitScore ? standingCap(c, line.id, policy) : managedCap(c, line.id, s, policy);
  // one below the smallest line holds the line to the smallest (heldCap), as a score below every band
  // holds it to the lowest band's: the review suspends it for that cap, and the cut comes with it
  const cap = heldCap(found, rulesFor(policy, line.id));
  if (cap === null || cap.limit >= line.limit) return null;
  return cap;
}

/** `request_review`: an early restoration review of a line, at most one per cooldown. */
export function requestedReview(c: Customer, line: Line, day: number, s: Scored): Verdict {
  if (line.status === "none") return { decision: "info", reasons: ["NO_ACCOUNT"], facts: [] };
  // a written-off line — or a closed one while the other was written off — is not "not suspended": it is
  // closed for good, which is what the customer is told
  if ((line.status === "charged_off" || line.status === "closed") && writeOffFact(c, line))
    return { decision: "info", ...endedLine(c, line) };
  if (line.status !== "suspended") return { decision: "info", reasons: ["NOTHING_TO_REVIEW"], facts: [] };
  const p = c.policy;
  if (line.lastReviewRequest !== null && day - line.lastReviewRequest < p.reviewRequestCooldownDays) {
    return {
      decision: "declined",
      reasons: ["REVIEW_TOO_SOON"],
      facts: [
        {
          code: "REVIEW_TOO_SOON",
          parameter: "reviewRequestCooldownDays",
          threshold: p.reviewRequestCooldownDays,
          value: day - line.lastReviewRequest,
        },
      ],
    };
  }
  return periodicReview(c, line, day, s, true);
}

/** `close`: the customer closes a line, refused while anything is owed on it. */
export function closeAtRequest(c: Customer, line: Line, s: ScoreSource): Verdict {
  if (line.status === "none") return declined(["NO_ACCOUNT"], s);
  if (line.status === "closed" || line.status === "charged_off") {
    const ended = endedLine(c, line);
    return declined(ended.reasons, s, ended.facts);
  }
  const balance = owed(line);
  if (balance > 0)
    return {
      decision: "declined",
      reasons: ["BALANCE_OUTSTANDING"],
      facts: [{ code: "BALANCE_OUTSTANDING", value: balance }],
    };
  return { decision: "closed", cause: "customer", reasons: ["CLOSED_AT_REQUEST"], facts: [] };
}

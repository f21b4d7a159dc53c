// The periodic review and what follows a suspension: whether a line still meets the policy's standard,
// what blocks restoration, lifting a security hold, line management at the review, a review the customer
// asks for, and closing at the customer's request (the standard a line is kept to: standard.ts). Rules
// decide and never change the customer.

import {
  type Customer,
  customerDaysPastDue,
  customerOverdue,
  customerWith,
  type Line,
  type LineRules,
  lastCured,
  owed,
  profileCopy,
  recordLine,
  rulesFor,
  suspendedFor,
} from "./customer.js";
import {
  capFor,
  dtiShown,
  eligibilityFailures,
  endedLine,
  keptAtLeast,
  noLineFact,
  otherLine,
  param,
  scoreFact,
  writeOffFact,
} from "./eligibility.js";
import { applicationDebt, keptOnceUsed, leastGranted } from "./grant.js";
import { lowestBandScore } from "./limits.js";
import { REASONS, type ReasonCode } from "./reasons.js";
import { debtToIncomeWith, type Scored, type ScoredFile } from "./score-inputs.js";
import {
  changeAlone,
  failsStandard,
  keptStandard,
  lineManagement,
  sinceChange,
  suspendAtReview,
} from "./standard.js";
import { holdFact } from "./triggers.js";
import type { Fen, Policy } from "./types.js";
import {
  declined,
  MAX_REASONS,
  principalReasons,
  type RuleFact,
  type ScoreSource,
  type Verdict,
} from "./verdict.js";
import type { LineId, PolicyParamName } from "./vocabulary.js";

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

/** What stands between a suspended line and restoration now (empty: restore); `cause`: the suspension's;
 *  `today`: the file `s` scores, when the caller has it (restoredOnceUsed). */
export function restorationBlockers(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause = line.cause,
  today: ScoredFile | null = null,
): RuleFact[] {
  return restorationFindings(c, line, day, s, cause, today).blockers;
}

/** What a restoration's rules found: what stands in the way (restorationBlockers) and the limit kept once
 *  used (restoredOnceUsed) when it was judged on the customer as it is (null: not judged, or judged as
 *  verified) — which restoring reads for its limit, and a review that leaves the line suspended for its cut. */
interface RestorationFindings {
  blockers: RuleFact[];
  kept: KeptOnceUsed | null;
}

function restorationFindings(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause: Line["cause"],
  today: ScoredFile | null,
): RestorationFindings {
  return withKeptOnceUsed(c, line, day, s, cause, standingBlockers(c, line, day, s, cause), today);
}

/** What stands in the way of restoring a suspended line before its kept-once-used check (withKeptOnceUsed):
 *  a hold, a write-off, an overdue, the clean period, the score, the debt, no line to restore at. */
function standingBlockers(c: Customer, line: Line, day: number, s: Scored, cause: Line["cause"]): RuleFact[] {
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
  else {
    // the clean period's days, counted once (its episodes are read on every review of a suspended line)
    const clean = day - cleanPeriodFrom(c, line, cause);
    if (clean < p.restoreCleanDays)
      blockers.push({
        code: "OVERDUE_TOO_RECENT",
        parameter: "restoreCleanDays",
        threshold: p.restoreCleanDays,
        value: clean,
        ...recordLine(c, line, day - clean, false),
      });
  }
  const needed = restorationScore(rules, line.id);
  const scoreBlocks = s.score < needed.score;
  if (scoreBlocks) blockers.push(scoreFact("SCORE_BELOW_RESTORE", needed.parameter, needed.score, s));
  // the debt ratio as the next review reads it once the line restored is used — at its smallest line, as an
  // opening's (applicationFile): a line restored at the very cap would be over it again after one purchase.
  // Where that is not the file's own ratio, its fact says so (onceUsed), as an application's does: a file
  // owing nothing read "total debt exceeds what the policy allows (debt with no income …)"
  const counted = blockers.length;
  const debt = applicationDebt(c, line, false);
  eligibilityFailures(c, rules, p, blockers, debt);
  for (let i = counted; i < blockers.length; i++) blockers[i] = onceUsedRatio(c, line, blockers[i]!, debt);
  // no line to restore at: always said (a customer told only of the debt ratio would fix it and still not
  // be restored), except a score below every band beside a score below the restoration score (one news)
  const cap = capFor(c, line.id, s);
  if (cap === null ? !scoreBlocks : cap.belowMinimum) blockers.push(noLineFact(line.id, rules, cap, s));
  return blockers;
}

/** A restoration's debt-ratio fact (a ratio: `value` set) marked as read on the file once the line restored
 *  is used (onceUsed: its smallest line) when that file counts more debt than the customer owes — each
 *  line at what it owes or was reported owing, whichever is more (interest since the report is owed, not
 *  credit used). `counted`: the debt the ratio was read with (applicationDebt). The fact is one its caller has
 *  just made, marked in place: a copy of it ({ ...f }) on every restoration cost the review bench a fifth of
 *  its speed (docs/performance.md). */
function onceUsedRatio(c: Customer, line: Line, f: RuleFact, counted: Fen): RuleFact {
  if (f.value === undefined) return f;
  const asOwed =
    c.profile.externalDebt +
    Math.max(c.huabei.reportedBalance, owed(c.huabei)) +
    Math.max(c.jiebei.reportedBalance, owed(c.jiebei));
  if (counted > asOwed) f.onceUsed = leastGranted(c, line, false);
  return f;
}

/** `blockers` (standingBlockers) with what the kept-once-used check adds, and that check's finding. */
function withKeptOnceUsed(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause: Line["cause"],
  blockers: RuleFact[],
  today: ScoredFile | null,
): RestorationFindings {
  // a line the next review would suspend or cut below the smallest once it is used (its score on that
  // file) is not restored either — what that review would hold against it is said, beside what only time
  // or a verification clears (else a customer told to verify would still not be restored); a score, a
  // debt or a line short already is what the steps for it are sized to, this included
  if (cause === "security" || blockers.some((b) => KEPT_ONCE_USED_ASIDE.has(b.code)))
    return { blockers, kept: null };
  // judged as verified when a verification is asked for: it is the step, and it moves the score
  const asked = blockers.some((b) => b.code === "IDENTITY_REQUIRED") && !c.profile.verified;
  const file = asked
    ? customerWith(c, { profile: Object.assign(profileCopy(c.profile), { verified: true }) })
    : c;
  const kept = restoredOnceUsed(file, line, day, s, today);
  if (kept.limit === null) blockers.push(...kept.facts);
  return { blockers, kept: file === c ? kept : null };
}

/** Blockers beside which a restoration's kept-once-used check is not made: the steps for them change the
 *  file it reads (and are sized to it: customer service's debt advice and score). An overdue still owed
 *  too: on the file with it, the line once used would be past due at the next review — true, and gone
 *  once it is paid, the step the overdue already asks (customer service judges the check so). */
const KEPT_ONCE_USED_ASIDE: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "OVERDUE_OUTSTANDING",
  "DEBT_WRITTEN_OFF",
  "SCORE_BELOW_RESTORE",
  "DEBT_TO_INCOME_TOO_HIGH",
  "SCORE_BELOW_LIMIT_BANDS",
  "LIMIT_BELOW_MINIMUM",
  "INCOME_BELOW_SMALLEST_LINE",
  "PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE",
  "THIN_FILE_BELOW_SMALLEST_LINE",
]);

/**
 * The limit a restoration gives a line back at: what line management leaves it (`cut`: the cut, null when
 * none), held to the largest limit the next review keeps once the credit is used (keptOnceUsed, as a grant
 * is held) — `limit` null when not even the smallest line is kept, `facts` then the LIMIT_KEPT_ONCE_USED
 * fact and what that review would hold against the line; when kept lower, the same, the limit kept in it.
 * `today`: a file and its score on `day`, when the caller has them (keptOnceUsed).
 */
export function restoredOnceUsed(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  today: ScoredFile | null = null,
): KeptOnceUsed {
  const managed = lineManagement(c, line, s);
  const cut = managed?.decision === "limit_reduced" ? managed : null;
  const upper = cut?.limit ?? line.limit;
  const kept = keptOnceUsed(c, line, upper, 0, day, 0, today, true);
  if (kept.limit === upper) return { limit: upper, cut, facts: [] };
  const fact: RuleFact = {
    code: "LIMIT_KEPT_ONCE_USED",
    ...(kept.limit === null ? {} : { threshold: kept.limit }),
    value: upper,
  };
  return { limit: kept.limit, cut, facts: [fact, ...kept.facts] };
}

/** What restoredOnceUsed finds. */
export interface KeptOnceUsed {
  limit: number | null;
  cut: Verdict | null;
  facts: RuleFact[];
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
function recordedFor(cause: Line["cause"], byChange: boolean, line: Line): "credit" | Policy | null {
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
 *  suspension's cause), resolved — an improvement cited only when the numbers on record show it; `kept`:
 *  the limit kept once used, as restorationFindings judged it. */
function restore(c: Customer, line: Line, s: Scored, kept: KeptOnceUsed): Verdict {
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
  // the debt ratio the restoration judged (standingBlockers): the line restored at its smallest line and an
  // active Huabei at its limit, used (applicationDebt) — not the file's own, which a reader would set
  // against the cap and not see why a smaller repayment was not enough
  const debt = applicationDebt(c, line, false);
  const ratio = dtiShown(debtToIncomeWith(c, debt - c.profile.externalDebt, 0));
  if (
    onRecord.includes("DEBT_TO_INCOME_TOO_HIGH") &&
    lower("DEBT_TO_INCOME_TOO_HIGH", ratio) &&
    counts(
      "DEBT_TO_INCOME_TOO_HIGH",
      (t) => ratio <= t,
      (then) => then > rules.maxDebtToIncome,
    )
  ) {
    reasons.push("DEBT_BURDEN_REDUCED");
    if (short("DEBT_TO_INCOME_TOO_HIGH", (t) => ratio > t)) policyHelped = true;
    facts.push(
      onceUsedRatio(
        c,
        line,
        {
          code: "DEBT_BURDEN_REDUCED",
          parameter: param(line.id, "maxDebtToIncome", "jiebeiMaxDebtToIncome"),
          threshold: rules.maxDebtToIncome,
          value: ratio,
        },
        debt,
      ),
    );
  }
  if (line.cause === "policy" || reasons.length === 0 || policyHelped) reasons.push("MEETS_CURRENT_POLICY");
  // the limit it is restored at: what line management would leave an active line with, held to what the
  // next review keeps once it is used (restoredOnceUsed, judged with the blockers; a limit is kept: they
  // said so)
  const { limit, cut, facts: held } = kept;
  if (cut === null && held.length === 0) return { decision: "restored", reasons, facts, limit: line.limit };
  // the cut first (line management's, then the one kept once used): its fact is the one on record; then
  // what the line would fail once used, while there is room, as an application held to the limit kept
  // once used cites it — LIMIT_KEPT_ONCE_USED alone names three standards ("the debt ratio, the score, its
  // limit band"), not which: a line restored at ¥1,000 for ¥5,000 once told the debt ratio only as `also`
  const cuts = [...(cut?.facts ?? []), ...held];
  return {
    decision: "restored",
    reasons:
      reasons.length + 1 >= MAX_REASONS
        ? [...reasons, cuts[0]!.code]
        : principalReasons([...reasons, ...cuts.map((f) => f.code)], s),
    facts: [...facts, ...cuts],
    limit: limit ?? line.limit,
    cutReasons:
      held.length === 0 ? cut!.reasons : [...new Set([...(cut?.reasons ?? []), ...held.map((f) => f.code)])],
  };
}

const NO_DECISION: Verdict = Object.freeze({ decision: null, reasons: [], facts: [] }) as Verdict;

/** The monthly periodic review of one line (and an early review the customer asked for, `requested`); `s`
 *  is `c`'s score on `day` unless `own` is false (a caller that reads another file's score: the files once
 *  used are then scored whole). */
export function periodicReview(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  requested = false,
  own = true,
): Verdict {
  const p = c.policy;
  if (line.status === "active" && !requested)
    return (
      keptStandard(c, line, s) ?? dormantClosure(c, line, day) ?? lineManagement(c, line, s) ?? NO_DECISION
    );
  // a line under a security hold alone is judged as the active line it was (unless its time is up): what
  // it fails is recorded beneath the hold, so that verifying identity leaves it suspended for that
  const longSuspended = line.statusDay !== null && day - line.statusDay >= p.closeAfterSuspendedDays;
  // a suspended line left unused is closed as an active one is — unless its suspension's time is up (below):
  // a suspension is no way to keep an unused line longer
  const unused = requested || longSuspended ? null : dormantClosure(c, line, day);
  if (unused !== null) return unused;
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
    const today: ScoredFile | null = own ? { c, s } : null;
    // the suspension's beneath the hold, worked out once (what its closure, readiness and record read)
    const under = held === null ? null : restorationBlockers(c, line, day, s, held.cause, today);
    const found = restorationFindings(c, line, day, s, line.cause, today);
    const blockers = under === null ? found.blockers : [...found.blockers, ...under];
    // nothing in the way: the limit kept once used was judged with them (a security hold is never empty)
    if (blockers.length === 0) return restore(c, line, s, found.kept!);
    // what holds the suspension (suspendedFor): the one beneath a hold, else the line's own
    const byChange = heldByPolicy(c, line, day, s, suspendedFor(line), under ?? found.blockers, today);
    const codes = citing(c, line, day, s, blockers, byChange);
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
      const v = suspendAtReview(
        c,
        line,
        s,
        citing(c, line, day, s, beneath, byChange),
        beneath,
        now,
        !requested,
      );
      return held === null ? v : { ...v, beneath: true };
    }
    const facts = citedFacts(c, line, suspendedFor(line), codes, blockers);
    // line management reaches suspended lines too: the limit a restoration finds is the one kept all along.
    // The cut is the decision, its rules first; then why the line stays suspended, as a review that cuts
    // nothing says it (NOT_RESTORED_YET, then what stands in the way) — the cut's own reasons kept apart
    // (judged with the blockers when the limit kept once used was: restoredOnceUsed's cut)
    const cut = requested ? null : found.kept !== null ? found.kept.cut : lineManagement(c, line, s);
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

/**
 * The days an open line (active or suspended) has gone unused by `day` (since usedDay: its last purchase of
 * at least ¥10, cash loan or day with something owed, or its opening or reopening — not a restoration: the
 * days a suspension took are the customer's own), when the policy's `dormantCloseDays`
 * (0: never) have passed and nothing is owed on it; else null. As a card issuer may close an account
 * inactive for a while — no credit extended and no balance outstanding (docs/model/decisions/review.md) — never one owing.
 */
export function unusedDays(c: Customer, line: Line, day: number): number | null {
  const days = c.policy.dormantCloseDays;
  if (days <= 0 || line.usedDay === null) return null;
  const unused = day - line.usedDay;
  // what is owed is summed last: nearly every line reviewed was used within the days
  if (unused < days || (line.status !== "active" && line.status !== "suspended") || owed(line) > 0)
    return null;
  return unused;
}

/** The periodic review's closure of a line left unused (unusedDays): its own cause (`dormant` — no default,
 *  no credit failure, no change of policy) and code (DORMANT_ACCOUNT); null when the line is in use. An active line the
 *  review suspends for its standard is suspended first (keptStandard): that is what the customer must hear
 *  of; the next review closes it as unused, suspended. */
function dormantClosure(c: Customer, line: Line, day: number): Verdict | null {
  const unused = unusedDays(c, line, day);
  if (unused === null) return null;
  return {
    decision: "closed",
    cause: "dormant",
    reasons: ["DORMANT_ACCOUNT"],
    facts: [
      {
        code: "DORMANT_ACCOUNT",
        parameter: "dormantCloseDays",
        threshold: c.policy.dormantCloseDays,
        value: unused,
      },
    ],
  };
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

// The restoration verdict for a suspended line whose blockers are gone: what of the record was cleared, and
// the limit it is restored at.

import { type Customer, type Line, rulesFor, suspendedFor } from "../customer.js";
import { dtiShown, param, scoreFact } from "../eligibility.js";
import { applicationDebt, debtOnceUsed, otherCutOnceUsed } from "../grant.js";
import { lowestBandScore } from "../limits.js";
import type { ReasonCode } from "../reasons.js";
import { debtToIncomeWith, type Scored, type ScoredFile } from "../score-inputs.js";
import { MAX_REASONS, principalReasons, type RuleFact, type Verdict } from "../verdict.js";
import { onceUsedRatio, restorationScore } from "./blockers.js";
import type { KeptOnceUsed } from "./kept-once-used.js";

/** The restoration verdict for a suspended line whose blockers are gone: what was on record (for the
 *  suspension's cause), resolved — an improvement cited only when the numbers on record show it; `kept`:
 *  the limit kept once used, as restorationFindings judged it; `on`: the day and the file `s` scores (when
 *  the caller has it) to read what the line used would do to the other line (otherCutOnceUsed) — null when
 *  the same review trims that line below any such cut (review/trim.ts). */
export function restore(
  c: Customer,
  line: Line,
  s: Scored,
  kept: KeptOnceUsed,
  on: { day: number; today: ScoredFile | null } | null,
): Verdict {
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
  const neededNow = Math.max(restorationScore(rules, line, suspendedFor(line)).score, lowestBandScore(rules));
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
    const needed = restorationScore(rules, line, suspendedFor(line));
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
    // said at the limit the line comes back at, which the customer sees — the check was made at the
    // smallest line (a line restored at ¥3,000 was told "once a ¥500.00 line is used"); the limit kept
    // once used is within the cap by construction, and where it is not the check's own figure stands
    const at = kept.limit ?? line.limit;
    const debtAt = debtOnceUsed(c, line, at);
    const ratioAt = dtiShown(debtToIncomeWith(c, debtAt - c.profile.externalDebt, 0));
    const shownAt = ratioAt <= rules.maxDebtToIncome;
    facts.push(
      onceUsedRatio(
        c,
        line,
        {
          code: "DEBT_BURDEN_REDUCED",
          parameter: param(line.id, "maxDebtToIncome", "jiebeiMaxDebtToIncome"),
          threshold: rules.maxDebtToIncome,
          value: shownAt ? ratioAt : ratio,
        },
        shownAt ? debtAt : debt,
        ...(shownAt ? [at] : []),
      ),
    );
  }
  if (line.cause === "policy" || reasons.length === 0 || policyHelped) reasons.push("MEETS_CURRENT_POLICY");
  // the limit it is restored at: what line management would leave an active line with, held to what the
  // next review keeps once it is used (restoredOnceUsed, judged with the blockers; a limit is kept: they
  // said so)
  const { limit, cut, facts: held } = kept;
  // the other line's cut the line restored makes once used holds nothing, but is said: that cut comes back
  // only when asked, and the customer is told it before using the line
  const otherCut = on === null ? null : otherCutOnceUsed(c, line, limit ?? line.limit, on.day, on.today);
  if (otherCut !== null) facts.push(otherCut);
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
    ...(cut?.bandHolds === undefined ? {} : { bandHolds: cut.bandHolds }),
  };
}

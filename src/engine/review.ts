// The review engine's rules. Each takes the customer, a line, the day and the score, and returns a verdict;
// rules decide and never change the customer (step.ts applies verdicts), so each is testable alone.
//
// Reasons on an adverse decision (Regulation B, 12 CFR 1002.9(b)(2) and comment 9(b)(2)-5): at most four
// principal reasons. The rule that decided comes first, its code naming what bound it; then the scorecard
// characteristics that count against the customer, ranked by points below their maximum — all of them for
// a score rule, only the ones the rule is about otherwise (a debt-to-income rule cites the debt burden, an
// identity rule nothing else). `facts` carry the numbers behind each rule: which parameter, its threshold,
// the customer's value.

import {
  type Customer,
  countWithin,
  customerDaysPastDue,
  customerOverdue,
  daysPastDue,
  isOpen,
  type Line,
  type LineRules,
  lastCured,
  lastMissed,
  owed,
  rulesFor,
  thinFile,
} from "./customer.js";
import { type LimitBinding, type LimitCap, limitCap } from "./limits.js";
import type { ReasonCode } from "./reasons.js";
import { debtToIncome, debtToIncomeWith, type Scored } from "./score-inputs.js";
import { type Scoring, scoreReasons } from "./scorecard.js";
import type { Fen, Policy } from "./types.js";
import type { ApplicationKind, Cause, LineId, PolicyParamName } from "./vocabulary.js";

/** The numbers behind a rule's code: the parameter, its threshold and the customer's value. */
export interface RuleFact {
  code: ReasonCode;
  parameter?: PolicyParamName;
  threshold?: number;
  value?: number;
  /** the line the fact is about, when it is not the line decided on */
  line?: LineId;
}

interface VerdictBase {
  reasons: ReasonCode[];
  facts: RuleFact[];
}

/** A decision on a line, keyed on `decision`; `null` is a review that decided nothing but is shown. */
export type Verdict =
  | (VerdictBase & { decision: "approved" | "approved_lower" | "restored" | "limit_reduced"; limit: Fen })
  /** a suspension may come with a limit cut due the same day (`limit`) */
  | (VerdictBase & { decision: "suspended"; cause: Cause; limit?: Fen })
  | (VerdictBase & { decision: "closed"; cause: Cause })
  | (VerdictBase & { decision: "charged_off" | "declined" | "info" | null });

const MAX_REASONS = 4;

/** Every score characteristic, for rules about the score itself. */
const ANY: undefined = undefined;

/** What a rule may cite beside its own code (the characteristics it is about). */
const RELATED: Partial<Record<ReasonCode, readonly ReasonCode[] | undefined>> = {
  TOO_MANY_APPLICATIONS: ["INQUIRIES_30D", "INQUIRIES_180D"],
  OVERDUE_OUTSTANDING: ["OVERDUE_NOW"],
  OVERDUE_TOO_LONG: ["OVERDUE_NOW"],
  RECENT_MISSED_PAYMENT: ["OVERDUE_RECENT", "DELINQUENCY_LEVEL"],
  OVERDUE_TOO_RECENT: ["OVERDUE_RECENT", "DELINQUENCY_LEVEL"],
  DEBT_TO_INCOME_TOO_HIGH: ["HIGH_DEBT_BURDEN"],
  INCOME_BELOW_LIMIT: ["LOW_INCOME"],
  LIMIT_AT_INCOME_CAP: [],
  SECURITY_PROFILE_CHANGES: ["FREQUENT_PROFILE_CHANGES"],
  SCORE_BELOW_OPEN_MINIMUM: ANY,
  SCORE_BELOW_INCREASE_MINIMUM: ANY,
  SCORE_BELOW_MINIMUM: ANY,
  PAST_DUE_AT_REVIEW: ANY,
  SCORE_BELOW_RESTORE: ANY,
  SCORE_BELOW_LIMIT_BAND: ANY,
  LIMIT_BELOW_MINIMUM: ANY,
  SCORE_BELOW_LIMIT_BANDS: ANY,
};

/**
 * The principal reasons of an adverse decision: the rules' codes, then the related score characteristics
 * that cost points, largest shortfall first, four in all at most.
 */
export function principalReasons(rules: readonly ReasonCode[], s: Scoring): ReasonCode[] {
  const out: ReasonCode[] = [];
  for (const r of rules) if (!out.includes(r) && out.length < MAX_REASONS) out.push(r);
  let among: ReasonCode[] | undefined = [];
  for (const r of rules) {
    if (!(r in RELATED)) continue;
    const related = RELATED[r];
    if (related === undefined) {
      among = undefined;
      break;
    }
    among.push(...related);
  }
  if (among !== undefined && among.length === 0) return out;
  for (const code of scoreReasons(s, MAX_REASONS, among)) {
    if (out.length >= MAX_REASONS) break;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** The score, or a way to get it: rules that seldom need it (authorisation) take it lazily. */
export type ScoreSource = Scored | (() => Scored);

const scoringOf = (s: ScoreSource): Scoring => (typeof s === "function" ? s() : s);

const declined = (rules: ReasonCode[], s: ScoreSource, facts: RuleFact[] = []): Verdict => ({
  decision: "declined",
  reasons: principalReasons(rules, RELATED_TO_SCORE(rules) ? scoringOf(s) : NO_SCORING),
  facts,
});

/** For rules that cite no score characteristic: nothing to rank. */
const NO_SCORING: Scoring = { points: [], inputs: {} as Scoring["inputs"] };

/** Whether a rule's reasons cite score characteristics at all (only then is the score needed). */
const RELATED_TO_SCORE = (rules: readonly ReasonCode[]): boolean =>
  rules.some((r) => r in RELATED && RELATED[r]?.length !== 0);

const CAPPED: Record<LimitBinding, ReasonCode> = {
  score: "LIMIT_CAPPED_BY_SCORE",
  income: "LIMIT_CAPPED_BY_INCOME",
  thin_file: "LIMIT_CAPPED_THIN_FILE",
  product_maximum: "LIMIT_CAPPED_PRODUCT_MAXIMUM",
};
const AT_CAP: Record<LimitBinding, ReasonCode> = {
  score: "LIMIT_AT_SCORE_CAP",
  income: "LIMIT_AT_INCOME_CAP",
  thin_file: "LIMIT_AT_THIN_FILE_CAP",
  product_maximum: "LIMIT_AT_PRODUCT_MAXIMUM",
};
const BINDING_PARAMETER: Record<LimitBinding, PolicyParamName> = {
  score: "limitBands",
  income: "maxLimitIncomeMultiple",
  thin_file: "thinFileMaxLimit",
  product_maximum: "limitBands",
};

const capFact = (code: ReasonCode, cap: LimitCap): RuleFact => ({
  code,
  parameter: BINDING_PARAMETER[cap.binding],
  threshold: cap.limit,
});

/** The cap for the customer on a line today. */
export function capFor(c: Customer, line: LineId, s: Scored, policy: Policy = c.policy): LimitCap | null {
  return limitCap(
    s.score,
    c.profile.monthlyIncome,
    rulesFor(policy, line),
    thinFile(c) ? policy.thinFileMaxLimit : null,
  );
}

/** Eligibility beyond the score: a verified identity when required, the debt-to-income cap. */
export function eligibilityFailures(c: Customer, rules: LineRules, policy: Policy): RuleFact[] {
  const out: RuleFact[] = [];
  if (policy.requireVerified && !c.profile.verified)
    out.push({ code: "IDENTITY_REQUIRED", parameter: "requireVerified" });
  const dti = debtToIncome(c);
  if (dti > rules.maxDebtToIncome) {
    out.push({
      code: "DEBT_TO_INCOME_TOO_HIGH",
      parameter: rules === policy ? "maxDebtToIncome" : "jiebeiMaxDebtToIncome",
      threshold: rules.maxDebtToIncome,
      value: Number.isFinite(dti) ? Math.round(dti * 100) / 100 : dti,
    });
  }
  return out;
}

const scoreFact = (code: ReasonCode, parameter: PolicyParamName, threshold: number, s: Scored): RuleFact => ({
  code,
  parameter,
  threshold,
  value: s.score,
});

const param = (line: LineId, huabei: PolicyParamName, jiebei: PolicyParamName) =>
  line === "huabei" ? huabei : jiebei;

/** Applications to open a line or raise its limit. The inquiry has been recorded before this runs; the
 *  score is the one before the inquiry, as a lender pulling the file would see it. */
export function decideApplication(
  c: Customer,
  line: Line,
  day: number,
  kind: ApplicationKind,
  amount: Fen,
  s: Scored,
): Verdict {
  const p = c.policy;
  const rules = rulesFor(p, line.id);
  if (kind === "open") {
    if (isOpen(line)) return declined(["ACCOUNT_EXISTS"], s);
    // a line written off is not opened again (its debt, repaid or not, stays on the record)
    if (line.status === "charged_off")
      return declined(["DEBT_WRITTEN_OFF"], s, [{ code: "DEBT_WRITTEN_OFF", value: owed(line) }]);
  } else {
    if (line.status === "none") return declined(["NO_ACCOUNT"], s);
    if (line.status === "closed" || line.status === "charged_off") return declined(["ACCOUNT_CLOSED"], s);
    if (line.status === "suspended") return declined(["ACCOUNT_SUSPENDED"], s);
  }
  // every policy rule the application fails is a reason (the principal ones: four at most)
  const failures: RuleFact[] = [];
  const applications = countWithin(c.inquiries, day, 30);
  if (applications > p.maxApplications30d) {
    failures.push({
      code: "TOO_MANY_APPLICATIONS",
      parameter: "maxApplications30d",
      threshold: p.maxApplications30d,
      value: applications,
    });
  }
  if (customerOverdue(c) > 0) {
    failures.push({
      code: "OVERDUE_OUTSTANDING",
      value: customerDaysPastDue(c, day),
      ...otherLine(c, line, day),
    });
  }
  if (kind === "open") {
    // reopening a line is not a way round a hold or a recent delinquency: the restoration standards apply
    const changes = recentProfileChanges(c, day);
    if (changes > p.securityMaxChanges) {
      failures.push({
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        threshold: p.securityMaxChanges,
        value: changes,
      });
    }
    const cured = lastCured(c);
    if (customerOverdue(c) === 0 && day - cured < p.restoreCleanDays) {
      failures.push({
        code: "OVERDUE_TOO_RECENT",
        parameter: "restoreCleanDays",
        threshold: p.restoreCleanDays,
        value: day - cured,
      });
    }
    if (amount < rules.minLimit * 100) {
      failures.push({
        code: "AMOUNT_BELOW_MINIMUM",
        parameter: param(line.id, "minLimit", "jiebeiMinLimit"),
        threshold: rules.minLimit * 100,
        value: amount,
      });
    }
    // cash loans only for a customer with a record to judge (Jiebei is offered by invitation)
    if (line.id === "jiebei" && thinFile(c)) failures.push({ code: "REPAYMENT_RECORD_REQUIRED" });
  }
  if (kind === "increase") {
    // the cooldown runs from the opening too: no increase in a line's first months
    const since = Math.max(
      line.lastIncreaseDay ?? Number.NEGATIVE_INFINITY,
      line.openedDay ?? Number.NEGATIVE_INFINITY,
    );
    if (day - since < p.increaseCooldownDays) {
      failures.push({
        code: "INCREASE_TOO_SOON",
        parameter: "increaseCooldownDays",
        threshold: p.increaseCooldownDays,
        value: day - since,
      });
    }
    const missed = lastMissed(c);
    if (day - missed < p.increaseCleanDays) {
      failures.push({
        code: "RECENT_MISSED_PAYMENT",
        parameter: "increaseCleanDays",
        threshold: p.increaseCleanDays,
        value: day - missed,
      });
    }
  }
  const minimum = kind === "open" ? rules.minOpenScore : rules.minIncreaseScore;
  if (s.score < minimum) {
    const code = kind === "open" ? "SCORE_BELOW_OPEN_MINIMUM" : "SCORE_BELOW_INCREASE_MINIMUM";
    const parameter =
      kind === "open"
        ? param(line.id, "minOpenScore", "jiebeiMinOpenScore")
        : param(line.id, "minIncreaseScore", "jiebeiMinIncreaseScore");
    failures.push(scoreFact(code, parameter, minimum, s));
  }
  failures.push(...eligibilityFailures(c, rules, p));
  if (failures.length > 0)
    return declined(
      failures.map((f) => f.code),
      s,
      failures,
    );
  const cap = capFor(c, line.id, s);
  if (cap === null || cap.belowMinimum) {
    const fact = noLineFact(line.id, rules, cap, s);
    return declined([fact.code], s, [fact]);
  }
  if (kind === "increase" && cap.limit <= line.limit) {
    const code = AT_CAP[cap.binding];
    return declined([code], s, [capFact(code, cap)]);
  }
  const wanted = kind === "open" ? amount : line.limit + amount;
  if (wanted <= cap.limit)
    return { decision: "approved", reasons: ["MEETS_POLICY"], facts: [], limit: wanted };
  const code = CAPPED[cap.binding];
  return {
    decision: "approved_lower",
    reasons: ["MEETS_POLICY", code],
    facts: [capFact(code, cap)],
    limit: cap.limit,
  };
}

/** Why no line can be offered or kept: the score is below every band, or the caps fall below the
 *  smallest line (the fact names which). */
function noLineFact(line: LineId, rules: LineRules, cap: LimitCap | null, s: Scored): RuleFact {
  if (cap === null) {
    const lowest = Math.min(...rules.limitBands.map((b) => b.minScore));
    return scoreFact("SCORE_BELOW_LIMIT_BANDS", param(line, "limitBands", "jiebeiLimitBands"), lowest, s);
  }
  return {
    code: "LIMIT_BELOW_MINIMUM",
    parameter: param(line, "minLimit", "jiebeiMinLimit"),
    threshold: rules.minLimit * 100,
    value: cap.limit,
  };
}

/** When the overdue amount that decides is on the other line, the fact says so. */
function otherLine(c: Customer, line: Line, day: number): { line?: LineId } {
  const other = line.id === "huabei" ? c.jiebei : c.huabei;
  return daysPastDue(other, day) > daysPastDue(line, day) ? { line: other.id } : {};
}

/** A purchase on Huabei or a drawdown on Jiebei: declined while the line is not active, while anything is
 *  overdue on either line, or beyond the available credit. */
export function authorise(c: Customer, line: Line, amount: Fen, day: number, s: ScoreSource): Verdict {
  if (line.status === "none") return declined(["NO_ACCOUNT"], s);
  if (line.status === "closed" || line.status === "charged_off") return declined(["ACCOUNT_CLOSED"], s);
  if (line.status === "suspended") return declined(["ACCOUNT_SUSPENDED"], s);
  if (customerOverdue(c) > 0) {
    return declined(["OVERDUE_OUTSTANDING"], s, [
      { code: "OVERDUE_OUTSTANDING", value: customerDaysPastDue(c, day), ...otherLine(c, line, day) },
    ]);
  }
  const available = line.limit - owed(line);
  if (amount > available) {
    return {
      decision: "declined",
      reasons: ["OVER_LIMIT"],
      facts: [{ code: "OVER_LIMIT", threshold: available, value: amount }],
    };
  }
  if (line.id === "jiebei") {
    const p = c.policy;
    if (amount < p.jiebeiMinDrawdown * 100) {
      return {
        decision: "declined",
        reasons: ["AMOUNT_BELOW_MINIMUM"],
        facts: [
          {
            code: "AMOUNT_BELOW_MINIMUM",
            parameter: "jiebeiMinDrawdown",
            threshold: p.jiebeiMinDrawdown * 100,
            value: amount,
          },
        ],
      };
    }
    // affordability: a cash loan may not take the debt burden past Jiebei's cap
    const after = debtToIncomeWith(c, owed(c.huabei) + owed(c.jiebei), amount);
    if (after > p.jiebeiMaxDebtToIncome) {
      return declined(["DEBT_TO_INCOME_TOO_HIGH"], s, [
        {
          code: "DEBT_TO_INCOME_TOO_HIGH",
          parameter: "jiebeiMaxDebtToIncome",
          threshold: p.jiebeiMaxDebtToIncome,
          value: Number.isFinite(after) ? Math.round(after * 100) / 100 : after,
        },
      ]);
    }
  }
  return { decision: "approved", reasons: ["WITHIN_LIMIT"], facts: [], limit: line.limit };
}

/** Bound-detail changes since the last verification, within the security window. */
export function recentProfileChanges(c: Customer, day: number): number {
  const p = c.policy;
  return c.profileChanges.filter((d) => d >= c.verifiedDay && day - d < p.securityWindowDays).length;
}

/** Real-time trigger: past due beyond the policy's days (on either line) suspends an active line at once. */
export function overdueTrigger(c: Customer, line: Line, day: number): Verdict | null {
  if (line.status !== "active") return null;
  const dpd = customerDaysPastDue(c, day);
  if (dpd < c.policy.suspendOverdueDays) return null;
  return {
    decision: "suspended",
    cause: "credit",
    reasons: ["OVERDUE_TOO_LONG", "OVERDUE_NOW"],
    facts: [
      {
        code: "OVERDUE_TOO_LONG",
        parameter: "suspendOverdueDays",
        threshold: c.policy.suspendOverdueDays,
        value: dpd,
        ...otherLine(c, line, day),
      },
    ],
  };
}

/** Real-time trigger: a line this far past due is charged off — its debt written off as the lender's loss. */
export function chargeOffTrigger(c: Customer, line: Line, day: number): Verdict | null {
  if (line.status === "none" || line.status === "charged_off") return null;
  const dpd = daysPastDue(line, day);
  if (dpd < c.policy.chargeOffDays) return null;
  return {
    decision: "charged_off",
    reasons: ["CHARGED_OFF", "SERIOUS_DELINQUENCY"],
    facts: [
      { code: "CHARGED_OFF", parameter: "chargeOffDays", threshold: c.policy.chargeOffDays, value: dpd },
    ],
  };
}

/** Real-time trigger: too many bound-detail changes in the window since the last verification. */
export function securityTrigger(c: Customer, line: Line, day: number): Verdict | null {
  // an active line, or one suspended for credit or policy: it must not come back unverified
  if (line.status !== "active" && !(line.status === "suspended" && line.cause !== "security")) return null;
  const p = c.policy;
  const recent = recentProfileChanges(c, day);
  if (recent <= p.securityMaxChanges) return null;
  return {
    decision: "suspended",
    cause: "security",
    reasons: ["SECURITY_PROFILE_CHANGES", "FREQUENT_PROFILE_CHANGES"],
    facts: [
      {
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        threshold: p.securityMaxChanges,
        value: recent,
      },
    ],
  };
}

/** Why a line fails a policy's standard for keeping credit: empty when it passes. */
function failsStandard(c: Customer, line: LineId, policy: Policy, s: Scored): RuleFact[] {
  const rules = rulesFor(policy, line);
  const out: RuleFact[] = [];
  if (s.score < rules.minScore)
    out.push(scoreFact("SCORE_BELOW_MINIMUM", param(line, "minScore", "jiebeiMinScore"), rules.minScore, s));
  else if (customerOverdue(c) > 0 && s.score < policy.delinquentMinScore)
    out.push(scoreFact("PAST_DUE_AT_REVIEW", "delinquentMinScore", policy.delinquentMinScore, s));
  out.push(...eligibilityFailures(c, rules, policy));
  return out;
}

/** What stands between a suspended line and restoration now (empty: restore). */
export function restorationBlockers(c: Customer, line: Line, day: number, s: Scored): RuleFact[] {
  if (line.cause === "security") return [{ code: "SECURITY_PROFILE_CHANGES" }];
  const p = c.policy;
  const rules = rulesFor(p, line.id);
  const blockers: RuleFact[] = [];
  if (customerOverdue(c) > 0)
    blockers.push({
      code: "OVERDUE_OUTSTANDING",
      value: customerDaysPastDue(c, day),
      ...otherLine(c, line, day),
    });
  else if (day - lastCured(c) < p.restoreCleanDays)
    blockers.push({
      code: "OVERDUE_TOO_RECENT",
      parameter: "restoreCleanDays",
      threshold: p.restoreCleanDays,
      value: day - lastCured(c),
    });
  if (s.score < rules.restoreScore)
    blockers.push(
      scoreFact(
        "SCORE_BELOW_RESTORE",
        param(line.id, "restoreScore", "jiebeiRestoreScore"),
        rules.restoreScore,
        s,
      ),
    );
  blockers.push(...eligibilityFailures(c, rules, p));
  if (blockers.length === 0) {
    const cap = capFor(c, line.id, s);
    if (cap === null || cap.belowMinimum) blockers.push(noLineFact(line.id, rules, cap, s));
  }
  return blockers;
}

/**
 * `verify_identity` on a security suspension: the hold is lifted; a line that meanwhile fell overdue too
 * long or below its minimum score stays suspended, now for credit, instead of being reactivated.
 */
export function liftSecurityHold(c: Customer, line: Line, day: number, s: Scored): Verdict {
  const credit: RuleFact[] = [];
  const dpd = customerDaysPastDue(c, day);
  if (dpd >= c.policy.suspendOverdueDays)
    credit.push({
      code: "OVERDUE_TOO_LONG",
      parameter: "suspendOverdueDays",
      threshold: c.policy.suspendOverdueDays,
      value: dpd,
    });
  credit.push(...failsStandard(c, line.id, c.policy, s));
  if (credit.length === 0)
    return { decision: "restored", reasons: ["IDENTITY_VERIFIED"], facts: [], limit: line.limit };
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

/** The restoration verdict for a suspended line whose blockers are gone. */
function restore(c: Customer, line: Line, s: Scored): Verdict {
  const onRecord = line.reasonsOnRecord;
  const reasons: ReasonCode[] = [];
  if (onRecord.some((r) => r === "OVERDUE_NOW" || r === "OVERDUE_TOO_LONG" || r === "OVERDUE_OUTSTANDING"))
    reasons.push("ARREARS_CLEARED");
  if (
    onRecord.some(
      (r) =>
        r === "SCORE_BELOW_MINIMUM" ||
        r === "LIMIT_BELOW_MINIMUM" ||
        r === "SCORE_BELOW_LIMIT_BANDS" ||
        r === "PAST_DUE_AT_REVIEW",
    )
  )
    reasons.push("SCORE_RECOVERED");
  if (onRecord.includes("IDENTITY_REQUIRED")) reasons.push("IDENTITY_VERIFIED");
  if (onRecord.includes("DEBT_TO_INCOME_TOO_HIGH")) reasons.push("DEBT_BURDEN_REDUCED");
  if (line.cause === "policy" || reasons.length === 0) reasons.push("MEETS_CURRENT_POLICY");
  // the limit it is restored at: what line management would leave an active line with
  const cut = lineManagement(c, line, s);
  if (cut === null || cut.decision !== "limit_reduced")
    return { decision: "restored", reasons, facts: [], limit: line.limit };
  return {
    decision: "restored",
    reasons: [...reasons, ...cut.reasons.slice(0, 1)],
    facts: cut.facts,
    limit: cut.limit,
  };
}

const NO_DECISION: Verdict = Object.freeze({ decision: null, reasons: [], facts: [] }) as Verdict;

/** The monthly periodic review of one line (and an early review the customer asked for, `requested`). */
export function periodicReview(c: Customer, line: Line, day: number, s: Scored, requested = false): Verdict {
  const p = c.policy;
  if (line.status === "active" && !requested) {
    const failures = failsStandard(c, line.id, p, s);
    if (failures.length > 0) {
      // a policy cause only when the line would still pass the policy it had before the change
      const prev = line.previousPolicy;
      const passedBefore = prev !== null && failsStandard(c, line.id, prev, s).length === 0;
      const codes: ReasonCode[] = passedBefore ? ["POLICY_CHANGE"] : [];
      codes.push(...failures.map((f) => f.code));
      // line management does not wait for a restoration: a cut due today comes with the suspension
      // (its code follows the suspension's reasons when there is room; its fact is always there)
      const cut = lineManagement(c, line, s);
      const reasons = principalReasons(codes, s);
      if (cut?.decision !== "limit_reduced")
        return { decision: "suspended", cause: passedBefore ? "policy" : "credit", reasons, facts: failures };
      const cutCode = cut.reasons[0]!;
      if (reasons.length < 4) reasons.push(cutCode);
      return {
        decision: "suspended",
        cause: passedBefore ? "policy" : "credit",
        reasons,
        facts: [...failures, ...cut.facts],
        limit: cut.limit,
      };
    }
    const cap = capFor(c, line.id, s);
    const rules = rulesFor(p, line.id);
    if (cap === null || cap.belowMinimum) {
      // never an active line below the smallest limit: suspended with the reason instead
      const fact = noLineFact(line.id, rules, cap, s);
      return {
        decision: "suspended",
        cause: "credit",
        reasons: principalReasons([fact.code], s),
        facts: [fact],
      };
    }
    return lineManagement(c, line, s) ?? NO_DECISION;
  }
  if (line.status === "suspended") {
    const blockers = restorationBlockers(c, line, day, s);
    if (blockers.length === 0) return restore(c, line, s);
    const codes = blockers.map((f) => f.code);
    if (!requested && line.statusDay !== null && day - line.statusDay >= p.closeAfterSuspendedDays) {
      return {
        decision: "closed",
        cause: line.cause ?? "credit",
        reasons: principalReasons(["LONG_SUSPENSION", ...codes], s),
        facts: [
          {
            code: "LONG_SUSPENSION",
            parameter: "closeAfterSuspendedDays",
            threshold: p.closeAfterSuspendedDays,
            value: day - line.statusDay,
          },
          ...blockers,
        ],
      };
    }
    // line management reaches suspended lines too: the limit a restoration finds is the one kept all along
    const cut = requested ? null : lineManagement(c, line, s);
    if (cut) return cut;
    return {
      decision: requested ? "declined" : null,
      reasons: principalReasons(["NOT_RESTORED_YET", ...codes], s),
      facts: blockers,
    };
  }
  return requested ? { decision: "info", reasons: ["NOTHING_TO_REVIEW"], facts: [] } : NO_DECISION;
}

/**
 * Line management at the review: the income cap applies at every review, the score's band once the score
 * is below reduceLimitScore (a margin, so that a score moving a few points does not move the limit).
 * Null when the limit stands.
 */
function lineManagement(c: Customer, line: Line, s: Scored): Verdict | null {
  const cap = capFor(c, line.id, s);
  if (cap === null || cap.belowMinimum || cap.limit >= line.limit) return null;
  if (cap.binding !== "income" && s.score >= c.policy.reduceLimitScore) return null;
  const code = cap.binding === "income" ? "INCOME_BELOW_LIMIT" : "SCORE_BELOW_LIMIT_BAND";
  return {
    decision: "limit_reduced",
    reasons: principalReasons([code], s),
    facts: [capFact(code, cap)],
    limit: cap.limit,
  };
}

/** `request_review`: an early restoration review of a line, at most one per cooldown. */
export function requestedReview(c: Customer, line: Line, day: number, s: Scored): Verdict {
  if (line.status === "none") return { decision: "info", reasons: ["NO_ACCOUNT"], facts: [] };
  if (line.status !== "suspended") return { decision: "info", reasons: ["NOTHING_TO_REVIEW"], facts: [] };
  const p = c.policy;
  if (c.lastReviewRequest !== null && day - c.lastReviewRequest < p.reviewRequestCooldownDays) {
    return {
      decision: "declined",
      reasons: ["REVIEW_TOO_SOON"],
      facts: [
        {
          code: "REVIEW_TOO_SOON",
          parameter: "reviewRequestCooldownDays",
          threshold: p.reviewRequestCooldownDays,
          value: day - c.lastReviewRequest,
        },
      ],
    };
  }
  return periodicReview(c, line, day, s, true);
}

/** `close`: the customer closes a line, refused while anything is owed on it. */
export function closeAtRequest(line: Line, s: ScoreSource): Verdict {
  if (line.status === "none") return declined(["NO_ACCOUNT"], s);
  if (line.status === "closed" || line.status === "charged_off") return declined(["ACCOUNT_CLOSED"], s);
  const balance = owed(line);
  if (balance > 0)
    return {
      decision: "declined",
      reasons: ["BALANCE_OUTSTANDING"],
      facts: [{ code: "BALANCE_OUTSTANDING", value: balance }],
    };
  return { decision: "closed", cause: "customer", reasons: ["CLOSED_AT_REQUEST"], facts: [] };
}

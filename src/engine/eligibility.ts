// What rules share about eligibility and limits: the cap a line may have and the reason code naming what
// binds it, identity and debt-to-income, and the facts a decline cites when no line can be offered.

import {
  type Customer,
  daysPastDue,
  type Line,
  type LineRules,
  otherOf,
  rulesFor,
  thinFile,
  writtenOff,
} from "./customer.js";
import { type LimitBinding, type LimitCap, limitCap, lowestBandScore, smallestLine } from "./limits.js";
import { ceilWhole } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import { debtToIncome, debtToIncomeWith, type Scored } from "./score-inputs.js";
import type { Fen, Policy } from "./types.js";
import type { RuleFact } from "./verdict.js";
import type { LineId, PolicyParamName } from "./vocabulary.js";

export const CAPPED: Record<LimitBinding, ReasonCode> = {
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

/** Jiebei's own parameters where its rules differ (the thin-file cap is one for both lines). */
const JIEBEI_PARAMETER: Record<LimitBinding, PolicyParamName> = {
  score: "jiebeiLimitBands",
  income: "jiebeiMaxLimitIncomeMultiple",
  thin_file: "thinFileMaxLimit",
  product_maximum: "jiebeiLimitBands",
};

/** What a cut names as its cause: the cap that bound it. */
export const CUT_BY: Record<LimitBinding, ReasonCode> = {
  score: "SCORE_BELOW_LIMIT_BAND",
  income: "INCOME_BELOW_LIMIT",
  product_maximum: "LIMIT_ABOVE_PRODUCT_MAXIMUM",
  thin_file: "THIN_FILE_BELOW_LIMIT",
};

/** The codes of a limit held to a cap (capped, at the cap, cut to it): their fact's threshold is the cap
 *  in fen (a band's limit, the income multiple's product), not their parameter's own value — as it is for
 *  SCORE_BELOW_LIMIT_BANDS, whose threshold under limitBands is a score. */
export const LIMIT_CAP_CODES: ReadonlySet<ReasonCode> = new Set([
  ...Object.values(CAPPED),
  ...Object.values(AT_CAP),
  ...Object.values(CUT_BY),
]);

/** A limit held to a cap: `limit` the one asked for or held (fen), against the cap — the cap's own, and
 *  for one below the smallest line that the line is held to instead (heldCap), that line too: ¥400 by
 *  maxLimitIncomeMultiple is no ¥500 cap by it. */
export function capFact(code: ReasonCode, cap: LimitCap, line: LineId, limit?: Fen): RuleFact {
  // fields set one by one, in the order a spread of each would give them: conditional spreads in the
  // literal ran through V8's runtime on every cut fact a review makes (docs/performance.md)
  const f: RuleFact = {
    code,
    parameter: (line === "huabei" ? BINDING_PARAMETER : JIEBEI_PARAMETER)[cap.binding],
    threshold: cap.own ?? cap.limit,
  };
  if (limit !== undefined) f.value = limit;
  if (cap.own !== undefined) {
    f.smallest = cap.limit;
    f.smallestParameter = param(line, "minLimit", "jiebeiMinLimit");
  }
  return f;
}

/** What an application for an increase is declined with when the cap is no more than the limit `held`
 *  (the limit already the most it allows: the decision, and customer service saying the way back would
 *  not work as things stand); null when the cap leaves room. */
export function atCap(cap: LimitCap, line: LineId, held: Fen, wanted?: Fen): RuleFact | null {
  return cap.limit <= held ? capFact(AT_CAP[cap.binding], cap, line, wanted) : null;
}

/** The cap for the customer on a line today. */
export function capFor(c: Customer, line: LineId, s: Scored, policy: Policy = c.policy): LimitCap | null {
  return limitCap(
    s.score,
    c.profile.monthlyIncome,
    rulesFor(policy, line),
    thinFile(c) ? policy.thinFileMaxLimit : null,
  );
}

/**
 * The cap line management holds a line to: the score's band — and for a score below every band, the
 * lowest band's, so that falling further never leaves a line with more credit than falling less would.
 */
export function managedCap(c: Customer, line: LineId, s: Scored, p: Policy = c.policy): LimitCap | null {
  const cap = capFor(c, line, s, p);
  if (cap !== null) return cap;
  const rules = rulesFor(p, line);
  const floor = limitCap(
    lowestBandScore(rules),
    c.profile.monthlyIncome,
    rules,
    thinFile(c) ? p.thinFileMaxLimit : null,
  );
  // the lowest band binds because of the score, even when it is the only band (the product's largest)
  // (a literal in limitCap's order, not a spread of it: see heldCap)
  return floor?.binding === "product_maximum"
    ? { limit: floor.limit, binding: "score", belowMinimum: floor.belowMinimum }
    : floor;
}

/**
 * The caps that hold whatever the score: the product's largest limit, the income multiple and the
 * thin-file cap (line management applies them at every review; the score's own band only below
 * reduceLimitScore).
 */
export function standingCap(c: Customer, line: LineId, p: Policy = c.policy): LimitCap | null {
  const thin = thinFile(c) ? p.thinFileMaxLimit : null;
  return limitCap(Number.POSITIVE_INFINITY, c.profile.monthlyIncome, rulesFor(p, line), thin);
}

/**
 * Why a closed or charged-off line takes no purchase, drawdown, increase or closure: a write-off on either
 * line bars it for good (`DEBT_WRITTEN_OFF`, whose advice is to repay — not to apply again, which would
 * be declined); otherwise it is closed and a new line may be applied for (`ACCOUNT_CLOSED`).
 */
export function endedLine(c: Customer, line: Line): { reasons: ReasonCode[]; facts: RuleFact[] } {
  const lost = writeOffFact(c, line);
  return lost ? { reasons: ["DEBT_WRITTEN_OFF"], facts: [lost] } : { reasons: ["ACCOUNT_CLOSED"], facts: [] };
}

/** A write-off on either line, as the fact that bars the customer from credit: lenders exclude a
 *  customer they lost money on (the debt, repaid or not, stays on the record). Null: none. */
export function writeOffFact(c: Customer, line: Line): RuleFact | null {
  const lost = line.status === "charged_off" ? line : otherOf(c, line);
  if (lost.status !== "charged_off") return null;
  return { code: "DEBT_WRITTEN_OFF", value: writtenOff(lost), ...(lost === line ? {} : { line: lost.id }) };
}

/** A debt-to-income ratio as a fact records it (two decimals, rounded up: a ratio over a cap never shows
 *  as equal to it — 1.004 is 1.01 against a cap of 1.00): what a later restoration compares with. */
export const dtiShown = (dti: number): number =>
  // as the decimal it stands for, so that 0.3 (0.30000000000000004 × 100) stays 0.30 (ceilWhole)
  Number.isFinite(dti) ? ceilWhole(dti * 100) / 100 : dti;

/** Eligibility beyond the score: a verified identity when required, the debt-to-income cap — added to
 *  `out` (a rule's own list of what fails, after what it found first), which is returned. */
export function eligibilityFailures(
  c: Customer,
  rules: LineRules,
  policy: Policy,
  out: RuleFact[] = [],
  /** the debt the ratio counts, when not the file's own (applicationDebt: the file once a grant is used) */
  debt?: Fen,
): RuleFact[] {
  if (policy.requireVerified && !c.profile.verified)
    out.push({ code: "IDENTITY_REQUIRED", parameter: "requireVerified" });
  const dti = debt === undefined ? debtToIncome(c) : debtToIncomeWith(c, debt - c.profile.externalDebt, 0);
  if (dti > rules.maxDebtToIncome) {
    out.push({
      code: "DEBT_TO_INCOME_TOO_HIGH",
      parameter: rules === policy ? "maxDebtToIncome" : "jiebeiMaxDebtToIncome",
      threshold: rules.maxDebtToIncome,
      value: dtiShown(dti),
    });
  }
  return out;
}

export const scoreFact = (
  code: ReasonCode,
  parameter: PolicyParamName,
  threshold: number,
  s: Scored,
): RuleFact => ({
  code,
  parameter,
  threshold,
  value: s.score,
});

export const param = (line: LineId, huabei: PolicyParamName, jiebei: PolicyParamName) =>
  line === "huabei" ? huabei : jiebei;

/**
 * The score a decision that leaves a line active needs — to open it, raise it or restore it (`own`, with
 * its parameter) — and never less than what an active line must keep at a review (`minScore`): a policy
 * that keeps lines above the score it opens or restores them at would otherwise grant a line the next
 * review suspends (and customer service would promise it).
 */
export function keptAtLeast(
  rules: LineRules,
  line: LineId,
  own: number,
  parameter: PolicyParamName,
): { score: number; parameter: PolicyParamName } {
  return rules.minScore > own
    ? { score: rules.minScore, parameter: param(line, "minScore", "jiebeiMinScore") }
    : { score: own, parameter };
}

/** What a cap that falls below the smallest line names: the cap that binds — the score's band (a score
 *  rule: a higher score reaches a higher band), or one no score changes: the income multiple's, the
 *  product's largest limit, the thin-file cap. */
const BELOW_SMALLEST: Record<LimitBinding, ReasonCode> = {
  score: "LIMIT_BELOW_MINIMUM",
  income: "INCOME_BELOW_SMALLEST_LINE",
  product_maximum: "PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE",
  thin_file: "THIN_FILE_BELOW_SMALLEST_LINE",
};

/** Why no line can be offered or kept: the score is below every band, or the caps fall below the
 *  smallest line (the fact's code names the one that binds: BELOW_SMALLEST) — or, for a line kept below
 *  it (`held`: its limit, granted before the smallest line rose), below the line's own limit, which is
 *  what keeping it needs (noLineAt). */
export function noLineFact(
  line: LineId,
  rules: LineRules,
  cap: LimitCap | null,
  s: Scored,
  held?: Fen,
): RuleFact {
  if (cap === null) {
    const lowest = lowestBandScore(rules);
    return scoreFact("SCORE_BELOW_LIMIT_BANDS", param(line, "limitBands", "jiebeiLimitBands"), lowest, s);
  }
  const smallest = smallestLine(rules);
  const minLimit = param(line, "minLimit", "jiebeiMinLimit");
  // a line kept below the smallest line: its own limit is the threshold, which no parameter sets — the
  // smallest line said beside it, not named as that limit ("vs minLimit ¥2,000.00" under a ¥2,500 minLimit)
  if (held !== undefined && held < smallest)
    return {
      code: BELOW_SMALLEST[cap.binding],
      threshold: held,
      value: cap.limit,
      smallest,
      smallestParameter: minLimit,
    };
  return { code: BELOW_SMALLEST[cap.binding], parameter: minLimit, threshold: smallest, value: cap.limit };
}

/** When the overdue amount that decides is on the other line, the fact says so. */
export function otherLine(c: Customer, line: Line, day: number): { line?: LineId } {
  const other = otherOf(c, line);
  return daysPastDue(other, day) > daysPastDue(line, day) ? { line: other.id } : {};
}

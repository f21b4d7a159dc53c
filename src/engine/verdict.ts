// What a rule returns. Each rule (applications.ts, triggers.ts, review.ts) takes the customer, a line, the
// day and the score, and returns a verdict; rules decide and never change the customer (apply-verdict.ts
// acts on verdicts), so each is testable alone.
//
// Reasons on an adverse decision (Regulation B, 12 CFR 1002.9(b)(2) and comment 9(b)(2)-5): at most four
// principal reasons. The rule that decided comes first, its code naming what bound it; then the scorecard
// characteristics that count against the customer, ranked by points below their maximum — all of them for
// a score rule, only the ones the rule is about otherwise (a debt-to-income rule cites the debt burden, an
// identity rule nothing else). `facts` carry the numbers behind each rule: which parameter, its threshold,
// the customer's value.

import type { ReasonCode } from "./reasons.js";
import type { Scored } from "./score-inputs.js";
import { addScoreReasons, type Scoring } from "./scorecard.js";
import type { Fen, Policy } from "./types.js";
import type { Cause, LineId, PolicyParamName, ProfileField } from "./vocabulary.js";

/** The numbers behind a rule's code: the parameter, its threshold and the customer's value. */
export interface RuleFact {
  code: ReasonCode;
  parameter?: PolicyParamName;
  threshold?: number;
  value?: number;
  /** the threshold under the policy before a change, when the change is what makes the rule bind (a
   *  trigger it lowered below the customer's value, a cap or a minimum a review's suspension for the change
   *  and every decision and answer citing it after name) */
  before?: number;
  /** the line the fact is about, when it is not the line decided on */
  line?: LineId;
  /** a burst of transactions (UNUSUAL_TRANSACTIONS): how many large ones were asked in the day (approved
   *  or declined), their total and the customer's limits that day it is a share of (`value`) */
  transactions?: number;
  amount?: Fen;
  limits?: Fen;
  /** a large transaction after a change (LARGE_TRANSACTION_AFTER_CHANGE): the bound detail changed and its
   *  day (with `amount`, the transaction asked, and `limits`, the limits it is a share of) */
  changed?: ProfileField;
  changedOn?: number;
  /** what the review would hold against a larger grant (LIMIT_KEPT_ONCE_USED's reasons): judged on the
   *  file once a line of this limit is used, not on today's, and the score the review would read then */
  onceUsed?: Fen;
  scoreOnceUsed?: number;
  /** a debt ratio read on that file (onceUsed): the debt it counted (debt elsewhere and each line), each
   *  line's part, and of that part the unused credit counted as used — what the customer checks the
   *  number against (debtCountedOnceUsed) */
  debtCounted?: Fen;
  huabeiCounted?: Fen;
  jiebeiCounted?: Fen;
  huabeiUsed?: Fen;
  jiebeiUsed?: Fen;
  /** a line's part counted at the month-end report's balance, more than the line owes today (repaid since
   *  the report): what it owes today, so that the customer reads today's debt beside the report's */
  huabeiOwedToday?: Fen;
  jiebeiOwedToday?: Fen;
  /** Jiebei's part counted at its smallest loan drawn (`jiebeiMinDrawdown`, this many fen) with the interest
   *  to a month end, beyond what it owes: the line judged lends at least that, or lends nothing */
  jiebeiLeast?: Fen;
  /** a limit cap below the smallest line (its own, `threshold`), the line held to the smallest line
   *  instead: that line, and the parameter setting it (`minLimit`, `jiebeiMinLimit`) */
  smallest?: Fen;
  smallestParameter?: PolicyParamName;
  /** a score read as a later day's review will read it (customer service: the review that can restore a
   *  suspended line), not the day's own: that review's day and date */
  readOn?: number;
  readOnDate?: string;
  /** too many profile changes (SECURITY_PROFILE_CHANGES): the window they are counted in, in days
   *  (securityWindowDays), and the first day another change would no longer be one too many — the day
   *  enough of the oldest changes have left it (none when securityMaxChanges is 0: every change is) */
  window?: number;
  windowClearsOn?: number;
  /** the thin-file cap (LIMIT_AT_THIN_FILE_CAP) on an application declined at it, or approved lower at it
   *  (LIMIT_CAPPED_THIN_FILE): the first day the file
   *  holds six months of repayment record as things stand (each bill met at its minimum, nothing more
   *  spent) — the day customer service names (recordDay); absent when no month end within reach does */
  liftsOn?: number;
  /** an application approved lower at the thin-file cap (LIMIT_CAPPED_THIN_FILE) on a line not used yet,
   *  which adds no record: the month end by which a use (a purchase, a drawdown) makes `liftsOn` the day */
  usedBy?: number;
  /** a drawdown over the instalment cap (INSTALMENT_TO_INCOME_TOO_HIGH): the shortest longer term over which
   *  the same amount fits, and the most (whole hundreds of yuan) that fits over the term asked — each absent
   *  when none does */
  fitsTerm?: number;
  fitsAmount?: Fen;
  /** a limit given back (LIMIT_GIVEN_BACK): the limit it was held at before, and the codes of the cuts'
   *  constraints that no longer bind — every cut since the way back, the first first (LIMIT_KEPT_ONCE_USED,
   *  INCOME_BELOW_LIMIT…) */
  from?: Fen;
  cleared?: ReasonCode[];
  /** a cap between a line's limit today and the limit it had before a cut (customer service citing what a
   *  review would still cut of the limit the line had: why the limit does not come all the way back): the
   *  limit today, below the cap — `value` is the limit before the cut */
  heldAt?: Fen;
}

interface VerdictBase {
  reasons: ReasonCode[];
  facts: RuleFact[];
  /** a limit cut that comes with a suspension or a restoration, or that a review makes on a line it leaves
   *  suspended: the cut's own reasons (POLICY_CHANGE first when the policy made it), kept on its record —
   *  the decision's reasons are the decision's (the cut's rules, then NOT_RESTORED_YET and what stands in
   *  the way of the restoration) */
  cutReasons?: ReasonCode[];
  /** a limit cut to another cap where the score's band (below reduceLimitScore) cuts it too, less: the
   *  band's cap — the most a later review gives back (review/give-back.ts), as a cut to the band itself,
   *  the customer's own worsening, gives back nothing */
  bandHolds?: Fen;
  /** a periodic review that cuts a suspended line's limit: what it found standing in the way of the
   *  restoration too (kept with the record, as a review that decides nothing keeps its facts) */
  named?: RuleFact[];
}

/** A decision on a line, keyed on `decision`; `null` is a review that decided nothing but is shown. */
export type Verdict =
  | (VerdictBase & {
      decision: "approved" | "approved_lower" | "restored" | "limit_reduced" | "limit_restored";
      limit: Fen;
      /** a periodic review's restoration of Huabei, or give-back of a limit a restoration held lower, that
       *  trimming Jiebei's unused limit let through: the limit Jiebei's review that day cuts it to
       *  (UNUSED_LIMIT_TRIMMED) — decided once, with Huabei's own limit (review/trim.ts) */
      trims?: Fen;
    })
  /** a suspension may come with a limit cut due the same day (`limit`); `beneath`: recorded under a
   *  security hold, which stays — the suspension is what verifying identity leaves; `policyBefore`: a
   *  policy change's suspension, the policy before it (kept to tell while the change holds the line: the
   *  line met it, or failed it only on a rule the change loosened) */
  | (VerdictBase & {
      decision: "suspended";
      cause: Cause;
      limit?: Fen;
      beneath?: true;
      policyBefore?: Policy;
    })
  | (VerdictBase & { decision: "closed"; cause: Cause })
  | (VerdictBase & { decision: "charged_off" | "declined" | "info" | null });

export const MAX_REASONS = 4;

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
  // the loan asked for and the income, not a characteristic of the scorecard
  INSTALMENT_TO_INCOME_TOO_HIGH: [],
  INCOME_BELOW_LIMIT: ["LOW_INCOME"],
  INCOME_BELOW_SMALLEST_LINE: ["LOW_INCOME"],
  PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE: [],
  THIN_FILE_BELOW_SMALLEST_LINE: ["NO_REPAYMENT_RECORD", "SHORT_HISTORY"],
  LAST_LIMIT_BELOW_SMALLEST_LINE: [],
  LIMIT_KEPT_ONCE_USED: [],
  UNUSED_LIMIT_TRIMMED: [],
  OTHER_LINE_CUT_ONCE_USED: [],
  LIMIT_ABOVE_PRODUCT_MAXIMUM: [],
  THIN_FILE_BELOW_LIMIT: ["NO_REPAYMENT_RECORD", "SHORT_HISTORY"],
  LIMIT_AT_INCOME_CAP: [],
  // the line's own balance today, not the reported Huabei utilisation the scorecard reads
  UTILISATION_TOO_HIGH: [],
  // a grant held below what was asked is a counteroffer, and says what a cut to the same cap by the review
  // says (INCOME_BELOW_LIMIT, THIN_FILE_BELOW_LIMIT): the characteristics that cap is about
  LIMIT_CAPPED_BY_INCOME: ["LOW_INCOME"],
  LIMIT_CAPPED_THIN_FILE: ["NO_REPAYMENT_RECORD", "SHORT_HISTORY"],
  SECURITY_PROFILE_CHANGES: ["FREQUENT_PROFILE_CHANGES"],
  SCORE_BELOW_OPEN_MINIMUM: ANY,
  SCORE_BELOW_INCREASE_MINIMUM: ANY,
  SCORE_BELOW_MINIMUM: ANY,
  PAST_DUE_AT_REVIEW: ANY,
  SCORE_BELOW_RESTORE: ANY,
  SCORE_BELOW_LIMIT_BAND: ANY,
  LIMIT_BELOW_MINIMUM: ANY,
  SCORE_BELOW_LIMIT_BANDS: ANY,
  // a limit held to the score's band is a score decision, as a cut to it is (SCORE_BELOW_LIMIT_BAND): "a
  // higher score reaches a higher band" must say which characteristics hold the score down (Regulation B
  // comment 9(b)(2)-1: a score that fell short is no specific reason by itself)
  LIMIT_AT_SCORE_CAP: ANY,
  LIMIT_CAPPED_BY_SCORE: ANY,
};

/** RELATED as every adverse decision reads it: a map (an `in` and a lookup by a varying name were two
 *  dictionary lookups a rule), every characteristic (ANY) as its own marker. */
const ANY_CHARACTERISTIC: readonly ReasonCode[] = [];
const RELATED_OF: ReadonlyMap<ReasonCode, readonly ReasonCode[]> = new Map(
  Object.entries(RELATED).map(([code, related]) => [code as ReasonCode, related ?? ANY_CHARACTERISTIC]),
);

/** Whether a rule is about the score itself, and so cites every characteristic (a minimum score, a limit
 *  held to the score's band, the restoration score). */
export const citesEveryCharacteristic = (code: ReasonCode): boolean =>
  RELATED_OF.get(code) === ANY_CHARACTERISTIC;

/** Whether reasons say a score characteristic's code: cite it, or cite a rule about it (RELATED). */
export const saysCharacteristic = (reasons: readonly ReasonCode[], code: ReasonCode): boolean =>
  reasons.some((r) => r === code || (RELATED_OF.get(r)?.includes(code) ?? false));

/**
 * The principal reasons of an adverse decision: the rules' codes, then the related score characteristics
 * that cost points, largest shortfall first, four in all at most.
 */
export function principalReasons(rules: readonly ReasonCode[], s: Scoring): ReasonCode[] {
  const out: ReasonCode[] = [];
  for (const r of rules) if (out.length < MAX_REASONS && !out.includes(r)) out.push(r);
  // four rules leave no room for a characteristic: nothing to rank — but a score rule is no specific
  // reason by itself (Regulation B: "insufficient score" is not enough), so where one is among them and
  // the characteristic that cost the most points is said by none (neither cited nor a cited rule's own, as
  // OVERDUE_OUTSTANDING says OVERDUE_NOW), it takes the last place; the rule it displaces is still told
  // with its numbers, as a fact beside the reasons (the trace's `also`). A cut of a suspended line 115
  // points short on due dates missed once cited SCORE_BELOW_LIMIT_BAND, NOT_RESTORED_YET,
  // OVERDUE_OUTSTANDING and SCORE_BELOW_RESTORE — twice "the score is too low", never its main cause
  if (out.length >= MAX_REASONS) {
    if (s.points.length > 0 && rules.some(citesEveryCharacteristic)) {
      const top = addScoreReasons([], s, 1)[0];
      if (top !== undefined && !saysCharacteristic(out, top)) out[MAX_REASONS - 1] = top;
    }
    return out;
  }
  // the characteristics the rules are about: any (a score rule), those listed, or none (made only when some are)
  let any = false;
  let among: ReasonCode[] | null = null;
  for (const r of rules) {
    const related = RELATED_OF.get(r);
    if (related === undefined) continue;
    if (related === ANY_CHARACTERISTIC) {
      any = true;
      break;
    }
    if (related.length === 0) continue;
    among ??= [];
    among.push(...related);
  }
  if (!any && among === null) return out;
  return addScoreReasons(out, s, MAX_REASONS, any ? undefined : (among ?? undefined));
}

/** The score, or a way to get it: rules that seldom need it (authorisation) take it lazily. */
export type ScoreSource = Scored | (() => Scored);

const scoringOf = (s: ScoreSource): Scoring => (typeof s === "function" ? s() : s);

export const declined = (rules: ReasonCode[], s: ScoreSource, facts: RuleFact[] = []): Verdict => ({
  decision: "declined",
  reasons: principalReasons(rules, RELATED_TO_SCORE(rules) ? scoringOf(s) : NO_SCORING),
  facts,
});

/** For rules that cite no score characteristic: nothing to rank. */
const NO_SCORING: Scoring = { points: [], inputs: {} as Scoring["inputs"] };

/** Whether a rule's reasons cite score characteristics at all (only then is the score needed). */
const RELATED_TO_SCORE = (rules: readonly ReasonCode[]): boolean =>
  rules.some((r) => r in RELATED && RELATED[r]?.length !== 0);

// The engine's closed sets, each written once as data. The TypeScript types below are derived from these
// lists; the scenario schema builds its zod enums and JSON Schema from them, population aggregates index
// their counters by them, and the catalogue commands print them. Add a member here and the compiler points
// at every `switch` that must handle it.

import { ACTIVITY_MIN_PURCHASE_TEXT, SCORE_MAX, SCORE_MIN } from "./scorecard.js";

/** The customer's credit lines: Huabei (revolving, for purchases) and Jiebei (cash loans). */
export const LINES = ["huabei", "jiebei"] as const;
export type LineId = (typeof LINES)[number];

/** A line as people call it: "Huabei", "Jiebei". */
export const lineName = (line: LineId): string => (line === "huabei" ? "Huabei" : "Jiebei");

/** The customer's events, as a scenario file names them. */
export const EVENT_TYPES = [
  "apply",
  "purchase",
  "borrow",
  "repay",
  "close",
  "change_profile",
  "external_debt",
  "external_repayment",
  "external_inquiry",
  "income",
  "policy",
  "contact_support",
  "verify_identity",
  "request_review",
  "note",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What an `apply` event asks for. */
export const APPLICATION_KINDS = ["open", "increase"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** Limits are whole hundreds of yuan, as every cap and grant is: so is a limit asked for (an opening's, an
 *  increase's). */
export const LIMIT_STEP_YUAN = 100;

/** The ages a profile may state, and the longest credit history (months): the file's bounds, which the
 *  engine checks too of a scenario built by hand. */
export const PROFILE_AGE = { min: 18, max: 100 } as const;
export const MAX_HISTORY_MONTHS = 1200;

/** Which bound detail a `change_profile` event touches. */
export const PROFILE_FIELDS = ["phone", "address", "device", "bankcard"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
/** A bound detail as a sentence names it ("your bank card"; the file's `bankcard` is a key, not a word). */
export const profileFieldName = (field: ProfileField): string => (field === "bankcard" ? "bank card" : field);

/** Huabei instalment plans (分期): a purchase split into this many monthly instalments. */
export const INSTALMENT_TERMS = [3, 6, 9, 12] as const;
export type InstalmentTerm = (typeof INSTALMENT_TERMS)[number];

/** Jiebei loan terms in months. */
export const LOAN_TERMS = [3, 6, 12] as const;
export type LoanTerm = (typeof LOAN_TERMS)[number];

/** The amounts a `repay` event may name instead of a number. */
export const REPAY_KEYWORDS = ["full", "statement", "minimum"] as const;
export type RepayKeyword = (typeof REPAY_KEYWORDS)[number];

/** The engine's own events, beside the customer's: what the trace shows it doing by itself. */
export const ENGINE_EVENT_TYPES = [
  "statement",
  "due",
  "dormant_notice",
  "overdue",
  "charge_off",
  "waiver",
  "review",
] as const;
export type EngineEventType = (typeof ENGINE_EVENT_TYPES)[number];

/** A line's standing. `charged_off`: the lender wrote the debt off as a loss (it is still owed). */
export const STATUSES = ["none", "active", "suspended", "closed", "charged_off"] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Why a line is not active: suspended, closed or charged off for credit, security or policy reasons,
 * closed at the customer's own request, or closed by the lender as left unused (`dormant`: no use for
 * `dormantCloseDays` — neither a fall in score, nor abnormal behaviour, nor a change of policy). (The order
 * is also the bit order of population outcome masks.)
 */
export const CAUSES = ["credit", "security", "policy", "customer", "dormant"] as const;
export type Cause = (typeof CAUSES)[number];

export const DECISIONS = [
  "approved",
  "approved_lower",
  "declined",
  "suspended",
  "limit_reduced",
  "restored",
  "limit_restored",
  "closed",
  "charged_off",
  "info",
] as const;
export type Decision = (typeof DECISIONS)[number];

/** How a policy parameter's value is read and bounded (the scenario schema maps each to a validator). */
export type ParamKind =
  /** a score, 350–950 */
  | { kind: "score" }
  /** a whole number within bounds (days, counts) */
  | { kind: "int"; min: number; max?: number }
  /** a calendar day of the month, 1–31 (clamped to short months) */
  | { kind: "dayOfMonth" }
  /** a number within bounds (rates, ratios, multiples); `above`: more than `min`, not `min` itself (a cap
   *  at `min` that nothing can meet) */
  | { kind: "number"; min: number; max?: number; above?: true }
  /** an amount of yuan, in fen at most (two decimals) */
  | { kind: "yuan"; min: number }
  | { kind: "flag" }
  /** the limit table: the highest limit (yuan) from each score up */
  | { kind: "limitBands" };

export interface ParamSpec {
  type: ParamKind;
  /** what it means, in a line: the policy table, the JSON Schema and what-if menus show it */
  text: string;
}

/** What a value of `type` is, in words, for a prompt that asks for one ("yuan, 0 or more"). */
export function paramValueHint(type: ParamKind): string {
  const from = (min: number, max?: number) => (max === undefined ? `${min} or more` : `${min}–${max}`);
  switch (type.kind) {
    case "score":
      return `a score, ${SCORE_MIN}–${SCORE_MAX}`;
    case "int":
      return `a whole number, ${from(type.min, type.max)}`;
    case "dayOfMonth":
      return "a day of the month, 1–31";
    case "number":
      return type.above
        ? `a number, more than ${type.min}${type.max === undefined ? "" : ` and at most ${type.max}`}`
        : `a number, ${from(type.min, type.max)}`;
    case "yuan":
      return `yuan, ${from(type.min)}`;
    case "flag":
      return "true or false";
    case "limitBands":
      return "a list of { minScore, maxLimit } in yuan, e.g. [{ minScore: 700, maxLimit: 5000 }]";
  }
}

/** Every policy parameter a policy file, a `policy` event or a what-if edit may set. */
export const POLICY_PARAMETERS = {
  minOpenScore: { type: { kind: "score" }, text: "lowest score that may open an account" },
  minIncreaseScore: { type: { kind: "score" }, text: "lowest score for a limit increase" },
  minScore: { type: { kind: "score" }, text: "lowest score an active account may keep at the review" },
  reduceLimitScore: {
    type: { kind: "score" },
    text: "below this the review cuts the limit to the score's band (income and other caps cut at any score, and a band a policy change lowered, at the first review after it)",
  },
  delinquentMinScore: {
    type: { kind: "score" },
    text: "a line past due at the review is suspended when the score is below this",
  },
  restoreScore: { type: { kind: "score" }, text: "score a suspended account needs to be restored" },
  restoreCleanDays: {
    type: { kind: "int", min: 0 },
    text: "days after the last overdue is repaid before restoration",
  },
  maxApplications30d: {
    type: { kind: "int", min: 0 },
    text: "applications in 30 days above which new ones are declined",
  },
  graceDays: {
    // at most 27: a due date falls before the next statement (a policy where it does not is refused:
    // scenario/policy-sense.ts), and the one after comes at least 28 days later, so a cycle's grace ends
    // before a second statement could queue behind it
    type: { kind: "int", min: 0, max: 27 },
    text: "days after the due day before it counts as overdue",
  },
  toleranceAmount: {
    type: { kind: "yuan", min: 0 },
    text: "a Huabei bill whose unpaid minimum is at most this (yuan) at the end of the grace is not overdue; one whose unpaid remainder is at most this counts as repaid in full; a Jiebei due date with at most this unpaid is not missed, paid toward or not, and a repayment that leaves at most this of Jiebei's arrears ends the overdue (the remainder falls due later; unpaid still after the loan's spare due day, a month after its last, it is waived — at the end of the day, arrears left within it with no due day to carry them to)",
  },
  penaltyRatePerDay: {
    type: { kind: "number", min: 0, max: 0.1 },
    text: "daily penalty on the overdue amount (0.0005 = 0.05 %)",
  },
  revolvingRatePerDay: {
    type: { kind: "number", min: 0, max: 0.1 },
    text: "daily interest on a minimum-paid remainder",
  },
  minRepaymentRate: {
    type: { kind: "number", min: 0, max: 1 },
    text: "share of a bill that is its minimum repayment",
  },
  suspendOverdueDays: {
    type: { kind: "int", min: 1 },
    text: "overdue days that trigger a credit suspension",
  },
  securityMaxChanges: { type: { kind: "int", min: 0 }, text: "profile changes allowed within the window" },
  securityWindowDays: { type: { kind: "int", min: 1 }, text: "window for counting profile changes" },
  burstMinTransactions: {
    type: { kind: "int", min: 0 },
    text: "large purchases and drawdowns asked in one day (approved or declined) that, reaching burstFractionOfLimits of the limits, put a security hold on (0: never)",
  },
  burstFractionOfLimits: {
    type: { kind: "number", min: 0, max: 10 },
    text: "share of the customer's open lines' limits that the large transactions asked in one day reach to put a security hold on (0: never)",
  },
  burstLargeFraction: {
    type: { kind: "number", min: 0, max: 1 },
    text: "share of the customer's open lines' limits a purchase or drawdown asked reaches to count towards a burst of transactions (0: every one)",
  },
  takeoverWindowDays: {
    type: { kind: "int", min: 0 },
    text: "days, the change's own day included, that a change of the bound phone or bank card puts a single large purchase or drawdown asked (approved or declined) under a security hold (0: never)",
  },
  takeoverFractionOfLimits: {
    type: { kind: "number", min: 0, max: 10 },
    text: "share of the customer's open lines' limits that a single purchase or drawdown asked within takeoverWindowDays of a change of the bound phone or bank card reaches to put a security hold on (0: never)",
  },
  statementDayOfMonth: { type: { kind: "dayOfMonth" }, text: "calendar day of the monthly statement" },
  dueDayOfMonth: { type: { kind: "dayOfMonth" }, text: "calendar day the statement is due" },
  reviewDayOfMonth: { type: { kind: "dayOfMonth" }, text: "calendar day of the monthly periodic review" },
  closeAfterSuspendedDays: { type: { kind: "int", min: 1 }, text: "suspensions this long end in closure" },
  dormantCloseDays: {
    type: { kind: "int", min: 0 },
    text: `an active line the customer has not used this many days (no purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, no cash loan, nothing owed) is closed at the review (0: never)`,
  },
  dormantNoticeDays: {
    type: { kind: "int", min: 0 },
    text: "days before an unused line reaches dormantCloseDays that the customer is told the review will close it unless it is used; the review closes it no sooner than this many days after the notice (0: no notice)",
  },
  reviewRequestCooldownDays: {
    type: { kind: "int", min: 0 },
    text: "days between honoured request_review calls",
  },
  maxDebtToIncome: {
    // a cap past 100 years of income caps nothing, and takes the fen-exact advice past 2^53. More than 0:
    // at 0 only a customer owing nothing anywhere meets it — a line may open, but the first purchase
    // carried to a month-end report suspends it (and Jiebei's review), a restoration counts the line at
    // its limit and never meets it, and the decline's advice (repay, or report a higher income) cannot work
    type: { kind: "number", min: 0, max: 100, above: true },
    text: "eligibility: (debt + balance) / annual income at most this (more than 0)",
  },
  grantUsedFraction: {
    type: { kind: "number", min: 0, max: 1 },
    text: "share of the credit a grant or a restoration leaves unused that is counted as used when judging it against the next review (1: every line used to its limit; 0: the file as it is)",
  },
  requireVerified: { type: { kind: "flag" }, text: "eligibility: identity must be verified" },
  maxLimitIncomeMultiple: {
    type: { kind: "number", min: 0 },
    text: "limit at most this many months of income",
  },
  minLimit: { type: { kind: "yuan", min: 0 }, text: "smallest limit offered (yuan)" },
  limitBands: { type: { kind: "limitBands" }, text: "highest limit (yuan) by score" },
  thinFileMaxLimit: {
    type: { kind: "yuan", min: 0 },
    text: "highest limit (yuan) for a customer with no repayment record yet",
  },
  increaseCooldownDays: {
    type: { kind: "int", min: 0 },
    text: "days after an approved limit increase, an opening, a cut of the limit or a limit given back before an increase may be approved (or a review give back more)",
  },
  increaseCleanDays: {
    type: { kind: "int", min: 0 },
    text: "a limit increase needs no missed due date (either line), nor arrears cleared, within this many days",
  },
  increaseUsedWithinDays: {
    type: { kind: "int", min: 0 },
    text: `a limit increase needs the line used within this many days (a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, a cash loan, a repayment of something owed; 0: not asked)`,
  },
  maxIncreaseUtilisation: {
    type: { kind: "number", min: 0, max: 1 },
    text: "a limit increase needs the line's balance at most this share of its current limit (an over-limit balance always fails it; 1: only an over-limit one)",
  },
  chargeOffDays: {
    type: { kind: "int", min: 30, max: 720 },
    text: "days past due at which a line is charged off (its debt written off as a loss)",
  },
  instalmentFee3: {
    type: { kind: "number", min: 0, max: 0.5 },
    text: "Huabei 3-instalment plan: total fee / amount",
  },
  instalmentFee6: {
    type: { kind: "number", min: 0, max: 0.5 },
    text: "Huabei 6-instalment plan: total fee / amount",
  },
  instalmentFee9: {
    type: { kind: "number", min: 0, max: 0.5 },
    text: "Huabei 9-instalment plan: total fee / amount",
  },
  instalmentFee12: {
    type: { kind: "number", min: 0, max: 0.5 },
    text: "Huabei 12-instalment plan: total fee / amount",
  },
  jiebeiMinOpenScore: { type: { kind: "score" }, text: "Jiebei: lowest score that may open the line" },
  jiebeiMinIncreaseScore: { type: { kind: "score" }, text: "Jiebei: lowest score for a limit increase" },
  jiebeiMinScore: { type: { kind: "score" }, text: "Jiebei: lowest score the line may keep at the review" },
  jiebeiRestoreScore: {
    type: { kind: "score" },
    text: "Jiebei: score a suspended line needs to be restored",
  },
  // more than 0: at 0 no cash loan is lent, whatever its amount or the income (any loan is debt the cap
  // counts), an active Jiebei is suspended at the review once anything is owed on either line, a suspended
  // one is never restored (its line counts at its limit), and the decline's advice cannot work
  jiebeiMaxDebtToIncome: {
    type: { kind: "number", min: 0, max: 100, above: true },
    text: "Jiebei eligibility: (debt + balances) / annual income at most this (more than 0)",
  },
  // more than 0: at 0 no cash loan is lent, whatever its amount, its term or the income — a cap nothing
  // meets, whose decline's advice (borrow less, over more months, or report a higher income) cannot work.
  // 1 or more lets a month's instalments take the whole income: no cap in effect, what whole files written
  // without it get (LATER_PARAMETERS), kept for a challenger run without the cap
  jiebeiMaxInstalmentToIncome: {
    type: { kind: "number", min: 0, max: 100, above: true },
    text: "Jiebei drawdown: a month's instalments (the loans owed and the new loan's first) / monthly income at most this (more than 0; 1 or more: no cap in effect)",
  },
  jiebeiMaxLimitIncomeMultiple: {
    type: { kind: "number", min: 0 },
    text: "Jiebei: limit at most this many months of income",
  },
  jiebeiMinLimit: { type: { kind: "yuan", min: 0 }, text: "Jiebei: smallest limit offered (yuan)" },
  jiebeiLimitBands: { type: { kind: "limitBands" }, text: "Jiebei: highest limit (yuan) by score" },
  jiebeiMinDrawdown: { type: { kind: "yuan", min: 0 }, text: "Jiebei: smallest cash loan (yuan)" },
  jiebeiDrawCleanDays: {
    type: { kind: "int", min: 0 },
    text: "Jiebei: days after a missed due date (either line), or its arrears cleared later, before cash may be drawn again",
  },
  jiebeiRatePerDay: {
    type: { kind: "number", min: 0, max: 0.1 },
    text: "Jiebei: daily interest on the outstanding principal",
  },
  jiebeiPenaltyRatePerDay: {
    type: { kind: "number", min: 0, max: 0.1 },
    text: "Jiebei: daily rate on overdue principal (instead of the interest rate)",
  },
} as const satisfies Record<string, ParamSpec>;

export type PolicyParamName = keyof typeof POLICY_PARAMETERS;
export const POLICY_PARAM_NAMES = Object.keys(POLICY_PARAMETERS) as PolicyParamName[];

export interface LimitBand {
  minScore: number;
  /** yuan */
  maxLimit: number;
}

type ValueOf<K extends ParamKind["kind"]> = K extends "flag"
  ? boolean
  : K extends "limitBands"
    ? readonly LimitBand[]
    : number;

/** Parameters added after policy files were first written: a whole policy file (no `extends`) that leaves
 *  one out gets the value closest to what it meant, not an error — no tolerance, no wait for cash after a
 *  cure, no closure of an unused line, no use asked of an increase, only an over-limit balance refused one, no cap on a cash loan's instalments, no hold on a large transaction after a change of the bound phone or bank card, a grant judged on the file as it is (`grantUsedFraction` 0: no credit counted as used; the
 *  application's own inquiry is still counted, as the next review reads it — without it a line was opened
 *  on the 1st and cut on the 15th by the inquiry that opened it). */
export const LATER_PARAMETERS = {
  toleranceAmount: 0,
  jiebeiDrawCleanDays: 0,
  grantUsedFraction: 0,
  dormantCloseDays: 0,
  dormantNoticeDays: 30,
  increaseUsedWithinDays: 0,
  maxIncreaseUtilisation: 1,
  jiebeiMaxInstalmentToIncome: 100,
  takeoverWindowDays: 0,
  takeoverFractionOfLimits: 0.5,
} as const;

/** The parameters' values, typed from the table above. */
export type PolicyParams = {
  [K in PolicyParamName]: ValueOf<(typeof POLICY_PARAMETERS)[K]["type"]["kind"]>;
};

/** Fields of a scenario whose values are whole numbers wherever they are written (a day, a term in months,
 *  an age, a score): besides the policy parameters of a whole kind. */
const WHOLE_FIELDS: ReadonlySet<string> = new Set([
  "day",
  "until",
  "term",
  "instalments",
  "age",
  "creditHistoryMonths",
  "score",
  "minScore",
]);

/** Whether `key` (a policy parameter or a scenario field) takes whole numbers only — scores, days, counts:
 *  then `6,80` written for it is 680 grouped, not the decimal 6.80. */
export function isWholeValued(key: string): boolean {
  if (WHOLE_FIELDS.has(key)) return true;
  const spec = (POLICY_PARAMETERS as Record<string, ParamSpec>)[key];
  return spec !== undefined && ["score", "int", "dayOfMonth"].includes(spec.type.kind);
}

// The one catalogue of reason codes. Every decision cites codes from here; `credit-sim reasons` prints it.
// Adverse codes name something specific the customer can recognise (Regulation B's "specific reasons").

export type ReasonKind = "score" | "adverse" | "positive";

export interface ReasonInfo {
  kind: ReasonKind;
  text: string;
  /** plain words for customer service: what would help */
  advice: string;
}

export const REASONS = {
  // Scorecard characteristics (chosen as "points furthest below maximum").
  OVERDUE_NOW: {
    kind: "score",
    text: "A repayment is overdue right now",
    advice: "pay the overdue amount in full",
  },
  OVERDUE_RECENT: {
    kind: "score",
    text: "Overdue repayments in the last 6 months",
    advice: "repay every bill on time; overdue records weigh less after 6 months",
  },
  DELINQUENCY_LEVEL: {
    kind: "score",
    text: "Level of delinquency in the last 12 months",
    advice: "avoid any further overdue days; the worst delinquency counts for 12 months",
  },
  SHORT_REPAYMENT_RECORD: {
    kind: "score",
    text: "Few bills repaid on time in the last 24 months",
    advice: "keep repaying bills on time, month after month",
  },
  HIGH_UTILISATION: {
    kind: "score",
    text: "Balance is high compared with the credit limit",
    advice: "keep the balance well below the limit",
  },
  HIGH_DEBT_BURDEN: {
    kind: "score",
    text: "Total debt is high compared with income",
    advice: "pay down loans elsewhere or report a higher income",
  },
  REVOLVING_BALANCE: {
    kind: "score",
    text: "Bills repaid at the minimum instead of in full",
    advice: "repay the full statement balance",
  },
  LOW_INCOME: {
    kind: "score",
    text: "Income is low for the credit asked",
    advice: "report an income increase (an income event)",
  },
  SHORT_HISTORY: {
    kind: "score",
    text: "Length of credit history is short",
    advice: "time: the history lengthens by itself",
  },
  LOW_ACTIVITY: {
    kind: "score",
    text: "Little recent use of the credit line",
    advice: "use the line for everyday purchases and repay them",
  },
  INQUIRIES_30D: {
    kind: "score",
    text: "Too many credit applications in the last 30 days",
    advice: "stop applying for credit; each application is an inquiry",
  },
  INQUIRIES_180D: {
    kind: "score",
    text: "Too many credit applications in the last 6 months",
    advice: "apply for credit only when needed; inquiries count for 6 months",
  },
  IDENTITY_NOT_VERIFIED: {
    kind: "score",
    text: "Identity is not verified",
    advice: "verify your identity",
  },
  FREQUENT_PROFILE_CHANGES: {
    kind: "score",
    text: "Bound phone, address, device or bank card changed often in the last 90 days",
    advice: "keep the bound phone, address and device stable",
  },
  YOUNG_CREDIT_PROFILE: {
    kind: "score",
    text: "Limited identity and stability record for the applicant's age band",
    advice: "time: this improves by itself",
  },
  // Decision rules.
  SCORE_BELOW_OPEN_MINIMUM: {
    kind: "adverse",
    text: "Credit score is below the minimum to open an account",
    advice: "raise the score to the policy's opening minimum",
  },
  SCORE_BELOW_INCREASE_MINIMUM: {
    kind: "adverse",
    text: "Credit score is below the minimum for a limit increase",
    advice: "raise the score to the policy's increase minimum",
  },
  SCORE_BELOW_MINIMUM: {
    kind: "adverse",
    text: "Credit score fell below the minimum an account may keep",
    advice: "raise the score to the restoration threshold",
  },
  SCORE_BELOW_RESTORE: {
    kind: "adverse",
    text: "Credit score is below the score needed for restoration",
    advice: "raise the score to the policy's restoration threshold",
  },
  SCORE_BELOW_LIMIT_BAND: {
    kind: "adverse",
    text: "Credit score no longer supports the current limit",
    advice: "raise the score to restore the limit",
  },
  TOO_MANY_APPLICATIONS: {
    kind: "adverse",
    text: "Too many applications (own and elsewhere) in the last 30 days",
    advice: "wait until older applications are over 30 days old",
  },
  ACCOUNT_EXISTS: {
    kind: "adverse",
    text: "An account is already open",
    advice: "apply for a limit increase instead",
  },
  NO_ACCOUNT: {
    kind: "adverse",
    text: "There is no open account",
    advice: "apply to open an account first",
  },
  ACCOUNT_SUSPENDED: {
    kind: "adverse",
    text: "The account is suspended",
    advice: "follow the steps that lift the suspension",
  },
  ACCOUNT_CLOSED: {
    kind: "adverse",
    text: "The account is closed",
    advice: "apply to open a new account",
  },
  OVER_LIMIT: {
    kind: "adverse",
    text: "The purchase exceeds the available credit",
    advice: "repay part of the balance or buy for less",
  },
  OVERDUE_OUTSTANDING: {
    kind: "adverse",
    text: "An overdue amount is outstanding",
    advice: "pay the overdue amount in full",
  },
  OVERDUE_TOO_LONG: {
    kind: "adverse",
    text: "A repayment has been overdue longer than the policy allows",
    advice: "pay the overdue amount in full",
  },
  SECURITY_PROFILE_CHANGES: {
    kind: "adverse",
    text: "Bound phone, address, device or bank card changed too often in a short time",
    advice: "verify your identity",
  },
  IDENTITY_REQUIRED: {
    kind: "adverse",
    text: "The current policy requires a verified identity",
    advice: "verify your identity",
  },
  DEBT_TO_INCOME_TOO_HIGH: {
    kind: "adverse",
    text: "Total debt exceeds what the policy allows for the income",
    advice: "pay down debt or report a higher income",
  },
  POLICY_CHANGE: {
    kind: "adverse",
    text: "Qualification standards changed; the account met the previous policy but not the current one",
    advice: "meet the current policy's standard",
  },
  LIMIT_AT_MAXIMUM: {
    kind: "adverse",
    text: "The limit is already the highest the score and income support",
    advice: "a higher score or income supports a higher limit",
  },
  LONG_SUSPENSION: {
    kind: "adverse",
    text: "The account stayed suspended longer than the policy allows",
    advice: "apply to open a new account once eligible",
  },
  OVERDUE_TOO_RECENT: {
    kind: "adverse",
    text: "An overdue repayment was cleared too recently for restoration",
    advice: "keep repaying on time until the clean period has passed",
  },
  REVIEW_TOO_SOON: {
    kind: "adverse",
    text: "An early review was already requested recently",
    advice: "wait for the next periodic review",
  },
  NOT_RESTORED_YET: {
    kind: "adverse",
    text: "The conditions for restoration are not met yet",
    advice: "see the steps listed",
  },
  // Positive and informational.
  MEETS_POLICY: {
    kind: "positive",
    text: "Score, history and eligibility meet the policy",
    advice: "nothing to do",
  },
  WITHIN_LIMIT: {
    kind: "positive",
    text: "The purchase is within the available credit",
    advice: "nothing to do",
  },
  NOTHING_TO_REVIEW: {
    kind: "positive",
    text: "The account is not suspended: there is nothing to restore",
    advice: "nothing to do",
  },
  LIMIT_CAPPED: {
    kind: "positive",
    text: "The limit is set at the highest the score and income support",
    advice: "a higher score or income supports a higher limit",
  },
  ARREARS_CLEARED: {
    kind: "positive",
    text: "All overdue amounts are repaid",
    advice: "keep repaying on time",
  },
  SCORE_RECOVERED: {
    kind: "positive",
    text: "The credit score reached the restoration threshold",
    advice: "keep repaying on time",
  },
  IDENTITY_VERIFIED: {
    kind: "positive",
    text: "Identity verified",
    advice: "keep the bound details stable",
  },
  MEETS_CURRENT_POLICY: {
    kind: "positive",
    text: "The account meets the current policy",
    advice: "nothing to do",
  },
} as const satisfies Record<string, ReasonInfo>;

export type ReasonCode = keyof typeof REASONS;

export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASONS, code);
}

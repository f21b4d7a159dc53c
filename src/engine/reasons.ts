// The one catalogue of reason codes. Every decision cites codes from here; `credit-sim reasons` prints it.
// Adverse codes name something specific the customer can recognise (Regulation B's "specific reasons"),
// and a rule's code names what bound it (which cap, which threshold).

import { ACTIVITY_MIN_PURCHASE_TEXT, fullWordsCount } from "./scorecard.js";

type ReasonKind = "score" | "adverse" | "positive";

/** What the numbers of a rule's facts measure (see verdict.ts `RuleFact`). */
type FactUnit = "score" | "days" | "count" | "fen" | "ratio" | "share";

export interface ReasonInfo {
  kind: ReasonKind;
  /** for a rule's code: the unit of its threshold and value */
  unit?: FactUnit;
  /** its fact's value is what the customer asked for (an amount, a limit), not what the line has */
  asked?: true;
  text: string;
  /** plain words for customer service: what would help */
  advice: string;
  /** its advice only points at steps given elsewhere — customer service's (`steps`: what lifts a
   *  suspension) or the reasons given with it (`reasons`): a list of the steps themselves leaves it out,
   *  for the steps it points at, and where they are known the advice names them */
  pointsAt?: "steps" | "reasons";
  /** what helps instead once nothing is owed on either line: advice is true when it is given, and a
   *  customer who has repaid everything is not asked to repay */
  settled?: string;
  /** what helps instead where an application cites it as what the review would hold against a larger line
   *  once used (LIMIT_KEPT_ONCE_USED's reasons, facts with onceUsed): the customer is applying, and
   *  nothing was suspended or cut */
  onceUsed?: string;
  /** what helps instead where the step citing it is about a suspended line, which takes no purchase or loan
   *  until it is restored: advice to use the line is followed only after that */
  suspended?: string;
  /** what helps instead where the step citing it is about a suspended line no review can restore before
   *  the closure it warns of (after a write-off on either line, none ever does; or its clean period ends too
   *  late): `suspended`'s "restored first" is a step there is not */
  excluded?: string;
  /** its words where it is quoted as recorded on an earlier day ("the reasons recorded then", a cut's
   *  reasons): a text in the present tense read as still true after the customer had repaid */
  recorded?: string;
  /** a cut's cap cited against the limit the line had before the cut, the cap above the limit it has
   *  (its fact `heldAt`: customer service saying why the limit does not come all the way back) — its
   *  text about the limit today ("below the current limit") is false of a line cut beneath the cap */
  beforeCut?: string;
  /** what helps where it is cited so (`beforeCut`) */
  beforeCutAdvice?: string;
  /** a score reason's words where its characteristic is near its maximum — it kept at least half its
   *  points, and is among the key factors only for costing the most of what is left: not "high", "low",
   *  "short" or "too many", which a reader would not accept of a 7 % debt ratio (the text is for a factor
   *  that counts against the customer) */
  mild?: string;
  /** what helps where the code is cited in its `mild` words: advice sized for a factor near its maximum
   *  ("stop applying for a while" told to a customer whose one application was the opening's is not) */
  mildAdvice?: string;
}

export const REASONS = {
  // Scorecard characteristics (chosen as "points furthest below maximum").
  OVERDUE_NOW: {
    kind: "score",
    text: "A repayment is past due right now",
    recorded: "A repayment was past due that day",
    advice: "pay the overdue amount in full",
  },
  OVERDUE_RECENT: {
    kind: "score",
    text: "Due dates missed in the last 12 months",
    advice: "repay every bill and instalment on time; a missed due date counts for 12 months",
  },
  DELINQUENCY_LEVEL: {
    kind: "score",
    text: "How far past due repayments went in the last 24 months",
    advice: "avoid any further days past due; the worst delinquency counts for 24 months",
  },
  SHORT_REPAYMENT_RECORD: {
    kind: "score",
    text: "Short record of months in good standing",
    mild: "Months in good standing are below the scorecard's top band",
    advice:
      "use a line and repay on time: every month in good standing adds to the record, for a year after each use",
  },
  NO_REPAYMENT_RECORD: {
    kind: "score",
    text: "No repayment record yet: too few months on file to judge repayments",
    advice: "time: use a line and repay it on time; the record counts after six months",
  },
  SERIOUS_DELINQUENCY: {
    kind: "score",
    text: "A repayment went more than 90 days past due, or a debt was written off (on file 5 years from repayment, for as long as unpaid)",
    advice: "repay what is owed; a serious delinquency counts for 5 years from the day it is repaid",
    settled: "time: a serious delinquency counts for 5 years from the day it was repaid",
  },
  HIGH_UTILISATION: {
    kind: "score",
    text: "Huabei balance is high compared with its limit (as last reported)",
    mild: "Huabei balance compared with its limit is above the scorecard's top band (as last reported)",
    advice: "keep the balance well below the limit; it is reported at each month end",
  },
  HIGH_DEBT_BURDEN: {
    kind: "score",
    text: "Total debt is high compared with income",
    mild: "Total debt compared with income is above the scorecard's top band",
    advice: "pay down debt (here or elsewhere) or report a higher income",
  },
  REVOLVING_BALANCE: {
    kind: "score",
    text: "Huabei bills not repaid in full by their due date",
    // true whether or not anything is owed today: the count is of the last 6 months' bills
    advice: "repay each statement in full by its due date; a bill not repaid in full counts for 6 months",
  },
  LOW_INCOME: {
    kind: "score",
    text: "Monthly income is below the scorecard's top band (capacity to pay)",
    advice: "report a higher income (an income event)",
  },
  SHORT_HISTORY: {
    kind: "score",
    text: "Length of credit history is short",
    mild: "Length of credit history is below the scorecard's top band",
    advice: "time: the history lengthens by itself",
  },
  LOW_ACTIVITY: {
    kind: "score",
    text: "Little recent use of Huabei",
    mild: "Recent use of Huabei is below the scorecard's top band",
    // in full: a revolver who repays at the minimum, told "repay them", would borrow more at interest —
    // and a bill revolved costs points of its own (REVOLVING_BALANCE)
    advice: "use the line for everyday purchases and repay them in full",
  },
  INQUIRIES_30D: {
    kind: "score",
    // the least count that keeps under half the characteristic's points (fullWordsFrom), not "too many":
    // that is the policy's word, for
    // more than maxApplications30d (TOO_MANY_APPLICATIONS) — two applications in a month are no lender's
    // "too many" (docs/model/score.md)
    text: `${fullWordsCount("inquiries30d")} credit applications in the last 30 days`,
    mild: "A credit application in the last 30 days costs some points",
    // holds the 6-month code's advice (withoutRepeats drops that one beside it): one step, not two that
    // read as different counsel ("stop applying" and "apply only when needed")
    advice: "stop applying for a while, then apply for credit only when needed; inquiries count for 6 months",
    // holds the 6-month code's advice as well (withoutRepeats drops that one beside it)
    mildAdvice:
      "apply for credit only when needed; inquiries count for 6 months, and the most in their first 30 days",
  },
  INQUIRIES_180D: {
    kind: "score",
    // the count, not "too many": two in six months are ordinary; lenders' rules of thumb read six or so
    text: `${fullWordsCount("inquiries180d")} credit applications in the last 6 months`,
    // no milder words: the one application a customer has kept its maximum (0–1), and from two the bin
    // keeps under half the points — words no count can bring are told to no one
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
    mild: "A bound phone, address, device or bank card changed in the last 90 days",
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
    unit: "score",
    text: "Credit score is below the minimum to open an account",
    advice: "raise the score to the policy's opening minimum",
  },
  SCORE_BELOW_INCREASE_MINIMUM: {
    kind: "adverse",
    unit: "score",
    text: "Credit score is below the minimum for a limit increase",
    advice: "raise the score to the policy's increase minimum",
  },
  SCORE_BELOW_MINIMUM: {
    kind: "adverse",
    unit: "score",
    text: "Credit score fell below the minimum an account may keep",
    advice: "raise the score to the restoration threshold",
    onceUsed: "raise the score, then apply again: used, a larger line would take it below the minimum",
  },
  PAST_DUE_AT_REVIEW: {
    kind: "adverse",
    unit: "score",
    text: "A repayment was past due at the review, with a score below what a past-due line may keep",
    advice: "pay the overdue amount in full and keep repaying on time",
  },
  SCORE_BELOW_RESTORE: {
    kind: "adverse",
    unit: "score",
    text: "Credit score is below the score needed for restoration",
    advice: "raise the score to the policy's restoration threshold",
  },
  SCORE_BELOW_LIMIT_BAND: {
    kind: "adverse",
    unit: "fen",
    // a review's cut, and a grant (a new line has no current limit) held to the score's band alike
    text: "The credit score's limit band allows only a lower limit",
    beforeCut: "The credit score's limit band allows less than the limit the line had before its cut",
    advice: "raise the score, then apply for an increase (a cut limit is not raised by itself)",
    onceUsed: "raise the score, then apply again for more: the score's band holds the line once it is used",
  },
  AMOUNT_BELOW_MINIMUM: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "The amount asked is below the smallest line or loan offered",
    advice: "ask for at least the policy's smallest amount",
  },
  REPAYMENT_RECORD_REQUIRED: {
    kind: "adverse",
    text: "Cash loans need a repayment record: six months of it, on a line and elsewhere together",
    advice: "use Huabei and repay it on time until the file holds six months of record",
  },
  SCORE_BELOW_LIMIT_BANDS: {
    kind: "adverse",
    unit: "score",
    text: "The score is below every limit band: no line is offered at it",
    advice: "raise the score to the lowest band",
  },
  INCREASE_TOO_SOON: {
    kind: "adverse",
    unit: "days",
    text: "The line was opened, restored, or its limit raised or cut, too recently",
    advice:
      "wait until the cooldown after the opening, a restoration from a suspension for credit, the last raise of the limit (an increase approved, a limit given back by a review) or the last cut has passed",
  },
  UTILISATION_TOO_HIGH: {
    kind: "adverse",
    unit: "share",
    // its values follow in brackets (the balance as a share of the current limit, and the threshold)
    text: "The line's balance is too high compared with its current limit for more credit",
    advice:
      "repay the balance below the policy's share of the limit, then apply: a limit is not raised on a line used up or over its limit",
  },
  LINE_NOT_IN_USE: {
    kind: "adverse",
    unit: "days",
    // its values follow in brackets (the days the line could be used since it was last used: the days
    // suspended left out, a closed line's up to its closure)
    text: `The line has not been used recently enough for more credit — no purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, cash loan or repayment of something owed in the days it could be used since it was opened or last used (the days it was suspended not counted; a closed line's, up to its closure), and nothing owed on it`,
    advice: `use the line (a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT} or a cash loan, repaid on time), then apply: a limit is raised on a line in use`,
  },
  RECENT_MISSED_PAYMENT: {
    kind: "adverse",
    unit: "days",
    text: "A due date was missed, or its arrears cleared, too recently for more credit (a limit increase, a cash loan)",
    advice: "keep repaying on time; more credit needs a clean recent record",
  },
  TOO_MANY_APPLICATIONS: {
    kind: "adverse",
    unit: "count",
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
    advice:
      "ask customer service (a contact_support event) for the steps that lift the suspension, and take them",
    pointsAt: "steps",
  },
  OTHER_LINE_SUSPENDED: {
    kind: "adverse",
    text: "The customer's other line is suspended: no new or larger line meanwhile, nor a new cash loan unless a policy change alone suspended it",
    advice: "have the other line restored first",
  },
  OTHER_LINE_CLOSED_OWING: {
    kind: "adverse",
    unit: "fen",
    text: "The lender closed the customer's other line and a balance the closure called in is still owed: no new or larger line until it is repaid",
    advice:
      "repay what the closure called in on the closed line first (instalments it left to run to term do not count)",
  },
  ACCOUNT_CLOSED: {
    kind: "adverse",
    text: "The account is closed",
    advice: "apply to open a new account",
  },
  OVER_LIMIT: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "The amount exceeds the available credit",
    advice: "repay part of the balance, or buy or borrow less",
    settled: "buy or borrow no more than the credit available",
  },
  OVERDUE_OUTSTANDING: {
    kind: "adverse",
    unit: "days",
    text: "An overdue amount is outstanding",
    advice: "pay the overdue amount in full",
  },
  OVERDUE_TOO_LONG: {
    kind: "adverse",
    unit: "days",
    // each of these three rules acts on the day its count reaches the policy's number (30 days past due on
    // suspendOverdueDays 30): "longer than" was untrue on that day
    text: "A repayment has been overdue for the policy's limit of days or more",
    advice: "pay the overdue amount in full",
  },
  SECURITY_PROFILE_CHANGES: {
    kind: "adverse",
    unit: "count",
    text: "Bound phone, address, device or bank card changed too often in a short time",
    advice: "verify your identity",
  },
  UNUSUAL_TRANSACTIONS: {
    kind: "adverse",
    unit: "share",
    text: "A burst of large transactions in one day (suspected cash-out)",
    advice: "verify your identity",
  },
  LARGE_TRANSACTION_AFTER_CHANGE: {
    kind: "adverse",
    unit: "share",
    text: "A large transaction soon after the bound phone or bank card changed (suspected account takeover)",
    advice: "verify your identity",
  },
  IDENTITY_REQUIRED: {
    kind: "adverse",
    text: "The current policy requires a verified identity",
    advice: "verify your identity",
  },
  DEBT_TO_INCOME_TOO_HIGH: {
    kind: "adverse",
    unit: "ratio",
    text: "Total debt exceeds what the policy allows for the income",
    advice: "pay down debt (here or elsewhere) or report a higher income",
  },
  INSTALMENT_TO_INCOME_TOO_HIGH: {
    kind: "adverse",
    unit: "ratio",
    text: "A month's cash-loan instalments with the new loan would take more of the monthly income than the policy allows",
    advice: "borrow less or over more months, or report a higher income",
  },
  POLICY_CHANGE: {
    kind: "adverse",
    // true of every line it is cited for: one that met the previous policy, one suspended for credit that
    // the customer has since cleared, one the previous policy failed only on a rule the change loosened,
    // and a limit the previous policy would not have cut
    text: "Qualification standards changed: the account falls short only where the current policy asks more than the previous one",
    // it is cited with what the account falls short of (a debt ratio, a score, a verification — or a
    // largest limit, which nothing the customer does raises): their advice is what helps. "Meet the current
    // policy's standard", said beside a cut the policy made, asked of a customer who met it what the cut's
    // own advice said nothing would do
    advice:
      "the reasons given with it name what the current policy asks that the previous one did not, each with what helps",
    pointsAt: "reasons",
  },
  LIMIT_AT_SCORE_CAP: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "The limit is already the highest the score's band allows",
    advice: "a higher score reaches a higher band",
  },
  LIMIT_AT_INCOME_CAP: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "The limit is already the highest the income supports",
    advice: "report a higher income (an income event)",
  },
  LIMIT_AT_THIN_FILE_CAP: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "The limit is already the highest offered without a repayment record",
    advice:
      "keep using the line and repaying every bill and instalment on time: the cap lifts once the file holds six months of repayment record (months of history elsewhere counted; a month end counts while a line was used within the year before) — the decline and customer service name the day it lifts whenever, as things stand (each bill met at its minimum, nothing more spent), the file reaches six months of record; a line left unused adds none, and then no day is named",
  },
  LIMIT_AT_PRODUCT_MAXIMUM: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "The limit is already the product's maximum",
    advice: "nothing: no higher limit is offered",
  },
  LIMIT_CAPPED_BY_SCORE: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "Granted less than asked: the most the score's band allows",
    advice: "a higher score reaches a higher band",
  },
  LIMIT_CAPPED_BY_INCOME: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "Granted less than asked: the most the income supports",
    advice: "report a higher income (an income event)",
  },
  LIMIT_CAPPED_THIN_FILE: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "Granted less than asked: the most offered without a repayment record",
    advice:
      "keep using the line and repaying every bill and instalment on time: the cap lifts once the file holds six months of repayment record (months of history elsewhere counted; a month end counts while a line was used within the year before) — customer service names the day it lifts whenever, as things stand (each bill met at its minimum, nothing more spent), the file reaches six months of record; a line left unused adds none, and then no day is named",
  },
  LIMIT_CAPPED_PRODUCT_MAXIMUM: {
    kind: "adverse",
    asked: true,
    unit: "fen",
    text: "Granted less than asked: the product's maximum",
    advice: "nothing: no higher limit is offered",
  },
  LIMIT_BELOW_MINIMUM: {
    kind: "adverse",
    unit: "fen",
    text: "The score's band supports less than the smallest line offered",
    advice: "a higher score reaches a band with a line",
  },
  INCOME_BELOW_SMALLEST_LINE: {
    kind: "adverse",
    unit: "fen",
    text: "Income supports less than the smallest line offered",
    advice: "report a higher income (an income event)",
  },
  PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE: {
    kind: "adverse",
    unit: "fen",
    text: "The product's largest limit is below the smallest line offered",
    advice:
      "nothing to do: the product's limits are the lender's policy, and a better score does not raise them",
  },
  THIN_FILE_BELOW_SMALLEST_LINE: {
    kind: "adverse",
    unit: "fen",
    text: "Without a repayment record, the most offered is below the smallest line",
    advice:
      "a repayment record lifts the cap on a new customer's limit: credit history elsewhere, or on-time repayments on the other line",
  },
  LIMIT_KEPT_ONCE_USED: {
    kind: "adverse",
    unit: "fen",
    // said of a grant held lower, and of a restoration or an opening at which no line at all is kept (its
    // fact: the limit judged, and the one kept, or none): "the line", not "a larger line"
    text: "Once used in full, the line would fail the standard the monthly review keeps a line to (the debt ratio, the score, its limit band), or make the customer's other line fail it",
    advice:
      "the reasons given with it say what holds the line: pay down debt, report a higher income or raise the score, then apply again",
    pointsAt: "reasons",
  },
  UNUSED_LIMIT_TRIMMED: {
    kind: "adverse",
    unit: "fen",
    // Jiebei's, at the review that restores Huabei or gives its limit back: its unused limit, counted drawn,
    // would have kept Huabei suspended or at a lower limit (review/trim.ts) — its fact: the limit before, and
    // the one kept
    text: "The line's unused limit was reduced so that the customer's other line could be restored, or given back its limit: counted as drawn, it would have held that line suspended, or at a lower limit",
    advice: "use the lines restored and repay on time, then apply for an increase",
  },
  OTHER_LINE_CUT_ONCE_USED: {
    kind: "adverse",
    unit: "fen",
    // a restoration's fact, held by nothing (grant.ts otherCutOnceUsed): the line restored, used, would take
    // the customer's other line to a lower limit at the next review — a cut that comes back only when asked
    text: "Once the line restored is used, the review would cut the customer's other line to a lower limit, which comes back only with an increase applied for",
    advice:
      "keep the line restored within what the other line's limit allows, or raise the score before using it in full",
  },
  LAST_LIMIT_BELOW_SMALLEST_LINE: {
    kind: "adverse",
    unit: "fen",
    text: "The limit the line was closed at is below the smallest line offered, and more needs an increase's standards",
    advice:
      "meet an increase's standards (the other reasons given): a reopening above the last limit is an increase",
    pointsAt: "reasons",
  },
  INCOME_BELOW_LIMIT: {
    kind: "adverse",
    unit: "fen",
    text: "The policy allows only a lower limit for the income",
    beforeCut: "The policy allows the income less than the limit the line had before its cut",
    advice: "report a higher income (an income event)",
  },
  LIMIT_ABOVE_PRODUCT_MAXIMUM: {
    kind: "adverse",
    unit: "fen",
    text: "The product's largest limit is now below the current limit",
    recorded: "The product's largest limit was below the limit the line had",
    beforeCut: "The product's largest limit is below the limit the line had before its cut",
    advice: "nothing to do: the largest limit is the lender's policy, and a better score does not raise it",
    beforeCutAdvice:
      "no limit above the product's largest comes back, given back or asked for: it is the lender's policy, and a better score does not raise it",
  },
  THIN_FILE_BELOW_LIMIT: {
    kind: "adverse",
    unit: "fen",
    text: "Too short a repayment record for the current limit",
    recorded: "Too short a repayment record for the limit the line had",
    beforeCut: "Too short a repayment record for the limit the line had before its cut",
    advice:
      "keep using the line and repaying every bill and instalment on time: six months of repayment record lifts the cap on a new customer's limit (months of history elsewhere counted)",
  },
  BALANCE_OUTSTANDING: {
    kind: "adverse",
    unit: "fen",
    text: "A balance is still owed on the line",
    advice: "repay the balance in full first: a line is closed, or opened again, only once nothing is owed",
  },
  CHARGED_OFF: {
    kind: "adverse",
    unit: "days",
    text: "Past due so long that the debt was written off as a loss (a write-off does not cancel the debt)",
    advice: "repay what is owed: a write-off does not cancel the debt, and no line is opened again after one",
    settled:
      "nothing to repay any more; no line is opened again after a write-off, and it counts against the score for 5 years",
  },
  DEBT_WRITTEN_OFF: {
    kind: "adverse",
    unit: "fen",
    text: "A debt with this lender was written off as a loss (the amount written off): no line is opened again",
    // the exclusion is for good: no "for 5 years" here, which would read as its end
    advice: "repay what is still owed; no line is opened, raised or restored again, even once it is repaid",
    settled: "nothing: the debt is repaid, but no line is opened, raised or restored again after a write-off",
  },
  DORMANT_ACCOUNT: {
    kind: "adverse",
    unit: "days",
    // its values follow in brackets (the days since it was last used): no bracket of its own before them
    text: `The line went unused — no purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, no cash loan, nothing owed — for the policy's limit of days or more`,
    recorded: `The line had gone unused for the policy's limit of days or more: no purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, no cash loan and nothing owed`,
    advice: `apply to open the line again, then use it — a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT} or a cash loan — to keep it open; an open line is kept by using it`,
  },
  DORMANT_NOTICE: {
    kind: "adverse",
    unit: "days",
    // its values follow in brackets (the days since it was last used)
    text: `The line has gone unused — no purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, no cash loan, nothing owed — and the periodic review will close it unless it is used first`,
    recorded: `The line had gone unused and the periodic review was to close it unless it was used first`,
    advice: `use the line (a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT} or a cash loan) before the closing date to keep it open`,
    suspended: `the line is suspended and takes no purchase or loan: restored first (customer service says how), then used (a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT} or a cash loan) before the closing date, it is kept open`,
    excluded:
      "nothing keeps it open: the suspended line cannot be restored before the review closes it (after a write-off, never; else its clean period ends too late), so it takes no purchase or loan until then",
  },
  LONG_SUSPENSION: {
    kind: "adverse",
    unit: "days",
    text: "The account stayed suspended for the policy's limit of days or more",
    advice: "apply to open a new account once eligible",
  },
  OVERDUE_TOO_RECENT: {
    kind: "adverse",
    unit: "days",
    text: "An overdue repayment was cleared too recently: a clean period must pass first",
    advice: "keep repaying on time until the clean period has passed",
  },
  REVIEW_TOO_SOON: {
    kind: "adverse",
    unit: "days",
    text: "An early review was already requested recently",
    advice: "wait for the next periodic review",
  },
  RESTORED_AT_REVIEW: {
    kind: "adverse",
    text: "The security hold is lifted; the suspension beneath it is ready to end and ends at the next review",
    advice: "wait for the next periodic review, or request an early review",
  },
  LIMIT_GIVEN_BACK: {
    kind: "positive",
    unit: "fen",
    // its fact: the limit before the cut (threshold), the limit given back (value), the limit held before
    // (from) and the cuts' codes since the way back, the constraints that no longer bind (cleared)
    text: "A limit cut for a constraint that no longer binds (the income, a thin file, the product's largest limit, the debt ratio or the limit kept once used) is given back, up to the limit before the cut",
    advice: "nothing to do: keep repaying on time",
  },
  READY_TO_RESTORE: {
    kind: "positive",
    text: "Nothing stands in the way of restoring the line any more: a review restores it",
    advice: "nothing more is needed: wait for the review, or ask for an early one when it can be asked",
  },
  NOT_RESTORED_YET: {
    kind: "adverse",
    text: "The conditions for restoration are not met yet",
    advice:
      "meet the conditions the reasons given with it name (each with what helps); a review then restores the line",
    pointsAt: "reasons",
  },
  // Positive and informational.
  MEETS_POLICY: {
    kind: "positive",
    text: "Score, history and eligibility meet the policy",
    advice: "nothing to do",
  },
  WITHIN_LIMIT: {
    kind: "positive",
    text: "Within the available credit",
    advice: "nothing to do",
  },
  NOTHING_TO_REVIEW: {
    kind: "positive",
    text: "The account is not suspended: there is nothing to restore",
    advice: "nothing to do",
  },
  SMALL_BALANCE_WAIVED: {
    kind: "positive",
    unit: "fen",
    text: "A remainder within the tolerance was still unpaid after the loan's last due day: waived, not missed (arrears within it: the overdue ends)",
    advice:
      "nothing to do: the remainder is waived and the loan closed; the waiver puts nothing on the record (a due date missed before stays)",
  },
  CLOSED_AT_REQUEST: {
    kind: "positive",
    text: "Closed at the customer's request, with nothing owed",
    advice: "nothing to do",
  },
  ARREARS_CLEARED: {
    kind: "positive",
    text: "All overdue amounts are repaid",
    advice: "keep repaying on time",
  },
  DEBT_BURDEN_REDUCED: {
    kind: "positive",
    unit: "ratio",
    text: "Total debt is back within what the policy allows for the income",
    advice: "keep debt within the policy's ratio",
  },
  SCORE_RECOVERED: {
    kind: "positive",
    unit: "score",
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

/** What helps, as the catalogue lists it: the advice, then each other advice a decision can give for the
 *  code, with when — cited in its milder words (`mildAdvice`), once nothing is owed (`settled`), on an application's larger line once used
 *  (`onceUsed`), of a suspended line (`suspended`) — so that every piece of advice a trace or `explain` prints is found in the catalogue. */
export function adviceListed(info: ReasonInfo): string {
  const also = [
    ...(info.mildAdvice === undefined
      ? []
      : [`cited near its maximum, half its points or more kept: ${info.mildAdvice}`]),
    ...(info.settled === undefined ? [] : [`once nothing is owed: ${info.settled}`]),
    ...(info.onceUsed === undefined
      ? []
      : [`on an application, of a larger line once used: ${info.onceUsed}`]),
    ...(info.suspended === undefined ? [] : [`of a suspended line: ${info.suspended}`]),
    ...(info.excluded === undefined
      ? []
      : [`of a suspended line no review can restore before the closure: ${info.excluded}`]),
  ];
  return also.length === 0 ? info.advice : `${info.advice} (${also.join("; ")})`;
}

/** The other words a code's text is printed in, with when (`mild`: a characteristic that kept at least
 *  half its points; `recorded`: recalled on a later day), for the catalogue's reference: `explain` says
 *  "Huabei balance compared with its limit is above the scorecard's top band", which a reader looks up. */
export function otherWordings(info: ReasonInfo): string[] {
  return [
    ...(info.mild === undefined ? [] : [`near its maximum (half its points or more kept): ${info.mild}`]),
    ...(info.recorded === undefined ? [] : [`recalled on a later day: ${info.recorded}`]),
  ];
}

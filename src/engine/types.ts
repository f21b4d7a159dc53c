// The engine's vocabulary. Everything here is plain data: a scenario goes in, a trace comes out.
// Money is always integer fen (1 yuan = 100 fen); days are integers counted from the scenario's start.

import type { ReasonCode } from "./reasons.js";
import type { ScoreInputs } from "./scorecard.js";

export type Fen = number;

/** Which part of the profile a `change_profile` event touches. */
export type ProfileField = "phone" | "address" | "device" | "bankcard";

/** How much a `repay` event pays: a fixed sum, or one of the amounts the bill defines. */
export type RepayAmount =
  | { kind: "amount"; fen: Fen }
  | { kind: "full" }
  | { kind: "statement" }
  | { kind: "minimum" };

/** The policy parameters a scenario's `policy` event can set (the SPEC's names). */
export interface PolicyParams {
  /** lowest score that may open an account */
  minOpenScore: number;
  /** lowest score for a limit increase */
  minIncreaseScore: number;
  /** lowest score an active account may keep at the periodic review */
  minScore: number;
  /** below this (but at or above minScore) the periodic review reduces the limit */
  reduceLimitScore: number;
  /** score a suspended account needs (with no arrears) to be restored */
  restoreScore: number;
  /** days since the last overdue was repaid before a suspended account may be restored */
  restoreCleanDays: number;
  /** applications (own + external) in 30 days above which new ones are declined */
  maxApplications30d: number;
  /** days after the due day before an unpaid minimum counts as overdue */
  graceDays: number;
  /** daily penalty on the overdue amount (0.0005 = 0.05 %) */
  penaltyRatePerDay: number;
  /** daily interest on a revolving (minimum-paid) remainder */
  revolvingRatePerDay: number;
  /** share of a bill that is its minimum repayment */
  minRepaymentRate: number;
  /** overdue days that trigger an immediate credit suspension */
  suspendOverdueDays: number;
  /** more profile changes than this within the window: security suspension */
  securityMaxChanges: number;
  securityWindowDays: number;
  /** calendar day of the monthly statement, due date and periodic review */
  statementDayOfMonth: number;
  dueDayOfMonth: number;
  reviewDayOfMonth: number;
  /** a suspension that lasts this long ends in closure at a periodic review */
  closeAfterSuspendedDays: number;
  /** days between two customer `request_review` calls that are honoured */
  reviewRequestCooldownDays: number;
  /** eligibility: (external debt + balance) / annual income at most this */
  maxDebtToIncome: number;
  /** eligibility: the identity must be verified */
  requireVerified: boolean;
  /** limit may not exceed this multiple of monthly income */
  maxLimitIncomeMultiple: number;
  /** smallest limit the line is offered at (yuan) */
  minLimit: number;
  /** the highest limit by score band; the first band whose minScore the score reaches applies */
  limitBands: readonly LimitBand[];
}

export interface LimitBand {
  minScore: number;
  /** yuan */
  maxLimit: number;
}

export interface Policy extends PolicyParams {
  name: string;
  description: string;
}

export interface Profile {
  age: number;
  /** yuan per month */
  monthlyIncome: number;
  verified: boolean;
  /** months of credit history before day 0 (elsewhere) */
  creditHistoryMonths: number;
  /** outstanding debt elsewhere at day 0, fen */
  externalDebt: Fen;
}

interface EventBase {
  day: number;
  /** position in the scenario file (0-based), so traces can point back at the line a user wrote */
  index: number;
}

export type ScenarioEvent =
  | (EventBase & { type: "apply"; product: "open" | "increase"; amount: Fen })
  | (EventBase & { type: "purchase"; amount: Fen; merchant: string | null })
  | (EventBase & { type: "repay"; amount: RepayAmount })
  | (EventBase & { type: "change_profile"; field: ProfileField })
  | (EventBase & { type: "external_debt"; amount: Fen })
  | (EventBase & { type: "external_inquiry" })
  | (EventBase & { type: "income"; monthlyIncome: number })
  | (EventBase & { type: "policy"; use: Policy | null; set: Partial<PolicyParams> })
  | (EventBase & { type: "contact_support" })
  | (EventBase & { type: "verify_identity" })
  | (EventBase & { type: "request_review" })
  | (EventBase & { type: "note"; text: string });

export type EventType = ScenarioEvent["type"];

export type Status = "none" | "active" | "suspended" | "closed";
export type Cause = "credit" | "security" | "policy";

export type Decision =
  | "approved"
  | "approved_lower"
  | "declined"
  | "suspended"
  | "limit_reduced"
  | "restored"
  | "closed"
  | "info";

/** A scenario after validation and normalisation: what the engine runs. */
export interface Scenario {
  name: string;
  description: string;
  /** ISO date (YYYY-MM-DD) of day 0 */
  start: string;
  until: number;
  seed: number;
  policy: Policy;
  profile: Profile;
  /** sorted by day; same-day events keep file order */
  events: readonly ScenarioEvent[];
  /** days the caller wants an end-of-day snapshot of (expectations) */
  observe: readonly number[];
}

/** What the engine itself does on a day, beside the user's events. */
export type EngineEvent =
  | { type: "statement"; billed: Fen; carried: Fen; minimum: Fen; dueDay: number }
  | { type: "due"; due: Fen; minimumUnpaid: Fen }
  | { type: "overdue"; overdue: Fen; overdueDays: number }
  | { type: "review"; requested: boolean };

export type StepEvent = ScenarioEvent | EngineEvent;

/** One characteristic's points before and after a step. */
export interface ScoreMove {
  characteristic: string;
  from: number;
  to: number;
}

/** A thing the customer can do, as customer service would phrase it. */
export type Remedy =
  | { kind: "pay_overdue"; amount: Fen }
  | { kind: "pay_balance"; amount: Fen }
  | { kind: "verify_identity" }
  | { kind: "raise_score"; current: number; needed: number; drivers: ReasonCode[] }
  | { kind: "wait_for_review"; day: number; date: string }
  | { kind: "wait_for_inquiries"; day: number; date: string }
  | { kind: "keep_clean_until"; day: number; date: string }
  | { kind: "reduce_debt"; ratio: number; max: number }
  /** why the account was suspended or closed, as recorded on that day */
  | { kind: "on_record"; day: number; date: string; reasons: ReasonCode[] }
  | { kind: "reapply" };

export interface Snapshot {
  day: number;
  score: number;
  limit: Fen;
  balance: Fen;
  available: Fen;
  overdue: Fen;
  overdueDays: number;
  status: Status;
  cause: Cause | null;
  purchases: Fen;
  repayments: Fen;
  /** overdue penalties + revolving interest, added to the balance */
  charges: Fen;
  /** of the charges, the overdue penalties */
  penalties: Fen;
}

export interface Step extends Snapshot {
  date: string;
  event: StepEvent;
  decision: Decision | null;
  reasons: ReasonCode[];
  scoreDelta: number;
  /** characteristics whose points changed since the previous step */
  moves: ScoreMove[];
  /** the scorecard's inputs after the step: `--explain` shows their bins and points */
  inputs: ScoreInputs;
  /** the policy in force when the step was taken */
  policy: string;
  /** a purchase declined, a repayment capped: amounts the step actually applied */
  applied: Fen;
  /** what the customer can do (support answers, adverse decisions) */
  remedies: Remedy[];
}

export interface Trace {
  scenario: string;
  start: string;
  until: number;
  steps: Step[];
  /** end-of-day state for every day in `scenario.observe`, and for the last day */
  snapshots: Map<number, Snapshot>;
  /** the score at the end of every month (first day of each month after day 0) and at the end */
  scoreSeries: Array<{ day: number; score: number }>;
  final: Snapshot;
}

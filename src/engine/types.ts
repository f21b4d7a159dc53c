// The engine's vocabulary. Everything here is plain data: a scenario goes in, a trace comes out.
// Money is always integer fen (1 yuan = 100 fen); days are integers counted from the scenario's start.

import type { ReasonCode } from "./reasons.js";
import type { ScoreInputs } from "./scorecard.js";
import type {
  ApplicationKind,
  Cause,
  Decision,
  EngineEventType,
  EventType,
  PolicyParams,
  ProfileField,
  RepayKeyword,
  Status,
} from "./vocabulary.js";

export type {
  ApplicationKind,
  Cause,
  Decision,
  EventType,
  LimitBand,
  PolicyParamName,
  PolicyParams,
  ProfileField,
  Status,
} from "./vocabulary.js";

export type Fen = number;

/** How much a `repay` event pays: a fixed sum, or one of the amounts the bill defines. */
export type RepayAmount = { kind: "amount"; fen: Fen } | { kind: RepayKeyword };

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
  | (EventBase & { type: "apply"; product: ApplicationKind; amount: Fen })
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

// The union above and the vocabulary's list name the same event types (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type CustomerEventsMatch = Holds<Same<ScenarioEvent["type"], EventType>>;

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

export type EngineEventsMatch = Holds<Same<EngineEvent["type"], EngineEventType>>;

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

// The engine's vocabulary. Everything here is plain data: a scenario goes in, a trace comes out.
// Money is always integer fen (1 yuan = 100 fen); days are integers counted from the scenario's start.

import type { ReasonCode } from "./reasons.js";
import type { GridMonth } from "./record.js";
import type { ScoreInputs } from "./scorecard.js";
import type { RuleFact } from "./verdict.js";
import type {
  ApplicationKind,
  Cause,
  Decision,
  EngineEventType,
  EventType,
  InstalmentTerm,
  LineId,
  LoanTerm,
  PolicyParams,
  ProfileField,
  RepayKeyword,
  Status,
} from "./vocabulary.js";

export type { GridCode, GridMonth } from "./record.js";
export type { RuleFact } from "./verdict.js";
export type {
  ApplicationKind,
  Cause,
  Decision,
  EventType,
  InstalmentTerm,
  LimitBand,
  LineId,
  LoanTerm,
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
  | (EventBase & { type: "apply"; line: LineId; product: ApplicationKind; amount: Fen })
  /** a Huabei purchase; with `instalments`, split into that many monthly instalments (分期) */
  | (EventBase & {
      type: "purchase";
      amount: Fen;
      merchant: string | null;
      instalments: InstalmentTerm | null;
    })
  /** a Jiebei cash loan over `term` months */
  | (EventBase & { type: "borrow"; amount: Fen; term: LoanTerm })
  | (EventBase & { type: "repay"; line: LineId; amount: RepayAmount })
  /** the customer closes a line */
  | (EventBase & { type: "close"; line: LineId })
  | (EventBase & { type: "change_profile"; field: ProfileField })
  | (EventBase & { type: "external_debt"; amount: Fen })
  /** debt elsewhere repaid */
  | (EventBase & { type: "external_repayment"; amount: Fen })
  | (EventBase & { type: "external_inquiry" })
  | (EventBase & { type: "income"; monthlyIncome: number })
  | (EventBase & { type: "policy"; use: Policy | null; set: Partial<PolicyParams> })
  | (EventBase & { type: "contact_support" })
  | (EventBase & { type: "verify_identity" })
  /** an early restoration review of a suspended line (null: the first suspended one) */
  | (EventBase & { type: "request_review"; line: LineId | null })
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
  /** a Huabei statement: new purchases and instalments billed, principal carried at interest, the
   *  minimum due (with arrears); `closing` when the line was closed and everything fell due */
  | {
      type: "statement";
      billed: Fen;
      instalments: Fen;
      fees: Fen;
      carried: Fen;
      minimum: Fen;
      dueDay: number;
      closing: boolean;
    }
  /** a due date reached: on Huabei the statement balance and the minimum unpaid; on Jiebei the instalment */
  | { type: "due"; line: LineId; due: Fen; minimumUnpaid: Fen }
  | { type: "overdue"; line: LineId; overdue: Fen; overdueDays: number }
  | { type: "charge_off"; line: LineId; writtenOff: Fen }
  /** the periodic review of one line (`requested`: an early review the customer asked for) */
  | { type: "review"; line: LineId; requested: boolean };

export type StepEvent = ScenarioEvent | EngineEvent;

export type EngineEventsMatch = Holds<Same<EngineEvent["type"], EngineEventType>>;

/** One characteristic's points before and after a step. */
export interface ScoreMove {
  characteristic: string;
  from: number;
  to: number;
}

/** Score moves without a step of their own: between the step on day `since` and a later day's opening. */
export interface TimeMoves {
  since: number;
  delta: number;
  moves: ScoreMove[];
}

/** A thing the customer can do, as customer service would phrase it, and the line it is about. */
export type Remedy = {
  line: LineId;
} /** `today`: the check at the end of this day charges the line off or suspends it unless it is paid */ /** `by`: the next end-of-day check that acts on it, when later than today */ & (
  | {
      kind: "pay_overdue";
      amount: Fen;
      today?: "charge_off" | "suspension";
      by?: { day: number; date: string; what: "charge_off" | "suspension" };
    }
  /** the minimum of a bill past its due day, still in its grace days: unpaid, it falls into arrears */
  | { kind: "pay_due"; amount: Fen }
  | { kind: "pay_balance"; amount: Fen }
  | { kind: "verify_identity" }
  /** `drivers`: the characteristics the customer can improve */
  | { kind: "raise_score"; current: number; needed: number; drivers: ReasonCode[] }
  /** `later`: not the next review, but the first that can restore the line (its clean period ends first) */
  /** `early`: the first day a request_review can restore the line before that review (`now`: today) */
  | {
      kind: "wait_for_review";
      day: number;
      date: string;
      later: boolean;
      early: { day: number; date: string; now: boolean } | null;
    }
  | { kind: "wait_for_inquiries"; day: number; date: string }
  /** Jiebei lends cash again on `day`: `wait` days after the last missed due date (jiebeiDrawCleanDays) */
  | { kind: "wait_to_draw"; day: number; date: string; wait: number }
  /** an active line today's numbers fail the standard for keeping credit on: the periodic review on `day`
   *  suspends it unless they change (`reasons`: what it would cite) */
  | { kind: "review_suspends"; day: number; date: string; reasons: ReasonCode[] }
  /** `afterPaying`: an amount is overdue now, and the clean period starts once it is paid (the date
   *  assumes it is paid today) */
  | { kind: "keep_clean_until"; day: number; date: string; afterPaying: boolean }
  /** pay down debt (on either line or elsewhere) or report a higher income */
  /** the monthly income (yuan) from which the income multiple allows the smallest line (`minLimit`, fen) */
  | { kind: "report_income"; income: number; minLimit: Fen }
  /** `over`: the debt to repay to come within `max` (null without an income: no amount is enough);
   *  `income`: the monthly income (yuan) at which today's debt is within it */
  | { kind: "reduce_debt"; ratio: number; max: number; over: Fen | null; income: number | null }
  /** why the line is suspended, closed or charged off: its status and cause since `since`, the reasons
   *  as recorded on `day` (later than `since` when a security hold was laid over a suspension: both are
   *  then on record, each with its cause) */
  | {
      kind: "on_record";
      status: Status;
      cause: Cause | null;
      since: number;
      sinceDate: string;
      day: number;
      date: string;
      reasons: ReasonCode[];
    }
  /** the review that closes the line unless it is restored by then: the next one, or a later one
   *  already certain (`certain`: the line cannot be restored before it; `hold`: a security hold alone,
   *  which only a verification lifts) */
  | { kind: "closure_due"; day: number; date: string; certain: boolean; hold: boolean }
  /** `blockers`: what would decline an application to open it today (none: it would be approved) */
  | { kind: "reapply"; blockers: RuleFact[] }
);

/** One line's money and standing at a moment. */
export interface LineSnapshot {
  status: Status;
  cause: Cause | null;
  limit: Fen;
  /** what is owed (including written-off debt, which is still owed) */
  balance: Fen;
  available: Fen;
  overdue: Fen;
  overdueDays: number;
  /** purchases (Huabei) or amounts drawn (Jiebei) */
  purchases: Fen;
  repayments: Fen;
  /** interest + fees + penalties, added to the balance */
  charges: Fen;
  /** of the charges, the overdue penalties */
  penalties: Fen;
  /** of the charges, instalment fees */
  fees: Fen;
  /** written off at a charge-off (the lender's loss; the customer still owes it) */
  writtenOff: Fen;
}

/** The customer at a moment: the score, Huabei's line at the top level (as before Jiebei), Jiebei's apart. */
export interface Snapshot extends LineSnapshot {
  day: number;
  score: number;
  jiebei: LineSnapshot;
  /** the scorecard's inputs behind `score` (an observed day's end: what `explain --day` shows) */
  inputs?: ScoreInputs;
}

export interface Step extends Snapshot {
  date: string;
  event: StepEvent;
  /** the line the step is about (a decision's line); null for events about the customer */
  line: LineId | null;
  decision: Decision | null;
  reasons: ReasonCode[];
  /** the numbers behind the decision's rule codes: parameter, threshold, value */
  facts: RuleFact[];
  scoreDelta: number;
  /** characteristics whose points changed since the previous step */
  moves: ScoreMove[];
  /** on a day's first step: the part of that change that came before the day's first input — time
   *  passing (days past due, windows, history) and month-end reports since the previous step, on day
   *  `since` — so that no step is credited with what time did */
  byTime?: TimeMoves;
  /** the scorecard's inputs after the step: `--explain` shows their bins and points */
  inputs: ScoreInputs;
  /** the policy in force when the step was taken */
  policy: string;
  /** a purchase declined, a repayment capped: amounts the step actually applied */
  applied: Fen;
  /** what the customer can do (support answers, adverse decisions) */
  remedies: Remedy[];
  /** a suspension recorded beneath a security hold (status and cause stay the hold's): its cause */
  beneath?: "credit" | "policy";
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
  /** the PBOC-style repayment grid of each line that was ever opened, last 24 month ends, oldest first */
  grid: Partial<Record<LineId, GridMonth[]>>;
}

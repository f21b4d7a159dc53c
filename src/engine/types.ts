// The engine's vocabulary. Everything here is plain data: a scenario goes in, a trace comes out.
// Money is always integer fen (1 yuan = 100 fen); days are integers counted from the scenario's start.

import type { Holds, Same } from "../shared/type-assert.js";
import type { ReasonCode } from "./reasons.js";
import type { GridMonth } from "./record.js";
import type { OverdueAction, VerifySuspendsCause } from "./remedies.js";
import type { StatementResult } from "./revolving.js";
import type { CharacteristicId, ScoreInputs } from "./scorecard.js";
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
  PolicyParamName,
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
  /** an early restoration review of a suspended line (null: the first suspended one, else the line the customer has) */
  | (EventBase & { type: "request_review"; line: LineId | null })
  | (EventBase & { type: "note"; text: string });

// The union above and the vocabulary's list name the same event types (a compile error otherwise).
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
  /** a Huabei statement: what it bills (revolving/statement.ts `StatementResult`: new purchases and instalments
   *  billed, their fees, principal carried from earlier bills and the charges unpaid on it, what is already
   *  overdue — these five add up to what the statement says is owed —, the minimum due, arrears included,
   *  and on a closed line `toTerm`), its due day, and `closing` on the closure's own statement (the
   *  lender's closure called in what it states: due in full, as every later statement of the closed line
   *  is) */
  | (StatementResult & { type: "statement"; dueDay: number; closing: boolean })
  /** a due date reached: on Huabei the statement balance and the minimum unpaid; on Jiebei the instalment —
   *  or (`calledIn`) all its loans still owe, a closure in default or a charge-off having called them in */
  | { type: "due"; line: LineId; due: Fen; minimumUnpaid: Fen; calledIn?: true }
  /** an open line left unused dormantCloseDays − dormantNoticeDays days: a notice that the periodic review
   *  on `closeDay` closes it unless it is used before then (`suspended`: once restored, the only way it can
   *  be used) */
  | {
      type: "dormant_notice";
      line: LineId;
      closeDay: number;
      closeDate: string;
      suspended?: true;
      /** no review before `closeDay` can restore it, so nothing keeps it open: suspended after a write-off on
       *  either line (never restored), or its clean period ends after `closeDay` (`cleanUntil`) */
      excluded?: true;
      /** the day the clean period restoring the line needs ends, when that is after `closeDay` */
      cleanUntil?: { day: number; date: string };
    }
  | { type: "overdue"; line: LineId; overdue: Fen; overdueDays: number }
  | { type: "charge_off"; line: LineId; writtenOff: Fen }
  /** a Jiebei remainder within the tolerance still unpaid when its loan's last due day's grace ended:
   *  waived (off the balance, not a loss on a default) */
  | { type: "waiver"; line: LineId; waived: Fen }
  /** the periodic review of one line (`requested`: an early review the customer asked for) */
  | { type: "review"; line: LineId; requested: boolean };

export type StepEvent = ScenarioEvent | EngineEvent;

export type EngineEventsMatch = Holds<Same<EngineEvent["type"], EngineEventType>>;

/** One characteristic's points before and after a step. */
export interface ScoreMove {
  characteristic: CharacteristicId;
  from: number;
  to: number;
}

/** Score moves without a step of their own: between the step on day `since` and a later day's opening. */
export interface TimeMoves {
  since: number;
  delta: number;
  moves: ScoreMove[];
}

/** A repayment customer service asks for, of the debt elsewhere or of a line's balance (`all`: the whole of
 *  it, as owed today: the line then reports nothing, the interest until the report included). */
export interface DebtRepayment {
  debt: "elsewhere" | LineId;
  amount: Fen;
  all: boolean;
}

/** A limit the periodic review a pay step names cuts for the overdue (pay_overdue's `cuts`): `from` the
 *  limit today `to` the one it leaves unpaid; `paid`, the one it leaves when the overdue is paid today, when
 *  it cuts that too (absent: paid, it cuts nothing). */
export interface OverdueCut {
  line: LineId;
  from: Fen;
  to: Fen;
  paid?: Fen;
}

/** What a lender's closure (or a charge-off) calls in of a line, due at once rather than instalment by
 *  instalment: what falls due first (`day`, `amount`: all of it, with its interest until then, but for
 *  loans with later due days) and the last day any of it falls due (`lastDay`: `day` when it is one). */
export interface CalledIn {
  day: number;
  date: string;
  amount: Fen;
  lastDay: number;
  lastDate: string;
}

/** A line the periodic review a pay step names closes in a default while the overdue is unpaid, calling in
 *  its instalments (pay_overdue's `callsIn`): what then falls due, and when. */
export interface OverdueCallIn extends CalledIn {
  line: LineId;
}

/** A score the policy's `parameter` asks (`threshold`) above the highest the customer's file can score
 *  (`best`) whatever the customer does and time brings — on the file the decision reads, or (`onceUsed`)
 *  once the line it gives is used, which the next review keeps it to: no review or application gives the
 *  line under the policy, only a change of it would. */
export interface ScoreBars {
  parameter: PolicyParamName;
  threshold: number;
  best: number;
  onceUsed: boolean;
  /** only while Huabei is open (Jiebei's restoration): Huabei, counted used, keeps the file below it */
  whileOpen?: "huabei";
  /** read as things stand: the points using the line restored costs at today's income and debts (the
   *  score the steps would ask, less `threshold`, above the scorecard's highest) — a higher income
   *  reported may lower it, which `best` does not count */
  cost?: number;
  /** the income (yuan a month) `cost` is read at when it is not today's: the one the answer's income step
   *  asks, which comes first (today's too low for the smallest line) */
  atIncome?: number;
}

/** The day a thin file holds six months of repayment record (`day`, `date`: the day after the month-end
 *  report that brings the sixth), each bill met at its minimum: with no line yet, Huabei opened and used by
 *  `usedBy`; with Huabei opened before (`open`: active, suspended or closed), from the customer's own month
 *  ends ahead — Huabei used by `usedBy` when its last use (`usedOn`) does not reach them all (a month end
 *  counts while the line was used within the year before it). */
export type OpeningRecord =
  | { day: number; date: string; usedBy: number; usedByDate: string }
  | {
      day: number;
      date: string;
      open: true;
      usedBy?: number;
      usedByDate?: string;
      usedOn?: number;
      usedOnDate?: string;
    };

/** A thing the customer can do, as customer service would phrase it, and the line it is about. */
export type Remedy = {
  line: LineId;
} & (
  | {
      kind: "pay_overdue";
      amount: Fen;
      /** the customer's active lines, which decline every purchase (Huabei) and loan (Jiebei) while an
       *  amount is overdue on either line: a customer refused at the till hears why (absent: none active) */
      declines?: LineId[];
      /** the line is charged off: the debt written off but still owed, paying it a recovery — it ends the
       *  delinquency on the record (its 5 years on file start then) and reopens nothing */
      recovery?: true;
      /** the check at the end of this day (or its periodic review) charges the line off or suspends it
       *  unless it is paid */
      today?: OverdueAction;
      /** the first end-of-day check or review that acts on it, when later than today */
      by?: { day: number; date: string; what: OverdueAction };
      /** a line suspended for credit at a review on this overdue while it is a slip (review/blockers.ts
       *  shortPastDueAtReview): the last day a repayment keeps it one — restored with no clean period — and
       *  the clean period (`days`, restoreCleanDays) a repayment after it waits */
      slip?: { day: number; date: string; days: number };
      /** the lines a periodic review suspends for the overdue (`review`: it comes before the trigger) */
      suspends?: LineId[];
      /** the limits that review cuts for the overdue (`review`): paid, the score it reads keeps them — or,
       *  `paid`, cuts them less (to that limit: the score paying brings still falls in a lower band) */
      cuts?: OverdueCut[];
      /** after that review, the check that acts if the overdue is still unpaid — the charge-off, or the
       *  trigger's suspension of a line the review leaves active — as `by` would name it */
      afterwards?: { day: number; date: string; what: Exclude<OverdueAction, "review"> };
      /** with `suspension` (in `today`, `by` or `afterwards`): the lines that check acts on that are
       *  suspended already (for a policy change, or under a security hold) — it records their suspension
       *  for credit too (the overdue is the customer's own), rather than suspends them — and whether it suspends an
       *  open line too (`open`) */
      forCredit?: { lines: LineId[]; open: boolean };
      /** the periodic review (`day`, `date`) whose closure of a line, the overdue still unpaid, answers a
       *  default and calls in the instalments that closure would otherwise leave to run to term — Jiebei's
       *  loans, Huabei's instalment plans (cross-default: the overdue may be the other line's): each line's
       *  what then falls due and when (`lines`) */
      callsIn?: { day: number; date: string; lines: OverdueCallIn[] };
      /** the other line's closure, when it comes at a later periodic review than `callsIn`'s: that review
       *  (`day`, `date`) and what it calls in, as `callsIn` says its own */
      callsInLater?: { day: number; date: string; lines: OverdueCallIn[] };
      /** with `charge_off` (in `today`, `by` or `afterwards`): what that write-off calls in of the line's
       *  instalments that, the overdue paid today, would keep their days (a loan's later instalments, a
       *  Huabei plan not yet billed) — what of it then falls due first, at once, and when */
      chargeOffCallsIn?: CalledIn;
    }
  /** the minimum of a bill past its due day (on Jiebei, the instalments due), still in its grace days:
   *  unpaid, it falls into arrears */
  /** `calledIn`: on Jiebei, loans a closure or a charge-off called in — what is due is all of them at once,
   *  not an instalment; on Huabei, a closed line's bill — due in full (a closing statement calls the
   *  balance in), not a minimum. `onTopOf`: the line's overdue, which a repayment clears first — what is due
   *  is on top of it, so paying this alone leaves new arrears */
  | {
      kind: "pay_due";
      amount: Fen;
      calledIn?: true;
      onTopOf?: Fen;
      /** the last day a repayment of it counts as on time (the end of its grace days; `today`: this day) */
      by?: { day: number; date: string; today: boolean };
      /** missed, the overdue check that suspends the customer's open lines, `days` past its due day: its day
       *  and the lines (as next_due's) — when nothing older is overdue */
      suspends?: { day: number; date: string; days: number; lines: LineId[] };
    }
  /** what falls due next on an active or suspended line, before it falls due: a bill stated (Huabei) or an
   *  instalment (Jiebei) — its due day, what the due notice will ask (`amount`: Huabei's statement balance,
   *  Jiebei's instalments; `minimum`: Huabei's minimum; `interest`: of Jiebei's, the interest), the last day
   *  a repayment of the minimum alone counts as on time (`by`), and what missing it costs: the penalty rate a day
   *  (`penalty`), a missed due date on the record, and the day the overdue check suspends the customer's open
   *  lines, still unpaid (`suspends`). `onTopOf`: what the steps before it ask on the line today (the
   *  overdue, what is due in its grace days), which a repayment pays first — the amounts are with them paid */
  | {
      kind: "next_due";
      day: number;
      date: string;
      amount: Fen;
      minimum: Fen;
      interest?: Fen;
      /** Huabei: not stated yet — the statement that bills it (a purchase since the last statement); the
       *  amounts are its due notice's with nothing more spent or repaid (with the interest until the due day) */
      statement?: {
        day: number;
        date: string;
        /** what of it is the rest of a bill stated already, past its due day (met, or in its grace days
         *  owing more than its minimum): that bill's due day (`day`, `date`), and `only` when nothing not
         *  yet billed (a purchase, an instalment) is stated with it */
        rest?: { day: number; date: string; only: boolean };
      };
      /** `before`: the next due day, which comes within its grace days — a repayment then pays what falls due
       *  that day first, so `day` is the day before it, not the end of the grace */
      by?: { day: number; date: string; before?: number };
      penalty: number;
      /** the overdue check that suspends the customer's open lines, missed: its day and the lines (`lines`) */
      suspends?: { day: number; date: string; days: number; lines: LineId[] };
      onTopOf?: Fen;
      /** what is due in its grace days (`onTopOf`, nothing overdue) paid on their last day (`day`), as its
       *  step allows, instead of today: what the notice then asks (`amount`, `minimum`), when it differs */
      paidLast?: { day: number; date: string; amount: Fen; minimum: Fen };
      /** Jiebei: how many loans' instalments fall due on `day`, when more than one */
      count?: number;
      /** Jiebei: the other loans' next instalments, due after `day` — each due day in order, what its notice
       *  asks (`amount`, of it `interest`; `count` loans when more than one) and `by`, as the first's */
      later?: {
        day: number;
        date: string;
        amount: Fen;
        interest: Fen;
        count?: number;
        by?: { day: number; date: string; before?: number };
        /** what is due in its grace days paid on their last day instead of today (as `paidLast`): what its
         *  notice then asks, when it differs */
        paidLast?: { day: number; date: string; amount: Fen; minimum: Fen };
        /** missed alone: its own loans' penalty rate, and the overdue check's suspension of the same
         *  lines (`suspends.lines` above), `suspends.days` past its own due day */
        penalty: number;
        suspends?: { day: number; date: string };
      }[];
      /** Huabei: what no statement has billed yet behind the bill due on `day` (a purchase since its
       *  statement): the next statement, which bills it, its due day, what its notice asks (`amount`,
       *  `minimum`) with that bill paid in full on its due day, `by`, and what missing it costs, as `later` */
      unbilled?: {
        statement: { day: number; date: string };
        day: number;
        date: string;
        amount: Fen;
        minimum: Fen;
        by?: { day: number; date: string; before?: number };
        /** as `later`'s */
        paidLast?: { day: number; date: string; amount: Fen; minimum: Fen };
        penalty: number;
        suspends?: { day: number; date: string };
      };
    }
  /** `amount`: what the line owes — beside an overdue or what is due in its grace days (their own steps),
   *  the rest. `toTerm`: the line's instalments run to term (a line closed in no default — for policy, or
   *  for credit or security with nothing past due and nothing written off on either line: Jiebei's loans,
   *  Huabei's instalment plans), so the balance falls due instalment by instalment — the next due day ahead
   *  and what falls due then (on Huabei a bill stated, or what the next statement bills, less what is past
   *  due by then) and the last — and repaying sooner is the customer's choice */
  | {
      kind: "pay_balance";
      amount: Fen;
      /** `calledIn` (Huabei): what of `amount` the closing statement called in, due in full as its
       *  statements bill it, beside the plans' instalments that run to term */
      toTerm?: { day: number; date: string; amount: Fen; lastDay: number; lastDate: string; calledIn?: Fen };
      /** what the line owes was called in (a closure that answers a default, a charge-off; Huabei's balance
       *  by any closing statement) and part of it is still to fall due: what falls due next, and when — all
       *  of it at once, with its interest until then (loans with later due days on theirs) */
      calledIn?: CalledIn;
      /** beside `toTerm` on a closed line no write-off ended: all the line owes, the overdue and what is due in
       *  its grace days with the rest — an application to open it again is declined until it is repaid
       *  (BALANCE_OUTSTANDING), so repaying is the step towards reopening, however optional otherwise */
      reopen?: Fen;
    }
  | { kind: "verify_identity" }
  /** `drivers`: the characteristics the customer can improve; `reach`, when it falls short of `needed`: the
   *  most the score reaches with all of them at their maximum */
  /** `ahead`: `current` is the score the next review reads on its day, the bills due before it met at
   *  their minimum — from the month-end `report` before it (the repayments and the spending since the last
   *  one counted; null: no month ends before it) — not today's (`today`): a suspended line's step when that
   *  review is the one that can restore it */
  /** `review`: the score is needed at a later review than the next, the first that can restore the line:
   *  it reads the score then, from the month-end report before it, which what is spent and repaid until
   *  then decides — `current` is today's */
  | {
      kind: "raise_score";
      current: number;
      needed: number;
      drivers: ReasonCode[];
      reach?: number;
      /** `overduePaid`: with `review`, `current` is read with the overdue the answer asks paid today;
       *  `recordStarts`: a thin file today that the review reads with six months of history — the
       *  repayment record starting to count is what moves the score, not the repayments since */
      ahead?: {
        today: number;
        report: { day: number; date: string } | null;
        overduePaid?: true;
        recordStarts?: true;
      };
      review?: { day: number; date: string };
      /** with `reach`: a Jiebei cash loan before a month end would earn a month of record and reach more
       *  (Huabei's use not counted: not open, or nothing to lend) — no step, borrowing to lift a score is
       *  not advised, so `reach` is what the review reads as things stand, not all the customer can do */
      asThingsStand?: true;
      /** a suspended line's step above the score restoring it asks (this, the one its reasons cite): the
       *  line restored and used would score short of what keeping it needs at anything less */
      restores?: number;
      /** an application to open a line: the least debt elsewhere (fen) that, repaid today, brings the
       *  score it is judged with to `needed` on its own */
      repayElsewhere?: Fen;
      /** Huabei's use among the steps (LOW_ACTIVITY) while it is suspended today: the first day it can be
       *  used, the day after the review that restores it */
      huabeiFrom?: { day: number; date: string };
    }
  /** Huabei's bills falling due before the next periodic review (`review`), the last on `due`: repaid in
   *  full by then (`amount`, what is due on that day, its charges until then included), each is recorded
   *  paid in full and the review reads a score that restores the line (or, `keeps`, keeps an active one);
   *  met only at their minimum, it reads `reads`, short of the `needed` that asks — a suspended line's step
   *  when that review is the one that can restore it, an active line's when it would suspend it */
  | {
      kind: "repay_in_full";
      due: { day: number; date: string };
      amount: Fen;
      review: { day: number; date: string };
      reads: number;
      needed: number;
      /** an active line the review would suspend for its score: repaid in full, it keeps the line (`needed`
       *  the minimum an account may keep) rather than restores it */
      keeps: boolean;
      /** the due day has passed: the last of its grace days, until which a repayment in full still counts
       *  (absent before then) */
      grace?: { day: number; date: string };
    }
  /** `later`: not the next review, but the first that can restore the line (its clean period ends first) */
  /** `early`: the first day a request_review can restore the line before that review (`now`: today) */
  /** `withIncome`: a review the debt advice's repayments come too late for — before `day`, or `day` itself
   *  when the line is closed before they count — that only the higher income it names, reported by then,
   *  can restore the line at */
  /** `ready`: nothing stands in the way of the restoration today: the review only has to come */
  /** `score`: today's score is short of what restoring the line needs (`needed`), and the score the next
   *  review reads on its day (`reads`: the bills due before it met at their minimum) — from the month-end
   *  `report` before it (the repayments made since the last one counted; null: no month ends before it)
   *  — meets it: no step raises the score then, and an early review reads it only after that report */
  /** `policyBars`: the policy's largest limit (`largest`) is below its smallest line (`smallest`): no
   *  review restores the line under it, whatever the customer does — only a change of policy would; no
   *  early review is offered. With `atIncome`, the largest its income multiple makes at that income, the
   *  most a file can state */
  /** `scoreBars`: the score the policy's `parameter` asks (`threshold`) is above the highest the customer's
   *  file can score (`best`) — whatever the customer does and time brings — before the restoration, or
   *  (`onceUsed`) once the line restored is used, which keeping it needs: no review restores the line under
   *  the policy, only a change of it would; no early review is offered, nor any step towards it */
  /** `reads`: something stands in the way today (the debt ratio on record, say), but nothing does once the
   *  next review reads the month-end report before it (the repayments made since the last one counted, the
   *  bills due before it met at their minimum): `ready`, and an early review only after that report */
  | {
      kind: "wait_for_review";
      day: number;
      date: string;
      later: boolean;
      ready: boolean;
      early: { day: number; date: string; now: boolean } | null;
      /** `below`: the debt step whose repayments come too late for that review is said after this */
      withIncome: { day: number; date: string; below?: true } | null;
      /** where the answer's steps are said, which an early review waits on: above this, below it (this
       *  said first, the steps for the review after it), or both; absent when it gives none */
      asked?: "above" | "below" | "both";
      score?: {
        today: number;
        reads: number;
        needed: number;
        report: { day: number; date: string } | null;
        /** a thin file today (under six months of history) that the review reads with six: the
         *  repayment record starts to count there — what moves the score, not the repayments since */
        recordStarts?: true;
      };
      /** `recordStarts`: a thin file today that report reads with six months of history — the record
       *  starting to count is what leaves nothing in the way, not the repayments since */
      reads?: { day: number; date: string; recordStarts?: true };
      periodic?: { reads: number; needed: number; report: { day: number; date: string } | null };
      policyBars?: { largest: Fen; smallest: Fen; atIncome?: Fen };
      scoreBars?: ScoreBars;
      /** with `ready`, or only the clean period in the way: the lower limit the review restores the line
       *  at, `of` its own (fen); `onceUsed`: the most it keeps once used binds (LIMIT_KEPT_ONCE_USED), else
       *  line management's cut alone */
      kept?: { limit: Fen; of: Fen; onceUsed: boolean };
      /** as `kept`, for the early review offered (`early`) — or, with `trims` and none offered, one asked
       *  today, which trims nothing (Huabei held lower once used until the review trims) */
      earlyKept?: { limit: Fen; of: Fen; onceUsed: boolean };
      /** Huabei restored by that review once it trims Jiebei's unused limit, `from` to `to` (fen, as
       *  things stand): the trim is the periodic review's, so no early review is offered for it */
      trims?: { from: Fen; to: Fen };
      /** the restoration promised, the line once used takes the customer's other line (`line`) from `from`
       *  to `to` (fen) at the review after (OTHER_LINE_CUT_ONCE_USED) */
      cutsOther?: { line: LineId; from: Fen; to: Fen };
      /** the thin-file cap below the smallest line: the day it lifts, the file holding six months of
       *  repayment record as things stand — no review before it restores the line */
      thinFileLifts?: { day: number; date: string };
    }
  /** `opens`: no line yet — from `day`, the applications on file aged, an application to open Huabei made
   *  with nothing else done would pass */
  | {
      kind: "wait_for_inquiries";
      day: number;
      date: string;
      opens?: true;
      review?: { day: number; date: string };
    }
  /** Jiebei lends cash again on `day`: `wait` days after the last missed due date or, later, its arrears cleared (jiebeiDrawCleanDays) */
  | { kind: "wait_to_draw"; day: number; date: string; wait: number }
  /** an application asked about (`product`, for `line`), still declined for the applications of the last
   *  30 days: from `day` — when the oldest that must go has left the window, no other made meanwhile —
   *  they are `count` with its own counted, within `max` (maxApplications30d) */
  | {
      kind: "applications_allow";
      product: ApplicationKind;
      day: number;
      date: string;
      count: number;
      max: number;
    }
  /** bound-detail changes since the last verification within the window (`window`, securityWindowDays)
   *  as many as the policy allows (`changes`, securityMaxChanges): one more before `day` — when the oldest
   *  of them leaves the window — puts a security hold on `lines` (those the trigger watches); verifying
   *  identity first restarts the count */
  | { kind: "change_holds"; day: number; date: string; changes: number; window: number; lines: LineId[] }
  /** the answer's steps not worked out ahead: the run has worked out as many answers as one run does
   *  (`limit`, SUPPORT_ANSWERS_BOUND); the last of them was given on `day` */
  | { kind: "not_worked_out"; limit: number; day: number; date: string }
  /** Jiebei: a remainder within the tolerance, its loan's last due day passed, waived on `day` if unpaid —
   *  `overdue`: arrears a repayment left within it past the loan's last due day, waived at today's end */
  | { kind: "waived_unless_paid"; amount: Fen; day: number; date: string; overdue?: true }
  /** an open line left unused since `since` — no purchase of at least ¥10, no cash loan, nothing owed
   *  (dormantCloseDays) — that the periodic review on `day` closes unless it is used before then
   *  (`suspended`: the line is suspended and takes nothing until restored; `certain`: suspended, no review
   *  before it can restore the line, so nothing the customer does keeps it open) */
  | {
      kind: "unused_closure_due";
      day: number;
      date: string;
      since: number;
      sinceDate: string;
      suspended?: true;
      certain?: true;
      /** certain only as things stand: a Jiebei cash loan's month of record could restore the line first */
      asThingsStand?: true;
    }
  /** an active line today's numbers fail the standard for keeping credit on: the periodic review on `day`
   *  suspends it unless they change (`reasons`: what it would cite) */
  | {
      kind: "review_suspends";
      day: number;
      date: string;
      reasons: ReasonCode[];
      /** the debt step for that review followed, the limit it keeps the line at, cut (fen), and the cut's
       *  reasons */
      kept?: { limit: Fen; reasons: ReasonCode[] };
    }
  /** an active line the periodic review on `day` keeps but cuts, from `from` to `to`, unless today's
   *  numbers change (`reasons`: what it would cite) */
  | { kind: "review_cuts"; day: number; date: string; from: Fen; to: Fen; reasons: ReasonCode[] }
  /** a line under a security hold alone that verifying today, as things stand, would leave suspended (the
   *  standard for keeping credit, or an overdue too long): for `cause` (policy: a change since that the
   *  line failed, having met the policy before it), what it would cite; the steps that change it come
   *  before the verification */
  | { kind: "verify_suspends"; cause: VerifySuspendsCause; reasons: ReasonCode[] }
  /** `afterPaying`: an amount is overdue now, and the clean period starts once it is paid (the date
   *  assumes it is paid today) */
  | { kind: "keep_clean_until"; day: number; date: string; afterPaying: boolean }
  /** the monthly income (yuan) from which the income multiple allows the smallest line (`minLimit`, fen) */
  | {
      kind: "report_income";
      income: number;
      minLimit: Fen;
      /** the line's own limit, when it is below the smallest line (granted before the smallest line rose)
       *  and `income` is what it needs: a line every cap holds is kept and restored at it (noLineAt) */
      limit?: Fen;
      /** as reduce_debt's: the incomes above `income` at which the review that can restore the line (its
       *  wait_for_review's) does not leave it active — from the other line's step's income (`line`) to `to`;
       *  `both`: the least income above `to` at which that review leaves both lines active (null: none) */
      notBetween?: { line: LineId; from: number; to: number | null; both: number | null };
      /** `income` above the least the smallest line needs (`smallest`, yuan): the review that can restore
       *  the line restores the other line (`line`) first, which this one, used, would take past its cap;
       *  `noRepayment`: beside the other line's debt step, which offers a repayment instead of an income, no
       *  repayment does for this line — at `smallest`, everything owed repaid, that step's review does not
       *  restore it (restored and used, the lines are counted at their limits) */
      beside?: { line: LineId; smallest: number; noRepayment?: true };
    }
  /** pay down debt or report a higher income, for the debt-to-income ratio the periodic review on `review`
   *  reads (debt elsewhere as it is that day, the lines' balances as the last month end before it reported
   *  them) to be within `max`; `ratio`: what the next review reads with nothing more done — the coming
   *  report's balances when a month ends before it (within `max` when `repay` is empty), else the record's.
   *  `repay`: what to repay, debt elsewhere first (it counts the day it is repaid), then Huabei's and
   *  Jiebei's balances, never more than is owed on each; empty when repayments already made on the lines,
   *  which the coming report counts, are enough; `over`: its total (both null without an income: no
   *  repayment is enough).
   *  `report`: the month end the advice counts on, by which its line repayments are made (null: none; an
   *  early review once the debt elsewhere is repaid reads what the periodic one would).
   *  `missed`: the next review, when it reads the balances on record and repaying all the debt elsewhere is
   *  not enough for it (an income reported in time is); `review` is then the first after the report.
   *  `income`: the monthly income (yuan) at which the next review reads the ratio within `max` — higher
   *  than the one on record, or null (that one is enough already: nothing more to repay).
   *  `score`: for a suspended line whose score is short of what restoring it needs (`restoreScore`, and a
   *  limit band with a line in it) today or, with the ratio's amount repaid, at the review named — when
   *  paying debt alone brings that review to it: `repay` and `income` are then each the least that brings
   *  both the ratio and the score there (each bill falling due before it met at its minimum; `income` null
   *  when no income does), and the score is no step of its own. Null when the amounts are for the ratio
   *  alone: the score needs nothing more, or debt alone cannot bring it there (its own step says so). */
  | {
      kind: "reduce_debt";
      ratio: number;
      max: number;
      repay: DebtRepayment[] | null;
      over: Fen | null;
      review: { day: number; date: string };
      report: { day: number; date: string } | null;
      missed: { day: number; date: string } | null;
      income: number | null;
      score: number | null;
      /** the monthly income (yuan) `ratio`, `repay` and `over` are worked out at, when it is not the one on
       *  record: the least the smallest line needs, asked for beside (`report_income`), higher than the
       *  customer's — with no income on record the amounts would otherwise be none (debt with no income is
       *  beyond every ratio) */
      atIncome?: number;
      /** the other line whose smallest line needs `atIncome`, when it is that line's, above this one's
       *  (both asked: the customer reports the larger) */
      atIncomeOf?: LineId;
      /** advice for a restoration, which counts the lines once used (applicationDebt): each line counted
       *  used up to a limit — the line restored at its smallest line, an active line at its own (Jiebei
       *  within its debt cap) — and the share of the credit left on them counted used
       *  (grantUsedFraction); `reported`, the other lines held or owing, counted as the report shows them */
      restoring?: { counted: { line: LineId; limit: Fen }[]; used: number; reported: LineId[] };
      /** incomes (yuan) above `income` at which the review named does not leave the line active: from the
       *  income the other line's own step asks (`line`), at which that review keeps the other line — which
       *  this line restored or kept, used, would take past its own standard — to `to` (null: every income
       *  above); `income` holds for every income up to `from` and above `to`; `both`, the least income above
       *  `to` at which that review leaves both lines active (null: none, or `to` null) — each with nothing
       *  repaid; `repaid`, present when the step asks a repayment: whether that repayment, made today, with
       *  `from` reported leaves the line active at that review */
      notBetween?: { line: LineId; from: number; to: number | null; both: number | null; repaid?: boolean };
      /** the other line's debt step (`line`), followed with this one (the larger of each debt), leaves this
       *  line suspended at the review both name (the two restored and used, one would fail the standard a
       *  line is kept to): the repayments that restore both there — more debt elsewhere repaid — or null (`repay`,
       *  `over`) when repaying all of it does not */
      withOther?: { line: LineId; repay: DebtRepayment[] | null; over: Fen | null };
      /** the step raised, played as the customer follows the answer, past the amount the ratio named needs
       *  (debtsBesideOverdue, debtsFollowed): the rule the review named (`review`) held the line on with that
       *  amount, as that review read it — its code, the line it is about (`line`, the step's own or the
       *  other), its parameter, threshold and the value read (`onceUsed`: read on the file once a line of
       *  that limit is used) — and `ratio`, the step's line's own debt ratio as restoring reads it there with
       *  that amount (within `max` when the rule is another). A score's threshold is the step's `score`. */
      raisedFor?: {
        code: ReasonCode;
        line: LineId;
        parameter: PolicyParamName;
        threshold: number;
        value: number;
        onceUsed?: Fen;
        ratio: number;
      };
    }
  /** why the line is suspended, closed or charged off: its status and cause since `since`, the reasons
   *  as recorded on `day` (later than `since` when a suspension was recorded again). A security hold and a
   *  suspension beneath it: the hold is said first, since the day it was laid, with the cause of the
   *  suspension beneath (`over`) — laid over it, or, the hold first, the suspension `found` beneath it
   *  later; that suspension follows, with its own day and reasons */
  | {
      kind: "on_record";
      status: Status;
      cause: Cause | null;
      since: number;
      sinceDate: string;
      day: number;
      date: string;
      reasons: ReasonCode[];
      over?: Cause;
      found?: { day: number; date: string };
    }
  /** the review that closes the line unless it is restored by then: the next one, or a later one
   *  already certain (`certain`: the line cannot be restored before it; `hold`: a security hold alone,
   *  which only a verification lifts) */
  /** `writtenOff`: certain because a debt was written off on either line — no review restores the line */
  | {
      kind: "closure_due";
      day: number;
      date: string;
      certain: boolean;
      /** certain only as things stand: a Jiebei cash loan's month of record could restore the line first */
      asThingsStand?: true;
      hold: boolean;
      writtenOff?: true;
      /** a running loan the closure calls in (it answers a default): what then falls due at once, and when */
      callsIn?: CalledIn;
      /** a running loan the closure leaves to run to term: its next instalment, and the last */
      toTerm?: CalledIn;
    }
  /** nothing is owed on the closed line: an application to open it again can pass the applications of the
   *  last 30 days (its own counted) from `day` (`now`: today; later while too many were made); `blockers`,
   *  what would decline it then, with that day's score (none: it would be approved) */
  /** `limit`, `lastLimit`, `holds`: with no blockers, an application for the limit the closure ended
   *  would be approved lower — the limit it would be granted, the last limit, and the rules that hold it */
  /** `scoreBars`: no file the customer can have scores what the opening, or the line granted and used,
   *  needs: no application opens it again under the policy */
  | {
      kind: "reapply";
      day: number;
      date: string;
      now: boolean;
      blockers: RuleFact[];
      limit?: Fen;
      lastLimit?: Fen;
      holds?: RuleFact[];
      /** among `holds`, the use the line lacked before its closure (LINE_NOT_IN_USE): the first day an
       *  application is no longer held for it, the closure then more than increaseUsedWithinDays old */
      unusedLifts?: { day: number; date: string };
      scoreBars?: ScoreBars;
    }
  /** told to stop applying: an application for an increase on the active line is declined today for what
   *  only time clears (`waits`: the applications of the last 30 days, the cooldown since the last opening
   *  or increase, the clean record since a missed due date, the thin-file cap until the file holds six
   *  months of repayment record); from `day` none of them declines it, if nothing else moves — `blocked`:
   *  what would decline it then besides (the score of that day); `besides`: the other rules that would
   *  decline it too. `waits` empty, `day` today: nothing time clears, and it is declined today (the line
   *  left unused, LINE_NOT_IN_USE; the score; a cap), with `blocked` and `besides` */
  | {
      kind: "increase_from";
      day: number;
      date: string;
      waits: ReasonCode[];
      blocked?: RuleFact;
      besides?: RuleFact[];
    }
  /** an application to open a line — Huabei with no line yet, Jiebei when the customer's own opening was
   *  declined lately (with a line open too, asked about and still declined for the debt ratio or the
   *  record) — can be made from `day` (`now`: today; later while too many applications were made in the
   *  last 30 days); `blockers`, what would decline it then (none: it would be approved); `debt`, when the debt ratio is
   *  one, the debt elsewhere to repay (fen; null without an income, or when more is needed than is owed
   *  elsewhere) or the monthly income (yuan; null: none) that brings it within the cap;
   *  `scoreBars`: no file the customer can have scores what the opening, or the line granted and used,
   *  needs — no application opens it under the policy, and no step towards one is given */
  | {
      kind: "open_line";
      day: number;
      date: string;
      now: boolean;
      blockers: RuleFact[];
      debt?: { repay: Fen | null; income: number | null };
      scoreBars?: ScoreBars;
      record?: OpeningRecord;
    }
  /** the limit a review cut on `day`, `from` → `to` (fen), with the reasons recorded then; it comes back
   *  through an application for an increase, which the cooldown since the line's last opening or
   *  increase and a clean record allow from `increase` (today at the earliest; `restored`: the line is
   *  suspended, and the day is one it can be restored by, as the answer's review steps say) — `blocked`: what would
   *  decline such an application as things stand besides the time (the other line suspended, a score
   *  below the increase minimum or another rule an application fails, or a cap the limit is already at);
   *  `besides`: the other rules that would decline it too; `givenBack`: a cut for a constraint (the cut on
   *  record remembers the limit before it) comes back unasked too — a periodic review gives back up to
   *  `limit` once what cut it no longer binds and nothing blocks an increase (review/give-back.ts), the
   *  review of `day` at the earliest (the cooldown since the cut, the clean record; a suspended line's
   *  restoration first); `gives`: what that review gives back as things stand (the limit it leaves), said
   *  before it as a restoration coming is; `nothing`: as things stand, that review gives back nothing (the
   *  cap already reached, or a rule holding it) — never worded as a limit coming back */
  | {
      kind: "limit_cut";
      day: number;
      date: string;
      from: Fen;
      to: Fen;
      /** a raise since the cut (the cut still on record): the limit the line has now, the day of the raise,
       *  and what raised it — a review that gave part of the cut back, or an increase granted to less */
      since?: { limit: Fen; day: number; date: string; by: "review" | "increase" };
      reasons: ReasonCode[];
      increase: {
        day: number;
        date: string;
        now: boolean;
        restored?: true;
        /** an active line a periodic review before that day suspends as things stand (on `day`): the
         *  application waits for its restoration — `steps`, what a customer asking the day after it is
         *  told restores it (the wait for the review that can, what that review asks), and `day` above is
         *  the one that customer is told, once it is restored */
        suspends?: { day: number; date: string; steps: Remedy[] };
        /** an open line closed as unused before that day as things stand: the review (`day`, `date`) that
         *  closes it left unused, which using it before then averts — the application judged on the line
         *  kept in use */
        inUse?: { day: number; date: string };
        blocked?: RuleFact;
        besides?: RuleFact[];
        /** the limit at the income's cap (LIMIT_AT_INCOME_CAP among the rules): the least monthly income
         *  (yuan) at which the income multiple allows the limit before the cut — or, with a cap no income
         *  lifts below it (`incomeCap`), that cap's limit */
        income?: number;
        /** beside `income`: the cap below the limit before the cut that takes over from the income's (the
         *  score's band, the product's largest limit, the thin-file cap) — the most any income brings back */
        incomeCap?: { binding: "score" | "thin_file" | "product_maximum"; limit: Fen };
      };
      givenBack?: { limit: Fen; day: number; date: string; gives?: Fen; nothing?: true };
    }
);

/** One line's money and standing at a moment. */
export interface LineSnapshot {
  status: Status;
  cause: Cause | null;
  limit: Fen;
  /** what is owed (including written-off debt, which is still owed) */
  balance: Fen;
  /** what the line may still lend while active (none otherwise): the limit less the balance on Huabei, less
   *  the principal owed on Jiebei (availableCredit), never below nothing */
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
  /** remainders within the tolerance waived (Jiebei: unpaid when a loan's last due day passed), off the
   *  balance: balance = purchases − repayments + charges − waived */
  waived: Fen;
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
  /** an assessed application's: the inputs it was judged on, the file before its own inquiry (which
   *  `inputs` counts) — its reasons are ranked on them, and told from them (`reasonInputs`) */
  judged?: ScoreInputs;
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

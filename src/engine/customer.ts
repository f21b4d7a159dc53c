// One customer during a run: a shared credit profile (score inputs, applications, bound details, the
// repayment record) and two credit lines under it — Huabei (revolving, for purchases) and Jiebei (cash
// loans). Mutable within one run only; callers see snapshots.

import type { LoanBook } from "./loans.js";
import * as loans from "./loans.js";
import type { ReasonCode } from "./reasons.js";
import type { DueRecord, Episode, GridMonth } from "./record.js";
import type { Revolving } from "./revolving.js";
import * as revolving from "./revolving.js";
import type { Fen, LimitBand, Policy, Profile } from "./types.js";
import type { RuleFact } from "./verdict.js";
import type { ApplicationKind, Cause, LineId, ProfileField, Status } from "./vocabulary.js";

/** A purchase or drawdown declined: the day asked, the amount, and a drawdown's term (null: a purchase).
 *  Replaced whole, never changed in place: a fork's copy of the line may share it. */
interface DeclinedAsk {
  readonly day: number;
  readonly amount: Fen;
  readonly term: number | null;
}

/** An application declined (to open a line, or to raise its limit): the day asked, what was asked for and
 *  the amount. Replaced whole, never changed in place: a fork's copy of the line may share it. */
interface DeclinedApplication {
  readonly day: number;
  readonly product: ApplicationKind;
  readonly amount: Fen;
}

interface LineBase {
  status: Status;
  /** why the line is not active (null while none or active) */
  cause: Cause | null;
  limit: Fen;
  /** the first opening: the line's history length counts from it */
  openedDay: number | null;
  /** the latest opening, a reopening after a closure too: an increase's cooldown runs from it, so that
   *  closing and reopening a line is no way round a first opening's wait */
  lastOpenedDay: number | null;
  /** the latest day the customer used the line — a purchase of at least ACTIVITY_MIN_PURCHASE or a cash
   *  loan approved, a repayment that paid something owed (a day with a balance) — or it was opened or
   *  reopened, when later: an unused line's closure counts from it (dormantCloseDays) */
  usedDay: number | null;
  /** the days since usedDay the lender kept the line suspended, in suspensions ended since (restored,
   *  closed): the line could not be used on them, so an increase does not count them as days left unused
   *  (LINE_NOT_IN_USE) */
  keptSinceUse: number;
  /** the day of the latest `policy` event that changed the unused-line terms (dormantCloseDays,
   *  dormantNoticeDays) or the review's day of the month (the day a notice names); null: none. A line whose
   *  notice under the new terms falls on or before it is told the day after (review/dormant.ts:
   *  dormantNoticeDay) */
  unusedTermsDay: number | null;
  /** the latest day credit was extended on the line — a purchase of at least ACTIVITY_MIN_PURCHASE or a
   *  cash loan approved (null: never): the months of repayment record run a year from it (RECORD_DAYS) */
  extendedDay: number | null;
  /** the day the current status began (suspension, closure, charge-off); null while none or active */
  statusDay: number | null;
  /** the reasons of the decision that set the current status: what customer service quotes */
  reasonsOnRecord: ReasonCode[];
  /** the numbers behind them (what a restoration compares with: the debt ratio, the score then) */
  factsOnRecord: readonly RuleFact[];
  /** the day those reasons were recorded (a security hold laid over a suspension records its own) */
  recordDay: number | null;
  /** what the reviews since that record named as standing in the way of a restoration (the latest
   *  numbers of each), and what a record it replaced in the same suspension asked (episodeNamed,
   *  apply-verdict.ts): a restoration cites what of it has been cleared since, as it does the record's */
  blockersNamed: readonly RuleFact[];
  /** the suspension a security hold was laid over: verifying identity lifts the hold, not this */
  heldOver: HeldSuspension | null;
  /** the latest cut of the limit (a review's line management, on an active or suspended line, or at a
   *  restoration): what customer service explains while the limit is below what it was cut from. A
   *  restoration keeps it; only the ways back end it — an increase to at least what it gives back, a
   *  reopening, a limit given back whole */
  cut: LimitCutRecord | null;
  /** the last raise of the limit — an approved increase, or a limit given back by a review (in part or
   *  whole: review/give-back.ts) — the increase cooldown runs from it, as from a cut (a lender counts any
   *  change of the limit: a line raised unasked on day 196 is not raised again on day 200) */
  lastIncreaseDay: number | null;
  /** the day the line was last restored from a suspension for credit: an increase's cooldown runs from it
   *  too (applications.ts), as from an opening — a lender seasons a line it has just given back before it
   *  lends more on it */
  restoredDay: number | null;
  /** the limit the last closure ended (null: never closed, or reopened since): a reopening above it
   *  meets an increase's standards */
  lastLimit: Fen | null;
  /** the last honoured request for an early review of this line (its cooldown runs from it: each line
   *  is reviewed on its own request) */
  lastReviewRequest: number | null;
  /** the latest purchase or drawdown asked on the line, when it was declined (null: none, or the latest was
   *  lent): what customer service, asked after it, judges again on the day asked — its reasons and, a
   *  drawdown's, what would be lent instead (support/declined-ask.ts) */
  declinedAsk: DeclinedAsk | null;
  /** the latest application on the line, when it was declined (null: none, or the latest was granted):
   *  what customer service, asked after it, judges again on the day asked (support/declined-ask.ts) */
  declinedApplication: DeclinedApplication | null;
  /** the policy in force before the latest `policy` event, if the line was open then: a line that fails the
   *  new one only where it asks more (changeAlone, standard.ts) is suspended for the policy, not for credit */
  previousPolicy: Policy | null;
  /** while the line is suspended for policy (beneath a security hold too): the policy before the change
   *  that suspended it (the line met it, or failed it only on a rule the change loosened) — while nothing
   *  that keeps the line suspended today would keep it under that policy too, the change holds the line */
  policyBefore: Policy | null;
  /** while the line is suspended for credit (beneath a security hold too) and a \`policy\` event came since:
   *  the policy in force before the first such change — while nothing that keeps the line suspended today
   *  would keep it under that policy too (it would restore the line, or block it only on a rule the change
   *  loosened), the change is what holds it (the next review records the suspension for it) */
  suspendedUnder: Policy | null;
  /** whether the current suspension has been recorded for credit at any time (beneath a security hold
   *  too), whatever it is recorded for now: it keeps the restoration score a line suspended for its record
   *  needs (restorationScore, review/blockers.ts) for as long as it lasts — a review that records it for a
   *  policy change lowers no bar the customer was told of. Meaningful only while the line is suspended */
  recordedForCredit: boolean;
  /** while the line is closed by the lender: whether its instalments keep their amounts and due days
   *  (runsToTerm) — decided at the closure, by whether it answered a default */
  toTerm: boolean;
  /** the PBOC-style month-end record, oldest first */
  grid: GridMonth[];
  /** the most days past due seen on the line since the month began (the grid's code for the month) */
  monthWorst: number;
  /** what the credit bureau last saw at a month end: balance and limit (utilisation uses them) */
  reportedBalance: Fen;
  reportedLimit: Fen;
  reported: boolean;
}

/** A cut of a line's limit: when, from what, and the reasons and numbers it was decided with. */
interface LimitCutRecord {
  day: number;
  from: Fen;
  /** the limit it cut the line to (a limit given back in part since raises the line's, not this) */
  to: Fen;
  reasons: ReasonCode[];
  facts: readonly RuleFact[];
  /** the limit a later periodic review may give back once the cut's constraint no longer binds
   *  (review/give-back.ts): the limit before the first of the cuts for a constraint since the last way back
   *  (an increase, a reopening, a limit given back whole) — null after a cut to the score's band, the
   *  customer's own worsening, which only an increase asked for undoes */
  givesBack: Fen | null;
  /** the codes of the cuts for a constraint since the way back, the first first (each once): what a limit
   *  given back whole clears — every cause, not only the latest cut's (an income cut, then a policy's
   *  product maximum, are both cleared when the ¥5,000 before the first comes back) */
  causes: ReasonCode[];
  /** the last raise of the limit while the cut is on record (null: none since the cut): a limit given back
   *  in part by a review, or an increase granted to less than `givesBack` — what customer service names as
   *  having raised it, and (a review's only) what the next give-back's cooldown runs from */
  raised: { day: number; by: "review" | "increase" } | null;
}

/** A suspension for credit or policy, as it stood when a security hold was laid over it. */
interface HeldSuspension {
  cause: "credit" | "policy";
  reasons: ReasonCode[];
  facts: readonly RuleFact[];
  day: number;
}

export interface HuabeiLine extends LineBase {
  id: "huabei";
  ledger: Revolving;
  /** the days the customer made or tried a purchase of at least ACTIVITY_MIN_PURCHASE (ascending, each
   *  once): the activity characteristic */
  purchaseDays: number[];
  /** the days the lender kept the line from purchases, ended: pairs of days (suspended or closed by the
   *  lender on the first, open again — restored, reopened — on the second; oldest first): the activity
   *  window skips the days between, which the lender took away */
  pauses: number[];
  /** the day since which the lender has kept the line from purchases — suspended, then perhaps closed or
   *  written off — while it is not open again; null while it is open, or closed by the customer */
  shutSince: number | null;
}

interface JiebeiLine extends LineBase {
  id: "jiebei";
  book: LoanBook;
}

export type Line = HuabeiLine | JiebeiLine;

/** A change of a bound detail that gives control of the account or of where its money goes (triggers.ts:
 *  TAKEOVER_FIELDS), and its day. */
interface KeyChange {
  field: ProfileField;
  day: number;
}

export interface Customer {
  profile: Profile;
  policy: Policy;
  /** days of credit applications, own (either line) and elsewhere, ascending */
  inquiries: number[];
  /** days of bound-detail changes, ascending */
  profileChanges: number[];
  /** how many of `profileChanges` a verification has confirmed: they no longer count towards a security
   *  suspension (a count, not a day: a change made earlier on the day of the verification is confirmed
   *  by it, one made later that day is not) */
  verifiedChanges: number;
  /** the latest change of the bound phone or bank card since the last verification, or null: what the
   *  takeover trigger reads (triggers.ts: takeoverTrigger) */
  keyChange: KeyChange | null;
  /** the latest day with a purchase or drawdown asked (either line, approved or declined), the amounts
   *  asked that day since its start or a verification that day, and the customer's open lines' limits that
   *  day, the most they came to at any of them (the burst trigger's) */
  burstDay: number;
  burstAmounts: Fen[];
  burstLimits: Fen;
  /** the day of the latest verification of identity (-1: none): a hold a burst of transactions laid on a
   *  line closed before it stands no more */
  verifiedDay: number;
  /** how every due date ended, both lines, in the order decided */
  records: DueRecord[];
  /** delinquency episodes, both lines */
  episodes: Episode[];
  /** every month end since a line first opened: whether the customer was in good standing that month
   *  (no line overdue during it, none charged off), and whether the month is one of repayment record
   *  (credit was extended on a line within RECORD_DAYS before it: not a line left unused) */
  monthEnds: Array<{ day: number; good: boolean; record: boolean }>;
  huabei: HuabeiLine;
  jiebei: JiebeiLine;
}

// Object literals with every field in one order, no spreads: one hidden class per kind of line, and
// nothing to copy field by field when a population makes a customer per account.
const newHuabei = (): HuabeiLine => ({
  status: "none",
  cause: null,
  limit: 0,
  openedDay: null,
  lastOpenedDay: null,
  usedDay: null,
  keptSinceUse: 0,
  unusedTermsDay: null,
  extendedDay: null,
  statusDay: null,
  reasonsOnRecord: [],
  factsOnRecord: [],
  recordDay: null,
  blockersNamed: [],
  heldOver: null,
  cut: null,
  lastIncreaseDay: null,
  restoredDay: null,
  lastReviewRequest: null,
  declinedAsk: null,
  declinedApplication: null,
  lastLimit: null,
  previousPolicy: null,
  policyBefore: null,
  suspendedUnder: null,
  recordedForCredit: false,
  toTerm: false,
  grid: [],
  monthWorst: 0,
  reportedBalance: 0,
  reportedLimit: 0,
  reported: false,
  id: "huabei",
  ledger: revolving.newRevolving(),
  purchaseDays: [],
  pauses: [],
  shutSince: null,
});

const newJiebei = (): JiebeiLine => ({
  status: "none",
  cause: null,
  limit: 0,
  openedDay: null,
  lastOpenedDay: null,
  usedDay: null,
  keptSinceUse: 0,
  unusedTermsDay: null,
  extendedDay: null,
  statusDay: null,
  reasonsOnRecord: [],
  factsOnRecord: [],
  recordDay: null,
  blockersNamed: [],
  heldOver: null,
  cut: null,
  lastIncreaseDay: null,
  restoredDay: null,
  lastReviewRequest: null,
  declinedAsk: null,
  declinedApplication: null,
  lastLimit: null,
  previousPolicy: null,
  policyBefore: null,
  suspendedUnder: null,
  recordedForCredit: false,
  toTerm: false,
  grid: [],
  monthWorst: 0,
  reportedBalance: 0,
  reportedLimit: 0,
  reported: false,
  id: "jiebei",
  book: loans.newLoanBook(),
});

export function newCustomer(profile: Profile, policy: Policy): Customer {
  return {
    profile: {
      age: profile.age,
      monthlyIncome: profile.monthlyIncome,
      verified: profile.verified,
      creditHistoryMonths: profile.creditHistoryMonths,
      externalDebt: profile.externalDebt,
    },
    policy,
    inquiries: [],
    profileChanges: [],
    verifiedChanges: 0,
    keyChange: null,
    burstDay: -1,
    burstAmounts: [],
    burstLimits: 0,
    verifiedDay: -1,
    records: [],
    episodes: [],
    monthEnds: [],
    huabei: newHuabei(),
    jiebei: newJiebei(),
  };
}

/** The large attempts among a day's amounts at one threshold, counted up to `upto`. */
export interface BurstTally {
  upto: number;
  count: number;
  total: Fen;
}

/** The tallies of each day's amounts (a customer's `burstAmounts`), by threshold: every attempt asks
 *  whether the day is now a burst, and counting the day's attempts again each time made a day of n
 *  attempts n²/2 reads (100,000 purchases on one day of a scenario took half a minute). Amounts are only
 *  added between the day's start and a verification, which empty them (forgetTallies), so a tally goes on
 *  from where it stopped; a copy of a customer has amounts of its own, counted afresh. A cache of what the
 *  amounts already say: nothing in it changes a decision. */
const burstTallies = new WeakMap<readonly Fen[], Map<Fen, BurstTally>>();

/** The tally of `amounts` at the threshold `large`, to be counted on from its `upto`. */
export function burstTally(amounts: readonly Fen[], large: Fen): BurstTally {
  let byThreshold = burstTallies.get(amounts);
  if (byThreshold === undefined) {
    byThreshold = new Map();
    burstTallies.set(amounts, byThreshold);
  }
  let t = byThreshold.get(large);
  // (fewer amounts than counted: emptied without forgetTallies — counted afresh rather than wrongly)
  if (t === undefined || t.upto > amounts.length) {
    t = { upto: 0, count: 0, total: 0 };
    byThreshold.set(large, t);
  }
  return t;
}

/** The day's amounts emptied (a new day, a verification): their tallies count from nothing again. */
export function forgetTallies(amounts: readonly Fen[]): void {
  burstTallies.delete(amounts);
}

/** The customer used `line` on `day` (usedDay): the days it was kept suspended before count no more. */
export function usedOn(line: Line, day: number): void {
  line.usedDay = day;
  line.keptSinceUse = 0;
}

/** A suspension of `line` ends on `day` (restored, closed): its days since the line was last used are days
 *  the customer could not use it (keptSinceUse). */
export function suspensionEnds(line: Line, day: number): void {
  if (line.status !== "suspended" || line.statusDay === null) return;
  line.keptSinceUse += day - Math.max(line.statusDay, line.usedDay ?? line.statusDay);
}

/** An income reported (an income event): what a review reads from then on. Customer service sizes a step
 *  that follows the income it asks on a copy taken through this, as the event takes it. */
export function incomeReported(c: Customer, monthlyIncome: number): void {
  c.profile.monthlyIncome = monthlyIncome;
}

/** A verified identity: it also confirms every change of bound details made so far, and the day's
 *  transactions so far (they stop counting towards a security suspension). */
export function verifyIdentity(c: Customer, day: number): void {
  c.profile.verified = true;
  c.verifiedDay = day;
  c.verifiedChanges = c.profileChanges.length;
  c.keyChange = null;
  c.burstAmounts.length = 0;
  forgetTallies(c.burstAmounts);
}

/**
 * A deep copy, made of a new customer's own objects (newCustomer) with the fields copied onto them: a
 * spread (`{ ...c }`) gives the copy hidden classes of its own, and every rule that then reads customers
 * and their copies (a policy's lanes, support's what-ifs, the review bench's cases) read two kinds of each
 * object — the review on a copy took 1.2–1.6 times as long.
 */
export function forkCustomer(c: Customer): Customer {
  const copy = newCustomer(c.profile, c.policy);
  // what the customer and its lines hold is copied as literals in the order it is made, into arrays
  // filled by push (revolving.copied): spreads and `map` gave the copies hidden classes of their own
  const line = <L extends LineBase>(to: L, l: L): L =>
    Object.assign(to, l, {
      reasonsOnRecord: [...l.reasonsOnRecord],
      heldOver: l.heldOver && {
        cause: l.heldOver.cause,
        reasons: [...l.heldOver.reasons],
        facts: l.heldOver.facts,
        day: l.heldOver.day,
      },
      grid: revolving.copied(l.grid, (g) => ({ month: g.month, code: g.code })),
    });
  return Object.assign(copy, c, {
    profile: copy.profile,
    inquiries: [...c.inquiries],
    profileChanges: [...c.profileChanges],
    keyChange: c.keyChange && { field: c.keyChange.field, day: c.keyChange.day },
    burstAmounts: [...c.burstAmounts],
    records: revolving.copied(c.records, (r) => ({ line: r.line, dueDay: r.dueDay, outcome: r.outcome })),
    episodes: revolving.copied<Episode>(c.episodes, (e) => ({
      line: e.line,
      dueDay: e.dueDay,
      curedDay: e.curedDay,
      worst: e.worst,
      chargedOff: e.chargedOff,
      over: [e.over[0], e.over[1], e.over[2]],
    })),
    monthEnds: revolving.copied(c.monthEnds, (m) => ({ day: m.day, good: m.good, record: m.record })),
    huabei: Object.assign(line(copy.huabei, c.huabei), {
      ledger: revolving.forkRevolving(c.huabei.ledger),
      purchaseDays: [...c.huabei.purchaseDays],
      pauses: [...c.huabei.pauses],
    }),
    jiebei: Object.assign(line(copy.jiebei, c.jiebei), { book: loans.forkLoanBook(c.jiebei.book) }),
  });
}

/**
 * The customer with some of its fields in place of its own (`changes`: another policy, profile, record or
 * line), sharing everything else — its lines too, as `{ ...c, ...changes }` did: a literal in newCustomer's
 * order, so that every rule reading customers and their copies meets one hidden class. A spread gave each
 * copy one of its own, and the rules that read them (the review among them: customer service's copies run
 * beside it) megamorphic (docs/performance.md).
 */
export function customerWith(c: Customer, changes: Partial<Customer>): Customer {
  return {
    profile: changes.profile ?? c.profile,
    policy: changes.policy ?? c.policy,
    inquiries: changes.inquiries ?? c.inquiries,
    profileChanges: changes.profileChanges ?? c.profileChanges,
    verifiedChanges: changes.verifiedChanges ?? c.verifiedChanges,
    keyChange: changes.keyChange !== undefined ? changes.keyChange : c.keyChange,
    burstDay: changes.burstDay ?? c.burstDay,
    burstAmounts: changes.burstAmounts ?? c.burstAmounts,
    burstLimits: changes.burstLimits ?? c.burstLimits,
    verifiedDay: changes.verifiedDay ?? c.verifiedDay,
    records: changes.records ?? c.records,
    episodes: changes.episodes ?? c.episodes,
    monthEnds: changes.monthEnds ?? c.monthEnds,
    huabei: changes.huabei ?? c.huabei,
    jiebei: changes.jiebei ?? c.jiebei,
  };
}

/** A profile's copy: a literal in newCustomer's order (customerWith). */
export const profileCopy = (p: Profile): Profile => ({
  age: p.age,
  monthlyIncome: p.monthlyIncome,
  verified: p.verified,
  creditHistoryMonths: p.creditHistoryMonths,
  externalDebt: p.externalDebt,
});

/** A shallow copy of Huabei (shallowCopy's): a literal in newHuabei's order. */
export function huabeiCopy(h: HuabeiLine): HuabeiLine {
  return {
    status: h.status,
    cause: h.cause,
    limit: h.limit,
    openedDay: h.openedDay,
    lastOpenedDay: h.lastOpenedDay,
    usedDay: h.usedDay,
    keptSinceUse: h.keptSinceUse,
    unusedTermsDay: h.unusedTermsDay,
    extendedDay: h.extendedDay,
    statusDay: h.statusDay,
    reasonsOnRecord: h.reasonsOnRecord,
    factsOnRecord: h.factsOnRecord,
    recordDay: h.recordDay,
    blockersNamed: h.blockersNamed,
    heldOver: h.heldOver,
    cut: h.cut,
    lastIncreaseDay: h.lastIncreaseDay,
    restoredDay: h.restoredDay,
    lastReviewRequest: h.lastReviewRequest,
    declinedAsk: h.declinedAsk,
    declinedApplication: h.declinedApplication,
    lastLimit: h.lastLimit,
    previousPolicy: h.previousPolicy,
    policyBefore: h.policyBefore,
    suspendedUnder: h.suspendedUnder,
    recordedForCredit: h.recordedForCredit,
    toTerm: h.toTerm,
    grid: h.grid,
    monthWorst: h.monthWorst,
    reportedBalance: h.reportedBalance,
    reportedLimit: h.reportedLimit,
    reported: h.reported,
    id: h.id,
    ledger: h.ledger,
    purchaseDays: h.purchaseDays,
    pauses: h.pauses,
    shutSince: h.shutSince,
  };
}

/** A shallow copy of Jiebei (shallowCopy's): a literal in newJiebei's order. */
function jiebeiCopy(j: JiebeiLine): JiebeiLine {
  return {
    status: j.status,
    cause: j.cause,
    limit: j.limit,
    openedDay: j.openedDay,
    lastOpenedDay: j.lastOpenedDay,
    usedDay: j.usedDay,
    keptSinceUse: j.keptSinceUse,
    unusedTermsDay: j.unusedTermsDay,
    extendedDay: j.extendedDay,
    statusDay: j.statusDay,
    reasonsOnRecord: j.reasonsOnRecord,
    factsOnRecord: j.factsOnRecord,
    recordDay: j.recordDay,
    blockersNamed: j.blockersNamed,
    heldOver: j.heldOver,
    cut: j.cut,
    lastIncreaseDay: j.lastIncreaseDay,
    restoredDay: j.restoredDay,
    lastReviewRequest: j.lastReviewRequest,
    declinedAsk: j.declinedAsk,
    declinedApplication: j.declinedApplication,
    lastLimit: j.lastLimit,
    previousPolicy: j.previousPolicy,
    policyBefore: j.policyBefore,
    suspendedUnder: j.suspendedUnder,
    recordedForCredit: j.recordedForCredit,
    toTerm: j.toTerm,
    grid: j.grid,
    monthWorst: j.monthWorst,
    reportedBalance: j.reportedBalance,
    reportedLimit: j.reportedLimit,
    reported: j.reported,
    id: j.id,
    book: j.book,
  };
}

/** A shallow copy of a line, either: huabeiCopy or jiebeiCopy. */
export const lineCopy = <L extends Line>(l: L): L =>
  (l.id === "huabei" ? huabeiCopy(l as HuabeiLine) : jiebeiCopy(l as JiebeiLine)) as L;

/**
 * A shallow copy of the customer and of its two lines — what a rule reads as another file (the customer once
 * a grant is used), sharing everything beneath (records, ledger, loans). Object literals with the fields in
 * newHuabei's, newJiebei's and newCustomer's order, so that the copies keep their hidden classes: copies
 * made by spreads gave the rules that read them a second kind of each object (the review bench's reviews ran
 * three times as long), and copies onto a new customer's objects (forkCustomer's way) made and dropped all
 * of its lists. A field added to a line or the customer is a type error here until it is copied.
 */
export function shallowCopy(c: Customer): Customer {
  return customerWith(c, { huabei: huabeiCopy(c.huabei), jiebei: jiebeiCopy(c.jiebei) });
}

export const lineOf = (c: Customer, id: LineId): Line => (id === "huabei" ? c.huabei : c.jiebei);

/** The customer's other line than `l`. */
export const otherOf = (c: Customer, l: Line): Line => (l.id === "huabei" ? c.jiebei : c.huabei);

export const isOpen = (l: Line): boolean => l.status === "active" || l.status === "suspended";

/** The cause of a line's suspension for credit or policy, beneath a security hold too (null: none, or a
 *  hold alone). */
export const suspendedFor = (l: Line): "credit" | "policy" | null => {
  if (l.status !== "suspended") return null;
  const cause = l.cause === "security" ? (l.heldOver?.cause ?? null) : l.cause;
  return cause === "credit" || cause === "policy" ? cause : null;
};

/** Whether a closed line's instalments keep their amounts and due days — Jiebei's loans, Huabei's
 *  instalment plans: a line the lender closed when the customer was in no default (acceleration answers a
 *  default): for policy (the lender's own change), or for credit or security with nothing past due on
 *  either line and no debt written off — a burden too high, a score too low, a hold never verified end the
 *  line, not a loan paid as agreed. Huabei's revolving balance has no term: its closing statement calls it
 *  in all the same. */
export const runsToTerm = (line: Line): boolean => line.status === "closed" && line.toTerm;

/** Whether the lender's closure of `line` today answers a default — something past due on either line, or
 *  a debt written off on either — and so calls in its instalments (accelerates them). Either line: both are
 *  the one lender's credit to the customer, and a loan contract's events of default include failing to
 *  repay another debt owed to the lender when due (cross-default): a Jiebei loan paid on time is called in
 *  by a closure that cites Huabei's overdue, as by one that cites its write-off. */
export const closureAnswersDefault = (c: Customer, line: Line): boolean =>
  overdue(line) > 0 ||
  overdue(otherOf(c, line)) > 0 ||
  c.huabei.status === "charged_off" ||
  c.jiebei.status === "charged_off";

/** What the lender's closure of a line called in and is still owed: everything on a line whose closure
 *  answered a default; on one whose instalments run to term, only Huabei's balance stated by the closure
 *  (instalments left to run to term are not called in). 0 on a line that is not closed. */
export function calledIn(l: Line): Fen {
  if (l.status !== "closed") return 0;
  if (!runsToTerm(l)) return owed(l);
  return l.id === "huabei" && l.statusDay !== null ? revolving.statedBy(l.ledger, l.statusDay) : 0;
}

/** What the customer owes on a line (including written-off debt: it is still owed). */
export const owed = (l: Line): Fen =>
  l.id === "huabei" ? revolving.balance(l.ledger) : loans.balance(l.book);

/** The credit left on a line, before its status is read (a suspended line lends nothing): Huabei's limit
 *  less everything owed, a revolving line's interest and charges billed against the limit as a card's are;
 *  Jiebei's limit less the principal owed — a cash-loan limit caps the money lent, and the interest the
 *  loans bear is paid on their due days without using it (Jiebei shows its available limit so). Negative
 *  when a cut limit or charges leave less than nothing. */
export const availableCredit = (l: Line): Fen =>
  l.limit - (l.id === "huabei" ? revolving.balance(l.ledger) : loans.principalOwed(l.book));

/** What was written off on a line as the lender's loss (repaid since or not). */
export const writtenOff = (l: Line): Fen => (l.id === "huabei" ? l.ledger.writtenOff : l.book.writtenOff);

export const overdue = (l: Line): Fen =>
  l.id === "huabei" ? revolving.overdueAmount(l.ledger) : loans.overdueAmount(l.book);

/** Days past the due day of the line's oldest unpaid overdue amount (0 when nothing is overdue). */
export function daysPastDue(l: Line, day: number): number {
  const since = l.id === "huabei" ? revolving.oldestArrears(l.ledger) : loans.oldestArrears(l.book);
  // subtracted on every call (none in arrears: from itself), not first on a line in arrears after the many
  // functions this is inlined in were optimised (docs/performance.md, "optimised once")
  return day - (since ?? day);
}

/** The worst of the two lines: what the overdue rules and the score read. */
export const customerDaysPastDue = (c: Customer, day: number): number =>
  Math.max(daysPastDue(c.huabei, day), daysPastDue(c.jiebei, day));

export const customerOverdue = (c: Customer): Fen => overdue(c.huabei) + overdue(c.jiebei);

export const charges = (l: Line): Fen =>
  l.id === "huabei" ? revolving.charges(l.ledger) : loans.charges(l.book);

/** A line's rules under a policy: Huabei reads the base parameters, Jiebei its own `jiebei…` ones. */
export interface LineRules {
  minOpenScore: number;
  minIncreaseScore: number;
  minScore: number;
  restoreScore: number;
  maxDebtToIncome: number;
  maxLimitIncomeMultiple: number;
  minLimit: number;
  limitBands: readonly LimitBand[];
}

export function rulesFor(p: Policy, id: LineId): LineRules {
  if (id === "huabei") return p;
  return {
    minOpenScore: p.jiebeiMinOpenScore,
    minIncreaseScore: p.jiebeiMinIncreaseScore,
    minScore: p.jiebeiMinScore,
    restoreScore: p.jiebeiRestoreScore,
    maxDebtToIncome: p.jiebeiMaxDebtToIncome,
    maxLimitIncomeMultiple: p.jiebeiMaxLimitIncomeMultiple,
    minLimit: p.jiebeiMinLimit,
    limitBands: p.jiebeiLimitBands,
  };
}

/** How many of `days` are on or before `day`. Each list of days is ascending (appended to as the days go
 *  by): a binary search, because a customer may make 100,000 purchases in one day and every step scores
 *  them — counting them one by one made a long list's run take minutes. */
export function countUpTo(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the ascending `days` fall within the `window` days ending on `day` — of those from index
 *  `from` on. */
export function countWithin(days: readonly number[], day: number, window: number, from = 0): number {
  return Math.max(0, countUpTo(days, day) - Math.max(from, countUpTo(days, day - window)));
}

/** The latest day an overdue episode was cured (−∞ when never overdue). */
export function lastCured(c: Customer): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const e of c.episodes) if (e.curedDay !== null && e.curedDay > last) last = e.curedDay;
  return last;
}

/** The latest due date missed (−∞ when none): with its cure, where the clean-record rules count from (cleanSince). */
export function lastMissed(c: Customer): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const r of c.records) if (r.outcome === "missed" && r.dueDay > last) last = r.dueDay;
  return last;
}

/** `{ line }` naming the other line when what a clean-record rule counts from (`since`: a cure, with
 *  `missed` a missed due date too) was made on that line alone — as an overdue's fact names the line that
 *  is overdue (otherLine): a Jiebei never late, declined "a due date was missed 5 days ago" (Huabei's
 *  bill), was told nothing of which. */
export function recordLine(c: Customer, line: Line, since: number, missed: boolean): { line?: LineId } {
  let own = false;
  let other = false;
  const mark = (id: LineId) => {
    if (id === line.id) own = true;
    else other = true;
  };
  for (const e of c.episodes) if (e.curedDay === since) mark(e.line);
  if (missed) for (const r of c.records) if (r.outcome === "missed" && r.dueDay === since) mark(r.line);
  return other && !own ? { line: otherOf(c, line).id } : {};
}

/** Months of its own record a customer needs before it counts as one (a scoring convention: a bureau score
 *  needs about six months of history). */
const THIN_FILE_MONTHS = 6;

/** True while the customer has no repayment record to score (a thin file): fewer than six months of it,
 *  counting the months of history elsewhere and the month ends of repayment record with a line of ours
 *  together — months with nothing due and nothing owed are none: a line never used is no record, however
 *  long it has been open. One month elsewhere is no more a record than one month of ours (it once was: a
 *  full record at once, 772 against 683, four times the thin-file cap and a cash line). */
export function thinFile(c: Customer): boolean {
  let months = c.profile.creditHistoryMonths;
  if (months >= THIN_FILE_MONTHS) return false;
  for (const m of c.monthEnds) if (m.record && ++months >= THIN_FILE_MONTHS) return false;
  return true;
}

/** The month ends of repayment record a thin file still needs to hold six months of it (0: none). */
export function recordShort(c: Customer): number {
  let months = c.profile.creditHistoryMonths;
  for (const m of c.monthEnds) if (m.record) months++;
  return Math.max(0, THIN_FILE_MONTHS - months);
}

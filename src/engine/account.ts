// The state of one customer during a run, and the facts derived from it on a given day
// (score inputs, eligibility, the limit the score supports). Mutable within one run only.

import { balance, type Ledger, newLedger, overdueAmount, overdueDays } from "./ledger.js";
import { FEN_PER_YUAN } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import { type ScoreInputs, score } from "./scorecard.js";
import type { Cause, Fen, Policy, PolicyParams, Profile, Snapshot, Status } from "./types.js";

export interface Account {
  status: Status;
  cause: Cause | null;
  limit: Fen;
  openedDay: number | null;
  suspendedDay: number | null;
  ledger: Ledger;
  profile: Profile;
  /** the balance reported at the last statement (what a bureau sees), lowered by repayments since:
   *  a purchase moves utilisation at the next statement, a repayment at once */
  reportedBalance: Fen;
  /** days of credit applications, own and elsewhere (ascending) */
  inquiries: number[];
  /** days of bound-detail changes (ascending) */
  profileChanges: number[];
  /** days of approved purchases (ascending) */
  purchaseDays: number[];
  /** profile changes before this day no longer count towards a security suspension */
  verifiedDay: number;
  policy: Policy;
  /** the policy in force before the latest `policy` event, for telling a policy cause from a credit one */
  previousPolicy: Policy | null;
  lastReviewRequest: number | null;
  /** the reasons of the decision that set the current status: what customer service quotes */
  reasonsOnRecord: ReasonCode[];
}

export function newAccount(profile: Profile, policy: Policy): Account {
  return {
    status: "none",
    cause: null,
    limit: 0,
    openedDay: null,
    suspendedDay: null,
    ledger: newLedger(-1),
    profile: { ...profile },
    reportedBalance: 0,
    inquiries: [],
    profileChanges: [],
    purchaseDays: [],
    verifiedDay: profile.verified ? 0 : Number.NEGATIVE_INFINITY,
    policy,
    previousPolicy: null,
    lastReviewRequest: null,
    reasonsOnRecord: [],
  };
}

/** How many of the ascending `days` fall within the `window` days ending on `day`. */
export function countWithin(days: readonly number[], day: number, window: number): number {
  let n = 0;
  for (let i = days.length - 1; i >= 0; i--) {
    const d = days[i]!;
    if (d > day) continue;
    if (day - d >= window) break;
    n++;
  }
  return n;
}

export function debtToIncome(a: Account): number | null {
  const annualIncome = a.profile.monthlyIncome * 12 * FEN_PER_YUAN;
  if (annualIncome <= 0) return null;
  return (a.profile.externalDebt + balance(a.ledger)) / annualIncome;
}

function scoreInputs(a: Account, day: number): ScoreInputs {
  const l = a.ledger;
  let episodes = 0;
  let worst = 0;
  for (const d of l.delinquencies) {
    const end = d.curedDay ?? day;
    if (end < day - 365) continue;
    worst = Math.max(worst, end - d.dueDay);
    if (end >= day - 180) episodes++;
  }
  let onTime = 0;
  let revolving = 0;
  for (const b of l.bills) {
    if (b.dueDay >= day || day - b.dueDay > 730) continue;
    if (b.overdue === true) continue;
    if (b.settledByDue === true) onTime++;
    else if (b.settledByDue === false && b.principalPaid >= b.minimum) {
      onTime++;
      if (day - b.dueDay <= 180) revolving++;
    }
  }
  const elsewhereMonths = a.profile.creditHistoryMonths + Math.floor(day / 30);
  const ownMonths = a.openedDay === null ? 0 : Math.floor((day - a.openedDay) / 30);
  const open = a.status === "active" || a.status === "suspended";
  return {
    overdueDaysNow: overdueDays(l, day),
    overdueEpisodes180d: episodes,
    worstOverdueDays365d: worst,
    onTimeBills24m: onTime,
    monthlyIncome: a.profile.monthlyIncome,
    utilisation: open && a.limit > 0 ? a.reportedBalance / a.limit : null,
    debtToIncome: debtToIncome(a),
    revolvingBills180d: revolving,
    historyMonths: a.profile.creditHistoryMonths > 0 ? Math.max(elsewhereMonths, ownMonths) : ownMonths,
    purchases90d: countWithin(a.purchaseDays, day, 90),
    inquiries30d: countWithin(a.inquiries, day, 30),
    inquiries180d: countWithin(a.inquiries, day, 180),
    verified: a.profile.verified,
    profileChanges90d: countWithin(a.profileChanges, day, 90),
    age: a.profile.age + Math.floor(day / 365),
  };
}

export function scoreOn(a: Account, day: number): { score: number; points: number[]; inputs: ScoreInputs } {
  const inputs = scoreInputs(a, day);
  const r = score(inputs);
  return { score: r.score, points: r.points, inputs };
}

/** The policy's eligibility rules this account fails (beyond the score), as reason codes. */
export function eligibilityFailures(
  a: Account,
  policy: PolicyParams,
  failures: ReasonCode[] = [],
): ReasonCode[] {
  if (policy.requireVerified && !a.profile.verified) failures.push("IDENTITY_REQUIRED");
  const dti = debtToIncome(a);
  if (dti !== null && dti > policy.maxDebtToIncome) failures.push("DEBT_TO_INCOME_TOO_HIGH");
  return failures;
}

/** The highest limit the score and income support under a policy, in fen, in whole hundreds of yuan. */
export function supportedLimit(scoreValue: number, monthlyIncome: number, policy: PolicyParams): Fen {
  let bandMax = 0;
  for (const b of policy.limitBands) if (scoreValue >= b.minScore) bandMax = Math.max(bandMax, b.maxLimit);
  const incomeMax = monthlyIncome * policy.maxLimitIncomeMultiple;
  const yuan = Math.floor(Math.min(bandMax, incomeMax) / 100) * 100;
  return Math.max(yuan, bandMax > 0 ? policy.minLimit : 0) * FEN_PER_YUAN;
}

export function snapshot(a: Account, day: number, scoreValue: number): Snapshot {
  const l = a.ledger;
  const bal = balance(l);
  return {
    day,
    score: scoreValue,
    limit: a.limit,
    balance: bal,
    available: a.status === "active" ? Math.max(0, a.limit - bal) : 0,
    overdue: overdueAmount(l),
    overdueDays: overdueDays(l, day),
    status: a.status,
    cause: a.cause,
    purchases: l.purchases,
    repayments: l.repayments,
    charges: l.charges,
    penalties: l.penalties,
  };
}

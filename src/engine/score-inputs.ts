// The facts the scorecard reads, derived from the customer on a day. Every input is a fact about the
// customer's own conduct or circumstances, never about the lender's action: activity counts the purchases
// the customer made or tried to make (declined ones too); utilisation is what was reported at the last
// month end (a bureau's monthly snapshot), so a repayment moves it at the next report, not within the week.

import {
  type Customer,
  countWithin,
  customerDaysPastDue,
  type HuabeiLine,
  isOpen,
  owed,
  thinFile,
} from "./customer.js";
import * as loans from "./loans.js";
import { FEN_PER_YUAN } from "./money.js";
import { episodeDepth } from "./record.js";
import { type ScoreInputs, score } from "./scorecard.js";

const MONTH = 30;

/** (external debt + what is owed on both lines) / annual income; without income, any debt is beyond every
 *  ratio (Infinity) and no debt is none (0). */
export function debtToIncome(c: Customer): number {
  const debt = c.profile.externalDebt + owed(c.huabei) + owed(c.jiebei);
  const annualIncome = c.profile.monthlyIncome * 12 * FEN_PER_YUAN;
  if (annualIncome <= 0) return debt > 0 ? Number.POSITIVE_INFINITY : 0;
  return debt / annualIncome;
}

/** Purchases the customer made or tried to make on Huabei in the last 90 days: a purchase declined while
 *  the line was suspended still shows the customer's habit (the lender stopped it, not the customer). */
function activity(h: HuabeiLine, day: number): number | null {
  if (h.status === "none" && h.purchaseDays.length === 0) return null;
  return countWithin(h.purchaseDays, day, 90);
}

function utilisation(c: Customer): number | null {
  const h = c.huabei;
  if (!h.reported || h.reportedLimit <= 0) return null;
  // a closed line counts while it is still owed on (closing a line in debt does not hide the debt)
  if (!isOpen(h) && h.reportedBalance === 0) return null;
  return h.reportedBalance / h.reportedLimit;
}

export function scoreInputs(c: Customer, day: number): ScoreInputs {
  const thin = thinFile(c);
  let worst = 0;
  let serious = 0;
  for (const e of c.episodes) {
    const end = e.curedDay ?? day;
    const depth = e.chargedOff
      ? Math.max(episodeDepth(e, day), c.policy.chargeOffDays)
      : episodeDepth(e, day);
    if (end >= day - 730) worst = Math.max(worst, depth);
    if (end >= day - 1825) serious += (depth >= 90 ? 1 : 0) + (e.chargedOff ? 1 : 0);
  }
  let missed = 0;
  let met = 0;
  let revolved = 0;
  for (const r of c.records) {
    const age = day - r.dueDay;
    if (r.outcome === "missed") {
      if (age <= 365) missed++;
    } else if (age <= 730) {
      met++;
      if (r.outcome === "revolved" && age <= 180) revolved++;
    }
  }
  // history elsewhere: a clean record, one due date a month (it runs on beside ours)
  const elsewhere =
    c.profile.creditHistoryMonths > 0 ? c.profile.creditHistoryMonths + Math.floor(day / MONTH) : 0;
  const ownMonths = c.huabei.openedDay === null ? 0 : Math.floor((day - c.huabei.openedDay) / MONTH);
  const jiebeiMonths = c.jiebei.openedDay === null ? 0 : Math.floor((day - c.jiebei.openedDay) / MONTH);
  return {
    daysPastDueNow: thin ? null : customerDaysPastDue(c, day),
    worstDaysPastDue24m: thin ? null : worst,
    missedDues12m: thin ? null : missed,
    onTimeDues24m: thin ? null : met + Math.min(24, elsewhere),
    seriousDelinquency60m: thin ? null : serious,
    utilisation: utilisation(c),
    debtToIncome: debtToIncome(c),
    revolvingDues6m: thin ? null : revolved,
    monthlyIncome: c.profile.monthlyIncome,
    historyMonths: Math.max(elsewhere, ownMonths, jiebeiMonths),
    purchases90d: activity(c.huabei, day),
    inquiries30d: countWithin(c.inquiries, day, 30),
    inquiries180d: countWithin(c.inquiries, day, 180),
    verified: c.profile.verified,
    profileChanges90d: countWithin(c.profileChanges, day, 90),
    age: c.profile.age + Math.floor(day / 365),
  };
}

export interface Scored {
  score: number;
  points: number[];
  inputs: ScoreInputs;
}

export function scoreOn(c: Customer, day: number): Scored {
  const inputs = scoreInputs(c, day);
  const r = score(inputs);
  return { score: r.score, points: r.points, inputs };
}

/** Principal owed on Jiebei loans: what a new drawdown adds to. */
export const jiebeiPrincipal = (c: Customer) => loans.principalOwed(c.jiebei.book);

// Customer service: the answer to `contact_support` — why the account was suspended or closed (the reasons
// on record, dated), what stands in the way now (reasons that are true today), and concrete steps.

import { type Account, debtToIncome, eligibilityFailures } from "./account.js";
import type { Calendar } from "./calendar.js";
import { balance, overdueAmount } from "./ledger.js";
import type { ReasonCode } from "./reasons.js";
import { lastCured, restorationBlockers, type Scored } from "./review.js";
import { scoreReasons } from "./scorecard.js";
import type { Remedy } from "./types.js";

export interface SupportAnswer {
  reasons: ReasonCode[];
  remedies: Remedy[];
}

export function answerSupport(a: Account, day: number, s: Scored, calendar: Calendar): SupportAnswer {
  const p = a.policy;
  const drivers = scoreReasons(s.points);
  const remedies: Remedy[] = [];
  const overdue = overdueAmount(a.ledger);
  if (overdue > 0) remedies.push({ kind: "pay_overdue", amount: overdue });

  if (a.status === "none") return { reasons: ["NO_ACCOUNT"], remedies };
  if (a.status === "active") return { reasons: drivers, remedies };
  const since = a.suspendedDay ?? day;
  remedies.unshift({ kind: "on_record", day: since, date: calendar.date(since), reasons: a.reasonsOnRecord });
  if (a.status === "closed") {
    const owed = balance(a.ledger);
    if (owed > 0 && overdue === 0) remedies.push({ kind: "pay_balance", amount: owed });
    if (owed === 0) remedies.push({ kind: "reapply" });
    return { reasons: a.reasonsOnRecord, remedies };
  }
  if (a.cause === "security") {
    remedies.push({ kind: "verify_identity" });
    return { reasons: a.reasonsOnRecord, remedies };
  }
  for (const failure of eligibilityFailures(a, p)) {
    if (failure === "IDENTITY_REQUIRED") remedies.push({ kind: "verify_identity" });
    if (failure === "DEBT_TO_INCOME_TOO_HIGH") {
      remedies.push({ kind: "reduce_debt", ratio: debtToIncome(a) ?? 0, max: p.maxDebtToIncome });
    }
  }
  const cleanFrom = lastCured(a) + p.restoreCleanDays;
  if (overdue === 0 && cleanFrom > day)
    remedies.push({ kind: "keep_clean_until", day: cleanFrom, date: calendar.date(cleanFrom) });
  if (s.score < p.restoreScore) {
    remedies.push({ kind: "raise_score", current: s.score, needed: p.restoreScore, drivers });
    // the day the last recent application leaves the 30-day window
    const latest = a.inquiries.filter((d) => d <= day && day - d < 30).at(-1);
    if (latest !== undefined) {
      remedies.push({ kind: "wait_for_inquiries", day: latest + 30, date: calendar.date(latest + 30) });
    }
  }
  const next = calendar.nextDayOfMonth(day, p.reviewDayOfMonth);
  remedies.push({ kind: "wait_for_review", day: next, date: calendar.date(next) });
  // what is true today: the blockers of restoration, then the score's drivers
  const reasons = restorationBlockers(a, day, s);
  for (const r of drivers) if (reasons.length < 5 && !reasons.includes(r)) reasons.push(r);
  return { reasons, remedies };
}

// Customer service: the answer to `contact_support`, for both lines — why a line was suspended, closed or
// charged off (the reasons on record, dated), what stands in the way now (reasons true today), and steps
// the customer can actually take in the model (pay, verify, pay down debt, wait for a dated review).

import type { Calendar } from "./calendar.js";
import { type Customer, customerOverdue, type Line, lastCured, overdue, owed, rulesFor } from "./customer.js";
import { eligibilityFailures } from "./eligibility.js";
import type { ReasonCode } from "./reasons.js";
import { restorationBlockers } from "./review.js";
import { debtToIncome, type Scored } from "./score-inputs.js";
import { scoreReasons } from "./scorecard.js";
import type { Remedy } from "./types.js";
import { principalReasons } from "./verdict.js";

export interface SupportAnswer {
  reasons: ReasonCode[];
  remedies: Remedy[];
}

/** Characteristics only time improves: cited as reasons, never offered as something to do. */
const TIME_ONLY: readonly ReasonCode[] = ["SHORT_HISTORY", "YOUNG_CREDIT_PROFILE", "SERIOUS_DELINQUENCY"];

const MAX_REASONS = 4;

export function answerSupport(c: Customer, day: number, s: Scored, calendar: Calendar): SupportAnswer {
  const lines = [c.huabei, c.jiebei].filter((l) => l.status !== "none");
  if (lines.length === 0) return { reasons: ["NO_ACCOUNT"], remedies: [] };
  const drivers = scoreReasons(s, MAX_REASONS);
  const reasons: ReasonCode[] = [];
  const remedies: Remedy[] = [];
  for (const line of lines) {
    if (overdue(line) > 0) remedies.push({ line: line.id, kind: "pay_overdue", amount: overdue(line) });
  }
  for (const line of lines) {
    if (line.status === "active") continue;
    const since = line.statusDay ?? day;
    remedies.push({
      line: line.id,
      kind: "on_record",
      status: line.status,
      day: since,
      date: calendar.date(since),
      reasons: line.reasonsOnRecord,
    });
    if (line.status === "suspended") {
      for (const code of suspendedLine(c, line, day, s, calendar, remedies))
        if (!reasons.includes(code)) reasons.push(code);
    } else {
      const balance = owed(line);
      if (balance > 0 && overdue(line) === 0)
        remedies.push({ line: line.id, kind: "pay_balance", amount: balance });
      if (balance === 0 && line.status === "closed") remedies.push({ line: line.id, kind: "reapply" });
      for (const code of line.reasonsOnRecord) if (!reasons.includes(code)) reasons.push(code);
    }
  }
  // what is true today: on an active customer the score's drivers (what they asked about); otherwise each
  // line's blockers, with the score's drivers only where a blocker is the score (as a decision cites them)
  if (reasons.length === 0) return { reasons: drivers, remedies };
  return { reasons: principalReasons(reasons, s), remedies };
}

function suspendedLine(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  remedies: Remedy[],
): ReasonCode[] {
  const p = c.policy;
  if (line.cause === "security") {
    remedies.push({ line: line.id, kind: "verify_identity" });
    return line.reasonsOnRecord;
  }
  const rules = rulesFor(p, line.id);
  for (const failure of eligibilityFailures(c, rules, p)) {
    if (failure.code === "IDENTITY_REQUIRED") remedies.push({ line: line.id, kind: "verify_identity" });
    if (failure.code === "DEBT_TO_INCOME_TOO_HIGH")
      remedies.push({
        line: line.id,
        kind: "reduce_debt",
        ratio: debtToIncome(c) ?? 0,
        max: rules.maxDebtToIncome,
      });
  }
  const cleanFrom = lastCured(c) + p.restoreCleanDays;
  if (customerOverdue(c) === 0 && cleanFrom > day)
    remedies.push({
      line: line.id,
      kind: "keep_clean_until",
      day: cleanFrom,
      date: calendar.date(cleanFrom),
    });
  if (s.score < rules.restoreScore) {
    const drivers = scoreReasons(s, MAX_REASONS).filter((r) => !TIME_ONLY.includes(r));
    remedies.push({
      line: line.id,
      kind: "raise_score",
      current: s.score,
      needed: rules.restoreScore,
      drivers,
    });
    // the day the last recent application leaves the 30-day window
    const latest = c.inquiries.filter((d) => d <= day && day - d < 30).at(-1);
    if (latest !== undefined)
      remedies.push({
        line: line.id,
        kind: "wait_for_inquiries",
        day: latest + 30,
        date: calendar.date(latest + 30),
      });
  }
  const next = calendar.nextDayOfMonth(day, p.reviewDayOfMonth);
  remedies.push({ line: line.id, kind: "wait_for_review", day: next, date: calendar.date(next) });
  return restorationBlockers(c, line, day, s).map((f) => f.code);
}

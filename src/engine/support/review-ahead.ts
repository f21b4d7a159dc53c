// The next periodic review as customer service reads it ahead, for the active lines: a suspension it would
// bring, said before it happens with what changes it (unless an overdue left unpaid acts first), a
// closure of a line left unused, and a limit cut.

import type { Calendar } from "../calendar.js";
import { type Customer, customerOverdue, type Line, lineOf } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import type { DueRecord } from "../record.js";
import { asNextReviewReads, billsInFull, duesAhead } from "../report-ahead.js";
import { dormantClosingReview, dormantNoticeDay, unusedDays } from "../review.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { keptStandard, lineManagement } from "../standard.js";
import { reviewOnOrAfter } from "../state.js";
import type { Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";
import { cite, citeFacts, type SupportAnswer } from "./citing.js";
import { lessElsewhere, overduePaid, withDues, withProfile } from "./read-ahead.js";
import { nextDeadline, unusedClosure } from "./reminders.js";
import { standardRemedies } from "./standard-steps.js";

/** The next review as the answer reads it. */
export interface NextReview {
  day: number;
  /** an end-of-day check an overdue left unpaid brings acts by then (the overdue check runs before it) */
  deadlineFirst: boolean;
  anyActive: boolean;
  /** the customer as it reads them: the lines' balances as the last report before it shows them — a month
   *  end before it reports what was repaid or spent since the one on record, as the debt advice counts it */
  read: Customer;
  /** the due dates before it, met at their minimum */
  dues: DueRecord[];
  /** the score it reads (today's only on the review's own day: by a later one, what ages out of a window
   *  has left it) */
  atReview: Scored;
  /** the customer as it reads them with every overdue paid today, and that score (null: nothing overdue,
   *  or a check acts first) */
  paid: { read: Customer; s: Scored } | null;
}

/** The next review, read as it will read the customer (only beside an active line). */
export function nextReview(
  c: Customer,
  lines: readonly Line[],
  day: number,
  s: Scored,
  calendar: Calendar,
): NextReview {
  const next = reviewOnOrAfter(calendar, day, c.policy);
  const deadlineFirst = lines.some((l) => {
    const d = nextDeadline(c, l, day);
    return d !== null && d.day <= next;
  });
  const anyActive = lines.some((l) => l.status === "active");
  const read = anyActive ? asNextReviewReads(c, day, calendar) : c;
  const dues = anyActive ? duesAhead(c, day, calendar, next) : [];
  const atReview = read === c && dues.length === 0 && next === day ? s : scoreOn(withDues(read, dues), next);
  // the review suspends for the overdue when, paid today, it would not: that review is then what leaving it
  // unpaid brings first, and the pay step names it (once), rather than the later trigger beside a warning
  const paid = customerOverdue(c) > 0 && !deadlineFirst ? overduePaid(c, day, calendar) : null;
  return { day: next, deadlineFirst, anyActive, read, dues, atReview, paid };
}

/** What the next review does to each line, said before it happens: a suspension with the steps that change
 *  it and its reasons, and a closure of a line left unused. Returns the lines it suspends for the overdue
 *  alone — paid today, it would not — which the pay step names instead. */
export function reviewSteps(
  c: Customer,
  lines: readonly Line[],
  day: number,
  calendar: Calendar,
  review: NextReview,
  answer: SupportAnswer,
): LineId[] {
  const { day: next, deadlineFirst, read, atReview, paid } = review;
  const remedies = answer.remedies;
  const forOverdue: LineId[] = [];
  for (const line of lines) {
    // a line left unused whose notice is given: the review it names closes it — said from the notice on,
    // though a review comes between (asked two days after the notice, a customer heard nothing of it)
    const noticed = noticedClosure(c, line, day, next, calendar);
    // a suspended line left unused: the review closes it as an active one (DORMANT_ACCOUNT) unless its
    // suspension's own time is up first (LONG_SUSPENSION, warned of as closure_due) — it takes no purchase
    // while suspended, so only restored before then and used is it kept
    const closes = line.usedDay !== null && unusedDays(c, line, next, calendar) !== null ? next : noticed;
    if (
      line.status === "suspended" &&
      line.statusDay !== null &&
      closes !== null &&
      closes - line.statusDay < c.policy.closeAfterSuspendedDays
    )
      remedies.push({ ...unusedClosure(line.id, closes, line.usedDay!, calendar), suspended: true });
    if (line.status === "active" && noticed !== null)
      remedies.push(unusedClosure(line.id, noticed, line.usedDay!, calendar));
    if (line.status !== "active" || deadlineFirst) continue;
    const v = keptStandard(read, lineOf(read, line.id), atReview);
    if (v === null || v.decision !== "suspended") {
      // a line the review keeps, left unused: the review closes it unless it is used by then (unusedDays)
      if (line.usedDay !== null && unusedDays(c, line, next, calendar) !== null)
        remedies.push(unusedClosure(line.id, next, line.usedDay, calendar));
      // else its line management, as the review reads the customer: a cut is said before it, as a
      // suspension is (a good customer a tightened policy was about to cut from ¥20,000 to ¥15,000, asking
      // four days before, was told only of the score's characteristics)
      else {
        const cut = lineManagement(read, lineOf(read, line.id), atReview);
        if (cut !== null && cut.decision === "limit_reduced") {
          remedies.push({
            line: line.id,
            kind: "review_cuts",
            day: next,
            date: calendar.date(next),
            from: line.limit,
            to: cut.limit,
            reasons: cut.reasons,
          });
          // the cap that cuts it, with its numbers, among the answer's reasons, as a suspension's are
          cite(
            answer,
            cut.facts.map((f) => f.code),
          );
          citeFacts(answer, cut.facts, line.id, lines.length > 1);
        }
      }
      continue;
    }
    const averted = paid !== null && keptStandard(paid.read, lineOf(paid.read, line.id), paid.s) === null;
    if (averted) forOverdue.push(line.id);
    else
      remedies.push({
        line: line.id,
        kind: "review_suspends",
        day: next,
        date: calendar.date(next),
        reasons: v.reasons,
      });
    standardRemedies(c, line, day, atReview, calendar, v.facts, remedies, next);
    repaidInFullKeeps(c, line, day, calendar, review, v.facts, remedies);
    cite(
      answer,
      v.facts.map((f) => f.code),
    );
    citeFacts(answer, v.facts, line.id, lines.length > 1);
  }
  return forOverdue;
}

/** A score below the minimum that Huabei's bills due before the review, met only at their minimum, bring:
 *  repaid in full by their due date, the review reads a score the line keeps — that is the step, in place
 *  of the score step. */
function repaidInFullKeeps(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  review: NextReview,
  facts: readonly RuleFact[],
  remedies: Remedy[],
): void {
  const { day: next, read, dues, atReview } = review;
  const below = facts.find((f) => f.code === "SCORE_BELOW_MINIMUM");
  const inFull = below?.threshold !== undefined ? billsInFull(c, day, calendar, dues) : null;
  if (below?.threshold === undefined || inFull === null) return;
  const inFullDues = dues.map((r) => (r.line === "huabei" ? { ...r, outcome: "paid" as const } : r));
  const kept = scoreOn(withDues(read, inFullDues), next);
  const at = remedies.findIndex((r) => r.line === line.id && r.kind === "raise_score");
  if (kept.score >= below.threshold && at >= 0)
    remedies[at] = {
      line: line.id,
      kind: "repay_in_full",
      due: { day: inFull.day, date: calendar.date(inFull.day) },
      amount: inFull.amount,
      ...(inFull.grace !== null ? { grace: { day: inFull.grace, date: calendar.date(inFull.grace) } } : {}),
      review: { day: next, date: calendar.date(next) },
      reads: atReview.score,
      needed: below.threshold,
      keeps: true,
    };
}

/** The review a line left unused is closed at (dormantClosingReview) when it is a later one than the next
 *  (`next`) and the line's notice has been given: null otherwise — the next review's closure is said on its
 *  own, and before the notice the customer may yet use the line. */
function noticedClosure(
  c: Customer,
  line: Line,
  day: number,
  next: number,
  calendar: Calendar,
): number | null {
  const closes = dormantClosingReview(c, line, day, calendar);
  const notice = dormantNoticeDay(c, line, day, calendar);
  return closes !== null && closes > next && notice !== null && notice <= day ? closes : null;
}

/** Each suspension the next review brings (review_suspends) with the limit that review keeps the line at
 *  once the debt step for it (reduce_debt) is followed, when line management cuts it then (`kept`): the
 *  repayment elsewhere it asks made today, or the income it names reported — each alternative the step
 *  offers, said only when they agree. Li Na asked on day 115 was told what keeps her ¥7,000 line from the
 *  suspension of day 135; followed, that review kept it at ¥3,000 (its score's band), which went unsaid. */
export function keptFollowed(review: NextReview, remedies: Remedy[]): void {
  for (const [i, r] of remedies.entries()) {
    if (r.kind !== "review_suspends" || r.day !== review.day) continue;
    const debt = remedies.find(
      (x): x is Extract<Remedy, { kind: "reduce_debt" }> =>
        x.line === r.line && x.kind === "reduce_debt" && x.review.day === review.day,
    );
    if (debt === undefined) continue;
    // (a repayment on the line itself is read at a month end: only one elsewhere is read as made)
    const followed = [
      debt.repay?.every((x) => x.debt === "elsewhere")
        ? keptAt(review, r.line, lessElsewhere(review.read, debt.repay))
        : undefined,
      debt.income !== null
        ? keptAt(review, r.line, withProfile(review.read, { monthlyIncome: debt.income }))
        : undefined,
    ].filter((k) => k !== undefined);
    const kept = followed[0];
    if (kept == null || followed.some((k) => k?.limit !== kept.limit)) continue;
    remedies[i] = { ...r, kept };
  }
}

/** The limit line `id` is kept at by the review `review` names on `read` (the customer as it reads them, a
 *  step followed), when it keeps the line and line management cuts it; null when it keeps it whole or
 *  still suspends it. */
function keptAt(
  review: NextReview,
  id: LineId,
  read: Customer,
): { limit: number; reasons: ReasonCode[] } | null {
  const s = scoreOn(withDues(read, review.dues), review.day);
  const line = lineOf(read, id);
  if (keptStandard(read, line, s) !== null) return null;
  const cut = lineManagement(read, line, s);
  return cut?.decision === "limit_reduced" ? { limit: cut.limit, reasons: cut.reasons } : null;
}

// Customer service: the answer to `contact_support`, for both lines — why a line was suspended, closed or
// charged off (the reasons on record, dated), what stands in the way now (reasons true today), and steps
// the customer can actually take in the model (pay, verify, pay down debt, wait for a dated review).
//
// The answer is gathered in steps, each line's in the order the customer reads them: what each line asks
// (dues.ts), what the next review does to the active ones (review-ahead.ts), what leaving an overdue unpaid
// costs (overdue-costs.ts), each line not active as it stands on record and its way back
// (suspended-line.ts, closed-line.ts), a cut limit's way back (limit-cut.ts); then its reasons.

import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { scoreReasons } from "../scorecard.js";
import type { Remedy } from "../types.js";
import { principalReasons } from "../verdict.js";
import type { Cause, LineId } from "../vocabulary.js";
import { markAsked } from "./asked-around.js";
import { changeHolds } from "./change-holds.js";
import type { SupportAnswer } from "./citing.js";
import { closedLineSteps } from "./closed-line.js";
import { debtsBesideOverdue, debtsFollowed } from "./debt-followed.js";
import { declinedAsks } from "./declined-ask.js";
import { lineDues } from "./dues.js";
import { incomeGaps, incomesRestoring } from "./income-gap.js";
import { increaseDay } from "./increase-day.js";
import { cutLimitSteps } from "./limit-cut.js";
import { noAccount } from "./no-account.js";
import { overdueCuts, whatUnpaidBrings } from "./overdue-costs.js";
import { repayGaps } from "./repay-gap.js";
import { keptFollowed, nextReview, reviewSteps } from "./review-ahead.js";
import { MAX_REASONS } from "./score-advice.js";
import { suspendedAnswer } from "./suspended-line.js";
import { restorationsAhead } from "./suspends-ahead.js";

export function answerSupport(c: Customer, day: number, s: Scored, calendar: Calendar): SupportAnswer {
  const lines = [c.huabei, c.jiebei].filter((l) => l.status !== "none");
  if (lines.length === 0) return noAccount(c, day, s, calendar);
  const answer: SupportAnswer = { reasons: [], facts: [], remedies: [] };
  for (const line of lines) answer.remedies.push(...lineDues(c, line, day, calendar));
  // an active line the next review would suspend: said before it happens, with what changes it — unless an
  // overdue left unpaid suspends or writes off first, which paying it, as said above, prevents
  const review = nextReview(c, lines, day, s, calendar);
  const forOverdue = reviewSteps(c, lines, day, calendar, review, answer);
  const cuts = overdueCuts(c, lines, day, calendar, review);
  whatUnpaidBrings(c, lines, day, calendar, review, forOverdue, cuts, answer.remedies);
  // bound details changed as often as the policy allows: until when one more puts a security hold on
  answer.remedies.push(...changeHolds(c, day, calendar));
  // the score whose characteristics the answer's reasons cite: today's, or the next review's when what
  // stands in the way of a suspended line is what it reads
  let ranked = s;
  for (const line of lines) {
    if (line.status === "active") continue;
    answer.remedies.push(...onRecord(line, day, calendar));
    if (line.status === "suspended")
      ranked = suspendedAnswer(c, line, day, s, calendar, answer, lines.length > 1) ?? ranked;
    else closedLineSteps(c, line, day, s, calendar, answer, lines.length > 1);
  }
  cutLimitSteps(c, lines, day, s, calendar, answer);
  restorationsAhead(c, day, calendar, answer.remedies, (then, on) =>
    answerSupport(then, on, scoreOn(then, on), calendar),
  );
  // a purchase, drawdown or application declined: its reasons, and what would be lent instead, as they
  // stand today — the only thing in the way, the score's drivers are said after them (below)
  const blocked = answer.reasons.length > 0;
  declinedAsks(c, lines, day, s, calendar, answer);
  // a debt step lowered to nothing more to repay (Huabei left suspended at the review it names): the ratio
  // that review reads is within the cap — the line's fact worked out with Huabei back is not said
  for (const id of debtsFollowed(c, day, calendar, answer.remedies)) withinCap(answer, id);
  debtsBesideOverdue(c, day, calendar, answer.remedies);
  incomesRestoring(c, day, calendar, answer.remedies);
  incomeGaps(c, day, calendar, answer.remedies);
  repayGaps(c, day, calendar, answer.remedies);
  keptFollowed(review, answer.remedies);
  markAsked(answer.remedies);
  const drivers = scoreReasons(s, MAX_REASONS);
  const said = principal(answer, drivers, ranked, lines.length === 1 ? lines[0]!.id : undefined);
  // nothing in the way but a decline asked about: the customer asking still learns what holds the score down,
  // as an active customer who asks is told — the decline's reasons first (told only the decline, a customer
  // refused a purchase over the limit lost the score advice the same call gave the day before)
  if (!blocked) for (const r of drivers) if (!said.reasons.includes(r)) said.reasons.push(r);
  return increaseDay(c, day, s, calendar, said);
}

/** The answer without line `id`'s debt-ratio fact — and without the reason when no other fact carries it. */
function withinCap(answer: SupportAnswer, id: LineId): void {
  answer.facts = answer.facts.filter((f) => !(f.code === "DEBT_TO_INCOME_TOO_HIGH" && f.line === id));
  if (!answer.facts.some((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH"))
    answer.reasons = answer.reasons.filter((r) => r !== "DEBT_TO_INCOME_TOO_HIGH");
}

/** A line not active as it stands on record: dated the day its reasons were recorded; a security hold and
 *  a suspension beneath it show both, each with its cause, its own day and its own reasons, in the order
 *  they came — the hold since the day it was laid ("suspended since day 105" was said of a hold laid on day
 *  120), laid over a suspension that came first (the line suspended, or the suspension recorded, before the
 *  hold: the suspension since the line's day), or a suspension found beneath it later (`found`: since its
 *  own day — "laid over the suspension", "suspended since day 22" was said of a suspension for credit found
 *  on day 70 under a hold laid on day 22). */
export function onRecord(line: Line, day: number, calendar: Calendar): Remedy[] {
  const since = line.statusDay ?? day;
  const recorded = line.recordDay ?? since;
  const said = (
    cause: Line["cause"],
    from: number,
    at: number,
    reasons: ReasonCode[],
    over?: { cause: Cause; found: number | null },
  ): Remedy => ({
    line: line.id,
    kind: "on_record",
    status: line.status,
    cause,
    since: from,
    sinceDate: calendar.date(from),
    day: at,
    date: calendar.date(at),
    reasons,
    ...(over !== undefined && { over: over.cause }),
    ...(over?.found != null && { found: { day: over.found, date: calendar.date(over.found) } }),
  });
  const held = line.heldOver;
  if (held === null) return [said(line.cause, since, recorded, line.reasonsOnRecord)];
  // (a hold laid on a line already suspended keeps the line's day; laid on an active one, it is the hold's)
  const laidOver = since < recorded || held.day <= recorded;
  return [
    said(line.cause, recorded, recorded, line.reasonsOnRecord, {
      cause: held.cause,
      found: laidOver ? null : held.day,
    }),
    said(held.cause, laidOver ? since : held.day, held.day, held.reasons),
  ];
}

/** The answer's reasons: with nothing in the way, the score's drivers (what an active customer asked
 *  about); otherwise each line's blockers, with the score's drivers (`ranked`'s) only where a blocker is the
 *  score, as a decision cites them — and each fact once (both suspended lines blocked by the same overdue on
 *  one of them say it once; with one line open, `only`, a fact naming no line is about it: a declined
 *  opening of the other line citing that line's overdue said "36 days; 36 days, on Huabei"). */
function principal(
  answer: SupportAnswer,
  drivers: ReasonCode[],
  ranked: Scored,
  only: LineId | undefined,
): SupportAnswer {
  if (answer.reasons.length === 0) return { reasons: drivers, facts: [], remedies: answer.remedies };
  const principal = principalReasons(answer.reasons, ranked);
  const said = new Set<string>();
  const kept = answer.facts.filter((f) => {
    const key = `${f.code} ${f.parameter} ${f.threshold} ${f.value} ${f.line ?? only}`;
    if (!principal.includes(f.code) || said.has(key)) return false;
    said.add(key);
    return true;
  });
  return { reasons: principal, facts: kept, remedies: answer.remedies };
}

// The review a score step is for, read with what time alone brings by then: a score the steps can reach
// only once the applications have left their windows is no score for an earlier review — the step names the
// first review by which its steps can get there, and the most they reach by the one it names.

import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import { duesAhead } from "../report-ahead.js";
import type { Remedy } from "../types.js";
import { asReviewOnReads, withDues } from "./read-ahead.js";
import { fixedUntil, reachOn } from "./score-advice.js";

type RaiseScore = Extract<Remedy, { kind: "raise_score" }>;

/**
 * Line `line`'s score step (raise_score, among `remedies`) read against the periodic review on `first` —
 * the first its clean period and debt advice allow — with each characteristic at what it can be on that
 * day (reachOn): when its steps cannot reach the score it asks there, it is moved to the first review
 * after it, up to the one that closes the line (`closesOn`), by which they can — told from today's score,
 * with the steps for that review — and its reach is said at the review it names (none by the closing
 * review: the most they reach there). Huabei's activity counts as a step once the customer can use Huabei
 * before the review: it is active today, or — Jiebei's — the next review (`next`) restores it first
 * (`huabeiBack`). Returns the review the step is for when it is a later one than `first`, else null.
 */
export function reviewInReach(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  remedies: Remedy[],
  span: { first: number; next: number; closesOn: number | null; huabeiBack: boolean },
): number | null {
  const i = remedies.findIndex((r) => r.line === line.id && r.kind === "raise_score");
  const step = remedies[i] as RaiseScore | undefined;
  // (a score above the scorecard's highest: no review reaches it, which the bar on it says)
  if (step === undefined || step.repayElsewhere !== undefined) return null;
  const { first, next, closesOn, huabeiBack } = span;
  const usable = (review: number) =>
    line.id === "jiebei" && (c.huabei.status === "active" || (huabeiBack && review > next));
  // (the balances the month end before it reports as things stand: a balance since repaid is no step)
  // (the bills due before it met at their minimum; repaid in full, those on Huabei revolve no more — the
  // most that count reaches. What no step moves by then is as fixedUntil reads it for the next review)
  const at = (review: number) => {
    const read = asReviewOnReads(c, day, calendar, review);
    const dues = duesAhead(c, day, calendar, review);
    const inFull = dues.map((r) =>
      r.line === "huabei" && r.outcome === "revolved" ? { ...r, outcome: "paid" as const } : r,
    );
    const until = fixedUntil(calendar, day, review, dues);
    return reachOn(withDues(read, dues), review, usable(review), until, withDues(read, inFull));
  };
  const last = closesOn ?? first;
  let review = first;
  let found = at(first);
  while (found.reach < step.needed && review < last) {
    review = calendar.nextDayOfMonth(review, c.policy.reviewDayOfMonth);
    found = at(review);
  }
  // none by the closing review: the step stays for the first, with the most its steps reach there
  if (found.reach < step.needed) {
    review = first;
    found = at(first);
  }
  const { reach: _, ...rest } = step;
  if (review === first) {
    // (the step's own reach counts what no step moves before that review beside: the balance on record
    // when no month end comes first)
    const most = Math.min(found.reach, step.reach ?? found.reach);
    // the steps named are those that move the score by that review, as its reach reads them
    const named = { ...rest, drivers: found.drivers };
    remedies[i] = most < step.needed ? { ...named, reach: most } : named;
    return null;
  }
  const reach = found.reach < step.needed ? { reach: found.reach } : {};
  // a later review: what is spent and repaid until then decides the score it reads — today's is what there
  // is to raise, and the steps are those for that review (Huabei's purchases among them)
  const { ahead, ...moved } = rest;
  remedies[i] = {
    ...moved,
    current: ahead?.today ?? step.current,
    drivers: found.drivers,
    review: { day: review, date: calendar.date(review) },
    ...reach,
  };
  return review;
}

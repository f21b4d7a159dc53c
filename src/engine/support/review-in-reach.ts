// The review a score step is for, read with what time alone brings by then: a score the steps can reach
// only once the applications have left their windows is no score for an earlier review — the step names the
// first review by which its steps can get there, and the most they reach by the one it names.

import type { Calendar } from "../calendar.js";
import { availableCredit, type Customer, type Line, rulesFor, suspendedFor } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import { duesAhead } from "../report-ahead.js";
import { restorationScore } from "../review.js";
import { ACTIVITY_MIN_PURCHASE } from "../scorecard.js";
import type { Remedy } from "../types.js";
import {
  asReviewOnReads,
  monthEndBefore,
  withDues,
  withOverduePaid,
  withPurchaseDays,
  withRecordFrom,
} from "./read-ahead.js";
import { fixedUntil, reachOn } from "./score-advice.js";

type RaiseScore = Extract<Remedy, { kind: "raise_score" }>;
/** `loan`: what a Jiebei cash loan before a month end would bring (its month of record), Huabei's use not
 *  counted, when the steps reach short of it — no step (borrowing to lift a score is not advised), but the
 *  score is then what the review reads as things stand, not beyond anything the customer does; and no
 *  closure is certain that such a loan could avert. */
type Reach = ReturnType<typeof reachOn> & { loan?: number };

/** The most a review can read with the customer's own doing, a Jiebei loan's month of record counted. */
const utmost = (found: Reach): number => found.loan ?? found.reach;

/** The review a score step is for (`review`: null when it is `first`), and whether no review before the
 *  line closes can restore it (`never`: the steps reach less than any restoration asks, by the last one
 *  that could) — `asThingsStand` beside it when a Jiebei cash loan's month of record could (no step asks
 *  for one: the closure is said as things stand, not as certain). */
export interface InReach {
  review: number | null;
  never: boolean;
  asThingsStand?: true;
}

/**
 * Line `line`'s score step (raise_score, among `remedies`) read against the periodic review on `first` —
 * the first its clean period and debt advice allow — with each characteristic at what it can be on that
 * day (reachOn): when its steps cannot reach the score it asks there, it is moved to the first review
 * after it by which they can, up to the last that can restore the line — the one that closes it for its
 * long suspension (`closesOn`: it restores the line if it can, before closing it), or the one before the
 * review that closes it as unused (`unusedOn`: that closure comes first) — told from today's score, with
 * the steps for that review, and its reach is said at the review it names (none by the last: the most
 * they reach at the first, and `never` when that last one reads less than the restoration score itself,
 * which no income or band lowers). Huabei's activity counts as a step once the customer can use Huabei
 * before the review: it is active today, or — Jiebei's — the next review (`next`) restores it first
 * (`huabeiBack`).
 */
export function reviewInReach(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  remedies: Remedy[],
  span: {
    first: number;
    next: number;
    closesOn: number | null;
    unusedOn: number | null;
    huabeiBack: boolean;
  },
): InReach {
  const i = remedies.findIndex((r) => r.line === line.id && r.kind === "raise_score");
  const step = remedies[i] as RaiseScore | undefined;
  // (a score above the scorecard's highest: no review reaches it, which the bar on it says)
  if (step === undefined || step.repayElsewhere !== undefined) return { review: null, never: false };
  const { first, next, closesOn, unusedOn, huabeiBack } = span;
  // the first day Huabei can be used before the review (null: none) — restored by the next review, the day
  // after it: a day's purchases come before its review, so one on the review's own day is declined (a
  // month end that day, under reviewDayOfMonth 31 on 29 February, earns no record)
  const usable = (review: number) =>
    line.id !== "jiebei"
      ? null
      : c.huabei.status === "active"
        ? day
        : huabeiBack && review > next
          ? next + 1
          : null;
  const reach = reachBy(c, day, calendar);
  const at = (review: number) => reach(review, usable(review));
  // a later review restores the line only before it is closed: at the long suspension's closing review
  // itself, not at the one that closes it as unused (on the same day, the long suspension's closure is the
  // one: its review closes no line as unused)
  const unusedFirst = unusedOn !== null && (closesOn === null || unusedOn < closesOn);
  const restoring = (review: number) =>
    (closesOn === null ? review <= first : review <= closesOn) && !(unusedFirst && review >= unusedOn);
  let review = first;
  let found = at(first);
  while (found.reach < step.needed) {
    const after = calendar.nextDayOfMonth(review, c.policy.reviewDayOfMonth);
    if (!restoring(after)) break;
    review = after;
    found = at(review);
  }
  // none by the last: whether any restoration can come, read against the restoration score itself —
  // what using the line costs at an income, or a band at one, a higher income may lower — and, before a
  // closure as unused, on its eve too (an early review then reads the applications aged a day more)
  const least = restorationScore(rulesFor(c.policy, line.id), line, suspendedFor(line)).score;
  const short = (read: (f: Reach) => number) =>
    read(found) < least &&
    restoring(first) &&
    (closesOn !== null || unusedOn !== null) &&
    (!unusedFirst || unusedOn - 1 <= review || read(at(unusedOn - 1)) < least);
  const never = short((f) => f.reach);
  // …as things stand only, when a Jiebei loan's month of record would reach it (a suspended Huabei beside
  // an active Jiebei was told its closure was certain, and was restored at that review once a ¥1,000 loan
  // was drawn and repaid before a month end)
  const asThingsStand = never && !short(utmost) ? { asThingsStand: true as const } : {};
  // none by the last: the step stays for the first, with the most its steps reach there
  if (found.reach < step.needed) {
    review = first;
    found = at(first);
  }
  // Huabei's use asked while it is suspended today: from the day the review restoring it lets it be used
  const from = usable(review);
  const huabeiFrom = (drivers: readonly ReasonCode[]) =>
    from !== null && from > day && drivers.includes("LOW_ACTIVITY")
      ? { huabeiFrom: { day: from, date: calendar.date(from) } }
      : {};
  const told = forReach(step, found);
  // nothing the customer does moves the score by then, and time alone brings it there: no step to take —
  // the review named is all there is ("raise the score to 800 …:" with no step named once each was taken)
  if (told === null) {
    remedies.splice(i, 1);
    return { review: review === first ? null : review, never: false };
  }
  if (review === first) {
    remedies[i] = { ...told, ...huabeiFrom(told.drivers) };
    return { review: null, never, ...asThingsStand };
  }
  const { reach: _, ...rest } = step;
  const most = found.reach < step.needed ? { reach: found.reach } : {};
  // a later review: what is spent and repaid until then decides the score it reads — today's is what there
  // is to raise, and the steps are those for that review (Huabei's purchases among them)
  const { ahead, ...moved } = rest;
  remedies[i] = {
    ...moved,
    current: ahead?.today ?? step.current,
    drivers: found.drivers,
    ...huabeiFrom(found.drivers),
    review: { day: review, date: calendar.date(review) },
    ...most,
    ...(found.reach < step.needed && found.loan !== undefined && { asThingsStand: true as const }),
  };
  return { review, never: false };
}

/** The most the score the periodic review on `review` reads can reach for a score step asked on `day`, and
 *  the steps that move it by then (reachOn) — `from`: the first day Huabei can be used before it (null:
 *  none). The customer is read as that review will read them: the balances the month end before it reports
 *  as things stand (a balance since repaid is no step), the bills due before it met at their minimum
 *  (repaid in full, those on Huabei revolve no more — the most that count reaches), the month ends from
 *  `from` on in good standing counted as record while Huabei has ¥10 to lend (a purchase repaid in full
 *  earns them), what no step moves by then as fixedUntil reads it, and the overdue the answer asks first
 *  paid today (left unpaid, the delinquency it deepens is no value the customer who follows the answer
 *  has). */
export function reachBy(
  c: Customer,
  day: number,
  calendar: Calendar,
): (review: number, from: number | null) => Reach {
  const paid = withOverduePaid(c, day);
  // (a purchase under ACTIVITY_MIN_PURCHASE extends no credit a month of record counts)
  const lends = availableCredit(paid.huabei) >= ACTIVITY_MIN_PURCHASE;
  const draws = paid.jiebei.status === "active" && availableCredit(paid.jiebei) >= ACTIVITY_MIN_PURCHASE;
  return (review, from): Reach => {
    const usable = from !== null && from < review;
    // Huabei in use from today: the days of use grow one a day, no faster (a review four days off reads
    // at most five more, today's and its own day's among them — the day's purchases come before its
    // review); from a later restoration, a month at least, the count's top band within reach
    const now = from === day;
    const read = asReviewOnReads(paid, day, calendar, review);
    const dues = duesAhead(paid, day, calendar, review);
    const inFull = dues.map((r) =>
      r.line === "huabei" && r.outcome === "revolved" ? { ...r, outcome: "paid" as const } : r,
    );
    const until = fixedUntil(calendar, day, review, dues);
    const earned = (f: Customer) => {
      const record = withRecordFrom(f, paid.monthEnds.length, usable && lends ? from : null);
      return now ? withPurchaseDays(record, day, review) : record;
    };
    const then = withDues(read, dues);
    const found = reachOn(then, review, usable && !now, until, earned(withDues(read, inFull)), earned(then));
    // Huabei's use not counted (not open, or nothing to lend): a Jiebei cash loan before a month end earns
    // its month of record too (a line used before its end), which a step never asks — said as things stand
    if (usable && lends) return found;
    if (!draws || monthEndBefore(calendar, day, review) === null) return found;
    const drawn = (f: Customer) => withRecordFrom(f, paid.monthEnds.length, day);
    const loan = reachOn(then, review, usable && !now, until, drawn(withDues(read, inFull)), drawn(then));
    return loan.reach > found.reach ? { ...found, loan: loan.reach } : found;
  };
}

/** A score step for the review whose reach `found` reads (reachBy): the steps named are those that move the
 *  score by then, and it says the most they reach there when short of the score asked — with none left,
 *  what that review reads whatever the customer does. Null when nothing the customer does moves it and time
 *  alone brings it there: no step to take. */
export function forReach(step: RaiseScore, found: Reach): RaiseScore | null {
  if (found.drivers.length === 0 && found.reach >= step.needed) return null;
  const { reach: _, ...rest } = step;
  // (the step's own reach counts what no step moves before that review beside: the balance on record
  // when no month end comes first — read on a thin file the customer's record ends by then, it holds no
  // more)
  const most = found.ends ? found.reach : Math.min(found.reach, step.reach ?? found.reach);
  const named = { ...rest, drivers: found.drivers };
  return most < step.needed
    ? { ...named, reach: most, ...(found.loan !== undefined && { asThingsStand: true as const }) }
    : named;
}

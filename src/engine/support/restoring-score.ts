// The score that restores a suspended line: the restoration score or a band's with a line in it, what the
// line restored and used must still score to be kept, and that score read ahead — as the next review reads
// the customer (a month end's report, the bills due before it), or a later one the coming report lowers.

import { cutFact } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import { type Customer, type Line, lineOf, rulesFor, suspendedFor } from "../customer.js";
import { keptAtLeast, param } from "../eligibility.js";
import { capByRule, lowestBandScore } from "../limits.js";
import type { DueRecord } from "../record.js";
import { asNextReviewReads, asReportReads, duesAhead, openingOn, reviewedOn } from "../report-ahead.js";
import { periodicReview, restorationBlockers, restorationScore, restoredOnceUsed } from "../review.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { type CharacteristicId, highestScore, SCORE_MAX, SCORE_MIN } from "../scorecard.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { RuleFact } from "../verdict.js";
import type { LineId, PolicyParamName } from "../vocabulary.js";
import { limitJudged } from "./caps-below.js";
import {
  asReviewOnReads,
  monthEndBefore,
  withDues,
  withHuabeiActive,
  withOverduePaid,
} from "./read-ahead.js";

/** Whether the score the review on `review` reads from `read`, with the due dates decided before it
 *  (`dues`, duesAhead), meets what restoring line `id` needs: the restoration score, and a limit band with a
 *  line in it (an income too low for the smallest line is a step of its own, which no score changes). */
export function scoreRestores(
  read: Customer,
  dues: readonly DueRecord[],
  id: LineId,
  review: number,
): boolean {
  const file = withDues(read, dues);
  const s = scoreOn(file, review);
  if (s.score < scoreRestoring(read, id)) return false;
  // …and what the review after it reads once the line restored is used (restoredOnceUsed): its score
  // still keeps a line — a debt ratio over the cap there is the debt advice's, which leaves room for it
  // Jiebei's read with Huabei active when the same review restores Huabei first (huabeiBack)
  const reads = id === "jiebei" && huabeiBack(file, review, s) ? withHuabeiActive(file) : file;
  const kept = restoredOnceUsed(reads, lineOf(reads, id), review, s);
  return (
    kept.limit !== null ||
    kept.facts.every((f) => f.code === "LIMIT_KEPT_ONCE_USED" || f.code === "DEBT_TO_INCOME_TOO_HIGH")
  );
}

/** A score no file of the customer's reaches that restoring line `id` needs: the policy's `parameter` asks
 *  `threshold` — of the file the restoration reads, or (`onceUsed`) of the file the line restored and used
 *  leaves, which keeping it needs — and the highest that file can score is `best`. */
export interface ScoreOutOfReach {
  parameter: PolicyParamName;
  threshold: number;
  best: number;
  onceUsed: boolean;
  /** Jiebei's restoration, barred only while Huabei is active: counted used at its share, it keeps the file
   *  below what keeping Jiebei needs — a Huabei closed owing nothing would not */
  whileOpen?: "huabei";
  /** as things stand: the points using the line costs at today's income and debts (ScoreBars.cost) */
  cost?: number;
  /** the income `cost` is read at when not today's (ScoreBars.atIncome) */
  atIncome?: number;
}

/**
 * Whether the score restoring line `id` needs is beyond every file the customer can have (`s`: today's
 * score): every characteristic at its best — income, debt elsewhere and balances repaid, inquiries and
 * profile changes aged out, an identity verified, and what time brings (history, age, a delinquency aged
 * out) — but Huabei's, which the policy pins when it is the line restored: its activity held until it is
 * open again, and once the credit is used (grantUsedFraction) at least that share of its limit reported
 * (Jiebei's file can have Huabei closed owing nothing, its activity at its best: nothing pinned — and with
 * Huabei active, what keeping Jiebei needs is read with Huabei counted used too: `whileOpen`). The restoration score (restoreScore or minScore, or a band's) is read on the file
 * before the restoration, what keeping the line needs (minScore, or a band's) on the file once used; the
 * first either falls short of, or null when some file meets both. An upper bound: a file it allows may
 * still fall short, and the steps towards it say how far the customer's reach goes.
 */
export function scoreOutOfReach(
  c: Customer,
  id: LineId,
  s: Scored,
  asked: number | null = null,
  day: number | null = null,
): ScoreOutOfReach | null {
  const rules = rulesFor(c.policy, id);
  const share = c.policy.grantUsedFraction;
  // Huabei as the file can have it, its utilisation before the restoration and once used: restored (its
  // activity held until then; repaid, its balance reported at a month end before the restoration), or —
  // Jiebei's restoration — closed owing nothing (a closed line reports its balance against its last
  // limit, its activity as it was, at its best when used before closing)
  const huabei = id === "huabei";
  const held = huabei ? { purchases90d: s.inputs.purchases90d } : {};
  const kept = { score: rules.minScore, parameter: param(id, "minScore", "jiebeiMinScore") };
  const bars = beyondReach(c, id, [
    {
      need: restorationScore(rules, lineOf(c, id), suspendedFor(lineOf(c, id))),
      pinned: { utilisation: 0, ...held },
      onceUsed: false,
    },
    { need: kept, pinned: { utilisation: huabei && share > 0 ? share : 0, ...held }, onceUsed: true },
  ]);
  if (bars !== null) return bars;
  // Jiebei's, with Huabei active: the review counts it used (grantUsedFraction of its limit) beside
  // Jiebei restored and used — a bar while it stays open, which customer service says as such
  // — as with a suspended Huabei the same review restores first (huabeiBack): that review reads it active
  const open = c.huabei.status === "active" || (day !== null && huabeiBack(c, day, s));
  if (!huabei && open && share > 0) {
    const used = beyondReach(c, id, [{ need: kept, pinned: { utilisation: share }, onceUsed: true }]);
    if (used !== null) return { ...used, whileOpen: "huabei" };
  }
  // the score the steps ask (`asked`, neededOnceUsed: the restoration score, raised by what the line
  // restored and used would cost, as the scorecard's points add) above the scorecard's highest: no file
  // reaches it — the same rule for the step and for the answer (a step to "970, which no score reaches"
  // beside a review promised to restore the line). What keeping the line needs is then out of reach of
  // the file once used: its best is the highest score less what using the line costs
  const need = scoreWithLine(c, id, kept.score);
  if (asked !== null && Number.isFinite(need) && asked > SCORE_MAX && asked > need)
    return {
      parameter: need > kept.score ? param(id, "limitBands", "jiebeiLimitBands") : kept.parameter,
      threshold: need,
      best: Math.max(SCORE_MIN, SCORE_MAX - (asked - need)),
      onceUsed: true,
      cost: asked - need,
    };
  return null;
}

/**
 * Whether the score an application to open Huabei needs is beyond every file the customer can have, as
 * scoreOutOfReach reads a restoration's: the opening score (minOpenScore or minScore, or a band's) read on
 * the file before it — a Huabei never opened reports no balance and no activity, a closed one its balance
 * (repaid: none) and the activity it had, which no purchase raises until it is open — and what the next
 * review keeps (minScore, or a band's) on the file once the line granted is used (grantUsedFraction of its
 * limit reported, its activity still that, the application's own inquiry counted). Jiebei's opening reads Huabei, which the customer can close
 * owing nothing: no file is ruled out for it (null).
 */
export function openingOutOfReach(c: Customer, id: LineId, s: Scored): ScoreOutOfReach | null {
  if (id !== "huabei") return null;
  const rules = rulesFor(c.policy, id);
  const share = c.policy.grantUsedFraction;
  const never = c.huabei.status === "none";
  const activity = s.inputs.purchases90d;
  return beyondReach(c, id, [
    {
      need: keptAtLeast(rules, id, rules.minOpenScore, "minOpenScore"),
      pinned: { utilisation: never ? null : 0, purchases90d: activity },
      onceUsed: false,
    },
    {
      need: { score: rules.minScore, parameter: "minScore" },
      pinned: { utilisation: Math.max(share, 0), purchases90d: activity ?? 0, inquiries30d: 1 },
      onceUsed: true,
    },
  ]);
}

/** The first of `checks` whose score (the least from it with a line in its band) is above the highest
 *  score there is with its characteristics pinned, or null. */
function beyondReach(
  c: Customer,
  id: LineId,
  checks: ReadonlyArray<{
    need: { score: number; parameter: PolicyParamName };
    pinned: Partial<Record<CharacteristicId, number | null>>;
    onceUsed: boolean;
  }>,
): ScoreOutOfReach | null {
  const bands = param(id, "limitBands", "jiebeiLimitBands");
  for (const { need, pinned, onceUsed } of checks) {
    const at = scoreWithLine(c, id, need.score);
    const best = highestScore(pinned);
    if (Number.isFinite(at) && at > best)
      return { parameter: at > need.score ? bands : need.parameter, threshold: at, best, onceUsed };
  }
  return null;
}

/** The least score that restores line `id` as far as the score goes: the restoration score, or a band's
 *  above it (scoreWithLine). */
export function scoreRestoring(c: Customer, id: LineId): number {
  return scoreWithLine(
    c,
    id,
    restorationScore(rulesFor(c.policy, id), lineOf(c, id), suspendedFor(lineOf(c, id))).score,
  );
}

/** The least score from `least` up whose limit band offers line `id` a line (at a held line's own limit
 *  below the smallest line, heldAt): `least` itself, or — when the
 *  bands offer none there (no band, or one below the smallest line) — the least band's score that does;
 *  Infinity when none does. The band alone is read: an income or a thin file too low for the smallest line
 *  is a step of its own, which no score changes — and a cap of theirs below the band's hides nothing of it
 *  (read through them, a score of 790 in a ¥20,000 band against a ¥25,000 smallest line, its income cap
 *  lower still, was a score with a line: "raise the score from 790 to 790"). A product whose largest limit
 *  is below the smallest line has no band with one, which no score changes either: `least` itself. */
export function scoreWithLine(c: Customer, id: LineId, least: number): number {
  const rules = rulesFor(c.policy, id);
  // (a band for a held line's own limit below the smallest line: told a ¥2,000 line's ¥2,000 band no band
  // with a line, a customer the review of day 227 restored was told no review would)
  const smallest = limitJudged(lineOf(c, id), rules);
  const top = capByRule("product_maximum", least, 0, rules, null);
  const lineAt = (score: number) => {
    if (score < lowestBandScore(rules)) return false;
    const band = capByRule("score", score, 0, rules, null);
    return band !== null && (band >= smallest || band === top);
  };
  if (lineAt(least)) return least;
  const bands = rules.limitBands.map((b) => b.minScore).filter((m) => m > least);
  return Math.min(...bands.filter(lineAt), Number.POSITIVE_INFINITY);
}

/** How far the score a restored line's next review reads once it is used falls short of what keeping the
 *  line needs, among `blockers` (LIMIT_KEPT_ONCE_USED's score facts): 0 when it does not. */
export function keptOnceUsedScoreGap(blockers: readonly RuleFact[]): number {
  if (!blockers.some((b) => b.code === "LIMIT_KEPT_ONCE_USED")) return 0;
  let gap = 0;
  for (const b of blockers)
    if (
      (b.code === "SCORE_BELOW_MINIMUM" ||
        b.code === "SCORE_BELOW_LIMIT_BANDS" ||
        b.code === "PAST_DUE_AT_REVIEW") &&
      b.threshold !== undefined &&
      b.value !== undefined
    )
      gap = Math.max(gap, b.threshold - b.value);
  return gap;
}

/** `blockers` with what the line restored and used would fail (LIMIT_KEPT_ONCE_USED and the facts that
 *  follow it: restorationBlockers adds them last) as `paid` reads it instead — restorationBlockers on the
 *  file with the overdue paid; `blockers` as they are when `paid` is null. */
export function withOnceUsedOf(blockers: readonly RuleFact[], paid: readonly RuleFact[] | null): RuleFact[] {
  if (paid === null) return [...blockers];
  const at = (list: readonly RuleFact[]) => {
    const i = list.findIndex((b) => b.code === "LIMIT_KEPT_ONCE_USED");
    return i < 0 ? list.length : i;
  };
  return [...blockers.slice(0, at(blockers)), ...paid.slice(at(paid))];
}

/** The score that restores `line` on the file `f` (scored `s`): `needed` (the restoration score, or a
 *  band's), or more when the line restored and used would score below what keeping it needs
 *  (restoredOnceUsed) — `s` raised by that gap, as the scorecard's points add — whether `s` is short of
 *  `needed` or meets it: the review restores only at the higher of the two. A target of `needed` alone
 *  would name a score the review does not restore at (905 read on the review's day against `minScore` 900,
 *  the line once used reading 845: the review restores at 960, not 905). */
export function neededOnceUsed(f: Customer, line: Line, day: number, s: Scored, needed: number): number {
  if (!Number.isFinite(needed)) return needed;
  const kept = restoredOnceUsed(f, lineOf(f, line.id), day, s);
  if (kept.limit !== null) return needed;
  // the line once used kept for want of score only: a once-used failure that is no score's (a debt ratio
  // over the cap) asks no more of the score than restoring does — `s.score` itself is no threshold (read
  // with an overdue paid, it was told as a target above today's that rose with every point gained)
  const gap = keptOnceUsedScoreGap(kept.facts);
  return gap > 0 ? Math.max(needed, s.score + gap) : needed;
}

/** Whether Jiebei's restoration is told with a suspended Huabei counted active: the review restores Huabei
 *  before it reviews Jiebei, and the answer gives the steps that restore Huabei beside Jiebei's — so that
 *  what it says of Jiebei holds once they are taken: Huabei read active, used to its limit
 *  (withHuabeiActive), unless a write-off ends it for good. */
export function huabeiBack(f: Customer, review: number, s: Scored): boolean {
  const hb = f.huabei;
  if (hb.status !== "suspended") return false;
  return !restorationBlockers(f, hb, review, s).some((b) => b.code === "DEBT_WRITTEN_OFF");
}

/** The customer as the next periodic review reads them, when that differs from today's record: a month
 *  end before it (the lines' balances as its report shows them — the repayments made and the spending
 *  since the last one, with the charges until then), or a due date before it — scored on its day with the
 *  due dates decided before it (`dues`: each bill met at its minimum) — with the score restoring the line
 *  needs then, and the report (null: none comes before the review); else null. */
export function readAhead(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
): {
  read: Customer;
  s: Scored;
  needed: number;
  report: { day: number; date: string } | null;
  dues: DueRecord[];
} | null {
  const read = asNextReviewReads(c, day, calendar);
  const next = reviewOnOrAfter(calendar, day, c.policy);
  const dues = duesAhead(c, day, calendar, next);
  if (read === c && dues.length === 0) return null;
  const monthEnd = monthEndAfter(calendar, day);
  return {
    read,
    s: scoreOn(withDues(read, dues), next),
    needed: scoreRestoring(read, line.id),
    report: read === c ? null : { day: monthEnd, date: calendar.date(monthEnd) },
    dues,
  };
}

/** The periodic review that can restore line `id` once its clean period ends on `clean` (after the next
 *  review) — the first on or after that day — and the score it reads as things stand, as the next review's
 *  answer reads its own: the balances the last month end before it reports (the spending since the last
 *  report, each bill and instalment falling due until then met at its minimum and nothing more spent),
 *  scored on its day with the bills due before it met at their minimum; given only when that score is
 *  short of what restoring needs and below the one it would read from the report on record (the balance
 *  reported is what lowers it), else null. */
export function reportLowers(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  clean: number,
): {
  review: { day: number; date: string };
  report: { day: number; date: string };
  s: Scored;
  needed: number;
} | null {
  const review = calendar.nextDayOfMonth(clean - 1, c.policy.reviewDayOfMonth);
  const monthEnd = monthEndBefore(calendar, day, review);
  if (monthEnd === null) return null;
  const dues = duesAhead(c, day, calendar, review);
  const read = asReportReads(c, day, calendar, [], false, monthEnd);
  const s = scoreOn(withDues(read, dues), review);
  const needed = scoreRestoring(read, id);
  if (s.score >= needed || s.score >= scoreOn(withDues(c, dues), review).score) return null;
  return {
    review: { day: review, date: calendar.date(review) },
    report: { day: monthEnd, date: calendar.date(monthEnd) },
    s,
    needed,
  };
}

/** Whether a review on `review` restores line `id` as far as the score goes, every overdue paid today and
 *  the customer read as that review reads them as things stand (asReviewOnReads). */
export function restoresOnPaying(
  c: Customer,
  day: number,
  calendar: Calendar,
  id: LineId,
  review: number,
): boolean {
  const paid = withOverduePaid(c, day);
  return scoreRestores(
    asReviewOnReads(paid, day, calendar, review),
    duesAhead(paid, day, calendar, review),
    id,
    review,
  );
}

/** The limit the next periodic review (`review`) restores `line` at when nothing stands in its way, read as
 *  that review reads the customer (the coming month-end report, the bills due before it met at their
 *  minimum; Jiebei's with Huabei active when that review restores Huabei first) — when it is below the
 *  line's own: the most the line keeps once used (restoredOnceUsed, LIMIT_KEPT_ONCE_USED) or line management
 *  leaves it. Null when the review gives the line back its limit, or restores none. */
export function keptAtRestoration(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  review: number,
): { limit: number; of: number; onceUsed: boolean } | null {
  const file = withDues(asNextReviewReads(c, day, calendar), duesAhead(c, day, calendar, review));
  const s = scoreOn(file, review);
  const reads = line.id === "jiebei" && huabeiBack(file, review, s) ? withHuabeiActive(file) : file;
  const kept = restoredOnceUsed(reads, lineOf(reads, line.id), review, s);
  // its facts name the once-used bound when that, not line management's cut, is what binds
  return kept.limit !== null && kept.limit < line.limit
    ? { limit: kept.limit, of: line.limit, onceUsed: kept.facts.length > 0 }
    : null;
}

/** The limit a review played ahead restores `line` at when it is lower than the line's own — the periodic
 *  review on `review` (reviewedOn: Huabei's first) or, `early`, a review the customer asks for that day —
 *  the customer doing nothing more until then than meet each bill and instalment at its minimum: what an
 *  answer that promises the restoration (its clean period all that is left in the way, or an early review
 *  offered instead) says it comes back at. Null when that review restores none, or gives back its limit. */
export function keptAtReviewAhead(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  review: number,
  early: boolean,
): { limit: number; of: number; onceUsed: boolean } | null {
  // the cut the restoration records names the bound that gives the lower limit (cutFact)
  const lower = (limit: number, cut: RuleFact | undefined) =>
    limit < line.limit ? { limit, of: line.limit, onceUsed: cut?.code === "LIMIT_KEPT_ONCE_USED" } : null;
  if (!early) {
    const after = lineOf(reviewedOn(c, day, calendar, review), line.id);
    return after.status === "active"
      ? lower(after.limit, after.cut?.day === review ? after.cut.facts[0] : undefined)
      : null;
  }
  const at = review === day ? c : openingOn(c, day, calendar, review);
  const then = lineOf(at, line.id);
  if (then.status !== "suspended") return null;
  const v = periodicReview(at, then, review, scoreOn(at, review), true);
  return v.decision === "restored" ? lower(v.limit, cutFact(v)) : null;
}

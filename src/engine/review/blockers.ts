// What stands between a suspended line and restoration (see ../review.ts): a hold, a write-off, an overdue,
// the clean period, the score, the debt, no line to restore at, and what the next review would hold against
// the line once used; the score a restoration needs and the day its clean period runs from.

import {
  type Customer,
  customerDaysPastDue,
  customerOverdue,
  customerWith,
  type Line,
  type LineRules,
  lastCured,
  owed,
  profileCopy,
  recordLine,
  rulesFor,
} from "../customer.js";
import {
  capFor,
  eligibilityFailures,
  keptAtLeast,
  noLineFact,
  otherLine,
  param,
  scoreFact,
  writeOffFact,
} from "../eligibility.js";
import { applicationDebt, leastGranted, withDebtCounted } from "../grant.js";
import { noLineAt } from "../limits.js";
import type { ReasonCode } from "../reasons.js";
import type { Scored, ScoredFile } from "../score-inputs.js";
import { SCORE_STANDARD } from "../standard.js";
import { holdFact } from "../triggers.js";
import type { Fen } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { PolicyParamName } from "../vocabulary.js";
import { type KeptOnceUsed, restoredOnceUsed } from "./kept-once-used.js";

/**
 * The score a suspended line needs back (`cause`: the suspension's): `restoreScore`, and never less than
 * `minScore` (keptAtLeast) — a policy event that raised minScore above restoreScore would otherwise restore
 * a line the next review suspends again, month after month. A line suspended for a policy change needs
 * only what the policy keeps a line at (`minScore`): it was suspended while its own record met the
 * standard it had been kept to, so the margin above the keeping score that a line suspended for its
 * record must regain (restoreScore) is not asked of it — a policy loosened back restores it at the next
 * review, as one loosened past its score does; and a policy suspension is judged the change's alone
 * (heldByPolicy) while the policy before would have kept the line, not only while it would restore a
 * line suspended for its record (a customer suspended at 648 by a change from minScore 620 to 680 was
 * recorded for credit a month later, nothing changed, as 648 fell short of the old restoreScore 660).
 * A suspension recorded for credit at any time (recordedForCredit) keeps restoreScore for as long as it
 * lasts, whatever it is recorded for now: its line was suspended for its own record, which the margin
 * answers; a policy change since is one more thing in its way, not a pardon of that margin (a customer told
 * on day 166 they need 850 was restored on day 227 at 808, once the review recorded the suspension for the
 * change that had raised restoreScore to 850 — the policy's current restoreScore is the bar, as it is for
 * every suspension for credit).
 */
export const restorationScore = (
  rules: LineRules,
  line: Line,
  cause: Line["cause"] | null,
): { score: number; parameter: PolicyParamName } =>
  cause === "policy" && !line.recordedForCredit
    ? { score: rules.minScore, parameter: param(line.id, "minScore", "jiebeiMinScore") }
    : keptAtLeast(rules, line.id, rules.restoreScore, param(line.id, "restoreScore", "jiebeiRestoreScore"));

/** What stands between a suspended line and restoration now (empty: restore); `cause`: the suspension's;
 *  `today`: the file `s` scores, when the caller has it (restoredOnceUsed). */
export function restorationBlockers(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause = line.cause,
  today: ScoredFile | null = null,
): RuleFact[] {
  return restorationFindings(c, line, day, s, cause, today).blockers;
}

/** What a restoration's rules found: what stands in the way (restorationBlockers) and the limit kept once
 *  used (restoredOnceUsed) when it was judged on the customer as it is (null: not judged, or judged as
 *  verified) — which restoring reads for its limit, and a review that leaves the line suspended for its cut. */
interface RestorationFindings {
  blockers: RuleFact[];
  kept: KeptOnceUsed | null;
}

export function restorationFindings(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause: Line["cause"],
  today: ScoredFile | null,
): RestorationFindings {
  return withKeptOnceUsed(c, line, day, s, cause, standingBlockers(c, line, day, s, cause), today);
}

/** What stands in the way of restoring a suspended line before its kept-once-used check (withKeptOnceUsed):
 *  a hold, a write-off, an overdue, the clean period, the score, the debt, no line to restore at. */
export function standingBlockers(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause: Line["cause"],
): RuleFact[] {
  if (cause === "security") return [holdFact(line)];
  const p = c.policy;
  const rules = rulesFor(p, line.id);
  const blockers: RuleFact[] = [];
  // a write-off on the other line bars a restoration as it bars an application — for good: nothing else
  // stands in the way then (an overdue repaid or a score regained restores nothing), so nothing else is a
  // reason, as nothing else is for the application it refuses before any assessment
  const lost = writeOffFact(c, line);
  if (lost) return [lost];
  if (customerOverdue(c) > 0)
    blockers.push({
      code: "OVERDUE_OUTSTANDING",
      value: customerDaysPastDue(c, day),
      ...otherLine(c, line, day),
    });
  else {
    // the clean period's days, counted once (its episodes are read on every review of a suspended line)
    const clean = day - cleanPeriodFrom(c, line, cause);
    if (clean < p.restoreCleanDays)
      blockers.push({
        code: "OVERDUE_TOO_RECENT",
        parameter: "restoreCleanDays",
        threshold: p.restoreCleanDays,
        value: clean,
        ...recordLine(c, line, day - clean, false),
      });
  }
  const needed = restorationScore(rules, line, cause);
  const scoreBlocks = s.score < needed.score;
  if (scoreBlocks) blockers.push(scoreFact("SCORE_BELOW_RESTORE", needed.parameter, needed.score, s));
  // the debt ratio as the next review reads it once the line restored is used — at its smallest line, as an
  // opening's (applicationFile): a line restored at the very cap would be over it again after one purchase.
  // Where that is not the file's own ratio, its fact says so (onceUsed), as an application's does: a file
  // owing nothing read "total debt exceeds what the policy allows (debt with no income …)"
  const counted = blockers.length;
  const debt = applicationDebt(c, line, false);
  eligibilityFailures(c, rules, p, blockers, debt);
  for (let i = counted; i < blockers.length; i++) blockers[i] = onceUsedRatio(c, line, blockers[i]!, debt);
  // no line to restore at: always said (a customer told only of the debt ratio would fix it and still not
  // be restored), except a score below every band beside a score below the restoration score (one news)
  const cap = capFor(c, line.id, s);
  if (cap === null ? !scoreBlocks : noLineAt(cap, line.limit))
    blockers.push(noLineFact(line.id, rules, cap, s, line.limit));
  return blockers;
}

/** A restoration's debt-ratio fact (a ratio: `value` set) marked as read on the file once the line restored
 *  is used (onceUsed: its smallest line) when that file counts more debt than the customer owes — each
 *  line at what it owes or was reported owing, whichever is more (interest since the report is owed, not
 *  credit used). `counted`: the debt the ratio was read with (applicationDebt). The fact is one its caller has
 *  just made, marked in place: a copy of it ({ ...f }) on every restoration cost the review bench a fifth of
 *  its speed (docs/performance.md). */
export function onceUsedRatio(
  c: Customer,
  line: Line,
  f: RuleFact,
  counted: Fen,
  at: Fen = leastGranted(c, line, false),
): RuleFact {
  if (f.value === undefined) return f;
  const asOwed =
    c.profile.externalDebt +
    Math.max(c.huabei.reportedBalance, owed(c.huabei)) +
    Math.max(c.jiebei.reportedBalance, owed(c.jiebei));
  if (counted > asOwed) {
    f.onceUsed = at;
    // what was counted used, named: the customer can check the number
    withDebtCounted(f, c, line.id, f.onceUsed);
  }
  return f;
}

/** `blockers` (standingBlockers) with what the kept-once-used check adds, and that check's finding. */
export function withKeptOnceUsed(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  cause: Line["cause"],
  blockers: RuleFact[],
  today: ScoredFile | null,
): RestorationFindings {
  // a line the next review would suspend or cut below the smallest once it is used (its score on that
  // file) is not restored either — what that review would hold against it is said, beside what only time
  // or a verification clears (else a customer told to verify would still not be restored); a score, a
  // debt or a line short already is what the steps for it are sized to, this included
  if (cause === "security" || blockers.some((b) => KEPT_ONCE_USED_ASIDE.has(b.code)))
    return { blockers, kept: null };
  // judged as verified when a verification is asked for: it is the step, and it moves the score
  const asked = blockers.some((b) => b.code === "IDENTITY_REQUIRED") && !c.profile.verified;
  const file = asked
    ? customerWith(c, { profile: Object.assign(profileCopy(c.profile), { verified: true }) })
    : c;
  const kept = restoredOnceUsed(file, line, day, s, today);
  if (kept.limit === null) blockers.push(...kept.facts);
  return { blockers, kept: file === c ? kept : null };
}

/** Blockers beside which a restoration's kept-once-used check is not made: the steps for them change the
 *  file it reads (and are sized to it: customer service's debt advice and score). An overdue still owed
 *  too: on the file with it, the line once used would be past due at the next review — true, and gone
 *  once it is paid, the step the overdue already asks (customer service judges the check so). */
const KEPT_ONCE_USED_ASIDE: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "OVERDUE_OUTSTANDING",
  "DEBT_WRITTEN_OFF",
  "SCORE_BELOW_RESTORE",
  "DEBT_TO_INCOME_TOO_HIGH",
  "SCORE_BELOW_LIMIT_BANDS",
  "LIMIT_BELOW_MINIMUM",
  "INCOME_BELOW_SMALLEST_LINE",
  "PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE",
  "THIN_FILE_BELOW_SMALLEST_LINE",
]);

/**
 * The day a suspended line's clean period runs from (`cause`: the suspension's): the last overdue repaid —
 * unless the line was kept active with it, suspended for a policy change on or after that day. That
 * suspension was the change's, not the overdue's: the reviews that kept the line active had judged the
 * overdue already (an active line is held to no clean period), so its restoration asks none for it, nor is
 * a suspension the change no longer holds recorded for credit over it. Nor does a suspension at a review for
 * an overdue short of `suspendOverdueDays` (shortPastDueAtReview): an active line is held to none for it,
 * and whether the review fell before or after the repayment is the calendar's doing. An overdue repaid while
 * the line was suspended counts as for any suspension. −∞: no clean period applies.
 */
export function cleanPeriodFrom(c: Customer, line: Line, cause: Line["cause"]): number {
  const cured = lastCured(c);
  if (cause === "policy" && line.statusDay !== null && cured <= line.statusDay)
    return Number.NEGATIVE_INFINITY;
  return cause === "credit" && shortPastDueAtReview(c, line, Number.POSITIVE_INFINITY)
    ? Number.NEGATIVE_INFINITY
    : cured;
}

/** The first day a restoration's clean period can have ended (`cause`: the suspension's): from the last
 *  overdue repaid (cleanPeriodFrom: none for one the line was kept active with, or suspended at a review
 *  for while short), or from today when one is still outstanding (paid today at the earliest). */
export function cleanUntil(c: Customer, line: Line, cause: Line["cause"], day: number): number {
  if (customerOverdue(c) === 0) return cleanPeriodFrom(c, line, cause) + c.policy.restoreCleanDays;
  const short = cause === "credit" && shortPastDueAtReview(c, line, customerDaysPastDue(c, day));
  return short ? day : day + c.policy.restoreCleanDays;
}

/** The year a missed due date weighs in the score's count of them (score-inputs.ts). */
const MISSED_YEAR = 365;

/**
 * Whether the line's suspension for credit is a review's, for its score, while a slip was open: the one due
 * date missed in the year (on either line), missed while the line was active, that never reached
 * `suspendOverdueDays` (`now`: its days past due today while still open). A lender holds a line to a clean
 * period for the overdue that would suspend an active line, or for a habit of lateness, not for one few
 * days' lateness the monthly review happened to fall on: a thin file's bill repaid six days late, the day
 * after the review, waited 92 days where its twin who repaid it on the fourth, a day before the review, kept
 * the line (test/fixtures/scenarios/thin-file-late-over-the-review.yaml). Zhang Ming, late twice in two
 * months, still waits his 90 days. Missed due dates are counted one by one, as the score counts them, not
 * by episode: two instalments missed and repaid together are two, as they are when the first is repaid
 * sooner (counted by episode, paying sooner ended worse). Whichever code of the score's one standard the
 * review named (SCORE_STANDARD: the past due line's, or the other line's minimum), the slip is the same.
 */
function shortPastDueAtReview(c: Customer, line: Line, now: number): boolean {
  const from = line.statusDay;
  const facts = line.heldOver?.facts ?? line.factsOnRecord;
  if (from === null || !facts.some((f) => SCORE_STANDARD.has(f.code))) return false;
  // a second missed due date within the year is a habit, which the clean period is there to test
  let missed = 0;
  for (const r of c.records)
    if (r.outcome === "missed" && r.dueDay > from - MISSED_YEAR && ++missed > 1) return false;
  const limit = c.policy.suspendOverdueDays;
  let open = false;
  for (const e of c.episodes) {
    // one repaid before the suspension was judged by the reviews that kept the line active
    if (e.curedDay !== null && e.curedDay < from) continue;
    if (e.dueDay >= from || e.chargedOff || e.worst >= limit) return false;
    if (e.curedDay === null && now >= limit) return false;
    open = true;
  }
  return open;
}

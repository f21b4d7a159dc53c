// What a suspension's restoration finds in its way, as the review that can restore the line reads the
// customer, and the steps towards it: the debt advice and the income sized for that review, the clean period,
// the score to reach (or the bills to repay in full instead), the applications to let age.

import type { Calendar } from "../calendar.js";
import {
  type Customer,
  countUpTo,
  customerOverdue,
  customerWith,
  huabeiCopy,
  type Line,
  lineOf,
  owed,
  rulesFor,
  suspendedFor,
  thinFile,
} from "../customer.js";
import { eligibilityFailures } from "../eligibility.js";
import { applicationDebt, leastGranted } from "../grant.js";
import { billsInFull, duesAhead, openingOn, type Runs } from "../report-ahead.js";
import { cleanUntil, restorationBlockers, restorationScore, restoredOnceUsed } from "../review.js";
import { debtCounted, type Scored, scoreOn } from "../score-inputs.js";
import { keptStandard } from "../standard.js";
import { reviewOnOrAfter } from "../state.js";
import type { DebtRepayment, Policy, Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import { withEveryCapBelow } from "./caps-below.js";
import { type Counts, debtAdvice } from "./debt-advice.js";
import { keptIncome, reportIncome } from "./income-advice.js";
import {
  asReviewOnReads,
  monthEndBefore,
  owingAsOn,
  readAfter,
  reportedAs,
  verifiedOn,
  withDues,
  withHuabeiActive,
  withOverduePaid,
  withProfile,
} from "./read-ahead.js";
import { repaid } from "./repay-gap.js";
import { huabeiReviewedFirst, restorationDebt } from "./restoration-debt.js";
import {
  huabeiBack,
  keptOnceUsedScoreGap,
  neededOnceUsed,
  readAhead,
  reportLowers,
  scoreRestores,
  scoreRestoring,
  withOnceUsedOf,
} from "./restoring-score.js";
import { fixedUntil, raiseScore, TIME_ONLY } from "./score-advice.js";
import { type TrimAhead, trimAhead } from "./trim-ahead.js";

/** What a suspension's restoration finds in its way (`blockers`), as the next periodic review reads the
 *  customer: the score that review reads from a coming month-end report when it restores the line and
 *  today's does not (`ahead`); that report when reading it is what leaves nothing in the way (`reads`); the
 *  score the blockers were read with when it is that review's rather than today's (`scored`); what that
 *  review would read when an early review today restores the line and it would not (`periodic`). */
export interface Restoration {
  blockers: RuleFact[];
  ahead: ScoreAhead | null;
  /** `recordStarts`: a thin file today that the report reads with six months of history — its repayment
   *  record starting to count (and the thin file's cap lifting) is what leaves nothing in the way */
  reads: { day: number; date: string; recordStarts?: true } | null;
  /** the month-end report the next review reads, when the answer reads the customer as that review will
   *  (`scored` given) and a month ends before it */
  report: { day: number; date: string } | null;
  scored: Scored | null;
  periodic: Periodic | null;
  /** Huabei restored by that review once it trims Jiebei's unused limit (trim-ahead.ts): nothing then in
   *  the way of that review, which an early review does not make */
  trims: TrimAhead | null;
  /** with `trims`: what holds Huabei until then (LIMIT_KEPT_ONCE_USED and the facts after it) — true today,
   *  and of an early review, though not of the review that trims */
  untilTrim: RuleFact[];
}

/** What a line suspended for credit or policy needs to be restored, as remedies; its blockers (each
 *  with its numbers). */
export function restoration(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  remedies: Remedy[],
  cause: Line["cause"],
): Restoration {
  const p = c.policy;
  const rules = rulesFor(p, line.id);
  const income = reportIncome(c, line, s);
  // the next review, when it is the one that can restore the line (its clean period allowing, nothing
  // overdue) and a month end comes before it: the customer as it reads them — that report's balances (the
  // repayments and the spending since the last one), its score — is what the answer is about; a later
  // review reads a later report, which what is spent and repaid until then decides
  const clearByNext =
    cleanUntil(c, line, cause, day) <= reviewOnOrAfter(calendar, day, p) && customerOverdue(c) === 0;
  const readNow = clearByNext ? readAhead(c, line, day, calendar) : null;
  // the review restores Huabei before it reviews Jiebei: a suspended Huabei that review restores (nothing
  // but a verification the answer asks for in its way) is active — used, to its limit — when Jiebei's
  // restoration reads the file
  const next = reviewOnOrAfter(calendar, day, p);
  const back = line.id === "jiebei" && huabeiBack(readNow?.read ?? c, next, readNow?.s ?? s);
  const asRead = (f: Customer): Customer => (back ? withHuabeiActive(f) : f);
  // the score that review needs is also one that keeps a line once the line restored is used
  const read =
    readNow === null
      ? null
      : { ...readNow, needed: neededOnceUsed(asRead(readNow.read), line, next, readNow.s, readNow.needed) };
  // (on the file with the bills decided before that review on record, as its score `read.s` is: the line
  // restored and used is scored from it)
  const ahead =
    read === null ? null : blockersOf(asRead(withDues(read.read, read.dues)), line, day, read.s, cause);
  // a debt ratio over the cap today, or on the coming report that review reads (spending since the last
  // one): the debt advice is for that review either way
  const overCap = (f: RuleFact) => f.code === "DEBT_TO_INCOME_TOO_HIGH";
  // the debt ratio as restoring reads it: the line at its smallest, used (applicationDebt) — counted on
  // the customer as the review's day opens (what is owed then: Jiebei's interest accrued since the report),
  // beside the report that review reads (`f`). What that adds to the report is room the debt advice
  // leaves (`extra`); none when nothing is counted used (grantUsedFraction 0: the file as it is)
  // the first review that can restore the line as far as time goes — none before its clean period ends
  // (counted from paying today while an overdue is outstanding): every step towards the restoration is
  // for that review, and sized to what it counts on its day
  const cleanFrom = cleanUntil(c, line, cause, day);
  const first = cleanFrom <= next ? next : calendar.nextDayOfMonth(cleanFrom - 1, p.reviewDayOfMonth);
  const then = asRead(first > day ? openingOn(c, day, calendar, first) : c);
  const used = (f: Customer) => {
    if (p.grantUsedFraction === 0) return 0;
    return Math.max(0, applicationDebt(reportedAs(then, f), line, false) - debtCounted(f));
  };
  const failures = eligibilityFailures(asRead(c), rules, p, [], applicationDebt(asRead(c), line, false));
  for (const failure of failures) {
    // a security hold over the suspension has asked for the verification already: once is enough
    if (
      failure.code === "IDENTITY_REQUIRED" &&
      !remedies.some((r) => r.line === line.id && r.kind === "verify_identity")
    )
      remedies.push({ line: line.id, kind: "verify_identity" });
  }
  // the customer with the overdue the answer asks first paid today (the customer as is, when none): what
  // the debt advice is sized on, and what the line restored and used would fail is read on
  const paid = withOverduePaid(c, day);
  const reading: Reading = {
    c,
    line,
    day,
    s,
    calendar,
    remedies,
    cause,
    p,
    rules,
    next,
    first,
    cleanFrom,
    clearByNext,
    read,
    asRead,
    ahead,
    paid,
    used,
    failures,
    income,
    overCap,
  };
  const debtShort = debtSteps(reading);
  if (income !== null) remedies.push(income);
  // the clean period restoration needs: from the last repaid overdue, or — while one is outstanding —
  // from paying it (today at the earliest) — none when it ends today (restoreCleanDays 0, an overdue
  // still owed: paying it is the step; "on time until today" asked nothing)
  const owing = customerOverdue(c) > 0;
  if (cleanFrom > day)
    remedies.push({
      line: line.id,
      kind: "keep_clean_until",
      day: cleanFrom,
      date: calendar.date(cleanFrom),
      afterPaying: owing,
    });
  // what stands in the way on today's record — what an early review asked for before that report reads —
  // with what the line restored and used would fail (LIMIT_KEPT_ONCE_USED and the facts after it) read
  // with the overdue paid, as the steps ask first: while it is outstanding that check reads it past due
  // (PAST_DUE_AT_REVIEW, a score short of delinquentMinScore), which no review that can restore the line
  // does — no review restores a line while an overdue is outstanding
  const paidS = owing ? scoreOn(paid, day) : s;
  const today = withOnceUsedOf(
    blockersOf(c, line, day, s, cause),
    owing ? blockersOf(paid, line, day, paidS, cause) : null,
  );
  // held by what Jiebei's unused limit, counted drawn, does to Huabei once used: the next review trims
  // that limit and restores Huabei — no score step is asked for it (only an early review would need one)
  const trims = first === next && debtShort === 0 ? trimAhead(c, day, calendar, next, ahead ?? today) : null;
  if (trims !== null) return { ...NOTHING_IN_WAY, blockers: [], trims, untilTrim: ahead ?? today };
  // the line used once restored would score below what keeping it needs (LIMIT_KEPT_ONCE_USED, and the
  // score the review after it would read): the score to reach is that far above the score it was read at
  // (today's, the overdue paid) — the scorecard's points add, so what raises one raises the other
  const usedShort = Math.max(keptOnceUsedScoreGap(ahead ?? today), debtShort);
  if (usedShort > 0 && !remedies.some((r) => r.line === line.id && r.kind === "raise_score"))
    remedies.push(
      withRestores(
        raiseScore(c, line, s, (ahead === null ? paidS.score : s.score) + usedShort),
        read !== null ? scoreRestoring(read.read, line.id) : scoreRestoring(c, line.id),
      ),
    );
  // nothing does, and an early review can be asked for today, while that review, reading the report, finds
  // the score short of what restoring needs — but not of what keeping the line needs: an early review now
  // restores the line for good (that review keeps it), so that is the answer, with no step towards a score
  // it does not read; what that review would read is said beside it. Not beneath a security hold (only a
  // verification lifts it), nor when that review would suspend the restored line again (a debt ratio over
  // the cap on the report: the early review waits for the report then)
  const earlyNow =
    line.cause !== "security" &&
    (line.lastReviewRequest === null || line.lastReviewRequest + p.reviewRequestCooldownDays <= day);
  if (
    read !== null &&
    ahead !== null &&
    earlyNow &&
    today.length === 0 &&
    ahead.length > 0 &&
    ahead.every((f) => f.code === "SCORE_BELOW_RESTORE") &&
    keptStandard(read.read, lineOf(read.read, line.id), read.s) === null
  )
    return {
      ...NOTHING_IN_WAY,
      periodic: { reads: read.s.score, needed: read.needed, report: read.report },
    };
  const scoreAhead = scoreStep(reading, paidS);
  // what stands in the way: as that review will read the customer (the bills due before it met at their
  // minimum), with its numbers — nothing, though something does on today's record (READY_TO_RESTORE,
  // naming the report it reads), or something though nothing does today (spending since the last report:
  // that review does not restore the line as today's record would have it); else what does today
  if (ahead === null || read === null) return { ...NOTHING_IN_WAY, blockers: today, ahead: scoreAhead };
  const turns = (today.length === 0) !== (ahead.length === 0);
  return {
    ...NOTHING_IN_WAY,
    blockers: ahead,
    ahead: scoreAhead,
    reads:
      turns && read.report !== null
        ? {
            ...read.report,
            ...(thinFile(c) && !thinFile(read.read) ? { recordStarts: true as const } : {}),
          }
        : null,
    report: read.report,
    scored: read.s,
  };
}

const NOTHING_IN_WAY: Restoration = {
  blockers: [],
  ahead: null,
  reads: null,
  report: null,
  scored: null,
  periodic: null,
  trims: null,
  untilTrim: [],
};

/** How the review that can restore the line reads the customer, shared by restoration's steps. */
interface Reading {
  c: Customer;
  line: Line;
  day: number;
  s: Scored;
  calendar: Calendar;
  remedies: Remedy[];
  cause: Line["cause"];
  p: Policy;
  rules: ReturnType<typeof rulesFor>;
  next: number;
  first: number;
  cleanFrom: number;
  clearByNext: boolean;
  read: (NonNullable<ReturnType<typeof readAhead>> & { needed: number }) | null;
  asRead: (f: Customer) => Customer;
  ahead: RuleFact[] | null;
  paid: Customer;
  used: (f: Customer) => number;
  failures: RuleFact[];
  income: Remedy | null;
  overCap: (f: RuleFact) => boolean;
}

/** What the line restored and used would fail today once identity is verified, when the answer asks it and
 *  the verification restores the other line (none otherwise: the file is today's, read already). */
function verifiedFailures(reading: Reading): RuleFact[] {
  const { line, day, calendar, remedies, p, rules, asRead, paid } = reading;
  if (!remedies.some((r) => r.kind === "verify_identity")) return [];
  const other = line.id === "huabei" ? "jiebei" : "huabei";
  const verified = verifiedOn(paid, day, calendar);
  if (verified[other].status !== "active" || paid[other].status === "active") return [];
  const f = asRead(verified);
  return eligibilityFailures(f, rules, p, [], applicationDebt(f, line, false));
}

/** The debt advice towards the restoration, when the debt ratio restoring reads is over the cap today or on the
 *  coming report the review that can restore the line reads (spending since the last one): sized against
 *  what restoring counts at that review, with the overdue the answer asks paid today, its income one at
 *  which the line restored and used is kept, said with what restoring counts. Returns how far the score the
 *  review reads once the advice is followed falls short of what keeping the line restored and used needs (0:
 *  kept, or no advice). */
function debtSteps(reading: Reading): number {
  const {
    c,
    line,
    day,
    s,
    calendar,
    remedies,
    p,
    rules,
    next,
    first,
    clearByNext,
    read,
    asRead,
    ahead,
    paid,
    used,
    income,
    overCap,
    failures,
  } = reading;
  // with no read-ahead (the review that can restore the line is a later one than the next, or nothing
  // changes before it), what the line restored and used would fail is read on today's file as that
  // review reads it — a Huabei it restores first active, at its limit — with the overdue asked paid: one
  // customer, one debt, the other line's cap is in the way there too (PROPERTY_SEED=9101: Huabei back on
  // day 196 at ¥1,000, Jiebei restored and used would take its ratio to 0.52 against 0.5, and the answer,
  // reading Huabei suspended, said "wait for day 196" with no debt step; Jiebei was held)
  const back = ahead === null && asRead(paid) !== paid ? otherCapBlockers(reading) : [];
  // …and with identity verified when the answer asks it: the other line, held for security alone, is
  // restored by the verification and its credit counted used at the review too (PROPERTY_SEED=9176:
  // Jiebei restored on verifying took Huabei to 0.6 at the review the answer named with no debt step)
  const onVerified = verifiedFailures(reading);
  const debtOver =
    failures.some(overCap) || (ahead ?? []).some(overCap) || back.length > 0 || onVerified.some(overCap);
  if (!debtOver) return 0;
  let debtShort = 0;
  // sized to the score too only for the next review, when its clean period allows that one to restore
  const extra = used(first === next ? (read?.read ?? c) : asReviewOnReads(c, day, calendar, first));
  // to the tightest cap that stands in the way: the customer's other line's, when the line restored and
  // used would take it over its own (one customer, one debt: restoredOnceUsed)
  const caps = [...failures, ...(ahead ?? []), ...back, ...onVerified]
    .filter(overCap)
    .map((f) => f.threshold ?? Infinity);
  // the repayments sized against what restoring counts at the review the advice names, with the
  // overdue the answer asks paid today
  // …with identity verified when the answer asks it: verifying lifts every hold, and a line it restores
  // (its credit then counted used) is debt the review reads too
  const verified = remedies.some((r) => r.kind === "verify_identity")
    ? verifiedOn(paid, day, calendar)
    : paid;
  // what restoring counts, worked out once for each review, repayments and income the advice's searches
  // ask about (the same ones again and again: nothing repaid, each debt in full, the plan for the cap)
  const counted = new Map<string, number>();
  const runs: Runs = new Map();
  const counts: Counts | null =
    p.grantUsedFraction === 0
      ? null
      : (review, repay, monthlyIncome) => {
          const key = `${review} ${monthlyIncome} ${repay.map((r) => `${r.debt}:${r.amount}:${r.all}`).join(" ")}`;
          const known = counted.get(key);
          if (known !== undefined) return known;
          const n = restorationDebt(
            verified,
            asRead,
            line.id,
            day,
            calendar,
            review,
            repay,
            monthlyIncome,
            runs,
          );
          counted.set(key, n);
          return n;
        };
  const advised = debtAdvice(
    c,
    line,
    Math.min(rules.maxDebtToIncome, ...caps),
    day,
    calendar,
    income,
    clearByNext ? s : null,
    extra,
    counts,
    first,
  );
  // how far the score the review an advice is for reads, with its repayments made or its income reported,
  // falls short of what keeping the line restored and used needs (0: kept) — read as things stand then:
  // the report before it, each bill until then met at its minimum, the overdue asked paid today
  const keptShort = (review: number, repay: readonly DebtRepayment[], monthlyIncome: number): number => {
    // each line as it stands when its day opens (what is owed then: Jiebei's interest until the review),
    // a line repayment counted made on the month end, the later (as scoreSized reads it)
    const onLines = repay.filter((r) => r.debt !== "elsewhere");
    const then =
      review > day
        ? openingOn(paid, day, calendar, review, onLines, monthEndBefore(calendar, day, review) ?? day)
        : paid;
    const read = readAfter(paid, day, calendar, repay, review === next ? null : review);
    const after = asRead(withProfile(owingAsOn(read, then), { monthlyIncome }));
    // the line restored and used is scored from the file with those bills on record, as its score is (read
    // without them, a minimum met on day 130 left out, it kept ¥500 the review of day 137 did not, 618
    // against 620: PROPERTY_SEED=9101)
    const file = withDues(after, duesAhead(paid, day, calendar, review));
    const scored = scoreOn(file, review);
    const kept = restoredOnceUsed(file, lineOf(file, line.id), review, scored);
    return kept.limit === null ? keptOnceUsedScoreGap(kept.facts) : 0;
  };
  // the income the advice names is one at which that review restores the line: when the ratio's income
  // leaves the line once used scoring below what keeping it needs, the least that does not (the score
  // rises with the income); none found, the score is a step of its own
  const debt =
    advised?.kind === "reduce_debt" && advised.income !== null
      ? {
          ...advised,
          income: keptIncome(
            advised.income,
            (i) => keptShort(advised.missed?.day ?? advised.review.day, [], i) === 0,
          ),
        }
      : advised;
  if (
    debt?.kind === "reduce_debt" &&
    debt.income === null &&
    advised?.kind === "reduce_debt" &&
    advised.income !== null
  )
    debtShort = keptShort(advised.missed?.day ?? advised.review.day, [], advised.income);
  // what restoring counts, said with the advice: not the lines as the report shows them — the line
  // restored at its smallest line and an active line at its limit, used (applicationDebt)
  // The other line as that review reads it (the lines played until its day, Huabei reviewed first): a
  // Huabei a review before it cuts is counted at the cut limit, one it suspends and does not restore as
  // reported — told "Huabei at its ¥3,137.00 limit", a customer's review counted ¥3,000.00
  if (debt?.kind === "reduce_debt" && counts !== null) {
    const review = debt.review.day;
    const then = asRead(review > day ? openingOn(verified, day, calendar, review) : verified);
    const read = line.id === "jiebei" ? huabeiReviewedFirst(then, review) : then;
    const f = asRead(c);
    const lines = [f.huabei, f.jiebei].map((l) => (l.id === line.id ? l : lineOf(read, l.id)));
    const counted = lines.flatMap((l) =>
      l.id === line.id
        ? [{ line: l.id, limit: leastGranted(f, l, false) }]
        : l.status === "active"
          ? [{ line: l.id, limit: l.limit }]
          : [],
    );
    const reported = lines
      .filter((l) => !counted.some((x) => x.line === l.id) && (l.status !== "none" || owed(l) > 0))
      .map((l) => l.id);
    remedies.push({ ...debt, restoring: { counted, used: p.grantUsedFraction, reported } });
  } else if (debt !== null) remedies.push(debt);
  // followed, the advice for the next review changes the file its kept-once-used check reads (which
  // restorationBlockers leaves aside while the ratio is over the cap): the line restored there and used
  // scoring below what keeping it needs is a score step of its own — unless the advice is sized to the
  // score already (scoreSized reads that check)
  if (debt?.kind === "reduce_debt" && debt.repay !== null && debt.missed === null && debt.score === null)
    debtShort = Math.max(debtShort, keptShort(debt.review.day, debt.repay, c.profile.monthlyIncome));
  return debtShort;
}

/** The debt ratios over the other line's cap that the line restored and used would take it to, as the
 *  review that can restore the line reads today's file (the other line active: asRead), with the overdue
 *  the answer asks paid today. */
function otherCapBlockers(reading: Reading): RuleFact[] {
  const { line, day, calendar, paid, asRead, overCap, remedies, first } = reading;
  // …with the other line's debt step for that review followed: over its cap on its own, it would hold
  // nothing of this line's (its own failure), and followed, the customer has it back there and this line,
  // used, takes it past its cap again (PROPERTY_SEED=9101: Huabei's ¥65.30 elsewhere sized to 0.50 exactly,
  // Jiebei then held at 0.52)
  const other = remedies.find(
    (r): r is Extract<Remedy, { kind: "reduce_debt" }> =>
      r.line !== line.id && r.kind === "reduce_debt" && r.repay !== null && r.review.day === first,
  );
  const followed = other?.repay == null ? paid : repaid(paid, day, other.repay);
  // read on today's balances and as that review reads them (the balances the month end before it reports),
  // either over the cap: the debt advice, sized against what restoring counts on its day, says how much —
  // what the line restored there and used would fail, scored as today's record reads (the score is a step
  // of its own)
  const over = (then: Customer): RuleFact[] => {
    const f = keptBack(then, asRead(then), first);
    const kept = restoredOnceUsed(f, lineOf(f, line.id), first, scoreOn(f, day));
    return kept.facts.filter((b) => overCap(b) && b.line !== undefined);
  };
  const now = over(followed);
  return now.length > 0 || first <= day ? now : over(asReviewOnReads(followed, day, calendar, first));
}

/** `back` (the file with Huabei counted active by asRead), with Huabei at the limit its restoration keeps
 *  once used, as the review restores it — not its limit before the suspension: at that, over its cap on its
 *  own, it would hold nothing of Jiebei's (PROPERTY_SEED=9101: Huabei restored at ¥700, not ¥1,000, and
 *  Jiebei used then took its ratio to 0.54). */
function keptBack(suspended: Customer, back: Customer, day: number): Customer {
  if (back === suspended || suspended.huabei.status !== "suspended") return back;
  const kept = restoredOnceUsed(suspended, suspended.huabei, day, scoreOn(suspended, day)).limit;
  if (kept === null || kept >= back.huabei.limit) return back;
  const huabei = huabeiCopy(back.huabei);
  huabei.limit = kept;
  return customerWith(back, { huabei });
}

/** The score step towards the restoration: the bills before the review repaid in full when that is what
 *  takes its score to what restoring needs (repay_in_full), else the score to raise — for the review that
 *  reads it, as the coming report leaves it for a later one — with the recent applications to let age;
 *  none when debt advice sized to the score says how much. Returns the score that review reads when it
 *  meets what restoring needs while today's does not (no step then: said beside today's), else null. */
function scoreStep(reading: Reading, paidS: Scored): ScoreAhead | null {
  const { c, line, day, s, calendar, remedies, p, rules, cleanFrom, clearByNext, read, asRead, paid } =
    reading;
  const owing = customerOverdue(c) > 0;
  // the restoration score, or the score of the first band above it with a line when its band has none (a
  // score that meets restoreScore in a band below the smallest line is suspended again at the review)
  const band = scoreRestoring(c, line.id);
  const base = Number.isFinite(band) ? band : restorationScore(rules, line, suspendedFor(line)).score;
  // (what keeping it once used needs read with the overdue paid, as above)
  const needed = neededOnceUsed(asRead(paid), line, day, paidS, base);
  // debt advice sized to the score as well says how much: the score is no step of its own then
  const sized = remedies.some((r) => r.line === line.id && r.kind === "reduce_debt" && r.score !== null);
  // the score that review reads meets what restoring needs while today's does not: no step, the score it
  // reads said beside today's
  const scoreAhead =
    read !== null && s.score < needed && !sized && read.s.score >= read.needed
      ? {
          today: s.score,
          reads: read.s.score,
          needed: read.needed,
          report: read.report,
          // the file too thin to count repayments today, not once that review reads it: the record
          // starting to count is what moves the score (the ~160-point step six months bring)
          ...(thinFile(c) && !thinFile(read.read) ? { recordStarts: true as const } : {}),
        }
      : null;
  // the score step: for that review, the score it reads from that report (short of what restoring needs,
  // whatever today's); otherwise today's, for the review that can restore the line (suspendedLine names
  // it when it is a later one)
  // (today's read with the overdue paid, as the pay step asks first: paying it alone can bring the score
  // there — a step to raise it from 643 "today" to 660, citing the income too, was asked of a customer
  // whose score paying brought to 753)
  const short =
    read !== null ? read.s.score < read.needed && !sized : (owing ? paidS : s).score < needed && !sized;
  // a later review that can restore the line (its clean period ends after the next): as things stand, it
  // reads the balance the month ends before it report (the spending since the last one) — when that takes
  // the score it reads short of what restoring needs, said as the next review's answer says its own, with
  // that review's day — read with an overdue the answer asks paid today, as the debt advice beside it is
  // sized (while one was outstanding nothing was read: the review of day 226 read 698 against 700 from the
  // report of day 212, ¥451 on a ¥600 Huabei, and no step named the score — PROPERTY_SEED=9132)
  const laterDebt = remedies.some((r) => r.line === line.id && r.kind === "reduce_debt" && r.missed !== null);
  const lowered =
    read === null && !clearByNext && !sized && !laterDebt
      ? reportLowers(owing ? paid : c, line.id, day, calendar, cleanFrom)
      : null;
  // …unless what takes that score short is Huabei's bills due before it met only at their minimum: repaid
  // in full by their due date, recorded so, the score it reads restores the line — that is the step
  const inFull = short && read !== null ? billsInFull(c, day, calendar, read.dues) : null;
  const paidInFull =
    inFull !== null &&
    read !== null &&
    scoreRestores(
      read.read,
      read.dues.map((r) => (r.line === "huabei" ? { ...r, outcome: "paid" as const } : r)),
      line.id,
      reviewOnOrAfter(calendar, day, p),
    );
  if (inFull !== null && read !== null && paidInFull) {
    const next = reviewOnOrAfter(calendar, day, p);
    remedies.push({
      line: line.id,
      kind: "repay_in_full",
      due: { day: inFull.day, date: calendar.date(inFull.day) },
      amount: inFull.amount,
      ...(inFull.grace !== null ? { grace: { day: inFull.grace, date: calendar.date(inFull.grace) } } : {}),
      review: { day: next, date: calendar.date(next) },
      reads: read.s.score,
      needed: read.needed,
      keeps: false,
    });
  } else if (short || lowered !== null) {
    // the step is for the next review when its clean period lets that one restore the line and no debt
    // advice names a later one: with no month end before it, that review reads the balance on record
    const forNext = clearByNext && !laterDebt;
    const fixed = forNext
      ? fixedUntil(calendar, day, reviewOnOrAfter(calendar, day, p), read?.dues ?? [])
      : TIME_ONLY;
    // one score step for the line: the one asked already — what the line restored and used would score
    // short of keeping it (restoration's usedShort) — is folded in, the target the higher of the two as
    // the scorecard's points add (two steps, to 595 and to 680 for the same review, told the customer
    // nothing of which to reach)
    const own = remedies.findIndex((r) => r.line === line.id && r.kind === "raise_score");
    const asked = remedies[own];
    const gap = asked?.kind === "raise_score" ? asked.needed - asked.current : 0;
    const step: Remedy =
      read !== null
        ? {
            ...raiseScore(c, line, read.s, Math.max(read.needed, read.s.score + gap), fixed),
            ahead: {
              today: s.score,
              report: read.report,
              // (as the wait's score says it: the record starting to count moves the score there)
              ...(thinFile(c) && !thinFile(read.read) ? { recordStarts: true as const } : {}),
            },
          }
        : lowered !== null
          ? // the later review, as the coming report leaves the score it reads: that score to raise
            {
              ...raiseScore(c, line, lowered.s, Math.max(lowered.needed, lowered.s.score + gap), fixed),
              // read with the overdue paid: said so, as today's score is read with it unpaid
              ahead: {
                today: s.score,
                report: lowered.report,
                ...(owing ? { overduePaid: true as const } : {}),
              },
              review: lowered.review,
            }
          : raiseScore(c, line, s, Math.max(needed, s.score + gap), fixed);
    // the score restoring the line asks at the review the step is for (what its reasons cite), when the step
    // asks more — what the line restored and used needs to be kept: said, so that 680 beside "423 vs
    // restoreScore 660" is no contradiction
    const restores =
      read !== null ? scoreRestoring(read.read, line.id) : lowered !== null ? lowered.needed : base;
    const told = withRestores(step, restores);
    if (own < 0) remedies.push(told);
    else remedies[own] = told;
    // the day the last recent application leaves the 30-day window
    const latest = c.inquiries[countUpTo(c.inquiries, day) - 1];
    if (latest !== undefined && day - latest < 30)
      remedies.push({
        line: line.id,
        kind: "wait_for_inquiries",
        day: latest + 30,
        date: calendar.date(latest + 30),
      });
  }
  return scoreAhead;
}

/** A restoration's score step with the score restoring the line asks (`restores`) when the step asks more:
 *  what the line restored and used needs to be kept (LIMIT_KEPT_ONCE_USED) — the customer is told why the
 *  score asked is above the one the reasons cite (an infinite `restores`: none to say). */
function withRestores(
  step: Extract<Remedy, { kind: "raise_score" }>,
  restores: number,
): Extract<Remedy, { kind: "raise_score" }> {
  return Number.isFinite(restores) && step.needed > restores ? { ...step, restores } : step;
}

type ScoreAhead = NonNullable<Extract<Remedy, { kind: "wait_for_review" }>["score"]>;

type Periodic = NonNullable<Extract<Remedy, { kind: "wait_for_review" }>["periodic"]>;

/** What stands in the way of the restoration (restorationBlockers), every cap that leaves no line at the
 *  line's limit among it, not the one that binds alone (withEveryCapBelow). */
function blockersOf(c: Customer, line: Line, day: number, s: Scored, cause: Line["cause"]): RuleFact[] {
  return withEveryCapBelow(c, line, s, restorationBlockers(c, line, day, s, cause));
}

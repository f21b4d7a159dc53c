// The debt advice (reduce_debt): what to repay, and of which debt, for the debt ratio a coming review reads
// to be within the cap — sized to the fen against the report that review reads, and for a suspended line to
// the score its restoration needs as well — or the income that carries the debt instead.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, lineOf, owed } from "../customer.js";
import { closingReview, duesAhead, openingOn, reportAhead } from "../report-ahead.js";
import {
  debtCounted,
  debtToIncome,
  debtToIncomeWith,
  debtWithin,
  incomeAllowing,
  type Scored,
} from "../score-inputs.js";
import { leastAbove, leastFrom } from "../search.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { DebtRepayment, Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { incomeRestoring } from "./income-advice.js";
import { monthEndBefore, owingAsOn, readAfter, withOverduePaid, withProfile } from "./read-ahead.js";
import { restorationDebt } from "./restoration-debt.js";
import { scoreRestores, scoreRestoring } from "./restoring-score.js";

/** The debt advice, counting on the income the smallest line needs (`income`, asked for anyway, when higher
 *  than the one on record): null when that income alone brings the ratio within the cap by the next
 *  review — not when only a later one reads the balances that does it (the next review still reads the
 *  last report's: the advice names the review that can restore the line). */
export function debtAdvice(
  c: Customer,
  line: Line,
  max: number,
  day: number,
  calendar: Calendar,
  income: Remedy | null,
  restore: Scored | null,
  extra: Fen = 0,
  counts: Counts | null = null,
  review: number | null = null,
): Remedy | null {
  if (income?.kind !== "report_income" || income.income <= c.profile.monthlyIncome)
    return reduceDebt(c, line, max, day, calendar, restore, extra, counts, review);
  const asked = withProfile(c, { monthlyIncome: income.income });
  const advice = reduceDebt(asked, line, max, day, calendar, restore, extra, counts, review);
  if (advice === null || advice.kind !== "reduce_debt") return advice;
  if (advice.over !== null && advice.over <= 0 && advice.missed === null) return null;
  // its ratio and amounts are at that income, not the one on record (with none, debt with no income): said
  return { ...advice, atIncome: income.income };
}

/**
 * The debt to repay, or the income to report, for the ratio a coming periodic review reads to be within
 * `max`. A review reads debt elsewhere as it is that day and the lines' balances as the last month end
 * reported them: when a month ends before the next review, its report is what counts — the repayments
 * made on the lines since the last one included, and the interest and charges until then — and repaying a
 * line's balance by that month end helps; otherwise the next review reads the balances on record, only a
 * repayment elsewhere changes what it reads, and when all of that is not enough the repayments are for the
 * review after the next report. `review`: for a suspended line, the first review that can restore it (its
 * clean period over), for which the advice is then — "the next review" above is that one, reading the
 * report of the last month end before it.
 */
function reduceDebt(
  c: Customer,
  line: Line,
  max: number,
  day: number,
  calendar: Calendar,
  restore: Scored | null,
  extra: Fen = 0,
  counts: Counts | null = null,
  review: number | null = null,
): Remedy | null {
  const advice = debtPlan(c, line, max, day, calendar, restore, extra, counts, review);
  // an income is a step only above the one on record: with nothing more to repay, the least income whose
  // ratio is within the cap is below it, and reported it would lower the income (the score's points, the
  // limit's multiple, the smallest line another line needs) — no step towards anything
  return advice !== null &&
    advice.kind === "reduce_debt" &&
    advice.income !== null &&
    advice.income <= c.profile.monthlyIncome
    ? { ...advice, income: null }
    : advice;
}

/** reduceDebt's plan, its income whatever it is against the one on record. `extra`: the debt the review
 *  counts beyond the file's once the credit is used — for a suspended line, restored at its smallest line
 *  and used (restorationBlockers): the income leaves room for it. `counts`: for such a line, the debt its
 *  restoration counts at a review with the repayments made (restorationDebt) — what the repayments asked
 *  for are sized against, at the review the advice names: the lines as restoring counts them (an active
 *  Huabei at its limit, which repaying its balance does not lower), the interest accrued to that day. */
function debtPlan(
  c: Customer,
  line: Line,
  max: number,
  day: number,
  calendar: Calendar,
  restore: Scored | null,
  extra: Fen,
  counts: Counts | null,
  review: number | null,
): Remedy | null {
  const dated = (d: number) => ({ day: d, date: calendar.date(d) });
  // the first review that can restore the line (`review`), or the next one: what it reads is the report of
  // the last month end before it
  const next = review ?? reviewOnOrAfter(calendar, day, c.policy);
  const monthEnd = monthEndBefore(calendar, day, next) ?? monthEndAfter(calendar, day);
  const within = debtWithin(c, max);
  // no repayment leaves room for the credit counted used: only an income does
  const allowed = within === null || within < extra ? null : within - extra;
  const ratio =
    extra === 0 ? debtToIncome(c) : debtToIncomeWith(c, debtCounted(c) - c.profile.externalDebt, extra);
  const advice = { line: line.id, kind: "reduce_debt", ratio, max, score: null } as const;
  // the repayments that bring what restoring counts at `review` to `a` fen more than `extra` (`allowed`:
  // within the cap), `lines` false for debt elsewhere alone; null when repaying all of it is not enough
  const restoring = (review: number, a: Fen, lines: boolean): DebtRepayment[] | null =>
    counts === null
      ? null
      : paidDownTo(c, (r) => counts(review, r, c.profile.monthlyIncome), a + extra, lines);
  // the least income at which the review named reads the ratio within the cap with nothing repaid: for a
  // restoration, what it counts on its day at that income (counts: the interest accrued until then, the
  // lines as restoring counts them); else `counted`, what it reads
  const incomeFor = (counted: Fen): number | null => {
    if (counts === null) return incomeAllowing(counted, max);
    let income = incomeAllowing(counts(next, [], c.profile.monthlyIncome), max);
    // (what restoring counts can depend on the income: the line it would be restored at)
    for (let i = 0; i < 8 && income !== null; i++) {
      const needs = incomeAllowing(counts(next, [], income), max);
      if (needs === null || needs <= income) break;
      income = needs;
    }
    return income;
  };
  // a step with no repayment in it: the income alone, for the next review (`missed`: the review the
  // repayments would miss, when one is)
  const incomeStep = (income: number | null, missed: ReturnType<typeof dated> | null): Remedy => ({
    ...advice,
    repay: null,
    over: null,
    review: dated(next),
    report: null,
    missed,
    income,
  });
  const incomeOnly = (): Remedy => {
    // no repayment is enough, but the income asked for is for what the next review reads: the coming
    // report when a month ends before it (what was bought or repaid since the last one counts)
    const ahead = monthEnd < next ? reportAhead(c, day, calendar, monthEnd) : null;
    const counted =
      extra + (ahead === null ? debtCounted(c) : c.profile.externalDebt + ahead.huabei + ahead.jiebei);
    return incomeStep(incomeFor(counted), null);
  };
  if (allowed === null) return incomeOnly();
  if (monthEnd < next) {
    const paid =
      counts === null
        ? linesPaidDown(c, day, calendar, monthEnd, allowed)
        : { ahead: reportAhead(c, day, calendar, monthEnd), repay: restoring(next, allowed, true) };
    const { ahead, repay: capped } = paid;
    if (capped === null) return incomeOnly();
    const counted = c.profile.externalDebt + ahead.huabei + ahead.jiebei;
    // for a suspended line, as much more as the score restoring it needs, when debt alone can bring it
    const sized = restore
      ? scoreSized(
          c,
          line.id,
          day,
          calendar,
          next,
          restore,
          allowed,
          (a) =>
            a === allowed
              ? capped
              : counts === null
                ? linesPaidDown(c, day, calendar, monthEnd, a).repay
                : (restoring(next, a, true) ?? allOf(c, true)),
          0,
          extra,
        )
      : null;
    const repay = sized?.repay ?? capped;
    // the plan needs the report when it repays a line, or counts a repayment made since the last one
    const needsReport =
      repay.some((r) => r.debt !== "elsewhere") ||
      ahead.huabei + ahead.jiebei < c.huabei.reportedBalance + c.jiebei.reportedBalance;
    return {
      ...advice,
      // what that review reads with nothing more repaid: the coming report, not the one on record
      ratio: debtToIncomeWith(c, ahead.huabei + ahead.jiebei, extra),
      repay,
      over: total(repay),
      review: dated(next),
      report: needsReport ? dated(monthEnd) : null,
      missed: null,
      income: sized ? atLeast(sized.income, incomeFor(counted + extra)) : incomeFor(counted + extra),
      score: sized?.score ?? null,
    };
  }
  const counted = debtCounted(c);
  const short = counted - allowed;
  // with no month end before the next review, only a repayment elsewhere changes the report it reads
  const byNext = counts === null ? null : restoring(next, allowed, false);
  if (counts === null ? short <= c.profile.externalDebt : byNext !== null) {
    const elsewhere = (a: Fen): DebtRepayment[] =>
      counts === null
        ? [{ debt: "elsewhere", amount: counted - a, all: counted - a === c.profile.externalDebt }]
        : ((a === allowed ? byNext : restoring(next, a, false)) ?? allOf(c, false));
    // only a repayment elsewhere changes what that review reads: the score's amount is never more than it
    const sized = restore
      ? scoreSized(
          c,
          line.id,
          day,
          calendar,
          next,
          restore,
          allowed,
          elsewhere,
          counted - c.profile.externalDebt,
          extra,
        )
      : null;
    const repay = sized?.repay ?? elsewhere(allowed);
    return {
      ...advice,
      repay,
      over: total(repay),
      review: dated(next),
      report: null,
      missed: null,
      income: sized ? atLeast(sized.income, incomeFor(counted + extra)) : incomeFor(counted + extra),
      score: sized?.score ?? null,
    };
  }
  const income = incomeFor(counted + extra);
  // the review after the next report: the first after the month end (the next one may fall on the month
  // end itself, and comes before its report)
  const later = calendar.nextDayOfMonth(monthEnd, c.policy.reviewDayOfMonth);
  // …unless a review before it closes the suspended line (unless it restores it there): a review after the
  // closing one restores nothing, and no repayment counts in time for the one that closes it — the income
  // is the step, for the review the repayments miss (named as `missed` and `review` both, nothing repaid)
  if (line.status === "suspended" && closingReview(line, day, calendar, c.policy) < later)
    return incomeStep(income, dated(next));
  // an active line: nothing repaid in time for the next review, that review suspends it, and the one after
  // the report is its restoration — which counts what restoring counts (the line at its smallest and used,
  // the other line once used: restorationDebt), the overdue the answer asks paid today. Not the coming
  // report's balances as an active line's review reads them: told "repay ¥8.47 elsewhere" for Huabei's
  // review of day 74, sized on its ¥403.80 report (the ¥400.60 overdue in it), the customer who paid the
  // overdue alone had Huabei restored there, counted at its ¥100 smallest line
  const restored =
    counts === null && line.status === "active" ? restoringCounts(c, line.id, day, calendar) : null;
  const repay =
    restored !== null
      ? // (each debt as owed once the overdue is paid: no line repayment asked for what that pays)
        paidDownTo(
          withOverduePaid(c, day),
          (r) => restored(later, r, c.profile.monthlyIncome),
          allowed + extra,
          true,
        )
      : counts === null
        ? linesPaidDown(c, day, calendar, monthEnd, allowed).repay
        : restoring(later, allowed, true);
  if (repay === null) return incomeOnly();
  return {
    ...advice,
    repay,
    over: total(repay),
    review: dated(later),
    report: dated(monthEnd),
    missed: dated(next),
    // the income counts the day it is reported, at `missed` itself: the least at which that review reads the
    // report on record within the cap, and keeps the line — not what the restoration after it counts, which
    // left the review warned of suspending Jiebei at the income named (PROPERTY_SEED=1831932166: told "¥251",
    // the review of day 45 read 1.03 against 1)
    income,
  };
}

/** What restoring line `id` counts at a later review (restorationDebt), its overdue paid today: the count
 *  a review after the next one reads of an active line the next one suspends. Null with nothing counted
 *  used (`grantUsedFraction` 0: a restoration reads the file as it is, as the active line's count does). */
function restoringCounts(c: Customer, id: LineId, day: number, calendar: Calendar): Counts | null {
  if (c.policy.grantUsedFraction === 0) return null;
  const paid = withOverduePaid(c, day);
  const known = new Map<string, Fen>();
  return (review, repay, monthlyIncome) => {
    const key = `${review} ${monthlyIncome} ${repay.map((r) => `${r.debt}:${r.amount}`).join(" ")}`;
    const n =
      known.get(key) ?? restorationDebt(paid, (f) => f, id, day, calendar, review, repay, monthlyIncome);
    known.set(key, n);
    return n;
  };
}

/** The debt a restoration counts at a review (`review`), with `repay` made, at a monthly income of
 *  `monthlyIncome` (the one the advice is worked out at): what sizes a suspended line's debt advice. */
export type Counts = (review: number, repay: readonly DebtRepayment[], monthlyIncome: number) => Fen;

/** The income that does both: the score's (`score`) and at least the ratio's (`ratio`), which counts the
 *  lines as restoring reads them (a Huabei the same review gives back at its larger limit: the score's alone
 *  read 0.83 against Jiebei's 0.8, PROPERTY_SEED=5550123); null when either is none. */
const atLeast = (score: number | null, ratio: number | null): number | null =>
  score === null || ratio === null ? null : Math.max(score, ratio);

/** Every debt repaid in full (debt elsewhere, and the lines too unless `lines` is false). */
const allOf = (c: Customer, lines: boolean): DebtRepayment[] =>
  [
    { debt: "elsewhere" as const, amount: c.profile.externalDebt },
    ...(lines ? [c.huabei, c.jiebei].map((l) => ({ debt: l.id, amount: owed(l) })) : []),
  ]
    .filter((d) => d.amount > 0)
    .map((d) => ({ ...d, all: true }));

/**
 * The repayments in payDown's order — debt elsewhere first, then Huabei's balance, then Jiebei's (`lines`
 * false: debt elsewhere alone) — whose total is the least, to the fen, that brings what `counts` reads
 * within `within`; none of a debt whose repayment in full lowers nothing it counts (an active Huabei counted
 * at its limit: repaying its balance frees nothing). Null when all of them repaid is not enough. What is
 * counted falls as more is repaid (not always by as much: a repayment before a due day meets what falls
 * due first), so a search finds the least total: from what is over, stepping up by what is still over,
 * doubling, then halving.
 */
function paidDownTo(
  c: Customer,
  counts: (repay: readonly DebtRepayment[]) => Fen,
  within: Fen,
  lines: boolean,
): DebtRepayment[] | null {
  const none = counts([]);
  if (none <= within) return [];
  const debts = allOf(c, lines).filter((d) => counts([d]) < none);
  const most = total(debts);
  const planFor = (sum: Fen): DebtRepayment[] => {
    const out: DebtRepayment[] = [];
    let left = sum;
    for (const d of debts) {
      const amount = Math.min(d.amount, left);
      if (amount <= 0) break;
      out.push({ debt: d.debt, amount, all: amount === d.amount });
      left -= amount;
    }
    return out;
  };
  const over = (sum: Fen): Fen => counts(planFor(sum)) - within;
  if (debts.length === 0 || over(most) > 0) return null;
  return planFor(leastFrom(0, most, none - within, (sum) => over(sum) <= 0));
}

/**
 * The debt advice for a suspended line sized to the score its restoration needs at the review on `review`
 * as well as to the cap: `plan(a)` is the repayments that leave `a` fen of debt counted (`allowed` the
 * most within the cap, `least` the least any plan leaves); the plan leaving the most debt at which that
 * review's score — each bill falling due before it met at its minimum (duesAhead) — meets what restoring
 * the line needs (the score rises as the debt counted falls, so a search to the fen finds it), and the
 * least income that does it with nothing repaid (null: none does). Null when the ratio's amount is enough
 * and the score `today` meets it already (nothing to say about the score), or when even the least debt
 * leaves the score short: the debt advice is then for the ratio alone, and the score a step of its own.
 */
function scoreSized(
  c: Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  review: number,
  today: Scored,
  allowed: Fen,
  plan: (a: Fen) => DebtRepayment[],
  least: Fen = 0,
  extra: Fen = 0,
): { repay: DebtRepayment[]; income: number | null; score: number } | null {
  const needed = scoreRestoring(c, id);
  const dues = duesAhead(c, day, calendar, review);
  // the file that review reads with the repayments made, each line as it stands when its day opens: the
  // line restored and used is counted at the higher of its report and what is owed then (Jiebei's interest
  // until the review: ¥0.30 more read 1.500025 against the scored debt bin's 1.50, 25 points, and the line
  // kept at ¥500 once used was not) — a line repayment counted made on the month end, the later
  const monthEnd = monthEndBefore(calendar, day, review);
  const met = (a: Fen) => {
    const repay = plan(a);
    const onLines = repay.filter((r) => r.debt !== "elsewhere");
    const then = review > day ? openingOn(c, day, calendar, review, onLines, monthEnd ?? day) : c;
    return scoreRestores(owingAsOn(readAfter(c, day, calendar, repay), then), dues, id, review);
  };
  let most: Fen;
  if (met(allowed)) {
    // the ratio's amount is enough for the score too: said only when the score today is short of it
    // (else the score is nothing the customer is asked about)
    if (today.score >= needed) return null;
    most = allowed;
  } else if (least > allowed || !met(least)) return null;
  // the most that still works: one below the least that does not
  else most = leastAbove(least, allowed + 1, (a) => !met(a)) - 1;
  return {
    repay: plan(most),
    income: incomeRestoring(c, dues, id, day, calendar, review, extra),
    score: needed,
  };
}

/**
 * `payDown` for the report on `monthEnd`, its line repayment in part checked on copies with it made today,
 * and raised, when the report is still over the cap, to the least amount (to the fen) that brings it
 * within: made before a due day, a repayment meets that bill's minimum or that instalment first — which the
 * customer then pays the less, so it lowers the report by nothing until it passes what falls due (and held
 * for a Jiebei instalment, it bears interest as before) — and meeting a bill's minimum can leave it bearing
 * more (it revolves, at a revolving rate a policy may set above its penalty rate). Never less than payDown
 * asks, what the report must lose: enough whenever it is paid before the month end. The report falls as the
 * amount rises, so a search finds it; at worst the line repaid in full, which reports nothing.
 */
function linesPaidDown(
  c: Customer,
  day: number,
  calendar: Calendar,
  monthEnd: number,
  allowed: Fen,
): { ahead: Record<LineId, Fen>; repay: DebtRepayment[] } {
  const ahead = reportAhead(c, day, calendar, monthEnd);
  const repay = payDown(c, ahead, allowed);
  const at = repay.findIndex((r) => r.debt !== "elsewhere" && !r.all);
  if (at < 0) return { ahead, repay };
  const part = repay[at]!;
  const id = part.debt as LineId;
  const owedNow = owed(lineOf(c, id));
  const elsewhere = c.profile.externalDebt - (repay.find((r) => r.debt === "elsewhere")?.amount ?? 0);
  const paying = (amount: Fen): DebtRepayment[] =>
    repay.map((r, i) => (i === at ? { debt: id, amount, all: amount === owedNow } : r));
  /** What the report shows over `allowed` with `amount` repaid on the line today. */
  const over = (amount: Fen): Fen => {
    const after = reportAhead(c, day, calendar, monthEnd, paying(amount));
    return elsewhere + after.huabei + after.jiebei - allowed;
  };
  const first = over(part.amount);
  if (first <= 0) return { ahead, repay };
  // the least amount that works lies above one that does not (`lo`), at most one that does (`hi`): step up
  // by what is still over, doubling (a repayment that what falls due before the report takes first lowers
  // it by nothing), to one that does
  return { ahead, repay: paying(leastFrom(part.amount, owedNow, first, (a) => over(a) <= 0)) };
}

/**
 * What to repay of each debt for the debt a review counts — debt elsewhere, and each line's balance as its
 * report shows it (`reported`) — to come within `allowed`: debt elsewhere first (it counts the day it is
 * repaid), then Huabei's balance, then Jiebei's. Never more than is owed on a debt today: a line repaid in
 * full reports nothing, the interest it would have borne until the report included; in part, the report
 * shows at most its balance less the repayment (the repayment bears no interest).
 */
function payDown(c: Customer, reported: Record<LineId, Fen>, allowed: Fen): DebtRepayment[] {
  const out: DebtRepayment[] = [];
  let left = c.profile.externalDebt + reported.huabei + reported.jiebei - allowed;
  const elsewhere = Math.min(c.profile.externalDebt, left);
  if (elsewhere > 0) {
    out.push({ debt: "elsewhere", amount: elsewhere, all: elsewhere === c.profile.externalDebt });
    left -= elsewhere;
  }
  for (const l of [c.huabei, c.jiebei]) {
    const now = owed(l);
    if (left <= 0 || now === 0 || reported[l.id] === 0) continue;
    if (left < reported[l.id] && left < now) {
      out.push({ debt: l.id, amount: left, all: false });
      left = 0;
    } else {
      out.push({ debt: l.id, amount: now, all: true });
      left -= reported[l.id];
    }
  }
  return out;
}

/** What a step's repayments come to together (its `over`). */
export const total = (repay: readonly DebtRepayment[]): Fen => repay.reduce((n, r) => n + r.amount, 0);

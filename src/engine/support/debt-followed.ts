// A debt step's amount played with the rest of the answer followed: one customer, one debt — the step is
// sized on the other line as it stands (suspended), or, for Jiebei, with Huabei restored first at the same
// review (huabeiBack); the customer following the answer can find the other line otherwise there. Restored
// at an earlier review by its own steps and used, it is debt the review named counts: told "repay ¥552.18 of
// Jiebei's debt" for Huabei's review of day 74, a customer whose income step brought Jiebei back on day 45
// kept Huabei suspended (PROPERTY_SEED=2279920343). Left suspended at that review (its own steps not
// followed, or not enough for it there), it is not: Jiebei's step asked ¥816.33 where nothing restored it.

import type { Calendar } from "../calendar.js";
import { type Customer, lineOf, owed } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import { openingOn, reviewedOn, stateOf } from "../report-ahead.js";
import { review as reviewOf } from "../scheduled.js";
import { debtToIncomeWith } from "../score-inputs.js";
import { leastAbove } from "../search.js";
import { reviewOnOrAfter } from "../state.js";
import type { DebtRepayment, Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { total } from "./debt-advice.js";
import { payingOverdue } from "./income-gap.js";
import { verifiedOn, withProfile } from "./read-ahead.js";
import { larger, repaid } from "./repay-gap.js";
import { restorationDebt } from "./restoration-debt.js";

type DebtStep = Extract<Remedy, { kind: "reduce_debt" }>;

/**
 * Each debt step's repayments made the least with which the review it names restores its line, played on a
 * copy with the rest of the answer followed — the income it asks reported (the highest), identity verified
 * when it asks it, the other line's repayments for other reviews made (the other line's step for the same
 * review is repayGaps': withOther), each bill and instalment met at its minimum — when the other line, suspended
 * today, is not there as the step was sized on it:
 * - restored at an earlier review (by its own steps) and so counted active and used at the review named,
 *   where the step's amount leaves its line suspended: raised, in the step's own order and then the other
 *   debts', to the least that restores it — or, when repaying all of it does not, no repayment (`repay`
 *   null): the income it offers, for the review that income is for (`missed`), is the step, and the line's
 *   wait names that review — unless a score or a bill in full the line's steps ask, which no copy plays,
 *   is what it falls short of;
 * - Huabei, counted restored first for Jiebei's step (huabeiBack), left suspended at that review: lowered to
 *   the least that restores Jiebei there (none: nothing more to repay), its ratio and what restoring counts
 *   said as that review reads them — unless a score or a bill in full Huabei's steps ask, which no copy
 *   plays, could restore Huabei there.
 * Nothing while an overdue is to be paid first (the copy would read it unpaid). Returns the lines whose step
 * was lowered to nothing more to repay (its `income` then null): the answer's debt-ratio fact for each,
 * worked out with Huabei back, is not what that review reads (answerSupport drops it).
 */
export function debtsFollowed(c: Customer, day: number, calendar: Calendar, remedies: Remedy[]): LineId[] {
  // the lines whose debt step was lowered to nothing more to repay: the ratio the review it names reads is
  // within the cap, which the answer's facts are to say
  const within: LineId[] = [];
  // played with the overdue paid by debtsBesideOverdue (no step here came out too small: Jiebei's only
  // lowered, by Huabei's limit)
  if (remedies.some((r) => r.kind === "pay_overdue")) return within;
  const verify = remedies.some((r) => r.kind === "verify_identity");
  const income = Math.max(
    c.profile.monthlyIncome,
    ...remedies.flatMap((r) => (r.kind === "report_income" ? [r.income] : [])),
  );
  const told = income > c.profile.monthlyIncome ? withProfile(c, { monthlyIncome: income }) : c;
  const p = c.policy;
  const next = reviewOnOrAfter(calendar, day, p);
  // a score to raise or a bill to repay in full, which no copy plays, asked for a line
  const unplayed = (id: LineId) =>
    remedies.some((o) => o.line === id && (o.kind === "raise_score" || o.kind === "repay_in_full"));
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i]!;
    if (r.kind !== "reduce_debt" || r.repay === null || r.review.day < day) continue;
    const other: LineId = r.line === "huabei" ? "jiebei" : "huabei";
    if (lineOf(c, other).status !== "suspended") continue;
    const review = r.review.day;
    // the other line's repayments for other reviews, each debt at the most its steps ask
    let theirs: DebtRepayment[] = [];
    for (const o of remedies)
      if (o.kind === "reduce_debt" && o.line === other && o.repay !== null && o.review.day !== review)
        theirs = larger(theirs, o.repay);
    const plan = planOf(c, r.repay);
    // the file with the repayments made today (identity verified when asked), and as review `at` leaves it
    const fileOf = (a: Fen, others = theirs) => {
      const paid = repaid(told, day, larger(plan(a), others));
      return verify ? verifiedOn(paid, day, calendar) : paid;
    };
    const played = (a: Fen, at: number, others = theirs) => reviewedOn(fileOf(a, others), day, calendar, at);
    const restores = (a: Fen) => lineOf(played(a, review), r.line).status === "active";
    const asked = total(r.repay);
    const after = played(asked, review);
    if (lineOf(after, r.line).status === "active") {
      // Jiebei's step counted Huabei restored first: with Huabei left suspended there, the least that does
      if (r.line !== "jiebei" || asked === 0 || unplayed("huabei") || after.huabei.status === "active")
        continue;
      // lowered on its own repayments alone: the other line's for later reviews are made by their own
      // deadlines, after this review perhaps — counted made today, they lowered a step that alone left
      // the line over its cap (PROPERTY_SEED=9085)
      const alone = (a: Fen) => lineOf(played(a, review, []), r.line).status === "active";
      if (!alone(asked)) continue;
      const least = alone(0) ? 0 : leastAbove(0, asked, alone);
      if (least === asked) continue;
      const repay = plan(least);
      // played at the income the answer asks (the larger smallest line's, when both ask one): its ratio
      // said at that income — "from 1.95 at ¥167" beside ¥900 that brings it within the cap only at ¥250
      const at = told.profile.monthlyIncome;
      const file = withProfile(c, { monthlyIncome: at });
      const counted = restorationDebt(file, (f) => f, "jiebei", day, calendar, review, [], at);
      remedies[i] = {
        ...r,
        repay,
        over: total(repay),
        ratio: debtToIncomeWith(file, counted - file.profile.externalDebt, 0),
        // set in both branches: the ratio is worked out at `at`, whatever the step was sized at
        atIncome: at > c.profile.monthlyIncome ? at : undefined,
        ...(at > (r.atIncome ?? c.profile.monthlyIncome) ? { atIncomeOf: other } : {}),
        // nothing more to repay: no higher income is asked either (one worked out with Huabei back)
        ...(least === 0 ? { income: null } : {}),
        ...(r.restoring !== undefined ? { restoring: asSuspended(r.restoring, "huabei") } : {}),
      };
      if (least === 0) within.push(r.line);
      continue;
    }
    // the other line restored at an earlier review, counted active and used at this one: the least that
    // restores this line there, or none
    if (unplayed(r.line)) continue;
    let before: number | null = null;
    for (let d = next; d < review; d = calendar.nextDayOfMonth(d, p.reviewDayOfMonth)) before = d;
    if (before === null || lineOf(played(asked, before), other).status !== "active") continue;
    const most = total(plan(Number.MAX_SAFE_INTEGER));
    if (most > asked && restores(most)) {
      const repay = plan(leastAbove(asked, most, restores));
      remedies[i] = { ...r, repay, over: total(repay), ...raisedFor(r, fileOf(asked), day, calendar) };
      continue;
    }
    incomeInstead(remedies, i, next);
  }
  return within;
}

/** Debt step `i` with no repayment in it: the income it offers, for the review that income is for
 *  (`missed`), and the line's wait naming that review — or, with no income, the step saying so for the
 *  review it names. */
function incomeInstead(remedies: Remedy[], i: number, next: number): void {
  const r = remedies[i]!;
  if (r.kind !== "reduce_debt") return;
  const moved = r.income !== null ? r.missed : null;
  remedies[i] = {
    ...r,
    repay: null,
    over: null,
    ...(moved !== null ? { review: moved, missed: null, report: null } : {}),
  };
  if (moved === null) return;
  // the line's wait: the review the income is for
  const w = remedies.findIndex((x) => x.line === r.line && x.kind === "wait_for_review");
  const wait = remedies[w];
  if (wait?.kind !== "wait_for_review" || wait.withIncome === null) return;
  const first = wait.withIncome.day;
  remedies[w] = {
    ...wait,
    day: first,
    date: wait.withIncome.date,
    later: first !== next,
    withIncome: null,
    early: wait.early !== null && wait.early.day < first ? wait.early : null,
  };
}

/**
 * Each debt step beside an overdue the answer asks paid (`pay_overdue`) played as the customer follows it:
 * the overdue paid today first (as a repayment event pays it), then the step's repayments, the income it
 * asks reported (the highest), identity verified when asked, each bill and instalment met at its minimum
 * until the review it names. Sized with the overdue unpaid, a step can ask for debt the overdue's payment
 * repays anyway, and for a line suspended by the next review it misses the line its restoration counts
 * once used: told "repay ¥69.70 of Huabei's debt" for the review of day 74 beside paying Huabei's ¥600.90,
 * the customer who did kept Huabei suspended there at a ratio of 0.60. Where the step's amount leaves its
 * line short of active at that review, it is raised — in the step's own order, then the other debts', as
 * owed once the overdue is paid — to the least that brings it; left as it is when no amount does, or when
 * a score or a bill in full the line's steps ask, which no copy plays, is what it may fall short of.
 */
export function debtsBesideOverdue(c: Customer, day: number, calendar: Calendar, remedies: Remedy[]): void {
  const paid = payingOverdue(c, day, remedies);
  if (paid === c) return;
  const verify = remedies.some((r) => r.kind === "verify_identity");
  const income = Math.max(
    c.profile.monthlyIncome,
    ...remedies.flatMap((r) => (r.kind === "report_income" ? [r.income] : [])),
  );
  const told = income > c.profile.monthlyIncome ? withProfile(paid, { monthlyIncome: income }) : paid;
  const next = reviewOnOrAfter(calendar, day, c.policy);
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i]!;
    if (r.kind !== "reduce_debt" || r.repay === null || r.review.day < day) continue;
    if (remedies.some((o) => o.line === r.line && (o.kind === "raise_score" || o.kind === "repay_in_full")))
      continue;
    const plan = planOf(paid, r.repay);
    const fileOf = (repay: readonly DebtRepayment[]) => {
      const after = repaid(told, day, repay);
      return verify ? verifiedOn(after, day, calendar) : after;
    };
    const restoresOn = (repay: readonly DebtRepayment[]) =>
      lineOf(reviewedOn(fileOf(repay), day, calendar, r.review.day), r.line).status === "active";
    const restores = (a: Fen) => restoresOn(plan(a));
    if (restoresOn(r.repay)) continue;
    const asked = total(r.repay);
    const most = total(plan(Number.MAX_SAFE_INTEGER));
    if (most > asked && restores(most)) {
      const repay = plan(leastAbove(asked, most, restores));
      remedies[i] = { ...r, repay, over: total(repay), ...raisedFor(r, fileOf(r.repay), day, calendar) };
    } else incomeInstead(remedies, i, next);
  }
}

/**
 * What a debt step raised past its amount is raised for (its `raisedFor`, and a score's threshold its
 * `score`): the first rule with a threshold and a value that the review it names holds its line on, read on
 * `file` — the customer as the answer followed leaves them today with the step's own amount repaid — and the
 * line's own ratio as restoring reads it there. Told "repay ¥6.67 elsewhere to bring total debt / annual
 * income from 0.87 to at most 0.80 … at the review of day 74", the customer read a ratio the review of day 45
 * reads of Huabei still active: at day 74 restoring it read 0.67 without the ¥6.67, and what held it was
 * Jiebei's score once Huabei is used, 658 against jiebeiMinScore's 660. Nothing when no such rule is found.
 */
function raisedFor(
  r: DebtStep,
  file: Customer,
  day: number,
  calendar: Calendar,
): { raisedFor?: NonNullable<DebtStep["raisedFor"]>; score?: number } {
  const review = r.review.day;
  const s = stateOf(review > day ? openingOn(file, day, calendar, review) : file, review, calendar);
  const outcome = reviewOf(s).find((o) => o.line === r.line && o.event.type === "review");
  const fact = outcome?.verdict?.facts.find(
    (f) => f.parameter !== undefined && f.threshold !== undefined && f.value !== undefined,
  );
  if (fact === undefined) return {};
  const income = file.profile.monthlyIncome;
  const counted = restorationDebt(file, (f) => f, r.line, day, calendar, review, [], income);
  return {
    raisedFor: {
      code: fact.code,
      line: fact.line ?? r.line,
      parameter: fact.parameter!,
      threshold: fact.threshold!,
      value: fact.value!,
      ...(fact.onceUsed !== undefined ? { onceUsed: fact.onceUsed } : {}),
      ratio: debtToIncomeWith(file, counted - file.profile.externalDebt, 0),
    },
    ...(SCORES.has(fact.code) ? { score: fact.threshold! } : {}),
  };
}

/** The rules about a score, whose threshold a step raised for one says as its `score`. */
const SCORES: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "SCORE_BELOW_MINIMUM",
  "SCORE_BELOW_RESTORE",
  "SCORE_BELOW_LIMIT_BAND",
  "SCORE_BELOW_LIMIT_BANDS",
  "SCORE_BELOW_OPEN_MINIMUM",
  "SCORE_BELOW_INCREASE_MINIMUM",
]);

/** The repayments totalling `a` (at most what all the debts owed come to), filled in the order of `asked`
 *  (a step's own), then debt elsewhere, Huabei's balance and Jiebei's as owed today. */
function planOf(c: Customer, asked: readonly DebtRepayment[]): (a: Fen) => DebtRepayment[] {
  const debts: { debt: DebtRepayment["debt"]; owed: Fen }[] = [
    { debt: "elsewhere", owed: c.profile.externalDebt },
    { debt: "huabei", owed: owed(c.huabei) },
    { debt: "jiebei", owed: owed(c.jiebei) },
  ];
  const rank = (d: DebtRepayment["debt"]) => {
    const at = asked.findIndex((x) => x.debt === d);
    return at < 0 ? asked.length : at;
  };
  const order = debts.filter((d) => d.owed > 0).sort((a, b) => rank(a.debt) - rank(b.debt));
  return (a) => {
    const out: DebtRepayment[] = [];
    let left = a;
    for (const d of order) {
      const amount = Math.min(d.owed, left);
      if (amount <= 0) break;
      out.push({ debt: d.debt, amount, all: amount === d.owed });
      left -= amount;
    }
    return out;
  };
}

/** What restoring counts with line `id` read as the report shows it (suspended) rather than at its limit. */
function asSuspended(
  restoring: NonNullable<DebtStep["restoring"]>,
  id: LineId,
): NonNullable<DebtStep["restoring"]> {
  if (!restoring.counted.some((x) => x.line === id)) return restoring;
  return {
    ...restoring,
    counted: restoring.counted.filter((x) => x.line !== id),
    reported: restoring.reported.includes(id) ? restoring.reported : [...restoring.reported, id],
  };
}

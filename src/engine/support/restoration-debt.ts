// The debt a suspended line's restoration counts (the line at its smallest, used) at the review the debt
// advice names, and whether that advice, followed today, also holds for an early review asked before it.

import type { Calendar } from "../calendar.js";
import { type Customer, customerWith, huabeiCopy, type Line, lineOf, rulesFor } from "../customer.js";
import { applicationDebt } from "../grant.js";
import {
  asNextReviewReads,
  asReportReads,
  duesAhead,
  openingOn,
  openingWithReport,
  type Runs,
} from "../report-ahead.js";
import { periodicReview, restorationBlockers } from "../review.js";
import { debtToIncomeWith, scoreOn } from "../score-inputs.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { DebtRepayment, Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import {
  lessElsewhere,
  monthEndBefore,
  readAfter,
  reportedAs,
  withHuabeiActive,
  withProfile,
} from "./read-ahead.js";
import { scoreRestores } from "./restoring-score.js";

/** Whether the debt ratio an early review on `early` reads as restoring reads it (the line at its smallest,
 *  used: applicationDebt), with the debt advice's repayments made today — and with the income it offers
 *  instead reported today, the customer's other way to follow it — is within the line's cap: the advice is
 *  for the periodic review it names, which reads what is owed on its own day (the bills due before it
 *  met), more than an early review does. */
export function debtHoldsEarly(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  debt: Extract<Remedy, { kind: "reduce_debt" }>,
  early: number,
): boolean {
  if (c.policy.grantUsedFraction === 0) return true;
  const cap = rulesFor(c.policy, line.id).maxDebtToIncome;
  const within = (repay: readonly DebtRepayment[], monthlyIncome: number | null): boolean => {
    const repaid =
      early > monthEndAfter(calendar, day) ? readAfter(c, day, calendar, repay) : lessElsewhere(c, repay);
    // what is owed on its day (the repayments on the lines made), beside the report it reads
    const onLines = repay.filter((r) => r.debt !== "elsewhere");
    const then = early > day ? openingOn(c, day, calendar, early, onLines) : c;
    const read = reportedAs(then, repaid);
    const file = monthlyIncome === null ? read : withProfile(read, { monthlyIncome });
    const counted = applicationDebt(file, lineOf(file, line.id), false);
    return debtToIncomeWith(file, 0, counted - file.profile.externalDebt) <= cap;
  };
  return (
    (debt.repay === null || within(debt.repay, null)) && (debt.income === null || within([], debt.income))
  );
}

/** Whether the score an early review on `early` reads, with the debt advice's repayments made today — or
 *  the income it offers instead reported — meets what restoring the line needs: the record then is the
 *  coming report once its month end is past, else the one on file. */
export function scoreHoldsEarly(
  c: Customer,
  line: Line,
  day: number,
  calendar: Calendar,
  debt: Extract<Remedy, { kind: "reduce_debt" }>,
  early: number,
): boolean {
  const repay = debt.repay ?? [];
  const dues = duesAhead(c, day, calendar, early);
  const reported = early > monthEndAfter(calendar, day);
  const repaid = reported ? readAfter(c, day, calendar, repay) : lessElsewhere(c, repay);
  if (!scoreRestores(repaid, dues, line.id, early)) return false;
  // …and so does the income offered instead
  if (debt.income === null) return true;
  const read = reported ? asNextReviewReads(c, day, calendar) : c;
  return scoreRestores(withProfile(read, { monthlyIncome: debt.income }), dues, line.id, early);
}

/**
 * The debt the restoration of line `id` counts at the periodic review on `review` (after `day`), with
 * `repay` made: as restorationBlockers counts it (applicationDebt: the line at its smallest and used, an
 * active line at its limit) on the file that review reads — debt elsewhere less its repayment, the lines'
 * balances as the last month end before the review reports them, what is owed as its day opens (Jiebei's
 * interest accrued until then). A line repayment is counted made today and made on that month end, the
 * last day the report counts it, and the higher of the two is what counts (what is repaid later bears
 * interest until then): the advice holds whenever it is followed by then. `c` is the customer with what
 * the answer asks paid today (an overdue), `asRead` how the review reads the file (a Huabei it restores
 * first, active). `runs`: the runs ahead of `c` that the search asking shares (the same `c` each time).
 */
export function restorationDebt(
  c: Customer,
  asRead: (f: Customer) => Customer,
  id: LineId,
  day: number,
  calendar: Calendar,
  review: number,
  repay: readonly DebtRepayment[],
  monthlyIncome: number,
  runs: Runs | null = null,
): Fen {
  const onLines = repay.filter((r) => r.debt !== "elsewhere");
  const monthEnd = monthEndBefore(calendar, day, review);
  // `now`: the repayment elsewhere and the income made today, so that the reviews before this one read
  // them (a score that keeps a limit another would cut, and restoring counts at it); else on its day
  const on = (paidOn: number, now: boolean): Fen => {
    const from = now ? withProfile(lessElsewhere(c, repay), { monthlyIncome }) : c;
    // (the report and the opening from one run where they are one)
    const both =
      monthEnd !== null && review > day
        ? openingWithReport(from, day, calendar, review, onLines, paidOn, monthEnd, now ? null : runs)
        : null;
    const report =
      both?.report ??
      (monthEnd === null ? from : asReportReads(from, day, calendar, onLines, paidOn !== day, monthEnd));
    const then = asRead(
      both?.opening ?? (review > day ? openingOn(from, day, calendar, review, onLines, paidOn) : from),
    );
    const file = withProfile(
      now ? reportedAs(then, report) : lessElsewhere(reportedAs(then, report), repay),
      {
        monthlyIncome,
      },
    );
    const read = id === "jiebei" ? huabeiReviewedFirst(file, review) : file;
    return applicationDebt(read, lineOf(read, id), false);
  };
  // …both, whichever leaves more, when a review comes between (a later review than the next)
  const early = (paidOn: number): Fen =>
    reviewOnOrAfter(calendar, day, c.policy) < review &&
    (repay.some((r) => r.debt === "elsewhere") || monthlyIncome !== c.profile.monthlyIncome)
      ? Math.max(on(paidOn, false), on(paidOn, true))
      : on(paidOn, false);
  return monthEnd === null || monthEnd === day || onLines.length === 0
    ? early(day)
    : Math.max(early(day), early(monthEnd));
}

/** `f` (the file the review on `review` reads) as Jiebei's restoration there reads it: that review reviews
 *  Huabei first, so a Huabei suspended as the day opens and restored by it — nothing in its own way — is
 *  active, used to its limit. Not only a Huabei suspended today (asRead counts that one back): one active
 *  today that a review before this one suspends and this one restores was counted at its balance, and the
 *  advice fell short by its unused credit (PROPERTY_SEED=666705817: ¥0.11 elsewhere for the review of day
 *  201, which restored Huabei and read 0.84 against Jiebei's 0.8). */
export function huabeiReviewedFirst(f: Customer, review: number): Customer {
  if (f.huabei.status === "active") return huabeiLimitReviewed(f, review);
  if (f.huabei.status !== "suspended") return f;
  return restorationBlockers(f, f.huabei, review, scoreOn(f, review)).length === 0 ? withHuabeiActive(f) : f;
}

/** An active Huabei at the limit that review leaves it: a limit it gives back (review/give-back.ts) is
 *  counted at the larger limit, one it cuts at the smaller — Jiebei's restoration reads it after
 *  (PROPERTY_SEED=5550123: Huabei given back ¥4,300 → more on the review of day 121, which read 0.81
 *  against Jiebei's 0.8 once the advice was followed). */
function huabeiLimitReviewed(f: Customer, review: number): Customer {
  const v = periodicReview(f, f.huabei, review, scoreOn(f, review));
  if ((v.decision !== "limit_restored" && v.decision !== "limit_reduced") || v.limit === undefined) return f;
  const huabei = huabeiCopy(f.huabei);
  huabei.limit = v.limit;
  return customerWith(f, { huabei });
}

// Customer service reads the customer as a coming review will: copies of the file with the due dates before
// that review on record, an income reported, a debt elsewhere repaid, every overdue paid today, the lines'
// balances as the month end before it reports them. Nothing here decides anything; the advice modules read
// these copies.

import { decide, repayMade } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import {
  type Customer,
  customerOverdue,
  customerWith,
  forkCustomer,
  huabeiCopy,
  type Line,
  lineCopy,
  lineOf,
  overdue,
  profileCopy,
  verifyIdentity,
} from "../customer.js";
import { forkLoanBook } from "../loans.js";
import type { DueRecord } from "../record.js";
import { asNextReviewReads, asReportReads, duesAhead, stateOf, takeReport } from "../report-ahead.js";
import { liftSecurityHold } from "../review.js";
import { forkRevolving } from "../revolving.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { DebtRepayment, Profile } from "../types.js";

/** The customer as the next review would read them with every overdue paid today (its month-end report
 *  included), and the score then. */
export function overduePaid(c: Customer, day: number, calendar: Calendar): { read: Customer; s: Scored } {
  const paid = withOverduePaid(c, day);
  const read = asNextReviewReads(paid, day, calendar);
  const next = reviewOnOrAfter(calendar, day, c.policy);
  const dues = duesAhead(paid, day, calendar, next);
  return {
    read,
    s: scoreOn(withDues(read, dues), next),
  };
}

/** `c` with every overdue paid today (a copy; `c` itself when nothing is overdue) — as a repayment event
 *  pays it (repayMade: the line used that day, as an increase asked later reads it). */
export function withOverduePaid(c: Customer, day: number): Customer {
  if (customerOverdue(c) === 0) return c;
  const paid = forkCustomer(c);
  for (const line of [paid.huabei, paid.jiebei]) {
    const amount = overdue(line);
    if (amount > 0) repayMade(paid, line, amount, day);
  }
  return paid;
}

/** `then` (the customer on a later day: what is owed on it) with the profile and the balances the report
 *  `f` shows — the file a review on that day reads. */
export function reportedAs(then: Customer, f: Customer): Customer {
  // copies as literals (lineCopy, customerWith): spreads gave each a hidden class of its own
  const report = <L extends Line>(l: L, r: Line): L => {
    const copy = lineCopy(l);
    copy.reportedBalance = r.reportedBalance;
    return copy;
  };
  return customerWith(then, {
    profile: f.profile,
    huabei: report(then.huabei, f.huabei),
    jiebei: report(then.jiebei, f.jiebei),
  });
}

/** The customer as the review on `review` (the next) reads them with `repay` made by the month end: debt
 *  elsewhere less its repayment, the lines as the coming report shows them with theirs (when a month ends
 *  before the review) — each line's the higher of a repayment made today and one made on the month end
 *  (what is repaid later bears interest until then; a repayment today can leave a bill bearing more), so
 *  that the advice is enough whenever it is followed before the report. */
export function readAfter(
  c: Customer,
  day: number,
  calendar: Calendar,
  repay: readonly DebtRepayment[],
  review: number | null = null,
): Customer {
  const onLines = repay.filter((r) => r.debt !== "elsewhere");
  // (a later review: the report of the last month end before it)
  const monthEnd = review === null ? null : monthEndBefore(calendar, day, review);
  const reads = (late: boolean) =>
    review === null
      ? asNextReviewReads(c, day, calendar, onLines, late)
      : monthEnd === null
        ? c
        : asReportReads(c, day, calendar, onLines, late, monthEnd);
  const read = reads(false);
  if (read !== c && onLines.length > 0) {
    const late = reads(true);
    for (const id of ["huabei", "jiebei"] as const) {
      const from = lineOf(late, id);
      const to = lineOf(read, id);
      if (from.reportedBalance > to.reportedBalance) takeReport(to, from);
    }
  }
  return lessElsewhere(read, repay);
}

/** `read` (the report and the profile a review reads) with each line as it stands in `then` (the customer
 *  as that review's day opens): what is owed then, which restoring counts once the line is used
 *  (applicationDebt: the higher of the report and what is owed). */
export const owingAsOn = (read: Customer, then: Customer): Customer => {
  // copies as literals (lineCopy, customerWith): spreads gave each a hidden class of its own
  const owing = <L extends Line>(l: L, r: Line): L => {
    const copy = lineCopy(l);
    copy.reportedBalance = r.reportedBalance;
    copy.reportedLimit = r.reportedLimit;
    copy.reported = r.reported;
    return copy;
  };
  return customerWith(read, {
    huabei: owing(then.huabei, read.huabei),
    jiebei: owing(then.jiebei, read.jiebei),
  });
};

/** `c` (mutated: a copy of its own) with what each line owes as `then` (the customer on a later day, each
 *  bill and instalment met as scheduled: openingOn) owes it — its bills or loans and the last report — and
 *  everything else as `c` has it: a future application is judged on what will be owed then, not on today's
 *  balances, while the limits, the statuses and the days its rules count from stay the answer's own (the
 *  look-ahead runs the reviews too — a suspended line left as it stands closes there, its loan still repaid
 *  as scheduled — and judged on it whole, the income cap that holds then went unsaid). */
export function owingThen(c: Customer, then: Customer): Customer {
  // copies, not the look-ahead's own: an application decided on `c` must not write into them
  c.huabei.ledger = forkRevolving(then.huabei.ledger);
  takeReport(c.huabei, then.huabei);
  c.jiebei.book = forkLoanBook(then.jiebei.book);
  takeReport(c.jiebei, then.jiebei);
  return c;
}

/** `read` with the repayment elsewhere among `repay` made: its debt elsewhere less that amount. */
export function lessElsewhere(read: Customer, repay: readonly DebtRepayment[]): Customer {
  const elsewhere = repay.find((r) => r.debt === "elsewhere")?.amount ?? 0;
  return elsewhere === 0 ? read : withProfile(read, { externalDebt: read.profile.externalDebt - elsewhere });
}

/** A copy of `c` whose profile differs by `patch` (an income reported, a debt repaid): what a review
 *  would read then, `c` untouched. */
export const withProfile = (c: Customer, patch: Partial<Profile>): Customer =>
  customerWith(c, { profile: Object.assign(profileCopy(c.profile), patch) });

/** `f` with Huabei active, as a review that restored it reads it. */
export const withHuabeiActive = (f: Customer): Customer => {
  const huabei = huabeiCopy(f.huabei);
  huabei.status = "active";
  huabei.cause = null;
  huabei.heldOver = null;
  return customerWith(f, { huabei });
};

/** The customer as a review on `review` (after today) reads them as things stand: the balances the last month
 *  end before it reports (each bill and instalment falling due until then met at its minimum, nothing more
 *  spent) — or, with none before it, the report on record — the rest of the file as it stands today. */
export function asReviewOnReads(c: Customer, day: number, calendar: Calendar, review: number): Customer {
  const monthEnd = monthEndBefore(calendar, day, review);
  return monthEnd === null ? c : asReportReads(c, day, calendar, [], false, monthEnd);
}

/** The last month end from `day` on before `review`; null when none comes before it. */
export function monthEndBefore(calendar: Calendar, day: number, review: number): number | null {
  let monthEnd = monthEndAfter(calendar, day);
  if (monthEnd >= review) return null;
  while (monthEndAfter(calendar, monthEnd + 1) < review) monthEnd = monthEndAfter(calendar, monthEnd + 1);
  return monthEnd;
}

/** `read` (a copy run ahead from a file with `known` month ends on record) with each month end ahead from
 *  `from` on (null: none) that it leaves in good standing counted as repayment record: a purchase that day,
 *  repaid in full, extends credit for the year a month of record asks (RECORD_DAYS) — the most that count
 *  reaches. A month overdue, or one ending before the customer can use a line, earns none. */
export function withRecordFrom(read: Customer, known: number, from: number | null): Customer {
  if (from === null) return read;
  const earned = (m: Customer["monthEnds"][number], i: number) =>
    i >= known && m.good && !m.record && m.day >= from;
  if (!read.monthEnds.some(earned)) return read;
  const monthEnds = read.monthEnds.map((m, i) => ({
    day: m.day,
    good: m.good,
    record: m.record || earned(m, i),
  }));
  return customerWith(read, { monthEnds });
}

/** `read` with a Huabei purchase on every day from `from` to `to` (a day counts once, however many are
 *  made): the most days of use the activity count can have by a review on `to`, the day's purchases before
 *  it. */
export function withPurchaseDays(read: Customer, from: number, to: number): Customer {
  const huabei = huabeiCopy(read.huabei);
  const days = read.huabei.purchaseDays.filter((d) => d < from);
  for (let d = from; d <= to; d++) days.push(d);
  huabei.purchaseDays = days;
  return customerWith(read, { huabei });
}

/** `read` with the due dates `dues` (duesAhead's) on its record, as a review after them counts them. */
export const withDues = (read: Customer, dues: readonly DueRecord[]): Customer =>
  dues.length === 0 ? read : customerWith(read, { records: [...read.records, ...dues] });

/** A copy of `c` with identity verified today, as the engine decides it: each line's security hold lifted —
 *  the suspension beneath it left, or the line restored or suspended as the lift judges it. */
export function verifiedOn(c: Customer, day: number, calendar: Calendar): Customer {
  const s = stateOf(c, day, calendar);
  const copy = s.customer;
  verifyIdentity(copy, day);
  for (const line of [copy.huabei, copy.jiebei]) {
    if (line.status !== "suspended" || line.cause !== "security") continue;
    const v = liftSecurityHold(copy, line, day, scoreOn(copy, day));
    decide(s, { day, index: -1, type: "verify_identity" }, line, v);
  }
  return copy;
}

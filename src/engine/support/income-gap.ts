// The incomes an income step would not do what it says for: one customer, one debt — an income high enough
// for the other line's own step keeps that line at the review, and a line restored or kept beside it, used,
// can take it past its cap, so the review holds this one where a lower income restored it (docs/model/score.md,
// "Monotone"). Told "at least ¥646", a customer who reported ¥1,260 for the other line's sake lost this one.

import { repayMade } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import { type Customer, forkCustomer, lineOf, owed } from "../customer.js";
import { reviewedOn } from "../report-ahead.js";
import type { DebtRepayment, Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { keptIncome } from "./income-advice.js";
import { verifiedOn, withProfile } from "./read-ahead.js";
import { repaid } from "./repay-gap.js";

type IncomeStep = Extract<Remedy, { kind: "reduce_debt" | "report_income" }> & { income: number };

/** Each income step's income (a debt step's, or the smallest line's) that the review it names — a debt
 *  step's, or the one the line's wait names for the smallest line's — would not honour from the income the
 *  other line's step asks (higher): the range it does not, said beside it (`notBetween`) — the review
 *  played on a copy at each income, the customer doing nothing more than meet each bill and instalment at
 *  its minimum. */
export function incomeGaps(c: Customer, day: number, calendar: Calendar, remedies: Remedy[]): void {
  const steps = remedies.filter(isIncomeStep);
  if (steps.length < 2) return;
  const verify = remedies.some((r) => r.kind === "verify_identity");
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i]!;
    if (!isIncomeStep(r)) continue;
    const told = r.income;
    const review = reviewFor(r, remedies);
    if (review === null || review < day) continue;
    // the income reported, then identity verified when the answer asks it (a hold is lifted on what changed)
    const reviewed = (income: number) => {
      const told = withProfile(c, { monthlyIncome: income });
      const read = verify ? verifiedOn(told, day, calendar) : told;
      return reviewedOn(read, day, calendar, review);
    };
    const active = (income: number) => lineOf(reviewed(income), r.line).status === "active";
    // the other line's steps asking more, the lowest first: the first whose income the review does not honour
    const higher = steps
      .filter((o) => o.line !== r.line && o.income > told)
      .sort((a, b) => a.income - b.income);
    if (higher.length === 0 || !active(told)) continue;
    const other = higher.find((o) => !active(o.income));
    if (other === undefined) continue;
    const back = keptIncome(other.income, active);
    // the least income above the range at which that review leaves both lines active: what the two steps,
    // followed together, need — "not from ¥335 to ¥389" left the customer to work out ¥390 (and whether it
    // kept the other line too)
    const open = (income: number) => {
      const after = reviewed(income);
      return lineOf(after, r.line).status === "active" && lineOf(after, other.line).status === "active";
    };
    const both = back === null ? null : keptIncome(back, open);
    const to = back === null ? null : back - 1;
    // the range is the income route's, nothing repaid: a debt step that also asks a repayment says so, and
    // whether its repayment made today with the other line's income leaves the line active at that review —
    // Jiebei's ¥291.76 of Huabei's balance beside Huabei's ¥250 restored Jiebei on day 74, where the step
    // said ¥250 to ¥282 'does not leave Jiebei active'
    const repay = r.kind === "reduce_debt" ? (r.repay ?? []) : [];
    if (r.kind !== "reduce_debt" || repay.length === 0) {
      remedies[i] = { ...r, notBetween: { line: other.line, from: other.income, to, both } };
      continue;
    }
    const withRepay = (() => {
      const told = repaid(withProfile(c, { monthlyIncome: other.income }), day, repay);
      const read = verify ? verifiedOn(told, day, calendar) : told;
      return lineOf(reviewedOn(read, day, calendar, review), r.line).status === "active";
    })();
    remedies[i] = { ...r, notBetween: { line: other.line, from: other.income, to, both, repaid: withRepay } };
  }
}

/** Each smallest line's income step (`report_income`) raised to the least income at which the review it
 *  names restores the line, when that review, at the income named, restores or keeps the other line (active
 *  then, suspended or active today) and leaves this one suspended: the other line back and used beside it is debt that review reads too (one
 *  customer, one debt: LIMIT_KEPT_ONCE_USED against the other line's cap). Told "report ¥167", a customer
 *  whose report brought Huabei back at the same review kept Jiebei suspended (PROPERTY_SEED=2279920343).
 *  Played on a copy as incomeGaps plays it, the overdue the answer asks paid today (pay_overdue, as the
 *  customer pays it: a Huabei whose overdue is paid is restored at that review too — PROPERTY_SEED=9162,
 *  told "report ¥167" beside paying Huabei's ¥101.15, Jiebei needed ¥184), with nothing else done and with
 *  the other line's debt steps repaid today (followed with it: a Huabei restored on less debt can take
 *  Jiebei further past its cap) — only where the income is the line's one step (no debt, score or bill
 *  step for it), and left as it is when no income restores it. */
export function incomesRestoring(c: Customer, day: number, calendar: Calendar, remedies: Remedy[]): void {
  const verify = remedies.some((r) => r.kind === "verify_identity");
  const paid = payingOverdue(c, day, remedies);
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i]!;
    if (r.kind !== "report_income" || otherSteps(r.line, remedies)) continue;
    const review = reviewFor(r, remedies);
    if (review === null || review < day) continue;
    // the other line suspended today and restored by that review, or active today and kept by it: either
    // way back or open beside this one, used (PROPERTY_SEED=87291412: Jiebei active, warned of that review,
    // its income step ¥233; told "report ¥334" for Huabei's smallest line, Huabei restored would have taken
    // Jiebei to 0.6001 against 0.6, and the review held Huabei — ¥335 restores both)
    const other: LineId = r.line === "huabei" ? "jiebei" : "huabei";
    // the other line's repayments, each debt at the most its steps ask
    const theirs = new Map<string, DebtRepayment>();
    for (const o of remedies)
      if (o.line === other && o.kind === "reduce_debt")
        for (const p of [...(o.repay ?? []), ...(o.withOther?.repay ?? [])])
          if ((theirs.get(p.debt)?.amount ?? -1) < p.amount) theirs.set(p.debt, p);
    let income = r.income;
    for (const repay of theirs.size > 0 ? [[], [...theirs.values()]] : [[]]) {
      const reviewed = (monthly: number) => {
        const told = repaid(withProfile(paid, { monthlyIncome: monthly }), day, repay);
        return reviewedOn(verify ? verifiedOn(told, day, calendar) : told, day, calendar, review);
      };
      const at = reviewed(income);
      // the other line restored by the same review: what keeps this one
      if (lineOf(at, r.line).status === "active" || lineOf(at, other).status !== "active") continue;
      const kept = keptIncome(income, (x) => lineOf(reviewed(x), r.line).status === "active");
      if (kept === null) {
        income = r.income;
        break;
      }
      income = kept;
    }
    if (income === r.income) continue;
    const none = noRepayment(paid, day, calendar, remedies, r.line, r.income, verify);
    remedies[i] = {
      ...r,
      income,
      beside: { line: other, smallest: r.income, ...(none && { noRepayment: true as const }) },
    };
  }
}

/** Beside the other line's debt step, which offers a repayment by a month end for the review after it as
 *  well as an income: whether, at the least income line `id`'s smallest line needs (`smallest`), no
 *  repayment — everything owed repaid today — has that review restore `id` (restored and used, the lines
 *  are counted at their limits). Only `id` is asked: the words say no repayment does for this line, and the
 *  other line left suspended there would make them false. Told only the raised income beside a step
 *  offering "or repay", a customer could not know that no repayment would do for this line. */
export function noRepayment(
  c: Customer,
  day: number,
  calendar: Calendar,
  remedies: readonly Remedy[],
  id: LineId,
  smallest: number,
  verify: boolean,
): boolean {
  const step = remedies.find(
    (o): o is Extract<Remedy, { kind: "reduce_debt" }> =>
      o.line !== id && o.kind === "reduce_debt" && o.repay !== null && o.report !== null,
  );
  if (step === undefined) return false;
  const all = (debt: "elsewhere" | LineId, amount: Fen): DebtRepayment => ({ debt, amount, all: true });
  const everything = [
    ...(c.profile.externalDebt > 0 ? [all("elsewhere", c.profile.externalDebt)] : []),
    ...[id, step.line].map((l) => all(l, owed(lineOf(c, l)))).filter((p) => p.amount > 0),
  ];
  const told = repaid(withProfile(c, { monthlyIncome: smallest }), day, everything);
  const after = reviewedOn(verify ? verifiedOn(told, day, calendar) : told, day, calendar, step.review.day);
  return lineOf(after, id).status !== "active";
}

/** `c` with the overdue the answer asks paid today (`pay_overdue`) paid, as a repayment event pays it (a
 *  copy; `c` itself when none is asked). */
export function payingOverdue(c: Customer, day: number, remedies: readonly Remedy[]): Customer {
  const asked = remedies.flatMap((r) => (r.kind === "pay_overdue" ? [r] : []));
  if (asked.length === 0) return c;
  const paid = forkCustomer(c);
  for (const r of asked) repayMade(paid, lineOf(paid, r.line), r.amount, day);
  return paid;
}

/** Steps for line `id` beside its income that the review it names needs followed too. */
const otherSteps = (id: string, remedies: readonly Remedy[]): boolean =>
  remedies.some(
    (r) =>
      r.line === id && (r.kind === "reduce_debt" || r.kind === "raise_score" || r.kind === "repay_in_full"),
  );

const isIncomeStep = (r: Remedy): r is IncomeStep =>
  (r.kind === "reduce_debt" || r.kind === "report_income") && r.income !== null;

/** The review an income step is for: a debt step's own; the smallest line's, the review the line's wait
 *  names (null: none named). */
function reviewFor(r: IncomeStep, remedies: readonly Remedy[]): number | null {
  if (r.kind === "reduce_debt") return r.review.day;
  const wait = remedies.find((w) => w.line === r.line && w.kind === "wait_for_review");
  return wait?.kind === "wait_for_review" ? wait.day : null;
}

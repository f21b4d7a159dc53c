// Two lines' debt steps followed together: one customer, one debt — the other line's step repays more than
// this one asks, and the review it names restores the other line too, and the two restored and used can
// fail the standard a line is kept to: the review then holds this line where its own step alone restored it
// (docs/model/score.md, "Monotone"). Told "at least ¥8,595 elsewhere" for Jiebei and "at least ¥12,316.33" for
// Huabei, a customer who repaid ¥12,316.33 got Huabei back (at ¥500) and lost Jiebei; ¥13,395 brings both.

import { repayLine } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import { type Customer, forkCustomer, lineOf } from "../customer.js";
import { reviewedOn } from "../report-ahead.js";
import { leastAbove } from "../search.js";
import type { DebtRepayment, Fen, Remedy } from "../types.js";
import type { LineId } from "../vocabulary.js";
import { total } from "./debt-advice.js";
import { verifiedOn, withProfile } from "./read-ahead.js";

type DebtStep = Extract<Remedy, { kind: "reduce_debt" }>;

/** Each debt step that the other line's, followed with it (the larger of each debt), leaves short of its
 *  line at the review both name — the next, or a later one after the report both count on (`missed`: the
 *  next reads the report on record): the repayments that restore both there (`withOther`), more debt
 *  elsewhere repaid — or none (`repay` null) when repaying all of it does not. Played on a copy of that
 *  review, the customer doing nothing more than meet each bill and instalment at its minimum. */
export function repayGaps(c: Customer, day: number, calendar: Calendar, remedies: Remedy[]): void {
  const steps = remedies.filter((r): r is DebtStep => r.kind === "reduce_debt" && r.repay !== null);
  if (steps.length < 2) return;
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i]!;
    if (r.kind !== "reduce_debt" || r.repay === null) continue;
    const review = r.review.day;
    if (review < day) continue;
    const other = steps.find((o) => o.line !== r.line && o.review.day === review);
    if (other?.repay == null) continue;
    const both = larger(r.repay, other.repay);
    // with the income the answer asks beside (the smallest line's, the steps worked out at it), when it
    // does: this line's own step at its own line's, both followed at the higher of the two — a customer
    // following both reports the income each asks, and the other line's, higher, can restore that line at
    // the review too (PROPERTY_SEED=271828: Jiebei's step sized at ¥167 a month, Huabei's ¥334 beside it)
    const asked = (line: LineId | null) =>
      Math.max(
        c.profile.monthlyIncome,
        ...remedies.flatMap((x) =>
          x.kind === "report_income" && (line === null || x.line === line) ? [x.income] : [],
        ),
      );
    const reporting = (income: number) =>
      income > c.profile.monthlyIncome ? withProfile(c, { monthlyIncome: income }) : c;
    const ownIncome = asked(r.line);
    const jointIncome = asked(null);
    const own = reporting(ownIncome);
    const joint = jointIncome === ownIncome ? own : reporting(jointIncome);
    // then identity verified when the answer asks it (a hold is lifted on what the steps changed)
    const verify = remedies.some((x) => x.kind === "verify_identity");
    const restored = (at: Customer, repay: readonly DebtRepayment[], line: LineId) => {
      const paid = repaid(at, day, repay);
      const read = verify ? verifiedOn(paid, day, calendar) : paid;
      return lineOf(reviewedOn(read, day, calendar, review), line).status === "active";
    };
    // this line's step alone restores it (at its own line's income, or at the higher), and both followed
    // do not
    const alone =
      restored(own, r.repay, r.line) || (jointIncome !== ownIncome && restored(joint, r.repay, r.line));
    if (!alone || restored(joint, both, r.line)) continue;
    const ok = (p: readonly DebtRepayment[]) => restored(joint, p, r.line) && restored(joint, p, other.line);
    remedies[i] = { ...r, withOther: { line: other.line, ...jointly(c, both, ok) } };
  }
}

/** The larger of each debt two steps ask repaid. */
export function larger(a: readonly DebtRepayment[], b: readonly DebtRepayment[]): DebtRepayment[] {
  const out = a.map((p) => ({ ...p }));
  for (const p of b) {
    const same = out.find((q) => q.debt === p.debt);
    if (same === undefined) out.push({ ...p });
    else if (p.amount > same.amount) Object.assign(same, p);
  }
  return out;
}

/** `both` with as much more debt elsewhere repaid as `ok` needs (the least, by halving): null when
 *  repaying all of it is not enough. */
function jointly(
  c: Customer,
  both: DebtRepayment[],
  ok: (repay: readonly DebtRepayment[]) => boolean,
): { repay: DebtRepayment[] | null; over: Fen | null } {
  const owed = c.profile.externalDebt;
  const lines = both.filter((p) => p.debt !== "elsewhere");
  const from = both.find((p) => p.debt === "elsewhere")?.amount ?? 0;
  const at = (fen: Fen): DebtRepayment[] => [{ debt: "elsewhere", amount: fen, all: fen >= owed }, ...lines];
  if (owed <= from || !ok(at(owed))) return { repay: null, over: null };
  const fen = leastAbove(from, owed, (x) => ok(at(x)));
  const repay = at(fen);
  return { repay, over: total(repay) };
}

/** A copy of `c` with `repay` made today: the debt elsewhere less its share, each line's repaid on it. */
export function repaid(c: Customer, day: number, repay: readonly DebtRepayment[]): Customer {
  const elsewhere = repay.find((p) => p.debt === "elsewhere")?.amount ?? 0;
  const onLines = repay.filter((p) => p.debt !== "elsewhere");
  const less = elsewhere === 0 ? c : withProfile(c, { externalDebt: c.profile.externalDebt - elsewhere });
  if (onLines.length === 0) return less;
  const copy = forkCustomer(less);
  for (const p of onLines) repayLine(copy, lineOf(copy, p.debt as LineId), p.amount, day);
  return copy;
}

// The smallest line's income, raised because the review it names brings the other line back first, beside
// the other line's debt step, which offers a repayment (by the month end, for the review after it) instead
// of an income: the income step says that no repayment does for its line — restored and used, the lines are
// counted at their limits — and it is true. Told only "report ¥184" beside "¥101, or repay ¥222.40", the
// customer could not know whether a repayment would do for Jiebei too.

import { describe, expect, it } from "vitest";
import { Calendar } from "../../src/engine/calendar.js";
import { type Customer, forkCustomer, lineOf } from "../../src/engine/customer.js";
import { run as runEngine } from "../../src/engine/simulate.js";
import { noRepayment } from "../../src/engine/support/income-gap.js";
import type { Remedy } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, type EventInput, on, run, scenario, stepOn, stepsOf } from "./builders.js";

// both lines suspended for no income (PROPERTY_SEED=2279920343, support.test.ts's noIncomeCall(1_000))
const EVENTS: EventInput[] = [
  on.open(0, 1_000),
  on.open(0, 1_000, "jiebei"),
  on.borrow(1, 500, 6),
  on.purchase(1, 100),
  on.income(1, 0),
  on.repay(32, "minimum", "jiebei"),
  on.repay(40, "minimum", "huabei"),
];
const OPTIONS = {
  policy: { ...DEFAULT_POLICY, minLimit: 0, maxDebtToIncome: 0.5 },
  profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 0 },
};

/** The restorations of the reviews up to `until`, the customer's `more` events made, and every bill and
 *  instalment falling due after day 40 met at its minimum. */
function restored(more: EventInput[], until: number): string[] {
  const dues: EventInput[] = [];
  for (;;) {
    const t = run([...EVENTS, ...more, ...dues], { ...OPTIONS, until });
    const next = stepsOf(t, "due")
      .filter(
        (s) => s.day > 40 && !dues.some((d) => d.day === s.day && d.type === "repay" && d.line === s.line),
      )
      .map((s) => on.repay(s.day, "minimum", s.line ?? "huabei"));
    if (next.length === 0)
      return stepsOf(t, "review")
        .filter((s) => s.decision === "restored")
        .map((s) => `${s.line} ${s.day}`);
    dues.push(...next);
  }
}

describe("the smallest line's raised income, beside the other line's debt step", () => {
  const answer = stepOn(
    run([...EVENTS, on.support(40)], { ...OPTIONS, until: 40 }),
    "contact_support",
    40,
  ).remedies;
  const income = answer.find(
    (r): r is Extract<Remedy, { kind: "report_income" }> => r.line === "jiebei" && r.kind === "report_income",
  )!;
  const debt = answer.find(
    (r): r is Extract<Remedy, { kind: "reduce_debt" }> => r.line === "huabei" && r.kind === "reduce_debt",
  )!;

  it("says that no repayment does instead, where the debt step offers one", () => {
    expect(debt.repay).not.toBeNull();
    expect(debt.report).not.toBeNull();
    expect(income.beside).toEqual({ line: "huabei", smallest: 167, noRepayment: true });
    expect(describeRemedy(income)).toContain(
      "; unlike Huabei's step, no repayment does for Jiebei: at ¥167.00, everything owed repaid, the periodic review Huabei's step names still does not restore Jiebei",
    );
  });

  it("true: at ¥167 with everything owed repaid, that review restores Huabei and not Jiebei; at the income asked, both", () => {
    const review = debt.review.day;
    const everything = (["huabei", "jiebei"] as LineId[]).map((line) => on.repay(40, "full", line));
    const at167 = restored([on.income(40, 167), ...everything], review);
    expect(at167).toContain("huabei 45");
    expect(at167.filter((s) => s.startsWith("jiebei"))).toEqual([]);
    expect(restored([on.income(40, income.income)], review)).toEqual(["huabei 45", "jiebei 45"]);
  });
});

describe("noRepayment asks only whether the repayment restores this line", () => {
  // no story found reaching it: the story's customer at day 40 with Huabei closed by hand, so that the
  // step's review, everything owed repaid at ¥167, restores Jiebei and leaves Huabei not active — the flag
  // said no repayment did for Jiebei there (it read Huabei's status too)
  let c: Customer | null = null;
  runEngine(scenario([...EVENTS, on.support(40)], { ...OPTIONS, until: 40 }), {
    end: (s) => {
      c = s.customer;
    },
  });
  const answer = stepOn(
    run([...EVENTS, on.support(40)], { ...OPTIONS, until: 40 }),
    "contact_support",
    40,
  ).remedies;
  const calendar = new Calendar("2024-01-01");

  it("false where the step's review restores Jiebei and not Huabei", () => {
    const closed = forkCustomer(c!);
    lineOf(closed, "huabei").status = "closed";
    expect(noRepayment(closed, 40, calendar, answer, "jiebei", 167, false)).toBe(false);
  });

  it("true in the story itself (Jiebei not restored at ¥167)", () => {
    expect(noRepayment(c!, 40, calendar, answer, "jiebei", 167, false)).toBe(true);
  });
});

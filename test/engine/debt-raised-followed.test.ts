// The raise in debtsFollowed reached (stop 50: it ran in no test nor in 1,200 property runs): a debt step
// sized with the other line suspended, where the other line's own step brings it back at an earlier review
// and, used, is debt the review the step names reads. Huabei suspended for no income under a 0.75 debt cap,
// owing ¥1,700 on a line cut to ¥500; Jiebei's ¥1,000 line suspended, ¥500 drawn. Huabei's ¥250 (its smallest
// line) brings Huabei back on day 45; Jiebei's step for day 74, sized with Huabei suspended, is raised to what
// holds Jiebei there: Huabei's own cap once Jiebei is used (a ratio rule, on the other line).

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn, stepsOf } from "./builders.js";

const events: EventInput[] = [
  on.open(0, 2_000),
  on.open(0, 1_000, "jiebei"),
  on.borrow(1, 500, 6),
  on.purchase(1, 1_700),
  on.income(1, 0),
  on.repay(32, "minimum", "jiebei"),
  on.repay(40, "minimum", "huabei"),
];
const options = {
  // no smallest Jiebei loan: ¥500 is two months of the ¥250 a month Huabei's step asks, and the story is not about it
  policy: { ...DEFAULT_POLICY, maxDebtToIncome: 0.75, jiebeiMinDrawdown: 0 },
  profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 0 },
};

/** Jiebei's decision at the review of day 74, `monthly` reported and `fen` of Huabei's balance repaid on
 *  the day of the call, every bill and instalment after it met at its minimum. */
function jiebeiOn74(monthly: number, fen: number): string | null | undefined {
  const repay: EventInput[] =
    fen > 0 ? [{ day: 40, type: "repay", line: "huabei", amount: { kind: "amount", fen } }] : [];
  const t = run(
    [
      ...events,
      on.income(40, monthly),
      ...repay,
      on.repay(61, "minimum", "jiebei"),
      on.repay(69, "minimum", "huabei"),
    ],
    { ...options, until: 74 },
  );
  return stepsOf(t, "review", 74).find((s) => s.line === "jiebei")?.decision;
}

describe("a debt step raised for the other line restored at an earlier review", () => {
  const answer = stepOn(run([...events, on.support(40)], { ...options, until: 40 }), "contact_support", 40)
    .remedies as Remedy[];
  const step = answer.find((r) => r.line === "jiebei" && r.kind === "reduce_debt");

  it("asks the least that restores its line there, and says the ratio rule it is raised for", () => {
    expect(answer.find((r) => r.line === "huabei" && r.kind === "report_income")).toMatchObject({
      income: 250,
    });
    expect(step).toMatchObject({
      repay: [{ debt: "huabei", amount: 29_176, all: false }],
      review: { day: 74 },
      missed: { day: 45 },
      raisedFor: {
        code: "DEBT_TO_INCOME_TOO_HIGH",
        line: "huabei",
        parameter: "maxDebtToIncome",
        threshold: 0.75,
        value: 0.85,
        onceUsed: 100_000,
      },
    });
    // a ratio rule: no score to reach
    expect(step).toMatchObject({ score: null });
  });

  it("says the next review first, then the one it is for and what holds the line there", () => {
    const text = remedyText(step!);
    expect(text).toMatch(/^the periodic review on 2024-02-15 \(day 45\) reads /);
    expect(text).toContain(
      "at the periodic review on 2024-03-15 (day 74), restoring Jiebei reads total debt / annual income at 0.85, within 1.00 with only what that ratio needs repaid, but there Huabei's total debt / annual income once Jiebei is used (at ¥1,000.00) reads 0.85, over 0.75 (maxDebtToIncome): repay at least ¥291.76 of the Huabei balance by 2024-02-29 (day 59)",
    );
    // Huabei owes more than its ¥500 limit: repaying it lowers what is counted, as asked
    expect(text).toContain(
      "Huabei at its ¥500.00 limit, used in full, or at what it owes if more: repaying its balance lowers what is counted only while it owes more than that",
    );
    expect(text).not.toContain("lowers nothing counted");
  });

  it("followed with the income the answer asks, restores Jiebei at that review — a fen less does not", () => {
    expect(jiebeiOn74(250, 29_176)).toBe("restored");
    expect(jiebeiOn74(250, 29_175)).not.toBe("restored");
    expect(jiebeiOn74(250, 0)).not.toBe("restored");
  });

  // the incomes that review does not honour are played with nothing repaid — the income route alone: ¥250
  // (Huabei's step) with the ¥291.76 asked does restore Jiebei on day 74, so the range says it is without it
  it("says the incomes that review does not honour are with nothing repaid, and they are", () => {
    expect(step).toMatchObject({ notBetween: { line: "huabei", from: 250, to: 282, both: 283 } });
    expect(remedyText(step!)).toContain(
      "Not a monthly income from ¥250.00 to ¥282.00 with nothing repaid (with the repayment asked, the income Huabei's step asks does): that review then keeps Huabei, which Jiebei, used, would take past its cap, and does not leave Jiebei active; from ¥283.00 a month with nothing repaid, that review leaves both Jiebei and Huabei active",
    );
    expect(jiebeiOn74(282, 0)).not.toBe("restored");
    expect(jiebeiOn74(283, 0)).toBe("restored");
  });
});

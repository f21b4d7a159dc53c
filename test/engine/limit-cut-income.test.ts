// A limit cut for the income, asked about: the income that takes the income multiple's cap back to the
// limit before the cut, named — told only "report a higher income", the customer cut from ¥20,000 to ¥6,000
// at ¥3,000 a month could not know that ¥10,000 would do — and reported, the review gives the limit back.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, on, run, stepOn, stepsOf } from "./builders.js";

const EVENTS = [on.open(0, 20_000), on.purchase(5, 1_000), on.repay(35, "full"), on.income(40, 3_000)];
const OPTIONS = { policy: DEFAULT_POLICY, profile: { monthlyIncome: 10_000, creditHistoryMonths: 60 } };

describe("a limit cut for the income", () => {
  const s = stepOn(run([...EVENTS, on.support(50)], { ...OPTIONS, until: 50 }), "contact_support", 50);
  const cut = s.remedies.find((r): r is Extract<Remedy, { kind: "limit_cut" }> => r.kind === "limit_cut")!;

  it("names the income whose cap is the limit before the cut", () => {
    expect(cut).toMatchObject({ from: 2_000_000, to: 600_000, increase: { income: 10_000 } });
    expect(describeRemedy(cut)).toContain(
      "the limit is already the highest the income supports (cap ¥6,000.00 by maxLimitIncomeMultiple) — report a monthly income of at least ¥10,000.00 (an income event), at which the income multiple allows the ¥20,000.00 before the cut",
    );
  });

  it("reported, the review named gives the limit back; a yuan less, not all of it", () => {
    const review = cut.givenBack!.day;
    const limitAfter = (income: number) =>
      stepsOf(run([...EVENTS, on.income(50, income)], { ...OPTIONS, until: review }), "review", review)[0]
        ?.limit;
    expect(limitAfter(10_000)).toBe(2_000_000);
    expect(limitAfter(9_999)).toBeLessThan(2_000_000);
  });
});

describe("a limit cut for the income, with a smaller cap above the income's since", () => {
  // the product's largest limit lowered to ¥15,000 after the cut: the income multiple allows ¥15,000 at
  // ¥7,500 a month, where that largest limit takes over below the ¥20,000 before the cut
  const BANDS = [
    { minScore: 620, maxLimit: 3000 },
    { minScore: 680, maxLimit: 6000 },
    { minScore: 720, maxLimit: 10000 },
    { minScore: 780, maxLimit: 15000 },
  ];
  const events = [...EVENTS, on.policy(45, { set: { limitBands: BANDS } }), on.support(50)];
  const s = stepOn(run(events, { ...OPTIONS, until: 50 }), "contact_support", 50);
  const cut = s.remedies.find((r): r is Extract<Remedy, { kind: "limit_cut" }> => r.kind === "limit_cut")!;

  it("does not say the income multiple allows the limit before the cut: names the cap that takes over", () => {
    const text = describeRemedy(cut);
    expect(text).not.toContain("at which the income multiple allows the ¥20,000.00 before the cut");
    expect(text).toContain("report a monthly income of at least ¥7,500.00 (an income event)");
    expect(text).toContain(
      "at which the income multiple allows ¥15,000.00, as much as the product's largest limit does — below the ¥20,000.00 before the cut, no income brings more back",
    );
    expect(cut.increase).toMatchObject({
      income: 7_500,
      incomeCap: { binding: "product_maximum", limit: 1_500_000 },
    });
  });
});

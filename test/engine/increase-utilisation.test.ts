// An increase a lender would not grant: a line used close to or past its limit (maxIncreaseUtilisation),
// and one whose limit was cut weeks before (the increase cooldown runs from the cut).

import { describe, expect, it } from "vitest";
import { describeFact } from "../../src/scenario/format.js";
import { on, run, stepOn, testPolicy } from "./builders.js";

describe("an increase on a highly utilised line", () => {
  const policy = testPolicy({ maxIncreaseUtilisation: 0.9 });

  it("is declined while the balance is above maxIncreaseUtilisation of the limit, with the share and the repayment that brings it within", () => {
    // ¥4,750 of a ¥5,000 line: 95 % vs 90 %
    const t = run([on.open(0, 5_000), on.purchase(5, 4_750), on.increase(20, 1_000)], { policy, until: 25 });
    const v = stepOn(t, "apply", 20);
    expect(v).toMatchObject({ decision: "declined", reasons: ["UTILISATION_TOO_HIGH"], limit: 500_000 });
    // ¥4,750 owed, at most ¥4,500 allowed: ¥250 to repay
    expect(v.facts).toEqual([
      {
        code: "UTILISATION_TOO_HIGH",
        parameter: "maxIncreaseUtilisation",
        threshold: 0.9,
        value: 0.95,
        amount: 25_000,
      },
    ]);
    expect(describeFact(v.facts[0]!)).toBe("95 % vs maxIncreaseUtilisation 90 %");
  });

  it("is granted at or below the threshold: repaying is never what declines it (monotone)", () => {
    const at = run([on.open(0, 5_000), on.purchase(5, 4_500), on.increase(20, 1_000)], { policy, until: 25 });
    expect(stepOn(at, "apply", 20)).toMatchObject({ decision: "approved", limit: 600_000 });
    const repaid = run(
      [on.open(0, 5_000), on.purchase(5, 4_750), on.repay(15, 250), on.increase(20, 1_000)],
      {
        policy,
        until: 25,
      },
    );
    expect(stepOn(repaid, "apply", 20)).toMatchObject({ decision: "approved", limit: 600_000 });
  });

  it("over the limit always fails it, even at maxIncreaseUtilisation 1 (what whole policy files written without it get)", () => {
    // the income falls: the review on day 14 cuts ¥5,000 to ¥2,000 below the ¥3,000 owed
    const loose = testPolicy({ maxIncreaseUtilisation: 1, maxLimitIncomeMultiple: 2 });
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(5, 3_000),
        on.income(10, 1_000),
        on.income(20, 10_000),
        on.increase(21, 3_000),
      ],
      { policy: loose, until: 25 },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ decision: "limit_reduced", limit: 200_000 });
    const v = stepOn(t, "apply", 21);
    expect(v.decision).toBe("declined");
    expect(v.facts).toContainEqual(
      expect.objectContaining({ code: "UTILISATION_TOO_HIGH", threshold: 1, value: 1.5, amount: 100_000 }),
    );
  });

  it("applies to a Jiebei increase too: a cash-loan line drawn to its limit is not raised", () => {
    const story = [
      on.open(0, 5_000),
      on.purchase(5, 100),
      on.repay(38, "full"),
      on.open(200, 5_000, "jiebei"),
      on.borrow(201, 5_000, 3),
      on.increase(210, 1_000, "jiebei"),
    ];
    const t = run(story, { policy, profile: { creditHistoryMonths: 60 }, until: 215 });
    expect(stepOn(t, "apply", 200).decision).toBe("approved");
    const v = stepOn(t, "apply", 210);
    expect(v.decision).toBe("declined");
    expect(v.facts).toContainEqual(
      expect.objectContaining({ code: "UTILISATION_TOO_HIGH", parameter: "maxIncreaseUtilisation" }),
    );
  });
});

describe("an increase after a cut", () => {
  it("waits increaseCooldownDays from the cut, not from the opening (INCREASE_TOO_SOON, the days since the cut)", () => {
    // a policy lowering the top band: the review on day 105 cuts ¥5,000 to ¥2,000; the band is put back
    const cut = { set: { limitBands: [{ minScore: 350, maxLimit: 2_000 }] } };
    const back = { set: { limitBands: [{ minScore: 350, maxLimit: 50_000 }] } };
    const policy = testPolicy({ increaseCooldownDays: 90 });
    const t = run(
      [
        on.open(0, 5_000),
        on.policy(100, cut),
        on.policy(110, back),
        on.increase(120, 500),
        on.increase(195, 500),
      ],
      { policy, until: 200 },
    );
    expect(stepOn(t, "review", 105)).toMatchObject({ decision: "limit_reduced", limit: 200_000 });
    // 120 days after the opening, but 15 after the cut
    expect(stepOn(t, "apply", 120)).toMatchObject({
      decision: "declined",
      facts: [{ code: "INCREASE_TOO_SOON", parameter: "increaseCooldownDays", threshold: 90, value: 15 }],
    });
    expect(stepOn(t, "apply", 195)).toMatchObject({ decision: "approved", limit: 250_000 });
  });
});

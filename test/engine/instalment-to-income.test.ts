import { describe, expect, it } from "vitest";
import { describeFact } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, on, run, stepOn, TIGHTENED_POLICY, testPolicy } from "./builders.js";

// Jiebei capped the debt against a year's income but not a month's instalments against a month's: a
// ¥50,000 loan over 12 months on ¥10,000 a month asks ¥4,787 (47 %) each month and was lent. A drawdown is
// now declined when a month's instalments — the loans owed at their coming instalment and the new loan at
// its first, its largest — take more than jiebeiMaxInstalmentToIncome of the monthly income.
describe("Jiebei's instalment-to-income cap", () => {
  const policy = testPolicy({ jiebeiMaxInstalmentToIncome: 0.3 });
  const borrow = (amount: number, term: 3 | 6 | 12, before: ReturnType<typeof on.borrow>[] = []) =>
    stepOn(
      run([on.open(0, 5_000), on.open(0, 100_000, "jiebei"), ...before, on.borrow(5, amount, term)], {
        policy,
        until: 6,
      }),
      "borrow",
      5,
    );

  it("declines a loan whose first instalment is over the cap, citing the share and the cap", () => {
    const s = borrow(50_000, 12);
    expect(s.decision).toBe("declined");
    expect(s.reasons).toEqual(["INSTALMENT_TO_INCOME_TOO_HIGH"]);
    // ¥4,166.66 principal + 31 days' interest on ¥50,000 at 0.04 % (¥620.00) on ¥10,000
    expect(s.facts).toEqual([
      {
        code: "INSTALMENT_TO_INCOME_TOO_HIGH",
        parameter: "jiebeiMaxInstalmentToIncome",
        threshold: 0.3,
        value: 0.48,
        // what would be lent instead: no longer term is offered; ¥31,300 over the same 12 months
        fitsAmount: 3_130_000,
      },
    ]);
  });

  it("lends the same amount over more months, or less over the same months", () => {
    expect(borrow(30_000, 12).decision).toBe("approved");
    expect(borrow(30_000, 6).decision).toBe("declined");
  });

  it("a decline says what would be lent instead — the same amount over the shortest longer term, or the most over the same term — and each is lent", () => {
    // "borrow less or over more months" without its numbers left the customer to guess: ¥50,000 over 12
    // months on ¥10,000 a month (0.48) fits no longer term; over 3 months a ¥20,000 loan (0.70) fits over 12
    const long = borrow(50_000, 12);
    expect(long.facts[0]).toEqual(expect.objectContaining({ value: 0.48, fitsAmount: 3_130_000 }));
    expect(long.facts[0]!.fitsTerm).toBeUndefined();
    const short = borrow(20_000, 3);
    expect(short.facts[0]).toMatchObject({ fitsTerm: 12, fitsAmount: 860_000 });
    // the advice followed: each is lent, and a hundred yuan more over the same term is not
    expect(borrow(20_000, 12).decision).toBe("approved");
    expect(borrow(20_000, 6).decision).toBe("declined");
    expect(borrow(8_600, 3).decision).toBe("approved");
    expect(borrow(8_700, 3).decision).toBe("declined");
    expect(borrow(31_300, 12).decision).toBe("approved");
    expect(borrow(31_400, 12).decision).toBe("declined");
    // and the trace says it in words
    expect(describeFact(short.facts[0]!)).toBe(
      "0.70 vs jiebeiMaxInstalmentToIncome 0.30; the same amount over 12 months would be lent, or up to ¥8,600.00 over the same term",
    );
  });

  it("counts the loans already owed: a second loan that alone fits is declined beside the first", () => {
    expect(borrow(20_000, 12).decision).toBe("approved");
    const second = borrow(20_000, 12, [on.borrow(1, 20_000, 12)]);
    expect(second.decision).toBe("declined");
    expect(second.facts[0]).toMatchObject({ threshold: 0.3, value: 0.39 });
  });

  it("ships as a number of the default (0.5) and the tightened policy (0.3)", () => {
    expect(DEFAULT_POLICY.jiebeiMaxInstalmentToIncome).toBe(0.5);
    expect(TIGHTENED_POLICY.jiebeiMaxInstalmentToIncome).toBe(0.3);
  });
});

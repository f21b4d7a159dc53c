import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilWhole, fenToYuan, floorWhole, wholeFen, yuanToFen } from "../../src/engine/money.js";
import { on, run, stepOn, testPolicy } from "./builders.js";

describe("yuanToFen", () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.01, 1],
    [0.1, 10],
    [19.99, 1999],
    [1200.5, 120050],
    [0.1 + 0.2, 30],
    [123456789.12, 12345678912],
  ])("%d yuan is %d fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([1.234, 0.001, 0.005, 99.999, 1 / 3])("rejects %d (more than two decimals)", (yuan) => {
    expect(yuanToFen(yuan)).toBeNull();
  });

  it("round-trips every whole fen amount up to 100 million yuan through yuan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(yuanToFen(fen / 100)).toBe(fen);
        expect(yuanToFen(Number(fenToYuan(fen)))).toBe(fen);
      }),
      { numRuns: 1000 },
    );
  });
});

it("yuanToFen accepts large two-decimal amounts (counterexample 134222770.92)", () => {
  expect(yuanToFen(134222770.92)).toBe(13422277092);
  fc.assert(
    fc.property(fc.integer({ min: 10_000_000_000, max: 100_000_000_000 }), (fen) => {
      expect(yuanToFen(fen / 100)).toBe(fen);
    }),
    { numRuns: 1000 },
  );
});

describe("fenToYuan", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [50, "0.50"],
    [100, "1.00"],
    [120050, "1200.50"],
    [123456789, "1234567.89"],
    [-5, "-0.05"],
    [-120050, "-1200.50"],
  ])("%d fen is %s", (fen, text) => {
    expect(fenToYuan(fen)).toBe(text);
  });
});

describe("wholeFen", () => {
  it("is whole fen where yuan × 100 is not (128.02 × 100 = 12802.000000000002)", () => {
    expect(128.02 * 100).not.toBe(12_802);
    expect(wholeFen(128.02)).toBe(12_802);
  });

  it("a drawdown of exactly the policy's minimum is not below it", () => {
    const policy = testPolicy({ jiebeiMinDrawdown: 128.02 });
    const t = run([on.open(0, 10_000, "jiebei"), on.borrow(14, 128.02, 3)], { policy });
    expect(stepOn(t, "borrow", 14).decision).toBe("approved");
  });
});

describe("ceilWhole and floorWhole: a product of decimals rounded as the decimal it stands for", () => {
  it("a whole product a hair off in binary is that whole number; a genuine fraction is not, at any size", () => {
    // 0.07 × 100,000 is 7,000.000…1 and 1.4 × 5,500 is 7,699.999… in binary
    expect(ceilWhole(100_000 * 0.07)).toBe(7_000);
    expect(floorWhole((5_500 * 1.4) / 100)).toBe(77);
    // a fixed hair (1e-6) was too wide here: a rate of 0.070000000005 is over 7,000 fen
    expect(ceilWhole(100_000 * 0.070000000005)).toBe(7_001);
    expect(floorWhole(100_000 * 0.069999999995)).toBe(6_999);
    // …and too narrow here: 0.28 × 86,784,665,900 fen is 24,299,706,452 exactly (a reviewer's find: …453)
    expect(ceilWhole(86_784_665_900 * 0.28)).toBe(24_299_706_452);
    expect(ceilWhole(0.3 * 100)).toBe(30);
    // …and a tolerance of eight units of the last place took genuine fractions of large shares as whole
    // (a reviewer's find: a minimum a fen short at minRepaymentRate 0.9899 on ¥567,977,100.99)
    expect(ceilWhole(56_797_710_099 * 0.9899)).toBe(56_224_053_228);
    expect(ceilWhole(547_026_893 * 0.994757)).toBe(544_158_832);
    expect(floorWhole(2.5)).toBe(2);
  });
});

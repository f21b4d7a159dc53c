// A limit cap below the smallest line holds the line to the smallest line (the review suspends it, and
// cuts a larger limit to that line): the cut's fact names the cap's own amount — ¥400 by
// maxLimitIncomeMultiple on ¥200 a month — and the smallest line it is below, not the ¥500 the limit is
// held to as if the multiple made it.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { describeFact, factInYuan } from "../../src/scenario/format.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const incomeFalls = (monthlyIncome: number) =>
  simulate(
    loadScenarioText(
      `
name: income below the smallest line's
start: 2024-01-01
until: 50
profile: { age: 35, monthlyIncome: 10000, verified: true, creditHistoryMonths: 36 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }
  - { day: 5, type: purchase, amount: 100, merchant: Taobao }
  - { day: 35, type: repay, amount: full }
  - { day: 40, type: income, monthlyIncome: ${monthlyIncome} }
`,
      join(process.cwd(), "scenarios", "held-cap.yaml"),
    ).scenario,
  );

describe("a cap below the smallest line, as a cut's fact", () => {
  it.each([
    // ¥200 a month: Huabei's multiple of 2 makes ¥400; Jiebei's of 6 ¥1,200, a line it is cut to
    [200, 400, 1200],
    // ¥80: ¥160, whole hundreds ¥100; Jiebei's ¥480, ¥400, below its ¥1,000 smallest line
    [80, 100, 400],
    [0, 0, 0],
  ] as const)("on ¥%d a month", (income, huabeiCap, jiebeiCap) => {
    const t = incomeFalls(income);
    const cut = (id: LineId) =>
      t.steps
        .find((s) => s.day === 45 && s.event.type === "review" && s.line === id)
        ?.facts.find((f) => f.code === "INCOME_BELOW_LIMIT");
    const hb = cut("huabei")!;
    expect(hb).toMatchObject({
      parameter: "maxLimitIncomeMultiple",
      threshold: huabeiCap * 100,
      value: 5000_00,
      smallest: 500_00,
      smallestParameter: "minLimit",
    });
    expect(describeFact(hb)).toBe(
      `¥5,000.00 vs cap ¥${huabeiCap}.00 by maxLimitIncomeMultiple, below the ¥500.00 smallest line (minLimit)`,
    );
    expect(factInYuan(hb)).toMatchObject({ threshold: huabeiCap, smallest: 500 });
    const jb = cut("jiebei")!;
    expect(jb).toMatchObject({ parameter: "jiebeiMaxLimitIncomeMultiple", threshold: jiebeiCap * 100 });
    if (jiebeiCap >= 1000) expect(jb.smallest).toBeUndefined();
    else expect(jb).toMatchObject({ smallest: 1000_00, smallestParameter: "jiebeiMinLimit" });
  });

  it("a cap the line can have says nothing of the smallest line", () => {
    // ¥1,000 a month: ¥2,000 by the multiple, above the ¥500 smallest line — the limit is cut to it
    const cut = incomeFalls(1000)
      .steps.find((s) => s.day === 45 && s.event.type === "review" && s.line === "huabei")!
      .facts.find((f) => f.code === "INCOME_BELOW_LIMIT")!;
    expect(describeFact(cut)).toBe("¥5,000.00 vs cap ¥2,000.00 by maxLimitIncomeMultiple");
    expect(cut.smallest).toBeUndefined();
  });
});

// A debt ratio read on the file once a line is used (a restoration's, an application's) counts credit the
// customer has not used — an unused Huabei line at its limit, the line applied for or restored: its fact
// names the debt counted (elsewhere, each line's part, the unused credit counted as used in it), so that
// the customer can check the number. "0.68 vs 0.60, once a ¥1,000.00 line is used" counted Huabei's
// unused ¥5,000 line and never said so.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { RuleFact } from "../../src/engine/verdict.js";
import { describeFact, factInYuan } from "../../src/scenario/format.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";

const trace = (events: string, profile: string) =>
  simulate(
    loadScenarioText(
      `
name: debt counted once used
start: 2024-01-01
until: 200
profile: { age: 35, verified: true, creditHistoryMonths: 60, ${profile} }
events:
${events}`,
      join(process.cwd(), "scenarios", "debt-counted.yaml"),
    ).scenario,
  );

/** The ratio once used checks out against the debt it names and the income. */
function expectCheckable(f: RuleFact, monthlyIncome: number): void {
  const ratio = f.debtCounted! / (monthlyIncome * 12 * 100);
  // two decimals, rounded up
  expect(f.value).toBe(Math.ceil(ratio * 100 - 1e-9) / 100);
}

describe("a debt ratio read once a line is used", () => {
  it("on a restoration: names Huabei's unused line counted as used beside Jiebei's smallest line", () => {
    const t = trace(
      [
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        "  - { day: 0, type: apply, line: jiebei, product: open, amount: 30000 }",
        "  - { day: 10, type: borrow, amount: 8000, term: 12 }",
        ...[41, 70, 101, 131, 162].map(
          (d) => `  - { day: ${d}, type: repay, line: jiebei, amount: minimum }`,
        ),
        "  - { day: 80, type: policy, use: tightened }",
        "",
      ].join("\n"),
      "monthlyIncome: 10000, externalDebt: 70000",
    );
    const review = t.steps.find(
      (s) => s.event.type === "review" && s.line === "jiebei" && s.reasons.includes("NOT_RESTORED_YET"),
    )!;
    expect(review).toBeDefined();
    const f = review.facts.find((x) => x.code === "DEBT_TO_INCOME_TOO_HIGH")!;
    expect(f.onceUsed).toBe(100_000);
    // Huabei owes nothing: its ¥5,000 line counted used in full; Jiebei at what it owes
    expect(f).toMatchObject({ huabeiCounted: 500_000, huabeiUsed: 500_000, jiebeiUsed: 0 });
    expect(f.debtCounted).toBe(7_000_000 + 500_000 + f.jiebeiCounted!);
    expectCheckable(f, 10_000);
    const text = describeFact(f);
    expect(text).toContain("once a ¥1,000.00 line is used: ¥");
    expect(text).toContain(
      "of debt counted — ¥70,000.00 elsewhere, Huabei's unused ¥5,000.00 counted as used, Jiebei ¥",
    );
    expect(factInYuan(f)).toMatchObject({ onceUsed: 1000, huabeiCounted: 5000, huabeiUsed: 5000 });
  });

  it("on an application: the other line's unused credit, and nothing unused where none is counted", () => {
    const t = trace(
      [
        "  - { day: 0, type: apply, product: open, amount: 10000 }",
        "  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }",
        "",
      ].join("\n"),
      "monthlyIncome: 5000, externalDebt: 60000",
    );
    const declined = t.steps.find((s) => s.line === "jiebei" && s.decision === "declined")!;
    const f = declined.facts.find((x) => x.code === "DEBT_TO_INCOME_TOO_HIGH")!;
    expect(f).toMatchObject({ onceUsed: 100_000, debtCounted: 7_050_620, huabeiUsed: 1_000_000 });
    expectCheckable(f, 5_000);
    expect(describeFact(f)).toBe(
      "1.18 vs jiebeiMaxDebtToIncome 1.00, once a ¥1,000.00 line is used: ¥70,506.20 of debt counted — ¥60,000.00 elsewhere, Huabei's unused ¥10,000.00 counted as used, Jiebei's smallest loan counted drawn, ¥500.00 and ¥6.20 of a 31-day month's interest",
    );
  });

  // Jiebei's smallest loan counted drawn beside what it owes: the loan's own amount said, and the whole it
  // is counted at — "the month-end report's ¥502.20 and its smallest loan counted drawn, ¥4.00 with the
  // interest" named a ¥4.00 no loan is (the ¥506.20 counted less the report's ¥502.20)
  const increase = (borrow: string, elsewhere: number) =>
    trace(
      [
        "  - { day: 0, type: apply, product: open, line: jiebei, amount: 5000 }",
        borrow,
        `  - { day: 36, type: external_debt, amount: ${elsewhere} }`,
        "  - { day: 37, type: apply, product: increase, line: jiebei, amount: 8000 }",
        "",
      ].join("\n"),
      "monthlyIncome: 5000, externalDebt: 50000",
    )
      .steps.find((s) => s.day === 37 && s.decision === "declined")!
      .facts.find((x) => x.code === "DEBT_TO_INCOME_TOO_HIGH")!;

  it("the smallest loan beside a month-end report above today's balance: the loan and the whole counted", () => {
    // ¥500 borrowed on day 20, the report of day 30 at ¥502.20, repaid in full on day 35
    const f = increase(
      "  - { day: 20, type: borrow, amount: 500, term: 3 }\n  - { day: 35, type: repay, line: jiebei, amount: full }",
      9_900,
    );
    expect(f).toMatchObject({ jiebeiLeast: 50_000, jiebeiCounted: 50_620, jiebeiOwedToday: 0 });
    expectCheckable(f, 5_000);
    expect(describeFact(f)).toBe(
      "1.01 vs jiebeiMaxDebtToIncome 1.00, once a ¥5,000.00 line is used: ¥60,406.20 of debt counted — ¥59,900.00 elsewhere, Jiebei ¥0.00 owed today (the last month-end report's ¥502.20) counted at ¥506.20 with its smallest loan (¥500.00) drawn and a 31-day month's interest",
    );
  });

  it("the smallest loan beside a balance above the last month-end report: the loan and the whole counted", () => {
    // ¥500 borrowed on day 35, after the report of day 30 (nothing owed then)
    const f = increase("  - { day: 35, type: borrow, amount: 500, term: 3 }", 9_000);
    expect(f.jiebeiLeast).toBe(50_000);
    expect(f.jiebeiOwedToday).toBeUndefined();
    expectCheckable(f, 5_000);
    expect(describeFact(f)).toMatch(
      /— ¥59,000\.00 elsewhere, Jiebei ¥500\.\d\d owed counted at ¥1,0\d\d\.\d\d with its smallest loan \(¥500\.00\) drawn and a 31-day month's interest$/,
    );
  });

  it("a line counted at the month-end report's balance, repaid since: names what it owes today as today's", () => {
    // two-lines: the April report has Jiebei at ¥38,121.75; the day-121 repayment brings it to ¥29,784.00
    // by customer service on day 125 — "Jiebei ¥38,121.75 owed" read as what the customer owes that day
    const t = simulate(loadScenario(join(process.cwd(), "scenarios", "two-lines.yaml")).scenario);
    const call = t.steps.find((s) => s.day === 125 && s.event.type === "contact_support")!;
    const f = call.facts.find((x) => x.code === "DEBT_TO_INCOME_TOO_HIGH")!;
    expect(f).toMatchObject({ jiebeiCounted: 3_812_175, jiebeiUsed: 0, jiebeiOwedToday: 2_978_400 });
    // Huabei is counted at what it owes today (and its unused credit): nothing to say of the report
    expect(f.huabeiOwedToday).toBeUndefined();
    expect(describeFact(f)).toContain(
      "Huabei ¥120.00 owed and ¥5,480.00 unused counted as used, Jiebei ¥29,784.00 owed today but counted at the last month-end report's ¥38,121.75",
    );
    expect(describeFact(f)).not.toContain("Jiebei ¥38,121.75 owed");
    expect(factInYuan(f)).toMatchObject({ jiebeiCounted: 38_121.75, jiebeiOwedToday: 29_784 });
  });
});

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
      "1.18 vs jiebeiMaxDebtToIncome 1.00, once a ¥1,000.00 line is used: ¥70,506.20 of debt counted — ¥60,000.00 elsewhere, Huabei's unused ¥10,000.00 counted as used, Jiebei's smallest loan counted drawn, ¥500.00 and ¥6.20 of interest to a month end",
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

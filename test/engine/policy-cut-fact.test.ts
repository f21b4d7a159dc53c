// A cut a policy change makes (POLICY_CHANGE first) cites its cap as the new policy's: the cap the same rule
// gave before the change beside it, as a change's suspension cites each threshold it moved — and the
// reason's text never says the income changed when only the policy did. A cut for an income that fell
// cites no policy change.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REASONS } from "../../src/engine/reasons.js";
import { simulate } from "../../src/engine/simulate.js";
import { describeFact, factInYuan } from "../../src/scenario/format.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const run = (change: string) =>
  simulate(
    loadScenarioText(
      `
name: a cut by the policy or by the income
start: 2024-01-01
until: 140
policy: default
profile: { age: 30, monthlyIncome: 5000, verified: true, creditHistoryMonths: 36, externalDebt: 10000 }
events:
  - { day: 0, type: apply, product: open, amount: 10000 }
  - { day: 5, type: purchase, amount: 300 }
  - { day: 40, type: repay, amount: full }
  - ${change}
`,
      join(process.cwd(), "scenarios", "policy-cut.yaml"),
    ).scenario,
  );

const cutOf = (t: ReturnType<typeof run>) => {
  const step = t.steps.find((s) => s.limit < 1_000_000 && s.event.type === "review")!;
  expect(step).toBeDefined();
  return { step, fact: step.facts.find((f) => f.code === "INCOME_BELOW_LIMIT")! };
};

describe("a limit cut by the income multiple", () => {
  it("by a policy change: the new policy's cap, and the cap before the change (the income never changed)", () => {
    // maxLimitIncomeMultiple 2 → 1.5 on ¥5,000 a month: ¥10,000 → ¥7,500
    const { step, fact } = cutOf(run("{ day: 100, type: policy, set: { maxLimitIncomeMultiple: 1.5 } }"));
    expect(step.reasons[0]).toBe("POLICY_CHANGE");
    expect(step.reasons).toContain("INCOME_BELOW_LIMIT");
    expect(fact).toMatchObject({ threshold: 750_000, before: 1_000_000, value: 1_000_000 });
    expect(describeFact(fact)).toBe(
      "¥10,000.00 vs cap ¥7,500.00 by maxLimitIncomeMultiple, ¥10,000.00 before the policy change",
    );
    expect(factInYuan(fact)).toMatchObject({ threshold: 7500, before: 10000 });
  });

  it("by an income that fell: no policy change cited, no cap before one", () => {
    const { step, fact } = cutOf(run("{ day: 100, type: income, monthlyIncome: 3750 }"));
    expect(step.reasons).not.toContain("POLICY_CHANGE");
    expect(fact).toMatchObject({ threshold: 750_000, value: 1_000_000 });
    expect(fact.before).toBeUndefined();
    expect(describeFact(fact)).toBe("¥10,000.00 vs cap ¥7,500.00 by maxLimitIncomeMultiple");
  });

  it("is said in words true of both: the policy allows less for the income, not that the income changed", () => {
    expect(REASONS.INCOME_BELOW_LIMIT.text).not.toMatch(/no longer|fell|changed/i);
    expect(REASONS.INCOME_BELOW_LIMIT.text).toMatch(/polic/i);
  });
});

// A line suspended for credit keeps the credit restoration score (the policy's current restoreScore) for as
// long as it is suspended, whatever the cause the suspension is recorded under later. A credit suspension a
// review recorded for a policy change (restoreScore raised to 850, identity now required) cited "741 vs
// restoreScore 850" on day 166; the next review asked only minScore (680) and on day 227 restored the line
// at 808 (731 and 798 since the bill is repaid 31 days past due, which keeps the clean period) — below the score the customer had been told they needed.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const SCENARIO = `
name: policy-while-recovering-850
start: 2024-01-01
until: 240
profile: { age: 27, monthlyIncome: 7000, verified: false, creditHistoryMonths: 20, externalDebt: 30000 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 3, type: purchase, amount: 3000, merchant: Taobao }
  - { day: 20, type: apply, product: increase, amount: 2000 }
  - { day: 22, type: apply, product: increase, amount: 2000 }
  - { day: 25, type: apply, product: increase, amount: 1000 }
  - { day: 27, type: apply, product: increase, amount: 1000 }
  - { day: 28, type: external_inquiry }
  - { day: 29, type: external_inquiry }
  # repaid 31 days past due: a clean period stands (one repaid short of suspendOverdueDays asks none
  # of a suspension at the review, and the line was restored before the change)
  - { day: 71, type: repay, amount: full }
  - { day: 55, type: purchase, amount: 2800, merchant: Taobao }
  - { day: 90, type: repay, amount: full }
  - { day: 150, type: policy, use: tightened, set: { restoreScore: 850 } }
  - { day: 200, type: contact_support }
  - { day: 210, type: verify_identity }
`;

const trace = () =>
  simulate(loadScenarioText(SCENARIO, join(process.cwd(), "scenarios", "s2b.yaml")).scenario);
const review = (t: ReturnType<typeof trace>, day: number) =>
  t.steps.find((s) => s.day === day && s.event.type === "review" && s.line === "huabei")!;

describe("a credit suspension recorded for a policy change", () => {
  it("keeps asking the credit restoration score at every review while it is suspended", () => {
    const t = trace();
    expect(review(t, 45)).toMatchObject({ decision: "suspended", cause: "credit" });
    // recorded for the change: the score it needs is the current restoreScore, the old one beside it
    for (const day of [166, 196]) {
      const r = review(t, day);
      expect(r).toMatchObject({ status: "suspended", cause: "policy" });
      expect(r.facts?.find((f) => f.code === "SCORE_BELOW_RESTORE")).toMatchObject({
        parameter: "restoreScore",
        threshold: 850,
        before: 660,
        value: 731,
      });
    }
    // at 798, verified, it is not restored: the review closes it (suspended too long), naming the score
    const last = review(t, 227);
    expect(last.score).toBe(798);
    expect(last.decision).not.toBe("restored");
    expect(last.reasons).toContain("SCORE_BELOW_RESTORE");
  });

  it("customer service asks for the same score the reviews do", () => {
    const support = simulate(
      loadScenarioText(SCENARIO, join(process.cwd(), "scenarios", "s2b.yaml")).scenario,
    ).steps.find((s) => s.day === 200 && s.event.type === "contact_support")!;
    // (day 227 closes the line, suspended since day 45: what the answer names is the score that review
    // reads against, the current restoreScore, the old one beside it)
    expect(support.facts.find((f) => f.code === "SCORE_BELOW_RESTORE")).toMatchObject({
      parameter: "restoreScore",
      threshold: 850,
      before: 660,
    });
    expect(review(trace(), 227).facts?.find((f) => f.code === "SCORE_BELOW_RESTORE")).toMatchObject({
      threshold: 850,
    });
  });
});

// Customer service's score target for a suspended line is the one the review that restores it applies:
// the restoration score, or — when that review judges the line once used (LIMIT_KEPT_ONCE_USED) — the score
// the line restored and used must still keep, whichever is higher; said in one step.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { Remedy, Step, Trace } from "../../src/engine/types.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const load = (text: string): Trace =>
  simulate(loadScenarioText(text, join(process.cwd(), "scenarios", "target.yaml")).scenario);

const remediesOf = (s: Step, kind: Remedy["kind"]) =>
  (s.remedies ?? []).filter((r) => r.line === "huabei" && r.kind === kind);

describe("one score step per line", () => {
  it("folds the score the line once used must keep into the restoration score's step (595 and 680 → 680)", () => {
    // Huabei suspended for credit on day 74, an overdue outstanding on day 78: the answer asked to raise
    // the score from 541 to 595 (what the line restored and used keeps at) and, in the next step, to 680
    // (restoreScore) — for the same review on day 196
    const t = load(`
name: two score targets
start: 2024-01-01
until: 80
profile: { age: 40, monthlyIncome: 12000, verified: true, creditHistoryMonths: 90, externalDebt: 100000 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }
  - { day: 5, type: purchase, amount: 300, merchant: JD }
  - { day: 35, type: repay, amount: full }
  - { day: 36, type: external_debt, amount: 30000 }
  - { day: 46, type: purchase, amount: 300, merchant: JD }
  - { day: 47, type: borrow, amount: 1000, term: 3 }
  - { day: 60, type: income, monthlyIncome: 5000 }
  - { day: 77, type: purchase, amount: 300, merchant: JD }
  - { day: 78, type: contact_support }
`);
    const answer = t.steps.find((s) => s.day === 78 && s.event.type === "contact_support")!;
    const raise = remediesOf(answer, "raise_score") as Extract<Remedy, { kind: "raise_score" }>[];
    expect(raise.map((r) => r.needed)).toEqual([680]);
    expect(raise[0]!.review?.day).toBe(196);
  });
});

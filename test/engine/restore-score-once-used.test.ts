// Customer service's score step for a suspended line is sized to what restoring it needs once the line is
// used (LIMIT_KEPT_ONCE_USED): a score that meets restoreScore but keeps no line once used restores
// nothing, so telling the customer that score is a promise the review does not keep.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { loadScenarioText } from "../../src/scenario/load.js";

// account 808 of `simulate --accounts 1000` (persona stretched, seed 1), its events as exported (its increase
// ask, ¥1,839, written in whole hundreds as a limit is asked since)
const SCENARIO = `
name: stretched-808
start: 2024-01-01
until: 300
policy: default
profile: { age: 54, monthlyIncome: 5396, verified: true, creditHistoryMonths: 13, externalDebt: 123501 }
events:
  - { day: 2, type: apply, product: open, amount: 5600 }
  - { day: 5, type: purchase, amount: 384.81 }
  - { day: 5, type: purchase, amount: 1037.22 }
  - { day: 8, type: request_review }
  - { day: 8, type: purchase, amount: 420.18 }
  - { day: 18, type: purchase, amount: 356.03 }
  - { day: 23, type: change_profile, field: address }
  - { day: 23, type: purchase, amount: 450.26 }
  - { day: 25, type: purchase, amount: 565.19 }
  - { day: 36, type: purchase, amount: 104.65 }
  - { day: 39, type: repay, amount: full }
  - { day: 41, type: apply, product: increase, amount: 1800 }
  - { day: 41, type: purchase, amount: 138.24 }
  - { day: 47, type: external_inquiry }
  - { day: 66, type: purchase, amount: 314.01 }
  - { day: 68, type: repay, amount: full }
  - { day: 72, type: purchase, amount: 194.5 }
  - { day: 73, type: purchase, amount: 346.86 }
  - { day: 75, type: income, monthlyIncome: 5584 }
  - { day: 76, type: purchase, amount: 253.95 }
  - { day: 85, type: purchase, amount: 324.74 }
  - { day: 93, type: purchase, amount: 64.57 }
  - { day: 99, type: purchase, amount: 152.71 }
  - { day: 104, type: repay, amount: full }
  - { day: 155, type: request_review, line: huabei }
  - { day: 171, type: external_inquiry }
  - { day: 180, type: request_review }
  - { day: 198, type: contact_support }
  - { day: 256, type: contact_support }
`;

describe("a score step for a restoration is sized to the line kept once used", () => {
  it("asks for more than a score the review holds back for LIMIT_KEPT_ONCE_USED", () => {
    // ¥123,501 elsewhere on ¥5,584 a month (1.85), a ¥3,000 Huabei line suspended on day 105 (605 vs 620).
    // On day 256 customer service said 'raise the score from 658 to 660'; at 670 on day 288 the review did
    // not restore it — used, the line would score 610 vs minScore 620 — and closed it (LONG_SUSPENSION)
    const t = simulate(loadScenarioText(SCENARIO, join(process.cwd(), "scenarios", "s808.yaml")).scenario);
    const held = t.steps.find(
      (s) => s.event.type === "review" && s.line === "huabei" && s.reasons.includes("LIMIT_KEPT_ONCE_USED"),
    );
    expect(held).toBeDefined();
    expect(held!.decision).not.toBe("restored");
    const support = t.steps.find((s) => s.day === 256 && s.event.type === "contact_support")!;
    const raise = (support.remedies ?? []).find(
      (r): r is Extract<Remedy, { kind: "raise_score" }> => r.line === "huabei" && r.kind === "raise_score",
    );
    expect(raise).toBeDefined();
    expect(raise!.needed).toBeGreaterThan(held!.score);
  });
});

// Guo Hua, suspended 30 days past due, repaid slowly: on day 230 customer service cited "423 vs
// restoreScore 660" and asked to "raise the score from 423 to 680" without saying why 680.
const SLOW = `
name: slow-but-right
start: 2024-01-01
until: 240
profile: { age: 45, monthlyIncome: 6000, verified: true, creditHistoryMonths: 120 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 4, type: purchase, amount: 4000, merchant: Suning }
  - { day: 80, type: repay, amount: 500 }
  - { day: 100, type: repay, amount: 500 }
  - { day: 120, type: repay, amount: 1000 }
  - { day: 140, type: repay, amount: 1000 }
  - { day: 160, type: repay, amount: full }
  - { day: 170, type: request_review }
  - { day: 230, type: contact_support }
`;

describe("a score step above the score restoring the line asks", () => {
  it("says it is what keeping the line once used needs, beside the restoration score its reasons cite", () => {
    const raise: Extract<Remedy, { kind: "raise_score" }> = {
      line: "huabei",
      kind: "raise_score",
      current: 423,
      needed: 680,
      restores: 660,
      drivers: ["LOW_INCOME"],
    };
    expect(describeRemedy(raise)).toContain(
      " — not the 660 restoring asks: below 680, the line restored and used would score short of what keeping it needs",
    );
  });

  it("is not asked when no review before the line closes reaches the restoration score (Guo Hua)", () => {
    // the delinquency over 90 days stays on file five years: every review before the closing one on day 258
    // reads less than 660, whatever the customer does — the answer once asked to "raise the score from 423
    // to 680" for a review that could not restore the line, and offered an early review
    const t = simulate(loadScenarioText(SLOW, join(process.cwd(), "scenarios", "s4.yaml")).scenario);
    const support = t.steps.find((s) => s.day === 230 && s.event.type === "contact_support")!;
    const cited = support.facts?.find((f) => f.code === "SCORE_BELOW_RESTORE");
    expect(cited).toMatchObject({ parameter: "restoreScore", threshold: 660 });
    expect(support.remedies.map((r) => r.kind)).toEqual(["on_record", "closure_due"]);
    expect(support.remedies[1]).toMatchObject({ day: 258, certain: true });
    // as things stand, run on to the closing review: the line is closed there, restored at none before it
    const { scenario } = loadScenarioText(SLOW, join(process.cwd(), "scenarios", "s4.yaml"));
    const on = simulate({ ...scenario, until: 260 }, { answers: false });
    const reviews = on.steps.filter((s) => s.event.type === "review" && s.line === "huabei");
    expect(reviews.some((s) => s.decision === "restored")).toBe(false);
    expect(reviews.at(-1)).toMatchObject({ day: 258, decision: "closed" });
  });
});

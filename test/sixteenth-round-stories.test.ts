// Stories of a sixteenth round, a credit-risk reviewer's (test/fixtures/scenarios): an instalment plan
// prepaid to its last yuan, a record window read at a month end two years on, and the stories of the round
// (each below says what it holds).

import { describe, expect, it } from "vitest";
import { at, lastStep, passing, twin } from "./helpers/stories.js";

describe("stories of a sixteenth round (test/fixtures/scenarios)", () => {
  it("an instalment plan prepaid to ¥1: the yuan left is billed with its share of the fee, ¥0.09, not a month's ¥8.80 — a fen paid more never costs more than a fen", () => {
    const t = passing("plan-prepaid-to-a-yuan.yaml");
    const statement = at(t.steps, "statement", 59);
    expect(statement.balance).toBe(109);
    // the twin who prepays the ¥1,100 in full owes nothing after: the yuan more costs the yuan and its fee
    const all = twin("plan-prepaid-to-a-yuan.yaml", ["amount: 1099 }", "amount: 1100 }"]);
    expect(lastStep(t, 100).charges - lastStep(all, 100).charges).toBe(9);
  });
});

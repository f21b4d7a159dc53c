// The counterfactual that avoids a cash loan's decline over the instalment cap: the loan asked as its
// decline says would be lent — the same amount over a longer term, or less over the same — not "nothing
// within the bound works" beside a decline that names the way.

import { describe, expect, it } from "vitest";
import { adviceText } from "../../src/whatif/advice.js";
import { candidates, editOf } from "../../src/whatif/candidates.js";
import { runVariant } from "../../src/whatif/run.js";
import { base, scenarioFile, searchOn } from "./helpers.js";

describe("avoiding a cash loan's decline over the instalment cap", () => {
  // ¥15,000 over 3 months on ¥6,000 a month: 87 % of the income, over the 50 % a month's instalments may
  // take — the decline says 6 months would be lent, or up to ¥8,600 over 3
  const file = scenarioFile("over-three-months.yaml", [
    "name: over three months",
    "profile: { age: 30, monthlyIncome: 6000, verified: true, creditHistoryMonths: 36 }",
    "until: 60",
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 3000 }",
    "  - { day: 1, type: apply, line: jiebei, product: open, amount: 20000 }",
    "  - { day: 2, type: borrow, amount: 15000, term: 3 }",
  ]);
  const run = runVariant(base(file));

  it("tries the loan as its decline says would be lent: the term that fits, then the amount", () => {
    const offers = candidates("avoid-declined", run.variant, run.trace, run.loaded.scenario.policy).filter(
      (c) => c.change.kind === "borrow-within-cap",
    );
    expect(offers.map((c) => [c.day, c.change])).toEqual([
      [2, { kind: "borrow-within-cap", id: 3, amount: 15_000, term: 6, was: 15_000 }],
      [2, { kind: "borrow-within-cap", id: 3, amount: 8_600, term: 3, was: 15_000 }],
    ]);
    expect(editOf(offers[0]!)).toEqual({ kind: "edit", id: 3, patch: { term: 6 } });
    expect(editOf(offers[1]!)).toEqual({ kind: "edit", id: 3, patch: { amount: 8_600 } });
  });

  it("finds both, each one change in plain words, and neither variant is declined", () => {
    const r = searchOn("avoid-declined", run);
    expect(r.status).toBe("solved");
    expect(r.solutions.map((s) => adviceText(r, s))).toEqual([
      expect.stringMatching(/^Had you borrowed the ¥15,000\.00 of day 2 over 6 months, /),
      expect.stringMatching(/^Had you borrowed ¥8,600\.00 on day 2, not ¥15,000\.00, /),
    ]);
    for (const s of r.solutions) {
      expect(s.candidates).toHaveLength(1);
      expect(s.trace.steps.some((x) => x.decision === "declined")).toBe(false);
    }
  });
});

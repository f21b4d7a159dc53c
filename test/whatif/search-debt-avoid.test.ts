// The counterfactual that avoids a suspension for the debt burden: paying debt elsewhere down before the
// review, as customer service advises once it has come — not "nothing within the bound works".

import { describe, expect, it } from "vitest";
import { adviceText } from "../../src/whatif/advice.js";
import { candidates } from "../../src/whatif/candidates.js";
import { runVariant } from "../../src/whatif/run.js";
import { base, searchOn } from "./helpers.js";

// Huang Wei: ¥180,000 owed elsewhere (in his profile, no event of the file) and every bill repaid; his
// income falls to ¥7,000 and the review of day 74 suspends the line at 2.22 times it, over the cap of 2
const FILE = "test/fixtures/scenarios/income-falls-debt-stays.yaml";

describe("avoiding a suspension for the debt burden", () => {
  const run = runVariant(base(FILE));

  it("tries paying the excess over the cap down on the review's own day (its repayments post before it)", () => {
    const offers = candidates("avoid-suspended", run.variant, run.trace, run.loaded.scenario.policy)
      .filter((c) => c.change.kind === "pay-debt-elsewhere")
      .map((c) => [c.day, c.change]);
    expect(offers).toEqual([
      [74, { kind: "pay-debt-elsewhere", amount: 18_000 }],
      [74, { kind: "pay-debt-elsewhere", amount: 23_000 }],
    ]);
  });

  it("finds it: one change, in plain words, and the variant is never suspended", () => {
    const r = searchOn("avoid-suspended", run);
    expect(r.status).toBe("solved");
    const paid = r.solutions.find((s) => s.candidates.some((c) => c.change.kind === "pay-debt-elsewhere"))!;
    expect(paid.candidates).toHaveLength(1);
    expect(adviceText(r, paid)).toBe(
      "Had you repaid ¥18,000.00 of your debt elsewhere on day 74, the account would not have been suspended (it was on day 74).",
    );
    expect(paid.trace.steps.some((s) => s.decision === "suspended")).toBe(false);
  });
});

describe("an added change is made once", () => {
  // suspended again on day 166, his income fallen to ¥6,500: the same ¥18,000 paydown on day 74, taken
  // twice, was the answer (¥36,000 in effect, said as two repayments of one day) where ¥18,000 then and
  // more on day 166 is what works
  const twice = runVariant(base("test/fixtures/scenarios/income-falls-twice.yaml"));

  it("never pairs an added event with itself, nor two of a kind on one day", () => {
    const r = searchOn("avoid-suspended", twice);
    expect(r.status).toBe("solved");
    for (const s of r.solutions) {
      const added = s.candidates.filter((c) => c.change.kind === "pay-debt-elsewhere").map((c) => c.day);
      expect(new Set(added).size).toBe(added.length);
    }
    const paid = r.solutions[0]!;
    expect(paid.candidates.map((c) => c.day)).toEqual([74, 166]);
    expect(paid.trace.steps.some((s) => s.decision === "suspended")).toBe(false);
  });
});

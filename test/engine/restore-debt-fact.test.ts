import { describe, expect, it } from "vitest";
import { on, run, stepOn, testPolicy } from "./builders.js";

// Jiebei suspended for its debt ratio while Huabei stays active; the customer repays part of the debt
// elsewhere. The restoration reads the ratio once the line is used: Huabei at its ¥10,000 limit, Jiebei
// at its smallest line (docs/model.md, restoration) — the ratio its facts show is that one.
describe("a restoration's debt facts carry the ratio it judged", () => {
  const policy = testPolicy({ jiebeiMaxDebtToIncome: 0.6, grantUsedFraction: 1 });
  const profile = { monthlyIncome: 10_000 };
  const base = [on.open(0, 10_000), on.open(0, 1_000, "jiebei"), on.externalDebt(3, 80_000)];

  it("held back: the refusal shows the ratio counted, over the cap", () => {
    // ¥67,100 elsewhere: 0.56 on the file, 0.65 with Huabei at its limit
    const t = run([...base, on.externalRepayment(20, 12_900), on.requestReview(20, "jiebei")], {
      policy,
      profile,
      until: 40,
    });
    expect(stepOn(t, "review", 14)).toMatchObject({ line: "jiebei", decision: "suspended" });
    const held = stepOn(t, "request_review", 20);
    expect(held.decision).toBe("declined");
    expect(held.facts).toContainEqual(
      expect.objectContaining({ code: "DEBT_TO_INCOME_TOO_HIGH", threshold: 0.6, value: 0.65 }),
    );
  });

  it("restored: DEBT_BURDEN_REDUCED shows the ratio the rule compared, not the scored one", () => {
    // ¥62,000 elsewhere: 0.52 on the file, 0.60 with Huabei at its limit — within the cap, just
    const t = run([...base, on.externalRepayment(20, 18_000), on.requestReview(20, "jiebei")], {
      policy,
      profile,
      until: 40,
    });
    const restored = stepOn(t, "request_review", 20);
    expect(restored.decision).toBe("restored");
    expect(restored.reasons).toContain("DEBT_BURDEN_REDUCED");
    expect(restored.facts).toContainEqual(
      expect.objectContaining({ code: "DEBT_BURDEN_REDUCED", threshold: 0.6, value: 0.6 }),
    );
  });

  it("the reverse: Huabei suspended, Jiebei active and drawn to its limit, counted in the ratio shown", () => {
    // ¥61,900 elsewhere + Huabei's smallest line ¥100 + Jiebei's ¥10,000 drawn: 0.60 (0.52 on the file)
    const t = run(
      [
        on.open(0, 1_000),
        on.open(0, 10_000, "jiebei"),
        on.externalDebt(3, 80_000),
        on.externalRepayment(20, 18_100),
        on.requestReview(20, "huabei"),
      ],
      { policy: testPolicy({ maxDebtToIncome: 0.6, grantUsedFraction: 1 }), profile, until: 40 },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ line: "huabei", decision: "suspended" });
    const restored = stepOn(t, "request_review", 20);
    expect(restored.decision).toBe("restored");
    expect(restored.facts).toContainEqual(
      expect.objectContaining({ code: "DEBT_BURDEN_REDUCED", threshold: 0.6, value: 0.6 }),
    );
  });
});

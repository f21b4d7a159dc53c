import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, on, run, stepOn, testPolicy } from "./builders.js";

// Jiebei suspended for its debt ratio while Huabei stays active; the customer repays part of the debt
// elsewhere. The restoration reads the ratio once the line is used: Huabei at its ¥10,000 limit, Jiebei
// at its smallest line (docs/model/decisions/review.md, restoration) — the ratio its facts show is that one.
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

// A ratio only the line restored and used makes says so, as an application's does: the customer's file
// owes nothing, and "total debt exceeds what the policy allows" with no "once used" read as untrue.
describe("a restoration's debt ratio that is not the file's own says it is the file once used", () => {
  it("an income gone to 0 with nothing owed: debt with no income once a ¥500.00 line is used", () => {
    const t = run([on.open(0, 5_000), on.income(20, 0)], {
      policy: DEFAULT_POLICY,
      profile: { monthlyIncome: 9_000, verified: true, creditHistoryMonths: 60 },
      until: 80,
    });
    expect(stepOn(t, "review", 45).decision).toBe("suspended");
    const held = stepOn(t, "review", 74);
    expect(held.balance).toBe(0);
    expect(held.facts).toContainEqual(
      expect.objectContaining({
        code: "DEBT_TO_INCOME_TOO_HIGH",
        value: Number.POSITIVE_INFINITY,
        onceUsed: 50_000,
      }),
    );
  });

  it("a ratio the file reads already (the line owes more than its smallest line) is left as it is", () => {
    const t = run([on.open(0, 5_000), on.purchase(5, 2_000), on.externalDebt(20, 60_000)], {
      policy: DEFAULT_POLICY,
      profile: { monthlyIncome: 2_000, verified: true, creditHistoryMonths: 60 },
      until: 80,
    });
    const fact = t.steps
      .filter((s) => s.event.type === "review" && s.day > 45)
      .flatMap((s) => s.facts)
      .find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH");
    expect(fact).toBeDefined();
    expect(fact).not.toHaveProperty("onceUsed");
  });
});

describe("a restoration's debt fact is said at the limit the line comes back at", () => {
  it("not at the smallest line the check was made at: the customer sees ¥5,000 back, the fact reads ¥5,000", () => {
    // a car loan takes the debt past the cap, the review suspends Huabei; the loan repaid, a review
    // restores it at ¥5,000 — the fact read "once a ¥100.00 line is used"
    const t = run(
      [
        on.open(0, 5_000),
        on.externalDebt(3, 160_000),
        on.externalRepayment(40, 120_000),
        on.requestReview(41, "huabei"),
      ],
      {
        policy: testPolicy({ maxDebtToIncome: 2, grantUsedFraction: 1 }),
        profile: { monthlyIncome: 6_000 },
        until: 60,
      },
    );
    expect(stepOn(t, "review", 14)).toMatchObject({ line: "huabei", decision: "suspended" });
    const restored = stepOn(t, "request_review", 41);
    expect(restored).toMatchObject({ decision: "restored", limit: 500_000 });
    const fact = restored.facts.find((f) => f.code === "DEBT_BURDEN_REDUCED");
    // ¥40,000 elsewhere + Huabei's ¥5,000 used = ¥45,000 over ¥72,000 a year
    expect(fact).toMatchObject({ threshold: 2, value: 0.63, onceUsed: 500_000, debtCounted: 4_500_000 });
  });
});

import { describe, expect, it } from "vitest";
import { type EventInput, on, run, stepOn, testPolicy } from "./builders.js";

// Asked right after a drawdown was declined for its instalments (0.70 of the income vs 0.30), customer
// service named only score reasons: neither the decline nor what would be lent. A purchase or drawdown
// declined is now judged again on the day asked, and its reasons — with what would be lent instead — said
// while they stand.
describe("customer service asked after a declined purchase or drawdown", () => {
  const policy = testPolicy({ jiebeiMaxInstalmentToIncome: 0.3 });
  const asked = (after: EventInput[], day = 6) =>
    stepOn(
      run(
        [
          on.open(0, 5_000),
          on.open(0, 100_000, "jiebei"),
          on.borrow(5, 20_000, 3),
          ...after,
          on.support(day),
        ],
        {
          policy,
          until: day + 1,
        },
      ),
      "contact_support",
      day,
    );

  it("names the decline and what would be lent instead, as it stands on the day asked", () => {
    const s = asked([]);
    expect(s.reasons).toContain("INSTALMENT_TO_INCOME_TOO_HIGH");
    expect(s.facts).toContainEqual(
      expect.objectContaining({ code: "INSTALMENT_TO_INCOME_TOO_HIGH", fitsTerm: 12, fitsAmount: 860_000 }),
    );
  });

  it("says nothing of it once it would be lent, or once a drawdown is lent", () => {
    // a higher income reported since: the same loan would be lent today
    expect(asked([on.income(6, 100_000)]).reasons).not.toContain("INSTALMENT_TO_INCOME_TOO_HIGH");
    // the advice followed: ¥8,600 over the same term lent, the declined one is no longer the latest asked
    expect(asked([on.borrow(6, 8_600, 3)]).reasons).not.toContain("INSTALMENT_TO_INCOME_TOO_HIGH");
  });

  it("names a declined purchase's reason too", () => {
    const t = run([on.open(0, 5_000), on.purchase(5, 6_000), on.support(6)], { until: 7 });
    expect(stepOn(t, "purchase", 5).reasons).toEqual(["OVER_LIMIT"]);
    expect(stepOn(t, "contact_support", 6).reasons).toContain("OVER_LIMIT");
  });
});

// A declined application asked about the next day was answered with score reasons alone (an increase's
// cooldown only as a step, a Jiebei opening's rules not at all); a decline of any age was named while it
// would still be declined that day; and once a decline was cited, an active customer lost the score's drivers.
describe("customer service asked after a declined application, or a decline long past", () => {
  it("names a declined increase's rules, with their numbers, judged again on the day asked", () => {
    const policy = testPolicy({ increaseCooldownDays: 90 });
    const t = run([on.open(0, 5_000), on.increase(20, 3_000), on.support(21)], { policy, until: 22 });
    expect(stepOn(t, "apply", 20).reasons).toContain("INCREASE_TOO_SOON");
    const s = stepOn(t, "contact_support", 21);
    expect(s.reasons[0]).toBe("INCREASE_TOO_SOON");
    expect(s.facts).toContainEqual(
      expect.objectContaining({ code: "INCREASE_TOO_SOON", value: 21, threshold: 90 }),
    );
  });

  it("names a declined opening of the other line, on that line", () => {
    const policy = testPolicy({ jiebeiMinOpenScore: 900 });
    const t = run([on.open(0, 5_000), on.open(20, 10_000, "jiebei"), on.support(21)], { policy, until: 22 });
    expect(stepOn(t, "apply", 20).decision).toBe("declined");
    const s = stepOn(t, "contact_support", 21);
    expect(s.reasons).toContain("SCORE_BELOW_OPEN_MINIMUM");
    expect(s.facts).toContainEqual(
      expect.objectContaining({ code: "SCORE_BELOW_OPEN_MINIMUM", threshold: 900, line: "jiebei" }),
    );
  });

  it("names a decline of the last 30 days only: one 30 days old is no longer the one asked about", () => {
    const reasons = (day: number) =>
      stepOn(
        run([on.open(0, 5_000), on.purchase(5, 6_000), on.support(day)], { until: day + 1 }),
        "contact_support",
        day,
      ).reasons;
    expect(reasons(34)).toContain("OVER_LIMIT");
    expect(reasons(35)).not.toContain("OVER_LIMIT");
  });

  it("keeps the score's drivers after the decline's reasons for a customer nothing else blocks", () => {
    const t = run([on.open(0, 5_000), on.purchase(5, 6_000), on.support(4), on.support(6)], { until: 7 });
    const before = stepOn(t, "contact_support", 4).reasons;
    expect(before.length).toBeGreaterThan(0);
    const after = stepOn(t, "contact_support", 6).reasons;
    expect(after[0]).toBe("OVER_LIMIT");
    for (const driver of before) expect(after).toContain(driver);
  });
});

// A Jiebei opening declined while Huabei, the one line open, was suspended for an overdue: the answer cited
// the overdue twice, once for the suspension and once for the opening — "36 days; 36 days, on Huabei".
describe("a declined opening of the other line, asked while the line open is suspended", () => {
  it("says each fact once", () => {
    const policy = testPolicy({ jiebeiMinOpenScore: 900 });
    const t = run([on.open(0, 5_000), on.purchase(5, 1_000), on.open(75, 10_000, "jiebei"), on.support(76)], {
      policy,
      until: 77,
    });
    expect(stepOn(t, "apply", 75).reasons).toContain("OVERDUE_OUTSTANDING");
    const s = stepOn(t, "contact_support", 76);
    expect(s.facts.filter((f) => f.code === "OVERDUE_OUTSTANDING")).toHaveLength(1);
    expect(s.facts).toContainEqual(
      expect.objectContaining({ code: "SCORE_BELOW_OPEN_MINIMUM", line: "jiebei" }),
    );
  });
});

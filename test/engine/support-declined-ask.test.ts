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

// While an amount is overdue on either line, the customer's active lines lend nothing: Huabei declines every
// purchase, Jiebei every loan (OVERDUE_OUTSTANDING). A customer refused at the till who calls customer
// service hears it with the step to pay — told only that the overdue suspends the lines on day 81, Liu
// Yang's namesake, his Jiebei instalment 9 days late, did not learn why Huabei had refused him on day 55.

import { expect, it } from "vitest";
import { describeRemedy } from "../../src/scenario/format.js";
import { type EventInput, on, run, stepOn, stepsOf } from "./builders.js";

const options = {
  profile: { monthlyIncome: 10_000, verified: true, creditHistoryMonths: 60, externalDebt: 20_000 },
};
// a Jiebei loan whose first instalment (day 51) is not paid; Huabei used and repaid
const events: EventInput[] = [
  on.open(0, 6_000),
  on.open(0, 20_000, "jiebei"),
  on.borrow(20, 10_000, 12),
  on.purchase(25, 800),
  on.repay(36, "full"),
];

it("a Jiebei instalment overdue, both lines active: the pay step says Huabei declines every purchase and Jiebei every loan until nothing is overdue — as they do that day, and not once it is paid", () => {
  const t = run([...events, on.support(60), on.purchase(60, 100), on.borrow(60, 1_000, 3)], {
    ...options,
    until: 60,
  });
  const pay = stepOn(t, "contact_support", 60).remedies.find((r) => r.kind === "pay_overdue");
  expect(pay).toMatchObject({ line: "jiebei", declines: ["huabei", "jiebei"] });
  expect(describeRemedy(pay!)).toContain(
    "; until nothing is overdue, Huabei declines every purchase and Jiebei every loan",
  );
  // what it says is what the lines do that day…
  for (const type of ["purchase", "borrow"] as const) {
    const s = stepsOf(t, type, 60)[0]!;
    expect(s.decision).toBe("declined");
    expect(s.facts.map((f) => f.code)).toContain("OVERDUE_OUTSTANDING");
  }
  // …and paid, they lend again: the overdue was what declined them
  const paid = run(
    [
      ...events,
      { day: 60, type: "repay", line: "jiebei", amount: { kind: "amount", fen: pay!.amount } },
      on.purchase(60, 100),
    ],
    { ...options, until: 60 },
  );
  expect(stepsOf(paid, "purchase", 60)[0]!.decision).toBe("approved");
});

it("the lines suspended, the pay step names none that declines (a suspended line lends nothing for its suspension, said with it)", () => {
  const t = run([...events, on.support(85)], { ...options, until: 85 });
  const answer = stepOn(t, "contact_support", 85);
  expect([answer.status, answer.jiebei.status]).toEqual(["suspended", "suspended"]);
  const pay = answer.remedies.find((r) => r.kind === "pay_overdue");
  expect(pay).toBeDefined();
  expect(pay).not.toHaveProperty("declines");
  expect(describeRemedy(pay!)).not.toContain("until nothing is overdue");
});

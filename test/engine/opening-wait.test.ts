// A customer with no line, declined for a score recent applications weigh on, is told the first day an
// application, nothing else done, passes as they age (wait_for_inquiries with opens): at 631 against
// minOpenScore 640 on day 13, after applications declined on days 0 and 10, the answer said only "stop
// applying for a while … inquiries count for 6 months", and an application on day 30 opened Huabei.

import { expect, it } from "vitest";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn } from "./builders.js";

const options = {
  policy: DEFAULT_POLICY,
  profile: { age: 22, monthlyIncome: 1_500, verified: false, creditHistoryMonths: 0, externalDebt: 60_000 },
};
const events: EventInput[] = [
  on.open(0, 5_000),
  on.open(10, 5_000),
  on.externalRepayment(12, 60_000),
  on.verify(12),
];

it("names the first day an application, nothing else done, opens the line as recent applications age — and not a day too late", () => {
  const t = run([...events, on.support(13)], { ...options, until: 13 });
  const answer = stepOn(t, "contact_support", 13);
  expect(answer.remedies.find((r) => r.kind === "raise_score")).toMatchObject({ current: 631, needed: 640 });
  expect(answer.remedies).toContainEqual({
    line: "huabei",
    kind: "wait_for_inquiries",
    day: 30,
    date: "2024-01-31",
    opens: true,
  });
  // applying the day before is declined, on that day it is not
  const before = run([...events, on.open(29, 5_000)], { ...options, until: 29 });
  expect(stepOn(before, "apply", 29).decision).toBe("declined");
  const then = run([...events, on.open(30, 5_000)], { ...options, until: 30 });
  expect(stepOn(then, "apply", 30).decision).toMatch(/^approved/);
});

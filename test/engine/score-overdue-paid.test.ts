// A suspended line's score step reads today's score with the overdue the answer asks paid first: when paying
// it alone brings the score to what restoring needs, no step asks to raise it. Asked on day 71 with Huabei
// suspended 30 days past due, a customer was told to "raise the score from 643 today to 660", citing the
// balance, the past-due days and a missed due date — and, after a pay cut, a higher income, which they did not
// have — where paying the overdue took it to 753, and the review of day 166 restored the line with nothing more.

import { expect, it } from "vitest";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn } from "./builders.js";

const options = {
  policy: DEFAULT_POLICY,
  profile: { age: 30, monthlyIncome: 8_000, verified: true, creditHistoryMonths: 36, externalDebt: 10_000 },
};
const events: EventInput[] = [on.open(0, 5_000), on.purchase(5, 3_000)];

it("the overdue paid brings the score there: no raise_score step, and paying it alone restores the line at the review the answer names", () => {
  const t = run([...events, on.support(71)], { ...options, until: 71 });
  const answer = stepOn(t, "contact_support", 71);
  expect(answer.status).toBe("suspended");
  expect(answer.score).toBeLessThan(660);
  const kinds = answer.remedies.map((r) => r.kind);
  expect(kinds).toContain("pay_overdue");
  expect(kinds).not.toContain("raise_score");
  const wait = answer.remedies.find((r) => r.kind === "wait_for_review");
  expect(wait).toMatchObject({ day: 166, early: { day: 161 } });
  const pay = answer.remedies.find((r) => r.kind === "pay_overdue")!;
  const paid: EventInput = {
    day: 71,
    type: "repay",
    line: "huabei",
    amount: { kind: "amount", fen: pay.amount },
  };
  // followed: paid today, nothing more — the review named restores the line, and so does the early one offered
  const after = run([...events, on.support(71), paid], { ...options, until: 166 });
  expect(stepOn(after, "review", 166).decision).toBe("restored");
  const early = run([...events, on.support(71), paid, on.requestReview(161)], { ...options, until: 161 });
  expect(stepOn(early, "request_review", 161).decision).toBe("restored");
});

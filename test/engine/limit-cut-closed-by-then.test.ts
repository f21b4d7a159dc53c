// A cut limit's way back read on the line as the day an increase can be asked finds it: when, as things
// stand, the line is closed by then, the application is declined for that — not judged on a line kept
// open at the limit its closure left (¥0), which named a rule no follower met and dropped the cap they did.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { DEFAULT_POLICY, type EventInput, on, run } from "./builders.js";

type Cut = Extract<Remedy, { kind: "limit_cut" }>;

/** A ¥20,000 Huabei used once on day 5, its bill repaid late on day 50 (a missed due date), the clean
 *  record an increase needs raised to `clean` days on day 55, the income halved on day 60 (the review on
 *  day 74 cuts the limit to ¥10,000, the income's cap); customer service asked on day 80. Left unused, the
 *  line is closed as unused by the review on day 439. */
const events = (clean: number): EventInput[] => [
  on.open(0, 20_000),
  on.purchase(5, 5_000),
  on.repay(50, "full"),
  on.policy(55, { set: { increaseCleanDays: clean } }),
  on.income(60, 5_000),
  on.support(80),
];
const options = (until: number) => ({
  until,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 10_000, verified: true, creditHistoryMonths: 36 },
});
const cutStep = (clean: number): Cut =>
  run(events(clean), options(90))
    .steps.find((s: Step) => s.event.type === "contact_support")!
    .remedies.find((r): r is Cut => r.kind === "limit_cut")!;

describe("a cut limit's way back when the line is closed before an increase can be asked", () => {
  it.each([500, 5_000])(
    "increaseCleanDays %i: declined as things stand for the closure, none other",
    (clean) => {
      const cut = cutStep(clean);
      expect(cut).toMatchObject({ from: 2_000_000, to: 1_000_000 });
      expect(cut.increase.day).toBeGreaterThan(439);
      // (judged on the line at the ¥0 its closure left, kept open, it said 'not used recently enough (5000
      // days)' — and nothing of the ¥10,000 income cap)
      expect(cut.increase.blocked).toEqual({ code: "ACCOUNT_CLOSED" });
      expect(cut.increase.besides).toBeUndefined();
      expect(cut.increase.income).toBeUndefined();
      // true: as things stand, the line is closed as unused before that day
      const played = run(events(clean), options(cut.increase.day), { answers: false });
      expect(played.final.status).toBe("closed");
    },
  );

  it("judges the line open at the day an increase can be asked as before", () => {
    // the default clean record (180 days): the day falls before the closure, the line still open then
    const cut = cutStep(180);
    expect(cut.increase.day).toBeLessThan(439);
    expect(cut.increase.blocked?.code).not.toBe("ACCOUNT_CLOSED");
  });
});

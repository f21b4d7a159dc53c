// A cut limit's way back read on the line as the day an increase can be asked finds it. A closure the
// customer cannot prevent by then (the long suspension's closing review, a write-off) declines it for that —
// not judged on a line kept open at the limit its closure left (¥0), which named a rule no follower met and
// dropped the cap they did. A closure as unused is no such closure: using the line averts it, so the answer
// names that use and the review it averts, and judges the application on the line kept in use (told "the
// account is closed — apply to open a new account", the customer of an open line could have used it, and
// was then declined for the income cap no answer had named).

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { DEFAULT_POLICY, type EventInput, on, run } from "./builders.js";

type Cut = Extract<Remedy, { kind: "limit_cut" }>;

/** A ¥20,000 Huabei used once on day 5, its bill repaid late on day 50 (a missed due date), the clean
 *  record an increase needs raised to `clean` days on day 55, the income halved on day 60 (the review on
 *  day 74 cuts the limit to ¥10,000, the income's cap); `more` then; customer service asked on day 80. Left
 *  unused, the line is closed as unused by the review on day 439. */
const events = (clean: number, more: EventInput[] = []): EventInput[] => [
  on.open(0, 20_000),
  on.purchase(5, 5_000),
  on.repay(50, "full"),
  on.policy(55, { set: { increaseCleanDays: clean } }),
  on.income(60, 5_000),
  ...more,
  on.support(80),
];
const options = (until: number) => ({
  until,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 10_000, verified: true, creditHistoryMonths: 36 },
});
const cutStep = (clean: number, more: EventInput[] = []): Cut =>
  run(events(clean, more), options(90))
    .steps.find((s: Step) => s.event.type === "contact_support")!
    .remedies.find((r): r is Cut => r.kind === "limit_cut")!;

describe("a cut limit's way back when the line is closed before an increase can be asked", () => {
  it.each([500, 5_000])(
    "increaseCleanDays %i: closed as unused as things stand — the use that averts it named, the application judged on the line kept in use",
    (clean) => {
      const cut = cutStep(clean);
      expect(cut).toMatchObject({ from: 2_000_000, to: 1_000_000 });
      expect(cut.increase.day).toBeGreaterThan(439);
      expect(cut.increase.inUse).toEqual({ day: 439, date: "2025-03-15" });
      // kept in use, the income's cap declines it, and the income that lifts it is named (before: "the
      // account is closed — apply to open a new account")
      expect(cut.increase.blocked?.code).toBe("LIMIT_AT_INCOME_CAP");
      expect(cut.increase.besides).toBeUndefined();
      expect(cut.increase.income).toBe(10_000);
      // true: as things stand, the line is closed as unused by the review named
      const left = run(events(clean), options(440), { answers: false });
      expect(left.final).toMatchObject({ status: "closed", cause: "dormant" });
    },
  );

  it("followed — used before the review named, the income named reported, applied on the day named — approved; without the income, declined for the cap named", () => {
    const cut = cutStep(500);
    const followed = (income: number): Step => {
      const steps = run(
        [
          ...events(500),
          on.purchase(400, 100),
          on.repay(402, "full"),
          on.income(410, income),
          on.increase(cut.increase.day, (cut.from - cut.to) / 100),
        ],
        options(cut.increase.day),
        { answers: false },
      ).steps;
      return steps.find((s: Step) => s.event.type === "apply" && s.day === cut.increase.day)!;
    };
    expect(followed(cut.increase.income!).decision).toBe("approved");
    const short = followed(5_000);
    expect(short.decision).toBe("declined");
    expect(short.reasons).toEqual(["LIMIT_AT_INCOME_CAP"]);
  });

  it("the review that gives the limit back unasked is read on the line kept in use too: followed, it gives back what it said", () => {
    // the income back on day 78: nothing declines the increase, and the review the cooldown and the clean
    // record allow gives ¥20,000 back — to a line used before the closure named (read closed, it was said
    // to give back nothing)
    const more = [on.income(78, 10_000)];
    const cut = cutStep(500, more);
    expect(cut.increase.inUse?.day).toBe(439);
    expect(cut.increase.blocked).toBeUndefined();
    const back = cut.givenBack!;
    expect(back.day).toBeGreaterThan(439);
    expect(back.gives).toBe(2_000_000);
    expect(back.nothing).toBeUndefined();
    const played = run(
      [...events(500, more), on.purchase(400, 100), on.repay(402, "full")],
      options(back.day),
      { answers: false },
    );
    expect(played.final).toMatchObject({ status: "active", limit: 2_000_000 });
  });

  it("a closure the customer cannot prevent — the long suspension's closing review before that day — declines it for the closure, none other", () => {
    // a policy raising minScore above any score the file reaches, after the cut: the review on day 105
    // suspends the line for it, and the one 180 days on closes it; the increase waits 500 days
    const cut = cutStep(500, [on.policy(76, { set: { minScore: 990 } })]);
    expect(cut.increase.day).toBeGreaterThan(300);
    expect(cut.increase.inUse).toBeUndefined();
    expect(cut.increase.blocked).toEqual({ code: "ACCOUNT_CLOSED" });
    expect(cut.increase.besides).toBeUndefined();
    expect(cut.increase.income).toBeUndefined();
    const played = run(events(500, [on.policy(76, { set: { minScore: 990 } })]), options(cut.increase.day), {
      answers: false,
    });
    expect(played.final.status).toBe("closed");
    expect(played.final.cause).not.toBe("dormant");
  });

  it("judges the line open at the day an increase can be asked as before", () => {
    // the default clean record (180 days): the day falls before the closure, the line still open then
    const cut = cutStep(180);
    expect(cut.increase.day).toBeLessThan(439);
    expect(cut.increase.inUse).toBeUndefined();
    expect(cut.increase.blocked?.code).not.toBe("ACCOUNT_CLOSED");
  });
});

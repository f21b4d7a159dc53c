import { describe, expect, it } from "vitest";
import { type EventInput, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

// A Jiebei line closed for a policy change with nothing past due (day 45): its loan runs to term and
// customer service tells what falls due next. An instalment repaid a few fen short, within the tolerance
// service's ¥10, is not missed: the remainder is carried — to the next instalment, or after the last to a
// due day of its own a month later (docs/model/jiebei.md). What the answer says falls due next includes it.
describe("customer service tells a remainder carried within the tolerance", () => {
  const policy = testPolicy({ closeAfterSuspendedDays: 30, toleranceAmount: 10 });
  const opts = { profile: { verified: false }, policy, until: 160 };
  const closing = (term: 3 | 12): EventInput[] => [
    on.open(0, 30_000, "jiebei"),
    on.borrow(1, 6_000, term),
    on.policy(5, { set: { requireVerified: true } }),
    on.repay(32, "minimum", "jiebei"),
  ];
  const dueOn = (events: EventInput[], day: number) =>
    stepsOf(run(events, opts), "due").find((s) => s.day === day)!.event.due;

  it("a remainder of an instalment before the last: told with the next instalment", () => {
    const base = closing(12);
    // ¥9 short: its principal shared by the ten instalments left, ¥0.90 of the next
    const short = dueOn(base, 61) - 900;
    const t = run([...base, on.repay(61, short / 100, "jiebei"), on.support(62)], opts);
    expect(stepOn(t, "review", 45)).toMatchObject({ line: "jiebei", decision: "closed" });
    // not missed: nothing overdue before the next due day (none of what follows is paid)
    expect(stepsOf(t, "overdue").filter((s) => s.day <= 92)).toEqual([]);
    const next = stepsOf(t, "due").find((s) => s.day === 92)!.event.due;
    const asked = stepOn(t, "contact_support", 62).remedies.find((r) => r.kind === "pay_balance");
    expect(asked).toMatchObject({ line: "jiebei", toTerm: { day: 92, amount: next, lastDay: 367 } });
  });

  it("a remainder of the last instalment: told with the day it falls due, a month later", () => {
    const base = [...closing(3), on.repay(61, "minimum", "jiebei")];
    const short = dueOn(base, 92) - 3;
    const t = run([...base, on.repay(92, short / 100, "jiebei"), on.support(93), on.support(97)], opts);
    expect(stepsOf(t, "overdue").filter((s) => s.day <= 97)).toEqual([]);
    // the spare due day, a month after the last: what it asks is the remainder with its interest
    const carried = stepsOf(t, "due").find((s) => s.day > 92)!;
    expect(carried.event.due).toBeGreaterThanOrEqual(3);
    for (const day of [93, 97]) {
      const asked = stepOn(t, "contact_support", day).remedies.find((r) => r.kind === "pay_balance");
      expect(asked, `day ${day}`).toMatchObject({
        line: "jiebei",
        toTerm: { day: carried.day, amount: carried.event.due, lastDay: carried.day },
      });
    }
  });

  it("the interest the last instalment bore in its grace days: told with the day it falls due, a month later", () => {
    const base = [...closing(3), on.repay(61, "minimum", "jiebei")];
    // the last instalment repaid on its last grace day at the amount it fell due: paid, and the interest its
    // principal bore since the due day falls due on a due day of its own — no principal left, only that
    const t = run([...base, on.repay(95, dueOn(base, 92) / 100, "jiebei"), on.support(97)], opts);
    expect(stepsOf(t, "overdue").filter((s) => s.day <= 97)).toEqual([]);
    const spare = stepsOf(t, "due").find((s) => s.day > 92)!;
    expect(spare.event.due).toBeGreaterThan(0);
    const asked = stepOn(t, "contact_support", 97).remedies.find((r) => r.kind === "pay_balance");
    expect(asked).toMatchObject({
      line: "jiebei",
      amount: spare.event.due,
      toTerm: { day: spare.day, amount: spare.event.due, lastDay: spare.day },
    });
  });
});

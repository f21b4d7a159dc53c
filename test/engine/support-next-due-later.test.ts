import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { type EventInput, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

// Customer service's "next due" on Jiebei names every loan's next instalment, not the first alone: asked on
// day 46 with loans drawn on days 10 and 11, it named ¥1,023.20 due on day 70 and never day 71's ¥682.14 — a
// customer who followed the answer missed it. Two instalments due the same day were "the instalment",
// singular: it says how many.
describe("customer service names every Jiebei due date coming", () => {
  const policy = testPolicy({ toleranceAmount: 10 });
  const opts = { policy, until: 110 };
  const jiebeiDue = (r: Remedy): r is Extract<Remedy, { kind: "next_due" }> =>
    r.kind === "next_due" && r.line === "jiebei";
  const repay = (day: number, fen: number): EventInput => ({
    day,
    type: "repay",
    line: "jiebei",
    amount: { kind: "amount", fen },
  });

  it("loans due a day apart: each due day, its amount and its own last grace day — followed, nothing is missed", () => {
    const base: EventInput[] = [
      on.open(0, 20_000, "jiebei"),
      on.borrow(10, 3_000, 3),
      on.borrow(11, 2_000, 3),
      // the first instalments met on their due days
      on.repay(40, "minimum", "jiebei"),
      on.repay(41, "minimum", "jiebei"),
    ];
    const t = run([...base, on.support(46)], opts);
    const said = stepOn(t, "contact_support", 46).remedies.find(jiebeiDue)!;
    const notices = stepsOf(run(base, opts), "due").filter((s) => s.event.line === "jiebei");
    const on70 = notices.find((s) => s.day === 70)!.event.due;
    const on71 = notices.find((s) => s.day === 71)!.event.due;
    expect(said).toMatchObject({ day: 70, amount: on70, by: { day: 73 } });
    expect(said.count).toBeUndefined();
    expect(said.later).toEqual([
      {
        day: 71,
        date: "2024-03-12",
        amount: on71,
        interest: expect.any(Number),
        by: { day: 74, date: "2024-03-15" },
      },
    ]);
    expect(describeRemedy(said)).toContain(
      "; then the ¥682.13 instalment (¥15.46 of it interest) falls due on 2024-03-12 (day 71): pay it by 2024-03-15 (day 74);",
    );
    // followed to the letter — each amount on its last day — nothing goes overdue
    const followed = run([...base, repay(73, said.amount), repay(74, said.later![0]!.amount)], opts);
    expect(stepsOf(followed, "overdue").filter((s) => s.day <= 99)).toEqual([]);
    // the second left unpaid is missed: it was worth saying
    const first = run([...base, repay(73, said.amount)], opts);
    expect(
      stepsOf(first, "overdue")
        .filter((s) => s.day <= 99)
        .map((s) => s.day),
    ).toEqual([75]);
  });

  it("two instalments due the same day: how many, and their total", () => {
    // drawn on 30 and 31 January, both due on 29 February
    const base: EventInput[] = [
      on.open(0, 20_000, "jiebei"),
      on.borrow(29, 3_000, 3),
      on.borrow(30, 2_000, 3),
    ];
    const t = run([...base, on.support(40)], opts);
    const said = stepOn(t, "contact_support", 40).remedies.find(jiebeiDue)!;
    const due = stepsOf(run(base, opts), "due").find((s) => s.event.line === "jiebei")!;
    expect(said).toMatchObject({ day: 59, date: "2024-02-29", count: 2, amount: due.event.due });
    expect(said.later).toBeUndefined();
    // followed — the total by the day named — neither goes overdue
    const followed = run([...base, repay(said.by!.day, said.amount)], opts);
    expect(stepsOf(followed, "overdue").filter((s) => s.day <= 80)).toEqual([]);
    // a fen short of the total is missed: the count is of what is asked
    const short = run([...base, repay(said.by!.day, said.amount - 10 * 100 - 1)], opts);
    expect(
      stepsOf(short, "overdue")
        .filter((s) => s.day <= 80)
        .map((s) => s.day),
    ).toEqual([63]);
    expect(describeRemedy(said)).toMatch(
      /^Jiebei: next due: the 2 instalments \(¥1,725\.86 together, ¥[\d.,]+ of it interest\) fall due on 2024-02-29 \(day 59\): pay them by/,
    );
  });
});

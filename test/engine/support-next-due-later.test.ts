import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { money } from "../../src/scenario/format/money.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { type EventInput, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

const jiebeiDue = (r: Remedy): r is Extract<Remedy, { kind: "next_due" }> =>
  r.kind === "next_due" && r.line === "jiebei";
const repay = (day: number, fen: number): EventInput => ({
  day,
  type: "repay",
  line: "jiebei",
  amount: { kind: "amount", fen },
});

// Customer service's "next due" on Jiebei names every loan's next instalment, not the first alone: asked on
// day 46 with loans drawn on days 10 and 11, it named ¥1,023.20 due on day 70 and never day 71's ¥682.14 — a
// customer who followed the answer missed it. Two instalments due the same day were "the instalment",
// singular: it says how many.
describe("customer service names every Jiebei due date coming", () => {
  const policy = testPolicy({ toleranceAmount: 10 });
  const opts = { policy, until: 110 };

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
        penalty: 0.0006,
        suspends: { day: 101, date: "2024-04-11" },
      },
    ]);
    expect(describeRemedy(said)).toContain(
      ". Then the ¥682.13 instalment (¥15.46 of it interest) falls due on 2024-03-12 (day 71): pay it by 2024-03-15 (day 74).",
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

// Each later due date was summed up as "each missed costs the same": a loan drawn after a policy change
// agreed its own penalty rate, and each due date's suspension day is counted from its own due day. The
// answer states each date's own (its penalty rate, the day its suspension comes), and they are true.
describe("each later Jiebei due date's own cost, missed", () => {
  const policy = testPolicy({ toleranceAmount: 10 });
  const opts = { policy, until: 110 };
  const base: EventInput[] = [
    on.open(0, 20_000, "jiebei"),
    on.borrow(10, 3_000, 3),
    // the second loan is drawn under a doubled penalty rate: agreed when drawn, its own
    on.policy(11, { set: { jiebeiPenaltyRatePerDay: 0.0012 } }),
    on.borrow(11, 2_000, 3),
    on.repay(40, "minimum", "jiebei"),
    on.repay(41, "minimum", "jiebei"),
  ];

  it("a later due date's penalty rate and suspension day are its own, and true when it is missed", () => {
    const said = stepOn(run([...base, on.support(46)], opts), "contact_support", 46).remedies.find(
      jiebeiDue,
    )!;
    expect(said).toMatchObject({ day: 70, penalty: 0.0006, suspends: { day: 100, lines: ["jiebei"] } });
    expect(said.later).toMatchObject([
      { day: 71, penalty: 0.0012, suspends: { day: 101, date: "2024-04-11" } },
    ]);
    const text = describeRemedy(said);
    expect(text).not.toContain("each missed costs the same");
    expect(text).toContain(
      "; day 71's missed: its principal bears a penalty of 0.12 % a day instead of interest, from the day after its due day, a missed due date goes on the record, and still unpaid on 2024-04-11 (day 101), Jiebei is suspended",
    );
    // true: day 70's met, day 71's left unpaid — the overdue check suspends Jiebei on day 101, not before
    const missed = run([...base, repay(73, said.amount)], opts);
    const suspended = missed.steps.filter((s) => s.line === "jiebei" && s.decision === "suspended");
    expect(suspended.map((s) => s.day)).toEqual([101]);
    // and its principal's penalty runs at its own 0.12 %, twice day 70's 0.06 %: a day's penalty on it is
    // twice what the same loan drawn before the change bears
    const perDay = (events: readonly EventInput[]) => {
      const t = run([...events, repay(73, said.amount), on.note(85), on.note(95)], opts);
      const at = (d: number) => t.steps.findLast((s) => s.day === d)!.jiebei.penalties;
      return (at(95) - at(85)) / 10;
    };
    const before = base.filter((e) => e.type !== "policy");
    expect(perDay(base)).toBeCloseTo(2 * perDay(before), 0);
    expect(perDay(base)).toBeGreaterThan(0);
  });
});

// Asked in a due date's grace days, the answer gave what falls due next with what is due in them paid
// today — while the step for that asked it "by" the last of its grace days. Under a policy with no
// tolerance, a customer who paid each on the last day named (¥1,037.20 on day 44, then ¥1,023.60 on day 73)
// missed day 70's by ¥2.00: the days between added interest. The answer says what it asks then too.
describe("what falls due next, with what is due in its grace days paid on the last day asked", () => {
  const policy = testPolicy({ toleranceAmount: 0 });
  const opts = { policy, until: 110 };
  const base: EventInput[] = [on.open(0, 10_000, "jiebei"), on.borrow(10, 3_000, 3)];

  it("says what the next instalment asks with it paid on its last day — followed so, nothing is missed", () => {
    const remedies = stepOn(run([...base, on.support(42)], opts), "contact_support", 42).remedies;
    const grace = remedies.find((r) => r.kind === "pay_due" && r.line === "jiebei")!;
    const said = remedies.find(jiebeiDue)!;
    expect(grace).toMatchObject({ amount: 103_720, by: { day: 44 } });
    expect(said).toMatchObject({ day: 70, amount: 102_360, onTopOf: 103_720 });
    expect(said.paidLast).toMatchObject({ day: 44, date: "2024-02-14" });
    const last = said.paidLast!;
    // what the day-70 notice asks of the customer who paid on day 44
    const paid44 = run([...base, repay(44, 103_720)], opts);
    const notice = stepsOf(paid44, "due").find((s) => s.day === 70)!.event.due;
    expect(last.amount).toBe(notice);
    expect(describeRemedy(said)).toContain(
      `on top of the ${money(103_720)} asked above (a repayment pays that first; paid on its last day, 2024-02-14 (day 44), rather than today, this comes to ${money(last.amount)})`,
    );
    // followed on the last days named: nothing overdue; with the amount for today's payment, day 70's is missed
    const missedDays = (fen: number) =>
      stepsOf(run([...base, repay(44, 103_720), repay(73, fen)], opts), "overdue")
        .filter((s) => s.day <= 99)
        .map((s) => s.day);
    expect(missedDays(last.amount)).toEqual([]);
    expect(missedDays(said.amount)).toEqual([74]);
  });
});

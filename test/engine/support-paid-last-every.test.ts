// Asked in a due date's grace days, the answer says what each amount falling due after it asks with what is
// due in them paid on their last day rather than today (`paidLast`) — not the first next-due amount alone:
// under a policy with no tolerance, a fen more on a later instalment is a missed due date.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { money } from "../../src/scenario/format/money.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { type EventInput, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

type NextDue = Extract<Remedy, { kind: "next_due" }>;
const repay = (day: number, fen: number, line: "huabei" | "jiebei" = "jiebei"): EventInput => ({
  day,
  type: "repay",
  line,
  amount: { kind: "amount", fen },
});

describe("every amount said after what is due in its grace days, paid on their last day", () => {
  const policy = testPolicy({ toleranceAmount: 0 });
  const opts = { policy, until: 120 };

  it("Jiebei: each later instalment's amount with it paid then — followed so, nothing is missed", () => {
    // loans drawn on days 10 and 11: day 40's instalment in its grace days on day 42
    const base: EventInput[] = [
      on.open(0, 20_000, "jiebei"),
      on.borrow(10, 3_000, 3),
      on.borrow(11, 2_000, 3),
    ];
    const remedies = stepOn(run([...base, on.support(42)], opts), "contact_support", 42).remedies;
    const grace = remedies.find((r) => r.kind === "pay_due" && r.line === "jiebei")!;
    const said = remedies.find((r): r is NextDue => r.kind === "next_due" && r.line === "jiebei")!;
    expect(grace.kind === "pay_due" && grace.by).toBeTruthy();
    const graceBy = grace.kind === "pay_due" ? grace.by!.day : 0;
    const graceAmount = grace.kind === "pay_due" ? grace.amount : 0;
    expect(said.later?.length).toBeGreaterThan(0);
    const later = said.later!.find((l) => l.paidLast !== undefined);
    expect(later).toBeDefined();
    expect(describeRemedy(said)).toContain(
      `; with what is asked above paid on ${later!.paidLast!.date} (day ${later!.paidLast!.day}) rather than today, it comes to ${money(later!.paidLast!.amount)}`,
    );
    // followed on the last days named, each at the amount said for that: nothing is missed
    const first = said.paidLast?.amount ?? said.amount;
    const follow = (laterFen: number) =>
      stepsOf(
        run(
          [...base, repay(graceBy, graceAmount), repay(said.by!.day, first), repay(later!.by!.day, laterFen)],
          opts,
        ),
        "overdue",
      )
        .filter((s) => s.day <= later!.by!.day + 1)
        .map((s) => s.day);
    expect(follow(later!.paidLast!.amount)).toEqual([]);
    // the amount for today's payment falls short
    expect(follow(later!.amount)).not.toEqual([]);
  });
});

// A Huabei bill in its grace days: what its minimum leaves the next statement states again — it was billed
// once, and "not yet billed" read as a new purchase the customer had never made.
describe("the rest of a stated bill, stated again", () => {
  const asked = (events: EventInput[]) => {
    const remedies = stepOn(run([...events, on.support(42)], { until: 42 }), "contact_support", 42).remedies;
    return remedies.find((r): r is NextDue => r.kind === "next_due" && r.line === "huabei")!;
  };
  const base: EventInput[] = [on.open(0, 5_000), on.purchase(5, 2_000)];

  it("is said as the rest of that bill, with its interest — and a purchase since beside it", () => {
    const said = asked(base);
    expect(said.statement).toMatchObject({ day: 60, rest: { day: 40, date: "2024-02-10", only: true } });
    const text = describeRemedy(said);
    expect(text).toContain(
      `${money(said.amount)}, what is left of the bill due on 2024-02-10 (day 40) with its interest, stated again on 2024-03-01 (day 60), falls due`,
    );
    expect(text).not.toContain("not yet billed");
    // the amount is the due notice's on day 69, with the interest until then — not the ¥1,817.10 the statement
    // states on day 60: no amount is said to be stated that day
    expect(text).not.toMatch(/¥[\d,.]+ [^;:]*(is|are) stated/);
    const more = asked([...base, on.purchase(35, 300)]);
    expect(more.statement).toMatchObject({ rest: { day: 40, only: false } });
    expect(describeRemedy(more)).toContain(
      "left of the bill due on 2024-02-10 (day 40) with its interest and what is not yet billed, stated on 2024-03-01 (day 60)",
    );
    // a purchase alone since the last statement (nothing left of a bill) is not yet billed, as before
    const fresh = asked([on.open(0, 5_000), on.purchase(35, 300)]);
    expect(fresh.statement?.rest).toBeUndefined();
    expect(describeRemedy(fresh)).toContain("what is not yet billed, stated on 2024-03-01 (day 60)");
  });
});

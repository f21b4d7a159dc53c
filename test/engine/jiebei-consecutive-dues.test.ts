// Two Jiebei loans drawn a day apart fall due on consecutive days: each due date is its own — one due
// notice and one overdue notice each, the tolerance service judging each due date's unpaid part — and a
// repayment pays the oldest loan's instalment first (docs/model/jiebei.md), whichever day it is made.
// Under the default policy: ¥3,000 over 3 months drawn on day 10, ¥2,000 over 3 months on day 11; the
// first instalments are due on days 41 (¥1,037.20) and 42 (¥691.46), their grace ending on days 44 and 45.

import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type EventInput, on, run, stepsOf } from "./builders.js";

const loans: EventInput[] = [on.open(0, 20_000, "jiebei"), on.borrow(10, 3_000, 3), on.borrow(11, 2_000, 3)];
const book = (repayments: EventInput[], until = 60) =>
  run([...loans, ...repayments], { until, policy: DEFAULT_POLICY });
const days = (steps: ReadonlyArray<{ day: number }>) => steps.map((s) => s.day);

describe("Jiebei instalments due on consecutive days", () => {
  it("left unpaid: a due notice and an overdue notice for each due date, on its own day, none merged", () => {
    const t = book([]);
    expect(stepsOf(t, "due").map((s) => [s.day, s.event.due])).toEqual([
      [41, 103_720],
      [42, 69_146],
    ]);
    // the first overdue the morning after its grace (day 45, 4 days past due: ¥0.40 of interest for its
    // due day and 3 days of penalty at 0.06 % on ¥1,000), the second the day after, added to it — the days
    // past due counted from the oldest
    expect(stepsOf(t, "overdue").map((s) => [s.day, s.event.overdue, s.event.overdueDays])).toEqual([
      [45, 103_940, 4],
      [46, 173_291, 5],
    ]);
  });

  it("each paid on its own due day short of ¥5.00: both due dates within the tolerance, neither missed", () => {
    const t = book([on.repay(41, 1_032.2, "jiebei"), on.repay(42, 686.46, "jiebei")]);
    expect(days(stepsOf(t, "overdue"))).toEqual([]);
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(0);
  });

  it("each paid short of ¥6.00: the second repayment meets the older loan's shortfall first, the younger's due date is missed", () => {
    // day 42's ¥685.46 pays the ¥6.00 left of the first instalment (the oldest loan's, in its grace), so
    // the second due date is ¥12.00 short — beyond the ¥10 — and missed alone: ¥12.01 on day 46
    const t = book([on.repay(41, 1_031.2, "jiebei"), on.repay(42, 685.46, "jiebei")]);
    expect(stepsOf(t, "overdue").map((s) => [s.day, s.event.overdue])).toEqual([[46, 1_201]]);
    expect(t.steps.at(-1)!.inputs.missedDues12m).toBe(1);
  });
});

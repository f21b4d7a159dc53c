// A score step on Jiebei alone, Huabei never opened: the month of record a line used before a month end
// earns is Jiebei's to earn only with a cash loan — which the answer does not advise to lift a score, so it
// is no step. The answer says what the review reads as things stand, no more (a ¥1,000 loan on day 21,
// repaid on day 22, read 850 there until a drawdown below jiebeiMinScore was refused).

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;

const options = (until: number) => ({
  until,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 200_000, verified: true, creditHistoryMonths: 10 },
});

/** Jiebei opened on day 0 and never drawn, jiebeiMinScore raised to 850 on day 15, asked on day 20: the
 *  review on day 45 would suspend it, the month end of day 30 before it. */
const asked: EventInput[] = [
  on.open(0, 5_000, "jiebei"),
  on.policy(15, { set: { jiebeiMinScore: 850 } }),
  on.support(20),
];
const review45 = (events: EventInput[]) => {
  const end = run(events, options(45), { answers: false }).final;
  return { score: end.score, status: end.jiebei.status };
};

describe("a Jiebei-only score step a month end before the review", () => {
  it("says what the review reads as things stand, advises no loan, and claims nothing the customer does leaves it there", () => {
    const said = run(asked, options(30)).steps.find(
      (s: Step) => s.event.type === "contact_support",
    )!.remedies;
    const step = said.find((r): r is Raise => r.kind === "raise_score" && r.line === "jiebei")!;
    expect(step.drivers).toEqual([]);
    expect(step.reach).toBe(845);
    // a line's use would move it: said as things stand, not as beyond anything the customer does
    expect(step.asThingsStand).toBe(true);
    const told = describeRemedy(step, ["jiebei"]);
    expect(told).not.toContain("nothing the customer does");
    expect(told).toContain("as things stand, the next periodic review reads 845");
    expect(told).not.toMatch(/take a cash loan|borrow/);
    // true as things stand: the review reads 845 and suspends the line
    expect(review45(asked)).toEqual({ score: 845, status: "suspended" });
    // a loan drawn to earn the month of record is refused at 845 against the 850 (a cash loan is not lent
    // below the minimum the review keeps the line at: SCORE_BELOW_MINIMUM), so the review reads 845 with it
    // too — it read 850, the line kept, while the loan was lent
    const loan = review45([...asked, on.borrow(21, 1_000, 3), on.repay(22, "full", "jiebei")]);
    expect(loan).toEqual({ score: 845, status: "suspended" });
  });
});

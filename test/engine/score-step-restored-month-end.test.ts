// A score step's months of record counted from the day after a restoring review, not from the review's own
// day: a day's purchases come before its review, so on a month end that is a review's day (reviewDayOfMonth
// 29–31 in February of a leap year: day 59) a purchase is declined on the line the review restores, and that
// month end earns no record. Counted, Jiebei was told "by day 151"; followed, day 151 read 890 and only day
// 181 restored it.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepsOf } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;

const options = (until: number) => ({
  until,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 200_000, verified: true, creditHistoryMonths: 10 },
});

/** Both lines opened on day 0 under a review on `dom` of each month (never used); minScore and
 *  jiebeiMinScore raised on day 25 (both suspended by the review that follows), asked on day 35: the
 *  February review restores Huabei, Jiebei waits for the record Huabei's use earns. */
const asked = (dom: number): EventInput[] => [
  on.policy(0, { set: { reviewDayOfMonth: dom } }),
  on.open(0, 5_000),
  on.open(0, 5_000, "jiebei"),
  on.policy(25, { set: { minScore: 865, jiebeiMinScore: 895, grantUsedFraction: 0 } }),
  on.support(35),
];

/** Huabei used on six days from `from` (¥20, repaid in full the same day). */
const use = (from: number): EventInput[] =>
  [0, 1, 2, 3, 4, 5].flatMap((d) => [on.purchase(from + d, 20), on.repay(from + d, "full")]);

describe("a suspended Jiebei's score step when Huabei's restoring review falls on a month end", () => {
  it.each([28, 29, 30, 31])("reviewDayOfMonth %i: followed, the review named restores Jiebei", (dom) => {
    const steps = run(asked(dom), options(260)).steps;
    const said = steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
    const step = said.find((r): r is Raise => r.kind === "raise_score" && r.line === "jiebei")!;
    const named = step.review?.day;
    expect(named).toBeDefined();
    // Huabei back at the February review: used from the next day, and on the first days of each month
    // until the review named
    const back = stepsOf(run(asked(dom), options(100), { answers: false }), "review").find(
      (s) => s.line === "huabei" && s.decision === "restored",
    )!.day;
    const following = [back + 1, 91, 121, 152, 182, 213].filter((d) => d > back && d + 5 < named!);
    const followed = run([...asked(dom), ...following.flatMap(use)], options(named!), { answers: false });
    const restored = stepsOf(followed, "review").find(
      (s) => s.line === "jiebei" && s.decision === "restored",
    );
    expect(restored?.day).toBe(named);
  });
});

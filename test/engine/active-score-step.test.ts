// An active line's score step before the review that would suspend it names what can move the score by that
// review, each characteristic read at what it can be on that day: applications elsewhere leave their windows
// on their own dates, so "stop applying" is no step for a review next week, and the most the steps reach is
// said at the value those applications still have then. With nothing the customer does moving the score by
// then, the step says so rather than listing steps. Followed, the steps come true: the review reads what the
// answer says the steps reach.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { applicationsElsewhere, DEFAULT_POLICY, type EventInput, on, run, stepsOf } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;

/** Huabei opened on day 0 and used on `used` days, repaid on day 35, three applications elsewhere on day 38
 *  (inside the 30-day count until day 68, the 6-month one until day 218), minScore raised to 930 on day 40;
 *  customer service asked on day 41, four days before the review on day 45 that would suspend the line. */
const events = (used: readonly number[]): EventInput[] => [
  on.open(0, 5_000),
  ...used.map((d) => on.purchase(d, 100)),
  on.repay(35, "full"),
  ...applicationsElsewhere(38),
  on.policy(40, { set: { minScore: 930 } }),
  on.support(41),
];
const options = (profile: { monthlyIncome: number; verified: boolean }) => ({
  until: 50,
  policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
  profile: { age: 35, creditHistoryMonths: 130, ...profile },
});

const answer = (asked: EventInput[], opts: ReturnType<typeof options>): Remedy[] =>
  run(asked, opts).steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
const reviewOn45 = (followed: EventInput[], opts: ReturnType<typeof options>) =>
  stepsOf(run(followed, opts, { answers: false }), "review").find((s) => s.day === 45)!;

describe("an active line's score step before the review that would suspend it", () => {
  const opts = options({ monthlyIncome: 10_000, verified: false });
  const asked = events([5]);

  it("names only what moves the score by that review, and the most that reaches then", () => {
    const said = answer(asked, opts);
    expect(said.find((r) => r.kind === "review_suspends")).toMatchObject({ day: 45 });
    const step = said.find((r): r is Raise => r.kind === "raise_score")!;
    // (it once said "stop applying … inquiries count for 6 months" for day 45, applications of day 38
    // that count until day 68 whatever the customer does, and no reach: 930 read as within reach)
    expect(step.drivers).not.toContain("INQUIRIES_30D");
    expect(step.drivers).not.toContain("INQUIRIES_180D");
    expect(step.drivers).toEqual(
      expect.arrayContaining(["IDENTITY_NOT_VERIFIED", "LOW_INCOME", "LOW_ACTIVITY"]),
    );
    expect(step.needed).toBe(930);
    // (the figure customer-service.md gives)
    expect(step.reach).toBe(893);
    expect(describeRemedy(step, ["huabei"])).not.toContain("stop applying");
    // each numbered step set apart: a bare space ran "(1) … (an income event) (2) …" together
    const text = describeRemedy(step, ["huabei"]);
    expect(text).toMatch(/\(1\) .+; \(2\) .+; \(3\) /);
    expect(text).not.toMatch(/[^;] \(2\) /);
  });

  it("comes true followed: every step named taken, the review reads the reach said and suspends the line", () => {
    const step = answer(asked, opts).find((r): r is Raise => r.kind === "raise_score")!;
    // verified, ¥200,000 a month, Huabei used on five more days (six in the last 90)
    const followed = [
      ...asked,
      on.verify(42),
      on.income(42, 200_000),
      ...[42, 43, 44, 45].flatMap((d) => [on.purchase(d, 20), on.repay(d, "full")]),
      on.purchase(41, 20),
      on.repay(41, "full"),
    ];
    const review = reviewOn45(followed, opts);
    expect(review.score).toBe(step.reach);
    expect(review.decision).toBe("suspended");
  });
});

describe("an active line's score step that nothing the customer does moves by the review", () => {
  // verified, ¥200,000 a month, Huabei used on six days: only the applications hold the score down
  const opts = options({ monthlyIncome: 200_000, verified: true });
  const asked = events([5, 6, 7, 8, 9, 10]);

  it("says so, with what the review reads then, rather than listing steps", () => {
    const step = answer(asked, opts).find((r): r is Raise => r.kind === "raise_score")!;
    expect(step.drivers).toEqual([]);
    const told = describeRemedy(step, ["huabei"]);
    expect(told).toContain(
      `nothing the customer does moves the score by the next periodic review: it reads ${step.reach} there`,
    );
    expect(told).not.toMatch(/: $/);
    // true: the review reads that score, as things stand, and suspends the line
    const review = reviewOn45(asked, opts);
    expect(review.score).toBe(step.reach);
    expect(review.decision).toBe("suspended");
  });
});

describe("a score step beside a short repayment record", () => {
  // as above, with 8 months of history elsewhere: the months in good standing (8–11: 30 of 40 points) grow
  // a month at a time, whatever the customer does — no step for a review four days off
  const opts = {
    ...options({ monthlyIncome: 200_000, verified: true }),
    profile: { age: 35, creditHistoryMonths: 8, monthlyIncome: 200_000, verified: true },
  };
  const asked = events([5, 6, 7, 8, 9, 10]);

  it("counts the record as it stands on the review's day, and names no step for it", () => {
    const step = answer(asked, opts).find((r): r is Raise => r.kind === "raise_score")!;
    expect(step.drivers).not.toContain("SHORT_REPAYMENT_RECORD");
    expect(step.reach).toBe(reviewOn45(asked, opts).score);
  });
});

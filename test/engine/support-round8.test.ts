// Customer service's answers, round 8, each followed through the engine: a revolver's score step asks for
// use as purchases repaid in full — not for more borrowed at interest.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run, stateOn } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;

/** A revolver: Huabei opened on day 0, ¥3,000 spent on day 5 and only ever the minimum repaid; minScore
 *  raised to 900 on day 46, customer service asked on day 47 — the review on day 74 would suspend the line. */
const revolver: EventInput[] = [
  on.open(0, 5_000),
  on.purchase(5, 3_000),
  on.repay(38, "minimum"),
  on.policy(46, { set: { minScore: 900 } }),
  on.support(47),
];
const opts = {
  until: 80,
  policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
  profile: { age: 35, creditHistoryMonths: 130, monthlyIncome: 10_000, verified: true },
};
const scoreStep = (events: EventInput[]): Raise =>
  run(events, opts)
    .steps.find((s: Step) => s.event.type === "contact_support")!
    .remedies.find((r): r is Raise => r.kind === "raise_score")!;
// the day's end after the review on day 74 (a review that keeps the line as it is records no step)
const reviewOn74 = (events: EventInput[]) => stateOn(run(events, opts, { answers: false }), 74);

describe("the use a revolver's score step asks", () => {
  const step = scoreStep(revolver);
  // the month's purchases after the answer, one a day, to the review's own day
  const days = Array.from({ length: 74 - 47 }, (_, i) => 48 + i);

  it("is purchases repaid in full, not more borrowed at interest", () => {
    expect(step.drivers).toContain("LOW_ACTIVITY");
    expect(step.drivers).toContain("REVOLVING_BALANCE");
    // (it said "use the line for everyday purchases and repay them": a revolver repays at the minimum)
    expect(describeRemedy(step, ["huabei"])).toContain("everyday purchases and repay them in full");
  });

  it("comes true followed so; the same purchases left to revolve fall short", () => {
    const inFull = [
      ...revolver,
      on.repay(48, "full"),
      on.income(48, 200_000),
      ...days.flatMap((d) => [on.purchase(d, 20), on.repay(d, "full")]),
    ];
    expect(reviewOn74(inFull).score).toBeGreaterThanOrEqual(step.needed);
    expect(reviewOn74(inFull).status).toBe("active");
    const revolved = [
      ...revolver,
      on.income(48, 200_000),
      ...days.map((d) => on.purchase(d, 20)),
      on.repay(69, "minimum"),
    ];
    expect(reviewOn74(revolved).score).toBeLessThan(step.needed);
    expect(reviewOn74(revolved).status).toBe("suspended");
  });
});

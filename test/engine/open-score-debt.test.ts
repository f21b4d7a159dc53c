// An opening declined for the score, the debt elsewhere among what weighs on it: customer service says how
// much of it, repaid today, brings the score to the opening minimum — and an application after it passes
// that rule, one after a fen less does not.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn } from "./builders.js";

const events: EventInput[] = [
  on.open(0, 5_000),
  on.open(30, 5_000),
  on.verify(45),
  on.externalRepayment(46, 30_000),
];
const options = {
  policy: DEFAULT_POLICY,
  profile: {
    age: 22,
    monthlyIncome: 3_000,
    verified: false,
    creditHistoryMonths: 0,
    externalDebt: 6_000_000,
  },
};

describe("raise the score to open a line, the debt elsewhere a driver", () => {
  it("names the least debt elsewhere that, repaid today, brings the score there — followed, the score rule passes", () => {
    const t = run([...events, on.support(47)], options);
    const step = stepOn(t, "contact_support", 47).remedies.find(
      (r): r is Extract<Remedy, { kind: "raise_score" }> => r.kind === "raise_score",
    );
    expect(step).toMatchObject({ current: 606, needed: 640 });
    expect(step?.drivers).toContain("HIGH_DEBT_BURDEN");
    const repay = step!.repayElsewhere!;
    expect(repay).toBeGreaterThan(0);
    const applied = (fen: number) =>
      stepOn(run([...events, on.externalRepayment(47, fen / 100), on.open(47, 3_000)], options), "apply", 47);
    expect(applied(repay).reasons).not.toContain("SCORE_BELOW_OPEN_MINIMUM");
    expect(applied(repay - 1).reasons).toContain("SCORE_BELOW_OPEN_MINIMUM");
  });
});

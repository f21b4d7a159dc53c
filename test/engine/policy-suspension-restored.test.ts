// A line suspended for a policy change needs back the score the policy keeps a line at (minScore), not
// restoreScore: its own record met the standard it had been kept to. A customer suspended at 648 by a
// tightening (minScore 620 → 680) was recorded for credit a month later with nothing changed — 648 was short
// of the old policy's restoreScore 660 — and the policy loosened back did not restore the line until time
// alone lifted the score to 660.

import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, on, run, stepOn, TIGHTENED_POLICY } from "./builders.js";

const profile = { age: 45, monthlyIncome: 5_000, verified: true, creditHistoryMonths: 0, externalDebt: 0 };
/** A ¥2,000 line (a thin file's), ¥30,000 owed elsewhere from day 62 (the score falls to 648), the
 *  tightened policy from day 80, and `more` after. */
const story = (...more: Parameters<typeof run>[0]) =>
  run([on.open(0, 4_000), on.externalDebt(62, 30_000), on.policy(80, { use: TIGHTENED_POLICY }), ...more], {
    until: 230,
    policy: DEFAULT_POLICY,
    profile,
  });

describe("a line suspended for a policy change", () => {
  it("stays suspended for the policy while nothing else changes, citing the change each month", () => {
    const t = story();
    expect(stepOn(t, "review", 105)).toMatchObject({
      decision: "suspended",
      status: "suspended",
      cause: "policy",
    });
    expect(stepOn(t, "review", 105).score).toBe(648);
    const month = stepOn(t, "review", 135);
    expect(month).toMatchObject({ status: "suspended", cause: "policy" });
    expect(month.reasons).toContain("POLICY_CHANGE");
    // what it needs back is what the tightened policy keeps a line at
    const fact = month.facts?.find((f) => f.code === "SCORE_BELOW_RESTORE");
    expect(fact).toMatchObject({ parameter: "minScore", threshold: 680, value: 648, before: 620 });
  });

  it("is restored at the next review once the policy is loosened back, its score unchanged", () => {
    const t = story(on.policy(140, { use: DEFAULT_POLICY }));
    const back = stepOn(t, "review", 166);
    expect(back).toMatchObject({ decision: "restored", status: "active" });
    expect(back.score).toBe(648);
    expect(back.reasons).toContain("MEETS_CURRENT_POLICY");
  });

  it("is the customer's own once the score falls short of what the policy before kept a line at", () => {
    // ¥60,000 more owed elsewhere: the score falls below 620, which the old policy would suspend too
    const t = story(on.externalDebt(110, 60_000));
    const month = stepOn(t, "review", 135);
    expect(month.score).toBeLessThan(620);
    expect(month).toMatchObject({ decision: "suspended", status: "suspended", cause: "credit" });
    expect(month.reasons).not.toContain("POLICY_CHANGE");
  });
});

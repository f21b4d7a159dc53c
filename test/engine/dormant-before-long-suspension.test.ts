// A suspended line left unused is closed as unused (DORMANT_ACCOUNT) at the first review its unused days
// allow — before any restoration at that review, and before its suspension's own time is up
// (closeAfterSuspendedDays). Customer service warns of the closure that comes: the unused one, certain
// when no review before it can restore the line; never a long suspension's closure after it, which never
// comes (it told a customer 'the line will be closed at the review on 2025-03-15 … and cannot be restored
// before then' of a line closed on 2025-02-15, unwarned).

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, on, run, stepOn } from "./builders.js";

/** A ¥3,000 Huabei used on day 5 and repaid on day 35, then unused; a policy change on day 250 suspends it
 *  at the review of day 258 (its time up on day 439); it is closed unused at the review of day 411
 *  (2025-02-15). `set`: the change; `verified`: the profile's identity. */
const answerOn = (day: number, set: Record<string, number>, verified: boolean): Remedy[] => {
  const t = run(
    [on.open(0, 3_000), on.purchase(5, 300), on.repay(35, "full"), on.policy(250, { set }), on.support(day)],
    {
      until: 460,
      policy: DEFAULT_POLICY,
      profile: { age: 30, monthlyIncome: 8_000, verified, creditHistoryMonths: 36, externalDebt: 0 },
    },
  );
  expect(stepOn(t, "review", 411)).toMatchObject({ status: "closed", cause: "dormant" });
  return stepOn(t, "contact_support", day).remedies ?? [];
};

const kinds = (rs: readonly Remedy[]) => rs.map((r) => r.kind);

describe("a suspended line closed as unused before its suspension's time is up", () => {
  // minScore and restoreScore 900: no file this customer can have keeps the line once restored
  const barred = { minScore: 900, restoreScore: 900 };

  it("no review can restore it: the unused closure is certain, and no long suspension's closure is said", () => {
    for (const day of [380, 390]) {
      const rs = answerOn(day, barred, true);
      const unused = rs.find((r) => r.kind === "unused_closure_due");
      expect(unused).toMatchObject({ day: 411, suspended: true, certain: true });
      expect(remedyText(unused!)).toContain(
        "the line will be closed at the periodic review on 2025-02-15 (day 411)",
      );
      expect(kinds(rs)).not.toContain("closure_due");
    }
  });

  it("an early review can restore it in time: the closure is not certain, and still the unused one", () => {
    // unverified, at 855 against 870: verifying and an early review can restore it before day 411
    const rs = answerOn(390, { minScore: 870, restoreScore: 870 }, false);
    const unused = rs.find((r) => r.kind === "unused_closure_due");
    expect(unused).toMatchObject({ day: 411, suspended: true });
    expect(unused).not.toHaveProperty("certain");
    expect(remedyText(unused!)).toContain(
      "before then keeps it open, which a suspended line takes only once restored",
    );
    expect(kinds(rs)).not.toContain("closure_due");
  });
});

// Stories of a fourteenth round, a credit-risk reviewer's (test/fixtures/scenarios): what a lender signs
// off on — a line the lender suspended not held against its customer as left unused, debt moved from the
// revolving line to a cash loan, twins who behave strictly better on paths the property tests do not
// generate, money to the fen across a suspension, every score change explained, and a policy tightened
// mid-way: who is cut, who is suspended, and what they are told.

import { describe, expect, it } from "vitest";
import type { Step, Trace } from "../src/engine/index.js";
import { describeFact } from "../src/scenario/format.js";
import { at, fixture, passing, twinOf } from "./helpers/stories.js";

const twin = (name: string, ...edits: ReadonlyArray<readonly [string, string]>) =>
  twinOf(fixture(name), ...edits);

describe("stories of a fourteenth round (test/fixtures/scenarios)", () => {
  it("a line the lender suspended is not a line left unused: the days it was kept suspended do not count against an increase, the days it was open do", () => {
    const { steps } = passing("suspended-is-not-unused.yaml");
    // 210 days since the repayment of day 40, 122 of them suspended for the policy: 88 open, granted
    expect(at(steps, "apply", 250)).toMatchObject({ decision: "approved", limit: 1_000_000 });
    // left unused 198 days once restored (320 since the use, less the 122 suspended): declined, and the
    // number said is the days the line was open to her, not the days since
    const later = at(
      twin("suspended-is-not-unused.yaml", [
        "{ day: 250, type: apply, product: increase, amount: 5000 }",
        "{ day: 360, type: apply, product: increase, amount: 5000 }",
      ]).steps,
      "apply",
      360,
    );
    expect(later.reasons[0]).toBe("LINE_NOT_IN_USE");
    expect(describeFact(later.facts[0]!)).toBe("198 days vs increaseUsedWithinDays 180 days");
  });
});

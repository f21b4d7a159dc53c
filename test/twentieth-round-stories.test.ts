// Stories of a twentieth round, a credit-risk reviewer's (test/fixtures/scenarios): the review's calendar,
// Jiebei loans in depth and security holds.

import { describe, expect, it } from "vitest";
import { at, passing, twin, worseOff } from "./helpers/stories.js";

describe("stories of a twentieth round (test/fixtures/scenarios)", () => {
  it("a thin file's bill six days late, still unpaid at the review, is suspended there and restored at the first review after the repayment — not held three months longer than a twin who repaid two days sooner and kept the line (an overdue short of suspendOverdueDays asks no clean period of the suspension it was past due at)", () => {
    const t = passing("thin-file-late-over-the-review.yaml");
    expect(at(t.steps, "review", 74)).toMatchObject({ decision: "suspended", cause: "credit" });
    // restored at the review of 15 April, 30 days after the repayment (it waited for 15 June, the
    // restoreCleanDays' 90 days, before)
    expect(at(t.steps, "review", 105)).toMatchObject({
      decision: "restored",
      reasons: ["ARREARS_CLEARED", "SCORE_RECOVERED"],
    });
    // the twin who repaid on the 14th, a day before the review, kept the line throughout
    const sooner = twin("thin-file-late-over-the-review.yaml", [
      "date: 2024-03-16, type: repay",
      "date: 2024-03-14, type: repay",
    ]);
    expect(sooner.steps.filter((s) => s.decision === "suspended")).toEqual([]);
    // paying sooner never ends worse
    expect(worseOff(sooner, t)).toEqual([]);
    // the same bill left 30 days past due is the trigger's suspension, and its clean period stands
    const month = twin("thin-file-late-over-the-review.yaml", [
      "date: 2024-03-16, type: repay",
      "date: 2024-04-10, type: repay",
    ]);
    expect(month.steps.find((s) => s.day >= 105 && s.decision === "restored")?.day).toBeGreaterThanOrEqual(
      100 + 90,
    );
  });
});

// Customer service's answers, round 11, each followed through the engine, after the credit-risk round's two
// rules: a line granted below a smallest line raised since, which every cap still holds, is kept and
// restored at its own limit (noLineAt) — no cap that holds it is said to stand in the way, and no income
// beyond what it needs is asked; a line closed unused holds its reopening to the last limit only within
// the days the in-use rule looks back — the answer says when that hold lifts.

import { describe, expect, it } from "vitest";
import { at, twin } from "../helpers/stories.js";

/** thin-file-under-a-raised-smallest-line.yaml: Xiao Lin's ¥2,000 thin-file line, kept when the smallest
 *  line rose to ¥2,500 — here the April bill repaid late (day 110, not 95): suspended for it at the review
 *  of day 105, she asks on day 140. */
const THIN = "thin-file-under-a-raised-smallest-line.yaml";
const LATE: readonly [string, string] = [
  "  - { day: 95, type: repay, amount: full }",
  "  - { day: 110, type: repay, amount: full }",
];
const ASKED: readonly [string, string] = [
  "  - { day: 128, type: repay, amount: full }",
  "  - { day: 128, type: repay, amount: full }\n  - { day: 140, type: contact_support }",
];

describe("a grandfathered thin-file line suspended for an overdue", () => {
  const said = at(twin(THIN, LATE, ASKED).steps, "contact_support", 140);

  it("is not told that the thin-file cap, which holds its ¥2,000, stands in the way — as the review does not cite it", () => {
    const late = twin(THIN, LATE);
    expect(at(late.steps, "review", 105).decision).toBe("suspended");
    expect(at(late.steps, "review", 135).reasons).not.toContain("THIN_FILE_BELOW_SMALLEST_LINE");
    // (told THIN_FILE_BELOW_SMALLEST_LINE, and that no review before the cap lifts on day 182 restores it)
    expect(said.reasons).not.toContain("THIN_FILE_BELOW_SMALLEST_LINE");
    const wait = said.remedies.find((r) => r.kind === "wait_for_review");
    expect(wait).toMatchObject({ early: { day: 200 } });
    expect(wait).not.toHaveProperty("thinFileLifts");
  });

  it("comes true followed: the early review it offers restores the ¥2,000, the thin-file cap unchanged", () => {
    const early = twin(THIN, LATE, [
      "  - { day: 128, type: repay, amount: full }",
      "  - { day: 128, type: repay, amount: full }\n  - { day: 200, type: request_review }",
    ]);
    expect(at(early.steps, "request_review", 200)).toMatchObject({
      decision: "restored",
      status: "active",
      limit: 200_000,
    });
  });
});

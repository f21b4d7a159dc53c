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

describe("a slip the review fell on, counted as the score counts it (a reviewer's, after the rule above)", () => {
  it("two instalments missed and repaid together are two missed due dates: the clean period stands, as for the twin who paid the first sooner — paying sooner never ends worse", () => {
    const together = passing("two-jiebei-slips-repaid-together.yaml");
    const sooner = twin("two-jiebei-slips-repaid-together.yaml", [
      "  - { date: 2024-02-20, type: repay",
      "  - { date: 2024-02-07, type: repay, line: jiebei, amount: 1076.60 }\n  - { date: 2024-02-20, type: repay",
    ]);
    for (const t of [together, sooner]) {
      expect(at(t.steps, "review", 45)).toMatchObject({ decision: "suspended", cause: "credit" });
      // (counted by episode, the two repaid together were one slip: Huabei restored on day 74)
      expect(t.steps.filter((s) => s.decision === "restored").map((s) => s.day)).toEqual([166, 166]);
    }
    expect(worseOff(sooner, together)).toEqual([]);
  });

  it("one slip: the line suspended for its score (Jiebei's minimum) comes back with the one suspended as past due at the review", () => {
    const t = passing("one-jiebei-slip-below-jiebei-minimum.yaml");
    const suspended = at(t.steps, "review", 45, "jiebei");
    expect([suspended.decision, suspended.reasons[0]]).toEqual(["suspended", "SCORE_BELOW_MINIMUM"]);
    // (Jiebei, the line actually late, waited for the clean period to day 166, Huabei restored on day 74)
    expect(at(t.steps, "review", 74, "jiebei")).toMatchObject({ decision: "restored" });
    expect(at(t.steps, "review", 74)).toMatchObject({ decision: "restored" });
  });
});

describe("Jiebei loans in depth (test/fixtures/scenarios)", () => {
  const NAME = "jiebei-two-loans-one-prepaid.yaml";

  it("two loans on different terms asked ahead to the fen, ¥5,000 more held for both instalments and the rest repaying the older loan's principal: its term stays and its last instalment shrinks to ¥153.70, checked by hand against jiebei.md", () => {
    const t = passing(NAME);
    // ¥6,000/3 drawn 11 Jan: ¥2,000 + 31 days × ¥2.40; ¥12,000/12 drawn 21 Jan: ¥1,000 + 31 days × ¥4.80
    expect(at(t.steps, "repay", 40, "jiebei").applied).toBe(207_440 + 114_880);
    // held: the ¥12,000 loan's ¥1,127.60 (¥1,000 + 29 days × ¥4.40) and the older loan's coming instalment,
    // lowered with its principal: x = ¥3,696.36 repaid at once (0.494x = ¥5,000 − ¥1,127.60 − ¥2,046.40),
    // leaving ¥303.64 over its two instalments — the last ¥151.82 + 31 days at 0.04 % on it = ¥153.70
    const due = t.steps.find((s) => s.day === 101 && s.event.type === "due")?.event;
    expect(due).toMatchObject({ line: "jiebei", due: 15_370 });
    expect(at(t.steps, "repay", 101, "jiebei").applied).toBe(15_370 + 112_400);
    // paying ahead never ends worse than not paying ahead (the same statements repaid)
    const notAhead = twin(NAME, ["  - { day: 55, type: repay, line: jiebei, amount: 5000 }\n", ""]);
    expect(worseOff(t, notAhead)).toEqual([]);
  });

  it("the small last instalment left unpaid, the next month's with it, is a missed due date like any: at 30 days past due it suspends Huabei too, every Huabei bill paid — one lender's credit to one customer (the overdue trigger reads both lines)", () => {
    const left = twin(
      NAME,
      ["  - { day: 101, type: repay, line: jiebei, amount: statement }\n", ""],
      ["  - { day: 110, type: repay, line: jiebei, amount: statement }\n", ""],
    );
    const trigger = left.steps.filter((s) => s.decision === "suspended");
    expect(trigger.map((s) => [s.day, s.line, s.cause])).toEqual([
      [131, "huabei", "credit"],
      [131, "jiebei", "credit"],
    ]);
    expect(trigger[0]!.facts[0]).toMatchObject({ code: "OVERDUE_TOO_LONG", line: "jiebei" });
  });
});

describe("security holds (test/fixtures/scenarios)", () => {
  it("a hold stops credit, not repayment: the customer held over a due date is told it and the minimum, can repay, and a bill repaid late under the hold is late — the penalty and the missed due date as on an active line; no suspension beneath at a score above delinquentMinScore, so verifying restores at once", () => {
    const t = passing("hold-over-a-due-date.yaml");
    const said = at(t.steps, "contact_support", 37);
    expect(said.remedies.map((r) => r.kind)).toEqual(expect.arrayContaining(["next_due", "verify_identity"]));
    // 3 days of penalty at 0.05 % on ¥2,000 by the 14th, 5 by the 16th
    expect(at(t.steps, "repay", 46).applied).toBe(200_500);
    expect(at(t.steps, "review", 45)).toMatchObject({ cause: "security" });
    expect(at(t.steps, "review", 45)).not.toHaveProperty("beneath");
    // the same customer who repaid on the due day: never worse off
    const onTime = twin("hold-over-a-due-date.yaml", ["day: 46, type: repay", "day: 40, type: repay"]);
    expect(worseOff(onTime, t)).toEqual([]);
  });
});

describe("a drawdown the day before a review that suspends (test/fixtures/scenarios)", () => {
  it("cash is not lent at a score below the minimum the review keeps Jiebei at: ¥20,000 asked at 773 against a jiebeiMinScore of 790 is declined, where it was lent the day before the review suspended the line for that score", () => {
    const t = passing("jiebei-drawn-before-a-suspending-review.yaml");
    const asked = at(t.steps, "borrow", 104, "jiebei");
    expect(asked.facts[0]).toMatchObject({
      code: "SCORE_BELOW_MINIMUM",
      parameter: "jiebeiMinScore",
      threshold: 790,
      value: 773,
    });
    // at the old minimum (660) the same loan is lent: the score is the only thing in its way
    const before = twin("jiebei-drawn-before-a-suspending-review.yaml", ["jiebeiMinScore: 790, ", ""]);
    expect(at(before.steps, "borrow", 104, "jiebei").decision).toBe("approved");
  });
});

// A clean-record rule reads the customer's record on both lines; when the missed due date or the arrears
// cleared that it counts from were the other line's, its fact names that line, as an overdue's does
// (OVERDUE_OUTSTANDING: "5 days, on Huabei") — a Jiebei never late was declined "a due date was missed
// 5 days ago" with no word of Huabei's bill.

import { describe, expect, it } from "vitest";
import type { Step } from "../../src/engine/types.js";
import { DEFAULT_POLICY, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

const factOf = (s: Step, code: string) => s.facts.find((f) => f.code === code);

describe("a clean-record fact names the line whose record it reads", () => {
  // Huabei's ¥1,000 bill (due on day 40) is missed and repaid on day 46; Jiebei owes nothing
  const huabeiLate = [
    on.open(0, 5_000),
    on.open(0, 10_000, "jiebei"),
    on.purchase(1, 1_000),
    on.repay(46, "full"),
  ];

  it("a drawdown and a Jiebei increase declined for Huabei's missed bill name Huabei", () => {
    const t = run([...huabeiLate, on.borrow(50, 1_000, 3), on.increase(120, 5_000, "jiebei")], {
      policy: testPolicy({ jiebeiDrawCleanDays: 30, increaseCleanDays: 180 }),
    });
    const draw = stepOn(t, "borrow", 50);
    expect(draw.decision).toBe("declined");
    expect(factOf(draw, "RECENT_MISSED_PAYMENT")).toMatchObject({ value: 4, line: "huabei" });
    const raise = stepOn(t, "apply", 120);
    expect(raise.decision).toBe("declined");
    expect(factOf(raise, "RECENT_MISSED_PAYMENT")).toMatchObject({
      parameter: "increaseCleanDays",
      line: "huabei",
    });
  });

  it("a Huabei increase declined for its own missed bill names no line", () => {
    const t = run([...huabeiLate, on.increase(120, 1_000)], {
      policy: testPolicy({ increaseCleanDays: 180 }),
    });
    const raise = stepOn(t, "apply", 120);
    expect(raise.decision).toBe("declined");
    expect(factOf(raise, "RECENT_MISSED_PAYMENT")).toBeDefined();
    expect(factOf(raise, "RECENT_MISSED_PAYMENT")?.line).toBeUndefined();
  });

  it("a drawdown declined for Jiebei's own missed instalment names no line", () => {
    // ¥1,000 over 3 months drawn on day 10: the instalment due on day 41 is missed, repaid on day 50
    const t = run(
      [
        on.open(0, 5_000),
        on.open(0, 10_000, "jiebei"),
        on.borrow(10, 1_000, 3),
        on.repay(50, "full", "jiebei"),
        on.borrow(55, 1_000, 3),
      ],
      { policy: testPolicy({ jiebeiDrawCleanDays: 30 }) },
    );
    const draw = stepOn(t, "borrow", 55);
    expect(draw.decision).toBe("declined");
    expect(factOf(draw, "RECENT_MISSED_PAYMENT")).toBeDefined();
    expect(factOf(draw, "RECENT_MISSED_PAYMENT")?.line).toBeUndefined();
  });

  it("a Jiebei suspended for Huabei's overdue waits its clean period citing Huabei; Huabei's own names none", () => {
    // Huabei's bill due on day 40 reaches 30 days past due on day 70 (both lines suspended), repaid on day 100
    const t = run(
      [on.open(0, 6_000), on.open(0, 20_000, "jiebei"), on.purchase(5, 2_000), on.repay(100, "full")],
      { policy: DEFAULT_POLICY, until: 106 },
    );
    const reviews = stepsOf(t, "review").filter((s) => s.day === 105);
    const jiebei = reviews.find((s) => s.line === "jiebei");
    const huabei = reviews.find((s) => s.line === "huabei");
    expect(jiebei?.status).toBe("suspended");
    expect(factOf(jiebei!, "OVERDUE_TOO_RECENT")).toMatchObject({ value: 5, line: "huabei" });
    expect(factOf(huabei!, "OVERDUE_TOO_RECENT")).toMatchObject({ value: 5 });
    expect(factOf(huabei!, "OVERDUE_TOO_RECENT")?.line).toBeUndefined();
  });
});

describe("a suspension at the review for a past due on the other line names that line", () => {
  // Huabei's ¥1,000 bill (due on day 40) unpaid at the review on day 45, the score below delinquentMinScore:
  // both lines suspended that day — Jiebei, which owes nothing, for Huabei's overdue: its fact says so that
  // day, as the later reviews' clean-record fact does ("…, on Huabei"), not only from then on
  it("Jiebei's names Huabei; Huabei's own names no line", () => {
    const t = run([on.open(0, 5_000), on.open(0, 10_000, "jiebei"), on.purchase(1, 1_000)], {
      policy: testPolicy({ delinquentMinScore: 990 }),
      until: 60,
    });
    const reviews = stepsOf(t, "review", 45);
    const huabei = reviews.find((s) => s.line === "huabei")!;
    const jiebei = reviews.find((s) => s.line === "jiebei")!;
    expect(huabei).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(jiebei).toMatchObject({ decision: "suspended", cause: "credit" });
    expect(factOf(jiebei, "PAST_DUE_AT_REVIEW")).toMatchObject({ threshold: 990, line: "huabei" });
    expect(factOf(huabei, "PAST_DUE_AT_REVIEW")).toBeDefined();
    expect(factOf(huabei, "PAST_DUE_AT_REVIEW")?.line).toBeUndefined();
  });
});

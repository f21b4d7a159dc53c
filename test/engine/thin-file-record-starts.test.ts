// A thin file (under six months of history) counts no repayment characteristic; at six months the record
// starts to count and the score jumps. When the review the answer names reads the file with six months
// and today's has fewer, that is what moves the score — the answer says so, and does not credit "the
// repayments made since the last one" (a customer who repaid nothing since was told they had).

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, on, run, stepOn } from "./builders.js";

type Wait = Extract<Remedy, { kind: "wait_for_review" }>;
type Raise = Extract<Remedy, { kind: "raise_score" }>;

/** A ¥2,000 Huabei used once and repaid, the minimum score raised to 700 on day 60 (the line suspended
 *  at the review of day 74; `set` beside it); customer service asked on day 80. `months`: the history on
 *  file at the start. */
const answer = (months: number, set: Record<string, number> = {}): Remedy[] =>
  stepOn(
    run(
      [
        on.open(0, 2_000),
        on.purchase(3, 300),
        on.repay(35, "full"),
        on.policy(60, { set: { minScore: 700, ...set } }),
        on.support(80),
      ],
      {
        until: 90,
        policy: DEFAULT_POLICY,
        profile: {
          age: 22,
          monthlyIncome: 4_000,
          verified: false,
          creditHistoryMonths: months,
          externalDebt: 6_000,
        },
      },
    ),
    "contact_support",
    80,
  ).remedies ?? [];

const wait = (months: number): Wait | undefined =>
  answer(months).find((r): r is Wait => r.kind === "wait_for_review");

/** minScore 830 (what a line suspended for the policy needs back; the step may ask a band's score above it):
 *  the review of day 105 reads 815 from the report of day 90, still short — a score step (a full file, at
 *  840, asked more: minScore 880) */
const raise = (months: number, set: Record<string, number> = { minScore: 830 }): Raise | undefined =>
  answer(months, set).find((r): r is Raise => r.kind === "raise_score");

describe("a thin file's record starting to count is said as the cause", () => {
  it("three months on file, six at the report the review reads: recordStarts, and said so", () => {
    const w = wait(3);
    expect(w?.score).toMatchObject({ report: { day: 90 }, recordStarts: true });
    const text = remedyText(w!);
    expect(text).toContain("reaches six months of history and its repayment record starts to count");
    expect(text).not.toContain("repayments made since the last one");
  });

  it("no thin file at the answer (or still thin at the review): no recordStarts", () => {
    for (const months of [0, 1, 36]) expect(wait(months)?.score?.recordStarts).toBeUndefined();
  });
});

describe("the score step says so too", () => {
  it("three months on file, six at the report the review reads: recordStarts on its ahead, said so", () => {
    // (minScore 800: the 890 that 830 asks is out of reach by day 105 — the months in good standing grow
    // only with time — and the step names day 166, reading no report ahead)
    const r = raise(3, { minScore: 800 });
    expect(r).toMatchObject({ ahead: { report: { day: 90 }, recordStarts: true } });
    expect(r!.needed).toBeGreaterThanOrEqual(800);
    // the jump is the record starting to count: far more than any month of repayments moves the score
    expect(r!.current - r!.ahead!.today).toBeGreaterThan(100);
    const text = remedyText(r!);
    expect(text).toContain("reaches six months of history and its repayment record starts to count");
    expect(text).not.toContain("the repayments and the spending since the last one");
  });

  it("a full file: no recordStarts, the report's repayments and spending said", () => {
    const r = raise(36, { minScore: 880, restoreScore: 900 });
    expect(r?.ahead).toBeDefined();
    expect(r?.ahead?.recordStarts).toBeUndefined();
    expect(remedyText(r!)).toContain("the repayments and the spending since the last one");
  });
});

describe("and the wait that reads the coming report says so", () => {
  // thinFileMaxLimit 400 (below the ¥500 smallest line) and restoreScore 640 on day 60: the review of day
  // 74 suspends the thin file; the report of day 90, at six months, lifts the cap — nothing in the way then
  it("three months on file: reads.recordStarts, and said so", () => {
    const w = answer(3, { thinFileMaxLimit: 400, restoreScore: 640, minScore: 620 }).find(
      (r): r is Wait => r.kind === "wait_for_review",
    );
    expect(w).toMatchObject({ ready: true, reads: { day: 90, recordStarts: true } });
    expect(w?.score).toBeUndefined();
    const text = remedyText(w!);
    expect(text).toContain(
      "reading the month-end report on 2024-03-31 (day 90), when the file reaches six months of history and its repayment record starts to count",
    );
    expect(text).not.toContain("repayments made since the last one");
  });
});

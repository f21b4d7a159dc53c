// Customer service's answers, round 11, each followed through the engine, after the credit-risk round's two
// rules: a line granted below a smallest line raised since, which every cap still holds, is kept and
// restored at its own limit (noLineAt) — no cap that holds it is said to stand in the way, and no income
// beyond what it needs is asked; a line closed unused holds its reopening to the last limit only within
// the days the in-use rule looks back — the answer says when that hold lifts.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { stepToJson } from "../../src/render/json.js";
import { describeProbedFact } from "../../src/scenario/format/fact-text.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { at, LI_NA, liNaWith, twin, twinOf } from "../helpers/stories.js";

type Cut = Extract<Remedy, { kind: "limit_cut" }>;

/** thin-file-under-a-raised-smallest-line.yaml: Xiao Lin's ¥2,000 thin-file line, kept when the smallest
 *  line rose to ¥2,500 — here the February bill repaid 4 days late (day 44, not 35) and the April bill
 *  repaid late (day 110, not 95): suspended for it at the review of day 105, her second slip in the year
 *  (a first alone asks no clean period: review/blockers.ts), she asks on day 140. */
const THIN = "thin-file-under-a-raised-smallest-line.yaml";
const EARLIER: readonly [string, string] = [
  "  - { day: 35, type: repay, amount: full }",
  "  - { day: 44, type: repay, amount: full }",
];
const LATE: readonly [string, string] = [
  "  - { day: 95, type: repay, amount: full }",
  "  - { day: 110, type: repay, amount: full }",
];
const ASKED: readonly [string, string] = [
  "  - { day: 128, type: repay, amount: full }",
  "  - { day: 128, type: repay, amount: full }\n  - { day: 140, type: contact_support }",
];

describe("a grandfathered thin-file line suspended for an overdue", () => {
  const said = at(twin(THIN, EARLIER, LATE, ASKED).steps, "contact_support", 140);

  it("is not told that the thin-file cap, which holds its ¥2,000, stands in the way — as the review does not cite it", () => {
    const late = twin(THIN, EARLIER, LATE);
    expect(at(late.steps, "review", 105).decision).toBe("suspended");
    expect(at(late.steps, "review", 135).reasons).not.toContain("THIN_FILE_BELOW_SMALLEST_LINE");
    // (told THIN_FILE_BELOW_SMALLEST_LINE, and that no review before the cap lifts on day 182 restores it)
    expect(said.reasons).not.toContain("THIN_FILE_BELOW_SMALLEST_LINE");
    const wait = said.remedies.find((r) => r.kind === "wait_for_review");
    expect(wait).toMatchObject({ early: { day: 200 } });
    expect(wait).not.toHaveProperty("thinFileLifts");
  });

  it("comes true followed: the early review it offers restores the ¥2,000, the thin-file cap unchanged", () => {
    const early = twin(THIN, EARLIER, LATE, [
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

/** The same ¥2,000 line on a seasoned file (30 months of history: no thin-file cap), the income reported
 *  down to ¥900 a month after the smallest line rose to ¥2,500: its cap (¥1,800) below the line, the review
 *  of day 74 suspends it (INCOME_BELOW_SMALLEST_LINE); she asks on day 90. */
const SEASONED: readonly [string, string] = ["creditHistoryMonths: 0", "creditHistoryMonths: 30"];
const POORER = (then: string): readonly [string, string] => [
  "  - { day: 60, type: purchase",
  `  - { day: 55, type: income, monthlyIncome: 900 }\n${then}  - { day: 60, type: purchase`,
];

describe("a grandfathered line suspended for an income too low for it", () => {
  const said = at(
    twin(THIN, SEASONED, POORER("  - { day: 90, type: contact_support }\n")).steps,
    "contact_support",
    90,
  );

  it("is asked the income its own ¥2,000 needs, not the smallest line's ¥2,500", () => {
    const income = said.remedies.find((r) => r.kind === "report_income");
    // (asked ¥1,250 a month: the income multiple's cap at the smallest line)
    expect(income).toMatchObject({ income: 1_000, minLimit: 250_000, limit: 200_000 });
    expect(describeRemedy(income!, ["huabei", "jiebei"])).toContain(
      "the income multiple allows less than the line's ¥2,000.00",
    );
    // in yuan in the JSON, as the smallest line is
    const json = stepToJson(THIN, said).remedies as Record<string, unknown>[];
    expect(json.find((r) => r.kind === "report_income")).toMatchObject({ minLimit: 2_500, limit: 2_000 });
  });

  it("comes true followed: ¥1,000 reported, the early review offered restores the ¥2,000; ¥999, it does not", () => {
    const followed = (income: number) =>
      at(
        twin(
          THIN,
          SEASONED,
          POORER(
            `  - { day: 90, type: income, monthlyIncome: ${income} }\n  - { day: 90, type: request_review }\n`,
          ),
        ).steps,
        "request_review",
        90,
      );
    expect(followed(1_000)).toMatchObject({ decision: "restored", limit: 200_000 });
    expect(followed(999).decision).toBe("declined");
  });
});

/** Xiao Lin's late bill again, the smallest line raised with bands that give a score below 900 ¥2,000 —
 *  her line's limit, below the smallest line: kept and restored while her band holds it. */
const BANDS: readonly [string, string] = [
  "set: { minLimit: 2500 }",
  "set: { minLimit: 2500, limitBands: [{ minScore: 620, maxLimit: 2000 }, { minScore: 900, maxLimit: 50000 }] }",
];

describe("a grandfathered line whose score's band holds its limit, below the smallest line", () => {
  const said = at(twin(THIN, BANDS, EARLIER, LATE, ASKED).steps, "contact_support", 140);

  it("is promised the review that restores it, not told that no review will and that it will be closed", () => {
    // (told that the review keeps it only at limitBands 900, which no file reaches, and closure_due day 288)
    expect(said.remedies.some((r) => r.kind === "closure_due")).toBe(false);
    expect(said.remedies.find((r) => r.kind === "wait_for_review")).toMatchObject({
      day: 227,
      early: { day: 200 },
    });
    expect(said.remedies.find((r) => r.kind === "wait_for_review")).not.toHaveProperty("scoreBars");
  });

  it("comes true followed: the early review of day 200 restores the ¥2,000, as the review of day 227 would", () => {
    expect(at(twin(THIN, BANDS, EARLIER, LATE).steps, "review", 227)).toMatchObject({ decision: "restored" });
    const early = twin(THIN, BANDS, EARLIER, LATE, [
      "  - { day: 128, type: repay, amount: full }",
      "  - { day: 128, type: repay, amount: full }\n  - { day: 200, type: request_review }",
    ]);
    expect(at(early.steps, "request_review", 200)).toMatchObject({ decision: "restored", limit: 200_000 });
  });
});

/** dormant-closed-then-back.yaml: Zhou Kai's ¥8,000, used once, closed as unused at the review of day 411;
 *  he asks on day 450 instead of applying on day 1,000. */
const DORMANT = "dormant-closed-then-back.yaml";
const REAPPLY = "  - { day: 1000, type: apply, product: open, amount: 20000 }";
const apply = (day: number) =>
  at(twin(DORMANT, [REAPPLY, REAPPLY.replace("1000", `${day}`)]).steps, "apply", day);

describe("a line closed unused, asked about within the days the in-use rule looks back", () => {
  const said = at(
    twin(DORMANT, [REAPPLY, "  - { day: 450, type: contact_support }"]).steps,
    "contact_support",
    450,
  );
  const reapply = said.remedies.find((r) => r.kind === "reapply");

  it("says the hold at the last limit for the use it lacked lifts 180 days after the closure: from day 592", () => {
    expect(reapply).toMatchObject({ limit: 800_000, lastLimit: 800_000 });
    expect(reapply).toMatchObject({ unusedLifts: { day: 592, date: "2025-08-15" } });
    // (said only 'what holds it there: LINE_NOT_IN_USE', as if for good)
    expect(describeRemedy(reapply!, ["huabei", "jiebei"])).toContain(
      "an application from 2025-08-15 (day 592) is not held for it",
    );
  });

  it("comes true: applied for ¥20,000 on day 591 he is held at ¥8,000 for it; on day 592, not", () => {
    expect(apply(591)).toMatchObject({ decision: "approved_lower", limit: 800_000 });
    expect(apply(591).reasons).toContain("LINE_NOT_IN_USE");
    expect(apply(592).reasons).not.toContain("LINE_NOT_IN_USE");
    expect(apply(592).limit).toBeGreaterThan(800_000);
  });
});

describe("a cut line that a review ahead suspends, asked about before it", () => {
  const said = at(liNaWith(["{ day: 115, type: contact_support }"]).steps, "contact_support", 115);
  const cut = said.remedies.find((r): r is Cut => r.kind === "limit_cut")!;

  it("says the increase it names waits for the restoration, not judged as an active line", () => {
    expect(said.remedies.some((r) => r.kind === "review_suspends" && r.day === 135)).toBe(true);
    // (judged active at ¥3,000 on day 225: 'balance too high — repay at least ¥437.12 of what it will owe
    // then', the score, the debt ratio — none of which the application reads while suspended. Round 12:
    // the day and the rules are those the customer asking once suspended is told, the line restored by
    // then — support-round12.test.ts)
    expect(cut.increase).toMatchObject({ day: 242, restored: true, suspends: { day: 135 } });
    expect(describeRemedy(cut, ["huabei"])).toContain("which can be made once the line is restored");
  });

  it("comes true followed: applied for on day 225, the increase is refused for the suspension", () => {
    const applied = liNaWith([], ["{ day: 225, type: apply, product: increase, amount: 1000 }"]);
    expect(at(applied.steps, "apply", 225)).toMatchObject({
      decision: "declined",
      reasons: ["ACCOUNT_SUSPENDED"],
    });
  });
});

/** unused-jiebei-holds-huabei.yaml on ¥9,250 a month: Huabei restored at ¥500 beside Jiebei's ¥16,700 on
 *  day 298; the review of day 359 gives Huabei's ¥6,000 back and trims Jiebei to ¥11,200. Asked on day 330. */
const UNUSED = "unused-jiebei-holds-huabei.yaml";
const RICHER: readonly [string, string] = ["monthlyIncome: 6000", "monthlyIncome: 9250"];
const LAST = "  - { day: 293, type: repay, line: jiebei, amount: statement }";

describe("a give-back ahead that trims Jiebei's unused limit", () => {
  const said = at(
    twin(UNUSED, RICHER, [LAST, `${LAST}\n  - { day: 330, type: contact_support }`]).steps,
    "contact_support",
    330,
  );

  it("says Jiebei's trim on that review, once, beside Huabei's ¥6,000 given back", () => {
    const cut = said.remedies.find((r): r is Cut => r.line === "huabei" && r.kind === "limit_cut")!;
    expect(cut.givenBack).toMatchObject({ day: 359, gives: 600_000 });
    // (said only 'that review gives back ¥6,000.00': Jiebei's ¥16,700 going to ¥11,200 went unsaid)
    const jiebei = said.remedies.filter((r) => r.line === "jiebei" && r.kind === "review_cuts");
    expect(jiebei).toEqual([
      expect.objectContaining({
        day: 359,
        from: 1_670_000,
        to: 1_120_000,
        reasons: ["UNUSED_LIMIT_TRIMMED"],
      }),
    ]);
    expect(describeRemedy(jiebei[0]!, ["huabei", "jiebei"])).toContain(
      "trims the line's unused limit from ¥16,700.00 to ¥11,200.00 as it restores Huabei or gives its limit back",
    );
  });

  it("comes true: the review of day 359 gives Huabei ¥6,000 back and trims Jiebei to ¥11,200", () => {
    const t = twin(UNUSED, RICHER);
    expect(at(t.steps, "review", 359)).toMatchObject({ decision: "limit_restored", limit: 600_000 });
    const jiebei = at(t.steps, "review", 359, "jiebei");
    expect(jiebei).toMatchObject({ decision: "limit_reduced", reasons: ["UNUSED_LIMIT_TRIMMED"] });
    expect(jiebei.jiebei.limit).toBe(1_120_000);
  });
});

describe("the debt an increase ahead is judged on, counted at a month-end report", () => {
  // financial-burden.yaml as it is, asked on day 140: the increase named for day 242 judged on what she
  // will owe then
  const said = at(twinOf(LI_NA).steps, "contact_support", 140);
  const cut = said.remedies.find((r): r is Cut => r.kind === "limit_cut")!;

  it("says what the line owes on that day as owed then, not today", () => {
    expect(cut.increase.day).toBe(242);
    const text = describeRemedy(cut, ["huabei"]);
    // (said 'Huabei ¥3,156.74 owed today', while today's row shows ¥4,253.26)
    expect(text).toContain(
      "Huabei ¥3,156.74 owed on day 242 but counted at the last month-end report's ¥3,493.51",
    );
    expect(text).not.toContain("owed today");
  });
});

describe("a debt fact judged on a later day, its smallest loan counted drawn", () => {
  it("says what Jiebei owes on that day as that day's, and today's as today's when judged today", () => {
    const f = {
      code: "DEBT_TO_INCOME_TOO_HIGH" as const,
      parameter: "jiebeiMaxDebtToIncome" as const,
      value: 1.01,
      threshold: 1,
      onceUsed: 500_000,
      debtCounted: 6_040_620,
      jiebeiCounted: 50_620,
      jiebeiUsed: 400,
      jiebeiOwedToday: 0,
      jiebeiLeast: 50_000,
    };
    // (the same words, 'owed today', whichever day the application was played ahead to)
    expect(describeProbedFact(f, 242)).toContain(
      "Jiebei ¥0.00 owed on day 242 (the last month-end report's ¥502.20)",
    );
    expect(describeProbedFact(f)).toContain("Jiebei ¥0.00 owed today (the last month-end report's ¥502.20)");
  });
});

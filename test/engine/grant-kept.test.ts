// @module-tag property
// A grant is not taken back by the reviews that follow it on unchanged facts: a line opened, raised or
// reopened, a Jiebei line opened and drawn on — then used within its limit, every bill repaid on time, the
// income and the debt elsewhere unchanged — is neither suspended, cut nor closed by the next reviews.
// Applicants are generated near the edges the review acts at: debt close to the debt cap, scores close
// to the minimum.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Customer, owed } from "../../src/engine/customer.js";
import { applicationDebt } from "../../src/engine/grant.js";
import { run as runEngine } from "../../src/engine/simulate.js";
import type { Step, Trace } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import {
  adviceOf,
  describeFact,
  describeRemedy,
  factInYuan,
  reasonAdvice,
} from "../../src/scenario/format.js";
import { propertyRuns } from "../helpers/property-seed.js";
import {
  DEFAULT_POLICY,
  daysOfMonth,
  type EventInput,
  on,
  run,
  scenario,
  stepOn,
  stepsOf,
  TIGHTENED_POLICY,
} from "./builders.js";

const RUNS = propertyRuns(100);

/** Every bill repaid in full before its due date (the 10th), on both lines, from `from` to `to`. */
const repaid = (from: number, to: number): EventInput[] =>
  daysOfMonth(8, from, to).flatMap((d) => [on.repay(d, "statement"), on.repay(d, "statement", "jiebei")]);

/** A profile near the edges: monthly income, debt elsewhere a share of the most the debt cap allows. */
const applicant = fc.record({
  monthlyIncome: fc.integer({ min: 1500, max: 30_000 }),
  debtShare: fc.oneof(
    fc.double({ min: 0.9, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  creditHistoryMonths: fc.constantFrom(0, 3, 8, 14, 30, 70, 130),
  age: fc.integer({ min: 19, max: 60 }),
  verified: fc.boolean(),
});
type Applicant = typeof applicant extends fc.Arbitrary<infer T> ? T : never;

const profileOf = (a: Applicant, cap: number) => ({
  monthlyIncome: a.monthlyIncome,
  externalDebt: Math.floor(a.monthlyIncome * 12 * cap * a.debtShare * 100),
  creditHistoryMonths: a.creditHistoryMonths,
  age: a.age,
  verified: a.verified,
});

const REVERSED = new Set(["suspended", "limit_reduced", "closed", "charged_off"]);

/** The decisions that took back something on `line` after `from` through `to`. */
const reversals = (t: Trace, line: LineId, from: number, to: number): Step[] =>
  t.steps.filter((s) => s.line === line && s.day > from && s.day <= to && REVERSED.has(s.decision ?? ""));

/** The decisions that took back something on either line after `from` through `to`. */
const anyReversals = (t: Trace, from: number, to: number): Step[] =>
  t.steps.filter((s) => s.day > from && s.day <= to && REVERSED.has(s.decision ?? ""));

/** The grant of an application on `day` on `line`: the limit, or null when declined. */
function granted(t: Trace, day: number, line: LineId): number | null {
  const step = stepsOf(t, "apply", day).find((s) => s.line === line);
  if (step?.decision !== "approved" && step?.decision !== "approved_lower") return null;
  return line === "huabei" ? step.limit : step.jiebei.limit;
}

/** Purchases within the limit `limit` (fen) on days from `from`: shares of it that add up to at most 1. */
const spending = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });
function purchases(limit: number, shares: number[], from: number): EventInput[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const scale = total > 1 ? 1 / total : 1;
  return shares.map((x, i) => on.purchase(from + 1 + i * 3, Math.floor((limit * x * scale) / 100)));
}

const policy = fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY);
/** Through the review after the month end after the last use: two reviews after the first month end. */
const WINDOW = 80;

describe("a grant is kept by the reviews that follow it on unchanged facts", () => {
  it("a Huabei line opened and used within its limit is not suspended or cut", () => {
    fc.assert(
      fc.property(
        applicant,
        policy,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 500, max: 60_000 }),
        spending,
        (a, p, day, asked, shares) => {
          const options = { policy: p, profile: profileOf(a, p.maxDebtToIncome) };
          const first = run([on.open(day, asked)], { ...options, until: day });
          const limit = granted(first, day, "huabei");
          if (limit === null) return;
          const events = [
            on.open(day, asked),
            ...purchases(limit, shares, day),
            ...repaid(day, day + WINDOW),
          ];
          const t = run(events, { ...options, until: day + WINDOW });
          expect(granted(t, day, "huabei")).toBe(limit);
          expect(reversals(t, "huabei", day, day + WINDOW).map((s) => [s.day, s.reasons])).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a Huabei limit raised and used within it is not suspended or cut", () => {
    fc.assert(
      fc.property(
        applicant,
        policy,
        fc.integer({ min: 100, max: 130 }),
        fc.integer({ min: 500, max: 40_000 }),
        spending,
        (a, p, day, more, shares) => {
          const options = { policy: p, profile: profileOf(a, p.maxDebtToIncome) };
          const before = [on.open(0, 1000), on.purchase(3, 200), ...repaid(0, day - 1)];
          const first = run([...before, on.increase(day, more)], { ...options, until: day });
          const limit = granted(first, day, "huabei");
          if (limit === null) return;
          const events = [
            ...before,
            on.increase(day, more),
            ...purchases(limit, shares, day),
            ...repaid(day, day + WINDOW),
          ];
          const t = run(events, { ...options, until: day + WINDOW });
          expect(reversals(t, "huabei", day, day + WINDOW).map((s) => [s.day, s.reasons])).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a Jiebei line opened and drawn on, Huabei used within its limit, is not suspended or cut", () => {
    fc.assert(
      fc.property(
        applicant.filter((a) => a.creditHistoryMonths > 0),
        policy,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1000, max: 100_000 }),
        spending,
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (a, p, day, asked, shares, drawn) => {
          const options = { policy: p, profile: profileOf(a, p.jiebeiMaxDebtToIncome) };
          const opened = [on.open(0, 3000), on.open(day, asked, "jiebei")];
          const first = run(opened, { ...options, until: day });
          const huabei = granted(first, 0, "huabei");
          const limit = granted(first, day, "jiebei");
          if (limit === null || huabei === null) return;
          const events = [
            ...opened,
            on.borrow(day + 1, Math.floor((limit * drawn) / 100), 12),
            ...purchases(huabei, shares, day),
            ...repaid(0, day + WINDOW),
          ];
          const t = run(events, { ...options, until: day + WINDOW });
          // nor is Huabei, the other line on the same file
          expect(anyReversals(t, day, day + WINDOW).map((s) => [s.day, s.line, s.reasons])).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a grant on either line, both lines used within their limits, suspends or cuts neither line", () => {
    const grants = { huabei: 0, jiebei: 0 };
    fc.assert(
      fc.property(
        applicant.filter((a) => a.creditHistoryMonths > 0),
        policy,
        fc.constantFrom<LineId>("huabei", "jiebei"),
        fc.integer({ min: 100, max: 130 }),
        fc.integer({ min: 500, max: 40_000 }),
        spending,
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (a, p, line, day, more, shares, drawn) => {
          // the debt near Jiebei's cap, the tighter: a Huabei grant is what takes the file past it
          const options = { policy: p, profile: profileOf(a, p.jiebeiMaxDebtToIncome) };
          const before = [on.open(0, 2000), on.open(1, 5000, "jiebei"), ...repaid(0, day - 1)];
          const first = run([...before, on.increase(day, more, line)], { ...options, until: day });
          const huabei = first.steps.findLast((s) => s.day <= day)?.limit ?? 0;
          const jiebei = first.steps.findLast((s) => s.day <= day)?.jiebei.limit ?? 0;
          if (granted(first, day, line) === null || huabei === 0 || jiebei === 0) return;
          grants[line]++;
          const events = [
            ...before,
            on.increase(day, more, line),
            ...purchases(huabei, shares, day),
            on.borrow(day + 2, Math.floor((jiebei * drawn) / 100), 12),
            ...repaid(day, day + WINDOW),
          ];
          const t = run(events, { ...options, until: day + WINDOW });
          expect(anyReversals(t, day, day + WINDOW).map((s) => [s.day, s.line, s.reasons])).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
    // grants on each line often enough to say something. Each line is granted in about one case in five
    // (half the cases ask each line, and both lines must first be open), some 22 of 100 with a spread of
    // about 4: the floor sits at a twentieth, four spreads below, so that no seed fails it on a correct
    // engine — at a tenth, PROPERTY_SEED=9157 drew 10 Huabei grants and failed with no property broken.
    expect(grants.huabei).toBeGreaterThan(RUNS / 20);
    expect(grants.jiebei).toBeGreaterThan(RUNS / 20);
  });
});

describe("a reopening is kept by the reviews that follow it on unchanged facts", () => {
  it("a line reopened after the customer closed it, then used within its limit, is not suspended or cut", () => {
    fc.assert(
      fc.property(
        applicant,
        policy,
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 500, max: 30_000 }),
        spending,
        (a, p, day, asked, shares) => {
          const options = { policy: p, profile: profileOf(a, p.maxDebtToIncome) };
          const before = [on.open(0, 3_000), on.close(5), on.open(day, asked)];
          const first = run(before, { ...options, until: day });
          const limit = granted(first, day, "huabei");
          if (limit === null) return;
          const events = [...before, ...purchases(limit, shares, day), ...repaid(day, day + WINDOW)];
          const t = run(events, { ...options, until: day + WINDOW });
          expect(reversals(t, "huabei", day, day + WINDOW).map((s) => [s.day, s.reasons])).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("kept once used: the grant's limit", () => {
  // ¥8,000 a month (¥96,000 a year), a cap of 2: ¥192,000 of debt at most, as the review reads it
  const profile = { monthlyIncome: 8_000, creditHistoryMonths: 24, externalDebt: 0 };

  it("a line opened at the debt cap is declined: one purchase on it would be over the cap at the review", () => {
    // it was approved (¥3,000), then suspended at the review of 2024-02-15 for 2.01 vs 2.00 after ¥300
    const atCap = { ...profile, externalDebt: 192_000 * 100 };
    const events = [on.open(0, 3_000), on.purchase(5, 300), on.repay(37, "statement")];
    const t = run(events, { policy: DEFAULT_POLICY, profile: atCap, until: 50 });
    const open = stepOn(t, "apply", 0);
    expect(open.decision).toBe("declined");
    expect(open.reasons).toContain("DEBT_TO_INCOME_TOO_HIGH");
    expect(open.facts).toContainEqual(
      expect.objectContaining({ code: "DEBT_TO_INCOME_TOO_HIGH", threshold: 2, value: 2.01 }),
    );
    // the ratio of the file with the smallest line (¥500 here) used, which the step's scorecard (exactly 2.00 today)
    // does not read: said so
    const debt = open.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")!;
    expect(describeFact(debt)).toBe(
      "2.01 vs maxDebtToIncome 2.00, once a ¥500.00 line is used: ¥192,500.00 of debt counted — ¥192,000.00 elsewhere, Huabei's unused ¥500.00 counted as used",
    );
  });

  it("room for less than asked: granted the most the review keeps used, and it keeps it", () => {
    // ¥190,000 elsewhere: ¥2,000 of room under the cap — the ¥3,000 asked is held to ¥2,000
    const near = { ...profile, externalDebt: 190_000 * 100 };
    const events = [on.open(0, 3_000), on.purchase(5, 2_000), on.repay(37, "statement")];
    const t = run(events, { policy: DEFAULT_POLICY, profile: near, until: 80 });
    const open = stepOn(t, "apply", 0);
    expect(open).toMatchObject({ decision: "approved_lower", limit: 200_000 });
    // a counteroffer's reasons are why less was granted: not MEETS_POLICY, which would take a place
    expect(open.reasons.slice(0, 2)).toEqual(["LIMIT_KEPT_ONCE_USED", "SCORE_BELOW_MINIMUM"]);
    expect(open.reasons).not.toContain("MEETS_POLICY");
    expect(open.facts).toContainEqual({ code: "LIMIT_KEPT_ONCE_USED", threshold: 200_000, value: 300_000 });
    // its threshold is the limit kept, not credit available
    const fact = open.facts.find((f) => f.code === "LIMIT_KEPT_ONCE_USED")!;
    expect(describeFact(fact)).toBe("¥3,000.00 vs kept once used ¥2,000.00");
    expect(t.steps.filter((s) => s.event.type === "review" && s.decision !== null)).toEqual([]);
  });

  it("a score the review would hold below its band once the line is used: the limit is that band's", () => {
    // ¥6,000 from 830, where the review cuts to the band (reduceLimitScore 830): 845 today, with its own
    // inquiry and the line used the review would read less — a ¥6,000 line opened would be cut to ¥3,000
    const policy = {
      ...DEFAULT_POLICY,
      reduceLimitScore: 830,
      limitBands: [
        { minScore: 620, maxLimit: 3_000 },
        { minScore: 830, maxLimit: 6_000 },
      ],
    };
    const events = [on.open(0, 6_000), on.purchase(5, 3_000), on.repay(37, "statement")];
    const t = run(events, { policy, profile: { ...profile, monthlyIncome: 15_000 }, until: 80 });
    const open = stepOn(t, "apply", 0);
    expect(open.score + 15).toBeGreaterThanOrEqual(830);
    expect(open).toMatchObject({ decision: "approved_lower", limit: 300_000 });
    expect(open.reasons).toContain("LIMIT_KEPT_ONCE_USED");
    expect(open.reasons).toContain("SCORE_BELOW_LIMIT_BAND");
    expect(t.steps.filter((s) => s.event.type === "review" && s.decision !== null)).toEqual([]);
  });

  it("what the review would hold against more is said as judged: on the file once the larger line is used", () => {
    // ¥8,000 a month, ¥190,000 elsewhere, ¥10,000 asked: the score's band caps it at ¥6,000 today (690);
    // used, ¥6,000 would be 2.05 times the income and a score of 595 — the trace printed "595 vs minScore
    // 620" beside a step scored 690, and a band's cap of ¥3,000 beside the ¥6,000 the same score allowed
    const near = { ...profile, creditHistoryMonths: 60, externalDebt: 190_000 * 100 };
    const t = run([on.open(0, 10_000)], { policy: DEFAULT_POLICY, profile: near, until: 5 });
    const open = stepOn(t, "apply", 0);
    expect(open).toMatchObject({ decision: "approved_lower", limit: 200_000 });
    const said = (code: string) => describeFact(open.facts.find((f) => f.code === code)!);
    expect(said("LIMIT_CAPPED_BY_SCORE")).toBe("¥10,000.00 asked vs cap ¥6,000.00 by limitBands");
    expect(said("LIMIT_KEPT_ONCE_USED")).toBe("¥6,000.00 vs kept once used ¥2,000.00");
    expect(said("SCORE_BELOW_MINIMUM")).toBe("595 vs minScore 620, once a ¥6,000.00 line is used");
    expect(said("DEBT_TO_INCOME_TOO_HIGH")).toBe(
      "2.05 vs maxDebtToIncome 2.00, once a ¥6,000.00 line is used: ¥196,000.00 of debt counted — ¥190,000.00 elsewhere, Huabei's unused ¥6,000.00 counted as used",
    );
    expect(said("SCORE_BELOW_LIMIT_BAND")).toBe(
      "¥6,000.00 vs cap ¥3,000.00 by limitBands, at a score of 595 once a ¥6,000.00 line is used",
    );
    // what helps is an applicant's: nothing was suspended, there is no restoration threshold to reach
    // ('raise the score to the restoration threshold'), and no limit was cut
    const advice = reasonAdvice(open.reasons, open, [], open.facts);
    expect(advice.join("\n")).not.toMatch(/restoration|cut limit/);
    // a counteroffer is an adverse action (Regulation B, 12 CFR 1002.9): its four places are why less was
    // granted than asked — MEETS_POLICY took one of them, saying what the decision does, and left the debt
    // ratio the larger line would break to a fact beside them. Four rules fill every place; the debt ratio
    // says what costs the score most today (the debt), so no characteristic displaces a rule; the band the
    // larger line would fall below is told beside them, with its own advice
    expect(open.reasons).toEqual([
      "LIMIT_CAPPED_BY_SCORE",
      "LIMIT_KEPT_ONCE_USED",
      "SCORE_BELOW_MINIMUM",
      "DEBT_TO_INCOME_TOO_HIGH",
    ]);
    expect(adviceOf("SCORE_BELOW_MINIMUM", open, open.facts)).toBe(
      "raise the score, then apply again: used, a larger line would take it below the minimum",
    );
    expect(adviceOf("SCORE_BELOW_LIMIT_BAND", open, open.facts)).toMatch(
      /^raise the score, then apply again for more/,
    );
    // a review's own cut keeps its advice
    expect(adviceOf("SCORE_BELOW_LIMIT_BAND", open)).toMatch(/cut limit/);
    // JSON says it too, the limit in yuan whatever the rule's unit
    const score = open.facts.find((f) => f.code === "SCORE_BELOW_MINIMUM")!;
    expect(factInYuan(score)).toMatchObject({
      value: 595,
      threshold: 620,
      onceUsed: 6_000,
      scoreOnceUsed: 595,
    });
  });

  it("a grant is held to what keeps the customer's other line: a Huabei increase that would suspend Jiebei", () => {
    // ¥110,000 elsewhere on ¥10,000 a month, Jiebei's ¥20,000 line open and nothing owed on it: Huabei raised
    // to ¥20,000 and used was ¥130,000 of debt at the month-end report, and the review of day 166 suspended
    // Jiebei (1.09 vs jiebeiMaxDebtToIncome 1.00) — one customer, one debt: the increase is held to ¥10,000
    const profile = { monthlyIncome: 10_000, creditHistoryMonths: 60, externalDebt: 110_000 * 100, age: 35 };
    const events = (buy: number) => [
      on.open(0, 5_000),
      on.open(1, 20_000, "jiebei"),
      on.increase(130, 15_000),
      on.purchase(132, buy),
      on.repay(155, "full"),
    ];
    const options = { policy: DEFAULT_POLICY, profile: { ...profile, verified: true }, until: 200 };
    const t = run(events(20_000), options);
    expect(stepOn(t, "apply", 1)).toMatchObject({ decision: "approved" });
    const raise = stepOn(t, "apply", 130);
    expect(raise).toMatchObject({ decision: "approved_lower", limit: 1_000_000 });
    expect(raise.reasons.slice(0, 2)).toEqual(["LIMIT_KEPT_ONCE_USED", "DEBT_TO_INCOME_TOO_HIGH"]);
    // what the review would hold against the other line, and which line it is
    const debt = raise.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")!;
    expect(debt).toMatchObject({ line: "jiebei", parameter: "jiebeiMaxDebtToIncome", onceUsed: 2_000_000 });
    expect(describeFact(debt)).toBe(
      "1.09 vs jiebeiMaxDebtToIncome 1.00, once a ¥20,000.00 line is used: ¥130,000.00 of debt counted — ¥110,000.00 elsewhere, Huabei's unused ¥20,000.00 counted as used, nothing drawn on Jiebei, the debt over the cap before any is, on Jiebei",
    );
    // the line granted, used to its limit and repaid: no review takes back either line
    const used = run(events(10_000), options);
    expect(stepOn(used, "purchase", 132).decision).toBe("approved");
    expect(anyReversals(used, 130, 200).map((s) => [s.day, s.line, s.reasons])).toEqual([]);
  });

  it("the same with Jiebei owing a little: its fact says what it owes and that nothing more is drawn", () => {
    // Jiebei is counted at what it owes, none of its credit used — the cap left no room before any more
    // was drawn; said, or the ¥20,000 line "once used" reads as if it were in the count
    const profile = { monthlyIncome: 10_000, creditHistoryMonths: 60, externalDebt: 110_000 * 100, age: 35 };
    const repaid = [28, 58, 88, 118].map((d) => on.repay(d, "statement", "jiebei"));
    const t = run(
      [
        on.open(0, 5_000),
        on.open(1, 20_000, "jiebei"),
        on.borrow(2, 1_000, 12),
        ...repaid,
        on.increase(130, 15_000),
      ],
      { policy: DEFAULT_POLICY, profile: { ...profile, verified: true }, until: 200 },
    );
    const raise = stepOn(t, "apply", 130);
    expect(raise.decision).toBe("approved_lower");
    const debt = raise.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")!;
    expect(describeFact(debt)).toBe(
      "1.09 vs jiebeiMaxDebtToIncome 1.00, once a ¥20,000.00 line is used: ¥130,668.55 of debt counted — ¥110,000.00 elsewhere, Huabei's unused ¥20,000.00 counted as used, Jiebei ¥668.55 owed and nothing more drawn, the debt over the cap before any more is, on Jiebei",
    );
  });

  it("more debt elsewhere never grants more: a suspension of the other line once used holds the grant even when that line fails once used without it", () => {
    // ¥10,000 a month, a ¥20,000 Jiebei line open with nothing owed, a ¥5,000 Huabei line, ¥110,000
    // elsewhere and then more: ¥2,000 more holds a ¥10,000 increase to ¥8,000 (Jiebei at 1.00 with Huabei
    // used), ¥4,000 more to ¥6,000 — and ¥8,000 more (Jiebei at 1.03 with Huabei's ¥5,000 used, the
    // increase or not) once granted all ¥15,000: the other line's failure was left aside as "not the
    // grant's". Jiebei stays active throughout (its report reads nothing owed on Huabei), so it is no
    // failure the review makes anyway: the file once used is the check's, whichever limit is granted
    const profile = { monthlyIncome: 10_000, creditHistoryMonths: 60, externalDebt: 110_000 * 100, age: 35 };
    const granted = (more: number) => {
      const events = [
        on.open(0, 5_000),
        on.open(1, 20_000, "jiebei"),
        on.externalDebt(100, more),
        on.increase(130, 10_000),
      ];
      const t = run(events, { policy: DEFAULT_POLICY, profile: { ...profile, verified: true }, until: 131 });
      return stepOn(t, "apply", 130);
    };
    expect(granted(2_000)).toMatchObject({ decision: "approved_lower", limit: 800_000 });
    expect(granted(4_000)).toMatchObject({ decision: "approved_lower", limit: 600_000 });
    const most = granted(8_000);
    expect(most).toMatchObject({ decision: "declined", limit: 500_000 });
    expect(most.facts).toContainEqual(
      expect.objectContaining({
        code: "DEBT_TO_INCOME_TOO_HIGH",
        line: "jiebei",
        parameter: "jiebeiMaxDebtToIncome",
      }),
    );
  });

  it("an application is held to the other line's suspension once used even when the review suspends that line on the file as it is", () => {
    // PROPERTY_SEED=9095: ¥3,000 a month, a ¥500 Huabei and a ¥1,000 Jiebei line, ¥29,683.10 elsewhere and
    // ¥6,316.91 more on day 75: Jiebei reads 1.01 of its cap on the file as it is (the review of day 105
    // suspends it), and a ¥500 Huabei increase asked on day 90 was granted — left aside as Jiebei's own failure — while at
    // ¥3,001, Jiebei at 0.99 as it is and 1.02 once used, it was declined. More credit for the poorer
    // customer: declined for both, for Jiebei's ratio once used
    const events: EventInput[] = [
      on.open(0, 500),
      on.open(0, 1_000, "jiebei"),
      { day: 0, type: "external_debt", amount: 461_283 },
      { day: 75, type: "external_debt", amount: 631_691 },
      on.increase(90, 500),
      ...daysOfMonth(10, 31, 250).flatMap((d) => [on.repay(d, "full"), on.repay(d, "statement", "jiebei")]),
    ];
    const at = (monthlyIncome: number) =>
      run(events, {
        policy: DEFAULT_POLICY,
        profile: { monthlyIncome, creditHistoryMonths: 36, externalDebt: 2_507_027 },
        until: 120,
      });
    for (const income of [3_000, 3_001]) {
      const raise = stepOn(at(income), "apply", 90);
      expect(raise, `¥${income}`).toMatchObject({ decision: "declined", limit: 50_000 });
      expect(raise.facts).toContainEqual(
        expect.objectContaining({ code: "DEBT_TO_INCOME_TOO_HIGH", line: "jiebei" }),
      );
    }
    // the poorer customer's Jiebei is the one the review suspends on the file as it is
    expect(stepOn(at(3_000), "review", 105)).toMatchObject({ line: "jiebei", decision: "suspended" });
    expect(stepsOf(at(3_001), "review", 105)).toEqual([]);
  });

  // Huabei suspended for an income of ¥200 (day 14); ¥15,000 more elsewhere on day 16 takes Jiebei past its
  // cap of 1 for any income under ¥1,250 — the story of the two tests below
  const huabeiHeldForIncome = {
    start: [on.open(0, 2_000), on.open(0, 5_000, "jiebei"), on.income(2, 200), on.externalDebt(16, 15_000)],
    options: {
      policy: DEFAULT_POLICY,
      profile: { monthlyIncome: 5_000, creditHistoryMonths: 36 },
      until: 46,
    },
  };

  it("a suspension the review makes of the other line on the file as it is holds nothing: that line's own failure", () => {
    // Huabei suspended for an income of ¥200 (day 14); ¥15,000 more elsewhere on day 16 takes Jiebei past its
    // cap of 1 for any income under ¥1,250, so the review of day 45 suspends Jiebei whatever Huabei does.
    // Customer service's advice for Huabei is ¥646 a month (its cap of 2 with Huabei's ¥500 used): followed,
    // the review restores Huabei then — not a month later, held for a Jiebei it suspends the same day
    const { start, options } = huabeiHeldForIncome;
    const answer = stepOn(run([...start, on.support(20)], options), "contact_support", 20);
    expect(answer.remedies).toContainEqual(
      expect.objectContaining({
        line: "huabei",
        kind: "reduce_debt",
        income: 646,
        review: expect.objectContaining({ day: 45 }),
      }),
    );
    const review = (income: number) =>
      run([...start, on.income(20, income)], options).steps.filter(
        (s) => s.day === 45 && s.event.type === "review",
      );
    expect(review(646).map((s) => [s.line, s.decision])).toEqual([
      ["huabei", "restored"],
      ["jiebei", "suspended"],
    ]);
  });

  it("an income step says the incomes above it that the review it names would not honour: the other line's kept there holds this one", () => {
    // as above: ¥646 restores Huabei on day 45 (Jiebei suspended on its own); from ¥1,250, what Jiebei's own
    // step asks, that review keeps Jiebei — and Huabei's ¥500 used would take it past its cap of 1, so
    // Huabei is held until ¥1,292. "At least ¥646" promised Huabei back at ¥1,260
    const { start, options } = huabeiHeldForIncome;
    const answer = stepOn(run([...start, on.support(20)], options), "contact_support", 20);
    const huabei = answer.remedies.find((r) => r.line === "huabei" && r.kind === "reduce_debt");
    const jiebei = answer.remedies.find((r) => r.line === "jiebei" && r.kind === "reduce_debt");
    if (huabei?.kind !== "reduce_debt" || jiebei?.kind !== "reduce_debt") throw new Error("no debt steps");
    expect(huabei).toMatchObject({
      income: 646,
      notBetween: { line: "jiebei", from: 1_250, to: 1_291, both: 1_292, repaid: true },
    });
    expect(jiebei.income).toBe(1_250);
    expect(jiebei.notBetween).toBeUndefined();
    // the range is the income route's: with nothing repaid — the ¥9,500 asked repaid elsewhere, ¥1,250 does
    expect(describeRemedy(huabei)).toMatch(
      /\. Not a monthly income from ¥1,250\.00 to ¥1,291\.00 with nothing repaid \(with the repayment asked, the income Jiebei's step asks does\): that review then keeps Jiebei, which Huabei, used, would take past its cap, and does not leave Huabei active; from ¥1,292\.00 a month with nothing repaid, that review leaves both Huabei and Jiebei active$/,
    );
    const repaidAt = (income: number) =>
      run([...start, on.income(20, income), on.externalRepayment(20, 9_500)], options).final;
    expect(repaidAt(1_250).status).toBe("active");
    expect(repaidAt(1_250).jiebei.status).toBe("active");
    // played forward, each line as its step says: Huabei active after day 45's review for the incomes told,
    // not in the range it names; Jiebei kept from the income its step tells
    const reviewed = (income: number) => run([...start, on.income(20, income)], options).final;
    for (const income of [646, 1_000, 1_249, 1_292, 2_000])
      expect(reviewed(income).status, `¥${income}`).toBe("active");
    for (const income of [1_250, 1_270, 1_291])
      expect(reviewed(income).status, `¥${income}`).toBe("suspended");
    for (const income of [1_250, 1_291, 1_292])
      expect(reviewed(income).jiebei.status, `¥${income}`).toBe("active");
  });

  it("a debt step says when the other line's, followed with it, leaves its line suspended: the repayment that restores both", () => {
    // both lines suspended for ¥23,395 more elsewhere on ¥2,000 a month (cap 0.5, reviews on the 1st): Huabei's
    // step asks ¥12,316.33 repaid elsewhere, Jiebei's nothing — repaid with Huabei's, the review of day 60
    // restores Huabei at ¥500 and holds Jiebei (the two used, Huabei would fail its cap); ¥13,395 restores both
    const start = [
      on.open(0, 1_000),
      on.open(0, 1_000, "jiebei"),
      on.borrow(1, 500, 6),
      on.purchase(1, 100),
      on.externalDebt(1, 23_395),
      on.repay(32, "minimum", "jiebei"),
      on.repay(40, "minimum"),
    ];
    const options = {
      policy: { ...DEFAULT_POLICY, reviewDayOfMonth: 1, maxDebtToIncome: 0.5 },
      profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 0 },
      until: 60,
    };
    const answer = stepOn(run([...start, on.support(40)], options), "contact_support", 40);
    const debt = (line: LineId) => answer.remedies.find((r) => r.line === line && r.kind === "reduce_debt");
    const huabei = debt("huabei");
    const jiebei = debt("jiebei");
    if (huabei?.kind !== "reduce_debt" || jiebei?.kind !== "reduce_debt") throw new Error("no debt steps");
    expect(huabei.repay).toEqual([{ debt: "elsewhere", amount: 1_231_633, all: false }]);
    expect(huabei.withOther).toBeUndefined();
    // Jiebei's own step: counted with Huabei restored first (huabeiBack) it asked ¥816.33 — but followed
    // alone, Huabei is left suspended there (its own step asks ¥12,316.33), read as reported, and the review
    // of day 60 restores Jiebei with ¥418.55 repaid: the least that lets the line restored lend its smallest
    // loan (¥500 and a month's interest) within its cap of 1.00, its ratio as that review reads it
    expect(jiebei.repay).toEqual([{ debt: "elsewhere", amount: 41_855, all: false }]);
    expect(jiebei.over).toBe(41_855);
    expect(jiebei.ratio).toBeGreaterThan(jiebei.max);
    expect(jiebei.restoring).toEqual({
      counted: [{ line: "jiebei", limit: 100_000 }],
      used: 1,
      reported: ["huabei"],
    });
    expect(describeRemedy(jiebei)).toMatch(
      /^Jiebei: repay at least ¥418\.55 of the debt elsewhere .* to bring total debt \/ annual income from 1\.02 to at most 1\.00 at the periodic review on 2024-03-01 \(day 60\)/,
    );
    // …and the JSON says what the step says: the income its own step asks, and Jiebei's debt ratio over its
    // cap as that review reads it, beside Huabei's
    expect(jiebei.income).toBe(2_111);
    const debtFacts = answer.facts.filter((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH");
    expect(debtFacts.map((f) => f.line)).toEqual(["huabei", "jiebei"]);
    expect(answer.reasons).toContain("DEBT_TO_INCOME_TOO_HIGH");
    expect(jiebei.withOther).toEqual({
      line: "huabei",
      repay: [{ debt: "elsewhere", amount: 1_339_500, all: false }],
      over: 1_339_500,
    });
    expect(describeRemedy(jiebei)).toMatch(
      /\. Repaid with Huabei's step \(the larger of each amount\), that review restores Huabei and not Jiebei \(the two restored and used, one would fail the standard a line is kept to\): repay at least ¥13,395\.00 of the debt elsewhere to restore both$/,
    );
    // played forward: each step alone restores its line, Huabei's restores Huabei and not Jiebei, and the
    // amount named restores both — a fen less does not
    const reviewed = (yuan: number) => run([...start, on.externalRepayment(40, yuan)], options).final;
    const statuses = (yuan: number) => [reviewed(yuan).status, reviewed(yuan).jiebei.status];
    expect(statuses(0)).toEqual(["suspended", "suspended"]);
    expect(statuses(12_316.33)).toEqual(["active", "suspended"]);
    expect(statuses(13_395)).toEqual(["active", "active"]);
    expect(statuses(13_394.99)).toEqual(["active", "suspended"]);
  });

  it("a drawdown counts Huabei at its limit: cash that fits only while Huabei is unused is declined", () => {
    // ¥8,000 a month, Jiebei's cap of 1: ¥96,000. Huabei's ¥5,000 line unused, ¥88,000 elsewhere: a
    // ¥4,000 loan fits today's balances (¥92,000 and its interest) but not Huabei used (¥97,000: 1.02)
    const events = (yuan: number) => [
      on.open(0, 5_000),
      on.open(0, 10_000, "jiebei"),
      on.borrow(2, yuan, 12),
    ];
    const policy = { ...DEFAULT_POLICY, jiebeiMinOpenScore: 350, jiebeiMinScore: 350, minScore: 350 };
    const options = {
      policy,
      profile: { ...profile, externalDebt: 88_000 * 100, creditHistoryMonths: 60 },
      until: 3,
    };
    const borrow = stepOn(run(events(4_000), options), "borrow", 2);
    expect(borrow.decision).toBe("declined");
    expect(borrow.facts).toEqual([
      { code: "DEBT_TO_INCOME_TOO_HIGH", parameter: "jiebeiMaxDebtToIncome", threshold: 1, value: 1.02 },
    ]);
    // ¥2,000 is within it, Huabei used
    expect(stepOn(run(events(2_000), options), "borrow", 2).decision).toBe("approved");
  });
});

describe("kept once used: an active Jiebei counted at what it owes once drawn, or its report if more", () => {
  it("not its report plus the drawdowns: a review reads the same ratio however much interest accrued since (PROPERTY_SEED=9176)", () => {
    // a debt cap of 0.5; ¥2,000 a month dropped to ¥250, a ¥500 Huabei (cut from ¥1,000) and a ¥1,500 Jiebei (cut from ¥2,767)
    // with ¥1,383.50 borrowed over 6 months, both suspended for changed details on day 12, Huabei for its
    // debt ratio too on day 47. On day 61 Jiebei's second instalment is paid (its report, of February's
    // end, still shows about ¥1,166; it owes ¥922.34), ¥373 a month reported and the identity verified:
    // Jiebei restored. Counted as the report plus the ¥577.66 left to draw, Jiebei was about ¥1,743 — more
    // than its limit — and ¥5.54 less by day 76 as its interest accrued: the early review on day 61 declined
    // Huabei at 0.51, the periodic one on day 76 restored it at 0.50. Used in full, Jiebei owes its ¥1,500.
    const policy = {
      ...DEFAULT_POLICY,
      reviewDayOfMonth: 17,
      restoreCleanDays: 17,
      closeAfterSuspendedDays: 36,
      maxDebtToIncome: 0.5,
    };
    const profile = { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 0 };
    const events = (early: boolean): EventInput[] => [
      on.open(0, 1_000),
      on.open(0, 2_767, "jiebei"),
      on.borrow(1, 1_383.5, 6),
      on.purchase(1, 100),
      on.income(1, 250),
      on.change(8, "phone"),
      on.change(10, "address"),
      on.change(12, "device"),
      on.repay(32, "minimum", "jiebei"),
      on.repay(40, "minimum"),
      on.repay(61, "minimum", "jiebei"),
      on.income(61, 373),
      on.verify(61),
      ...(early ? [on.requestReview(61, "huabei")] : []),
      on.repay(69, "minimum"),
    ];
    const ratio = (s: Step) =>
      s.facts.find((f) => f.code === "DEBT_BURDEN_REDUCED" || f.code === "DEBT_TO_INCOME_TOO_HIGH")?.value;
    const asked = stepOn(run(events(true), { policy, profile, until: 62 }), "request_review", 61);
    const periodic = run(events(false), { policy, profile, until: 77 }).steps.find(
      (s) => s.day === 76 && s.line === "huabei" && s.event.type === "review",
    )!;
    expect(periodic.decision).toBe("restored");
    expect(asked.decision).toBe("restored");
    // Huabei at its ¥500 limit and Jiebei at its ¥1,500, over ¥4,476 a year
    expect(ratio(asked)).toBe(0.45);
    expect(ratio(periodic)).toBe(ratio(asked));
  });

  it("nothing counted used (grantUsedFraction 0): Jiebei as its report shows it, not what it owes since", () => {
    // ¥3,000 drawn on day 5, before any report (¥1,000 owed elsewhere): the file as it is has none of it,
    // as none of the ¥800 spent on Huabei
    const policy = { ...DEFAULT_POLICY, grantUsedFraction: 0 };
    const profile = {
      monthlyIncome: 8_000,
      verified: true,
      creditHistoryMonths: 24,
      externalDebt: 100_000,
    };
    let c: Customer | null = null;
    runEngine(
      scenario(
        [on.open(0, 5_000), on.open(0, 10_000, "jiebei"), on.purchase(4, 800), on.borrow(5, 3_000, 6)],
        { policy, profile, until: 10 },
      ),
      {
        end: (s) => {
          c = s.customer;
        },
      },
    );
    const file = c as unknown as Customer;
    expect(file.jiebei.status).toBe("active");
    expect(owed(file.jiebei)).toBeGreaterThan(file.jiebei.reportedBalance);
    expect(applicationDebt(file, file.huabei, true)).toBe(
      file.profile.externalDebt + file.huabei.reportedBalance + file.jiebei.reportedBalance,
    );
  });
});

// A policy change that lowers the score's limit band cuts the lines it reaches at the first review after it,
// whatever the score: reduceLimitScore is a margin against a score moving a few points (at or above it, the
// score's band does not cut), not a promise that a line keeps what an earlier policy allowed. A lender that
// lowers its limits by score cuts its book to them (the third cause of a change of line: a policy
// adjustment). Only where the change lowered the band at the line's own score, and only at that review:
// afterwards the margin holds again.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import { describeFact } from "../../src/scenario/format.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { DEFAULT_POLICY } from "./builders.js";

const DEFAULT_BANDS = "{ minScore: 620, maxLimit: 3000 }, { minScore: 680, maxLimit: 6000 }";
const run = (bands: string, extra = "") =>
  simulate(
    loadScenarioText(
      `
name: a band lowered by the policy
start: 2024-01-01
until: 200
policy: default
profile: { age: 30, monthlyIncome: 10000, verified: true, creditHistoryMonths: 36, externalDebt: 180000 }
events:
  - { day: 0, type: apply, product: open, amount: 10000 }
  - { day: 5, type: purchase, amount: 300 }
  - { day: 40, type: repay, amount: full }
  - { day: 100, type: policy, set: { limitBands: [${DEFAULT_BANDS}, ${bands}] } }
${extra}`,
      join(process.cwd(), "scenarios", "policy-band-cut.yaml"),
    ).scenario,
  );

const cuts = (t: ReturnType<typeof run>) => t.steps.filter((s) => s.decision === "limit_reduced");
/** The score on `day` (the series holds each change of the score). */
const scoreOn = (t: ReturnType<typeof run>, day: number) =>
  t.scoreSeries.filter((p) => p.day <= day).at(-1)!.score;
const { reduceLimitScore } = DEFAULT_POLICY;

describe("a policy change lowering the score's limit band", () => {
  it("cuts a line scoring above reduceLimitScore to the new band, citing the change and the band before it", () => {
    // ¥10,000 granted at 760 (the 720 band's ¥10,000); 810 on day 105, the 780 band ¥20,000 → ¥8,000
    const t = run(
      "{ minScore: 720, maxLimit: 6000 }, { minScore: 780, maxLimit: 8000 }, { minScore: 840, maxLimit: 50000 }",
    );
    const [at] = cuts(t);
    expect(at?.day).toBe(105);
    expect(at!.score).toBeGreaterThanOrEqual(reduceLimitScore);
    expect(at!.limit).toBe(800_000);
    expect(at!.reasons.slice(0, 2)).toEqual(["POLICY_CHANGE", "SCORE_BELOW_LIMIT_BAND"]);
    const fact = at!.facts.find((f) => f.code === "SCORE_BELOW_LIMIT_BAND")!;
    expect(fact).toMatchObject({ value: 1_000_000, threshold: 800_000, before: 2_000_000 });
    expect(describeFact(fact)).toContain("¥20,000.00 before the policy change");
  });

  it("leaves the line where the change did not lower the band at its score", () => {
    // only the 720 band lowered (¥10,000 → ¥6,000): at 810 the line's band is still ¥20,000
    const t = run(
      "{ minScore: 720, maxLimit: 6000 }, { minScore: 780, maxLimit: 20000 }, { minScore: 840, maxLimit: 50000 }",
    );
    expect(scoreOn(t, 105)).toBeGreaterThanOrEqual(780);
    expect(cuts(t)).toEqual([]);
    expect(t.final.limit).toBe(1_000_000);
  });

  it("only at the first review after the change: later, the margin holds the limit against the score's moves", () => {
    // cut to ¥8,000 on day 105; the debt elsewhere rises on day 110 and takes the score into the 720 band
    // (¥6,000), above reduceLimitScore: the later reviews keep ¥8,000
    const t = run(
      "{ minScore: 720, maxLimit: 6000 }, { minScore: 780, maxLimit: 8000 }, { minScore: 840, maxLimit: 50000 }",
      "  - { day: 110, type: external_debt, amount: 60000 }",
    );
    expect(cuts(t).map((s) => [s.day, s.limit])).toEqual([[105, 800_000]]);
    expect(t.final.limit).toBe(800_000);
    for (const day of [135, 166, 196]) {
      expect(scoreOn(t, day)).toBeGreaterThanOrEqual(reduceLimitScore);
      expect(scoreOn(t, day)).toBeLessThan(780);
    }
  });
});

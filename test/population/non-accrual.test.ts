// Non-accrual: a line 90 or more days past due at the end of the horizon, not charged off, does not count
// the charges it has not repaid as revenue (docs/populations.md); a line that repays them, or is not yet
// that far behind, counts every charge.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EngineState, EVENT_TYPES, lineTotals, run } from "../../src/engine/index.js";
import type { ArmAggregate } from "../../src/population/aggregate.js";
import { lineRevenue, type Outcome, OutcomeRecorder } from "../../src/population/outcome.js";
import { runRange } from "../../src/population/runner.js";
import { NON_ACCRUAL_DAYS, populationContext } from "../../src/population/settings.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import { arm, policy, settings, shipped } from "./helpers.js";

const byName = (name: string) => shipped.find((p) => p.name === name)!;

// both lines drawn on; the Huabei bill of day 35's purchase (due day 69) and every Jiebei instalment
// unpaid: penalties run on both
const EVENTS = [
  "  - { day: 0, type: apply, product: open, amount: 8000 }",
  "  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }",
  "  - { day: 5, type: purchase, amount: 1500, merchant: JD }",
  "  - { day: 10, type: borrow, amount: 6000, term: 6 }",
  "  - { day: 35, type: purchase, amount: 2000, merchant: Tmall }",
  "  - { day: 38, type: repay, amount: statement }",
];

/** The account's outcome recorded over days 0 … until, and its end state. */
function outcome(until: number, extra: string[] = []): { o: Outcome; state: EngineState } {
  const text = [
    "name: non-accrual",
    "start: 2024-01-01",
    `until: ${until}`,
    "policy: default",
    "profile: { age: 30, monthlyIncome: 9000, verified: true, creditHistoryMonths: 36, externalDebt: 0 }",
    "events:",
    ...EVENTS,
    ...extra,
  ].join("\n");
  const { scenario } = loadScenarioText(text, join(ROOT, "non-accrual.yaml"));
  const rec = OutcomeRecorder.start(
    populationContext(settings({ days: until + 1 })),
    new Int32Array(EVENT_TYPES.length),
  );
  let end: EngineState | null = null;
  run(scenario, {
    end: (state) => {
      end = state;
      rec.endOfDay(state, until, () => 0);
    },
  });
  return { o: rec.o, state: end! };
}

const charged = (l: Outcome["lines"][number]) => l.interest + l.fees + l.penalties;

describe("non-accrual", () => {
  it("a line 90+ days past due at the end, not charged off, earns none of the charges it has not repaid", () => {
    const { o, state } = outcome(200);
    for (const [i, id] of (["huabei", "jiebei"] as const).entries()) {
      const t = lineTotals(state, id);
      const l = o.lines[i]!;
      expect(t.status).not.toBe("charged_off");
      expect(t.overdueDays).toBeGreaterThanOrEqual(NON_ACCRUAL_DAYS);
      expect(l.penalties).toBeGreaterThan(0);
      // nothing of the charges was repaid: none of them is income
      expect(l.nonAccrual).toBeGreaterThan(0);
      expect(lineRevenue(l)).toBe(charged(l) - l.nonAccrual);
      expect(l.nonAccrual).toBeLessThanOrEqual(charged(l));
    }
    // Huabei's first bill was repaid on time and its charges are counted; Jiebei repaid nothing
    expect(o.lines[1].nonAccrual).toBe(charged(o.lines[1]));
  });

  it("a line repaid by the end, or fewer than 90 days past due, counts every charge", () => {
    const repaid = outcome(200, [
      "  - { day: 199, type: repay, amount: full }",
      "  - { day: 199, type: repay, line: jiebei, amount: full }",
    ]);
    for (const l of repaid.o.lines) {
      expect(l.penalties).toBeGreaterThan(0);
      expect(l.nonAccrual).toBe(0);
      expect(lineRevenue(l)).toBe(charged(l));
    }
    // the day before the Huabei line reaches NON_ACCRUAL_DAYS past due, and that day
    const atDay = (dpd: number) => {
      const probe = outcome(200).state;
      const since = 200 - lineTotals(probe, "huabei").overdueDays;
      return outcome(since + dpd);
    };
    const before = atDay(NON_ACCRUAL_DAYS - 1);
    expect(lineTotals(before.state, "huabei").overdueDays).toBe(NON_ACCRUAL_DAYS - 1);
    expect(before.o.lines[0].penalties).toBeGreaterThan(0);
    expect(before.o.lines[0].nonAccrual).toBe(0);
    const at = atDay(NON_ACCRUAL_DAYS);
    expect(at.o.lines[0].nonAccrual).toBeGreaterThan(0);
  });
});

describe("non-accrual across the figures", () => {
  it("the paired revenue difference is the arms' revenue difference, non-accrual taken out of both", () => {
    const s = settings({ days: 300, arms: [arm(policy, { minScore: 700 })] });
    const r = runRange(s, [byName("stretched")], 0, 150);
    const revenue = (a: ArmAggregate) =>
      a.lines.reduce((t, l) => t + l.interest + l.fees + l.penalties - l.nonAccrual, 0);
    const [champion, challenger] = [r.arms[0]![0]!, r.arms[1]![0]!];
    expect(champion.lines[0]!.nonAccrual + champion.lines[1]!.nonAccrual).toBeGreaterThan(0);
    expect(r.paired![0]!.continuous.revenue.sum).toBe(revenue(challenger) - revenue(champion));
  });
});

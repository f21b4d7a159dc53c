// @module-tag property
// The limit given back (review/give-back.ts), over random timelines: incomes that fall and rise, debt
// elsewhere, purchases and repayments on time, late or not at all. A periodic review that gives a limit
// back never gives more than the limit before the cut (the first since the way back: an increase, a
// reopening, a limit given back whole), never while anything is past due on either line, never within
// the increase cooldown of the cut or of a raise, and never on a line it does not keep active.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { LineId, Snapshot, Trace } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { type EventInput, scenario, testPolicy } from "./builders.js";

const RUNS = propertyRuns(60);

const lineOf = (s: Snapshot, line: LineId) => (line === "jiebei" ? s.jiebei : s);

const day = fc.integer({ min: 0, max: 360 });
const event: fc.Arbitrary<EventInput> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      day,
      type: fc.constant("income" as const),
      monthlyIncome: fc.integer({ min: 0, max: 12_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      day,
      type: fc.constant("purchase" as const),
      amount: fc.integer({ min: 100, max: 300_000 }),
      merchant: fc.constant(null),
      instalments: fc.constant(null),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      day,
      type: fc.constant("borrow" as const),
      amount: fc.integer({ min: 50_000, max: 500_000 }),
      term: fc.constantFrom(3 as const, 6 as const, 12 as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      day,
      type: fc.constant("repay" as const),
      line: fc.constantFrom("huabei" as const, "jiebei" as const),
      amount: fc.constantFrom(
        { kind: "full" as const },
        { kind: "minimum" as const },
        { kind: "statement" as const },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      day,
      type: fc.constant("external_debt" as const),
      amount: fc.integer({ min: 100_000, max: 3_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      day,
      type: fc.constant("external_repayment" as const),
      amount: fc.integer({ min: 100_000, max: 3_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      day,
      type: fc.constant("apply" as const),
      line: fc.constantFrom("huabei" as const, "jiebei" as const),
      product: fc.constant("increase" as const),
      amount: fc.integer({ min: 10, max: 300 }).map((h) => h * 10_000),
    }),
  },
);

// income that falls and comes back: the cut and the give-back the property is about
const dip = fc
  .record({
    from: fc.integer({ min: 0, max: 200 }),
    length: fc.integer({ min: 10, max: 150 }),
    low: fc.integer({ min: 0, max: 2_000 }),
    high: fc.integer({ min: 2_000, max: 12_000 }),
  })
  .map(({ from, length, low, high }): EventInput[] => [
    { day: from, type: "income", monthlyIncome: low },
    { day: from + length, type: "income", monthlyIncome: high },
  ]);

/** A small purchase each month, and each month's bills repaid in full on the due day (the 10th of 2024's
 *  months) or `late` days after it: past the grace, a review on the 15th finds them past due. */
const repayments = fc
  .array(
    fc.record({ late: fc.constantFrom(0, 0, 0, 5, 20, 40), spent: fc.integer({ min: 100, max: 50_000 }) }),
    {
      minLength: 13,
      maxLength: 13,
    },
  )
  .map((months) =>
    months.flatMap(({ late, spent }, m): EventInput[] => {
      const due = Math.round((Date.UTC(2024, m + 1, 10) - Date.UTC(2024, 0, 1)) / 86_400_000);
      return [
        { day: due - 25, type: "purchase", amount: spent, merchant: null, instalments: null },
        { day: due + late, type: "repay", line: "huabei", amount: { kind: "full" } },
        { day: due + late, type: "repay", line: "jiebei", amount: { kind: "statement" } },
      ];
    }),
  );

const giveBackArb = fc
  .record({
    habits: fc.array(event, { maxLength: 20 }),
    dips: fc.array(dip, { minLength: 1, maxLength: 2 }),
    repaid: repayments,
    openHuabei: fc.integer({ min: 10, max: 300 }).map((h) => h * 10_000),
    openJiebei: fc.option(
      fc.integer({ min: 10, max: 300 }).map((h) => h * 10_000),
      { freq: 2 },
    ),
    income: fc.integer({ min: 0, max: 12_000 }),
    multiple: fc.constantFrom(1, 2, 3, 6),
    cooldown: fc.constantFrom(0, 31, 60, 90),
    clean: fc.constantFrom(0, 30, 90, 180),
    reduceLimitScore: fc.constantFrom(350, 600, 700),
  })
  .map((d) => {
    const opening: EventInput[] = [
      { day: 0, type: "apply", line: "huabei", product: "open", amount: d.openHuabei },
    ];
    if (d.openJiebei !== null)
      opening.push({ day: 0, type: "apply", line: "jiebei", product: "open", amount: d.openJiebei });
    const policy = testPolicy({
      maxLimitIncomeMultiple: d.multiple,
      jiebeiMaxLimitIncomeMultiple: d.multiple,
      increaseCooldownDays: d.cooldown,
      increaseCleanDays: d.clean,
      reduceLimitScore: d.reduceLimitScore,
      limitBands: [
        { minScore: 350, maxLimit: 1_000 },
        { minScore: 650, maxLimit: 3_000 },
        { minScore: 750, maxLimit: 100_000 },
      ],
    });
    return scenario([...opening, ...d.habits, ...d.dips.flat(), ...d.repaid], {
      policy,
      until: 400,
      profile: { monthlyIncome: d.income, creditHistoryMonths: 36 },
    });
  });

/** Each give-back on `line` against the line's own history in the trace; how many there were. */
function checkGiveBacks(t: Trace, line: LineId, cooldown: number): number {
  let held = 0;
  // the limit before the first cut since the way back, and the day of the last cut or raise
  let before: number | null = null;
  let lastChange = Number.NEGATIVE_INFINITY;
  let prev: Snapshot | null = null;
  let given = 0;
  for (const s of t.steps) {
    const l = lineOf(s, line);
    const limit = l.status === "none" || l.status === "closed" || l.status === "charged_off" ? 0 : l.limit;
    const back = s.line === line && s.reasons.includes("LIMIT_GIVEN_BACK");
    if (back) {
      given++;
      const where = `${line}'s give-back on day ${s.day}`;
      expect(s.decision, where).toBe("limit_restored");
      expect(l.status, where).toBe("active");
      expect(before, `${where}: a cut on record`).not.toBeNull();
      const fact = s.facts.find((f) => f.code === "LIMIT_GIVEN_BACK")!;
      expect(limit, `${where}: above the limit held`).toBeGreaterThan(held);
      expect(fact.from, where).toBe(held);
      expect(limit, `${where}: never above what the fact names`).toBeLessThanOrEqual(fact.threshold!);
      expect(fact.threshold!, `${where}: never above the limit before the cut`).toBeLessThanOrEqual(before!);
      // nothing past due on either line, before the review and after it
      expect(s.overdue + s.jiebei.overdue, `${where}: past due`).toBe(0);
      expect((prev?.overdue ?? 0) + (prev?.jiebei.overdue ?? 0), `${where}: past due before`).toBe(0);
      expect(s.day - lastChange, `${where}: within the cooldown`).toBeGreaterThanOrEqual(cooldown);
      if (limit >= before!) before = null;
      lastChange = s.day;
    } else if (limit < held && limit > 0) {
      before ??= held;
      lastChange = s.day;
    } else if (limit > held || limit === 0) {
      // a raise (an increase, a reopening) is the way back; a line closed ends it
      before = null;
      if (limit > held) lastChange = s.day;
    }
    held = limit;
    prev = s;
  }
  return given;
}

describe("a limit given back, over random timelines", () => {
  it("never above the limit before the cut, never while past due, never within the cooldown", () => {
    let given = 0;
    fc.assert(
      fc.property(giveBackArb, (sc) => {
        const t = simulate(sc);
        for (const line of ["huabei", "jiebei"] as const)
          given += checkGiveBacks(t, line, sc.policy.increaseCooldownDays);
      }),
      { numRuns: RUNS },
    );
    // not vacuous: limits given back
    expect(given).toBeGreaterThan(RUNS / 10);
  });
});

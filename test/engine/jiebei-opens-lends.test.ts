// @module-tag property
// A lender does not open a cash line it would refuse every drawdown on: an opening of Jiebei counts the
// smallest loan the line lends (the policy's minimum, with the interest the drawdown's check counts on it
// to a month end), so that whenever Jiebei opens, that loan asked the same day is not declined for the debt
// cap — an opening declined for the debt burden opens, and lends, once customer service's repayment
// elsewhere is made to the fen, and a line suspended for the burden and restored lends it the next day.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { DEFAULT_POLICY, daysOfMonth, type EventInput, on, run } from "./builders.js";

const RUNS = propertyRuns(100);

/** A customer near Jiebei's debt cap: an income, debt elsewhere, perhaps a Huabei line and some of it spent. */
const drawn = fc.record({
  income: fc.integer({ min: 2_000, max: 20_000 }),
  // debt elsewhere that leaves so many fen below Jiebei's cap of 1 once Huabei is used (over it, when
  // negative): the smallest loan, and its interest, fit or not
  gap: fc.integer({ min: -100_000, max: 300_000 }),
  huabei: fc.option(fc.integer({ min: 10, max: 150 }).map((h) => h * 100)),
  spent: fc.integer({ min: 0, max: 100 }),
  // the day Jiebei is asked for: any day of a month (2024-01-01 is day 0)
  apply: fc.integer({ min: 20, max: 80 }),
  // the later application, after customer service's answer
  again: fc.integer({ min: 1, max: 40 }),
});

type Drawn = typeof drawn extends fc.Arbitrary<infer T> ? T : never;

function timeline(d: Drawn) {
  const events: EventInput[] = [];
  if (d.huabei !== null) {
    events.push(on.open(0, d.huabei));
    if (d.spent > 0) {
      events.push(on.purchase(5, Math.floor((d.huabei * d.spent) / 100)));
      // each bill repaid on its due day: nothing overdue, no interest — the debt moves only as asked
      for (const due of daysOfMonth(10, 6, 130)) events.push(on.repay(due, "statement"));
    }
  }
  const profile = {
    monthlyIncome: d.income,
    verified: true,
    creditHistoryMonths: 60,
    externalDebt: Math.max(0, d.income * 12 * 100 - (d.huabei ?? 0) * 100 - d.gap),
  };
  return { events, profile };
}

const smallest = DEFAULT_POLICY.jiebeiMinDrawdown;

describe("Jiebei opens only where it lends its smallest loan", () => {
  it("whenever Jiebei opens, its smallest loan asked the same day is not declined for the debt cap", () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const { events, profile } = timeline(d);
        const trace = run([...events, on.open(d.apply, 20_000, "jiebei"), on.borrow(d.apply, smallest, 3)], {
          policy: DEFAULT_POLICY,
          profile,
          until: d.apply + 1,
        });
        const opened = trace.steps.find((s) => s.event.type === "apply" && s.line === "jiebei")!;
        const borrowed = trace.steps.find((s) => s.event.type === "borrow")!;
        if (opened.decision !== "approved") return;
        expect(borrowed.reasons).not.toContain("DEBT_TO_INCOME_TOO_HIGH");
      }),
      { numRuns: RUNS },
    );
  });

  it("an opening declined for the debt burden opens and lends once the repayment elsewhere customer service names is made", () => {
    let followed = 0;
    fc.assert(
      fc.property(drawn, (d) => {
        const { events, profile } = timeline(d);
        const call = d.apply + 1;
        const asked = [...events, on.open(d.apply, 20_000, "jiebei"), on.support(call)];
        const first = run(asked, { policy: DEFAULT_POLICY, profile, until: call });
        const answer = first.steps.find((s) => s.event.type === "contact_support")!;
        const advice = answer.remedies.find((r) => r.kind === "open_line" && r.line === "jiebei") as
          | Extract<Remedy, { kind: "open_line" }>
          | undefined;
        const repay = advice?.debt?.repay;
        if (repay === undefined || repay === null || repay <= 0) return;
        followed++;
        const later = call + d.again;
        const trace = run(
          [
            ...asked,
            on.externalRepayment(call, repay / 100),
            on.open(later, 20_000, "jiebei"),
            on.borrow(later, smallest, 3),
          ],
          { policy: DEFAULT_POLICY, profile, until: later + 1 },
        );
        const again = trace.steps.filter((s) => s.event.type === "apply" && s.line === "jiebei").at(-1)!;
        expect(again.reasons).not.toContain("DEBT_TO_INCOME_TOO_HIGH");
        if (again.decision !== "approved") return;
        const borrowed = trace.steps.find((s) => s.event.type === "borrow")!;
        expect(borrowed.reasons).not.toContain("DEBT_TO_INCOME_TOO_HIGH");
      }),
      { numRuns: RUNS },
    );
    // the draw reaches the advice often enough to mean something
    expect(followed).toBeGreaterThan(RUNS / 10);
  });

  it("a Jiebei line suspended for the debt burden and restored lends its smallest loan the day after", () => {
    let restoredCount = 0;
    fc.assert(
      fc.property(drawn, (d) => {
        const { events, profile } = timeline(d);
        // opened with no debt elsewhere, suspended for what is borrowed elsewhere on day 20, most of it
        // repaid on day 50: the debt left near the cap, by the draw's gap
        const debt = profile.externalDebt;
        const asked = [
          ...events,
          on.open(1, 5_000, "jiebei"),
          on.externalDebt(20, (debt + 3_000_000) / 100),
          on.externalRepayment(50, 30_000),
        ];
        const options = { policy: DEFAULT_POLICY, profile: { ...profile, externalDebt: 0 } };
        const first = run(asked, { ...options, until: 200 });
        const restored = first.steps.find((s) => s.line === "jiebei" && s.decision === "restored");
        if (restored === undefined) return;
        restoredCount++;
        const next = restored.day + 1;
        const trace = run([...asked, on.borrow(next, smallest, 3)], { ...options, until: next });
        const borrowed = trace.steps.find((s) => s.event.type === "borrow")!;
        expect(borrowed.reasons).not.toContain("DEBT_TO_INCOME_TOO_HIGH");
      }),
      { numRuns: RUNS },
    );
    expect(restoredCount).toBeGreaterThan(RUNS / 10);
  });
});

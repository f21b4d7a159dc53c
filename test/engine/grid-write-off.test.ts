// @module-tag property
// The repayment grid after a write-off, over random timelines: a line charged off reads `G` from the month
// of the write-off until the month its written-off debt is repaid in full, and `C` from that month on —
// whatever the calendar, the line, the days to charge-off and the repayments after it (docs/model/
// delinquency.md, "The repayment grid"). Never `G` without a write-off, never `G` after `C`, never a good
// month (`N`, `*`) after the write-off.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Calendar } from "../../src/engine/calendar.js";
import { simulate } from "../../src/engine/simulate.js";
import type { LineId, Snapshot, Step, Trace } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { startDate } from "./arbitraries.js";
import { type EventInput, scenario, testPolicy } from "./builders.js";

const RUNS = propertyRuns(60);

const lineOf = (s: Snapshot, line: LineId) => (line === "jiebei" ? s.jiebei : s);
const monthOf = (s: Step): string => s.date.slice(0, 7);

/** Each line's grid against its charge-off and the first step after it that leaves nothing owed. */
function checkGrid(t: Trace, line: LineId, finalMonth: string): { settled: boolean; chargedOff: boolean } {
  const grid = t.grid[line] ?? [];
  const codes = grid.map((g) => `${g.month}:${g.code}`).join(" ");
  const at = t.steps.findIndex((s) => s.line === line && s.event.type === "charge_off");
  const off = t.steps[at];
  if (off === undefined) {
    expect(codes, `${line}: no write-off, no G`).not.toMatch(/G/);
    return { settled: false, chargedOff: false };
  }
  const paid = t.steps.slice(at).find((s) => lineOf(s, line).balance === 0);
  const from = monthOf(off);
  const settledIn = paid === undefined ? null : monthOf(paid);
  for (const g of grid) {
    const where = `${line} ${g.month} (charged off ${off.date}, repaid in full ${paid?.date ?? "never"}): ${codes}`;
    if (g.month < from) expect(g.code, where).not.toMatch(/[CG]/);
    else if (settledIn !== null && g.month >= settledIn) expect(g.code, where).toBe("C");
    else expect(g.code, where).toBe("G");
  }
  // the last month end on record is the final state's
  const last = grid.at(-1);
  if (last !== undefined && last.month === finalMonth) {
    expect(last.code, `${line}: the final month`).toBe(lineOf(t.final, line).balance === 0 ? "C" : "G");
  }
  return { settled: paid !== undefined, chargedOff: true };
}

const repayment = fc.record({
  day: fc.integer({ min: 1, max: 700 }),
  line: fc.constantFrom("huabei" as const, "jiebei" as const),
  amount: fc.oneof(
    fc.integer({ min: 1, max: 400_000 }).map((fen) => ({ kind: "amount" as const, fen })),
    fc.constantFrom({ kind: "full" as const }, { kind: "statement" as const }, { kind: "minimum" as const }),
  ),
});

/** A customer who spends on one line or both and stops paying; what is repaid later, if anything, is drawn. */
const writeOffArb = fc
  .record({
    start: startDate,
    huabei: fc.option(fc.integer({ min: 100, max: 300_000 }), { freq: 4 }),
    jiebei: fc.option(
      fc.record({
        fen: fc.integer({ min: 10_000, max: 300_000 }),
        term: fc.constantFrom(3 as const, 6 as const, 12 as const),
      }),
      { freq: 3 },
    ),
    chargeOffDays: fc.integer({ min: 30, max: 300 }),
    suspendOverdueDays: fc.integer({ min: 1, max: 60 }),
    statementDayOfMonth: fc.integer({ min: 1, max: 28 }),
    dueDayOfMonth: fc.integer({ min: 1, max: 28 }),
    toleranceAmount: fc.constantFrom(0, 10, 1_000),
    repayments: fc.array(repayment, { maxLength: 8 }),
    until: fc.integer({ min: 200, max: 720 }),
  })
  .map((d) => {
    const events: EventInput[] = [
      { day: 0, type: "apply", line: "huabei", product: "open", amount: 500_000 },
      { day: 0, type: "apply", line: "jiebei", product: "open", amount: 500_000 },
    ];
    if (d.huabei !== null)
      events.push({ day: 1, type: "purchase", amount: d.huabei, merchant: null, instalments: null });
    if (d.jiebei !== null) events.push({ day: 1, type: "borrow", amount: d.jiebei.fen, term: d.jiebei.term });
    events.push(
      ...d.repayments.filter((r) => r.day <= d.until).map((r) => ({ ...r, type: "repay" as const })),
    );
    const policy = testPolicy({
      chargeOffDays: d.chargeOffDays,
      suspendOverdueDays: d.suspendOverdueDays,
      statementDayOfMonth: d.statementDayOfMonth,
      dueDayOfMonth: d.dueDayOfMonth,
      toleranceAmount: d.toleranceAmount,
    });
    return scenario(events, { start: d.start, policy, until: d.until });
  });

describe("the repayment grid after a write-off", () => {
  it("G from the month of the write-off, C from the month its debt is repaid in full — never a good month again", () => {
    const seen = { chargedOff: 0, settled: 0 };
    fc.assert(
      fc.property(writeOffArb, (sc) => {
        const t = simulate(sc);
        for (const line of ["huabei", "jiebei"] as const) {
          const r = checkGrid(t, line, new Calendar(sc.start).date(t.final.day).slice(0, 7));
          if (r.chargedOff) seen.chargedOff++;
          if (r.settled) seen.settled++;
        }
      }),
      { numRuns: RUNS },
    );
    // not vacuous: write-offs drawn, some of them repaid in full
    expect(seen.chargedOff, JSON.stringify(seen)).toBeGreaterThan(RUNS / 4);
    expect(seen.settled, JSON.stringify(seen)).toBeGreaterThan(0);
  });
});

// @module-tag property
// A Jiebei loan repaid as asked, on any calendar: its instalments fall due on the day of the month it was
// drawn (clamped to short months), each paid on its due day keeps it out of arrears, and the interest it
// costs is the equal-principal schedule's to the fen — worked out here from the dates alone (loans.ts's
// header is the rule), not from the engine's own due days or carries.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, parseIsoDate } from "../../src/engine/calendar.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { type EventInput, run, stepsOf, testPolicy } from "./builders.js";

const RUNS = propertyRuns(60);

/** The scenario day of the `dom`th of the month `months` after the one `day` falls in (clamped). */
function sameDayMonthsOn(startEpoch: number, day: number, dom: number, months: number): number {
  const c = civilFromDays(startEpoch + day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const nextFirst = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  const last = civilFromDays(daysFromCivil(nextFirst) - 1).day;
  return daysFromCivil({ year, month, day: Math.min(dom, last) }) - startEpoch;
}

/** The schedule's interest: equal principal (the outstanding over the instalments left, the last the rest),
 *  interest each day from the drawdown on the principal not yet repaid — an instalment's principal in its
 *  grace too, until the day it is paid (`paidDays`) — at a thousandth of a fen a day on each part. The
 *  fractions of a fen an instalment's grace makes join the loan's when that grace ends (joinCarry: the loan
 *  pays its rate on all it was lent); a loan settled leaves its fractions uncharged — the last instalment's
 *  grace, paid within it, its own (loans/carry.ts). */
function scheduleInterest(
  principal: number,
  drawDay: number,
  dueDays: readonly number[],
  paidDays: readonly number[],
  rate: number,
): number {
  const perDay = (fen: number) => Math.round(fen * rate * 1000);
  let outstanding = principal;
  let milli = 0;
  let lastGrace = 0;
  let from = drawDay;
  for (const [i, due] of dueDays.entries()) {
    milli += (due - from) * perDay(outstanding);
    const left = dueDays.length - i;
    const part = left <= 1 ? outstanding : Math.floor(outstanding / left);
    outstanding -= part;
    const grace = (paidDays[i]! - due) * perDay(part);
    if (left <= 1) lastGrace = grace;
    else milli += grace;
    from = due;
  }
  return Math.floor(milli / 1000) + Math.floor(lastGrace / 1000);
}

describe("a Jiebei loan repaid as asked", () => {
  it("falls due monthly on the day it was drawn (clamped), paid in its grace is never overdue, and costs the schedule's interest to the fen", () => {
    fc.assert(
      fc.property(
        fc.record({
          // month ends and a leap day among them: the clamped due days
          start: fc.constantFrom(
            "2024-01-31",
            "2023-12-31",
            "2024-02-29",
            "2023-01-30",
            "2024-03-15",
            "2025-08-31",
          ),
          drawDay: fc.integer({ min: 0, max: 45 }),
          principal: fc.integer({ min: 50_000, max: 5_000_000 }),
          term: fc.constantFrom(3 as const, 6 as const, 12 as const),
          rate: fc.constantFrom(0.0002, 0.0004, 0.00035, 0.0005),
          toleranceAmount: fc.constantFrom(0, 1_000),
          graceDays: fc.constantFrom(0, 3, 5),
          // each instalment paid on its due day or within its grace (a day in `graceDays + 1`)
          late: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        }),
        ({ start, drawDay, principal, term, rate, toleranceAmount, graceDays, late }) => {
          const startEpoch = parseIsoDate(start)!;
          const dom = civilFromDays(startEpoch + drawDay).day;
          const dueDays = Array.from({ length: term }, (_, i) =>
            sameDayMonthsOn(startEpoch, drawDay, dom, i + 1),
          );
          const paidDays = dueDays.map((day, i) => day + (late[i]! % (graceDays + 1)));
          // what the last instalment's principal bore in its grace falls due a month after it
          const spareDue = sameDayMonthsOn(startEpoch, drawDay, dom, term + 1);
          const repay = (day: number): EventInput => ({
            day,
            type: "repay",
            line: "jiebei",
            amount: { kind: "minimum" },
          });
          const events: EventInput[] = [
            { day: 0, type: "apply", line: "jiebei", product: "open", amount: 10_000_000 },
            { day: drawDay, type: "borrow", amount: principal, term },
            ...paidDays.map(repay),
            repay(spareDue),
          ];
          const t = run(events, {
            start,
            until: spareDue + 40,
            policy: testPolicy({ jiebeiRatePerDay: rate, toleranceAmount, graceDays }),
            profile: { monthlyIncome: 100_000 },
          });
          const where = `${start} +${drawDay}: ¥${principal / 100} over ${term} at ${rate}, paid on ${paidDays}`;
          expect(stepsOf(t, "borrow")[0]?.decision, where).toBe("approved");
          const due = stepsOf(t, "due").filter((s) => s.line === "jiebei");
          expect(due.map((s) => s.day).slice(0, term), where).toEqual(dueDays);
          expect(
            t.steps.filter(
              (s) => s.line === "jiebei" && (s.event.type === "overdue" || s.event.type === "waiver"),
            ),
            where,
          ).toEqual([]);
          expect(t.final.jiebei.balance, where).toBe(0);
          expect(t.final.jiebei.charges, where).toBe(
            scheduleInterest(principal, drawDay, dueDays, paidDays, rate),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

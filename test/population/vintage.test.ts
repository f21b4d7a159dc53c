// Vintage curves as docs/populations.md defines them: booking quarters by the calendar, months on book
// from the booking day, an account counted at a month on book only once the horizon has seen all of it;
// and what a risk team expects of them — a steady book's curve below a stretched one's, never falling.

import { describe, expect, it } from "vitest";
import { Calendar } from "../../src/engine/index.js";
import { fromRange } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import { summarise } from "../../src/population/stats.js";
import {
  emptyVintage,
  VINTAGE_MONTHS,
  VintageClock,
  vintageContradiction,
} from "../../src/population/vintage.js";
import { meta, settings, shipped } from "./helpers.js";

describe("the vintage clock", () => {
  it("names the calendar quarters a horizon touches, from the quarter of day 0", () => {
    // 2024-03-25 + 400 days ends on 2025-04-28: Q1 2024 … Q2 2025
    const clock = new VintageClock(new Calendar("2024-03-25"), 400);
    expect(clock.quarters).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2"]);
    expect(clock.quarter(6)).toBe(0); // 31 March
    expect(clock.quarter(7)).toBe(1); // 1 April
  });

  it("counts months on book by the calendar, clamped to short months", () => {
    const cal = new Calendar("2024-01-01");
    const clock = new VintageClock(cal, 800);
    // booked 31 August 2024: six months on book begin on 28 February 2025
    expect(cal.date(clock.onBook(cal.dayOfMonthIn(2024, 8, 31), 6))).toBe("2025-02-28");
    expect(cal.date(clock.onBook(10, 3))).toBe("2024-04-11");
    expect(cal.date(clock.onBook(0, 12))).toBe("2025-01-01");
  });

  it("counts an account at a month on book once the horizon has seen all of it, bad when it went bad before", () => {
    // a year from 2024-01-01 ends on day 364: 12 months from day 0 end on day 365, unseen
    const clock = new VintageClock(new Calendar("2024-01-01"), 365);
    const three = clock.onBook(0, 3); // 1 April, day 91
    const v = emptyVintage(clock.quarters.length);
    clock.add(v, 0, three - 1); // bad on its last day of the third month
    clock.add(v, 0, three); // bad on the first day of the fourth
    clock.add(v, 0, -1); // never bad
    expect(v.booked).toEqual([3, 0, 0, 0]);
    // quarter 0 at 3, 6, 9 and 12 months
    expect(v.seasoned.slice(0, 4)).toEqual([3, 3, 3, 0]);
    expect(v.bad.slice(0, 4)).toEqual([1, 2, 2, 0]);
    // booked on the last day: not seen for three months
    clock.add(v, 364, -1);
    expect(v.booked[3]).toBe(1);
    expect(v.seasoned.slice(3 * VINTAGE_MONTHS.length)).toEqual(VINTAGE_MONTHS.map(() => 0));
    expect(vintageContradiction(v, 4, 2)).toBeNull();
  });

  it("refuses a vintage that contradicts itself or its arm", () => {
    const v = emptyVintage(1);
    v.booked[0] = 10;
    v.seasoned.splice(0, 4, 10, 8, 8, 0);
    v.bad.splice(0, 4, 1, 2, 2, 0);
    expect(vintageContradiction(v, 10, 2)).toBeNull();
    expect(vintageContradiction(v, 11, 2)?.[0]).toBe("vintage.booked");
    expect(vintageContradiction(v, 10, 1)?.[0]).toBe("vintage.bad");
    v.seasoned[2] = 9; // seen nine months, but only eight for six
    expect(vintageContradiction(v, 10, 2)?.[0]).toBe("vintage.seasoned");
  });
});

describe("vintage curves of a population", () => {
  const s = settings({ days: 400, bad: "ever30" });
  const curve = (name: string) => {
    const persona = shipped.find((p) => p.name === name)!;
    const r = fromRange(meta(s, [persona], 150, [0, 150]), runRange(s, [persona], 0, 150));
    return summarise(r).groups[0]!.champion;
  };
  const steady = curve("steady-payer");
  const stretched = curve("stretched");

  it("books every account of a quarter in it, and sees each at every month on book within the horizon", () => {
    for (const arm of [steady, stretched]) {
      const booked = arm.vintage.reduce((n, v) => n + v.booked, 0);
      expect(booked).toBe(arm.risk.all.booked);
      // booked on days 0–14 of a 400-day horizon: all seen for 12 months, none for 18 or 24
      expect(arm.vintage.map((v) => v.quarter)).toEqual(["2024Q1"]);
      expect(arm.vintage[0]!.months.map((m) => m.seasoned)).toEqual([booked, booked, booked, booked, 0, 0]);
    }
  });

  it("a steady payer's curve stays below a stretched customer's, and neither falls with time on book", () => {
    // the months on book the horizon has seen (to 12 of 400 days)
    const rates = (arm: typeof steady) =>
      arm.vintage[0]!.months.filter((m) => m.seasoned > 0).map((m) => m.badRate!);
    const [a, b] = [rates(steady), rates(stretched)];
    for (const r of [a, b]) for (let i = 1; i < r.length; i++) expect(r[i]).toBeGreaterThanOrEqual(r[i - 1]!);
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeLessThanOrEqual(b[i]!);
    // a year on, the stretched book has gone bad several times as often
    expect(b[3]!).toBeGreaterThan(0.05);
    expect(b[3]!).toBeGreaterThan(3 * a[3]!);
    // and the curve ends at the book's bad rate when the horizon holds nothing past 12 months but bads
    expect(b[3]!).toBeLessThanOrEqual(stretched.risk.all.badRate!);
  });
});

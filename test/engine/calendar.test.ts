import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Calendar,
  calendarFrom,
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  MAX_DAY,
  parseIsoDate,
} from "../../src/engine/calendar.js";

describe("day ↔ date", () => {
  it("anchors the epoch at 1970-01-01", () => {
    expect(daysFromCivil({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(formatIsoDate(-1)).toBe("1969-12-31");
    expect(parseIsoDate("2000-03-01")! - parseIsoDate("2000-02-28")!).toBe(2);
  });

  it.each([
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2100-02-29", false],
    ["2024-02-30", false],
    ["2024-04-31", false],
    ["2024-12-31", true],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-01-00", false],
    ["2024-1-5", false],
    ["20240105", false],
    ["2024-01-05T00:00", false],
    ["", false],
  ])("parseIsoDate(%s) accepts only real dates: %s", (text, valid) => {
    const epochDay = parseIsoDate(text);
    if (valid) expect(epochDay === null ? null : formatIsoDate(epochDay)).toBe(text);
    else expect(epochDay).toBeNull();
  });

  it("round-trips every day between 1600 and 2400", () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (epochDay) => {
        const text = formatIsoDate(epochDay);
        expect(parseIsoDate(text)).toBe(epochDay);
        expect(daysFromCivil(civilFromDays(epochDay))).toBe(epochDay);
      }),
      { numRuns: 500 },
    );
  });

  it("consecutive days are consecutive dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (epochDay) => {
        const a = civilFromDays(epochDay);
        const b = civilFromDays(epochDay + 1);
        const nextInMonth = b.year === a.year && b.month === a.month && b.day === a.day + 1;
        const nextMonth =
          b.day === 1 &&
          (b.month === a.month + 1
            ? b.year === a.year
            : a.month === 12 && b.month === 1 && b.year === a.year + 1);
        expect(nextInMonth || nextMonth).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("counts 366 days in a leap year and 365 in others", () => {
    expect(new Calendar("2024-01-01").date(366)).toBe("2025-01-01");
    expect(new Calendar("2023-01-01").date(365)).toBe("2024-01-01");
    expect(new Calendar("2024-02-28").date(1)).toBe("2024-02-29");
    expect(new Calendar("2023-02-28").date(1)).toBe("2023-03-01");
    expect(new Calendar("2100-02-28").date(1)).toBe("2100-03-01");
  });
});

describe("Calendar", () => {
  it("numbers days from the start date", () => {
    const cal = new Calendar("2024-01-01");
    expect(cal.date(0)).toBe("2024-01-01");
    expect(cal.date(31)).toBe("2024-02-01");
    expect(cal.date(-1)).toBe("2023-12-31");
    expect(cal.civil(59)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("rejects an impossible start date", () => {
    expect(() => new Calendar("2024-02-30")).toThrow(RangeError);
    expect(() => new Calendar("tomorrow")).toThrow(RangeError);
  });

  it("clamps a day-of-month to short months (dayOfMonthIn)", () => {
    const cal = new Calendar("2024-01-01");
    expect(cal.date(cal.dayOfMonthIn(2024, 2, 31))).toBe("2024-02-29");
    expect(cal.date(cal.dayOfMonthIn(2023, 2, 31))).toBe("2023-02-28");
    expect(cal.date(cal.dayOfMonthIn(2024, 2, 30))).toBe("2024-02-29");
    expect(cal.date(cal.dayOfMonthIn(2024, 4, 31))).toBe("2024-04-30");
    expect(cal.date(cal.dayOfMonthIn(2024, 12, 31))).toBe("2024-12-31");
    expect(cal.date(cal.dayOfMonthIn(2024, 3, 15))).toBe("2024-03-15");
    // before the start: negative days are fine
    expect(cal.dayOfMonthIn(2023, 12, 31)).toBe(-1);
  });

  it("finds the next day-of-month strictly after a day (nextDayOfMonth)", () => {
    const cal = new Calendar("2024-01-31");
    // on the 31st itself: the next "31st" is February's last day
    expect(cal.date(cal.nextDayOfMonth(0, 31))).toBe("2024-02-29");
    expect(cal.date(cal.nextDayOfMonth(-1, 31))).toBe("2024-01-31");
    expect(cal.date(cal.nextDayOfMonth(cal.nextDayOfMonth(0, 31), 31))).toBe("2024-03-31");
    const jan = new Calendar("2024-01-15");
    expect(jan.date(jan.nextDayOfMonth(0, 15))).toBe("2024-02-15");
    expect(jan.date(jan.nextDayOfMonth(0, 16))).toBe("2024-01-16");
    expect(jan.date(jan.nextDayOfMonth(0, 1))).toBe("2024-02-01");
    const dec = new Calendar("2024-12-20");
    expect(dec.date(dec.nextDayOfMonth(0, 10))).toBe("2025-01-10");
  });

  it("nextDayOfMonth asked again of one calendar (its table) answers as a new calendar works it out", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: -3, max: 800 }), fc.integer({ min: MAX_DAY - 40, max: MAX_DAY + 40 })),
            fc.integer({ min: 1, max: 31 }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (startEpoch, asks) => {
          const start = formatIsoDate(startEpoch);
          const shared = calendarFrom(start);
          expect(calendarFrom(start)).toBe(shared);
          // each question twice, in turn with the others: the second answer is the table's
          for (const [day, dom] of [...asks, ...asks])
            expect(shared.nextDayOfMonth(day, dom)).toBe(new Calendar(start).nextDayOfMonth(day, dom));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("nextDayOfMonth always moves forward by at most a month and lands on the (clamped) day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 31 }),
        (startEpoch, day, dom) => {
          const cal = new Calendar(formatIsoDate(startEpoch));
          const next = cal.nextDayOfMonth(day, dom);
          expect(next).toBeGreaterThan(day);
          expect(next - day).toBeLessThanOrEqual(31);
          expect(cal.isDayOfMonth(next, dom)).toBe(true);
          for (let d = day + 1; d < next; d++) expect(cal.isDayOfMonth(d, dom)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

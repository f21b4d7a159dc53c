// Vintage curves: the accounts booked in one calendar quarter, and how many of them had gone bad by 3, 6, 9,
// 12, 18 and 24 months on book — the curve a risk team lays one booking quarter over another with. An account's
// booking day and the day it went bad are all it takes (both in its outcome), so the aggregate is a few
// counts per quarter, whole numbers that merge exactly like the rest.

import type { Calendar } from "../engine/index.js";

/** The months on book a curve is read at: past a year too, so a two-year programme reads whether a
 *  quarter's curve flattens in its second year. */
export const VINTAGE_MONTHS = [3, 6, 9, 12, 18, 24] as const;

/** Per booking quarter (from the quarter of day 0): the accounts booked, and at each of VINTAGE_MONTHS
 *  (quarter-major, `quarter × VINTAGE_MONTHS.length + i`) those seen that long, and of them bad by then. */
export interface VintageAggregate {
  booked: number[];
  seasoned: number[];
  bad: number[];
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

export const emptyVintage = (quarters: number): VintageAggregate => ({
  booked: zeros(quarters),
  seasoned: zeros(quarters * VINTAGE_MONTHS.length),
  bad: zeros(quarters * VINTAGE_MONTHS.length),
});

const quarterNumber = (year: number, month: number) => year * 4 + Math.floor((month - 1) / 3);

/** The calendar a population's vintages are counted on: its booking quarters, and months on book. */
export class VintageClock {
  private readonly first: number;
  /** "2024Q1", … : every calendar quarter the horizon touches */
  readonly quarters: readonly string[];

  constructor(
    private readonly calendar: Calendar,
    private readonly days: number,
  ) {
    const c = calendar.civil(0);
    this.first = quarterNumber(c.year, c.month);
    const labels: string[] = [];
    for (let q = 0; q <= this.quarter(days - 1); q++) {
      const n = this.first + q;
      labels.push(`${Math.floor(n / 4)}Q${(n % 4) + 1}`);
    }
    this.quarters = labels;
  }

  /** The booking quarter of a day, counted from day 0's. */
  quarter(day: number): number {
    const c = this.calendar.civil(day);
    return quarterNumber(c.year, c.month) - this.first;
  }

  /** The day `months` months on book begin for an account booked on `day`: the same day of the month,
   *  that many months later (clamped to short months: 31 August + 6 is 28 or 29 February). */
  onBook(day: number, months: number): number {
    const c = this.calendar.civil(day);
    const m = c.year * 12 + c.month - 1 + months;
    return this.calendar.dayOfMonthIn(Math.floor(m / 12), (m % 12) + 1, c.day);
  }

  /** Adds an account booked on `openDay` and bad from `badDay` (−1: never): it counts at a month on book
   *  once the horizon has seen all of it (the day it ends is within the horizon), and as bad there when it
   *  went bad before. */
  add(v: VintageAggregate, openDay: number, badDay: number): void {
    const q = this.quarter(openDay);
    v.booked[q]!++;
    for (let i = 0; i < VINTAGE_MONTHS.length; i++) {
      const until = this.onBook(openDay, VINTAGE_MONTHS[i]!);
      if (until > this.days) break;
      const cell = q * VINTAGE_MONTHS.length + i;
      v.seasoned[cell]!++;
      if (badDay >= 0 && badDay < until) v.bad[cell]!++;
    }
  }
}

/** One booking quarter's curve: at each month on book, the accounts seen that long and the bad among them;
 *  the rate null until one has been. */
export interface VintageRow {
  quarter: string;
  booked: number;
  months: Array<{ months: number; seasoned: number; bad: number; badRate: number | null }>;
}

/** The quarters that booked anyone, each with its curve. */
export function vintageRows(
  v: VintageAggregate,
  quarters: readonly string[],
  rate: (n: number, d: number) => number | null,
): VintageRow[] {
  const rows: VintageRow[] = [];
  v.booked.forEach((booked, q) => {
    if (booked === 0) return;
    rows.push({
      quarter: quarters[q] ?? `#${q}`,
      booked,
      months: VINTAGE_MONTHS.map((months, i) => {
        const cell = q * VINTAGE_MONTHS.length + i;
        const [seasoned, bad] = [v.seasoned[cell]!, v.bad[cell]!];
        return { months, seasoned, bad, badRate: seasoned > 0 ? rate(bad, seasoned) : null };
      }),
    });
  });
  return rows;
}

/**
 * The first way a vintage contradicts itself or its arm, as [field, what it must be]: the quarters' bookings
 * add up to the arm's booked; an account seen for a longer time was seen for a shorter one; the bad are of
 * those seen, and among all the arm's bad.
 */
export function vintageContradiction(
  v: VintageAggregate,
  booked: number,
  bad: number,
): [string, string] | null {
  const total = v.booked.reduce((s, x) => s + x, 0);
  if (total !== booked) return ["vintage.booked", `counts adding up to booked (${booked})`];
  const n = VINTAGE_MONTHS.length;
  const badAt = zeros(n);
  for (let q = 0; q < v.booked.length; q++)
    for (let i = 0; i < n; i++) {
      const cell = q * n + i;
      const most = i === 0 ? v.booked[q]! : v.seasoned[cell - 1]!;
      if (v.seasoned[cell]! > most)
        return [
          "vintage.seasoned",
          `at most the accounts of the quarter seen ${i === 0 ? "at all" : "less long"} (${most})`,
        ];
      if (v.bad[cell]! > v.seasoned[cell]!)
        return ["vintage.bad", `at most the accounts seen that long (${v.seasoned[cell]})`];
      badAt[i]! += v.bad[cell]!;
    }
  if (badAt.some((x) => x > bad)) return ["vintage.bad", `at most bad (${bad})`];
  return null;
}

/** The booking quarters of a horizon of `days` from `start`'s calendar: how long a vintage's lists are. */
export const quarterCount = (calendar: Calendar, days: number): number =>
  new VintageClock(calendar, days).quarters.length;

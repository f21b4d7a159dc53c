// Day numbers ↔ civil dates without Date objects or time zones: the same answer on every machine.
// Algorithms from Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms".

/** Upper bound on simulated days: a century is more than any credit line lives. */
export const MAX_DAY = 36_500;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** Days since 1970-01-01 for a civil date. */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): CivilDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD; null when malformed or not a real date (2024-02-30). */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const epochDay = daysFromCivil(date);
  const back = civilFromDays(epochDay);
  return back.year === date.year && back.month === date.month && back.day === date.day ? epochDay : null;
}

export function formatIsoDate(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Calendars by start, shared: a population makes a state per account, every one on the same start
 *  (a calendar is immutable; what it has worked out is the same for every state on it). */
const CALENDARS = new Map<string, Calendar>();
const CALENDARS_KEPT = 64;

/** The calendar starting on `start`, made once per start a process meets (a bounded few). */
export function calendarFrom(start: string): Calendar {
  let c = CALENDARS.get(start);
  if (c === undefined) {
    c = new Calendar(start);
    if (CALENDARS.size >= CALENDARS_KEPT) CALENDARS.clear();
    CALENDARS.set(start, c);
  }
  return c;
}

/** A scenario's calendar: day 0 is `start`. */
export class Calendar {
  readonly startEpochDay: number;
  /** `nextDayOfMonth`'s answers, as (next − day) — at most 31, the day clamped to short months — by day of
   *  month, then by day from day −1 (0: not yet worked out): a run asks for the statement, due and review
   *  days again and again, a table read instead of civil dates worked out each time (a day of the month's
   *  table made when first asked) */
  private readonly nextDays: Array<Uint8Array | null> = new Array<Uint8Array | null>(32).fill(null);
  constructor(start: string) {
    const epochDay = parseIsoDate(start);
    if (epochDay === null) throw new RangeError(`invalid start date ${start}`);
    this.startEpochDay = epochDay;
  }
  date(day: number): string {
    return formatIsoDate(this.startEpochDay + day);
  }
  civil(day: number): CivilDate {
    return civilFromDays(this.startEpochDay + day);
  }
  /** The scenario day of a calendar day-of-month, clamped to short months (31 → 30 in April). */
  dayOfMonthIn(year: number, month: number, dayOfMonth: number): number {
    const nextMonthFirst =
      month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
    const lastDay = civilFromDays(daysFromCivil(nextMonthFirst) - 1).day;
    return daysFromCivil({ year, month, day: Math.min(dayOfMonth, lastDay) }) - this.startEpochDay;
  }
  /** Whether `day` is the given day-of-month (clamped), e.g. the review day. */
  isDayOfMonth(day: number, dayOfMonth: number): boolean {
    const c = this.civil(day);
    return this.dayOfMonthIn(c.year, c.month, dayOfMonth) === day;
  }
  /** The same day of the month, a month later (clamped: 31 January → 29 February): a monthly cycle's end. */
  monthAfter(day: number): number {
    return this.nextDayOfMonth(day, this.civil(day).day);
  }
  /** The first day > `day` that is the given day-of-month. */
  nextDayOfMonth(day: number, dayOfMonth: number): number {
    const i = day + 1;
    // (days outside the table, or not whole, and days of the month out of range are worked out each time)
    if (
      !(i >= 0 && i <= MAX_DAY + 1 && dayOfMonth >= 1 && dayOfMonth <= 31) ||
      !Number.isInteger(i) ||
      !Number.isInteger(dayOfMonth)
    )
      return this.computeNextDayOfMonth(day, dayOfMonth);
    let table = this.nextDays[dayOfMonth]!;
    if (table === null) {
      table = new Uint8Array(MAX_DAY + 2);
      this.nextDays[dayOfMonth] = table;
    }
    const known = table[i]!;
    if (known !== 0) return day + known;
    const next = this.computeNextDayOfMonth(day, dayOfMonth);
    table[i] = next - day;
    return next;
  }
  private computeNextDayOfMonth(day: number, dayOfMonth: number): number {
    const c = this.civil(day);
    const inThisMonth = this.dayOfMonthIn(c.year, c.month, dayOfMonth);
    if (inThisMonth > day) return inThisMonth;
    return c.month === 12
      ? this.dayOfMonthIn(c.year + 1, 1, dayOfMonth)
      : this.dayOfMonthIn(c.year, c.month + 1, dayOfMonth);
  }
}

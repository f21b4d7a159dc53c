// A day given on the command line (`run --until`, `explain --day`, `simulate --score-day`, …): its number,
// counted from day 0 (the scenario's `start`, or the population's `--start`), or its calendar date
// (YYYY-MM-DD, what a trace prints beside each day). Every option that takes a day reads it alike
// (cli/options/table.ts `dayOrDate`, `readDayOrDate`) and turns it into a day here, once the start is
// known: a date before the start, or a day past the last one the command takes, is told with the days
// and the dates it does take.

import { formatIsoDate, parseIsoDate } from "../engine/index.js";
import { InputError } from "../shared/errors.js";

/** A day asked about: its number, or its date. `typed`: a number as written (1e20, or one a double does
 *  not hold exactly), for the message that refuses it. */
export type DayAsked = { day: number; typed?: string } | { date: string };

/** The days an option takes: 0 to `last`, counted from `start` (YYYY-MM-DD). */
export interface DaySpan {
  start: string;
  last: number;
  /** whose start day 0 is, for the message: "the scenario", "the run" */
  of: string;
  /** what more to say of a day past `last` */
  hint?: string;
  /** the file whose start counts (a scenario's, of several run at once) */
  file?: string;
}

/** The days and the dates a span takes, in words: what a day refused is said against. */
function spanInWords(span: DaySpan): string {
  const start = parseIsoDate(span.start) ?? 0;
  return `a day from 0 to ${span.last}, or a date from ${span.start} to ${formatIsoDate(start + span.last)}`;
}

/** `asked` as a day of `span`; else an InputError naming `flag` that says the span's days and dates. */
export function dayInSpan(flag: string, asked: DayAsked, span: DaySpan): number {
  const expected = spanInWords(span);
  const hint = span.hint === undefined ? {} : { hint: span.hint };
  const where = span.file === undefined ? {} : { file: span.file };
  if ("day" in asked) {
    if (asked.day <= span.last) return asked.day;
    const typed = asked.typed ?? String(asked.day);
    throw new InputError(`${flag}: ${typed} is too large`, { ...where, expected, found: typed, ...hint });
  }
  const day = (parseIsoDate(asked.date) ?? 0) - (parseIsoDate(span.start) ?? 0);
  if (day < 0)
    throw new InputError(`${flag}: ${asked.date} is before ${span.of} starts (${span.start}, day 0)`, {
      ...where,
      expected,
      found: asked.date,
    });
  if (day > span.last)
    throw new InputError(`${flag}: ${asked.date} (day ${day}) is too large`, {
      ...where,
      expected,
      found: `${asked.date} (day ${day})`,
      ...hint,
    });
  return day;
}

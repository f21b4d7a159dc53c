// The numbers options take, said as what is wrong with the one typed: not a number at all, not whole, or
// outside the option's range (with the range). `1e9` is a whole number that is too large, not "not whole".

import { isDecimalNumber } from "../../scenario/parse.js";
import { asciiDigits } from "../../shared/digits.js";
import { InputError } from "../../shared/errors.js";
import { blankAround, quoted, withoutBlanks } from "../../shared/text.js";
import { EMPTY_VALUE } from "./empty.js";

export interface NumberRange {
  min?: number | undefined;
  max?: number | undefined;
  /** a whole number (a count, a day, a seed); else any decimal (a rate) */
  whole?: boolean;
}

/** A number written in decimal, with an exponent or not (`0x10`, `1_000`, `5%` are not). */
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Whether `text` is a whole number in decimal (an exponent allowed) above `max`, however far — past
 *  2^53 and past a double's range too: a value whose range is known only later (a scenario's days). */
export const wholeAbove = (text: string, max: number): boolean => {
  const value = Number(text);
  return DECIMAL.test(text) && value > max && (Number.isInteger(value) || value === Infinity);
};

/** A number option given nothing (`--seed "$SEED"`, SEED unset): what it likely is, as an empty file name is
 *  told — then the option's own advice when it has some (a day takes a date too), else to give a number
 *  (not "leave it out": an option may have no default, `explain --day`). */
const emptyHint = (hint: string | undefined): string => `${EMPTY_VALUE}: ${hint ?? "give a number"}`;

/** `text` with the digits of any script (５ full-width, ٥ Arabic-Indic, ५ Devanagari), full-width sign and
 *  point, and − (U+2212) in ASCII. */
const asciiNumber = (text: string): string => asciiDigits(text).replace(/−/g, "-");

/** What the option takes, in words: "a whole number from 1 to 365", "a number from 0 to 1", "… at least 1". */
function takes(range: NumberRange): string {
  const what = range.whole === false ? "a number" : "a whole number";
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`;
  if (min !== undefined) return `${what}, at least ${min}`;
  if (max !== undefined) return `${what}, at most ${max}`;
  return what;
}

/** `text` read as the option's number, or the problem with it said as such. `hint`: the option's own
 *  advice for a value that is no number (a date where a day goes). */
export function readNumber(flag: string, text: string, range: NumberRange, hint?: string): number {
  const whole = range.whole !== false;
  // beyond 2^53 a double no longer holds every whole number: the value would be another than typed
  const bounded = whole
    ? {
        min: range.min ?? -Number.MAX_SAFE_INTEGER,
        max: range.max ?? Number.MAX_SAFE_INTEGER,
        whole,
      }
    : range;
  const expected = takes(range);
  if (!DECIMAL.test(text.trim()) || text.trim() !== text) {
    // the number meant, where it is one: typed in full-width digits (an IME's), or with spaces around it
    const ascii = asciiNumber(text.trim());
    // …said as what to write only when the option takes it (`－５` for a count is told it is no count)
    const takesIt = (t: string) => {
      const v = Number(t);
      return (
        (range.min === undefined || v >= range.min) &&
        (range.max === undefined || v <= range.max) &&
        (!whole || Number.isInteger(v))
      );
    };
    // …or with its thousands grouped (1,000, 1_000, 1 000, 1'000): the number without them
    const grouped = /^[-+]?[1-9]\d{0,2}(?:([,_' ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/.test(ascii)
      ? ascii.replace(/[,_' ]/g, "")
      : undefined;
    // …or with a decimal comma (0,035): the number with a point
    const comma = grouped === undefined && /^[-+]?\d+,\d+$/.test(ascii) ? ascii.replace(",", ".") : undefined;
    const meant =
      comma !== undefined
        ? takesIt(comma)
          ? `write ${comma}: a decimal is written with a point`
          : `a decimal is written with a point, and ${comma} is not ${expected}`
        : grouped !== undefined
          ? takesIt(grouped)
            ? `write ${grouped}, without the thousands separators`
            : `write it without the thousands separators, and ${grouped} is not ${expected}`
          : ascii !== text.trim() && DECIMAL.test(ascii)
            ? takesIt(ascii)
              ? `write ${ascii}: a number is written in ASCII digits (0–9)`
              : `a number is written in ASCII digits (0–9), and ${ascii} is not ${expected}`
            : text.trim() !== text && DECIMAL.test(text.trim())
              ? takesIt(text.trim())
                ? withoutBlanks(text, text.trim())
                : `write it without the ${blankAround(text)} around it, and ${text.trim()} is not ${expected}`
              : undefined;
    throw new InputError(`${flag}: ${quoted(text)} is not a number`, {
      expected,
      found: quoted(text),
      ...(meant
        ? { hint: meant }
        : text.trim() === ""
          ? { hint: emptyHint(hint) }
          : hint
            ? { hint }
            : /^[-+]?0[xob]/i.test(text)
              ? { hint: "write the number in decimal" }
              : {}),
    });
  }
  const value = Number(text);
  // a literal a double cannot keep is refused as a file refuses it, not read as the number it rounds to
  // (`--day 226.99999999999999` explained day 227, `--seed 1e-400` seeded 0); a whole number's digits are
  // bounded below instead (a 16-digit seed is exact), and one past a double's range is said too large
  if (Number.isFinite(value) && !(whole && /^[-+]?\d+$/.test(text)) && !isDecimalNumber(text)) {
    // (one past the option's range is told that first: its digits are not what is wrong with it)
    inRange(flag, value, range, text);
    throw new InputError(`${flag}: ${text} cannot be kept exactly`, {
      expected: `${expected}, of at most 15 significant digits`,
      found: text,
      hint: `it would be read as ${value}: write the number meant, in at most 15 significant digits`,
    });
  }
  if (whole && Number.isFinite(value) && !Number.isInteger(value))
    throw new InputError(`${flag}: ${text} is not a whole number`, { expected, found: text });
  // the option's own range is said first; past it, the exact numbers' (a count with no upper bound)
  return inRange(flag, inRange(flag, value, range, text), bounded, text);
}

/** `value` when it is in the option's range; else the problem, said as too small or too large. `text`: the
 *  value as typed (1e9), shown beside the number it is. */
export function inRange(flag: string, value: number, range: NumberRange, text = String(value)): number {
  const low = range.min !== undefined && value < range.min;
  const high = (range.max !== undefined && value > range.max) || !Number.isFinite(value);
  if (!low && !high) return value;
  // a number written with an exponent is said in digits too (1e9 is 1000000000)
  const plain = Number.isFinite(value) ? String(value) : "";
  const shown = /e/i.test(text) && plain !== "" && !/e/.test(plain) ? `${text} (${plain})` : text;
  throw new InputError(`${flag}: ${shown} is too ${low ? "small" : "large"}`, {
    expected: takes(range),
    found: text,
  });
}

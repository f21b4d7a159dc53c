// Option tables: each command declares its options once, as a typed table keyed by the name commander
// gives the value (`--challenger-from` → `challengerFrom`, `--no-chart` → `chart`). The table drives
// commander (flags, help, per-value parsers that name the flag and the value in their errors) and types
// what comes back, so a command's options are read in one place: its `options()` parser, which turns the
// raw values into the typed options object the command runs with.

import { type Command, Option } from "commander";
import { parseIsoDate } from "../../engine/index.js";
import type { DayAsked } from "../../scenario/day-asked.js";
import { calendarHint, dateHint } from "../../scenario/issues.js";
import { builtinPolicyNames } from "../../scenario/load-policy.js";
import { MAX_DAY } from "../../scenario/shape.js";
import { asciiDigits } from "../../shared/digits.js";
import { InputError, type UsageError } from "../../shared/errors.js";
import { blankAround, quoted } from "../../shared/text.js";
import { readNumber, wholeAbove } from "./numbers.js";

export type { DayAsked };

export interface OptionSpec<T> {
  /** commander's flags, e.g. "--seed <n>", "-o, --output <file>", "--no-chart" */
  readonly flags: string;
  readonly description: string;
  /** turns one occurrence's text (and the value so far, for repeatable options) into the value */
  readonly parse?: (text: string, previous: T | undefined) => T;
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds specs of every value type
export type OptionTable = Record<string, OptionSpec<any>>;

/** The values commander hands back for a table: each key its spec's type, absent when not given. */
export type RawOptions<T extends OptionTable> = {
  [K in keyof T]?: T[K] extends OptionSpec<infer V> ? V : never;
};

/** The long flag of a spec: "--seed" of "--seed <n>", "--output" of "-o, --output <file>". */
function longFlag(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

/** Whether the user gave the option: a value, or the flag (`--no-chart` is given when its value is false,
 *  commander's true being its default). */
function isGiven(spec: OptionSpec<unknown>, value: unknown): boolean {
  if (value === undefined) return false;
  return longFlag(spec.flags).startsWith("--no-") ? value === false : true;
}

/**
 * The options given that mean nothing beside another, each refused — never dropped in silence: one
 * problem per option, in the table's order, all said at once (exit 2). `why` names the options that may
 * not be given and what each would have done; `problem` words the refusal of one of them.
 */
export function refuseGiven<T extends OptionTable>(
  table: T,
  raw: RawOptions<T>,
  why: Partial<Record<keyof T, string>>,
  problem: (flag: string, why: string) => UsageError,
): void {
  const problems = Object.keys(table).flatMap((key) => {
    const reason = why[key as keyof T];
    const spec = table[key]!;
    return reason !== undefined && isGiven(spec, raw[key as keyof T])
      ? [problem(longFlag(spec.flags), reason)]
      : [];
  });
  if (problems.length > 0) throw InputError.all(problems);
}

/** An on/off flag: `--json`, or `--no-chart` (then true unless given). */
export const flag = (flags: string, description: string): OptionSpec<boolean> => ({ flags, description });

/** `--no-color`, said alike by every command that colours. */
export const noColor = (): OptionSpec<boolean> => flag("--no-color", "no colour (also NO_COLOR=1 or a pipe)");

/** `--no-color` and `--wide` of a command whose output has no colour and no width to fit (`schema`,
 *  `completion`, `init`): accepted and changing nothing, so that a wrapper adding them to every command
 *  (or an alias) does not fail there. Options that choose what is written (`--json`) are not accepted
 *  where there is no such choice: dropping one in silence would hide a mistake. */
export const presentationAccepted = (output: string) => ({
  // in the words every command's --no-color has (its output has none either way)
  color: noColor(),
  wide: flag("--wide", `accepted and changes nothing: ${output} is not fitted to the terminal`),
});

/** A value taken as written. */
export const text = (flags: string, description: string): OptionSpec<string> => ({ flags, description });

/** An empty path, or one of spaces alone, said as such (`label`: the flag it came with); else
 *  undefined. Neither is a name meant: an empty one names the working folder, and `--html " "` (a variable
 *  holding a space) wrote a file called " ", told as `wrote  ` — a name nobody sees. */
function blankPath(label: string, value: string, folder: boolean): InputError | undefined {
  if (value.trim() !== "") return undefined;
  const what = folder ? "folder" : "file";
  return new InputError(
    `${label}: ${value === "" ? `an empty ${what} name` : `a ${what} name of white space alone`}`,
    {
      found: quoted(value),
      hint: folder ? "give the path of a folder" : "give a file name, or - for standard output",
    },
  );
}

/** A path to write to (`--html <file>`, `--flips <dir>`). An empty one is refused: it would name the
 *  working folder, and where a command writes only when the option is set it would read as no option at
 *  all (`--save ""` — an unset shell variable — saved nothing and exited 0); one of spaces alone too. */
export const outputPath = (flags: string, description: string): OptionSpec<string> => ({
  flags,
  description,
  parse: (value) => {
    const blank = blankPath(longFlag(flags), value, flags.includes("<dir>"));
    if (blank) throw blank;
    return value;
  },
});

/** A policy: a built-in's name or a policy file. An empty one (an unset shell variable) is refused here,
 *  named by its flag: `simulate --challenger ""` was told "no policy named" with no word of which. */
export const policyRef = (flags: string, description: string): OptionSpec<string> => ({
  flags,
  description,
  parse: (value) => {
    if (value.trim() === "")
      throw new InputError(`${longFlag(flags)}: no policy named`, {
        expected: `a built-in policy (${builtinPolicyNames().join(", ")}) or a path to a policy file`,
        found: quoted(value),
        hint: "see `credit-sim policies`",
      });
    return value;
  },
});

/** A whole number in `range`; anything else is refused with the flag, the value and what is wrong. */
export const wholeNumber = (
  flags: string,
  description: string,
  range: { min?: number; max?: number } = {},
): OptionSpec<number> => ({
  flags,
  description,
  parse: (value) => readWhole(longFlag(flags), value, range),
});

/** A whole number whose range depends on other options (a day of the run, an account of the
 *  population): kept as typed, and read with `readWhole` once the range is known — then every message,
 *  a value too small, too large or no number at all, says the one range the run has. */
export const wholeNumberLater = (flags: string, description: string): OptionSpec<string> => ({
  flags,
  description,
});

/** `text` read as a whole number in `range`, or the problem said with the flag. */
export const readWhole = (flag: string, text: string, range: { min?: number; max?: number }): number =>
  readNumber(
    flag,
    text,
    range,
    // the flags that take a day take its number: a date is the likeliest other thing typed there
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(text)
      ? "days are numbers counted from day 0, the `start` date: a run's trace shows each date's day"
      : undefined,
  );

/** `--day <n|date>`, `--until <n|date>`, …: a day by its number or by its date, YYYY-MM-DD — an analyst
 *  reaches for the date the trace printed. The date must be one the calendar has (2024-02-30 is refused
 *  here); it becomes a day once the start is known (scenario/day-asked.ts `dayInSpan`). `max`: the most a
 *  number may be before any start is known. Every option that takes a day is declared with this. */
export const dayOrDate = (flags: string, description: string, max?: number): OptionSpec<DayAsked> => ({
  flags,
  description,
  parse: (value) => readDayOrDate(longFlag(flags), value, max),
});

/** `text` as a day asked about (`dayOrDate`): a date when it starts as one, else a whole number from 0 (to
 *  `max` when given; a number past the longest horizon kept as typed, said against the days the command
 *  takes once they are known). */
export function readDayOrDate(flag: string, text: string, max?: number): DayAsked {
  // what starts as a date is read as one, and told as a date when it is not one (2024-8-15, a time,
  // full-width digits)
  if (looksDated(text)) {
    readDate(flag, text, DAY_OR_DATE);
    return { date: text };
  }
  if (max === undefined && wholeAbove(text, MAX_DAY)) return { day: Number(text), typed: text };
  return { day: readNumber(flag, text, { min: 0, ...(max === undefined ? {} : { max }) }, DAY_OR_DATE) };
}

/** What a day option takes, said where a value is neither. */
const DAY_OR_DATE = "a day's number (day 0 is the start), or its date as YYYY-MM-DD (2024-08-15)";

/** A date as YYYY-MM-DD, the form scenario files and traces write. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Written as a date, however well: four digits, a dash, a digit (spaces around it too); or three parts
 *  joined by slashes or dots, the year first or last (2024/02/01, 01.02.2024) — not a decimal (2024.5). */
const LOOKS_DATED = /^\s*(?:\d{4}-\d|\d{4}[/.]\d{1,2}[/.]\d|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/;

/** `text` is written as a date, however well (full-width digits too): to be read, or told, as one. */
export const looksDated = (text: string): boolean => LOOKS_DATED.test(asciiDigits(text));

/**
 * `text` as a calendar date written YYYY-MM-DD, its epoch day; else what is wrong with it said: not on
 * the calendar (2024-02-30), month and day not written with two digits (2024-8-15), a time or a time zone
 * (a day here is a calendar day, the same everywhere), spaces around it — each with the date meant, when
 * there is one.
 */
export function readDate(flag: string, text: string, expected: string): number {
  const problem = (what: string, meant?: string, hint: { hint?: string } = {}) =>
    new InputError(`${flag}: ${what}`, {
      expected,
      found: ISO_DATE.test(text) ? text : quoted(text),
      ...(meant !== undefined && parseIsoDate(meant) !== null ? { hint: `write ${meant}` } : hint),
    });
  // full-width digits and dashes (２０２４－０１－０１, typed with a CJK input method): the date they mean
  const ascii = asciiDigits(text).trim();
  if (ascii !== text.trim() && ISO_DATE.test(ascii))
    throw parseIsoDate(ascii) === null
      ? problem(`${quoted(text)} is not a date on the calendar`, undefined, calendarHint(ascii))
      : problem(`${quoted(text)} is not written in ASCII digits`, undefined, {
          hint: `write ${ascii}: a date is written in ASCII digits (0–9)`,
        });
  if (ISO_DATE.test(text)) {
    const day = parseIsoDate(text);
    if (day === null) throw problem(`${text} is not a date on the calendar`, undefined, calendarHint(text));
    return day;
  }
  const trimmed = text.trim();
  if (trimmed !== text && ISO_DATE.test(trimmed))
    throw problem(`${quoted(text)} has ${blankAround(text)} around the date`, trimmed);
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (loose)
    throw problem(
      `${quoted(text)} is not written YYYY-MM-DD (two digits for the month and the day)`,
      `${loose[1]}-${loose[2]!.padStart(2, "0")}-${loose[3]!.padStart(2, "0")}`,
    );
  const timed = /^(\d{4}-\d{2}-\d{2})(?:[T ]|Z$|[+-]\d{2}(?::?\d{2})?$)/.exec(trimmed);
  if (timed)
    throw problem(
      `${quoted(text)} has a time or a time zone: a day here is a calendar day, the same in every zone`,
      timed[1],
    );
  // 2024/02/01, 2024.2.1, 01/02/2024: the date meant, as a file's is told
  throw problem(`${quoted(text)} is not a date`, undefined, dateHint(trimmed));
}

/** A value that may be given more than once; every occurrence is kept, in order. */
export const repeatable = (flags: string, description: string): OptionSpec<string[]> => ({
  flags,
  description,
  parse: (value, previous) => [...(previous ?? []), value],
});

/**
 * Adds a table's options to a command. Returns the reader that takes commander's option values back as the
 * table's typed raw options (the values came through the table's own parsers, or are commander's booleans
 * and strings for flags and plain values).
 */
export function addOptions<T extends OptionTable>(
  command: Command,
  table: T,
  refused?: (key: string, problem: InputError) => void,
): (values: Record<string, unknown>) => RawOptions<T> {
  for (const [key, spec] of Object.entries(table)) {
    const option = new Option(spec.flags, spec.description);
    if (option.attributeName() !== key)
      throw new Error(`option table: key "${key}" must be "${option.attributeName()}" for ${spec.flags}`);
    const parse = spec.parse;
    if (parse)
      option.argParser(
        refused === undefined
          ? parse
          : // a value refused is told, and parsing goes on: the next option's problem is told with it
            (text: string | undefined, previous: unknown) => {
              // commander still hands on an option left without its value (the last word, `--days`),
              // as undefined: that problem is told by the command (OptionsCommand)
              if (text === undefined) return previous;
              try {
                return parse(text, previous);
              } catch (e) {
                if (!(e instanceof InputError)) throw e;
                refused(key, e);
                return previous;
              }
            },
      );
    command.addOption(option);
  }
  return (values) => {
    const raw: Record<string, unknown> = {};
    for (const key of Object.keys(table)) if (values[key] !== undefined) raw[key] = values[key];
    return raw as RawOptions<T>;
  };
}

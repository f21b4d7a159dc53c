// One zod issue → one problem in the words of someone writing YAML: the field path, what was expected,
// what was found and what to do about it (a "did you mean" where a near name exists).

import type * as z from "zod";
import { formatIsoDate, parseIsoDate, REASON_CODES, REPAY_KEYWORDS } from "../engine/index.js";
import { asciiDigits } from "../shared/digits.js";
import { describeValue, formatPath, InputError, type InputErrorDetails, suggest } from "../shared/errors.js";
import {
  DEFAULT_SCENARIO_START,
  EVENT_FIELDS,
  EVENT_TYPES,
  EventSchema,
  eventTypeMeant,
  knownKeys,
} from "./schema.js";
import { MAX_DAY } from "./shape.js";
import { storyWord } from "./story-words.js";
import { meant, textWord } from "./synonyms.js";

export interface IssueHooks {
  /** the field names allowed at `path` (for "did you mean"); default: the scenario's */
  keysAt?: (path: readonly PropertyKey[], value: unknown) => string[] | undefined;
  /** a document kind's own wording for an issue; undefined: the common one */
  describe?: (issue: z.core.$ZodIssue, found: unknown, base: InputErrorDetails) => InputError | undefined;
  /** the top-level field names of the schema validated against */
  topKeys?: readonly string[] | undefined;
}

/** The field names allowed where an unknown key sits. */
export function candidateKeys(
  path: readonly PropertyKey[],
  value: unknown,
  hooks: IssueHooks = {},
): string[] {
  const own = hooks.keysAt?.(path, value);
  if (own) return own;
  if (path.length === 0 && hooks.topKeys) return [...hooks.topKeys];
  return knownKeys(path, value);
}

/** The value at `path` in a parsed file's data (its own keys only); undefined where there is none. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const part of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/** Whether a `<<` key in `file` is YAML's merge key: in JSON it is a field of that name, as any other. */
const mergesIn = (file: string): boolean => !/\.json$/i.test(file);

/** A YAML mapping (not a list, not a scalar). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * An event whose type is unknown or missing stops zod at the type: its other fields go unchecked. They
 * are checked here so every problem is told at once — as the type it most likely means would check them
 * (the did-you-mean), or else as every type would: a field no type has, or a value no type that has the
 * field takes (`amount: -3` is refused by each; `amount: full` is a repayment's, and not a problem).
 */
export function beneathEventType(issue: z.core.$ZodIssue, data: unknown, file: string): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || !("discriminator" in issue) || issue.discriminator !== "type")
    return [];
  const at = issue.path.slice(0, -1);
  const event = valueAt(data, at);
  if (!isRecord(event)) return [];
  const meant = eventTypeMeant(event.type);
  if (meant === undefined) return underEveryType(event, at, file);
  // a word from the story brings the fields its type comes with (`type: open` is an application to open)
  const word = storyWord("type", event.type);
  const r = EventSchema.safeParse({ ...word?.with, ...event, type: meant });
  if (r.success) return [];
  // a near spelling is a guess: the fields written are checked as its type would, the fields it lacks are
  // not demanded (`type: aply` was told a missing product and amount, an application's, as if it were one)
  const written = r.error.issues.filter((i) => word !== undefined || valueAt(event, i.path) !== undefined);
  return written.map((i) => ({ ...i, path: [...at, ...i.path] }));
}

/** The problems of an event's fields that every event type would find, whichever the type was meant. */
function underEveryType(
  event: Record<string, unknown>,
  at: readonly PropertyKey[],
  file: string,
): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(event)) {
    // a merge key (`<<: *base`) is said at the type, with what to write instead
    if (key === "type" || (key === "<<" && mergesIn(file))) continue;
    const validators = EVENT_FIELDS.get(key);
    if (validators === undefined) {
      unknown.push(key);
      continue;
    }
    const refused = validators.map((v) => v.safeParse(value));
    if (refused.some((r) => r.success)) continue;
    // the first type's words (the types are listed with the most common use of a field first)
    const first = refused[0]?.error?.issues ?? [];
    for (const i of first) issues.push({ ...i, path: [...at, key, ...i.path] });
  }
  if (unknown.length > 0)
    issues.push({
      code: "unrecognized_keys",
      keys: unknown,
      path: [...at],
      message: `unknown keys: ${unknown.join(", ")}`,
      input: event,
    });
  return issues;
}

/** zod's type names in the words of someone writing YAML. */
function expectedType(expected: string, found: unknown): string {
  if (expected === "int") return "a whole number";
  // a tuple or a record is the validator's word: a list, a mapping to whoever wrote the file
  if (expected === "array" || expected === "tuple") return "a list";
  if (expected === "object" || expected === "record") return "a mapping (key: value pairs)";
  if (expected === "number" && typeof found === "number") return "a finite number";
  return `a ${expected}`;
}

function rangeHint(issue: z.core.$ZodIssue, found: unknown, data: unknown): { hint?: string } {
  if (issue.code === "too_big" && typeof found === "number") {
    const untilOrDay = issue.path.length === 1 ? issue.path[0] === "until" : issue.path.at(-1) === "day";
    return untilOrDay ? { hint: horizonHint(startOf(data), issue.path[0] === "until") } : {};
  }
  if (issue.code !== "too_small" || typeof found !== "number") return {};
  const last = issue.path[issue.path.length - 1];
  if (last === "amount") {
    const owner = valueAt(data, issue.path.slice(0, -1));
    const type = isRecord(owner) ? eventTypeMeant(owner.type) : undefined;
    // each in the words of the event meant: repay pays a line; debt elsewhere goes down by its own event
    const hints: Record<string, string> = {
      repay: "a repayment is a positive amount of yuan, or full, statement or minimum",
      external_debt:
        "debt elsewhere is a positive amount of yuan; paying it down is its own event type (external_repayment)",
      external_repayment: "debt repaid elsewhere is a positive amount of yuan",
    };
    return {
      hint:
        (type !== undefined && Object.hasOwn(hints, type) ? hints[type] : undefined) ??
        "amounts are positive yuan; a repayment is its own event type (repay)",
    };
  }
  if (last === "day")
    return { hint: "day 0 is the scenario's `start`; move `start` earlier for earlier events" };
  return {};
}

/** What a word from the story meant, where the format's own word for it is no spelling away (story-words.ts):
 *  only a value among `options` when they are given (a field of another document may share the name). */
function storyWordHint(
  field: PropertyKey | undefined,
  found: unknown,
  options?: readonly string[],
): { hint?: string } {
  const word = storyWord(field, found);
  if (word === undefined) return {};
  if (options !== undefined && (word.value === undefined || !options.includes(word.value))) return {};
  return { hint: word.hint };
}

/** Text written on an event that keeps none: where a scenario keeps it (a comment, or a note event on the
 *  event's own day or date). */
function noteHint(event: unknown): string {
  const when =
    isRecord(event) && typeof event.day === "number"
      ? `day: ${event.day}`
      : isRecord(event) && typeof event.date === "string"
        ? `date: ${event.date}`
        : "day: …";
  return `an event keeps no text: write it as a YAML comment (# …) after the event, or as an event of its own: { ${when}, type: note, text: … }`;
}

/** A field named with its unit (`amountFen`, `monthlyIncomeYuan`): the field, and that money is written in
 *  yuan — "did you mean amount?" alone read `amountFen: 5000` as ¥5,000, a hundred times the ¥50 meant. */
function unitNamed(key: string, candidates: readonly string[], value: unknown): string | undefined {
  const m = /^(.+?)[_\s-]?(fen|cents?|yuan|rmb|cny)$/i.exec(key);
  if (m === null) return undefined;
  const field = candidates.find((c) => c.toLowerCase() === m[1]!.toLowerCase());
  if (field === undefined) return undefined;
  const inFen = /^(fen|cents?)$/i.test(m[2]!);
  if (!inFen) return `write ${field}: money is written in yuan already`;
  const yuan =
    typeof value === "number" && Number.isFinite(value) ? ` (${value} fen is ${field}: ${value / 100})` : "";
  return `write ${field}: in yuan, not fen${yuan}`;
}

const didYouMean = (guess: string | undefined) => (guess ? { hint: `did you mean "${guess}"?` } : {});

/**
 * Money written as a person writes it ("1,000", "¥1000", "100元", "1 000"): the plain number it means, so
 * the hint can say what to write, and whether a minus was written with it ("￥-50", "-¥50"). Undefined
 * when the text is no amount so written.
 */
function writtenAmount(found: unknown): { plain: string; negative: boolean } | undefined {
  if (typeof found !== "string") return undefined;
  const sign = /^[-\u2212]\s*/;
  // full-width digits and signs (１，０００, typed with a CJK input method) are the ASCII ones in NFKC, and
  // another script's digits (١٠٠٠) are the ASCII ones they stand for
  let bare = asciiDigits(found).trim();
  // a minus before the yuan sign or after it
  let negative = sign.test(bare);
  bare = bare.replace(sign, "").replace(/^(?:[¥￥]|RMB|CNY)\s*/i, "");
  if (!negative && sign.test(bare)) {
    negative = true;
    bare = bare.replace(sign, "");
  }
  bare = bare.replace(/\s*(?:元|yuan|RMB|CNY)$/i, "");
  // thousands grouped by commas, spaces or underscores; a decimal point after them
  if (!/^\d{1,3}(?:[,\s_]?\d{3})*(?:\.\d+)?$/.test(bare)) return undefined;
  const plain = bare.replace(/[,\s_]/g, "");
  // a number quoted, and nothing else ("-50"): the quoted number's own hint says it
  return `${negative ? "-" : ""}${plain}` === found.trim() ? undefined : { plain, negative };
}

const amountHint = (found: unknown): { hint?: string } => {
  const written = writtenAmount(found);
  if (written === undefined) return {};
  const { plain, negative } = written;
  if (negative)
    return {
      hint: `amounts are positive numbers of yuan, without a sign or "¥": write ${plain} if ¥${plain} is meant`,
    };
  // a digit of another script than ASCII's (５ full-width, ٥ Arabic-Indic); "¥" and separators named only
  // where written with it (a score of ６50 had neither, as --sweep's ６00 is told)
  if (/(?![0-9])\p{Nd}/u.test(String(found)))
    return asciiDigits(String(found)).trim() === plain
      ? { hint: `write ${plain}: a number is written in ASCII digits (0–9)` }
      : { hint: `write ${plain}: a number is written in ASCII digits (0–9), without "¥" or separators` };
  return { hint: `write ${plain}: amounts are plain numbers of yuan, without "¥" or thousands separators` };
};

/** A repayment's amount (a number or a word) written as no number: how to write the amount, else the
 *  number's own hint (another base, too many digits, quoted) — as a purchase's amount, a number alone, gets. */
const amountOrNumberHint = (found: unknown): { hint?: string } => {
  const amount = amountHint(found);
  return amount.hint !== undefined ? amount : typeHint("number", found);
};

/** A range written as text ("800-900", "700 - 750", "0..100", "700~750"): the {min, max} it means; else
 *  what an amount written as text means. */
function textRangeHint(found: unknown): { hint?: string } {
  const range =
    typeof found === "string"
      ? /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|—|~|\.\.)\s*(\d+(?:\.\d+)?)\s*$/.exec(found)
      : null;
  if (range === null) return amountHint(found);
  // "900-800" means the same range
  const [min, max] = [range[1]!, range[2]!].sort((a, b) => Number(a) - Number(b));
  return { hint: `write { min: ${min}, max: ${max} }` };
}

/**
 * A date written another way ("2024/09/10", "2024-9-1", "10/09/2024"): the YYYY-MM-DD it may mean.
 * Day and month first is read both ways unless one part is over 12.
 */
/** A limit asked for that is not whole hundreds of yuan: the hundreds either side of it to write (never
 *  ¥0, which is no limit). */
function wholeHundredsHint(found: unknown, step: number): { hint?: string } {
  if (typeof found !== "number" || !Number.isFinite(found) || !(step > 0)) return {};
  const below = Math.floor(found / step) * step;
  const above = below + step;
  const choices = below > 0 ? `${below} or ${above}` : String(above);
  return { hint: `limits are asked in whole hundreds of yuan: write ${choices}` };
}

export function dateHint(found: unknown): { hint?: string } {
  if (typeof found !== "string") return {};
  // full-width digits and dashes (２０２４－０１－０１, typed with a CJK input method) are the ASCII ones
  // in NFKC, another script's digits (٢٠٢٤-٠١-٠٥) the ASCII ones they stand for: the date they mean, or
  // what else is wrong with it
  const ascii = asciiDigits(found);
  if (ascii !== found) {
    const date = ascii.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return dateHint(ascii);
    return parseIsoDate(date) === null
      ? calendarHint(date)
      : { hint: `write ${date}: a date is written in ASCII digits (0–9)` };
  }
  // a time or a time zone after the date: the date as written (the offset moves no day)
  const timed = /^(\d{4}-\d{2}-\d{2})(?:[T ]|Z$|[+-]\d{2}(?::?\d{2})?$)/.exec(found.trim());
  if (timed && parseIsoDate(timed[1]!) !== null)
    return {
      hint: `write ${timed[1]}: a day here is a calendar day, the same in every zone (no time, no time zone)`,
    };
  // …and a date off the calendar beside its time: both said
  const off = timed ? calendarHint(timed[1]!).hint : undefined;
  if (off !== undefined)
    return { hint: `${off}; and a day here is a calendar day, with no time or time zone` };
  const pad = (n: string) => n.padStart(2, "0");
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(found.trim());
  if (ymd) {
    const date = `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`;
    // a date off the calendar is not one to write (2023/02/29): what its month holds
    return parseIsoDate(date) === null
      ? calendarHint(date)
      : { hint: `write ${date}: year, month, day, joined by "-"` };
  }
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(found.trim());
  if (!dmy) return {};
  const [, a, b, year] = dmy as unknown as [string, string, string, string];
  const dayFirst = `${year}-${pad(b)}-${pad(a)}`;
  const monthFirst = `${year}-${pad(a)}-${pad(b)}`;
  const readings =
    Number(a) > 12
      ? [dayFirst]
      : Number(b) > 12 || dayFirst === monthFirst
        ? [monthFirst]
        : [dayFirst, monthFirst];
  // only a reading on the calendar is offered (30/02/2024 is no date either way round)
  const dates = readings.filter((d) => parseIsoDate(d) !== null);
  if (dates.length === 0) {
    // each reading's own fault, when they differ (05/00/2024: no month 00 one way, no day 00 the other)
    const faults = [...new Set(readings.map((d) => calendarHint(d).hint ?? ""))].filter((h) => h !== "");
    return faults.length === 0 ? {} : { hint: faults.join("; read the other way, ") };
  }
  return { hint: `write ${dates.join(" or ")}: year first, then month and day, joined by "-"` };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A date written YYYY-MM-DD that is not on the calendar (2024-02-30, 2024-13-01): what its month holds. */
export function calendarHint(text: string): { hint?: string } {
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!ymd) return {};
  const [year, month, day] = [ymd[1]!, Number(ymd[2]), Number(ymd[3])];
  if (month < 1 || month > 12) return { hint: "a month is 01 to 12" };
  // the month's last day: the first of the next month, a day before
  const next =
    month === 12
      ? `${String(Number(year) + 1).padStart(4, "0")}-01-01`
      : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const nextDay = parseIsoDate(next);
  const first = parseIsoDate(`${year}-${ymd[2]}-01`);
  if (nextDay === null || first === null) return {};
  const days = nextDay - first;
  const named = `${MONTHS[month - 1]} ${year}`;
  return day < 1
    ? { hint: `a day of the month is 01 to 31 (${named} has ${days} days)` }
    : { hint: `${named} has ${days} days: the last is ${year}-${ymd[2]}-${days}` };
}

/** The start a scenario's days count from: its own, or the default; undefined when its own is no date. */
function startOf(data: unknown): string | undefined {
  const start = isRecord(data) ? data.start : undefined;
  if (start === undefined) return DEFAULT_SCENARIO_START;
  return typeof start === "string" && parseIsoDate(start) !== null ? start : undefined;
}

/**
 * A calendar date written where a scenario counts days (`until`, an event's or an expectation's `day`):
 * the story is told in dates, and the file counts days from `start`. An event or an expectation takes the
 * date as it is (`date:`); `until` takes the day it is. Undefined for any other field or value.
 */
function dayAsDateHint(
  path: readonly PropertyKey[],
  found: unknown,
  data: unknown,
): { hint: string } | undefined {
  if (typeof found !== "string") return undefined;
  const date = found.trim();
  const epochDay = parseIsoDate(date);
  if (epochDay === null) return undefined;
  const isUntil = path.length === 1 && path[0] === "until";
  const isDay =
    path.length === 3 &&
    (path[0] === "events" || path[0] === "expect") &&
    typeof path[1] === "number" &&
    path[2] === "day";
  if (!isUntil && !isDay) return undefined;
  const start = startOf(data);
  const day = start === undefined ? undefined : epochDay - parseIsoDate(start)!;
  // its day is past the horizon too: that day would be refused in turn
  if (day !== undefined && day > MAX_DAY)
    return { hint: `${date} is day ${day}: ${horizonHint(start, isUntil)}` };
  if (isDay)
    return {
      hint:
        day === undefined || day < 0
          ? `write date: ${date} (a date goes in \`date\`, a day number in \`day\`)`
          : `write date: ${date} (or day: ${day}, counted from start, ${start})`,
    };
  if (day === undefined)
    return { hint: `until counts days from start; write start as YYYY-MM-DD, then the day ${date} is` };
  return {
    hint:
      day < 0
        ? `until counts days from start (${start}); ${date} is before it: move start earlier, or write a later date`
        : `write ${day}: until counts days from start (${start}); ${date} is day ${day}`,
  };
}

/** What a day or a date past the horizon is told: how far a scenario runs, to which date from its start
 *  (when it is known), and what to do: `until` is written shorter, an event moves `start` later. */
export function horizonHint(start: string | undefined, until = false): string {
  const from = start === undefined ? null : parseIsoDate(start);
  const span = from === null ? "" : ` from start ${start}, to ${formatIsoDate(from + MAX_DAY)}`;
  const advice = until ? `write until: ${MAX_DAY} at most` : "move `start` later or split the timeline";
  return `a scenario covers at most ${MAX_DAY} days${span}; ${advice}`;
}

/** YAML 1.1's booleans, which YAML 1.2 (and so credit-sim) reads as text. */
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;
const YAML11_FALSE = /^(?:n|N|no|No|NO|off|Off|OFF)$/;

/** A type mistake's likely cause, when the value shows it. */
function typeHint(expected: string, found: unknown, key?: PropertyKey): { hint?: string } {
  // a dash with nothing after it is an empty item (null to YAML): an event or an expectation left out
  if (found === null && typeof key === "number" && expected === "object")
    return { hint: "write the item after its dash (`- { day: 0, … }`), or remove the dash" };
  // a key with nothing after it is null to YAML: `events:` meant no events, or its items were not indented
  if (found === null && typeof key === "string" && (expected === "array" || expected === "object"))
    return {
      hint:
        expected === "array"
          ? `write \`${key}: []\` for none, or its items beneath it, indented, each after \`- \``
          : `write \`${key}: {}\` for none, or its fields beneath it, indented`,
    };
  if (expected === "boolean") {
    const yaml11 = "YAML 1.1 read it as a boolean; here only true and false are";
    if (typeof found === "string" && YAML11_TRUE.test(found)) return { hint: `write true: ${yaml11}` };
    if (typeof found === "string" && YAML11_FALSE.test(found)) return { hint: `write false: ${yaml11}` };
    if (found === "true" || found === "false") return { hint: `write ${found}, without quotes` };
    return { hint: "write true or false" };
  }
  if (typeof found !== "string") return {};
  if (expected === "object" && /^[A-Za-z_$][\w$-]*:[^\s:/]/.test(found))
    return { hint: "YAML needs a space after each colon: `day: 5`, not `day:5`" };
  if (expected === "number" || expected === "int") {
    // what the parser keeps as text (parse.ts): another base, more digits than a number keeps exactly,
    // a magnitude no number has, or a form YAML does not read as one (`+.5`, a quoted number)
    const text = found.trim();
    const value = Number(text);
    if (/^[-+]?0[xXoObB]/.test(text))
      return {
        hint: Number.isFinite(value)
          ? `write the number in decimal (${text} is ${value})`
          : "write the number in decimal",
      };
    const digits = text
      .replace(/[eE].*$/, "")
      .replace(/[^0-9]/g, "")
      .replace(/^0+|0+$/g, "");
    if (/^[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?$/.test(text)) {
      if (!Number.isFinite(value) || (value === 0 && digits !== ""))
        return { hint: "too large or too small to be kept as a number" };
      if (digits.length > 15)
        return {
          hint: "at most 15 significant digits: a longer number cannot be kept exactly (amounts take two decimals)",
        };
    }
    if (text !== "" && Number.isFinite(value))
      return { hint: "write it as a plain decimal number (e.g. 0.5 or 12), without quotes" };
    return amountHint(found);
  }
  return {};
}

/**
 * The issues without the bound zod's `.int()` adds to a field's own: a whole number checks the safe-integer
 * range (±9007199254740991) as well as its `.min()` / `.max()`, so a value past both (a score of 1e300)
 * got two bounds, the looser first — and a user was told "at most 9007199254740991" of a score that stops
 * at 950. Where a field has a bound of its own on that side, only that bound is said. Every list of
 * issues is passed through this before it is worded.
 */
export function ownBounds<T extends z.core.$ZodIssue>(issues: readonly T[]): T[] {
  // a numeric bound's side (too big, too small) at its path, and whose bound it is
  const bound = (i: z.core.$ZodIssue) =>
    (i.code === "too_big" || i.code === "too_small") && (i.origin === "int" || i.origin === "number")
      ? { side: `${i.code}\u0000${i.path.map(String).join("\u0000")}`, int: i.origin === "int" }
      : undefined;
  const own = new Set(issues.map(bound).flatMap((b) => (b && !b.int ? [b.side] : [])));
  return issues.filter((i) => {
    const b = bound(i);
    return !(b?.int && own.has(b.side));
  });
}

/** `line` on an event of a type that has none: why, with the fix — a borrow is Jiebei's cash loan whatever
 *  it says, a purchase Huabei's, and a profile change, a debt elsewhere, an income or a policy is the
 *  customer's, for both lines.
 *  Null for an event with no type near a known one. */
function linelessHint(event: unknown): string | null {
  // a misspelt type is checked as the type it most likely means: its fields, and so this hint, are that one's
  const type = eventTypeMeant(isRecord(event) ? event.type : undefined);
  if (type === undefined) return null;
  if (type === "borrow")
    return "a borrow is always a Jiebei cash loan: the line goes without saying — remove it";
  if (type === "purchase")
    return "a purchase is always on Huabei (Jiebei lends cash: a borrow event): the line goes without saying — remove it";
  const a = /^[aeiou]/.test(type) ? "an" : "a";
  return `${a} ${type} event is the customer's, not one line's (it counts for both): remove it`;
}

export function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: string,
  pos: { line: number; column: number } | undefined,
  hooks: IssueHooks = {},
): InputError {
  const found = valueAt(data, issue.path);
  const base: InputErrorDetails = { file, ...pos, field: formatPath(issue.path) || "(top level)" };
  const own = hooks.describe?.(issue, found, base);
  if (own) return own;
  const last = issue.path[issue.path.length - 1];
  const missing = (expected: string) =>
    new InputError("missing required field", {
      ...base,
      expected,
      found: describeValue(undefined),
      ...(typeof last === "string" ? { hint: `add \`${last}: …\`` } : {}),
    });
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0]!;
      const candidates = candidateKeys(issue.path, found, hooks);
      // a YAML merge key is read as a key of its own: removed, the fields it meant to bring in are gone
      if (key === "<<" && mergesIn(file))
        return new InputError("a YAML merge key (`<<: *name`) is not read", {
          ...base,
          field: formatPath([...issue.path, key]),
          expected: `one of ${candidates.join(", ")}`,
          hint: "write out the fields it would bring in, here",
        });
      const guess = meant(key, candidates, isRecord(found) ? found[key] : undefined);
      const lineless = key === "line" && issue.path[0] === "events" ? linelessHint(found) : null;
      const unit = unitNamed(key, candidates, isRecord(found) ? found[key] : undefined);
      return new InputError(`unknown field "${key}"`, {
        ...base,
        field: formatPath([...issue.path, key]),
        expected: `one of ${candidates.join(", ")}`,
        ...(unit !== undefined
          ? { hint: unit }
          : guess
            ? didYouMean(guess)
            : lineless !== null
              ? { hint: lineless }
              : textWord(key) && issue.path[0] === "events" && candidates.includes("type")
                ? { hint: noteHint(found) }
                : { hint: "remove it" }),
      });
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator === "type") {
        const guess = eventTypeMeant(found);
        // a YAML merge key (`<<: *base`) is read as a key of its own, so its fields never arrive
        const event = valueAt(data, issue.path.slice(0, -1));
        const merged = isRecord(event) && "<<" in event && mergesIn(file);
        return new InputError(found === undefined ? "event without a type" : "unknown event type", {
          ...base,
          expected: `one of ${EVENT_TYPES.join(", ")}`,
          found: describeValue(found),
          ...(merged
            ? { hint: "YAML merge keys (`<<: *name`) are not read: write the event's fields out" }
            : found === undefined
              ? { hint: "add `type: …`, e.g. type: purchase" }
              : storyWord("type", found) !== undefined
                ? storyWordHint("type", found)
                : didYouMean(guess)),
        });
      }
      // a mapping that reached into an option whose field is refused: that field, said as any value — not
      // 'a number or {min, max}' of the whole. A scenario's {min, max} is unwrapped before this (problemsOf's
      // withinMapping); what arrives here is a union of several mappings, a result document's histogram
      // (`aggregates.champion[0].monthlyScore.counts`: a sparse one or a record)
      const inner = isRecord(found)
        ? issue.errors.find((b) => b.length > 0 && b.every((i) => i.path.length > 0))
        : undefined;
      if (inner)
        return describeIssue(
          { ...inner[0]!, path: [...issue.path, ...inner[0]!.path] } as z.core.$ZodIssue,
          data,
          file,
          pos,
          hooks,
        );
      // a number where the union's number is whole (1.5 for a count, or a score that may be a range):
      // said as the whole number refused — not 'a number or {min, max}' of a number
      const whole =
        typeof found === "number" && Number.isFinite(found)
          ? issue.errors.find(
              (b) => b.length === 1 && b[0]!.code === "invalid_type" && b[0]!.expected === "int",
            )
          : undefined;
      if (whole)
        return describeIssue(
          { ...whole[0]!, path: [...issue.path, ...whole[0]!.path] } as z.core.$ZodIssue,
          data,
          file,
          pos,
          hooks,
        );
      // a union that names what it takes says it in its own words (a result document's aggregate); zod's
      // own message for one that names nothing is "Invalid input"
      const named = issue.message && !issue.message.startsWith("Invalid input") ? issue.message : undefined;
      const expected =
        last === "amount"
          ? `a positive yuan amount or one of ${REPAY_KEYWORDS.join(", ")}`
          : (named ?? "a number or {min, max}");
      if (found === undefined) return missing(expected);
      const guess =
        typeof found === "string" && last === "amount" ? suggest(found, REPAY_KEYWORDS) : undefined;
      return new InputError("invalid value", {
        ...base,
        expected,
        found: describeValue(found),
        ...(guess
          ? didYouMean(guess)
          : last === "amount"
            ? amountOrNumberHint(found)
            : named
              ? {}
              : textRangeHint(found)),
      });
    }
    case "invalid_key": {
      // a mapping's key its schema refuses (a record's: a merge document's flip-group labels): what a key
      // must be is the key schema's own problem, worded as any value's, and what was found is the key —
      // not the value under it, nor zod's 'Invalid key in record'
      const key = String(last);
      const inner = issue.issues[0];
      const worded = inner ? describeIssue({ ...inner, path: [] }, key, file, pos, {}) : undefined;
      return new InputError("invalid key", {
        ...base,
        expected: worded?.details.expected ?? "another key",
        found: describeValue(key),
      });
    }
    case "invalid_value": {
      const options = issue.values.map(String);
      const expected = `one of ${options.join(", ")}`;
      if (found === undefined) return missing(expected);
      // a word of the story's says what it stands for and why (`credit score`: write credit, a falling
      // score…), before any name it happens to start with
      const told = storyWordHint(last, found, options);
      const guess = typeof found === "string" ? suggest(found, options) : undefined;
      return new InputError("invalid value", {
        ...base,
        expected,
        found: describeValue(found),
        ...(told.hint !== undefined ? told : didYouMean(guess)),
      });
    }
    case "invalid_type":
      if (found === undefined) return missing(expectedType(issue.expected, found));
      return new InputError("wrong type", {
        ...base,
        expected: expectedType(issue.expected, found),
        found: describeValue(found),
        ...(dayAsDateHint(issue.path, found, data) ?? typeHint(issue.expected, found, issue.path.at(-1))),
      });
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? "at least" : "at most";
      const limit = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const one = limit === "1";
      const what =
        issue.origin === "array"
          ? one
            ? "item"
            : "items"
          : issue.origin === "string"
            ? one
              ? "character"
              : "characters"
            : "";
      const inclusive =
        issue.inclusive === false ? (issue.code === "too_small" ? "more than" : "less than") : bound;
      // an empty text or list where one is needed: said as such
      const empty = issue.code === "too_small" && one && inclusive === "at least" && what !== "";
      return new InputError(empty ? "empty" : "value out of range", {
        ...base,
        expected: empty ? `at least one ${what}` : `${inclusive} ${limit}${what ? ` ${what}` : ""}`,
        found: describeValue(found),
        ...rangeHint(issue, found, data),
      });
    }
    case "not_multiple_of":
      return new InputError("not whole hundreds", {
        ...base,
        expected: `whole hundreds of yuan (a multiple of ${String(issue.divisor)})`,
        found: describeValue(found),
        ...wholeHundredsHint(found, Number(issue.divisor)),
      });
    case "custom":
    case "invalid_format": {
      const decimals = /decimal/.test(issue.message);
      const reason = issue.path.includes("reasons");
      const guess = reason && typeof found === "string" ? suggest(found, REASON_CODES) : undefined;
      const message = decimals ? "too many decimal places" : reason ? "unknown reason code" : "invalid value";
      return new InputError(message, {
        ...base,
        expected: issue.message,
        // a check that measures more than the value itself says what it measured (accounts adding up to 37)
        found:
          issue.code === "custom" && typeof issue.params?.found === "string"
            ? issue.params.found
            : describeValue(found),
        ...(guess
          ? didYouMean(guess)
          : reason
            ? { hint: "see `credit-sim reasons`" }
            : decimals
              ? { hint: "yuan have two decimals (fen); round the value" }
              : /YYYY-MM-DD/.test(issue.message)
                ? dateHint(found)
                : {}),
      });
    }
    default:
      return new InputError(issue.message, { ...base, found: describeValue(found) });
  }
}

// The library's door: how an argument a caller builds by hand is read once into a copy (plainCopy: a getter
// read once, a cycle, a throwing getter or proxy told as bad input), checked against a zod schema of what
// the function reads, and handed on — its problems told in the CLI's words (`field: expected …, found …`),
// every argument's at once. The schemas of each function's arguments are library-checked.ts's.

import * as z from "zod";
import { parseIsoDate } from "./engine/index.js";
import { problemsOf as fileProblemsOf } from "./scenario/validate.js";
import { describeValue, formatPath, InputError, MAX_PROBLEMS, suggest } from "./shared/errors.js";
import { plainCopy } from "./shared/plain-copy.js";
import { quoted } from "./shared/text.js";

/** A schema at the door: what it refuses is said as `field: expected <its message>, found <the value>`. */
export type Schema = z.ZodType;

/** The longest list a caller hands in (a million events, ten million histogram bins): longer is refused,
 *  not walked. */
const MAX_LIST = 10_000_000;
/** The deepest an argument's data goes (a variant's written policy band: variant.original.events[i].use
 *  .limitBands[j].minScore, 7); past this it is not the library's data. */
const MAX_DEPTH = 32;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** a value `test` holds of, said as `expected` when it does not */
export const leaf = <T = unknown>(expected: string, test: (v: unknown) => boolean) =>
  z.custom<T>(test, { error: expected });

export const text = leaf<string>("text", (v) => typeof v === "string");
export const flag = leaf<boolean>("true or false", (v) => typeof v === "boolean");
export const whole = leaf<number>("a whole number", (v) => Number.isSafeInteger(v));
export const finite = leaf<number>("a finite number", (v) => typeof v === "number" && Number.isFinite(v));
export const fn = leaf<(...a: unknown[]) => unknown>("a function", (v) => typeof v === "function");
export const date = leaf<string>(
  "a calendar date as YYYY-MM-DD",
  (v) => typeof v === "string" && parseIsoDate(v) !== null,
);
/** a whole number from `min` to `max` */
export const between = (min: number, max: number) =>
  leaf<number>(
    `a whole number from ${min} to ${max}`,
    (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max,
  );
export const list = (items: Schema = z.unknown(), expected = "a list") => z.array(items, { error: expected });
/** a function's options: only the fields it reads (`budjet` is refused, not ignored) */
export const options = (expected: string, fields: Record<string, Schema> = {}) =>
  strictKeys(expected, fields);
const strictKeys = (expected: string, fields: Record<string, Schema>) =>
  z.looseObject(fields, { error: expected }).superRefine((value, ctx) => {
    const known = Object.keys(fields);
    for (const key of Object.keys(value))
      if (!Object.hasOwn(fields, key))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `unknown field of ${expected}`,
          // said as a file's unknown key is: the key, what the options take, the one likely meant
          params: { problem: unknownField(key, expected, known) },
        });
  });
function unknownField(key: string, of: string, known: readonly string[]): InputError {
  const guess = suggest(key, known);
  return new InputError(`unknown field ${quoted(key)} of ${of}`, {
    expected: known.length > 0 ? `one of ${known.join(", ")}` : "no field",
    ...(guess !== undefined ? { hint: `did you mean "${guess}"?` } : {}),
  });
}
export const object = (expected: string, fields: Record<string, Schema> = {}) =>
  z.looseObject(fields, { error: expected });
/** one of `words`, said as `expected` (a catalogue too long to list in a message) */
export const named = (expected: string, words: readonly string[]) =>
  leaf<string>(expected, (v) => typeof v === "string" && words.includes(v));
export const oneOf = (...words: readonly string[]) =>
  named(`one of ${words.map((w) => `"${w}"`).join(", ")}`, words);
export const int32s = leaf<Int32Array>("an Int32Array", (v) => v instanceof Int32Array);

/** A list of numbers `test` holds of: its problems, told up to a file's number (a list of a million bad
 *  numbers is not a million errors). */
export const numberList = (expected: string, item: string, test: (v: unknown) => boolean) =>
  z.array(z.unknown(), { error: expected }).superRefine((xs, ctx) => {
    let told = 0;
    for (let i = 0; i < xs.length && told <= MAX_PROBLEMS; i++)
      if (!test(xs[i])) {
        ctx.addIssue({ code: "custom", path: [i], message: item });
        told++;
      }
  });
export const numbers = numberList("a list of finite numbers", "a finite number", (v) => Number.isFinite(v));

/** a union by `kind`: each kind's fields */
export function byKind(expected: string, kinds: Record<string, Record<string, Schema>>): Schema {
  const options = Object.entries(kinds).map(([kind, fields]) =>
    z.looseObject({ kind: z.literal(kind), ...fields }),
  );
  const words = `one of ${Object.keys(kinds)
    .map((k) => `"${k}"`)
    .join(", ")}`;
  return z.discriminatedUnion("kind", options as unknown as [z.ZodObject<{ kind: z.ZodLiteral<string> }>], {
    error: (issue) => ((issue.code as string) === "invalid_type" ? expected : words),
  });
}

/** A value refused by a file's own checks (`problems`: the CLI's problems of it, each field relative to
 *  it), told in the CLI's words at its place in the argument. */
export const asFile = (problems: (value: unknown) => readonly InputError[]) =>
  z.any().superRefine((value, ctx) => {
    for (const problem of problems(value))
      ctx.addIssue({ code: "custom", message: problem.message, params: { problem } });
  });

/** The CLI's problems of `value` against a file's schema (each field relative to it). */
export const fileProblems =
  (schema: Schema, keysAt: (path: readonly PropertyKey[]) => string[] | undefined) =>
  (value: unknown): readonly InputError[] => {
    const result = schema.safeParse(value);
    if (result.success) return [];
    return fileProblemsOf(result.error.issues, { data: value, position: () => undefined }, "", { keysAt })
      .problems;
  };

/** One problem of a zod issue, its field named from the argument (`name`) down. */
function problemOf(name: string, copy: unknown, issue: z.core.$ZodIssue): InputError {
  const field = formatPath([name, ...issue.path]);
  const problem = (issue as { params?: { problem?: unknown } }).params?.problem;
  if (problem instanceof InputError) {
    // a file's problem: re-rooted at its place in the argument, in its own words
    const own = problem.details.field;
    const inner =
      own === undefined || own === "" || own === "(top level)" || own === "(the scenario)"
        ? ""
        : own.replace(/^\./, "");
    const at = inner === "" ? field : /^\[/.test(inner) ? `${field}${inner}` : `${field}.${inner}`;
    const rest =
      own !== undefined && problem.message.startsWith(`${own}: `)
        ? problem.message.slice(own.length + 2)
        : problem.message;
    return new InputError(`${at}: ${rest}`, { ...problem.details, field: at });
  }
  let found: unknown = copy;
  for (const key of issue.path)
    found =
      found instanceof Map ? found.get(key) : (found as Record<PropertyKey, unknown> | undefined)?.[key];
  const expected = issue.message;
  const shown = describeValue(found);
  return new InputError(`${field}: expected ${expected}, found ${shown}`, { field, expected, found: shown });
}

/** One argument: its name, its schema, and whether it is read into a copy first (an object a function
 *  fills, a recorder it calls: the caller's own, checked, never copied; "data": copied, a function
 *  refused; "caches": copied but for its Maps, the caches the function reads and fills — the caller's
 *  own, their entries checked by the schema). */
export type Door = readonly [name: string, schema: Schema, copied?: boolean | "data" | "caches"];

/** Each argument read into a copy and checked against its schema (every argument's problems, all at once):
 *  what the schema made of the copies, to hand on, or an InputError. */
export function checkArguments(args: readonly unknown[], doors: readonly Door[]): unknown[] {
  const problems: InputError[] = [];
  const out = [...args];
  doors.forEach(([name, schema, copied = true], i) => {
    if (problems.length > MAX_PROBLEMS) return;
    let value = args[i];
    if (copied) {
      const read = plainCopy(value, {
        maxList: MAX_LIST,
        maxDepth: MAX_DEPTH,
        root: name,
        keepInstances: true,
        functions: copied !== "data",
        protoKeys: false,
        keepMaps: copied === "caches",
      });
      if (read.problems.length > 0) {
        problems.push(...read.problems.map((p) => rerooted(p, name)));
        return;
      }
      value = read.copy;
    }
    let result: ReturnType<Schema["safeParse"]>;
    try {
      result = schema.safeParse(value);
    } catch (e) {
      // what is not copied (an object a function fills, a class's instance) may still throw when read
      problems.push(
        new InputError(`${name}: could not be read: expected plain data, found it threw`, {
          field: name,
          expected: "plain data",
          found: `it threw ${e instanceof Error ? e.name : "a value"}`,
        }),
      );
      return;
    }
    if (!result.success) {
      problems.push(...result.error.issues.map((issue) => problemOf(name, value, issue)));
      return;
    }
    // what the schema made of the copy: the same data, a persona's defaults filled
    out[i] = result.data;
  });
  if (problems.length > MAX_PROBLEMS) throw InputError.all(problems.slice(0, MAX_PROBLEMS), true);
  if (problems.length > 0) throw InputError.all(problems);
  return out;
}

/** a copy's problem (its field from the argument's root: `[3].day`, `steps`) named from the argument */
function rerooted(p: InputError, name: string): InputError {
  const own = p.details.field ?? "";
  if (own === name) return p;
  const at = own.startsWith("[") ? `${name}${own}` : `${name}.${own}`;
  return new InputError(`${at}${p.message.slice(own.length)}`, { ...p.details, field: at });
}

export interface CheckedOptions {
  /** the name it is given (a stack trace, a test's title); the function's own by default */
  name?: string;
  /** the problems of the arguments together, once each is what it should be (two histograms' bins) */
  together?: (args: readonly unknown[]) => InputError[];
}

/** `f` with its arguments read into copies and checked first, in order (named by the parameter's name);
 *  the copies are what it is given. */
// biome-ignore lint/suspicious/noExplicitAny: any function's parameters
export function checked<F extends (...args: any[]) => any>(
  f: F,
  doors: readonly Door[],
  options: CheckedOptions = {},
): F {
  const door = (...args: unknown[]) => {
    const copies = checkArguments(args, doors);
    const problems = options.together?.(copies) ?? [];
    if (problems.length > 0) throw InputError.all(problems);
    return f(...copies);
  };
  return Object.defineProperty(door, "name", { value: options.name ?? f.name }) as unknown as F;
}

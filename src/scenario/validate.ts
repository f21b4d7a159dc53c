// Schema validation with messages a user can act on: every problem of a file at once (up to
// MAX_PROBLEMS), in file order, each with the field path, expected vs found and a fix or a "did you mean".
//
// Whatever the file holds, validation costs what the file's size allows: a long list (100,000 events)
// is checked item by item and stops after enough problems to report, instead of building an issue for
// each of them. A file that is not the kind of document expected (a list, a line of text, a mapping with
// none of the fields) is named as such, without quoting it: it may be anything (`policy: /etc/passwd`).

import * as z from "zod";
import { isWholeValued } from "../engine/index.js";
import { describeValue, formatPath, InputError, MAX_PROBLEMS, numberText } from "../shared/errors.js";
import { pushAll } from "../shared/lists.js";
import {
  beneathEventType,
  candidateKeys,
  describeIssue,
  type IssueHooks,
  isRecord,
  ownBounds,
  valueAt,
} from "./issues.js";
import type { OtherKind } from "./kinds.js";
import type { Parsed } from "./parse.js";
import type { Position } from "./positions.js";
import type { InputKind } from "./read.js";
import { meant } from "./synonyms.js";

export interface ValidateOptions extends IssueHooks {
  /** what the file should be: named when it is not (a scenario unless said) */
  kind?: Exclude<InputKind, "result">;
  /** what its top level should hold, e.g. "a mapping with name and events" */
  expected?: string;
  /** the problems between fields (sums, min ≤ max), found on the data as written whether or not the schema
   *  accepts it: reported with the schema's problems, not a round of fixes later. Each rule reads only the
   *  values of the right type (a wrong one is the schema's problem). */
  crossField?: (parsed: Parsed) => InputError[];
  /** the other kinds of credit-sim file this one may be mistaken for, each by the top-level keys only it
   *  has: a scenario given to --policy is named a scenario, not listed key by key as unknown fields */
  otherKinds?: readonly OtherKind[];
}

/** Where to begin a file of the kind, told when a file has none of its fields (a first guess at the format). */
const BEGIN: Partial<Record<string, string>> = {
  scenario:
    "a scenario is `name:` and `events:`, a list of { day, type, … }: `credit-sim init` writes a commented one to start from",
  policy:
    "a policy is parameters (`credit-sim policies` lists them and their values), and may `extends` a built-in one",
};

/** Keys every kind of file has: they tell no kind from another. */
const SHARED_KEYS = ["$schema", "name", "description"];

/**
 * `amount: 5,000` inside `{ … }`: the comma ends the field, so YAML reads amount 5 and a key `000` with no
 * value — an unknown field whose "remove it" would leave the amount at 5. Said as what happened, with the
 * number to write, when the unknown key at `at` is digits right after `name: digits,` on its line.
 */
function thousandsSplit(
  parsed: Parsed,
  file: string,
  path: readonly PropertyKey[],
  at: Position | undefined,
): InputError | undefined {
  const text = at === undefined ? undefined : parsed.line?.(at.line);
  if (at === undefined || text === undefined) return undefined;
  const head = /(?<!\w)([A-Za-z_]\w*)\s*:\s*([-+]?\d+)\s*,\s*$/.exec(text.slice(0, at.column - 1));
  const tail = /^\d+(?:\.\d+)?(?=\s*[,}:]|\s*$)/.exec(text.slice(at.column - 1));
  if (!head || !tail) return undefined;
  const [, name, digits] = head;
  const written = `${digits},${tail[0]}`;
  // thousands are groups of three after a first digit that is no 0; else a decimal comma (2,5; 0,035)
  // …and for a key that takes whole numbers only (a score, a day), 6,80 is 680 grouped, never 6.80
  const thousands =
    (/^[-+]?[1-9]\d{0,2}$/.test(digits!) && /^\d{3}(?:\.\d+)?$/.test(tail[0])) ||
    (isWholeValued(name!) && /^\d+$/.test(tail[0]));
  return new InputError(`${name}: ${written} was read as ${name} ${digits} and a field "${tail[0]}"`, {
    file,
    line: at.line,
    // at the number as written (its first digit), where the mistake is
    column: at.column - head[0].length + head[0].search(/[-+]?\d+\s*,\s*$/),
    field: formatPath([...path, name!]),
    expected: thousands ? "a number without thousands separators" : "a number with a decimal point",
    found: written,
    hint: thousands
      ? `write ${name}: ${written.replace(",", "")}`
      : `write ${name}: ${written.replace(",", ".")} if that is meant: a decimal is written with a point`,
  });
}

/** Validates `parsed.data` against `schema`; throws every problem (up to MAX_PROBLEMS) as one InputError. */
export function validate<S extends z.ZodType>(
  schema: S,
  parsed: Parsed,
  file: string,
  options: ValidateOptions = {},
): z.output<S> {
  const keys = parsed.problems ?? [];
  let schemaProblems: InputError | undefined;
  let result: z.output<S> | undefined;
  try {
    result = validateData(schema, parsed, file, options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    schemaProblems = e;
  }
  // a file that is no mapping (or not of the kind) has no fields to compare
  const rules =
    isRecord(parsed.data) && !isOtherKind(schemaProblems) ? (options.crossField?.(parsed) ?? []) : [];
  if (keys.length === 0 && rules.length === 0) {
    if (schemaProblems) throw schemaProblems;
    return result as z.output<S>;
  }
  // the keys refused while reading (taken out of the data) and the cross-field problems are reported with
  // the schema's problems
  const all = [...keys, ...(schemaProblems?.problems ?? []), ...rules].sort(byPlace);
  throw InputError.all(
    all.slice(0, MAX_PROBLEMS),
    parsed.truncated === true || schemaProblems?.truncated === true || all.length > MAX_PROBLEMS,
  );
}

/** The schema's verdict that the file is not the kind expected at all (its problems are not a field's). */
const isOtherKind = (e: InputError | undefined): boolean =>
  e !== undefined && e.problems.length === 1 && e.details.field === undefined;

function validateData<S extends z.ZodType>(
  schema: S,
  parsed: Parsed,
  file: string,
  options: ValidateOptions,
): z.output<S> {
  const kind = options.kind ?? "scenario";
  const expected = options.expected ?? "a mapping with name and events";
  const data = parsed.data;
  if (data === null || data === undefined) {
    // `null`, `~` or `--- null` is YAML's null written out, not nothing: said as what the file holds
    const at = parsed.position([]);
    const written = at
      ? parsed
          .line?.(at.line)
          ?.slice(at.column - 1)
          .split(/\s/)[0]
      : undefined;
    // (a document's markers alone, `---` or `...`, hold no value: the file is empty, as one of comments is)
    if (at === undefined || !written || written.startsWith("#") || written === "..." || written === "---")
      throw new InputError("the file is empty", { file, expected });
    throw new InputError("the file must hold a mapping (key: value pairs) at the top", {
      file,
      ...at,
      expected,
      found: `null (\`${written}\` is YAML's empty value)`,
    });
  }
  if (!isRecord(data)) {
    throw new InputError("the file must hold a mapping (key: value pairs) at the top", {
      file,
      line: 1,
      column: 1,
      expected,
      found: shapeOf(data),
      ...(typeof data === "string" && COLON_WITHOUT_SPACE.test(data)
        ? { hint: "YAML needs a space after each colon: `name: value`" }
        : {}),
    });
  }
  const topKeys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
  const keys = Object.keys(data);
  // no key of the kind, and some key not even near one (`Name:` in /proc/self/status is near `name`, its
  // other keys are nothing like a field): another kind of file, described rather than quoted key by key;
  // a file of the kind whose every key is misspelt still gets a "did you mean" for each
  const near = topKeys ? keys.filter((k) => nearKey(k, topKeys)).length : 0;
  // a name and a description are every kind's: a persona given as a policy has them, and its other
  // keys were each "unknown field … remove it", a fix that would leave a policy of nothing. Two keys
  // near no field at least: `name: x` and one stray key is a file of the kind begun, its problems listed
  const own = keys.filter((k) => topKeys?.includes(k) && !SHARED_KEYS.includes(k));
  const far = keys.length - near;
  const none = topKeys !== undefined && !keys.some((k) => topKeys.includes(k)) && far > 0;
  // a schema (`credit-sim schema`'s, schema/*.schema.json) named outright: the walk skips it, and read as
  // a file of the kind it was "none of its keys but $schema" and told to begin one with `credit-sim init`.
  // A file with fields of the kind is that kind, whatever its $schema names (an editor's setting gone wrong)
  if (typeof data.$schema === "string" && JSON_SCHEMA_URI.test(data.$schema) && own.length === 0)
    throw new InputError(`a JSON Schema, not a ${kind} file`, {
      file,
      expected,
      hint: `editors read it to check the files they open: give the ${kind} file itself`,
    });
  // what credit-sim itself writes, read back where a scenario, policy or persona goes (`simulate --json >
  // scenarios/x.json`): named for what it is and what reads it, as a schema is, not as a mapping of keys
  const ours = ownOutput(data);
  if (ours !== undefined && own.length === 0)
    throw new InputError(`${ours.what}, not a ${kind} file`, { file, expected, hint: ours.hint });
  // a key only another kind has, and none that kind could not have: that kind of file
  const other = options.otherKinds?.find(
    (o) => keys.some((k) => o.keys.includes(k)) && keys.every((k) => o.all.includes(k)),
  );
  if (other !== undefined)
    throw new InputError(`a ${other.noun} file, not a ${kind} file`, {
      file,
      expected,
      found: `a ${other.noun} (${keys.filter((k) => other.keys.includes(k)).join(", ")})`,
      hint: other.hint,
    });
  if (none || (topKeys !== undefined && own.length === 0 && far >= 2)) {
    const shared = keys.filter((k) => SHARED_KEYS.includes(k));
    throw new InputError(
      `not a ${kind} file: none of its keys ${shared.length > 0 ? `but ${shared.join(" and ")} ` : ""}is a ${kind} field`,
      {
        file,
        expected,
        found: `a mapping of ${keys.length} key${keys.length === 1 ? "" : "s"}`,
        ...(Object.hasOwn(BEGIN, kind) ? { hint: BEGIN[kind] } : {}),
      },
    );
  }
  const result = parseBounded(schema, data);
  if (result.success) return result.data;
  const told = problemsOf(result.issues, parsed, file, { ...options, topKeys }, result.truncated);
  // a file with no field of its kind but near ones (and a name) may be no such file at all: `name:
  // deploy` and `token: ghp_…`, two edits from a persona's `open`. Its values are still checked as the
  // fields meant, but not quoted — the file's content is not the message's to show
  const meantFields = underKeysMeant(schema, parsed, file, result.issues, { ...options, topKeys });
  const beneath =
    own.length > 0
      ? meantFields
      : meantFields.map((p) =>
          p.details.found === undefined
            ? p
            : new InputError(p.message, {
                ...p.details,
                found: `not shown: the file has no ${kind} field but keys near one`,
              }),
        );
  if (beneath.length === 0) throw told;
  const all = [...told.problems, ...beneath].sort(byPlace);
  throw InputError.all(all.slice(0, MAX_PROBLEMS), told.truncated || all.length > MAX_PROBLEMS);
}

/** A document credit-sim writes that no command takes as a scenario, policy or persona: a population's
 *  result (its `format`) or `test`'s JSON report (its head, as the reporter writes it). */
function ownOutput(data: Record<string, unknown>): { what: string; hint: string } | undefined {
  if (typeof data.format === "string" && /^credit-sim\/population@\d+$/.test(data.format))
    return {
      what: "a population result of `credit-sim simulate --json`",
      hint: "`credit-sim merge` reads it, with the other shards' results",
    };
  if (
    typeof data.version === "number" &&
    typeof data.ok === "boolean" &&
    typeof data.exitCode === "number" &&
    isRecord(data.summary)
  )
    return {
      what: "a report of `credit-sim test --reporter json`",
      hint: "it tells of a run: keep it outside the folders `test` searches for scenarios",
    };
  return undefined;
}

/** The `$schema` of a JSON Schema: the meta-schema's address (a scenario's `$schema` names its schema file). */
const JSON_SCHEMA_URI = /^https?:\/\/json-schema\.org\//;

/** A key written under another word for a known one (`timeline:` for `events:`, synonyms.ts `meant`). */
interface KeyMeant {
  path: readonly PropertyKey[];
  written: string;
  meant: string;
}

/**
 * The problems of the values under keys written as another word for a known key (`timeline:` for
 * `events:`), checked as that key's values and told under the key as written (`timeline[0].type`): the
 * unknown key's did-you-mean is told anyway, and its value's own mistakes showed only once it was renamed
 * — two rounds of fixes. Only a key whose meant key is not written beside it; nothing told twice (the
 * problems of the rest of the file are the first parse's).
 */
function underKeysMeant<S extends z.ZodType>(
  schema: S,
  parsed: Parsed,
  file: string,
  issues: readonly z.core.$ZodIssue[],
  options: ProblemOptions,
): InputError[] {
  const data = parsed.data;
  const renames: KeyMeant[] = [];
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const value = valueAt(data, issue.path);
    if (!isRecord(value)) continue;
    const candidates = candidateKeys(issue.path, value, options);
    for (const key of issue.keys) {
      const guess = meant(key, candidates, value[key]);
      if (guess === undefined || Object.hasOwn(value, guess) || renames.length >= MAX_PROBLEMS) continue;
      if (renames.some((r) => r.meant === guess && sameKeys(r.path, issue.path))) continue;
      renames.push({ path: issue.path, written: key, meant: guess });
    }
  }
  if (renames.length === 0 || !isRecord(data)) return [];
  let renamed: unknown = data;
  for (const r of renames) renamed = withKeyRenamed(renamed, r.path, r.written, r.meant);
  const result = parseBounded(schema, renamed as Record<string, unknown>);
  if (result.success) return [];
  const under = (path: readonly PropertyKey[], r: KeyMeant) =>
    path.length > r.path.length &&
    sameKeys(path.slice(0, r.path.length), r.path) &&
    path[r.path.length] === r.meant;
  const asWritten = (path: readonly PropertyKey[]): PropertyKey[] => {
    const r = renames.find((x) => under(path, x));
    return r === undefined ? [...path] : [...r.path, r.written, ...path.slice(r.path.length + 1)];
  };
  const theirs = result.issues.filter((i) => renames.some((r) => under(i.path, r)));
  if (theirs.length === 0) return [];
  const seen: Parsed = {
    ...parsed,
    data: renamed,
    position: (path, key) => parsed.position(asWritten(path), key),
  };
  const found = problemsOf(theirs, seen, file, options, result.truncated);
  return found.problems.map((p) => {
    const field = p.details.field;
    const r = renames.find((x) => {
      const at = formatPath([...x.path, x.meant]);
      return (
        field !== undefined && (field === at || field.startsWith(`${at}.`) || field.startsWith(`${at}[`))
      );
    });
    if (r === undefined || field === undefined) return p;
    const at = formatPath([...r.path, r.meant]);
    return new InputError(p.message, {
      ...p.details,
      field: formatPath([...r.path, r.written]) + field.slice(at.length),
    });
  });
}

const sameKeys = (a: readonly PropertyKey[], b: readonly PropertyKey[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/** `data` with the mapping at `path` holding `value[written]` under `meant` instead (copies along the path). */
function withKeyRenamed(
  data: unknown,
  path: readonly PropertyKey[],
  written: string,
  meant: string,
): unknown {
  if (path.length === 0) {
    if (!isRecord(data)) return data;
    const { [written]: value, ...rest } = data;
    return { ...rest, [meant]: value };
  }
  const [head, ...tail] = path;
  if (Array.isArray(data) && typeof head === "number") {
    const copy = data.slice();
    copy[head] = withKeyRenamed(data[head], tail, written, meant);
    return copy;
  }
  if (isRecord(data) && typeof head === "string")
    return { ...data, [head]: withKeyRenamed(data[head], tail, written, meant) };
  return data;
}

/** What a value is, in words, never quoting it. */
function shapeOf(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length}`;
  if (typeof v === "string") return "a line of text";
  return `a ${typeof v}`;
}

/** `day:5` — a key, a colon and a value with no space between: YAML reads it as one word. */
const COLON_WITHOUT_SPACE = /^[A-Za-z_$][\w$-]*:[^\s:/]/;

function nearKey(key: string, candidates: readonly string[]): boolean {
  const lower = key.toLowerCase();
  return candidates.some((c) => c.toLowerCase() === lower) || meant(key, candidates) !== undefined;
}

/** Lists longer than this are validated item by item, stopping once there is enough to report. */
const LONG_LIST = 500;
/** Issues collected before giving up on the rest (some issues merge into one problem). */
const ISSUE_CAP = 4 * MAX_PROBLEMS;

type Bounded<T> =
  | { success: true; data: T }
  | { success: false; issues: z.core.$ZodIssue[]; truncated: boolean };

function parseBounded<S extends z.ZodType>(schema: S, data: Record<string, unknown>): Bounded<z.output<S>> {
  if (schema instanceof z.ZodObject) {
    const lists: Array<{ key: string; element: z.core.$ZodType; items: unknown[] }> = [];
    for (const [key, field] of Object.entries(schema.shape)) {
      const element = listElement(field);
      const items = data[key];
      if (element && Array.isArray(items) && items.length > LONG_LIST) lists.push({ key, element, items });
    }
    const issues: z.core.$ZodIssue[] = [];
    let truncated = false;
    outer: for (const { key, element, items } of lists) {
      for (let i = 0; i < items.length; i++) {
        const r = z.safeParse(element, items[i]);
        if (r.success) continue;
        for (const issue of r.error.issues) issues.push({ ...issue, path: [key, i, ...issue.path] });
        if (issues.length >= ISSUE_CAP) {
          truncated = true;
          break outer;
        }
      }
    }
    if (issues.length > 0) {
      // the rest of the document, with the long lists (checked above) standing empty
      const listed = new Set(lists.map((l) => l.key));
      const rest = schema.safeParse({ ...data, ...Object.fromEntries(lists.map((l) => [l.key, []])) });
      if (!rest.success) {
        const own = (i: z.core.$ZodIssue) => i.path.length === 1 && listed.has(String(i.path[0]));
        pushAll(
          issues,
          rest.error.issues.filter((i) => !own(i)),
        );
      }
      return { success: false, issues, truncated };
    }
  }
  const r = schema.safeParse(data);
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: r.error.issues, truncated: false };
}

/** The item schema of a list field (through optional / default), or undefined. */
function listElement(field: unknown): z.core.$ZodType | undefined {
  let f: unknown = field;
  while (f instanceof z.ZodOptional || f instanceof z.ZodDefault || f instanceof z.ZodPrefault) {
    f = f.unwrap();
  }
  return f instanceof z.ZodArray ? f.element : undefined;
}

interface ProblemOptions extends IssueHooks {
  topKeys?: readonly string[] | undefined;
}

/**
 * A value that may be a number or a mapping (a score's `{min, max}`), written as a mapping that fails:
 * the mapping's own problems — every one, each at its own field and line (`score.min: wrong type`,
 * `score.foo: unknown field`) — not "a number or {min, max}" of what is one. Only where one option is
 * a mapping; a union with several (a persona's distributions) is its kind's to word.
 */
function withinMapping(issue: z.core.$ZodIssue, data: unknown): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || ("discriminator" in issue && issue.discriminator !== undefined))
    return [issue];
  if (!isRecord(valueAt(data, issue.path))) return [issue];
  // an option the mapping reached into: not refused whole for its type
  const reached = issue.errors.filter(
    (option) => !(option.length === 1 && option[0]!.code === "invalid_type" && option[0]!.path.length === 0),
  );
  const only = reached.length === 1 ? reached[0]! : undefined;
  if (only === undefined || only.length === 0) return [issue];
  return only.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue);
}

/** Where a problem is ordered among its file's, when not where it is told: an unknown event type at its
 *  event's start, before the problems found beneath it as the type it guesses would find them (`type:
 *  aply` was told after the application's fields it lacked, themselves placed at the event's start). */
const orderedAt = new WeakMap<InputError, { line?: number; column?: number }>();
const placeOf = (e: InputError) => orderedAt.get(e) ?? e.details;

/** Problems in the order of their places in the file. */
const byPlace = (a: InputError, b: InputError): number =>
  (placeOf(a).line ?? 1e9) - (placeOf(b).line ?? 1e9) || (placeOf(a).column ?? 0) - (placeOf(b).column ?? 0);

/** zod issues → one InputError listing the problems in file order (at most MAX_PROBLEMS). */
export function problemsOf(
  reported: readonly z.core.$ZodIssue[],
  parsed: Parsed,
  file: string,
  options: ProblemOptions = {},
  truncated = false,
): InputError {
  const data = parsed.data;
  const issues = ownBounds(
    reported
      .flatMap((issue) => [issue, ...beneathEventType(issue, data, file)])
      .flatMap((i) => withinMapping(i, data)),
  );
  const problems: Array<{ error: InputError; order: number }> = [];
  const add = (error: InputError) => problems.push({ error, order: problems.length });

  // `{day:5,type:purchase}`: the mapping's keys are `day:5` and `type:purchase`; one problem for it
  const colonObjects = new Map<string, Array<string | number>>();
  for (const issue of issues) {
    const at = colonObjectOn(data, issue.path);
    if (at) colonObjects.set(formatPath(at), at);
  }
  for (const path of colonObjects.values()) {
    const obj = valueAt(data, path) as Record<string, unknown>;
    const key = Object.keys(obj).find((k) => COLON_WITHOUT_SPACE.test(k))!;
    const colon = key.indexOf(":");
    add(
      new InputError("a key and its value run together: YAML needs a space after the colon", {
        file,
        ...parsed.position([...path, key], true),
        field: formatPath(path) || "(top level)",
        expected: `\`${key.slice(0, colon)}: ${key.slice(colon + 1).split(",")[0]}\``,
        found: describeValue(key),
        hint: "write a space after each colon, e.g. { day: 5, type: purchase }",
      }),
    );
  }
  const underColonObject = (path: readonly PropertyKey[]) =>
    [...colonObjects.values()].some((p) => p.every((part, i) => path[i] === part));

  // a missing field beside an unknown key that is its misspelling: the misspelling says it all
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const value = valueAt(data, issue.path);
    for (const key of issue.keys) {
      const guess = meant(
        key,
        candidateKeys(issue.path, value, options),
        isRecord(value) ? value[key] : undefined,
      );
      if (guess) misspelt.add(formatPath([...issue.path, guess]));
    }
  }

  for (const issue of issues) {
    if (underColonObject(issue.path)) continue;
    const found = valueAt(data, issue.path);
    if (found === undefined && misspelt.has(formatPath(issue.path))) continue;
    if (issue.code === "unrecognized_keys") {
      // one problem per key, each at its own line; only the first in the file can be reported, so only
      // those are described (a mapping of 200,000 unknown keys would make an error for each)
      const placed = issue.keys.map((key) => ({ key, at: parsed.position([...issue.path, key], true) }));
      if (placed.length > MAX_PROBLEMS) {
        placed.sort(
          (a, b) => (a.at?.line ?? 1e9) - (b.at?.line ?? 1e9) || (a.at?.column ?? 0) - (b.at?.column ?? 0),
        );
        truncated = true;
      }
      for (const { key, at } of placed.slice(0, MAX_PROBLEMS + 1)) {
        // the split is told before the value it left (amount 5 of 5,000 is "not whole hundreds", 0 of
        // 0,5 "out of range"): at the same place, the problem kept is the one that says what happened
        const split = thousandsSplit(parsed, file, issue.path, at);
        if (split) problems.push({ error: split, order: -1 });
        else add(describeIssue({ ...issue, keys: [key] }, data, file, at, options));
      }
      continue;
    }
    const at = parsed.position(issue.path);
    const error = asWritten(describeIssue(issue, data, file, at, options), parsed);
    const event = parsed.position(issue.path.slice(0, -1));
    if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "type" && event)
      orderedAt.set(error, event);
    add(error);
  }

  problems.sort((a, b) => byPlace(a.error, b.error) || a.order - b.order);
  const unique = dedupe(problems.map((p) => p.error));
  return InputError.all(unique.slice(0, MAX_PROBLEMS), truncated || unique.length > MAX_PROBLEMS);
}

/** `problem` with the number it found quoted as the file writes it (`1e308`, `1E12`, `40.0e3`, `.inf`), not
 *  as JavaScript would (`1e+308`, `1000000000000`, `40000`, `Infinity`): the text at its place, when it
 *  reads as that number — each of a group's too (a persona's distribution's fields, told one by one). */
function asWritten(problem: InputError, parsed: Parsed): InputError {
  return problem.map((p) => {
    const { found, line, column } = p.details;
    if (found === undefined || line === undefined) return p;
    const written = numberAt(parsed, { line, column: column ?? 1 });
    if (written === undefined || written.text === found || numberText(written.value) !== found) return p;
    return new InputError(p.message, { ...p.details, found: written.text });
  });
}

/** The number written at `at`, its text and the number YAML reads it as (`.inf`, which Number() does not). */
function numberAt(parsed: Parsed, at: Position | undefined): { text: string; value: number } | undefined {
  if (at === undefined) return undefined;
  const text = /^[-+]?[\d.][\w.+-]*/.exec(parsed.line?.(at.line)?.slice(at.column - 1) ?? "")?.[0];
  if (text === undefined) return undefined;
  const value = /^[-+]?\.inf$/i.test(text) ? (text.startsWith("-") ? -1 : 1) * Infinity : Number(text);
  return { text, value };
}

/** The number at `path` of a parsed file as the file writes it, for a cross-field rule's message (`median
 *  1e15`, `min -0`), never JavaScript's `1000000000000000` or `0`. */
export function numberWritten(parsed: Parsed, path: readonly PropertyKey[], value: number): string {
  const written = numberAt(parsed, parsed.position(path));
  return written !== undefined && Object.is(written.value, value) ? written.text : numberText(value);
}

/** A mapping with a `key:value` key: its fields are not what was meant, and are told as one problem. */
export const hasRunTogetherKey = (v: unknown): boolean =>
  isRecord(v) && Object.keys(v).some((k) => COLON_WITHOUT_SPACE.test(k));

/** The mapping on `path` (deepest first) with a `key:value` key, if any. */
function colonObjectOn(data: unknown, path: readonly PropertyKey[]): Array<string | number> | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const v = valueAt(data, sub);
    if (hasRunTogetherKey(v)) {
      return sub.filter((p): p is string | number => typeof p !== "symbol");
    }
  }
  return undefined;
}

/** One problem per field and place: a value out of range with too many decimals is one mistake. */
function dedupe(errors: InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const d = e.details;
    const key = `${d.field}@${d.line}:${d.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Problems of several files as one error: this file's in the order of their lines, then those inside the
 * files it names (each file's in the order they first come, its problems in the order of their lines).
 */
export function inFileOrder(errors: readonly InputError[], file: string): InputError {
  const problems = errors.flatMap((e) => e.problems);
  const files = [...new Set([file, ...problems.map((p) => p.details.file)])];
  const rank = (p: InputError): [number, number, number] => [
    files.indexOf(p.details.file),
    placeOf(p).line ?? Number.POSITIVE_INFINITY,
    placeOf(p).column ?? 0,
  ];
  // a policy the file names is checked twice (on its own, and with the rest): said once
  const seen = new Set<string>();
  const list = problems
    .filter((p) => {
      const key = JSON.stringify([p.message, p.details]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((p) => ({ p, r: rank(p) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2])
    .map((x) => x.p);
  // at most as many as one file's validation reports (the last line says there are more)
  return InputError.all(
    list.slice(0, MAX_PROBLEMS),
    list.length > MAX_PROBLEMS || errors.some((e) => e.truncated),
  );
}

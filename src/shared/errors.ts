// Bad input is a feature: one error type that says where (file, line, column, field path), what was
// expected, what was found and what to try. The CLI prints it and exits 2; nothing else catches it.

import { isAbsolute, relative, sep } from "node:path";
import { walksBack } from "./paths.js";
import { printable, quoted, unmistakable } from "./text.js";

export interface InputErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  /** field path, e.g. events[3].amount */
  field?: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/** Characters kept of what quotes the input (the message, the field path, what was found): a 4 MB key
 *  must not make 8 MB of errors. What the program says itself (expected, hint: a list of the valid
 *  names) is kept whole up to a far larger bound. A file's path, the user's own, is kept whole up to
 *  MAX_PATH, as is a word of a hint (a path it quotes). */
const MAX_QUOTED = 240;
const MAX_OWN = 4000;
/** Twice the longest path a system opens (Linux: 4,096 bytes): a folder found past that bound by nesting
 *  is still named whole; a longer path (100 KB on the command line) is shown by its two ends. */
const MAX_PATH = 8192;

/** A path as an error shows it: whole, or past MAX_PATH by its two ends. */
const shownPath = (path: string): string => (path.length > MAX_PATH ? shortened(path) : path);

export const clip = (text: string, max = MAX_QUOTED): string =>
  text.length > max ? `${text.slice(0, cutBefore(text, max - 1))}…` : text;

/** Where `text` may be cut at `end` or before it: never inside an escape a quoted value shows (`\x07`,
 *  `\u202e`, `\\`), which cut short reads as another character's (`\x0…`), nor between the two halves
 *  of a character beyond U+FFFF (shown as a lone `\ud83d`). */
function cutBefore(text: string, end: number): number {
  let i = 0;
  let start = 0;
  while (i < end) {
    start = i;
    if (text[i] === "\\") {
      const piece = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[\s\S])/.exec(
        text.slice(i, i + 12),
      );
      i += piece ? piece[0].length : 1;
    } else {
      const pair = /[\ud800-\udbff]/.test(text[i]!) && /[\udc00-\udfff]/.test(text[i + 1] ?? "");
      i += pair ? 2 : 1;
    }
  }
  return i === end ? end : start;
}

/** `text` kept to `max` characters by its two ends, `…` between them (a path: its start, and its file's
 *  name at the end); a pair of surrogates is never split. */
export function shortened(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  let head = Math.ceil((max - 1) / 2);
  let tail = text.length - (max - 1 - head);
  if (/[\ud800-\udbff]/.test(text[head - 1]!)) head--;
  if (/[\udc00-\udfff]/.test(text[tail]!)) tail++;
  return `${text.slice(0, head)}…${text.slice(tail)}`;
}

const LONG_WORD = new RegExp(`\\S{${MAX_PATH + 1},}`, "g");
/** Each word of `text` (a run of characters without a space) longer than MAX_PATH, shortened. */
const shortWords = (text: string): string =>
  text.length > MAX_PATH ? text.replace(LONG_WORD, (word) => shortened(word)) : text;

/** A library caller's text (an InputError made by hand, its message or a detail): text as it is; anything
 *  else as the text it reads as (`new InputError(null)` says "null", not a TypeError from clip). */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return describeValue(value);
  }
}

/** The details a caller gave, each of its kind: text as text, a line and column as whole numbers (a
 *  detail of another kind, or details that are no object, are not kept). */
function ownDetails(d: unknown): InputErrorDetails {
  if (typeof d !== "object" || d === null) return {};
  const out: InputErrorDetails = {};
  const read = (k: string): unknown => {
    try {
      return (d as Record<string, unknown>)[k];
    } catch {
      return undefined;
    }
  };
  for (const k of ["file", "field", "expected", "found", "hint"] as const) {
    const v = read(k);
    if (v !== undefined) out[k] = asText(v);
  }
  for (const k of ["line", "column"] as const) {
    const v = read(k);
    if (Number.isSafeInteger(v)) out[k] = v as number;
  }
  return out;
}

function clipDetails(d: InputErrorDetails): InputErrorDetails {
  const out: InputErrorDetails = ownDetails(d);
  for (const k of ["field", "found"] as const) {
    const v = out[k];
    if (v !== undefined) out[k] = clip(v);
  }
  for (const k of ["expected", "hint"] as const) {
    const v = out[k];
    if (v !== undefined) out[k] = clip(shortWords(v), MAX_OWN);
  }
  return out;
}

/** A file's problems are all reported at once, in file order, up to this many. */
export const MAX_PROBLEMS = 20;

export class InputError extends Error {
  readonly details: InputErrorDetails;
  readonly exitCode = 2;
  /** every problem found, in file order; this error stands for the first (its message and details) */
  readonly problems: readonly InputError[];
  /** more problems were found than `problems` lists */
  readonly truncated: boolean;

  constructor(
    message: string,
    details: InputErrorDetails = {},
    group?: { problems: readonly InputError[]; truncated: boolean },
  ) {
    super(clip(asText(message)));
    this.name = "InputError";
    this.details = clipDetails(details);
    // a group is the class's own (InputError.all); one made by hand that is none is no group
    const grouped = group !== undefined && Array.isArray(group?.problems) ? group : undefined;
    this.problems = grouped ? grouped.problems : [this];
    this.truncated = grouped?.truncated === true;
  }

  /** One error for several problems (the first stands for them all); one problem is itself. A problem
   *  the same as one before it (message, file, place, field, expected, found and hint) is told once: a
   *  --policy that cannot be read is every scenario's problem when `run` is given several. */
  static all(problems: readonly InputError[], truncated = false): InputError {
    const seen = new Set<string>();
    const list = problems
      .flatMap((p) => p.problems)
      .filter((p) => {
        const key = JSON.stringify([p.message, p.details]);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    const first = list[0];
    if (first === undefined) throw new Error("InputError.all needs a problem");
    if (list.length === 1 && !truncated && !problems.some((p) => p.truncated)) return first;
    return new InputError(first.message, first.details, {
      problems: list,
      truncated: truncated || problems.some((p) => p.truncated),
    });
  }

  /** `f` of every item, in order; the bad input of every item that has some is reported at once (one
   *  file's problems do not hide the next file's). */
  static each<T, R>(items: readonly T[], f: (item: T) => R): R[] {
    const out: R[] = [];
    const problems: InputError[] = [];
    for (const item of items) {
      try {
        out.push(f(item));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(e);
      }
    }
    if (problems.length > 0) throw InputError.all(problems);
    return out;
  }

  /** `f` of each of several loads of different kinds, as `each` does for one kind: each value, or every
   *  load's bad input at once. */
  static every<T extends readonly unknown[]>(loads: { [K in keyof T]: () => T[K] }): T {
    return InputError.each(loads as ReadonlyArray<() => unknown>, (f) => f()) as unknown as T;
  }

  /** The same problems, each changed by `f` (a file named as the user wrote it, a field re-rooted). */
  map(f: (problem: InputError) => InputError): InputError {
    return InputError.all(this.problems.map(f), this.truncated);
  }

  /** The same problems, each file inside `cwd` named relative to it as the user names files (a policy
   *  file a scenario names is read by its absolute path; the runner's own folders are no one's business). */
  relativeTo(cwd: string): InputError {
    const shown = (file: string): string => shownFile(file, cwd);
    if (!this.problems.some((p) => p.details.file !== undefined && shown(p.details.file) !== p.details.file))
      return this;
    return this.map((p) =>
      p.details.file === undefined || shown(p.details.file) === p.details.file
        ? p
        : new InputError(p.message, { ...p.details, file: shown(p.details.file) }),
    );
  }

  /** What a user sees: each problem as `file:line:col: field: message`, then expected / found / hint;
   *  with several, a last line that counts them. `prefix` starts each problem's first line. */
  format(prefix = ""): string {
    if (this.problems.length === 1 && !this.truncated) return formatOne(this, prefix);
    const blocks = this.problems.map((p) => formatOne(p, prefix));
    const files = [...new Set(this.problems.map((p) => p.details.file).filter((f) => f !== undefined))];
    // the count names the file only when every problem is in it (not a command-line flag's beside it)
    const inOneFile = files.length === 1 && this.problems.every((p) => p.details.file !== undefined);
    const where = inOneFile ? `${unmistakable(printable(shownPath(files[0]!)))}: ` : "";
    const count = `${this.problems.length} problems`;
    blocks.push(
      this.truncated
        ? `${prefix}${where}${count} shown, and more: fix these and run again`
        : `${prefix}${where}${count}`,
    );
    return blocks.join("\n");
  }

  /** `format` on one line (a prompt's validation message): lines joined by " — ", and the labels'
   *  padding — there to align the values beneath each other — dropped, as nothing is beneath. */
  formatLine(): string {
    return this.format()
      .split("\n")
      .map((line) => line.trim().replace(/^(expected|found|hint):\s+/, "$1: "))
      .join(" — ");
  }
}

/** A file as the user names it: relative to `cwd` when inside it, else as it is. */
export function shownFile(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  // kept as typed (`z.yaml/../x.yaml`, resolveTyped), and shown so: relative() would take the `..` off
  if (walksBack(file) && file.startsWith(`${cwd}${sep}`)) return file.slice(cwd.length + 1);
  const rel = relative(cwd, file);
  if (rel === "" || rel.split(sep)[0] === ".." || isAbsolute(rel)) return file;
  // a trailing "/" is part of what was typed: `pol.yaml/` names a folder, `pol.yaml` a file
  return `${rel.split(sep).join("/")}${file.endsWith(sep) ? "/" : ""}`;
}

/** One problem's lines. What may come from a file (its name, a key, a value) is made printable: a
 *  message can neither drive the terminal nor forge another line, nor hide the character that is wrong
 *  (a zero-width space in `purchase`, a no-break space after `open`). */
function formatOne(e: InputError, prefix: string): string {
  const d = e.details;
  const shown = (text: string) => unmistakable(printable(text));
  const file = d.file === undefined ? undefined : shownPath(d.file);
  const where = [file, d.line, d.column].filter((x) => x !== undefined).join(":");
  const head = shown([where, d.field].filter(Boolean).join(": "));
  // a message that names its field itself (the library's, read without `format`) does not name it twice
  const named = d.field !== undefined && e.message.startsWith(`${d.field}: `);
  const message = shown(named ? e.message.slice(d.field!.length + 2) : e.message);
  const lines = [`${prefix}${head ? `${head}: ${message}` : message}`];
  if (d.expected) lines.push(`  expected: ${shown(d.expected)}`);
  if (d.found !== undefined) lines.push(`  found:    ${shown(d.found)}`);
  // one line, as expected and found are: a hint quotes what was typed or found on disk (a flag's value, a
  // near file's name), whose line break would forge a line of the message
  if (d.hint) lines.push(`  hint:     ${shown(d.hint)}`);
  return lines.join("\n");
}

/** A usage mistake on the command line (exit 2 as well). */
export class UsageError extends InputError {
  constructor(message: string, hint?: string) {
    super(message, hint ? { hint } : {});
    this.name = "UsageError";
  }
}

/** Words a name spells out that the names here shorten (`minimumScore` is `minScore`, not the
 *  `minOpenScore` as many letters away). */
const SHORTENED: readonly (readonly [RegExp, string])[] = [
  [/minimum/g, "min"],
  [/maximum/g, "max"],
];

/** "did you mean" — the closest candidate within a small edit distance (the first of those as close),
 *  or else the one candidate that holds the word (`income` → `monthlyIncome`), or else the longest one
 *  the word holds, when one is longest (`requireVerifiedIdentity` → `requireVerified`); undefined when
 *  nothing is near. Case is no difference, nor a word spelt out that a name shortens (`minimum`). */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const short = SHORTENED.reduce((w, [long, abbreviated]) => w.replace(long, abbreviated), lower);
  if (short !== lower) {
    const shortened = candidates.find((c) => c.toLowerCase() === short);
    if (shortened !== undefined) return shortened;
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  const letters = [...lower];
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const other = [...c.toLowerCase()];
    // as many edits at least as the lengths differ: a word far longer than every candidate (a hostile
    // file's key of a megabyte) is measured against none
    if (Math.abs(letters.length - other.length) >= bestDistance) continue;
    const d = editDistance(letters, other);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best !== undefined) return best;
  if (lower.length < 4) return undefined;
  const holding = candidates.filter((c) => c.toLowerCase().includes(lower));
  if (holding.length > 0) return holding.length === 1 ? holding[0] : undefined;
  // a name with a word more (`requireVerifiedIdentity`, `merchantName`): the longest name the word starts
  // with, of four letters at least
  const held = candidates.filter((c) => c.length >= 4 && lower.startsWith(c.toLowerCase()));
  const longest = Math.max(0, ...held.map((c) => c.length));
  const longestHeld = held.filter((c) => c.length === longest);
  return longestHeld.length === 1 ? longestHeld[0] : undefined;
}

/**
 * The edits from `x` to `y` (their characters), where a letter added, dropped or changed is one, and so is a swap of two
 * letters side by side — the commonest slip at a keyboard (optimal string alignment distance). Counted
 * as two changes, as Levenshtein's distance does, `--hlep` was as far from `--grep` as from `--help`, and
 * the first listed won.
 */
function editDistance(x: readonly string[], y: readonly string[]): number {
  let twoBack: number[] = [];
  let back = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(back[j]! + 1, row[j - 1]! + 1, back[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, twoBack[j - 2]! + 1);
      row.push(d);
    }
    twoBack = back;
    back = row;
  }
  return back[y.length]!;
}

/** Renders a field path the way a user reads it: events[3].amount. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    // a key is the caller's text (a library caller's option, a file's key): shown as a message shows
    // any, its controls as escapes — the CLI escapes what it prints, a library caller prints it raw
    if (typeof part === "number") {
      out += `[${part}]`;
      continue;
    }
    const key = unmistakable(printable(String(part)));
    out += out === "" ? key : `.${key}`;
  }
  return out;
}

/** A number as it was written: `-0` stays `-0` (String gives "0", and a value refused for not being
 *  positive would be shown as the 0 a reader may think was never written). */
export const numberText = (n: number): string =>
  // JavaScript writes 1e308 as `1e+308`, a `+` no one types
  Object.is(n, -0) ? "-0" : String(n).replace("e+", "e");

/** A library caller's argument that should be text (a path, a file's content, a name) and is not: refused
 *  as bad input naming it (`file: expected a path, found null`), not met as a TypeError inside a reader. */
export function checkText(field: string, value: unknown, expected: string): asserts value is string {
  if (typeof value !== "string") refuseArgument(field, expected, value);
}

/** A library caller's argument `field` is not what was `expected`: bad input naming it. */
export function refuseArgument(field: string, expected: string, value: unknown): never {
  const found = describeValue(value);
  throw new InputError(`${field}: expected ${expected}, found ${found}`, { field, expected, found });
}

/** A short, safe rendering of a found value (one that cannot be looked at — a revoked proxy — said as
 *  such, not a TypeError). */
export function describeValue(value: unknown): string {
  try {
    return describeOf(value);
  } catch {
    return "a value that cannot be read";
  }
}

function describeOf(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) {
    // a short list of numbers, words and the like is shown (a range [5, 3] said as itself, not as "a
    // list of 2"); a long one, or one holding lists or mappings, is counted
    const scalar = (v: unknown) => v === null || ["number", "string", "boolean"].includes(typeof v);
    if (value.length > 0 && value.length <= 8 && value.every(scalar)) {
      const text = `[${value.map(describeOf).join(", ")}]`;
      if (text.length <= 60) return text;
    }
    return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  }
  if (typeof value === "object") return "an object";
  const text =
    typeof value === "string" ? quoted(value) : typeof value === "number" ? numberText(value) : String(value);
  return text.length > 60 ? `${text.slice(0, cutBefore(text, 57))}…` : text;
}

/**
 * Checks on what was given (a command's options), each run and its problem kept, so that every problem is
 * told at once (one exit, not one per fix). A check whose value others need gives a stand-in when it fails
 * (`value`), or undefined (`known`): what depends on it is then not checked against the stand-in.
 */
export class Checks {
  private readonly problems: InputError[] = [];

  /** `f()`, or `fallback` when it is bad input (kept). */
  value<T>(f: () => T, fallback: T): T {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.problems.push(e);
      return fallback;
    }
  }

  /** `f()`'s value, or undefined when it is bad input (kept): whether a value that others need is known. */
  known<T>(f: () => T): T | undefined {
    return this.value<T | undefined>(f, undefined);
  }

  /** a problem found */
  tell(problem: InputError): void {
    this.problems.push(problem);
  }

  /** runs `f`, keeping its bad input */
  check(f: () => void): void {
    this.value(f, undefined);
  }

  /** throws every problem kept, in the order found */
  done(): void {
    if (this.problems.length > 0) throw InputError.all(this.problems);
  }
}

// Text → plain data, keeping a map back to line and column for error messages. YAML 1.2 is a superset
// of JSON, so one parser (js-yaml, core schema) reads both; a JSON file's syntax is checked by JSON
// itself first, so its errors speak of JSON. One pass: js-yaml reports its nodes to a listener (positions,
// see positions.ts), then shape.ts bounds what came out (aliases, depth, size, keys) before anything
// else recurses over it. Any input under the size cap is read or refused in about a second.
//
// Messages never quote the file: a file that does not parse may be anything (`policy: /etc/passwd`), so
// a syntax error names the line and column and what is wrong, in words, not the text found there.

import { createRequire } from "node:module";
import { basename } from "node:path";
import { FAILSAFE_SCHEMA, load, Type, types, YAMLException } from "js-yaml";
import { formatPath, InputError, MAX_PROBLEMS } from "../shared/errors.js";
import { visibleControls } from "../shared/text.js";
import { jsonErrorOffset } from "./json-position.js";
import { lineStartsOf, NodeLog, type Position } from "./positions.js";
import { checkShape, MAX_DEPTH } from "./shape.js";

declare module "js-yaml" {
  /** the built-in types (js-yaml exports them; its typings do not say so) */
  const types: { int: Type; float: Type; null: Type; bool: Type };
  interface LoadOptions {
    /** nesting js-yaml refuses beyond (js-yaml ≥ 4.2; counts the nodes it tries as well) */
    maxDepth?: number;
  }
}

export interface Parsed {
  data: unknown;
  /** line/column of a path's value (or of its key, for `key: true`), 1-based */
  position(path: readonly PropertyKey[], key?: boolean): Position | undefined;
  /** the file's line `n` (1-based) as written, for a problem the parsed data no longer shows */
  line?(n: number): string | undefined;
  /** with `keyProblems: "keep"`: keys refused while reading (forbidden, duplicate, a list as a key), in
   *  file order, taken out of `data` (a duplicate's last value kept) — validate() reports them with the
   *  schema's problems */
  problems?: readonly InputError[];
  /** more key problems were found than `problems` holds */
  truncated?: boolean;
}

export interface ParseOptions {
  /** "throw" (the default): a refused key is an error at once; "keep": in `Parsed.problems`, for a
   *  caller that validates the data and reports every problem together */
  keyProblems?: "throw" | "keep";
}

/**
 * YAML's core schema, with numbers only as a person writes an amount: decimal (`0x10`, `0o17`, `0b11` stay
 * text, and are refused where a number belongs), and exact — a literal with more digits than a double
 * keeps (`10.999999999999999999` would silently be 11) stays text too, refused at its field rather than
 * changed.
 */
const NUMBER_LITERAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const MAX_SIGNIFICANT_DIGITS = 15;

function exactDecimal(data: string): boolean {
  if (!NUMBER_LITERAL.test(data)) return true; // .inf, .nan: not a decimal, left to the float type
  const mantissa = data
    .replace(/^[-+]/, "")
    .replace(/[eE].*$/, "")
    .replace(".", "");
  const digits = mantissa.replace(/^0+/, "").replace(/0+$/, "");
  // 1e400 would be Infinity and 1e-400 zero: another number than the one written
  const value = Number(data);
  if (!Number.isFinite(value) || (value === 0 && digits !== "")) return false;
  return digits.length <= MAX_SIGNIFICANT_DIGITS;
}

/** Whether `text` is a number as a scenario's file takes one: decimal (an exponent allowed), finite and
 *  exact — `0x10`, `0o17`, `0b11`, `Infinity`, ` 16` are not. One rule for numbers typed beside a file
 *  (what-if selectors) and in it. */
export const isDecimalNumber = (text: string): boolean => NUMBER_LITERAL.test(text) && exactDecimal(text);

/** Whether a number written out (as YAML writes it: the shortest text that reads back as it) reads back
 *  as itself: at most 15 significant digits, as the loader reads numbers. */
export const readsBackExactly = (n: number): boolean =>
  Number.isFinite(n) && NUMBER_LITERAL.test(String(n)) && exactDecimal(String(n));

const decimalInt = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string) => /^[-+]?[0-9]+$/.test(data) && exactDecimal(data) && types.int.resolve(data),
  // js-yaml reads `-0` as 0 (its float reads `-0.0` as -0): kept as written, so a value refused for not
  // being positive is shown as the -0 the file holds, not as a 0 nobody wrote
  construct: (data: string) => {
    const n: unknown = types.int.construct(data);
    return n === 0 && data.startsWith("-") ? -0 : n;
  },
  predicate: (x: unknown) => types.int.predicate?.(x as object) ?? false,
});
const exactFloat = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string) => exactDecimal(data) && types.float.resolve(data),
  construct: (data: string) => types.float.construct(data),
  predicate: (x: unknown) => types.float.predicate?.(x as object) ?? false,
});
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, decimalInt, exactFloat] });

/** A key written as a flow list or mapping (`[events]: …`, `{a: 1}: …`) or an explicit key (`? …`): a
 *  cheap look at the text, so that only such files have every key looked up. */
const COLLECTION_KEY = /(?:^|[\s,{[])(?:\?(?:\s|$)|\[[^\]\n]*\]\s*:|\{[^}\n]*\}\s*:|\*[^\s,[\]{}]+\s*:)/m;

/** js-yaml's own nesting counter also counts the nodes it tries; the data's depth is checked after. */
const PARSER_DEPTH = 2 * MAX_DEPTH + 8;

/** Where a flag's value is read from: `at`, the index in the value as typed of the text read (−1 where a
 *  `{` was put before it), and the typed value's length. */
export interface FlagPlace {
  at: number;
  typed: number;
}

/**
 * A flag's value (or a prompt's answer) read as YAML, a problem placed as a person reads a flag: the
 * character of the value as typed (`--set (character 13)`), or `at the end of its value` — never a file's
 * `--set:1:13` (the line of a one-line value) or `:2:1`, the line the parser adds after it. Without a
 * place (the text read is a piece of the value, `minScore=[`'s `[`), the label alone names it.
 */
export function parseFlagText(text: string, label: string, place?: FlagPlace): unknown {
  try {
    return parseText(text, label).data;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw e.map((p) => {
      const { line, column, ...rest } = p.details;
      if (p.details.file !== label || line === undefined) return p;
      return new InputError(p.message, {
        ...rest,
        file: `${label}${characterAt(text, line, column ?? 1, place)}`,
      });
    });
  }
}

/** ` (character N)` of the value typed, counted from 1, for the parser's line and column in `text`. */
function characterAt(text: string, line: number, column: number, place: FlagPlace | undefined): string {
  if (place === undefined) return "";
  const starts = lineStartsOf(text);
  const index = (starts[line - 1] ?? text.length) + column - 1 + place.at;
  if (index >= place.typed) return " (at the end of its value)";
  return ` (character ${Math.max(index, 0) + 1})`;
}

export function parseText(text: string, file: string, options: ParseOptions = {}): Parsed {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/\.json$/i.test(file)) checkJsonSyntax(body, file);
  let log = new NodeLog(body);
  let data: unknown;
  let duplicates: InputError[] = [];
  try {
    data = load(body, { schema: SCHEMA, listener: log.listener, maxDepth: PARSER_DEPTH });
  } catch (err) {
    const error = misnamed(syntaxError(err, body, file, log), file);
    if (!isDuplicateKey(err)) {
      // the syntax errors after the first, as far as a parser that reads on can tell them
      const later = recoverable(err) ? laterSyntaxErrors(body, file, error, log) : [];
      if (later.length === 0) throw error;
      throw InputError.all(
        [error, ...later.slice(0, MAX_PROBLEMS - 1).map((e) => misnamed(e, file))],
        later.length > MAX_PROBLEMS - 1,
      );
    }
    if (options.keyProblems !== "keep") throw error;
    // read again with the later of each duplicate kept, to report every duplicate with the rest
    log = new NodeLog(body);
    let syntax: InputError[] = [];
    try {
      data = load(body, { schema: SCHEMA, listener: log.listener, maxDepth: PARSER_DEPTH, json: true });
    } catch (again) {
      // a syntax error below the duplicates: said with them, and the syntax errors after it
      const stop = misnamed(syntaxError(again, body, file, log), file);
      const later = recoverable(again) ? laterSyntaxErrors(body, file, stop, log) : [];
      syntax = [stop, ...later.map((e) => misnamed(e, file))];
    }
    duplicates = duplicateKeys(body, file, log);
    const first = error.details;
    if (!duplicates.some((d) => d.details.line === first.line && d.details.column === first.column))
      duplicates.unshift(error);
    if (syntax.length > 0) {
      // what the parser read past the first syntax error is a guess: the duplicates above it are said
      const stop = syntax[0]!.details;
      const above = duplicates.filter(
        (d) =>
          (d.details.line ?? 0) < (stop.line ?? Infinity) ||
          ((d.details.line ?? 0) === stop.line && (d.details.column ?? 0) < (stop.column ?? Infinity)),
      );
      const all = [...above, ...syntax];
      throw InputError.all(
        all.slice(0, MAX_PROBLEMS),
        all.length > MAX_PROBLEMS || duplicates.length > MAX_PROBLEMS,
      );
    }
  }
  const position = (path: readonly PropertyKey[], key = false) => log.position(path, key);
  const line = (n: number): string | undefined => lineOf(body, n);
  const shape = checkShape(data, {
    file,
    textLength: body.length,
    position,
    aliasTo: (value) => log.aliasTo(value),
    keyIsCollection: (path) => log.keyIsCollection(path),
    keyIsNull: (path) => log.keyIsNull(path),
    collectionKeys: COLLECTION_KEY.test(body),
  });
  const problems = [...duplicates, ...shape.problems].sort(
    (a, b) =>
      (a.details.line ?? 0) - (b.details.line ?? 0) || (a.details.column ?? 0) - (b.details.column ?? 0),
  );
  const truncated = shape.truncated || problems.length > MAX_PROBLEMS;
  if (problems.length === 0) return { data, position, line };
  if (options.keyProblems !== "keep") throw InputError.all(problems.slice(0, MAX_PROBLEMS), truncated);
  return { data, position, line, problems: problems.slice(0, MAX_PROBLEMS), truncated };
}

/**
 * What to check first about a file that is not YAML or JSON text and whose name says it is something else
 * (`run README.md`, `run docs/images/run.png`): that it is the file meant — before the syntax or the
 * encoding. Undefined for a name without an extension (a pipe's `/dev/fd/63`, `LICENSE`, `.env`) or a
 * YAML or JSON one: those say nothing. A file's content decides what it is; its name only this hint.
 */
function misnamedHint(file: string): string | undefined {
  const extension = /[^.]\.([^.]+)$/.exec(basename(file))?.[1];
  if (extension === undefined || /^(?:ya?ml|json)$/i.test(extension)) return undefined;
  return `a .${extension} file is not a scenario, policy or persona file (those are .yaml, .yml or .json): check that it is the file meant`;
}

/** `hint` led by misnamedHint's when `file`'s name says it is something else (a syntax error's, an
 *  encoding's): that it is the file meant is asked first. */
export function misnamedFirst(file: string, hint: string): string;
export function misnamedFirst(file: string, hint: string | undefined): string | undefined;
export function misnamedFirst(file: string, hint: string | undefined): string | undefined {
  const first = misnamedHint(file);
  if (first === undefined) return hint;
  return hint ? `${first}; if it is, ${hint}` : first;
}

/** A syntax error of a file named as something other than YAML or JSON, its hint led by misnamedHint's. */
function misnamed(error: InputError, file: string): InputError {
  const hint = misnamedFirst(file, error.details.hint);
  if (hint === error.details.hint) return error;
  return new InputError(error.message, { ...error.details, ...(hint !== undefined ? { hint } : {}) });
}

/** Line `n` (1-based) of `text`, found without splitting the whole file. */
function lineOf(text: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
}

function isDuplicateKey(err: unknown): boolean {
  return err instanceof YAMLException && /duplicated mapping key/.test(err.reason ?? "");
}

/**
 * Every duplicate key of a file, at its later occurrence. js-yaml stops at the first; the `yaml` parser
 * reads on, and its mappings are walked here with a set of keys each (its own `uniqueKeys` check compares
 * every key with every other: minutes for a file of many keys). Only a file js-yaml found a duplicate in
 * gets here.
 */
function duplicateKeys(text: string, file: string, log: NodeLog): InputError[] {
  // loaded here, not at start-up: only a file with a duplicate key needs a second parser
  const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const { isScalar, parseDocument, visit } = yaml;
  const out: InputError[] = [];
  const doc = parseDocument(text, { uniqueKeys: false, schema: "failsafe" });
  visit(doc, {
    Map(_key, map, ancestors) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        if (out.length > MAX_PROBLEMS) return visit.BREAK;
        out.push(
          new InputError(`duplicate key "${key}"`, {
            file,
            ...(pair.key.range ? log.lineColumn(pair.key.range[0]) : {}),
            field: formatPath([...pathOf(yaml, ancestors, map), key]),
            found: "the key again in the same mapping",
            hint: "each key may appear once in a mapping; remove one",
          }),
        );
      }
      return undefined;
    },
  });
  return out;
}

/** The most of a file read again for the syntax errors after its first (about half a second of CPU). */
const LATER_WINDOW = 256 * 1024;

/** Whether the `yaml` parser may be asked for the syntax errors after js-yaml's first: one of the text's
 *  syntax, not its depth, its documents or its tags (said once, of the whole file). */
function recoverable(err: unknown): boolean {
  return (
    err instanceof YAMLException &&
    !/single document|maxDepth|unknown tag|cannot resolve|non-printable|null byte/.test(err.reason ?? "")
  );
}

/**
 * The syntax errors of `text` after `first` (js-yaml's, which stops there), on lines below its own, as the
 * `yaml` parser reads on past each: one a line, in words a scenario's author knows, and only the kinds it
 * places where the mistake is and js-yaml refuses too. What it cannot place honestly ends the list: a
 * token it did not expect (what follows is read from a guess), a quote never closed before the end. Nothing
 * when the parser cannot read the text at all.
 */
function laterSyntaxErrors(text: string, file: string, first: InputError, log: NodeLog): InputError[] {
  const after = first.details.line;
  if (after === undefined) return [];
  // the file's first LATER_WINDOW bytes, to a line's end: the parser builds the whole document (5 MB of
  // scenario took seconds and 600 MB), and a first error further on is said alone. What the cut itself
  // leaves open (a { or a quote) is said on its last line, or at its end: nothing said there is kept.
  const cut = text.length <= LATER_WINDOW ? text.length : text.lastIndexOf("\n", LATER_WINDOW) + 1;
  if (cut <= 0 || log.lineColumn(cut === text.length ? cut : cut - 1).line <= after) return [];
  const read = text.slice(0, cut);
  const kept = cut === text.length ? Infinity : read.lastIndexOf("\n", cut - 2) + 1;
  const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  let errors: import("yaml").YAMLError[];
  try {
    errors = yaml.parseDocument(read, { uniqueKeys: false, schema: "failsafe" }).errors;
  } catch {
    return [];
  }
  const out: InputError[] = [];
  const lines = new Set<number>([after]);
  const end = text.trimEnd().length;
  for (let i = 0; i < errors.length && out.length < MAX_PROBLEMS; i++) {
    const e = errors[i]!;
    // a key whose value runs on to the next line (a key out of line below it): said where that line's
    // key ends, as js-yaml says it
    const next = errors[i + 1];
    const multiline =
      e.code === "BLOCK_AS_IMPLICIT_KEY" &&
      next?.code === "MULTILINE_IMPLICIT_KEY" &&
      next.pos[0] === e.pos[0];
    if (multiline) i++;
    // (a key's value that holds ": " said at that colon, as js-yaml says it)
    const at = multiline ? next!.pos[1] : e.code === "BLOCK_AS_IMPLICIT_KEY" ? e.pos[1] : e.pos[0];
    if (at >= kept) break;
    const said = laterReason(e, at >= end);
    if (said === undefined) continue;
    const position = log.lineColumn(at);
    if (position.line > after && !lines.has(position.line)) {
      lines.add(position.line);
      const [message, hint] = readMistake(said.reason, text, position.line, position.column) ?? said.words;
      // a { or [ left open is found where the parser gives up on it: the line that opened it is named
      const open = e.code === "BAD_INDENT" ? openedAbove(text, position.line) : undefined;
      out.push(
        new InputError(`cannot parse: ${message}`, {
          file,
          ...position,
          hint: open === undefined ? hint : `${hint} (line ${open} leaves one open)`,
        }),
      );
    }
    if (said.last) break;
  }
  return out;
}

/** The nearest line above line `line` (within LOOK_BACK) that leaves a { or [ open, or undefined. */
function openedAbove(text: string, line: number): number | undefined {
  for (let n = line - 1; n >= Math.max(1, line - LOOK_BACK); n--) {
    const l = lineOf(text, n);
    if (l !== undefined && openBracket(l)) return n;
  }
  return undefined;
}

/** What the `yaml` parser's error `e` is, as js-yaml's reason would say it (for readMistake) and in words;
 *  `last` when nothing after it can be told. Undefined for a kind not said. */
function laterReason(
  e: import("yaml").YAMLError,
  atEnd: boolean,
): { reason: string; words: [string, string]; last?: true } | undefined {
  const known = (reason: string) => {
    const k = KNOWN_REASONS.find(([pattern]) => pattern.test(reason))!;
    return { reason, words: [k[1], k[2]] as [string, string] };
  };
  switch (e.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
      return known("bad indentation of a mapping entry");
    case "TAB_AS_INDENT":
      return known("tab characters must not be used in indentation");
    case "BAD_INDENT":
      // a { or [ left open: the parser reads on from the line it ends at
      return /^Flow (map|sequence)/.test(e.message)
        ? known("unexpected end of the stream within a flow collection")
        : undefined;
    case "BLOCK_IN_FLOW":
      return {
        reason: "block in flow",
        words: [
          'a value holding ": " unquoted, inside { … } or [ … ]',
          'quote it: { text: "a: b" }, or separate the entries with commas',
        ],
      };
    case "BAD_SCALAR_START":
      return {
        reason: "reserved character",
        words: ["a value starting with a character YAML reserves (@ or `)", 'quote it: "@name"'],
      };
    case "MISSING_CHAR":
      // a quote never closed is one only at the end of the file: before it, js-yaml may read the lines
      // below as the quoted text's
      return /quote/.test(e.message) && atEnd
        ? {
            reason: "quote",
            words: ["a quoted value never closed", "close it with the quote it opens with"],
            last: true,
          }
        : undefined;
    case "UNEXPECTED_TOKEN":
      return {
        reason: "unexpected",
        words: [
          `unexpected ${/Unexpected (.*?) token/.exec(e.message)?.[1]?.replace(/-/g, " ") ?? "text"}`,
          "check the YAML/JSON syntax",
        ],
        last: true,
      };
    default:
      return undefined;
  }
}

/** The field path of `node` from the `yaml` parser's ancestors of it. */
function pathOf(
  { isPair, isScalar, isSeq }: typeof import("yaml"),
  ancestors: readonly unknown[],
  node: unknown,
): Array<string | number> {
  const path: Array<string | number> = [];
  for (let i = 0; i < ancestors.length; i++) {
    const at = ancestors[i];
    const child = i + 1 < ancestors.length ? ancestors[i + 1] : node;
    if (isSeq(at)) path.push(at.items.indexOf(child as never));
    else if (isPair(at) && at.value === child) path.push(isScalar(at.key) ? String(at.key.value) : "(key)");
  }
  return path;
}

function syntaxError(err: unknown, text: string, file: string, log: NodeLog): InputError {
  if (err instanceof RangeError) {
    // the engine's own stack: only a pathological nesting gets here
    return new InputError(`refused: nested more than ${MAX_DEPTH} levels deep`, {
      file,
      hint: "scenario and policy files are shallow; check the brackets",
    });
  }
  if (!(err instanceof YAMLException)) throw err;
  const reason = err.reason ?? "";
  const mark = err.mark as { line?: number; column?: number; position?: number } | undefined;
  let at: { line: number; column: number } | Record<string, never> =
    mark && typeof mark.line === "number" && typeof mark.column === "number"
      ? { line: mark.line + 1, column: mark.column + 1 }
      : {};
  // a control character inside quotes is found once the quoted text ends: it is placed where it is
  if (/expected valid JSON character/.test(reason) && typeof mark?.position === "number") {
    const control = lastControlBefore(text, mark.position);
    if (control >= 0) at = log.lineColumn(control);
  }
  // a control character outside quotes is found once its value ends (after it, or at the line's end): it
  // is placed where it is, and named
  let outside: string | undefined;
  if (/non-printable/.test(reason) && typeof mark?.position === "number") {
    const control = lastNonPrintableBefore(text, mark.position);
    if (control >= 0) {
      at = log.lineColumn(control);
      outside = visibleControls(String.fromCodePoint(text.codePointAt(control)!));
    }
  }
  // a null byte is refused before anything is read, wherever it is: js-yaml's mark has its offset right and
  // its line wrong (the first, the offset in the whole file as the column: `1:20` for one on line 3)
  if (/null byte/.test(reason) && typeof mark?.position === "number" && text[mark.position] === "\0")
    return new InputError("cannot parse: a control character (\\x00)", {
      file,
      ...log.lineColumn(mark.position),
      hint: 'write it as an escape in double quotes ("\\x00"), or remove it',
    });
  if (outside !== undefined)
    return new InputError(`cannot parse: a control character (${outside}) outside quotes`, {
      file,
      ...at,
      hint: `write it as an escape in double quotes ("${outside}"), or remove it`,
    });
  // a tag is found unknown once the value after it is read (at that value's end, lines below for a block):
  // it is placed at the tag, as written
  if (/^unknown tag /.test(reason) && typeof mark?.position === "number") {
    const tag = tagAt(reason, text, mark.position);
    if (tag >= 0) at = log.lineColumn(tag);
  }
  if (/single document/.test(reason)) {
    const second = log.documentStarts()[1];
    return new InputError("cannot parse: the file holds more than one YAML document", {
      file,
      ...(second === undefined ? {} : log.lineColumn(separatorBefore(text, second))),
      hint: "one scenario per file: remove the `---` separator or split the file",
    });
  }
  if (/maxDepth/.test(reason)) {
    return new InputError(`refused: nested more than ${MAX_DEPTH} levels deep`, {
      file,
      ...at,
      hint: "scenario and policy files are shallow; check the brackets",
    });
  }
  const yamlType = YAML_TYPE.exec(reason)?.[1];
  if (yamlType !== undefined) return yamlTypeError(yamlType, file, at);
  const read = at.line === undefined ? undefined : readMistake(reason, text, at.line, at.column);
  const known = KNOWN_REASONS.find(([pattern]) => pattern.test(reason));
  const [message, hint] =
    read ?? (known ? [known[1], known[2]] : [inWords(reason), "check the YAML/JSON syntax"]);
  return new InputError(`cannot parse: ${message}`, { file, ...at, hint });
}

/** The offset of the tag js-yaml's `unknown tag !<…>` names, as written (`!!binary`, `!foo`, `!<…>`), the
 *  last one standing alone before `end`; −1 when it cannot be told (a handle of a %TAG directive). */
function tagAt(reason: string, text: string, end: number): number {
  const named = /^unknown tag !<(.*)>/.exec(reason)?.[1];
  if (named === undefined) return -1;
  const written = [`!<${named}>`];
  if (named.startsWith("tag:yaml.org,2002:")) written.push(`!!${named.slice("tag:yaml.org,2002:".length)}`);
  else if (named.startsWith("!")) written.push(named);
  let best = -1;
  for (const tag of written) {
    for (let i = text.lastIndexOf(tag, end); i >= 0; i = i === 0 ? -1 : text.lastIndexOf(tag, i - 1)) {
      const before = i === 0 ? "" : text[i - 1]!;
      const after = text[i + tag.length] ?? "";
      if (/^$|[\s[{,:-]/.test(before) && /^$|[\s,\]}]/.test(after) && !inQuotes(text, i)) {
        best = Math.max(best, i);
        break;
      }
    }
  }
  return best;
}

/** Whether `offset` is inside a quoted scalar begun on its line (`text: "a !foo"`): no tag there. A quote
 *  opens one only where a value may begin (`it's` is plain text). */
function inQuotes(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let quote: string | null = null;
  for (let i = lineStart; i < offset; i++) {
    const ch = text[i]!;
    if (quote === '"' && ch === "\\") i++;
    else if (quote !== null) {
      if (ch === quote) quote = null;
    } else if ((ch === '"' || ch === "'") && (i === lineStart || /[\s[{,:]/.test(text[i - 1]!))) quote = ch;
  }
  return quote !== null;
}

/** What js-yaml refuses as non-printable outside quotes: C0 but tab and line breaks, DEL, C1 but NEL, the
 *  noncharacters U+FFFE/U+FFFF and half a surrogate pair. */
const NON_PRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The offset of the last character js-yaml refuses as non-printable before `end`, or −1. */
function lastNonPrintableBefore(text: string, end: number): number {
  let last = -1;
  NON_PRINTABLE.lastIndex = 0;
  const head = text.slice(0, Math.min(end, text.length));
  for (let m = NON_PRINTABLE.exec(head); m !== null; m = NON_PRINTABLE.exec(head)) last = m.index;
  return last;
}

/** The offset of the last control character (not a tab or a line break) before `end`, or −1. */
function lastControlBefore(text: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return -1;
}

/** How many lines above a mistake are read for the item or the bracket it goes with. */
const LOOK_BACK = 200;

/** A line that starts with a key (after a list item's `- `, if any): its group 1 is what precedes the key. */
const KEY_LINE = /^(\s*(?:-\s+)*)[^\s#\-{["'][^:#]*:(?:\s|$)/;

/** How many lines above a key out of line are read for the columns of the keys before it. */
const KEYS_READ = 20;

/**
 * The mistake behind a reason js-yaml gives to more than one, read from the lines at its mark (1-based):
 * "missed comma" is also a value holding ": " unquoted in braces, or a brace left open before the next
 * line's `- ` item; "bad indentation" at a `- ` is a list item out of line with the item before. Nothing
 * from the file is quoted: only line and column numbers. Undefined: the reason means what it says
 * (KNOWN_REASONS words it).
 */
function readMistake(
  reason: string,
  text: string,
  line: number,
  column: number,
): [string, string] | undefined {
  let start = 0;
  for (let n = 1; n < line && start >= 0; n++) start = text.indexOf("\n", start) + 1 || -1;
  if (start < 0) return undefined;
  const here = lineOf(text.slice(start, start + 10_000), 1) ?? "";
  const indent = here.search(/\S/);
  const item = /^\s*-(\s|$)/.test(here) && column === indent + 1;
  /** the lines above, nearest first, read backwards from this one */
  const above = (): Array<[number, string]> => {
    const out: Array<[number, string]> = [];
    for (let end = start - 1, n = line - 1; end >= 0 && n >= Math.max(1, line - LOOK_BACK); n--) {
      const from = text.lastIndexOf("\n", end - 1) + 1;
      out.push([n, text.slice(from, end).replace(/\r$/, "")]);
      end = from - 1;
    }
    return out;
  };
  if (/bad indentation of a (sequence|mapping) entry/.test(reason) && item) {
    const before = above().find(([, l]) => /^\s*-(\s|$)/.test(l));
    return [
      "bad indentation of a list item",
      `the items of one list start their "-" in the same column${
        before ? `: column ${before[1].search(/\S/) + 1}, as on line ${before[0]}` : ""
      }`,
    ];
  }
  // a key at the start of its line, out of line with the keys above it (a list item's mapping written
  // one key a line): the column of theirs nearest its own, and the nearest line that has it
  const key = KEY_LINE.exec(here);
  if (/bad indentation of a (sequence|mapping) entry/.test(reason) && key && column === indent + 1) {
    const keys = above()
      .slice(0, KEYS_READ)
      .flatMap(([n, l]): Array<[number, number]> => {
        const k = KEY_LINE.exec(l);
        return k ? [[n, k[1]!.length + 1]] : [];
      });
    const nearest = keys.reduce<[number, number] | undefined>(
      (best, k) => (best === undefined || Math.abs(k[1] - column) < Math.abs(best[1] - column) ? k : best),
      undefined,
    );
    return [
      "bad indentation of a key",
      `the keys of one mapping start in the same column${
        nearest ? `: column ${nearest[1]}, as on line ${nearest[0]}` : ""
      }`,
    ];
  }
  if (!/missed comma between flow collection entries/.test(reason)) return undefined;
  if (item) {
    // a block list's `- ` is never inside braces: the item before left its { or [ open
    const open = above().find(([, l]) => openBracket(l));
    return [NEVER_CLOSED[0], `${NEVER_CLOSED[1]}${open ? ` (line ${open[0]} leaves one open)` : ""}`];
  }
  // the entry up to the colon found: `text: called` is a one-word value followed by ": "
  const entry =
    here
      .slice(0, column - 1)
      .split(/[{[,]/)
      .at(-1) ?? "";
  if (/^\s*[^\s:]+:\s+[^\s:]+$/.test(entry))
    return ['a value holding ": " unquoted, inside { … }', 'quote it: { text: "a: b" }'];
  // else a comma missing, as KNOWN_REASONS says it
  return undefined;
}

/** Whether a line leaves a { or [ open (quoted text and a comment aside). */
function openBracket(line: string): boolean {
  const code = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""').replace(/(^|\s)#.*$/, "");
  let depth = 0;
  for (const c of code) {
    if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && depth > 0) depth--;
  }
  return depth > 0;
}

/** One of YAML's own types beyond the core schema (`!!binary`, `!!timestamp`, …), as js-yaml names its tag.
 *  Only these fixed names are echoed: a tag of the file's own is never quoted. */
const YAML_TYPE = /^unknown tag !<tag:yaml\.org,2002:(binary|timestamp|set|omap|pairs|merge|value)>/;

/** A YAML type credit-sim does not read, said as what it is and what to write instead. */
function yamlTypeError(type: string, file: string, at: { line?: number; column?: number }): InputError {
  const what: Record<string, [string, string]> = {
    binary: ["bytes (base64)", "write the value as plain text"],
    timestamp: ["a date and time", "write a day number or a date as plain text (2024-01-01)"],
    merge: ["a merge key (<<)", "write the keys out in full"],
  };
  const [is, instead] = what[type] ?? [
    "a collection of YAML's own",
    "write a plain list [ … ] or mapping { … }",
  ];
  return new InputError(`cannot parse: !!${type} is ${is}, a YAML type scenario files do not use`, {
    file,
    ...at,
    hint: `remove the !!${type} tag and ${instead}`,
  });
}

/** A { or [ left open: what js-yaml says at the end of the file, and readMistake at a `- ` item below it. */
const NEVER_CLOSED: [string, string] = ["a { or [ never closed", "close each { with } and each [ with ]"];

/** js-yaml's reasons a user meets most, in their words; the rest go through `inWords`. */
const KNOWN_REASONS: Array<[RegExp, string, string]> = [
  [/duplicated mapping key/, "duplicate key", "each key may appear once in a mapping"],
  [
    /bad indentation of a mapping entry/,
    "bad indentation of a mapping entry",
    'the keys of one mapping start in the same column, and a value that holds ": " is quoted (text: "a: b")',
  ],
  [
    /missed comma between flow collection entries/,
    "a comma missing between the entries of a { … } or [ … ]",
    'separate each entry from the next with a comma: { day: 1, type: note, text: hi }; a value that holds ": " is quoted (text: "a: b")',
  ],
  [/end of the stream within a flow collection/, ...NEVER_CLOSED],
  [/tab characters/, "tabs are not allowed as indentation", "indent with spaces"],
  [
    /null byte|non-printable/,
    "the file holds control characters",
    "scenario, policy and persona files are YAML or JSON text",
  ],
  [
    // a control character typed inside quotes (js-yaml's words speak of JSON)
    /expected valid JSON character/,
    "a quoted value holds a control character",
    "write it as an escape in double quotes (\\t, \\n, \\x1b), or remove it",
  ],
  [
    /unidentified alias/,
    "an alias (*name) without an anchor (&name) before it",
    "define the anchor before the alias",
  ],
  [/unknown tag/, "an unknown tag (a `!word` before a value)", "remove the tag: plain values need none"],
  [
    /cannot resolve a node with/,
    "a value that does not fit its tag (`!!int`, `!!float` …)",
    "remove the tag: plain values need none (numbers in decimal)",
  ],
];

/** A parser's reason without anything quoted from the file (names, tags, text found). */
function inWords(reason: string): string {
  const cut = reason.search(/["'`]|!<|: |\(/);
  const words = (cut < 0 ? reason : reason.slice(0, cut)).trim();
  return words === "" ? "not valid YAML" : words;
}

/** The `---` (or `...`) line that starts the document at `offset`, or the offset itself. */
function separatorBefore(text: string, offset: number): number {
  for (let end = offset; end > 0; ) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    const head = text.slice(lineStart, lineStart + 3);
    if (head === "---" || head === "...") return lineStart;
    end = lineStart - 1;
  }
  return offset;
}

/** JSON files get JSON's own syntax errors, which speak of JSON rather than of YAML indentation. */
function checkJsonSyntax(text: string, file: string): void {
  parseJson(text, file);
}

/** JSON.parse with its syntax errors as InputErrors: line and column, the reason in words, no excerpt. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) {
      throw new InputError("refused: nested too deeply to read", { file, hint: "check the brackets" });
    }
    if (!(err instanceof SyntaxError)) throw err;
    const at = /at position (\d+)/.exec(err.message);
    // line and column as an editor shows them (a carriage return alone is a line break too)
    const position = (offset: number) => {
      const starts = lineStartsOf(text).filter((s) => s <= offset);
      return { line: starts.length, column: offset - starts[starts.length - 1]! + 1 };
    };
    let where = {};
    if (at) where = position(Number(at[1]));
    else if (/end of JSON input/.test(err.message)) where = position(text.length);
    else {
      // an unexpected token is given no position by V8: the scan finds it
      const offset = jsonErrorOffset(text);
      if (offset !== null) where = position(offset);
    }
    // a control character typed inside a string: named, with JSON's escape for it (as YAML's are told)
    const offset = at ? Number(at[1]) : -1;
    const control = /control character/i.test(err.message) ? text.codePointAt(offset) : undefined;
    if (control !== undefined && control < 0x20) {
      const shown = visibleControls(String.fromCodePoint(control));
      throw new InputError(`cannot parse JSON: a string holds a control character (${shown})`, {
        file,
        ...where,
        hint: `write it as an escape (\\u${control.toString(16).padStart(4, "0")}), or remove it`,
      });
    }
    // the parser ran out of text: a file cut short (a shard whose job was stopped, or is still writing it),
    // not a syntax slip — told so, or the customer hunts a comma that is not there
    const cut = at ? offset >= text.length : /end of JSON input/.test(err.message);
    throw new InputError(`cannot parse JSON: ${jsonReason(err.message)}`, {
      file,
      ...where,
      hint: cut
        ? "the file ends before its JSON does: it looks cut short (written by a job that was stopped or is still running, or copied in part) — write it again"
        : "check the JSON syntax (no trailing commas, keys in double quotes)",
    });
  }
}

/**
 * JSON.parse's message, without the excerpt of the file it quotes (`"…" is not valid JSON`, or cut short,
 * `..."…"... is not valid JSON`) or the character it stopped at. Whatever still looks like file text (a
 * double quote, a quoted run longer than one syntax character) gives way to plain words: a file that did
 * not parse is never quoted.
 */
export function jsonReason(message: string): string {
  const words = message
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/,? (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, "")
    .replace(/ (token|character) '.*?'/s, " $1")
    .replace(/ after JSON at position \d+.*$/s, " after the JSON value")
    .trim();
  // "Expected ',' or '}'" quotes syntax, one character each; a longer quoted run could be the file's
  if (words.includes('"') || /'[^'\s]{2,}'/.test(words) || words === "") return "not valid JSON";
  return words.charAt(0).toLowerCase() + words.slice(1);
}

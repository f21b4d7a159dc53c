// Text → plain data, keeping a map back to line and column for error messages. YAML 1.2 is a superset
// of JSON, so one parser reads both and reports positions for both.
//
// Two parsers, one behaviour: the `yaml` package keeps positions and guards against hostile input, but
// is several times slower than js-yaml; a plain file (no anchors, aliases, tags or several documents,
// nothing forbidden) is read with js-yaml's YAML 1.2 core schema, and `yaml` runs only when positions are
// asked for — i.e. when something is wrong. Both give the same data for such files (a test compares them).

import { createRequire } from "node:module";
import { CORE_SCHEMA, load as loadFast } from "js-yaml";
import type { Document, LineCounter } from "yaml";

// The careful parser loads on first use: a plain file never pays for it (start-up time of `run`).
type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;
const yaml = (): YamlModule => {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
};

import { describeValue, formatPath, InputError } from "../shared/errors.js";

/** Alias expansion beyond this is an alias bomb, not a scenario. */
const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface Parsed {
  data: unknown;
  /** line/column of a path's value (or of its key, for `key: true`), 1-based */
  position(path: readonly PropertyKey[], key?: boolean): { line: number; column: number } | undefined;
}

/** Deeper than this is not a scenario: refused before anything recurses over it. */
const MAX_DEPTH = 64;

export function parseText(text: string, file: string): Parsed {
  const fast = /\.json$/i.test(file) ? undefined : parseFast(text);
  if (fast === undefined) return parseCarefully(text, file);
  let careful: Parsed | undefined;
  return {
    data: fast,
    position: (path, key) => {
      careful ??= parseCarefully(text, file);
      return careful.position(path, key);
    },
  };
}

/** Anything beyond plain mappings, lists and scalars sends a file down the careful path. */
const UNUSUAL = /(^|[\s[{,:-])[&*!][^\s,\]}]|<<|^(---|\.\.\.)/m;

/** js-yaml on a plain file; undefined when the file is unusual or wrong in any way (the careful path
 *  then says what and where). */
export function parseFast(text: string): unknown {
  if (UNUSUAL.test(text)) return undefined;
  let data: unknown;
  try {
    data = loadFast(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return isPlain(data, 0) ? data : undefined;
}

function isPlain(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => isPlain(v, depth + 1));
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || !isPlain((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** The `yaml` package: positions, duplicate keys, alias limits, forbidden keys, depth. */
export function parseCarefully(text: string, file: string): Parsed {
  if (/\.json$/i.test(file)) checkJsonSyntax(text, file);
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      logLevel: "error",
    });
  } catch (err) {
    throw tooDeep(err, file);
  }
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new InputError(`cannot parse: ${parseMessage(first.code, first.message)}`, {
      file,
      line: pos.line,
      column: pos.col,
      hint: parseHint(first.code),
    });
  }
  rejectComplexKeys(doc, lineCounter, file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep(err, file);
    throw new InputError("refused: the file expands too many aliases (an alias bomb?)", {
      file,
      hint: `at most ${MAX_ALIAS_COUNT} alias expansions are allowed; write the values out`,
      found: err instanceof Error ? err.message : String(err),
    });
  }
  const position = (path: readonly PropertyKey[], key = false) => locate(doc, lineCounter, path, key);
  rejectForbiddenKeys(data, [], file, position);
  return { data, position };
}

function parseMessage(code: string, message: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "duplicate key";
    case "MULTIPLE_DOCS":
      return "the file holds more than one YAML document";
    case "TAB_AS_INDENT":
      return "tabs are not allowed as indentation";
    default: {
      const line = message.split("\n")[0]!;
      return /call stack/i.test(line) ? `nested more than ${MAX_DEPTH} levels deep` : line;
    }
  }
}

function parseHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "each key may appear once in a mapping";
    case "MULTIPLE_DOCS":
      return "one scenario per file: remove the `---` separator or split the file";
    case "TAB_AS_INDENT":
      return "indent with spaces";
    default:
      return "check the YAML/JSON syntax";
  }
}

function tooDeep(err: unknown, file: string): InputError {
  if (err instanceof RangeError) {
    return new InputError(`refused: nested more than ${MAX_DEPTH} levels deep`, {
      file,
      hint: "scenario and policy files are shallow; check the brackets",
    });
  }
  throw err;
}

/** JSON files get JSON's own syntax errors, which speak of JSON rather than of YAML indentation. */
function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    const at = /at position (\d+)/.exec(err.message);
    const message = err.message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    let where = {};
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const lines = before.split("\n");
      where = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    }
    throw new InputError(`cannot parse JSON: ${message}`, {
      file,
      ...where,
      hint: "check the JSON syntax (no trailing commas, keys in double quotes)",
    });
  }
}

/** Keys must be plain words: `? [a, b]: 1` would be stringified by the parser, with a warning. */
function rejectComplexKeys(doc: Document, lc: LineCounter, file: string): void {
  const { isMap, isScalar, isSeq } = yaml();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      throw new InputError(`refused: nested more than ${MAX_DEPTH} levels deep`, {
        file,
        hint: "scenario and policy files are shallow; check the brackets",
      });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.key !== null && !isScalar(pair.key)) {
          const p = lc.linePos((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0);
          throw new InputError("a key must be a plain word, not a list or a mapping", {
            file,
            line: p.line,
            column: p.col,
            hint: "write `name: value`",
          });
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
}

function locate(doc: Document, lc: LineCounter, path: readonly PropertyKey[], key: boolean) {
  const { isMap, isPair, isScalar } = yaml();
  // walk as deep as the document goes: a missing field points at its parent
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth) as Array<string | number>;
    let offset: number | undefined;
    if (key && depth === path.length && depth > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (p) => isPair(p) && isScalar(p.key) && p.key.value === sub[sub.length - 1],
        );
        if (pair && isScalar(pair.key)) offset = pair.key.range?.[0];
      }
    }
    if (offset === undefined) {
      const node = depth === 0 ? doc.contents : doc.getIn(sub, true);
      offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
    }
    if (offset !== undefined) {
      const p = lc.linePos(offset);
      return { line: p.line, column: p.col };
    }
  }
  return undefined;
}

function rejectForbiddenKeys(
  value: unknown,
  path: Array<string | number>,
  file: string,
  position: Parsed["position"],
): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) rejectForbiddenKeys(v, [...path, i], file, position);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      throw new InputError(`forbidden key "${key}"`, {
        file,
        ...position(here, true),
        field: formatPath(here),
        found: describeValue(key),
        hint: "keys that name object internals are refused; remove it",
      });
    }
    rejectForbiddenKeys((value as Record<string, unknown>)[key], here, file, position);
  }
}

// Text → plain data, keeping a map back to line and column for error messages. YAML 1.2 is a superset
// of JSON, so one parser reads both and reports positions for both.

import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import { describeValue, formatPath, InputError } from "./errors.js";

/** Alias expansion beyond this is an alias bomb, not a scenario. */
const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface Parsed {
  data: unknown;
  /** line/column of a path's value (or of its key, for `key: true`), 1-based */
  position(path: readonly PropertyKey[], key?: boolean): { line: number; column: number } | undefined;
}

export function parseText(text: string, file: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const message = first.code === "DUPLICATE_KEY" ? "duplicate key" : first.message.split("\n")[0]!;
    throw new InputError(`cannot parse: ${message}`, {
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
      hint:
        first.code === "DUPLICATE_KEY"
          ? "each key may appear once in a mapping"
          : "check the YAML/JSON syntax",
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
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

function locate(doc: Document, lc: LineCounter, path: readonly PropertyKey[], key: boolean) {
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

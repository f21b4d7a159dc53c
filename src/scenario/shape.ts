// The checks between parsing and the schema: whatever a file holds, the data that reaches validation is a
// finite tree of bounded size. One walk, before anything else recurses over the data:
// - aliases: a value may be repeated (`*name`), but not inside itself (a cycle), and what the repeats
//   expand to counts towards the same bounds as what is written out — size, not only the number of aliases;
// - depth, the number of values, the characters in keys and strings, the items of one list, the keys of
//   one mapping;
// - keys: no key that names object internals (`__proto__`), no list or mapping used as a key.
// Shared values are visited once (their size is remembered), so the walk costs the written size.

import { MAX_DAY } from "../engine/index.js";
import { describeValue, formatPath, InputError, MAX_PROBLEMS } from "../shared/errors.js";
import type { Position } from "./positions.js";

/** Deeper than this is not a scenario, a policy or a persona. */
export const MAX_DEPTH = 64;
/** Values (scalars, lists, mappings) once aliases are expanded: 100,000 events of five fields fit. */
export const MAX_VALUES = 1_000_000;
/** Characters in keys and strings once aliases are expanded: twice the largest file. */
const MAX_CHARS = 10_000_000;
/** Items of any one list (`events:` is the longest a scenario has). */
export const MAX_LIST_ITEMS = 100_000;
/** Keys of any one mapping: a policy, the widest, has some 50 parameters. Past this, a file is refused
 *  before validation, which looks at every key (a place and a "did you mean" each): 400,000 keys, 4 MB,
 *  took 12 s to be refused. */
export const MAX_MAPPING_KEYS = 20_000;
/** Upper bound on simulated days (the engine's: it refuses a scenario past it). */
export { MAX_DAY };

/** Keys that name object internals: refused wherever a key is read (files, flags). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export interface ShapeContext {
  file: string;
  /** characters in the file: what the data may hold without aliases */
  textLength: number;
  position(path: readonly PropertyKey[], key?: boolean): Position | undefined;
  /** where the first alias to `value` is written (a cycle is reported there) */
  aliasTo(value: object): Position | undefined;
  /** whether the key at `path` was written as a list or a mapping (`? [a, b]: 1`) */
  keyIsCollection(path: readonly PropertyKey[]): boolean;
  /** whether the key at `path` is YAML's null (`~: x`), which reaches the data as the text "null" */
  keyIsNull?(path: readonly PropertyKey[]): boolean;
  /** whether the text may write a key as a list or a mapping at all (`[a]: 1`, `{a: 1}: 2`, `? …`):
   *  when it may, every key is looked up, one-item lists (`[events]`, read as "events") too */
  collectionKeys?: boolean;
}

interface Size {
  values: number;
  chars: number;
  /** levels below this value */
  height: number;
}

/** A key refused where it stands (forbidden, or a list or mapping as a key): the key is taken out of the
 *  data, so that the schema's problems are reported with it and nothing reaches an object's prototype. */
export interface KeyProblems {
  /** the first of them, in file order (enough to report with a file's other problems) */
  problems: InputError[];
  /** more were found than `problems` holds */
  truncated: boolean;
}

export function checkShape(data: unknown, ctx: ShapeContext): KeyProblems {
  const sizes = new WeakMap<object, Size>();
  const open = new Set<object>();
  let shared = false;
  const path: Array<string | number> = [];
  const keyProblems: InputError[] = [];
  let truncated = false;
  // the walk is in file order: past this many, a key's problem could not be among those reported
  const report = (make: () => InputError) => {
    if (keyProblems.length > MAX_PROBLEMS) truncated = true;
    else keyProblems.push(make());
  };

  const refuse = (
    message: string,
    details: { hint?: string; found?: string; key?: boolean; field?: string } = {},
  ) => {
    const { key, field, ...rest } = details;
    return new InputError(message, {
      file: ctx.file,
      ...ctx.position(path, key === true),
      ...(field !== undefined ? { field } : path.length > 0 ? { field: formatPath(path) } : {}),
      ...rest,
    });
  };

  const tooBig = (size: Size): InputError | undefined => {
    if (size.values <= MAX_VALUES && size.chars <= MAX_CHARS) return undefined;
    const what = size.values > MAX_VALUES ? `${MAX_VALUES} values` : `${MAX_CHARS} characters`;
    // without aliases, a file holds at most as many characters as it has (strings are not shared objects)
    const expanded = shared || size.chars > ctx.textLength;
    return new InputError(
      expanded
        ? `refused: its aliases expand to more than ${what} (an alias bomb?)`
        : `refused: the file holds more than ${what}`,
      {
        file: ctx.file,
        hint: expanded
          ? "an alias (*name) repeats everything its anchor holds; write the values out, or repeat less"
          : "split the timeline into several scenarios",
      },
    );
  };

  const visit = (value: unknown, depth: number): Size => {
    if (typeof value === "string") return { values: 1, chars: value.length, height: 0 };
    if (value === null || typeof value !== "object") return { values: 1, chars: 0, height: 0 };
    if (open.has(value)) {
      throw new InputError("refused: an alias is used inside the value it names (a cycle)", {
        file: ctx.file,
        ...ctx.aliasTo(value),
        ...(path.length > 0 ? { field: formatPath(path) } : {}),
        hint: "an alias (*name) repeats a value written before it; it cannot repeat a value that contains it",
      });
    }
    const known = sizes.get(value);
    if (known) {
      shared = true;
      if (depth + known.height > MAX_DEPTH) throw tooDeep();
      return known;
    }
    if (depth >= MAX_DEPTH) throw tooDeep();
    open.add(value);
    const size: Size = { values: 1, chars: 0, height: 0 };
    const add = (child: Size) => {
      size.values += child.values;
      size.chars += child.chars;
      size.height = Math.max(size.height, child.height + 1);
      const big = tooBig(size);
      if (big) throw big;
    };
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        throw refuse(`refused: a list of ${value.length} items`, {
          found: `${value.length} items`,
          hint: `at most ${MAX_LIST_ITEMS} items in a list; split the timeline into several scenarios`,
        });
      }
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        add(visit(value[i], depth + 1));
        path.pop();
      }
    } else {
      const keys = Object.keys(value);
      if (keys.length > MAX_MAPPING_KEYS) {
        throw refuse(`refused: a mapping of ${keys.length} keys`, {
          found: `${keys.length} keys`,
          hint: `at most ${MAX_MAPPING_KEYS} keys in a mapping: a scenario, a policy or a persona has a few dozen`,
        });
      }
      for (const key of keys) {
        path.push(key);
        // a bad key is reported with every other one (its value is not looked into); what makes the
        // walk itself unsafe (a bomb, a cycle, depth) stops it at once
        if (FORBIDDEN_KEYS.has(key)) {
          report(() =>
            refuse(`forbidden key "${key}"`, {
              key: true,
              found: describeValue(key),
              hint: "keys that name object internals are refused; remove it",
            }),
          );
          delete (value as Record<string, unknown>)[key];
          path.pop();
          continue;
        }
        if ((ctx.collectionKeys === true || looksComposite(key)) && ctx.keyIsCollection(path)) {
          report(() =>
            refuse("a key must be a plain word, not a list or a mapping", {
              key: true,
              // the key as js-yaml turned it into text ("[object Object]") would name nothing: its place does
              field: formatPath([...path.slice(0, -1), "(key)"]),
              hint: "write `name: value`",
            }),
          );
          delete (value as Record<string, unknown>)[key];
          path.pop();
          continue;
        }
        if (key === "null" && ctx.keyIsNull?.(path) === true) {
          report(() =>
            refuse("a key YAML reads as null (`~` or `null`): a field needs a name", {
              key: true,
              field: formatPath([...path.slice(0, -1), "(key)"]),
              hint: 'write the field\'s name before the colon (quoted, "null", if you meant the word)',
            }),
          );
          delete (value as Record<string, unknown>)[key];
          path.pop();
          continue;
        }
        size.chars += key.length;
        add(visit((value as Record<string, unknown>)[key], depth + 1));
        path.pop();
      }
    }
    open.delete(value);
    sizes.set(value, size);
    return size;
  };

  // said where the nesting passes the limit (the value, or the alias, that goes deeper), as the parser
  // says a nesting deeper still: the first level too many, on its line
  const tooDeep = () =>
    new InputError(`refused: nested more than ${MAX_DEPTH} levels deep`, {
      file: ctx.file,
      ...ctx.position(path),
      hint: "scenario and policy files are shallow; check the brackets",
    });

  visit(data, 0);
  return { problems: keyProblems, truncated };
}

/** What js-yaml makes of a list or mapping used as a key: its items joined by commas, or an object's
 *  name. Only such keys are looked up in the file (the lookup is not free). */
function looksComposite(key: string): boolean {
  return key === "" || key.includes(",") || key.includes("[object Object]");
}

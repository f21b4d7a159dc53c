// A library caller's argument, read once into a copy of plain data: the copy is what is checked and what
// is handed on. Each field is read once (a getter that answers one value to the check and another to the
// function, or throws, is told here, not met in the middle of a run); an object that holds itself, one
// nested past any data's depth, a list longer than any the library reads, a proxy whose traps throw: each
// told as bad input naming where. A frozen object is never written to (the copy is), and a `__proto__` key
// is a key like any other, never the copy's prototype. A -0 is copied as 0: no data the library reads
// tells them apart, but a division by one, a sign or Object.is would (a balance of -0 was handed back as
// -0).

import { clip, describeValue, formatPath, InputError, type InputErrorDetails } from "./errors.js";

export interface CopyOptions {
  /** the longest list copied: longer is refused, not walked (a length of 2³² − 1) */
  maxList?: number;
  /** the deepest data goes; past this it is refused (and the walk cannot overflow the stack) */
  maxDepth?: number;
  /** what the root is called when a problem is at it ("(the scenario)") */
  root?: string;
  /** an instance of a class kept as it is (true), or copied as a plain object of its own fields */
  keepInstances?: boolean;
  /** a function kept as it is (a callback: true), or refused as no data (a document's) */
  functions?: boolean;
  /** a `__proto__` key kept as a key (true: what a schema then refuses as a file would), or refused here */
  protoKeys?: boolean;
  /** a Map kept as it is (a cache the function fills and reads again: the caller's own, its entries
   *  checked by the schema), or copied */
  keepMaps?: boolean;
}

/** A problem at the library's door: its message names the field and says what was expected and found
 *  (what a caller's stack trace shows), and its details are the CLI's (field, expected, found, hint) —
 *  in the message, a long `expected` (a list of every parameter) shortened, the fix kept. */
export function doorError(
  field: string,
  message: string,
  d: Omit<InputErrorDetails, "field"> = {},
): InputError {
  let text = `${field}: ${message}`;
  if (d.expected !== undefined) text += `${message ? ": " : ""}expected ${clip(d.expected, 100)}`;
  if (d.found !== undefined) text += `, found ${d.found}`;
  if (d.hint !== undefined) text += ` (${d.hint})`;
  return new InputError(text, { ...d, field });
}

/** What an error thrown by a caller's getter says, read without trusting it. */
function thrownText(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : describeValue(e);
  } catch {
    return "an error";
  }
}

const TYPED_ARRAYS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
] as const;

/**
 * A plain copy of `root`, and the problems of reading it. Objects (of Object's prototype or none), lists,
 * Maps and typed arrays are copied; a function is kept as it is (it is called, not read), and so is, with
 * `keepInstances`, an instance of a class (a random stream, a cache: the library reads it through its own
 * methods) — what a caller hands in as such is the caller's own to keep honest.
 */
export function plainCopy(
  root: unknown,
  options: CopyOptions = {},
): { copy: unknown; problems: InputError[] } {
  const maxList = options.maxList ?? 1_000_000;
  const maxDepth = options.maxDepth ?? 12;
  const problems: InputError[] = [];
  const tell = (path: readonly PropertyKey[], message: string, d: Omit<InputErrorDetails, "field">) =>
    problems.push(doorError(formatPath(path) || options.root || "(the argument)", message, d));
  const done = new Map<object, unknown>();
  const open = new Set<object>();
  const read = (o: object, key: PropertyKey, path: readonly PropertyKey[]): unknown => {
    try {
      return (o as Record<PropertyKey, unknown>)[key];
    } catch (e) {
      tell([...path, key], "could not be read", {
        expected: "a value",
        found: `its getter threw ${thrownText(e)}`,
      });
      return undefined;
    }
  };
  const walk = (v: unknown, path: readonly PropertyKey[]): unknown => {
    if (typeof v === "symbol" || typeof v === "bigint" || (typeof v === "function" && !options.functions)) {
      // no data the library reads is one (a symbol where a day is: "Cannot convert a Symbol value")
      tell(path, "is no data", {
        expected: "text, a number, true or false, null, a list or an object",
        found: `a ${typeof v}`,
      });
      return undefined;
    }
    if (typeof v !== "object" || v === null) return v === 0 ? 0 : v;
    if (done.has(v)) return done.get(v);
    if (open.has(v)) {
      tell(path, "holds itself", { expected: "plain data", found: "an object inside itself (a cycle)" });
      return undefined;
    }
    if (path.length > maxDepth) {
      tell(path, "nested too deep", {
        expected: `data at most ${maxDepth} levels deep`,
        found: "an object deeper",
      });
      return undefined;
    }
    open.add(v);
    try {
      const out = copyOf(v, path);
      done.set(v, out);
      return out;
    } catch (e) {
      // a proxy's traps (ownKeys, isArray of a revoked one, getPrototypeOf)
      tell(path, "could not be read", { expected: "plain data", found: `it threw ${thrownText(e)}` });
      return undefined;
    } finally {
      open.delete(v);
    }
  };
  const item = (o: object, key: PropertyKey, path: readonly PropertyKey[]): unknown => {
    const x = read(o, key, path);
    return (typeof x === "object" && x !== null) ||
      typeof x === "symbol" ||
      typeof x === "bigint" ||
      typeof x === "function"
      ? walk(x, [...path, key])
      : x === 0
        ? 0
        : x;
  };
  const copyOf = (v: object, path: readonly PropertyKey[]): unknown => {
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > maxList) {
        tell(path, "too long", { expected: `a list of at most ${maxList}`, found: `a list of ${n}` });
        return undefined;
      }
      const list: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) list[i] = item(v, i, path);
      return list;
    }
    if (v instanceof Map) {
      if (options.keepMaps) return v;
      if (v.size > maxList) {
        tell(path, "too large", { expected: `a Map of at most ${maxList}`, found: `a Map of ${v.size}` });
        return undefined;
      }
      const map = new Map<unknown, unknown>();
      let i = 0;
      for (const [key, value] of Map.prototype.entries.call(v)) {
        const at = [...path, typeof key === "number" || typeof key === "string" ? key : i];
        map.set(walk(key, at), walk(value, at));
        i++;
      }
      return map;
    }
    if (ArrayBuffer.isView(v))
      for (const T of TYPED_ARRAYS) if (v instanceof T) return new T(v as InstanceType<typeof T>);
    const proto = Object.getPrototypeOf(v);
    if (options.keepInstances && proto !== Object.prototype && proto !== null) return v;
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (key !== "__proto__") {
        // an assignment (a fresh object's own key: no setter but `__proto__`'s on its way), many times
        // faster than defining each
        object[key] = item(v, key, path);
        continue;
      }
      if (options.protoKeys === false) {
        tell([...path, key], "is no field", { expected: "data without a `__proto__` key", found: "one" });
        continue;
      }
      // a `__proto__` key kept as a key (an assignment would set the copy's prototype)
      Object.defineProperty(object, key, {
        value: item(v, key, path),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  };
  const copy = walk(root, []);
  return { copy, problems };
}

// The loaders as the library hands them out: a scenario's path or text, a policy's reference — checked by
// the loaders themselves, in their own words — and what a caller builds by hand beside them, checked at
// the door: loadScenario's and loadScenarioText's options, loadPolicy's reading and the file that names it.
//
// A policy cache (`policyCache`, `policyOutcomes`, a reading's `cache` and `outcomes`) is the loader's own
// memory, not data: the loader fills it and reads it again on the next call, and what it knows of each
// policy beside its fields (the files of its `extends` chain, its warnings) it keeps by the object. A copy
// would be filled in the caller's stead and lose that; so the caller's Map is the one handed on, and it is
// taken only as the loader leaves it: a Map itself (no proxy, no subclass, no method of its own), each entry
// a policy the loader read (a hand-made policy is refused: a policy a scenario runs with is a file's, and
// the loader checked it as one; the loader freezes each policy's objects, and the check here finds no getter
// or proxy in it, so nothing can answer the check one value and the loader's read another) and still as a
// policy file's; an outcome, a read policy or the error the file was refused with. Start one with `new Map()`.

import { types } from "node:util";
import * as z from "zod";
import { checked, date, isObject, leaf, list, options, type Schema, text } from "./library-door.js";
import { policyProblems } from "./scenario/built.js";
import { loadScenario as rawLoadScenario, loadScenarioText as rawLoadScenarioText } from "./scenario/load.js";
import { isReadPolicy, loadPolicy as rawLoadPolicy } from "./scenario/load-policy.js";
import { InputError, MAX_PROBLEMS } from "./shared/errors.js";

const START_ONE = "start one with new Map() and hand the same Map to each call";

/** a Map as the loader made it: Map's own (no proxy, no subclass, no method written over) */
const ownMap = (v: unknown): v is Map<unknown, unknown> => {
  try {
    return (
      v instanceof Map &&
      !types.isProxy(v) &&
      Object.getPrototypeOf(v) === Map.prototype &&
      Reflect.ownKeys(v).length === 0
    );
  } catch {
    return false;
  }
};

/** A cache the loader fills: the caller's own Map, each entry checked by `entry` (its problems, at the
 *  entry's key). */
const cache = (
  expected: string,
  entry: (value: unknown, ctx: z.core.$RefinementCtx, at: PropertyKey) => void,
) =>
  z.custom<Map<string, unknown>>(ownMap, { error: `${expected} (${START_ONE})` }).superRefine((m, ctx) => {
    let told = 0;
    for (const [key, value] of Map.prototype.entries.call(m)) {
      if (told > MAX_PROBLEMS) return;
      if (typeof key !== "string") {
        ctx.addIssue({ code: "custom", message: `${expected}: its keys files' paths (${START_ONE})` });
        told++;
        continue;
      }
      entry(value, ctx, key);
    }
  });

/** a policy the loader read, still as its file made it */
function readPolicyEntry(value: unknown, ctx: z.core.$RefinementCtx, at: readonly PropertyKey[]): void {
  if (!isReadPolicy(value)) {
    ctx.addIssue({
      code: "custom",
      path: [...at],
      message: `a policy the loader read (a cache holds what loadScenario or loadPolicy put there: ${START_ONE})`,
    });
    return;
  }
  if (!asLoaderLeftIt(value)) {
    ctx.addIssue({
      code: "custom",
      path: [...at],
      message: `a policy the loader read, changed since: a getter, a proxy or an object of the caller's put in it (${START_ONE})`,
    });
    return;
  }
  for (const problem of policyProblems(value, [], false))
    ctx.addIssue({ code: "custom", path: [...at], message: problem.message, params: { problem } });
}

/** Plain data throughout, as the loader left it: its objects frozen, no getter or setter anywhere (read by
 *  descriptor: none is called), no proxy — so that what the check reads is what the loader reads after
 *  it. The loader leaves a policy's lists unfrozen (load-policy.ts: the review's speed): one may have been
 *  changed, which the check of its values then sees. */
function asLoaderLeftIt(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (types.isProxy(value) || (!Array.isArray(value) && !Object.isFrozen(value))) return false;
  for (const d of Object.values(Object.getOwnPropertyDescriptors(value)))
    if (!("value" in d) || !asLoaderLeftIt(d.value)) return false;
  return true;
}

/** what the loader keeps of each policy file read, by path */
export const policyCache = cache(
  "a policy cache: a Map of file to policy, as the loader fills it",
  (v, ctx, at) => readPolicyEntry(v, ctx, [at]),
);
/** what each policy file read came to, by its real path: its policy, or the error it was refused with */
const policyOutcomes = cache(
  "the policies' outcomes: a Map of file to what it came to, as the loader fills it",
  (v, ctx, at) => {
    if (!isObject(v) || !("result" in v) || !("folder" in v)) {
      ctx.addIssue({
        code: "custom",
        path: [at],
        message: `what a file came to: an object with result and folder, as the loader keeps it (${START_ONE})`,
      });
      return;
    }
    if (!(v.result instanceof InputError)) readPolicyEntry(v.result, ctx, [at, "result"]);
    if (!(v.folder === null || typeof v.folder === "string"))
      ctx.addIssue({ code: "custom", path: [at, "folder"], message: "a folder's path, or null" });
  },
);

/** the last day asked: a day's number, or a day as the command line asks it (its number or its date) */
const until = leaf(
  "the last day: a whole number, { day, typed? } or { date: YYYY-MM-DD }",
  (v) =>
    (Number.isSafeInteger(v) && (v as number) >= 0) ||
    (isObject(v) &&
      ((Object.keys(v).every((k) => k === "day" || k === "typed") &&
        Number.isSafeInteger(v.day) &&
        (v.day as number) >= 0 &&
        (v.typed === undefined || typeof v.typed === "string")) ||
        (Object.keys(v).length === 1 && date.safeParse(v.date).success))),
);
const roots = list(text, "a list of folders");

/** loadScenario()'s and runScenario()'s options */
export const loadOptions = options("load options", {
  policy: text.optional(),
  cwd: text.optional(),
  seed: leaf(
    "a number (read and ignored: scenarios are deterministic)",
    (v) => typeof v === "number",
  ).optional(),
  until: until.optional(),
  policyCache: policyCache.optional(),
  policyOutcomes: policyOutcomes.optional(),
  roots: roots.optional(),
}).optional();

/** a path or text the loader checks itself, in its own words */
const own = (name: string): readonly [string, Schema, false] => [name, z.unknown(), false];

/** loadScenario(): a scenario file read, checked, normalised; its options checked at the door. */
export const loadScenario = checked(rawLoadScenario, [own("file"), ["options", loadOptions, "caches"]]);
/** loadScenarioText(): the same of text in memory. */
export const loadScenarioText = checked(rawLoadScenarioText, [
  own("text"),
  own("file"),
  ["options", loadOptions, "caches"],
]);
/** loadPolicy(): a policy by name or path; the reading (its caches and roots) checked at the door. */
export const loadPolicy = checked(rawLoadPolicy, [
  own("ref"),
  own("baseDir"),
  [
    "reading",
    options("a policy reading: an object with cache, roots and outcomes", {
      cache: policyCache,
      roots,
      outcomes: policyOutcomes.optional(),
    }).optional(),
    "caches",
  ],
  ["from", text.optional()],
]);

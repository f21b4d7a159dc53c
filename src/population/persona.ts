// Loading persona files: read → parse (positions kept) → validate → small named cross-field rules.
// The same helpers as scenarios, so a bad persona gets file:line:col, the field, expected/found and a
// "did you mean".

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type * as z from "zod";
import { MAX_HISTORY_MONTHS, PROFILE_AGE } from "../engine/index.js";
import { type BuiltinKind, builtinNames, resolveRef } from "../scenario/builtin.js";
import { describeIssue, isRecord, valueAt } from "../scenario/issues.js";
import { POLICY_KIND, SCENARIO_KIND } from "../scenario/kinds.js";
import { type Parsed, parseText } from "../scenario/parse.js";
import { readInputFile } from "../scenario/read.js";
import { numberWritten, type ValidateOptions, validate } from "../scenario/validate.js";
import {
  checkText,
  describeValue,
  formatPath,
  InputError,
  refuseArgument,
  shownFile,
  suggest,
} from "../shared/errors.js";
import { grouped } from "../shared/text.js";
import { eventTerms, expectedEvents, MAX_ACCOUNT_EVENTS } from "./expected-events.js";
import { PersonaSchema, personaKeysAt, type WrittenPersona } from "./persona-schema.js";

/** A validated persona with every default filled: plain data, safe to send to a worker. */
export type Persona = WrittenPersona & { file: string };

/** The shipped personas/ folder (the same relative place from src/ and from dist/). */
const BUILTIN_PERSONA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../personas");

const PERSONAS: BuiltinKind = { dir: BUILTIN_PERSONA_DIR, noun: "persona", lister: "credit-sim personas" };

export function builtinPersonaNames(): string[] {
  return builtinNames(PERSONAS);
}

function personaPath(ref: string, baseDir: string): string {
  return resolveRef(ref, baseDir, PERSONAS);
}

/** Loads personas by name or path (relative to `baseDir`); none given = every shipped persona. Names must
 *  be unique. With `days`, the horizon they will run: each must fit it (see `checkAccountSize`). */
export function loadPersonas(refs: readonly string[], baseDir = process.cwd(), days?: number): Persona[] {
  if (!Array.isArray(refs))
    refuseArgument("refs", "a list of persona names or paths (empty: the built-in ones)", refs);
  for (const [i, ref] of refs.entries())
    checkText(`refs[${i}]`, ref, "a persona's name or a persona file's path");
  checkText("baseDir", baseDir, "the folder a path starts from");
  const list = refs.length > 0 ? refs : builtinPersonaNames();
  // every file's bad input at once: one file's problems do not hide the next one's
  const read = InputError.each(list, (ref) => readPersona(personaPath(ref, baseDir), days, baseDir));
  const problems = duplicateNames(read, baseDir);
  if (problems.length > 0) throw InputError.all(problems);
  return read.map((r) => r.persona);
}

/** Every persona whose name an earlier one has, at its `name`: all at once, so that fixing one does not
 *  lead to the next. */
function duplicateNames(read: readonly ReadPersona[], baseDir: string): InputError[] {
  const seen = new Map<string, string>();
  const problems: InputError[] = [];
  for (const { persona: p, parsed } of read) {
    const other = seen.get(p.name);
    if (other === undefined) {
      seen.set(p.name, p.file);
      continue;
    }
    problems.push(
      new InputError(`duplicate persona name "${p.name}"`, {
        file: p.file,
        ...parsed.position(["name"]),
        field: "name",
        ...(other === p.file
          ? { found: "the same persona named twice", hint: "name each persona once" }
          : {
              found: `also the name of ${shownFile(other, baseDir)}`,
              hint: "each persona in a population needs its own name: accounts are seeded by it",
            }),
      }),
    );
  }
  return problems;
}

interface ReadPersona {
  persona: Persona;
  /** the file's positions, for what is found wrong after loading (a duplicate name) */
  parsed: Parsed;
}

export function loadPersonaFile(file: string, days?: number): Persona {
  checkText("file", file, "a persona file's path");
  return readPersona(file, days).persona;
}

/** `cwd`: the folder a missing file's hint is told from (loadPersonas'), the process's by default */
function readPersona(file: string, days?: number, cwd?: string): ReadPersona {
  return readPersonaText(readInputFile(file, "persona", [], cwd), file, days);
}

export function loadPersonaText(text: string, file: string, days?: number): Persona {
  return readPersonaText(text, file, days).persona;
}

function readPersonaText(text: string, file: string, days?: number): ReadPersona {
  const parsed = parseText(text, file, { keyProblems: "keep" });
  const written = validatePersona(parsed, file);
  if (days !== undefined) checkAccountSize(written, parsed, file, days);
  return { persona: { ...written, file }, parsed };
}

/** An account of the persona over `days` days must make no more events than a scenario file holds: said at
 *  the field that makes the most of them, with the horizon that would fit. */
function checkAccountSize(p: WrittenPersona, parsed: Parsed, file: string, days: number): void {
  const terms = eventTerms(p, days);
  const total = Math.round(terms.reduce((sum, t) => sum + t.events, 0));
  if (total <= MAX_ACCOUNT_EVENTS) return;
  const largest = terms.reduce((a, b) => (b.events > a.events ? b : a));
  // the longest horizon that fits: the expectation grows with the days
  let fits = 0;
  for (let lo = 1, hi = days - 1; lo <= hi; ) {
    const mid = Math.floor((lo + hi) / 2);
    if (expectedEvents(p, mid) <= MAX_ACCOUNT_EVENTS) {
      fits = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const field = formatPath(largest.path);
  throw new InputError(`one account would make about ${grouped(total)} events in ${grouped(days)} days`, {
    file,
    ...parsed.position(largest.path),
    field,
    expected: `at most ${grouped(MAX_ACCOUNT_EVENTS)} events an account (what a scenario file holds: any account exports as one)`,
    found: `about ${grouped(total)}, ${grouped(Math.round(largest.events))} of them from ${field}`,
    hint:
      fits > 0
        ? `lower ${field}, or simulate at most ${grouped(fits)} days (--days ${fits})`
        : `lower ${field}`,
  });
}

function validatePersona(parsed: Parsed, file: string): WrittenPersona {
  const hooks: ValidateOptions = {
    kind: "persona",
    expected: "a persona with name, share, spending and repayment",
    otherKinds: [SCENARIO_KIND, POLICY_KIND],
    keysAt: (path) => personaKeysAt(path),
    crossField: (p) => ruleProblems(p, file),
    describe: (issue, found, base) => {
      if (issue.code !== "invalid_union") return undefined;
      // a reaction: a probability, or {p, after} (a mapping's own problems are zod's, field by field)
      if (issue.errors.length !== DIST_OPTIONS)
        return new InputError("wrong type", {
          ...base,
          expected: "a probability from 0 to 1, or {p, after}",
          found: describeValue(found),
        });
      // a distribution written as a mapping: every problem of the option its keys choose, each at its
      // own field and line, said as any field's is — not one of them, in the validator's words
      const written = isRecord(found) && Object.keys(found).length > 0 ? found : undefined;
      const inner = written === undefined ? undefined : issue.errors[chosenOption(written)];
      if (written !== undefined && inner !== undefined && inner.length > 0)
        return InputError.all(optionProblems(issue.path, inner, written, parsed, file, hooks));
      return new InputError("invalid distribution", {
        ...base,
        expected: "a number, {min, max} or {median, sigma[, min, max]}",
        found: describeValue(found),
      });
    },
  };
  return validate(PersonaSchema, parsed, file, hooks);
}

/** The problems of the option a distribution's keys choose (`inner`, its issues), each at its own field
 *  and line; a missing field beside an unknown key that is its misspelling (`mdian`) is left to it. */
function optionProblems(
  at: readonly PropertyKey[],
  inner: readonly z.core.$ZodIssue[],
  written: Record<string, unknown>,
  parsed: Parsed,
  file: string,
  hooks: ValidateOptions,
): InputError[] {
  const misspelt = new Set(
    inner.flatMap((i) =>
      i.code === "unrecognized_keys"
        ? i.keys.flatMap((key) => suggest(key, personaKeysAt([...at, ...i.path])) ?? [])
        : [],
    ),
  );
  const told = inner.filter(
    (i) => !(i.path.length === 1 && misspelt.has(String(i.path[0])) && !Object.hasOwn(written, i.path[0]!)),
  );
  return told.flatMap((i) => {
    const path = [...at, ...i.path];
    const describe = (issue: z.core.$ZodIssue, where: readonly PropertyKey[], key?: boolean) =>
      describeIssue(issue, parsed.data, file, parsed.position(where, key), hooks);
    if (i.code !== "unrecognized_keys") return [describe({ ...i, path } as z.core.$ZodIssue, path)];
    return i.keys.map((key) => describe({ ...i, path, keys: [key] }, [...path, key], true));
  });
}

/** The options of a distribution (DistSchema): a constant, a uniform, a log-normal. */
const DIST_OPTIONS = 3;

/** The option a distribution written as a mapping means, by its keys: a log-normal's median or sigma, or
 *  else a uniform's min and max. */
const chosenOption = (found: Record<string, unknown>): number =>
  Object.hasOwn(found, "median") || Object.hasOwn(found, "sigma") ? 2 : 1;

/** A number where the file has one of the right type; `fallback` (the schema's default) where it has none;
 *  undefined where it has something else (the schema's problem, which the rule waits for). */
function numberAt(data: unknown, path: readonly PropertyKey[], fallback?: number): number | undefined {
  let v: unknown = data;
  for (const part of path) {
    if (v === undefined) break;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
    v = Object.hasOwn(v, part) ? (v as Record<PropertyKey, unknown>)[part] : undefined;
  }
  if (v === undefined) return fallback;
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Whether every field a sum reads, at `path` and in the mappings its terms go into (`late` of `late.p`),
 *  is one the schema knows. */
function knownKeys(
  owner: Record<string, unknown>,
  path: readonly PropertyKey[],
  terms: ReadonlyArray<[string, number]>,
): boolean {
  const within = new Set(terms.map(([key]) => key.split(".").slice(0, -1).join(".")).filter((k) => k !== ""));
  for (const inner of ["", ...within]) {
    const at = inner === "" ? [] : inner.split(".");
    const v = valueAt(owner, at);
    if (!isRecord(v)) continue;
    const known = personaKeysAt([...path, ...at]);
    if (Object.keys(v).some((k) => !known.includes(k))) return false;
  }
  return true;
}

/** Cross-field rules, on the file as written (so they are said with the schema's problems): each names the
 *  field it is about, and every one that fails is reported. */
function ruleProblems(parsed: Parsed, file: string): InputError[] {
  const data = parsed.data;
  const problems: InputError[] = [];
  const fail = (
    path: PropertyKey[],
    message: string,
    expected: string,
    found: string,
    hint?: string,
  ): void => {
    problems.push(
      new InputError(message, {
        file,
        ...parsed.position(path),
        field: formatPath(path),
        expected,
        found,
        ...(hint === undefined ? {} : { hint }),
      }),
    );
  };
  // probabilities that must add up to 1, each said as its sum; the terms are [key, the schema's default].
  // A sum over a mapping with a field the schema does not know waits for that field's problem: the share
  // under `"0"` or `late.P` is meant for a term the sum would leave out, so its "must add up" is no news.
  const addsUpToOne = (
    path: PropertyKey[],
    what: string,
    terms: ReadonlyArray<[string, number]>,
    expected = `${terms.map(([key]) => key).join(" + ")} = 1`,
  ): void => {
    const owner = valueAt(data, path);
    if (!isRecord(owner)) return;
    if (!knownKeys(owner, path, terms)) return;
    const values = terms.map(([key, fallback]) => numberAt(owner, key.split("."), fallback));
    if (values.some((v) => v === undefined)) return;
    const sum = values.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (Math.abs(sum - 1) > 1e-9)
      fail(path, `${what} must add up to 1`, expected, `${Math.round(sum * 1e6) / 1e6} in all`);
  };
  addsUpToOne(["repayment"], "repayment probabilities", [
    ["full", 0],
    ["statement", 0],
    ["minimum", 0],
    ["late.p", 0],
    ["none", 0],
  ]);
  // terms not written default to one term (which adds up); a term's key is its months, said as such —
  // not "3 + 6 + 9 + 12 = 1", which reads as arithmetic
  const termShares = (what: string, path: PropertyKey[], list: readonly number[]) =>
    addsUpToOne(
      path,
      what,
      list.map((m): [string, number] => [String(m), 0]),
      `the shares of the ${list.slice(0, -1).join("-, ")}- and ${list.at(-1)}-month terms, adding up to 1`,
    );
  termShares("instalment term probabilities", ["spending", "instalments", "terms"], [3, 6, 9, 12]);
  termShares("loan term probabilities", ["jiebei", "borrow", "terms"], [3, 6, 12]);
  addsUpToOne(["jiebei", "repayment"], "Jiebei repayment probabilities", [
    ["onTime", 1],
    ["late.p", 0],
    ["none", 0],
  ]);
  // a field's number as the file writes it (`median 1e15`, `min -0`); a rule reads finite numbers alone,
  // and waits for the schema's problem with anything else (`.inf`: not a number it is held against)
  const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  const told = (path: PropertyKey[], key: string, v: number) =>
    `${key} ${numberWritten(parsed, [...path, key], v)}`;
  // every {min, max} must be ordered
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (!isRecord(v)) return;
    if (finite(v.min) && finite(v.max) && v.min > v.max)
      fail(
        path,
        "min is greater than max",
        "min ≤ max",
        `${told(path, "min", v.min)}, ${told(path, "max", v.max)}`,
        "swap min and max",
      );
    // a log-normal is clipped to [min, max]: a median outside it makes (nearly) every value the bound
    else if (finite(v.median) && finite(v.sigma)) {
      const bound =
        finite(v.max) && v.median > v.max
          ? told(path, "max", v.max)
          : finite(v.min) && v.median < v.min
            ? told(path, "min", v.min)
            : undefined;
      if (bound !== undefined)
        fail(
          path,
          "the median is outside [min, max]",
          "a median from min to max: every value drawn is clipped to them",
          `${told(path, "median", v.median)}, ${bound}`,
          "write the median between min and max, or widen them",
        );
    }
    for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
  };
  walk(data, []);
  const amounts: PropertyKey[][] = [
    ["profile", "monthlyIncome"],
    ["profile", "externalDebt"],
    ["spending", "amount"],
    ["open", "amount"],
    ["jiebei", "open", "amount"],
    ["jiebei", "borrow", "amount"],
  ];
  for (const path of amounts) {
    const d = valueAt(data, path);
    // a log-normal's low end is its min (its median is positive); a uniform's is its min
    const low =
      typeof d === "number"
        ? d
        : isRecord(d)
          ? numberAt(d, ["min"], "median" in d ? 0 : undefined)
          : undefined;
    const at = typeof d === "number" ? path : [...path, "min"];
    if (low !== undefined && low < 0)
      fail(path, "amounts cannot be negative", "0 or more", numberWritten(parsed, at, low));
  }
  // the ranges the plan holds these draws to (an age a profile takes, months of history, days not before
  // day 0 or the due day, a late repayment a day late at least): a bound written outside one made every
  // draw beyond it the nearest value in silence — ages 2–5 ran, and were exported, as 18
  const held: Array<[PropertyKey[], number, number | null]> = [
    [["profile", "age"], PROFILE_AGE.min, PROFILE_AGE.max],
    [["profile", "creditHistoryMonths"], 0, MAX_HISTORY_MONTHS],
    [["open", "day"], 0, null],
    [["jiebei", "open", "day"], 0, null],
    [["repayment", "daysBeforeDue"], 0, null],
    [["repayment", "late", "days"], 1, null],
  ];
  for (const [path, lo, hi] of held) {
    const d = valueAt(data, path);
    // a constant, or the bounds written, or a log-normal's median (its own bounds aside, every draw near a
    // median outside the range would be held to the range's end)
    const bounds: Array<[string, unknown]> = isRecord(d)
      ? [
          ["min", d.min],
          ["max", d.max],
          ["median", d.median],
        ]
      : [["", d]];
    const out = bounds.find(([, v]) => finite(v) && (v < lo || (hi !== null && v > hi)));
    if (out === undefined) continue;
    const [which, v] = out as [string, number];
    fail(
      path,
      "outside what a draw is held to",
      hi === null ? `${lo} or more` : `from ${lo} to ${hi}`,
      which === "" ? numberWritten(parsed, path, v) : told(path, which, v),
      "every value drawn beyond it would be taken as the nearest one it holds: write the bounds within it",
    );
  }
  return problems;
}

/** A stable fingerprint of a persona's behaviour: shard outputs of different personas must not merge. */
export function personaFingerprint(p: Persona): string {
  const { file: _file, $schema: _schema, ...rest } = p;
  return fnv1a(canonicalJson(rest));
}

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
}

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

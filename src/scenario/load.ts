// Loading a scenario file: read → parse (positions kept) → validate → normalise.

import { dirname, resolve } from "node:path";
import type { Policy } from "../engine/index.js";
import { checkText, InputError } from "../shared/errors.js";
import { resolveTyped } from "../shared/paths.js";
import { GOLDEN_TRACE_FOLDER, inGoldenTraceFolder, type Roots } from "./builtin.js";
import type { DayAsked } from "./day-asked.js";
import { isRecord } from "./issues.js";
import { PERSONA_KIND, POLICY_KIND } from "./kinds.js";
import { loadPolicy, type PolicyOutcomes, type PolicyReading, policyWarnings } from "./load-policy.js";
import { type NormaliseContext, type Normalised, normalise, referenceProblems } from "./normalise.js";
import { type Parsed, parseText } from "./parse.js";
import { readInputFile } from "./read.js";
import { EventSchema, EventWhen, ExpectationSchema, ScenarioSchema, type WrittenScenario } from "./schema.js";
import { meant } from "./synonyms.js";
import { hasRunTogetherKey, inFileOrder, validate } from "./validate.js";

export interface LoadedScenario extends Normalised {
  file: string;
  /** the validated file as written (defaults filled): what what-if edits and saves */
  written: WrittenScenario;
  /** the raw parsed data, for round-tripping unknown-to-us formatting choices */
  raw: unknown;
  /** the folders besides its own that its references could lead into (what a variant of it may name) */
  roots: Roots;
  /** line and column of a field in the file, for errors found after loading (a duplicate name) */
  position(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  /** what the file does that is deprecated, one line each (`file:line:col: field: …`), for stderr */
  warnings?: string[];
}

export interface LoadOptions {
  policy?: string;
  /** the folder the user works in (a CLI's, given to it): the file and a `policy` path start there, and
   *  a missing file's hint is told from it; the process's by default */
  cwd?: string;
  seed?: number;
  /** the last simulated day instead of the file's: a number, or a day asked on the command line (its
   *  number or its date, made a day with the file's start) */
  until?: number | DayAsked;
  /** shared across files so each policy file is read once */
  policyCache?: Map<string, Policy>;
  /** shared across files so each policy file is read once through any path, and a refused one refused
   *  once: what each came to, by its real path (PolicyReading's `outcomes`) */
  policyOutcomes?: PolicyOutcomes;
  /** folders besides the file's own that its policy references may lead into (the CLI passes those
   *  CREDIT_SIM_ROOT names); none by default */
  roots?: Roots;
}

export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  checkText("file", file, "a scenario file's path");
  const { cwd } = options;
  if (cwd === undefined) return loadScenarioText(readInputFile(file, "scenario"), file, options);
  // the file (and with it the folder its own `policy:` path starts in) is read from the folder its hint
  // is told from; every problem and warning still names it as the caller wrote it
  const path = resolveTyped(cwd, file);
  try {
    const loaded = loadScenarioText(readInputFile(path, "scenario", [], cwd), path, options);
    const named = (text: string) => (text.startsWith(path) ? file + text.slice(path.length) : text);
    return { ...loaded, file, warnings: (loaded.warnings ?? []).map(named) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw e.map((p) => (p.details.file === path ? new InputError(p.message, { ...p.details, file }) : p));
  }
}

/** The same from text already in memory (what-if variants, tests); `file` names it in errors and
 *  anchors relative policy paths. */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  checkText("text", text, "a scenario's YAML or JSON text");
  checkText("file", file, "the file's name (what errors name, where policy paths start)");
  const parsed = parseText(text, file, { keyProblems: "keep" });
  const baseDir = dirname(resolve(file));
  const roots = options.roots ?? [];
  const reading: PolicyReading = {
    cache: options.policyCache ?? new Map<string, Policy>(),
    roots,
    ...(options.policyOutcomes !== undefined ? { outcomes: options.policyOutcomes } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  };
  const overrides = {
    ...(options.policy !== undefined ? { policy: options.policy } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
  };
  // a --policy override is relative to the current folder and may name any file; a file's own
  // references are relative to the file and stay in its folder tree
  // what the policy files it runs with and its `policy` events' `set`s warn of (a penalty below the
  // interest it replaces), each once
  const cautions = new Set<string>();
  const heeded = (policy: Policy): Policy => {
    for (const w of policyWarnings(policy)) cautions.add(w);
    return policy;
  };
  const ctx: NormaliseContext = {
    file,
    position: (p) => parsed.position(p),
    resolvePolicy: (ref) => heeded(loadPolicy(ref, baseDir, reading, resolve(file))),
    resolveOverridePolicy: (ref) => heeded(loadPolicy(ref, options.cwd ?? process.cwd(), reading)),
    overrides,
    caution: (w) => cautions.add(w),
  };
  let written: WrittenScenario;
  try {
    written = validate(ScenarioSchema, parsed, file, { otherKinds: [POLICY_KIND, PERSONA_KIND] });
  } catch (e) {
    // the policies the file names are checked too: every problem at once, in file order
    if (!(e instanceof InputError)) throw e;
    throw inFileOrder([e, ...referenceProblems(parsed.data, ctx), ...laterProblems(parsed.data, ctx)], file);
  }
  const normalised = normalise(written, ctx);
  return {
    ...normalised,
    file,
    written,
    roots,
    raw: parsed.data,
    position: (p) => parsed.position(p),
    warnings: [...deprecations(parsed, file), ...cautions],
  };
}

// Stand-ins for the events and expectations the schema refused, so that the cross-field checks can run on
// the rest (normalise skips them by index: their positions stay the file's)
// (dayless: a skipped one stands on day 0, another on the refused item's own day or date)
const EVENT_STAND_IN = { type: "note", text: "-" };
const EXPECTATION_STAND_IN = { status: "active" };

/**
 * The cross-field problems (dates, days after `until`, expectations that check nothing…) of a file the
 * schema refused, found on the events and expectations it accepted: every problem at once, not one round
 * of fixes after another. None when a top-level field is wrong: what depends on it waits for its fix.
 */
function laterProblems(data: unknown, ctx: NormaliseContext): InputError[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const patched: Record<string, unknown> = {};
  const shape = ScenarioSchema.shape;
  for (const [key, value] of Object.entries(data)) {
    if (!Object.hasOwn(shape, key)) continue; // an unknown field: reported, and nothing depends on it
    const field = shape[key as keyof typeof shape];
    // a list checked item by item below; not a list at all, it stands empty (its problem is reported)
    if (key === "events" || key === "expect") patched[key] = Array.isArray(value) ? value : [];
    else if (field.safeParse(value).success) patched[key] = value;
    // every day is checked against these two: wrong, they wait for their fix
    else if (key === "until" || key === "start") return [];
    else if (key === "name") patched.name = "-";
    // a wrong optional field (its problem reported) stands at its default
  }
  patched.name ??= "-";
  patched.events ??= [];
  const skip = { events: new Set<number>(), expect: new Set<number>() };
  for (const [key, schema, standIn] of [
    ["events", EventSchema, EVENT_STAND_IN],
    ["expect", ExpectationSchema, EXPECTATION_STAND_IN],
  ] as const) {
    const items = (data as Record<string, unknown>)[key];
    if (!Array.isArray(items)) continue;
    patched[key] = items.map((item, i) => {
      if (schema.safeParse(item).success) return item;
      // its day or date, written right, is checked still (a calendar date, within the scenario, one of
      // the two): the stand-in takes them and is checked in its place
      const when = whenOf(item, key === "expect");
      if (when) return { ...standIn, ...when };
      skip[key].add(i);
      return { ...standIn, day: 0 };
    });
  }
  const written = ScenarioSchema.safeParse(patched);
  if (!written.success) return [];
  try {
    normalise(written.data, { ...ctx, skip });
    return [];
  } catch (e) {
    if (e instanceof InputError) return [e];
    throw e;
  }
}

/** The day, date (and for an expectation `end`) of a refused item, when those it has are valid. */
function whenOf(item: unknown, expectation: boolean): Record<string, unknown> | undefined {
  // `{day:5,type:purchase}` has no field `day`, though it has a day: it is told as one problem
  if (!isRecord(item) || hasRunTogetherKey(item)) return undefined;
  const keys = expectation ? ["day", "date", "end"] : ["day", "date"];
  // `{ days: 5 }`, `{ on: 2024-03-01 }`: a day written under another name is told as that name's problem
  // (did you mean "day"?), not again as an item with no day
  const named = Object.keys(item).some((k) => keys.includes(k));
  if (!named && Object.entries(item).some(([k, v]) => meant(k, keys, v) !== undefined)) return undefined;
  const when = Object.fromEntries(Object.entries(item).filter(([k]) => keys.includes(k)));
  const schema = expectation ? ExpectationSchema.pick({ day: true, date: true, end: true }) : EventWhen;
  return schema.safeParse(when).success ? when : undefined;
}

/** Fields a file may still hold that no longer do anything. */
function deprecations(parsed: Parsed, file: string): string[] {
  const data = parsed.data;
  if (data === null || typeof data !== "object" || !Object.hasOwn(data, "seed")) return [];
  const at = parsed.position(["seed"], true);
  const where = at ? `${file}:${at.line}:${at.column}` : file;
  return [
    `${where}: seed: deprecated and ignored: a scenario is deterministic, so its seed changes nothing; remove the line`,
  ];
}

/**
 * A scenario file credit-sim is about to write (a saved what-if variant, an exported account) checked as
 * `credit-sim run` will read it from `file`: a policy it names must be one that file may name (its own
 * folder or below, or under `roots`: CREDIT_SIM_ROOT). Throws what would go wrong, said as the writer's
 * problem, before anything is written. `file`: the path as the user typed it (messages name it so);
 * `cwd`: the folder the user works in, where a missing file's hint is told from (the process's by default).
 */
export function checkWritable(text: string, path: string, roots: Roots, file = path, cwd?: string): void {
  // what credit-sim writes is YAML, comments and all; a .json name would be read back as JSON
  if (!/\.ya?ml$/i.test(path))
    throw new InputError("a scenario credit-sim writes is YAML: its name must end in .yaml or .yml", {
      file,
      hint: `e.g. ${file.replace(/(\.[^./\\]*)?$/, ".yaml")}`,
    });
  // `test` refuses a scenario there: written, it would be refused by the test it was written for
  if (inGoldenTraceFolder(path))
    throw new InputError("a scenario file in a golden traces' folder", {
      file,
      hint: `write it beside the scenarios, not in ${GOLDEN_TRACE_FOLDER}/: \`credit-sim test\` refuses a scenario there, and \`credit-sim test -u\` rewrites and removes the files there`,
    });
  try {
    loadScenarioText(text, path, { roots, ...(cwd !== undefined ? { cwd } : {}) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const first = e.problems[0] ?? e;
    throw new InputError(`written here, the file could not be run: ${first.message}`, {
      file,
      ...(first.details.found !== undefined ? { found: first.details.found } : {}),
      hint: first.message.includes("outside this file's folder")
        ? "write it in the folder of the policy file it names (or below), or allow that folder with CREDIT_SIM_ROOT=DIR, both here and where it runs"
        : (first.details.hint ?? "write it where what it names can be read"),
    });
  }
}

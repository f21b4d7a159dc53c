// A what-if variant: the scenario as the user wrote it, with edits applied. Edits operate on the written
// shape (events as typed: `{day|date, type, ...}`), and every variant goes back through the loader's own
// validate → normalise path, so an edit is accepted or refused exactly as the same line in a file would be.
//
// Events keep a stable number (#1… in file order; added events get the next numbers), so edits given in
// any order address the same events: `--remove 10 --remove 11` removes the file's 10th and 11th events.

import { dirname, resolve } from "node:path";
import * as z from "zod";
import type { Policy, Step } from "../engine/index.js";
import { parseIsoDate } from "../engine/index.js";
import type { Roots } from "../scenario/builtin.js";
import { eventWords } from "../scenario/format.js";
import type { LoadedScenario } from "../scenario/load.js";
import { loadPolicy, policyWarnings } from "../scenario/load-policy.js";
import { eventFields, normalise, UNTIL_AFTER_LAST } from "../scenario/normalise.js";
import {
  EventSchema,
  PolicyOverrides,
  ScenarioSchema,
  type WrittenEvent,
  type WrittenScenario,
} from "../scenario/schema.js";
import { FORBIDDEN_KEYS, MAX_DAY } from "../scenario/shape.js";
import { validate } from "../scenario/validate.js";
import { InputError } from "../shared/errors.js";

export interface VariantEvent {
  /** stable number: 1-based position in the original file; added events continue the count */
  id: number;
  event: WrittenEvent;
  /** the edit that made it differ from the file, if any */
  origin: "file" | "edited" | "added";
}

export type Edit =
  | { kind: "remove"; ids: number[] }
  /** `after`: the number of the event it goes right after, on that event's day (else after the day's own) */
  | { kind: "add"; event: WrittenEvent; after?: number }
  | { kind: "edit"; id: number; patch: Record<string, unknown> }
  | { kind: "set"; params: PolicyOverrides }
  /** typed: the path as given on the command line, which the notes say (ref is resolved from the working
   *  folder: the notes, and the saved file's description, would name the author's folders) */
  | { kind: "policy"; ref: string; typed?: string };

export interface Variant {
  /** the scenario file the variant starts from, as the user named it */
  file: string;
  /** the folder it is in (absolute): where its relative policy references start */
  dir: string;
  /** the folders besides its own that its policy references may lead into: the original's */
  roots: Roots;
  /** the folder the user works in (a CLI's), where a missing policy file's hint is told from; the
   *  process's when absent */
  cwd?: string;
  /** the file as written (validated, defaults filled) */
  original: WrittenScenario;
  events: VariantEvent[];
  nextId: number;
  /** policy reference: a built-in name, or a path (relative to `file`, or absolute) */
  policy: string;
  /** parameter overrides from day 0 (expressed as a day-0 `policy` event when saved) */
  set: PolicyOverrides;
  /** last simulated day: pinned to the original's, so both runs cover the same span */
  until: number;
  /** the edits applied so far, in order (what the saved file's description lists) */
  edits: Edit[];
  /** a description of each applied edit, parallel to `edits` */
  notes: string[];
}

/** The starting point: the loaded scenario, unedited. `dir`: the file's folder, when the file was named
 *  relative to another folder than `cwd`; `cwd`: the folder the user works in (Variant's), the one the
 *  file was loaded from (loadScenario's), where its folder is told from when no `dir` is given. */
export function baseVariant(loaded: LoadedScenario, dir?: string, cwd?: string): Variant {
  const w = loaded.written;
  return {
    file: loaded.file,
    dir: dir ?? dirname(resolve(cwd ?? "", loaded.file)),
    roots: loaded.roots,
    ...(cwd !== undefined ? { cwd } : {}),
    original: w,
    events: w.events.map((event, i) => ({ id: i + 1, event, origin: "file" })),
    nextId: w.events.length + 1,
    policy: w.policy,
    set: {},
    until: loaded.scenario.until,
    edits: [],
    notes: [],
  };
}

/** Day number of a written event (dates resolved against the scenario's start). */
export function dayOf(e: { day?: number | undefined; date?: string | undefined }, start: string): number {
  if (e.day !== undefined) return e.day;
  const s = parseIsoDate(start);
  const d = e.date !== undefined ? parseIsoDate(e.date) : null;
  return s !== null && d !== null ? d - s : 0;
}

/** What to do when there is no event to name: 'numbered 1–0' said nothing. */
export const ADD_ONE = "add one with --add, e.g. --add day=60,type=repay,amount=full";

function findEvent(v: Variant, id: number, label: string): VariantEvent {
  const found = v.events.find((e) => e.id === id);
  if (found) return found;
  const removed = v.edits.some((e) => e.kind === "remove" && e.ids.includes(id));
  const last = v.nextId - 1;
  if (last === 0)
    throw new InputError(`no event #${id}: the scenario has no events`, {
      field: label,
      found: `#${id}`,
      hint: ADD_ONE,
    });
  throw new InputError(removed ? `event #${id} was already removed` : `no event #${id}`, {
    field: label,
    expected: `an event number from the listing (#1–#${last}); see \`credit-sim whatif FILE --list\``,
    found: `#${id}`,
  });
}

const OneEvent = z.strictObject({ events: z.array(EventSchema) });
const OneSet = z.strictObject({ events: z.array(z.strictObject({ set: PolicyOverrides })) });

/** The loader's own validate() (same issue choice, same messages) on a one-event wrapper; the
 *  error's field is then relative to the event (`amount`, not `events[0].amount`). */
function validateOne<T>(schema: z.ZodType<{ events: T[] }>, data: unknown, label: string, prefix: RegExp): T {
  try {
    return validate(schema, { data: { events: [data] }, position: () => undefined }, label).events[0]!;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw e.map(
      (p) =>
        new InputError(p.message, { ...p.details, field: p.details.field?.replace(prefix, "") || undefined }),
    );
  }
}

/** Validates one event exactly as the loader validates an entry of `events:`; errors name `label`. */
export function validateEvent(data: unknown, label: string): WrittenEvent {
  return validateOne(OneEvent, data, label, /^events\[0\]\.?/);
}

/** Validates policy parameter overrides as a `set:` block in a file is validated. */
function validateParams(data: unknown, label: string): PolicyOverrides {
  return validateOne(OneSet, { set: data }, label, /^events\[0\]\.set\.?/).set;
}

/** What a note adds to a change that changes nothing: the same edit given twice (`--edit 3:day=5
 *  --edit 3:day=5`) read as two changes. */
const UNCHANGED = " (no change: so already)";

/** Whether two values from a file or a flag are the same (numbers, words, tables alike). */
const sameValue = (a: unknown, b: unknown): boolean =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** Applies one edit; throws InputError (and leaves `v` untouched) when the result is not a valid scenario. */
export function applyEdit(v: Variant, edit: Edit, label = describeEditKind(edit)): Variant {
  const next = { ...v, events: [...v.events], edits: [...v.edits, edit], notes: [...v.notes] };
  switch (edit.kind) {
    case "remove": {
      const gone = edit.ids.map((id) => findEvent(v, id, label));
      next.events = v.events.filter((e) => !edit.ids.includes(e.id));
      next.notes.push(
        `removed ${gone.map((e) => `#${e.id} (${describeWritten(e.event, v.original.start)})`).join(", ")}`,
      );
      break;
    }
    case "add": {
      pastUntil(edit.event, v, label);
      const event = withItsDay(v, edit.event, label);
      checkWithinSpan(event, v, label);
      const added = { id: v.nextId, event, origin: "added" as const };
      const at = edit.after === undefined ? -1 : v.events.findIndex((e) => e.id === edit.after);
      if (at < 0) next.events.push(added);
      else next.events.splice(at + 1, 0, added);
      next.nextId = v.nextId + 1;
      next.notes.push(`added #${v.nextId} (${describeWritten(event, v.original.start)})`);
      break;
    }
    case "edit": {
      const target = findEvent(v, edit.id, label);
      const merged: Record<string, unknown> = { ...target.event };
      // day and date are two ways of saying one thing: setting one drops the other
      if ("day" in edit.patch) delete merged.date;
      if ("date" in edit.patch) delete merged.day;
      for (const [k, value] of Object.entries(edit.patch)) {
        // as in a file or a flag: `merged[k] =` with `__proto__` would set the event's prototype, not a field
        if (FORBIDDEN_KEYS.has(k))
          throw new InputError(`forbidden key "${k}"`, {
            file: `${label} #${edit.id}`,
            field: k,
            hint: "keys that name object internals are refused; remove it",
          });
        if (value === null || value === undefined) delete merged[k];
        else merged[k] = value;
      }
      pastUntil(merged, v, `${label} #${edit.id}`);
      const said = `${label} #${edit.id}`;
      const event = withItsDay(v, merged, said);
      checkWithinSpan(event, v, `${label} #${edit.id}`);
      next.events = v.events.map((e) =>
        e.id === edit.id ? { id: e.id, event, origin: e.origin === "added" ? "added" : "edited" } : e,
      );
      const before = target.event as Record<string, unknown>;
      const changes = Object.entries(edit.patch).map(
        ([k, value]) =>
          `${k}: ${value === null ? "(removed)" : JSON.stringify(value)}${
            (value === null ? !(k in before) : sameValue(before[k], value)) ? UNCHANGED : ""
          }`,
      );
      next.notes.push(
        `edited #${edit.id} (${describeWritten(target.event, v.original.start)}): ${changes.join(", ")}`,
      );
      break;
    }
    case "set": {
      const params = validateParams(edit.params, label);
      if (Object.keys(params).length === 0)
        throw new InputError("no policy parameter given", { field: label });
      next.set = { ...v.set, ...params };
      next.notes.push(
        `policy ${Object.entries(params)
          .map(
            ([k, value]) =>
              `${k}=${JSON.stringify(value)}${sameValue(v.set[k as keyof PolicyOverrides], value) ? UNCHANGED : ""}`,
          )
          .join(", ")}`,
      );
      break;
    }
    case "policy":
      next.policy = edit.ref;
      next.notes.push(`policy ${edit.typed ?? edit.ref}`);
      break;
  }
  // the whole variant through the loader's path: cross-field rules, dates, policy names
  try {
    loadVariant(next);
  } catch (err) {
    if (!(err instanceof InputError) || (edit.kind !== "edit" && edit.kind !== "add")) throw err;
    // what it refuses of the event added or edited is the flag's (the prompt's), as its own fields'
    // problems are: `--edit "5:day=null" #5: the event has no day`, not the file's `event #5`
    const id = edit.kind === "edit" ? edit.id : v.nextId;
    throw ofTheEdit(err, `${v.file} (what-if)`, id, edit.kind === "edit" ? `${label} #${id}` : label);
  }
  return next;
}

/** `validateEvent`, and when it refuses the event, what its day or date alone is refused for (a date no
 *  calendar has, one before the start or after the last day) said with it — at once, as a file's are: the
 *  day's checks run on a note standing in for the event, on that day. */
function withItsDay(v: Variant, data: unknown, said: string): WrittenEvent {
  try {
    return validateEvent(data, said);
  } catch (e) {
    if (!(e instanceof InputError) || data === null || typeof data !== "object") throw e;
    const when = Object.fromEntries(Object.entries(data).filter(([k]) => k === "day" || k === "date"));
    const standIn = { type: "note", text: "-", ...when };
    // no day, or one written wrong (`2024-2-30`): said among the event's own problems already
    if (Object.keys(when).length === 0 || !EventSchema.safeParse(standIn).success) throw e;
    try {
      applyEdit(v, { kind: "add", event: standIn as never }, said);
    } catch (day) {
      // its day's own problems, already said among the event's, are told once (InputError.all)
      if (day instanceof InputError) throw InputError.all([e, day]);
      throw day;
    }
    throw e;
  }
}

/** `details` with `field`, or without one when it is empty (a problem of the whole event). */
function withField(details: InputError["details"], field: string): InputError["details"] {
  const { field: _, ...rest } = details;
  return field === "" ? rest : { ...rest, field };
}

/** The problems `err` names of event #`id` of the variant (`file`), said as `said`'s: its field within
 *  the event, without the event. Others stand as they are. */
function ofTheEdit(err: InputError, file: string, id: number, said: string): InputError {
  const own = new RegExp(`^event #${id}(?:\\.|$)`);
  return err.map((p) =>
    p.details.file === file && p.details.field !== undefined && own.test(p.details.field)
      ? new InputError(p.message, withField({ ...p.details, file: said }, p.details.field.replace(own, "")))
      : p,
  );
}

function checkWithinSpan(e: WrittenEvent, v: Variant, label: string): void {
  const day = dayOf(e, v.original.start);
  if (e.date !== undefined && day < 0) {
    throw new InputError("the event is before the scenario starts", {
      field: label,
      found: `${e.date} (day ${day})`,
      expected: `on or after start ${v.original.start}`,
    });
  }
  if (day > v.until) throw afterUntil(day, v, label);
}

/** A whole day past the scenario's last day, however far (past the longest horizon a file may have too),
 *  refused before the event's own checks: said against the scenario's last day, as a day just past it is
 *  — not against the 36,500 days no scenario being edited reaches. */
export function pastUntil(data: unknown, v: Variant, label: string): void {
  const day = (data as { day?: unknown } | null)?.day;
  if (typeof data === "object" && typeof day === "number" && Number.isInteger(day) && day > v.until)
    throw afterUntil(day, v, label);
}

/** The last day said with where it comes from: the file's `until`, or — a file without one — the day
 *  after its last event or expectation that the loader makes its last (the variant keeps it). */
const afterUntil = (day: number, v: Variant, label: string): InputError =>
  new InputError("the event is after the last simulated day", {
    field: label,
    found: `day ${day}`,
    expected:
      v.original.until === undefined
        ? `at most day ${v.until} (the file has no \`until\`: ${UNTIL_AFTER_LAST} days after its last event or expectation, day ${v.until - UNTIL_AFTER_LAST})`
        : `at most day ${v.until} (the scenario's \`until\`)`,
    // a variant runs the original's days: the file's own `until` is what goes further
    ...(day <= MAX_DAY
      ? {
          hint:
            v.original.until === undefined
              ? `to simulate that far, add \`until: ${day}\` to the file`
              : `to simulate that far, raise the file's \`until\` to ${day}`,
        }
      : {}),
  });

function describeEditKind(e: Edit): string {
  return `--${e.kind === "policy" ? "policy" : e.kind}`;
}

/** The written scenario of a variant: what is saved, and what the loader validates. `policyRef` maps
 *  policy references (for saving somewhere else). Expectations are left out: they describe the original. */
export function variantWritten(v: Variant, policyRef: (ref: string) => string = (r) => r): WrittenScenario {
  const o = v.original;
  const events: WrittenEvent[] = v.events.map(({ event }) =>
    event.type === "policy" && event.use !== undefined ? { ...event, use: policyRef(event.use) } : event,
  );
  if (Object.keys(v.set).length > 0) events.unshift({ day: 0, type: "policy", set: v.set });
  const { expect: _expect, ...rest } = o;
  return {
    ...rest,
    until: v.until,
    policy: policyRef(v.policy),
    events,
  };
}

/**
 * The one mapping from a position in the variant's written events (a trace step's `event.index`, an error's
 * `events[k]`) to the user's stable event number: the written events are the variant's own, in order,
 * after a day-0 policy event when `set` overrides exist, which is number 0. Undefined past the end.
 */
export function eventNumberAt(v: Variant, index: number): number | undefined {
  const offset = Object.keys(v.set).length > 0 ? 1 : 0;
  if (index === 0 && offset === 1) return 0;
  return v.events[index - offset]?.id;
}

/** The user's event number of a trace step, or undefined for an engine step (statement, review, …). */
export function stepEventNumber(v: Variant, step: Step): number | undefined {
  return "index" in step.event ? eventNumberAt(v, step.event.index) : undefined;
}

export interface LoadVariantOptions {
  policyCache?: Map<string, Policy>;
}

// one per set of roots: a policy read where its `extends` was allowed must not be handed to a variant
// whose roots would refuse it
const sharedCaches = new Map<string, Map<string, Policy>>();
function sharedCache(roots: Roots): Map<string, Policy> {
  const key = JSON.stringify(roots);
  const cache = sharedCaches.get(key) ?? new Map<string, Policy>();
  sharedCaches.set(key, cache);
  return cache;
}

/** Validates and normalises the variant through the loader's own functions; errors point at event numbers. */
export function loadVariant(v: Variant, options: LoadVariantOptions = {}): LoadedScenario {
  const file = v.file;
  const written = variantWritten(v);
  const baseDir = v.dir;
  const reading = {
    cache: options.policyCache ?? sharedCache(v.roots),
    roots: v.roots,
    ...(v.cwd !== undefined ? { cwd: v.cwd } : {}),
  };
  // what the variant runs with but warns of, as `run` would warn of the variant saved: its policy files'
  // cautions, and a `set` (--set's, an event's) whose penalty falls below the interest it replaces
  const cautions = new Set<string>();
  const heeded = (policy: Policy): Policy => {
    for (const w of policyWarnings(policy)) cautions.add(w);
    return policy;
  };
  try {
    const valid = validate(ScenarioSchema, { data: written, position: () => undefined }, file);
    const normalised = normalise(valid, {
      file,
      position: () => undefined,
      resolvePolicy: (ref) => heeded(loadPolicy(ref, baseDir, reading)),
      caution: (w) => cautions.add(relabelCaution(w, v, file)),
    });
    return {
      ...normalised,
      file,
      written: valid,
      roots: v.roots,
      raw: written,
      position: () => undefined,
      warnings: [...cautions],
    };
  } catch (err) {
    if (err instanceof InputError) throw relabel(err, v, file);
    throw err;
  }
}

/** What `after` warns of that `before` did not, as `run` would warn of `after` saved — the edits between
 *  them: --set's, a --policy file's, an added or edited event's `set` — so that the flags (`before` the
 *  file) and each of the session's edits (`before` the variant it edits) tell the same cautions. One told
 *  by `before` is not told again, except at an event the edits changed (added or edited: its `set` is
 *  the edit's); an event they left as it was is told only where `before` had none at it (its `set` now
 *  reads against another policy: `default*`, after --set). */
export function warningsBrought(before: Variant, after: Variant, options: LoadVariantOptions = {}): string[] {
  // an event's caution by where it is (`file (what-if): event #2.set.jiebeiRatePerDay`), another by its text
  const whereOf = (w: string) => /^(.* \(what-if\): event #\d+\.set\.\w+): /s.exec(w)?.[1] ?? w;
  const told = new Set((loadVariant(before, options).warnings ?? []).map(whereOf));
  const kept = new Set(after.events.filter((e) => before.events.includes(e)).map((e) => e.id));
  return (loadVariant(after, options).warnings ?? []).filter((w) => {
    const where = whereOf(w);
    const id = /\(what-if\): event #(\d+)\.set\./.exec(where)?.[1];
    return !(told.has(where) && (id === undefined || kept.has(Number(id))));
  });
}

/** Every problem of a variant, pointing at event numbers (a variant has no lines). */
function relabel(err: InputError, v: Variant, file: string): InputError {
  return InputError.all(
    err.problems.map((p) => relabelOne(p, v, file)),
    err.truncated,
  );
}

function relabelOne(err: InputError, v: Variant, file: string): InputError {
  // the day-0 event that holds --set's parameters: a problem with one of them is the option's
  const field = err.details.field?.replace(/^events\[(\d+)\](\.set\.)?/, (_m, k: string, set?: string) => {
    const id = eventNumberAt(v, Number(k));
    if (id === 0) return set ? "--set " : "policy parameters";
    return `event #${id}${set ?? ""}`;
  });
  return new InputError(err.message, {
    ...err.details,
    file: err.details.file === file ? `${file} (what-if)` : err.details.file,
    ...(field !== undefined ? { field } : {}),
  });
}

/** A caution a variant's `set` gives (`file: events[k].set.param: …`, a variant having no lines), told
 *  at the event's number as its problems are: --set's own at the option. */
function relabelCaution(w: string, v: Variant, file: string): string {
  const at = /^events\[(\d+)\]\.set\.(.*)$/s.exec(w.startsWith(`${file}: `) ? w.slice(file.length + 2) : "");
  if (at === null) return w;
  const id = eventNumberAt(v, Number(at[1]));
  return id === 0 ? `--set: ${at[2]}` : `${file} (what-if): event #${id}.set.${at[2]}`;
}

/** A short description of a written event, for listings and advice. */
function describeWritten(e: WrittenEvent, start: string): string {
  const day = dayOf(e, start);
  const at = e.date !== undefined ? `${e.date}, day ${day}` : `day ${day}`;
  return `${whatWritten(e)} on ${at}`;
}

/** A written event in the words the trace gives it (a policy by the reference written). */
export function whatWritten(e: WrittenEvent): string {
  return eventWords(
    e.type === "policy" ? { type: "policy", use: e.use ?? null, set: e.set ?? {} } : eventFields(e),
  );
}

// Policies are YAML data with `extends`. This module reads them (I/O); the engine only sees the result.

import { realpathSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { LATER_PARAMETERS, type Policy } from "../engine/index.js";
import { checkText, formatPath, InputError } from "../shared/errors.js";
import { quoted } from "../shared/text.js";
import { type BuiltinKind, builtinNames, isBareName, type Roots, resolveRef } from "./builtin.js";
import { isRecord } from "./issues.js";
import { looksLikePolicy, PERSONA_KIND, SCENARIO_KIND } from "./kinds.js";
import { type Parsed, parseText } from "./parse.js";
import { cautionsWritten, cautionText, conflictsWritten, type PolicyConflict } from "./policy-sense.js";
import { readInputFile } from "./read.js";
import { FullPolicyParams, PolicyFile, schemaKeysAt } from "./schema.js";
import { inFileOrder, problemsOf, validate } from "./validate.js";

/** The shipped policies/ folder (the same relative place from src/ and from dist/). */
export const BUILTIN_POLICY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../policies");

/** The shipped policies as a kind of built-in (a bare name on the command line or in a file resolves here). */
export const BUILTIN_POLICIES: BuiltinKind = {
  dir: BUILTIN_POLICY_DIR,
  noun: "policy",
  lister: "credit-sim policies",
};

export function builtinPolicyNames(): string[] {
  return builtinNames(BUILTIN_POLICIES);
}

/** Resolves a policy reference: a built-in name, or a path relative to `baseDir`. With `from` (the file
 *  whose text names it) the path must stay in that file's folder tree or under `roots` (see builtin.ts). */
export function policyPath(ref: string, baseDir: string, from: string | undefined, roots: Roots): string {
  return resolveRef(ref, baseDir, BUILTIN_POLICIES, from, roots);
}

/** Where a policy is read: the files read so far (each read once), and the folders besides a file's own
 *  that its references may lead into (CREDIT_SIM_ROOT). */
export interface PolicyReading {
  cache: Map<string, Policy>;
  roots: Roots;
  /** what each file read came to, by its real path (links followed) — its policy, or why it was refused:
   *  a file is read once however many paths lead to it, and a refused one is not read again (one 4 MB
   *  policy named by 100,000 events was parsed 100,000 times). Made on the first read when missing. */
  outcomes?: PolicyOutcomes;
  /** the folder the user works in, where a missing file's hint is told from (the process's by default) */
  cwd?: string;
}

/** What each policy file read came to (see PolicyReading's `outcomes`). A file whose `extends` is a path
 *  came to something for the folder it was named in: the same text, through a link in another folder,
 *  extends what that folder holds — kept under its real path and that folder as well. */
export type PolicyOutcomes = Map<string, PolicyOutcome>;

interface PolicyOutcome {
  result: Policy | InputError;
  /** the folder its `extends` was resolved from; null when it names no path (none, or a built-in) */
  folder: string | null;
}

/** What the file at real path `id`, named in `folder`, came to, if it was read. */
function outcomeOf(outcomes: PolicyOutcomes, id: string, folder: string): Policy | InputError | undefined {
  const first = outcomes.get(id);
  if (first === undefined || first.folder === null || first.folder === folder) return first?.result;
  return outcomes.get(`${id}\0${folder}`)?.result;
}

/** The text as parsed of each file that names its parent by path, by its real path, for the reading its
 *  outcomes are kept for: read once, whatever folders it is named in (a 4 MB policy through links in 200
 *  folders would be parsed 200 times). */
const TEXTS = new WeakMap<PolicyOutcomes, Map<string, Parsed>>();

/** Kept frozen, as its policy is: the caller's Map holds it, and what the door checks the loader reads again. */
function keepOutcome(outcomes: PolicyOutcomes, id: string, outcome: PolicyOutcome): void {
  Object.freeze(outcome);
  if (outcome.folder === null || !outcomes.has(id)) outcomes.set(id, outcome);
  if (outcome.folder !== null) outcomes.set(`${id}\0${outcome.folder}`, outcome);
}

/** Loads and resolves a policy (following `extends`, which stays in each policy file's folder tree or
 *  under the roots), validating the merged result. `from`: the file that names `ref`; none for a path
 *  typed by the user. */
export function loadPolicy(
  ref: string,
  baseDir: string,
  reading: PolicyReading = { cache: new Map(), roots: [] },
  from?: string,
): Policy {
  checkText("ref", ref, "a built-in policy's name or a policy file's path");
  checkText("baseDir", baseDir, "the folder a path starts from");
  return loadPolicyFile(policyPath(ref, baseDir, from, reading.roots), reading, []);
}

/** How many policy files one `extends` chain may hold: a long chain is a mistake or an attack, and each
 *  level is a call (thousands of them overflowed the stack: an internal error, not bad input). */
const MAX_EXTENDS = 64;

/** The files of each policy's `extends` chain, from its own down (as read): a policy found read already
 *  counts them into the chain that reaches it, as reading it again would. */
const CHAINS = new WeakMap<Policy, readonly string[]>();

/** Whether `value` is a policy this loader read from a file (what a policy cache may hold: what it knows
 *  of it beside — its `extends` chain, its warnings — is kept by the object, which no copy carries). */
export const isReadPolicy = (value: unknown): value is Policy =>
  typeof value === "object" && value !== null && CHAINS.has(value as Policy);

/** What each policy runs with but rewards what it means to deter (policy-sense's cautions), one line each
 *  (`file:line:col: field: …`), its parents' first: for stderr, as a scenario's deprecations. */
const WARNINGS = new WeakMap<Policy, readonly string[]>();

/** The warnings of a policy read from a file, and of the files it extends (none for another policy). */
export const policyWarnings = (policy: Policy): readonly string[] => WARNINGS.get(policy) ?? [];

/** The refusals of a chain too long: they depend on the files above the one refused, so none of the
 *  files along it keeps one as what it came to (read from a file further down, the chain is shorter). */
const BY_CHAIN = new WeakSet<InputError>();

/** `chain` (the files down to the one that names a file too many) is too long. */
function tooDeep(chain: readonly string[]): InputError {
  const e = new InputError(`policies extend each other more than ${MAX_EXTENDS} levels deep`, {
    file: chain[chain.length - 1],
    field: "extends",
    found: `a chain of ${chain.length + 1} policy files or more`,
    hint: "extend a policy nearer the base, or write the parameters out in fewer files",
  });
  BY_CHAIN.add(e);
  return e;
}

/** A policy read already, reached through `chain`: refused as reading it again would be when the chain
 *  and its own files are more than MAX_EXTENDS levels. */
function reached(policy: Policy, file: string, chain: readonly string[]): Policy {
  const files = [...chain, ...(CHAINS.get(policy) ?? [file])];
  if (files.length > MAX_EXTENDS + 1) throw tooDeep(files.slice(0, MAX_EXTENDS + 1));
  return policy;
}

function loadPolicyFile(file: string, reading: PolicyReading, chain: string[]): Policy {
  const cached = reading.cache.get(file);
  if (cached) return reached(cached, file, chain);
  reading.outcomes ??= new Map();
  const outcomes = reading.outcomes;
  const id = realPathOf(file);
  const known = outcomeOf(outcomes, id, dirname(file));
  if (known instanceof InputError) throw known;
  if (known !== undefined) {
    reading.cache.set(file, known);
    return reached(known, file, chain);
  }
  const read: { folder: string | null } = { folder: null };
  try {
    const policy = readPolicyFile(file, id, reading, chain, read);
    keepOutcome(outcomes, id, { result: policy, folder: read.folder });
    return policy;
  } catch (e) {
    if (e instanceof InputError && !BY_CHAIN.has(e))
      keepOutcome(outcomes, id, { result: e, folder: read.folder });
    throw e;
  }
}

/** The path with its links followed, or the path itself when it leads nowhere (a missing file). */
function realPathOf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Reads one policy file (`id`: its real path); `read.folder` is set to its folder once its text names a
 *  parent by path. */
function readPolicyFile(
  file: string,
  id: string,
  reading: PolicyReading,
  chain: string[],
  read: { folder: string | null },
): Policy {
  const { cache } = reading;
  if (chain.includes(file)) {
    // the files as `extends` names them, from the first one's folder (`extends` stays in a file's folder
    // tree, so a cycle closes there): never the absolute paths, which `relativeTo` cannot reach in `found`
    const base = dirname(chain[0] ?? file);
    const named = (f: string) => relative(base, f).split(sep).join("/");
    throw new InputError("policies extend each other in a cycle", {
      file,
      found: [...chain, file].map(named).join(" → "),
      hint: "remove one `extends`",
    });
  }
  if (chain.length > MAX_EXTENDS) throw tooDeep(chain);
  reading.outcomes ??= new Map();
  const texts = TEXTS.get(reading.outcomes) ?? new Map<string, Parsed>();
  TEXTS.set(reading.outcomes, texts);
  let parsed = texts.get(id);
  // a file missing is never said to be one of those that name it (a cycle)
  if (parsed === undefined)
    parsed = parseText(readInputFile(file, "policy", chain, reading.cwd), file, { keyProblems: "keep" });
  const parentRef = isRecord(parsed.data) ? parsed.data.extends : undefined;
  if (typeof parentRef === "string" && !isBareName(parentRef)) {
    read.folder = dirname(file);
    // kept only then: a link to it in another folder reads it again, for that folder's parent
    texts.set(id, parsed);
  }
  // a limit band's fields where a key in a band is unknown, not the policy's
  const keysAt = (path: readonly PropertyKey[]) => schemaKeysAt(PolicyFile, path);
  let written: PolicyFile;
  try {
    written = validate(PolicyFile, parsed, file, {
      kind: "policy",
      expected: "a mapping with name and policy parameters (or `extends`)",
      keysAt,
      otherKinds: [SCENARIO_KIND, PERSONA_KIND],
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // the policy it extends is read all the same: a wrong `extends` or the parent's own problems are told
    // with this file's, not a round of fixes later
    const problems = [e, ...parentProblems(parsed, file, reading, [...chain, file])];
    const all = inFileOrder(problems, file);
    if (problems.some((p) => BY_CHAIN.has(p))) BY_CHAIN.add(all);
    throw all;
  }
  const parent = written.extends
    ? loadParent(written.extends, file, parsed, reading, [...chain, file])
    : null;
  const { extends: _extends, name, description, ...params } = written;
  const merged = { ...(parent ?? LATER_PARAMETERS), ...params };
  const full = FullPolicyParams.safeParse(stripMeta(merged));
  if (!full.success) {
    throw problemsOf(full.error.issues, { data: merged, position: parsed.position }, file, {
      keysAt,
    });
  }
  // each parameter valid alone: those this file writes must make a policy with the rest
  const conflicts = conflictsWritten(full.data, Object.keys(params), parent?.name ?? name);
  if (conflicts.length > 0)
    throw inFileOrder(
      conflicts.map((c) => conflictError(c, [c.param, ...(c.at ?? [])], file, parsed.position)),
      file,
    );
  // frozen through: a policy is handed out and kept in the caller's cache uncopied (the door checks a cached
  // one, the loader reads it again), so nothing — a getter, a field or band written over — can change it
  const policy: Policy = freezeThrough({
    ...full.data,
    name,
    description: description || parent?.description || "",
  });
  CHAINS.set(policy, [file, ...((parent && CHAINS.get(parent)) ?? [])]);
  const own = cautionsWritten(full.data, Object.keys(params), parent?.name ?? name).map((c) =>
    cautionText(c, file, parsed.position([c.param]), c.param),
  );
  const inherited = parent ? policyWarnings(parent) : [];
  if (own.length > 0 || inherited.length > 0) WARNINGS.set(policy, [...inherited, ...own]);
  cache.set(file, policy);
  return policy;
}

/** `value` and every object in it, frozen (a policy is plain data: no cycle, no class). Its lists (the limit
 *  bands) are not: the review reads them on every decision, and frozen arrays cost it a fifth of its speed
 *  (`npm run bench`, review: 148 ms against 177 for 100,000 decisions). A list changed in a cached policy
 *  is the library door's to refuse (library-load.ts: plain data throughout, no getter, no proxy). */
function freezeThrough<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    if (!Array.isArray(value)) Object.freeze(value);
    for (const field of Object.values(value)) freezeThrough(field);
  }
  return value;
}

/** The problems of the policy a refused file extends (or of its `extends`), when it names one. */
function parentProblems(parsed: Parsed, file: string, reading: PolicyReading, chain: string[]): InputError[] {
  const ref = isRecord(parsed.data) ? parsed.data.extends : undefined;
  const valid = PolicyFile.shape.extends.safeParse(ref);
  if (!valid.success || valid.data === undefined) return [];
  try {
    loadParent(valid.data, file, parsed, reading, chain);
    return [];
  } catch (e) {
    if (e instanceof InputError) return [e];
    throw e;
  }
}

/**
 * The policy `file`'s `extends` (`ref`) names. What keeps its file from being read at all — missing, a
 * folder, a device, unreadable — is said at this file's `extends` line, with the file it resolved to, as a
 * scenario's `policy:` says it: the reader's own message named the missing path alone, its hint the working
 * folder, which a path here does not start from. A problem inside that file keeps its own file and line.
 */
function loadParent(
  ref: string,
  file: string,
  parsed: Parsed,
  reading: PolicyReading,
  chain: string[],
): Policy {
  const path = parentPath(ref, file, parsed, reading.roots);
  try {
    return loadPolicyFile(path, reading, chain);
  } catch (err) {
    // a cycle or a chain too long (a `found` or a field of their own) are the chain's, not this line's
    const d = err instanceof InputError ? err.details : undefined;
    if (
      !(err instanceof InputError) ||
      err.problems.length !== 1 ||
      d?.file !== path ||
      d.line !== undefined ||
      d.field !== undefined ||
      d.found !== undefined
    )
      throw err;
    throw new InputError(`${err.message}: ${path}`, {
      ...d,
      found: quoted(ref),
      hint:
        d.hint === undefined || d.hint.includes("current folder")
          ? "a path here starts at this policy file's folder"
          : d.hint,
      file,
      ...parsed.position(["extends"]),
      field: "extends",
    });
  }
}

/** The file an `extends` names; an unknown built-in name is reported at the `extends` line of this file. */
function parentPath(ref: string, file: string, parsed: Parsed, roots: Roots): string {
  try {
    return policyPath(ref, dirname(file), file, roots);
  } catch (err) {
    if (err instanceof InputError && err.details.file === undefined) {
      throw new InputError(err.message, {
        ...err.details,
        file,
        ...parsed.position(["extends"]),
        field: "extends",
      });
    }
    throw err;
  }
}

/** A conflict told at `path` of `file` (a parameter, or a band of one). */
function conflictError(
  c: PolicyConflict,
  path: readonly PropertyKey[],
  file: string,
  position: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined,
): InputError {
  return new InputError(c.message, {
    file,
    ...position(path),
    field: formatPath(path),
    expected: c.expected,
    found: c.found,
    hint: c.hint,
  });
}

function stripMeta(p: Record<string, unknown>): Record<string, unknown> {
  const { name: _n, description: _d, ...rest } = p;
  return rest;
}

/**
 * What `file` is, read as a policy kept beside the scenarios that name it (policies/strict.yaml): "policy"
 * (a valid one: `credit-sim test` leaves it out rather than report it as a scenario without events), the
 * bad input of a broken one (it looks like a policy — `extends` or a policy parameter, no `events` — so
 * its problems are a policy's, not a scenario's), or null (no policy). Reads the file; `roots` as for
 * loadPolicy.
 */
export function asPolicyFile(file: string, roots: Roots): "policy" | InputError | null {
  let parsed: Parsed;
  try {
    parsed = parseText(readInputFile(file, "policy"), file, { keyProblems: "keep" });
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
  // a scenario, broken or not, has a scenario's problems, with a did-you-mean
  if (!looksLikePolicy(parsed.data)) return null;
  try {
    loadPolicyFile(file, { cache: new Map(), roots }, []);
    return "policy";
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

/** Whether `file` holds a valid policy (see asPolicyFile). */
export const isPolicyFile = (file: string, roots: Roots): boolean => asPolicyFile(file, roots) === "policy";

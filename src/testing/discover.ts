// PATH… → the scenario files to test: files as given, folders searched recursively for .yaml/.yml/.json,
// globs expanded. Symbolic links met while searching are not followed (a scenario folder from a pull
// request could link to any file or folder on the machine); a file named on the command line is read as
// named. Sorted by path relative to the working folder (plain code-unit order, the same on every
// machine), duplicates removed. A path that finds nothing is bad input; a folder that cannot be listed is
// found as an entry of its own (`unlisted`), that folder's bad input in the run beside the other files.

import { type Dirent, existsSync, type PathLike, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { globSync, isDynamicPattern } from "tinyglobby";
import { GOLDEN_TRACE_FOLDER, GOLDEN_TRACE_HINT, inGoldenTraceFolder } from "../scenario/builtin.js";
import { checkPathHint, danglingLink, fileAsFolder, nearPathHint, optionLikeHint } from "../scenario/read.js";
import { InputError } from "../shared/errors.js";
import { LONG_PATH_HINT, systemReason } from "../shared/file-errors.js";
import { linkEnd } from "../shared/link-refusals.js";
import { landing, resolveAsSystem, resolveTyped } from "../shared/paths.js";
import { quoted, shellPath } from "../shared/text.js";
import { showPath } from "./paths.js";

const DEFAULT_PATHS = ["scenarios/"];
const SCENARIO_EXTENSIONS = [".yaml", ".yml", ".json"];
// what a search passes over, one list for the glob (IGNORE) and the walk (skippedFolder, skippedFile):
// golden traces, packages, hidden folders (a hidden file the glob skips of itself); and schema files,
// told by isSchemaFile for both — in any case, as a scenario's extension is (the glob's ignore has no
// case-blind pattern of its own). The glob runs from the folder a pattern names before its first
// wildcard, so that folders named outright are entered whatever their names, as a folder named is walked
const SKIPPED_FOLDERS = [GOLDEN_TRACE_FOLDER, "node_modules"];
const SCHEMA_SUFFIX = ".schema.json";
const IGNORE = [...SKIPPED_FOLDERS.map((f) => `**/${f}/**`), "**/.*/**"];

export interface ScenarioFile {
  /** absolute path */
  path: string;
  /** relative to the working folder, `/` separators: what reports print and shards sort by */
  shown: string;
  /** found by a search, and no regular file: that file's bad input, never opened (a pipe would keep the
   *  run waiting on a writer, or take another program's data; a link could point anywhere) */
  notFile?: NotFile;
  /** a folder the search could not list (or a path named that cannot be looked at): that path's bad
   *  input, what is wrong and what to do — the run goes on with the other scenarios and exits 2 */
  unlisted?: { message: string; hint: string };
}

/** Whether the run opens it: not a pipe, socket or device the search found, nor a folder it could not list. */
/** What a search found under a scenario's name that is no regular file, as a message says it. */
export type NotFile = "a symbolic link" | "a named pipe" | "a socket" | "a device";

export const opensAsFile = (f: ScenarioFile): boolean => f.notFile === undefined && f.unlisted === undefined;

const isScenarioFile = (f: string) => SCENARIO_EXTENSIONS.some((ext) => f.toLowerCase().endsWith(ext));

const isSchemaFile = (f: string) => f.toLowerCase().endsWith(SCHEMA_SUFFIX);

export function discover(paths: readonly string[], cwd: string = process.cwd()): ScenarioFile[] {
  const found = new Map<string, ScenarioFile>();
  const special = new Map<string, NotFile>();
  const add = (abs: string) => {
    const notFile = special.get(abs);
    found.set(abs, { path: abs, shown: showPath(abs, cwd), ...(notFile !== undefined ? { notFile } : {}) });
  };
  // a folder that cannot be listed is its own problem, found beside the scenarios that can be: one
  // folder closed to the user left the whole suite unrun
  const unlisted = (closed: Unlisted) => {
    const { message, details } = unreadable(closed.shown, closed.code);
    found.set(closed.path, {
      path: closed.path,
      shown: closed.shown,
      unlisted: { message, hint: details.hint ?? "" },
    });
  };
  for (const p of paths.length ? paths : DEFAULT_PATHS) {
    const { files, closed } = expand(p, cwd, special);
    for (const m of files) add(m);
    for (const c of closed) unlisted(c);
  }
  return [...found.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

/** A folder the search does not enter: golden traces, packages, dot-folders. */
const skippedFolder = (name: string) => name.startsWith(".") || SKIPPED_FOLDERS.includes(name);

/** A file the search does not take: a hidden one, a schema, one of no scenario's extension. */
const skippedFile = (name: string) => name.startsWith(".") || !isScenarioFile(name) || isSchemaFile(name);

/**
 * Whether a search of `paths` would find a file written at `file` (a report `test` is asked to write): one
 * of a scenario's extensions, not hidden nor a schema, below a folder named (in no folder the search
 * skips) or matching a pattern named. A file named outright is an input already, refused as one.
 */
export function foundBySearch(paths: readonly string[], file: string, cwd: string = process.cwd()): boolean {
  // by its name, and by where it lands: through a link to a folder searched (`lnk/r.yaml`, lnk → s, or
  // `s/r.yaml` of a search of lnk), or a link at its name that leads into one, it is written where the
  // next search finds it, a name apart from the folder named
  const abs = resolve(cwd, file);
  const lands = landing(linkEnd(resolveAsSystem(cwd, file)).path);
  return [abs, lands].some((at) => foundAt(paths, at, cwd));
}

/** Whether a search of `paths` finds a file at the absolute path `abs`, a folder named by its name or by
 *  where it lands. */
function foundAt(paths: readonly string[], abs: string, cwd: string): boolean {
  if (skippedFile(basename(abs))) return false;
  const walked = (from: string) =>
    [from, landing(from)].some((folder) => {
      const rel = relative(folder, abs);
      if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return false;
      return rel
        .split(sep)
        .slice(0, -1)
        .every((name) => !skippedFolder(name));
    });
  return (paths.length ? paths : DEFAULT_PATHS).some((p) => {
    const named = resolve(cwd, p);
    if (statSync(named, { throwIfNoEntry: false })?.isDirectory()) return walked(named);
    if (!isDynamicPattern(p) || !patternMatcher(p.split(sep).join("/"), cwd)(abs)) return false;
    // the folders named before the first wildcard are entered whatever their names, as expand's glob does
    const parts = p.split(/[\\/]/);
    const fixed = parts.slice(
      0,
      parts.findIndex((part) => isDynamicPattern(part)),
    );
    return walked(resolve(cwd, fixed.join("/")));
  });
}

/**
 * The folders a search of `paths` walks: each folder named and every folder below it that the search
 * enters (links not followed). Where golden traces may be left over: a folder whose last scenario is gone
 * holds no file `discover` finds, yet its `__snapshots__` still holds that scenario's trace.
 */
export function searchedFolders(paths: readonly string[], cwd: string = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    out.push(dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !skippedFolder(e.name)) walk(join(dir, e.name));
  };
  for (const p of paths.length ? paths : DEFAULT_PATHS) {
    const abs = resolve(cwd, p);
    if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) walk(abs);
  }
  return out;
}

/** The code of a folder a pattern's `**` passes over: its name holds a line break, which the glob's `**`
 *  does not match (a folder named outright is walked here, and one `*` matches it). */
const LINE_BREAK_NAME = "LINE_BREAK_NAME";
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function unreadable(shown: string, code: string): InputError {
  if (code === LINE_BREAK_NAME)
    return new InputError("a pattern's ** does not enter a folder whose name holds a line break", {
      file: shown,
      hint: "the scenarios in it were not run: give the folder itself to test, or rename it",
    });
  if (code === "EACCES" || code === "EPERM")
    return new InputError("the folder may not be read (permission denied)", {
      file: shown,
      hint: "change its permissions: the scenarios in it were not run",
    });
  return new InputError(`the folder cannot be read (${systemReason(code)})`, {
    file: shown,
    hint:
      code === "ENAMETOOLONG"
        ? "its path is longer than the system allows: move what it holds to a folder nearer the top; the scenarios in it were not run"
        : "the scenarios in it were not run",
  });
}

/** A folder the search could not list: its absolute path, as reports show it, and the system's reason. */
interface Unlisted {
  path: string;
  shown: string;
  code: string;
}

/** A path typed that the system will not look up — too long, looping through links — said with what is
 *  wrong: "no such file or folder" would send the user looking for a typo. */
function unsearchable(shown: string, code: string, cwd: string): InputError {
  return code === "ENAMETOOLONG"
    ? new InputError("the path is too long for the system", { file: shown, hint: LONG_PATH_HINT })
    : new InputError(`the path cannot be looked up (${systemReason(code)})`, {
        file: shown,
        hint:
          code === "ELOOP"
            ? "a symbolic link on the path leads back to itself: give the path of the folder or file itself"
            : checkPathHint(shown, cwd),
      });
}

/** The system's code for why `path` cannot be looked up, or null when it can. */
function lookupError(path: string): string | null {
  try {
    statSync(path);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? null;
  }
}

/** Every folder at or below `dir` that cannot be listed, with the system's reason (links not followed;
 *  the folders the search ignores skipped). Any reason: the glob skips
 *  such a folder without a word — one nested past the longest path the system takes too. */
function unreadableFolders(dir: string, out: { path: string; code: string }[] = []): typeof out {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // gone (or replaced by a file) since its parent was listed: nothing in it to run
    if (code !== undefined && code !== "ENOENT" && code !== "ENOTDIR") out.push({ path: dir, code });
    return out;
  }
  for (const e of entries) {
    if (!e.isDirectory() || skippedFolder(e.name)) continue;
    unreadableFolders(join(dir, e.name), out);
  }
  return out;
}

/**
 * The scenario files at or below `dir`, walked here rather than globbed: the glob's `**` matches no line
 * break, so a folder named with one was passed over without a word, its scenarios never run. What the
 * search skips is the glob's: hidden files and folders, golden traces, packages, schema files; a link,
 * pipe, socket or device under a scenario's name is found as what it is (`special`), never followed.
 */
function scenariosBelow(dir: string, special: Map<string, NotFile>, out: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    // said by closedBelow, with the system's reason
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!skippedFolder(e.name)) scenariosBelow(path, special, out);
      continue;
    }
    if (skippedFile(e.name)) continue;
    const kind = specialKind(e);
    if (kind !== null) special.set(path, kind);
    out.push(path);
  }
  return out;
}

/** The folders at or below `dir` whose name holds a line break and that hold a scenario the pattern
 *  names (`matches`) yet the glob did not find (`found`): a `**` passes over them (links not followed;
 *  the folders the search ignores skipped). Only those: a `*` enters such a folder, and one holding none
 *  of the files named was never passed over. */
function unmatchedBelow(
  dir: string,
  cwd: string,
  matches: (file: string) => boolean,
  found: ReadonlySet<string>,
): Unlisted[] {
  const out: Unlisted[] = [];
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || skippedFolder(e.name)) continue;
      const path = join(folder, e.name);
      if (!LINE_BREAK.test(e.name)) walk(path);
      else if (scenariosBelow(path, new Map()).some((f) => matches(f) && !found.has(f)))
        out.push({ path, shown: showPath(path, cwd), code: LINE_BREAK_NAME });
    }
  };
  walk(dir);
  return out;
}

/** Whether `pattern` names the file at absolute `path`, a `**` entering names with line breaks (the
 *  glob's does not): the pattern read as the glob reads it, from `cwd` unless absolute. */
function patternMatcher(pattern: string, cwd: string): (path: string) => boolean {
  // posix as the glob's: `[!b]` is any character but b, and a bracket ends where the work check reads it to
  const test = picomatch(pattern, { flags: "s", posix: true });
  const absolute = isAbsolute(pattern);
  return (path) => test((absolute ? path : relative(cwd, path)).split(sep).join("/"));
}

/** What a listed entry is when it is neither a regular file nor a folder, or null. */
function specialKind(e: Dirent): NotFile | null {
  // not followed (a pull request's links could point anywhere on the runner), and not passed over either:
  // a suite whose scenarios are links ran none of them and passed
  if (e.isSymbolicLink()) return "a symbolic link";
  if (e.isFIFO()) return "a named pipe";
  if (e.isSocket()) return "a socket";
  if (e.isCharacterDevice() || e.isBlockDevice()) return "a device";
  return null;
}

/**
 * node:fs for the glob, but a link, pipe, socket or device is listed as a file, so that the search finds it by
 * the same patterns and ignores as a scenario — and `special` records what it is. The glob lists regular
 * files only: such an entry was passed over without a word, as if the folder held one scenario fewer.
 */
function listingSpecial(special: Map<string, NotFile>): { readdirSync: typeof readdirSync } {
  const list = (dir: PathLike, options: unknown) =>
    (readdirSync(dir, options as { withFileTypes: true }) as Dirent[]).map((e) => {
      const kind = specialKind(e);
      if (kind === null) return e;
      special.set(resolve(String(dir), e.name), kind);
      return Object.create(e, { isFile: { value: () => true } }) as Dirent;
    });
  return { readdirSync: list as unknown as typeof readdirSync };
}

/** A character a glob reads as more than itself: a path holding none is the folder it names. */
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/;

/** The files `pattern` matches from `cwd`, absolute (links and pipes found as what they are). */
function globFrom(cwd: string, pattern: string, special: Map<string, NotFile>): string[] {
  return globSync(pattern, {
    cwd,
    absolute: true,
    ignore: IGNORE,
    onlyFiles: true,
    followSymbolicLinks: false,
    fs: listingSpecial(special),
  });
}

/** The most parts that take a run of varying length or a choice (`*`, `[ab]+`, `?(a)`, `!(a)`, `@(a|b)`,
 *  `{a,b}`) one name of a pattern may hold: the glob's matching backtracks over every way of splitting a
 *  name among them, each more multiplying its work on a name by the name's length (4 `*` took a second a
 *  name of 240 characters, 32 `@(a|aa)` hung on one of 64; a file's name is its pull request's to choose). */
const RUNS_IN_A_NAME = 3;

/** The most parts that match in several ways a whole pattern may hold besides the first of each name and
 *  its first `**` (`s/*a*a*a/*a*a*ax.yaml`, 4, ran past 20 seconds on a folder and a file each of 240
 *  characters; four `**` between the names s, a, a, a and x.yaml, 3, past 10 seconds on a path 100 folders
 *  deep). */
const RUNS_BEYOND_FIRSTS = 2;

/** What a stretch of a pattern asks of the matching: its parts that take a run of varying length or a
 *  choice, and the characters it takes when that number is fixed (null when it is not). */
interface Work {
  runs: number;
  length: number | null;
  /** the plain text it matches, when it is that and nothing else (no wildcard, class or group) */
  text?: string;
}

const ONE_CHARACTER: Work = { runs: 0, length: 1 };
const A_RUN: Work = { runs: 1, length: null };
const plain = (c: string): Work => ({ runs: 0, length: 1, text: c });

const repeatedGroup = (p: string) =>
  new InputError("the pattern repeats a group, which can take hours to match on a long name", {
    file: p,
    expected: "*, ?, [abc], {a,b}, ** and groups matched once: @(a|b), ?(a), !(a)",
    hint: "name the files with * and {a,b} instead, e.g. 'scenarios/{a,b}*.yaml'",
  });

/** The classes the glob reads in a bracket, `[[:alpha:]]`: another `[:x]` is characters, its `]` the end. */
const POSIX_CLASSES = new Set([
  "alnum",
  "alpha",
  "ascii",
  "blank",
  "cntrl",
  "digit",
  "graph",
  "lower",
  "print",
  "punct",
  "space",
  "upper",
  "word",
  "xdigit",
]);

/** The index past the bracket expression opening at `i`, or -1 when nothing closes it: a `]` first (after
 *  `!` or `^`) is one of its characters, and `[:alpha:]` a class inside it, not its end. */
function bracketEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === "!" || s[j] === "^") j++;
  if (s[j] === "]") j++;
  while (j < s.length) {
    if (s[j] === "]") return j + 1;
    // a class the glob knows takes the character after its last `:` with it, whatever that is
    const name = /^\[:([a-z]+):/.exec(s.slice(j));
    j = s[j] === "\\" ? j + 2 : name && POSIX_CLASSES.has(name[1] ?? "") ? j + name[0].length + 1 : j + 1;
  }
  return -1;
}

/** The work of a group from the work of each of its alternatives. */
function groupWork(kind: string, branches: Work[], ranged: boolean): Work {
  // alternatives are tried one after another, each from where the group starts: their work adds, and so
  // grows with the name only as fast as the largest's does
  const runs = Math.max(...branches.map((b) => b.runs));
  const [only] = branches;
  // `!(a)` takes any run that is not `a`; `?(a)` nothing or `a`; `{1..10}` one digit or two; and two
  // alternatives of one length may take the same characters (`@(a|?)`), each way tried for every way of
  // the groups before
  if (kind === "!") return { runs: runs + 1, length: null };
  // plain words of which none begins another (`{yaml,yml}`): at most one matches where the group starts,
  // so the group is tried a few ways, never a run (`{a,aa}` or `@(a|a)` is: two may take the same start)
  if (kind !== "?" && !ranged && branches.length > 1 && prefixFree(branches))
    return { runs: 0, length: null };
  if (kind === "?" || ranged || branches.length > 1 || only === undefined || only.length === null)
    return { runs: Math.max(runs, 1), length: null };
  return { runs, length: only.length };
}

/** The longest pattern looked at: Linux's PATH_MAX. */
const PATTERN_LENGTH = 4096;

/** Deeper than any pattern a person writes; each level is a call here and in the glob's own parser, so
 *  20,000 `(` overflowed the stack (and would the glob's). */
const GROUP_DEPTH = 16;

/** Whether every branch is plain text and none is the start of another (nor the same). */
function prefixFree(branches: readonly Work[]): boolean {
  const texts = branches.map((b) => b.text);
  return texts.every(
    (t, i) => t !== undefined && texts.every((u, j) => i === j || (u !== undefined && !u.startsWith(t))),
  );
}

/** The work of `s` from `i` up to `close` (its alternatives split at `separator`), and the index there;
 *  `depth`: the groups it is in. */
function alternatives(p: string, s: string, i: number, close: string, separator: string, depth = 0) {
  if (depth > GROUP_DEPTH)
    throw new InputError(`the pattern nests groups more than ${GROUP_DEPTH} deep`, {
      file: p,
      expected: `groups ((…), @(…), {…}) at most ${GROUP_DEPTH} inside one another`,
      hint: "name the files with * and {a,b} instead, e.g. 'scenarios/{a,b}*.yaml'",
    });
  const branches: Work[] = [];
  let runs = 0;
  let length: number | null = 0;
  let text: string | undefined = "";
  const add = (w: Work) => {
    runs += w.runs;
    length = length === null || w.length === null ? null : length + w.length;
    text = text === undefined || w.text === undefined ? undefined : text + w.text;
  };
  const branch = (): Work => (text === undefined ? { runs, length } : { runs, length, text });
  while (i < s.length && s[i] !== close) {
    const c = s[i] ?? "";
    const next = s[i + 1];
    if (c === separator) {
      branches.push(branch());
      runs = 0;
      length = 0;
      text = "";
      i++;
    } else if (c === "\\") {
      add(plain(s[i + 1] ?? ""));
      i += 2;
    } else if ((c === "*" || c === "+") && next === "(") {
      throw repeatedGroup(p);
    } else if (c === "*") {
      while (s[i] === "*" && s[i + 1] !== "(") i++;
      add(A_RUN);
    } else if (c === "[" && bracketEnd(s, i) > 0) {
      // one character, whatever it holds; repeated (`[ab]+`, `[ab]*`) a run
      const end = bracketEnd(s, i);
      const repeated = s[end] === "+" || s[end] === "*";
      add(repeated ? A_RUN : ONE_CHARACTER);
      i = repeated ? end + 1 : end;
    } else if (c === "{" || c === "(" || ("?@!".includes(c) && next === "(")) {
      const brace = c === "{";
      const start = brace || c === "(" ? i + 1 : i + 2;
      const inner = alternatives(p, s, start, brace ? "}" : ")", brace ? "," : "|", depth + 1);
      if (inner.end >= s.length) {
        // never closed: the character itself
        add(ONE_CHARACTER);
        i++;
        continue;
      }
      if (s[inner.end + 1] === "+") throw repeatedGroup(p);
      add(groupWork(c, inner.branches, brace && s.slice(start, inner.end).includes("..")));
      i = inner.end + 1;
    } else {
      add(c === "?" ? ONE_CHARACTER : plain(c));
      i++;
    }
  }
  branches.push(branch());
  return { branches, end: i };
}

/**
 * Refuses, before the search, a pattern whose matching could keep the run busy for hours: a repeated
 * group (`+(…)`, `*(…)`, `(…)+`, `{…}+`), whose matching takes exponential time on a long name
 * (`+(*)+(*)x.yaml` on a name of 40 characters ran for minutes), and more than RUNS_IN_A_NAME parts of
 * varying length or a choice in one name, or more than RUNS_BEYOND_FIRSTS over the path besides the first
 * of each name and the first `**` (a `**` of its own is no part of a name; an escaped `*` is a character).
 */
function checkPatternWork(p: string): void {
  // a path is at most PATH_MAX (4,096 bytes on Linux): a longer pattern names none, and the glob throws past
  // 65,536 characters; the checks below are bounded by it too (a choice of words is compared pairwise)
  if (p.length > PATTERN_LENGTH)
    throw new InputError(
      `the pattern is longer than any path (${p.length.toLocaleString("en-US")} characters, at most ${PATTERN_LENGTH.toLocaleString("en-US")})`,
      {
        file: p,
        expected: `a pattern of at most ${PATTERN_LENGTH.toLocaleString("en-US")} characters`,
        hint: "give several shorter patterns, or the folder of the scenarios",
      },
    );
  let beyondFirsts = 0;
  // a `**` takes a varying run of folders, the matching each way for every way of those before it (the
  // glob reads `**/**` as one)
  let globstars = 0;
  let previous = "";
  for (const name of namesOf(p)) {
    const globstar = name === "**";
    if (globstar && previous !== "**") globstars++;
    previous = name;
    if (globstar) continue;
    const [whole] = alternatives(p, name, 0, "", "").branches;
    const runs = whole?.runs ?? 0;
    beyondFirsts += Math.max(runs - 1, 0);
    if (runs > RUNS_IN_A_NAME)
      throw new InputError(
        `the pattern has ${runs} parts that match in several ways in one name, more than ${RUNS_IN_A_NAME}`,
        {
          file: p,
          expected: `at most ${RUNS_IN_A_NAME} parts that take a run of varying length or a choice (*, [ab]+, ?(a), !(a), @(a|?), {a,aa}) in each name of the path: each more multiplies the work of matching a long name by its length`,
          hint: "give several patterns of fewer *, or the folder of the scenarios",
        },
      );
  }
  // a name of one such part matches its folder's name one way; each more gives a name more ways, and
  // the matching tries the names after it for each of them
  beyondFirsts += Math.max(globstars - 1, 0);
  if (beyondFirsts > RUNS_BEYOND_FIRSTS)
    throw new InputError("the pattern has too many parts that match in several ways over its names", {
      file: p,
      expected: `at most ${RUNS_BEYOND_FIRSTS} parts that match in several ways in the whole path besides the first of each name and the first **: the matching tries each way a name splits, or a ** takes folders, for every way those before it do`,
      hint: "give several patterns of fewer *, or the folder of the scenarios",
    });
}

/** The names of pattern `p`, split at its own slashes: one inside braces is part of an alternative
 *  (`{a,a/x}` is one group, not the halves `{a,a` and `x}`), an escaped one or one after a `{` never closed
 *  is not (that brace is a character). */
function namesOf(p: string): string[] {
  // the braces that close, by where they open
  const closed = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === "\\") i++;
    else if (p[i] === "{") open.push(i);
    else if (p[i] === "}" && open.length > 0) closed.add(open.pop()!);
  }
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") i++;
    else if (c === "{" && closed.has(i)) depth++;
    else if (c === "}" && depth > 0) depth--;
    else if (c === "/" && depth === 0) {
      names.push(p.slice(from, i));
      from = i + 1;
    }
  }
  names.push(p.slice(from));
  return names;
}

/**
 * Whether pattern `p` names files a golden traces' folder holds, as a file or folder named outright would:
 * its last name's folder is one (a `**` before that name may be none), or its fixed part ends in one.
 * Further down is a folder like any other (`g/__snapshots__/deeper` is searched).
 */
function namesGoldenTraces(p: string): boolean {
  const parts = namesOf(p);
  const folders = parts.slice(0, -1);
  while (folders.at(-1) === "**") folders.pop();
  const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
  const fixed = parts.slice(0, Math.max(firstDynamic, 0));
  return folders.at(-1) === GOLDEN_TRACE_FOLDER || fixed.at(-1) === GOLDEN_TRACE_FOLDER;
}

/** The scenario files `p` leads to, and the folders on the way that could not be listed. */
function expand(
  p: string,
  cwd: string,
  special: Map<string, NotFile>,
): { files: string[]; closed: Unlisted[] } {
  const abs = resolveTyped(cwd, p);
  // the folders at or below `dir` that could not be listed; the one named is named as typed
  const closedBelow = (dir: string, typed: string): Unlisted[] =>
    unreadableFolders(dir).map(({ path, code }) => ({
      path,
      shown: path === dir ? typed : showPath(path, cwd),
      code,
    }));
  let isDir = false;
  let isFile = false;
  try {
    const st = statSync(abs);
    isDir = st.isDirectory();
    isFile = !isDir;
  } catch (e) {
    // not an existing path: perhaps a glob; a path that may not be looked at is said so
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") return { files: [], closed: [{ path: abs, shown: p, code }] };
    // (a pattern's `..` may follow a wildcard, `scen*/../x.yaml`: no name of that spelling is there, and
    // the glob below reads it as the shell would)
    const asFolder =
      (code === "ENOTDIR" || code === "ENOENT") && !isDynamicPattern(p)
        ? fileAsFolder("the path", p, cwd)
        : undefined;
    if (asFolder !== undefined) throw asFolder;
    // a pattern may be longer than any path (a long {a,b,…}): its fixed part is looked up below
    if (code !== undefined && code !== "ENOENT" && code !== "ENOTDIR" && !isDynamicPattern(p))
      throw unsearchable(p, code, cwd);
  }
  if (isFile) {
    // a trace's place: -u would write a scenario's golden trace over it, or remove it as obsolete
    if (inGoldenTraceFolder(abs))
      throw new InputError("the scenario file is in a golden traces' folder", {
        file: p,
        hint: GOLDEN_TRACE_HINT,
      });
    return { files: [abs], closed: [] };
  }
  if (isDir) {
    // refused as a scenario file in it is: its scenarios' traces would go to a __snapshots__ inside it, and
    // -u would take its traces for scenarios' files
    if (basename(abs) === GOLDEN_TRACE_FOLDER) {
      const parent = dirname(abs);
      const above = relative(cwd, parent) === "" ? "." : showPath(parent, cwd);
      throw new InputError("the folder is a golden traces' folder", {
        file: p,
        hint: `give the folder of scenarios it is in, \`credit-sim test ${shellPath(above)}\`, whose search skips ${GOLDEN_TRACE_FOLDER}/: \`credit-sim test -u\` rewrites and removes the files there`,
      });
    }
    // the glob skips a folder it may not read without a word: a suite would pass over scenarios it never ran
    const closed = closedBelow(abs, p);
    const files = scenariosBelow(abs, special);
    if (files.length === 0 && closed.length === 0) {
      throw new InputError("no scenario files in this folder", {
        file: p,
        expected: `files ending in ${SCENARIO_EXTENSIONS.join(", ")} (searched recursively)`,
        hint: "give a folder of scenarios, scenario files or a glob such as 'scenarios/**/*.yaml'",
      });
    }
    return { files, closed };
  }
  if (isDynamicPattern(p)) {
    // the search skips golden traces' folders: "nothing matches" sent the user looking at the pattern
    if (namesGoldenTraces(p))
      throw new InputError("the pattern names files in a golden traces' folder", {
        file: p,
        hint: `give the folder of scenarios it is in, whose search skips ${GOLDEN_TRACE_FOLDER}/: \`credit-sim test -u\` rewrites and removes the files there`,
      });
    checkPatternWork(p);
    // the folders the pattern walks: those it may not read are said, as for a folder named outright
    const parts = p.split(/[\\/]/);
    const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
    const fixed = parts.slice(0, firstDynamic).join("/");
    const root = resolve(cwd, fixed || ".");
    const rootCode = lookupError(root);
    if (rootCode !== null && rootCode !== "ENOENT" && rootCode !== "ENOTDIR")
      throw unsearchable(fixed, rootCode, cwd);
    const closed = existsSync(root) ? closedBelow(root, showPath(root, cwd)) : [];
    const pattern = p.split(sep).join("/");
    // from the folders named before the first wildcard: the ignores apply below them, so that
    // `.ci/scenarios/*.yaml` finds what `.ci/scenarios` does (a hidden folder named was passed over);
    // from the working folder where that part is no plain path (a brace holding a `/`), or the pattern
    // holds a backslash: `parts` are split at it too, which took `\*` apart from its star
    const fromRoot = firstDynamic >= 0 && !GLOB_SYNTAX.test(fixed) && !p.includes("\\");
    const found = !fromRoot
      ? globFrom(cwd, pattern, special)
      : existsSync(root)
        ? globFrom(root, parts.slice(firstDynamic).join("/"), special)
        : [];
    const files = found.map((f) => resolve(f)).filter((f) => isScenarioFile(f) && !isSchemaFile(f));
    if (parts.slice(firstDynamic).includes("**") && existsSync(root))
      closed.push(...unmatchedBelow(root, cwd, patternMatcher(pattern, cwd), new Set(files)));
    if (files.length === 0 && closed.length === 0) {
      // a pattern the shell had expanded would have come as file names: "quote it" told nothing; its folder
      // missing, or the search's rules, do
      throw new InputError("no scenario files match this pattern", {
        file: p,
        expected: `files ending in ${SCENARIO_EXTENSIONS.join(", ")}`,
        hint:
          fromRoot && fixed !== "" && !existsSync(root)
            ? `there is no folder ${fixed}: ${nearPathHint(fixed, cwd, "file or folder") ?? checkPathHint(fixed, cwd)}`
            : `a search passes over hidden files and folders, ${SKIPPED_FOLDERS.join(", ")} and *${SCHEMA_SUFFIX}`,
      });
    }
    return { files, closed };
  }
  const leadsTo = danglingLink(p, cwd);
  if (leadsTo !== undefined)
    throw new InputError(`a symbolic link to ${quoted(leadsTo)}, which does not exist`, {
      file: p,
      hint: "put the file back where the link leads, or give the path of the file itself",
    });
  throw new InputError("no such file or folder", {
    file: p,
    hint:
      p === DEFAULT_PATHS[0]
        ? `\`credit-sim test\` with no path looks in ./scenarios/; give the folder or files to test${foldersToTest(cwd)}`
        : (optionLikeHint(p, cwd) ?? nearPathHint(p, cwd, "file or folder") ?? checkPathHint(p, cwd)),
  });
}

/** How many of the working folder's entries are looked into for scenario files, and how many named. */
const ENTRIES_LOOKED_INTO = 200;
const FOLDERS_NAMED = 3;

/**
 * Where scenario files are, for `credit-sim test` run without ./scenarios/ (after `init my-scenarios`, in
 * a project of one's own): this folder, if it holds YAML or JSON files, else the folders beside it that
 * do (not hidden ones or node_modules), as the commands to type (a name quoted as the shell needs) — ""
 * when there are none. Names only, never what a file holds.
 */
function foldersToTest(cwd: string): string {
  const holds = (folder: string) => {
    try {
      return readdirSync(folder, { withFileTypes: true }).some(
        (e) => e.isFile() && isScenarioFile(e.name) && !isSchemaFile(e.name),
      );
    } catch {
      return false;
    }
  };
  if (holds(cwd)) return ": `credit-sim test .` tests this folder";
  let entries: Dirent[];
  try {
    entries = readdirSync(cwd, { withFileTypes: true });
  } catch {
    return "";
  }
  const found = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
    .map((e) => e.name)
    .sort()
    .slice(0, ENTRIES_LOOKED_INTO)
    .filter((name) => holds(join(cwd, name)))
    .slice(0, FOLDERS_NAMED);
  return found.length === 0
    ? ""
    : `: ${found.map((name) => `\`credit-sim test ${shellPath(name)}\``).join(" or ")}`;
}

// Built-in data files (policies/, personas/) and references to them: a bare name is a shipped file,
// anything else is a path. One rule for every kind, so `--policy` and persona arguments read alike.
//
// Where a path may lead depends on who wrote it. A path typed on the command line may name any file. A
// path written inside a file (a scenario's `policy:` or `use:`, a policy's `extends`) may name only a file
// in that file's folder or below it — or under a folder the user allows with CREDIT_SIM_ROOT (read by the
// CLI from the environment it is given, and passed down here as `roots`) — checked on
// the real path (symbolic links followed) before anything is read: a scenario arriving in a pull request
// cannot make CI read /etc/passwd or /proc/self/environ.

import { readdirSync, realpathSync, statSync } from "node:fs";
import { basename, delimiter, dirname, extname, isAbsolute, join, resolve, sep } from "node:path";
import { InputError, suggest } from "../shared/errors.js";
import { isWithin, resolveTyped } from "../shared/paths.js";
import { quoted } from "../shared/text.js";

export interface BuiltinKind {
  /** the folder of the shipped files */
  dir: string;
  /** "policy", "persona" */
  noun: string;
  /** the command that lists them */
  lister: string;
}

/** The shipped names (file names without `.yaml`), sorted. */
export function builtinNames(kind: BuiltinKind): string[] {
  return readdirSync(kind.dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

const NAME = /^[A-Za-z0-9_-]+$/;

/** Whether a reference is a bare name (a built-in, or refused as an unknown one), not a path: what it
 *  leads to does not depend on the folder it is resolved from. */
export const isBareName = (ref: string): boolean => NAME.test(ref) && !extname(ref);

/** The folder beside each scenario file where `credit-sim test` keeps its golden traces. */
export const GOLDEN_TRACE_FOLDER = "__snapshots__";

/** Whether `path` is a file directly in a golden traces' folder: one `credit-sim test -u` may write over
 *  (a trace under its scenario's name) or remove (a trace whose scenario is gone) — never an input. */
export const inGoldenTraceFolder = (path: string): boolean => basename(dirname(path)) === GOLDEN_TRACE_FOLDER;

/** What a golden traces' folder holds, said where a file there is named as an input. */
export const GOLDEN_TRACE_HINT = `keep it beside the scenarios, not in ${GOLDEN_TRACE_FOLDER}/: \`credit-sim test -u\` rewrites and removes the files there`;

/** The folders besides a file's own that its references may lead into (CREDIT_SIM_ROOT): absolute. */
export type Roots = readonly string[];

/** The folders CREDIT_SIM_ROOT names in `env` (separated as PATH is), relative ones from `cwd`. */
export function rootsIn(env: Readonly<Record<string, string | undefined>>, cwd: string): string[] {
  return (env.CREDIT_SIM_ROOT ?? "")
    .split(delimiter)
    .filter((d) => d.trim() !== "")
    .map((d) => resolve(cwd, d));
}

/** A reference → a file: a built-in name, or a path relative to `baseDir`; an unknown name is refused
 *  with a "did you mean". With `from` (the file whose text names it), the path must stay in that file's
 *  folder tree (or under one of `roots`) and name a regular file. */
export function resolveRef(
  ref: string,
  baseDir: string,
  kind: BuiltinKind,
  from?: string,
  roots: Roots = [],
): string {
  // an empty name would resolve to the folder itself
  if (ref.trim() === "")
    throw new InputError(`no ${kind.noun} named`, {
      expected: `a built-in ${kind.noun} (${builtinNames(kind).join(", ")}) or a path to a ${kind.noun} file`,
      found: quoted(ref),
      hint: `see \`${kind.lister}\``,
    });
  // YAML's "\0": the system refuses such a path before looking at it (ERR_INVALID_ARG_VALUE, no errno)
  if (ref.includes("\0"))
    throw new InputError(`a ${kind.noun} file's name cannot hold a NUL character`, {
      expected: `a built-in ${kind.noun} (${builtinNames(kind).join(", ")}) or a path to a ${kind.noun} file`,
      found: quoted(ref),
      hint: 'remove the NUL ("\\0" or "\\x00" in a double-quoted YAML string)',
    });
  if (isBareName(ref)) {
    const names = builtinNames(kind);
    if (names.includes(ref)) return join(kind.dir, `${ref}.yaml`);
    if (from === undefined) {
      const there = typedName(ref, baseDir, kind);
      if (there) throw there;
    }
    const guess = suggest(ref, names);
    throw new InputError(`unknown ${kind.noun} "${ref}"`, {
      expected: `a built-in ${kind.noun} (${names.join(", ")}) or a path to a ${kind.noun} file`,
      found: quoted(ref),
      ...(guess ? { hint: `did you mean "${guess}"?` } : { hint: `see \`${kind.lister}\`` }),
    });
  }
  const path = isAbsolute(ref) ? ref : resolveTyped(baseDir, ref);
  if (from !== undefined) checkReference(path, ref, from, kind, roots);
  const unexpanded = unexpandedHint(ref, kind) ?? builtinAsFileHint(ref, kind);
  if (unexpanded !== undefined && namesNothing(path))
    throw new InputError(`${kind.noun} file not found`, { file: path, hint: unexpanded });
  return path;
}

/** Whether nothing is at `path` (a part of it missing, or not a folder); any other error is the reader's to say. */
function namesNothing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR";
  }
}

/**
 * Why a path that names nothing was not the file its writer meant, when it is written as a shell or a
 * browser would read it: nothing here expands `~` or an environment variable, fetches a URL, or reads a
 * backslash as a separator (it is part of a name on POSIX). Undefined for any other path. Said only for a
 * path that names nothing: a folder named `~` beside the scenario is read as named.
 */
function unexpandedHint(ref: string, kind: BuiltinKind): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(ref))
    return `a URL is never fetched nor opened: save the ${kind.noun} in a file and write its path`;
  if (/^~/.test(ref))
    return "a leading ~ is not the home folder here (no shell reads this path): write the path from the folder it starts at";
  if (/\$\{?[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%/.test(ref))
    return "environment variables are not expanded here (no shell reads this path): write the path itself";
  if (sep === "/" && ref.includes("\\"))
    return `a backslash is part of a name here, not a separator: write "${ref.replace(/\\/g, "/")}"`;
  return undefined;
}

/** A built-in's name written as a file's (`policy: default.yaml`, `simulate revolver.yml`), where no such
 *  file is: the built-in was meant, which is named without its extension. */
export function builtinAsFileHint(ref: string, kind: BuiltinKind): string | undefined {
  if (/[\\/]/.test(ref)) return undefined; // a path: its folder was meant
  const ext = extname(ref);
  const stem = ref.slice(0, ref.length - ext.length);
  if (!/^\.(ya?ml|json)$/i.test(ext) || !builtinNames(kind).includes(stem)) return undefined;
  return `"${stem}" is a built-in ${kind.noun}: write ${stem}, without "${ext}" (with it, the name is a file's)`;
}

/** What a bare name typed on the command line that is not a built-in names in `baseDir`, when it names
 *  something: "unknown policy" would send the user looking for a name, when they meant the folder or the
 *  pipe beside them (which is not read: a pipe would wait for a writer). */
export function typedName(ref: string, baseDir: string, kind: BuiltinKind): InputError | undefined {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(resolve(baseDir, ref), { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (st === undefined) return undefined;
  const expected = `a built-in ${kind.noun} (${builtinNames(kind).join(", ")}) or a path to a ${kind.noun} file`;
  const found = quoted(ref);
  if (st.isDirectory())
    return new InputError(`"${ref}" is a folder, not a ${kind.noun} file`, {
      expected,
      found,
      hint: `give the path of a ${kind.noun} file in it, or see \`${kind.lister}\``,
    });
  if (!st.isFile())
    return new InputError(`"${ref}" is not a regular file (a pipe, a device or a socket)`, {
      expected,
      found,
      hint: `a bare name is a built-in ${kind.noun}; give the path of a ${kind.noun} file`,
    });
  return new InputError(`unknown ${kind.noun} "${ref}"`, {
    expected,
    found,
    hint: `a bare name is a built-in ${kind.noun}; for the file, write ./${ref}`,
  });
}

/** The folders a file's references may lead into: its own folder, and `roots`. */
function allowedRoots(from: string, roots: Roots): string[] {
  return [dirname(resolve(from)), ...roots].map(real);
}

/** The real path (links followed) of a path, or of its nearest existing folder joined with the rest. */
function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path
      ? path
      : join(real(parent), path.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/** Whether a folder is at `path`: not when nothing is, nor when the system cannot look it up (a part of it a
 *  file, a name too long, a link loop) — a root it cannot reach allows nothing, and is said so. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** How to allow a folder, said of the roots there are: CREDIT_SIM_ROOT set to a folder misspelt, or to
 *  `~/policies` (no shell expands it there), was told to be set. */
function rootsHint(roots: Roots): string {
  if (roots.length === 0) return "allow its folder with CREDIT_SIM_ROOT=DIR";
  const none = roots.filter((r) => !isFolder(r));
  const other = delimiter === ":" ? ";" : ":";
  const separated = none.some((r) => r.includes(other))
    ? `; folders are separated by "${delimiter}", not "${other}"`
    : "";
  const notThere = (names: readonly string[]) =>
    `${names.join(", ")} ${names.length === 1 ? "is" : "are"} no folder (a ~ or $VAR in it is not expanded${separated})`;
  // split at the separator as PATH is, which a folder's own name may hold (`run:1`): the list read is said,
  // whether or not each piece happens to be a folder
  if (roots.length > 1) {
    const list = `a list separated by "${delimiter}" as PATH is (a folder whose name holds "${delimiter}" cannot be named in it: name a link to it)`;
    return none.length > 0
      ? `allow its folder with CREDIT_SIM_ROOT, ${list}: it names ${roots.join(", ")}, and ${notThere(none)}`
      : `add its folder to CREDIT_SIM_ROOT, ${list}: it allows ${roots.join(", ")}, and the file is under none of them`;
  }
  if (none[0] !== undefined)
    return `allow its folder with CREDIT_SIM_ROOT: it names ${none[0]}, which is no folder (a ~ or $VAR in it is not expanded${separated})`;
  return `add its folder to CREDIT_SIM_ROOT: CREDIT_SIM_ROOT allows ${roots.join(", ")}, and the file is under none of them`;
}

function checkReference(path: string, ref: string, from: string, kind: BuiltinKind, roots: Roots): void {
  const target = real(path);
  if (!allowedRoots(from, roots).some((root) => isWithin(target, root))) {
    throw new InputError(`the ${kind.noun} file is outside this file's folder`, {
      expected: `a built-in ${kind.noun}, or a file in the folder of the file that names it (or below)`,
      found: quoted(ref),
      hint: `name it on the command line instead (a path typed there may lead anywhere), or ${rootsHint(roots)}`,
    });
  }
  // the name as written and the file it leads to: -u replaces or removes either
  if (inGoldenTraceFolder(path) || inGoldenTraceFolder(target))
    throw new InputError(`the ${kind.noun} file is in a golden traces' folder`, {
      expected: `a built-in ${kind.noun}, or a file of its own in the folder of the file that names it (or below)`,
      found: quoted(ref),
      hint: GOLDEN_TRACE_HINT,
    });
  let regular = true;
  try {
    const st = statSync(target);
    regular = st.isFile() || st.isDirectory(); // a folder gets its own message when read
  } catch {
    return; // missing: "file not found" when read
  }
  if (!regular) {
    throw new InputError(`the ${kind.noun} reference is not a regular file`, {
      expected: `a ${kind.noun} file`,
      found: quoted(ref),
      hint: "a file may name only regular files (not devices, pipes or sockets)",
    });
  }
}

// Built-in data files (policies/, personas/) and references to them: a bare name is a shipped file,
// anything else is a path. One rule for every kind, so `--policy` and persona arguments read alike.

import { readdirSync } from "node:fs";
import { extname, isAbsolute, join, resolve } from "node:path";
import { InputError, suggest } from "../shared/errors.js";

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

/** A reference → a file: a built-in name, or a path relative to `baseDir`; an unknown name is refused
 *  with a "did you mean". */
export function resolveRef(ref: string, baseDir: string, kind: BuiltinKind): string {
  if (NAME.test(ref) && !extname(ref)) {
    const names = builtinNames(kind);
    if (names.includes(ref)) return join(kind.dir, `${ref}.yaml`);
    const guess = suggest(ref, names);
    throw new InputError(`unknown ${kind.noun} "${ref}"`, {
      expected: `a built-in ${kind.noun} (${names.join(", ")}) or a path to a ${kind.noun} file`,
      found: JSON.stringify(ref),
      ...(guess ? { hint: `did you mean "${guess}"?` } : { hint: `see \`${kind.lister}\`` }),
    });
  }
  return isAbsolute(ref) ? ref : resolve(baseDir, ref);
}

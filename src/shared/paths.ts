// Whether a file is inside a folder, by their paths: the test each boundary credit-sim keeps uses (a
// scenario's references, a command's outputs against its inputs, a link a user named).

import { statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** Whether `path` is `folder` or lies below it (both absolute, their links resolved alike or not at all). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!isAbsolute(rel) && rel.split(sep)[0] !== "..");
}

/** A path's separators as typed: `/`, and on Windows `\` too (both work there). */
const separators = (separator: string): RegExp => (separator === "\\" ? /[\\/]/ : /\//);

/** Whether a path as typed ends in a separator (`z.yaml/`, `z.yaml/.`; `out\` on Windows): it names a
 *  folder. `separator`: the system's (a test passes Windows'). */
export const namesAFolder = (typed: string, separator = sep): boolean =>
  new RegExp(`${separators(separator).source}\\.?$`).test(typed) && !/^[\\/]$/.test(typed);

/** `typed` without what makes it name a folder (namesAFolder): the trailing separator, or `/.`. */
export const withoutFolderEnding = (typed: string, separator = sep): string =>
  typed.replace(new RegExp(`${separators(separator).source}\\.?$`), "");

/**
 * `resolve(base, typed)`, keeping what a trailing separator says: `z.yaml/` names a folder, and the
 * system refuses it when z.yaml is a file (`cat z.yaml/`: not a directory). `resolve` drops the
 * separator, and `run z.yaml/` read z.yaml.
 */
export function resolveTyped(base: string, typed: string): string {
  // `z.yaml/../x.yaml` walks back out of a file, `nope/../x.yaml` out of nothing: the system refuses
  // both, and `resolve` takes them off the name. Kept as typed, each is refused as the system refuses it
  // (not a directory; no such file)
  if (backThroughNonFolder(base, typed) !== undefined)
    return isAbsolute(typed) ? typed : `${base}${sep}${typed}`;
  const path = resolve(base, typed);
  return namesAFolder(typed) && !path.endsWith(sep) ? `${path}${sep}` : path;
}

/** Whether `typed` holds a `..` segment. */
export const walksBack = (typed: string, separator = sep): boolean => {
  const at = separators(separator).source;
  return new RegExp(`(?:^|${at})\\.\\.(?:${at}|$)`).test(typed);
};

/** What `typed`, from `base`, takes `..` after that is no folder: a file (`z.yaml/../x.yaml`) or nothing
 *  (`nope/../x.yaml`), and the path up to it; undefined when every `..` follows a folder or a name the path
 *  did not type (`../x.yaml` leaves `base`, taken to be a folder). */
export function backThroughNonFolder(
  base: string,
  typed: string,
): { what: "file" | "nothing"; path: string } | undefined {
  if (!walksBack(typed)) return undefined;
  let at = isAbsolute(typed) ? sep : base;
  // how many typed names `at` is below where it began: at or above it, a `..` leaves a folder the path did
  // not name (the working folder, which the process is in even when its name reaches it undecoded)
  let named = 0;
  for (const part of typed.split(separators(sep))) {
    if (part === "" || part === ".") continue;
    if (part !== "..") {
      at = join(at, part);
      named++;
    } else {
      if (named > 0) {
        const what = kindAt(at);
        if (what !== "folder") return { what, path: at };
        named--;
      }
      at = dirname(at);
    }
  }
  return undefined;
}

/** What is at `path`: a folder, something else, or nothing (one that may not be looked at: a folder, the
 *  system's to refuse). */
export function kindAt(path: string): "folder" | "file" | "nothing" {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? "nothing" : "folder";
  }
}

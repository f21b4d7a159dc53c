// Whether a file is inside a folder, by their paths: the test each boundary credit-sim keeps uses (a
// scenario's references, a command's outputs against its inputs, a link a user named).

import { lstatSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** Whether `path` is `folder` or lies below it (both absolute, their links resolved alike or not at all). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!isAbsolute(rel) && rel.split(sep)[0] !== "..");
}

/** The longest path Linux opens: a longer one lands nowhere, and is not walked up a name at a time. */
const PATH_MAX = 4096;

/** Where an absolute path lands: its nearest part that exists, every link on its way resolved, and the
 *  rest as named (a file still to be written, in folders still to be made) — `lnk/new/r.yaml`, lnk → s,
 *  lands at `s/new/r.yaml`. */
export function landing(path: string): string {
  if (Buffer.byteLength(path) > PATH_MAX) return path;
  const rest: string[] = [];
  let head = path;
  for (;;) {
    try {
      return join(realpathSync(head), ...rest);
    } catch {
      if (dirname(head) === head) return path;
      rest.unshift(basename(head));
      head = dirname(head);
    }
  }
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
 * `resolve(base, typed)` as the system takes the path: `resolve` takes each `..` off the name before it,
 * where the system goes back from what that name is — from where a link leads (`link/../x.yaml`, link →
 * elsewhere/sub, is elsewhere/x.yaml to `cat`: that path is returned, so every later `resolve` keeps it),
 * out of a file or of nothing not at all (kept as typed, for the system to refuse: not a directory; no
 * such file).
 */
export function resolveAsSystem(base: string, typed: string): string {
  const through = backThroughNonFolder(base, typed);
  if (through === undefined) return resolve(base, typed);
  if (through.what === "link") {
    try {
      return resolveAsSystem(realpathSync(through.path), through.rest);
    } catch {
      // the link's target went away since it was looked at: the system's to say
    }
  }
  return isAbsolute(typed) ? typed : `${base}${sep}${typed}`;
}

/**
 * `resolveAsSystem(base, typed)`, keeping what a trailing separator says: `z.yaml/` names a folder, and
 * the system refuses it when z.yaml is a file (`cat z.yaml/`: not a directory). `resolve` drops the
 * separator, and `run z.yaml/` read z.yaml.
 */
export function resolveTyped(base: string, typed: string): string {
  const path = resolveAsSystem(base, typed);
  return namesAFolder(typed) && !path.endsWith(sep) ? `${path}${sep}` : path;
}

/** Whether `typed` holds a `..` segment. */
export const walksBack = (typed: string, separator = sep): boolean => {
  const at = separators(separator).source;
  return new RegExp(`(?:^|${at})\\.\\.(?:${at}|$)`).test(typed);
};

/** What `typed`, from `base`, takes `..` after that the system does not take it after as a name: a file
 *  (`z.yaml/../x.yaml`), nothing (`nope/../x.yaml`) or a symbolic link (`link/../x.yaml`: back from where it
 *  leads), the path up to it and the rest from that `..`; undefined when every `..` follows a folder or a
 *  name the path did not type (`../x.yaml` leaves `base`, taken to be a folder). */
export function backThroughNonFolder(
  base: string,
  typed: string,
): { what: "file" | "nothing" | "link"; path: string; rest: string } | undefined {
  if (!walksBack(typed)) return undefined;
  let at = isAbsolute(typed) ? sep : base;
  // how many typed names `at` is below where it began: at or above it, a `..` leaves a folder the path did
  // not name (the working folder, which the process is in even when its name reaches it undecoded)
  let named = 0;
  const parts = typed.split(separators(sep));
  for (const [i, part] of parts.entries()) {
    if (part === "" || part === ".") continue;
    if (part !== "..") {
      at = join(at, part);
      named++;
    } else {
      if (named > 0) {
        const what = kindAt(at);
        const rest = parts.slice(i).join(sep);
        if (what !== "folder") return { what, path: at, rest };
        if (isLink(at)) return { what: "link", path: at, rest };
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

/** Whether `path` is a symbolic link (false where nothing, or nothing that can be looked at, is). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// Whether a file is inside a folder, by their paths: the test each boundary credit-sim keeps uses (a
// scenario's references, a command's outputs against its inputs, a link a user named).

import { isAbsolute, relative, resolve, sep } from "node:path";

/** Whether `path` is `folder` or lies below it (both absolute, their links resolved alike or not at all). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!isAbsolute(rel) && rel.split(sep)[0] !== "..");
}

/** Whether a path as typed ends in a separator (`z.yaml/`, `z.yaml/.`): it names a folder. */
export const namesAFolder = (typed: string): boolean => /\/\.?$/.test(typed) && typed !== "/";

/**
 * `resolve(base, typed)`, keeping what a trailing separator says: `z.yaml/` names a folder, and the
 * system refuses it when z.yaml is a file (`cat z.yaml/`: not a directory). `resolve` drops the
 * separator, and `run z.yaml/` read z.yaml.
 */
export function resolveTyped(base: string, typed: string): string {
  const path = resolve(base, typed);
  return namesAFolder(typed) && !path.endsWith(sep) ? `${path}${sep}` : path;
}

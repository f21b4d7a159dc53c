// Whether a file is inside a folder, by their paths: the test each boundary credit-sim keeps uses (a
// scenario's references, a command's outputs against its inputs, a link a user named).

import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is `folder` or lies below it (both absolute, their links resolved alike or not at all). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!isAbsolute(rel) && rel.split(sep)[0] !== "..");
}

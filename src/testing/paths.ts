// How reports name files: relative to the working folder, `/` separators, absolute when outside it.

import { isAbsolute, relative, sep } from "node:path";

export function showPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" || rel.split(sep)[0] === ".." || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join("/");
}

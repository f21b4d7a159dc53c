// The HTML reports inline Chart.js's browser build, read from the installed package at run time (so a
// report never loads anything from the network). Read once per process.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { HtmlAssets } from "../render/html/page.js";

let cached: HtmlAssets | undefined;

/** Chart.js's UMD build (its package exports only the module builds; the UMD file sits beside them). */
export function htmlAssets(): HtmlAssets {
  if (cached) return cached;
  const main = createRequire(import.meta.url).resolve("chart.js");
  const source = readFileSync(join(dirname(main), "chart.umd.min.js"), "utf8");
  cached = { chartJs: source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n") };
  return cached;
}

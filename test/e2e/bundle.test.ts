// What `credit-sim run` loads before its first line of output: the bundled chunks reachable from the CLI's
// entry and the run command by static imports. Start-up time is mostly compiling them (docs/performance.md),
// so parsers only some inputs need — the second YAML parser (duplicate keys) and the linear-time matcher
// (`test --grep`) — stay out, loaded where they are used; so does the fitting to a terminal's width, which a
// pipe or a file (a script, CI) never needs, and so do the personas and the population runner, which only
// `simulate` runs (its option table reads their words from population/vocabulary.ts alone).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const BUNDLE = join(ROOT, "dist", "bundle");

/** The chunks `entry` loads by static import, itself included. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(join(BUNDLE, entry), "utf8");
  for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) reachable(m[1]!, seen);
  return seen;
}

describe("the bundle", () => {
  it("`run` loads neither the duplicate-key parser, the --grep matcher, the terminal fitting nor populations", () => {
    const run = readdirSync(BUNDLE).find((f) => /^run-[A-Z0-9]+\.js$/.test(f));
    expect(run).toBeDefined();
    const chunks = [...reachable("main.js"), ...reachable(run!)];
    expect(chunks.length).toBeGreaterThan(5);
    const text = chunks.map((f) => readFileSync(join(BUNDLE, f), "utf8")).join("\n");
    // js-yaml is there (it reads every file); the `yaml` package's and re2js's own messages are not
    expect(text).toContain("duplicated mapping key");
    expect(text).not.toContain("Implicit map keys need to be");
    expect(text).not.toContain("error parsing regexp");
    // string-width and wrap-ansi (render/fit.ts): each builds an Intl.Segmenter as it loads
    expect(text).not.toContain("Intl.Segmenter");
    // a persona's keys (persona-schema.ts, plan.ts): the population code is simulate's
    expect(text).not.toContain("contactPerYear");
  });
});

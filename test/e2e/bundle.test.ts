// What `credit-sim run` evaluates before its first line of output: the modules reachable from the CLI's
// entry and the run command by static imports, read from the bundle's input graph (dist/bundle/meta.json;
// esbuild turns every `import()` into a module initialised on first use). Start-up time is mostly
// compiling and evaluating them (docs/performance.md), so parsers only some inputs need — the second YAML
// parser (duplicate keys) and the linear-time matcher (`test --grep`) — stay out, loaded where they are
// used; so does the fitting to a terminal's width, which a pipe or a file (a script, CI) never needs, and
// so do the personas and the population runner, which only `simulate` runs (its options read their words
// from population/vocabulary.ts and a sweep's grid from population/sweep.ts alone). And the code cache the build made is one V8 takes.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

interface Meta {
  inputs: Record<string, { imports: Array<{ path: string; kind: string }> }>;
}

const meta: Meta = JSON.parse(readFileSync(join(ROOT, "dist", "bundle", "meta.json"), "utf8"));

/** The modules `entry` evaluates as it loads (static imports and requires), itself included. */
function evaluated(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const i of meta.inputs[entry]?.imports ?? [])
    if (i.kind === "import-statement" || i.kind === "require-call") evaluated(i.path, seen);
  return seen;
}

/** The npm package a module path is in, or null for our own code and Node's. */
const packageOf = (path: string): string | null =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? null;

describe("the bundle", () => {
  it("`run` evaluates neither the duplicate-key parser, the --grep matcher, the terminal fitting nor populations", () => {
    expect(meta.inputs["dist/cli/commands/run.js"]).toBeDefined();
    const modules = [...evaluated("dist/cli/main.js"), ...evaluated("dist/cli/commands/run.js")];
    expect(modules.length).toBeGreaterThan(50);
    const packages = new Set(modules.map(packageOf));
    // js-yaml is there (it reads every file); the `yaml` package and re2js are not
    expect(packages).toContain("js-yaml");
    expect(packages).not.toContain("yaml");
    expect(packages).not.toContain("re2js");
    // string-width and wrap-ansi (render/fit.ts): each builds an Intl.Segmenter as it loads
    expect(packages).not.toContain("string-width");
    expect(packages).not.toContain("wrap-ansi");
    expect(modules).not.toContain("dist/render/fit.js");
    // the population code is simulate's, all but what reads its options: their words and the sweep's grid
    expect(modules.filter((m) => m.startsWith("dist/population/")).sort()).toEqual([
      "dist/population/sweep.js",
      "dist/population/vocabulary.js",
    ]);
  });

  it("the CLI bundle calls no import(): code read from a V8 code cache in Node 20 cannot (no callback)", () => {
    // esbuild turns our own import() into modules initialised on first use but leaves a built-in's, which
    // then fails only when the cache was taken: `import { Worker } from "node:worker_threads"` instead
    const bundle = readFileSync(join(ROOT, "dist", "bundle", "cli.cjs"), "utf8");
    expect(bundle.match(/\bimport\(/g) ?? []).toEqual([]);
  });

  it("the build's code cache is one V8 takes, in a process with no flags as bin/credit-sim runs", () => {
    const r = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { loadCli } from "./bin/load-cli.mjs"; console.log(loadCli().codeCache);`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("used");
  });

  it("the build's warm-up writes no golden trace: a scenario without one is left for its author's own run", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-warm-up-"));
    try {
      mkdirSync(join(dir, "scenarios"));
      const scenario = readFileSync(join(ROOT, "scenarios", "good-customer.yaml"), "utf8");
      writeFileSync(join(dir, "scenarios", "new.yaml"), scenario.replace(/^name: .*$/m, "name: new"));
      const cache = join(dir, "cli.cjs.cache");
      const r = spawnSync(process.execPath, [join(ROOT, "scripts", "code-cache.mjs"), cache], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, CI: undefined },
      });
      expect(r.status).toBe(0);
      expect(existsSync(cache)).toBe(true);
      expect(existsSync(join(dir, "scenarios", "__snapshots__"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

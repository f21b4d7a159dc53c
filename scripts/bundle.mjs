// Bundles the compiled CLI (dist/) into dist/bundle/, which halves start-up (resolving and compiling ~100
// modules dominated a short `run`):
//  - the CLI, one CommonJS file (cli.cjs) that bin/load-cli.mjs runs with a V8 code cache — ES modules have
//    no code-cache API in Node 20. Commands stay lazily evaluated: esbuild turns each `import()` into a
//    module initialised on first use. Then scripts/code-cache.mjs runs a few commands and saves the code
//    V8 compiled for them (cli.cjs.cache).
//  - the worker entry points, ES modules sharing chunks (code splitting).
// The build's input graph is kept (meta.json): test/e2e/bundle.test.ts reads from it what a command loads
// before its first line. Every output lands flat in dist/bundle/, the same depth as dist/cli/, so paths
// relative to a module (../../package.json, ../../policies) hold. The library (`import … from
// "credit-sim"`) stays the unbundled tsc output in dist/.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  minify: true,
  logLevel: "warning",
};

// file names of chunks are content hashes, and a code cache must never outlive the bundle it was made
// from: clear the last build's
rmSync("dist/bundle", { recursive: true, force: true });
const cli = await build({
  ...common,
  entryPoints: ["dist/cli/main.js"],
  outfile: "dist/bundle/cli.cjs",
  format: "cjs",
  metafile: true,
  // import.meta.url, as CommonJS knows the module's place
  define: { "import.meta.url": "__moduleUrl" },
  banner: { js: "const __moduleUrl=require('node:url').pathToFileURL(__filename).href;" },
});
writeFileSync("dist/bundle/meta.json", JSON.stringify(cli.metafile));
await build({
  ...common,
  entryPoints: ["dist/testing/test-worker.js", "dist/population/population-worker.js"].filter((f) =>
    existsSync(f),
  ),
  outdir: "dist/bundle",
  entryNames: "[name]",
  splitting: true,
  format: "esm",
  // dependencies that are CommonJS call require(): give the ESM bundle one
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});
// the warm-up in a process of its own, with no flags: V8 refuses a cache made under other flags
const warm = spawnSync(process.execPath, ["scripts/code-cache.mjs"], { stdio: "inherit" });
if (warm.status !== 0) process.exitCode = 1;

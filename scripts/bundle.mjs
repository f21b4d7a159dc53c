// Bundles the compiled CLI (dist/) into dist/bundle/: a handful of files instead of ~100 modules, which
// halves start-up (ESM resolution and compilation dominate a short `run`). Commands stay lazily loaded
// (code splitting); worker entry points sit beside the chunks. Every output lands flat in dist/bundle/,
// the same depth as dist/cli/, so paths relative to a module (../../package.json, ../../policies) hold.
// The library (`import … from "credit-sim"`) stays the unbundled tsc output in dist/.
import { existsSync, rmSync } from "node:fs";
import { build } from "esbuild";

const entryPoints = [
  "dist/cli/main.js",
  "dist/testing/test-worker.js",
  "dist/population/population-worker.js",
].filter((f) => existsSync(f));

// chunk names are content hashes: clear the last build's, or stale chunks pile up beside the new ones
rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints,
  outdir: "dist/bundle",
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  // dependencies that are CommonJS call require(): give the ESM bundle one
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: "warning",
});

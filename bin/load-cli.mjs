// Loads the bundled CLI, dist/bundle/cli.cjs, with the V8 code cache `npm run build` wrote beside it
// (scripts/code-cache.mjs). Compiling the bundle is most of a short command's start: with the cache, V8
// reads the compiled code of every function the build's warm-up ran instead of compiling it again
// (docs/performance.md). ES modules have no code-cache API in Node 20, hence one CommonJS file run as
// `require` would run it. A cache V8 refuses (another Node, other V8 flags) or a missing one only costs
// the compiling: the code is the same. Nothing here writes, unless the warm-up asks (`writeCodeCache`).
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const BUNDLE = fileURLToPath(new URL("../dist/bundle/cli.cjs", import.meta.url));
const CACHE = `${BUNDLE}.cache`;

/** The CLI's exports (`main`, `onStdoutError`), whether V8 took the code cache, and a way to save the code
 *  compiled so far. */
export function loadCli() {
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // no cache (a build without its warm-up): compile as usual
  }
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, "utf8")), {
    filename: BUNDLE,
    cachedData,
    // honoured only by code V8 compiles here, not by code it reads from the cache (Node 20): the bundle
    // holds no import() for that reason (test/e2e/bundle.test.ts); this keeps a build without its cache
    // working if one slips in
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return {
    ...module.exports,
    codeCache: cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used",
    /** Writes the code cache, to `to` or beside the bundle (whole, then renamed into place: a reader never
     *  sees half of one). */
    writeCodeCache(to = CACHE) {
      const part = `${to}.${process.pid}.part`;
      writeFileSync(part, script.createCachedData());
      renameSync(part, to);
    },
  };
}

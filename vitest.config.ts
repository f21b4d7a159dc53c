import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Threads without per-file isolation: each worker imports the modules once and every file reuses them,
// which takes the import cost (zod, yaml, the engine) out of every file after the first. Tests may not
// rely on module state or on process.env / process.cwd changes (the CLI gets its own io, env and cwd).
// The files that mock modules (inquirer's prompts; the parser and the reader, to count their calls;
// node:fs, to refuse what root may read) run isolated, in a project of their own: a mock in a shared
// worker would be missed by a module already imported, or leak.
const MOCKS_MODULES = [
  "test/cli/whatif-session.test.ts",
  "test/cli/hostile-round13-session.test.ts",
  "test/scenario/policy-reads.test.ts",
  "test/cli/injected-fs.test.ts",
  "test/cli/hostile-round14-fs.test.ts",
  "test/counted-work.test.ts",
];
// A heap measured per step (test/engine/trace-memory.test.ts) is what a CLI run's steps cost in a fresh
// process: in a shared worker, allocation sites trained by earlier files give the same steps another layout
// (1,270 bytes a step alone, 1,630 after the suite's other engine files)
const OWN_HEAP = ["test/engine/trace-memory.test.ts"];

export default defineConfig({
  test: {
    // Two tiers. `npm test` runs every test not tagged `slow`, in about a minute: the model, the stories,
    // the properties, the commands and renderers in-process and a few spawns for what only a process shows.
    // `npm run test:slow` runs the rest, each seconds long: populations at calibration or century scale,
    // 100,000-line inputs (hang guards), a browser, many spawned processes (signals, pipes, locales, worker
    // threads), the docs pages' examples (the README's stay) and the benches. CI runs both.
    // Files that draw generated cases (test/helpers/property-seed.ts) carry `property`: the fast tier draws
    // a quarter of each count (PROPERTY_SHARE), the slow tier runs them again with every case.
    tags: [
      {
        name: "property",
        description: "draws generated cases: a quarter of them in npm test, all in npm run test:slow",
      },
      {
        name: "slow",
        description:
          "seconds each: populations at scale, huge inputs, a browser, spawned processes (npm run test:slow)",
      },
    ],
    // a hang fails in a minute; the heaviest tests take seconds on a quiet machine, more on a busy one
    testTimeout: 60_000,
    // and a hook alike: a beforeAll that imports the built CLI (test/fuzz/argv.test.ts) took more than
    // vitest's default 10 s on a machine shared by a few runs, failing the file before its first input
    hookTimeout: 60_000,
    pool: "threads",
    // one seed for every property test (PROPERTY_SEED=random draws anew)
    setupFiles: ["test/helpers/property-seed.ts"],
    // vitest's default leaves a core free, which on the 2-core CI machine runs the files one at a time;
    // many tests wait on a child process, so two threads use both cores (about 100 s → 70 s)
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...MOCKS_MODULES, ...OWN_HEAP],
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: [...MOCKS_MODULES, ...OWN_HEAP], isolate: true } },
    ],
  },
});

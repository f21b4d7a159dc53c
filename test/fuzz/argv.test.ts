// Fuzz: hostile command lines through runCli, in-process (the build: worker threads start from dist/).
// Every argv ends in the command's work or the program's own answer — a usage error, an InputError, a
// finished command's exit code — never an internal error (exit 70), within a time and heap bound. Runs
// in a scratch folder holding a copy of the scenarios, so outputs a command line names land there.

import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { ROOT } from "../helpers/cli.js";
import { argv, FUZZ_SECONDS, fuzzParameters } from "./arbitraries.js";

const MS_PER_INPUT = Number(process.env.FUZZ_MS_PER_INPUT ?? 10_000);
// what one command line may add to the heap: the worker this file runs in is shared with other test files,
// whose garbage and caches are already there (a bound on the whole heap failed on its first input once the
// suite grew)
const HEAP_BYTES = 768 * 1024 * 1024;
let heapBefore = 0;
const scratch = mkdtempSync(join(tmpdir(), "credit-sim-argv-"));
let runCli: (args: readonly string[], io: CliIo) => Promise<number>;
beforeAll(async () => {
  cpSync(join(ROOT, "scenarios"), join(scratch, "scenarios"), { recursive: true });
  ({ runCli } = await import(join(ROOT, "dist/cli/run-cli.js")));
  heapBefore = process.memoryUsage().heapUsed;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A population stays small unless the command line says otherwise (the run is not the point). */
function bounded(args: string[]): string[] {
  if (args[0] === "simulate" && !args.includes("--accounts"))
    return [...args, "--accounts", "20", "--days", "60"];
  return args;
}

async function runQuietly(args: string[]): Promise<void> {
  let stderr = "";
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: {
      write: (t: string) => {
        stderr += t;
      },
    },
    stdinIsTTY: false,
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    cwd: scratch,
  };
  const started = performance.now();
  const code = await runCli(args, io);
  const ms = performance.now() - started;
  expect(code, `${JSON.stringify(args)}: ${stderr}`).not.toBe(70);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  expect(ms, `${args.join(" ")} took ${Math.round(ms)} ms`).toBeLessThan(MS_PER_INPUT);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(HEAP_BYTES);
}

describe("fuzz: command lines", () => {
  const timeout = FUZZ_SECONDS > 0 ? FUZZ_SECONDS * 2000 + 60_000 : 60_000;
  it("every command line is worked, or refused with the program's own error", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(
        // not the whole file system: `test /` would search it all, which is what was asked
        argv.filter(
          (a) => !a.some((w) => w.startsWith("/") && !w.startsWith("/dev/") && w !== "/etc/passwd"),
        ),
        async (args) => runQuietly(bounded(args)),
      ),
      fuzzParameters(30),
    );
  });
});

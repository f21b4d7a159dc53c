// `credit-sim test [PATH…]`: CI regression of scenario folders. Runs every scenario (expectations and
// golden traces), renders the chosen reporters, exits 0 (all passed), 1 (a failure) or 2 (bad usage, or
// a file with bad input: the other files still run and are reported, then the run exits 2).

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ExitCode, err, makeChalk, out } from "../../shared/terminal.js";
import { writeFileAtomic } from "../../shared/write-file.js";
import { parseTestOptions, type RawTestOptions, type ReporterTarget } from "../../testing/options.js";
import type { TestRun } from "../../testing/report.js";
import { runTests } from "../../testing/run-tests.js";

export async function testCommand(paths: string[], raw: RawTestOptions): Promise<void> {
  const options = parseTestOptions(raw);
  const run = await runTests(paths, options);
  for (const target of options.reporters) await emit(run, target, options.color);
  // bad-input messages go to stderr unless the human report on stdout already shows them
  if (!options.reporters.some((r) => r.name === "pretty" && r.file === null)) {
    for (const r of run.reports) if (r.status === "error" && r.error) err(`credit-sim: ${r.error}`);
  }
  if (run.exitCode !== 0) throw new ExitCode(run.exitCode);
}

async function emit(run: TestRun, target: ReporterTarget, color: boolean): Promise<void> {
  let text: string;
  switch (target.name) {
    case "pretty": {
      const { renderPretty } = await import("../../testing/reporters/pretty.js");
      const chalk = makeChalk(process.stdout, color && target.file === null);
      text = renderPretty(run, chalk, (file) => `credit-sim test ${file}`);
      break;
    }
    case "json":
      text = (await import("../../testing/reporters/json.js")).renderJson(run);
      break;
    case "junit":
      text = (await import("../../testing/reporters/junit.js")).renderJunit(run);
      break;
  }
  if (target.file === null) {
    out(text);
    return;
  }
  const file = resolve(target.file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text);
}

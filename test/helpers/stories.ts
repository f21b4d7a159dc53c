// What the story tests (test/*-round-stories.test.ts) read their fixtures with: a fixture by name, run
// with its expectations passing, a step of its trace, and the twin a reviewer compares it with.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Step, Trace } from "../../src/engine/index.js";
import { runScenario } from "../../src/run-scenario.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "./cli.js";

export const fixture = (name: string): string => join(ROOT, "test/fixtures/scenarios", name);

/** The step of an event of `type` on `day`, on `line` (or on no line). */
export const at = (
  steps: readonly Step[],
  type: string,
  day: number,
  line: "huabei" | "jiebei" = "huabei",
): Step => steps.find((s) => s.event.type === type && s.day === day && (s.line === null || s.line === line))!;

/** The fixture's trace, its every expectation met. */
export function passing(name: string): Trace {
  const run = runScenario(fixture(name));
  expect(run.results.filter((r) => !r.ok)).toEqual([]);
  return run.trace;
}

/** A file with lines of its text replaced (each must be there): the twin a reviewer compares it with. */
export function twinOf(path: string, ...edits: ReadonlyArray<readonly [string, string]>): Trace {
  let text = readFileSync(path, "utf8");
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return runScenario(loadScenarioText(text, path)).trace;
}

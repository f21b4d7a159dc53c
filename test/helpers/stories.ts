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

/** scenarios/financial-burden.yaml: Li Na's Huabei, cut to ¥7,000 on day 105, suspended (and cut to ¥3,000)
 *  by the review of day 135 — the customer service tests ask about it before and after that review. */
export const LI_NA = join(ROOT, "scenarios/financial-burden.yaml");
const LI_NA_126 = "  - { day: 126, type: repay, amount: minimum }";

/** Li Na's timeline with `events` (each written as the file's `- { … }` items) before her repayment of day
 *  126, and with `after` just after it: what she does, or asks, ahead of the review of day 135. */
export const liNaWith = (events: readonly string[], after: readonly string[] = []): Trace =>
  twinOf(LI_NA, [
    LI_NA_126,
    [...events, LI_NA_126, ...after].map((e) => (e.startsWith("  - ") ? e : `  - ${e}`)).join("\n"),
  ]);

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

/** A fixture's twin (twinOf on the fixture named). */
export const twin = (name: string, ...edits: ReadonlyArray<readonly [string, string]>): Trace =>
  twinOf(fixture(name), ...edits);

/** The last step of `t` on or before `day`: the account as that day ends. */
export const lastStep = (t: Trace, day: number): Step => t.steps.filter((s) => s.day <= day).at(-1)!;

/** The days on which `better` ends with a lower score or limit than `worse`, or a line suspended or
 *  closed that `worse` has active: read at the end of every day both traces have a step on. */
export function worseOff(better: Trace, worse: Trace): string[] {
  const days = new Set(better.steps.map((s) => s.day));
  const out: string[] = [];
  for (const day of new Set(worse.steps.map((s) => s.day))) {
    if (!days.has(day)) continue;
    const [b, w] = [lastStep(better, day), lastStep(worse, day)];
    if (b.score < w.score) out.push(`${day}: score ${b.score} < ${w.score}`);
    if (b.limit < w.limit || b.jiebei.limit < w.jiebei.limit) out.push(`${day}: limit`);
    if (b.status !== "active" && w.status === "active") out.push(`${day}: Huabei ${b.status}`);
    if (b.jiebei.status !== "active" && w.jiebei.status === "active")
      out.push(`${day}: Jiebei ${b.jiebei.status}`);
  }
  return out;
}

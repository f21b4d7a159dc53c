// A test report shows a day's steps once per scenario, however many expectations read that day. Each
// expectation carried its own copy (`steps` in the JSON report, version 1; the steps under every failure in
// the others), so 2,000 expectations of a day of 2,000 purchases (a 140 KB file) made a JSON report past the
// longest string there is: 51 s, 3.2 GB, "internal error: Invalid string length" (exit 70).

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { htmlAssets } from "../../src/cli/html-assets.js";
import { testHtml } from "../../src/render/html/test-report.js";
import { renderGithub } from "../../src/testing/reporters/github.js";
import { renderJson } from "../../src/testing/reporters/json.js";
import { renderJunit } from "../../src/testing/reporters/junit.js";
import { renderPretty } from "../../src/testing/reporters/pretty.js";
import { makeContext, runOne } from "../../src/testing/run-one.js";
import { tempCases } from "../helpers/temp-cases.js";
import { testRun } from "../helpers/test-run.js";

const { fresh } = tempCases("report-size");

const PURCHASES = 150;

/** A run of one scenario: `PURCHASES` purchases of ¥1 on day 1 and one of ¥7 on day 2, and `failing`
 *  failed expectations of each of those days, beside one that holds and one on a day without a step. */
function busyRun(failing: number) {
  const dir = fresh();
  const file = join(dir, "busy.yaml");
  const events = [
    "  - { day: 0, type: apply, product: open, amount: 5000 }\n",
    "  - { day: 1, type: purchase, amount: 1 }\n".repeat(PURCHASES),
    "  - { day: 2, type: purchase, amount: 7 }\n",
  ].join("");
  const expectations = [
    "  - { day: 1, status: active }\n",
    "  - { day: 1, decision: declined }\n".repeat(failing),
    "  - { day: 2, decision: declined }\n".repeat(failing),
    "  - { day: 5, status: suspended }\n",
  ].join("");
  writeFileSync(file, `name: busy\nuntil: 40\nevents:\n${events}expect:\n${expectations}`);
  const report = runOne(
    { path: file, shown: "busy.yaml" },
    makeContext({ cwd: dir, roots: [], grep: null, snapshots: null }),
  );
  if ("filtered" in report) throw new Error("filtered out");
  expect(report.expectations.filter((e) => !e.ok)).toHaveLength(2 * failing + 1);
  return testRun([report]);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("a test report's size", () => {
  it("JSON: each day's steps once, in the scenario's days; an expectation finds them by day and line", () => {
    for (const failing of [1, 40]) {
      const doc = JSON.parse(renderJson(busyRun(failing)));
      expect(doc.version).toBe(2);
      const scenario = doc.scenarios[0];
      const steps = [
        ...scenario.days.flatMap((d: { steps: unknown[] }) => d.steps),
        ...scenario.expectations.flatMap((e: { nearest: unknown }) => (e.nearest ? [e.nearest] : [])),
      ] as Array<{ event: string; day: number }>;
      // the 150 purchases of day 1 and the one of day 2, once each however many expectations read them
      expect(steps.filter((s) => s.event === "purchase" && s.day === 1)).toHaveLength(PURCHASES);
      // day 2's purchase in its day, and as the nearest step before day 5 (one step an expectation)
      expect(steps.filter((s) => s.event === "purchase" && s.day === 2)).toHaveLength(2);
      // the days read, in order (day 5 has no step: its expectation has the nearest before it)
      expect(scenario.days.map((d: { day: number; on: string }) => [d.day, d.on])).toEqual([
        [1, "huabei"],
        [2, "huabei"],
        [5, "huabei"],
      ]);
      expect(scenario.days[2].steps).toEqual([]);
      expect(scenario.expectations.at(-1).nearest).toMatchObject({ day: 2, event: "purchase" });
      for (const e of scenario.expectations) expect(e).not.toHaveProperty("steps");
    }
  });

  it("pretty, junit, github and html: a day's steps under its first failure only, the later ones refer to it", () => {
    const plain = new Chalk({ level: 0 });
    for (const failing of [1, 40]) {
      const run = busyRun(failing);
      const outputs = {
        pretty: renderPretty(run, plain, (f) => `credit-sim test ${f}`),
        junit: renderJunit(run),
        github: renderGithub(run),
        html: testHtml(run, htmlAssets()),
      };
      for (const [name, page] of Object.entries(outputs)) {
        // the page keeps an amount whole on its line in a span of its own: the text read as shown
        const text = page.replace(/<span class="nw">([^<]*)<\/span>/g, "$1");
        expect(count(text, "purchase ¥1.00"), name).toBe(PURCHASES);
        // day 2's purchase under its first failure, and as the nearest step before day 5
        expect(count(text, "purchase ¥7.00"), name).toBe(2);
      }
      expect(count(outputs.pretty, "shown above, at expect[1]")).toBe(failing - 1);
      expect(count(outputs.junit, "in the failure of expect[1]")).toBe(failing - 1);
      expect(count(outputs.github, "in the annotation of expect[1] (line ")).toBe(failing - 1);
    }
  });
});

// Expectations that could never fail (or never pass) are bad input, not silent passes (`run` and `test`,
// in-process).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-expect-"));
const file = (name: string, expectation: string) => {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `name: ${name}\nevents: []\nexpect:\n  - ${expectation}\n`);
  return path;
};

describe("expectations that cannot fail or cannot pass", () => {
  it.each([
    ["checks-nothing", "{ day: 0 }", "expect[0]: the expectation checks nothing"],
    ["empty-range", "{ day: 0, score: { min: 900, max: 400 } }", "expect[0].score: the range is empty"],
    [
      "empty-reasons",
      "{ day: 0, status: none, reasons: [] }",
      "expect[0].reasons: an empty list checks nothing",
    ],
    ["open-score", "{ day: 0, score: {} }", "expect[0].score: a range without min or max checks nothing"],
    ["open-balance", "{ day: 0, status: none, balance: {} }", "expect[0].balance: a range without min"],
    ["end-and-day", "{ end: true, day: 3, status: none }", "both `end: true` and a day"],
  ])("%s is refused with exit 2", async (name, expectation, message) => {
    const f = file(name, expectation);
    for (const command of ["run", "test"]) {
      const r = await cli([command, f]);
      expect(r.status).toBe(2);
      // `run` reports on stderr; `test` puts the bad file in its report (stdout) and carries on
      const said = command === "run" ? r.stderr : r.stdout;
      expect(said).toContain(`${f}:4:`);
      expect(said).toContain(message);
    }
  });
});

// `--reporter github`: one workflow command per failure, at the line that caused it.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTestOptions } from "../../src/testing/options.js";
import { renderGithub } from "../../src/testing/reporters/github.js";
import { runTests } from "../../src/testing/run-tests.js";
import { ROOT } from "../helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/test-command");
const run = (...dirs: string[]) =>
  runTests(
    dirs.map((d) => join(FIXTURES, d)),
    parseTestOptions({ snapshots: false }, {}),
    ROOT,
  );

describe("github reporter", () => {
  it("annotates each failed expectation at its own line", async () => {
    const lines = renderGithub(await run("fail"))
      .trimEnd()
      .split("\n");
    const file = "test/fixtures/test-command/fail/mixed.yaml";
    expect(lines.map((l) => /^::error file=([^,]+),line=(\d+),/.exec(l)?.slice(1))).toEqual([
      [file, "15"],
      [file, "16"],
      [file, "18"],
    ]);
    expect(lines[0]).toContain(
      "title=credit-sim%3A Fixture mixed results › day 30%3A status active%2C reasons OVERDUE_RECENT::",
    );
    // the message is one line: newlines escaped, the failed checks first, then that day's steps
    expect(lines[0]).toMatch(/::status: expected active, got suspended%0Areasons: expected/);
    expect(lines[0]).toContain("%0Aon day 30 (2024-01-31):%0A");
    // each reason with the numbers the rule compared, as the trace shows them
    expect(lines[0]).toContain("short time (3 vs securityMaxChanges 2)");
  });

  it("points bad input at the line the loader names", async () => {
    const out = renderGithub(await run("bad"));
    expect(out).toMatch(
      /^::error file=test\/fixtures\/test-command\/bad\/typo\.yaml,line=6,title=credit-sim%3A bad input::/m,
    );
  });

  it("annotates every line of a file with several problems, not only the first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-github-"));
    try {
      writeFileSync(
        join(dir, "two.yaml"),
        [
          "name: two problems",
          "events:",
          "  - { day: 0, type: apply, product: open, amount: 5000 }",
          "  - { day: 5, type: purchse, amount: 10 }",
          "expect:",
          "  - { day: 5, reasons: [NOT_A_CODE] }",
          "",
        ].join("\n"),
      );
      const run = await runTests(["two.yaml"], parseTestOptions({ snapshots: false }, {}), dir);
      const lines = renderGithub(run).trimEnd().split("\n");
      expect(
        lines.map((l) => /^::error file=two\.yaml,line=(\d+),title=credit-sim%3A bad input::/.exec(l)?.[1]),
      ).toEqual(["4", "6"]);
      // the first lists every problem; the next is its own line's problem alone
      expect(lines[0]).toContain("NOT_A_CODE");
      expect(lines[1]).toContain("::two.yaml:6:");
      expect(lines[1]).toContain("unknown reason code");
      expect(lines[1]).not.toContain("purchse");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints nothing when everything passed", async () => {
    expect(renderGithub(await run("pass"))).toBe("");
  });

  it("may share standard output with another reporter; `-` is standard output", () => {
    expect(parseTestOptions({ reporter: ["pretty,github"] }, {}).reporters).toEqual([
      { name: "pretty", file: null },
      { name: "github", file: null },
    ]);
    expect(parseTestOptions({ reporter: ["github"], outputFile: ["html=-"] }, {}).reporters).toEqual([
      { name: "github", file: null },
      { name: "html", file: null },
    ]);
    expect(() => parseTestOptions({ outputFile: ["html=-"] }, {})).toThrow(/pretty and html/);
  });
});

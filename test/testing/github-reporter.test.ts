// `--reporter github`: one workflow command per failure, at the line that caused it.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTestOptions } from "../../src/testing/options.js";
import { renderGithub } from "../../src/testing/reporters/github.js";
import { runTests } from "../../src/testing/run-tests.js";
import { ROOT } from "../helpers/cli.js";
import { scenarioReport, testRun } from "../helpers/test-run.js";

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
    expect(lines[0]).toContain(
      "short time (3 vs securityMaxChanges 2 within 30 days; another change before day 55 is one too many, unless the identity is verified first)",
    );
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

  it("names the real file in every annotation: a line break in its name is %0A, not the escape a terminal shows", () => {
    // the runner reads `file=` as a path: `a\nb.yaml` (printed as a terminal would) names no file
    const file = "suite/a\nb\r%0A,c:d.yaml";
    const reports = [
      scenarioReport({
        file,
        name: "bad",
        status: "error",
        line: 2,
        error: "bad",
        problems: [{ line: 5, text: "x" }],
      }),
      scenarioReport({ file, name: "none", status: "no-expectations", line: 1 }),
      scenarioReport({
        file,
        name: "changed",
        status: "failed",
        line: 1,
        snapshot: { status: "mismatch", file: "t.trace", diff: "-a\n+b" },
      }),
    ];
    const lines = renderGithub(testRun(reports, { obsolete: [`${file}.trace`] }))
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(5);
    // GitHub's runner unescapes a property's %0D, %0A, %3A, %2C and %25
    const runnerReads = (p: string) =>
      p.replace(/%(0D|0A|3A|2C|25)/g, (_, c: string) => String.fromCharCode(Number.parseInt(c, 16)));
    const files = lines.map((l) => runnerReads(/^::(?:error|warning) file=([^,]*)[,:]/.exec(l)?.[1] ?? ""));
    expect(files).toEqual([file, file, file, file, `${file}.trace`]);
  });

  it("a path's other controls are shown as escapes: the command's own line stays terminal-safe", () => {
    const out = renderGithub(
      testRun([scenarioReport({ file: "a\u001b[2J\u202e##[x.yaml", name: "n", status: "no-expectations" })]),
    );
    expect(out).toMatch(/^::warning file=a\\x1b\[2J\\u202e#\\x23\[x\.yaml,title=/);
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

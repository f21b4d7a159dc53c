// Reporters, through `credit-sim test` in-process: JUnit XML read back with a real XML parser
// (fast-xml-parser), the JSON document's shape, several reporters at once with --output-file, and
// --output for a single one.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { scenarioReport, testRun } from "../helpers/test-run.js";

const FIX = join(ROOT, "test/fixtures/test-command");
let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "credit-sim-reports-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["testsuite", "testcase"].includes(name),
  parseAttributeValue: false,
});

interface XmlCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; "#text": string };
  error?: { message: string; "#text": string };
  skipped?: { message: string };
}
interface XmlSuite {
  name: string;
  file: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  time: string;
  testcase: XmlCase[];
}

describe("--reporter junit", () => {
  const junit = async () => {
    const r = await cli([
      "test",
      "--no-snapshots",
      "--reporter",
      "junit",
      `${FIX}/fail`,
      `${FIX}/empty`,
      `${FIX}/bad/typo.yaml`,
    ]);
    expect(r.status).toBe(2);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    return parser.parse(r.stdout).testsuites as {
      tests: string;
      failures: string;
      errors: string;
      testsuite: XmlSuite[];
    };
  };

  it("writes one testsuite per file and one testcase per expectation", async () => {
    const doc = await junit();
    expect(doc.testsuite.map((s) => s.file)).toEqual([
      "test/fixtures/test-command/bad/typo.yaml",
      "test/fixtures/test-command/empty/no-expectations.yaml",
      "test/fixtures/test-command/fail/mixed.yaml",
      "test/fixtures/test-command/fail/passing.yaml",
    ]);
    const mixed = doc.testsuite[2]!;
    expect(mixed.name).toBe("Fixture mixed results");
    expect(mixed.tests).toBe("5");
    expect(mixed.failures).toBe("3");
    expect(Number.isFinite(Number(mixed.time))).toBe(true);
    expect(mixed.testcase.map((c) => c.name)).toEqual([
      "day 0: decision approved",
      "day 30: status active, reasons OVERDUE_RECENT",
      "day 27: decision declined",
      "day 30: cause security",
      "end (day 90): score ≥ 940",
    ]);
    expect(mixed.testcase.every((c) => c.classname === "Fixture mixed results")).toBe(true);
    expect(doc.tests).toBe("9");
    expect(doc.failures).toBe("3");
    expect(doc.errors).toBe("1");
  });

  it("gives each failure a one-line message and the full report as its body", async () => {
    const failure = (await junit()).testsuite[2]!.testcase[1]!.failure!;
    expect(failure.type).toBe("ExpectationFailed");
    expect(failure.message).toBe(
      "status: expected active, got suspended; reasons: expected OVERDUE_RECENT, got SECURITY_PROFILE_CHANGES, FREQUENT_PROFILE_CHANGES",
    );
    expect(failure["#text"]).toContain(
      "Fixture mixed results, test/fixtures/test-command/fail/mixed.yaml, expect[1], day 30 (2024-01-31)",
    );
    expect(failure["#text"]).toMatch(/\n\s+30\s+2024-01-31\s+change bound device\s+suspended/);
    expect(failure["#text"]).toContain(
      // with the numbers the rule compared, as the trace shows them
      "reasons on record: SECURITY_PROFILE_CHANGES (3 vs securityMaxChanges 2 within 30 days; another change before day 55 is one too many, unless the identity is verified first), FREQUENT_PROFILE_CHANGES",
    );
  });

  it("marks bad input as an error and a scenario without expectations as skipped", async () => {
    const doc = await junit();
    const bad = doc.testsuite[0]!;
    expect(bad.errors).toBe("1");
    expect(bad.testcase[0]!.error!.message).toBe(
      "test/fixtures/test-command/bad/typo.yaml:6:21: events[1].type: unknown event type",
    );
    expect(bad.testcase[0]!.error!["#text"]).toContain('did you mean "purchase"?');
    const empty = doc.testsuite[1]!;
    expect(empty.skipped).toBe("1");
    expect(empty.testcase[0]!.skipped!.message).toBe("the scenario has no expectations");
  });

  it("stays well-formed XML whatever bytes a file name holds", async () => {
    const { renderJunit } = await import("../../src/testing/reporters/junit.js");
    const name = "a\u001b[31m\u0007.yaml";
    const report = scenarioReport({
      file: `dir/${name}`,
      name: "x",
      snapshot: { status: "matched", file: `dir/__snapshots__/${name}.trace`, diff: null },
    });
    const xml = renderJunit(testRun([report]));
    expect(XMLValidator.validate(xml)).toBe(true);
    // shown as the terminal shows them: escapes, not characters XML refuses
    expect(xml).toContain('file="dir/a\\x1b[31m\\x07.yaml"');
  });

  it("a bidirectional override in a name is written as its escape: no CI page reorders the name", async () => {
    const { renderJunit } = await import("../../src/testing/reporters/junit.js");
    const report = scenarioReport({ file: "dir/\u202eecnalab.yaml", name: "pay \u202edeyalp" });
    const xml = renderJunit(testRun([report]));
    expect(xml).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(xml).toContain('name="pay \\u202edeyalp"');
    expect(xml).toContain('file="dir/\\u202eecnalab.yaml"');
  });

  it("a line break in a name or a file name starts no line a CI runner reads as a command", async () => {
    const { renderJunit } = await import("../../src/testing/reporters/junit.js");
    const { testHtml } = await import("../../src/render/html/test-report.js");
    const { htmlAssets } = await import("../../src/cli/html-assets.js");
    const report = scenarioReport({ file: "dir/c\n::error file=x::forged.yaml", name: "n\n::error::forged" });
    for (const out of [renderJunit(testRun([report])), testHtml(testRun([report]), htmlAssets())]) {
      expect(out.split("\n").filter((l) => l.startsWith("::"))).toEqual([]);
    }
    expect(XMLValidator.validate(renderJunit(testRun([report])))).toBe(true);
  });

  it("the HTML page counts in words: one scenario file, one golden trace", async () => {
    const { testHtml } = await import("../../src/render/html/test-report.js");
    const { htmlAssets } = await import("../../src/cli/html-assets.js");
    const report = scenarioReport({
      file: "dir/a.yaml",
      name: "a",
      snapshot: { status: "matched", file: "dir/__snapshots__/a.yaml.trace", diff: null },
    });
    const page = testHtml(testRun([report]), htmlAssets());
    expect(page).toMatch(/1 scenario file, \d+ expectations?, 1 golden trace\./);
  });

  it("the HTML page says what the terminal warned of: a golden trace left unwritten, and what to do", async () => {
    // a scenario outside the working folder got no golden trace: stderr said why and what to do, while
    // the page showed '—' in its golden trace column and nothing else
    const { testHtml } = await import("../../src/render/html/test-report.js");
    const { htmlAssets } = await import("../../src/cli/html-assets.js");
    const seed =
      "a.yaml:3:1: seed: deprecated and ignored: a scenario is deterministic, so its seed changes nothing; remove the line";
    const outside = ["/elsewhere/c.yaml", "/elsewhere/d.yaml"].map((file) =>
      scenarioReport({ file, name: file, traceOutside: true }),
    );
    const reports = [scenarioReport({ file: "a.yaml", name: "a", warnings: [seed] }), ...outside];
    const page = testHtml(testRun(reports), htmlAssets());
    expect(page).toMatch(/<h2>Warnings \(2\)<\/h2>/);
    expect(page).toContain(`<li>${seed}</li>`);
    expect(page).toContain(
      "<li>no golden trace written for 2 scenarios outside the working folder (/elsewhere/c.yaml and 1 more): run credit-sim test from a folder that holds them, or add -u to write their traces; they have no expectations either: nothing of them is checked</li>",
    );
    const quiet = testHtml(testRun([scenarioReport({ file: "b.yaml", name: "b" })]), htmlAssets());
    expect(quiet).not.toContain("<h2>Warnings");
  });

  it("escapes what XML needs escaped", async () => {
    const r = await cli(["test", "--no-snapshots", "--reporter", "junit", `${FIX}/fail/mixed.yaml`]);
    const doc = parser.parse(r.stdout).testsuites as { testsuite: XmlSuite[] };
    expect(doc.testsuite[0]!.testcase[4]!.name).toBe("end (day 90): score ≥ 940");
  });
});

describe("--reporter json", () => {
  it("prints one JSON document with the documented shape", async () => {
    const r = await cli(["test", "--no-snapshots", "--reporter", "json", `${FIX}/fail`]);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      version: 2,
      ok: false,
      exitCode: 1,
      summary: {
        scenarios: { total: 2, passed: 1, failed: 1, noExpectations: 0, errors: 0 },
        expectations: { total: 7, passed: 4, failed: 3 },
      },
      obsoleteSnapshots: [],
      filtered: 0,
      notRun: 0,
    });
    const mixed = doc.scenarios[0];
    expect(mixed).toMatchObject({
      file: "test/fixtures/test-command/fail/mixed.yaml",
      name: "Fixture mixed results",
      status: "failed",
      policy: "default",
      seed: 1,
      error: null,
      snapshot: null,
    });
    expect(mixed.expectations[1]).toMatchObject({
      index: 1,
      day: 30,
      date: "2024-01-31",
      end: false,
      ok: false,
      checks: [
        { field: "status", expected: "active", actual: "suspended", ok: false },
        { field: "reasons", expected: "OVERDUE_RECENT", ok: false },
      ],
      nearest: null,
    });
    // the steps of a day are the scenario's, by day and line: an expectation has none of its own
    expect(mixed.expectations[1]).not.toHaveProperty("steps");
    const day30 = mixed.days.find((d: { day: number; on: string }) => d.day === 30 && d.on === "huabei");
    expect(day30).toMatchObject({ day: 30, date: "2024-01-31", on: "huabei" });
    expect(day30.steps[0]).toMatchObject({
      day: 30,
      event: "change_profile",
      decision: "suspended",
      limit: 8000,
      balance: 0,
      status: "suspended",
      cause: "security",
    });
    expect(mixed.expectations[2].nearest).toMatchObject({ day: 25, event: "change_profile" });
    expect(day30.steps[0].facts).toEqual([
      {
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        threshold: 2,
        value: 3,
        window: 30,
        windowClearsOn: 55,
      },
    ]);
  });

  const twoLinesJson = () =>
    cli(["test", "--no-snapshots", "--reporter", "json", join(ROOT, "scenarios/two-lines.yaml")]);

  it("gives Jiebei's limit and balance in yuan, as Huabei's", async () => {
    const r = await twoLinesJson();
    expect(r.status).toBe(0);
    const steps = JSON.parse(r.stdout).scenarios[0].days.flatMap(
      (d: { steps: Array<{ day: number; jiebei: { limit: number; balance: number } | null }> }) => d.steps,
    );
    const opened = steps.find((s: { jiebei: unknown }) => s.jiebei !== null);
    // day 0: Jiebei opens at ¥50,000 (run --json says 50000 too)
    expect(opened).toMatchObject({ day: 0, jiebei: { limit: 50000, balance: 0 } });
  });

  it("is sketched whole in docs/ci-regression.md: the sketch names every field", async () => {
    const r = await twoLinesJson();
    const doc = JSON.parse(r.stdout);
    const page = readFileSync(join(ROOT, "docs/ci-regression.md"), "utf8");
    const sketch = page.slice(page.indexOf("{ version: 2"), page.indexOf("## Selecting"));
    const scenario = doc.scenarios[0];
    const expectation = scenario.expectations[0];
    const day = scenario.days[0];
    const step = day.steps[0];
    for (const key of [
      ...Object.keys(doc),
      ...Object.keys(scenario),
      ...Object.keys(expectation),
      ...Object.keys(day),
      ...Object.keys(step),
    ])
      expect(sketch, key).toMatch(new RegExp(`\\b${key}\\b`));
  });
});

describe("several reporters at once", () => {
  it("pretty on stdout, junit and json to files", async () => {
    const xml = join(out, "nested", "junit.xml");
    const json = join(out, "report.json");
    const r = await cli([
      "test",
      "--no-snapshots",
      `${FIX}/pass`,
      "--reporter",
      "pretty",
      "--reporter",
      "junit",
      "--output-file",
      `junit=${xml}`,
      "--output-file",
      `json=${json}`,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed \(2\)/);
    const doc = parser.parse(readFileSync(xml, "utf8")).testsuites;
    expect(doc.tests).toBe("7");
    expect(doc.failures).toBe("0");
    expect(JSON.parse(readFileSync(json, "utf8")).ok).toBe(true);
  });

  it("--output sends the single machine reporter to a file", async () => {
    const file = join(out, "only.xml");
    const r = await cli([
      "test",
      "--no-snapshots",
      `${FIX}/pass`,
      "--reporter",
      "pretty,junit",
      "--output",
      file,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Scenarios");
    expect(parser.parse(readFileSync(file, "utf8")).testsuites.testsuite).toHaveLength(2);
  });

  it("keeps a path after --reporter a path", async () => {
    const r = await cli(["test", "--no-snapshots", "--reporter", "json", `${FIX}/pass`]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.scenarios.total).toBe(2);
  });
});

describe("money in a failure", () => {
  const money = async (reporter: string) => {
    const file = join(FIX, "money", "money-checks.yaml");
    const r = await cli(["test", "--no-snapshots", "--no-color", "--reporter", reporter, file]);
    expect(r.status).toBe(1);
    return r.stdout;
  };

  it("reads as the trace writes money in every text for people: ¥12,000.00, not 12000.00", async () => {
    // it read "✗ limit  expected 12000.00  got 2000.00" under a step line that said ¥2,000.00
    const pretty = await money("pretty");
    expect(pretty).toContain("✗ Money checks › day 0: limit ¥12,000.00\n");
    expect(pretty).toMatch(/✗ limit +expected ¥12,000\.00 +got ¥2,000\.00\n/);
    expect(pretty).toMatch(/✗ balance +expected ≥ ¥1,000\.50 and ≤ ¥2,000\.00 +got ¥0\.00\n/);
    const github = await money("github");
    expect(github).toContain("::limit: expected ¥12,000.00, got ¥2,000.00%0A");
    const junit = parser.parse(await money("junit")).testsuites.testsuite[0].testcase as XmlCase[];
    expect(junit[0]!.name).toBe("day 0: limit ¥12,000.00");
    expect(junit[0]!.failure!.message).toBe("limit: expected ¥12,000.00, got ¥2,000.00");
    expect(junit[1]!.failure!["#text"]).toContain(
      "FAIL balance: expected ≥ ¥1,000.50 and ≤ ¥2,000.00, got ¥0.00",
    );
    // (a title in an annotation's properties writes its commas as %2C)
    for (const text of [
      pretty,
      github.replaceAll("%2C", ","),
      ...junit.map((c) => c.failure!.message + c.failure!["#text"]),
    ])
      expect(text).not.toMatch(/[^¥,\d]\d+\.\d\d\b/);
  });

  it("stays plain yuan in the JSON report's checks, as a scenario writes it", async () => {
    const doc = JSON.parse(await money("json"));
    expect(doc.scenarios[0].expectations.map((e: { checks: unknown }) => e.checks)).toEqual([
      [{ field: "limit", expected: "12000.00", actual: "2000.00", ok: false }],
      [{ field: "balance", expected: "≥ 1000.50 and ≤ 2000.00", actual: "0.00", ok: false }],
    ]);
  });
});

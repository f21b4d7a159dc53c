// argv → options for `credit-sim test`, shard arithmetic and the golden-trace diff, as units.

import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/shared/errors.js";
import { isCI } from "../../src/shared/terminal.js";
import { lineDiff } from "../../src/testing/line-diff.js";
import { parseTestOptions } from "../../src/testing/options.js";
import { parseShard, shardOf } from "../../src/testing/shard.js";
import { inputErrorOf } from "../helpers/input-error.js";

describe("parseTestOptions", () => {
  it("defaults to the pretty reporter on stdout, golden traces on", async () => {
    expect(parseTestOptions({ reporter: [] }, {})).toEqual({
      reporters: [{ name: "pretty", file: null }],
      grep: null,
      shard: null,
      bail: false,
      workers: undefined,
      update: false,
      snapshots: true,
      ci: false,
      color: true,
      force: false,
    });
  });

  it("collects repeated and comma-separated reporters once each, with their files", async () => {
    const o = parseTestOptions(
      { reporter: ["pretty,junit", "JSON", "junit"], outputFile: ["junit=a.xml", "json=b.json"] },
      {},
    );
    expect(o.reporters).toEqual([
      { name: "pretty", file: null },
      { name: "junit", file: "a.xml" },
      { name: "json", file: "b.json" },
    ]);
  });

  it("reads comma-separated --output-file pairs as --reporter's names are", async () => {
    // `json=a.json,junit=b.xml` wrote one file of that whole name, the JSON report in it, and no JUnit
    expect(parseTestOptions({ outputFile: ["json=a.json,junit=b.xml"] }, {}).reporters).toEqual([
      { name: "pretty", file: null },
      { name: "json", file: "a.json" },
      { name: "junit", file: "b.xml" },
    ]);
    expect(
      parseTestOptions({ reporter: ["junit,json"], outputFile: ["junit=b.xml, json=a.json"] }, {}).reporters,
    ).toEqual([
      { name: "junit", file: "b.xml" },
      { name: "json", file: "a.json" },
    ]);
    // a comma not before REPORTER= stays in the file's name
    expect(parseTestOptions({ outputFile: ["junit=report,v2.xml"] }, {}).reporters).toContainEqual({
      name: "junit",
      file: "report,v2.xml",
    });
    // a misspelt reporter after a comma is said, not written into a file's name
    const misspelt = inputErrorOf(() => parseTestOptions({ outputFile: ["json=a.json,junt=b.xml"] }, {}));
    expect(misspelt.message).toContain('unknown reporter "junt"');
    expect(misspelt.details.hint).toBe('did you mean "junit"?');
    expect(() => parseTestOptions({ outputFile: ["junit=a.xml,junit=b.xml"] }, {})).toThrow(
      /junit is given twice/,
    );
  });

  it("keeps pretty on stdout when only --output-file names a reporter", async () => {
    expect(parseTestOptions({ outputFile: ["junit=r.xml"] }, {}).reporters).toEqual([
      { name: "pretty", file: null },
      { name: "junit", file: "r.xml" },
    ]);
    expect(parseTestOptions({ reporter: ["junit"], outputFile: ["junit=r.xml"] }, {}).reporters).toEqual([
      { name: "junit", file: "r.xml" },
    ]);
  });

  it("gives --output to the one machine reporter beside pretty", async () => {
    // named as typed where its file is refused: `--output`, not an --output-file that was never given
    expect(parseTestOptions({ reporter: ["pretty", "junit"], output: "r.xml" }, {}).reporters).toEqual([
      { name: "pretty", file: null },
      { name: "junit", file: "r.xml", flag: "--output" },
    ]);
    expect(() => parseTestOptions({ reporter: ["pretty", "junit", "json"], output: "r" }, {})).toThrow(
      UsageError,
    );
  });

  it.each([
    [{ reporter: ["xml"] }, /unknown reporter "xml"/],
    [{ reporter: ["json", "junit"] }, /only one reporter can write to stdout/],
    [{ outputFile: ["=x"] }, /REPORTER=FILE/],
    // an unset variable or a stray comma, not the default reporter
    [{ reporter: [""] }, /empty reporter name/],
    [{ reporter: ["pretty,,junit"] }, /empty reporter name/],
    // one file a reporter, not the last one given
    [{ outputFile: ["junit=a.xml", "junit=b.xml"] }, /junit is given twice/],
    [{ grep: "[" }, /not a valid regular expression/],
    // a pattern V8 would compile only at its first match, and fail there: refused by its length first
    [{ grep: "a".repeat(1001) }, /at most 1000 characters/],
    [{ workers: 0 }, /at least 1/],
    [{ shard: "0/2" }, /--shard 0\/2: I is 0: shards count from 1/],
  ])("rejects %j", async (raw, message) => {
    expect(() => parseTestOptions(raw, {})).toThrow(message);
  });

  it("tells every problem at once, and nothing about reporters when one could not be read", () => {
    const e = inputErrorOf(() =>
      parseTestOptions(
        {
          reporter: ["junti"],
          output: "r.xml",
          grep: "(",
          shard: "x",
          updateSnapshots: true,
          snapshots: false,
        },
        {},
      ),
    );
    expect(e.problems.map((p) => p.message.replace(/:.*/, ""))).toEqual([
      "--reporter",
      "--grep",
      "-u writes golden traces and --no-snapshots turns them off",
      '--shard must be I/N with 1 ≤ I ≤ N, got "x"',
    ]);
  });

  it("reads CI the way CI systems set it", async () => {
    expect(isCI({ CI: "true" })).toBe(true);
    expect(isCI({ CI: "1" })).toBe(true);
    expect(isCI({ CI: "false" })).toBe(false);
    expect(isCI({ CI: "" })).toBe(false);
    expect(isCI({})).toBe(false);
    expect(parseTestOptions({ grep: "zhang" }, { CI: "true" })).toMatchObject({ ci: true });
    expect(parseTestOptions({ grep: "zhang" }, {}).grep?.test("Zhang Ming")).toBe(true);
  });
});

describe("shards", () => {
  it("parses I/N, 1-based", async () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    // a count past 2^53 would put the last file in no shard: a green run of nothing
    const huge = "999999999999999999999/999999999999999999999";
    // spaces are refused, as the whole numbers of other options refuse them (--accounts " 10")
    const spaced = [" 1/2", "1/2 ", "1 /2", "1/ 2", " 1 / 1 ", "\t1/2", "1/2\n"];
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1-3", "", "1/3/5", huge, ...spaced])
      expect(inputErrorOf(() => parseShard(bad)).details).toMatchObject({
        expected: "I/N, shard I of N, 1 ≤ I ≤ N",
        found: JSON.stringify(bad),
      });
  });

  it.each([0, 1, 2, 5, 10, 99, 100, 101])(
    "partitions %i items: every item once, in order, sizes within one",
    (n) => {
      const items = Array.from({ length: n }, (_, i) => i);
      for (const count of [1, 2, 3, 4, 7]) {
        const shards = Array.from({ length: count }, (_, i) => shardOf(items, { index: i + 1, count }));
        expect(shards.flat()).toEqual(items);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    },
  );
});

describe("lineDiff", () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
  it("shows only the changed lines with one line of context", async () => {
    const after = before.replace("line 10", "line ten");
    expect(lineDiff(`${before}\n`, `${after}\n`)).toBe(
      ["@@ golden line 10, now line 10 @@", "  line 9", "- line 10", "+ line ten", "  line 11"].join("\n"),
    );
  });
  it("summarises what does not fit", async () => {
    const after = before.replace(/line (\d+)/g, "row $1");
    const diff = lineDiff(before, after, { maxLines: 5 });
    expect(diff).toMatch(/… and 40 more changed lines \(of 40\)/);
  });
});

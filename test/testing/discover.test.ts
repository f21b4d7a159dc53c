// What a search of a folder finds: every scenario file below it, whatever its folders are named — a folder
// the search passes over is a suite that passes without running what it holds.

import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/shared/errors.js";
import { discover } from "../../src/testing/discover.js";
import { tempCases } from "../helpers/temp-cases.js";

const { fresh } = tempCases("discover");

const shownOf = (dir: string, paths: string[]) => discover(paths, dir).map((f) => f.shown);

describe("a folder's search", () => {
  it("finds the scenarios in a folder whose name holds a line break (the glob's `**` passed over it)", () => {
    const d = fresh();
    for (const sub of ["plain", "two\nlines", "cr\rhere", "ls\u2028sep"]) {
      mkdirSync(join(d, "suite", sub), { recursive: true });
      writeFileSync(join(d, "suite", sub, "s.yaml"), "name: s\nevents: []\n");
    }
    expect(shownOf(d, ["suite"])).toEqual([
      "suite/cr\rhere/s.yaml",
      "suite/ls\u2028sep/s.yaml",
      "suite/plain/s.yaml",
      "suite/two\nlines/s.yaml",
    ]);
  });

  it("a pattern's ** that cannot enter such a folder says so, where its scenarios went unrun without a word", () => {
    const d = fresh();
    for (const sub of ["plain", "two\nlines"]) {
      mkdirSync(join(d, "suite", sub), { recursive: true });
      writeFileSync(join(d, "suite", sub, "s.yaml"), "name: s\nevents: []\n");
    }
    const found = discover(["suite/**/*.yaml"], d);
    expect(found.map((f) => f.shown)).toEqual(["suite/plain/s.yaml", "suite/two\nlines"]);
    expect(found[1]?.unlisted?.message).toMatch(
      /a pattern's \*\* does not enter a folder whose name holds a line break/,
    );
    // one * enters it: nothing to say
    expect(discover(["suite/*/s.yaml"], d).map((f) => f.shown)).toEqual([
      "suite/plain/s.yaml",
      "suite/two\nlines/s.yaml",
    ]);
  });

  it("says such a folder only where the pattern would take one of its scenarios and did not", () => {
    const d = fresh();
    mkdirSync(join(d, "suite", "two\nlines"), { recursive: true });
    writeFileSync(join(d, "suite", "two\nlines", "s.yaml"), "name: s\nevents: []\n");
    mkdirSync(join(d, "other", "two\nlines"), { recursive: true });
    writeFileSync(join(d, "other", "only-a.yaml"), "name: s\nevents: []\n");
    writeFileSync(join(d, "other", "two\nlines", "b.yaml"), "name: s\nevents: []\n");
    // the `*` enters it and finds its scenario: nothing missed
    expect(shownOf(d, ["suite/*/**/*.yaml"])).toEqual(["suite/two\nlines/s.yaml"]);
    // it holds no file the pattern names
    expect(shownOf(d, ["other/**/only-*.yaml"])).toEqual(["other/only-a.yaml"]);
  });

  it("skips what it always skipped: hidden files and folders, golden traces, packages, schemas, other files", () => {
    const d = fresh();
    const files = [
      "a.yaml",
      "B.YML",
      "c.Json",
      ".hidden.yaml",
      ".git/x.yaml",
      "__snapshots__/a.yaml",
      "node_modules/p/x.yaml",
      "scenario.schema.json",
      "notes.txt",
      "deep/er/d.yaml",
    ];
    for (const f of files) {
      mkdirSync(join(d, "suite", f, ".."), { recursive: true });
      writeFileSync(join(d, "suite", f), "name: s\nevents: []\n");
    }
    expect(shownOf(d, ["suite"])).toEqual([
      "suite/B.YML",
      "suite/a.yaml",
      "suite/c.Json",
      "suite/deep/er/d.yaml",
    ]);
  });

  it("refuses a golden traces' folder named, as a scenario file named in one is: -u would write traces inside it", () => {
    const d = fresh();
    mkdirSync(join(d, "suite", "__snapshots__"), { recursive: true });
    writeFileSync(join(d, "suite", "__snapshots__", "s.yaml"), "name: s\nevents: []\n");
    const refusal = (paths: string[], cwd: string) => {
      try {
        discover(paths, cwd);
      } catch (e) {
        return e instanceof InputError ? `${e.message} | ${e.details.hint}` : String(e);
      }
      return "found";
    };
    expect(refusal(["suite/__snapshots__"], d)).toMatch(/^the folder is a golden traces' folder \|/);
    expect(refusal(["suite/__snapshots__/"], d)).toContain("`credit-sim test suite`");
    // the working folder itself, named as `.`: the fix names the folder above it, outside, in full
    expect(refusal(["."], join(d, "suite", "__snapshots__"))).toContain(
      `\`credit-sim test ${join(d, "suite")}\``,
    );
    expect(() => discover(["suite/__snapshots__/s.yaml"], d)).toThrow(/golden traces' folder/);
  });

  it("skips a schema file whatever its case, a folder named or a pattern (one rule)", () => {
    const d = fresh();
    mkdirSync(join(d, "suite"));
    for (const f of ["a.json", "X.SCHEMA.JSON", "y.Schema.json", "z.schema.json"])
      writeFileSync(join(d, "suite", f), "{}\n");
    expect(shownOf(d, ["suite"])).toEqual(["suite/a.json"]);
    expect(shownOf(d, ["suite/*.json"])).toEqual(["suite/a.json"]);
    expect(shownOf(d, ["suite/**/*.{json,JSON}"])).toEqual(["suite/a.json"]);
  });

  it("finds links and pipes under a scenario's name as what they are, never opened", (ctx) => {
    const d = fresh();
    mkdirSync(join(d, "suite"));
    writeFileSync(join(d, "real.yaml"), "name: s\nevents: []\n");
    symlinkSync(join(d, "real.yaml"), join(d, "suite", "link.yaml"));
    symlinkSync(d, join(d, "suite", "folder-link"));
    if (spawnSync("mkfifo", [join(d, "suite", "pipe.yaml")]).status !== 0)
      ctx.skip("mkfifo is not available");
    const found = discover(["suite"], d).map((f) => [f.shown, f.notFile]);
    expect(found).toContainEqual(["suite/link.yaml", "a symbolic link"]);
    expect(found).toContainEqual(["suite/pipe.yaml", "a named pipe"]);
    expect(found.map(([shown]) => shown)).not.toContain("suite/folder-link");
  });
});

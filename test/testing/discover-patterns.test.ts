// What a pattern given to `credit-sim test` finds, and what it may not ask: a folder it names outright is
// entered whatever its name, and a pattern whose matching could take hours on a hostile file's name is
// refused before the search, where the run would hang.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/shared/errors.js";
import { discover } from "../../src/testing/discover.js";
import { tempCases } from "../helpers/temp-cases.js";

const { fresh } = tempCases("discover-patterns");

const SCENARIO = "name: s\nevents: []\n";

function suite(files: readonly string[]): string {
  const d = fresh();
  for (const f of files) {
    mkdirSync(join(d, f, ".."), { recursive: true });
    writeFileSync(join(d, f), SCENARIO);
  }
  return d;
}

const shownOf = (dir: string, paths: string[]) => discover(paths, dir).map((f) => f.shown);

/** The refusal of `paths`, as `message | hint`, or "found" when they were searched. */
function refusal(paths: string[], cwd: string): string {
  try {
    discover(paths, cwd);
  } catch (e) {
    return e instanceof InputError ? `${e.message} | ${e.details.hint}` : String(e);
  }
  return "found";
}

describe("a pattern that names a hidden folder", () => {
  it("finds the scenarios there, as the folder named outright does (.ci/scenarios/*.yaml found nothing)", () => {
    const d = suite([".ci/scenarios/a.yaml", ".ci/scenarios/deep/b.yaml", ".ci/scenarios/.git/x.yaml"]);
    expect(shownOf(d, [".ci/scenarios"])).toEqual([".ci/scenarios/a.yaml", ".ci/scenarios/deep/b.yaml"]);
    expect(shownOf(d, [".ci/scenarios/*.yaml"])).toEqual([".ci/scenarios/a.yaml"]);
    // its own wildcards still pass over hidden folders and files, as a folder's search does
    expect(shownOf(d, [".ci/**/*.yaml"])).toEqual([".ci/scenarios/a.yaml", ".ci/scenarios/deep/b.yaml"]);
  });

  it("keeps a pattern's escapes: `\\*` is a star in the name", () => {
    const d = suite(["suite/*x.yaml", "suite/ax.yaml"]);
    expect(shownOf(d, ["suite/\\*x*.yaml"])).toEqual(["suite/*x.yaml"]);
  });

  it("a wildcard never enters a hidden folder nor takes a hidden file", () => {
    const d = suite(["suite/a.yaml", "suite/.hidden.yaml", "suite/.git/x.yaml", "suite/.git/deep/y.yaml"]);
    expect(shownOf(d, ["suite/**/*.yaml"])).toEqual(["suite/a.yaml"]);
    expect(shownOf(d, ["suite/*"])).toEqual(["suite/a.yaml"]);
    expect(refusal(["*/*/*.yaml"], d)).toMatch(/^no scenario files match/);
  });
});

describe("a pattern whose matching could hang the run", () => {
  it("refuses a repeated group (+(…), *(…), (…)+): on a long name its matching takes exponential time", () => {
    // a name of 40 characters kept `suite/+(*)+(*)x.yaml` matching for longer than anyone waits
    const d = suite([`suite/${"a".repeat(40)}.yaml`]);
    for (const p of ["suite/+(*)+(*)x.yaml", "suite/*(*)x.yaml", "suite/x(*)+", "suite/{a,aa}+x.yaml"])
      expect(refusal([p], d)).toMatch(/^the pattern repeats a group, .* \| .*\{a,b\}/);
    // a group matched once is no repetition
    expect(shownOf(d, [`suite/@(${"a".repeat(40)}|b).yaml`])).toEqual([`suite/${"a".repeat(40)}.yaml`]);
  });

  it("refuses a pattern longer than any path, before reading it (the glob threw past 65,536 characters)", () => {
    const d = suite(["suite/a.yaml"]);
    const words = Array.from({ length: 15_000 }, (_, i) => `w${i}x`).join(",");
    expect(refusal([`suite/{${words}}.yaml`], d)).toMatch(
      /^the pattern is longer than any path \(108,902 characters, at most 4,096\) \|/,
    );
  });

  it("refuses groups nested deeper than any pattern needs, before reading them (20,000 ( overflowed the stack)", () => {
    const d = suite(["suite/a.yaml"]);
    const deep = [`suite/${"{a,".repeat(17)}b${"}".repeat(17)}.yaml`];
    for (const open of ["(", "@(", "!("])
      deep.push(`${open.repeat(100)}x.yaml`, `suite/${open.repeat(17)}x.yaml`);
    for (const p of deep) expect(refusal([p], d)).toMatch(/^the pattern nests groups more than 16 deep \|/);
    // sixteen deep is read as before
    expect(shownOf(d, [`suite/${"@(".repeat(16)}a${")".repeat(16)}.yaml`])).toEqual(["suite/a.yaml"]);
  });

  it("refuses more than three * in one name of the path: each more multiplies the work by the name's length", () => {
    const d = suite(["suite/2024-01-a.yaml"]);
    expect(refusal(["suite/*a*a*a*b.yaml"], d)).toMatch(
      /^the pattern has 4 parts that match in several ways in one name, more than 3 \|/,
    );
    expect(shownOf(d, ["suite/*-*-*.yaml"])).toEqual(["suite/2024-01-a.yaml"]);
    // `**` is no * of a name, and an escaped or bracketed * is a star in the name
    expect(shownOf(d, ["**/*-*-*.yaml"])).toEqual(["suite/2024-01-a.yaml"]);
    expect(refusal(["suite/*[*]*\\**.yaml"], d)).toMatch(/^no scenario files match/);
  });

  it("counts every part that matches runs of varying length, not only *: each is a star to the matching", () => {
    // 32 `@(a|aa)`, 6 `[[:alpha:]]+` or 6 `[]a]+` hung on a name of 64 `a`s: adjacent parts that each take a
    // varying run of the same characters, tried in every split of the name (no file here is long: the
    // refusal comes first)
    const d = suite(["s/a.yaml", "s/ab]c.yaml"]);
    const six = (part: string) => `s/${part.repeat(6)}x.yaml`;
    for (const part of [
      "@(a|aa)",
      "{a,aa}",
      "(a|aa)",
      "?(a)",
      "!(b)",
      "[[:alpha:]]+",
      "[]a]+",
      "[!b]+",
      "[^]]+",
      "[a]*",
    ])
      expect(refusal([six(part)], d), part).toMatch(
        /^the pattern has 6 parts that match in several ways in one name, more than 3 \|/,
      );
    // `[:x]` is no class: its `]` ends the bracket, and the * after it are stars (as the glob reads them)
    expect(refusal(["s/[[:x]*a*a*a*b[:]]x.yaml"], d)).toMatch(/^the pattern has 4 parts/);
    // a bracket read as one character whatever it holds, a group of alternatives of one length as one too
    expect(refusal(["s/[]a]*[[:alpha:]]*[!]]**.yaml"], d)).toMatch(/^the pattern has 4 parts/);
    expect(shownOf(d, ["s/@(a|b)[[:alpha:]][]a][!]].y?ml"])).toEqual(["s/ab]c.yaml"]);
  });

  it("counts a group of alternatives of one length too: two of them may take the same characters", () => {
    // 30 `@(a|a)` or `{a,?}` ran past 10 seconds on a name of 64 a's, each more doubling it
    const d = suite(["s/a.yaml"]);
    for (const part of ["@(a|a)", "{a,?}", "@([a]|a)"])
      expect(refusal([`s/${part.repeat(4)}x.yaml`], d), part).toMatch(/^the pattern has 4 parts/);
    // a group of one alternative takes one way
    expect(refusal(["s/@(a)@(a)@(a)@(a)*.yaml"], d)).toMatch(/^no scenario files match/);
  });

  it("counts a group's largest alternative, not their sum: they are tried one after another", () => {
    // `!(*draft*|*wip*).yaml` was refused as 5 * in one name; it matches a name of 250 characters at once
    const d = suite(["s/a.yaml", "s/wip-a.yaml"]);
    expect(shownOf(d, ["s/!(*draft*|*wip*).yaml"])).toEqual(["s/a.yaml"]);
    expect(shownOf(d, ["s/@(*a*|*b*|*c*)*.yaml"])).toEqual(["s/a.yaml", "s/wip-a.yaml"]);
    // an alternative that is itself too much still is
    expect(refusal(["s/!(*a*b*c*).yaml"], d)).toMatch(/^the pattern has 5 parts/);
  });

  it("bounds them over the whole path too: each way one name splits is tried for every way those before it do", () => {
    // `s/*a*a*a/*a*a*ax.yaml`, 3 * a name, ran past 20 seconds on a folder and a file each of 240 `a`s
    const d = suite(["s/a-b/c-d.yaml"]);
    for (const p of ["s/*a*a*a/*a*a*ax.yaml", "s/*a*a/*a*a/*a*ax.yaml", "s/{a,aa}?(a)/*a*/[a]+[a]+.yaml"])
      expect(refusal([p], d), p).toMatch(
        /^the pattern has too many parts that match in several ways over its names \| give several patterns/,
      );
    // a `**` takes a varying run of folders: 4 apart ran past 10 seconds on a path 100 folders deep
    expect(refusal(["s/**/a/**/a/**/a/**/x.yaml"], d)).toMatch(/^the pattern has too many parts that match/);
    expect(refusal(["s/**/a/**/a/**/x.yaml", "**/**/**/**/x.yaml"], d)).toMatch(/^no scenario files match/);
    expect(shownOf(d, ["s/*-*/*-*.yaml"])).toEqual(["s/a-b/c-d.yaml"]);
    expect(shownOf(d, ["*/*-*/*-*.yaml"])).toEqual(["s/a-b/c-d.yaml"]);
  });
});

describe("a pattern's names are split at its own slashes, not at one inside braces", () => {
  it("counts a brace's alternatives that hold a slash: split there, `{a,a/x}` was two halves of no group", () => {
    // each `{a,a/x}` may take the same `a` two ways, as `{a,aa}` does: split at its slash, none was counted
    const d = suite(["s/a.yaml"]);
    expect(refusal(["s/{a,a/x}{a,a/x}{a,a/x}{a,a/x}z.yaml"], d)).toMatch(
      /^the pattern has 4 parts that match in several ways in one name, more than 3 \|/,
    );
    // a brace's slash is a folder of its alternative: found as before
    const e = suite(["s/a-b/c.yaml", "t/c.yaml"]);
    expect(shownOf(e, ["{s/a-b,t}/*.yaml"])).toEqual(["s/a-b/c.yaml", "t/c.yaml"]);
  });

  it("tells a pattern into a golden traces' folder past a brace that holds a slash", () => {
    const d = suite(["s/a.yaml"]);
    expect(refusal(["s/__snapshots__/{a/b,c}.yaml"], d)).toMatch(
      /^the pattern names files in a golden traces' folder \|/,
    );
  });
});

describe("a pattern's ** that cannot enter a folder whose name holds a line break", () => {
  it("reads the pattern as the search does to tell whether it would take a scenario there", () => {
    // the search reads `[!b]` as any character but b; the check read it as `!` or `b`, a bracket `[!]…]` that
    // hides * from the work check ended early there, and the check said nothing of this folder
    const d = suite(["suite/plain/a.yaml", "suite/two\nlines/ax.yaml"]);
    expect(shownOf(d, ["suite/**/[!b]x.yaml"])).toEqual(["suite/two\nlines"]);
  });
});

describe("an ordinary pattern", () => {
  it("is searched, not refused as work", () => {
    const d = suite([
      "scenarios/a.yaml",
      "scenarios/deep/c-risk.yml",
      "a/x.yaml",
      "b/y.yml",
      "zhang-xiao-ming.yaml",
      "x.yaml",
    ]);
    const cases: [string, string[]][] = [
      ["scenarios/**/*.yaml", ["scenarios/a.yaml"]],
      ["{a,b}/*.yaml", ["a/x.yaml"]],
      ["!(x).yaml", ["zhang-xiao-ming.yaml"]],
      ["**/*-risk.y?(a)ml", ["scenarios/deep/c-risk.yml"]],
      ["./scenarios/**", ["scenarios/a.yaml", "scenarios/deep/c-risk.yml"]],
      ["*/*.{yaml,yml}", ["a/x.yaml", "b/y.yml", "scenarios/a.yaml"]],
      ["[ab]/*", ["a/x.yaml", "b/y.yml"]],
      ["@(a|b)/*.y*ml", ["a/x.yaml", "b/y.yml"]],
      ["*zhang*ming*.yaml", ["zhang-xiao-ming.yaml"]],
      // a choice of plain words none of which begins another is a few tries, not a run: three * and
      // the extensions, in one name and over the path
      ["*-*-*.{yaml,yml}", ["zhang-xiao-ming.yaml"]],
      ["**/deep/**/*-*.{yaml,yml}", ["scenarios/deep/c-risk.yml"]],
      ["*-@(xiao|ming)-*.y@(a|)ml", ["zhang-xiao-ming.yaml"]],
    ];
    for (const [p, found] of cases) expect(shownOf(d, [p]), p).toEqual(found);
  });
});

describe("a pattern in a golden traces' folder", () => {
  it("is refused as the folder named is, not told that nothing matches", () => {
    const d = suite(["suite/a.yaml", "suite/__snapshots__/s.yaml"]);
    for (const p of [
      "suite/__snapshots__/*.yaml",
      "suite/**/__snapshots__/*",
      "suite/__snapshots__/**",
      "suite/__snapshots__/**/*.yaml",
      "suite/__snapshots__/*/*.yaml",
      "suite/*/__snapshots__/**/**/*",
    ])
      expect(refusal([p], d)).toMatch(
        /^the pattern names files in a golden traces' folder \| .*__snapshots__/,
      );
    // a wildcard still passes over it
    expect(shownOf(d, ["suite/**/*.yaml"])).toEqual(["suite/a.yaml"]);
  });

  it("is refused only where __snapshots__ holds the files, as a folder named is", () => {
    // `g/__snapshots__/deeper` and its file named outright ran, the pattern of its files was refused
    const d = suite(["g/__snapshots__/deeper/a.yaml"]);
    const deeper = ["g/__snapshots__/deeper/a.yaml"];
    expect(shownOf(d, ["g/__snapshots__/deeper"])).toEqual(deeper);
    expect(shownOf(d, ["g/__snapshots__/deeper/*.yaml"])).toEqual(deeper);
    expect(shownOf(d, ["g/__snapshots__/deeper/**"])).toEqual(deeper);
  });
});

describe("a pattern that matches nothing", () => {
  // every such pattern was told to quote itself "so the shell does not expand it" — one the shell had
  // expanded would have arrived as file names — where its folder is not there at all
  it("whose folder is missing says so, with the folder meant, not to quote it", () => {
    const d = suite(["scenarios/a.yaml"]);
    expect(refusal(["scenario/*.yaml"], d)).toBe(
      'no scenario files match this pattern | there is no folder scenario: did you mean "scenarios"?',
    );
    expect(refusal(["nowhere/**/*.yaml"], d)).toBe(
      "no scenario files match this pattern | there is no folder nowhere: check the path (it is relative to the current folder)",
    );
    // a folder that is there holds no file the pattern names: the search's rules
    expect(refusal(["scenarios/*.yml"], d)).toBe(
      "no scenario files match this pattern | a search passes over hidden files and folders, __snapshots__, node_modules and *.schema.json",
    );
  });
});

// Hostile files through the loader: alias graphs, size and depth, in-process. Each is read or refused
// with the project's InputError, fast, whatever it holds (the fuzz suite, test/fuzz/, tries many more).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/scenario/load.js";
import { parseText } from "../../src/scenario/parse.js";
import { MAX_LIST_ITEMS, MAX_MAPPING_KEYS, MAX_VALUES } from "../../src/scenario/shape.js";
import { InputError } from "../../src/shared/errors.js";
import { cli, ROOT } from "../helpers/cli.js";

function refusal(text: string, file = "hostile.yaml"): InputError {
  try {
    loadScenarioText(text, file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("loaded");
}

/** A test's timeout where a hostile input once took minutes: a hang fails it, a busy machine does not. */
const HANG_GUARD_MS = 45_000;

const laughs = () => {
  const names = "abcdefghi";
  const rows = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i < names.length; i++) {
    rows.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(", ")}]`,
    );
  }
  return `name: bomb\nevents: []\nx:\n${rows.map((r) => `  ${r}`).join("\n")}\n`;
};

describe("alias graphs", () => {
  it.each([
    ["a list holding itself", "name: a\nevents: &e\n  - *e\n", "3:5"],
    ["a mapping holding itself", "name: a\nevents: []\nx: &m { y: *m }\n", "3:12"],
    ["a cycle through two anchors", "name: a\nevents: []\nx: &x [ &y [ *x ] ]\n", "3:14"],
  ])("%s is refused at the alias", (_what, text, at) => {
    const e = refusal(text);
    expect(e.message).toMatch(/cycle/);
    expect(`${e.details.line}:${e.details.column}`).toBe(at);
  });

  it("a folder's worth of self-referencing files is refused one by one, in little memory", () => {
    const text = "name: a\nevents: []\nx: &x\n  - *x\n  - *x\n";
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) expect(refusal(text, `f${i}.yaml`).message).toMatch(/cycle/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200e6);
  });

  it("the billion laughs are refused by what they expand to", () => {
    const e = refusal(laughs());
    expect(e.message).toMatch(/aliases expand to more than/);
    expect(e.details.hint).toMatch(/alias/);
  });

  it("few aliases to big values are refused by size, not count", () => {
    const text = `name: a\nevents: []\ns: &s "${"y".repeat(400_000)}"\nl: &l [${Array(40).fill("*s").join(",")}]\nm: [*l, *l]\n`;
    expect(refusal(text).message).toMatch(/aliases expand to more than 10000000 characters/);
  });

  it("aliases that expand within bounds read as a tree", () => {
    const p = parseText("a: &p { day: 1, type: note, text: x }\nb: [*p, *p]\n", "ok.yaml");
    expect(p.data).toEqual({
      a: { day: 1, type: "note", text: "x" },
      b: [
        { day: 1, type: "note", text: "x" },
        { day: 1, type: "note", text: "x" },
      ],
    });
  });
});

describe("size and depth", () => {
  it("a list longer than any scenario needs is refused before validation", () => {
    const e = refusal(`name: a\nevents: [${"1,".repeat(MAX_LIST_ITEMS)}1]\n`);
    expect(e.message).toMatch(/a list of 100001 items/);
    expect(e.details).toMatchObject({ line: 2, column: 9, field: "events" });
  });

  it("a mapping of more keys than any file needs is refused before validation, wherever it is", () => {
    // lists were bounded and mappings were not: 400,000 keys (4 MB) took 12 s to list the first problems
    const keys = (indent: string) =>
      Array.from({ length: MAX_MAPPING_KEYS + 1 }, (_, i) => `${indent}k${i}: 1\n`).join("");
    for (const [text, field, line, count] of [
      [`name: a\nevents: []\n${keys("")}`, undefined, undefined, MAX_MAPPING_KEYS + 3],
      [`name: a\nevents: []\nprofile:\n${keys("  ")}`, "profile", 4, MAX_MAPPING_KEYS + 1],
      [`name: a\nevents:\n  - day: 0\n${keys("    ")}`, "events[0]", 3, MAX_MAPPING_KEYS + 2],
    ] as const) {
      const e = refusal(text);
      expect(e.message).toBe(`refused: a mapping of ${count} keys`);
      expect(e.details.hint).toMatch(new RegExp(`at most ${MAX_MAPPING_KEYS} keys in a mapping`));
      expect([e.details.field, e.details.line]).toEqual([field, line ?? e.details.line]);
    }
  });

  it("a file of more values than any scenario needs is refused", {
    tags: ["slow"],
    timeout: HANG_GUARD_MS,
  }, () => {
    const items = Math.ceil(MAX_VALUES / 60_000);
    const text = `name: a\nevents: []\n${Array.from({ length: items }, (_, i) => `k${i}: [${"1,".repeat(60_000)}1]`).join("\n")}\n`;
    expect(text.length).toBeLessThan(5 * 1024 * 1024);
    expect(refusal(text).message).toMatch(/holds more than 1000000 values/);
  });

  it.each([
    ["YAML brackets", `name: deep\nevents: []\nx: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "deep.yaml"],
    [
      "JSON brackets",
      `{"name": "deep", "events": [], "x": ${"[".repeat(100)}${"]".repeat(100)}}`,
      "deep.json",
    ],
    [
      "block mappings",
      `name: deep\nevents: []\n${Array.from({ length: 80 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1\n`,
      "deep.yaml",
    ],
  ])("nesting is refused: %s", (_what, text, file) => {
    expect(refusal(text, file).message).toMatch(/nested more than 64 levels/);
  });

  it.each([
    // the top mapping, x's list and 63 lists more: the 64th bracket of x is the level too many
    [
      "YAML brackets",
      `name: deep\nevents: []\nx: ${"[".repeat(70)}${"]".repeat(70)}\n`,
      "deep.yaml",
      3,
      4 + 63,
    ],
    [
      "JSON brackets",
      `{"name": "deep", "events": [],\n "x": ${"[".repeat(70)}${"]".repeat(70)}}`,
      "deep.json",
      2,
      7 + 63,
    ],
    // k0 … k63 under the top mapping: k63's value, the mapping that begins with k64, is the level too many
    [
      "block mappings",
      `name: deep\nevents: []\n${Array.from({ length: 80 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1\n`,
      "deep.yaml",
      3 + 64,
      2 * 64 + 1,
    ],
  ])(
    "nesting past the limit (but short of the parser's own) is said where it passes it: %s",
    (_what, text, file, line, column) => {
      // it was said of the file alone, without a line, where a nesting deeper still had the parser's
      const e = refusal(text, file);
      expect(e.message).toMatch(/nested more than 64 levels/);
      expect([e.details.line, e.details.column]).toEqual([line, column]);
    },
  );

  it("a long key or name is quoted in part: the message stays short whatever the input's size", () => {
    const key = "k".repeat(1_000_000);
    for (const text of [`name: x\nevents: []\n${key}: 1\n`, `name: x\npolicy: ${key}\nevents: []\n`]) {
      const out = refusal(text).format();
      expect(out.length).toBeLessThan(2_000);
      expect(out).toContain("kkk…");
    }
    // what the program lists itself (the valid names) is not cut
    const own = refusal("name: x\nevents:\n  - { day: 0, type: policy, set: { bogus: 1 } }\n");
    expect(own.problems[0]!.details.expected).toContain("jiebeiPenaltyRatePerDay");
  });

  // about a second each on a quiet machine, and it was quadratic (minutes); the test's timeout is a hang
  // guard, far above what a loaded machine takes, not a speed target (docs/performance.md)
  it("100,000 events after `until`, beside a schema error, are reported in the time a few take", {
    tags: ["slow"],
  }, () => {
    const text = `name: late\nuntil: 5\nbogus: 1\nevents:\n${"  - { day: 10, type: note, text: x }\n".repeat(100_000)}`;
    const e = refusal(text);
    expect(e.problems).toHaveLength(20);
    expect(e.truncated).toBe(true);
  });

  it("100,000 bad events are reported in the time a few take", {
    tags: ["slow"],
    timeout: HANG_GUARD_MS,
  }, () => {
    const text = `name: big\nevents:\n${"  - { day: -1, type: purchse, amount: 1.234 }\n".repeat(100_000)}`;
    const e = refusal(text);
    expect(e.problems).toHaveLength(20);
    expect(e.truncated).toBe(true);
  });
});

describe("keys that are method names", () => {
  it("a mapping whose `toString` is a mapping is a problem at its line, not an internal error", () => {
    // found by the fuzzer: the position index turned each key node into a string, and String() of this
    // value throws
    const e = refusal(
      'zq: ~\nday: ~\nday: purchase\nevents: {toString: {extends: apply, name: "x"}}\ncause: -0\nevents: []\n',
    );
    expect(e.problems.map((p) => p.details.field)).toContain("events");
  });
});

describe("many unknown keys", { tags: ["slow"], timeout: HANG_GUARD_MS }, () => {
  const dir = mkdtempSync(join(tmpdir(), "credit-sim-many-keys-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // nearly as many as a mapping may have (MAX_MAPPING_KEYS, 20,000, with the file's own fields): each
  // is validated
  const keys = (indent: string) =>
    Array.from({ length: MAX_MAPPING_KEYS - 100 }, (_, i) => `${indent}k${i}: 1\n`).join("");
  const shipped = (path: string) => readFileSync(join(ROOT, path), "utf8");

  // each place a mapping is validated: every key was looked up in the file from its start (quadratic,
  // over a minute for 20,000)
  it.each([
    ["a scenario's top level", "run", `name: x\nevents: []\n${keys("")}`, []],
    ["a scenario's profile", "run", `name: x\nevents: []\nprofile:\n${keys("  ")}`, []],
    ["an event", "run", `name: x\nevents:\n  - day: 0\n    type: note\n    text: a\n${keys("    ")}`, []],
    ["a policy file", "policy", `${shipped("policies/tightened.yaml")}\n${keys("")}`, []],
    ["a persona file", "simulate", `${shipped("personas/revolver.yaml")}\n${keys("")}`, ["--accounts", "10"]],
  ] as const)("in %s: refused, the first problems listed (exit 2)", async (_where, kind, text, extra) => {
    const file = join(dir, `${kind}-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    const args =
      kind === "run"
        ? ["run", file]
        : kind === "policy"
          ? ["run", join(ROOT, "scenarios/good-customer.yaml"), "--policy", file]
          : ["simulate", file, ...extra];
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown field "k0"/);
    expect(r.stderr).toMatch(/20 problems shown, and more/);
  });
});

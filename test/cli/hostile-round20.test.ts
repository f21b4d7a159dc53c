// Hostile input, round 20: a flag quoted as it was typed (`--shard auto/3`, a value's character, not a
// file's line and column), a report judged by the file it lands on, and hand-edited inputs at their edges.

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shellPath } from "../../src/shared/text.js";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";

describe("--shard auto/N's messages", () => {
  // `--shard auto/3` was told `--shard auto: no shard in the environment`, of a flag never typed so
  const small = ["--accounts", "8", "--days", "5", "--json"];
  it.each([
    [{}, "--shard auto/3: no shard in the environment"],
    [{ CI_NODE_INDEX: "x", CI_NODE_TOTAL: "3" }, "--shard auto/3: CI_NODE_INDEX is not a whole number"],
    [{ CI_NODE_INDEX: "1", CI_NODE_TOTAL: "4" }, "--shard auto/3: CI_NODE_TOTAL is 4"],
    [{ JOB_COMPLETION_INDEX: "" }, "--shard auto/3: JOB_COMPLETION_INDEX is empty"],
    [{ JOB_COMPLETION_INDEX: "9" }, "--shard auto/3: JOB_COMPLETION_INDEX is 9, out of range"],
  ])("%j", async (env, said) => {
    const r = await cli(["simulate", "--shard", "auto/3", ...small], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toContain("--shard auto:");
  });

  it("auto alone is still auto", async () => {
    const r = await cli(["simulate", "--shard", "auto", ...small], { env: {} });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--shard auto: no shard in the environment");
  });
});

describe("a flag's value that does not parse", () => {
  // a one-line value was placed as a file's line and column (`--set:1:13:`), and its end as line 2
  // (`--set minScore:2:1:`), a line the value never had
  it.each([
    [["whatif", ZHANG, "--set", "{minScore: [}"], "--set (character 13): cannot parse"],
    [["whatif", ZHANG, "--set", "  {minScore: [}"], "--set (character 15): cannot parse"],
    [["whatif", ZHANG, "--set", "minScore=[1"], "--set minScore: cannot parse: a { or [ never closed"],
    [["whatif", ZHANG, "--add", "day: 3, type: ["], "--add (at the end of its value): cannot parse"],
    [["whatif", ZHANG, "--add", "{day: 3, type: purchase, amount: [}"], "--add (character 35): cannot parse"],
    [["whatif", ZHANG, "--edit", "1:{amount: [}"], "--edit 1 (character 13): cannot parse"],
    [["whatif", ZHANG, "--edit", "1:amount=["], "--edit 1 amount: cannot parse"],
    [["whatif", ZHANG, "--set", "{minScore: 1, minScore: 2}"], "--set (character 15): "],
    [
      ["simulate", "--challenger-set", "minScore=[", "--accounts", "4", "--days", "5"],
      "--challenger-set minScore: cannot parse",
    ],
  ])("%j", async (args, said) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/--(set|add|edit|challenger-set)[^:\n]*:\d+:\d+/);
  });
});

describe("a report of `test` judged by the file it lands on", () => {
  // the check that a report is not where the next search finds a scenario compared names: through a link
  // to the searched folder (`lnk/r.yaml`, lnk → s) the JSON report was written among the scenarios, and
  // the next run of `test s` failed on it as bad input
  const { fresh } = tempCases("round20-report");
  const tree = () => {
    const d = fresh();
    mkdirSync(join(d, "s"));
    copyFileSync(join(ROOT, ZHANG), join(d, "s", "b.yaml"));
    symlinkSync("s", join(d, "lnk"));
    return d;
  };

  it.each([
    [["s"], "lnk/r.yaml"],
    [["lnk"], "s/r.yaml"],
    [["s"], "lnk/sub/r.json"],
  ])("a search of %j, a report at %s", async (paths, report) => {
    const d = tree();
    const args = ["test", ...paths, "--no-snapshots", "--force", "--output-file", `json=${report}`];
    const r = await cli(args, { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("the report would be found as a scenario by the next run of this search");
    expect(readdirSync(join(d, "s"))).toEqual(["b.yaml"]);
  });

  it("an input under another name is told it is one, and nothing is written", async () => {
    const d = tree();
    const before = readFileSync(join(d, "s", "b.yaml"), "utf8");
    symlinkSync("b.yaml", join(d, "s", "l.yaml"));
    for (const report of ["lnk/b.yaml", "s//b.yaml", "./s/./b.yaml", "s/l.yaml"]) {
      const args = ["test", "s", "--no-snapshots", "--force", "--output-file", `json=${report}`];
      const r = await cli(args, { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("the output would replace a file this command reads");
      expect(r.stderr).not.toContain("found as a scenario");
    }
    expect(readFileSync(join(d, "s", "b.yaml"), "utf8")).toBe(before);
  });

  it("a report beside the searched folder, through the link, is written", async () => {
    const d = tree();
    mkdirSync(join(d, "out"));
    symlinkSync("out", join(d, "outlnk"));
    const args = ["test", "lnk", "--no-snapshots", "--output-file", "json=outlnk/r.json"];
    const r = await cli(args, { cwd: d });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(d, "out", "r.json"))).toBe(true);
  });
});

describe("a link at the end of a '..' after a linked folder", () => {
  // refuseLeadingOut judges a link by its folder as the system reaches it (`else/`, for `lnk/../r.html`,
  // lnk → else/sub), where a link to else/victim is in its own folder: it is reached only after
  // refuseFolderLeadingOut has refused the path typed in the working folder that the system takes out of it
  const { fresh } = tempCases("round20-link-end");
  it("is refused before the link's own folder is asked", async () => {
    const d = fresh();
    mkdirSync(join(d, "w"));
    mkdirSync(join(d, "else", "sub"), { recursive: true });
    copyFileSync(join(ROOT, ZHANG), join(d, "w", "x.yaml"));
    writeFileSync(join(d, "else", "victim"), "keep me\n");
    symlinkSync("victim", join(d, "else", "r.html"));
    symlinkSync("../else/sub", join(d, "w", "lnk"));
    const r = await cli(["run", "x.yaml", "--no-chart", "--html", "lnk/../r.html", "--force"], {
      cwd: join(d, "w"),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a symbolic link on its way leads out of the working folder");
    expect(readFileSync(join(d, "else", "victim"), "utf8")).toBe("keep me\n");
  });
});

describe("a persona's number quoted as the file writes it", () => {
  // a rule across fields quoted JavaScript's number (`min 0` of a -0, `median 1000000000000000` of 1e15),
  // and read `.inf` as a bound to hold a draw to beside the schema's refusal of it, quoted `Infinity`
  const { fresh } = tempCases("round20-persona-numbers");
  const REVOLVER = readFileSync(join(ROOT, "personas/revolver.yaml"), "utf8");
  const persona = (from: string, to: string) => {
    const d = fresh();
    expect(REVOLVER).toContain(from);
    writeFileSync(join(d, "p.yaml"), REVOLVER.replace(from, to));
    return d;
  };
  const small = ["--accounts", "4", "--days", "30", "--no-progress"];

  it.each([
    ["age: { min: 22, max: 50 }", "age: { min: -0, max: 50 }", "found:    min -0\n"],
    ["median: 7000", "median: 1e15", "found:    median 1e15, max 30000\n"],
    ["age: { min: 22, max: 50 }", "age: { min: 60, max: 5.0e1 }", "found:    min 60, max 5.0e1\n"],
    ["age: { min: 22, max: 50 }", "age: { min: 22, max: .inf }", "found:    .inf\n"],
    ["age: { min: 22, max: 50 }", "age: { min: 22, max: -.INF }", "found:    -.INF\n"],
  ])("%s → %s", async (from, to, said) => {
    const d = persona(from, to);
    const r = await cli(["simulate", "p.yaml", ...small], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/Infinity|1000000000000000/);
  });

  it("an infinite bound is refused for what it is, not held against the draw's range", async () => {
    const d = persona("age: { min: 22, max: 50 }", "age: { min: 22, max: .inf }");
    const r = await cli(["simulate", "p.yaml", ...small], { cwd: d });
    expect(r.stderr).not.toContain("outside what a draw is held to");
  });

  it("in a scenario too", async () => {
    const d = fresh();
    writeFileSync(join(d, "s.yaml"), "name: s\nevents:\n  - { day: 1, type: purchase, amount: .Inf }\n");
    const r = await cli(["run", "s.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("found:    .Inf\n");
  });
});

describe("merge fed a hand-edited shard's histogram", () => {
  // a histogram of 10⁹ bins (or counts running past its bins) was told `found: an object` at the histogram,
  // of a field that was never the problem: its bins are said against what the horizon gives
  const { fresh } = tempCases("round20-merge");
  const shards = async () => {
    const d = fresh();
    for (const i of [1, 2]) {
      const r = await cli(["simulate", "--accounts", "8", "--days", "40", "--shard", `${i}/2`, "--json"]);
      expect(r.status).toBe(0);
      writeFileSync(join(d, `s${i}.json`), r.stdout);
    }
    return d;
  };
  const edited = (d: string, edit: (h: { from: number; length: number; counts: number[] }) => void) => {
    const doc = JSON.parse(readFileSync(join(d, "s2.json"), "utf8"));
    edit(doc.aggregates.champion[0].openLimit);
    writeFileSync(join(d, "s2.json"), JSON.stringify(doc));
  };

  it("of 10⁹ bins is told its bins", async () => {
    const d = await shards();
    edited(d, (h) => {
      h.length = 1e9;
    });
    const r = await cli(["merge", "s1.json", "s2.json"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("aggregates.champion[0].openLimit.length");
    expect(r.stderr).toContain("expected: 501 bins, what this population's horizon gives");
    expect(r.stderr).toContain("found:    1000000000 bins");
  });

  it("whose counts run past its bins is told its counts", async () => {
    const d = await shards();
    edited(d, (h) => {
      h.from = 500;
      h.counts = [1, 1];
    });
    const r = await cli(["merge", "s1.json", "s2.json"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("aggregates.champion[0].openLimit.counts");
    expect(r.stderr).toContain("expected: at most 1 counts from bin 500, of 501 bins");
    expect(r.stderr).toContain("found:    2 counts");
  });
});

describe("a file's name with a character nobody sees, in a report", () => {
  // `test`'s reports showed `s/zw\u200bx.yaml` raw — a second `s/zwx.yaml` to the eye, beside the error
  // beneath it that escaped it — and `wrote` did too: a path is shown as the error message shows it
  const { fresh } = tempCases("round20-unseen-names");
  const tree = () => {
    const d = fresh();
    mkdirSync(join(d, "s"));
    writeFileSync(
      join(d, "s", "zw\u200bx.yaml"),
      "name: x\nevents:\n  - { day: 1, type: purchse, amount: 5 }\n",
    );
    writeFileSync(
      join(d, "s", "nb\u00a0x.yaml"),
      "name: y\nevents:\n  - { day: 1, type: purchse, amount: 5 }\n",
    );
    return d;
  };

  it.each([["pretty"], ["junit"]])("%s", async (reporter) => {
    const d = tree();
    const r = await cli(["test", "s", "--no-snapshots", "--reporter", reporter], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stdout).not.toMatch(/[\u200b\u00a0]/);
    expect(r.stdout).toContain("zw\\u200bx.yaml");
    expect(r.stdout).toContain("nb\\u00a0x.yaml");
  });

  it("in `wrote`", async () => {
    const d = tree();
    copyFileSync(join(ROOT, ZHANG), join(d, "z.yaml"));
    const r = await cli(["run", "z.yaml", "--no-chart", "--html", "r\u200b.html"], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("wrote r\\u200b.html\n");
    expect(existsSync(join(d, "r\u200b.html"))).toBe(true);
  });

  // a reviewer's finds: the count under a file's problems, `init`'s `wrote` — the same path, shown alike
  it("in the count of a file's problems", async () => {
    const d = tree();
    writeFileSync(
      join(d, "two\u200b.yaml"),
      "name: x\nevents:\n  - { day: 1, type: purchse }\n  - { day: 2, type: purchse }\n",
    );
    const r = await cli(["run", "two\u200b.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\u200b/);
    expect(r.stderr).toContain("two\\u200b.yaml: 2 problems");
  });

  it("in `init`'s `wrote`", async () => {
    const d = fresh();
    const r = await cli(["init", "n\u200bw"], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("wrote n\\u200bw/");
    expect(r.stdout.split("\n")[0]).not.toMatch(/\u200b/);
  });
});

describe("the command a test report suggests, for a file whose name the report escapes", () => {
  // `credit-sim test 'f/bell\x07.yaml' -u`: the name as the report shows it, single-quoted — pasted, it
  // named a file of a backslash and three letters; the command quotes the file's own name
  const { fresh } = tempCases("round20-rerun");
  it.each([["pretty"], ["github"], ["junit"]])("%s", async (reporter) => {
    const d = fresh();
    mkdirSync(join(d, "f"));
    copyFileSync(join(ROOT, ZHANG), join(d, "f", "bell\x07.yaml"));
    // CI=true: the golden trace is not written, and the report says how to write it
    const r = await cli(["test", "f", "--reporter", reporter], { cwd: d });
    expect(r.status).toBe(1);
    const name = shellPath("f/bell\x07.yaml");
    expect(name).toBe("$'f/bell\\x07.yaml'");
    if (reporter === "junit") {
      // XML writes the quotes as &apos;
      expect(r.stdout).toContain(`credit-sim test -u ${name.replaceAll("'", "&apos;")}`);
      expect(r.stdout).not.toMatch(/[^$]&apos;f\/bell/);
    } else {
      expect(r.stdout).toContain(`credit-sim test ${name} -u`);
      expect(r.stdout).not.toMatch(/[^$]'f\/bell/);
    }
  });
});

// The newer surfaces under hostile input, in-process: init and what-if saves never write through a link
// planted under the name they choose, explain refuses days no scenario could reach, one command's outputs
// never land on each other, on standard output twice, or on anything it reads (scenarios found, policy
// files however named, personas, golden traces), and files written for `run` to read can be run.

import { spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { saveVariantFile } from "../../src/cli/whatif-session.js";
import { suggestName } from "../../src/whatif/save.js";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const { dir, fresh } = tempCases("hostile-out");
const ZHANG = join(ROOT, "scenarios/zhang-ming.yaml");

describe("init", () => {
  it("does not follow a dangling link planted under the starter's name", async () => {
    const d = fresh();
    const outside = `${d}-outside.yaml`;
    symlinkSync(outside, join(d, "first-scenario.yaml"));
    for (const args of [["init"], ["init", "--force"]]) {
      const r = await cli(args, { cwd: d });
      expect(r.status).toBe(2);
      expect(existsSync(outside)).toBe(false);
    }
  });

  it("--force replaces a regular file but never a link's target", async () => {
    const d = fresh();
    const secret = `${d}-secret`;
    writeFileSync(secret, "SECRET");
    symlinkSync(secret, join(d, "first-scenario.yaml"));
    const r = await cli(["init", "--force"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("first-scenario.yaml: cannot write: it is a symbolic link");
    expect(readFileSync(secret, "utf8")).toBe("SECRET");
    expect(lstatSync(join(d, "first-scenario.yaml")).isSymbolicLink()).toBe(true);
  });

  it("what is in the starter's way and --force would not replace is said as that, --force not offered", async () => {
    // a folder, a pipe or a link there was "the file exists … add --force to replace it", and --force
    // then refused it for what it is
    const d = fresh();
    const at = (name: string) => {
      mkdirSync(join(d, name));
      return join(d, name, "first-scenario.yaml");
    };
    const cases: Array<[string, () => boolean, string]> = [
      ["folder", () => mkdirSync(at("folder")) === undefined, "cannot write: it is a folder"],
      ["pipe", () => spawnSync("mkfifo", [at("pipe")]).status === 0, "cannot write: not a regular file"],
      [
        "link",
        () => symlinkSync(join(d, "x.yaml"), at("link")) === undefined,
        "cannot write: it is a symbolic link",
      ],
    ];
    for (const [name, plant, said] of cases) {
      if (!plant()) continue;
      const plain = await cli(["init", name], { cwd: d });
      const forced = await cli(["init", name, "--force"], { cwd: d });
      expect(plain.status, name).toBe(2);
      expect(plain.stderr, name).toContain(`${name}/first-scenario.yaml: ${said}`);
      expect(plain.stderr, name).not.toContain("--force");
      expect(forced.stderr, name).toBe(plain.stderr);
      // a pipe is no link: the hint says why it is refused
      if (name === "pipe") expect(plain.stderr).not.toContain("link");
    }
    // a regular file is what --force replaces: offered
    writeFileSync(join(d, "first-scenario.yaml"), "mine");
    expect((await cli(["init"], { cwd: d })).stderr).toContain("add --force to replace it");
  });

  it("a folder that cannot be made is the user's to fix (exit 2), not an internal error", async () => {
    const d = fresh();
    writeFileSync(join(d, "file"), "");
    symlinkSync(join(d, "nowhere"), join(d, "dangling"));
    for (const target of ["file/sub", "dangling"]) {
      const r = await cli(["init", target], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stderr).toContain(target);
    }
  });

  it("a folder's name is shown terminal-safe, and quoted for the shell in the next commands", async () => {
    const d = fresh();
    const r = await cli(["init", "it's \u001b[2Jhere"], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("\u001b");
    // written as the shell reads its escapes ($'…'): pasted, it names the real folder, not one called '\x1b'
    expect(r.stdout).toContain("  credit-sim test $'it\\'s \\x1b[2Jhere'");
  });
});

describe("a folder linked out of the working folder", () => {
  it("takes no report out of it, and no folder is made there", async () => {
    // a pull request plants `reports -> ../victim`; the CI job writes its JUnit report into reports/
    const d = fresh();
    const outside = `${d}-victim`;
    mkdirSync(outside);
    writeFileSync(join(outside, "junit.xml"), "keep");
    symlinkSync(outside, join(d, "reports"));
    writeFileSync(
      join(d, "s.yaml"),
      "name: s\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n",
    );
    for (const args of [
      ["test", "s.yaml", "--no-snapshots", "--output-file", "junit=reports/junit.xml"],
      ["run", "s.yaml", "--html", "reports/new/page.html"],
      ["simulate", "--accounts", "10", "--days", "30", "--csv", "reports/a.csv"],
      [
        "simulate",
        "--accounts",
        "10",
        "--days",
        "30",
        "--challenger",
        "tightened",
        "--flips",
        "reports/flips",
      ],
      ["init", "reports/starter"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("a symbolic link on its way leads out of the working folder");
    }
    expect(readFileSync(join(outside, "junit.xml"), "utf8")).toBe("keep");
    expect(readdirSync(outside)).toEqual(["junit.xml"]);
  });
});

describe("what-if saves", () => {
  it("--save names a YAML file: what is written is YAML, and a .json name would not read back", async () => {
    const d = fresh();
    const r = await cli(["whatif", ZHANG, "--remove", "1", "--save", "v.json"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("its name must end in .yaml or .yml");
    expect(existsSync(join(d, "v.json"))).toBe(false);
  });

  it("a name no scenario may have is said first, over a file there: --force would not make it one", async () => {
    // "the file exists … add --force" was said of notes.txt, and --force then refused the name
    const d = fresh();
    writeFileSync(join(d, "notes.txt"), "mine");
    for (const args of [
      ["whatif", ZHANG, "--remove", "1", "--save", "notes.txt"],
      ["simulate", "--accounts", "10", "--days", "40", "--export-account", "1", "-o", "notes.txt"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain(
        "notes.txt: a scenario credit-sim writes is YAML: its name must end in .yaml or .yml",
      );
      expect(r.stderr, args[0]).not.toContain("--force");
    }
    expect(readFileSync(join(d, "notes.txt"), "utf8")).toBe("mine");
  });

  it("--save does not write through a dangling link", async () => {
    const d = fresh();
    const outside = `${d}-outside.yaml`;
    symlinkSync(outside, join(d, "v.yaml"));
    const r = await cli(["whatif", ZHANG, "--remove", "1", "--save", "v.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    // a link that leads out of the folder is refused as one, before whether anything may be there
    expect(r.stderr).toContain("v.yaml: cannot write: it is a symbolic link that leads out of its folder");
    expect(existsSync(outside)).toBe(false);
  });

  it("the suggested name skips a dangling link", () => {
    const d = fresh();
    symlinkSync(join(dir, "nowhere.yaml"), join(d, "zhang-ming-whatif.yaml"));
    expect(suggestName("scenarios/zhang-ming.yaml", undefined, d)).toBe(join(d, "zhang-ming-whatif-2.yaml"));
  });

  it("the session's own folder is never a link: planted, it is refused; missing, it is made", () => {
    const d = fresh();
    const elsewhere = `${d}-elsewhere`;
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(d, "whatif"));
    expect(() => saveVariantFile(join(d, "whatif", "v-whatif.yaml"), "name: v\n", false, true)).toThrow(
      /symbolic link/,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    // a folder the user named themselves is theirs to name, a link included
    saveVariantFile(join(d, "whatif", "mine.yaml"), "name: v\n", false, false);
    expect(readdirSync(elsewhere)).toEqual(["mine.yaml"]);
    const e = fresh();
    saveVariantFile(join(e, "whatif", "v-whatif.yaml"), "name: v\n", false, true);
    expect(lstatSync(join(e, "whatif")).isDirectory()).toBe(true);
    expect(readFileSync(join(e, "whatif", "v-whatif.yaml"), "utf8")).toBe("name: v\n");
  });
});

describe("explain --day", () => {
  const LATE = `name: late\nstart: 9999-06-01\nuntil: 30\nprofile: { age: 30, monthlyIncome: 4500, verified: true, creditHistoryMonths: 10, externalDebt: 0 }\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n`;

  it("a day past 9999-12-31 is refused, not explained in the year 10099", async () => {
    const d = fresh();
    writeFileSync(join(d, "late.yaml"), LATE);
    const last = await cli(["explain", "late.yaml", "--day", "213"], { cwd: d });
    expect(last.status).toBe(0);
    expect(last.stdout).toContain("9999-12-31");
    for (const day of ["214", "36500"]) {
      const r = await cli(["explain", "late.yaml", "--day", day, "--json"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`--day: ${day} is too large`);
      expect(r.stderr).toContain("a day from 0 to 213, or a date from 9999-06-01 to 9999-12-31");
    }
  });

  it("a day too large, however large, is said against the scenario's own days", async () => {
    for (const day of ["99999", "99999999999999999999", "1e20", "2200-01-01"]) {
      const r = await cli(["explain", ZHANG, "--day", day]);
      expect(r.status, day).toBe(2);
      expect(r.stderr, day).toMatch(new RegExp(`--day: ${day}( \\(day \\d+\\))? is too large`));
      // its days, 0 to its until 400, and how far explain plays on past them (100 years of days)
      expect(r.stderr, day).toContain("a day from 0 to 36500, or a date from 2024-01-01 to 2123-12-08");
      expect(r.stderr, day).toContain("the scenario's days are 0 to 400 (2024-01-01 to 2025-02-04)");
      expect(r.stderr, day).not.toContain("9007199254740991");
    }
  });

  it("a day beyond the horizon and a file's problems are reported together", async () => {
    const d = fresh();
    writeFileSync(join(d, "bad.yaml"), "name: x\nbogus: 1\n");
    const r = await cli(["explain", "bad.yaml", "--day", "99999"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--day: 99999 is too large");
    expect(r.stderr).toContain('bad.yaml:2:1: bogus: unknown field "bogus"');
    // the count does not claim the flag's problem is in the file
    expect(r.stderr).toMatch(/credit-sim: 3 problems\n?$/);
  });

  it("a whole number a double cannot hold is refused as typed, not rounded", async () => {
    const r = await cli(["explain", ZHANG, "--day", "9007199254740993"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("found:    9007199254740993");
    const seed = await cli(["simulate", "--seed", "9007199254740993", "--accounts", "1"]);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain("found:    9007199254740993");
  });
});

describe("one command's outputs", () => {
  it("an output that cannot be written stops the command before any other is written or replaced", async () => {
    const d = fresh();
    writeFileSync(join(d, "old.csv"), "OLD\n");
    writeFileSync(join(d, "p.txt"), "OLD\n");
    const cases: Array<{ args: string[]; untouched: string[]; absent: string[] }> = [
      {
        args: ["simulate", "--accounts", "20", "--days", "40", "--csv", "old.csv", "--html", "."],
        untouched: ["old.csv"],
        absent: [],
      },
      {
        args: ["whatif", ZHANG, "--set", "minScore=600", "--save", "new.yaml", "--html", "."],
        untouched: [],
        absent: ["new.yaml"],
      },
      {
        args: [
          "test",
          join(ROOT, "scenarios/good-customer.yaml"),
          "--reporter",
          "pretty,junit",
          "--output-file",
          "pretty=p.txt",
          "--output-file",
          "junit=.",
        ],
        untouched: ["p.txt"],
        absent: [],
      },
    ];
    for (const { args, untouched, absent } of cases) {
      const r = await cli(args, { cwd: d });
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      for (const f of untouched) expect(readFileSync(join(d, f), "utf8")).toBe("OLD\n");
      for (const f of absent) expect(existsSync(join(d, f))).toBe(false);
    }
  });

  const scenarioIn = (d: string, sub: string, name: string): string => {
    mkdirSync(join(d, sub), { recursive: true });
    const text = readFileSync(ZHANG, "utf8")
      .replace(/^name: .*$/m, `name: ${name}`)
      .replace(/^# yaml-language-server.*$/m, "");
    writeFileSync(join(d, sub, "x.yaml"), text);
    return `${sub}/x.yaml`;
  };

  it("run --html: inputs that share a file name get a page each", async () => {
    const d = fresh();
    const files = ["a", "b", "c"].map((s) => scenarioIn(d, s, `n${s}`));
    const r = await cli(["run", ...files, "--html", "r.html", "--json"], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("wrote r.html, r.x.html, r.x-2.html");
    for (const [page, name] of [
      ["r.html", "na"],
      ["r.x.html", "nb"],
      ["r.x-2.html", "nc"],
    ] as const)
      expect(readFileSync(join(d, page), "utf8")).toContain(`<title>${name}`);
  });

  it("run --html: a page's derived name replaces an earlier page there, never a file of the user's", async () => {
    // `run a/x.yaml b/x.yaml --html r.html` names the second page r.x.html itself: a notes file, or a
    // scenario, the user keeps under that name was replaced without being named — as a golden trace's
    // name replaces only a trace
    const d = fresh();
    const files = ["a", "b"].map((s) => scenarioIn(d, s, `n${s}`));
    writeFileSync(join(d, "r.x.html"), "<p>my notes</p>\n");
    const refused = await cli(["run", ...files, "--html", "r.html"], { cwd: d });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("r.x.html: cannot write: a file that is not a credit-sim page is there");
    expect(readFileSync(join(d, "r.x.html"), "utf8")).toBe("<p>my notes</p>\n");
    expect(existsSync(join(d, "r.html"))).toBe(false);
    // an earlier run's page is replaced, as before
    rmSync(join(d, "r.x.html"));
    expect((await cli(["run", ...files, "--html", "r.html"], { cwd: d })).status).toBe(0);
    writeFileSync(
      join(d, "a/x.yaml"),
      readFileSync(join(d, "a/x.yaml"), "utf8").replace("name: na", "name: nz"),
    );
    expect((await cli(["run", ...files, "--html", "r.html"], { cwd: d })).status).toBe(0);
    expect(readFileSync(join(d, "r.html"), "utf8")).toContain("<title>nz");
    expect(readFileSync(join(d, "r.x.html"), "utf8")).toContain("<title>nb");
  });

  it("run --html - with several scenarios is refused: two pages are not a page", async () => {
    const r = await cli(["run", ZHANG, ZHANG, "--html", "-"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("a report never replaces a scenario the command reads, even through a link", async () => {
    const d = fresh();
    const file = scenarioIn(d, "s", "only");
    const before = readFileSync(join(d, file), "utf8");
    symlinkSync(file, join(d, "link.html"));
    for (const args of [
      ["run", file, "--html", file],
      ["run", file, "--html", "link.html"],
      ["test", "s", "--no-snapshots", "--output-file", `junit=${file}`],
      ["whatif", file, "--remove", "1", "--save", file, "--force"],
      ["whatif", file, "--remove", "1", "--html", "./s/x.yaml"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("the output would replace a file this command reads");
      expect(readFileSync(join(d, file), "utf8")).toBe(before);
    }
  });

  it("merge's page never replaces a shard it reads, however named, and a refused merge writes none", async () => {
    const d = fresh();
    const run = await cli(["simulate", "--accounts", "6", "--days", "20", "--json"], { cwd: d });
    expect(run.status).toBe(0);
    writeFileSync(join(d, "r.json"), run.stdout);
    symlinkSync("r.json", join(d, "link.html"));
    linkSync(join(d, "r.json"), join(d, "hard.html"));
    for (const page of ["r.json", "./r.json", "link.html", "hard.html"]) {
      const r = await cli(["merge", "r.json", "--html", page], { cwd: d });
      expect(r.status, page).toBe(2);
      expect(r.stderr).toContain("the output would replace a file this command reads");
      expect(readFileSync(join(d, "r.json"), "utf8")).toBe(run.stdout);
    }
    // a shard refused: no page, not one of part of the population
    writeFileSync(join(d, "bad.json"), "{}");
    const bad = await cli(["merge", "r.json", "bad.json", "--html", "page.html"], { cwd: d });
    expect(bad.status).toBe(2);
    expect(existsSync(join(d, "page.html"))).toBe(false);
    const good = await cli(["merge", "r.json", "--html", "out/page.html"], { cwd: d });
    expect(good.status).toBe(0);
    expect(readFileSync(join(d, "out/page.html"), "utf8")).toMatch(/^<!doctype html>/i);
  });

  /** A folder f/ with a policy, a persona and a scenario using the policy, its golden trace written. */
  async function folderOfInputs(): Promise<string> {
    const d = fresh();
    mkdirSync(join(d, "f"));
    for (const f of ["policies/tightened.yaml", "personas/stretched.yaml"])
      writeFileSync(join(d, "f", f.split("/")[1]!), readFileSync(join(ROOT, f), "utf8"));
    writeFileSync(
      join(d, "f", "gc.yaml"),
      readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8").replace(
        /^policy: .*$/m,
        "policy: tightened.yaml",
      ),
    );
    await cli(["test", "f/gc.yaml", "-u"], { cwd: d });
    return d;
  }

  it("nor a policy file, a persona file or a golden trace it reads", async () => {
    const d = await folderOfInputs();
    const trace = "f/__snapshots__/gc.yaml.trace";
    const kept = ["f/tightened.yaml", "f/stretched.yaml", trace].map((f) => [
      f,
      readFileSync(join(d, f), "utf8"),
    ]);
    expect(kept[2]![1]).not.toBe("");
    const population = ["--accounts", "10", "--days", "40", "--no-progress"];
    for (const args of [
      ["run", "f/gc.yaml", "--html", "f/tightened.yaml"],
      ["run", ZHANG, "--policy", "f/tightened.yaml", "--html", "f/tightened.yaml"],
      ["test", "f/gc.yaml", "--reporter", "junit", "--output", "f/tightened.yaml"],
      ["test", "f", "--reporter", "pretty,junit", "--output-file", `junit=${trace}`],
      ["whatif", "f/gc.yaml", "--set", "minScore=600", "--save", "f/tightened.yaml", "--force"],
      ["whatif", ZHANG, "--policy", "f/tightened.yaml", "--html", "f/tightened.yaml"],
      ["simulate", "f/stretched.yaml", ...population, "--csv", "f/stretched.yaml"],
      ["simulate", ...population, "--policy", "f/tightened.yaml", "--csv", "f/tightened.yaml"],
      ["simulate", ...population, "--challenger", "f/tightened.yaml", "--html", "f/tightened.yaml"],
      [
        "simulate",
        ...population,
        "--policy",
        "f/tightened.yaml",
        "--export-account",
        "1",
        "-o",
        "f/tightened.yaml",
        "--force",
      ],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("the output would replace a file this command reads");
      for (const [f, text] of kept) expect(readFileSync(join(d, f!), "utf8"), args.join(" ")).toBe(text);
    }
  });

  it("nor a hard link to any file it reads: the same file under a name no path resolves to", async () => {
    const d = await folderOfInputs();
    const trace = "f/__snapshots__/gc.yaml.trace";
    const links: Array<[string, string]> = [
      ["f/gc.yaml", "gc.html"],
      ["f/tightened.yaml", "policy.html"],
      ["f/stretched.yaml", "persona.csv"],
      [trace, "trace.xml"],
    ];
    for (const [target, link] of links) linkSync(join(d, target), join(d, link));
    const kept = links.map(([f]) => [f, readFileSync(join(d, f), "utf8")] as const);
    const population = ["--accounts", "10", "--days", "40", "--no-progress"];
    for (const args of [
      ["run", "f/gc.yaml", "--html", "gc.html"],
      ["run", ZHANG, "--policy", "f/tightened.yaml", "--html", "policy.html"],
      ["test", "f/gc.yaml", "--reporter", "junit", "--output", "gc.html"],
      ["test", "f", "--reporter", "pretty,junit", "--output-file", "junit=trace.xml"],
      ["whatif", "f/gc.yaml", "--set", "minScore=600", "--save", "gc.html", "--force"],
      ["simulate", "f/stretched.yaml", ...population, "--csv", "persona.csv"],
      ["simulate", ...population, "--challenger", "f/tightened.yaml", "--html", "policy.html"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("the output would replace a file this command reads");
      for (const [f, text] of kept) expect(readFileSync(join(d, f), "utf8"), args.join(" ")).toBe(text);
    }
  });

  it("whatever names the policy file: an edit's policy event, a scenario that fails, a file left out", async () => {
    const d = fresh();
    mkdirSync(join(d, "f", "sub"), { recursive: true });
    writeFileSync(join(d, "f", "sub", "p2.yaml"), "name: mine\nextends: default\nminScore: 610\n");
    writeFileSync(join(d, "f", "sub", "p3.yaml"), "name: three\nextends: p2.yaml\n");
    const good = readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8");
    writeFileSync(join(d, "f", "plain.yaml"), good);
    // a scenario with a problem of its own still names its policy — even one YAML itself refuses
    writeFileSync(
      join(d, "f", "typo.yaml"),
      good.replace(/^policy: .*$/m, "policy: sub/p3.yaml").replace(/^name: .*$/m, "name: typo\nbogus: 1"),
    );
    writeFileSync(
      join(d, "f", "twice.yaml"),
      good
        .replace(/^policy: .*$/m, 'policy: "sub/p2.yaml"')
        .replace(/^name: .*$/m, "name: twice\nname: again"),
    );
    const kept = ["f/sub/p2.yaml", "f/sub/p3.yaml", "f/plain.yaml"].map((f) => [
      f,
      readFileSync(join(d, f), "utf8"),
    ]);
    for (const args of [
      [
        "whatif",
        "f/plain.yaml",
        "--add",
        "{day: 5, type: policy, use: sub/p3.yaml}",
        "--html",
        "f/sub/p2.yaml",
      ],
      [
        "whatif",
        "f/plain.yaml",
        "--add",
        "{day: 5, type: policy, use: sub/p2.yaml}",
        "--save",
        "f/sub/p2.yaml",
        "--force",
      ],
      ["test", "f/typo.yaml", "--no-snapshots", "--reporter", "junit", "--output", "f/sub/p2.yaml"],
      ["test", "f/twice.yaml", "--no-snapshots", "--reporter", "junit", "--output", "f/sub/p2.yaml"],
      ["test", "f", "--no-snapshots", "--grep", "typo", "--reporter", "junit", "--output", "f/plain.yaml"],
      // the shard that does not run typo.yaml still spares the policy file typo.yaml names
      ["test", "f", "--no-snapshots", "--shard", "1/2", "--reporter", "junit", "--output", "f/sub/p2.yaml"],
      ["test", "f", "-u", "--reporter", "junit", "--output", "f/plain.yaml"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("the output would replace a file this command reads");
      for (const [f, text] of kept) expect(readFileSync(join(d, f!), "utf8"), args.join(" ")).toBe(text);
    }
    // refused before the run: -u wrote no golden trace
    expect(existsSync(join(d, "f", "__snapshots__"))).toBe(false);
  });

  it("nor two outputs on standard output, or one inside the folder of another", async () => {
    const d = fresh();
    const population = ["simulate", "--accounts", "10", "--days", "40", "--no-progress"];
    for (const args of [
      [...population, "--csv", "-", "--html", "-"],
      [...population, "--json", "--html", "-"],
      ["run", ZHANG, "--json", "--html", "-"],
      ["whatif", ZHANG, "--remove", "1", "--save", "-", "--html", "-"],
      ["whatif", ZHANG, "--remove", "1", "--save", "-", "--json"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("two outputs write to standard output");
      expect(r.stdout, args.join(" ")).toBe("");
    }
    const inside = await cli(
      [...population, "--challenger", "tightened", "--flips", "fl", "--html", "fl/index.txt"],
      {
        cwd: d,
      },
    );
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain("an output lies inside the folder of another");
    expect(existsSync(join(d, "fl"))).toBe(false);
    const same = await cli([...population, "--csv", "same.out", "--html", "same.out"], { cwd: d });
    expect(same.stderr).toContain("two outputs name the same file");
    expect(existsSync(join(d, "same.out"))).toBe(false);
    // --export-account writes one file: the population's outputs are refused, not silently dropped
    const exported = await cli([...population, "--export-account", "1", "-o", "-", "--html", "-"], {
      cwd: d,
    });
    expect(exported.status).toBe(2);
    expect(exported.stderr).toContain(
      "--export-account writes one scenario file: --html has nothing to write",
    );
  });

  it("--export-account -o never writes through a link, even one that leads nowhere", async () => {
    const d = fresh();
    const outside = `${d}-outside-export.yaml`;
    symlinkSync(outside, join(d, "a.yaml"));
    const r = await cli(
      ["simulate", "--accounts", "10", "--days", "40", "--export-account", "1", "-o", "a.yaml"],
      {
        cwd: d,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a.yaml: cannot write: it is a symbolic link that leads out of its folder");
    expect(existsSync(outside)).toBe(false);
    // one that leads within the folder, to nothing yet: it exists, and nothing is written through it
    rmSync(join(d, "a.yaml"));
    symlinkSync(join(d, "inside.yaml"), join(d, "a.yaml"));
    const again = await cli(
      ["simulate", "--accounts", "10", "--days", "40", "--export-account", "1", "-o", "a.yaml"],
      { cwd: d },
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("a.yaml: the file exists; credit-sim never replaces a file");
    expect(existsSync(join(d, "inside.yaml"))).toBe(false);
  });

  it("run --html: a link planted at a derived page name is found before any page is written", async () => {
    const d = fresh();
    const files = ["a", "b", "c"].map((s) => scenarioIn(d, s, `n${s}`));
    const victim = `${d}-victim-html.txt`;
    writeFileSync(victim, "keep\n");
    symlinkSync(victim, join(d, "r.x-2.html"));
    writeFileSync(
      join(d, "r.x.html"),
      '<!doctype html>\n<html lang="en">\n<head>\n<meta name="generator" content="credit-sim">\n',
    );
    const r = await cli(["run", ...files, "--html", "r.html"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("r.x-2.html: cannot write: it is a symbolic link");
    expect(readFileSync(victim, "utf8")).toBe("keep\n");
    expect(existsSync(join(d, "r.html"))).toBe(false);
    // a page at a derived name is an earlier page of the same command: replaced
    rmSync(join(d, "r.x-2.html"));
    expect((await cli(["run", ...files, "--html", "r.html"], { cwd: d })).status).toBe(0);
    expect(readFileSync(join(d, "r.x.html"), "utf8")).toContain("<title>nb");
  });

  it("two outputs of one command never name one file", async () => {
    const d = fresh();
    const file = scenarioIn(d, "s", "only");
    const t = await cli(
      ["test", "s", "--no-snapshots", "--output-file", "junit=o.xml", "--output-file", "html=./o.xml"],
      { cwd: d },
    );
    expect(t.status).toBe(2);
    expect(t.stderr).toContain("two outputs name the same file");
    expect(existsSync(join(d, "o.xml"))).toBe(false);
    const w = await cli(["whatif", file, "--remove", "1", "--save", "v.yaml", "--html", "v.yaml"], {
      cwd: d,
    });
    expect(w.status).toBe(2);
    expect(w.stderr).toContain("two outputs name the same file");
    expect(existsSync(join(d, "v.yaml"))).toBe(false);
  });
});

describe("outputs checked before anything is written", () => {
  it("test -u refuses a report on a policy file a scenario names before it writes a golden trace", async () => {
    const d = fresh();
    writeFileSync(join(d, "pol.yaml"), "name: pol\nextends: default\nminScore: 600\n");
    writeFileSync(
      join(d, "z.yaml"),
      readFileSync(ZHANG, "utf8").replace(/^policy: default$/m, "policy: pol.yaml"),
    );
    const r = await cli(["test", "z.yaml", "-u", "--reporter", "junit", "--output", "pol.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("would replace a file this command reads");
    expect(existsSync(join(d, "__snapshots__"))).toBe(false);
    expect(readFileSync(join(d, "pol.yaml"), "utf8")).toMatch(/^name: pol/);
  });

  it("a name that is not UTF-8 (U+FFFD in its place) is refused as an output, as it is as an input: it would be written under another name", async () => {
    // `--html 报告.html` typed under a GBK locale reached the program as `����.html`: the page was
    // written there, under a name the user never typed (the same name as an input is 'not valid UTF-8')
    const d = fresh();
    const bad = "r\uFFFD";
    for (const args of [
      ["run", ZHANG, "--html", `${bad}.html`],
      ["run", ZHANG, "--html", `${bad}/page.html`],
      ["test", ZHANG, "--no-snapshots", "--reporter", "junit", "--output", `${bad}.xml`],
      ["simulate", "--accounts", "10", "--days", "40", "--no-progress", "--csv", `${bad}.csv`],
      ["simulate", "--accounts", "10", "--days", "40", "--export-account", "1", "-o", `${bad}.yaml`],
      ["whatif", ZHANG, "--remove", "1", "--save", `${bad}.yaml`],
      ["init", bad],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.stderr).toContain("name is not valid UTF-8 (shown with \uFFFD)");
      expect(r.status).toBe(2);
      expect(readdirSync(d)).toEqual([]);
    }
    // a file or folder of that very name is there: it is the one named
    mkdirSync(join(d, bad));
    expect((await cli(["run", ZHANG, "--html", `${bad}/page.html`], { cwd: d })).status).toBe(0);
    expect(existsSync(join(d, bad, "page.html"))).toBe(true);
  });

  it("a working folder whose name is not UTF-8 is no folder to make: an output named from it is refused, not written into a folder of another name", async () => {
    // in a folder named with a byte that is not UTF-8 (`w\x9b`), the working folder reaches the program
    // as `w\uFFFD`, a folder that is not there: `run … --html r.html` made that folder beside the user's
    // and wrote the page in it
    const d = fresh();
    mkdirSync(Buffer.from(`${join(d, "w")}\x9b`, "latin1"));
    const cwd = join(d, "w\uFFFD");
    for (const args of [
      ["run", ZHANG, "--html", "r.html"],
      ["test", ZHANG, "--no-snapshots", "--reporter", "junit", "--output", "r.xml"],
      ["simulate", "--accounts", "10", "--days", "40", "--no-progress", "--csv", "r.csv"],
      ["simulate", "--accounts", "10", "--days", "40", "--export-account", "1", "-o", "r.yaml"],
      ["whatif", ZHANG, "--remove", "1", "--save", "r.yaml"],
      [
        "simulate",
        "--accounts",
        "10",
        "--days",
        "40",
        "--challenger",
        "tightened",
        "--flips",
        ".",
        "--no-progress",
      ],
      ["init", "."],
    ]) {
      const r = await cli(args, { cwd });
      expect(r.stderr).toContain("the working folder's name is not valid UTF-8 (shown with \uFFFD)");
      expect(r.status).toBe(2);
      expect(readdirSync(d, { encoding: "buffer" }).map((n) => n.toString("latin1"))).toEqual(["w\x9b"]);
    }
    // what it names outside the folder it cannot name is written, and standard output is written as ever
    expect((await cli(["run", ZHANG, "--html", "../page.html"], { cwd })).status).toBe(0);
    expect(existsSync(join(d, "page.html"))).toBe(true);
    const piped = await cli(["run", ZHANG, "--html", "-"], { cwd });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toMatch(/^<!doctype html>/);
  });

  it("two spellings of one file in folders still to be made are one output", async () => {
    const d = fresh();
    mkdirSync(join(d, "real"));
    symlinkSync(join(d, "real"), join(d, "link"));
    const r = await cli(
      [
        "simulate",
        "--accounts",
        "20",
        "--no-progress",
        "--csv",
        "link/new/o.csv",
        "--html",
        "real/new/o.csv",
      ],
      { cwd: d },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("two outputs name the same file");
    expect(existsSync(join(d, "real", "new"))).toBe(false);
  });
});

/** A fresh folder with the tightened policy in f/, an empty out/, and good-customer's scenario at `at`
 *  naming that policy as `ref`. */
function withTightened(at: string, ref: string): string {
  const d = fresh();
  mkdirSync(join(d, "f"));
  mkdirSync(join(d, "out"));
  writeFileSync(join(d, "f", "tightened.yaml"), readFileSync(join(ROOT, "policies/tightened.yaml"), "utf8"));
  writeFileSync(
    join(d, at),
    readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8").replace(
      /^policy: .*$/m,
      `policy: ${ref}`,
    ),
  );
  return d;
}

describe("files credit-sim writes for `run` to read", () => {
  // a scenario names policy files in its own folder or below: a save or an export elsewhere would not run
  it("a what-if save or an export that could not name its policy file is refused before it is written", async () => {
    const d = withTightened("f/gc.yaml", "tightened.yaml");
    const population = ["simulate", "--accounts", "20", "--days", "60", "--no-progress"];
    for (const args of [
      ["whatif", "f/gc.yaml", "--set", "minScore=600", "--save", "out/v.yaml"],
      [...population, "--policy", "f/tightened.yaml", "--export-account", "1", "-o", "out/a.yaml"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(
        /^credit-sim: out\/\w\.yaml: written here, the file could not be run: the policy file is outside/,
      );
      expect(r.stderr).toContain("CREDIT_SIM_ROOT");
    }
    expect(readdirSync(join(d, "out"))).toEqual([]);
    const flips = await cli([...population, "--challenger", "f/tightened.yaml", "--flips", "fl"], { cwd: d });
    expect(flips.status).toBe(2);
    expect(flips.stderr).toContain("the exported files could not name their policy file");
    expect(existsSync(join(d, "fl"))).toBe(false);
    // saved where its policy file may be named, it runs
    const saved = await cli(["whatif", "f/gc.yaml", "--set", "minScore=600", "--save", "f/v.yaml"], {
      cwd: d,
    });
    expect(saved.status).toBe(0);
    expect((await cli(["run", "f/v.yaml"], { cwd: d })).status).toBe(0);
  });

  it("CREDIT_SIM_ROOT in the environment the CLI is given (relative to its folder) allows the policy's folder to every command", async () => {
    const d = withTightened("out/gc.yaml", "../f/tightened.yaml");
    const env = { CREDIT_SIM_ROOT: "f" };
    delete process.env.CREDIT_SIM_ROOT;
    const population = ["simulate", "--accounts", "20", "--days", "60", "--no-progress"];
    for (const args of [
      ["run", "out/gc.yaml"],
      ["explain", "out/gc.yaml", "--day", "10"],
      ["test", "out", "--no-snapshots"],
      ["whatif", "out/gc.yaml", "--set", "minScore=600", "--save", "out/v.yaml"],
      ["run", "out/v.yaml"],
      [...population, "--policy", "f/tightened.yaml", "--export-account", "1", "-o", "out/a.yaml"],
      [...population, "--challenger", "f/tightened.yaml", "--flips", "fl"],
    ]) {
      const r = await cli(args, { cwd: d, env });
      expect(r.stderr, args.join(" ")).toBe("");
      expect(r.status, args.join(" ")).toBe(0);
      // without it, the same command is refused: what allowed it was the CLI's environment
      if (args[0] !== "simulate" && args[1] !== "out/v.yaml") {
        const without = await cli(args, { cwd: d });
        expect(without.status, args.join(" ")).toBe(2);
        expect(without.stdout + without.stderr, args.join(" ")).toContain("outside this file's folder");
      }
    }
  });
});

describe("simulate --flips DIR", () => {
  // 60 accounts still flip 21, in several groups (300 flipped 83, at five times the run): what is planted
  // around an export is the point here, not how many accounts it holds
  const ACCOUNTS = "60";
  // --force: what is planted is found even when replacing files is allowed
  const flips = (
    d: string,
    force = true,
    dir = "flips",
    extra: string[] = [],
    env: Record<string, string> = {},
  ) =>
    cli(
      [
        "simulate",
        ...extra,
        "--accounts",
        ACCOUNTS,
        "--days",
        "200",
        "--challenger",
        "tightened",
        "--flips",
        dir,
        "--no-progress",
        ...(force ? ["--force"] : []),
      ],
      { cwd: d, env },
    );

  it("replaces nothing without --force, and with it only an earlier export: a folder of other files is refused before the run", async () => {
    const d = fresh();
    mkdirSync(join(d, "flips"));
    writeFileSync(join(d, "flips", "index.txt"), "my notes\n");
    for (const force of [false, true]) {
      const r = await flips(d, force);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(force ? "holds files that are not an export" : "--flips flips is not empty");
    }
    expect(readFileSync(join(d, "flips", "index.txt"), "utf8")).toBe("my notes\n");
  });

  it("writes into the working folder itself (--flips .): no link takes it out of itself", async () => {
    const d = fresh();
    const r = await cli(
      [
        "simulate",
        "--accounts",
        "20",
        "--days",
        "40",
        "--challenger",
        "tightened",
        "--flips",
        ".",
        "--no-progress",
      ],
      { cwd: d },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(d)).toContain("index.txt");
  });

  it("--force never removes what an earlier export's index does not list: a note, a .git, a forged index over other files", async () => {
    const d = fresh();
    expect((await flips(d, false)).status).toBe(0);
    writeFileSync(join(d, "flips", "notes.md"), "mine\n");
    const beside = await flips(d);
    expect(beside.status).toBe(2);
    expect(beside.stderr).toContain("holds files that are not an export");
    expect(readFileSync(join(d, "flips", "notes.md"), "utf8")).toBe("mine\n");
    const forged = join(d, "proj");
    mkdirSync(forged);
    writeFileSync(join(forged, "main.c"), "code\n");
    writeFileSync(
      join(forged, "index.txt"),
      `${readFileSync(join(d, "flips", "index.txt"), "utf8").split("\n")[0]}\n`,
    );
    const r = await flips(d, true, "proj");
    expect(r.status).toBe(2);
    expect(readFileSync(join(forged, "main.c"), "utf8")).toBe("code\n");
  });

  it("a policy's name is one line of index.txt, shown terminal-safe: it cannot list a folder for a later --force to replace", async () => {
    const d = fresh();
    // a name that would add an index line listing `.git` (a folder --force then takes for the export's),
    // and clear the screen of whoever reads the index with cat
    writeFileSync(join(d, "p.yaml"), 'name: "mine\\n    .git/x.yaml\\e[2J"\nextends: default\n');
    // the exported files name p.yaml from two folders below
    const env = { CREDIT_SIM_ROOT: d };
    const r = await flips(d, false, "flips", ["--policy", "p.yaml"], env);
    expect(r.stderr).toBe("");
    const index = readFileSync(join(d, "flips", "index.txt"), "utf8");
    expect(index).not.toContain("\u001b");
    expect(index.split("\n").filter((l) => l.trimStart().startsWith(".git"))).toEqual([]);
    expect(index).toContain("mine\\n    .git/x.yaml\\x1b[2J vs tightened");
    mkdirSync(join(d, "flips", ".git"));
    writeFileSync(join(d, "flips", ".git", "HEAD"), "ref\n");
    const again = await flips(d, true, "flips", ["--policy", "p.yaml"], env);
    expect(again.status).toBe(2);
    expect(readFileSync(join(d, "flips", ".git", "HEAD"), "utf8")).toBe("ref\n");
  });

  it("two policies named as long as a name may be (200 characters) still give their pair a folder", async () => {
    // the pair's folder is both names: 404 characters, past the 255 a folder's name may have
    const d = fresh();
    writeFileSync(join(d, "p.yaml"), `name: ${"p".repeat(200)}\nextends: default\n`);
    writeFileSync(join(d, "q.yaml"), `name: ${"q".repeat(200)}\nextends: tightened\n`);
    const r = await cli(
      [
        ...["simulate", "--accounts", ACCOUNTS, "--days", "200", "--no-progress"],
        ...["--policy", "p.yaml", "--challenger", "q.yaml", "--flips", "flips"],
      ],
      { cwd: d, env: { CREDIT_SIM_ROOT: d } },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [pair, ...rest] = readdirSync(join(d, "flips")).filter((f) => f !== "index.txt");
    expect(rest).toEqual([]);
    expect(pair!.length).toBeLessThanOrEqual(255);
    expect(pair).toMatch(/^p+-vs-q+$/);
    // the files keep the whole names, and run as exported
    const group = join(d, "flips", pair!, readdirSync(join(d, "flips", pair!))[0]!);
    const files = readdirSync(group);
    expect(files.some((f) => f.endsWith(`.${"q".repeat(200)}.yaml`))).toBe(true);
    const run = await cli(["run", join(group, files[0]!)], { cwd: d, env: { CREDIT_SIM_ROOT: d } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("two policies named alike but for case get files whose names differ in any case too", async () => {
    // on a file system that ignores case (macOS's and Windows' by default) account-1.Tightened.yaml
    // and account-1.tightened.yaml are one file: the second arm's would be refused after the run
    const d = fresh();
    writeFileSync(join(d, "p.yaml"), "name: TIGHTENED\nextends: default\n");
    const r = await flips(d, false, "flips", ["--policy", "p.yaml"], { CREDIT_SIM_ROOT: d });
    expect(r.stderr).toBe("");
    const [pair] = readdirSync(join(d, "flips")).filter((f) => f !== "index.txt");
    const group = join(d, "flips", pair!, readdirSync(join(d, "flips", pair!))[0]!);
    const files = readdirSync(group);
    expect(files.length).toBeGreaterThan(1);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
  });

  it("a hidden folder a killed run left behind is cleared, not taken for content", async () => {
    const d = fresh();
    mkdirSync(join(d, "flips", ".credit-sim-999999-1"), { recursive: true });
    const r = await flips(d, false);
    expect(r.status).toBe(0);
    expect(readdirSync(join(d, "flips")).sort()).toEqual(["default-vs-tightened", "index.txt"]);
  });

  it("--force replaces an earlier export whole: no file of the run before is left beside the new ones", async () => {
    const d = fresh();
    // an export of another population: accounts (and so files) the next run does not export
    expect((await flips(d, false, "flips", ["--seed", "5"])).status).toBe(0);
    const listed = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("    "))
        .map((l) => l.trim());
    const before = listed(readFileSync(join(d, "flips", "index.txt"), "utf8"));
    const forced = await flips(d);
    expect(forced.status).toBe(0);
    const after = listed(readFileSync(join(d, "flips", "index.txt"), "utf8"));
    const stale = before.filter((f) => !after.includes(f));
    expect(stale.length).toBeGreaterThan(0);
    for (const f of stale) expect(existsSync(join(d, "flips", f))).toBe(false);
    for (const f of after) expect(existsSync(join(d, "flips", f))).toBe(true);
    // nothing of the staging is left beside it
    expect(readdirSync(d).filter((f) => f.includes("credit-sim"))).toEqual([]);
  });

  it("--force never removes what an earlier export's index does not list inside its folders: a note, a .git, a link", async () => {
    // the folders the index lists were taken whole: a note beside the exported files, or a .git in a
    // group's folder, went with them
    const d = fresh();
    expect((await flips(d, false)).status).toBe(0);
    const group = join(
      d,
      "flips",
      "default-vs-tightened",
      readdirSync(join(d, "flips", "default-vs-tightened"))[0]!,
    );
    const planted = [
      join(d, "flips", "default-vs-tightened", "notes.md"),
      join(group, "why.txt"),
      join(group, ".git", "HEAD"),
    ];
    for (const file of planted) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, "mine\n");
      const r = await flips(d);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("holds files that are not an export");
      expect(readFileSync(file, "utf8")).toBe("mine\n");
      rmSync(file);
    }
    rmSync(join(group, ".git"), { recursive: true });
    // a listed file that is a link now (to a note elsewhere) is no exported file either
    const exported = readdirSync(group)[0]!;
    const note = `${d}-note.txt`;
    writeFileSync(note, "keep\n");
    rmSync(join(group, exported));
    symlinkSync(note, join(group, exported));
    expect((await flips(d)).status).toBe(2);
    expect(readFileSync(note, "utf8")).toBe("keep\n");
    expect(lstatSync(join(group, exported)).isSymbolicLink()).toBe(true);
  });

  it("--force replaces an earlier export that `credit-sim test DIR` ran, its golden traces with it — and nothing else in their folders", async () => {
    const d = fresh();
    expect((await flips(d, false)).status).toBe(0);
    expect((await cli(["test", "flips", "-u"], { cwd: d })).status).toBe(0);
    const group = join(
      d,
      "flips",
      "default-vs-tightened",
      readdirSync(join(d, "flips", "default-vs-tightened"))[0]!,
    );
    expect(readdirSync(join(group, "__snapshots__")).length).toBeGreaterThan(0);
    const planted = join(group, "__snapshots__", "notes.md");
    writeFileSync(planted, "mine\n");
    expect((await flips(d)).status).toBe(2);
    expect(readFileSync(planted, "utf8")).toBe("mine\n");
    rmSync(planted);
    expect((await flips(d)).status).toBe(0);
  });

  it("a --flips path that is a file is refused before the run, --force or not", async () => {
    const d = fresh();
    writeFileSync(join(d, "flips"), "a file\n");
    for (const force of [false, true]) {
      const r = await flips(d, force);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("--flips flips is not a folder");
    }
    expect(readFileSync(join(d, "flips"), "utf8")).toBe("a file\n");
  });

  it("a --flips folder that is a link is refused before the run, --force or not", async () => {
    const d = fresh();
    symlinkSync(`${d}-nowhere`, join(d, "flips"));
    for (const force of [false, true]) {
      const r = await flips(d, force);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("flips: --flips: cannot write into it: it is a symbolic link");
    }
    expect(existsSync(`${d}-nowhere`)).toBe(false);
  });

  it("writes no file credit-sim names through a link planted under that name", async () => {
    const d = fresh();
    const victim = `${d}-victim.txt`;
    writeFileSync(victim, "keep\n");
    mkdirSync(join(d, "flips"));
    symlinkSync(victim, join(d, "flips", "index.txt"));
    const r = await flips(d);
    expect(r.status).toBe(2);
    // a link is no earlier export's index: the folder is not replaced, nothing is written through it
    expect(r.stderr).toContain("holds files that are not an export");
    expect(readFileSync(victim, "utf8")).toBe("keep\n");
    expect(lstatSync(join(d, "flips", "index.txt")).isSymbolicLink()).toBe(true);
  });

  it("writes nothing into a folder of its naming planted as a link to elsewhere", async () => {
    const d = fresh();
    const elsewhere = `${d}-elsewhere`;
    mkdirSync(elsewhere);
    mkdirSync(join(d, "flips"));
    symlinkSync(elsewhere, join(d, "flips", "default-vs-tightened"));
    const r = await flips(d);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("holds files that are not an export");
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(join(d, "flips", "default-vs-tightened")).isSymbolicLink()).toBe(true);
  });
});

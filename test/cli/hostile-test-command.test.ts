// `credit-sim test` on hostile suites, in-process: a file with as many expectations as a list may hold,
// a golden trace edited on every line, strings that are no characters. Each is read and reported, or
// refused with a message (exit 2) — never an internal error, never a run that does not end.

import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { lineDiff, MAX_DIFFED_CHANGES } from "../../src/testing/line-diff.js";
import type { ExpectationReport } from "../../src/testing/report.js";
import { renderPretty } from "../../src/testing/reporters/pretty.js";
import { cli } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";
import { scenarioReport, testRun } from "../helpers/test-run.js";

/** A hang fails here, not at the suite's minute: each case takes seconds with its fix, minutes without. */
const HANG_GUARD_MS = 45_000;

const { fresh } = tempCases("hostile-test");

const SCENARIO = [
  "name: many expectations",
  "until: 40",
  "profile: { age: 30, monthlyIncome: 12000, verified: true, creditHistoryMonths: 48 }",
  "events:",
  "  - { day: 0, type: apply, product: open, amount: 5000 }",
  "  - { day: 3, type: purchase, amount: 200, merchant: JD }",
  "expect:",
].join("\n");

describe("as many expectations as a list may hold", () => {
  it("100,000 are each placed at their line (the lookup walked the list once per expectation)", {
    tags: ["slow"],
    timeout: HANG_GUARD_MS,
  }, async () => {
    const d = fresh();
    const count = 100_000;
    const items = Array.from({ length: count }, (_, i) =>
      i === 7 || i === count - 1 ? "  - { day: 0, status: suspended }" : "  - { day: 0, decision: approved }",
    );
    writeFileSync(join(d, "many.yaml"), `${SCENARIO}\n${items.join("\n")}\n`);
    const r = await cli(["test", "--no-snapshots", "many.yaml"], { cwd: d });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    // the `expect:` line is line 7: item i is on line 8 + i
    expect(r.stdout).toContain("many.yaml:15, expect[7], day 0");
    expect(r.stdout).toContain(`many.yaml:${8 + count - 1}, expect[${count - 1}], day 0`);
    expect(r.stdout).toMatch(/Expectations\s+99998 passed, 2 failed \(100000\)/);
  });

  it("the human report of a file whose every expectation failed is written, not a stack overflow", {
    tags: ["slow"],
  }, () => {
    // a failure's lines were spread into one call's arguments: ~10 lines × 100,000 failures overflowed
    const failed = (index: number): ExpectationReport => ({
      index,
      line: 8 + index,
      on: "huabei",
      day: 0,
      date: "2024-01-01",
      end: false,
      title: "day 0: status suspended",
      ok: false,
      checks: [{ field: "status", expected: "suspended", actual: "active", ok: false }],
      steps: [],
      nearest: null,
    });
    const expectations = Array.from({ length: 100_000 }, (_, i) => failed(i));
    const run = testRun([
      scenarioReport({ file: "many.yaml", name: "many", status: "failed", expectations }),
    ]);
    const text = renderPretty(run, new Chalk({ level: 0 }), (f) => `credit-sim test ${f}`);
    expect(text).toContain("many.yaml:100007, expect[99999], day 0 (2024-01-01)");
    expect(text.match(/✗ status {2}expected suspended/g)).toHaveLength(100_000);
  });
});

describe("a golden trace edited by hand", { tags: ["slow"] }, () => {
  it("on every line: the run ends, and says how much changed instead of diffing line by line", {
    timeout: HANG_GUARD_MS,
  }, async () => {
    // the line diff costs about lines × lines changed: a 3.6 MB trace edited on every line ran for hours
    const d = fresh();
    const events = Array.from(
      { length: 2200 },
      (_, i) => `  - { day: ${1 + 2 * i}, type: purchase, amount: 1, merchant: M${i} }`,
    );
    writeFileSync(
      join(d, "long.yaml"),
      `${SCENARIO.replace("until: 40", "until: 4500")}\n  - { day: 0, decision: approved }\n`.replace(
        "expect:",
        `${events.join("\n")}\nexpect:`,
      ),
    );
    expect((await cli(["test", "long.yaml"], { cwd: d, env: { CI: "" } })).status).toBe(0);
    const trace = join(d, "__snapshots__", "long.yaml.trace");
    const lines = readFileSync(trace, "utf8").trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(MAX_DIFFED_CHANGES);
    writeFileSync(trace, `${lines.map((l) => `${l} edited`).join("\n")}\n`);
    const r = await cli(["test", "long.yaml"], { cwd: d });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `more than ${MAX_DIFFED_CHANGES} lines changed, too many to show line by line; open the trace file to see all`,
    );
  });

  it("with a few lines changed, still shows them", () => {
    const before = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const after = before.map((l, i) => (i === 2500 ? `${l} edited` : l));
    expect(lineDiff(before.join("\n"), after.join("\n"))).toBe(
      [
        "@@ golden line 2500, now line 2500 @@",
        "  line 2499",
        "- line 2500",
        "+ line 2500 edited",
        "  line 2501",
      ].join("\n"),
    );
  });
});

describe("hostile folders", () => {
  it("a scenario nested past the longest path the system takes is said, not silently left out", async () => {
    // the search skipped a folder it could not list for any reason but permissions: a suite that passed
    // had never run the scenario deep inside it
    const d = fresh();
    const chain = (top: string) => join(top, ...Array<string>(600).fill("nest"));
    const deep = join(d, "suite", "deep");
    mkdirSync(chain(deep), { recursive: true });
    const scenario = `${SCENARIO}\n  - { day: 0, decision: approved }\n`;
    writeFileSync(join(chain(deep), "lost.yaml"), scenario);
    writeFileSync(join(d, "suite", "top.yaml"), scenario.replace("many expectations", "top"));
    // each path made is under the system's bound; together, one past it
    const far = chain(join(d, "suite", "far"));
    mkdirSync(far, { recursive: true });
    renameSync(deep, join(far, "deep"));
    try {
      const r = await cli(["test", "--no-snapshots", "suite"], { cwd: d });
      expect(r.stdout).toMatch(
        /\n {2}suite\/far\/nest\/(nest\/)+deep\/(nest\/)+nest: the folder cannot be read \(the name is too long\)\n/,
      );
      expect(r.stdout).toContain("hint:     its path is longer than the system allows");
      // the scenario the system can reach still runs: the folder is its own bad input, not the run's end
      expect(r.stdout).toContain(" ✓ suite/top.yaml › top (1 expectation)");
      expect(r.stdout).toMatch(/Scenarios\s+1 passed, 0 failed, 1 bad input \(2\)/);
      expect(r.status).toBe(2);
    } finally {
      // put back within the bound: rmSync cannot remove what lies past it
      renameSync(join(far, "deep"), deep);
    }
  });

  it.runIf(process.platform !== "win32")(
    "a pipe or a socket named like a scenario in a folder is that file's bad input, never opened",
    async () => {
      // the search listed regular files only: the folder passed with one scenario fewer, without a word
      const d = fresh();
      const suite = join(d, "suite");
      mkdirSync(suite);
      writeFileSync(join(suite, "top.yaml"), `${SCENARIO}\n  - { day: 0, decision: approved }\n`);
      execFileSync("mkfifo", [join(suite, "pipe.yaml")]);
      const socket = createServer().listen(join(suite, "sock.yml"));
      await once(socket, "listening");
      try {
        for (const paths of [["suite"], ["suite/*.y*ml"]]) {
          const r = await cli(["test", "--no-snapshots", ...paths], { cwd: d });
          expect(r.status).toBe(2);
          expect(r.stdout).toContain("suite/pipe.yaml: is a named pipe, not a scenario file");
          expect(r.stdout).toContain("name the pipe itself to read a scenario from it");
          expect(r.stdout).toContain("suite/sock.yml: is a socket, not a scenario file");
          expect(r.stdout).toMatch(/Scenarios\s+1 passed, 0 failed, 2 bad input \(3\)/);
        }
      } finally {
        socket.close();
      }
    },
  );
});

describe("a link in a searched folder", () => {
  it.runIf(process.platform !== "win32")(
    "is that file's bad input, never followed nor passed over; named itself, it runs",
    async () => {
      // links were skipped without a word: a suite of links ran nothing and passed
      const d = fresh();
      const suite = join(d, "suite");
      const elsewhere = join(d, "elsewhere");
      mkdirSync(suite);
      mkdirSync(elsewhere);
      const text = `${SCENARIO}\n  - { day: 0, decision: approved }\n`;
      writeFileSync(join(suite, "top.yaml"), text);
      writeFileSync(join(elsewhere, "far.yaml"), text);
      symlinkSync("../elsewhere/far.yaml", join(suite, "linked.yaml"));
      symlinkSync("nowhere.yaml", join(suite, "dangling.yml"));
      symlinkSync("../elsewhere", join(suite, "folder-link"));
      for (const paths of [["suite"], ["suite/*.y*ml"]]) {
        const r = await cli(["test", "--no-snapshots", ...paths], { cwd: d });
        expect(r.status).toBe(2);
        expect(r.stdout).toContain("suite/linked.yaml: is a symbolic link, not a scenario file");
        expect(r.stdout).toContain("suite/dangling.yml: is a symbolic link, not a scenario file");
        expect(r.stdout).toContain("or name the link itself to run it");
        expect(r.stdout).not.toContain("far.yaml");
        expect(r.stdout).toMatch(/Scenarios\s+1 passed, 0 failed, 2 bad input \(3\)/);
      }
      const named = await cli(["test", "--no-snapshots", "suite/linked.yaml"], { cwd: d });
      expect(named.status).toBe(0);
      expect(named.stdout).toMatch(/Scenarios\s+1 passed, 0 failed \(1\)/);
    },
  );
});

describe("a scenario read from a pipe", () => {
  it.runIf(process.platform !== "win32")(
    "has no golden trace: its expectations are checked, nothing is written beside the pipe (or into /dev)",
    async () => {
      // `test /dev/stdin` wrote /dev/__snapshots__/stdin.trace, `test <(…)` was bad input (it cannot
      // write in /dev/fd), and a named pipe got a trace of whatever was fed to it last
      const d = fresh();
      const text = `${SCENARIO}\n  - { day: 0, decision: approved }\n`;
      writeFileSync(join(d, "source.yaml"), text);
      execFileSync("mkfifo", [join(d, "pipe.yaml")]);
      for (const env of [{ CI: "" }, { CI: "true" }]) {
        const writer = spawn("sh", ["-c", "cat source.yaml > pipe.yaml"], { cwd: d });
        const written = once(writer, "exit");
        const r = await cli(["test", "pipe.yaml"], { cwd: d, env });
        await written;
        expect(r.status, r.stdout).toBe(0);
        expect(r.stdout).toMatch(/✓ pipe\.yaml › many expectations \(1 expectation\)/);
        expect(r.stderr).toContain(
          "pipe.yaml: no golden trace: it is read from a pipe or a device, not a file",
        );
        expect(readdirSync(d).sort()).toEqual(["pipe.yaml", "source.yaml"]);
      }
    },
  );
});

describe("names", () => {
  it("a scenario file whose golden trace's name would be too long is told to shorten it", async () => {
    // the trace is the file's name with .trace added: past 255 bytes no file can have it, and the hint
    // said to remove a file that was not there
    const d = fresh();
    const name = `${"a".repeat(250)}.yaml`;
    writeFileSync(join(d, name), `${SCENARIO}\n  - { day: 0, decision: approved }\n`);
    // as in any suite where another scenario has its golden trace
    mkdirSync(join(d, "__snapshots__"));
    for (const env of [{ CI: "" }, { CI: "true" }]) {
      const r = await cli(["test", name], { cwd: d, env });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(
        `__snapshots__/${name}.trace: the golden trace's name is too long for the system`,
      );
      expect(r.stdout).toContain("hint:     shorten the scenario file's name");
    }
  });
});

describe("scenario names that read the same", () => {
  // reports are keyed by the name they show (JUnit consumers merge two suites of one name): names that
  // differ only in what no report shows were two scenarios under one name
  it.each([
    ["a control character and its escape written out", '"Zhang\\x01Ming"', "'Zhang\\x01Ming'"],
    ["é as one character and as two", '"Caf\\u00e9"', '"Cafe\\u0301"'],
    ["a no-break space and a space", '"Zhang\\u00a0Ming"', '"Zhang Ming"'],
    ["a space more at the end", '"Zhang Ming "', '"Zhang Ming"'],
  ])("%s: the second is a duplicate", async (_what, first, second) => {
    const d = fresh();
    const passing = `${SCENARIO}\n  - { day: 0, decision: approved }\n`;
    writeFileSync(join(d, "a.yaml"), passing.replace("name: many expectations", `name: ${first}`));
    writeFileSync(join(d, "b.yaml"), passing.replace("name: many expectations", `name: ${second}`));
    const r = await cli(["test", "--no-snapshots", "."], { cwd: d });
    expect(r.stdout).toMatch(/b\.yaml: name: duplicate scenario name/);
    expect(r.stdout).toContain("also the name of a.yaml, as reports show it");
    expect(r.status).toBe(2);
  });

  it("names that look different stay apart", async () => {
    const d = fresh();
    const passing = `${SCENARIO}\n  - { day: 0, decision: approved }\n`;
    writeFileSync(join(d, "a.yaml"), passing.replace("name: many expectations", "name: Zhang Ming"));
    writeFileSync(join(d, "b.yaml"), passing.replace("name: many expectations", "name: zhang ming"));
    const r = await cli(["test", "--no-snapshots", "."], { cwd: d });
    expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed \(2\)/);
    expect(r.status).toBe(0);
  });
});

describe("strings that are no characters", () => {
  it("a name holding half a surrogate pair: its golden trace matches on the next run", async () => {
    // YAML's "\ud800" is half a pair: written as UTF-8 it read back as U+FFFD, and -u could never make
    // the trace match (the diff showed two lines that looked the same)
    const d = fresh();
    writeFileSync(
      join(d, "half.yaml"),
      `${SCENARIO.replace("name: many expectations", 'name: "half \\ud800 pair"')}\n  - { day: 0, decision: approved }\n`,
    );
    const first = await cli(["test", "half.yaml"], { cwd: d, env: { CI: "" } });
    expect(first.status).toBe(0);
    expect(readFileSync(join(d, "__snapshots__", "half.yaml.trace"), "utf8")).toContain(
      "# scenario: half \\ud800 pair\n",
    );
    const again = await cli(["test", "half.yaml"], { cwd: d });
    expect(again.stdout).toContain("✓ half.yaml › half \\ud800 pair (1 expectation)");
    expect(again.stdout).toMatch(/Golden traces\s+1 matched/);
    expect(again.status).toBe(0);
  });
});

describe("the commands a report suggests", () => {
  // a scenario's file name comes from a pull request: the reports suggested `credit-sim test FILE -u`
  // with FILE bare, so a file named `$(touch PWNED).yaml` ran `touch` in the shell of whoever pasted it
  it("quote a file name as one shell word: pasted, it names the file and runs nothing", async () => {
    const d = fresh();
    const names = ["$(touch PWNED).yaml", "a`touch PWNED`;b.yaml", "it's me.yaml"];
    const scenario = (amount: number) =>
      `name: NAME\nevents:\n  - { day: 0, type: apply, product: open, amount: ${amount} }\n`;
    const write = (amount: number) => {
      for (const [i, n] of names.entries())
        writeFileSync(join(d, n), scenario(amount).replace("NAME", `s${i}`));
    };
    const suggested: string[] = [];
    const suggestions = async (reporter: string, env: Record<string, string>) => {
      const r = await cli(["test", ".", "--reporter", reporter], { cwd: d, env });
      expect(r.status, reporter).toBe(1);
      // as a reader sees it: the XML and HTML reports write a quote and an ampersand as references
      const text = r.stdout.replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");
      const words = [...text.matchAll(/credit-sim test (?:-u )?(.+?\.yaml'?)(?: -u| locally)/g)].map(
        (m) => m[1]!,
      );
      expect(words, reporter).toHaveLength(names.length);
      suggested.push(...words);
    };
    // golden traces missing under CI, then changed
    write(5000);
    for (const reporter of ["pretty", "github", "junit"]) await suggestions(reporter, { CI: "true" });
    expect((await cli(["test", ".", "-u"], { cwd: d })).status).toBe(0);
    write(4000);
    for (const reporter of ["pretty", "github", "html"]) await suggestions(reporter, {});
    // what a shell makes of each word: the file's name, and nothing run
    const echoed = execFileSync("sh", ["-c", `printf '%s\\n' ${suggested.join(" ")}`], {
      cwd: d,
      encoding: "utf8",
    });
    expect(echoed.trim().split("\n").sort()).toEqual(names.flatMap((n) => Array(6).fill(n)).sort());
    expect(readdirSync(d)).not.toContain("PWNED");
    // explain's hint names the file it was given the same way
    const hint = (await cli(["explain", names[0]!], { cwd: d })).stderr;
    expect(hint).toContain("credit-sim explain '$(touch PWNED).yaml' --day N");
  });

  // `credit-sim test --output=pwn.yaml -u`, pasted, was no file at all: it updated every golden trace of
  // scenarios/ and wrote the report over pwn.yaml
  it("name a file that starts with a dash by its folder: pasted, it is the file, not an option", async () => {
    const d = fresh();
    const name = "--output=pwn.yaml";
    const write = (amount: number) =>
      writeFileSync(
        join(d, name),
        `name: dash\nevents:\n  - { day: 0, type: apply, product: open, amount: ${amount} }\n`,
      );
    write(5000);
    expect((await cli(["test", ".", "-u"], { cwd: d })).status).toBe(0);
    write(4000);
    const words: string[] = [];
    for (const reporter of ["pretty", "github", "html"]) {
      const r = await cli(["test", ".", "--reporter", reporter], { cwd: d });
      expect(r.status, reporter).toBe(1);
      const found = [...r.stdout.matchAll(/credit-sim test (\S+) -u/g)].map((m) => m[1]!);
      expect(found, reporter).toEqual([`./${name}`]);
      words.push(...found);
    }
    const hint = (await cli(["explain", name.replace("--", "./--")], { cwd: d })).stderr;
    expect(hint).toContain(`credit-sim explain ./${name} --day N`);
    // the suggestion, as a shell passes it on: the file tested, its trace updated, nothing else written
    const [word] = execFileSync("sh", ["-c", `printf '%s' ${words[0]}`], { cwd: d, encoding: "utf8" }).split(
      "\n",
    );
    const again = await cli(["test", word!, "-u"], { cwd: d });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${name} › dash`);
    expect(readdirSync(d)).not.toContain("pwn.yaml");
  });
});

// Every file output: `-` is standard output, OS errors are exit 2 with the path and the reason in words,
// links and devices are written through; command-line numbers bounded; deprecations on stderr. In-process
// (runCli); what only a process shows (a full stdout, a closed pipe, signals, a terminal's colour) is in
// test/e2e/outputs.test.ts.

import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT, spawnCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-outputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== "win32";
const leftovers = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));
const SMALL = ["simulate", "--accounts", "30", "--days", "60", "--no-progress"];
const LATE = join(ROOT, "test/fixtures/whatif/late-payer.yaml");
const here = { cwd: dir };

function noInternalError(r: { stderr: string }) {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |node:internal/);
}

describe("`-` is standard output for every file output", () => {
  it("simulate --csv -: the rows on stdout, the report on stderr, no file named -", async () => {
    const r = await cli([...SMALL, "--csv", "-"], here);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^index,persona,/);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(31);
    expect(r.stderr).toMatch(/Population: 30 accounts/);
    expect(existsSync(join(dir, "-"))).toBe(false);
  });

  it("simulate --csv - with --json is bad usage: both want stdout", async () => {
    const r = await cli([...SMALL, "--csv", "-", "--json"], here);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/both write to standard output/);
  });

  it("simulate --export-account N -o -", async () => {
    const r = await cli([...SMALL, "--export-account", "3", "-o", "-"], here);
    expect(r.status, r.stderr).toBe(0);
    // the scenario itself, on standard output (run outside the installation: no schema line, see
    // shared-documents.test.ts)
    expect(r.stdout).toMatch(/^# Account 3 of a credit-sim population/);
    expect(existsSync(join(dir, "-"))).toBe(false);
  });

  it("test --output - and --output-file json=-", async () => {
    const a = await cli(["test", "scenarios/good-customer.yaml", "--reporter", "junit", "--output", "-"]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/^<\?xml/);
    const b = await cli([
      "test",
      "scenarios/good-customer.yaml",
      "--reporter",
      "json",
      "--output-file",
      "json=-",
    ]);
    expect(JSON.parse(b.stdout).summary.scenarios.total).toBe(1);
  });

  it("whatif --save -: the variant on stdout (it loads), the comparison on stderr", async () => {
    const r = await cli(["whatif", LATE, "--remove", "1", "--save", "-", "--no-chart"], here);
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(join(dir, "variant.yaml"), r.stdout);
    expect((await cli(["run", "variant.yaml", "--json"], here)).status).toBe(0);
    expect(r.stderr).toMatch(/What-if: /);
  });
});

describe("operating-system errors on an output: exit 2, the path and the reason", () => {
  it("--csv onto a folder leaves nothing behind", async () => {
    mkdirSync(join(dir, "a-folder"));
    const r = await cli([...SMALL, "--csv", "a-folder"], here);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("credit-sim: a-folder: cannot write: it is a folder");
    noInternalError(r);
    expect(leftovers(dir)).toEqual([]);
  });

  it("--csv into a missing folder makes it, as every report does; a folder that cannot be made is an error", async () => {
    const made = await cli([...SMALL, "--csv", "no/such/rows.csv"], here);
    expect(made.status).toBe(0);
    expect(readFileSync(join(dir, "no/such/rows.csv"), "utf8")).toMatch(/^index,/);
    // (Node's recursive mkdir never returns here: the folders are made a level at a time)
    const r = await cli([...SMALL, "--csv", "/proc/credit-sim/rows.csv"], here);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/proc\/credit-sim\/rows\.csv: cannot write: no such file or folder/);
  });

  it.runIf(posix && existsSync("/dev/full"))("a full device", async () => {
    const r = await cli([...SMALL, "--csv", "/dev/full"], here);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/full: cannot write: no space left on the device/);
  });

  // A command's outputs are put in place together: one that fails at its write (a full disk, here a full
  // device) leaves every earlier target as it was, not replaced by a command that ends in an error.
  it.runIf(posix && existsSync("/dev/full")).each([
    [
      "simulate: --html on a full device leaves --csv's file as it was",
      "kept.csv",
      [...SMALL, "--csv", "kept.csv", "--force", "--html", "/dev/full"],
    ],
    [
      "whatif: --html on a full device leaves --save's file as it was",
      "kept.yaml",
      [
        "whatif",
        LATE,
        "--remove",
        "1",
        "--save",
        "kept.yaml",
        "--force",
        "--html",
        "/dev/full",
        "--no-chart",
      ],
    ],
    [
      "test: a report on a full device leaves the other report's file as it was",
      "kept.xml",
      [
        "test",
        "late.yaml",
        "--no-snapshots",
        "--reporter",
        "junit,json",
        "--output-file",
        "junit=kept.xml",
        "--output-file",
        "json=/dev/full",
        "--force",
      ],
    ],
  ])("%s", async (_title, kept, args) => {
    writeFileSync(join(dir, kept), "earlier\n");
    writeFileSync(join(dir, "late.yaml"), readFileSync(LATE));
    const r = await cli(args, here);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/full: cannot write: no space left on the device/);
    expect(readFileSync(join(dir, kept), "utf8")).toBe("earlier\n");
    expect(leftovers(dir)).toEqual([]);
  });

  // what goes to standard output alongside prints only once every file is in place: a command that fails
  // at a file prints nothing it would have written (a variant, a passing report), only the error
  it.runIf(posix && existsSync("/dev/full"))(
    "whatif --save - and test's report on stdout print nothing when a file cannot be written",
    async () => {
      const saved = await cli(
        ["whatif", LATE, "--remove", "1", "--save", "-", "--html", "/dev/full", "--no-chart"],
        here,
      );
      expect(saved.status).toBe(2);
      expect(saved.stderr).toMatch(/\/dev\/full: cannot write: no space left on the device/);
      expect(saved.stdout).toBe("");
      writeFileSync(join(dir, "late.yaml"), readFileSync(LATE));
      const tested = await cli(
        [
          "test",
          "late.yaml",
          "--no-snapshots",
          "--reporter",
          "pretty,json",
          "--output-file",
          "json=/dev/full",
        ],
        here,
      );
      expect(tested.status).toBe(2);
      expect(tested.stderr).toMatch(/\/dev\/full: cannot write: no space left on the device/);
      expect(tested.stdout).toBe("");
    },
  );

  it.runIf(posix)(
    "a named pipe whose reader goes away before the page is whole is said, exit 2",
    async (ctx) => {
      // it was a quiet end, exit 0, as a reader of standard output going away is: the page not delivered,
      // and the trace standard output still had a reader for never printed
      const fifo = join(dir, "page.fifo");
      if (spawnSync("mkfifo", [fifo]).status !== 0) ctx.skip("mkfifo is not available");
      // the writer meets the gone reader only past what the pipe holds (64 KiB on Linux): a smaller page
      // would be written whole and the test pass without the case it is for
      expect((await cli(["run", LATE, "--no-chart", "--html", "page.html"], here)).status).toBe(0);
      expect(statSync(join(dir, "page.html")).size).toBeGreaterThan(64 * 1024);
      const reader = spawn("sh", ["-c", `head -c 10 < '${fifo}' > /dev/null`], { stdio: "ignore" });
      const gone = once(reader, "close");
      const r = await cli(["run", LATE, "--no-chart", "--html", "page.fifo"], here);
      await gone;
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/page\.fifo: cannot write: the pipe's reader went away/);
      expect(r.stderr).not.toMatch(/wrote page\.fifo/);
    },
  );

  it.runIf(posix)("a link to a device is written through and stays a link", async () => {
    const link = join(dir, "rows-link.csv");
    symlinkSync("/dev/null", link);
    const r = await cli([...SMALL, "--csv", "rows-link.csv"], here);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe("numbers on the command line", () => {
  it("--workers is clamped to the cores and said so in --help; at least 1", async () => {
    // threads start from the build: a process
    expect(spawnCli([...SMALL, "--workers", "256", "--json"], here).status).toBe(0);
    const zero = await cli([...SMALL, "--workers", "0"], here);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/--workers: 0 is too small/);
    expect((await cli(["simulate", "--help"])).stdout).toMatch(/clamped/);
    expect((await cli(["test", "--help"])).stdout).toMatch(/clamped/);
  });

  it("population seeds past 2^53 are refused, as a merged document's are", async () => {
    const r = await cli([...SMALL, "--seed", "9007199254740993"], here);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--seed: 9007199254740993 is too large/);
    expect((await cli([...SMALL, "--seed", "9007199254740991", "--json"], here)).status).toBe(0);
  });

  it("what-if ranges are bounded by the events there are", async () => {
    const r = await cli(["whatif", LATE, "--remove", "1-9999999999"], here);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no event #9999999999: the events are numbered 1–\d+/);
  });
});

describe("deprecations", () => {
  it("a scenario's seed: one warning line on stderr (run, test, whatif), and it runs", async () => {
    writeFileSync(
      join(dir, "seeded.yaml"),
      "name: seeded\nseed: 9\nevents: []\nexpect:\n  - { end: true, status: none }\n",
    );
    for (const args of [
      ["run", "seeded.yaml", "--json"],
      ["test", "seeded.yaml", "--no-snapshots"],
      ["whatif", "seeded.yaml", "--list"],
    ]) {
      const r = await cli(args, here);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe(
        "credit-sim: warning: seeded.yaml:2:1: seed: deprecated and ignored: a scenario is deterministic, so its seed changes nothing; remove the line\n",
      );
    }
  });
});

describe("one rule for a report's file: an earlier report of its kind is replaced, a user's file only with --force", () => {
  // `simulate --csv notes.csv` replaced a user's file without a word, where --flips and -o asked for --force
  const GOOD = join(ROOT, "scenarios/good-customer.yaml");
  const MERGED = ["--accounts", "20", "--days", "30", "--no-progress"];
  const cases: [string, (f: string) => string[]][] = [
    ["run --html", (f) => ["run", GOOD, "--html", f]],
    ["whatif --html", (f) => ["whatif", LATE, "--set", "minScore=600", "--html", f]],
    ["simulate --html", (f) => ["simulate", ...MERGED, "--html", f]],
    ["simulate --csv", (f) => ["simulate", ...MERGED, "--csv", f]],
  ];
  it.each(cases)("%s", async (what, args) => {
    const d = mkdtempSync(join(dir, "replace-"));
    const file = join(d, "mine.txt");
    writeFileSync(file, "my notes\n");
    const refused = await cli(args(file), { cwd: d });
    expect(refused.status, what).toBe(2);
    expect(refused.stderr).toMatch(/cannot write: a file that is not a credit-sim (page|CSV) is there/);
    expect(refused.stderr).toMatch(/add --force to replace the file/);
    expect(readFileSync(file, "utf8")).toBe("my notes\n");
    // with --force it is replaced; then the report is credit-sim's, and the next run replaces it unasked
    expect((await cli([...args(file), "--force"], { cwd: d })).status, what).toBe(0);
    expect(readFileSync(file, "utf8")).not.toBe("my notes\n");
    expect((await cli(args(file), { cwd: d })).status, what).toBe(0);
    // an empty file (what mktemp makes) holds nothing to lose
    const empty = join(d, "empty.out");
    writeFileSync(empty, "");
    expect((await cli(args(empty), { cwd: d })).status, what).toBe(0);
  });

  it("merge --html the same", async () => {
    const d = mkdtempSync(join(dir, "replace-merge-"));
    const shard = await cli(["simulate", ...MERGED, "--shard", "1/1", "--json"], { cwd: d });
    writeFileSync(join(d, "s.json"), shard.stdout);
    writeFileSync(join(d, "mine.html"), "<p>mine</p>\n");
    const refused = await cli(["merge", "s.json", "--html", "mine.html"], { cwd: d });
    expect(refused.status).toBe(2);
    expect(readFileSync(join(d, "mine.html"), "utf8")).toBe("<p>mine</p>\n");
    expect((await cli(["merge", "s.json", "--html", "mine.html", "--force"], { cwd: d })).status).toBe(0);
  });

  it("--force goes with a file to replace", async () => {
    expect((await cli(["run", join(ROOT, "scenarios/good-customer.yaml"), "--force"])).stderr).toMatch(
      /--force goes with --html FILE/,
    );
  });

  // `test --reporter junit --output-file junit=scenarios/zhang-ming.yaml` replaced any file, a scenario too
  const FAILING = join(ROOT, "test/fixtures/test-command/fail/mixed.yaml");
  it.each(["pretty", "json", "junit", "github", "html"])("test --reporter %s --output", async (reporter) => {
    const d = mkdtempSync(join(dir, `replace-test-${reporter}-`));
    const args = (f: string, ...more: string[]) => [
      "test",
      GOOD,
      FAILING,
      "--no-snapshots",
      "--reporter",
      reporter,
      "--output",
      f,
      ...more,
    ];
    const file = join(d, "mine.txt");
    writeFileSync(file, "my notes\n");
    const refused = await cli(args(file), { cwd: d });
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/cannot write: a file that is not a credit-sim .+ is there/);
    expect(refused.stderr).toMatch(/add --force to replace the file/);
    // refused before any test ran: no report of a scenario's result
    expect(refused.stderr + refused.stdout).not.toMatch(/Zhang|good-customer|passed/);
    expect(readFileSync(file, "utf8")).toBe("my notes\n");
    // with --force it is replaced; then the report is credit-sim's, and the next run replaces it unasked
    expect((await cli(args(file, "--force"), { cwd: d })).status).toBe(1);
    const first = readFileSync(file, "utf8");
    expect(first).not.toBe("my notes\n");
    expect((await cli(args(file), { cwd: d })).status).toBe(1);
    // another reporter's report is not this one's
    const empty = join(d, "empty.out");
    writeFileSync(empty, "");
    expect((await cli(args(empty), { cwd: d })).status).toBe(1);
    // passing (github writes nothing then): the empty file it left is replaced the same
    const passed = ["test", GOOD, "--no-snapshots", "--reporter", reporter, "--output", empty];
    expect((await cli(passed, { cwd: d })).status).toBe(0);
    expect((await cli(passed, { cwd: d })).status).toBe(0);
  });

  it("test: each reporter knows only its own report; every file checked before anything is written", async () => {
    const d = mkdtempSync(join(dir, "replace-test-kinds-"));
    const base = ["test", GOOD, FAILING, "--no-snapshots"];
    const made = await cli(
      [...base, "--reporter", "junit,json", "--output-file", "junit=r.xml,json=r.json"],
      { cwd: d },
    );
    expect(made.status, made.stderr).toBe(1);
    const xml = readFileSync(join(d, "r.xml"), "utf8");
    // the JUnit report is refused as the JSON report's file, and nothing else is written
    const swapped = await cli(
      [...base, "--reporter", "junit,json", "--output-file", "junit=r.json,json=r.xml"],
      { cwd: d },
    );
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toMatch(/not a credit-sim JUnit report/);
    expect(swapped.stderr).toMatch(/not a credit-sim JSON report/);
    expect(readFileSync(join(d, "r.xml"), "utf8")).toBe(xml);
    // one refused file stops the others being written
    writeFileSync(join(d, "scenario.yaml"), "name: mine\n");
    const one = await cli(
      [...base, "--reporter", "junit,json", "--output-file", "junit=new.xml,json=scenario.yaml"],
      { cwd: d },
    );
    expect(one.status).toBe(2);
    expect(existsSync(join(d, "new.xml"))).toBe(false);
    expect(readFileSync(join(d, "scenario.yaml"), "utf8")).toBe("name: mine\n");
    expect((await cli(["test", GOOD, "--force"])).stderr).toMatch(/--force goes with --output/);
  });
});

// `simulate`, `personas` and `merge` in-process: the same bytes for any shard split, exports that replay,
// and exit 2 with a clear message for bad input. test/e2e/workers.test.ts runs them in worker threads and
// test/e2e/tty.test.ts under a terminal (the progress bar).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run-cli.js";
import { simulate } from "../../src/engine/index.js";
import { loadScenario } from "../../src/scenario/load.js";
import { cli, ROOT } from "../helpers/cli.js";

const TINY = "test/fixtures/population/tiny.yaml";
const POP = [TINY, "stretched", "profile-changer", "--accounts", "60", "--days", "200", "--seed", "3"];
const tmp = mkdtempSync(join(tmpdir(), "credit-sim-pop-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ok = async (args: string[]) => {
  const r = await cli(args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};

/** The run the shards split and the page compares: the population against `tightened` from day 90. */
const CHALLENGER_RUN = ["simulate", ...POP, "--challenger", "tightened", "--challenger-from", "90"];
/** Shard `i` of 3 as CI runs it: on worker threads, its document on standard output. */
const shardRun = (i: number) => [...CHALLENGER_RUN, "--shard", `${i}/3`, "--workers", "2", "--json"];
let shardFiles: Promise<string[]> | undefined;
/** The three shards' documents, written once for the tests that merge them (without --workers: the
 *  documents do not hold the arguments). */
const challengerShards = () =>
  (shardFiles ??= (async () => {
    const files: string[] = [];
    for (const i of [1, 2, 3]) {
      const file = join(tmp, `shard${i}.json`);
      writeFileSync(
        file,
        await ok(shardRun(i).filter((a, k, all) => a !== "--workers" && all[k - 1] !== "--workers")),
      );
      files.push(file);
    }
    return files;
  })());

describe("credit-sim simulate", () => {
  it("3 shards merged equal the unsharded run, byte for byte", { tags: ["slow"] }, async () => {
    const whole = await ok([...CHALLENGER_RUN, "--json"]);
    const files = await challengerShards();
    expect(await ok(["merge", files[2]!, files[0]!, files[1]!, "--json"])).toBe(whole);
    const report = await ok(["merge", ...files]);
    expect(report).toContain("Population: 60 accounts × 200 days");
    // the same text as the unsharded run's, but for how to export an account: the shards' command. That
    // run writes its page too (compared with the merged page below; --html - is terminal-safety's)
    const pageFile = join(tmp, "challenger.html");
    const unsharded = await cli([...CHALLENGER_RUN, "--html", pageFile]);
    expect(unsharded.stderr).toBe(`wrote ${pageFile}\n`);
    expect(unsharded.status).toBe(0);
    const text = unsharded.stdout;
    const hint = /^ {2}export one as scenarios: .*$/m;
    expect(report.replace(hint, "")).toBe(text.replace(hint, ""));
    expect(report).toMatch(
      /export one as scenarios: the shards' simulate command without --shard, --workers and --json, with --export-account \d+ \[--arm challenger\]/,
    );
    expect(report).toContain("95 % interval");
    // an interval that excludes 0 is marked with *, not only coloured (no colour here)
    const rows = report
      .split("\n")
      .filter((l) => !l.startsWith(" ") && /\[−?[\d.]+, −?[\d.]+\]( pp)?( \*)?$/.test(l));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const [lo, hi] = /\[(−?[\d.]+), (−?[\d.]+)\]/
        .exec(row)!
        .slice(1)
        .map((x) => Number(x.replace("−", "-")));
      expect(row.endsWith(" *"), row).toBe(lo! > 0 || hi! < 0);
    }
    // --html: the unsharded run's page, but for the same hint (the shards' command is not in their files)
    const page = readFileSync(pageFile, "utf8");
    const merged = join(tmp, "merged.html");
    const m = await cli(["merge", ...files, "--html", merged]);
    expect(m.status).toBe(0);
    expect(m.stderr).toBe(`wrote ${merged}\n`);
    expect(m.stdout).toBe(report);
    const mergedPage = readFileSync(merged, "utf8");
    const replay = /<p class="note"[^>]*>Replay one: .*?<\/p>/;
    expect(mergedPage).toMatch(
      /Replay one: the shards&#39; simulate command without --shard, --workers and --json, with <code><span class="nw">--export-account<\/span> <span class="nw">\d+<\/span> <span class="nw">\[--arm<\/span> <span class="nw">challenger\]<\/span><\/code>/,
    );
    expect(mergedPage.replace(replay, "")).toBe(page.replace(replay, ""));
    expect(mergedPage.replace(replay, "")).not.toBe(mergedPage);
    expect(await ok(["merge", ...files, "--html", "-"])).toBe(mergedPage);
    // never over a shard it reads, nor on standard output beside --json: refused before anything is written
    const shard = readFileSync(files[0]!, "utf8");
    const over = await cli(["merge", ...files, "--html", files[0]!]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/--html: the output would replace a file this command reads/);
    expect(readFileSync(files[0]!, "utf8")).toBe(shard);
    const both = await cli(["merge", ...files, "--html", "-", "--json"]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/two outputs write to standard output/);
    expect(both.stdout).toBe("");
    const missing = await cli(["merge", files[0]!, files[2]!]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/shard is missing/);
    // the last shard missing: no gap between the files, but the population is not whole
    const partial = await cli(["merge", files[0]!, files[1]!]);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/shard is missing[\s\S]*no file covers accounts/);
  });

  it("the merged report's export hint, followed on a shard's command line, exports an account", async () => {
    // the shards of the test above, and the first one's command line as CI runs it (shardRun)
    const hint = /the shards' simulate command without (.+?), with (--export-account) (\d+)/.exec(
      await ok(["merge", ...(await challengerShards())]),
    );
    expect(hint).not.toBeNull();
    // what the hint says to leave out, each option with its value
    const without = hint![1]!.split(/, | and /);
    const kept = shardRun(1).filter(
      (a, k, all) => !without.includes(a) && !(without.includes(all[k - 1]!) && !a.startsWith("--")),
    );
    const exported = await ok([...kept, hint![2]!, hint![3]!]);
    expect(exported).toMatch(/^events:/m);
  });

  it("a sweep: shards merged equal the unsharded run; the frontier, the chart and the JSON variants", {
    tags: ["slow"],
  }, async () => {
    const SWEEP = ["--sweep", "minOpenScore=700..860:80", "--sweep", "maxApplications30d=1..2:1"];
    // the unsharded run once: its document on stdout, its page beside it (compared with the merged page)
    const pageFile = join(tmp, "sweep.html");
    const run = await cli(["simulate", ...POP, ...SWEEP, "--json", "--html", pageFile]);
    expect(run.stderr).toBe(`wrote ${pageFile}\n`);
    expect(run.status).toBe(0);
    const whole = run.stdout;
    const files: string[] = [];
    for (const i of [1, 2]) {
      const file = join(tmp, `sweep${i}.json`);
      writeFileSync(file, await ok(["simulate", ...POP, ...SWEEP, "--shard", `${i}/2`, "--json"]));
      files.push(file);
    }
    expect(await ok(["merge", files[1]!, files[0]!, "--json"])).toBe(whole);
    const doc = JSON.parse(whole);
    // the grid: the first axis varies slowest
    expect(doc.variants.map((v: { params: unknown }) => v.params)).toEqual([
      { minOpenScore: 700, maxApplications30d: 1 },
      { minOpenScore: 700, maxApplications30d: 2 },
      { minOpenScore: 780, maxApplications30d: 1 },
      { minOpenScore: 780, maxApplications30d: 2 },
      { minOpenScore: 860, maxApplications30d: 1 },
      { minOpenScore: 860, maxApplications30d: 2 },
    ]);
    for (const v of doc.variants) {
      expect(v.metrics.approvalRate).toBeGreaterThanOrEqual(0);
      expect(v.metrics.approvalRate).toBeLessThanOrEqual(1);
      expect(typeof v.dominated).toBe("boolean");
    }
    // the same maxApplications30d, a tighter minOpenScore: never more approvals
    expect(doc.variants[4].metrics.approvalRate).toBeLessThanOrEqual(doc.variants[0].metrics.approvalRate);
    const report = await ok(["merge", ...files]);
    expect(report).toMatch(/Sweep: 6 variants of default/);
    expect(report).toContain("Approval rate against bad rate");
    expect(report).toMatch(/Why neighbouring variants differ/);
    // --no-chart leaves out every chart, the sweep's too, and nothing else
    const bare = await ok(["merge", ...files, "--no-chart"]);
    expect(bare).not.toContain("Approval rate against bad rate");
    expect(bare).not.toMatch(/Median score over time/);
    expect(bare).toMatch(/Sweep: 6 variants of default/);
    expect(bare).toMatch(/Why neighbouring variants differ/);
    // the page too: the unsharded run's, but for how to replay an account (under the flip groups)
    const page = readFileSync(pageFile, "utf8");
    const merged = await ok(["merge", ...files, "--html", "-"]);
    const replay = /<p class="note"[^>]*>Replay one: .*?<\/p>/;
    expect(merged).toMatch(/Why neighbouring variants differ/);
    expect(merged).toMatch(/Replay one: the shards&#39; simulate command/);
    expect(merged.replace(replay, "")).toBe(page.replace(replay, ""));
  });

  it("--csv - whose reader goes away (`| head -1`) ends at the first chunk's rows, quietly, not after the population", async () => {
    // the first chunk was a sixth of the population (up to 2,000 accounts) before the rows were written
    const writes: string[] = [];
    const stdout = {
      destroyed: false,
      write(text: string) {
        writes.push(text);
        // the reader reads the header and goes: the next write fails (EPIPE), and the stream is destroyed
        if (writes.length > 1) this.destroyed = true;
        return true;
      },
    };
    let stderr = "";
    const io: CliIo = {
      stdout,
      stderr: {
        write: (text: string) => {
          stderr += text;
        },
      },
      stdinIsTTY: false,
      env: { ...process.env, NO_COLOR: "1", CI: "true" },
      cwd: ROOT,
    };
    const status = await runCli(["simulate", "--accounts", "100000", "--days", "30", "--csv", "-"], io);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^index,persona,/);
    expect(writes[1]!.trimEnd().split("\n")).toHaveLength(20);
  });

  it("one account over one day is said in the singular, in the report and on the page", async () => {
    const args = ["simulate", TINY, "--accounts", "1", "--days", "1"];
    expect(await ok(args)).toMatch(/^Population: 1 account × 1 day from 2024-01-01, seed 1$/m);
    const page = await ok([...args, "--html", "-"]);
    expect(page).toContain("1 synthetic account from 1 persona (tiny), 1 day each from 2024-01-01.");
    expect(page).not.toMatch(/\b1 days\b/);
  });

  it("a sweep of one value is one variant, in the report and on the page", async () => {
    const args = ["simulate", TINY, "--accounts", "20", "--days", "40", "--sweep", "minScore=640..640:10"];
    expect(await ok(args)).toMatch(/^Sweep: 1 variant of default, on the same 20 accounts$/m);
    expect(await ok([...args, "--html", "-"])).toContain("Sweep of minScore on default: 1 variant<");
  });

  it("--challenger-set: a regulator's new minimum from a day on suspends accounts citing the policy", async () => {
    const doc = JSON.parse(
      await ok(["simulate", ...POP, "--challenger-set", "minScore=760", "--challenger-from", "60", "--json"]),
    );
    expect(doc.meta.challenger.name).toBe("default + minScore=760");
    const all = doc.summary.groups.at(-1);
    const policy = all.differences.find((d: { metric: string }) => d.metric === "suspendedPolicy");
    expect(policy.champion).toBe(0);
    expect(policy.challenger).toBeGreaterThan(0);
    expect(policy.ci95[0]).toBeGreaterThan(0);
    // the challenger arm of an account exports as a file with the policy event, and replays
    const file = join(tmp, "set-arm.yaml");
    await ok([
      "simulate",
      ...POP,
      "--challenger-set",
      "minScore=760",
      "--challenger-from",
      "60",
      "--export-account",
      "5",
      "--arm",
      "challenger",
      "-o",
      file,
    ]);
    expect(readFileSync(file, "utf8")).toMatch(/type: policy, set: \{ minScore: 760 \}/);
    expect(await (await ok(["run", file, "--json"])).length).toBeGreaterThan(0);
  });

  it("--challenger-set takes one value: the persona named after it is simulated", async () => {
    const args = ["simulate", "--accounts", "10", "--days", "60", "--challenger-set", "minScore=650"];
    const doc = JSON.parse(await ok([...args, "stretched", "--json"]));
    expect(doc.meta.personas.map((p: { name: string }) => p.name)).toEqual(["stretched"]);
    expect(doc.meta.challenger.name).toBe("default + minScore=650");
  });

  it("prints the report: per persona and overall, score histogram and chart", async () => {
    const out = await ok(["simulate", ...POP]);
    for (const text of [
      "Outcomes under default",
      "tiny",
      "(all)",
      "Score at day 199",
      "Median score over time",
      "penalty income",
    ]) {
      expect(out).toContain(text);
    }
  });

  it("an exported account runs to the outcome it had in the population (CSV row)", async () => {
    const csvFile = join(tmp, "accounts.csv");
    await ok(["simulate", ...POP, "--csv", csvFile]);
    const [header, ...rows] = readFileSync(csvFile, "utf8").trim().split("\n");
    expect(rows).toHaveLength(60);
    const cols = header!.split(",");
    for (const n of [0, 17, 42]) {
      const row = rows[n]!.split(",");
      const field = (name: string) => row[cols.indexOf(name)];
      const file = join(tmp, `account-${n}.yaml`);
      await ok(["simulate", ...POP, "--export-account", String(n), "-o", file]);
      // `run` reads the file; its trace ends where the population's account ended
      const steps = (await ok(["run", file, "--json"]))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(steps[steps.length - 1].status).toBe(field("status"));
      const { final } = simulate(loadScenario(file).scenario);
      expect(String(final.score)).toBe(field("score"));
      expect(final.status).toBe(field("status"));
      expect((final.balance / 100).toFixed(2)).toBe(field("balance"));
      expect((final.limit / 100).toFixed(2)).toBe(field("limit"));
      expect((final.charges / 100).toFixed(2)).toBe(field("charges"));
    }
    // never overwrites
    const again = await cli(["simulate", ...POP, "--export-account", "0", "-o", join(tmp, "account-0.yaml")]);
    expect(again.status).toBe(2);
  });

  it("exports the largest groups of flipped decisions as scenario pairs, by the rule that flipped them", async () => {
    const dir = join(tmp, "flips");
    // seed 5: a population whose largest groups include two declines for different reasons (seed 3's no
    // longer do once a few months of history elsewhere are a thin file)
    const pop = [...POP.slice(0, -1), "5"];
    const report = await ok(["simulate", ...pop, "--challenger", "tightened", "--flips", dir]);
    // the report says where they went, not how to export one
    expect(report).toMatch(
      /^ {2}exported as scenarios: \d+ files in .*flips \(its index\.txt lists them\)$/m,
    );
    expect(report).not.toContain("export one as scenarios");
    const index = readFileSync(join(dir, "index.txt"), "utf8");
    expect(index).toMatch(/default vs tightened: \d+ accounts? decided otherwise/);
    // a group: "<count> × <event>: <decision> → <decision>, by <REASON_CODE> …"
    expect(index).toMatch(/\d+ × \w+: \w+ → [\w ]+, by [A-Z_0-9]+/);
    const files = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".yaml"))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    // every file sits in default-vs-tightened/<rank>-<CODE>/ and comes in pairs, one per arm
    for (const f of files)
      expect(f).toMatch(
        /^default-vs-tightened[\\/]\d+-[A-Z_0-9]+[\\/]account-\d+\.(default|tightened)\.yaml$/,
      );
    // a group's folder is named after the rule that flipped it: when both arms decided alike for
    // different reasons, the one whose parameter tightened sets otherwise (its file's keys), else the
    // second's — here 'declined by INCREASE_TOO_SOON (increaseCooldownDays) → declined by
    // TOO_MANY_APPLICATIONS (maxApplications30d)': tightened lowers the application cap
    const tightens = new Set(
      [...readFileSync("policies/tightened.yaml", "utf8").matchAll(/^(\w+):/gm)].map((m) => m[1]!),
    );
    const alike = /^ {2}\d+ × apply: declined by (\w+) \((\w+)\) → declined by (\w+) \((\w+)\)/m.exec(index);
    expect(alike).not.toBeNull();
    const [, first, firstParam, second, secondParam] = alike!;
    const filed = tightens.has(firstParam!) && !tightens.has(secondParam!) ? first : second;
    const after = index.slice(alike!.index).split("\n")[1]!;
    expect(after).toMatch(new RegExp(`^ {4}default-vs-tightened[\\\\/]\\d+-${filed}[\\\\/]`));
    expect(files.filter((f) => f.endsWith(".tightened.yaml")).length).toBe(
      files.filter((f) => f.endsWith(".default.yaml")).length,
    );
    for (const f of files.slice(0, 4))
      expect((await ok(["run", join(dir, f), "--json"])).length).toBeGreaterThan(0);
    // a pair's two files load together: each scenario's name says its arm's policy
    const pair = files.find((f) => f.endsWith(".default.yaml"))!;
    await ok(["run", join(dir, pair), join(dir, pair.replace(/default\.yaml$/, "tightened.yaml")), "--json"]);
    expect(readFileSync(join(dir, pair), "utf8")).toMatch(/^name: "?[\w-]+-\d+ \(default\)"?$/m);
    const tested = await cli(["test", dir, "--no-snapshots"]);
    expect(tested.stderr).toBe("");
    expect(tested.status).toBe(0);
  });

  it("a sweep's exported flips are filed under the rule whose parameter moved, loosened or not", async () => {
    // a higher application cap turns 'declined by TOO_MANY_APPLICATIONS' into a decline by another rule
    // (INCREASE_TOO_SOON, RECENT_MISSED_PAYMENT) that no variant moved: the cap flipped it, not the
    // cooldown — these were filed under the second variant's rule
    const dir = join(tmp, "sweep-cap-flips");
    await ok(["simulate", ...POP, "--sweep", "maxApplications30d=1..3:1", "--flips", dir]);
    const index = readFileSync(join(dir, "index.txt"), "utf8");
    const alike = [
      ...index.matchAll(/^ {2}\d+ × apply: declined by TOO_MANY_APPLICATIONS .* → declined by (\w+)/gm),
    ];
    expect(alike.length).toBeGreaterThan(1);
    for (const group of alike) {
      expect(group[1]).not.toBe("TOO_MANY_APPLICATIONS");
      const after = index.slice(group.index).split("\n")[1]!;
      expect(after).toMatch(/^ {4}variant-\d-vs-variant-\d[\\/]\d+-TOO_MANY_APPLICATIONS[\\/]/);
    }
  });

  it("a sweep's exported flips load together too: a variant in two pairs is named for each", async () => {
    const dir = join(tmp, "sweep-flips");
    await ok(["simulate", ...POP, "--sweep", "minScore=600..700:50", "--flips", dir]);
    const tested = await cli(["test", dir, "--no-snapshots"]);
    expect(tested.stderr).toBe("");
    expect(tested.stdout).toMatch(/\(variant 2: minScore=650; variant-1 vs variant-2\)/);
    expect(tested.status).toBe(0);
  });

  it("reports every bad persona and policy file at once, not the first alone", async () => {
    const steady = readFileSync("personas/steady-payer.yaml", "utf8");
    const nan = join(tmp, "nan.yaml");
    const neg = join(tmp, "neg.yaml");
    writeFileSync(nan, steady.replace(/^share: [\d.]+/m, "share: .nan"));
    writeFileSync(neg, steady.replace(/^share: [\d.]+/m, "share: -1").replace(/^name: .*/m, "name: neg"));
    const r = await cli([
      "simulate",
      nan,
      neg,
      "--accounts",
      "5",
      "--policy",
      "defualt",
      "--challenger",
      "tightend",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nan\.yaml:\d+:\d+: share/);
    expect(r.stderr).toMatch(/neg\.yaml:\d+:\d+: share: value out of range/);
    // each said as its option's, as run and whatif say --policy's: which of the two was meant
    expect(r.stderr).toContain('credit-sim: --policy: unknown policy "defualt"');
    expect(r.stderr).toContain('credit-sim: --challenger: unknown policy "tightend"');
    expect(r.stderr).toContain("4 problems");
  });

  it("a population whose totals would pass 256 MB is refused before it runs (a century's sweep ran out of memory or wrote a --json too long for a string)", async () => {
    const r = await cli([
      "simulate",
      "--accounts",
      "1",
      "--days",
      "36500",
      "--sweep",
      "minOpenScore=350..845:5",
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^credit-sim: the population's totals would be too large\n/);
    expect(r.stderr).toContain("found:    3040 MB: 5 personas × 101 policy arms × 36500 days");
  }, 20_000);

  it("a sweep whose variants make no policy is refused before it runs, each such variant named; a --challenger-set too", async () => {
    const r = await cli([
      "simulate",
      TINY,
      "--accounts",
      "5",
      "--sweep",
      "statementDayOfMonth=26..28:1",
      "--sweep",
      "dueDayOfMonth=27..28:1",
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter((l) => l.startsWith("credit-sim: "))).toEqual([
      "credit-sim: --sweep: variant 3 (statementDayOfMonth=27, dueDayOfMonth=27): a bill would fall due on or after the next statement",
      "credit-sim: --sweep: variant 6 (statementDayOfMonth=28, dueDayOfMonth=28): a bill would fall due on or after the next statement",
      "credit-sim: 2 problems",
    ]);
    // the 28th and the 27th: due the next month, before its statement
    expect(r.stderr).toContain("hint:     with statements on the 28th, a due day on the 1st–27th");
    const set = await cli([
      "simulate",
      TINY,
      "--accounts",
      "5",
      "--challenger-set",
      "statementDayOfMonth=10",
    ]);
    expect(set.status).toBe(2);
    expect(set.stderr).toMatch(
      /^credit-sim: --challenger-set: a bill would fall due on or after the next statement\n[\s\S]*\(dueDayOfMonth of policy default\)\n/,
    );
  });

  it("a penalty below the interest it replaces runs with a warning, as `run` gives it: a policy file's, --challenger-set's, each --sweep variant's", async () => {
    const text = "name: cheap\nextends: default\npenaltyRatePerDay: 0.0001\n";
    writeFileSync(join(tmp, "cheap.yaml"), text);
    const base = ["simulate", TINY, "--accounts", "5", "--days", "40", "--json"];
    const warnings = async (args: string[]) => {
      const r = await cli([...base, ...args]);
      expect(r.status).toBe(0);
      // the document is whole: the warnings are stderr's
      expect(JSON.parse(r.stdout).format).toMatch(/^credit-sim\/population@/);
      return r.stderr.split("\n").filter((l) => l !== "");
    };
    const huabei = (found: string, fix: string) =>
      `a penalty below the interest it replaces: a missed Huabei bill bears less a day, yuan for yuan, than one whose minimum is paid and the rest revolved: ${found}; set penaltyRatePerDay to 0.0005 or more, or revolvingRatePerDay to ${fix} or less`;
    const file = join(tmp, "cheap.yaml");
    // the file's own, at its line, whether it is the champion or the challenger — once when it is both
    const own = `credit-sim: warning: ${file}:3:20: penaltyRatePerDay: ${huabei("penaltyRatePerDay 0.0001, revolvingRatePerDay 0.0005 (revolvingRatePerDay of policy default)", "0.0001")}`;
    expect(await warnings(["--policy", file])).toEqual([own]);
    expect(await warnings(["--challenger", file])).toEqual([own]);
    expect(await warnings(["--policy", file, "--challenger-set", "minScore=650"])).toEqual([own]);
    // an option's, at the option (and the variant) that sets it
    expect(await warnings(["--challenger-set", "penaltyRatePerDay=0.0002"])).toEqual([
      `credit-sim: warning: --challenger-set: penaltyRatePerDay: ${huabei("penaltyRatePerDay 0.0002, revolvingRatePerDay 0.0005 (revolvingRatePerDay of policy default)", "0.0002")}`,
    ]);
    expect(await warnings(["--sweep", "penaltyRatePerDay=0.0003..0.0007:0.0002"])).toEqual([
      `credit-sim: warning: --sweep variant 1 (penaltyRatePerDay=0.0003): penaltyRatePerDay: ${huabei("penaltyRatePerDay 0.0003, revolvingRatePerDay 0.0005 (revolvingRatePerDay of policy default)", "0.0003")}`,
    ]);
    // a variant that moves the interest under the penalty is warned of too, at the rate it sets
    const rates = await warnings(["--sweep", "revolvingRatePerDay=0.0004..0.0006:0.0002"]);
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatch(
      /^credit-sim: warning: --sweep variant 2 \(revolvingRatePerDay=0\.0006\): revolvingRatePerDay: /,
    );
    // at or above the interest: nothing said
    expect(await warnings(["--challenger-set", "penaltyRatePerDay=0.0005"])).toEqual([]);
  });

  it("a parameter far out of range is told its own range (not the largest whole number): --challenger-set, --sweep", async () => {
    for (const [args, flag] of [
      [["--challenger-set", "minScore=1e300"], "--challenger-set minScore"],
      [["--sweep", "minScore=1e20..1e20:1"], "--sweep minScore=100000000000000000000"],
    ] as const) {
      const r = await cli(["simulate", TINY, "--accounts", "5", ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^credit-sim: ${flag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: value out of range\n`),
      );
      expect(r.stderr).toContain("expected at most 950");
      expect(r.stderr).not.toContain("9007199254740991");
    }
  });

  it("bad input and bad usage exit 2 with one clear message", async () => {
    const typo = await cli(["simulate", "test/fixtures/population/bad-typo.yaml", "--accounts", "5"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/bad-typo\.yaml:3:1: spendng: unknown field "spendng"/);
    expect(typo.stderr).toContain('did you mean "spending"?');
    expect(typo.stderr).not.toMatch(/\n\s+at /);
    const cases: Array<[string[], RegExp]> = [
      [["simulate", "stretchd"], /unknown persona "stretchd"[\s\S]*did you mean "stretched"/],
      [["simulate", "missing.yaml"], /persona file not found/],
      [["simulate", "test/fixtures"], /is a directory/],
      [["simulate", "--shard", "4/3"], /--shard 4\/3: I is greater than N \(3\)/],
      [["simulate", "--accounts", "0"], /--accounts: 0 is too small/],
      [["simulate", "--accounts", "ten"], /--accounts: "ten" is not a number/],
      [["simulate", "--challenger-from", "5"], /needs --challenger/],
      [["simulate", "--policy", "defualt"], /unknown policy "defualt"/],
      [["simulate", "--policy", ""], /--policy: no policy named/],
      [["run", "scenarios/zhang-ming.yaml", "--policy", ""], /--policy: no policy named/],
      [
        ["simulate", "--challenger-set", "minScor=650"],
        /unknown policy parameter "minScor"[\s\S]*did you mean "minScore"/,
      ],
      [["simulate", "--challenger-set", "minScore=high"], /--challenger-set minScore/],
      [["simulate", "--challenger-set", "minScore"], /takes name=value/],
      [["simulate", "--challenger-set", "minScore=600,minScore=650"], /minScore is given twice/],
      [["merge", "package.json"], /not a population result/],
      [["merge", "nothing.json"], /not found/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe("credit-sim personas", () => {
  it("lists the shipped personas with their shares", async () => {
    const out = await ok(["personas"]);
    for (const name of ["steady-payer", "revolver", "over-applier", "stretched", "profile-changer"]) {
      expect(out).toContain(name);
    }
    const list = JSON.parse(await ok(["personas", "--json"]));
    const total = list.reduce((a: number, p: { normalisedShare: number }) => a + p.normalisedShare, 0);
    expect(total).toBeCloseTo(1);
  });

  it("an 80-column terminal gets every description whole, beneath its persona; a pipe, beside it", async () => {
    const list = JSON.parse(await ok(["personas", "--json"])) as Array<{ name: string; description: string }>;
    const r = await cli(["personas"], { tty: true, columns: 80 });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("were cut");
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    const words = r.stdout.split(/\s+/).join(" ");
    for (const p of list) expect(words).toContain(p.description.split(/\s+/).join(" "));
    const piped = await ok(["personas"]);
    const rows = piped.split("\n");
    for (const p of list)
      expect(rows.some((l) => l.startsWith(`${p.name} `) && l.endsWith(` ${p.description}`))).toBe(true);
  });

  it("has help with an example", async () => {
    expect(await ok(["simulate", "--help"])).toMatch(/Examples:[\s\S]*credit-sim simulate/);
    expect(await ok(["merge", "--help"])).toMatch(/credit-sim merge/);
  });
});

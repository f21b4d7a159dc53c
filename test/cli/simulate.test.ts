// `simulate`, `personas` and `merge` as a user runs them (the built CLI): the same bytes for any worker
// count and shard split, exports that replay, and exit 2 with a clear message for bad input.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "../src/engine/simulate.js";
import { loadScenario } from "../src/scenario/load.js";
import { cli, ROOT } from "./helpers/cli.js";

const TINY = "test/fixtures/population/tiny.yaml";
const POP = [TINY, "stretched", "profile-changer", "--accounts", "60", "--days", "200", "--seed", "3"];
const tmp = mkdtempSync(join(tmpdir(), "credit-sim-pop-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ok = (args: string[]) => {
  const r = cli(args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};

describe("credit-sim simulate", () => {
  it("1 worker and 2 workers give byte-identical results", () => {
    const one = ok(["simulate", ...POP, "--challenger", "tightened", "--workers", "1", "--json"]);
    const two = ok(["simulate", ...POP, "--challenger", "tightened", "--workers", "2", "--json"]);
    expect(two).toBe(one);
    // the report too, flips table included, with workers that each fold their own totals: 240 accounts
    // make 12 chunks, which three workers take in an interleaved order
    const report = (workers: string) =>
      ok(["simulate", ...POP, "--accounts", "240", "--challenger", "tightened", "--workers", workers]);
    expect(report("3")).toBe(report("1"));
    const doc = JSON.parse(one);
    expect(doc.meta.accounts).toBe(60);
    expect(doc.summary.groups.map((g: { persona: string }) => g.persona)).toEqual([
      "tiny",
      "stretched",
      "profile-changer",
      "(all)",
    ]);
  });

  it("a century-long horizon runs in workers too (their heap makes room for the totals)", () => {
    // every shipped persona under two policies: tens of MB of histograms in each worker
    const long = ["simulate", "--accounts", "24", "--days", "36500", "--challenger", "tightened"];
    expect(ok([...long, "--workers", "2"])).toBe(ok([...long, "--workers", "1"]));
  });

  it("shows a progress bar on a terminal only (run under a pseudo-terminal by `script`)", () => {
    const out = join(tmp, "tty.json");
    const cmd = `${JSON.stringify(process.execPath)} bin/credit-sim simulate --accounts 3000 --days 100 --json > ${out}`;
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
    delete env.CI; // the bar also stays off in CI
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: ROOT, encoding: "utf8", env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/simulating .*0\/3,?000 accounts/);
    expect(r.stdout).toMatch(/100% \| 3,?000\/3,?000 accounts/);
    // the result on stdout is untouched by the bar
    expect(JSON.parse(readFileSync(out, "utf8")).meta.accounts).toBe(3000);
    // and without a terminal there is no bar: `ok` checks stderr is empty
    ok(["simulate", "--accounts", "3000", "--days", "100", "--json"]);
  });

  it("3 shards merged equal the unsharded run, byte for byte", () => {
    const whole = ok(["simulate", ...POP, "--challenger", "tightened", "--challenger-from", "90", "--json"]);
    const files = [1, 2, 3].map((i) => {
      const file = join(tmp, `shard${i}.json`);
      const text = ok([
        "simulate",
        ...POP,
        "--challenger",
        "tightened",
        "--challenger-from",
        "90",
        "--shard",
        `${i}/3`,
        "--json",
      ]);
      writeFileSync(file, text);
      return file;
    });
    expect(ok(["merge", files[2]!, files[0]!, files[1]!, "--json"])).toBe(whole);
    const report = ok(["merge", ...files]);
    expect(report).toContain("Population: 60 accounts × 200 days");
    expect(report).toContain("95 % interval");
    const missing = cli(["merge", files[0]!, files[2]!]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/shard is missing/);
    // the last shard missing: no gap between the files, but the population is not whole
    const partial = cli(["merge", files[0]!, files[1]!]);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/shard is missing[\s\S]*no file covers accounts/);
  });

  it("--challenger-set: a regulator's new minimum from a day on suspends accounts citing the policy", () => {
    const doc = JSON.parse(
      ok(["simulate", ...POP, "--challenger-set", "minScore=720", "--challenger-from", "60", "--json"]),
    );
    expect(doc.meta.challenger.name).toBe("default + minScore=720");
    const all = doc.summary.groups.at(-1);
    const policy = all.differences.find((d: { metric: string }) => d.metric === "suspendedPolicy");
    expect(policy.champion).toBe(0);
    expect(policy.challenger).toBeGreaterThan(0);
    expect(policy.ci95[0]).toBeGreaterThan(0);
    // the challenger arm of an account exports as a file with the policy event, and replays
    const file = join(tmp, "set-arm.yaml");
    ok([
      "simulate",
      ...POP,
      "--challenger-set",
      "minScore=720",
      "--challenger-from",
      "60",
      "--export-account",
      "5",
      "--arm",
      "challenger",
      "-o",
      file,
    ]);
    expect(readFileSync(file, "utf8")).toMatch(/type: policy, set: \{ minScore: 720 \}/);
    expect(ok(["run", file, "--json"]).length).toBeGreaterThan(0);
  });

  it("prints the report: per persona and overall, score histogram and chart", () => {
    const out = ok(["simulate", ...POP]);
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

  it("an exported account runs to the outcome it had in the population (CSV row)", () => {
    const csvFile = join(tmp, "accounts.csv");
    ok(["simulate", ...POP, "--csv", csvFile, "--workers", "2"]);
    const [header, ...rows] = readFileSync(csvFile, "utf8").trim().split("\n");
    expect(rows).toHaveLength(60);
    const cols = header!.split(",");
    for (const n of [0, 17, 42]) {
      const row = rows[n]!.split(",");
      const field = (name: string) => row[cols.indexOf(name)];
      const file = join(tmp, `account-${n}.yaml`);
      ok(["simulate", ...POP, "--export-account", String(n), "-o", file]);
      // `run` reads the file; its trace ends where the population's account ended
      const steps = ok(["run", file, "--json"])
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
    const again = cli(["simulate", ...POP, "--export-account", "0", "-o", join(tmp, "account-0.yaml")]);
    expect(again.status).toBe(2);
  });

  it("exports a sample of flipped accounts as scenario pairs", () => {
    const dir = join(tmp, "flips");
    ok(["simulate", ...POP, "--challenger", "tightened", "--flips", dir]);
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith(".tightened.yaml"))).toBe(true);
    const first = files.find((f) => f.endsWith(".default.yaml"))!;
    expect(ok(["run", join(dir, first), "--json"]).length).toBeGreaterThan(0);
  });

  it("bad input and bad usage exit 2 with one clear message", () => {
    const typo = cli(["simulate", "test/fixtures/population/bad-typo.yaml", "--accounts", "5"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/bad-typo\.yaml:3:1: spendng: unknown field "spendng"/);
    expect(typo.stderr).toContain('did you mean "spending"?');
    expect(typo.stderr).not.toMatch(/\n\s+at /);
    const cases: Array<[string[], RegExp]> = [
      [["simulate", "stretchd"], /unknown persona "stretchd"[\s\S]*did you mean "stretched"/],
      [["simulate", "missing.yaml"], /persona file not found/],
      [["simulate", "test/fixtures"], /is a directory/],
      [["simulate", "--shard", "4/3"], /--shard must be I\/N/],
      [["simulate", "--accounts", "0"], /--accounts must be a whole number from 1/],
      [["simulate", "--accounts", "ten"], /--accounts must be a whole number/],
      [["simulate", "--challenger-from", "5"], /needs --challenger/],
      [["simulate", "--policy", "defualt"], /unknown policy "defualt"/],
      [
        ["simulate", "--challenger-set", "minScor=650"],
        /unknown policy parameter "minScor"[\s\S]*did you mean "minScore"/,
      ],
      [["simulate", "--challenger-set", "minScore=high"], /--challenger-set minScore/],
      [["simulate", "--challenger-set", "minScore"], /takes name=value/],
      [["merge", "package.json"], /not a population result/],
      [["merge", "nothing.json"], /not found/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe("credit-sim personas", () => {
  it("lists the shipped personas with their shares", () => {
    const out = ok(["personas"]);
    for (const name of ["steady-payer", "revolver", "over-applier", "stretched", "profile-changer"]) {
      expect(out).toContain(name);
    }
    const list = JSON.parse(ok(["personas", "--json"]));
    const total = list.reduce((a: number, p: { normalisedShare: number }) => a + p.normalisedShare, 0);
    expect(total).toBeCloseTo(1);
  });

  it("has help with an example", () => {
    expect(ok(["simulate", "--help"])).toMatch(/Examples:[\s\S]*credit-sim simulate/);
    expect(ok(["merge", "--help"])).toMatch(/credit-sim merge/);
  });
});

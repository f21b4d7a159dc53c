// Golden traces: written when missing (not under CI=true, where a missing one fails), compared on every
// run with a line diff of what moved, rewritten with -u, obsolete ones reported and removed with -u.
// Each test works on its own copy of a fixture folder in a temporary directory, as its working folder
// (`credit-sim test` in-process).

import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_TRACE_BYTES } from "../../src/testing/snapshot-files.js";
import { checkSnapshot } from "../../src/testing/snapshots.js";
import { cli, ROOT } from "../helpers/cli.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "credit-sim-snapshots-"));
  cpSync(join(ROOT, "test/fixtures/test-command/pass"), join(dir, "scenarios"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LOCAL = { CI: "" };
const run = (args: string[], env: Record<string, string> = LOCAL) =>
  cli(["test", ...args], { cwd: dir, env });
const trace = (name: string) => join(dir, "scenarios", "__snapshots__", `${name}.trace`);

describe("credit-sim test: golden traces", () => {
  it("writes a missing trace (outside CI): one step a line, a header, no colour", async () => {
    const r = await run(["scenarios"], { CI: "", FORCE_COLOR: "1" });
    expect(r.status).toBe(0);
    expect(stripVTControlCharacters(r.stdout)).toMatch(/Golden traces\s+0 matched, 2 written/);
    const text = readFileSync(trace("security.yaml"), "utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^# credit-sim golden trace, format 2/);
    expect(lines[1]).toBe("# scenario: Fixture security suspension");
    expect(lines[2]).toBe("# policy: default  start: 2024-01-01  until: day 90");
    expect(lines[3]).toMatch(/^#day\s+date\s+event\s+decision\s+score\s+limit\s+balance\s+status\s+reasons$/);
    expect(lines.find((l) => /^\s+30\s+2024-01-31\s+change bound device/.test(l))).toMatch(
      /suspended\s+\d+\s+¥8,000\.00\s+¥0\.00\s+suspended \(security\)\s+SECURITY_PROFILE_CHANGES/,
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(text).not.toMatch(/\u001b\[/);
    // atomic writes leave no temporary files behind
    expect(readdirSync(join(dir, "scenarios", "__snapshots__")).sort()).toEqual([
      "good-customer.yaml.trace",
      "security.yaml.trace",
    ]);
  });

  it("is byte-identical on a second run and then matches", async () => {
    await run(["scenarios"]);
    const first = readFileSync(trace("good-customer.yaml"), "utf8");
    const r = await run(["scenarios"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Golden traces\s+2 matched$/m);
    expect(readFileSync(trace("good-customer.yaml"), "utf8")).toBe(first);
  });

  it("on an 80-column terminal the diff is compact: every line fits and carries its mark", async () => {
    await run(["scenarios"]);
    const file = join(dir, "scenarios", "security.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("  - { day: 25, type: change_profile, field: address }\n", ""),
    );
    const r = await cli(["test", "scenarios/security.yaml"], {
      cwd: dir,
      env: LOCAL,
      tty: true,
      columns: 80,
    });
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(80);
    const block = lines.slice(lines.findIndex((l) => l.includes("golden trace changed")));
    // each removed step: its line, then its numbers, both marked
    const at = block.findIndex((l) => /^\s+- \s+25\s+2024-01-26\s+change bound address/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(block[at + 1]).toMatch(/^\s+- \s+score \d+ · limit ¥[\d,.]+ · balance ¥[\d,.]+ · \w+/);
    expect(block.some((l) => /^\s+\+ \s+30\s+2024-01-31\s+change bound device$/.test(l))).toBe(true);
    expect(block.some((l) => /^\s+- \s+30\s+2024-01-31\s+change bound device {2}→ suspended$/.test(l))).toBe(
      true,
    );
  });

  it("a byte-order mark an editor added is no change to the trace", async () => {
    await run(["scenarios"]);
    const file = trace("good-customer.yaml");
    writeFileSync(file, `\uFEFF${readFileSync(file, "utf8")}`);
    const r = await run(["scenarios"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Golden traces\s+2 matched$/m);
  });

  it("under CI=true a missing trace fails instead of being written", async () => {
    const r = await run(["scenarios"], { CI: "true" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("✗ Fixture security suspension › golden trace missing");
    expect(r.stdout).toContain("CI=true does not write golden traces");
    expect(existsSync(trace("security.yaml"))).toBe(false);
  });

  it("a scenario whose expectations fail gets no new trace (a warning says why); -u still writes it", async () => {
    const file = join(dir, "scenarios", "good-customer.yaml");
    // the opening is approved_lower: an expectation the author got wrong
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "- { day: 0, decision: approved, status: active }",
        "- { day: 0, decision: approved_lower }",
      ),
    );
    const r = await run(["scenarios"]);
    expect(r.status).toBe(1);
    expect(existsSync(trace("good-customer.yaml"))).toBe(false);
    expect(r.stderr.replace(/\s+/g, " ")).toContain(
      "good-customer.yaml: golden trace not written: fix the failing expectations first, or write it with -u",
    );
    expect(r.stderr).not.toMatch(/outside the working folder/);
    // the other scenario, whose expectations hold, gets its trace as ever
    expect(stripVTControlCharacters(r.stdout)).toMatch(/Golden traces\s+0 matched, 1 written/);
    // under CI nothing is written either, and the missing trace still fails
    const ci = await run(["scenarios/good-customer.yaml"], { CI: "true" });
    expect(ci.status).toBe(1);
    expect(ci.stdout).toContain("golden trace missing");
    expect(existsSync(trace("good-customer.yaml"))).toBe(false);
    const u = await run(["scenarios", "-u"]);
    expect(u.status).toBe(1);
    expect(existsSync(trace("good-customer.yaml"))).toBe(true);
    expect(u.stderr).not.toMatch(/golden trace not written/);
  });

  it("fails on a changed decision with a readable diff of the lines that moved; -u accepts it", async () => {
    await run(["scenarios"]);
    const file = join(dir, "scenarios", "security.yaml");
    // one profile change fewer: no security suspension on day 30 any more
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("  - { day: 25, type: change_profile, field: address }\n", ""),
    );
    const r = await run(["scenarios/security.yaml", "--no-color"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("✗ Fixture security suspension › golden trace changed");
    expect(r.stdout).toContain("scenarios/security.yaml → scenarios/__snapshots__/security.yaml.trace");
    const diff = r.stdout.split("\n").filter((l) => /^\s+[-+] /.test(l));
    expect(diff.some((l) => /^\s+- \s+25\s+2024-01-26\s+change bound address/.test(l))).toBe(true);
    expect(diff.some((l) => /^\s+- \s+30\s+2024-01-31\s+change bound device\s+suspended/.test(l))).toBe(true);
    expect(diff.some((l) => /^\s+\+ \s+30\s+2024-01-31\s+change bound device\s+-\s/.test(l))).toBe(true);
    // only changed lines and a little context, not the whole trace
    expect(r.stdout).not.toMatch(/^\s+\s{3}0\s+2024-01-01\s+apply to open/m);
    expect(r.stdout).toContain("credit-sim test scenarios/security.yaml -u");

    const u = await run(["scenarios/security.yaml", "-u", "--no-snapshots"]);
    expect(u.stdout).not.toContain("Golden traces");
    const updated = await run(["scenarios/security.yaml", "-u"]);
    expect(updated.stdout).toMatch(/Golden traces\s+0 matched, 1 updated/);
    expect(readFileSync(trace("security.yaml"), "utf8")).not.toContain("2024-01-26  change bound address");
  });

  it("reports obsolete traces and removes them with -u", async () => {
    await run(["scenarios"]);
    rmSync(join(dir, "scenarios", "good-customer.yaml"));
    const r = await run(["scenarios"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1 obsolete golden trace(s) (their scenario file is gone; -u removes them):");
    expect(r.stdout).toContain("  scenarios/__snapshots__/good-customer.yaml.trace");
    const u = await run(["scenarios", "-u"]);
    expect(u.stdout).toContain("Removed 1 obsolete golden trace(s):");
    expect(existsSync(trace("good-customer.yaml"))).toBe(false);
    expect(existsSync(trace("security.yaml"))).toBe(true);
  });

  it("reports and removes the trace of a subfolder's last scenario once it is gone", async () => {
    // the subfolder then holds no scenario at all: only the search of the folder named still reaches it
    mkdirSync(join(dir, "scenarios", "sub"));
    // a name of its own (a second file of a taken name is bad input, and gets no trace)
    writeFileSync(
      join(dir, "scenarios", "sub", "moved.yaml"),
      readFileSync(join(dir, "scenarios", "good-customer.yaml"), "utf8").replace(
        /^name: .*$/m,
        "name: Moved",
      ),
    );
    await run(["scenarios"]);
    const left = join(dir, "scenarios", "sub", "__snapshots__", "moved.yaml.trace");
    expect(existsSync(left)).toBe(true);
    rmSync(join(dir, "scenarios", "sub", "moved.yaml"));
    const r = await run(["scenarios"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  scenarios/sub/__snapshots__/moved.yaml.trace");
    const u = await run(["scenarios", "-u"]);
    expect(u.stdout).toContain("Removed 1 obsolete golden trace(s):");
    expect(existsSync(left)).toBe(false);
    expect(existsSync(trace("good-customer.yaml"))).toBe(true);
  });

  it("never lists the traces themselves as scenarios", async () => {
    await run(["scenarios"]);
    const r = await run(["scenarios", "--reporter", "json"]);
    expect(JSON.parse(r.stdout).scenarios.map((s: { file: string }) => s.file)).toEqual([
      "scenarios/good-customer.yaml",
      "scenarios/security.yaml",
    ]);
  });
});

// A scenario folder may come from a pull request: nothing it links to is read, written or removed.
describe("credit-sim test: golden traces are never followed through a link", () => {
  const secret = () => {
    const outside = join(dir, "outside");
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, "secret.txt"), "TOKEN=ghp_do_not_print\n");
    return outside;
  };

  it("a linked trace is bad input: its target is neither printed nor created nor replaced", async () => {
    const outside = secret();
    mkdirSync(join(dir, "scenarios", "__snapshots__"));
    symlinkSync(join(outside, "secret.txt"), trace("security.yaml"));
    symlinkSync(join(outside, "created.txt"), trace("good-customer.yaml"));
    for (const args of [["scenarios"], ["-u", "scenarios"], ["--reporter", "github", "scenarios"]]) {
      const r = await run(args, { CI: "true" });
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain("ghp_do_not_print");
      expect(r.stdout).toContain("the golden trace is a symbolic link: not followed");
    }
    expect(readFileSync(join(outside, "secret.txt"), "utf8")).toBe("TOKEN=ghp_do_not_print\n");
    expect(existsSync(join(outside, "created.txt"))).toBe(false);
  });

  it("a hard-linked trace is refused too: the other file's lines are never printed in a diff", async () => {
    const outside = secret();
    mkdirSync(join(dir, "scenarios", "__snapshots__"));
    linkSync(join(outside, "secret.txt"), trace("security.yaml"));
    const r = await run(["scenarios"], { CI: "true" });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).not.toContain("ghp_do_not_print");
    expect(r.stdout).toContain("the golden trace has other names (hard links): not read");
    expect(readFileSync(join(outside, "secret.txt"), "utf8")).toBe("TOKEN=ghp_do_not_print\n");
  });

  it("a linked __snapshots__ folder is neither written into nor cleaned of 'obsolete' traces", async () => {
    const outside = secret();
    writeFileSync(join(outside, "important.yaml.trace"), "keep\n");
    symlinkSync(outside, join(dir, "scenarios", "__snapshots__"));
    const r = await run(["-u", "scenarios"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("the golden traces' folder is a symbolic link: not followed");
    expect(readdirSync(outside).sort()).toEqual(["important.yaml.trace", "secret.txt"]);
  });

  it("-u leaves a folder named like an obsolete trace alone (nothing to remove, no crash)", async () => {
    await run(["scenarios"]);
    mkdirSync(join(dir, "scenarios", "__snapshots__", "gone.yaml.trace"));
    // an older format is a golden trace too
    writeFileSync(
      join(dir, "scenarios", "__snapshots__", "old.yaml.trace"),
      "# credit-sim golden trace, format 1\n",
    );
    const r = await run(["-u", "scenarios"]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, "scenarios", "__snapshots__")).sort()).toEqual([
      "gone.yaml.trace",
      "good-customer.yaml.trace",
      "security.yaml.trace",
    ]);
  });

  it("a trace that is a folder, a pipe or too large is bad input, not a crash or a hang", async () => {
    mkdirSync(join(dir, "scenarios", "__snapshots__"));
    mkdirSync(trace("security.yaml"));
    execFileSync("mkfifo", [trace("good-customer.yaml")]);
    const r = await run(["scenarios"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("the golden trace is a folder");
    expect(r.stdout).toContain("the golden trace is not a regular file");
    rmSync(trace("good-customer.yaml"));
    writeFileSync(trace("good-customer.yaml"), Buffer.alloc(MAX_TRACE_BYTES + 1, "x"));
    const big = await run(["scenarios"]);
    expect(big.status).toBe(2);
    expect(big.stdout).toContain("the golden trace is too large");
  });

  it("a trace too large to be read back is never written: -u would write what the next run refuses", () => {
    // a 5 MB scenario can make one: 100,000 notes whose CJK text (3 bytes a character) an alias repeats
    const file = join(dir, "scenarios", "good-customer.yaml");
    const huge = `# credit-sim golden trace\n${"报".repeat(MAX_TRACE_BYTES / 3 + 1)}\n`;
    for (const mode of [
      { update: true, ci: false },
      { update: false, ci: false },
    ]) {
      expect(() =>
        checkSnapshot(file, huge, mode, "scenarios/__snapshots__/good-customer.yaml.trace"),
      ).toThrow(/^the golden trace would be too large to read back$/);
      expect(existsSync(trace("good-customer.yaml"))).toBe(false);
    }
  });

  it("links met while searching a folder are not followed but said (a linked scenario runs when named)", async () => {
    const outside = join(dir, "elsewhere");
    cpSync(join(ROOT, "test/fixtures/test-command/pass"), outside, { recursive: true });
    rmSync(join(dir, "scenarios"), { recursive: true });
    mkdirSync(join(dir, "scenarios"));
    symlinkSync(outside, join(dir, "scenarios", "linked-folder"));
    symlinkSync(join(outside, "security.yaml"), join(dir, "scenarios", "linked.yaml"));
    const r = await run(["scenarios"]);
    expect(r.status).toBe(2);
    // the linked file is that file's bad input, never read; the linked folder is not entered
    expect(r.stdout).toContain("scenarios/linked.yaml: is a symbolic link, not a scenario file");
    expect(r.stdout).not.toContain("security");
    expect(r.stdout).toMatch(/Scenarios\s+0 passed, 0 failed, 1 bad input \(1\)/);
    const named = await run(["scenarios/linked.yaml"]);
    expect(named.status).toBe(0);
  });
});

describe("credit-sim test: a golden trace is never a file the run reads", () => {
  const scenario = (file: string, policy: string) =>
    writeFileSync(
      join(dir, "scenarios", file),
      [
        `name: ${file}`,
        `policy: ${policy}`,
        "events: [{ day: 0, type: apply, product: open, amount: 5000 }]",
        "expect: [{ day: 0, decision: approved }]",
        "",
      ].join("\n"),
    );
  const POLICY = "name: strict\nextends: default\nminScore: 500\n";

  it("a policy file in __snapshots__ — under a trace's name or not, through a link or not — is refused, never replaced or removed", async () => {
    mkdirSync(join(dir, "scenarios", "__snapshots__"));
    // a.yaml's own trace; the trace of a scenario that is gone; a policy beside the traces; a link into them
    writeFileSync(trace("a.yaml"), POLICY);
    writeFileSync(trace("gone.yaml"), POLICY);
    writeFileSync(join(dir, "scenarios", "__snapshots__", "p.yaml"), POLICY);
    symlinkSync(trace("gone.yaml"), join(dir, "scenarios", "linked.yaml"));
    scenario("a.yaml", "__snapshots__/a.yaml.trace");
    scenario("b.yaml", "__snapshots__/gone.yaml.trace");
    scenario("c.yaml", "__snapshots__/p.yaml");
    scenario("d.yaml", "linked.yaml");
    const r = await run(["-u", "scenarios"]);
    expect(r.status).toBe(2);
    for (const f of ["a.yaml", "b.yaml", "c.yaml", "d.yaml"])
      expect(r.stdout).toMatch(new RegExp(`${f}.*\\n(.*\\n)*.*golden traces' folder`));
    for (const f of [trace("a.yaml"), trace("gone.yaml"), join(dir, "scenarios", "__snapshots__", "p.yaml")])
      expect(readFileSync(f, "utf8")).toBe(POLICY);
  });

  it("a scenario file named in a __snapshots__ folder is refused: -u would write another's trace over it", async () => {
    mkdirSync(join(dir, "scenarios", "__snapshots__"));
    const named = trace("good-customer.yaml");
    const text = readFileSync(join(dir, "scenarios", "good-customer.yaml"), "utf8").replace(
      /^name: .*$/m,
      "name: a scenario in the traces' folder",
    );
    writeFileSync(named, text);
    const r = await run([
      "-u",
      "scenarios/good-customer.yaml",
      "scenarios/__snapshots__/good-customer.yaml.trace",
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain("golden traces' folder");
    expect(readFileSync(named, "utf8")).toBe(text);
  });
});

describe("a scenario outside the working folder", () => {
  // `credit-sim test /` once wrote a golden trace beside every scenario it found on the machine, in
  // other people's checkouts too: a trace nobody asked for is written only inside the working folder
  it("gets no golden trace unless -u: a warning says so, and its expectations still count", async () => {
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    const r = await cli(["test", join(dir, "scenarios")], { cwd: elsewhere, env: LOCAL });
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "scenarios", "__snapshots__"))).toBe(false);
    // one warning for the folder's scenarios, not four lines for each before the results
    const warned = r.stderr.replace(/\s+/g, " ");
    expect(warned.match(/credit-sim: warning:/g)).toHaveLength(1);
    expect(warned).toMatch(
      /no golden trace written for 2 scenarios outside the working folder \(\S*good-customer\.yaml and 1 more\): run credit-sim test from a folder that holds them, or add -u to write their traces; their expectations are checked/,
    );
    expect(stripVTControlCharacters(r.stdout)).toMatch(/2 passed/);
    // a trace already there is compared as ever, and -u writes the missing one
    const u = await cli(["test", join(dir, "scenarios"), "-u"], { cwd: elsewhere, env: LOCAL });
    expect(u.status).toBe(0);
    expect(readdirSync(join(dir, "scenarios", "__snapshots__")).sort()).toEqual([
      "good-customer.yaml.trace",
      "security.yaml.trace",
    ]);
    writeFileSync(
      trace("security.yaml"),
      readFileSync(trace("security.yaml"), "utf8").replace("¥8,000.00", "¥9,000.00"),
    );
    const again = await cli(["test", join(dir, "scenarios")], { cwd: elsewhere, env: LOCAL });
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/¥9,000\.00/);
  });
});

describe("a scenario through a link", () => {
  // the working folder is where the scenario is, not where its path runs: a trace is a file beside it
  it("into the working folder from outside gets its trace; out of it, from inside, gets none", async () => {
    const work = join(dir, "work");
    mkdirSync(work);
    // a link inside the working folder to the scenarios outside it: the trace would land outside
    symlinkSync(join(dir, "scenarios"), join(work, "out"));
    const out = await cli(["test", "out"], { cwd: work, env: LOCAL });
    expect(out.status).toBe(0);
    expect(existsSync(join(dir, "scenarios", "__snapshots__"))).toBe(false);
    expect(out.stdout + out.stderr).toMatch(
      /no golden trace written for 2 scenarios outside the working folder/,
    );
    // a link outside it to scenarios within: the traces are written, inside
    symlinkSync(join(dir, "scenarios"), join(dir, "in"));
    const into = await cli(["test", join(dir, "in")], { cwd: join(dir, "scenarios"), env: LOCAL });
    expect(into.status).toBe(0);
    expect(readdirSync(join(dir, "scenarios", "__snapshots__")).sort()).toEqual([
      "good-customer.yaml.trace",
      "security.yaml.trace",
    ]);
  });
});

describe("a scenario outside the working folder with no expectations", () => {
  // the warning said 'its expectations are checked' of a file that has none: nothing of it was checked
  it("is told that nothing of it is checked, not that its expectations are", async () => {
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    const bare = join(dir, "scenarios", "good-customer.yaml");
    writeFileSync(bare, readFileSync(bare, "utf8").replace(/^expect:[\s\S]*$/m, ""));
    const r = await cli(["test", bare], { cwd: elsewhere, env: LOCAL });
    expect(r.status).toBe(0);
    const said = r.stderr.replace(/\s+/g, " ");
    expect(said).toMatch(
      /good-customer\.yaml: no golden trace written: .*it has no expectations either: nothing of it is checked\)/,
    );
    expect(said).not.toContain("its expectations are checked");
  });
});

describe("a file whose name another scenario already has", () => {
  it("gets no golden trace: it is bad input, and the count of traces written says so", async () => {
    cpSync(join(ROOT, "test/fixtures/test-command/dup"), join(dir, "dup"), { recursive: true });
    const r = await run(["dup"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/Golden traces\s+0 matched, 1 written/);
    expect(readdirSync(join(dir, "dup", "__snapshots__"))).toEqual(["first.yaml.trace"]);
  });
});

describe("golden traces a worker thread makes", () => {
  // a signal reaches the main thread alone, which removes the temporary files of its own writes: a
  // worker's trace half-written at Ctrl-C was left in __snapshots__ (`.x.yaml.trace.<pid>.<n>.tmp`)
  it("are handed to the main thread, which writes them (a trace it cannot write is that file's bad input)", async () => {
    const { makeContext, runOne } = await import("../../src/testing/run-one.js");
    const { writeHanded } = await import("../../src/testing/snapshots.js");
    const file = { path: join(dir, "scenarios", "security.yaml"), shown: "scenarios/security.yaml" };
    const settings = { cwd: dir, roots: [], grep: null, snapshots: { update: false, ci: false } };
    const inWorker = makeContext({ ...settings, tracesByMain: true });
    const handed = runOne(file, inWorker);
    expect(existsSync(join(dir, "scenarios", "__snapshots__"))).toBe(false);
    expect("filtered" in handed ? null : handed.snapshot?.status).toBe("written");
    const written = writeHanded(handed, file, dir);
    expect(written).not.toHaveProperty("traceToWrite");
    const here = runOne(file, makeContext(settings));
    expect("filtered" in here ? null : here.snapshot?.status).toBe("matched");
    // a trace the main thread cannot write (its folder became a file meanwhile) is that file's bad input
    rmSync(join(dir, "scenarios", "__snapshots__"), { recursive: true });
    const again = runOne(file, inWorker);
    writeFileSync(join(dir, "scenarios", "__snapshots__"), "");
    const refused = writeHanded(again, file, dir);
    expect(refused).toMatchObject({ status: "error", snapshot: null, expectations: [] });
    expect("filtered" in refused ? "" : refused.error).toContain("the golden traces' folder is not a folder");
  });
});

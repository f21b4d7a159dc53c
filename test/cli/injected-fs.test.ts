// What node:fs answers only for another user or on another file system, injected: one file, isolated (a
// mock of node:fs in a shared worker would be missed by a module already imported, or leak), where two
// such files each imported the CLI anew.
//
// `credit-sim test DIR` with a folder in it that cannot be listed: that folder is the run's bad input —
// named, with what to do — and every other scenario still runs and is reported (exit 2, as for a file with
// bad input). Root reads every folder whatever its permissions, so the folder's refusal is injected here:
// node:fs answers EACCES for the folders in `locked`, as it does for another user's folder (mode 700). The
// real permissions are tested too where the suite does not run as root.
//
// Two files are one only when their device and inode are: read as bigints. NTFS's file IDs carry a
// sequence number in their top 16 bits, past 2^53, where a number keeps the ID only to the nearest 256 —
// two files made one after the other (two shards, two scenarios) read alike as numbers. Node reads them
// so for a stat without `bigint: true`; here node:fs does it for the files in `far`, whatever the disk.

import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

/** Absolute paths node:fs refuses, as it does what the user may not read: `locked` folders are not
 *  listed, `unopened` files not opened, and nothing is looked up below a `closed` folder (no search
 *  permission: the path itself cannot be stat'ed). */
const locked = vi.hoisted(() => new Set<string>());
const unopened = vi.hoisted(() => new Set<string>());
const closed = vi.hoisted(() => new Set<string>());
/** Absolute paths and the file ID node:fs gives them (each bigint, as NTFS would). */
const far = vi.hoisted(() => new Map<string, bigint>());
/** The file standard output is redirected to, or null: the test's own. */
const stdout = vi.hoisted(() => ({ file: null as string | null }));

vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const denied = (syscall: string, path: unknown) =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${String(path)}'`), {
      code: "EACCES",
      errno: -13,
      syscall,
      path: String(path),
    });
  const below = (path: unknown) => [...closed].some((dir) => resolve(String(path)).startsWith(`${dir}/`));
  const readdirSync = ((path: unknown, ...rest: unknown[]) => {
    if (locked.has(resolve(String(path))) || below(path)) throw denied("scandir", path);
    return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  const openSync = ((path: unknown, ...rest: unknown[]) => {
    if (unopened.has(resolve(String(path))) || below(path)) throw denied("open", path);
    return (fs.openSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.openSync;
  // the real stat of the file, its inode the far one: exact as a bigint, rounded as a number
  const withId = (st: object, id: bigint, big: boolean) =>
    Object.assign(Object.create(Object.getPrototypeOf(st)), st, { ino: big ? id : Number(id) });
  const statSync = ((path: unknown, ...rest: unknown[]) => {
    if (below(path)) throw denied("stat", path);
    const st = (fs.statSync as (...a: unknown[]) => object | undefined)(path, ...rest);
    const id = far.get(resolve(String(path)));
    const big = (rest[0] as { bigint?: boolean } | undefined)?.bigint === true;
    return st === undefined || id === undefined ? st : withId(st, id, big);
  }) as typeof fs.statSync;
  // standard output, where a test says: that file's stat
  const fstatSync = ((fd: number, options?: { bigint?: boolean }) => {
    if (fd !== 1 || stdout.file === null) return fs.fstatSync(fd, options);
    return statSync(stdout.file, options);
  }) as typeof fs.fstatSync;
  const mocked = { readdirSync, openSync, statSync, fstatSync };
  return { ...fs, default: { ...fs, ...mocked }, ...mocked };
});

const { fresh } = tempCases("injected-fs");

const reset = () => {
  locked.clear();
  unopened.clear();
  closed.clear();
};

const scenario = (name: string) =>
  [
    `name: ${name}`,
    "until: 40",
    "profile: { age: 30, monthlyIncome: 12000, verified: true, creditHistoryMonths: 48 }",
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 5000 }",
    "expect:",
    "  - { day: 0, decision: approved }",
    "",
  ].join("\n");

/** suite/top.yaml, suite/open/in.yaml, and the folders named each with a scenario in it. */
function suite(...folders: string[]): string {
  const d = fresh();
  for (const f of ["suite/open", ...folders]) mkdirSync(join(d, f), { recursive: true });
  writeFileSync(join(d, "suite/top.yaml"), scenario("top"));
  writeFileSync(join(d, "suite/open/in.yaml"), scenario("open"));
  for (const f of folders) writeFileSync(join(d, f, "s.yaml"), scenario(f));
  return d;
}

describe("test DIR with a folder in it that may not be read", () => {
  it("reports the folder as bad input and runs every other scenario (exit 2)", async () => {
    // it stopped there: exit 2 with the folder's message alone, nothing run and nothing reported
    const d = suite("suite/closed", "suite/open/deeper");
    locked.add(join(d, "suite/closed"));
    locked.add(join(d, "suite/open/deeper"));
    try {
      const r = await cli(["test", "--no-snapshots", "suite"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(" ✓ suite/open/in.yaml › open (1 expectation)");
      expect(r.stdout).toContain(" ✓ suite/top.yaml › top (1 expectation)");
      // each folder is named, what is wrong and what to do
      for (const folder of ["suite/closed", "suite/open/deeper"]) {
        expect(r.stdout).toContain(` ✗ ${folder} (bad input)`);
        expect(r.stdout).toContain(
          [
            `  ${folder}: the folder may not be read (permission denied)`,
            "    hint:     change its permissions: the scenarios in it were not run",
          ].join("\n"),
        );
      }
      expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed, 2 bad input \(4\)/);
      // the human report on stdout shows the problem: not said twice
      expect(r.stderr).toBe("");
    } finally {
      reset();
    }
  });

  it("a failing expectation elsewhere still exits 2: the folder's scenarios were not run", async () => {
    const d = suite("suite/closed");
    writeFileSync(join(d, "suite/top.yaml"), scenario("top").replace("approved", "declined"));
    locked.add(join(d, "suite/closed"));
    try {
      const r = await cli(["test", "--no-snapshots", "--reporter", "json", "suite"], { cwd: d });
      expect(r.status).toBe(2);
      const report = JSON.parse(r.stdout) as {
        scenarios: { file: string; status: string; error: string | null }[];
      };
      expect(report.scenarios.map((s) => [s.file, s.status])).toEqual([
        ["suite/closed", "error"],
        ["suite/open/in.yaml", "passed"],
        ["suite/top.yaml", "failed"],
      ]);
      expect(report.scenarios[0]!.error).toContain("suite/closed: the folder may not be read");
      // no human report on stdout: the problem is said on stderr too
      expect(r.stderr).toContain("credit-sim: suite/closed: the folder may not be read (permission denied)");
    } finally {
      reset();
    }
  });

  it("a folder named that may not be read is that path's problem; the other paths run", async () => {
    const d = suite("other");
    locked.add(join(d, "other"));
    try {
      const r = await cli(["test", "--no-snapshots", "other", "suite"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(" ✗ other (bad input)");
      expect(r.stdout).toContain("  other: the folder may not be read (permission denied)");
      expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed, 1 bad input \(3\)/);
    } finally {
      reset();
    }
  });

  it("a glob's folder that may not be read is reported and the rest of the glob runs", async () => {
    const d = suite("suite/closed");
    locked.add(join(d, "suite/closed"));
    try {
      const r = await cli(["test", "--no-snapshots", "suite/**/*.yaml"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(" ✗ suite/closed (bad input)");
      expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed, 1 bad input \(3\)/);
    } finally {
      reset();
    }
  });

  it("a path named below a folder that may not be searched is that path's problem; the others run", async () => {
    const d = suite("other/sub");
    closed.add(join(d, "other"));
    try {
      const r = await cli(["test", "--no-snapshots", "other/sub", "suite"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(" ✗ other/sub (bad input)");
      expect(r.stdout).toContain("  other/sub: the folder may not be read (permission denied)");
      expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed, 1 bad input \(3\)/);
    } finally {
      reset();
    }
  });

  it("a scenario file that may not be read is its own bad input; the others run", async () => {
    const d = suite();
    unopened.add(join(d, "suite/open/in.yaml"));
    try {
      const r = await cli(["test", "--no-snapshots", "suite"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(
        "  suite/open/in.yaml: the scenario file may not be read (permission denied)",
      );
      expect(r.stdout).toContain(" ✓ suite/top.yaml › top (1 expectation)");
      expect(r.stdout).toMatch(/Scenarios\s+1 passed, 0 failed, 1 bad input \(2\)/);
    } finally {
      reset();
    }
  });

  // root lists every folder whatever its mode: there the test above, with the refusal injected, stands in
  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)(
    "with the folder's real permissions (mode 000), the same",
    async () => {
      const d = suite("suite/closed");
      chmodSync(join(d, "suite/closed"), 0o000);
      try {
        const r = await cli(["test", "--no-snapshots", "suite"], { cwd: d });
        expect(r.status).toBe(2);
        expect(r.stdout).toContain("  suite/closed: the folder may not be read (permission denied)");
        expect(r.stdout).toMatch(/Scenarios\s+2 passed, 0 failed, 1 bad input \(3\)/);
      } finally {
        chmodSync(join(d, "suite/closed"), 0o755);
      }
    },
  );
});

const BASE = 2n ** 60n + 1000n;

describe("files whose IDs a number cannot tell apart", () => {
  it("merge takes two shards as two files, not the same one twice", async () => {
    const d = fresh();
    const files = ["a.json", "b.json"];
    for (const [i, file] of files.entries()) {
      const shard = await cli(
        ["simulate", "--accounts", "40", "--days", "20", "--json", "--shard", `${i + 1}/2`, "--no-progress"],
        { cwd: d },
      );
      expect(shard.status).toBe(0);
      writeFileSync(join(d, file), shard.stdout);
      far.set(join(d, file), BASE + BigInt(i));
    }
    // the mock is what the CLI reads (a file mocking node:fs runs isolated: vitest.config.ts): as numbers
    // the two IDs are one, as bigints two
    expect(statSync(join(d, files[0]!)).ino).toBe(statSync(join(d, files[1]!)).ino);
    expect(statSync(join(d, files[0]!), { bigint: true }).ino).not.toBe(
      statSync(join(d, files[1]!), { bigint: true }).ino,
    );
    const r = await cli(["merge", ...files, "--json"], { cwd: d });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).meta.range).toEqual([0, 40]);
  });

  it("run runs two scenarios, not the first alone", async () => {
    const d = fresh();
    const files = ["good-customer.yaml", "first-credit.yaml"].map((f) => join(ROOT, "scenarios", f));
    for (const [i, file] of files.entries()) far.set(file, BASE + BigInt(i));
    try {
      const r = await cli(["run", ...files, "--json"], { cwd: d });
      expect(r.status).toBe(0);
      // JSON lines, each naming its scenario
      const names = new Set(
        r.stdout
          .trim()
          .split("\n")
          .map((l) => (JSON.parse(l) as { scenario: string }).scenario),
      );
      expect(names.size).toBe(2);
    } finally {
      for (const file of files) far.delete(file);
    }
  });

  it("a report is written to the file named, not taken for standard output redirected to another", async () => {
    const d = fresh();
    const [out, csv] = [join(d, "out.txt"), join(d, "accounts.csv")];
    // the report's file there already, from an earlier run
    writeFileSync(out, "");
    writeFileSync(csv, "");
    far.set(out, BASE);
    far.set(csv, BASE + 1n);
    stdout.file = out;
    try {
      const r = await cli(["simulate", "--accounts", "20", "--days", "10", "--csv", csv, "--no-progress"], {
        cwd: d,
      });
      expect(r.status).toBe(0);
      expect(readFileSync(csv, "utf8")).toMatch(/^index,persona,/);
      expect(r.stdout).not.toMatch(/^index,persona,/m);
    } finally {
      stdout.file = null;
    }
  });
});

// Two files are one only when their device and inode are: read as bigints. NTFS's file IDs carry a
// sequence number in their top 16 bits, past 2^53, where a number keeps the ID only to the nearest 256 —
// two files made one after the other (two shards, two scenarios) read alike as numbers. Node reads them
// so for a stat without `bigint: true`; here node:fs does it for the files in `far`, whatever the disk.

import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

/** Absolute paths and the file ID node:fs gives them (each bigint, as NTFS would). */
const far = vi.hoisted(() => new Map<string, bigint>());
/** The file standard output is redirected to, or null: the test's own. */
const stdout = vi.hoisted(() => ({ file: null as string | null }));

vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  // the real stat of the file, its inode the far one: exact as a bigint, rounded as a number
  const withId = (st: object, id: bigint, big: boolean) =>
    Object.assign(Object.create(Object.getPrototypeOf(st)), st, { ino: big ? id : Number(id) });
  const statSync = ((path: unknown, options?: { bigint?: boolean }) => {
    const st = (fs.statSync as (...a: unknown[]) => object | undefined)(path, options);
    const id = far.get(resolve(String(path)));
    return st === undefined || id === undefined ? st : withId(st, id, options?.bigint === true);
  }) as typeof fs.statSync;
  // standard output, where a test says: that file's stat
  const fstatSync = ((fd: number, options?: { bigint?: boolean }) => {
    if (fd !== 1 || stdout.file === null) return fs.fstatSync(fd, options);
    return statSync(stdout.file, options);
  }) as typeof fs.fstatSync;
  const mocked = { statSync, fstatSync };
  return { ...fs, default: { ...fs, ...mocked }, ...mocked };
});

const { fresh } = tempCases("file-identity");
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

// @module-tag slow
// Hostile input, round 13, what only a process shows: merge's page and a file put at its name while the
// shards are read (a shard read from a named pipe holds merge there until its writer is done).

import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";

describe("merge --html: a file put at the page's name while the shards are read", () => {
  // the page was checked before the first shard was read, and put in place over what appeared meanwhile:
  // shards of a large population take a while to read, or come down a pipe
  it("is not replaced without --force: refused, nothing written", async (ctx) => {
    const d = mkdtempSync(join(tmpdir(), "round13-merge-"));
    const fifo = join(d, "shard-2.fifo");
    if (spawnSync("mkfifo", [fifo]).status !== 0) ctx.skip();
    const shard = (i: number) => {
      const r = spawnSync(
        process.execPath,
        [BIN, "simulate", "--accounts", "6", "--days", "20", "--shard", `${i}/2`, "--json"],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } },
      );
      expect(r.status).toBe(0);
      return r.stdout;
    };
    writeFileSync(join(d, "shard-1.json"), shard(1));
    const second = shard(2);
    const page = join(d, "population.html");
    const child = spawn(process.execPath, [BIN, "merge", "shard-1.json", fifo, "--html", page], {
      cwd: d,
      env: { ...process.env, CI: "true", NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString("utf8");
    });
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // opening the pipe to write waits for merge to open it to read: its outputs are checked by then
    const fd = openSync(fifo, "w");
    writeFileSync(page, "mine\n");
    writeSync(fd, second);
    closeSync(fd);
    expect(await exit).toBe(2);
    expect(stderr).toMatch(
      /population\.html: --html: cannot write: a file that is not a credit-sim page is there/,
    );
    expect(readFileSync(page, "utf8")).toBe("mine\n");
    expect(readdirSync(d).sort()).toEqual(["population.html", "shard-1.json", "shard-2.fifo"]);
  });
});

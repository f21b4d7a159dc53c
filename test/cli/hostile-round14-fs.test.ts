// @module-tag slow
// Hostile faults, round 14, injected into node:fs (a file of its own: a mock of node:fs in a shared worker
// would be missed by a module already imported, or leak): a disk that fills while `simulate --flips`
// writes its export — a full tmpfs shows it too, but only to a root that may mount one.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

/** A folder whose files node:fs cannot write a byte into, as a full disk's (ENOSPC): the descriptors
 *  opened below it, and the writes refused on them. */
const full = vi.hoisted(() => ({ below: null as string | null, fds: new Set<number>() }));

vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const openSync = ((path: unknown, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    if (full.below !== null && String(path).startsWith(`${full.below}/`)) full.fds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (full.fds.has(fd))
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
        code: "ENOSPC",
        errno: -28,
        syscall: "write",
      });
    return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  const mocked = { openSync, writeSync };
  return { ...fs, default: { ...fs, ...mocked }, ...mocked };
});

const { fresh } = tempCases("round14-fs");

describe("simulate --flips on a disk that fills", () => {
  // the error named the hidden folder the export is built in, `flips/.credit-sim-1234-1/…`: a path the
  // user never gave, gone by the time it is read
  it("names the file the export would have written, not the hidden folder it was built in; leaves none", async () => {
    const d = fresh();
    full.below = join(d, "flips");
    const r = await cli(
      [
        "simulate",
        "--accounts",
        "60",
        "--days",
        "200",
        "--challenger",
        "tightened",
        "--flips",
        "flips",
        "--no-progress",
      ],
      { cwd: d },
    );
    full.below = null;
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot write: no space left on the device");
    expect(r.stderr).toMatch(/credit-sim: flips\/default-vs-tightened\/[^\n]+\.yaml: cannot write/);
    expect(r.stderr).not.toContain(".credit-sim-");
    expect(existsSync(join(d, "flips")) ? readdirSync(join(d, "flips")) : []).toEqual([]);
  });
});

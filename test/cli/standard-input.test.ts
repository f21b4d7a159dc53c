// `-` as a file operand: standard input by convention, which no command reads — said as that for each
// command that takes files, never "scenario file not found", and init makes no folder named `-`.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-stdin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("- as a file operand", () => {
  it("is standard input, which each command that reads files refuses in words (exit 2)", async () => {
    for (const [args, command, wanted] of [
      [["run", "-"], "run", "give a file"],
      [["run", "scenarios/good-customer.yaml", "-"], "run", "give a file"],
      [["explain", "-", "--day", "3"], "explain", "give a file"],
      [["whatif", "-", "--list"], "whatif", "give a file"],
      [["test", "-"], "test", "give a file or folder"],
      [["merge", "-"], "merge", "give a file"],
      [["simulate", "-"], "simulate", "give a persona name or file"],
    ] as const) {
      const r = await cli([...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(`credit-sim: -: standard input is not read by ${command}: ${wanted}`);
      expect(r.stderr).toContain("./- for a file named -");
      expect(r.stderr).not.toMatch(/not found|no such file/);
      expect(r.stdout).toBe("");
    }
  });

  it("init makes no folder named -: it says it writes into a folder, and ./- is one", async () => {
    const r = await cli(["init", "-"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("init writes into a folder: - (standard input or output) is not one");
    expect(r.stderr).toContain("./- for a folder named -");
    expect(existsSync(join(dir, "-"))).toBe(false);
    const named = await cli(["init", "./-"], { cwd: dir });
    expect(named.status).toBe(0);
    expect(existsSync(join(dir, "-", "first-scenario.yaml"))).toBe(true);
    // and the next steps it prints name that folder so, not as -
    expect(named.stdout).toContain("credit-sim run ./-/first-scenario.yaml");
  });

  it("a file named - is read by its folder's name", async () => {
    mkdirSync(join(dir, "f"));
    writeFileSync(
      join(dir, "f", "-"),
      "name: dash\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n",
    );
    const r = await cli(["run", "./-", "--no-chart"], { cwd: join(dir, "f") });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("dash");
  });
});

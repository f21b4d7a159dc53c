// The built CLI in a child process, for what only a process shows: the exit code the shell sees, a real
// pipe (no colour, nothing but the output), a closed pipe. Everything else runs in-process (test/cli).

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, spawnCli } from "../helpers/cli.js";

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe("bin/credit-sim", () => {
  it("run before its build says so, exit 2 — not Node's stack trace of a missing bundle", () => {
    const bin = join(mkdtempSync(join(tmpdir(), "credit-sim-unbuilt-")), "bin");
    mkdirSync(bin);
    for (const f of ["credit-sim", "load-cli.mjs"]) copyFileSync(join(ROOT, "bin", f), join(bin, f));
    const r = spawnSync(process.execPath, [join(bin, "credit-sim"), "run", "x.yaml"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("credit-sim is not built: run `npm ci` (or `npm run build`) in its folder first\n");
    expect(r.stdout).toBe("");
  });

  it("exit 0 and the trace on stdout; into a pipe, no colour even without NO_COLOR", () => {
    const r = spawnCli(["run", "scenarios/zhang-ming.yaml"], { env: { NO_COLOR: "" } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Zhang Ming — /);
    expect(r.stdout).toContain("Score over time");
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("exit 2 for bad input: one message on stderr, nothing on stdout, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-e2e-"));
    writeFileSync(join(dir, "neg.yaml"), "name: bad\nevents:\n  - { day: 0, type: purchase, amount: -5 }\n");
    const r = spawnCli(["run", "neg.yaml"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^credit-sim: neg\.yaml:3:\d+: events\[0\]\.amount: value out of range\n/);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  it("duplicate keys, whose second parser the bundle loads only then, are all reported", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-e2e-"));
    writeFileSync(join(dir, "dup.yaml"), "name: a\nname: b\nevents: []\nevents: []\n");
    const r = spawnCli(["run", "dup.yaml"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dup\.yaml:2:1: name: duplicate key "name"/);
    expect(r.stderr).toMatch(/dup\.yaml:4:1: events: duplicate key "events"/);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  it("a valid file of 70,000 events runs: no spread over a list that long overflows the process's stack", {
    tags: ["slow"],
  }, () => {
    // `Math.max(...widths)` passed an argument a step: an internal error (exit 70) on a 2.4 MB file; the
    // CLI's stack is smaller than a test thread's, so this is checked in a process
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-e2e-"));
    writeFileSync(
      join(dir, "notes.yaml"),
      `name: x\nevents:\n${"  - {day: 0, type: note, text: a}\n".repeat(70_000)}`,
    );
    const r = spawnCli(["run", "notes.yaml", "--no-chart"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").length).toBeGreaterThan(70_000);
  });

  it("exit 1 when `credit-sim test` finds a failing expectation", () => {
    const r = spawnCli(["test", "--no-snapshots", "test/fixtures/test-command/fail"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Scenarios\s+1 passed, 1 failed \(2\)/);
  });

  it("a working folder removed after the shell entered it: one message, exit 2, no stack trace", {
    tags: ["slow"],
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-e2e-"));
    for (const args of [["--version"], ["run", join(ROOT, "scenarios/zhang-ming.yaml")], ["test"]]) {
      const gone = mkdtempSync(join(dir, "gone-"));
      // the shell enters the folder, then removes it: Node starts in a folder that is no more
      const cmd = `cd "$0" && rmdir "$0" && exec "$@"`;
      const r = spawnSync("sh", ["-c", cmd, gone, process.execPath, BIN, ...args], { encoding: "utf8" });
      expect(r.stderr).toBe(
        "credit-sim: the current folder no longer exists (it was removed or moved)\n" +
          "  hint:     cd to a folder that exists, then run the command again\n",
      );
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
    }
  });

  it("a pipe closed early (`| head -1`) ends the run quietly", () => {
    const cmd = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run scenarios/*.yaml --json | head -1`;
    const r = spawnSync("bash", ["-c", cmd], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).day).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("a pipe closed early still leaves the page --html was given: the text ends, the files asked for are written", {
    tags: ["slow"],
  }, () => {
    // `run big.yaml --html o.html | head` exited 0 with no o.html and no word: the reader gone ended the run
    // with the page held aside, never put in place (before the text was written as it is made, it was)
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-pipe-"));
    const events = Array.from(
      { length: 3000 },
      (_, i) => `  - { day: ${i + 1}, type: purchase, amount: 10 }`,
    );
    const scenario = [
      "name: many",
      "until: 3001",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
    ];
    writeFileSync(join(dir, "many.yaml"), [...scenario, ...events, ""].join("\n"));
    const cmd = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run many.yaml --html o.html | head -c 100`;
    const r = spawnSync("bash", ["-c", cmd], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^many\npolicy default/);
    expect(r.stderr).toBe("wrote o.html\n");
    const page = readFileSync(join(dir, "o.html"), "utf8");
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page.trimEnd()).toMatch(/<\/html>$/);
  });
});

// Hostile input, round 13: what an operator meets around a population's run — a file put at an output's
// name while the run goes on.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run-cli.js";
import { cli, ROOT } from "../helpers/cli.js";

/** A terminal for standard error (the progress bar draws on one) that runs `first` at its first write:
 *  the bar is drawn once the outputs are checked and before the accounts run. */
function terminalThen(first: () => void): { stream: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream;
  let text = "";
  let done = false;
  Object.assign(s, {
    isTTY: true,
    columns: 300,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    write: (chunk: string | Uint8Array) => {
      if (!done) {
        done = true;
        first();
      }
      text += String(chunk);
      return true;
    },
  });
  return { stream: s, text: () => text };
}

describe("simulate: a file put at an output's name while the accounts run", () => {
  // the outputs were checked before the run only: the CSV and the page then replaced, unasked, what a
  // user (or another tool) put there meanwhile — a population's run lasts minutes to hours
  it("is not replaced without --force: refused when the outputs are put in place, none of them written", async () => {
    const d = mkdtempSync(join(tmpdir(), "round13-"));
    const csv = join(d, "accounts.csv");
    const page = join(d, "population.html");
    const err = terminalThen(() => {
      writeFileSync(csv, "mine\n");
      writeFileSync(page, "mine too\n");
    });
    let stdout = "";
    const io: CliIo = {
      stdout: {
        write: (t: string) => {
          stdout += t;
        },
        isTTY: false,
      },
      stderr: err.stream,
      stdinIsTTY: false,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "", TERM: "xterm-256color" },
      cwd: ROOT,
    };
    const args = ["simulate", "--accounts", "20", "--days", "30", "--workers", "1"];
    const status = await runCli([...args, "--csv", csv, "--html", page], io);
    expect(err.text()).toContain("simulating");
    expect(status).toBe(2);
    expect(err.text()).toMatch(
      /accounts\.csv: --csv: cannot write: a file that is not a credit-sim CSV is there/,
    );
    expect(err.text()).toMatch(
      /population\.html: --html: cannot write: a file that is not a credit-sim page is there/,
    );
    expect(readFileSync(csv, "utf8")).toBe("mine\n");
    expect(readFileSync(page, "utf8")).toBe("mine too\n");
    expect(stdout).toBe("");
    // the CSV written aside while the accounts ran is removed with the refusal
    expect(readdirSync(d).sort()).toEqual(["accounts.csv", "population.html"]);

    // with --force they are replaced, as they would have been had they been there before the run
    const forced = terminalThen(() => undefined);
    const again = await runCli([...args, "--csv", csv, "--html", page, "--force"], {
      ...io,
      stderr: forced.stream,
    });
    expect(again).toBe(0);
    expect(readFileSync(csv, "utf8")).toMatch(/^index,persona,arm,/);
    expect(readFileSync(page, "utf8")).toMatch(/^<!doctype html>/i);
  });
});

describe("--shard auto: a CI variable of -0", () => {
  // "-0" passed the digits check and read as 0: JOB_COMPLETION_INDEX=-0 ran shard 1 (index 0), where +0
  // or " 0" are refused — a value no runner sets, refused as set with the fix
  it.each([
    ["auto/3", { JOB_COMPLETION_INDEX: "-0" }, "JOB_COMPLETION_INDEX"],
    ["auto", { CI_NODE_INDEX: "-0", CI_NODE_TOTAL: "2" }, "CI_NODE_INDEX"],
    ["auto", { CI_NODE_INDEX: "1", CI_NODE_TOTAL: "-00" }, "CI_NODE_TOTAL"],
  ])("--shard %s with %o is refused as set, not read as 0", async (arg, env, name) => {
    const r = await cli(["simulate", "--shard", arg, "--accounts", "5", "--days", "5", "--json"], { env });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`--shard ${arg}: ${name} is not a whole number in digits alone`);
    expect(r.stderr).toContain(`set ${name}=0, without the sign`);
  });
});

describe("--shard auto: a variable out of range is said as set", () => {
  // read as a number, "-05" was told as "-5" and a long negative in exponent form: the value to fix is
  // the one written in the job
  it.each([
    [{ CI_NODE_INDEX: "-05", CI_NODE_TOTAL: "2" }, "CI_NODE_INDEX is -05, out of range"],
    [
      { CI_NODE_INDEX: "-123456789012345678901234", CI_NODE_TOTAL: "2" },
      "CI_NODE_INDEX is -123456789012345678901234, out of range",
    ],
    [{ CI_NODE_INDEX: "1", CI_NODE_TOTAL: "-007" }, "CI_NODE_TOTAL is -007, out of range"],
  ])("%o", async (env, said) => {
    const r = await cli(["simulate", "--shard", "auto", "--accounts", "5", "--days", "5", "--json"], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--shard auto: ${said}`);
  });
});

describe("run --html: a file put at a page's name while the scenarios run", () => {
  // as simulate's: the pages were checked before the first scenario ran, and put in place over what
  // appeared meanwhile — the page named and the pages derived from it (`r.<name>.html`) alike
  it("is not replaced without --force: refused once they have run, no page written", async () => {
    const d = mkdtempSync(join(tmpdir(), "round13-run-"));
    const page = join(d, "r.html");
    const derived = join(d, "r.default-charge-off.html");
    let planted = false;
    let stdout = "";
    let stderr = "";
    const io: CliIo = {
      stdout: {
        // the first scenario's text: after the checks, before the pages are put in place
        write: (t: string) => {
          if (!planted) {
            planted = true;
            writeFileSync(page, "mine\n");
            writeFileSync(derived, "mine too\n");
          }
          stdout += t;
        },
        isTTY: false,
      },
      stderr: {
        write: (t: string) => {
          stderr += t;
        },
      },
      stdinIsTTY: false,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "true" },
      cwd: ROOT,
    };
    const scenarios = ["scenarios/zhang-ming.yaml", "scenarios/default-charge-off.yaml"];
    const status = await runCli(["run", ...scenarios, "--html", page], io);
    expect(planted).toBe(true);
    // the text is standard output's as it is made; the pages are what waits to be put in place
    expect(stdout).toContain("Zhang Ming");
    expect(status).toBe(2);
    expect(stderr).toMatch(/r\.html: --html: cannot write: a file that is not a credit-sim page is there/);
    expect(stderr).toMatch(
      /r\.default-charge-off\.html: cannot write: a file that is not a credit-sim page is there/,
    );
    expect(readFileSync(page, "utf8")).toBe("mine\n");
    expect(readFileSync(derived, "utf8")).toBe("mine too\n");
    expect(readdirSync(d).sort()).toEqual(["r.default-charge-off.html", "r.html"]);
  });
});

describe("a persona's bounds outside what its draws are held to", () => {
  // each was drawn and then moved to the nearest value the run takes, without a word: ages 2–5 ran as
  // 18 (and were exported so), a history of -12 months as none, an opening before day 0 on day 0, an
  // on-time repayment 5 days after the due day on it, a repayment 0 days late 1 day late
  const shipped = readFileSync(join(ROOT, "personas", "steady-payer.yaml"), "utf8");
  it.each([
    [
      "age: { min: 24, max: 60 }",
      "age: { min: 2, max: 5 }",
      "profile.age",
      /from 18 to 100[\s\S]*found: +min 2/,
    ],
    [
      "age: { min: 24, max: 60 }",
      "age: { min: 30, max: 120 }",
      "profile.age",
      /from 18 to 100[\s\S]*found: +max 120/,
    ],
    // a log-normal's median outside the range: every draw near it held to the bound (a median age of 4
    // ran, and was exported, as 18)
    [
      "age: { min: 24, max: 60 }",
      "age: { median: 4, sigma: 0.1 }",
      "profile.age",
      /from 18 to 100[\s\S]*found: +median 4/,
    ],
    [
      "creditHistoryMonths: { min: 12, max: 180 }",
      "creditHistoryMonths: -12",
      "profile.creditHistoryMonths",
      /from 0 to 1200[\s\S]*found: +-12/,
    ],
    ["day: { min: 0, max: 10 }", "day: { min: -10, max: 10 }", "open.day", /0 or more[\s\S]*found: +min -10/],
    [
      "daysBeforeDue: { min: 0, max: 7 }",
      "daysBeforeDue: { min: -5, max: -1 }",
      "repayment.daysBeforeDue",
      /0 or more[\s\S]*found: +min -5/,
    ],
    [
      "late: { p: 0.005, days: { min: 1, max: 3 } }",
      "late: { p: 0.005, days: { min: 0, max: 3 } }",
      "repayment.late.days",
      /1 or more[\s\S]*found: +min 0/,
    ],
  ])("%s → %s is refused at %s", async (from, to, field, said) => {
    expect(shipped).toContain(from);
    const d = mkdtempSync(join(tmpdir(), "round13-persona-"));
    const file = join(d, "held.yaml");
    writeFileSync(file, shipped.replace(from, to).replace("name: steady-payer", "name: held"));
    const r = await cli(["simulate", file, "--accounts", "5", "--days", "30"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`held.yaml:`);
    expect(r.stderr).toContain(`${field}: outside what a draw is held to`);
    expect(r.stderr).toMatch(said);
    expect(r.stdout).toBe("");
  });

  it("bounds within them load as before", async () => {
    const d = mkdtempSync(join(tmpdir(), "round13-persona-"));
    const file = join(d, "edge.yaml");
    const shipped2 = readFileSync(join(ROOT, "personas", "steady-payer.yaml"), "utf8")
      .replace("age: { min: 24, max: 60 }", "age: { min: 18, max: 100 }")
      .replace("name: steady-payer", "name: edge");
    writeFileSync(file, shipped2);
    expect((await cli(["simulate", file, "--accounts", "5", "--days", "30"])).status).toBe(0);
  });
});

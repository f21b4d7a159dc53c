// A newcomer's commands, in-process: init writes a starter that passes `test`, explain answers why,
// --html writes pages (or stdout with -), and a terminal's width is respected unless --wide.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";

/** The CLI in-process, on a developer's machine (not CI) unless the env says so. */
async function inProcess(
  args: string[],
  o: { cwd?: string; env?: Record<string, string>; columns?: number } = {},
) {
  const r = await cli(args, {
    ...(o.cwd ? { cwd: o.cwd } : {}),
    env: { CI: "", ...o.env },
    ...(o.columns ? { tty: true, columns: o.columns } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "credit-sim-newcomer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ZHANG = join(ROOT, "scenarios/zhang-ming.yaml");

describe("init", () => {
  it("writes a commented starter that passes `credit-sim test` as written, and never overwrites it", async () => {
    const r = await inProcess(["init", "mine"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const file = join(dir, "mine/first-scenario.yaml");
    const text = readFileSync(file, "utf8");
    // credit-sim is installed outside this folder: no schema line climbs to it (test/cli/shared-documents)
    expect(text).toMatch(/^# Your first credit-sim scenario/);
    expect(text).toContain("the 14th");
    // its comment columns line up: the commands' notes, the calendar's day examples
    const noteAt = (l: string) => {
      const gap = /\S( {3,})\S/.exec(l.slice(4))!;
      return 4 + gap.index + 1 + gap[1]!.length;
    };
    const commands = text.split("\n").filter((l) => l.startsWith("#   credit-sim"));
    expect(new Set(commands.map(noteAt)).size).toBe(1);
    const days = text.split("\n").filter((l) => l.includes("(day "));
    expect(new Set(days.map((l) => l.indexOf("(day "))).size).toBe(1);
    expect((text.match(/^ {2}- \{ /gm) ?? []).length).toBe(6 + 1); // six events, one expectation
    // a developer's first run writes the golden trace; CI then checks it
    expect((await inProcess(["test", "mine"], { cwd: dir })).code).toBe(0);
    const ci = await inProcess(["test", "mine"], { cwd: dir, env: { CI: "true" } });
    expect(ci.code).toBe(0);
    expect(ci.stdout).toContain("Expectations  1 passed, 0 failed (1)");

    writeFileSync(file, "# mine now\n");
    const again = await inProcess(["init", "mine"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("the file exists; credit-sim never replaces a file");
    expect(readFileSync(file, "utf8")).toBe("# mine now\n");
    expect((await inProcess(["init", "mine", "--force"], { cwd: dir })).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("the starter's call to customer service, on a line with nothing to put right, says what helps — as explain does", async () => {
    const here = join(dir, "advice");
    mkdirSync(here);
    await inProcess(["init"], { cwd: here });
    const run = (await inProcess(["run", "first-scenario.yaml", "--no-chart"], { cwd: here })).stdout;
    const call = run.split("\n").findIndex((l) => l.includes("contact customer service"));
    expect(call).toBeGreaterThan(0);
    const day = run.split("\n")[call]!.trim().split(/\s+/)[0]!;
    const after = run.split("\n").slice(call + 1);
    const shown = after
      .slice(
        0,
        after.findIndex((l) => !/^\s{10,}/.test(l)),
      )
      .filter((l) => l.includes("→"))
      .map((l) => l.replace(/^.*→ /, ""));
    expect(shown.length).toBeGreaterThan(0);
    const explained = (await inProcess(["explain", "first-scenario.yaml", "--day", day], { cwd: here }))
      .stdout;
    const todo = explained.split("What the customer can do\n")[1]!;
    const steps = todo
      .split("\n")
      .filter((l) => l.includes("→"))
      .map((l) => l.replace(/^.*→ /, ""));
    expect(shown).toEqual(steps);
  });

  it("the next commands it suggests run the new file, in a folder or in the current one", async () => {
    const here = join(dir, "here");
    mkdirSync(here);
    const r = await inProcess(["init"], { cwd: here });
    expect(r.stdout).toContain("credit-sim test first-scenario.yaml");
    const next = r.stdout
      .split("\n")
      .find((l) => l.includes("credit-sim test"))!
      .trim()
      .split(" ")
      .slice(1);
    const t = await inProcess(next, { cwd: here });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("Expectations  1 passed");
    expect((await inProcess(["init", "there"], { cwd: dir })).stdout).toContain("credit-sim test there");
  });

  it("the commands in the starter's comment say from which folder they run, and run from there", async () => {
    expect((await inProcess(["init", "commented"], { cwd: dir })).code).toBe(0);
    const folder = join(dir, "commented");
    const text = readFileSync(join(folder, "first-scenario.yaml"), "utf8");
    const lines = text.split("\n");
    const first = lines.findIndex((l) => l.startsWith("#   credit-sim"));
    // the line before them names the folder: the new file's, where `init` put it (not where it was run)
    expect(lines[first - 1]).toMatch(/from this file's folder/);
    const commands = lines.filter((l) => l.startsWith("#   credit-sim"));
    expect(commands).toHaveLength(3);
    for (const line of commands) {
      const args = line
        .slice(4)
        .split(/\s{3,}/)[0]!
        .split(" ")
        .slice(1);
      const r = await inProcess([...args, "--no-color"], { cwd: folder });
      expect(r.code, line).toBe(0);
    }
  });

  it("names the folder one way in everything it prints, however it was typed", async () => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    // up to the folder above the test folder, and back down into it: `../elsewhere` from sub/
    const typed = `../../${dir.split("/").at(-1)}/elsewhere`;
    const r = await inProcess(["init", typed], { cwd: join(dir, "sub") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote ../elsewhere/first-scenario.yaml");
    expect(r.stdout).toContain("credit-sim run ../elsewhere/first-scenario.yaml");
    expect(r.stdout).toContain("credit-sim test ../elsewhere\n");
  });

  it("the expectations it suggests trying pass too, once uncommented", async () => {
    expect((await inProcess(["init", "tried"], { cwd: dir })).code).toBe(0);
    const file = join(dir, "tried/first-scenario.yaml");
    const text = readFileSync(file, "utf8");
    const line = text.split("\n").find((l) => l.includes("# more to try:"))!;
    const suggested = line
      .split("# more to try:")[1]!
      .trim()
      .split(/\s{2,}/);
    expect(suggested.length).toBeGreaterThanOrEqual(2);
    writeFileSync(file, text.replace(line, suggested.map((x) => `  ${x}`).join("\n")));
    const r = await inProcess(["test", "tried"], { cwd: dir });
    expect(r.stdout).toContain(`Expectations  ${suggested.length + 1} passed, 0 failed`);
    expect(r.code).toBe(0);
  });
});

describe("explain", () => {
  it("answers why for one day, in words and as JSON", async () => {
    const r = await inProcess(["explain", ZHANG, "--day", "227"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("periodic review → suspended");
    expect(r.stdout).toMatch(/\d+ vs delinquentMinScore \d+/);
    const j = await inProcess(["explain", ZHANG, "--day", "230", "--json"]);
    expect(JSON.parse(j.stdout)).toMatchObject({
      day: 230,
      date: "2024-08-18",
      steps: [{ decision: "info" }],
    });
  });

  it("takes the day by its date too, as the trace prints it; a date before the start is refused with it", async () => {
    const byDate = await inProcess(["explain", ZHANG, "--day", "2024-08-15"]);
    expect(byDate).toMatchObject({ code: 0, stderr: "" });
    expect(byDate.stdout).toBe((await inProcess(["explain", ZHANG, "--day", "227"])).stdout);
    const before = await inProcess(["explain", ZHANG, "--day", "2023-12-31"]);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("--day: 2023-12-31 is before the scenario starts (2024-01-01, day 0)");
    const far = await inProcess(["explain", ZHANG, "--day", "2130-01-01"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("2130-01-01 (day 38716) is too large");
  });

  it("needs --day", async () => {
    const r = await inProcess(["explain", ZHANG]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("explain needs --day N");
  });
});

describe("--html", () => {
  it("run writes a page per file; - puts it on stdout and nothing else", async () => {
    const r = await inProcess(
      ["run", ZHANG, join(ROOT, "scenarios/good-customer.yaml"), "--html", "out/run.html", "--no-chart"],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("wrote out/run.html, out/run.good-customer.html\n");
    expect(readFileSync(join(dir, "out/run.html"), "utf8")).toMatch(/^<!doctype html>/);
    const s = await inProcess(["run", ZHANG, "--html", "-"]);
    expect(s.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
  });
});

describe("terminal width", () => {
  it("fits human output to a terminal's width unless --wide; JSON is never touched", async () => {
    const narrow = await inProcess(["run", ZHANG, "--no-chart"], { columns: 80 });
    for (const line of narrow.stdout.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const wide = await inProcess(["run", ZHANG, "--no-chart", "--wide"], { columns: 80 });
    expect(wide.stdout.split("\n").some((l) => stringWidth(l) > 80)).toBe(true);
    const json = await inProcess(["run", ZHANG, "--json"], { columns: 80 });
    for (const line of json.stdout.trimEnd().split("\n")) JSON.parse(line);
  });

  it("a narrow terminal gets a narrower score chart: each row whole on its line, not folded in two", async () => {
    for (const args of [
      ["run", ZHANG],
      ["whatif", ZHANG, "--remove", "16,18-21"],
    ]) {
      const r = await inProcess(args, { columns: 40 });
      // up to the note of the cells cut elsewhere (a trace's long event names at 40 columns)
      const chart = r.stdout.slice(r.stdout.indexOf("Score over time")).split("\n(some cells")[0]!;
      const rows = chart.split("\n").filter((l) => /^ +\d+ [┤┼]/.test(l));
      // ten rows of a curve and its axis, every one within the width (no continuation line between them)
      expect(rows.length, args[0]).toBe(11);
      for (const line of chart.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
      expect(chart).toMatch(/\n +day 0 +day 400(\n|$)/);
    }
  });

  it("at 60 columns a reason code's text goes on its own lines beneath the code, in a trace and in `reasons`", async () => {
    const plain = (t: string) => stripVTControlCharacters(t).split("\n");
    const trace = plain((await inProcess(["run", ZHANG, "--no-chart"], { columns: 60 })).stdout);
    const at = trace.indexOf(`${" ".repeat(18)}PAST_DUE_AT_REVIEW`);
    // it read "PAST_DUE_AT_REVIEW  A repayment was past" over a column of 22 under "A repayment"
    expect(trace.slice(at, at + 4)).toEqual([
      `${" ".repeat(18)}PAST_DUE_AT_REVIEW`,
      `${" ".repeat(20)}A repayment was past due at the review,`,
      `${" ".repeat(20)}with a score below what a past-due line`,
      `${" ".repeat(20)}may keep (648 vs delinquentMinScore 680)`,
    ]);
    // the catalogue's advice follows its text beneath the code; beside it where the terminal is wide
    const narrow = plain((await inProcess(["reasons"], { columns: 60 })).stdout);
    const i = narrow.indexOf("  OVERDUE_NOW");
    expect(narrow.slice(i, i + 3)).toEqual([
      "  OVERDUE_NOW",
      "    A repayment is past due right now",
      "    what helps: pay the overdue amount in full",
    ]);
    const wide = plain((await inProcess(["reasons"], { columns: 100 })).stdout);
    const j = wide.findIndex((l) => l.startsWith("  OVERDUE_NOW "));
    expect(wide[j + 1]!.indexOf("what helps")).toBe(wide[j]!.indexOf("A repayment"));
  });

  it("--help on a 60-column terminal wraps every option's description at a space, not where the terminal breaks it", async () => {
    for (const command of ["run", "test", "whatif", "simulate"]) {
      const { stdout } = await inProcess([command, "--help"], { columns: 60 });
      // the examples are commands, kept whole to be copied; a single word longer than the column stays too
      const prose = stdout
        .split("\n")
        .filter((l) => !/^ {2}(credit-sim|source|for) /.test(l) && /\S \S/.test(l.trim()));
      for (const line of prose) expect(stringWidth(line), `${command}: ${line}`).toBeLessThanOrEqual(60);
    }
  });
});

describe("what-if, as the docs spell it", () => {
  it("`what-if` is the `whatif` command, and `help what-if` its help", async () => {
    const args = [ZHANG, "--remove", "5", "--json"];
    const hyphen = await inProcess(["what-if", ...args]);
    expect(hyphen).toMatchObject({ code: 0, stderr: "" });
    expect(hyphen.stdout).toBe((await inProcess(["whatif", ...args])).stdout);
    const help = await inProcess(["help", "what-if"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: credit-sim whatif|what-if");
  });
});

describe("--help's examples, tried one after another in one folder", () => {
  // `schema > scenario.schema.json`, then `merge s*.json`: the glob took the schema for a shard, and a
  // reader trying the examples in order was refused (exit 2)
  it("a glob one example reads matches no file another writes but those of the kind it reads", async () => {
    const commands = ["run", "explain", "init", "test", "whatif", "simulate", "merge", "reasons"];
    const more = ["policies", "personas", "schema", "completion"];
    const lines: string[] = [];
    for (const c of [...commands, ...more]) {
      const help = (await inProcess([c, "--help"])).stdout;
      for (const l of help.slice(help.search(/Examples?:\n/)).split("\n"))
        if (/^ {2}(for .*; do )?credit-sim /.test(l)) lines.push(l.replace(/\s+#.*$/, "").trim());
    }
    // what each example writes in the folder, and of which kind: a population's JSON, a scenario, other
    const written: { file: string; kind: string }[] = [];
    for (const l of lines) {
      const population = /credit-sim simulate .*--json/.test(l);
      for (const m of l.matchAll(/(?:> |-o |--html |--save |--output-file \w+=)([^\s;&|]+)/g)) {
        const file = m[1]!.replaceAll("$i", "1");
        if (file === "-" || file.includes("/")) continue;
        written.push({
          file,
          kind: population ? "population" : /\.ya?ml$/.test(file) ? "scenario" : "other",
        });
      }
    }
    const globs = lines.flatMap((l) =>
      [...l.matchAll(/credit-sim (\w+) ((?:'[^']*'|[^\s'-][^\s]*| )+)/g)].flatMap((m) =>
        (m[2]!.match(/'[^']*'|\S+/g) ?? [])
          .filter((w) => w.includes("*"))
          .map((w) => ({ command: m[1]!, glob: w.replace(/^'(.*)'$/, "$1") })),
      ),
    );
    expect(globs.map((g) => g.command)).toContain("merge");
    const reads: Record<string, string> = { merge: "population" };
    for (const { command, glob } of globs) {
      const pattern = new RegExp(
        `^${glob
          .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
          .replaceAll("**/", "\u0000")
          .replaceAll("*", "[^/]*")
          .replaceAll("\u0000", "(.*/)?")}$`,
      );
      for (const w of written.filter((x) => pattern.test(x.file)))
        expect({ command, glob, file: w.file, kind: w.kind }).toEqual({
          command,
          glob,
          file: w.file,
          kind: reads[command] ?? "scenario",
        });
    }
    // the shards the examples write are the files the merge examples read
    expect(written.filter((w) => w.kind === "population").map((w) => w.file)).toContain("shard-1.json");
  });
});

describe("--help's examples", () => {
  // the program's own help ("": `credit-sim --help`) and each command's; a population's examples take minutes
  it.each(
    ["", "run", "explain", "test", "whatif", "reasons", "policies", "personas", "init"].map((c) => [
      `credit-sim ${c}${c ? " " : ""}--help`,
      c,
    ]),
  )(
    "%s: its examples run as shown in a copy of the shipped scenarios, and each shows something",
    async (_, command) => {
      const help = (await inProcess(command === "" ? ["--help"] : [command, "--help"])).stdout;
      // each command's examples in a folder of their own, as a reader trying them would start
      const here = join(dir, `help-examples-${command || "program"}`);
      cpSync(join(ROOT, "scenarios"), join(here, "scenarios"), { recursive: true });
      const examples = help
        .slice(help.search(/Examples?:\n/))
        .split("\n")
        .filter((l) => l.startsWith("  credit-sim "))
        .map((l) => l.replace(/\s+#.*$/, "").trim());
      let ran = 0;
      for (const example of examples) {
        const quoted = /'[^']*'|"[^"]*"/g;
        // a shell's pipes, redirections and chains, and a watch that runs until Ctrl-C: not run here
        if (/[|<>&;]|--watch/.test(example.replace(quoted, ""))) continue;
        const args = (example.match(/'[^']*'|"[^"]*"|\S+/g) ?? [])
          .slice(1)
          .map((w) => w.replace(/^(['"])(.*)\1$/, "$2"));
        // whatif on a file alone is the interactive session, for a terminal
        if ((args[0] === "whatif" && args.length === 2) || args[0] === "simulate") continue;
        const r = await inProcess(args, { cwd: here });
        // what it wrote may be said on stderr ("wrote zhang-ming.html"); a problem or a warning may not
        const problems = r.stderr.split("\n").filter((l) => l.startsWith("credit-sim:"));
        expect({ example, code: r.code, problems }).toEqual({ example, code: 0, problems: [] });
        // a test run of no scenario at all shows nothing of what the example is for
        expect(r.stdout, example).not.toMatch(/^Scenarios +0 passed, 0 failed \(0\)/m);
        ran++;
      }
      expect(ran, "examples run").toBeGreaterThan(0);
    },
    20_000,
  );
});

// Strings from files reach every human output escaped: a scenario's name, description, notes and
// merchants, a policy's name, keys in error messages, file names in test reports. Nothing a file holds
// can move the cursor, change colours, plant a link, reorder text or forge a line.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { Chalk } from "chalk";
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { loadPersonas } from "../../src/population/persona.js";
import { fromRange } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import type { PopulationSettings } from "../../src/population/settings.js";
import { explainDay } from "../../src/render/explain-day.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderPopulation } from "../../src/render/population.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { InputError } from "../../src/shared/errors.js";
import {
  printable,
  printableLines,
  printableName,
  visibleControls,
  workflowPath,
} from "../../src/shared/text.js";
import { goldenTrace } from "../../src/testing/golden-trace.js";
import type { TestRun } from "../../src/testing/report.js";
import { renderJunit } from "../../src/testing/reporters/junit.js";
import { renderPretty } from "../../src/testing/reporters/pretty.js";
import { scenarioReport, testRun } from "../helpers/test-run.js";

const ESC = "\u001b";
const HOSTILE = `${ESC}[2J${ESC}]8;;http://evil.example${ESC}\\link${ESC}]8;;${ESC}\\\u0007\r\u202eevil\nforged line\u009b31m`;
/** Whether `text` holds a raw control character other than the line breaks the program writes. */
const raw = (text: string) =>
  [...text].some((ch) => {
    const c = ch.codePointAt(0)!;
    return (
      (c < 0x20 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    );
  });

const dir = mkdtempSync(join(tmpdir(), "credit-sim-tty-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yamlString = (s: string) => JSON.stringify(s);
writeFileSync(join(dir, "p.yaml"), `name: ${yamlString(`pol${HOSTILE}`)}\nextends: default\n`);
const file = join(dir, "s.yaml");
writeFileSync(
  file,
  [
    `name: ${yamlString(HOSTILE)}`,
    `description: ${yamlString(HOSTILE)}`,
    "policy: ./p.yaml",
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 5000 }",
    `  - { day: 1, type: purchase, amount: 10, merchant: ${yamlString(HOSTILE)} }`,
    `  - { day: 2, type: note, text: ${yamlString(HOSTILE)} }`,
    "",
  ].join("\n"),
);

describe("printable", () => {
  it("shows control characters as escapes and leaves any script alone", () => {
    expect(printable(`a${ESC}[31mb\n\t\u202e`)).toBe("a\\x1b[31mb\\n\\t\\u202e");
    expect(printable("张明 — café 💳")).toBe("张明 — café 💳");
  });

  it("shows half a surrogate pair as an escape, a whole pair as its character", () => {
    // written out as UTF-8 a lone half becomes U+FFFD: a golden trace holding it never read back as written
    expect(printable("a\ud800b\udc00 \ud83d\udcb3 \udcb3\ud83d")).toBe("a\\ud800b\\udc00 💳 \\udcb3\\ud83d");
    expect(printable("\ud800\ud83d\udcb3\udcb3")).toBe("\\ud800💳\\udcb3");
  });

  it("shows a noncharacter as an escape, as a page does: no character to show (it was printed raw)", () => {
    const odd = "a\uffff b\ufffe c\ufdd0 d\ufdef e\u{1fffe} f\u{10ffff} g\ud800";
    const shown = "a\\uffff b\\ufffe c\\ufdd0 d\\ufdef e\\u{1fffe} f\\u{10ffff} g\\ud800";
    expect(printable(odd)).toBe(shown);
    expect(printableLines(`${odd}\n`)).toBe(`${shown}\n`);
    expect(workflowPath(odd)).toBe(shown);
    // their neighbours are characters: left alone, a plane's pair too
    expect(printable("\ufdcf\ufdf0\ufffd\u{1fffd}\u{20000}")).toBe("\ufdcf\ufdf0\ufffd\u{1fffd}\u{20000}");
  });

  it("leaves nothing a CI runner takes as a command: `::` opening a line, `##[` anywhere", () => {
    expect(printable("::error file=README.md::forged")).toBe("\\x3a:error file=README.md::forged");
    expect(printable("  ::warning::x")).toBe("  \\x3a:warning::x");
    expect(printable("Taobao ##[stop-commands]tok")).toBe("Taobao #\\x23[stop-commands]tok");
    // a colon pair inside a line is no command
    expect(printable("a::b")).toBe("a::b");
    // white space the runner trims first (.NET TrimStart: NBSP, ideographic space…), and Azure's form
    expect(printable("\u00a0::error::x")).toBe("\u00a0\\x3a:error::x");
    expect(printable("\u3000\u2003::warning::x")).toBe("\u3000\u2003\\x3a:warning::x");
    expect(printable("##vso[task.setvariable]x")).toBe("#\\x23vso[task.setvariable]x");
  });
});

// a name holding a zero-width character was printed as is: `Zhang\u200bMing` looked like `ZhangMing`
describe("a name's invisible characters", () => {
  it("are shown as escapes, as error messages show them; an emoji's joiner is kept", () => {
    expect(printableName("rev\u200bolver\u2060\u00ad\ufeff")).toBe("rev\\u200bolver\\u2060\\u00ad\\ufeff");
    expect(printableName("\u200dx\u200c")).toBe("\\u200dx\\u200c");
    expect(printableName("严格政策 👩\u200d💻 café")).toBe("严格政策 👩\u200d💻 café");
    expect(printableName(`a${ESC}[2J`)).toBe("a\\x1b[2J");
  });

  it("in the trace's heading: the scenario's name and its policy's", () => {
    writeFileSync(join(dir, "zw-p.yaml"), 'name: "tigh\\u200btened"\nextends: default\n');
    const zw = join(dir, "zw.yaml");
    writeFileSync(zw, 'name: "Zhang\\u200bMing"\npolicy: ./zw-p.yaml\nevents: []\n');
    const { scenario } = loadScenario(zw);
    const text = renderTrace(scenario, simulate(scenario), {
      chalk: new Chalk({ level: 0 }),
      explain: false,
      chart: false,
    });
    expect(text).toContain("Zhang\\u200bMing");
    expect(text).toContain("policy tigh\\u200btened");
    expect(text).not.toContain("\u200b");
  });

  // the heading said `policy tigh\u200btened`, the policy event's line and explain's heading the raw name
  it("in a policy event's line and explain's heading: the scenario's name and the policy's", () => {
    writeFileSync(join(dir, "zw-p2.yaml"), 'name: "tigh\\u200btened"\nextends: default\n');
    const zw = join(dir, "zw2.yaml");
    writeFileSync(
      zw,
      'name: "Zhang\\u200bMing"\npolicy: ./zw-p2.yaml\nevents:\n  - { day: 3, type: policy, use: ./zw-p2.yaml }\n',
    );
    const { scenario } = loadScenario(zw);
    const trace = simulate(scenario);
    const text = renderTrace(scenario, trace, {
      chalk: new Chalk({ level: 0 }),
      explain: false,
      chart: false,
    });
    expect(text).toContain("policy → tigh\\u200btened");
    expect(text).not.toContain("\u200b");
    const explained = renderExplanation(explainDay(scenario, trace, 3), new Chalk({ level: 0 }));
    expect(explained).toContain("Zhang\\u200bMing — day 3");
    expect(explained).toContain("policy tigh\\u200btened");
    expect(explained).not.toContain("\u200b");
  });
});

describe("a CI log", () => {
  // what GitHub's runner reads as a command: a line opening with `::`, or `##[` anywhere
  const commandLines = (text: string) =>
    text.split("\n").filter((l) => /^\s*::/.test(l) || l.includes("##["));

  it("the trace and the test report forge no workflow command", () => {
    const forged = "::error file=README.md,line=1::Injected";
    const yaml = `name: ${yamlString(forged)}\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n  - { day: 1, type: purchase, amount: 10, merchant: ${yamlString("x ##[stop-commands]tok")} }\n`;
    const { scenario } = loadScenarioText(yaml, join(dir, "forged.yaml"));
    const trace = renderTrace(scenario, simulate(scenario), {
      chalk: new Chalk({ level: 0 }),
      chart: false,
      explain: false,
    });
    expect(trace).toContain("Injected");
    expect(commandLines(trace)).toEqual([]);
    const report: TestRun["reports"][number] = {
      file: `${forged}.yaml`,
      name: forged,
      status: "error",
      policy: null,
      seed: null,
      line: null,
      expectations: [],
      error: `${forged}.yaml: bad input`,
      durationMs: 1,
      snapshot: null,
    };
    const run = testRun([report]);
    expect(commandLines(renderPretty(run, new Chalk({ level: 0 }), (f) => `credit-sim test ${f}`))).toEqual(
      [],
    );
    // the policy files a run left out are file names too
    const left = renderPretty(
      { ...run, policyFiles: [`p\n${forged}\u001b[2J.yaml`] },
      new Chalk({ level: 0 }),
      (f) => `credit-sim test ${f}`,
    );
    expect(commandLines(left)).toEqual([]);
    expect(raw(left)).toBe(false);
  });
});

describe("every human output", () => {
  const loaded = loadScenario(file);
  const trace = simulate(loaded.scenario);

  it("the trace, without colour and with it", () => {
    for (const level of [0, 1] as const) {
      const text = renderTrace(loaded.scenario, trace, {
        chalk: new Chalk({ level }),
        explain: true,
        chart: true,
      });
      const withoutOurColour = stripVTControlCharacters(text);
      expect(raw(withoutOurColour)).toBe(false);
      expect(text).not.toContain("\nforged line");
      // the file's own sequences never reach the terminal, coloured output or not
      for (const seq of [`${ESC}[2J`, `${ESC}]8`, "\u0007", "\r", "\u202e", "\u009b"])
        expect(text).not.toContain(seq);
      expect(text).toContain("\\x1b[2J");
    }
  });

  it("the golden trace", () => {
    const text = goldenTrace(loaded.scenario, trace.steps);
    expect(raw(text)).toBe(false);
    expect(text).not.toContain("\nforged line");
  });

  it("error messages, whatever key or value a file holds", () => {
    try {
      loadScenarioText(`name: x\nevents: []\n${yamlString(`k${HOSTILE}`)}: 1\n`, `f${HOSTILE}.yaml`);
      throw new Error("loaded");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(raw(e.format("credit-sim: "))).toBe(false);
      expect(e.format()).not.toContain("\nforged line");
    }
  });

  it("the test report", () => {
    const reports: TestRun["reports"] = [
      scenarioReport({
        file: `s${HOSTILE}.yaml`,
        name: HOSTILE,
        status: "failed",
        snapshot: { status: "mismatch", file: `t${HOSTILE}.trace`, diff: `- ${HOSTILE}\n+ b` },
      }),
    ];
    const run = testRun(reports, { obsolete: [`o${HOSTILE}.trace`] });
    const text = renderPretty(run, new Chalk({ level: 0 }), (f) => `credit-sim test ${f}`);
    expect(raw(text)).toBe(false);
    expect(text).not.toContain("\nforged line");
  });

  // the trace's heading shows `Zhang\u200bMing`; the test report printed the name as it is
  it("the test report shows a scenario's name with its invisible characters as escapes, the JUnit report too", () => {
    const run = testRun([scenarioReport({ file: "zw.yaml", name: "Zhang\u200bMing", status: "failed" })]);
    for (const text of [
      renderPretty(run, new Chalk({ level: 0 }), (f) => `credit-sim test ${f}`),
      renderJunit(run),
    ]) {
      expect(text).toContain("Zhang\\u200bMing");
      expect(text).not.toContain("\u200b");
    }
  });

  it("the population report (policy names come from files)", () => {
    const policy = loadPolicy(join(dir, "p.yaml"), dir);
    const personas = loadPersonas(["steady-payer"]);
    const settings: PopulationSettings = {
      seed: 1,
      days: 60,
      start: "2024-01-01",
      policy,
      arms: [],
      from: 0,
      compare: [],
      bad: "ever90",
      scoreDay: 0,
    };
    const result = fromRange(
      {
        seed: 1,
        days: 60,
        start: "2024-01-01",
        accounts: 5,
        range: [0, 5],
        personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: "00000000" })),
        policy: { name: policy.name, ref: "p.yaml", fingerprint: "00000000" },
        challenger: null,
        challengerFrom: 0,
        sweep: null,
        bad: "ever90",
        scoreDay: 0,
        costOfFunds: 0.035,
        stress: null,
      },
      runRange(settings, personas, 0, 5, {}),
    );
    const text = renderPopulation(result, { chalk: new Chalk({ level: 0 }), chart: true });
    expect(text).toContain("pol\\x1b[2J");
    expect(raw(text)).toBe(false);
  });
});

describe("the newer outputs", () => {
  it("explain and the github reporter show a hostile name escaped", async () => {
    const { explainDay } = await import("../../src/render/explain-day.js");
    const { renderExplanation } = await import("../../src/render/explain-text.js");
    const { renderGithub } = await import("../../src/testing/reporters/github.js");
    const text = `name: "${JSON.stringify(HOSTILE).slice(1, -1)}"\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n`;
    const { scenario } = loadScenarioText(text, join(dir, "hostile-explain.yaml"));
    const x = explainDay(scenario, simulate(scenario), 0);
    expect(raw(renderExplanation(x, new Chalk({ level: 0 })))).toBe(false);
    const report = {
      file: `s${HOSTILE}.yaml`,
      name: HOSTILE,
      status: "failed" as const,
      policy: null,
      seed: null,
      line: 3,
      expectations: [],
      error: null,
      durationMs: 0,
      snapshot: { status: "mismatch" as const, file: "x.trace", diff: `- ${HOSTILE}\n+ b` },
    };
    const run = testRun([report]);
    const out = renderGithub(run);
    expect(out.startsWith("::error ")).toBe(true);
    expect(raw(out.replace(/\n$/, ""))).toBe(false);
  });
});

describe("the what-if search's advice", () => {
  // a suggestion names the purchase it would skip by its merchant, a string from the file
  it("shows a hostile merchant escaped, in every suggestion", async () => {
    const { cli } = await import("../helpers/cli.js");
    const f = join(dir, "advice.yaml");
    writeFileSync(
      f,
      [
        "name: advice",
        "until: 150",
        "profile: { age: 41, monthlyIncome: 15000, verified: true, creditHistoryMonths: 96 }",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 10000 }",
        `  - { day: 6, type: purchase, amount: 1800, merchant: ${yamlString(HOSTILE)} }`,
        "",
      ].join("\n"),
    );
    const r = await cli(["whatif", f, "--avoid", "suspended"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("purchase at \\x1b[2J");
    expect(raw(r.stdout)).toBe(false);
    expect(r.stdout).not.toContain("\nforged line");
  });
});

describe("the names of the files a command wrote", () => {
  it("are said terminal-safe, and no line of them can pass for a CI command", async () => {
    const { cli } = await import("../helpers/cli.js");
    const name = `x${ESC}]0;PWNED\u0007\n::error file=a.yaml::forged.html`;
    const runs = [
      ["run", join(dir, "plain.yaml"), "--html", join(dir, name)],
      ["whatif", join(dir, "plain.yaml"), "--set", "minScore=600", "--html", join(dir, `w${name}`)],
      ["simulate", "--accounts", "20", "--days", "60", "--no-progress", "--html", join(dir, `s${name}`)],
    ];
    writeFileSync(
      join(dir, "plain.yaml"),
      "name: plain\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n",
    );
    for (const args of runs) {
      const r = await cli(args);
      expect(r.status, args[0]).toBe(0);
      expect(r.stderr).toContain("wrote ");
      expect(r.stderr).not.toContain(ESC);
      expect(r.stderr).not.toContain("\u0007");
      expect(r.stderr.split("\n").some((l) => /^\s*::/.test(l))).toBe(false);
    }
  });
});

describe("a hint that quotes what was typed or found on disk", () => {
  // A hint is the one line of a message that keeps its line breaks; what it quotes from a command line or
  // a folder must not bring its own: `did you mean` a file named with a line break forged a line, as
  // `--challenger-set` quoting its value did.
  it("forges no line: a file's near name, a flag's value", async () => {
    const { cli } = await import("../helpers/cli.js");
    const near = join(dir, "hint-near");
    mkdirSync(near, { recursive: true });
    writeFileSync(join(near, "scenari\nforged line.yaml"), "name: x\nevents: []\n");
    const runs = [
      ["run", join(near, "scenario\nforged line.yaml")],
      ["simulate", "--accounts", "5", "--days", "5", "--challenger-set", "minScore=1\nforged line"],
    ];
    for (const args of runs) {
      const r = await cli(args);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain("forged");
      expect(r.stderr, args[0]).not.toContain("\nforged line");
    }
  });
});

describe("what-if's list of edits", () => {
  // each edit is said in words the user's own text is part of: a policy file's name (--policy), an edited
  // field's value (JSON.stringify leaves C1 and bidirectional controls raw) — said raw, `policy
  // p\x1b]0;…` set the terminal's title
  it("shows what it quotes escaped, in the comparison and in the listing", async () => {
    const { cli } = await import("../helpers/cli.js");
    const policy = join(dir, `pol${HOSTILE.replaceAll("/", "_")}.yaml`);
    writeFileSync(policy, "name: hostile-file\nextends: default\nminScore: 600\n");
    writeFileSync(
      join(dir, "edits.yaml"),
      "name: edits\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n  - { day: 1, type: purchase, amount: 10, merchant: JD }\n",
    );
    const edited = `2:merchant="JD\\u009b2J\\u202eevil"`;
    for (const extra of [[], ["--list"]]) {
      const r = await cli([
        "whatif",
        join(dir, "edits.yaml"),
        "--policy",
        policy,
        "--edit",
        edited,
        ...extra,
      ]);
      expect(r.status, extra.join(" ")).toBe(0);
      expect(r.stdout, extra.join(" ")).toContain("Edits");
      expect(raw(r.stdout), extra.join(" ")).toBe(false);
      expect(r.stdout, extra.join(" ")).not.toContain("\nforged line");
    }
  });
});

describe("every HTML page", () => {
  // a page is read with cat, less or in a CI log as well as in a browser: what a file holds reaches it
  // with its controls and bidirectional overrides shown as escapes, in the markup and in the page's data
  it("holds no raw control character or bidirectional override from a file, whichever command wrote it", async () => {
    const { cli } = await import("../helpers/cli.js");
    const { mkdirSync, copyFileSync } = await import("node:fs");
    const tests = join(dir, "html-tests");
    mkdirSync(tests, { recursive: true });
    copyFileSync(file, join(tests, "s.yaml"));
    copyFileSync(join(dir, "p.yaml"), join(tests, "p.yaml"));
    const policy = join(dir, "p.yaml");
    const runs = [
      ["run", file, "--html", "-"],
      ["whatif", file, "--set", "minScore=600", "--html", "-"],
      ["simulate", "--policy", policy, "--challenger", policy, "--accounts", "20", "--days", "60"],
      ["test", tests, "--reporter", "html", "--output", "-"],
    ];
    runs[2]!.push("--no-progress", "--html", "-");
    for (const args of runs) {
      const r = await cli(args);
      expect(r.stdout, args[0]).toContain("<html");
      for (const ch of [ESC, "\u0007", "\u009b", "\u202e"])
        expect(r.stdout.includes(ch), args[0]).toBe(false);
    }
  });
});

describe("a page's noncharacters", () => {
  // U+FFFF, U+FDD0, U+1FFFE … are no characters to show (HTML's parser calls each an error) and a lone
  // surrogate is written as U+FFFD: each went onto the page raw, where its controls show as escapes
  it("are shown as escapes, as controls are, in the markup and in the page's data", async () => {
    const { cli } = await import("../helpers/cli.js");
    const odd = "a\uffff b\ufffe c\ufdd0 d\ufdef e\u{1fffe} f\u{10ffff} g\ud800";
    const scenario = join(dir, "noncharacters.yaml");
    writeFileSync(
      scenario,
      [
        `name: ${yamlString(odd)}`,
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        `  - { day: 1, type: purchase, amount: 10, merchant: ${yamlString(odd)} }`,
        "",
      ].join("\n"),
    );
    const r = await cli(["run", scenario, "--html", "-"]);
    expect(r.stdout).toContain("<html");
    expect(r.stdout).not.toMatch(/\p{Noncharacter_Code_Point}|\ufffd/u);
    expect(r.stdout).toContain("a\\uffff b\\ufffe c\\ufdd0 d\\ufdef e\\u{1fffe} f\\u{10ffff} g\\ud800");
    // a character that is one, however rare, is left alone
    expect(visibleControls("\ufdcf \ufdf0 \ufffd \u{1fffd} 张")).toBe("\ufdcf \ufdf0 \ufffd \u{1fffd} 张");
  });
});

describe("every JSON output", () => {
  // JSON.stringify escapes C0 controls only: DEL, C1 controls (U+009B is a CSI to a terminal that reads
  // UTF-8's C1 as controls) and bidirectional overrides went out raw to whoever reads --json with cat or
  // less, or in a CI log. They are written as \u escapes, which every JSON reader reads back the same.
  it("holds no raw control character or bidirectional override from a file, and reads back as the file's text", async () => {
    const { cli } = await import("../helpers/cli.js");
    const { mkdirSync, copyFileSync } = await import("node:fs");
    const tests = join(dir, "json-tests");
    mkdirSync(tests, { recursive: true });
    copyFileSync(file, join(tests, "s.yaml"));
    copyFileSync(join(dir, "p.yaml"), join(tests, "p.yaml"));
    const policy = join(dir, "p.yaml");
    const population = ["--policy", policy, "--accounts", "20", "--days", "60", "--no-progress"];
    const runs = [
      ["run", file, "--json"],
      ["explain", file, "--day", "2", "--json"],
      ["whatif", file, "--set", "minScore=600", "--json"],
      ["whatif", file, "--list", "--json"],
      ["whatif", file, "--avoid", "declined", "--json"],
      ["test", tests, "--reporter", "json"],
      ["simulate", ...population, "--json"],
    ];
    for (const args of runs) {
      const r = await cli(args);
      expect(r.stderr, args.join(" ")).toBe("");
      for (const ch of [ESC, "\u007f", "\u009b", "\u202e", "\u2028"])
        expect(r.stdout.includes(ch), `${args.join(" ")}: U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
      // read back, the text is the file's: the hostile name, or the policy's (simulate names no scenario)
      const documents = args[0] === "run" ? r.stdout.trim().split("\n") : [r.stdout];
      const strings = documents.flatMap((d) => JSON.stringify(JSON.parse(d)));
      const written = args[0] === "simulate" ? `pol${HOSTILE}` : HOSTILE;
      expect(strings.join("\n"), args.join(" ")).toContain(JSON.stringify(written).slice(1, -1));
    }
    // merge writes the document it read back out
    writeFileSync(
      join(dir, "s1.json"),
      (await cli(["simulate", ...population, "--shard", "1/2", "--json"])).stdout,
    );
    writeFileSync(
      join(dir, "s2.json"),
      (await cli(["simulate", ...population, "--shard", "2/2", "--json"])).stdout,
    );
    const merged = await cli(["merge", join(dir, "s1.json"), join(dir, "s2.json"), "--json"]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(merged.stdout).meta.policy.name).toBe(`pol${HOSTILE}`);
  });
});

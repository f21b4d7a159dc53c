// Every shell example in README.md and docs/ runs as written (in-process, through runCli), in a scratch
// copy of the shipped scenarios, so the docs stay true. A page's examples share one scratch folder and
// run in order (README's `init` makes the folder its `test` then checks).

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/run-cli.js";
import { loadScenarioText } from "../src/scenario/load.js";
import { ROOT } from "./helpers/cli.js";
import { blocks, type Example, examples, missingFrom } from "./helpers/doc-examples.js";

const pages = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const scratch = mkdtempSync(join(tmpdir(), "credit-sim-docs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs one example in `cwd`; absolute /tmp/ paths land in the scratch folder too. */
async function run(ex: Example, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  for (const step of ex.steps) {
    const args = step.args.map((a) => (a.startsWith("/tmp/") ? join(cwd, "tmp", a.slice(5)) : a));
    let out = "";
    code = await runCli(args, {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdinIsTTY: false,
      // a user's machine: no CI, no colour
      env: { NO_COLOR: "1", PATH: process.env.PATH },
      cwd,
    });
    if (step.stdoutTo) {
      const target = step.stdoutTo.startsWith("/tmp/")
        ? join(cwd, "tmp", step.stdoutTo.slice(5))
        : join(cwd, step.stdoutTo);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, out);
    } else stdout += out;
    if (code !== 0) break;
  }
  return { code, stdout, stderr };
}

describe("docs examples", () => {
  for (const page of pages) {
    const text = readFileSync(join(ROOT, page), "utf8");
    const all = blocks(page, text);
    const runnable = all.filter((b) => b.run).flatMap(examples);
    if (runnable.length === 0) continue;
    // the README's examples in the fast tier; the pages', seconds of simulations, reports and pages, in the
    // slow tier (vitest.config.ts)
    const tags: "slow"[] = page === "README.md" ? [] : ["slow"];
    it(`${page}: ${runnable.length} example${runnable.length === 1 ? "" : "s"} run as written`, {
      tags,
      timeout: 60_000,
    }, async () => {
      const cwd = join(scratch, page.replace(/[/.]/g, "-"));
      mkdirSync(join(cwd, "tmp"), { recursive: true });
      cpSync(join(ROOT, "scenarios"), join(cwd, "scenarios"), { recursive: true });
      for (const block of all.filter((b) => b.run)) {
        const list = examples(block);
        for (const ex of list) {
          const r = await run(ex, cwd);
          expect({
            at: `${ex.file}:${ex.line}`,
            command: ex.text,
            code: r.code,
            stderr: r.code === ex.exit ? "" : r.stderr,
          }).toEqual({
            at: `${ex.file}:${ex.line}`,
            command: ex.text,
            code: ex.exit,
            stderr: "",
          });
          // the output shown under a one-command block is what that command prints
          if (block.shows && list.length === 1)
            expect({
              at: `${ex.file}:${block.shows[0]?.line}`,
              missing: missingFrom(r.stdout + r.stderr, block.shows),
            }).toEqual({
              at: `${ex.file}:${block.shows[0]?.line}`,
              missing: [],
            });
        }
      }
    });
  }

  it("every scenario written out in full in the docs loads", () => {
    let checked = 0;
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), "utf8");
      for (const m of text.matchAll(/```yaml\n([\s\S]*?)```/g)) {
        if (!/^name: /m.test(m[1]!) || !/^events:/m.test(m[1]!)) continue;
        // relative references (the schema line, policy files) start at the shipped scenarios
        expect(() => loadScenarioText(m[1]!, join(ROOT, "scenarios", "example.yaml")), page).not.toThrow();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("every scenario written out in full with expectations passes `credit-sim test` as written", async () => {
    const folder = join(scratch, "written-out");
    mkdirSync(folder, { recursive: true });
    let n = 0;
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), "utf8");
      for (const m of text.matchAll(/```yaml\n([\s\S]*?)```/g)) {
        if (!/^events:/m.test(m[1]!) || !/^expect:/m.test(m[1]!)) continue;
        const file = join(folder, `example-${n++}.yaml`);
        writeFileSync(file, m[1]!);
        let out = "";
        const code = await runCli(["test", file, "--no-snapshots"], {
          stdout: { write: (t: string) => (out += t) },
          stderr: { write: (t: string) => (out += t) },
          stdinIsTTY: false,
          env: { NO_COLOR: "1", PATH: process.env.PATH },
          cwd: folder,
        });
        expect({ page, code, out }).toMatchObject({ code: 0 });
      }
    }
    expect(n).toBeGreaterThan(0);
  });

  it("holds the output shown under a one-command example to what it prints (at least one page shows some)", () => {
    const shown = pages.flatMap((page) =>
      blocks(page, readFileSync(join(ROOT, page), "utf8")).filter(
        (b) => b.run && b.shows !== null && examples(b).length === 1,
      ),
    );
    expect(shown.map((b) => b.file)).toContain("docs/what-if.md");
    expect(
      missingFrom("a\nb\nc\n", [
        { line: 1, text: "c" },
        { line: 2, text: "a" },
      ]),
    ).toEqual(["a"]);
    expect(
      missingFrom("a\nb\n", [
        { line: 1, text: "a" },
        { line: 2, text: "  …" },
        { line: 3, text: "b" },
      ]),
    ).toEqual([]);
  });

  it("cite no document outside the repository, not even by its bare name", () => {
    // `(DOMAIN)` once stood where a source belongs: a reader has no such file to open
    for (const page of pages)
      expect(readFileSync(join(ROOT, page), "utf8").match(/\b(?:DOMAIN|SPEC)\b/g), page).toBeNull();
  });

  it("marks the examples that do not run, with a reason", () => {
    for (const page of pages) {
      for (const b of blocks(page, readFileSync(join(ROOT, page), "utf8")).filter((x) => !x.run))
        expect(b.why, `${page}:${b.line}`).not.toBe("");
    }
  });
});

// The README and docs/ are part of the product: the set-up commands, the generated reference tables, the
// dependency list, the links and the licence must stay true. (Their shell examples run in
// docs-examples.test.ts.)

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const docs = readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".md"))
  .map((f) => join("docs", f));
const pages = ["README.md", ...docs].map((file) => ({ file, text: readFileSync(join(ROOT, file), "utf8") }));

describe("README", () => {
  it("opens with exactly the two set-up commands: install + run Zhang Ming, and the tests", () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split("\n");
    expect(first).toEqual(["npm ci && npx credit-sim run scenarios/zhang-ming.yaml", "npm test"]);
    expect(readme.indexOf("```sh")).toBeLessThan(readme.indexOf("\n## "));
  });

  it("is about 10 KB: the rest lives in docs/", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(12_500);
  });

  it("explains the trace excerpt with what the excerpt shows", () => {
    const excerpt = readme.slice(
      readme.indexOf("<!-- trace:start -->"),
      readme.indexOf("<!-- trace:end -->"),
    );
    const guide = readme.slice(
      readme.indexOf("<!-- trace:end -->"),
      readme.indexOf("## Your first scenario"),
    );
    const quoted = [...guide.matchAll(/`(score [−+]\d+|[A-Z][A-Z_]{3,})/g)]
      .map((m) => m[1]!)
      .filter((q) => q !== "CODE");
    expect(quoted.length).toBeGreaterThan(1);
    for (const q of quoted) expect(excerpt, q).toContain(q);
  });

  it("puts the calendar rules before the first scenario is written", () => {
    const calendar = readme.indexOf("**The calendar first**");
    expect(calendar).toBeGreaterThan(0);
    expect(calendar).toBeLessThan(readme.indexOf("npx credit-sim init"));
  });

  it("names every runtime dependency in its dependency list", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const rows = readme.split("\n").filter((l) => l.startsWith("| `"));
    for (const dep of Object.keys(pkg.dependencies))
      expect(
        rows.some((r) => r.split("|")[1]!.includes(`\`${dep}\``)),
        dep,
      ).toBe(true);
    const devRow = readme.split("\n").find((l) => l.startsWith("| dev:"))!;
    for (const dep of Object.keys(pkg.devDependencies).filter((d) => !d.startsWith("@types/")))
      expect(devRow).toContain(`\`${dep}\``);
  });

  it("its command table says what the commands take and do, as they do it", async () => {
    const { cli } = await import("./helpers/cli.js");
    const row = (command: string) =>
      readme.split("\n").find((l) => l.startsWith(`| \`npx credit-sim ${command}`))!;
    // explain's --day takes a day's number or its date
    expect((await cli(["explain", "--help"])).stdout).toMatch(/--day <n\|date> .*its number .* or its date/s);
    expect(row("explain")).toContain("--day N\\|YYYY-MM-DD");
    expect((await cli(["explain", "scenarios/zhang-ming.yaml", "--day", "2024-08-15"])).stdout).toContain(
      "day 227 (2024-08-15)",
    );
    // the completion script completes the command `credit-sim`, not `npx credit-sim`
    const script = (await cli(["completion", "bash"])).stdout;
    expect(script).toMatch(/^complete .* credit-sim$/m);
    expect(script).not.toMatch(/^complete .* npx$/m);
    expect(row("completion")).toMatch(/completion of `credit-sim` \(on PATH, not `npx`\)/);
  });

  it("ships the MIT licence that package.json names", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string };
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
  });
});

describe("docs", () => {
  it("have reference tables and a trace excerpt generated from the code (scripts/docs-tables.mjs)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/docs-tables.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // points below zero as the CLI and the model page write them: a minus sign, not a hyphen
    const scorecard = readFileSync(join(ROOT, "docs/reference/scorecard.md"), "utf8");
    expect(scorecard).toContain("31–60: −60");
    expect(scorecard).not.toMatch(/: -\d/);
  });

  it("stand on their own: no reference to documents outside the repository", () => {
    for (const { file, text } of pages) {
      expect(text, file).not.toMatch(/\bSPEC(\.md)?\b|DOMAIN\.md|\.\.\/shared/);
    }
  });

  it("link only to files that exist, and to headings those pages have", () => {
    let anchored = 0;
    for (const { file, text } of pages) {
      // `[a](b)` inside a code block is code, not a link
      for (const m of text.replace(/```[\s\S]*?```/g, "").matchAll(/\]\(([^)#\s]*)(?:#([^)\s]*))?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const path = target === "" ? join(ROOT, file) : resolve(ROOT, dirname(file), target);
        expect(existsSync(path), `${file} → ${target}`).toBe(true);
        if (m[2] === undefined || !path.endsWith(".md")) continue;
        expect(headingAnchors(readFileSync(path, "utf8")), `${file} → ${target}#${m[2]}`).toContain(m[2]);
        anchored++;
      }
    }
    expect(anchored).toBeGreaterThan(10);
    // GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered
    expect(
      headingAnchors("# A `b` c\n## The test suite's figure (3 December)\n```\n# not one\n```\n# A b c\n"),
    ).toEqual(["a-b-c", "the-test-suites-figure-3-december", "a-b-c-1"]);
  });

  it("show every picture in docs/images, each with alt text, and name no picture that is missing", () => {
    const dir = join(ROOT, "docs", "images");
    const shown = new Set<string>();
    for (const { file, text } of pages) {
      const prose = text.replace(/```[\s\S]*?```/g, "");
      // a picture only as Markdown `![alt](path)`: an HTML <img> would slip past these checks
      expect(prose, file).not.toMatch(/<img\b/i);
      for (const m of prose.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)) {
        const path = resolve(ROOT, dirname(file), m[2]!);
        expect(existsSync(path), `${file} → ${m[2]}`).toBe(true);
        expect(dirname(path), `${file} → ${m[2]}: pictures live in docs/images`).toBe(dir);
        // alt text a screen reader can read out: words, not a file name
        expect(m[1]!.trim().split(/\s+/).length, `${file} → ${m[2]}: alt text`).toBeGreaterThan(3);
        shown.add(m[2]!.split("/").at(-1)!);
      }
    }
    expect([...shown].sort()).toEqual(readdirSync(dir).sort());
  });

  it("write every command as `npx credit-sim …`, which works in a clone after `npm ci`", () => {
    for (const { file, text } of pages) {
      for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
        for (const line of block[1]!.split("\n")) {
          expect(line, file).not.toMatch(/(^|[;&|]\s*)credit-sim /);
        }
      }
    }
  });
});

/** The anchors GitHub gives a page's headings (outside code blocks). */
function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  return [...markdown.replace(/```[\s\S]*?```/g, "").matchAll(/^#{1,6} (.+)$/gm)].map((m) => {
    const slug = m[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replaceAll(" ", "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    return n === 0 ? slug : `${slug}-${n}`;
  });
}

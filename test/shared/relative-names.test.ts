// Files are named relative to the working folder when inside it — a folder whose name starts with two dots
// (`..drafts`) is inside it, not above it.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputs } from "../../src/cli/output-file.js";
import { InputError, shortened } from "../../src/shared/errors.js";
import { showPath } from "../../src/testing/paths.js";

describe("a file inside the working folder is named relative to it", () => {
  const cwd = join("/", "work", "suite");

  it("in a folder named ..drafts, as in any other; a file above stays absolute", () => {
    const inside = join(cwd, "..drafts", "policy.yaml");
    const above = join("/", "work", "policy.yaml");
    const e = InputError.all([
      new InputError("wrong type", { file: inside }),
      new InputError("wrong type", { file: above }),
    ]).relativeTo(cwd);
    expect(e.problems.map((p) => p.details.file)).toEqual(["..drafts/policy.yaml", above]);
    expect(showPath(inside, cwd)).toBe("..drafts/policy.yaml");
    expect(showPath(above, cwd)).toBe(above);
  });
});

it("an output that would replace an input in ..drafts names that input relative", () => {
  const cwd = realpathSync(mkdtempSync(join(tmpdir(), "credit-sim-rel-")));
  try {
    mkdirSync(join(cwd, "..drafts"));
    writeFileSync(join(cwd, "..drafts", "p.yaml"), "name: p\n");
    let error: unknown;
    try {
      checkOutputs(
        cwd,
        [{ flag: "--csv", file: "out/../..drafts/p.yaml" }],
        [join(cwd, "..drafts", "p.yaml")],
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details.found).toBe("the input ..drafts/p.yaml");
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

describe("a file's name too long to read", () => {
  it("is shown by its two ends within the bound, never splitting a character of two code units", () => {
    const path = `${"日本/".repeat(3000)}${"😀".repeat(100)}/x.yaml`;
    const shown = shortened(path);
    expect(shown.length).toBeLessThanOrEqual(240);
    expect(shown.startsWith("日本/日本/")).toBe(true);
    expect(shown.endsWith("😀/x.yaml")).toBe(true);
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    for (let n = 235; n < 245; n++) {
      const s = shortened(`${"😀".repeat(n)}`, 21);
      expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(s).toContain("…");
    }
    expect(shortened("a/short/one.yaml")).toBe("a/short/one.yaml");
    // the problem's own line, and the count that names the file
    const e = new InputError("scenario file not found", { file: path });
    expect(e.format().length).toBeLessThan(300);
    expect(e.format()).toContain("…");
    const two = InputError.all([e, new InputError("another problem", { file: path })]);
    expect(two.format().length).toBeLessThan(900);
    // a path the system may yet reach by nesting folders (twice its longest) is named whole
    const nested = `${"nest/".repeat(1600)}x.yaml`;
    expect(new InputError("the folder cannot be read", { file: nested }).format()).toContain(nested);
  });
});

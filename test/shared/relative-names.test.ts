// Files are named relative to the working folder when inside it — a folder whose name starts with two dots
// (`..drafts`) is inside it, not above it.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputs } from "../../src/cli/output-file.js";
import { InputError } from "../../src/shared/errors.js";
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

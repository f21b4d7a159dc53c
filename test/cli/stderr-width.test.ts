// Error messages on a terminal are wrapped at word boundaries to its width; a pipe or file gets them whole.

import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/scenario/schema.js";
import { cli } from "../helpers/cli.js";

const TYPO = "test/fixtures/test-command/bad/typo.yaml";

describe("errors on stderr", () => {
  it("fit an 80-column terminal without breaking a word", async () => {
    const r = await cli(["run", TYPO], { stderrColumns: 80 });
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    const words = new Set(lines.flatMap((l) => l.split(/[\s,]+/)));
    for (const type of EVENT_TYPES) expect(words).toContain(type);
    // the continuation of the list sits under its text, not at the margin
    const at = lines.findIndex((l) => l.startsWith("  expected: one of"));
    expect(lines[at + 1]).toMatch(/^ {4,}\S/);
  });

  it("go whole to a pipe or file", async () => {
    const r = await cli(["run", TYPO]);
    expect(r.stderr).toMatch(/\n {2}expected: one of apply, [^\n]{80,}\n/);
  });
});

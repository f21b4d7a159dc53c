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

  it("commander's own (too many arguments, a missing value) fit it too, with bad usage's exit code", async () => {
    for (const args of [
      ["explain", "a.yaml", "b.yaml"],
      ["simulate", "--sweep"],
    ]) {
      const whole = await cli(args);
      const r = await cli(args, { stderrColumns: 40 });
      expect([whole.status, r.status]).toEqual([2, 2]);
      expect(whole.stderr.split("\n").some((l) => l.length > 40)).toBe(true);
      for (const line of r.stderr.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(40);
      // the same words, none broken
      expect(r.stderr.split(/\s+/)).toEqual(whole.stderr.split(/\s+/));
    }
  });

  it("but the help commander prints there is laid out as --help lays it out for the width", async () => {
    const onStderr = await cli([], { stderrColumns: 60 });
    const asked = await cli(["--help"], { tty: true, columns: 60 });
    expect([onStderr.status, asked.status]).toEqual([2, 0]);
    expect(onStderr.stderr).toBe(asked.stdout);
  });

  it("go whole to a pipe or file", async () => {
    const r = await cli(["run", TYPO]);
    expect(r.stderr).toMatch(/\n {2}expected: one of apply, [^\n]{80,}\n/);
  });
});

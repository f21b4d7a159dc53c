// Hostile input, round 19: numbers in a flag's value quoted as typed.

import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const ZHANG = "scenarios/zhang-ming.yaml";

describe("a number in a what-if flag quoted as it was typed", () => {
  // a file's problem quotes the text at its place (round 18); a flag's value has no places, and
  // `--add "{amount: 1E12}"` was told `found: 1000000000000`
  it.each([
    [["--add", "{day: 3, type: purchase, amount: 1E12}"], "found:    1E12\n"],
    [["--add", "day=3,type=purchase,amount=4.0e20"], "found:    4.0e20\n"],
    [["--edit", "1:amount=4.0E20"], "found:    4.0E20\n"],
    [["--set", "minScore=1E4"], "found:    1E4\n"],
    [["--set", "{minScore: 10.0e2}"], "found:    10.0e2\n"],
  ])("%j", async (flags, found) => {
    const r = await cli(["whatif", ZHANG, ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(found);
  });
});

// Hostile input, round 19: numbers in a flag's value quoted as typed.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

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

describe('a JSON file\'s "<<" key', () => {
  // JSON has no merge keys: "<<" there is a field of that name, and was told it is a YAML merge key
  const { fresh } = tempCases("round19-merge-key");
  it.each([
    ['{"name": "m", "<<": {"x": 1}}', 'm.json:1:15: <<: unknown field "<<"'],
    [
      '{"name": "m", "events": [{"<<": 1, "day": 2, "type": "purchase", "amount": 5}]}',
      'events[0].<<: unknown field "<<"',
    ],
    [
      '{"name": "m", "events": [{"<<": {"type": "purchase"}, "day": 1, "amount": 5}]}',
      'events[0].<<: unknown field "<<"',
    ],
  ])("%s", async (json, said) => {
    const d = fresh();
    writeFileSync(join(d, "m.json"), json);
    const r = await cli(["run", "m.json"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/YAML|merge/);
  });

  it("in YAML is still the merge key it is", async () => {
    const d = fresh();
    writeFileSync(join(d, "m.yaml"), "name: m\n<<: {x: 1}\n");
    const r = await cli(["run", "m.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a YAML merge key (`<<: *name`) is not read");
  });
});

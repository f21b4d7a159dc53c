// Hostile input, round 11: what credit-sim writes for `run` and `test` to read, checked as `test` reads it.

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const LATE = "test/fixtures/whatif/late-payer.yaml";

describe("a scenario written into a golden traces' folder", () => {
  // `test` refuses a scenario file there (-u rewrites and removes what that folder holds): a variant saved
  // or an account exported there was written, and then refused by the test it was written for
  it("is refused before anything is written: whatif --save and simulate --export-account -o", async () => {
    const d = mkdtempSync(join(tmpdir(), "round11-"));
    mkdirSync(join(d, "__snapshots__"));
    const saved = join(d, "__snapshots__", "variant.yaml");
    const save = await cli(["whatif", LATE, "--set", "minScore=600", "--save", saved]);
    expect(save.status).toBe(2);
    expect(save.stderr).toMatch(/variant\.yaml: a scenario file in a golden traces' folder/);
    expect(save.stderr).toMatch(/hint: +write it beside the scenarios, not in __snapshots__\//);
    expect(existsSync(saved)).toBe(false);

    const exported = join(d, "__snapshots__", "a3.yaml");
    const out = await cli([
      "simulate",
      "--accounts",
      "5",
      "--days",
      "30",
      "--export-account",
      "3",
      "-o",
      exported,
    ]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/a3\.yaml: a scenario file in a golden traces' folder/);
    expect(existsSync(exported)).toBe(false);

    // beside it, the same save is written
    const beside = join(d, "variant.yaml");
    expect((await cli(["whatif", LATE, "--set", "minScore=600", "--save", beside])).status).toBe(0);
    expect(existsSync(beside)).toBe(true);
  });
});

describe("a sweep of a step too small to count", () => {
  // the count was written out in full: 300 digits of a number no double holds exactly, cut off with "…"
  it("says how many values in powers of ten, past what a count holds exactly", async () => {
    const r = await cli([
      "simulate",
      "--accounts",
      "5",
      "--days",
      "30",
      "--sweep",
      "minScore=600..700:1e-300",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/found: +"minScore=600\.\.700:1e-300": about 1 × 10\^302 values\n/);
    // a step so small that the count is past any double: no "Infinity values"
    const beyond = await cli(["simulate", "--sweep", "minScore=600..700:5e-324"]);
    expect(beyond.stderr).toMatch(/: more than 10\^308 values\n/);
    const exact = await cli([
      "simulate",
      "--accounts",
      "5",
      "--days",
      "30",
      "--sweep",
      "minScore=0..1000:0.5",
    ]);
    expect(exact.stderr).toMatch(/found: +"minScore=0\.\.1000:0\.5": 2,001 values\n/);
  });
});

describe("a JSON Schema named where a scenario, policy or persona file goes", () => {
  // the walk skips *.schema.json; named outright, it was read as a scenario: "none of its keys but $schema
  // is a scenario field", and told to begin a scenario with `credit-sim init`
  it("is named for what it is", async () => {
    for (const args of [
      ["run", "schema/scenario.schema.json"],
      ["test", "schema/scenario.schema.json", "--no-snapshots"],
      ["run", "test/fixtures/whatif/late-payer.yaml", "--policy", "schema/scenario.schema.json"],
      ["simulate", "schema/persona.schema.json", "--accounts", "5", "--days", "30"],
    ]) {
      const r = await cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      // `test` reports a file's bad input with the run, on standard output
      expect(r.stderr + r.stdout, args.join(" ")).toMatch(
        /schema\.json: a JSON Schema, not a (scenario|policy|persona) file/,
      );
      expect(r.stderr + r.stdout, args.join(" ")).toMatch(
        /hint: +editors read it to check the files they open/,
      );
    }
  });

  // a scenario whose $schema names the JSON Schema metaschema (an editor's setting gone wrong) is still a
  // scenario: its own fields say so, and it ran before schemas were named
  it("a scenario whose $schema is json-schema.org's still runs", async () => {
    const d = mkdtempSync(join(tmpdir(), "round11-"));
    const file = join(d, "meta.json");
    writeFileSync(
      file,
      JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        name: "meta",
        events: [{ day: 0, type: "apply", product: "open", amount: 5000 }],
      }),
    );
    const r = await cli(["run", file]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("noncharacters in a JUnit report", () => {
  // XML does not allow U+FFFE or U+FFFF: they were written as U+FFFD, a real character, where the terminal,
  // the HTML page and JSON show what the file holds; now as the page shows them, `\ufffe`
  it("are shown as escapes, as the page shows them, never as U+FFFD", async () => {
    const d = mkdtempSync(join(tmpdir(), "round11-"));
    const file = join(d, "odd.json");
    const name = "a\ufffe b\uffff c\ufdd0 d";
    writeFileSync(
      file,
      JSON.stringify({
        name,
        events: [{ day: 0, type: "apply", product: "open", amount: 5000 }],
        expect: [{ day: 0, line: "huabei", status: "active" }],
      }),
    );
    const r = await cli(["test", file, "--no-snapshots", "--reporter", "junit"]);
    expect(r.stdout).toContain("<testsuites");
    expect(r.stdout).toContain('name="a\\ufffe b\\uffff c\\ufdd0 d"');
    expect(r.stdout).not.toMatch(/\p{Noncharacter_Code_Point}|\ufffd/u);
  });
});

describe("--shard as typed", () => {
  // CI_NODE_INDEX=٢ and " 1" are told the number to write; `--shard ٢/3` and `--shard " 1/3"` were only
  // given the examples, as was `test --shard auto`, which simulate takes and test does not
  it("says what to write: the ASCII digits, without the spaces, or the CI's variables for test's auto", async () => {
    const hint = async (args: string[]) => {
      const r = await cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      return /hint: +(.*)/.exec(r.stderr)?.[1];
    };
    expect(await hint(["test", "--shard", "٢/３"])).toBe(
      "write 2/3: a number is written in ASCII digits (0–9)",
    );
    expect(await hint(["simulate", "--shard", "٢/３"])).toBe(
      "write 2/3: a number is written in ASCII digits (0–9)",
    );
    expect(await hint(["test", "--shard", " 1/3"])).toBe("write 1/3, without the spaces around it");
    expect(await hint(["test", "--shard", "1 / 3"])).toBe("write 1/3, without the spaces in it");
    expect(await hint(["test", "--shard", "auto"])).toMatch(
      /^test takes I\/N: in a GitLab job with `parallel:`, --shard "\$CI_NODE_INDEX\/\$CI_NODE_TOTAL"/,
    );
    expect(await hint(["test", "--shard", "1/x"])).toBe(
      "e.g. --shard 1/3, --shard 2/3, --shard 3/3 on three CI machines",
    );
  });
});

describe("init into a golden traces' folder", () => {
  // it wrote the starter there and told to run `credit-sim test DIR/__snapshots__`, which test refuses
  it("is refused before anything is written, naming the folder above it", async () => {
    const d = mkdtempSync(join(tmpdir(), "round11-"));
    for (const dir of [join(d, "__snapshots__"), join(d, "new", "__snapshots__")]) {
      const r = await cli(["init", dir]);
      expect(r.status, dir).toBe(2);
      expect(r.stderr, dir).toMatch(/__snapshots__: a golden traces' folder, not one for scenarios/);
      expect(r.stderr, dir).toMatch(/hint: +give the folder of scenarios it is in, .*credit-sim init /);
      expect(existsSync(join(dir, "first-scenario.yaml")), dir).toBe(false);
    }
    expect(existsSync(join(d, "new"))).toBe(false);
  });
});

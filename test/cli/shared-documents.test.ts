// What a file credit-sim writes says of the machine that wrote it: a scenario it writes (init's starter,
// a what-if save, an exported account) and a population result are shared — committed, attached to a
// report, merged on another machine — so none names a path outside the working folder: not where
// credit-sim is installed (the schema line), not where a policy file was read (meta.policy.ref).

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaComment } from "../../src/scenario/json-schema.js";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const { fresh } = tempCases("shared-docs");
const ZHANG = join(ROOT, "scenarios/zhang-ming.yaml");
const SCHEMA_LINE = /^# yaml-language-server: \$schema=/m;
const DIRECTIVE = "yaml-language-server: $schema=";

/** Whether `text` names the folder credit-sim is installed in, or walks up out of the working folder. */
const namesInstall = (text: string) =>
  text.includes(ROOT.replace(/\/$/, "")) || text.includes("scenario.schema.json") || /\.\.\//.test(text);

describe("the schema line of a scenario credit-sim writes", () => {
  it("is a path from the file's folder when the file and the schema are in the working folder", () => {
    expect(schemaComment(join(ROOT, "whatif"), ROOT)).toBe(`${DIRECTIVE}../schema/scenario.schema.json`);
    expect(schemaComment(join(ROOT, "a", "b"), ROOT)).toBe(`${DIRECTIVE}../../schema/scenario.schema.json`);
    expect(schemaComment(ROOT, ROOT)).toBe(`${DIRECTIVE}schema/scenario.schema.json`);
  });

  it("is left out when either is outside it: the path would climb to the installation", () => {
    const d = fresh();
    // credit-sim installed elsewhere (npx's cache, a global install): the schema is outside
    expect(schemaComment(d, d)).toBeNull();
    expect(schemaComment(join(d, "sub"), d)).toBeNull();
    // a file written outside the working folder
    expect(schemaComment(d, ROOT)).toBeNull();
  });

  it("init, whatif --save and --export-account, run outside the installation, write none", async () => {
    const d = fresh();
    expect((await cli(["init", "starter"], { cwd: d })).status).toBe(0);
    const starter = readFileSync(join(d, "starter", "first-scenario.yaml"), "utf8");
    expect(starter).toMatch(/^# Your first credit-sim scenario/);
    expect(starter).not.toMatch(SCHEMA_LINE);
    // the scenario as the user names it (a what-if save's header names it so)
    copyFileSync(ZHANG, join(d, "zm.yaml"));
    expect((await cli(["whatif", "zm.yaml", "--remove", "1", "--save", "v.yaml"], { cwd: d })).status).toBe(
      0,
    );
    const saved = await cli(["whatif", "zm.yaml", "--remove", "1", "--save", "-"], { cwd: d });
    expect(saved.status).toBe(0);
    const exported = ["simulate", "--accounts", "5", "--days", "10", "--export-account", "1"];
    expect((await cli([...exported, "-o", "sub/x.yaml"], { cwd: d })).status).toBe(0);
    for (const text of [
      starter,
      readFileSync(join(d, "v.yaml"), "utf8"),
      saved.stdout,
      readFileSync(join(d, "sub", "x.yaml"), "utf8"),
    ]) {
      expect(text).not.toMatch(SCHEMA_LINE);
      expect(namesInstall(text)).toBe(false);
    }
  });
});

describe("a population result", () => {
  it("names a policy file from the working folder, or by its name outside it", async () => {
    const d = fresh();
    const work = join(d, "work");
    mkdirSync(join(work, "policies"), { recursive: true });
    writeFileSync(join(work, "policies", "mine.yaml"), "name: mine\nextends: default\nminScore: 640\n");
    writeFileSync(join(d, "theirs.yaml"), "name: theirs\nextends: tightened\n");
    const args = ["simulate", "--accounts", "5", "--days", "10", "--json", "--policy", "policies/mine.yaml"];
    const r = await cli([...args, "--challenger", "../theirs.yaml"], { cwd: work });
    expect(r.status).toBe(0);
    const meta = JSON.parse(r.stdout).meta;
    expect(meta.policy).toMatchObject({ name: "mine", ref: "policies/mine.yaml" });
    expect(meta.challenger).toMatchObject({ name: "theirs", ref: "theirs.yaml" });
    expect(r.stdout).not.toContain(d);
  });
});

// The JSON Schema editors use is generated from the validator (`credit-sim schema`); the committed copy
// in schema/ must be the same, byte for byte. When this fails: node bin/credit-sim schema > schema/scenario.schema.json

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.js";
import { cli, ROOT } from "../helpers/cli.js";

const COMMITTED = join(ROOT, "schema", "scenario.schema.json");
const REGENERATE = "stale: run `node bin/credit-sim schema > schema/scenario.schema.json` and commit it";

describe("schema/scenario.schema.json", () => {
  it("is what `credit-sim schema` prints (regenerate it when the validator changes)", async () => {
    const r = await cli(["schema"]);
    expect(r.status).toBe(0);
    expect(readFileSync(COMMITTED, "utf8"), REGENERATE).toBe(r.stdout);
  });

  it("is generated from the same validator the loader uses", async () => {
    expect(JSON.parse(readFileSync(COMMITTED, "utf8")), REGENERATE).toEqual(scenarioJsonSchema());
  });

  it("describes the scenario format: required fields, every event type, the expectation fields", async () => {
    const schema = JSON.parse(readFileSync(COMMITTED, "utf8"));
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(["name", "events"]));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["name", "start", "until", "policy", "profile", "events", "expect"]),
    );
    // deprecated: read with a warning, no longer part of the format
    expect(Object.keys(schema.properties)).not.toContain("seed");
    const text = JSON.stringify(schema);
    for (const type of [
      "apply",
      "purchase",
      "repay",
      "change_profile",
      "external_debt",
      "external_inquiry",
      "income",
      "policy",
      "contact_support",
      "verify_identity",
      "request_review",
      "note",
    ]) {
      expect(text).toContain(`"${type}"`);
    }
    for (const field of ["decision", "status", "cause", "reasons", "limit", "score", "balance", "end"]) {
      expect(text).toContain(`"${field}"`);
    }
  });

  it("is what the shipped scenarios point their editors at", async () => {
    for (const f of readdirSync(join(ROOT, "scenarios")).filter((x) => x.endsWith(".yaml"))) {
      const first = readFileSync(join(ROOT, "scenarios", f), "utf8").split("\n")[0];
      if (first?.startsWith("# yaml-language-server:"))
        expect(first).toBe("# yaml-language-server: $schema=../schema/scenario.schema.json");
    }
  });
});

// The two YAML paths must agree: js-yaml reads plain files fast, the `yaml` package reads everything else
// (and every file whose positions are needed). Same data for every file either can read.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseCarefully, parseFast } from "../../src/scenario/parse.js";
import { ROOT } from "../helpers/cli.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const files = ["scenarios", "policies", "personas", "test/fixtures"].flatMap((d) => {
  try {
    return yamlFiles(join(ROOT, d));
  } catch {
    return [];
  }
});

describe("fast and careful YAML parsing", () => {
  it("read the shipped files fast", () => {
    for (const f of yamlFiles(join(ROOT, "scenarios")))
      expect(parseFast(readFileSync(f, "utf8"))).toBeDefined();
  });

  it.each(files.map((f) => [f.slice(ROOT.length)]))("agree on %s", (rel) => {
    const text = readFileSync(join(ROOT, rel), "utf8");
    const fast = parseFast(text);
    if (fast === undefined) return; // unusual or broken: only the careful path reads it
    expect(fast).toEqual(parseCarefully(text, rel).data);
  });

  it("agree on generated plain documents", () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      // −0 reads back as 0 in js-yaml and as −0 in yaml: the same number to a scenario, so left out
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("2024-01-01", "yes", "no", "on", "0o17", "0x1F", "1e3", "~", "null", "True"),
    );
    const key = fc
      .string({ minLength: 1 })
      .filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
    const doc = fc.dictionary(key, fc.oneof(scalar, fc.array(scalar), fc.dictionary(key, scalar)));
    fc.assert(
      fc.property(doc, fc.boolean(), (value, flow) => {
        const text = stringify(value, { collectionStyle: flow ? "flow" : "block" });
        const fast = parseFast(text);
        if (fast !== undefined) expect(fast).toEqual(parseCarefully(text, "x.yaml").data);
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 300) },
    );
  });

  it("send anchors, aliases, tags and forbidden keys down the careful path", () => {
    expect(parseFast("a: &x 1\nb: *x\n")).toBeUndefined();
    expect(parseFast("a: !!str 1\n")).toBeUndefined();
    expect(parseFast("__proto__: { a: 1 }\n")).toBeUndefined();
    expect(parseFast("a: 1\na: 2\n")).toBeUndefined();
    expect(parseFast("a: [1\n")).toBeUndefined();
  });
});

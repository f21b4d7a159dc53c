// Parsing: js-yaml reads every file; positions come from its listener (src/scenario/positions.ts). The
// `yaml` package, which keeps positions itself, is the reference they are checked against.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument, stringify } from "yaml";
import { parseText } from "../../src/scenario/parse.js";
import { InputError } from "../../src/shared/errors.js";
import { ROOT } from "../helpers/cli.js";
import { expectEqual } from "../helpers/deep-equal.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

/** The `yaml` package's idea of where a path is (the deepest part of it that exists). */
function reference(text: string) {
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc });
  return (path: Array<string | number>, key: boolean) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      let offset: number | undefined;
      if (key && depth === path.length && depth > 0) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === sub[sub.length - 1],
          );
          if (pair && isScalar(pair.key)) offset = pair.key.range?.[0];
        }
      }
      if (offset === undefined) {
        const node = depth === 0 ? doc.contents : doc.getIn(sub, true);
        offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
      }
      if (offset !== undefined) {
        const p = lc.linePos(offset);
        return { line: p.line, column: p.col };
      }
    }
    return undefined;
  };
}

/** Every path in a value: each mapping key and list item, all the way down. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== "object") return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

function agree(text: string, file = "x.yaml") {
  const parsed = parseText(text, file);
  const ref = reference(text);
  for (const p of paths(parsed.data)) {
    for (const key of [false, true]) {
      expectEqual({ path: p, key, at: parsed.position(p, key) }, { path: p, key, at: ref(p, key) });
    }
  }
  expect(parsed.position([])).toEqual(ref([], false));
  return parsed;
}

describe("positions", () => {
  const files = ["scenarios", "policies", "personas", "test/fixtures"].flatMap((d) =>
    yamlFiles(join(ROOT, d)),
  );

  it.each(files.map((f) => [f.slice(ROOT.length)]))("agree with the yaml package on %s", (rel) => {
    const text = readFileSync(join(ROOT, rel), "utf8");
    let parsed: ReturnType<typeof parseText>;
    try {
      parsed = parseText(text, rel);
    } catch (e) {
      if (e instanceof InputError) return; // a fixture of bad input
      throw e;
    }
    expect(parsed.data).toEqual(parseDocument(text).toJS());
    agree(text, rel);
  });

  it("keeps a number only as written: decimal, and exact — other bases and longer literals stay text", () => {
    const { data } = parseText(
      "a: 0x10\nb: 0o17\nc: 0b11\nd: 10.999999999999999999\ne: 12.5\nf: -3\ng: 1e3\nh: 123456789012345\ni: .inf\nj: 1e400\nk: 1e-400\n",
      "n.yaml",
    );
    expect(data).toEqual({
      a: "0x10",
      b: "0o17",
      c: "0b11",
      d: "10.999999999999999999",
      e: 12.5,
      f: -3,
      g: 1000,
      h: 123456789012345,
      i: Number.POSITIVE_INFINITY,
      // Infinity and zero would be other numbers than the ones written
      j: "1e400",
      k: "1e-400",
    });
  });

  it("agree with the yaml package on generated documents", () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      // numbers as they are written by hand: at most 15 significant digits (longer ones, and other bases,
      // stay text on purpose: see the test below)
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((x) => (Object.is(x, -0) ? 0 : Number(x.toPrecision(15)))),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("2024-01-01", "yes", "1e3", "~", "null", "True", "# not a comment"),
    );
    const key = fc
      .string({ minLength: 1 })
      .filter((k) => !["__proto__", "constructor", "prototype"].includes(k) && !k.includes(","));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(key, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    const doc = fc.dictionary(key, value, { minKeys: 1 });
    fc.assert(
      fc.property(doc, fc.constantFrom("block", "flow", "any"), (data, style) => {
        const text = stringify(data, { collectionStyle: style as "block" | "flow" | "any" });
        const parsed = agree(text);
        expect(parsed.data).toEqual(parseDocument(text).toJS());
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 50) },
    );
  });

  it("point at keys, values, list items and comments-free starts", () => {
    const text =
      "# head\nname: a   # trailing\nevents:\n  - { day: 1, type: note }\n  - day: 2\n    type: x\n";
    const p = parseText(text, "x.yaml");
    expect(p.position([])).toEqual({ line: 2, column: 1 });
    expect(p.position(["name"])).toEqual({ line: 2, column: 7 });
    expect(p.position(["events", 0])).toEqual({ line: 4, column: 5 });
    expect(p.position(["events", 0, "type"], true)).toEqual({ line: 4, column: 15 });
    expect(p.position(["events", 1, "type"])).toEqual({ line: 6, column: 11 });
    // a missing field points at its parent
    expect(p.position(["events", 1, "amount"])).toEqual({ line: 5, column: 5 });
    expect(p.position(["events", 7])).toEqual({ line: 4, column: 3 });
  });
});

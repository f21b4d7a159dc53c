// docs/architecture.md is the next engineer's map: it must match the tree it describes.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const doc = readFileSync(`${ROOT}docs/architecture.md`, "utf8");

describe("docs/architecture.md matches the tree", () => {
  it("names every module of the engine", () => {
    const modules = readdirSync(`${ROOT}src/engine`).filter((f) => f.endsWith(".ts") && f !== "index.ts");
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  });

  it("names every folder of src as a layer, and every path it cites exists", () => {
    const folders = readdirSync(`${ROOT}src`, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.map((d) => d.name).filter((f) => !doc.includes(`src/${f}`))).toEqual([]);
    const cited = [...doc.matchAll(/\b((?:src|test|scripts)\/[\w./-]+\.(?:ts|mjs))\b/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(10);
    const missing = cited.filter((p) => {
      try {
        readFileSync(`${ROOT}${p}`);
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});

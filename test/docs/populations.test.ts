// docs/populations.md names the personas that ship, with their shares: a persona added, removed or
// re-weighted in personas/ without the page fails here.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/cli.js";

const page = readFileSync(join(ROOT, "docs/populations.md"), "utf8").replace(/\s+/g, " ");
const shipped = readdirSync(join(ROOT, "personas"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => parse(readFileSync(join(ROOT, "personas", f), "utf8")) as { name: string; share: number });
const COUNT = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];

describe("docs/populations.md", () => {
  it("names every shipped persona with its share, and how many ship", () => {
    expect(shipped.length).toBeGreaterThan(1);
    expect(page, "the opening paragraph: 'N ship, spanning …'").toContain(`${COUNT[shipped.length]} ship,`);
    // "steady-payer 49 %", "over-applier (Zhang Ming's kind) 10 %"
    const unnamed = shipped
      .filter((p) => !new RegExp(`${p.name}(?: \\([^)]*\\))? ${Math.round(p.share * 100)} %`).test(page))
      .map((p) => `${p.name} ${Math.round(p.share * 100)} %`);
    expect(unnamed, "name each in the opening paragraph of docs/populations.md with its share").toEqual([]);
  });
});

// The README is part of the product: its set-up commands and reference tables must stay true.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("README", () => {
  it("opens with exactly the two set-up commands: install + run Zhang Ming, and the tests", () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split("\n");
    expect(first).toEqual(["npm ci && node bin/credit-sim run scenarios/zhang-ming.yaml", "npm test"]);
    expect(readme.indexOf("```sh")).toBeLessThan(readme.indexOf("\n## "));
  });

  it("has reason-code, scorecard and policy tables generated from the code (scripts/readme-tables.mjs)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/readme-tables.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("names every runtime dependency in its dependency list", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies)) expect(readme).toContain(`| \`${dep}\` |`);
  });
});

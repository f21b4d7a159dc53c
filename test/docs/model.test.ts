// docs/model.md lists every number of the default policy with its source: a parameter added to the policy
// and not to the page, or a default changed without the page, fails here.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY_PARAM_NAMES } from "../../src/engine/index.js";
import { CHARACTERISTICS, DIMENSIONS, ODDS_SCALING } from "../../src/engine/scorecard.js";
import { runScenario } from "../../src/run-scenario.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { ROOT } from "../helpers/cli.js";

const page = readFileSync(join(ROOT, "docs/model.md"), "utf8");
const policy = loadPolicy("default", ROOT);
const rows = page.split("\n").filter((l) => l.startsWith("| `"));

describe("docs/model.md", () => {
  it.each(POLICY_PARAM_NAMES.map((p) => [p]))("names %s with its default and a source", (name) => {
    const row = rows.find((r) => r.split("|")[1]!.includes(`\`${name}\``) || rangeCovers(r, name));
    expect(row, `no row for ${name}`).toBeDefined();
    const cells = row!.split("|").map((c) => c.trim());
    expect(cells[3]!.length, `${name}: a source or "assumption"`).toBeGreaterThan(5);
    const value = policy[name];
    if (typeof value === "number") {
      const shown = Number.isInteger(value) ? value.toLocaleString("en-US") : String(value);
      expect(cells[2]!.replaceAll(" ", ""), `${name} = ${value}`).toContain(
        shown.length > 3 ? shown : String(value),
      );
    }
  });

  it("gives each dimension of the score the points its characteristics can earn", () => {
    // "| repayment (210) | days past due now; …": a characteristic added, or its maximum changed, without
    // its words in the table of "The score"
    const lines = page.split("\n");
    const stated = Object.keys(DIMENSIONS).map((d) => {
      const row = lines.find((l) => l.startsWith(`| ${d} (`)) ?? "";
      return [d, Number(/\((\d+)\)/.exec(row)?.[1])];
    });
    const earned = Object.keys(DIMENSIONS).map((d) => [
      d,
      CHARACTERISTICS.filter((c) => c.dimension === d).reduce((n, c) => n + c.max, 0),
    ]);
    expect(
      stated,
      "the dimension's row in docs/model.md, 'The score': its points and characteristics",
    ).toEqual(earned);
  });

  it("states the illustrative default probability's scaling as the engine computes it", () => {
    const { score, odds, pointsToDouble } = ODDS_SCALING;
    expect(page).toContain(`**${odds}:1 good:bad at ${score}**`);
    expect(page).toContain(`**${pointsToDouble} points to double the odds**`);
  });

  it("answers 'why was this line suspended': its table names the rule of every suspension the shipped scenarios make, with its parameter", () => {
    const at = page.indexOf("## Why a line was suspended");
    expect(at, "a section near the top answering it").toBeGreaterThan(0);
    const table = page
      .slice(at, page.indexOf("\n## ", at + 1))
      .split("\n")
      .filter((l) => l.startsWith("| "));
    const unnamed = new Set<string>();
    let suspensions = 0;
    for (const folder of [join(ROOT, "scenarios"), join(ROOT, "test/fixtures/scenarios")])
      for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml"))) {
        for (const step of runScenario(join(folder, file)).trace.steps) {
          if (step.decision !== "suspended") continue;
          suspensions++;
          // the rule that decided: the first code, after a policy change's own POLICY_CHANGE
          const code = step.reasons.find((r) => r !== "POLICY_CHANGE")!;
          const row = table.find((l) => l.split("|")[2]?.includes(`\`${code}\``));
          const parameter = step.facts.find((f) => f.code === code)?.parameter;
          if (row === undefined || (parameter !== undefined && !row.includes(`\`${parameter}\``)))
            unnamed.add(`${code} (${parameter ?? "no parameter"}), ${file} day ${step.day}`);
        }
      }
    expect(suspensions).toBeGreaterThan(4);
    expect([...unnamed]).toEqual([]);
  });
});

/** A row naming a series (`instalmentFee3` … `instalmentFee12`) covers the members in between. */
function rangeCovers(row: string, name: string): boolean {
  const m = /`(\w+?)(\d+)` … `(\w+?)(\d+)`/.exec(row);
  return (
    m !== null && name.startsWith(m[1]!) && name !== m[1] && Number(name.slice(m[1]!.length)) >= Number(m[2])
  );
}

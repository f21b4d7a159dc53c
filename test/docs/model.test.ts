// The model's pages (docs/model.md and docs/model/) list every number of the default policy with its source
// (docs/model/policy-numbers.md): a parameter added to the policy and not to the page, or a default changed
// without the page, fails here.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY_PARAM_NAMES } from "../../src/engine/index.js";
import { CHARACTERISTICS, DIMENSIONS, ODDS_SCALING } from "../../src/engine/scorecard.js";
import { runScenario } from "../../src/run-scenario.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { ROOT } from "../helpers/cli.js";

const read = (file: string) => readFileSync(join(ROOT, "docs", file), "utf8");
const page = read("model.md");
const numbers = read("model/policy-numbers.md");
const score = read("model/score.md");
const policy = loadPolicy("default", ROOT);
const rows = numbers.split("\n").filter((l) => l.startsWith("| `"));

describe("docs/model.md and its pages", () => {
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
    const lines = score.split("\n");
    const stated = Object.keys(DIMENSIONS).map((d) => {
      const row = lines.find((l) => l.startsWith(`| ${d} (`)) ?? "";
      return [d, Number(/\((\d+)\)/.exec(row)?.[1])];
    });
    const earned = Object.keys(DIMENSIONS).map((d) => [
      d,
      CHARACTERISTICS.filter((c) => c.dimension === d).reduce((n, c) => n + c.max, 0),
    ]);
    expect(stated, "the dimension's row in docs/model/score.md: its points and characteristics").toEqual(
      earned,
    );
  });

  it("states the default probability's scaling as the engine computes it", () => {
    const { score: at, odds, pointsToDouble } = ODDS_SCALING;
    expect(score).toContain(`**${odds}:1 good:bad at ${at}**`);
    expect(score).toContain(`**${pointsToDouble} points to double the odds**`);
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

describe("the model's pages", () => {
  const topics = readdirSync(join(ROOT, "docs/model"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => `model/${f}`);

  it("are each linked from the entry page's map, and each links back to it and to the glossary", () => {
    expect(topics.length).toBeGreaterThan(8);
    const map = page.slice(page.indexOf("## The model, page by page"));
    for (const topic of topics) {
      expect(map, topic).toContain(`](${topic})`);
      const text = read(topic);
      const up = "../".repeat(topic.split("/").length - 1);
      expect(text, topic).toContain(`](${up}model.md)`);
      expect(text, topic).toContain(`](${up}reference/glossary.md)`);
    }
  });

  it("keep the headings the model's sections had, so a link made to docs/model.md#section still lands", () => {
    // the anchors the single page had for its sections, now headings of the map above each page's link
    for (const heading of [
      "Why a line was suspended, and what brings it back",
      "One customer, two lines",
      "Huabei: the revolving line",
      "Jiebei: cash loans",
      "Delinquency, charge-off and the repayment grid",
      "The score",
      "Decisions",
      "Applications",
      "Security holds",
      "The monthly review",
      "Customer service",
      "The debt advice",
      "Reasons",
      "Every number of the default policy",
      "Sources",
    ])
      expect(page).toMatch(new RegExp(`^#{2,4} ${heading.replace(/[()]/g, "\\$&")}$`, "m"));
  });
});

/** A row naming a series (`instalmentFee3` … `instalmentFee12`) covers the members in between. */
function rangeCovers(row: string, name: string): boolean {
  const m = /`(\w+?)(\d+)` … `(\w+?)(\d+)`/.exec(row);
  return (
    m !== null && name.startsWith(m[1]!) && name !== m[1] && Number(name.slice(m[1]!.length)) >= Number(m[2])
  );
}

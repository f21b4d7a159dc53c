// The one-line form of a step (the golden trace's and the failure reports'): fixed columns, counted in
// terminal columns — a merchant written in Chinese takes two a character.

import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { loadScenario } from "../../src/scenario/load.js";
import { stepColumns, stepLine, summariseStep } from "../../src/testing/steps.js";

describe("stepLine", () => {
  it("keeps its columns under an event of wide characters, as under its header", () => {
    const { scenario } = loadScenario("test/fixtures/whatif/wide-merchant.yaml");
    const rows = simulate(scenario)
      .steps.filter((s) => s.event.type === "purchase")
      .map((s) => stepLine(summariseStep(s)));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/淘宝/);
    const head = stepColumns(false);
    for (const row of rows)
      expect(stringWidth(row.slice(0, row.indexOf("approved"))), row).toBe(head.indexOf("decision"));
  });
});

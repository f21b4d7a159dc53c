// The --json documents of what-if: alignment keys written as text, absent sides as null, removed/added
// flags derived from the Verdicts, the search's edits derived from its candidates.

import { describe, expect, it } from "vitest";
import { editOf } from "../../src/whatif/candidates.js";
import { comparisonToJson, counterfactualToJson } from "../../src/whatif/json.js";
import { compareRuns, runVariant } from "../../src/whatif/run.js";
import { apply, base, LATE, searchOn } from "./helpers.js";

describe("comparisonToJson", () => {
  it("writes each difference's key, event number, kind, flags and both sides", () => {
    const b = runVariant(base(LATE));
    const v = runVariant(apply(apply(base(LATE), "remove", "5"), "add", "{day: 300, type: request_review}"));
    const j = comparisonToJson(compareRuns(b, v)) as {
      differences: Array<Record<string, unknown> & { base: unknown; variant: unknown }>;
    };
    const removed = j.differences.find((d) => d.key === "#5")!;
    expect(removed).toMatchObject({ event: 5, kind: "decision", removed: true, added: false, variant: null });
    expect(removed.base).toMatchObject({ day: 24, date: "2024-01-25", event: "apply", decision: "declined" });
    const added = j.differences.find((d) => d.added === true);
    expect(added).toMatchObject({ key: "#16", event: 16, removed: false, base: null });
    for (const d of j.differences.filter((x) => x.event === null))
      expect(d.key).toMatch(/^(statement|due|overdue|review)@\d+(\.\d+)?$/);
  });
});

describe("counterfactualToJson", () => {
  it("lists each suggestion's advice and the edits its candidates make", () => {
    const run = runVariant(base(LATE));
    const r = searchOn("avoid-suspended", run);
    const j = counterfactualToJson(r) as {
      status: string;
      problem: string;
      solutions: Array<{ advice: string; edits: unknown[] }>;
      search: { tried: number };
    };
    expect(j.status).toBe("solved");
    expect(j.problem).toMatch(/^suspended once/);
    expect(j.solutions.map((s) => s.edits)).toEqual(r.solutions.map((s) => s.candidates.map(editOf)));
    expect(j.solutions[0]!.advice).toMatch(/^Had you made the repayment of day 85 by day \d+/);
    expect(j.search.tried).toBe(r.tried);
  });
});

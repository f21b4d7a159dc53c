// A population counts the remainders within the tolerance Jiebei waives (docs/populations.md): per line in
// the outcomes and the mergeable aggregates, in yuan in the summary — forgiven, not a loss on a default.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, lineTotals, run } from "../../src/engine/index.js";
import { OutcomeRecorder } from "../../src/population/outcome.js";
import { populationContext } from "../../src/population/settings.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import { settings } from "./helpers.js";

// ¥3,000 over 3 months; the last instalment ¥0.05 short, falling due a month later (day 131), ¥0.04 paid
// then: the fen left is waived when that grace ends (day 135)
const TEXT = [
  "name: waived",
  "start: 2024-01-01",
  "until: 200",
  "policy: default",
  "profile: { age: 32, monthlyIncome: 10000, verified: true, creditHistoryMonths: 60, externalDebt: 0 }",
  "events:",
  "  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }",
  "  - { day: 10, type: borrow, amount: 3000, term: 3 }",
  "  - { day: 41, type: repay, line: jiebei, amount: minimum }",
  "  - { day: 70, type: repay, line: jiebei, amount: minimum }",
  "  - { day: 101, type: repay, line: jiebei, amount: 1012.35 }",
  "  - { day: 131, type: repay, line: jiebei, amount: 0.04 }",
].join("\n");

describe("a population's waivers", () => {
  it("are counted per line, as waived — not as written off or lost", () => {
    const { scenario } = loadScenarioText(TEXT, join(ROOT, "waived.yaml"));
    const rec = OutcomeRecorder.start(
      populationContext(settings({ days: scenario.until + 1 })),
      new Int32Array(EVENT_TYPES.length),
    );
    run(scenario, {
      end: (state) => {
        expect(lineTotals(state, "jiebei").waived).toBe(1);
        rec.endOfDay(state, scenario.until, () => 0);
      },
    });
    const jiebei = rec.o.lines[1];
    expect(jiebei.waived).toBe(1);
    expect(jiebei.writtenOff).toBe(0);
    expect(jiebei.balanceEnd).toBe(0);
    expect(rec.o.lines[0].waived).toBe(0);
  });
});

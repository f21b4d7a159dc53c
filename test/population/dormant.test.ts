// Jiebei lines opened and left unused a year are closed by the default policy (DORMANT_ACCOUNT); a
// customer whose line was closed so applies to open it again when next wanting cash, and draws the next day.

import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { accountScenario } from "../../src/population/export-account.js";
import { loadPersonaText } from "../../src/population/persona.js";
import { fromRange } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import { summarise } from "../../src/population/stats.js";
import { meta, population, settings } from "./helpers.js";

// spends on Huabei every week and pays in full; opens Jiebei early and draws on it about once in two years
const rareBorrower = loadPersonaText(
  [
    "name: rare-borrower",
    "share: 1",
    "profile:",
    "  monthlyIncome: { median: 12000, sigma: 0.2 }",
    "spending: { perMonth: 4, amount: { median: 200, sigma: 0.5 } }",
    "repayment: { full: 1 }",
    "jiebei:",
    "  open: { p: 1, day: 10, amount: 10000 }",
    "  borrow: { perYear: 0.5, amount: { median: 3000, sigma: 0.2, min: 500 }, terms: { '3': 1 } }",
    "  repayment: { onTime: 1 }",
  ].join("\n"),
  "rare-borrower.yaml",
);

describe("a Jiebei line closed unused", () => {
  it("is opened again by the customer on the next day the plan draws cash, and drawn on the day after", () => {
    const pop = population(settings({ days: 1100 }), [rareBorrower]);
    let reopened = 0;
    for (let i = 0; i < 12; i++) {
      const { scenario } = accountScenario(pop, i, 0);
      const steps = simulate(scenario).steps;
      const closures = steps.filter((s) => s.line === "jiebei" && s.reasons[0] === "DORMANT_ACCOUNT");
      for (const closed of closures) {
        // nothing was owed on it, and nothing drawn for the year before
        expect(closed.jiebei.balance).toBe(0);
        const after = steps.filter((s) => s.day > closed.day && s.line === "jiebei");
        const cash = after.find((s) => s.event.type === "borrow");
        if (cash === undefined) continue;
        // the first cash asked after the closure is asked the day after an application to open the line
        const apply = after.find((s) => s.event.type === "apply");
        expect(apply, `account ${i}: cash asked on day ${cash.day} of a closed line`).toBeDefined();
        expect(apply!.day).toBe(cash.day - 1);
        expect(apply!.decision).toBe("approved");
        expect(cash.decision).toBe("approved");
        reopened++;
      }
    }
    expect(reopened).toBeGreaterThan(0);
  });
});

describe("closures of unused lines in the population's counts", () => {
  it("are counted apart among the lender's closures, and never as a suspension's cause", () => {
    const s = settings({ days: 1100 });
    const r = runRange(s, [rareBorrower], 0, 12);
    const arm = summarise(fromRange(meta(s, [rareBorrower], 12, [0, 12]), r)).groups.at(-1)!.champion;
    let unused = 0;
    const pop = population(s, [rareBorrower]);
    for (let i = 0; i < 12; i++) {
      const steps = simulate(accountScenario(pop, i, 0).scenario).steps;
      if (steps.some((x) => x.decision === "closed" && x.reasons[0] === "DORMANT_ACCOUNT")) unused++;
    }
    expect(unused).toBeGreaterThan(0);
    expect(arm.counts.closedUnused).toBe(unused);
    expect(arm.counts.closed).toBeGreaterThanOrEqual(unused);
    expect(Object.keys(arm.counts.suspendedByCause)).toEqual(["credit", "security", "policy"]);
  });
});

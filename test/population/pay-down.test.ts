// A persona's `reactions.burden.payDown`: a decision that names the debt burden (a decline citing
// DEBT_TO_INCOME_TOO_HIGH, a score reason HIGH_DEBT_BURDEN) is answered by paying down part of the debt
// elsewhere — the reaction a lender's adverse-action notice asks for. The reaction draws from a stream of
// its own, so adding it moves no other draw of the account.

import { describe, expect, it } from "vitest";
import type { ScenarioEvent } from "../../src/engine/index.js";
import { AccountRunner } from "../../src/population/account.js";
import { reactionsOf } from "../../src/population/agent.js";
import { loadPersonaText, type Persona } from "../../src/population/persona.js";
import { populationContext } from "../../src/population/settings.js";
import { settings, shipped } from "./helpers.js";

/** Owes ¥160,000 elsewhere on ¥6,000 a month: total debt 2.2 × a year's income, over maxDebtToIncome 2. */
const indebted = (reactions: string): Persona =>
  loadPersonaText(
    [
      "name: indebted",
      "share: 1",
      "profile: { monthlyIncome: 6000, externalDebt: 160000, verified: 1, creditHistoryMonths: 60 }",
      "open: { day: 3, amount: 3000 }",
      "spending: { perMonth: 6, amount: { median: 150, sigma: 0.3 } }",
      "repayment: { full: 1 }",
      `reactions: ${reactions}`,
    ].join("\n"),
    "indebted.yaml",
  );

const ofType = <T extends ScenarioEvent["type"]>(events: readonly ScenarioEvent[], type: T) =>
  events.filter((e): e is Extract<ScenarioEvent, { type: T }> => e.type === type);

describe("paying down debt elsewhere after a decision that names it", () => {
  const s = settings({ days: 120 });

  it("a decline for the debt-to-income cap brings a pay-down of the share asked, `after` days later; reapplying, the line opens", () => {
    const persona = indebted(
      "{ burden: { payDown: { p: 1, after: 10, share: 0.5 } }, declined: { retry: { p: 1, after: 20, amount: 1 } } }",
    );
    const runner = new AccountRunner(populationContext(s), { record: true, notes: true });
    for (let i = 0; i < 4; i++) {
      const [lane] = runner.run(persona, reactionsOf(persona), i);
      const opening = lane!.notes.find((n) => n.event.type === "apply")!;
      expect(opening.decision).toBe("declined");
      expect(opening.reasons).toContain("DEBT_TO_INCOME_TOO_HIGH");
      const paid = ofType(lane!.issued, "external_repayment");
      // once, ten days on: half of ¥160,000
      expect(paid.map((e) => [e.day, e.amount])).toEqual([[opening.day + 10, 8_000_000]]);
      // the retry 20 days after the decline finds ¥80,000 elsewhere: 1.1 × a year's income, within the cap
      const opens = lane!.notes.filter((n) => n.event.type === "apply");
      expect(opens.map((n) => n.decision)).toEqual(["declined", "approved"]);
    }
  });

  it("without the reaction the same customer stays declined and pays nothing down", () => {
    const persona = indebted("{ declined: { retry: { p: 1, after: 20, amount: 1 } } }");
    const runner = new AccountRunner(populationContext(s), { record: true, notes: true });
    for (let i = 0; i < 4; i++) {
      const [lane] = runner.run(persona, reactionsOf(persona), i);
      expect(ofType(lane!.issued, "external_repayment")).toEqual([]);
      expect(lane!.notes.filter((n) => n.event.type === "apply").map((n) => n.decision)).toEqual([
        "declined",
        "declined",
      ]);
    }
  });

  it("is a stream of its own: a reaction that never fires leaves every other event of the account as it was", () => {
    const stretched = shipped.find((p) => p.name === "stretched")!;
    const never: Persona = {
      ...stretched,
      reactions: { ...stretched.reactions, burden: { payDown: { p: 0, after: 10, share: 0.5 } } },
    };
    const fires: Persona = {
      ...stretched,
      reactions: { ...stretched.reactions, burden: { payDown: { p: 1, after: 10, share: 0.5 } } },
    };
    const long = settings({ days: 730 });
    const runner = new AccountRunner(populationContext(long), { record: true });
    let paid = 0;
    for (let i = 0; i < 60; i++) {
      const without = runner.run(stretched, reactionsOf(stretched), i)[0]!.issued;
      expect(runner.run(never, reactionsOf(never), i)[0]!.issued).toEqual(without);
      paid += ofType(runner.run(fires, reactionsOf(fires), i)[0]!.issued, "external_repayment").length;
    }
    // and the stretched do meet decisions that name their debt
    expect(paid).toBeGreaterThan(0);
  });
});

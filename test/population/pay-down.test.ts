// A persona's `reactions.burden.payDown`: a decision that names the debt burden (a decline citing
// DEBT_TO_INCOME_TOO_HIGH, a score reason HIGH_DEBT_BURDEN) is answered by paying down part of the debt
// elsewhere — the reaction a lender's adverse-action notice asks for. The reaction draws from a stream of
// its own, so adding it moves no other draw of the account.

import { describe, expect, it } from "vitest";
import { type DecisionNote, initialState, type ScenarioEvent } from "../../src/engine/index.js";
import { AccountRunner } from "../../src/population/account.js";
import { Agent, reactionsOf, repaymentSchedule } from "../../src/population/agent.js";
import { loadPersonaText, type Persona } from "../../src/population/persona.js";
import { makePlan } from "../../src/population/plan.js";
import { populationContext, statementCycles } from "../../src/population/settings.js";
import { expectAccountReplays, policy, population, settings, shipped } from "./helpers.js";

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

  it("an account that paid down exports as a file that replays to the same end (each pay-down within the debt)", () => {
    const stretched = shipped.find((p) => p.name === "stretched")!;
    const all: Persona = {
      ...stretched,
      reactions: {
        ...stretched.reactions,
        burden: { payDown: { p: 1, after: { min: 1, max: 20 }, share: 1 } },
      },
    };
    const pop = population(settings({ days: 730 }), [all]);
    const runner = new AccountRunner(populationContext(pop.settings), { record: true });
    let replayed = 0;
    for (let i = 0; i < 40 && replayed < 4; i++) {
      const issued = runner.run(all, reactionsOf(all), i)[0]!.issued;
      if (ofType(issued, "external_repayment").length === 0) continue;
      expectAccountReplays(pop, i, 0);
      replayed++;
    }
    expect(replayed).toBe(4);
  });

  describe("which decisions, and how often", () => {
    const persona = indebted("{ burden: { payDown: { p: 1, after: 10, share: 0.5 } } }");
    const ctx = populationContext(settings({ days: 200 }));
    const agentOf = (hardship: number[] = []) => {
      const plan = makePlan(ctx, persona, 0);
      plan.hardship = hardship;
      const agent = new Agent(
        plan,
        ctx,
        reactionsOf(persona),
        repaymentSchedule(plan, statementCycles(ctx, policy)),
      );
      return { agent, plan };
    };
    const note = (
      over: Omit<Partial<DecisionNote>, "event"> & { event: DecisionNote["event"] },
    ): DecisionNote =>
      ({
        day: 50,
        line: "huabei",
        decision: "declined",
        reasons: ["HIGH_DEBT_BURDEN"],
        facts: [],
        status: "active",
        cause: null,
        limit: 300_000,
        ...over,
      }) as DecisionNote;
    const pending = (a: Agent) =>
      (Reflect.get(a, "pending") as ScenarioEvent[]).filter((e) => e.type === "external_repayment");
    const apply = {
      index: 0,
      type: "apply",
      day: 50,
      line: "huabei",
      product: "increase",
      amount: 100_000,
    } as const;
    const review = (line: "huabei" | "jiebei") => ({ type: "review", line, requested: false }) as const;

    it("a declined purchase or drawdown names no decision against the customer: nothing is paid down", () => {
      const { agent } = agentOf();
      agent.observe(
        note({
          event: { index: 0, type: "purchase", day: 50, amount: 10_000, merchant: null, instalments: null },
        }),
      );
      agent.observe(
        note({ event: { index: 0, type: "borrow", day: 50, amount: 10_000, term: 3 }, line: "jiebei" }),
      );
      // a suspension recorded beneath a security hold changes nothing the customer is told
      agent.observe(
        note({
          decision: "suspended",
          beneath: "credit",
          event: review("huabei"),
        }),
      );
      expect(pending(agent)).toEqual([]);
      // a decision that names no burden, neither
      agent.observe(note({ event: apply, reasons: ["SCORE_BELOW_MINIMUM"] }));
      expect(pending(agent)).toEqual([]);
    });

    it("an application or a request for a review declined, a cut, a suspension: one pay-down a day, however many", () => {
      const { agent } = agentOf();
      agent.observe(note({ event: apply, reasons: ["DEBT_TO_INCOME_TOO_HIGH"] }));
      agent.observe(note({ decision: "suspended", event: review("jiebei"), line: "jiebei" }));
      expect(pending(agent).map((e) => e.day)).toEqual([60]);
      agent.observe(note({ day: 51, event: { index: 0, type: "request_review", day: 51, line: "huabei" } }));
      agent.observe(note({ day: 52, decision: "limit_reduced", event: review("huabei") }));
      expect(pending(agent).map((e) => e.day)).toEqual([60, 61, 62]);
    });

    it("two pay-downs falling on one day pay the share once; none in a spell of hardship", () => {
      const profile = makePlan(ctx, persona, 0).profile;
      const state = initialState("2024-01-01", profile, policy);
      const { agent } = agentOf();
      // decided on days 50 and 55, due 10 and 5 days on: both on day 60 (an `after` of 10 for both would
      // not meet, so the second is put in place by hand)
      agent.observe(note({ event: apply }));
      (Reflect.get(agent, "pending") as ScenarioEvent[]).push({
        index: 0,
        day: 60,
        type: "external_repayment",
        amount: 0,
      });
      const paid = ofType(agent.step(60, state), "external_repayment");
      expect(paid.map((e) => e.amount)).toEqual([8_000_000]);
      // a spell of hardship over day 60 (u = −1: real, whatever the burden): nothing paid
      const { agent: hard } = agentOf([40, 100, -1]);
      hard.observe(note({ event: apply }));
      expect(ofType(hard.step(60, state), "external_repayment")).toEqual([]);
    });
  });
});

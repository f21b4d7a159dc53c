// @module-tag property
// The account runner takes a day of the customer's purchases alone without looking again for the next day
// to visit, and a day before the engine's next of purchases and repayments alone without the engine's own
// inputs (account.ts, runLane; engine/schedule.ts, runQuietDay): the same steps as visiting it in full,
// which this holds over generated accounts — every persona, one policy or lanes of several, a policy change
// on a later day, a stress shock, decision notes and records kept or not.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AccountRunner } from "../../src/population/account.js";
import { reactionsOf } from "../../src/population/agent.js";
import { loadPersonaText } from "../../src/population/persona.js";
import { populationContext } from "../../src/population/settings.js";
import { expectEqual } from "../helpers/deep-equal.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { arm, extreme, policy, settings, shipped, tightened, tiny } from "./helpers.js";

const RUNS = propertyRuns(30);

const stretched = shipped.find((p) => p.name === "stretched")!;
// leaves at its first suspension and repays what it owes: a customer who left closes a line on any day it
// is visited once nothing is owed on it, purchase days too
const leaver = {
  ...stretched,
  name: "leaver",
  reactions: { ...stretched.reactions, suspended: { repay: 1, leave: 1 }, restored: { resume: 0 } },
};
// three large purchases a day or so: bursts (a security hold, its reactions) on days of purchases alone
const burster = loadPersonaText(
  [
    "name: burster",
    "share: 1",
    "profile: { monthlyIncome: 20000, externalDebt: 0, verified: 1, creditHistoryMonths: 60 }",
    "spending: { perMonth: 80, amount: { median: 1500, sigma: 0.5 } }",
    "repayment: { full: 1, daysBeforeDue: { min: 0, max: 3 } }",
    "reactions: { suspended: { contact: 0.5, verify: 0.9, review: 0.3 } }",
  ].join("\n"),
  "burster.yaml",
);
const personas = [...shipped, tiny, extreme, leaver, burster];

const armsArb = fc.constantFrom(
  [],
  [arm(tightened)],
  [arm(policy, { minScore: 650 })],
  [arm(policy, { graceDays: 1 })],
  [600, 650, 700].map((m) => arm(policy, { reduceLimitScore: m })),
);

describe("purchase runs", () => {
  it("take a day of purchases alone as a visit in full does: every lane, decision, record and outcome alike", () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.record({
          persona: fc.integer({ min: 0, max: personas.length - 1 }),
          index: fc.integer({ min: 0, max: 10_000 }),
          seed: fc.integer({ min: 1, max: 1000 }),
          days: fc.integer({ min: 1, max: 500 }),
          scoreDay: fc.integer({ min: 0, max: 400 }),
          champion: fc.constantFrom(policy, tightened),
          arms: armsArb,
          from: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
          stress: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
          kept: fc.boolean(),
        }),
        (x) => {
          const s = settings({
            seed: x.seed,
            days: x.days,
            scoreDay: Math.min(x.scoreDay, x.days - 1),
            policy: x.champion,
            arms: x.arms,
            from: x.arms.length > 0 ? Math.min(x.from, x.days - 1) : 0,
            stress: x.stress === null ? null : { day: x.stress },
          });
          const ctx = populationContext(s);
          const p = personas[x.persona]!;
          const options = { notes: x.kept, record: x.kept };
          const quick = new AccountRunner(ctx, options);
          const full = new AccountRunner(ctx, { ...options, purchaseRuns: false });
          expectEqual(quick.run(p, reactionsOf(p), x.index), full.run(p, reactionsOf(p), x.index));
          expect(full.purchaseRunDays).toBe(0);
          runs += quick.purchaseRunDays;
        },
      ),
      { numRuns: RUNS },
    );
    // the accounts did take such days
    expect(runs).toBeGreaterThan(RUNS * 5);
  });

  it("leave a customer who left visited as in full: it closes a line on the first day it is visited owing nothing, a purchase day too", () => {
    const ctx = populationContext(settings({ days: 400 }));
    const quick = new AccountRunner(ctx, { record: true, notes: true });
    const full = new AccountRunner(ctx, { record: true, notes: true, purchaseRuns: false });
    let closes = 0;
    // 100 accounts close 13 lines (300 closed 41); a runner that forgets a customer left (quietUntil as if
    // it stayed) takes 8 of them otherwise, the first the second account
    const n = 100;
    for (let i = 0; i < n; i++) {
      const lanes = quick.run(leaver, reactionsOf(leaver), i);
      expectEqual(lanes, full.run(leaver, reactionsOf(leaver), i), `account ${i}`);
      closes += lanes[0]!.issued.filter((e) => e.type === "close").length;
    }
    expect(closes).toBeGreaterThan(6);
    expect(quick.purchaseRunDays).toBeGreaterThan(n * 10);
  });
});

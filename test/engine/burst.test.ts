// The burst trigger: a burst of large transactions in one day (suspected cash-out) puts on the security
// hold that too many bound-detail changes put on, until a verification. Thresholds are the test's.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { forkCustomer, newCustomer, verifyIdentity } from "../../src/engine/customer.js";
import { simulate } from "../../src/engine/simulate.js";
import { countTransaction, isBurst } from "../../src/engine/triggers.js";
import { describeFact } from "../../src/scenario/format.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import { on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

const PROFILE = {
  age: 30,
  monthlyIncome: 8_000_00,
  verified: true,
  creditHistoryMonths: 24,
  externalDebt: 0,
};
const policy = testPolicy({ burstMinTransactions: 3, burstFractionOfLimits: 0.9 });
const suspensions = (t: ReturnType<typeof run>) => t.steps.filter((s) => s.decision === "suspended");

describe("a burst of large transactions in one day", () => {
  it("three purchases reaching 90 % of the limit: the third is approved and the hold laid at once", () => {
    const t = run([on.open(0, 5_000), on.purchase(3, 1_500), on.purchase(3, 1_500), on.purchase(3, 1_500)], {
      policy,
    });
    const third = stepsOf(t, "purchase", 3);
    expect(third.map((s) => s.decision)).toEqual(["approved", "approved", "approved", "suspended"]);
    expect(third[3]).toMatchObject({
      line: "huabei",
      status: "suspended",
      cause: "security",
      reasons: ["UNUSUAL_TRANSACTIONS"],
      balance: 450_000,
    });
    expect(third[3]!.facts).toEqual([
      {
        code: "UNUSUAL_TRANSACTIONS",
        parameter: "burstFractionOfLimits",
        threshold: 0.9,
        value: 0.9,
        transactions: 3,
        amount: 450_000,
        limits: 500_000,
      },
    ]);
    expect(describeFact(third[3]!.facts[0]!)).toBe(
      "3 transactions, ¥4,500.00 = 90 % of ¥5,000.00 in one day vs burstFractionOfLimits 90 %",
    );
  });

  it("does not trip a fen short of the share, with one transaction too few, or across two days", () => {
    const short = run(
      [on.open(0, 5_000), on.purchase(3, 1_500), on.purchase(3, 1_500), on.purchase(3, 1_499.99)],
      { policy },
    );
    expect(suspensions(short)).toEqual([]);
    const two = run([on.open(0, 5_000), on.purchase(3, 2_500), on.purchase(3, 2_500)], { policy });
    expect(suspensions(two)).toEqual([]);
    const days = run(
      [on.open(0, 5_000), on.purchase(3, 1_500), on.purchase(3, 1_500), on.purchase(4, 1_500)],
      {
        policy,
      },
    );
    expect(suspensions(days)).toEqual([]);
  });

  it("counts the day's attempts, declined ones too: three large ones over the limit lay the hold", () => {
    const t = run(
      [on.open(0, 1_000), on.purchase(2, 950), on.purchase(3, 500), on.purchase(3, 500), on.purchase(3, 500)],
      { policy },
    );
    const day3 = stepsOf(t, "purchase", 3);
    expect(day3.map((s) => [s.decision, s.reasons[0]])).toEqual([
      ["declined", "OVER_LIMIT"],
      ["declined", "OVER_LIMIT"],
      ["declined", "OVER_LIMIT"],
      ["suspended", "UNUSUAL_TRANSACTIONS"],
    ]);
    expect(day3[3]!.facts[0]).toMatchObject({
      transactions: 3,
      amount: 150_000,
      limits: 100_000,
      value: 1.5,
    });
    // a suspended line's limit counts, and attempts on it: a suspension for policy hides no burst
    const suspended = run(
      [
        on.open(0, 5_000),
        on.policy(1, { set: { minScore: 900 } }),
        on.purchase(20, 1_500),
        on.purchase(20, 1_500),
        on.purchase(20, 1_500),
      ],
      { policy },
    );
    expect(suspensions(suspended).map((s) => [s.day, s.cause])).toEqual([
      [14, "policy"],
      [20, "security"],
    ]);
  });

  it("better behaviour never brings the hold: repaid in full or not, the same attempts hold both", () => {
    // ¥4,000 spent, then repaid in full or only ¥100: the next day's three ¥1,500 attempts are approved for
    // the one and declined over the limit for the other — the same attempts, the same limit
    const attempts = [on.purchase(5, 1_500), on.purchase(5, 1_500), on.purchase(5, 1_500)];
    const full = run([on.open(0, 5_000), on.purchase(3, 4_000), on.repay(4, "full"), ...attempts], {
      policy,
    });
    const less = run([on.open(0, 5_000), on.purchase(3, 4_000), on.repay(4, 100), ...attempts], { policy });
    expect(stepsOf(full, "purchase", 5).map((s) => s.decision)).toEqual([
      "approved",
      "approved",
      "approved",
      "suspended",
    ]);
    expect(stepsOf(less, "purchase", 5).map((s) => s.decision)).toEqual([
      "declined",
      "declined",
      "declined",
      "suspended",
    ]);
    expect(suspensions(less).map((s) => [s.day, s.cause])).toEqual(
      suspensions(full).map((s) => [s.day, s.cause]),
    );
  });

  it("counts only large transactions: one big purchase and two coffees are no burst", () => {
    // ¥440 is 88 % of a ¥500 line; two ¥30 coffees (6 % each, under burstLargeFraction 10 %) made it 100 %
    const coffees = [on.open(0, 500), on.purchase(3, 440), on.purchase(3, 30), on.purchase(3, 30)];
    expect(suspensions(run(coffees, { policy }))).toEqual([]);
    // three large ones, each at least 10 % of the limit, and the rest small: the large ones' total counts
    const large = [
      on.open(0, 500),
      on.purchase(3, 300),
      on.purchase(3, 50),
      on.purchase(3, 30),
      on.purchase(3, 50),
    ];
    const t = run(large, { policy });
    expect(suspensions(t)).toHaveLength(0);
    const more = run([...large, on.purchase(3, 60)], { policy });
    expect(suspensions(more)).toHaveLength(1);
    expect(suspensions(more)[0]!.facts[0]).toMatchObject({ transactions: 4, amount: 46_000, limits: 50_000 });
    // burstLargeFraction 0 counts every one
    const every = testPolicy({ burstMinTransactions: 3, burstFractionOfLimits: 0.9, burstLargeFraction: 0 });
    expect(suspensions(run(coffees, { policy: every }))).toHaveLength(1);
  });

  it("five coffees a day on a ¥5,000 line never trip it", () => {
    const coffees = [3, 4, 5].flatMap((day) => Array.from({ length: 5 }, () => on.purchase(day, 30)));
    const t = run([on.open(0, 5_000), ...coffees], { policy });
    expect(suspensions(t)).toEqual([]);
    expect(stepsOf(t, "purchase").every((s) => s.decision === "approved")).toBe(true);
  });

  it("counts both lines against their limits together, and holds both", () => {
    const both = [on.open(0, 5_000), on.open(0, 5_000, "jiebei")];
    // ¥4,500 on Huabei alone is 45 % of ¥10,000: no burst
    const huabeiOnly = run([...both, on.purchase(3, 1_500), on.purchase(3, 1_500), on.purchase(3, 1_500)], {
      policy,
    });
    expect(suspensions(huabeiOnly)).toEqual([]);
    const t = run(
      [...both, on.purchase(3, 2_500), on.purchase(3, 2_500), on.borrow(3, 2_000, 3), on.borrow(3, 2_000, 3)],
      { policy },
    );
    const held = stepsOf(t, "borrow", 3).filter((s) => s.decision === "suspended");
    expect(held.map((s) => [s.line, s.cause, s.reasons])).toEqual([
      ["huabei", "security", ["UNUSUAL_TRANSACTIONS"]],
      ["jiebei", "security", ["UNUSUAL_TRANSACTIONS"]],
    ]);
    expect(held[0]!.facts[0]).toMatchObject({ transactions: 4, amount: 900_000, limits: 1_000_000 });
    // forty ¥500 drawdowns in one day on ¥2,000 of Huabei and ¥20,000 of Jiebei: each is 2.3 % of the
    // limits, under burstLargeFraction's 10 %, so none counts…
    const forty = Array.from({ length: 40 }, () => on.borrow(5, 500, 3));
    const lines = [on.open(0, 2_000), on.open(0, 20_000, "jiebei")];
    expect(suspensions(run([...lines, ...forty], { policy }))).toEqual([]);
    // …and when every one counts (burstLargeFraction 0), the 40th makes ¥20,000, 90.9 % of ¥22,000 — and
    // on ¥5,000 of Huabei, 80 % of ¥25,000, none does
    const every = testPolicy({ burstMinTransactions: 3, burstFractionOfLimits: 0.9, burstLargeFraction: 0 });
    const cash = run([...lines, ...forty], { policy: every });
    const draws = stepsOf(cash, "borrow", 5);
    expect(draws.filter((s) => s.decision === "approved")).toHaveLength(40);
    expect(draws.filter((s) => s.decision === "suspended").map((s) => [s.day, s.line])).toEqual([
      [5, "huabei"],
      [5, "jiebei"],
    ]);
    expect(draws.at(-1)!.facts[0]).toMatchObject({ transactions: 40, amount: 2_000_000, limits: 2_200_000 });
    const wider = run([on.open(0, 5_000), on.open(0, 20_000, "jiebei"), ...forty], { policy: every });
    expect(suspensions(wider)).toEqual([]);
  });

  it("verifying identity lifts the hold and confirms the day's transactions", () => {
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(3, 1_500),
        on.purchase(3, 1_500),
        on.purchase(3, 1_500),
        on.purchase(3, 100),
        on.support(3),
        on.verify(3),
        on.purchase(3, 100),
        on.repay(4, "full"),
        on.purchase(5, 10),
      ],
      { policy },
    );
    const purchases = stepsOf(t, "purchase", 3);
    expect(purchases[4]).toMatchObject({ decision: "declined", reasons: ["ACCOUNT_SUSPENDED"] });
    // customer service says why, and to verify
    const answer = stepOn(t, "contact_support", 3);
    expect(answer.reasons[0]).toBe("UNUSUAL_TRANSACTIONS");
    expect(answer.remedies).toContainEqual({ line: "huabei", kind: "verify_identity" });
    expect(stepOn(t, "verify_identity", 3)).toMatchObject({
      decision: "restored",
      reasons: ["IDENTITY_VERIFIED"],
      status: "active",
    });
    // the transactions before the verification are confirmed: one more that day is no burst
    expect(purchases[5]).toMatchObject({ decision: "approved", status: "active" });
    expect(stepOn(t, "purchase", 5).decision).toBe("approved");
  });

  it("a hold never verified closes the line for security, and a reopening asks the verification", () => {
    const p = testPolicy({
      burstMinTransactions: 3,
      burstFractionOfLimits: 0.9,
      closeAfterSuspendedDays: 60,
    });
    const events = [
      on.open(0, 5_000),
      on.purchase(3, 1_500),
      on.purchase(3, 1_500),
      on.purchase(3, 1_500),
      on.repay(20, "full"),
      on.open(120, 5_000),
    ];
    const t = run(events, { policy: p, until: 200 });
    const closed = t.steps.find((s) => s.decision === "closed");
    expect(closed).toMatchObject({ cause: "security", reasons: ["LONG_SUSPENSION", "UNUSUAL_TRANSACTIONS"] });
    expect(closed!.facts).toContainEqual(
      expect.objectContaining({ code: "UNUSUAL_TRANSACTIONS", transactions: 3 }),
    );
    expect(stepOn(t, "apply", 120)).toMatchObject({ decision: "declined" });
    expect(stepOn(t, "apply", 120).reasons).toContain("UNUSUAL_TRANSACTIONS");
    const verified = run([...events.slice(0, -1), on.verify(119), on.open(120, 5_000)], {
      policy: p,
      until: 200,
    });
    expect(stepOn(verified, "apply", 120).decision).toBe("approved");
  });

  it("0 transactions or a share of 0 disables it", () => {
    const burst = [on.open(0, 5_000), on.purchase(3, 2_000), on.purchase(3, 2_000), on.purchase(3, 1_000)];
    expect(suspensions(run(burst, { policy }))).toHaveLength(1);
    for (const off of [{ burstMinTransactions: 0 }, { burstFractionOfLimits: 0 }]) {
      const p = testPolicy({ burstMinTransactions: 3, burstFractionOfLimits: 0.9, ...off });
      expect(suspensions(run(burst, { policy: p }))).toEqual([]);
    }
  });

  it("the shipped default policy holds a line maxed out in a few large purchases within hours", () => {
    const text = `
name: cash-out
start: 2024-03-01
until: 30
policy: default
profile: { age: 35, monthlyIncome: 12000, verified: true, creditHistoryMonths: 60 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 2, type: purchase, amount: 30, merchant: coffee }
  - { day: 2, type: purchase, amount: 30, merchant: coffee }
  - { day: 2, type: purchase, amount: 30, merchant: coffee }
  - { day: 5, type: purchase, amount: 1600, merchant: Unknown electronics shop }
  - { day: 5, type: purchase, amount: 1600, merchant: Unknown electronics shop }
  - { day: 5, type: purchase, amount: 1600, merchant: Unknown electronics shop }
  - { day: 5, type: purchase, amount: 50, merchant: Hema }
expect:
  - { day: 5, decision: suspended, status: suspended, cause: security, reasons: [UNUSUAL_TRANSACTIONS] }
`;
    const loaded = loadScenarioText(text, join(ROOT, "scenarios", "cash-out.yaml"));
    const t = simulate(loaded.scenario);
    expect(stepsOf(t, "purchase", 2).every((s) => s.decision === "approved")).toBe(true);
    expect(stepsOf(t, "purchase", 5).map((s) => s.decision)).toEqual([
      "approved",
      "approved",
      "approved",
      "suspended",
      "declined",
    ]);
    expect(describeFact(stepsOf(t, "purchase", 5)[3]!.facts[0]!)).toBe(
      "3 transactions, ¥4,800.00 = 96 % of ¥5,000.00 in one day vs burstFractionOfLimits 90 %",
    );
  });
  it("the shipped default policy reads a purchase declined over the limit, then two smaller ones, as a retry, not a burst", () => {
    // a stretched customer's day in a population run: ¥2,007.65 declined on a ¥3,000 line with ¥1,000 owed,
    // then ¥414.23 and ¥475.34 approved — 96.6 % of the limit in three attempts, but only the first is a
    // fifth of it or more (burstLargeFraction 0.2): shopping after a decline, not a cash-out
    const text = `
name: retry
start: 2024-03-01
until: 30
policy: default
profile: { age: 35, monthlyIncome: 12000, verified: true, creditHistoryMonths: 60 }
events:
  - { day: 0, type: apply, product: open, amount: 3000 }
  - { day: 2, type: purchase, amount: 1000, merchant: Taobao }
  - { day: 5, type: purchase, amount: 2007.65, merchant: Suning }
  - { day: 5, type: purchase, amount: 414.23, merchant: Taobao }
  - { day: 5, type: purchase, amount: 475.34, merchant: Taobao }
`;
    const t = simulate(loadScenarioText(text, join(ROOT, "scenarios", "retry.yaml")).scenario);
    expect(stepsOf(t, "purchase", 5).map((s) => s.decision)).toEqual(["declined", "approved", "approved"]);
    expect(t.steps.filter((s) => s.decision === "suspended")).toEqual([]);
  });
});

describe("a day of many attempts", () => {
  // each attempt asks whether the day is now a burst; counting the day's every attempt again each time made
  // a day of n attempts n²/2 reads (100,000 purchases on one day of a scenario: half a minute)
  it("each attempt is read about once, however many the day has", () => {
    const p = testPolicy({ burstMinTransactions: 3, burstFractionOfLimits: 0.9, burstLargeFraction: 0.1 });
    const c = newCustomer(PROFILE, p);
    c.huabei.status = "active";
    c.huabei.limit = 50_000_00;
    let reads = 0;
    c.burstAmounts = new Proxy<number[]>([], {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    let bursts = 0;
    for (let i = 0; i < 3_000; i++) {
      // small ones, then ten of ¥5,000 (large), reaching 90 % of ¥50,000 at the ninth
      countTransaction(c, 3, i < 2_990 ? 100 : 5_000_00);
      if (isBurst(c, 3)) bursts++;
    }
    expect(bursts).toBe(2);
    expect(reads).toBeLessThan(2 * 3_000);
  });

  it("the large attempts are counted afresh after a verification, a new day, a higher limit or another policy", () => {
    const p = testPolicy({ burstMinTransactions: 2, burstFractionOfLimits: 0.5, burstLargeFraction: 0.2 });
    // a policy to which every attempt is large, needing three
    const q = testPolicy({ burstMinTransactions: 3, burstFractionOfLimits: 0.5, burstLargeFraction: 0 });
    const c = newCustomer(PROFILE, p);
    c.huabei.status = "active";
    c.huabei.limit = 1_000_00;
    countTransaction(c, 3, 300_00);
    expect(isBurst(c, 3)).toBe(false);
    countTransaction(c, 3, 300_00);
    expect(isBurst(c, 3)).toBe(true);
    // the other policy counts the same attempts by its own threshold, then this one's again
    expect(isBurst(c, 3, q)).toBe(false);
    countTransaction(c, 3, 100_00);
    expect(isBurst(c, 3, q)).toBe(true);
    expect(isBurst(c, 3)).toBe(true);
    // a copy counts as the original does, and what it adds is its own
    const copy = forkCustomer(c);
    countTransaction(copy, 3, 1_00);
    expect(isBurst(copy, 3, q)).toBe(true);
    // a verification confirms them: none counts, though as many are asked again
    verifyIdentity(c, 3);
    countTransaction(c, 3, 300_00);
    expect(isBurst(c, 3)).toBe(false);
    countTransaction(c, 3, 100_00);
    countTransaction(c, 3, 100_00);
    expect(isBurst(c, 3, q)).toBe(true);
    expect(isBurst(c, 3)).toBe(false);
    // a higher limit that day: 300 is no longer large (under 20 % of ¥2,000), and two do not reach half
    c.huabei.limit = 2_000_00;
    countTransaction(c, 3, 300_00);
    expect(isBurst(c, 3)).toBe(false);
    countTransaction(c, 3, 400_00);
    countTransaction(c, 3, 400_00);
    expect(isBurst(c, 3)).toBe(false);
    countTransaction(c, 3, 400_00);
    expect(isBurst(c, 3)).toBe(true);
    // the next day starts with none
    countTransaction(c, 4, 900_00);
    expect(isBurst(c, 4)).toBe(false);
    expect(isBurst(c, 3)).toBe(false);
  });
});

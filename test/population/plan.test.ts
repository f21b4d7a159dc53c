// An account's plan is a pure function of (seed, persona, index), the events its agent issues make a valid
// timeline, personas come by share — and common random numbers: what does not depend on the lender is the
// same under every policy, and a reaction to the same decision on the same day draws the same numbers.

import { describe, expect, it } from "vitest";
import type { ScenarioEvent } from "../../src/engine/index.js";
import { AccountRunner } from "../../src/population/account.js";
import { Agent, reactionsOf, repaymentSchedule } from "../../src/population/agent.js";
import { loadPersonaText } from "../../src/population/persona.js";
import type { Dist } from "../../src/population/persona-schema.js";
import { makePlan } from "../../src/population/plan.js";
import { draw, keyOf, Sampler, Stream } from "../../src/population/random.js";
import { personaIndexOf } from "../../src/population/runner.js";
import { populationContext, statementCycles } from "../../src/population/settings.js";
import { expectEqual } from "../helpers/deep-equal.js";
import { arm, extreme, policy, settings, shipped, tightened, tiny } from "./helpers.js";

const stretched = shipped.find((p) => p.name === "stretched")!;

describe("plan", () => {
  const ctx = populationContext(settings());

  it("depends only on (seed, persona, index)", () => {
    const a = makePlan(ctx, tiny, 12);
    makePlan(ctx, tiny, 3); // another account in between changes nothing
    expect(makePlan(ctx, tiny, 12)).toEqual(a);
    expect(makePlan(ctx, tiny, 13).purchases).not.toEqual(a.purchases);
    expect(makePlan(populationContext(settings({ seed: 8 })), tiny, 12).purchases).not.toEqual(a.purchases);
  });

  it("does not depend on the policies: the same plan under any arm (common random numbers)", () => {
    const other = populationContext(settings({ policy: tightened, arms: [arm(policy, { minScore: 700 })] }));
    for (let i = 0; i < 20; i++) expectEqual(makePlan(other, stretched, i), makePlan(ctx, stretched, i));
  });

  it("a short horizon is the start of a long one: the same events on the days both cover", () => {
    // a year's Jiebei openings drawn past a 60-day horizon used to land on its last day
    const long = populationContext(settings({ days: 365 }));
    const runs = (c: typeof ctx, persona: (typeof shipped)[number], i: number) =>
      new AccountRunner(c, { record: true }).run(persona, reactionsOf(persona), i)[0]!.issued;
    // each account's long run made once, read against both short horizons
    const longRuns = new Map<string, ReturnType<typeof runs>>();
    const longRun = (persona: (typeof shipped)[number], i: number) => {
      const key = `${persona.name}/${i}`;
      if (!longRuns.has(key)) longRuns.set(key, runs(long, persona, i));
      return longRuns.get(key)!;
    };
    let compared = 0;
    for (const days of [60, 200]) {
      const short = populationContext(settings({ days }));
      for (const persona of [...shipped, tiny])
        for (let i = 0; i < 40; i++) {
          const within = longRun(persona, i).filter((e) => e.day < days);
          expectEqual(runs(short, persona, i), within);
          compared += within.length;
        }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("splits purchases into instalments from a stream of their own: the rest of the plan is unmoved", () => {
    const revolver = shipped.find((p) => p.name === "revolver")!;
    const never = { ...revolver, spending: { ...revolver.spending, instalments: undefined } };
    let split = 0;
    for (let i = 0; i < 40; i++) {
      const { purchases, ...rest } = makePlan(ctx, revolver, i);
      const { purchases: plain, ...plainRest } = makePlan(ctx, never, i);
      expect({ ...purchases, term: [] }).toEqual({ ...plain, term: [] });
      expect({ ...rest, persona: null }).toEqual({ ...plainRest, persona: null });
      expect(plain.term.every((t) => t === 0)).toBe(true);
      purchases.term.forEach((t, k) => {
        if (t === 0) return;
        split++;
        expect(purchases.amount[k]).toBeGreaterThanOrEqual(500_00);
      });
    }
    expect(split).toBeGreaterThan(20);
  });

  it("issues a valid timeline: days in range and in order, whole positive amounts, the opening first", () => {
    const runner = new AccountRunner(ctx, { record: true });
    for (let i = 0; i < 40; i++) {
      const [lane] = runner.run(tiny, reactionsOf(tiny), i);
      const events: readonly ScenarioEvent[] = lane!.issued;
      expect(events.find((e) => e.type === "apply")).toMatchObject({ line: "huabei", product: "open" });
      events.forEach((e, k) => {
        expect(e.day).toBeGreaterThanOrEqual(0);
        expect(e.day).toBeLessThanOrEqual(ctx.until);
        if (k > 0) expect(e.day).toBeGreaterThanOrEqual(events[k - 1]!.day);
        if ("amount" in e && typeof e.amount === "number") {
          expect(Number.isInteger(e.amount)).toBe(true);
          expect(e.amount).toBeGreaterThan(0);
        }
      });
    }
  });

  it("asks every limit in whole hundreds of yuan (openings, increases, retries for less): no account ends with a limit no rule makes", () => {
    // a policy that declines every increase and most openings, so that the retries for less are asked too
    const strict = populationContext(
      settings({ days: 400, policy: { ...policy, minIncreaseScore: 950, minOpenScore: 700 } }),
    );
    let asks = 0;
    let retries = 0;
    for (const c of [ctx, strict]) {
      const runner = new AccountRunner(c, { record: true });
      for (const persona of [...shipped, extreme])
        for (let i = 0; i < (persona === extreme ? 1 : 12); i++) {
          const [lane] = runner.run(persona, reactionsOf(persona), i);
          const applies = lane!.issued.filter((e) => e.type === "apply");
          for (const e of applies) expect(e.amount % 10_000, `${persona.name} #${i}: ${e.amount}`).toBe(0);
          asks += applies.length;
          retries += applies.length - new Set(applies.map((e) => `${e.product}/${e.line}`)).size;
          expect(lane!.outcome.finalLimit % 10_000, `${persona.name} #${i}`).toBe(0);
        }
    }
    expect(asks).toBeGreaterThan(80);
    expect(retries).toBeGreaterThan(8);
  });

  it("assigns personas by share", () => {
    const counts = new Map<string, number>();
    const s = settings();
    for (let i = 0; i < 4000; i++) {
      const name = shipped[personaIndexOf(s, shipped, i)]!.name;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const total = shipped.reduce((a, p) => a + p.share, 0);
    for (const p of shipped)
      expect(Math.abs((counts.get(p.name) ?? 0) / 4000 - p.share / total)).toBeLessThan(0.03);
  });
});

describe("reactions", () => {
  it("a declined applicant reacts (inquiries elsewhere, a retry for less); an approved one does not", () => {
    // stretched under a policy that declines every opening: its reactions show in the events
    const strict = settings({ days: 120, policy: { ...policy, minOpenScore: 950 } });
    const lax = settings({ days: 120 });
    const count = (s: typeof strict) => {
      const runner = new AccountRunner(populationContext(s), { record: true });
      let inquiries = 0;
      let opens = 0;
      for (let i = 0; i < 60; i++) {
        const issued = runner.run(stretched, reactionsOf(stretched), i)[0]!.issued;
        inquiries += issued.filter((e) => e.type === "external_inquiry").length;
        opens += issued.filter((e) => e.type === "apply" && e.product === "open").length;
      }
      return { inquiries, opens };
    };
    const declined = count(strict);
    const approved = count(lax);
    expect(declined.inquiries).toBeGreaterThan(approved.inquiries);
    // retries: more opening applications than accounts, but at most one retry each
    expect(declined.opens).toBeGreaterThan(60);
    expect(declined.opens).toBeLessThanOrEqual(120);
  });

  /** A persona with no verified identity, whose `reactions` are given. */
  const unverified = (reactions: string) =>
    loadPersonaText(
      [
        "name: unverified",
        "share: 1",
        "profile: { monthlyIncome: 8000, externalDebt: 0, verified: 0, creditHistoryMonths: 60 }",
        "spending: { perMonth: 8, amount: { median: 100, sigma: 0.3 } }",
        "repayment: { full: 1 }",
        `reactions: ${reactions}`,
      ].join("\n"),
      "unverified.yaml",
    );

  it("asked for a verified identity at the opening, a customer who verifies applies again that day, for the same", () => {
    const s = settings({ days: 120, policy: { ...policy, requireVerified: true } });
    const runner = new AccountRunner(populationContext(s), { record: true, notes: true });
    const verifies = unverified("{ identity: { verify: { p: 1, after: 5 } } }");
    const never = unverified("{ declined: { elsewhere: 0 } }");
    for (let i = 0; i < 5; i++) {
      const [lane] = runner.run(verifies, reactionsOf(verifies), i);
      const opens = lane!.issued.filter((e) => e.type === "apply" && e.product === "open");
      expect(opens).toHaveLength(2);
      const [first, again] = opens as Array<Extract<ScenarioEvent, { type: "apply" }>>;
      expect(again!.amount).toBe(first!.amount);
      expect(again!.day).toBe(first!.day + 5);
      const verified = lane!.issued.findIndex((e) => e.type === "verify_identity");
      expect(verified).toBeGreaterThanOrEqual(0);
      expect(lane!.issued[verified]!.day).toBe(again!.day);
      expect(verified).toBeLessThan(lane!.issued.indexOf(again!));
      const decisions = lane!.notes.filter((n) => n.event.type === "apply").map((n) => n.decision);
      expect(decisions[0]).toBe("declined");
      expect(decisions[1]).toMatch(/^approved/);
      // a persona that does not verify stays declined
      const [other] = runner.run(never, reactionsOf(never), i);
      expect(other!.issued.some((e) => e.type === "verify_identity")).toBe(false);
      expect(other!.notes.some((n) => n.decision.startsWith("approved"))).toBe(false);
    }
  });

  it("a line suspended by a policy that came to require a verified identity: the customer who verifies is restored", () => {
    // opened under the champion (verification optional); from day 60 the challenger requires it
    const s = settings({ days: 240, arms: [arm(policy, { requireVerified: true })], from: 60 });
    const runner = new AccountRunner(populationContext(s), { record: true, notes: true });
    const verifies = unverified("{ identity: { verify: 1 } }");
    const never = unverified("{}");
    for (let i = 0; i < 5; i++) {
      const lane = runner.run(verifies, reactionsOf(verifies), i).find((l) => l.members.includes(1))!;
      const suspended = lane.notes.find(
        (n) => n.decision === "suspended" && n.reasons.includes("IDENTITY_REQUIRED"),
      );
      expect(suspended).toBeDefined();
      const verified = lane.issued.find((e) => e.type === "verify_identity");
      expect(verified!.day).toBeGreaterThan(suspended!.day);
      expect(lane.notes.some((n) => n.decision === "restored" && n.day > verified!.day)).toBe(true);
      const stays = runner.run(never, reactionsOf(never), i).find((l) => l.members.includes(1))!;
      expect(stays.issued.some((e) => e.type === "verify_identity")).toBe(false);
      expect(stays.notes.some((n) => n.decision === "restored")).toBe(false);
    }
  });

  /** An agent whose persona reacts to a suspension with `reactions`, and a suspension note of day 50. */
  const reacting = (reactions: string) => {
    const persona = loadPersonaText(
      [
        "name: reacting",
        "share: 1",
        "profile: { monthlyIncome: 8000, externalDebt: 0, verified: 1, creditHistoryMonths: 60 }",
        "spending: { perMonth: 8, amount: { median: 100, sigma: 0.3 } }",
        "repayment: { full: 1 }",
        `reactions: { suspended: ${reactions} }`,
      ].join("\n"),
      "reacting.yaml",
    );
    const ctx = populationContext(settings({ days: 120 }));
    const plan = makePlan(ctx, persona, 0);
    const agent = new Agent(
      plan,
      ctx,
      reactionsOf(persona),
      repaymentSchedule(plan, statementCycles(ctx, policy)),
    );
    const suspended = (line: "huabei" | "jiebei") =>
      ({
        day: 50,
        event: { type: "overdue", line, day: 50 },
        line,
        decision: "suspended",
        reasons: ["OVERDUE_TOO_LONG"],
        facts: [],
        status: "suspended",
        cause: "credit",
        limit: 0,
      }) as unknown as Parameters<Agent["observe"]>[0];
    return { agent, suspended, pending: () => Reflect.get(agent, "pending") as ScenarioEvent[] };
  };

  it("both lines suspended on one day: the customer decides once (one call, leaving drawn once), repaying both", () => {
    const {
      agent,
      suspended,
      pending: pendingNow,
    } = reacting("{ contact: 1, repay: 1, verify: 1, leave: 0 }");
    // a hold lifted from a suspension ready to end (the review restores it): nothing to react to
    agent.observe({ ...suspended("huabei"), day: 40, reasons: ["RESTORED_AT_REVIEW"] });
    expect(pendingNow()).toEqual([]);
    agent.observe(suspended("huabei"));
    agent.observe(suspended("jiebei"));
    const pending = pendingNow();
    expect(pending.filter((e) => e.type === "contact_support")).toHaveLength(1);
    const repays = pending.filter((e) => e.type === "repay");
    expect(repays.map((e) => (e as { line: string }).line)).toEqual(["huabei", "jiebei"]);
    expect(repays[1]!.day).toBe(repays[0]!.day);
    expect(pending.filter((e) => e.type === "verify_identity")).toHaveLength(0);
    // a security hold the same day after a suspension for credit: a verification, still one call
    agent.observe({ ...suspended("jiebei"), cause: "security", reasons: ["SECURITY_PROFILE_CHANGES"] });
    expect(pending.filter((e) => e.type === "verify_identity")).toHaveLength(1);
    expect(pending.filter((e) => e.type === "contact_support")).toHaveLength(1);
    agent.observe({ ...suspended("huabei"), cause: "security", reasons: ["SECURITY_PROFILE_CHANGES"] });
    expect(pending.filter((e) => e.type === "verify_identity")).toHaveLength(1);
  });

  it("both lines suspended on one day, the customer repays and leaves: both lines are repaid", () => {
    const { agent, suspended, pending } = reacting("{ repay: 1, leave: 1 }");
    agent.observe(suspended("huabei"));
    agent.observe(suspended("jiebei"));
    expect(agent.left).toBe(true);
    const repays = pending().filter((e) => e.type === "repay");
    expect(repays.map((e) => (e as { line: string }).line)).toEqual(["huabei", "jiebei"]);
  });

  it("a customer who left asks for no more reviews, planned ones included", () => {
    // every review under the challenger, from day 60, suspends (minScore above any score; a line is not
    // opened below it, so the accounts open under the champion); the customer leaves at the first suspension
    const leaver = loadPersonaText(
      [
        "name: leaver",
        "share: 1",
        "profile: { monthlyIncome: 8000, externalDebt: 0, verified: 1, creditHistoryMonths: 60 }",
        "spending: { perMonth: 8, amount: { median: 100, sigma: 0.3 } }",
        "repayment: { full: 1 }",
        "support: { contactPerYear: 0, requestReviewPerYear: 40 }",
        "reactions: { suspended: { leave: 1 } }",
      ].join("\n"),
      "leaver.yaml",
    );
    const s = settings({ days: 240, arms: [arm(policy, { minScore: 949 })], from: 60 });
    const runner = new AccountRunner(populationContext(s), { record: true, notes: true });
    let before = 0;
    for (let i = 0; i < 20; i++) {
      const lane = runner.run(leaver, reactionsOf(leaver), i).find((l) => l.members.includes(1))!;
      const left = lane.notes.find((n) => n.decision === "suspended")?.day;
      expect(left).toBeDefined();
      const reviews = lane.issued.filter((e) => e.type === "request_review");
      expect(reviews.filter((e) => e.day > left!)).toEqual([]);
      before += reviews.length;
    }
    // the persona does ask, while it stays
    expect(before).toBeGreaterThan(0);
  });

  it("a lane split off keeps the shared past: arms that decide alike end in one lane", () => {
    const s = settings({ days: 120, arms: [arm(policy), arm(policy, { minScore: 350 })] });
    const runner = new AccountRunner(populationContext(s), {});
    for (let i = 0; i < 10; i++) {
      const lanes = runner.run(tiny, reactionsOf(tiny), i);
      // the champion and its copy are one slot of the same lane
      const champion = lanes.find((l) => l.members.includes(0))!;
      expect(champion.members).toContain(1);
    }
  });

  it("a sweep keeping decision notes (flips compare them) works out no customer service answer: a call decides nothing, and no lane splits over one", () => {
    // the flips read the lender's decisions alone (flips.ts: an answer decides nothing), yet keeping the
    // notes made every call to customer service work out its answer — once for each policy of the lane,
    // each running the account ahead to its next report — and split the lane where the answers differed
    // (under the variants below, a revolver's call among these accounts), the parts running the rest of the
    // year apart
    const s = settings({
      arms: [600, 650, 700, 750].map((m) => arm(policy, { reduceLimitScore: m })),
    });
    const ctx = populationContext(s);
    const plain = new AccountRunner(ctx, { record: true });
    const noted = new AccountRunner(ctx, { record: true, notes: true });
    const lanesOf = (lanes: readonly { members: readonly number[] }[]) =>
      lanes.map((l) => l.members.join(" ")).sort();
    let calls = 0;
    let splits = 0;
    for (let i = 0; i < 160; i++) {
      const p = shipped[i % shipped.length]!;
      const without = plain.run(p, reactionsOf(p), i);
      const kept = noted.run(p, reactionsOf(p), i);
      expect(lanesOf(kept), `account ${i} (${p.name})`).toEqual(lanesOf(without));
      for (const lane of kept) {
        expect(lane.notes.filter((n) => n.event.type === "contact_support")).toEqual([]);
        calls += lane.issued.filter((e) => e.type === "contact_support").length;
      }
      if (kept.length > 1) splits++;
    }
    // the customers do call, and the arms do decide otherwise on some accounts
    expect(calls).toBeGreaterThan(50);
    expect(splits).toBeGreaterThan(3);
  });
});

describe("a policy that moves the due day", () => {
  // pays every bill in full a day or two before it is due, nothing else
  const punctual = loadPersonaText(
    [
      "name: punctual",
      "share: 1",
      "profile: { monthlyIncome: 8000, externalDebt: 0, verified: 1, creditHistoryMonths: 60 }",
      "spending: { perMonth: 8, amount: { median: 100, sigma: 0.3 } }",
      "repayment: { full: 1, daysBeforeDue: { min: 0, max: 2 } }",
    ].join("\n"),
    "punctual.yaml",
  );
  // day 98 is April 8th: the April bill, issued on the 1st, is due on the 10th as issued
  const run = (dueDayOfMonth: number) => {
    const s = settings({ days: 200, from: 98, arms: [arm(policy, { dueDayOfMonth })] });
    const runner = new AccountRunner(populationContext(s), { record: true, notes: true });
    return Array.from({ length: 20 }, (_, i) => runner.run(punctual, reactionsOf(punctual), i, 1)[0]!);
  };

  it("earlier: the bills issued before the change are still repaid, on their own due days", () => {
    for (const lane of run(5))
      expect(lane.notes.filter((n) => n.reasons.includes("OVERDUE_OUTSTANDING"))).toEqual([]);
  });

  it("later: each bill is repaid once", () => {
    for (const lane of run(20)) {
      const months = lane.issued
        .filter((e) => e.type === "repay")
        .map((e) => new Date(Date.UTC(2024, 0, 1 + e.day)).getUTCMonth());
      expect(new Set(months).size).toBe(months.length);
    }
  });
});

describe("Sampler", () => {
  it("draws what draw draws, number for number, for every shape of distribution", () => {
    const shapes: Dist[] = [
      7.5,
      { min: 2, max: 9 },
      { median: 120, sigma: 0.8 },
      { median: 120, sigma: 0.8, max: 150 },
      { median: 120, sigma: 0.8, min: 100 },
      { median: 120, sigma: 1.5, min: 60, max: 400 },
    ];
    for (const d of shapes) {
      const a = new Stream().at(keyOf(42, 7));
      const b = new Stream().at(keyOf(42, 7));
      const sampler = new Sampler(d);
      const drawn = Array.from({ length: 200 }, () => draw(a.random, d));
      expect(Array.from({ length: 200 }, () => sampler.draw(b.random))).toEqual(drawn);
      // the bounds are met, so the comparison covers the clamped draws too
      if (typeof d === "object" && "median" in d && (d.min !== undefined || d.max !== undefined))
        expect(drawn.some((x) => x === d.min || x === d.max)).toBe(true);
    }
  });
});

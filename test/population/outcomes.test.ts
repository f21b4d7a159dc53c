// @module-tag property
// The outcomes a risk team reads, checked against intuition on small populations: a tighter minimum score
// never approves more, steady payers go bad less often than stretched customers, the score ranks risk,
// identical policies give identical arms; and the figures are what their definitions say.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, initialState } from "../../src/engine/index.js";
import { AccountRunner } from "../../src/population/account.js";
import { reactionsOf } from "../../src/population/agent.js";
import { fundingDays } from "../../src/population/funding.js";
import { OutcomeRecorder } from "../../src/population/outcome.js";
import { fromRange, variantRows } from "../../src/population/result.js";
import { csvHeader, runRange } from "../../src/population/runner.js";
import { monthEndDays, populationContext } from "../../src/population/settings.js";
import { withSet } from "../../src/population/setup.js";
import { riskOf, summarise } from "../../src/population/stats.js";
import type { BadDefinition } from "../../src/population/vocabulary.js";
import { expectEqual } from "../helpers/deep-equal.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { arm, meta, policy, settings, shipped } from "./helpers.js";

const RUNS = propertyRuns(8);

const byName = (name: string) => shipped.find((p) => p.name === name)!;
const stretched = byName("stretched");
// a rate of 0 charges nothing whatever the days
const NO_FUNDING = fundingDays([], 0);
const steady = byName("steady-payer");

describe("outcomes against intuition", () => {
  it("tightening the minimum score never raises the approval rate (a sweep on the same accounts)", {
    tags: ["slow"],
  }, () => {
    const values = [640, 720, 800, 880];
    for (const param of ["minOpenScore", "minScore"] as const) {
      const s = settings({ days: 90, arms: values.map((v) => arm(policy, { [param]: v })) });
      // 50 accounts: the tightest open score books 16 %, the loosest 98 %, and each step of either
      // parameter fewer (150 read alike); an opening that reads minScore in place of a higher minOpenScore
      // (eligibility.ts, keptAtLeast's comparison turned) books 98 % at every minOpenScore
      const r = runRange(s, shipped, 0, 50);
      const rates = r.arms.slice(1).map((a) => {
        let applicants = 0;
        let booked = 0;
        for (const p of a) {
          applicants += p.applicants;
          booked += p.booked;
        }
        return booked / applicants;
      });
      for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThanOrEqual(rates[i - 1]!);
      // and the sweep is not flat: the tightest approves clearly fewer than the loosest
      if (param === "minOpenScore") expect(rates.at(-1)!).toBeLessThan(rates[0]! - 0.05);
    }
  });

  it("steady payers have a lower bad rate than stretched customers, under every bad definition", () => {
    // 150 accounts of each (300 before): the stretched read 11, 10, 8 and 4 bads under ever30, ever60, ever90
    // and charge-off, the steady payers none; ever60 read as 20 days, or ever30 as 90, fails the order
    // below here as on 300
    const rate = (persona: typeof steady, bad: BadDefinition) =>
      riskOf(runRange(settings({ days: 300, bad }), [persona], 0, 150).arms[0]![0]!, 0, NO_FUNDING).all;
    const poorBad = new Map<BadDefinition, number>();
    for (const bad of ["ever30", "ever90", "chargeoff"] as const) {
      const good = rate(steady, bad);
      const poor = rate(stretched, bad);
      expect(poor.booked).toBeGreaterThan(50);
      expect(good.badRate).toBeLessThan(poor.badRate!);
      poorBad.set(bad, poor.bad);
    }
    // a looser definition counts at least as many bad accounts (the same stretched customers)
    const bads = (["ever30", "ever60", "ever90"] as const).map(
      (bad) => poorBad.get(bad) ?? rate(stretched, bad).bad,
    );
    expect(bads[0]).toBeGreaterThanOrEqual(bads[1]!);
    expect(bads[1]).toBeGreaterThanOrEqual(bads[2]!);
  });

  it("the score on the score day ranks later bad: Gini and KS clearly positive on a mixed population", () => {
    const s = settings({ days: 300, bad: "ever30", scoreDay: 60 });
    // the calibrated book goes bad rarely (docs/populations.md): enough accounts for a few dozen bads
    const all = summarise(fromRange(meta(s, shipped, 1200, [0, 1200]), runRange(s, shipped, 0, 1200)));
    const risk = all.groups.at(-1)!.champion.risk.all;
    expect(risk.bad).toBeGreaterThan(20);
    expect(risk.gini!).toBeGreaterThan(0.2);
    expect(risk.ks!).toBeGreaterThan(0.15);
    expect(risk.auc!).toBeCloseTo((risk.gini! + 1) / 2, 3);
    expect(risk.rankedBads).toBe(risk.bad);
  });

  it("a later score day ranks only the bads not yet bad on it, and says how many", () => {
    const s = settings({ days: 300, bad: "ever30", scoreDay: 200 });
    const all = summarise(fromRange(meta(s, shipped, 600, [0, 600]), runRange(s, shipped, 0, 600)));
    const risk = all.groups.at(-1)!.champion.risk.all;
    expect(risk.rankedBads).toBeGreaterThan(0);
    expect(risk.rankedBads).toBeLessThan(risk.bad);
  });

  it("ranks only the accounts booked by the score day: one opened later had no score that day", () => {
    // steady payers apply to open Huabei on days 0–14: on day 4 about a third are customers
    const s = settings({ days: 60, scoreDay: 4 });
    const n = 200;
    const runner = new AccountRunner(populationContext(s), { notes: true });
    let bookedByDay = 0;
    for (let i = 0; i < n; i++) {
      const opened = runner
        .run(steady, reactionsOf(steady), i)[0]!
        .notes.find(
          (d) => d.event.type === "apply" && d.event.product === "open" && d.decision.startsWith("approved"),
        );
      if (opened && opened.day <= s.scoreDay) bookedByDay++;
    }
    const risk = riskOf(runRange(s, [steady], 0, n).arms[0]![0]!, 0, NO_FUNDING).all;
    expect(bookedByDay).toBeGreaterThan(20);
    expect(risk.booked).toBeGreaterThan(bookedByDay * 2);
    // none is bad within days of opening: every account booked by day 4 is scored, and only those
    expect(risk.rankedAccounts).toBe(bookedByDay);
    expect(risk.rankedBads).toBe(0);
  });

  it("the first limit's p10 / median / p90 are the accounts' own limits, as the CSV lists them", () => {
    // first limits are whole hundreds of yuan (the cap rounds down to them): read on 500-yuan bins, the
    // report printed each quantile at the 500 below — a median of ¥5,300 read ¥5,000
    const s = settings({ days: 30 });
    const r = runRange(s, shipped, 0, 300, { csv: true });
    const rows = r.csv
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const limits = rows
      .filter((c) => c[3] === "1")
      .map((c) => Number(c[4]))
      .sort((a, b) => a - b);
    // the quantile is the limit of the ceil(q·n)-th account (as the medians of the report are)
    const at = (q: number) => limits[Math.max(1, Math.ceil(q * limits.length)) - 1];
    expect(limits.every((l) => l % 100 === 0)).toBe(true);
    expect(limits.some((l) => l % 500 !== 0)).toBe(true);
    const all = summarise(fromRange(meta(s, shipped, 300, [0, 300]), r)).groups.at(-1)!.champion;
    expect(all.openLimit).toEqual({ p10: at(0.1), median: at(0.5), p90: at(0.9) });
  });

  it("the CSV carries what a risk team needs to recompute the risk table: the Gini from the score-day score, profit from the funding", () => {
    // without the score on the score day a reader of the CSV could not check the Gini, nor without each
    // account's funding its profit
    const s = settings({ days: 365, scoreDay: 30 });
    const r = runRange(s, shipped, 0, 400, { csv: true, costOfFunds: 0.035 });
    const header = csvHeader().trim().split(",");
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const rows = r.csv
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const [scoreAt, bad, revenue, loss, funding] = [
      "score_day_score",
      "bad",
      "revenue",
      "loss",
      "funding",
    ].map(col);
    const scored = rows.filter((c) => c[scoreAt!] !== "");
    const goods = scored.filter((c) => c[bad!] === "0").map((c) => Number(c[scoreAt!]));
    const bads = scored.filter((c) => c[bad!] === "1").map((c) => Number(c[scoreAt!]));
    // AUC by its definition: the chance a good account scores above a bad one, ties half
    let wins = 0;
    for (const g of goods) for (const b of bads) wins += g > b ? 1 : g === b ? 0.5 : 0;
    const all = summarise(fromRange({ ...meta(s, shipped, 400, [0, 400]), costOfFunds: 0.035 }, r)).groups.at(
      -1,
    )!.champion.risk.all;
    expect(bads.length).toBeGreaterThan(5);
    expect(all.rankedAccounts).toBe(scored.length);
    expect(all.rankedBads).toBe(bads.length);
    expect(all.auc).toBeCloseTo(wins / (goods.length * bads.length), 4);
    // money in fen: the funding of each account rounded to the fen, so the sum is within a fen an account
    const fen = (i: number) => rows.reduce((t, c) => t + Math.round(Number(c[i]) * 100), 0);
    expect(fen(revenue!)).toBe(Math.round(all.revenue * 100));
    expect(fen(loss!)).toBe(Math.round(all.loss * 100));
    expect(fen(funding!)).toBeGreaterThan(0);
    expect(Math.abs(fen(funding!) - Math.round(all.costOfFunds * 100))).toBeLessThanOrEqual(rows.length / 2);
  });

  it("identical policies give identical arms (and no flips, and a PSI of 0)", () => {
    const s = settings({ days: 200, arms: [arm(policy)] });
    const r = runRange(s, shipped, 0, 150);
    expectEqual(r.arms[1], r.arms[0]);
    expect(r.decisionFlips[0]!.flipped).toBe(0);
    const summary = summarise(fromRange(meta(s, shipped, 150, [0, 150]), r));
    expect(summary.groups.at(-1)!.psi).toBe(0);
    expect(summary.groups.at(-1)!.psiBooked).toBe(0);
    // suspended for credit, security or policy: a customer closes a line, never suspends it
    expect(Object.keys(summary.groups.at(-1)!.champion.suspensionRateByCause)).toEqual([
      "credit",
      "security",
      "policy",
    ]);
  });

  it("an arm's figures are its policy's alone, whatever arms run beside it", () => {
    // the arms share a state while they decide alike; a Jiebei drawdown was decided by the champion's
    // policy for all of them, so a challenger's jiebeiMinDrawdown changed nothing
    const sets = [
      { jiebeiMinDrawdown: 20_000 },
      { jiebeiDrawCleanDays: 365 },
      { jiebeiMaxDebtToIncome: 0.2 },
    ];
    for (const set of sets) {
      // each of these sets already moves the figures of the first 75 accounts: 100 leave room
      const paired = runRange(settings({ days: 365, arms: [arm(policy, set)] }), [stretched], 0, 100);
      const alone = runRange(settings({ days: 365, policy: withSet(policy, set) }), [stretched], 0, 100);
      expectEqual(paired.arms[1], alone.arms[0]);
      expect(paired.arms[1]).not.toEqual(paired.arms[0]);
    }
  });

  it("for any seed, an arm's figures are its policy's alone, and a copy of the champion's are the champion's", () => {
    // the lanes split where the arms' decisions first differ, and go on with copies of the agent (the
    // customer's reactions to what was decided): each arm must still be its policy run alone — whatever the
    // seed, persona, accounts and decision rules; and a policy that decides as the champion (the same rules
    // under another name) shares the champion's lane to the end
    const sets = fc.record(
      {
        minOpenScore: fc.integer({ min: 500, max: 800 }),
        minScore: fc.integer({ min: 450, max: 750 }),
        restoreScore: fc.integer({ min: 450, max: 800 }),
        suspendOverdueDays: fc.integer({ min: 1, max: 90 }),
        maxApplications30d: fc.integer({ min: 0, max: 8 }),
        graceDays: fc.integer({ min: 0, max: 10 }),
        minIncreaseScore: fc.integer({ min: 500, max: 850 }),
        jiebeiMinDrawdown: fc.integer({ min: 0, max: 50_000 }),
        jiebeiMaxDebtToIncome: fc.double({ min: 0.1, max: 3, noNaN: true }),
        maxDebtToIncome: fc.double({ min: 0.1, max: 3, noNaN: true }),
        reviewRequestCooldownDays: fc.integer({ min: 0, max: 60 }),
        securityMaxChanges: fc.integer({ min: 0, max: 4 }),
        closeAfterSuspendedDays: fc.integer({ min: 30, max: 300 }),
      },
      { requiredKeys: [] },
    );
    const copy = { ...policy, name: "champion-copy" };
    let differ = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...shipped),
        sets,
        fc.integer({ min: 0, max: 10_000 }),
        (seed, persona, set, first) => {
          const range = (s: ReturnType<typeof settings>) => runRange(s, [persona], first, first + 10).arms;
          const paired = range(settings({ seed, days: 365, arms: [arm(policy, set), arm(copy)] }));
          expectEqual(paired[1], range(settings({ seed, days: 365, policy: withSet(policy, set) }))[0]);
          expectEqual(paired[0], range(settings({ seed, days: 365 }))[0]);
          expectEqual(paired[2], paired[0]);
          if (JSON.stringify(paired[1]) !== JSON.stringify(paired[0])) differ++;
        },
      ),
      { numRuns: RUNS },
    );
    // most draws move the challenger's figures: the lanes did split
    expect(differ).toBeGreaterThan(RUNS / 2);
  });

  it("profit is revenue − loss − cost of funds; each arm counts its customers' events by type", () => {
    const s = settings({ days: 300, arms: [arm(policy, { minScore: 700 })] });
    const r = runRange(s, [stretched], 0, 150);
    for (const a of r.arms) {
      const risk = riskOf(a[0]!, 0.035, fundingDays(monthEndDays(s.start, s.days), s.days)).all;
      expect(risk.profit).toBeCloseTo(risk.revenue - risk.loss - risk.costOfFunds, 2);
      // the charges of lines on non-accrual at the end are not revenue (stretched customers: some are)
      expect(risk.nonAccrual).toBeGreaterThan(0);
      expect(risk.revenue).toBeCloseTo(risk.interest + risk.fees + risk.penalties - risk.nonAccrual, 2);
      expect(risk.costOfFunds).toBeGreaterThan(0);
      expect(riskOf(a[0]!, 0, NO_FUNDING).all.costOfFunds).toBe(0);
      expect(a[0]!.events).toHaveLength(EVENT_TYPES.length);
    }
    const events = (m: number) =>
      Object.fromEntries(EVENT_TYPES.map((t, i) => [t, r.arms[m]![0]!.events[i]!]));
    const [champion, strict] = [events(0), events(1)];
    expect(champion.purchase).toBeGreaterThan(0);
    // behaviour reacts: a stricter policy makes the same customers act otherwise
    expect(strict).not.toEqual(champion);
  });

  it("profit does not jump with where the horizon ends: every day's balance is funded", () => {
    // a year from January 1st ends on December 30th: funding only completed months left December's
    // balance unfunded while its interest counted. Both sides scale with the accounts: on 100 the day
    // moves the cost of funds by 0.17 of the bound (0.19 on 400), and by 3.6 of it when the days after the
    // last month end go unfunded (stats.ts, fundingDays' tail 0)
    const n = 100;
    const risk = (days: number) => {
      const s = settings({ days });
      return summarise(fromRange(meta(s, shipped, n, [0, n]), runRange(s, shipped, 0, n))).groups.at(-1)!
        .champion.risk.all;
    };
    const [year, leap] = [risk(365), risk(366)];
    // one more day: about one more day's funding and revenue, whatever else that day brings
    const day = (year.costOfFunds + year.revenue) / 365;
    expect(Math.abs(leap.costOfFunds - year.costOfFunds)).toBeLessThan(3 * day);
    expect(Math.abs(leap.profit + leap.loss - (year.profit + year.loss))).toBeLessThan(3 * day);
  });

  it("instalment fees are revenue, and a sweep over the fee moves it", () => {
    const revolver = byName("revolver");
    const fees = [0.01, 0.05];
    const s = settings({ days: 365, arms: fees.map((v) => arm(policy, { instalmentFee3: v })) });
    const funded = fundingDays(monthEndDays(s.start, s.days), s.days);
    // 50 revolvers: ¥1,033 of fees at 1 %, ¥2,177 at 5 %, and ¥1,144 more revenue (200 read alike); with
    // fees left out of revenue (outcome.ts, lineRevenue) the two read the same
    const [champion, low, high] = runRange(s, [revolver], 0, 50).arms.map((a) =>
      riskOf(a[0]!, 0.035, funded),
    );
    expect(champion!.huabei.fees).toBeGreaterThan(0);
    expect(high!.all.fees).toBeGreaterThan(low!.all.fees);
    expect(high!.all.revenue).toBeGreaterThan(low!.all.revenue);
  });

  it("a sweep's variants: params and metrics (rates as fractions, money in yuan), dominated ones marked", () => {
    const values = [600, 660, 720];
    const s = settings({ days: 120, arms: values.map((v) => arm(policy, { minOpenScore: v })) });
    const m = {
      ...meta(s, shipped, 200, [0, 200]),
      sweep: {
        axes: [{ param: "minOpenScore" as const, values }],
        variants: values.map((v) => ({ minOpenScore: v })),
      },
    };
    const rows = variantRows(fromRange(m, runRange(s, shipped, 0, 200)))!;
    expect(rows.map((r) => r.params)).toEqual(values.map((v) => ({ minOpenScore: v })));
    for (const row of rows) {
      expect(Object.keys(row.metrics).sort()).toEqual(
        [
          "approvalRate",
          "badRate",
          "gini",
          "huabeiApprovalRate",
          "jiebeiApprovalRate",
          "ks",
          "loss",
          "profit",
          "revenue",
        ].sort(),
      );
      expect(row.metrics.approvalRate).toBeGreaterThanOrEqual(0);
      expect(row.metrics.approvalRate).toBeLessThanOrEqual(1);
      expect(row.metrics.badRate).toBeLessThanOrEqual(1);
      expect(typeof row.dominated).toBe("boolean");
    }
  });

  // the rates as the summary rounds them, and the counts they come from
  const risk = (approvalRate: number, badRate: number, profit: number, applicants = 1000, bad?: number) => {
    const booked = Math.round(approvalRate * applicants);
    const line = {
      approvalRate,
      badRate,
      profit,
      applicants,
      booked,
      bad: bad ?? Math.round(badRate * booked),
      loss: 0,
      revenue: 0,
      gini: null,
      ks: null,
    };
    // one line: each line's the same as both's
    return { all: line, huabei: line, jiebei: line };
  };
  const dominance = (variants: Array<ReturnType<typeof risk>>) =>
    variantRows(
      {
        meta: {
          sweep: {
            axes: [{ param: "minScore" }],
            variants: variants.map((_, i) => ({ minScore: 700 + 40 * i })),
          },
        },
      } as never,
      // the base policy approves more, with fewer bad and more profit, than either variant
      {
        groups: [
          {
            champion: { risk: risk(0.9, 0.01, 1000) },
            variants: variants.map((v) => ({ risk: v, psi: 0 })),
          },
        ],
      } as never,
    )!.map((r) => r.dominated);

  it("a swept line's own approval counts in dominance: a stricter Jiebei threshold books fewer of Jiebei's applicants", () => {
    // --sweep jiebeiMinOpenScore: both lines' approval the same in every variant (Huabei books nearly
    // every applicant), the stricter variant a lower bad rate and more profit — it dominated the looser
    // one on both lines' rate alone, though the looser books more Jiebei applicants
    const line = (applicants: number, booked: number) => ({
      applicants,
      booked,
      approvalRate: booked / applicants,
    });
    const variant = (jiebeiBooked: number, bad: number, profit: number) => ({
      ...risk(0.99, bad / 990, profit, 1000, bad),
      huabei: line(1000, 990),
      jiebei: line(600, jiebeiBooked),
    });
    const loose = variant(520, 20, 50);
    const strict = variant(490, 18, 60);
    const rows = (param: string) =>
      variantRows(
        { meta: { sweep: { axes: [{ param }], variants: [{ [param]: 660 }, { [param]: 700 }] } } } as never,
        {
          groups: [
            { champion: { risk: loose }, variants: [loose, strict].map((v) => ({ risk: v, psi: 0 })) },
          ],
        } as never,
      )!.map((r) => r.dominated);
    expect(rows("jiebeiMinOpenScore")).toEqual([false, false]);
    // a parameter both lines read compares both lines' approval alone
    expect(rows("maxApplications30d")).toEqual([true, false]);
    // and the looser variant that is also worse on bad and profit is still dominated
    const worse = variant(520, 25, 40);
    expect(
      variantRows(
        {
          meta: { sweep: { axes: [{ param: "jiebeiMinOpenScore" }], variants: [{ a: 1 }, { a: 2 }] } },
        } as never,
        {
          groups: [
            {
              champion: { risk: loose },
              variants: [worse, variant(520, 18, 60)].map((v) => ({ risk: v, psi: 0 })),
            },
          ],
        } as never,
      )!.map((r) => r.dominated),
    ).toEqual([true, false]);
  });

  it("a variant is dominated by another variant only, never by the base policy outside the sweep", () => {
    expect(dominance([risk(0.5, 0.02, 50), risk(0.4, 0.03, 60)])).toEqual([false, false]);
    expect(dominance([risk(0.5, 0.02, 50), risk(0.4, 0.03, 40)])).toEqual([false, true]);
  });

  it("dominance reads the counts, not the rounded rates: one more bad in 29,000 booked is a higher bad rate", () => {
    // both bad rates round to 0.0100; the second variant has one more bad and more profit
    const fewer = risk(29_000 / 30_000, 0.01, 100, 30_000, 290);
    const more = risk(29_000 / 30_000, 0.01, 110, 30_000, 291);
    expect(dominance([fewer, more])).toEqual([false, false]);
    // with the same bads, the extra profit does dominate
    expect(dominance([fewer, risk(29_000 / 30_000, 0.01, 110, 30_000, 290)])).toEqual([true, false]);
  });
});

describe("the recorder", () => {
  it("counts a suspended line's change of cause as the same suspension", () => {
    const ctx = populationContext(settings({ days: 90 }));
    const rec = OutcomeRecorder.start(ctx, new Int32Array(EVENT_TYPES.length));
    const state = initialState(ctx.settings.start, { monthlyIncome: 8000 } as never, policy, {
      notices: false,
    });
    const note = (day: number, cause: "credit" | "security", line: "huabei" | "jiebei" = "huabei") => ({
      day,
      event: { type: "review", line, requested: false } as never,
      line,
      decision: "suspended" as const,
      reasons: [],
      facts: [],
      status: "suspended" as const,
      cause,
      limit: 0,
    });
    rec.decision(note(10, "credit"), state);
    rec.decision(note(12, "security"), state); // a security hold on the credit suspension
    rec.decision(note(14, "credit"), state); // lifted onto the credit suspension again
    expect(rec.o.suspensions).toBe(1);
    expect(rec.o.suspensionSpells).toBe(1);
    rec.decision(note(20, "credit", "jiebei"), state); // the other line: a suspension of its own
    expect(rec.o.suspensions).toBe(2);
    expect(rec.o.suspensionSpells).toBe(1);
  });
});

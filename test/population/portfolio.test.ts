// The book as a lender reports it: the 30+ and 90+ shares of the outstanding balance are sums of balances
// divided once (shards merge numerators and denominators, never rates), the annual rates divide events by
// account-years open, and the figures follow their definitions on a hand-made aggregate.

import { describe, expect, it } from "vitest";
import { emptyArm } from "../../src/population/aggregate.js";
import { fundingDays } from "../../src/population/funding.js";
import { fromRange, mergeResults } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import { monthEndDays } from "../../src/population/settings.js";
import { portfolioOf, riskOf, summarise } from "../../src/population/stats.js";
import { meta, settings, shipped } from "./helpers.js";

describe("portfolio measures", () => {
  it("are balance-weighted over both lines, at the last month end and over the last 12", () => {
    const a = emptyArm(400, 13, 5);
    const [h, j] = a.lines as [(typeof a.lines)[0], (typeof a.lines)[0]];
    // month end 12 (the last): Huabei 9,000 yuan of which 900 past 30 days; Jiebei 1,000 all past 90
    h.monthEnd.balance[12] = 900_000;
    h.monthEnd.dpd30[12] = 90_000;
    j.monthEnd.balance[12] = 100_000;
    j.monthEnd.dpd30[12] = 100_000;
    j.monthEnd.dpd90[12] = 100_000;
    // month end 11: 10,000 yuan, nothing past due
    h.monthEnd.balance[11] = 1_000_000;
    a.openMonths = 240;
    a.suspensionSpells = 6;
    a.closed = 2;
    a.chargedOff = 1;
    // 13 month ends, one every 30 days, in a horizon of 365 × 13 / 12 days: 240 account-months are
    // 240 / 13 accounts open at the average month end, over 13/12 of a year
    const days = Array.from({ length: 13 }, (_, m) => 30 * m + 29);
    const p = portfolioOf(a, days, (365 * 13) / 12);
    expect(p.day).toBe(389);
    expect(p.balance).toBe(10_000);
    expect(p.dpd30Rate).toBeCloseTo(190_000 / 1_000_000, 5);
    expect(p.dpd90Rate).toBeCloseTo(0.1, 5);
    // the last 12 month ends: 190,000 / 2,000,000 fen
    expect(p.trailing12.dpd30Rate).toBeCloseTo(0.095, 5);
    expect(p.trailing12.dpd90Rate).toBeCloseTo(0.05, 5);
    // 240 account-months at 13 month ends a 13-month horizon = 20 account-years
    expect(p.accountYears).toBe(20);
    expect(p.suspensionsPerYear).toBeCloseTo(0.3, 4);
    expect(p.closuresPerYear).toBeCloseTo(0.1, 4);
    expect(p.chargeOffsPerYear).toBeCloseTo(0.05, 4);
    expect(p.monthEnd).toHaveLength(13);
    expect(p.monthEnd[11]).toEqual({
      day: 359,
      balance: 10_000,
      dpd30Balance: 0,
      dpd90Balance: 0,
      dpd30Rate: 0,
      dpd90Rate: 0,
    });
    // the sums the trailing rates divide, beside them: a report prints each share from them
    expect(p.trailing12).toMatchObject({ balance: 20_000, dpd30Balance: 1_900, dpd90Balance: 1_000 });
  });

  it("count every day of the horizon as exposure: a year from January 1st holds 11 month ends, not 12", () => {
    // 100 accounts open all year, a book of 1 M yuan at each month end, 2 charge-offs, 10,000 yuan lost
    const book = (days: number) => {
      const monthEnds = monthEndDays("2024-01-01", days);
      const a = emptyArm(days, monthEnds.length, 4);
      a.openMonths = 100 * monthEnds.length;
      a.chargedOff = 2;
      a.lines[0]!.monthEnd.balance.fill(100_000_000);
      a.lines[0]!.writtenOff = 1_000_000;
      return { monthEnds, p: portfolioOf(a, monthEnds, days) };
    };
    const { monthEnds, p } = book(365);
    expect(monthEnds).toHaveLength(11);
    expect(p.accountYears).toBe(100);
    expect(p.chargeOffsPerYear).toBe(0.02);
    expect(p.lossRate).toBe(0.01);
    // half a year: the same book and losses are twice the rate a year
    const { p: q } = book(182);
    expect(q.chargeOffsPerYear).toBeCloseTo(0.02 * (365 / 182), 4);
    expect(q.lossRate).toBeCloseTo(0.01 * (365 / 182), 4);
  });

  it("a rate with nothing to divide by is not measurable (null), never 0: no month end, an empty book, no one", () => {
    // 20 days from January 1st: accounts open and spending, but no month end to sample the book at
    const s = settings({ days: 20 });
    const r = fromRange(meta(s, shipped, 60, [0, 60]), runRange(s, shipped, 0, 60, {}));
    const all = summarise(r).groups.at(-1)!.champion;
    expect(all.accounts).toBe(60);
    expect(all.portfolio).toMatchObject({
      day: null,
      dpd30Rate: null,
      dpd90Rate: null,
      trailing12: { dpd30Rate: null, dpd90Rate: null },
      accountYears: null,
      suspensionsPerYear: null,
      closuresPerYear: null,
      chargeOffsPerYear: null,
      lossRate: null,
    });
    expect(all.risk.all.averageBalance).toBeNull();
    // the balance at the end is there all the same
    expect(all.risk.all.balanceEnd).toBeGreaterThan(0);
    // a month end with nothing on the book: its shares past due are no figure
    const a = emptyArm(40, 1, 1);
    a.openMonths = 3;
    const p = portfolioOf(a, [30], 40);
    expect(p.monthEnd[0]).toMatchObject({ balance: 0, dpd30Rate: null, dpd90Rate: null });
    expect(p.lossRate).toBeNull();
    // a line no one applied for: no approval or bad rate
    const none = riskOf(emptyArm(20, 0, 1), 0, fundingDays([], 20));
    expect([none.jiebei.approvalRate, none.jiebei.badRate]).toEqual([null, null]);
    // 3 accounts over 5 personas: a persona of no accounts has no rate of its accounts
    const few = fromRange(meta(s, shipped, 3, [0, 3]), runRange(s, shipped, 0, 3, {}));
    const empty = summarise(few).groups.find((g) => g.champion.accounts === 0)!.champion;
    expect(empty.approvalRate).toBeNull();
    expect(empty.suspensionRate).toBeNull();
    expect(empty.closureRate).toBeNull();
    expect(empty.chargesPerAccount).toBeNull();
    expect(Object.values(empty.finalStatus)).toEqual(Object.values(empty.finalStatus).map(() => null));
  });

  it("shards merge to the unsharded figures (numerators and denominators add, rates do not)", () => {
    const s = settings({ days: 300 });
    const whole = fromRange(meta(s, shipped, 400, [0, 400]), runRange(s, shipped, 0, 400, {}));
    const parts = [
      [0, 130],
      [130, 400],
    ].map(([a, b]) => ({
      result: fromRange(meta(s, shipped, 400, [a!, b!]), runRange(s, shipped, a!, b!, {})),
      file: `${a}.json`,
    }));
    const pick = (r: typeof whole) => summarise(r).groups.at(-1)!.champion.portfolio;
    const merged = pick(mergeResults(parts));
    expect(merged).toEqual(pick(whole));
    // not the mean of the shards' rates: the book sizes differ
    const rates = parts.map((p) => pick(p.result).dpd30Rate);
    expect(merged.dpd30Rate).toBeGreaterThan(0);
    expect(merged.dpd30Rate).not.toBeCloseTo((rates[0]! + rates[1]!) / 2, 6);
  });
});

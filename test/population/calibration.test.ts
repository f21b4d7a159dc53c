// @module-tag slow
// The guard on the calibration (docs/populations.md, "Calibration"): the shipped mix under the default
// policy over two years keeps its 30+ and 90+ balance rates within Ant Group's disclosed ranges
// (2017–2019: 30+ 1.08–1.56 %, 90+ 0.68–1.05 %) and its suspensions, closures and charge-offs at the
// rates argued for there. A change to the personas, the agent or the engine that moves them fails here.
// The stress scenario is checked against the unstressed run on the same accounts.
//
// A single month end's rate swings by ±0.4 points between seeds on 4,000 accounts (a few large delinquent
// balances), more than the disclosed range is wide, so the guard reads the last 12 month ends together
// (`trailing12`: Σ past due ÷ Σ book). Even those spread between blocks of accounts: on 6 December, fifteen
// blocks of 4,000 (seeds 1–3, 20,000 accounts each, `--shard k/5`) read 30+ 1.36 % ± 0.17 and 90+ 0.80 % ±
// 0.10 (one standard deviation), 8,000 accounts about ± 0.11 and ± 0.06. A block's draw also persists: the
// plans do not change with the model, so the first 4,000 accounts of seed 2 — the guard until then — read
// low whatever the model (1.44 % when 50,000 accounts read 1.82 % and `npm run bench -- calibration` exited 1;
// 1.11 % at 1.36 %), and the guard passed a book above the range. So the guard reads 8,000 accounts, and asks
// them to sit inside the range by half their spread (30+ 1.13–1.51 %, 90+ 0.71–1.02 %): the book above the
// range read 1.69 % here, the book of today 1.34 % and 0.78 %. `npm run bench -- calibration` prints the
// year-end figures on 50,000 accounts.
//
// The same two years hold the score's odds scale (ODDS_SCALING, fitted to the simulated accounts:
// docs/model/score.md): the default probability each account's score of day 365 stands for, summed, against
// the accounts that go bad in the year after — overall, and in the half scored lowest, where most bads are.
// Refitted on 6 December after the personas' re-tune (`node scripts/fit-odds.mjs`: 50:1 at 810, not 820), these
// accounts read 182 expected against 158 observed (1.12 in the lower half); the scale before, 210 (1.33).

import { describe, expect, it } from "vitest";
import { probabilityOfDefault, SCORE_MIN } from "../../src/engine/scorecard.js";
import { fromRange } from "../../src/population/result.js";
import type { RangeResult } from "../../src/population/runner.js";
import { runRange } from "../../src/population/runner.js";
import { summarise } from "../../src/population/stats.js";
import { meta, settings, shipped } from "./helpers.js";

const ACCOUNTS = 8000;
// Ant's 2017–2019 range (30+ 1.08–1.56 %, 90+ 0.68–1.05 %) narrowed by half the spread of 8,000 accounts
const BAND = { dpd30Rate: [0.0113, 0.0151], dpd90Rate: [0.0071, 0.0102] } as const;
// the heaviest tests of the suite (seconds on a quiet machine: the 8,000 accounts about 5 s of CPU): room for
// a host that is busy meanwhile — on 6 December, two cores at a load of 20, they took over 120 s in the suite
const HEAVY = { timeout: 240_000 };

// the score day records which score each account had then; it changes nothing the accounts do
const settingsOf = (days: number, stress: number | null) =>
  settings({ seed: 2, days, scoreDay: 365, stress: stress === null ? null : { day: stress } });

function book(days: number, accounts: number, stress: number | null = null, run?: RangeResult) {
  const s = settingsOf(days, stress);
  const r = fromRange(
    meta(s, shipped, accounts, [0, accounts]),
    run ?? runRange(s, shipped, 0, accounts, {}),
  );
  return summarise(r).groups.at(-1)!.champion.portfolio;
}

/** Expected bads (the scale's probability at each account's day-365 score) and observed, for the scores kept. */
function expectedAndObserved(run: RangeResult, keep: (score: number) => boolean) {
  let [expected, observed] = [0, 0];
  for (const g of run.arms[0]!)
    for (const [bins, bad] of [
      [g.scoreGood, 0],
      [g.scoreBad, 1],
    ] as const)
      bins.forEach((n, i) => {
        if (n === 0 || !keep(SCORE_MIN + i)) return;
        expected += n * probabilityOfDefault(SCORE_MIN + i);
        observed += n * bad;
      });
  return { expected, observed };
}

// Each persona's spells of suspension per account-year on the guard's accounts (the same run: nothing more
// simulated), as measured on 6 December after the re-tune. A persona's drift shows here before it shows in
// the book's rates or the score's odds, where the others can offset it: the re-tune itself moved the
// revolver's 5.19 % to 3.72 % (hardship 0.025 → 0.014 a year), its bads from 104 to 54, while the book's
// 30+ stayed inside Ant's range and the scale's expected bads within its factor of 1.5. Each must stay
// within a quarter of its rate, or three standard deviations of its count of spells where that is wider
// (the steady payers' 49 spells: ± 43 %). A change that moves one on purpose re-measures it here and
// refits the odds scale (`node scripts/fit-odds.mjs`, docs/model/score.md).
const SPELLS_PER_YEAR: Record<string, number> = {
  "over-applier": 0.058,
  "profile-changer": 0.2728,
  revolver: 0.0372,
  "steady-payer": 0.0062,
  stretched: 0.1864,
};

let twoYears: RangeResult | undefined;
const twoYearBook = () => (twoYears ??= runRange(settingsOf(730, null), shipped, 0, ACCOUNTS, {}));

describe("calibration", () => {
  it(
    "the default policy over two years: 30+ and 90+ balance rates within Ant's 2017–2019 figures",
    HEAVY,
    () => {
      const p = book(730, ACCOUNTS, null, twoYearBook());
      for (const k of ["dpd30Rate", "dpd90Rate"] as const) {
        expect(p.trailing12[k]).toBeGreaterThanOrEqual(BAND[k][0]);
        expect(p.trailing12[k]).toBeLessThanOrEqual(BAND[k][1]);
      }
      // the book's rates per account-year open: the assumed plausible bands
      expect(p.suspensionsPerYear).toBeGreaterThanOrEqual(0.02);
      expect(p.suspensionsPerYear).toBeLessThanOrEqual(0.08);
      // closures for credit, security and policy changes under 2 % a year, and lines unused a year closed on
      // top (docs/populations.md: 3.8 % in all on 50,000 accounts, 0.6 % without them)
      expect(p.closuresPerYear).toBeLessThanOrEqual(0.06);
      expect(p.chargeOffsPerYear).toBeGreaterThanOrEqual(0.005);
      expect(p.chargeOffsPerYear).toBeLessThanOrEqual(0.025);
    },
  );

  it("each persona's spells of suspension per account-year stay where they were measured", HEAVY, () => {
    const s = settingsOf(730, null);
    const { groups } = summarise(fromRange(meta(s, shipped, ACCOUNTS, [0, ACCOUNTS]), twoYearBook()));
    const personas = groups.slice(0, -1);
    expect(personas.map((g) => g.persona).sort()).toEqual(Object.keys(SPELLS_PER_YEAR).sort());
    for (const g of personas) {
      const p = g.champion.portfolio;
      const expected = SPELLS_PER_YEAR[g.persona]!;
      const spells = expected * p.accountYears!;
      const within = Math.max(0.25, 3 / Math.sqrt(spells));
      expect(p.suspensionsPerYear, g.persona).toBeGreaterThanOrEqual(expected * (1 - within));
      expect(p.suspensionsPerYear, g.persona).toBeLessThanOrEqual(expected * (1 + within));
    }
  });

  it(
    "a stress from day 180 at least 1.5× the 30+ rate three months on, then eases (same accounts)",
    HEAVY,
    () => {
      // a paired comparison (the same accounts with and without the shock) needs no calibration-sized
      // book: 500 accounts read about 3× the calm rate three months on and a sixth of the peak at the end
      const calm = book(400, 500);
      const stressed = book(400, 500, 180);
      // before the shock the two runs are the same accounts doing the same things
      const before = calm.monthEnd.findIndex((m) => m.day >= 180) - 1;
      expect(stressed.monthEnd.slice(0, before + 1)).toEqual(calm.monthEnd.slice(0, before + 1));
      const at = (p: typeof calm, day: number) => p.monthEnd.filter((m) => m.day <= day).at(-1)!.dpd30Rate!;
      expect(at(stressed, 180 + 100)).toBeGreaterThanOrEqual(1.5 * at(calm, 180 + 100));
      // it eases: the last month end well below the peak (a sixth of it; a shock that never ends reads 0.61
      // of it on these 500 accounts, so the 0.75 that told it on 2,000 no longer did)
      const peak = Math.max(...stressed.monthEnd.map((m) => m.dpd30Rate!));
      expect(stressed.dpd30Rate).toBeLessThan(0.5 * peak);
    },
  );

  it(
    "the score's default probability expects about as many bads as the accounts of day 365 have in the year after",
    HEAVY,
    () => {
      const run = twoYearBook();
      const all = expectedAndObserved(run, () => true);
      // the lower half of the scored accounts: below their median score
      const counts = run.arms[0]!.map((g) => g.scoreGood.map((n, i) => n + g.scoreBad[i]!));
      const perScore = counts[0]!.map((_, i) => counts.reduce((t, c) => t + c[i]!, 0));
      const half = perScore.reduce((t, x) => t + x) / 2;
      let [median, seen] = [SCORE_MIN, 0];
      for (const [i, n] of perScore.entries()) {
        seen += n;
        if (seen >= half) {
          median = SCORE_MIN + i;
          break;
        }
      }
      const low = expectedAndObserved(run, (score) => score < median);
      expect(all.observed).toBeGreaterThan(50);
      // within a factor of 1.5: the scale's first anchor (50:1 at 700) expected 4–12 times too few
      for (const { expected, observed } of [all, low]) {
        expect(expected / observed).toBeGreaterThan(2 / 3);
        expect(expected / observed).toBeLessThan(1.5);
      }
    },
  );
});

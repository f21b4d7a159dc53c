// Aggregates merge exactly (ranges, workers, shards), chunks and heaps are sized right, and the
// statistics hold.

import { describe, expect, it } from "vitest";
import { AccountRunner } from "../../src/population/account.js";
import { reactionsOf } from "../../src/population/agent.js";
import { emptyArm } from "../../src/population/aggregate.js";
import {
  differences,
  NO_INTERVAL,
  pairedBinary,
  significant,
  t95,
} from "../../src/population/differences.js";
import { expectedEvents } from "../../src/population/expected-events.js";
import { emptyPaired } from "../../src/population/paired.js";
import {
  chunkRanges,
  defaultWorkers,
  IN_PROCESS_BELOW,
  workerFailure,
} from "../../src/population/parallel.js";
import { documentText, fromDocument, fromRange, mergeResults } from "../../src/population/result.js";
import { mergeTotals, RangeRunner, runRange } from "../../src/population/runner.js";
import { populationContext } from "../../src/population/settings.js";
import { quantileBin } from "../../src/population/stats.js";
import { differenceText } from "../../src/render/population-format.js";
import { InputError } from "../../src/shared/errors.js";
import { arm, extreme, meta, settings, shipped, tightened } from "./helpers.js";

// from late March: the accounts book in two quarters, and the vintages merge quarter by quarter
const split = settings({ arms: [arm(tightened)], from: 120, start: "2024-03-25", bad: "ever30" });
let wholeRange: ReturnType<typeof runRange> | undefined;
/** The whole range of 90 accounts, run once for the two tests that split it (with its CSV rows: what a
 *  range holds besides is the same without them, which the runner fed ranges below holds it to). */
const whole90 = () => (wholeRange ??= runRange(split, shipped, 0, 90, { csv: true }));

describe("aggregation", () => {
  it("merging ranges equals running the whole range (worker and shard independence)", {
    tags: ["slow"],
  }, () => {
    const whole = whole90();
    const ranges: Array<[number, number]> = [
      [0, 25],
      [25, 61],
      [61, 90],
    ];
    const parts = ranges.map(([a, b]) => runRange(split, shipped, a, b, { csv: true }));
    const doc = (r: typeof whole, range: [number, number]) =>
      documentText(fromRange(meta(split, shipped, 90, range), r));
    // through the JSON documents, in any order, byte for byte: each part's document is written before
    // mergeTotals below adds the others into the first (the CSV rows are no part of a document, so the
    // runs that wrote them serve both)
    const shards = parts.map((part, i) => {
      const text = doc(part, ranges[i]!);
      return { file: `s${i}.json`, result: fromDocument(JSON.parse(text), `s${i}.json`) };
    });
    const reordered = [shards[2]!, shards[0]!, shards[1]!];
    const merged = documentText(mergeResults(reordered));
    expect(merged).toBe(doc(whole, [0, 90]));
    // and the totals merged in place, as a worker's are
    const [first, ...rest] = parts;
    for (const part of rest) mergeTotals(first!, part);
    expect({
      ...first!,
      to: 90,
      flips: parts.flatMap((p) => p.flips).slice(0, 20),
      csv: parts.map((p) => p.csv).join(""),
    }).toEqual(whole);
    // what the merge adds up is there to add: both PSIs, and vintages of two quarters with bads
    const all = JSON.parse(merged).summary.groups.at(-1);
    expect(all.psi).not.toBeNull();
    expect(all.psiBooked).not.toBeNull();
    const vintage = all.champion.vintage as Array<{ quarter: string; months: Array<{ bad: number }> }>;
    expect(vintage.map((v) => v.quarter)).toEqual(["2024Q1", "2024Q2"]);
    expect(vintage.flatMap((v) => v.months).some((m) => m.bad > 0)).toBe(true);
  });

  it("one runner fed ranges in any order holds the totals of the whole range (a worker's share)", () => {
    const runner = new RangeRunner(split, shipped, {});
    const flips = [runner.run(61, 90), runner.run(0, 25), runner.run(25, 61)].flatMap((r) => r.flips);
    const whole = whole90();
    expect(runner.totals()).toEqual({
      arms: whole.arms,
      paired: whole.paired,
      decisionFlips: whole.decisionFlips,
    });
    expect(whole.paired!.some((p) => p.flipped > 0)).toBe(true);
    // each range keeps its own first flips; in index order they begin with the whole range's sample
    const inOrder = flips.map((f) => f.index).sort((a, b) => a - b);
    expect(inOrder.slice(0, whole.flips.length)).toEqual(whole.flips.map((f) => f.index));
  });

  it("chunks cover the range once, in order: small first, doubling, shrinking towards the end", () => {
    const chunks = chunkRanges(5, 100_005, 2);
    expect(chunks[0]![0]).toBe(5);
    expect(chunks.at(-1)![1]).toBe(100_005);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]![0]).toBe(chunks[i - 1]![1]);
    const sizes = chunks.map(([a, b]) => b - a);
    // the first rows come in moments (`simulate --csv - | head -1` ends at the first chunk's rows)
    expect(sizes.slice(0, 5)).toEqual([20, 40, 80, 160, 320]);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeLessThanOrEqual(2 * sizes[i - 1]!);
    const top = sizes.indexOf(Math.max(...sizes));
    expect(Math.max(...sizes)).toBe(2000);
    expect(sizes.at(-2)).toBeLessThan(sizes[top]!);
    expect(chunkRanges(0, 0, 2)).toEqual([[0, 0]]);
  });

  it("a longer horizon takes as many fewer accounts a chunk: a chunk stays about a year of 2,000 accounts", () => {
    // 100 years: 2,000 accounts a chunk was over 25 s between two moves of the progress bar
    const century = chunkRanges(0, 1_000_000, 2, 36_500).map(([a, b]) => b - a);
    expect(Math.max(...century)).toBe(20);
    expect(century.reduce((n, x) => n + x, 0)).toBe(1_000_000);
    const decade = chunkRanges(0, 1_000_000, 2, 3_650).map(([a, b]) => b - a);
    expect(Math.max(...decade)).toBe(200);
    // a year or less: as before
    expect(chunkRanges(0, 1_000_000, 2, 30)).toEqual(chunkRanges(0, 1_000_000, 2));
  });

  it("sizes a worker's heap from the events an account holds (the estimate is close to what is issued)", {
    tags: ["slow"],
  }, () => {
    const s = settings({ days: 730 });
    const runner = new AccountRunner(populationContext(s), { record: true });
    for (const persona of [...shipped, extreme]) {
      const reactions = reactionsOf(persona);
      // extreme's accounts hold thousands of events each: fewer of them (10, not fewer: their mean is
      // 1/5.9 of the estimate, 1/11 on the first 5). A shipped persona's is 1/1.6–1/3.1 of it on 100
      // accounts and within 3 % of that on 50
      const n = persona === extreme ? 10 : 50;
      let total = 0;
      for (let i = 0; i < n; i++) total += runner.run(persona, reactions, i)[0]!.issued.length;
      const estimate = expectedEvents(persona, 730);
      // at least the mean issued (it is an allowance), and not wildly above it: the agent issues less
      // than the plan holds where the lender declines (no line, no purchases on it)
      expect(estimate).toBeGreaterThanOrEqual((total / n) * 0.95);
      expect(estimate).toBeLessThan((total / n) * 6);
    }
  });

  it("a worker out of memory is a limit of the run, with what to do, not an internal error", () => {
    const oom = Object.assign(new Error("Worker terminated due to reaching memory limit"), {
      code: "ERR_WORKER_OUT_OF_MEMORY",
    });
    const e = workerFailure(oom, 96);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).format()).toMatch(/96 MB[\s\S]*--workers 1/);
    const other = new Error("boom");
    expect(workerFailure(other, 96)).toBe(other);
  });

  it("defaults to one worker for a small population, to the cores for a large one", () => {
    expect(defaultWorkers(1000 * 365, 2)).toBe(1);
    expect(defaultWorkers(IN_PROCESS_BELOW - 1, 8)).toBe(1);
    expect(defaultWorkers(100_000 * 365, 2)).toBe(2);
  });

  it("refuses shards that overlap, leave a gap, or come from another population", () => {
    const s = settings();
    const part = (a: number, b: number, m = meta(s, shipped, 30, [a, b])) => ({
      file: `${a}-${b}.json`,
      result: fromRange(m, runRange(s, shipped, a, b, {})),
    });
    expect(() => mergeResults([part(0, 10), part(15, 30)])).toThrow(/missing/);
    expect(() => mergeResults([part(0, 20), part(10, 30)])).toThrow(/overlap/);
    const otherSeed = { ...meta(s, shipped, 30, [10, 30]), seed: 99 };
    expect(() => mergeResults([part(0, 10), part(10, 30, otherSeed)])).toThrow(InputError);
  });

  it("says what to do about every refusal: a file given twice is named as such", () => {
    const s = settings();
    const part = (a: number, b: number, file = `${a}-${b}.json`, m = meta(s, shipped, 30, [a, b])) => ({
      file,
      result: fromRange(m, runRange(s, shipped, a, b, {})),
    });
    const refusal = (parts: Array<ReturnType<typeof part>>) => {
      try {
        mergeResults(parts);
      } catch (e) {
        if (e instanceof InputError) return e.problems;
      }
      throw new Error("merged");
    };
    const twice = refusal([part(0, 10, "s1.json"), part(0, 10, "s1.json"), part(10, 30)]);
    expect(twice[0]?.message).toBe("the same shard twice");
    expect(twice[0]?.details.found).toBe("accounts 0–9, as s1.json holds");
    const cases = [
      twice,
      refusal([part(0, 20), part(10, 30)]),
      refusal([part(0, 10), part(10, 30, "x.json", { ...meta(s, shipped, 30, [10, 30]), seed: 99 })]),
    ];
    for (const problems of cases) for (const p of problems) expect(p.details.hint, p.message).toMatch(/\w/);
  });

  it("quantiles and paired intervals", () => {
    expect(quantileBin([0, 1, 1, 1, 0], 0.5)).toBe(2);
    expect(quantileBin([0, 0], 0.5)).toBeNull();
    // Agresti–Min by hand: ½ added to each cell, n* = 102, p↑ = 20.5/102, p↓ = 5.5/102, centre 0.14706,
    // variance (p↑ + p↓ − centre²)/n* = 0.0022870, half-width 1.95996 × 0.047823 = 0.09373
    const d = pairedBinary(100, 20, 5);
    expect(d.difference).toBeCloseTo(0.15);
    expect(d.ci95![0]).toBeCloseTo(0.0533, 4);
    expect(d.ci95![1]).toBeCloseTo(0.2408, 4);
    expect(pairedBinary(0, 0, 0).ci95).toBeNull();
    // no change at all: an interval around 0, not the point 0
    const none = pairedBinary(100, 0, 0);
    expect(none.difference).toBe(0);
    expect(none.ci95![0]).toBeLessThan(0);
    expect(none.ci95![1]).toBeGreaterThan(0);
  });

  it("no account is no difference: null, '–' in the reports, a share's row still read in pp", () => {
    const none = pairedBinary(0, 0, 0);
    expect(none).toEqual({ difference: null, ci95: null });
    // a persona of no accounts: its rates are null as well, and its row is a share's all the same
    const d = { metric: "opened", champion: null, challenger: null, ...none };
    expect(differenceText(d)).toEqual({ change: "–", interval: NO_INTERVAL });
    expect(differenceText({ ...d, difference: 0.25, ci95: [0.1, 0.4] }).change).toBe("+25.00 pp");
    expect(significant(d)).toBe(false);
  });

  it("few accounts are no certainty: one flipped account, or all moving one way, is not significant", () => {
    // the Wald interval of one account that flipped was [1, 1]: a certain difference of 100 pp
    const one = pairedBinary(1, 1, 0);
    expect(one.difference).toBe(1);
    expect(one.ci95![0]).toBeLessThan(0);
    expect(one.ci95![1]).toBeLessThanOrEqual(1);
    expect(significant({ metric: "opened", champion: 0, challenger: 1, ...one })).toBe(false);
    // ten of ten up is evidence, and still not a zero-width interval
    const ten = pairedBinary(10, 10, 0);
    expect(ten.ci95![0]).toBeGreaterThan(0);
    expect(ten.ci95![1]).toBeGreaterThan(ten.ci95![0]);
  });

  it("amounts: a t interval, and none from a single account", () => {
    expect(t95(1)).toBe(12.706);
    expect(t95(30)).toBe(2.042);
    // beyond the table the expansion continues it: t(60) = 2.0003, t(120) = 1.9799
    expect(t95(31)).toBeLessThan(2.042);
    expect(t95(60)).toBeCloseTo(2.0003, 3);
    expect(t95(120)).toBeCloseTo(1.9799, 3);
    const p = emptyPaired();
    p.accounts = 1;
    p.continuous.finalScore = { sum: 40, sumSq: "1600" };
    const a = emptyArm(30, 1, 1);
    const score = differences(a, a, p).find((x) => x.metric === "finalScore")!;
    expect(score).toMatchObject({ difference: 40, ci95: null });
    expect(significant(score)).toBe(false);
    // two accounts, +30 and +50: mean 40, sd 14.142, half-width 12.706 × 10 = 127.06
    p.accounts = 2;
    p.continuous.finalScore = { sum: 80, sumSq: String(30 * 30 + 50 * 50) };
    expect(differences(a, a, p).find((x) => x.metric === "finalScore")!.ci95).toEqual([-87.06, 167.06]);
  });

  it("amounts: no spread among the accounts' differences is no certainty — no interval, not a point", () => {
    // 1,000 accounts of which none lost another amount (seed 5, --challenger tightened --challenger-from 90:
    // the loss read '+¥0.00 [¥0.00, ¥0.00]', where 40,000 accounts put it at −¥1.58 an account)
    const p = emptyPaired();
    p.accounts = 1000;
    const a = emptyArm(30, 1, 1);
    const loss = differences(a, a, p).find((x) => x.metric === "loss")!;
    expect(loss).toMatchObject({ difference: 0, ci95: null });
    expect(significant(loss)).toBe(false);
    expect(differenceText(loss)).toEqual({ change: "+¥0.00", interval: NO_INTERVAL });
    // every account moved by the same amount (three accounts, ¥100 each): one value, no spread either
    p.accounts = 3;
    p.continuous.finalLimit = { sum: 30000, sumSq: String(3 * 10000 * 10000) };
    expect(differences(a, a, p).find((x) => x.metric === "finalLimit")).toMatchObject({
      difference: 100,
      ci95: null,
    });
    // one account apart from the rest has its t interval
    p.continuous.finalLimit = { sum: 10000, sumSq: String(10000 * 10000) };
    expect(differences(a, a, p).find((x) => x.metric === "finalLimit")!.ci95).not.toBeNull();
  });
});

// Aggregates merge exactly (ranges, workers, shards), chunks and heaps are sized right, and the
// statistics hold.

import { describe, expect, it } from "vitest";
import { AccountRunner } from "../../src/population/account.js";
import { reactionsOf } from "../../src/population/agent.js";
import { pairedBinary } from "../../src/population/differences.js";
import {
  chunkRanges,
  defaultWorkers,
  IN_PROCESS_BELOW,
  workerFailure,
} from "../../src/population/parallel.js";
import { expectedEvents } from "../../src/population/plan.js";
import { documentText, fromDocument, fromRange, mergeResults } from "../../src/population/result.js";
import { mergeTotals, RangeRunner, runRange } from "../../src/population/runner.js";
import { populationContext } from "../../src/population/settings.js";
import { quantileBin } from "../../src/population/stats.js";
import { InputError } from "../../src/shared/errors.js";
import { arm, extreme, meta, settings, shipped, tightened } from "./helpers.js";

describe("aggregation", () => {
  it("merging ranges equals running the whole range (worker and shard independence)", () => {
    const s = settings({ arms: [arm(tightened)], from: 120 });
    const whole = runRange(s, shipped, 0, 90, { csv: true });
    const parts = [
      runRange(s, shipped, 0, 25, { csv: true }),
      runRange(s, shipped, 25, 61, { csv: true }),
      runRange(s, shipped, 61, 90, { csv: true }),
    ];
    const [first, ...rest] = parts;
    for (const part of rest) mergeTotals(first!, part);
    expect({
      ...first!,
      to: 90,
      flips: parts.flatMap((p) => p.flips).slice(0, 20),
      csv: parts.map((p) => p.csv).join(""),
    }).toEqual(whole);
    const doc = (r: typeof whole, range: [number, number]) =>
      documentText(fromRange(meta(s, shipped, 90, range), r));
    // and through the JSON documents, in any order, byte for byte
    const ranges: Array<[number, number]> = [
      [0, 25],
      [25, 61],
      [61, 90],
    ];
    const shards = ranges.map((range, i) => {
      const text = doc(runRange(s, shipped, range[0], range[1], {}), range);
      return { file: `s${i}.json`, result: fromDocument(JSON.parse(text), `s${i}.json`) };
    });
    const reordered = [shards[2]!, shards[0]!, shards[1]!];
    expect(documentText(mergeResults(reordered))).toBe(doc(runRange(s, shipped, 0, 90, {}), [0, 90]));
  });

  it("one runner fed ranges in any order holds the totals of the whole range (a worker's share)", () => {
    const s = settings({ arms: [arm(tightened)] });
    const runner = new RangeRunner(s, shipped, {});
    const flips = [runner.run(61, 90), runner.run(0, 25), runner.run(25, 61)].flatMap((r) => r.flips);
    const whole = runRange(s, shipped, 0, 90, {});
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

  it("chunks cover the range once, in order, shrinking towards the end", () => {
    const chunks = chunkRanges(5, 100_005, 2);
    expect(chunks[0]![0]).toBe(5);
    expect(chunks.at(-1)![1]).toBe(100_005);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]![0]).toBe(chunks[i - 1]![1]);
    const sizes = chunks.map(([a, b]) => b - a);
    expect(Math.max(...sizes)).toBe(sizes[0]);
    expect(sizes.at(-2)).toBeLessThan(sizes[0]!);
    expect(chunkRanges(0, 0, 2)).toEqual([[0, 0]]);
  });

  it("sizes a worker's heap from the events an account holds (the estimate is close to what is issued)", () => {
    const s = settings({ days: 730 });
    const runner = new AccountRunner(populationContext(s), { record: true });
    for (const persona of [...shipped, extreme]) {
      const reactions = reactionsOf(persona);
      // extreme's accounts hold thousands of events each: fewer of them
      const n = persona === extreme ? 10 : 100;
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

  it("quantiles and paired intervals", () => {
    expect(quantileBin([0, 1, 1, 1, 0], 0.5)).toBe(2);
    expect(quantileBin([0, 0], 0.5)).toBeNull();
    const d = pairedBinary(100, 20, 5);
    expect(d.difference).toBeCloseTo(0.15);
    expect(d.ci95[0]).toBeLessThan(0.15);
    expect(d.ci95[1]).toBeGreaterThan(0.15);
    expect(pairedBinary(100, 0, 0)).toEqual({ difference: 0, ci95: [0, 0] });
  });
});

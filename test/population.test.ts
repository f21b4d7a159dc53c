// Populations in-process: generation is a pure function of (seed, persona, index); aggregates merge
// exactly; an exported account replays to the same outcome; persona files fail with a clear message.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/engine/simulate.js";
import { OutcomeRecorder } from "../src/population/aggregate.js";
import { scenarioYaml } from "../src/population/export.js";
import {
  challengerScenario,
  expectedEvents,
  generateAccount,
  generationContext,
  type PopulationSettings,
} from "../src/population/generate.js";
import { chunkRanges, defaultWorkers, IN_PROCESS_BELOW, workerFailure } from "../src/population/parallel.js";
import { loadPersonaFile, loadPersonas, loadPersonaText, type Persona } from "../src/population/persona.js";
import { personaJsonSchema } from "../src/population/persona-schema.js";
import {
  documentText,
  fromDocument,
  fromRange,
  mergeResults,
  type PopulationMeta,
} from "../src/population/result.js";
import { mergeTotals, personaIndexOf, RangeRunner, runRange } from "../src/population/runner.js";
import { pairedBinary, quantileBin } from "../src/population/stats.js";
import { loadScenarioText } from "../src/scenario/load.js";
import { loadPolicy } from "../src/scenario/load-policy.js";
import { InputError } from "../src/shared/errors.js";
import { ROOT } from "./helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/population");
const policy = loadPolicy("default", ROOT);
const tightened = loadPolicy("tightened", ROOT);
const shipped = loadPersonas([]);
const tiny = loadPersonaFile(join(FIXTURES, "tiny.yaml"));
// every amount at the edge of what a scenario file accepts, bursts far too long: the generator keeps
// each account exportable
const extreme = loadPersonaText(
  [
    "name: extreme",
    "share: 1",
    "profile:",
    "  monthlyIncome: { median: 900000000, sigma: 5 }",
    "  externalDebt: { median: 900000000, sigma: 5 }",
    "open: { amount: { median: 900000000, sigma: 5 } }",
    "spending: { perMonth: 5, amount: { median: 900000000, sigma: 5 } }",
    "repayment: { full: 1 }",
    "increases:",
    "  perMonth: 1",
    "  amount: { median: 900000000, sigma: 5 }",
    "  bursts: { perYear: 2, count: 100000000, withinDays: 5 }",
    "externalDebt: { perYear: 3, amount: { median: 900000000, sigma: 5 } }",
    "income: { perYear: 20, change: { min: 0, max: 1000 } }",
  ].join("\n"),
  "extreme.yaml",
);

const settings = (over: Partial<PopulationSettings> = {}): PopulationSettings => ({
  seed: 7,
  days: 365,
  start: "2024-01-01",
  policy,
  challenger: null,
  challengerFrom: 0,
  ...over,
});

function meta(
  s: PopulationSettings,
  personas: Persona[],
  accounts: number,
  range: [number, number],
): PopulationMeta {
  return {
    seed: s.seed,
    days: s.days,
    start: s.start,
    accounts,
    range,
    personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: "x" })),
    policy: { name: s.policy.name, ref: s.policy.name, fingerprint: "p" },
    challenger: s.challenger
      ? { name: s.challenger.name, ref: s.challenger.name, fingerprint: "c", set: {} }
      : null,
    challengerFrom: s.challengerFrom,
  };
}

function outcomeOf(scenario: Parameters<typeof run>[0]) {
  const rec = new OutcomeRecorder();
  rec.reset(scenario.until);
  run(scenario, rec);
  return rec.finish();
}

describe("shipped personas", () => {
  it("ship at least five, with the kinds the issue names", () => {
    const names = shipped.map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of ["steady-payer", "revolver", "over-applier", "stretched", "profile-changer"]) {
      expect(names).toContain(n);
    }
  });

  it("the committed JSON Schema is generated from the validator (regenerate: credit-sim personas --schema)", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema/persona.schema.json"), "utf8"));
    expect(committed).toEqual(personaJsonSchema());
  });
});

describe("generation", () => {
  const ctx = generationContext(settings());

  it("depends only on (seed, persona, index)", () => {
    const a = generateAccount(ctx, tiny, 12);
    generateAccount(ctx, tiny, 3); // another account in between changes nothing
    const b = generateAccount(ctx, tiny, 12);
    expect(b).toEqual(a);
    expect(generateAccount(ctx, tiny, 13).events).not.toEqual(a.events);
    const other = generationContext(settings({ seed: 8 }));
    expect(generateAccount(other, tiny, 12).events).not.toEqual(a.events);
  });

  it("produces a valid timeline: days in range, positive amounts, sorted, indexed in file order", () => {
    for (let i = 0; i < 50; i++) {
      const s = generateAccount(ctx, tiny, i);
      expect(s.events[0]?.type === "apply" || s.events.some((e) => e.type === "apply")).toBe(true);
      s.events.forEach((e, k) => {
        expect(e.index).toBe(k);
        expect(e.day).toBeGreaterThanOrEqual(0);
        expect(e.day).toBeLessThanOrEqual(s.until);
        if (k > 0) expect(e.day).toBeGreaterThanOrEqual(s.events[k - 1]!.day);
        if ("amount" in e && typeof e.amount === "number") {
          expect(Number.isInteger(e.amount)).toBe(true);
          expect(e.amount).toBeGreaterThan(0);
        }
      });
    }
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

describe("aggregation", () => {
  it("merging ranges equals running the whole range (worker and shard independence)", () => {
    const s = settings({ challenger: tightened, challengerFrom: 120 });
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
    const s = settings({ challenger: tightened });
    const runner = new RangeRunner(s, shipped, {});
    const flips = [runner.run(61, 90), runner.run(0, 25), runner.run(25, 61)].flatMap((r) => r.flips);
    const whole = runRange(s, shipped, 0, 90, {});
    expect(runner.totals()).toEqual({
      champion: whole.champion,
      challenger: whole.challenger,
      paired: whole.paired,
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

  it("sizes a worker's heap from the events an account holds (the estimate is close to the draws)", () => {
    const s = settings({ days: 730 });
    const ctx = generationContext(s);
    for (const persona of [...shipped, extreme]) {
      let total = 0;
      for (let i = 0; i < 200; i++) total += generateAccount(ctx, persona, i).events.length;
      const estimate = expectedEvents(persona, 730);
      // at least the mean drawn (it is an allowance), and not wildly above it
      expect(estimate).toBeGreaterThanOrEqual((total / 200) * 0.95);
      expect(estimate).toBeLessThan((total / 200) * 3);
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

describe("export round-trip", () => {
  const cases: Array<[string, PopulationSettings, "champion" | "challenger"]> = [
    ["champion", settings(), "champion"],
    ["challenger from day 0", settings({ challenger: tightened }), "challenger"],
    ["challenger from day 150", settings({ challenger: tightened, challengerFrom: 150 }), "challenger"],
    [
      "challenger = default + minScore 680 from day 90",
      settings({ challenger: policy, challengerFrom: 90, challengerSet: { minScore: 680 } }),
      "challenger",
    ],
    [
      "challenger = tightened + maxApplications30d 1 from day 0",
      settings({ challenger: tightened, challengerSet: { maxApplications30d: 1 } }),
      "challenger",
    ],
  ];
  it.each(cases)("an exported account replays to the same outcome (%s)", (_label, s, arm) => {
    const ctx = generationContext(s);
    for (const persona of [...shipped, tiny, extreme]) {
      for (let i = 0; i < 12; i++) {
        let scenario = generateAccount(ctx, persona, i);
        if (arm === "challenger") scenario = challengerScenario(ctx, scenario);
        const expected = outcomeOf(scenario);
        const text = scenarioYaml(scenario, { policyRef: (n) => n, header: ["test"], outcome: expected });
        const loaded = loadScenarioText(text, join(ROOT, "exported.yaml"));
        expect(loaded.scenario.events).toEqual(scenario.events);
        // the file as written (no sample days observed) ends the same way…
        expect({ ...outcomeOf(loaded.scenario), scores: [] }).toEqual({ ...expected, scores: [] });
        // …and observed on the population's sample days, it is the same account in every respect
        expect(outcomeOf({ ...loaded.scenario, observe: scenario.observe })).toEqual(expected);
      }
    }
  });
});

describe("bad persona files", () => {
  const fail = (file: string): InputError => {
    try {
      loadPersonaFile(join(FIXTURES, file));
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error(`${file} loaded`);
  };

  it("a misspelt field: line, column and did-you-mean", () => {
    const e = fail("bad-typo.yaml");
    expect(e.format()).toMatch(/bad-typo\.yaml:3:1: spendng: unknown field "spendng"/);
    expect(e.format()).toContain('did you mean "spending"?');
  });

  it("repayment probabilities that do not add up to 1", () => {
    expect(fail("bad-sum.yaml").format()).toMatch(
      /bad-sum\.yaml:5:\d+: repayment: repayment probabilities must add up to 1[\s\S]*found: +0\.9/,
    );
  });

  it("min above max, wrong types, unknown distributions, __proto__", () => {
    expect(fail("bad-range.yaml").format()).toMatch(
      /bad-range\.yaml:5:\d+: spending\.amount: min is greater than max/,
    );
    expect(fail("bad-type.yaml").format()).toMatch(
      /bad-type\.yaml:2:8: share: wrong type[\s\S]*found: +"lots"/,
    );
    expect(fail("bad-dist.yaml").format()).toMatch(/spending\.amount: (invalid distribution|unknown field)/);
    expect(fail("bad-proto.yaml").format()).toMatch(/forbidden key "__proto__"/);
  });

  it("empty and non-mapping files, unknown persona names", () => {
    expect(() => loadPersonaText("- a\n- b\n", "list.yaml")).toThrow(/mapping/);
    try {
      loadPersonaText("name: x\nshare: 1\nspending: { amount: 1e12 }\n", "big.yaml");
      expect.unreachable("an amount beyond a scenario's range loaded");
    } catch (e) {
      expect((e as InputError).format()).toMatch(/big\.yaml:3:\d+: spending\.amount: value out of range/);
    }
    expect(() => loadPersonas(["stretchd"])).toThrow(/unknown persona "stretchd"/);
    try {
      loadPersonas(["stretchd"]);
    } catch (e) {
      expect((e as InputError).format()).toContain('did you mean "stretched"?');
    }
    expect(() => loadPersonas(["stretched", "stretched"])).toThrow(/duplicate persona name/);
  });
});

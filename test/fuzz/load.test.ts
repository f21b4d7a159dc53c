// Fuzz: the loaders and what `run` does with what they load, on hostile text. Every input is read (and
// then simulated and rendered) or refused with InputError — never another exception — within a time and
// memory bound. A few seconds in `npm test`; `npm run fuzz` runs each property for FUZZ_SECONDS.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { EVENT_TYPES, simulate } from "../../src/engine/index.js";
import { AccountRunner } from "../../src/population/account.js";
import { reactionsOf } from "../../src/population/agent.js";
import { loadPersonaText } from "../../src/population/persona.js";
import { documentText, fromDocument, fromRange, mergeResults } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import { populationContext } from "../../src/population/settings.js";
import { traceToNdjson } from "../../src/render/json.js";
import { renderPopulation } from "../../src/render/population.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { InputError } from "../../src/shared/errors.js";
import { goldenTrace } from "../../src/testing/golden-trace.js";
import {
  aliasBomb,
  deepNesting,
  edgeEvent,
  edgeScenario,
  FUZZ_SECONDS,
  fuzzParameters,
  hostileScenario,
  mutated,
  SHIPPED,
} from "./arbitraries.js";

/** What one input may cost: about a second on a quiet machine; CI machines are shared. */
const MS_PER_INPUT = Number(process.env.FUZZ_MS_PER_INPUT ?? 5000);
const HEAP_BYTES = 768 * 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), "credit-sim-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const chalk = new Chalk({ level: 1 });

/** Runs `f`; it may return or throw InputError, nothing else, within the bounds. */
function readsOrRefuses(f: () => void): void {
  const t = performance.now();
  try {
    f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const text = e.format("credit-sim: ");
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace in a message
  }
  const ms = performance.now() - t;
  expect(ms, `took ${Math.round(ms)} ms`).toBeLessThan(MS_PER_INPUT);
  expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BYTES);
}

/** What `run` does with a scenario: load, simulate, render every way. */
function runScenario(text: string, file = join(dir, "fuzz.yaml")): void {
  readsOrRefuses(() => {
    const loaded = loadScenarioText(text, file);
    if (loaded.scenario.until > 5000 || loaded.scenario.events.length > 2000) return; // loading was the point
    const trace = simulate(loaded.scenario);
    renderTrace(loaded.scenario, trace, { chalk, explain: true, chart: true });
    traceToNdjson(loaded.scenario.name, trace.steps);
    goldenTrace(loaded.scenario, trace.steps);
  });
}

const timeout = FUZZ_SECONDS > 0 ? FUZZ_SECONDS * 1000 * 2 + 60_000 : 60_000;

describe("fuzz: scenario files", () => {
  it("hostile documents (aliases, cycles, odd scalars and tags, prototype keys, huge numbers)", {
    timeout,
  }, () => {
    fc.assert(
      fc.property(hostileScenario, (text) => runScenario(text)),
      fuzzParameters(80),
    );
  });

  it("draw every event type at the edges of its fields", () => {
    const drawn = new Set(fc.sample(edgeEvent, { numRuns: 3000, seed: 1 }).map((e) => e.type));
    expect(
      EVENT_TYPES.filter((t) => !drawn.has(t)),
      "a new event type needs a generator in edgeEvent (test/fuzz/arbitraries.ts)",
    ).toEqual([]);
  });

  it("scenarios at the edges of every field, events repeated through aliases", { timeout }, () => {
    fc.assert(
      fc.property(edgeScenario, (text) => runScenario(text)),
      fuzzParameters(60),
    );
  });

  it("the shipped scenarios, mutated", { timeout }, () => {
    fc.assert(
      fc.property(mutated(SHIPPED.scenarios), (text) => runScenario(text)),
      fuzzParameters(40),
    );
  });

  it("the same as JSON", { timeout }, () => {
    fc.assert(
      fc.property(hostileScenario, (text) => runScenario(text, join(dir, "fuzz.json"))),
      fuzzParameters(25),
    );
  });

  it("nesting past any bound is refused", { timeout }, () => {
    fc.assert(
      fc.property(deepNesting, (text) =>
        readsOrRefuses(() => {
          loadScenarioText(text, "deep.yaml");
          throw new Error("deep nesting loaded");
        }),
      ),
      fuzzParameters(10),
    );
  });

  it("alias bombs are read or refused by what they expand to", { timeout }, () => {
    fc.assert(
      fc.property(aliasBomb, (text) => readsOrRefuses(() => loadScenarioText(text, "bomb.yaml"))),
      fuzzParameters(15),
    );
  });
});

describe("fuzz: policy and persona files", () => {
  it("policies, mutated and hostile", { timeout }, () => {
    fc.assert(
      fc.property(fc.oneof(mutated(SHIPPED.policies), hostileScenario), fc.nat(1000), (text, n) => {
        const file = join(dir, `p${n}.yaml`);
        writeFileSync(file, text);
        readsOrRefuses(() => loadPolicy(file, dir));
      }),
      fuzzParameters(40),
    );
  });

  it("personas, mutated: read and drawn from, or refused", { timeout }, () => {
    const policy = loadPolicy("default", dir);
    fc.assert(
      fc.property(mutated(SHIPPED.personas), (text) =>
        readsOrRefuses(() => {
          const persona = loadPersonaText(text, "fuzz.yaml");
          const ctx = populationContext({
            seed: 1,
            days: 120,
            start: "2024-01-01",
            policy,
            arms: [],
            from: 0,
            compare: [],
            bad: "ever90",
            scoreDay: 0,
          });
          // the agent's events through the engine, reacting to it
          const runner = new AccountRunner(ctx, {});
          for (let i = 0; i < 3; i++) runner.run(persona, reactionsOf(persona), i);
        }),
      ),
      fuzzParameters(25),
    );
  });
});

describe("fuzz: merge documents", () => {
  const policy = loadPolicy("default", dir);
  const personas = [loadPersonaText(SHIPPED.personas[0]!, "p.yaml")];
  const settings = {
    seed: 1,
    days: 60,
    start: "2024-01-01",
    policy,
    arms: [],
    from: 0,
    compare: [],
    bad: "ever90" as const,
    scoreDay: 0,
  };
  const base = documentText(
    fromRange(
      {
        seed: 1,
        days: 60,
        start: "2024-01-01",
        accounts: 4,
        range: [0, 4],
        personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: "00000000" })),
        policy: { name: "default", ref: "default", fingerprint: "00000000" },
        challenger: null,
        challengerFrom: 0,
        sweep: null,
        bad: "ever90",
        scoreDay: 0,
        costOfFunds: 0.035,
        stress: null,
      },
      runRange(settings, personas, 0, 4, {}),
    ),
  );
  const hostileJson = fc.oneof(
    fc.constantFrom(-1, 0.5, 1e308, -0, 2 ** 60, 1e9, "", "x", null, true, [], {}, [-1], { length: 1e9 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

  it("documents with any field replaced are merged and shown, or refused", { timeout }, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), hostileJson), { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = JSON.parse(base);
        for (const [at, value] of edits) replaceAt(doc, at, value);
        readsOrRefuses(() => {
          const merged = mergeResults([{ file: "s.json", result: fromDocument(doc, "s.json") }]);
          renderPopulation(merged, { chalk, chart: true });
        });
      }),
      fuzzParameters(80),
    );
  });
});

/** Replaces the `at`-th value (depth-first, modulo the count) of a JSON document. */
function replaceAt(doc: unknown, at: number, value: unknown): void {
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        slots.push([v, i]);
        walk(x);
      }
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        slots.push([v as Record<string, unknown>, k]);
        walk(x);
      }
    }
  };
  walk(doc);
  if (slots.length === 0) return;
  const [parent, k] = slots[at % slots.length]!;
  (parent as Record<string | number, unknown>)[k] = value;
}

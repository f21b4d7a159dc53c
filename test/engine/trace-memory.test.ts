// @module-tag slow
// What a trace costs to keep: every step of a long file is held until the renderers are done, so a step's
// size is what a 5 MB scenario costs to run (docs/reliability.md gives the numbers).

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import { on, scenario } from "./builders.js";

// a heap measured after a collection, not whatever garbage the run left
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

it("a step is kept in about a kilobyte: one object of fixed shape, not a hash table", () => {
  const events = [on.open(0, 5000)];
  for (let i = 1; i < 20_000; i++) events.push(on.increase(Math.floor(i / 3), 100));
  const s = scenario(events);
  gc();
  const before = process.memoryUsage().heapUsed;
  const trace = simulate(s);
  gc();
  const perStep = (process.memoryUsage().heapUsed - before) / trace.steps.length;
  expect(trace.steps.length).toBeGreaterThanOrEqual(20_000);
  // a snapshot given the step's fields one by one after it was made was about 2.4 KB a step
  expect(perStep).toBeLessThan(1600);
});

// A worker thread of a population run: receives the population once, then ranges of account indices.
// It adds every range into its own totals and answers each range with the ordered part only (flips,
// CSV); `null` asks for the totals, which end the worker's share of the run.

import { parentPort, workerData } from "node:worker_threads";
import type { Persona } from "./persona.js";
import { type RangeOptions, type RangeOrdered, RangeRunner, type RangeTotals } from "./runner.js";
import type { PopulationSettings } from "./settings.js";

export interface WorkerInit {
  settings: PopulationSettings;
  personas: Persona[];
  options: RangeOptions;
}

export interface WorkerTask {
  chunk: number;
  from: number;
  to: number;
}

export type WorkerReply =
  | { type: "range"; chunk: number; ordered: RangeOrdered }
  | { type: "totals"; totals: RangeTotals };

const init = workerData as WorkerInit;
const runner = new RangeRunner(init.settings, init.personas, init.options);
parentPort?.on("message", (task: WorkerTask | null) => {
  if (task === null) {
    parentPort?.postMessage({ type: "totals", totals: runner.totals() } satisfies WorkerReply);
    parentPort?.close();
    return;
  }
  const ordered = runner.run(task.from, task.to);
  parentPort?.postMessage({ type: "range", chunk: task.chunk, ordered } satisfies WorkerReply);
});

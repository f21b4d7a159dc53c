// A worker thread of a population run: receives the population once, then ranges of account indices,
// and answers each range with its aggregates (runner.ts). No state survives between ranges.

import { parentPort, workerData } from "node:worker_threads";
import type { PopulationSettings } from "./generate.js";
import type { Persona } from "./persona.js";
import { type RangeOptions, runRange } from "./runner.js";

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

const init = workerData as WorkerInit;
parentPort?.on("message", (task: WorkerTask | null) => {
  if (task === null) {
    parentPort?.close();
    return;
  }
  const result = runRange(init.settings, init.personas, task.from, task.to, init.options);
  parentPort?.postMessage({ chunk: task.chunk, result });
});

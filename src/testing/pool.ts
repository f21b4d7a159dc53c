// Runs scenario files in the main thread (small suites: no worker start-up to pay) or across worker
// threads (large suites). Results come back in input order whatever finishes first, so every report is
// independent of timing. With `bail`, the run stops after the first failing file in input order.

import { Worker } from "node:worker_threads";
import { clampWorkers, workerCap } from "../shared/workers.js";
import type { ScenarioFile } from "./discover.js";
import type { FilteredOut, ScenarioReport } from "./report.js";
import type { RunSettings } from "./run-one.js";

export interface WorkerTask {
  index: number;
  file: ScenarioFile;
}

export type WorkerReply =
  | { index: number; result: ScenarioReport | FilteredOut }
  | { index: number; crash: string };

export interface PoolOptions {
  /** upper bound on worker threads; 1 runs everything in the main thread */
  workers?: number;
  bail?: boolean;
}

export interface PoolResult {
  /** in input order; shorter than the input after a bail */
  results: Array<ScenarioReport | FilteredOut>;
  /** files not reported because of --bail */
  notRun: number;
}

/** Below this many files per worker, starting a worker costs more than it saves (measured: a worker costs ~0.3 s of CPU to start and warm up, about 60 files' work). */
const FILES_PER_WORKER = 60;
/** Tasks a worker holds at once, so it never waits for the main thread between files. */
const IN_FLIGHT = 4;

const isFailure = (r: ScenarioReport | FilteredOut): boolean =>
  !("filtered" in r) && (r.status === "failed" || r.status === "error");

function workerCount(files: number, requested?: number): number {
  const max = requested === undefined ? workerCap() : clampWorkers(requested);
  return Math.max(1, Math.min(max, Math.floor(files / FILES_PER_WORKER)));
}

export async function runFiles(
  files: readonly ScenarioFile[],
  settings: RunSettings,
  options: PoolOptions = {},
): Promise<PoolResult> {
  const n = workerCount(files.length, options.workers);
  const bail = options.bail === true;
  const results =
    n <= 1 ? await runInProcess(files, settings, bail) : await runInWorkers(files, settings, n, bail);
  return { results, notRun: files.length - results.length };
}

async function runInProcess(files: readonly ScenarioFile[], settings: RunSettings, bail: boolean) {
  // loaded here, not at the top: with workers, the main thread never needs the parser or the engine
  const { makeContext, runOne } = await import("./run-one.js");
  const ctx = makeContext(settings);
  const results: Array<ScenarioReport | FilteredOut> = [];
  for (const file of files) {
    const r = runOne(file, ctx);
    results.push(r);
    if (bail && isFailure(r)) break;
  }
  return results;
}

async function runInWorkers(files: readonly ScenarioFile[], settings: RunSettings, n: number, bail: boolean) {
  const url = new URL("./test-worker.js", import.meta.url);
  const { writeHanded } = await import("./snapshots.js");
  const results: Array<ScenarioReport | FilteredOut | undefined> = new Array(files.length);
  let next = 0;
  let firstFailure = Number.POSITIVE_INFINITY;
  const workerData: RunSettings = { ...settings, tracesByMain: true };
  const workers = Array.from({ length: n }, () => new Worker(url, { workerData }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            let inFlight = 0;
            const feed = () => {
              while (inFlight < IN_FLIGHT && next < files.length && next < firstFailure) {
                const index = next++;
                inFlight++;
                worker.postMessage({ index, file: files[index]! } satisfies WorkerTask);
              }
              if (inFlight === 0) resolvePromise();
            };
            worker.on("message", (reply: WorkerReply) => {
              inFlight--;
              if ("crash" in reply) {
                reject(new Error(`while testing ${files[reply.index]?.shown}: ${reply.crash}`));
                return;
              }
              // the golden trace a worker made is written here, where Ctrl-C removes it unfinished
              const result = writeHanded(reply.result, files[reply.index]!, settings.cwd);
              results[reply.index] = result;
              if (bail && isFailure(result)) firstFailure = Math.min(firstFailure, reply.index);
              feed();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (inFlight > 0) reject(new Error(`a test worker exited (code ${code}) with work in flight`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const end = Number.isFinite(firstFailure) ? firstFailure + 1 : files.length;
  return results.slice(0, end).map((r, i) => {
    if (r === undefined) throw new Error(`no result for ${files[i]?.shown}`);
    return r;
  });
}

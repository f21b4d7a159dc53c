// Spreads a range of accounts over worker threads in chunks and folds the chunk results in index order.
// Chunks are handed out as workers free up; results are merged strictly in chunk order (buffering the few
// that finish early), so the output is the same for any worker count.

import { Worker } from "node:worker_threads";
import type { PopulationSettings } from "./generate.js";
import type { Persona } from "./persona.js";
import { mergeRange, type RangeOptions, type RangeResult, runRange } from "./runner.js";
import type { WorkerInit, WorkerTask } from "./worker.js";

export interface ParallelOptions extends RangeOptions {
  workers: number;
  /** accounts done so far (for a progress bar) */
  onProgress?: (done: number) => void;
  /** CSV lines of each chunk, in index order, as soon as they can be written */
  onCsv?: (lines: string) => void;
}

export function chunkSize(accounts: number, workers: number): number {
  return Math.max(20, Math.min(2000, Math.ceil(accounts / Math.max(1, workers * 16))));
}

export async function runParallel(
  settings: PopulationSettings,
  personas: readonly Persona[],
  from: number,
  to: number,
  options: ParallelOptions,
): Promise<RangeResult> {
  const size = chunkSize(to - from, options.workers);
  const chunks: Array<[number, number]> = [];
  for (let a = from; a < to; a += size) chunks.push([a, Math.min(to, a + size)]);
  if (chunks.length === 0) chunks.push([from, from]);
  let total: RangeResult | null = null;
  let done = 0;
  const fold = (r: RangeResult) => {
    if (options.onCsv && r.csv) options.onCsv(r.csv);
    const slim = options.onCsv ? { ...r, csv: "" } : r;
    total = total === null ? slim : mergeRange(total, slim, options.flipSample);
    done += r.to - r.from;
    options.onProgress?.(done);
  };

  if (options.workers <= 1) {
    for (const [a, b] of chunks) {
      fold(runRange(settings, personas, a, b, options));
      // let the progress bar and signals through between chunks
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total!;
  }

  const init: WorkerInit = {
    settings,
    personas: [...personas],
    options: { csv: options.csv ?? false, flipSample: options.flipSample ?? 20 },
  };
  const count = Math.min(options.workers, chunks.length);
  const pending = new Map<number, RangeResult>();
  let nextToFold = 0;
  let nextToSend = 0;
  // flow control: never run too far ahead of the oldest unfinished chunk
  const window = count * 4;

  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const idle: Worker[] = [];
    const dispatch = () => {
      while (idle.length > 0 && nextToSend < chunks.length && nextToSend < nextToFold + window) {
        const w = idle.pop()!;
        const [a, b] = chunks[nextToSend]!;
        const task: WorkerTask = { chunk: nextToSend++, from: a, to: b };
        w.postMessage(task);
      }
      if (nextToFold === chunks.length) {
        for (const w of workers) w.postMessage(null);
        resolve();
      }
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL("./worker.js", import.meta.url), { workerData: init });
      workers.push(w);
      w.on("message", (msg: { chunk: number; result: RangeResult }) => {
        pending.set(msg.chunk, msg.result);
        while (pending.has(nextToFold)) {
          fold(pending.get(nextToFold)!);
          pending.delete(nextToFold++);
        }
        idle.push(w);
        dispatch();
      });
      w.on("error", fail);
      w.on("exit", (code) => {
        if (code !== 0 && nextToFold < chunks.length) fail(new Error(`worker exited with code ${code}`));
      });
      idle.push(w);
    }
    dispatch();
  });
  return total!;
}

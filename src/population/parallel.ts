// Spreads a range of accounts over worker threads in chunks. `--workers 1` runs in-process. Chunks are
// handed out as workers free up (two queued per worker, so a worker never waits for the main thread),
// smaller towards the end so that no worker idles long. Workers keep their totals (sums and histograms)
// and hand them over once, at the end: cloning every chunk's histograms across threads cost more than
// a tenth of the run. What must keep index order (flips, CSV lines, progress) is folded strictly in
// chunk order, buffering the few chunks that finish early. Sums are exact and order-free, so the output
// is the same for any worker count and any chunking.

import { Worker } from "node:worker_threads";
import { UsageError } from "../shared/errors.js";
import { grouped } from "../shared/text.js";
import { armBytes } from "./aggregate.js";
import { expectedEvents } from "./expected-events.js";
import type { Persona } from "./persona.js";
import type { WorkerInit, WorkerReply, WorkerTask } from "./population-worker.js";
import {
  FLIP_SAMPLE,
  type FlipRow,
  mergeTotals,
  type RangeOptions,
  type RangeOrdered,
  type RangeResult,
  RangeRunner,
  type RangeTotals,
} from "./runner.js";
import type { PopulationSettings } from "./settings.js";

export interface ParallelOptions extends RangeOptions {
  workers: number;
  /** accounts done so far (for a progress bar) */
  onProgress?: (done: number) => void;
  /** CSV lines of each chunk, in index order, as soon as they can be written */
  onCsv?: (lines: string) => void;
}

const MIN_CHUNK = 20;
const MAX_CHUNK = 2000;
// A worker's heap is capped so that V8 collects instead of growing the heap over a long run: memory stays
// flat in the number of accounts. A smaller young generation also keeps peak memory down at no cost in
// throughput (measured with `npm run bench`: 8 MB and 16 MB run alike). The old generation gets a base,
// plus room for the heaviest account (its events and what the engine keeps of them: ~120 bytes an event
// live, measured, given five times over for what is not yet collected), plus room for the totals.
const OLD_SPACE_MB = 32;
const YOUNG_SPACE_MB = 8;
const HEAP_BYTES_PER_EVENT = 600;

/**
 * Below this many account-days (both arms counted) `--workers` defaults to 1: each worker thread is a
 * fresh V8 isolate that warms up its own compiler, which costs more than a second core saves on a small
 * population (measured here: 10,000 accounts × 365 days take the same time on 1 and 2 workers).
 */
export const IN_PROCESS_BELOW = 4_000_000;

/** The worker count when `--workers` is not given: the cores, unless the population is too small. */
export function defaultWorkers(accountDays: number, cores: number): number {
  return accountDays < IN_PROCESS_BELOW ? 1 : cores;
}

/** CPU a weighted account-day takes on the machine docs/performance.md measures (414–427 ns on 2 workers):
 *  a run's size is said in time from it. */
export const NS_PER_ACCOUNT_DAY = 400;
/** A run estimated at more CPU than this is said to be long before it starts (10 minutes). */
export const LONG_RUN_CPU_SECONDS = 600;

/**
 * What `simulate` says before a run whose `accountDays` (arms weighted as the worker count weighs them)
 * take more than LONG_RUN_CPU_SECONDS of CPU: its size, the time it will take on `workers` threads of
 * `cores`, and how to spread it — shards on other machines, merged — and null for a run shorter than that.
 * The run is not refused: a long one may be meant.
 */
export function longRunNotice(
  accounts: number,
  days: number,
  accountDays: number,
  workers: number,
  cores: number,
): string | null {
  const cpu = (accountDays * NS_PER_ACCOUNT_DAY) / 1e9;
  if (cpu <= LONG_RUN_CPU_SECONDS) return null;
  // two workers do 1.4× what one does (docs/performance.md): each further thread counted at 0.7 of one
  const threads = Math.min(workers, cores);
  const wall = threads <= 1 ? cpu : cpu / (0.7 * threads);
  const shards = Math.max(2, Math.ceil(wall / 3600));
  return (
    `${grouped(accounts)} accounts × ${grouped(days)} days is a long run: about ${duration(cpu)} of CPU ` +
    `(~${NS_PER_ACCOUNT_DAY} ns an account-day), about ${duration(wall)} here on ${threads} thread${threads === 1 ? "" : "s"}. ` +
    `To spread it, run it as shards on several machines — --shard 1/${shards} … --shard ${shards}/${shards} with --json, ` +
    "the same other options, then `credit-sim merge` their files — or with more --workers where there are more cores"
  );
}

/** A duration in words, rounded: `40 min`, `3.2 h`, `17 days`. */
function duration(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds < 730 * 86400) return `${grouped(Math.round(seconds / 86400))} days`;
  return `${grouped(Math.round(seconds / (365 * 86400)))} years`;
}

/**
 * Guided chunking: each chunk a share of what remains, between MIN_CHUNK and MAX_CHUNK accounts — of a
 * year each: a longer horizon takes as many fewer accounts a chunk (`days`), so that a chunk, which is when
 * progress is told and signals are let through, stays a fraction of a second's work (a chunk of 2,000
 * accounts of 36,500 days ran for over 25 s before the progress bar first moved). The first chunks
 * ramp up from the least of them, doubling.
 */
export function chunkRanges(from: number, to: number, threads: number, days = 365): Array<[number, number]> {
  const years = Math.max(1, days / 365);
  const most = Math.max(1, Math.floor(MAX_CHUNK / years));
  const least = Math.min(MIN_CHUNK, most);
  const chunks: Array<[number, number]> = [];
  // the first chunks are small and double: the first rows, the first move of the progress bar and a reader
  // gone from standard output (`simulate --csv - | head -1`: EPIPE, which ends the run) come in moments,
  // not after a sixth of the population
  let ramp = least;
  for (let a = from; a < to; ) {
    const size = Math.min(ramp, Math.max(least, Math.min(most, Math.ceil((to - a) / (threads * 6)))));
    ramp *= 2;
    const b = Math.min(to, a + size);
    chunks.push([a, b]);
    a = b;
  }
  if (chunks.length === 0) chunks.push([from, from]);
  return chunks;
}

export async function runParallel(
  settings: PopulationSettings,
  personas: readonly Persona[],
  from: number,
  to: number,
  options: ParallelOptions,
): Promise<RangeResult> {
  const chunks = chunkRanges(from, to, Math.max(1, options.workers), settings.days);
  // 1 worker: in-process; more: that many worker threads, the main thread only dispatches and folds
  const threads = options.workers >= 2 ? Math.min(options.workers, chunks.length) : 0;
  const flipSample = options.flipSample ?? FLIP_SAMPLE;
  const rangeOptions: RangeOptions = {
    csv: options.csv ?? false,
    flipSample,
    ...(options.costOfFunds !== undefined ? { costOfFunds: options.costOfFunds } : {}),
  };
  const flips: FlipRow[] = [];
  const csv: string[] = [];
  let done = 0;
  const pending = new Map<number, RangeOrdered>();
  let nextToFold = 0;
  let nextToSend = 0;
  // flow control: never run too far ahead of the oldest unfinished chunk
  const window = (threads + 1) * 6;

  // the ordered part of each chunk (flips, CSV, progress) is folded in chunk order; totals are not
  // (they are sums) and come once per worker at the end
  const deliver = (chunk: number, r: RangeOrdered) => {
    pending.set(chunk, r);
    while (pending.has(nextToFold)) {
      const next = pending.get(nextToFold)!;
      pending.delete(nextToFold);
      const [a, b] = chunks[nextToFold++]!;
      for (const f of next.flips) if (flips.length < flipSample) flips.push(f);
      if (next.csv) {
        if (options.onCsv) options.onCsv(next.csv);
        else csv.push(next.csv);
      }
      done += b - a;
      options.onProgress?.(done);
    }
  };
  const take = (): number =>
    nextToSend < chunks.length && nextToSend < nextToFold + window ? nextToSend++ : -1;

  const local = threads === 0 ? new RangeRunner(settings, personas, rangeOptions) : null;
  const workers: Worker[] = [];
  // tasks sent to each worker and not answered: two each, so a worker never waits for the main thread
  // to finish its own chunk before it gets the next one
  const inflight = new Map<Worker, number>();
  const totals = new Map<Worker, RangeTotals>();
  const PREFETCH = 2;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  const dispatch = () => {
    for (const w of workers) {
      while (inflight.get(w)! < PREFETCH) {
        const k = take();
        if (k < 0) return;
        const [a, b] = chunks[k]!;
        const task: WorkerTask = { chunk: k, from: a, to: b };
        w.postMessage(task);
        inflight.set(w, inflight.get(w)! + 1);
      }
    }
  };
  if (threads > 0) {
    const init: WorkerInit = { settings, personas: [...personas], options: rangeOptions };
    const armsPerAccount = settings.arms.length + 1;
    const events = Math.max(...personas.map((p) => expectedEvents(p, settings.days)));
    // lanes: an account's arms share their state until they decide otherwise, at most one each
    const accountMb = Math.ceil((Math.min(armsPerAccount, 4) * events * HEAP_BYTES_PER_EVENT) / 2 ** 20);
    // the totals live in the worker for the whole run (twice over, for headroom): a long horizon
    // (`--days 36500`) makes them tens of MB
    const totalsMb = Math.ceil((2 * personas.length * armsPerAccount * armBytes(settings.days)) / 2 ** 20);
    const heapMb = OLD_SPACE_MB + accountMb + totalsMb;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(new URL("./population-worker.js", import.meta.url), {
        workerData: init,
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_SPACE_MB },
      });
      workers.push(w);
      w.on("message", (msg: WorkerReply) => {
        // after a failure, what other workers still had in flight goes nowhere (the CSV file is gone)
        if (failure) return;
        try {
          if (msg.type === "totals") totals.set(w, msg.totals);
          else {
            deliver(msg.chunk, msg.ordered);
            inflight.set(w, inflight.get(w)! - 1);
            dispatch();
          }
        } catch (e) {
          // writing a chunk's CSV lines failed: the run fails where it waits, not as an uncaught error
          failure = e instanceof Error ? e : new Error(String(e));
        }
        poke();
      });
      w.on("error", (e) => {
        failure ??= workerFailure(e, heapMb);
        poke();
      });
      w.on("exit", (code) => {
        if (!totals.has(w)) failure ??= new Error(`worker exited with code ${code}`);
        poke();
      });
      inflight.set(w, 0);
    }
  }

  try {
    while (nextToFold < chunks.length) {
      if (failure) throw failure;
      dispatch();
      const k = local ? take() : -1;
      if (local && k >= 0) {
        const [a, b] = chunks[k]!;
        deliver(k, local.run(a, b));
        // let the progress bar and signals through between chunks
        await new Promise((resolve) => setImmediate(resolve));
      } else await sleep();
    }
    if (local) return { from, to, ...local.totals(), flips, csv: csv.join("") };
    for (const w of workers) w.postMessage(null);
    while (totals.size < workers.length) {
      if (failure) throw failure;
      await sleep();
    }
  } finally {
    for (const w of workers) {
      w.removeAllListeners("message");
      void w.terminate();
    }
  }
  // worker order: any order gives the same sums
  const [first, ...rest] = workers.map((w) => totals.get(w)!);
  for (const t of rest) mergeTotals(first!, t);
  return { from, to, ...first!, flips, csv: csv.join("") };
}

/** A worker's error as the user should see it: running out of heap is a limit of this run, not a bug. */
export function workerFailure(e: unknown, heapMb: number): Error {
  if ((e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new UsageError(
      `a worker thread ran out of memory: an account of this population needs more than the ${heapMb} MB a worker is given`,
      "run it with --workers 1 (in the main thread, without that cap), or with fewer days or events per account",
    );
  }
  return e instanceof Error ? e : new Error(String(e));
}

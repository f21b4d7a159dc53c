// How many worker threads a command may start. More threads than cores only compete for them (and each
// is a V8 isolate of its own, tens of MB before it does any work), so `--workers` is clamped to the
// cores this machine has, and never more than MAX_WORKERS whatever it has.

import { availableParallelism } from "node:os";

/** The most worker threads any command starts. */
export const MAX_WORKERS = 32;

/** The cap on this machine: its cores, at most MAX_WORKERS. */
export function workerCap(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

/** A requested number of workers (≥ 1, checked by the caller) within the cap. */
export function clampWorkers(requested: number, cores?: number): number {
  return Math.max(1, Math.min(requested, workerCap(cores)));
}

/** How `--workers` is bounded, for --help. */
export function workersHelp(): string {
  return `more than the cores (${workerCap()} here, never more than ${MAX_WORKERS}) are clamped to them`;
}

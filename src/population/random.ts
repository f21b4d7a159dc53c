// Seeded random draws. The generator never touches Math.random: it receives a `Random` (a function
// returning uniform [0, 1) numbers) made here from (seed, persona, account index) with seedrandom, so
// an account's timeline depends on nothing else — not on the worker, the shard or the run order.

import seedrandom from "seedrandom";
import type { Dist } from "./persona-schema.js";

export type Random = () => number;

/** The random source of one account. Alea: fast, and the same sequence on every platform. */
export function accountRandom(seed: number, persona: string, index: number): Random {
  return seedrandom.alea(`${seed}:${persona}:${index}`);
}

/** Which persona account `index` belongs to: a draw of its own, against the cumulative shares. */
export function pickPersona(seed: number, index: number, cumulative: readonly number[]): number {
  const u = seedrandom.alea(`${seed}:persona:${index}`)();
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return i;
  return cumulative.length - 1;
}

/** Cumulative shares normalised to 1. */
export function cumulativeShares(shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  let acc = 0;
  return shares.map((s, i) => {
    acc += s / total;
    return i === shares.length - 1 ? 1 : acc;
  });
}

/** A standard normal (Box–Muller; one of the pair is dropped to keep the draw count fixed). */
function normal(rng: Random): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function draw(rng: Random, d: Dist): number {
  if (typeof d === "number") return d;
  if ("median" in d) {
    const x = d.median * Math.exp(d.sigma * normal(rng));
    return Math.min(d.max ?? Number.POSITIVE_INFINITY, Math.max(d.min ?? 0, x));
  }
  return d.min + (d.max - d.min) * rng();
}

export function drawInt(rng: Random, d: Dist): number {
  return Math.round(draw(rng, d));
}

/** A Poisson count (Knuth for small means, a rounded normal beyond). */
export function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** A whole number uniform in [lo, hi]. */
export function uniformInt(rng: Random, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

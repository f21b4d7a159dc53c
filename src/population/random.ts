// Seeded random draws, keyed. Nothing here touches Math.random, and no account draws from a stream it
// shares with anything else: every draw comes from a stream named by (seed, persona, account, purpose,
// period) — the purpose says what it is for (this month's purchases, this statement's repayment habit,
// the reaction to a decline on this day), the period which month, statement or day. So:
//   - an account's behaviour depends on nothing but its own keys: not on the worker, the shard, the order
//     accounts run in, or the other accounts;
//   - common random numbers: under every policy an account draws the same numbers for the same purpose
//     and period. Its purchases in March are the same whatever the lender decided in February; a customer
//     declined on day 40 under two policies reacts alike under both. What differs between two arms comes
//     from the policy, not from the dice (docs/populations.md).
// A stream is a counter run through a 32-bit mixer (SplitMix32's finaliser): a key and a position give a
// number, with no state to carry and nothing to warm up.

import type { Dist } from "./persona-schema.js";

export type Random = () => number;

/** What a stream is for. A new purpose takes a new number; existing numbers never change meaning. */
export const PURPOSE = {
  persona: 1,
  profile: 2,
  open: 3,
  spend: 4,
  repay: 5,
  increases: 6,
  inquiries: 7,
  debt: 8,
  profileChanges: 9,
  income: 10,
  support: 11,
  hardship: 12,
  jiebeiOpen: 13,
  borrow: 14,
  jiebeiRepay: 15,
  declined: 16,
  cut: 17,
  suspended: 18,
  restored: 19,
  stress: 20,
  recovery: 21,
  instalments: 22,
  identity: 23,
  burden: 24,
} as const;

const GOLDEN = 0x9e3779b9;

/** SplitMix32's finaliser: a well-mixed 32-bit value of `z`. */
function mix32(z: number): number {
  let x = z | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A key extended by one more part. */
export function keyOf(key: number, part: number): number {
  // the part's high bits too: account indices and days fit 32 bits, seeds may not
  const high = Math.floor(part / 0x1_0000_0000);
  return mix32((key ^ mix32((part | 0) + GOLDEN) ^ mix32(high + 2 * GOLDEN)) + GOLDEN);
}

/** The key of a text (a persona's name): FNV-1a, then mixed. */
export function textKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A stream: uniform numbers in [0, 1) at positions 0, 1, 2, … of a key. Reused (`at`), never shared. */
export class Stream {
  private key = 0;
  private n = 0;

  /** Moves the stream to the start of `key`. */
  at(key: number): this {
    this.key = key;
    this.n = 0;
    return this;
  }

  next(): number {
    const z = (this.key + Math.imul(++this.n, GOLDEN)) | 0;
    return mix32(z) / 0x1_0000_0000;
  }

  /** The stream as a function. */
  readonly random: Random = () => this.next();
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

/**
 * A distribution read once into one shape, drawn as `draw` draws it (the same operations in the same
 * order, so the same numbers). A persona's distributions come in several shapes (a number, a range, a
 * median with or without bounds), so the field loads in `draw` see them all and V8 makes them
 * megamorphic — a lookup each, on every purchase amount of every account. A sampler has one shape.
 */
export class Sampler {
  /** 0: a constant (`lo`), 1: log-normal (`median`, `sigma`, within `lo`..`hi`), 2: uniform in `lo`..`hi` */
  private readonly kind: number;
  private readonly median: number;
  private readonly sigma: number;
  private readonly lo: number;
  private readonly hi: number;

  constructor(d: Dist) {
    if (typeof d === "number") {
      this.kind = 0;
      this.median = 0;
      this.sigma = 0;
      this.lo = d;
      this.hi = d;
    } else if ("median" in d) {
      this.kind = 1;
      this.median = d.median;
      this.sigma = d.sigma;
      this.lo = d.min ?? 0;
      this.hi = d.max ?? Number.POSITIVE_INFINITY;
    } else {
      this.kind = 2;
      this.median = 0;
      this.sigma = 0;
      this.lo = d.min;
      this.hi = d.max;
    }
  }

  /** `draw(rng, d)`. */
  draw(rng: Random): number {
    if (this.kind === 0) return this.lo;
    if (this.kind === 1) {
      const x = this.median * Math.exp(this.sigma * normal(rng));
      return Math.min(this.hi, Math.max(this.lo, x));
    }
    return this.lo + (this.hi - this.lo) * rng();
  }
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

/** Which persona account `index` belongs to: a draw of its own, against the cumulative shares. */
export function pickPersona(seed: number, index: number, cumulative: readonly number[]): number {
  const u = new Stream().at(keyOf(keyOf(keyOf(0, seed), PURPOSE.persona), index)).next();
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

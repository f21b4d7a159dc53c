// `--shard I/N`: a deterministic partition of the sorted file list into N contiguous chunks of nearly equal
// size (sizes differ by at most one). Shards 1…N together run every file exactly once.

import { InputError } from "../shared/errors.js";

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** `I/N` as typed (`test --shard`, `simulate --shard`); N beyond 2^53 is not a count a double holds
 *  exactly (the last shard would run nothing, and pass). No spaces, as no option's number takes them
 *  (`--accounts " 10"`, `--workers " 2"`): ` 1/2` was read as 1/2. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new InputError(`--shard must be I/N with 1 ≤ I ≤ N, got ${JSON.stringify(text)}`, {
      expected: "I/N, shard I of N, 1 ≤ I ≤ N",
      found: JSON.stringify(text),
      hint: "e.g. --shard 1/3, --shard 2/3, --shard 3/3 on three CI machines",
    });
  }
  return { index, count };
}

/** The items of shard `index` of `count`: contiguous, in order. */
export function shardOf<T>(items: readonly T[], { index, count }: Shard): T[] {
  const from = Math.floor(((index - 1) * items.length) / count);
  const to = Math.floor((index * items.length) / count);
  return items.slice(from, to);
}

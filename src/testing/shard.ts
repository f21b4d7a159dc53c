// `--shard I/N`: a deterministic partition of the sorted file list into N contiguous chunks of nearly equal
// size (sizes differ by at most one). Shards 1…N together run every file exactly once.

import { InputError } from "../shared/errors.js";
import { quoted } from "../shared/text.js";

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** The most shards a count can name: a larger one is no number a double holds exactly. */
export const MAX_SHARDS = Number.MAX_SAFE_INTEGER;

/** `I/N` as typed (`test --shard`, `simulate --shard`); N beyond 2^53 is not a count a double holds
 *  exactly (the last shard would run nothing, and pass). No spaces, as no option's number takes them
 *  (`--accounts " 10"`, `--workers " 2"`): ` 1/2` was read as 1/2. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  const details = {
    expected: "I/N, shard I of N, 1 ≤ I ≤ N",
    found: quoted(text),
    hint: "e.g. --shard 1/3, --shard 2/3, --shard 3/3 on three CI machines",
  };
  if (!m) throw new InputError(`--shard must be I/N with 1 ≤ I ≤ N, got ${quoted(text)}`, details);
  // what is wrong, said of the part that is: a count past the bound is no "I > N"
  const wrong = !Number.isSafeInteger(count)
    ? `N is too large (at most ${MAX_SHARDS})`
    : count < 1
      ? "N is 0: there is at least 1 shard"
      : index < 1
        ? "I is 0: shards count from 1"
        : index > count
          ? `I is greater than N (${count})`
          : null;
  if (wrong !== null) throw new InputError(`--shard ${text}: ${wrong}`, details);
  return { index, count };
}

/** The items of shard `index` of `count`: contiguous, in order. */
export function shardOf<T>(items: readonly T[], { index, count }: Shard): T[] {
  const from = Math.floor(((index - 1) * items.length) / count);
  const to = Math.floor((index * items.length) / count);
  return items.slice(from, to);
}

// `--shard I/N`: a deterministic partition of the sorted file list into N contiguous chunks of nearly equal
// size (sizes differ by at most one). Shards 1…N together run every file exactly once.

import { asciiDigits } from "../shared/digits.js";
import { InputError } from "../shared/errors.js";
import { quoted, withoutBlanks } from "../shared/text.js";

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
  if (!m)
    throw new InputError(`--shard must be I/N with 1 ≤ I ≤ N, got ${quoted(text)}`, {
      ...details,
      hint: meantShard(text) ?? details.hint,
    });
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

/** What to write for a shard typed almost right — said as the same number from a CI's variable is
 *  (CI_NODE_INDEX=٢: "set CI_NODE_INDEX=2"): in another script's digits, with spaces, or test's `auto`
 *  (simulate's alone: test is given the variables it reads). Undefined when it is none of those. */
function meantShard(text: string): string | undefined {
  const tight = text.replace(/\s/g, "");
  if (tight !== text && SHARD.test(tight)) return withoutBlanks(text, tight);
  const ascii = asciiDigits(tight);
  if (ascii !== tight && SHARD.test(ascii))
    return `write ${ascii}: a number is written in ASCII digits (0–9)`;
  // as typed: simulate reads an `auto` of its own, and never hands one here
  if (/^auto(\/\d+)?$/.test(text))
    return 'test takes I/N: in a GitLab job with `parallel:`, --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" (auto is simulate\'s)';
  return undefined;
}

const SHARD = /^\d+\/\d+$/;

/** The items of shard `index` of `count`: contiguous, in order. */
export function shardOf<T>(items: readonly T[], { index, count }: Shard): T[] {
  const from = Math.floor(((index - 1) * items.length) / count);
  const to = Math.floor((index * items.length) / count);
  return items.slice(from, to);
}

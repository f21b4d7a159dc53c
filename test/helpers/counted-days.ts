// Work counted, not timed: copies whose field (a step's `day`, a fact's `code`) counts how often it is read —
// how a test holds a renderer or checker to linear work on a hostile file without a timing that flakes.
import type { Step } from "../../src/engine/types.js";

/** Copies of `items` whose `key` counts its reads in `count` (shared by several lists, as a day's steps'
 *  facts are, when one is given). */
export function countingReads<T extends object>(
  items: readonly T[],
  key: keyof T,
  count: { reads: number } = { reads: 0 },
): { items: T[]; reads: () => number } {
  const counted = items.map((item) => {
    const copy = { ...item };
    Object.defineProperty(copy, key, {
      enumerable: true,
      get: () => {
        count.reads++;
        return item[key];
      },
    });
    return copy;
  });
  return { items: counted, reads: () => count.reads };
}

export function countingDayReads(steps: readonly Step[]): { steps: Step[]; reads: () => number } {
  const { items, reads } = countingReads(steps, "day");
  return { steps: items, reads };
}

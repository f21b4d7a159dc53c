// Spreading a list into a call's arguments (`Math.max(...xs)`, `out.push(...xs)`) puts every item on the
// stack: a list as long as a file allows (70,000 steps of notes) overflows it, an internal error on a
// valid input. Whatever may be as long as the input goes through these loops instead.

/** The largest of `values`, or `floor` when none is larger (Math.max without the spread). */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values`, or `ceiling` when none is smaller (Math.min without the spread). */
export function minOf(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** `items` appended to `target` one by one (push without the spread); returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** How many of `items` come before the first for which `before` is false — `items` ordered so that every
 *  one it holds true of comes first (steps by day, days ascending): a binary search. */
export function countBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

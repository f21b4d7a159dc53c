// Work counted, not timed: a copy of a trace's steps whose `day` counts how often it is read — how a test
// holds a renderer or checker to linear work on a hostile file without a timing that flakes.
import type { Step } from "../../src/engine/types.js";

export function countingDayReads(steps: readonly Step[]): { steps: Step[]; reads: () => number } {
  let reads = 0;
  const counted = steps.map((s) => {
    const copy = { ...s };
    Object.defineProperty(copy, "day", {
      enumerable: true,
      get: () => {
        reads++;
        return s.day;
      },
    });
    return copy;
  });
  return { steps: counted, reads: () => reads };
}

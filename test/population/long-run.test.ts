// `simulate --accounts 100000000 --days 36500` ran for days without a word: a run estimated at more than
// ten minutes of CPU is said before it starts — its size, its time, how to shard it — and still runs.

import { describe, expect, it } from "vitest";
import { LONG_RUN_CPU_SECONDS, longRunNotice, NS_PER_ACCOUNT_DAY } from "../../src/population/parallel.js";

describe("a long run is said before it starts", () => {
  it("says the size, the time on the threads it gets and how to shard it", () => {
    const days = 36_500 * 1e8;
    const notice = longRunNotice(1e8, 36_500, days, 2, 2);
    expect(notice).toMatch(/^100,000,000 accounts × 36,500 days is a long run: about 17 days of CPU/);
    expect(notice).toContain("about 12 days here on 2 threads");
    expect(notice).toMatch(/--shard 1\/\d+ … --shard (\d+)\/\1 with --json/);
    expect(notice).toContain("credit-sim merge");
    expect(notice).toContain("--workers");
  });

  it("is silent below ten minutes of CPU, and says one thread's time on one", () => {
    const limit = (LONG_RUN_CPU_SECONDS * 1e9) / NS_PER_ACCOUNT_DAY;
    expect(longRunNotice(100_000, 365, 100_000 * 365, 2, 2)).toBeNull();
    expect(longRunNotice(1, 1, limit, 2, 2)).toBeNull();
    expect(longRunNotice(1, 1, limit * 1.5, 1, 8)).toContain("about 15 min here on 1 thread.");
  });
});

import { describe, expect, it } from "vitest";
import { clampWorkers, MAX_WORKERS, workerCap } from "../../src/shared/workers.js";

describe("worker threads", () => {
  it("are clamped to the cores, and to MAX_WORKERS whatever the machine", () => {
    expect(clampWorkers(256, 2)).toBe(2);
    expect(clampWorkers(1, 8)).toBe(1);
    expect(clampWorkers(4, 8)).toBe(4);
    expect(workerCap(512)).toBe(MAX_WORKERS);
    expect(workerCap(0)).toBe(1);
  });
});

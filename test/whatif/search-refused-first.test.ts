// A file too long for a search of the smallest change is refused before anything runs: the whole file was
// simulated first (60,000 events: 9 s), then refused for its length, known from the moment it was read.
// The work is counted, not timed: the variants run.
import { describe, expect, it, vi } from "vitest";
import { MAX_SEARCH_EVENTS } from "../../src/whatif/search.js";
import { cli } from "../helpers/cli.js";
import { scenarioFile } from "./helpers.js";

const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/whatif/run.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/whatif/run.js")>();
  return {
    ...original,
    runVariant: (...args: Parameters<typeof original.runVariant>) => {
      runs.count++;
      return original.runVariant(...args);
    },
  };
});

const longFile = (name: string) =>
  scenarioFile(name, [
    "name: long",
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 5000 }",
    ...Array.from(
      { length: MAX_SEARCH_EVENTS },
      (_, i) => `  - { day: ${1 + (i % 300)}, type: purchase, amount: 1 }`,
    ),
  ]);

describe("whatif --avoid / --reach on a file too long for a search", () => {
  it("is refused before the file is run, with the bound and how to proceed", async () => {
    runs.count = 0;
    const r = await cli(["whatif", longFile("long-first.yaml"), "--avoid", "declined"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("too many events for a search of the smallest change");
    expect(r.stderr).toContain(`at most ${MAX_SEARCH_EVENTS} events`);
    expect(runs.count).toBe(0);
  });

  it("counts the events the edit flags leave: still too many, refused before any run; one removed, it runs", async () => {
    runs.count = 0;
    const file = longFile("long-edited.yaml");
    const refused = await cli(["whatif", file, "--set", "minScore=600", "--avoid", "declined"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`found:    ${MAX_SEARCH_EVENTS + 1} events`);
    expect(runs.count).toBe(0);
    const r = await cli(["whatif", file, "--remove", "2", "--avoid", "declined", "--budget", "1"]);
    expect(r.stderr).not.toContain("too many events");
    expect(runs.count).toBeGreaterThan(0);
  });
});

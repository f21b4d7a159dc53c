// What a what-if search runs, counted (never timed): customer service's answers and the variants' runs.
//
// A counterfactual search weighs the lender's decisions, and customer service's answers are none of them:
// working one out runs the account ahead to its next report, thousands of times what another step costs,
// and the search's bound on simulated steps counts steps. A timeline of 1,000 calls in a suspension took
// 51 s a run, and `whatif --avoid suspended` on it was still searching after 300 s. Its runs leave the
// answers out; the timeline and the suggestion shown are run whole. The work is counted, not timed.
//
// A file too long for a search of the smallest change is refused before anything runs: the whole file was
// simulated first (60,000 events: 9 s), then refused for its length, known from the moment it was read.
// The work is counted, not timed: the variants run.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { MAX_SEARCH_EVENTS } from "../../src/whatif/search.js";
import { cli } from "../helpers/cli.js";
import { LATE, scenarioFile } from "./helpers.js";

const answers = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/engine/support/answer.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/support/answer.js")>();
  return {
    ...original,
    answerSupport: (...args: Parameters<typeof original.answerSupport>) => {
      answers.count++;
      return original.answerSupport(...args);
    },
  };
});

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

/** The late payer, suspended on day 70, calling customer service every day from day 86 to day 115. */
const CALLS = 30;
const callingFile = () => {
  const lines = readFileSync(LATE, "utf8").trimEnd().split("\n");
  const at = lines.findIndex((l) => l.includes("day: 85, type: repay"));
  const calls = Array.from({ length: CALLS }, (_, i) => `  - { day: ${86 + i}, type: contact_support }`);
  return scenarioFile("calls.yaml", [...lines.slice(0, at + 1), ...calls, ...lines.slice(at + 1)]);
};

const answersOf = async (args: string[]) => {
  answers.count = 0;
  const r = await cli(args);
  return { ...r, answers: answers.count };
};

describe("whatif --avoid / --reach on a timeline of calls to customer service", () => {
  it("works out the answers of the timeline and of the suggestion shown, none for the runs it tries", async () => {
    const file = callingFile();
    const saved = join(dirname(file), "suggested.yaml");
    const search = await answersOf(["whatif", file, "--avoid", "suspended", "--save", saved]);
    expect(search.status).toBe(0);
    expect(search.stdout).toContain("Smallest change to avoid the suspension");
    const tried = await cli(["whatif", file, "--avoid", "suspended", "--json"]);
    expect(JSON.parse(tried.stdout).search.tried).toBeGreaterThan(10);

    const timeline = await answersOf(["run", file]);
    const suggestion = await answersOf(["run", saved]);
    expect(timeline.answers).toBeGreaterThanOrEqual(CALLS);
    expect(search.answers).toBe(timeline.answers + suggestion.answers);
  });

  it("compares the suggestion run whole: its calls are answered as the timeline's, none a decision that differs", async () => {
    const r = await cli(["whatif", callingFile(), "--avoid", "suspended"]);
    expect(r.status).toBe(0);
    const from = r.stdout.indexOf("Decisions that differ");
    const differ = r.stdout.slice(from, r.stdout.indexOf("\n\n", from));
    expect(differ).toMatch(/^Decisions that differ \(\d+\)\n/);
    expect(differ).not.toContain("contact customer service");
  });
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

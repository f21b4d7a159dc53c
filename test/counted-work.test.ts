// Work counted, never timed: customer service's answers the engine works out, and what a what-if search
// runs (answers, variants). One file, isolated (the modules that count are mocked), where three such files
// each imported the CLI anew.
//
// Customer service's answer runs the account ahead to its next report — in a suspension thousands of times
// what another step costs: 300 calls on one day took 12 s, and a file of 100,000 would have kept a machine
// busy for an hour. A call with nothing changed since the last one answered (the same day, no other input in
// between) is given that answer again; anything taken in between, a copy of the state, another day, and the
// answer is worked out anew. The work is counted (answers worked out), never timed.
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
import { SUPPORT_ANSWERS_BOUND } from "../src/engine/support/bounded.js";
import { describeRemedy } from "../src/scenario/format.js";
import { MAX_SEARCH_EVENTS } from "../src/whatif/search.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepsOf } from "./engine/builders.js";
import { cli } from "./helpers/cli.js";
import { LATE, scenarioFile } from "./whatif/helpers.js";

const answers = vi.hoisted(() => ({ count: 0 }));
vi.mock("../src/engine/support/answer.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/engine/support/answer.js")>();
  return {
    ...original,
    answerSupport: (...args: Parameters<typeof original.answerSupport>) => {
      answers.count++;
      return original.answerSupport(...args);
    },
  };
});

const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock("../src/whatif/run.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/whatif/run.js")>();
  return {
    ...original,
    runVariant: (...args: Parameters<typeof original.runVariant>) => {
      runs.count++;
      return original.runVariant(...args);
    },
  };
});

/** Both lines open and used, income cut on day 40 and debt elsewhere taken on day 45: both suspended at
 *  the review of day 45, overdue by day 80. */
const SUSPENDED: EventInput[] = [
  on.open(0, 4000),
  on.open(0, 20_000, "jiebei"),
  on.purchase(5, 1500),
  on.borrow(10, 5000, 12),
  on.income(40, 2000),
  on.externalDebt(45, 100_000),
];
const PROFILE = { age: 27, monthlyIncome: 6000, creditHistoryMonths: 24, externalDebt: 50_000 };

const counted = (events: EventInput[]) => {
  answers.count = 0;
  const trace = run([...SUSPENDED, ...events], { policy: DEFAULT_POLICY, profile: PROFILE, until: 90 });
  return { trace, worked: answers.count };
};

/** A step as a trace shows it, without the event's place in the file. */
const said = (o: object) => JSON.stringify({ ...o, event: null });

describe("customer service's answer given again to a call with nothing changed since", () => {
  it("works out one answer for many calls on one day, each given the same", () => {
    const calls = Array.from({ length: 40 }, () => on.support(80));
    const { trace, worked } = counted(calls);
    const steps = stepsOf(trace, "contact_support");
    expect(steps).toHaveLength(40);
    expect([steps[0]!.status, steps[0]!.jiebei.status]).toEqual(["suspended", "suspended"]);
    expect(steps[0]!.remedies.length).toBeGreaterThan(0);
    expect(worked).toBe(1);
    const once = stepsOf(counted([on.support(80)]).trace, "contact_support")[0]!;
    for (const s of steps) expect(said(s)).toBe(said(once));
  });

  it("works the answer out anew after any other input, on another day, or beside a declined review", {
    tags: ["slow"],
  }, () => {
    expect(counted([on.support(80), on.note(80), on.support(80)]).worked).toBe(2);
    expect(counted([on.support(80), on.income(80, 2000), on.support(80)]).worked).toBe(2);
    expect(counted([on.support(80), on.support(81), on.support(81)]).worked).toBe(2);
    // the declined review's steps are an answer of their own, and the call after it is worked out again
    expect(counted([on.support(80), on.requestReview(80), on.support(80)]).worked).toBe(3);
  });
});

describe("the answers one run works out (SUPPORT_ANSWERS_BOUND)", () => {
  it("after 1,000 answers worked out, gives each line's standing and says its steps were not worked out", () => {
    expect(SUPPORT_ANSWERS_BOUND).toBe(1000);
    // a line used once and never repaid, a note between calls: each call worked out anew
    const calls = Array.from({ length: SUPPORT_ANSWERS_BOUND + 2 }, (_, i) => [
      on.note(20 + i),
      on.support(20 + i),
    ]);
    answers.count = 0;
    const trace = run([on.open(0, 4000), on.purchase(5, 100), ...calls.flat()], { policy: DEFAULT_POLICY });
    expect(answers.count).toBe(SUPPORT_ANSWERS_BOUND);
    const steps = stepsOf(trace, "contact_support");
    const last = steps[SUPPORT_ANSWERS_BOUND - 1]!;
    expect(last.remedies.map((r) => r.kind)).not.toContain("not_worked_out");
    for (const s of steps.slice(SUPPORT_ANSWERS_BOUND)) {
      // why the line stands as it does, as recorded (left unpaid, it was charged off), then the bound
      expect(s.remedies.map((r) => r.kind)).toEqual(["on_record", "not_worked_out"]);
      expect(s.remedies[0]).toMatchObject({
        status: "charged_off",
        reasons: ["CHARGED_OFF", "SERIOUS_DELINQUENCY"],
      });
      expect(s.remedies[1]).toEqual({
        line: "huabei",
        kind: "not_worked_out",
        limit: 1000,
        day: last.day,
        date: last.date,
      });
      expect(describeRemedy(s.remedies[1]!)).toBe(
        `not worked out ahead: this scenario asks for more than 1,000 answers (customer service's to a call, and the steps a declined early review or a lifted security hold comes with: as many as one run works out); the last answer worked out is on ${last.date} (day ${last.day})`,
      );
    }
  });
  it("says what it counted: a call after 1,000 declined early reviews is not told it asked customer service 1,000 times", () => {
    // the steps a declined early review comes with are answers worked out too: one call after them read
    // 'this scenario asks customer service more than 1,000 times' of a file that called it once
    const reviews = Array.from({ length: SUPPORT_ANSWERS_BOUND }, (_, i) => on.requestReview(20 + i));
    answers.count = 0;
    const trace = run([on.open(0, 4000), on.purchase(5, 100), ...reviews, on.support(1020)], {
      policy: DEFAULT_POLICY,
    });
    expect(answers.count).toBe(SUPPORT_ANSWERS_BOUND);
    const [call] = stepsOf(trace, "contact_support");
    const bound = call!.remedies.find((r) => r.kind === "not_worked_out")!;
    expect(bound).toMatchObject({ day: 1019 });
    expect(describeRemedy(bound)).toBe(
      "not worked out ahead: this scenario asks for more than 1,000 answers (customer service's to a call, and the steps a declined early review or a lifted security hold comes with: as many as one run works out); the last answer worked out is on 2026-10-16 (day 1019)",
    );
  });
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
  it("works out the answers of the timeline and of the suggestion shown, none for the runs it tries", {
    tags: ["slow"],
  }, async () => {
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

  it("counts the events the edit flags leave: still too many, refused before any run; one removed, it runs", {
    tags: ["slow"],
  }, async () => {
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

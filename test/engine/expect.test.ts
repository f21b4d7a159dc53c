// Expectations read one line: a check on the wrong line says where that day's decisions are.

import { describe, expect, it } from "vitest";
import { checkAll, checkExpectation, type Expectation, simulate } from "../../src/engine/index.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { checkLine } from "../../src/testing/check-text.js";
import { ROOT } from "../helpers/cli.js";
import { countingDayReads } from "../helpers/counted-days.js";
import { scenario as build, on } from "./builders.js";

const { scenario } = loadScenario(`${ROOT}scenarios/two-lines.yaml`);
const trace = simulate({ ...scenario, observe: [227] });

describe("checkExpectation", () => {
  it("reads decisions on the line named, and points at the other line's when it finds none", () => {
    const onHuabei = checkExpectation(trace, {
      index: 0,
      day: 227,
      end: false,
      line: "huabei",
      decision: "restored",
    });
    expect(onHuabei.ok).toBe(false);
    expect(onHuabei.checks[0]!.actual).toBe(
      "no Huabei decision that day (Jiebei restored: say `line: jiebei` to read that line)",
    );
    const onJiebei = checkExpectation(trace, {
      index: 0,
      day: 227,
      end: false,
      line: "jiebei",
      decision: "restored",
    });
    expect(onJiebei.ok).toBe(true);
  });

  it("a decision expected on the wrong day names the day nearest it that the line made it", () => {
    const zhang = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`).scenario;
    const t = simulate({ ...zhang, observe: [227, 300] });
    const actual = (day: number, decision: "restored" | "suspended" | "charged_off") =>
      checkExpectation(t, { index: 0, day, end: false, line: "huabei", decision }).checks[0]!.actual;
    expect(actual(300, "restored")).toBe("no Huabei decision that day; restored on day 319 (review)");
    expect(actual(227, "restored")).toBe("suspended; restored on day 319 (review)");
    expect(actual(300, "suspended")).toBe("no Huabei decision that day; suspended on day 227 (review)");
    // never made: nothing to point at
    expect(actual(300, "charged_off")).toBe("no Huabei decision that day");
  });

  // "got approved_lower; approved on day 150" pointed at a purchase when the check was on an application's day:
  // the nearest decision of the kind of step the day decided is named, with its kind
  it("names the nearest step of the kind the day decided, not a nearer one of another kind", () => {
    const t = simulate(
      build(
        [
          on.open(0, 5_000),
          on.increase(100, 1_000),
          on.purchase(150, 100),
          // past the product's maximum: approved lower
          on.increase(151, 100_000),
          on.purchase(160, 100_000),
        ],
        { observe: [151] },
      ),
    );
    const check = (day: number, decision: "approved" | "declined") =>
      checkExpectation(t, { index: 0, day, end: false, line: "huabei", decision }).checks[0]!.actual;
    // the purchase the day before is nearer: an application's approval is what the check asked about
    expect(check(151, "approved")).toBe("approved_lower; approved on day 100 (apply increase)");
    // no application was declined: the nearest step of any kind that was, named as such
    expect(check(151, "declined")).toBe("approved_lower; declined on day 160 (purchase)");
  });
});

describe("a value read at the day's end", () => {
  // an expectation reads the end of its day: the day's interest and penalties are charged, and a month's
  // end reported, after its last step. A failed check that says only "got ¥4,010.00" beside a day whose
  // one step shows ¥4,008.00 reads as a wrong number; it says the last step's too
  it("a balance: the day's charges come after the last step, and the check says both", () => {
    const zhang = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`).scenario;
    const t = simulate({ ...zhang, observe: [227, 229] });
    const review = t.steps.find((s) => s.day === 227 && s.event.type === "review")!;
    expect(review.balance).toBe(400_800);
    const read = (day: number, fen: number) =>
      checkExpectation(t, { index: 0, day, end: false, line: "huabei", balance: { min: fen, max: fen } })
        .checks[0]!;
    const copied = read(227, 400_800);
    expect(copied).toMatchObject({ ok: false, actual: "4010.00", lastStep: "4008.00" });
    expect(checkLine(copied)).toBe(
      "balance: expected ¥4,008.00, got ¥4,010.00 at the day's end (¥4,008.00 after its last step, before the day's charges and month-end report)",
    );
    // passed, or the same after the last step: nothing more to say
    expect(read(227, 401_000).lastStep).toBeUndefined();
    expect(read(229, 100).lastStep).toBeUndefined();
  });

  it("a score: the month-end report comes after the last step", () => {
    // ¥4,500 bought on 31 January: the step reads the utilisation reported before; the day's end reports it
    const t = simulate(build([on.open(0, 5_000), on.purchase(30, 4_500)], { observe: [30] }));
    const step = t.steps.find((s) => s.day === 30)!;
    const end = t.snapshots.get(30)!.score;
    expect(end).not.toBe(step.score);
    const check = checkExpectation(t, {
      index: 0,
      day: 30,
      end: false,
      line: "huabei",
      score: { min: step.score, max: step.score },
    }).checks[0]!;
    expect(check).toMatchObject({ ok: false, actual: String(end), lastStep: String(step.score) });
  });
});

describe("checkAll", () => {
  // each expectation filtered the whole trace for its day's steps (and copied it for the step before a
  // day with none): 60,000 expectations of a day of 40,000 steps ran out of memory after minutes. The
  // work is counted, not timed: how often a step's day is read
  it("reads each step a few times, however many expectations there are", () => {
    const busy = build([on.open(0, 5_000), ...Array.from({ length: 2_000 }, () => on.purchase(1, 1))], {
      until: 60,
    });
    const t = simulate(busy);
    const { steps, reads: read } = countingDayReads(t.steps);
    const expectations: Expectation[] = Array.from({ length: 3_000 }, (_, i) => ({
      index: i,
      // the busy day; a day with no step (the nearest before it is found); a decision not made there
      day: [1, 3, 40][i % 3]!,
      end: false,
      line: "huabei",
      ...(i % 3 === 2 ? { decision: "declined" as const } : { status: "active" as const }),
    }));
    const results = checkAll({ ...t, steps }, expectations);
    expect(read()).toBeGreaterThan(0); // the count counts
    expect(read()).toBeLessThan(20 * (steps.length + expectations.length));
    expect(results[0]!.steps.filter((s) => s.event.type === "purchase")).toHaveLength(2_000);
    expect(results[1]!.steps).toEqual([]);
    expect(results[1]!.nearest?.day).toBe(1);
    expect(results[2]!.ok).toBe(false);
  });
});

describe("a cause read on a line closed as left unused", () => {
  // such a closure has its own cause, `dormant`: a file that says `policy` (what it was once called, and
  // what a change of policy's closure is) fails, and is told what to write
  const UNUSED = [
    "name: unused",
    "start: 2024-01-01",
    "until: 420",
    "policy: default",
    "profile: { age: 50, monthlyIncome: 12000, verified: true, creditHistoryMonths: 100, externalDebt: 0 }",
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 6000 }",
    "  - { day: 10, type: purchase, amount: 300 }",
    "  - { day: 35, type: repay, amount: full }",
  ].join("\n");
  it("fails `policy` and says to write `dormant`", () => {
    const t = simulate({ ...loadScenarioText(UNUSED, "unused.yaml").scenario, observe: [411] });
    const read = (cause: "policy" | "dormant") =>
      checkExpectation(t, { index: 0, day: 411, end: false, line: "huabei", cause }).checks[0]!;
    expect(read("dormant").ok).toBe(true);
    const policy = read("policy");
    expect(policy).toMatchObject({ ok: false, expected: "policy", actual: "dormant" });
    expect(checkLine(policy)).toBe(
      "cause: expected policy, got dormant — a line closed as left unused (DORMANT_ACCOUNT) has its own cause: write `cause: dormant`",
    );
  });
});

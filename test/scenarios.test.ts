// Scenario files are test data: every shipped scenario is replayed and its expectations checked, and the
// stories the seed article tells are asserted step by step (what was decided, when, and why).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explain, REASONS, reasonInputs, type Step, score, scoreReasons } from "../src/engine/index.js";
import { citesEveryCharacteristic, saysCharacteristic } from "../src/engine/verdict.js";
import { runScenario } from "../src/run-scenario.js";
import { adviceOf, reasonAdvice } from "../src/scenario/format/advice.js";
import { reasonTextIn } from "../src/scenario/format/reason-words.js";
import { describeEvent, describeFact, describeRemedy } from "../src/scenario/format.js";
import { loadScenarioText } from "../src/scenario/load.js";
import { ROOT } from "./helpers/cli.js";

const SCENARIOS = join(ROOT, "scenarios");
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith(".yaml"));
const FIXTURES = readdirSync(join(ROOT, "test/fixtures/scenarios")).filter((f) => f.endsWith(".yaml"));

// a scenario file's run, once: several tests read each shipped file's and fixture's trace (none changes it)
const runs = new Map<string, ReturnType<typeof runScenario>>();
const ran = (path: string) => {
  const run = runs.get(path) ?? runScenario(path);
  runs.set(path, run);
  return run;
};

const decisions = (steps: readonly Step[]) =>
  steps.filter((s) => s.decision !== null && s.decision !== "info");

describe("every shipped scenario", () => {
  it("ships the Zhang Ming story and one scenario per cause of deactivation", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "zhang-ming.yaml",
        "financial-burden.yaml",
        "security-suspension.yaml",
        "policy-adjustment.yaml",
        "good-customer.yaml",
        "two-lines.yaml",
        "default-charge-off.yaml",
        "first-credit.yaml",
      ]),
    );
  });

  it.each(files)("%s: every decision carries at least one reason code", (file) => {
    const { trace } = ran(join(SCENARIOS, file));
    const silent = trace.steps.filter((s) => s.decision !== null && s.reasons.length === 0);
    expect(silent.map((s) => `${s.day} ${s.event.type} ${s.decision}`)).toEqual([]);
    expect(trace.steps.some((s) => s.decision !== null)).toBe(true);
  });

  it.each(files)(
    "%s: adverse decisions cite at most four reasons, each score reason costing points",
    (file) => {
      const { trace } = ran(join(SCENARIOS, file));
      const problems: string[] = [];
      for (const s of decisions(trace.steps)) {
        if (s.reasons.length > 4) problems.push(`day ${s.day}: ${s.reasons.length} reasons`);
        for (const f of explain(s.inputs)) {
          if (s.reasons.includes(f.characteristic.reason) && f.points >= f.characteristic.max)
            problems.push(`day ${s.day}: ${f.characteristic.reason} cited at its maximum`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  // Regulation B: a score that fell short is no specific reason by itself — a decision on a score rule
  // says the characteristic that cost the customer the most (itself, or a rule about it: OVERDUE_OUTSTANDING
  // says OVERDUE_NOW), even when four rules would fill every place (a cut of a suspended line 115 points
  // short on due dates missed once cited SCORE_BELOW_LIMIT_BAND, NOT_RESTORED_YET, OVERDUE_OUTSTANDING and
  // SCORE_BELOW_RESTORE: twice "the score is too low", never the due dates missed)
  it.each([
    ...files.map((f) => join(SCENARIOS, f)),
    ...FIXTURES.map((f) => join(ROOT, "test/fixtures/scenarios", f)),
  ])("%s: a decision on a score rule says the characteristic costing the most", (path) => {
    const { trace } = ran(path);
    const problems: string[] = [];
    for (const s of decisions(trace.steps)) {
      if (!s.reasons.some(citesEveryCharacteristic)) continue;
      const top = scoreReasons({ points: score(s.inputs).points, inputs: s.inputs }, 1)[0];
      if (top === undefined) continue;
      if (!saysCharacteristic(s.reasons, top))
        problems.push(`day ${s.day} ${s.decision}: ${s.reasons.join(", ")} — not ${top}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(files)("%s meets its own expectations", (file) => {
    const run = ran(join(SCENARIOS, file));
    const failed = run.results
      .filter((r) => !r.ok)
      .map((r) => ({ day: r.expectation.day, checks: r.checks.filter((c) => !c.ok) }));
    expect(run.results.length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  });
});

describe("Zhang Ming (the seed article)", () => {
  const { trace } = ran(join(SCENARIOS, "zhang-ming.yaml"));
  const steps = trace.steps;

  it("declines the later limit-increase applications, citing the applications", () => {
    const increases = steps.filter((s) => s.event.type === "apply" && s.event.product === "increase");
    expect(increases.length).toBeGreaterThanOrEqual(4);
    const later = increases.slice(-3);
    expect(later.every((s) => s.decision === "declined")).toBe(true);
    expect(later.flatMap((s) => s.reasons)).toContain("TOO_MANY_APPLICATIONS");
  });

  it("has one or two short overdues before the suspension, and the score plummets", () => {
    const suspension = steps.find((s) => s.decision === "suspended")!;
    const overdues = steps.filter((s) => s.event.type === "overdue" && s.day <= suspension.day);
    expect(overdues.length).toBeGreaterThanOrEqual(1);
    expect(overdues.length).toBeLessThanOrEqual(2);
    for (const o of overdues) expect(o.overdueDays).toBeLessThan(10);
    const peak = Math.max(...steps.filter((s) => s.day < suspension.day).map((s) => s.score));
    expect(peak - suspension.score).toBeGreaterThanOrEqual(150);
  });

  it("is suspended for credit citing both the overdues and the frequent applications", () => {
    const suspension = steps.find((s) => s.decision === "suspended")!;
    expect(suspension.cause).toBe("credit");
    expect(suspension.reasons).toEqual(
      expect.arrayContaining(["PAST_DUE_AT_REVIEW", "OVERDUE_RECENT", "INQUIRIES_30D"]),
    );
    expect(suspension.reasons.length).toBeLessThanOrEqual(4);
  });

  it("pays the arrears, and customer service names the reasons and what to do", () => {
    const suspension = steps.find((s) => s.decision === "suspended")!;
    const repaid = steps.find((s) => s.event.type === "repay" && s.day > suspension.day)!;
    expect(repaid.balance).toBe(0);
    const support = steps.find((s) => s.event.type === "contact_support" && s.day > repaid.day)!;
    expect(support.decision).toBe("info");
    // the reasons true today (the clean period), and the suspension's own reasons on record, dated
    expect(support.reasons[0]).toBe("OVERDUE_TOO_RECENT");
    expect(support.remedies[0]).toMatchObject({
      kind: "on_record",
      day: suspension.day,
      reasons: suspension.reasons,
    });
    const remedies = support.remedies.map((r) => r.kind);
    expect(remedies).toContain("keep_clean_until");
    expect(remedies).toContain("wait_for_review");
  });

  it("is restored by a periodic review after months of clean behaviour", () => {
    const suspension = steps.find((s) => s.decision === "suspended")!;
    const restored = steps.find((s) => s.decision === "restored")!;
    expect(restored.event.type).toBe("review");
    expect(restored.day - suspension.day).toBeGreaterThanOrEqual(60);
    expect(restored.reasons).toEqual(expect.arrayContaining(["ARREARS_CLEARED", "SCORE_RECOVERED"]));
    expect(trace.final.status).toBe("active");
  });

  it("pays penalties for his overdue days, kept apart from revolving interest", () => {
    expect(trace.final.penalties).toBeGreaterThan(0);
    expect(trace.final.penalties).toBeLessThanOrEqual(trace.final.charges);
    // he never paid a bill at the minimum: every charge is a penalty
    expect(trace.final.penalties).toBe(trace.final.charges);
  });

  it("every score change names the characteristics that moved", () => {
    for (const s of steps.filter((x) => x.scoreDelta !== 0)) {
      const sum = s.moves.reduce((acc, m) => acc + (m.to - m.from), 0);
      expect(sum).toBe(s.scoreDelta);
    }
  });
});

describe("the three causes of deactivation", () => {
  it("financial burden: the limit is cut, then the account suspended for debt, with no missed payment", () => {
    const { trace } = ran(join(SCENARIOS, "financial-burden.yaml"));
    const d = decisions(trace.steps);
    const cut = d.find((s) => s.decision === "limit_reduced")!;
    const suspension = d.find((s) => s.decision === "suspended")!;
    expect(cut.day).toBeLessThan(suspension.day);
    expect(suspension.reasons).toEqual(
      expect.arrayContaining(["DEBT_TO_INCOME_TOO_HIGH", "HIGH_DEBT_BURDEN"]),
    );
    expect(trace.steps.filter((s) => s.event.type === "overdue")).toEqual([]);
  });

  it("abnormal behaviour: profile changes suspend for security; verifying identity restores", () => {
    const { trace } = ran(join(SCENARIOS, "security-suspension.yaml"));
    const suspension = trace.steps.find((s) => s.decision === "suspended")!;
    expect(suspension.event.type).toBe("change_profile");
    expect(suspension.cause).toBe("security");
    const restored = trace.steps.find((s) => s.decision === "restored")!;
    expect(restored.event.type).toBe("verify_identity");
  });

  it("policy adjustment: an account that met the old policy is suspended citing the change", () => {
    const { trace } = ran(join(SCENARIOS, "policy-adjustment.yaml"));
    const change = trace.steps.find((s) => s.event.type === "policy")!;
    const suspension = trace.steps.find((s) => s.decision === "suspended")!;
    expect(
      decisions(trace.steps.filter((s) => s.day < change.day)).every((s) => s.decision === "approved"),
    ).toBe(true);
    expect(suspension.cause).toBe("policy");
    expect(suspension.reasons[0]).toBe("POLICY_CHANGE");
    expect(suspension.policy).toBe("tightened");
  });
});

describe("a closure for policy over a Huabei instalment plan (test/fixtures/scenarios)", () => {
  const file = join(ROOT, "test/fixtures/scenarios/policy-closure-instalments.yaml");
  const run = ran(file);
  const steps = run.trace.steps;

  it("meets its expectations: closed for policy, and repaid month by month to the plan's end", () => {
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    expect(steps.filter((s) => s.event.type === "overdue")).toEqual([]);
  });

  it("calls in the revolving balance on one closing statement; the plan is billed an instalment a month", async () => {
    const { describeEvent } = await import("../src/scenario/format.js");
    const closure = steps.find((s) => s.decision === "closed")!;
    const statements = steps.filter((s) => s.event.type === "statement" && s.day >= closure.day);
    const said = statements.map((s) => describeEvent(s));
    expect(said[0]).toMatch(/^closing statement .*; instalment plans run to term, ¥400\.00 not yet billed$/);
    // the months after it are statements, each with one ¥200.00 instalment and its fee
    expect(said.slice(1)).toHaveLength(2);
    for (const s of said.slice(1))
      expect(s).toMatch(/^statement ¥200\.00 new \(of it ¥200\.00 instalments\) \+ ¥9\.00 fees/);
    // customer service: what falls due when, not the whole balance now
    const support = steps.find((s) => s.event.type === "contact_support")!;
    const pay = support.remedies.find((r) => r.kind === "pay_balance");
    expect(pay).toMatchObject({ toTerm: { day: 161, lastDay: 191 } });
  });
});

describe("stories a reviewer played (test/fixtures/scenarios)", () => {
  const story = (name: string) => ran(join(ROOT, "test/fixtures/scenarios", name));

  it("Jiebei written off: what falls due after it is the rest of the loan, called in, not an instalment", () => {
    const run = story("jiebei-defaulted-huabei-paid.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const dues = run.trace.steps.filter((s) => s.event.type === "due" && s.line === "jiebei");
    const [regular, after] = [dues.filter((s) => s.day < 250), dues.filter((s) => s.day > 250)];
    // ¥12,000 over 12 months: each month's instalment about ¥1,100, then on day 254, after the write-off
    // on day 250, ¥5,054.00 — September's and the four after it at once, which read "instalment due today"
    expect(regular.length).toBe(6);
    for (const s of regular) expect(describeEvent(s)).toMatch(/^Jiebei instalment due today ¥1,\d{3}\.\d\d$/);
    expect(after.map((s) => [s.day, describeEvent(s)])).toEqual([
      [254, "Jiebei due today ¥5,054.00: the rest of its loans, called in"],
    ]);
    expect(after[0]!.event).toMatchObject({ type: "due", calledIn: true });
  });

  it("a late cure, then cash: Jiebei lends a month after the arrears are cleared, not after the due date", () => {
    const run = story("late-cure-then-cash.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const cured = steps.find((s) => s.event.type === "repay")!;
    expect(cured.day).toBe(97);
    // 28 days past due when cleared: the due date was day 69, so a month from it would be day 99
    expect(steps.find((s) => s.event.type === "overdue")!.day).toBe(73);
    const support = steps.find((s) => s.event.type === "contact_support")!;
    expect(support.remedies).toContainEqual(
      expect.objectContaining({ line: "jiebei", kind: "wait_to_draw", day: 127, wait: 30 }),
    );
    const early = steps.find((s) => s.event.type === "borrow" && s.day === 99)!;
    expect(early.facts[0]).toMatchObject({ code: "RECENT_MISSED_PAYMENT", threshold: 30, value: 2 });
    // the advice followed: the loan asked for on the day named is approved
    expect(steps.find((s) => s.event.type === "borrow" && s.day === 127)!.decision).toBe("approved");
  });

  it("an increase asked over the limit, weeks after a cut: declined with the numbers, the way back said truthfully, approved once waited (after the give-back too) and repaid", () => {
    const run = story("increase-after-cut-over-limit.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // the ¥6,000 line cut to ¥3,000 on day 105 below what is owed; an increase back to ¥6,000 on day 131
    const asked = steps.find((s) => s.event.type === "apply" && s.day === 131)!;
    expect(asked.decision).toBe("declined");
    expect(asked.facts).toEqual([
      { code: "INCREASE_TOO_SOON", parameter: "increaseCooldownDays", threshold: 90, value: 26 },
      expect.objectContaining({
        code: "UTILISATION_TOO_HIGH",
        parameter: "maxIncreaseUtilisation",
        threshold: 0.9,
      }),
    ]);
    const used = asked.facts[1]!;
    // ¥3,846.53 owed on a ¥3,000 limit: 128.22 %, said rounded up to the 0.1 % (never as the cap)
    expect(used.value).toBe(Math.ceil((384_653 / 300_000) * 1000) / 1000);
    // customer service on day 110: the day the cooldown since the cut ends, and the repayment that brings
    // the balance within 90 % of the ¥3,000 limit that day — on what it will owe then, each bill met at its
    // minimum until then (¥3,152.50), not today's ¥4,283.60 (¥1,583.60 was asked)
    const support = steps.find((s) => s.event.type === "contact_support")!;
    const cut = support.remedies.find((r) => r.kind === "limit_cut")!;
    expect(cut).toMatchObject({
      day: 105,
      increase: {
        day: 195,
        now: false,
        blocked: { code: "UTILISATION_TOO_HIGH", threshold: 0.9, amount: 45_250 },
      },
    });
    const said = describeRemedy(cut);
    expect(said).toContain("which can be made from 2024-07-14 (day 195)");
    expect(said).toContain(
      "(105.1 % vs maxIncreaseUtilisation 90 %) — repay at least ¥452.50 of the line's balance by 2024-07-14 (day 195) — of what it will owe then",
    );
    // the cooldown passed and the income back, the review of day 196 gives the ¥6,000 back unasked (the
    // income's cut, a constraint that no longer binds) — a raise of the limit: the increase asked four days
    // later is declined for the cooldown, which runs from it; the one asked once it has passed raises it
    expect(steps.find((s) => s.event.type === "review" && s.day === 196)).toMatchObject({
      decision: "limit_restored",
      limit: 600_000,
      facts: [expect.objectContaining({ code: "LIMIT_GIVEN_BACK", cleared: ["INCOME_BELOW_LIMIT"] })],
    });
    expect(steps.find((s) => s.event.type === "apply" && s.day === 200)).toMatchObject({
      decision: "declined",
      reasons: ["INCREASE_TOO_SOON"],
      facts: [{ code: "INCREASE_TOO_SOON", parameter: "increaseCooldownDays", threshold: 90, value: 4 }],
    });
    expect(steps.find((s) => s.event.type === "apply" && s.day === 290)).toMatchObject({
      decision: "approved",
      limit: 900_000,
    });
  });

  it("an increase, then a cut by income: the way back is said as it stands, and works once the income is back", () => {
    const run = story("cut-by-income.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const [low, back] = run.trace.steps.filter((s) => s.event.type === "contact_support");
    const cut = (s: Step) => s.remedies.find((r) => r.kind === "limit_cut");
    expect(cut(low!)).toMatchObject({
      from: 1_400_000,
      to: 800_000,
      // the cooldown runs from the cut (day 166): day 256
      increase: { day: 256, blocked: { code: "LIMIT_AT_INCOME_CAP", threshold: 800_000 } },
    });
    expect(cut(back!)).toMatchObject({ increase: { day: 256, now: false } });
    expect(cut(back!)).not.toHaveProperty("increase.blocked");
  });

  it("a suspended line's cut limit: the way back says the score that would decline the increase once restored", () => {
    // Li Na, day 140: Huabei suspended for the debt ratio, its limit cut to ¥3,000. Restored, an increase
    // asked from the day named is judged on the restored line: a score of 570, below the 700 an increase
    // needs, declines it — said, not offered as if it worked (the application on a suspended line is
    // refused unassessed, which named nothing)
    const { trace } = ran(join(SCENARIOS, "financial-burden.yaml"));
    const asked = trace.steps.find((s) => s.event.type === "contact_support" && s.day === 140)!;
    const cut = asked.remedies.find((r) => r.kind === "limit_cut");
    // (the balance over the cut limit declines it too: UTILISATION_TOO_HIGH, named first)
    expect(cut).toMatchObject({
      increase: {
        restored: true,
        blocked: { code: "UTILISATION_TOO_HIGH", parameter: "maxIncreaseUtilisation" },
      },
    });
    expect(describeRemedy(cut!)).toContain(
      "As things stand it would be declined: (1) the line's balance is too high",
    );
    // every rule that declines it is named, each with its step: the score and the debt ratio over the cap too
    expect(cut).toMatchObject({
      increase: {
        besides: [
          expect.objectContaining({
            code: "SCORE_BELOW_INCREASE_MINIMUM",
            parameter: "minIncreaseScore",
            threshold: 700,
          }),
          expect.objectContaining({ code: "DEBT_TO_INCOME_TOO_HIGH", threshold: 2 }),
        ],
      },
    });
    expect(describeRemedy(cut!)).toContain("; (2) credit score is below");
    expect(describeRemedy(cut!)).toMatch(
      /; \(3\) total debt exceeds what the policy allows for the income \([^)]*\) — pay down debt/,
    );
  });

  it("two causes at once: verifying lifts the security hold, and the credit suspension beneath it runs its course", () => {
    const run = story("two-causes-at-once.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const changes = steps.filter((s) => s.decision === "suspended" || s.decision === "restored");
    expect(changes.map((s) => [s.day, s.event.type, s.decision, s.cause])).toEqual([
      [26, "review", "suspended", "credit"],
      [60, "change_profile", "suspended", "security"],
      [66, "verify_identity", "suspended", "credit"],
      [179, "review", "restored", null],
    ]);
    // asked under both, customer service asks for both: the overdue paid, the identity verified
    const both = steps.find((s) => s.event.type === "contact_support")!;
    const kinds = both.remedies.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(["pay_overdue", "verify_identity"]));
    expect(kinds.indexOf("pay_overdue")).toBeLessThan(kinds.indexOf("verify_identity"));
    // the clean period runs from the repayment of day 64; the first review after it restores the line, as
    // the verification said
    const verified = steps.find((s) => s.event.type === "verify_identity")!;
    expect(verified.remedies).toContainEqual(expect.objectContaining({ kind: "keep_clean_until", day: 154 }));
    expect(verified.remedies).toContainEqual(expect.objectContaining({ kind: "wait_for_review", day: 179 }));
  });

  it("restored, then suspended again: each clean period runs from its own repayment, and the early review named restores", () => {
    const run = story("suspended-again.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const suspensions = steps.filter((s) => s.decision === "suspended").map((s) => s.day);
    const restorations = steps.filter((s) => s.decision === "restored").map((s) => s.day);
    expect(suspensions).toEqual([99, 252]);
    expect(restorations).toEqual([196, 350]);
    // customer service after the second repayment (day 260) names day 350 for an early review
    const support = steps.filter((s) => s.event.type === "contact_support").at(-1)!;
    expect(support.day).toBe(261);
    expect(support.remedies).toContainEqual(expect.objectContaining({ kind: "keep_clean_until", day: 350 }));
    const restored = steps.find((s) => s.day === 350 && s.decision === "restored")!;
    expect(restored.event.type).toBe("request_review");
    // its second spell is not charged to the first: nothing closes the line
    expect(steps.some((s) => s.decision === "closed")).toBe(false);
  });

  it("a hold over a suspension the policy let go: the review records nothing beneath it, and verifying leaves it ready", () => {
    const run = story("hold-over-a-ready-suspension.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // once the cap is back at 2, only the hold keeps the line suspended: no suspension is recorded anew
    // beneath it (it was one for credit, with no reason at all)
    const suspensions = steps.filter((s) => s.decision === "suspended");
    for (const s of suspensions) expect(s.reasons).not.toEqual([]);
    expect(suspensions.map((s) => [s.day, s.cause])).toEqual([
      [74, "policy"],
      [82, "security"],
      [120, "policy"],
    ]);
    expect(steps.find((s) => s.day === 105 && s.event.type === "review")!.decision).toBeNull();
  });

  it("a Jiebei-only borrower: an early review is about the line she has, and the way back is told on it", () => {
    const run = story("jiebei-only-borrower.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // nothing suspended: nothing to restore on Jiebei — not "no open account" about a Huabei never opened
    expect(steps.find((s) => s.event.type === "request_review" && s.day === 10)).toMatchObject({
      line: "jiebei",
      decision: "info",
      reasons: ["NOTHING_TO_REVIEW"],
    });
    // suspended on the next instalment's due day, 30 days after the first was missed; repaid on day 65, the
    // clean period ends on day 155 and the review of day 168 restores the line, as customer service said
    const answer = steps.find((s) => s.event.type === "contact_support" && s.day === 66)!;
    expect(answer.remedies).toContainEqual(
      expect.objectContaining({ line: "jiebei", kind: "keep_clean_until", day: 155 }),
    );
    expect(answer.remedies).toContainEqual(
      expect.objectContaining({ line: "jiebei", kind: "wait_for_review", day: 168 }),
    );
    expect(steps.filter((s) => s.decision === "restored").map((s) => [s.day, s.line])).toEqual([
      [168, "jiebei"],
    ]);
    // no step of the story is about a Huabei line she never had, but for none at all
    expect(steps.filter((s) => s.line === "huabei")).toEqual([]);
  });

  it("a debt cap lowered over a good payer: warned before the review; past due, asked for the overdue and the debt, not a score", () => {
    const run = story("cap-lowered-while-past-due.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const kinds = (day: number) =>
      steps.find((s) => s.event.type === "contact_support" && s.day === day)!.remedies.map((r) => r.kind);
    // the notice: the review of day 14 suspends, and how much to repay elsewhere before it
    expect(kinds(6)).toEqual(expect.arrayContaining(["review_suspends", "reduce_debt"]));
    // past due, score 754 (794 paid) against the 660 restoring needs: the overdue and the debt — once also
    // "raise the score from 754 today to 794", the customer's own score with the overdue paid
    expect(kinds(50)).toEqual(expect.arrayContaining(["pay_overdue", "reduce_debt"]));
    expect(kinds(50)).not.toContain("raise_score");
    // both done: only the clean period stands; the review it names restores the line, at what it keeps used
    const restored = steps.find((s) => s.decision === "restored")!;
    expect(restored).toMatchObject({ day: 166, event: { type: "review" } });
    expect(restored.reasons).toEqual(
      expect.arrayContaining(["ARREARS_CLEARED", "DEBT_BURDEN_REDUCED", "LIMIT_KEPT_ONCE_USED"]),
    );
    // told beforehand at what limit: "nothing more is needed … restores the line" once said nothing of the
    // ¥5,000 line coming back at ¥1,000
    const ready = steps
      .find((s) => s.event.type === "contact_support" && s.day === 150)!
      .remedies.find((r) => r.kind === "wait_for_review")!;
    expect(ready).toMatchObject({
      ready: true,
      day: 166,
      kept: { limit: restored.limit, of: 500_000, onceUsed: true },
    });
    expect(restored.limit).toBe(100_000);
    expect(describeRemedy(ready)).toMatch(
      /restores the line at ¥1,000\.00, not its ¥5,000\.00: the most it keeps once used/,
    );
    // a limit line management cuts, the once-used bound not binding, is said as that — not as kept once used
    if (ready.kind !== "wait_for_review" || ready.kept === undefined) throw new Error("no kept limit");
    expect(describeRemedy({ ...ready, kept: { ...ready.kept, onceUsed: false } })).toMatch(
      /restores the line at ¥1,000\.00, not its ¥5,000\.00: the policy's line management cuts it, as the review/,
    );
  });

  it("two suspensions in a year: a credit suspension, then a security hold over an overdue that becomes one", () => {
    const run = story("two-suspensions-in-a-year.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const changes = steps.filter((s) => s.decision === "suspended" || s.decision === "restored");
    expect(changes.map((s) => [s.day, s.event.type, s.decision, s.cause])).toEqual([
      [70, "overdue", "suspended", "credit"],
      [168, "review", "restored", null],
      [210, "change_profile", "suspended", "security"],
      [215, "verify_identity", "restored", null],
      [223, "overdue", "suspended", "credit"],
      [321, "review", "restored", null],
    ]);
    // under the hold, customer service asks for the overdue first (it suspends for credit on day 223 if
    // unpaid), then the verification
    const asked = steps.find((s) => s.event.type === "contact_support" && s.day === 211)!;
    const kinds = asked.remedies.map((r) => r.kind);
    expect(kinds.indexOf("pay_overdue")).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf("pay_overdue")).toBeLessThan(kinds.indexOf("verify_identity"));
    expect(asked.remedies.find((r) => r.kind === "pay_overdue")).toMatchObject({
      forCredit: { lines: ["huabei"] },
    });
  });

  it("cut, spent to the new limit, asked for more: the decline and customer service name the income's cap beside the other rules", () => {
    const run = story("cut-then-spent-then-asked.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const asks = run.trace.steps.filter((s) => s.event.type === "apply" && s.day > 0);
    // told only the cooldown on day 53, she would wait for its end and be declined for the cap no decision
    // had named
    expect(asks.map((s) => [s.day, s.decision, s.facts.map((f) => f.code)])).toEqual([
      [53, "declined", ["INCREASE_TOO_SOON", "UTILISATION_TOO_HIGH", "LIMIT_AT_INCOME_CAP"]],
      [136, "declined", ["LIMIT_AT_INCOME_CAP"]],
      [141, "approved", []],
    ]);
    expect(asks[0]!.facts[2]).toMatchObject({ threshold: 600_000, value: 1_100_000 });
    // customer service names every rule the way back meets on day 135, on what she will owe then: each bill
    // met at its minimum brings the ¥6,000 to ¥4,400 by then (under 90 % of the limit), so the cap alone —
    // as the application on day 136 finds it (a twin paying only minimums is declined for the cap alone too)
    const answer = run.trace.steps.find((s) => s.event.type === "contact_support")!;
    const cut = answer.remedies?.find((r) => r.kind === "limit_cut");
    expect(cut).toMatchObject({ increase: { day: 135, blocked: { code: "LIMIT_AT_INCOME_CAP" } } });
    expect(cut).not.toHaveProperty("increase.besides");
  });

  it("a debt burden paid down: a score customer service reads as the next review will says which review reads it", () => {
    const run = story("burden-paid-down.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const asked = run.trace.steps.find((s) => s.event.type === "contact_support")!;
    const fact = asked.facts.find((f) => f.code === "SCORE_BELOW_RESTORE")!;
    // 623 in the trace today, 658 at the review of day 105 (the four applications elsewhere aged by then):
    // said bare, '658 vs restoreScore 660' beside a score of 623 read as a misprint
    expect([asked.score, fact.value]).toEqual([623, 658]);
    expect(fact).toMatchObject({ readOn: 105, readOnDate: "2024-04-15" });
    expect(describeFact(fact)).toBe(
      "658 vs restoreScore 660, as the review on 2024-04-15 (day 105) reads it",
    );
    // a score read today is not marked: the early review's own
    const review = run.trace.steps.find((s) => s.event.type === "request_review")!;
    expect(review.facts.every((f) => f.readOn === undefined)).toBe(true);
  });

  it("a hold never verified over a suspension that has run its course closes the line for security", () => {
    const run = story("hold-never-verified.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const closure = run.trace.steps.find((s) => s.decision === "closed")!;
    expect(closure).toMatchObject({ day: 288, cause: "security" });
    expect(closure.reasons).toEqual(["LONG_SUSPENSION", "SECURITY_PROFILE_CHANGES"]);
  });
});

describe("an unused line's notice (test/fixtures/scenarios)", () => {
  const story = (name: string) => ran(join(ROOT, "test/fixtures/scenarios", name));
  const notices = (steps: readonly Step[]) => steps.filter((s) => s.event.type === "dormant_notice");

  it("told on 1 December that the review of 15 January closes it, then closed there as dormant", () => {
    const run = story("unused-line-notice.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    expect(notices(run.trace.steps).map((s) => [s.date, s.event])).toEqual([
      ["2024-12-01", { type: "dormant_notice", line: "huabei", closeDay: 380, closeDate: "2025-01-15" }],
    ]);
    const closure = run.trace.steps.find((s) => s.decision === "closed")!;
    expect(closure).toMatchObject({ date: "2025-01-15", cause: "dormant", reasons: ["DORMANT_ACCOUNT"] });
  });

  it("used after the notice: kept open at that review, nothing closed", () => {
    const run = story("unused-line-kept.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    expect(notices(run.trace.steps).map((s) => s.date)).toEqual(["2024-12-01"]);
    expect(run.trace.steps.some((s) => s.decision === "closed")).toBe(false);
  });
});

describe("the article's causes, as a newcomer tells them (test/fixtures/scenarios)", () => {
  const story = (name: string) => ran(join(ROOT, "test/fixtures/scenarios", name));
  const on = (steps: readonly Step[], type: string, date: string) =>
    steps.find((s) => s.event.type === type && s.date === date)!;

  it("a security hold, then the overdue beneath it: suspended for credit too, and verifying no longer restores it alone", () => {
    const run = story("hold-then-overdue.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // asked under the hold, 23 days past due: pay now, or the check of 11 March suspends it for credit too
    const pay = on(steps, "contact_support", "2024-03-04").remedies.find((r) => r.kind === "pay_overdue")!;
    expect(pay).toMatchObject({
      by: { day: 70, what: "suspension" },
      forCredit: { lines: ["huabei"], open: false },
    });
    expect(describeRemedy(pay)).toBe(
      "pay the overdue ¥3,033.00 now: unpaid at the end of 2024-03-11 (day 70), it is too long past due and Huabei, suspended already, is suspended for credit too: restoring it then needs the overdue paid and a clean period after it, whatever lifts the present suspension",
    );
    // what it said happens: the hold stays the status, the suspension for credit is beneath it
    expect(on(steps, "overdue", "2024-03-11")).toMatchObject({
      decision: "suspended",
      cause: "security",
      beneath: "credit",
    });
    // verifying a week after the repayment lifts the hold and leaves the suspension for credit
    expect(on(steps, "verify_identity", "2024-03-20")).toMatchObject({
      decision: "suspended",
      cause: "credit",
    });
    // the day customer service named after the repayment is the day the review restores it
    const asked = on(steps, "contact_support", "2024-03-13").remedies.find(
      (r) => r.kind === "wait_for_review",
    )!;
    expect(asked).toMatchObject({ day: 166 });
    expect(steps.find((s) => s.decision === "restored")).toMatchObject({
      day: 166,
      event: { type: "review" },
    });
  });

  it("a policy tightened past her reach, then loosened: only the lender's change restores it, and then at once", () => {
    const run = story("policy-tightened-then-loosened.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const said = on(steps, "contact_support", "2024-03-20")
      .remedies.map((r) => describeRemedy(r))
      .join("\n");
    expect(said).toContain(
      "no review restores the line under the current policy, whatever the customer does",
    );
    expect(said).toContain("only a change of the lender's policy (a lower minScore) would");
    // no review restores it while the tightened policy stands
    expect(steps.filter((s) => s.decision === "restored" && s.date < "2024-09-01")).toEqual([]);
    const after = on(steps, "contact_support", "2024-09-02")
      .remedies.map((r) => describeRemedy(r))
      .join("\n");
    expect(after).toContain("nothing more is needed");
    expect(on(steps, "request_review", "2024-09-03")).toMatchObject({ decision: "restored", limit: 300_000 });
  });

  it("profile changes: where the line is — the third within the 30-day window suspends, a day outside it does not", () => {
    const run = story("profile-changes-the-line.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const changes = steps.filter((s) => s.event.type === "change_profile");
    // four changes from January to March, never three within 30 days (1 February to 3 March is 31): none
    // suspends; three in June (1st, 15th, 30th) do, on the third, with the count and the policy's line
    expect(changes.filter((s) => s.decision === "suspended").map((s) => s.date)).toEqual(["2024-06-30"]);
    expect(changes.find((s) => s.decision === "suspended")!.facts).toEqual([
      {
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        threshold: 2,
        value: 3,
        // the 15 June change leaves the 30-day window on 15 July (day 196)
        window: 30,
        windowClearsOn: 196,
      },
    ]);
    expect(run.loaded.scenario.policy.securityWindowDays).toBe(30);
    // customer service says the one step that lifts the hold, and it does the day it is taken
    const asked = on(steps, "contact_support", "2024-07-02").remedies.map((r) => r.kind);
    expect(asked).toContain("verify_identity");
    expect(on(steps, "verify_identity", "2024-07-03")).toMatchObject({ decision: "restored", cause: null });
  });

  it("one or two short overdues: a day or two late is within the grace days; after them, overdue with its penalty, and nothing suspended", () => {
    const run = story("short-overdues-and-grace.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // no overdue before April: 11 February and 12 March are inside the 3 grace days, at no charge
    expect(steps.filter((s) => s.event.type === "overdue").map((s) => s.date)).toEqual([
      "2024-04-14",
      "2024-05-14",
    ]);
    // ¥1,000 past due from the day after the due day (the 10th) at 0.05 % a day: 3 days, then 4
    expect(on(steps, "repay", "2024-02-11").applied).toBe(100_000);
    expect(on(steps, "repay", "2024-03-12").applied).toBe(100_000);
    expect(on(steps, "repay", "2024-04-14").applied).toBe(100_150);
    expect(on(steps, "repay", "2024-05-15").applied).toBe(100_200);
    expect(decisions(steps).filter((s) => s.decision !== "approved")).toEqual([]);
    expect(
      run.trace.grid
        .huabei!.slice(0, 5)
        .map((m) => m.code)
        .join(""),
    ).toBe("*NN11");
  });
});

describe("stories of a fifth round (test/fixtures/scenarios)", () => {
  const story = (name: string) => ran(join(ROOT, "test/fixtures/scenarios", name));

  it("asks every week: asking costs nothing, and one application — the opening — is not met with 'stop applying'", () => {
    const run = story("asks-every-week.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const asks = run.trace.steps.filter(
      (s) => s.event.type === "contact_support" || s.event.type === "request_review",
    );
    expect(asks).toHaveLength(9);
    // a call or an early review asked for never moves the score
    expect(asks.filter((s) => s.scoreDelta !== 0 || s.moves.length > 0).map((s) => s.day)).toEqual([]);
    // day 7: the opening's application, in its milder words, and advice of that size
    const first = asks[0]!;
    expect(first.reasons).toContain("INQUIRIES_30D");
    expect(reasonTextIn("INQUIRIES_30D", reasonInputs(first))).toBe(REASONS.INQUIRIES_30D.mild);
    const advice = reasonAdvice(first.reasons, first);
    expect(advice.filter((a) => a.includes("stop applying"))).toEqual([]);
    expect(advice).toContain(REASONS.INQUIRIES_30D.mildAdvice);
    // the 6-month code's advice is held by it, not said beside it
    expect(advice).not.toContain(REASONS.INQUIRIES_180D.advice);
  });

  it("restored, then buys: the review restores the line after its day's purchases, and the answer before it says the next day", () => {
    const run = story("restored-then-buys.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const review = steps.find((s) => s.decision === "restored")!;
    // the morning's purchase is declined: the review is taken after the day's events
    const sameDay = steps.filter((s) => s.day === review.day && s.event.type === "purchase");
    expect(sameDay.map((s) => s.decision)).toEqual(["declined"]);
    expect(steps.find((s) => s.day === review.day + 1 && s.event.type === "purchase")?.decision).toBe(
      "approved",
    );
    // the day before, customer service names that review, and the day the line takes purchases again
    const asked = steps.find((s) => s.event.type === "contact_support" && s.day === review.day - 1)!;
    const wait = asked.remedies.find((r) => r.kind === "wait_for_review")!;
    expect(wait).toMatchObject({ ready: true, day: review.day });
    expect(describeRemedy(wait)).toContain(
      `on ${review.date} (day ${review.day}) restores the line; a review comes after its day's own purchases and repayments: the line can be used again from 2024-06-16 (day ${review.day + 1})`,
    );
  });

  it("two phones and one address: changes of any kind count together, and the day named is said with the way round it", () => {
    const run = story("two-phones-one-address.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const held = steps.find((s) => s.decision === "suspended")!;
    // two phone changes and an address: three changes, one too many for securityMaxChanges 2
    expect(held).toMatchObject({ day: 58, event: { type: "change_profile", field: "address" } });
    const fact = held.facts.find((f) => f.code === "SECURITY_PROFILE_CHANGES")!;
    expect(fact).toMatchObject({ value: 3, threshold: 2, window: 30, windowClearsOn: 80 });
    expect(describeFact(fact)).toBe(
      "3 vs securityMaxChanges 2 within 30 days; another change before day 80 is one too many, unless the identity is verified first",
    );
    // and so it is: verified on day 60, a device bound on day 67 (before day 80) holds nothing
    const device = steps.find((s) => s.event.type === "change_profile" && s.day === 67)!;
    expect(device).toMatchObject({ decision: null, status: "active" });
  });

  it("late on Jiebei only: Huabei feels it through the one score and its rules, each decision naming Jiebei, and nothing is suspended", () => {
    const run = story("late-on-jiebei-only.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.decision === "suspended")).toEqual([]);
    // the overdue is Jiebei's, and only Jiebei's record shows it
    expect(steps.filter((s) => s.event.type === "overdue").map((s) => [s.day, s.line])).toEqual([
      [167, "jiebei"],
    ]);
    expect(run.trace.grid.huabei!.map((m) => m.code).join("")).toBe("*NNNNNN*");
    expect(run.trace.grid.jiebei!.map((m) => m.code).join("")).toBe("*NN1NN");
    // Huabei's own decisions say where the cause lies
    const huabei = steps.filter((s) => s.line === "huabei" && s.decision === "declined");
    expect(huabei.map((s) => [s.day, s.reasons[0], s.facts[0]?.line])).toEqual([
      [170, "OVERDUE_OUTSTANDING", "jiebei"],
      [190, "RECENT_MISSED_PAYMENT", "jiebei"],
    ]);
    expect(describeFact(huabei[1]!.facts[0]!)).toBe("15 days vs increaseCleanDays 180 days, on Jiebei");
    // customer service, asked while it is past due, dates the suspension it would bring on both lines
    const asked = steps.find((s) => s.event.type === "contact_support")!;
    expect(asked.remedies[0]).toMatchObject({ kind: "pay_overdue", line: "jiebei" });
    expect(describeRemedy(asked.remedies[0]!)).toContain(
      "unpaid at the end of 2024-07-12 (day 193), it is too long past due and Huabei and Jiebei are suspended",
    );
  });

  it("a student asks every month: each request declined for what holds then, judged on the score before it, and each one costs points", () => {
    const run = story("student-asks-monthly.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const asks = run.trace.steps.filter((s) => s.event.type === "apply" && s.event.product === "increase");
    expect(asks.map((s) => s.decision)).toEqual([...Array(6).fill("declined"), "approved"]);
    // the cooldown after the opening is cited while it runs (90 days), never after
    expect(asks.map((s) => s.reasons.includes("INCREASE_TOO_SOON"))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    for (const s of asks) {
      // each application is an inquiry: the file after it scores lower than the one it was judged on
      expect(score(s.inputs).score).toBeLessThan(score(s.judged!).score);
      // the score it is judged on is the one before its own inquiry, and the number cited is that one
      const fact = s.facts.find((f) => f.code === "SCORE_BELOW_INCREASE_MINIMUM");
      if (fact !== undefined) expect(fact.value).toBe(score(s.judged!).score);
    }
    // granted up to the income's cap, once the record counts
    expect(asks.at(-1)).toMatchObject({ decision: "approved", limit: 300_000 });
  });

  it("the minimum for a year: every month paid as due, no penalty, the interest on what revolves, and advice to repay in full", () => {
    const run = story("minimum-for-a-year.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.event.type === "overdue" || s.decision === "suspended")).toEqual([]);
    expect(run.trace.grid.huabei!.map((m) => m.code).join("")).toBe("*NNNNNNNNNNNN");
    // each minimum repaid is the minimum its statement asked: 10 % of the bill, its charges in full
    const repaid = steps.filter((s) => s.event.type === "repay").map((s) => s.applied);
    expect(repaid.slice(0, 3)).toEqual([20_000, 39_710, 58_033]);
    // a bill not repaid in full is on the record, and customer service says what helps
    const asked = steps.find((s) => s.event.type === "contact_support")!;
    expect(asked.reasons).toContain("REVOLVING_BALANCE");
    expect(reasonAdvice(asked.reasons, asked)).toContain(REASONS.REVOLVING_BALANCE.advice);
  });

  it("repaid on the review day: the day's events come first, so that review reads the arrears cleared and the clean period from that day", () => {
    const run = story("repaid-on-review-day.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const day = run.trace.steps.filter((s) => s.date === "2024-03-15");
    expect(day.map((s) => s.event.type)).toEqual(["repay", "request_review", "contact_support", "review"]);
    const review = day.at(-1)!;
    // nothing past due any more: held for the clean period alone, counted from the repayment that morning
    expect(review.reasons).not.toContain("OVERDUE_OUTSTANDING");
    expect(review.facts.find((f) => f.code === "OVERDUE_TOO_RECENT")).toMatchObject({
      value: 0,
      threshold: 90,
    });
    // customer service, that day, dates the restoration the trace shows
    const restored = run.trace.steps.find((s) => s.decision === "restored")!;
    const asked = day.find((s) => s.event.type === "contact_support")!;
    expect(asked.remedies).toContainEqual(
      expect.objectContaining({ kind: "keep_clean_until", day: review.day + 90 }),
    );
    expect(asked.remedies).toContainEqual(
      expect.objectContaining({ kind: "wait_for_review", day: restored.day }),
    );
  });

  it("too many applications in 30 days are still told to stop applying", () => {
    // Zhang Ming's suspension (day 227) cites INQUIRIES_30D at its full words: five applications
    const { trace } = ran(join(SCENARIOS, "zhang-ming.yaml"));
    const suspended = trace.steps.find((s) => s.decision === "suspended")!;
    expect(suspended.reasons).toContain("INQUIRIES_30D");
    expect(reasonTextIn("INQUIRIES_30D", reasonInputs(suspended))).toBe(REASONS.INQUIRIES_30D.text);
    expect(adviceOf("INQUIRIES_30D", suspended)).toBe(REASONS.INQUIRIES_30D.advice);
  });
});

describe("stories of a sixth round (test/fixtures/scenarios)", () => {
  const story = (name: string) => ran(join(ROOT, "test/fixtures/scenarios", name));
  const at = (steps: readonly Step[], type: string, date: string) =>
    steps.find((s) => s.event.type === type && s.date === date)!;

  it("her son changes her phone once: within what the policy allows — no hold, a few points, nothing asked of her", () => {
    const run = story("son-changes-her-phone.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.status === "suspended")).toEqual([]);
    const change = at(steps, "change_profile", "2024-04-10");
    expect(change).toMatchObject({ decision: null, status: "active", scoreDelta: -8 });
    expect(change.moves.map((m) => m.characteristic)).toEqual(["profileChanges90d"]);
    // customer service asks for no verification, no repayment beyond the bill to come
    const asked = at(steps, "contact_support", "2024-04-20").remedies.map((r) => r.kind);
    expect(asked).not.toContain("verify_identity");
    expect(at(steps, "contact_support", "2024-04-20").reasons).not.toContain("SECURITY_PROFILE_CHANGES");
  });

  it("due at February's end: the leap day in 2024, the 28th in 2025 — the grace counted from each, and the penalty from the day after", () => {
    const run = story("due-at-february-end.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.event.type === "due").map((s) => s.date)).toEqual([
      "2024-02-29",
      "2025-02-28",
    ]);
    // repaid on 3 March 2024, the last grace day: on time, no charge
    expect(at(steps, "repay", "2024-03-03")).toMatchObject({ balance: 0, charges: 0, overdueDays: 0 });
    // 4 March 2025, a day after the grace: four days past due, three days' penalty (1, 2 and 3 March)
    expect(steps.filter((s) => s.event.type === "overdue").map((s) => [s.date, s.overdueDays])).toEqual([
      ["2025-03-04", 4],
    ]);
    expect(at(steps, "repay", "2025-03-04")).toMatchObject({ applied: 100_150, balance: 0, charges: 150 });
  });

  it("Jiebei repaid early: its interest to that day, the burden gone at the next month end, and Huabei's limit its own", () => {
    const run = story("jiebei-repaid-early.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const early = steps.find(
      (s) => s.event.type === "repay" && s.line === "jiebei" && s.date === "2024-02-20",
    )!;
    expect(early.jiebei).toMatchObject({ balance: 0, overdue: 0 });
    // 18,333.34 principal left after the first instalment, and its interest from 4 to 20 February
    expect(early.applied).toBeGreaterThan(1_833_334);
    expect(early.applied).toBeLessThan(1_833_334 + 20_000);
    // the debt leaves the score at the month end it is reported, read by the next step
    const after = at(steps, "purchase", "2024-03-05");
    expect(after.moves.find((m) => m.characteristic === "debtToIncome")!.to).toBeGreaterThan(
      after.moves.find((m) => m.characteristic === "debtToIncome")!.from,
    );
    expect(steps.every((s) => s.limit === 600_000 || s.status === "none")).toBe(true);
    expect(steps.filter((s) => s.decision === "declined")).toEqual([]);
  });

  it("Zhang Ming two years later: the old delinquency weighs for 24 months, its missed due dates for 12, and the same habits suspend him again", () => {
    const run = story("zhang-ming-two-years-later.yaml");
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // March 2026: August 2024's 8 days past due are within 24 months, its missed due dates past 12
    const march = reasonInputs(at(steps, "purchase", "2026-03-02"));
    expect(march.worstDaysPastDue24m).toBe(8);
    expect(march.missedDues12m).toBe(0);
    // the second suspension is the overdue's own, at 30 days, not a review's
    const suspended = steps.filter((s) => s.decision === "suspended").map((s) => [s.date, s.event.type]);
    expect(suspended).toEqual([
      ["2024-08-15", "review"],
      ["2026-05-10", "overdue"],
    ]);
    // customer service names the clean period's end and the review it lets restore the line
    const said = at(steps, "contact_support", "2026-05-19")
      .remedies.map((r) => describeRemedy(r))
      .join("\n");
    expect(said).toMatch(/repay every bill[a-z ]* on time until 2026-08-16 \(day 958\)/);
    expect(said).toContain("the first periodic review that can restore it is on 2026-09-15 (day 988)");
  });
});

describe("stories of a seventh round (test/fixtures/scenarios)", () => {
  const fixture = (name: string) => join(ROOT, "test/fixtures/scenarios", name);
  const at = (steps: readonly Step[], type: string, date: string) =>
    steps.find((s) => s.event.type === type && s.date === date)!;

  it("she moves twice in a week: customer service says until when one more change holds the line, and that day it does not", () => {
    const run = ran(fixture("moves-twice-in-a-week.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.status === "suspended")).toEqual([]);
    // two changes, 20 and 25 April: the policy's most within 30 days; the first leaves the window on 20 May
    const call = at(steps, "contact_support", "2024-04-26");
    expect(call.remedies).toContainEqual(
      expect.objectContaining({ kind: "change_holds", day: 80, date: "2024-05-20", changes: 2, window: 30 }),
    );
    const said = call.remedies.map((r) => describeRemedy(r)).join("\n");
    expect(said).toContain(
      "one more change of the bound phone, address, device or bank card before 2024-05-20 (day 80) puts a security hold on Huabei",
    );
    expect(said).toContain("verifying your identity first restarts the count");
    // the reasons' own advice is still given beside it (nothing to put right)
    expect(reasonAdvice(call.reasons, call)).toContain("keep the bound phone, address and device stable");
    // a day sooner, the same change would have held the line
    const file = fixture("moves-twice-in-a-week.yaml");
    const text = readFileSync(file, "utf8").replace(
      "date: 2024-05-20, type: change_profile",
      "date: 2024-05-19, type: change_profile",
    );
    const sooner = runScenario(loadScenarioText(text, file));
    expect(at(sooner.trace.steps, "change_profile", "2024-05-19")).toMatchObject({
      decision: "suspended",
      cause: "security",
    });
  });

  it("the lender lowers its limit bands: the review cuts the line, keeps it open, and customer service asks nothing she cannot do", () => {
    const run = ran(fixture("bands-lowered.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.status === "suspended")).toEqual([]);
    const cut = at(steps, "review", "2024-04-15");
    expect(cut.facts).toContainEqual(
      expect.objectContaining({ code: "LIMIT_ABOVE_PRODUCT_MAXIMUM", threshold: 800_000, value: 1_000_000 }),
    );
    // the answer: the cut and its reasons, and what helps — nothing, the largest limit being the lender's
    const call = at(steps, "contact_support", "2024-04-16");
    // said as it stands that day: the limit is already ¥8,000, the product's maximum — not "the product's
    // largest limit is now below the current limit (¥10,000 vs cap ¥8,000)", which the cut made false
    expect(call.reasons).toEqual(expect.arrayContaining(["POLICY_CHANGE", "LIMIT_AT_PRODUCT_MAXIMUM"]));
    expect(call.reasons).not.toContain("LIMIT_ABOVE_PRODUCT_MAXIMUM");
    expect(call.facts).toContainEqual(
      expect.objectContaining({ code: "LIMIT_AT_PRODUCT_MAXIMUM", threshold: 800_000 }),
    );
    expect(call.facts.filter((f) => f.value === 1_000_000)).toEqual([]);
    // the cut on record is said in its words for then
    const cutSaid = call.remedies.map((r) => describeRemedy(r)).join("\n");
    expect(cutSaid).toContain("the product's largest limit was below the limit the line had");
    expect(cutSaid).not.toContain("below the current limit");
    const advice = reasonAdvice(call.reasons, call);
    expect(advice).toContain(adviceOf("LIMIT_AT_PRODUCT_MAXIMUM", call));
    // a line that meets the policy is not asked to meet it: the change's advice points at the reasons with it
    expect(advice.join("\n")).not.toContain("meet the current policy's standard");
    expect(REASONS.POLICY_CHANGE).toMatchObject({ pointsAt: "reasons" });
  });

  it("the hold lifted, the overdue still there: verifying restores the line and says what the overdue left unpaid still brings", () => {
    const run = ran(fixture("hold-lifted-overdue-stays.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const verified = at(steps, "verify_identity", "2024-02-28");
    expect(verified).toMatchObject({ decision: "restored", status: "active", overdueDays: 18 });
    // the step says the overdue is to be paid, and what it costs: every purchase declined until then, and
    // at 30 days past due (the end of 11 March) a suspension for credit
    expect(verified.remedies).toContainEqual(
      expect.objectContaining({
        kind: "pay_overdue",
        line: "huabei",
        by: expect.objectContaining({ day: 70 }),
      }),
    );
    const said = verified.remedies.map((r) => describeRemedy(r)).join("\n");
    expect(said).toContain("unpaid at the end of 2024-03-11 (day 70)");
    expect(said).toContain("Huabei declines every purchase");
    // as customer service said two days before, under the hold
    const before = at(steps, "contact_support", "2024-02-26");
    expect(before.remedies.find((r) => r.kind === "pay_overdue")).toMatchObject({ by: { day: 70 } });
    // a restoration with nothing overdue beneath it says nothing more (the shipped security story)
    const clean = ran(join(SCENARIOS, "security-suspension.yaml")).trace.steps;
    expect(clean.filter((s) => s.event.type === "verify_identity").map((s) => s.remedies)).toEqual([[]]);
  });

  it("arrears paid in halves: half changes nothing — still suspended, the same score — and the clean period runs from the rest", () => {
    const run = ran(fixture("arrears-paid-in-halves.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const half = at(steps, "repay", "2024-03-17");
    expect(half).toMatchObject({ applied: 200_000, balance: 207_000, status: "suspended", scoreDelta: 0 });
    // the penalty runs on what is left: ¥2,070.00 at 0.05 % a day is ¥1.035, ¥1.03 by the next call
    const pay = (date: string) =>
      at(steps, "contact_support", date).remedies.find((r) => r.kind === "pay_overdue")!;
    expect(pay("2024-03-16")).toMatchObject({ amount: 406_800 });
    expect(pay("2024-03-18")).toMatchObject({ amount: 207_103 });
    // the clean period counted from paying the rest on the day asked: before the half, day 165 and the June
    // review; after it, day 167 and the July review — June's comes a day too soon
    const keep = (date: string) =>
      at(steps, "contact_support", date).remedies.find((r) => r.kind === "keep_clean_until")!;
    const review = (date: string) =>
      at(steps, "contact_support", date).remedies.find((r) => r.kind === "wait_for_review")!;
    expect(keep("2024-03-16")).toMatchObject({ day: 165, afterPaying: true });
    expect(review("2024-03-16")).toMatchObject({ day: 166 });
    expect(keep("2024-03-18")).toMatchObject({ day: 167, afterPaying: true });
    expect(review("2024-03-18")).toMatchObject({ day: 196 });
    // paid in full on 31 March: clean until 29 June, restored at the July review, as the last call says
    expect(keep("2024-04-01")).toMatchObject({ day: 180, afterPaying: false });
    expect(review("2024-04-01")).toMatchObject({ day: 196 });
    expect(steps.filter((s) => s.decision === "restored").map((s) => s.date)).toEqual(["2024-07-15"]);
  });

  it("debt elsewhere, nothing else: each loan costs points, the sixth crosses twice the income, and the way back is sized to the yuan", () => {
    const run = ran(fixture("debt-elsewhere-only.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    // no overdue, no application after the opening: only the debt ratio moves the score
    expect(steps.some((s) => s.overdueDays > 0)).toBe(false);
    for (const s of steps.filter((s) => s.event.type === "external_debt"))
      expect(s.moves.map((m) => m.characteristic).filter((c) => c !== "debtToIncome")).toEqual([]);
    const suspended = at(steps, "review", "2024-07-15");
    expect(suspended.facts).toContainEqual(
      expect.objectContaining({ code: "DEBT_TO_INCOME_TOO_HIGH", threshold: 2, value: 2.1 }),
    );
    // ¥150,500 counted against ¥72,000 a year: ¥6,500 repaid, or ¥6,271 a month, makes it 2.00 at most
    const debt = at(steps, "contact_support", "2024-08-28").remedies.find((r) => r.kind === "reduce_debt")!;
    expect(debt).toMatchObject({ repay: [{ debt: "elsewhere", amount: 650_000 }], income: 6271 });
    expect((150_500 - 6_500) / (12 * 6000)).toBeLessThanOrEqual(2);
    expect((150_500 - 6_499) / (12 * 6000)).toBeGreaterThan(2);
    expect(150_500 / (12 * 6271)).toBeLessThanOrEqual(2);
    expect(150_500 / (12 * 6270)).toBeGreaterThan(2);
  });

  it("starts on the 31st: the first bill is stated the next morning and due ten days later; each month's end purchase billed the next day", () => {
    const run = ran(fixture("starts-on-the-31st.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    const dates = (type: string) => steps.filter((s) => s.event.type === type).map((s) => s.date);
    expect(dates("statement")).toEqual(["2024-02-01", "2024-03-01", "2024-04-01"]);
    expect(dates("due")).toEqual(["2024-02-10", "2024-03-10", "2024-04-10"]);
    // the 13th is the last grace day: on time; the 14th is four days past due, three days' penalty
    expect(at(steps, "repay", "2024-02-13")).toMatchObject({ applied: 100_000, charges: 0 });
    expect(steps.filter((s) => s.event.type === "overdue").map((s) => [s.date, s.overdueDays])).toEqual([
      ["2024-04-14", 4],
    ]);
    expect(at(steps, "repay", "2024-04-14")).toMatchObject({ applied: 70_105, balance: 0 });
  });

  it("Zhang Ming told from the call backwards: events in any order play by their days — the shipped story's trace, step for step", () => {
    const told = ran(fixture("zhang-ming-told-backwards.yaml"));
    const shipped = ran(join(SCENARIOS, "zhang-ming.yaml"));
    expect(told.results.filter((r) => !r.ok)).toEqual([]);
    const view = (steps: readonly Step[]) =>
      steps.map((s) => [s.day, s.event.type, s.decision, s.reasons, s.score, s.limit, s.balance, s.status]);
    expect(view(told.trace.steps)).toEqual(view(shipped.trace.steps));
    const said = (steps: readonly Step[]) =>
      steps.filter((s) => s.event.type === "contact_support").map((s) => s.remedies);
    expect(said(told.trace.steps)).toEqual(said(shipped.trace.steps));
  });

  it("Zhang Ming's friend asks every week: each increase declined for what holds then, the score lowered, nothing suspended, and the day named is the day it is granted", () => {
    const run = ran(fixture("friend-asks-every-week.yaml"));
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    const steps = run.trace.steps;
    expect(steps.filter((s) => s.status !== "active")).toEqual([]);
    const asked = steps.filter((s) => s.event.type === "apply" && s.day > 91 && s.day < 181);
    expect(asked.map((s) => s.decision)).toEqual(Array(7).fill("declined"));
    // the cooldown alone for the first two; from the fourth application in 30 days, the count too
    expect(asked.map((s) => s.reasons.includes("TOO_MANY_APPLICATIONS"))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
    // the applications cost points, never below the excellent band
    expect(Math.min(...steps.map((s) => s.score))).toBeGreaterThanOrEqual(700);
    expect(at(steps, "apply", "2024-04-15").scoreDelta).toBeLessThan(0);
    // customer service names the day; the application that day is granted
    const call = at(steps, "contact_support", "2024-05-21");
    expect(call.remedies.find((r) => r.kind === "increase_from")).toMatchObject({ day: 181 });
    expect(at(steps, "apply", "2024-06-30")).toMatchObject({
      day: 181,
      decision: "approved",
      limit: 900_000,
    });
  });
});

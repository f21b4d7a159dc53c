// Customer service's answers, round 10, each followed through the engine: the trim of Jiebei's unused limit
// that the next review makes to restore Huabei is said on Jiebei's answer too, and Huabei's "as things stand
// today" says what holds it until then — not that nothing does; an opening whose score's band, judged once
// the line is used, is below the smallest line is given the score to reach and its steps; a cut limit's
// later increase is judged on what will be owed then (instalments paid as scheduled), its give-back says the
// cap no income lifts, and the review that trims Jiebei is said to cut it once.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { ROOT } from "../helpers/cli.js";
import { at, lastStep, twin, twinOf } from "../helpers/stories.js";
import { DEFAULT_POLICY, type EventInput, on, run, stateOn } from "./builders.js";

const answerOn = (events: EventInput[], o: object, day: number): Step =>
  run(events, o).steps.find((s: Step) => s.event.type === "contact_support" && s.day === day)!;

/** unused-jiebei-holds-huabei.yaml asked on day 280: Huabei suspended, Jiebei active at ¥36,000 and never
 *  drawn; the review of day 298 trims Jiebei's unused limit and restores Huabei. */
const FIXTURE = "unused-jiebei-holds-huabei.yaml";
const LAST = "  - { day: 293, type: repay, line: jiebei, amount: statement }";
const ASK = "  - { day: 280, type: contact_support }";

describe("the trim of Jiebei's unused limit the next review makes to restore Huabei", () => {
  const asked = twin(FIXTURE, [LAST, `${ASK}\n${LAST}`]);
  const said = at(asked.steps, "contact_support", 280);

  it("is said on Jiebei's answer, as on Huabei's: that review, and Jiebei's limit from and to what", () => {
    const huabei = said.remedies.find((r) => r.line === "huabei" && r.kind === "wait_for_review");
    const trims = huabei?.kind === "wait_for_review" ? huabei.trims : undefined;
    expect(trims).toMatchObject({ from: 3_600_000 });
    const jiebei = said.remedies.filter((r) => r.line === "jiebei");
    // (Jiebei's answer said nothing of it: its customer learnt of the trim from Huabei's wait alone)
    expect(jiebei).toContainEqual(
      expect.objectContaining({
        kind: "review_cuts",
        day: 298,
        from: 3_600_000,
        to: trims?.to,
        reasons: ["UNUSED_LIMIT_TRIMMED"],
      }),
    );
    const cut = jiebei.find((r) => r.kind === "review_cuts")!;
    const text = describeRemedy(cut, ["huabei", "jiebei"]);
    expect(text).toContain("on 2024-10-25 (day 298) trims the line's unused limit from ¥36,000.00 to");
    expect(text).toContain("restores Huabei");
  });

  it("comes true followed, nothing more done: that review trims Jiebei to the limit said", () => {
    const followed = twin(FIXTURE, [LAST, ASK]);
    const cut = said.remedies.find((r) => r.line === "jiebei" && r.kind === "review_cuts");
    const to = cut?.kind === "review_cuts" ? cut.to : undefined;
    expect(at(followed.steps, "review", 297, "jiebei")).toBeUndefined();
    expect(at(followed.steps, "review", 298, "jiebei")).toMatchObject({
      decision: "limit_reduced",
      reasons: ["UNUSED_LIMIT_TRIMMED"],
      jiebei: { limit: to },
    });
  });

  it("leaves Huabei's 'as things stand today' saying what holds it until then, as an early review cites it", () => {
    // (it said READY_TO_RESTORE, "nothing stands in the way", while the same answer said an early review
    // would not restore the line — only the periodic review's trim makes that true)
    expect(said.reasons).not.toContain("READY_TO_RESTORE");
    expect(said.reasons).toContain("LIMIT_KEPT_ONCE_USED");
    const early = twin(FIXTURE, [LAST, `${ASK}\n  - { day: 281, type: request_review }\n${LAST}`]);
    const declined = at(early.steps, "request_review", 281);
    expect(declined.decision).toBe("declined");
    expect(declined.reasons).toContain("LIMIT_KEPT_ONCE_USED");
    // the answer still promises the periodic review, nothing more to do
    const wait = said.remedies.find((r) => r.line === "huabei" && r.kind === "wait_for_review");
    expect(wait).toMatchObject({ day: 298, ready: true, early: null });
    expect(said.remedies.some((r) => r.line === "huabei" && r.kind === "raise_score")).toBe(false);
  });
});

type Raise = Extract<Remedy, { kind: "raise_score" }>;

/** No line yet, unverified, ¥30,000 a month and five years of history elsewhere: the smallest line raised
 *  to ¥4,000 and below 845 the score's band allows ¥3,000. Today's file scores 855, a band with a line —
 *  but judged once the line is used (the default grantUsedFraction: the ¥4,000 drawn), 815: a band below it. */
const bandOnceUsed: EventInput[] = [
  on.policy(0, {
    set: {
      minLimit: 4_000,
      limitBands: [
        { minScore: 620, maxLimit: 3_000 },
        { minScore: 845, maxLimit: 20_000 },
      ],
    },
  }),
];
const noLineYet = {
  until: 40,
  policy: DEFAULT_POLICY,
  profile: { creditHistoryMonths: 60, monthlyIncome: 30_000, verified: false },
};

describe("an opening whose score's band, judged once the line is used, is below the smallest line", () => {
  const said = answerOn([...bandOnceUsed, on.support(1)], noLineYet, 1);

  it("is given the score to reach — the gap to the first band with a line, on top of today's — and its steps", () => {
    const band = said.facts.find((f) => f.code === "LIMIT_BELOW_MINIMUM");
    expect(band).toMatchObject({ scoreOnceUsed: 815 });
    // (no score step was given: 'a higher score reaches a band with a line', and no score or step)
    const step = said.remedies.find((r): r is Raise => r.kind === "raise_score");
    expect(step).toMatchObject({ line: "huabei", current: 855, needed: 855 + (845 - 815) });
    expect(step!.drivers).toContain("IDENTITY_NOT_VERIFIED");
  });

  it("comes true followed: verified, the application is approved; not verified, declined", () => {
    const as = run([...bandOnceUsed, on.open(2, 4_000)], noLineYet, { answers: false });
    expect(stateOn(as, 2).decision).toBe("declined");
    const followed = run([...bandOnceUsed, on.verify(1), on.open(2, 4_000)], noLineYet, { answers: false });
    expect(stateOn(followed, 2).decision).toBe("approved");
  });
});

describe("a cut limit both an increase and the review giving it all back can restore", () => {
  // increase-asked-on-the-give-back-day.yaml: cut from ¥14,000 to ¥8,000 for a low income, the income back;
  // asked on day 205, an increase can be asked from day 256 and the review of day 258 gives it all back
  const FILE = "increase-asked-on-the-give-back-day.yaml";
  const ASKED = "  - { day: 258, type: apply, product: increase, amount: 2000 }";
  const APPROVED = "  - { day: 258, decision: approved }\n";
  const said = at(twin(FILE, [ASKED, ""], [APPROVED, ""]).steps, "contact_support", 205);
  const cut = said.remedies.find((r) => r.kind === "limit_cut")!;

  it("says what asking first gains and costs: two days, and an application the score reads", () => {
    expect(cut).toMatchObject({ increase: { day: 256 }, givenBack: { day: 258, gives: 1_400_000 } });
    // (both roads were offered side by side, as if the same)
    expect(describeRemedy(cut, ["huabei"])).toContain(
      "An application for no more than that brings it back at most 2 days sooner, and counts among recent applications, which the score reads for 6 months",
    );
  });

  it("comes true: asked for the cut's ¥6,000 on day 256, the ¥14,000 is back two days before the review gives it back unasked, the score lower for the application", () => {
    const asked = twin(
      FILE,
      [ASKED, "  - { day: 256, type: apply, product: increase, amount: 6000 }"],
      [APPROVED, ""],
    );
    const left = twin(FILE, [ASKED, ""], [APPROVED, ""]);
    expect(at(asked.steps, "apply", 256)).toMatchObject({ decision: "approved", limit: 1_400_000 });
    const before = left.steps.filter((s) => s.day < 258).at(-1)!;
    expect(before.limit).toBe(800_000);
    expect(at(left.steps, "review", 258)).toMatchObject({ decision: "limit_restored", limit: 1_400_000 });
    const end = (t: typeof left, day: number) => t.steps.filter((s) => s.day <= day).at(-1)!;
    expect(end(asked, 258).score).toBeLessThan(end(left, 258).score);
  });
});

type Cut = Extract<Remedy, { kind: "limit_cut" }>;

describe("a future increase on a line with a loan is judged on what is owed then, instalments paid as scheduled", () => {
  // two-lines.yaml asked on day 125: Jiebei suspended, cut from ¥50,000 to ¥16,800, ¥29,784 owed on a loan
  // whose instalments bring it to about ¥8,000 by day 317, the first day an increase can be asked
  const FILE = join(ROOT, "scenarios/two-lines.yaml");
  const ASK = "  - { day: 293, type: repay, line: jiebei, amount: minimum }";
  const asked = twinOf(
    FILE,
    ["until: 300", "until: 330"],
    [ASK, `${ASK}\n  - { day: 317, type: apply, line: jiebei, product: increase, amount: 1000 }`],
  );
  const said = at(asked.steps, "contact_support", 125);
  const cut = said.remedies.find((r): r is Cut => r.line === "jiebei" && r.kind === "limit_cut")!;
  const rules = [cut.increase.blocked, ...(cut.increase.besides ?? [])].map((f) => f?.code);

  it("names no balance too high for the increase, and keeps the blockers that hold then (the income cap)", () => {
    expect(cut.increase.day).toBe(317);
    // (it said 'the line's balance is too high (177.3 %) — repay at least ¥14,664', today's ¥29,784)
    expect(rules).not.toContain("UTILISATION_TOO_HIGH");
    expect(rules).toContain("LIMIT_AT_INCOME_CAP");
    expect(rules).toContain("DEBT_TO_INCOME_TOO_HIGH");
    // scored on that debt too: it said 'credit score is below the minimum for a limit increase (708 vs 740)'
    expect(rules).not.toContain("SCORE_BELOW_INCREASE_MINIMUM");
  });

  it("comes true followed: each instalment met, the application on day 317 is not declined for the balance", () => {
    const applied = at(asked.steps, "apply", 317, "jiebei");
    expect(applied.jiebei.balance).toBeLessThan(0.9 * applied.jiebei.limit);
    expect(applied.facts.map((f) => f.code)).not.toContain("UTILISATION_TOO_HIGH");
    // nothing else done (no repayment elsewhere, no income back), the score that day is above the minimum
    const paying = twinOf(
      FILE,
      ["until: 300", "until: 330"],
      ["  - { day: 150, type: external_repayment, amount: 20000 }\n", ""],
      ["  - { day: 160, type: income, monthlyIncome: 9000 }\n", ""],
    );
    expect(lastStep(paying, 317).score).toBeGreaterThanOrEqual(740); // jiebeiMinIncreaseScore, policies/default.yaml;
  });
});

describe("a balance still too high for that increase", () => {
  // two-lines.yaml with ¥30,000 elsewhere: Jiebei cut to ¥5,000, the loan still above 90 % of it on day 317
  const FILE = join(ROOT, "scenarios/two-lines.yaml");
  const more = ["externalDebt: 20000", "externalDebt: 30000"] as const;
  const said = at(twinOf(FILE, more).steps, "contact_support", 125);
  const cut = said.remedies.find((r): r is Cut => r.line === "jiebei" && r.kind === "limit_cut")!;
  const used = [cut.increase.blocked, ...(cut.increase.besides ?? [])].find(
    (f) => f?.code === "UTILISATION_TOO_HIGH",
  );

  it("asks the repayment on what will be owed then, and says so", () => {
    const text = describeRemedy(cut, ["huabei", "jiebei"]);
    // (it said 'of the line's balance (as it stands today: interest accrues until then)')
    expect(text).not.toContain("as it stands today");
    expect(text).toContain(
      `repay at least ¥${(used!.amount! / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} of the line's balance by 2024-11-13 (day 317) — of what it will owe then`,
    );
  });

  it("comes true followed: the line restored, each instalment met, the application on day 317 asks that amount", () => {
    // the debt elsewhere repaid and the income back (the story's own steps) restore Jiebei; neither moves its loan
    const ASK = "  - { day: 293, type: repay, line: jiebei, amount: minimum }";
    const apply = `${ASK}\n  - { day: 317, type: apply, line: jiebei, product: increase, amount: 1000 }`;
    const followed = twinOf(FILE, more, ["until: 300", "until: 330"], [ASK, apply]);
    const applied = at(followed.steps, "apply", 317, "jiebei");
    expect(applied.jiebei.status).toBe("active");
    expect(applied.facts).toContainEqual(
      expect.objectContaining({ code: "UTILISATION_TOO_HIGH", amount: used!.amount }),
    );
  });
});

describe("a cut limit coming back unasked beside an increase a cap no income lifts holds lower", () => {
  // two-lines.yaml asked on day 125, its Jiebei answer as it read at a score whose band allows ¥20,000
  const said = at(twinOf(join(ROOT, "scenarios/two-lines.yaml")).steps, "contact_support", 125);
  const cut = said.remedies.find((r): r is Cut => r.line === "jiebei" && r.kind === "limit_cut")!;
  const held: Cut = {
    ...cut,
    increase: { ...cut.increase, income: 3_334, incomeCap: { binding: "score", limit: 2_000_000 } },
  };

  it("says the review gives back no more than that cap either", () => {
    expect(held.givenBack).toMatchObject({ limit: 5_000_000 });
    expect(held.givenBack?.gives).toBeUndefined();
    const text = describeRemedy(held, ["huabei", "jiebei"]);
    expect(text).toContain("no income brings more back");
    // (it said 'a periodic review gives back up to ¥50,000.00' and nothing of the ¥20,000 the band holds)
    expect(text).toContain(
      "gives back up to ¥50,000.00 once what cut it no longer holds and nothing blocks an increase — the review on 2024-11-15 (day 319) at the earliest — as things stand no more than ¥20,000.00, as much as the score's band allows",
    );
  });
});

describe("Jiebei's answer when the review that trims it would also cut it for another cap", () => {
  // unused-jiebei-holds-huabei.yaml with Jiebei's income multiple lowered on day 270: line management would
  // cut Jiebei's ¥36,000 to ¥30,000 at the review of day 298, which trims it to ¥3,400 as it restores Huabei
  const POLICY = "  - { day: 270, type: policy, set: { jiebeiMaxLimitIncomeMultiple: 5 } }";
  const followed = twin(FIXTURE, [LAST, `${POLICY}\n${LAST}`]);
  const said = at(twin(FIXTURE, [LAST, `${POLICY}\n${ASK}\n${LAST}`]).steps, "contact_support", 280);

  it("says that review's cut once: the trim it makes", () => {
    const cuts = said.remedies.filter((r) => r.line === "jiebei" && r.kind === "review_cuts");
    // (it said both 'cuts the limit from ¥36,000.00 to ¥30,000.00' and 'trims … to ¥3,400.00' of day 298)
    expect(cuts).toHaveLength(1);
    expect(cuts[0]).toMatchObject({
      day: 298,
      from: 3_600_000,
      to: 340_000,
      reasons: ["UNUSED_LIMIT_TRIMMED"],
    });
  });

  it("comes true followed, nothing more done: that review makes the trim alone", () => {
    const jiebei = followed.steps.filter(
      (s) => s.event.type === "review" && s.day === 298 && s.line === "jiebei",
    );
    expect(jiebei).toHaveLength(1);
    expect(jiebei[0]).toMatchObject({ decision: "limit_reduced", reasons: ["UNUSED_LIMIT_TRIMMED"] });
    expect(jiebei[0]!.jiebei.limit).toBe(340_000);
  });
});

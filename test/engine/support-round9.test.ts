// Customer service's answers, round 9, each followed through the engine: a security hold laid over a
// suspension is said with its own day and reasons, the suspension beneath with its own; an opening the
// score's band declines (a band below the smallest line) is given the score to reach and its steps; a
// restoration waiting on the thin-file cap is told when it lifts; Huabei's use is asked of Huabei, and of a
// suspended Huabei only from the day it can be used; the score of the first band with a line read on the band
// alone, not through an income cap lower still; a suspension found beneath a hold laid first said so, since its
// own day; an early review waiting on "what is asked above" only where the answer asks something.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeFact } from "../../src/scenario/format/fact-text.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run, stateOn, TIGHTENED_POLICY } from "./builders.js";

const answerOn = (events: EventInput[], o: object, day: number): Step =>
  run(events, o).steps.find((s: Step) => s.event.type === "contact_support" && s.day === day)!;
type OnRecord = Extract<Remedy, { kind: "on_record" }>;

/** Unverified, the tightened policy from day 100 suspends the line at the review on day 105 (it requires a
 *  verified identity); switched back to the default on day 110, three bound-detail changes on days 118–120
 *  lay a security hold over that suspension; customer service asked on day 121. */
const switchedBack: EventInput[] = [
  on.open(0, 5_000),
  on.purchase(3, 300),
  on.repay(35, "full"),
  on.policy(100, { use: TIGHTENED_POLICY }),
  on.policy(110, { use: DEFAULT_POLICY }),
  on.change(118),
  on.change(119, "address"),
  on.change(120, "device"),
  on.support(121),
];
const unverified = { until: 140, policy: DEFAULT_POLICY, profile: { verified: false } };

describe("a security hold laid over a policy suspension, the policy since switched back", () => {
  const said = answerOn(switchedBack, unverified, 121);
  const records = said.remedies.filter((r): r is OnRecord => r.kind === "on_record");

  it("is said with its own day and reasons, the suspension beneath with its own", () => {
    expect(records).toMatchObject([
      {
        cause: "security",
        since: 120,
        day: 120,
        reasons: ["SECURITY_PROFILE_CHANGES", "FREQUENT_PROFILE_CHANGES"],
      },
      { cause: "policy", since: 105, day: 105, reasons: ["POLICY_CHANGE", "IDENTITY_REQUIRED"] },
    ]);
    const hold = describeRemedy(records[0]!, ["huabei"]);
    // (it said "suspended since 2024-04-15 (day 105); security reasons recorded 2024-04-30 (day 120)")
    expect(hold).toContain("security hold since 2024-04-30 (day 120)");
    expect(hold).not.toContain("day 105");
    expect(describeRemedy(records[1]!, ["huabei"])).toContain("suspended since 2024-04-15 (day 105)");
  });

  it("comes true followed: verified, the review it names restores the line", () => {
    const wait = said.remedies.find((r) => r.kind === "wait_for_review");
    expect(wait).toMatchObject({ day: 135 });
    const followed = run([...switchedBack, on.verify(121)], unverified, { answers: false });
    expect(stateOn(followed, 134).status).toBe("suspended");
    expect(stateOn(followed, 135).status).toBe("active");
  });
});

type Raise = Extract<Remedy, { kind: "raise_score" }>;

/** No line yet, unverified, ¥30,000 a month and three years of history elsewhere: the smallest line raised
 *  to ¥4,000 and the bands reshaped so that below 845 the score's band allows ¥3,000 — an application on
 *  day 2 (its own inquiry counted) reads 825; a grant judged on the file as it is (grantUsedFraction 0). */
const bandBelow = on.policy(0, {
  set: {
    minLimit: 4_000,
    limitBands: [
      { minScore: 620, maxLimit: 3_000 },
      { minScore: 845, maxLimit: 20_000 },
    ],
  },
});
const noLineYet = {
  until: 40,
  policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
  profile: { creditHistoryMonths: 36, monthlyIncome: 30_000, verified: false },
};

describe("an opening whose score's band is below the smallest line", () => {
  const said = answerOn([bandBelow, on.support(1)], noLineYet, 1);

  it("is given the score of the first band with a line, and the steps that reach it", () => {
    expect(said.reasons).toContain("LIMIT_BELOW_MINIMUM");
    // (it said only "a higher score reaches a band with a line": no score, no step)
    const step = said.remedies.find((r): r is Raise => r.kind === "raise_score");
    expect(step).toMatchObject({ line: "huabei", needed: 845 });
    expect(step!.drivers).toContain("IDENTITY_NOT_VERIFIED");
    expect(step!.reach ?? 1000).toBeGreaterThanOrEqual(845);
  });

  it("comes true followed: verified, the application is approved", () => {
    const as = run([bandBelow, on.open(2, 4_000)], noLineYet, { answers: false });
    expect(stateOn(as, 2).decision).toBe("declined");
    const followed = run([bandBelow, on.verify(1), on.open(2, 4_000)], noLineYet, { answers: false });
    expect(stateOn(followed, 2).decision).toBe("approved");
  });
});

type Wait = Extract<Remedy, { kind: "wait_for_review" }>;

/** A thin file (no history elsewhere): ¥2,000 opened on day 0, used on day 3 and repaid; the smallest line
 *  raised to ¥2,500 on day 20 and the thin-file cap lowered to ¥1,500, below the line — a cut below the
 *  smallest line — suspends it at the review on day 45; customer service asked on day 50. */
const thinCapped: EventInput[] = [
  on.open(0, 2_000),
  on.purchase(3, 300),
  on.repay(35, "full"),
  on.policy(20, { set: { minLimit: 2_500, thinFileMaxLimit: 1_500 } }),
];
const thin = {
  until: 230,
  policy: DEFAULT_POLICY,
  profile: { creditHistoryMonths: 0, monthlyIncome: 10_000 },
};

describe("a line restorable only once the thin-file cap lifts", () => {
  const said = answerOn([...thinCapped, on.support(50)], thin, 50);
  const wait = said.remedies.find((r): r is Wait => r.kind === "wait_for_review")!;

  it("is told when the cap lifts, the review after it, and no early review before it", () => {
    expect(said.reasons).toContain("THIN_FILE_BELOW_SMALLEST_LINE");
    expect(said.facts.find((f) => f.code === "THIN_FILE_BELOW_SMALLEST_LINE")).toMatchObject({
      liftsOn: 182,
    });
    // (it said "the next periodic review is on … (day 74); or ask for an early review … today")
    expect(wait).toMatchObject({ day: 196, later: true, thinFileLifts: { day: 182 } });
    expect(wait.early?.day).toBe(182);
    expect(describeRemedy(wait, ["huabei"])).toContain("the cap lifts, from 2024-07-01 (day 182)");
  });

  it("comes true followed: no review before the cap lifts restores it, the early review it offers does", () => {
    const asIs = run(thinCapped, thin, { answers: false });
    expect(stateOn(asIs, 74).status).toBe("suspended");
    expect(stateOn(asIs, 166).status).toBe("suspended");
    expect(stateOn(asIs, 196).status).toBe("active");
    const earlyToday = run([...thinCapped, on.requestReview(50)], thin, { answers: false });
    expect(stateOn(earlyToday, 50).status).toBe("suspended");
    const early = run([...thinCapped, on.requestReview(182)], thin, { answers: false });
    expect(stateOn(early, 182).status).toBe("active");
  });
});

/** Both lines opened (Huabei ¥3,000 on day 0, Jiebei ¥5,000 on day 1), neither used; jiebeiMinScore raised
 *  on day 30 suspends Jiebei at the review on day 45; customer service asked on day 50. A grant judged on
 *  the file as it is (grantUsedFraction 0). */
const bothUnused = (set: object): EventInput[] => [
  on.open(0, 3_000),
  on.open(1, 5_000, "jiebei"),
  on.policy(30, { set }),
];
const twoLines = (verified: boolean) => ({
  until: 120,
  policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
  profile: { creditHistoryMonths: 36, verified },
});
const jiebeiStep = (events: EventInput[], verified: boolean): Raise =>
  answerOn([...events, on.support(50)], twoLines(verified), 50).remedies.find(
    (r): r is Raise => r.kind === "raise_score" && r.line === "jiebei",
  )!;

describe("Huabei's use in a Jiebei score step", () => {
  it("is asked of Huabei, not of Jiebei, which takes no purchases — and followed, restores Jiebei", () => {
    const events = bothUnused({ jiebeiMinScore: 884 });
    const step = jiebeiStep(events, true);
    expect(step.drivers).toContain("LOW_ACTIVITY");
    const text = describeRemedy(step, ["huabei", "jiebei"]);
    // (it said "use the line for everyday purchases" of Jiebei)
    expect(text).toContain("use Huabei for everyday purchases and repay them in full");
    expect(text).not.toContain("use the line");
    // followed to the review it is for (day 74): Huabei used each day, repaid in full, the income reported
    const days = Array.from({ length: 74 - 51 }, (_, i) => 51 + i);
    const followed = [
      ...events,
      on.income(51, 100_000),
      ...days.flatMap((d) => [on.purchase(d, 20), on.repay(d, "full")]),
    ];
    const after = stateOn(run(followed, twoLines(true), { answers: false }), 74);
    expect(after.score).toBeGreaterThanOrEqual(step.needed);
    expect(after.jiebei.status).toBe("active");
    expect(stateOn(run(events, twoLines(true), { answers: false }), 74).jiebei.status).toBe("suspended");
  });

  it("of a suspended Huabei, only from the day the review restoring it lets it be used", () => {
    // unverified, the policy also requires a verified identity: Huabei too is suspended on day 45, and
    // the review on day 74 restores it once identity is verified
    const step = jiebeiStep(bothUnused({ jiebeiMinScore: 900, requireVerified: true }), false);
    expect(step.drivers).toContain("LOW_ACTIVITY");
    expect(step.huabeiFrom).toMatchObject({ day: 75 });
    const text = describeRemedy(step, ["huabei", "jiebei"]);
    // (it said "use the line for everyday purchases" while Huabei could not be used)
    expect(text).toContain(
      "once the review restores Huabei, from 2024-03-16 (day 75), use it for everyday purchases",
    );
    // Huabei used before then is declined; from then, approved
    const tried = run(
      [
        ...bothUnused({ jiebeiMinScore: 900, requireVerified: true }),
        on.verify(50),
        on.purchase(60, 20),
        on.purchase(75, 20),
      ],
      twoLines(false),
      { answers: false },
    );
    expect(stateOn(tried, 60).decision).toBe("declined");
    expect(stateOn(tried, 75).decision).toBe("approved");
  });
});

/** Two bound-detail changes (days 50 and 55) the default allows; on day 60 the rule tightened to one: the
 *  hold is laid at once, on the policy change, its changes already more than allowed. */
const tightenedRule: EventInput[] = [
  on.open(0, 6_000),
  on.change(50),
  on.change(55, "address"),
  on.policy(60, { set: { securityMaxChanges: 1 } }),
];
const held = { until: 100, policy: DEFAULT_POLICY };

describe("a hold's changes already over a tightened limit", () => {
  const fact = stateOn(run(tightenedRule, held), 60).facts.find(
    (f) => f.code === "SECURITY_PROFILE_CHANGES",
  )!;

  it("are said to be over it already, not that another change would be one too many", () => {
    expect(fact).toMatchObject({ value: 2, threshold: 1, before: 2, windowClearsOn: 85 });
    // (it said "another change before day 85 is one too many": the two made are one too many already)
    expect(describeFact(fact)).toContain(
      "already more than allowed, and another change before day 85 would be too",
    );
  });

  it("come true: a change before that day holds the line again, verified first it does not", () => {
    const again = run([...tightenedRule, on.verify(61), on.change(62), on.change(63)], held, {
      answers: false,
    });
    expect(stateOn(again, 63).status).toBe("suspended");
    const once = run([...tightenedRule, on.verify(61), on.change(62)], held, { answers: false });
    expect(stateOn(once, 62).status).toBe("active");
  });
});

describe("the change count customer service warns of", () => {
  it("is never more than the policy allows: a rule tightened below it has held the lines already", () => {
    // (a line left active under a tightened rule was told its changes were "as many as the policy allows"
    // of more than it allows — the hold now comes with the policy change, on every line it watches)
    const said: number[] = [];
    for (const jiebei of [false, true])
      for (const tight of [2, 1, 0])
        for (const back of [false, true])
          for (const day of [61, 75, 95]) {
            const events: EventInput[] = [
              on.open(0, 6_000),
              ...(jiebei ? [on.open(1, 5_000, "jiebei")] : []),
              on.change(50),
              on.change(55, "address"),
              on.policy(60, { set: { securityMaxChanges: tight } }),
              ...(back ? [on.policy(70, { set: { securityMaxChanges: 2 } })] : []),
              on.support(day),
            ];
            const max = back && day >= 70 ? 2 : tight;
            for (const r of answerOn(events, held, day).remedies)
              if (r.kind === "change_holds") said.push(r.changes - max);
          }
    // (the rule left at two: the warning is given, at the limit)
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((over) => over === 0)).toBe(true);
  });
});

/** No line yet, unverified, ¥5,000 a month and two years of history elsewhere: the smallest line raised to
 *  ¥25,000 on day 0, an application to open on day 1 declined (the score's band at 790 allows ¥20,000, the
 *  income multiple ¥10,000); customer service asked on day 2. A grant judged on the file as it is
 *  (grantUsedFraction 0). */
const bandAndIncomeBelow: EventInput[] = [on.policy(0, { set: { minLimit: 25_000 } }), on.open(1, 8_000)];
const lowIncome = {
  until: 200,
  policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
  profile: { age: 24, monthlyIncome: 5_000, verified: false, creditHistoryMonths: 24 },
};

describe("an opening whose score's band and income are both below the smallest line", () => {
  const said = answerOn([...bandAndIncomeBelow, on.support(2)], lowIncome, 2);
  const step = said.remedies.find((r): r is Raise => r.kind === "raise_score")!;

  it("is given the score of the first band of at least the smallest line, not the score it has", () => {
    expect(said.reasons).toEqual(
      expect.arrayContaining(["LIMIT_BELOW_MINIMUM", "INCOME_BELOW_SMALLEST_LINE"]),
    );
    // (it said "raise the score from 790 to 790": the income cap below the band's hid the band's)
    expect(step).toMatchObject({ line: "huabei", current: 790, needed: 840 });
    expect(step.drivers).toEqual(expect.arrayContaining(["LOW_INCOME", "IDENTITY_NOT_VERIFIED"]));
    expect(said.remedies.find((r) => r.kind === "report_income")).toBeDefined();
  });

  it("comes true followed: the income reported, verified, the applications aged, the opening is approved", () => {
    const open = (events: EventInput[]) =>
      stateOn(run([...events, on.open(182, 25_000)], lowIncome, { answers: false }), 182);
    const income = [...bandAndIncomeBelow, on.income(2, 12_500)];
    expect(open([...income, on.verify(2)]).decision).toBe("approved");
    // the income alone leaves the score's band below the smallest line (790's ¥20,000)
    const alone = open(income);
    expect(alone.decision).toBe("declined");
    expect(alone.reasons).toContain("LIMIT_BELOW_MINIMUM");
  });
});

/** Unverified, ¥8,000 opened on day 0 and ¥5,000 spent on day 3, never repaid: three bound-detail changes on
 *  days 20–22 lay a security hold first; the overdue then suspends the line for credit beneath it on day
 *  70; customer service asked on day 100. */
const holdFirst: EventInput[] = [
  on.open(0, 8_000),
  on.purchase(3, 5_000),
  on.change(20),
  on.change(21, "address"),
  on.change(22, "device"),
];
const holdThenOverdue = {
  until: 200,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 12_000, verified: false, creditHistoryMonths: 48 },
};

describe("a suspension found beneath a security hold laid before it", () => {
  const said = answerOn([...holdFirst, on.support(100)], holdThenOverdue, 100);
  const records = said.remedies.filter((r): r is OnRecord => r.kind === "on_record");

  it("is said found beneath the hold on its own day, since that day — the hold not laid over it", () => {
    expect(records).toMatchObject([
      { cause: "security", since: 22, day: 22, over: "credit", found: { day: 70 } },
      { cause: "credit", since: 70, day: 70 },
    ]);
    const hold = describeRemedy(records[0]!, ["huabei"]);
    // (it said "laid over the suspension for credit said next", and the suspension "since … (day 22)")
    expect(hold).toContain("under a security hold since 2024-01-23 (day 22)");
    expect(hold).toContain("a suspension for credit was found beneath it on 2024-03-11 (day 70), said next");
    expect(hold).not.toContain("laid over");
    const beneath = describeRemedy(records[1]!, ["huabei"]);
    expect(beneath).toContain("suspended since 2024-03-11 (day 70)");
    expect(beneath).not.toContain("day 22");
  });

  it("comes true on record: held from day 22, the suspension for credit recorded beneath it on day 70", () => {
    const as = run(holdFirst, holdThenOverdue, { answers: false });
    expect(stateOn(as, 22)).toMatchObject({ status: "suspended", cause: "security" });
    // the day it is found: recorded beneath, the line's status and cause still the hold's
    expect(stateOn(as, 70)).toMatchObject({
      status: "suspended",
      cause: "security",
      decision: "suspended",
      reasons: ["OVERDUE_TOO_LONG", "OVERDUE_NOW"],
    });
    // verified on day 100, the hold lifts and the suspension beneath is what stands
    const verified = run([...holdFirst, on.verify(100)], holdThenOverdue, { answers: false });
    expect(stateOn(verified, 100)).toMatchObject({ status: "suspended", cause: "credit" });
  });
});

/** Verified, a thin file (no history elsewhere), ¥9,000 a month: ¥3,000 asked on day 0 and ¥2,000 granted
 *  (the thin-file cap), used on day 5 and repaid on day 40; the smallest line raised to ¥2,500 on day 30,
 *  the thin-file cap lowered to ¥1,500 below the line, suspends it at the review on day 45 — nothing the customer does lifts the cap before the file holds six
 *  months of record. */
const thinWaits: EventInput[] = [
  on.open(0, 3_000),
  on.purchase(5, 300),
  on.policy(30, { set: { minLimit: 2_500, thinFileMaxLimit: 1_500 } }),
  on.repay(40, "full"),
];
const thinVerified = {
  until: 260,
  policy: DEFAULT_POLICY,
  profile: { age: 24, monthlyIncome: 9_000, verified: true, creditHistoryMonths: 0 },
};

describe("an early review offered with no step asked", () => {
  const said = answerOn([...thinWaits, on.support(50)], thinVerified, 50);
  const wait = said.remedies.find((r): r is Wait => r.kind === "wait_for_review")!;

  it("is not told to wait for 'what is asked above': the answer asks nothing", () => {
    expect(wait).toMatchObject({ day: 196, early: { day: 182 } });
    expect(wait.asked).toBeUndefined();
    const text = describeRemedy(wait, ["huabei"]);
    // (it said "…from 2024-07-01 (day 182), once what is asked above is done" with no step above it)
    expect(text).toContain("or ask for an early review (request_review) from 2024-07-01 (day 182)");
    expect(text).not.toContain("asked");
  });

  it("comes true with nothing done: the early review of that day restores the line, at its ¥2,000", () => {
    const early = run([...thinWaits, on.requestReview(182)], thinVerified, { answers: false });
    expect(stateOn(early, 181).status).toBe("suspended");
    expect(stateOn(early, 182)).toMatchObject({ status: "active", limit: 200_000 });
  });
});

describe("what an early review waits on, wherever the answer has it", () => {
  it("is a step the answer gives, above the wait or below it as it says — never one it does not", () => {
    // timelines whose answers offer an early review: a hold with an overdue beneath it (verify and pay,
    // above), the thin file waiting for its cap (nothing), the score step for a later review (below)
    const answers = [
      answerOn([...holdFirst, on.support(100)], holdThenOverdue, 100),
      answerOn([...thinWaits, on.support(50)], thinVerified, 50),
      answerOn([...thinWaits, on.support(80)], thinVerified, 80),
      answerOn([...switchedBack], unverified, 121),
    ];
    const asks = (r: Remedy) =>
      !["on_record", "wait_for_review", "closure_due", "limit_cut", "next_due", "change_holds"].includes(
        r.kind,
      );
    let offered = 0;
    for (const a of answers)
      for (const [i, r] of a.remedies.entries()) {
        if (r.kind !== "wait_for_review" || r.early === null) continue;
        offered++;
        const above = a.remedies.slice(0, i).some(asks);
        const below = a.remedies.slice(i + 1).some(asks);
        const text = describeRemedy(r, ["huabei"]);
        expect(text.includes("asked above")).toBe(above);
        expect(text.includes("below is done") || text.includes("asked below")).toBe(below);
      }
    expect(offered).toBeGreaterThanOrEqual(2);
  });
});

describe("a pay step naming both lines' cuts at the review", () => {
  // Jiebei overdue, both lines suspended on day 71; asked on day 75, Jiebei's pay step said "Huabei's
  // limit is cut from ¥6,000.00 to ¥3,000.00, and the limit is cut from ¥20,000.00 to ¥5,000.00" — after
  // Huabei's, "the limit" read as Huabei's again
  const events: EventInput[] = [
    on.open(0, 6_000),
    on.open(0, 20_000, "jiebei"),
    on.borrow(10, 3_000, 3),
    on.purchase(12, 500),
    on.repay(40, "full"),
    on.support(75),
  ];
  const o = {
    until: 120,
    policy: DEFAULT_POLICY,
    profile: { monthlyIncome: 12_000, verified: true, creditHistoryMonths: 48 },
  };

  it("names each line's limit", () => {
    const pay = answerOn(events, o, 75).remedies.find((r) => r.kind === "pay_overdue" && r.line === "jiebei");
    expect(pay).toBeDefined();
    const text = describeRemedy(pay!, ["huabei", "jiebei"]);
    expect(text).toContain("Huabei's limit is cut from ¥6,000.00 to ¥3,000.00");
    expect(text).toContain("and Jiebei's limit is cut from ¥20,000.00 to ¥5,000.00");
    expect(text).not.toContain("and the limit is cut");
  });
});

// A flip's label says what differed: the decisions and the rule behind them.

import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { DecisionNote } from "../../src/engine/index.js";
import {
  addFlip,
  emptyPairFlips,
  firstDifference,
  flipLabel,
  flipLabelParts,
  flipRule,
  movedParameters,
} from "../../src/population/flips.js";
import { flipGroups } from "../../src/render/population-risk.js";
import { testPolicy } from "../engine/builders.js";

const note = (
  decision: DecisionNote["decision"],
  reasons: DecisionNote["reasons"],
  parameter?: string,
): DecisionNote =>
  ({
    day: 10,
    event: { type: "apply" },
    line: "huabei",
    decision,
    reasons,
    facts: parameter ? [{ code: reasons[0]!, parameter }] : [],
    status: "none",
    cause: null,
    limit: 0,
  }) as unknown as DecisionNote;

describe("flip labels", () => {
  it("split into the event, the two decisions and the rule, as the page's table lays them out", () => {
    expect(
      flipLabelParts(
        "review: no decision → suspended, by POLICY_CHANGE: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)",
      ),
    ).toEqual({
      event: "review",
      decisions: "no decision → suspended",
      rule: "POLICY_CHANGE: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)",
    });
    const alike = flipLabel({
      a: note("declined", ["DEBT_TO_INCOME_TOO_HIGH"], "maxDebtToIncome"),
      b: note("declined", ["SCORE_BELOW_OPEN_MINIMUM"], "minOpenScore"),
    });
    expect(flipLabelParts(alike)).toEqual({
      event: "apply",
      decisions: "declined → declined",
      rule: "DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome) → SCORE_BELOW_OPEN_MINIMUM (minOpenScore)",
    });
    // a rule failed beside the one both were declined by keeps its 'also'
    expect(
      flipLabelParts(
        "apply: declined by TOO_MANY_APPLICATIONS (maxApplications30d) → declined also by SCORE_BELOW_INCREASE_MINIMUM (minIncreaseScore)",
      )?.rule,
    ).toBe(
      "TOO_MANY_APPLICATIONS (maxApplications30d) → also SCORE_BELOW_INCREASE_MINIMUM (minIncreaseScore)",
    );
    // what flipLabel does not write is not split: the page shows it whole
    expect(flipLabelParts("apply: declined → approved")).toBeNull();
    expect(flipLabelParts("no event here")).toBeNull();
  });

  it("name the adverse side's rule when the decisions differ", () => {
    expect(
      flipLabel({
        a: note("approved", ["WITHIN_LIMIT"]),
        b: note("declined", ["SCORE_BELOW_OPEN_MINIMUM"], "minOpenScore"),
      }),
    ).toBe("apply: approved → declined, by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)");
  });

  it("name the rule that differs between two favourable decisions: the cap, not MEETS_POLICY both gave", () => {
    // maxLimitIncomeMultiple 1.5 → 2 (the largest group of that sweep on 1,500 accounts) read
    // 'apply: approved_lower → approved, by MEETS_POLICY'
    const lower = {
      ...note("approved_lower", ["LIMIT_CAPPED_BY_INCOME", "LOW_INCOME"]),
      facts: [{ code: "LIMIT_CAPPED_BY_INCOME", parameter: "maxLimitIncomeMultiple" }],
    } as unknown as DecisionNote;
    const full = note("approved", ["MEETS_POLICY"]);
    expect(flipLabel({ a: lower, b: full })).toBe(
      "apply: approved_lower → approved, by LIMIT_CAPPED_BY_INCOME (maxLimitIncomeMultiple)",
    );
    expect(flipLabel({ a: full, b: lower })).toBe(
      "apply: approved → approved_lower, by LIMIT_CAPPED_BY_INCOME (maxLimitIncomeMultiple)",
    );
  });

  it("name what a policy change's suspension failed of the new policy, beside POLICY_CHANGE", () => {
    // default → tightened from day 60: 52 suspensions at the first review read 'by POLICY_CHANGE' alone,
    // whether the new debt cap, income cap or score suspended them
    const review = (reasons: DecisionNote["reasons"], code: string, parameter: string) =>
      ({
        ...note("suspended", reasons),
        event: { type: "review" },
        facts: [{ code, parameter }],
      }) as unknown as DecisionNote;
    const label = flipLabel({
      a: null,
      b: review(
        ["POLICY_CHANGE", "DEBT_TO_INCOME_TOO_HIGH", "HIGH_DEBT_BURDEN"],
        "DEBT_TO_INCOME_TOO_HIGH",
        "maxDebtToIncome",
      ),
    });
    expect(label).toBe(
      "review: no decision → suspended, by POLICY_CHANGE: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)",
    );
    // an exported group's folder says what the change's line fails, beside POLICY_CHANGE
    expect(flipRule(label)).toBe("POLICY_CHANGE-DEBT_TO_INCOME_TOO_HIGH");
    // a score rule is a rule; a factor of the score is not what the change failed
    expect(
      flipLabel({
        a: null,
        b: review(
          ["POLICY_CHANGE", "OVERDUE_RECENT", "SCORE_BELOW_MINIMUM"],
          "SCORE_BELOW_MINIMUM",
          "minScore",
        ),
      }),
    ).toBe("review: no decision → suspended, by POLICY_CHANGE: SCORE_BELOW_MINIMUM (minScore)");
    expect(flipLabel({ a: null, b: review(["POLICY_CHANGE"], "", "") })).toBe(
      "review: no decision → suspended, by POLICY_CHANGE",
    );
    expect(flipRule("review: no decision → suspended, by POLICY_CHANGE")).toBe("POLICY_CHANGE");
  });

  it("name both rules when both sides decided alike for different reasons", () => {
    expect(
      flipLabel({
        a: note("declined", ["DEBT_TO_INCOME_TOO_HIGH"], "maxDebtToIncome"),
        b: note("declined", ["SCORE_BELOW_OPEN_MINIMUM"], "minOpenScore"),
      }),
    ).toBe(
      "apply: declined by DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome) → declined by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)",
    );
  });

  it("name the rule each side decided by, not a reason further down that the other side's list left out", () => {
    // maxApplications30d 1 → 2: the same application declined, by the score rule that also held before
    const a = {
      ...note("declined", [
        "TOO_MANY_APPLICATIONS",
        "SCORE_BELOW_OPEN_MINIMUM",
        "HIGH_DEBT_BURDEN",
        "SHORT_HISTORY",
      ]),
      facts: [
        { code: "TOO_MANY_APPLICATIONS", parameter: "maxApplications30d" },
        { code: "SCORE_BELOW_OPEN_MINIMUM", parameter: "minOpenScore" },
      ],
    } as unknown as DecisionNote;
    const b = {
      ...note("declined", ["SCORE_BELOW_OPEN_MINIMUM", "HIGH_DEBT_BURDEN", "SHORT_HISTORY", "LOW_INCOME"]),
      facts: [{ code: "SCORE_BELOW_OPEN_MINIMUM", parameter: "minOpenScore" }],
    } as unknown as DecisionNote;
    const label = flipLabel({ a, b });
    expect(label).toBe(
      "apply: declined by TOO_MANY_APPLICATIONS (maxApplications30d) → declined by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)",
    );
    expect(flipRule(label)).toBe("SCORE_BELOW_OPEN_MINIMUM");
  });

  it("never name a score factor as the rule: a side that failed a rule more is declined also by it", () => {
    // minIncreaseScore 700 → 740 (account 1819 of 2,000 under tightened): both declined by the number of
    // applications, the stricter also by its score rule. The first read 'declined by INQUIRIES_30D
    // (score)' — a factor of the score that explains, not a rule that declined — and each such factor
    // made a group of its own
    const declined = (reasons: DecisionNote["reasons"], extra: DecisionNote["facts"] = []) =>
      ({
        ...note("declined", reasons),
        facts: [
          { code: "TOO_MANY_APPLICATIONS", parameter: "maxApplications30d" },
          { code: "INCREASE_TOO_SOON", parameter: "increaseCooldownDays" },
          ...extra,
        ],
      }) as unknown as DecisionNote;
    const stricter = declined(
      ["TOO_MANY_APPLICATIONS", "INCREASE_TOO_SOON", "SCORE_BELOW_INCREASE_MINIMUM", "HIGH_UTILISATION"],
      [
        {
          code: "SCORE_BELOW_INCREASE_MINIMUM",
          parameter: "minIncreaseScore",
        } as DecisionNote["facts"][number],
      ],
    );
    const labels = (["INQUIRIES_30D", "DELINQUENCY_LEVEL"] as const).map((factor) =>
      flipLabel({
        a: declined(["TOO_MANY_APPLICATIONS", "INCREASE_TOO_SOON", factor, "INQUIRIES_180D"]),
        b: stricter,
      }),
    );
    expect(labels).toEqual([
      "apply: declined by TOO_MANY_APPLICATIONS (maxApplications30d) → declined also by SCORE_BELOW_INCREASE_MINIMUM (minIncreaseScore)",
      labels[0],
    ]);
    expect(flipRule(labels[0]!)).toBe("SCORE_BELOW_INCREASE_MINIMUM");
    // looser the other way: the rule one side alone failed is still the one that flipped
    const looser = flipLabel({
      a: stricter,
      b: declined(["TOO_MANY_APPLICATIONS", "INCREASE_TOO_SOON", "INQUIRIES_30D", "INQUIRIES_180D"]),
    });
    expect(looser).toBe(
      "apply: declined also by SCORE_BELOW_INCREASE_MINIMUM (minIncreaseScore) → declined by TOO_MANY_APPLICATIONS (maxApplications30d)",
    );
    expect(flipRule(looser)).toBe("SCORE_BELOW_INCREASE_MINIMUM");
    // each failed a rule the other did not: both said, the second side's the one that flipped
    const both = flipLabel({
      a: declined(
        ["TOO_MANY_APPLICATIONS", "DEBT_TO_INCOME_TOO_HIGH"],
        [{ code: "DEBT_TO_INCOME_TOO_HIGH", parameter: "maxDebtToIncome" } as DecisionNote["facts"][number]],
      ),
      b: stricter,
    });
    expect(both).toBe(
      "apply: declined also by DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome) → declined also by INCREASE_TOO_SOON (increaseCooldownDays)",
    );
    expect(flipRule(both)).toBe("INCREASE_TOO_SOON");
    // beside a favourable reason both gave, a cap is what decided: no "also"
    const capped = (cap: DecisionNote["reasons"][number], parameter: string) =>
      ({
        ...note("approved_lower", [cap]),
        facts: [{ code: cap, parameter }],
      }) as unknown as DecisionNote;
    expect(
      flipLabel({
        a: capped("LIMIT_CAPPED_BY_INCOME", "maxLimitIncomeMultiple"),
        b: capped("LIMIT_CAPPED_BY_SCORE", "limitBands"),
      }),
    ).toBe(
      "apply: approved_lower by LIMIT_CAPPED_BY_INCOME (maxLimitIncomeMultiple) → approved_lower by LIMIT_CAPPED_BY_SCORE (limitBands)",
    );
  });

  it("say the rule that flipped, as an exported group's folder is named: the second side's when both", () => {
    const alike = flipLabel({
      a: note("declined", ["INCREASE_TOO_SOON"]),
      b: note("declined", ["TOO_MANY_APPLICATIONS"], "maxApplications30d"),
    });
    expect(alike).toBe(
      "apply: declined by INCREASE_TOO_SOON → declined by TOO_MANY_APPLICATIONS (maxApplications30d)",
    );
    expect(flipRule(alike)).toBe("TOO_MANY_APPLICATIONS");
    expect(
      flipRule(
        flipLabel({
          a: note("declined", ["SCORE_BELOW_OPEN_MINIMUM"]),
          b: note("approved", ["WITHIN_LIMIT"]),
        }),
      ),
    ).toBe("SCORE_BELOW_OPEN_MINIMUM");
    expect(flipRule("apply: approved → no decision, by ")).toBeNull();
  });

  it("file a flip where both declined under the rule whose parameter the policies set otherwise", () => {
    // --sweep maxApplications30d=1..3:1 (2,000 accounts): 113 accounts of variant 2 vs 3 read 'declined by
    // TOO_MANY_APPLICATIONS → declined by INCREASE_TOO_SOON' and were filed under INCREASE_TOO_SOON,
    // though the cooldown did not move: a looser application cap let them reach it
    const looser = flipLabel({
      a: note("declined", ["TOO_MANY_APPLICATIONS"], "maxApplications30d"),
      b: note("declined", ["INCREASE_TOO_SOON"], "increaseCooldownDays"),
    });
    const cap = movedParameters(testPolicy({ maxApplications30d: 2 }), testPolicy({ maxApplications30d: 3 }));
    expect([...cap]).toEqual(["maxApplications30d"]);
    expect(flipRule(looser, cap)).toBe("TOO_MANY_APPLICATIONS");
    // tightening the cooldown: the second side's, as before
    const cooldown = new Set(["increaseCooldownDays"]);
    expect(flipRule(looser, cooldown)).toBe("INCREASE_TOO_SOON");
    // neither moved, or both: the second side's (what it decided by instead)
    expect(flipRule(looser)).toBe("INCREASE_TOO_SOON");
    expect(flipRule(looser, new Set(["maxApplications30d", "increaseCooldownDays"]))).toBe(
      "INCREASE_TOO_SOON",
    );
    // a side pointing at the reasons beside it is filed under what it points at, by that one's parameter
    const change = flipLabel({
      a: {
        ...note("suspended", ["POLICY_CHANGE", "DEBT_TO_INCOME_TOO_HIGH"]),
        event: { type: "review" },
        facts: [{ code: "DEBT_TO_INCOME_TOO_HIGH", parameter: "maxDebtToIncome" }],
      } as unknown as DecisionNote,
      b: {
        ...note("suspended", ["SCORE_BELOW_MINIMUM"], "minScore"),
        event: { type: "review" },
      } as DecisionNote,
    });
    expect(change).toBe(
      "review: suspended by POLICY_CHANGE: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome) → suspended by SCORE_BELOW_MINIMUM (minScore)",
    );
    expect(flipRule(change, new Set(["maxDebtToIncome"]))).toBe("POLICY_CHANGE-DEBT_TO_INCOME_TOO_HIGH");
    // a rule both sides decided by is not what flipped, whatever moved: the one a side failed also is
    const also =
      "apply: declined by TOO_MANY_APPLICATIONS (maxApplications30d) → declined also by SCORE_BELOW_INCREASE_MINIMUM (minIncreaseScore)";
    expect(flipRule(also, cap)).toBe("SCORE_BELOW_INCREASE_MINIMUM");
    // each failed one also: the one whose parameter moved
    const both =
      "apply: declined also by DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome) → declined also by INCREASE_TOO_SOON (increaseCooldownDays)";
    expect(flipRule(both, new Set(["maxDebtToIncome"]))).toBe("DEBT_TO_INCOME_TOO_HIGH");
    // a policy's name and description are no parameter
    expect(movedParameters(testPolicy({}, "a"), { ...testPolicy({}, "b"), description: "x" }).size).toBe(0);
    expect([
      ...movedParameters(testPolicy(), testPolicy({ limitBands: [{ minScore: 500, maxLimit: 1000 }] })),
    ]).toEqual(["limitBands"]);
  });

  it("name the rule a pointing rule points at, with its parameter: a grant kept once used, by what keeps it", () => {
    // --sweep maxDebtToIncome=0.1..0.3:0.1 (100 accounts, 60 days): the largest group of #1 → #2 read
    // 'apply: approved_lower → approved, by LIMIT_KEPT_ONCE_USED' — no parameter, though the grant was
    // held to ¥3,400 by the debt ratio the sweep moved (account 3: DEBT_TO_INCOME_TOO_HIGH beside it)
    const kept = (reasons: DecisionNote["reasons"], code: string, parameter: string) =>
      ({
        ...note("approved_lower", reasons),
        facts: [{ code, parameter }],
      }) as unknown as DecisionNote;
    const lower = kept(
      ["LIMIT_KEPT_ONCE_USED", "DEBT_TO_INCOME_TOO_HIGH", "HIGH_DEBT_BURDEN"],
      "DEBT_TO_INCOME_TOO_HIGH",
      "maxDebtToIncome",
    );
    const label = flipLabel({ a: lower, b: note("approved", ["MEETS_POLICY"]) });
    expect(label).toBe(
      "apply: approved_lower → approved, by LIMIT_KEPT_ONCE_USED: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)",
    );
    expect(flipRule(label)).toBe("LIMIT_KEPT_ONCE_USED-DEBT_TO_INCOME_TOO_HIGH");
    // declined both ways: each side's rule, the pointing one with what it points at (a score factor never)
    const alike = flipLabel({
      a: {
        ...note("declined", ["LIMIT_KEPT_ONCE_USED", "SCORE_BELOW_MINIMUM", "HIGH_DEBT_BURDEN"]),
        facts: [{ code: "SCORE_BELOW_MINIMUM", parameter: "minScore" }],
      } as unknown as DecisionNote,
      b: note("declined", ["SCORE_BELOW_OPEN_MINIMUM"], "minOpenScore"),
    });
    expect(alike).toBe(
      "apply: declined by LIMIT_KEPT_ONCE_USED: SCORE_BELOW_MINIMUM (minScore) → declined by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)",
    );
    expect(flipLabelParts(alike)?.rule).toBe(
      "LIMIT_KEPT_ONCE_USED: SCORE_BELOW_MINIMUM (minScore) → SCORE_BELOW_OPEN_MINIMUM (minOpenScore)",
    );
    // it points at the reasons after it, never at a cap listed before it: a Jiebei opening capped by
    // income under both, and held lower still, once used, by a stricter maxDebtToIncome (--challenger-set
    // maxDebtToIncome=0.5, 1,500 accounts, account 501) was filed under the cap's parameter, which both
    // policies set alike — 'also by LIMIT_KEPT_ONCE_USED: LIMIT_CAPPED_BY_INCOME (jiebeiMaxLimitIncomeMultiple)'
    const cap = { code: "LIMIT_CAPPED_BY_INCOME", parameter: "jiebeiMaxLimitIncomeMultiple" };
    const capped = {
      ...note("approved_lower", ["LIMIT_CAPPED_BY_INCOME", "LOW_INCOME"]),
      facts: [cap],
    } as unknown as DecisionNote;
    const heldToo = {
      ...note("approved_lower", [
        "LIMIT_CAPPED_BY_INCOME",
        "LIMIT_KEPT_ONCE_USED",
        "DEBT_TO_INCOME_TOO_HIGH",
        "LOW_INCOME",
      ]),
      facts: [
        cap,
        { code: "LIMIT_KEPT_ONCE_USED" },
        { code: "DEBT_TO_INCOME_TOO_HIGH", parameter: "maxDebtToIncome" },
      ],
    } as unknown as DecisionNote;
    const both = flipLabel({ a: capped, b: heldToo });
    expect(both).toBe(
      "apply: approved_lower by LIMIT_CAPPED_BY_INCOME (jiebeiMaxLimitIncomeMultiple) → approved_lower also by LIMIT_KEPT_ONCE_USED: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)",
    );
    expect(flipRule(both, new Set(["maxDebtToIncome"]))).toBe("LIMIT_KEPT_ONCE_USED-DEBT_TO_INCOME_TOO_HIGH");
    // with nothing beside it to point at, the rule alone
    expect(
      flipLabel({ a: note("approved", ["MEETS_POLICY"]), b: note("declined", ["LIMIT_KEPT_ONCE_USED"]) }),
    ).toBe("apply: approved → declined, by LIMIT_KEPT_ONCE_USED");
  });
});

describe("the report's flip groups", () => {
  it("say account and group in the singular for one", () => {
    const p = emptyPairFlips(0, 1);
    addFlip(p, "apply: approved → declined, by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)", 7);
    addFlip(p, "apply: approved → declined, by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)", 9);
    addFlip(p, "apply: approved_lower → declined, by SCORE_BELOW_OPEN_MINIMUM (minOpenScore)", 4);
    addFlip(p, "apply: declined by A → declined by B", 5);
    const text = flipGroups(p, ["#1", "#2"], 2, new Chalk({ level: 0 })).join("\n");
    expect(text).toContain("e.g. accounts #7, #9");
    expect(text).toContain("e.g. account #4\n");
    expect(text).toContain("… 1 more group");
    expect(text).not.toContain("more groups");
  });
});

describe("what counts as decided otherwise", () => {
  it("the same decision by the same rules is no flip: its reasons in another order, other factors of the score", () => {
    // a graceDays sweep (about 1 account in 1,500) read 'declined by TOO_MANY_APPLICATIONS → declined by
    // TOO_MANY_APPLICATIONS': the arms' reasons differed only in their order and the score's factors
    const declined = (reasons: DecisionNote["reasons"], score: number) =>
      ({
        ...note("declined", reasons),
        facts: [
          { code: "TOO_MANY_APPLICATIONS", parameter: "maxApplications30d", value: 3 },
          { code: "SCORE_BELOW_OPEN_MINIMUM", parameter: "minOpenScore", value: score },
        ],
      }) as unknown as DecisionNote;
    const a = declined(
      ["TOO_MANY_APPLICATIONS", "SCORE_BELOW_OPEN_MINIMUM", "INQUIRIES_30D", "SHORT_HISTORY"],
      610,
    );
    const b = declined(["SCORE_BELOW_OPEN_MINIMUM", "TOO_MANY_APPLICATIONS", "HIGH_DEBT_BURDEN"], 605);
    const later = { ...note("approved", ["MEETS_POLICY"]), day: 40 } as DecisionNote;
    expect(firstDifference([a, later], [b, later])).toBeNull();
    // a rule more on one side, or another decision by the same rules, is still a flip
    const fewer = declined(["TOO_MANY_APPLICATIONS", "INQUIRIES_30D"], 610);
    expect(firstDifference([fewer], [b])).toEqual({ a: fewer, b });
    const suspended = { ...a, decision: "suspended" } as DecisionNote;
    expect(firstDifference([a], [suspended])).toEqual({ a, b: suspended });
  });

  it("a decision the other arm's review did not take names what held that arm back, not the decision's reason", () => {
    // a restoreScore sweep read 'review: restored → no decision, by ARREARS_CLEARED': the reason of the
    // arm that restored, not why the other did not
    const restored = {
      ...note("restored", ["ARREARS_CLEARED"]),
      event: { type: "review" },
    } as unknown as DecisionNote;
    const held = {
      day: 10,
      event: { type: "review" },
      line: "huabei",
      reasons: ["NOT_RESTORED_YET", "ARREARS_CLEARED", "SCORE_BELOW_RESTORE"],
      facts: [{ code: "SCORE_BELOW_RESTORE", parameter: "restoreScore" }],
    } as unknown as DecisionNote;
    const d = firstDifference([restored], [], [], [held]);
    expect(d).toEqual({ a: restored, b: null, held });
    expect(flipLabel(d!)).toBe("review: restored → no decision, by SCORE_BELOW_RESTORE (restoreScore)");
    expect(flipLabel(firstDifference([], [restored], [held], [])!)).toBe(
      "review: no decision → restored, by SCORE_BELOW_RESTORE (restoreScore)",
    );
    // held back by the umbrella rule alone: it is named
    const pending = { ...held, reasons: ["NOT_RESTORED_YET"], facts: [] } as unknown as DecisionNote;
    expect(flipLabel(firstDifference([restored], [], [], [pending])!)).toBe(
      "review: restored → no decision, by NOT_RESTORED_YET",
    );
    // no review that day in the other arm (its customer did otherwise): the decision's own rule, as before
    expect(flipLabel(firstDifference([restored], [], [], [{ ...held, day: 11 }])!)).toBe(
      "review: restored → no decision, by ARREARS_CLEARED",
    );
    // an adverse decision is said by its own rule: what stopped it, not what the other arm's review cited
    const suspended = {
      ...note("suspended", ["SCORE_BELOW_MINIMUM"], "minScore"),
      event: { type: "review" },
    } as unknown as DecisionNote;
    expect(flipLabel(firstDifference([], [suspended], [held], [])!)).toBe(
      "review: no decision → suspended, by SCORE_BELOW_MINIMUM (minScore)",
    );
  });

  it("a decision one arm took before a step both took that day is the flip, not the step both took", () => {
    // a minScore challenger from day 120 (seed 1, account 7944): on day 319 the champion's Huabei review
    // decided nothing and its Jiebei review suspended; the challenger's Huabei review suspended too, by
    // minScore, then its Jiebei review as the champion's. Read pairwise, the champion's Jiebei suspension
    // met the challenger's Huabei one: 'review: suspended → no decision, by SCORE_BELOW_MINIMUM
    // (jiebeiMinScore)', a flip the other way round and by a rule both arms decided alike
    const review = (line: "huabei" | "jiebei", reasons: DecisionNote["reasons"], parameter: string) =>
      ({
        ...note("suspended", reasons, parameter),
        day: 319,
        event: { type: "review" },
        line,
      }) as unknown as DecisionNote;
    const jiebei = review("jiebei", ["SCORE_BELOW_MINIMUM"], "jiebeiMinScore");
    const huabei = review("huabei", ["SCORE_BELOW_MINIMUM"], "minScore");
    const open = note("approved", ["MEETS_POLICY"]);
    const d = firstDifference([open, jiebei], [open, huabei, jiebei]);
    expect(d).toEqual({ a: null, b: huabei });
    expect(flipLabel(d!)).toBe("review: no decision → suspended, by SCORE_BELOW_MINIMUM (minScore)");
    // the other way round: the champion's own decision first
    expect(firstDifference([open, huabei, jiebei], [open, jiebei])).toEqual({ a: huabei, b: null });
    // steps neither arm took later that day: the first arm's first, as before
    const other = review("jiebei", ["SCORE_BELOW_MINIMUM"], "jiebeiMinScore");
    expect(firstDifference([open, huabei], [open, { ...other, day: 319 }])).toEqual({ a: huabei, b: null });
  });

  it("of two steps each arm alone took that day, the one the day runs first: a trigger before the review", () => {
    // --challenger-set suspendOverdueDays=5 (1,500 accounts, account 163): on day 319 the challenger's
    // overdue trigger suspended Huabei (OVERDUE_TOO_LONG), so its review that day had nothing to decide;
    // the champion's review suspended by minScore. Read in the champion's order, the flip was 'review:
    // suspended → no decision, by SCORE_BELOW_MINIMUM (minScore)' — a rule neither policy moved — though
    // the day's triggers run before its review
    const at = (type: string, reasons: DecisionNote["reasons"], parameter: string) =>
      ({ ...note("suspended", reasons, parameter), day: 319, event: { type } }) as unknown as DecisionNote;
    const review = at("review", ["SCORE_BELOW_MINIMUM"], "minScore");
    const trigger = at("overdue", ["OVERDUE_TOO_LONG"], "suspendOverdueDays");
    const open = note("approved", ["MEETS_POLICY"]);
    const d = firstDifference([open, review], [open, trigger]);
    expect(d).toEqual({ a: null, b: trigger });
    expect(flipLabel(d!)).toBe("overdue: no decision → suspended, by OVERDUE_TOO_LONG (suspendOverdueDays)");
    expect(firstDifference([open, trigger], [open, review])).toEqual({ a: trigger, b: null });
    // a customer's own event that day runs before both
    const purchase = { ...note("declined", ["OVER_LIMIT"]), day: 319, event: { type: "purchase" } };
    expect(firstDifference([open, review], [open, purchase as unknown as DecisionNote])).toEqual({
      a: null,
      b: purchase,
    });
  });

  it("the same decision by the same rule at another limit is a flip, said as a lower or higher limit", () => {
    // --challenger tightened (seed 1, account 54): both arms opened approved_lower by LIMIT_CAPPED_BY_INCOME,
    // at ¥6,700 (twice the income) and ¥5,000 (1.5 times); read as the same decision, the flip was the
    // purchase the lower limit declined later — 242 accounts 'purchase: approved → declined, by OVER_LIMIT'
    const capped = (limit: number) =>
      ({
        ...note("approved_lower", ["LIMIT_CAPPED_BY_INCOME", "LOW_INCOME"]),
        facts: [{ code: "LIMIT_CAPPED_BY_INCOME", parameter: "maxLimitIncomeMultiple", threshold: limit }],
        limit,
      }) as unknown as DecisionNote;
    const [a, b] = [capped(670_000), capped(500_000)];
    const purchase = (decision: DecisionNote["decision"]) =>
      ({
        ...note(decision, decision === "declined" ? ["OVER_LIMIT"] : ["WITHIN_LIMIT"]),
        day: 98,
        event: { type: "purchase" },
      }) as unknown as DecisionNote;
    const d = firstDifference([a, purchase("approved")], [b, purchase("declined")]);
    expect(d).toEqual({ a, b });
    const label = flipLabel(d!);
    expect(label).toBe(
      "apply: approved_lower → approved_lower at a lower limit, by LIMIT_CAPPED_BY_INCOME (maxLimitIncomeMultiple)",
    );
    expect(flipRule(label)).toBe("LIMIT_CAPPED_BY_INCOME");
    expect(flipLabelParts(label)).toEqual({
      event: "apply",
      decisions: "approved_lower → approved_lower at a lower limit",
      rule: "LIMIT_CAPPED_BY_INCOME (maxLimitIncomeMultiple)",
    });
    expect(flipLabel({ a: b, b: a })).toBe(
      "apply: approved_lower → approved_lower at a higher limit, by LIMIT_CAPPED_BY_INCOME (maxLimitIncomeMultiple)",
    );
    // the same limit: no flip
    expect(firstDifference([a], [capped(670_000)])).toBeNull();
  });

  it("a lender's decision, not customer service's answer: answers that differ alone are no flip", () => {
    const answer = (reasons: DecisionNote["reasons"]) =>
      ({ ...note("info", reasons), event: { type: "contact_support" } }) as DecisionNote;
    const open = note("approved", ["MEETS_POLICY"]);
    expect(
      firstDifference([open, answer(["OVERDUE_RECENT"])], [open, answer(["SCORE_BELOW_RESTORE"])]),
    ).toBeNull();
    expect(firstDifference([open, answer(["OVERDUE_RECENT"])], [open])).toBeNull();
    // a decision that differs still does, answers around it or not
    const declined = note("declined", ["SCORE_BELOW_OPEN_MINIMUM"], "minOpenScore");
    expect(firstDifference([answer(["X" as never]), open], [declined])).toEqual({ a: open, b: declined });
  });
});

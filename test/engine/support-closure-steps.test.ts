// contact_support: a closure's call-in said wherever the closure is, and a line held only by the other
// line's overdue asked for no score the overdue's payment already brings.

import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/simulate.js";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy, money } from "../../src/scenario/format.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import { DEFAULT_POLICY, on, run, stepOn, stepsOf } from "./builders.js";

const remedy = <K extends Remedy["kind"]>(remedies: readonly Remedy[], kind: K, line?: string) =>
  remedies.find(
    (r): r is Extract<Remedy, { kind: K }> => r.kind === kind && (line === undefined || r.line === line),
  );

const PROFILE = { age: 35, monthlyIncome: 15_000, verified: true, creditHistoryMonths: 60, externalDebt: 0 };

// Jiebei's ¥6,000 loan never repaid; Huabei, repaid in full, suspended with it on day 71 for Jiebei's overdue
const HELD_BY_JIEBEI = [
  on.open(0, 5_000),
  on.open(0, 20_000, "jiebei"),
  on.borrow(10, 6_000, 6),
  on.purchase(15, 500),
  on.repay(35, "full"),
  on.purchase(60, 200),
];

describe("a line held only by the other line's overdue", () => {
  const events = [...HELD_BY_JIEBEI, on.support(100)];
  it("is asked for no score above what restores it once the overdue is paid, as the steps ask", () => {
    const t = run(events, { policy: DEFAULT_POLICY, profile: PROFILE, until: 101 });
    const answer = stepOn(t, "contact_support", 100);
    expect(answer.status).toBe("suspended");
    // followed: the overdue paid on the call, every bill on time, nothing else done
    const followed = run([...events, on.repay(100, "full", "jiebei"), on.repay(160, "full")], {
      policy: DEFAULT_POLICY,
      profile: PROFILE,
      until: 200,
    });
    const restored = stepsOf(followed, "review").find(
      (s) => s.line === "huabei" && s.decision === "restored",
    );
    expect(restored).toBeDefined();
    expect(restored!.day).toBe(196);
    // what held Huabei was Jiebei's overdue and the clean period after it: paid, the score (825 that day)
    // is far above restoreScore (660) and the line used once restored is kept — no score step, and none of
    // the once-used checks that read the overdue as still past due (655 vs delinquentMinScore 680) cited
    expect(remedy(answer.remedies, "raise_score", "huabei")).toBeUndefined();
    expect(remedy(answer.remedies, "keep_clean_until", "huabei")?.day).toBe(190);
    expect(answer.reasons).toContain("OVERDUE_OUTSTANDING");
    expect(answer.reasons).not.toContain("LIMIT_KEPT_ONCE_USED");
    expect(answer.reasons).not.toContain("PAST_DUE_AT_REVIEW");
  });
});

describe("the review of a line held by an overdue still owed", () => {
  // the story above, reviewed on day 74 (33 days past due): the line once used would be past due at the
  // next review on this file — true, and gone with the payment the overdue already asks; the review cited
  // it beside the overdue (LIMIT_KEPT_ONCE_USED "none kept once used", PAST_DUE_AT_REVIEW 655 vs 680)
  it("cites the overdue, not the once-used checks its payment clears", () => {
    const t = run(HELD_BY_JIEBEI, { policy: DEFAULT_POLICY, profile: PROFILE, until: 75 });
    const reviews = stepsOf(t, "review", 74);
    expect(reviews.map((r) => [r.line, r.status])).toEqual([
      ["huabei", "suspended"],
      ["jiebei", "suspended"],
    ]);
    for (const r of reviews) {
      expect(r.reasons).toContain("OVERDUE_OUTSTANDING");
      expect(r.reasons).not.toContain("LIMIT_KEPT_ONCE_USED");
      expect(r.reasons).not.toContain("PAST_DUE_AT_REVIEW");
    }
  });
});

describe("a closure announced on a line with a running loan", () => {
  // Huabei's ¥1,000 never repaid, written off on day 220; Jiebei's ¥12,000 over 12 months repaid at its
  // minimum, suspended with Huabei and closed at the review of day 258 — in default: a write-off bars it
  const events = [
    on.open(0, 5_000),
    on.open(0, 20_000, "jiebei"),
    on.borrow(10, 12_000, 12),
    on.purchase(15, 1_000),
    ...[41, 65, 96, 126, 157, 187, 218].map((d) => on.repay(d, "minimum", "jiebei")),
    on.support(225),
  ];
  it("says the loan is called in, what then falls due at once and when — as it does", () => {
    const t = run(events, { policy: DEFAULT_POLICY, profile: PROFILE, until: 290 });
    const answer = stepOn(t, "contact_support", 225);
    const closure = remedy(answer.remedies, "closure_due", "jiebei");
    expect(closure?.day).toBe(258);
    expect(closure?.writtenOff).toBe(true);
    // the review closes Jiebei, and what it called in falls due at once on the loan's next due day
    const closed = stepsOf(t, "review").find((s) => s.line === "jiebei" && s.decision === "closed");
    expect(closed?.day).toBe(258);
    const due = stepsOf(t, "due").find((s) => s.day > 258 && s.event.line === "jiebei");
    expect(due).toBeDefined();
    expect(closure?.callsIn).toEqual({
      day: due!.day,
      date: due!.date,
      amount: due!.event.due,
      lastDay: due!.day,
      lastDate: due!.date,
    });
    expect(closure?.toTerm).toBeUndefined();
    expect(describeRemedy(closure!)).toContain(
      `its loans are called in: ${money(due!.event.due)} falls due at once on ${due!.date} (day ${due!.day})`,
    );
  });
});

describe("a closure that answers no default, on a line with a running loan", () => {
  // ¥4,000 a month owed elsewhere from day 20 suspends both lines for the debt burden on day 45; Jiebei's
  // ¥12,000 over 12 months repaid at its minimum, nothing ever overdue: the review of day 227 closes Jiebei
  // with its loan left to run to term
  const events = [
    on.open(0, 5_000),
    on.open(0, 20_000, "jiebei"),
    on.borrow(10, 12_000, 12),
    on.externalDebt(20, 400_000),
    ...[41, 65, 96, 126, 157, 187, 218].map((d) => on.repay(d, "minimum", "jiebei")),
    on.support(200),
  ];
  it("says the loan runs to term: its next instalment after the closure, and the last", () => {
    const t = run(events, { policy: DEFAULT_POLICY, profile: PROFILE, until: 260 });
    const closure = remedy(stepOn(t, "contact_support", 200).remedies, "closure_due", "jiebei");
    expect(closure?.day).toBe(227);
    const closed = stepsOf(t, "review").find((s) => s.line === "jiebei" && s.decision === "closed");
    expect(closed?.day).toBe(227);
    const due = stepsOf(t, "due").find((s) => s.day > 227 && s.event.line === "jiebei");
    expect(closure?.callsIn).toBeUndefined();
    expect(closure?.toTerm).toMatchObject({ day: due!.day, amount: due!.event.due });
    // the loan's twelfth instalment: a month after the eleventh
    expect(closure!.toTerm!.lastDay).toBeGreaterThan(due!.day + 90);
    expect(describeRemedy(closure!)).toContain(`its loans run to term after it: ${money(due!.event.due)}`);
  });
});

describe("debt advice for a restoration", () => {
  it("says what restoring counts: an active Huabei at its limit, not its balance as the report shows it", () => {
    // Liu Yang: Jiebei suspended for the debt burden, Huabei active (¥5,600 limit, ¥120 owed), calling on day 125
    const { scenario } = loadScenario(`${ROOT}scenarios/two-lines.yaml`);
    const t = simulate(scenario);
    const answer = stepsOf(t, "contact_support").find((s) => remedy(s.remedies, "reduce_debt", "jiebei"));
    const debt = remedy(answer!.remedies, "reduce_debt", "jiebei")!;
    expect(answer!.limit).toBe(560_000);
    expect(debt.restoring?.counted).toContainEqual({ line: "huabei", limit: 560_000 });
    const text = describeRemedy(debt);
    expect(text).not.toContain("Huabei and Jiebei balances count as");
    expect(text).toContain("Huabei at its ¥5,600.00 limit, used in full, or at what it owes if more");
  });
});

describe("reasons quoted as recorded on an earlier day", () => {
  // Zhang Ming calls on day 230, repaid on day 229: the suspension's and the cut's reasons, recorded on day
  // 227, said "a repayment is past due right now" — read as still true after he had repaid
  it("are in words for that day, not in the present tense", () => {
    const { scenario } = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`);
    const call = stepOn(simulate(scenario), "contact_support", 230);
    const recorded = call.remedies.filter((r) => r.kind === "on_record" || r.kind === "limit_cut");
    expect(recorded.map((r) => r.kind).sort()).toEqual(["limit_cut", "on_record"]);
    for (const r of recorded) {
      expect(r.reasons).toContain("OVERDUE_NOW");
      const said = describeRemedy(r);
      expect(said).toContain("a repayment was past due that day");
      expect(said).not.toContain("past due right now");
    }
    expect(call.overdue).toBe(0);
  });
});

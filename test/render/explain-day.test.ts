// @module-tag property
// `explain --day N`: the decisions of a day, each reason with the values behind it, and what to do.

import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REASONS, type ReasonCode, simulate } from "../../src/engine/index.js";
import { askedOn, explainDay } from "../../src/render/explain-day.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderTrace } from "../../src/render/trace.js";
import { money, reasonAdvice } from "../../src/scenario/format.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { activeScenarioArb, scenarioArb } from "../engine/arbitraries.js";
import { scenario as build, on } from "../engine/builders.js";
import { ROOT } from "../helpers/cli.js";
import { countingReads } from "../helpers/counted-days.js";
import { propertyRuns } from "../helpers/property-seed.js";

const { scenario } = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`);
const trace = simulate(scenario);
const plain = new Chalk({ level: 0 });

/** Day `day` of a scenario written here (`name`: its file's name in the repository's root). */
const explainText = (text: string, name: string, day: number) => {
  const { scenario: written } = loadScenarioText(text, `${ROOT}${name}`);
  return explainDay(written, simulate(written), day);
};

describe("money among the characteristics", () => {
  // explain --day 230's table read "Monthly income … 8,000  6,000–9,999" beside ¥ everywhere else
  it("reads the income and its bins with ¥ in explain, run --explain and a reason's values; --json keeps the number", () => {
    const x = explainDay(scenario, trace, 230);
    const row = (text: string) => text.split("\n").find((l) => l.includes("Monthly income"))!;
    expect(row(renderExplanation(x, plain))).toMatch(/ ¥8,000 +¥6,000–¥9,999 +20\/40/);
    const traced = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false });
    expect(row(traced)).toMatch(/ ¥[\d,]+ +(under ¥|¥[\d,]+–¥|¥[\d,]+ or more)/);
    const income = x.score.factors.find((f) => f.characteristic.startsWith("Monthly income"))!;
    expect([income.read, income.value, income.bin]).toEqual([8000, "¥8,000", "¥6,000–¥9,999"]);
    // a count is not money
    const history = x.score.factors.find((f) => f.characteristic === "Months of credit history")!;
    expect([history.value, history.bin]).toEqual(["37", "24–59"]);
  });
});

describe("explainDay", () => {
  it("an unused-line notice to a suspended line asks it restored before it is used, as the notice says", () => {
    // held for security on day 302; the notice of day 370 names the review of day 411. The line takes no
    // purchase while held: "use the line … to keep it open" alone was advice no customer could follow
    const text = `name: held and unused
until: 420
profile: { age: 30, monthlyIncome: 9000, verified: true, creditHistoryMonths: 36, externalDebt: 10000 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 5, type: purchase, amount: 800 }
  - { day: 35, type: repay, amount: full }
  - { day: 300, type: change_profile, field: phone }
  - { day: 301, type: change_profile, field: device }
  - { day: 302, type: change_profile, field: bankcard }
`;
    const x = explainText(text, "held-unused.yaml", 370);
    expect(x.steps.map((s) => s.reasons.map((r) => r.code))).toEqual([["DORMANT_NOTICE"]]);
    expect(x.todo).toHaveLength(1);
    expect(x.todo[0]).toMatch(/^the line is suspended and takes no purchase or loan: restored first/);
    // an active line's notice: use it
    const active = explainText(text.replace(/ {2}- \{ day: 30[012].*\n/g, ""), "unused.yaml", 370);
    expect(active.todo).toEqual([REASONS.DORMANT_NOTICE.advice]);
  });

  it("a loan asked with Huabei open and no Jiebei: told to open Jiebei, not 'an account' (an opening then opened Huabei's again)", () => {
    const text = [
      "name: Cash before Jiebei",
      "profile: { age: 35, monthlyIncome: 10000, verified: true, creditHistoryMonths: 48 }",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 6000 }",
      "  - { day: 1, type: borrow, amount: 20000, term: 12 }",
      "",
    ].join("\n");
    const x = explainText(text, "cash-before-jiebei.yaml", 1);
    expect(x.todo).toEqual(["apply to open Jiebei first (apply, product: open, line: jiebei)"]);
    // no line at all: the opening of either
    const none = explainText(
      text.replace("  - { day: 0, type: apply, product: open, amount: 6000 }\n", ""),
      "cash-before-any.yaml",
      1,
    );
    expect(none.todo).toContain("apply to open an account first");
  });

  it("a day with a bill ahead: what falls due next, then what helps the score that fell that day", () => {
    // day 182: the July statement (¥3,400 due on day 191), the Huabei balance as reported costing points
    const x = explainDay(scenario, trace, 182, askedOn(scenario, 182, scenario.until));
    expect(x.todo[0]).toMatch(/^next due: ¥3,400\.00 of the bill stated falls due on 2024-07-10 \(day 191\)/);
    expect(x.todo.slice(1)).toEqual([
      "keep the balance well below the limit; it is reported at each month end",
    ]);
  });

  it("a day its review decided after its events: the steps are from the next day, the overdue as its close left it", () => {
    // day 227: the review suspends Zhang Ming, five days past due; the day's close adds its late penalty
    const x = explainDay(scenario, trace, 227, askedOn(scenario, 227, scenario.until));
    expect(x.todoFrom).toEqual({ day: 228, date: "2024-08-16", after: "periodic review", overdue: true });
    const owed = /^pay the overdue ¥([\d,.]+) now/.exec(x.todo[0]!)?.[1];
    expect(owed).toBeDefined();
    // what the step says is what a repayment on the next day must cover to clear the line: that much and not
    // a fen less (a fen short is within the tolerance: no longer overdue, but still owed)
    const repaidWith = (yuan: number) => {
      const events = [...scenario.events.filter((e) => e.day <= 227)];
      const paid = simulate({
        ...scenario,
        until: 228,
        events: [...events, { ...on.repay(228, yuan), index: events.length }],
      });
      return paid.steps.at(-1)!;
    };
    const yuan = Number(owed!.replaceAll(",", ""));
    expect(repaidWith(yuan)).toMatchObject({ overdue: 0, balance: 0 });
    expect(repaidWith(yuan - 0.01).balance).toBe(1);
    expect(renderExplanation(x, plain)).toContain(
      "What the customer can do from 2024-08-16 (day 228): the day's periodic review came after its events, so the day is over — the overdue is as the day's close left it, its late penalty added",
    );
    // a day whose steps apply within it says no date
    expect(explainDay(scenario, trace, 182, askedOn(scenario, 182, scenario.until)).todoFrom).toBeNull();
  });

  it("a review that keeps a suspension shows what still blocks restoration, and what to do about it", () => {
    const x = explainDay(scenario, trace, 258);
    const review = x.steps.find((s) => s.event === "periodic review")!;
    expect(review.decision).toBeNull();
    expect(review.reasons.map((r) => r.code)).toContain("OVERDUE_TOO_RECENT");
    expect(review.reasons.find((r) => r.code === "OVERDUE_TOO_RECENT")!.because).toEqual([
      expect.stringMatching(/^\d+ days vs restoreCleanDays \d+ days$/),
    ]);
    const text = renderExplanation(x, plain);
    expect(text).toContain("why it stays so:");
    expect(text).not.toContain("nothing is needed");
    // the steps are the blockers' own: none points at "the steps listed", which are these
    expect(x.todo[0]).toBe("keep repaying on time until the clean period has passed");
    const gathering = review.reasons.find((r) => r.code === "NOT_RESTORED_YET")!;
    expect(x.todo).not.toContain(gathering.advice);
    expect(gathering.advice).toMatch(/the reasons given with it/);
  });

  it("a purchase declined on a suspended line lists the steps that lift the suspension, not a pointer to them", () => {
    const { scenario: chen } = loadScenario(`${ROOT}scenarios/policy-adjustment.yaml`);
    const x = explainDay(chen, simulate(chen), 110, askedOn(chen, 110, chen.until));
    expect(x.steps[0]!.reasons.map((r) => r.code)).toEqual(["ACCOUNT_SUSPENDED"]);
    expect(x.todo).not.toContain("follow the steps that lift the suspension");
    expect(x.todo).toContain("verify your identity (a verify_identity event)");
    // the reason's own advice (explain --json) names those steps, not a pointer the list leaves out
    const advice = x.steps[0]!.reasons[0]!.advice;
    expect(advice).toContain("verify your identity (a verify_identity event)");
    expect(advice).not.toContain("follow the steps that lift the suspension");
    // without customer service's steps at hand (run --json --explain), it says where they are asked for
    const alone = explainDay(chen, simulate(chen), 110).steps[0]!.reasons[0]!.advice;
    expect(alone).toContain("contact_support");
  });

  it("a suspended line's decline beside another decline the same day: the steps it points at are listed too", () => {
    const { scenario: chen } = loadScenario(`${ROOT}scenarios/policy-adjustment.yaml`);
    const at = chen.events.findIndex((e) => e.day > 110);
    const apply = {
      index: chen.events.length,
      day: 110,
      type: "apply",
      line: "jiebei",
      product: "open",
      amount: 1_000_000,
    } as const;
    const events = [...chen.events.slice(0, at), apply, ...chen.events.slice(at)];
    const both = { ...chen, events };
    const x = explainDay(both, simulate(both), 110, askedOn(both, 110, both.until));
    const codes = x.steps.flatMap((s) => s.reasons.map((r) => r.code));
    expect(codes).toContain("ACCOUNT_SUSPENDED");
    expect(codes).toContain("OTHER_LINE_SUSPENDED");
    expect(x.todo).toContain(REASONS.OTHER_LINE_SUSPENDED.advice);
    expect(x.todo).toContain("verify your identity (a verify_identity event)");
  });

  it("a write-off's advice holds when it is given: repay while owed; once repaid, no repaying and no end to the exclusion", () => {
    const charged = loadScenario(`${ROOT}scenarios/default-charge-off.yaml`).scenario;
    const t = simulate(charged);
    // day 249: charged off, the debt still owed
    const owing = explainDay(charged, t, 249);
    expect(owing.steps[0]!.reasons.find((r) => r.code === "CHARGED_OFF")!.advice).toMatch(
      /^repay what is owed/,
    );
    // day 320: repaid in full on day 305, then an application declined for the write-off
    const repaid = explainDay(charged, t, 320);
    const reason = repaid.steps[0]!.reasons.find((r) => r.code === "DEBT_WRITTEN_OFF")!;
    for (const advice of [reason.advice, ...repaid.todo]) {
      expect(advice).not.toMatch(/repay/);
      expect(advice).not.toMatch(/5 years/);
    }
    expect(reason.advice).toMatch(/no line is opened, raised or restored again/);
  });

  it("the scorecard table fits a 100-column terminal (no name cut, the points stay); elsewhere names are whole", () => {
    const fitted = renderExplanation(explainDay(scenario, trace, 258), plain, 100);
    const table = fitted.split("\n").filter((l) => /\d+\/\d+/.test(l) && l.startsWith("  "));
    expect(table.length).toBeGreaterThan(10);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    const whole = renderExplanation(explainDay(scenario, trace, 258), plain);
    expect(whole).toMatch(/\n {2}Months in good standing, last 24 +\d/);
    expect(whole).not.toMatch(/…\s+\d/);
  });

  it("a quiet day in arrears asks for what is owed that day, penalty included, as customer service would", () => {
    const observed = simulate({ ...scenario, observe: [227, 228] });
    const x = explainDay(scenario, observed, 228);
    expect(x.steps).toEqual([]);
    // customer service asked on day 228 names the same amount: paying it clears the arrears
    const asked = simulate({
      ...scenario,
      events: [...scenario.events, { index: 999, day: 228, type: "contact_support" as const }].sort(
        (a, b) => a.day - b.day,
      ),
    });
    const answer = asked.steps.find((s) => s.day === 228 && s.event.type === "contact_support")!;
    const owed = answer.remedies.find((r) => r.kind === "pay_overdue");
    expect(owed).toBeDefined();
    expect(x.todo[0]).toBe(`pay the overdue ${money(owed!.kind === "pay_overdue" ? owed!.amount : 0)} now`);
    // more than the last step's amount (day 227): the penalty of a day has accrued since
    expect(x.todo[0]).not.toContain("¥4,008.00");
  });

  it("customer service whose only step is the record still says what helps, the same in the trace and in explain", () => {
    // the written-off debt repaid on day 305: nothing is owed, nothing can be done, and the advice says so
    const charged = loadScenario(`${ROOT}scenarios/default-charge-off.yaml`).scenario;
    const asked = {
      ...charged,
      events: [...charged.events, { index: 999, day: 310, type: "contact_support" as const }].sort(
        (a, b) => a.day - b.day,
      ),
    };
    const t = simulate(asked);
    const step = t.steps.find((s) => s.day === 310 && s.event.type === "contact_support")!;
    expect(step.remedies.map((r) => r.kind)).toEqual(["on_record"]);
    const settled = REASONS.DEBT_WRITTEN_OFF.settled!;
    const x = explainDay(asked, t, 310);
    expect(x.todo).toContain(settled);
    // the standing in words, as the trace says it
    expect(x.steps[0]!.status).toBe("charged off (credit)");
    expect(renderTrace(asked, t, { chalk: plain, explain: false, chart: false })).toContain(`→ ${settled}`);
  });

  it("customer service on an active line with a cut on record still says what helps with the reasons it gives", () => {
    // Zhang Ming, restored with his limit cut, asks for an increase every week and then asks customer
    // service: the cut and its way back are on record, and the reasons he is given (applications,
    // overdues) each say what helps — "stop applying" above all — in the trace and in explain alike
    const text = [
      "name: Restored, then asking every week",
      "profile: { age: 29, monthlyIncome: 8000, verified: true, creditHistoryMonths: 30, externalDebt: 20000 }",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
      "  - { day: 42, type: purchase, amount: 2000, merchant: JD }",
      // the March bill repaid 10 days late, then four increases asked in a fortnight
      "  - { day: 79, type: repay, amount: full }",
      ...[80, 84, 87, 92].map((d) => `  - { day: ${d}, type: apply, product: increase, amount: 3000 }`),
      "  - { day: 95, type: purchase, amount: 3000, merchant: Suning }",
      // the May bill overdue at the review of day 135: suspended, the limit cut to ¥3,000; restored on day 258
      "  - { day: 145, type: repay, amount: full }",
      ...[274, 281, 288, 295].map((d) => `  - { day: ${d}, type: apply, product: increase, amount: 2000 }`),
      "  - { day: 303, type: contact_support }",
      "until: 304",
      "",
    ].join("\n");
    const { scenario: written } = loadScenarioText(text, `${ROOT}restored-asking.yaml`);
    const t = simulate(written);
    const step = t.steps.find((s) => s.day === 303 && s.event.type === "contact_support")!;
    expect(step.remedies.map((r) => r.kind)).toContain("limit_cut");
    expect(step.reasons).toContain("INQUIRIES_30D");
    const stop = REASONS.INQUIRIES_30D.advice;
    expect(explainDay(written, t, 303).todo).toContain(stop);
    expect(renderTrace(written, t, { chalk: plain, explain: false, chart: false })).toContain(`→ ${stop}`);
  });

  it("customer service's reasons are headed as today's, not as the record (the record is the dated → line)", () => {
    // Zhang Ming asks customer service on day 230, suspended since day 227
    const text = renderExplanation(explainDay(scenario, trace, 230), plain, 120);
    expect(text).toContain("    as things stand today:");
    expect(text).not.toContain("on record:");
  });

  it("on an 80-column terminal the scorecard table stays one line a characteristic, points in their column", () => {
    const text = renderExplanation(explainDay(scenario, trace, 258), plain, 80);
    const table = text.split("\n").filter((l) => /\d+\/\d+/.test(l) && l.startsWith("  "));
    expect(table.length).toBeGreaterThan(10);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(80);
    // the points end in one column on every row
    const ends = new Set(table.map((l) => l.search(/\d+\/\d+/) + (/\d+\/\d+/.exec(l)?.[0].length ?? 0)));
    expect(ends.size).toBe(1);
  });

  it("a quiet day of a suspended customer points at the decision that still stands", () => {
    const x = explainDay(scenario, trace, 250);
    expect(x.steps).toEqual([]);
    expect(x.todo).toEqual([
      "the line is suspended: `explain --day 227` shows what still blocks restoration",
    ]);
  });

  it("explains the suspension: the rule with the policy threshold, the scorecard reasons with their bins", () => {
    const x = explainDay(scenario, trace, 227);
    expect(x.date).toBe("2024-08-15");
    const review = x.steps.find((s) => s.decision === "suspended")!;
    const rule = review.reasons.find((r) => r.code === "PAST_DUE_AT_REVIEW")!;
    const step = trace.steps.find((t) => t.decision === "suspended")!;
    expect(rule.because).toEqual([
      expect.stringMatching(new RegExp(`^${step.score} vs delinquentMinScore \\d+$`)),
    ]);
    const score = review.reasons.find((r) => r.code === "OVERDUE_RECENT")!;
    expect(score.because[0]).toMatch(
      /^Due dates missed, last 12 months: \d+ \(bin "[^"]+"\), \d+ of \d+ points — \d+ short$/,
    );
    // a rule that held too (the limit cut due the same day)
    expect(review.also.map((r) => r.code)).toEqual(["SCORE_BELOW_LIMIT_BAND"]);
    expect(x.todo.length).toBeGreaterThan(0);
    const text = renderExplanation(x, plain);
    expect(text).toContain("periodic review → suspended");
    expect(text).toContain("What the customer can do");
  });

  it("an application's score reasons are told from the file it was judged on, before its own inquiry: in their order", () => {
    // two applications elsewhere, then one to open under a minimum no file meets: judged on 2 applications
    // in 30 days (27 points short), after it 3 (35 short) — between them the income, 30 short. The reasons
    // ranked the income first; told from the file after the inquiry they read "30 short", then "35 short"
    const x = explainText(
      [
        "name: judged before its inquiry",
        "profile: { age: 30, monthlyIncome: 5300, verified: true, creditHistoryMonths: 60 }",
        "events:",
        "  - { day: 0, type: policy, set: { minOpenScore: 950 } }",
        "  - { day: 0, type: external_inquiry }",
        "  - { day: 1, type: external_inquiry }",
        "  - { day: 2, type: apply, product: open, amount: 3000 }",
      ].join("\n"),
      "judged.yaml",
      2,
    );
    const decline = x.steps.find((s) => s.decision === "declined")!;
    expect(decline.reasons.map((r) => r.code)).toEqual([
      "SCORE_BELOW_OPEN_MINIMUM",
      "LOW_INCOME",
      "INQUIRIES_30D",
      "INQUIRIES_180D",
    ]);
    const short = decline.reasons
      .filter((r) => r.kind === "score")
      .map((r) => Number(/— (\d+) short$/.exec(r.because[0]!)![1]));
    expect(short).toEqual([30, 27, 15]);
    expect(decline.reasons[2]!.because).toEqual([
      'Credit applications, last 30 days: 2 (bin "2"), 8 of 35 points — 27 short',
    ]);
    // the scorecard of the day's end counts the inquiry, as the step's score does
    expect(x.score.factors.find((f) => f.characteristic === "Credit applications, last 30 days")!.read).toBe(
      3,
    );
  });

  it("the day of a restoration gives no advice from customer service's answer before the review", () => {
    // the review runs after the day's events, so a question asked that day is answered while the line is
    // still suspended ("the next periodic review is on" that very day)
    const x = explainDay(scenario, trace, 319, askedOn(scenario, 319, scenario.until));
    expect(x.steps.map((s) => s.decision)).toEqual(["restored"]);
    expect(x.todo.length).toBeGreaterThan(0);
    for (const t of x.todo) expect(t).not.toMatch(/suspended since|periodic review/);
  });

  it("customer service's answer overtaken by the day's review gives the steps as of the day's end", () => {
    // suspended for the policy change (day 45) with a bill past due, repaid two days later; customer service
    // answers on day 74 before that day's review records the suspension anew, for credit (the clean period
    // after the overdue repaid while suspended): its "reasons recorded then" are the policy's
    const text = `name: recorded anew
start: 2024-01-01
until: 120
profile: { age: 29, monthlyIncome: 8000, verified: false, creditHistoryMonths: 30, externalDebt: 20000 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 5, type: purchase, amount: 4000 }
  - { day: 45, type: policy, use: tightened }
  - { day: 47, type: repay, amount: full }
  - { day: 74, type: contact_support }
`;
    const { scenario: anew } = loadScenarioText(text, `${ROOT}anew.yaml`);
    const t = simulate(anew);
    const x = explainDay(anew, t, 74, askedOn(anew, 74, anew.until));
    expect(x.steps.map((s) => [s.decision, s.status])).toEqual([
      ["info", "suspended (policy)"],
      ["suspended", "suspended (credit)"],
    ]);
    // the answer as given stays under its step; what to do is the day's end's
    expect(x.steps[0]!.remedies[0]).toMatch(/the reasons recorded then: qualification standards changed/);
    expect(x.todo[0]).toMatch(
      /^suspended since 2024-02-15 \(day 45\); credit reasons recorded 2024-03-15 \(day 74\)/,
    );
    // (the limit cut with the policy's suspension on day 45 keeps its own reasons, said apart)
    const cut = x.todo.filter((t) =>
      t.startsWith("the limit was cut from ¥5,000.00 to ¥3,000.00 on 2024-02-15"),
    );
    expect(cut).toHaveLength(1);
    expect(x.todo.filter((t) => !cut.includes(t)).join("\n")).not.toMatch(/qualification standards changed/);
  });

  it("a decision on a day in arrears asks for what is owed first, as the quiet days beside it do", () => {
    // the August bill (due day 146) is 5 days past due when the review of day 151 suspends the line for its
    // score; its reasons (the score's four) do not name the overdue. The day before and the day after
    // asked to pay it; the suspension's day once gave only the reasons' advice ("raise the score to the
    // restoration threshold"), the ¥4,509.00 owed unsaid
    const text = `name: owed on a decision day
start: 2024-03-17
until: 200
profile: { age: 29, monthlyIncome: 9000, verified: true, creditHistoryMonths: 30, externalDebt: 10000 }
events:
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 3, type: purchase, amount: 2500 }
  - { day: 40, type: repay, amount: statement }
  - { day: 45, type: purchase, amount: 3000 }
  - { day: 92, type: repay, amount: full }
  - { day: 95, type: apply, product: increase, amount: 5000 }
  - { day: 100, type: apply, product: increase, amount: 5000 }
  - { day: 104, type: apply, product: increase, amount: 3000 }
  - { day: 108, type: apply, product: increase, amount: 2000 }
  - { day: 110, type: purchase, amount: 4500 }
  - { day: 130, type: external_debt, amount: 90000 }
  - { day: 131, type: external_inquiry }
`;
    const { scenario: owed } = loadScenarioText(text, `${ROOT}owed.yaml`);
    const t = simulate({ ...owed, observe: [150, 152] });
    const on = (day: number) => explainDay(owed, t, day, askedOn(owed, day, owed.until));
    const x = on(151);
    expect(x.steps.map((s) => s.decision)).toEqual(["suspended"]);
    expect(x.steps[0]!.reasons.map((r) => r.code)).not.toContain("OVERDUE_NOW");
    // (as of the day's end, its penalty charged: ¥4,511.25, what the answer the next morning asks)
    expect(x.todo[0]).toMatch(/^pay the overdue ¥4,511\.25 now/);
    // the reasons' advice follows, as before
    expect(x.todo.slice(1)).toEqual(explainDay(owed, t, 151).todo);
    expect(x.todo.slice(1)).toContain("raise the score to the restoration threshold");
    for (const day of [150, 152]) expect(on(day).todo[0]).toMatch(/^pay the overdue ¥4,5\d\d\.\d\d now/);
  });

  it("a characteristic's points below zero are written with a minus sign, as the factor table writes them", () => {
    // Sun Hao's charge-off (day 249) cites his serious delinquency, which scores below zero: how many are
    // on file, and how long the latest stays there (both characteristics cite the one reason)
    const { scenario: sun } = loadScenario(`${ROOT}scenarios/default-charge-off.yaml`);
    const x = explainDay(sun, simulate(sun), 249);
    const cited = x.steps.flatMap((s) => s.reasons).find((r) => r.code === "SERIOUS_DELINQUENCY")!;
    expect(cited.because).toEqual([
      expect.stringMatching(
        /^Over 90 days past due, [^:]+: \d+ \(bin "[^"]+"\), −\d+ of \d+ points — \d+ short$/,
      ),
      expect.stringMatching(
        /^Days the most recent serious delinquency stays on file [^:]+: [\d,]+ \(bin "[^"]+"\), −\d+ of 0 points — \d+ short$/,
      ),
    ]);
    expect(renderExplanation(x, plain)).not.toMatch(/ -\d+ of \d+ points/);
  });

  it("a day that decides on both lines names each decision's line and shows that line's standing", () => {
    // the review of day 105 cuts Huabei's limit and suspends Jiebei for its debt burden
    const { scenario: two } = loadScenario(`${ROOT}scenarios/two-lines.yaml`);
    const x = explainDay(two, simulate(two), 105);
    const jiebei = x.steps.find((s) => s.line === "Jiebei")!;
    expect(jiebei).toMatchObject({ decision: "suspended", status: "suspended (credit)" });
    expect(x.steps.find((s) => s.line === "Huabei")).toMatchObject({
      decision: "limit_reduced",
      status: "active",
    });
    const text = renderExplanation(x, plain);
    expect(text).toContain("→ Huabei limit reduced  (score");
    expect(text).toContain(`→ Jiebei suspended  (score ${jiebei.score}, suspended (credit))`);
  });

  it("a review that records a suspension beneath a security hold says so, and that verifying comes first", () => {
    // Wang Fang's hold (day 66) is not lifted before the review of day 75, which finds her debt burden too
    // high: a suspension for credit recorded beneath the hold, which stays
    const text = `name: held
start: 2024-03-01
until: 100
profile: { age: 41, monthlyIncome: 15000, verified: true, creditHistoryMonths: 96 }
events:
  - { day: 0, type: apply, product: open, amount: 10000 }
  - { day: 50, type: change_profile, field: phone }
  - { day: 58, type: change_profile, field: address }
  - { day: 66, type: change_profile, field: device }
  - { day: 72, type: external_debt, amount: 400000 }
`;
    const x = explainText(text, "held.yaml", 75);
    expect(x.steps).toMatchObject([
      { decision: "suspended", beneath: "credit", status: "suspended (security)" },
    ]);
    expect(renderExplanation(x, plain)).toContain(
      "• periodic review → suspended for credit beneath the security hold  (score",
    );
    // the hold's step first (its reasons are the suspension's: they never said it), then theirs
    expect(x.todo[0]).toMatch(/^verify your identity: only that lifts the security hold, .* for credit/);
    expect(x.todo.slice(1)).toEqual(reasonAdvice(x.steps[0]!.reasons.map((r) => r.code as ReasonCode)));
  });

  it("a step two decisions of the day both give is said once, where it was first given, as the day left it", () => {
    // customer service, a repayment, then an early review: both answers ask to pay the overdue amount
    const text = `name: twice
start: 2024-01-01
until: 100
profile: { age: 35, monthlyIncome: 10000, verified: true, creditHistoryMonths: 60 }
events:
  - { day: 0, type: apply, product: open, amount: 6000 }
  - { day: 5, type: purchase, amount: 3000 }
  - { day: 75, type: contact_support }
  - { day: 75, type: repay, amount: 1000 }
  - { day: 75, type: request_review }
`;
    const x = explainText(text, "twice.yaml", 75);
    expect(x.steps.map((s) => s.decision)).toEqual(["info", null, "declined"]);
    const pay = x.todo.filter((t) => t.startsWith("pay the overdue"));
    expect(pay).toEqual([expect.stringMatching(/^pay the overdue ¥2,051\.00 now/)]);
    expect(x.todo[0]).toBe(pay[0]);
    // a step that is the customer's, not a line's (one verification lifts both holds), once, with no line
    const both = `name: both held
start: 2024-01-01
until: 50
profile: { age: 32, monthlyIncome: 10000, verified: true, creditHistoryMonths: 60 }
events:
  - { day: 0, type: apply, product: open, amount: 6000 }
  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }
  - { day: 30, type: change_profile, field: phone }
  - { day: 31, type: change_profile, field: address }
  - { day: 32, type: change_profile, field: device }
  - { day: 41, type: request_review }
  - { day: 41, type: request_review, line: jiebei }
`;
    const y = explainText(both, "both.yaml", 41);
    expect(y.steps.map((s) => s.line)).toEqual(["Huabei", "Jiebei"]);
    expect(y.todo.filter((t) => /verify your identity/.test(t))).toEqual([
      "verify your identity (a verify_identity event)",
    ]);
    // what is each line's stays each line's
    expect(y.todo.filter((t) => /suspended since/.test(t))).toHaveLength(2);
  });

  it("a customer-service day lists the remedies as what to do", () => {
    const x = explainDay(scenario, trace, 230);
    expect(x.steps[0]!.decision).toBe("info");
    expect(x.todo.some((t) => t.startsWith("repay every bill on time until 2024-11-15"))).toBe(true);
  });

  it("a rule without numbers prints no empty line beneath its code", () => {
    // a new-to-credit customer asking for Jiebei: REPAYMENT_RECORD_REQUIRED has no numbers to show
    const { scenario: thin } = loadScenario(`${ROOT}scenarios/first-credit.yaml`);
    const ask = {
      day: 40,
      index: thin.events.length,
      type: "apply",
      line: "jiebei",
      product: "open",
      amount: 500_000,
    };
    const events = [...thin.events, ask as (typeof thin.events)[number]].sort(
      (a, b) => a.day - b.day || a.index - b.index,
    );
    const early = { ...thin, events };
    const x = explainDay(early, simulate(early), 40);
    const apply = x.steps.find((s) => s.reasons.some((r) => r.code === "REPAYMENT_RECORD_REQUIRED"))!;
    expect(apply.reasons.find((r) => r.code === "REPAYMENT_RECORD_REQUIRED")!.because).toEqual([]);
    expect(renderExplanation(x, plain)).not.toMatch(/REPAYMENT_RECORD_REQUIRED[^\n]*\n\s*\n/);
  });

  it("a thin file's missing record shows the characteristics it costs, as any score reason shows its values", () => {
    const { scenario: thin } = loadScenario(`${ROOT}scenarios/first-credit.yaml`);
    const poor = {
      ...thin,
      profile: { ...thin.profile, verified: false, monthlyIncome: 2000, externalDebt: 3_000_000 },
    };
    const x = explainDay(poor, simulate(poor), 0);
    const apply = x.steps.find((s) => s.decision === "declined")!;
    const missing = apply.reasons.find((r) => r.code === "NO_REPAYMENT_RECORD")!;
    expect(missing.because.length).toBeGreaterThan(1);
    for (const b of missing.because)
      expect(b).toMatch(/^[^:]+: no data \(bin "no repayment record yet"\), \d+ of \d+ points — \d+ short$/);
    expect(missing.because).toContainEqual(expect.stringMatching(/^Days past due now: /));
  });

  it("a day without steps says so and shows the score as it stood", () => {
    const x = explainDay(scenario, trace, 228);
    expect(x.steps).toEqual([]);
    expect(x.before?.day).toBe(227);
    expect(x.score.value).toBe(trace.steps.filter((t) => t.day <= 228).at(-1)!.score);
    expect(renderExplanation(x, plain)).toContain(
      "Nothing happened on day 228. The last step before it: day 227",
    );
  });

  it("a review day whose review decided nothing says the review ran and kept the line, on the policy's review day", () => {
    // past due at the review with a score not below delinquentMinScore: the review keeps the line, and an
    // active line's review that decides nothing is no step — explain said "Nothing happened" on it
    const text = (reviewDay: number) =>
      [
        "name: kept at the review",
        "profile: { monthlyIncome: 10000, creditHistoryMonths: 36 }",
        "events:",
        ...(reviewDay === 15
          ? []
          : [`  - { day: 0, type: policy, set: { reviewDayOfMonth: ${reviewDay} } }`]),
        "  - { day: 0, type: apply, product: open, amount: 6000 }",
        "  - { day: 5, type: purchase, amount: 3000 }",
        "  - { day: 45, type: purchase, amount: 20 }",
        "  - { day: 46, type: repay, amount: full }",
      ].join("\n");
    // day 44 overdue, day 45 (15 February) the review, a purchase that day too
    const quiet = explainText(text(15), "kept.yaml", 45);
    expect(quiet.keptAtReview).toEqual(["Huabei"]);
    expect(quiet.steps.map((s) => s.event)).toEqual(["purchase ¥20.00"]);
    expect(renderExplanation(quiet, plain)).toContain(
      "• the periodic review, which kept Huabei as it was (active, no decision)",
    );
    // the review on the 20th instead: day 50 reviewed, nothing else happened; day 45 reviewed nothing
    const moved = explainText(text(20), "kept.yaml", 50);
    expect(moved.steps).toEqual([]);
    expect(renderExplanation(moved, plain)).toContain(
      "Nothing happened on day 50 but the periodic review, which kept Huabei as it was (active, no decision). The last step before it: day 46",
    );
    expect(explainText(text(20), "kept.yaml", 45).keptAtReview).toEqual([]);
    // a review that decided is its own step; a day that is no review day keeps nothing
    expect(explainDay(scenario, trace, 227).keptAtReview).toEqual([]);
    expect(explainDay(scenario, trace, 228).keptAtReview).toEqual([]);
  });

  it("a day whose score moved without a decision names the characteristics", () => {
    const x = explainDay(scenario, trace, 226);
    expect(x.steps[0]!.decision).toBeNull();
    expect(x.steps[0]!.moves).toContainEqual(expect.stringMatching(/^Days past due now −\d+$/));
  });
});

describe("a day of many decisions", () => {
  // the day's advice looked up every reason of every step among every fact of the day: a day of 8,000
  // increases took 25 s to explain (run --json --explain of 100,000 on one day, over 15 minutes). The
  // work is counted, not timed: how often a fact's code is read
  it("costs each reason of the day its own work, not a look over every fact of the day", () => {
    const many = build([on.open(0, 5_000), ...Array.from({ length: 1_000 }, () => on.increase(1, 1))], {
      until: 2,
    });
    const t = simulate(many);
    const count = { reads: 0 };
    const steps = t.steps.map((s) => ({ ...s, facts: countingReads(s.facts, "code", count).items }));
    const reads = () => count.reads;
    const facts = steps.reduce((n, s) => n + s.facts.length, 0);
    const x = explainDay(many, { ...t, steps }, 1);
    expect(x.steps).toHaveLength(1_000);
    expect(reads()).toBeGreaterThan(0); // the count counts
    expect(reads()).toBeLessThan(20 * facts);
    expect(x.todo.length).toBeGreaterThan(0);
    expect(new Set(x.todo).size).toBe(x.todo.length);
  });
});

describe("the policy in force", () => {
  it("is named as the day's steps name it: a `set` marks it changed (default*), as run --json does", () => {
    const text = [
      "name: set",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 3000 }",
      "  - { day: 10, type: policy, set: { minScore: 900 } }",
      "  - { day: 20, type: policy, use: tightened }",
      "",
    ].join("\n");
    const { scenario: sc } = loadScenarioText(text, `${ROOT}set.yaml`);
    const t = simulate(sc);
    const named = (day: number) => explainDay(sc, t, day).policy;
    expect(named(9)).toBe("default");
    expect(named(10)).toBe(t.steps.find((s) => s.day === 10)!.policy);
    expect(named(10)).toBe("default*");
    expect(named(20)).toBe("tightened");
  });

  it("is marked changed once, however many `set`s changed it (default*, not default**)", () => {
    const text = [
      "name: sets",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 3000 }",
      "  - { day: 10, type: policy, set: { maxDebtToIncome: 0.8 } }",
      "  - { day: 20, type: policy, set: { maxDebtToIncome: 2 } }",
      "  - { day: 30, type: policy, use: tightened, set: { minScore: 600 } }",
      "  - { day: 40, type: policy, set: { minScore: 610 } }",
      "",
    ].join("\n");
    const { scenario: sc } = loadScenarioText(text, `${ROOT}sets.yaml`);
    const t = simulate(sc);
    const named = (day: number) => explainDay(sc, t, day).policy;
    expect(named(20)).toBe("default*");
    expect(t.steps.find((s) => s.day === 20)!.policy).toBe("default*");
    expect(named(30)).toBe("tightened*");
    expect(named(40)).toBe("tightened*");
  });
});

describe("the scorecard's table", () => {
  it("heads its columns, so that '10/50  −40' reads as points of the maximum and what they are short by", () => {
    const x = explainDay(scenario, trace, 227);
    const right = (l: string, word: string) => l.indexOf(word) + word.length;
    // wide: one head line above the rows, each number's column ending under its head
    const wide = renderExplanation(x, plain).split("\n");
    const head = wide.findIndex((l) => /^ {2}characteristic +value {2}bin +points {2}short$/.test(l));
    expect(head).toBeGreaterThan(0);
    const days = wide[head + 1]!;
    expect(days).toMatch(/^ {2}Days past due now +5 {2}1–30 +10\/50 {2}−40$/);
    expect(right(days, "10/50")).toBe(right(wide[head]!, "points"));
    expect(right(days, " 5 ")).toBe(right(wide[head]!, "value") + 1);
    // at 80 columns a narrower name column: a long name wraps within it, its numbers beside its first
    // line, the rest of it beneath — every row's numbers still under their heads
    const at80 = renderExplanation(x, plain, 80).split("\n");
    const h80 = at80.findIndex((l) => /^ {2}characteristic +value {2}bin +points {2}short$/.test(l));
    expect(h80).toBeGreaterThan(0);
    expect(at80[h80 + 1]).toMatch(/^ {2}Days past due now +5 {2}1–30 +10\/50 {2}−40$/);
    expect(right(at80[h80 + 1]!, "10/50")).toBe(right(at80[h80]!, "points"));
    const good = at80.findIndex((l) => l.startsWith("  Months in good standing"));
    expect(at80[good]).toMatch(/^ {2}Months in good standing, last 24 +30 {2}18 or more +40\/40$/);
    expect(right(at80[good]!, "40/40")).toBe(right(at80[h80]!, "points"));
    // with fewer columns still, each name takes a line of its own, its numbers beneath: the head likewise
    const narrow = renderExplanation(x, plain, 60).split("\n");
    const at = narrow.indexOf("  characteristic");
    expect(at).toBeGreaterThan(0);
    expect(narrow[at + 1]).toMatch(/^ +value {2}bin +points {2}short$/);
    expect(narrow[at + 2]).toBe("  Days past due now");
    expect(right(narrow[at + 3]!, "10/50")).toBe(right(narrow[at + 1]!, "points"));
    for (const [text, columns] of [
      [at80, 80],
      [narrow, 60],
    ] as const) {
      const table = text.slice(
        text.findIndex((l) => l.startsWith("  characteristic")),
        text.indexOf("What the customer can do"),
      );
      for (const l of table) expect(l.length, l).toBeLessThanOrEqual(columns);
    }
  });
});

describe("the scorecard's table at 80 and 100 columns", () => {
  // explain --day 230's table was 125 columns wide through a pipe (a title of 95 characters), and at 80
  // columns four of its rows took two or three lines each: a short label keeps each row one line
  it("is one line a characteristic, piped or on a terminal of 80 or 100 columns, its labels the titles' first words", () => {
    const x = explainDay(scenario, trace, 230);
    for (const columns of [undefined, 100, 80]) {
      const text = renderExplanation(x, plain, columns).split("\n");
      const head = text.findIndex((l) => l.startsWith("  characteristic"));
      const rows = text.slice(head + 1, head + 1 + x.score.factors.length);
      for (const l of rows) {
        expect(l, `${columns}: ${l}`).toMatch(/ \d+\/\d+( {2}−\d+)?$/);
        expect(l.length, `${columns}: ${l}`).toBeLessThanOrEqual(80);
      }
      expect(rows.find((l) => l.startsWith("  Over 90 days past due or charged off "))).toBeDefined();
      expect(rows.find((l) => l.startsWith("  Huabei purchase days, last 90 days "))).toBeDefined();
    }
  });

  it("names what run --explain's table names, and says the title whole among a reason's values", () => {
    const run = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false }).split("\n");
    expect(run.some((l) => /^ +Over 90 days past due or charged off +0 /.test(l))).toBe(true);
    const x = explainDay(scenario, trace, 230);
    expect(renderExplanation(x, plain)).toContain('Worst days past due, last 24 months: 8 (bin "8–30")');
    // --json keeps the titles whole
    expect(x.score.factors.map((f) => f.characteristic)).toContain(
      "Over 90 days past due, and charge-offs, on file (5 years from repayment, for as long as unpaid)",
    );
  });
});

describe("the end of the day", () => {
  it("is the day's end, a month-end report after the last step included: what run and test read", async () => {
    const { cli } = await import("../helpers/cli.js");
    const good = loadScenario(`${ROOT}scenarios/good-customer.yaml`).scenario;
    // day 230: no event that day; the month-end report of day 213 moved the score after the last step
    const end = simulate({ ...good, until: 230 }).final.score;
    const r = await cli(["explain", `${ROOT}scenarios/good-customer.yaml`, "--day", "230", "--json"]);
    const x = JSON.parse(r.stdout);
    expect(x.score.value).toBe(end);
    const text = (await cli(["explain", `${ROOT}scenarios/good-customer.yaml`, "--day", "230", "--no-color"]))
      .stdout;
    expect(text).toContain(`Score at the end of the day: ${end}`);
  });
});

describe("a file without steps", () => {
  it("explains any day from the day's end: no step to lean on, no crash", async () => {
    const { cli } = await import("../helpers/cli.js");
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const d = mkdtempSync(join(tmpdir(), "credit-sim-explain-"));
    try {
      writeFileSync(join(d, "e.yaml"), "name: empty\nevents: []\n");
      for (const day of ["0", "31", "40"]) {
        const r = await cli(["explain", join(d, "e.yaml"), "--day", day, "--no-color"]);
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/Score at the end of the day: \d+/);
        const json = await cli(["explain", join(d, "e.yaml"), "--day", day, "--json"]);
        expect(JSON.parse(json.stdout).score.afterLastStep).toBeUndefined();
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe("what explain says plainly", () => {
  it("a day past the scenario's end says so; advice never repeats itself; a negative point reads with a minus", async () => {
    const { cli } = await import("../helpers/cli.js");
    const zhang = `${ROOT}scenarios/zhang-ming.yaml`;
    const past = (await cli(["explain", zhang, "--day", "999", "--no-color"])).stdout;
    expect(past).toContain("Day 999 is after the scenario's last day (400)");
    expect(past).toMatch(/ −150\/50 /);
    expect(past).not.toMatch(/ -\d+\//);
    expect(JSON.parse((await cli(["explain", zhang, "--day", "999", "--json"])).stdout).pastUntil).toBe(400);
    const within = await cli(["explain", zhang, "--day", "227", "--no-color"]);
    expect(within.stdout).not.toContain("after the scenario's last day");
    expect(within.stdout).toContain(
      "(good; a 25 % chance of default within a year, as the simulated population's accounts of this score turn out)",
    );
    const todo = within.stdout
      .split("What the customer can do")[1]!
      .split("\n")
      .filter((l) => l.startsWith("  → "));
    expect(todo.length).toBeGreaterThan(1);
    for (const a of todo) for (const b of todo) if (a !== b) expect(b.startsWith(a)).toBe(false);
    // two reasons asking for the same thing in other words: said once ("report a higher income" is in
    // "pay down debt … or report a higher income")
    const both = (await cli(["explain", `${ROOT}scenarios/two-lines.yaml`, "--day", "105", "--no-color"]))
      .stdout;
    const steps = both
      .split("What the customer can do")[1]!
      .split("\n")
      .filter((l) => l.startsWith("  → "));
    expect(steps.filter((l) => l.includes("higher income"))).toEqual([
      "  → pay down debt (here or elsewhere) or report a higher income",
    ]);
  });

  it("a purchase over the limit with nothing owed is not told to repay: there is nothing to repay", () => {
    const text = [
      "name: over the limit",
      "start: 2025-01-01",
      "profile: { age: 29, monthlyIncome: 8000, verified: true, creditHistoryMonths: 30, externalDebt: 0 }",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 2000 }",
      "  - { day: 2, type: purchase, amount: 5000 }",
      "  - { day: 3, type: purchase, amount: 500 }",
      "  - { day: 4, type: purchase, amount: 1800 }",
    ].join("\n");
    const s = loadScenarioText(text, "over.yaml").scenario;
    const t = simulate(s);
    const todo = (day: number) => explainDay(s, t, day).todo;
    expect(todo(2)).toEqual([REASONS.OVER_LIMIT.settled]);
    // once something is owed, repaying part of it does make room
    expect(todo(4)).toEqual([REASONS.OVER_LIMIT.advice]);
  });

  it("the scorecard table groups a value's thousands as its bins do (¥8,000 beside ¥6,000–¥9,999)", () => {
    const text = renderExplanation(explainDay(scenario, trace, 227), plain, 200);
    expect(text).toMatch(/Monthly income +¥8,000 +¥6,000–¥9,999 /);
  });

  it("too many applications in 30 days and in 6 months give one step, not two that read as different counsel", () => {
    expect(reasonAdvice(["INQUIRIES_30D", "INQUIRIES_180D"])).toEqual([REASONS.INQUIRIES_30D.advice]);
    expect(reasonAdvice(["INQUIRIES_180D"])).toEqual([REASONS.INQUIRIES_180D.advice]);
  });
});

describe("the reasons explain shows", () => {
  // `explain --day N` shows each step of the day with the reasons the trace gives it, in the trace's order,
  // every one in the catalogue, and the rules that also held (the step's other facts) — none dropped, none
  // added, over random timelines
  it("are the trace's: each step's reasons, then its other facts, in order, every code in the catalogue", () => {
    let shown = 0;
    fc.assert(
      fc.property(fc.oneof(scenarioArb, activeScenarioArb), fc.nat(), (sc, pick) => {
        const t = simulate(sc);
        if (t.steps.length === 0) return;
        const day = t.steps[pick % t.steps.length]!.day;
        const steps = t.steps.filter((s) => s.day === day);
        const x = explainDay(sc, t, day);
        expect(x.steps.map((s) => s.decision)).toEqual(steps.map((s) => s.decision));
        expect(x.steps.map((s) => s.reasons.map((r) => r.code))).toEqual(steps.map((s) => s.reasons));
        const also = (s: (typeof steps)[number]) =>
          s.facts.filter((f) => !s.reasons.includes(f.code)).map((f) => f.code);
        expect(x.steps.map((s) => s.also.map((r) => r.code))).toEqual(steps.map(also));
        for (const s of steps)
          for (const code of [...s.reasons, ...also(s)]) expect(REASONS[code]).toBeDefined();
        // and the text says each, in that order
        const said = renderExplanation(x, plain)
          .split("\n")
          .flatMap((l) => /^ {6}(also )?([A-Z0-9_]+) {2}/.exec(l) ?? [])
          .filter((_, i) => i % 3 === 2);
        expect(said).toEqual(steps.flatMap((s) => [...s.reasons, ...also(s)]));
        shown += said.length;
      }),
      { numRuns: propertyRuns(30) },
    );
    // the days drawn cite reasons to show
    expect(shown).toBeGreaterThan(0);
  });
});

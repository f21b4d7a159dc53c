// An answer speaks only of the lines the customer has: Huabei's bills, Jiebei's instalments, or both. A
// customer with no Jiebei line was told to repay "every bill and instalment"; one with Jiebei alone, to
// "repay every bill on time" through a clean period; and debt advice on Huabei alone named "Huabei and
// Jiebei balances".

import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { explainDay } from "../../src/render/explain-day.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";

const plain = new Chalk({ level: 0 });

const PROFILE =
  "profile: { age: 30, monthlyIncome: 8000, verified: true, creditHistoryMonths: 36, externalDebt: 0 }";

/** A scenario from its events (YAML lines), its trace as `run` prints it, and the words of the day `day`'s
 *  customer service answer: from its step to the next one. */
function answered(events: string[], day: number, profile = PROFILE) {
  const text = [
    "name: lines held",
    "start: 2024-01-01",
    `until: ${day + 30}`,
    "policy: default",
    profile,
    "events:",
    ...events.map((e) => `  - ${e}`),
    `  - { day: ${day}, type: contact_support }`,
    "",
  ].join("\n");
  const { scenario } = loadScenarioText(text, `${ROOT}lines-held.yaml`);
  const trace = simulate(scenario);
  const run = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
  const from = run.indexOf("contact customer service");
  const rest = run.slice(from).split("\n");
  const end = rest.findIndex((l, i) => i > 0 && /^ +\d+ {2}\d{4}-/.test(l));
  const said = rest.slice(0, end < 0 ? undefined : end).join("\n");
  // what `explain --day` says the customer can do (its factor table names the scorecard's characteristics)
  const explanation = renderExplanation(explainDay(scenario, trace, day), plain);
  const explained = explanation.slice(explanation.indexOf("What the customer can do"));
  return { said, explained };
}

describe("an answer's words for the lines the customer has", () => {
  it("Huabei alone: a missed due date asks every bill repaid on time — no instalment, no Jiebei", () => {
    // a ¥2,000 purchase whose bill (due day 40) is left until day 70
    const { said, explained } = answered(
      [
        "{ day: 0, type: apply, product: open, amount: 5000 }",
        "{ day: 5, type: purchase, amount: 2000 }",
        "{ day: 70, type: repay, amount: full }",
      ],
      75,
    );
    expect(said).toContain("OVERDUE_RECENT");
    for (const text of [said, explained])
      expect(text).toContain("→ repay every bill on time; a missed due date counts for 12 months");
    for (const text of [said, explained]) {
      expect(text).not.toMatch(/instalment/);
      expect(text).not.toMatch(/Jiebei/);
    }
  });

  it("Jiebei alone: the clean period asks every instalment repaid on time — no bill", () => {
    // a cash loan's first instalment (due day 36) left until day 80: Jiebei suspended, then repaid
    const { said, explained } = answered(
      [
        "{ day: 0, type: apply, line: jiebei, product: open, amount: 20000 }",
        "{ day: 5, type: borrow, amount: 10000, term: 6 }",
        "{ day: 80, type: repay, line: jiebei, amount: full }",
      ],
      85,
    );
    for (const text of [said, explained])
      expect(text).toContain("→ Jiebei: repay every instalment on time until 2024-06-19 (day 170)");
    for (const text of [said, explained]) expect(text).not.toMatch(/\bbills?\b/);
  });

  it("Huabei alone: the debt advice counts the Huabei balance, not 'Huabei and Jiebei balances'", () => {
    const { said } = answered(
      [
        "{ day: 0, type: apply, product: open, amount: 3000 }",
        "{ day: 5, type: purchase, amount: 1000 }",
        "{ day: 20, type: external_debt, amount: 75000 }",
      ],
      35,
      "profile: { age: 30, monthlyIncome: 3000, verified: true, creditHistoryMonths: 36, externalDebt: 60000 }",
    );
    expect(said).toContain(
      "(the Huabei balance counts as reported at a month end: spending on it before it adds",
    );
    expect(said).not.toMatch(/Jiebei|instalment/);
  });

  it("both lines: every bill and instalment (Liu Yang, on day 125)", () => {
    const { scenario } = loadScenario(`${ROOT}scenarios/two-lines.yaml`);
    const run = renderTrace(scenario, simulate(scenario), { chalk: plain, explain: false, chart: false });
    expect(run).toContain("→ Jiebei: repay every bill and instalment on time until 2024-07-30 (day 211)");
  });
});

describe("advice that names a line the customer does not have asks for it first", () => {
  // new to credit (no history elsewhere): a Jiebei application needs six months of record on a line — told
  // "use Huabei and repay it on time until the file holds six months of record" with no Huabei to use (never opened, or closed
  // by the customer), the customer could not do what was asked
  const THIN =
    "profile: { age: 24, monthlyIncome: 6000, verified: true, creditHistoryMonths: 0, externalDebt: 0 }";
  const explained = (events: string[], day: number) => {
    const text = [
      "name: thin",
      "start: 2024-01-01",
      `until: ${day + 240}`,
      "policy: default",
      THIN,
      "events:",
    ]
      .concat(
        events.map((e) => `  - ${e}`),
        "",
      )
      .join("\n");
    const { scenario } = loadScenarioText(text, `${ROOT}thin.yaml`);
    const trace = simulate(scenario);
    return { scenario, trace, todo: explainDay(scenario, trace, day).todo };
  };
  const askJiebei = (day: number) =>
    `{ day: ${day}, type: apply, line: jiebei, product: open, amount: 5000 }`;
  const OPEN_FIRST =
    "open Huabei (apply, product: open), use it and repay it on time until the file holds six months of record";

  it("no Huabei: open it first — and doing so, the record no longer declines Jiebei six month ends on", () => {
    const { todo } = explained([askJiebei(0)], 0);
    expect(todo).toContain(OPEN_FIRST);
    expect(todo.join("\n")).not.toContain("use Huabei");
    // as told: Huabei opened, used and repaid on time; after six month ends Jiebei is not declined for it
    const { trace } = explained(
      [
        askJiebei(0),
        "{ day: 1, type: apply, product: open, amount: 3000 }",
        "{ day: 2, type: purchase, amount: 100 }",
        "{ day: 40, type: repay, amount: full }",
        askJiebei(182),
      ],
      0,
    );
    const asked = trace.steps.filter((s) => s.event.type === "apply" && s.line === "jiebei");
    expect(asked[0]!.reasons).toContain("REPAYMENT_RECORD_REQUIRED");
    expect(asked[1]!.day).toBe(182);
    expect(asked[1]!.reasons).not.toContain("REPAYMENT_RECORD_REQUIRED");
  });

  it("Huabei closed by the customer: open it again first", () => {
    const { todo } = explained(
      [
        "{ day: 0, type: apply, product: open, amount: 3000 }",
        "{ day: 3, type: purchase, amount: 100 }",
        "{ day: 50, type: repay, amount: full }",
        "{ day: 60, type: close }",
        askJiebei(70),
      ],
      70,
    );
    expect(todo).toContain(OPEN_FIRST);
  });

  it("Huabei held: use it", () => {
    const { todo } = explained(["{ day: 0, type: apply, product: open, amount: 3000 }", askJiebei(5)], 5);
    expect(todo).toContain("use Huabei and repay it on time until the file holds six months of record");
  });
});

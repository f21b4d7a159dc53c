// The trace renderers, called directly: colour only adds escapes, options take parts away, the NDJSON
// form is one object a step. (test/cli/run.test.ts holds the golden text of a whole trace.)

import { stripVTControlCharacters } from "node:util";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { scatterChart, scoreChart } from "../../src/render/chart.js";
import { fitted } from "../../src/render/fit.js";
import { traceToNdjson } from "../../src/render/json.js";
import { runNdjson } from "../../src/render/run-json.js";
import { decisionColour, renderTrace } from "../../src/render/trace.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";

const { scenario } = loadScenario("scenarios/zhang-ming.yaml");
const trace = simulate(scenario);
const plain = new Chalk({ level: 0 });
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);
const colour = new Chalk({ level: 1 });

describe("renderTrace", () => {
  const text = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: true });

  it("a description written as a YAML block (> or |) heads the trace as one paragraph, not with its line breaks escaped", () => {
    const header = (description: string) => {
      const text = `name: Block\ndescription: ${description}\nevents:\n  - { day: 0, type: apply, product: open, amount: 2000 }\n`;
      const { scenario: written } = loadScenarioText(text, "block.yaml");
      return renderTrace(written, simulate(written), { chalk: plain, explain: false, chart: false }).split(
        "\n",
      )[0];
    };
    // folded: YAML keeps a last line break, which was printed as "\n"
    expect(header(">\n  She moves to Shenzhen\n  for a new job.")).toBe(
      "Block — She moves to Shenzhen for a new job.",
    );
    expect(header("|\n  line one\n  line two")).toBe("Block — line one line two");
    expect(header("one line")).toBe("Block — one line");
  });

  it("a suspension recorded beneath a security hold says so on its row: the status column still reads the hold's", () => {
    // the hold of 3 March, then the overdue's 30th day on 11 March: the row said "suspended" beside
    // "suspended (security)", and only the summary told that it was for credit
    const { scenario: held } = loadScenario("test/fixtures/scenarios/hold-then-overdue.yaml");
    const rows = renderTrace(held, simulate(held), { chalk: plain, explain: false, chart: false }).split(
      "\n",
    );
    const at = rows.findIndex((l) => /^ +70 {2}2024-03-11 {2}overdue /.test(l));
    expect(rows[at]).toMatch(/suspended \(security\)$/);
    const said = rows.slice(at + 1, at + 5).map((l) => l.trim());
    expect(said).toContain(
      "suspended for credit beneath the security hold: the status says security until identity is verified, then credit",
    );
  });

  it("keeps its columns under an event of wide characters: a Chinese merchant takes two columns a character", () => {
    const { scenario: wide } = loadScenario("test/fixtures/whatif/wide-merchant.yaml");
    const rows = renderTrace(wide, simulate(wide), { chalk: plain, explain: false, chart: false })
      .split("\n")
      .filter((l) => /^ +\d+ {2}\S+ {2}purchase /.test(l));
    expect(rows).toHaveLength(2);
    // the decision starts at the same terminal column on both rows
    const at = rows.map((l) => stringWidth(l.slice(0, l.indexOf(" approved"))));
    expect(at[0]).toBe(at[1]);
  });

  it("is plain text without colour; colour adds escapes and nothing else", () => {
    expect(text).not.toMatch(ANSI);
    const coloured = renderTrace(scenario, trace, { chalk: colour, explain: false, chart: true });
    expect(coloured).toMatch(ANSI);
    expect(stripVTControlCharacters(coloured)).toBe(text);
  });

  it("on a terminal too narrow for every column, puts each step's score and standing on a line beneath", () => {
    const narrow = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false, columns: 80 });
    expect(narrow).toContain("beneath each step: its score, limit, balance and status");
    expect(narrow).toMatch(
      /^ +227 {2}2024-08-15 {2}periodic review +suspended\n {18}score 648 · limit ¥3,000\.00 · balance ¥4,008\.00 · suspended\u00a0\(credit\)$/m,
    );
    // every step keeps its numbers: one standing line a step
    expect(narrow.match(/^ {18}score \d+( \([+−]\d+\))? · limit /gm)).toHaveLength(trace.steps.length);
    for (const line of narrow.split("\n").filter((l) => /^ *\d+ {2}\d{4}-/.test(l)))
      expect(line.length).toBeLessThanOrEqual(80);
    // two lines: Jiebei's standing beneath Huabei's
    const { scenario: two } = loadScenario("scenarios/two-lines.yaml");
    const both = renderTrace(two, simulate(two), {
      chalk: plain,
      explain: false,
      chart: false,
      columns: 120,
    });
    expect(both).toMatch(/^ {18}score \d+[^\n]* · Huabei: limit [^\n]*\n {18} +Jiebei: limit /m);
    // at 80 columns the two beside the score would each wrap (Jiebei's twice): the score goes above them,
    // and every step's standing is three lines, each at the indent
    const at80 = renderTrace(two, simulate(two), { chalk: plain, explain: false, chart: false, columns: 80 });
    const standings = at80.match(
      /^ {18}score \d+( \([+−]\d+\))?\n {18}Huabei: limit .*\n {18}Jiebei: limit .*$/gm,
    );
    expect(standings).toHaveLength(simulate(two).steps.length);
    expect(at80).not.toMatch(/ · Huabei: /);
    // wide enough for every column: the table as without a width
    const wide = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false, columns: 200 });
    expect(wide).toBe(renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false }));
  });

  it("on a terminal too narrow for the event and its decision side by side, every decision is beneath, in one column", () => {
    const { scenario: two } = loadScenario("scenarios/two-lines.yaml");
    const at60 = fitted(
      renderTrace(two, simulate(two), { chalk: plain, explain: false, chart: false, columns: 60 }),
      60,
    ).text;
    const decisions = at60
      .split("\n")
      .filter((l) => /^ *(Huabei|Jiebei) (approved|declined|suspended|restored|limit reduced|info)$/.test(l));
    expect(decisions.length).toBeGreaterThan(5);
    // under the header's "decision": folded with the event's padding, a decision after a long event
    // ("borrow ¥45,000.00 on Jiebei over 12 months") landed at column 8, after a short one at 18
    for (const l of decisions) expect(l, l).toMatch(/^ {18}\S/);
    expect(at60).toMatch(/^ {18}decision$/m);
  });

  it("one line a step, with the decision's reasons under it", () => {
    expect(text).toMatch(/^ +227 {2}2024-08-15 {2}periodic review +suspended +648 /m);
    expect(text).toContain(
      "PAST_DUE_AT_REVIEW  A repayment was past due at the review, with a score below what a past-due line may keep (648 vs delinquentMinScore 680)",
    );
    // a rule that acted beside the decision: the limit cut that came with the suspension
    expect(text).toContain("also SCORE_BELOW_LIMIT_BAND");
  });

  it("leaves out the chart when asked, and adds the scorecard breakdown with --explain", () => {
    const bare = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
    expect(text).toContain("Score over time");
    expect(bare).not.toContain("Score over time");
    expect(bare.length).toBeLessThan(text.length);
    const explained = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false });
    // the sum said: 350 and the points of the bins listed beneath
    // its default probability said as explain says it, with its horizon (run --explain said "default
    // probability 25 %", explain "a 25 % chance of default within a year" of the same score)
    expect(explained).toMatch(
      /score 648 \(good; a 25\s% chance of default within a year\) = 350 \+ 298 points:\n/,
    );
    expect(explained.length).toBeGreaterThan(bare.length);
  });

  it("--explain says a score kept at 350 as kept, not as 350 plus points below zero", () => {
    // left to run on unpaid for a year: charged off, the points far below zero
    const longer = { ...scenario, until: 800 };
    const explained = renderTrace(longer, simulate(longer), { chalk: plain, explain: true, chart: false });
    expect(explained).toMatch(/score 350 \(poor; [^)]*\) = 350 − \d+ points, kept within 350–950:\n/);
    expect(explained).not.toMatch(/= 350 \+ −/);
  });

  // at 100 columns the codes beside the shortfalls ("(−25 SHORT_REPAYMENT_RECORD)") left the names no
  // room: every characteristic took a line for its name and one or two for its numbers
  it("--explain at 100 columns: one line a characteristic, the shortfalls without their codes; wider, with them", () => {
    const rowsOf = (text: string) =>
      text.split("\n").filter((l) => /^ {20}\S.* \d+\/\d+( {2}\(−\d+( [A-Z_]+)?\))?$/.test(l));
    const at100 = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false, columns: 100 });
    const tables = at100.split("\n").filter((l) => /^ {20}characteristic +value/.test(l)).length;
    expect(tables).toBeGreaterThan(5);
    // every characteristic of every table on a line of its own, its name beside its numbers
    expect(rowsOf(at100).length).toBe(tables * 17);
    for (const l of rowsOf(at100)) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(at100).toMatch(/^ {20}Monthly income +¥8,000 +¥6,000–¥9,999 +20\/40 {2}\(−20\)$/m);
    const wide = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false });
    expect(wide).toMatch(/^ {20}Monthly income +¥8,000 +¥6,000–¥9,999 +20\/40 {2}\(−20 LOW_INCOME\)$/m);
  });

  it("--explain at 80 columns: every name whole, every row's numbers kept, read as explain reads them", () => {
    const at80 = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false, columns: 80 });
    const wide = renderTrace(scenario, trace, { chalk: plain, explain: true, chart: false });
    for (const text of [at80, wide]) {
      expect(text).not.toMatch(/els…/);
      expect(text).toMatch(/Identity verified\s+yes\s+yes\s+30\/30/);
      expect(text).not.toMatch(/ -\d+\/\d+/);
    }
    // a characteristic without information is not cited as if it had some
    expect(wide).toMatch(/no line reported yet +25\/60 +\(−35\)$/m);
    // the name longer than the room: whole, its numbers beneath
    expect(at80.replace(/\s+/g, " ")).toMatch(/Months in good standing, last 24 \d+ 18 or more 40\/40/);
  });

  it("colours decisions by what they mean", () => {
    expect(decisionColour(colour, "suspended")("x")).not.toBe(decisionColour(colour, "approved")("x"));
    expect(decisionColour(plain, "suspended")("x")).toBe("x");
  });
});

describe("the summary", () => {
  it("counts decisions in one order whatever the order they came in, as `run --json`'s end record does", () => {
    // a lower approval before the approvals, a decline after the suspension: they read in the order they came;
    // the summary says them in words, the JSON in the vocabulary's names
    for (const [file, words, expected] of [
      ["scenarios/first-credit.yaml", "4 approved, 1 approved lower", "4 approved, 1 approved_lower"],
      [
        "scenarios/policy-adjustment.yaml",
        "6 approved, 1 declined, 1 suspended, 1 restored",
        "6 approved, 1 declined, 1 suspended, 1 restored",
      ],
      [
        "scenarios/financial-burden.yaml",
        "4 approved, 1 suspended, 1 limit reduced, 1 closed",
        "4 approved, 1 suspended, 1 limit_reduced, 1 closed",
      ],
    ] as const) {
      const { scenario: s } = loadScenario(file);
      const t = simulate(s);
      const text = renderTrace(s, t, { chalk: plain, explain: false, chart: false });
      expect(text).toContain(`\n  decisions: ${words}\n`);
      const end = JSON.parse(runNdjson(s, t, { explain: false }).trimEnd().split("\n").at(-1)!) as {
        decisions: Record<string, number>;
      };
      expect(
        Object.entries(end.decisions)
          .map(([d, n]) => `${n} ${d}`)
          .join(", "),
        file,
      ).toBe(expected);
    }
  });

  it("the repayment grid's key comes with a grid, and not without one (a scenario ended before its first month end)", () => {
    const key = /N paid as due · \* nothing due/;
    const zhang = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
    expect(zhang).toMatch(/repayment grid, Huabei/);
    expect(zhang).toMatch(key);
    const { scenario: short } = loadScenarioText("name: z\nuntil: 0\nevents: []\n", "z.yaml");
    const none = renderTrace(short, simulate(short), { chalk: plain, explain: false, chart: false });
    expect(none).toContain("Summary");
    expect(none).not.toMatch(/repayment grid/);
    expect(none).not.toMatch(key);
  });

  it("a suspended line suspended again is still suspended: restoration counts from the first day", () => {
    const { scenario: s } = loadScenario("test/fixtures/whatif/security-on-credit.yaml");
    const text = renderTrace(s, simulate(s), { chalk: plain, explain: false, chart: false });
    const summary = text.slice(text.indexOf("Summary"));
    expect(summary).toMatch(/^ {2}suspended on day 70 .*cause credit/m);
    expect(summary).toMatch(/^ {2}still suspended on day 74 .*now cause security/m);
    expect(summary).toMatch(/^ {2}still suspended on day 76 .*now cause credit/m);
    expect(summary).toMatch(/restored on day (\d+) .* after (\d+) days/);
    const [, day, after] = summary.match(/restored on day (\d+) .* after (\d+) days/)!;
    expect(Number(day) - Number(after)).toBe(70);
  });

  it("a restoration that comes with a cut says the limit it restores at", () => {
    // suspended for an identity a policy change requires, verified on the day the income falls: the early
    // review restores Huabei at what the new income supports; Jiebei, restored on its own review, keeps its
    // limit. (An income that falls to nothing no longer does it: the suspension holds the line to the
    // smallest line, and the restoration finds nothing to cut.)
    const { scenario: s } = loadScenarioText(
      [
        "name: restored lower",
        "until: 120",
        "profile: { age: 45, monthlyIncome: 15000, verified: false, creditHistoryMonths: 100, externalDebt: 5000 }",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 20000 }",
        "  - { day: 1, type: apply, line: jiebei, product: open, amount: 50000 }",
        "  - { day: 3, type: purchase, amount: 2000 }",
        "  - { day: 20, type: policy, set: { requireVerified: true } }",
        "  - { day: 38, type: repay, amount: full }",
        "  - { day: 100, type: verify_identity }",
        "  - { day: 100, type: income, monthlyIncome: 9000 }",
        "  - { day: 101, type: request_review }",
      ].join("\n"),
      "restored-lower.yaml",
    );
    const t = simulate(s);
    const text = renderTrace(s, t, { chalk: plain, explain: false, chart: false, jiebei: true });
    const summary = text.slice(text.indexOf("Summary"));
    expect(summary).toMatch(
      /^ {2}Huabei restored on day 101 .* after \d+ days, its limit cut to ¥18,000\.00: /m,
    );
    expect(summary).toMatch(/^ {2}Jiebei restored on day \d+ .* after \d+ days: /m);
  });

  it("every recap in the summary reads its reasons inside its sentence, a product's name keeping its capital", () => {
    const { scenario: s } = loadScenarioText(
      "name: unused\nuntil: 400\nprofile: { creditHistoryMonths: 36 }\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n  - { day: 2, type: purchase, amount: 4900 }\n",
      "full.yaml",
    );
    const summary = renderTrace(s, simulate(s), { chalk: plain, explain: false, chart: false });
    const lines = summary.split("\n").filter((l) => / on day \d+ \(.*\)/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/[:;] (?!Huabei|Jiebei)[A-Z]/);
  });

  it("a suspension that comes with a cut says the limit it leaves", () => {
    // Zhang Ming's review on day 227 suspends the line and cuts it from ¥8,000 to what his score allows
    const summary = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
    expect(summary).toMatch(
      /^ {2}suspended on day 227 \(2024-08-15\), cause credit, its limit cut to ¥3,000\.00, because: /m,
    );
  });

  it("recaps a decision's reasons in their words for then, not as still true at the end", () => {
    // the summary is read at the end: Zhang Ming repaid on day 229, so "A repayment is past due right now"
    // said of day 227 contradicted the end state beneath it (customer service already said "that day")
    const summary = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
    const suspended = summary.split("\n").find((l) => l.startsWith("  suspended on day 227"))!;
    expect(suspended).toContain("; a repayment was past due that day;");
    expect(suspended).not.toContain("right now");
    // each reason inside the sentence, as customer service recalls them ("the reasons recorded then: a
    // repayment …"): not a capital after every semicolon
    expect(suspended).toMatch(/because: a repayment was past due at the review, [^;]*; a repayment/);
    expect(suspended).not.toMatch(/[:;] [A-Z]/);
    // a line closed unused: the recap has no bracketed unit hint left without its value
    const { scenario: s } = loadScenarioText(
      "name: unused\nuntil: 400\nprofile: { creditHistoryMonths: 36 }\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n",
      "unused.yaml",
    );
    const closed = renderTrace(s, simulate(s), { chalk: plain, explain: false, chart: false })
      .split("\n")
      .find((l) => l.startsWith("  closed on day"))!;
    expect(closed).toMatch(
      /^ {2}closed on day \d+ \(.*\): the line had gone unused for the policy's limit of days or more/,
    );
    expect(closed).not.toContain("(the days since it was last used)");
  });

  it("gives a dormant line's closure its days in one bracket, after the reason's words", () => {
    const { scenario: s } = loadScenarioText(
      "name: unused\nuntil: 400\nprofile: { creditHistoryMonths: 36 }\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n",
      "unused.yaml",
    );
    const row = renderTrace(s, simulate(s), { chalk: plain, explain: false, chart: false })
      .split("\n")
      .find((l) => l.includes("DORMANT_ACCOUNT"))!;
    expect(row).toMatch(/for the policy's limit of days or more \(380 days vs dormantCloseDays 365 days\)$/);
    expect(row).not.toContain(") (");
  });

  it("says why the end score differs from the last row when the month end after it is the run's last day", () => {
    // 29 February 2024 is a month end: its report (the line's utilisation) moves the score after the step
    const { scenario: s } = loadScenarioText(
      "name: leap end\nstart: 2024-02-29\nuntil: 0\nprofile: { creditHistoryMonths: 36 }\nevents:\n  - { day: 0, type: apply, product: open, amount: 8000 }\n",
      "leap-end.yaml",
    );
    const t = simulate(s);
    expect(t.steps.at(-1)!.score).not.toBe(t.final.score);
    const text = renderTrace(s, t, { chalk: plain, explain: false, chart: false });
    expect(text).toContain(`end (day 0): score ${t.final.score}`);
    expect(text).toContain(`${t.steps.at(-1)!.score} at the last step (day 0): time alone moved it since`);
  });
});

describe("traceToNdjson", () => {
  it("writes one JSON object per step, each naming the scenario", () => {
    const lines = traceToNdjson(scenario.name, trace.steps).trimEnd().split("\n");
    expect(lines).toHaveLength(trace.steps.length);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ scenario: "Zhang Ming", day: 0, date: "2024-01-01" });
  });
});

describe("scatterChart", () => {
  it("names the points another is drawn over, so that none hides unseen", () => {
    const points = [
      { x: 0.01, y: 0.5, mark: "1" },
      { x: 0.01, y: 0.5, mark: "2" },
      { x: 0.02, y: 0.6, mark: "3" },
      { x: 0.01, y: 0.5, mark: "4" },
    ];
    const text = scatterChart(points, { x: "bad rate", y: "approval rate" });
    expect(text).toContain("4 is drawn over 2, 1 (the same cell)");
    expect(text).not.toContain("3 is drawn");
    // one rate on an axis: the axis spans a point around it, never below 0 % or above 100 %
    const flat = scatterChart([{ x: 0, y: 1, mark: "1" }], { x: "x", y: "y" });
    expect(flat).toContain("100.0 % ┤1");
    expect(flat).not.toMatch(/-0\.5 %|100\.5 %/);
    // apart, nothing is said
    expect(scatterChart(points.slice(1, 3), { x: "x", y: "y" })).not.toContain("drawn over");
  });
  it("an axis's two ends read apart: as many decimals as tell them apart, as the sweep's table has them", () => {
    // a sweep of minOpenScore over 1,000 accounts: bad rates 1.51 % and 1.52 % read "1.5 %" at both ends
    const points = [
      { x: 0.0151, y: 0.993, mark: "1" },
      { x: 0.0152, y: 0.99, mark: "5" },
    ];
    const lines = scatterChart(points, { x: "bad rate", y: "approval rate" }).split("\n");
    const xAxis = lines.find((l) => l.includes("%") && !l.includes("┤"))!;
    expect(xAxis.trim().split(/\s{2,}/)).toEqual(["1.51 %", "1.52 %"]);
    expect(lines[0]).toMatch(/^99\.3 % ┤/);
    // ends one decimal tells apart keep one
    const wide = scatterChart([points[0]!, { x: 0.03, y: 0.9, mark: "2" }], { x: "x", y: "y" });
    expect(wide).toContain("1.5 %");
    expect(wide).toContain("3.0 %");
  });
});

describe("scoreChart", () => {
  it("draws each series over the span, with a legend", () => {
    const chart = scoreChart(
      [
        { label: "base", points: trace.scoreSeries },
        { label: "what-if", points: trace.scoreSeries },
      ],
      trace.until,
    );
    expect(chart.split("\n").length).toBeGreaterThan(5);
    expect(chart).toContain("base");
    expect(chart).toContain("what-if");
  });

  it("keeps a dip within a column, and ends where the run ends", () => {
    // a dip to 600 inside one column; a rise to 800 on the last day
    const points = [
      { day: 0, score: 700 },
      { day: 40, score: 600 },
      { day: 41, score: 700 },
      { day: 99, score: 800 },
    ];
    const rows = scoreChart([{ label: "s", points }], 99, 10, 10, false).split("\n");
    // the scale reaches both the dip and the end: the end score is plotted, not the column's lowest
    expect(rows[0]!.startsWith(" 800")).toBe(true);
    expect(rows[0]!.trimEnd().length).toBeGreaterThan(10);
    expect(rows.some((r) => r.startsWith(" 600"))).toBe(true);
  });
});

// what a step's line owed after it: Huabei ¥500.00, Jiebei ¥3,000.00
const AFTER = { applied: 0, balance: 50_000, jiebei: { balance: 300_000 } };

describe("describeEvent", () => {
  it("says one day past due in the singular, more in the plural", async () => {
    const { describeEvent } = await import("../../src/scenario/format.js");
    const overdue = (overdueDays: number) =>
      describeEvent({ ...AFTER, event: { type: "overdue", line: "huabei", overdue: 100_150, overdueDays } });
    expect(overdue(1)).toBe("overdue ¥1,001.50, 1 day past due");
    expect(overdue(4)).toBe("overdue ¥1,001.50, 4 days past due");
  });
});

describe("a statement", () => {
  it("adds what comes on top of the new purchases and says the sum, not a list read as parts of them", async () => {
    const { describeEvent } = await import("../../src/scenario/format.js");
    const statement = {
      type: "statement",
      instalments: 0,
      fees: 0,
      carried: 0,
      carriedCharges: 0,
      overdue: 0,
      toTerm: 0,
    };
    const said = (e: Partial<typeof statement> & { billed: number; minimum: number }) =>
      describeEvent({
        ...AFTER,
        event: { ...statement, dueDay: 40, closing: false, ...e, type: "statement" },
      });
    expect(
      said({ billed: 90_000, instalments: 40_000, fees: 1_000, carried: 270_000, minimum: 72_000 }),
    ).toBe(
      "statement ¥900.00 new (of it ¥400.00 instalments) + ¥10.00 fees + ¥2,700.00 carried = ¥3,610.00 due, minimum ¥720.00",
    );
    expect(said({ billed: 0, carried: 468_000, carriedCharges: 4_680, minimum: 51_480 })).toBe(
      "statement ¥4,680.00 carried + ¥46.80 charges = ¥4,726.80 due, minimum ¥514.80",
    );
    // one part alone needs no sum, and new purchases alone no label: a plain month reads as it always did
    expect(said({ billed: 150_000, minimum: 15_000 })).toBe("statement ¥1,500.00, minimum ¥150.00");
    expect(said({ billed: 0, minimum: 0 })).toBe("statement ¥0.00, minimum ¥0.00");
    expect(said({ billed: 0, overdue: 202_100, minimum: 202_100 })).toBe(
      "statement ¥2,021.00 overdue, minimum ¥2,021.00",
    );
    // a line closed for policy: its balance beyond the statement is instalments left to run to term
    expect(said({ billed: 10_000, instalments: 10_000, fees: 450, minimum: 10_450, toTerm: 50_000 })).toBe(
      "statement ¥100.00 new (of it ¥100.00 instalments) + ¥4.50 fees = ¥104.50 due, minimum ¥104.50; instalment plans run to term, ¥500.00 not yet billed",
    );
  });
});

describe("a repayment that applied nothing", () => {
  it("says why — nothing owed, nothing due, or the Jiebei instalment already paid ahead — not ¥0.00 applied", async () => {
    const { describeEvent } = await import("../../src/scenario/format.js");
    const repay = (line: "huabei" | "jiebei", kind: "minimum" | "statement" | "full", owed: number) =>
      describeEvent({
        applied: 0,
        balance: line === "huabei" ? owed : 0,
        jiebei: { balance: line === "jiebei" ? owed : 0 },
        event: { day: 1, index: 0, type: "repay", line, amount: { kind } },
      });
    expect(repay("jiebei", "minimum", 300_000)).toBe(
      "repay on Jiebei minimum (nothing due this month: the coming instalment falls due later or is already paid ahead)",
    );
    expect(repay("jiebei", "statement", 300_000)).toBe(
      "repay on Jiebei statement (nothing due this month: the coming instalment falls due later or is already paid ahead)",
    );
    expect(repay("huabei", "minimum", 50_000)).toBe("repay minimum (nothing due)");
    expect(repay("huabei", "full", 0)).toBe("repay full (nothing owed)");
    expect(repay("jiebei", "full", 0)).toBe("repay on Jiebei full (nothing owed)");
    // what it did apply is still said
    expect(
      describeEvent({
        ...AFTER,
        applied: 12_345,
        event: { day: 1, index: 0, type: "repay", line: "huabei", amount: { kind: "full" } },
      }),
    ).toBe("repay full (¥123.45 applied)");
  });
});

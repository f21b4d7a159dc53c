// The population report, rendered directly from a small in-process result.

import { stripVTControlCharacters } from "node:util";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fromRange, variantRows } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import { summarise } from "../../src/population/stats.js";
import { fitted } from "../../src/render/fit.js";
import { simulateHtml } from "../../src/render/html/simulate.js";
import { renderPopulation } from "../../src/render/population.js";
import { perAccountYear } from "../../src/render/population-format.js";
import { arm, meta, settings, shipped, sweepResult, tightened } from "../population/helpers.js";

const s = settings({ days: 120, arms: [arm(tightened)] });
const result = fromRange(meta(s, shipped, 40, [0, 40]), runRange(s, shipped, 0, 40, {}));
const plain = new Chalk({ level: 0 });
const text = () => renderPopulation(result, { chalk: plain, chart: false });

describe("renderPopulation", () => {
  it("a horizon with no month end measures no book: its shares and rates read –, never 0.00 %", () => {
    const short = settings({ days: 20 });
    const r = fromRange(meta(short, shipped, 40, [0, 40]), runRange(short, shipped, 0, 40, {}));
    const t = renderPopulation(r, { chalk: plain, chart: false });
    const portfolio = t.split("Portfolio under default")[1]!.split("\n\n")[0]!.split("\n");
    expect(portfolio[0]).toContain("the horizon holds none");
    const all = portfolio.find((l) => l.startsWith("(all)"))!;
    expect(all.trim().split(/\s+/).slice(1)).toEqual(Array(9).fill("–"));
    const page = simulateHtml(r, { chartJs: "" });
    expect(page).not.toMatch(/<td class="num">0\.00 %<\/td>/);
    expect(page).toContain("the horizon holds none");
  });

  it("says loss is net only of what was recovered within the horizon, not of the recoveries assumed", () => {
    // on 20,000 accounts over a year 2.5 % of what was written off came back, against the 15 % of
    // charged-off customers assumed to repay: a reader took loss for net of the assumption
    const said =
      "loss: written off less recovered within the horizon — charge-offs land late, and the 15 % of charged-off customers assumed to repay mostly do so after it";
    expect(renderPopulation(result, { chalk: plain, chart: false }).replace(/\s+/g, " ")).toContain(said);
    expect(simulateHtml(result, { chartJs: "" })).toContain(said);
  });

  it("says how many month ends the '12 months' rates sum, in the report and on the page: a shorter horizon holds fewer", () => {
    // 120 days from January 1st hold 3 month ends, a year 11, two years 23: only the last read "the last 12"
    const noteOf = (days: number) => {
      const r =
        days === 120
          ? result
          : fromRange(
              meta(settings({ days }), shipped, 10, [0, 10]),
              runRange(settings({ days }), shipped, 0, 10, {}),
            );
      const t = renderPopulation(r, { chalk: plain, chart: false })
        .split("Portfolio under default")[1]!
        .split("\n")[0]!;
      const page = simulateHtml(r, { chartJs: "" });
      const html = /Book: the balance on the last month end[^<]*/.exec(page)![0];
      return [/12 mo: over ([^;]+);/.exec(t)?.[1], /12 months: over (.+?) \(Σ past due/.exec(html)?.[1]];
    };
    expect(noteOf(120)).toEqual(["all 3 month ends of the horizon", "all 3 month ends of the horizon"]);
    expect(noteOf(365)).toEqual(["all 11 month ends of the horizon", "all 11 month ends of the horizon"]);
    expect(noteOf(730)).toEqual(["the last 12 month ends", "the last 12 month ends"]);
  });

  const text = renderPopulation(result, {
    chalk: plain,
    chart: true,
    exportHint: "credit-sim simulate … -N",
  });

  it("per persona and overall, both policies, the score chart and how to export an account", () => {
    expect(text).toContain("Population: 40 accounts × 120 days");
    expect(text).toContain("Outcomes under default");
    for (const p of shipped) expect(text).toContain(p.name);
    expect(text).toContain("(all)");
    expect(text).toContain("tightened");
    expect(text).toContain("Median score over time");
    expect(text).toContain("credit-sim simulate … -N");
  });

  it("says what each column of the outcomes table is before the table, p10 and p90 among them", () => {
    const from = text.indexOf("Outcomes under default");
    const note = text.slice(from, text.indexOf("\npersona ", from));
    expect(note).toContain(
      "limit p10/median/p90: the limit it first opened at (of the opened: the 10th percentile, the median, the 90th percentile)",
    );
    const head = text.split("\n").find((l) => l.startsWith("persona") && l.includes("approved"))!;
    // every column's title named in the note ('persona' and 'accounts' read themselves)
    for (const title of head.split(/ {2,}/).slice(2)) expect(note, title).toContain(`${title.split("/")[0]}`);
  });

  it("writes the first limit's p10, median and p90 as money, ¥ on each, as the page and every other amount", () => {
    // the column alone read '4,600/7,700/11,200' beside '¥72.12' and '¥1,825 (1)': its note said yuan
    const rows = text
      .split("\nOutcomes under ")
      .slice(1)
      .flatMap((table) => table.split("\n\n")[0]!.split("\n").slice(1))
      .filter((l) => l !== "" && !l.startsWith("persona "));
    expect(rows).toHaveLength(2 * (shipped.length + 1));
    for (const row of rows) expect(row, row).toMatch(/ ¥[\d,]+\/¥[\d,]+\/¥[\d,]+ /);
    expect(text).not.toMatch(/ [\d,]+\/[\d,]+\/[\d,]+ /);
  });

  it("gives each persona's changes as a table whose cells line up, folded alike on a narrow terminal", () => {
    const section = (t: string) => {
      const lines = t.split("\n");
      // from its header: a narrow terminal wraps the title above it
      const at = lines.findIndex((l, i) => l.startsWith("  persona ") && lines[i - 1]!.includes("intervals"));
      return lines.slice(at, lines.indexOf("", at));
    };
    const rows = section(text);
    expect(rows[0]).toMatch(/^ {2}persona +suspended +95 % interval +approved +95 % interval$/);
    expect(rows).toHaveLength(1 + shipped.length);
    // where each right-aligned cell (the second to the fourth) ends, the same on every row: the header's
    // and each persona's
    const ends = (l: string) => [...l.matchAll(/\S(?= {2,})/g)].map((m) => m.index).slice(1, 4);
    for (const row of rows) expect(ends(row), row).toEqual(ends(rows[0]!));
    // at 80 columns every row fits; at 60, each folds at the same column, its continuation under the others'
    expect(section(fitted(text, 80).text)).toEqual(rows);
    const folded = section(fitted(text, 60).text);
    expect(folded).toHaveLength(2 * rows.length);
    const starts = folded.filter((_, i) => i % 2 === 1).map((l) => l.length - l.trimStart().length);
    expect(new Set(starts).size).toBe(1);
    // a flipped account is named as everywhere else, #16, not "#     16"
    expect(text).toMatch(/^ +#\d+ {2}[a-z-]+ +\S/m);
    expect(text).not.toMatch(/# +\d/);
  });

  it("a policy set against itself names its arms champion and challenger, in the text and on the page", () => {
    const same = {
      ...result,
      meta: { ...result.meta, challenger: { ...result.meta.challenger!, name: result.meta.policy.name } },
    };
    const t = renderPopulation(same, { chalk: plain, chart: false });
    expect(t).toContain(`Outcomes under ${result.meta.policy.name} (champion)`);
    expect(t).toContain(`Outcomes under ${result.meta.policy.name} (challenger)`);
    expect(t).toContain(`Risk under ${result.meta.policy.name} (challenger)`);
    const html = simulateHtml(same, { chartJs: "" });
    expect(html).toContain(`Risk under ${result.meta.policy.name} (champion)`);
    expect(html).toContain(`Risk under ${result.meta.policy.name} (challenger)`);
    // named apart only when they would read alike
    expect(text).not.toContain("(champion)");
  });

  it("gives the score drift of all accounts and of the booked, each with its base, and says how to read a PSI", () => {
    const all = summarise(result).groups.at(-1)!;
    const [a, b] = [all.champion.risk.all.booked, all.challenger!.risk.all.booked];
    expect(all.psiBooked).not.toBeNull();
    expect(text).toContain(
      `Score drift: PSI of the end score, tightened against default: ${all.psi!.toFixed(2)} of all 40 accounts; ${all.psiBooked!.toFixed(2)} of the booked (${a} under default, ${b} under tightened) (population stability index: under 0.1 stable, over 0.25 a different population)`,
    );
  });

  it("gives each arm's vintages: a booking quarter's bad rate by months on book, of how many seen that long", () => {
    const all = summarise(result).groups.at(-1)!;
    for (const [name, arm] of [
      ["default", all.champion],
      ["tightened", all.challenger!],
    ] as const) {
      const v = arm.vintage[0]!;
      const [three] = v.months;
      // 120 days: three months on book seen for every account (booked by day 14), six for none
      expect(three!.seasoned).toBe(v.booked);
      const section = text.slice(text.indexOf(`Vintages under ${name}`));
      const row = section.split("\n").find((l) => l.startsWith("2024Q1"))!;
      const rate = ((100 * three!.bad) / three!.seasoned).toFixed(1);
      expect(row).toMatch(new RegExp(`^2024Q1 +${v.booked} +${rate} % of ${v.booked} +– +– +–$`));
    }
    const page = simulateHtml(result, { chartJs: "" });
    expect(page).toContain("<h2>Vintages under default and tightened</h2>");
    expect(page).toMatch(
      /<tr><td>2024Q1<\/td><td class="num">\d+<\/td><td class="num">\d+\.\d % of \d+<\/td>/,
    );
  });

  it("dates the portfolio's last month end, its day number beside it, as the traces do", () => {
    // 'balance on the last month end, day 90' left a risk analyst counting days from the start
    const head = text.split("\n").find((l) => l.startsWith("Portfolio under default"))!;
    expect(head).toContain("book: balance on the last month end, 2024-03-31 (day 90);");
    expect(simulateHtml(result, { chartJs: "" })).toContain(
      "Book: the balance on the last month end, 2024-03-31 (day 90),",
    );
  });

  it("explains each table's columns once: the challenger's tables read as the champion's above them", () => {
    // each of the risk, portfolio and vintage notes (a dozen lines at 100 columns) was printed again under
    // the challenger's, where its outcomes table already said nothing more
    for (const table of ["Outcomes", "Risk", "Portfolio", "Vintages"]) {
      const heads = text.split("\n").filter((l) => l.startsWith(`${table} under `));
      expect(heads, table).toHaveLength(2);
      expect(heads[0]!.length, table).toBeGreaterThan(200);
      expect(heads[1], table).toBe(`${table} under tightened  (read as the table above)`);
    }
  });

  it("names a challenger from a later day as the policy it is: its tables hold the champion's days before", () => {
    // --challenger tightened --challenger-from 365 over 730 days: 'Vintages under tightened' showed a 2024Q1
    // curve run to twelve months wholly under default, and 'Portfolio under tightened' a year's suspension
    // rate that averaged a year of default with one of tightened
    const later = { ...result, meta: { ...result.meta, challengerFrom: 60 } };
    const arm = "tightened from day 60 (default before)";
    const t = renderPopulation(later, { chalk: plain, chart: false });
    for (const table of ["Outcomes", "Risk", "Portfolio", "Vintages"])
      expect(t.split("\n"), table).toContain(`${table} under ${arm}  (read as the table above)`);
    expect(t).toContain("policy: default   challenger: tightened from day 60\n");
    const page = simulateHtml(later, { chartJs: "" });
    for (const title of [`Outcomes under ${arm}`, `Risk under ${arm}`, `<h3>${arm}</h3>`])
      expect(page, title).toContain(title);
    // from day 0 the name alone, as before
    expect(renderPopulation(result, { chalk: plain, chart: false })).toContain(
      "Risk under tightened  (read as the table above)",
    );
  });

  it("reads a longer horizon's vintages on to 18 and 24 months on book, a year's to 12 as before", () => {
    // a two-year programme's table stopped at 12 months on book: whether a quarter's curve flattens in its
    // second year (the question of a longer programme) could not be read from it
    const long = settings({ days: 760 });
    const stretched = shipped.filter((p) => p.name === "stretched");
    const r = fromRange(meta(long, stretched, 30, [0, 30]), runRange(long, stretched, 0, 30, {}));
    const head = (t: string) =>
      t
        .split("\n")
        .find((l) => l.startsWith("booked in"))!
        .trim()
        .split(/ {2,}/);
    const t = renderPopulation(r, { chalk: plain, chart: false });
    expect(head(t)).toEqual(["booked in", "accounts", ...[3, 6, 9, 12, 18, 24].map((n) => `${n} months`)]);
    // booked on days 0–14: 24 months on book end by day 745, within 760 days
    expect(t.split("\n").find((l) => l.startsWith("2024Q1"))).toMatch(/ % of \d+$/);
    expect(simulateHtml(r, { chartJs: "" })).toContain('<th class="num">24 months</th>');
    // a year's horizon sees no account 18 months: its columns end at 12, as before
    expect(head(renderPopulation(result, { chalk: plain, chart: false })).at(-1)).toBe("12 months");
    expect(simulateHtml(result, { chartJs: "" })).not.toContain("18 months");
  });

  it("marks a vintage of fewer than 20 accounts ~, as every rate", () => {
    const few = settings({ days: 120 });
    const r = fromRange(meta(few, [shipped[0]!], 5, [0, 5]), runRange(few, [shipped[0]!], 0, 5, {}));
    const row = renderPopulation(r, { chalk: plain, chart: false })
      .split("\n")
      .find((l) => l.startsWith("2024Q1"))!;
    expect(row).toMatch(/ 0\.0 % of 5~ +– +– +–$/);
  });

  it("says a stressed population is stressed, and from which day, in the text and on the page", () => {
    // --stress 50 was in the JSON's meta only: the report and the page of a stressed book read as an
    // ordinary one's
    const stressed = { ...result, meta: { ...result.meta, stress: 50 } };
    const head = renderPopulation(stressed, { chalk: plain, chart: false })
      .split("\n")
      .slice(0, 4)
      .join("\n");
    expect(head).toContain("stress: a 2020-like shock from day 50 (--stress 50)");
    expect(renderPopulation(result, { chalk: plain, chart: false })).not.toContain("stress:");
    const html = simulateHtml(stressed, { chartJs: "" });
    expect(html).toContain("a 2020-like shock from day 50 (--stress 50)");
    expect(simulateHtml(result, { chartJs: "" })).not.toContain("2020-like shock");
  });

  it("draws its charts within a narrow terminal: the score histograms, the median score over time and a sweep's frontier", () => {
    // at 60 columns the 64-column score chart, the 69-column histogram rows and the sweep's 64-column
    // scatter were folded at their gaps by the terminal's fitting: the curve scattered over two lines
    const drawn = (t: string) => t.split("\n").filter((l) => /[│┤┼└]|^ +day 0 /.test(l));
    const sweep = sweepResult("stretched", 4, 30, "maxApplications30d", [1, 2]);
    for (const r of [result, sweep]) {
      const t = stripVTControlCharacters(renderPopulation(r, { chalk: plain, columns: 60 }));
      const lines = drawn(t);
      expect(lines.length).toBeGreaterThan(20);
      for (const l of lines) expect(l.length, l).toBeLessThan(60);
      // nothing of them is folded: the fitted report holds the same lines
      expect(drawn(fitted(t, 60).text)).toEqual(lines);
    }
    // not fitted (a pipe, --wide): as wide as ever
    expect(drawn(renderPopulation(result, { chalk: plain })).some((l) => l.length > 60)).toBe(true);
  }, 30_000);

  it("leaves out the chart when asked; colour adds escapes and nothing else", () => {
    expect(renderPopulation(result, { chalk: plain, chart: false })).not.toContain("Median score over time");
    const coloured = renderPopulation(result, {
      chalk: new Chalk({ level: 1 }),
      chart: true,
      exportHint: "credit-sim simulate … -N",
    });
    expect(coloured).not.toBe(text);
    expect(stripVTControlCharacters(coloured)).toBe(text);
  });

  it("counts one account in the singular", () => {
    const one = fromRange(meta(s, shipped, 1, [0, 1]), runRange(s, shipped, 0, 1, {}));
    const shown = renderPopulation(one, { chalk: plain, chart: false });
    expect(shown).toContain("Population: 1 account × 120 days");
    expect(shown).toContain("paired on the same 1 account");
    expect(shown).not.toMatch(/\b1 accounts\b/);
  });
});

describe("money on Huabei", () => {
  it("keeps instalment fees apart from revolving interest", () => {
    const huabei = summarise(result).groups.at(-1)!.champion.risk.huabei;
    expect(huabei.fees).toBeGreaterThan(0);
    const yuan = (y: number) => `¥${y.toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    expect(text()).toContain(
      `revolving interest ${yuan(huabei.interest)}, instalment fees ${yuan(huabei.fees)}, of these charges ${yuan(huabei.nonAccrual)} on non-accrual`,
    );
    // the paired difference of the charges holds the fees too: not "penalties + interest"
    expect(text()).toContain("Huabei charges (mean, yuan)");
  });
});

describe("the outcomes table's charges", () => {
  it("are Huabei's interest, instalment fees and penalties per account, and both reports say so", () => {
    const all = summarise(result).groups.at(-1)!.champion;
    const huabei = all.risk.huabei;
    expect(huabei.fees).toBeGreaterThan(0);
    // as charged: the revenue leaves out what is on non-accrual
    expect(all.chargesPerAccount! * all.accounts).toBeCloseTo(
      huabei.interest + huabei.fees + huabei.penalties,
      0,
    );
    expect(text()).toContain("charges/acct: interest, instalment fees and penalties on Huabei per account");
    // the page said "penalties and interest", leaving out the fees in the figure
    const html = simulateHtml(result, { chartJs: "" });
    expect(html).toContain("charges: interest, instalment fees and penalties on Huabei, per account");
  });
});

describe("the outcome flips", () => {
  it("say their 'closed' is a closure by the lender or by the customer, in the report and on the page", () => {
    // 2,000 accounts, --challenger tightened --challenger-from 90: of 143 flips into 'closed', 38 were the
    // customers' own closures (cause customer), read beside 'closed by the lender' as the lender's
    const said = "closed: a line closed by the lender or by the customer";
    expect(text().replace(/\s+/g, " ")).toMatch(
      /Accounts whose outcome flips: [^\n]*\(the outcome at the end; closed: a line closed by the lender or by the customer/,
    );
    expect(simulateHtml(result, { chartJs: "" })).toContain(said);
  });
});

describe("the amount overdue at the end", () => {
  it("is said to be Huabei's, as it is — in the outcomes note, the paired rows and on the page", () => {
    // stretched and revolver, 400 accounts × 300 days, --stress 100: 'overdue at end ¥71,577 (23)' and the
    // paired 'overdue at the end' left out Jiebei, whose lines held ¥13,791 more than 90 days past due at the
    // last month end (the portfolio's 30+ counts both lines): read as the account's, it understated arrears
    const raw = text();
    const t = raw.replace(/\s+/g, " ");
    expect(t).toContain("overdue at end: past due on Huabei at the end, and on how many accounts");
    expect(t).toContain("charges/acct: interest, instalment fees and penalties on Huabei per account");
    expect(raw).toMatch(/^Huabei overdue at the end +\d/m);
    expect(raw).toMatch(/^Huabei overdue at the end \(mean, yuan\) +–/m);
    const html = simulateHtml(result, { chartJs: "" });
    expect(html).toContain("overdue at end: past due on Huabei at the end, and on how many accounts");
    expect(html).toContain("<td>Huabei overdue at the end (mean, yuan)</td>");
  });
});

describe("the risk table's score quality", () => {
  it("marks a Gini and KS read on fewer than 30 bads with ~, and says what ~ means", async () => {
    const { FEW_BADS, RISK_COLUMNS } = await import("../../src/render/population-risk.js");
    const gini = RISK_COLUMNS.find((c) => c.title === "Gini")!;
    const product = (bad: number) =>
      ({ bad: bad + 10, rankedBads: bad, gini: 0.31 }) as unknown as Parameters<
        (typeof RISK_COLUMNS)[number]["cell"]
      >[0];
    expect(gini.cell(product(FEW_BADS - 1))).toBe("0.31~");
    expect(gini.cell(product(FEW_BADS))).toBe("0.31");
    const text = stripVTControlCharacters(renderPopulation(result, { chalk: plain, chart: false }));
    expect(text).toContain(`~: fewer than ${FEW_BADS} bads, too few to read`);
    // what a Gini and a KS are, said where the table first shows them (a PSI's reading was, theirs not)
    const note = text.replace(/\s+/g, " ");
    expect(note).toContain(
      "Gini, KS (how well the score ranks the accounts later bad below the rest — 1 perfectly, 0 no better than chance, below 0 backwards; KS: the widest gap between the shares of bad and of good at or below any one score): the day-",
    );
    expect(note.indexOf("Gini, KS (how well")).toBeLessThan(note.indexOf(" Gini "));
  });
});

describe("the time window of the money and of the score's ranking", () => {
  it("says money is summed over the horizon and the Gini reads bad to its last day — in the report, the sweep and on the page", () => {
    // over 730 days a profit of ¥269,709 read as a year's (the portfolio's loss rate beside it is a year's),
    // and 'the day-30 score against later bad' named no outcome window: two years, not the usual twelve months
    const over = "money in yuan, summed over the 120 days of the horizon (not a year's)";
    const window = "the day-0 score against bad from day 1 to day 119 (the horizon's last)";
    const t = text().replace(/\s+/g, " ");
    expect(t).toContain(over);
    expect(t).toContain(window);
    expect(t).toContain("amounts: the mean per account over the 120 days of the horizon");
    const page = simulateHtml(result, { chartJs: "" }).replace(/\s+/g, " ");
    expect(page).toContain(over.replace("'", "&#39;"));
    expect(page).toContain(window.replace("'", "&#39;"));
    const swept = sweepResult("stretched", 20, 60, "minOpenScore", [640, 700], 30);
    const sweep = stripVTControlCharacters(renderPopulation(swept, { chalk: plain, chart: false }));
    expect(sweep.replace(/\s+/g, " ")).toContain(
      "loss, revenue, profit: in yuan, summed over the 60 days of the horizon (not a year's)",
    );
  });
});

describe("the risk table's note on funding", () => {
  it("gives the cost of funds as the run charged it, in the report and on the page: 0.04125 is 4.125 %, not 4.13 %", () => {
    // the note printed the rate to two decimals of a per cent: --cost-of-funds 0.04125 read 4.13 %, and
    // 0.00004 (funding charged) read 0.00 %, as if none were
    const noteOf = (costOfFunds: number) => {
      const r = { ...result, meta: { ...result.meta, costOfFunds } };
      const text = stripVTControlCharacters(renderPopulation(r, { chalk: plain, chart: false }));
      const page = simulateHtml(r, { chartJs: "" });
      return [/funding at ([^;]+) a year/.exec(text)?.[1], /funding at ([^;]+) a year/.exec(page)?.[1]];
    };
    expect(noteOf(0.035)).toEqual(["3.50 %", "3.50 %"]);
    expect(noteOf(0.04125)).toEqual(["4.125 %", "4.125 %"]);
    expect(noteOf(0.00004)).toEqual(["0.004 %", "0.004 %"]);
    expect(noteOf(0)).toEqual(["0.00 %", "0.00 %"]);
    expect(noteOf(0.07)).toEqual(["7.00 %", "7.00 %"]);
  });
});
describe("a sweep's frontier", () => {
  it("marks a variant's Gini and KS read on fewer than 30 bads with ~, as the risk table does", () => {
    // scored on day 30, when every account that opens has opened (on day 0 most are not customers yet)
    const r = sweepResult("stretched", 150, 365, "minOpenScore", [700, 760], 30);
    const variants = summarise(r).groups.at(-1)!.variants!;
    expect(variants.every((v) => v.risk.all.bad > 0 && v.risk.all.bad < 30)).toBe(true);
    const rows = renderPopulation(r, { chalk: plain, chart: false })
      .split("\n")
      .filter((l) => /^ {2}[12] +minOpenScore=/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/\d~ +-?\d\.\d+~ /);
  }, 30_000);

  it("marks a variant's approval rate of fewer than 20 applicants ~, as the risk table and its bad rate do", () => {
    // --accounts 12 --sweep minOpenScore=700..800:100 read '91.67 %  0.00 %~': the bad rate of 11 booked
    // marked, the approval rate of 12 applicants not
    const r = sweepResult("steady-payer", 12, 30, "minOpenScore", [700, 800]);
    const text = stripVTControlCharacters(renderPopulation(r, { chalk: plain, chart: false }));
    const rows = text.split("\n").filter((l) => /^ {2}([12]|·) +(minOpenScore=|base)/.test(l));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/\d %~ +\d+\.\d\d %~ /);
    const risk = text.split("\n").find((l) => l.startsWith("(all)") && l.includes("12 "))!;
    expect(risk).toMatch(/ 12 +\d+\.\d %~ /);
  }, 30_000);

  it("ends no line of a report in spaces: a variant not dominated leaves its note's column empty, not padded", () => {
    // piped, the base's and each undominated variant's row ended in two spaces
    const r = sweepResult("steady-payer", 12, 30, "minOpenScore", [700, 800]);
    for (const report of [r, result].map((x) => renderPopulation(x, { chalk: plain, chart: true })))
      for (const line of report.split("\n")) expect(line, JSON.stringify(line)).not.toMatch(/ $/);
  }, 30_000);

  it("numbers every variant as the flips and --arm do, however many (never a letter used twice)", () => {
    const values = Array.from({ length: 40 }, (_, i) => 600 + 5 * i);
    const r = sweepResult("steady-payer", 4, 40, "minOpenScore", values);
    const ids = renderPopulation(r, { chalk: plain, chart: false })
      .split("\n")
      .map((l) => /^ {2}(\d+)(?: (\w))? +minOpenScore=(\d+)/.exec(l))
      .filter((x) => x !== null);
    expect(ids.map((x) => Number(x[1]))).toEqual(values.map((_, i) => i + 1));
    expect(ids.map((x) => Number(x[3]))).toEqual(values);
    const marks = ids.map((x) => x[2] ?? x[1]);
    expect(new Set(marks).size).toBe(40);
  }, 30_000);

  it("shows the approval rate of the line a swept parameter belongs to: a Jiebei threshold moves Jiebei's", () => {
    // --sweep jiebeiMinOpenScore showed the same approval rate in every variant: applicants booked on
    // either line, and Huabei books nearly all of them
    const r = sweepResult("stretched", 60, 60, "jiebeiMinOpenScore", [690, 870]);
    const rows = variantRows(r)!;
    const [low, high] = rows.map((v) => v.metrics);
    expect(high!.approvalRate).toBe(low!.approvalRate);
    expect(high!.jiebeiApprovalRate).toBeLessThan(low!.jiebeiApprovalRate!);
    const text = renderPopulation(r, { chalk: plain, chart: false }).split("\n");
    const head = text.find((l) => l.includes("parameters") && l.includes("approved"))!;
    expect(head).toMatch(/ approved +Jiebei approved +bad /);
    expect(head).not.toContain("Huabei approved");
    // each rate's base its own item, and the ~ said of all three: 'Jiebei approved: of the applicants for
    // Jiebei, bad: of the booked (~: fewer than 20)' read as one item, the line's applicants and the bad
    const rates =
      "approved: of the applicants for either line; Jiebei approved: of the applicants for Jiebei; bad: of the booked; approved, Jiebei approved, bad ~: a rate of fewer than 20 accounts, too few to read;";
    expect(text.join(" ").replace(/\s+/g, " ")).toContain(rates);
    const html = simulateHtml(r, { chartJs: "" });
    const two = (x: number) => `${(x * 100).toFixed(2)} %`;
    // the PSI columns' letters are read where they show, in both reports
    const reading = "PSI (population stability index: under 0.1 stable, over 0.25 a different population)";
    expect(text.join(" ").replace(/\s+/g, " ")).toContain(reading);
    expect(html).toContain(reading);
    // and a Gini's and a KS's, in the variants' notes of both
    const ranking = "Gini, KS (how well the score ranks the accounts later bad below the rest — 1 perfectly";
    expect(text.join(" ").replace(/\s+/g, " ")).toContain(ranking);
    expect(html).toContain(ranking);
    rows.forEach((v, i) => {
      // five applicants for Jiebei: marked ~ as any rate of fewer than 20
      const jiebei = `${two(v.metrics.jiebeiApprovalRate!)}~`;
      expect(text.find((l) => l.startsWith(`  ${i + 1}  `))).toMatch(
        new RegExp(`${two(v.metrics.approvalRate!)}~? +${jiebei} `),
      );
      expect(html).toContain(`<td class="num">${jiebei}</td><td class="num">${two(v.metrics.badRate!)}`);
    });
    expect(html).toContain('<th class="num">Jiebei approved</th>');
    expect(html).toContain(rates);
    // a parameter Jiebei has its own of is Huabei's: its column where Huabei's rate is not both lines'
    // (Jiebei books some Huabei declines at 790), none where it repeats them; one both lines read adds none
    const huabei = (accounts: number) =>
      renderPopulation(sweepResult("stretched", accounts, 120, "minOpenScore", [700, 790]), {
        chalk: plain,
        chart: false,
      });
    expect(huabei(60)).toMatch(/ approved +Huabei approved +bad /);
    expect(huabei(4)).toMatch(/ approved +bad /);
    const both = renderPopulation(sweepResult("stretched", 4, 30, "maxApplications30d", [1, 2]), {
      chalk: plain,
      chart: false,
    });
    expect(both).not.toMatch(/(Huabei|Jiebei) approved/);
  }, 30_000);

  it("charts the swept line's own approval rate when one line's parameters are swept alone", () => {
    // a Jiebei threshold's chart put every variant at one height: both lines' approval, which it hardly moves
    const r = sweepResult("stretched", 60, 60, "jiebeiMinOpenScore", [690, 870]);
    const rows = variantRows(r)!;
    const text = stripVTControlCharacters(renderPopulation(r, { chalk: plain }));
    expect(text).toContain("Jiebei approval rate against bad rate");
    const html = simulateHtml(r, { chartJs: "" });
    expect(html).toContain("Jiebei approval rate against bad rate");
    const two = (x: number) => `${(x * 100).toFixed(2)} %`;
    // each point's tooltip gives the line's rate as the table prints it (~: fewer than 20 applicants)
    for (const v of rows)
      expect(html).toContain(`"Jiebei approval rate: ${two(v.metrics.jiebeiApprovalRate!)}~"`);
    // a parameter both lines read charts both lines' rate
    const both = stripVTControlCharacters(
      renderPopulation(sweepResult("stretched", 4, 30, "maxApplications30d", [1, 2]), { chalk: plain }),
    );
    expect(both).toContain("Approval rate against bad rate");
  }, 30_000);

  it("gives approval and bad rates to two decimals, so a dominated mark can be read off the rows", () => {
    // at one decimal, 1.64 % and 1.62 % both read 1.6 %: a variant that approves fewer with less profit
    // looked dominated and was not marked, as its bad rate was lower
    const r = sweepResult("stretched", 60, 120, "minOpenScore", [700, 790]);
    const rows = variantRows(r)!;
    const text = renderPopulation(r, { chalk: plain, chart: false });
    const html = simulateHtml(r, { chartJs: "" });
    const two = (x: number) => `${(x * 100).toFixed(2)} %`;
    rows.forEach((v, i) => {
      const line = text.split("\n").find((l) => l.startsWith(`  ${i + 1}  `));
      expect(line).toContain(`${two(v.metrics.approvalRate!)}  `);
      expect(line).toContain(two(v.metrics.badRate!));
      // the PSI of all accounts, then of the booked, in their two columns
      expect(line).toMatch(new RegExp(` ${v.psi!.toFixed(2)} +${v.psiBooked!.toFixed(2)}( |$)`));
      // Huabei's own rate between them: at 790, Jiebei books some Huabei declines (51.67 % of 56.67 %)
      expect(html).toContain(
        `<td class="num">${two(v.metrics.approvalRate!)}</td><td class="num">${two(v.metrics.huabeiApprovalRate!)}</td><td class="num">${two(v.metrics.badRate!)}</td>`,
      );
    });
  }, 30_000);
});

describe("a rate as printed", () => {
  it("is rounded once, from its counts: 40 of 899 is 4.4 %, though its four-decimal fraction 0.0445 reads 4.5 %", () => {
    const one = settings({ days: 30 });
    const r = fromRange(meta(one, [shipped[0]!], 3, [0, 3]), runRange(one, [shipped[0]!], 0, 3, {}));
    // 899 accounts of which 40 were approved, and 40 of the suspended restored
    Object.assign(r.champion[0]!, {
      accounts: 899,
      opened: 40,
      suspended: 899,
      restored: 40,
      restoredWithin: 40,
    });
    const arm = summarise(r).groups[0]!.champion;
    expect(arm.approvalRate).toBe(0.0445);
    expect(arm.restorationRate).toBe(0.0445);
    const row = stripVTControlCharacters(renderPopulation(r, { chalk: plain, chart: false }))
      .split("\n")
      .find((l) => l.startsWith(shipped[0]!.name))!;
    expect(row.match(/4\.4 %/g)).toHaveLength(3);
    expect(row).not.toContain("4.5 %");
    const page = simulateHtml(r, { chartJs: "" });
    expect(page).toContain('<td class="num">4.4 %</td>');
    expect(page).not.toContain("4.5 %");
  });
});

describe("a portfolio rate per account-year", () => {
  it("is marked ~ on fewer than 20 account-years, as a rate of fewer than 20 accounts is, in the report and on the page", () => {
    // 300 accounts, a year: the profile-changers' 6 account-years read 'suspended/yr 46.48 %' unmarked,
    // beside an approval rate of their 7 accounts marked 100.0 %~ — one spell more or less moves it 17 points
    const year = settings({ days: 365 });
    const r = fromRange(meta(year, shipped, 40, [0, 40]), runRange(year, shipped, 0, 40, {}));
    const groups = summarise(r).groups;
    const table = renderPopulation(r, { chalk: plain, chart: false })
      .split("Portfolio under default")[1]!
      .split("\n\n")[0]!
      .split("\n");
    const page = simulateHtml(r, { chartJs: "" });
    const section = page.slice(page.indexOf("<h2>Portfolio under"), page.indexOf("<h2>Vintages under"));
    const few = groups.filter(
      (g) => (g.champion.portfolio.accountYears ?? 0) > 0 && g.champion.portfolio.accountYears! < 20,
    );
    const enough = groups.filter((g) => (g.champion.portfolio.accountYears ?? 0) >= 20);
    expect(few.length).toBeGreaterThan(0);
    expect(enough.length).toBeGreaterThan(0);
    for (const g of groups) {
      const marked = few.includes(g);
      const row = table.find((l) => l.startsWith(`${g.persona} `))!;
      // suspended, closed and charged off a year; the loss rate is of balances, not of account-years
      const [, susp, closed, off, loss] = / (\S+ %~?) +(\S+ %~?) +(\S+ %~?) +(\S+ %~?)$/.exec(row)!;
      for (const cell of [susp, closed, off])
        expect(cell!.endsWith("~"), `${g.persona}: ${row}`).toBe(marked);
      expect(loss!.endsWith("~")).toBe(false);
      const cells = [
        ...section
          .split(`<td>${g.persona === "(all)" ? "all accounts" : g.persona}</td>`)[1]!
          .split("</tr>")[0]!
          .matchAll(/<td class="num">([^<]*)<\/td>/g),
      ].map((m) => m[1]!);
      for (const cell of cells.slice(5, 8))
        expect(cell.endsWith("~"), `${g.persona} on the page`).toBe(marked);
      expect(cells[8]!.endsWith("~")).toBe(false);
    }
    // the notes say what ~ means there
    expect(table[0]).toContain("~: fewer than 20 account-years");
    expect(section).toContain("~: fewer than 20 account-years");
  });

  it("is marked ~ on a few account-days, which --json rounds to 0 account-years", () => {
    // --days 1 --start 2024-12-31: the accounts booked on day 0 were open at its month end, 0.003
    // account-years ('accountYears': 0 to two decimals), and their 'suspended/yr 0.00 %' read unmarked
    expect(perAccountYear(0, 0)).toBe("0.00 %~");
    expect(perAccountYear(0.5, 0.004)).toBe("50.00 %~");
    // not measured: nothing to mark
    expect(perAccountYear(null, 0)).toBe("–");
    expect(perAccountYear(null, null)).toBe("–");
    expect(perAccountYear(0.05, 20)).toBe("5.00 %");
  });
});

describe("a portfolio share as printed", () => {
  it("is rounded once, from its balances: ¥1,124.96 of ¥100,000 is 1.12 %, though its five-decimal fraction 0.01125 reads 1.13 %", () => {
    const two = settings({ days: 60 });
    const r = fromRange(meta(two, [shipped[0]!], 3, [0, 3]), runRange(two, [shipped[0]!], 0, 3, {}));
    // both month ends (days 30 and 59): a book of ¥100,000, ¥1,124.96 of it 30+, ¥124.96 of that 90+
    const [h, j] = r.champion[0]!.lines;
    Object.assign(h!.monthEnd, {
      balance: [10_000_000, 10_000_000],
      dpd30: [112_496, 112_496],
      dpd90: [12_496, 12_496],
    });
    Object.assign(j!.monthEnd, { balance: [0, 0], dpd30: [0, 0], dpd90: [0, 0] });
    const p = summarise(r).groups[0]!.champion.portfolio;
    expect([p.dpd30Rate, p.dpd90Rate]).toEqual([0.01125, 0.00125]);
    expect([p.trailing12.dpd30Rate, p.trailing12.dpd90Rate]).toEqual([0.01125, 0.00125]);
    const lines = stripVTControlCharacters(renderPopulation(r, { chalk: plain, chart: false })).split("\n");
    const row = lines.find((l) => l.startsWith(shipped[0]!.name) && l.includes("¥100,000"))!;
    expect(row).toMatch(/ 1\.12 % +0\.12 % +1\.12\/0\.12 % /);
    expect(lines).toContain("  30+ by month end (%): 1.12 1.12");
    expect(lines).toContain("  90+ by month end (%): 0.12 0.12");
    const page = simulateHtml(r, { chartJs: "" });
    expect(page).toContain(
      '<td class="num">1.12 %</td><td class="num">0.12 %</td><td class="num">1.12 / 0.12 %</td>',
    );
    for (const twice of ["1.13", "0.13 %"]) {
      expect(row).not.toContain(twice);
      expect(page).not.toContain(twice);
    }
  });
});

describe("a rate's base", () => {
  const withCounts = (counts: Record<string, number>) => {
    const one = settings({ days: 30 });
    const r = fromRange(meta(one, [shipped[0]!], 3, [0, 3]), runRange(one, [shipped[0]!], 0, 3, {}));
    Object.assign(r.champion[0]!, counts);
    const row = stripVTControlCharacters(renderPopulation(r, { chalk: plain, chart: false }))
      .split("\n")
      .find((l) => l.startsWith(shipped[0]!.name))!;
    return { r, row };
  };

  it("says of how many suspended accounts the restored are a share, in the text, the page and the JSON", () => {
    const { r, row } = withCounts({
      accounts: 400,
      opened: 390,
      suspended: 63,
      restored: 41,
      restoredWithin: 30,
    });
    expect(row).toContain("65.1 % of 63");
    expect(row).not.toContain("~");
    expect(simulateHtml(r, { chartJs: "" })).toContain("65.1 % of 63");
    const arm = summarise(r).groups[0]!.champion;
    expect(arm.counts).toMatchObject({ suspended: 63, restored: 41, restoredWithin180: 30 });
    expect(arm.restorationRate).toBe(0.6508);
  });

  it("widens a column for a cell wider than it, so no cell runs into the one before it", () => {
    // simulate --accounts 20000 --challenger tightened: the challenger's (all) row read
    // '0.0 %42.2 % of 1,747   42.1 %' and '¥98.97¥1,110,403 (380)'
    const { r, row } = withCounts({
      accounts: 20_000,
      opened: 17_981,
      suspended: 1_747,
      restored: 737,
      restoredWithin: 735,
      overdueEnd: 111_040_321,
      overdueAccountsEnd: 380,
      charges: 197_945_053,
    });
    expect(row).toMatch(/ 42\.2 % of 1,747 /);
    expect(row).toMatch(/ ¥[\d,.]+ +¥1,110,403 \(380\)$/);
    const lines = stripVTControlCharacters(renderPopulation(r, { chalk: plain, chart: false })).split("\n");
    const head = lines.find((l) => l.startsWith("persona") && l.includes("restored"))!;
    expect(row.length).toBe(head.length);
  });

  it("marks a rate of fewer than 20 accounts ~, as a Gini on few bads", () => {
    const { row } = withCounts({ accounts: 12, opened: 9, suspended: 5, restored: 3, restoredWithin: 3 });
    expect(row).toContain("75.0 %~");
    expect(row).toContain("60.0 % of 5~");
    expect(renderPopulation(result, { chalk: plain, chart: false })).toContain(
      "~: a rate of fewer than 20 accounts, too few to read",
    );
  });

  it("gives the risk table's bad rate its base, the booked", () => {
    const lines = stripVTControlCharacters(renderPopulation(result, { chalk: plain, chart: false })).split(
      "\n",
    );
    const head = lines.find((l) => l.startsWith("persona") && l.includes("applied"))!;
    expect(head).toMatch(/approved +booked +bad/);
    const all = summarise(result).groups.at(-1)!.champion.risk.all;
    // the risk table's own row (the outcome table's "(all)" row comes first, and read the accounts for the
    // booked while every applicant was booked)
    const risk = lines.slice(lines.findIndex((l) => l.startsWith("Risk under")));
    const row = risk.find((l) => l.startsWith("(all)"))!;
    expect(row).toMatch(
      new RegExp(`^\\(all\\) +${all.applicants} +\\d+\\.\\d %~? +${all.booked} +\\d+\\.\\d %`),
    );
  });
});

describe("whole yuan", () => {
  it("reads alike in every population table: grouped, rounded half away from zero, never −¥0", async () => {
    const { wholeYuanText } = await import("../../src/scenario/format.js");
    const { RISK_COLUMNS } = await import("../../src/render/population-risk.js");
    expect([2475.5, -2475.5, 1234567.4, -0.3, 0].map(wholeYuanText)).toEqual([
      "¥2,476",
      "−¥2,476",
      "¥1,234,567",
      "¥0",
      "¥0",
    ]);
    // the risk table's money (a loss or a profit of a few fen below zero is no loss to show)
    const profit = RISK_COLUMNS.find((c) => c.title === "profit")!;
    const cell = (y: number) => profit.cell({ profit: y } as Parameters<typeof profit.cell>[0]);
    expect([-0.3, -2475.5, 999_999.4].map(cell)).toEqual(["¥0", "−¥2,476", "¥999,999"]);
    // in millions too, the sign before the yuan sign: a loss of millions reads as one of thousands does
    expect([2_500_000, -2_500_000].map(cell)).toEqual(["¥2.50 M", "−¥2.50 M"]);
    // the unit is chosen by the amount as shown: what rounds to a million yuan is shown in millions
    expect([999_999.6, -999_999.6, 999_999.49].map(cell)).toEqual(["¥1.00 M", "−¥1.00 M", "¥999,999"]);
  });
});

describe("renderPopulation's tables under a policy named in Chinese", () => {
  it("keep their columns: a name takes two terminal columns a character", () => {
    // long enough to widen its column (twelve characters, 24 columns)
    const named = { ...tightened, name: "严格政策严格政策严格政策" };
    const wide = settings({ days: 120, arms: [arm(named)] });
    const r = fromRange(meta(wide, shipped, 40, [0, 40]), runRange(wide, shipped, 0, 40, {}));
    const lines = renderPopulation(r, { chalk: plain, chart: false }).split("\n");
    const head = lines.find((l) => /^metric .*严格政策 +difference/.test(l))!;
    const row = lines.find((l) => l.startsWith("Huabei opened (share of all accounts)"))!;
    // the challenger's name ends where its column's numbers do, as the difference's head ends over them
    const endOf = (l: string, at: number) => stringWidth(l.slice(0, at));
    expect(endOf(head, head.indexOf("difference") + "difference".length)).toBe(
      endOf(row, row.indexOf(" pp ") + 3),
    );
    expect(endOf(head, head.indexOf(named.name) + named.name.length)).toBe(
      endOf(row, row.indexOf(" %", row.indexOf(" %") + 1) + 2),
    );
  });
});

// What-if renderers, called directly: the comparison (each kind of side), the numbered listing and the
// counterfactual advice, with and without colour.

import { stripVTControlCharacters } from "node:util";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { firstSuspensionChange, renderComparison } from "../../src/render/compare.js";
import { listingLines, renderCounterfactual, renderListing } from "../../src/render/whatif.js";
import { compareRuns, runVariant, searchTrace } from "../../src/whatif/run.js";
import { searchCounterfactual } from "../../src/whatif/search.js";
import { apply, base, LATE, PHONE, scenarioFile } from "../whatif/helpers.js";

const CALLS = "test/fixtures/whatif/calls-at-each-stage.yaml";

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const late = runVariant(base(LATE));

describe("renderComparison", () => {
  const edited = runVariant(apply(apply(base(LATE), "remove", "5"), "edit", "7:day=60"));
  const cmp = compareRuns(late, edited);
  const traces = { base: late.trace, variant: edited.trace };
  const text = renderComparison(cmp, traces, edited.variant.notes, { chalk: plain, chart: false });

  it("lists the edits, the decisions that differ side by side, and the outcome", () => {
    expect(text).toMatch(/^Edits\n {2}removed #5 /);
    expect(text).toMatch(/24\s+#5 apply for \+¥2,000\.00 limit\s+declined\s+\(event removed\)/);
    expect(text).toMatch(/suspensions\s+1\s+0/);
    // the first suspension's row says how it moved, not a blank
    expect(text).toMatch(/first suspended\s+day 70\s+never\s+avoided$/m);
    expect(text).not.toContain("Score over time");
  });

  it("gives each code of its legend in the words the steps cited it in, a mild one not called short", () => {
    // paid on time, the calls are answered with a 40-month history, a ¥9,000 income and little use, each
    // keeping half its points or more: every step says 'below the scorecard's top band', and the legend
    // once said 'Length of credit history is short'
    const calls = runVariant(base(CALLS));
    const paid = runVariant(apply(base(CALLS), "add", "{day: 40, type: repay, amount: full}"));
    const legend = renderComparison(
      compareRuns(calls, paid),
      { base: calls.trace, variant: paid.trace },
      paid.variant.notes,
      { chalk: plain, chart: false },
    ).split("Reasons:\n")[1]!;
    expect(legend).toMatch(
      /^ {2}SHORT_HISTORY +Length of credit history is below the scorecard's top band$/m,
    );
    expect(legend).toMatch(/^ {2}LOW_INCOME +Monthly income is below the scorecard's top band/m);
    expect(legend).not.toContain("is short");
    // an adverse citation keeps its adverse words
    expect(legend).toMatch(/^ {2}OVERDUE_NOW +A repayment is past due right now$/m);
  });

  it("says how the first suspension moved: later, earlier, avoided or new", () => {
    const at = (day: number | null) => ({ ...cmp.base, firstSuspendedDay: day });
    expect(firstSuspensionChange(at(70), at(70))).toBeNull();
    expect(firstSuspensionChange(at(70), at(71))).toBe("1 day later");
    expect(firstSuspensionChange(at(70), at(40))).toBe("30 days earlier");
    expect(firstSuspensionChange(at(70), at(null))).toBe("avoided");
    expect(firstSuspensionChange(at(null), at(70))).toBe("new");
  });

  it("tells a review that decided nothing from an engine step that did not happen", () => {
    expect(text).toMatch(/196\s+periodic review\s+restored\s+no decision/);
    expect(text).toMatch(/70\s+overdue ¥[\d,.]+, 30 days past due\s+suspended\s+\(did not happen\)/);
  });

  it("names the line of each decision when the runs have two lines, as the trace does", () => {
    // one change of bound details suspends both lines: the two rows of event #8 once read 'suspended'
    // and 'suspended', one beside 'no decision' and the other beside '(did not happen)', with no word of
    // which line was which
    const HOLD = "test/fixtures/scenarios/hold-over-jiebei-arrears.yaml";
    const held = runVariant(base(HOLD));
    const without = runVariant(apply(base(HOLD), "remove", "8"));
    const t = renderComparison(compareRuns(held, without), { base: held.trace, variant: without.trace }, [], {
      chalk: plain,
      chart: false,
    });
    expect(t).toMatch(/44\s+#8 change bound bankcard\s+Huabei suspended\s+\(event removed\)/);
    expect(t).toMatch(/44\s+#8 change bound bankcard\s+Jiebei suspended\s+\(event removed\)/);
    expect(t).toMatch(/48\s+#10 verify identity\s+Jiebei restored\s+/);
    // a one-line run names no line
    expect(text).not.toMatch(/Huabei (suspended|restored|declined)/);
  });

  it("names an added event's missing side", () => {
    const added = runVariant(apply(base(LATE), "add", "{day: 30, type: request_review}"));
    const t = renderComparison(compareRuns(late, added), { base: late.trace, variant: added.trace }, [], {
      chalk: plain,
      chart: false,
    });
    expect(t).toMatch(/#16 request an early review\s+\(event added\)/);
  });

  it("on a terminal narrower than the two runs side by side, shows them one under the other", () => {
    const stacked = renderComparison(cmp, traces, edited.variant.notes, {
      chalk: plain,
      chart: false,
      columns: 80,
    });
    expect(stacked).toMatch(
      /^ +196 {2}periodic review\n {11}base {5}restored: [A-Z_, ]+\n {11}what-if {2}no decision$/m,
    );
    expect(stacked).toMatch(
      /^ +24 {2}#5 apply for \+¥2,000\.00 limit\n {11}base {5}declined: .+\n {11}what-if {2}\(event removed\)$/m,
    );
    const wide = renderComparison(cmp, traces, edited.variant.notes, {
      chalk: plain,
      chart: false,
      columns: 160,
    });
    expect(wide).toBe(text);
  });

  it("the listing puts each decision beneath its event on a terminal narrower than the row", () => {
    const lines = listingLines(late, plain, 80).join("\n").split("\n");
    const i = lines.findIndex((l) => /#5 .*apply|#5\s+\d+/.test(l));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toMatch(/^ {13}declined /);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    // wide enough: one line an event, as before
    expect(listingLines(late, plain, 200)).toEqual(listingLines(late, plain));
  });

  it("the listing shows every reason a decision gave, as `run` does — wrapped beneath on a narrow terminal", () => {
    const zhang = runVariant(base("scenarios/zhang-ming.yaml"));
    const contact = zhang.trace.steps.find((s) => s.event.type === "contact_support")!;
    expect(contact.reasons.length).toBeGreaterThan(2);
    const row = listingLines(zhang, plain).find((l) => / 230 .*contact customer service/.test(l))!;
    expect(row).toMatch(new RegExp(`info ${contact.reasons.join(", ")}$`));
    for (const columns of [60, 80, 120]) {
      const lines = listingLines(zhang, plain, columns).join("\n").split("\n");
      for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
      // the row's own lines: up to the next event's (numbered, or the engine's `·`)
      const at = lines.findIndex((l) => / 230 .*contact customer service/.test(l));
      const end = lines.findIndex((l, i) => i > at && /^[ +~] {0,3}[#·]/.test(l));
      const own = lines.slice(at, end).join(" ");
      for (const code of contact.reasons) expect(own, `${columns}`).toContain(code);
    }
  });

  it("the listing keeps its columns under an event of wide characters (a Chinese merchant), and fits its width", () => {
    const wide = runVariant(base("test/fixtures/whatif/wide-merchant.yaml"));
    const rows = listingLines(wide, plain).filter((l) => / purchase /.test(l));
    expect(rows).toHaveLength(2);
    const at = rows.map((l) => stringWidth(l.slice(0, l.indexOf(" approved"))));
    expect(at[0]).toBe(at[1]);
    for (const columns of [70, 90]) {
      for (const l of listingLines(wide, plain, columns).join("\n").split("\n"))
        expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
    }
  });

  it("the listing folds every row alike: all decisions beside their events, or all beneath", () => {
    const zhang = runVariant(base("scenarios/zhang-ming.yaml"));
    const rows = listingLines(zhang, plain).filter((l) =>
      / (declined|suspended|info|approved|restored) /.test(l),
    );
    for (const columns of [100, 110, 120, 140]) {
      const folded = listingLines(zhang, plain, columns);
      const beside = folded.filter((r) =>
        / (declined|suspended|info|approved|restored)\b/.test(r.split("\n")[0]!),
      );
      // every row with a decision keeps it on the event's line, or none does: never some of each
      expect([0, rows.length], `${columns}`).toContain(beside.length);
      for (const r of folded) {
        const [first, ...rest] = r.split("\n");
        for (const l of [first!, ...rest]) expect(l.length, l).toBeLessThanOrEqual(columns);
        if (beside.length === 0 || rest.length === 0) continue;
        // reasons carried over start under the first reason
        const under = first!.search(/ [A-Z_]+,/) + 1;
        for (const l of rest) expect(l.search(/\S/), `${columns}: ${r}`).toBe(under);
      }
    }
    // at 120 columns each decision is beside its event
    const at120 = listingLines(zhang, plain, 120);
    expect(at120.filter((r) => / (declined|suspended|info) /.test(r.split("\n")[0]!)).length).toBe(
      rows.filter((r) => / (declined|suspended|info) /.test(r)).length,
    );
  });

  it("on a narrow terminal the outcome table's columns are as wide as their cells: each change on its row, under its header", () => {
    const two = runVariant(base("scenarios/two-lines.yaml"));
    const fewer = runVariant(apply(base("scenarios/two-lines.yaml"), "remove", "3"));
    for (const chalk of [plain, colour]) {
      const t = renderComparison(compareRuns(two, fewer), { base: two.trace, variant: fewer.trace }, [], {
        chalk,
        chart: false,
        columns: 60,
      });
      const lines = stripVTControlCharacters(t).split("\n");
      const table = lines.slice(lines.indexOf("Outcome") + 1);
      expect(table[0]).toMatch(/^ {19}base {8}what-if {5}change$/);
      // folded at 60 columns, the change went beneath its row, a column apart from row to row
      for (const row of table.slice(1)) {
        expect(row.length, row).toBeLessThanOrEqual(60);
        expect(row.slice(43, 44), row).not.toBe(" ");
      }
      expect(table).toContain("  Jiebei balance   ¥11,281.50  ¥0.00       −¥11,281.50");
    }
  });

  it("a run with Jiebei shows each line's end, named; a Huabei-only run keeps its short table", () => {
    const two = runVariant(base("scenarios/two-lines.yaml"));
    const fewer = runVariant(apply(base("scenarios/two-lines.yaml"), "remove", "3"));
    const t = renderComparison(compareRuns(two, fewer), { base: two.trace, variant: fewer.trace }, [], {
      chalk: plain,
      chart: false,
    });
    expect(t).toMatch(/^ {2}Huabei status {4}/m);
    expect(t).toMatch(/^ {2}Jiebei balance +¥[\d,.]+ +¥[\d,.]+/m);
    expect(text).toMatch(/^ {2}final status {6}/m);
    expect(text).not.toContain("Jiebei");
  });

  it("colour adds escapes and nothing else; the chart shows both runs", () => {
    const coloured = renderComparison(cmp, traces, edited.variant.notes, { chalk: colour, chart: false });
    expect(stripVTControlCharacters(coloured)).toBe(text);
    const charted = renderComparison(cmp, traces, [], { chalk: plain, chart: true });
    expect(charted).toContain("Score over time");
    expect(charted).toContain("─ base   ┄ what-if");
  });

  it("a second series reads apart without colour: dotted where it leaves the first", async () => {
    const { scoreChart } = await import("../../src/render/chart.js");
    const base = [
      { day: 0, score: 700 },
      { day: 50, score: 600 },
    ];
    const other = [
      { day: 0, score: 700 },
      { day: 50, score: 800 },
    ];
    const chart = scoreChart(
      [
        { label: "base", points: base },
        { label: "what-if", points: other },
      ],
      100,
      40,
      8,
      false,
    );
    expect(chart).toMatch(/┄/);
    expect(chart).toMatch(/─/);
    expect(chart).not.toContain("\u001b");
    // one series alone: no dotted line, no legend
    const one = scoreChart([{ label: "base", points: base }], 100, 40, 8, false);
    expect(one).not.toMatch(/[┄┆]/);
  });

  it("an unedited variant: no decision differs", () => {
    const t = renderComparison(compareRuns(late, late), { base: late.trace, variant: late.trace }, [], {
      chalk: plain,
      chart: false,
    });
    expect(t).toContain("Decisions that differ: none");
  });

  it("keeps its columns under events of wide characters (a Chinese merchant), cut to the event's width by terminal columns", () => {
    // the merchant's name long enough to be cut, at a character two columns wide
    const wide = apply(
      base("test/fixtures/whatif/wide-merchant.yaml"),
      "edit",
      "2:merchant=淘宝天猫旗舰店淘宝天猫旗舰店",
    );
    const removed = runVariant(apply(apply(wide, "remove", "2"), "remove", "3"));
    const before = runVariant(wide);
    const lines = renderComparison(
      compareRuns(before, removed),
      { base: before.trace, variant: removed.trace },
      removed.variant.notes,
      { chalk: plain, chart: false },
    ).split("\n");
    const rows = lines.filter((l) => /#[23] purchase /.test(l));
    expect(rows).toHaveLength(2);
    // the cut name ends in "…", and both rows' decisions start at the same terminal column
    expect(rows[0]).toContain("…");
    const head = lines.find((l) => /^ +day {2}event /.test(l))!;
    for (const row of rows)
      expect(stringWidth(row.slice(0, row.indexOf("approved"))), row).toBe(head.indexOf("base"));
  });
});

describe("renderListing", () => {
  it("numbers the user's events and shows the engine's decisions between them, unnumbered", () => {
    const text = renderListing(late, plain);
    expect(text).toMatch(/^Late payer — events by number/);
    expect(text).toMatch(/#5\s+24\s+2024-01-25\s+apply for \+¥2,000\.00 limit\s+declined/);
    expect(text).toMatch(/·\s+70\s+.*suspended/);
    // three decisions of the engine between the events: the suspension (day 70), the limit cut while
    // suspended (day 74) and the restoration (day 196)
    expect(listingLines(late, plain)).toHaveLength(late.variant.events.length + 3);
    expect(stripVTControlCharacters(renderListing(late, colour))).toBe(text);
  });

  it("says what its marks mean, those it shows: ~ edited, + added, · the engine's own decision", () => {
    // the marks were shown with no key: a newcomer's listing of late-payer --edit 7:day=60 --add … had
    // "~  #7", "+ #16" and "    ·" rows and nothing saying what they were
    const legend = (run: typeof late) =>
      renderListing(run, plain)
        .split("\n")
        .find((l) => l.startsWith("  marks: "));
    expect(legend(late)).toBe("  marks: · the engine's own decision (no event of the file: no number)");
    const edited = runVariant(
      apply(apply(base(LATE), "edit", "7:day=60"), "add", "{day: 65, type: repay, amount: full}"),
    );
    // repaid on day 60, the suspension and the engine's other decisions are gone: only the marks it shows
    expect(legend(edited)).toBe("  marks: ~ edited   + added");
    expect(renderListing(edited, plain)).toMatch(/^~ {2}#7 /m);
    expect(renderListing(edited, plain)).toMatch(/^\+ #16 /m);
    // a listing with no engine decisions and no edits has no key to give
    const quiet = runVariant(base("scenarios/good-customer.yaml"));
    expect(listingLines(quiet, plain).some((l) => /^ +· /.test(l))).toBe(false);
    expect(renderListing(quiet, plain)).not.toContain("marks:");
  });

  it("says where its reason codes are told in words, when it shows any", () => {
    // the listing shows codes alone (MEETS_POLICY, NOT_RESTORED_YET): the comparison words each one beneath
    // it, the listing gave a newcomer nothing to read them by
    const last = (run: typeof late) => renderListing(run, plain).trimEnd().split("\n").at(-1);
    expect(last(late)).toBe("  reason codes: `credit-sim reasons CODE…` says what each means");
    const none = runVariant(
      base(
        scenarioFile("t.yaml", ["name: t", "events:", "  - { day: 3, type: note, text: nothing decided }"]),
      ),
    );
    expect(renderListing(none, plain)).not.toContain("reason codes:");
  });

  it("keeps every decision in its column when an event is longer than 40 characters", () => {
    // two-lines.yaml's "borrow ¥45,000.00 on Jiebei over 12 months" (42) had its decision one space after it
    const two = runVariant(base("scenarios/two-lines.yaml"));
    const lines = renderListing(two, plain).split("\n");
    const column = lines.find((l) => l.includes("decision"))!.indexOf("decision");
    const borrow = lines.find((l) => l.includes("borrow ¥45,000.00 on Jiebei over 12 months"))!;
    expect(borrow).toMatch(/months {2,}approved WITHIN_LIMIT$/);
    const decided = lines.filter((l) => /^ {2,}#\d+ .* (approved|declined|info) /.test(l));
    expect(decided.length).toBeGreaterThan(5);
    for (const l of decided) expect(l.search(/ (approved|declined|info) /) + 1, l).toBe(column);
    // an event too long for any column (a merchant's long name) has its decision beneath, under the date
    const long = runVariant(
      apply(base(LATE), "add", `{day: 30, type: purchase, amount: 10, merchant: ${"M".repeat(70)}}`),
    );
    const rows = listingLines(long, plain).join("\n").split("\n");
    const at = rows.findIndex((l) => l.includes("M".repeat(70)));
    expect(rows[at]).toMatch(/M{70}$/);
    expect(rows[at + 1]).toMatch(/^ {13}approved WITHIN_LIMIT$/);
    // and widens no other row: the listing's column is as without it
    expect(renderListing(long, plain).split("\n")[2]).toBe(renderListing(late, plain).split("\n")[2]);
  });
});

describe("renderCounterfactual", () => {
  const search = (file: string, goal: Parameters<typeof searchCounterfactual>[0], maxEdits = 3) => {
    const run = runVariant(base(file));
    const r = searchCounterfactual(
      goal,
      { variant: run.variant, trace: run.trace, policy: run.loaded.scenario.policy },
      searchTrace,
      { maxEdits },
    );
    return renderCounterfactual(r, run, plain);
  };

  it("a suggestion in plain words, then what was searched", () => {
    const text = search(LATE, "avoid-suspended");
    expect(text).toMatch(
      /^Smallest change to avoid the suspension: Late payer\n {2}as it happened: suspended once/,
    );
    expect(text).toMatch(
      /One change would have done it:\n {2}1\. Had you made the repayment of day 85 by day \d+/,
    );
    expect(text).toMatch(/searched \d+ candidate changes .*: tried \d+ variants — \d+ single changes/);
    // the default budget reads as the docs write it
    expect(text).toContain("at most 2,000 runs)");
  });

  it("nothing within the bound: with every set of that size tried, the next bound is named", () => {
    const text = search(PHONE, "avoid-suspended", 1);
    expect(text).toContain(
      "Nothing within the bound works: no set of at most 1 change to your own events avoids the suspension.\nMore changes together may: --max-edits 2 (at most 6;",
    );
    // at the largest bound there is none to name
    expect(search(PHONE, "avoid-suspended", 6)).not.toContain("More changes together may");
  });
});

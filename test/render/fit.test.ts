// Terminal width: table rows fold at their column gaps, prose wraps under its indent, colour survives,
// nothing exceeds and nothing is lost.

import { stripVTControlCharacters as stripAnsi } from "node:util";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { REASONS } from "../../src/engine/reasons.js";
import { fitLine, fitted } from "../../src/render/fit.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";

const { scenario } = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`);
const trace = simulate(scenario);

describe("fitted", () => {
  it("keeps every line of a trace within the width, in colour or not", () => {
    for (const level of [0, 1] as const) {
      const text = renderTrace(scenario, trace, {
        chalk: new Chalk({ level }),
        explain: level === 0,
        chart: true,
      });
      for (const columns of level === 0 ? [60, 100] : [80]) {
        const fit = fitted(text, columns).text;
        for (const line of fit.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      }
    }
  });

  it("folds a table row at its column gaps, never cutting a value", () => {
    const row =
      " 227  2024-08-15  periodic review                        suspended       607           ¥10,000.00     ¥4,008.00  suspended (credit)";
    // at the last column gap that fits: the rest goes beneath, itself folded
    // (a right-aligned cell keeps the spaces before it, so rows of one table stay aligned)
    expect(fitLine(row, 60).split("\n")).toEqual([
      " 227  2024-08-15  periodic review",
      "                  suspended       607           ¥10,000.00",
      "         ¥4,008.00  suspended (credit)",
    ]);
    expect(fitLine(row, 100).split("\n")).toEqual([
      " 227  2024-08-15  periodic review                        suspended       607           ¥10,000.00",
      "         ¥4,008.00  suspended (credit)",
    ]);
    // in colour: the codes are kept on both sides of the fold, and nothing else changes
    const red = new Chalk({ level: 1 }).red;
    const coloured = row.replace("suspended (credit)", red("suspended (credit)"));
    const folded = fitLine(coloured, 100);
    expect(folded).toContain(red("suspended (credit)"));
    expect(stripAnsi(folded)).toBe(fitLine(row, 100));
  });

  it("wraps a reason under its text, or beneath its code where that column would be narrow", () => {
    const reason = "                  SHORT_REPAYMENT_RECORD  Few bills repaid on time in the last 24 months";
    expect(fitLine(reason, 80).split("\n")).toEqual([
      "                  SHORT_REPAYMENT_RECORD  Few bills repaid on time in the last",
      "                                          24 months",
    ]);
    // at 60 columns the text beside the code had 20 columns: it goes beneath, every line under its first
    expect(fitLine(reason, 60).split("\n")).toEqual([
      "                  SHORT_REPAYMENT_RECORD",
      "                    Few bills repaid on time in the last 24",
      "                    months",
    ]);
    // as the trace writes it, the code bold: the colours are kept on both lines, and nothing else changes
    const bold = new Chalk({ level: 1 }).bold;
    const coloured = reason.replace("SHORT_REPAYMENT_RECORD", bold("SHORT_REPAYMENT_RECORD"));
    const fit = fitLine(coloured, 60);
    expect(fit.split("\n")[0]).toContain("\u001b[1mSHORT_REPAYMENT_RECORD");
    expect(stripAnsi(fit)).toBe(fitLine(reason, 60));
  });

  it("never leaves a label without its value, nor breaks a command to copy", () => {
    const status = "                  score 648 · limit ¥3,000.00 · balance ¥4,008.00 · suspended (credit)";
    expect(fitLine(status, 60).split("\n")).toEqual([
      "                  score 648 · limit ¥3,000.00 ·",
      "                    balance ¥4,008.00 · suspended (credit)",
    ]);
    const legend =
      "    N paid as due · * nothing due · 1–7 overdue by 30-day stage · C settled · G charged off";
    expect(fitLine(legend, 80).split("\n")).toEqual([
      "    N paid as due · * nothing due · 1–7 overdue by 30-day stage · C settled ·",
      "      G charged off",
    ]);
    const since =
      "    761 at the last step (day 397): time alone moved it since (`explain --day 400` says how)";
    expect(fitLine(since, 80).split("\n")).toEqual([
      "    761 at the last step (day 397): time alone moved it since",
      "      (`explain --day 400` says how)",
    ]);
    // a number keeps its unit: explain's score line at 80 columns ended "a 4.7" and began the next with "%"
    const chance =
      "Score at the end of the day: 648 (good; the scorecard's scaling maps it to a 4.7 % chance of default: an illustration)";
    expect(fitLine(chance, 80).split("\n")).toEqual([
      "Score at the end of the day: 648 (good; the scorecard's scaling maps it to a",
      "  4.7 % chance of default: an illustration)",
    ]);
    for (let columns = 40; columns <= 120; columns++)
      for (const l of fitLine(chance, columns).split("\n"))
        expect(l.trimStart(), `${columns}: ${l}`).not.toMatch(/^%/);
    // nor a day's number: a closed line's answer at 120 columns ended "on 2024-12-10 (day" and began "344)"
    const term =
      "                  → the ¥600.00 owed falls due as the instalment plans run to term: the next ¥326.40 on 2024-12-10 (day 344), the last on 2025-01-10 (day 375); repaying sooner is optional";
    expect(fitLine(term, 120).split("\n")).toEqual([
      "                  → the ¥600.00 owed falls due as the instalment plans run to term: the next ¥326.40 on 2024-12-10",
      "                    (day 344), the last on 2025-01-10 (day 375); repaying sooner is optional",
    ]);
    // in colour too, and the spaces held together are plain spaces again
    const dim = new Chalk({ level: 1 }).dim;
    expect(stripAnsi(fitLine(dim(legend), 80))).toBe(fitLine(legend, 80));
    expect(fitLine(legend, 80)).not.toContain("\uE000");
  });

  it("keeps a combining accent with its letter and every character of a folded row", () => {
    const accent = "e\u0301"; // é written as e + combining acute, as some systems write it
    const row = ` 5  2024-01-06  purchase at Cr${accent}me Caf${accent} Paris  approved        820 (+10)      ¥5,000.00       ¥860.00  active`;
    const folded = fitLine(row, 50);
    const glued = (t: string) => t.replace(/\s+/g, "");
    expect(glued(folded)).toBe(glued(row));
    expect(folded).toContain(`Cr${accent}me Caf${accent} Paris`);
    for (const l of folded.split("\n")) expect(stringWidth(l)).toBeLessThanOrEqual(50);
    // trailing spaces are not a cell: a row that fits without them is left whole, not marked cut
    expect(fitted(`${"x".repeat(30)}  y  z${" ".repeat(40)}`, 40)).toEqual({
      text: `${"x".repeat(30)}  y  z`,
      cut: false,
    });
  });

  it("cuts a word too long for a line where the width ends, and puts no space in it", () => {
    // a failed test's reasons in a narrow terminal: the third line read `_C HANGES`, the first line's
    // wrapping joined again with a space before the rest was wrapped under its indent
    const codes = "NOT_RESTORED_YET,SECURITY_PROFILE_CHANGES,FREQUENT_PROFILE_CHANGES";
    const bold = new Chalk({ level: 1 }).bold;
    for (const columns of [40, 41, 42, 44]) {
      for (const line of [`          ${codes}`, `          ${bold(codes)}`, `  then ${codes} on day 74`]) {
        const lines = stripAnsi(fitLine(line, columns)).split("\n");
        expect(lines.length, line).toBeGreaterThan(1);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
        // each line's text under its indent, put back together, is the word whole
        expect(lines.map((l) => l.trim()).join(""), `${columns}: ${lines.join("|")}`).toContain(codes);
      }
    }
    // prose still breaks at its spaces, the space itself dropped, and a colour goes on past a cut
    expect(fitLine(`  ${"word ".repeat(12).trim()}`, 40).split("\n")).toEqual([
      `  ${"word ".repeat(7).trim()}`,
      `    ${"word ".repeat(5).trim()}`,
    ]);
    const coloured = fitLine(`          ${bold(codes)}`, 40).split("\n");
    expect(coloured.every((l) => l.includes("\u001b[1m"))).toBe(true);
  });

  it("breaks a word too long for its line after an underscore, a slash or a hyphen, not mid-word", () => {
    // a trace at 40 columns: the reason code read `DEBT_TO_INCOME_TOO_HIG` / `H`
    const label = "                  DEBT_TO_INCOME_TOO_HIGH  Total debt exceeds what the policy allows";
    expect(fitLine(label, 40).split("\n").slice(0, 3)).toEqual([
      "                  DEBT_TO_INCOME_TOO_",
      "                  HIGH",
      "                    Total debt exceeds",
    ]);
    for (const code of Object.keys(REASONS)) {
      for (const columns of [40, 44, 50]) {
        const lines = fitLine(`                  ${code}  what it means`, columns).split("\n");
        // the code's lines: those before its text's, or the start of the line its text is beside
        const k = lines.findIndex((l) => l.includes("what"));
        const parts = k === 0 ? [lines[0]!.trim().split(/ {2,}/)[0]!] : lines.slice(0, k);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
        expect(parts.map((l) => l.trim()).join(""), `${code} at ${columns}`).toBe(code);
        for (const p of parts.slice(0, -1)) expect(p, `${code} at ${columns}`).toMatch(/_$/);
      }
    }
    // in prose, a long path breaks at its slashes; a long word without such places is still cut
    expect(fitLine(`  see ${"/folder".repeat(8)}/file.yaml now`, 40).split("\n")).toEqual([
      "  see",
      "    /folder/folder/folder/folder/folder/",
      "    folder/folder/folder/file.yaml now",
    ]);
    expect(fitLine(`  ${"x".repeat(50)}`, 40).split("\n")).toEqual([
      `  ${"x".repeat(38)}`,
      `    ${"x".repeat(12)}`,
    ]);
  });

  it("counts wide characters as two columns", () => {
    const line = `  purchase at ${"淘宝".repeat(20)}`;
    for (const l of fitted(line, 40).text.split("\n")) expect(stringWidth(l)).toBeLessThanOrEqual(40);
  });

  it("leaves text that fits alone", () => {
    expect(fitted("short\n  line", 40).text).toBe("short\n  line");
  });
});

describe("a legend of codes", () => {
  it("wraps a code's text under the text, however wide the code column", () => {
    const legend = `  PAST_DUE_AT_REVIEW           A repayment was past due at the review, with a score below what a past-due line may keep`;
    const lines = fitLine(legend, 80).split("\n");
    expect(lines.length).toBeGreaterThan(1);
    const textAt = legend.indexOf("A repayment");
    for (const l of lines.slice(1)) expect(l.length - l.trimStart().length).toBe(textAt);
  });

  it("wraps a numbered item under its text, not under its number: what-if's smallest changes", () => {
    const item =
      "  2. Had you repaid the bill due on day 222 in full that day, the account would not have been suspended (it was on day 227).";
    const lines = fitLine(item, 80).split("\n");
    expect(lines.length).toBe(2);
    expect(lines[1]!.length - lines[1]!.trimStart().length).toBe(item.indexOf("Had"));
  });

  it("wraps a labelled value under the value: what-if's base / what-if rows, an error's found:", () => {
    const row =
      "           base     declined: INCREASE_TOO_SOON, RECENT_MISSED_PAYMENT, DELINQUENCY_LEVEL, OVERDUE_RECENT";
    const lines = fitLine(row, 80).split("\n");
    expect(lines.length).toBe(2);
    expect(lines[1]!.length - lines[1]!.trimStart().length).toBe(row.indexOf("declined"));
  });
});

describe("a terminal's writer", () => {
  it("says once, at the end, that cells were cut and how to see them whole; nothing when a row only folded", async () => {
    const { fittingWriter } = await import("../../src/cli/fit-io.js");
    const out = (lines: string[], columns: number) => {
      let text = "";
      const w = fittingWriter(
        {
          write: (t: string) => {
            text += t;
            return true;
          },
        },
        columns,
      );
      for (const l of lines) w.write(`${l}\n`);
      w.flush();
      return text;
    };
    const row =
      " 227  2024-08-15  periodic review                        suspended       607           ¥10,000.00";
    expect(out([row, row], 60)).not.toContain("--wide");
    // a first cell wider than the terminal is the one thing a fold cannot keep whole
    const wideCell = `  ${"x".repeat(70)}  607  ¥10,000.00`;
    const cut = out([wideCell, wideCell], 60);
    expect(cut.match(/--wide shows them whole/g)).toHaveLength(1);
    expect(cut.trimEnd().split("\n").at(-1)).toBe(
      "(some cells were cut to 60 columns: --wide shows them whole)",
    );
    expect(
      out(["a line of prose that wraps rather than losing anything at all, however narrow it is"], 40),
    ).not.toContain("--wide");
    // the note fits too: at 40 columns it was broken mid-word by the terminal ("--wi" / "de shows")
    const narrow = out([wideCell], 40).trimEnd().split("\n");
    for (const line of narrow) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(narrow.slice(-2).join(" ").replace(/ +/g, " ")).toBe(
      "(some cells were cut to 40 columns: --wide shows them whole)",
    );
  });
});

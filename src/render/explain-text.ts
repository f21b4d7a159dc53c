// `credit-sim explain`'s plain text: a day's explanation (explain-day.ts) as the terminal shows it — each
// step with its reasons and the values behind them, the score's table fitted to the width, what to do.

import type { ChalkInstance } from "chalk";
import { decisionText, lineName, signed } from "../scenario/format.js";
import { printableName } from "../shared/text.js";
import type { DayExplanation } from "./explain-day.js";
import { factorLines, percentWithArticle, tableName } from "./factor-table.js";

/** The explanation in plain language. */
export function renderExplanation(x: DayExplanation, c: ChalkInstance, columns?: number): string {
  const lines = [
    c.bold(`${printableName(x.scenario)} — day ${x.day} (${x.date})`),
    c.dim(`policy ${printableName(x.policy)}`),
    ...(x.pastUntil === null
      ? []
      : [
          c.yellow(
            `Day ${x.day} is after the scenario's last day (${x.pastUntil}): the engine played on to it with no event of the customer's, so what follows is time alone.`,
          ),
        ]),
    "",
  ];
  // a review that decides nothing is no step of the trace, but it ran: a reader asking why it did not
  // suspend must not read that nothing happened
  const kept =
    x.keptAtReview.length === 0
      ? ""
      : `the periodic review, which kept ${x.keptAtReview.join(" and ")} as ${x.keptAtReview.length > 1 ? "they were" : "it was"} (active, no decision)`;
  if (x.steps.length === 0) {
    const happened = kept
      ? `Nothing happened on day ${x.day} but ${kept}.`
      : `Nothing happened on day ${x.day}.`;
    lines.push(
      x.before
        ? `${happened} The last step before it: day ${x.before.day} (${x.before.date}), ${x.before.event}.`
        : happened,
    );
  }
  // a day that decides on Jiebei names each decision's line, as a two-line trace does: both lines'
  // suspensions for one overdue read alike otherwise
  const named = x.steps.some((s) => s.line === lineName("jiebei"));
  for (const s of x.steps) {
    const which = named && s.line !== null ? `${s.line} ` : "";
    const under = s.beneath === null ? "" : ` for ${s.beneath} beneath the security hold`;
    const decided = s.decision
      ? `${c.bold(`${which}${decisionText(s.decision)}${under}`)}`
      : c.dim("no decision");
    lines.push(
      `${c.bold("•")} ${s.event} → ${decided}  ${c.dim(`(score ${s.score}${s.scoreDelta ? ` ${signed(s.scoreDelta)}` : ""}, ${s.status})`)}`,
    );
    if (s.byTime)
      lines.push(
        `    before it, time moved the score ${signed(s.byTime.delta)} since day ${s.byTime.since}: ${s.byTime.moves.join(", ")}`,
      );
    if (s.moves.length) lines.push(`    the score moved: ${s.moves.join(", ")}`);
    if (s.bound) lines.push(`    (${s.bound})`);
    if (s.reasons.length)
      lines.push(
        `    ${s.decision === "info" ? "as things stand today" : s.decision === null ? "why it stays so" : "why"}:`,
      );
    for (const r of s.reasons) {
      lines.push(`      ${c.bold(r.code)}  ${r.text}`);
      for (const b of r.because) lines.push(c.dim(`        ${b}`));
    }
    for (const r of s.also) lines.push(c.dim(`      also ${r.code}  ${r.text} (${r.because.join("; ")})`));
  }
  if (kept && x.steps.length > 0) lines.push(`${c.bold("•")} ${kept}`);
  lines.push(
    "",
    c.bold(
      `Score at the end of the day: ${x.score.value} (${x.score.band}; ${percentWithArticle(x.score.defaultProbability)} chance of default within a year, as the simulated population's accounts of this score turn out)${x.score.afterLastStep === undefined ? "" : ` — ${x.score.afterLastStep.score} after the last step (day ${x.score.afterLastStep.day}), moved since by time alone: ${x.score.afterLastStep.moves.join(", ")}`}`,
    ),
  );
  // on a terminal the table fits its width (a name on a line of its own when the row would not);
  // elsewhere (a pipe, a file, --wide) each row is one line
  const room = columns === undefined ? Number.POSITIVE_INFINITY : columns - 2;
  const rows = x.score.factors.map((f) => ({
    name: tableName(f.characteristic),
    value: f.value,
    bin: f.bin,
    points: f.points,
    max: f.max,
    note: f.max > f.points ? c.dim(`−${f.max - f.points}`) : "",
  }));
  for (const l of factorLines(rows, room)) lines.push(`  ${l}`);
  const from = x.todoFrom;
  lines.push(
    "",
    from === null
      ? c.bold("What the customer can do")
      : `${c.bold(`What the customer can do from ${from.date} (day ${from.day})`)}${c.dim(`: the day's ${from.after} came after its events, so the day is over${from.overdue ? " — the overdue is as the day's close left it, its late penalty added" : ""}`)}`,
  );
  if (x.todo.length === 0) lines.push("  nothing is needed");
  for (const t of x.todo) lines.push(`  → ${t}`);
  return `${lines.join("\n")}\n`;
}

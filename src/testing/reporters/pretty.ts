// The human report: one line per scenario in input order, then every failure in full (what was
// expected, what happened, the steps and reasons on record that day, or the nearest step), the golden
// trace diffs, obsolete traces, and the summary lines. Colour comes in as a Chalk instance (level 0: none).

import type { ChalkInstance } from "chalk";
import { lineName } from "../../scenario/format.js";
import { pushAll } from "../../shared/lists.js";
import { printable } from "../../shared/text.js";
import { checkActualText, checkValueText } from "../check-text.js";
import {
  type ExpectationReport,
  printableRun,
  type ScenarioReport,
  type StepSummary,
  type TestRun,
} from "../report.js";
import {
  compactStep,
  reasonsCaption,
  reasonsOnRecord,
  stepColumns,
  stepLine,
  stepsShownBefore,
  twoLines,
} from "../steps.js";

const INDENT = "    ";

/**
 * `columns`: the terminal's width, when the output is fitted to one — then steps and golden-trace lines
 * too wide for it are written in their compact form (compactStep), each of its lines marked.
 */
export function renderPretty(
  raw: TestRun,
  c: ChalkInstance,
  rerun: (file: string) => string,
  columns?: number,
): string {
  const run = printableRun(raw);
  const lines: string[] = [];
  for (const r of run.reports) lines.push(listLine(r, c));
  const failures = run.reports.filter((r) => r.status === "failed" || r.status === "error");
  if (failures.length) {
    // the scenarios counted, each failed check listed beneath: "Failures (1)" above three read as one
    lines.push("", c.red.bold(`Failed scenarios (${failures.length})`));
    // the command names the file by its own name, quoted for the shell: the name as shown (`bell\x07`),
    // single-quoted, named a file of a backslash and three letters; what it prints is shown printable (the
    // CLI's quoting writes each control as an escape already)
    const own = new Map(run.reports.map((r, i) => [r, raw.reports[i]?.file ?? r.file]));
    for (const r of failures)
      pushAll(lines, ["", ...failureBlock(r, c, (file) => printable(rerun(own.get(r) ?? file)), columns)]);
  }
  const empty = run.reports.filter((r) => r.status === "no-expectations");
  if (empty.length) {
    pushAll(lines, [
      "",
      c.yellow(
        `${empty.length} scenario${empty.length === 1 ? " has" : "s have"} no expectations (${empty.some((r) => r.snapshot) ? "only the golden trace was checked" : "nothing was checked"}):`,
      ),
      ...empty.map((r) => `  ${r.file}`),
      c.dim("  add an `expect:` block, e.g. - { end: true, status: active }"),
    ]);
  }
  if (run.obsolete.length) {
    pushAll(lines, [
      "",
      c.yellow(
        run.obsoleteRemoved
          ? `Removed ${run.obsolete.length} obsolete golden trace(s):`
          : `${run.obsolete.length} obsolete golden trace(s) (their scenario file is gone; -u removes them):`,
      ),
      ...run.obsolete.map((f) => `  ${f}`),
    ]);
  }
  lines.push("", ...summaryLines(run, c));
  return `${lines.join("\n")}\n`;
}

function listLine(r: ScenarioReport, c: ChalkInstance): string {
  const failedExp = r.expectations.filter((e) => !e.ok).length;
  const snap = r.snapshot;
  const notes: string[] = [];
  switch (r.status) {
    case "passed":
      notes.push(`${r.expectations.length} expectation${r.expectations.length === 1 ? "" : "s"}`);
      break;
    case "failed":
      if (failedExp) notes.push(`${failedExp} of ${r.expectations.length} expectations failed`);
      break;
    case "no-expectations":
      notes.push("no expectations");
      break;
    case "error":
      notes.push("bad input");
      break;
  }
  if (snap?.status === "mismatch") notes.push("golden trace changed");
  if (snap?.status === "missing") notes.push("golden trace missing");
  if (snap?.status === "written") notes.push("golden trace written");
  if (snap?.status === "updated") notes.push("golden trace updated");
  const mark =
    r.status === "passed" ? c.green("✓") : r.status === "no-expectations" ? c.yellow("○") : c.red("✗");
  const name = r.status === "error" ? "" : ` ${c.dim("›")} ${r.name}`;
  return ` ${mark} ${r.file}${name} ${c.dim(`(${notes.join(", ")})`)}`;
}

function failureBlock(
  r: ScenarioReport,
  c: ChalkInstance,
  rerun: (file: string) => string,
  columns: number | undefined,
): string[] {
  if (r.status === "error") {
    return [c.red.bold(`✗ ${r.file}: bad input`), ...(r.error ?? "").split("\n").map((l) => `  ${l}`)];
  }
  const lines: string[] = [];
  const shownBefore = stepsShownBefore(r.expectations);
  for (const e of r.expectations.filter((x) => !x.ok))
    pushAll(lines, [...expectationBlock(r, e, c, columns, shownBefore(e)), ""]);
  const snap = r.snapshot;
  if (snap?.status === "mismatch") {
    pushAll(lines, [
      c.red.bold(`✗ ${r.name} › golden trace changed`),
      `  ${r.file} → ${snap.file}`,
      ...fitted((snap.diff ?? "").split("\n"), 2, columns).map((l) => `  ${colourDiff(l, c)}`),
      c.dim(`  if the change is intended: ${rerun(r.file)} -u, then review and commit the trace`),
      "",
    ]);
  } else if (snap?.status === "missing") {
    lines.push(
      c.red.bold(`✗ ${r.name} › golden trace missing`),
      `  ${snap.file} does not exist, and CI=true does not write golden traces`,
      c.dim(`  write it locally with ${rerun(r.file)} -u and commit it`),
      "",
    );
  }
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function expectationBlock(
  r: ScenarioReport,
  e: ExpectationReport,
  c: ChalkInstance,
  columns: number | undefined,
  shownBefore: ExpectationReport | null,
): string[] {
  const lines = [
    c.red.bold(`✗ ${r.name} › ${e.title}`),
    // where an editor goes (the file's line), and the field path as error messages write it (0-based)
    `  ${r.file}${e.line === null ? "" : `:${e.line}`}, expect[${e.index}], day ${e.day} (${e.date})${e.end ? ", the last day" : ""}`,
  ];
  const width = Math.max(...e.checks.map((x) => x.field.length), 6);
  const checks = e.checks.map((x) => ({
    ...x,
    expected: checkValueText(x.field, x.expected),
    actual: checkActualText(x),
  }));
  // "got" lines up after short expectations; a long one (a list of reasons) does not push every row wide
  const expWidth = Math.min(24, Math.max(...checks.map((x) => x.expected.length), 8));
  for (const ch of checks) {
    const mark = ch.ok ? c.green("✓") : c.red("✗");
    const actual = ch.ok ? ch.actual : c.red(ch.actual);
    lines.push(
      `  ${mark} ${ch.field.padEnd(width)}  expected ${ch.expected.padEnd(expWidth)}  got ${actual}`,
    );
  }
  // the day's steps and their reasons, shown with an earlier failure of that day: not again
  if (shownBefore !== null) {
    lines.push(
      `  what happened on day ${e.day}, and the reasons on record: shown above, at expect[${shownBefore.index}]`,
    );
    return lines;
  }
  const shown: StepSummary[] = e.steps.length ? e.steps : e.nearest ? [e.nearest] : [];
  if (e.steps.length) lines.push(`  what happened on day ${e.day}:`);
  else if (e.nearest)
    lines.push(
      `  no ${lineName(e.on)} step on day ${e.day}; the nearest step before it (day ${e.nearest.day}):`,
    );
  else lines.push(`  no step on or before day ${e.day}`);
  if (shown.length) {
    const jiebei = twoLines(shown);
    const rows = shown.map((s) => stepLine(s, jiebei));
    const compact = fitted(rows, 2, columns);
    // the compact lines say what each number is: no header over them
    if (compact === rows) lines.push(c.dim(`  ${stepColumns(jiebei)}`));
    pushAll(
      lines,
      compact.map((l) => `  ${l}`),
    );
  }
  const codes = reasonsOnRecord(shown);
  lines.push(`  ${reasonsCaption(e, codes.length > 0)}`);
  // as the trace shows them: the numbers the rule compared, and a rule that held beside them
  for (const r of codes) {
    const line = `${c.bold(r.code)}  ${r.text}${r.numbers}`;
    lines.push(`${INDENT}${r.also ? c.dim(`also ${line}`) : line}`);
  }
  return lines;
}

/**
 * Step lines (plain, or a diff's `- `, `+ `, `  ` lines) too wide for the terminal's `columns`, in compact
 * form, the diff's mark on each line; `lines` itself when they fit, or nothing is fitted (undefined: a
 * pipe, a file, --wide). `indent`: columns before.
 */
function fitted(lines: string[], indent: number, columns: number | undefined): string[] {
  if (columns === undefined || lines.every((l) => indent + l.length <= columns)) return lines;
  return lines.flatMap((l) => {
    const diff = /^[-+ ] /.test(l);
    const mark = diff ? l.slice(0, 2) : "";
    const body = diff ? l.slice(2) : l;
    // the compact lines say what each number is: the column header goes
    if (/^ *day {2}date {2}/.test(body)) return [];
    const compact = compactStep(body);
    // a context line's continuation keeps its blank mark, so that every row's parts line up
    return compact === null ? [l] : compact.map((part) => `${mark}${part}`);
  });
}

function colourDiff(line: string, c: ChalkInstance): string {
  if (line.startsWith("- ")) return c.red(line);
  if (line.startsWith("+ ")) return c.green(line);
  if (line.startsWith("@@")) return c.cyan(line);
  return c.dim(line);
}

function summaryLines(run: TestRun, c: ChalkInstance): string[] {
  const s = run.summary;
  const part = (n: number, label: string, colour: (t: string) => string) =>
    n ? colour(`${n} ${label}`) : `${n} ${label}`;
  const scen = [part(s.scenarios.passed, "passed", c.green), part(s.scenarios.failed, "failed", c.red)];
  if (s.scenarios.noExpectations) scen.push(c.yellow(`${s.scenarios.noExpectations} without expectations`));
  if (s.scenarios.errors) scen.push(c.red(`${s.scenarios.errors} bad input`));
  const lines = [
    `${c.bold("Scenarios    ")} ${scen.join(", ")} (${s.scenarios.total})`,
    `${c.bold("Expectations ")} ${part(s.expectations.passed, "passed", c.green)}, ${part(s.expectations.failed, "failed", c.red)} (${s.expectations.total})`,
  ];
  // a shard says which files it ran: an empty one is no silent green
  const sh = run.shard;
  if (sh) {
    const of = `${sh.files} scenario file${sh.files === 1 ? "" : "s"} in ${sh.count} shards`;
    lines.unshift(
      sh.first === null
        ? c.yellow(`${c.bold("Shard        ")} ${sh.index}/${sh.count}: no file falls in it (${of})`)
        : `${c.bold("Shard        ")} ${sh.index}/${sh.count}: files ${sh.first}–${sh.last} of ${sh.files}`,
    );
  }
  const g = s.snapshots;
  const snap = [
    `${g.matched} matched`,
    ...(g.failed ? [c.red(`${g.failed} failed`)] : []),
    ...(g.written ? [`${g.written} written`] : []),
    ...(g.updated ? [`${g.updated} updated`] : []),
    ...(g.obsolete ? [c.yellow(`${g.obsolete} obsolete${g.removed ? " (removed)" : ""}`)] : []),
  ];
  if (g.matched + g.failed + g.written + g.updated + g.obsolete > 0)
    lines.push(`${c.bold("Golden traces")} ${snap.join(", ")}`);
  const left = [
    ...(run.filtered ? [`${run.filtered} left out by --grep`] : []),
    ...(run.policyFiles?.length
      ? [
          `${run.policyFiles.length} policy file${run.policyFiles.length === 1 ? "" : "s"} left out (${run.policyFiles.join(", ")})`,
        ]
      : []),
    ...(run.notRun ? [`${run.notRun} not run after --bail`] : []),
  ];
  if (left.length) lines.push(c.dim(left.join(", ")));
  return lines;
}

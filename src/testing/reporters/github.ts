// `--reporter github`: GitHub Actions workflow commands, so a pull request shows each failure on the line
// that caused it — a failed expectation at its own line in the scenario file, a changed or missing golden
// trace at the scenario's `name:` line, bad input where the loader found it. Plain lines on stdout;
// nothing when everything passed.

import { pushAll } from "../../shared/lists.js";
import { shellPath, workflowPath } from "../../shared/text.js";
import { checkLine } from "../check-text.js";
import { type ExpectationReport, printableRun, type ScenarioReport, type TestRun } from "../report.js";
import { reasonsOnRecord, stepLine, stepsShownBefore } from "../steps.js";

/** Workflow-command escaping: data loses %, CR and LF; properties also : and ,. */
const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command(
  kind: "error" | "warning" | "notice",
  where: { file: string; line: number | null; title: string },
  message: string,
): string {
  const props = [
    `file=${prop(where.file)}`,
    ...(where.line ? [`line=${where.line}`] : []),
    `title=${prop(where.title)}`,
  ];
  return `::${kind} ${props.join(",")}::${data(message)}`;
}

function expectationMessage(e: ExpectationReport, shownBefore: ExpectationReport | null): string {
  const lines = e.checks.filter((c) => !c.ok).map(checkLine);
  // the day's steps and their reasons, in the annotation of an earlier expectation of that day: not again
  if (shownBefore !== null) {
    const at = shownBefore.line === null ? "" : ` (line ${shownBefore.line})`;
    lines.push(
      `on day ${e.day} (${e.date}): the steps and reasons in the annotation of expect[${shownBefore.index}]${at}`,
    );
    return lines.join("\n");
  }
  const shown = e.steps.length ? e.steps : e.nearest ? [e.nearest] : [];
  if (shown.length) {
    lines.push(
      e.steps.length ? `on day ${e.day} (${e.date}):` : `no step on day ${e.day}; the nearest before it:`,
    );
    pushAll(
      lines,
      shown.map((s) => `  ${stepLine(s)}`),
    );
    lines.push(
      ...reasonsOnRecord(shown).map((r) => `  ${r.also ? "also " : ""}${r.code}: ${r.text}${r.numbers}`),
    );
  }
  return lines.join("\n");
}

/** `r` shown terminal-safe; `at`: its file as the annotation names it (see workflowPath). */
/** `at`: the file's own name as a workflow command's property; `own`: its own name, for a command to run. */
function scenarioCommands(r: ScenarioReport, at: string, own: string): string[] {
  const out: string[] = [];
  switch (r.status) {
    case "error":
      out.push(
        command("error", { file: at, line: r.line, title: "credit-sim: bad input" }, r.error ?? "bad input"),
      );
      // the first annotation lists every problem; each further line of the file with a problem gets its
      // own, or the pull request shows only the first of them on its line
      for (const p of (r.problems ?? []).filter((p) => p.line !== r.line)) {
        out.push(command("error", { file: at, line: p.line, title: "credit-sim: bad input" }, p.text));
      }
      return out;
    case "no-expectations":
      out.push(
        command(
          "warning",
          { file: at, line: r.line, title: `credit-sim: ${r.name} has no expectations` },
          "add an `expect:` block, e.g. - { end: true, status: active }",
        ),
      );
      break;
    case "passed":
    case "failed":
      break;
  }
  const shownBefore = stepsShownBefore(r.expectations);
  for (const e of r.expectations.filter((x) => !x.ok)) {
    out.push(
      command(
        "error",
        { file: at, line: e.line, title: `credit-sim: ${r.name} › ${e.title}` },
        expectationMessage(e, shownBefore(e)),
      ),
    );
  }
  const snap = r.snapshot;
  if (snap?.status === "mismatch") {
    const diff = (snap.diff ?? "").split("\n");
    const shown = diff.length > 40 ? [...diff.slice(0, 40), `… ${diff.length - 40} more lines`] : diff;
    out.push(
      command(
        "error",
        { file: at, line: r.line, title: `credit-sim: ${r.name} › golden trace changed` },
        [
          `${snap.file} differs (- committed, + now):`,
          ...shown,
          `if intended: credit-sim test ${shellPath(own)} -u, review and commit the trace`,
        ].join("\n"),
      ),
    );
  } else if (snap?.status === "missing") {
    out.push(
      command(
        "error",
        { file: at, line: r.line, title: `credit-sim: ${r.name} › golden trace missing` },
        `${snap.file} does not exist, and CI=true does not write golden traces: run credit-sim test ${shellPath(own)} -u locally and commit it`,
      ),
    );
  }
  return out;
}

export function renderGithub(raw: TestRun): string {
  const run = printableRun(raw);
  // a file property is the one field the runner reads as a path: shown as the terminal shows it
  // (`a\nb.yaml`), it names no file, and the annotation lands on none
  const lines = run.reports.flatMap((r, i) => {
    const own = raw.reports[i]?.file ?? r.file;
    return scenarioCommands(r, workflowPath(own), own);
  });
  for (const f of raw.obsolete.map(workflowPath)) {
    lines.push(
      command(
        "warning",
        { file: f, line: null, title: "credit-sim: obsolete golden trace" },
        "its scenario file is gone; credit-sim test -u removes it",
      ),
    );
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

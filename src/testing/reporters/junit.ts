// `--reporter junit`: JUnit XML as Jenkins, GitLab, GitHub test-report actions and Azure read it.
// testsuites > one testsuite per scenario file (name = scenario, file = path) > one testcase per
// expectation (name = "day 125: status suspended, …", classname = scenario), plus one "golden trace"
// testcase when the trace was checked. Failures carry a one-line message and the full report as text;
// bad input is an <error>, a scenario without expectations a <skipped>.

import { XMLBuilder } from "fast-xml-parser";
import { lineName } from "../../scenario/format.js";
import { printablePath, shellPath, visibleControls } from "../../shared/text.js";
import { checkLine } from "../check-text.js";
import { type ExpectationReport, printableReportName, type ScenarioReport, type TestRun } from "../report.js";
import { reasonsOnRecord, stepColumns, stepLine, stepsShownBefore, twoLines } from "../steps.js";

// what XML 1.0 does not allow, even escaped (C0 controls, U+FFFE, U+FFFF), shown as the HTML page shows
// it: as escapes (`\x01`, `\ufffe`), with the other noncharacters — not as U+FFFD, a character of its own
const clean = (s: string) => visibleControls(s);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

interface Case {
  "@_name": string;
  "@_classname": string;
  "@_file": string;
  "@_time": string;
  failure?: { "@_message": string; "@_type": string; "#text": string };
  error?: { "@_message": string; "@_type": string; "#text": string };
  skipped?: { "@_message": string };
}

function expectationCase(
  r: ScenarioReport,
  e: ExpectationReport,
  time: string,
  shownBefore: ExpectationReport | null,
): Case {
  const c: Case = {
    "@_name": clean(e.title),
    "@_classname": clean(r.name),
    "@_file": r.file,
    "@_time": time,
  };
  if (!e.ok) {
    const failed = e.checks.filter((x) => !x.ok);
    const message = failed.map(checkLine).join("; ");
    const shown = e.steps.length ? e.steps : e.nearest ? [e.nearest] : [];
    const head = [
      `${r.name}, ${r.file}, expect[${e.index}], day ${e.day} (${e.date})`,
      ...e.checks.map((x) => `${x.ok ? "ok  " : "FAIL"} ${checkLine(x)}`),
    ];
    // the day's steps and their reasons, in the failure of an earlier expectation of that day: not again
    const body = (
      shownBefore !== null
        ? [
            ...head,
            `steps on day ${e.day} and reasons on record: in the failure of expect[${shownBefore.index}]`,
          ]
        : [
            ...head,
            e.steps.length
              ? `steps on day ${e.day}:`
              : e.nearest
                ? `no ${lineName(e.on)} step on day ${e.day}; nearest step before it:`
                : "no step on or before that day",
            ...(shown.length
              ? [stepColumns(twoLines(shown)), ...shown.map((s) => stepLine(s, twoLines(shown)))]
              : []),
            `reasons on record: ${
              reasonsOnRecord(shown)
                .map((r) => `${r.also ? "also " : ""}${r.code}${r.numbers}`)
                .join(", ") || "none"
            }`,
          ]
    ).join("\n");
    c.failure = { "@_message": clean(message), "@_type": "ExpectationFailed", "#text": clean(body) };
  }
  return c;
}

/** `file`: the scenario file's own name, for the command the suite suggests (`r.file` is as shown). */
function suite(r: ScenarioReport, file: string): Record<string, unknown> {
  const perCase = seconds(r.durationMs / Math.max(1, r.expectations.length + (r.snapshot ? 1 : 0)));
  const cases: Case[] = [];
  const base = (name: string) => ({ "@_name": clean(name), "@_classname": clean(r.name), "@_file": r.file });
  if (r.status === "error") {
    cases.push({
      ...base("load scenario"),
      "@_time": seconds(r.durationMs),
      error: {
        "@_message": clean((r.error ?? "").split("\n")[0] ?? ""),
        "@_type": "InputError",
        "#text": clean(r.error ?? ""),
      },
    });
  } else if (r.expectations.length === 0) {
    cases.push({
      ...base("expectations"),
      "@_time": "0.000",
      skipped: { "@_message": "the scenario has no expectations" },
    });
  }
  const shownBefore = stepsShownBefore(r.expectations);
  for (const e of r.expectations) cases.push(expectationCase(r, e, perCase, shownBefore(e)));
  const snap = r.snapshot;
  if (snap) {
    const c: Case = { ...base(`golden trace ${snap.file}`), "@_time": perCase };
    if (snap.status === "mismatch") {
      c.failure = {
        "@_message": "the golden trace changed",
        "@_type": "SnapshotMismatch",
        "#text": clean(snap.diff ?? ""),
      };
    } else if (snap.status === "missing") {
      c.failure = {
        "@_message": "golden trace missing (CI=true does not write it)",
        "@_type": "SnapshotMissing",
        "#text": `${snap.file} does not exist; run credit-sim test -u ${shellPath(file)} locally and commit it`,
      };
    }
    cases.push(c);
  }
  return {
    "@_name": clean(r.name),
    "@_file": r.file,
    "@_tests": cases.length,
    "@_failures": cases.filter((c) => c.failure).length,
    "@_errors": cases.filter((c) => c.error).length,
    "@_skipped": cases.filter((c) => c.skipped).length,
    "@_time": seconds(r.durationMs),
    testcase: cases,
  };
}

export function renderJunit(run: TestRun): string {
  // paths come from the file system, where any byte but `/` and NUL may be in a name
  // names as the terminal shows them: a line break in a scenario's name or a file's would start a line of
  // the report that a CI runner reads as a command (`::error::…`), and a bidirectional override would
  // reorder the name where a CI page shows it; each is written as its escape instead
  const suites = run.reports.map((r) =>
    suite(
      {
        ...r,
        name: printableReportName(r),
        file: clean(printablePath(r.file)),
        snapshot: r.snapshot && { ...r.snapshot, file: clean(printablePath(r.snapshot.file)) },
      },
      r.file,
    ),
  );
  const sum = (k: string) => suites.reduce((n, s) => n + (s[k] as number), 0);
  const doc = {
    testsuites: {
      "@_name": "credit-sim test",
      "@_tests": sum("@_tests"),
      "@_failures": sum("@_failures"),
      "@_errors": sum("@_errors"),
      "@_skipped": sum("@_skipped"),
      "@_time": seconds(run.reports.reduce((n, r) => n + r.durationMs, 0)),
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc)}`;
}

// The data every reporter renders: one ScenarioReport per scenario file, in input order, plus a summary.
// Plain, serialisable data (it crosses worker-thread boundaries), no colour, no engine objects.

import type { Cause, Decision, Fen, LineId, ReasonCode, RuleFact, Status } from "../engine/index.js";
import { printableLines, printableName, printablePath } from "../shared/text.js";

/** One step of a trace as reports show it. Money in fen. */
export interface StepSummary {
  day: number;
  date: string;
  /** the event type, e.g. `purchase`, `review` */
  event: string;
  /** the event as a sentence, e.g. "purchase ¥1,200.50 at Taobao" */
  text: string;
  decision: Decision | null;
  reasons: ReasonCode[];
  /** of `reasons`, the score reasons the step says in their milder words (reasonTextIn: every
   *  characteristic citing it kept half its points or more), as the trace beneath it says them */
  mild: ReasonCode[];
  /** the numbers the rules compared (money in fen), and rules that held beside the reasons */
  facts: RuleFact[];
  score: number;
  limit: Fen;
  balance: Fen;
  status: Status;
  cause: Cause | null;
  /** the line the step decided on (null: about the customer) */
  line: LineId | null;
  /** Jiebei's standing, when the customer has it (Huabei's is above) */
  jiebei: { limit: Fen; balance: Fen; status: Status; cause: Cause | null } | null;
}

interface CheckReport {
  field: string;
  expected: string;
  actual: string;
  ok: boolean;
  /** a failed score or balance check: the value after the day's last step, where the day's end left it
   *  otherwise (expect.ts) */
  lastStep?: string;
}

export interface ExpectationReport {
  /** position in the file's `expect` list */
  index: number;
  /** the line of this expectation in the scenario file (1-based), for annotations; null when unknown */
  line: number | null;
  /** the credit line it reads (Huabei unless it says `line: jiebei`) */
  on: LineId;
  day: number;
  date: string;
  /** written as `end: true` */
  end: boolean;
  /** e.g. "day 125: status suspended, reasons OVERDUE_RECENT" */
  title: string;
  ok: boolean;
  checks: CheckReport[];
  /** every step of that day */
  steps: StepSummary[];
  /** the last step on or before the day when the day had no step of its own */
  nearest: StepSummary | null;
}

type SnapshotStatus =
  /** the golden trace matched */
  | "matched"
  /** there was none and it was written */
  | "written"
  /** it differed and -u rewrote it */
  | "updated"
  /** it differed: failure */
  | "mismatch"
  /** there was none and CI=true forbids writing it: failure */
  | "missing";

export interface SnapshotReport {
  /** path of the golden trace, relative to the working folder */
  file: string;
  status: SnapshotStatus;
  /** for `mismatch`: the changed lines with context (`-` golden, `+` now), no colour */
  diff: string | null;
}

type ScenarioStatus =
  /** every expectation and the golden trace hold */
  | "passed"
  /** an expectation or the golden trace failed */
  | "failed"
  /** nothing failed but the file has no `expect` block: reported, never silently passed */
  | "no-expectations"
  /** the file could not be loaded (bad input: exit 2) */
  | "error";

export interface ScenarioReport {
  /** path relative to the working folder, with `/` separators */
  file: string;
  /** the scenario's name; the file name when it could not be loaded */
  name: string;
  status: ScenarioStatus;
  policy: string | null;
  seed: number | null;
  expectations: ExpectationReport[];
  snapshot: SnapshotReport | null;
  /** the InputError's problems for status `error` (every problem of the file, formatted) */
  error: string | null;
  /** where the file points at itself: the bad input's line for `error`, else the `name:` line (1-based) */
  line: number | null;
  /** for `error`: each problem at a line of this file, formatted on its own (an annotation a line) */
  problems?: { line: number; text: string }[];
  durationMs: number;
  /** the policy files read (absolute; a worker's so far, this file's among them): outputs spare them */
  policyFiles?: string[];
  /** deprecations the file still has, one line each (for stderr) */
  warnings?: string[];
  /** no golden trace written: the scenario lies outside the working folder, and -u was not given
   *  (runWarnings says so, once for all such files) */
  traceOutside?: true;
  /** a worker's: the golden trace the main thread is to write (and remove, unfinished, on Ctrl-C) — never
   *  in a report */
  traceToWrite?: string;
}

/** What a worker answers for a file `--grep` leaves out, or for a policy file kept among scenarios. */
export interface FilteredOut {
  file: string;
  filtered: true;
  /** the file is a policy, not a scenario */
  policy?: true;
}

interface Counts {
  passed: number;
  failed: number;
}

export interface Summary {
  scenarios: Counts & { noExpectations: number; errors: number; total: number };
  expectations: Counts & { total: number };
  snapshots: {
    matched: number;
    written: number;
    updated: number;
    failed: number;
    obsolete: number;
    removed: number;
  };
}

export interface TestRun {
  reports: ScenarioReport[];
  /** golden traces whose scenario file no longer exists (relative paths) */
  obsolete: string[];
  /** true when obsolete snapshots were deleted (-u) */
  obsoleteRemoved: boolean;
  /** scenarios left out: by --grep, or not run after --bail */
  filtered: number;
  notRun: number;
  /** policy files found among the scenarios, left out (relative paths) */
  policyFiles?: string[];
  /** with --shard: which shard, and the files of the whole run and of this shard (1-based, inclusive;
   *  none when the shard is empty: more shards than files) */
  shard?: { index: number; count: number; files: number; first: number | null; last: number | null };
  summary: Summary;
  /** 0 all passed, 1 a failure, 2 a file with bad input */
  exitCode: 0 | 1 | 2;
}

export function summarise(reports: readonly ScenarioReport[], obsolete: number, removed: boolean): Summary {
  const s: Summary = {
    scenarios: { passed: 0, failed: 0, noExpectations: 0, errors: 0, total: reports.length },
    expectations: { passed: 0, failed: 0, total: 0 },
    snapshots: { matched: 0, written: 0, updated: 0, failed: 0, obsolete, removed: removed ? obsolete : 0 },
  };
  for (const r of reports) {
    if (r.status === "passed") s.scenarios.passed++;
    else if (r.status === "failed") s.scenarios.failed++;
    else if (r.status === "no-expectations") s.scenarios.noExpectations++;
    else s.scenarios.errors++;
    for (const e of r.expectations) {
      s.expectations.total++;
      if (e.ok) s.expectations.passed++;
      else s.expectations.failed++;
    }
    switch (r.snapshot?.status) {
      case "matched":
        s.snapshots.matched++;
        break;
      case "written":
        s.snapshots.written++;
        break;
      case "updated":
        s.snapshots.updated++;
        break;
      case "mismatch":
      case "missing":
        s.snapshots.failed++;
        break;
      case undefined:
        break;
    }
  }
  return s;
}

/** What a run warns of, one line each: each file's own warnings, then the scenarios left without a
 *  golden trace for lying outside the working folder — one warning for all of them: `credit-sim test
 *  /tmp/flips` printed the same four lines for each of its files before the results. */
export function runWarnings(reports: readonly ScenarioReport[]): string[] {
  const own = reports.flatMap((r) => r.warnings ?? []);
  const outside = reports.filter((r) => r.traceOutside);
  const first = outside[0];
  if (first === undefined) return own;
  const one = outside.length === 1;
  // what is checked of them without a golden trace: their expectations, where they have any
  const bare = outside.filter((r) => r.expectations.length === 0).length;
  const checked =
    bare === 0
      ? `${one ? "its" : "their"} expectations are checked`
      : bare === outside.length
        ? one
          ? "it has no expectations either: nothing of it is checked"
          : "they have no expectations either: nothing of them is checked"
        : `their expectations are checked; ${bare} of them have none: nothing of those is checked`;
  return [
    ...own,
    one
      ? `${first.file}: no golden trace written: the scenario is outside the working folder (run credit-sim test from a folder that holds it, or add -u to write its trace; ${checked})`
      : `no golden trace written for ${outside.length} scenarios outside the working folder (${first.file} and ${outside.length - 1} more): run credit-sim test from a folder that holds them, or add -u to write their traces; ${checked}`,
  ];
}

export function exitCodeOf(reports: readonly ScenarioReport[]): 0 | 1 | 2 {
  if (reports.some((r) => r.status === "error")) return 2;
  if (reports.some((r) => r.status === "failed")) return 1;
  return 0;
}

/** A run as a terminal may show it: names, paths, messages and golden-trace lines come from files (a CI
 *  log is a terminal too), so every character that could drive one is shown as an escape. */
export function printableRun(run: TestRun): TestRun {
  return {
    ...run,
    reports: run.reports.map(printableReport),
    obsolete: run.obsolete.map(printablePath),
    ...(run.policyFiles ? { policyFiles: run.policyFiles.map(printablePath) } : {}),
  };
}

/** A report's name as human output shows it: a scenario's name as names are, or, for a file that did not
 *  load (its name is its path), as paths are. */
export const printableReportName = (r: ScenarioReport): string =>
  r.name === r.file ? printablePath(r.name) : printableName(r.name);

function printableReport(r: ScenarioReport): ScenarioReport {
  return {
    ...r,
    file: printablePath(r.file),
    name: printableReportName(r),
    error: r.error === null ? null : printableLines(r.error),
    ...(r.problems ? { problems: r.problems.map((p) => ({ ...p, text: printableLines(p.text) })) } : {}),
    snapshot: r.snapshot
      ? {
          ...r.snapshot,
          file: printablePath(r.snapshot.file),
          diff: r.snapshot.diff === null ? null : printableLines(r.snapshot.diff),
        }
      : null,
  };
}

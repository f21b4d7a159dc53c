// Comparing a golden trace with the file on disk (see snapshot-files.ts for where it lives). Missing →
// written (unless CI, where it fails, as vitest does, or the scenario's expectations failed: a golden
// trace records a trace its author accepted — -u still writes it); different → failure with a diff, or rewritten
// with -u. Writes are atomic (temporary file + rename); nothing is read or written through a link
// (snapshot-files.ts).

import { InputError } from "../shared/errors.js";
import { writeOutput } from "../shared/write-file.js";
import type { ScenarioFile } from "./discover.js";
import { lineDiff } from "./line-diff.js";
import type { FilteredOut, ScenarioReport, SnapshotReport } from "./report.js";
import { MAX_TRACE_BYTES, makeSnapshotFolder, readSnapshot, snapshotPathFor } from "./snapshot-files.js";

export interface SnapshotMode {
  /** -u: write new and changed traces */
  update: boolean;
  /** CI=true: a missing trace is a failure, never written */
  ci: boolean;
  /** false: a missing trace is left unwritten unless -u (a scenario outside the working folder); asked
   *  only of a missing trace — it resolves links on disk, and nearly every trace is there */
  record?: () => boolean;
  /** true: the scenario's expectations failed — a missing trace is left unwritten unless -u, or the next
   *  run would match a trace its author thinks wrong */
  hold?: boolean;
}

const normalise = (text: string) => text.replace(/\r\n/g, "\n");

/** Compares (and when allowed writes, with `writer`) the golden trace of one scenario file. `shown` is the
 *  path reports print. Null: there is none, and `mode.hold` or `mode.record` leaves it unwritten. */
export function checkSnapshot(
  scenarioFile: string,
  actual: string,
  mode: SnapshotMode,
  shown: string,
  writer: TraceWriter = writeTrace,
): SnapshotReport | null {
  const read = readSnapshot(scenarioFile, shown);
  const golden = read === null ? null : normalise(read);
  if (golden === null) {
    if (mode.ci && !mode.update) return { file: shown, status: "missing", diff: null };
    if (!mode.update && mode.hold === true) return null;
    if (!mode.update && mode.record?.() === false) return null;
    writer(scenarioFile, actual, shown);
    return { file: shown, status: "written", diff: null };
  }
  if (golden === actual) return { file: shown, status: "matched", diff: null };
  if (mode.update) {
    writer(scenarioFile, actual, shown);
    return { file: shown, status: "updated", diff: null };
  }
  const diff = lineDiff(golden, actual);
  // the column header as the golden trace itself names it ("#day  date  …"), over the diff's columns
  const columns = actual.split("\n").find((l) => l.startsWith("#day")) ?? "";
  return { file: shown, status: "mismatch", diff: `   ${columns.slice(1)}\n${diff}` };
}

/** A worker's report with the golden trace it handed over written (see RunSettings.tracesByMain): a
 *  trace that cannot be written is the file's bad input, as it is when written in the worker. */
export function writeHanded(
  r: ScenarioReport | FilteredOut,
  file: ScenarioFile,
  cwd: string,
): ScenarioReport | FilteredOut {
  if ("filtered" in r || r.traceToWrite === undefined) return r;
  const { traceToWrite, ...report } = r;
  try {
    writeTrace(file.path, traceToWrite, report.snapshot?.file ?? file.shown);
    return report;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const error = e.relativeTo(cwd).format();
    return {
      ...report,
      status: "error" as const,
      expectations: [],
      snapshot: null,
      error,
      line: null,
      problems: [],
    };
  }
}

/** What writes a golden trace: writeTrace, or (in a worker) what hands it to the main thread to write. */
export type TraceWriter = (scenarioFile: string, text: string, shown: string) => void;

/** Refuses a golden trace too large to be read back (the next run would refuse it, and -u write it again). */
export function checkTraceSize(text: string, shown: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_TRACE_BYTES)
    throw new InputError("the golden trace would be too large to read back", {
      file: shown,
      expected: `at most ${MAX_TRACE_BYTES} bytes`,
      found: `${bytes} bytes`,
      hint: "split the timeline into several scenarios, or shorten its notes",
    });
}

/** Writes a golden trace: a regular file replaced or made, never a link followed or a device written —
 *  and never one too large to be read back. */
export function writeTrace(scenarioFile: string, text: string, shown: string): void {
  checkTraceSize(text, shown);
  try {
    makeSnapshotFolder(scenarioFile, shown);
    // an error names it by its absolute path: the report names it relative (runOne), as every other file
    writeOutput(snapshotPathFor(scenarioFile), text, { dashIsStdout: false, existing: "regular" });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // written beside the scenario, where a read-only checkout cannot "write somewhere else": its
    // expectations may still be checked
    throw e.map(
      (p) => new InputError(p.message, { ...p.details, hint: `${p.details.hint ?? "fix it"}; ${ALONE}` }),
    );
  }
}

const ALONE = "or check the expectations alone: credit-sim test --no-snapshots";

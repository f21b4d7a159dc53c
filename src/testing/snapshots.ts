// Comparing a golden trace with the file on disk (see snapshot-files.ts for where it lives). Missing →
// written (unless CI, where it fails, as vitest does); different → failure with a diff, or rewritten
// with -u. Writes are atomic (temporary file + rename).

import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileAtomic } from "../shared/write-file.js";
import { lineDiff } from "./line-diff.js";
import type { SnapshotReport } from "./report.js";
import { snapshotPathFor } from "./snapshot-files.js";

export interface SnapshotMode {
  /** -u: write new and changed traces */
  update: boolean;
  /** CI=true: a missing trace is a failure, never written */
  ci: boolean;
}

const normalise = (text: string) => text.replace(/\r\n/g, "\n");

/** Compares (and when allowed writes) the golden trace of one scenario file. `shown` is the path reports print. */
export function checkSnapshot(
  scenarioFile: string,
  actual: string,
  mode: SnapshotMode,
  shown: string,
): SnapshotReport {
  const file = snapshotPathFor(scenarioFile);
  let golden: string | null = null;
  try {
    golden = normalise(readFileSync(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (golden === null) {
    if (mode.ci && !mode.update) return { file: shown, status: "missing", diff: null };
    write(file, actual);
    return { file: shown, status: "written", diff: null };
  }
  if (golden === actual) return { file: shown, status: "matched", diff: null };
  if (mode.update) {
    write(file, actual);
    return { file: shown, status: "updated", diff: null };
  }
  const diff = lineDiff(golden, actual);
  // the column header as the golden trace itself names it (its last header line)
  const columns = actual.split("\n").find((l) => l.startsWith("#  ")) ?? "";
  return { file: shown, status: "mismatch", diff: `  ${columns.slice(1)}\n${diff}` };
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text);
}

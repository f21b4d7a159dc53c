// Golden-trace files on disk: `<folder>/__snapshots__/<file>.trace` beside each scenario file.
// Missing → written (unless CI, where it fails, as vitest does); different → failure with a diff, or
// rewritten with -u. Writes are atomic. Obsolete traces (no scenario file of that name) are found here.

import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { writeFileAtomic } from "../cli/io.js";
import { lineDiff } from "./line-diff.js";
import type { SnapshotReport } from "./report.js";
import { STEP_COLUMNS } from "./steps.js";

export const SNAPSHOT_DIR = "__snapshots__";
export const SNAPSHOT_EXT = ".trace";

export interface SnapshotMode {
  /** -u: write new and changed traces */
  update: boolean;
  /** CI=true: a missing trace is a failure, never written */
  ci: boolean;
}

export function snapshotPathFor(scenarioFile: string): string {
  return join(dirname(scenarioFile), SNAPSHOT_DIR, `${basename(scenarioFile)}${SNAPSHOT_EXT}`);
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
  return { file: shown, status: "mismatch", diff: `  ${STEP_COLUMNS}\n${diff}` };
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text);
}

/** Golden traces in the `__snapshots__` folders of these folders whose scenario file is gone. */
export function findObsolete(folders: Iterable<string>): string[] {
  const found: string[] = [];
  for (const folder of new Set(folders)) {
    const dir = join(folder, SNAPSHOT_DIR);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.endsWith(SNAPSHOT_EXT)) continue;
      if (!existsSync(join(folder, name.slice(0, -SNAPSHOT_EXT.length)))) found.push(join(dir, name));
    }
  }
  return found;
}

export function removeSnapshot(file: string): void {
  unlinkSync(file);
}

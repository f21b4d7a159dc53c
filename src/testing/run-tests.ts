// The whole `credit-sim test` run as data: discover → shard → run (in order, maybe in workers) →
// duplicate-name check → obsolete golden traces → summary. No output here; the command renders.

import { dirname, resolve } from "node:path";
import type { Roots } from "../scenario/builtin.js";
import { InputError, UsageError } from "../shared/errors.js";
import { printable, quoted } from "../shared/text.js";
import { discover, opensAsFile, type ScenarioFile, searchedFolders } from "./discover.js";
import type { TestOptions } from "./options.js";
import { showPath } from "./paths.js";
import { runFiles } from "./pool.js";
import { exitCodeOf, type ScenarioReport, summarise, type TestRun } from "./report.js";
import { claimedName, makeContext, type RunSettings } from "./run-one.js";
import { shardOf } from "./shard.js";
import { findObsolete, hasGoldenTrace, removeSnapshot } from "./snapshot-files.js";

/** `found`: the files `paths` lead to, when the caller has already looked (not found again); `roots`: the
 *  folders besides a file's own that its policy references may lead into (CREDIT_SIM_ROOT). */
export async function runTests(
  paths: readonly string[],
  o: TestOptions,
  cwd: string = process.cwd(),
  { found, roots = [] }: { found?: readonly ScenarioFile[]; roots?: Roots } = {},
): Promise<TestRun> {
  const all = found ?? discover(paths, cwd);
  const files = o.shard ? shardOf(all, o.shard) : all;
  const settings: RunSettings = {
    cwd,
    roots,
    grep: o.grep ? o.grep.source : null,
    snapshots: o.snapshots ? { update: o.update, ci: o.ci } : null,
  };
  const { results, notRun } = await runFiles(files, settings, {
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    bail: o.bail,
  });
  const reports = results.filter((r): r is ScenarioReport => !("filtered" in r));
  const policyFiles = results.flatMap((r) => ("filtered" in r && r.policy ? [r.file] : []));
  const filtered = results.length - reports.length - policyFiles.length;
  // a folder of nothing but policy files tests nothing: not a green build
  if (reports.length === 0 && policyFiles.length > 0 && filtered === 0 && !o.shard && notRun === 0)
    throw new InputError("no scenario files: only policy files were found", {
      found: policyFiles.join(", "),
      hint: "a scenario has `events:`; give the folder of the scenarios that name these policies",
    });
  if (reports.length === 0 && o.grep && !o.shard) {
    throw new UsageError(
      `no scenario matches --grep ${quoted(o.grep.source)}`,
      "the pattern is matched (case-insensitively) against scenario names and file paths",
    );
  }
  // a name taken in an earlier shard is taken in this one too: the shards together report what one run does
  const start = files.length > 0 ? all.indexOf(files[0]!) : -1;
  const earlier = start > 0 ? all.slice(0, start) : [];
  const ctx = makeContext(settings);
  const taken = new Map<string, string>();
  for (const f of earlier) {
    const name = claimedName(f, ctx);
    if (name !== null && !taken.has(shownAs(name))) taken.set(shownAs(name), f.shown);
  }
  markDuplicateNames(reports, cwd, taken);
  let obsolete: string[] = [];
  let obsoleteRemoved = false;
  if (o.snapshots) {
    // the folders searched too: one whose last scenario was removed or moved still holds its trace
    const found = findObsolete([
      ...all.filter((f) => opensAsFile(f) && hasGoldenTrace(f.path)).map((f) => dirname(f.path)),
      ...searchedFolders(paths, cwd),
    ]);
    if (o.update) {
      for (const f of found) removeSnapshot(f);
      obsoleteRemoved = found.length > 0;
    }
    obsolete = found.map((f) => showPath(f, cwd));
  }
  return {
    reports,
    obsolete,
    obsoleteRemoved,
    filtered,
    notRun,
    policyFiles,
    ...(o.shard
      ? {
          shard: {
            ...o.shard,
            files: all.length,
            first: start < 0 ? null : start + 1,
            last: start < 0 ? null : start + files.length,
          },
        }
      : {}),
    summary: summarise(reports, obsolete.length, obsoleteRemoved),
    exitCode: exitCodeOf(reports),
  };
}

/**
 * A name as the reports tell it from others: as they show it (a control character as its escape, so
 * `"a\x01"` and `'a\x01'` read alike), compatibility-normalised (é as one character or two, a no-break
 * space) and its spaces as a reader sees them. JUnit consumers key results by the name: two scenarios
 * that only look alike would be merged there.
 */
const shownAs = (name: string): string => printable(name).normalize("NFKC").replace(/ +/g, " ").trim();

/** Reports are keyed by scenario name: a second file with a taken name — or one that reads the same — is
 *  bad input, and a golden trace this run wrote for it (none was there) is taken back — a bad file has
 *  none. */
function markDuplicateNames(
  reports: ScenarioReport[],
  cwd: string,
  seen: Map<string, string> = new Map(),
): void {
  for (const [i, r] of reports.entries()) {
    if (r.status === "error") continue;
    const other = seen.get(shownAs(r.name));
    if (other === undefined) {
      seen.set(shownAs(r.name), r.file);
      continue;
    }
    const error = new InputError(`duplicate scenario name "${r.name}"`, {
      file: r.file,
      field: "name",
      found: `also the name of ${other}, as reports show it`,
      hint: "give each scenario a unique name: reports are keyed by it (written with other characters that look the same, it is the same name)",
    });
    if (r.snapshot?.status === "written") removeSnapshot(resolve(cwd, r.snapshot.file));
    reports[i] = { ...r, status: "error", error: error.format(), expectations: [], snapshot: null };
  }
}

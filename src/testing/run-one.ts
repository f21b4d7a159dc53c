// One scenario file → its ScenarioReport: load, (grep), simulate, check expectations, compare the golden
// trace. Runs the same in the main thread and in a worker. Bad input becomes a report with status
// `error` (the run goes on, exit 2 at the end); anything else thrown is a bug and propagates.

import { realpathSync } from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import type { Policy, Step } from "../engine/index.js";
import { Calendar, checkAll, type ExpectationResult, simulate } from "../engine/index.js";
import type { Roots } from "../scenario/builtin.js";
import { type LoadedScenario, loadScenarioText } from "../scenario/load.js";
import { asPolicyFile, type PolicyOutcomes } from "../scenario/load-policy.js";
import { readInputFile } from "../scenario/read.js";
import { InputError } from "../shared/errors.js";
import { isWithin } from "../shared/paths.js";
import { checkValueText } from "./check-text.js";
import { type NotFile, opensAsFile, type ScenarioFile } from "./discover.js";
import { goldenTrace } from "./golden-trace.js";
import { compileGrep, type Grep } from "./grep.js";
import { showPath } from "./paths.js";
import { namedPolicyFiles, type PolicyParents } from "./references.js";
import type { ExpectationReport, FilteredOut, ScenarioReport, StepSummary } from "./report.js";
import { hasGoldenTrace, snapshotPathFor } from "./snapshot-files.js";
import {
  checkSnapshot,
  checkTraceSize,
  type SnapshotMode,
  type TraceWriter,
  writeTrace,
} from "./snapshots.js";
import { summariseStep } from "./steps.js";

/** Serialisable: what a worker needs to run files the way the main thread would. */
export interface RunSettings {
  cwd: string;
  /** the folders besides a file's own that its policy references may lead into (CREDIT_SIM_ROOT) */
  roots: Roots;
  /** --grep as typed */
  grep: string | null;
  /** null: golden traces off */
  snapshots: SnapshotMode | null;
  /** in a worker: golden traces are handed to the main thread to write (`traceToWrite`) — a signal reaches
   *  the main thread alone, which then removes the temporary files of its own writes, never a worker's */
  tracesByMain?: boolean;
}

export interface RunContext extends RunSettings {
  policyCache: Map<string, Policy>;
  /** what each policy file read came to, refused ones too: read once for the whole run */
  policyOutcomes: PolicyOutcomes;
  /** what each policy file a refused scenario names extends: read once for the whole run */
  policyParents: PolicyParents;
  grepMatcher: Grep | null;
}

export function makeContext(settings: RunSettings): RunContext {
  return {
    ...settings,
    policyCache: new Map(),
    policyOutcomes: new Map(),
    policyParents: new Map(),
    grepMatcher: settings.grep === null ? null : compileGrep(settings.grep),
  };
}

export function runOne(file: ScenarioFile, ctx: RunContext): ScenarioReport | FilteredOut {
  const started = performance.now();
  const base = { file: file.shown, policy: null, seed: null, expectations: [], snapshot: null, line: null };
  let name = file.shown;
  try {
    const loaded = loadAs(file, ctx);
    const { scenario, expectations } = loaded;
    name = scenario.name;
    if (ctx.grepMatcher && !ctx.grepMatcher.test(scenario.name) && !ctx.grepMatcher.test(file.shown)) {
      return { file: file.shown, filtered: true };
    }
    const trace = simulate(scenario);
    const calendar = new Calendar(scenario.start);
    const summaries = stepSummaries();
    const results = checkAll(trace, expectations).map((r) =>
      expectationReport(
        r,
        calendar,
        loaded.position(["expect", r.expectation.index])?.line ?? null,
        summaries,
      ),
    );
    // a golden trace belongs to a scenario file: one read from a pipe or a device has none
    const mode = ctx.snapshots !== null && hasGoldenTrace(file.path) ? ctx.snapshots : null;
    // what is checked of a file without its golden trace: its expectations, if it has any
    const checked =
      results.length > 0
        ? "its expectations are checked"
        : "it has no expectations either: nothing of it is checked";
    const warnings: string[] = [
      ...(loaded.warnings ?? []),
      ...(ctx.snapshots !== null && mode === null
        ? [`${file.shown}: no golden trace: it is read from a pipe or a device, not a file (${checked})`]
        : []),
    ];
    let traceToWrite: string | undefined;
    const handed: TraceWriter = (_file, text, shown) => {
      checkTraceSize(text, shown);
      traceToWrite = text;
    };
    const expectationsFailed = results.some((r) => !r.ok);
    // a trace nobody asked for is written only inside the working folder: `credit-sim test /` (or ~)
    // once wrote one beside every scenario it found on the machine, in other people's repositories too
    const snapshot = mode
      ? checkSnapshot(
          file.path,
          goldenTrace(scenario, trace.steps),
          { ...mode, record: () => traceWithin(file.path, ctx.cwd), hold: expectationsFailed },
          showPath(snapshotPathFor(file.path), ctx.cwd),
          ctx.tracesByMain ? handed : writeTrace,
        )
      : null;
    // a missing trace of a scenario whose expectations failed is not written (checkSnapshot): said here
    const held = mode !== null && snapshot === null && expectationsFailed && !mode.update;
    if (held)
      warnings.push(
        `${file.shown}: golden trace not written: fix the failing expectations first, or write it with -u`,
      );
    // said once for all such files (runWarnings)
    const traceOutside = mode !== null && snapshot === null && !held;
    const failed = expectationsFailed || snapshot?.status === "mismatch" || snapshot?.status === "missing";
    return {
      ...base,
      name,
      status: failed ? "failed" : results.length === 0 ? "no-expectations" : "passed",
      policy: scenario.policy.name,
      seed: scenario.seed,
      expectations: results,
      snapshot,
      error: null,
      line: loaded.position(["name"])?.line ?? null,
      policyFiles: [...ctx.policyCache.keys()],
      durationMs: performance.now() - started,
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(traceOutside ? { traceOutside: true as const } : {}),
      ...(traceToWrite !== undefined ? { traceToWrite } : {}),
    };
  } catch (e) {
    // bad input — the file's, or its golden trace's (a link, a pipe, a folder…) — is this file's report
    if (!(e instanceof InputError)) throw e;
    // …unless the file is a policy kept beside the scenarios that name it (policies/strict.yaml): left
    // out, or, broken, reported with a policy's problems
    const policy = opensAsFile(file) ? asPolicyFile(file.path, ctx.roots) : null;
    if (policy === "policy") return { file: file.shown, filtered: true, policy: true };
    const bad = (policy ?? e)
      .map((p) =>
        p.details.file === file.path ? new InputError(p.message, { ...p.details, file: file.shown }) : p,
      )
      .relativeTo(ctx.cwd);
    const report: ScenarioReport = {
      ...base,
      name,
      status: "error",
      // the policy files it names are still read (and still must not be written over)
      policyFiles: opensAsFile(file) ? namedPolicyFiles(file.path, ctx.roots, ctx.policyParents) : [],
      error: bad.format(),
      // a line of this file: a problem in a policy file it names has its own file and line, in the message
      line: bad.details.file === file.shown ? (bad.details.line ?? null) : null,
      problems: bad.problems.flatMap((p) =>
        p.details.file === file.shown && p.details.line !== undefined
          ? [{ line: p.details.line, text: p.format() }]
          : [],
      ),
      durationMs: performance.now() - started,
    };
    return report;
  }
}

/** The name a file claims in the run — it loads as a scenario and --grep keeps it — or null. For the
 *  files of earlier shards: a shard's duplicate-name check sees the names the whole run would. */
export function claimedName(file: ScenarioFile, ctx: RunContext): string | null {
  try {
    const { scenario } = loadAs(file, ctx);
    if (ctx.grepMatcher && !ctx.grepMatcher.test(scenario.name) && !ctx.grepMatcher.test(file.shown))
      return null;
    return scenario.name;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return null;
  }
}

/**
 * Loads a discovered file by its absolute path (the working folder need not be the process's), while its
 * errors name it as shown, the way the user wrote it.
 */
const NOT_FILE_HINTS: Readonly<Record<NotFile, string>> = {
  "a symbolic link":
    "links in a folder are not followed (they could point anywhere): copy the file it links to into the folder, or name the link itself to run it",
  "a named pipe":
    "a folder's scenarios are regular files: remove it, or name the pipe itself to read a scenario from it",
  "a socket": "a folder's scenarios are regular files: remove it or move it out of the folder",
  "a device": "a folder's scenarios are regular files: remove it or move it out of the folder",
};

function loadAs(file: ScenarioFile, ctx: RunContext): LoadedScenario {
  if (file.unlisted !== undefined)
    throw new InputError(file.unlisted.message, { file: file.shown, hint: file.unlisted.hint });
  if (file.notFile !== undefined)
    throw new InputError(`is ${file.notFile}, not a scenario file`, {
      file: file.shown,
      hint: NOT_FILE_HINTS[file.notFile],
    });
  const named = (text: string) =>
    text.startsWith(file.path) ? file.shown + text.slice(file.path.length) : text;
  try {
    const loaded = loadScenarioText(readInputFile(file.path, "scenario", [], ctx.cwd), file.path, {
      cwd: ctx.cwd,
      policyCache: ctx.policyCache,
      policyOutcomes: ctx.policyOutcomes,
      roots: ctx.roots,
    });
    return { ...loaded, warnings: (loaded.warnings ?? []).map(named) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw e.map((p) =>
      p.details.file === file.path ? new InputError(p.message, { ...p.details, file: file.shown }) : p,
    );
  }
}

/** the order a reader expects: what was decided, the state after, then the numbers */
const FIELD_ORDER = ["decision", "status", "cause", "reasons", "limit", "score", "balance"];

/** Each step summarised once, and each day's list of them made once, for all of a scenario's
 *  expectations: every expectation of a day carried its own copy of the day's steps, so 2,000
 *  expectations of a day of 2,000 purchases (a 140 KB file) made 4,000,000 summaries — 900 MB and 17 s,
 *  and a 3.5 MB file ran out of memory (V8's crash report, exit 134). */
function stepSummaries(): {
  list(steps: readonly Step[]): StepSummary[];
  one(step: Step): StepSummary;
} {
  const ones = new Map<Step, StepSummary>();
  const lists = new Map<readonly Step[], StepSummary[]>();
  const one = (step: Step) => {
    let summary = ones.get(step);
    if (summary === undefined) {
      summary = summariseStep(step);
      ones.set(step, summary);
    }
    return summary;
  };
  return {
    one,
    list: (steps) => {
      let list = lists.get(steps);
      if (list === undefined) {
        list = steps.map(one);
        lists.set(steps, list);
      }
      return list;
    },
  };
}

function expectationReport(
  r: ExpectationResult,
  calendar: Calendar,
  line: number | null,
  summaries: ReturnType<typeof stepSummaries>,
): ExpectationReport {
  const e = r.expectation;
  const checks = [...r.checks].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  // the heading is for people: money in it reads as the trace writes it; the checks keep plain yuan
  const what =
    checks.map((c) => `${c.field} ${checkValueText(c.field, c.expected)}`).join(", ") || "nothing to check";
  return {
    index: e.index,
    line,
    day: e.day,
    date: calendar.date(e.day),
    end: e.end,
    title: `${e.end ? `end (day ${e.day})` : `day ${e.day}`}: ${what}`,
    ok: r.ok,
    checks: checks.map((c) => ({ ...c })),
    steps: summaries.list(r.steps),
    nearest: r.nearest ? summaries.one(r.nearest) : null,
    on: r.expectation.line,
  };
}

/** Whether the golden trace of the scenario at `path` would be written inside the working folder `cwd`:
 *  where the scenario's folder is, its links resolved — `out/` a link out of the working folder is
 *  outside, a link from outside into it inside. A folder that cannot be resolved (the working folder
 *  removed meanwhile) is outside. */
function traceWithin(path: string, cwd: string): boolean {
  try {
    return isWithin(realpathSync.native(dirname(path)), realpathSync.native(cwd));
  } catch {
    return false;
  }
}

// `credit-sim test [PATH…]`: CI regression of scenario folders. Runs every scenario (expectations and
// golden traces), renders the chosen reporters, exits 0 (all passed), 1 (a failure) or 2 (bad usage, or
// a file with bad input: the other files still run and are reported, then the run exits 2).

import { dirname, relative, resolve } from "node:path";
import { InputError } from "../../shared/errors.js";
import { makeFolders, removeEmptyFolders } from "../../shared/folders.js";
import { type OutputSet, writingTogether } from "../../shared/output-set.js";
import { resolveAsSystem } from "../../shared/paths.js";
import { notePath } from "../../shared/standard-error-input.js";
import { ExitCode, isCI, isDumbTerminal } from "../../shared/terminal.js";
import { printable, printablePath, shellPath } from "../../shared/text.js";
import { discover, foundBySearch } from "../../testing/discover.js";
import type { ReporterTarget, TestOptions } from "../../testing/options.js";
import { showPath } from "../../testing/paths.js";
import { namedPolicyFiles, type PolicyParents } from "../../testing/references.js";
import { runWarnings, type TestRun } from "../../testing/report.js";
import { runTests } from "../../testing/run-tests.js";
import { snapshotPathFor } from "../../testing/snapshot-files.js";
import { type CliIo, rootsOf, stdoutColour, warnDeprecations, writeErr } from "../io.js";
import { checkOutputs, checkStandardOutput, isOneOf, type OutputKind, PAGE } from "../output-file.js";

export async function testCommand(
  paths: readonly string[],
  options: TestOptions & { watch?: boolean },
  io: CliIo,
): Promise<void> {
  if (options.watch) {
    // a CI job has nobody to press Ctrl-C: it watched until the job's timeout killed it. Run once, as a
    // test runner does there, the exit code the run's
    if (!isCI(io.env)) return watchCommand(paths, options, io);
    writeErr(
      io,
      "credit-sim: --watch runs the scenarios once under CI (CI is set): nobody is there to stop it",
    );
  }
  // before anything is written (golden traces with -u): the reports spare every scenario found — run or
  // left out by --grep, --shard, --bail — and its golden trace; after the run, the policy files too
  const discovered = discover(paths, io.cwd);
  const found = discovered.map((f) => f.path);
  checkReportOutputs(options, io, found, null, paths);
  const run = await runTests(paths, options, io.cwd, { found: discovered, roots: rootsOf(io) });
  warnDeprecations([{ warnings: runWarnings(run.reports) }], io);
  checkReportOutputs(options, io, found, run);
  // github's workflow commands go last, after any human report on the same stream
  const ordered = [...options.reporters].sort(
    (a, b) => Number(a.name === "github") - Number(b.name === "github"),
  );
  // the report files are put in place together: a full disk at the last leaves the others as they were
  await writingTogether(async (set) => {
    for (const target of ordered) await emit(run, target, options.color, io, set);
  });
  // bad-input messages go to stderr unless the human report on stdout already shows them
  if (!options.reporters.some((r) => r.name === "pretty" && r.file === null)) {
    // each problem's first line and the count line, as every command tells bad input (InputError.format's
    // prefix): the first alone was, the others' lines left for a log's reader to tell apart
    for (const r of run.reports)
      if (r.status === "error" && r.error) writeErr(io, r.error.replace(/^(?=\S)/gm, "credit-sim: "));
  }
  if (run.exitCode !== 0) throw new ExitCode(run.exitCode);
}

/** Each reporter's earlier report, known by its content: replaced without --force (as an empty file is);
 *  any other file is refused. The text report by its first line (a scenario's, or the summary's when no
 *  file ran) and its summary's expectations line at the end; workflow commands by credit-sim's title. */
const REPORT: Record<ReporterTarget["name"], OutputKind> = {
  pretty: {
    what: "a credit-sim test report",
    made: (head, tail) =>
      /^( [✓○✗] |\n(Shard|Scenarios) )/.test(head) &&
      /\nExpectations {2}\d+ passed, \d+ failed \(\d+\)\n/.test(tail),
  },
  json: {
    what: "a credit-sim JSON report",
    made: (head) =>
      /^\{\n {2}"version": \d+,\n {2}"ok": (true|false),\n {2}"exitCode": \d+,\n {2}"summary": \{/.test(head),
  },
  junit: {
    what: "a credit-sim JUnit report",
    made: (head) =>
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="credit-sim test"/.test(head),
  },
  github: {
    what: "a credit-sim list of workflow commands",
    made: (head) => /^::(error|warning|notice) file=[^\n]*?,title=credit-sim%3A /.test(head),
  },
  html: PAGE,
};

/** The reporters' files never land on what the run reads: the scenarios found, their golden traces,
 *  obsolete traces and the policy files the scenarios name (known once `run` is done). */
function checkReportOutputs(
  options: TestOptions,
  io: CliIo,
  found: readonly string[],
  run: TestRun | null,
  paths: readonly string[] = [],
): void {
  // standard output redirected to a scenario or its trace (`>> s.yaml`): refused before the run;
  // standard error appended to a trace (`2>> …trace`): said on standard output, as for an input read
  if (run === null) {
    checkStandardOutput(
      io.cwd,
      found.flatMap((f) => [f, snapshotPathFor(f)]),
    );
    for (const f of found) notePath(resolve(io.cwd, snapshotPathFor(f)), snapshotPathFor(f));
  }
  // no reporter writes a file: nothing more to check (naming the policy files reads every scenario)
  if (options.reporters.every((r) => r.file === null)) return;
  // a report where the search finds scenarios was written once: every later run took it for a scenario
  // of bad input, and refused to write it again over a file it reads (under --watch, every round) — as
  // a file there already is refused below
  if (run === null) {
    // an input, however it is named, is refused as one below: it is no report the search would find
    const input = isOneOf(io.cwd, found);
    const refused = options.reporters.flatMap((r) =>
      r.file !== null && r.file !== "-" && !input(r.file) && foundBySearch(paths, r.file, io.cwd)
        ? [
            new InputError("the report would be found as a scenario by the next run of this search", {
              file: r.file,
              field: r.flag ?? `--output-file ${r.name}`,
              expected: "a report outside the folders searched, or named other than .yaml, .yml or .json",
              hint: "write it beside the scenarios' folder, or in a hidden folder (.reports/), which the search skips",
            }),
          ]
        : [],
    );
    if (refused.length > 0) throw InputError.all(refused);
  }
  // a reporter on standard output: a file reporter at /dev/stdout would truncate what it wrote there
  const onStdout = options.reporters.find((r) => r.file === null);
  checkOutputs(
    io.cwd,
    options.reporters.flatMap((r) =>
      r.file === null
        ? []
        : [{ flag: r.flag ?? `--output-file ${r.name}`, file: r.file, kind: REPORT[r.name] }],
    ),
    [
      ...found.flatMap((f) => [f, snapshotPathFor(f)]),
      // before the run (golden traces are written by it), the policy files the scenarios name
      ...(run === null ? namedPolicyFilesOf(found, io) : readPolicies(run, found, io)),
      ...(run?.obsolete ?? []),
    ],
    onStdout ? `--reporter ${onStdout.name}` : null,
    options.force,
  );
}

/** The policy files of the scenarios found: those the run read, and those the ones it left out name. */
function readPolicies(run: TestRun, found: readonly string[], io: CliIo): string[] {
  const ran = new Set(run.reports.map((r) => r.file));
  const left = found.filter((f) => !ran.has(showPath(f, io.cwd)));
  return [...run.reports.flatMap((r) => r.policyFiles ?? []), ...namedPolicyFilesOf(left, io)];
}

/** The policy files scenario files name, each policy read once for them all. */
function namedPolicyFilesOf(files: readonly string[], io: CliIo): string[] {
  const parents: PolicyParents = new Map();
  return files.flatMap((f) => namedPolicyFiles(f, rootsOf(io), parents));
}

async function emit(
  run: TestRun,
  target: ReporterTarget,
  color: boolean,
  io: CliIo,
  set: OutputSet,
): Promise<void> {
  let text: string;
  switch (target.name) {
    case "pretty": {
      const { renderPretty } = await import("../../testing/reporters/pretty.js");
      const chalk = stdoutColour(io, color && target.file === null);
      text = renderPretty(
        run,
        chalk,
        (file) => `credit-sim test ${shellPath(file)}`,
        target.file === null ? io.stdout.fitTo : undefined,
      );
      break;
    }
    case "json":
      text = (await import("../../testing/reporters/json.js")).renderJson(run);
      break;
    case "junit":
      text = (await import("../../testing/reporters/junit.js")).renderJunit(run);
      break;
    case "github":
      text = (await import("../../testing/reporters/github.js")).renderGithub(run);
      break;
    case "html": {
      const { testHtml } = await import("../../render/html/test-report.js");
      const { htmlAssets } = await import("../html-assets.js");
      text = testHtml(run, htmlAssets());
      break;
    }
    default: {
      const never: never = target.name;
      throw new Error(`unknown reporter ${String(never)}`);
    }
  }
  if (target.file === null) {
    // once every report file is in place: a file that cannot be written prints no report that then fails
    set.later(() => io.stdout.write(text));
    return;
  }
  makeFolders(dirname(resolveAsSystem(io.cwd, target.file)), target.file);
  set.write(target.file, text, { cwd: io.cwd });
}

/** `--watch`: run everything, then re-run what each change affects, until Ctrl-C. */
async function watchCommand(paths: readonly string[], options: TestOptions, io: CliIo): Promise<void> {
  const { watchScenarios } = await import("../../testing/watch.js");
  const chalk = stdoutColour(io, options.color);
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.once("SIGINT", onSigint);
  // a changed file's name comes from the folder (a pull request may name a file anything)
  const shown = (f: string) => printablePath(relative(io.cwd, f) || f);
  try {
    await watchScenarios(
      paths,
      async (files, changed) => {
        // a dumb terminal would print the clearing as text: its rounds follow each other, each under its header
        if (io.stdout.isTTY && !isDumbTerminal(io.env)) io.stdout.write("\u001b[2J\u001b[H");
        const what =
          changed.length === 0
            ? "first run"
            : `changed: ${changed.map(shown).join(", ")} → ${files === "all" ? "every scenario" : `${files.length} scenario${files.length === 1 ? "" : "s"}`}`;
        io.stdout.write(`${chalk.cyan.bold("watch")} ${chalk.dim(what)}\n\n`);
        try {
          // a report written over a file the run reads would also set the watch off again (its own
          // files are ignored by the watch)
          const discovered = discover(paths, io.cwd);
          const found = discovered.map((f) => f.path);
          checkReportOutputs(options, io, found, null, paths);
          // the changed scenarios as the search finds them, not as paths named on the command line: a file
          // made a link in a searched folder is refused as the first round refused it, never followed
          const some = files === "all" ? null : new Set(files);
          const run = await runTests(paths, options, io.cwd, {
            found: some === null ? discovered : discovered.filter((f) => some.has(f.path)),
            roots: rootsOf(io),
          });
          checkReportOutputs(options, io, found, run);
          await writingTogether(async (set) => {
            for (const target of options.reporters) await emit(run, target, options.color, io, set);
          });
        } catch (e) {
          // a bad path or a folder left empty: say so and keep watching
          if (!(e instanceof InputError)) throw e;
          writeErr(io, `credit-sim: ${e.relativeTo(io.cwd).format()}`);
        } finally {
          // a round's reports refused leave no folder made for them, nor a guard that would end the watch's
          // Ctrl-C by the signal
          removeEmptyFolders();
        }
        io.stdout.write(
          chalk.dim(
            `\nwatching ${paths.length ? paths.map(printable).join(", ") : "scenarios/"} for changes — Ctrl-C to stop\n`,
          ),
        );
      },
      {
        signal: stop.signal,
        cwd: io.cwd,
        roots: rootsOf(io),
        ignore: options.reporters.flatMap((r) => (r.file === null ? [] : [r.file])),
      },
    );
  } finally {
    process.off("SIGINT", onSigint);
  }
}

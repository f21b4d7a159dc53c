// `credit-sim run FILE…`: load, simulate, render.

import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import type { Policy, Scenario } from "../../engine/index.js";
import { simulate } from "../../engine/index.js";
import { runHtmlPieces } from "../../render/html/run.js";
import { runView } from "../../render/html/run-model.js";
import { runNdjsonLines } from "../../render/run-json.js";
import { traceLines } from "../../render/trace.js";
import type { LoadedScenario } from "../../scenario/load.js";
import type { PolicyOutcomes } from "../../scenario/load-policy.js";
import { InputError } from "../../shared/errors.js";
import { BrokenPipe } from "../../shared/file-errors.js";
import { pushAll } from "../../shared/lists.js";
import { type OutputSet, signalsHeard, writingTogether } from "../../shared/output-set.js";
import { printablePath } from "../../shared/text.js";
import { htmlAssets } from "../html-assets.js";
import {
  type CliIo,
  stdoutColour,
  streamPieces,
  warnDeprecations,
  warnSeedIgnored,
  writeErr,
} from "../io.js";
import type { RunOptions } from "../options/run.js";
import { checkOutputs, checkReports, PAGE, perInputFiles, writeReport } from "../output-file.js";
import { loadScenarioIn } from "../paths.js";

/** The scenarios, each with its policy files (read into `policyCache`: its keys are every file read), every
 *  file loaded first, so a bad file fails before any output is written. Every file's problems, and names
 *  taken twice, are reported at once. */
function loadAll(
  files: readonly string[],
  options: RunOptions,
  io: CliIo,
  policyCache: Map<string, Policy>,
): LoadedScenario[] {
  const { cwd } = io;
  const loaded: LoadedScenario[] = [];
  const problems: InputError[] = [];
  // a policy file refused is refused once for all the files that name it
  const policyOutcomes: PolicyOutcomes = new Map();
  for (const file of onceEach(files, cwd)) {
    try {
      loaded.push(
        loadScenarioIn(io, file, {
          policyCache,
          policyOutcomes,
          ...(options.policy !== undefined ? { policy: options.policy } : {}),
          ...(options.until !== undefined ? { until: options.until } : {}),
        }),
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e);
    }
  }
  pushAll(problems, duplicateNames(loaded));
  if (problems.length > 0) throw InputError.all(problems);
  return loaded;
}

/** Each file once, however it is named (`z.yaml z.yaml`, `z.yaml ./z.yaml`, a link or a hard link to
 *  it): the first naming is kept. A file that cannot be looked at stays, for its load to say why. */
function onceEach(files: readonly string[], cwd: string): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    let key: string;
    try {
      // as bigints: as numbers, two files' IDs past 2^53 (NTFS's) can read alike, and one was dropped
      const st = statSync(resolve(cwd, file), { bigint: true });
      // a pipe or a device may give new text each time it is read: never taken for a repeat
      if (!st.isFile()) return true;
      key = `${st.dev}:${st.ino}`;
    } catch {
      return true;
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function duplicateNames(loaded: readonly LoadedScenario[]): InputError[] {
  const seen = new Map<string, string>();
  const out: InputError[] = [];
  for (const l of loaded) {
    const other = seen.get(l.scenario.name);
    if (other !== undefined && other !== l.file)
      out.push(
        new InputError(`duplicate scenario name "${l.scenario.name}"`, {
          file: l.file,
          ...l.position(["name"]),
          field: "name",
          found: `also the name of ${other}`,
          hint: "give each scenario a unique name: reports and snapshots are keyed by it",
        }),
      );
    else seen.set(l.scenario.name, l.file);
  }
  return out;
}

export async function runCommand(files: readonly string[], options: RunOptions, io: CliIo): Promise<void> {
  const policyCache = new Map<string, Policy>();
  const loaded = loadAll(files, options, io, policyCache);
  warnDeprecations(loaded, io);
  if (options.seed !== undefined) warnSeedIgnored(io);
  const chalk = stdoutColour(io, options.color);
  const pages: string[] = [];
  const targets =
    options.html === undefined
      ? []
      : perInputFiles(
          options.html,
          loaded.map(({ scenario, file }) => file.split(/[\\/]/).pop() ?? scenario.name),
        );
  // the problems of the page named and of the pages derived from it, told together
  const checkPages = () => {
    const problems: InputError[] = [];
    for (const check of [
      () =>
        checkOutputs(
          io.cwd,
          // a derived name (`r.<name>.html`) replaces only a page, --force or not (checkReports)
          targets.map((file, i) => ({ flag: "--html", file, ...(i === 0 ? { kind: PAGE } : {}) })),
          [...loaded.map((l) => l.file), ...policyCache.keys()],
          options.json ? "--json" : null,
          options.force,
        ),
      () => checkReports(io, targets, (i) => i > 0),
    ]) {
      try {
        check();
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(e);
      }
    }
    if (problems.length > 0) throw InputError.all(problems);
  };
  checkPages();
  // the pages are put in place together: a disk that fills up at the last leaves the others as they were;
  // a Ctrl-C between two scenarios ends the run with none replaced. The text goes to standard output as
  // it is made, scenario by scenario: a run of 100,000 steps is never held whole. A reader of the text
  // that goes away (`| head`) ends the text; the pages asked for are still made
  const pagesAsked = targets.length > 0 && options.html !== "-";
  let reader = true;
  await writingTogether(async (set) => {
    for (const [i, { scenario }] of loaded.entries()) {
      try {
        runOne(scenario, targets[i], i, options, io, chalk, set, pages, reader);
      } catch (e) {
        if (!(e instanceof BrokenPipe && pagesAsked)) throw e;
        reader = false;
      }
      if (targets[i] !== undefined) await signalsHeard();
    }
    // checked again: a file put at a page's name while the scenarios ran is replaced only as one there
    // before would be
    checkPages();
  });
  if (pages.length && options.html !== "-") writeErr(io, `wrote ${pages.map(printablePath).join(", ")}`);
}

/** One scenario: its page (held in `set`, its name added to `pages`; `--html -` written at once) and its
 *  text on standard output, if any and while it has a `reader` — the text of each scenario after the
 *  first a blank line below the last. */
function runOne(
  scenario: Scenario,
  target: string | undefined,
  i: number,
  options: RunOptions,
  io: CliIo,
  chalk: ChalkInstance,
  set: OutputSet,
  pages: string[],
  reader: boolean,
): void {
  const trace = simulate(scenario);
  if (target === "-") {
    // `--html -` puts the page on stdout: nothing else goes there
    streamPieces(io.stdout, runHtmlPieces(runView(scenario, trace), htmlAssets()));
    return;
  }
  if (target !== undefined)
    pages.push(writeReport(io, target, runHtmlPieces(runView(scenario, trace), htmlAssets()), i > 0, set));
  if (!reader) return;
  if (!options.json && i > 0) io.stdout.write("\n");
  streamPieces(
    io.stdout,
    options.json
      ? runNdjsonLines(scenario, trace, { explain: options.explain })
      : traceLines(scenario, trace, {
          chalk,
          explain: options.explain,
          chart: options.chart,
          columns: io.stdout.fitTo,
        }),
  );
}

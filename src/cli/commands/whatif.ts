// `credit-sim whatif FILE`: an interactive session in a terminal; the same edits as flags for scripts;
// `--avoid` / `--reach` for the smallest change that alters the outcome.

import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import type { Policy } from "../../engine/index.js";
import { renderComparison } from "../../render/compare.js";
import { runView } from "../../render/html/run-model.js";
import { whatifHtml, whatifView } from "../../render/html/whatif.js";
import { renderCounterfactual, renderListing } from "../../render/whatif.js";
import { checkWritable } from "../../scenario/load.js";
import { loadPolicy, type PolicyReading } from "../../scenario/load-policy.js";
import { Checks, clip, InputError, UsageError } from "../../shared/errors.js";
import { type OutputSet, writingTogether } from "../../shared/output-set.js";
import { resolveAsSystem } from "../../shared/paths.js";
import { ExitCode, isCI, isDumbTerminal } from "../../shared/terminal.js";
import { jsonText, printable, printableName, printablePath, shellPath } from "../../shared/text.js";
import { refuseReplacing } from "../../shared/write-plan.js";
import type { Comparison } from "../../whatif/compare.js";
import { flagToEdit, withNumbersAsTyped } from "../../whatif/flags.js";
import type { Goal } from "../../whatif/goal.js";
import { comparisonToJson, counterfactualToJson, listingToJson } from "../../whatif/json.js";
import { compareRuns, runVariant, searchTrace, type VariantRun } from "../../whatif/run.js";
import { variantYaml } from "../../whatif/save.js";
import { checkSearchSize, searchCounterfactual } from "../../whatif/search.js";
import { applyEdit, baseVariant, type Variant, warningsBrought } from "../../whatif/variant.js";
import { htmlAssets } from "../html-assets.js";
import { type CliIo, stdoutColour, warnDeprecations, warnSeedIgnored, writeErr, writeWhole } from "../io.js";
import type { WhatifOptions } from "../options/whatif.js";
import { checkOutputs, PAGE, writeReport } from "../output-file.js";
import { loadScenarioIn, policyRefIn } from "../paths.js";
import { PASTE_MARKS_OFF, SHOW_CURSOR, undoOnSignal } from "../terminal-state.js";

// one line, as every hint is (a line break in one is shown as "\n"): a terminal wraps it at its words
const FLAG_USAGE = [
  "without a terminal, give the edits as flags (applied in order):",
  `--remove 7 (or 10-12, or "type=apply,product=increase,day>=80"),`,
  "--add '{day: 60, type: repay, amount: full}',",
  "--edit '7:day=65', --set minScore=620, --policy tightened;",
  "or --avoid suspended, --avoid declined, --reach restored (the smallest change that alters the outcome);",
  "--list (the numbered events; with edits, the variant's), --json, --save FILE (- for standard output)",
].join(" ");

export async function whatifCommand(file: string, options: WhatifOptions, io: CliIo): Promise<void> {
  const policyCache = new Map<string, Policy>();
  const loaded = loadScenarioIn(io, file, { policyCache });
  warnDeprecations([loaded], io);
  if (options.seed !== undefined) warnSeedIgnored(io);
  // outputs never land on what is read: the scenario and its policy files now, and once the edits are
  // applied, every policy file they name (--policy, a policy event's `use`, what those extend); whose a
  // file already there is (a page credit-sim wrote, or a user's) once they are all known — a policy file
  // an edit names is said to be read, not to be no page
  const checkOutputsOf = (final: boolean) =>
    checkOutputs(
      io.cwd,
      [
        ...(options.save ? [{ flag: "--save", file: options.save }] : []),
        ...(options.html !== undefined
          ? [{ flag: "--html", file: options.html, ...(final ? { kind: PAGE } : {}) }]
          : []),
      ],
      [file, ...policyCache.keys()],
      options.json ? "--json" : null,
      options.force,
    );
  checkOutputsOf(options.edits.length === 0);
  const base = baseVariant(loaded, undefined, io.cwd);
  const chalk = stdoutColour(io, options.color);
  // `--save -`: the variant is standard output, so the comparison goes to stderr
  const out = (text: string) => (options.save === "-" ? io.stderr : io.stdout).write(text);

  if (options.edits.length === 0 && options.goal === null && !options.list) {
    await interactive(runVariant(base), chalk, io);
    return;
  }
  let variant = base;
  // every flag's problems told at once, as every option's are: a flag that fails leaves the variant as it
  // was and the next is checked on it. An added event that fails keeps its number (the one the user
  // counted for the flags after it), and a later flag naming it is not checked: its problem is the add's.
  const c = new Checks();
  const failedAdds = new Set<number>();
  for (const f of options.edits) {
    // a policy file is named relative to where the command runs, not to the scenario
    const flag = f.flag === "policy" ? { ...f, value: policyRefIn(io.cwd, f.value) } : f;
    const readable =
      f.flag !== "policy" ||
      c.value(() => {
        readPolicyOption(flag.value, f.value, { cache: policyCache, roots: variant.roots, cwd: io.cwd });
        return true;
      }, false);
    if (!readable) continue;
    // the flag as typed names its problems (clipped: a 5,000-character value is not quoted whole)
    const edit = c.known(() => withNumbersAsTyped(f.value, () => flagToEdit(variant, flag)));
    if (edit === undefined) continue;
    const named = edit.kind === "edit" ? [edit.id] : edit.kind === "remove" ? edit.ids : [];
    if (named.some((id) => failedAdds.has(id))) continue;
    const next = c.known(() =>
      withNumbersAsTyped(f.value, () =>
        applyEdit(
          variant,
          edit.kind === "policy" ? { ...edit, typed: f.value.trim() } : edit,
          `--${f.flag} ${JSON.stringify(clip(f.value, 80))}`,
        ),
      ),
    );
    if (next !== undefined) variant = next;
    else if (edit.kind === "add") {
      failedAdds.add(variant.nextId);
      variant = { ...variant, nextId: variant.nextId + 1 };
    }
  }
  c.done();
  if (options.edits.length > 0) {
    warnDeprecations([{ warnings: warningsBrought(base, variant, { policyCache }) }], io);
    checkOutputsOf(true);
  }
  // a search on a file too long for it is refused before anything runs (the file's own run included)
  if (options.goal !== null) checkSearchSize(variant);
  const baseRun = runVariant(base);
  const start = options.edits.length > 0 ? runVariant(variant) : baseRun;
  // the events the edit flags leave, by their numbers, each decided again: what the next flag names
  if (options.list) {
    out(
      options.json
        ? `${jsonText({ ...listingToJson(start), ...(variant.notes.length > 0 ? { edits: variant.notes } : {}) })}\n`
        : renderListing(start, chalk, io.stdout.fitTo, variant.notes),
    );
    return;
  }
  if (options.goal !== null) {
    await counterfactual(options.goal, start, file, options, chalk, io);
    return;
  }

  const cmp = compareRuns(baseRun, start);
  const saved = await writeOutputs(options, io, (set) => ({
    saved: options.save ? save(variant, options.save, options.force, io, set) : null,
    page: options.html !== undefined ? page(options.html, baseRun, start, cmp, variant.notes, io, set) : null,
  }));
  if (options.html === "-") return;
  if (options.json) {
    out(
      `${jsonText({ scenario: loaded.scenario.name, file, edits: variant.notes, ...comparisonToJson(cmp), saved })}\n`,
    );
    return;
  }
  out(
    `${chalk.bold(`What-if: ${printableName(loaded.scenario.name)}`)} ${chalk.dim(`(${printablePath(file)})`)}\n\n`,
  );
  out(
    renderComparison(cmp, { base: baseRun.trace, variant: start.trace }, variant.notes, {
      chalk,
      chart: options.chart,
      columns: io.stdout.fitTo,
    }),
  );
  if (saved) out(`\nsaved ${savedWhere(saved)}\n`);
}

function savedWhere(saved: string): string {
  if (saved === STDOUT) return "to standard output";
  // the command on a line of its own: copied whole, never broken by the terminal's width
  return `as ${printablePath(saved)}; run it with:\n  credit-sim run ${printable(shellPath(saved))}`;
}

const STDOUT = "standard output";

async function interactive(baseRun: VariantRun, chalk: ChalkInstance, io: CliIo): Promise<void> {
  if (!io.stdinIsTTY || !io.stdout.isTTY) {
    throw new UsageError("whatif needs a terminal for the interactive session", FLAG_USAGE);
  }
  // a CI job may run on a pseudo-terminal (docker -t, a runner's pty) with nobody to answer: the session
  // would wait for ever, as prompts do not open under CI in other tools either
  if (isCI(io.env)) {
    throw new UsageError(
      "whatif opens no interactive session under CI (CI is set): nobody is there to answer",
      FLAG_USAGE,
    );
  }
  // the prompts redraw themselves by moving the cursor, which a dumb terminal (an editor's shell) prints
  // as escape codes, again at every key
  if (isDumbTerminal(io.env)) {
    throw new UsageError(
      "whatif's interactive session needs a terminal that can move its cursor (TERM=dumb cannot)",
      FLAG_USAGE,
    );
  }
  const { runSession } = await import("../whatif-session.js");
  // the prompts hide the cursor and the session turns bracketed paste on: a kill, or the terminal's window
  // closed, ended the process with neither put back, and the shell was left without a cursor
  const release = undoOnSignal(io.stdout, SHOW_CURSOR + PASTE_MARKS_OFF);
  try {
    // the width read at each print, not once: the window may be resized during the session
    await runSession(baseRun, {
      chalk,
      cwd: io.cwd,
      output: (t) => io.stdout.write(t),
      get columns() {
        return io.stdout.fitTo;
      },
    });
  } catch (e) {
    // Ctrl-C inside a prompt: the session has said it is left, and what is not saved; nothing is
    // half-written (saves are atomic)
    if (e instanceof Error && e.name === "ExitPromptError") throw new ExitCode(130);
    throw e;
  } finally {
    release();
  }
}

async function counterfactual(
  goal: Goal,
  start: VariantRun,
  file: string,
  options: WhatifOptions,
  chalk: ChalkInstance,
  io: CliIo,
): Promise<void> {
  const out = (text: string) => (options.save === "-" ? io.stderr : io.stdout).write(text);
  const found = searchCounterfactual(
    goal,
    { variant: start.variant, trace: start.trace, policy: start.loaded.scenario.policy },
    searchTrace,
    {
      ...(options.maxEdits !== undefined ? { maxEdits: options.maxEdits } : {}),
      ...(options.budget !== undefined ? { budget: options.budget } : {}),
    },
  );
  const best = found.solutions[0];
  // searched from the variant the edit flags make, when there are any
  const edited = start.variant.notes.length > 0;
  // the search's traces leave customer service's answers out: the suggestion shown (on the page, or
  // compared below the advice) is run whole
  const shown = best !== undefined && (options.html !== undefined || !options.json);
  const bestRun: VariantRun | null = shown
    ? { variant: best.variant, loaded: start.loaded, trace: runVariant(best.variant).trace }
    : null;
  if (options.html !== undefined && !bestRun)
    throw new UsageError("--html: no change within the bound works, so there is nothing to compare");
  const saved = await writeOutputs(options, io, (set) => ({
    saved: best && options.save ? save(best.variant, options.save, options.force, io, set) : null,
    page:
      options.html !== undefined && best && bestRun
        ? page(
            options.html,
            start,
            bestRun,
            compareRuns(start, bestRun),
            // the suggestion's own changes, beside the run the edit flags made (not "as it happened")
            best.variant.notes.slice(start.variant.notes.length),
            io,
            set,
            edited ? { base: "with your edits", variant: "what if" } : undefined,
          )
        : null,
  }));
  if (options.html === "-") return;
  if (options.json) {
    const scenario = start.loaded.scenario.name;
    // the edits it was searched with, as the comparison's JSON names them
    const edits = edited ? { edits: start.variant.notes } : {};
    out(`${jsonText({ scenario, file, ...edits, ...counterfactualToJson(found), saved })}\n`);
    return;
  }
  out(renderCounterfactual(found, start, chalk));
  if (bestRun) {
    const traces = { base: start.trace, variant: bestRun.trace };
    out(
      `\n${renderComparison(compareRuns(start, bestRun), traces, [], {
        chalk,
        chart: options.chart,
        columns: io.stdout.fitTo,
      })}`,
    );
  }
  if (saved) out(`\nsaved the first suggestion ${savedWhere(saved)}\n`);
  else if (options.save && !best) out("\nnothing to save: no change within the bound works\n");
}

/**
 * The saved variant and the page, put in place together once both are written: an error at the second (a
 * full disk) leaves the first target as it was. The variant first: its commit may be refused (a file that
 * appeared meanwhile). Returns where the variant was saved.
 */
async function writeOutputs(
  options: WhatifOptions,
  io: CliIo,
  write: (set: OutputSet) => { saved: string | null; page: string | null },
): Promise<string | null> {
  // a Ctrl-C while they are held is heard before they are put in place, as for every command's outputs
  const written = await writingTogether(write);
  if (written.page !== null && options.html !== "-") writeErr(io, `wrote ${printablePath(written.page)}`);
  return written.saved;
}

/** The comparison as an HTML page: both runs side by side, held in `set`. Returns where. */
function page(
  target: string,
  base: VariantRun,
  variant: VariantRun,
  cmp: Comparison,
  edits: readonly string[],
  io: CliIo,
  set: OutputSet,
  labels?: { base: string; variant: string },
): string {
  const view = whatifView(
    {
      base: runView(base.loaded.scenario, base.trace),
      variant: runView(variant.loaded.scenario, variant.trace),
    },
    cmp,
    edits,
    labels,
  );
  return writeReport(io, target, whatifHtml(view, htmlAssets()), false, set);
}

/**
 * The policy `--policy` names, read as `run --policy` reads it: what is wrong with it (a folder, a
 * scenario file, a name that is no built-in) is the option's, said of the path as typed. Read through
 * the variant, it was the scenario's `policy:` — "a path here starts at this scenario file's folder",
 * which a path typed on the command line does not.
 */
function readPolicyOption(ref: string, typed: string, reading: PolicyReading): void {
  try {
    loadPolicy(ref, dirname(ref), reading);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw e.map((p) =>
      p.details.file === undefined
        ? new InputError(p.message, { ...p.details, field: "--policy" })
        : p.details.file === ref
          ? new InputError(p.message, { ...p.details, file: typed })
          : p,
    );
  }
}

/** Writes a variant as a new scenario file (`-`: standard output); never replaces a file unless forced.
 *  Returns the name given. */
function save(v: Variant, target: string, force: boolean, io: CliIo, set: OutputSet): string {
  if (target === "-") {
    // policy paths are written as seen from the working folder; printed once the page is in place (a
    // page that cannot be written prints nothing of the variant)
    const text = variantYaml(v, resolve(io.cwd, "variant.yaml"), { cwd: io.cwd });
    set.later(() => writeWhole(io.stdout, text));
    return STDOUT;
  }
  const path = resolveAsSystem(io.cwd, target);
  if (!existsSync(dirname(path))) {
    throw new InputError("no such folder to save into", { file: target, hint: "create the folder first" });
  }
  if (existsSync(path) && statSync(path).isDirectory())
    throw new InputError("is a directory", { file: target, hint: "give a file name" });
  const text = variantYaml(v, path, { cwd: io.cwd });
  // a name no scenario may have is said before a file there: --force would not make it one
  checkWritable(text, path, v.roots, target, io.cwd);
  if (!force) refuseReplacing(target, path);
  // without --force, a file that appears meanwhile is not replaced either
  set.write(target, text, { cwd: io.cwd, existing: force ? "any" : "new" });
  return target;
}

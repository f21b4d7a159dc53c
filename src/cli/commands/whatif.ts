// `credit-sim whatif FILE`: an interactive session in a terminal; the same edits as flags for scripts;
// `--avoid` / `--reach` for the smallest change that alters the outcome.

import { existsSync, statSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { renderComparison } from "../../render/compare.js";
import { renderCounterfactual, renderListing } from "../../render/whatif.js";
import { loadScenario } from "../../scenario/load.js";
import { InputError, UsageError } from "../../shared/errors.js";
import { ExitCode, makeChalk, out } from "../../shared/terminal.js";
import { writeFileAtomic } from "../../shared/write-file.js";
import { type FlagEdit, flagToEdit } from "../../whatif/flags.js";
import type { Goal } from "../../whatif/goal.js";
import { comparisonToJson, counterfactualToJson } from "../../whatif/json.js";
import { compareRuns, runVariant, type VariantRun } from "../../whatif/run.js";
import { variantYaml } from "../../whatif/save.js";
import { searchCounterfactual } from "../../whatif/search.js";
import { applyEdit, baseVariant, type Variant } from "../../whatif/variant.js";

export interface WhatifOptions {
  /** edit flags in the order given */
  edits?: FlagEdit[];
  json?: boolean;
  save?: string;
  force?: boolean;
  list?: boolean;
  avoid?: string;
  reach?: string;
  maxEdits?: number;
  budget?: number;
  chart?: boolean;
  color?: boolean;
}

const FLAG_USAGE = [
  "without a terminal, give the edits as flags (applied in order):",
  '  --remove 7 | 10-12 | "type=apply,product=increase,day>=80"',
  "  --add '{day: 60, type: repay, amount: full}'",
  "  --edit '7:day=65'   --set minScore=620   --seed 7   --policy tightened",
  "  --avoid suspended | --avoid declined | --reach restored   (smallest change that alters the outcome)",
  "  --list (the numbered events), --json, --save FILE",
].join("\n");

const BUILTIN = /^[A-Za-z0-9_-]+$/;

export async function whatifCommand(file: string, options: WhatifOptions): Promise<void> {
  const loaded = loadScenario(file);
  const base = baseVariant(loaded);
  const baseRun = runVariant(base);
  const chalk = makeChalk(process.stdout, options.color !== false);

  if (options.list) {
    out(options.json ? `${JSON.stringify(listingJson(baseRun))}\n` : renderListing(baseRun, chalk));
    return;
  }
  const goal = parseGoal(options);
  const edits = options.edits ?? [];
  if (edits.length === 0 && goal === null) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError("whatif needs a terminal for the interactive session", FLAG_USAGE);
    }
    const { runSession } = await import("../whatif-session.js");
    try {
      await runSession(baseRun, { chalk });
    } catch (e) {
      // Ctrl-C inside a prompt: leave quietly; nothing is half-written (saves are atomic)
      if (e instanceof Error && e.name === "ExitPromptError") {
        process.stdout.write(chalk.dim("\nleft the what-if session\n"));
        throw new ExitCode(130);
      }
      throw e;
    }
    return;
  }
  let variant = base;
  for (const f of edits) {
    const flag =
      f.flag === "policy" && !(BUILTIN.test(f.value) && !extname(f.value))
        ? { ...f, value: resolve(f.value) }
        : f;
    variant = applyEdit(variant, flagToEdit(variant, flag), `--${f.flag} ${JSON.stringify(f.value)}`);
  }
  const start = edits.length > 0 ? runVariant(variant) : baseRun;

  if (goal !== null) {
    const found = searchCounterfactual(
      goal,
      { variant: start.variant, trace: start.trace, policy: start.loaded.scenario.policy },
      (v) => runVariant(v).trace,
      {
        ...(options.maxEdits !== undefined ? { maxEdits: options.maxEdits } : {}),
        ...(options.budget !== undefined ? { budget: options.budget } : {}),
      },
    );
    const best = found.solutions[0];
    const saved = best && options.save ? save(best.variant, options.save, options.force === true) : null;
    if (options.json) {
      out(
        `${JSON.stringify({ scenario: loaded.scenario.name, file, ...counterfactualToJson(found), saved })}\n`,
      );
      return;
    }
    out(renderCounterfactual(found, start, chalk));
    if (best) {
      const bestRun: VariantRun = { variant: best.variant, loaded: start.loaded, trace: best.trace };
      out(
        `\n${renderComparison(compareRuns(start, bestRun), { base: start.trace, variant: best.trace }, [], { chalk, chart: options.chart !== false })}`,
      );
    }
    if (saved) out(`\nsaved the first suggestion as ${saved}; run it with: credit-sim run ${saved}\n`);
    else if (options.save && !best) out("\nnothing to save: no change within the bound works\n");
    return;
  }

  const cmp = compareRuns(baseRun, start);
  const saved = options.save ? save(variant, options.save, options.force === true) : null;
  if (options.json) {
    out(
      `${JSON.stringify({ scenario: loaded.scenario.name, file, edits: variant.notes, ...comparisonToJson(cmp), saved })}\n`,
    );
    return;
  }
  out(`${chalk.bold(`What-if: ${loaded.scenario.name}`)} ${chalk.dim(`(${file})`)}\n\n`);
  out(
    renderComparison(cmp, { base: baseRun.trace, variant: start.trace }, variant.notes, {
      chalk,
      chart: options.chart !== false,
    }),
  );
  if (saved) out(`\nsaved as ${saved}; run it with: credit-sim run ${saved}\n`);
}

function parseGoal(o: WhatifOptions): Goal | null {
  if (o.avoid !== undefined && o.reach !== undefined)
    throw new UsageError("give --avoid or --reach, not both");
  if (o.avoid !== undefined) {
    if (o.avoid === "suspended" || o.avoid === "declined") return `avoid-${o.avoid}`;
    throw new UsageError(
      `--avoid takes suspended or declined, got ${JSON.stringify(o.avoid)}`,
      "e.g. --avoid suspended",
    );
  }
  if (o.reach !== undefined) {
    if (o.reach === "restored") return "reach-restored";
    throw new UsageError(`--reach takes restored, got ${JSON.stringify(o.reach)}`, "e.g. --reach restored");
  }
  return null;
}

/** Writes a variant as a new scenario file; never replaces a file unless forced. */
function save(v: Variant, target: string, force: boolean): string {
  if (!existsSync(dirname(resolve(target)))) {
    throw new InputError("no such folder to save into", { file: target, hint: "create the folder first" });
  }
  if (existsSync(target)) {
    if (statSync(target).isDirectory())
      throw new InputError("is a directory", { file: target, hint: "give a file name" });
    if (!force) {
      throw new InputError("the file exists; not overwriting it", {
        file: target,
        hint: "choose another name, or add --force to replace it",
      });
    }
  }
  writeFileAtomic(target, variantYaml(v, target));
  return target;
}

function listingJson(run: VariantRun): Record<string, unknown> {
  return {
    scenario: run.loaded.scenario.name,
    events: run.variant.events.map((e) => ({ number: e.id, ...e.event })),
  };
}

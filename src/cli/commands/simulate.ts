// `credit-sim simulate [PERSONA…]`: a seeded population through the engine. This file does the I/O
// (progress, files, output); population/ sets up, computes and exports; render/ formats.

import { mkdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { accountYaml, flipFileName } from "../../population/export-account.js";
import { defaultWorkers, runParallel } from "../../population/parallel.js";
import {
  documentText,
  fromRange,
  type PopulationMeta,
  type PopulationResult,
} from "../../population/result.js";
import { csvHeader, FLIP_SAMPLE } from "../../population/runner.js";
import { type Population, preparePopulation, shardRange } from "../../population/setup.js";
import { simulateHtml } from "../../render/html/simulate.js";
import { renderPopulation } from "../../render/population.js";
import { UsageError } from "../../shared/errors.js";
import { fileError, openOutput, writeFileAtomic, writeOutput } from "../../shared/write-file.js";
import { htmlAssets } from "../html-assets.js";
import { type CliIo, stderrColour, stdoutColour, writeErr } from "../io.js";
import type { SimulateOptions } from "../options/simulate.js";
import { writeReport } from "../output-file.js";
import { progressBar } from "../progress.js";

export async function simulateCommand(
  personas: readonly string[],
  o: SimulateOptions,
  io: CliIo,
): Promise<void> {
  const pop = preparePopulation(
    {
      personas,
      accounts: o.accounts,
      days: o.days,
      seed: o.seed,
      start: o.start,
      policy: o.policy,
      challenger: o.challenger,
      challengerFrom: o.challengerFrom,
      challengerSet: o.challengerSet,
    },
    io.cwd,
  );
  if (o.exportAccount !== null) {
    exportAccount(pop, o.exportAccount, io);
    return;
  }
  const [from, to] = o.shard ? shardRange(o.accounts, o.shard.index, o.shard.count) : [0, o.accounts];
  const arms = pop.settings.challenger ? 2 : 1;
  const workers = o.workers ?? defaultWorkers((to - from) * pop.settings.days * arms, availableParallelism());
  const meta: PopulationMeta = { ...pop.meta, range: [from, to] };

  // `--csv -`: the rows are standard output, so the report goes to stderr (--json alongside is refused)
  const csvToStdout = o.csv === "-";
  const csv =
    o.csv !== undefined
      ? openOutput(o.csv, { cwd: io.cwd, stdout: (text) => void io.stdout.write(text) })
      : null;
  csv?.write(csvHeader(pop.settings.challenger !== null));
  const bar = await progressBar(to - from, o.progress, io);
  let result: PopulationResult;
  try {
    const range = await runParallel(pop.settings, pop.personas, from, to, {
      workers,
      csv: csv !== null,
      flipSample: FLIP_SAMPLE,
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
      ...(csv ? { onCsv: (lines: string) => csv.write(lines) } : {}),
    });
    result = fromRange(meta, range);
    csv?.commit();
  } catch (e) {
    csv?.abort();
    throw e;
  } finally {
    bar?.stop();
  }

  if (o.flips !== undefined && result.flips.length > 0) exportFlips(pop, result, o.flips, io);
  const again = [...personas, ...o.populationArgs].join(" ");
  const hint = `credit-sim simulate ${again} --export-account ${result.flips[0]?.index ?? "N"}${pop.settings.challenger ? " [--arm challenger]" : ""}`;
  if (o.html !== undefined) {
    const page = simulateHtml(result, htmlAssets(), { exportHint: hint });
    const where = writeReport(io, o.html, page);
    if (o.html === "-") return;
    writeErr(io, `wrote ${where}`);
  }
  if (o.json) {
    io.stdout.write(documentText(result));
    return;
  }
  (csvToStdout ? io.stderr : io.stdout).write(
    renderPopulation(result, {
      chalk: csvToStdout ? stderrColour(io, o.color) : stdoutColour(io, o.color),
      chart: o.chart,
      exportHint: o.flips !== undefined ? `written to ${o.flips}` : hint,
    }),
  );
}

function exportAccount(pop: Population, e: NonNullable<SimulateOptions["exportAccount"]>, io: CliIo): void {
  const toFile = e.output !== undefined && e.output !== "-";
  const path = toFile ? resolve(io.cwd, e.output!) : undefined;
  const text = accountYaml(pop, e.index, e.arm, path !== undefined ? dirname(path) : io.cwd);
  if (toFile && path !== undefined) {
    refuseOverwrite(e.output!, path);
    writeOutput(e.output!, text, { cwd: io.cwd });
  } else io.stdout.write(text);
}

function exportFlips(pop: Population, result: PopulationResult, dir: string, io: CliIo): void {
  const abs = resolve(io.cwd, dir);
  try {
    mkdirSync(abs, { recursive: true });
  } catch (e) {
    throw fileError(e, dir);
  }
  for (const f of result.flips) {
    for (const arm of ["champion", "challenger"] as const) {
      const name = arm === "champion" ? pop.settings.policy.name : pop.settings.challenger!.name;
      writeFileAtomic(join(abs, flipFileName(f.index, name)), accountYaml(pop, f.index, arm, abs));
    }
  }
}

function refuseOverwrite(file: string, path: string): void {
  try {
    statSync(path);
  } catch {
    return;
  }
  throw new UsageError(
    `${file} exists`,
    "choose a new file name; credit-sim never overwrites a file it was not asked to",
  );
}

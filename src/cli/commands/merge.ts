// `credit-sim merge FILE…`: shard results of `simulate --shard I/N --json` → the whole population's report.

import { readResultFile } from "../../population/read-result.js";
import { documentText, mergeResults } from "../../population/result.js";
import { renderPopulation } from "../../render/population.js";
import { InputError } from "../../shared/errors.js";
import { type CliIo, stdoutColour } from "../io.js";
import type { MergeInvocation } from "../options/population.js";

export function mergeCommand(files: readonly string[], o: MergeInvocation["options"], io: CliIo): void {
  const parts = InputError.each(files, (file) => ({ file, result: readResultFile(file, io.cwd) }));
  const merged = mergeResults(parts);
  if (o.json) {
    io.stdout.write(documentText(merged));
    return;
  }
  io.stdout.write(renderPopulation(merged, { chalk: stdoutColour(io, o.color), chart: o.chart }));
}

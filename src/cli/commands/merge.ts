// `credit-sim merge FILE…`: shard results of `simulate --shard I/N --json` → the whole population's report.

import { readResultFile } from "../../population/read-result.js";
import { documentText, exampleAccount, mergeResults } from "../../population/result.js";
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
  // the shards' own arguments are not in their documents (only what they mean): the hint says which to drop
  const example = exampleAccount(merged);
  const arm = merged.meta.sweep ? " [--arm N]" : merged.meta.challenger ? " [--arm challenger]" : "";
  const exportHint = `the shards' simulate command without --shard and --json, with --export-account ${example ?? "N"}${arm}`;
  io.stdout.write(renderPopulation(merged, { chalk: stdoutColour(io, o.color), chart: o.chart, exportHint }));
}

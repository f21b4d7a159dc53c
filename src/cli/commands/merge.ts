// `credit-sim merge FILE…`: shard results of `simulate --shard I/N --json` → the whole population's report,
// and with `--html` its page: the unsharded run's.

import { statSync } from "node:fs";
import { resolve } from "node:path";
import { readResultHead } from "../../population/read-result.js";
import { documentPieces, exampleAccount, mergeShards } from "../../population/result.js";
import { simulateHtml } from "../../render/html/simulate.js";
import { renderPopulation } from "../../render/population.js";
import { InputError } from "../../shared/errors.js";
import { printable, printablePath } from "../../shared/text.js";
import { htmlAssets } from "../html-assets.js";
import { type CliIo, stdoutColour, streamPieces, writeErr } from "../io.js";
import type { MergeInvocation } from "../options/population.js";
import { checkOutputs, checkStandardOutput, PAGE, writeReport } from "../output-file.js";

export function mergeCommand(files: readonly string[], o: MergeInvocation["options"], io: CliIo): void {
  // the page never replaces a shard it reads, nor shares standard output with --json: said before reading
  const checkPage = (html: string) =>
    checkOutputs(
      io.cwd,
      [{ flag: "--html", file: html, kind: PAGE }],
      files,
      o.json ? "--json" : null,
      o.force,
    );
  if (o.html !== undefined) checkPage(o.html);
  // what it prints never lands on a shard it reads (`merge a.json b.json >> a.json`)
  else checkStandardOutput(io.cwd, files);
  // every file's head first (the problems of all of them at once), then each whole in its turn: memory
  // for one shard beside the total, however many there are
  const twice = sameFileTwice(files, io.cwd);
  let heads: ReturnType<typeof readResultHead>[];
  try {
    heads = InputError.each(files, (file) => readResultHead(file, io.cwd));
  } catch (e) {
    throw e instanceof InputError && twice.length > 0 ? InputError.all([...twice, ...e.problems]) : e;
  }
  if (twice.length > 0) throw InputError.all(twice);
  const merged = mergeShards(heads);
  // the shards' own arguments are not in their documents (only what they mean): the hint says which to drop
  const example = exampleAccount(merged);
  const arm = merged.meta.sweep ? " [--arm N]" : merged.meta.challenger ? " [--arm challenger]" : "";
  const lead = "the shards' simulate command without --shard, --workers and --json, with";
  const command = `--export-account ${example ?? "N"}${arm}`;
  if (o.html !== undefined) {
    // checked again once the shards are read (large ones take a while, a pipe's as long as its writer): a
    // file put at the page's name meanwhile is replaced only as one there before would be
    checkPage(o.html);
    // written whole or not at all (shared/write-file), as simulate's page
    writeReport(
      io,
      o.html,
      simulateHtml(merged, htmlAssets(), { exportHint: command, exportHintLead: lead }),
    );
    if (o.html === "-") return;
    writeErr(io, `wrote ${printablePath(o.html)}`);
  }
  if (o.json) {
    streamPieces(io.stdout, documentPieces(merged));
    return;
  }
  io.stdout.write(
    renderPopulation(merged, {
      chalk: stdoutColour(io, o.color),
      chart: o.chart,
      columns: io.stdout.fitTo,
      exportHint: `${lead} ${command}`,
    }),
  );
}

/** A file named twice — another spelling, a hard link — whatever it holds: the ranges tell a shard
 *  given twice, but not one of no accounts (what `--shard I/N` writes when N exceeds the accounts),
 *  whose second copy added nothing and was merged without a word. */
function sameFileTwice(files: readonly string[], cwd: string): InputError[] {
  const seen = new Map<string, string>();
  const twice: InputError[] = [];
  for (const file of files) {
    let id: string;
    try {
      // as bigints: as numbers, two files' IDs past 2^53 (NTFS's) can read alike
      const st = statSync(resolve(cwd, file), { bigint: true });
      id = `${st.dev}:${st.ino}`;
    } catch {
      continue; // said when it is read
    }
    const first = seen.get(id);
    if (first === undefined) seen.set(id, file);
    else
      twice.push(
        new InputError("the same file twice", {
          file,
          found: `also given as ${printable(first)}`,
          hint: "give each shard's file once",
        }),
      );
  }
  return twice;
}

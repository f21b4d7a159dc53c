// `credit-sim simulate [PERSONA…]`: a seeded population through the engine. This file does the I/O
// (progress, files, output); population/ sets up, computes and exports; render/ formats.

import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { delimiter, dirname, isAbsolute, join, relative, sep } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { Policy } from "../../engine/index.js";
import { checkTotalsSize } from "../../population/aggregate.js";
import { type Arm, accountYaml, fileNamePart, flipFileName } from "../../population/export-account.js";
import { flipRule, largestGroups, movedParameters } from "../../population/flips.js";
import { defaultWorkers, longRunNotice, runParallel } from "../../population/parallel.js";
import { unmergeableDocument } from "../../population/read-result.js";
import {
  documentPieces,
  exampleAccount,
  fromRange,
  type PopulationMeta,
  type PopulationResult,
} from "../../population/result.js";
import { csvHeader, FLIP_SAMPLE } from "../../population/runner.js";
import { type Population, preparePopulation, shardRange } from "../../population/setup.js";
import { simulateHtml } from "../../render/html/simulate.js";
import { renderPopulation } from "../../render/population.js";
import type { Roots } from "../../scenario/builtin.js";
import { checkWritable } from "../../scenario/load.js";
import { policyPath } from "../../scenario/load-policy.js";
import { InputError, UsageError } from "../../shared/errors.js";
import { fileError } from "../../shared/file-errors.js";
import { makeFolders, ownFolder } from "../../shared/folders.js";
import { type OutputSet, writingTogether } from "../../shared/output-set.js";
import { resolveAsSystem } from "../../shared/paths.js";
import { stagedFolder } from "../../shared/temporary-files.js";
import { printable, printablePath, shellPath, shellWord } from "../../shared/text.js";
import { openOutput, writeOutput } from "../../shared/write-file.js";
import { refuseReplacing } from "../../shared/write-plan.js";
import { isGoldenTrace, snapshotPathFor } from "../../testing/snapshot-files.js";
import { htmlAssets } from "../html-assets.js";
import {
  type CliIo,
  rootsOf,
  stderrColour,
  stdoutColour,
  streamPieces,
  warnDeprecations,
  writeErr,
} from "../io.js";
import type { SimulateOptions } from "../options/simulate.js";
import { checkOutputs, checkStandardOutput, type OutputKind, PAGE, writeReport } from "../output-file.js";
import { progressBar } from "../progress.js";

/** Flip groups exported per compared pair, and example accounts per group. */
const EXPORT_GROUPS = 5;
const EXPORT_EXAMPLES = 2;

/**
 * Turns off V8's allocation-site pretenuring for the rest of the process (its flags are the process's: the
 * worker threads started after this share them). An account's objects live while it runs, a hundred
 * microseconds or so; V8 saw the accounts in flight at each young-generation collection and took many of
 * their allocation sites for long-lived, allocating their objects in the old generation from then on —
 * where, dead an account later, they kept what they pointed to alive through every young collection until
 * the next full one (10,000 accounts promoted 85 MB to the old generation, 21 MB without). By CPU time
 * (docs/performance.md): 100,000 × 365 on 2 workers 12.4–12.6 against 16.2–16.3 s, 20,000 × 365 in one
 * process 3.2–3.3 against 3.5–3.8 s; the output is the same (only where objects are allocated changes).
 */
function noPretenuring(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
}

/** --csv replaces an earlier run's rows (its header line), a user's file only with --force. */
const CSV: OutputKind = { what: "a credit-sim CSV", made: (head) => head.startsWith(csvHeader()) };

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
      sweep: o.sweep,
      bad: o.bad,
      scoreDay: o.scoreDay,
      ...(o.costOfFunds !== undefined ? { costOfFunds: o.costOfFunds } : {}),
      stress: o.stress,
    },
    io.cwd,
    rootsOf(io),
  );
  warnDeprecations([pop], io);
  if (o.exportAccount !== null) {
    exportAccount(pop, o.exportAccount, o.force, io);
    return;
  }
  checkTotalsSize(pop.personas.length, 1 + pop.settings.arms.length, pop.settings.days);
  const outputs = [
    ...(o.csv !== undefined ? [{ flag: "--csv", file: o.csv, kind: CSV }] : []),
    ...(o.html !== undefined ? [{ flag: "--html", file: o.html, kind: PAGE }] : []),
    ...(o.flips !== undefined ? [{ flag: "--flips", file: o.flips, folder: true }] : []),
  ];
  const checkTargets = () => checkOutputs(io.cwd, outputs, pop.files, o.json ? "--json" : null, o.force);
  checkTargets();
  if (o.flips !== undefined) {
    checkFlipsFolder(o.flips, resolveAsSystem(io.cwd, o.flips), o.force);
    // exported accounts come from compared arms: a challenger or a sweep
    if (pop.settings.arms.length > 0)
      refuseUnreachablePolicies(pop, o.flips, resolveAsSystem(io.cwd, o.flips), rootsOf(io));
  }
  const [from, to] = o.shard ? shardRange(o.accounts, o.shard.index, o.shard.count) : [0, o.accounts];
  // what a worker weighs: lanes make the arms cost what diverges, about a third of an arm each
  const arms = 1 + pop.settings.arms.length / 3;
  const accountDays = (to - from) * pop.settings.days * arms;
  const workers = o.workers ?? defaultWorkers(accountDays, availableParallelism());
  // a run of hours or days is said before it starts, with how to spread it (on stderr: --json stays pure)
  const long = longRunNotice(to - from, pop.settings.days, accountDays, workers, availableParallelism());
  if (long !== null) writeErr(io, `credit-sim: warning: ${long}`);
  const meta: PopulationMeta = { ...pop.meta, range: [from, to] };

  // `--csv -`: the rows are standard output, so the report goes to stderr (--json alongside is refused);
  // a reader gone from it (`| head -1`) ends the run at the next chunk's rows — the first chunks are small
  const csvToStdout = o.csv === "-";
  if (o.csv !== undefined && !csvToStdout) makeFolders(dirname(resolveAsSystem(io.cwd, o.csv)), o.csv);
  const csv =
    o.csv !== undefined
      ? openOutput(o.csv, { cwd: io.cwd, stdout: (text) => streamPieces(io.stdout, [text]) })
      : null;
  csv?.write(csvHeader());
  const bar = await progressBar(to - from, o.progress, io);
  let result: PopulationResult;
  try {
    noPretenuring();
    const range = await runParallel(pop.settings, pop.personas, from, to, {
      workers,
      csv: csv !== null,
      costOfFunds: meta.costOfFunds,
      flipSample: FLIP_SAMPLE,
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
      ...(csv ? { onCsv: (lines: string) => csv.write(lines) } : {}),
    });
    result = fromRange(meta, range);
  } catch (e) {
    csv?.abort();
    throw e;
  } finally {
    bar?.stop();
  }

  // the CSV, the flips and the page are put in place together, once all are written: an error at the
  // last (a full disk) leaves every earlier file as it was. The flips first: their commit may be refused.
  // A signal meanwhile ends the command before any is (writingTogether).
  let written = 0;
  try {
    await writingTogether((set) => {
      // checked again: a run lasts minutes to hours, and a file put at an output's name meanwhile is
      // replaced only as one there before the run would be (an earlier report, or with --force)
      checkTargets();
      if (o.flips !== undefined) written = exportFlips(pop, result, o.flips, o.force, io, set);
      if (csv) set.hold(csv);
      outputsOf(pop, result, personas, o, io, set);
    });
  } catch (e) {
    csv?.abort();
    throw e;
  }
  if (o.html !== undefined && o.html !== "-") writeErr(io, `wrote ${printablePath(o.html)}`);
  reportOf(pop, result, personas, o, io, written);
}

/** The HTML page, held in `set`. */
function outputsOf(
  pop: Population,
  result: PopulationResult,
  personas: readonly string[],
  o: SimulateOptions,
  io: CliIo,
  set: OutputSet,
): void {
  if (o.html === undefined) return;
  const page = simulateHtml(result, htmlAssets(), {
    exportHint: exportHintFor(pop, personas, o, exampleAccount(result)),
  });
  writeReport(io, o.html, page, false, set);
}

/** The command that exports one account of this population, as the report and the page suggest it. */
function exportHintFor(
  pop: Population,
  personas: readonly string[],
  o: SimulateOptions,
  account: number | undefined,
): string {
  const again = [...personas.map(shellPath), ...o.populationArgs].join(" ");
  const armHint = pop.meta.sweep ? " [--arm N]" : pop.meta.challenger ? " [--arm challenger]" : "";
  return `credit-sim simulate ${again} --export-account ${account ?? "N"}${armHint}`;
}

/** The report: the result document (--json) or the text, unless the page took standard output. */
function reportOf(
  pop: Population,
  result: PopulationResult,
  personas: readonly string[],
  o: SimulateOptions,
  io: CliIo,
  written: number,
): void {
  if (o.html === "-") return;
  if (o.json) {
    let bytes = 0;
    streamPieces(
      io.stdout,
      (function* () {
        for (const piece of documentPieces(result)) {
          bytes += Buffer.byteLength(piece);
          yield piece;
        }
      })(),
    );
    const tooLarge = unmergeableDocument(bytes);
    if (tooLarge !== null) writeErr(io, `credit-sim: warning: ${tooLarge}`);
    return;
  }
  // `--csv -`: the rows are standard output, so the report goes to stderr
  const csvToStdout = o.csv === "-";
  const out = csvToStdout ? io.stderr : io.stdout;
  out.write(
    renderPopulation(result, {
      chalk: csvToStdout ? stderrColour(io, o.color) : stdoutColour(io, o.color),
      chart: o.chart,
      columns: out.fitTo,
      exportHint: exportHintFor(pop, personas, o, exampleAccount(result)),
      ...(o.flips !== undefined
        ? { flipsWritten: `${written} files in ${printablePath(o.flips)} (its index.txt lists them)` }
        : {}),
    }),
  );
}

function exportAccount(
  pop: Population,
  e: NonNullable<SimulateOptions["exportAccount"]>,
  force: boolean,
  io: CliIo,
): void {
  const toFile = e.output !== undefined && e.output !== "-";
  const path = toFile ? resolveAsSystem(io.cwd, e.output!) : undefined;
  const text = accountYaml(pop, e.index, e.arm, path !== undefined ? dirname(path) : io.cwd);
  if (toFile && path !== undefined) {
    checkOutputs(io.cwd, [{ flag: "--output", file: e.output! }], pop.files);
    // a name no scenario may have is said before a file there: --force would not make it one
    checkWritable(text, path, rootsOf(io), e.output!, io.cwd);
    if (!force) refuseReplacing(e.output!, path);
    // without --force, nothing may be there up to the moment the file is put in place (not even a link)
    if (e.output !== "-") makeFolders(dirname(resolveAsSystem(io.cwd, e.output!)), e.output!);
    writeOutput(e.output!, text, { cwd: io.cwd, existing: force ? "any" : "new" });
  } else {
    // (what it prints never lands on a persona file it read: `>> persona.yaml`)
    checkStandardOutput(io.cwd, pop.files);
    io.stdout.write(text);
  }
}

/** An arm's policy (from the challenger's day, if it takes over then). */
const armPolicy = (pop: Population, arm: Arm): Policy =>
  arm === 0 ? pop.settings.policy : pop.settings.arms[arm - 1]!.policy;

/** How files name an arm: the policy's name, or the variant's number. */
function armLabel(pop: Population, arm: Arm): string {
  if (arm === 0) return pop.settings.policy.name;
  if (pop.meta.sweep) return `variant-${arm}`;
  return pop.settings.arms[0]!.policy.name;
}

/** The bytes of a policy's name a pair's folder keeps (names are at most 200 characters; a folder's name
 *  at most 255 bytes, and the folder is named `<a>-vs-<b>`). */
const PAIR_NAME_PART = 100;

const FLIPS_INDEX_HEADER = "Flipped decisions, largest groups first: the accounts as scenario files per arm.";

/**
 * The largest groups of flipped decisions of every compared pair, each with a few example accounts as
 * scenario pairs (one file per arm), under DIR/<a>-vs-<b>/<rank>-<code>/, and an index of them all.
 * Returns the number of scenario files written.
 */
function exportFlips(
  pop: Population,
  result: PopulationResult,
  dir: string,
  force: boolean,
  io: CliIo,
  set: OutputSet,
): number {
  const abs = resolveAsSystem(io.cwd, dir);
  // built in a hidden folder inside DIR and moved into place at the end: an interrupted export leaves
  // nothing half-written, a replaced earlier export (--force) no stale file
  const stage = stagedFolder(abs, dir);
  try {
    const files = writeFlips(pop, result, dir, abs, stage.path, io);
    // moved into place with the command's other outputs; what stands in DIR then is checked again,
    // since the run took a while
    set.hold({
      commit: () =>
        stage.commit((others) =>
          others.length === 0 || (force && isEarlierExport(abs, others))
            ? null
            : new UsageError(
                `--flips ${printablePath(dir)}: files appeared in it during the run; nothing was replaced`,
                "give a new or empty folder, or --force to replace an earlier export",
              ),
        ),
      abort: stage.abandon,
    });
    return files;
  } catch (e) {
    stage.abandon();
    throw e;
  }
}

function writeFlips(
  pop: Population,
  result: PopulationResult,
  dir: string,
  abs: string,
  stage: string,
  io: CliIo,
): number {
  // files whose names credit-sim chose, in a folder of its own: never through a link
  // (a file that cannot be written is said as the export's, not as the hidden folder's it is built in:
  // a path never given, gone once the export is refused)
  const writeOwn = (file: string, text: string) => {
    try {
      writeOutput(join(stage, relative(abs, file)), text, {
        cwd: io.cwd,
        dashIsStdout: false,
        existing: "new",
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const shown = join(dir, relative(abs, file));
      throw e.map((p) => new InputError(p.message, { ...p.details, file: shown }));
    }
  };
  const index: string[] = [FLIPS_INDEX_HEADER, ""];
  // one line of the index per entry, shown terminal-safe: a policy's name is anybody's text, and a line
  // break in it would start a line that lists a folder as the export's (what --force then replaces)
  const list = (text: string) => index.push(printable(text));
  let files = 0;
  for (const pair of result.decisionFlips) {
    const a = armLabel(pop, pair.a);
    // two names a file name shows alike (`x y`, `x_y`; `X`, `x` where the file system ignores case, as
    // macOS's and Windows' do by default) would share the files: the second says its arm
    const named = armLabel(pop, pair.b);
    const folded = (name: string) => flipFileName(0, name).toUpperCase().toLowerCase();
    const alike = folded(named) === folded(a);
    const arm = alike ? ` (arm ${pair.b})` : "";
    const b = `${named}${arm}`;
    // the folder's name holds both names, each cut to half of what a name may hold (255 bytes): two
    // policies named as long as allowed (200 characters, of three bytes each in Chinese) would make one
    // no system can write
    const part = (name: string) => fileNamePart(name, PAIR_NAME_PART, true);
    const pairDir = `${part(a)}-vs-${part(named)}${fileNamePart(arm, PAIR_NAME_PART)}`;
    const within = result.decisionFlips.length > 1 ? `${a} vs ${b}` : undefined;
    list(`${a} vs ${b}: ${pair.flipped} account${pair.flipped === 1 ? "" : "s"} decided otherwise`);
    // a group is filed under the rule whose parameter the pair's policies set otherwise
    const moved = movedParameters(armPolicy(pop, pair.a), armPolicy(pop, pair.b));
    largestGroups(pair)
      .slice(0, EXPORT_GROUPS)
      .forEach(([label, group], rank) => {
        const code = flipRule(label, moved) ?? "group";
        const groupDir = join(pairDir, `${rank + 1}-${code}`);
        ownFolder(join(stage, pairDir), join(dir, pairDir));
        ownFolder(join(stage, groupDir), join(dir, groupDir));
        list(`  ${group.accounts} × ${label}`);
        for (const account of group.examples.slice(0, EXPORT_EXAMPLES)) {
          for (const [armOf, name, suffix] of [
            [pair.a, a, ""],
            [pair.b, named, arm],
          ] as const) {
            const file = join(groupDir, flipFileName(account, name, suffix));
            writeOwn(join(abs, file), accountYaml(pop, account, armOf, join(abs, groupDir), within));
            list(`    ${file}`);
            files++;
          }
        }
      });
    index.push("");
  }
  writeOwn(join(abs, "index.txt"), `${index.join("\n")}\n`);
  return files;
}

/** The exported files sit two folders below DIR and must name their policy files from there: a policy
 *  file they could not name (outside, unless CREDIT_SIM_ROOT allows it) is said before the run. */
function refuseUnreachablePolicies(pop: Population, dir: string, path: string, roots: Roots): void {
  const from = join(path, "pair", "group", "account.yaml");
  for (const ref of pop.policyRefs.values()) {
    if (!isAbsolute(ref)) continue;
    try {
      policyPath(ref, dirname(from), from, roots);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(`the exported files could not name their policy file ${ref}`, {
        field: "--flips",
        file: dir,
        hint: `a file names policy files in its own folder or below: ${allowing(dirname(ref))}, both here and where the files run`,
      });
    }
  }
}

/** How to allow `folder` with CREDIT_SIM_ROOT, as one shell word; a path holding the list's separator
 *  would be split there (`…/run:1` read as `…/run` and `1`): allowed through a link instead. */
function allowing(folder: string): string {
  if (!folder.includes(delimiter)) return `allow this one's with CREDIT_SIM_ROOT=${shellWord(folder)}`;
  return `allow this one's through a link to it (its path holds "${delimiter}", which separates the folders CREDIT_SIM_ROOT names): ln -s ${shellWord(folder)} LINK, then CREDIT_SIM_ROOT=LINK`;
}

/** `--flips DIR`: a real folder, new or (without --force) empty — said before the run rather than after. */
function checkFlipsFolder(dir: string, path: string, force: boolean): void {
  let link: boolean | undefined;
  try {
    link = lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
  } catch (e) {
    // a part of the path that is a file (afile/sub): said, not thrown as a bug
    throw fileError(e, dir);
  }
  if (link)
    throw new InputError("cannot write into it: it is a symbolic link", {
      file: dir,
      field: "--flips",
      hint: "give a folder of its own: exported files are never written through a link",
    });
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    if ((e as NodeJS.ErrnoException).code === "ENOTDIR")
      throw new UsageError(`--flips ${dir} is not a folder`, "give a folder for the exported scenarios");
    throw fileError(e, dir);
  }
  // an export being built (or left by a run that was killed) is hidden and credit-sim's own
  const shown = entries.filter((e) => !e.startsWith(".credit-sim-"));
  if (shown.length > 0 && !force)
    throw new UsageError(
      `--flips ${printablePath(dir)} is not empty`,
      "give a new or empty folder, or --force to replace an earlier export there",
    );
  // --force replaces an earlier export whole: never a folder holding anything else
  if (shown.length > 0 && !isEarlierExport(path, shown))
    throw new UsageError(
      `--flips ${printablePath(dir)} holds files that are not an export of credit-sim's (only what an earlier export's index.txt lists is replaced)`,
      "give a new or empty folder: --force replaces only an earlier export",
    );
}

/**
 * Whether `entries` (what stands in the folder) are an earlier export and nothing else: its index.txt,
 * the files the index lists and the folders on their way, all the way down — with the golden traces
 * `credit-sim test DIR` wrote for those files. A forged header over other files, a `.git` beside an
 * export or inside one of its folders, a note added to one, a link: not an export, never removed.
 */
function isEarlierExport(path: string, entries: readonly string[]): boolean {
  const index = join(path, "index.txt");
  const st = lstatSync(index, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size > 1_000_000) return false;
  const text = readFileSync(index, "utf8");
  if (!text.startsWith(`${FLIPS_INDEX_HEADER}\n`)) return false;
  const files = new Set(["index.txt"]);
  const folders = new Set<string>();
  const traces = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("    ")) continue;
    const parts = line.trim().split(/[\\/]/);
    files.add(parts.join("/"));
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
    const trace = relative(path, snapshotPathFor(join(path, ...parts))).split(sep);
    traces.add(trace.join("/"));
    folders.add(trace.slice(0, -1).join("/"));
  }
  // a walk that follows no link, and stops at the first thing the index does not account for
  const holdsOnly = (under: string, names: readonly string[]): boolean =>
    names.every((name) => {
      const at = under === "" ? name : `${under}/${name}`;
      const entry = lstatSync(join(path, at), { throwIfNoEntry: false });
      if (entry?.isFile()) return files.has(at) || (traces.has(at) && isGoldenTrace(join(path, at)));
      return entry?.isDirectory() === true && folders.has(at) && holdsOnly(at, readdirSync(join(path, at)));
    });
  try {
    return holdsOnly("", entries);
  } catch {
    // a folder that cannot be listed holds what nobody can say: not replaced
    return false;
  }
}

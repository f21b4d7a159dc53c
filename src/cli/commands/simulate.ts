// `credit-sim simulate PERSONA…`, `personas` and `merge`: seeded populations through the engine.
// This file does the I/O (loading, progress, files); population/ computes and render/ formats.

import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Policy, PolicyParams } from "../../engine/index.js";
import { run } from "../../engine/index.js";
import { OutcomeRecorder, outcomeClass } from "../../population/aggregate.js";
import { scenarioYaml } from "../../population/export.js";
import {
  challengerScenario,
  generateAccount,
  generationContext,
  type PopulationSettings,
} from "../../population/generate.js";
import { defaultWorkers, runParallel } from "../../population/parallel.js";
import {
  builtinPersonaNames,
  canonicalJson,
  fnv1a,
  loadPersonas,
  type Persona,
  personaFingerprint,
} from "../../population/persona.js";
import { personaJsonSchema } from "../../population/persona-schema.js";
import {
  documentText,
  fromDocument,
  fromRange,
  mergeResults,
  type PopulationMeta,
  type PopulationResult,
} from "../../population/result.js";
import { csvHeader, FLIP_SAMPLE, personaIndexOf } from "../../population/runner.js";
import { renderPopulation } from "../../render/population.js";
import {
  BUILTIN_POLICY_DIR,
  builtinPolicyNames,
  loadPolicy,
  policyPath,
} from "../../scenario/load-policy.js";
import { MAX_DAY, PolicyOverrides, policyParamsShape } from "../../scenario/schema.js";
import { InputError, suggest, UsageError } from "../../shared/errors.js";
import { makeChalk, out } from "../../shared/terminal.js";
import { writeFileAtomic } from "../../shared/write-file.js";

export interface SimulateOptions {
  accounts?: number;
  days?: number;
  seed?: number;
  start?: string;
  policy?: string;
  challenger?: string;
  challengerFrom?: number;
  challengerSet?: string[];
  workers?: number;
  json?: boolean;
  csv?: string;
  shard?: string;
  exportAccount?: number;
  arm?: string;
  output?: string;
  flips?: string;
  chart?: boolean;
  color?: boolean;
  progress?: boolean;
}

const MAX_ACCOUNTS = 100_000_000;

function checkRange(name: string, value: number, lo: number, hi: number): number {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new UsageError(`${name} must be a whole number from ${lo} to ${hi}`, `found ${value}`);
  }
  return value;
}

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      `--shard must be I/N with 1 ≤ I ≤ N`,
      `found ${JSON.stringify(text)}, e.g. --shard 2/3`,
    );
  }
  return { index, count };
}

/** Shard i (1-based) of n: a contiguous block of account indices. */
function shardRange(accounts: number, index: number, count: number): [number, number] {
  return [Math.floor((accounts * (index - 1)) / count), Math.floor((accounts * index) / count)];
}

/** `--challenger-set minScore=650 maxApplications30d=2`: policy parameters, checked like a policy file's. */
function parseChallengerSet(pairs: readonly string[]): Partial<PolicyParams> {
  const raw: Record<string, unknown> = {};
  const keys = Object.keys(policyParamsShape);
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0)
      throw new UsageError(
        "--challenger-set takes name=value",
        `found ${JSON.stringify(pair)}, e.g. minScore=650`,
      );
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    if (!keys.includes(key)) {
      const guess = suggest(key, keys);
      throw new UsageError(
        `--challenger-set: unknown policy parameter "${key}"`,
        guess ? `did you mean "${guess}"?` : "see `credit-sim policies`",
      );
    }
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // a bare word stays a string; the schema says whether that is allowed
    }
    raw[key] = value;
  }
  const parsed = PolicyOverrides.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new UsageError(`--challenger-set ${key}: ${issue.message}`, `found ${JSON.stringify(raw[key])}`);
  }
  return parsed.data as Partial<PolicyParams>;
}

interface Population {
  personas: Persona[];
  settings: PopulationSettings;
  meta: PopulationMeta;
  /** how an exported file names each policy (by policy name) */
  policyRefs: Map<string, string>;
}

function preparePopulation(refs: string[], o: SimulateOptions): Population {
  const accounts = checkRange("--accounts", o.accounts ?? 1000, 1, MAX_ACCOUNTS);
  const days = checkRange("--days", o.days ?? 365, 1, MAX_DAY);
  const seed = o.seed ?? 1;
  const start = o.start ?? "2024-01-01";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start))
    throw new UsageError("--start must be a date YYYY-MM-DD", `found ${start}`);
  const challengerFrom = checkRange("--challenger-from", o.challengerFrom ?? 0, 0, days - 1);
  if (o.challengerFrom !== undefined && o.challenger === undefined && o.challengerSet === undefined) {
    throw new UsageError(
      "--challenger-from needs --challenger or --challenger-set",
      "e.g. --challenger tightened --challenger-from 180",
    );
  }
  const personas = loadPersonas(refs);
  const cache = new Map<string, Policy>();
  const refOf = (ref: string) =>
    builtinPolicyNames().includes(ref) ? ref : resolve(policyPath(ref, process.cwd()));
  const policyRef = o.policy ?? "default";
  const policy = loadPolicy(policyRef, process.cwd(), cache);
  const challengerSet = parseChallengerSet(o.challengerSet ?? []);
  const hasSet = Object.keys(challengerSet).length > 0;
  const challenger =
    o.challenger !== undefined ? loadPolicy(o.challenger, process.cwd(), cache) : hasSet ? policy : null;
  if (challenger && challenger !== policy && challenger.name === policy.name) {
    throw new UsageError(
      `the challenger has the same name as the champion ("${policy.name}")`,
      "give the challenger policy file its own `name`",
    );
  }
  const policyRefs = new Map([[policy.name, refOf(policyRef)]]);
  if (challenger && o.challenger !== undefined) policyRefs.set(challenger.name, refOf(o.challenger));
  const fp = (p: Policy) => fnv1a(canonicalJson(p));
  const settings: PopulationSettings = {
    seed,
    days,
    start,
    policy,
    challenger,
    challengerFrom,
    challengerSet,
  };
  const setText = Object.entries(challengerSet)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  const challengerLabel = challenger ? (hasSet ? `${challenger.name} + ${setText}` : challenger.name) : "";
  // start must be a real date: the calendar refuses anything else
  try {
    generationContext(settings);
  } catch {
    throw new UsageError("--start is not a calendar date", `found ${start}`);
  }
  const meta: PopulationMeta = {
    seed,
    days,
    start,
    accounts,
    range: [0, accounts],
    personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: personaFingerprint(p) })),
    policy: { name: policy.name, ref: policyRefs.get(policy.name)!, fingerprint: fp(policy) },
    challenger: challenger
      ? {
          name: challengerLabel,
          ref: policyRefs.get(challenger.name)!,
          fingerprint: fp(challenger),
          set: challengerSet,
        }
      : null,
    challengerFrom,
  };
  return { personas, settings, meta, policyRefs };
}

export async function simulateCommand(refs: string[], o: SimulateOptions): Promise<void> {
  const pop = preparePopulation(refs, o);
  if (o.exportAccount !== undefined) {
    exportAccount(pop, o);
    return;
  }
  const shard = o.shard ? parseShard(o.shard) : null;
  const [from, to] = shard ? shardRange(pop.meta.accounts, shard.index, shard.count) : [0, pop.meta.accounts];
  const arms = pop.settings.challenger ? 2 : 1;
  const workers = checkRange(
    "--workers",
    o.workers ??
      defaultWorkers((to - from) * pop.settings.days * arms, Math.min(256, availableParallelism())),
    1,
    256,
  );
  const meta: PopulationMeta = { ...pop.meta, range: [from, to] };

  const csv = o.csv ? openAtomic(o.csv) : null;
  csv?.write(csvHeader(pop.settings.challenger !== null));
  const bar = await progressBar(to - from, o.progress !== false);
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

  if (o.flips && result.flips.length > 0) exportFlips(pop, result, o.flips);
  if (o.json) {
    out(documentText(result));
    return;
  }
  const hint = `credit-sim simulate ${commandLine(refs, o)} --export-account ${result.flips[0]?.index ?? "N"}${pop.settings.challenger ? " [--arm challenger]" : ""}`;
  out(
    renderPopulation(result, {
      chalk: makeChalk(process.stdout, o.color !== false),
      chart: o.chart !== false,
      exportHint: o.flips ? `written to ${o.flips}` : hint,
    }),
  );
}

function commandLine(refs: string[], o: SimulateOptions): string {
  const parts = [...refs];
  if (o.accounts !== undefined) parts.push(`--accounts ${o.accounts}`);
  if (o.days !== undefined) parts.push(`--days ${o.days}`);
  if (o.seed !== undefined) parts.push(`--seed ${o.seed}`);
  if (o.start !== undefined) parts.push(`--start ${o.start}`);
  if (o.policy !== undefined) parts.push(`--policy ${o.policy}`);
  if (o.challenger !== undefined) parts.push(`--challenger ${o.challenger}`);
  if (o.challengerFrom !== undefined) parts.push(`--challenger-from ${o.challengerFrom}`);
  for (const pair of o.challengerSet ?? []) parts.push(`--challenger-set ${pair}`);
  return parts.join(" ");
}

/** The written scenario of account `index` under one arm, with its population outcome as expectation. */
function accountYaml(
  pop: Population,
  index: number,
  arm: "champion" | "challenger",
  fileDir: string,
): string {
  const ctx = generationContext(pop.settings);
  const persona = pop.personas[personaIndexOf(pop.settings, pop.personas, index)]!;
  let scenario = generateAccount(ctx, persona, index);
  if (arm === "challenger") scenario = challengerScenario(ctx, scenario);
  const rec = new OutcomeRecorder();
  rec.reset(scenario.until);
  run(scenario, rec);
  const outcome = rec.finish();
  const policyRef = (name: string) => {
    const ref = pop.policyRefs.get(name) ?? name;
    return isAbsolute(ref) ? relativeRef(fileDir, ref) : ref;
  };
  const s = pop.settings;
  return scenarioYaml(scenario, {
    policyRef,
    outcome,
    header: [
      `yaml-language-server: $schema=${relativeRef(fileDir, join(dirname(BUILTIN_POLICY_DIR), "schema", "scenario.schema.json"))}`,
      `Account ${index} of a credit-sim population (persona ${persona.name}), exported by:`,
      `  credit-sim simulate … --seed ${s.seed} --days ${s.days} --start ${s.start} --export-account ${index}${arm === "challenger" ? " --arm challenger" : ""}`,
      `Its outcome in the population: ${outcomeClass(outcome)} (the expectation below).`,
    ],
  });
}

function relativeRef(fromDir: string, target: string): string {
  const r = relative(fromDir, target);
  return r.startsWith(".") ? r : `./${r}`;
}

function exportAccount(pop: Population, o: SimulateOptions): void {
  const index = checkRange("--export-account", o.exportAccount!, 0, pop.meta.accounts - 1);
  const arm = o.arm ?? "champion";
  if (arm !== "champion" && arm !== "challenger")
    throw new UsageError("--arm must be champion or challenger", `found ${arm}`);
  if (arm === "challenger" && !pop.settings.challenger)
    throw new UsageError("--arm challenger needs --challenger");
  const fileDir = o.output ? dirname(resolve(o.output)) : process.cwd();
  const text = accountYaml(pop, index, arm, fileDir);
  if (o.output) {
    refuseOverwrite(o.output);
    writeFileAtomic(o.output, text);
  } else out(text);
}

function exportFlips(pop: Population, result: PopulationResult, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const abs = resolve(dir);
  for (const f of result.flips) {
    for (const arm of ["champion", "challenger"] as const) {
      const name = arm === "champion" ? pop.settings.policy.name : pop.settings.challenger!.name;
      const file = join(dir, `account-${f.index}.${name.replace(/[^A-Za-z0-9_-]/g, "_")}.yaml`);
      writeFileAtomic(file, accountYaml(pop, f.index, arm, abs));
    }
  }
}

function refuseOverwrite(file: string): void {
  try {
    statSync(file);
  } catch {
    return;
  }
  throw new UsageError(
    `${file} exists`,
    "choose a new file name; credit-sim never overwrites a file it was not asked to",
  );
}

/** A file written whole or not at all: rows go to a temporary file renamed at the end. */
function openAtomic(file: string) {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, "w");
  } catch {
    throw new UsageError(`cannot write ${file}`, "check that the folder exists and is writable");
  }
  return {
    write: (text: string) => {
      writeSync(fd, text);
    },
    commit: () => {
      closeSync(fd);
      renameSync(tmp, file);
    },
    abort: () => {
      closeSync(fd);
      unlinkSync(tmp);
    },
  };
}

async function progressBar(total: number, enabled: boolean) {
  if (!enabled || !process.stderr.isTTY || process.env.CI) return null;
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "simulating {bar} {percentage}% | {value}/{total} accounts | {eta_formatted} left",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

// ---- personas ----

export function personasCommand(o: { json?: boolean; schema?: boolean; color?: boolean }): void {
  if (o.schema) {
    out(`${JSON.stringify(personaJsonSchema(), null, 2)}\n`);
    return;
  }
  const personas = loadPersonas(builtinPersonaNames());
  const total = personas.reduce((a, p) => a + p.share, 0);
  if (o.json) {
    const list = personas.map(({ file, ...p }) => ({
      ...p,
      share: p.share,
      normalisedShare: p.share / total,
      file: basename(file),
    }));
    out(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  const c = makeChalk(process.stdout, o.color !== false);
  const w = Math.max(...personas.map((p) => p.name.length)) + 2;
  const lines = [c.bold(`${"persona".padEnd(w)}share    description`)];
  for (const p of personas) {
    lines.push(`${p.name.padEnd(w)}${`${((p.share / total) * 100).toFixed(1)} %`.padEnd(9)}${p.description}`);
  }
  lines.push(
    "",
    c.dim(
      `files: ${relative(process.cwd(), dirname(personas[0]?.file ?? "personas/x")) || "."}/*.yaml — pass a name or a path to \`credit-sim simulate\``,
    ),
  );
  out(`${lines.join("\n")}\n`);
}

// ---- merge ----

const MAX_RESULT_BYTES = 256 * 1024 * 1024;

export function mergeCommand(files: string[], o: { json?: boolean; chart?: boolean; color?: boolean }): void {
  const parts = files.map((file) => ({ file, result: fromDocument(readJson(file), file) }));
  const merged = mergeResults(parts);
  if (o.json) {
    out(documentText(merged));
    return;
  }
  out(
    renderPopulation(merged, {
      chalk: makeChalk(process.stdout, o.color !== false),
      chart: o.chart !== false,
    }),
  );
}

function readJson(file: string): unknown {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError("is a directory, not a result file", { file });
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError("result file not found", {
      file,
      hint: "give the files written by `simulate --shard I/N --json`",
    });
  }
  if (size > MAX_RESULT_BYTES) throw new InputError(`file too large (${size} bytes)`, { file });
  const text = readFileSync(file, "utf8");
  if (text.trim() === "")
    throw new InputError("the file is empty", { file, expected: "a `simulate --json` result" });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError("not JSON", {
      file,
      found: e instanceof Error ? e.message : String(e),
      hint: "merge the --json outputs of `credit-sim simulate`",
    });
  }
}

// `credit-sim simulate [PERSONA…]`: its options, typed and checked in one place (ranges, dates, shards, the
// challenger's parameters, the export arm). What needs files (personas, policies) is loaded by the command.

import { type PolicyParams, parseIsoDate } from "../../engine/index.js";
import type { Arm } from "../../population/export-account.js";
import { isSeed, MAX_SEED } from "../../population/result-schema.js";
import { MAX_DAY, PolicyOverrides, policyParamsShape } from "../../scenario/schema.js";
import { suggest, UsageError } from "../../shared/errors.js";
import { clampWorkers, workersHelp } from "../../shared/workers.js";
import { type CommandSpec, helpText, list } from "./command.js";
import { flag, type RawOptions, repeatable, text, wholeNumber } from "./table.js";

const MAX_ACCOUNTS = 100_000_000;

export interface SimulateOptions {
  accounts: number;
  days: number;
  seed: number;
  /** calendar date of day 0, YYYY-MM-DD */
  start: string;
  /** the champion policy: a built-in name or a file */
  policy: string;
  /** the challenger policy, if one was named */
  challenger: string | undefined;
  challengerFrom: number;
  /** policy parameters the challenger sets (on --challenger, or on --policy) */
  challengerSet: Partial<PolicyParams>;
  /** undefined: as many as the run is worth (see population/parallel.ts) */
  workers: number | undefined;
  shard: { index: number; count: number } | null;
  json: boolean;
  csv: string | undefined;
  /** print (or write to `output`) one account as a scenario file instead of simulating the population */
  exportAccount: { index: number; arm: Arm; output: string | undefined } | null;
  flips: string | undefined;
  progress: boolean;
  chart: boolean;
  color: boolean;
  /** the report as a self-contained HTML page (`-`: stdout) */
  html: string | undefined;
  wide: boolean;
  /** the arguments that describe this population, for the hints the report prints */
  populationArgs: string[];
}

export interface SimulateInvocation {
  command: "simulate";
  personas: string[];
  options: SimulateOptions;
}

const options = () => ({
  accounts: wholeNumber("--accounts <n>", "accounts in the population (default 1000)"),
  days: wholeNumber("--days <n>", "simulated days per account (default 365)"),
  seed: wholeNumber("--seed <n>", "population seed, a whole number within ±(2^53 − 1) (default 1)"),
  start: text("--start <date>", "calendar date of day 0 (default 2024-01-01)"),
  policy: text("--policy <name|file>", "the (champion) policy (default: default)"),
  challenger: text("--challenger <name|file>", "run the same accounts under this policy too and compare"),
  challengerFrom: wholeNumber(
    "--challenger-from <day>",
    "the challenger takes over on this day (a policy change)",
  ),
  challengerSet: repeatable(
    "--challenger-set <name=value>",
    "a challenger policy parameter (on --challenger, or on --policy), e.g. minScore=650; repeat it or comma-separate for several",
  ),
  workers: wholeNumber(
    "--workers <n>",
    `worker threads (default: cores; 1 below 4 M account-days, both policies counted, where threads cost more than they save); ${workersHelp()}`,
  ),
  shard: text("--shard <i/n>", "simulate only shard i of n (combine the --json outputs with `merge`)"),
  json: flag("--json", "the mergeable result document as JSON"),
  csv: text("--csv <file>", "one row per account (- for standard output; the report then goes to stderr)"),
  exportAccount: wholeNumber("--export-account <n>", "print account n as a scenario file instead"),
  arm: text("--arm <champion|challenger>", "with --export-account: which policy arm"),
  output: text("-o, --output <file>", "with --export-account: write to this file (- for standard output)"),
  flips: text("--flips <dir>", "export the sample of flipped accounts as scenario files"),
  progress: flag("--no-progress", "no progress bar (it shows only on a terminal)"),
  chart: flag("--no-chart", "leave out the score chart"),
  color: flag("--no-color", "no colour"),
  html: text("--html <file>", "also write the report as a self-contained HTML page (- for stdout)"),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
});

type RawSimulateOptions = RawOptions<ReturnType<typeof options>>;

function checkRange(name: string, value: number, lo: number, hi: number): number {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new UsageError(`${name} must be a whole number from ${lo} to ${hi}`, `found ${value}`);
  }
  return value;
}

function atLeastOne(name: string, value: number): number {
  if (value < 1)
    throw new UsageError(`${name} must be at least 1, got ${value}`, `${name} 1 runs in one thread`);
  return value;
}

export function parseShard(text: string): { index: number; count: number } {
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

const PARAMETER_NAMES = Object.keys(policyParamsShape);

/** `minScore=650,maxApplications30d=2` → the pairs; a value with commas of its own (JSON) stays whole. */
function pairsOf(text: string): string[] {
  return text.split(/,(?=\s*[A-Za-z_]\w*\s*=)/).map((p) => p.trim());
}

/** `--challenger-set minScore=650 --challenger-set maxApplications30d=2`: checked like a policy file's. */
export function parseChallengerSet(values: readonly string[]): Partial<PolicyParams> {
  const raw: Record<string, unknown> = {};
  for (const pair of values.flatMap(pairsOf)) {
    const eq = pair.indexOf("=");
    if (eq <= 0)
      throw new UsageError(
        "--challenger-set takes name=value",
        `found ${JSON.stringify(pair)}, e.g. minScore=650`,
      );
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    if (!PARAMETER_NAMES.includes(key)) {
      const guess = suggest(key, PARAMETER_NAMES);
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

/**
 * The old variadic form, `--challenger-set minScore=650 maxApplications30d=2`, swallowed the persona names
 * after it. The option now takes one value; a `parameter=value` word right after it, where the parameter
 * is a policy parameter's name (which no persona is called), still counts as another --challenger-set.
 */
export function foldChallengerSetWords(args: readonly string[]): string[] {
  const isParameterWord = (arg: string) => {
    const word = /^([A-Za-z_]\w*)=/.exec(arg);
    return word !== null && PARAMETER_NAMES.includes(word[1]!);
  };
  const out: string[] = [];
  // the word before was a --challenger-set value
  let afterSet = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (afterSet && isParameterWord(arg)) {
      out.push("--challenger-set", arg);
      continue;
    }
    out.push(arg);
    if (arg === "--challenger-set" && i + 1 < args.length) {
      out.push(args[++i]!);
      afterSet = true;
    } else afterSet = arg.startsWith("--challenger-set=");
  }
  return out;
}

export function simulateOptions(raw: RawSimulateOptions): SimulateOptions {
  const accounts = checkRange("--accounts", raw.accounts ?? 1000, 1, MAX_ACCOUNTS);
  const days = checkRange("--days", raw.days ?? 365, 1, MAX_DAY);
  const start = raw.start ?? "2024-01-01";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start))
    throw new UsageError("--start must be a date YYYY-MM-DD", `found ${start}`);
  const challengerFrom = checkRange("--challenger-from", raw.challengerFrom ?? 0, 0, days - 1);
  if (raw.challengerFrom !== undefined && raw.challenger === undefined && raw.challengerSet === undefined) {
    throw new UsageError(
      "--challenger-from needs --challenger or --challenger-set",
      "e.g. --challenger tightened --challenger-from 180",
    );
  }
  const challengerSet = parseChallengerSet(raw.challengerSet ?? []);
  const startDay = parseIsoDate(start);
  if (startDay === null) throw new UsageError("--start is not a calendar date", `found ${start}`);
  if (startDay + days - 1 > (parseIsoDate("9999-12-31") ?? 0)) {
    throw new UsageError(
      "--start and --days run past the year 9999",
      "start earlier, or simulate fewer days",
    );
  }
  const seed = raw.seed ?? 1;
  // the same bound as a merged document's meta: beyond 2^53, two seeds would be one
  if (!isSeed(seed)) {
    throw new UsageError(
      `--seed must be a whole number from -${MAX_SEED} to ${MAX_SEED}`,
      `found ${raw.seed}`,
    );
  }
  if (raw.csv === "-" && raw.json === true) {
    throw new UsageError("--csv - and --json both write to standard output", "send one of them to a file");
  }
  const hasChallenger = raw.challenger !== undefined || Object.keys(challengerSet).length > 0;
  let exportAccount: SimulateOptions["exportAccount"] = null;
  if (raw.exportAccount !== undefined) {
    const index = checkRange("--export-account", raw.exportAccount, 0, accounts - 1);
    const arm = raw.arm ?? "champion";
    if (arm !== "champion" && arm !== "challenger")
      throw new UsageError("--arm must be champion or challenger", `found ${arm}`);
    if (arm === "challenger" && !hasChallenger) throw new UsageError("--arm challenger needs --challenger");
    exportAccount = { index, arm, output: raw.output };
  }
  return {
    accounts,
    days,
    seed,
    start,
    policy: raw.policy ?? "default",
    challenger: raw.challenger,
    challengerFrom,
    challengerSet,
    // more threads than cores only compete for them: clamped (said in --help)
    workers: raw.workers === undefined ? undefined : clampWorkers(atLeastOne("--workers", raw.workers)),
    shard: raw.shard === undefined ? null : parseShard(raw.shard),
    json: raw.json === true,
    csv: raw.csv,
    exportAccount,
    flips: raw.flips,
    progress: raw.progress !== false,
    chart: raw.chart !== false,
    color: raw.color !== false,
    html: raw.html,
    wide: raw.wide === true,
    populationArgs: populationArgs(raw),
  };
}

/** The population's own arguments as the user gave them (what an `--export-account` hint repeats). */
function populationArgs(raw: RawSimulateOptions): string[] {
  const parts: string[] = [];
  if (raw.accounts !== undefined) parts.push(`--accounts ${raw.accounts}`);
  if (raw.days !== undefined) parts.push(`--days ${raw.days}`);
  if (raw.seed !== undefined) parts.push(`--seed ${raw.seed}`);
  if (raw.start !== undefined) parts.push(`--start ${raw.start}`);
  if (raw.policy !== undefined) parts.push(`--policy ${raw.policy}`);
  if (raw.challenger !== undefined) parts.push(`--challenger ${raw.challenger}`);
  if (raw.challengerFrom !== undefined) parts.push(`--challenger-from ${raw.challengerFrom}`);
  for (const pair of raw.challengerSet ?? []) parts.push(`--challenger-set ${pair}`);
  return parts;
}

export const SIMULATE: CommandSpec<ReturnType<typeof options>, SimulateInvocation> = {
  name: "simulate",
  description:
    "a seeded population of synthetic accounts from personas: outcome rates, scores, champion/challenger",
  arguments: [["[personas...]", "persona names or files (default: every shipped persona, by share)"]],
  options,
  help: helpText(
    "Examples:",
    "  credit-sim simulate --accounts 10000",
    "  credit-sim simulate stretched over-applier --accounts 5000 --challenger tightened --challenger-from 180",
    "  credit-sim simulate --accounts 20000 --challenger-set minScore=650 --challenger-from 90   # a regulator's new minimum",
    "  credit-sim simulate --accounts 100000 --shard 1/3 --json > s1.json   # then: credit-sim merge s*.json",
    "  credit-sim simulate --export-account 42 -o account-42.yaml && credit-sim run account-42.yaml",
    "  credit-sim simulate --accounts 20000 --challenger tightened --html population.html",
  ),
  read: ([personas], raw) => ({
    command: "simulate",
    personas: list(personas),
    options: simulateOptions(raw),
  }),
};

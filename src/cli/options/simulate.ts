// `credit-sim simulate [PERSONA…]`: its options, typed and checked in one place (ranges, dates, shards, the
// challenger's parameters, the export arm). What needs files (personas, policies) is loaded by the command.

import { parseIsoDate } from "../../engine/index.js";
import type { Arm } from "../../population/export-account.js";
import type { PopulationRequest } from "../../population/setup.js";
import { MAX_VARIANTS, type SweepAxis } from "../../population/sweep.js";
import {
  BAD_DEFINITIONS,
  type BadDefinition,
  DEFAULT_SCORE_DAY,
  isSeed,
  MAX_ACCOUNTS,
  MAX_SEED,
} from "../../population/vocabulary.js";
import { dayInSpan } from "../../scenario/day-asked.js";
import { MAX_DAY } from "../../scenario/shape.js";
import { Checks, InputError, suggest, UsageError } from "../../shared/errors.js";
import { grouped, quoted, shellWord } from "../../shared/text.js";
import { clampWorkers, workersHelp } from "../../shared/workers.js";
import { parseShard } from "../../testing/shard.js";
import { type CommandSpec, helpText, list, type ParseContext } from "./command.js";
import { inRange, readNumber } from "./numbers.js";
import { autoShard, checkRange, parseChallengerSet, parseSweep } from "./simulate-values.js";
import {
  flag,
  noColor,
  outputPath,
  policyRef,
  type RawOptions,
  readDate,
  readDayOrDate,
  readWhole,
  refuseGiven,
  repeatable,
  text,
  wholeNumber,
  wholeNumberLater,
} from "./table.js";

/** What the population is (the request `population/setup.ts` builds it from, every field given), and how
 *  to run and show it. */
export interface SimulateOptions
  extends Required<Omit<PopulationRequest, "personas" | "sweep" | "costOfFunds">> {
  sweep: SweepAxis[];
  costOfFunds: number | undefined;
  /** undefined: as many as the run is worth (see population/parallel.ts) */
  workers: number | undefined;
  shard: { index: number; count: number } | null;
  json: boolean;
  csv: string | undefined;
  /** print (or write to `output`) one account as a scenario file instead of simulating the population */
  exportAccount: { index: number; arm: Arm; output: string | undefined } | null;
  flips: string | undefined;
  /** let --flips and --export-account -o replace files already there */
  force: boolean;
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

/** A population without --accounts, --days or --start: the help says these, and simulateOptions reads them. */
const DEFAULT_ACCOUNTS = 1000;
const DEFAULT_DAYS = 365;
const DEFAULT_START = "2024-01-01";

const options = () => ({
  accounts: wholeNumber("--accounts <n>", `accounts in the population (default ${DEFAULT_ACCOUNTS})`, {
    min: 1,
    max: MAX_ACCOUNTS,
  }),
  days: wholeNumber("--days <n>", `simulated days per account (default ${DEFAULT_DAYS})`, {
    min: 1,
    max: MAX_DAY,
  }),
  seed: wholeNumber("--seed <n>", "population seed, a whole number within ±(2^53 − 1) (default 1)", {
    min: -MAX_SEED,
    max: MAX_SEED,
  }),
  start: text("--start <date>", `calendar date of day 0 (default ${DEFAULT_START})`),
  policy: policyRef("--policy <name|file>", "the (champion) policy (default: default)"),
  challenger: policyRef(
    "--challenger <name|file>",
    "run the same accounts under this policy too and compare",
  ),
  // a day of the run and an account of the population: read once --days and --accounts are
  challengerFrom: wholeNumberLater(
    "--challenger-from <n|date>",
    "the challenger takes over on this day (a policy change): its number (from --start) or its date",
  ),
  challengerSet: repeatable(
    "--challenger-set <name=value>",
    "a challenger policy parameter (on --challenger, or on --policy), e.g. minScore=650; repeat it or comma-separate for several",
  ),
  sweep: repeatable(
    "--sweep <param=from..to:step>",
    "run every value of a policy parameter as a variant on the same accounts, e.g. minOpenScore=600..700:20; repeat it for a grid",
  ),
  bad: text("--bad <definition>", `when an account is bad: ${BAD_DEFINITIONS.join(", ")} (default ever90)`),
  scoreDay: wholeNumberLater(
    "--score-day <n|date>",
    `the day (its number from --start, or its date) whose score Gini and KS rank against later bad, on the accounts booked by then (default ${DEFAULT_SCORE_DAY}, or the last day of a shorter run)`,
  ),
  costOfFunds: text("--cost-of-funds <rate>", "annual cost of funds on balances, e.g. 0.035 (the default)"),
  stress: wholeNumberLater(
    "--stress <n|date>",
    "a 2020-like shock from this day (its number from --start, or its date): incomes fall and spells of hardship rise (the same draws under every policy)",
  ),
  workers: wholeNumber(
    "--workers <n>",
    `worker threads (default: cores; 1 below 4 M account-days, both policies counted, where threads cost more than they save); ${workersHelp()}`,
    { min: 1 },
  ),
  shard: text(
    "--shard <i/n|auto|auto/n>",
    "simulate only shard i of n (combine the --json outputs with `merge`); auto: from CI_NODE_INDEX/CI_NODE_TOTAL (GitLab) or JOB_COMPLETION_INDEX with auto/n (Kubernetes)",
  ),
  json: flag("--json", "the mergeable result document as JSON"),
  csv: outputPath(
    "--csv <file>",
    "one row per account (- for standard output; the report then goes to stderr)",
  ),
  exportAccount: wholeNumberLater(
    "--export-account <n>",
    "print account n as a scenario file instead (the population's own options pick it; not with --json, --csv, --html, --flips, --shard or --workers)",
  ),
  arm: text(
    "--arm <champion|challenger|n>",
    "with --export-account: which policy arm (n: a sweep's variant n)",
  ),
  output: outputPath(
    "-o, --output <file>",
    "with --export-account: write to this file (- for standard output)",
  ),
  flips: outputPath(
    "--flips <dir>",
    "export flipped accounts as scenario files: the largest groups' examples, by the rule that flipped them",
  ),
  force: flag(
    "--force",
    "let --csv, --html, --flips and --export-account -o replace files already there that credit-sim did not write",
  ),
  progress: flag("--no-progress", "no progress bar (it shows only on a terminal)"),
  chart: flag(
    "--no-chart",
    "leave out the charts (the score over time, a sweep's approval against bad rate)",
  ),
  color: noColor(),
  html: outputPath(
    "--html <file>",
    "also write the report as a self-contained HTML page (- for standard output)",
  ),
  wide: flag("--wide", "do not fit the output to the terminal's width"),
});

type RawSimulateOptions = RawOptions<ReturnType<typeof options>>;

/** The options only a population run reads, and why each has nothing to do beside --export-account:
 *  what it asks for would not happen. The population's own arguments (what the report's export hint
 *  repeats: accounts, days, seed, start, policies, sweep, bad, score day, stress, cost of funds) pick the
 *  account and its arm, and stay; so do --no-progress, --no-chart, --no-color and --wide, whose wish the
 *  export keeps as it is (no bar, no chart, no colour, a file never fitted to the terminal) — scripts give
 *  them to every run. */
const POPULATION_ONLY: Partial<Record<keyof RawSimulateOptions, string>> = {
  json: "has nothing to write (it prints the population's result document)",
  csv: "has nothing to write (it writes a row per account of the population)",
  html: "has nothing to write (it writes the population's report page)",
  flips: "has nothing to write (it exports the accounts two policies decide differently)",
  shard: "has no population to split (the account is exported whichever shard would run it)",
  workers: "has no population to spread over threads (one account runs alone)",
};

/** What the options are checked with: every problem told at once (`c`), and whether an option was given. */
interface Reading {
  raw: RawSimulateOptions;
  ctx: ParseContext;
  c: Checks;
  /** its value was refused at parse (its problem is told): given, but not known */
  refused: (key: keyof RawSimulateOptions) => boolean;
  /** given, its value read or refused: what needs it is not told it is missing */
  given: (key: keyof RawSimulateOptions) => boolean;
}

function simulateOptions(raw: RawSimulateOptions, ctx: ParseContext): SimulateOptions {
  const refused = (key: keyof RawSimulateOptions) => ctx.refused?.has(key) === true;
  const r: Reading = {
    raw,
    ctx,
    c: new Checks(),
    refused,
    given: (key) => raw[key] !== undefined || refused(key),
  };
  // each step tells its problems in the order the options are checked, all said at once (c.done)
  const span = runSpan(r);
  const challenger = challengerOf(r, span);
  calendarFits(r, span);
  const seed = seedOf(r);
  if (raw.csv === "-" && raw.json === true)
    r.c.tell(
      new UsageError("--csv - and --json both write to standard output", "send one of them to a file"),
    );
  const sweep = sweepOf(r, challenger.hasChallenger);
  const bad = badOf(r);
  const costOfFunds = costOfFundsOf(r);
  const exportAccount = exportOf(r, span, challenger.hasChallenger, sweep);
  flipsAndForce(r, challenger.hasChallenger, sweep);
  const how = howItRuns(r, span);
  r.c.done();
  return {
    accounts: span.accounts,
    days: span.days,
    seed,
    start: span.start,
    policy: raw.policy ?? "default",
    challenger: raw.challenger,
    challengerFrom: challenger.from,
    challengerSet: challenger.set,
    sweep: sweep.axes,
    bad: bad as BadDefinition,
    scoreDay: how.scoreDay,
    costOfFunds,
    stress: how.stress,
    workers: how.workers,
    shard: how.shard,
    json: raw.json === true,
    csv: raw.csv,
    exportAccount,
    flips: raw.flips,
    force: raw.force === true,
    progress: raw.progress !== false,
    chart: raw.chart !== false,
    color: raw.color !== false,
    html: raw.html,
    wide: raw.wide === true,
    populationArgs: populationArgs(raw),
  };
}

/** The population's size and span: --accounts, --days and --start, each read (`…Read`: undefined when
 *  refused at parse or out of range — a value others are checked against is known only when read). */
interface RunSpan {
  accounts: number;
  accountsRead: number | undefined;
  days: number;
  daysRead: number | undefined;
  start: string;
  startDay: number | undefined;
  /** a day of the run, its number or its date: within --days when it is known, else at least a day */
  dayOfRun: (flag: string, text: string) => number;
}

function runSpan({ raw, c, refused }: Reading): RunSpan {
  const accountsRead = refused("accounts")
    ? undefined
    : c.known(() => checkRange("--accounts", raw.accounts ?? DEFAULT_ACCOUNTS, 1, MAX_ACCOUNTS));
  const daysRead = refused("days")
    ? undefined
    : c.known(() => checkRange("--days", raw.days ?? DEFAULT_DAYS, 1, MAX_DAY));
  const days = daysRead ?? DEFAULT_DAYS;
  const start = raw.start ?? DEFAULT_START;
  const startDay = c.known(() => readDate("--start", start, "a date as YYYY-MM-DD (2024-01-01)"));
  return {
    accounts: accountsRead ?? DEFAULT_ACCOUNTS,
    accountsRead,
    days,
    daysRead,
    start,
    startDay,
    dayOfRun: (flag, text) => {
      // a number or a date, read as every option that takes a day reads one; a date counted from --start
      const asked = readDayOrDate(flag, text, daysRead === undefined ? undefined : days - 1);
      if ("day" in asked) return asked.day;
      if (startDay === undefined || daysRead === undefined) return 0; // (--start or --days refused: told)
      return dayInSpan(flag, asked, { start, last: days - 1, of: "the run" });
    },
  };
}

/** The challenger: its day, its parameters, and whether one was asked for (a --challenger-set that cannot
 *  be read was still a challenger asked for). */
function challengerOf(
  { raw, c }: Reading,
  span: RunSpan,
): { from: number; set: SimulateOptions["challengerSet"]; hasChallenger: boolean } {
  const from =
    raw.challengerFrom === undefined
      ? 0
      : c.value(() => span.dayOfRun("--challenger-from", raw.challengerFrom!), 0);
  if (
    raw.challengerFrom !== undefined &&
    raw.challenger === undefined &&
    raw.challengerSet === undefined &&
    raw.sweep === undefined
  ) {
    c.tell(
      new UsageError(
        "--challenger-from needs --challenger, --challenger-set or --sweep",
        "e.g. --challenger tightened --challenger-from 180",
      ),
    );
  }
  const setRead = c.known(() => parseChallengerSet(raw.challengerSet ?? []));
  const set = setRead ?? {};
  const hasChallenger = raw.challenger !== undefined || Object.keys(set).length > 0 || setRead === undefined;
  return { from, set, hasChallenger };
}

/** The run ends by the calendar's last day. */
function calendarFits({ c }: Reading, { startDay, daysRead, days, start }: RunSpan): void {
  const lastDate = parseIsoDate("9999-12-31") ?? 0;
  if (startDay !== undefined && daysRead !== undefined && startDay + days - 1 > lastDate)
    c.tell(
      new InputError("--start and --days run past the year 9999", {
        expected: `at most ${grouped(lastDate - startDay + 1)} day${lastDate === startDay ? "" : "s"} from ${start} (the calendar ends on 9999-12-31)`,
        found: `--days ${days}`,
        hint: "start earlier, or simulate fewer days",
      }),
    );
}

function seedOf({ raw, c }: Reading): number {
  const seed = raw.seed ?? 1;
  // the same bound as a merged document's meta: beyond 2^53, two seeds would be one
  if (!isSeed(seed))
    c.tell(
      new UsageError(`--seed must be a whole number from -${MAX_SEED} to ${MAX_SEED}`, `found ${raw.seed}`),
    );
  return seed;
}

/** The sweep's axes and its number of variants (`…Read`: undefined when a --sweep could not be read). */
interface SweepRead {
  axes: SweepAxis[];
  axesRead: SweepAxis[] | undefined;
  variants: number;
  variantsRead: number | undefined;
}

function sweepOf({ raw, c }: Reading, hasChallenger: boolean): SweepRead {
  const axesRead = c.known(() => InputError.each(raw.sweep ?? [], parseSweep));
  const axes = axesRead ?? [];
  const params = axes.map((a) => a.param);
  const twice = params.find((p, i) => params.indexOf(p) !== i);
  if (twice)
    c.tell(new UsageError(`--sweep ${twice} is given twice`, "one --sweep per parameter; they make a grid"));
  // the number of variants, when every --sweep was read, each parameter once (twice, it makes no grid to count)
  const variantsRead =
    axesRead === undefined || twice !== undefined
      ? undefined
      : axes.reduce((n, a) => n * a.values.length, axes.length > 0 ? 1 : 0);
  const variants = variantsRead ?? 0;
  if (variants > MAX_VARIANTS)
    c.tell(
      new UsageError(
        `--sweep: ${variants} variants in the grid, more than ${MAX_VARIANTS}`,
        "use larger steps or fewer parameters",
      ),
    );
  if (raw.sweep !== undefined && hasChallenger)
    c.tell(
      new UsageError(
        "--sweep runs variants of --policy: it cannot be combined with --challenger or --challenger-set",
      ),
    );
  return { axes, axesRead, variants, variantsRead };
}

function badOf({ raw, c }: Reading): string {
  const bad = raw.bad ?? "ever90";
  if (!(BAD_DEFINITIONS as readonly string[]).includes(bad)) {
    const guess = suggest(bad, [...BAD_DEFINITIONS]);
    c.tell(
      new InputError(`--bad: ${quoted(bad)} is no definition of a bad account`, {
        expected: `one of ${BAD_DEFINITIONS.join(", ")}`,
        found: quoted(bad),
        ...(guess ? { hint: `did you mean "${guess}"?` } : {}),
      }),
    );
  }
  return bad;
}

/** A rate written in decimal: Number() reads "" and " " as 0 (an unset shell variable left profit without
 *  its funding cost) and "0b1" as 1. */
function costOfFundsOf({ raw, c }: Reading): number | undefined {
  if (raw.costOfFunds === undefined) return undefined;
  return c.value(
    () =>
      readNumber(
        "--cost-of-funds",
        raw.costOfFunds!,
        { min: 0, max: 1, whole: false },
        "an annual rate, e.g. 0.035",
      ),
    undefined,
  );
}

/** The account to export and its arm; what only a population run reads refused beside it, and what only
 *  the export reads refused without it. */
function exportOf(
  { raw, c }: Reading,
  span: RunSpan,
  hasChallenger: boolean,
  sweep: SweepRead,
): SimulateOptions["exportAccount"] {
  if (raw.exportAccount === undefined) {
    if (raw.output !== undefined || raw.arm !== undefined) {
      // what only the export reads is refused without it, not dropped in silence
      const listed = [
        ...(raw.output !== undefined ? ["-o/--output"] : []),
        ...(raw.arm !== undefined ? ["--arm"] : []),
      ];
      c.tell(
        new UsageError(
          `${listed.join(" and ")} ${listed.length === 1 ? "goes" : "go"} with --export-account`,
          `e.g. --export-account 42 ${raw.arm !== undefined ? `--arm ${shellWord(raw.arm)} ` : ""}-o account-42.yaml`,
        ),
      );
    }
    return null;
  }
  const index = c.value(
    () =>
      readWhole("--export-account", raw.exportAccount!, {
        min: 0,
        ...(span.accountsRead === undefined ? {} : { max: span.accounts - 1 }),
      }),
    0,
  );
  const name = raw.arm ?? "champion";
  const { axes, axesRead, variants, variantsRead } = sweep;
  const arm = c.value<Arm>(() => {
    if (name === "champion") return 0;
    if (name === "challenger") {
      if (!hasChallenger)
        throw new UsageError(
          "--arm challenger needs --challenger",
          // the account is the run's: its challenger is the one the population ran with, given again
          "add the --challenger POLICY or --challenger-set PARAM=VALUE the population ran with",
        );
      return 1;
    }
    if (/^\d+$/.test(name) && axes.length > 0)
      return variantsRead === undefined ? 1 : checkRange("--arm", Number(name), 1, variants);
    // a variant's number of a --sweep that could not be read is not told wrong again
    if (/^\d+$/.test(name) && axesRead === undefined) return 1;
    throw new InputError(`--arm: ${quoted(name)} is no arm of the run`, {
      expected:
        axes.length > 0
          ? `champion, or a sweep's variant number, 1…${variants}`
          : "champion, challenger (with --challenger), or a sweep's variant number (with --sweep)",
      found: quoted(name),
    });
  }, 0);
  // what only a population run reads — its outputs, how it runs and how its report looks — does
  // nothing here: refused, each with why
  c.check(() =>
    refuseGiven(
      options(),
      raw,
      POPULATION_ONLY,
      (flag, why) =>
        new UsageError(
          `--export-account writes one scenario file: ${flag} ${why}`,
          "leave it out, or run the population without --export-account",
        ),
    ),
  );
  return { index, arm, output: raw.output };
}

/** --flips names a folder, of the accounts two arms decide differently; --force goes with a file to replace. */
function flipsAndForce(
  { raw, c, given, refused }: Reading,
  hasChallenger: boolean,
  { variants, variantsRead }: SweepRead,
): void {
  if (raw.flips === "-")
    c.tell(
      new UsageError(
        "--flips names a folder: standard output cannot hold scenario files",
        "e.g. --flips flips/",
      ),
    );
  // flips are the accounts two arms decide differently: a challenger, or a sweep's neighbouring variants
  if (raw.flips !== undefined && !hasChallenger && variantsRead !== undefined && variants < 2)
    c.tell(
      new UsageError(
        "--flips needs --challenger, --challenger-set or a --sweep of two or more variants",
        variants === 1
          ? "found one variant: flips compare neighbouring variants"
          : "one policy decides alone: nothing flips; e.g. --challenger tightened",
      ),
    );
  if (
    raw.force === true &&
    !given("flips") &&
    (raw.csv === undefined || raw.csv === "-") &&
    (raw.html === undefined || raw.html === "-") &&
    !refused("output") &&
    (raw.output === undefined || raw.output === "-")
  )
    c.tell(
      new UsageError(
        "--force goes with --csv FILE, --html FILE, --flips DIR or --export-account N -o FILE",
        "it lets them replace files already there",
      ),
    );
}

/** The score day, the stress, the threads and the shard. */
function howItRuns(
  { raw, c, ctx }: Reading,
  span: RunSpan,
): Pick<SimulateOptions, "scoreDay" | "stress" | "workers" | "shard"> {
  const scoreDay =
    raw.scoreDay === undefined
      ? Math.min(DEFAULT_SCORE_DAY, span.days - 1)
      : c.value(() => span.dayOfRun("--score-day", raw.scoreDay!), 0);
  const stress =
    raw.stress === undefined ? null : c.value(() => span.dayOfRun("--stress", raw.stress!), null);
  // more threads than cores only compete for them: clamped (said in --help)
  const workers =
    raw.workers === undefined
      ? undefined
      : c.value(() => clampWorkers(inRange("--workers", raw.workers!, { min: 1 })), undefined);
  const shard =
    raw.shard === undefined
      ? null
      : c.value(
          () => (raw.shard!.startsWith("auto") ? autoShard(raw.shard!, ctx.env) : parseShard(raw.shard!)),
          null,
        );
  return { scoreDay, stress, workers, shard };
}

/** The population's own arguments as the user gave them (what an `--export-account` hint repeats), each
 *  value a shell word: a policy file's name may hold a space, a quote or `$(…)`. */
function populationArgs(raw: RawSimulateOptions): string[] {
  const parts: string[] = [];
  const arg = (flag: string, value: string | number) => parts.push(`${flag} ${shellWord(String(value))}`);
  if (raw.accounts !== undefined) arg("--accounts", raw.accounts);
  if (raw.days !== undefined) arg("--days", raw.days);
  if (raw.seed !== undefined) arg("--seed", raw.seed);
  if (raw.start !== undefined) arg("--start", raw.start);
  if (raw.policy !== undefined) arg("--policy", raw.policy);
  if (raw.challenger !== undefined) arg("--challenger", raw.challenger);
  if (raw.challengerFrom !== undefined) arg("--challenger-from", raw.challengerFrom);
  for (const pair of raw.challengerSet ?? []) arg("--challenger-set", pair);
  for (const axis of raw.sweep ?? []) arg("--sweep", axis);
  if (raw.bad !== undefined) arg("--bad", raw.bad);
  if (raw.scoreDay !== undefined) arg("--score-day", raw.scoreDay);
  if (raw.stress !== undefined) arg("--stress", raw.stress);
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
    "  credit-sim simulate --accounts 20000 --challenger-set minScore=700 --challenger-from 90   # a regulator's new minimum",
    "  credit-sim simulate --accounts 20000 --sweep minOpenScore=760..880:40   # a frontier: approval vs bad rate",
    "  credit-sim simulate --accounts 20000 --sweep minScore=600..660:20 --sweep maxApplications30d=2..4:1",
    "  credit-sim simulate --accounts 100000 --shard 1/3 --json > shard-1.json   # then: credit-sim merge shard-*.json",
    "  credit-sim simulate --accounts 100000 --shard auto --json > shard.json   # GitLab parallel / Kubernetes auto/N",
    "  credit-sim simulate --export-account 42 -o account-42.yaml && credit-sim run account-42.yaml",
    "  credit-sim simulate --accounts 20000 --challenger tightened --html population.html",
  ),
  read: ([personas], raw, ctx) => ({
    command: "simulate",
    personas: list(personas),
    options: simulateOptions(raw, ctx),
  }),
};

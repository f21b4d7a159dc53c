// Runs a contiguous range of account indices through the engine and folds the outcomes. Pure (engine,
// generator, aggregates): the same range gives the same result in a worker, in-process or on another
// machine, which is what makes workers and shards interchangeable.

import { run } from "../engine/simulate.js";
import {
  type ArmAggregate,
  addOutcome,
  emptyArm,
  mergeArm,
  mergePaired,
  type Outcome,
  OutcomeRecorder,
  outcomeClass,
  type Paired,
  PairedAccumulator,
} from "./aggregate.js";
import {
  challengerScenario,
  generateAccount,
  generationContext,
  type PopulationSettings,
} from "./generate.js";
import type { Persona } from "./persona.js";
import { cumulativeShares, pickPersona } from "./random.js";

export interface FlipRow {
  index: number;
  persona: string;
  champion: string;
  challenger: string;
}

/** The aggregates of a range of accounts: per persona (in the population's persona order). */
export interface RangeResult {
  from: number;
  to: number;
  champion: ArmAggregate[];
  challenger: ArmAggregate[] | null;
  paired: Paired[] | null;
  /** the first flipped accounts of the range, by index (at most `flipSample`) */
  flips: FlipRow[];
  /** one CSV line per account (when asked) */
  csv: string;
}

export interface RangeOptions {
  csv?: boolean;
  flipSample?: number;
}

export const FLIP_SAMPLE = 20;

/** The persona of every account: fixed by (seed, index) and the persona shares. */
export function personaIndexOf(settings: PopulationSettings, personas: readonly Persona[], index: number) {
  return pickPersona(settings.seed, index, cumulativeShares(personas.map((p) => p.share)));
}

export function runRange(
  settings: PopulationSettings,
  personas: readonly Persona[],
  from: number,
  to: number,
  options: RangeOptions = {},
): RangeResult {
  const ctx = generationContext(settings);
  const cumulative = cumulativeShares(personas.map((p) => p.share));
  const withChallenger = settings.challenger !== null;
  const champion = personas.map(() => emptyArm(settings.days));
  const challenger = withChallenger ? personas.map(() => emptyArm(settings.days)) : null;
  const paired = withChallenger ? personas.map(() => new PairedAccumulator()) : null;
  const flips: FlipRow[] = [];
  const flipSample = options.flipSample ?? FLIP_SAMPLE;
  const csv: string[] = [];
  const recA = new OutcomeRecorder();
  const recB = new OutcomeRecorder();
  for (let index = from; index < to; index++) {
    const k = pickPersona(settings.seed, index, cumulative);
    const persona = personas[k]!;
    const scenario = generateAccount(ctx, persona, index);
    const a = runOutcome(scenario, recA);
    addOutcome(champion[k]!, a);
    let b: Outcome | null = null;
    if (challenger && paired) {
      b = runOutcome(challengerScenario(ctx, scenario), recB);
      addOutcome(challenger[k]!, b);
      if (paired[k]!.add(a, b) && flips.length < flipSample) {
        flips.push({ index, persona: persona.name, champion: outcomeClass(a), challenger: outcomeClass(b) });
      }
    }
    if (options.csv) csv.push(csvRow(index, persona.name, a, b));
  }
  return {
    from,
    to,
    champion,
    challenger,
    paired: paired ? paired.map((p) => p.result()) : null,
    flips,
    csv: csv.length ? `${csv.join("\n")}\n` : "",
  };
}

function runOutcome(scenario: Parameters<typeof run>[0], rec: OutcomeRecorder): Outcome {
  rec.reset(scenario.until);
  run(scenario, rec);
  return rec.finish();
}

/** Runs one account and returns its outcome(s): what `--export-account` checks the export against. */
export function accountOutcome(
  settings: PopulationSettings,
  personas: readonly Persona[],
  index: number,
): { persona: Persona; champion: Outcome; challenger: Outcome | null } {
  const ctx = generationContext(settings);
  const persona = personas[personaIndexOf(settings, personas, index)]!;
  const scenario = generateAccount(ctx, persona, index);
  const champion = runOutcome(scenario, new OutcomeRecorder());
  const challenger = settings.challenger
    ? runOutcome(challengerScenario(ctx, scenario), new OutcomeRecorder())
    : null;
  return { persona, champion, challenger };
}

/** Folds `b` into `a` — mutating a's aggregates — and returns the whole (a is the earlier range: flips
 *  keep index order). */
export function mergeRange(a: RangeResult, b: RangeResult, flipSample = FLIP_SAMPLE): RangeResult {
  mergeArms(a.champion, b.champion);
  if (a.challenger && b.challenger) mergeArms(a.challenger, b.challenger);
  if (a.paired && b.paired) for (let i = 0; i < a.paired.length; i++) mergePaired(a.paired[i]!, b.paired[i]!);
  return {
    ...a,
    to: b.to,
    flips: [...a.flips, ...b.flips].slice(0, flipSample),
    csv: a.csv + b.csv,
  };
}

/** a[i] += b[i] for every persona */
export function mergeArms(a: ArmAggregate[], b: ArmAggregate[]): void {
  for (let i = 0; i < a.length; i++) mergeArm(a[i]!, b[i]!);
}

export const CSV_FIELDS = [
  "opened",
  "open_limit",
  "suspensions",
  "suspended_causes",
  "restore_days",
  "closed",
  "status",
  "cause",
  "score",
  "limit",
  "balance",
  "overdue",
  "charges",
  "outcome",
] as const;

export function csvHeader(withChallenger: boolean): string {
  const base = ["index", "persona", ...CSV_FIELDS];
  const extra = withChallenger ? [...CSV_FIELDS.map((f) => `challenger_${f}`), "flipped"] : [];
  return `${[...base, ...extra].join(",")}\n`;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

function csvFields(o: Outcome): string[] {
  const causes = (["credit", "security", "policy"] as const).filter((_, i) => o.causes & (1 << i)).join("|");
  return [
    o.opened ? "1" : "0",
    yuan(o.openLimit),
    String(o.suspensions),
    causes,
    o.restoreDays >= 0 ? String(o.restoreDays) : "",
    o.closed ? "1" : "0",
    o.finalStatus,
    o.finalCause ?? "",
    String(o.finalScore),
    yuan(o.finalLimit),
    yuan(o.balance),
    yuan(o.overdue),
    yuan(o.charges),
    outcomeClass(o),
  ];
}

function csvRow(index: number, persona: string, a: Outcome, b: Outcome | null): string {
  const cells = [String(index), persona, ...csvFields(a)];
  if (b) cells.push(...csvFields(b), outcomeClass(a) === outcomeClass(b) ? "0" : "1");
  return cells.join(",");
}

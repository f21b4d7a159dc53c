// Runs a contiguous range of account indices through the engine and folds the outcomes. Pure (engine,
// generator, aggregates): the same range gives the same result in a worker, in-process or on another
// machine, which is what makes workers and shards interchangeable.

import { run } from "../engine/index.js";
import {
  type ArmAggregate,
  addOutcome,
  CAUSES,
  causeBit,
  emptyArm,
  mergeArm,
  type Outcome,
  OutcomeRecorder,
  outcomeClass,
} from "./aggregate.js";
import {
  challengerScenario,
  type GenerationContext,
  generateAccount,
  generationContext,
  type PopulationSettings,
} from "./generate.js";
import { mergePaired, type Paired, PairedAccumulator } from "./paired.js";
import type { Persona } from "./persona.js";
import { cumulativeShares, pickPersona } from "./random.js";

export interface FlipRow {
  index: number;
  persona: string;
  champion: string;
  challenger: string;
}

/** The aggregates of a range of accounts: per persona (in the population's persona order). */
export interface RangeResult extends RangeTotals, RangeOrdered {
  from: number;
  to: number;
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

/** The order-free part of a range's result: sums and histograms, per persona. */
export interface RangeTotals {
  champion: ArmAggregate[];
  challenger: ArmAggregate[] | null;
  paired: Paired[] | null;
}

/** The ordered part: what must come out in account-index order. */
export interface RangeOrdered {
  /** the first flipped accounts, by index (at most `flipSample`) */
  flips: FlipRow[];
  /** one CSV line per account (when asked) */
  csv: string;
}

/**
 * Runs ranges of accounts and adds their outcomes into one set of totals. A worker keeps one for its
 * whole share of the population and hands back only the ordered part per range (progress, flips, CSV):
 * the totals are whole-number sums, which do not depend on the order ranges are added in (the one keyed
 * object, the flip counts, is sorted wherever it is written), and the histograms need not be cloned
 * across threads for every range.
 */
export class RangeRunner {
  private readonly ctx: GenerationContext;
  private readonly cumulative: number[];
  private readonly champion: ArmAggregate[];
  private readonly challenger: ArmAggregate[] | null;
  private readonly paired: PairedAccumulator[] | null;
  private readonly recA = new OutcomeRecorder();
  private readonly recB = new OutcomeRecorder();

  constructor(
    private readonly settings: PopulationSettings,
    private readonly personas: readonly Persona[],
    private readonly options: RangeOptions = {},
  ) {
    this.ctx = generationContext(settings);
    this.cumulative = cumulativeShares(personas.map((p) => p.share));
    const withChallenger = settings.challenger !== null;
    this.champion = personas.map(() => emptyArm(settings.days));
    this.challenger = withChallenger ? personas.map(() => emptyArm(settings.days)) : null;
    this.paired = withChallenger ? personas.map(() => new PairedAccumulator()) : null;
  }

  /** Adds accounts [from, to) to the totals; returns their flips and CSV lines. */
  run(from: number, to: number): RangeOrdered {
    const { settings, personas, ctx, champion, challenger, paired } = this;
    const flips: FlipRow[] = [];
    const flipSample = this.options.flipSample ?? FLIP_SAMPLE;
    const csv: string[] = [];
    for (let index = from; index < to; index++) {
      const k = pickPersona(settings.seed, index, this.cumulative);
      const persona = personas[k]!;
      const scenario = generateAccount(ctx, persona, index);
      const a = runOutcome(scenario, this.recA);
      addOutcome(champion[k]!, a);
      let b: Outcome | null = null;
      if (challenger && paired) {
        b = runOutcome(challengerScenario(ctx, scenario), this.recB);
        addOutcome(challenger[k]!, b);
        if (paired[k]!.add(a, b) && flips.length < flipSample) {
          flips.push({
            index,
            persona: persona.name,
            champion: outcomeClass(a),
            challenger: outcomeClass(b),
          });
        }
      }
      if (this.options.csv) csv.push(csvRow(index, persona.name, a, b));
    }
    return { flips, csv: csv.length ? `${csv.join("\n")}\n` : "" };
  }

  /** The totals of every range run so far: the runner's own objects, to take once it is done. */
  totals(): RangeTotals {
    return {
      champion: this.champion,
      challenger: this.challenger,
      paired: this.paired ? this.paired.map((p) => p.result()) : null,
    };
  }
}

export function runRange(
  settings: PopulationSettings,
  personas: readonly Persona[],
  from: number,
  to: number,
  options: RangeOptions = {},
): RangeResult {
  const runner = new RangeRunner(settings, personas, options);
  const ordered = runner.run(from, to);
  return { from, to, ...runner.totals(), ...ordered };
}

function runOutcome(scenario: Parameters<typeof run>[0], rec: OutcomeRecorder): Outcome {
  rec.reset(scenario.until);
  run(scenario, rec);
  return rec.finish();
}

/** a += b: totals are sums, so any order of folding gives the same sums. */
export function mergeTotals(a: RangeTotals, b: RangeTotals): void {
  mergeArms(a.champion, b.champion);
  if (a.challenger && b.challenger) mergeArms(a.challenger, b.challenger);
  if (a.paired && b.paired) for (let i = 0; i < a.paired.length; i++) mergePaired(a.paired[i]!, b.paired[i]!);
}

/** a[i] += b[i] for every persona */
export function mergeArms(a: ArmAggregate[], b: ArmAggregate[]): void {
  for (let i = 0; i < a.length; i++) mergeArm(a[i]!, b[i]!);
}

const CSV_FIELDS = [
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
  const causes = CAUSES.filter((c) => o.causes & causeBit(c)).join("|");
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

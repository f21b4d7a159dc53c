// Runs a contiguous range of account indices through the arms and folds the outcomes. Pure (agents,
// engine, aggregates): the same range gives the same result in a worker, in-process or on another
// machine, which is what makes workers and shards interchangeable.

import { CAUSES } from "../engine/index.js";
import { AccountRunner, type LaneResult } from "./account.js";
import { reactionsOf } from "./agent.js";
import { type ArmAggregate, addOutcome, emptyArm, inScoreSample, mergeArm } from "./aggregate.js";
import {
  addFlip,
  emptyPairFlips,
  firstDifference,
  flipLabel,
  mergePairFlips,
  type PairFlips,
} from "./flips.js";
import { balanceDays, type FundingDays, fundingCost, fundingDays } from "./funding.js";
import { causeBit, lineRevenue, type Outcome, outcomeClass } from "./outcome.js";
import { mergePaired, type Paired, PairedAccumulator } from "./paired.js";
import type { Persona } from "./persona.js";
import { cumulativeShares, pickPersona } from "./random.js";
import { type PopulationContext, type PopulationSettings, populationContext } from "./settings.js";
import { VintageClock } from "./vintage.js";

export interface FlipRow {
  index: number;
  persona: string;
  champion: string;
  challenger: string;
}

/** The aggregates of a range of accounts: per arm and persona (in the population's persona order). */
export interface RangeResult extends RangeTotals, RangeOrdered {
  from: number;
  to: number;
}

export interface RangeOptions {
  csv?: boolean;
  /** the annual cost-of-funds rate the CSV's `funding` charges (absent: 0) */
  costOfFunds?: number;
  flipSample?: number;
}

export const FLIP_SAMPLE = 20;

/** The persona of every account: fixed by (seed, index) and the persona shares. */
export function personaIndexOf(settings: PopulationSettings, personas: readonly Persona[], index: number) {
  return pickPersona(settings.seed, index, cumulativeShares(personas.map((p) => p.share)));
}

/** The order-free part of a range's result: sums and histograms. */
export interface RangeTotals {
  /** [arm][persona] */
  arms: ArmAggregate[][];
  /** champion/challenger, per persona: paired differences (two arms only) */
  paired: Paired[] | null;
  /** per compared pair of arms (settings.compare): the decisions that first differ, grouped */
  decisionFlips: PairFlips[];
}

/** The ordered part: what must come out in account-index order. */
export interface RangeOrdered {
  /** the first accounts whose outcome flips between the two arms, by index (at most `flipSample`) */
  flips: FlipRow[];
  /** the CSV lines of the accounts (when asked): one per account and arm */
  csv: string;
}

/**
 * Runs ranges of accounts and adds their outcomes into one set of totals. A worker keeps one for its
 * whole share of the population and hands back only the ordered part per range (progress, flips, CSV):
 * the totals are whole-number sums, which do not depend on the order ranges are added in.
 */
export class RangeRunner {
  private readonly ctx: PopulationContext;
  private readonly cumulative: number[];
  private readonly account: AccountRunner;
  private readonly reactions;
  private readonly arms: ArmAggregate[][];
  private readonly vintage: VintageClock;
  private readonly paired: PairedAccumulator[] | null;
  private readonly decisionFlips: PairFlips[];
  private readonly csvContext: CsvContext;

  constructor(
    private readonly settings: PopulationSettings,
    private readonly personas: readonly Persona[],
    private readonly options: RangeOptions = {},
  ) {
    this.ctx = populationContext(settings);
    this.cumulative = cumulativeShares(personas.map((p) => p.share));
    this.account = new AccountRunner(this.ctx, { notes: settings.compare.length > 0 });
    this.reactions = personas.map(reactionsOf);
    const months = this.ctx.monthEnds.length;
    this.vintage = new VintageClock(this.ctx.calendar, settings.days);
    const quarters = this.vintage.quarters.length;
    this.arms = this.ctx.armPolicies.map(() => personas.map(() => emptyArm(settings.days, months, quarters)));
    this.paired = this.arms.length === 2 ? personas.map(() => new PairedAccumulator()) : null;
    this.decisionFlips = settings.compare.map(([a, b]) => emptyPairFlips(a, b));
    this.csvContext = {
      scoreDay: settings.scoreDay,
      funded: fundingDays(this.ctx.monthEnds, settings.days),
      costOfFunds: options.costOfFunds ?? 0,
    };
  }

  /** Adds accounts [from, to) to the totals; returns their flips and CSV lines. */
  run(from: number, to: number): RangeOrdered {
    const { settings, personas, arms, paired } = this;
    const flips: FlipRow[] = [];
    const flipSample = this.options.flipSample ?? FLIP_SAMPLE;
    const csv: string[] = [];
    const laneOf: LaneResult[] = new Array(arms.length);
    for (let index = from; index < to; index++) {
      const k = pickPersona(settings.seed, index, this.cumulative);
      const persona = personas[k]!;
      const lanes = this.account.run(persona, this.reactions[k]!, index);
      for (const lane of lanes) {
        for (const m of lane.members) {
          laneOf[m] = lane;
          addOutcome(arms[m]![k]!, lane.outcome, settings.scoreDay, this.vintage);
        }
      }
      if (paired) {
        const a = laneOf[0]!.outcome;
        const b = laneOf[1]!.outcome;
        if (paired[k]!.add(a, b) && flips.length < flipSample)
          flips.push({
            index,
            persona: persona.name,
            champion: outcomeClass(a),
            challenger: outcomeClass(b),
          });
      }
      for (const pair of this.decisionFlips) {
        const la = laneOf[pair.a]!;
        const lb = laneOf[pair.b]!;
        if (la === lb) continue;
        const d = firstDifference(la.notes, lb.notes, la.held, lb.held);
        if (d) addFlip(pair, flipLabel(d), index);
      }
      if (this.options.csv)
        for (let m = 0; m < arms.length; m++)
          csv.push(csvRow(index, persona.name, m, laneOf[m]!.outcome, this.csvContext));
    }
    return { flips, csv: csv.length ? `${csv.join("\n")}\n` : "" };
  }

  /** The totals of every range run so far: the runner's own objects, to take once it is done. */
  totals(): RangeTotals {
    return {
      arms: this.arms,
      paired: this.paired ? this.paired.map((p) => p.result()) : null,
      decisionFlips: this.decisionFlips,
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

/** a += b: totals are sums, so any order of folding gives the same sums. */
export function mergeTotals(a: RangeTotals, b: RangeTotals): void {
  for (let m = 0; m < a.arms.length; m++) mergeArms(a.arms[m]!, b.arms[m]!);
  if (a.paired && b.paired) for (let i = 0; i < a.paired.length; i++) mergePaired(a.paired[i]!, b.paired[i]!);
  for (let i = 0; i < a.decisionFlips.length; i++) mergePairFlips(a.decisionFlips[i]!, b.decisionFlips[i]!);
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
  "bad",
  "revenue",
  "loss",
  "funding",
  "score_day_score",
  "jiebei_opened",
  "jiebei_balance",
  "events",
] as const;

/** One row per account and arm (tidy: a spreadsheet, pandas or DuckDB reads it without reshaping). */
export function csvHeader(): string {
  return `${["index", "persona", "arm", ...CSV_FIELDS].join(",")}\n`;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** What a row needs beyond the account: the score day, and funding as the risk tables charge it. */
interface CsvContext {
  scoreDay: number;
  funded: FundingDays;
  costOfFunds: number;
}

function csvRow(index: number, persona: string, arm: number, o: Outcome, ctx: CsvContext): string {
  const causes = CAUSES.filter((c) => o.causes & causeBit(c)).join("|");
  const [h, j] = o.lines;
  const bad = (h.opened && h.badDay >= 0) || (j.opened && j.badDay >= 0);
  const opened = [h, j].filter((l) => l.opened);
  const earliest = (days: number[]) => (days.length === 0 ? -1 : Math.min(...days));
  const openDay = earliest(opened.map((l) => l.openDay));
  const badDay = earliest(opened.filter((l) => l.badDay >= 0).map((l) => l.badDay));
  // the accounts the Gini and KS read
  const scored = inScoreSample(openDay, badDay, ctx.scoreDay);
  const funded = opened.reduce((t, l) => t + balanceDays(l.monthEnd.balance, l.balanceEnd, ctx.funded), 0);
  const events = o.events.reduce((a, b) => a + b, 0);
  return [
    String(index),
    persona,
    String(arm),
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
    bad ? "1" : "0",
    yuan(lineRevenue(h) + lineRevenue(j)),
    yuan(h.writtenOff - h.recoveries + j.writtenOff - j.recoveries),
    yuan(fundingCost(funded, ctx.costOfFunds)),
    scored ? String(o.scoreAtDay) : "",
    j.opened ? "1" : "0",
    yuan(j.balanceEnd),
    String(events),
  ].join(",");
}

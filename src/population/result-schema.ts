// What `merge` accepts: a `simulate --json` document, every field checked. Counts and sums are
// non-negative whole numbers; each histogram has exactly the bins the population's horizon gives it
// (a histogram of 10⁹ bins is refused before anything is allocated); the arms, pairs and flips agree with
// the personas and the range. Types come from the schemas: nothing is cast.

import * as z from "zod";
import { MAX_DAY, PolicyOverrides } from "../scenario/schema.js";
import { type ArmAggregate, emptyArm } from "./aggregate.js";
import type { BinaryMetric, ContinuousMetric, Paired } from "./paired.js";
import { FLIP_SAMPLE } from "./runner.js";

export const FORMAT = "credit-sim/population@1";
/** The most accounts a population may have (`simulate --accounts`). */
export const MAX_ACCOUNTS = 100_000_000;
/** The most personas one population mixes. */
export const MAX_PERSONAS = 100;
/** Seeds are whole numbers a double holds exactly: beyond 2^53 two seeds would be one. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
export const MIN_SEED = -Number.MAX_SAFE_INTEGER;

/** A population seed, as every command checks it: a whole number a double holds exactly. */
export const isSeed = (n: number): boolean => Number.isInteger(n) && n >= MIN_SEED && n <= MAX_SEED;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(1000);
const fingerprint = z.string().regex(/^[0-9a-f]{8}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A histogram as written: the bins between the first and last non-zero one. */
const Sparse = z.strictObject({ from: count, length: count, counts: z.array(count) });
type Sparse = z.infer<typeof Sparse>;

const EncodedArm = z.strictObject({
  accounts: count,
  opened: count,
  openLimit: Sparse,
  suspended: count,
  suspendedByCause: Sparse,
  suspensions: count,
  restored: count,
  restoredWithin: count,
  restoreDays: Sparse,
  limitReduced: count,
  closed: count,
  finalStatus: Sparse,
  finalScore: Sparse,
  monthlyScore: Sparse,
  charges: count,
  penalties: count,
  overdueEnd: count,
  overdueAccountsEnd: count,
  balanceEnd: count,
});
type EncodedArm = z.infer<typeof EncodedArm>;

// the written arm and the aggregate have the same fields (a compile error otherwise)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type EncodedArmMatches = Holds<Same<keyof EncodedArm, keyof ArmAggregate>>;

const pair = z.tuple([count, count]);
const moments = z.strictObject({
  sum: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  // Σd² as a decimal string (exact beyond 2^53)
  sumSq: z.string().regex(/^\d{1,60}$/),
});
const EncodedPaired = z.strictObject({
  accounts: count,
  binary: z.strictObject({
    opened: pair,
    suspended: pair,
    suspendedCredit: pair,
    suspendedSecurity: pair,
    suspendedPolicy: pair,
    restored: pair,
    closed: pair,
    overdueAtEnd: pair,
  }),
  continuous: z.strictObject({
    finalScore: moments,
    finalLimit: moments,
    charges: moments,
    overdueEnd: moments,
  }),
  flipped: count,
  flips: z
    .record(shortText, count)
    .refine((r) => Object.keys(r).length <= 1000, "at most 1000 kinds of flip"),
});
type EncodedPaired = z.infer<typeof EncodedPaired>;
// the written pairs name the metrics the aggregates have (a compile error otherwise)
export type EncodedPairedMatches = [
  Holds<Same<keyof EncodedPaired["binary"], BinaryMetric>>,
  Holds<Same<keyof EncodedPaired["continuous"], ContinuousMetric>>,
];

export const Meta = z.strictObject({
  seed: z.number().int().min(MIN_SEED).max(MAX_SEED),
  days: z.number().int().min(1).max(MAX_DAY),
  start: isoDate,
  accounts: z.number().int().min(1).max(MAX_ACCOUNTS),
  range: z.tuple([count, count]),
  personas: z
    .array(z.strictObject({ name: shortText, share: z.number().positive().max(1e9), fingerprint }))
    .min(1)
    .max(MAX_PERSONAS),
  policy: z.strictObject({ name: shortText, ref: shortText, fingerprint }),
  challenger: z
    .strictObject({ name: shortText, ref: shortText, fingerprint, set: PolicyOverrides })
    .nullable(),
  challengerFrom: count,
});
export type Meta = z.infer<typeof Meta>;

const Flip = z.strictObject({ index: count, persona: shortText, champion: shortText, challenger: shortText });

export const Document = z
  .strictObject({
    format: z.literal(FORMAT),
    meta: Meta,
    // derived from the aggregates; recomputed after a merge, so only its shape matters
    summary: z.record(z.string(), z.unknown()),
    aggregates: z.strictObject({
      champion: z.array(EncodedArm).max(MAX_PERSONAS),
      challenger: z.array(EncodedArm).max(MAX_PERSONAS).nullable(),
      paired: z.array(EncodedPaired).max(MAX_PERSONAS).nullable(),
      flips: z.array(Flip).max(FLIP_SAMPLE),
    }),
  })
  .superRefine((d, ctx) => {
    const { meta, aggregates: a } = d;
    // zod runs this even when a bound above failed (a type did not): nothing here may trust a number
    if (!Meta.safeParse(meta).success) return;
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const [from, to] = meta.range;
    if (from > to || to > meta.accounts)
      issue(["meta", "range"], `accounts from..to within 0..${meta.accounts}`);
    if (meta.challengerFrom >= meta.days) issue(["meta", "challengerFrom"], `less than days (${meta.days})`);
    const personas = meta.personas.length;
    const withChallenger = meta.challenger !== null;
    if (a.champion.length !== personas)
      issue(["aggregates", "champion"], `one arm per persona (${personas})`);
    if ((a.challenger === null) === withChallenger)
      issue(["aggregates", "challenger"], withChallenger ? "the challenger's arms" : "null (no challenger)");
    else if (a.challenger && a.challenger.length !== personas)
      issue(["aggregates", "challenger"], `one arm per persona (${personas})`);
    if ((a.paired === null) === withChallenger)
      issue(["aggregates", "paired"], withChallenger ? "the paired differences" : "null (no challenger)");
    else if (a.paired && a.paired.length !== personas)
      issue(["aggregates", "paired"], `one per persona (${personas})`);
    // the bins a histogram has are fixed by the horizon; the accounts add up to the range
    const bins = emptyArm(meta.days);
    const names = new Set(meta.personas.map((p) => p.name));
    for (const [armName, arms] of [
      ["champion", a.champion],
      ["challenger", a.challenger ?? []],
    ] as const) {
      let accounts = 0;
      arms.forEach((arm, i) => {
        accounts += arm.accounts;
        for (const key of HISTOGRAMS) {
          const s = arm[key];
          const want = bins[key].length;
          if (s.length !== want || s.from + s.counts.length > s.length)
            issue(["aggregates", armName, i, key], `a histogram of ${want} bins`);
        }
      });
      if (arms.length > 0 && accounts !== to - from)
        issue(["aggregates", armName], `accounts adding up to the range (${to - from})`);
    }
    d.aggregates.flips.forEach((f, i) => {
      if (f.index < from || f.index >= to || !names.has(f.persona))
        issue(["aggregates", "flips", i], "an account of this range and one of its personas");
    });
  });
export type Document = z.infer<typeof Document>;

const HISTOGRAMS = [
  "openLimit",
  "suspendedByCause",
  "restoreDays",
  "finalStatus",
  "finalScore",
  "monthlyScore",
] as const satisfies ReadonlyArray<keyof EncodedArm>;

function decodeBins(s: Sparse): number[] {
  const out = new Array<number>(s.length).fill(0);
  s.counts.forEach((c, i) => {
    out[s.from + i] = c;
  });
  return out;
}

export function decodeArm(o: EncodedArm): ArmAggregate {
  return {
    accounts: o.accounts,
    opened: o.opened,
    openLimit: decodeBins(o.openLimit),
    suspended: o.suspended,
    suspendedByCause: decodeBins(o.suspendedByCause),
    suspensions: o.suspensions,
    restored: o.restored,
    restoredWithin: o.restoredWithin,
    restoreDays: decodeBins(o.restoreDays),
    limitReduced: o.limitReduced,
    closed: o.closed,
    finalStatus: decodeBins(o.finalStatus),
    finalScore: decodeBins(o.finalScore),
    monthlyScore: decodeBins(o.monthlyScore),
    charges: o.charges,
    penalties: o.penalties,
    overdueEnd: o.overdueEnd,
    overdueAccountsEnd: o.overdueAccountsEnd,
    balanceEnd: o.balanceEnd,
  };
}

export function decodePaired(p: EncodedPaired): Paired {
  return { ...p, flips: { ...p.flips } };
}

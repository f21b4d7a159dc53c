// What `merge` accepts: a `simulate --json` document, every field checked. Counts and sums are
// non-negative whole numbers; each histogram has exactly the bins the population's horizon gives it
// (a histogram of 10⁹ bins is refused before anything is allocated); the arms, pairs and flips agree with
// the personas and the range. Types come from the schemas: nothing is cast.

import * as z from "zod";
import { Calendar, POLICY_PARAMETERS, type PolicyParamName, parseIsoDate } from "../engine/index.js";
import { PolicyOverrides } from "../scenario/schema.js";
import { MAX_DAY } from "../scenario/shape.js";
import type { Holds, Same } from "../shared/type-assert.js";
import { type ArmAggregate, emptyArm } from "./aggregate.js";
import { OUTCOME_CLASSES } from "./outcome.js";
import type { BinaryMetric, ContinuousMetric, Paired } from "./paired.js";
import { PersonaName } from "./persona-schema.js";
import { FLIP_SAMPLE } from "./runner.js";
import { monthEndDays } from "./settings.js";
import { gridPoints, MAX_VARIANTS, neighbours, type SweepAxis } from "./sweep.js";
import { quarterCount } from "./vintage.js";
import { BAD_DEFINITIONS, MAX_ACCOUNTS, MAX_SEED, MIN_SEED } from "./vocabulary.js";

// @3: the month-end delinquent balances (dpd30, dpd90), the exposure and events of the annual portfolio
// rates (openMonths, suspensionSpells, chargedOff) and meta.stress; an @2 document lacks them and is refused
// @4: the score-day histograms (scoreGood, scoreBad) hold only the accounts booked by the score day; an @3
// document's hold later bookings too, and merged with an @4 one would rank two populations as one
// @5: the booked accounts' end scores (bookedScore, the booked PSI) and the vintages (vintage); an @4
// document lacks them, and a merge would name a missing field rather than an older format
// @6: the first limits (openLimit) by 100 yuan, not 500 — an @5 document's bins are five times as wide, and
// merged with an @6 one would read as limits five times as high
// @7: the charges on non-accrual (nonAccrual, per line), which revenue is net of — an @6 document lacks
// them, and merged with an @7 one would count its delinquent lines' unpaid charges as revenue
// @8: the remainders within the tolerance waived (waived, per line) — an @7 document lacks them, and merged
// with an @8 one would count its waivers as none
// @9: the limit cuts, increases, restorations and limits given back (limitCuts, limitIncreases,
// restorations, limitsGivenBack) and the accounts whose first credit suspension came after a cut
// (cutBeforeCreditSuspension) — an @8 document lacks them, and merged with an @9 one would count its cuts
// as none
// @10: vintages read at 18 and 24 months on book too (six counts a quarter where there were four) — an @9
// document's would be read a quarter out of place
export const FORMAT = "credit-sim/population@10";
/** The most personas one population mixes. */
const MAX_PERSONAS = 100;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(1000);
const fingerprint = z.string().regex(/^[0-9a-f]{8}$/, "eight hexadecimal digits (a policy's fingerprint)");
// a calendar date (2024-02-30 is none), with the horizon's last day no later than 9999-12-31 (checked in
// meta, where the days are known)
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "a date written YYYY-MM-DD", abort: true })
  .refine((d) => parseIsoDate(d) !== null, { message: "a date on the calendar (2024-02-30 is none)" });

/** A histogram as written: the bins between the first and last non-zero one. */
const Sparse = z.strictObject({ from: count, length: count, counts: z.array(count) });
type Sparse = z.infer<typeof Sparse>;

/** An arm as written: the aggregate's fields, histograms sparse, down through its lines. Its exact shape
 *  (which fields, how many bins) is the horizon's, checked against an empty arm before anything is
 *  allocated (`armShapeProblem`). */
type EncodedNode = number | Sparse | EncodedNode[] | { [k: string]: EncodedNode };
const EncodedNode: z.ZodType<EncodedNode> = z.lazy(() =>
  z.union([count, Sparse, z.array(EncodedNode).max(16), z.record(shortText, EncodedNode)], {
    // said where what is found is none of them ("NaN" as text, null): not a scenario's number or range
    error: "a count (a whole number, 0 or more), or the histogram, list or mapping the aggregates hold there",
  }),
);
const EncodedArm = z.record(shortText, EncodedNode);

const pair = z.tuple([count, count]);
const moments = z.strictObject({
  sum: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  // Σd² as a decimal string (exact beyond 2^53)
  sumSq: z.string().regex(/^\d{1,60}$/, "a whole number of at most 60 digits, written as text"),
});
const isFlipKind = (k: string): boolean => {
  const [a, b, ...rest] = k.split(" → ");
  const classes: readonly string[] = OUTCOME_CLASSES;
  return (
    rest.length === 0 && a !== undefined && b !== undefined && classes.includes(a) && classes.includes(b)
  );
};

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
    bad: pair,
  }),
  continuous: z.strictObject({
    finalScore: moments,
    finalLimit: moments,
    charges: moments,
    overdueEnd: moments,
    revenue: moments,
    loss: moments,
  }),
  flipped: count,
  // "champion class → challenger class": two outcome classes, nothing else
  flips: z
    .record(z.string().refine(isFlipKind, 'two outcome classes: "active → restored"'), count)
    .refine((r) => Object.keys(r).length <= 1000, "at most 1000 kinds of flip"),
});
type EncodedPaired = z.infer<typeof EncodedPaired>;
/** @typecheck the written pairs name the metrics the aggregates have (a compile error otherwise) */
export type EncodedPairedMatches = [
  Holds<Same<keyof EncodedPaired["binary"], BinaryMetric>>,
  Holds<Same<keyof EncodedPaired["continuous"], ContinuousMetric>>,
];

const LAST_DAY = parseIsoDate("9999-12-31") ?? 0;

const PARAMS = Object.keys(POLICY_PARAMETERS) as [PolicyParamName, ...PolicyParamName[]];
const Axis = z.strictObject({
  param: z.enum(PARAMS),
  values: z.array(z.number()).min(1).max(MAX_VARIANTS),
});

export const Meta = z
  .strictObject({
    seed: z.number().int().min(MIN_SEED).max(MAX_SEED),
    days: z.number().int().min(1).max(MAX_DAY),
    start: isoDate,
    accounts: z.number().int().min(1).max(MAX_ACCOUNTS),
    range: z.tuple([count, count]),
    personas: z
      .array(z.strictObject({ name: PersonaName, share: z.number().positive().max(1e9), fingerprint }))
      .min(1)
      .max(MAX_PERSONAS)
      // each once, as simulate takes them: accounts are seeded by the name, and two rows of one name
      // would read as one persona's
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((p, i) => {
          if (seen.has(p.name))
            ctx.addIssue({
              code: "custom",
              path: [i, "name"],
              message: `each persona once ("${p.name}" is named twice)`,
              input: p.name,
            });
          seen.add(p.name);
        });
      }),
    policy: z.strictObject({ name: shortText, ref: shortText, fingerprint }),
    challenger: z
      .strictObject({ name: shortText, ref: shortText, fingerprint, set: PolicyOverrides })
      .nullable(),
    challengerFrom: count,
    sweep: z
      .strictObject({
        axes: z.array(Axis).min(1).max(10),
        variants: z.array(z.record(shortText, z.number())).min(1).max(MAX_VARIANTS),
      })
      // derived from the axes, as simulate derives them, each value one a policy file may hold: the
      // report prints their names and values as they are
      .refine((s) => isGridOf(s.axes, s.variants), {
        message: "the grid of the axes' values, each a value the policy parameter takes",
        path: ["variants"],
      })
      .nullable(),
    bad: z.enum(BAD_DEFINITIONS),
    scoreDay: count,
    costOfFunds: z.number().min(0).max(1),
    stress: count.nullable(),
  })
  .refine((m) => (parseIsoDate(m.start) ?? 0) + m.days - 1 <= LAST_DAY, {
    message: "a horizon that ends by 9999-12-31",
    path: ["days"],
  })
  // what the meta's fields say of each other, checked with the meta — `merge` reads every file's meta
  // first and lays the shards out by it, before any body is read (a range past the accounts was said as
  // "no file covers accounts 3000–29")
  .superRefine((m, ctx) => {
    // zod runs this even when a bound above failed (a type did not): a field is compared only once it is
    // a number within its own bounds
    const whole = (n: number, max: number) => Number.isSafeInteger(n) && n >= 0 && n <= max;
    // found: what the value there amounts to, where its own text would say less (a list of 5)
    const issue = (path: PropertyKey[], message: string, found?: string) =>
      ctx.addIssue({ code: "custom", path, message, ...(found === undefined ? {} : { params: { found } }) });
    const [from, to] = m.range;
    if (
      whole(m.accounts, MAX_ACCOUNTS) &&
      whole(from, Number.MAX_SAFE_INTEGER) &&
      whole(to, Number.MAX_SAFE_INTEGER)
    )
      if (from > to || to > m.accounts) issue(["range"], `accounts from..to within 0..${m.accounts}`);
    if (whole(m.days, MAX_DAY) && m.days >= 1) {
      const before = (field: "challengerFrom" | "scoreDay" | "stress") => {
        const day = m[field];
        if (day !== null && whole(day, Number.MAX_SAFE_INTEGER) && day >= m.days)
          issue([field], `less than days (${m.days})`);
      };
      before("challengerFrom");
      before("scoreDay");
      before("stress");
    }
    if (m.sweep && m.challenger) issue(["sweep"], "a sweep or a challenger, not both");
  });
export type Meta = z.infer<typeof Meta>;

/** Whether `variants` are the grid `axes` make, in its order, with values a policy file may hold. */
function isGridOf(axes: readonly SweepAxis[], variants: ReadonlyArray<Record<string, number>>): boolean {
  if (axes.reduce((n, a) => n * a.values.length, 1) > MAX_VARIANTS) return false;
  const grid = gridPoints(axes);
  const same = (a: Record<string, number>, b: Record<string, number>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  return (
    grid.length === variants.length &&
    grid.every((p, i) => same(p, variants[i]!) && PolicyOverrides.safeParse(p).success)
  );
}

/** How many arms a document's meta says it holds: the champion, then a challenger or the variants. */
export const armCount = (m: Meta): number => 1 + (m.sweep ? m.sweep.variants.length : m.challenger ? 1 : 0);

/** The pairs of arms a population compares, as simulate sets them: the champion (0) and the challenger
 *  (1), or each pair of a sweep's neighbouring variants (variant i is arm i + 1); none otherwise. */
const comparedPairs = (m: Meta): Array<[number, number]> =>
  m.challenger ? [[0, 1]] : m.sweep ? neighbours(m.sweep.axes).map(([a, b]) => [a + 1, b + 1]) : [];

const comparedText = (m: Meta): string =>
  m.challenger
    ? "the champion, 0, and the challenger, 1"
    : m.sweep
      ? "each pair of neighbouring variants, in the grid's order"
      : "none: no challenger or sweep";

/** An account's outcome as a flip names it (outcome.ts outcomeClass): nothing else is a status. */
const OutcomeClass = z.enum(OUTCOME_CLASSES);
export const Flip = z.strictObject({
  index: count,
  persona: PersonaName,
  champion: OutcomeClass,
  challenger: OutcomeClass,
});
/** A flip group's label (flips.ts flipLabel): one line of text — no control or format characters, which a
 *  terminal would act on (a forged shard must not clear a screen or start a CI command line). */
const FlipLabel = shortText
  .regex(/^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u, "one line of text without control characters")
  // a key an object would take for its prototype, not a group: the group would vanish
  .refine(
    (k) => !["__proto__", "constructor", "prototype"].includes(k),
    "a group label, not an object's internals",
  );
const FlipGroup = z.strictObject({ accounts: count, examples: z.array(count).max(100) });
export const PairFlips = z.strictObject({
  a: count,
  b: count,
  flipped: count,
  groups: z
    .record(FlipLabel, FlipGroup)
    .refine((r) => Object.keys(r).length <= 10_000, "at most 10000 groups"),
});

/** The month ends within a horizon: the length of every month-end series of an arm. */
const monthEndsIn = (start: string, days: number): number => monthEndDays(start, days).length;

/** Where an arm's shape is wrong; a histogram's bins said as what they are against what the horizon
 *  gives (`found: an object` said nothing of a histogram of 10⁹ bins). */
interface ShapeProblem {
  at: Array<string | number>;
  expected?: string;
  found?: string;
}

/** Where an encoded arm differs from the shape of `want` (an empty arm, encoded), or null. */
function armShapeProblem(want: unknown, got: unknown, at: Array<string | number>): ShapeProblem | null {
  if (typeof want === "number") return typeof got === "number" ? null : { at };
  if (isSparse(want)) {
    if (!isSparse(got)) return { at };
    if (got.length !== want.length)
      return {
        at: [...at, "length"],
        expected: `${want.length} bins, what this population's horizon gives`,
        found: `${got.length} bins`,
      };
    if (got.from + got.counts.length > got.length)
      return {
        at: [...at, "counts"],
        expected: `at most ${Math.max(got.length - got.from, 0)} counts from bin ${got.from}, of ${got.length} bins`,
        found: `${got.counts.length} counts`,
      };
    return null;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return { at };
    for (let i = 0; i < want.length; i++) {
      const bad = armShapeProblem(want[i], got[i], [...at, i]);
      if (bad) return bad;
    }
    return null;
  }
  if (
    typeof want !== "object" ||
    want === null ||
    typeof got !== "object" ||
    got === null ||
    Array.isArray(got)
  )
    return { at };
  const keys = Object.keys(want);
  // name the field missing or too many, not just the arm
  const missing = keys.find((k) => !(k in got));
  if (missing !== undefined) return { at: [...at, missing] };
  const extra = Object.keys(got).find((k) => !keys.includes(k));
  if (extra !== undefined) return { at: [...at, extra] };
  for (const k of keys) {
    const bad = armShapeProblem((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], [
      ...at,
      k,
    ]);
    if (bad) return bad;
  }
  return null;
}

const wholeCount = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;

/** A sparse histogram, its every part checked: a hostile document may put anything under these keys. */
const isSparse = (v: unknown): v is Sparse =>
  typeof v === "object" &&
  v !== null &&
  "from" in v &&
  "length" in v &&
  "counts" in v &&
  wholeCount(v.from) &&
  wholeCount(v.length) &&
  Array.isArray(v.counts) &&
  v.counts.every((c) => typeof c === "number" && Number.isFinite(c));

export const Document = z
  .strictObject({
    format: z.literal(FORMAT),
    meta: Meta,
    // derived from the aggregates: checked to be what they give once they are read (fromDocument)
    variants: z.array(z.unknown()).nullable(),
    summary: z.record(z.string(), z.unknown()),
    aggregates: z.strictObject({
      champion: z.array(EncodedArm).max(MAX_PERSONAS),
      challenger: z.array(EncodedArm).max(MAX_PERSONAS).nullable(),
      variants: z.array(z.array(EncodedArm).max(MAX_PERSONAS)).max(MAX_VARIANTS).nullable(),
      paired: z.array(EncodedPaired).max(MAX_PERSONAS).nullable(),
      flips: z.array(Flip).max(FLIP_SAMPLE),
      decisionFlips: z.array(PairFlips).max(4 * MAX_VARIANTS),
    }),
  })
  .superRefine((d, ctx) => {
    const { meta, aggregates: a } = d;
    // zod runs this even when a bound above failed (a type did not): nothing here may trust a number
    if (!Meta.safeParse(meta).success) return;
    // found: what the value there amounts to, where its own text would say less (a list of 5)
    const issue = (path: PropertyKey[], message: string, found?: string) =>
      ctx.addIssue({ code: "custom", path, message, ...(found === undefined ? {} : { params: { found } }) });
    // (what the meta's fields say of each other is checked with the meta)
    const [from, to] = meta.range;
    const personas = meta.personas.length;
    const withChallenger = meta.challenger !== null;
    const variants = meta.sweep?.variants.length ?? 0;
    if (a.champion.length !== personas)
      issue(["aggregates", "champion"], `one arm per persona (${personas})`);
    if ((a.challenger === null) === withChallenger)
      issue(["aggregates", "challenger"], withChallenger ? "the challenger's arms" : "null (no challenger)");
    if ((a.variants === null) === variants > 0 || (a.variants && a.variants.length !== variants))
      issue(["aggregates", "variants"], variants > 0 ? `the ${variants} variants' arms` : "null (no sweep)");
    const paired = withChallenger || variants === 1;
    if ((a.paired === null) === paired)
      issue(["aggregates", "paired"], paired ? "the paired differences" : "null (not two arms)");
    else if (a.paired && a.paired.length !== personas)
      issue(["aggregates", "paired"], `one per persona (${personas})`);
    // the bins a histogram has are fixed by the horizon; the accounts add up to the range
    const want = encodeArm(
      emptyArm(
        meta.days,
        monthEndsIn(meta.start, meta.days),
        quarterCount(new Calendar(meta.start), meta.days),
      ),
    );
    const arms: Array<[Array<string | number>, Array<Record<string, EncodedNode>>]> = [
      [["champion"], a.champion],
      [["challenger"], a.challenger ?? []],
      ...(a.variants ?? []).map((v, i): [Array<string | number>, Array<Record<string, EncodedNode>>] => [
        ["variants", i],
        v,
      ]),
    ];
    for (const [at, list] of arms) {
      if (list.length > 0 && list.length !== personas)
        issue(["aggregates", ...at], `one arm per persona (${personas})`);
      let accounts = 0;
      for (let i = 0; i < list.length; i++) {
        const bad = armShapeProblem(want, list[i], ["aggregates", ...at, i]);
        if (bad) {
          issue(bad.at, bad.expected ?? "the aggregates of this population's horizon", bad.found);
          return;
        }
        accounts += list[i]!.accounts as number;
      }
      if (list.length > 0 && accounts !== to - from)
        issue(
          ["aggregates", ...at],
          `accounts adding up to the range (${to - from})`,
          // past 2^53 the sum is no longer exact: said as more than any range
          `accounts adding up to ${Number.isSafeInteger(accounts) ? accounts : `more than ${Number.MAX_SAFE_INTEGER}`}`,
        );
    }
    const names = new Set(meta.personas.map((p) => p.name));
    a.flips.forEach((f, i) => {
      if (f.index < from || f.index >= to || !names.has(f.persona))
        issue(["aggregates", "flips", i], "an account of this range and one of its personas");
    });
    // the pairs simulate compares, in its order: a forged pair ('#3 → #1') would head groups no run had
    const compared = comparedPairs(meta);
    const pairs = a.decisionFlips;
    if (pairs.length !== compared.length)
      issue(
        ["aggregates", "decisionFlips"],
        `${compared.length} pair${compared.length === 1 ? "" : "s"} of arms (${comparedText(meta)})`,
      );
    else
      pairs.forEach((p, i) => {
        const [x, y] = compared[i]!;
        if (p.a !== x || p.b !== y)
          issue(["aggregates", "decisionFlips", i], `arms ${x} and ${y} (${comparedText(meta)})`);
      });
  });
export type Document = z.infer<typeof Document>;

function encodeBins(bins: readonly number[]): Sparse {
  let a = 0;
  let b = bins.length;
  while (a < b && bins[a] === 0) a++;
  while (b > a && bins[b - 1] === 0) b--;
  return { from: a, length: bins.length, counts: bins.slice(a, b) };
}

/** Number arrays become sparse histograms, down through objects and arrays of objects. */
function encode(v: unknown): unknown {
  if (Array.isArray(v))
    return v.length === 0 || typeof v[0] === "number" ? encodeBins(v as number[]) : v.map(encode);
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

export const encodeArm = (a: ArmAggregate): Record<string, EncodedNode> =>
  encode(a) as Record<string, EncodedNode>;

function decodeBins(s: Sparse): number[] {
  const out = new Array<number>(s.length).fill(0);
  s.counts.forEach((c, i) => {
    out[s.from + i] = c;
  });
  return out;
}

function decode(v: unknown): unknown {
  if (isSparse(v)) return decodeBins(v);
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  return v;
}

/** An arm the schema checked (its shape is an empty arm's: `armShapeProblem`) back to an aggregate. */
export const decodeArm = (o: Record<string, EncodedNode>): ArmAggregate => decode(o) as ArmAggregate;

export function decodePaired(p: EncodedPaired): Paired {
  return { ...p, flips: { ...p.flips } };
}

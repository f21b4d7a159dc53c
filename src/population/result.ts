// The population result as a document: what `simulate --json` prints and `merge` reads back. It holds
// the mergeable aggregates (histograms sparse-encoded) beside a derived summary and, for a sweep, the
// variants' frontier; merging shard documents in any order gives the same bytes as the unsharded run.

import { win32 } from "node:path";
import type { z } from "zod";
import { describeIssue, ownBounds } from "../scenario/issues.js";
import { schemaKeysAt } from "../scenario/schema.js";
import { formatPath, InputError, MAX_PROBLEMS } from "../shared/errors.js";
import { jsonDocumentPieces } from "../shared/json-pieces.js";
import { pushAll } from "../shared/lists.js";
import { jsonText } from "../shared/text.js";
import { type ArmAggregate, armContradiction, emptyArm } from "./aggregate.js";
import { emptyPairFlips, FLIP_EXAMPLES, largestGroups, mergePairFlips, type PairFlips } from "./flips.js";
import { emptyPaired, mergePaired, type Paired } from "./paired.js";
import { Document, decodeArm, decodePaired, encodeArm, FORMAT } from "./result-schema.js";
import type { FlipRow, RangeResult } from "./runner.js";
import { FLIP_SAMPLE, mergeArms } from "./runner.js";
import { summarise } from "./stats.js";
import { dominated, type SweepAxis, sweptLines, type VariantMetrics, variantMetrics } from "./sweep.js";
import type { BadDefinition } from "./vocabulary.js";

/** What a file that is no result document is told: the documents `merge` reads. */
const UNCHANGED_HINT = "merge the --json outputs of `credit-sim simulate … --shard I/N --json`, unchanged";
/** What results of different runs are told: `merge` joins the shards of one. */
const ONE_RUN_HINT = "merge the shards of one run: the same `simulate` options, only --shard I/N apart";

export interface PopulationMeta {
  seed: number;
  days: number;
  start: string;
  accounts: number;
  /** the account indices this document covers: [from, to) */
  range: [number, number];
  personas: Array<{ name: string; share: number; fingerprint: string }>;
  policy: { name: string; ref: string; fingerprint: string };
  /** name: a label (the policy's name, plus the parameters `set` overrides) */
  challenger: { name: string; ref: string; fingerprint: string; set: Record<string, unknown> } | null;
  /** the day the challenger, or a sweep's variants, take over from the champion's policy */
  challengerFrom: number;
  /** a sweep: its axes, and every variant's parameters in grid order */
  sweep: { axes: SweepAxis[]; variants: Array<Record<string, number>> } | null;
  /** how outcomes are measured (docs/populations.md) */
  bad: BadDefinition;
  scoreDay: number;
  /** the annual cost-of-funds rate on balances */
  costOfFunds: number;
  /** the shock day of a stress scenario (`--stress`), or null */
  stress: number | null;
}

export interface PopulationResult {
  meta: PopulationMeta;
  champion: ArmAggregate[];
  challenger: ArmAggregate[] | null;
  /** a sweep's variants: [variant][persona] */
  variants: ArmAggregate[][] | null;
  paired: Paired[] | null;
  flips: FlipRow[];
  /** the decisions that first differ between compared arms (0 the champion, then the challenger or the
   *  variants: arm i is variant i − 1) */
  decisionFlips: PairFlips[];
}

/** A range's result. Its totals (whole fen, counts) must be exact, as `merge` requires of every file: a
 *  population that adds up past 2⁵³ (a policy granting ¥1,000,000,000 limits to 100,000 accounts) would
 *  otherwise report rounded sums and write a document no `merge` reads. */
export function fromRange(meta: PopulationMeta, r: RangeResult): PopulationResult {
  const [champion, ...others] = r.arms;
  const result: PopulationResult = {
    meta,
    champion: champion!,
    challenger: meta.sweep === null ? (others[0] ?? null) : null,
    variants: meta.sweep === null ? null : others,
    paired: r.paired,
    flips: r.flips,
    decisionFlips: r.decisionFlips,
  };
  const inexact = inexactTotal(result);
  if (inexact !== null)
    throw new InputError("the population's totals go beyond exact numbers", {
      found: `a total of ${inexact}`,
      hint: "simulate fewer accounts, or under a policy with smaller limits: totals are counted in whole fen, exact up to 9007199254740991",
    });
  return result;
}

const sortKeys = <T>(r: Record<string, T>) =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * The account every report's "export one" hint names (the terminal's, the page's, merge's): under a
 * challenger, the first of the sample of flipped accounts, which both reports list just above the hint; in
 * a sweep (no such sample), the first example of the largest group of decisions that differ, which the
 * hint follows there. Each report had picked its own, and the page and the terminal named different ones.
 */
export function exampleAccount(r: Pick<PopulationResult, "flips" | "decisionFlips">): number | undefined {
  return r.flips[0]?.index ?? r.decisionFlips.flatMap((p) => largestGroups(p))[0]?.[1].examples[0];
}

/** A sweep's variants as the frontier reads them: parameters, metrics, dominated or not, PSI of all
 *  accounts and of the booked. */
export interface VariantRow {
  params: Record<string, number>;
  metrics: VariantMetrics;
  dominated: boolean;
  psi: number | null;
  psiBooked: number | null;
}

export function variantRows(r: PopulationResult, summary = summarise(r)): VariantRow[] | null {
  const all = summary.groups[summary.groups.length - 1]!;
  if (!r.meta.sweep || !all.variants) return null;
  const metrics = all.variants.map((v) => variantMetrics(v.risk));
  // among the variants only: the base policy is not on the frontier, and a variant it beats may still be
  // the best of those swept
  const under = dominated(
    all.variants.map((v) => v.risk),
    sweptLines(r.meta.sweep.axes),
  );
  return r.meta.sweep.variants.map((params, i) => ({
    params,
    metrics: metrics[i]!,
    dominated: under[i]!,
    psi: all.variants![i]!.psi,
    psiBooked: all.variants![i]!.psiBooked,
  }));
}

/** The JSON document (aggregates + a summary derived from them). */
function toDocument(r: PopulationResult): Record<string, unknown> {
  const summary = summarise(r);
  return {
    format: FORMAT,
    meta: r.meta,
    variants: variantRows(r, summary),
    summary,
    aggregates: {
      champion: r.champion.map(encodeArm),
      challenger: r.challenger ? r.challenger.map(encodeArm) : null,
      variants: r.variants ? r.variants.map((v) => v.map(encodeArm)) : null,
      paired: r.paired ? r.paired.map((p) => ({ ...p, flips: sortKeys(p.flips) })) : null,
      flips: r.flips,
      decisionFlips: r.decisionFlips.map((p) => ({ ...p, groups: sortKeys(p.groups) })),
    },
  };
}

export function documentText(r: PopulationResult): string {
  return `${jsonText(toDocument(r), 2)}\n`;
}

/** documentText a piece at a time (what `simulate --json` and `merge --json` write): over 36,500 days its
 *  histograms are hundreds of megabytes of text, never held as one string. */
export function* documentPieces(r: PopulationResult): Generator<string> {
  yield* jsonDocumentPieces(toDocument(r));
}

/**
 * What the validator found wrong in a result document (`data`, its issues' paths from its top), each in
 * the words a file's problem gets — the field, what was expected, what was found ("value out of range",
 * "a whole number") — never the validator's own ("expected int, received undefined"). `keysAt`: the
 * fields the document has at a path.
 */
export function resultProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  keysAt: (path: readonly PropertyKey[]) => string[] | undefined,
): InputError {
  const own = ownBounds(issues);
  return InputError.all(
    own.slice(0, MAX_PROBLEMS).map((issue) => {
      const worded = describeIssue(issue, data, file, undefined, { keysAt });
      // a result of another version is said to be that (as merge says it from the file's head)
      if (issue.path[0] === "format" && isOtherFormat(data))
        return otherVersionError(file, worded.details.found);
      return new InputError("not a population result of `credit-sim simulate --json`", {
        file,
        // an unknown key's own path (`meta.extra`), and what it is said to be (`unknown field "extra"`)
        field: worded.details.field ?? (formatPath(issue.path) || "(top level)"),
        expected:
          issue.path[0] === "format" ? `format "${FORMAT}"` : (worded.details.expected ?? worded.message),
        found: worded.details.found ?? worded.message,
        hint: UNCHANGED_HINT,
      });
    }),
    own.length > MAX_PROBLEMS,
  );
}

/** Reads a `simulate --json` document back (for `merge`): every field checked (result-schema.ts). */
export function fromDocument(data: unknown, file: string): PopulationResult {
  // the validator recurses (a forged document nested a thousand deep would overflow its stack) and
  // drops a `__proto__` key silently (a flip group would vanish): both are refused first
  const odd = oddShape(data, MAX_DOCUMENT_DEPTH);
  if (odd !== null)
    throw new InputError(`not a population result: ${odd}`, {
      file,
      hint: UNCHANGED_HINT,
    });
  const parsed = Document.safeParse(data);
  if (!parsed.success) {
    // every problem at once (up to MAX_PROBLEMS), each in the words a file's problem gets ("value out of
    // range", "at least 0") with what was found
    throw resultProblems(parsed.error.issues, data, file, (path) => schemaKeysAt(Document, path));
  }
  const d = parsed.data;
  const result: PopulationResult = {
    meta: d.meta,
    champion: d.aggregates.champion.map(decodeArm),
    challenger: d.aggregates.challenger ? d.aggregates.challenger.map(decodeArm) : null,
    variants: d.aggregates.variants ? d.aggregates.variants.map((v) => v.map(decodeArm)) : null,
    paired: d.aggregates.paired ? d.aggregates.paired.map(decodePaired) : null,
    flips: d.aggregates.flips,
    decisionFlips: d.aggregates.decisionFlips,
  };
  refuseContradictions(result, file);
  refuseDerivedOtherwise(d, result, file);
  return result;
}

/** The first path at which two JSON values differ, or null. */
function firstDifferentPath(a: unknown, b: unknown, at: string): string | null {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null)
    return Object.is(a, b) ? null : at;
  if (Array.isArray(a) !== Array.isArray(b)) return at;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const key = (k: string) => (Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`);
  for (const k of ka) {
    if (!(k in b)) return key(k);
    const d = firstDifferentPath(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      key(k),
    );
    if (d !== null) return d;
  }
  const extra = kb.find((k) => !(k in a));
  return extra === undefined ? null : key(extra);
}

/** What a document derives from its aggregates (`summary`, `variants`: what its report shows) must be
 *  what they give: `merge` recomputes both, so a shard's hand-edited summary — a count of 1.5, a rate
 *  changed — would vanish in silence from the merged report; it is refused, as an edited aggregate is.
 *  (So is one another version of credit-sim summarised otherwise, under the same format: its report
 *  would not be the one this version gives.) */
function refuseDerivedOtherwise(d: Document, r: PopulationResult, file: string): void {
  const summary = summarise(r);
  const given = { variants: d.variants, summary: d.summary };
  const derived = JSON.parse(jsonText({ variants: variantRows(r, summary), summary }));
  const at = firstDifferentPath(derived, given, "");
  if (at === null) return;
  const path = at.slice(1);
  const keys = path.split(/[.[\]]+/).filter((k) => k !== "");
  const valueAt = (root: unknown) =>
    keys.reduce<unknown>(
      (o, k) => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[k] : undefined),
      root,
    );
  const [want, value] = [valueAt(derived), valueAt(given)];
  const shown = (v: unknown) => (v === undefined ? "nothing (the field is missing)" : clipped(jsonText(v)));
  throw new InputError(
    "not what its aggregates give: edited by hand, or written by another version of credit-sim",
    {
      file,
      field: path,
      expected: shown(want),
      found: shown(value),
      hint: `${UNCHANGED_HINT}, written by the credit-sim that merges them`,
    },
  );
}

const clipped = (t: string) => (t.length > 80 ? `${t.slice(0, 77)}…` : t);

/** Whether a document names a result format other than this version's (an older shard). */
function isOtherFormat(data: unknown): boolean {
  const format = typeof data === "object" && data !== null && "format" in data ? data.format : undefined;
  return isOtherVersion(format);
}

/** Whether `format` is a result format of credit-sim other than this version's. */
export const isOtherVersion = (format: unknown): boolean =>
  typeof format === "string" && /^credit-sim\/population@\d+$/.test(format) && format !== FORMAT;

/** A result of another version of credit-sim (`found`: its format, quoted): its sums are not this one's, and
 *  unchanged it will never merge. One of a newer version is merged by that version: run again with this
 *  older one, it would lose what the newer one added. */
export const otherVersionError = (file: string, found: string | undefined): InputError => {
  const version = (format: string) => Number(/@(\d+)"?$/.exec(format)?.[1] ?? Number.NaN);
  const newer = found !== undefined && version(found) > version(FORMAT);
  return new InputError(`a population result of ${newer ? "a newer" : "another"} version of credit-sim`, {
    file,
    field: "format",
    expected: `format "${FORMAT}"`,
    ...(found !== undefined ? { found } : {}),
    hint: newer
      ? "merge with the version that wrote it, or update this one: an older version cannot add up what a newer one counts"
      : "run its shard again with this version (`credit-sim simulate … --shard I/N --json`), then merge",
  });
};

/** A result document is a few levels deep; anything far deeper is not one. */
const MAX_DOCUMENT_DEPTH = 16;

/** What no result document has, found without recursion: nesting deeper than `max`, a key naming an
 *  object's internals. */
function oddShape(value: unknown, max: number): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return `nested more than ${max} levels deep`;
    for (const key of Object.keys(v))
      if (key === "__proto__" || key === "constructor" || key === "prototype") return `a key "${key}"`;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return null;
}

/** Totals that contradict each other (each within its range, not with the rest) are no simulate output. */
function refuseContradictions(r: PopulationResult, file: string): void {
  const c = contradiction(r, "aggregates.");
  if (c !== null)
    throw new InputError("not a population result of `credit-sim simulate --json`", {
      file,
      field: c[0],
      expected: c[1],
      hint: UNCHANGED_HINT,
    });
}

/** The first of a result's totals that contradicts the rest — its field (under `prefix`: a document's
 *  `aggregates.`, none for a result in memory) and what it should be — or null. A result handed to the
 *  library is checked as a document read back is (an arm's opened 999 of 10 accounts was summed). */
export function contradiction(r: PopulationResult, prefix: string): [field: string, expected: string] | null {
  const found: Array<[string, string]> = [];
  contradictions(r, (field, expected) => found.push([`${prefix}${field}`, expected]));
  return found[0] ?? null;
}

function contradictions(r: PopulationResult, refuse: (field: string, expected: string) => void): void {
  const arms: Array<[string, ArmAggregate[]]> = [
    ["champion", r.champion],
    ["challenger", r.challenger ?? []],
    ...(r.variants ?? []).map((v, i): [string, ArmAggregate[]] => [`variants[${i}]`, v]),
  ];
  for (const [name, list] of arms)
    list.forEach((arm, i) => {
      const c = armContradiction(arm, r.meta.days);
      if (c) refuse(`${name}[${i}].${c[0]}`, c[1]);
    });
  const [from, to] = r.meta.range;
  // a paired difference's sum and sum of squares hold sum² ≤ n · sumSq (Cauchy–Schwarz) for any data
  r.paired?.forEach((p, i) => {
    // the same accounts as the persona's arms, each counted at most once in a pair or a flip
    const n = r.champion[i]?.accounts ?? 0;
    if (p.accounts !== n) refuse(`paired[${i}].accounts`, `the persona's accounts (${n})`);
    for (const [metric, pair] of Object.entries(p.binary))
      if (pair[0] + pair[1] > n) refuse(`paired[${i}].binary.${metric}`, `at most the accounts (${n})`);
    const flips = Object.values(p.flips).reduce((s, v) => s + v, 0);
    if (p.flipped > n || flips !== p.flipped)
      refuse(
        `aggregates.paired[${i}].flipped`,
        `the flips' accounts (${flips}), at most the accounts (${n})`,
      );
    for (const [metric, c] of Object.entries(p.continuous))
      if (c.sum * c.sum > p.accounts * Number(c.sumSq) * (1 + 1e-9) + 1e-9)
        refuse(
          `aggregates.paired[${i}].continuous.${metric}`,
          "a sum and a sum of squares that some data could have",
        );
  });
  r.decisionFlips.forEach((p, i) => {
    if (p.flipped > to - from) refuse(`decisionFlips[${i}].flipped`, `at most the accounts (${to - from})`);
    let grouped = 0;
    for (const [label, g] of Object.entries(p.groups)) {
      const at = `decisionFlips[${i}].groups[${JSON.stringify(label)}]`;
      if (g.accounts === 0 || g.accounts > p.flipped)
        refuse(`${at}.accounts`, `1 to flipped (${p.flipped}): a group is of the accounts in it`);
      // the group's smallest accounts, as addFlip keeps them: each once, in order, as many as it has
      const examples = Math.min(g.accounts, FLIP_EXAMPLES);
      if (
        g.examples.length !== examples ||
        g.examples.some((x, k) => x < from || x >= to || (k > 0 && x <= g.examples[k - 1]!))
      )
        refuse(
          `${at}.examples`,
          `${examples} account${examples === 1 ? "" : "s"} of the range ${from}..${to - 1}, ascending`,
        );
      grouped += g.accounts;
    }
    // each account flipped is in one group: a group nothing flipped would be listed as a reason
    if (grouped !== p.flipped) refuse(`decisionFlips[${i}].flipped`, `the groups' accounts (${grouped})`);
  });
}

/** Merges shard results into the result of the whole range; refuses gaps, overlaps and mismatches. */
export function mergeResults(parts: Array<{ result: PopulationResult; file: string }>): PopulationResult {
  return mergeShards(parts.map(({ result, file }) => ({ file, meta: result.meta, read: () => result })));
}

/** A shard to merge: its file, its meta, and how to read its result (`merge` reads each in its turn). */
export interface Shard {
  file: string;
  meta: PopulationMeta;
  read: () => PopulationResult;
}

/**
 * Merges shards into the result of the whole range: every meta is checked first (gaps, overlaps,
 * mismatches, each odd file named), then each shard is read and folded into the total in range order
 * and dropped, so that no more than one shard's result is held beside the total.
 */
export function mergeShards(shards: readonly Shard[]): PopulationResult {
  if (shards.length === 0) throw new InputError("nothing to merge", { hint: "give the shard JSON files" });
  const sorted = [...shards].sort((a, b) => a.meta.range[0] - b.meta.range[0]);
  const first = sorted[0]!;
  // a policy is its name and contents (fingerprint): the path it was read from (ref) is the runner's — the
  // same file in another checkout (/builds/<runner>/<n>/…) is the same policy
  const same = (m: PopulationMeta) => {
    const { range: _r, policy, challenger, ...rest } = m;
    const arm = (p: { name: string; fingerprint: string } | null) => p && [p.name, p.fingerprint];
    return JSON.stringify([rest, arm(policy), arm(challenger), challenger?.set ?? null]);
  };
  // the population most files describe: the odd ones out are named (each of them), not one that agrees
  const counts = new Map<string, { n: number; meta: PopulationMeta }>();
  for (const { meta } of sorted) {
    const k = same(meta);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, meta });
  }
  const [key, majority] = [...counts].reduce((best, next) => (next[1].n > best[1].n ? next : best));
  const odd = sorted.filter(({ meta }) => same(meta) !== key);
  if (odd.length > 0)
    throw InputError.all(
      odd.map(
        ({ meta, file }) =>
          new InputError("these results come from different populations", {
            file,
            expected: "the same personas, seed, days, accounts, policies and measures as the other files",
            found: describeMetaDifference(majority.meta, meta),
            hint: ONE_RUN_HINT,
          }),
      ),
    );
  let at = first.meta.range[0];
  let before: Shard | undefined;
  for (const part of sorted) {
    const { meta, file } = part;
    if (meta.range[0] !== at) {
      const accounts = `accounts ${meta.range[0]}–${meta.range[1] - 1}`;
      if (meta.range[0] > at)
        throw new InputError("a shard is missing", {
          file,
          expected: `accounts from ${at}`,
          found: accounts,
        });
      // one file named twice, or a shard run twice: the accounts would count twice
      const twice =
        before !== undefined &&
        before.meta.range[0] === meta.range[0] &&
        before.meta.range[1] === meta.range[1];
      throw new InputError(twice ? "the same shard twice" : "shards overlap", {
        file,
        expected: `accounts from ${at}`,
        found: twice ? `${accounts}, as ${before?.file} holds` : accounts,
        hint: twice
          ? "give each shard's file once"
          : "merge the outputs of one split (the same N in --shard I/N): each account in one file",
      });
    }
    at = meta.range[1];
    before = part;
  }
  // a partial population would print as if it were the whole: every shard must be there
  if (first.meta.range[0] !== 0 || at !== first.meta.accounts) {
    const missing =
      first.meta.range[0] !== 0 ? `0–${first.meta.range[0] - 1}` : `${at}–${first.meta.accounts - 1}`;
    throw new InputError("a shard is missing", {
      file: sorted[first.meta.range[0] !== 0 ? 0 : sorted.length - 1]!.file,
      expected: `accounts 0–${first.meta.accounts - 1} in all`,
      found: `no file covers accounts ${missing}`,
      hint: "merge the outputs of every --shard I/N of the same run",
    });
  }
  // one shard's result at a time: the first gives the total its shape
  let total: PopulationResult | undefined;
  for (const { read, file } of sorted) {
    const result = read();
    total ??= emptyTotal(result, [first.meta.range[0], at]);
    if (
      result.decisionFlips.length !== total.decisionFlips.length ||
      (result.variants?.length ?? -1) !== (total.variants?.length ?? -1)
    )
      throw new InputError("these results come from different populations", {
        file,
        found: "other arms",
        hint: ONE_RUN_HINT,
      });
    mergeArms(total.champion, result.champion);
    if (total.challenger && result.challenger) mergeArms(total.challenger, result.challenger);
    if (total.variants && result.variants)
      for (let v = 0; v < total.variants.length; v++) mergeArms(total.variants[v]!, result.variants[v]!);
    if (total.paired && result.paired)
      for (let i = 0; i < total.paired.length; i++) mergePaired(total.paired[i]!, result.paired[i]!);
    for (let i = 0; i < total.decisionFlips.length; i++)
      mergePairFlips(total.decisionFlips[i]!, result.decisionFlips[i]!);
    total.flips = [...total.flips, ...result.flips].slice(0, FLIP_SAMPLE);
  }
  // each file's totals are exact numbers; together they must stay so (a merge's output is merged again)
  const inexact = inexactTotal(total!);
  if (inexact !== null)
    throw new InputError("these results add up to totals beyond exact numbers", {
      file: sorted[sorted.length - 1]!.file,
      found: `a total of ${inexact}`,
      hint: UNCHANGED_HINT,
    });
  return total!;
}

/** A policy file's name as a merged document keeps it: an absolute path — a runner's folder, which a
 *  shard of an earlier build kept (`/builds/<runner>/<n>/…/p.yaml`) — by its file name alone, as simulate
 *  names a file outside its working folder; any other reference (a built-in, a path from the working
 *  folder) as it is. Either spelling of an absolute path, whichever system the shard ran on. */
const portableRef = (ref: string): string => (win32.isAbsolute(ref) ? win32.basename(ref) : ref);

/** Nothing yet of the range, in the shape of `like`'s arms, pairs and flips. */
function emptyTotal(like: PopulationResult, range: [number, number]): PopulationResult {
  const months = like.champion[0]?.lines[0]?.monthEnd.balance.length ?? 0;
  const quarters = like.champion[0]?.vintage.booked.length ?? 0;
  const empty = () => like.meta.personas.map(() => emptyArm(like.meta.days, months, quarters));
  const { policy, challenger } = like.meta;
  return {
    meta: {
      ...like.meta,
      range,
      policy: { ...policy, ref: portableRef(policy.ref) },
      challenger: challenger && { ...challenger, ref: portableRef(challenger.ref) },
    },
    champion: empty(),
    challenger: like.challenger ? empty() : null,
    variants: like.variants ? like.variants.map(empty) : null,
    paired: like.paired ? like.paired.map(() => emptyPaired()) : null,
    flips: [],
    decisionFlips: like.decisionFlips.map((p) => emptyPairFlips(p.a, p.b)),
  };
}

/** The first total of a result that is not an exact whole number (a sum past 2⁵³), or null. */
function inexactTotal(r: PopulationResult): number | null {
  return firstInexact([
    r.champion,
    r.challenger,
    r.variants,
    r.paired,
    r.decisionFlips.map((p) => p.flipped),
  ]);
}

/** The first number in `value` that is not an exact whole number (a sum past 2⁵³), or null. */
function firstInexact(value: unknown): number | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "number") {
      if (!Number.isSafeInteger(v)) return v;
    } else if (typeof v === "object" && v !== null) pushAll(stack, Object.values(v));
  }
  return null;
}

function describeMetaDifference(a: PopulationMeta, b: PopulationMeta): string {
  for (const k of [
    "seed",
    "days",
    "start",
    "accounts",
    "challengerFrom",
    "bad",
    "scoreDay",
    "costOfFunds",
    "stress",
  ] as const) {
    if (a[k] !== b[k]) return `${k} ${b[k]} (another file has ${a[k]})`;
  }
  if (JSON.stringify(a.personas) !== JSON.stringify(b.personas)) return personasDifference(a, b);
  if (JSON.stringify(a.sweep) !== JSON.stringify(b.sweep)) {
    const grid = (m: PopulationMeta) =>
      m.sweep === null
        ? null
        : m.sweep.axes
            .map((x) => `${x.param} ${x.values.map((v) => JSON.stringify(v)).join(", ")}`)
            .join("; ");
    const [was, is] = [grid(a), grid(b)];
    // the same axes written alike, the variants otherwise: a forged document's, said as such
    if (was === is) return "a sweep whose variants differ from its axes'";
    return `${is === null ? "no sweep" : `a sweep of ${is}`} (another file has ${was ?? "none"})`;
  }
  const policy = policyDifference("policy", a.policy, b.policy);
  if (policy !== null) return policy;
  if (a.challenger === null || b.challenger === null)
    return b.challenger === null
      ? `no challenger (another file has ${a.challenger!.name})`
      : `challenger ${b.challenger.name} (another file has none)`;
  return policyDifference("challenger", a.challenger, b.challenger) ?? "a challenger set otherwise";
}

/** How `b`'s personas differ from `a`'s (the other files'): their names, or the one defined otherwise. */
function personasDifference(a: PopulationMeta, b: PopulationMeta): string {
  const names = (m: PopulationMeta) => m.personas.map((p) => p.name).join(", ");
  if (names(a) !== names(b)) return `personas ${names(b)} (another file has ${names(a)})`;
  const changed = b.personas.find((p, i) => JSON.stringify(p) !== JSON.stringify(a.personas[i]));
  return `persona ${changed?.name ?? names(b)} defined otherwise (its file changed between the shards)`;
}

/** How arm `b`'s policy differs from `a`'s (the other files'), or null when it is the same. */
function policyDifference(
  arm: string,
  a: { name: string; fingerprint: string },
  b: { name: string; fingerprint: string },
): string | null {
  if (a.name !== b.name) return `${arm} ${b.name} (another file has ${a.name})`;
  if (a.fingerprint !== b.fingerprint)
    return `${arm} ${b.name} with other parameters than another file's (the policy file changed between the runs?)`;
  return null;
}

// The population result as a document: what `simulate --json` prints and `merge` reads back. It holds
// the mergeable aggregates (histograms sparse-encoded) beside a derived summary; merging shard documents
// in any order gives the same bytes as the unsharded run.

import { formatPath, InputError } from "../shared/errors.js";
import { type ArmAggregate, emptyArm } from "./aggregate.js";
import { emptyPaired, mergePaired, type Paired } from "./paired.js";
import { Document, decodeArm, decodePaired, FORMAT } from "./result-schema.js";
import type { FlipRow, RangeResult } from "./runner.js";
import { FLIP_SAMPLE, mergeArms } from "./runner.js";
import { type PopulationSummary, summarise } from "./stats.js";

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
  challengerFrom: number;
}

export interface PopulationResult {
  meta: PopulationMeta;
  champion: ArmAggregate[];
  challenger: ArmAggregate[] | null;
  paired: Paired[] | null;
  flips: FlipRow[];
}

export function fromRange(meta: PopulationMeta, r: RangeResult): PopulationResult {
  return { meta, champion: r.champion, challenger: r.challenger, paired: r.paired, flips: r.flips };
}

// ---- encoding: sparse histograms {from, counts} with zero runs trimmed at both ends ----

interface Sparse {
  from: number;
  length: number;
  counts: number[];
}

function encodeBins(bins: number[]): Sparse {
  let a = 0;
  let b = bins.length;
  while (a < b && bins[a] === 0) a++;
  while (b > a && bins[b - 1] === 0) b--;
  return { from: a, length: bins.length, counts: bins.slice(a, b) };
}

function encodeArm(a: ArmAggregate): Record<string, unknown> {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, Array.isArray(v) ? encodeBins(v) : v]));
}

const sortKeys = (r: Record<string, number>) =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The JSON document (aggregates + a summary derived from them). */
function toDocument(r: PopulationResult): Record<string, unknown> {
  return {
    format: FORMAT,
    meta: r.meta,
    summary: summarise(r),
    aggregates: {
      champion: r.champion.map(encodeArm),
      challenger: r.challenger ? r.challenger.map(encodeArm) : null,
      paired: r.paired ? r.paired.map((p) => ({ ...p, flips: sortKeys(p.flips) })) : null,
      flips: r.flips,
    },
  };
}

export function documentText(r: PopulationResult): string {
  return `${JSON.stringify(toDocument(r), null, 2)}\n`;
}

/** Reads a `simulate --json` document back (for `merge`): every field checked (result-schema.ts). */
export function fromDocument(data: unknown, file: string): PopulationResult {
  const parsed = Document.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const more = parsed.error.issues.length - 1;
    throw new InputError("not a population result of `credit-sim simulate --json`", {
      file,
      field: formatPath(issue.path) || "(top level)",
      expected: issue.path[0] === "format" ? `format "${FORMAT}"` : issue.message,
      ...(more > 0 ? { found: `${more + 1} problems; this is the first` } : {}),
      hint: "merge the --json outputs of `credit-sim simulate … --shard I/N --json`, unchanged",
    });
  }
  const d = parsed.data;
  return {
    meta: d.meta,
    champion: d.aggregates.champion.map(decodeArm),
    challenger: d.aggregates.challenger ? d.aggregates.challenger.map(decodeArm) : null,
    paired: d.aggregates.paired ? d.aggregates.paired.map(decodePaired) : null,
    flips: d.aggregates.flips,
  };
}

/** Merges shard results into the result of the whole range; refuses gaps, overlaps and mismatches. */
export function mergeResults(parts: Array<{ result: PopulationResult; file: string }>): PopulationResult {
  if (parts.length === 0) throw new InputError("nothing to merge", { hint: "give the shard JSON files" });
  const sorted = [...parts].sort((a, b) => a.result.meta.range[0] - b.result.meta.range[0]);
  const first = sorted[0]!.result;
  const same = (m: PopulationMeta) => {
    const { range: _r, ...rest } = m;
    return JSON.stringify(rest);
  };
  const key = same(first.meta);
  let at = first.meta.range[0];
  for (const { result, file } of sorted) {
    if (same(result.meta) !== key) {
      throw new InputError("these results come from different populations", {
        file,
        expected: "the same personas, seed, days, accounts and policies as the other files",
        found: describeMetaDifference(first.meta, result.meta),
      });
    }
    if (result.meta.range[0] !== at) {
      throw new InputError(result.meta.range[0] < at ? "shards overlap" : "a shard is missing", {
        file,
        expected: `accounts from ${at}`,
        found: `accounts ${result.meta.range[0]}–${result.meta.range[1] - 1}`,
      });
    }
    at = result.meta.range[1];
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
  const total: PopulationResult = {
    meta: { ...first.meta, range: [first.meta.range[0], at] },
    champion: first.meta.personas.map(() => emptyArm(first.meta.days)),
    challenger: first.challenger ? first.meta.personas.map(() => emptyArm(first.meta.days)) : null,
    paired: first.paired ? first.paired.map(() => emptyPaired()) : null,
    flips: [],
  };
  for (const { result } of sorted) {
    mergeArms(total.champion, result.champion);
    if (total.challenger && result.challenger) mergeArms(total.challenger, result.challenger);
    if (total.paired && result.paired)
      for (let i = 0; i < total.paired.length; i++) mergePaired(total.paired[i]!, result.paired[i]!);
    total.flips = [...total.flips, ...result.flips].slice(0, FLIP_SAMPLE);
  }
  return total;
}

function describeMetaDifference(a: PopulationMeta, b: PopulationMeta): string {
  for (const k of ["seed", "days", "start", "accounts", "challengerFrom"] as const) {
    if (a[k] !== b[k]) return `${k} ${b[k]} (another file has ${a[k]})`;
  }
  if (JSON.stringify(a.personas) !== JSON.stringify(b.personas)) return "different personas";
  return "different policies";
}

export type { PopulationSummary };

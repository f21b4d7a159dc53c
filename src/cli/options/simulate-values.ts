// The values of `simulate`'s options, read and checked one by one: ranges, shards (given or from a CI
// runner's environment), sweeps, the challenger's parameters.

import type { z } from "zod";
import { POLICY_PARAMETERS, type PolicyParamName, type PolicyParams } from "../../engine/index.js";
import { MAX_VARIANTS, rangeValues, type SweepAxis } from "../../population/sweep.js";
import { describeIssue, ownBounds } from "../../scenario/issues.js";
import { parseFlagText } from "../../scenario/parse.js";
import { PolicyOverrides, policyParamsShape } from "../../scenario/schema.js";
import { asciiDigits } from "../../shared/digits.js";
import { InputError, suggest, UsageError } from "../../shared/errors.js";
import { blankAround, blanksInAssignments, quoted, splitPairs, withoutBlanks } from "../../shared/text.js";
import { MAX_SHARDS } from "../../testing/shard.js";
import type { ParseContext } from "./command.js";
import { inRange } from "./numbers.js";

/** A whole number read by the option's parser, checked against a range that depends on other options. */
export const checkRange = (name: string, value: number, lo: number, hi: number): number =>
  inRange(name, value, { min: lo, max: hi });

/**
 * `--shard auto`: the shard from the environment of a parallel CI job — GitLab's CI_NODE_INDEX and
 * CI_NODE_TOTAL (1-based), or a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (0-based) with the count
 * given as `auto/N` (Kubernetes does not tell a pod how many completions there are).
 */
export function autoShard(text: string, env: ParseContext["env"]): { index: number; count: number } {
  const given = /^auto(?:\/(\d+))?$/.exec(text);
  if (!given)
    throw new InputError("--shard must be I/N, auto or auto/N", {
      expected: "I/N (shard I of N), auto (from the CI's environment) or auto/N (Kubernetes)",
      found: quoted(text),
    });
  // the flag as typed heads each message (`--shard auto/3:`), never `auto:` of an `auto/3` (the text is
  // `auto` and digits alone here: nothing in it to show otherwise)
  const flag = `--shard ${text}`;
  const count = given[1] === undefined ? undefined : Number(given[1]);
  if (count !== undefined && !Number.isSafeInteger(count))
    throw new UsageError(`${flag}: N is too large (at most ${MAX_SHARDS})`, `found ${quoted(text)}`);
  // a variable missing, or set to nothing, is said so with what sets it — not read as the number ""
  const whole = (name: string, v: string | undefined, setBy: string) => {
    if (v === undefined) throw new UsageError(`${flag}: ${name} is not set`, setBy);
    if (v.trim() === "") throw new UsageError(`${flag}: ${name} is empty`, setBy);
    // spaces around the number are refused, as --shard refuses them: a CI runner sets these variables in
    // bare digits, so a space came from a hand-written job or wrapper — said there to be fixed, never
    // read past (a value trimmed here would be read unlike the same value given as --shard)
    if (v.trim() !== v && /^-?\d+$/.test(v.trim()))
      throw new InputError(`${flag}: ${name} has ${blankAround(v)} around its number`, {
        expected: "a whole number in digits alone, as a CI runner sets it",
        found: quoted(v),
        hint: `set ${name}=${v.trim()}, without the ${blankAround(v)} around it`,
      });
    // a negative zero is no number a runner sets: read as 0, it ran shard 1 for Kubernetes
    if (/^-0+$/.test(v))
      throw new InputError(`${flag}: ${name} is not a whole number in digits alone`, {
        expected: "a whole number in digits alone, as a CI runner sets it",
        found: quoted(v),
        hint: `set ${name}=0, without the sign`,
      });
    // what --shard I/N takes: a whole number a count can be (not 10^20, which is no exact number); a
    // negative one is out of the variable's range, said with it below
    if (!/^-?\d+$/.test(v)) {
      // what it was, and what to set: a number in another script's digits is that number
      const ascii = asciiDigits(v);
      throw new InputError(`${flag}: ${name} is not a whole number`, {
        expected: "a whole number in digits alone, as a CI runner sets it",
        found: quoted(v),
        hint: /^-?\d+$/.test(ascii)
          ? `set ${name}=${ascii}: a number is written in ASCII digits (0–9)`
          : `set ${name} to a whole number in digits alone, as a CI runner sets it`,
      });
    }
    // (a negative one, however long, is out of range below)
    if (Number(v) > MAX_SHARDS)
      throw new UsageError(`${flag}: ${name} is too large (at most ${MAX_SHARDS})`, `found ${quoted(v)}`);
    return Number(v);
  };
  // GitLab sets CI_NODE_TOTAL=1 in every job, CI_NODE_INDEX only in one with `parallel:`
  const gitlab =
    "GitLab sets CI_NODE_INDEX and CI_NODE_TOTAL in a job with `parallel: N`: add it to the job, or leave out --shard to simulate every account";
  // out of range: said of the variable as set — its own count (Kubernetes' 3 is no "shard 4 of 3") and its
  // own digits ("-05", not the -5 it reads as)
  const outOfRange = (name: string, value: number | string | undefined, hint: string) =>
    new UsageError(`${flag}: ${name} is ${value}, out of range`, hint);
  // GitLab's CI_NODE_TOTAL=1 of every job, alone, is no GitLab shard where a Kubernetes index is set
  const gitlabShard =
    env.CI_NODE_INDEX !== undefined ||
    (env.CI_NODE_TOTAL !== undefined && env.JOB_COMPLETION_INDEX === undefined);
  if (gitlabShard) {
    const index = whole("CI_NODE_INDEX", env.CI_NODE_INDEX, gitlab);
    const total = whole("CI_NODE_TOTAL", env.CI_NODE_TOTAL, gitlab);
    if (count !== undefined && count !== total)
      throw new UsageError(
        `${flag}: CI_NODE_TOTAL is ${total}`,
        "give --shard auto, or the same count as the job's parallel count",
      );
    if (total < 1) throw outOfRange("CI_NODE_TOTAL", env.CI_NODE_TOTAL, "a parallel job has 1 or more nodes");
    if (index < 1 || index > total)
      throw outOfRange("CI_NODE_INDEX", env.CI_NODE_INDEX, `it runs 1…${total} (CI_NODE_TOTAL)`);
    return { index, count: total };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (count === undefined)
      throw new UsageError(
        `${flag}: JOB_COMPLETION_INDEX gives the index, not the count`,
        "pass the Job's completions as --shard auto/N",
      );
    const index = whole(
      "JOB_COMPLETION_INDEX",
      env.JOB_COMPLETION_INDEX,
      "a Kubernetes Indexed Job sets it in each pod (completionMode: Indexed)",
    );
    if (count < 1) throw outOfRange("N", count, "pass the Job's completions, 1 or more");
    if (index < 0 || index >= count)
      throw outOfRange(
        "JOB_COMPLETION_INDEX",
        env.JOB_COMPLETION_INDEX,
        `it runs 0…${count - 1} for ${count} completions: pass the Job's completions as --shard auto/N`,
      );
    return { index: index + 1, count };
  }
  throw new UsageError(
    `${flag}: no shard in the environment`,
    "set CI_NODE_INDEX and CI_NODE_TOTAL (GitLab `parallel:`), or JOB_COMPLETION_INDEX with --shard auto/N (Kubernetes Indexed Job); on GitHub Actions pass --shard with the matrix's shard number, e.g. --shard 2/4",
  );
}

/** A number of a sweep's range: decimal, with a digit either side of its point (`600.` and `.5` are not
 *  read, so that `600...700` is no range from 600 to 700 and a stray point is never taken as one). */
const SWEEP_NUMBER = String.raw`-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;
// the spaces a value may not have are taken here all the same: read through them, the value meant is
// what the refusal's hint tells (`write minScore=600..700:20, without the spaces in it`)
const SWEEP_PARAM = /^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/s;
const SWEEP_RANGE = new RegExp(
  String.raw`^(${SWEEP_NUMBER})\s*\.\.\s*(${SWEEP_NUMBER})\s*:\s*(${SWEEP_NUMBER})$`,
);
const SWEEP_EXAMPLE = "minOpenScore=600..700:20";

/** How many values a sweep's range holds, in digits while a double counts them exactly; past that in
 *  powers of ten (a step of 1e-300 was told as 300 digits of a count no double holds, cut off). */
const valueCount = (count: number): string =>
  Number.isSafeInteger(count)
    ? count.toLocaleString("en-US")
    : Number.isFinite(count)
      ? `about ${count.toExponential(0).replace(/^(\d)e\+(\d+)$/, "$1 × 10^$2")}`
      : "more than 10^308";

/** `--sweep minOpenScore=600..700:20`: one axis of the grid, every value checked as a policy file's. */
export function parseSweep(text: string): SweepAxis {
  const named = SWEEP_PARAM.exec(text);
  if (!named)
    throw new InputError("--sweep takes PARAM=FROM..TO:STEP", {
      expected: `a policy parameter, its first and last values and the step, e.g. ${SWEEP_EXAMPLE}`,
      found: quoted(text),
    });
  const range = SWEEP_RANGE.exec(named[2]!);
  const m = range === null ? null : [text, named[1]!, range[1]!, range[2]!, range[3]!];
  const param = named[1]!;
  if (!PARAMETER_NAMES.includes(param)) {
    const guess = suggest(param, PARAMETER_NAMES);
    throw new UsageError(
      `--sweep: unknown policy parameter "${param}"`,
      guess ? `did you mean "${guess}"?` : "see `credit-sim policies`",
    );
  }
  if (m === null) throw malformedRange(param, named[2]!, text);
  // as a number option's spaces are (--days " 30"): refused with the value meant, never trimmed in silence
  if (/\s/.test(text))
    throw new InputError("--sweep takes PARAM=FROM..TO:STEP", {
      expected: `a policy parameter, its first and last values and the step, e.g. ${SWEEP_EXAMPLE}`,
      found: quoted(text),
      hint: withoutBlanks(text, `${param}=${m[2]}..${m[3]}:${m[4]}`),
    });
  const kind = POLICY_PARAMETERS[param as PolicyParamName].type.kind;
  if (kind === "flag" || kind === "limitBands")
    throw new UsageError(
      `--sweep ${param}: only numeric parameters sweep`,
      `${param} is a ${kind === "flag" ? "flag" : "table"}`,
    );
  // each number read as a policy file's is: one a double cannot keep exactly is refused, not changed
  const numbers = [m[2]!, m[3]!, m[4]!].map((t) => parseFlagText(t, `--sweep ${param}`));
  if (!numbers.every((n) => typeof n === "number"))
    throw new UsageError(
      `--sweep ${param}: FROM, TO and STEP are decimal numbers of at most 15 significant digits`,
      `found ${quoted(text)}: a number with more digits, or beyond ±1e308, would be changed`,
    );
  const [from, to, step] = numbers as [number, number, number];
  if (![from, to, step].every(Number.isFinite) || step <= 0 || from > to)
    throw new UsageError(`--sweep ${param}: FROM ≤ TO and STEP > 0`, `found ${quoted(text)}`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VARIANTS)
    throw new InputError(`--sweep ${param}: more than ${MAX_VARIANTS} values`, {
      expected: `at most ${MAX_VARIANTS} values from FROM to TO`,
      found: `${quoted(text)}: ${valueCount(count)} values`,
      hint: fewerSteps(param, m[2]!, m[3]!, from, to),
    });
  const values = rangeValues(from, to, step);
  // TO is the last value run, not a bound the steps may stop short of (600..700:30 is no sweep to 700)
  const last = values[values.length - 1]!;
  if (last !== to)
    throw new InputError(`--sweep ${param}: the steps from ${m[2]} by ${m[4]} do not reach ${m[3]}`, {
      expected: "TO − FROM a whole number of steps: TO is the last value run",
      found: quoted(text),
      hint: `end the range at ${last} (${param}=${m[2]}..${last}:${m[4]}), or take a step that divides ${m[3]} − ${m[2]}`,
    });
  for (const v of values) {
    const data = { [param]: v };
    const parsed = PolicyOverrides.safeParse(data);
    if (!parsed.success)
      throw worded(`--sweep ${param}=${v}`, ownBounds(parsed.error.issues)[0]!, data, text);
  }
  return { param: param as PolicyParamName, values };
}

/** A sweep of FROM..TO in at most MAX_VARIANTS values: the least whole step that divides TO − FROM
 *  when both are whole numbers, else the least step that fits (rounded up to two decimals). */
function fewerSteps(param: string, fromText: string, toText: string, from: number, to: number): string {
  const span = to - from;
  const least = span / (MAX_VARIANTS - 1);
  if (Number.isSafeInteger(from) && Number.isSafeInteger(to)) {
    // a divisor of the span at least `least`: found among the span's divisors up to its square root
    let best = span;
    for (let d = 1; d * d <= span; d++) {
      if (span % d !== 0) continue;
      if (d >= least && d < best) best = d;
      if (span / d >= least && span / d < best) best = span / d;
    }
    return `take a larger step, e.g. ${param}=${fromText}..${toText}:${best} (${span / best + 1} values)`;
  }
  const step = Math.ceil(least * 100) / 100;
  return `take a step of at least ${step}, or a narrower range`;
}

const PARAMETER_NAMES = Object.keys(policyParamsShape);

/** A --sweep whose range is not FROM..TO:STEP: what is wrong with it, and the range it may have meant. */
function malformedRange(param: string, range: string, text: string): InputError {
  // `minScore=６00..700:20`: digits of another script (an IME's full-width ones), said as number options say them
  const digits = asciiDigits(range).replace(/\s+/g, "");
  const ascii = digits.replace(/−/g, "-");
  if (ascii !== range.replace(/\s+/g, "") && SWEEP_RANGE.test(ascii))
    return new InputError(`--sweep ${param}: ${quoted(range)} is no range FROM..TO:STEP`, {
      expected: `two decimal numbers joined by two points, a colon and the step, e.g. ${SWEEP_EXAMPLE}`,
      found: quoted(text),
      // the digits were ASCII's: said of them, the hint named what was not wrong
      hint: `write ${param}=${ascii}: ${
        digits === range.replace(/\s+/g, "")
          ? "a minus sign is written as ASCII's hyphen-minus (-)"
          : "a number is written in ASCII digits (0–9)"
      }`,
    });
  // `minScore==600..700:10`: the name's `=` typed twice (as a comparison is); `600...700`: one point too
  // many — the range meant most likely, either way
  const unequalled = range.replace(/^[\s=]+/, "");
  // `600-700` or `600–700`: a range written as in prose, a dash between the numbers
  const meant = unequalled.replace(/\s*\.{3,}\s*/g, "..").replace(/(\d)\s*[-–—]\s*(?=\d)/, "$1..");
  const hint =
    unequalled !== range
      ? `one = between the parameter and its range${SWEEP_RANGE.test(meant) ? `: did you mean ${param}=${meant}?` : ""}`
      : meant !== range && SWEEP_RANGE.test(meant)
        ? `FROM..TO takes two points: did you mean ${param}=${meant}?`
        : SWEEP_RANGE.test(`${meant.trim()}:1`)
          ? `${meant === range ? "" : "FROM..TO takes two points; "}add the step after a colon, e.g. ${param}=${meant.trim()}:10`
          : range === ""
            ? `e.g. ${SWEEP_EXAMPLE}`
            : "write each number with a digit either side of its point (0.5, not .5 or 5.)";
  return new InputError(`--sweep ${param}: ${quoted(range)} is no range FROM..TO:STEP`, {
    expected: `two decimal numbers joined by two points, a colon and the step, e.g. ${SWEEP_EXAMPLE}`,
    found: quoted(text),
    hint,
  });
}

/** `minScore=650,maxApplications30d=2` → the pairs; a value with commas of its own (JSON) stays whole. */
function pairsOf(text: string): string[] {
  return splitPairs(text).map((p) => p.trim());
}

/** Spaces around a --challenger-set value or its `=`s, refused as a number option's are (--days " 30"). */
function refuseBlanks(value: string): void {
  const blanks = blanksInAssignments("--challenger-set", value, "minScore=650");
  if (blanks !== undefined) throw new InputError(blanks.message, blanks.details);
}

/** `--challenger-set minScore=650 --challenger-set maxApplications30d=2`: checked like a policy file's. */
export function parseChallengerSet(values: readonly string[]): Partial<PolicyParams> {
  const raw: Record<string, unknown> = {};
  // what was typed, for the message: JSON.stringify shows 1e309 (Infinity) as null and -0 as 0
  const typed: Record<string, string> = {};
  // an empty value and one of spaces alone are told alike, each as typed (pairsOf trims " " to "")
  const blank = values.find((v) => v.trim() === "");
  if (blank !== undefined)
    throw new InputError("--challenger-set takes name=value", {
      expected: "a policy parameter and its value, e.g. minScore=650",
      found: quoted(blank),
    });
  for (const v of values) refuseBlanks(v);
  for (const pair of values.flatMap(pairsOf)) {
    const eq = pair.indexOf("=");
    if (eq <= 0)
      throw new InputError("--challenger-set takes name=value", {
        expected: "a policy parameter and its value, e.g. minScore=650",
        found: quoted(pair),
      });
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    // `minScore==650`: the `=` typed twice (as a comparison is), said so — not 'expected a number'
    if (/^\s*=/.test(text) && PARAMETER_NAMES.includes(key))
      throw new InputError(`--challenger-set ${key}: one = between the parameter and its value`, {
        expected: "name=value, e.g. minScore=650",
        found: quoted(pair),
        hint: `did you mean ${key}=${text.replace(/^[\s=]+/, "")}?`,
      });
    if (!PARAMETER_NAMES.includes(key)) {
      const guess = suggest(key, PARAMETER_NAMES);
      throw new UsageError(
        `--challenger-set: unknown policy parameter "${key}"`,
        guess ? `did you mean "${guess}"?` : "see `credit-sim policies`",
      );
    }
    if (text === "")
      throw new InputError(`--challenger-set ${key} is given no value`, {
        expected: "a policy parameter and its value, e.g. minScore=650",
        found: '""',
      });
    // as --set and a file: a parameter given twice is refused, not settled by the last one
    if (Object.hasOwn(raw, key))
      throw new UsageError(`--challenger-set: ${key} is given twice`, "give each parameter once");
    // read as a policy file's value is (YAML, JSON too): a number a double cannot keep exactly
    // (10.999999999999999999, which JSON.parse made 11) stays text and is refused, not changed
    const value: unknown = text.trim() === "" ? text : parseFlagText(text, `--challenger-set ${key}`);
    raw[key] = value;
    // a word kept as text is quoted; a number kept as text (1e309, 10.999999999999999999) is shown as typed
    typed[key] = typeof value === "string" && !/^[-+.\d]/.test(text.trim()) ? quoted(value) : text;
  }
  const parsed = PolicyOverrides.safeParse(raw);
  if (!parsed.success) {
    const issue = ownBounds(parsed.error.issues)[0]!;
    const key = String(issue.path[0]);
    throw worded(`--challenger-set ${key}`, issue, raw, `${key}=${typed[key]}`);
  }
  return parsed.data as Partial<PolicyParams>;
}

/** A validator's issue with a flag's value, in the words a file's problem gets (scenario/issues.ts). */
function worded(flag: string, issue: z.core.$ZodIssue, data: unknown, typed: string): UsageError {
  const d = describeIssue(issue, data, flag, undefined);
  const expected = d.details.expected === undefined ? "" : `expected ${d.details.expected}; `;
  const hint = d.details.hint === undefined ? "" : `; ${d.details.hint}`;
  return new UsageError(`${flag}: ${d.message}`, `${expected}found ${typed}${hint}`);
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

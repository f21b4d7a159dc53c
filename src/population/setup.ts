// A population from its description: the personas and policies loaded (names or files), the settings the
// agents and runner take (the arms: champion, challenger or a sweep's variants), and the meta a result
// document carries (fingerprints, how each policy is named in an exported file). Reads persona and policy
// files; computes nothing else.

import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import type { Policy, PolicyParams } from "../engine/index.js";
import type { Roots } from "../scenario/builtin.js";
import { builtinPolicyNames, loadPolicy, policyPath, policyWarnings } from "../scenario/load-policy.js";
import {
  cautionsWritten,
  cautionText,
  conflictsWritten,
  type PolicyConflict,
} from "../scenario/policy-sense.js";
import { InputError, MAX_PROBLEMS, UsageError } from "../shared/errors.js";
import { isWithin } from "../shared/paths.js";
import { canonicalJson, fnv1a, loadPersonas, type Persona, personaFingerprint } from "./persona.js";
import type { PopulationMeta } from "./result.js";
import type { ArmSettings, PopulationSettings } from "./settings.js";
import { gridPoints, neighbours, paramsText, type SweepAxis } from "./sweep.js";
import { type BadDefinition, DEFAULT_SCORE_DAY } from "./vocabulary.js";

/** What the user asked for, already checked (cli/options/simulate.ts). */
export interface PopulationRequest {
  /** persona names or files; none: every shipped persona */
  personas: readonly string[];
  accounts: number;
  days: number;
  seed: number;
  start: string;
  /** the champion policy, a name or a file */
  policy: string;
  /** the challenger policy, a name or a file */
  challenger: string | undefined;
  challengerFrom: number;
  challengerSet: Partial<PolicyParams>;
  /** a sweep's axes (none: no sweep) */
  sweep?: readonly SweepAxis[];
  bad?: BadDefinition;
  scoreDay?: number;
  costOfFunds?: number;
  /** the shock day of a stress scenario (none: no stress) */
  stress?: number | null;
}

export interface Population {
  personas: Persona[];
  settings: PopulationSettings;
  meta: PopulationMeta;
  /** how an exported file names each policy (by policy name): a built-in name, or an absolute path */
  policyRefs: Map<string, string>;
  /** every file read: persona files, policy files and what they extend (outputs must spare them) */
  files: string[];
  /** the working folder the request's files were named from */
  cwd: string;
  /** what runs as written but rewards what the policy means to deter (a penalty below the interest it
   *  replaces), one line each for stderr: the policy files' own, then --challenger-set's and each --sweep
   *  variant's, as `run` tells a file's and a `policy` event's `set` */
  warnings: string[];
}

/** An assumption: about China's one-year loan prime rate in 2024 (3.10–3.45 %). */
const DEFAULT_COST_OF_FUNDS = 0.035;

/** A policy with parameters set on top, as a `policy` event's `set` makes it. */
export function withSet(base: Policy, set: Partial<PolicyParams>): Policy {
  return Object.keys(set).length === 0 ? base : { ...base, ...set, name: `${base.name}*` };
}

/**
 * A sweep's variants and a challenger's --challenger-set, each a policy with the parameters it sets: one
 * that makes no policy (a bill due on or after the next statement, a band that never applies) is refused
 * before anything runs — every such variant named, with the values that would work — not run as if it
 * meant something. What the policy it varies holds alone was checked when it was read. What runs as
 * written but warns (a penalty below the interest it replaces) is returned, one line each, as a policy
 * file's cautions are told: at the option, and the variant, that sets it.
 */
function checkArms(
  points: ReadonlyArray<Record<string, number>>,
  policy: Policy,
  challenger: Policy | null,
  challengerSet: Partial<PolicyParams>,
): string[] {
  const problems: InputError[] = [];
  const cautions: string[] = [];
  const told = (field: string, label: string, c: PolicyConflict) =>
    problems.push(
      new InputError(`${label}${c.message}`, {
        field,
        expected: c.expected,
        found: c.found,
        hint: c.hint,
      }),
    );
  if (challenger) {
    const set = withSet(challenger, challengerSet);
    const written = Object.keys(challengerSet);
    for (const c of conflictsWritten(set, written, challenger.name)) told("--challenger-set", "", c);
    for (const c of cautionsWritten(set, written, challenger.name))
      cautions.push(cautionText(c, "--challenger-set", undefined, c.param));
  }
  let cautioned = 0;
  points.forEach((params, i) => {
    const variant = withSet(policy, params);
    const written = Object.keys(params);
    for (const c of conflictsWritten(variant, written, policy.name))
      told("--sweep", `variant ${i + 1} (${paramsText(params)}): `, c);
    const own = cautionsWritten(variant, written, policy.name);
    if (own.length > 0 && ++cautioned <= MAX_PROBLEMS)
      for (const c of own)
        cautions.push(cautionText(c, `--sweep variant ${i + 1} (${paramsText(params)})`, undefined, c.param));
  });
  if (cautioned > MAX_PROBLEMS)
    cautions.push(`--sweep: ${cautioned - MAX_PROBLEMS} more variants warned of as the ones above`);
  if (problems.length > 0)
    throw InputError.all(problems.slice(0, MAX_PROBLEMS), problems.length > MAX_PROBLEMS);
  return cautions;
}

/** A policy as a shared result document names it: a built-in by its name, a file by its path from the
 *  working folder when it lies there or below (`policies/p.yaml`, the same in every checkout of a
 *  repository), and by its name alone otherwise — never the runner's absolute path, which says whose
 *  machine it ran on (a home folder, a user name) and differs between the jobs of one run. What the
 *  policy is, is its fingerprint beside it. */
function sharedPolicyRef(ref: string, cwd: string): string {
  if (!isAbsolute(ref)) return ref;
  return isWithin(ref, cwd) ? relative(cwd, ref).split(sep).join("/") : basename(ref);
}

/** A policy option's loading: a problem of no file (a name that is no policy) is said as the option's,
 *  as `run` and `whatif` say theirs (`--challenger: unknown policy "nosuch"`) — with both options given,
 *  which of them was meant. */
function policyOption(flag: string, load: () => Policy): Policy {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw e.map((p) =>
      p.details.file === undefined && p.details.field === undefined
        ? new InputError(p.message, { ...p.details, field: flag })
        : p,
    );
  }
}

/** Loads what the request names; relative persona and policy files start at `cwd`; `roots`: the folders
 *  besides a policy file's own that its `extends` may lead into (CREDIT_SIM_ROOT). */
export function preparePopulation(req: PopulationRequest, cwd: string, roots: Roots = []): Population {
  // a missing file's hint is told from `cwd`, where its path starts
  const reading = { cache: new Map<string, Policy>(), roots, cwd };
  const refOf = (ref: string) =>
    builtinPolicyNames().includes(ref) ? ref : resolve(cwd, policyPath(ref, cwd, undefined, roots));
  const hasSet = Object.keys(req.challengerSet).length > 0;
  const sweep = req.sweep ?? [];
  if (sweep.length > 0 && (req.challenger !== undefined || hasSet))
    throw new UsageError("--sweep runs variants of --policy: it cannot be combined with a challenger");
  // the personas, the policy and the challenger: every file's bad input at once
  const [personas, policy, named] = InputError.every<[Persona[], Policy, Policy | null]>([
    () => loadPersonas(req.personas, cwd, req.days),
    () => policyOption("--policy", () => loadPolicy(req.policy, cwd, reading)),
    () =>
      req.challenger !== undefined
        ? policyOption("--challenger", () => loadPolicy(req.challenger!, cwd, reading))
        : null,
  ]);
  const challenger = named ?? (hasSet ? policy : null);
  if (challenger && challenger !== policy && challenger.name === policy.name) {
    throw new UsageError(
      `the challenger has the same name as the champion ("${policy.name}")`,
      "give the challenger policy file its own `name`",
    );
  }
  const policyRefs = new Map([[policy.name, refOf(req.policy)]]);
  if (challenger && req.challenger !== undefined) policyRefs.set(challenger.name, refOf(req.challenger));
  const fp = (p: Policy) => fnv1a(canonicalJson(p));
  const points = gridPoints(sweep);
  const arms: ArmSettings[] = challenger
    ? [
        {
          policy: withSet(challenger, req.challengerSet),
          use: challenger === policy ? null : challenger,
          set: req.challengerSet,
        },
      ]
    : points.map((params) => ({ policy: withSet(policy, params), use: null, set: params }));
  const cautions = checkArms(challenger ? [] : points, policy, challenger, req.challengerSet);
  // a file's own cautions once, however many arms run it (the challenger may be the champion)
  const warnings = [...new Set([policy, ...(challenger ? [challenger] : [])].flatMap(policyWarnings))];
  const settings: PopulationSettings = {
    seed: req.seed,
    days: req.days,
    start: req.start,
    policy,
    arms,
    from: req.challengerFrom,
    // champion/challenger; a sweep's neighbours (arm i is variant i − 1)
    compare: challenger ? [[0, 1]] : neighbours(sweep).map(([a, b]) => [a + 1, b + 1]),
    bad: req.bad ?? "ever90",
    scoreDay: Math.min(req.scoreDay ?? DEFAULT_SCORE_DAY, req.days - 1),
    stress: req.stress == null ? null : { day: req.stress },
  };
  const setText = Object.entries(req.challengerSet)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  const challengerLabel = challenger ? (hasSet ? `${challenger.name} + ${setText}` : challenger.name) : "";
  const meta: PopulationMeta = {
    seed: req.seed,
    days: req.days,
    start: req.start,
    accounts: req.accounts,
    range: [0, req.accounts],
    personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: personaFingerprint(p) })),
    policy: {
      name: policy.name,
      ref: sharedPolicyRef(policyRefs.get(policy.name)!, cwd),
      fingerprint: fp(policy),
    },
    challenger: challenger
      ? {
          name: challengerLabel,
          ref: sharedPolicyRef(policyRefs.get(challenger.name)!, cwd),
          fingerprint: fp(challenger),
          set: req.challengerSet,
        }
      : null,
    challengerFrom: req.challengerFrom,
    sweep: sweep.length > 0 ? { axes: sweep.map((a) => ({ ...a })), variants: points } : null,
    bad: settings.bad,
    scoreDay: settings.scoreDay,
    costOfFunds: req.costOfFunds ?? DEFAULT_COST_OF_FUNDS,
    stress: req.stress ?? null,
  };
  return {
    personas,
    settings,
    meta,
    policyRefs,
    files: [...personas.map((p) => p.file), ...reading.cache.keys()],
    cwd,
    warnings: [...warnings, ...cautions],
  };
}

/** Shard i (1-based) of n: a contiguous block of account indices. */
export function shardRange(accounts: number, index: number, count: number): [number, number] {
  return [Math.floor((accounts * (index - 1)) / count), Math.floor((accounts * index) / count)];
}

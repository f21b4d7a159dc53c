// One account of a population as a scenario file: run again under one arm (alone, the events its customer
// made kept), and written with its outcome as its expectation and a header that says how to get it
// again. `credit-sim run` on the file reproduces the account: the events are what the customer did under
// that arm's decisions, and the engine decides them again the same way.

import { isAbsolute, relative } from "node:path";
import type { Scenario, ScenarioEvent } from "../engine/index.js";
import { schemaComment } from "../scenario/json-schema.js";
import { AccountRunner } from "./account.js";
import { reactionsOf } from "./agent.js";
import { scenarioYaml } from "./export.js";
import { type Outcome, outcomeClass } from "./outcome.js";
import { makePlan } from "./plan.js";
import { personaIndexOf } from "./runner.js";
import { populationContext } from "./settings.js";
import type { Population } from "./setup.js";
import { paramsText } from "./sweep.js";

/** An arm by number: 0 the champion, 1 the challenger, or a sweep's variant i (1-based). */
export type Arm = number;

/** A path as a file in `fromDir` refers to it: `./x` or `../x`. */
function relativeRef(fromDir: string, target: string): string {
  const r = relative(fromDir, target);
  return r.startsWith(".") ? r : `./${r}`;
}

/** The policy an arm runs, as a scenario's name says it: the policy's name, the challenger's (with what
 *  it sets), or the variant's number and parameters. */
function armPolicyName(pop: Population, arm: Arm): string {
  if (arm === 0) return pop.settings.policy.name;
  const variant = pop.meta.sweep?.variants[arm - 1];
  if (variant) return `variant ${arm}: ${paramsText(variant)}`;
  return pop.meta.challenger?.name ?? pop.settings.arms[arm - 1]!.policy.name;
}

/** Account `index` under arm `arm`, as the scenario its customer's events make, and its outcome. The
 *  name says the arm: one account's files under two arms load together (`run a b`, `test DIR`). */
export function accountScenario(
  pop: Population,
  index: number,
  arm: Arm,
): { scenario: Scenario; outcome: Outcome; persona: string } {
  const s = pop.settings;
  const ctx = populationContext(s);
  const persona = pop.personas[personaIndexOf(s, pop.personas, index)]!;
  const [lane] = new AccountRunner(ctx, { record: true }).run(persona, reactionsOf(persona), index, arm);
  const events: ScenarioEvent[] = [...lane!.issued];
  let policy = s.policy;
  const a = arm > 0 ? s.arms[arm - 1] : undefined;
  if (a) {
    const set = Object.keys(a.set).length > 0;
    if (s.from <= 0 && !set) policy = a.use ?? s.policy;
    else {
      // the arm takes over on its day, before that day's own events — what a written file would say
      let at = events.length;
      while (at > 0 && events[at - 1]!.day >= s.from) at--;
      events.splice(at, 0, { day: s.from, index: 0, type: "policy", use: a.use, set: a.set });
    }
  }
  // file order = engine order: indices round-trip
  const numbered = events.map((e, i) => ({ ...e, index: i }));
  const plan = makePlan(ctx, persona, index);
  return {
    scenario: {
      name: `${persona.name}-${index} (${armPolicyName(pop, arm)})`,
      description: `account ${index} of persona ${persona.name} (seed ${s.seed})`,
      start: s.start,
      until: ctx.until,
      seed: s.seed,
      policy,
      profile: plan.profile,
      events: numbered,
      observe: ctx.samples,
    },
    outcome: lane!.outcome,
    persona: persona.name,
  };
}

/** The written scenario of account `index` under one arm, for a file in `fileDir`; `within` names what
 *  the file belongs to when the same account and arm is written more than once (a sweep's flips: a
 *  variant is in two neighbouring pairs), so that every name in one folder differs. */
export function accountYaml(
  pop: Population,
  index: number,
  arm: Arm,
  fileDir: string,
  within?: string,
): string {
  const { scenario, outcome, persona } = accountScenario(pop, index, arm);
  if (within !== undefined) scenario.name = `${scenario.name.slice(0, -1)}; ${within})`;
  const policyRef = (name: string) => {
    const ref = pop.policyRefs.get(name) ?? name;
    return isAbsolute(ref) ? relativeRef(fileDir, ref) : ref;
  };
  const s = pop.settings;
  const schema = schemaComment(fileDir, pop.cwd);
  const armFlag = arm === 0 ? "" : ` --arm ${pop.meta.sweep ? arm : "challenger"}`;
  return scenarioYaml(scenario, {
    policyRef,
    outcome,
    header: [
      ...(schema !== null ? [schema] : []),
      `Account ${index} of a credit-sim population (persona ${persona}), exported by:`,
      `  credit-sim simulate … --seed ${s.seed} --days ${s.days} --start ${s.start} --export-account ${index}${armFlag}`,
      `Its outcome in the population: ${outcomeClass(outcome)} (the expectation below).`,
    ],
  });
}

/** The bytes of a policy's name a flipped account's file name keeps (a name is at most 200 characters, a
 *  file name at most 255 bytes: `account-N.` and `.yaml` and an arm's suffix fit beside 200). */
const FILE_NAME_PART = 200;

/** The file name of one arm of a flipped account: account-42.tightened.yaml, account-7.严格政策.yaml;
 *  `suffix` (`_arm_2_`, telling apart two names the file system would take for one) is never cut off. */
export function flipFileName(index: number, label: string, suffix = ""): string {
  return `account-${index}.${fileNamePart(label, FILE_NAME_PART)}${fileNamePart(suffix, FILE_NAME_PART)}.yaml`;
}

/**
 * A name from a file as part of a file or folder name: letters and digits of any script (composed, NFC,
 * as macOS stores names: `café` typed either way is one name), their marks, `_` and `-` (and `.` where
 * `dots`, never first or last: a hidden name, or one Windows cuts short) kept; every other character —
 * path separators, controls, bidirectional and zero-width characters, spaces, punctuation — is `_`. Cut to
 * `maxBytes` of UTF-8 at a character's edge, as a file name is limited in bytes, not characters.
 */
export function fileNamePart(text: string, maxBytes: number, dots = false): string {
  const kept = text
    .normalize("NFC")
    .replace(dots ? /[^\p{L}\p{M}\p{N}_.-]/gu : /[^\p{L}\p{M}\p{N}_-]/gu, "_")
    .replace(/^\.|\.$/g, "_");
  let out = "";
  let bytes = 0;
  for (const c of kept) {
    const code = c.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    out += c;
  }
  return out;
}

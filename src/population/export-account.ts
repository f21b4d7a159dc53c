// One account of a population as a scenario file: regenerated from (seed, persona, index), run under one
// arm to find its outcome, and written with that outcome as its expectation and a header that says how to
// get it again. `credit-sim run` on the file reproduces the account.

import { dirname, isAbsolute, join, relative } from "node:path";
import { run } from "../engine/index.js";
import { BUILTIN_POLICY_DIR } from "../scenario/load-policy.js";
import { OutcomeRecorder, outcomeClass } from "./aggregate.js";
import { scenarioYaml } from "./export.js";
import { challengerScenario, generateAccount, generationContext } from "./generate.js";
import { personaIndexOf } from "./runner.js";
import type { Population } from "./setup.js";

export type Arm = "champion" | "challenger";

/** A path as a file in `fromDir` refers to it: `./x` or `../x`. */
function relativeRef(fromDir: string, target: string): string {
  const r = relative(fromDir, target);
  return r.startsWith(".") ? r : `./${r}`;
}

/** The written scenario of account `index` under one arm, for a file in `fileDir`. */
export function accountYaml(pop: Population, index: number, arm: Arm, fileDir: string): string {
  const ctx = generationContext(pop.settings);
  const persona = pop.personas[personaIndexOf(pop.settings, pop.personas, index)]!;
  let scenario = generateAccount(ctx, persona, index);
  if (arm === "challenger") scenario = challengerScenario(ctx, scenario);
  const rec = new OutcomeRecorder();
  rec.reset(scenario.until);
  run(scenario, rec);
  const outcome = rec.finish();
  const policyRef = (name: string) => {
    const ref = pop.policyRefs.get(name) ?? name;
    return isAbsolute(ref) ? relativeRef(fileDir, ref) : ref;
  };
  const s = pop.settings;
  const schema = join(dirname(BUILTIN_POLICY_DIR), "schema", "scenario.schema.json");
  return scenarioYaml(scenario, {
    policyRef,
    outcome,
    header: [
      `yaml-language-server: $schema=${relativeRef(fileDir, schema)}`,
      `Account ${index} of a credit-sim population (persona ${persona.name}), exported by:`,
      `  credit-sim simulate … --seed ${s.seed} --days ${s.days} --start ${s.start} --export-account ${index}${arm === "challenger" ? " --arm challenger" : ""}`,
      `Its outcome in the population: ${outcomeClass(outcome)} (the expectation below).`,
    ],
  });
}

/** The file name of one arm of a flipped account: account-42.tightened.yaml. */
export function flipFileName(index: number, policyName: string): string {
  return `account-${index}.${policyName.replace(/[^A-Za-z0-9_-]/g, "_")}.yaml`;
}

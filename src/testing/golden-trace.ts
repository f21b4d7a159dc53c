// The golden trace: a scenario's canonical trace as stable, reviewable text. One step a line, fixed
// columns, no colour, a header naming scenario and policy. Format changes bump FORMAT (and every
// snapshot then shows as changed, which is what a reviewer should see).

import type { Scenario, Step } from "../engine/index.js";
import { STEP_COLUMNS, stepLine, summariseStep } from "./steps.js";

const FORMAT = 1;

export function goldenTrace(scenario: Scenario, steps: readonly Step[]): string {
  const header = [
    `# credit-sim golden trace, format ${FORMAT}: review changes to this file like code`,
    `# scenario: ${scenario.name}`,
    `# policy: ${scenario.policy.name}  seed: ${scenario.seed}  start: ${scenario.start}  until: day ${scenario.until}`,
    `#${STEP_COLUMNS.slice(1)}`,
  ];
  return `${[...header, ...steps.map((s) => stepLine(summariseStep(s)))].join("\n")}\n`;
}

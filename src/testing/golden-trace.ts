// The golden trace: a scenario's canonical trace as stable, reviewable text. One step a line, fixed
// columns, no colour, a header naming scenario and policy. Format changes bump FORMAT (and every
// snapshot then shows as changed, which is what a reviewer should see).

import type { Scenario, Step } from "../engine/index.js";
import { printable } from "../shared/text.js";
import { TRACE_HEADER } from "./snapshot-files.js";
import { stepColumns, stepLine, summariseStep, twoLines } from "./steps.js";

/** 2: a decision's line (`jiebei:`), Jiebei's columns when the customer has Jiebei */
const FORMAT = 2;

export function goldenTrace(scenario: Scenario, steps: readonly Step[]): string {
  const header = [
    `${TRACE_HEADER}, format ${FORMAT}: review changes to this file like code`,
    `# scenario: ${printable(scenario.name)}`,
    `# policy: ${printable(scenario.policy.name)}  start: ${scenario.start}  until: day ${scenario.until}`,
  ];
  const summaries = steps.map(summariseStep);
  const jiebei = twoLines(summaries);
  header.push(`#${stepColumns(jiebei).slice(1)}`);
  return `${[...header, ...summaries.map((s) => stepLine(s, jiebei))].join("\n")}\n`;
}

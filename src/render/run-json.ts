// `run --json`: one JSON object per step (NDJSON), then one `end` record with what the text summary says.
// `--explain` adds to each deciding step the scorecard (every characteristic's value, bin and points),
// the band and default probability, and each reason with the values behind it.

import {
  band,
  Calendar,
  explain,
  probabilityOfDefault,
  type Scenario,
  type Step,
  type Trace,
} from "../engine/index.js";
import { jsonValue } from "../scenario/format.js";
import { jsonLine } from "../shared/text.js";
import { explainDay } from "./explain-day.js";
import { stepToJson } from "./json.js";
import { runSummary } from "./summary.js";

export interface RunJsonOptions {
  explain: boolean;
}

function scorecard(s: Step) {
  return {
    score: s.score,
    band: band(s.score),
    defaultProbability: Number(probabilityOfDefault(s.score).toPrecision(4)),
    factors: explain(s.inputs).map((f) => ({
      characteristic: f.characteristic.id,
      title: f.characteristic.title,
      ...jsonValue(f.value),
      bin: f.bin,
      points: f.points,
      max: f.characteristic.max,
      reason: f.characteristic.reason,
    })),
  };
}

/** The records one by one, each a line with its line break: what `run --json` writes as it goes (a run of
 *  100,000 steps is never held as one string). */
export function* runNdjsonLines(scenario: Scenario, trace: Trace, o: RunJsonOptions): Generator<string> {
  const explained = new Map<number, ReturnType<typeof explainDay>>();
  // how many steps of each day came before this one: its place among the day's explained steps (counted
  // as they go — counted again for each step, a day of 80,000 decisions took hours)
  const seen = new Map<number, number>();
  let day = -1;
  for (const s of trace.steps) {
    const record: Record<string, unknown> = { record: "step", ...stepToJson(scenario.name, s) };
    const place = seen.get(s.day) ?? 0;
    seen.set(s.day, place + 1);
    if (o.explain && s.decision !== null) {
      // a day's explanation is kept while its steps are written, then let go
      if (s.day !== day) explained.clear();
      day = s.day;
      const today = explained.get(s.day) ?? explainDay(scenario, trace, s.day);
      explained.set(s.day, today);
      const mine = today.steps[place];
      Object.assign(record, { scorecard: scorecard(s), why: mine?.reasons ?? [] });
    }
    yield `${jsonLine(record)}\n`;
  }
  const summary = runSummary(trace);
  yield `${jsonLine({
    record: "end",
    scenario: scenario.name,
    ...summary.end,
    date: new Calendar(scenario.start).date(summary.end.day),
    policy: trace.steps.at(-1)?.policy ?? scenario.policy.name,
    decisions: summary.decisions,
    events: summary.events,
    grid: summary.grid,
  })}\n`;
}

export function runNdjson(scenario: Scenario, trace: Trace, o: RunJsonOptions): string {
  return [...runNdjsonLines(scenario, trace, o)].join("");
}

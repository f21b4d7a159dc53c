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
import { traceToNdjson } from "./json.js";
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

export function runNdjson(scenario: Scenario, trace: Trace, o: RunJsonOptions): string {
  const lines = traceToNdjson(scenario.name, trace.steps).split("\n").filter(Boolean);
  const out: string[] = [];
  const explained = new Map<number, ReturnType<typeof explainDay>>();
  // how many steps of each day came before this one: its place among the day's explained steps (counted
  // as they go — counted again for each step, a day of 80,000 decisions took hours)
  const seen = new Map<number, number>();
  trace.steps.forEach((s, i) => {
    const record = { record: "step", ...(JSON.parse(lines[i]!) as Record<string, unknown>) };
    const place = seen.get(s.day) ?? 0;
    seen.set(s.day, place + 1);
    if (o.explain && s.decision !== null) {
      const day = explained.get(s.day) ?? explainDay(scenario, trace, s.day);
      explained.set(s.day, day);
      const mine = day.steps[place];
      Object.assign(record, { scorecard: scorecard(s), why: mine?.reasons ?? [] });
    }
    out.push(jsonLine(record));
  });
  const summary = runSummary(trace);
  out.push(
    jsonLine({
      record: "end",
      scenario: scenario.name,
      ...summary.end,
      date: new Calendar(scenario.start).date(summary.end.day),
      policy: trace.steps.at(-1)?.policy ?? scenario.policy.name,
      decisions: summary.decisions,
      events: summary.events,
      grid: summary.grid,
    }),
  );
  return `${out.join("\n")}\n`;
}

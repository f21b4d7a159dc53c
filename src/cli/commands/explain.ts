// `credit-sim explain FILE --day N`: why one day of a scenario decided what it did.

import { simulate } from "../../engine/index.js";
import { explainDay, renderExplanation } from "../../render/explain-day.js";
import { UsageError } from "../../shared/errors.js";
import { type CliIo, stdoutColour } from "../io.js";
import type { ExplainInvocation } from "../options/tools.js";
import { loadScenarioIn } from "../paths.js";

export function explainCommand(file: string, o: ExplainInvocation["options"], io: CliIo): void {
  const { scenario } = loadScenarioIn(io.cwd, file, o.policy !== undefined ? { policy: o.policy } : {});
  // simulate at least to the day asked about
  const until = Math.max(scenario.until, o.day);
  if (o.day > scenario.until && o.day > 36_500) throw new UsageError(`--day ${o.day} is beyond 36,500 days`);
  const trace = simulate(until === scenario.until ? scenario : { ...scenario, until });
  const x = explainDay(scenario, trace, o.day);
  io.stdout.write(
    o.json ? `${JSON.stringify(x, null, 2)}\n` : renderExplanation(x, stdoutColour(io, o.color)),
  );
}

// `credit-sim explain FILE --day N`: why one day of a scenario decided what it did. A day after the
// scenario's `until` is simulated to, within the bounds a file's own horizon has (36,500 days, and no
// date after 9999-12-31).

import { formatIsoDate, parseIsoDate, simulate } from "../../engine/index.js";
import { askedOn, explainDay, renderExplanation } from "../../render/explain-day.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { LAST_EPOCH_DAY } from "../../scenario/normalise.js";
import { MAX_DAY } from "../../scenario/shape.js";
import { InputError } from "../../shared/errors.js";
import { type CliIo, stdoutColour, warnDeprecations } from "../io.js";
import type { ExplainInvocation } from "../options/tools.js";
import { loadScenarioIn } from "../paths.js";

export function explainCommand(file: string, o: ExplainInvocation["options"], io: CliIo): void {
  // a day out of range and a file's problems are reported together
  const problems: InputError[] = [];
  if (o.day > MAX_DAY) problems.push(dayOutOfRange(o.day, `a whole number of days from 0 to ${MAX_DAY}`));
  let loaded: LoadedScenario | undefined;
  try {
    loaded = loadScenarioIn(io, file, o.policy !== undefined ? { policy: o.policy } : {});
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(e);
  }
  if (problems.length > 0 || loaded === undefined) throw InputError.all(problems);
  warnDeprecations([loaded], io);
  const { scenario } = loaded;
  const start = parseIsoDate(scenario.start);
  if (start !== null && start + o.day > LAST_EPOCH_DAY)
    throw dayOutOfRange(
      o.day,
      `at most day ${LAST_EPOCH_DAY - start} (${formatIsoDate(LAST_EPOCH_DAY)}, the last date there is): the scenario starts ${scenario.start}`,
    );
  // simulate at least to the day asked about, and keep its end (what time did after the last step too)
  const until = Math.max(scenario.until, o.day);
  // …and the day before's end: what is owed while the day runs (charges accrue at its close)
  const observe = [...scenario.observe, ...(o.day > 0 ? [o.day - 1] : []), o.day];
  const trace = simulate({ ...scenario, until, observe });
  const x = explainDay(scenario, trace, o.day, askedOn(scenario, o.day, until));
  io.stdout.write(
    o.json
      ? `${JSON.stringify(x, null, 2)}\n`
      : renderExplanation(x, stdoutColour(io, o.color), io.stdout.fitTo),
  );
}

function dayOutOfRange(day: number, expected: string): InputError {
  // worded as the option parser words a value past its range (options/numbers.ts)
  return new InputError(`${day} is too large`, { field: "--day", expected, found: String(day) });
}

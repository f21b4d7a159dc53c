// `credit-sim explain FILE --day N` (or the day's date): why one day of a scenario decided what it did. A
// day after the scenario's `until` is simulated to, within the bounds a file's own horizon has (36,500
// days, and no date after 9999-12-31).

import { formatIsoDate, parseIsoDate, simulate } from "../../engine/index.js";
import { askedOn, explainDay } from "../../render/explain-day.js";
import { renderExplanation } from "../../render/explain-text.js";
import { type DaySpan, dayInSpan } from "../../scenario/day-asked.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { LAST_EPOCH_DAY } from "../../scenario/normalise.js";
import { MAX_DAY } from "../../scenario/shape.js";
import { InputError } from "../../shared/errors.js";
import { jsonDocumentPieces } from "../../shared/json-pieces.js";
import { type CliIo, stdoutColour, streamPieces, warnDeprecations } from "../io.js";
import type { ExplainInvocation } from "../options/tools.js";
import { checkStandardOutput } from "../output-file.js";
import { loadScenarioIn } from "../paths.js";

export function explainCommand(file: string, options: ExplainInvocation["options"], io: CliIo): void {
  // a day out of range and a file's problems are reported together: against the longest horizon while
  // the file is unread, against the scenario's own days once it is
  const problems: InputError[] = [];
  const asked = options.day;
  let loaded: LoadedScenario | undefined;
  try {
    loaded = loadScenarioIn(io, file, options.policy !== undefined ? { policy: options.policy } : {});
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if ("day" in asked && asked.day > MAX_DAY)
      problems.push(dayOutOfRange(asked.day, `a whole number of days from 0 to ${MAX_DAY}`, asked.typed));
    problems.push(e);
  }
  if (problems.length > 0 || loaded === undefined) throw InputError.all(problems);
  // (what it prints never lands on what it read: `>> scenario.yaml`)
  checkStandardOutput(io.cwd, [file, ...(options.policy !== undefined ? [options.policy] : [])]);
  warnDeprecations([loaded], io);
  const { scenario } = loaded;
  const o = { ...options, day: dayInSpan("--day", asked, daysOf(scenario)) };
  // simulate at least to the day asked about, and keep its end (what time did after the last step too)
  const until = Math.max(scenario.until, o.day);
  // …and the day before's end: what is owed while the day runs (charges accrue at its close)
  const observe = [...scenario.observe, ...(o.day > 0 ? [o.day - 1] : []), o.day];
  const trace = simulate({ ...scenario, until, observe });
  const x = explainDay(scenario, trace, o.day, askedOn(scenario, o.day, until));
  // the JSON a value at a time: a day of 100,000 steps is 180 MB of it
  if (o.json) streamPieces(io.stdout, jsonDocumentPieces(x));
  else io.stdout.write(renderExplanation(x, stdoutColour(io, o.color), io.stdout.fitTo));
}

/**
 * The days `explain` takes of a scenario: its own, 0 to its until, and past them as far as a horizon goes
 * (MAX_DAY from its start, and no date after 9999-12-31) — what a day too large is said against.
 */
function daysOf(scenario: LoadedScenario["scenario"]): DaySpan {
  const start = parseIsoDate(scenario.start) ?? 0;
  const last = Math.min(MAX_DAY, LAST_EPOCH_DAY - start);
  const why = last < MAX_DAY ? " (the calendar ends on 9999-12-31)" : "";
  return {
    start: scenario.start,
    last,
    of: "the scenario",
    hint: `the scenario's days are 0 to ${scenario.until} (${scenario.start} to ${formatIsoDate(start + scenario.until)}); explain plays on past them up to ${MAX_DAY} days from the start${why}`,
  };
}

function dayOutOfRange(day: number, expected: string, typed = String(day)): InputError {
  // worded as the option parser words a value past its range (options/numbers.ts)
  return new InputError(`${typed} is too large`, { field: "--day", expected, found: typed });
}

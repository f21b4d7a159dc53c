// The scorecard as the library hands it out: the inputs a caller builds by hand are checked before they
// are scored. `score({})` was 350 (no characteristic found scores its lowest), `band(NaN)` "excellent"
// (no comparison with NaN holds, so none said otherwise): numbers no file could make, given as answers.
// The engine's own callers keep the scorecard unchecked (it runs for every account every month).

import {
  band as engineBand,
  explain as engineExplain,
  probabilityOfDefault as engineProbability,
  score as engineScore,
  type ScoreInputs,
} from "./engine/index.js";
import { describeValue, InputError } from "./shared/errors.js";

/** Each input's kind: a count or measure (a finite number, 0 or more), one that may be null (no line to
 *  measure), a ratio that may be below 0 (a balance overpaid) or null, or true/false. Every input is
 *  listed (a compile error otherwise). */
const KINDS: Record<keyof ScoreInputs, "number" | "numberOrNull" | "signedOrNull" | "flag"> = {
  daysPastDueNow: "numberOrNull",
  worstDaysPastDue24m: "numberOrNull",
  missedDues12m: "numberOrNull",
  goodMonths24m: "numberOrNull",
  seriousDelinquency60m: "numberOrNull",
  seriousDelinquencyDaysLeft: "number",
  utilisation: "signedOrNull",
  debtToIncome: "number",
  revolvingDues6m: "numberOrNull",
  monthlyIncome: "number",
  historyMonths: "number",
  purchases90d: "numberOrNull",
  inquiries30d: "number",
  inquiries180d: "number",
  verified: "flag",
  profileChanges90d: "number",
  age: "number",
};

const refusal = (field: string, expected: string, found: unknown): InputError => {
  const shown = describeValue(found);
  return new InputError(`${field}: expected ${expected}, found ${shown}`, { field, expected, found: shown });
};

/** The inputs, each read once into a copy (the copy is scored): every problem at once, an InputError. */
function checkedInputs(inputs: ScoreInputs): ScoreInputs {
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs))
    throw refusal("inputs", "the score's inputs: an object with daysPastDueNow, utilisation, …", inputs);
  const copy: Record<string, unknown> = {};
  const problems: InputError[] = [];
  for (const [field, kind] of Object.entries(KINDS)) {
    let value: unknown;
    try {
      value = (inputs as unknown as Record<string, unknown>)[field];
    } catch {
      problems.push(refusal(`inputs.${field}`, "a value", "a getter that throws"));
      continue;
    }
    copy[field] = value;
    const orNull = kind === "numberOrNull" || kind === "signedOrNull";
    const ok =
      kind === "flag"
        ? typeof value === "boolean"
        : (orNull && value === null) ||
          (typeof value === "number" && Number.isFinite(value) && (value >= 0 || kind === "signedOrNull"));
    if (!ok) {
      const number = kind === "signedOrNull" ? "a finite number" : "a finite number, 0 or more";
      const expected = kind === "flag" ? "true or false" : `${number}${orNull ? ", or null" : ""}`;
      problems.push(refusal(`inputs.${field}`, expected, value));
    }
  }
  if (problems.length > 0) throw InputError.all(problems);
  return copy as unknown as ScoreInputs;
}

/** A score as band and probabilityOfDefault take it: a finite number. */
function checkedScore(value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw refusal("score", "a finite number", value);
  return value;
}

/** score(): the score and each characteristic's points, of inputs checked first (an InputError). */
export const score: typeof engineScore = (inputs) => engineScore(checkedInputs(inputs));
/** explain(): each characteristic's value, bin and points, of inputs checked first. */
export const explain: typeof engineExplain = (inputs) => engineExplain(checkedInputs(inputs));
/** band(): the word for a score (a finite number). */
export const band: typeof engineBand = (value) => engineBand(checkedScore(value));
/** probabilityOfDefault(): the odds a score stands for (a finite number). */
export const probabilityOfDefault: typeof engineProbability = (value) =>
  engineProbability(checkedScore(value));

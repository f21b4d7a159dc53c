// The scorecard as the library hands it out: the inputs a caller builds by hand are checked before they
// are scored. `score({})` was 350 (no characteristic found scores its lowest), `band(NaN)` "excellent"
// (no comparison with NaN holds, so none said otherwise): numbers no file could make, given as answers.
// The engine's own callers keep the scorecard unchecked (it runs for every account every month).

import {
  band as engineBand,
  explain as engineExplain,
  probabilityOfDefault as engineProbability,
  score as engineScore,
  SCORE_MAX,
  SCORE_MIN,
} from "./engine/index.js";
import { scoreInputs as inputs } from "./library-checked.js";
import { checked, leaf } from "./library-door.js";

/** A score as band and probabilityOfDefault take it: one the scorecard can give (band(7) was "poor", of a
 *  score no one has). */
const scoreValue = leaf(
  `a score: a number from ${SCORE_MIN} to ${SCORE_MAX}`,
  (v) => typeof v === "number" && v >= SCORE_MIN && v <= SCORE_MAX,
);

/** score(): the score and each characteristic's points, of inputs checked first (an InputError). */
export const score: typeof engineScore = checked(engineScore, [["inputs", inputs]]);
/** explain(): each characteristic's value, bin and points, of inputs checked first. */
export const explain: typeof engineExplain = checked(engineExplain, [["inputs", inputs]]);
/** band(): the word for a score (one from SCORE_MIN to SCORE_MAX). */
export const band: typeof engineBand = checked(engineBand, [["score", scoreValue]]);
/** probabilityOfDefault(): the odds a score stands for (one from SCORE_MIN to SCORE_MAX). */
export const probabilityOfDefault: typeof engineProbability = checked(engineProbability, [
  ["score", scoreValue],
]);

// A step's score change in words, for every renderer alike: the characteristics the step moved, what time
// and month-end reports moved before it (the engine's `byTime`: never credited to the step), and the
// 350–950 bounds when they took up points (the moves then add up to more than the change, or time's part to
// more than its own).

import type { CharacteristicId, ScoreMove, Step } from "../engine/index.js";
import { CHARACTERISTICS, SCORE_MAX, SCORE_MIN } from "../engine/index.js";
import { signed } from "../scenario/format.js";

const TITLE = new Map(CHARACTERISTICS.map((c) => [c.id, c.title]));

export interface ScoreChange {
  /** the whole change since the previous step */
  delta: number;
  /** "Title ±n" of each characteristic the step itself moved */
  own: string[];
  /** what moved before the step's day's first input, since the step on day `since` */
  time: { since: number; delta: number; moves: string[] } | null;
  /** the bound that held the score, when the moves add up to more than the change */
  bound: string | null;
}

const moveText = (characteristic: CharacteristicId, points: number) =>
  `${TITLE.get(characteristic) ?? characteristic} ${signed(points)}`;

export function scoreChange(step: Pick<Step, "score" | "scoreDelta" | "moves" | "byTime">): ScoreChange {
  const time = step.byTime;
  // the step's own part of each characteristic: the whole move less time's (one time moved and the step
  // moved back is in `moves` not at all, yet both parts happened)
  const ownPoints = new Map<CharacteristicId, number>();
  for (const m of step.moves) ownPoints.set(m.characteristic, m.to - m.from);
  for (const m of time?.moves ?? [])
    ownPoints.set(m.characteristic, (ownPoints.get(m.characteristic) ?? 0) - (m.to - m.from));
  const order = CHARACTERISTICS.map((c) => c.id);
  const own = [...ownPoints]
    .filter(([, points]) => points !== 0)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([id, points]) => moveText(id, points));
  return {
    delta: step.scoreDelta,
    own,
    time: time
      ? {
          since: time.since,
          delta: time.delta,
          moves: time.moves.map((m) => moveText(m.characteristic, m.to - m.from)),
        }
      : null,
    bound: boundText(step.score, step.scoreDelta, step.moves, time ?? null),
  };
}

const pointsOf = (moves: readonly ScoreMove[]) => moves.reduce((sum, m) => sum + m.to - m.from, 0);

/** The bound that took up points, in the whole change or in time's part of it: the moves can add up to the
 *  whole change though time's part was held (360, time −40 held at 350, the step +30: −10 in all), and
 *  then time's sum and the step's own moves do not add up to the change. */
function boundText(
  score: number,
  delta: number,
  moves: readonly ScoreMove[],
  time: NonNullable<Step["byTime"]> | null,
): string | null {
  const timeHeld = time !== null && pointsOf(time.moves) !== time.delta;
  if (pointsOf(moves) === delta && !timeHeld) return null;
  const before = score - delta;
  // the floor held at either end, or in between (after time's part)
  const floor = score === SCORE_MIN || before === SCORE_MIN || before + (time?.delta ?? 0) === SCORE_MIN;
  return floor
    ? `points below the floor of ${SCORE_MIN} count for nothing`
    : `points above the ceiling of ${SCORE_MAX} count for nothing`;
}

/** "score −3: Total debt +47; by time since day 105, −50: Days past due now −50", or null for no change. */
export function scoreChangeText(
  step: Pick<Step, "score" | "scoreDelta" | "moves" | "byTime">,
): string | null {
  const c = scoreChange(step);
  if (c.delta === 0 && c.own.length === 0 && c.time === null) return null;
  const parts: string[] = [];
  if (c.own.length > 0) parts.push(c.own.join(", "));
  if (c.time) {
    const only = c.own.length === 0;
    parts.push(
      `by time since day ${c.time.since}${only ? "" : `, ${signed(c.time.delta)}`}: ${c.time.moves.join(", ")}`,
    );
  }
  const bound = c.bound ? ` (${c.bound})` : "";
  return `score ${signed(c.delta)}${parts.length ? `: ${parts.join("; ")}` : ""}${bound}`;
}

// Small pieces every report shares: tones for decisions and statuses, month ticks for a day axis, and
// the step lines (score, limit, balance) of a trace.

import { Calendar, type Decision, type Status } from "../../engine/index.js";
import { yuanText } from "../../scenario/format.js";
import { DASH, PALETTE, type Tone } from "./chart-spec.js";

/** A decision's colour family. Exhaustive: a new decision must be given one. */
export function decisionTone(d: Decision | null): Tone {
  switch (d) {
    case "approved":
    case "restored":
    case "limit_restored":
      return "good";
    case "approved_lower":
    case "limit_reduced":
      return "warn";
    case "declined":
    case "suspended":
    case "closed":
    case "charged_off":
      return "bad";
    case "info":
      return "info";
    case null:
      return "neutral";
    default:
      return unknownMember(d, "neutral");
  }
}

export function statusTone(s: Status): Tone {
  switch (s) {
    case "active":
      return "good";
    case "suspended":
    case "closed":
    case "charged_off":
      return "bad";
    case "none":
      return "neutral";
    default:
      return unknownMember(s, "neutral");
  }
}

export { statusText } from "../../scenario/format.js";

/** The compiler flags an unhandled member (`never`); at run time a value from newer data still renders. */
function unknownMember<T>(_value: never, fallback: T): T {
  return fallback;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Ticks at the first of each month within [0, until] (every 2nd/3rd/… month on long spans), labelled
 *  "Mar 2024"; the first tick of each year shows the year, the others only the month. */
export function monthTicks(start: string, until: number): Array<{ value: number; label: string }> {
  const cal = new Calendar(start);
  const first = cal.civil(0);
  const months = Math.ceil(until / 30.44) + 1;
  const every = months <= 14 ? 1 : months <= 28 ? 2 : months <= 42 ? 3 : months <= 84 ? 6 : 12;
  const ticks: Array<{ value: number; label: string }> = [];
  let year = first.year;
  let month = first.month;
  let lastYear = -1;
  for (let i = 0; ; i++) {
    const day = cal.dayOfMonthIn(year, month, 1);
    if (day > until) break;
    if (day >= 0 && (month - 1) % every === 0) {
      ticks.push({
        value: day,
        label: year !== lastYear ? `${MONTHS[month - 1]} ${year}` : MONTHS[month - 1]!,
      });
      lastYear = year;
    }
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
    if (i > 12 * 200) break;
  }
  if (ticks.length === 0 || ticks[0]!.value > 0) ticks.unshift({ value: 0, label: cal.date(0) });
  return ticks;
}

export interface SeriesPoint {
  day: number;
  score: number;
  /** yuan */
  limit: number;
  balance: number;
}

/** Line datasets for score (left axis) and, optionally, limit and balance (right axis, yuan). */
export function lineDatasets(
  points: readonly SeriesPoint[],
  options: { label?: string; money?: boolean; colour?: string; dashed?: boolean } = {},
) {
  const prefix = options.label ? `${options.label}: ` : "";
  const line = (label: string, colour: string, axis: string, key: "score" | "limit" | "balance") => ({
    label: prefix + label,
    data: points.map((p) => ({ x: p.day, y: p[key] })),
    yAxisID: axis,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: key === "score" ? 2.5 : 1.75,
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: "line",
    // a value holds until the day of the step that changed it (Chart.js "after" draws it from the step before)
    stepped: "before",
    ...(options.dashed ? { borderDash: [6, 4] } : {}),
    // money as the tables print it, in fen (the page script would round it to whole yuan, as its axis does)
    ...(key === "score" ? {} : { borderDash: [...DASH[key]], texts: moneyTexts(points, key) }),
    order: key === "score" ? 2 : 3,
  });
  const out = [line("score", options.colour ?? PALETTE.score, "y", "score")];
  if (options.money !== false) {
    out.push(line("limit", PALETTE.limit, "y1", "limit"), line("balance", PALETTE.balance, "y1", "balance"));
  }
  return out;
}

/** Each point's amount (yuan) as the page's tables print it: a money line's tooltip shows that. */
export const moneyTexts = <K extends string>(points: ReadonlyArray<Record<K, number>>, key: K): string[] =>
  points.map((p) => yuanText(p[key]));

/** The y axes of a score + money chart. The money axis reaches a twentieth past the largest amount
 *  (`maxMoney`, yuan), so the highest limit runs beneath the chart's top edge, not along it. */
export function scoreMoneyScales(minScore: number, maxScore: number, money: boolean, maxMoney = 0) {
  return {
    x: { grid: { color: PALETTE.grid } },
    y: {
      position: "left",
      title: { display: true, text: "score" },
      suggestedMin: Math.max(350, Math.floor((minScore - 30) / 50) * 50),
      suggestedMax: Math.min(950, Math.ceil((maxScore + 30) / 50) * 50),
      grid: { color: PALETTE.grid },
    },
    ...(money
      ? {
          y1: {
            position: "right",
            title: { display: true, text: "yuan" },
            beginAtZero: true,
            ...(maxMoney > 0 ? { suggestedMax: maxMoney * 1.05 } : {}),
            grid: { drawOnChartArea: false },
          },
        }
      : {}),
  };
}

// Score over time in the terminal. asciichart draws; we resample the (day, score) series to the width.

import asciichart from "asciichart";
import { printable } from "../shared/text.js";

export interface Series {
  label: string;
  points: ReadonlyArray<{ day: number; score: number }>;
}

/**
 * Resamples a step series (each point holds until the next) to `width` columns over days [0, until].
 * A column shows the lowest score of its days, so a short dip (a suspension) is never lost between columns.
 */
function resample(points: Series["points"], until: number, width: number): number[] {
  const out: number[] = [];
  let j = 0;
  let current = points[0]?.score ?? 0;
  for (let col = 0; col < width; col++) {
    const last = Math.floor(((col + 1) / width) * (until + 1)) - 1;
    let low = current;
    while (j < points.length && points[j]!.day <= last) {
      current = points[j++]!.score;
      low = Math.min(low, current);
    }
    out.push(low);
  }
  return out;
}

/** A score chart; with several series, colour tells them apart — only where `colour` allows (a terminal). */
export function scoreChart(
  series: readonly Series[],
  until: number,
  width = 64,
  height = 10,
  colour = true,
): string {
  const data = series.map((s) => resample(s.points, until, width));
  const all = data.flat();
  const min = Math.floor(Math.min(...all) / 10) * 10;
  const max = Math.ceil(Math.max(...all) / 10) * 10;
  const colors = [asciichart.default, asciichart.cyan];
  const plot = asciichart.plot(data, {
    height,
    min,
    max: max === min ? min + 10 : max,
    format: (x: number) => String(Math.round(x)).padStart(4),
    ...(series.length > 1 && colour ? { colors: colors.slice(0, series.length) } : {}),
  });
  const axis = `${" ".repeat(6)}day 0${" ".repeat(Math.max(1, width - 9 - String(until).length))}day ${until}`;
  const legend =
    series.length > 1
      ? `\n${" ".repeat(6)}${series.map((s, i) => `${i === 0 ? "━" : "┅"} ${printable(s.label)}`).join("   ")}`
      : "";
  return `${plot}\n${axis}${legend}`;
}

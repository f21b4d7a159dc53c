// Score over time in the terminal. asciichart draws; we resample the (day, score) series to the width.

import asciichart from "asciichart";
import { maxOf, minOf } from "../shared/lists.js";
import { printable } from "../shared/text.js";

export interface Series {
  label: string;
  points: ReadonlyArray<{ day: number; score: number }>;
}

/**
 * Resamples a step series (each point holds until the next) to `width` columns over days [0, until].
 * A column shows the lowest score of its days, so a short dip (a suspension) is never lost between columns;
 * the last shows where the run ends.
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
    // the last column ends where the run ends (the end score a summary reports), not at its lowest
    out.push(col === width - 1 ? current : low);
  }
  return out;
}

/** The axis labels' width: a score padded to 4, a space and the axis (` 860 ┤`). */
const AXIS = 6;

/**
 * The plot's width for a terminal of `columns` (undefined: not fitted), 64 at most: a wider row would be
 * folded at its gaps like a table's, scattering the curve over two lines. One column is left free, and
 * 20 kept at least (a narrower plot says nothing).
 */
export function chartWidth(columns: number | undefined): number {
  return columns === undefined ? 64 : Math.max(20, Math.min(64, columns - AXIS - 1));
}

/** The second series' line: dotted, so it reads apart from the first without colour too. */
const DOTTED: [string, string, string, string, string, string, string, string, string, string] = [
  "┼",
  "┤",
  "╶",
  "╴",
  "┄",
  "╰",
  "╭",
  "╮",
  "╯",
  "┆",
];

/**
 * A score chart. A second series is drawn dotted under the first (where both take a cell, the first's
 * solid line shows) and, where `colour` allows (a terminal), in cyan.
 */
export function scoreChart(
  series: readonly Series[],
  until: number,
  width = 64,
  height = 10,
  colour = true,
): string {
  const data = series.map((s) => resample(s.points, until, width));
  const all = data.flat();
  const min = Math.floor(minOf(all) / 10) * 10;
  const max = Math.ceil(maxOf(all) / 10) * 10;
  const options = {
    height,
    min,
    max: max === min ? min + 10 : max,
    format: (x: number) => String(Math.round(x)).padStart(4),
  };
  const first = asciichart.plot([data[0]!], options).split("\n");
  const second = data[1] ? asciichart.plot([data[1]], { ...options, symbols: DOTTED }).split("\n") : null;
  const cyan = (ch: string) => (colour ? `${asciichart.cyan}${ch}${asciichart.reset}` : ch);
  // the same scale, so the rows and the axis line up cell for cell: the second shows where the first is blank
  const plot = (
    second
      ? first.map((row, r) => {
          const other = [...(second[r] ?? "")];
          return [...row]
            .map((ch, i) => (ch === " " && other[i] && other[i] !== " " ? cyan(other[i]) : ch))
            .join("");
        })
      : first
  )
    .map((row) => row.trimEnd())
    .join("\n");
  const axis = `${" ".repeat(AXIS)}day 0${" ".repeat(Math.max(1, width - 9 - String(until).length))}day ${until}`;
  const legend =
    series.length > 1
      ? `\n${" ".repeat(AXIS)}─ ${printable(series[0]!.label)}   ${cyan("┄")} ${printable(series[1]!.label)} (where they overlap, one line)`
      : "";
  return `${plot}\n${axis}${legend}`;
}

export interface ScatterPoint {
  x: number;
  y: number;
  /** one character drawn at the point */
  mark: string;
  /** drawn faint (a dominated variant) */
  faint?: boolean;
}

/**
 * A scatter plot in the terminal: each point its mark on a `width` × `height` grid, axes labelled with
 * their ranges (as percentages: the axes are rates). Points on one cell: the last drawn wins. `faint`
 * paints faint points with a dim style where colour is on.
 */
export function scatterChart(
  points: readonly ScatterPoint[],
  labels: { x: string; y: string },
  faint: (s: string) => string = (s) => s,
  width = 56,
  height = 12,
): string {
  if (points.length === 0) return "";
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  // rates: one value is given half a point either side, within 0–100 %
  const span = (lo: number, hi: number) =>
    hi - lo > 1e-12 ? [lo, hi] : lo < 0.005 ? [0, 0.01] : hi > 0.995 ? [0.99, 1] : [lo - 0.005, hi + 0.005];
  const [x0, x1] = span(minOf(xs), maxOf(xs)) as [number, number];
  const [y0, y1] = span(minOf(ys), maxOf(ys)) as [number, number];
  const grid: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(" "));
  // the marks of each cell, in drawing order: a cell shows its last, and the others are named below
  const cells = new Map<number, string[]>();
  for (const p of points) {
    const col = Math.round(((p.x - x0) / (x1 - x0)) * (width - 1));
    const row = height - 1 - Math.round(((p.y - y0) / (y1 - y0)) * (height - 1));
    grid[row]![col] = p.faint ? faint(p.mark) : p.mark;
    const marks = cells.get(row * width + col);
    if (marks) marks.push(p.mark);
    else cells.set(row * width + col, [p.mark]);
  }
  // an axis's ends with as many decimals (one at least) as tell them apart: a sweep's bad rates of 1.51 %
  // and 1.52 % read "1.5 %" at both ends
  const ends = (lo: number, hi: number): [string, string] => {
    const pct = (v: number, d: number) => `${(v * 100).toFixed(d)} %`;
    let d = 1;
    while (d < 4 && pct(lo, d) === pct(hi, d)) d++;
    return [pct(lo, d), pct(hi, d)];
  };
  const [bottom, top] = ends(y0, y1);
  const axisWidth = Math.max(bottom.length, top.length);
  const lines = grid.map((row, i) => {
    const tick = i === 0 ? top : i === height - 1 ? bottom : "";
    return `${tick.padStart(axisWidth)} ┤${row.join("").trimEnd()}`;
  });
  lines.push(`${" ".repeat(axisWidth)} └${"─".repeat(width)}`);
  const [left, right] = ends(x0, x1);
  lines.push(
    `${" ".repeat(axisWidth + 2)}${left}${" ".repeat(Math.max(1, width - left.length - right.length))}${right}`,
  );
  lines.push(`${" ".repeat(axisWidth + 2)}${labels.x} →   (↑ ${labels.y})`);
  for (const marks of cells.values())
    if (marks.length > 1)
      lines.push(
        `${" ".repeat(axisWidth + 2)}${marks.at(-1)} is drawn over ${marks.slice(0, -1).reverse().join(", ")} (the same cell)`,
      );
  return lines.join("\n");
}

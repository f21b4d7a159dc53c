// What a page tells its script about one chart. The configuration is plain JSON (Chart.js options, no
// functions), so renderers stay pure and testable; the page script (client.ts) adds what JSON cannot
// carry — tick and tooltip formatting, shaded spans — from the hints below.

/** How a value reads to a person. */
/** "pp": percentage points, a difference of two rates (a share of 5 % against 3 % is +2 pp, not +2 %). */
export type Unit = "points" | "yuan" | "percent" | "pp" | "count" | "days";

/** Colour families; the page maps them to its palette (one place to change the look). */
export type Tone = "good" | "warn" | "bad" | "info" | "neutral";

export interface ChartSpec {
  /** id of the <canvas> */
  id: string;
  /** a Chart.js configuration: type, data, options; JSON only */
  config: {
    type: "line" | "bar" | "scatter";
    data: { labels?: Array<string | number>; datasets: Dataset[] };
    options?: Record<string, unknown>;
  };
  /** the x axis counts days from this date: ticks at month starts, tooltips show the date */
  days?: { start: string; ticks: Array<{ value: number; label: string }> };
  /** the unit of each y axis (by axis id), for ticks and tooltips */
  units?: Record<string, Unit>;
  /** shaded spans of x (suspensions), drawn behind the data */
  spans?: Array<{ from: number; to: number; label: string; tone: Tone }>;
}

export interface Dataset {
  label: string;
  data: Array<number | null | { x: number; y: number | null } | [number, number]>;
  /** each point's value as the page's tables print it: its tooltip shows that, so that one rate reads the
   *  same in a table and in a chart (the page script would format the number its own way) */
  texts?: string[];
  /** tooltip lines per point (reasons, remedies), shown under the value */
  notes?: string[][];
  /** tooltip title per point, instead of the x value */
  titles?: string[];
  [option: string]: unknown;
}

/** The page palette, shared by the CSS and the charts. */
export const PALETTE = {
  score: "#4f46e5",
  limit: "#0d9488",
  balance: "#d97706",
  /** Jiebei's limit: fuchsia, a hue apart from the score's indigo (violet, 19° from it, read as a second
   *  score line where the cut limit ran at the score's level) */
  jiebei: "#c026d3",
  /** Jiebei's balance: its limit's hue, lighter */
  jiebeiBalance: "#e879f9",
  variant: "#db2777",
  good: "#16a34a",
  warn: "#d97706",
  bad: "#dc2626",
  info: "#0284c7",
  neutral: "#64748b",
  grid: "#e2e8f0",
} as const;

/** Each line of a scenario's chart its own dash: hue alone is lost in a greyscale print and to a reader
 *  without colour vision (Jiebei's fuchsia limit and the indigo score were one grey, both solid). The
 *  score alone solid; limits long dashes, balances short ones; Jiebei's with a dot or shorter. */
export const DASH = {
  score: [],
  limit: [8, 3],
  balance: [2, 3],
  jiebeiLimit: [8, 3, 2, 3],
  jiebeiBalance: [4, 3],
} as const satisfies Record<string, readonly number[]>;

/** A second policy's or run's dashed line, drawn over the first one's solid line (Chart.js draws the first
 *  dataset on top): where the two agree its dashes show, where under it the page drew one line of two.
 *  Only the drawing order: the page script keeps legends and tooltips in the datasets' order. */
export const ON_TOP = { order: -1 } as const;

/** Translucent fill for a tone (spans, bars). */
export function toneFill(tone: Tone, alpha = 0.12): string {
  return rgba(PALETTE[tone], alpha);
}

/** A #rrggbb colour with transparency. */
export function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

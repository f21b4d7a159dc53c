// The shell every HTML report shares: one self-contained file (styles, the chart library and the page
// script inline; no network), a header, the body the report renders, and its data as a JSON block.

import { visibleControls } from "../../shared/text.js";
import type { ChartSpec } from "./chart-spec.js";
import { PALETTE } from "./chart-spec.js";
import { CLIENT_SCRIPT } from "./client.js";
import { esc, jsonForScript, jsonPiecesForScript, scriptSource } from "./escape.js";
import { STYLES } from "./styles.js";

/** What a page needs from outside: the chart library's browser build (read by the caller). */
export interface HtmlAssets {
  /** Chart.js UMD source */
  chartJs: string;
}

export interface PageInput {
  /** <title> and the heading */
  title: string;
  /** the kind of report, shown above the heading ("Scenario run", "Test report", …) */
  kind: string;
  /** a sentence under the heading */
  lede?: string;
  /** small facts under the lede: [label, value] */
  facts?: Array<[string, string]>;
  /** the report's own markup (already escaped) */
  body: string;
  charts: ChartSpec[];
}

/** The mark in every page's head that says credit-sim wrote it: a page's derived name (`r.<name>.html`)
 *  replaces only a file that carries it. */
export const GENERATOR_META = '<meta name="generator" content="credit-sim">';

export function htmlPage(page: PageInput, assets: HtmlAssets): string {
  return [...htmlPagePieces(page, assets)].join("");
}

/** The page a piece at a time: its body as the report yields it, and its data (the charts' points and
 *  notes, tens of megabytes for a run of 100,000 steps) value by value — never held as one string. */
export function* htmlPagePieces(
  page: Omit<PageInput, "body"> & { body: string | Iterable<string> },
  assets: HtmlAssets,
): Generator<string> {
  const facts = (page.facts ?? [])
    .map(([k, v]) => `<span class="fact"><span class="fact-k">${esc(k)}</span> ${esc(v)}</span>`)
    .join("");
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${GENERATOR_META}
<title>${esc(page.title)} · ${esc(page.kind)} · credit-sim</title>
<style>${STYLES}</style>
</head>
<body>
<header class="top">
  <div class="wrap">
    <div class="kind">${esc(page.kind)} · credit-sim</div>
    <h1>${esc(page.title)}</h1>
    ${page.lede ? `<p class="lede">${esc(page.lede)}</p>` : ""}
    ${facts ? `<div class="facts">${facts}</div>` : ""}
  </div>
</header>
<main class="wrap">
`;
  if (typeof page.body === "string") yield page.body;
  else yield* page.body;
  yield `
</main>
<footer class="wrap foot">Made by credit-sim. Self-contained: this file loads nothing from the network. Charts: Chart.js (MIT).</footer>
<script type="application/json" id="report-data">`;
  // jsonForScript({ palette: PALETTE, charts: visibleStrings(page.charts) }), a value at a time
  yield `{"palette":${jsonForScript(PALETTE)},"charts":`;
  yield* jsonPiecesForScript(page.charts, visibleControls);
  yield `}</script>
<script>${scriptSource(assets.chartJs)}</script>
<script>${scriptSource(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
}

/** The class of a table's scroll box: it always scrolls sideways at a phone's width; a list of more
 *  than a screenful of rows is capped in height too (a short one shows whole: a capped box hid its last
 *  row's reasons where scrollbars are hidden) */
export const scrollBox = (rows: number): string => (rows > TALL_ROWS ? "scroll tall" : "scroll");
const TALL_ROWS = 12;

/** A titled card section. */
export function section(title: string, inner: string, options: { id?: string; note?: string } = {}): string {
  return [...sectionPieces(title, [inner], options)].join("");
}

/** A titled card section, its content in pieces (a table of 100,000 rows). */
export function* sectionPieces(
  title: string,
  inner: Iterable<string>,
  options: { id?: string; note?: string } = {},
): Generator<string> {
  yield `<section class="card"${options.id ? ` id="${esc(options.id)}"` : ""}>
<h2>${esc(title)}</h2>${options.note ? `\n<p class="note">${esc(options.note)}</p>` : ""}
`;
  yield* inner;
  yield `
</section>`;
}

/** A chart's canvas in a sized box (Chart.js fills its parent). With `tip`, its markers' reasons show in a
 *  panel of their own — beside the chart where the page is wide enough ("side"), else beneath it — not in a
 *  tooltip drawn over the chart: one hid the score's fall, the overdues and the declines its reasons named. */
export function chartBox(
  id: string,
  height = 320,
  label = "chart",
  options: { tip?: "side" | "below" } = {},
): string {
  const box = `<div class="chart" style="height:${height}px"><canvas id="${esc(id)}" role="img" aria-label="${esc(label)}"></canvas></div>`;
  if (!options.tip) return box;
  const side = options.tip === "side";
  return `<div class="chart-tip${side ? " side" : ""}">${box}<div class="tip" id="${esc(id)}-tip" aria-live="polite"${side ? ` style="max-height:${height}px"` : ""}><p class="tip-hint">Point at a marker: its day, decision, reasons and the customer's way forward show here. Click (or tap) it to keep them here while you read.</p></div></div>`;
}

/** Headline numbers: [label, value, tone?, small print?]. */
export function stats(items: Array<{ label: string; value: string; tone?: string; sub?: string }>): string {
  return `<div class="stats">${items
    .map(
      (s) =>
        `<div class="stat${s.tone ? ` tone-${esc(s.tone)}` : ""}"><div class="stat-v">${esc(s.value)}</div><div class="stat-k">${esc(s.label)}</div>${s.sub ? `<div class="stat-s">${esc(s.sub)}</div>` : ""}</div>`,
    )
    .join("")}</div>`;
}

/** A small coloured label. */
export function chip(text: string, tone: string): string {
  return `<span class="chip tone-${esc(tone)}">${esc(text)}</span>`;
}

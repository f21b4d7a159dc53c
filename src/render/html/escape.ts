// Escaping for the HTML reports. Every string that came from a user (scenario names, descriptions,
// merchants, notes, file paths, error messages) goes through one of these before it reaches a page.

import { jsonPieces } from "../../shared/json-pieces.js";
import { jsonText, visibleControls } from "../../shared/text.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  // line breaks as references (the page reads the same): a name's line break would otherwise start a
  // line of the page that a CI runner reading it on standard output takes as a command (`::error::…`)
  "\n": "&#10;",
  "\r": "&#13;",
  "\u2028": "&#8232;",
  "\u2029": "&#8233;",
};

/** Text for element content and attribute values; a control character or a bidirectional override is
 *  shown as an escape (`\x1b`, `\u202e`), as the text reports show it: a character reference would still
 *  reorder the page, and for C1 controls HTML reads it as another character. */
export function esc(text: string | number): string {
  return visibleControls(String(text)).replace(/[&<>"'\n\r\u2028\u2029]/g, (ch) => ENTITIES[ch]!);
}

/** Element content (esc) whose amounts of money stay whole on a line: between a sign and the yuan sign a
 *  browser may break ("apply for +" on one line, "¥5,000.00 limit" on the next, in the what-if page's
 *  narrow event column). Not for an attribute's value. */
export function escAmounts(text: string | number): string {
  return esc(text).replace(/[+−-]?¥[\d,]+(?:\.\d+)?/g, (amount) => `<span class="nw">${amount}</span>`);
}

/** A chart's data with every string as the page's text shows it (visibleControls): the canvas draws a
 *  label or a tooltip raw — a scenario's `\x1b` as a box, a U+202E reversing the rest of the name — where
 *  the page's text shows the escape. Line breaks and tabs stay, as in the page's text. */
export function visibleStrings<T>(value: T): T {
  if (typeof value === "string") return visibleControls(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleStrings(v)])) as T;
  return value;
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes, so a
 * scenario named `</script><script>…` stays data; U+2028/2029, DEL, C1 controls and bidirectional
 * overrides are escaped as in every JSON output (jsonText), so the page's bytes hold none raw.
 */
export function jsonForScript(value: unknown): string {
  return scriptEscaped(jsonText(value));
}

/** The `<`, `>` and `&` of JSON text as \u escapes (jsonForScript). */
const scriptEscaped = (json: string): string =>
  json.replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** jsonForScript(value), each string first passed through `text` (as visibleStrings does), written a
 *  piece at a time (see jsonPieces): a run's chart of 100,000 notes is tens of megabytes. The escapes
 *  are of one character each, so each piece is escaped alone. */
export function* jsonPiecesForScript(value: unknown, text: (s: string) => string): Generator<string> {
  for (const piece of jsonPieces(value, { text })) yield scriptEscaped(piece);
}

/** A library's source inside an inline <script>: nothing in it may close the element. */
export function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

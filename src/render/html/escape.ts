// Escaping for the HTML reports. Every string that came from a user (scenario names, descriptions,
// merchants, notes, file paths, error messages) goes through one of these before it reaches a page.

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

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes, so a
 * scenario named `</script><script>…` stays data; U+2028/2029, DEL, C1 controls and bidirectional
 * overrides are escaped as in every JSON output (jsonText), so the page's bytes hold none raw.
 */
export function jsonForScript(value: unknown): string {
  return jsonText(value).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A library's source inside an inline <script>: nothing in it may close the element. */
export function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

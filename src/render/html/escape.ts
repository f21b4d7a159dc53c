// Escaping for the HTML reports. Every string that came from a user (scenario names, descriptions,
// merchants, notes, file paths, error messages) goes through one of these before it reaches a page.

import { escapeUnseen, jsonText, visibleControls } from "../../shared/text.js";

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
  return jsonText(value).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The `<`, `>` and `&` of JSON text as \u escapes (jsonForScript). */
const scriptEscaped = (json: string): string =>
  json.replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * jsonForScript(value), each string first passed through `text` (as visibleStrings does), written a
 * piece at a time: a list or an object holding lists or objects is written value by value, anything
 * else whole. The same text as JSON.stringify's, without ever being one string (a run's chart of 100,000
 * notes is tens of megabytes); every escape above is of one character, so each piece is escaped alone.
 */
export function* jsonPiecesForScript(value: unknown, text: (s: string) => string): Generator<string> {
  const strings = (_key: string, v: unknown) => (typeof v === "string" ? text(v) : v);
  const whole = (v: unknown) => scriptEscaped(escapeUnseen(JSON.stringify(v, strings)));
  function* write(v: unknown): Generator<string> {
    if (v === null || typeof v !== "object" || (isPlain(v) && !Object.values(v).some(isComposite))) {
      yield whole(v);
    } else if (Array.isArray(v)) {
      yield "[";
      for (let i = 0; i < v.length; i++) {
        if (i > 0) yield ",";
        // what JSON.stringify writes null for in a list
        const item: unknown = v[i];
        if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
        else yield* write(item);
      }
      yield "]";
    } else {
      let first = true;
      yield "{";
      for (const [key, item] of Object.entries(v)) {
        // what JSON.stringify leaves out of an object
        if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
        // a key as it is: visibleStrings changes none
        yield `${first ? "" : ","}${scriptEscaped(escapeUnseen(JSON.stringify(key)))}:`;
        first = false;
        yield* write(item);
      }
      yield "}";
    }
  }
  yield* write(value);
}

const isComposite = (v: unknown): boolean => typeof v === "object" && v !== null;

/** A list, or an object as a literal makes it: one visibleStrings copies as it is (any other, a Date, it
 *  copies by its own fields). */
const isPlain = (v: object): boolean =>
  Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/** A library's source inside an inline <script>: nothing in it may close the element. */
export function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

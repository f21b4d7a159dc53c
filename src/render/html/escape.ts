// Escaping for the HTML reports. Every string that came from a user (scenario names, descriptions,
// merchants, notes, file paths, error messages) goes through one of these before it reaches a page.

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

/** Text for element content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"'\n\r\u2028\u2029]/g, (ch) => ENTITIES[ch]!);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes, so a
 * scenario named `</script><script>…` stays data; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A library's source inside an inline <script>: nothing in it may close the element. */
export function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** Joins pieces of markup, skipping empty ones. */
export const html = (...parts: Array<string | false | null | undefined>): string =>
  parts.filter((p): p is string => typeof p === "string" && p !== "").join("");

// Text for a terminal of a given width: a table row too wide is cut with an ellipsis, a line of prose
// (a reason, a remedy, a summary sentence) is wrapped under its own indent. Colour codes are kept and
// not counted; wide (CJK) characters count two columns. `--wide` skips this; pipes never get it.

import cliTruncate from "cli-truncate";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

const ESC = "\u001b";
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, "g");
const LEADING = new RegExp(`^((?:${ESC}\\[[0-9;]*m)*)( *)`);

/** Column gaps (two or more spaces inside the text) mark a table row; prose has at most one. */
function isTableRow(plain: string): boolean {
  return (plain.trim().match(/ {2,}/g) ?? []).length >= 2;
}

/** Where a wrapped line's continuation starts: under the text after a reason code, else two further in. */
function hangingIndent(body: string, indent: number): number {
  const code = /^[A-Z][A-Z0-9_]+ {2,}/.exec(body);
  return indent + (code ? code[0].length : 2);
}

/**
 * A table row cut to `columns` at the last column gap that fits, so that no number is cut in half
 * (`¥4,0…`); a row whose first column alone is too wide is cut where the width ends.
 */
function cutRow(line: string, plain: string, columns: number): string {
  // the columns kept, then two spaces of their gap and the ellipsis: "periodic review  …"
  let keep = 0;
  for (const gap of plain.matchAll(/ {2,}/g)) {
    const width = stringWidth(plain.slice(0, gap.index));
    if (width + 3 > columns) break;
    keep = width;
  }
  return cliTruncate(line, keep > 0 ? keep + 3 : columns, { position: "end" });
}

export function fitLine(line: string, columns: number): string {
  if (stringWidth(line) <= columns) return line;
  const plain = line.replace(ANSI, "");
  if (isTableRow(plain)) return cutRow(line, plain, columns);
  // leading colour codes stay with the text; the indent is re-added to each wrapped line
  const [, codes = "", spaces = ""] = LEADING.exec(line) ?? [];
  const body = codes + line.slice(codes.length + spaces.length);
  // at least 20 columns of text on every line
  const indent = Math.min(spaces.length, columns - 20);
  const hang = Math.min(hangingIndent(plain.trimStart(), spaces.length), columns - 20);
  const [first = "", ...rest] = wrapAnsi(body, columns - indent, { hard: true, trim: true }).split("\n");
  const lines = [" ".repeat(indent) + first];
  if (rest.length) {
    const more = wrapAnsi(rest.join(" "), columns - hang, { hard: true, trim: true }).split("\n");
    lines.push(...more.map((l) => " ".repeat(hang) + l));
  }
  return lines.join("\n");
}

/** Every line of `text` fitted to `columns` (at least 40), and whether a table row lost columns (a wrapped
 *  line loses nothing). */
export function fitted(text: string, columns: number): { text: string; cut: boolean } {
  const width = Math.max(40, columns);
  let cut = false;
  const lines = text.split("\n").map((l) => {
    const f = fitLine(l, width);
    if (f !== l && !f.includes("\n")) cut = true;
    return f;
  });
  return { text: lines.join("\n"), cut };
}

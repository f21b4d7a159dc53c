// Text for a terminal of a given width: a table row too wide is folded at its column gaps (the columns that
// do not fit go on a continuation line beneath, so nothing is lost), a line of prose (a reason, a remedy,
// a summary sentence) is wrapped under its own indent. Colour codes are kept and not counted; wide (CJK)
// characters count two columns. `--wide` skips this; pipes never get it.

import cliTruncate from "cli-truncate";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

const ESC = "\u001b";
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, "g");
const ANSI_AT = new RegExp(`^${ESC}\\[[0-9;]*m`);
const TRAILING_SPACES = new RegExp(` +((?:${ESC}\\[[0-9;]*m)*)$`);
const LEADING = new RegExp(`^((?:${ESC}\\[[0-9;]*m)*)( *)`);

/** Column gaps (two or more spaces inside the text) mark a table row; prose has at most one. */
function isTableRow(plain: string): boolean {
  return (plain.trim().match(/ {2,}/g) ?? []).length >= 2;
}

/** A label and its gap at the start of a line's text: a reason code, "base", "what-if". */
const LABEL = /^\S+ {2,}/;

/** The narrowest column a label's text may wrap in beside it: narrower (a long code at 60 columns left
 *  `PAST_DUE_AT_REVIEW` a column of 22 for its sentence), the text starts on its own line beneath. */
const MIN_HANGING_TEXT = 32;

/** Whether a label's text starting at `column` stays beside it on a terminal `columns` wide (else it goes
 *  beneath the label, two columns further in than the label: a layout that sets lines of its own under
 *  the text follows this). */
export const textBeside = (column: number, columns: number): boolean =>
  Math.max(40, columns) - column >= MIN_HANGING_TEXT;

/** An item of a numbered list: "1. Had you …" (what-if's smallest changes). */
const NUMBERED = /^\d+\. /;

/** Where a wrapped line's continuation starts: under the text after a label and its gap (a reason code,
 *  "base", "what-if", "found:") or after an item's number, else two further in. */
function hangingIndent(body: string, indent: number): number {
  const label = LABEL.exec(body) ?? NUMBERED.exec(body);
  return indent + (label ? label[0].length : 2);
}

/** Holds a space that must not break a line while the text is wrapped (a private-use character, never
 *  printed: it is a space again before the line is returned). */
const KEEP = "\uE000";

/**
 * Spaces a wrapped line must not break at: inside a `code span` (a command to copy, `explain --day 400`),
 * between a number and its per cent sign (`4.7 %`), after "day" before its number (`(day 344)`), and
 * inside each short item of a " · " list (`balance ¥4,008.00`, `G charged off`), so a label is never left
 * at a line's end without its value.
 */
function keepTogether(body: string): string {
  const spans = body
    .replace(/`[^`\n]*`/g, (m) => m.replaceAll(" ", KEEP))
    .replace(/(\d) %/g, `$1${KEEP}%`)
    .replace(/\bday (\d)/g, `day${KEEP}$1`);
  if (!spans.includes(" · ")) return spans;
  return spans
    .split(" · ")
    .map((item) => (stringWidth(item.trim()) <= 40 ? item.replace(/(\S) (?=\S)/g, `$1${KEEP}`) : item))
    .join(" · ");
}

/** Where a folded row's continuation lines start: under an indented table's own indent, or 6 columns in
 *  (deeper than a row's first column, shallower than the reasons beneath it). */
function continuationIndent(plain: string): number {
  const lead = plain.length - plain.trimStart().length;
  return lead >= 4 ? lead + 4 : 6;
}

/**
 * `line` cut where its text (colour codes aside) reaches `end`, and taken up again at `from` (≥ end): the
 * head closes the colours open at the cut, the tail opens them again. Indices count the text's own code
 * units, so a combining accent stays with its letter (a width-based slice would split them).
 */
function splitAt(line: string, end: number, from: number): [string, string] {
  const codes: string[] = [];
  let text = 0;
  let head = "";
  let i = 0;
  while (i < line.length && text < from) {
    if (line[i] === ESC) {
      const m = ANSI_AT.exec(line.slice(i));
      if (m) {
        codes.push(m[0]);
        if (text < end) head += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (text < end) head += line[i];
    text++;
    i++;
  }
  const open = codes.join("");
  return [codes.length > 0 ? `${head}${ESC}[0m` : head, open + line.slice(i)];
}

/**
 * A table row folded to `columns` at the last column gap that fits, again on each continuation line, so that
 * no value is cut in half (`¥4,0…`) and none is lost: rows of one table fold at the same column, so their
 * continuations line up. A cell too wide for a line on its own is cut where the width ends (`cut`).
 */
function foldRow(line: string, plain: string, columns: number): { text: string; cut: boolean } {
  const indent = " ".repeat(Math.min(continuationIndent(plain), columns - 20));
  const lines: string[] = [];
  let rest = line;
  let restPlain = plain;
  let prefix = "";
  while (stringWidth(prefix + restPlain) > columns) {
    let cutAt = -1;
    let cutEnd = -1;
    const lead = restPlain.length - restPlain.trimStart().length;
    for (const gap of restPlain.matchAll(/ {2,}/g)) {
      if (gap.index < lead + 1) continue;
      if (stringWidth(prefix + restPlain.slice(0, gap.index)) > columns) break;
      cutAt = gap.index;
      cutEnd = gap.index + gap[0].length;
    }
    if (cutAt < 0 || cutEnd >= restPlain.length) {
      lines.push(prefix + cliTruncate(rest, columns - prefix.length, { position: "end" }));
      return { text: lines.join("\n"), cut: true };
    }
    // the rest keeps the gap's spaces beyond two (up to a cell's width), so right-aligned numbers and their
    // headers stay aligned from row to row; a long gap after a padded text cell is not carried over
    const from = Math.max(cutAt + 2, cutEnd - 12);
    const [head, tail] = splitAt(rest, cutAt, from);
    lines.push(prefix + head);
    rest = tail;
    restPlain = restPlain.slice(from);
    prefix = indent;
  }
  lines.push(prefix + rest);
  return { text: lines.join("\n"), cut: false };
}

export function fitLine(line: string, columns: number): string {
  return fitOne(line, columns).text;
}

function fitOne(whole: string, columns: number): { text: string; cut: boolean } {
  if (stringWidth(whole) <= columns) return { text: whole, cut: false };
  // trailing spaces (a padded last cell) are nothing to fold or cut
  const line = whole.replace(TRAILING_SPACES, "$1");
  if (stringWidth(line) <= columns) return { text: line, cut: false };
  const plain = line.replace(ANSI, "");
  if (isTableRow(plain)) return foldRow(line, plain, columns);
  // leading colour codes stay with the text; the indent is re-added to each wrapped line
  const [, codes = "", spaces = ""] = LEADING.exec(line) ?? [];
  const body = codes + line.slice(codes.length + spaces.length);
  const text = plain.trimStart();
  const label = LABEL.exec(text);
  const at = spaces.length;
  if (label && !textBeside(at + label[0].length, columns)) {
    // the label alone, then its text beneath it a little further in, each of its lines under the first
    const [head, rest] = splitAt(body, label[0].trimEnd().length, label[0].length);
    // a code too long for its line goes on beneath itself, in its own column
    const lines = [wrapProse(head, at, at, columns), wrapProse(rest, at + 2, at + 2, columns)];
    return { text: lines.join("\n"), cut: false };
  }
  return { text: wrapProse(body, at, hangingIndent(text, at), columns), cut: false };
}

/** Where a word too long for a line may break: after an underscore, a slash or a hyphen, the character
 *  kept at the line's end (`DEBT_TO_INCOME_TOO_` / `HIGH`). */
const WORD_PART = /[^_/-]*(?:[_/-]+|$)/g;

/**
 * Each word of `body` wider than `width` split into parts of at most that width at the places it may break
 * (WORD_PART), with a space between them, so that the wrapping breaks it there and not mid-word (a reason
 * code at 40 columns was `DEBT_TO_INCOME_TOO_HIG` / `H`). The parts are packed greedily, so two of them never
 * share a line: the space put between them always falls at a line's end. A part still too wide (a word
 * without such places) is cut where the width ends, as before.
 */
function breakLongWords(body: string, width: number): string {
  return body
    .split(" ")
    .map((word) => {
      if (stringWidth(word) <= width) return word;
      const parts: string[] = [];
      let part = "";
      for (const piece of word.match(WORD_PART) ?? [word]) {
        if (part !== "" && stringWidth(part + piece) > width) {
          parts.push(part);
          part = "";
        }
        part += piece;
      }
      if (part !== "") parts.push(part);
      return parts.join(" ");
    })
    .join(" ");
}

/** `body` wrapped to `columns`: its first line `indent` columns in, the others `hang` in. */
function wrapProse(body: string, indent: number, hang: number, columns: number): string {
  // at least 20 columns of text on every line
  const first = Math.min(indent, columns - 20);
  const next = Math.min(hang, columns - 20);
  const kept = breakLongWords(keepTogether(body), columns - Math.max(first, next));
  const [head = ""] = wrapAnsi(kept, columns - first, { hard: true, trim: true }).split("\n");
  const lines = [" ".repeat(first) + head];
  // the rest is taken up in the text where the first line ended: past the spaces it broke at, or, where
  // a word too long for the line was cut, right there — the lines wrapped at the first line's width and
  // joined again with a space put one inside such a word (`FREQUENT_PROFILE_C HANGES`)
  const plain = kept.replace(ANSI, "");
  const taken = head.replace(ANSI, "").length;
  const from = plain.length - plain.slice(taken).trimStart().length;
  if (from < plain.length) {
    const rest = splitAt(kept, taken, from)[1];
    const more = wrapAnsi(rest, columns - next, { hard: true, trim: true }).split("\n");
    lines.push(...more.map((l) => " ".repeat(next) + l));
  }
  return lines.join("\n").replaceAll(KEEP, " ");
}

/** Every line of `text` fitted to `columns` (at least 40), and whether a cell was cut (a folded row or a
 *  wrapped line loses nothing). */
export function fitted(text: string, columns: number): { text: string; cut: boolean } {
  const width = Math.max(40, columns);
  let cut = false;
  const lines = text.split("\n").map((l) => {
    const f = fitOne(l, width);
    cut ||= f.cut;
    return f.text;
  });
  return { text: lines.join("\n"), cut };
}

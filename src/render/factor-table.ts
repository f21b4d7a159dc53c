// The scorecard's characteristics as a table, for `run --explain` and `explain --day` alike: name, the
// value read, its bin, points of the maximum, and what it is short by. Columns are as wide as their widest
// cell; where the names and the numbers do not fit the room side by side, each name takes a line of its
// own with its numbers beneath (a name is never cut, a number never lost).

import { stripVTControlCharacters } from "node:util";
import { ratioText } from "../scenario/format.js";
import { grouped } from "../shared/text.js";

export interface FactorRow {
  name: string;
  value: number | boolean | null;
  bin: string;
  points: number;
  max: number;
  /** after the points ("−35", "(−35 HIGH_UTILISATION)"); empty for none */
  note: string;
}

/** A characteristic's value in words: "yes", "no data", "8,000" (grouped as its bins are), a ratio with two
 *  decimals. */
export const factorValue = (v: number | boolean | null): string =>
  v === null
    ? "no data"
    : typeof v === "boolean"
      ? v
        ? "yes"
        : "no"
      : Number.isInteger(v)
        ? grouped(v)
        : ratioText(v);

/** Points with a minus sign, never a hyphen. */
export const pointsText = (n: number): string => (n < 0 ? `−${-n}` : String(n));

/** Indent of the numbers beneath a name of their own. */
const UNDER = 4;

/** The table's lines, within `room` columns when they can be (a pipe or a file: Infinity). */
export function factorLines(rows: readonly FactorRow[], room: number): string[] {
  const values = rows.map((r) => factorValue(r.value));
  const vw = Math.max(...values.map((v) => v.length));
  const bw = Math.max(...rows.map((r) => r.bin.length));
  const pw = Math.max(...rows.map((r) => `${pointsText(r.points)}/${r.max}`.length));
  const numbers = rows.map((r, i) => {
    const score = `${pointsText(r.points)}/${r.max}`.padStart(pw);
    return `${values[i]!.padStart(vw)}  ${r.bin.padEnd(bw)}  ${score}${r.note ? `  ${r.note}` : ""}`.trimEnd();
  });
  const nw = Math.max(...rows.map((r) => r.name.length));
  const widest = Math.max(...numbers.map((n) => stripVTControlCharacters(n).length));
  if (nw + 2 + widest <= room) return rows.map((r, i) => `${r.name.padEnd(nw)}  ${numbers[i]}`);
  return rows.flatMap((r, i) => [...wrapName(r.name, room), `${" ".repeat(UNDER)}${numbers[i]}`]);
}

/** A name longer than the room, wrapped at its spaces (continued two columns in). */
function wrapName(name: string, room: number): string[] {
  if (name.length <= room) return [name];
  const out: string[] = [];
  let line = "";
  for (const word of name.split(" ")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length > room - (out.length > 0 ? 2 : 0) && line !== "") {
      out.push(line);
      line = word;
    } else line = next;
  }
  out.push(line);
  return out.map((l, i) => (i === 0 ? l : `  ${l}`));
}

// The scorecard's characteristics as a table, for `run --explain` and `explain --day` alike: name, the
// value read, its bin, points of the maximum, and what it is short by. A row names its characteristic by
// a short label (tableName), so that at 80 columns each row is one line. Columns are as wide as their
// widest cell; where the names and the numbers do not fit the room side by side, a long name wraps within
// a narrower name column, or — too narrow a room for one — each name takes a line of its own with its
// numbers beneath (a name is never cut, a number never lost).

import { stripVTControlCharacters } from "node:util";
import { CHARACTERISTICS, type Characteristic, type CharacteristicId } from "../engine/index.js";
import { ratioText } from "../scenario/format.js";
import { grouped } from "../shared/text.js";

export interface FactorRow {
  name: string;
  /** in words (factorWords) */
  value: string;
  bin: string;
  points: number;
  max: number;
  /** after the points ("−35", "(−35 HIGH_UTILISATION)"); empty for none */
  note: string;
  /** the note without its reason code ("(−35)"), for a room that sets the names beside the numbers only
   *  without the codes */
  brief?: string;
}

/** The table's label of a characteristic whose title is longer than a name column at 80 columns leaves
 *  room for (a title of 95 characters made the table 125 wide): the title's first words, its qualifiers
 *  (the years a record stays on file, the ¥10 a purchase must reach) left to the reasons beneath, the
 *  score's changes, --json and docs/reference/scorecard.md, which say the title whole. */
const LABELS: Partial<Record<CharacteristicId, string>> = {
  goodMonths24m: "Months in good standing, last 24",
  seriousDelinquency60m: "Over 90 days past due or charged off",
  seriousDelinquencyDaysLeft: "Serious delinquency, days on file",
  utilisation: "Huabei balance / limit",
  revolvingDues6m: "Huabei bills not fully paid, 6 months",
  monthlyIncome: "Monthly income",
  purchases90d: "Huabei purchase days, last 90 days",
};

const BY_TITLE = new Map(CHARACTERISTICS.map((c) => [c.title, LABELS[c.id] ?? c.title]));

/** The name the scorecard's table gives a characteristic, from its title: its short label, or the title
 *  itself where that is short (a characteristic without a label wraps its title within the column). */
export const tableName = (title: string): string => BY_TITLE.get(title) ?? title;

/** A characteristic's value in words: "yes", "no data", "8,000" (grouped as its bins are), a fraction with
 *  two decimals — grouped too: an income of ¥5,999.50 read "5999.50" beside the "3,000–5,999" bin. */
const factorValue = (v: number | boolean | null): string =>
  v === null
    ? "no data"
    : typeof v === "boolean"
      ? v
        ? "yes"
        : "no"
      : Number.isInteger(v)
        ? grouped(v)
        : ratioText(v).replace(/^\d+/, (whole) => grouped(Number(whole)));

/** A characteristic's value and bin in words, an amount with ¥ as money reads everywhere else ("¥8,000",
 *  "¥6,000–¥9,999"; the table printed "8,000" in a bin of "6,000–9,999"). The numbers of --json stay bare. */
export function factorWords(f: {
  characteristic: Pick<Characteristic, "money">;
  value: number | boolean | null;
  bin: string;
}): { value: string; bin: string } {
  const value = factorValue(f.value);
  if (!f.characteristic.money) return { value, bin: f.bin };
  const yuan = (text: string) => text.replace(/\d[\d,]*(\.\d+)?/g, "¥$&");
  return { value: yuan(value), bin: yuan(f.bin) };
}

/** A probability as explain and run --explain say it, two significant figures with its article: "a 25 %",
 *  "an 11 %", "an 8.0 %" (said "eleven", "eight", "eighteen", "eighty…": "a 11 %" read wrong). */
export function percentWithArticle(p: number): string {
  const pct = (p * 100).toPrecision(2);
  return `${/^(8|11|18)/.test(pct) ? "an" : "a"} ${pct} %`;
}

/** Points with a minus sign, never a hyphen. */
export const pointsText = (n: number): string => (n < 0 ? `−${-n}` : String(n));

/** Indent of the numbers beneath a name of their own. */
const UNDER = 4;

/** The narrowest name column worth keeping beside the numbers: narrower, a name would take more lines
 *  wrapped than standing on a line of its own above its numbers. */
const MIN_NAME_COLUMN = 28;

/** The columns' heads: what each number is (a newcomer read "10/50  −40" as two scores). */
const HEAD = { name: "characteristic", value: "value", bin: "bin", points: "points", note: "short" };

/** The table's lines, a head first, within `room` columns when they can be (a pipe or a file: Infinity).
 *  Where the names would stand on lines of their own, the notes' reason codes are left out if that sets
 *  them beside the numbers: run --explain's table at 100 columns took three lines a characteristic for
 *  its codes (the step's reason lines cite the codes that decided; --wide and a pipe keep them all). */
export function factorLines(rows: readonly FactorRow[], room: number): string[] {
  const full = laidOut(rows, room);
  if (!full.stacked || !rows.some((r) => r.brief !== undefined && r.brief !== r.note)) return full.lines;
  const brief = laidOut(
    rows.map((r) => ({ ...r, note: r.brief ?? r.note })),
    room,
  );
  return brief.stacked ? full.lines : brief.lines;
}

function laidOut(rows: readonly FactorRow[], room: number): { lines: string[]; stacked: boolean } {
  const values = rows.map((r) => r.value);
  const vw = Math.max(HEAD.value.length, ...values.map((v) => v.length));
  const bw = Math.max(HEAD.bin.length, ...rows.map((r) => r.bin.length));
  const pw = Math.max(HEAD.points.length, ...rows.map((r) => `${pointsText(r.points)}/${r.max}`.length));
  const line = (value: string, bin: string, score: string, note: string) =>
    `${value.padStart(vw)}  ${bin.padEnd(bw)}  ${score.padStart(pw)}${note ? `  ${note}` : ""}`.trimEnd();
  const numbers = rows.map((r, i) => line(values[i]!, r.bin, `${pointsText(r.points)}/${r.max}`, r.note));
  // the short column's head only where some row is short
  const head = line(HEAD.value, HEAD.bin, HEAD.points, rows.some((r) => r.note) ? HEAD.note : "");
  const nw = Math.max(HEAD.name.length, ...rows.map((r) => r.name.length));
  const widest = Math.max(...[head, ...numbers].map((n) => stripVTControlCharacters(n).length));
  if (nw + 2 + widest <= room)
    return {
      lines: [
        `${HEAD.name.padEnd(nw)}  ${head}`,
        ...rows.map((r, i) => `${r.name.padEnd(nw)}  ${numbers[i]}`),
      ],
      stacked: false,
    };
  // a narrower name column where the numbers leave room for one: a long name wraps within it, its
  // numbers beside its first line — at 80 columns three long names wrapped every row onto two lines
  const column = room - 2 - widest;
  if (column >= MIN_NAME_COLUMN) {
    const names = rows.map((r) => wrapName(r.name, column));
    const cw = Math.max(HEAD.name.length, ...names.flat().map((l) => l.length));
    return {
      lines: [
        `${HEAD.name.padEnd(cw)}  ${head}`,
        ...rows.flatMap((_, i) => {
          const [first, ...rest] = names[i]!;
          return [`${first!.padEnd(cw)}  ${numbers[i]}`, ...rest];
        }),
      ],
      stacked: false,
    };
  }
  return {
    lines: [
      HEAD.name,
      `${" ".repeat(UNDER)}${head}`,
      ...rows.flatMap((r, i) => [...wrapName(r.name, room), `${" ".repeat(UNDER)}${numbers[i]}`]),
    ],
    stacked: true,
  };
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

// `credit-sim personas` as text: each persona, its normalised share and its description — beside it when
// every row fits the terminal, else beneath it as prose the terminal's width wraps.

import type { ChalkInstance } from "chalk";
import stringWidth from "string-width";

export interface PersonaRow {
  name: string;
  /** normalised: the shares of the list add up to 1 */
  share: number;
  description: string;
}

/** `columns`: the terminal's width (undefined: a pipe or --wide, every row on one line). */
export function renderPersonas(
  rows: readonly PersonaRow[],
  folder: string,
  c: ChalkInstance,
  columns: number | undefined,
): string {
  const w = Math.max(...rows.map((p) => p.name.length)) + 2;
  const heads = rows.map((p) => `${p.name.padEnd(w)}${`${(p.share * 100).toFixed(1)} %`.padEnd(9)}`);
  // a description is what a newcomer reads the list for: on a terminal too narrow for it beside its
  // persona it goes beneath (beside, a folded row cut it short); measured in columns, not UTF-16 units —
  // a CJK or emoji description is twice as wide as it is long
  const beside =
    columns === undefined || rows.every((r, i) => stringWidth(`${heads[i]}${r.description}`) <= columns);
  const lines = [
    c.bold(beside ? `${"persona".padEnd(w)}share    description` : `${"persona".padEnd(w)}share`),
  ];
  rows.forEach((r, i) => {
    const head = heads[i] ?? "";
    if (beside) lines.push(`${head}${r.description}`);
    else lines.push(head.trimEnd(), `    ${r.description}`);
  });
  lines.push("", c.dim(`files: ${folder}/*.yaml — pass a name or a path to \`credit-sim simulate\``));
  return `${lines.join("\n")}\n`;
}

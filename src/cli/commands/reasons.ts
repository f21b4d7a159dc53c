// `credit-sim reasons`: the reason-code catalogue, grouped, with what helps.

import { adviceListed, otherWordings, REASON_CODES, REASONS, type ReasonCode } from "../../engine/index.js";
import { textBeside } from "../../render/fit.js";
import { type CliIo, stdoutColour } from "../io.js";

export function reasonsCommand(
  codes: readonly ReasonCode[],
  options: { json: boolean; color: boolean },
  io: CliIo,
): void {
  // the codes named, in the catalogue's order; none named: every code
  const shown = REASON_CODES.filter((code) => codes.length === 0 || codes.includes(code));
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        shown.map((code) => ({ code, ...REASONS[code] })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const c = stdoutColour(io, options.color);
  const width = Math.max(...shown.map((r) => r.length));
  // what helps goes under the code's text: beside the code, or beneath it on a narrow terminal
  const fitTo = io.stdout.fitTo;
  const under = " ".repeat(fitTo === undefined || textBeside(width + 4, fitTo) ? width + 4 : 4);
  const groups = [
    ["score", "Scorecard reasons (characteristics furthest below their maximum)"],
    ["adverse", "Decision reasons"],
    ["positive", "Approvals and restorations"],
  ] as const;
  const lines: string[] = [];
  for (const [kind, title] of groups) {
    const ofKind = shown.filter((r) => REASONS[r].kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(c.bold(title));
    for (const code of ofKind) {
      lines.push(
        `  ${code.padEnd(width)}  ${REASONS[code].text}`,
        c.dim(`${under}what helps: ${adviceListed(REASONS[code])}`),
        // the other words a step prints it in, so that a sentence read in a trace is found here
        ...otherWordings(REASONS[code]).map((w) => c.dim(`${under}${w}`)),
      );
    }
    lines.push("");
  }
  io.stdout.write(lines.join("\n"));
}

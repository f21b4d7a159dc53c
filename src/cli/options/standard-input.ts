// `-` as a command's file operand: by convention standard input, which no credit-sim command reads (a
// scenario's relative paths, a golden trace beside it and a report's name all come from where the file
// is). Said as that, for each command, instead of "scenario file not found" — or, for init, a folder
// named `-` made without a word.

import { InputError } from "../../shared/errors.js";

/** What a command would have been given instead, by the operand's syntax (`<files...>`, `[dir]`, …). */
const WANTED: Record<string, string> = {
  file: "give a file",
  files: "give a file",
  paths: "give a file or folder",
  personas: "give a persona name or file",
};

/** Refuses `-` among a command's operands, in words that say what `-` would have meant. `./-` names a
 *  file or folder called `-`. */
export function noStandardInput(command: string, syntax: string, values: readonly string[]): void {
  if (!values.includes("-")) return;
  const noun = /^[<[](\w+)/.exec(syntax)?.[1] ?? "";
  if (noun === "dir")
    throw new InputError(`${command} writes into a folder: - (standard input or output) is not one`, {
      file: "-",
      hint: "give a folder, or nothing for the current one (./- for a folder named -)",
    });
  const wanted = WANTED[noun];
  if (wanted === undefined) return;
  throw new InputError(`standard input is not read by ${command}: ${wanted}`, {
    file: "-",
    hint: "save what you would pipe into a file and give its path (./- for a file named -)",
  });
}

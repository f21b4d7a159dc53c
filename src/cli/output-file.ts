// Writing a report to a file a user named: `-` is standard output (the command's own stream); anything
// else goes through shared/write-file (whole or not at all), its folder made when missing.

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileError, writeOutput } from "../shared/write-file.js";
import type { CliIo } from "./io.js";

/** Writes `text` to `file` (relative to the working folder) or, for `-`, to stdout; returns where. */
export function writeReport(io: CliIo, file: string, text: string): string {
  if (file === "-") {
    io.stdout.write(text);
    return "standard output";
  }
  try {
    mkdirSync(dirname(resolve(io.cwd, file)), { recursive: true });
  } catch (e) {
    throw fileError(e, file);
  }
  writeOutput(file, text, { cwd: io.cwd });
  return file;
}

/** With several inputs, one report per input: `report.html` gets the first, `report.<name>.html` the rest. */
export function perInputFile(file: string, index: number, name: string): string {
  if (index === 0 || file === "-") return file;
  const slug = name.replace(/\.(ya?ml|json)$/i, "").replace(/[^A-Za-z0-9_-]+/g, "-");
  const dot = file.lastIndexOf(".");
  return dot > file.lastIndexOf("/") ? `${file.slice(0, dot)}.${slug}${file.slice(dot)}` : `${file}.${slug}`;
}

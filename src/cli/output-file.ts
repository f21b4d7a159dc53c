// Writing a report to a file a user named: `-` is standard output (the command's own stream); anything
// else goes through shared/write-file (whole or not at all), its folder made when missing.

import { mkdirSync, realpathSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { InputError } from "../shared/errors.js";
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

/** With several inputs, one report per input: `report.html` gets the first, `report.<name>.html` the rest
 *  — `report.<name>-2.html`, … when inputs in different folders share a name, so no page replaces another. */
export function perInputFiles(file: string, names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    if (index === 0 || file === "-") {
      taken.add(file);
      return file;
    }
    const slug = name.replace(/\.(ya?ml|json)$/i, "").replace(/[^A-Za-z0-9_-]+/g, "-");
    const dot = file.lastIndexOf(".");
    const named = (s: string) =>
      dot > file.lastIndexOf("/") ? `${file.slice(0, dot)}.${s}${file.slice(dot)}` : `${file}.${s}`;
    let candidate = named(slug);
    for (let n = 2; taken.has(candidate); n++) candidate = named(`${slug}-${n}`);
    taken.add(candidate);
    return candidate;
  });
}

/** One file, however it is named: links followed, a new file by its folder's real path. */
function identity(cwd: string, file: string): string {
  const path = resolve(cwd, file);
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** What one command writes never lands on what it reads, nor two of its outputs on one file (the later
 *  would silently replace the earlier). Every clash is reported at once, before anything is written.
 *  `outputs`: the flag that names each (`--html`, `--output-file junit`) and the file as typed (`-` is
 *  standard output and never clashes); `inputs`: the files read, as the user named them. */
export function checkOutputs(
  cwd: string,
  outputs: ReadonlyArray<{ flag: string; file: string }>,
  inputs: readonly string[],
): void {
  const read = new Map(inputs.map((f) => [identity(cwd, f), f]));
  const written = new Map<string, string>();
  const problems: InputError[] = [];
  for (const { flag, file } of outputs) {
    if (file === "-") continue;
    const id = identity(cwd, file);
    const input = read.get(id);
    const other = written.get(id);
    if (input !== undefined)
      problems.push(
        new InputError("the output would replace a file this command reads", {
          file,
          field: flag,
          found: input === file ? "an input of this command" : `the input ${input}`,
          hint: "write it somewhere else",
        }),
      );
    else if (other !== undefined)
      problems.push(
        new InputError("two outputs name the same file", {
          file,
          field: flag,
          found: `also the file of ${other}`,
          hint: "give each output its own file",
        }),
      );
    else written.set(id, flag);
  }
  if (problems.length > 0) throw InputError.all(problems);
}

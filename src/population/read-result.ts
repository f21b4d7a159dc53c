// Reading a `simulate --json` result file back (for `merge`): size-checked, parsed, then validated by
// result.ts. Every way the file can be wrong is an InputError that names it.

import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../shared/errors.js";
import { fromDocument, type PopulationResult } from "./result.js";

const MAX_RESULT_BYTES = 256 * 1024 * 1024;

/** `file` as the user gave it (messages name it so), read relative to `cwd`. */
export function readResultFile(file: string, cwd: string): PopulationResult {
  return fromDocument(readJson(file, resolve(cwd, file)), file);
}

function readJson(file: string, path: string): unknown {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError("is a directory, not a result file", { file });
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError("result file not found", {
      file,
      hint: "give the files written by `simulate --shard I/N --json`",
    });
  }
  if (size > MAX_RESULT_BYTES) throw new InputError(`file too large (${size} bytes)`, { file });
  const text = readFileSync(path, "utf8");
  if (text.trim() === "")
    throw new InputError("the file is empty", { file, expected: "a `simulate --json` result" });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError("not JSON", {
      file,
      found: e instanceof Error ? e.message : String(e),
      hint: "merge the --json outputs of `credit-sim simulate`",
    });
  }
}

// Reading a user's file, with the checks that come before parsing: exists, is a file, not empty, not huge.

import { readFileSync, statSync } from "node:fs";
import { InputError } from "./errors.js";

/** Scenario and policy files are small; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function readInputFile(file: string, kind: "scenario" | "policy" | "persona"): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      throw new InputError(`is a directory, not a ${kind} file`, {
        file,
        hint:
          kind === "scenario"
            ? "`credit-sim test DIR` runs a folder; `run` takes files"
            : `give a ${kind} file`,
      });
    }
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${kind} file not found`, {
      file,
      hint: "check the path (it is relative to the current folder)",
    });
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError(`file too large (${size} bytes)`, {
      file,
      expected: `at most ${MAX_FILE_BYTES} bytes`,
      hint: "split the timeline into several scenarios",
    });
  }
  const text = readFileSync(file, "utf8");
  if (text.trim() === "")
    throw new InputError("the file is empty", { file, expected: `a ${kind} (YAML or JSON)` });
  return text;
}

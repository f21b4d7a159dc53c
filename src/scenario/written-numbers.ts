// A scenario credit-sim writes (a what-if variant, an exported account) holds only numbers the loader reads
// back as themselves: a double of 16 or 17 significant digits (0.1 + 0.2) would be refused when the file
// is read, or read as another number. Such a number is refused here, before anything is written, naming
// the field it is in.

import { InputError } from "../shared/errors.js";
import { readsBackExactly } from "./parse.js";

/** Throws for the first number in `data` (the written shape) that would not read back as itself. */
export function refuseInexactNumbers(data: unknown, path: readonly (string | number)[] = []): void {
  if (typeof data === "number") {
    if (readsBackExactly(data)) return;
    const field = path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${p}`)).join("");
    throw new InputError(`${field}: ${data} cannot be written exactly in a scenario file`, {
      field,
      expected: "a finite number of at most 15 significant digits (what a scenario file keeps)",
      found: String(data),
      hint: "round it (to 15 significant digits or fewer) before writing: read back, it would be another number or refused",
    });
  }
  if (Array.isArray(data)) for (const [i, v] of data.entries()) refuseInexactNumbers(v, [...path, i]);
  else if (data !== null && typeof data === "object")
    for (const [k, v] of Object.entries(data)) refuseInexactNumbers(v, [...path, k]);
}

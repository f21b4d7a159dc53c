// The bad-input error `f` throws — the test fails when it throws something else or nothing.
import { InputError } from "../../src/shared/errors.js";

export function inputErrorOf(f: () => unknown, what = "the call"): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${what} was not refused`);
}

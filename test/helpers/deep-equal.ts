// expect().toEqual() walks both values in JavaScript with its own equality, which on whole traces, lanes
// and snapshots compared in every run of a property costs more than the runs themselves. Node's strict deep
// equality is far quicker and never holds where toEqual fails (it is the stricter of the two), so it
// decides the common case; anything it rejects is judged by toEqual, with toEqual's message.
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";

/** expect(actual, message).toEqual(expected), quick when the two are strictly equal. */
export function expectEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

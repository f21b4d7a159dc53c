// `--grep`: a pattern matched in linear time, by RE2's engine (re2js). The pattern is the CI config's, but
// the names and paths it is matched against are whoever wrote the scenarios' — a pull request's — and a
// backtracking engine lets one name (`aaaa…a!` against `(a+)+$`) hold the run for ever. RE2 has no
// lookaround and no backreferences; a pattern that needs them is refused when the options are read.

import { createRequire } from "node:module";

export interface Grep {
  /** the pattern as typed */
  readonly source: string;
  /** whether the pattern occurs anywhere in `text`, in any case */
  test(text: string): boolean;
}

/** Throws (re2js's syntax error, with RE2's message) for a pattern RE2 does not take. */
export function compileGrep(source: string): Grep {
  // loaded here, not with the option tables every command starts with: only a run with --grep needs it
  const { RE2JS } = createRequire(import.meta.url)("re2js") as typeof import("re2js");
  const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return { source, test: (text) => re.matcher(text).find() };
}

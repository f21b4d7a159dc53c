// Bad input is a feature: one error type that says where (file, line, column, field path), what was
// expected, what was found and what to try. The CLI prints it and exits 2; nothing else catches it.

import { closest, distance } from "fastest-levenshtein";

export interface InputErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  /** field path, e.g. events[3].amount */
  field?: string;
  expected?: string;
  found?: string;
  hint?: string;
}

export class InputError extends Error {
  readonly details: InputErrorDetails;
  readonly exitCode = 2;
  constructor(message: string, details: InputErrorDetails = {}) {
    super(message);
    this.name = "InputError";
    this.details = details;
  }

  /** The one message a user sees: `file:line:col: field: message`, then expected / found / hint. */
  format(): string {
    const d = this.details;
    const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
    const head = [where, d.field].filter(Boolean).join(": ");
    const lines = [head ? `${head}: ${this.message}` : this.message];
    if (d.expected) lines.push(`  expected: ${d.expected}`);
    if (d.found !== undefined) lines.push(`  found:    ${d.found}`);
    if (d.hint) lines.push(`  hint:     ${d.hint}`);
    return lines.join("\n");
  }
}

/** A usage mistake on the command line (exit 2 as well). */
export class UsageError extends InputError {
  constructor(message: string, hint?: string) {
    super(message, hint ? { hint } : {});
    this.name = "UsageError";
  }
}

/** "did you mean" — the closest candidate within a small edit distance, or undefined. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/** Renders a field path the way a user reads it: events[3].amount. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A short, safe rendering of a found value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

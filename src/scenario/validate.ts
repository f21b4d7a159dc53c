// Schema validation with messages a user can act on: zod issues → one InputError for the first problem
// in document order, with the field path, expected vs found and a "did you mean".

import type * as z from "zod";
import { REASON_CODES, REPAY_KEYWORDS } from "../engine/index.js";
import { describeValue, formatPath, InputError, suggest } from "../shared/errors.js";
import type { Parsed } from "./parse.js";
import { EVENT_TYPES, knownKeys } from "./schema.js";

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const part of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/** Validates `parsed.data` against `schema`; throws the first problem as an InputError. */
export function validate<S extends z.ZodType>(schema: S, parsed: Parsed, file: string): z.infer<S> {
  if (parsed.data === null || parsed.data === undefined) {
    throw new InputError("the file is empty", { file, expected: "a mapping with name and events" });
  }
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    throw new InputError("the file must hold a mapping (key: value pairs) at the top", {
      file,
      line: 1,
      column: 1,
      found: describeValue(parsed.data),
    });
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  const located = result.error.issues.map((issue) => ({ issue, pos: issuePosition(issue, parsed) }));
  located.sort(
    (a, b) => (a.pos?.line ?? 1e9) - (b.pos?.line ?? 1e9) || (a.pos?.column ?? 0) - (b.pos?.column ?? 0),
  );
  // A missing field next to an unknown one is usually a typo of it: report the typo, with its suggestion.
  const first = located[0]!;
  const parent = first.issue.path.slice(0, -1);
  const typo =
    valueAt(parsed.data, first.issue.path) === undefined
      ? located.find((l) => l.issue.code === "unrecognized_keys" && samePath(l.issue.path, parent))
      : undefined;
  const { issue, pos } = typo ?? first;
  // field names for "did you mean" at the top come from the schema validated against (scenario or policy)
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const topKeys = shape ? Object.keys(shape) : undefined;
  throw toInputError(issue, parsed.data, file, pos, located.length - 1, topKeys);
}

/** zod's type names in the words of someone writing YAML. */
function expectedType(expected: string, found: unknown): string {
  if (expected === "int") return "a whole number";
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping (key: value pairs)";
  if (expected === "number" && typeof found === "number") return "a finite number";
  return `a ${expected}`;
}

function rangeHint(issue: z.core.$ZodIssue, found: unknown): { hint?: string } {
  if (issue.code !== "too_small" || typeof found !== "number") return {};
  const last = issue.path[issue.path.length - 1];
  if (last === "amount")
    return { hint: "amounts are positive yuan; a repayment is its own event type (repay)" };
  if (last === "day")
    return { hint: "day 0 is the scenario's `start`; move `start` earlier for earlier events" };
  return {};
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function issuePosition(issue: z.core.$ZodIssue, parsed: Parsed) {
  if (issue.code === "unrecognized_keys") return parsed.position([...issue.path, issue.keys[0]!], true);
  return parsed.position(issue.path);
}

export function toInputError(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: string,
  pos: { line: number; column: number } | undefined,
  more = 0,
  topKeys?: readonly string[],
): InputError {
  const found = valueAt(data, issue.path);
  const base = { file, ...pos, field: formatPath(issue.path) || "(top level)" };
  const also = more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : "";
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0]!;
      const candidates = issue.path.length === 0 && topKeys ? [...topKeys] : knownKeys(issue.path, found);
      const guess = suggest(key, candidates);
      return new InputError(`unknown field "${key}"${also}`, {
        ...base,
        field: formatPath([...issue.path, key]),
        expected: `one of ${candidates.join(", ")}`,
        ...(guess ? { hint: `did you mean "${guess}"?` } : { hint: "remove it" }),
      });
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator === "type") {
        const guess = typeof found === "string" ? suggest(found, EVENT_TYPES) : undefined;
        return new InputError(
          found === undefined ? `event without a type${also}` : `unknown event type${also}`,
          {
            ...base,
            expected: `one of ${EVENT_TYPES.join(", ")}`,
            found: describeValue(found),
            ...(guess ? { hint: `did you mean "${guess}"?` } : {}),
          },
        );
      }
      const last = issue.path[issue.path.length - 1];
      const expected =
        last === "amount"
          ? `a positive yuan amount or one of ${REPAY_KEYWORDS.join(", ")}`
          : "a number or {min, max}";
      const guess =
        typeof found === "string" && last === "amount" ? suggest(found, REPAY_KEYWORDS) : undefined;
      return new InputError(`invalid value${also}`, {
        ...base,
        expected,
        found: describeValue(found),
        ...(guess ? { hint: `did you mean "${guess}"?` } : {}),
      });
    }
    case "invalid_value": {
      const options = issue.values.map(String);
      const guess = typeof found === "string" ? suggest(found, options) : undefined;
      return new InputError(`${found === undefined ? "missing required field" : "invalid value"}${also}`, {
        ...base,
        expected: `one of ${options.join(", ")}`,
        found: describeValue(found),
        ...(guess ? { hint: `did you mean "${guess}"?` } : {}),
      });
    }
    case "invalid_type":
      return new InputError(found === undefined ? `missing required field${also}` : `wrong type${also}`, {
        ...base,
        expected: expectedType(issue.expected, found),
        found: describeValue(found),
      });
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? "at least" : "at most";
      const limit = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const what = issue.origin === "array" ? "items" : issue.origin === "string" ? "characters" : "";
      const inclusive =
        issue.inclusive === false ? (issue.code === "too_small" ? "more than" : "less than") : bound;
      return new InputError(`value out of range${also}`, {
        ...base,
        expected: `${inclusive} ${limit}${what ? ` ${what}` : ""}`,
        found: describeValue(found),
        ...rangeHint(issue, found),
      });
    }
    case "custom":
    case "invalid_format": {
      const decimals = /decimal/.test(issue.message);
      const reason = issue.path.includes("reasons");
      const guess = reason && typeof found === "string" ? suggest(found, REASON_CODES) : undefined;
      const message = decimals ? "too many decimal places" : reason ? "unknown reason code" : "invalid value";
      return new InputError(`${message}${also}`, {
        ...base,
        expected: issue.message,
        found: describeValue(found),
        ...(guess
          ? { hint: `did you mean "${guess}"?` }
          : reason
            ? { hint: "see `credit-sim reasons`" }
            : {}),
      });
    }
    default:
      return new InputError(`${issue.message}${also}`, { ...base, found: describeValue(found) });
  }
}

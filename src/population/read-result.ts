// Reading a `simulate --json` result file back (for `merge`), with its size checked before it is read: the meta at
// the top of the document (format, then meta) says how many bins the population's aggregates have, so
// how large the file can honestly be; a file larger than that — or than MAX_RESULT_BYTES — is refused
// before the rest is read. A pipe or a device (no honest size) is read up to that bound and no further.
// `merge` reads every file's head first (readResultHead: all problems of the metas at once), then each
// file whole in its turn, so that it holds one shard at a time.

import { closeSync, openSync, readSync, statSync } from "node:fs";
import { duplicateJsonKeys } from "../scenario/json-position.js";
import {
  looksLikePolicy,
  type OtherKind,
  PERSONA_KIND,
  POLICY_KIND,
  SCENARIO_KIND,
} from "../scenario/kinds.js";
import { parseJson, parseText } from "../scenario/parse.js";
import { lineStartsOf, positionIn } from "../scenario/positions.js";
import { decodeUtf8, readPipe, unreadable } from "../scenario/read.js";
import { schemaKeysAt } from "../scenario/schema.js";
import { formatPath, InputError, MAX_PROBLEMS } from "../shared/errors.js";
import { resolveTyped } from "../shared/paths.js";
import { noteRead } from "../shared/standard-error-input.js";
import { armBytes } from "./aggregate.js";
import {
  fromDocument,
  isOtherVersion,
  otherVersionError,
  type PopulationMeta,
  type PopulationResult,
  resultProblems,
  type Shard,
} from "./result.js";
import { armCount, Meta } from "./result-schema.js";

/** The largest result file read at all (a century-long horizon of five personas, both arms, is ~110 MB). */
export const MAX_RESULT_BYTES = 256 * 1024 * 1024;

/** What `simulate` says of a `--json` document of `bytes` bytes that `merge` would refuse as too large (null
 *  when it reads it): the run is not refused before it starts, as its totals fit (checkTotalsSize), but
 *  their text can come out larger — said once it is written, so that a shard is not merged in vain. */
export function unmergeableDocument(bytes: number): string | null {
  if (bytes <= MAX_RESULT_BYTES) return null;
  const mb = (n: number) => `${Math.ceil(n / 2 ** 20)} MB`;
  return `the --json document is ${mb(bytes)}, more than the ${mb(MAX_RESULT_BYTES)} \`merge\` reads: merge will refuse it (simulate fewer days, sweep values or personas in each run)`;
}
/** Where the meta must be: at the top of the document. */
const HEAD_BYTES = 64 * 1024;
/** Bytes one number of an aggregate may take in the document (indented, one a line), and the rest. */
const BYTES_PER_BIN = 32;
const SLACK_BYTES = 4 * 1024 * 1024;

const HINT = "merge the --json outputs of `credit-sim simulate … --shard I/N --json`, unchanged";

/**
 * A result file as `merge` takes it: its meta, read from the head of the file (checked, and the file's
 * size against it), and how to read the whole of it when its turn comes — the meta then found at its top
 * must be the one read here. A file that can be read only once (a pipe, a device) is read whole now.
 */
export function readResultHead(file: string, cwd: string = process.cwd()): Shard {
  const { path, size } = sizeOf(file, cwd);
  if (size === null) {
    const result = readResultFile(file, cwd);
    return { file, meta: result.meta, read: () => result };
  }
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw unreadable(e, file, "result", cwd);
  }
  noteRead(fd, file);
  let meta: PopulationMeta;
  try {
    const head = readHead(fd, file);
    meta = head.meta;
    if (size > head.bound) throw tooLarge(file, head.bound, `${size} bytes`);
  } finally {
    closeSync(fd);
  }
  return {
    file,
    meta,
    read: () => {
      const result = readResultFile(file, cwd);
      // a file rewritten since its head was read (a job still writing it) is not merged with the checks
      // made of the meta it had
      if (JSON.stringify(result.meta) !== JSON.stringify(meta))
        throw new InputError("the file changed while merge read it", {
          file,
          expected: "the meta read at its top before any file was merged",
          hint: "merge files no job is still writing",
        });
      return result;
    },
  };
}

/** `file` as the user gave it (messages name it so), read relative to `cwd`. */
export function readResultFile(file: string, cwd: string = process.cwd()): PopulationResult {
  const { path, size, fifo } = sizeOf(file, cwd);
  // a named pipe is opened without blocking (nobody may ever write to it) and read under the cap
  if (fifo) {
    let bytes: Buffer;
    try {
      bytes = readPipe(path, MAX_RESULT_BYTES + 1, "result", file);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw unreadable(e, file, "result", cwd);
    }
    // the bound its meta sets, as for a file (read under the overall cap first: a pipe has no size)
    return fromText(
      bytes,
      Math.min(MAX_RESULT_BYTES, boundFromMeta(bytes.subarray(0, HEAD_BYTES), file).bound),
      file,
    );
  }
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw unreadable(e, file, "result", cwd);
  }
  noteRead(fd, file);
  try {
    const { bytes: head, bound } = readHead(fd, file);
    if (size !== null && size > bound) throw tooLarge(file, bound, `${size} bytes`);
    const rest = head.length < HEAD_BYTES ? Buffer.alloc(0) : readUpTo(fd, bound + 1 - head.length, file);
    return fromText(Buffer.concat([head, rest]), bound, file);
  } finally {
    closeSync(fd);
  }
}

/** Where `file` is, and its size: null for what has none (a pipe, a device); a folder, a file past the
 *  cap or one that cannot be read is refused. */
function sizeOf(file: string, cwd: string): { path: string; size: number | null; fifo: boolean } {
  const path = resolveTyped(cwd, file);
  let size: number | null;
  let fifo = false;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError("is a directory, not a result file", { file, hint: HINT });
    // refused before a byte is read, as a scenario's reader does (`merge /dev/zero` read 64 KB first); a
    // pipe (`merge <(…)`) is read
    if (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket())
      throw new InputError(`is ${st.isSocket() ? "a socket" : "a device"}, not a result file`, {
        file,
        hint: HINT,
      });
    size = st.isFile() ? st.size : null;
    fifo = st.isFIFO();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable(e, file, "result", cwd);
  }
  if (size !== null && size > MAX_RESULT_BYTES) throw tooLarge(file, MAX_RESULT_BYTES, `${size} bytes`);
  return { path, size, fifo };
}

/** The head of an open file, its meta, and the bound that meta sets on the file's size. */
function readHead(fd: number, file: string): { bytes: Buffer; meta: PopulationMeta; bound: number } {
  const bytes = readUpTo(fd, HEAD_BYTES, file);
  const { meta, bound } = boundFromMeta(bytes, file);
  return { bytes, meta, bound: Math.min(MAX_RESULT_BYTES, bound) };
}

function fromText(bytes: Buffer, bound: number, file: string): PopulationResult {
  if (bytes.length > bound) throw tooLarge(file, bound, `more than ${bound} bytes`);
  // read as a scenario is: a byte-order mark taken off, text not in UTF-8 refused as such (a character
  // that is not was read as U+FFFD)
  const text = decodeUtf8(bytes, file, "result");
  if (text.trim() === "")
    throw new InputError("the file is empty", { file, expected: "a `simulate --json` result" });
  const data = parseJson(text, file);
  refuseDuplicateKeys(text, file);
  return fromDocument(data, file);
}

/** A key written twice in one object is refused, as in a scenario file: JSON.parse keeps the last in
 *  silence, so a hand-edited `"seed": 2, "seed": 7` read as seed 7. */
function refuseDuplicateKeys(text: string, file: string): void {
  const found = duplicateJsonKeys(text, MAX_PROBLEMS + 1);
  if (found.length === 0) return;
  const starts = lineStartsOf(text);
  const problems = found.slice(0, MAX_PROBLEMS).map(
    ({ at, path }) =>
      new InputError(`duplicate key "${String(path[path.length - 1])}"`, {
        file,
        ...positionIn(starts, at),
        field: formatPath(path),
        found: "the key again in the same object",
        hint: "each key may appear once in an object; remove one (merge takes the --json outputs unchanged)",
      }),
  );
  throw InputError.all(problems, found.length > MAX_PROBLEMS);
}

/** A read whose failure (a folder, an I/O error) is said in words. */
function readOrSay(fd: number, chunk: Buffer, file: string): number {
  try {
    return readSync(fd, chunk, 0, chunk.length, null);
  } catch (e) {
    throw unreadable(e, file, "result");
  }
}

function readUpTo(fd: number, cap: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < cap) {
    const chunk = Buffer.alloc(Math.min(1024 * 1024, cap - total));
    const n = readOrSay(fd, chunk, file);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks);
}

function tooLarge(file: string, bound: number, found: string): InputError {
  return new InputError("file too large for a population result", {
    file,
    expected: `at most ${bound} bytes for the population its meta describes`,
    found,
    hint: HINT,
  });
}

/** The meta found in the head of the file, and the largest a document with it can be. */
function boundFromMeta(head: Buffer, file: string): { meta: PopulationMeta; bound: number } {
  // a file in UTF-16 is said to be that, not a document without a meta
  const text = decodeUtf8(head, file, "result", true);
  const notResult = (why: string) =>
    new InputError("not a population result of `credit-sim simulate --json`", {
      file,
      expected: "a document with `format` and `meta` at the top",
      found: why,
      hint: HINT,
    });
  if (text.trim() === "")
    throw new InputError("the file is empty", { file, expected: "a `simulate --json` result" });
  // the format simulate writes first: a shard of another version is said so from its head, with every other
  // file's (merge reads the bodies one at a time, and stops at the first)
  const format = /^\s*\{\s*"format"\s*:\s*("[^"\\]*")/.exec(text)?.[1];
  if (format !== undefined && isOtherVersion(JSON.parse(format))) throw otherVersionError(file, format);
  const key = /"meta"\s*:\s*\{/.exec(text);
  if (!key) throw metaNotMapping(text, file) ?? inputFileGiven(text, file) ?? notResult("no meta at the top");
  const start = key.index + key[0].length - 1;
  const end = matchingBrace(text, start);
  if (end < 0) throw notResult("a meta that does not end near the top");
  let meta: unknown;
  try {
    meta = JSON.parse(text.slice(start, end + 1));
  } catch {
    // placed as anywhere else in the file: the text up to the meta's end stops where the meta does
    parseJson(text.slice(0, end + 1), file);
    throw notResult("a meta that is not JSON");
  }
  const parsed = Meta.safeParse(meta);
  // each field of a hand-edited meta said as the rest of the document's are: field, expected, found
  if (!parsed.success)
    throw resultProblems(
      parsed.error.issues.map((issue) => ({ ...issue, path: ["meta", ...issue.path] })),
      { meta },
      file,
      (path) => schemaKeysAt(Meta, path.slice(1)),
    );
  const m = parsed.data;
  // every arm: the champion, then a challenger or each of a sweep's variants
  const bins = m.personas.length * armCount(m) * (armBytes(m.days) / 8);
  return { meta: m, bound: SLACK_BYTES + BYTES_PER_BIN * bins };
}

/** A scenario, policy or persona file given to merge (`merge scenarios/zhang-ming.yaml`): named for what it
 *  is, with what merge takes instead — not "no meta at the top". null when the head reads as none of them. */
function inputFileGiven(text: string, file: string): InputError | null {
  const keys = topKeys(text, file);
  if (keys.length === 0) return null;
  const policy: OtherKind | undefined = looksLikePolicy(Object.fromEntries(keys.map((k) => [k, 0])))
    ? POLICY_KIND
    : undefined;
  const kind =
    [SCENARIO_KIND, PERSONA_KIND, POLICY_KIND].find((o) => keys.some((k) => o.keys.includes(k))) ?? policy;
  if (kind === undefined) return null;
  const own = keys.filter((k) => kind.keys.includes(k));
  return new InputError(`a ${kind.noun} file, not a population result of \`credit-sim simulate --json\``, {
    file,
    expected: "a `simulate --json` result (one per shard): merge adds up the shards of one population",
    found: `a ${kind.noun}${own.length > 0 ? ` (${own.slice(0, 4).join(", ")})` : ""}`,
    hint: `run the population first — credit-sim simulate … --shard I/N --json > shard-I.json — and merge those files${kind === PERSONA_KIND ? "; a persona is what simulate takes" : ""}`,
  });
}

/** The top-level keys of a YAML or JSON mapping at the head of a file (none if it reads as no mapping). */
function topKeys(text: string, file: string): string[] {
  try {
    const data = parseText(text, file).data;
    if (data !== null && typeof data === "object" && !Array.isArray(data)) return Object.keys(data);
  } catch {
    // a head cut short, or a file that is not YAML: its unindented `key:` lines
  }
  return [...text.matchAll(/^(["']?)([A-Za-z_$][\w$]*)\1[ \t]*:(?:[ \t]|$)/gm)].map((m) => m[2]!);
}

/** A meta that is there but no mapping (a list, a number, a string, null), said as a meta of the wrong
 *  shape is — its field, what was expected and what was found — not as "no meta at the top"; null when
 *  the head holds no such meta. */
function metaNotMapping(text: string, file: string): InputError | null {
  const value = /"meta"\s*:\s*(\[|-?\d[\d.eE+-]*|"(?:[^"\\]|\\.){0,40}"|true|false|null)/.exec(text)?.[1];
  if (value === undefined) return null;
  return new InputError("not a population result of `credit-sim simulate --json`", {
    file,
    field: "meta",
    expected: "a mapping: the population's seed, days, accounts and policies",
    found: value === "[" ? "a list" : value,
    hint: HINT,
  });
}

/** The index of the `}` that closes the `{` at `open` (strings and escapes skipped), or −1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return -1;
}

// The policy files a scenario file reads, found without loading it: what `credit-sim test` must not
// write a report over, and what its watch mode re-runs a scenario for. Best effort by design — a file
// with problems still names its policies.

import { realpathSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { Roots } from "../scenario/builtin.js";
import { policyPath } from "../scenario/load-policy.js";
import { parseText } from "../scenario/parse.js";
import { readInputFile } from "../scenario/read.js";

/**
 * The values of `key:` in a file, read with the loader's own parser (its bounds, no library warnings
 * quoting the file) — or, when the file does not parse (a duplicate key, tabs, two documents), from its
 * lines, plain or quoted scalars only: a file with problems still names what it reads.
 */
function valuesOf(
  text: string,
  file: string,
  read: (data: unknown) => unknown[],
  key: string,
  parsed: () => unknown = () => parseText(text, file).data,
): string[] {
  try {
    return read(parsed()).filter((v): v is string => typeof v === "string");
  } catch {
    const line = new RegExp(`(?:^|[\\s{,])${key}:[ \\t]*("([^"\\n]*)"|'([^'\\n]*)'|[^\\s,}#"']+)`, "gm");
    return [...text.matchAll(line)].map((m) => m[2] ?? m[3] ?? m[1]!);
  }
}

/** What `extends` each policy file read names (null: none, or the file could not be read), by its real
 *  path (links followed): a file is read once however many references — spellings, links, scenario
 *  files — lead to it. One for a whole search (a suite of a thousand scenarios naming one 4 MB policy
 *  read it a thousand times; one scenario naming it through 100,000 links, 100,000 times). */
export type PolicyParents = Map<string, string | null>;

/** The policy files a reference leads to: the file and its `extends` chain (cycles and errors stop it;
 *  the run itself reports them). `from`, the file that names `ref`: each reference is held to the rules
 *  the loader holds it to — in its file's folder tree, read within the size cap — so a file changed
 *  since it loaded leads the watch nowhere else (`roots`: the folders CREDIT_SIM_ROOT allows as well). */
export function policyChain(
  ref: string,
  baseDir: string,
  from: string | undefined,
  roots: Roots,
  parents: PolicyParents = new Map(),
): string[] {
  const out: string[] = [];
  let next: { ref: string; dir: string; from: string | undefined } | null = { ref, dir: baseDir, from };
  while (next) {
    let file: string;
    try {
      file = policyPath(next.ref, next.dir, next.from, roots);
    } catch {
      break;
    }
    if (out.includes(file)) break;
    out.push(file);
    // a file that is not there is not read: reading it would look through its folder for a near name
    if (!isFile(file)) break;
    const parent = parentOf(file, parents);
    next = parent === null ? null : { ref: parent, dir: dirname(file), from: file };
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The `extends` a policy file names, read once per file (see PolicyParents). */
function parentOf(file: string, parents: PolicyParents): string | null {
  let id = file;
  try {
    id = realpathSync.native(file);
  } catch {
    // gone since it was looked at: read below, which says so
  }
  const known = parents.get(id);
  if (known !== undefined) return known;
  let parent: string | null = null;
  try {
    const text = readInputFile(file, "policy");
    parent =
      valuesOf(text, file, (d) => [(d as { extends?: unknown } | null)?.extends], "extends")[0] ?? null;
  } catch {
    // unreadable: the chain stops here, and the run reports it
  }
  parents.set(id, parent);
  return parent;
}

/**
 * The policy files a scenario file names (`policy:`, a policy event's `use:`) and what they extend, read
 * as far as the file lets itself be read: a scenario with problems still names its policies (a report
 * must not replace them, the watch re-runs it when they change). Never throws on the file's content.
 */
export function namedPolicyFiles(file: string, roots: Roots, parents: PolicyParents = new Map()): string[] {
  let text: string;
  try {
    text = readInputFile(file, "scenario");
  } catch {
    return [];
  }
  // parsed once for both keys (a suite of a thousand files reads each of them here)
  let data: { value: unknown } | { error: unknown } | undefined;
  const parsed = () => {
    if (data === undefined)
      try {
        data = { value: parseText(text, file).data };
      } catch (error) {
        data = { error };
      }
    if ("error" in data) throw data.error;
    return data.value;
  };
  const policy = valuesOf(text, file, (d) => [(d as { policy?: unknown } | null)?.policy], "policy", parsed);
  const uses = valuesOf(
    text,
    file,
    (d) => {
      const events = (d as { events?: unknown } | null)?.events;
      return Array.isArray(events) ? events.map((e) => (e as { use?: unknown } | null)?.use) : [];
    },
    "use",
    parsed,
  );
  const refs = new Set<string>([...(policy.length > 0 ? policy : ["default"]), ...uses]);
  return [...new Set([...refs].flatMap((ref) => policyChain(ref, dirname(file), file, roots, parents)))];
}

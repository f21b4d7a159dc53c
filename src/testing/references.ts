// The policy files a scenario file reads, found without loading it: what `credit-sim test` must not
// write a report over, and what its watch mode re-runs a scenario for. Best effort by design — a file
// with problems still names its policies.

import { dirname } from "node:path";
import { parse } from "yaml";
import { policyPath } from "../scenario/load-policy.js";
import { readInputFile } from "../scenario/read.js";

/** The policy files a reference leads to: the file and its `extends` chain (cycles and errors stop it;
 *  the run itself reports them). `from`, the file that names `ref`: each reference is held to the rules
 *  the loader holds it to — in its file's folder tree, read within the size cap — so a file changed
 *  since it loaded leads the watch nowhere else. */
export function policyChain(ref: string, baseDir: string, from?: string): string[] {
  const out: string[] = [];
  let next: { ref: string; dir: string; from: string | undefined } | null = { ref, dir: baseDir, from };
  while (next) {
    let file: string;
    try {
      file = policyPath(next.ref, next.dir, next.from);
    } catch {
      break;
    }
    if (out.includes(file)) break;
    out.push(file);
    let parent: unknown;
    try {
      parent = (parse(readInputFile(file, "policy")) as { extends?: unknown } | null)?.extends;
    } catch {
      break;
    }
    next = typeof parent === "string" ? { ref: parent, dir: dirname(file), from: file } : null;
  }
  return out;
}

/**
 * The policy files a scenario file names (`policy:`, a policy event's `use:`) and what they extend, read
 * as far as the file lets itself be read: a scenario with problems still names its policies (a report
 * must not replace them, the watch re-runs it when they change). Never throws on the file's content.
 */
export function namedPolicyFiles(file: string): string[] {
  let data: unknown;
  try {
    data = parse(readInputFile(file, "scenario"));
  } catch {
    return [];
  }
  if (data === null || typeof data !== "object") return [];
  const { policy, events } = data as { policy?: unknown; events?: unknown };
  const refs = new Set<string>([typeof policy === "string" ? policy : "default"]);
  if (Array.isArray(events))
    for (const e of events) {
      const use = (e as { type?: unknown; use?: unknown } | null)?.use;
      if ((e as { type?: unknown } | null)?.type === "policy" && typeof use === "string") refs.add(use);
    }
  return [...new Set([...refs].flatMap((ref) => policyChain(ref, dirname(file), file)))];
}

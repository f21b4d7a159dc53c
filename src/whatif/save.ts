// A variant as a scenario file: the written shape, one event per line as people write them, policy paths
// re-anchored to the new file's folder, and a description that says what was changed. `credit-sim run`
// reads the result unchanged.

import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Document, isMap, isSeq } from "yaml";
import { schemaComment } from "../scenario/json-schema.js";
import { MAX_DESCRIPTION, MAX_NAME } from "../scenario/schema.js";
import { refuseInexactNumbers } from "../scenario/written-numbers.js";
import { yamlText } from "../scenario/yaml-text.js";
import { resolveAsSystem } from "../shared/paths.js";
import { elideMiddle, printableName, printablePath } from "../shared/text.js";
import { occupied } from "../shared/write-plan.js";
import { dayOf, type Variant, variantWritten } from "./variant.js";

const BUILTIN = /^[A-Za-z0-9_-]+$/;

/** A policy reference of a file in `fromDir`, as seen from `toFile`: built-in names stay, paths are
 *  re-anchored. An absolute one (`--policy`'s, resolved from the working folder) stays absolute only
 *  outside the new file's folder: within it, it is written relative, so the file runs wherever its folder
 *  is checked out — and names no one's home folder. */
function reanchorFrom(ref: string, fromDir: string, toFile: string): string {
  if (BUILTIN.test(ref) && !extname(ref)) return ref;
  const abs = isAbsolute(ref) ? ref : resolve(fromDir, ref);
  const rel = relative(dirname(resolve(toFile)), abs)
    .split(sep)
    .join("/");
  if (isAbsolute(ref) && (rel === ".." || rel.startsWith("../") || isAbsolute(rel))) return ref;
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** A policy reference of `fromFile`, as seen from `toFile`. */
export function reanchor(ref: string, fromFile: string, toFile: string): string {
  return reanchorFrom(ref, dirname(resolve(fromFile)), toFile);
}

export interface SaveOptions {
  /** a new name; default: the original's + " (what-if)" */
  name?: string;
  /** the working folder (default: the process's): the schema line is written only within it */
  cwd?: string;
}

/** The YAML text of a variant saved as `toFile`; a number the file could not keep is refused (as for
 *  scenarioYaml). */
export function variantYaml(v: Variant, toFile: string, options: SaveOptions = {}): string {
  const w = variantWritten(v, (ref) => reanchorFrom(ref, v.dir, toFile));
  const edits = v.notes.length > 0 ? v.notes.join("; ") : "no edits";
  // the description's own full stop is kept, never doubled
  const base = v.original.description ? `${v.original.description.replace(/[.。]\s*$/, "")}. ` : "";
  const data: Record<string, unknown> = {
    ...(w.$schema !== undefined ? { $schema: w.$schema } : {}),
    // the original's name and description with more added: fitted, or the saved file would not load
    name: options.name ?? elideMiddle(`${v.original.name} (what-if)`, MAX_NAME),
    description: elideMiddle(`${base}What-if of ${v.original.name}: ${edits}`, MAX_DESCRIPTION),
    start: w.start,
    until: w.until,
    policy: w.policy,
    profile: w.profile,
    // in day order, as people write a timeline (an added event came last in the file, whatever its day);
    // a stable sort keeps same-day events in the order the engine runs them, so the file runs the same
    events: [...w.events]
      .sort((a, b) => dayOf(a, w.start) - dayOf(b, w.start))
      // as people write them: when, then what
      .map(({ day, date, type, ...rest }) => ({
        ...(day !== undefined ? { day } : {}),
        ...(date !== undefined ? { date } : {}),
        type,
        ...rest,
      })),
  };
  refuseInexactNumbers(data);
  const doc = new Document(data);
  // the schema line first, so editors check the saved file as they check any scenario
  const cwd = options.cwd ?? process.cwd();
  const schema = schemaComment(dirname(resolveAsSystem(cwd, toFile)), cwd);
  doc.commentBefore = [
    ...(schema !== null ? [` ${schema}`] : []),
    ` what-if variant of ${printablePath(v.file)}, written by credit-sim whatif`,
    " the original's expectations are left out: they describe the original",
  ].join("\n");
  const profile = doc.get("profile", true);
  if (isMap(profile)) profile.flow = true;
  const events = doc.get("events", true);
  if (isSeq(events)) {
    for (const item of events.items) {
      if (isMap(item)) item.flow = true;
    }
  }
  return yamlText(doc, { lineWidth: 0, flowCollectionPadding: true });
}

/** Where variants are saved unless told otherwise: outside `scenarios/`, which `credit-sim test` scans. */
const SAVE_DIR = "whatif";

/** scenarios/zhang-ming.yaml → whatif/zhang-ming-whatif.yaml (then -whatif-2, …): a name not yet taken
 *  (by anything: a link that leads nowhere takes a name too). A character of the file's name that drives
 *  a terminal (an escape, a bidi override) is a `_` in it: the prompt shows the suggestion as it is, and a
 *  cloned repository's file name could set the window's title or write the clipboard. */
export function suggestName(
  file: string,
  exists: (f: string) => boolean = occupied,
  dir: string = SAVE_DIR,
): string {
  const shown = (name: string) => [...name].map((c) => (printableName(c) === c ? c : "_")).join("");
  const ext = shown(extname(file)) || ".yaml";
  const stem = join(dir, shown(basename(file, extname(file))));
  for (let n = 1; ; n++) {
    const candidate = `${stem}-whatif${n === 1 ? "" : `-${n}`}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

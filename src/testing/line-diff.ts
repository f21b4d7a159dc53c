// A readable diff of two golden traces: only the hunks that changed, a little context, `-` for the
// committed trace and `+` for this run. Plain text; the pretty reporter colours it.

import { structuredPatch } from "diff";

export interface LineDiffOptions {
  context?: number;
  /** at most this many diff lines; the rest is summarised */
  maxLines?: number;
}

/**
 * The most lines changed that are diffed line by line. The diff costs about (lines × lines changed): a
 * golden trace edited on every line, within the size a trace may have, kept a run busy for hours. Past
 * the bound the diff says so instead — the same words on every machine, as a time limit would not be.
 */
export const MAX_DIFFED_CHANGES = 2000;

export function lineDiff(before: string, after: string, options: LineDiffOptions = {}): string {
  const patch = structuredPatch("golden", "now", before, after, undefined, undefined, {
    context: options.context ?? 1,
    maxEditLength: MAX_DIFFED_CHANGES,
  });
  if (patch === undefined)
    return `… more than ${MAX_DIFFED_CHANGES} lines changed, too many to show line by line; open the trace file to see all`;
  const maxLines = options.maxLines ?? 60;
  const lines: string[] = [];
  let changed = 0;
  let hidden = 0;
  for (const hunk of patch.hunks) {
    const body = hunk.lines.filter((l) => !l.startsWith("\\"));
    changed += body.filter((l) => l[0] === "-" || l[0] === "+").length;
    if (lines.length + body.length + 1 > maxLines) {
      hidden += body.filter((l) => l[0] === "-" || l[0] === "+").length;
      continue;
    }
    lines.push(`@@ golden line ${hunk.oldStart}, now line ${hunk.newStart} @@`);
    // `diff` prefixes context with a space, removals with -, additions with +: keep that, add a space
    for (const l of body) lines.push(`${l[0]} ${l.slice(1)}`);
  }
  if (hidden > 0)
    lines.push(`… and ${hidden} more changed lines (of ${changed}); open the trace file to see all`);
  return lines.join("\n");
}

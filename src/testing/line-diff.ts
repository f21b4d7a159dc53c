// A readable diff of two golden traces: only the hunks that changed, a little context, `-` for the
// committed trace and `+` for this run. Plain text; the pretty reporter colours it.

import { structuredPatch } from "diff";

export interface LineDiffOptions {
  context?: number;
  /** at most this many diff lines; the rest is summarised */
  maxLines?: number;
}

export function lineDiff(before: string, after: string, options: LineDiffOptions = {}): string {
  const patch = structuredPatch("golden", "now", before, after, undefined, undefined, {
    context: options.context ?? 1,
  });
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

// Tooltips do not wrap by themselves: long reason and remedy lines are wrapped here, at word boundaries.

export function wrapText(text: string, width = 72, indent = "  "): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const candidate = line ? `${line} ${w}` : w;
    if (candidate.length > width && line) {
      lines.push(line);
      line = indent + w;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

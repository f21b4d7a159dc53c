// A golden-trace diff (the text `credit-sim test` prints: `@@` hunk heads, `- ` stored, `+ ` now, `  `
// context) as rows of a side-by-side view: stored on the left, this run on the right.

export interface DiffRow {
  kind: "head" | "context" | "change" | "gap";
  left: string;
  right: string;
  /** which sides changed */
  del: boolean;
  add: boolean;
}

export function sideBySide(diff: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let dels: string[] = [];
  let adds: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(dels.length, adds.length); i++) {
      rows.push({
        kind: "change",
        left: dels[i] ?? "",
        right: adds[i] ?? "",
        del: dels[i] !== undefined,
        add: adds[i] !== undefined,
      });
    }
    dels = [];
    adds = [];
  };
  for (const line of diff.split("\n")) {
    if (rows.length === 0 && /^\s+day\s+date\s/.test(line)) {
      rows.push({ kind: "head", left: line.slice(2), right: line.slice(2), del: false, add: false });
    } else if (line.startsWith("@@")) {
      flush();
      rows.push({ kind: "head", left: line, right: "", del: false, add: false });
    } else if (line.startsWith("- ")) dels.push(line.slice(2));
    else if (line.startsWith("+ ")) {
      adds.push(line.slice(2));
    } else if (line.startsWith("… ")) {
      flush();
      rows.push({ kind: "gap", left: line, right: "", del: false, add: false });
    } else if (line.trim() !== "") {
      flush();
      const text = line.startsWith("  ") ? line.slice(2) : line;
      rows.push({ kind: "context", left: text, right: text, del: false, add: false });
    }
  }
  flush();
  return rows;
}

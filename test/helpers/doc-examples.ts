// The shell examples of the Markdown docs, as commands to run: every ```sh block of README.md and
// docs/**/*.md, one command a line (`\` continues a line, `&&` chains, `> FILE` redirects stdout, `#` starts
// a comment). A block preceded by `<!-- example: no-run (why) -->` is skipped; `<!-- example: exit N -->`
// expects that exit code. A ```text block right under a one-command block is the output it shows: each of
// its lines must be printed, in order (`…` alone stands for lines left out).

export interface Example {
  file: string;
  /** 1-based line of the command in the file */
  line: number;
  text: string;
  /** the commands of a `&&` chain: argv after `npx credit-sim`, and where stdout goes */
  steps: Array<{ args: string[]; stdoutTo: string | null }>;
  exit: number;
}

export interface Block {
  file: string;
  line: number;
  run: boolean;
  why: string;
  exit: number;
  lines: Array<{ line: number; text: string }>;
  /** the ```text block right after it (blank lines between at most): the output the docs show for it */
  shows: Array<{ line: number; text: string }> | null;
}

export function blocks(file: string, markdown: string): Block[] {
  const lines = markdown.split("\n");
  const out: Array<{ block: Block; end: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === "```text") {
      const body = fenced(lines, i);
      const prev = out.at(-1);
      // shown output belongs to the example whose block closed just above it
      if (prev && lines.slice(prev.end, i).every((l) => l.trim() === "")) prev.block.shows = body;
      i += body.length + 1;
      continue;
    }
    if (lines[i]!.trim() !== "```sh") continue;
    const marker = /<!--\s*example:\s*(no-run|exit\s+(\d+))\s*(?:\((.*)\))?\s*-->/.exec(lines[i - 1] ?? "");
    const body = fenced(lines, i);
    out.push({
      end: i + body.length + 2,
      block: {
        file,
        line: i + 1,
        run: marker?.[1] !== "no-run",
        why: marker?.[3] ?? "",
        exit: marker?.[2] ? Number(marker[2]) : 0,
        lines: body,
        shows: null,
      },
    });
    i += body.length + 1;
  }
  return out.map((x) => x.block);
}

/** The lines inside the fence opened on line index `open`. */
function fenced(lines: readonly string[], open: number): Block["lines"] {
  const body: Block["lines"] = [];
  for (let j = open + 1; j < lines.length && lines[j]!.trim() !== "```"; j++)
    body.push({ line: j + 1, text: lines[j]! });
  return body;
}

/**
 * The lines of `shown` missing from `output`, in order (a shown line must come after the one before it;
 * a line of `…` alone stands for lines left out). Empty: the docs show what the command prints.
 */
export function missingFrom(output: string, shown: Block["lines"]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const { text } of shown) {
    const want = text.trimEnd();
    if (want.trim() === "…" || want === "") continue;
    const i = output.indexOf(want, at);
    if (i < 0) missing.push(want);
    else at = i + want.length;
  }
  return missing;
}

/** Shell words: quotes, backslashes, and the operators && and >. */
function words(text: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unclosed ${ch} in: ${text}`);
      word = (word ?? "") + text.slice(i + 1, end);
      i = end;
    } else if (ch === "\\" && i + 1 < text.length) {
      word = (word ?? "") + text[++i];
    } else if (ch === " " || ch === "\t") {
      if (word !== null) out.push(word);
      word = null;
    } else if (ch === "#" && word === null) {
      break;
    } else if ((ch === "&" && text[i + 1] === "&") || ch === ">" || ch === "|" || ch === ";" || ch === "<") {
      if (word !== null) out.push(word);
      word = null;
      const op = ch === "&" ? "&&" : ch;
      if (op === "&&") i++;
      out.push(op);
    } else word = (word ?? "") + ch;
  }
  if (word !== null) out.push(word);
  return out;
}

export function examples(block: Block): Example[] {
  // join continued lines
  const commands: Array<{ line: number; text: string }> = [];
  for (const l of block.lines) {
    const prev = commands.at(-1);
    if (prev?.text.endsWith("\\")) prev.text = `${prev.text.slice(0, -1)} ${l.text.trim()}`;
    else commands.push({ line: l.line, text: l.text });
  }
  return commands
    .filter((c) => c.text.trim() !== "" && !c.text.trim().startsWith("#"))
    .map((c) => {
      const steps: Example["steps"] = [];
      let current: string[] = [];
      let stdoutTo: string | null = null;
      const ws = words(c.text);
      for (let k = 0; k < ws.length; k++) {
        const w = ws[k]!;
        if (w === "&&") {
          steps.push({ args: current, stdoutTo });
          current = [];
          stdoutTo = null;
        } else if (w === ">") stdoutTo = ws[++k] ?? null;
        else if (w === "|" || w === ";" || w === "<")
          throw new Error(`${block.file}:${c.line}: the example runner supports && and > only: ${c.text}`);
        else current.push(w);
      }
      steps.push({ args: current, stdoutTo });
      for (const s of steps) {
        if (s.args[0] !== "npx" || s.args[1] !== "credit-sim")
          throw new Error(
            `${block.file}:${c.line}: an example must be \`npx credit-sim …\` (or mark the block <!-- example: no-run (why) -->): ${c.text}`,
          );
        s.args = s.args.slice(2);
      }
      return { file: block.file, line: c.line, text: c.text.trim(), steps, exit: block.exit };
    });
}

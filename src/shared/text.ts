// Text from a file or a command line, made safe to print on a terminal. A scenario's name, a note or a
// merchant arrives in a pull request: written raw, `\x1b[2J` would clear the reviewer's screen, `\x1b]8;…`
// plant a link, a bidirectional override (U+202E) reorder what follows and a line break forge a line of
// output. Control characters (C0, DEL, C1), bidirectional controls, line separators, lone surrogates and
// noncharacters are shown as escapes instead, the way JSON shows controls; everything else — any script,
// any emoji — is left alone.

const NAMED: Record<number, string> = { 10: "\\n", 13: "\\r", 9: "\\t" };

/** Whether a UTF-16 code unit could drive a terminal or reorder text. */
function unsafe(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function shown(code: number): string {
  const named = NAMED[code];
  if (named) return named;
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

function escapeUnsafe(text: string, keepNewlines: boolean): string {
  return escapeExcept(text, keepNewlines ? (code) => code === 0x0a : () => false);
}

/** Whether the code unit at `i` is half a surrogate pair without its other half: no character at all. A
 *  file's `"\ud800"` is one; written out as UTF-8 it becomes U+FFFD, so a golden trace holding it would
 *  never read back as written (-u could not make it match), and on a terminal it looks like a real U+FFFD. */
function loneSurrogate(text: string, i: number, code: number): boolean {
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : Number.NaN;
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

/** Whether the code point at `i` is a noncharacter (U+FDD0–U+FDEF, and the last two of every plane: U+FFFE,
 *  U+FFFF, U+1FFFE, …): no character to show — a terminal draws each as something else or as nothing —
 *  and an error to HTML's parser. Its length in code units, or 0. */
function noncharacter(text: string, i: number, code: number): number {
  if ((code >= 0xfdd0 && code <= 0xfdef) || code >= 0xfffe) return 1;
  if (code < 0xd800 || code > 0xdbff) return 0;
  const point = text.codePointAt(i)!;
  return point > 0xffff && (point & 0xfffe) === 0xfffe ? 2 : 0;
}

function escapeExcept(text: string, keep: (code: number) => boolean): string {
  let out: string | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const odd = code >= 0xd800 ? noncharacter(text, i, code) : 0;
    if (odd === 2) {
      out = `${out ?? ""}${text.slice(from, i)}\\u{${text.codePointAt(i)!.toString(16)}}`;
      from = ++i + 1;
      continue;
    }
    if (!(unsafe(code) && !keep(code)) && !loneSurrogate(text, i, code) && odd === 0) continue;
    out = (out ?? "") + text.slice(from, i) + shown(code);
    from = i + 1;
  }
  return out === null ? text : out + text.slice(from);
}

/**
 * A CI log is read by its runner too: GitHub Actions takes a line that starts (after any white space,
 * NBSP and ideographic space included: .NET's TrimStart) with `::` as a workflow command, and `##[`
 * anywhere in a line as one of the old form; Azure Pipelines takes `##vso[`. A scenario name could forge
 * an annotation or, with `##[stop-commands]`, silence the real ones. The first colon and the second hash
 * are shown as escapes, which no runner reads as a command.
 */
function disarmCommands(text: string): string {
  return text.replace(/^([^\S\n]*):(?=:)/gm, "$1\\x3a").replace(/##(?=\[|vso\[)/g, "#\\x23");
}

/** A path in a GitHub workflow command's property, which escapes CR and LF itself (%0D, %0A) and so
 *  stays on its line: they, and tabs, are kept — the runner must read the file's real name to annotate it
 *  — while every other character that could drive a terminal is shown as an escape, and no `##[` (the old
 *  command form, read anywhere in a line) is left. */
export function workflowPath(text: string): string {
  return escapeExcept(text, (code) => code === 0x09 || code === 0x0a || code === 0x0d).replace(
    /##(?=\[|vso\[)/g,
    "#\\x23",
  );
}

/** `text` with every character that could drive a terminal shown as an escape (`\x1b`, `\n`, `\u202e`),
 *  and nothing GitHub's or Azure's runner would take as a command. */
export function printable(text: string): string {
  return disarmCommands(escapeUnsafe(text, false));
}

/** Characters a reader cannot see or tells from a plain space only by their code — format characters
 *  (zero-width space and joiners, soft hyphen, BOM, tag characters) and every space but U+0020 — shown as
 *  escapes (`\u200b`, `\u00a0`): in an error message, where `found: "purchase"` must not look like the
 *  word the hint suggests. */
export function unmistakable(text: string): string {
  return text.replace(/[\p{Cf}\p{Zs}]/gu, (c) => (c === " " ? c : codeEscape(c)));
}

/** A path as human output shows it: printable, and the characters nobody sees (format characters, every
 *  space but U+0020) as escapes, as an error message shows the same path — `zw\u200bx.yaml` is no second
 *  `zwx.yaml` in a report's list, beside the error beneath it that shows the escape. */
export const printablePath = (path: string): string => unmistakable(printable(path));

/** A name from a file (a scenario's, a persona's, a policy's) as human output shows it: printable, and
 *  its invisible format characters (zero-width space and non-joiner, word joiner, soft hyphen, BOM, tag
 *  characters) shown as escapes, as error messages show them — `rev\u200bolver` is not printed as a
 *  second "revolver". A zero-width joiner inside an emoji sequence (👩‍💻) is kept: it draws one emoji. */
export function printableName(text: string): string {
  return printable(text).replace(/\p{Cf}/gu, (c, i: number, all: string) =>
    c === "\u200d" && EMOJI_BEFORE.test(all.slice(0, i)) && EMOJI_AFTER.test(all.slice(i + 1))
      ? c
      : codeEscape(c),
  );
}
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\u{fe0f}\u{1f3fb}-\u{1f3ff}]*$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/** One character as the escape a message shows it as: `\u200b`, or `\u{e0041}` past U+FFFF. */
export function codeEscape(c: string): string {
  const code = c.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** A value as typed or read, in double quotes, for a message: `"` and `\` escaped as JSON escapes them,
 *  and a control character shown as everywhere else (`\x1b`, `\n`, `\ud800`), not as JSON's `\u001b` —
 *  one value shown one way, whether an option's (`--day "1\x1b"`) or its name (`unknown option
 *  "--x\x1b"`). What JSON leaves raw (DEL, C1, bidirectional controls) the message's printing shows. */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(
    /\\(\\|b|f|u00([01][0-9a-f]))/g,
    (all: string, e: string, hex?: string) => (e === "\\" ? all : `\\x${hex ?? (e === "b" ? "08" : "0c")}`),
  );
}

/** What a value has around it that it should not, as a message names it: `spaces`, or those characters
 *  quoted when any is another (`"\r"`: a variable set on Windows ends in one, and was said to have spaces). */
export function blankAround(text: string): string {
  return blanksNamed(
    text.slice(0, text.length - text.trimStart().length) + text.slice(text.trimEnd().length),
  );
}

/** Blank characters as a message names them: `spaces`, or quoted when any is another (a tab, a line end). */
const blanksNamed = (cut: string): string => (/^ +$/.test(cut) ? "spaces" : quoted(cut));

/** "write `meant`, without the spaces": those around the value typed, or in it. */
export function withoutBlanks(typed: string, meant: string): string {
  const trimmed = typed.trim();
  if (/\s/.test(trimmed)) {
    return `write ${meant}, without the ${blanksNamed((trimmed.match(/\s/g) ?? []).join(""))} in it`;
  }
  return `write ${meant}, without the ${blankAround(typed)} around it`;
}

/** For `name=value,…` (--set, --challenger-set) with spaces around the whole or around an `=`
 *  (`minScore= 650`): what to write instead — they were trimmed in silence, where a number option's are
 *  refused (--days " 30"). Undefined when there are none, or a pair lacks a name or value (told as typed
 *  elsewhere). A space after a comma between pairs is a list's, and stays. */
function assignmentsWithoutBlanks(value: string): string | undefined {
  const pairs = splitPairs(value).map((p, i) => (i === 0 ? p : p.trimStart()));
  const tight = pairs.map((p) => {
    const eq = p.indexOf("=");
    return eq < 0 ? p.trim() : `${p.slice(0, eq).trim()}=${p.slice(eq + 1).trim()}`;
  });
  if (tight.every((t, i) => t === pairs[i]) || tight.some((t) => !/^[A-Za-z_]\w*=\S/.test(t)))
    return undefined;
  return withoutBlanks(value, tight.join(","));
}

/** `minScore=650,maxApplications30d=2` → its pairs, as typed: split only at a comma before a name and
 *  `=`, so that a value with commas of its own (JSON) stays whole. */
export function splitPairs(text: string): string[] {
  return text.split(/,(?=\s*[A-Za-z_]\w*\s*=)/);
}

/** The refusal of spaces in a `name=value,…` value (`${flag} takes name=value`), for the caller to throw,
 *  or undefined when it has none (see assignmentsWithoutBlanks). */
export function blanksInAssignments(
  flag: string,
  value: string,
  example: string,
): { message: string; details: { expected: string; found: string; hint: string } } | undefined {
  const hint = assignmentsWithoutBlanks(value);
  return hint === undefined
    ? undefined
    : {
        message: `${flag} takes name=value`,
        details: {
          expected: `a policy parameter and its value, e.g. ${example}`,
          found: quoted(value),
          hint,
        },
      };
}

/** Controls, bidirectional overrides, lone surrogates and noncharacters shown as escapes, line breaks and tabs kept: for a format that
 *  has its own way to write those (HTML's character references). A page is read in a browser, but also
 *  with `cat`, `less` or a CI log, where a raw `\x1b[2J` or U+202E would act. */
export function visibleControls(text: string): string {
  return escapeExcept(
    text,
    (code) => code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029,
  );
}

/** The same, keeping line breaks: for multi-line text the program composed around user strings. */
export function printableLines(text: string): string {
  return disarmCommands(escapeUnsafe(text, true));
}

/** What JSON.stringify, and YAML's double quotes, leave raw in a string that a reader of the text must
 *  not meet raw: DEL and the C1 controls (U+009B is a CSI to a terminal that reads UTF-8's C1 as
 *  controls), bidirectional controls, and U+2028/2029 (a line break to readers that split on Unicode's,
 *  such as Python's `splitlines`). None is JSON or YAML syntax, so in text where every string holding
 *  one is quoted, each can stand only inside a quoted string — where `\uXXXX` means the same. */
const UNSEEN_IN_QUOTES = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

/** Whether `text` holds a character of UNSEEN_IN_QUOTES (a string that must be double-quoted to be
 *  written with it escaped). */
export const holdsUnseen = (text: string): boolean => text.search(UNSEEN_IN_QUOTES) >= 0;

/** JSON or YAML text, its strings all double-quoted where they hold one of the characters above, with
 *  each written as its `\u` escape. */
export function escapeUnseen(text: string): string {
  return text.replace(UNSEEN_IN_QUOTES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * JSON text (`indent` as JSON.stringify's) for every JSON output — `--json`, a JSON report, a result
 * document. It is read on a terminal, with `cat` or `less` or in a CI log, as well as by programs:
 * JSON.stringify escapes C0 controls only, so the characters above are written as `\u` escapes too,
 * which every JSON reader reads back as the same characters.
 */
export function jsonText(value: unknown, indent?: number): string {
  return escapeUnseen(JSON.stringify(value, null, indent));
}

/** One NDJSON record: JSON text on one line (no line break a reader could cut it at, as above). */
export function jsonLine(value: unknown): string {
  return jsonText(value);
}

/**
 * `text` as one word of a POSIX shell command, for the commands credit-sim suggests (`credit-sim test
 * FILE -u`): left bare when it holds nothing a shell reads, single-quoted otherwise. A file's name comes
 * from a folder a pull request fills: bare or in double quotes, `$(…)`, a backquote or `;` in it would
 * run when the suggestion is pasted; in single quotes nothing is read but the quote itself, written `'\''`.
 * A word that starts with `=` is quoted too: zsh (macOS's shell) reads `=ls` as the path of `ls`. A name
 * `printable` would show escaped is written so the escape is what the shell reads (below).
 */
export function shellWord(text: string): string {
  if (/^[\w./@%+:,-][\w./@%+=:,-]*$/.test(text)) return text;
  if (escapeUnsafe(text, false) === text && disarmCommands(text) === text)
    return `'${text.replace(/'/g, `'\\''`)}'`;
  return dollarQuoted(text);
}

/**
 * A name holding a character `printable` shows as an escape (a control, a bidirectional override) or a
 * runner's command (`##[`): in single quotes the escape would be pasted as its letters, naming another
 * file. Written as bash's and zsh's `$'…'` (POSIX.1-2024's dollar-single-quotes) instead, where an escape
 * means the character: each such character as the bytes of its UTF-8 (`\xe2\x80\xae`, the name's
 * bytes on disk, in any locale), a backslash and a quote escaped, and nothing else read — no `$(…)`.
 */
function dollarQuoted(text: string): string {
  const escaped = text.replace(/((?<=#)#(?=\[|vso\[))|[\s\S]/gu, (c, command?: string) => {
    if (command) return "\\x23";
    if (c === "\\") return "\\\\";
    if (c === "'") return "\\'";
    if (escapeUnsafe(c, false) === c) return c;
    const bytes = [...new TextEncoder().encode(c)];
    return NAMED[c.charCodeAt(0)] ?? bytes.map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
  });
  return `$'${escaped}'`;
}

/** A file's name as a shell word for a command's operand: one that starts with a dash is named by its
 *  folder (`./--output=x.yaml`), which no command reads as an option — quotes do not help, the shell removes
 *  them. `-` too: as an operand it is standard input, which every command refuses in words. */
export const shellPath = (file: string): string => shellWord(file.startsWith("-") ? `./${file}` : file);

/** A number with thousands separators (1,216,000), the same in every locale (toLocaleString varies
 *  with the ICU data a Node carries). */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** `text` in at most `max` UTF-16 units (what a schema's `max` counts), its middle left out as "…": a name
 *  credit-sim derives keeps what tells it apart — the start, and the account number or arm at the end. */
export function elideMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text); // never half a surrogate pair
  let head = "";
  for (const c of chars) {
    if (head.length + c.length > Math.ceil((max - 1) / 2)) break;
    head += c;
  }
  let tail = "";
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    if (head.length + 1 + tail.length + c.length > max) break;
    tail = c + tail;
  }
  return `${head}…${tail}`;
}

/** East Asian wide and fullwidth characters of the Basic Multilingual Plane — CJK, kana, Hangul, the
 *  fullwidth forms: two terminal columns each, in one UTF-16 unit. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Characters a terminal draws in no column: combining marks (an accent written apart, `e\u0301`), the
 *  zero-width space, joiners and the byte-order mark. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]/gu;

/**
 * How many terminal columns `text` (without colour codes) takes, for padding a table's columns: its
 * UTF-16 length, one more for each wide character above (a merchant written in Chinese) — and a
 * character beyond that plane (an emoji, a rarer ideograph) is two units wide and two columns. Cheap, and
 * free of string-width, which builds an Intl.Segmenter as it loads (too slow for `run`'s start, and for
 * every cell of a long trace). A combining mark or a zero-width character takes none; an emoji sequence
 * (a family joined by U+200D), which string-width counts as one emoji, is counted here by its emoji. The
 * terminal fitting (render/fit.ts) measures with string-width.
 */
export const columnsOf = (text: string): number => {
  let n = text.length + (text.match(WIDE)?.length ?? 0);
  // a mark drawn on the character before it, a zero-width space or joiner: no column of its own
  for (const c of text.match(ZERO_WIDTH) ?? []) n -= c.length;
  return n;
};

/** `text` padded with spaces to `width` terminal columns (columnsOf); as it is when as wide or wider. */
export const padColumns = (text: string, width: number): string => {
  const w = columnsOf(text);
  return w >= width ? text : text + " ".repeat(width - w);
};

/** `text` in exactly `width` terminal columns (columnsOf), padded with spaces, or cut to `width` − 1 of
 *  them and ended by "…" when as wide or wider (a wide character that would straddle the cut goes, and a
 *  space takes its place): a fixed column that a merchant written in Chinese neither overruns nor shifts. */
export const fitColumns = (text: string, width: number): string => {
  if (columnsOf(text) < width) return padColumns(text, width);
  let kept = "";
  for (const c of Array.from(text)) {
    if (columnsOf(kept + c) > width - 1) break;
    kept += c;
  }
  return padColumns(`${kept}…`, width);
};

/** `text` right-aligned in `width` terminal columns (columnsOf). */
export const padColumnsStart = (text: string, width: number): string => {
  const w = columnsOf(text);
  return w >= width ? text : " ".repeat(width - w) + text;
};

/** `text` wrapped at spaces into lines of at most `width` characters (a longer word on a line of its own),
 *  each line after the first starting with `indent`: tooltips, and help laid under its term. */
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

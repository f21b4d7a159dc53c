// Where a JSON text that JSON.parse refused goes wrong, for the refusals V8 gives no position for: an
// unexpected token ("Unexpected token ',', "…" is not valid JSON": a stray comma, an unquoted or
// single-quoted value, a byte-order mark) names the character it stopped at and an excerpt, never its
// offset. A scan of the text by JSON's grammar (RFC 8259) finds it: the first character no JSON text
// could go on with, or the text's end when it stops too soon. It runs only on a text already refused, in
// one pass with a stack of its own, a bit a level (a merge input of 256 MB nested as deep as it is long
// costs 32 MB). The keys a parsed text holds twice in one object are found here too (duplicateJsonKeys).

/** Thrown by the scan at the first character JSON cannot take. */
class Stop {
  constructor(readonly at: number) {}
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isHex = (ch: string | undefined) => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);

/** The offset of the first character of `text` that no JSON text could go on with (`text.length` when it
 *  ends too soon), or null when the whole text is JSON. */
export function jsonErrorOffset(text: string): number | null {
  try {
    scan(text);
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}

/** What the scan expects next. */
type Want = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose";

/** The containers open at the scan's place: one bit a level, set for an object. */
class Open {
  private bits = new Uint32Array(64);
  depth = 0;
  push(object: boolean): void {
    if (this.depth >>> 5 === this.bits.length) {
      const more = new Uint32Array(this.bits.length * 2);
      more.set(this.bits);
      this.bits = more;
    }
    const word = this.depth >>> 5;
    const bit = 1 << (this.depth & 31);
    this.bits[word] = object ? this.bits[word]! | bit : this.bits[word]! & ~bit;
    this.depth++;
  }
  pop(): void {
    this.depth--;
  }
  /** "{" or "[" innermost, or undefined at the top level */
  top(): "{" | "[" | undefined {
    if (this.depth === 0) return undefined;
    const at = this.depth - 1;
    return (this.bits[at >>> 5]! >>> (at & 31)) & 1 ? "{" : "[";
  }
}

function scan(text: string): void {
  const open = new Open();
  let want: Want = "value";
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i === text.length) {
      if (want === "commaOrClose" && open.depth === 0) return;
      throw new Stop(i);
    }
    const ch = text[i]!;
    const top = open.top();
    switch (want) {
      case "valueOrClose":
      case "value":
        if (want === "valueOrClose" && ch === "]") {
          open.pop();
          i++;
          want = "commaOrClose";
        } else if (ch === "{") {
          open.push(true);
          i++;
          want = "keyOrClose";
        } else if (ch === "[") {
          open.push(false);
          i++;
          want = "valueOrClose";
        } else {
          i = scalar(text, i);
          want = "commaOrClose";
        }
        break;
      case "keyOrClose":
      case "key":
        if (want === "keyOrClose" && ch === "}") {
          open.pop();
          i++;
          want = "commaOrClose";
        } else if (ch === '"') {
          i = string(text, i);
          want = "colon";
        } else throw new Stop(i);
        break;
      case "colon":
        if (ch !== ":") throw new Stop(i);
        i++;
        want = "value";
        break;
      case "commaOrClose":
        // after the top-level value, only whitespace
        if (top === undefined) throw new Stop(i);
        if (ch === ",") want = top === "{" ? "key" : "value";
        else if (ch === (top === "{" ? "}" : "]")) open.pop();
        else throw new Stop(i);
        i++;
        break;
    }
  }
}

/** A string, a number or a literal at `i`: the offset after it. */
function scalar(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return string(text, i);
  if (ch === "-" || isDigit(ch)) return number(text, i);
  for (const word of ["true", "false", "null"]) {
    if (word[0] !== ch) continue;
    for (let k = 1; k < word.length; k++) if (text[i + k] !== word[k]) throw new Stop(i + k);
    return i + word.length;
  }
  throw new Stop(i);
}

function string(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return i + 1;
    if (ch < " ") throw new Stop(i);
    if (ch !== "\\") continue;
    i++;
    if (i === text.length) break;
    if (text[i] === "u") {
      for (let k = 1; k <= 4; k++) if (!isHex(text[i + k])) throw new Stop(Math.min(i + k, text.length));
      i += 4;
    } else if (!ESCAPES.has(text[i]!)) throw new Stop(i);
  }
  throw new Stop(text.length);
}

/** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, and the offset after it. */
function number(text: string, start: number): number {
  let i = start;
  if (text[i] === "-") i++;
  if (text[i] === "0") i++;
  else if (isDigit(text[i])) while (isDigit(text[i])) i++;
  else throw new Stop(i);
  if (text[i] === ".") {
    i++;
    if (!isDigit(text[i])) throw new Stop(i);
    while (isDigit(text[i])) i++;
  }
  if (text[i] === "e" || text[i] === "E") {
    i++;
    if (text[i] === "+" || text[i] === "-") i++;
    if (!isDigit(text[i])) throw new Stop(i);
    while (isDigit(text[i])) i++;
  }
  return i;
}

/** A key a JSON text holds twice in one object: the later one's offset, and its path. */
export interface DuplicateKey {
  at: number;
  path: Array<string | number>;
}

/**
 * Every key written twice in one object of a JSON text JSON.parse accepted (it keeps the last in
 * silence), at the later one, up to `limit`. A regular expression steps from string to bracket to comma,
 * so the numbers in between (most of a population result) are skipped natively; a string is a key when
 * a colon follows it.
 */
export function duplicateJsonKeys(text: string, limit: number): DuplicateKey[] {
  const token = /"(?:[^"\\]|\\.)*"|[{}[\],]/g;
  // an object's keys so far and its current key, or an array's index
  const stack: Array<{ keys: Set<string> | null; key: string; index: number }> = [];
  const out: DuplicateKey[] = [];
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    const t = m[0];
    const top = stack[stack.length - 1];
    if (t === "{" || t === "[") stack.push({ keys: t === "{" ? new Set() : null, key: "", index: 0 });
    else if (t === "}" || t === "]") stack.pop();
    else if (t === ",") {
      if (top && top.keys === null) top.index++;
    } else if (top?.keys && followedByColon(text, token.lastIndex)) {
      const key = JSON.parse(t) as string;
      top.key = key;
      if (!top.keys.has(key)) top.keys.add(key);
      else {
        out.push({ at: m.index, path: stack.map((f) => (f.keys ? f.key : f.index)) });
        if (out.length >= limit) break;
      }
    }
  }
  return out;
}

function followedByColon(text: string, from: number): boolean {
  let i = from;
  while (WHITESPACE.has(text[i] ?? "")) i++;
  return text[i] === ":";
}

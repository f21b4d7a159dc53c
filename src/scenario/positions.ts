// Where each value of a YAML/JSON file is: js-yaml reports every node it reads to a listener ("open" at
// its start, "close" with its value); the nodes are kept in flat typed arrays (a few bytes each, so a
// 5 MB file costs tens of MB, not hundreds) and a field path is looked up only when a message needs it.
//
// js-yaml opens a node more often than the document has nodes (a block-mapping key is tried before it is
// known to be a value, an empty node is opened where a value could start), so a lookup matches the
// children of a mapping or a list to its keys and items by their values, skipping the extra ones. It is
// best effort: a path that cannot be matched gets the position of the deepest part that can.

/** 1-based line and column */
export interface Position {
  line: number;
  column: number;
}

enum Kind {
  None = 0,
  Scalar = 1,
  Sequence = 2,
  Mapping = 3,
}

const KINDS: Record<string, Kind> = { scalar: Kind.Scalar, sequence: Kind.Sequence, mapping: Kind.Mapping };

/** The listener's view of js-yaml's state: where it is, what it read. */
export interface ListenerState {
  position: number;
  result: unknown;
  kind: string | null;
}

interface Entry {
  node: number | undefined;
  keyNode: number;
  key: number;
  value: number;
}

export class NodeLog {
  private start = new Int32Array(256);
  private end = new Int32Array(256);
  private firstChild = new Int32Array(256);
  private nextSibling = new Int32Array(256);
  private lastChild = new Int32Array(256);
  private kinds = new Uint8Array(256);
  private results: unknown[] = [];
  private stack: number[] = [];
  private roots: number[] = [];
  private count = 0;
  private lineStarts: number[] | undefined;
  private entries = new Map<number, Map<string, Entry>>();
  private items = new Map<number, number[]>();

  constructor(private readonly text: string) {}

  /** js-yaml's `listener` option. */
  readonly listener = (event: "open" | "close", state: ListenerState): void => {
    if (event === "open") {
      const i = this.count++;
      if (i >= this.start.length) this.grow();
      this.start[i] = state.position;
      this.firstChild[i] = -1;
      this.nextSibling[i] = -1;
      this.lastChild[i] = -1;
      this.results.push(undefined);
      const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
      if (parent < 0) this.roots.push(i);
      else {
        const last = this.lastChild[parent]!;
        if (last < 0) this.firstChild[parent] = i;
        else this.nextSibling[last] = i;
        this.lastChild[parent] = i;
      }
      this.stack.push(i);
    } else {
      const i = this.stack.pop();
      if (i === undefined) return;
      this.results[i] = state.result;
      this.end[i] = state.position;
      this.kinds[i] = state.kind === null ? Kind.None : (KINDS[state.kind] ?? Kind.None);
    }
  };

  private grow(): void {
    const size = this.start.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = widen(this.start, (n) => new Int32Array(n));
    this.end = widen(this.end, (n) => new Int32Array(n));
    this.firstChild = widen(this.firstChild, (n) => new Int32Array(n));
    this.nextSibling = widen(this.nextSibling, (n) => new Int32Array(n));
    this.lastChild = widen(this.lastChild, (n) => new Int32Array(n));
    this.kinds = widen(this.kinds, (n) => new Uint8Array(n));
  }

  /** The position of the node at `path` (of its key, with `key`), or of the deepest part of it found. */
  position(path: readonly PropertyKey[], key = false): Position | undefined {
    if (this.count === 0) return undefined;
    let node = this.content(0);
    let at = this.contentStart(node);
    for (let depth = 0; depth < path.length; depth++) {
      const part = path[depth]!;
      const child = this.child(node, part);
      if (child === undefined) break;
      const last = depth === path.length - 1;
      at = last && key ? child.key : child.value;
      if (child.node === undefined) break;
      node = child.node;
    }
    return this.lineColumn(at);
  }

  /** Whether the last key of `path` was written as a list or a mapping (js-yaml turns it into text). */
  keyIsCollection(path: readonly PropertyKey[]): boolean {
    const at = this.keyAt(path);
    if (at === undefined) return false;
    const k = this.kinds[at];
    // an alias (`*k : …`) has no kind of its own: what it stands for tells
    const result = this.results[at];
    return k === Kind.Sequence || k === Kind.Mapping || (typeof result === "object" && result !== null);
  }

  /** Whether the last key of `path` is YAML's null (`~`, `null`, or nothing before the colon), which
   *  js-yaml turns into the text "null" — not a key written "null" in quotes. */
  keyIsNull(path: readonly PropertyKey[]): boolean {
    const at = this.keyAt(path);
    return at !== undefined && this.results[at] === null;
  }

  /** The node of the last key of `path`, if the path is there. */
  private keyAt(path: readonly PropertyKey[]): number | undefined {
    if (this.count === 0 || path.length === 0) return undefined;
    let node = this.content(0);
    for (let depth = 0; depth < path.length; depth++) {
      const child = this.child(node, path[depth]!);
      if (child === undefined) return undefined;
      if (depth === path.length - 1) return child.keyNode < 0 ? undefined : this.content(child.keyNode);
      if (child.node === undefined) return undefined;
      node = child.node;
    }
    return undefined;
  }

  /** Where the first alias to `target` is written. */
  aliasTo(target: unknown): Position | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.isAlias(i) && this.results[i] === target) return this.lineColumn(this.contentStart(i));
    }
    return undefined;
  }

  /** Where each document's top node starts (a file should hold one). */
  documentStarts(): number[] {
    return this.roots.map((r) => this.contentStart(r));
  }

  /** The position of a character offset. */
  lineColumn(offset: number): Position {
    this.lineStarts ??= lineStartsOf(this.text);
    return positionIn(this.lineStarts, offset);
  }

  /** A mapping's key or a list's item: its node and where its key and value start. */
  private child(node: number, part: PropertyKey): Entry | undefined {
    const value = this.results[node];
    if (this.isAlias(node) || value === null || typeof value !== "object") return undefined;
    if (Array.isArray(value)) {
      if (typeof part !== "number" || part < 0 || part >= value.length) return undefined;
      return this.item(node, value, part);
    }
    if (typeof part !== "string" || !Object.hasOwn(value, part)) return undefined;
    return this.entry(node, value as Record<string, unknown>, part);
  }

  private item(node: number, list: unknown[], index: number) {
    let found = this.items.get(node);
    if (found === undefined) {
      found = this.indexItems(node, list);
      this.items.set(node, found);
    }
    const c = found[index];
    if (c === undefined || c === UNPLACED) return undefined;
    // a dash with nothing after it: no node, the dash's place
    if (c < UNPLACED) return { node: undefined, keyNode: -1, key: dashAt(c), value: dashAt(c) };
    const content = this.content(c);
    const at = this.contentStart(content);
    return { node: content, keyNode: content, key: at, value: at };
  }

  /** Every item of a list matched to its node in one walk: a lookup per item (`credit-sim test` places
   *  each of 100,000 expectations) would otherwise walk the list once per item. An item js-yaml made no
   *  node for — a dash with nothing after it, read as null — is placed at its dash (a number below
   *  UNPLACED, dashAt): matched against the node of an item after it, it took that node, and every item
   *  after it the node of none. */
  private indexItems(node: number, list: unknown[]): number[] {
    const index: number[] = [];
    let c = this.firstChild[node]!;
    while (index.length < list.length) {
      const want = list[index.length];
      if (c >= 0 && this.matches(c, want)) {
        index.push(c);
        c = this.nextSibling[c]!;
      } else if (want === null && (c < 0 || this.matchesPastNulls(c, list, index.length))) {
        index.push(UNPLACED);
      } else if (c >= 0) c = this.nextSibling[c]!;
      else break;
    }
    // the nodeless items' dashes: each the first thing after the item before it (the list's start)
    let from = this.start[node]!;
    for (let k = 0; k < index.length; k++) {
      const item = index[k]!;
      if (item >= 0) {
        from = this.end[item]!;
        continue;
      }
      const dash = this.skipBlank(from);
      if (this.text.charCodeAt(dash) !== 0x2d /* - */) break;
      index[k] = UNPLACED - 1 - dash;
      from = dash + 1;
    }
    return index;
  }

  /** Whether node `c` is the first item after the nulls from `i` on. */
  private matchesPastNulls(c: number, list: unknown[], i: number): boolean {
    let j = i;
    while (j < list.length && list[j] === null) j++;
    return j < list.length && this.matches(c, list[j]);
  }

  private entry(node: number, map: Record<string, unknown>, name: string) {
    let index = this.entries.get(node);
    if (index === undefined) {
      index = this.indexEntries(node, map);
      this.entries.set(node, index);
    }
    return index.get(name);
  }

  /** Every key of a mapping matched to its nodes in one walk, in the file's order (an object lists
   *  integer-like keys first, which would match nothing after them): a message per key (20,000 unknown
   *  keys) would otherwise walk the mapping once per key. A key written twice is where it was written
   *  last, as its value is. */
  private indexEntries(node: number, map: Record<string, unknown>): Map<string, Entry> {
    const index = new Map<string, Entry>();
    for (let c = this.firstChild[node]!; c >= 0; ) {
      // the key: a child whose value reads as one of the mapping's keys
      const k = this.isKeyNode(c) ? keyText(this.results[this.content(c)]) : undefined;
      if (k === undefined || !Object.hasOwn(map, k)) {
        c = this.nextSibling[c]!;
        continue;
      }
      const keyNode = c;
      c = this.nextSibling[c]!;
      // the value: the very next child, when it holds this key's value (an empty node for an empty value)
      let valueNode: number | undefined;
      if (c >= 0 && this.matches(c, map[k])) {
        valueNode = this.isEmpty(c) ? undefined : this.content(c);
        c = this.nextSibling[c]!;
      }
      const keyAt = this.contentStart(keyNode);
      index.set(k, {
        node: valueNode,
        keyNode,
        key: keyAt,
        value: valueNode === undefined ? keyAt : this.contentStart(valueNode),
      });
    }
    return index;
  }

  /** Whether node `c` is the one that reads as `value` (an empty node reads as null). */
  private matches(c: number, value: unknown): boolean {
    if (this.isEmpty(c)) return value === null;
    return Object.is(this.results[c], value);
  }

  private isKeyNode(c: number): boolean {
    return !this.isEmpty(c);
  }

  /** A node js-yaml opened where nothing was: no kind, no value, not an alias. */
  private isEmpty(c: number): boolean {
    return this.kinds[c] === Kind.None && this.results[c] == null && !this.isAlias(c);
  }

  isAlias(c: number): boolean {
    return this.kinds[c] === Kind.None && this.text.charCodeAt(this.contentStart(c)) === 0x2a; /* * */
  }

  /** Through the nodes js-yaml wraps around one node: a wrapper holds one child with its own value. */
  private content(node: number): number {
    let n = node;
    for (let guard = 0; guard < 1000; guard++) {
      let only = -1;
      for (let c = this.firstChild[n]!; c >= 0; c = this.nextSibling[c]!) {
        if (this.isEmpty(c)) continue;
        if (only >= 0) return n;
        only = c;
      }
      if (only < 0 || this.isAlias(only) || !Object.is(this.results[only], this.results[n])) return n;
      n = only;
    }
    return n;
  }

  /** Where a node's text starts: past spaces, line breaks and comments. */
  private contentStart(node: number): number {
    return this.skipBlank(this.start[node]!);
  }

  /** The first offset from `from` past spaces, line breaks and comments. */
  private skipBlank(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) i++;
      else if (ch === 0x23 /* # */) {
        while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      } else break;
    }
    return i;
  }
}

/** A list item not matched to a node; below it, a dash with nothing after it at offset UNPLACED − 1 − n. */
const UNPLACED = -1;
const dashAt = (item: number): number => UNPLACED - 1 - item;

/** Where each line starts: after a line feed, a carriage return and line feed, or a carriage return
 *  alone (YAML's three line breaks; a file saved with old Mac line endings has only the last). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** The line and column (1-based) of a character offset, given where each line starts (lineStartsOf). */
export function positionIn(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A node's value as the key js-yaml made of it; none when that throws (a mapping whose own `toString`
 *  key holds no function). */
function keyText(value: unknown): string | undefined {
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

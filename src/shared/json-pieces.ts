// JSON text written a piece at a time: jsonText(value, indent) without ever being one string. A
// population's result document over 36,500 days is hundreds of megabytes of histograms, and a run's page
// holds tens of megabytes of chart data: built whole, with the values they are made from, they took
// gigabytes (and past V8's longest string, no text at all).

import { escapeUnseen } from "./text.js";

export interface JsonPiecesOptions {
  /** as JSON.stringify's: spaces a level (none: the compact text) */
  indent?: number;
  /** each string value (not a key) as written: visibleControls for a page's data */
  text?: (s: string) => string;
}

/** JSON.stringify writes nothing for these in an object, null in a list. */
const unwritten = (v: unknown): boolean =>
  v === undefined || typeof v === "function" || typeof v === "symbol";

const isComposite = (v: unknown): boolean => typeof v === "object" && v !== null;

/**
 * jsonText(value, indent) — with `text`, of the value whose strings are so changed — in pieces: a list or
 * an object that holds lists or objects is written value by value, anything else whole (a list of
 * numbers, a record of plain fields). Every escape jsonText adds is of one character, so each piece is
 * escaped alone.
 */
export function* jsonPieces(value: unknown, options: JsonPiecesOptions = {}): Generator<string> {
  const gap = options.indent ? " ".repeat(options.indent) : "";
  const text = options.text;
  const replacer = text ? (_key: string, v: unknown) => (typeof v === "string" ? text(v) : v) : undefined;
  // a value written whole at depth `pad`: its own lines indented as deep
  const whole = (v: unknown, pad: string): string => {
    const json = JSON.stringify(v, replacer, options.indent) ?? "null";
    return escapeUnseen(pad === "" ? json : json.replace(/\n/g, `\n${pad}`));
  };
  function* write(v: unknown, pad: string): Generator<string> {
    if (
      !isComposite(v) ||
      typeof (v as { toJSON?: unknown }).toJSON === "function" ||
      !Object.values(v as object).some(isComposite)
    ) {
      yield whole(v, pad);
      return;
    }
    const inner = pad + gap;
    const open = gap ? `\n${inner}` : "";
    const between = gap ? `,\n${inner}` : ",";
    const close = gap ? `\n${pad}` : "";
    if (Array.isArray(v)) {
      yield `[${open}`;
      for (let i = 0; i < v.length; i++) {
        if (i > 0) yield between;
        const item: unknown = v[i];
        if (unwritten(item)) yield "null";
        else yield* write(item, inner);
      }
      yield `${close}]`;
      return;
    }
    let first = true;
    for (const [key, item] of Object.entries(v as object)) {
      if (unwritten(item)) continue;
      yield `${first ? `{${open}` : between}${escapeUnseen(JSON.stringify(key))}:${gap ? " " : ""}`;
      first = false;
      yield* write(item, inner);
    }
    yield first ? "{}" : `${close}}`;
  }
  yield* write(value, "");
}

/** A JSON document as the commands write it — jsonText(value, 2) and a line break — in pieces. */
export function* jsonDocumentPieces(value: unknown): Generator<string> {
  yield* jsonPieces(value, { indent: 2 });
  yield "\n";
}

// The keys a free-text prompt reads: standard input's, with the printable characters that arrive together
// (a paste) given to the prompt as one key, and none past the longest answer a prompt takes.
//
// Inquirer's input prompt renders the whole line again at every key, and readline measures the whole line
// at every character it inserts: a paste of n characters cost n renders of up to n characters — 2 KB took
// 2.5 s of CPU, 10 KB a minute. Given as one key, a paste is inserted by readline at once and rendered
// once; kept under MAX_ANSWER, no line grows past what a render of it costs.

import { EventEmitter } from "node:events";
import { emitKeypressEvents } from "node:readline";

/** The longest answer a prompt takes, in characters: the longest path a file may be saved under (4,096
 *  bytes on Linux), twice the longest text an event holds (a note's 2,000 characters). What is typed or
 *  pasted past it is left out, and the prompt says so (its transformer in prompts.ts). */
export const MAX_ANSWER = 4096;

/** A key as readline's keypress event gives it. */
export interface Key {
  sequence?: string;
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** The stream a key is heard on: standard input, or a test's. */
export type KeySource = NodeJS.EventEmitter & {
  setRawMode?: (mode: boolean) => unknown;
  resume?: () => unknown;
  pause?: () => unknown;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** A key that only inserts its text: no Ctrl or Meta, no control character (Enter, Tab, Backspace and
 *  the escapes of the arrows are all keys of their own). */
const printable = (s: unknown, key: Key | undefined): s is string =>
  typeof s === "string" && s !== "" && key?.ctrl !== true && key?.meta !== true && !CONTROL.test(s);

/**
 * The keys of one free-text prompt, read from `source` while the prompt's readline listens: a readline
 * input (a terminal's: raw mode and pausing are the source's). `length()`: how long the answer is now, as
 * the prompt last showed it (its transformer in prompts.ts tells it).
 */
export class AnswerKeys extends EventEmitter {
  readonly isTTY = true;
  /** the printable keys heard since the last key given on */
  private run: Array<[string, Key | undefined]> = [];
  private flushing = false;
  private listening = false;
  /** within a paste the terminal marks (bracketed paste), and the last key pasted was a carriage return */
  private inPaste = false;
  private afterReturn = false;

  /** `screen`: where the terminal is asked to mark what is pasted while the prompt listens */
  constructor(
    private readonly source: KeySource,
    private readonly length: () => number,
    private readonly screen: NodeJS.WritableStream = process.stdout,
  ) {
    super();
    // the source's bytes as keys (as readline makes them for a prompt that reads it)
    emitKeypressEvents(source as NodeJS.ReadableStream);
  }

  private readonly onKey = (s: unknown, key: Key | undefined): void => {
    // a paste the terminal marks is text, whatever it holds: its line breaks were Enter, which answered
    // the prompt with the first line and left the others to be lost, or to answer the prompts after it
    if (key?.name === "paste-start" || key?.name === "paste-end") {
      this.inPaste = key.name === "paste-start";
      this.afterReturn = false;
      return;
    }
    if (this.inPaste) {
      const text = typeof s === "string" ? s : "";
      // each line break one space (CR LF one break): the answer is one line
      const lineBreak = text === "\r" || text === "\n";
      const pasted = lineBreak ? (text === "\n" && this.afterReturn ? "" : " ") : text.replace(CONTROLS, "");
      this.afterReturn = text === "\r";
      if (pasted !== "") this.insert(pasted, { sequence: pasted, name: undefined, ctrl: false, meta: false });
      return;
    }
    if (!printable(s, key)) {
      this.flush();
      this.emit("keypress", s, key);
      return;
    }
    this.insert(s, key);
  };

  /** A key that inserts its text, given on with the others of its read. */
  private insert(s: string, key: Key | undefined): void {
    this.run.push([s, key]);
    // the characters of one read are given as keys one after another, synchronously: the run ends
    // when they have all been heard
    if (!this.flushing) {
      this.flushing = true;
      queueMicrotask(() => this.flush());
    }
  }

  private readonly onEnd = (): void => {
    this.flush();
    this.emit("end");
  };

  /** The printable keys heard together, as one key (one alone as it was), up to the room left. */
  private flush(): void {
    this.flushing = false;
    const run = this.run;
    if (run.length === 0) return;
    this.run = [];
    let room = MAX_ANSWER - this.length();
    const kept: typeof run = [];
    for (const k of run) {
      room -= k[0].length;
      if (room < 0) break;
      kept.push(k);
    }
    if (kept.length === 0) return;
    if (kept.length === 1) {
      this.emit("keypress", ...kept[0]!);
      return;
    }
    const text = kept.map(([s]) => s).join("");
    this.emit("keypress", text, { sequence: text, name: undefined, ctrl: false, meta: false, shift: false });
  }

  /** Within a paste the terminal marks: its keys are text (an Escape or a Ctrl-C in it is no key). */
  get pasting(): boolean {
    return this.inPaste;
  }

  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    return this;
  }

  resume(): this {
    if (!this.listening) {
      this.listening = true;
      this.source.on("keypress", this.onKey);
      this.source.on("end", this.onEnd);
      // bracketed paste on: what is pasted comes between two marks
      this.screen.write("\u001b[?2004h");
    }
    this.source.resume?.();
    return this;
  }

  pause(): this {
    if (this.listening) {
      this.listening = false;
      this.flush();
      this.source.off("keypress", this.onKey);
      this.source.off("end", this.onEnd);
      this.screen.write("\u001b[?2004l");
      this.inPaste = false;
    }
    this.source.pause?.();
    return this;
  }
}

/** A turn of the event loop: what the terminal holds already is read in it (a poll comes before). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads and drops what was typed while no prompt listened — during a search, a comparison, a save: the
 * terminal holds it (in its line, not yet ended by Enter, too) until a prompt reads it, and it answered the
 * next prompt, which the user had not seen. What was dropped is returned, "" when nothing was. A source
 * that is no terminal (no raw mode) holds nothing typed ahead: nothing is read.
 */
export async function dropTypedAhead(source: KeySource): Promise<string> {
  if (source.setRawMode === undefined || source.resume === undefined) return "";
  let dropped = "";
  const onData = (data: Buffer | string) => {
    dropped += data.toString();
  };
  // a line typed without Enter is readable only once the terminal gives each key as it comes
  source.setRawMode(true);
  source.on("data", onData);
  source.resume();
  try {
    // the terminal's keys arrive in the turn after the stream is resumed, in reads of a few KB
    for (let read = -1; read !== dropped.length; ) {
      read = dropped.length;
      await turn();
      await turn();
    }
  } finally {
    source.off("data", onData);
    source.pause?.();
    source.setRawMode(false);
  }
  return dropped;
}

// The interactive session's prompts (inquirer), themed by the session's colour. Inquirer colours its
// prompts by its own reading of the terminal (NO_COLOR, TERM=dumb), which `--no-color` never reaches:
// with the session's colour off, every prompt gets the same marks and words without colour, bold or dim.

import { checkbox, confirm, input, select } from "@inquirer/prompts";
import type { ChalkInstance } from "chalk";
import { codeEscape, columnsOf, printable } from "../shared/text.js";
import { AnswerKeys, dropTypedAhead, type Key, type KeySource, MAX_ANSWER } from "./answer-keys.js";

const plain = (text: string) => text;

const PLAIN = {
  prefix: { idle: "?", done: "✔" },
  spinner: { interval: 80, frames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] },
  icon: { cursor: "❯", checked: "◉", unchecked: "◯" },
  style: {
    answer: plain,
    message: plain,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: plain,
    highlight: plain,
    key: (text: string) => `<${text}>`,
    description: plain,
    disabled: (text: string) => `- ${text}`,
    disabledChoice: (text: string) => `- ${text}`,
    keysHelpTip: (keys: [key: string, action: string][]) =>
      keys.map(([key, action]) => `${key} ${action}`).join(" • "),
  },
};

/**
 * An answer as it stays on the screen once given: what would drive the terminal (a bidirectional override,
 * U+202E, reordering the rest of the line; a C1 control) as its escape, as the listing and every other
 * output show it, and the characters nobody can see (a zero-width space or joiner, a soft hyphen, a tag)
 * as escapes too, as an error message quotes a value. The answer itself is taken as typed: a file's text
 * may hold any of them (the loader takes them; what shows them escapes them).
 */
const echoed = (value: string): string => printable(value).replace(/\p{Cf}/gu, codeEscape);

/** An answer while it is typed: a format character (a bidirectional override, U+202E, reorders the rest of
 *  the line; a zero-width one hides) drawn as U+FFFD, one for each UTF-16 unit it takes — inquirer puts the
 *  cursor by the answer's length, which an escape would lengthen. The answer itself is taken as typed. */
const unseen = (value: string): string => value.replace(/\p{Cf}/gu, (c) => "\ufffd".repeat(c.length));

/** The rows `text` takes on a screen `columns` wide, its words wrapped as inquirer wraps them (a word
 *  wider than the screen broken where it meets the edge). */
function rowsOf(text: string, columns: number): number {
  let rows = 0;
  for (const line of text.split("\n")) {
    rows++;
    let used = 0;
    for (const word of line.split(" ")) {
      const w = columnsOf(word);
      const at = used === 0 ? 0 : used + 1;
      if (at + w <= columns) used = at + w;
      else if (w <= columns) {
        rows++;
        used = w;
      } else {
        // broken at the edge, from where the line is (a new line when the word does not start it)
        if (used > 0) rows++;
        rows += Math.ceil(w / columns) - 1;
        used = w % columns || columns;
      }
    }
  }
  return rows;
}

/**
 * The lines of a list's page that leave the whole list on the screen — its question, the page, a blank
 * line, the longest description its choices have, the line of keys, and a row spare — at most the page
 * asked for (inquirer's 7 when none is). Inquirer takes a list away, or draws it again at each key, by
 * erasing as many rows as it drew: a list taller than the screen had rows scrolled out of reach, left
 * there at every key (a policy parameter's description of nine rows at 60 columns, 20 rows high).
 */
function fittedPage(
  config: { message: string; pageSize?: number | undefined; choices: readonly unknown[] },
  screen: { rows?: number; columns?: number },
): number | undefined {
  const { rows, columns } = screen;
  if (rows === undefined || columns === undefined || rows <= 0 || columns <= 0) return config.pageSize;
  const described = config.choices.map((choice) =>
    typeof choice === "object" && choice !== null && "description" in choice
      ? String((choice as { description?: unknown }).description ?? "")
      : "",
  );
  const tallest = Math.max(0, ...described.map((d) => (d === "" ? 0 : rowsOf(d, columns))));
  const around = rowsOf(`? ${config.message}`, columns) + 1 + tallest + 1 + 1;
  return Math.max(3, Math.min(config.pageSize ?? 7, rows - around));
}

/** Why a prompt was aborted when the user ended the input (Ctrl-D on an empty line): see endedInput(). */
const END_OF_INPUT = "end of input";

/**
 * The four prompts the session asks with, each given the theme of the session's colour. Escape at any of
 * them rejects it with inquirer's AbortPromptError (escaped() tells it), heard on `keys`, the stream the
 * prompts read (standard input): inquirer's prompts take no Escape of their own — at a list it did
 * nothing, at a value's prompt it did nothing either. Ctrl-D on an empty line rejects it the same way,
 * as the end of input (endedInput() tells it).
 *
 * A prompt takes only the keys pressed while it is on the screen: what was typed before it was shown —
 * while a search or a comparison ran — is dropped (dropTypedAhead()), and `dropped` told of it, before
 * the prompt is drawn. Typed ahead, "n⏎" during a search answered the question after it, unseen.
 */
export function prompts(
  c: ChalkInstance,
  keys: KeySource = process.stdin,
  screen?: NodeJS.WritableStream,
  dropped: (text: string) => void = () => {},
) {
  const theme = c.level === 0 ? PLAIN : undefined;
  // an answer's style once it is given (inquirer's own, in the session's colour)
  const answered = c.level === 0 ? plain : c.cyan;
  const full = c.dim(`[at most ${MAX_ANSWER.toLocaleString("en")} characters: no more is taken]`);
  const escapable = async <T>(
    ask: (context: { signal: AbortSignal; clearPromptOnDone: boolean }) => Promise<T>,
    input?: AnswerKeys,
    list = false,
  ): Promise<T> => {
    // before anything listens: an Escape typed ahead is no Escape at this prompt either
    const typedAhead = await dropTypedAhead(keys);
    if (typedAhead !== "") dropped(typedAhead);
    const controller = new AbortController();
    // a prompt left is wiped from the screen (inquirer reads the flag of this very object as it finishes:
    // given a copy, it never sees it set), one answered stays
    const context = {
      signal: controller.signal,
      clearPromptOnDone: false,
      ...(screen === undefined ? {} : { output: screen }),
      // a readline input, as far as a prompt reads one: a typed answer's keys, or the keys as they come
      input: (input ?? keys) as unknown as NodeJS.ReadableStream,
    };
    const onKey = (_: unknown, key: Key | undefined) => {
      if (input?.pasting) return;
      if (key?.name === "escape") {
        context.clearPromptOnDone = true;
        controller.abort();
        return;
      }
      // Ctrl-C leaves the session (inquirer's ExitPromptError): the prompt is taken away, not left on
      // the screen above the line that says so
      if (key?.ctrl === true && key.name === "c") context.clearPromptOnDone = true;
      if (key?.ctrl !== true || key.name !== "d") return;
      // a list shows no line: the keys pressed at it (space to tick, a letter) were text on its readline's
      // hidden line, and Ctrl-D deleted from that — nothing seen to happen. At a list it is the end of input.
      if (list) {
        context.clearPromptOnDone = true;
        controller.abort(END_OF_INPUT);
        return;
      }
      // Ctrl-D on an empty line is the end of input: readline (which hears the key after this listener)
      // closes the prompt's interface — and the prompt, left waiting, was ended only as the process exited,
      // with inquirer's "force closed" (exit 130) and its list left on the screen. With text on the line it
      // deletes the character under the cursor, and the prompt goes on. An interface closed lets go of the
      // stream's 'end' (it listens for it while open): seen once the key has been heard by every listener.
      const open = keys.listenerCount("end");
      queueMicrotask(() => {
        if (keys.listenerCount("end") >= open || controller.signal.aborted) return;
        context.clearPromptOnDone = true;
        controller.abort(END_OF_INPUT);
      });
    };
    keys.on("keypress", onKey);
    return await ask(context).finally(() => keys.off("keypress", onKey));
  };
  // the screen's size as the list is asked (a window resized while it is open is inquirer's to draw)
  const page = (config: Parameters<typeof fittedPage>[0]) => {
    const pageSize = fittedPage(config, (screen ?? process.stdout) as { rows?: number; columns?: number });
    return pageSize === undefined ? {} : { pageSize };
  };
  return {
    select: <V>(config: Parameters<typeof select<V>>[0]) =>
      escapable((context) => select<V>({ ...config, ...page(config), theme }, context), undefined, true),
    checkbox: <V>(config: Parameters<typeof checkbox<V>>[0]) =>
      escapable((context) => checkbox<V>({ ...config, ...page(config), theme }, context), undefined, true),
    // a free-text answer reads its keys through AnswerKeys: a paste given as one key, the answer bounded,
    // and a note before it once it is full (the answer stays last on its line, where the cursor is)
    input: (config: Parameters<typeof input>[0]) => {
      let shown = 0;
      const answerKeys = new AnswerKeys(keys, () => shown, screen);
      const transformer = (value: string, { isFinal }: { isFinal: boolean }) => {
        shown = value.length;
        // the answer given stays on the screen as every output shows it; while it is typed, inquirer
        // puts the cursor by the answer's length, which escapes would lengthen
        if (isFinal) return answered(echoed(value));
        const typing = unseen(value);
        return value.length >= MAX_ANSWER ? `${full} ${typing}` : typing;
      };
      return escapable((context) => input({ ...config, theme, transformer }, context), answerKeys);
    },
    confirm: (config: Parameters<typeof confirm>[0]) =>
      escapable((context) => confirm({ ...config, theme }, context)),
  };
}

/** A prompt left with Escape (prompts()). */
export const escaped = (e: unknown): boolean =>
  e instanceof Error && e.name === "AbortPromptError" && !endedInput(e);

/** A prompt left with Ctrl-D on an empty line, the end of input (prompts()). */
export const endedInput = (e: unknown): boolean =>
  e instanceof Error && e.name === "AbortPromptError" && e.cause === END_OF_INPUT;

export type Prompts = ReturnType<typeof prompts>;

/** The last choice of a list the menu leads to: back to the menu with nothing changed (a parameter chosen
 *  by mistake had to be typed in again unchanged to get out) — what Escape does too, said on the screen. */
export const BACK = { name: "← back to the menu", value: null } as const;

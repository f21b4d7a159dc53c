// Terminal output fitted to the terminal's width: a writer that passes whole lines through `fitted`, and
// says at the end when a cell was cut (a row too wide folds; only a cell wider than a line is cut).
// Only for human text on a terminal — never for --json, pipes or files, and not with --wide.

import { fitted } from "../render/fit.js";
import type { CliIo, Writer } from "./io.js";

export interface FittingWriter extends Writer {
  /** writes a last line without a newline */
  flush(): void;
}

export function fittingWriter(inner: Writer, columns: number): FittingWriter {
  let pending = "";
  // a cut cell is said once, at the end: nothing is hidden without a word
  let cut = false;
  // the terminal's width as it is now: a what-if session or a watch outlives a resize, and what it prints
  // next fits the window it is printed in (a real terminal's `columns` follows the window)
  const width = () => inner.columns || columns;
  const fitText = (text: string) => {
    const f = fitted(text, width());
    cut ||= f.cut;
    return f.text;
  };
  return {
    isTTY: inner.isTTY === true,
    get columns() {
      return width();
    },
    get fitTo() {
      return width();
    },
    get errored() {
      return inner.errored;
    },
    write(text: string) {
      pending += text;
      const end = pending.lastIndexOf("\n");
      if (end < 0) return true;
      inner.write(`${fitText(pending.slice(0, end))}\n`);
      pending = pending.slice(end + 1);
      return true;
    },
    flush() {
      if (pending) inner.write(fitText(pending));
      pending = "";
      // the note is prose fitted as any other (a terminal would break it mid-word)
      if (cut)
        inner.write(
          `${fitted(`(some cells were cut to ${width()} columns: --wide shows them whole)`, width()).text}\n`,
        );
    },
  };
}

/** The io a command gets when its output is fitted (io.ts `fitsTerminal`): stdout through `fittingWriter`. */
export function terminalIo(io: CliIo): { io: CliIo; done(): void } {
  const stdout = fittingWriter(io.stdout, io.stdout.columns ?? 80);
  return { io: { ...io, stdout }, done: () => stdout.flush() };
}

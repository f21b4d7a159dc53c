// Terminal output fitted to the terminal's width: a writer that passes whole lines through fitToWidth.
// Only for human text on a terminal — never for --json, pipes or files, and not with --wide.

import { fitToWidth } from "../render/fit.js";
import type { CliIo, Writer } from "./io.js";

export interface FittingWriter extends Writer {
  /** writes a last line without a newline */
  flush(): void;
}

export function fittingWriter(inner: Writer, columns: number): FittingWriter {
  let pending = "";
  return {
    isTTY: inner.isTTY === true,
    columns,
    write(text: string) {
      pending += text;
      const cut = pending.lastIndexOf("\n");
      if (cut < 0) return true;
      inner.write(`${fitToWidth(pending.slice(0, cut), columns)}\n`);
      pending = pending.slice(cut + 1);
      return true;
    },
    flush() {
      if (pending) inner.write(fitToWidth(pending, columns));
      pending = "";
    },
  };
}

/** The io a command gets: stdout fitted when it is a terminal of known width and the output is for people. */
export function terminalIo(
  io: CliIo,
  options: { wide?: boolean; json?: boolean },
): { io: CliIo; done(): void } {
  const columns = io.stdout.columns;
  if (options.wide || options.json || io.stdout.isTTY !== true || !columns) return { io, done: () => {} };
  const stdout = fittingWriter(io.stdout, columns);
  return { io: { ...io, stdout }, done: () => stdout.flush() };
}

// What a command changes in the terminal for a while — the cursor hidden (a progress bar, a prompt's list),
// bracketed paste turned on (what-if's prompts) — put back when a signal ends the process before the
// command could: a kill, the terminal closed, Ctrl-C where no prompt reads the keys. Node puts the
// terminal's mode back itself (raw mode, echo); not these.

import type { Writer } from "./io.js";

export const SHOW_CURSOR = "\u001b[?25h";
export const PASTE_MARKS_OFF = "\u001b[?2004l";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Until the returned function is called: a signal first writes `undo` and ends the line on `screen` (or
 * the shell is left without a cursor, its prompt after the last line), then ends the process by the same
 * signal, as it asks (exit 130, 143, 129).
 */
export function undoOnSignal(screen: Writer, undo: string): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    screen.write(`${undo}\n`);
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return release;
}

// One guard for what an exit or a signal (SIGINT, SIGTERM, SIGHUP) must undo before the process ends:
// the files and folders built aside (temporary-files.ts), then the folders made for an output, empty by
// then (folders.ts). Installed while either holds something, and before it is made: with no listener a
// signal ends the process at once, between any two statements. On a signal the undoing runs, and the
// signal is delivered again with its default action, so the process ends as it asks (130, 143, 129).

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

interface Holder {
  /** undone first when lower: files before the folders they are in */
  order: number;
  undo(): void;
  holds(): boolean;
}

const holders: Holder[] = [];
let guarded = false;

/** A module's part in the guard, given once as it loads. */
export function undoOnExit(holder: Holder): void {
  holders.push(holder);
  holders.sort((a, b) => a.order - b.order);
}

function undoAll(): void {
  for (const h of holders) {
    try {
      h.undo();
    } catch {
      // what it undoes is gone already
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  undoAll();
  unguard();
  process.kill(process.pid, signal);
}

/** Before something to undo is made. */
export function guard(): void {
  if (guarded) return;
  guarded = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", undoAll);
}

/** After something is undone or kept: the guard goes once nothing is held. */
export function release(): void {
  if (!guarded || holders.some((h) => h.holds())) return;
  unguard();
}

function unguard(): void {
  guarded = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener("exit", undoAll);
}

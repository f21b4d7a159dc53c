// The files one command writes, put in place together (OutputSet, writingTogether): none replaces its
// target until every one is written, and standard output gets its text once they all are.

import type { Output } from "./output.js";
import { writeContent, writePieces } from "./pieces.js";
import { type OutputOptions, openOutput } from "./write-file.js";

/** How many outputs the process holds aside, written and not yet put in place (OutputSet): while it holds
 *  any, a reader of standard output that goes away ends the text, not the command (holdingOutputs). */
let heldAside = 0;

/** Whether outputs are held aside to be put in place: a command asked for files besides its text, and a
 *  reader gone from standard output (`run … --html r.html | head`) leaves them to be written. */
export const holdingOutputs = (): boolean => heldAside > 0;

/**
 * The files one command writes, put in place together. Each is written whole beside its target, and none
 * replaces its target until every one is written: a disk that fills up (or a device that fails) at the
 * last output then leaves the earlier targets as they were, rather than some replaced by a command that
 * ends in an error. Commit in the order held: a commit that may be refused (a file that must be new, an
 * export folder that changed) goes first, so a refusal comes before anything is replaced.
 */
export class OutputSet {
  private held: Pick<Output, "commit" | "abort">[] = [];
  /** what goes to standard output, once every file is in place: a command that fails at a commit has
   *  then printed nothing of what it would have written */
  private after: (() => void)[] = [];

  /** Holds an output written to the end; it is committed with the rest, or aborted. */
  hold(out: Pick<Output, "commit" | "abort">): void {
    this.held.push(out);
    heldAside++;
  }

  /** Writes `content` to `target` whole, held until `commit` (see `writeOutput`); standard output
   *  (`-`) gets it after every file is in place. Content in pieces (a page of 100,000 rows) is written
   *  to the file as they come, never held whole; to standard output they are written at once. */
  write(target: string, content: string | Iterable<string>, options: OutputOptions = {}): void {
    const out = openOutput(target, options);
    if (target === "-" && options.dashIsStdout !== false) {
      if (typeof content === "string") this.later(() => out.write(content));
      else writePieces((text) => out.write(text), content);
      return;
    }
    try {
      writeContent((text) => out.write(text), content);
      out.finish?.();
    } catch (e) {
      out.abort();
      throw e;
    }
    this.hold(out);
  }

  /** Runs `print` once every held output is in place (nothing, if a commit fails). */
  later(print: () => void): void {
    this.after.push(print);
  }

  commit(): void {
    const held = this.held;
    const after = this.after;
    this.held = [];
    this.after = [];
    heldAside -= held.length;
    for (const [i, out] of held.entries()) {
      try {
        out.commit();
      } catch (e) {
        for (const rest of held.slice(i + 1)) rest.abort();
        throw e;
      }
    }
    for (const print of after) print();
  }

  abort(): void {
    const held = this.held;
    this.held = [];
    this.after = [];
    heldAside -= held.length;
    for (const out of held) out.abort();
  }
}

/** Runs `work` with an OutputSet and commits it when `work` returns; aborts every held output on an
 *  error, so nothing is replaced. A signal that came while `work` ran is heard first: it removes what was
 *  written and ends the process, and nothing is put in place. */
export async function writingTogether<T>(work: (set: OutputSet) => T | Promise<T>): Promise<T> {
  const set = new OutputSet();
  try {
    const result = await work(set);
    await signalsHeard();
    set.commit();
    return result;
  } catch (e) {
    set.abort();
    throw e;
  }
}

/**
 * Lets a signal that came during synchronous work be handled now. Node runs a signal's listener only
 * between turns of its event loop: while held outputs live, SIGINT waits for the work to end — and once
 * they are all put in place their listener is gone, and the signal with it (a Ctrl-C during `run … --html`
 * of many pages left every page replaced and exit 0). Work that holds outputs a while calls this between
 * steps, and before the commit.
 */
export function signalsHeard(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

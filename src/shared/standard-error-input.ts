// Standard error appended to a file the command reads (`run s.yaml 2>> s.yaml`): every message it writes
// (a problem of that very file, a warning) would be added to the user's scenario, policy, persona or
// result file. The files read are noted as they are opened (noteRead); the process's standard error
// (cli/io.ts) asks standardErrorInput before it writes, and says its messages on standard output instead.

import { type BigIntStats, fstatSync, statSync } from "node:fs";

/** The device and inode of the regular file standard error writes to, null when it is not one. */
let stderrFile: string | null | undefined;
/** The input read that is that file, as the command named it. */
let input: string | undefined;

function standardErrorFile(): string | null {
  if (stderrFile === undefined) {
    try {
      const st = fstatSync(2, { bigint: true });
      stderrFile = st.isFile() ? `${st.dev}:${st.ino}` : null;
    } catch {
      stderrFile = null;
    }
  }
  return stderrFile;
}

/** Notes that file descriptor `fd`, opened on the input `name`, is read by the command. */
export function noteRead(fd: number, name: string): void {
  noteIfTarget(() => fstatSync(fd, { bigint: true }), name);
}

/** Notes the file at `path`, named `name`, as one the command reads or rewrites (a golden trace) before it
 *  says anything: one read later than a warning is said (`test` warns of a scenario's deprecations
 *  before it compares traces), or by a worker, or rewritten by rename (`-u`: a message appended to the
 *  trace replaced is lost) is not noted by its read. */
export function notePath(path: string, name: string): void {
  noteIfTarget(() => statSync(path, { bigint: true }), name);
}

/** Notes `name` as the input standard error is appended onto when the file `stat` reads is that file; a
 *  file that cannot be read (closed, or a trace not written yet) is not it. */
function noteIfTarget(stat: () => BigIntStats, name: string): void {
  const target = standardErrorFile();
  if (target === null || input !== undefined) return;
  try {
    const st = stat();
    if (`${st.dev}:${st.ino}` === target) input = name;
  } catch {
    // nothing to compare: not that file
  }
}

/** The input the command read that standard error is appended to, as it named it; else undefined. */
export const standardErrorInput = (): string | undefined => input;

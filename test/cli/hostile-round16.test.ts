// Hostile input, round 16: a standard output that fails under a message saying it was written, a file's
// path with a trailing slash, CREDIT_SIM_ROOT given as a PATH-like list, a date past the calendar's
// horizon, and the folders one command makes kept apart from another's.

import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run-cli.js";
import { ROOT } from "../helpers/cli.js";

const ZHANG = "scenarios/zhang-ming.yaml";

/** The CLI in-process with a standard output that fails at its first write, as a full disk does: Node
 *  marks the stream `errored` at once and tells its listeners only on the next tick. */
async function onFullDisk(args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = "";
  const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  const stdout = {
    errored: null as Error | null,
    write(_text: string) {
      stdout.errored = full;
      return false;
    },
  };
  const io: CliIo = {
    stdout,
    stderr: { write: (t: string) => void (stderr += t) },
    stdinIsTTY: false,
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    cwd: ROOT,
  };
  return { status: await runCli(args, io), stderr };
}

describe("whatif --save - on a standard output that fails", () => {
  // the variant went to a full disk and the comparison on stderr still ended "saved to standard output";
  // the stream's error came a tick later
  it.each([[["--edit", "22:day=227"]], [["--avoid", "suspended"]]])(
    "says why it is not saved, and never that it is: %j",
    async (edits) => {
      const r = await onFullDisk(["whatif", ZHANG, ...edits, "--save", "-", "--no-chart"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("standard output: cannot write: no space left on the device");
      expect(r.stderr).not.toContain("saved");
    },
  );
});

// The progress bar shows on a terminal outside CI, where "CI" is read as the test command and what-if
// read it (CI=false and CI=0 are not CI), and not on a dumb one (TERM=dumb prints its redraws as text).
import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { progressBar } from "../../src/cli/progress.js";

function terminal(): NodeJS.WriteStream {
  const s = new PassThrough() as unknown as NodeJS.WriteStream;
  Object.assign(s, {
    isTTY: true,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return s;
}

const ioWith = (env: Record<string, string>): CliIo =>
  ({ stderr: terminal(), stdout: terminal(), env, cwd: "/" }) as unknown as CliIo;

describe("progressBar", () => {
  it.each([
    [{ CI: "true" }, false],
    [{ CI: "1" }, false],
    [{ CI: "false" }, true],
    [{ CI: "0" }, true],
    [{}, true],
    [{ TERM: "dumb" }, false],
    [{ TERM: "xterm-256color" }, true],
  ])("on a terminal with %o shows: %s", async (env, shown) => {
    const bar = await progressBar(10, true, ioWith(env));
    expect(bar !== null).toBe(shown);
    bar?.stop();
  });

  // a long horizon's first accounts take a while (a chunk of 2,000 accounts × 36,500 days is half a minute
  // a core): "0s left" said the run was over before it had begun
  it("says the time left is being estimated until the first accounts are done, never 0s before any is", async () => {
    const io = ioWith({});
    const stderr = io.stderr as unknown as PassThrough;
    let written = "";
    stderr.on("data", (d) => (written += String(d)));
    const bar = await progressBar(100_000_000, true, io);
    try {
      await new Promise((r) => setImmediate(r));
      expect(written).toContain("0/100000000 accounts | estimating the time left");
      expect(written).not.toContain("0s left");
    } finally {
      bar?.stop();
    }
  });

  it("Ctrl-C during the run shows the cursor the bar hid and ends its line, then ends the process by the same signal", async () => {
    const io = ioWith({});
    const stderr = io.stderr as unknown as PassThrough;
    let written = "";
    stderr.on("data", (d) => (written += String(d)));
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    const listening = process.listenerCount("SIGINT");
    try {
      const bar = await progressBar(10, true, io);
      bar?.update(3);
      expect(written).toContain("\u001b[?25l");
      process.emit("SIGINT", "SIGINT");
      await new Promise((r) => setImmediate(r));
      expect(written.lastIndexOf("\u001b[?25h")).toBeGreaterThan(written.lastIndexOf("\u001b[?25l"));
      // the shell's prompt starts a line of its own, not after the bar
      expect(written.endsWith("\n")).toBe(true);
      expect(kill).toHaveBeenCalledWith(process.pid, "SIGINT");
      // its listener is gone: the signal delivered again takes its default course
      expect(process.listenerCount("SIGINT")).toBe(listening);
    } finally {
      kill.mockRestore();
    }
  });
});

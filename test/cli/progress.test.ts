// The progress bar shows on a terminal outside CI, where "CI" is read as the test command and what-if
// read it (CI=false and CI=0 are not CI).
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
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
  ])("on a terminal with %o shows: %s", async (env, shown) => {
    const bar = await progressBar(10, true, ioWith(env));
    expect(bar !== null).toBe(shown);
    bar?.stop();
  });
});

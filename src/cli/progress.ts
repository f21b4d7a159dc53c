// A progress bar on stderr, only when stderr is a real terminal that can move its cursor (not TERM=dumb) and
// not in CI (cli-progress, loaded lazily).

import { isCI, isDumbTerminal } from "../shared/terminal.js";
import { type CliIo, isTerminalStream } from "./io.js";
import { SHOW_CURSOR, undoOnSignal } from "./terminal-state.js";

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export async function progressBar(total: number, enabled: boolean, io: CliIo): Promise<Progress | null> {
  const stream = io.stderr;
  // the bar redraws its line by moving the cursor: a dumb terminal would print every redraw as escapes
  if (!enabled || !isTerminalStream(stream) || isCI(io.env) || isDumbTerminal(io.env)) return null;
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream,
      // the time left once accounts are done: before the first (the ETA's '0', a string), and while it
      // is beyond what the bar estimates ('NULL', 'INF'), it is said to be estimated, never "0s left"
      format: (options, params, payload) =>
        cliProgress.Format.Formatter(
          {
            ...options,
            format: `simulating {bar} {percentage}% | {value}/{total} accounts | ${
              params.value > 0 && typeof params.eta === "number"
                ? "{eta_formatted} left"
                : "estimating the time left"
            }`,
          },
          params,
          payload,
        ),
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  // Ctrl-C (or a kill) ends the process without stop(): the cursor the bar hid is shown again first
  const release = undoOnSignal(stream, SHOW_CURSOR);
  return {
    update: (done) => bar.update(done),
    stop: () => {
      release();
      bar.stop();
    },
  };
}

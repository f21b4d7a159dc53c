// What is written through, never replaced: a device, a named pipe (waited on a while for its reader), a
// link to one. Its writes wait for a slow reader of a pipe; a reader that goes away is the user's problem.

import { closeSync, constants, openSync, statSync, writeSync } from "node:fs";
import { InputError } from "./errors.js";
import { errnoOf, fileError } from "./file-errors.js";
import type { Output } from "./output.js";

/** How long a named pipe given as an output waits for its reader (an input pipe waits as long for its
 *  writer): a FIFO nobody reads hung the open, and the command with it, for ever. */
const PIPE_READER_WAIT_MS = 2000;

/** `readerWait`: how long a named pipe waits for its reader (tests shorten it; a command never does). */
export function through(target: string, path: string, readerWait = PIPE_READER_WAIT_MS): Output {
  let fd: number | null = null;
  const ensureOpen = () => {
    if (fd === null) {
      try {
        fd = openThrough(path, target, readerWait);
      } catch (e) {
        throw fileError(e, target);
      }
    }
    return fd;
  };
  const close = () => {
    if (fd !== null) {
      const f = fd;
      fd = null;
      closeSync(f);
    }
  };
  // opened at once, so a target that cannot be written fails before any work is done
  ensureOpen();
  return {
    target,
    write: (text) => {
      try {
        writeAll(ensureOpen(), text);
      } catch (e) {
        try {
          close();
        } catch {
          // reported below
        }
        throw errnoOf(e) === "EPIPE" ? readerGone(target) : fileError(e, target);
      }
    },
    commit: () => {
      try {
        close();
      } catch (e) {
        throw fileError(e, target);
      }
    },
    abort: () => {
      try {
        close();
      } catch {
        // nothing more to undo: what was written through is the reader's
      }
    },
  };
}

/** A pipe named as an output whose reader went away: what was asked for was not all read. Standard
 *  output's reader going away (`| head`) is a quiet end; this is a file the user named, said as one that
 *  could not be written whole — its quiet end lost the command's text on standard output too, exit 0. */
function readerGone(target: string): InputError {
  return new InputError("cannot write: the pipe's reader went away before all of it was read", {
    file: target,
    hint: "read the whole output from the pipe, or give a file",
  });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Opens what is written through. A named pipe is opened without blocking, so that one nobody reads is
 *  refused after `readerWait` ms rather than waited on; its writes then wait for the reader (EAGAIN). */
function openThrough(path: string, target: string, readerWait: number): number {
  let fifo = false;
  try {
    fifo = statSync(path).isFIFO();
  } catch {
    // opened below, which says what is wrong
  }
  if (!fifo) return openSync(path, "w");
  const start = Date.now();
  for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
    try {
      return openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      // ENXIO: no reader has the pipe open yet
      if (errnoOf(e) !== "ENXIO") throw e;
    }
    if (Date.now() - start >= readerWait)
      throw new InputError("cannot write: nothing reads the pipe", {
        file: target,
        hint: "start its reader first (`cat PIPE &`), or give a file",
      });
    Atomics.wait(sleeper, 0, 0, pause);
  }
}

export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  let pause = 1;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
      pause = 1;
    } catch (e) {
      // a pipe opened without blocking is full: its reader is slower, not gone (that is EPIPE)
      if (errnoOf(e) !== "EAGAIN") throw e;
      Atomics.wait(sleeper, 0, 0, pause);
      pause = Math.min(pause * 2, 20);
    }
  }
}

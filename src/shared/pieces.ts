// Writing a document as it is made: a renderer yields it in pieces (a step's lines, a record, a table
// row), and they are written in chunks of about CHUNK characters — a run of 100,000 steps is never one
// string of hundreds of megabytes (V8 ran out of heap building one), and the first lines arrive at once.

/** About how many characters are gathered before a write: few system calls, little held. */
const CHUNK = 1 << 16;

/** Writes `pieces` in order to `write`, gathered into chunks. */
export function writePieces(write: (text: string) => void, pieces: Iterable<string>): void {
  let held = "";
  for (const piece of pieces) {
    held += piece;
    if (held.length >= CHUNK) {
      write(held);
      held = "";
    }
  }
  if (held !== "") write(held);
}

/** Writes `content` to `write`: a string at once, pieces gathered into chunks (writePieces). */
export function writeContent(write: (text: string) => void, content: string | Iterable<string>): void {
  if (typeof content === "string") write(content);
  else writePieces(write, content);
}

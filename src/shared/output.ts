// An output being written (write-file.ts opens one): to standard output, through a device or a pipe
// (write-through.ts), or whole through a temporary file (atomic-write.ts).

/** An output being written: chunks in order, then commit (or abort, which leaves nothing behind). */
export interface Output {
  /** where it goes, as given (`-` for standard output) */
  readonly target: string;
  write(text: string): void;
  /** done writing: the file is closed, its content kept aside until `commit` (a command holding many
   *  outputs keeps no descriptor open for each) */
  finish?(): void;
  commit(): void;
  abort(): void;
}

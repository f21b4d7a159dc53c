// Every file credit-sim writes goes through here, so every output is safe in the same ways:
// - `-` is standard output (for paths a user types: `--csv -`, `--output -`);
// - a regular file, or a path that does not exist yet, is written whole or not at all: a temporary file
//   beside it, then a rename (a link to a regular file keeps the link: its target is replaced — when the
//   target is in the link's folder or the working folder, or below them: a link planted in a repository,
//   `report.xml -> ../../victim`, must not make a CI job's report replace a file elsewhere; a descriptor
//   the shell opened, `/dev/fd/3` of `3> page.html`, is the user's own);
// - anything else — a device, a pipe, a link to one — is written through, never replaced;
// - every error of the operating system on a path is the user's to fix (exit 2), told with the path and
//   the reason in words; a reader that goes away (EPIPE) ends the run quietly;
// - a file the program names itself (init's starter, a what-if variant) may be written as `new` — refused
//   when anything is at the path, a dangling link included, and put in place without replacing what
//   appeared meanwhile — or as `regular` — a regular file replaced, never a link followed or a device
//   written;
// - no temporary file outlives its write: an error removes it, and so does SIGINT, SIGTERM or SIGHUP
//   (the signal is then delivered again, so the process ends as it would have).

import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, resolve, sep } from "node:path";
import { InputError } from "./errors.js";
import { isWithin } from "./paths.js";
import { writeContent, writePieces } from "./pieces.js";

/** Thrown when the reader of an output went away (EPIPE): the command ends quietly, exit 0. */
export class BrokenPipe extends Error {
  constructor() {
    super("the reader of the output went away");
    this.name = "BrokenPipe";
  }
}

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

export interface OutputOptions {
  /** `-` means standard output (paths a user typed); otherwise `-` is a file named `-` */
  dashIsStdout?: boolean;
  /** where a relative target is, when not the process's working folder (messages name the target) */
  cwd?: string;
  /** where standard output goes (tests); default process.stdout */
  stdout?: (text: string) => void;
  /** what may be at the path: `any` (the rules above, the default); `regular` — nothing or a regular
   *  file, which is replaced (a symbolic link, a device or a pipe is refused, never followed); `new` —
   *  nothing: anything there, even a dangling link, is refused, and a file that appears while this one
   *  is written is not replaced */
  existing?: "any" | "regular" | "new";
}

/** Whether anything is at `path`: a file, a folder, a device, or a link — even one that leads nowhere
 *  (which `existsSync` reports as absent, and writing through would create its target). */
export function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    if (errnoOf(e) === "ENOENT" || errnoOf(e) === "ENOTDIR") return false;
    throw fileError(e, path);
  }
}

/** A file an output would replace, refused unless the user asked for that (`--force`, checked by the
 *  caller): anything at the path counts, a link that leads nowhere too. One refusal, said alike by every
 *  command that writes a file it names (`init`, `whatif --save`, `simulate --export-account -o`).
 *  `forced`: what the write with --force takes there (OutputOptions.existing) — with `regular`, anything
 *  but a regular file is refused for what it is, as --force would refuse it: --force is offered only
 *  where it would replace what is there. */
export function refuseReplacing(
  shown: string,
  path: string,
  hint = "choose another name, or add --force to replace it",
  forced: "any" | "regular" = "any",
): void {
  if (!occupied(path)) return;
  if (forced === "regular") planStrict(shown, path, "regular");
  throw new InputError("the file exists; credit-sim never replaces a file it was not asked to", {
    file: shown,
    hint,
  });
}

/**
 * Makes `dir` and the folders missing above it, one level at a time (as `mkdir -p`), for the reports a
 * user names (`--html out/r.html`). Not Node's recursive mkdir: on some paths (`/proc/x/y`) it never
 * returns. A level that cannot be made is reported, with the name the user gave.
 */
export function makeFolders(dir: string, shown: string = dir): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) break;
      throw new InputError("cannot write there: a part of the path is not a folder", { file: shown });
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (errnoOf(e) !== "ENOENT") throw fileError(e, shown);
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (e) {
      if (errnoOf(e) !== "EEXIST") throw fileError(e, shown);
    }
  }
}

/** Makes a folder whose name credit-sim chose, inside one that exists (or finds it made): never a link
 *  followed — a folder planted as a link to elsewhere would carry what is written there out of it. */
export function ownFolder(path: string, shown: string = path): void {
  try {
    mkdirSync(path);
    return;
  } catch (e) {
    if (errnoOf(e) !== "EEXIST") throw fileError(e, shown);
  }
  checkOwnFolder(path, shown);
}

/** Refuses what stands at the name of a folder credit-sim makes (see ownFolder) and is not a folder:
 *  a link, even to one, or a file. Nothing there is no refusal: the folder is made when written in. */
export function checkOwnFolder(path: string, shown: string = path): void {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return;
    throw fileError(e, shown);
  }
  if (st.isDirectory()) return;
  throw new InputError(
    st.isSymbolicLink()
      ? "cannot write into it: it is a symbolic link"
      : "cannot write into it: not a folder",
    {
      file: shown,
      hint: "remove it, or write to another folder: credit-sim never writes through a link it did not make",
    },
  );
}

/** Writes `content` to `target` whole (see the rules above); content in pieces is written as they come. */
export function writeOutput(
  target: string,
  content: string | Iterable<string>,
  options: OutputOptions = {},
): void {
  const out = openOutput(target, options);
  try {
    writeContent((text) => out.write(text), content);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

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

/** Whether `target` could be opened under these rules now, without writing anything: throws the error
 *  `openOutput` would (a command writing several files checks them all before writing the first). */
export function checkOutput(target: string, options: OutputOptions = {}): void {
  if (target === "-" && options.dashIsStdout !== false) return;
  const path = options.cwd === undefined ? target : resolve(options.cwd, target);
  refuseFolderName(target, path);
  const existing = options.existing ?? "any";
  const how = existing === "any" ? plan(target, path, options.cwd) : planStrict(target, path, existing);
  // a file made or replaced goes through a temporary file beside it: the folder must take one (its nearest
  // existing ancestor, for a report whose folders are made on the way)
  if (how.kind === "replace") {
    let folder = dirname(how.path);
    while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    try {
      accessSync(folder, constants.W_OK);
    } catch (e) {
      throw fileError(e, target);
    }
  }
}

/** Opens an output for writing in chunks (see the rules above). */
export function openOutput(target: string, options: OutputOptions = {}): Output {
  if (target === "-" && options.dashIsStdout !== false) return stdoutOutput(options.stdout);
  const path = options.cwd === undefined ? target : resolve(options.cwd, target);
  refuseFolderName(target, path);
  const existing = options.existing ?? "any";
  const how = existing === "any" ? plan(target, path, options.cwd) : planStrict(target, path, existing);
  return how.kind === "replace" ? replacing(target, how.path, existing === "new") : through(target, path);
}

/** A name ending in a separator is a folder's (`--html out/`): never a file to write — resolve() drops the
 *  slash, and the file of that name was written, or replaced. A folder there is said to be one. */
function refuseFolderName(target: string, path: string): void {
  if (!target.endsWith("/") && !target.endsWith(sep)) return;
  if (lookedAt(target, resolve(path))?.isDirectory()) throw fileError({ code: "EISDIR" }, target);
  throw new InputError('cannot write: a name ending in "/" is a folder\'s', {
    file: target,
    hint: "give a file's name: without the trailing /, or a file in that folder",
  });
}

/** What is at the path, looked at and not followed (a link is a link); null when nothing is. */
function lookedAt(target: string, path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return null;
    throw fileError(e, target);
  }
}

/** `regular` and `new`: what is at the path is looked at, never followed. */
function planStrict(
  target: string,
  path: string,
  existing: "regular" | "new",
): { kind: "replace"; path: string } {
  const st = lookedAt(target, path);
  if (st === null) return { kind: "replace", path };
  if (st.isDirectory()) throw fileError({ code: "EISDIR" }, target);
  if (existing === "new") throw fileError({ code: "EEXIST" }, target);
  if (st.isFile()) return { kind: "replace", path };
  throw new InputError(
    st.isSymbolicLink() ? "cannot write: it is a symbolic link" : "cannot write: not a regular file",
    {
      file: target,
      hint: st.isSymbolicLink()
        ? "remove it, or give another name: this file is never written through a link"
        : "remove it (a pipe, a device or a socket), or give another name: this file is only written as a file of its own",
    },
  );
}

function stdoutOutput(stdout?: (text: string) => void): Output {
  const write = stdout ?? ((text: string) => void process.stdout.write(text));
  return { target: "-", write, commit: () => {}, abort: () => {} };
}

/** Replace a regular file (or create a new one) through a temporary file; write anything else through. */
function plan(
  target: string,
  path: string,
  cwd: string | undefined,
): { kind: "replace"; path: string } | { kind: "through" } {
  refuseFolderLeadingOut(target, path, cwd);
  const st = lookedAt(target, path);
  if (st === null) return { kind: "replace", path };
  if (st.isDirectory()) throw fileError({ code: "EISDIR" }, target);
  if (st.isFile()) {
    // reached through a linked folder
    const real = realFolder(dirname(path));
    if (real !== null && real !== resolve(dirname(path)))
      refuseProgram(target, st, join(real, basename(path)));
    return { kind: "replace", path };
  }
  if (st.isSymbolicLink()) {
    // followed (a link to a pipe, `/dev/fd/63` of a `>(…)`, is looked at as the pipe)
    let to: Stats | null = null;
    try {
      to = statSync(path);
    } catch {
      // a dangling link: writing through creates what it points at
    }
    if (to?.isDirectory()) throw fileError({ code: "EISDIR" }, target);
    if (to !== null && !to.isFile()) return { kind: "through" };
    const end = linkEnd(path);
    if (!end.descriptor) {
      refuseLeadingOut(target, path, end.path, cwd);
      refuseIntoGit(target, path, end.path);
      if (to !== null) refuseProgram(target, to, end.path);
    }
    // a file is replaced where the link leads (the link stays); a link that leads nowhere yet — or a
    // descriptor whose file is gone — is written through
    return to !== null && end.exists ? { kind: "replace", path: end.path } : { kind: "through" };
  }
  return { kind: "through" };
}

/** Whether a folder is this process's open descriptors' (Linux: /dev/fd is /proc/self/fd, which is
 *  /proc/<pid>/fd) — not another process's, whose files a planted link could reach through theirs. */
const ownDescriptors = (folder: string): boolean =>
  /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd$/.exec(folder)?.[1] === String(process.pid);

/**
 * Where the link at `path` leads, as the system follows it when the file is opened: every link on the
 * way, each one's text read from the folder it is in — realpathSync reads a `..` in a link's text as a
 * path (`sub/../x`, `sub` a link to another folder, named a file in this one, where the write goes
 * elsewhere), and a link to a link that leads nowhere yet creates what the last one names. `exists`:
 * whether anything is at its end; `descriptor`: whether it goes through an open descriptor's link
 * (`/dev/stdout`, `/dev/fd/3` of a shell's `3> page.html`): a file the user opened, not one planted.
 */
function linkEnd(path: string): { path: string; exists: boolean; descriptor: boolean } {
  let at = path;
  let descriptor = false;
  // as many links as the system follows (Linux's MAXSYMLINKS); more, and opening the path fails
  for (let hops = 0; hops <= 40; hops++) {
    const folder = realFolder(dirname(at));
    if (folder !== null && ownDescriptors(folder)) descriptor = true;
    const end = (exists: boolean) => ({
      path: folder === null ? resolve(at) : join(folder, basename(at)),
      exists,
      descriptor,
    });
    let st: Stats;
    try {
      st = lstatSync(at);
    } catch {
      return end(false);
    }
    if (!st.isSymbolicLink()) return end(true);
    const text = readlinkSync(at);
    // not joined: a join reads `..` in the text as a path, where the system reads it in the folder
    at = isAbsolute(text) ? text : `${dirname(at)}${sep}${text}`;
  }
  return { path: resolve(at), exists: false, descriptor };
}

/** A folder's path with every link on its way followed by the system (null: it cannot be resolved). */
function realFolder(folder: string): string | null {
  try {
    return realpathSync.native(folder);
  } catch {
    return null;
  }
}

/** A link the user named that leads to a file (or to none yet) outside both its own folder and the
 *  working folder is refused: the user typed the link's path, not its target's, and a link planted in a
 *  checked-out repository would otherwise make a report replace any file the job may write. A device or
 *  a pipe is not a file replaced, and stays written through (`--csv /dev/stdout`). */
function refuseLeadingOut(target: string, path: string, dest: string, cwd: string | undefined): void {
  // a folder that cannot be resolved holds nothing
  const within = (folder: string) => isWithin(dest, realFolder(folder) ?? folder);
  if (within(dirname(path)) || within(cwd ?? process.cwd())) return;
  throw new InputError(
    "cannot write: it is a symbolic link that leads out of its folder and the working folder",
    {
      file: target,
      found: dest,
      hint: "name the file it leads to, if that is the one to write, or remove the link",
    },
  );
}

/** A path in the working folder whose folder a link on the way takes out of it is refused, as a link to
 *  the file would be: a repository checked out there may plant `reports -> ../../victim`, and a CI job's
 *  `--output-file junit=reports/junit.xml` would replace `victim/junit.xml` (or make folders and files
 *  there). The folders of a path outside the working folder are the user's own, links and all (a home
 *  folder linked to another disk). What does not exist yet is checked at its nearest folder that does.
 *  `path`: the file written, or a folder written in (`--flips DIR`, `init DIR`: its own link is refused
 *  where it is written in). */
export function refuseFolderLeadingOut(target: string, path: string, cwd: string | undefined): void {
  // the folder as the system reaches it (a `..` after a linked folder is read there, not in the text)
  let folder = dirname(path);
  const rest = [basename(path)];
  while (!existsSync(folder) && dirname(folder) !== folder) {
    rest.unshift(basename(folder));
    folder = dirname(folder);
  }
  const real = realFolder(folder);
  if (real === null) return;
  const dest = join(real, ...rest);
  refuseIntoGit(target, path, dest);
  const work = resolve(cwd ?? process.cwd());
  if (!isWithin(resolve(work, path), work)) return;
  // where the path lands, every link on its way followed: the working folder itself lands in it, though
  // the folder it is in (its parent) is outside
  if (isWithin(dest, realFolder(work) ?? work) || isWithin(dest, work)) return;
  throw new InputError("cannot write: a symbolic link on its way leads out of the working folder", {
    file: target,
    found: dest,
    hint: "name the folder it leads to, if that is where to write, or remove the link",
  });
}

/** A file with an execute bit reached through a link is not replaced: a report is no program, and a
 *  checkout's untracked programs (node_modules/.bin's scripts, an installed git hook) are run by what
 *  comes next — a replaced shell script runs each line it can, one a scenario's name wrote among them.
 *  Named itself, it is the user's to replace. */
function refuseProgram(target: string, st: Stats, dest: string): void {
  if ((st.mode & 0o111) === 0) return;
  throw new InputError(
    "cannot write: a symbolic link on its way leads to a program (a file with an execute bit)",
    {
      file: target,
      found: dest,
      hint: "a report never replaces a program through a link: name the file itself, if that is the one to write, or remove the link",
    },
  );
}

/** Whether a path goes through a folder named `.git` (in any case: `.GIT` is that folder on a file system
 *  that ignores case, macOS's and Windows' by default). */
const throughGit = (path: string): boolean =>
  resolve(path)
    .split(sep)
    .some((part) => part.toLowerCase() === ".git");

/** A link — to the file or a folder on its way, anywhere — never leads into a `.git` folder that the path
 *  as named does not go into: what is there is git's own (its configuration; its hooks, which git runs
 *  with the mode they have), never a file a checkout holds. A repository may plant `report.txt ->
 *  .git/hooks/pre-commit`: a report replaced the hook, and a scenario named `x; curl … | sh` ran at the
 *  next commit. A path typed into `.git` is written. */
function refuseIntoGit(target: string, path: string, dest: string): void {
  if (!throughGit(dest) || throughGit(path)) return;
  throw new InputError("cannot write: a symbolic link on its way leads into a .git folder", {
    file: target,
    found: dest,
    hint: "a .git folder holds git's own files (its hooks are run by git): name the file itself to write there, or remove the link",
  });
}

/** The temporary file beside `path`: hidden, named after the target, and no longer than the target's own
 *  name when that is long — a file system takes a name of at most 255 bytes (fewer on some), and a
 *  target whose name is near that must still be writable. */
function temporaryPath(path: string): string {
  const name = basename(path);
  const suffix = `.${process.pid}.${tmpCounter++}.tmp`;
  const room = Math.max(32, Buffer.byteLength(name) - 1 - suffix.length);
  let kept = "";
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > room) break;
    kept += ch;
  }
  return join(dirname(path), `.${kept}${suffix}`);
}

/** How many names a temporary file tries when the one before is taken. */
const NAME_TRIES = 100;

function replacing(target: string, path: string, noClobber = false): Output {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // a new file: the usual mode (0666 less the umask)
  }
  let tmp = "";
  let fd = -1;
  for (let tries = 1; fd < 0; tries++) {
    tmp = temporaryPath(path);
    // guarded before it exists: a signal that comes between creating the file and guarding it would
    // otherwise end the process with the file left behind
    live.add(tmp);
    guardSignals();
    try {
      // made with no more permission than the file it replaces has: a private file's new content is
      // never open to others while it is written (nor in what a SIGKILL leaves); its exact mode is set
      // once written (the umask may have taken bits the file had, and a write clears set-user-ID)
      fd = openSync(tmp, "wx", mode === undefined ? 0o666 : mode & 0o777);
    } catch (e) {
      forget(tmp);
      // a name taken — a killed run's file, left by a process with this one's id (PID 1 in every
      // container) — is another's: the next name is tried, and the file is left alone
      if (errnoOf(e) === "EEXIST" && tries < NAME_TRIES) continue;
      // the temporary file is beside the target: its folder's problems are the target's
      throw fileError(e, target);
    }
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  const discard = () => {
    try {
      close();
    } catch {
      // closing a file that failed to write may fail again: it is removed all the same
    }
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    forget(tmp);
  };
  return {
    target,
    write: (text) => {
      try {
        writeAll(fd, text);
      } catch (e) {
        discard();
        throw fileError(e, target);
      }
    },
    finish: () => {
      if (!open) return;
      try {
        if (mode !== undefined && (fstatSync(fd).mode & 0o7777) !== mode) fchmodSync(fd, mode);
        close();
      } catch (e) {
        discard();
        throw fileError(e, target);
      }
    },
    commit: () => {
      try {
        if (open) {
          if (mode !== undefined && (fstatSync(fd).mode & 0o7777) !== mode) fchmodSync(fd, mode);
          close();
        }
        if (noClobber) putInPlace(tmp, path);
        else renameSync(tmp, path);
      } catch (e) {
        discard();
        throw fileError(e, target);
      }
      forget(tmp);
    },
    abort: discard,
  };
}

/** Moves `tmp` to `path` only if nothing is there: a hard link fails when the name is taken (by anything,
 *  a link included), unlike rename, which replaces. Where hard links are not supported, a last look
 *  and a rename. */
function putInPlace(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = errnoOf(e);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    if (occupied(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(tmp, path);
    return;
  }
  unlinkSync(tmp);
}

function through(target: string, path: string): Output {
  let fd: number | null = null;
  const ensureOpen = () => {
    if (fd === null) {
      try {
        fd = openThrough(path, target);
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
        throw fileError(e, target);
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

/** How long a named pipe given as an output waits for its reader (an input pipe waits as long for its
 *  writer): a FIFO nobody reads hung the open, and the command with it, for ever. */
const PIPE_READER_WAIT_MS = 2000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Opens what is written through. A named pipe is opened without blocking, so that one nobody reads is
 *  refused after PIPE_READER_WAIT_MS rather than waited on; its writes then wait for the reader (EAGAIN). */
function openThrough(path: string, target: string): number {
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
    if (Date.now() - start >= PIPE_READER_WAIT_MS)
      throw new InputError("cannot write: nothing reads the pipe", {
        file: target,
        hint: "start its reader first (`cat PIPE &`), or give a file",
      });
    Atomics.wait(sleeper, 0, 0, pause);
  }
}

function writeAll(fd: number, text: string): void {
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

// ---- temporary files and signals ----

let tmpCounter = 0;
const live = new Set<string>();
/** folders being built aside (stagedFolder): removed whole by a signal or an exit */
const liveFolders = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let guarded = false;

function removeLive(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const folder of liveFolders) rmSync(folder, { recursive: true, force: true });
  liveFolders.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  unguard();
  // deliver it again with the default action: the process ends as the signal asks (130, 143, 129)
  process.kill(process.pid, signal);
}

/** While a temporary file lives, a signal or an exit removes it first. */
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", removeLive);
}

function unguard(): void {
  if (!guarded) return;
  guarded = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener("exit", removeLive);
}

function forget(tmp: string): void {
  live.delete(tmp);
  liveFolders.delete(tmp);
  if (live.size === 0 && liveFolders.size === 0) unguard();
}

/**
 * Files built in a hidden folder inside `target` (made if missing) and moved into it at the end
 * (`commit`): an interrupted or failed export leaves nothing half-written there. `target` itself is never
 * replaced, so a mount point, a folder in a read-only parent, its mode and owner all stay as they are.
 * Until then a signal, an exit or `abandon` removes the hidden folder. `commit(accept)` is told what else
 * stands in `target` by then and says whether it may be removed (an earlier export under --force), or
 * returns the error that stops the commit (files that appeared during the run, without --force).
 */
export function stagedFolder(
  target: string,
  shown: string = target,
): {
  path: string;
  commit(accept: (others: readonly string[]) => InputError | null): void;
  abandon(): void;
} {
  makeFolders(target, shown);
  // never through a link: one put in the folder's place while a run went on would carry the export (and,
  // replacing an earlier one, its removals) elsewhere
  const notLink = () => {
    if (lstatSync(target).isSymbolicLink())
      throw new InputError("cannot write into it: it is a symbolic link", {
        file: shown,
        hint: "give a folder of its own: credit-sim never writes through a link",
      });
  };
  notLink();
  // what a run that was killed left behind (its process gone) is removed, not mistaken for content — one
  // under this process's own id too, unless this run is building it: a killed run's id is the next
  // one's in every container (PID 1), where its folder was kept as if alive, and its name then refused
  // the export ("cannot write: it exists")
  for (const e of readdirSync(target)) {
    const pid = /^\.credit-sim-(\d+)-\d+$/.exec(e)?.[1];
    if (pid === undefined) continue;
    const gone = Number(pid) === process.pid ? !liveFolders.has(join(target, e)) : !alive(Number(pid));
    if (gone) rmSync(join(target, e), { recursive: true, force: true });
  }
  const path = join(target, `.credit-sim-${process.pid}-${++tmpCounter}`);
  try {
    mkdirSync(path);
  } catch (e) {
    throw fileError(e, shown);
  }
  liveFolders.add(path);
  guardSignals();
  const abandon = () => {
    rmSync(path, { recursive: true, force: true });
    forget(path);
  };
  return {
    path,
    commit(accept) {
      try {
        notLink();
        // another run's hidden folder is not ours to judge or remove
        const others = readdirSync(target).filter((e) => !e.startsWith(".credit-sim-"));
        const refused = accept(others);
        if (refused) throw refused;
        for (const e of others) rmSync(join(target, e), { recursive: true, force: true });
        for (const e of readdirSync(path)) renameSync(join(path, e), join(target, e));
      } catch (e) {
        throw e instanceof InputError ? e : fileError(e, shown);
      } finally {
        abandon();
      }
    },
    abandon,
  };
}

/** Whether a process with this id runs (signal 0 asks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user
    return errnoOf(e) === "EPERM";
  }
}

/** Temporary files alive now (tests). */
export function liveTemporaryFiles(): string[] {
  return [...live];
}

// ---- errors in words ----

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EFBIG: "the file is too large for the file system",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EEXIST: "it exists",
  EBUSY: "the file is busy",
  ETXTBSY: "the file is a running program",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "an input/output error",
  ENXIO: "no reader or device at that path",
  EINVAL: "the path cannot be written this way",
  EXDEV: "the file is on another device",
};

/** What to do about a path the system refuses as too long (ENAMETOOLONG), whichever command was given it. */
export const LONG_PATH_HINT = "shorten the path: a file's name, or the folders it is in";

/** An operating-system error code in words: `the name is too long` for ENAMETOOLONG. */
export const systemReason = (code: string): string => REASONS[code] ?? `the system refused (${code})`;

/** The same for an error met reading a file: EINVAL there is the file's refusal of the read (a /proc file
 *  read in pieces it does not take), not a path that cannot be written. */
export const systemReadReason = (code: string): string =>
  code === "EINVAL" ? "the system refuses to read it this way" : systemReason(code);

function errnoOf(e: unknown): string | undefined {
  if (e === null || typeof e !== "object" || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

/** An operating-system error on `target` as the user's problem (exit 2); EPIPE as BrokenPipe. */
export function fileError(e: unknown, target: string): Error {
  if (e instanceof InputError || e instanceof BrokenPipe) return e;
  const code = errnoOf(e);
  if (code === "EPIPE") return new BrokenPipe();
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  // no such file in a folder that is there: a folder no file can be made in (/proc, /sys)
  const inFolder = code === "ENOENT" && folderExists(dirname(resolve(target)));
  const reason = inFolder ? "no file can be made in this folder" : systemReason(code);
  return new InputError(`cannot write: ${reason}`, {
    file: target,
    ...(code === "ENOENT"
      ? { hint: inFolder ? "write the file somewhere else" : "create the folder first" }
      : {}),
    ...(code === "EISDIR" ? { hint: "give a file name, not a folder" } : {}),
    ...(code === "ENAMETOOLONG" ? { hint: LONG_PATH_HINT } : {}),
    ...(code === "EEXIST" ? { hint: "choose another name, or remove what is there" } : {}),
    ...(code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? { hint: "write somewhere you may, or change the permissions" }
      : {}),
  });
}

function folderExists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
